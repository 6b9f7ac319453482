package certificate_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/memstore"
)

// schools is a certificate.Schools for the tests: which school answers for a school's documents.
type schools map[string]string

func (s schools) AnsweringSchool(_ context.Context, code string) (string, error) {
	a, ok := s[code]
	if !ok {
		return "", store.ErrNotFound
	}
	return a, nil
}

// TestInvalidate_CERT11_WhoMay proves who may declare an occupational certificate invalid: the
// qualification committee (kutsekomisjon) of the awarding body that issued it, or the sectoral
// council (kutsenõukogu) that oversees that body (Kutseseadus § 22 (1)); the awarding body itself,
// its partner, another body's committee or council, a school and the owner may not. The registrar
// records a decision of one of them and must name who took it.
func TestInvalidate_CERT11_WhoMay(t *testing.T) {
	v := certificate.Invalidation{Date: d("2026-12-01"), Reason: "saadud pettuse teel", Decision: "otsus nr 7"}
	for _, tt := range []struct {
		name    string
		a       actor.Actor
		v       certificate.Invalidation
		allowed bool
		by      string
	}{
		{"the body's qualification committee", actor.CommitteeOf("80000001"), v, true, "80000001"},
		{"a committee with its own code", actor.Actor{Role: actor.QualificationCommittee, Org: "KK-12", For: "80000001"}, v, true, "KK-12"},
		{"the sectoral council over the body", actor.CouncilOf("KN-05", "80000001"), v, true, "KN-05"},
		{"the registrar naming who decided", actor.Keeper("90006414"), certificate.Invalidation{Date: v.Date, Reason: v.Reason, Decision: v.Decision, By: "KN-05"}, true, "KN-05"},
		{"the awarding body itself", body, v, false, ""},
		{"the body's partner", actor.Actor{Role: actor.Partner, Org: "80000009", For: "80000001"}, v, false, ""},
		{"another body's committee", actor.CommitteeOf("80000002"), v, false, ""},
		{"another body's council", actor.CouncilOf("KN-05", "80000002"), v, false, ""},
		{"a school", actor.SchoolOf("80000001"), v, false, ""},
		{"the minister", actor.MinisterOf(""), v, false, ""},
		{"the owner", owner, v, false, ""},
		{"the public", actor.Anonymous(), v, false, ""},
	} {
		r, _ := newRegistry(t)
		issue204580(t, r)
		c, err := r.Invalidate(t.Context(), tt.a, "204580", tt.v)
		switch {
		case tt.allowed && err != nil:
			t.Errorf("CERT-11 %s: Invalidate = %v; want allowed", tt.name, err)
		case tt.allowed && c.Invalidated.By != tt.by:
			t.Errorf("CERT-11 %s: By = %q; want %q", tt.name, c.Invalidated.By, tt.by)
		case !tt.allowed && !errors.Is(err, actor.ErrForbidden):
			t.Errorf("CERT-11 %s: Invalidate = %v; want ErrForbidden", tt.name, err)
		}
	}
	r, _ := newRegistry(t)
	issue204580(t, r)
	if _, err := r.Invalidate(t.Context(), actor.Keeper("90006414"), "204580", v); !errors.Is(err, certificate.ErrInvalid) {
		t.Errorf("CERT-11 the registrar without By = %v; want ErrInvalid: the registrar records someone's decision", err)
	}
}

