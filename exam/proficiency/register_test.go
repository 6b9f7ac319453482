package proficiency_test

import (
	"errors"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/exam/proficiency"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
)

// decide runs Decide and fails on an input error.
func decide(t testing.TB, app proficiency.Application, history ...proficiency.Registration) proficiency.Decision {
	t.Helper()
	d, err := rb.Decide(app, history)
	if err != nil {
		t.Fatalf("Decide: %v", err)
	}
	if d.Allowed != (d.Refusal == nil) {
		t.Fatalf("Decide: Allowed %v with refusal %v", d.Allowed, d.Refusal)
	}
	return d
}

// TestDecide_LNG05_channels proves registration online (with an Estonian personal code) or in
// writing with the form, a copy of an identity document and, where there is one, the expert
// committee's decision.
func TestDecide_LNG05_channels(t *testing.T) {
	s := session(proficiency.B1, date(2011, 9, 15))
	on := date(2011, 7, 20)
	app := application(t, s, on)
	if d := decide(t, app); !d.Allowed || !d.Explanation.Applies("LNG-05") {
		t.Fatalf("online with a code refused: %v", d.Refusal)
	}
	noCode := app
	noCode.Person.Code, noCode.Person.BirthDate = isikukood.Code{}, date(1970, 1, 2)
	if d := decide(t, noCode); d.Allowed || d.Refusal.Rule != "LNG-05" || !errors.Is(d.Refusal, proficiency.ErrDocuments) {
		t.Errorf("online without a code: %v; want LNG-05 refusal", d.Refusal)
	}
	written := noCode
	written.Channel = proficiency.Written
	for _, tt := range []struct {
		docs      proficiency.Documents
		committee string
		ok        bool
	}{
		{proficiency.Documents{Form: true, IdentityCopy: true}, "", true},
		{proficiency.Documents{Form: true}, "", false},
		{proficiency.Documents{IdentityCopy: true}, "", false},
		{proficiency.Documents{Form: true, IdentityCopy: true}, "EK-7", false},
		{proficiency.Documents{Form: true, IdentityCopy: true, CommitteeCopy: true}, "EK-7", true},
	} {
		written.Documents, written.CommitteeDecision = tt.docs, tt.committee
		d := decide(t, written)
		if d.Allowed != tt.ok || (!tt.ok && d.Refusal.Rule != "LNG-05") {
			t.Errorf("written %+v (decision %q): allowed %v, %v; want %v", tt.docs, tt.committee, d.Allowed, d.Refusal, tt.ok)
		}
	}
	if d := decide(t, written); d.Refusal != nil || d.Explanation.Steps[2].Citation.String() != "SA Innove, „Eesti keele tasemeeksamid: registreerumine” (innove.ee)" {
		t.Errorf("written: %v", d.Explanation)
	}
	// under 004 the documents are § 5 (2)
	old := written
	old.Session, old.On = session(proficiency.B1, date(2011, 5, 20)), date(2011, 4, 1)
	if d := decide(t, old); d.Explanation.Steps[2].Citation.String() != "RTL 2007, 94, 1563 § 5 lg 2" {
		t.Errorf("LNG-05 under 004 cites %s; want § 5 lg 2", d.Explanation.Steps[2].Citation)
	}
}

// TestDecide_LNG07_oneAtATime proves that a person with an active registration is refused, told
// when they may register again, and that outcomes do not block.
func TestDecide_LNG07_oneAtATime(t *testing.T) {
	s := session(proficiency.B2, date(2011, 12, 8))
	app := application(t, s, date(2011, 10, 20))
	active := proficiency.Registration{ID: 3, Session: "2011-11-10-B1", Date: date(2011, 11, 10), Status: proficiency.Registered}
	d := decide(t, app, active)
	if d.Allowed || d.Refusal.Rule != "LNG-07" || !errors.Is(d.Refusal, proficiency.ErrAlreadyRegistered) {
		t.Fatalf("with an active registration: %v; want LNG-07", d.Refusal)
	}
	if d.Refusal.RegisterFrom != date(2011, 11, 11) {
		t.Errorf("RegisterFrom = %s; want the day after the active exam, 2011-11-11", d.Refusal.RegisterFrom)
	}
	cancelled := active
	cancelled.Status, cancelled.CancelledOn = proficiency.Cancelled, date(2011, 10, 1)
	if d := decide(t, app, cancelled); !d.Allowed {
		t.Errorf("after cancelling 40 days before: %v", d.Refusal)
	}
}

