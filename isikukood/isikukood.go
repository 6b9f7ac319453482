package isikukood

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/invalid"
)

// Code is a valid Estonian personal identification code (isikukood). It is a small comparable value
// (one uint64) that can be compared with == and used as a map key. The zero Code means "no code"
// (see [Code.IsZero]); every other Code has passed all the checks of GEN-01, because the only ways
// to get one are [Parse], [MustParse], [Make], [Code.UnmarshalText] and [Code.Scan].
type Code struct {
	n uint64 // the 11 digits as a decimal number; 0 for the zero Code
}

// Sex is the sex encoded in the first digit of a code: odd digits are [Male], even digits [Female].
// The zero Sex is what [Code.Sex] returns for the zero Code.
type Sex uint8

// The sexes a code encodes (GEN-01).
const (
	Male   Sex = 1 // first digit 1, 3, 5 or 7
	Female Sex = 2 // first digit 2, 4, 6 or 8
)

// String returns "male" or "female", "" for the zero Sex and "Sex(n)" for any other value.
func (s Sex) String() string {
	switch s {
	case 0:
		return ""
	case Male:
		return "male"
	case Female:
		return "female"
	}
	return "Sex(" + strconv.Itoa(int(s)) + ")"
}

// Check names the check of GEN-01 that an input failed. [Parse] runs the checks in the order of the
// constants below and reports the first one that fails, so an input that is both too short and
// contains a letter fails [ErrLength].
//
// A Check is also an error: [*Error] unwraps to its Check, so errors.Is(err, isikukood.ErrChecksum)
// tells which check failed, and errors.AsType[isikukood.Check](err) returns it.
type Check uint8

// The checks, in the order [Parse] runs them. The zero Check is not one of them.
const (
	// ErrLength: after surrounding white space is trimmed the input is not 11 characters long.
	ErrLength Check = iota + 1
	// ErrNonDigit: one of the 11 characters is not an ASCII digit 0–9 (a letter, a separator, an
	// inner space or a non-ASCII digit such as the full-width "４").
	ErrNonDigit
	// ErrFirstDigit: the first digit is 0 or 9; only 1–8 encode a sex and a century.
	ErrFirstDigit
	// ErrDate: YYMMDD, in the century of the first digit, is not a real date (month 00 or 13,
	// day 00, 31 April, 29 February 1900, ...).
	ErrDate
	// ErrChecksum: the 11th digit is not the check digit of the first ten.
	ErrChecksum
)

var checkText = [...]string{ErrLength: "wrong length", ErrNonDigit: "non-digit character",
	ErrFirstDigit: "first digit out of range", ErrDate: "impossible birth date", ErrChecksum: "wrong check digit"}

// String describes the check in words: "wrong length", "non-digit character", "first digit out of
// range", "impossible birth date" or "wrong check digit" ("Check(n)" for any other value).
func (c Check) String() string {
	if c > 0 && int(c) < len(checkText) {
		return checkText[c]
	}
	return "Check(" + strconv.Itoa(int(c)) + ")"
}

// Error returns the same text as [Check.String], with no package prefix: a Check is reached through
// an [*Error], whose message has one.
func (c Check) Error() string { return c.String() }

// Error reports an input that is not a valid personal code, which check it failed and why.
// It unwraps to its [Check] and to invalid.ErrInvalid.
type Error struct {
	Input  string // the input as given, before white space was trimmed
	Check  Check  // the first check that failed
	Reason string // what was wrong, in words a host can show, e.g. "is 8, want 7"
}

// maxQuoted is how many bytes of a long input an error message shows.
const maxQuoted = 32

// Error returns a message such as `isikukood: "49502020048": wrong check digit: is 8, want 7`.
// An input longer than 32 bytes is cut short in the message (not in [Error.Input]).
func (e *Error) Error() string {
	in := e.Input
	suffix := ""
	if len(in) > maxQuoted {
		i := maxQuoted
		for i > 0 && !utf8.RuneStart(in[i]) { // do not cut a character in two
			i--
		}
		in, suffix = in[:i], "…"
	}
	return "isikukood: " + strconv.Quote(in) + suffix + ": " + e.Check.Error() + ": " + e.Reason
}

