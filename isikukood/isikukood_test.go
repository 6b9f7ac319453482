package isikukood_test

import (
	"database/sql"
	"database/sql/driver"
	"encoding"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/isikukood"
)

// The interfaces a Code and a *Code promise.
var (
	_ encoding.TextMarshaler   = isikukood.Code{}
	_ encoding.TextAppender    = isikukood.Code{}
	_ encoding.TextUnmarshaler = (*isikukood.Code)(nil)
	_ sql.Scanner              = (*isikukood.Code)(nil)
	_ driver.Valuer            = isikukood.Code{}
	_ error                    = isikukood.ErrChecksum
	_ error                    = (*isikukood.Error)(nil)
)

// refCheckDigit is an independent statement of the GEN-01 algorithm, in python-stdnum's compact form
// (weights (i mod 9) + 1, then ((i + 2) mod 9) + 1), used to check the package's own.
func refCheckDigit(first10 string) int {
	sum := func(shift int) int {
		s := 0
		for i := range 10 {
			s += ((i+shift)%9 + 1) * int(first10[i]-'0')
		}
		return s % 11
	}
	if c := sum(0); c != 10 {
		return c
	}
	return sum(2) % 10 // a second 10 becomes 0
}

// pass1 returns the first pass's remainder, to show which pass a test vector needs.
func pass1(first10 string) int {
	s := 0
	for i := range 10 {
		s += (i%9 + 1) * int(first10[i]-'0')
	}
	return s % 11
}

func pass2(first10 string) int {
	s := 0
	for i := range 10 {
		s += ((i+2)%9 + 1) * int(first10[i]-'0')
	}
	return s % 11
}

// The sample code from seed 000 (certificate 204580): a woman born on 2 February 1995. Its first pass
// gives 10, so its check digit 7 comes from the second pass.
func TestParse_GEN01_sampleFromSeed000(t *testing.T) {
	c, err := isikukood.Parse("49502020047")
	if err != nil {
		t.Fatalf("Parse(49502020047) error = %v; want nil", err)
	}
	if got, want := c.BirthDate(), calendar.MustDate(1995, time.February, 2); got != want {
		t.Errorf("BirthDate() = %v; want %v", got, want)
	}
	if got := c.Sex(); got != isikukood.Female {
		t.Errorf("Sex() = %v; want female", got)
	}
	if got := c.Serial(); got != 4 {
		t.Errorf("Serial() = %d; want 4", got)
	}
	if got := c.String(); got != "49502020047" {
		t.Errorf("String() = %q; want 49502020047", got)
	}
	if p1, p2 := pass1("4950202004"), pass2("4950202004"); p1 != 10 || p2 != 7 {
		t.Errorf("passes of 4950202004 = %d, %d; want 10, 7", p1, p2)
	}
}