// TestRetakeWait_LNG08 proves the wait under both versions for every outcome.
func TestRetakeWait_LNG08(t *testing.T) {
	g := func(passed bool, total string) *proficiency.Grade {
		return &proficiency.Grade{Passed: passed, Total: dec(total), Max: dec("100")}
	}
	old, new := date(2011, 5, 15), date(2011, 9, 15)
	filed := func(d calendar.Date, evidence string, ok bool) *proficiency.Absence {
		return &proficiency.Absence{ExplanationFiled: d, Evidence: evidence, Accepted: ok}
	}
	tests := []struct {
		name string
		r    proficiency.Registration
		from calendar.Date // zero: no wait
	}{
		// 004: failing or being absent, three months
		{"004 absent", proficiency.Registration{Date: old, Status: proficiency.Absent}, date(2011, 8, 16)},
		{"004 absent with an accepted explanation", proficiency.Registration{Date: old, Status: proficiency.Absent,
			Absence: filed(date(2011, 5, 20), "arstitõend", true)}, date(2011, 8, 16)},
		{"004 failed at 59.99", proficiency.Registration{Date: old, Status: proficiency.Graded, Grade: g(false, "59.99")}, date(2011, 8, 16)},
		{"004 failed at 10", proficiency.Registration{Date: old, Status: proficiency.Graded, Grade: g(false, "10")}, date(2011, 8, 16)},
		{"004 passed", proficiency.Registration{Date: old, Status: proficiency.Graded, Grade: g(true, "60")}, calendar.Date{}},
		{"004 cancelled the day before", proficiency.Registration{Date: old, Status: proficiency.Cancelled, CancelledOn: date(2011, 5, 14)}, calendar.Date{}},
		{"004 cancelled on the day", proficiency.Registration{Date: old, Status: proficiency.Cancelled, CancelledOn: old}, date(2011, 8, 16)},
		{"004 end of month", proficiency.Registration{Date: date(2010, 11, 30), Status: proficiency.Absent}, date(2011, 3, 1)},
		// 003: absent without good reason or below 35 %, six months
		{"003 absent", proficiency.Registration{Date: new, Status: proficiency.Absent}, date(2012, 3, 16)},
		{"003 good reason", proficiency.Registration{Date: new, Status: proficiency.Absent,
			Absence: filed(date(2011, 10, 14), "arstitõend nr 5", true)}, calendar.Date{}},
		{"003 explanation on the moved due date", proficiency.Registration{Date: new, Status: proficiency.Absent,
			Absence: filed(date(2011, 10, 17), "arstitõend nr 5", true)}, calendar.Date{}},
		{"003 explanation late", proficiency.Registration{Date: new, Status: proficiency.Absent,
			Absence: filed(date(2011, 10, 18), "arstitõend nr 5", true)}, date(2012, 3, 16)},
		{"003 explanation without evidence", proficiency.Registration{Date: new, Status: proficiency.Absent,
			Absence: filed(date(2011, 9, 20), "", true)}, date(2012, 3, 16)},
		{"003 explanation not accepted", proficiency.Registration{Date: new, Status: proficiency.Absent,
			Absence: filed(date(2011, 9, 20), "tõend", false)}, date(2012, 3, 16)},
		{"003 below 35", proficiency.Registration{Date: new, Status: proficiency.Graded, Grade: g(false, "34.99")}, date(2012, 3, 16)},
		{"003 at 35", proficiency.Registration{Date: new, Status: proficiency.Graded, Grade: g(false, "35")}, calendar.Date{}},
		{"003 failed at 59.99", proficiency.Registration{Date: new, Status: proficiency.Graded, Grade: g(false, "59.99")}, calendar.Date{}},
		{"003 removed (0 points)", proficiency.Registration{Date: new, Status: proficiency.Graded, Grade: g(false, "0")}, date(2012, 3, 16)},
		{"003 cancelled 7 days before", proficiency.Registration{Date: new, Status: proficiency.Cancelled, CancelledOn: date(2011, 9, 8)}, calendar.Date{}},
		{"003 cancelled 6 days before", proficiency.Registration{Date: new, Status: proficiency.Cancelled, CancelledOn: date(2011, 9, 9)}, date(2012, 3, 16)},
		{"003 cancelled late with a good reason", proficiency.Registration{Date: new, Status: proficiency.Cancelled, CancelledOn: date(2011, 9, 14),
			Absence: filed(date(2011, 9, 20), "tõend", true)}, calendar.Date{}},
		{"003 31 August + 6 months", proficiency.Registration{Date: date(2011, 8, 31), Status: proficiency.Absent}, date(2012, 3, 1)},
		{"active", proficiency.Registration{Date: new, Status: proficiency.Registered}, calendar.Date{}},
	}
	for _, tt := range tests {
		w, err := rb.RetakeWait(tt.r)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if w.Applies != !tt.from.IsZero() || w.From != tt.from || (w.Applies && w.Ends != tt.from.AddDays(-1)) {
			t.Errorf("%s: wait %v from %s (ends %s); want from %s\n%s", tt.name, w.Applies, w.From, w.Ends, tt.from, w.Explanation.Render(law.English))
		}
		if want := map[bool]string{true: "01.10.2010", false: "01.07.2011"}[tt.r.Date.Before(date(2011, 7, 1))]; w.Version != want || w.Explanation.Steps[0].Version != want {
			t.Errorf("%s: version %q; want %q", tt.name, w.Version, want)
		}
		if !w.Explanation.Applies("LNG-08") {
			t.Errorf("%s: LNG-08 not in the explanation", tt.name)
		}
	}
	if _, err := rb.RetakeWait(proficiency.Registration{Date: new, Status: proficiency.Graded}); !errors.Is(err, proficiency.ErrInvalid) {
		t.Errorf("graded without a grade = %v; want ErrInvalid", err)
	}
	if _, _, err := rb.ExplanationDue(old); !errors.Is(err, proficiency.ErrState) {
		t.Errorf("ExplanationDue under 004 = %v; want ErrState (no explanation in 004)", err)
	}
	if dl, _, err := rb.ExplanationDue(new); err != nil || dl.Due != date(2011, 10, 17) {
		t.Errorf("ExplanationDue(15.09.2011) = %s, %v; want 17.10.2011 (15.10 is a Saturday)", dl.Due, err)
	}
}

