package application_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/store/storetest"
)

// TestRecertifiable_APP02 proves the checks of re-certification at their boundaries: a certificate
// of the standard, valid or ended at most the grace period ago (a year by default), not declared
// invalid nor replaced, with an end of validity, of a qualification the body re-certifies.
func TestRecertifiable_APP02(t *testing.T) {
	std := sample.DiagnosticianStandard()
	q := sample.AutonomousSettings().Qualifications[0]
	c := sample.Certificate204580() // valid 09.01.2025–08.01.2030
	d := calendar.MustDate
	for _, tc := range []struct {
		name string
		c    func(c *certificate.Certificate)
		q    func(q *application.Qualification)
		on   calendar.Date
		ok   bool
		why  string
	}{
		{"valid", nil, nil, d(2026, 11, 23), true, ""},
		{"the last day of grace", nil, nil, d(2031, 1, 8), true, ""},
		{"a day after grace", nil, nil, d(2031, 1, 9), false, "may be re-certified until 08.01.2031"},
		{"no grace: the day after it ended", nil, func(q *application.Qualification) { q.RecertifyGrace = -1 }, d(2030, 1, 9), false, "until 08.01.2030"},
		{"a grace of 24 months", nil, func(q *application.Qualification) { q.RecertifyGrace = 24 }, d(2031, 6, 1), true, ""},
		{"another standard", func(c *certificate.Certificate) { c.Standard, c.Title = "Kokk, tase 4", "Kokk, tase 4" }, nil, d(2026, 11, 23), false, "not awarded under"},
		{"by its title alone", func(c *certificate.Certificate) { c.Standard = "" }, nil, d(2026, 11, 23), true, ""},
		{"declared invalid", func(c *certificate.Certificate) {
			c.Invalidated = certificate.Invalidation{Date: d(2026, 1, 1), Reason: "pettus", Decision: "otsus 1"}
		}, nil, d(2026, 11, 23), false, "declared invalid"},
		{"replaced", func(c *certificate.Certificate) {
			c.Replaced = certificate.Replacement{By: "204999", Date: d(2026, 1, 1)}
		}, nil, d(2026, 11, 23), false, "replaced by 204999"},
		{"no end of validity", func(c *certificate.Certificate) { c.ValidUntil = calendar.Date{} }, nil, d(2026, 11, 23), false, "tähtajatu"},
		{"a school document", func(c *certificate.Certificate) { c.Kind = certificate.Gymnasium }, nil, d(2026, 11, 23), false, "only qualification certificates"},
		{"not re-certified by the body", nil, func(q *application.Qualification) { q.NoRecertification = true }, d(2026, 11, 23), false, "does not re-certify"},
	} {
		cc, qq := c.Clone(), q
		if tc.c != nil {
			tc.c(&cc)
		}
		if tc.q != nil {
			tc.q(&qq)
		}
		why, err := application.Recertifiable(cc, std, qq, tc.on)
		switch {
		case tc.ok && (err != nil || !why.Applies("APP-02")):
			t.Errorf("%s: Recertifiable = %v, %v; want allowed with APP-02", tc.name, why, err)
		case !tc.ok && (!errors.Is(err, application.ErrRecertify) || !strings.Contains(err.Error(), tc.why)):
			t.Errorf("%s: Recertifiable = %v; want ErrRecertify saying %q", tc.name, err, tc.why)
		}
	}
}

// TestStart_APP02_recertification proves that re-certification links the applicant's certificate,
// takes the standard's conditions of re-certifying to confirm and the choice the certificate was
// awarded with, asks for the documents of re-certifying only, and ends in a new certificate that
// names the one re-certified.
func TestStart_APP02_recertification(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	in := application.StartInput{Standard: sample.Diagnostician, Body: sample.AutonomousCode, Kind: application.Recertification, Certificate: "204580"}
	if _, err := e.svc.Start(ctx, applicant, application.StartInput{Standard: sample.Diagnostician, Body: sample.AutonomousCode, Kind: application.Recertification}); fieldErr(err, "Certificate") == nil {
		t.Errorf("Start(re-certification without a certificate) = %v; want an error for Certificate", err)
	}
	other := actor.OwnerOf(storetest.Holder(5)) // someone who holds no certificate
	if _, err := e.svc.Start(ctx, other, in); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Start(someone else's certificate) = %v; want ErrForbidden", err)
	}
	app, err := e.svc.Start(ctx, applicant, in)
	if err != nil {
		t.Fatal(err)
	}
	if app.Certificate != "204580" || len(app.Conditions) != 2 || !strings.HasPrefix(app.Conditions[0].Text, "Erialane töökogemus") ||
		app.Choice.Specialisation != sample.PassengerCar || app.Choice.SpecialisationName != "Sõiduautodiagnostik, tase 5" ||
		len(app.Choice.Competences) != 1 || app.Choice.ExamLanguageName != "eesti keel" {
		t.Errorf("Start(re-certification) = %+v", app)
	}
	app = must(t)(e.svc.SetPerson(ctx, applicant, app.ID, app.Version, application.PersonInput{Name: app.Applicant.Name, Email: "ema-kaks@example.ee"}))
	app = must(t)(e.svc.Attach(ctx, applicant, app.ID, app.Version, doc("taiendusope", "Koolitused.pdf", "40 h")))
	app = must(t)(e.svc.Review(ctx, applicant, app.ID, app.Version, application.ReviewInput{Confirmed: []bool{true, true}, Declared: true}))
	app = must(t)(e.svc.Submit(ctx, applicant, app.ID, app.Version))
	aay := actor.Body(sample.AutonomousCode)
	app = must(t)(e.svc.Receive(ctx, aay, app.ID, app.Version))
	out, err := e.svc.Award(ctx, aay, app.ID, application.AwardInput{Version: app.Version, Reference: "kutsekomisjoni otsus nr 7"})
	if err != nil {
		t.Fatal(err)
	}
	c := out.Certificate
	if c.Title != "Sõiduautodiagnostik, tase 5" || c.Specialisation != "Sõiduautodiagnostik, tase 5" || c.Extra["recertifies"] != "204580" ||
		c.ValidUntil != calendar.MustDate(2031, 11, 22) || c.IssuerCode != sample.AutonomousCode {
		t.Errorf("the re-certified certificate = %+v", c)
	}
	if _, err := e.svc.Start(ctx, applicant, application.StartInput{Standard: sample.Welder, Body: sample.MachineIndustryCode, Kind: application.Recertification, Certificate: "204580"}); !errors.Is(err, application.ErrRecertify) {
		t.Errorf("Start(re-certify 204580 under another standard) = %v; want ErrRecertify", err)
	}
}