func TestParse_GEN01_table(t *testing.T) {
	tests := []struct {
		in    string
		check isikukood.Check // 0: valid
		birth string          // for valid codes
		sex   isikukood.Sex
	}{
		{"49502020047", 0, "1995-02-02", isikukood.Female}, // seed 000
		// Derived (computed with the GEN-01 algorithm, not taken from a source), one per first digit.
		{"10001010002", 0, "1800-01-01", isikukood.Male},
		{"23912310008", 0, "1839-12-31", isikukood.Female},
		{"38506150048", 0, "1985-06-15", isikukood.Male},
		{"47001010027", 0, "1970-01-01", isikukood.Female},
		{"50002290002", 0, "2000-02-29", isikukood.Male},
		{"60002290101", 0, "2000-02-29", isikukood.Female},
		{"70001010008", 0, "2100-01-01", isikukood.Male},
		{"89912319991", 0, "2199-12-31", isikukood.Female},
		{" 49502020047\t", 0, "1995-02-02", isikukood.Female}, // surrounding white space is trimmed
		{"\u00a049502020047\n", 0, "1995-02-02", isikukood.Female},

		{"", isikukood.ErrLength, "", 0},
		{"   ", isikukood.ErrLength, "", 0},
		{"4950202004", isikukood.ErrLength, "", 0},
		{"495020200470", isikukood.ErrLength, "", 0},
		{"4950-202-0047", isikukood.ErrLength, "", 0},
		{"AAA\ufeff¦৺", isikukood.ErrLength, "", 0},   // 6 characters in 11 bytes (found by InvalidGenerator)
		{"49502020ä7", isikukood.ErrLength, "", 0},    // 10 characters in 11 bytes
		{"4950202004ä", isikukood.ErrNonDigit, "", 0}, // 11 characters, 12 bytes
		{"4950202004x", isikukood.ErrNonDigit, "", 0},
		{"495 2020047", isikukood.ErrNonDigit, "", 0}, // inner spaces are not removed
		{"４9502020047", isikukood.ErrNonDigit, "", 0},
		{"-4950202004", isikukood.ErrNonDigit, "", 0},
		{"4950202004\xff", isikukood.ErrNonDigit, "", 0},
		{"09502020047", isikukood.ErrFirstDigit, "", 0},
		{"99502020047", isikukood.ErrFirstDigit, "", 0},
		// Impossible dates, each with the check digit its first ten digits give (derived).
		{"30002290000", isikukood.ErrDate, "", 0}, // 1900-02-29
		{"50102290005", isikukood.ErrDate, "", 0}, // 2001-02-29
		{"38102290008", isikukood.ErrDate, "", 0}, // 1981-02-29
		{"49502310006", isikukood.ErrDate, "", 0}, // 31 February
		{"49504310005", isikukood.ErrDate, "", 0}, // 31 April
		{"49500020007", isikukood.ErrDate, "", 0}, // month 00
		{"49513020004", isikukood.ErrDate, "", 0}, // month 13
		{"49519020001", isikukood.ErrDate, "", 0}, // month 19
		{"49502000003", isikukood.ErrDate, "", 0}, // day 00
		{"49502320002", isikukood.ErrDate, "", 0}, // day 32
		{"49502020048", isikukood.ErrChecksum, "", 0},
		{"49502020040", isikukood.ErrChecksum, "", 0}, // what mapping pass I's 10 straight to 0 would give
		{"38506150040", isikukood.ErrChecksum, "", 0}, // likewise
		{"38506152601", isikukood.ErrChecksum, "", 0}, // both passes give 10: the digit must be 0
	}
	for _, tt := range tests {
		c, err := isikukood.Parse(tt.in)
		if tt.check == 0 {
			if err != nil {
				t.Errorf("Parse(%q) error = %v; want nil", tt.in, err)
				continue
			}
			if got := c.BirthDate().String(); got != tt.birth {
				t.Errorf("Parse(%q).BirthDate() = %s; want %s", tt.in, got, tt.birth)
			}
			if got := c.Sex(); got != tt.sex {
				t.Errorf("Parse(%q).Sex() = %v; want %v", tt.in, got, tt.sex)
			}
			if got, want := c.String(), strings.TrimSpace(tt.in); got != want {
				t.Errorf("Parse(%q).String() = %q; want %q", tt.in, got, want)
			}
			if !isikukood.Valid(tt.in) {
				t.Errorf("Valid(%q) = false; want true", tt.in)
			}
			continue
		}
		if err == nil {
			t.Errorf("Parse(%q) = %v, nil; want error %v", tt.in, c, tt.check)
			continue
		}
		if !c.IsZero() {
			t.Errorf("Parse(%q) code = %v; want the zero Code with an error", tt.in, c)
		}
		e, ok := errors.AsType[*isikukood.Error](err)
		if !ok {
			t.Errorf("Parse(%q) error %T; want *isikukood.Error", tt.in, err)
			continue
		}
		if e.Check != tt.check || e.Input != tt.in {
			t.Errorf("Parse(%q) error = {Input %q, Check %v}; want {%q, %v}", tt.in, e.Input, e.Check, tt.in, tt.check)
		}
		if !errors.Is(err, tt.check) {
			t.Errorf("errors.Is(Parse(%q), %v) = false; want true", tt.in, tt.check)
		}
		if !strings.HasPrefix(err.Error(), "isikukood: ") {
			t.Errorf("Parse(%q) error %q; want the prefix \"isikukood: \"", tt.in, err)
		}
		if isikukood.Valid(tt.in) {
			t.Errorf("Valid(%q) = true; want false", tt.in)
		}
	}
}

