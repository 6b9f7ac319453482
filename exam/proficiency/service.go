package proficiency

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// Config configures a [Service]. It is passed by value; its zero value but for Certificates gives
// the defaults.
type Config struct {
	// Certificates is the certificate register that issues the certificates of passed exams: the
	// host's certificate.Registry. Its clock is the service's ([certificate.Registry.Now]): today is
	// its date in Europe/Tallinn. Required.
	Certificates *certificate.Registry
	// Rules are the versions of the rules; nil means [Default]().
	Rules Rulebook
}

// Service runs proficiency exams for the exam centre and the people who sit them: sessions,
// registration (written or online), cancellation, special needs, the notice, absences and their
// explanations, results and the certificate of a pass. Every call takes the acting actor.Actor and
// refuses what it may not do with an error wrapping actor.ErrForbidden; a rule's refusal is a
// [*Refusal]; a refused call changes nothing. The exam centre acts for the sessions it organises
// (Session.Organiser); the registrar for all; a person registers online and cancels for themselves.
// A Service is safe for concurrent use.
type Service struct {
	st    Store
	certs *certificate.Registry
	rules Rulebook
}

// NewService returns a Service on st, issuing the certificates of passed exams through
// cfg.Certificates, whose clock it reads. A nil st or Certificates is an error wrapping
// invalid.ErrInvalid.
func NewService(st Store, cfg Config) (*Service, error) {
	switch {
	case st == nil:
		return nil, &FieldError{Pkg: pkg, Field: "store", Reason: "is required (NewService)"}
	case cfg.Certificates == nil:
		return nil, &FieldError{Pkg: pkg, Field: "Config.Certificates", Reason: "is required: the certificate registry (NewService)"}
	}
	s := &Service{st: st, certs: cfg.Certificates, rules: Default()}
	if cfg.Rules != nil {
		s.rules = cfg.Rules
	}
	if err := s.rules.Check(); err != nil {
		return nil, err
	}
	return s, nil
}

// Rules returns the versions of the rules the service applies.
func (s *Service) Rules() Rulebook { return s.rules }

func (s *Service) instant() time.Time   { return s.certs.Now().Truncate(time.Microsecond) }
func (s *Service) today() calendar.Date { return s.certs.Today() }

// manages reports whether a may manage the session: the exam centre that organises it, or the
// registrar.
func manages(a actor.Actor, sess *Session) bool {
	return a.Role == actor.Registrar || (a.Role == actor.ExamCentre && a.ActsFor(sess.Organiser))
}

func recipient(p Person) string {
	if p.Code.IsZero() {
		return ""
	}
	return p.Code.String()
}

// examData returns the data of a registration's event: the session, its level and exam day, and
// the pairs kv (key, value, ...) — what a notice needs to say which exam it is about.
func examData(r *Registration, kv ...string) map[string]string {
	d := map[string]string{"session": r.Session, "level": r.Level.String(), "date": r.Date.String()}
	for i := 0; i+1 < len(kv); i += 2 {
		d[kv[i]] = kv[i+1]
	}
	return d
}

// CreateSession checks a session ([Rulebook.CheckSession]: LNG-02, LNG-03, LNG-04, LNG-13) and
// stores it. Only the exam centre that organises it, or the registrar, may.
func (s *Service) CreateSession(ctx context.Context, a actor.Actor, sess Session) (Session, law.Explanation, error) {
	if err := a.Validate(); err != nil {
		return Session{}, law.Explanation{}, err
	}
	if !manages(a, &sess) {
		return Session{}, law.Explanation{}, actor.Deny(a, "create session "+sess.ID, "only the exam centre that organises it, or the registrar, may")
	}
	e, err := s.rules.CheckSession(sess)
	if err != nil {
		return Session{}, e, err
	}
	sess.Version = 0
	out, err := s.st.CreateProficiencySession(ctx, sess.Clone(), []store.Event{{Kind: EventSessionCreated, Recipient: sess.Organiser,
		At: s.instant(), Data: map[string]string{"session": sess.ID, "level": sess.Level.String(), "date": sess.Date.String(), "start": sess.Start}}})
	return out, e, err
}

