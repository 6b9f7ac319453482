package duplicate_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/duplicate"
)

// TestDecisionDeadline_SCH19 proves that a school duplicate is decided within two weeks of receipt,
// the due date moved off weekends and public holidays (GEN-03).
func TestDecisionDeadline_SCH19(t *testing.T) {
	for _, tc := range []struct{ received, due calendar.Date }{
		{d(2024, time.June, 14), d(2024, time.June, 28)},         // Friday to Friday
		{d(2024, time.June, 10), d(2024, time.June, 25)},         // ends on jaanipäev
		{d(2024, time.December, 10), d(2024, time.December, 27)}, // ends on Christmas Eve; 25 and 26 are holidays too
	} {
		dl, err := duplicate.DecisionDeadline(statute, duplicate.SchoolDuplicate, tc.received)
		if err != nil || dl.Due != tc.due {
			t.Errorf("DecisionDeadline(school, %s) = %s, %v; want %s", tc.received, dl.Due, err, tc.due)
		}
		if s := dl.Explanation.Steps[0]; s.Rule != "SCH-19" || s.Citation.String() != "RT I 2010, 58, 391 § 18 lg 1" || !dl.Explanation.Applies("GEN-03") {
			t.Errorf("explanation = %s", dl.Explanation)
		}
	}
}

// TestDecisionDeadline_SCH14 proves that an exchange is decided within thirty days of receipt, and
// that the SDK applies the same period to § 15.
func TestDecisionDeadline_SCH14(t *testing.T) {
	for _, p := range []duplicate.Procedure{duplicate.StateExamExchange, duplicate.StateExamCorrection, duplicate.StateExamLegalised} {
		dl, err := duplicate.DecisionDeadline(statute, p, d(2024, time.November, 29))
		if err != nil || dl.End != d(2024, time.December, 29) || dl.Due != d(2024, time.December, 30) || dl.Explanation.Steps[0].Rule != "SCH-14" {
			t.Errorf("DecisionDeadline(%s) = end %s due %s, %v", p, dl.End, dl.Due, err)
		}
	}
}

// TestDecisionDeadline_CERT07 proves that an occupational duplicate is decided within one month.
func TestDecisionDeadline_CERT07(t *testing.T) {
	for _, tc := range []struct{ received, due calendar.Date }{
		{d(2025, time.January, 31), d(2025, time.February, 28)},
		{d(2025, time.February, 22), d(2025, time.March, 24)},
	} {
		dl, err := duplicate.DecisionDeadline(statute, duplicate.OccupationalDuplicate, tc.received)
		if err != nil || dl.Due != tc.due || dl.Explanation.Steps[0].Rule != "CERT-07" {
			t.Errorf("DecisionDeadline(occupational, %s) = %s, %v; want %s", tc.received, dl.Due, err, tc.due)
		}
	}
	if _, err := duplicate.DecisionDeadline(statute, 0, d(2025, time.January, 31)); err == nil {
		t.Error("DecisionDeadline(no procedure) = nil error")
	}
}

// TestNoticeDeadline_SCH23 proves that a refusal is made known within five working days of the
// decision, and that granting a school duplicate has no notice period.
func TestNoticeDeadline_SCH23(t *testing.T) {
	dl, ok, err := duplicate.NoticeDeadline(statute, duplicate.SchoolDuplicate, true, d(2024, time.June, 20))
	if err != nil || !ok || dl.Due != d(2024, time.June, 28) || dl.Explanation.Steps[0].Rule != "SCH-23" {
		t.Errorf("NoticeDeadline(school refusal, 20.06.2024) = %s, %v, %v; want 28.06.2024 (over jaanipäev)", dl.Due, ok, err)
	}
	if _, ok, _ := duplicate.NoticeDeadline(statute, duplicate.SchoolDuplicate, false, d(2024, time.June, 20)); ok {
		t.Error("NoticeDeadline(school grant) exists")
	}
	dl, ok, _ = duplicate.NoticeDeadline(statute, duplicate.OccupationalDuplicate, true, d(2024, time.June, 20))
	if !ok || dl.Due != d(2024, time.June, 28) || dl.Explanation.Steps[0].Rule != "CERT-07" {
		t.Errorf("NoticeDeadline(occupational refusal) = %s, %v", dl.Due, ok)
	}
}