// A code whose first pass gives 10, so that its check digit comes from the second pass. DERIVED: the
// code was computed with the GEN-01 algorithm for a man born 1985-06-15 with serial 004, not taken
// from a source. An implementation that maps pass I's 10 straight to 0 gets 0 instead of 8.
func TestCheckDigit_GEN01_secondPass(t *testing.T) {
	for _, code := range []string{"38506150048", "47001010027", "49502020047"} {
		first10 := code[:10]
		if p1, p2 := pass1(first10), pass2(first10); p1 != 10 || p2 == 10 {
			t.Fatalf("%s: passes = %d, %d; want 10 and not 10 (bad test vector)", code, p1, p2)
		}
		got, err := isikukood.CheckDigit(first10)
		if want := int(code[10] - '0'); err != nil || got != want {
			t.Errorf("CheckDigit(%s) = %d, %v; want %d, nil", first10, got, err, want)
		}
		if !isikukood.Valid(code) {
			t.Errorf("Valid(%s) = false; want true", code)
		}
	}
}

// Codes where both passes give 10, so the check digit is 0. DERIVED with the GEN-01 algorithm (no
// source lists such codes): 1985-06-15 serial 260, 1970-01-01 serial 166 and 2012-02-29 serial 036.
func TestCheckDigit_GEN01_bothPassesTen(t *testing.T) {
	for _, code := range []string{"38506152600", "47001011660", "51202290360"} {
		first10 := code[:10]
		if p1, p2 := pass1(first10), pass2(first10); p1 != 10 || p2 != 10 {
			t.Fatalf("%s: passes = %d, %d; want 10, 10 (bad test vector)", code, p1, p2)
		}
		if got, err := isikukood.CheckDigit(first10); err != nil || got != 0 {
			t.Errorf("CheckDigit(%s) = %d, %v; want 0, nil", first10, got, err)
		}
		if !isikukood.Valid(code) {
			t.Errorf("Valid(%s) = false; want true", code)
		}
	}
}

func TestCheckDigit_GEN01_input(t *testing.T) {
	tests := []struct {
		in    string
		check isikukood.Check
	}{
		{"", isikukood.ErrLength},
		{"495020200", isikukood.ErrLength},
		{"49502020047", isikukood.ErrLength},
		{" 495020200", isikukood.ErrNonDigit}, // no trimming
		{"49502x2004", isikukood.ErrNonDigit},
	}
	for _, tt := range tests {
		if _, err := isikukood.CheckDigit(tt.in); !errors.Is(err, tt.check) {
			t.Errorf("CheckDigit(%q) error = %v; want %v", tt.in, err, tt.check)
		}
	}
	// CheckDigit checks no date and no first digit.
	if got, err := isikukood.CheckDigit("9999999999"); err != nil || got != refCheckDigit("9999999999") {
		t.Errorf("CheckDigit(9999999999) = %d, %v; want %d, nil", got, err, refCheckDigit("9999999999"))
	}
}

// 1900 is not a leap year, so 1900-02-29 does not exist, though the check digit of 3000229000 is
// right; 2000 is a leap year (divisible by 400).
func TestParse_GEN01_leapDays(t *testing.T) {
	if d := refCheckDigit("3000229000"); d != 0 {
		t.Fatalf("check digit of 3000229000 = %d; want 0 (bad test vector)", d)
	}
	_, err := isikukood.Parse("30002290000")
	if !errors.Is(err, isikukood.ErrDate) {
		t.Errorf("Parse(30002290000) (1900-02-29) error = %v; want ErrDate", err)
	}
	want := "isikukood: \"30002290000\": impossible birth date: 1900-02-29 does not exist"
	if err == nil || err.Error() != want {
		t.Errorf("Parse(30002290000) error = %q; want %q", err, want)
	}
	c, err := isikukood.Parse("50002290002")
	if err != nil || c.BirthDate() != calendar.MustDate(2000, time.February, 29) {
		t.Errorf("Parse(50002290002) = %v (born %v), %v; want 2000-02-29, nil", c, c.BirthDate(), err)
	}
}

