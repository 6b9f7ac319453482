package law_test

import (
	"testing"

	"github.com/kutsekit/kutse/law"
)

// FuzzParseLang: ParseLang never panics, and what it accepts round-trips through String (GEN-05).
func FuzzParseLang(f *testing.F) {
	for _, s := range []string{"et", "en", "EST", "English", "eesti", "", "de"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := law.ParseLang(s)
		if err != nil {
			return
		}
		if again, err := law.ParseLang(l.String()); err != nil || again != l {
			t.Fatalf("ParseLang(%q) = %v; round trip %v, %v", s, l, again, err)
		}
	})
}