// Register decides an application ([Rulebook.Decide]: LNG-03, LNG-05, LNG-07, LNG-08, LNG-09,
// LNG-21) on today's date, against the session as stored under app.Session.ID and the person's
// earlier registrations, and stores the registration with a notice to the person. An online
// application is made by the person (an owner actor with the person's code); a written one is
// entered by the exam centre. A refusal is the decision's *Refusal. A retry with the same app.Key
// returns the registration first made, and a zero Decision.
func (s *Service) Register(ctx context.Context, a actor.Actor, app Application) (Registration, Decision, error) {
	if err := a.Validate(); err != nil {
		return Registration{}, Decision{}, err
	}
	sess, err := s.st.ProficiencySession(ctx, app.Session.ID)
	if err != nil {
		return Registration{}, Decision{}, err
	}
	app.Session, app.On = sess, s.today()
	switch {
	case a.Role == actor.Registrar:
	case app.Channel == Online && a.Is(app.Person.Code):
	case app.Channel == Written && manages(a, &sess):
	default:
		return Registration{}, Decision{}, actor.Deny(a, "register for "+sess.ID,
			"a person registers online for themselves; the exam centre enters written applications")
	}
	key := app.Person.Key()
	history, err := s.st.PersonProficiencyRegistrations(ctx, key)
	if err != nil {
		return Registration{}, Decision{}, err
	}
	if app.Key != "" {
		for _, h := range history {
			if h.Key == app.Key && h.Session == sess.ID {
				return h, Decision{}, nil // a retry: the registration first made
			}
		}
	}
	d, err := s.rules.Decide(app, history)
	if err != nil {
		return Registration{}, d, err
	}
	if !d.Allowed {
		return Registration{}, d, d.Refusal
	}
	now := s.instant()
	r := Registration{
		Key: app.Key, Person: app.Person, Session: sess.ID, Level: sess.Level, Date: sess.Date, Centre: app.Centre,
		Channel: app.Channel, Documents: app.Documents, CommitteeDecision: app.CommitteeDecision, Senior: app.Senior,
		Status: Registered, RegisteredOn: app.On, RegisteredAt: now,
	}
	if app.Channel == Online {
		r.Documents = Documents{}
	}
	ev := store.Event{Kind: EventRegistered, Recipient: recipient(app.Person), At: now, Data: map[string]string{
		"session": sess.ID, "level": sess.Level.String(), "date": sess.Date.String(), "centre": app.Centre,
		"notice_due": d.NoticeDue.String(), "skills": skillCodes(d.Skills)}}
	out, err := s.st.CreateProficiencyRegistration(ctx, r, []store.Event{ev})
	if errors.Is(err, store.ErrExists) {
		// Another registration of the person was committed since the history was read (LNG-07).
		if hs, herr := s.st.PersonProficiencyRegistrations(ctx, key); herr == nil {
			for _, h := range hs {
				if h.Status.Active() {
					d2, _ := s.rules.Decide(app, hs)
					if d2.Refusal != nil {
						return Registration{}, d2, d2.Refusal
					}
				}
			}
		}
	}
	return out, d, err
}

func skillCodes(set SkillSet) string {
	var b strings.Builder
	for _, k := range set.List() {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(k.String())
	}
	return b.String()
}

// ProficiencyRegistration returns a registration, for the person registered, the exam centre of its session or
// the registrar.
func (s *Service) Registration(ctx context.Context, a actor.Actor, id int64) (Registration, error) {
	if err := a.Validate(); err != nil {
		return Registration{}, err
	}
	r, err := s.st.ProficiencyRegistration(ctx, id)
	if err != nil {
		return Registration{}, err
	}
	if a.Is(r.Person.Code) || a.Role == actor.Registrar {
		return r, nil
	}
	sess, err := s.st.ProficiencySession(ctx, r.Session)
	if err != nil {
		return Registration{}, err
	}
	if !manages(a, &sess) {
		return Registration{}, actor.Deny(a, "read registration "+strconv.FormatInt(id, 10), "only the person, the exam centre or the registrar may")
	}
	return r, nil
}

// errUnchanged is returned by a change that finds nothing to change: nothing is written.
var errUnchanged = errors.New("unchanged")

// change is what an update does to a registration: it returns the events to raise, or an error.
type change func(r *Registration, sess *Session) ([]store.Event, error)

