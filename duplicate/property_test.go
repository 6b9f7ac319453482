package duplicate_test

import (
	"context"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/duplicate"
)

func drawDate(t *rapid.T, from, to int, label string) calendar.Date {
	y := rapid.IntRange(from, to).Draw(t, label+".year")
	m := time.Month(rapid.IntRange(1, 12).Draw(t, label+".month"))
	return calendar.MustDate(y, m, rapid.IntRange(1, calendar.DaysIn(y, m)).Draw(t, label+".day"))
}

// TestDecisionDeadline_SCH19_property: for every receipt date from 13.07.2014 (the first day of the
// version of regulation nr 113 the SDK knows; the tests' host version continues it) to 2030 the
// decision deadline of a school duplicate is a working day at least 14 days after receipt, and the
// first such day.
func TestDecisionDeadline_SCH19_property(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		received := drawDate(t, 2015, 2030, "received")
		if rapid.Bool().Draw(t, "seed period") {
			received = calendar.MustDate(2014, time.July, 13).AddDays(rapid.IntRange(0, 291).Draw(t, "day")) // to 30.04.2015
		}
		dl, err := duplicate.DecisionDeadline(statute, duplicate.SchoolDuplicate, received)
		if err != nil {
			t.Fatalf("DecisionDeadline(%s): %v", received, err)
		}
		if !calendar.IsWorkingDay(dl.Due) {
			t.Fatalf("DecisionDeadline(%s) = %s (%s): not a working day", received, dl.Due, dl.Due.Weekday())
		}
		if n := dl.Due.DaysSince(received); n < 14 {
			t.Fatalf("DecisionDeadline(%s) = %s: only %d days after receipt", received, dl.Due, n)
		}
		for x := received.AddDays(14); x.Before(dl.Due); x = x.AddDays(1) {
			if calendar.IsWorkingDay(x) {
				t.Fatalf("DecisionDeadline(%s) = %s, but %s is an earlier working day ≥ 14 days after receipt", received, dl.Due, x)
			}
		}
	})
}

// groundsOf lists the grounds procedure p has (today's version for occupational duplicates).
func groundsOf(p duplicate.Procedure) []duplicate.Ground {
	on := calendar.MustDate(2026, time.November, 23)
	switch p {
	case duplicate.SchoolDuplicate:
		g, _, _ := duplicate.Grounds(statute, certificate.Gymnasium, false, on)
		return g
	case duplicate.StateExamCorrection:
		return []duplicate.Ground{duplicate.Error}
	case duplicate.StateExamLegalised:
		return []duplicate.Ground{duplicate.Legalised}
	case duplicate.StateExamExchange:
		return []duplicate.Ground{duplicate.Illegible, duplicate.Error, duplicate.Lost, duplicate.Electronic}
	}
	g, _, _ := duplicate.Grounds(statute, certificate.Occupational, false, on)
	return g
}

var procedures = []duplicate.Procedure{duplicate.SchoolDuplicate, duplicate.StateExamCorrection, duplicate.StateExamLegalised,
	duplicate.StateExamExchange, duplicate.OccupationalDuplicate}

// TestOriginalFate_SCH19_property: in no procedure does a ground-4 request (legalised or apostilled)
// invalidate or destroy the original (SCH-19 § 18 (2), SCH-13 § 15 (4)).
func TestOriginalFate_SCH19_property(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := rapid.SampledFrom(procedures).Draw(t, "procedure")
		g := rapid.SampledFrom(groundsOf(p)).Draw(t, "ground")
		f, _ := fate(p, g)
		if g == duplicate.Legalised && (f.Invalidated || f.Destroyed || f.Publish) {
			t.Fatalf("OriginalFate(%s, legalised) = %+v", p, f)
		}
		if p == duplicate.SchoolDuplicate && g != duplicate.Legalised && !f.Invalidated {
			t.Fatalf("OriginalFate(school, %s) does not invalidate", g)
		}
	})
}

// TestGrant_SCH19_property: through the service, on any day, a ground-4 school case never invalidates
// the original, and every other ground does, in the same commit as the duplicate.
func TestGrant_SCH19_property(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		today := drawDate(rt, 2015, 2030, "today") // inside the tests' statute
		g := rapid.SampledFrom([]duplicate.Ground{duplicate.Illegible, duplicate.Error, duplicate.Lost, duplicate.Legalised}).Draw(rt, "ground")
		kind := rapid.SampledFrom([]certificate.Kind{certificate.BasicSchool, certificate.Gymnasium}).Draw(rt, "kind")
		graduated := drawDate(rt, 2010, today.Year, "graduated")
		if graduated.After(today) {
			graduated = today
		}
		e := newEnv(t, today.In(time.UTC).Add(10*time.Hour))
		o := gymnasium("G012345", reaalkool, "Tallinna Reaalkool", graduated)
		if kind == certificate.BasicSchool {
			o.Number, o.Kind = "P012345", kind
		}
		e.put(o)
		ctx := context.Background()
		var att []duplicate.Attachment
		if g != duplicate.Lost {
			att = []duplicate.Attachment{duplicate.Original}
		}
		res, err := e.svc.Open(ctx, owner(), duplicate.Request{Applicant: holder(), Original: o.Number, Year: graduated.Year, Ground: g, Attached: att})
		if err != nil {
			rt.Fatalf("Open: %v", err)
		}
		res, err = e.svc.Grant(ctx, actor.SchoolOf(reaalkool), res.Case.ID, duplicate.GrantInput{})
		if err != nil {
			rt.Fatalf("Grant: %v", err)
		}
		orig, dup := e.cert(o.Number), e.cert(res.Duplicate.Number)
		st := orig.StatusOn(today)
		if (g == duplicate.Legalised) != (st == certificate.Valid) || (g != duplicate.Legalised && st != certificate.Replaced) {
			rt.Fatalf("ground %s: original is %s on %s", g, st, today)
		}
		if dup.StatusOn(today) != certificate.Valid {
			rt.Fatalf("the duplicate is not valid on its day")
		}
	})
}

// TestCostOf_SCH20_property: in every procedure, for a positive fee, the applicant's cost is zero
// exactly when the issuer pays, and otherwise the whole fee; the issuer pays a school or state-exam
// duplicate exactly when the ground is an error (SCH-20, § 18 (4)), an occupational one exactly when
// the ground arose through its fault, whatever the ground (CERT-07, Reg74 § 10 (5)).
func TestCostOf_SCH20_property(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := rapid.SampledFrom(procedures).Draw(t, "procedure")
		g := rapid.SampledFrom(groundsOf(p)).Draw(t, "ground")
		fault := p == duplicate.OccupationalDuplicate && rapid.Bool().Draw(t, "fault")
		fee := decimal.New(rapid.Int64Range(1, 100000).Draw(t, "cents"), -2)
		c, _, err := duplicate.CostOf(statute, p, g, fault, fee, testDay)
		if err != nil {
			t.Fatalf("CostOf(%s, %s, %v, %s): %v", p, g, fault, fee, err)
		}
		issuerPays := g == duplicate.Error
		if p == duplicate.OccupationalDuplicate {
			issuerPays = fault
		}
		if c.Amount.IsZero() != issuerPays || (!issuerPays && !c.Amount.Equal(fee)) {
			t.Fatalf("CostOf(%s, %s, %v, %s) = %s to the applicant", p, g, fault, fee, c.Amount)
		}
		if !c.Fee.Equal(fee) || (c.Payer == duplicate.Issuer) != issuerPays {
			t.Fatalf("CostOf(%s, %s, %v) = %+v", p, g, fault, c)
		}
	})
}