func TestError_GEN01_messages(t *testing.T) {
	tests := []struct{ in, want string }{
		{"4950202004", `isikukood: "4950202004": wrong length: 10 characters, want 11`},
		{"495020200x7", `isikukood: "495020200x7": non-digit character: 'x' at position 10`},
		{"99502020047", `isikukood: "99502020047": first digit out of range: 9, want 1–8`},
		{"49513020004", `isikukood: "49513020004": impossible birth date: 1995-13-02 does not exist`},
		{"49502020048", `isikukood: "49502020048": wrong check digit: is 8, want 7`},
		{strings.Repeat("1", 40), `isikukood: "11111111111111111111111111111111"…: wrong length: 40 characters, want 11`},
		{strings.Repeat("1", 31) + "ää", `isikukood: "1111111111111111111111111111111"…: wrong length: 33 characters, want 11`},
	}
	for _, tt := range tests {
		_, err := isikukood.Parse(tt.in)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%q) error = %q; want %q", tt.in, err, tt.want)
		}
	}
	if got, ok := errors.AsType[isikukood.Check](func() error { _, err := isikukood.Parse("49502020048"); return err }()); !ok || got != isikukood.ErrChecksum {
		t.Errorf("errors.AsType[Check] = %v, %v; want ErrChecksum, true", got, ok)
	}
	names := map[isikukood.Check]string{isikukood.ErrLength: "wrong length", isikukood.ErrNonDigit: "non-digit character",
		isikukood.ErrFirstDigit: "first digit out of range", isikukood.ErrDate: "impossible birth date",
		isikukood.ErrChecksum: "wrong check digit", 0: "Check(0)"}
	for c, want := range names {
		if got := c.String(); got != want || c.Error() != want {
			t.Errorf("Check(%d).String(), Error() = %q, %q; want %q", uint8(c), got, c.Error(), want)
		}
	}
}

func TestMustParse_GEN01(t *testing.T) {
	if got := isikukood.MustParse("49502020047").String(); got != "49502020047" {
		t.Errorf("MustParse(49502020047) = %s", got)
	}
	defer func() {
		if r := recover(); r == nil {
			t.Error("MustParse(49502020048) did not panic")
		}
	}()
	isikukood.MustParse("49502020048")
}

func TestMake_GEN01(t *testing.T) {
	tests := []struct {
		sex    isikukood.Sex
		birth  calendar.Date
		serial int
		want   string
	}{
		{isikukood.Female, calendar.MustDate(1995, time.February, 2), 4, "49502020047"},
		{isikukood.Male, calendar.MustDate(1985, time.June, 15), 260, "38506152600"},
		{isikukood.Male, calendar.MustDate(1800, time.January, 1), 0, "10001010002"},
		{isikukood.Female, calendar.MustDate(2199, time.December, 31), 999, "89912319991"},
		{isikukood.Male, calendar.MustDate(2000, time.February, 29), 0, "50002290002"}, // 2000 gets 5/6
	}
	for _, tt := range tests {
		c, err := isikukood.Make(tt.sex, tt.birth, tt.serial)
		if err != nil || c.String() != tt.want {
			t.Errorf("Make(%v, %v, %d) = %v, %v; want %s", tt.sex, tt.birth, tt.serial, c, err, tt.want)
		}
	}
	bad := []struct {
		sex    isikukood.Sex
		birth  calendar.Date
		serial int
	}{
		{0, calendar.MustDate(1995, time.February, 2), 4},
		{3, calendar.MustDate(1995, time.February, 2), 4},
		{isikukood.Male, calendar.Date{}, 4},
		{isikukood.Male, calendar.Date{Year: 1900, Month: time.February, Day: 29}, 4},
		{isikukood.Male, calendar.MustDate(1799, time.December, 31), 4},
		{isikukood.Male, calendar.MustDate(2200, time.January, 1), 4},
		{isikukood.Male, calendar.MustDate(1995, time.February, 2), -1},
		{isikukood.Male, calendar.MustDate(1995, time.February, 2), 1000},
	}
	for _, tt := range bad {
		if c, err := isikukood.Make(tt.sex, tt.birth, tt.serial); err == nil || !c.IsZero() ||
			!strings.HasPrefix(err.Error(), "isikukood: ") {
			t.Errorf("Make(%v, %+v, %d) = %v, %v; want an error", tt.sex, tt.birth, tt.serial, c, err)
		}
	}
}