// Unwrap returns the failed [Check] and invalid.ErrInvalid, so that errors.Is(err,
// isikukood.ErrDate) tells which check failed and errors.Is(err, invalid.ErrInvalid) that the input
// is bad, as for every package of the SDK.
func (e *Error) Unwrap() []error { return []error{e.Check, invalid.ErrInvalid} }

// codeLen is the length of a code in digits.
const codeLen = 11

// pow10[i] is 10^i, for taking a code apart.
var pow10 = [...]uint64{1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
	1_000_000_000, 10_000_000_000, 100_000_000_000}

// Weights of the two passes of the check digit (EVS 585:2007; GEN-01).
var (
	weights1 = [10]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 1}
	weights2 = [10]int{3, 4, 5, 6, 7, 8, 9, 1, 2, 3}
)

// checkDigit returns the check digit of the ten ASCII digits s[0:10] (GEN-01).
func checkDigit(s string) int {
	var a, b int
	for i := range 10 {
		v := int(s[i] - '0')
		a += v * weights1[i]
		b += v * weights2[i]
	}
	if a %= 11; a != 10 {
		return a
	}
	if b %= 11; b != 10 {
		return b
	}
	return 0
}

// century returns the first year of the century that first digit g (1–8) encodes.
func century(g int) int { return 1800 + 100*((g-1)/2) }

// Parse parses an Estonian personal identification code (isikukood), GEN-01: 11 digits GYYMMDDSSSC
// with G 1–8, YYMMDD a real date in G's century and C the check digit.
//
// Legal basis: Rahvastikuregistri seadus; regulation 07.01.2005 nr 4 "Isikukoodide moodustamise,
// väljajagamise ja andmise kord" (RTL 2005, 13, 115) § 2 (1), which builds the code under standard
// EVS 585:2007 "Isikukood. Struktuur". Documents name their holder by it (RULES.md GEN-01
// [002 § 8 (2) 2)]: Vabariigi Valitsuse määrus nr 113, RT I 2010, 58, 391 § 8 (2) 2)).
//
// Parse first trims leading and trailing white space (as strings.TrimSpace does: spaces, tabs,
// newlines, no-break spaces); it removes nothing inside the code, so "495 02020047" is not accepted.
// It accepts every first digit of the standard, 1–8, so codes beginning 7 or 8 decode to birth dates
// in 2100–2199. On failure it returns an [*Error] whose Check is the first check that failed, in the
// order [ErrLength], [ErrNonDigit], [ErrFirstDigit], [ErrDate], [ErrChecksum]. It does not allocate
// for a valid code.
func Parse(s string) (Code, error) {
	t := strings.TrimSpace(s)
	if len(t) != codeLen {
		return Code{}, formError(s, t, codeLen)
	}
	var n uint64
	for i := range codeLen {
		c := t[i] - '0'
		if c > 9 {
			return Code{}, formError(s, t, codeLen)
		}
		n = n*10 + uint64(c)
	}
	g := int(t[0] - '0')
	if g == 0 || g == 9 {
		return Code{}, &Error{Input: s, Check: ErrFirstDigit, Reason: strconv.Itoa(g) + ", want 1–8"}
	}
	y := century(g) + two(t[1:3])
	m, d := two(t[3:5]), two(t[5:7])
	if m < 1 || m > 12 || d < 1 || d > calendar.DaysIn(y, time.Month(m)) {
		return Code{}, &Error{Input: s, Check: ErrDate, Reason: fmt.Sprintf("%04d-%02d-%02d does not exist", y, m, d)}
	}
	if c, want := int(t[10]-'0'), checkDigit(t); c != want {
		return Code{}, &Error{Input: s, Check: ErrChecksum, Reason: fmt.Sprintf("is %d, want %d", c, want)}
	}
	return Code{n}, nil
}

