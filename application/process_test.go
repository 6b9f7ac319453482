package application_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/store"
)

// TestTransitions_APP08 proves the processing table: who may take which step in which state. The
// applicant submits, completes, withdraws and contests; the receiver (the body or its partner)
// takes in, asks for completion and admits; only the body decides and decides contests.
func TestTransitions_APP08(t *testing.T) {
	A, R, B := application.Applicant, application.Receiver, application.Body
	for _, tc := range []struct {
		act  application.Action
		s    application.State
		p    application.Party
		want bool
	}{
		{application.Submit, application.Draft, A, true},
		{application.Submit, application.Draft, B, false},
		{application.Submit, application.Submitted, A, false},
		{application.Receive, application.Submitted, R, true},
		{application.Receive, application.Submitted, B, true},
		{application.Receive, application.Submitted, A, false},
		{application.RequestCompletion, application.InProcess, R, true},
		{application.Complete, application.Incomplete, A, true},
		{application.Complete, application.Incomplete, R, false},
		{application.Admit, application.InProcess, R, true},
		{application.Award, application.Admitted, B, true},
		{application.Award, application.Admitted, R, false},
		{application.Award, application.Incomplete, B, false},
		{application.Refuse, application.Incomplete, B, true},
		{application.Refuse, application.Submitted, B, false},
		{application.Withdraw, application.Admitted, A, true},
		{application.Withdraw, application.Awarded, A, false},
		{application.FileContest, application.Refused, A, true},
		{application.FileContest, application.Awarded, A, false},
		{application.DecideContest, application.Contested, B, true},
		{application.DecideContest, application.Contested, R, false},
		{application.Edit, application.Incomplete, A, true},
		{application.Edit, application.InProcess, A, false},
	} {
		if got := application.Allowed(tc.act, tc.s, tc.p); got != tc.want {
			t.Errorf("Allowed(%s, %s, %s) = %v; want %v", tc.act, tc.s, tc.p, got, tc.want)
		}
	}
	if got := fmt.Sprint(application.Actions(application.InProcess, B)); got != "[request-completion admit award refuse]" {
		t.Errorf("Actions(in process, body) = %s", got)
	}
	for _, tr := range application.Transitions() {
		if len(tr.From) == 0 || len(tr.By) == 0 || !strings.HasPrefix(tr.Rule, "APP-0") {
			t.Errorf("transition %+v lacks a state, a party or its rule", tr)
		}
	}
}

