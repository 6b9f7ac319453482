package application_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/store"
)

// fieldErr returns the field error of err for field, or nil.
func fieldErr(err error, field string) *invalid.FieldError {
	if es, ok := errors.AsType[*invalid.Errors](err); ok {
		return es.Field(field)
	}
	return nil
}

// TestNewService_ClockIsRegistrys proves that the service has no clock of its own: a draft is
// started at the certificate registry's time, and the service's today is the registry's, moving
// with it (the test's clock stands on 23.11.2026, not the machine's today).
func TestNewService_ClockIsRegistrys(t *testing.T) {
	e := newEnv(t)
	app, err := e.svc.Start(t.Context(), applicant, application.StartInput{Standard: sample.Welder, Body: sample.MachineIndustryCode, Kind: application.First})
	if err != nil {
		t.Fatal(err)
	}
	if want := e.reg.Now(); !app.CreatedAt.Equal(want) || e.svc.Today() != start {
		t.Errorf("CreatedAt = %v, Today() = %v; want %v, %v (the registry's clock)", app.CreatedAt, e.svc.Today(), want, start)
	}
	e.clk.set(start.AddDays(3))
	if got := e.svc.Today(); got != start.AddDays(3) {
		t.Errorf("after the registry's clock moved: Today() = %v; want %v", got, start.AddDays(3))
	}
}