// update reads the registration and its session, applies ch and writes the registration back with
// the events, retrying a few times when a concurrent writer got there first.
func (s *Service) update(ctx context.Context, a actor.Actor, id int64, ownerMay bool, op string, ch change) (Registration, error) {
	if err := a.Validate(); err != nil {
		return Registration{}, err
	}
	var err error
	for range 5 {
		var r Registration
		r, err = s.st.ProficiencyRegistration(ctx, id)
		if err != nil {
			return Registration{}, err
		}
		var sess Session
		sess, err = s.st.ProficiencySession(ctx, r.Session)
		if err != nil {
			return Registration{}, err
		}
		if !manages(a, &sess) && !(ownerMay && a.Is(r.Person.Code)) {
			who := "only the exam centre or the registrar may"
			if ownerMay {
				who = "only the person, the exam centre or the registrar may"
			}
			return Registration{}, actor.Deny(a, op+" "+strconv.FormatInt(id, 10), who)
		}
		evs, cerr := ch(&r, &sess)
		if cerr == errUnchanged {
			return r, nil
		}
		if cerr != nil {
			return Registration{}, cerr
		}
		var out Registration
		out, err = s.st.UpdateProficiencyRegistration(ctx, r, evs)
		if !errors.Is(err, store.ErrConflict) {
			return out, err
		}
	}
	return Registration{}, err
}

func (s *Service) stateRefusal(r *Registration, rule, op, et, en string) error {
	v, _ := s.rules.At(r.Date)
	return &Refusal{Rule: rule, Citation: cite(&v, rule), Version: v.Name, Op: op + " " + strconv.FormatInt(r.ID, 10), Err: ErrState, Et: et, En: en}
}

// Cancel cancels an active registration at the person's or the exam centre's request, on today's
// date, and returns the wait it starts (LNG-08: none when cancelled at least 7 days before the exam
// under the 2011 rules). A registration whose exam day has passed cannot be cancelled.
func (s *Service) Cancel(ctx context.Context, a actor.Actor, id int64) (Registration, Wait, error) {
	var w Wait
	today := s.today()
	r, err := s.update(ctx, a, id, true, "cancel registration", func(r *Registration, _ *Session) ([]store.Event, error) {
		if !r.Status.Active() {
			return nil, s.stateRefusal(r, "LNG-07", "cancel registration", "registreering ei ole kehtiv ("+r.Status.String()+")",
				"the registration is not active ("+r.Status.String()+")")
		}
		if today.After(r.Date) {
			return nil, s.stateRefusal(r, "LNG-08", "cancel registration", "eksam on toimunud "+r.Date.Register(),
				"the exam took place on "+r.Date.Register())
		}
		r.Status, r.CancelledOn = Cancelled, today
		var err error
		if w, err = s.rules.RetakeWait(*r); err != nil {
			return nil, err
		}
		return []store.Event{{Kind: EventCancelled, Recipient: recipient(r.Person), At: s.instant(),
			Data: examData(r, "wait_from", w.From.String())}}, nil
	})
	return r, w, err
}

// RequestSpecialNeeds records a person's request to sit the exam in another scope or manner, with
// the specialist's statement (LNG-06), for the exam centre's expert committee.
func (s *Service) RequestSpecialNeeds(ctx context.Context, a actor.Actor, id int64, statement string) (Registration, law.Explanation, error) {
	var e law.Explanation
	today := s.today()
	r, err := s.update(ctx, a, id, true, "request special needs", func(r *Registration, sess *Session) ([]store.Event, error) {
		if !r.Status.Active() {
			return nil, s.stateRefusal(r, "LNG-06", "request special needs", "registreering ei ole kehtiv", "the registration is not active")
		}
		sn := SpecialNeeds{RequestedOn: today, Statement: strings.TrimSpace(statement)}
		var err error
		if e, err = s.rules.CheckSpecialNeeds(*sess, sn); err != nil {
			return nil, err
		}
		r.SpecialNeeds = &sn
		return []store.Event{{Kind: EventSpecialNeedsRequested, Recipient: sess.Organiser, At: s.instant(),
			Data: examData(r, "registration", strconv.FormatInt(r.ID, 10))}}, nil
	})
	return r, e, err
}

