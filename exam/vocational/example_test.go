package vocational_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"fmt"
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

// Example runs one school's exam on memstore, from its creation to the signed committee protocol
// and the certificates it issues.
func Example() {
	ctx := context.Background()
	now := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	st := memstore.New()

	// The register's data: a standard and the awarding body that awards it.
	cat, _ := register.NewCatalogue(st, register.Config{Now: clock})
	registrar := actor.Keeper("90006414")
	cat.PutStandard(ctx, registrar, register.Standard{ID: 10521001, Versions: []register.StandardVersion{{
		ID: 10521001, Version: 1, Name: "Kokk, tase 4", Types: []classifier.StandardType{classifier.OccupationalStandard},
		EKR: classifier.MustLevel(4), InForce: law.Period{From: calendar.MustDate(2021, time.January, 1)}, Basic: true,
		Competences: []register.CompetenceSet{{For: []classifier.CertificateType{classifier.OccupationalCertificate},
			Competences: []register.Competence{{ID: 1, Name: "Toitude valmistamine"}}}},
	}}})
	cat.PutAwardingBody(ctx, registrar, register.AwardingBody{Code: "80015264", Name: "Eesti Hotellide ja Restoranide Liit",
		Awards: []register.Award{{Standard: 10521001, Name: "Kokk, tase 4"}}})

	// The school's data (EHIS): the curriculum, linked to the standard, and its final-course learners.
	curricula := &vocational.StaticCurricula{}
	curricula.Put(vocational.Curriculum{Code: "100200", Name: "Kokk", School: "70001111", Group: "Majutamine ja toitlustamine", Standard: 10521001},
		vocational.Learner{ID: "1", Name: "Mari Maasikas", Code: isikukood.MustParse("49502020047"), FinalCourse: true, StateFunded: true})

	reg, _ := certificate.NewRegistry(st, certificate.Config{Now: clock})
	svc, _ := vocational.NewService(st, vocational.Config{Certificates: reg, Register: st, Curricula: curricula,
		Ceilings: law.Versions[vocational.Ceilings]{{Name: "2027", Period: law.Period{From: calendar.MustDate(2027, time.January, 1)},
			Rule: vocational.Ceilings{{Group: "Majutamine ja toitlustamine", Type: vocational.Practical, Amount: decimal.RequireFromString("136.00")}}}}})

	school, body := actor.SchoolOf("70001111"), actor.Body("80015264")
	day := calendar.MustDate(2027, time.May, 20)
	e, err := svc.Create(ctx, school, vocational.CreateRequest{School: "70001111", SchoolName: "Pärnu Kutsehariduskeskus",
		Curriculum: "100200", Body: "80015264", Type: vocational.Practical,
		Proposed: []vocational.Sitting{{Part: vocational.Practical, Date: day, Start: "09:00", Place: "Pärnu, Niidupargi 6, õppeköök"}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	svc.Register(ctx, school, e.ID)
	svc.Send(ctx, school, e.ID)
	svc.Accept(ctx, body, e.ID, vocational.AcceptRequest{})
	svc.Answer(ctx, body, e.ID, 1, true, "")
	svc.FormCommittee(ctx, body, e.ID, vocational.Committee{Assessors: []vocational.Assessor{
		{ID: "a", Name: "Jaan Tamm", Role: vocational.AssessorChair}, {ID: "b", Name: "Liis Lepp", Role: vocational.AssessorMember},
		{ID: "c", Name: "Tõnu Kask", Role: vocational.AssessorMember}}})
	now = time.Date(2027, 5, 20, 15, 0, 0, 0, time.UTC)
	svc.EnterResults(ctx, body, e.ID, []vocational.ResultEntry{{Candidate: "1", Result: vocational.Result{
		AssessedBy: []string{"a", "b"}, Units: []vocational.UnitResult{{Unit: "1", Passed: true}}}}})
	svc.CloseAssessment(ctx, body, e.ID)
	svc.DrawUp(ctx, body, e.ID, vocational.ProtocolRequest{Number: "7/2027", Committee: "Koka kutsekomisjon", Chair: "Jaan Tamm", ValidMonths: 60})
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	res, err := svc.Sign(ctx, body, e.ID, vocational.SignRequest{Signer: key, Name: "Jaan Tamm"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Exam.Status, res.Exam.Verify() == nil)
	for _, c := range res.Certificates {
		fmt.Println(c.Number, c.Holder.Name, c.Title, c.ValidFrom, c.ValidUntil)
	}
	fmt.Println("hüvitis:", res.Statement.Total, "eurot, riigieelarvest", res.Statement.State)
	// Output:
	// signed true
	// 000001 Mari Maasikas Kokk, tase 4 2027-05-20 2032-05-19
	// hüvitis: 136 eurot, riigieelarvest 136
}

// ExampleCompensate computes the compensation of an exam's costs (EXV-06) from the state's ceilings.
func ExampleCompensate() {
	table := law.Versions[vocational.Ceilings]{{Name: "2027", Period: law.Period{From: calendar.MustDate(2027, time.January, 1)},
		Rule: vocational.Ceilings{{Group: "Põllumajandus", Type: vocational.Combined, Amount: decimal.RequireFromString("170.805")}}}}
	e := vocational.Exam{ID: 3, Curriculum: vocational.Curriculum{Group: "Põllumajandus"}, Type: vocational.Combined}
	for i, funded := range []bool{true, true, false} {
		e.Candidates = append(e.Candidates, vocational.Candidate{
			Learner: vocational.Learner{ID: fmt.Sprint(i + 1), StateFunded: funded}, Result: vocational.Result{On: calendar.MustDate(2027, time.June, 2)}})
	}
	st, err := vocational.Compensate(&e, table, calendar.MustDate(2027, time.June, 2))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("rate", st.Rate, "state", st.State, "invoiced", st.Invoiced, "total", st.Total)
	fmt.Println(st.Why.Render(law.English))
	// Output:
	// rate 170.81 state 341.62 invoiced 170.81 total 512.43
	// 1. GEN-04 (version 2027): applied the version in force on 2027-06-02 (2027-01-01 – …)
	// 2. EXV-06 (Kutseõppe tasemeõppe õpilaste kutseeksami kulude ülemmäärad (HTM määrus 11.07.2016 nr 48) § 2): the ceiling of a combined exam in curriculum group Põllumajandus is €170.805
	// 3. EXV-06 (Nõukogu määrus (EÜ) nr 1103/97, artikkel 5): the rate was rounded to the cent, a half up: €170.81
	// 4. EXV-06 (RT I 2008, 24, 156 § 17^2): 3 candidates took the exam: state budget through the school €341.62, invoiced to the school €170.81, total €512.43
}