// TestDecide_LNG08_refusal proves that a registration inside a wait is refused by LNG-08 under the
// version of the earlier exam, with the first exam day allowed, and one on that day is allowed.
func TestDecide_LNG08_refusal(t *testing.T) {
	absent := proficiency.Registration{ID: 1, Session: "B1-2011-05-15", Date: date(2011, 5, 15), Status: proficiency.Absent}
	inside := session(proficiency.B1, date(2011, 8, 15))
	d := decide(t, application(t, inside, date(2011, 7, 1)), absent)
	if d.Allowed || d.Refusal.Rule != "LNG-08" || !errors.Is(d.Refusal, proficiency.ErrRetakeWait) {
		t.Fatalf("inside the wait: %v", d.Refusal)
	}
	if d.Refusal.ExamFrom != date(2011, 8, 16) || d.Refusal.RegisterFrom != date(2011, 7, 1) || d.Refusal.Version != "01.10.2010" ||
		d.Refusal.Citation.String() != "RTL 2007, 94, 1563 § 5 lg 4" {
		t.Errorf("refusal %+v; want exam from 2011-08-16, register at once, version 01.10.2010, 004 § 5 (4)", d.Refusal)
	}
	if last := d.Explanation.Steps[len(d.Explanation.Steps)-1]; last.Rule != "LNG-08" || last.Version != "01.10.2010" {
		t.Errorf("last step %+v; want the LNG-08 refusal under 01.10.2010", last)
	}
	if d := decide(t, application(t, session(proficiency.B1, date(2011, 8, 16)), date(2011, 7, 1)), absent); !d.Allowed {
		t.Errorf("on the first day after the wait: %v", d.Refusal)
	}
	// The latest of several waits counts.
	low := proficiency.Registration{ID: 2, Date: date(2011, 9, 15), Status: proficiency.Graded,
		Grade: &proficiency.Grade{Total: dec("20"), Max: dec("100")}}
	if d := decide(t, application(t, session(proficiency.B1, date(2012, 3, 15)), date(2012, 1, 10)), absent, low); d.Allowed || d.Refusal.ExamFrom != date(2012, 3, 16) {
		t.Errorf("two waits: %v; want refused until 2012-03-16", d.Refusal)
	}
	// An outcome from before the first version is older than any wait: ignored.
	ancient := proficiency.Registration{ID: 9, Date: date(2009, 3, 1), Status: proficiency.Absent}
	if d := decide(t, application(t, session(proficiency.B1, date(2011, 9, 15)), date(2011, 7, 1)), ancient); !d.Allowed {
		t.Errorf("with a 2009 absence: %v", d.Refusal)
	}
	recent := proficiency.Registration{ID: 9, Date: date(2010, 9, 20), Status: proficiency.Absent}
	if _, err := rb.Decide(application(t, session(proficiency.B1, date(2010, 11, 15)), date(2010, 10, 1)), []proficiency.Registration{recent}); !errors.Is(err, law.ErrNoVersion) {
		t.Errorf("with an absence no version covers, within 6 months: %v; want ErrNoVersion", err)
	}
}

