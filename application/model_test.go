package application_test

import (
	"errors"
	"testing"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/internal/sample"
)

// TestProcess_APP08_model drives one submitted application with random steps by random actors and
// checks every outcome against the processing table (APP-08): a step the table allows the actor's
// party in the application's state succeeds and moves it where the table says; any other step is
// refused (for want of the right, or by the state) and changes nothing; a certificate exists
// exactly when the application was awarded, and only one; every step that succeeded raised its
// notice (APP-07).
func TestProcess_APP08_model(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		e := newEnv(t)
		ctx := t.Context()
		app := e.draft(t, application.StartInput{Receiver: sample.WeldingSchoolCode})
		app = must(t)(e.svc.Submit(ctx, applicant, app.ID, app.Version))
		actors := []struct {
			a actor.Actor
			p application.Party
		}{{applicant, application.Applicant}, {body, application.Body}, {partner, application.Receiver}, {actor.Body(sample.AutonomousCode), application.Nobody}}
		acts := []application.Action{application.Receive, application.RequestCompletion, application.Complete, application.Admit,
			application.Award, application.Refuse, application.Withdraw, application.FileContest, application.ExtendContest, application.DecideContest}
		for range rapid.IntRange(1, 25).Draw(rt, "steps") {
			who := rapid.SampledFrom(actors).Draw(rt, "actor")
			act := rapid.SampledFrom(acts).Draw(rt, "action")
			before := app.State
			mark := lastEventID(t, e)
			var (
				got application.Application
				err error
			)
			v := app.Version
			switch act {
			case application.Receive:
				got, err = e.svc.Receive(ctx, who.a, app.ID, v)
			case application.RequestCompletion:
				got, err = e.svc.RequestCompletion(ctx, who.a, app.ID, application.CompletionInput{Version: v, Missing: []string{"tõend"}})
			case application.Complete:
				got, err = e.svc.Complete(ctx, who.a, app.ID, v)
			case application.Admit:
				got, err = e.svc.Admit(ctx, who.a, app.ID, application.AdmitInput{Version: v})
			case application.Award:
				var out application.Issued
				out, err = e.svc.Award(ctx, who.a, app.ID, application.AwardInput{Version: v, Reference: "otsus"})
				got = out.Application
			case application.Refuse:
				got, err = e.svc.Refuse(ctx, who.a, app.ID, application.RefuseInput{Version: v, Reasons: []string{"põhjus"}, Basis: "kord p 1", Reference: "otsus"})
			case application.Withdraw:
				got, err = e.svc.Withdraw(ctx, who.a, app.ID, v, "")
			case application.FileContest:
				got, err = e.svc.Contest(ctx, who.a, app.ID, application.ContestInput{Version: v, Grounds: "ei nõustu"})
			case application.ExtendContest:
				got, err = e.svc.ExtendContest(ctx, who.a, app.ID, application.ExtendInput{Version: v, Days: 5, Reason: "põhjus"})
			case application.DecideContest:
				got, err = e.svc.DecideContest(ctx, who.a, app.ID, application.ContestDecision{Version: v, Outcome: application.OutcomeDismissed, Reasons: []string{"x"}, Reference: "y"})
			}
			allowed := application.Allowed(act, before, who.p)
			if act == application.FileContest && allowed && !app.Contest.IsZero() {
				allowed = false // contested once already
			}
			if act == application.ExtendContest && allowed && app.Contest.Extended+5 > application.MaxContestExtension {
				allowed = false // beyond 30 days in all
			}
			stored, _ := e.svc.Get(ctx, body, app.ID)
			if act == application.Award && before == application.Awarded && who.p == application.Body {
				// A repeat of the award: it returns the award as made and writes nothing.
				if err != nil || got.Awarded != app.Awarded || stored.Version != app.Version || len(e.events(t, mark)) != 0 {
					rt.Fatalf("the repeated award = %v, %q; want the award as made, nothing written", err, got.Awarded)
				}
				continue
			}
			switch {
			case allowed && err != nil:
				rt.Fatalf("%s by %s in %s refused: %v", act, who.p, before, err)
			case allowed:
				tr := transitionOf(act)
				if got.State != tr.To && got.State != tr.Else && tr.To != 0 {
					rt.Fatalf("%s by %s in %s went to %s; want %s", act, who.p, before, got.State, tr.To)
				}
				if len(e.events(t, mark)) == 0 {
					rt.Fatalf("%s by %s raised no event", act, who.p)
				}
				app = got
			default:
				if err == nil {
					rt.Fatalf("%s by %s in %s succeeded; the table does not allow it", act, who.p, before)
				}
				if !errors.Is(err, actor.ErrForbidden) && !errors.Is(err, application.ErrState) && !errors.Is(err, application.ErrExtension) {
					rt.Fatalf("%s by %s in %s: %v; want a refusal for the right or the state", act, who.p, before, err)
				}
				if stored.Version != app.Version || len(e.events(t, mark)) != 0 {
					rt.Fatalf("the refused %s changed the application or raised an event", act)
				}
			}
			cs, _ := e.st.HolderCertificates(ctx, person)
			awarded := 0
			for _, c := range cs {
				if c.Extra["application"] != "" {
					awarded++
				}
			}
			if want := map[bool]int{true: 1, false: 0}[app.State == application.Awarded]; awarded != want || (awarded == 1 && app.Awarded == "") {
				rt.Fatalf("in %s the applicant has %d awarded certificates; want %d", app.State, awarded, want)
			}
		}
	})
}

func transitionOf(act application.Action) application.Transition {
	for _, t := range application.Transitions() {
		if t.Action == act {
			return t
		}
	}
	return application.Transition{}
}
