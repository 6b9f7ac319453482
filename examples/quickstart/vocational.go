package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/exam/vocational"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// The vocational exam of the flow (seed 000, phase III): a school's learners of the curriculum linked
// to the standard of certificate 204580, "Mootorsõidukidiagnostik, tase 5", take the exam of its
// awarding body, Autonoomse Arenduse Ühing: both as the register's feeds have them (data/*.xml, read
// into the store by loadRegister), with the standard's competences and the body's qualification
// committee. The seed names none of the school, its curriculum, the learners, the assessors or the
// ceilings' amounts: those below are sample data (Reg48's annex of ceilings was not retrieved).
const (
	schoolCode   = "70004567"
	bodyCode     = "80000001" // Autonoomse Arenduse Ühing in data/kutseandjad.xml
	curriculum   = "145632"
	curriculumG  = "Mootorliikurite, laevade ja lennukite tehnika"
	standardID   = register.ID(10912401) // its version 3 in data/kutsestandardid.xml
	passengerCar = register.ID(10912402) // its specialisation "Sõiduautodiagnostik, tase 5"
)

// examClock is the exam's own clock: it starts at the run's time and the flow moves it to the exam's
// day and to the committee's.
type examClock struct{ t time.Time }

func (c *examClock) now() time.Time { return c.t }