// formError returns the error for t (trimmed from input), which is not size ASCII digits: ErrLength
// if it is not size characters long, counted in runes (so "AAA\ufeff¦৺", 11 bytes, is 6 characters),
// and otherwise ErrNonDigit naming the first character that is not a digit. It returns nil if t is
// size ASCII digits after all.
func formError(input, t string, size int) error {
	if n := utf8.RuneCountInString(t); n != size {
		return &Error{Input: input, Check: ErrLength, Reason: strconv.Itoa(n) + " characters, want " + strconv.Itoa(size)}
	}
	pos := 0
	for _, r := range t {
		pos++
		if r < '0' || r > '9' {
			return &Error{Input: input, Check: ErrNonDigit, Reason: fmt.Sprintf("%q at position %d", r, pos)}
		}
	}
	return nil
}

// two returns the value of two ASCII digits.
func two(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }

// MustParse is like [Parse] but panics if s is not a valid code. It is meant for literals in tests
// and examples, never for input.
func MustParse(s string) Code {
	c, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return c
}

// Valid reports whether s is a valid personal code, as [Parse] decides (GEN-01).
func Valid(s string) bool {
	_, err := Parse(s)
	return err == nil
}

// CheckDigit returns the check digit of the first ten digits of a code (GEN-01, EVS 585:2007):
// the sum of the digits weighted 1 2 3 4 5 6 7 8 9 1, modulo 11; if that is 10, the sum weighted
// 3 4 5 6 7 8 9 1 2 3, modulo 11; if that is 10 again, 0.
//
// It checks only that first10 is ten ASCII digits (no trimming, no date or first-digit check) and
// otherwise returns an [*Error] with Check [ErrLength] or [ErrNonDigit].
func CheckDigit(first10 string) (int, error) {
	if err := formError(first10, first10, 10); err != nil {
		return 0, err
	}
	return checkDigit(first10), nil
}

// Make returns the code of a person of sex sex born on birth with serial number serial (000–999,
// the digits SSS that tell apart people born on the same day), with its check digit computed.
// The first digit is the one the standard gives birth's century; a birth in 2000 gets 5 or 6 (see
// the package doc on the year 2000).
//
// It returns an *invalid.FieldError (wrapping invalid.ErrInvalid) if sex is neither [Male] nor
// [Female], birth is not a real date in 1800–2199, or serial is outside 0–999.
func Make(sex Sex, birth calendar.Date, serial int) (Code, error) {
	if sex != Male && sex != Female {
		return Code{}, &invalid.FieldError{Pkg: "isikukood", Field: "sex", Value: strconv.Itoa(int(sex)), Reason: "is neither Male nor Female (Make)"}
	}
	if !birth.IsValid() || birth.Year < 1800 || birth.Year > 2199 {
		return Code{}, &invalid.FieldError{Pkg: "isikukood", Field: "birth",
			Value: fmt.Sprintf("%04d-%02d-%02d", birth.Year, int(birth.Month), birth.Day), Reason: "is not a real date in 1800–2199 (Make)"}
	}
	if serial < 0 || serial > 999 {
		return Code{}, &invalid.FieldError{Pkg: "isikukood", Field: "serial", Value: strconv.Itoa(serial), Reason: "is outside 0–999 (Make)"}
	}
	g := 2*((birth.Year-1800)/100) + 1
	if sex == Female {
		g++
	}
	n := uint64(g)
	n = n*100 + uint64(birth.Year%100)
	n = n*100 + uint64(birth.Month)
	n = n*100 + uint64(birth.Day)
	n = n*1000 + uint64(serial)
	var buf [codeLen]byte
	strconv.AppendUint(buf[:0], n, 10) // ten digits: g is never 0
	return Code{n*10 + uint64(checkDigit(string(buf[:10])))}, nil
}

// IsZero reports whether c is the zero Code, which stands for "no code".
func (c Code) IsZero() bool { return c.n == 0 }

// String returns the 11 digits of c, or "" for the zero Code.
func (c Code) String() string {
	if c.n == 0 {
		return ""
	}
	var buf [codeLen]byte
	return string(strconv.AppendUint(buf[:0], c.n, 10))
}

