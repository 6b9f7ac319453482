package application

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/deadline"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// People is the population register (rahvastikuregister) as the host reaches it (over X-Road): a
// person's name by personal code (KRPM § 12¹ (2): names and personal codes come from there).
type People interface {
	// Name returns the first and last name of the person with the code, or an error wrapping
	// store.ErrNotFound.
	Name(ctx context.Context, code isikukood.Code) (string, error)
}

// Config configures a [Service]. It is passed by value.
type Config struct {
	// Register is the register's reference data: standards and awarding bodies. Required.
	Register Register
	// Certificates is the host's certificate registry. It issues the certificate of an award
	// (APP-08), through Registry.PrepareIssue and the store's AwardApplication, in one commit, and
	// its clock is the service's ([certificate.Registry.Now]): today is its date in Europe/Tallinn.
	// Required.
	Certificates *certificate.Registry
	// People, when set, pre-fills the applicant's name from the population register; otherwise
	// from the newest certificate the register holds for the person.
	People People
}

// Service runs applications for a qualification or re-certification (APP-03..09): where to apply,
// the awarding body's settings, the guided flow from draft to submission with the form generated,
// processing by the awarding body or its partner, the decision (an award issues the certificate in
// the same commit, exactly once) and the contest. Every call takes the acting [actor.Actor]; a
// refused or failed call changes nothing. Steps that change an application take the Version the
// caller read (optimistic concurrency): a stale one is an error wrapping store.ErrConflict. A
// Service is safe for concurrent use.
type Service struct {
	st  Store
	cfg Config
}

// NewService returns a Service on st. A nil st, Config.Register or Config.Certificates is an
// *invalid.FieldError naming it, wrapping invalid.ErrInvalid.
func NewService(st Store, cfg Config) (*Service, error) {
	switch {
	case st == nil:
		return nil, &invalid.FieldError{Pkg: pkg, Field: "store", Reason: "is required (NewService)"}
	case cfg.Register == nil:
		return nil, &invalid.FieldError{Pkg: pkg, Field: "Config.Register", Reason: "is required: the standards and awarding bodies (NewService)"}
	case cfg.Certificates == nil:
		return nil, &invalid.FieldError{Pkg: pkg, Field: "Config.Certificates", Reason: "is required: the certificate registry, which issues the certificates of awards (NewService)"}
	}
	return &Service{st: st, cfg: cfg}, nil
}

// instant returns the registry's clock's time to the microsecond, the precision PostgreSQL keeps.
func (s *Service) instant() time.Time { return s.cfg.Certificates.Now().Truncate(time.Microsecond) }

// Today returns the service's current date in Europe/Tallinn: the certificate registry's today.
func (s *Service) Today() calendar.Date { return s.cfg.Certificates.Today() }

// settings returns the body's settings, zero (not an error) when it made none.
func (s *Service) settings(ctx context.Context, body string) (Settings, error) {
	set, err := s.st.BodySettings(ctx, body)
	if errors.Is(err, store.ErrNotFound) {
		return Settings{}, nil
	}
	return set, err
}

// Settings returns the awarding body's settings (APP-03, APP-04): public information, anyone may
// read them. A body that made none is an error wrapping store.ErrNotFound.
func (s *Service) Settings(ctx context.Context, a actor.Actor, body string) (Settings, error) {
	if err := a.Validate(); err != nil {
		return Settings{}, err
	}
	return s.st.BodySettings(ctx, body)
}

// PutSettings stores the awarding body's settings (APP-03, APP-04): new ones with Version 0, else
// over the version the caller read. Only the body itself (not a partner) or the registrar may; the
// settings are checked with [Settings.Validate].
func (s *Service) PutSettings(ctx context.Context, a actor.Actor, set Settings) (Settings, error) {
	if err := a.Validate(); err != nil {
		return Settings{}, err
	}
	if a.Role != actor.Registrar && (a.Role != actor.AwardingBody || a.Org != set.Body) {
		return Settings{}, actor.Deny(a, "set the application settings of "+set.Body, "only the awarding body itself or the registrar may")
	}
	set = set.Clone()
	if err := set.Validate(); err != nil {
		return Settings{}, err
	}
	set.UpdatedAt = s.instant()
	return s.st.PutBodySettings(ctx, set)
}

// lookup is what the register and the body's settings say about applying for a standard on a day.
type lookup struct {
	std      register.Standard
	dest     Destination
	offer    Offer
	settings Settings
}

// offer reads the register's data and the body's settings for standard std and body, and says where
// to apply on day d.
func (s *Service) offer(ctx context.Context, std register.ID, body string, d calendar.Date) (lookup, error) {
	sd, err := s.cfg.Register.Standard(ctx, std)
	if err != nil {
		return lookup{}, err
	}
	b, err := s.cfg.Register.AwardingBody(ctx, body)
	if err != nil {
		return lookup{}, err
	}
	set, err := s.settings(ctx, body)
	if err != nil {
		return lookup{}, err
	}
	dest, err := Where(sd, b, set, d)
	if err != nil {
		return lookup{}, err
	}
	return lookup{std: sd, dest: dest, settings: set,
		offer: Offer{Version: dest.Version, Award: dest.Award, Body: b, Qualification: dest.Qualification}}, nil
}

// Where answers "apply here" or "go to <URL>" for the standard with one of its version ids std,
// awarded by the body with registry code body, on today's date (APP-03, see [Where]). Anyone may
// ask.
func (s *Service) Where(ctx context.Context, a actor.Actor, std register.ID, body string) (Destination, error) {
	if err := a.Validate(); err != nil {
		return Destination{}, err
	}
	l, err := s.offer(ctx, std, body, s.Today())
	return l.dest, err
}

// StartInput is what [Service.Start] takes.
type StartInput struct {
	Standard register.ID // the standard, by the id of any of its versions
	Body     string      // the awarding body's registry code
	Kind     Kind        // First or Recertification
	// Certificate is, for re-certification, the applicant's certificate to re-certify (APP-02).
	Certificate certificate.Number
	// Receiver is the partner to submit to (APP-04), by registry code; "" for the body itself.
	Receiver string
}