// TestNoticeDeadline_SCH14 proves that an exchange decided either way is made known within five
// working days.
func TestNoticeDeadline_SCH14(t *testing.T) {
	for _, refused := range []bool{false, true} {
		dl, ok, err := duplicate.NoticeDeadline(statute, duplicate.StateExamExchange, refused, d(2024, time.June, 20))
		if err != nil || !ok || dl.Due != d(2024, time.June, 28) || dl.Explanation.Steps[0].Rule != "SCH-14" {
			t.Errorf("NoticeDeadline(exchange, refused %v) = %s, %v, %v", refused, dl.Due, ok, err)
		}
	}
}

// TestOriginalFate_SCH19 proves that a school duplicate invalidates the original, except on ground 4,
// and that the invalidation is published in Ametlikud Teadaanded.
func TestOriginalFate_SCH19(t *testing.T) {
	for _, g := range []duplicate.Ground{duplicate.Illegible, duplicate.Error, duplicate.Lost, duplicate.Legalised} {
		f, e := fate(duplicate.SchoolDuplicate, g)
		want := g != duplicate.Legalised
		if f.Invalidated != want || f.Publish != want || !e.Applies("SCH-19") {
			t.Errorf("OriginalFate(school, %s) = %+v; want invalidated and published %v", g, f, want)
		}
	}
}

// TestOriginalFate_SCH18 proves that on grounds 1 and 2 the original is sent for destruction to the
// institution that issues state-exam certificates, and not on grounds 3 and 4.
func TestOriginalFate_SCH18(t *testing.T) {
	for g, want := range map[duplicate.Ground]bool{duplicate.Illegible: true, duplicate.Error: true, duplicate.Lost: false, duplicate.Legalised: false} {
		f, e := fate(duplicate.SchoolDuplicate, g)
		if f.Destroyed != want || !e.Applies("SCH-18") || (want && f.DestroyedBy != "riigieksamitunnistusi väljastav asutus") {
			t.Errorf("OriginalFate(school, %s) = %+v; want destroyed %v", g, f, want)
		}
	}
}

// TestOriginalFate_SCH14 proves that an exchanged original is invalidated, destroyed when attached,
// and published at the issuer's cost.
func TestOriginalFate_SCH14(t *testing.T) {
	for _, g := range []duplicate.Ground{duplicate.Illegible, duplicate.Error, duplicate.Lost, duplicate.Electronic} {
		f, e := fate(duplicate.StateExamExchange, g)
		if !f.Invalidated || !f.Publish || f.PublishedAtCostOf != duplicate.Issuer || f.Destroyed != (g != duplicate.Lost) || !e.Applies("SCH-14") {
			t.Errorf("OriginalFate(exchange, %s) = %+v", g, f)
		}
	}
}

// TestOriginalFate_SCH13 proves that a legalised or apostilled paper original is neither invalidated
// nor destroyed when an electronic certificate is issued.
func TestOriginalFate_SCH13(t *testing.T) {
	f, e := fate(duplicate.StateExamLegalised, duplicate.Legalised)
	if f != (duplicate.Fate{}) || !e.Applies("SCH-13") {
		t.Errorf("OriginalFate(§ 15 (4)) = %+v; want nothing done", f)
	}
}

// TestOriginalFate_SCH12 proves the SDK's choice for § 15 (3): the new electronic certificate replaces
// the wrong one; nothing is destroyed or published.
func TestOriginalFate_SCH12(t *testing.T) {
	f, e := fate(duplicate.StateExamCorrection, duplicate.Error)
	if !f.Invalidated || f.Destroyed || f.Publish || !e.Applies("SCH-12") {
		t.Errorf("OriginalFate(§ 15 (3)) = %+v", f)
	}
}

// TestOriginalFate_CERT07 proves that an occupational original is invalidated on every ground, and
// neither destroyed nor published.
func TestOriginalFate_CERT07(t *testing.T) {
	for _, g := range []duplicate.Ground{duplicate.Illegible, duplicate.LetterIllegible, duplicate.Error, duplicate.Lost, duplicate.NewPersonalCode, duplicate.NameChange} {
		f, e := fate(duplicate.OccupationalDuplicate, g)
		if !f.Invalidated || f.Destroyed || f.Publish || !e.Applies("CERT-07") {
			t.Errorf("OriginalFate(occupational, %s) = %+v", g, f)
		}
	}
}

