package duplicate_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/duplicate"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
	"github.com/kutsekit/kutse/store/memstore"
)

// TestVersions_GEN04_SCH12to24 proves that the rules of regulation nr 113 are applied only under a
// version of it (GEN-04): under the SDK's own (vv113.Default, the text in force
// 13.07.2014–30.04.2015) every decision of SCH-12..24 on a day inside is taken and names the
// version, and on a day outside (12.07.2014, 01.05.2015, 2026) is refused with law.ErrNoVersion;
// an occupational duplicate (Reg74, not regulation nr 113) is not affected.
func TestVersions_GEN04_SCH12to24(t *testing.T) {
	fee := decimal.RequireFromString("10")
	o := gymnasium("G012345", reaalkool, "Tallinna Reaalkool", d(2013, time.June, 15))
	decisions := map[string]func(on calendar.Date) (law.Explanation, error){
		"Grounds (SCH-15)": func(on calendar.Date) (law.Explanation, error) {
			_, e, err := duplicate.Grounds(nil, certificate.Gymnasium, false, on)
			return e, err
		},
		"Grounds (SCH-12)": func(on calendar.Date) (law.Explanation, error) {
			_, e, err := duplicate.Grounds(nil, certificate.StateExam, false, on)
			return e, err
		},
		"ProcedureFor (SCH-14)": func(on calendar.Date) (law.Explanation, error) {
			_, e, err := duplicate.ProcedureFor(nil, certificate.StateExam, true, duplicate.Lost, on)
			return e, err
		},
		"Attachments (SCH-18)": func(on calendar.Date) (law.Explanation, error) {
			_, e, err := duplicate.Attachments(nil, duplicate.SchoolDuplicate, duplicate.Illegible, false, on)
			return e, err
		},
		"DecisionDeadline (SCH-19)": func(on calendar.Date) (law.Explanation, error) {
			dl, err := duplicate.DecisionDeadline(nil, duplicate.SchoolDuplicate, on)
			return dl.Explanation, err
		},
		"NoticeDeadline (SCH-23)": func(on calendar.Date) (law.Explanation, error) {
			dl, _, err := duplicate.NoticeDeadline(nil, duplicate.SchoolDuplicate, true, on)
			return dl.Explanation, err
		},
		"OriginalFate (SCH-19)": func(on calendar.Date) (law.Explanation, error) {
			_, e, err := duplicate.OriginalFate(nil, duplicate.SchoolDuplicate, duplicate.Lost, on)
			return e, err
		},
		"CostOf (SCH-20)": func(on calendar.Date) (law.Explanation, error) {
			_, e, err := duplicate.CostOf(nil, duplicate.SchoolDuplicate, duplicate.Lost, false, fee, on)
			return e, err
		},
		"Refuse (SCH-23)": func(on calendar.Date) (law.Explanation, error) {
			_, e, err := duplicate.Refuse(nil, duplicate.SchoolDuplicate, duplicate.NoRecords, on)
			return e, err
		},
		"DuplicateForm (SCH-24)": func(on calendar.Date) (law.Explanation, error) {
			_, e, err := duplicate.DuplicateForm(nil, duplicate.FormInput{Procedure: duplicate.SchoolDuplicate, Original: o, IssuedOn: on})
			return e, err
		},
		"NewDuplicate (SCH-24)": func(on calendar.Date) (law.Explanation, error) {
			_, _, e, err := duplicate.NewDuplicate(nil, duplicate.DuplicateInput{Procedure: duplicate.SchoolDuplicate, Ground: duplicate.Lost,
				Original: o, Number: "G700001", IssuedOn: on})
			return e, err
		},
		"GraduationCertificate.Check (SCH-22)": func(on calendar.Date) (law.Explanation, error) {
			return duplicate.GraduationCertificate{Name: "Ema-Kaks Piskel", Code: code(), Curriculum: "gümnaasiumi riiklik õppekava",
				School: "Nõo Keskkool", Graduated: d(1995, time.June, 17), Signatory: "direktor", IssuedOn: on, Seal: true}.Check(nil)
		},
		"ValidateRequest (SCH-16)": func(on calendar.Date) (law.Explanation, error) {
			_, e, err := duplicate.ValidateRequest(nil, duplicate.Request{Applicant: holder(), Kind: certificate.Gymnasium, Issuer: reaalkool,
				Year: 2013, Ground: duplicate.Lost, Date: on})
			return e, err
		},
		"FindRoute (SCH-17)": func(on calendar.Date) (law.Explanation, error) {
			_, e, err := duplicate.FindRoute(context.Background(), nil, registry(), duplicate.RouteInput{Procedure: duplicate.SchoolDuplicate,
				Issuer: nooKK, Level: duplicate.Secondary, On: on})
			return e, err
		},
	}
	for name, decide := range decisions {
		for _, on := range []calendar.Date{d(2014, time.July, 13), d(2014, time.November, 24), d(2015, time.April, 30)} {
			e, err := decide(on)
			if err != nil {
				t.Errorf("%s on %s = %v; want it decided under version 13.07.2014", name, on, err)
				continue
			}
			for _, s := range e.Steps {
				if s.Citation.RT == vv113.RT && s.Version != "13.07.2014" {
					t.Errorf("%s on %s: step %s (%s) names version %q; want 13.07.2014", name, on, s.Rule, s.Citation, s.Version)
				}
			}
		}
		for _, on := range []calendar.Date{d(2014, time.July, 12), d(2015, time.May, 1), d(2026, time.November, 23)} {
			if _, err := decide(on); !errors.Is(err, law.ErrNoVersion) {
				t.Errorf("%s on %s = %v; want ErrNoVersion", name, on, err)
			}
		}
	}
	// Reg74 is not versioned by vv113: an occupational duplicate is decided in 2026.
	if _, err := duplicate.DecisionDeadline(nil, duplicate.OccupationalDuplicate, d(2026, time.November, 23)); err != nil {
		t.Errorf("DecisionDeadline(occupational, 2026) = %v", err)
	}
}