// Start starts a draft application for the person acting (an owner actor: the person logged in with
// their personal code) on today's date (APP-05), pre-filled: the personal code and birth date from
// the code, the name from the population register ([Config.People]) or the newest certificate in
// the register, the contacts from the person's previous application, the standard's version in
// force and its conditions; for re-certification the certificate, checked ([Recertifiable], APP-02),
// and the choice it was awarded with.
//
// Where the body has not joined for the qualification the answer is an *[ElsewhereError] with the
// address to go to (APP-03), and nothing is stored. A receiver must be a partner the body
// authorised for the standard (APP-04).
func (s *Service) Start(ctx context.Context, a actor.Actor, in StartInput) (Application, error) {
	if err := a.Validate(); err != nil {
		return Application{}, err
	}
	if a.Role != actor.Owner {
		return Application{}, actor.Deny(a, "start an application", "a person applies for themselves, logged in with their personal code")
	}
	e := newErrors()
	if in.Standard <= 0 || in.Standard > register.MaxID {
		e.Add("Standard", strconv.FormatInt(int64(in.Standard), 10), "is required: the id of the standard")
	}
	if !register.ValidRegistryCode(in.Body) {
		e.Add("Body", in.Body, "must be the awarding body's registry code of eight digits")
	}
	switch {
	case !in.Kind.Valid():
		e.Add("Kind", strconv.Itoa(int(in.Kind)), "must be 1 (first) or 2 (recertification)")
	case in.Kind == Recertification && in.Certificate == "":
		e.Add("Certificate", "", "is required: the certificate to re-certify (APP-02)")
	case in.Kind == First && in.Certificate != "":
		e.Add("Certificate", string(in.Certificate), "must be empty when applying for the first time")
	}
	if err := e.Err(); err != nil {
		return Application{}, err
	}
	now := s.instant()
	today := calendar.DateOf(now)
	l, err := s.offer(ctx, in.Standard, in.Body, today)
	if err != nil {
		return Application{}, err
	}
	if !l.dest.Here {
		return Application{}, &ElsewhereError{Body: in.Body, URL: l.dest.URL}
	}
	o, set, std := &l.offer, &l.settings, l.std
	app := Application{
		Kind: in.Kind, State: Draft, Body: o.Body.Code, BodyName: o.Body.Name, Receiver: o.Body.Code, ReceiverName: o.Body.Name,
		Standard: std.ID, StandardVersion: o.Version.ID, StandardName: o.Version.Name, Level: o.Version.EKR,
		Conditions: conditions(&o.Version, in.Kind, nil), CreatedAt: now,
	}
	if in.Receiver != "" && in.Receiver != o.Body.Code {
		p, ok := set.Partner(in.Receiver)
		if !ok || !p.Covers(std.ID, today) {
			return Application{}, &RuleError{Pkg: pkg, Rule: RulePartner, Citation: selfService.String(), Op: "submit to " + in.Receiver,
				Reason: in.Receiver + " is not a partner " + o.Body.Name + " authorised to receive applications for " + o.Version.Name, Err: ErrPartner}
		}
		app.Receiver, app.ReceiverName = p.Code, p.Name
	}
	if err := s.prefill(ctx, &app, a.Person); err != nil {
		return Application{}, err
	}
	if in.Kind == Recertification {
		c, err := s.st.Certificate(ctx, in.Certificate)
		if err != nil {
			return Application{}, err
		}
		if !a.Is(c.Holder.Code) {
			return Application{}, actor.Deny(a, "re-certify "+string(in.Certificate), "only the certificate's holder re-certifies it")
		}
		if _, err := Recertifiable(c, std, o.Qualification, today); err != nil {
			return Application{}, err
		}
		app.Certificate = c.Number
		if ch, err := ResolveChoice(choiceOf(&c, o), o); err == nil {
			app.Choice = ch
		}
	}
	return s.st.CreateApplication(ctx, app, nil)
}

// prefill fills in the applicant's personal data (APP-05: "eeltäidetud andmeväljad").
func (s *Service) prefill(ctx context.Context, app *Application, code isikukood.Code) error {
	p := &app.Applicant
	p.Code, p.Born = code, code.BirthDate()
	if s.cfg.People != nil {
		name, err := s.cfg.People.Name(ctx, code)
		switch {
		case err == nil && strings.TrimSpace(name) != "":
			p.Name, p.NameFrom = strings.TrimSpace(name), FromPopulationRegister
		case err != nil && !errors.Is(err, store.ErrNotFound):
			return fmt.Errorf("application: the population register: %w", err)
		}
	}
	if p.Name == "" {
		cs, err := s.st.HolderCertificates(ctx, code)
		if err != nil {
			return err
		}
		slices.SortStableFunc(cs, func(x, y certificate.Certificate) int { return y.IssuedOn.Compare(x.IssuedOn) })
		if len(cs) > 0 {
			p.Name, p.NameFrom = cs[0].Holder.Name, FromKutseregister
		}
	}
	prev, err := s.st.Applications(ctx, Query{Applicant: code, Limit: store.MaxLimit})
	if err != nil {
		return err
	}
	for i := len(prev) - 1; i >= 0; i-- {
		if q := prev[i].Applicant; q.Email != "" {
			p.Email, p.Phone, p.Address = q.Email, q.Phone, q.Address
			break
		}
	}
	return nil
}

// choiceOf returns the choice a certificate was awarded with, by the names it carries.
func choiceOf(c *certificate.Certificate, o *Offer) Choice {
	var ch Choice
	for _, r := range o.Award.Specialisations {
		if sameName(r.Name, c.Specialisation) || sameName(r.Name, c.Title) && c.Title != o.Version.Name {
			ch.Specialisation = r.ID
		}
	}
	if c.Kind == certificate.Partial {
		for _, r := range o.Award.Partials {
			if sameName(r.Name, c.Title) {
				ch.Partial, ch.Specialisation = r.ID, 0
			}
		}
	}
	for _, comp := range o.electives(&ch) {
		if slices.ContainsFunc(c.Competences, func(n string) bool { return sameName(n, comp.Name) }) {
			ch.Competences = append(ch.Competences, comp.ID)
		}
	}
	for _, r := range o.Body.ExamLanguages {
		if sameName(r.Name, c.ExamLanguage) {
			ch.ExamLanguage = r.ID
		}
	}
	return ch
}

