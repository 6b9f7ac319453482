package classifier_test

import (
	"testing"

	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/law"
)

// FuzzParseOldLevel: ParseOldLevel never panics, and what it accepts round-trips (CERT-03).
func FuzzParseOldLevel(f *testing.F) {
	for _, s := range []string{"I", "II", "III", "IV", "V", "VI", "iv", "", "IIII"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		o, err := classifier.ParseOldLevel(s)
		if err != nil {
			return
		}
		if !o.IsValid() {
			t.Fatalf("ParseOldLevel(%q) = %v, not a level I–V", s, o)
		}
		if again, err := classifier.ParseOldLevel(o.String()); err != nil || again != o {
			t.Fatalf("ParseOldLevel(%q) = %v; round trip %v, %v", s, o, again, err)
		}
	})
}

// FuzzParseCertificateTypeName: it never panics, and what it accepts round-trips by name.
func FuzzParseCertificateTypeName(f *testing.F) {
	for _, t := range classifier.CertificateTypes() {
		f.Add(t.Name(law.Estonian))
		f.Add(t.Name(law.English))
	}
	f.Add("kutse")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := classifier.ParseCertificateTypeName(s)
		if err != nil {
			return
		}
		if again, err := classifier.ParseCertificateTypeName(c.Name(law.Estonian)); err != nil || again != c {
			t.Fatalf("ParseCertificateTypeName(%q) = %v; round trip %v, %v", s, c, again, err)
		}
	})
}
