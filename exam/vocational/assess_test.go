package vocational_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/exam/vocational"
	"github.com/kutsekit/kutse/store"
)

// TestRegisterSend_EXV03 proves EXV-03: the school registers the exam (its candidates checked) and
// sends it to the awarding body, which is told; only the school does either, each in its turn; the
// body may return it for correction, with a reason, and the school may cancel it before results.
func TestRegisterSend_EXV03(t *testing.T) {
	en := newEnv(t, 2)
	ctx := t.Context()
	e := en.created(t)
	if _, err := en.svc.Send(ctx, school, e.ID); !errors.Is(err, vocational.ErrState) {
		t.Errorf("Send of a draft = %v; want ErrState", err)
	}
	if _, err := en.svc.Register(ctx, body, e.ID); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Register by the body = %v; want ErrForbidden", err)
	}
	e = en.ok(en.svc.Register(ctx, school, e.ID))
	if _, err := en.svc.ChangeDraft(ctx, school, e.ID, vocational.DraftChange{Language: "vene keel"}); !errors.Is(err, vocational.ErrState) {
		t.Errorf("ChangeDraft of a registered exam = %v; want ErrState", err)
	}
	if _, err := en.svc.Accept(ctx, body, e.ID, vocational.AcceptRequest{}); !errors.Is(err, vocational.ErrState) {
		t.Errorf("Accept before it is sent = %v; want ErrState", err)
	}
	e = en.ok(en.svc.Send(ctx, school, e.ID))
	evs, _ := en.st.OutboxEvents(ctx, store.EventQuery{Recipient: bodyCode})
	if len(evs) != 2 || evs[0].Kind != vocational.EventSent || evs[0].Data["exam"] != "1" || evs[1].Kind != vocational.EventProposed {
		t.Errorf("the body's events = %+v; want sent and the school's proposal", evs)
	}
	if _, err := en.svc.Return(ctx, body, e.ID, ""); !errors.Is(err, vocational.ErrInvalid) {
		t.Errorf("Return without a reason = %v; want ErrInvalid", err)
	}
	e = en.ok(en.svc.Return(ctx, body, e.ID, "sooritajate nimekiri on puudulik"))
	if e.Status != vocational.Draft || e.Note == "" || e.Proposals[0].Status != vocational.Superseded {
		t.Errorf("after Return: %s %q %v", e.Status, e.Note, e.Proposals[0].Status)
	}
	e = en.ok(en.svc.ChangeDraft(ctx, school, e.ID, vocational.DraftChange{Candidates: []string{"L2"}, Proposed: sittings(examDay)}))
	if len(e.Candidates) != 1 || e.Candidates[0].ID != "L2" {
		t.Errorf("ChangeDraft candidates = %+v", e.Candidates)
	}
	// A candidate without the specialisation the standard requires cannot be registered.
	l := learner(2)
	l.Specialisation = 0
	en.cur.Put(vocational.Curriculum{Code: curCode, Name: "Mootorsõidukitehnik", School: schoolCode, Group: group, Standard: 10521659}, learner(1), l)
	if _, err := en.svc.Register(ctx, school, e.ID); !errors.Is(err, vocational.ErrInvalid) || !strings.Contains(err.Error(), "Specialisation") {
		t.Errorf("Register without a required specialisation = %v; want ErrInvalid naming it", err)
	}
	en.cur.Put(vocational.Curriculum{Code: curCode, Name: "Mootorsõidukitehnik", School: schoolCode, Group: group, Standard: 10521659}, learner(1), learner(2))
	en.ok(en.svc.Register(ctx, school, e.ID))
	e = en.ok(en.svc.Send(ctx, school, e.ID))
	if _, err := en.svc.Cancel(ctx, body, e.ID, "x"); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Cancel by the body = %v; want ErrForbidden", err)
	}
	e = en.ok(en.svc.Cancel(ctx, school, e.ID, "õppekava suletakse"))
	if e.Status != vocational.Cancelled {
		t.Errorf("after Cancel: %s", e.Status)
	}
	if evs, _ := en.st.OutboxEvents(ctx, store.EventQuery{Recipient: bodyCode}); evs[len(evs)-1].Kind != vocational.EventCancelled {
		t.Errorf("the body was not told of the cancellation: %+v", evs[len(evs)-1])
	}
}