// DecideSpecialNeeds records the expert committee's decision on a special-needs request (LNG-06):
// another time and place, extra time, exemption from tasks (whose points leave the maximum when the
// exam is graded). Only the exam centre (which forms the committee) or the registrar may.
func (s *Service) DecideSpecialNeeds(ctx context.Context, a actor.Actor, id int64, acc Accommodation) (Registration, law.Explanation, error) {
	var e law.Explanation
	if acc.DecidedOn.IsZero() {
		acc.DecidedOn = s.today()
	}
	r, err := s.update(ctx, a, id, false, "decide special needs", func(r *Registration, sess *Session) ([]store.Event, error) {
		if !r.Status.Active() || r.SpecialNeeds == nil {
			return nil, s.stateRefusal(r, "LNG-06", "decide special needs", "kehtival registreeringul ei ole taotlust",
				"there is no request on an active registration")
		}
		sn := *r.SpecialNeeds
		sn.Decision = &acc
		var err error
		if e, err = s.rules.CheckSpecialNeeds(*sess, sn); err != nil {
			return nil, err
		}
		r.SpecialNeeds = &sn
		d := examData(r, "decision", acc.Reference, "tasks", strings.Join(acc.Tasks, "; "))
		if acc.OtherTimePlace {
			d["other_time_place"] = "true"
		}
		if acc.ExtraMinutes > 0 {
			d["extra_minutes"] = strconv.Itoa(acc.ExtraMinutes)
		}
		return []store.Event{{Kind: EventSpecialNeedsDecided, Recipient: recipient(r.Person), At: s.instant(), Data: d}}, nil
	})
	return r, e, err
}

// RecordNotice records that the notice of the exam's time and place was sent to the person on
// sentOn (LNG-10), with the notice in the outbox. A notice later than 30 days before the exam is
// recorded all the same (it was sent), and the explanation says it was late.
func (s *Service) RecordNotice(ctx context.Context, a actor.Actor, id int64, sentOn calendar.Date) (Registration, law.Explanation, error) {
	var e law.Explanation
	if !sentOn.IsValid() {
		return Registration{}, e, &FieldError{Pkg: pkg, Field: "sentOn", Reason: "is required: a real date"}
	}
	r, err := s.update(ctx, a, id, false, "record notice", func(r *Registration, sess *Session) ([]store.Event, error) {
		if !r.Status.Active() {
			return nil, s.stateRefusal(r, "LNG-10", "record notice", "registreering ei ole kehtiv", "the registration is not active")
		}
		due, de, err := s.rules.NoticeDue(r.Date)
		if err != nil {
			return nil, err
		}
		e = de
		v, _ := s.rules.At(r.Date)
		if sentOn.After(due) {
			e.Add("LNG-10", cite(&v, "LNG-10"), "teade saadeti "+sentOn.Register()+", pärast tähtpäeva "+due.Register(),
				"the notice was sent on "+sentOn.Register()+", after the due date "+due.Register())
		} else {
			e.Add("LNG-10", cite(&v, "LNG-10"), "teade saadeti "+sentOn.Register()+", tähtaegselt",
				"the notice was sent on "+sentOn.Register()+", in time")
		}
		r.NoticeSentOn = sentOn
		d := examData(r, "start", sess.Start, "centre", r.Centre, "contact", r.Person.Contact)
		if dl, _, err := s.rules.ResultDue(r.Date); err == nil {
			d["result_by"] = dl.Due.String() // LNG-18, for the notice
		}
		return []store.Event{{Kind: EventNotice, Recipient: recipient(r.Person), At: s.instant(), Data: d}}, nil
	})
	return r, e, err
}

// RecordAbsence records that the person did not come to the exam, on or after its day, and returns
// the wait it starts (LNG-08).
func (s *Service) RecordAbsence(ctx context.Context, a actor.Actor, id int64) (Registration, Wait, error) {
	var w Wait
	today := s.today()
	r, err := s.update(ctx, a, id, false, "record absence", func(r *Registration, _ *Session) ([]store.Event, error) {
		if !r.Status.Active() || today.Before(r.Date) {
			return nil, s.stateRefusal(r, "LNG-08", "record absence", "puudumist saab märkida kehtivale registreeringule alates eksamipäevast",
				"an absence can be recorded for an active registration from the exam day")
		}
		r.Status, r.Absence = Absent, &Absence{}
		var err error
		if w, err = s.rules.RetakeWait(*r); err != nil {
			return nil, err
		}
		d := examData(r, "wait_from", w.From.String())
		if dl, _, err := s.rules.ExplanationDue(r.Date); err == nil {
			d["explain_by"] = dl.Due.String()
		}
		return []store.Event{{Kind: EventAbsent, Recipient: recipient(r.Person), At: s.instant(), Data: d}}, nil
	})
	return r, w, err
}

