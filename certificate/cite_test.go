package certificate_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
	"github.com/kutsekit/kutse/store/memstore"
)

// TestExplainStatus_LNG18_Proficiency proves that a proficiency certificate's status cites the
// proficiency rules (LNG-18: the certificate made available in the state portal, regulation nr 73
// § 7 (6) / the exam centre's page), not the occupational certificate statute nor Kutseseadus, in
// every status.
func TestExplainStatus_LNG18_Proficiency(t *testing.T) {
	p := certificate.Certificate{Kind: certificate.Proficiency, IssuedOn: d("2011-10-03"), ValidFrom: d("2011-10-03")}
	inv := p
	inv.Invalidated = certificate.Invalidation{Date: d("2012-01-01"), Reason: "kõrvaline abi", Decision: "otsus 1"}
	for _, tt := range []struct {
		c  certificate.Certificate
		on string
	}{{p, "2012-01-01"}, {p, "2011-10-02"}, {inv, "2012-02-01"}} {
		_, e := tt.c.ExplainStatus(d(tt.on))
		if !e.Applies("LNG-18") || e.Applies("CERT-02") || e.Applies("CERT-11") {
			t.Errorf("proficiency status on %s: rules %v; want LNG-18, not CERT-02/CERT-11", tt.on, e.Rules())
		}
		for _, s := range e.Steps {
			if c := s.Citation.String(); strings.Contains(c, "RTL 2009, 2, 32") || strings.Contains(c, "RT I 2008, 24, 156") {
				t.Errorf("proficiency status on %s cites %q (Reg74 or Kutseseadus)", tt.on, c)
			}
		}
	}
}

// TestExplainStatus_SCH19_ReplacedCitesItsProcedure proves that "replaced" cites the provision that
// replaced the certificate, not the register's self-service: a school duplicate invalidates the
// original by the director's decision (SCH-19: VV määrus nr 113 § 18 (1)), an exchanged paper
// state-exam certificate is invalidated on exchange (SCH-14: § 16 (3)), a corrected electronic one
// is replaced by the new one (SCH-12: § 15 (3)), an occupational certificate by the decision on its
// duplicate (CERT-07: Reg74 § 8 (1)).
func TestExplainStatus_SCH19_ReplacedCitesItsProcedure(t *testing.T) {
	rep := certificate.Replacement{By: "X000002", Date: d("2014-11-24")}
	paper := certificate.Certificate{Kind: certificate.StateExam, ValidFrom: d("2009-07-01"), Replaced: rep, Extra: map[string]string{"medium": "paper"}}
	for _, tt := range []struct {
		c          certificate.Certificate
		rule, cite string
	}{
		{certificate.Certificate{Kind: certificate.Gymnasium, ValidFrom: d("2013-06-15"), Replaced: rep}, "SCH-19", "RT I 2010, 58, 391 § 18 lg 1"},
		{certificate.Certificate{Kind: certificate.GradeSheet, ValidFrom: d("2013-06-15"), Replaced: rep}, "SCH-19", "RT I 2010, 58, 391 § 18 lg 1"},
		{paper, "SCH-14", "RT I 2010, 58, 391 § 16 lg 3"},
		{certificate.Certificate{Kind: certificate.StateExam, ValidFrom: d("2014-07-01"), Replaced: rep}, "SCH-12", "RT I 2010, 58, 391 § 15 lg 3"},
		{certificate.Certificate{Kind: certificate.Occupational, ValidFrom: d("2013-06-15"), Replaced: rep}, "CERT-07", "RTL 2009, 2, 32 § 8 lg 1"},
	} {
		st, e := tt.c.ExplainStatus(d("2014-12-01"))
		if st != certificate.Replaced || len(e.Steps) == 0 {
			t.Fatalf("%s: ExplainStatus = %v, %v", tt.c.Kind, st, e)
		}
		if s := e.Steps[0]; s.Rule != tt.rule || s.Citation.String() != tt.cite {
			t.Errorf("%s replaced: %s (%s); want %s (%s)", tt.c.Kind, s.Rule, s.Citation, tt.rule, tt.cite)
		}
	}
}