// load reads application id and returns it with the capacity in which a acts on it and the body's
// settings, or refuses an actor that may not see it.
func (s *Service) load(ctx context.Context, a actor.Actor, id int64) (Application, Party, Settings, error) {
	if err := a.Validate(); err != nil {
		return Application{}, Nobody, Settings{}, err
	}
	app, err := s.st.Application(ctx, id)
	if err != nil {
		return Application{}, Nobody, Settings{}, err
	}
	set, err := s.settings(ctx, app.Body)
	if err != nil {
		return Application{}, Nobody, Settings{}, err
	}
	p := PartyOf(a, &app, &set, s.Today())
	switch {
	case p == Nobody && a.Role == actor.Registrar:
	case p == Nobody, p != Applicant && app.State == Draft:
		return Application{}, Nobody, Settings{}, actor.Deny(a, "read application "+strconv.FormatInt(id, 10),
			"only its applicant, its awarding body, the partner it was submitted to, or the registrar may (a draft is its applicant's)")
	}
	return app, p, set, nil
}

// Get returns application id for its applicant, its awarding body, the partner that received it
// (not a draft: that is the applicant's own) or the registrar.
func (s *Service) Get(ctx context.Context, a actor.Actor, id int64) (Application, error) {
	app, _, _, err := s.load(ctx, a, id)
	return app, err
}

// View is an application with its flow (APP-05), the actions the actor may take and its deadlines.
type View struct {
	Application Application
	Pages       []Page   // the flow's steps as data
	Current     Step     // where a resumed draft continues
	Actions     []Action // what the actor may do now (APP-08)
	Deadlines   []Tracked
}

// View returns application id as the actor sees it on today's date: the flow's pages with their
// values, options and problems (a draft resumed continues at Current), the actions the actor may
// take, and the deadlines.
func (s *Service) View(ctx context.Context, a actor.Actor, id int64) (View, error) {
	app, p, _, err := s.load(ctx, a, id)
	if err != nil {
		return View{}, err
	}
	v := View{Application: app, Actions: Actions(app.State, p)}
	if app.State == Draft || app.State == Incomplete {
		l, err := s.offer(ctx, app.Standard, app.Body, s.Today())
		if err != nil {
			return View{}, err
		}
		v.Pages = Pages(&app, &l.offer)
		v.Current = Current(v.Pages)
	}
	if v.Deadlines, err = Track(&app, s.Today()); err != nil {
		return View{}, err
	}
	return v, nil
}

// step runs one action on application id: it checks that a may take it in the application's state
// (APP-08) and that version is the one stored, lets change edit the application and return its
// events, and stores both in one commit.
func (s *Service) step(ctx context.Context, a actor.Actor, id, version int64, act Action,
	change func(app *Application, p Party, set *Settings, now time.Time) ([]store.Event, error)) (Application, error) {
	out, err := s.run(ctx, a, id, version, act, change, s.update)
	return out.Application, err
}

// run is step with the commit given: a decision to award commits through the store's
// AwardApplication.
func (s *Service) run(ctx context.Context, a actor.Actor, id, version int64, act Action,
	change func(app *Application, p Party, set *Settings, now time.Time) ([]store.Event, error),
	commit func(ctx context.Context, app Application, evs []store.Event) (Issued, error)) (Issued, error) {
	app, p, set, err := s.load(ctx, a, id)
	if err != nil {
		return Issued{}, err
	}
	op := act.String() + " application " + strconv.FormatInt(id, 10)
	if !May(act, p) {
		who := make([]string, 0, 2)
		for _, q := range transition(act).By {
			who = append(who, q.String())
		}
		return Issued{}, actor.Deny(a, op, "only the "+strings.Join(who, " or the ")+" may "+act.Name().En+" (APP-08)")
	}
	if !Allowed(act, app.State, p) {
		return Issued{}, stateErr(&app, act, "")
	}
	if app.Version != version {
		return Issued{}, fmt.Errorf("application: %s: version %d was read, the application is at version %d: %w", op, version, app.Version, store.ErrConflict)
	}
	evs, err := change(&app, p, &set, s.instant())
	if err != nil {
		return Issued{}, err
	}
	return commit(ctx, app, evs)
}

func (s *Service) update(ctx context.Context, app Application, evs []store.Event) (Issued, error) {
	out, err := s.st.UpdateApplication(ctx, app, evs)
	return Issued{Application: out}, err
}

// PersonInput is the applicant's personal data entered in step 1; the personal code and birth date
// come from the login and cannot be entered.
type PersonInput struct {
	Name    string // may be changed unless it came from the population register
	Email   string
	Phone   string
	Address string
}

// SetPerson saves step 1 of the draft (APP-05), checked with [CheckPerson]: nothing is saved when a
// field is wrong. A name from the population register cannot be changed here.
func (s *Service) SetPerson(ctx context.Context, a actor.Actor, id, version int64, in PersonInput) (Application, error) {
	return s.step(ctx, a, id, version, Edit, func(app *Application, _ Party, _ *Settings, _ time.Time) ([]store.Event, error) {
		if app.State != Draft {
			return nil, stateErr(app, Edit, "the personal data are entered in a draft; ")
		}
		p := app.Applicant
		name := strings.TrimSpace(in.Name)
		if p.NameFrom == FromPopulationRegister && name != p.Name {
			return nil, &invalid.Errors{Pkg: pkg, Fields: []*invalid.FieldError{{Pkg: pkg, Field: "Person.Name", Value: name,
				Reason: "comes from the population register and cannot be changed here"}}}
		}
		if name != p.Name {
			p.NameFrom = ""
		}
		p.Name, p.Email, p.Phone, p.Address = name, strings.TrimSpace(in.Email), strings.TrimSpace(in.Phone), strings.TrimSpace(in.Address)
		if err := CheckPerson(p); err != nil {
			return nil, err
		}
		app.Applicant = p
		return nil, nil
	})
}

func stateErr(app *Application, act Action, reason string) error {
	return &RuleError{Pkg: pkg, Rule: transition(act).Rule, Citation: selfService.String(), Op: act.String() + " application " + strconv.FormatInt(app.ID, 10),
		Reason: reason + "the application is " + app.State.String() + " (" + app.State.Name(law.Estonian) + ")", Err: ErrState}
}