// TestDecide_LNG08_property: for any exam a person missed without good reason (either version), the
// person can register for no exam inside the wait, and for the first exam after it.
func TestDecide_LNG08_property(t *testing.T) {
	p := proficiency.Person{Name: "Test", Code: isikukood.MustParse("49502020047")}
	rapid.Check(t, func(t *rapid.T) {
		missed := date(2010, 10, 1).AddDays(rapid.IntRange(0, 7000).Draw(t, "missed"))
		prev := proficiency.Registration{ID: 1, Date: missed, Status: proficiency.Absent, Person: p}
		w, err := rb.RetakeWait(prev)
		if err != nil || !w.Applies {
			t.Fatalf("RetakeWait(%s) = %+v, %v", missed, w, err)
		}
		months := map[bool]int{true: 3, false: 6}[missed.Before(date(2011, 7, 1))]
		if w.Ends != missed.AddMonths(months) {
			t.Fatalf("wait after %s ends %s; want %s", missed, w.Ends, missed.AddMonths(months))
		}
		exam := missed.AddDays(rapid.IntRange(1, w.From.DaysSince(missed)).Draw(t, "exam"))
		on := calendar.Date{Year: exam.Year, Month: exam.Month, Day: 1}.AddMonths(-1) // the last day to register
		app := proficiency.Application{Person: p, Session: session(proficiency.B1, exam), Centre: "Tallinn", Channel: proficiency.Online, On: on}
		d, err := rb.Decide(app, []proficiency.Registration{prev})
		if err != nil {
			t.Fatal(err)
		}
		if exam.Before(w.From) {
			if d.Allowed || d.Refusal.Rule != "LNG-08" || d.Refusal.ExamFrom != w.From {
				t.Fatalf("exam %s inside the wait to %s: allowed %v, %v", exam, w.Ends, d.Allowed, d.Refusal)
			}
		} else if !d.Allowed {
			t.Fatalf("exam %s, the first day after the wait: refused %v", exam, d.Refusal)
		}
	})
}