// RecordExplanation records the explanation of an absence, with its evidence and the exam centre's
// finding on it (LNG-08: an absence is for a good reason when the explanation, with evidence, reached
// the centre within 30 days of the exam and the centre accepted the reason), and returns the wait
// that then applies.
func (s *Service) RecordExplanation(ctx context.Context, a actor.Actor, id int64, ab Absence) (Registration, Wait, error) {
	var w Wait
	if !ab.ExplanationFiled.IsValid() {
		return Registration{}, w, &FieldError{Pkg: pkg, Field: "ExplanationFiled", Reason: "is required: a real date"}
	}
	r, err := s.update(ctx, a, id, false, "record explanation", func(r *Registration, _ *Session) ([]store.Event, error) {
		if r.Status != Absent {
			return nil, s.stateRefusal(r, "LNG-08", "record explanation", "isik ei ole eksamilt puudunuks märgitud",
				"the person is not recorded as absent")
		}
		r.Absence = &ab
		var err error
		if w, err = s.rules.RetakeWait(*r); err != nil {
			return nil, err
		}
		return []store.Event{{Kind: EventExplanation, Recipient: recipient(r.Person), At: s.instant(),
			Data: examData(r, "accepted", strconv.FormatBool(ab.Accepted), "wait_from", w.From.String())}}, nil
	})
	return r, w, err
}

// RecordResult grades the marked exam ([Rulebook.ExplainGrade]: LNG-15, LNG-16, LNG-17, with the
// special-needs exemptions of LNG-06 and the 65+ exemption of LNG-21), records it on or after the
// exam day with the result in the outbox for the person (LNG-18), and for a pass issues the
// certificate ([Service.IssueCertificate]). A result recorded more than 30 days after the exam is
// recorded all the same, and the explanation says it was late. If issuing fails after the result is
// recorded, call IssueCertificate again: it issues exactly once.
func (s *Service) RecordResult(ctx context.Context, a actor.Actor, id int64, res Result) (Registration, law.Explanation, error) {
	var e law.Explanation
	var g Grade
	today := s.today()
	r, err := s.update(ctx, a, id, false, "record result", func(r *Registration, sess *Session) ([]store.Event, error) {
		if !r.Status.Active() || today.Before(r.Date) {
			return nil, s.stateRefusal(r, "LNG-18", "record result", "tulemust saab märkida kehtivale registreeringule alates eksamipäevast",
				"a result can be recorded for an active registration from the exam day")
		}
		var err error
		if g, e, err = s.rules.ExplainGrade(r.Sheet(sess, res)); err != nil {
			return nil, err
		}
		dl, de, err := s.rules.ResultDue(r.Date)
		if err != nil {
			return nil, err
		}
		if today.After(dl.Due) {
			e.Append(de)
			e.Add("LNG-18", de.Steps[len(de.Steps)-1].Citation, "tulemus märgiti "+today.Register()+", pärast tähtpäeva "+dl.Due.Register(),
				"the result was recorded on "+today.Register()+", after the due date "+dl.Due.Register())
		}
		r.Status, r.Result, r.Grade, r.GradedOn = Graded, &res, &g, today
		return []store.Event{{Kind: EventGraded, Recipient: recipient(r.Person), At: s.instant(), Data: examData(r,
			"passed", strconv.FormatBool(g.Passed), "total", g.Total.String(), "max", g.Max.String(), "percent", g.Percent().String())}}, nil
	})
	if err != nil || !g.Passed {
		return r, e, err
	}
	c, err := s.IssueCertificate(ctx, a, id)
	if err != nil {
		return r, e, fmt.Errorf("proficiency: the result of registration %d is recorded, the certificate is not (call IssueCertificate again): %w", id, err)
	}
	r.Certificate = c.Number
	if latest, err := s.st.ProficiencyRegistration(ctx, id); err == nil {
		r = latest
	}
	return r, e, nil
}

