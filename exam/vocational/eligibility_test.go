package vocational_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/exam/vocational"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// TestEligible_EXV01 proves EXV-01 as a pure rule: an exam only for a curriculum linked to an
// occupational standard that has a version in force on the day (GEN-04), with learners in their final
// course; a link naming an older version is held under the version in force, and said so.
func TestEligible_EXV01(t *testing.T) {
	day := calendar.MustDate(2027, time.March, 1)
	cur := vocational.Curriculum{Code: curCode, School: schoolCode, Group: group, Standard: 10521659, Version: 1}
	final := []vocational.Learner{learner(1), learner(2)}
	junior := learner(3)
	junior.FinalCourse = false
	two := standard()
	v2 := two.Versions[0].Clone()
	v2.ID, v2.Version, v2.Previous, v2.InForce = 10988847, 2, 10521659, law.Period{From: calendar.MustDate(2027, time.January, 1)}
	two.Versions[0].InForce.Until = calendar.MustDate(2026, time.December, 31)
	two.Versions = append(two.Versions, v2)
	expired := standard()
	expired.Versions[0].InForce.Until = calendar.MustDate(2026, time.June, 30)
	unlinked := cur
	unlinked.Standard = 0
	tests := []struct {
		name     string
		c        vocational.Curriculum
		learners []vocational.Learner
		std      register.Standard
		ok       bool
		why      string
	}{
		{"linked, learners in the final course", cur, final, standard(), true, "on lõpukursusel 2 õppijat"},
		{"no standard linked", unlinked, final, register.Standard{}, false, "ei ole seotud ühtki kutsestandardit"},
		{"the standard is not in the register", cur, final, register.Standard{}, false, "ei ole kutseregistris"},
		{"no version in force", cur, final, expired, false, "kehtivat versiooni"},
		{"no learner in the final course", cur, []vocational.Learner{junior}, standard(), false, "ei ole lõpukursusel õppijaid"},
		{"no learners", cur, nil, standard(), false, "ei ole lõpukursusel õppijaid"},
		{"linked to version 1, version 2 in force", cur, final, two, true, "kehtiva versiooni 2 järgi"},
	}
	for _, tt := range tests {
		el := vocational.Eligible(tt.c, tt.learners, tt.std, day)
		if el.Eligible != tt.ok || !strings.Contains(el.Why.String(), tt.why) {
			t.Errorf("%s: Eligible = %v\n%s\nwant %v and %q", tt.name, el.Eligible, el.Why, tt.ok, tt.why)
		}
		if el.Eligible && !el.Why.Applies("EXV-01") {
			t.Errorf("%s: the explanation does not name EXV-01", tt.name)
		}
	}
	if el := vocational.Eligible(cur, append(final, junior), two, day); len(el.Learners) != 2 || el.Version.Version != 2 {
		t.Errorf("Eligible learners = %d, version %d; want the 2 in the final course, version 2", len(el.Learners), el.Version.Version)
	}
}

// TestNewService_ClockIsRegistrys proves that the service has no clock of its own: an exam is
// created at the certificate registry's time (1 March 2027 in the test, not the machine's today),
// and the service's today is the registry's, moving with it.
func TestNewService_ClockIsRegistrys(t *testing.T) {
	en := newEnv(t, 2)
	if e := en.created(t); !e.CreatedAt.Equal(start) {
		t.Errorf("CreatedAt = %v; want %v (the registry's clock)", e.CreatedAt, start)
	}
	if got, want := en.svc.Today(), calendar.MustDate(2027, time.March, 1); got != want {
		t.Errorf("Today() = %v; want %v", got, want)
	}
	en.clock.to(examDay)
	if got := en.svc.Today(); got != examDay {
		t.Errorf("after the registry's clock moved: Today() = %v; want %v", got, examDay)
	}
}