// TestProcess_APP08_APP07 runs an application through the partner and the body to an award: every
// step a transition checked against who acts and the state, every step an event to the party
// concerned (APP-07: the applicant by personal code, an organisation by registry code, never mixed
// up), and the award issuing the certificate through the Registry in the same commit; the
// certificate is then in the owner's list.
func TestProcess_APP08_APP07(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	app := e.draft(t, application.StartInput{Receiver: sample.WeldingSchoolCode})
	if app.Receiver != sample.WeldingSchoolCode || app.ReceiverName != "Keevituskoolitus OÜ" {
		t.Fatalf("receiver = %s %q; want the partner", app.Receiver, app.ReceiverName)
	}
	mark := lastEventID(t, e)
	app = must(t)(e.svc.Submit(ctx, applicant, app.ID, app.Version))

	if _, err := e.svc.Receive(ctx, actor.Body("80015264"), app.ID, app.Version); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Receive(another body) = %v; want ErrForbidden", err)
	}
	other := actor.Actor{Role: actor.Partner, Org: "10000025", For: sample.MachineIndustryCode}
	if _, err := e.svc.Receive(ctx, other, app.ID, app.Version); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Receive(a partner not authorised) = %v; want ErrForbidden", err)
	}
	if _, err := e.svc.Admit(ctx, partner, app.ID, application.AdmitInput{Version: app.Version}); !errors.Is(err, application.ErrState) {
		t.Errorf("Admit(before it is received) = %v; want ErrState", err)
	}
	app = must(t)(e.svc.Receive(ctx, partner, app.ID, app.Version))
	if _, err := e.svc.RequestCompletion(ctx, partner, app.ID, application.CompletionInput{Version: app.Version}); !errors.Is(err, invalid.ErrInvalid) {
		t.Errorf("RequestCompletion(nothing missing) = %v; want ErrInvalid", err)
	}
	app = must(t)(e.svc.RequestCompletion(ctx, partner, app.ID, application.CompletionInput{Version: app.Version, Missing: []string{"Keevitaja sertifikaat"}}))
	if app.State != application.Incomplete || app.Completion.Due != calendar.MustDate(2026, 12, 7) || app.Completion.By != sample.WeldingSchoolCode {
		t.Errorf("RequestCompletion = %s due %s by %s; want incomplete, due in 14 days", app.State, app.Completion.Due, app.Completion.By)
	}
	e.clk.set(start.AddDays(2))
	app = must(t)(e.svc.Attach(ctx, applicant, app.ID, app.Version, doc("sertifikaat", "Sertifikaat.pdf", "iso 9606")))
	app = must(t)(e.svc.Complete(ctx, applicant, app.ID, app.Version))
	if app.State != application.InProcess || app.Completion.Completed != start.AddDays(2) || len(app.Attachments) != 4 {
		t.Errorf("Complete = %s completed %s, %d attachments", app.State, app.Completion.Completed, len(app.Attachments))
	}
	app = must(t)(e.svc.Admit(ctx, partner, app.ID, application.AdmitInput{Version: app.Version, ExamDate: calendar.MustDate(2027, 1, 20)}))
	if _, err := e.svc.Award(ctx, partner, app.ID, application.AwardInput{Version: app.Version, Reference: "otsus 1"}); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Award(the partner) = %v; want ErrForbidden: the body decides", err)
	}
	e.clk.set(calendar.MustDate(2027, 1, 25))
	if _, err := e.svc.Award(ctx, body, app.ID, application.AwardInput{Version: app.Version}); fieldErr(err, "Reference") == nil {
		t.Errorf("Award(no reference) = %v; want an error for Reference", err)
	}
	out, err := e.svc.Award(ctx, body, app.ID, application.AwardInput{Version: app.Version, Reference: "kutsekomisjoni otsus nr 3, 25.01.2027"})
	if err != nil {
		t.Fatal(err)
	}
	c := out.Certificate
	if c.Number != "204600" || c.Kind != certificate.Occupational || c.Holder.Code != person || c.Title != "Keevitaja, tase 4" || c.Standard != "Keevitaja, tase 4" ||
		c.EKR.String() != "4" || strings.Join(c.Competences, ",") != "Käsikaarkeevitus" || c.ExamLanguage != "eesti keel" || c.IssuerCode != sample.MachineIndustryCode ||
		c.IssuedOn != calendar.MustDate(2027, 1, 25) || c.ValidUntil != calendar.MustDate(2032, 1, 24) {
		t.Errorf("the certificate = %+v", c)
	}
	if out.Application.State != application.Awarded || out.Application.Awarded != c.Number || out.Application.Decision.Outcome != application.OutcomeAward {
		t.Errorf("the application = %s awarded %q", out.Application.State, out.Application.Awarded)
	}

	type rcpt struct{ kind, to, who string }
	var got []rcpt
	for _, ev := range e.events(t, mark) {
		got = append(got, rcpt{ev.Kind, ev.Data[store.RecipientKey], ev.Recipient})
		if ev.Kind != certificate.EventIssued && ev.Subject != app.Subject() {
			t.Errorf("%s subject %q; want %s", ev.Kind, ev.Subject, app.Subject())
		}
	}
	p, org, school := store.ToPerson, store.ToOrganisation, sample.WeldingSchoolCode
	want := []rcpt{
		{application.EventSubmitted, p, person.String()}, {application.EventArrived, org, school},
		{application.EventReceived, p, person.String()}, {application.EventIncomplete, p, person.String()},
		{application.EventCompleted, org, school}, {application.EventAdmitted, p, person.String()},
		{application.EventReady, org, sample.MachineIndustryCode},
		{certificate.EventIssued, "", person.String()}, {application.EventAwarded, p, person.String()},
	}
	if !slices.Equal(got, want) {
		t.Errorf("events =\n\t%v\nwant\n\t%v", got, want)
	}
	for _, ev := range e.events(t, mark) {
		wantEmail := map[string]string{person.String(): "ema-kaks@example.ee", school: "info@keevituskoolitus.example.ee",
			sample.MachineIndustryCode: "taotlused@emtl.ee"}[ev.Recipient]
		if ev.Kind != certificate.EventIssued && ev.Data["email"] != wantEmail {
			t.Errorf("%s to %s: email %q; want %q", ev.Kind, ev.Recipient, ev.Data["email"], wantEmail)
		}
		if ev.Kind == application.EventAwarded && ev.Data["certificate"] != "204600" {
			t.Errorf("awarded event data = %v; want the certificate's number", ev.Data)
		}
		if ev.Kind == application.EventIncomplete && (ev.Data["due"] != "2026-12-07" || ev.Data["missing"] != "Keevitaja sertifikaat" || ev.Data["by"] != school) {
			t.Errorf("incomplete event data = %v", ev.Data)
		}
		// What the notices need (package notify): who received it and its applicant, by name; the
		// completion's due date; the exam's date for the body; the certificate's kind and end.
		if ev.Kind != certificate.EventIssued && (ev.Data["receiverName"] != "Keevituskoolitus OÜ" || ev.Data["bodyName"] != "Eesti Masinatööstuse Liit") {
			t.Errorf("%s data = %v; want the receiver's and the body's names", ev.Kind, ev.Data)
		}
		if ev.Data[store.RecipientKey] == store.ToOrganisation && ev.Data["applicant"] != "Ema-Kaks Piskel" {
			t.Errorf("%s data = %v; want the applicant's name", ev.Kind, ev.Data)
		}
		want := map[string]map[string]string{
			application.EventCompleted: {"due": "2026-12-07", "completed": "2026-11-25"},
			application.EventAdmitted:  {"by": school, "examDate": "2027-01-20"},
			application.EventReady:     {"by": school, "examDate": "2027-01-20"},
			application.EventAwarded:   {"certificateKind": "occupational", "validUntil": "2032-01-24", "decided": "2027-01-25"},
		}[ev.Kind]
		for k, v := range want {
			if ev.Data[k] != v {
				t.Errorf("%s data[%s] = %q; want %q", ev.Kind, k, ev.Data[k], v)
			}
		}
	}

	list, err := e.reg.List(ctx, applicant, person, calendar.MustDate(2027, 1, 25))
	if err != nil || len(list) != 2 || list[0].Certificate.Number != "204600" {
		t.Errorf("the owner's list = %+v, %v; want the new certificate first", list, err)
	}
	inbox, _ := e.svc.Inbox(ctx, partner, application.Query{})
	if len(inbox) != 1 || inbox[0].ID != app.ID {
		t.Errorf("the partner's inbox = %v", inbox)
	}
	if mine, _ := e.svc.Mine(ctx, applicant); len(mine) != 1 || mine[0].State != application.Awarded {
		t.Errorf("Mine = %v", mine)
	}
}

