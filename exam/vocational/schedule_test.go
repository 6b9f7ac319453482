package vocational_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/exam/vocational"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// TestSchedule_EXV02 proves who may change the times and places when (EXV-02): the school's draft
// proposal becomes its first proposal when the exam is sent; the other side answers, never the
// proposer; a new proposal supersedes one not answered; accepted sittings are the agreed ones; a
// decline needs a reason; nothing changes once the agreed exam has begun; results wait for it.
func TestSchedule_EXV02(t *testing.T) {
	en := newEnv(t, 2)
	ctx := t.Context()
	e := en.created(t)
	if _, err := en.svc.Propose(ctx, school, e.ID, sittings(examDay), ""); !errors.Is(err, vocational.ErrState) {
		t.Errorf("Propose on a draft = %v; want ErrState", err)
	}
	en.ok(en.svc.Register(ctx, school, e.ID))
	e = en.ok(en.svc.Send(ctx, school, e.ID))
	if len(e.Proposals) != 1 || e.Proposals[0].By != vocational.SchoolSide || e.Proposals[0].Status != vocational.Open || e.Proposed != nil {
		t.Fatalf("after Send the proposals are %+v", e.Proposals)
	}
	if _, err := en.svc.Answer(ctx, school, e.ID, 1, true, ""); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("the proposer answering = %v; want ErrForbidden", err)
	}
	if _, err := en.svc.Answer(ctx, actor.SchoolOf("70009999"), e.ID, 1, true, ""); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("another school answering = %v; want ErrForbidden", err)
	}
	// The body counter-proposes a week later; the school's proposal is superseded.
	later := examDay.AddDays(7)
	e = en.ok(en.svc.Propose(ctx, body, e.ID, sittings(later), "meie eksamikeskuses"))
	if e.Proposals[0].Status != vocational.Superseded || e.Proposals[1].Status != vocational.Open {
		t.Errorf("after the counter-proposal: %v, %v", e.Proposals[0].Status, e.Proposals[1].Status)
	}
	if _, err := en.svc.Answer(ctx, body, e.ID, 1, true, ""); !errors.Is(err, vocational.ErrSchedule) {
		t.Errorf("answering a superseded proposal = %v; want ErrSchedule", err)
	}
	if _, err := en.svc.Answer(ctx, school, e.ID, 2, false, ""); !errors.Is(err, vocational.ErrInvalid) {
		t.Errorf("declining without a reason = %v; want ErrInvalid", err)
	}
	e = en.ok(en.svc.Answer(ctx, school, e.ID, 2, false, "õppijad on sel nädalal praktikal"))
	if e.Proposals[1].Status != vocational.Declined {
		t.Errorf("declined proposal is %v", e.Proposals[1].Status)
	}
	if _, ok := e.Agreed(); ok {
		t.Error("a declined proposal counts as agreed")
	}
	// The school proposes again; the body accepts.
	e = en.ok(en.svc.Propose(ctx, school, e.ID, sittings(examDay), ""))
	e = en.ok(en.svc.Answer(ctx, body, e.ID, 3, true, "sobib"))
	if ss, ok := e.Agreed(); !ok || ss[0].Date != examDay {
		t.Errorf("Agreed = %v, %v; want the school's third proposal", ss, ok)
	}
	// Wrong forms are refused: a part missing, a past day, a bad time, no place.
	wrong := [][]vocational.Sitting{
		sittings(examDay)[:1],
		sittings(calendar.MustDate(2027, 1, 10)),
		{{Part: vocational.Theory, Date: examDay, Start: "9.00", Place: "x"}, {Part: vocational.Practical, Date: examDay, Start: "25:00", Place: ""}},
	}
	for i, ss := range wrong {
		if _, err := en.svc.Propose(ctx, body, e.ID, ss, ""); !errors.Is(err, vocational.ErrInvalid) {
			t.Errorf("wrong sittings %d: Propose = %v; want ErrInvalid", i, err)
		}
	}
	en.ok(en.svc.Accept(ctx, body, e.ID, vocational.AcceptRequest{}))
	en.ok(en.svc.FormCommittee(ctx, body, e.ID, committee(false)))
	// Results wait for the agreed exam.
	en.clock.to(examDay.AddDays(-1))
	if _, err := en.svc.EnterResults(ctx, body, e.ID, []vocational.ResultEntry{pass("L1")}); !errors.Is(err, vocational.ErrSchedule) {
		t.Errorf("results before the exam = %v; want ErrSchedule", err)
	}
	// A proposal made before the exam and not answered does not move the agreed times.
	e = en.ok(en.svc.Propose(ctx, body, e.ID, sittings(examDay.AddDays(14)), "ruum remondis"))
	if ss, _ := e.Agreed(); ss[0].Date != examDay {
		t.Errorf("an open proposal moved the agreed day to %s", ss[0].Date)
	}
	// Once the exam has begun the times and places stay.
	en.clock.to(examDay)
	if _, err := en.svc.Propose(ctx, school, e.ID, sittings(examDay.AddDays(30)), ""); !errors.Is(err, vocational.ErrSchedule) {
		t.Errorf("Propose after the exam began = %v; want ErrSchedule", err)
	}
	if _, err := en.svc.Answer(ctx, school, e.ID, 4, true, ""); !errors.Is(err, vocational.ErrSchedule) {
		t.Errorf("Answer after the exam began = %v; want ErrSchedule", err)
	}
	en.ok(en.svc.EnterResults(ctx, body, e.ID, []vocational.ResultEntry{pass("L1")}))
	evs, _ := en.st.OutboxEvents(ctx, store.EventQuery{Subject: e.Subject()})
	kinds := map[string]int{}
	for _, ev := range evs {
		kinds[ev.Kind]++
	}
	if kinds[vocational.EventProposed] != 4 || kinds[vocational.EventAgreed] != 1 || kinds[vocational.EventDeclined] != 1 {
		t.Errorf("schedule events = %v; want 4 proposed, 1 agreed, 1 declined", kinds)
	}
}