// TestVersions_GEN04_HostVersionFigures proves that a host's version is applied with its own
// figures: a period of three weeks for a school duplicate in its version, named in the explanation.
func TestVersions_GEN04_HostVersionFigures(t *testing.T) {
	r := vv113.Default()[0].Rule
	r.DuplicateWeeks = 3
	st, err := vv113.Default().With(vv113.Version{Name: "01.05.2015 (host)", Period: law.Period{From: d(2015, time.May, 1)}, Rule: r})
	if err != nil {
		t.Fatal(err)
	}
	dl, err := duplicate.DecisionDeadline(st, duplicate.SchoolDuplicate, d(2026, time.November, 2))
	if err != nil || dl.Due != d(2026, time.November, 23) || dl.Explanation.Steps[0].Version != "01.05.2015 (host)" {
		t.Errorf("DecisionDeadline under the host's version = %s, %v (%s)", dl.Due, err, dl.Explanation)
	}
	if dl, _ := duplicate.DecisionDeadline(st, duplicate.SchoolDuplicate, d(2014, time.November, 3)); dl.Due != d(2014, time.November, 17) {
		t.Errorf("DecisionDeadline in 2014 = %s; want two weeks, 17.11.2014 (the seed's version)", dl.Due)
	}
}

// TestService_GEN04_NoVersionRefused proves that the service applies the statute it is configured
// with: by default a school case in 2026 is refused with law.ErrNoVersion and nothing is stored;
// one in November 2014 is opened; an occupational case in 2026 is opened whatever the statute.
func TestService_GEN04_NoVersionRefused(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		now  time.Time
		ok   bool
		kind certificate.Kind
	}{
		{time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC), false, certificate.Gymnasium},
		{time.Date(2014, 11, 24, 9, 0, 0, 0, time.UTC), true, certificate.Gymnasium},
		{time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC), true, certificate.Occupational},
	} {
		st := memstore.New()
		svc, err := duplicate.NewService(st, duplicate.Config{Now: func() time.Time { return tt.now }, Registry: registry()})
		if err != nil {
			t.Fatal(err)
		}
		req := duplicate.Request{Applicant: holder(), Kind: certificate.Gymnasium, Issuer: reaalkool, Year: 2013, Ground: duplicate.Lost}
		if tt.kind == certificate.Occupational {
			st.IssueCertificate(ctx, certificate.Issue{Certificate: occupational(body)})
			req = duplicate.Request{Applicant: holder(), Original: "204580", Ground: duplicate.Lost}
		}
		_, err = svc.Open(ctx, owner(), req)
		switch {
		case tt.ok && err != nil:
			t.Errorf("Open(%s) on %s = %v; want opened", tt.kind, tt.now.Format("2006-01-02"), err)
		case !tt.ok && !errors.Is(err, law.ErrNoVersion):
			t.Errorf("Open(%s) on %s = %v; want ErrNoVersion", tt.kind, tt.now.Format("2006-01-02"), err)
		case !tt.ok:
			if cs, _ := st.Cases(ctx, duplicate.CaseQuery{}); len(cs) != 0 {
				t.Errorf("a refused Open stored %d cases", len(cs))
			}
		}
	}
	if _, err := duplicate.NewService(memstore.New(), duplicate.Config{Statute: vv113.Statute{{Name: "bad", Rule: vv113.Rules{}}}}); err == nil {
		t.Error("NewService(a statute with zero figures) = nil error")
	}
}
