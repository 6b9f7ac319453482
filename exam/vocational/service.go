package vocational

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// Config configures a [Service].
type Config struct {
	// Certificates prepares the certificates issued when a committee protocol is signed (its
	// checks, defaults, number series and notices to the holders): the host's
	// certificate.Registry. Its clock is the service's ([certificate.Registry.Now]): today is its
	// date in Europe/Tallinn. Required.
	Certificates *certificate.Registry
	// Register is where the standards and awarding bodies are read: the host's register store
	// (memstore and pgstore have it). Required.
	Register Register
	// Curricula is where the schools' curricula and learners are read (EHIS). Required.
	Curricula Curricula
	// Ceilings are the state ceilings of the exam costs in force over time (EXV-06); nil means
	// that no compensation is computed.
	Ceilings law.Versions[Ceilings]
	// MinAssessors is the least size of an assessment committee; 0 means [DefaultMinAssessors].
	MinAssessors int
}

// Service runs vocational qualification exams from a school's registration to the certificates
// issued from the signed committee protocol and the compensation of the awarding body's costs
// (EXV-01..08). Every call takes the acting [actor.Actor]: a school acts on its own exams, an
// awarding body on the exams sent to it, the registrar on all; a refused or failed call changes
// nothing. Every change is a new version of the exam, stored with its events in one commit and
// retried on a concurrent change. A Service is safe for concurrent use.
type Service struct {
	st  Store
	cfg Config
	min int
}

// NewService returns a Service on st. It checks cfg: st, the Certificates, Register and Curricula are
// required (a nil one is a *FieldError naming it, wrapping invalid.ErrInvalid), and the ceilings'
// versions must not overlap and be well formed.
func NewService(st Store, cfg Config) (*Service, error) {
	switch {
	case st == nil:
		return nil, &FieldError{Pkg: pkg, Field: "store", Reason: "is required (NewService)"}
	case cfg.Certificates == nil:
		return nil, &FieldError{Pkg: pkg, Field: "Config.Certificates", Reason: "is required: the certificate registry (NewService)"}
	case cfg.Register == nil:
		return nil, &FieldError{Pkg: pkg, Field: "Config.Register", Reason: "is required (NewService)"}
	case cfg.Curricula == nil:
		return nil, &FieldError{Pkg: pkg, Field: "Config.Curricula", Reason: "is required (NewService)"}
	}
	if err := cfg.Ceilings.Check(); err != nil {
		return nil, fmt.Errorf("vocational: NewService: Config.Ceilings: %w", err)
	}
	for _, v := range cfg.Ceilings {
		if err := v.Rule.Validate(); err != nil {
			return nil, fmt.Errorf("vocational: NewService: Config.Ceilings %q: %w", v.Name, err)
		}
	}
	s := &Service{st: st, cfg: cfg, min: cfg.MinAssessors}
	if s.min <= 0 {
		s.min = DefaultMinAssessors
	}
	return s, nil
}

// instant returns the registry's clock's time to the microsecond, the precision PostgreSQL keeps.
func (s *Service) instant() time.Time { return s.cfg.Certificates.Now().Truncate(time.Microsecond) }

// Today returns the service's current date in Europe/Tallinn: the certificate registry's today.
func (s *Service) Today() calendar.Date { return s.cfg.Certificates.Today() }

// sideOf returns the side a acts for in exam e: the school's or the awarding body's.
func sideOf(a actor.Actor, e *Exam) (Side, bool) {
	switch {
	case a.Role == actor.School && a.ActsFor(e.School.Code):
		return SchoolSide, true
	case a.Role == actor.AwardingBody && a.ActsFor(e.Body.Code):
		return BodySide, true
	}
	return 0, false
}

// mayRead reports whether a may see exam e (EXV-07): its school, its awarding body, the registrar.
func mayRead(a actor.Actor, e *Exam) bool {
	_, ok := sideOf(a, e)
	return ok || a.Role == actor.Registrar
}

// must refuses a unless it acts for side in e, or is the registrar.
func must(a actor.Actor, e *Exam, side Side, op string) error {
	if sd, ok := sideOf(a, e); (ok && sd == side) || a.Role == actor.Registrar {
		return nil
	}
	return actor.Deny(a, op, "only "+side.Name(law.English)+" of exam "+strconv.FormatInt(e.ID, 10)+" or the registrar may")
}

