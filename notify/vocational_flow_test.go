package notify_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
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

// The school and the awarding body of the vocational exam flow.
const (
	schoolCode = "70004567" // Tallinna Tööstushariduskeskus (a test code)
	examBody   = "80123456" // the awarding body of the exam (a test code)
)

// vocationalExams runs two vocational exams of one school (EXV): the first from its creation through
// a change of the draft, registration, sending, its return for correction, sending again, the body's
// acceptance, a proposal of times and places declined and the school's next one agreed, a material shared, a
// candidate withdrawn, the assessment committee, the results, the closed assessment protocol and the
// committee protocol drawn up and signed (certificates entered, the compensation statement); the
// second registered and cancelled.
func vocationalExams(t testing.TB, st *memstore.Store, c *clock) {
	t.Helper()
	ctx := context.Background()
	must := func(what string, err error) { t.Helper(); check(t, what, err) }
	c.set(2027, time.March, 1)
	const std = register.ID(10521659)
	cat, err := register.NewCatalogue(st, register.Config{Now: c.now})
	must("NewCatalogue", err)
	_, err = cat.PutStandard(ctx, actor.Keeper("90006414"), register.Standard{ID: std, Versions: []register.StandardVersion{{
		ID: std, Version: 1, Name: "Mootorsõidukidiagnostik, tase 5", Types: []classifier.StandardType{classifier.OccupationalStandard},
		EKR: classifier.MustLevel(5), InForce: law.Period{From: calendar.MustDate(2020, time.January, 1)}, Basic: true,
		Competences: []register.CompetenceSet{{For: []classifier.CertificateType{classifier.OccupationalCertificate}, Competences: []register.Competence{
			{ID: 1001, Name: "Mootorsõidukite diagnostika"}, {ID: 1002, Name: "Klienditeenindus"}}}},
	}}})
	must("PutStandard", err)
	_, err = cat.PutAwardingBody(ctx, actor.Keeper("90006414"), register.AwardingBody{Code: examBody, Name: "Autonoomse Arenduse Ühing",
		Awards: []register.Award{{Standard: std, Name: "Mootorsõidukidiagnostik, tase 5", Types: []classifier.StandardType{classifier.OccupationalStandard}}},
		Committees: []register.Committee{{Name: "Mootorsõidukidiagnostiku kutsekomisjon", Members: []register.Member{
			{ID: 1, Name: "Mari Maasikas", Role: classifier.Chair}, {ID: 3, Name: "Peeter Kask", Role: classifier.MemberRole}}}}})
	must("PutAwardingBody", err)
	cur := &vocational.StaticCurricula{}
	var learners []vocational.Learner
	for i, name := range []string{"Kaarel Kask", "Liisa Õunapuu", "Marten Šõmin"} {
		learners = append(learners, vocational.Learner{ID: "L" + string(rune('1'+i)), Name: name,
			Code: code(isikukood.Male, calendar.MustDate(2006, time.March, 1+i)), FinalCourse: true, StateFunded: i != 1})
	}
	cur.Put(vocational.Curriculum{Code: "145632", Name: "Mootorsõidukitehnik", School: schoolCode,
		Group: "Mootorliikurite, laevade ja lennukite tehnika", Standard: std, Version: 1}, learners...)
	certs, err := certificate.NewRegistry(st, certificate.Config{Now: c.now})
	must("NewRegistry", err)
	svc, err := vocational.NewService(st, vocational.Config{Certificates: certs, Register: st, Curricula: cur,
		Ceilings: law.Versions[vocational.Ceilings]{{Name: "2017", Period: law.Period{From: calendar.MustDate(2017, time.January, 1)},
			Rule: vocational.Ceilings{{Group: "Mootorliikurite, laevade ja lennukite tehnika", Type: vocational.Combined, Amount: decimal.RequireFromString("150.00")}}}}})
	must("vocational.NewService", err)
	school, body := actor.SchoolOf(schoolCode), actor.Body(examBody)
	day := calendar.MustDate(2027, time.May, 20)
	sittings := func(d calendar.Date) []vocational.Sitting {
		return []vocational.Sitting{{Part: vocational.Theory, Date: d, Start: "09:00", Place: "Tallinn, Ehitajate tee 100, A-101"},
			{Part: vocational.Practical, Date: d.AddDays(1), Start: "10:00", Place: "Tallinn, Ehitajate tee 100, töökoda B"}}
	}
	create := func() vocational.Exam {
		e, err := svc.Create(ctx, school, vocational.CreateRequest{School: schoolCode, SchoolName: "Tallinna Tööstushariduskeskus",
			Curriculum: "145632", Body: examBody, Type: vocational.Combined, Proposed: sittings(day)})
		must("Create", err)
		return e
	}
	e := create()
	_, err = svc.ChangeDraft(ctx, school, e.ID, vocational.DraftChange{Type: vocational.Combined, Language: "eesti keel"})
	must("ChangeDraft", err)
	_, err = svc.Register(ctx, school, e.ID)
	must("Register", err)
	_, err = svc.Send(ctx, school, e.ID)
	must("Send", err)
	_, err = svc.Return(ctx, body, e.ID, "eksami keel on märkimata")
	must("Return", err)
	_, err = svc.Register(ctx, school, e.ID)
	must("Register again", err)
	_, err = svc.Send(ctx, school, e.ID)
	must("Send again", err)
	_, err = svc.Accept(ctx, body, e.ID, vocational.AcceptRequest{})
	must("Accept", err)
	_, err = svc.Propose(ctx, body, e.ID, sittings(day.AddDays(7)), "komisjon ei saa 20. mail")
	must("Propose", err)
	_, err = svc.Answer(ctx, school, e.ID, 2, false, "töökoda on siis kinni")
	must("Answer (decline)", err)
	_, err = svc.Propose(ctx, school, e.ID, sittings(day.AddDays(14)), "")
	must("Propose again", err)
	_, err = svc.Answer(ctx, body, e.ID, 3, true, "")
	must("Answer (agree)", err)
	_, err = svc.ShareMaterial(ctx, body, e.ID, "Eksamijuhend", "https://aay.example.ee/juhend.pdf")
	must("ShareMaterial", err)
	_, err = svc.Withdraw(ctx, school, e.ID, "L3", "õppija lahkus koolist")
	must("Withdraw", err)
	_, err = svc.FormCommittee(ctx, body, e.ID, vocational.Committee{Impartial: true, Assessors: []vocational.Assessor{
		{ID: "A1", Name: "Kalle Kuusk", Role: vocational.AssessorChair}, {ID: "A2", Name: "Liis Lepp", Role: vocational.AssessorMember},
		{ID: "A3", Name: "Tõnu Tamm", Role: vocational.AssessorMember}}})
	must("FormCommittee", err)
	c.set(2027, time.June, 4)
	result := func(id string, passed bool) vocational.ResultEntry {
		return vocational.ResultEntry{Candidate: id, Result: vocational.Result{AssessedBy: []string{"A1", "A2"},
			Units: []vocational.UnitResult{{Unit: "1001", Passed: passed}, {Unit: "1002", Passed: true}}}}
	}
	_, err = svc.EnterResults(ctx, body, e.ID, []vocational.ResultEntry{result("L1", true), result("L2", false)})
	must("EnterResults", err)
	_, err = svc.CloseAssessment(ctx, body, e.ID)
	must("CloseAssessment", err)
	c.set(2027, time.June, 11)
	_, err = svc.DrawUp(ctx, body, e.ID, vocational.ProtocolRequest{Number: "14/2027", Committee: "Mootorsõidukidiagnostiku kutsekomisjon",
		Chair: "Mari Maasikas", Present: []string{"Mari Maasikas", "Peeter Kask"}, ValidMonths: 60})
	must("DrawUp", err)
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	must("GenerateKey", err)
	_, err = svc.Sign(ctx, body, e.ID, vocational.SignRequest{Signer: key, Name: "Mari Maasikas"})
	must("Sign", err)

	c.set(2027, time.March, 2) // the second exam was made while the first was being prepared
	other := create()
	_, err = svc.Register(ctx, school, other.ID)
	must("Register the second", err)
	_, err = svc.Cancel(ctx, school, other.ID, "õppijad sooritavad eksami järgmisel aastal")
	must("Cancel", err)
}
