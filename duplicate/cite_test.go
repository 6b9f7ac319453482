package duplicate_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/duplicate"
	"github.com/kutsekit/kutse/law"
)

// TestOriginalFate_SCH19_NoPayerNamed proves that the publication of a school document's
// invalidation names no payer: § 18 (3) says the school publishes it and nothing of its cost; only
// the exchange's publication is at the issuing institution's cost (§ 16 (5), SCH-14).
func TestOriginalFate_SCH19_NoPayerNamed(t *testing.T) {
	f, e := fate(duplicate.SchoolDuplicate, duplicate.Lost)
	if !f.Publish || f.PublishedAtCostOf != 0 {
		t.Errorf("school duplicate: publish %v at the cost of %v; want published, no payer named", f.Publish, f.PublishedAtCostOf)
	}
	for _, s := range e.Steps {
		if strings.Contains(s.Et, "kulul") || strings.Contains(s.En, "cost") {
			t.Errorf("school duplicate's explanation names a cost: %s / %s", s.Et, s.En)
		}
	}
	if f, _ := fate(duplicate.StateExamExchange, duplicate.Lost); f.PublishedAtCostOf != duplicate.Issuer {
		t.Errorf("exchange: published at the cost of %v; want the issuer (§ 16 (5))", f.PublishedAtCostOf)
	}
}

// TestCostOf_CERT07_FollowsFault proves that who pays for an occupational duplicate follows fault,
// not the ground (Reg74 § 10 (5)): the applicant pays unless the ground arose through the fault of
// the issuing awarding body or Kutsekoda, on any ground; an error that was not the issuer's fault is
// paid by the applicant. A school duplicate's cost follows the ground (§ 18 (4), SCH-20).
func TestCostOf_CERT07_FollowsFault(t *testing.T) {
	fee := decimal.RequireFromString("20.00")
	for _, tt := range []struct {
		g     duplicate.Ground
		fault bool
		want  duplicate.Payer
	}{
		{duplicate.Error, false, duplicate.Applicant},
		{duplicate.Error, true, duplicate.Issuer},
		{duplicate.Illegible, true, duplicate.Issuer},
		{duplicate.Lost, false, duplicate.Applicant},
		{duplicate.NameChange, false, duplicate.Applicant},
	} {
		c, e, err := duplicate.CostOf(statute, duplicate.OccupationalDuplicate, tt.g, tt.fault, fee, testDay)
		if err != nil || c.Payer != tt.want || !e.Applies("CERT-07") {
			t.Errorf("CostOf(occupational, %s, fault %v) = %+v, %v; want %v to pay", tt.g, tt.fault, c, err, tt.want)
		}
		if s := e.Steps[0]; s.Citation.Section != "10" || s.Citation.Subsection != "5" {
			t.Errorf("CostOf(occupational) cites %s; want Reg74 § 10 (5)", s.Citation)
		}
	}
	if _, _, err := duplicate.CostOf(statute, duplicate.SchoolDuplicate, duplicate.Lost, true, fee, testDay); !errors.Is(err, duplicate.ErrInvalid) {
		t.Errorf("CostOf(school, fault) = %v; want ErrInvalid: a school duplicate's cost follows the ground", err)
	}
	if c, _, _ := duplicate.CostOf(statute, duplicate.SchoolDuplicate, duplicate.Error, false, fee, testDay); c.Payer != duplicate.Issuer {
		t.Errorf("CostOf(school, error) = %+v; want the issuer (§ 18 (4))", c)
	}
}

// TestValidateRequest_SCH14_ExamTime proves that an exchange asks for the time of the exam (§ 16 (2):
// "eksami sooritamise aeg"), not a year: a request without it is refused naming ExamTime, one with a
// year only is refused, and one with an exam day after the request is refused.
func TestValidateRequest_SCH14_ExamTime(t *testing.T) {
	base := duplicate.Request{Applicant: holder(), Kind: certificate.StateExam, Paper: true, Ground: duplicate.Lost,
		Contact: "ema@example.ee", Date: d(2014, time.November, 24)}
	noTime := base
	_, _, err := duplicate.ValidateRequest(statute, noTime)
	ve, ok := errors.AsType[*duplicate.ValidationError](err)
	if !ok || ve.Field("ExamTime") == nil || ve.Field("ExamTime").Citation != "RT I 2010, 58, 391 § 16 lg 2" {
		t.Errorf("ValidateRequest(exchange without the exam time) = %v; want ExamTime required by § 16 (2)", err)
	}
	yearOnly := base
	yearOnly.Year = 2009
	if _, _, err := duplicate.ValidateRequest(statute, yearOnly); err == nil {
		t.Error("ValidateRequest(exchange with a year only) = nil; want the exam time")
	}
	future := base
	future.ExamTime = d(2015, time.May, 5)
	if _, _, err := duplicate.ValidateRequest(statute, future); !errors.Is(err, duplicate.ErrFutureYear) {
		t.Errorf("ValidateRequest(exam after the request) = %v; want ErrFutureYear", err)
	}
	good := base
	good.ExamTime = d(2009, time.May, 5)
	if p, _, err := duplicate.ValidateRequest(statute, good); err != nil || p != duplicate.StateExamExchange {
		t.Errorf("ValidateRequest(exchange with the exam time) = %v, %v", p, err)
	}
	school := duplicate.Request{Applicant: holder(), Kind: certificate.Gymnasium, Issuer: reaalkool, Year: 2013, Ground: duplicate.Lost,
		ExamTime: d(2013, time.May, 5), Date: d(2014, time.November, 24)}
	if _, _, err := duplicate.ValidateRequest(statute, school); err == nil {
		t.Error("ValidateRequest(school duplicate with an exam time) = nil; want an error: § 17 (2) asks for the year of graduation")
	}
}

// TestCitations_CERT07_SelfServiceByName proves that the register's self-service is cited by its
// published name, never by the project's internal source number "(000, 07.05.2026)".
func TestCitations_CERT07_SelfServiceByName(t *testing.T) {
	_, e, err := duplicate.Grounds(statute, certificate.Occupational, false, d(2026, time.January, 5))
	if err != nil {
		t.Fatal(err)
	}
	_, ae := attach(duplicate.OccupationalDuplicate, duplicate.NameChange, false)
	e.Append(ae)
	found := false
	for _, lang := range []law.Lang{law.Estonian, law.English} {
		txt := e.Render(lang)
		if strings.Contains(txt, "(000") {
			t.Errorf("explanation shows an internal source number: %s", txt)
		}
		found = found || strings.Contains(txt, "Kutseregistri iseteenindus (Kutsekoda)")
	}
	if !found {
		t.Errorf("the self-service is not cited by name:\n%s", e)
	}
}
