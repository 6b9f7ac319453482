package register

import (
	"context"
	"fmt"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// Store is the storage package register consumes. Hosts implement it (or use memstore or pgstore);
// storetest.Run checks an implementation. Every method is safe for concurrent use, and records are
// copied in and out.
type Store interface {
	// Standard returns the standard one of whose versions has the id, or an error wrapping
	// store.ErrNotFound.
	Standard(ctx context.Context, id ID) (Standard, error)

	// PutStandard stores s and rebuilds its search entries ([Entries]) with every stored awarding
	// body that awards it, in one commit, and returns s with its new Revision. When s.Revision is
	// zero, s is created or replaces the stored standard of the same ID whatever its revision (an
	// import: the register is the source of truth); otherwise the stored Revision must equal
	// s.Revision, or the error wraps store.ErrConflict (store.ErrNotFound when there is none). A
	// version id that belongs to another stored standard is an error wrapping store.ErrExists. The
	// new Revision is one more than the stored one, 1 for a new standard. s has been validated.
	PutStandard(ctx context.Context, s Standard) (Standard, error)

	// AwardingBody returns the awarding body with the registry code, or an error wrapping
	// store.ErrNotFound.
	AwardingBody(ctx context.Context, code string) (AwardingBody, error)

	// PutAwardingBody stores b and rebuilds the search entries of every stored standard it awards,
	// in one commit, with the same Revision rules as PutStandard. b has been validated.
	PutAwardingBody(ctx context.Context, b AwardingBody) (AwardingBody, error)

	// SearchQualifications returns the rows of the entries that m matches ([Match.Matches]), in
	// the order of [CompareEntries], from m.Offset, at most m.Limit, and the number of all entries
	// that match.
	SearchQualifications(ctx context.Context, m Match) (rows []Row, total int, err error)
}

// NextRevision applies the Revision rule of the Put methods of [Store] for a store: given is the
// revision put, stored and exists what the store holds. It returns the new revision, or an error
// wrapping store.ErrNotFound (a revision given for a record never stored) or store.ErrConflict (a
// stale revision); what names the record in the message.
func NextRevision(what string, given, stored int64, exists bool) (int64, error) {
	switch {
	case given == 0:
		return stored + 1, nil
	case !exists:
		return 0, fmt.Errorf("register: %s: %w", what, store.ErrNotFound)
	case given != stored:
		return 0, fmt.Errorf("register: %s has revision %d, not %d: %w", what, stored, given, store.ErrConflict)
	}
	return stored + 1, nil
}

// Config configures a [Catalogue]. It is passed by value, and the zero value gives the defaults.
type Config struct {
	// Now is the clock; nil means time.Now. Today is Now's date in Europe/Tallinn.
	Now func() time.Time
}

// Catalogue is the register's service for its reference data: it searches the qualifications open for
// application (APP-01), shows one (APP-02), and stores standards and awarding bodies. Every call takes
// the acting actor.Actor. A Catalogue is safe for concurrent use.
type Catalogue struct {
	st  Store
	now func() time.Time
}

// NewCatalogue returns a Catalogue on st, configured by cfg. A nil st is an *invalid.FieldError
// wrapping invalid.ErrInvalid.
func NewCatalogue(st Store, cfg Config) (*Catalogue, error) {
	if st == nil {
		return nil, &invalid.FieldError{Pkg: pkg, Field: "store", Reason: "is required (NewCatalogue)"}
	}
	c := &Catalogue{st: st, now: time.Now}
	if cfg.Now != nil {
		c.now = cfg.Now
	}
	return c, nil
}

// Today returns the catalogue's current date in Europe/Tallinn.
func (c *Catalogue) Today() calendar.Date { return calendar.DateOf(c.now()) }

// The provisions the package cites.
var (
	// selfService is the register's self-service terms (seed 000, slides 3–4).
	selfService = law.SelfService()
	// kutsRight is KutS § 10 (1): an awarding body awards the qualifications its registration names.
	kutsRight = law.Citation{Act: "Kutseseadus", RT: "RT I 2008, 24, 156", Section: "10", Subsection: "1"}
	// krpmPublic is KRPM § 15 (1): the register's data are public.
	krpmPublic = law.Citation{Act: "Kutseregistri põhimäärus", RT: "RT I, 29.07.2016, 15", Section: "15", Subsection: "1"}
)

// Search returns one page of the qualifications open for application on q.On (today when zero) that
// match q, in Estonian collation order of the standards' names (APP-01). A qualification is open on a
// day when a version of its standard is in force (GEN-04) and an awarding body's right to award it
// covers the day (KutS § 10 (1)); there is one row per standard and awarding body. Anyone may search,
// the public included: the register's data are public (KRPM § 15 (1)). Bad queries get an error
// wrapping invalid.ErrInvalid.
func (c *Catalogue) Search(ctx context.Context, a actor.Actor, q Query) (Page, error) {
	if err := a.Validate(); err != nil {
		return Page{}, err
	}
	if q.On.IsZero() {
		q.On = c.Today()
	}
	m, err := q.Match()
	if err != nil {
		return Page{}, err
	}
	rows, total, err := c.st.SearchQualifications(ctx, m)
	if err != nil {
		return Page{}, err
	}
	return Page{Rows: rows, Total: total, Offset: m.Offset, PageSize: m.Limit, On: m.On}, nil
}

// View is a qualification's view (APP-02; seed 000 slide 4, "Vaata kutset"): the standard's version in
// force, what the awarding body awards under it, the conditions for applying and for re-certifying
// from the standard, the link to the body's awarding procedure, the body's contacts and own
// information, and whether the qualification is open for application on the day, with the reasons.
type View struct {
	On             calendar.Date
	Open           bool // "Kutse on taotlemiseks avatud."
	Standard       ID
	Version        StandardVersion // in force on On; the latest that began before On when none is
	Qualifications []string
	Partials       []string
	Competences    []CompetenceSet // the award's, or the version's when the award lists none
	Conditions     Conditions      // from the standard
	Procedure      string          // the body's kutse andmise kord
	Body           string          // the registry code
	BodyName       string
	Contacts       Contacts
	Info           BodyInfo // the body's own information on the qualification
	Why            law.Explanation
}

// View returns the view of the qualification of the standard with the id (of any of its versions) as
// the awarding body with registry code body awards it, on day on (today when zero) (APP-02). The
// version shown is the one in force (GEN-04); when none is, View still answers, with Open false and
// the reason. Anyone may view, the public included (KRPM § 15 (1)). An unknown standard or body, or a
// body that does not award the standard, is an error wrapping store.ErrNotFound.
func (c *Catalogue) View(ctx context.Context, a actor.Actor, standard ID, body string, on calendar.Date) (View, error) {
	if err := a.Validate(); err != nil {
		return View{}, err
	}
	if on.IsZero() {
		on = c.Today()
	}
	s, err := c.st.Standard(ctx, standard)
	if err != nil {
		return View{}, err
	}
	if len(s.Versions) == 0 {
		return View{}, fmt.Errorf("register: standard %s has no versions: %w", s.ID, store.ErrNotFound)
	}
	b, err := c.st.AwardingBody(ctx, body)
	if err != nil {
		return View{}, err
	}
	ids := make([]ID, len(s.Versions))
	for i, v := range s.Versions {
		ids[i] = v.ID
	}
	aw, ok := b.Award(ids...)
	if !ok {
		return View{}, fmt.Errorf("register: awarding body %s does not award standard %s: %w", b.Code, s.ID, store.ErrNotFound)
	}
	return view(&s, &b, &aw, on), nil
}

// view builds the view of award aw of standard s by body b on day on (APP-02, GEN-04, GEN-06).
func view(s *Standard, b *AwardingBody, aw *Award, on calendar.Date) View {
	v := View{On: on, Standard: s.ID, Body: b.Code, BodyName: b.Name, Contacts: b.Contacts, Procedure: aw.Procedure,
		Info: aw.Info, Partials: names(aw.Partials)}
	ver, step, err := s.InForce(on)
	inForce := err == nil
	if inForce {
		v.Why.AddStep(step)
	} else {
		ver = s.Versions[0]
		for _, x := range s.Versions {
			if !x.InForce.From.After(on) {
				ver = x
			}
		}
		v.Why.Add("GEN-04", law.Citation{Act: "Kutsestandard " + ver.Name},
			"ühtki standardi versiooni ei kehti "+on.Register(), "no version of the standard is in force on "+on.String())
	}
	v.Version = ver
	v.Qualifications = qualifications(ver.Name, aw.Basic, aw.Specialisations)
	v.Conditions = ver.Conditions
	v.Competences = aw.Competences
	if len(v.Competences) == 0 {
		v.Competences = ver.Competences
	}
	mandate := b.MayAwardOn(on)
	if mandate {
		v.Why.Add("APP-02", kutsRight, "kutse andjal "+b.Name+" on õigus kutset anda "+on.Register(),
			"the awarding body "+b.Name+" has the right to award the qualification on "+on.String())
	} else {
		v.Why.Add("APP-02", kutsRight, "kutse andja "+b.Name+" õigus kutset anda kehtib "+b.Mandate.String()+", mitte "+on.Register(),
			"the awarding body's right to award is for "+b.Mandate.String()+", not "+on.String())
	}
	v.Open = inForce && mandate
	if v.Open {
		v.Why.Add("APP-01", selfService, "kutse on taotlemiseks avatud", "the qualification is open for application")
	} else {
		v.Why.Add("APP-01", selfService, "kutse ei ole taotlemiseks avatud", "the qualification is not open for application")
	}
	return v.clone()
}

func (v View) clone() View {
	ver := StandardVersion{Competences: v.Competences}.Clone()
	v.Competences = ver.Competences
	v.Version = v.Version.Clone()
	v.Info.Rounds = append([]Round(nil), v.Info.Rounds...)
	v.Info.ExamDates = append([]calendar.Date(nil), v.Info.ExamDates...)
	return v
}

// PutStandard validates s and stores it ([Store.PutStandard]). Only the registrar (Kutsekoda, which
// keeps the register) may; others are refused with an error wrapping actor.ErrForbidden. Bad input
// gets an error wrapping invalid.ErrInvalid and stores nothing.
func (c *Catalogue) PutStandard(ctx context.Context, a actor.Actor, s Standard) (Standard, error) {
	if err := c.mayWrite(a, "store standard "+s.ID.String()); err != nil {
		return Standard{}, err
	}
	if err := s.Validate(); err != nil {
		return Standard{}, err
	}
	return c.st.PutStandard(ctx, s.Clone())
}

// PutAwardingBody validates b and stores it ([Store.PutAwardingBody]). Only the registrar may (an
// awarding body's own settings are its own service's, not this one's); bad input gets an error
// wrapping invalid.ErrInvalid and stores nothing.
func (c *Catalogue) PutAwardingBody(ctx context.Context, a actor.Actor, b AwardingBody) (AwardingBody, error) {
	if err := c.mayWrite(a, "store awarding body "+b.Code); err != nil {
		return AwardingBody{}, err
	}
	if err := b.Validate(); err != nil {
		return AwardingBody{}, err
	}
	return c.st.PutAwardingBody(ctx, b.Clone())
}

func (c *Catalogue) mayWrite(a actor.Actor, op string) error {
	if err := a.Validate(); err != nil {
		return err
	}
	if a.Role != actor.Registrar {
		return actor.Deny(a, op, "only the register keeper enters the register's reference data")
	}
	return nil
}