// TestStart_APP05_prefilled proves that a draft starts pre-filled from the register and the
// personal code (APP-05): the code, the birth date, the name from the certificate the register
// holds, the awarding body, the standard's version in force on the day (GEN-04) and its conditions
// (APP-02); and that it is a draft its applicant resumes at the first step not done.
func TestStart_APP05_prefilled(t *testing.T) {
	e := newEnv(t)
	app, err := e.svc.Start(t.Context(), applicant, application.StartInput{Standard: sample.Welder, Body: sample.MachineIndustryCode, Kind: application.First})
	if err != nil {
		t.Fatal(err)
	}
	p := app.Applicant
	if p.Code != person || p.Born.String() != "1995-02-02" || p.Name != "Ema-Kaks Piskel" || p.NameFrom != application.FromKutseregister {
		t.Errorf("Applicant = %+v; want pre-filled from the code and the register", p)
	}
	if app.State != application.Draft || app.Version != 1 || app.StandardVersion != sample.WelderV9 || app.Receiver != sample.MachineIndustryCode ||
		app.BodyName != "Eesti Masinatööstuse Liit" || len(app.Conditions) != 2 || app.Conditions[1].Confirmed {
		t.Errorf("Start = %+v", app)
	}
	v, err := e.svc.View(t.Context(), applicant, app.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v.Current != application.StepPerson || len(v.Pages) != 5 || v.Pages[0].Done {
		t.Errorf("View: current %v, %d pages; want resumed at the personal data (no e-mail yet)", v.Current, len(v.Pages))
	}
	if f := v.Pages[0].Problems.Field("Person.Email"); f == nil || !strings.Contains(f.Reason, "APP-07") {
		t.Errorf("personal data problems = %v; want the e-mail required for the notices", v.Pages[0].Problems)
	}
	if _, err := e.svc.Get(t.Context(), body, app.ID); err == nil {
		t.Error("the body reads a draft; a draft is its applicant's own")
	}
}

// TestFlow_APP05 proves the guided flow step by step: each step validated with an error per field
// and nothing saved when a field is wrong, the steps as data (fields, options, values), a draft
// resumed where it was left, optimistic concurrency, and submission refused until every required
// document is attached and the review is done.
func TestFlow_APP05(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	app := must(t)(e.svc.Start(ctx, applicant, application.StartInput{Standard: sample.Welder, Body: sample.MachineIndustryCode, Kind: application.First}))

	// Step 1: every wrong field named, nothing saved.
	_, err := e.svc.SetPerson(ctx, applicant, app.ID, app.Version, application.PersonInput{Name: "", Email: "ema-kaks@", Phone: "helista mulle"})
	for _, f := range []string{"Person.Name", "Person.Email", "Person.Phone"} {
		if fieldErr(err, f) == nil {
			t.Errorf("SetPerson(bad) = %v; want an error for %s", err, f)
		}
	}
	if !errors.Is(err, invalid.ErrInvalid) {
		t.Errorf("SetPerson(bad) = %v; want ErrInvalid", err)
	}
	if _, err := e.svc.SetPerson(ctx, applicant, app.ID, app.Version, application.PersonInput{Name: "Ema 中 Piskel", Email: "e@example.ee"}); fieldErr(err, "Person.Name") == nil {
		t.Errorf("SetPerson(a name the form cannot show) = %v; want an error for Person.Name", err)
	}
	if got, _ := e.svc.Get(ctx, applicant, app.ID); got.Version != app.Version || got.Applicant.Email != "" {
		t.Errorf("a refused step saved something: %+v", got.Applicant)
	}
	app = must(t)(e.svc.SetPerson(ctx, applicant, app.ID, app.Version, application.PersonInput{Name: "Ema-Kaks Piskel", Email: " ema-kaks@example.ee "}))
	if app.Applicant.Email != "ema-kaks@example.ee" || app.Version != 2 {
		t.Errorf("SetPerson = %+v v%d", app.Applicant, app.Version)
	}
	if _, err := e.svc.SetPerson(ctx, applicant, app.ID, 1, application.PersonInput{Name: "Ema-Kaks Piskel", Email: "x@example.ee"}); !errors.Is(err, store.ErrConflict) {
		t.Errorf("SetPerson(stale version) = %v; want ErrConflict", err)
	}

	// Step 2: the choice checked against what the body awards under the standard.
	for _, tc := range []struct {
		c     application.Choice
		field string
	}{
		{application.Choice{Partial: 999, ExamLanguage: sample.Estonian}, "Choice.Partial"},
		{application.Choice{Partial: sample.ManualArcPartial, Specialisation: sample.PassengerCar, ExamLanguage: sample.Estonian}, "Choice.Specialisation"},
		{application.Choice{Competences: []register.ID{sample.ManualArc, sample.ManualArc}, ExamLanguage: sample.Estonian}, "Choice.Competences[1]"},
		{application.Choice{Competences: []register.ID{11400010}, ExamLanguage: sample.Estonian}, "Choice.Competences[0]"}, // mandatory, not elective
		{application.Choice{}, "Choice.ExamLanguage"},
		{application.Choice{ExamLanguage: 7}, "Choice.ExamLanguage"},
	} {
		if _, err := e.svc.Choose(ctx, applicant, app.ID, app.Version, tc.c); fieldErr(err, tc.field) == nil {
			t.Errorf("Choose(%+v) = %v; want an error for %s", tc.c, err, tc.field)
		}
	}
	app = must(t)(e.svc.Choose(ctx, applicant, app.ID, app.Version, application.Choice{Competences: []register.ID{sample.TIG, sample.ManualArc}, ExamLanguage: sample.Russian}))
	if c := app.Choice; c.Title != "Keevitaja, tase 4" || strings.Join(c.CompetenceNames, ", ") != "TIG-keevitus, Käsikaarkeevitus" || c.ExamLanguageName != "vene keel" {
		t.Errorf("Choose = %+v; want the names filled in", c)
	}

	// The pages are data: the documents the body requires, the options of the choice.
	v, _ := e.svc.View(ctx, applicant, app.ID)
	if v.Current != application.StepDocuments {
		t.Errorf("resumed at %v; want the documents", v.Current)
	}
	docs := v.Pages[2]
	var names []string
	for _, f := range docs.Fields {
		req := ""
		if f.Required {
			req = "*"
		}
		names = append(names, f.Name+req)
	}
	if got := strings.Join(names, " "); got != "Attachments[cv]* Attachments[haridus]* Attachments[tookogemus]* Attachments[sertifikaat] Attachments[]" {
		t.Errorf("documents page fields = %s", got)
	}
	if opts := v.Pages[1].Fields[4].Options; len(opts) != 3 || opts[0].Label.Et != "Käsikaarkeevitus" {
		t.Errorf("competence options = %+v; want the three elective competences", opts)
	}

	// Step 3: attachments checked; submission refused while a required document is missing.
	bad := doc("diplom", "../Diplom.exe", "x")
	bad.MediaType, bad.SHA256, bad.Size = "application/x-msdownload", "XYZ", 0
	_, err = e.svc.Attach(ctx, applicant, app.ID, app.Version, bad)
	for _, f := range []string{"Attachment.Document", "Attachment.Name", "Attachment.MediaType", "Attachment.Size", "Attachment.SHA256"} {
		if fieldErr(err, f) == nil {
			t.Errorf("Attach(bad) = %v; want an error for %s", err, f)
		}
	}
	app = must(t)(e.svc.Attach(ctx, applicant, app.ID, app.Version, doc("cv", "CV.pdf", "cv")))
	if _, err := e.svc.Attach(ctx, applicant, app.ID, app.Version, doc("cv", "CV2.pdf", "cv")); fieldErr(err, "Attachment.SHA256") == nil {
		t.Errorf("Attach(the same file again) = %v; want it refused", err)
	}
	_, err = e.svc.Submit(ctx, applicant, app.ID, app.Version)
	for _, f := range []string{"Attachments[haridus]", "Attachments[tookogemus]", "Conditions[0]", "Declared"} {
		if fieldErr(err, f) == nil {
			t.Errorf("Submit(incomplete) = %v; want an error for %s", err, f)
		}
	}
	if fieldErr(err, "Attachments[sertifikaat]") != nil || fieldErr(err, "Attachments[cv]") != nil {
		t.Errorf("Submit(incomplete) = %v; an optional or attached document is not missing", err)
	}
	app = must(t)(e.svc.Attach(ctx, applicant, app.ID, app.Version, doc("haridus", "Diplom.pdf", "diplom")))
	app = must(t)(e.svc.Attach(ctx, applicant, app.ID, app.Version, doc("tookogemus", "Tõend.pdf", "tõend")))
	app = must(t)(e.svc.Attach(ctx, applicant, app.ID, app.Version, doc("", "Lisa.pdf", "lisa")))
	app = must(t)(e.svc.Detach(ctx, applicant, app.ID, app.Version, doc("", "Lisa.pdf", "lisa").SHA256))
	if len(app.Attachments) != 3 || app.Attachments[0].DocumentName != "Elulookirjeldus" {
		t.Errorf("attachments = %+v", app.Attachments)
	}

	// Step 4: one flag per condition.
	if _, err := e.svc.Review(ctx, applicant, app.ID, app.Version, application.ReviewInput{Confirmed: []bool{true}, Declared: true}); fieldErr(err, "Confirmed") == nil {
		t.Errorf("Review(one flag for two conditions) = %v", err)
	}
	app = must(t)(e.svc.Review(ctx, applicant, app.ID, app.Version, application.ReviewInput{Confirmed: []bool{true, false}, Declared: true}))
	if _, err := e.svc.Submit(ctx, applicant, app.ID, app.Version); fieldErr(err, "Conditions[1]") == nil {
		t.Errorf("Submit(a condition not confirmed) = %v", err)
	}
	app = must(t)(e.svc.Review(ctx, applicant, app.ID, app.Version, application.ReviewInput{Confirmed: []bool{true, true}, Declared: true}))
	v, _ = e.svc.View(ctx, applicant, app.ID)
	if v.Current != application.StepSubmit || !v.Pages[4].Done {
		t.Errorf("after every step: current %v; want the submit step, done", v.Current)
	}
	app = must(t)(e.svc.Submit(ctx, applicant, app.ID, app.Version))
	if app.State != application.Submitted || app.Form.IsZero() || app.Form.Name != application.FormName(app.ID) || app.Submitted != start {
		t.Errorf("Submit = %s, form %q (%d bytes), submitted %s", app.State, app.Form.Name, len(app.Form.Data), app.Submitted)
	}
	if _, err := e.svc.SetPerson(ctx, applicant, app.ID, app.Version, application.PersonInput{Name: "X", Email: "x@example.ee"}); !errors.Is(err, application.ErrState) {
		t.Errorf("SetPerson(after submission) = %v; want ErrState", err)
	}
}

// TestSubmit_APP02_rounds proves that where the body announced application rounds a submission
// outside them is refused, and inside one accepted.
func TestSubmit_APP02_rounds(t *testing.T) {
	e := newEnv(t)
	set, _ := e.svc.Settings(t.Context(), body, sample.MachineIndustryCode)
	set.Qualifications[0].Info.Rounds = []register.Round{{Opens: start.AddDays(3), Closes: start.AddDays(20)}}
	if _, err := e.svc.PutSettings(t.Context(), body, set); err != nil {
		t.Fatal(err)
	}
	app := e.draft(t, application.StartInput{})
	if _, err := e.svc.Submit(t.Context(), applicant, app.ID, app.Version); !errors.Is(err, application.ErrRound) {
		t.Errorf("Submit(before the round) = %v; want ErrRound", err)
	}
	e.clk.set(start.AddDays(3))
	if _, err := e.svc.Submit(t.Context(), applicant, app.ID, app.Version); err != nil {
		t.Errorf("Submit(in the round) = %v", err)
	}
}