// Choose saves step 2 of the draft (APP-05): the partial qualification, specialisation, elective
// competences and exam language, checked against the standard's version in force today and what
// the body awards ([ResolveChoice]); the conditions to confirm are the version's (APP-02).
func (s *Service) Choose(ctx context.Context, a actor.Actor, id, version int64, c Choice) (Application, error) {
	return s.step(ctx, a, id, version, Edit, func(app *Application, _ Party, _ *Settings, now time.Time) ([]store.Event, error) {
		if app.State != Draft {
			return nil, stateErr(app, Edit, "the qualification is chosen in a draft; ")
		}
		o, err := s.here(ctx, app, calendar.DateOf(now))
		if err != nil {
			return nil, err
		}
		ch, err := ResolveChoice(c, &o)
		if err != nil {
			return nil, err
		}
		app.Choice = ch
		s.refresh(app, &o)
		return nil, nil
	})
}

// here returns the offer for the application's qualification, or an *ElsewhereError when the body
// no longer receives it in the register.
func (s *Service) here(ctx context.Context, app *Application, d calendar.Date) (Offer, error) {
	l, err := s.offer(ctx, app.Standard, app.Body, d)
	if err != nil {
		return Offer{}, err
	}
	if !l.dest.Here {
		return Offer{}, &ElsewhereError{Body: app.Body, URL: l.dest.URL}
	}
	return l.offer, nil
}

// refresh takes the standard's version in force into the application, with its conditions.
func (s *Service) refresh(app *Application, o *Offer) {
	app.StandardVersion, app.StandardName, app.Level = o.Version.ID, o.Version.Name, o.Version.EKR
	app.Conditions = conditions(&o.Version, app.Kind, app.Conditions)
}

// Attach adds a document to the application (step 3, APP-05), in a draft or, to complete it, in an
// application the receiver returned for completion; checked with [CheckAttachment]. A file already
// attached (the same SHA-256) is not attached twice.
func (s *Service) Attach(ctx context.Context, a actor.Actor, id, version int64, at Attachment) (Application, error) {
	return s.step(ctx, a, id, version, Edit, func(app *Application, _ Party, set *Settings, now time.Time) ([]store.Event, error) {
		q, _ := set.Qualification(app.Standard, app.StandardVersion)
		if err := CheckAttachment(at, &q); err != nil {
			return nil, err
		}
		if slices.ContainsFunc(app.Attachments, func(x Attachment) bool { return x.SHA256 == at.SHA256 && x.Document == at.Document }) {
			return nil, &invalid.Errors{Pkg: pkg, Fields: []*invalid.FieldError{{Pkg: pkg, Field: "Attachment.SHA256", Value: at.SHA256, Reason: "is attached already"}}}
		}
		if len(app.Attachments) >= MaxAttachments {
			return nil, &invalid.Errors{Pkg: pkg, Fields: []*invalid.FieldError{{Pkg: pkg, Field: "Attachments", Reason: "may have at most " + strconv.Itoa(MaxAttachments) + " documents"}}}
		}
		if spec, ok := q.Spec(at.Document); ok {
			at.DocumentName = spec.Name.Et
		}
		at.At = now
		app.Attachments = append(app.Attachments, at)
		return nil, nil
	})
}

// Detach removes the attachment with the SHA-256 from a draft (step 3); in an application being
// completed only one attached after its submission can be removed.
func (s *Service) Detach(ctx context.Context, a actor.Actor, id, version int64, sha256 string) (Application, error) {
	return s.step(ctx, a, id, version, Edit, func(app *Application, _ Party, _ *Settings, _ time.Time) ([]store.Event, error) {
		i := slices.IndexFunc(app.Attachments, func(x Attachment) bool { return x.SHA256 == sha256 })
		if i < 0 {
			return nil, &invalid.Errors{Pkg: pkg, Fields: []*invalid.FieldError{{Pkg: pkg, Field: "sha256", Value: sha256, Reason: "is not attached"}}}
		}
		if app.State != Draft && !app.Attachments[i].At.After(app.SubmittedAt) {
			return nil, stateErr(app, Edit, "a document submitted with the application stays in its record; ")
		}
		app.Attachments = slices.Delete(app.Attachments, i, i+1)
		return nil, nil
	})
}

// ReviewInput is step 4: the standard's conditions confirmed (one flag per condition, in the order
// of Application.Conditions) and the data declared true.
type ReviewInput struct {
	Confirmed []bool
	Declared  bool
}

// Review saves step 4 of the draft (APP-05): the applicant confirms they meet each condition of the
// standard for applying or re-certifying (APP-02) and declares the data true.
func (s *Service) Review(ctx context.Context, a actor.Actor, id, version int64, in ReviewInput) (Application, error) {
	return s.step(ctx, a, id, version, Edit, func(app *Application, _ Party, _ *Settings, _ time.Time) ([]store.Event, error) {
		if app.State != Draft {
			return nil, stateErr(app, Edit, "the review is made in a draft; ")
		}
		if len(in.Confirmed) != len(app.Conditions) {
			return nil, &invalid.Errors{Pkg: pkg, Fields: []*invalid.FieldError{{Pkg: pkg, Field: "Confirmed", Value: strconv.Itoa(len(in.Confirmed)) + " items",
				Reason: "must have one flag for each of the " + strconv.Itoa(len(app.Conditions)) + " conditions"}}}
		}
		for i := range app.Conditions {
			app.Conditions[i].Confirmed = in.Confirmed[i]
		}
		app.Declared = in.Declared
		return nil, nil
	})
}

