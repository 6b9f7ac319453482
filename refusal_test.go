package kutse_test

import (
	"errors"
	"testing"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/duplicate"
	"github.com/kutsekit/kutse/exam/proficiency"
	"github.com/kutsekit/kutse/exam/vocational"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
	"github.com/kutsekit/kutse/store/memstore"
)

// TestRefusals_oneType proves that a request refused by a legal rule is one thing for the whole SDK:
// whichever package refused it, the error satisfies errors.Is(err, law.ErrRefused), errors.As finds
// a *law.RuleError naming the rule and its provision, the package's own category is still found
// with errors.Is, and a refusal is never bad input (invalid.ErrInvalid) nor bad input a refusal.
func TestRefusals_oneType(t *testing.T) {
	ctx := t.Context()
	day := calendar.MustDate(2026, time.December, 1)
	tests := []struct {
		pkg  string
		err  func(t *testing.T) error
		want error // the package's own category
	}{
		{"certificate", func(t *testing.T) error {
			reg, err := certificate.NewRegistry(memstore.New(), certificate.Config{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := reg.Issue(ctx, actor.Body("80000001"), certificate.IssueRequest{Certificate: sample.Certificate204580()}); err != nil {
				t.Fatal(err)
			}
			v := certificate.Invalidation{Date: day, Reason: "kutsetunnistus saadud võltsitud dokumendi alusel", Decision: "kutsekomisjoni otsus nr 7"}
			committee := actor.CommitteeOf("80000001")
			if _, err := reg.Invalidate(ctx, committee, "204580", v); err != nil {
				t.Fatal(err)
			}
			_, err = reg.Invalidate(ctx, committee, "204580", v) // CERT-11: invalid already
			return err
		}, certificate.ErrInvalidated},
		{"application", func(t *testing.T) error {
			c := certificate.Certificate{Number: "G012345", Kind: certificate.Gymnasium} // APP-02: not a qualification certificate
			_, err := application.Recertifiable(c, sample.WelderStandard(), application.Qualification{}, day)
			return err
		}, application.ErrRecertify},
		{"vocational", func(t *testing.T) error {
			body := register.AwardingBody{Code: "80999999", Name: "Ühing"} // EXV-03: awards nothing
			_, _, err := vocational.Awards(body, sample.DiagnosticianStandard(), day)
			return err
		}, vocational.ErrNotEligible},
		{"duplicate", func(t *testing.T) error {
			o := certificate.Certificate{Number: "G012345", Kind: certificate.Gymnasium}
			decider := duplicate.Party{Role: duplicate.PartySchool, Code: "70000001", Name: "Kool"}
			_, err := duplicate.InvalidationNotice(vv113.Default(), duplicate.NoticeFacts{Procedure: duplicate.SchoolDuplicate,
				Ground: duplicate.Legalised, Publisher: decider, Original: o}) // nothing is published on ground 4
			return err
		}, duplicate.ErrState},
		{"proficiency", func(t *testing.T) error {
			s := proficiency.Session{ID: "B1-2011-08-15", Organiser: "90008287", Level: proficiency.B1, Date: calendar.MustDate(2011, time.August, 15)}
			code, err := isikukood.Make(isikukood.Female, calendar.MustDate(1980, time.May, 17), 17)
			if err != nil {
				t.Fatal(err)
			}
			app := proficiency.Application{Person: proficiency.Person{Name: "Olga Petrova", Code: code, Contact: "olga@example.ee"},
				Session: s, Centre: "Tallinn", Channel: proficiency.Online, On: calendar.MustDate(2011, time.July, 1)}
			absent := proficiency.Registration{ID: 1, Session: "B1-2011-05-15", Date: calendar.MustDate(2011, time.May, 15), Status: proficiency.Absent}
			d, err := proficiency.Default().Decide(app, []proficiency.Registration{absent}) // LNG-08: inside the wait
			if err != nil {
				t.Fatal(err)
			}
			if d.Refusal == nil {
				t.Fatal("Decide(inside the retake wait) allowed the registration; want a refusal")
			}
			return d.Refusal
		}, proficiency.ErrRetakeWait},
	}
	for _, tt := range tests {
		t.Run(tt.pkg, func(t *testing.T) {
			err := tt.err(t)
			if !errors.Is(err, law.ErrRefused) {
				t.Errorf("refusal = %v (%T); want an error wrapping law.ErrRefused", err, err)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("refusal = %v; want it to wrap the package's %v", err, tt.want)
			}
			re, ok := errors.AsType[*law.RuleError](err)
			if !ok {
				t.Fatalf("refusal = %v (%T); want a *law.RuleError", err, err)
			}
			if re.Pkg != tt.pkg || re.Rule == "" || re.Citation == "" || re.Err != tt.want {
				t.Errorf("RuleError = %+v; want Pkg %q, a Rule, a Citation and Err %v", re, tt.pkg, tt.want)
			}
			if errors.Is(err, invalid.ErrInvalid) {
				t.Errorf("refusal = %v; want no invalid.ErrInvalid: a refusal is not bad input", err)
			}
		})
	}

	// Bad input is not a refusal.
	_, err := certificate.ParseKind("diplom")
	if !errors.Is(err, invalid.ErrInvalid) || errors.Is(err, law.ErrRefused) {
		t.Errorf("certificate.ParseKind(bad input) = %v; want invalid.ErrInvalid, not law.ErrRefused", err)
	}
	if _, ok := errors.AsType[*law.RuleError](err); ok {
		t.Errorf("certificate.ParseKind(bad input) = %v; errors.As found a *law.RuleError", err)
	}
}
