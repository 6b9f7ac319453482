package duplicate_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/duplicate"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/memstore"
)

// The fixture registry: Tallinn and Tartu with their schools, Nõo (a closed gymnasium, a basic
// school only) whose nearest municipality with a gymnasium is Elva.
const (
	reaalkool   = "70000001" // Tallinna Reaalkool: active, basic and secondary, Tallinn
	kivilinna   = "70000002" // Tartu Kivilinna Gümnaasium: reorganised into Tartu Kivilinna Kool
	kivilinnaK  = "70000003" // Tartu Kivilinna Kool: active, basic
	nooKK       = "70000004" // Nõo Keskkool: closed, secondary, Nõo; records in the national archive
	nooPK       = "70000005" // Nõo Põhikool: active, basic, Nõo
	elvaG       = "70000006" // Elva Gümnaasium: active, secondary, Elva
	tartu8      = "70000007" // Tartu 8. Keskkool: closed, secondary, Tartu; records with the city
	poska       = "70000008" // Tartu Jaan Poska Gümnaasium: active, secondary, Tartu
	lonely      = "70000009" // Ruhnu Kool: closed, secondary, Ruhnu, no neighbours listed
	chainA      = "70000010" // reorganised into chainB
	chainB      = "70000011" // reorganised into chainC (closed, Tartu)
	chainC      = "70000012" // closed, Tartu
	cycleA      = "70000013" // reorganised into cycleB
	cycleB      = "70000014" // reorganised into cycleA
	harno       = "70009999" // the exam centre
	body        = "80000001" // an awarding body that exists
	goneBody    = "80000002" // an awarding body that no longer exists
	tallinn     = "0784"
	tartuLinn   = "0793"
	nooVald     = "0528"
	elvaVald    = "0171"
	ruhnuVald   = "0689"
	applicantID = "49502020047" // Ema-Kaks Piskel, seed 000
)

func registry() *duplicate.MemRegistry {
	sec, basic := []duplicate.Level{duplicate.Secondary}, []duplicate.Level{duplicate.Basic}
	both := []duplicate.Level{duplicate.Basic, duplicate.Secondary}
	return &duplicate.MemRegistry{
		SchoolList: []duplicate.School{
			{Code: reaalkool, Name: "Tallinna Reaalkool", Status: duplicate.Active, Levels: both, Municipality: tallinn},
			{Code: kivilinna, Name: "Tartu Kivilinna Gümnaasium", Status: duplicate.Reorganised, Successor: kivilinnaK, Levels: both,
				Municipality: tartuLinn, Earlier: []duplicate.SchoolName{{Name: "Tartu 12. Keskkool", Until: calendar.MustDate(1996, time.August, 31)}}},
			{Code: kivilinnaK, Name: "Tartu Kivilinna Kool", Status: duplicate.Active, Levels: basic, Municipality: tartuLinn},
			{Code: nooKK, Name: "Nõo Keskkool", Status: duplicate.Closed, Levels: both, Municipality: nooVald, Records: "Rahvusarhiiv"},
			{Code: nooPK, Name: "Nõo Põhikool", Status: duplicate.Active, Levels: basic, Municipality: nooVald},
			{Code: elvaG, Name: "Elva Gümnaasium", Status: duplicate.Active, Levels: sec, Municipality: elvaVald},
			{Code: tartu8, Name: "Tartu 8. Keskkool", Status: duplicate.Closed, Levels: sec, Municipality: tartuLinn},
			{Code: poska, Name: "Tartu Jaan Poska Gümnaasium", Status: duplicate.Active, Levels: sec, Municipality: tartuLinn},
			{Code: lonely, Name: "Ruhnu Kool", Status: duplicate.Closed, Levels: sec, Municipality: ruhnuVald},
			{Code: chainA, Name: "Kool A", Status: duplicate.Reorganised, Successor: chainB, Levels: sec, Municipality: tallinn},
			{Code: chainB, Name: "Kool B", Status: duplicate.Reorganised, Successor: chainC, Levels: sec, Municipality: tallinn},
			{Code: chainC, Name: "Kool C", Status: duplicate.Closed, Levels: sec, Municipality: tartuLinn},
			{Code: cycleA, Name: "Kool X", Status: duplicate.Reorganised, Successor: cycleB, Levels: sec, Municipality: tallinn},
			{Code: cycleB, Name: "Kool Y", Status: duplicate.Reorganised, Successor: cycleA, Levels: sec, Municipality: tallinn},
		},
		Municipalities: []duplicate.Municipality{
			{Code: tallinn, Name: "Tallinn", Government: "Tallinna Linnavalitsus"},
			{Code: tartuLinn, Name: "Tartu linn", Government: "Tartu Linnavalitsus"},
			{Code: nooVald, Name: "Nõo vald", Government: "Nõo Vallavalitsus"},
			{Code: elvaVald, Name: "Elva vald", Government: "Elva Vallavalitsus"},
			{Code: ruhnuVald, Name: "Ruhnu vald", Government: "Ruhnu Vallavalitsus"},
		},
		Near: map[string][]string{nooVald: {elvaVald, tartuLinn}},
		Bodies: []duplicate.Body{
			{Code: body, Name: "Autonoomse Arenduse Ühing", Active: true},
			{Code: goneBody, Name: "Lõpetatud Kutseliit", Active: false},
		},
	}
}