// Submit submits the draft (APP-05, APP-06): every step must be done — the personal data, the
// choice, every document the body requires attached, the conditions confirmed and the data declared
// — and the body must still receive the qualification in the register (APP-03), within one of its
// application rounds where it announced any; otherwise a *invalid.Errors names every step and field
// missing (or a *RuleError says which rule refuses), and nothing changes. On submission the form
// (avaldus) is generated into the record ([RenderForm]) and the applicant and the receiver are
// notified, in one commit.
func (s *Service) Submit(ctx context.Context, a actor.Actor, id, version int64) (Application, error) {
	return s.step(ctx, a, id, version, Submit, func(app *Application, _ Party, set *Settings, now time.Time) ([]store.Event, error) {
		today := calendar.DateOf(now)
		o, err := s.here(ctx, app, today)
		if err != nil {
			return nil, err
		}
		if !app.Choice.IsZero() {
			if ch, err := ResolveChoice(app.Choice, &o); err == nil {
				app.Choice = ch // the names as the register has them today
			}
		}
		s.refresh(app, &o)
		e := newErrors()
		for _, p := range Pages(app, &o)[:4] {
			if p.Problems != nil {
				e.Fields = append(e.Fields, p.Problems.Fields...)
			}
		}
		if err := e.Err(); err != nil {
			return nil, err
		}
		if _, ok := o.Qualification.InRound(today); !ok {
			return nil, &RuleError{Pkg: pkg, Rule: RuleConditions, Citation: selfService.String(), Op: "submit application " + strconv.FormatInt(app.ID, 10),
				Reason: "no application round of " + o.Body.Name + " for " + o.Version.Name + " is open on " + today.Register(), Err: ErrRound}
		}
		if app.Receiver != app.Body {
			if p, ok := set.Partner(app.Receiver); !ok || !p.Covers(app.Standard, today) {
				// The body no longer authorises the partner chosen: the body itself receives it.
				app.Receiver, app.ReceiverName = app.Body, app.BodyName
			}
		}
		app.State, app.SubmittedAt = Submitted, now
		if app.Submitted.IsZero() {
			app.Submitted = today
		}
		form, err := RenderForm(app, now)
		if err != nil {
			return nil, fmt.Errorf("application: the form of application %d: %w", app.ID, err)
		}
		app.Form = Form{Name: FormName(app.ID), Data: form, SHA256: digest(form), GeneratedAt: now}
		sub := now.Format(time.RFC3339)
		return []store.Event{
			toApplicant(EventSubmitted, app, now, "submitted", sub, "form", app.Form.SHA256),
			toOrg(EventArrived, app.Receiver, set, app, now, "submitted", sub),
		}, nil
	})
}

// Withdraw withdraws the application at the applicant's wish, before it is decided (APP-08); the
// receiver is notified of a submitted one. A draft withdrawn simply ends.
func (s *Service) Withdraw(ctx context.Context, a actor.Actor, id, version int64, reason string) (Application, error) {
	return s.step(ctx, a, id, version, Withdraw, func(app *Application, _ Party, set *Settings, now time.Time) ([]store.Event, error) {
		e := newErrors()
		checkText(e, "reason", reason, false, 2000)
		if err := e.Err(); err != nil {
			return nil, err
		}
		draft := app.State == Draft
		app.State = Withdrawn
		if draft {
			return nil, nil
		}
		return []store.Event{toOrg(EventWithdrawn, app.Receiver, set, app, now, "reason", strings.TrimSpace(reason))}, nil
	})
}

// Receive takes the submitted application into processing (APP-08): the awarding body, or the
// partner it was submitted to (APP-04). The applicant is notified.
func (s *Service) Receive(ctx context.Context, a actor.Actor, id, version int64) (Application, error) {
	return s.step(ctx, a, id, version, Receive, func(app *Application, _ Party, _ *Settings, now time.Time) ([]store.Event, error) {
		app.State = InProcess
		return []store.Event{toApplicant(EventReceived, app, now, "by", a.Org)}, nil
	})
}

// CompletionInput is what [Service.RequestCompletion] takes.
type CompletionInput struct {
	Version int64
	Missing []string // what is missing or wrong, one item each; at least one
	Note    string
	Days    int // the period to complete it, in days (1–90); 0 means DefaultCompletionDays
}

// RequestCompletion returns the application to the applicant to complete (APP-08): what is missing,
// and the due date, Days from today counted by package deadline (GEN-03). The receiver (the body or
// its partner) asks; the applicant is notified.
func (s *Service) RequestCompletion(ctx context.Context, a actor.Actor, id int64, in CompletionInput) (Application, error) {
	return s.step(ctx, a, id, in.Version, RequestCompletion, func(app *Application, _ Party, _ *Settings, now time.Time) ([]store.Event, error) {
		e := newErrors()
		if len(in.Missing) == 0 {
			e.Add("Missing", "", "is required: what the applicant must add or correct")
		}
		for i, m := range in.Missing {
			checkText(e, "Missing["+strconv.Itoa(i)+"]", m, true, 2000)
		}
		checkText(e, "Note", in.Note, false, 5000)
		days := in.Days
		if days == 0 {
			days = DefaultCompletionDays
		}
		if days < 1 || days > MaxCompletionDays {
			e.Add("Days", strconv.Itoa(in.Days), "must be 1 to "+strconv.Itoa(MaxCompletionDays)+" days")
		}
		if err := e.Err(); err != nil {
			return nil, err
		}
		today := calendar.DateOf(now)
		dl, err := deadline.Days(today, days)
		if err != nil {
			return nil, err
		}
		missing := make([]string, len(in.Missing))
		for i, m := range in.Missing {
			missing[i] = strings.TrimSpace(m)
		}
		app.State = Incomplete
		app.Completion = Completion{Missing: missing, Note: strings.TrimSpace(in.Note), Requested: today, Due: dl.Due, Days: days, By: a.Org}
		return []store.Event{toApplicant(EventIncomplete, app, now, "by", a.Org, "missing", lines(missing), "note", app.Completion.Note, "due", dl.Due.String())}, nil
	})
}

// Complete records that the applicant completed the application (APP-08): it returns to
// processing, and the receiver is notified. Documents are added with [Service.Attach] first.
func (s *Service) Complete(ctx context.Context, a actor.Actor, id, version int64) (Application, error) {
	return s.step(ctx, a, id, version, Complete, func(app *Application, _ Party, set *Settings, now time.Time) ([]store.Event, error) {
		if q, ok := set.Qualification(app.Standard, app.StandardVersion); ok {
			if err := MissingDocuments(app, &q); err != nil {
				return nil, err
			}
		}
		app.State = InProcess
		app.Completion.Completed = calendar.DateOf(now)
		return []store.Event{toOrg(EventCompleted, app.Receiver, set, app, now, "completed", app.Completion.Completed.String(), "due", app.Completion.Due.String())}, nil
	})
}

// AdmitInput is what [Service.Admit] takes.
type AdmitInput struct {
	Version  int64
	ExamDate calendar.Date // the exam or assessment day, where known
	Note     string
}