// TestCommittee_EXV04 proves the assessment committee's form (EXV-04; Kutseseadus § 19): at least
// three members, exactly one chair, members' learners among the candidates; formed by the body while
// it processes the exam, before results.
func TestCommittee_EXV04(t *testing.T) {
	en := newEnv(t, 2)
	ctx := t.Context()
	e := en.processing(t)
	small := committee(true)
	small.Assessors = small.Assessors[:2]
	twoChairs := committee(true)
	twoChairs.Assessors[1].Role = vocational.AssessorChair
	stranger := committee(true)
	stranger.Assessors[2].Learners = []string{"X9"}
	for name, c := range map[string]vocational.Committee{"two members": small, "two chairs": twoChairs, "a learner not a candidate": stranger} {
		if _, err := en.svc.FormCommittee(ctx, body, e.ID, c); !errors.Is(err, vocational.ErrInvalid) {
			t.Errorf("FormCommittee(%s) = %v; want ErrInvalid", name, err)
		}
	}
	if _, err := en.svc.FormCommittee(ctx, school, e.ID, committee(true)); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("FormCommittee by the school = %v; want ErrForbidden", err)
	}
	e = en.ok(en.svc.FormCommittee(ctx, body, e.ID, committee(true)))
	if len(e.Committee.Assessors) != 3 || e.Committee.FormedOn.IsZero() {
		t.Errorf("committee = %+v", e.Committee)
	}
	en.clock.to(examDay)
	en.ok(en.svc.EnterResults(ctx, body, e.ID, []vocational.ResultEntry{pass("L2")}))
	if _, err := en.svc.FormCommittee(ctx, body, e.ID, committee(false)); !errors.Is(err, vocational.ErrState) {
		t.Errorf("FormCommittee after results = %v; want ErrState", err)
	}
}

// TestResults_EXV04 proves entering results (EXV-04): per unit each candidate is assessed in, by
// committee members, none assessing their own learner where the body forbids it; the outcome decided
// by the rule; absent candidates; the assessment closed only with every result; nothing entered from
// a refused call; the school told.
func TestResults_EXV04(t *testing.T) {
	en := newEnv(t, 3)
	ctx := t.Context()
	e := en.processing(t)
	en.ok(en.svc.FormCommittee(ctx, body, e.ID, committee(true)))
	en.clock.to(examDay.AddDays(1))
	own := pass("L1")
	own.Result.AssessedBy = []string{"A3"}
	if _, err := en.svc.EnterResults(ctx, body, e.ID, []vocational.ResultEntry{pass("L2"), own}); !errors.Is(err, vocational.ErrOwnLearner) {
		t.Errorf("a member assessing their own learner = %v; want ErrOwnLearner", err)
	}
	missing := pass("L1")
	missing.Result.Units = missing.Result.Units[:2]
	extra := pass("L2")
	extra.Result.Units = append(extra.Result.Units, vocational.UnitResult{Unit: "1004", Passed: true})
	outsider := pass("L3")
	outsider.Result.AssessedBy = []string{"A9"}
	for name, r := range map[string]vocational.ResultEntry{"a unit missing": missing, "an elective not chosen": extra,
		"an assessor not a member": outsider, "no candidate": {Candidate: "X1"}} {
		if _, err := en.svc.EnterResults(ctx, body, e.ID, []vocational.ResultEntry{r}); !errors.Is(err, vocational.ErrInvalid) {
			t.Errorf("EnterResults(%s) = %v; want ErrInvalid", name, err)
		}
	}
	if got, _ := en.svc.Get(ctx, body, e.ID); slices.ContainsFunc(got.Candidates, func(c vocational.Candidate) bool { return c.Result.Entered() }) {
		t.Fatal("a refused call entered results")
	}
	if _, err := en.svc.EnterResults(ctx, school, e.ID, []vocational.ResultEntry{pass("L1")}); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("EnterResults by the school = %v; want ErrForbidden", err)
	}
	e = en.ok(en.svc.EnterResults(ctx, body, e.ID, []vocational.ResultEntry{pass("L1"), fail("L2")}))
	if !e.Candidate("L1").Result.Passed || e.Candidate("L2").Result.Passed {
		t.Errorf("outcomes: L1 %v, L2 %v; want passed, failed", e.Candidate("L1").Result.Passed, e.Candidate("L2").Result.Passed)
	}
	if _, err := en.svc.CloseAssessment(ctx, body, e.ID); !errors.Is(err, vocational.ErrIncomplete) {
		t.Errorf("CloseAssessment with L3 missing = %v; want ErrIncomplete", err)
	}
	if _, err := en.svc.EnterResults(ctx, body, e.ID, []vocational.ResultEntry{{Candidate: "L3", Result: vocational.Result{Absent: true, Units: pass("L3").Result.Units}}}); !errors.Is(err, vocational.ErrInvalid) {
		t.Errorf("an absent candidate with unit results = %v; want ErrInvalid", err)
	}
	en.ok(en.svc.EnterResults(ctx, body, e.ID, []vocational.ResultEntry{{Candidate: "L3", Result: vocational.Result{Absent: true}}}))
	// A correction before closing.
	e = en.ok(en.svc.EnterResults(ctx, body, e.ID, []vocational.ResultEntry{pass("L2")}))
	if !e.Candidate("L2").Result.Passed {
		t.Error("the corrected result did not stand")
	}
	e = en.ok(en.svc.CloseAssessment(ctx, body, e.ID))
	if e.Status != vocational.Assessed {
		t.Errorf("after closing: %s", e.Status)
	}
	if _, err := en.svc.EnterResults(ctx, body, e.ID, []vocational.ResultEntry{fail("L1")}); !errors.Is(err, vocational.ErrState) {
		t.Errorf("EnterResults after closing = %v; want ErrState", err)
	}
	if _, err := en.svc.Withdraw(ctx, school, e.ID, "L3", "lahkus koolist"); !errors.Is(err, vocational.ErrState) {
		t.Errorf("Withdraw after closing = %v; want ErrState", err)
	}
	evs, _ := en.st.OutboxEvents(ctx, store.EventQuery{Recipient: schoolCode, Subject: e.Subject()})
	if evs[len(evs)-1].Kind != vocational.EventAssessed {
		t.Errorf("the school was not told the assessment is closed: %+v", evs[len(evs)-1])
	}
	// Without the body's impartiality rule a teacher may assess their own learner.
	en2 := newEnv(t, 1)
	e2 := en2.processing(t)
	en2.ok(en2.svc.FormCommittee(ctx, body, e2.ID, committee(false)))
	en2.clock.to(examDay)
	en2.ok(en2.svc.EnterResults(ctx, body, e2.ID, []vocational.ResultEntry{own}))
}

