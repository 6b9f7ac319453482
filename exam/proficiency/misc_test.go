package proficiency_test

import (
	"errors"
	"testing"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/exam/proficiency"
	"github.com/kutsekit/kutse/isikukood"
)

// TestAdmit_LNG14 proves admission on a valid identity document of the registered person.
func TestAdmit_LNG14(t *testing.T) {
	exam := date(2011, 9, 15)
	c := code(t, date(1980, 5, 17))
	r := proficiency.Registration{Session: "S", Date: exam, Status: proficiency.Registered, Person: proficiency.Person{Name: "Olga Petrova", Code: c}}
	doc := proficiency.IdentityDocument{Kind: proficiency.IDCard, Number: "AA0012345", Code: c, ValidUntil: exam}
	if e, err := rb.Admit(r, doc); err != nil || !e.Applies("LNG-14") {
		t.Fatalf("Admit(valid ID card) = %v", err)
	}
	for name, d := range map[string]proficiency.IdentityDocument{
		"expired the day before": {Kind: proficiency.Passport, Code: c, ValidUntil: exam.AddDays(-1)},
		"no validity":            {Kind: proficiency.Passport, Code: c},
		"not an identity doc":    {Kind: 0, Code: c, ValidUntil: exam},
		"someone else's":         {Kind: proficiency.IDCard, Code: code(t, date(1981, 5, 17)), ValidUntil: exam},
	} {
		_, err := rb.Admit(r, d)
		if x := refusal(t, err, proficiency.ErrNotAdmitted); x.Rule != "LNG-14" {
			t.Errorf("%s: refused by %s", name, x.Rule)
		}
	}
	// a person without a personal code: birth date and name
	r.Person = proficiency.Person{Name: "Ivan  Ivanov", BirthDate: date(1950, 3, 4)}
	foreign := proficiency.IdentityDocument{Kind: proficiency.ForeignPassport, Name: "IVAN IVANOV", BirthDate: date(1950, 3, 4), ValidUntil: date(2015, 1, 1)}
	if _, err := rb.Admit(r, foreign); err != nil {
		t.Errorf("Admit(foreign passport, same name and birth date) = %v", err)
	}
	foreign.BirthDate = date(1950, 3, 5)
	if _, err := rb.Admit(r, foreign); !errors.Is(err, proficiency.ErrNotAdmitted) {
		t.Errorf("Admit(other birth date) = %v", err)
	}
	r.Status = proficiency.Cancelled
	if _, err := rb.Admit(r, doc); !errors.Is(err, proficiency.ErrNotAdmitted) {
		t.Errorf("Admit(cancelled registration) = %v", err)
	}
}

// TestResultDue_LNG18 proves the result's deadline: 30 days, moved off a day off.
func TestResultDue_LNG18(t *testing.T) {
	for exam, want := range map[calendar.Date]calendar.Date{
		date(2011, 9, 15): date(2011, 10, 17), // 15.10.2011 is a Saturday
		date(2011, 5, 20): date(2011, 6, 20),  // 19.06.2011 is a Sunday
		date(2012, 2, 1):  date(2012, 3, 2),
	} {
		dl, e, err := rb.ResultDue(exam)
		if err != nil || dl.Due != want || !e.Applies("LNG-18") {
			t.Errorf("ResultDue(%s) = %s, %v; want %s", exam, dl.Due, err, want)
		}
	}
}

// TestDeliveryOf_LNG18 proves the certificate's delivery: the state portal for a person with an
// Estonian personal code, written form for one without.
func TestDeliveryOf_LNG18(t *testing.T) {
	exam := date(2011, 5, 20)
	d, e, err := rb.DeliveryOf(proficiency.Person{Name: "A", Code: isikukood.MustParse("49502020047")}, exam)
	if err != nil || d != proficiency.Portal || e.Steps[1].Citation.String() != "RTL 2007, 94, 1563 § 7 lg 6" {
		t.Errorf("with a code: %v, %v, %s", d, err, e)
	}
	d, _, _ = rb.DeliveryOf(proficiency.Person{Name: "B", BirthDate: date(1950, 1, 1)}, exam)
	if d != proficiency.InWrite {
		t.Errorf("without a code: %v; want written", d)
	}
}

// TestKeepWorks_LNG19 proves that exam works are kept five years and may be destroyed the day
// after.
func TestKeepWorks_LNG19(t *testing.T) {
	until, from, e, err := rb.KeepWorks(date(2011, 9, 15))
	if err != nil || until != date(2016, 9, 15) || from != date(2016, 9, 16) || !e.Applies("LNG-19") {
		t.Errorf("KeepWorks(15.09.2011) = %s, %s, %v", until, from, err)
	}
	until, from, _, _ = rb.KeepWorks(date(2012, 2, 29))
	if until != date(2017, 2, 28) || from != date(2017, 3, 1) {
		t.Errorf("KeepWorks(29.02.2012) = %s, %s; want 2017-02-28, 2017-03-01", until, from)
	}
}

// TestCheckSpecialNeeds_LNG06 proves the special-needs request and the expert committee's
// decision.
func TestCheckSpecialNeeds_LNG06(t *testing.T) {
	s := session(proficiency.B1, date(2011, 9, 15))
	req := proficiency.SpecialNeeds{RequestedOn: date(2011, 7, 20), Statement: "eriarsti teatis 12/2011"}
	if e, err := rb.CheckSpecialNeeds(s, req); err != nil || !e.Applies("LNG-06") {
		t.Fatalf("request with a statement: %v", err)
	}
	noStatement := req
	noStatement.Statement = " "
	if _, err := rb.CheckSpecialNeeds(s, noStatement); refusal(t, err, proficiency.ErrSpecialNeeds).Rule != "LNG-06" {
		t.Errorf("request without a statement: %v", err)
	}
	req.Decision = &proficiency.Accommodation{DecidedOn: date(2011, 8, 1), Reference: "EK-5", OtherTimePlace: true,
		ExtraMinutes: 30, Exempted: pts("0", "0", "10", "0")}
	e, err := rb.CheckSpecialNeeds(s, req)
	if err != nil || len(e.Steps) != 3 {
		t.Errorf("decision: %v\n%s", err, e)
	}
	req.Decision.Exempted = pts("0", "0", "26", "0")
	if _, err := rb.CheckSpecialNeeds(s, req); !errors.Is(err, proficiency.ErrSpecialNeeds) {
		t.Errorf("exemption above the maximum: %v", err)
	}
	req.Decision.Exempted = full
	if _, err := rb.CheckSpecialNeeds(s, req); !errors.Is(err, proficiency.ErrSpecialNeeds) {
		t.Errorf("exemption from everything: %v", err)
	}
	req.Decision.Exempted, req.Decision.Reference = proficiency.Points{}, ""
	if _, err := rb.CheckSpecialNeeds(s, req); !errors.Is(err, proficiency.ErrInvalid) {
		t.Errorf("decision without a reference: %v", err)
	}
}
