package notify_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/duplicate"
	"github.com/kutsekit/kutse/exam/proficiency"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
	"github.com/kutsekit/kutse/stamp"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/memstore"
)

// The organisations of the flows, by their codes.
const (
	bodyCode   = "80000001" // the awarding body of 204580
	centreCode = "90008287" // the exam centre of the proficiency exams
	harnoCode  = "70009999" // the institution that destroys school originals
	nooKK      = "70000004" // Nõo Keskkool: closed, its records in the national archive
	elvaG      = "70000006" // Elva Gümnaasium, which decides
	reaalkool  = "70000001" // Tallinna Reaalkool, which refuses
	nooVald    = "0528"     // the government of Nõo, by its EHAK code
	elvaVald   = "0171"     // the government of Elva
)

var olga = proficiency.Person{Name: "Olga Petrova", Code: isikukood.MustParse("48005170012"), Contact: "olga@example.ee"}

// clock is a clock the flows move.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }
func (c *clock) set(y int, m time.Month, d int) {
	c.t = time.Date(y, m, d, 9, 0, 0, 0, time.UTC)
}

// flows runs every flow of the SDK that raises events, on one memstore, so that its outbox holds
// every kind of event the module has, as the services raise them: the register's notices
// (certificate), the digital stamp (stamp), duplicate cases (duplicate), proficiency exams
// (exam/proficiency), applications for a qualification (application), the owner's question to
// the awarding body (certificate/request) and vocational exams (exam/vocational).
func flows(t testing.TB) *memstore.Store {
	t.Helper()
	st := memstore.New()
	ctx := context.Background()
	c := &clock{}
	must := func(what string, err error) { t.Helper(); check(t, what, err) }

	// The register: 204580 issued, hidden, published, stamped, and told it expires; another
	// invalidated and refused a stamp.
	c.set(2026, time.November, 22)
	reg, err := certificate.NewRegistry(st, certificate.Config{Now: c.now})
	must("NewRegistry", err)
	body, me := actor.Body(bodyCode), actor.OwnerOf(sample.Holder())
	_, err = reg.Issue(ctx, body, certificate.IssueRequest{Certificate: sample.Certificate204580()})
	must("Issue", err)
	_, err = reg.Hide(ctx, me, "204580")
	must("Hide", err)
	_, err = reg.Publish(ctx, me, "204580")
	must("Publish", err)
	other := sample.Certificate204580()
	other.Number, other.Title = "204587", "Hooldustöötaja, tase 4"
	_, err = reg.Issue(ctx, body, certificate.IssueRequest{Certificate: other})
	must("Issue 204587", err)
	_, err = reg.Invalidate(ctx, actor.CommitteeOf(body.Org), "204587", certificate.Invalidation{Date: calendar.MustDate(2026, 12, 1),
		Reason: "võltsitud dokument", Decision: "kutsekomisjoni otsus nr 7"})
	must("Invalidate", err)
	key, chain, err := stamp.TestSeal(c.now())
	must("TestSeal", err)
	stamps, err := stamp.NewService(st, stamp.Config{BaseURL: "https://www.kutseregister.ee", Key: key, Chain: chain, Now: c.now})
	must("stamp.NewService", err)
	_, err = stamps.Stamp(ctx, me, "204580")
	must("Stamp", err)
	c.set(2026, time.December, 2)
	if _, err := stamps.Stamp(ctx, me, "204587"); err == nil {
		t.Fatal("Stamp of an invalid certificate succeeded")
	}
	c.set(2029, time.July, 8)
	_, err = reg.NotifyExpiring(ctx, actor.Keeper("90006414"), calendar.Date{})
	must("NotifyExpiring", err)
	// The holder of 204587 dies; three years later the register erases their personal data (CERT-12).
	keeper := actor.Keeper("90006414")
	_, err = reg.RecordDeath(ctx, keeper, "204587", calendar.MustDate(2029, time.July, 1))
	must("RecordDeath", err)
	c.set(2032, time.July, 2)
	_, err = reg.ErasePersonalData(ctx, keeper, "204587")
	must("ErasePersonalData", err)

	duplicates(t, st, c)
	exams(t, st, c)
	applying(t, st, c)
	questions(t, st, c)
	vocationalExams(t, st, c)
	return st
}