// Admit records that the documents are in order and admits the applicant to assessment (APP-08).
// The receiver admits; the applicant is notified, and when a partner admitted, the awarding body
// too (the application is ready for its decision).
func (s *Service) Admit(ctx context.Context, a actor.Actor, id int64, in AdmitInput) (Application, error) {
	return s.step(ctx, a, id, in.Version, Admit, func(app *Application, p Party, set *Settings, now time.Time) ([]store.Event, error) {
		e := newErrors()
		today := calendar.DateOf(now)
		if !in.ExamDate.IsZero() && (!in.ExamDate.IsValid() || in.ExamDate.Before(today)) {
			e.Add("ExamDate", in.ExamDate.String(), "must be a real date, today or later")
		}
		checkText(e, "Note", in.Note, false, 5000)
		if err := e.Err(); err != nil {
			return nil, err
		}
		app.State = Admitted
		app.Admission = Admission{On: today, ExamDate: in.ExamDate, Note: strings.TrimSpace(in.Note), By: a.Org}
		exam := ""
		if !in.ExamDate.IsZero() {
			exam = in.ExamDate.String()
		}
		evs := []store.Event{toApplicant(EventAdmitted, app, now, "by", a.Org, "examDate", exam, "note", app.Admission.Note)}
		if p != Body {
			evs = append(evs, toOrg(EventReady, app.Body, set, app, now, "by", a.Org, "examDate", exam))
		}
		return evs, nil
	})
}

// AwardInput is what [Service.Award] takes.
type AwardInput struct {
	Version int64
	// Reference is the qualification committee's decision (KutS § 18; KRPM § 10 p 6: the source of
	// the register's entry), e.g. "kutsekomisjoni otsus nr 14, 20.11.2026". Required.
	Reference string
	// On is the day of the decision; zero means today. It is the certificate's date of issue.
	On calendar.Date
	// ValidFrom is the certificate's first day (zero: On); ValidUntil its last (zero: from the
	// body's settings, ValidityMonths from ValidFrom, or none when they set none).
	ValidFrom, ValidUntil calendar.Date
	// Competences, when not nil, are the chosen competences awarded (a subset of the choice: the
	// committee may award fewer than were applied for); nil awards every one chosen.
	Competences []register.ID
}

// Award decides to award the qualification (APP-08) and issues its certificate through the
// certificate.Registry (CERT-01, CERT-09) in the same commit as the application's new state, with
// the notices to the applicant ([EventAwarded], and certificate.issued). Only the awarding body
// itself decides (its qualification committee, KutS § 18), on an application in process or
// admitted.
//
// It is exactly once under retries: the certificate is issued under an idempotency key derived from
// the application ([Application.IdempotencyKey]) by one store method that writes the application
// and the certificate together ([Store.AwardApplication]). A call repeated after it succeeded — a
// retry, or a second decider with the same decision reference — returns the award as it was made,
// issuing nothing; a concurrent decider that lost the race to a different decision gets an error
// wrapping store.ErrConflict.
func (s *Service) Award(ctx context.Context, a actor.Actor, id int64, in AwardInput) (Issued, error) {
	out, err := s.award(ctx, a, id, in)
	if errors.Is(err, store.ErrConflict) || errors.Is(err, ErrState) {
		// A concurrent decision committed first, or this very one did on an earlier try whose
		// answer was lost: a repeat of this award returns it. A decider that loaded the application
		// after the award committed finds it awarded (ErrState), one that loaded it before finds
		// its version gone (ErrConflict): both look for the award.
		if prev, ok, perr := s.awarded(ctx, a, id, in); perr != nil || ok {
			return prev, perr
		}
	}
	return out, err
}

// awarded returns the award of application id if it was made with the decision in.
func (s *Service) awarded(ctx context.Context, a actor.Actor, id int64, in AwardInput) (Issued, bool, error) {
	app, p, _, err := s.load(ctx, a, id)
	if err != nil {
		return Issued{}, false, err
	}
	if p != Body || app.State != Awarded || app.Awarded == "" || app.Decision.Reference != strings.TrimSpace(in.Reference) {
		return Issued{}, false, nil
	}
	c, err := s.st.Certificate(ctx, app.Awarded)
	if err != nil {
		return Issued{}, false, err
	}
	return Issued{Application: app, Certificate: c}, true, nil
}

func (s *Service) award(ctx context.Context, a actor.Actor, id int64, in AwardInput) (Issued, error) {
	if prev, ok, err := s.awarded(ctx, a, id, in); err != nil || ok {
		return prev, err
	}
	var iss certificate.Issue
	app, err := s.run(ctx, a, id, in.Version, Award, func(app *Application, _ Party, set *Settings, now time.Time) ([]store.Event, error) {
		today := calendar.DateOf(now)
		e := newErrors()
		checkText(e, "Reference", in.Reference, true, 500)
		on := decisionDay(e, in.On, today)
		names := app.Choice.CompetenceNames
		if in.Competences != nil {
			names = nil
			for i, cid := range in.Competences {
				k := slices.Index(app.Choice.Competences, cid)
				if k < 0 || k >= len(app.Choice.CompetenceNames) {
					e.Add("Competences["+strconv.Itoa(i)+"]", cid.String(), "was not applied for")
					continue
				}
				names = append(names, app.Choice.CompetenceNames[k])
			}
		}
		from, until := in.ValidFrom, in.ValidUntil
		if from.IsZero() {
			from = on
		}
		if until.IsZero() {
			if q, ok := set.Qualification(app.Standard, app.StandardVersion); ok && q.ValidityMonths > 0 {
				until = from.AddMonths(q.ValidityMonths).AddDays(-1)
			}
		}
		if err := e.Err(); err != nil {
			return nil, err
		}
		c := certificate.Certificate{
			Kind: app.CertificateKind(), Holder: certificate.Holder{Name: app.Applicant.Name, Code: app.Applicant.Code},
			Title: app.Title(), Standard: app.StandardName, EKR: app.Level, EQF: app.Level,
			Specialisation: app.Choice.SpecialisationName, Competences: slices.Clone(names), ExamLanguage: app.Choice.ExamLanguageName,
			Issuer: app.BodyName, IssuerCode: app.Body, IssuedOn: on, ValidFrom: from, ValidUntil: until,
			Extra: map[string]string{"application": strconv.FormatInt(app.ID, 10)},
		}
		if app.Kind == Recertification {
			c.Extra["recertifies"] = string(app.Certificate)
		}
		var err error
		if iss, err = s.cfg.Certificates.PrepareIssue(a, certificate.IssueRequest{Certificate: c, IdempotencyKey: app.IdempotencyKey()}); err != nil {
			return nil, err
		}
		app.State = Awarded
		app.Decision = Decision{Outcome: OutcomeAward, On: on, Reference: strings.TrimSpace(in.Reference), By: app.Body}
		valid := ""
		if !until.IsZero() {
			valid = until.String()
		}
		return []store.Event{toApplicant(EventAwarded, app, now, "certificate", "", "certificateKind", c.Kind.String(), "validUntil", valid,
			"reference", app.Decision.Reference, "decided", on.String())}, nil
	}, func(ctx context.Context, app Application, evs []store.Event) (Issued, error) {
		return s.st.AwardApplication(ctx, Awarding{Application: app, Issue: iss, Events: evs})
	})
	return app, err
}

