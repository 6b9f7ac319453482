package proficiency_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/exam/proficiency"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/memstore"
)

// fixture is a service on memstore with a settable clock.
type fixture struct {
	svc    *proficiency.Service
	st     *memstore.Store
	certs  *certificate.Registry
	mu     sync.Mutex
	now    time.Time
	centre actor.Actor
}

func newFixture(t *testing.T, today calendar.Date) *fixture {
	t.Helper()
	f := &fixture{st: memstore.New(), centre: actor.Centre("90008287")}
	f.set(today)
	clock := func() time.Time { f.mu.Lock(); defer f.mu.Unlock(); return f.now }
	var err error
	if f.certs, err = certificate.NewRegistry(f.st, certificate.Config{Now: clock}); err != nil {
		t.Fatal(err)
	}
	if f.svc, err = proficiency.NewService(f.st, proficiency.Config{Certificates: f.certs}); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) set(d calendar.Date) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = time.Date(d.Year, d.Month, d.Day, 9, 0, 0, 0, time.UTC)
}

func (f *fixture) events(t *testing.T) []store.Event {
	t.Helper()
	evs, err := f.st.OutboxEvents(context.Background(), store.EventQuery{Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

func (f *fixture) session(t *testing.T, level proficiency.Level, day calendar.Date) proficiency.Session {
	t.Helper()
	s, _, err := f.svc.CreateSession(t.Context(), f.centre, session(level, day))
	if err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	return s
}

func (f *fixture) register(t *testing.T, p proficiency.Person, s proficiency.Session) proficiency.Registration {
	t.Helper()
	r, _, err := f.svc.Register(t.Context(), actor.OwnerOf(p.Code), proficiency.Application{Person: p, Session: s, Centre: "Tallinn", Channel: proficiency.Online})
	if err != nil {
		t.Fatalf("Register: %v", err)
	}
	return r
}

var olga = proficiency.Person{Name: "Olga Petrova", Code: isikukood.MustParse("48005170012"), Contact: "olga@example.ee"}

// TestNewService_ClockIsRegistrys proves that the service has no clock of its own: a registration
// is dated, and its event timed, by the certificate registry's clock (fixed in 2011), and follows it
// when it moves.
func TestNewService_ClockIsRegistrys(t *testing.T) {
	f := newFixture(t, date(2011, 7, 1))
	r := f.register(t, olga, f.session(t, proficiency.B1, date(2011, 9, 15)))
	if r.RegisteredOn != date(2011, 7, 1) {
		t.Errorf("RegisteredOn = %v; want 2011-07-01 (the registry's today)", r.RegisteredOn)
	}
	evs := f.events(t)
	if last := evs[len(evs)-1]; last.Kind != proficiency.EventRegistered || !last.At.Equal(f.certs.Now()) {
		t.Errorf("registration event %s at %v; want %s at %v (the registry's clock)", last.Kind, last.At, proficiency.EventRegistered, f.certs.Now())
	}
	f.set(date(2011, 7, 4))
	ivan := proficiency.Person{Name: "Ivan Ivanov", Code: isikukood.MustParse("38001085718")}
	if r := f.register(t, ivan, f.session(t, proficiency.B2, date(2011, 9, 22))); r.RegisteredOn != date(2011, 7, 4) {
		t.Errorf("after the registry's clock moved: RegisteredOn = %v; want 2011-07-04", r.RegisteredOn)
	}
}

// TestService_LNG13_sessions proves (LNG-04, LNG-13) who may create a session and that a session breaking a rule is
// refused and not stored.
func TestService_LNG13_sessions(t *testing.T) {
	f := newFixture(t, date(2011, 7, 1))
	ctx := t.Context()
	s := session(proficiency.B2, date(2011, 9, 15))
	if _, _, err := f.svc.CreateSession(ctx, actor.Centre("other"), s); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("CreateSession(other centre) = %v; want ErrForbidden", err)
	}
	bad := s
	bad.WorkRelatedOral = false
	if _, _, err := f.svc.CreateSession(ctx, f.centre, bad); !errors.Is(err, proficiency.ErrSession) {
		t.Errorf("CreateSession(B2 without work-related oral) = %v; want ErrSession (LNG-04)", err)
	}
	if _, err := f.st.ProficiencySession(ctx, s.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the refused session was stored: %v", err)
	}
	got, e, err := f.svc.CreateSession(ctx, actor.Keeper("ministry"), s)
	if err != nil || got.Version != 1 || !e.Applies("LNG-13") {
		t.Errorf("CreateSession(registrar) = %v", err)
	}
}

// TestService_register_LNG07 proves registration through the service: who may register, one exam
// at a time (also under concurrency), the idempotent retry, and that a refusal writes nothing.
func TestService_register_LNG07(t *testing.T) {
	f := newFixture(t, date(2011, 7, 1))
	ctx := t.Context()
	a, b := f.session(t, proficiency.B1, date(2011, 9, 15)), f.session(t, proficiency.B2, date(2011, 9, 22))
	app := proficiency.Application{Key: "portal-1", Person: olga, Session: a, Centre: "Tallinn", Channel: proficiency.Online}
	if _, _, err := f.svc.Register(ctx, actor.OwnerOf(isikukood.MustParse("49502020047")), app); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Register(someone else online) = %v; want ErrForbidden", err)
	}
	if _, _, err := f.svc.Register(ctx, f.centre, app); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Register(centre, online) = %v; want ErrForbidden", err)
	}
	r, d, err := f.svc.Register(ctx, actor.OwnerOf(olga.Code), app)
	if err != nil || r.ID == 0 || r.Status != proficiency.Registered || r.RegisteredOn != date(2011, 7, 1) || !d.Allowed {
		t.Fatalf("Register = %+v, %v", r, err)
	}
	again, _, err := f.svc.Register(ctx, actor.OwnerOf(olga.Code), app)
	if err != nil || again.ID != r.ID {
		t.Errorf("retry = %d, %v; want %d", again.ID, err, r.ID)
	}
	before := len(f.events(t))
	app2 := app
	app2.Key, app2.Session = "portal-2", b
	_, d, err = f.svc.Register(ctx, actor.OwnerOf(olga.Code), app2)
	if x := refusal(t, err, proficiency.ErrAlreadyRegistered); x.Rule != "LNG-07" || d.Refusal != x {
		t.Errorf("second registration: %v", err)
	}
	if n := len(f.events(t)); n != before {
		t.Errorf("the refusal wrote %d events", n-before)
	}
	evs := f.events(t)
	if last := evs[len(evs)-1]; last.Kind != proficiency.EventRegistered || last.Recipient != olga.Code.String() ||
		last.Subject != proficiency.RegistrationSubject(r.ID) || last.Data["notice_due"] != "2011-08-16" {
		t.Errorf("registration event %+v", last)
	}

	// Concurrent registrations of one person for different sessions: exactly one succeeds.
	var sessions []proficiency.Session
	for i := range 10 {
		sessions = append(sessions, f.session(t, proficiency.A2, date(2011, 10, 3).AddDays(i)))
	}
	p := proficiency.Person{Name: "Jaan Tamm", Code: isikukood.MustParse("37605030299")}
	var wg sync.WaitGroup
	errs := make([]error, len(sessions))
	for i, s := range sessions {
		wg.Go(func() {
			_, _, errs[i] = f.svc.Register(ctx, actor.OwnerOf(p.Code), proficiency.Application{Person: p, Session: s, Centre: "Narva", Channel: proficiency.Online})
		})
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		if err == nil {
			ok++
		} else if !errors.Is(err, proficiency.ErrAlreadyRegistered) {
			t.Errorf("concurrent Register = %v; want nil or ErrAlreadyRegistered", err)
		}
	}
	if rs, _ := f.st.PersonProficiencyRegistrations(ctx, p.Key()); ok != 1 || len(rs) != 1 {
		t.Errorf("%d succeeded, %d stored; want 1, 1", ok, len(rs))
	}
}