// TestRegistrationCloses_LNG09 proves the closing day at month and year boundaries, and that a
// registration on it is in time and the next day is not.
func TestRegistrationCloses_LNG09(t *testing.T) {
	for exam, want := range map[calendar.Date]calendar.Date{
		date(2011, 9, 15): date(2011, 8, 1),
		date(2011, 9, 1):  date(2011, 8, 1),
		date(2012, 1, 20): date(2011, 12, 1),
		date(2011, 3, 31): date(2011, 2, 1),
		date(2012, 3, 1):  date(2012, 2, 1),
	} {
		got, e, err := rb.RegistrationCloses(exam)
		if err != nil || got != want || !e.Applies("LNG-09") {
			t.Errorf("RegistrationCloses(%s) = %s, %v; want %s", exam, got, err, want)
		}
	}
	s := session(proficiency.B1, date(2011, 9, 15))
	if d := decide(t, application(t, s, date(2011, 8, 1))); !d.Allowed {
		t.Errorf("on the closing day: %v", d.Refusal)
	}
	d := decide(t, application(t, s, date(2011, 8, 2)))
	if d.Allowed || d.Refusal.Rule != "LNG-09" || !errors.Is(d.Refusal, proficiency.ErrRegistrationClosed) {
		t.Fatalf("the day after: %v; want LNG-09", d.Refusal)
	}
	if d.Refusal.ExamFrom != date(2011, 10, 1) || d.Refusal.RegisterFrom != date(2011, 8, 2) {
		t.Errorf("ExamFrom %s RegisterFrom %s; want 2011-10-01 (registration for October closes on 1 September), 2011-08-02", d.Refusal.ExamFrom, d.Refusal.RegisterFrom)
	}
	if d := decide(t, application(t, s, date(2011, 9, 1))); d.Refusal.ExamFrom != date(2011, 10, 1) {
		t.Errorf("refused on 1 September: ExamFrom %s; want 2011-10-01", d.Refusal.ExamFrom)
	}
}

// TestRegistrationCloses_LNG09_property: for any exam date, registration closes on the 1st of the
// previous month: an application on that day is in time, one the day after is refused by LNG-09,
// and the first exam it names as open accepts a registration that day.
func TestRegistrationCloses_LNG09_property(t *testing.T) {
	p := proficiency.Person{Name: "Test", Code: isikukood.MustParse("49502020047")}
	rapid.Check(t, func(t *rapid.T) {
		exam := date(2010, 11, 1).AddDays(rapid.IntRange(0, 9000).Draw(t, "exam"))
		got, _, err := rb.RegistrationCloses(exam)
		prev := time.Month((int(exam.Month)+10)%12 + 1)
		if err != nil || got.Day != 1 || got.Month != prev || (got.Year != exam.Year && !(exam.Month == 1 && got.Year == exam.Year-1)) {
			t.Fatalf("RegistrationCloses(%s) = %s, %v", exam, got, err)
		}
		app := proficiency.Application{Person: p, Session: session(proficiency.C1, exam), Centre: "Narva", Channel: proficiency.Online, On: got}
		if d, _ := rb.Decide(app, nil); !d.Allowed {
			t.Fatalf("application on %s for %s refused: %v", got, exam, d.Refusal)
		}
		app.On = got.AddDays(rapid.IntRange(1, 60).Draw(t, "late"))
		d, _ := rb.Decide(app, nil)
		if app.On.After(got) && (d.Allowed || d.Refusal.Rule != "LNG-09") {
			t.Fatalf("application on %s for %s: %v; want LNG-09", app.On, exam, d.Refusal)
		}
		app.Session = session(proficiency.C1, d.Refusal.ExamFrom)
		if d2, _ := rb.Decide(app, nil); !d2.Allowed {
			t.Fatalf("exam %s named as open on %s refused: %v", d.Refusal.ExamFrom, app.On, d2.Refusal)
		}
	})
}