// Age in completed years. The age goes up at the start of each anniversary; a person born on
// 29 February is a year older on 28 February in a common year (TsÜS § 136; calendar.Date.AddYears).
func TestCode_AgeOn_GEN01(t *testing.T) {
	leapling := isikukood.MustParse("60402290004") // derived: a woman born 2004-02-29, serial 000
	if got := leapling.BirthDate(); got != calendar.MustDate(2004, time.February, 29) {
		t.Fatalf("BirthDate() = %v; want 2004-02-29", got)
	}
	sample := isikukood.MustParse("49502020047") // 1995-02-02
	tests := []struct {
		c    isikukood.Code
		on   calendar.Date
		want int
	}{
		{sample, calendar.MustDate(1995, time.February, 1), -1},
		{sample, calendar.MustDate(1995, time.February, 2), 0},
		{sample, calendar.MustDate(1996, time.February, 1), 0},
		{sample, calendar.MustDate(1996, time.February, 2), 1},
		{sample, calendar.MustDate(2013, time.February, 1), 17},
		{sample, calendar.MustDate(2013, time.February, 2), 18},
		{sample, calendar.MustDate(2026, time.May, 7), 31},
		{leapling, calendar.MustDate(2005, time.February, 27), 0},
		{leapling, calendar.MustDate(2005, time.February, 28), 1}, // not 1 March
		{leapling, calendar.MustDate(2005, time.March, 1), 1},
		{leapling, calendar.MustDate(2008, time.February, 28), 3}, // leap year: the real day counts
		{leapling, calendar.MustDate(2008, time.February, 29), 4},
		{leapling, calendar.MustDate(2022, time.February, 27), 17},
		{leapling, calendar.MustDate(2022, time.February, 28), 18},
		{isikukood.Code{}, calendar.MustDate(2022, time.February, 28), -1},
	}
	for _, tt := range tests {
		if got := tt.c.AgeOn(tt.on); got != tt.want {
			t.Errorf("%v.AgeOn(%v) = %d; want %d", tt.c, tt.on, got, tt.want)
		}
	}
}

func TestCode_zero(t *testing.T) {
	var c isikukood.Code
	if !c.IsZero() || c.String() != "" || !c.BirthDate().IsZero() || c.Sex() != 0 || c.Serial() != -1 || c.AgeOn(calendar.MustDate(2000, 1, 1)) != -1 {
		t.Errorf("zero Code: IsZero %v, String %q, BirthDate %v, Sex %v, Serial %d",
			c.IsZero(), c.String(), c.BirthDate(), c.Sex(), c.Serial())
	}
	if isikukood.MustParse("49502020047").IsZero() {
		t.Error("MustParse(49502020047).IsZero() = true")
	}
	if got := isikukood.Sex(0).String() + "|" + isikukood.Male.String() + "|" + isikukood.Female.String() + "|" + isikukood.Sex(7).String(); got != "|male|female|Sex(7)" {
		t.Errorf("Sex strings = %q", got)
	}
}