// duplicates runs three duplicate cases: a lost gymnasium certificate of a closed school, forwarded
// twice, confirmed by the archive, granted, published, destroyed and handed over; a refusal made
// known; and a certificate of graduation instead of a duplicate.
func duplicates(t testing.TB, st *memstore.Store, c *clock) {
	t.Helper()
	ctx := context.Background()
	must := func(what string, err error) { t.Helper(); check(t, what, err) }
	reg := &duplicate.MemRegistry{
		SchoolList: []duplicate.School{
			{Code: nooKK, Name: "Nõo Keskkool", Status: duplicate.Closed, Municipality: nooVald, Records: "Rahvusarhiiv",
				Levels: []duplicate.Level{duplicate.Basic, duplicate.Secondary}},
			{Code: "70000005", Name: "Nõo Põhikool", Status: duplicate.Active, Municipality: nooVald, Levels: []duplicate.Level{duplicate.Basic}},
			{Code: elvaG, Name: "Elva Gümnaasium", Status: duplicate.Active, Municipality: elvaVald, Levels: []duplicate.Level{duplicate.Secondary}},
			{Code: reaalkool, Name: "Tallinna Reaalkool", Status: duplicate.Active, Municipality: "0784", Levels: []duplicate.Level{duplicate.Secondary}},
		},
		Municipalities: []duplicate.Municipality{
			{Code: nooVald, Name: "Nõo vald", Government: "Nõo Vallavalitsus"},
			{Code: elvaVald, Name: "Elva vald", Government: "Elva Vallavalitsus"},
			{Code: "0784", Name: "Tallinn", Government: "Tallinna Linnavalitsus"},
		},
		Near: map[string][]string{nooVald: {elvaVald}},
	}
	c.set(2026, time.November, 23)
	// The SDK knows regulation nr 113 as in force 13.07.2014–30.04.2015; a school deciding in 2026
	// adds the version it found unchanged (GEN-04), as duplicate's example shows.
	statute, err := vv113.Default().With(vv113.Version{Name: "2026 (host)", Period: law.Period{From: calendar.MustDate(2015, time.May, 1)},
		Rule: vv113.Default()[0].Rule})
	must("vv113 host version", err)
	svc, err := duplicate.NewService(st, duplicate.Config{Now: c.now, Registry: reg, Statute: statute,
		Fees:       duplicate.Fees{"": {certificate.Gymnasium: decimal.RequireFromString("10.00")}},
		ExamCentre: duplicate.Party{Role: duplicate.PartyExamCentre, Code: harnoCode, Name: "Haridus- ja Noorteamet"}})
	must("duplicate.NewService", err)
	holder := certificate.Holder{Name: "Ema-Kaks Piskel", Code: sample.Holder()}
	me := actor.OwnerOf(sample.Holder())
	for _, o := range []certificate.Certificate{
		{Number: "G012345", Kind: certificate.Gymnasium, Holder: holder, Issuer: "Nõo Keskkool", IssuerCode: nooKK,
			IssuedOn: calendar.MustDate(1995, 6, 17), ValidFrom: calendar.MustDate(1995, 6, 17)},
		{Number: "G054321", Kind: certificate.Gymnasium, Holder: holder, Issuer: "Tallinna Reaalkool", IssuerCode: reaalkool,
			IssuedOn: calendar.MustDate(2013, 6, 15), ValidFrom: calendar.MustDate(2013, 6, 15)},
	} {
		_, err := st.IssueCertificate(ctx, certificate.Issue{Certificate: o})
		must("put "+string(o.Number), err)
	}

	res, err := svc.Open(ctx, me, duplicate.Request{Applicant: holder, Original: "G012345", Year: 1995, Ground: duplicate.Illegible,
		Attached: []duplicate.Attachment{duplicate.Original}})
	must("Open", err)
	elva := actor.SchoolOf(elvaG)
	c.set(2026, time.November, 25)
	_, err = svc.Receive(ctx, elva, res.Case.ID, calendar.Date{})
	must("Receive", err)
	_, err = svc.Confirm(ctx, elva, res.Case.ID, duplicate.Confirmation{Reference: "RA 1-2/33"})
	must("Confirm", err)
	_, err = svc.Grant(ctx, elva, res.Case.ID, duplicate.GrantInput{Number: "G700001", Decision: "1-3/15"})
	must("Grant", err)
	_, err = svc.HandOver(ctx, elva, res.Case.ID, duplicate.HandOver{To: "Ema-Kaks Piskel", RegisterEntry: "Õpilasraamat 1995, lk 12, nr 7"})
	must("HandOver", err)

	res, err = svc.Open(ctx, me, duplicate.Request{Applicant: holder, Original: "G054321", Year: 2013, Ground: duplicate.Lost})
	must("Open 2", err)
	real := actor.SchoolOf(reaalkool)
	_, err = svc.Refuse(ctx, real, res.Case.ID, duplicate.RefuseInput{Ground: duplicate.FalseData,
		Reason: "taotleja esitas teadlikult valeandmeid", Decision: "1-3/16"})
	must("Refuse", err)
	_, err = svc.MarkNotified(ctx, real, res.Case.ID, calendar.Date{})
	must("MarkNotified", err)

	res, err = svc.Open(ctx, me, duplicate.Request{Applicant: holder, Kind: certificate.Gymnasium, Issuer: reaalkool, Year: 2013, Ground: duplicate.Lost})
	must("Open 3", err)
	_, err = svc.Certify(ctx, real, res.Case.ID, duplicate.GraduationCertificate{Name: "Ema-Kaks Piskel", Code: sample.Holder(),
		Curriculum: "keskkooli õppekava", Graduated: calendar.MustDate(2013, 6, 15), Signatory: "Jaan Tamm, direktor", Seal: true})
	must("Certify", err)
}

