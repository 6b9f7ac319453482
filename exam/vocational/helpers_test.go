package vocational_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/exam/vocational"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store/memstore"
)

const (
	schoolCode = "70004567" // Tallinna Tööstushariduskeskus (a test code)
	bodyCode   = "80123456" // Autonoomse Arenduse Ühing (seed 000; a test code)
	curCode    = "145632"
	group      = "Mootorliikurite, laevade ja lennukite tehnika"
)

var (
	school = actor.SchoolOf(schoolCode)
	body   = actor.Body(bodyCode)
	keeper = actor.Keeper("90006414")
	// start is the clock's first instant: 1 March 2027, 10:00 in Tallinn.
	start = time.Date(2027, 3, 1, 8, 0, 0, 0, time.UTC)
)

// clock is a settable clock, safe for concurrent use.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

// to sets the clock to 10:00 UTC of day d.
func (c *clock) to(d calendar.Date) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = time.Date(d.Year, d.Month, d.Day, 10, 0, 0, 0, time.UTC)
}

func (c *clock) today() calendar.Date { return calendar.DateOf(c.Now()) }

// standard returns the test standard: Mootorsõidukidiagnostik, tase 5 (seed 000's 204580), with two
// specialisations, two mandatory and two elective competences, in force since 2020.
func standard() register.Standard {
	return register.Standard{ID: 10521659, Versions: []register.StandardVersion{{
		ID: 10521659, Version: 1, Name: "Mootorsõidukidiagnostik, tase 5", Types: []classifier.StandardType{classifier.OccupationalStandard},
		EKR: classifier.MustLevel(5), InForce: law.Period{From: calendar.MustDate(2020, time.January, 1)},
		Specialisations: []register.Ref{{ID: 20001, Name: "Sõiduautodiagnostik, tase 5"}, {ID: 20002, Name: "Raskeveokidiagnostik, tase 5"}},
		Competences: []register.CompetenceSet{{For: []classifier.CertificateType{classifier.OccupationalCertificate}, Competences: []register.Competence{
			{ID: 1001, Name: "Mootorsõidukite diagnostika"},
			{ID: 1002, Name: "Klienditeenindus"},
			{ID: 1003, Name: "Mootorsõidukite kõrgepinge jõuseadmete diagnostika ja remont", Elective: true},
			{ID: 1004, Name: "Veermiku diagnostika", Elective: true},
		}}},
	}}}
}

func awardingBody() register.AwardingBody {
	return register.AwardingBody{Code: bodyCode, Name: "Autonoomse Arenduse Ühing",
		Awards: []register.Award{{Standard: 10521659, Name: "Mootorsõidukidiagnostik, tase 5", Types: []classifier.StandardType{classifier.OccupationalStandard}}},
		Committees: []register.Committee{{Name: "Mootorsõidukidiagnostiku kutsekomisjon", Members: []register.Member{
			{ID: 1, Name: "Mari Maasikas", Role: classifier.Chair},
			{ID: 2, Name: "Jaan Tamm", Role: classifier.ViceChair},
			{ID: 3, Name: "Peeter Kask", Role: classifier.MemberRole},
		}}}}
}

// learner returns test learner i of the curriculum: in the final course, state-funded when i is
// odd, specialising in cars (20001) and choosing the high-voltage elective (1003).
func learner(i int) vocational.Learner {
	code, err := isikukood.Make(isikukood.Male, calendar.MustDate(2005, time.January, 1).AddDays(i), i%1000)
	if err != nil {
		panic(err)
	}
	return vocational.Learner{ID: "L" + strconv.Itoa(i), Name: "Õppija Nr" + strconv.Itoa(i), Code: code, FinalCourse: true,
		StateFunded: i%2 == 1, Specialisation: 20001, Electives: []string{"1003"}}
}