// TestAward_APP08_exactlyOnce proves that an award is made once however it is retried: a retry of
// the same decision after it committed returns the same certificate and writes nothing, 10
// concurrent deciders issue one certificate, and a different decision after it is a conflict.
func TestAward_APP08_exactlyOnce(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	app := e.received(t)
	in := application.AwardInput{Version: app.Version, Reference: "kutsekomisjoni otsus nr 3"}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		nos   = map[certificate.Number]int{}
		other []error
	)
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := e.svc.Award(ctx, body, app.ID, in)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				other = append(other, err)
				return
			}
			nos[out.Certificate.Number]++
		}()
	}
	wg.Wait()
	if len(nos) != 1 || len(other) != 0 {
		t.Fatalf("10 concurrent awards gave certificates %v and errors %v; want one certificate for all", nos, other)
	}
	mark := lastEventID(t, e)
	again, err := e.svc.Award(ctx, body, app.ID, in)
	if err != nil || nos[again.Certificate.Number] != 10 {
		t.Errorf("Award(retry) = %s, %v; want the same certificate", again.Certificate.Number, err)
	}
	if evs := e.events(t, mark); len(evs) != 0 {
		t.Errorf("the retry wrote %d events", len(evs))
	}
	if cs, _ := e.st.HolderCertificates(ctx, person); len(cs) != 2 {
		t.Errorf("the holder has %d certificates; want 204580 and the one awarded", len(cs))
	}
	in.Reference = "another decision"
	if _, err := e.svc.Award(ctx, body, app.ID, in); !errors.Is(err, application.ErrState) {
		t.Errorf("Award(another decision after the award) = %v; want ErrState: it is awarded", err)
	}
}