// TestNoticeDue_LNG10 proves the notice's due date: 30 days before the exam, not moved off a day
// off.
func TestNoticeDue_LNG10(t *testing.T) {
	for exam, want := range map[calendar.Date]calendar.Date{
		date(2011, 9, 15): date(2011, 8, 16),
		date(2011, 3, 1):  date(2011, 1, 30), // a Sunday: not moved
		date(2012, 3, 30): date(2012, 2, 29),
	} {
		got, e, err := rb.NoticeDue(exam)
		if err != nil || got != want || !e.Applies("LNG-10") || !e.Applies("GEN-03") {
			t.Errorf("NoticeDue(%s) = %s, %v; want %s\n%s", exam, got, err, want, e)
		}
	}
	d := decide(t, application(t, session(proficiency.B1, date(2011, 9, 15)), date(2011, 7, 1)))
	if d.NoticeDue != date(2011, 8, 16) {
		t.Errorf("Decision.NoticeDue = %s", d.NoticeDue)
	}
}

// TestDecide_LNG20_consultations proves the six academic hours of free group consultations.
func TestDecide_LNG20_consultations(t *testing.T) {
	d := decide(t, application(t, session(proficiency.A2, date(2011, 5, 20)), date(2011, 4, 1)))
	if d.ConsultationHours != 6 || !d.Explanation.Applies("LNG-20") {
		t.Errorf("ConsultationHours = %d; want 6", d.ConsultationHours)
	}
	if c := d.Explanation.Steps[len(d.Explanation.Steps)-1].Citation.String(); c != "RTL 2007, 94, 1563 § 9 lg 1" {
		t.Errorf("LNG-20 cites %s; want 004 § 9 (1)", c)
	}
}

// TestDecide_LNG21_senior proves the 65+ citizenship applicant's arrangement: the age on the exam
// day from the personal code or the birth date, level B1, writing exempt; and its refusals.
func TestDecide_LNG21_senior(t *testing.T) {
	exam := date(2011, 9, 15)
	s := session(proficiency.B1, exam)
	app := application(t, s, date(2011, 7, 1))
	app.Senior, app.Person.Citizenship = true, true
	// 65 on the exam day exactly
	app.Person.Code = code(t, date(1946, 9, 15))
	d := decide(t, app)
	if !d.Allowed || d.Skills != proficiency.SetOf(proficiency.Listening, proficiency.Reading, proficiency.Speaking) {
		t.Fatalf("65 on the exam day: %v, skills %v", d.Refusal, d.Skills.List())
	}
	if c := d.Explanation.Steps[len(d.Explanation.Steps)-5]; c.Rule != "LNG-21" || c.Citation.String() != "Kodakondsuse seadus § 8 lg 2 p 4" {
		t.Errorf("LNG-21 step %+v", c)
	}
	// 65 the day after the exam: refused
	app.Person.Code = code(t, date(1946, 9, 16))
	if d := decide(t, app); d.Allowed || d.Refusal.Rule != "LNG-21" || !errors.Is(d.Refusal, proficiency.ErrNotSenior) {
		t.Errorf("64 on the exam day: %v", d.Refusal)
	}
	// no personal code: the birth date, in writing
	byBirth := app
	byBirth.Person.Code, byBirth.Person.BirthDate, byBirth.Channel = isikukood.Code{}, date(1940, 2, 29), proficiency.Written
	byBirth.Documents = proficiency.Documents{Form: true, IdentityCopy: true}
	if d := decide(t, byBirth); !d.Allowed {
		t.Errorf("71 by birth date: %v", d.Refusal)
	}
	// not a citizenship applicant; not B1; under 004
	app.Person.Code = code(t, date(1930, 1, 1))
	noCit := app
	noCit.Person.Citizenship = false
	if d := decide(t, noCit); d.Refusal == nil || d.Refusal.Rule != "LNG-21" {
		t.Errorf("not a citizenship applicant: %v", d.Refusal)
	}
	b2 := app
	b2.Session = session(proficiency.B2, exam)
	if d := decide(t, b2); d.Refusal == nil || d.Refusal.Rule != "LNG-21" {
		t.Errorf("senior at B2: %v", d.Refusal)
	}
	old := app
	old.Session, old.On = session(proficiency.B1, date(2011, 5, 20)), date(2011, 4, 1)
	if d := decide(t, old); d.Refusal == nil || d.Refusal.Rule != "LNG-21" || d.Refusal.Version != "01.10.2010" {
		t.Errorf("senior under 004: %v; want LNG-21 refusal (no such arrangement)", d.Refusal)
	}
	// a 70-year-old not asking for the arrangement takes all four parts
	plain := app
	plain.Senior = false
	if d := decide(t, plain); !d.Allowed || d.Skills != proficiency.AllSkills {
		t.Errorf("without asking: %v, %v", d.Refusal, d.Skills.List())
	}
}