// TestInvalidate_SCH02_WhoMay proves who may declare a leaving certificate or grade sheet invalid
// (VV määrus nr 113 § 5 (2)): the school that issued it while it works, its successor once it is
// reorganised, or, where neither exists, the minister of education and research; with the host's
// Schools directory the registry checks which of them answers, and without one it trusts the
// actor. Awarding bodies, committees, councils and owners may not.
func TestInvalidate_SCH02_WhoMay(t *testing.T) {
	const (
		active      = "75016705" // works
		reorganised = "75000001" // reorganised into 75000002
		successor   = "75000002"
		closed      = "75000003" // closed with no successor
	)
	dir := schools{active: active, reorganised: successor, successor: successor, closed: ""}
	v := certificate.Invalidation{Date: d("2015-02-02"), Reason: "haldusakt tunnistati kehtetuks", Decision: "käskkiri 5"}
	for _, tt := range []struct {
		name    string
		issuer  string
		a       actor.Actor
		dir     certificate.Schools
		allowed bool
	}{
		{"the issuing school", active, actor.SchoolOf(active), dir, true},
		{"the issuing school, no directory", active, actor.SchoolOf(active), nil, true},
		{"another school", active, actor.SchoolOf(successor), dir, false},
		{"a successor of a school that works", active, actor.SuccessorOf(successor, active), dir, false},
		{"the minister while the school works", active, actor.MinisterOf("70000740"), dir, false},
		{"the reorganised school itself", reorganised, actor.SchoolOf(reorganised), dir, false},
		{"its successor", reorganised, actor.SuccessorOf(successor, reorganised), dir, true},
		{"its successor, no directory", reorganised, actor.SuccessorOf(successor, reorganised), nil, true},
		{"a successor of another school", reorganised, actor.SuccessorOf(successor, active), nil, false},
		{"a school claiming to succeed it", reorganised, actor.SuccessorOf("75000099", reorganised), dir, false},
		{"the minister while a successor exists", reorganised, actor.MinisterOf(""), dir, false},
		{"the minister, school and successor gone", closed, actor.MinisterOf("70000740"), dir, true},
		{"the minister, no directory", closed, actor.MinisterOf(""), nil, true},
		{"the closed school", closed, actor.SchoolOf(closed), dir, false},
		{"an awarding body", active, actor.Body(active), dir, false},
		{"a qualification committee", active, actor.CommitteeOf(active), dir, false},
		{"the owner", active, owner, dir, false},
	} {
		for _, kind := range []certificate.Kind{certificate.Gymnasium, certificate.GradeSheet} {
			r, err := certificate.NewRegistry(memstore.New(), certificate.Config{Now: clock, Schools: tt.dir})
			if err != nil {
				t.Fatal(err)
			}
			g := certificate.Certificate{Kind: kind, Holder: cert204580().Holder, Issuer: "Kool", IssuerCode: tt.issuer, IssuedOn: d("2014-07-15")}
			c, err := r.Issue(t.Context(), actor.Keeper("90006414"), certificate.IssueRequest{Certificate: g})
			if err != nil {
				t.Fatalf("Issue: %v", err)
			}
			got, err := r.Invalidate(t.Context(), tt.a, c.Number, v)
			switch {
			case tt.allowed && (err != nil || got.Invalidated.Date != v.Date):
				t.Errorf("SCH-02 %s (%s): Invalidate = %+v, %v; want allowed", tt.name, kind, got.Invalidated, err)
			case !tt.allowed && !errors.Is(err, actor.ErrForbidden):
				t.Errorf("SCH-02 %s (%s): Invalidate = %v; want ErrForbidden", tt.name, kind, err)
			}
		}
	}
}

// TestInvalidate_SCH02_StateExam proves that a state-exam certificate is declared invalid by the
// institution that issues them (VV määrus nr 113 § 4 (1), § 5 (2); HMS § 70), not by a school or
// the minister.
func TestInvalidate_SCH02_StateExam(t *testing.T) {
	const centre = "70009999"
	v := certificate.Invalidation{Date: d("2015-02-02"), Reason: "andmed olid valed", Decision: "otsus 3"}
	for _, tt := range []struct {
		name    string
		a       actor.Actor
		allowed bool
	}{
		{"the issuing institution", actor.Centre(centre), true},
		{"another exam centre", actor.Centre("70000000"), false},
		{"a school", actor.SchoolOf(centre), false},
		{"the minister", actor.MinisterOf(""), false},
	} {
		r, _ := newRegistry(t)
		c, err := r.Issue(t.Context(), actor.Centre(centre), certificate.IssueRequest{Certificate: certificate.Certificate{
			Kind: certificate.StateExam, Holder: cert204580().Holder, Issuer: "Riigieksamitunnistusi väljastav asutus", IssuerCode: centre, IssuedOn: d("2014-07-15")}})
		if err != nil {
			t.Fatalf("Issue: %v", err)
		}
		_, err = r.Invalidate(t.Context(), tt.a, c.Number, v)
		if tt.allowed != (err == nil) || (!tt.allowed && !errors.Is(err, actor.ErrForbidden)) {
			t.Errorf("SCH-02 %s: Invalidate = %v; want allowed %v", tt.name, err, tt.allowed)
		}
	}
}