// stateErr refuses op in e's present status.
func stateErr(e *Exam, op, rule, want string) error {
	return &RuleError{Pkg: pkg, Rule: rule, Citation: eksamihaldus.String(), Op: op,
		Reason: "the exam is " + e.Status.Name(law.English) + "; " + want, Err: ErrState}
}

// update reads exam id, checks that a may see it, applies change and writes it back with the events
// change returns, retrying when a concurrent writer got there first. change returns no events for no
// change.
func (s *Service) update(ctx context.Context, a actor.Actor, id int64, op string, change func(e *Exam, now time.Time) ([]store.Event, error)) (Exam, error) {
	if err := a.Validate(); err != nil {
		return Exam{}, err
	}
	var err error
	for range 5 {
		var e Exam
		if e, err = s.read(ctx, a, id, op); err != nil {
			return Exam{}, err
		}
		now := s.instant()
		evs, cerr := change(&e, now)
		if cerr != nil {
			return Exam{}, cerr
		}
		if len(evs) == 0 {
			return e, nil
		}
		var out Exam
		out, err = s.st.UpdateVocationalExam(ctx, e, evs)
		if !errors.Is(err, store.ErrConflict) {
			return out, err
		}
	}
	return Exam{}, err
}

// read returns exam id if a may see it.
func (s *Service) read(ctx context.Context, a actor.Actor, id int64, op string) (Exam, error) {
	e, err := s.st.VocationalExam(ctx, id)
	if err != nil {
		return Exam{}, err
	}
	if !mayRead(a, &e) {
		return Exam{}, actor.Deny(a, op, "a school sees only its own exams, an awarding body only those sent to it (EXV-07)")
	}
	return e, nil
}

// Get returns exam id with its candidates, results, protocols and statement, to its school, its
// awarding body or the registrar (EXV-07: the school sees the participants' results and the
// protocols).
func (s *Service) Get(ctx context.Context, a actor.Actor, id int64) (Exam, error) {
	if err := a.Validate(); err != nil {
		return Exam{}, err
	}
	return s.read(ctx, a, id, "read exam "+strconv.FormatInt(id, 10))
}

// List returns the exams q selects that a may see: a school's own, an awarding body's own (the
// query's School or Body is set to the actor's), any for the registrar.
func (s *Service) List(ctx context.Context, a actor.Actor, q ExamQuery) ([]Exam, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	switch a.Role {
	case actor.School:
		q.School = a.Org
	case actor.AwardingBody:
		q.Body = a.Org
	case actor.Registrar:
	default:
		return nil, actor.Deny(a, "list exams", "only a school, an awarding body or the registrar may (EXV-07)")
	}
	return s.st.VocationalExams(ctx, q)
}

// Eligible answers whether school may create a qualification exam for its curriculum code today
// (EXV-01), with the explanation. Only the school (or the registrar) may ask.
func (s *Service) Eligible(ctx context.Context, a actor.Actor, school, code string) (Eligibility, error) {
	if err := a.Validate(); err != nil {
		return Eligibility{}, err
	}
	if !(a.Role == actor.School && a.ActsFor(school)) && a.Role != actor.Registrar {
		return Eligibility{}, actor.Deny(a, "check curriculum "+code, "only the school or the registrar may")
	}
	el, _, err := s.eligible(ctx, school, code, s.Today())
	return el, err
}

// eligible reads the curriculum, its learners and its standard and decides EXV-01.
func (s *Service) eligible(ctx context.Context, school, code string, on calendar.Date) (Eligibility, register.Standard, error) {
	c, err := s.cfg.Curricula.Curriculum(ctx, school, code)
	if err != nil {
		return Eligibility{}, register.Standard{}, err
	}
	ls, err := s.cfg.Curricula.Learners(ctx, school, code)
	if err != nil {
		return Eligibility{}, register.Standard{}, err
	}
	var std register.Standard
	if c.Standard != 0 {
		std, err = s.cfg.Register.Standard(ctx, c.Standard)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return Eligibility{}, register.Standard{}, err
		}
	}
	return Eligible(c, ls, std, on), std, nil
}

