package application_test

import (
	"errors"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/deadline"
	"github.com/kutsekit/kutse/internal/sample"
)

// refused returns an application refused on the clock's day.
func (e *env) refused(t *testing.T) application.Application {
	t.Helper()
	app := e.received(t)
	return must(t)(e.svc.Refuse(t.Context(), body, app.ID, application.RefuseInput{Version: app.Version,
		Reasons: []string{"Töökogemus puudub"}, Basis: "kutse andmise kord p 3.2", Reference: "kutsekomisjoni otsus nr 4"}))
}

// TestContestPeriod_APP09 proves the periods of the contest at their boundaries: 30 days from
// learning of the decision to file it (HMS § 75), 10 days from filing to decide it, extended by up
// to 30 (HMS § 84), each due date moved off a day off (GEN-03).
func TestContestPeriod_APP09(t *testing.T) {
	d := func(y int, m time.Month, day int) calendar.Date { return calendar.MustDate(y, m, day) }
	for _, tc := range []struct {
		name string
		got  func() (deadline.Deadline, error)
		want calendar.Date
	}{
		{"filing, 23.11.2026 + 30 = Wednesday 23.12.2026", func() (deadline.Deadline, error) { return application.ContestPeriod(d(2026, 11, 23)) }, d(2026, 12, 23)},
		{"filing, 24.11.2026 + 30 = 24.12 (jõululaupäev) → 28.12", func() (deadline.Deadline, error) { return application.ContestPeriod(d(2026, 11, 24)) }, d(2026, 12, 28)},
		{"deciding, 04.12.2026 + 10 = Monday 14.12", func() (deadline.Deadline, error) { return application.ContestDecisionPeriod(d(2026, 12, 4), 0) }, d(2026, 12, 14)},
		{"deciding, 05.12.2026 + 10 = Tuesday 15.12", func() (deadline.Deadline, error) { return application.ContestDecisionPeriod(d(2026, 12, 5), 0) }, d(2026, 12, 15)},
		{"deciding, extended by 30: 04.12.2026 + 40 = Wednesday 13.01.2027", func() (deadline.Deadline, error) { return application.ContestDecisionPeriod(d(2026, 12, 4), 30) }, d(2027, 1, 13)},
	} {
		dl, err := tc.got()
		if err != nil || dl.Due != tc.want {
			t.Errorf("%s: due %s, %v; want %s", tc.name, dl.Due, err, tc.want)
		}
		if r := dl.Explanation.Steps[0]; r.Rule != "APP-09" || r.Citation.Act != "Haldusmenetluse seadus" {
			t.Errorf("%s: the first step is %+v; want APP-09 citing the HMS", tc.name, r)
		}
	}
}

// TestContestPeriod_APP09_property proves for any day of 1994–2099 and any extension that a due
// date is a working day, at least the period's days after its trigger, and at most the days a run of
// holidays can add; an extension never brings the due date earlier.
func TestContestPeriod_APP09_property(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		from := calendar.MustDate(1994, 1, 1).AddDays(rapid.IntRange(0, 38000).Draw(t, "days"))
		ext := rapid.IntRange(0, application.MaxContestExtension).Draw(t, "extension")
		filing, err := application.ContestPeriod(from)
		if err != nil {
			t.Fatal(err)
		}
		deciding, err := application.ContestDecisionPeriod(from, ext)
		if err != nil {
			t.Fatal(err)
		}
		shorter, _ := application.ContestDecisionPeriod(from, 0)
		for _, c := range []struct {
			dl   deadline.Deadline
			days int
		}{{filing, application.ContestDays}, {deciding, application.ContestDecisionDays + ext}} {
			if !calendar.IsWorkingDay(c.dl.Due) {
				t.Fatalf("due %s from %s is not a working day", c.dl.Due, from)
			}
			if n := c.dl.Due.DaysSince(from); n < c.days || n > c.days+5 {
				t.Fatalf("due %s is %d days from %s; want %d (and a few more for days off)", c.dl.Due, n, from, c.days)
			}
		}
		if deciding.Due.Before(shorter.Due) {
			t.Fatalf("extended by %d the due date %s is before the unextended %s", ext, deciding.Due, shorter.Due)
		}
	})
}