// TestRefuse_APP08 proves that a refusal needs its reasons, their legal basis and the decision's
// reference, and tells the applicant the reasons and the last day to contest it (APP-09).
func TestRefuse_APP08(t *testing.T) {
	e := newEnv(t)
	app := e.received(t)
	_, err := e.svc.Refuse(t.Context(), body, app.ID, application.RefuseInput{Version: app.Version, Reasons: []string{" "}})
	for _, f := range []string{"Reasons[0]", "Basis", "Reference"} {
		if fieldErr(err, f) == nil {
			t.Errorf("Refuse(no reasons) = %v; want an error for %s", err, f)
		}
	}
	mark := lastEventID(t, e)
	app = must(t)(e.svc.Refuse(t.Context(), body, app.ID, application.RefuseInput{Version: app.Version,
		Reasons: []string{"Töökogemus keevitajana on 1 aasta", "Tervisekontrolli tõend puudub"}, Basis: "kutse andmise kord p 3.2", Reference: "kutsekomisjoni otsus nr 4"}))
	if app.State != application.Refused || len(app.Decision.Reasons) != 2 || app.Decision.Basis != "kutse andmise kord p 3.2" {
		t.Errorf("Refuse = %+v", app.Decision)
	}
	evs := e.events(t, mark)
	if len(evs) != 1 || evs[0].Kind != application.EventRefused || evs[0].Data["contestBy"] != "2026-12-23" ||
		evs[0].Data["reasons"] != "Töökogemus keevitajana on 1 aasta\nTervisekontrolli tõend puudub" {
		t.Errorf("refused event = %+v; want the reasons and the last day to contest (23.11 + 30 days)", evs)
	}
	if cs, _ := e.st.HolderCertificates(t.Context(), person); len(cs) != 1 {
		t.Errorf("a refusal issued a certificate")
	}
}

// TestWithdraw_APP08 proves that the applicant withdraws an application before its decision, the
// receiver is told, and nothing more can be done with it.
func TestWithdraw_APP08(t *testing.T) {
	e := newEnv(t)
	app := e.received(t)
	app = must(t)(e.svc.Withdraw(t.Context(), applicant, app.ID, app.Version, "leidsin töö mujal"))
	evs := e.events(t, lastEventID(t, e)-1)
	if app.State != application.Withdrawn || evs[0].Kind != application.EventWithdrawn || evs[0].Recipient != sample.MachineIndustryCode {
		t.Errorf("Withdraw = %s, event %+v", app.State, evs[0])
	}
	if _, err := e.svc.Admit(t.Context(), body, app.ID, application.AdmitInput{Version: app.Version}); !errors.Is(err, application.ErrState) {
		t.Errorf("Admit(withdrawn) = %v; want ErrState", err)
	}
}
