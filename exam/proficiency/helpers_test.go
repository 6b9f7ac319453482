package proficiency_test

import (
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/exam/proficiency"
	"github.com/kutsekit/kutse/isikukood"
)

func date(y int, m time.Month, d int) calendar.Date { return calendar.MustDate(y, m, d) }

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

var (
	rb   = proficiency.Default()
	d25  = decimal.NewFromInt(25)
	full = proficiency.PointsOf(d25, d25, d25, d25)
)

// code returns a valid personal code for a person born on born.
func code(t testing.TB, born calendar.Date) isikukood.Code {
	t.Helper()
	c, err := isikukood.Make(isikukood.Female, born, 17)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func session(level proficiency.Level, day calendar.Date) proficiency.Session {
	return proficiency.Session{
		ID: day.String() + "-" + level.String(), Organiser: "90008287", Level: level, Date: day, Start: "10:00",
		Centres: []string{"Tallinn", "Narva"}, Max: full, WorkRelatedOral: level == proficiency.B2 || level == proficiency.C1,
		Examiners: []proficiency.Examiner{{Name: "Mari Maasikas", Approval: "käskkiri 1-2/11/123", Philologist: true},
			{Name: "Jaan Tamm", Approval: "käskkiri 1-2/11/123"}},
	}
}

func application(t testing.TB, s proficiency.Session, on calendar.Date) proficiency.Application {
	return proficiency.Application{
		Person:  proficiency.Person{Name: "Olga Petrova", Code: code(t, date(1980, 5, 17)), Contact: "olga@example.ee"},
		Session: s, Centre: "Tallinn", Channel: proficiency.Online, On: on,
	}
}

// refusal returns the *Refusal in err, or fails.
func refusal(t testing.TB, err error, want error) *proficiency.Refusal {
	t.Helper()
	r, ok := errors.AsType[*proficiency.Refusal](err)
	if !ok || !errors.Is(err, want) {
		t.Fatalf("error = %v; want a *Refusal wrapping %v", err, want)
	}
	return r
}
