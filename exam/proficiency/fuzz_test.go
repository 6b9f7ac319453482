package proficiency_test

import (
	"testing"

	"github.com/kutsekit/kutse/exam/proficiency"
)

// FuzzParseLevel: ParseLevel never panics, and a level it accepts (LNG-03) round-trips through its
// text.
func FuzzParseLevel(f *testing.F) {
	for _, s := range []string{"A2", "b1", " C1 ", "C2", "kesktase", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := proficiency.ParseLevel(s)
		if err != nil {
			return
		}
		b, err := l.MarshalText()
		if err != nil {
			t.Fatalf("MarshalText(%v) = %v", l, err)
		}
		var back proficiency.Level
		if err := back.UnmarshalText(b); err != nil || back != l {
			t.Fatalf("round trip of %q = %v, %v; want %v", s, back, err, l)
		}
	})
}