// TestCreate_EXV01_EXV03 proves that the service creates an exam only for an eligible curriculum
// (EXV-01), of final-course learners, for an awarding body that awards the qualification on the day
// (EXV-03: Kutseseadus § 10 (1)), and that only the school acts; a refusal stores nothing.
func TestCreate_EXV01_EXV03(t *testing.T) {
	en := newEnv(t, 3)
	ctx := t.Context()
	el, err := en.svc.Eligible(ctx, school, schoolCode, curCode)
	if err != nil || !el.Eligible || len(el.Learners) != 3 {
		t.Fatalf("Eligible = %+v, %v", el, err)
	}
	e := en.created(t)
	if e.Status != vocational.Draft || len(e.Candidates) != 3 || e.Qualification.Name != "Mootorsõidukidiagnostik, tase 5" ||
		len(e.Units) != 4 || !e.Units[2].Elective || e.Language != "eesti keel" {
		t.Errorf("Create = %+v", e)
	}
	req := vocational.CreateRequest{School: schoolCode, SchoolName: "Kool", Curriculum: curCode, Body: bodyCode, Type: vocational.Practical}
	// A curriculum with no learner in its final course.
	en.cur.Put(vocational.Curriculum{Code: "999999", School: schoolCode, Group: group, Standard: 10521659})
	bad := req
	bad.Curriculum = "999999"
	_, err = en.svc.Create(ctx, school, bad)
	if !errors.Is(err, vocational.ErrNotEligible) {
		t.Errorf("Create(no final-course learners) = %v; want ErrNotEligible", err)
	}
	if re, ok := errors.AsType[*vocational.RuleError](err); !ok || re.Rule != "EXV-01" {
		t.Errorf("the refusal = %#v; want a RuleError of EXV-01", err)
	}
	// A learner not in the final course.
	bad = req
	bad.Candidates = []string{"L1", "L4"}
	if _, err := en.svc.Create(ctx, school, bad); !errors.Is(err, vocational.ErrInvalid) || !strings.Contains(err.Error(), "L4") {
		t.Errorf("Create(a learner not in the final course) = %v; want ErrInvalid naming L4", err)
	}
	// An awarding body that does not award the standard, and one whose right has ended.
	other := awardingBody()
	other.Code, other.Awards = "80999999", nil
	cat, _ := register.NewCatalogue(en.st, register.Config{})
	if _, err := cat.PutAwardingBody(ctx, keeper, other); err != nil {
		t.Fatal(err)
	}
	bad = req
	bad.Body = "80999999"
	if _, err := en.svc.Create(ctx, school, bad); !errors.Is(err, vocational.ErrNotEligible) {
		t.Errorf("Create(a body that does not award it) = %v; want ErrNotEligible", err)
	}
	ended := awardingBody()
	ended.Mandate = law.Period{From: calendar.MustDate(2020, time.January, 1), Until: calendar.MustDate(2024, time.December, 31)}
	ended.Revision = 0
	if _, err := cat.PutAwardingBody(ctx, keeper, ended); err != nil {
		t.Fatal(err)
	}
	if _, err := en.svc.Create(ctx, school, req); !errors.Is(err, vocational.ErrNotEligible) || !strings.Contains(err.Error(), "right") {
		t.Errorf("Create(a body whose right ended) = %v; want ErrNotEligible about its right", err)
	}
	bad = req
	bad.Body = "80000000"
	if _, err := en.svc.Create(ctx, school, bad); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Create(an unknown body) = %v; want ErrNotFound", err)
	}
	for _, a := range []actor.Actor{actor.SchoolOf("70009999"), body, actor.Anonymous()} {
		if _, err := en.svc.Create(ctx, a, req); !errors.Is(err, actor.ErrForbidden) {
			t.Errorf("Create by %v = %v; want ErrForbidden", a, err)
		}
	}
	bad = req
	bad.Type, bad.SchoolName = 0, ""
	if _, err := en.svc.Create(ctx, school, bad); !errors.Is(err, vocational.ErrInvalid) {
		t.Errorf("Create(no type, no name) = %v; want ErrInvalid", err)
	}
	if es, _ := en.st.VocationalExams(ctx, vocational.ExamQuery{}); len(es) != 1 {
		t.Errorf("the refused creations stored %d exams; want only the first", len(es))
	}
}