// TestPerson_LNG21_age proves the age computation: from the code, else the birth date, 29 February
// on 28 February in a common year.
func TestPerson_LNG21_age(t *testing.T) {
	p := proficiency.Person{BirthDate: date(1944, 2, 29)}
	for d, want := range map[calendar.Date]int{date(2009, 2, 27): 64, date(2009, 2, 28): 65, date(2012, 2, 28): 67, date(2012, 2, 29): 68, date(1944, 2, 28): -1} {
		if got := p.AgeOn(d); got != want {
			t.Errorf("AgeOn(%s) = %d; want %d", d, got, want)
		}
	}
	withCode := proficiency.Person{Code: code(t, date(1944, 2, 29)), BirthDate: date(1999, 1, 1)}
	if got := withCode.AgeOn(date(2009, 2, 28)); got != 65 {
		t.Errorf("AgeOn from the code = %d; want 65 (the code wins)", got)
	}
	if got := (proficiency.Person{}).AgeOn(date(2009, 2, 28)); got != -1 {
		t.Errorf("AgeOn with nothing = %d; want -1", got)
	}
}

// TestDecide_LNG03_level proves that a level a version does not examine is refused by LNG-03.
func TestDecide_LNG03_level(t *testing.T) {
	v := rb[len(rb)-1]
	v.Name, v.Period = "2030", law.Period{From: date(2030, 1, 1)}
	v.Rule.Levels = []proficiency.Level{proficiency.B1}
	book, _ := rb.With(v)
	d, err := book.Decide(application(t, session(proficiency.C1, date(2030, 5, 5)), date(2030, 3, 1)), nil)
	if err != nil || d.Allowed || d.Refusal.Rule != "LNG-03" || !errors.Is(d.Refusal, proficiency.ErrLevelNotOffered) {
		t.Errorf("C1 not examined: %v, %v", d.Refusal, err)
	}
}

// TestDecide_LNG05_invalidInput proves that an application with missing or malformed fields is an
// error naming each, and a date no version covers is refused (GEN-04).
func TestDecide_LNG05_invalidInput(t *testing.T) {
	app := application(t, session(proficiency.B1, date(2011, 9, 15)), calendar.Date{})
	app.Person.Name, app.Centre, app.Channel = "", "Tartu", 0
	_, err := rb.Decide(app, nil)
	ve, ok := errors.AsType[*proficiency.ValidationError](err)
	if !ok || ve.Field("Person.Name") == nil || ve.Field("Centre") == nil || ve.Field("Channel") == nil || ve.Field("On") == nil {
		t.Errorf("Decide(bad) = %v", err)
	}
	app = application(t, session(proficiency.B1, date(2010, 9, 15)), date(2010, 7, 1))
	if _, err := rb.Decide(app, nil); !errors.Is(err, law.ErrNoVersion) {
		t.Errorf("Decide(2010-09-15) = %v; want ErrNoVersion", err)
	}
}