// TestAssessmentProtocol_EXV04 proves the assessment protocol's data (EXV-04): every candidate taking
// part, per unit assessed or not, entered, passed; the counts; final once closed; the withdrawn left
// out.
func TestAssessmentProtocol_EXV04(t *testing.T) {
	en := newEnv(t, 5)
	ctx := t.Context()
	e := en.processing(t)
	en.ok(en.svc.Withdraw(ctx, school, e.ID, "L5", "lahkus koolist"))
	if _, err := en.svc.Withdraw(ctx, school, e.ID, "L5", "again"); err != nil {
		t.Errorf("withdrawing twice = %v; want no change", err)
	}
	en.ok(en.svc.FormCommittee(ctx, body, e.ID, committee(true)))
	en.clock.to(examDay.AddDays(1))
	en.ok(en.svc.EnterResults(ctx, body, e.ID, []vocational.ResultEntry{pass("L1"), fail("L2"), {Candidate: "L3", Result: vocational.Result{Absent: true}}}))
	p, err := en.svc.AssessmentProtocol(ctx, school, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.Final || len(p.Rows) != 4 || p.Passed != 1 || p.Failed != 1 || p.Absent != 1 || p.Rows[3].Entered {
		t.Errorf("protocol before closing = final %v, %d rows, %d/%d/%d", p.Final, len(p.Rows), p.Passed, p.Failed, p.Absent)
	}
	r := p.Rows[0]
	if len(r.Units) != 4 || !r.Units[0].Passed || r.Units[0].Score != "85/100" || !r.Units[2].Assessed || r.Units[3].Assessed ||
		!slices.Equal(r.AssessedBy, []string{"Kalle Kuusk", "Liis Lepp"}) || r.Code == "" {
		t.Errorf("row of L1 = %+v", r)
	}
	en.ok(en.svc.EnterResults(ctx, body, e.ID, []vocational.ResultEntry{pass("L4")}))
	en.ok(en.svc.CloseAssessment(ctx, body, e.ID))
	if p, _ = en.svc.AssessmentProtocol(ctx, school, e.ID); !p.Final || p.Passed != 2 || len(p.Sittings) != 2 {
		t.Errorf("closed protocol = final %v, %d passed, %d sittings", p.Final, p.Passed, len(p.Sittings))
	}
}

// TestPasses_EXV04 is a property of the outcome rule (EXV-04): a candidate passes exactly when they
// came and passed every unit they are assessed in (the mandatory ones and their electives); units
// they are not assessed in never change it.
func TestPasses_EXV04(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 8).Draw(t, "units")
		var units []vocational.Unit
		c := vocational.Candidate{Learner: vocational.Learner{ID: "L1"}}
		for i := range n {
			u := vocational.Unit{Code: string(rune('a' + i)), Name: "u", Kind: vocational.CompetenceUnit, Elective: rapid.Bool().Draw(t, "elective")}
			if u.Elective && rapid.Bool().Draw(t, "chosen") {
				c.Electives = append(c.Electives, u.Code)
			}
			units = append(units, u)
		}
		r := vocational.Result{On: examDay, Absent: rapid.Bool().Draw(t, "absent")}
		want := !r.Absent
		for _, u := range units {
			passed := rapid.Bool().Draw(t, "passed")
			r.Units = append(r.Units, vocational.UnitResult{Unit: u.Code, Passed: passed})
			if !passed && (!u.Elective || slices.Contains(c.Electives, u.Code)) {
				want = false
			}
		}
		if got := vocational.Passes(units, &c, &r); got != want {
			t.Fatalf("Passes = %v; want %v (units %+v, electives %v, result %+v)", got, want, units, c.Electives, r)
		}
	})
}
