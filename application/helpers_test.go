package application_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"testing"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/memstore"
)

// clock is a clock the tests move.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// set moves the clock to 10:30 in Tallinn on day d.
func (c *clock) set(d calendar.Date) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = time.Date(d.Year, d.Month, d.Day, 8, 30, 0, 0, time.UTC)
}

var (
	person    = sample.Holder() // Ema-Kaks Piskel
	applicant = actor.OwnerOf(person)
	body      = actor.Body(sample.MachineIndustryCode)
	partner   = actor.Actor{Role: actor.Partner, Org: sample.WeldingSchoolCode, For: sample.MachineIndustryCode}
	keeper    = actor.Keeper("90006414")
	start     = calendar.MustDate(2026, time.November, 23) // a Monday
)

// env is a service on memstore with the sample register data and the bodies' settings, its clock on
// start.
type env struct {
	svc *application.Service
	st  *memstore.Store
	reg *certificate.Registry
	clk *clock
}

func newEnv(t testing.TB) *env {
	t.Helper()
	e := &env{st: memstore.New(), clk: &clock{}}
	e.clk.set(start)
	var err error
	if e.reg, err = certificate.NewRegistry(e.st, certificate.Config{Now: e.clk.Now,
		Series: map[certificate.Kind]certificate.Series{certificate.Occupational: {Width: 6, First: 204600}}}); err != nil {
		t.Fatal(err)
	}
	if e.svc, err = application.NewService(e.st, application.Config{Register: sample.Register(), Certificates: e.reg}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []application.Settings{sample.MachineIndustrySettings(), sample.AutonomousSettings()} {
		a := actor.Body(s.Body)
		if _, err := e.svc.PutSettings(t.Context(), a, s); err != nil {
			t.Fatal(err)
		}
	}
	// The register knows the person from certificate 204580.
	if _, err := e.st.IssueCertificate(t.Context(), certificate.Issue{Certificate: sample.Certificate204580()}); err != nil {
		t.Fatal(err)
	}
	return e
}

// doc returns an attachment of document code with content text.
func doc(code, name, text string) application.Attachment {
	sum := sha256.Sum256([]byte(text))
	return application.Attachment{Document: code, Name: name, MediaType: "application/pdf", Size: int64(len(text)),
		SHA256: hex.EncodeToString(sum[:]), Ref: "files/" + name}
}

// draft starts a first application for the welder's qualification and fills in every step: the
// contacts, the choice (manual arc welding, in Estonian), the three required documents, the
// conditions and the declaration.
func (e *env) draft(t testing.TB, in application.StartInput) application.Application {
	t.Helper()
	ctx := t.Context()
	if in.Standard == 0 {
		in = application.StartInput{Standard: sample.Welder, Body: sample.MachineIndustryCode, Kind: application.First, Receiver: in.Receiver}
	}
	app, err := e.svc.Start(ctx, applicant, in)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	app = must(t)(e.svc.SetPerson(ctx, applicant, app.ID, app.Version, application.PersonInput{Name: app.Applicant.Name, Email: "ema-kaks@example.ee", Phone: "+372 5123 4567"}))
	app = must(t)(e.svc.Choose(ctx, applicant, app.ID, app.Version, application.Choice{Competences: []register.ID{sample.ManualArc}, ExamLanguage: sample.Estonian}))
	for _, d := range []application.Attachment{doc("cv", "CV.pdf", "cv"), doc("haridus", "Diplom.pdf", "diplom"), doc("tookogemus", "Tõend.pdf", "tõend")} {
		app = must(t)(e.svc.Attach(ctx, applicant, app.ID, app.Version, d))
	}
	confirmed := make([]bool, len(app.Conditions))
	for i := range confirmed {
		confirmed[i] = true
	}
	return must(t)(e.svc.Review(ctx, applicant, app.ID, app.Version, application.ReviewInput{Confirmed: confirmed, Declared: true}))
}

// received returns a drafted application submitted and taken into processing by the body.
func (e *env) received(t *testing.T) application.Application {
	t.Helper()
	app := e.draft(t, application.StartInput{})
	app = must(t)(e.svc.Submit(t.Context(), applicant, app.ID, app.Version))
	return must(t)(e.svc.Receive(t.Context(), body, app.ID, app.Version))
}

// must returns a function that fails t on an error and returns the application.
func must(t testing.TB) func(application.Application, error) application.Application {
	return func(a application.Application, err error) application.Application {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
}

// events returns the outbox's events from after.
func (e *env) events(t *testing.T, after int64) []store.Event {
	t.Helper()
	evs, err := e.st.OutboxEvents(context.Background(), store.EventQuery{AfterID: after})
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

func lastEventID(t *testing.T, e *env) int64 {
	evs := e.events(t, 0)
	if len(evs) == 0 {
		return 0
	}
	return evs[len(evs)-1].ID
}
