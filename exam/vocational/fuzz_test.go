package vocational_test

import (
	"testing"

	"github.com/kutsekit/kutse/exam/vocational"
)

// FuzzParseExamType proves that ParseExamType never panics and that what it accepts round-trips
// through its code and its text form.
func FuzzParseExamType(f *testing.F) {
	for _, s := range []string{"theory", "praktiline", "Kombineeritud", " combined ", "", "x", "type(9)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ty, err := vocational.ParseExamType(s)
		if err != nil {
			return
		}
		back, err := vocational.ParseExamType(ty.String())
		if err != nil || back != ty || !ty.Valid() {
			t.Fatalf("ParseExamType(%q) = %v; its code %q parses to %v, %v", s, ty, ty.String(), back, err)
		}
		var u vocational.ExamType
		b, _ := ty.MarshalText()
		if err := u.UnmarshalText(b); err != nil || u != ty {
			t.Fatalf("text round trip of %v = %v, %v", ty, u, err)
		}
	})
}

// FuzzParseStatus proves the same of ParseStatus.
func FuzzParseStatus(f *testing.F) {
	for _, s := range []string{"draft", "signed", "Signed", "", "status(0)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, err := vocational.ParseStatus(s)
		if err != nil {
			return
		}
		if back, err := vocational.ParseStatus(st.String()); err != nil || back != st || !st.Valid() {
			t.Fatalf("ParseStatus(%q) = %v; round trip %v, %v", s, st, back, err)
		}
	})
}
