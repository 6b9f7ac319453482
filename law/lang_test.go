package law_test

import (
	"testing"

	"github.com/kutsekit/kutse/law"
)

// GEN-05: what a person reads comes in Estonian and English.
func TestGEN05ParseLang(t *testing.T) {
	tests := []struct {
		in   string
		want law.Lang
	}{
		{"et", law.Estonian}, {"ET", law.Estonian}, {"est", law.Estonian}, {"Estonian", law.Estonian}, {"eesti", law.Estonian},
		{"en", law.English}, {"EN", law.English}, {"eng", law.English}, {"English", law.English}, {"inglise", law.English},
	}
	for _, tt := range tests {
		got, err := law.ParseLang(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseLang(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "fi", "ru", "et-EE", " et"} {
		if got, err := law.ParseLang(in); err == nil {
			t.Errorf("ParseLang(%q) = %v, nil; want an error", in, got)
		}
	}
}

func TestGEN05Lang(t *testing.T) {
	var zero law.Lang
	if zero != law.Estonian {
		t.Errorf("zero Lang = %v; want Estonian", zero)
	}
	if law.Estonian.String() != "et" || law.English.String() != "en" {
		t.Errorf("String() = %q, %q; want \"et\", \"en\"", law.Estonian, law.English)
	}
	if got := law.Estonian.Pick("tase", "level"); got != "tase" {
		t.Errorf("Estonian.Pick = %q; want \"tase\"", got)
	}
	if got := law.English.Pick("tase", "level"); got != "level" {
		t.Errorf("English.Pick = %q; want \"level\"", got)
	}
	for _, l := range []law.Lang{law.Estonian, law.English} {
		if back, err := law.ParseLang(l.String()); err != nil || back != l {
			t.Errorf("ParseLang(%q) = %v, %v; want %v", l.String(), back, err, l)
		}
	}
}