// runExam runs one school's exam from its creation to the signed committee protocol and prints what
// each side sees; with out it writes the assessment protocol's PDF there.
func runExam(ctx context.Context, st fullStore, start time.Time, lang law.Lang, out string, p func(string, ...any)) error {
	clock := &examClock{t: start}
	schoolData := &vocational.StaticCurricula{}
	schoolData.Put(vocational.Curriculum{Code: curriculum, Name: "Mootorsõidukitehnik", School: schoolCode, Group: curriculumG,
		Standard: standardID, Version: 3}, sampleLearners()...)
	// The register's series of the flow (from 204600), on the exam's clock.
	reg, err := certificate.NewRegistry(st, certificate.Config{Now: clock.now,
		Series: map[certificate.Kind]certificate.Series{certificate.Occupational: {Width: 6, First: 204600}}})
	if err != nil {
		return err
	}
	svc, err := vocational.NewService(st, vocational.Config{Certificates: reg, Register: st,
		Curricula: schoolData, Ceilings: sampleCeilings()})
	if err != nil {
		return err
	}
	school, body := actor.SchoolOf(schoolCode), actor.Body(bodyCode)

	// The school: eligibility (EXV-01), the draft with its proposed times and places, registration
	// and sending to the awarding body (EXV-03).
	el, err := svc.Eligible(ctx, school, schoolCode, curriculum)
	if err != nil {
		return err
	}
	p("\n%s\n", lang.Pick("Kutseeksam (eksamihaldus): Tallinna Tööstushariduskeskus → Autonoomse Arenduse Ühing",
		"Qualification exam (exam management): Tallinna Tööstushariduskeskus → Autonoomse Arenduse Ühing"))
	p("  %s\n", strings.ReplaceAll(el.Why.Render(lang), "\n", "\n  "))
	day := calendar.NextWorkingDay(calendar.DateOf(start).AddDays(27)) // the theory part; the practical the next working day
	practical := calendar.NextWorkingDay(day.AddDays(1))
	e, err := svc.Create(ctx, school, vocational.CreateRequest{School: schoolCode, SchoolName: "Tallinna Tööstushariduskeskus",
		Curriculum: curriculum, Body: bodyCode, Type: vocational.Combined, Proposed: []vocational.Sitting{
			{Part: vocational.Theory, Date: day, Start: "09:00", Place: "Tallinn, Ehitajate tee 100, A-101"},
			{Part: vocational.Practical, Date: practical, Start: "10:00", Place: "Tallinn, Ehitajate tee 100, töökoda B"}}})
	if err != nil {
		return err
	}
	if _, err := svc.Register(ctx, school, e.ID); err != nil {
		return err
	}
	if _, err := svc.Send(ctx, school, e.ID); err != nil {
		return err
	}
	// The awarding body: takes it up, accepts the school's times and places (EXV-02), forms the
	// assessment committee (EXV-04).
	if _, err := svc.Accept(ctx, body, e.ID, vocational.AcceptRequest{}); err != nil {
		return err
	}
	if _, err := svc.Answer(ctx, body, e.ID, 1, true, ""); err != nil {
		return err
	}
	if _, err := svc.FormCommittee(ctx, body, e.ID, vocational.Committee{Impartial: true, Assessors: []vocational.Assessor{
		{ID: "A1", Name: "Kalle Kuusk", Role: vocational.AssessorChair},
		{ID: "A2", Name: "Liis Lepp", Role: vocational.AssessorMember},
		{ID: "A3", Name: "Tõnu Tamm", Role: vocational.AssessorMember, Learners: []string{"L2"}}}}); err != nil {
		return err
	}
	cal, err := svc.Calendar(ctx, school, day.AddDays(-7), day.AddDays(7))
	if err != nil {
		return err
	}
	p("  %s:\n", lang.Pick("Kooli eksamikalender", "The school's exam calendar"))
	for _, en := range cal {
		p("    %s\n", en.Line(lang))
	}

	// The exam's practical day: results per competence (EXV-04); the assessment protocol closed.
	clock.t = time.Date(practical.Year, practical.Month, practical.Day, 14, 0, 0, 0, time.UTC)
	results := []vocational.ResultEntry{passed("L1"), passed("L2"), passed("L3"), passed("L4")}
	results[2].Result.Units[0].Passed = false // L3 does not prove the first competence
	if _, err := svc.EnterResults(ctx, body, e.ID, results); err != nil {
		return err
	}
	if _, err := svc.CloseAssessment(ctx, body, e.ID); err != nil {
		return err
	}
	ap, err := svc.AssessmentProtocol(ctx, school, e.ID) // the school sees it (EXV-07)
	if err != nil {
		return err
	}
	p("  %s: %s %d, %s %d\n", lang.Pick("Hindamisprotokoll", "Assessment protocol"), lang.Pick("sooritas", "passed"), ap.Passed,
		lang.Pick("ei sooritanud", "failed"), ap.Failed)

	// A week later: the qualification committee's protocol, signed by its chair (EXV-05).
	clock.t = clock.t.AddDate(0, 0, 7)
	if _, err := svc.DrawUp(ctx, body, e.ID, vocational.ProtocolRequest{Number: "14/" + fmt.Sprint(day.Year),
		Committee: "Mootorsõidukidiagnostiku kutsekomisjon", Chair: "Mari Maasikas", Present: []string{"Mari Maasikas", "Peeter Kask"},
		ValidMonths: 60}); err != nil {
		return err
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader) // the host's signer: an HSM, a remote signing service
	if err != nil {
		return err
	}
	res, err := svc.Sign(ctx, body, e.ID, vocational.SignRequest{Signer: key, Name: "Mari Maasikas"})
	if err != nil {
		return err
	}
	again, err := svc.Sign(ctx, body, e.ID, vocational.SignRequest{Signer: key, Name: "Mari Maasikas"}) // a retry issues nothing
	if err != nil {
		return err
	}
	sig := res.Exam.Protocol.Signature
	p("  %s %s %s (%s, %s)\n", lang.Pick("Kutsekomisjoni protokoll nr", "Qualification committee protocol no."), res.Exam.Protocol.Number,
		lang.Pick("allkirjastatud "+sig.On.Register(), "signed on "+sig.On.Register()), sig.Signer, sig.Algorithm)
	p("  %s (%d; %s %d):\n", lang.Pick("Väljastatud kutsetunnistused", "Certificates issued"), len(res.Certificates),
		lang.Pick("kordusallkirjastamisel uusi", "new ones on a repeated signing"), len(again.Certificates)-len(res.Certificates))
	for _, c := range res.Certificates {
		p("    %s %s — %s — %s: %s — %s–%s\n", c.Number, c.Holder.Name, c.Title, lang.Pick("valitud kompetentsid", "selected competences"),
			strings.Join(c.Competences, "; "), c.ValidFrom.Register(), untilText(c.ValidUntil, lang))
	}
	s := res.Statement
	p("  %s: %d × %s; %s %s, %s %s, %s %s\n", lang.Pick("Kulude hüvitamine", "Compensation of the costs"), len(s.Lines), money(s.Rate, lang),
		lang.Pick("riigieelarvest kooli kaudu", "state budget through the school"), money(s.State, lang),
		lang.Pick("arve koolile", "invoiced to the school"), money(s.Invoiced, lang), lang.Pick("kokku", "total"), money(s.Total, lang))
	evs, err := st.OutboxEvents(ctx, store.EventQuery{Recipient: schoolCode, Subject: vocational.Subject(e.ID)})
	if err != nil {
		return err
	}
	for _, ev := range evs {
		if ev.Kind == vocational.EventEntered { // EXV-07: the school is told
			subject, text, _ := vocational.Notice(ev, lang)
			p("  %s: %s\n    %s\n", lang.Pick("Teavitus koolile", "Notice to the school"), subject, text)
		}
	}
	if out != "" {
		prot, err := vocational.AssessmentProtocolPDF(ap, lang, clock.t)
		if err != nil {
			return err
		}
		stmt, err := vocational.StatementPDF(res.Statement, lang, clock.t)
		if err != nil {
			return err
		}
		for _, f := range []struct {
			name string
			b    []byte
		}{{"hindamisprotokoll.pdf", prot}, {"hyvitamine.pdf", stmt}} {
			path := filepath.Join(out, f.name)
			if err := os.WriteFile(path, f.b, 0o644); err != nil {
				return err
			}
			p("%s %s\n", lang.Pick("Kirjutatud:", "Written:"), path)
		}
	}
	return nil
}