// exams runs the proficiency exams: a session; Olga registers, asks for special conditions, is told
// the time and place, and passes; Ivan, without a personal code, registers in writing and passes;
// Mari, 65, registers for three parts, is absent and explains; Jaan registers and cancels, registers
// again and fails.
func exams(t testing.TB, st *memstore.Store, c *clock) {
	t.Helper()
	ctx := context.Background()
	must := func(what string, err error) { t.Helper(); check(t, what, err) }
	c.set(2011, time.July, 1)
	certs, err := certificate.NewRegistry(st, certificate.Config{Now: c.now})
	must("NewRegistry", err)
	svc, err := proficiency.NewService(st, proficiency.Config{Certificates: certs})
	must("proficiency.NewService", err)
	centre := actor.Centre(centreCode)
	d25 := decimal.NewFromInt(25)
	full := proficiency.PointsOf(d25, d25, d25, d25)
	s, _, err := svc.CreateSession(ctx, centre, proficiency.Session{
		ID: "B1-2011-09-15", Organiser: centreCode, Level: proficiency.B1, Date: calendar.MustDate(2011, 9, 15),
		Start: "10:00", Centres: []string{"Tallinn", "Narva"}, Max: full,
		Examiners: []proficiency.Examiner{{Name: "Mari Maasikas", Approval: "käskkiri 1-2/11/123", Philologist: true}},
	})
	must("CreateSession", err)

	r, _, err := svc.Register(ctx, actor.OwnerOf(olga.Code), proficiency.Application{Person: olga, Session: s, Centre: "Tallinn", Channel: proficiency.Online})
	must("Register", err)
	_, _, err = svc.RequestSpecialNeeds(ctx, actor.OwnerOf(olga.Code), r.ID, "eriarsti tõend nr 3")
	must("RequestSpecialNeeds", err)
	_, _, err = svc.DecideSpecialNeeds(ctx, centre, r.ID, proficiency.Accommodation{Reference: "EK-1", ExtraMinutes: 30,
		Exempted: proficiency.PointsOf(decimal.Zero, decimal.NewFromInt(5), decimal.Zero, decimal.Zero), Tasks: []string{"lugemise 3. ülesanne"}})
	must("DecideSpecialNeeds", err)
	_, _, err = svc.RecordNotice(ctx, centre, r.ID, calendar.MustDate(2011, 8, 10))
	must("RecordNotice", err)

	ivan := proficiency.Person{Name: "Ivan Ivanov", BirthDate: calendar.MustDate(1950, 3, 4)}
	ri, _, err := svc.Register(ctx, centre, proficiency.Application{Person: ivan, Session: s, Centre: "Narva", Channel: proficiency.Written,
		Documents: proficiency.Documents{Form: true, IdentityCopy: true}})
	must("Register Ivan", err)

	mari := proficiency.Person{Name: "Mari Maasikas", Code: code(isikukood.Female, calendar.MustDate(1945, 2, 2)), Citizenship: true}
	rm, _, err := svc.Register(ctx, actor.OwnerOf(mari.Code), proficiency.Application{Person: mari, Session: s, Centre: "Tallinn",
		Channel: proficiency.Online, Senior: true})
	must("Register Mari", err)

	jaan := proficiency.Person{Name: "Jaan Tamm", Code: code(isikukood.Male, calendar.MustDate(1980, 1, 1))}
	rj, _, err := svc.Register(ctx, actor.OwnerOf(jaan.Code), proficiency.Application{Person: jaan, Session: s, Centre: "Tallinn", Channel: proficiency.Online})
	must("Register Jaan", err)
	_, _, err = svc.Cancel(ctx, actor.OwnerOf(jaan.Code), rj.ID)
	must("Cancel", err)
	rj, _, err = svc.Register(ctx, actor.OwnerOf(jaan.Code), proficiency.Application{Person: jaan, Session: s, Centre: "Tallinn", Channel: proficiency.Online})
	must("Register Jaan again", err)

	c.set(2011, time.September, 16)
	_, _, err = svc.RecordAbsence(ctx, centre, rm.ID)
	must("RecordAbsence", err)
	_, _, err = svc.RecordExplanation(ctx, centre, rm.ID, proficiency.Absence{ExplanationFiled: calendar.MustDate(2011, 9, 20),
		Evidence: "arstitõend nr 123", Accepted: true})
	must("RecordExplanation", err)

	c.set(2011, time.October, 3)
	pts := func(a, b, c, d int64) proficiency.Result {
		return proficiency.Result{Points: proficiency.PointsOf(decimal.NewFromInt(a), decimal.NewFromInt(b), decimal.NewFromInt(c), decimal.NewFromInt(d))}
	}
	_, _, err = svc.RecordResult(ctx, centre, r.ID, pts(20, 14, 15, 21))
	must("RecordResult Olga", err)
	_, _, err = svc.RecordResult(ctx, centre, ri.ID, pts(20, 20, 20, 20))
	must("RecordResult Ivan", err)
	_, _, err = svc.RecordResult(ctx, centre, rj.ID, pts(5, 6, 7, 8))
	must("RecordResult Jaan", err)
}