// notEligible is the refusal of an exam for a curriculum that EXV-01 does not allow.
func notEligible(op string, el *Eligibility) error {
	reason := "not eligible"
	if n := len(el.Why.Steps); n > 0 {
		reason = el.Why.Steps[n-1].En
	}
	return &RuleError{Pkg: pkg, Rule: "EXV-01", Citation: eksamihaldus.String(), Op: op, Reason: reason, Err: ErrNotEligible}
}

// CreateRequest is what [Service.Create] takes.
type CreateRequest struct {
	School     string   // the school's registry code
	SchoolName string   // its name
	Curriculum string   // the curriculum's EHIS code
	Body       string   // the registry code of the awarding body the exam is for
	Type       ExamType // theoretical, practical or combined
	Language   string   // the exam's language; "" means "eesti keel"
	// Candidates are the learners (by ID) who take the exam: learners of the curriculum in their
	// final course; empty means all of them.
	Candidates []string
	// Proposed are the times and places the school proposes; they may be left for later.
	Proposed []Sitting
}

// Create creates a draft exam for a school's curriculum (EXV-01): only for a curriculum linked to an
// occupational standard with a version in force today and with learners in their final course, and
// for an awarding body that awards its qualification (EXV-03). The school (or the registrar) acts.
// The exam is held under the standard's version in force today (GEN-04) and assesses its
// competences.
func (s *Service) Create(ctx context.Context, a actor.Actor, req CreateRequest) (Exam, error) {
	op := "create an exam for curriculum " + req.Curriculum
	if err := a.Validate(); err != nil {
		return Exam{}, err
	}
	if !(a.Role == actor.School && a.ActsFor(req.School)) && a.Role != actor.Registrar {
		return Exam{}, actor.Deny(a, op, "only the school or the registrar may create its exams")
	}
	errs := &ValidationError{Pkg: pkg}
	text(errs, "School", req.School, true)
	text(errs, "SchoolName", req.SchoolName, true)
	text(errs, "Curriculum", req.Curriculum, true)
	text(errs, "Body", req.Body, true)
	text(errs, "Language", req.Language, false)
	if !req.Type.Valid() {
		errs.Add("Type", req.Type.String(), "is required: theory, practical or combined")
	}
	if err := errs.Err(); err != nil {
		return Exam{}, err
	}
	now := s.instant()
	today := calendar.DateOf(now)
	if len(req.Proposed) > 0 {
		if err := checkSittings("Proposed", req.Type, req.Proposed, today); err != nil {
			return Exam{}, err
		}
	}
	el, std, err := s.eligible(ctx, req.School, req.Curriculum, today)
	if err != nil {
		return Exam{}, err
	}
	if !el.Eligible {
		return Exam{}, notEligible(op, &el)
	}
	body, err := s.cfg.Register.AwardingBody(ctx, req.Body)
	if err != nil {
		return Exam{}, err
	}
	if _, _, err := Awards(body, std, today); err != nil {
		return Exam{}, err
	}
	v := el.Version
	e := Exam{
		School: Party{Code: req.School, Name: req.SchoolName}, Body: Party{Code: body.Code, Name: body.Name},
		Curriculum: el.Curriculum, Type: req.Type, Language: req.Language, Units: UnitsOf(v),
		Qualification: Qualification{Standard: std.ID, Version: v.ID, Number: v.Version, Name: v.Name, EKR: v.EKR,
			Specialisations: v.Specialisations, Basic: v.Basic},
		Proposed: req.Proposed, Status: Draft, CreatedAt: now,
	}
	if e.Language == "" {
		e.Language = "eesti keel"
	}
	if e.Candidates, err = pick(el.Learners, req.Candidates); err != nil {
		return Exam{}, err
	}
	return s.st.CreateVocationalExam(ctx, e, []store.Event{event(EventCreated, &e, e.School.Code, now, nil)})
}

// pick returns the learners with the IDs, in the order given, as candidates; none given means all.
func pick(final []Learner, ids []string) ([]Candidate, error) {
	if len(ids) == 0 {
		out := make([]Candidate, len(final))
		for i, l := range final {
			out[i] = Candidate{Learner: l}
		}
		return out, nil
	}
	out := make([]Candidate, 0, len(ids))
	seen := map[string]bool{}
	errs := &ValidationError{Pkg: pkg}
	for i, id := range ids {
		f := "Candidates[" + strconv.Itoa(i) + "]"
		if seen[id] {
			errs.Add(f, id, "is listed twice")
			continue
		}
		seen[id] = true
		found := false
		for _, l := range final {
			if l.ID == id {
				out, found = append(out, Candidate{Learner: l}), true
				break
			}
		}
		if !found {
			errs.Add(f, id, "is not a learner of the curriculum in the final course (EXV-01)")
		}
	}
	return out, errs.Err()
}