func TestCode_text_GEN01(t *testing.T) {
	type person struct {
		Code isikukood.Code `json:"code"`
	}
	for _, tt := range []struct {
		c    isikukood.Code
		json string
	}{
		{isikukood.MustParse("49502020047"), `{"code":"49502020047"}`},
		{isikukood.Code{}, `{"code":""}`},
	} {
		b, err := json.Marshal(person{tt.c})
		if err != nil || string(b) != tt.json {
			t.Errorf("json.Marshal(%v) = %s, %v; want %s", tt.c, b, err, tt.json)
		}
		var p person
		if err := json.Unmarshal(b, &p); err != nil || p.Code != tt.c {
			t.Errorf("json.Unmarshal(%s) = %v, %v; want %v", b, p.Code, err, tt.c)
		}
	}
	c := isikukood.MustParse("49502020047")
	if err := c.UnmarshalText([]byte("49502020048")); !errors.Is(err, isikukood.ErrChecksum) || c.String() != "49502020047" {
		t.Errorf("UnmarshalText(49502020048) = %v, code now %v; want ErrChecksum, code unchanged", err, c)
	}
	if b, err := c.AppendText([]byte("ik=")); err != nil || string(b) != "ik=49502020047" {
		t.Errorf("AppendText = %q, %v", b, err)
	}
}

func TestCode_sql_GEN01(t *testing.T) {
	want := isikukood.MustParse("49502020047")
	for _, src := range []any{"49502020047", []byte("49502020047"), int64(49502020047)} {
		var c isikukood.Code
		if err := c.Scan(src); err != nil || c != want {
			t.Errorf("Scan(%#v) = %v, %v; want %v", src, c, err, want)
		}
	}
	for _, src := range []any{nil, "", []byte{}} {
		c := want
		if err := c.Scan(src); err != nil || !c.IsZero() {
			t.Errorf("Scan(%#v) = %v, %v; want the zero Code", src, c, err)
		}
	}
	for _, src := range []any{"49502020048", int64(0), int64(-49502020047), 3.5, true} {
		c := want
		if err := c.Scan(src); err == nil || c != want {
			t.Errorf("Scan(%#v) = %v, %v; want an error and the code unchanged", src, c, err)
		}
	}
	if v, err := want.Value(); err != nil || v != "49502020047" {
		t.Errorf("Value() = %#v, %v; want \"49502020047\"", v, err)
	}
	if v, err := (isikukood.Code{}).Value(); err != nil || v != nil {
		t.Errorf("zero Value() = %#v, %v; want nil (NULL)", v, err)
	}
}

// Property: every generated code parses back to itself, is a real date with a right check digit,
// and Make rebuilds it from its birth date, sex and serial.
func TestGenerator_GEN01_roundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := isikukood.Generator().Draw(t, "code")
		s := c.String()
		p, err := isikukood.Parse(s)
		if err != nil || p != c {
			t.Fatalf("Parse(%s) = %v, %v; want %v", s, p, err, c)
		}
		if got := refCheckDigit(s); int(s[10]-'0') != got {
			t.Fatalf("%s: check digit %c; the reference gives %d", s, s[10], got)
		}
		b := c.BirthDate()
		if !b.IsValid() || b.Year < 1800 || b.Year > 2199 {
			t.Fatalf("%s: BirthDate() = %v; want a real date in 1800–2199", s, b)
		}
		m, err := isikukood.Make(c.Sex(), b, c.Serial())
		if err != nil || m != c {
			t.Fatalf("Make(%v, %v, %d) = %v, %v; want %v", c.Sex(), b, c.Serial(), m, err, c)
		}
		if m.BirthDate() != b {
			t.Fatalf("Make(…, %v, …).BirthDate() = %v", b, m.BirthDate())
		}
		if got := c.AgeOn(b); got != 0 {
			t.Fatalf("%s.AgeOn(birth) = %d; want 0", s, got)
		}
		if got := c.AgeOn(b.AddYears(18)); got != 18 {
			t.Fatalf("%s.AgeOn(birth + 18 years = %v) = %d; want 18", s, b.AddYears(18), got)
		}
	})
}

// The generator reaches every first digit, leap days and both special cases of the check digit.
func TestGenerator_GEN01_coverage(t *testing.T) {
	var first [10]int
	var leap, second, both int
	for i := range 600 {
		s := isikukood.Generator().Example(i).String()
		first[s[0]-'0']++
		if s[3:7] == "0229" {
			leap++
		}
		if pass1(s[:10]) == 10 {
			if pass2(s[:10]) == 10 {
				both++
			} else {
				second++
			}
		}
	}
	for g := 1; g <= 8; g++ {
		if first[g] == 0 {
			t.Errorf("no code with first digit %d in 600 examples", g)
		}
	}
	if leap == 0 || second == 0 || both == 0 {
		t.Errorf("in 600 examples: %d leap days, %d second-pass codes, %d both-ten codes; want each > 0", leap, second, both)
	}
}