// TestService_written_LNG05 proves that the exam centre enters written applications, a person
// without a personal code among them, and that such a person's certificate is delivered in written
// form (LNG-18).
func TestService_written_LNG05(t *testing.T) {
	f := newFixture(t, date(2011, 7, 1))
	ctx := t.Context()
	s := f.session(t, proficiency.B1, date(2011, 9, 15))
	ivan := proficiency.Person{Name: "Ivan Ivanov", BirthDate: date(1950, 3, 4)}
	app := proficiency.Application{Person: ivan, Session: s, Centre: "Narva", Channel: proficiency.Written,
		Documents: proficiency.Documents{Form: true}}
	_, _, err := f.svc.Register(ctx, f.centre, app)
	if refusal(t, err, proficiency.ErrDocuments).Rule != "LNG-05" {
		t.Fatalf("written without an ID copy: %v", err)
	}
	app.Documents.IdentityCopy = true
	r, _, err := f.svc.Register(ctx, f.centre, app)
	if err != nil {
		t.Fatal(err)
	}
	f.set(date(2011, 9, 20))
	r, _, err = f.svc.RecordResult(ctx, f.centre, r.ID, proficiency.Result{Points: pts("20", "20", "20", "20")})
	if err != nil || r.Certificate == "" {
		t.Fatalf("RecordResult = %+v, %v", r, err)
	}
	c, err := f.certs.Get(ctx, f.centre, r.Certificate)
	if err != nil || c.Extra["delivery"] != "written" || c.Holder.BirthDate != ivan.BirthDate || !c.Holder.Code.IsZero() {
		t.Errorf("certificate %+v, %v; want written delivery, by birth date", c, err)
	}
}