// DraftChange is what [Service.ChangeDraft] changes in a draft: each field that is not nil (or not
// zero, for Type) replaces the draft's.
type DraftChange struct {
	Type       ExamType
	Language   string
	Candidates []string  // the learners, by ID, as in CreateRequest; nil: unchanged
	Proposed   []Sitting // nil: unchanged; empty: none proposed
}

// ChangeDraft changes a draft exam: its type, language, candidates or proposed times and places. Only
// the school, while the exam is a draft (before it is registered or after the awarding body returned
// it).
func (s *Service) ChangeDraft(ctx context.Context, a actor.Actor, id int64, ch DraftChange) (Exam, error) {
	op := "change exam " + strconv.FormatInt(id, 10)
	return s.update(ctx, a, id, op, func(e *Exam, now time.Time) ([]store.Event, error) {
		if err := must(a, e, SchoolSide, op); err != nil {
			return nil, err
		}
		if e.Status != Draft {
			return nil, stateErr(e, op, "EXV-03", "only a draft can be changed")
		}
		today := calendar.DateOf(now)
		if ch.Type != 0 {
			if !ch.Type.Valid() {
				return nil, &FieldError{Pkg: pkg, Field: "Type", Value: ch.Type.String(), Reason: "must be theory, practical or combined"}
			}
			e.Type = ch.Type
		}
		if ch.Language != "" {
			e.Language = ch.Language
		}
		if ch.Proposed != nil {
			e.Proposed = ch.Proposed
		}
		if len(e.Proposed) > 0 {
			if err := checkSittings("Proposed", e.Type, e.Proposed, today); err != nil {
				return nil, err
			}
		}
		if ch.Candidates != nil {
			el, _, err := s.eligible(ctx, e.School.Code, e.Curriculum.Code, today)
			if err != nil {
				return nil, err
			}
			if !el.Eligible {
				return nil, notEligible(op, &el)
			}
			if e.Candidates, err = pick(el.Learners, ch.Candidates); err != nil {
				return nil, err
			}
		}
		return []store.Event{event(EventChanged, e, e.School.Code, now, nil)}, nil
	})
}

// Register registers a draft exam (EXV-03: "kutseõppeasutus registreerib eksami"): the curriculum is
// still eligible (EXV-01), every candidate is a learner in the final course with a name and a
// personal code or birth date and the specialisation the standard requires — their data taken from
// the school's data of the day — and a certificate is assembled for each candidate (EXV-08). Only the
// school.
func (s *Service) Register(ctx context.Context, a actor.Actor, id int64) (Exam, error) {
	op := "register exam " + strconv.FormatInt(id, 10)
	return s.update(ctx, a, id, op, func(e *Exam, now time.Time) ([]store.Event, error) {
		if err := must(a, e, SchoolSide, op); err != nil {
			return nil, err
		}
		if e.Status != Draft {
			return nil, stateErr(e, op, "EXV-03", "only a draft can be registered")
		}
		el, _, err := s.eligible(ctx, e.School.Code, e.Curriculum.Code, calendar.DateOf(now))
		if err != nil {
			return nil, err
		}
		if !el.Eligible {
			return nil, notEligible(op, &el)
		}
		if len(e.Candidates) == 0 {
			return nil, &RuleError{Pkg: pkg, Rule: "EXV-03", Citation: eksamihaldus.String(), Op: op, Reason: "the exam has no candidates", Err: ErrIncomplete}
		}
		var errs []error
		for i := range e.Candidates {
			c := &e.Candidates[i]
			fresh, err := pick(el.Learners, []string{c.ID})
			if err != nil {
				errs = append(errs, err)
				continue
			}
			c.Learner = fresh[0].Learner // the school's data of the day of registration
			if err := checkCandidate(e, c); err != nil {
				errs = append(errs, err)
				continue
			}
			c.Certificate = Assemble(e, c)
		}
		if len(errs) > 0 {
			return nil, errors.Join(errs...)
		}
		e.Status = Registered
		return []store.Event{event(EventRegistered, e, e.School.Code, now, map[string]string{"count": strconv.Itoa(len(e.Candidates))})}, nil
	})
}