// Property: every Invalid fails Parse with exactly its Check.
func TestInvalidGenerator_GEN01_failsItsCheck(t *testing.T) {
	seen := map[isikukood.Check]bool{}
	rapid.Check(t, func(t *rapid.T) {
		inv := isikukood.InvalidGenerator().Draw(t, "invalid")
		seen[inv.Check] = true
		c, err := isikukood.Parse(inv.Input)
		if err == nil {
			t.Fatalf("Parse(%q) = %v, nil; want %v", inv.Input, c, inv.Check)
		}
		e, ok := errors.AsType[*isikukood.Error](err)
		if !ok || e.Check != inv.Check {
			t.Fatalf("Parse(%q) error = %v; want check %v", inv.Input, err, inv.Check)
		}
		if !errors.Is(err, inv.Check) {
			t.Fatalf("errors.Is(%v, %v) = false", err, inv.Check)
		}
		if isikukood.Valid(inv.Input) {
			t.Fatalf("Valid(%q) = true", inv.Input)
		}
	})
	for c := isikukood.ErrLength; c <= isikukood.ErrChecksum; c++ {
		if !seen[c] {
			t.Errorf("InvalidGenerator produced no %v case", c)
		}
	}
}

// Property: changing the check digit of a valid code makes it invalid (ErrChecksum).
func TestParse_GEN01_changedCheckDigit(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := isikukood.Generator().Draw(t, "code").String()
		d := rapid.IntRange(0, 9).Filter(func(d int) bool { return d != int(s[10]-'0') }).Draw(t, "digit")
		bad := s[:10] + string(rune('0'+d))
		if _, err := isikukood.Parse(bad); !errors.Is(err, isikukood.ErrChecksum) {
			t.Fatalf("Parse(%s) (check digit of %s changed) error = %v; want ErrChecksum", bad, s, err)
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"49502020047", "38506150048", "38506152600", "30002290000", "50002290002",
		"89912319991", " 49502020047 ", "4950202004", "99502020047", "4950202004ä", "", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := isikukood.Parse(s)
		if err != nil {
			if !c.IsZero() {
				t.Fatalf("Parse(%q) = %v, %v; want the zero Code with an error", s, c, err)
			}
			if _, ok := errors.AsType[*isikukood.Error](err); !ok || !strings.HasPrefix(err.Error(), "isikukood: ") {
				t.Fatalf("Parse(%q) error %T %q", s, err, err)
			}
			return
		}
		out := c.String()
		if out != strings.TrimSpace(s) || len(out) != 11 || !utf8.ValidString(out) {
			t.Fatalf("Parse(%q).String() = %q; want the trimmed input", s, out)
		}
		if got := refCheckDigit(out); int(out[10]-'0') != got {
			t.Fatalf("Parse(%q) accepted check digit %c; want %d", s, out[10], got)
		}
		if b := c.BirthDate(); !b.IsValid() {
			t.Fatalf("Parse(%q) accepted birth date %+v, not a real date", s, b)
		}
		if p, err := isikukood.Parse(out); err != nil || p != c {
			t.Fatalf("Parse(%q) round trip = %v, %v; want %v", out, p, err, c)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := isikukood.Parse("49502020047"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParse_invalid(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := isikukood.Parse("49502020048"); err == nil {
			b.Fatal("no error")
		}
	}
}

func BenchmarkCode_String(b *testing.B) {
	c := isikukood.MustParse("49502020047")
	b.ReportAllocs()
	for b.Loop() {
		_ = c.String()
	}
}

func BenchmarkCode_AgeOn(b *testing.B) {
	c := isikukood.MustParse("49502020047")
	on := calendar.MustDate(2026, time.May, 7)
	b.ReportAllocs()
	for b.Loop() {
		_ = c.AgeOn(on)
	}
}
