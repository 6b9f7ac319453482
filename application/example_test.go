package application_test

import (
	"context"
	"fmt"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store/memstore"
)

// Ema-Kaks Piskel applies for "Keevitaja, tase 4" at Eesti Masinatööstuse Liit: she fills in the
// steps, submits (the form is generated), the body takes the application in, admits her and awards
// the qualification, and the certificate is in her list.
func Example() {
	ctx := context.Background()
	now := func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }
	st := memstore.New()
	reg, _ := certificate.NewRegistry(st, certificate.Config{Now: now})
	svc, _ := application.NewService(st, application.Config{Register: sample.Register(), Certificates: reg})

	body := actor.Body(sample.MachineIndustryCode)
	svc.PutSettings(ctx, body, sample.MachineIndustrySettings()) // the body has joined (APP-03)

	me := actor.OwnerOf(sample.Holder())
	app, err := svc.Start(ctx, me, application.StartInput{Standard: sample.Welder, Body: sample.MachineIndustryCode, Kind: application.First})
	if err != nil {
		fmt.Println(err)
		return
	}
	app, _ = svc.SetPerson(ctx, me, app.ID, app.Version, application.PersonInput{Name: "Ema-Kaks Piskel", Email: "ema-kaks@example.ee"})
	app, _ = svc.Choose(ctx, me, app.ID, app.Version, application.Choice{Competences: []register.ID{sample.ManualArc}, ExamLanguage: sample.Estonian})
	for _, d := range []string{"cv", "haridus", "tookogemus"} {
		app, _ = svc.Attach(ctx, me, app.ID, app.Version, doc(d, d+".pdf", d))
	}
	app, _ = svc.Review(ctx, me, app.ID, app.Version, application.ReviewInput{Confirmed: []bool{true, true}, Declared: true})
	app, err = svc.Submit(ctx, me, app.ID, app.Version)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(app.State.Name(law.Estonian), app.Form.Name, len(app.Form.Data) > 0)

	app, _ = svc.Receive(ctx, body, app.ID, app.Version)
	app, _ = svc.Admit(ctx, body, app.ID, application.AdmitInput{Version: app.Version})
	out, err := svc.Award(ctx, body, app.ID, application.AwardInput{Version: app.Version, Reference: "kutsekomisjoni otsus nr 3"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(out.Application.State.Name(law.English), out.Certificate.Number, out.Certificate.Title, out.Certificate.ValidUntil.Register())

	list, _ := reg.List(ctx, me, sample.Holder(), calendar.DateOf(now()))
	for _, e := range list {
		fmt.Println(e.Mark.Symbol(), e.Certificate.Number, e.Certificate.Competences)
	}
	// Output:
	// esitatud Avaldus-1.pdf true
	// awarded 000001 Keevitaja, tase 4 22.11.2031
	// ✓ 000001 [Käsikaarkeevitus]
}

// Where the awarding body has not joined, the SDK answers "go to <URL>".
func ExampleWhere() {
	set := application.Settings{Body: sample.MachineIndustryCode, Joined: false, External: "https://taotlus.emtl.ee"}
	d, _ := application.Where(sample.WelderStandard(), sample.MachineIndustry(), set, calendar.MustDate(2026, 11, 23))
	fmt.Println(d.Here, d.URL)
	fmt.Println(d.Explanation.Render(law.English))
	// Output:
	// false https://taotlus.emtl.ee
	// 1. GEN-04 (Kutsestandard Keevitaja, tase 4 (kutseregister, 11400001), version 9): applied the version in force on 2026-11-23 (2026-11-10 – …)
	// 2. APP-03 (Kutseregistri kutsetaotluskeskkond (Kutsekoda)): Eesti Masinatööstuse Liit has not joined the register's application environment: go to https://taotlus.emtl.ee
}

// The contest of a refusal can be filed until 30 days from learning of it, the due date moved off
// the Christmas holidays.
func ExampleContestPeriod() {
	d, _ := application.ContestPeriod(calendar.MustDate(2026, 11, 24))
	fmt.Println(d.Due.Register(), d.Moved)
	// Output: 28.12.2026 true
}