// Send sends a registered exam to the awarding body (EXV-03: "ja saadab kutse andjale"); the times
// and places the school proposed become its first proposal (EXV-02). Only the school.
func (s *Service) Send(ctx context.Context, a actor.Actor, id int64) (Exam, error) {
	op := "send exam " + strconv.FormatInt(id, 10)
	return s.update(ctx, a, id, op, func(e *Exam, now time.Time) ([]store.Event, error) {
		if err := must(a, e, SchoolSide, op); err != nil {
			return nil, err
		}
		if e.Status != Registered {
			return nil, stateErr(e, op, "EXV-03", "only a registered exam can be sent")
		}
		e.Status = Sent
		evs := []store.Event{event(EventSent, e, e.Body.Code, now, nil)}
		if len(e.Proposed) > 0 {
			if err := checkSittings("Proposed", e.Type, e.Proposed, calendar.DateOf(now)); err != nil {
				return nil, err
			}
			evs = append(evs, propose(e, SchoolSide, e.Proposed, "", now))
			e.Proposed = nil
		}
		return evs, nil
	})
}

// propose adds a proposal by side, superseding an open one, and returns its event to the other side.
func propose(e *Exam, by Side, ss []Sitting, note string, now time.Time) store.Event {
	for i := range e.Proposals {
		if e.Proposals[i].Status == Open {
			e.Proposals[i].Status = Superseded
		}
	}
	p := Proposal{N: len(e.Proposals) + 1, By: by, Sittings: append([]Sitting(nil), ss...), Note: note, At: now, Status: Open}
	e.Proposals = append(e.Proposals, p)
	return event(EventProposed, e, recipient(e, by.Other()), now, map[string]string{"by": by.String(),
		"proposal": strconv.Itoa(p.N), "sittings": sittingsText(ss)})
}

// recipient returns the registry code of side in e.
func recipient(e *Exam, side Side) string {
	if side == BodySide {
		return e.Body.Code
	}
	return e.School.Code
}

func sittingsText(ss []Sitting) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.String()
	}
	return strings.Join(parts, "; ")
}

// Return returns a sent exam to the school for correction, with the reason: it is a draft again.
// Only the awarding body.
func (s *Service) Return(ctx context.Context, a actor.Actor, id int64, reason string) (Exam, error) {
	op := "return exam " + strconv.FormatInt(id, 10)
	return s.update(ctx, a, id, op, func(e *Exam, now time.Time) ([]store.Event, error) {
		if err := must(a, e, BodySide, op); err != nil {
			return nil, err
		}
		if e.Status != Sent {
			return nil, stateErr(e, op, "EXV-03", "only a sent exam can be returned")
		}
		errs := &ValidationError{Pkg: pkg}
		if text(errs, "reason", reason, true); errs.Err() != nil {
			return nil, errs
		}
		for i := range e.Proposals {
			if e.Proposals[i].Status == Open {
				e.Proposals[i].Status = Superseded
			}
		}
		e.Status, e.Note = Draft, reason
		return []store.Event{event(EventReturned, e, e.School.Code, now, map[string]string{"reason": reason})}, nil
	})
}

// AcceptRequest is what [Service.Accept] takes.
type AcceptRequest struct {
	// Units replaces the units assessed (the standard's competences by default) with the body's:
	// modules of the curriculum, say. nil keeps them.
	Units []Unit
	// Fee is the body's fee for a vocational graduate's exam; zero for none (EXV-06).
	Fee decimal.Decimal
}