// TestCostOf_SCH20 proves that the applicant pays the amount the issuer set, except for an error,
// where the issuer pays.
func TestCostOf_SCH20(t *testing.T) {
	fee := decimal.RequireFromString("12.50")
	for _, g := range []duplicate.Ground{duplicate.Illegible, duplicate.Error, duplicate.Lost, duplicate.Legalised} {
		c, e, err := duplicate.CostOf(statute, duplicate.SchoolDuplicate, g, false, fee, testDay)
		if err != nil || !e.Applies("SCH-20") || e.Steps[0].Citation.String() != "RT I 2010, 58, 391 § 18 lg 4" {
			t.Fatalf("CostOf(%s) = %+v, %v", g, c, err)
		}
		if g == duplicate.Error {
			if c.Payer != duplicate.Issuer || !c.Amount.IsZero() || !c.Fee.Equal(fee) {
				t.Errorf("CostOf(error) = %+v; want the issuer to pay 12.50, the applicant 0", c)
			}
		} else if c.Payer != duplicate.Applicant || !c.Amount.Equal(fee) {
			t.Errorf("CostOf(%s) = %+v; want the applicant to pay 12.50", g, c)
		}
	}
	if _, _, err := duplicate.CostOf(statute, duplicate.SchoolDuplicate, duplicate.Lost, false, decimal.RequireFromString("-1"), testDay); err == nil {
		t.Error("CostOf(negative fee) = nil error")
	}
}

// TestRefuse_SCH23 proves the three refusal grounds of § 19 (1) and the written refusal's deadline.
func TestRefuse_SCH23(t *testing.T) {
	if got := duplicate.RefusalGrounds(duplicate.SchoolDuplicate); len(got) != 3 {
		t.Errorf("RefusalGrounds(school) = %v", got)
	}
	for _, g := range []duplicate.RefusalGround{duplicate.FalseData, duplicate.NoRecords, duplicate.NoGround} {
		r, e, err := duplicate.Refuse(statute, duplicate.SchoolDuplicate, g, d(2024, time.June, 20))
		if err != nil || r.Notice.Due != d(2024, time.June, 28) || e.Steps[0].Rule != "SCH-23" || e.Steps[0].Citation.Point != string(rune('0'+g)) {
			t.Errorf("Refuse(school, %s) = %+v, %v (%s)", g, r, err, e)
		}
	}
	_, _, err := duplicate.Refuse(statute, duplicate.SchoolDuplicate, duplicate.OriginalNotValid, d(2024, time.June, 20))
	wantErr(t, "Refuse(school, original-not-valid)", err, duplicate.ErrRefusalGround)
	if ruleOf(err) != "SCH-23" {
		t.Errorf("rule = %q", ruleOf(err))
	}
}

// TestRefuse_SCH14 proves the refusal grounds of an exchange (§ 16 (6)) and its notice (§ 16 (7)).
func TestRefuse_SCH14(t *testing.T) {
	r, e, err := duplicate.Refuse(statute, duplicate.StateExamExchange, duplicate.NoRecords, d(2024, time.June, 20))
	if err != nil || r.Notice.Due != d(2024, time.June, 28) || e.Steps[0].Citation.String() != "RT I 2010, 58, 391 § 16 lg 6 p 2" || !e.Applies("SCH-14") {
		t.Errorf("Refuse(exchange) = %+v, %v (%s)", r, err, e)
	}
}

// TestRefuse_CERT07 proves the four refusal grounds of Reg74 § 8 (2), the fourth being an invalid or
// expired original.
func TestRefuse_CERT07(t *testing.T) {
	if got := duplicate.RefusalGrounds(duplicate.OccupationalDuplicate); len(got) != 4 {
		t.Errorf("RefusalGrounds(occupational) = %v", got)
	}
	r, e, err := duplicate.Refuse(statute, duplicate.OccupationalDuplicate, duplicate.OriginalNotValid, d(2024, time.June, 20))
	if err != nil || r.Ground != duplicate.OriginalNotValid || e.Steps[0].Citation.String() != "RTL 2009, 2, 32 § 8 lg 2 p 4" {
		t.Errorf("Refuse(occupational, original-not-valid) = %+v, %v (%s)", r, err, e)
	}
}