var ceilings = law.Versions[vocational.Ceilings]{
	{Name: "2017", Citation: law.Citation{Act: "HTM määrus nr 48, lisa"}, Period: law.Period{From: calendar.MustDate(2017, time.January, 1), Until: calendar.MustDate(2026, time.December, 31)},
		Rule: vocational.Ceilings{{Group: group, Type: vocational.Combined, Amount: decimal.RequireFromString("150.00")}}},
	{Name: "2027", Citation: law.Citation{Act: "HTM määrus nr 48, lisa"}, Period: law.Period{From: calendar.MustDate(2027, time.January, 1)},
		Rule: vocational.Ceilings{
			{Group: group, Type: vocational.Combined, Amount: decimal.RequireFromString("170.805")},
			{Group: group, Type: vocational.Theory, Amount: decimal.RequireFromString("60.00")},
		}},
}

// env is a service on memstore with the test register data, curriculum and clock.
type env struct {
	t     testing.TB
	st    *memstore.Store
	svc   *vocational.Service
	clock *clock
	cur   *vocational.StaticCurricula
	key   *ecdsa.PrivateKey
}

// newEnv returns an env whose curriculum has n learners in the final course and one who is not.
func newEnv(t testing.TB, n int) *env {
	t.Helper()
	en := &env{t: t, st: memstore.New(), clock: &clock{t: start}, cur: &vocational.StaticCurricula{}}
	ctx := context.Background()
	cat, err := register.NewCatalogue(en.st, register.Config{Now: en.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cat.PutStandard(ctx, keeper, standard()); err != nil {
		t.Fatal(err)
	}
	if _, err := cat.PutAwardingBody(ctx, keeper, awardingBody()); err != nil {
		t.Fatal(err)
	}
	ls := make([]vocational.Learner, 0, n+1)
	for i := 1; i <= n; i++ {
		ls = append(ls, learner(i))
	}
	junior := learner(n + 1)
	junior.FinalCourse = false
	ls = append(ls, junior)
	en.cur.Put(vocational.Curriculum{Code: curCode, Name: "Mootorsõidukitehnik", School: schoolCode, Group: group,
		Standard: 10521659, Version: 1}, ls...)
	reg, err := certificate.NewRegistry(en.st, certificate.Config{Now: en.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	en.svc, err = vocational.NewService(en.st, vocational.Config{Certificates: reg, Register: en.st,
		Curricula: en.cur, Ceilings: ceilings})
	if err != nil {
		t.Fatal(err)
	}
	if en.key, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader); err != nil {
		t.Fatal(err)
	}
	return en
}

// examDay is the day of the exam's theory part; its practical part is the day after.
var examDay = calendar.MustDate(2027, time.May, 20)

func sittings(d calendar.Date) []vocational.Sitting {
	return []vocational.Sitting{
		{Part: vocational.Theory, Date: d, Start: "09:00", Place: "Tallinn, Ehitajate tee 100, ruum A-101"},
		{Part: vocational.Practical, Date: d.AddDays(1), Start: "10:00", Place: "Tallinn, Ehitajate tee 100, töökoda B"},
	}
}

// ok returns e, failing the env's test on an error.
func (en *env) ok(e vocational.Exam, err error) vocational.Exam {
	en.t.Helper()
	if err != nil {
		en.t.Fatal(err)
	}
	return e
}

// created creates the draft exam of all final-course learners, with the school's proposal.
func (en *env) created(t testing.TB) vocational.Exam {
	t.Helper()
	return en.ok(en.svc.Create(context.Background(), school, vocational.CreateRequest{School: schoolCode,
		SchoolName: "Tallinna Tööstushariduskeskus", Curriculum: curCode, Body: bodyCode, Type: vocational.Combined,
		Proposed: sittings(examDay)}))
}

// processing takes an exam through registration, sending, the body's acceptance (with its fee) and
// the agreement of the school's proposal.
func (en *env) processing(t testing.TB) vocational.Exam {
	t.Helper()
	ctx := context.Background()
	e := en.created(t)
	en.ok(en.svc.Register(ctx, school, e.ID))
	en.ok(en.svc.Send(ctx, school, e.ID))
	en.ok(en.svc.Accept(ctx, body, e.ID, vocational.AcceptRequest{}))
	return en.ok(en.svc.Answer(ctx, body, e.ID, 1, true, ""))
}

// committee is the test assessment committee: the chair, two members, one of them the teacher of L1.
func committee(impartial bool) vocational.Committee {
	return vocational.Committee{Impartial: impartial, Assessors: []vocational.Assessor{
		{ID: "A1", Name: "Kalle Kuusk", Role: vocational.AssessorChair},
		{ID: "A2", Name: "Liis Lepp", Role: vocational.AssessorMember},
		{ID: "A3", Name: "Tõnu Tamm", Role: vocational.AssessorMember, Learners: []string{"L1"}},
	}}
}

// pass is a result passing every unit candidate id is assessed in (the mandatory ones and 1003).
func pass(id string) vocational.ResultEntry {
	return vocational.ResultEntry{Candidate: id, Result: vocational.Result{AssessedBy: []string{"A1", "A2"}, Units: []vocational.UnitResult{
		{Unit: "1001", Passed: true, Score: "85/100"}, {Unit: "1002", Passed: true}, {Unit: "1003", Passed: true}}}}
}

// fail is a result failing unit 1001.
func fail(id string) vocational.ResultEntry {
	r := pass(id)
	r.Result.Units[0].Passed, r.Result.Units[0].Score = false, "40/100"
	return r
}

// assessed forms the committee, moves the clock to the exam's practical day, enters results (L2
// fails, L3 is absent, the others pass) and closes the assessment.
func (en *env) assessed(t testing.TB, n int) vocational.Exam {
	t.Helper()
	ctx := context.Background()
	e := en.processing(t)
	en.ok(en.svc.FormCommittee(ctx, body, e.ID, committee(true)))
	en.clock.to(examDay.AddDays(1))
	var rs []vocational.ResultEntry
	for i := 1; i <= n; i++ {
		id := "L" + strconv.Itoa(i)
		switch i {
		case 2:
			rs = append(rs, fail(id))
		case 3:
			rs = append(rs, vocational.ResultEntry{Candidate: id, Result: vocational.Result{Absent: true}})
		default:
			rs = append(rs, pass(id))
		}
	}
	en.ok(en.svc.EnterResults(ctx, body, e.ID, rs))
	return en.ok(en.svc.CloseAssessment(ctx, body, e.ID))
}

// protocolRequest is the committee protocol of the test exam: five years' validity.
func protocolRequest() vocational.ProtocolRequest {
	return vocational.ProtocolRequest{Number: "14/2027", Committee: "Mootorsõidukidiagnostiku kutsekomisjon",
		Chair: "Mari Maasikas", Present: []string{"Mari Maasikas", "Peeter Kask"}, ValidMonths: 60}
}

// decided draws up the protocol on the assessed exam a week after it.
func (en *env) decided(t testing.TB, n int) vocational.Exam {
	t.Helper()
	e := en.assessed(t, n)
	en.clock.to(examDay.AddDays(8))
	return en.ok(en.svc.DrawUp(context.Background(), body, e.ID, protocolRequest()))
}

// sign signs the exam with the env's key in the chair's name.
func (en *env) sign(t testing.TB, id int64) vocational.SignResult {
	t.Helper()
	r, err := en.svc.Sign(context.Background(), body, id, vocational.SignRequest{Signer: en.key, Name: "Mari Maasikas"})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// ceilingsFor returns a table of ceilings in force from 2017 with 120.00 for every exam type of group g.
func ceilingsFor(g string) law.Versions[vocational.Ceilings] {
	amount := decimal.RequireFromString("120.00")
	return law.Versions[vocational.Ceilings]{{Name: "2017", Period: law.Period{From: calendar.MustDate(2017, time.January, 1)},
		Rule: vocational.Ceilings{{Group: g, Type: vocational.Theory, Amount: amount}, {Group: g, Type: vocational.Practical, Amount: amount},
			{Group: g, Type: vocational.Combined, Amount: amount}}}}
}

// bodyOf returns the actor of an exam's awarding body.
func bodyOf(e vocational.Exam) actor.Actor { return actor.Body(e.Body.Code) }
