package vocational_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/exam/vocational"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// TestVisibility_EXV07 proves EXV-07's who sees what: the school sees its exams' results and protocols,
// the awarding body the exams sent to it, the registrar all; another school, another body, an owner
// and the public see nothing; the lists are scoped to the actor.
func TestVisibility_EXV07(t *testing.T) {
	en := newEnv(t, 2)
	ctx := t.Context()
	e := en.decided(t, 2)
	for _, a := range []actor.Actor{school, body, keeper} {
		if _, err := en.svc.Get(ctx, a, e.ID); err != nil {
			t.Errorf("Get by %v = %v", a, err)
		}
		if p, err := en.svc.AssessmentProtocol(ctx, a, e.ID); err != nil || len(p.Rows) != 2 {
			t.Errorf("AssessmentProtocol by %v = %d rows, %v", a, len(p.Rows), err)
		}
	}
	others := []actor.Actor{actor.SchoolOf("70009999"), actor.Body("80999999"), actor.OwnerOf(learner(1).Code), actor.Anonymous(),
		{Role: actor.Partner, Org: "80555555", For: bodyCode}}
	for _, a := range others {
		if _, err := en.svc.Get(ctx, a, e.ID); !errors.Is(err, actor.ErrForbidden) {
			t.Errorf("Get by %v = %v; want ErrForbidden", a, err)
		}
		if _, err := en.svc.AssessmentProtocol(ctx, a, e.ID); !errors.Is(err, actor.ErrForbidden) {
			t.Errorf("AssessmentProtocol by %v = %v; want ErrForbidden", a, err)
		}
		if _, err := en.svc.Compensation(ctx, a, e.ID); !errors.Is(err, actor.ErrForbidden) {
			t.Errorf("Compensation by %v = %v; want ErrForbidden", a, err)
		}
	}
	if es, err := en.svc.List(ctx, actor.SchoolOf("70009999"), vocational.ExamQuery{School: schoolCode}); err != nil || len(es) != 0 {
		t.Errorf("another school listing this school's exams = %d, %v; want none", len(es), err)
	}
	if es, err := en.svc.List(ctx, school, vocational.ExamQuery{}); err != nil || len(es) != 1 {
		t.Errorf("the school's list = %d, %v; want its exam", len(es), err)
	}
	if _, err := en.svc.Get(ctx, school, 99); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get(missing) = %v; want ErrNotFound", err)
	}
}

// TestNotices_EXV07_GEN05 proves that every step raises an event to the organisation concerned, and
// that the school's notice that the certificates are entered in the register (EXV-07) and the others
// read in Estonian and English (GEN-05).
func TestNotices_EXV07_GEN05(t *testing.T) {
	en := newEnv(t, 2)
	ctx := t.Context()
	e := en.decided(t, 2)
	en.sign(t, e.ID)
	evs, _ := en.st.OutboxEvents(ctx, store.EventQuery{Subject: e.Subject()})
	want := []string{vocational.EventCreated, vocational.EventRegistered, vocational.EventSent, vocational.EventProposed,
		vocational.EventAccepted, vocational.EventAgreed, vocational.EventCommittee, vocational.EventResults, vocational.EventAssessed,
		vocational.EventDecided, vocational.EventSigned, vocational.EventEntered, vocational.EventCompensation, vocational.EventCompensation}
	if len(evs) != len(want) {
		t.Fatalf("events = %d; want %d", len(evs), len(want))
	}
	for i, ev := range evs {
		if ev.Kind != want[i] || (ev.Recipient != schoolCode && ev.Recipient != bodyCode) || (ev.Data["exam"] != "1" && ev.Kind != vocational.EventCreated) || ev.Data["curriculum"] != curCode {
			t.Errorf("event %d = %+v; want %s to the school or the body", i, ev, want[i])
		}
		for _, lang := range []law.Lang{law.Estonian, law.English} {
			subj, text, ok := vocational.Notice(ev, lang)
			if !ok || subj == "" || !strings.Contains(text, "Mootorsõidukidiagnostik, tase 5") || !strings.Contains(text, " 1 (") {
				t.Errorf("Notice(%s, %v) = %q, %q, %v", ev.Kind, lang, subj, text, ok)
			}
		}
	}
	entered := evs[11]
	if entered.Recipient != schoolCode {
		t.Errorf("the certificates-entered notice went to %s; want the school", entered.Recipient)
	}
	subj, text, _ := vocational.Notice(entered, law.Estonian)
	if subj != "Kutsetunnistused on kantud kutseregistrisse" || !strings.Contains(text, "000001") || !strings.Contains(text, "positiivselt sooritanutele") {
		t.Errorf("Estonian notice = %q / %q", subj, text)
	}
	subj, text, _ = vocational.Notice(entered, law.English)
	if subj != "The certificates are entered in the register" || !strings.Contains(text, "1 certificates were issued") {
		t.Errorf("English notice = %q / %q", subj, text)
	}
	if _, _, ok := vocational.Notice(store.Event{Kind: certificate.EventIssued}, law.Estonian); ok {
		t.Error("Notice rendered another package's event")
	}
}