// RefuseInput is what [Service.Refuse] takes.
type RefuseInput struct {
	Version int64
	// Reasons are the facts the refusal rests on, one item each; at least one (HMS § 56 (1); a
	// refusal without reasons is annulled: Riigikohus 3-17-1994/89).
	Reasons []string
	// Basis is the legal basis: the provision of the awarding procedure or the law, e.g. "kutse
	// andmise kord p 5.2". Required.
	Basis     string
	Reference string        // the qualification committee's decision. Required.
	On        calendar.Date // the day of the decision; zero means today
}

// Refuse decides to refuse the application with its reasons and legal basis (APP-08; HMS § 56).
// Only the awarding body itself decides. The applicant is notified, with the reasons and the last
// day to contest the decision (APP-09: 30 days; HMS § 57: a decision says how it can be contested).
func (s *Service) Refuse(ctx context.Context, a actor.Actor, id int64, in RefuseInput) (Application, error) {
	out, err := s.run(ctx, a, id, in.Version, Refuse, func(app *Application, _ Party, _ *Settings, now time.Time) ([]store.Event, error) {
		today := calendar.DateOf(now)
		e := newErrors()
		reasons := texts(e, "Reasons", in.Reasons, "is required: the reasons of the refusal (HMS § 56)")
		checkText(e, "Basis", in.Basis, true, 500)
		checkText(e, "Reference", in.Reference, true, 500)
		on := decisionDay(e, in.On, today)
		if err := e.Err(); err != nil {
			return nil, err
		}
		dl, err := ContestPeriod(on)
		if err != nil {
			return nil, err
		}
		app.State = Refused
		app.Decision = Decision{Outcome: OutcomeRefusal, On: on, Reference: strings.TrimSpace(in.Reference), Reasons: reasons,
			Basis: strings.TrimSpace(in.Basis), By: app.Body}
		return []store.Event{toApplicant(EventRefused, app, now, "reasons", lines(reasons), "basis", app.Decision.Basis,
			"reference", app.Decision.Reference, "decided", on.String(), "contestBy", dl.Due.String())}, nil
	}, s.update)
	return out.Application, err
}

// decisionDay returns the day of a decision: on, or today when it is zero; a day after today is an
// error.
func decisionDay(e *invalid.Errors, on, today calendar.Date) calendar.Date {
	switch {
	case on.IsZero():
		return today
	case !on.IsValid() || on.After(today):
		e.Add("On", on.String(), "must be a real date, today or before")
	}
	return on
}

// texts checks a list of texts, at least one, and returns them trimmed.
func texts(e *invalid.Errors, field string, in []string, missing string) []string {
	if len(in) == 0 {
		e.Add(field, "", missing)
	}
	out := make([]string, len(in))
	for i, t := range in {
		checkText(e, field+"["+strconv.Itoa(i)+"]", t, true, 2000)
		out[i] = strings.TrimSpace(t)
	}
	return out
}

// ContestInput is what [Service.Contest] takes.
type ContestInput struct {
	Version int64
	Grounds string // why the applicant contests the refusal. Required.
	// Learned is the day the applicant learned of the decision (HMS § 75); zero means the day of the
	// decision, when its notice was sent (APP-07). It is not before the decision nor after today.
	Learned calendar.Date
}

// Contest files the applicant's contest (vaie) of the refusal (APP-09): within 30 days of learning
// of the decision (HMS § 75), counted by package deadline; a later one is refused with a *RuleError
// wrapping [ErrLate]. The contest is decided within 10 days of its filing (HMS § 84); the body is
// notified with the due date. A refusal is contested once in the register; the next step is the
// administrative court (HMS § 87).
func (s *Service) Contest(ctx context.Context, a actor.Actor, id int64, in ContestInput) (Application, error) {
	return s.step(ctx, a, id, in.Version, FileContest, func(app *Application, _ Party, set *Settings, now time.Time) ([]store.Event, error) {
		today := calendar.DateOf(now)
		e := newErrors()
		checkText(e, "Grounds", in.Grounds, true, 20000)
		learned := in.Learned
		switch {
		case learned.IsZero():
			learned = app.Decision.On
		case !learned.IsValid() || learned.Before(app.Decision.On) || learned.After(today):
			e.Add("Learned", learned.String(), "must be a day from the decision ("+app.Decision.On.Register()+") to today")
		}
		if err := e.Err(); err != nil {
			return nil, err
		}
		if !app.Contest.IsZero() {
			return nil, &RuleError{Pkg: pkg, Rule: RuleContest, Citation: hms.At("87", "", "").String(), Op: "contest application " + strconv.FormatInt(app.ID, 10),
				Reason: "the refusal was contested already (decided " + app.Contest.Decided.Register() + "); what remains is the administrative court", Err: ErrState}
		}
		filing, err := ContestPeriod(learned)
		if err != nil {
			return nil, err
		}
		if st, _ := filing.Check(today, today); st == deadline.Missed {
			return nil, &RuleError{Pkg: pkg, Rule: RuleContest, Citation: hms.At("75", "", "").String(), Op: "contest application " + strconv.FormatInt(app.ID, 10),
				Reason: "the decision could be contested until " + filing.Due.Register() + " (30 days from " + learned.Register() + ")", Err: ErrLate}
		}
		decision, err := ContestDecisionPeriod(today, 0)
		if err != nil {
			return nil, err
		}
		app.State = Contested
		app.Contest = Contest{Grounds: strings.TrimSpace(in.Grounds), Learned: learned, Filed: today, FiledBy: filing.Due, Due: decision.Due}
		return []store.Event{toOrg(EventContested, app.Body, set, app, now, "grounds", app.Contest.Grounds, "filed", today.String(), "due", decision.Due.String(),
			"reference", app.Decision.Reference)}, nil
	})
}