// TestIssue_SCH01_RightToIssueCites proves that the right to issue is cited to the provisions that
// give it: a leaving certificate is issued by the school that provides the education (VV määrus nr
// 113 § 2 (2)), a state-exam certificate by the institution that issues them (§ 4 (1)), an
// occupational certificate by the awarding body (Reg74 § 2); never § 6 (blanks), § 9 or § 15.
func TestIssue_SCH01_RightToIssueCites(t *testing.T) {
	r, _ := newRegistry(t)
	h := cert204580().Holder
	for _, tt := range []struct {
		c    certificate.Certificate
		a    actor.Actor
		cite string
	}{
		{certificate.Certificate{Kind: certificate.Gymnasium, Holder: h, Issuer: "Kool", IssuerCode: "75016705", IssuedOn: d("2014-07-15")}, body, "RT I 2010, 58, 391 § 2 lg 2"},
		{certificate.Certificate{Kind: certificate.GradeSheet, Holder: h, Issuer: "Kool", IssuerCode: "75016705", IssuedOn: d("2014-07-15")}, body, "RT I 2010, 58, 391 § 2 lg 2"},
		{certificate.Certificate{Kind: certificate.StateExam, Holder: h, Issuer: "Asutus", IssuerCode: "70009999", IssuedOn: d("2014-07-15")}, actor.SchoolOf("70009999"), "RT I 2010, 58, 391 § 4 lg 1"},
		{cert204580(), actor.SchoolOf("80000001"), "RTL 2009, 2, 32 § 2"},
	} {
		_, err := r.Issue(t.Context(), tt.a, certificate.IssueRequest{Certificate: tt.c})
		if !errors.Is(err, actor.ErrForbidden) || !strings.Contains(err.Error(), tt.cite) {
			t.Errorf("Issue(%s by %v) = %v; want ErrForbidden citing %s", tt.c.Kind, tt.a, err, tt.cite)
		}
		for _, wrong := range []string{"§ 6", "§ 9", "§ 15"} {
			if err != nil && strings.Contains(err.Error(), "391 "+wrong) {
				t.Errorf("Issue(%s) refusal cites %s: %v", tt.c.Kind, wrong, err)
			}
		}
	}
}

// TestCitations_GEN06_NoInternalSourceNumbers proves that what a person reads names its sources by
// their published names, never by the project's internal seed numbers such as "(000, 07.05.2026)".
func TestCitations_GEN06_NoInternalSourceNumbers(t *testing.T) {
	rep := cert204580()
	rep.Replaced = certificate.Replacement{By: "204999", Date: d("2026-05-05")}
	for _, c := range []certificate.Certificate{rep, cert204580()} {
		_, e := c.ExplainStatus(d("2026-06-01"))
		for _, lang := range []law.Lang{law.Estonian, law.English} {
			if txt := e.Render(lang); seedNumber(txt) {
				t.Errorf("explanation shows an internal source number: %s", txt)
			}
		}
	}
}

// seedNumber reports whether s shows an internal source number: "(000", "(003)", "(004, …".
func seedNumber(s string) bool {
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		if strings.Contains(s, "("+n+",") || strings.Contains(s, "("+n+")") {
			return true
		}
	}
	return false
}

// TestIssue_GEN04_SchoolVersion proves that a leaving certificate, grade sheet or state-exam
// certificate is issued only under a version of regulation nr 113 covering its date of issue
// (GEN-04, SCH-01, SCH-11): under the SDK's own, 13.07.2014 and 30.04.2015 are issued, 12.07.2014,
// 01.05.2015 and 2026 refused with law.ErrNoVersion; with a host's version in Config.Statute 2026
// is issued; an occupational certificate needs no version of the regulation.
func TestIssue_GEN04_SchoolVersion(t *testing.T) {
	h := cert204580().Holder
	host, err := vv113.Default().With(vv113.Version{Name: "host", Period: law.Period{From: d("2015-05-01")}, Rule: vv113.Default()[0].Rule})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []certificate.Kind{certificate.Gymnasium, certificate.BasicSchool, certificate.GradeSheet, certificate.StateExam} {
		for _, tt := range []struct {
			on  string
			st  vv113.Statute
			ok  bool
			why string
		}{
			{"2014-07-13", nil, true, "first day"}, {"2015-04-30", nil, true, "last day"},
			{"2014-07-12", nil, false, "the day before"}, {"2015-05-01", nil, false, "the day after"},
			{"2026-06-12", nil, false, "2026"}, {"2026-06-12", host, true, "2026 under the host's version"},
		} {
			r, err := certificate.NewRegistry(memstore.New(), certificate.Config{Now: clock, Statute: tt.st})
			if err != nil {
				t.Fatal(err)
			}
			c := certificate.Certificate{Kind: k, Holder: h, Issuer: "Väljaandja", IssuerCode: "75016705", IssuedOn: d(tt.on)}
			_, err = r.Issue(t.Context(), actor.Keeper("90006414"), certificate.IssueRequest{Certificate: c})
			if tt.ok != (err == nil) || (!tt.ok && !errors.Is(err, law.ErrNoVersion)) {
				t.Errorf("Issue(%s on %s, %s) = %v; want issued %v", k, tt.on, tt.why, err, tt.ok)
			}
		}
	}
	r, _ := newRegistry(t)
	if _, err := r.Issue(t.Context(), body, certificate.IssueRequest{Certificate: cert204580()}); err != nil {
		t.Errorf("Issue(occupational, 2025) = %v", err)
	}
	if _, err := certificate.NewRegistry(memstore.New(), certificate.Config{Statute: vv113.Statute{{Name: "zero"}}}); !errors.Is(err, invalid.ErrInvalid) {
		t.Errorf("NewRegistry(a statute with zero figures) = %v; want ErrInvalid", err)
	}
}