// d is a date literal.
func d(y int, m time.Month, day int) calendar.Date { return calendar.MustDate(y, m, day) }

func code() isikukood.Code { return isikukood.MustParse(applicantID) }

func holder() certificate.Holder { return certificate.Holder{Name: "Ema-Kaks Piskel", Code: code()} }

// gymnasium returns the gymnasium leaving certificate numbered no, issued by school on on.
func gymnasium(no, school, name string, on calendar.Date) certificate.Certificate {
	return certificate.Certificate{
		Number: certificate.Number(no), Kind: certificate.Gymnasium, Holder: holder(),
		Issuer: name, IssuerCode: school, IssuedOn: on, ValidFrom: on,
		Extra:    map[string]string{"council-decision": "nr 7, " + on.LongEt()},
		IssuedAt: on.In(time.UTC).Add(10 * time.Hour),
	}
}

// occupational returns certificate 204580 of seed 000, issued by the awarding body a.
func occupational(a string) certificate.Certificate {
	return certificate.Certificate{
		Number: "204580", Kind: certificate.Occupational, Holder: holder(),
		Title: "Sõiduautodiagnostik, tase 5", Standard: "Mootorsõidukidiagnostik, tase 5",
		Competences: []string{"Mootorsõidukite diagnostika"}, ExamLanguage: "eesti keel",
		Issuer: "Autonoomse Arenduse Ühing", IssuerCode: a,
		IssuedOn: d(2025, time.January, 9), ValidFrom: d(2025, time.January, 9), ValidUntil: d(2030, time.January, 8),
		IssuedAt: time.Date(2025, 1, 9, 10, 0, 0, 0, time.UTC),
	}
}

// stateExam returns a paper state-exam certificate issued by the exam centre.
func stateExam(no string) certificate.Certificate {
	on := d(2009, time.July, 1)
	return certificate.Certificate{
		Number: certificate.Number(no), Kind: certificate.StateExam, Holder: holder(),
		Issuer: "Riiklik Eksami- ja Kvalifikatsioonikeskus", IssuerCode: harno, IssuedOn: on, ValidFrom: on,
		Extra: map[string]string{"medium": "paper"}, IssuedAt: on.In(time.UTC),
	}
}

// env is a service on memstore with the fixture registry and a clock the test moves.
type env struct {
	t   *testing.T
	st  *memstore.Store
	svc *duplicate.Service
	now time.Time
}