// IssueCertificate issues the proficiency certificate of a passed exam in the certificate register
// (LNG-18): kind certificate.Proficiency, issued by the exam centre of the session on the day the
// result was recorded, for the person, with the level; delivered in the state portal, or in written
// form for a person without an Estonian personal code (Extra["delivery"]). It is idempotent: the
// register issues under the key "proficiency/<id>", so a retry returns the same certificate, and the
// number is recorded on the registration.
func (s *Service) IssueCertificate(ctx context.Context, a actor.Actor, id int64) (certificate.Certificate, error) {
	if err := a.Validate(); err != nil {
		return certificate.Certificate{}, err
	}
	r, err := s.st.ProficiencyRegistration(ctx, id)
	if err != nil {
		return certificate.Certificate{}, err
	}
	if r.Status != Graded || r.Grade == nil || !r.Grade.Passed {
		return certificate.Certificate{}, s.stateRefusal(&r, "LNG-18", "issue certificate", "tunnistus antakse sooritatud eksami kohta",
			"a certificate is issued for a passed exam")
	}
	if r.Certificate != "" {
		return s.certs.Get(ctx, a, r.Certificate)
	}
	sess, err := s.st.ProficiencySession(ctx, r.Session)
	if err != nil {
		return certificate.Certificate{}, err
	}
	if !manages(a, &sess) {
		return certificate.Certificate{}, actor.Deny(a, "issue certificate for "+strconv.FormatInt(id, 10), "only the exam centre or the registrar may")
	}
	org, _, err := s.rules.Organiser(r.Date)
	if err != nil {
		return certificate.Certificate{}, err
	}
	del, _, err := s.rules.DeliveryOf(r.Person, r.Date)
	if err != nil {
		return certificate.Certificate{}, err
	}
	h := certificate.Holder{Name: r.Person.Name, Code: r.Person.Code}
	if h.Code.IsZero() {
		h.BirthDate = r.Person.BirthDate
	}
	c, err := s.certs.Issue(ctx, a, certificate.IssueRequest{
		IdempotencyKey: RegistrationSubject(id),
		Certificate: certificate.Certificate{
			Kind: certificate.Proficiency, Holder: h, Title: "Eesti keele " + r.Level.String() + "-tase",
			ExamLanguage: "eesti keel", Issuer: org, IssuerCode: sess.Organiser, IssuedOn: r.GradedOn,
			Extra: map[string]string{"level": r.Level.String(), "exam_date": r.Date.String(), "session": r.Session,
				"registration": strconv.FormatInt(id, 10), "delivery": del.String(), "total": r.Grade.Total.String(),
				"max": r.Grade.Max.String()},
		},
	})
	if err != nil {
		return certificate.Certificate{}, err
	}
	_, err = s.update(ctx, a, id, false, "record certificate", func(r *Registration, _ *Session) ([]store.Event, error) {
		if r.Certificate == c.Number {
			return nil, errUnchanged
		}
		r.Certificate = c.Number
		return []store.Event{{Kind: EventCertificate, Recipient: recipient(r.Person), At: s.instant(),
			Data: examData(r, "certificate", string(c.Number), "delivery", del.String())}}, nil
	})
	if err != nil {
		return certificate.Certificate{}, err
	}
	return c, nil
}

// Groups assigns the session's registrants to exam groups ([Rulebook.AssignGroups], LNG-12). Only
// the exam centre or the registrar may.
func (s *Service) Groups(ctx context.Context, a actor.Actor, session string) ([]Group, law.Explanation, error) {
	if err := a.Validate(); err != nil {
		return nil, law.Explanation{}, err
	}
	sess, err := s.st.ProficiencySession(ctx, session)
	if err != nil {
		return nil, law.Explanation{}, err
	}
	if !manages(a, &sess) {
		return nil, law.Explanation{}, actor.Deny(a, "assign groups of "+session, "only the exam centre or the registrar may")
	}
	regs, err := s.st.SessionProficiencyRegistrations(ctx, session)
	if err != nil {
		return nil, law.Explanation{}, err
	}
	return s.rules.AssignGroups(sess, regs)
}