// Accept takes a sent exam up (EXV-04: "kutse andja menetleb eksami"), with the units it assesses and
// its fee. Only the awarding body.
func (s *Service) Accept(ctx context.Context, a actor.Actor, id int64, req AcceptRequest) (Exam, error) {
	op := "accept exam " + strconv.FormatInt(id, 10)
	return s.update(ctx, a, id, op, func(e *Exam, now time.Time) ([]store.Event, error) {
		if err := must(a, e, BodySide, op); err != nil {
			return nil, err
		}
		if e.Status != Sent {
			return nil, stateErr(e, op, "EXV-04", "only a sent exam can be taken up")
		}
		if req.Fee.IsNegative() {
			return nil, &FieldError{Pkg: pkg, Field: "Fee", Value: req.Fee.String(), Reason: "must not be negative"}
		}
		if req.Units != nil {
			if err := checkUnits(req.Units); err != nil {
				return nil, err
			}
			e.Units = append([]Unit(nil), req.Units...)
			var errs []error
			for i := range e.Candidates {
				if err := checkCandidate(e, &e.Candidates[i]); err != nil {
					errs = append(errs, err)
				}
			}
			if len(errs) > 0 {
				return nil, errors.Join(errs...)
			}
		}
		if len(e.Units) == 0 {
			return nil, &RuleError{Pkg: pkg, Rule: "EXV-04", Citation: eksamihaldus.String(), Op: op,
				Reason: "the standard lists no competences for the certificate: set the units to assess", Err: ErrIncomplete}
		}
		e.Fee, e.Status = req.Fee, Processing
		return []store.Event{event(EventAccepted, e, e.School.Code, now, nil)}, nil
	})
}

// Cancel cancels an exam with the reason: the school before any result is entered, the registrar
// before the protocol is signed. The other side is told.
func (s *Service) Cancel(ctx context.Context, a actor.Actor, id int64, reason string) (Exam, error) {
	op := "cancel exam " + strconv.FormatInt(id, 10)
	return s.update(ctx, a, id, op, func(e *Exam, now time.Time) ([]store.Event, error) {
		if err := must(a, e, SchoolSide, op); err != nil {
			return nil, err
		}
		errs := &ValidationError{Pkg: pkg}
		if text(errs, "reason", reason, true); errs.Err() != nil {
			return nil, errs
		}
		switch {
		case e.Status == Signed || e.Status == Cancelled:
			return nil, stateErr(e, op, "EXV-03", "a signed or cancelled exam cannot be cancelled")
		case a.Role != actor.Registrar && (e.Status > Processing || anyResult(e)):
			return nil, stateErr(e, op, "EXV-03", "the school may cancel only before results are entered")
		}
		rcpt := e.School.Code
		if e.Status >= Sent || a.Role == actor.Registrar {
			rcpt = e.Body.Code
		}
		e.Status, e.Note = Cancelled, reason
		return []store.Event{event(EventCancelled, e, rcpt, now, map[string]string{"reason": reason})}, nil
	})
}

func anyResult(e *Exam) bool {
	for i := range e.Candidates {
		if e.Candidates[i].Result.Entered() {
			return true
		}
	}
	return false
}

// Withdraw withdraws a candidate from the exam, with the reason (the learner left school, did not
// finish the curriculum): before the candidate's result is entered. Only the school.
func (s *Service) Withdraw(ctx context.Context, a actor.Actor, id int64, candidate, reason string) (Exam, error) {
	op := "withdraw candidate " + candidate + " from exam " + strconv.FormatInt(id, 10)
	return s.update(ctx, a, id, op, func(e *Exam, now time.Time) ([]store.Event, error) {
		if err := must(a, e, SchoolSide, op); err != nil {
			return nil, err
		}
		if e.Status < Registered || e.Status > Processing {
			return nil, stateErr(e, op, "EXV-03", "candidates are withdrawn from a registered exam before it is assessed (in a draft, change the candidates)")
		}
		c := e.Candidate(candidate)
		switch {
		case c == nil:
			return nil, &FieldError{Pkg: pkg, Field: "candidate", Value: candidate, Reason: "is not a candidate of the exam"}
		case !c.Active():
			return nil, nil
		case c.Result.Entered():
			return nil, stateErr(e, op, "EXV-04", "the candidate's result is entered")
		}
		errs := &ValidationError{Pkg: pkg}
		if text(errs, "reason", reason, true); errs.Err() != nil {
			return nil, errs
		}
		c.Withdrawn = Withdrawal{On: calendar.DateOf(now), Reason: reason}
		rcpt := e.School.Code
		if e.Status >= Sent {
			rcpt = e.Body.Code
		}
		return []store.Event{event(EventWithdrawn, e, rcpt, now, map[string]string{"candidate": candidate, "reason": reason})}, nil
	})
}