// TestService_results_LNG18 proves recording a result: grading with special-needs exemptions, the
// result to the person, the certificate of a pass issued exactly once (kind proficiency, portal
// delivery), a fail without one, and the states that refuse.
func TestService_results_LNG18(t *testing.T) {
	f := newFixture(t, date(2011, 7, 1))
	ctx := t.Context()
	s := f.session(t, proficiency.B1, date(2011, 9, 15))
	r := f.register(t, olga, s)
	owner := actor.OwnerOf(olga.Code)
	// special needs: 5 reading points exempt
	if _, _, err := f.svc.RequestSpecialNeeds(ctx, owner, r.ID, ""); refusal(t, err, proficiency.ErrSpecialNeeds).Rule != "LNG-06" {
		t.Errorf("request without a statement: %v", err)
	}
	if _, _, err := f.svc.RequestSpecialNeeds(ctx, owner, r.ID, "eriarsti teatis 3"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.svc.DecideSpecialNeeds(ctx, owner, r.ID, proficiency.Accommodation{}); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("DecideSpecialNeeds(owner) = %v; want ErrForbidden", err)
	}
	if _, _, err := f.svc.DecideSpecialNeeds(ctx, f.centre, r.ID, proficiency.Accommodation{Reference: "EK-1", Exempted: pts("0", "5", "0", "0")}); err != nil {
		t.Fatal(err)
	}
	// the notice, late
	_, e, err := f.svc.RecordNotice(ctx, f.centre, r.ID, date(2011, 8, 20))
	if err != nil || e.Steps[len(e.Steps)-1].En != "the notice was sent on 20.08.2011, after the due date 16.08.2011" {
		t.Errorf("RecordNotice(late) = %v\n%s", err, e)
	}
	// not before the exam day
	if _, _, err := f.svc.RecordResult(ctx, f.centre, r.ID, proficiency.Result{}); !errors.Is(err, proficiency.ErrState) {
		t.Errorf("RecordResult before the exam = %v; want ErrState", err)
	}
	f.set(date(2011, 10, 3))
	if _, _, err := f.svc.RecordResult(ctx, owner, r.ID, proficiency.Result{}); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("RecordResult(owner) = %v; want ErrForbidden", err)
	}
	// 57 of 95 = 60 %
	got, e, err := f.svc.RecordResult(ctx, f.centre, r.ID, proficiency.Result{Points: pts("15", "12", "15", "15")})
	if err != nil || got.Status != proficiency.Graded || !got.Grade.Passed || !got.Grade.Max.Equal(dec("95")) || got.Certificate == "" {
		t.Fatalf("RecordResult = %+v, %v\n%s", got, err, e)
	}
	c, err := f.certs.Get(ctx, owner, got.Certificate)
	if err != nil || c.Kind != certificate.Proficiency || c.IssuerCode != "90008287" || c.Issuer != "Sihtasutus Innove" ||
		c.IssuedOn != date(2011, 10, 3) || c.Extra["delivery"] != "portal" || c.Extra["level"] != "B1" || c.Title != "Eesti keele B1-tase" {
		t.Errorf("certificate %+v, %v", c, err)
	}
	again, err := f.svc.IssueCertificate(ctx, f.centre, r.ID)
	if err != nil || again.Number != c.Number {
		t.Errorf("IssueCertificate again = %s, %v; want %s", again.Number, err, c.Number)
	}
	if cs, _ := f.st.HolderCertificates(ctx, olga.Code); len(cs) != 1 {
		t.Errorf("%d certificates; want 1", len(cs))
	}
	if _, _, err := f.svc.RecordResult(ctx, f.centre, r.ID, proficiency.Result{}); !errors.Is(err, proficiency.ErrState) {
		t.Errorf("a second result = %v; want ErrState", err)
	}
	kinds := map[string]int{}
	for _, ev := range f.events(t) {
		kinds[ev.Kind]++
	}
	if kinds[proficiency.EventGraded] != 1 || kinds[certificate.EventIssued] != 1 || kinds[proficiency.EventCertificate] != 1 || kinds[proficiency.EventNotice] != 1 {
		t.Errorf("events %v", kinds)
	}
	// a fail: no certificate
	f.set(date(2011, 10, 4))
	s2 := f.session(t, proficiency.B2, date(2012, 3, 1))
	r2 := f.register(t, olga, s2)
	f.set(date(2012, 4, 10)) // more than 30 days after the exam
	got, e, err = f.svc.RecordResult(ctx, f.centre, r2.ID, proficiency.Result{Points: pts("5", "5", "5", "5")})
	if err != nil || got.Grade.Passed || got.Certificate != "" {
		t.Errorf("fail: %+v, %v", got, err)
	}
	if last := e.Steps[len(e.Steps)-1]; last.Rule != "LNG-18" {
		t.Errorf("a late result: last step %+v; want the LNG-18 note", last)
	}
	if _, err := f.svc.IssueCertificate(ctx, f.centre, r2.ID); !errors.Is(err, proficiency.ErrState) {
		t.Errorf("IssueCertificate(fail) = %v; want ErrState", err)
	}
}