// TestCalendar_EXV02 proves the school's calendar of its exams by period (EXV-02): its own exams'
// sittings in the period, in order, agreed or proposed; another school sees none; the awarding body
// sees the exams sent to it, not the school's drafts.
func TestCalendar_EXV02(t *testing.T) {
	en := newEnv(t, 2)
	ctx := t.Context()
	agreed := en.processing(t)
	draft := en.ok(en.svc.Create(ctx, school, vocational.CreateRequest{School: schoolCode, SchoolName: "Tallinna Tööstushariduskeskus",
		Curriculum: curCode, Body: bodyCode, Type: vocational.Theory,
		Proposed: []vocational.Sitting{{Part: vocational.Theory, Date: examDay.AddDays(1), Start: "08:00", Place: "Tallinn, aula"}}}))
	from, until := calendar.MustDate(2027, 5, 1), calendar.MustDate(2027, 5, 31)
	cal, err := en.svc.Calendar(ctx, school, from, until)
	if err != nil {
		t.Fatal(err)
	}
	if len(cal) != 3 {
		t.Fatalf("school's calendar = %+v; want 3 sittings", cal)
	}
	if cal[0].Exam != agreed.ID || !cal[0].Agreed || cal[1].Exam != draft.ID || cal[1].Agreed || cal[1].Sitting.Start != "08:00" || cal[2].Sitting.Part != vocational.Practical {
		t.Errorf("calendar order or marks wrong: %+v", cal)
	}
	if line := cal[0].Line(law.Estonian); !strings.Contains(line, "20.05.2027 09:00 teoreetiline") || !strings.Contains(line, "kokku lepitud") {
		t.Errorf("calendar line = %q", line)
	}
	if c, _ := en.svc.Calendar(ctx, school, calendar.MustDate(2027, 6, 1), calendar.MustDate(2027, 6, 30)); len(c) != 0 {
		t.Errorf("June calendar = %+v; want none", c)
	}
	if c, _ := en.svc.Calendar(ctx, school, examDay.AddDays(1), examDay.AddDays(1)); len(c) != 2 {
		t.Errorf("calendar of 21 May = %+v; want the practical sitting and the draft's", c)
	}
	if c, err := en.svc.Calendar(ctx, actor.SchoolOf("70009999"), from, until); err != nil || len(c) != 0 {
		t.Errorf("another school's calendar = %+v, %v; want none", c, err)
	}
	if c, _ := en.svc.Calendar(ctx, body, from, until); len(c) != 2 || c[0].Exam != agreed.ID {
		t.Errorf("the body's calendar = %+v; want the sent exam's two sittings only", c)
	}
	if _, err := en.svc.Calendar(ctx, actor.Anonymous(), from, until); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("the public's calendar = %v; want ErrForbidden", err)
	}
	if _, err := en.svc.Calendar(ctx, school, until, from); !errors.Is(err, vocational.ErrInvalid) {
		t.Errorf("Calendar(until before from) = %v; want ErrInvalid", err)
	}
}

// TestMaterials_EXV02 proves sharing materials (EXV-02): both sides share, the other is told; only the
// side that shared removes; the body shares only once the exam is sent.
func TestMaterials_EXV02(t *testing.T) {
	en := newEnv(t, 1)
	ctx := t.Context()
	e := en.created(t)
	if _, err := en.svc.ShareMaterial(ctx, body, e.ID, "Juhend", "https://example.ee/j.pdf"); !errors.Is(err, actor.ErrForbidden) && !errors.Is(err, vocational.ErrState) {
		t.Errorf("the body sharing on a draft it has not seen = %v", err)
	}
	e = en.ok(en.svc.ShareMaterial(ctx, school, e.ID, "Õppijate nimekiri", "dok-17"))
	en.ok(en.svc.Register(ctx, school, e.ID))
	en.ok(en.svc.Send(ctx, school, e.ID))
	e = en.ok(en.svc.ShareMaterial(ctx, body, e.ID, "Praktilise eksami juhend", "https://example.ee/juhend.pdf"))
	if len(e.Materials) != 2 || e.Materials[1].By != vocational.BodySide || e.Materials[1].N != 2 {
		t.Fatalf("materials = %+v", e.Materials)
	}
	if _, err := en.svc.RemoveMaterial(ctx, school, e.ID, 2); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("the school removing the body's material = %v; want ErrForbidden", err)
	}
	if _, err := en.svc.ShareMaterial(ctx, school, e.ID, "", ""); !errors.Is(err, vocational.ErrInvalid) {
		t.Errorf("a material without name or reference = %v; want ErrInvalid", err)
	}
	e = en.ok(en.svc.RemoveMaterial(ctx, body, e.ID, 2))
	if len(e.Materials) != 1 {
		t.Errorf("after removing: %+v", e.Materials)
	}
	evs, _ := en.st.OutboxEvents(ctx, store.EventQuery{Subject: e.Subject()})
	n := 0
	for _, ev := range evs {
		if ev.Kind == vocational.EventMaterial {
			n++
			if ev.Data["by"] == "body" && ev.Recipient != schoolCode {
				t.Errorf("the body's material event went to %s; want the school", ev.Recipient)
			}
		}
	}
	if n != 3 {
		t.Errorf("%d material events; want 3", n)
	}
}
