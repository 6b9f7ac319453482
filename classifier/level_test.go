package classifier_test

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"strconv"
	"testing"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/classifier"
)

// CERT-03: EKR and EQF levels are 1–8.
func TestCERT03ParseLevel(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"1", 1},
		{"5", 5},
		{"8", 8},
		{" 5 ", 5},
		{"tase 5", 5},
		{"Tase 5", 5},
		{"level 4", 4},
		{"EKR 5", 5},
		{"ekr 5", 5},
		{"EKR tase 6", 6},
		{"EQF 7", 7},
		{"EQF level 3", 3},
		{"EstQF Level 4", 4},
		{"EKR\u00a0tase\t2", 2},
	}
	for _, tt := range tests {
		got, err := classifier.ParseLevel(tt.in)
		if err != nil || got.Int() != tt.want {
			t.Errorf("ParseLevel(%q) = %v, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestCERT03ParseLevelRefused(t *testing.T) {
	tests := []struct {
		in    string
		field string
		want  error
	}{
		{"", "level", classifier.ErrSyntax},
		{"   ", "level", classifier.ErrSyntax},
		{"0", "level", classifier.ErrRange},
		{"9", "level", classifier.ErrRange},
		{"10", "level", classifier.ErrRange},
		{"99999999999999999999999", "level", classifier.ErrRange},
		{"EKR 9", "EKR level", classifier.ErrRange},
		{"EstQF Level 0", "EKR level", classifier.ErrRange},
		{"EQF 12", "EQF level", classifier.ErrRange},
		{"05", "level", classifier.ErrSyntax},
		{"-5", "level", classifier.ErrSyntax},
		{"+5", "level", classifier.ErrSyntax},
		{"5.0", "level", classifier.ErrSyntax},
		{"V", "level", classifier.ErrSyntax},
		{"5. tase", "level", classifier.ErrSyntax},
		{"tase", "level", classifier.ErrSyntax},
		{"EKR", "level", classifier.ErrSyntax},
		{"Kokk, tase 4", "level", classifier.ErrSyntax},
		{"tase EKR 5", "level", classifier.ErrSyntax},
		{"EKR EQF 5", "EKR level", classifier.ErrSyntax},
		{"EKR tase tase 5", "EKR level", classifier.ErrSyntax},
		{"٥", "level", classifier.ErrSyntax}, // Arabic-Indic five: digits are ASCII only
	}
	for _, tt := range tests {
		got, err := classifier.ParseLevel(tt.in)
		if !errors.Is(err, tt.want) {
			t.Errorf("ParseLevel(%q) = %v, %v; want error wrapping %v", tt.in, got, err, tt.want)
			continue
		}
		if !got.IsZero() {
			t.Errorf("ParseLevel(%q) = %v with an error; want the zero Level", tt.in, got)
		}
		fe, ok := errors.AsType[*classifier.FieldError](err)
		if !ok {
			t.Errorf("ParseLevel(%q) error %T; want *classifier.FieldError", tt.in, err)
			continue
		}
		if fe.Field != tt.field || fe.Input != tt.in || fe.Reason == "" {
			t.Errorf("ParseLevel(%q) error = %+v; want Field %q, Input %q and a reason", tt.in, fe, tt.field, tt.in)
		}
	}
}

func TestCERT03LevelOf(t *testing.T) {
	for n := classifier.MinLevel; n <= classifier.MaxLevel; n++ {
		l, err := classifier.LevelOf(n)
		if err != nil || l.Int() != n || l.String() != strconv.Itoa(n) || l.IsZero() {
			t.Errorf("LevelOf(%d) = %v (Int %d), %v; want level %d", n, l, l.Int(), err, n)
		}
		if m := classifier.MustLevel(n); m != l {
			t.Errorf("MustLevel(%d) = %v; want %v", n, m, l)
		}
	}
	for _, n := range []int{0, 9, -1, 255, 256 + 5, -(1 << 62)} {
		l, err := classifier.LevelOf(n)
		if !errors.Is(err, classifier.ErrRange) || !l.IsZero() {
			t.Errorf("LevelOf(%d) = %v, %v; want the zero Level and an error wrapping ErrRange", n, l, err)
		}
		want := `classifier: invalid level "` + strconv.Itoa(n) + `": must be 1–8`
		if err != nil && err.Error() != want {
			t.Errorf("LevelOf(%d) error = %q; want %q", n, err, want)
		}
	}
}

func TestCERT03LevelZeroIsUnset(t *testing.T) {
	var l classifier.Level
	if !l.IsZero() || l.Int() != 0 || l.String() != "" {
		t.Errorf("zero Level: IsZero %v, Int %d, String %q; want true, 0, \"\"", l.IsZero(), l.Int(), l.String())
	}
	if _, err := classifier.ParseLevel(l.String()); !errors.Is(err, classifier.ErrSyntax) {
		t.Errorf("ParseLevel(zero.String()) error = %v; want ErrSyntax: an unset level is not a level", err)
	}
}

func TestCERT03MustLevelPanics(t *testing.T) {
	for _, n := range []int{0, 9} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("MustLevel(%d) did not panic", n)
				}
			}()
			classifier.MustLevel(n)
		}()
	}
}