// TestService_absence_LNG08 proves cancellation, absence and its explanation through the service,
// with the waits they start, and that the next registration respects them.
func TestService_absence_LNG08(t *testing.T) {
	f := newFixture(t, date(2011, 7, 1))
	ctx := t.Context()
	owner := actor.OwnerOf(olga.Code)
	a := f.session(t, proficiency.B1, date(2011, 9, 15))
	r := f.register(t, olga, a)
	// cancelled 8 days before: no wait
	f.set(date(2011, 9, 7))
	got, w, err := f.svc.Cancel(ctx, owner, r.ID)
	if err != nil || got.Status != proficiency.Cancelled || w.Applies {
		t.Fatalf("Cancel = %+v, %+v, %v", got, w, err)
	}
	if _, _, err := f.svc.Cancel(ctx, owner, r.ID); !errors.Is(err, proficiency.ErrState) {
		t.Errorf("Cancel twice = %v; want ErrState", err)
	}
	// register again, be absent
	b := f.session(t, proficiency.B1, date(2011, 11, 10))
	r = f.register(t, olga, b)
	if _, _, err := f.svc.RecordAbsence(ctx, f.centre, r.ID); !errors.Is(err, proficiency.ErrState) {
		t.Errorf("RecordAbsence before the exam = %v; want ErrState", err)
	}
	f.set(date(2011, 11, 10))
	_, w, err = f.svc.RecordAbsence(ctx, f.centre, r.ID)
	if err != nil || !w.Applies || w.From != date(2012, 5, 11) {
		t.Fatalf("RecordAbsence = %+v, %v", w, err)
	}
	c := f.session(t, proficiency.B1, date(2012, 2, 16))
	f.set(date(2011, 12, 1))
	_, _, err = f.svc.Register(ctx, owner, proficiency.Application{Person: olga, Session: c, Centre: "Tallinn", Channel: proficiency.Online})
	if x := refusal(t, err, proficiency.ErrRetakeWait); x.ExamFrom != date(2012, 5, 11) {
		t.Errorf("inside the wait: %+v", x)
	}
	// the explanation, with evidence, in time and accepted: the wait is lifted
	_, w, err = f.svc.RecordExplanation(ctx, f.centre, r.ID, proficiency.Absence{ExplanationFiled: date(2011, 11, 30), Evidence: "arstitõend 44", Accepted: true})
	if err != nil || w.Applies {
		t.Fatalf("RecordExplanation = %+v, %v", w, err)
	}
	if _, _, err := f.svc.Register(ctx, owner, proficiency.Application{Person: olga, Session: c, Centre: "Tallinn", Channel: proficiency.Online}); err != nil {
		t.Errorf("after the explanation: %v", err)
	}
	if _, err := f.svc.Registration(ctx, actor.OwnerOf(isikukood.MustParse("49502020047")), r.ID); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Registration(someone else) = %v", err)
	}
	if got, err := f.svc.Registration(ctx, owner, r.ID); err != nil || got.Absence == nil || !got.Absence.Accepted {
		t.Errorf("Registration(owner) = %+v, %v", got, err)
	}
}

// TestService_groups_LNG12 proves the service's group assignment.
func TestService_groups_LNG12(t *testing.T) {
	f := newFixture(t, date(2011, 7, 1))
	s := f.session(t, proficiency.A2, date(2011, 9, 15))
	for i := range 23 {
		born := date(1970, 1, 1).AddDays(i)
		c, _ := isikukood.Make(isikukood.Male, born, 100+i)
		f.register(t, proficiency.Person{Name: "P", Code: c}, s)
	}
	gs, _, err := f.svc.Groups(t.Context(), f.centre, s.ID)
	if err != nil || len(gs) != 2 || len(gs[0].Registrations) != 12 || len(gs[1].Registrations) != 11 {
		t.Errorf("Groups = %+v, %v; want 12 and 11", gs, err)
	}
	if _, _, err := f.svc.Groups(t.Context(), actor.Anonymous(), s.ID); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Groups(public) = %v", err)
	}
}