// The applicants of the application flows.
var (
	mari  = application.Person{Name: "Mari Kask", Code: code(isikukood.Female, calendar.MustDate(1990, 5, 15)), Email: "mari.kask@example.ee"}
	jyri  = application.Person{Name: "Jüri Saar", Code: code(isikukood.Male, calendar.MustDate(1985, 3, 10)), Email: "jyri.saar@example.ee"}
	tiina = application.Person{Name: "Tiina Tamm", Code: code(isikukood.Female, calendar.MustDate(1992, 8, 20)), Email: "tiina.tamm@example.ee"}
)

// applying runs four applications through application.Service, from 23.11.2026: Mari applies for
// "Keevitaja, tase 4" through the body's partner, which takes it in and admits her to the exam, and
// the body awards it; Jüri's is returned to him to complete, completed, refused, contested, the
// contest's period extended, and the contest dismissed; Ema-Kaks Piskel re-certifies 204580 with
// its awarding body; Tiina's is refused, her contest upheld, and she withdraws it.
func applying(t testing.TB, st *memstore.Store, c *clock) {
	t.Helper()
	ctx := context.Background()
	// must(what)(app, err) fails the test on err, saying what failed, and returns app.
	must := func(what string) func(application.Application, error) application.Application {
		return func(app application.Application, err error) application.Application {
			t.Helper()
			check(t, what, err)
			return app
		}
	}
	c.set(2026, time.November, 23)
	reg, err := certificate.NewRegistry(st, certificate.Config{Now: c.now,
		Series: map[certificate.Kind]certificate.Series{certificate.Occupational: {Width: 6, First: 204600}}})
	check(t, "NewRegistry", err)
	svc, err := application.NewService(st, application.Config{Register: sample.Register(), Certificates: reg})
	check(t, "application.NewService", err)
	for _, set := range []application.Settings{sample.MachineIndustrySettings(), sample.AutonomousSettings()} {
		_, err := svc.PutSettings(ctx, actor.Body(set.Body), set)
		check(t, "PutSettings "+set.Body, err)
	}
	body, aay := actor.Body(sample.MachineIndustryCode), actor.Body(sample.AutonomousCode)
	partner := actor.Actor{Role: actor.Partner, Org: sample.WeldingSchoolCode, For: sample.MachineIndustryCode}
	attach := func(who actor.Actor, app application.Application, code, name string) application.Application {
		t.Helper()
		sum := sha256.Sum256([]byte(name))
		return must("Attach " + name)(svc.Attach(ctx, who, app.ID, app.Version, application.Attachment{Document: code, Name: name,
			MediaType: "application/pdf", Size: 1000, SHA256: hex.EncodeToString(sum[:]), Ref: "files/" + name}))
	}
	// submit fills in every step of a draft and submits it.
	submit := func(p application.Person, in application.StartInput, docs ...string) application.Application {
		t.Helper()
		who := actor.OwnerOf(p.Code)
		app := must("Start")(svc.Start(ctx, who, in))
		app = must("SetPerson")(svc.SetPerson(ctx, who, app.ID, app.Version, application.PersonInput{Name: p.Name, Email: p.Email}))
		if in.Kind == application.First {
			app = must("Choose")(svc.Choose(ctx, who, app.ID, app.Version, application.Choice{Competences: []register.ID{sample.ManualArc}, ExamLanguage: sample.Estonian}))
		}
		for i := 0; i+1 < len(docs); i += 2 {
			app = attach(who, app, docs[i], docs[i+1])
		}
		yes := make([]bool, len(app.Conditions))
		for i := range yes {
			yes[i] = true
		}
		app = must("Review")(svc.Review(ctx, who, app.ID, app.Version, application.ReviewInput{Confirmed: yes, Declared: true}))
		return must("Submit")(svc.Submit(ctx, who, app.ID, app.Version))
	}
	welder := func(receiver string) application.StartInput {
		return application.StartInput{Standard: sample.Welder, Body: sample.MachineIndustryCode, Kind: application.First, Receiver: receiver}
	}
	welderDocs := []string{"cv", "CV.pdf", "haridus", "Diplom.pdf", "tookogemus", "Töökogemuse tõend.pdf"}

	// Mari, through the partner, to the award.
	app := submit(mari, welder(sample.WeldingSchoolCode), welderDocs...)
	app = must("Receive (partner)")(svc.Receive(ctx, partner, app.ID, app.Version))
	c.set(2026, time.November, 24)
	app = must("Admit (partner)")(svc.Admit(ctx, partner, app.ID, application.AdmitInput{Version: app.Version, ExamDate: calendar.MustDate(2027, 1, 20),
		Note: "Praktiliseks tööks võtke kaasa keevitaja isikukaitsevahendid"}))
	c.set(2027, time.January, 25)
	_, err = svc.Award(ctx, body, app.ID, application.AwardInput{Version: app.Version, Reference: "kutsekomisjoni otsus nr 3, 25.01.2027"})
	check(t, "Award Mari", err)

	// Jüri: completed, refused, contested, extended, dismissed.
	c.set(2026, time.November, 23)
	app = submit(jyri, welder(""), welderDocs...)
	app = must("Receive")(svc.Receive(ctx, body, app.ID, app.Version))
	app = must("RequestCompletion")(svc.RequestCompletion(ctx, body, app.ID, application.CompletionInput{Version: app.Version,
		Missing: []string{"Töökogemuse tõend on tööandja allkirjata", "Haridust tõendava dokumendi koopia on loetamatu"},
		Note:    "Tööandja tõend peab olema digitaalselt allkirjastatud."}))
	c.set(2026, time.November, 27)
	app = attach(actor.OwnerOf(jyri.Code), app, "tookogemus", "Töökogemuse tõend (allkirjastatud).pdf")
	app = attach(actor.OwnerOf(jyri.Code), app, "haridus", "Diplom (skaneeritud uuesti).pdf")
	app = must("Complete")(svc.Complete(ctx, actor.OwnerOf(jyri.Code), app.ID, app.Version))
	c.set(2026, time.November, 30)
	app = must("Refuse")(svc.Refuse(ctx, body, app.ID, application.RefuseInput{Version: app.Version,
		Reasons: []string{"Töökogemus keevitajana on 1 aasta; nõutud on vähemalt 2 aastat", "Keevitaja kutseõpet ei ole läbitud"},
		Basis:   "kutse andmise kord p 3.2", Reference: "kutsekomisjoni otsus nr 4"}))
	c.set(2026, time.December, 3)
	app = must("Contest")(svc.Contest(ctx, actor.OwnerOf(jyri.Code), app.ID, application.ContestInput{Version: app.Version,
		Grounds: "Olen töötanud keevitajana kaks aastat ja kolm kuud: lisan eelmise tööandja tõendi."}))
	c.set(2026, time.December, 10)
	app = must("ExtendContest")(svc.ExtendContest(ctx, body, app.ID, application.ExtendInput{Version: app.Version, Days: 10,
		Reason: "eelmise tööandja tõendi kontrollimiseks on vaja järelepärimist"}))
	c.set(2026, time.December, 17)
	_ = must("DecideContest (dismissed)")(svc.DecideContest(ctx, body, app.ID, application.ContestDecision{Version: app.Version,
		Outcome: application.OutcomeDismissed, Reasons: []string{"Eelmine tööandja ei kinnitanud keevitajana töötamist"}, Reference: "vaideotsus nr 2"}))

	// Ema-Kaks Piskel re-certifies 204580 with its awarding body, on documents.
	c.set(2026, time.November, 23)
	ema := application.Person{Name: "Ema-Kaks Piskel", Code: sample.Holder(), Email: "ema-kaks@example.ee"}
	app = submit(ema, application.StartInput{Standard: sample.Diagnostician, Body: sample.AutonomousCode, Kind: application.Recertification, Certificate: "204580"},
		"taiendusope", "Täiendusõppe tunnistused.pdf")
	app = must("Receive (re-certification)")(svc.Receive(ctx, aay, app.ID, app.Version))
	app = must("Admit (re-certification)")(svc.Admit(ctx, aay, app.ID, application.AdmitInput{Version: app.Version, Note: "Hindamine toimub dokumentide alusel"}))
	c.set(2026, time.November, 30)
	_, err = svc.Award(ctx, aay, app.ID, application.AwardInput{Version: app.Version, Reference: "kutsekomisjoni otsus nr 7"})
	check(t, "Award (re-certification)", err)

	// Tiina: refused, her contest upheld, withdrawn.
	c.set(2026, time.November, 23)
	app = submit(tiina, welder(""), welderDocs...)
	app = must("Receive Tiina")(svc.Receive(ctx, body, app.ID, app.Version))
	c.set(2026, time.November, 24)
	app = must("Refuse Tiina")(svc.Refuse(ctx, body, app.ID, application.RefuseInput{Version: app.Version,
		Reasons: []string{"Tervisekontrolli tõend puudub"}, Basis: "kutse andmise kord p 3.4", Reference: "kutsekomisjoni otsus nr 5"}))
	c.set(2026, time.November, 26)
	app = must("Contest Tiina")(svc.Contest(ctx, actor.OwnerOf(tiina.Code), app.ID, application.ContestInput{Version: app.Version,
		Grounds: "Tervisekontrolli tõend on töökogemuse tõendi teisel lehel."}))
	c.set(2026, time.December, 1)
	app = must("DecideContest (upheld)")(svc.DecideContest(ctx, body, app.ID, application.ContestDecision{Version: app.Version,
		Outcome: application.OutcomeUpheld, Reasons: []string{"Tervisekontrolli tõend on taotlusele lisatud"}, Reference: "vaideotsus nr 1"}))
	c.set(2026, time.December, 2)
	_ = must("Withdraw")(svc.Withdraw(ctx, actor.OwnerOf(tiina.Code), app.ID, app.Version, "Asun tööle välismaal ega saa kutseeksamile tulla."))
}