// ExtendInput is what [Service.ExtendContest] takes.
type ExtendInput struct {
	Version int64
	Days    int    // how many days more; with the earlier extensions at most 30 in all
	Reason  string // why; the applicant is told (HMS § 84). Required.
}

// ExtendContest extends the period of deciding the contest (APP-09: by up to 30 days in all, HMS
// § 84), with its reason, which the applicant is told. Only the awarding body does it; more than 30
// days in all is refused with a *RuleError wrapping [ErrExtension].
func (s *Service) ExtendContest(ctx context.Context, a actor.Actor, id int64, in ExtendInput) (Application, error) {
	return s.step(ctx, a, id, in.Version, ExtendContest, func(app *Application, _ Party, _ *Settings, now time.Time) ([]store.Event, error) {
		e := newErrors()
		if in.Days < 1 {
			e.Add("Days", strconv.Itoa(in.Days), "must be 1 or more")
		}
		checkText(e, "Reason", in.Reason, true, 2000)
		if err := e.Err(); err != nil {
			return nil, err
		}
		if total := app.Contest.Extended + in.Days; total > MaxContestExtension {
			return nil, &RuleError{Pkg: pkg, Rule: RuleContest, Citation: hms.At("84", "", "").String(), Op: "extend the contest of application " + strconv.FormatInt(app.ID, 10),
				Reason: "extended by " + strconv.Itoa(app.Contest.Extended) + " days already; " + strconv.Itoa(in.Days) + " more would make " + strconv.Itoa(total), Err: ErrExtension}
		}
		dl, err := ContestDecisionPeriod(app.Contest.Filed, app.Contest.Extended+in.Days)
		if err != nil {
			return nil, err
		}
		app.Contest.Extended += in.Days
		app.Contest.ExtensionReasons = append(app.Contest.ExtensionReasons, strings.TrimSpace(in.Reason))
		app.Contest.Due = dl.Due
		return []store.Event{toApplicant(EventContestExtended, app, now, "extended", strconv.Itoa(in.Days), "reason", strings.TrimSpace(in.Reason), "due", dl.Due.String())}, nil
	})
}

// ContestDecision is what [Service.DecideContest] takes.
type ContestDecision struct {
	Version   int64
	Outcome   Outcome  // OutcomeUpheld or OutcomeDismissed
	Reasons   []string // at least one
	Reference string   // the decision on the contest. Required.
}

// DecideContest decides the contest (APP-09): upheld, the refusal is annulled and the application
// returns to processing for a new decision; dismissed, the refusal stands. Only the awarding body
// decides (HMS § 73: the body that made the act, where it has no supervisory body). The applicant is
// notified.
func (s *Service) DecideContest(ctx context.Context, a actor.Actor, id int64, in ContestDecision) (Application, error) {
	return s.step(ctx, a, id, in.Version, DecideContest, func(app *Application, _ Party, _ *Settings, now time.Time) ([]store.Event, error) {
		e := newErrors()
		if in.Outcome != OutcomeUpheld && in.Outcome != OutcomeDismissed {
			e.Add("Outcome", in.Outcome.String(), "must be upheld or dismissed")
		}
		reasons := texts(e, "Reasons", in.Reasons, "is required: the reasons of the decision on the contest")
		checkText(e, "Reference", in.Reference, true, 500)
		if err := e.Err(); err != nil {
			return nil, err
		}
		today := calendar.DateOf(now)
		c := &app.Contest
		c.Decided, c.Outcome, c.Reasons, c.Reference, c.By = today, in.Outcome, reasons, strings.TrimSpace(in.Reference), app.Body
		if in.Outcome == OutcomeUpheld {
			app.State, app.Decision = InProcess, Decision{}
		} else {
			app.State = Refused
		}
		return []store.Event{toApplicant(EventContestDecided, app, now, "outcome", in.Outcome.String(), "reasons", lines(reasons),
			"reference", c.Reference, "decided", today.String())}, nil
	})
}

// Mine returns the applications of the person acting (an owner), drafts too, newest first: "Minu
// taotlused" of the applicant's page (seed 000 slide 3). The forms' bytes are left out; [Service.Get]
// returns an application with its form.
func (s *Service) Mine(ctx context.Context, a actor.Actor) ([]Application, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	if a.Role != actor.Owner {
		return nil, actor.Deny(a, "list one's applications", "a person lists their own applications")
	}
	out, err := s.all(ctx, Query{Applicant: a.Person})
	slices.SortStableFunc(out, func(x, y Application) int { return cmp.Compare(y.ID, x.ID) })
	return out, err
}

// Inbox returns the submitted applications (never drafts) the organisation acting processes, as q
// further selects them, ordered by ID: the awarding body's every application, a partner's those
// submitted to it (APP-04); the registrar's every application q selects. The forms' bytes are left
// out, as in [Service.Mine].
func (s *Service) Inbox(ctx context.Context, a actor.Actor, q Query) ([]Application, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	q.Submitted = true
	switch a.Role {
	case actor.AwardingBody:
		q.Body = a.Org
	case actor.Partner:
		q.Body, q.Receiver = a.For, a.Org
	case actor.Registrar:
	default:
		return nil, actor.Deny(a, "list applications", "only an awarding body, its partner or the registrar may")
	}
	return s.st.Applications(ctx, q)
}

// all pages through every application q selects.
func (s *Service) all(ctx context.Context, q Query) ([]Application, error) {
	var out []Application
	q.Limit = store.MaxLimit
	for {
		as, err := s.st.Applications(ctx, q)
		if err != nil {
			return nil, err
		}
		out = append(out, as...)
		if len(as) < store.MaxLimit {
			return out, nil
		}
		q.AfterID = as[len(as)-1].ID
	}
}