// TestContest_APP09 proves the contest of a refusal through the service: filed in time (and refused
// when late), the body told the due date of its decision; extended by at most 30 days in all, the
// applicant told why; upheld, the application returns to processing and can be awarded; a second
// contest is refused.
func TestContest_APP09(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	app := e.refused(t) // refused 23.11.2026: it can be contested until 23.12.2026
	e.clk.set(calendar.MustDate(2026, 12, 24))
	if _, err := e.svc.Contest(ctx, applicant, app.ID, application.ContestInput{Version: app.Version, Grounds: "olen töötanud 3 aastat"}); !errors.Is(err, application.ErrLate) {
		t.Errorf("Contest(a day late) = %v; want ErrLate", err)
	}
	// The applicant learned of it later, on 25.11 (the notice bounced): in time until 28.12.
	if _, err := e.svc.Contest(ctx, applicant, app.ID, application.ContestInput{Version: app.Version, Grounds: " ", Learned: calendar.MustDate(2026, 11, 25)}); fieldErr(err, "Grounds") == nil {
		t.Errorf("Contest(no grounds) = %v; want an error for Grounds", err)
	}
	if _, err := e.svc.Contest(ctx, body, app.ID, application.ContestInput{Version: app.Version, Grounds: "x"}); err == nil {
		t.Error("the body contested its own decision")
	}
	mark := lastEventID(t, e)
	app = must(t)(e.svc.Contest(ctx, applicant, app.ID, application.ContestInput{Version: app.Version, Grounds: "olen töötanud 3 aastat", Learned: calendar.MustDate(2026, 11, 25)}))
	c := app.Contest
	if app.State != application.Contested || c.Filed != calendar.MustDate(2026, 12, 24) || c.FiledBy != calendar.MustDate(2026, 12, 28) || c.Due != calendar.MustDate(2027, 1, 4) {
		t.Errorf("Contest = %s %+v; want filed 24.12, due 04.01.2027 (03.01 is a Sunday)", app.State, c)
	}
	if evs := e.events(t, mark); len(evs) != 1 || evs[0].Kind != application.EventContested || evs[0].Recipient != sample.MachineIndustryCode || evs[0].Data["due"] != "2027-01-04" ||
		evs[0].Data["reference"] != "kutsekomisjoni otsus nr 4" {
		t.Errorf("contest events = %+v; want the body told the due date", evs)
	}

	app = must(t)(e.svc.ExtendContest(ctx, body, app.ID, application.ExtendInput{Version: app.Version, Days: 20, Reason: "kutsekomisjon koguneb jaanuaris"}))
	if _, err := e.svc.ExtendContest(ctx, body, app.ID, application.ExtendInput{Version: app.Version, Days: 11, Reason: "veel"}); !errors.Is(err, application.ErrExtension) {
		t.Errorf("ExtendContest(31 days in all) = %v; want ErrExtension", err)
	}
	app = must(t)(e.svc.ExtendContest(ctx, body, app.ID, application.ExtendInput{Version: app.Version, Days: 10, Reason: "ekspertarvamus"}))
	if app.Contest.Extended != 30 || app.Contest.Due != calendar.MustDate(2027, 2, 2) {
		t.Errorf("extended by %d, due %s; want 30 days, 24.12.2026 + 40 = 02.02.2027", app.Contest.Extended, app.Contest.Due)
	}
	tr, err := application.Track(&app, calendar.MustDate(2027, 2, 3))
	if err != nil || len(tr) != 2 || tr[0].What != "contest" || tr[0].State != deadline.Met || tr[1].What != "contest-decision" || tr[1].State != deadline.Missed {
		t.Errorf("Track = %+v, %v; want the contest filed in time and its decision overdue on 03.02.2027", tr, err)
	}

	e.clk.set(calendar.MustDate(2027, 1, 20))
	if _, err := e.svc.DecideContest(ctx, body, app.ID, application.ContestDecision{Version: app.Version, Outcome: application.OutcomeAward, Reasons: []string{"x"}, Reference: "y"}); fieldErr(err, "Outcome") == nil {
		t.Errorf("DecideContest(outcome award) = %v; want an error for Outcome", err)
	}
	app = must(t)(e.svc.DecideContest(ctx, body, app.ID, application.ContestDecision{Version: app.Version, Outcome: application.OutcomeUpheld,
		Reasons: []string{"töökogemus on tõendatud"}, Reference: "vaideotsus nr 1"}))
	if app.State != application.InProcess || !app.Decision.IsZero() || app.Contest.Outcome != application.OutcomeUpheld {
		t.Errorf("DecideContest(upheld) = %s, decision %+v; want back in process, the refusal annulled", app.State, app.Decision)
	}
	out, err := e.svc.Award(ctx, body, app.ID, application.AwardInput{Version: app.Version, Reference: "kutsekomisjoni otsus nr 9"})
	if err != nil || out.Application.State != application.Awarded {
		t.Fatalf("Award after the contest = %v", err)
	}
}

// TestContest_APP09_dismissed proves that a dismissed contest leaves the refusal standing and that
// the refusal is not contested twice in the register.
func TestContest_APP09_dismissed(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	app := e.refused(t)
	app = must(t)(e.svc.Contest(ctx, applicant, app.ID, application.ContestInput{Version: app.Version, Grounds: "ei ole nõus"}))
	app = must(t)(e.svc.DecideContest(ctx, body, app.ID, application.ContestDecision{Version: app.Version, Outcome: application.OutcomeDismissed,
		Reasons: []string{"uusi asjaolusid ei ole"}, Reference: "vaideotsus nr 2"}))
	if app.State != application.Refused || app.Decision.Outcome != application.OutcomeRefusal {
		t.Errorf("DecideContest(dismissed) = %s; want the refusal standing", app.State)
	}
	if _, err := e.svc.Contest(ctx, applicant, app.ID, application.ContestInput{Version: app.Version, Grounds: "uuesti"}); !errors.Is(err, application.ErrState) {
		t.Errorf("a second contest = %v; want ErrState (the administrative court is next)", err)
	}
}