// The register's certificate record carries ekrtase and eqftase as XML integers that may be absent.
func TestCERT03LevelText(t *testing.T) {
	var rec struct {
		EKR classifier.Level `xml:"ekrtase"`
		EQF classifier.Level `xml:"eqftase"`
	}
	if err := xml.Unmarshal([]byte(`<kutsetunnistus><ekrtase>5</ekrtase><eqftase></eqftase></kutsetunnistus>`), &rec); err != nil {
		t.Fatalf("xml.Unmarshal: %v", err)
	}
	if rec.EKR != classifier.MustLevel(5) || !rec.EQF.IsZero() {
		t.Errorf("decoded EKR %v, EQF %q; want 5 and unset", rec.EKR, rec.EQF)
	}
	err := xml.Unmarshal([]byte(`<kutsetunnistus><ekrtase>9</ekrtase></kutsetunnistus>`), &rec)
	if !errors.Is(err, classifier.ErrRange) {
		t.Errorf("xml.Unmarshal(ekrtase 9) error = %v; want ErrRange", err)
	}

	b, err := json.Marshal(map[string]classifier.Level{"ekr": classifier.MustLevel(4), "eqf": {}})
	if err != nil || string(b) != `{"ekr":"4","eqf":""}` {
		t.Errorf("json.Marshal = %s, %v; want ekr \"4\" and eqf \"\"", b, err)
	}
	var back map[string]classifier.Level
	if err := json.Unmarshal(b, &back); err != nil || back["ekr"] != classifier.MustLevel(4) || !back["eqf"].IsZero() {
		t.Errorf("json round trip = %v, %v", back, err)
	}

	l := classifier.MustLevel(3)
	if err := l.UnmarshalText([]byte("x")); err == nil || l != classifier.MustLevel(3) {
		t.Errorf("UnmarshalText(x) = %v, level now %v; want an error and the level unchanged", err, l)
	}
}

// Property (CERT-03): every level's text parses back to it, with or without a framework prefix.
func TestCERT03LevelRoundTripProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(classifier.MinLevel, classifier.MaxLevel).Draw(t, "n")
		l := classifier.MustLevel(n)
		prefix := rapid.SampledFrom([]string{"", "tase ", "EKR ", "EKR tase ", "EQF ", "EQF level ", "EstQF Level "}).Draw(t, "prefix")
		for _, s := range []string{l.String(), prefix + l.String()} {
			got, err := classifier.ParseLevel(s)
			if err != nil || got != l {
				t.Fatalf("ParseLevel(%q) = %v, %v; want %v", s, got, err, l)
			}
		}
	})
}

// Property (CERT-03): no int outside 1–8 is a level, whether given as a number or as text.
func TestCERT03LevelOutsideRangeRefusedProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.OneOf(
			rapid.IntMax(classifier.MinLevel-1),
			rapid.IntMin(classifier.MaxLevel+1),
			rapid.IntRange(-20, 20).Filter(func(n int) bool { return n < classifier.MinLevel || n > classifier.MaxLevel }),
		).Draw(t, "n")
		if l, err := classifier.LevelOf(n); !errors.Is(err, classifier.ErrRange) || !l.IsZero() {
			t.Fatalf("LevelOf(%d) = %v, %v; want an error wrapping ErrRange", n, l, err)
		}
		if l, err := classifier.ParseLevel(strconv.Itoa(n)); err == nil || !l.IsZero() {
			t.Fatalf("ParseLevel(%q) = %v, %v; want an error", strconv.Itoa(n), l, err)
		}
	})
}

// FuzzParseLevel: ParseLevel never panics, refuses with a *FieldError wrapping a sentinel, and
// what it accepts is 1–8 and round-trips.
func FuzzParseLevel(f *testing.F) {
	for _, s := range []string{"5", "tase 5", "EKR 5", "EQF level 8", "EstQF Level 4", "0", "9", "05", "", "V", "EKR tase tase 1", "\u00a01\u2003"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := classifier.ParseLevel(s)
		if err != nil {
			fe, ok := errors.AsType[*classifier.FieldError](err)
			if !ok || fe.Input != s || !(errors.Is(err, classifier.ErrSyntax) || errors.Is(err, classifier.ErrRange)) {
				t.Fatalf("ParseLevel(%q) error = %#v; want a *FieldError wrapping ErrSyntax or ErrRange", s, err)
			}
			if !l.IsZero() {
				t.Fatalf("ParseLevel(%q) = %v with an error; want the zero Level", s, l)
			}
			return
		}
		if l.Int() < classifier.MinLevel || l.Int() > classifier.MaxLevel {
			t.Fatalf("ParseLevel(%q) = %d; want 1–8", s, l.Int())
		}
		if m, err := classifier.ParseLevel(l.String()); err != nil || m != l {
			t.Fatalf("ParseLevel(%q) round trip = %v, %v; want %v", s, m, err, l)
		}
		if m, err := classifier.LevelOf(l.Int()); err != nil || m != l {
			t.Fatalf("LevelOf(%d) = %v, %v; want %v", l.Int(), m, err, l)
		}
	})
}