// passed is a result proving every competence candidate id is assessed in.
func passed(id string) vocational.ResultEntry {
	return vocational.ResultEntry{Candidate: id, Result: vocational.Result{AssessedBy: []string{"A1", "A2"}, Units: []vocational.UnitResult{
		{Unit: "10912410", Passed: true}, {Unit: "10912411", Passed: true}, {Unit: "10912412", Passed: true}}}}
}

// sampleLearners are the curriculum's learners: four in the final course, one not.
func sampleLearners() []vocational.Learner {
	names := []string{"Kaarel Kask", "Liisa Õunapuu", "Marten Šõmin", "Eliise Ülemaa", "Rasmus Rebane"}
	out := make([]vocational.Learner, len(names))
	for i, n := range names {
		sex := isikukood.Male
		if i%2 == 1 {
			sex = isikukood.Female
		}
		code, _ := isikukood.Make(sex, calendar.MustDate(2006, time.March, 1).AddDays(17*i), 10+i)
		out[i] = vocational.Learner{ID: "L" + fmt.Sprint(i+1), Name: n, Code: code, FinalCourse: i < 4, StateFunded: i != 2,
			Specialisation: passengerCar, Electives: []string{"10912412"}}
	}
	return out
}

// sampleCeilings are sample ceilings of the exam costs (Reg48's annex was not retrieved).
func sampleCeilings() law.Versions[vocational.Ceilings] {
	return law.Versions[vocational.Ceilings]{{Name: "näidisandmed", Period: law.Period{From: calendar.MustDate(2017, time.January, 1)},
		Rule: vocational.Ceilings{{Group: curriculumG, Type: vocational.Combined, Amount: decimal.RequireFromString("170.80")}}}}
}

// money writes euros with two decimals: "170,80 €", in English "€170.80".
func money(d decimal.Decimal, lang law.Lang) string {
	if lang == law.English {
		return "€" + d.StringFixed(2)
	}
	return strings.Replace(d.StringFixed(2), ".", ",", 1) + " €"
}
