package certificate_test

import (
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/law"
)

// TestPublicViewExplain_GEN06_CERT12 proves that the public view explains its status (GEN-06) with
// the rules and provisions the full explanation cites, for every kind and status, and that it says
// nothing the public view does not show (CERT-12): not an invalidation's reason or decision, not the
// replacing duplicate's number; and that it writes dates as DD.MM.YYYY in both languages.
func TestPublicViewExplain_GEN06_CERT12(t *testing.T) {
	base := d("2000-01-01")
	rapid.Check(t, func(t *rapid.T) {
		c := cert204580()
		c.Kind = rapid.SampledFrom(certificate.Kinds).Draw(t, "kind")
		c.ValidFrom = base.AddDays(rapid.IntRange(0, 12000).Draw(t, "from"))
		c.ValidUntil = c.ValidFrom.AddDays(rapid.IntRange(0, 4000).Draw(t, "length"))
		if c.Kind.School() || rapid.Bool().Draw(t, "open") {
			c.ValidUntil = calendar.Date{} // tähtajatu; school documents are valid for life (SCH-02)
		}
		if rapid.Bool().Draw(t, "invalidated") {
			c.Invalidated = certificate.Invalidation{Date: c.ValidFrom.AddDays(rapid.IntRange(-100, 5000).Draw(t, "inv")),
				Reason: "SALAJANE-PÕHJUS", Decision: "OTSUS-77"}
		}
		if rapid.Bool().Draw(t, "replaced") {
			c.Replaced = certificate.Replacement{By: "999777", Date: c.ValidFrom.AddDays(rapid.IntRange(-100, 5000).Draw(t, "rep"))}
		}
		on := base.AddDays(rapid.IntRange(-100, 17000).Draw(t, "on"))
		v := c.ViewOn(on) // the rules for personal data, whatever the kind's disclosure
		st, full := c.ExplainStatus(on)
		pub := v.Explain()
		if st != v.Status || len(pub.Steps) != len(full.Steps) {
			t.Fatalf("status %v: public explanation has %d steps, full %d", st, len(pub.Steps), len(full.Steps))
		}
		for i := range pub.Steps {
			if pub.Steps[i].Rule != full.Steps[i].Rule || pub.Steps[i].Citation != full.Steps[i].Citation {
				t.Fatalf("step %d: public %s %v; full %s %v", i, pub.Steps[i].Rule, pub.Steps[i].Citation, full.Steps[i].Rule, full.Steps[i].Citation)
			}
		}
		for _, lang := range []law.Lang{law.Estonian, law.English} {
			text := pub.Render(lang)
			for _, secret := range []string{"SALAJANE", "OTSUS-77", "999777", on.String(), c.ValidFrom.String()} {
				if strings.Contains(text, secret) {
					t.Fatalf("public explanation (%s) shows %q:\n%s", lang, secret, text)
				}
			}
			if !strings.Contains(text, on.Register()) {
				t.Fatalf("public explanation (%s) does not name the view's date %s:\n%s", lang, on.Register(), text)
			}
		}
	})
}

// TestExamLanguageIn_GEN05 proves that the exam language reads in English where the English
// documents show it (GEN-05), and stays as written otherwise.
func TestExamLanguageIn_GEN05(t *testing.T) {
	for _, tt := range []struct {
		in   string
		lang law.Lang
		want string
	}{
		{"eesti keel", law.English, "Estonian"},
		{"Vene keeles", law.English, "Russian"},
		{"eesti keel", law.Estonian, "eesti keel"},
		{"klingoni keel", law.English, "klingoni keel"},
		{"", law.English, ""},
	} {
		if got := certificate.ExamLanguageIn(tt.in, tt.lang); got != tt.want {
			t.Errorf("ExamLanguageIn(%q, %s) = %q; want %q", tt.in, tt.lang, got, tt.want)
		}
	}
}