func newEnv(t *testing.T, now time.Time) *env {
	t.Helper()
	e := &env{t: t, st: memstore.New(), now: now}
	svc, err := duplicate.NewService(e.st, duplicate.Config{
		Now:      func() time.Time { return e.now },
		Statute:  statute,
		Registry: registry(),
		Fees: duplicate.Fees{
			"": {certificate.Gymnasium: decimal.RequireFromString("10.00"), certificate.BasicSchool: decimal.RequireFromString("10.00"),
				certificate.GradeSheet: decimal.RequireFromString("5.00")},
			body: {certificate.Occupational: decimal.RequireFromString("20.00")},
		},
		ExamCentre: duplicate.Party{Role: duplicate.PartyExamCentre, Code: harno, Name: "Haridus- ja Noorteamet"},
	})
	if err != nil {
		t.Fatal(err)
	}
	e.svc = svc
	return e
}

// put stores c as it is (its number given), with no event.
func (e *env) put(c certificate.Certificate) certificate.Certificate {
	e.t.Helper()
	out, err := e.st.IssueCertificate(context.Background(), certificate.Issue{Certificate: c})
	if err != nil {
		e.t.Fatalf("put %s: %v", c.Number, err)
	}
	return out
}

func (e *env) cert(no certificate.Number) certificate.Certificate {
	e.t.Helper()
	c, err := e.st.Certificate(context.Background(), no)
	if err != nil {
		e.t.Fatalf("Certificate(%s): %v", no, err)
	}
	return c
}

func (e *env) events() []store.Event {
	e.t.Helper()
	evs, err := e.st.OutboxEvents(context.Background(), store.EventQuery{Limit: 10000})
	if err != nil {
		e.t.Fatal(err)
	}
	return evs
}

func (e *env) kinds(from int) []string {
	var out []string
	for _, ev := range e.events()[from:] {
		out = append(out, ev.Kind+"→"+ev.Recipient)
	}
	return out
}

func owner() actor.Actor { return actor.OwnerOf(code()) }

// wantErr fails the test unless err wraps every target.
func wantErr(t *testing.T, op string, err error, targets ...error) {
	t.Helper()
	for _, target := range targets {
		if !errors.Is(err, target) {
			t.Errorf("%s = %v; want an error wrapping %v", op, err, target)
		}
	}
}

// ruleOf returns the rule of the first *RequestError or *RuleError in err.
func ruleOf(err error) string {
	if re, ok := errors.AsType[*duplicate.RequestError](err); ok {
		return re.Rule
	}
	if re, ok := errors.AsType[*duplicate.RuleError](err); ok {
		return re.Rule
	}
	return ""
}

// calendarZero is the zero date: "today" where a method takes a date.
var calendarZero calendar.Date

// statute is regulation nr 113 as the tests apply it. The SDK knows only the text in force
// 13.07.2014–30.04.2015 (vv113.Default); the tests run on dates from 2024 to 2026 as well, so, as a
// host that has read the text in force on its dates would, they add a version from 01.05.2015 with
// the same figures. It is the test's statement, not a fact of the sources: the tests that prove the
// refusal outside the known versions use vv113.Default.
var statute = func() vv113.Statute {
	st, err := vv113.Default().With(vv113.Version{Name: "01.05.2015 (test host)", Period: law.Period{From: d(2015, time.May, 1)},
		Rule: vv113.Default()[0].Rule})
	if err != nil {
		panic(err)
	}
	return st
}()

// testDay is a day the tests' pure decisions are taken on, under the tests' host version.
var testDay = d(2026, time.November, 23)

// fate is duplicate.OriginalFate under the tests' statute on testDay.
func fate(p duplicate.Procedure, g duplicate.Ground) (duplicate.Fate, law.Explanation) {
	f, e, err := duplicate.OriginalFate(statute, p, g, testDay)
	if err != nil {
		panic(err)
	}
	return f, e
}

// attach is duplicate.Attachments under the tests' statute on testDay.
func attach(p duplicate.Procedure, g duplicate.Ground, byIssuer bool) ([]duplicate.Attachment, law.Explanation) {
	a, e, err := duplicate.Attachments(statute, p, g, byIssuer, testDay)
	if err != nil {
		panic(err)
	}
	return a, e
}