// field returns the width digits of c that end at place p, counted from the right (place 0 is the
// check digit, place 10 the first digit).
func (c Code) field(p, width int) int { return int(c.n / pow10[p] % pow10[width]) }

// BirthDate returns the birth date that c encodes: YYMMDD in the century of the first digit
// (1, 2: 1800s; 3, 4: 1900s; 5, 6: 2000s; 7, 8: 2100s). It returns the zero Date for the zero Code.
// A code beginning 3 or 4 with YY 00 decodes to 1900, though its holder may have been born in 2000
// (see the package doc).
func (c Code) BirthDate() calendar.Date {
	if c.n == 0 {
		return calendar.Date{}
	}
	return calendar.Date{
		Year:  century(c.field(10, 1)) + c.field(8, 2),
		Month: time.Month(c.field(6, 2)),
		Day:   c.field(4, 2),
	}
}

// Sex returns [Male] for a code beginning with an odd digit, [Female] for an even one and the zero
// Sex for the zero Code.
func (c Code) Sex() Sex {
	if c.n == 0 {
		return 0
	}
	if c.field(10, 1)%2 == 1 {
		return Male
	}
	return Female
}

// Serial returns the serial number SSS (0–999) that tells apart people born on the same day; before
// 2013 its range named the hospital. It returns -1 for the zero Code.
func (c Code) Serial() int {
	if c.n == 0 {
		return -1
	}
	return c.field(1, 3)
}

// AgeOn returns the number of completed years of life of c's holder on the date d, as the birth date
// in c gives it. It returns -1 for the zero Code or a d before the birth date.
//
// A person is a year older from the start of each anniversary of the birth date. A person born on
// 29 February is a year older on 28 February in a common year, not on 1 March: the anniversary is
// the end of a period counted in years, and where the last month has no corresponding day such a
// period ends on that month's last day (TsÜS § 136 (2)–(3); [calendar.Date.AddYears]). So a code
// for 2004-02-29 gives 17 on 2022-02-27 and 18 on 2022-02-28.
func (c Code) AgeOn(d calendar.Date) int {
	if c.n == 0 {
		return -1
	}
	b := c.BirthDate()
	if d.Before(b) {
		return -1
	}
	age := d.Year - b.Year
	if b.AddYears(age).After(d) {
		age--
	}
	return age
}

// AppendText implements encoding.TextAppender: it appends the 11 digits of c, or nothing for the
// zero Code.
func (c Code) AppendText(b []byte) ([]byte, error) {
	if c.n == 0 {
		return b, nil
	}
	return strconv.AppendUint(b, c.n, 10), nil
}

// MarshalText implements encoding.TextMarshaler: the 11 digits of c, or empty text for the zero
// Code.
func (c Code) MarshalText() ([]byte, error) {
	return c.AppendText(make([]byte, 0, codeLen))
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts what [Parse] accepts, and empty text
// as the zero Code; on an error it leaves c unchanged.
func (c *Code) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = Code{}
		return nil
	}
	p, err := Parse(string(b))
	if err != nil {
		return err
	}
	*c = p
	return nil
}

// Scan implements sql.Scanner. It accepts a string or []byte that [Parse] accepts (empty meaning the
// zero Code), an int64 holding the code as a number (a column of type bigint), and nil (NULL) as the
// zero Code. On an error it leaves c unchanged.
func (c *Code) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c = Code{}
		return nil
	case string:
		return c.UnmarshalText([]byte(v))
	case []byte:
		return c.UnmarshalText(v)
	case int64:
		p, err := Parse(strconv.FormatInt(v, 10))
		if err != nil {
			return err
		}
		*c = p
		return nil
	}
	return fmt.Errorf("isikukood: cannot scan %T into a Code", src)
}

// Value implements driver.Valuer: the 11 digits of c as a string, or NULL for the zero Code.
func (c Code) Value() (driver.Value, error) {
	if c.n == 0 {
		return nil, nil
	}
	return c.String(), nil
}