// questions runs the owner's question about 204580 to its awarding body and the body's answer
// (CERT-08) through request.Service.
func questions(t testing.TB, st *memstore.Store, c *clock) {
	t.Helper()
	ctx := context.Background()
	svc, err := request.NewService(st, request.Config{Now: c.now})
	check(t, "request.NewService", err)
	c.set(2026, time.November, 26)
	q, err := svc.Ask(ctx, actor.OwnerOf(sample.Holder()), "204580",
		"Kas kõrgepinge jõuseadmete diagnostika kompetents on kirjas ka tunnistuse ingliskeelses versioonis?")
	check(t, "Ask", err)
	c.set(2026, time.November, 30)
	_, err = svc.Answer(ctx, actor.Body(bodyCode), q.Number, "Jah: kompetents on kirjas nii dokumendis Tunnistus.pdf kui ka Certificate.pdf.")
	check(t, "Answer", err)
}

// check fails the test on err, saying what failed.
func check(t testing.TB, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// code returns a valid personal code of a person of sex born on born.
func code(sex isikukood.Sex, born calendar.Date) isikukood.Code {
	c, err := isikukood.Make(sex, born, 1)
	if err != nil {
		panic(err) // a fixture's arithmetic never fails
	}
	return c
}

// outbox returns every event of st.
func outbox(t testing.TB, st store.Outbox) []store.Event {
	t.Helper()
	evs, err := st.OutboxEvents(context.Background(), store.EventQuery{Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	return evs
}
