package duplicate

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
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
	"github.com/kutsekit/kutse/store"
)

// The kinds of event the service raises. Each goes to the party concerned: Recipient is the
// applicant's personal code, or an organisation's code.
const (
	EventOpened                = "duplicate.opened"                 // to the applicant: the request is open, with its route
	EventForward               = "duplicate.forward"                // to a government: forward the request (SCH-17)
	EventAssigned              = "duplicate.assigned"               // to whoever decides: a request is on its way or has come
	EventReceived              = "duplicate.received"               // to the applicant: received by whoever decides; the decision's due date
	EventConfirmationRequested = "duplicate.confirmation-requested" // to the archive or government: a confirmation of graduation is asked (SCH-17)
	EventConfirmed             = "duplicate.confirmed"              // to the applicant: the confirmation of graduation was obtained
	EventGranted               = "duplicate.granted"                // to the applicant: granted and issued
	EventPublish               = "duplicate.publish"                // to whoever decided: publish the notice in Ametlikud Teadaanded (SCH-19, SCH-14)
	EventDestroy               = "duplicate.destroy"                // to whoever destroys it: the attached original to destroy (SCH-18, SCH-14)
	EventRefused               = "duplicate.refused"                // to the applicant: refused, with the reason (SCH-23)
	EventCertified             = "duplicate.certified"              // to the applicant: a certificate of graduation was issued (SCH-22)
	EventNotified              = "duplicate.notified"               // to the applicant: the decision was made known
	EventHandedOver            = "duplicate.handed-over"            // to the applicant: the duplicate was handed over (SCH-21)
)

// Config configures a [Service]. The zero value works for occupational and state-exam certificates;
// school documents need a Registry.
type Config struct {
	// Now is the clock; nil means time.Now. Today is Now's date in Europe/Tallinn.
	Now func() time.Time
	// Registry is the host's school registry (and, optionally, its awarding bodies).
	Registry Registry
	// Fees is the issuers' fee schedule (SCH-20); nil, or an issuer without a fee for a kind, means 0.
	Fees FeeSchedule
	// Series maps a kind to the series a duplicate's number is allocated from when no blank number
	// is given; kinds not in the map use certificate.DefaultSeries.
	Series map[certificate.Kind]certificate.Series
	// ExamCentre is the institution that issues state-exam certificates, to which school originals
	// are sent for destruction (SCH-18); its Code is the recipient of those events.
	ExamCentre Party
	// Statute is the versions of regulation nr 113 the school and state-exam procedures apply
	// (GEN-04); nil means vv113.Default, the text in force 13.07.2014–30.04.2015. A step on a day no
	// version covers is refused with an error wrapping law.ErrNoVersion: a host working with later
	// dates adds the version it has read (vv113.Statute.With).
	Statute vv113.Statute
}

// Service runs the cases: open (validated and routed), record receipt, record the confirmation of
// graduation, grant (decide and issue the duplicate in one commit) or refuse, issue a certificate of
// graduation instead, record the notice and the hand-over, and list cases with their deadlines.
// Every call takes the acting [actor.Actor]; a refused or failed call changes nothing. A Service is
// safe for concurrent use.
type Service struct {
	st     Store
	cfg    Config
	series map[certificate.Kind]certificate.Series
}

// NewService returns a Service on st. It checks the series in cfg against their kinds.
func NewService(st Store, cfg Config) (*Service, error) {
	if st == nil {
		return nil, &invalid.FieldError{Pkg: "duplicate", Field: "store", Reason: "is required (NewService)"}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.ExamCentre.IsZero() {
		cfg.ExamCentre = Party{Role: PartyExamCentre, Name: "riigieksamitunnistusi väljastav asutus"}
	}
	if cfg.Statute != nil {
		if err := cfg.Statute.Check(); err != nil {
			return nil, err
		}
	}
	s := &Service{st: st, cfg: cfg, series: map[certificate.Kind]certificate.Series{}}
	for k, se := range cfg.Series {
		if err := se.Check(k); err != nil {
			return nil, fmt.Errorf("duplicate: series for %s: %w", k, err)
		}
		s.series[k] = se
	}
	return s, nil
}

// instant returns the clock's time to the microsecond, the precision PostgreSQL keeps.
func (s *Service) instant() time.Time { return s.cfg.Now().Truncate(time.Microsecond) }

// Today returns the service's current date in Europe/Tallinn.
func (s *Service) Today() calendar.Date { return calendar.DateOf(s.cfg.Now()) }

// Result is what a step of a case returns: the case as stored and what the step decided.
type Result struct {
	Case        Case
	Original    certificate.Certificate // Grant: the original as it now stands
	Duplicate   certificate.Certificate // Grant: the duplicate (or new certificate) issued
	Form        Form                    // Grant: how the duplicate is drawn up
	Notice      string                  // Grant: the text to publish in Ametlikud Teadaanded, or ""
	Explanation law.Explanation         // the rules applied
}

// CaseView is a case with its deadlines on a date.
type CaseView struct {
	Case      Case
	Deadlines []Tracked
}

func applicantRecipient(r Request) string {
	if !r.NewCode.IsZero() {
		return r.NewCode.String()
	}
	if !r.Applicant.Code.IsZero() {
		return r.Applicant.Code.String()
	}
	return ""
}

func ev(kind, rcpt string, at time.Time, data map[string]string) store.Event {
	return store.Event{Kind: kind, Recipient: rcpt, At: at, Data: data}
}

// mayDecide reports whether a acts for whoever decides on route r: the school (also as the
// successor of the original's school, actor.Successor naming it: SCH-02, § 5 (2), § 17 (3)), the
// awarding body (not its partner), the exam centre, or the registrar (who also acts for Kutsekoda).
func mayDecide(a actor.Actor, r Route) bool {
	if a.Role == actor.Registrar {
		return true
	}
	d := r.Decider
	switch d.Role {
	case PartySchool:
		if a.Role == actor.Successor {
			return d.Code != "" && a.Org == d.Code && a.For == r.Origin.Code && a.For != d.Code
		}
		return a.Role == actor.School && a.ActsFor(d.Code)
	case PartyAwardingBody:
		return a.Role == actor.AwardingBody && a.ActsFor(d.Code)
	case PartyExamCentre:
		return a.Role == actor.ExamCentre && (d.Code == "" || a.ActsFor(d.Code))
	}
	return false
}

// mayRead reports whether a may see case c: its applicant, an organisation on its route, the
// registrar.
func mayRead(a actor.Actor, c *Case) bool {
	if a.Role == actor.Registrar || c.IsApplicant(a.Person) && a.Role == actor.Owner {
		return true
	}
	if a.Role == actor.Public || a.Role == actor.Owner {
		return false
	}
	for _, p := range c.Route.Parties() {
		if a.ActsFor(p) || a.Role == actor.Successor && a.Org == p {
			return true
		}
	}
	return c.Procedure.StateExam() && a.Role == actor.ExamCentre && c.Route.Decider.Code == ""
}

// Open validates a request, routes it and opens its case (SCH-16, SCH-17, SCH-18; SCH-12..14;
// CERT-07). Its date is today. The actor is the applicant (an owner whose personal code is the
// applicant's, or the new one), an organisation on the route registering a request it received on
// paper, or the registrar; an awarding body may open a case itself for an error in its data
// (Request.ByIssuer).
//
// A request that is wrong is refused with a *ValidationError whose problems each name their rule
// (no ground: [ErrNoGround]; a ground the kind has not: [ErrGround]; a missing attachment:
// [ErrAttachment]; a future year: [ErrFutureYear]; an unknown school: [ErrUnknownSchool]), and
// nothing is stored. When the request goes straight to whoever decides, it is received today and the
// decision period starts; otherwise the forwarding government is notified.
func (s *Service) Open(ctx context.Context, a actor.Actor, req Request) (Result, error) {
	if err := a.Validate(); err != nil {
		return Result{}, err
	}
	if a.Role == actor.Public {
		return Result{}, actor.Deny(a, "open a duplicate case", "the public may not")
	}
	now := s.instant()
	today := calendar.DateOf(now)
	req = req.Clone()
	req.Date = today
	if a.Role == actor.Owner && !a.Is(req.Applicant.Code) && !a.Is(req.NewCode) {
		return Result{}, actor.Deny(a, "open a duplicate case", "an owner asks only for their own document")
	}
	var probs []*RequestError
	var orig certificate.Certificate
	if req.Original != "" {
		c, err := s.st.Certificate(ctx, req.Original)
		switch {
		case errors.Is(err, store.ErrNotFound):
			probs = append(probs, &RequestError{Rule: RuleApplication, Citation: reg113.At("17", "2", "").String(), Field: "Original",
				Value: string(req.Original), Reason: "is not in the register", Err: ErrMismatch})
		case err != nil:
			return Result{}, err
		default:
			orig = c
			if req.Kind == 0 {
				req.Kind = c.Kind
			}
			if req.Issuer == "" {
				req.Issuer = c.IssuerCode
			}
			if req.IssuerName == "" {
				req.IssuerName = c.Issuer
			}
			probs = append(probs, mismatch(req, &c)...)
		}
	}
	p, e, err := ValidateRequest(s.cfg.Statute, req)
	var ve *ValidationError
	if errors.As(err, &ve) {
		probs = append(probs, ve.Problems...)
	} else if err != nil {
		return Result{}, err
	}
	if req.ByIssuer && a.Role != actor.Registrar && !(a.Role == actor.AwardingBody && a.ActsFor(req.Issuer)) {
		return Result{}, actor.Deny(a, "open a duplicate case for the issuer's error", "only the awarding body that issued the original may (X-Road reason 3)")
	}
	if len(probs) > 0 {
		return Result{}, &ValidationError{Problems: probs}
	}
	graduated := orig.IssuedOn
	if graduated.IsZero() && req.Year > 0 && p == SchoolDuplicate {
		graduated = calendar.MustDate(req.Year, time.June, 30)
	}
	route, re, err := FindRoute(ctx, s.cfg.Statute, s.cfg.Registry, RouteInput{Procedure: p, Issuer: req.Issuer, IssuerName: req.IssuerName,
		Level: req.level(), Graduated: graduated, On: today})
	if err != nil {
		var rq *RequestError
		if errors.As(err, &rq) {
			return Result{}, &ValidationError{Problems: []*RequestError{rq}}
		}
		return Result{}, err
	}
	e.Append(re)
	if a.Role != actor.Owner && a.Role != actor.Registrar && !req.ByIssuer {
		ok := false
		for _, code := range []string{route.Submit.Code, route.Decider.Code} {
			ok = ok || a.ActsFor(code)
		}
		if !ok && !(mayDecide(a, route)) {
			return Result{}, actor.Deny(a, "open a duplicate case", "only the applicant, an organisation the request goes to, or the registrar may")
		}
	}
	fee := decimal.Zero
	if s.cfg.Fees != nil {
		if f, ok := s.cfg.Fees.Fee(route.Decider.Code, req.Kind); ok {
			fee = f
		}
	}
	// The awarding body asking itself for an error in its data (X-Road reason 3) owns the fault
	// (Reg74 § 10 (5)); otherwise the applicant pays until whoever decides finds the issuer at fault
	// (GrantInput.IssuerFault).
	cost, ce, err := CostOf(s.cfg.Statute, p, req.Ground, req.ByIssuer && p == OccupationalDuplicate, fee, today)
	if err != nil {
		return Result{}, err
	}
	e.Append(ce)
	c := Case{Procedure: p, Status: Submitted, Request: req, Route: route, SubmittedAt: now, Cost: cost}
	rcpt := applicantRecipient(req)
	events := []store.Event{ev(EventOpened, rcpt, now, map[string]string{
		"procedure": p.String(), "ground": req.Ground.String(), "submit-to": route.Submit.Name, "decider": route.Decider.Name,
		"amount": cost.Amount.StringFixed(2), "payer": cost.Payer.String()})}
	for _, st := range route.Steps {
		if st.Action == Forward && st.From.Role == PartyGovernment {
			events = append(events, ev(EventForward, st.From.Code, now, map[string]string{"to": st.To.Name, "to-code": st.To.Code, "text": st.Et,
				"applicant": req.Applicant.Name, "procedure": p.String()}))
		}
	}
	assigned := map[string]string{"procedure": p.String(), "ground": req.Ground.String(), "applicant": req.Applicant.Name}
	if route.NeedsConfirmation() {
		assigned["confirm-from"] = route.Confirmer.Name
	}
	events = append(events, ev(EventAssigned, route.Decider.Code, now, assigned))
	if !route.Forwarded() || (a.Role != actor.Registrar && mayDecide(a, route)) {
		c.Status, c.ReceivedOn = Received, today
		rev, re, err := s.receivedEvents(&c, now)
		if err != nil {
			return Result{}, err
		}
		events = append(events, rev...)
		e.Append(re)
	}
	c, err = s.st.CreateCase(ctx, c, events)
	if err != nil {
		return Result{}, err
	}
	return Result{Case: c, Explanation: e}, nil
}

// mismatch compares the request with the original in the register.
func mismatch(req Request, o *certificate.Certificate) []*RequestError {
	var out []*RequestError
	add := func(field, value, reason string) {
		out = append(out, &RequestError{Rule: RuleApplication, Citation: reg113.At("17", "2", "").String(), Field: field, Value: value,
			Reason: reason, Err: ErrMismatch})
	}
	if req.Kind != o.Kind {
		add("Kind", req.Kind.String(), "is not the original's kind ("+o.Kind.String()+")")
	}
	if req.Issuer != o.IssuerCode {
		add("Issuer", req.Issuer, "is not the original's issuer ("+o.IssuerCode+")")
	}
	a := req.Applicant
	if !a.Code.IsZero() && !o.Holder.Code.IsZero() && a.Code != o.Holder.Code {
		add("Applicant.Code", "", "is not the personal code on the original")
	}
	if a.Code.IsZero() && !a.BirthDate.IsZero() && a.BirthDate != o.Holder.Born() {
		add("Applicant.BirthDate", a.BirthDate.String(), "is not the birth date of the original's holder")
	}
	return out
}

// receivedEvents returns the events of a case received by whoever decides, and the deadline's
// explanation; the deadline's error (a day of receipt no version of the regulation covers) refuses
// the step.
func (s *Service) receivedEvents(c *Case, now time.Time) ([]store.Event, law.Explanation, error) {
	dl, err := DecisionDeadline(s.cfg.Statute, c.Procedure, c.ReceivedOn)
	if err != nil {
		return nil, law.Explanation{}, err
	}
	evs := []store.Event{ev(EventReceived, applicantRecipient(c.Request), now, map[string]string{
		"received": c.ReceivedOn.String(), "decide-by": dl.Due.String(), "decider": c.Route.Decider.Name})}
	if c.Route.NeedsConfirmation() {
		evs = append(evs, ev(EventConfirmationRequested, c.Route.Confirmer.Code, now, map[string]string{
			"from": c.Route.Confirmer.Name, "by": c.Route.Decider.Name, "school": c.Route.Origin.Name,
			"graduate": c.Request.Applicant.Name, "year": strconv.Itoa(c.Request.Year)}))
	}
	return evs, dl.Explanation, nil
}

// change is a step applied to a case read from the store: it changes c and returns the events and
// the explanation, or an error to refuse.
type change func(c *Case) ([]store.Event, law.Explanation, error)

// update reads case id, checks that a decides it, applies ch and writes it back with its events,
// retrying when a concurrent writer got there first.
func (s *Service) update(ctx context.Context, a actor.Actor, id int64, op string, ch change) (Result, error) {
	if err := a.Validate(); err != nil {
		return Result{}, err
	}
	var err error
	for range 5 {
		var c Case
		c, err = s.st.Case(ctx, id)
		if err != nil {
			return Result{}, err
		}
		if !mayDecide(a, c.Route) {
			return Result{}, actor.Deny(a, op+" case "+strconv.FormatInt(id, 10), "only whoever decides ("+c.Route.Decider.Name+") or the registrar may")
		}
		evs, e, cerr := ch(&c)
		if cerr != nil {
			return Result{}, cerr
		}
		var out Case
		out, err = s.st.UpdateCase(ctx, c, evs)
		if err == nil {
			return Result{Case: out, Explanation: e}, nil
		}
		if !errors.Is(err, store.ErrConflict) {
			return Result{}, err
		}
	}
	return Result{}, err
}

func stateErr(rule string, cite law.Citation, op string, c *Case, want string) error {
	return &RuleError{Pkg: pkg, Rule: rule, Citation: cite.String(), Op: op + " case " + strconv.FormatInt(c.ID, 10), Err: ErrState,
		Reason: "it is " + c.Status.String() + "; it must be " + want}
}

// day checks a day given for a step: zero means today; it may not be after today nor before from.
// Errors cite rule and cite, the provision the day matters for.
func day(d, today, from calendar.Date, field, rule string, cite law.Citation) (calendar.Date, error) {
	if d.IsZero() {
		d = today
	}
	bad := func(reason string) error {
		return &RequestError{Rule: rule, Citation: cite.String(), Field: field, Value: d.String(), Reason: reason, Err: ErrInvalid}
	}
	switch {
	case !d.IsValid():
		return d, bad("is not a real date")
	case d.After(today):
		return d, bad("is in the future")
	case !from.IsZero() && d.Before(from):
		return d, bad("is before " + from.String())
	}
	return d, nil
}

// Receive records that whoever decides received the forwarded request on day on (zero: today): the
// decision period starts (SCH-19, SCH-14, CERT-07). For a closed school's document the archive or
// government is asked for the confirmation of graduation (SCH-17).
func (s *Service) Receive(ctx context.Context, a actor.Actor, id int64, on calendar.Date) (Result, error) {
	now := s.instant()
	return s.update(ctx, a, id, "receive", func(c *Case) ([]store.Event, law.Explanation, error) {
		if c.Status != Submitted {
			return nil, law.Explanation{}, stateErr(RuleDecision, reg113.At("18", "1", ""), "receive", c, "submitted")
		}
		rule, cite := decisionCitation(c.Procedure)
		d, err := day(on, calendar.DateOf(now), c.Request.Date, "ReceivedOn", rule, cite)
		if err != nil {
			return nil, law.Explanation{}, err
		}
		c.Status, c.ReceivedOn = Received, d
		return s.receivedEvents(c, now)
	})
}

// Confirm records the confirmation of graduation (teatis) the deciding school's director obtained
// for a closed school's document (SCH-17: § 17 (4)); the duplicate is issued on it. conf.From
// defaults to the route's confirmer, conf.On to today.
func (s *Service) Confirm(ctx context.Context, a actor.Actor, id int64, conf Confirmation) (Result, error) {
	now := s.instant()
	return s.update(ctx, a, id, "confirm", func(c *Case) ([]store.Event, law.Explanation, error) {
		var e law.Explanation
		cite := reg113.At("17", "4", "")
		if !c.Route.NeedsConfirmation() {
			return nil, e, &RuleError{Pkg: pkg, Rule: RuleRouting, Citation: cite.String(), Op: "confirm case " + strconv.FormatInt(c.ID, 10), Err: ErrState,
				Reason: "only a closed school's document is issued on a confirmation of graduation"}
		}
		if c.Status != Received {
			return nil, e, stateErr(RuleRouting, cite, "confirm", c, "received")
		}
		if conf.From == "" {
			conf.From = c.Route.Confirmer.Name
		}
		d, err := day(conf.On, calendar.DateOf(now), c.ReceivedOn, "On", RuleRouting, cite)
		if err != nil {
			return nil, e, err
		}
		conf.On = d
		c.Confirmation = conf
		e.Add(RuleRouting, cite, "teatis kooli lõpetamise kohta saadi "+conf.From+" ("+d.Register()+")",
			"the confirmation of graduation was obtained from "+conf.From+" ("+d.String()+")")
		return []store.Event{ev(EventConfirmed, applicantRecipient(c.Request), now, map[string]string{"from": conf.From, "reference": conf.Reference})}, e, nil
	})
}

// GrantInput is what [Service.Grant] takes.
type GrantInput struct {
	// Decision is the written decision's reference (§ 18 (1): the director's decision is written).
	Decision string
	// Number is the number of the blank the duplicate is printed on; "" to allocate one from the
	// kind's series.
	Number certificate.Number
	// Original is the original's number when the request did not name it (the school found it in
	// its pupils' register).
	Original certificate.Number
	// Corrections are the corrected data, for the ground Error.
	Corrections Corrections
	// IssuerFault says that the ground of an occupational duplicate arose through the fault of the
	// issuing awarding body or Kutsekoda, as whoever decides established it: the issuer then bears
	// the cost (CERT-07: Reg74 § 10 (5)). A request the awarding body itself made for an error in its
	// data (Request.ByIssuer) is its fault already. For other procedures, whose cost follows the
	// ground, it is an error.
	IssuerFault bool
}

// Grant decides the case and issues the duplicate (or the new electronic certificate) in one commit
// (SCH-19, SCH-24, SCH-14, SCH-12, SCH-13, CERT-07): the case is granted, the duplicate is stored as
// a new certificate linked to its original, and the original is marked replaced by it where the rule
// invalidates it ([OriginalFate]); the notices go to the applicant, to whoever publishes the
// invalidation (with its text) and to whoever destroys the original. Today is the day of the
// decision and of the issue.
//
// It refuses, changing nothing, a case not received, a closed school's case without its confirmation
// of graduation (SCH-17), an original that does not match the request, and an original declared
// invalid, replaced, or (occupational) expired, which must be refused instead (CERT-07: Reg74 § 8 (2)
// p 4). A store failure half-way leaves the original, the case and the outbox as they were.
func (s *Service) Grant(ctx context.Context, a actor.Actor, id int64, in GrantInput) (Result, error) {
	if err := a.Validate(); err != nil {
		return Result{}, err
	}
	var err error
	for range 5 {
		var res Result
		res, err = s.grant(ctx, a, id, in)
		if !errors.Is(err, store.ErrConflict) {
			return res, err
		}
	}
	return Result{}, err
}

func (s *Service) grant(ctx context.Context, a actor.Actor, id int64, in GrantInput) (Result, error) {
	c, err := s.st.Case(ctx, id)
	if err != nil {
		return Result{}, err
	}
	op := "grant case " + strconv.FormatInt(id, 10)
	if !mayDecide(a, c.Route) {
		return Result{}, actor.Deny(a, op, "only whoever decides ("+c.Route.Decider.Name+") or the registrar may")
	}
	rule, cite := decisionCitation(c.Procedure)
	if c.Status != Received {
		return Result{}, stateErr(rule, cite, "grant", &c, "received")
	}
	if c.Route.NeedsConfirmation() && c.Confirmation.IsZero() {
		return Result{}, &RuleError{Pkg: pkg, Rule: RuleRouting, Citation: reg113.At("17", "4", "").String(), Op: op, Err: ErrNoConfirmation,
			Reason: "the director issues the duplicate on a confirmation from " + c.Route.Confirmer.Name}
	}
	no := c.Request.Original
	if no == "" {
		no = in.Original
	}
	if no == "" {
		return Result{}, &ValidationError{Problems: []*RequestError{{Rule: RuleForm, Citation: reg113.At("20", "2", "").String(),
			Field: "Original", Reason: "is required to issue: the original's number (from the pupils' register)", Err: ErrInvalid}}}
	}
	if in.Original != "" && c.Request.Original != "" && in.Original != c.Request.Original {
		return Result{}, &ValidationError{Problems: []*RequestError{{Rule: RuleApplication, Citation: reg113.At("17", "2", "").String(),
			Field: "Original", Value: string(in.Original), Reason: "differs from the request's " + string(c.Request.Original), Err: ErrMismatch}}}
	}
	orig, err := s.st.Certificate(ctx, no)
	if err != nil {
		return Result{}, err
	}
	if ps := mismatch(c.Request, &orig); len(ps) > 0 {
		return Result{}, &RuleError{Pkg: pkg, Rule: rule, Citation: cite.String(), Op: op, Err: ErrMismatch, Reason: (&ValidationError{Problems: ps}).Error()}
	}
	now := s.instant()
	today := calendar.DateOf(now)
	var e law.Explanation
	if st := orig.StatusOn(today); st != certificate.Valid && !(st == certificate.Expired && orig.Kind.School()) {
		r, ct := RuleOccupation, reg74.At("8", "2", "4")
		if c.Procedure != OccupationalDuplicate {
			r, ct = "SCH-02", reg113.At("5", "2", "")
		}
		detail := "the original " + string(orig.Number) + " is " + st.String() + " on " + today.String() + "; refuse the request"
		if st == certificate.Replaced {
			detail += ", or ask about the certificate that replaced it, " + string(orig.Replaced.By)
		}
		return Result{}, &RuleError{Pkg: pkg, Rule: r, Citation: ct.String(), Op: op, Err: ErrOriginalNotValid, Reason: detail}
	}
	origin := c.Route.Origin
	if c.Request.Original == "" && c.Procedure == SchoolDuplicate && s.cfg.Registry != nil {
		// The original became known now: take the school's name on its date (§ 20 (3)).
		if sc, err := s.cfg.Registry.School(ctx, orig.IssuerCode); err == nil {
			origin.Name = sc.NameOn(orig.IssuedOn)
		}
	}
	dup, form, de, err := NewDuplicate(s.cfg.Statute, DuplicateInput{Procedure: c.Procedure, Ground: c.Request.Ground, Original: orig, Number: in.Number,
		IssuedOn: today, IssuedAt: now, Origin: origin, Decider: c.Route.Decider, NewName: c.Request.NewName, NewCode: c.Request.NewCode,
		Corrections: in.Corrections})
	if err != nil {
		return Result{}, err
	}
	fate, fe, err := OriginalFate(s.cfg.Statute, c.Procedure, c.Request.Ground, today)
	if err != nil {
		return Result{}, err
	}
	e.Add(rule, cite, "otsustati "+today.Register()+": "+c.Procedure.Name(law.Estonian)+" antakse välja", "decided on "+today.String()+": the "+c.Procedure.Name(law.English)+" is issued")
	e.Append(fe)
	e.Append(de)
	if in.IssuerFault {
		if c.Procedure != OccupationalDuplicate {
			return Result{}, &ValidationError{Problems: []*RequestError{{Rule: RuleCost, Citation: reg113.At("18", "4", "").String(),
				Field: "IssuerFault", Value: "true", Reason: "applies to an occupational duplicate only (Reg74 § 10 (5)): here the ground decides who pays", Err: ErrInvalid}}}
		}
		cost, ce, err := CostOf(s.cfg.Statute, c.Procedure, c.Request.Ground, true, c.Cost.Fee, c.Request.Date)
		if err != nil {
			return Result{}, err
		}
		c.Cost = cost
		e.Append(ce)
	}
	newOrig := orig.Clone()
	if fate.Invalidated {
		newOrig.Replaced = certificate.Replacement{Date: today}
	}
	c.Request.Original = no
	c.Status, c.DecidedOn, c.Decision = Granted, today, in.Decision
	if c.Procedure.StateExam() {
		// An electronic certificate is available in the state portal as soon as it is issued (§ 15 (2)).
		c.Status = Done
	}
	rcpt := applicantRecipient(c.Request)
	subj := c.Subject()
	events := []store.Event{{Kind: EventGranted, Subject: subj, Recipient: rcpt, At: now, Data: map[string]string{
		"original": string(no), "decided": today.String(), "decision": in.Decision, "mark": form.Mark,
		"invalidated": strconv.FormatBool(fate.Invalidated), "amount": c.Cost.Amount.StringFixed(2),
		"procedure": c.Procedure.String(), "decider": c.Route.Decider.Name}}}
	issued := store.Event{Kind: certificate.EventIssued, Recipient: dup.Holder.Code.String(), At: now,
		Data: map[string]string{"kind": dup.Kind.String(), "duplicate-of": string(no)}}
	if dup.Holder.Code.IsZero() {
		issued.Recipient = ""
	}
	if dup.Title != "" {
		issued.Data["title"] = dup.Title
	}
	events = append(events, issued)
	notice := ""
	if fate.Publish {
		notice, err = InvalidationNotice(s.cfg.Statute, NoticeFacts{Procedure: c.Procedure, Ground: c.Request.Ground, Publisher: c.Route.Decider,
			Decision: in.Decision, DecidedOn: today, Original: orig, Origin: origin})
		if err != nil {
			return Result{}, err
		}
		events = append(events, store.Event{Kind: EventPublish, Subject: subj, Recipient: c.Route.Decider.Code, At: now,
			Data: map[string]string{"publication": "Ametlikud Teadaanded", "cost": fate.PublishedAtCostOf.String(), "text": notice}})
		if fate.PublishedAtCostOf == 0 {
			delete(events[len(events)-1].Data, "cost") // the statute names no payer (§ 18 (3))
		}
	}
	if fate.Destroyed {
		to := s.cfg.ExamCentre
		if c.Procedure == StateExamExchange {
			to = c.Route.Decider
		}
		events = append(events, store.Event{Kind: EventDestroy, Subject: subj, Recipient: to.Code, At: now,
			Data: map[string]string{"original": string(no), "to": to.Name, "after": "issue"}})
	}
	if dl, ok, err := NoticeDeadline(s.cfg.Statute, c.Procedure, false, today); err == nil && ok {
		events[0].Data["notify-by"] = dl.Due.String()
		e.Append(dl.Explanation)
	}
	se := s.series[dup.Kind]
	if se.Width == 0 {
		se = certificate.DefaultSeries(dup.Kind)
	}
	out, err := s.st.IssueDuplicate(ctx, Issue{Case: c, Original: newOrig, Duplicate: dup, Series: se, Events: events})
	if err != nil {
		return Result{}, err
	}
	return Result{Case: out.Case, Original: out.Original, Duplicate: out.Duplicate, Form: form, Notice: notice, Explanation: e}, nil
}

// decisionCitation returns the rule and provision of the decision in procedure p.
func decisionCitation(p Procedure) (string, law.Citation) {
	switch p {
	case SchoolDuplicate:
		return RuleDecision, reg113.At("18", "1", "")
	case OccupationalDuplicate:
		return RuleOccupation, reg74.At("8", "1", "")
	case StateExamCorrection:
		return RuleCorrection, reg113.At("15", "3", "")
	case StateExamLegalised:
		return RuleLegalised, reg113.At("15", "4", "")
	}
	return RuleExchange, reg113.At("16", "4", "")
}

// RefuseInput is what [Service.Refuse] takes.
type RefuseInput struct {
	Ground   RefusalGround
	Reason   string // the written reason (§ 19 (2): in writing; Reg74 § 8 (3): with its reason)
	Decision string // the written decision's reference
}

// Refuse refuses the case on one of its procedure's grounds, today (SCH-23; SCH-14; CERT-07). The
// refusal must be made known within five working days; the applicant is notified. The original is
// never touched.
func (s *Service) Refuse(ctx context.Context, a actor.Actor, id int64, in RefuseInput) (Result, error) {
	now := s.instant()
	return s.update(ctx, a, id, "refuse", func(c *Case) ([]store.Event, law.Explanation, error) {
		today := calendar.DateOf(now)
		rule, cite := refusalCitation(c.Procedure, in.Ground)
		if c.Status != Received {
			return nil, law.Explanation{}, stateErr(rule, cite, "refuse", c, "received")
		}
		ref, e, err := Refuse(s.cfg.Statute, c.Procedure, in.Ground, today)
		if err != nil {
			return nil, e, err
		}
		if strings.TrimSpace(in.Reason) == "" {
			return nil, e, &ValidationError{Problems: []*RequestError{{Rule: rule, Citation: cite.String(), Field: "Reason",
				Reason: "is required: a refusal is written, with its reason", Err: ErrInvalid}}}
		}
		c.Status, c.DecidedOn, c.Decision, c.Refusal, c.RefusalReason = Refused, today, in.Decision, in.Ground, in.Reason
		return []store.Event{ev(EventRefused, applicantRecipient(c.Request), now, map[string]string{
			"ground": in.Ground.String(), "reason": in.Reason, "decision": in.Decision, "decided": today.String(),
			"notify-by": ref.Notice.Due.String(), "procedure": c.Procedure.String(), "decider": c.Route.Decider.Name})}, e, nil
	})
}

// Certify issues a certificate of graduation (tõend) instead of a duplicate, when complete data for
// a duplicate are no longer kept but graduation is established (SCH-22: § 18 (7)–(8)). g.IssuedOn
// defaults to today and g.School to the school's name at graduation. The original is not touched.
func (s *Service) Certify(ctx context.Context, a actor.Actor, id int64, g GraduationCertificate) (Result, error) {
	now := s.instant()
	return s.update(ctx, a, id, "certify", func(c *Case) ([]store.Event, law.Explanation, error) {
		cite := reg113.At("18", "7", "")
		if c.Procedure != SchoolDuplicate {
			return nil, law.Explanation{}, &RuleError{Pkg: pkg, Rule: RuleGraduation, Citation: cite.String(), Op: "certify case " + strconv.FormatInt(c.ID, 10),
				Err: ErrState, Reason: "a certificate of graduation replaces only a school duplicate"}
		}
		if c.Status != Received {
			return nil, law.Explanation{}, stateErr(RuleGraduation, cite, "certify", c, "received")
		}
		today := calendar.DateOf(now)
		if g.IssuedOn.IsZero() {
			g.IssuedOn = today
		}
		if g.School == "" {
			g.School = c.Route.Origin.Name
		}
		e, err := g.Check(s.cfg.Statute)
		if err != nil {
			return nil, e, err
		}
		c.Graduation, c.Status, c.DecidedOn = g, Certified, today
		return []store.Event{ev(EventCertified, applicantRecipient(c.Request), now, map[string]string{"text": g.Text()})}, e, nil
	})
}

// MarkNotified records the day on (zero: today) the decision was made known to the applicant,
// which meets or misses the notice deadline (SCH-23, SCH-14, CERT-07).
func (s *Service) MarkNotified(ctx context.Context, a actor.Actor, id int64, on calendar.Date) (Result, error) {
	now := s.instant()
	return s.update(ctx, a, id, "notify", func(c *Case) ([]store.Event, law.Explanation, error) {
		var e law.Explanation
		if c.DecidedOn.IsZero() {
			return nil, e, stateErr(RuleRefusal, reg113.At("19", "2", ""), "notify", c, "decided")
		}
		rule, cite := decisionCitation(c.Procedure)
		dl, ok, _ := NoticeDeadline(s.cfg.Statute, c.Procedure, c.Status == Refused, c.DecidedOn)
		if ok {
			rule, cite = dl.Explanation.Steps[0].Rule, dl.Explanation.Steps[0].Citation
		}
		d, err := day(on, calendar.DateOf(now), c.DecidedOn, "NotifiedOn", rule, cite)
		if err != nil {
			return nil, e, err
		}
		c.NotifiedOn = d
		if ok {
			_, step := dl.Check(d, d)
			e.AddStep(step)
		}
		return []store.Event{ev(EventNotified, applicantRecipient(c.Request), now, map[string]string{"notified": d.String()})}, e, nil
	})
}

// HandOver records that the duplicate was handed over against signature (or, for an occupational
// certificate, sent by registered mail) and, for a school, entered in its pupils' register (SCH-21:
// § 18 (5)–(6); Reg74 § 10). The duplicate has the same legal force as the original.
func (s *Service) HandOver(ctx context.Context, a actor.Actor, id int64, h HandOver) (Result, error) {
	now := s.instant()
	return s.update(ctx, a, id, "hand over", func(c *Case) ([]store.Event, law.Explanation, error) {
		var e law.Explanation
		cite := reg113.At("18", "5", "")
		rule := RuleHandOver
		if c.Procedure == OccupationalDuplicate {
			rule, cite = RuleOccupation, reg74.At("10", "", "")
		}
		if c.Status != Granted {
			return nil, e, stateErr(rule, cite, "hand over", c, "granted")
		}
		var probs []*RequestError
		bad := func(field, reason string) {
			probs = append(probs, &RequestError{Rule: rule, Citation: cite.String(), Field: field, Reason: reason, Err: ErrInvalid})
		}
		switch c.Procedure {
		case SchoolDuplicate:
			if strings.TrimSpace(h.To) == "" {
				bad("To", "is required: the duplicate is handed over against signature")
			}
			if h.ByPost {
				bad("ByPost", "a school duplicate is handed over against signature, not sent")
			}
			if strings.TrimSpace(h.RegisterEntry) == "" {
				bad("RegisterEntry", "is required: the issue is registered in the school's pupils' register (Õpilasraamat)")
			}
		default:
			if strings.TrimSpace(h.To) == "" && !h.ByPost {
				bad("To", "is required unless the duplicate is sent by registered mail")
			}
		}
		d, err := day(h.On, calendar.DateOf(now), c.DecidedOn, "On", rule, cite)
		if err != nil {
			return nil, e, err
		}
		if len(probs) > 0 {
			return nil, e, &ValidationError{Problems: probs}
		}
		h.On = d
		c.HandOver, c.Status = h, Done
		if c.NotifiedOn.IsZero() {
			c.NotifiedOn = d
		}
		if c.Procedure == SchoolDuplicate {
			e.Add(RuleHandOver, cite, "duplikaat väljastati allkirja vastu ("+h.To+") ja registreeriti „Õpilasraamatus” ("+h.RegisterEntry+")",
				"the duplicate was handed over against signature ("+h.To+") and entered in the pupils' register ("+h.RegisterEntry+")")
			e.Add(RuleHandOver, reg113.At("18", "6", ""), "duplikaadil on algdokumendiga võrdne juriidiline jõud", "the duplicate has the same legal force as the original")
		} else {
			e.Add(rule, cite, "duplikaat anti üle või saadeti tähitud postiga ja on registreeritud kutseregistris",
				"the duplicate was handed over or sent by registered mail, and is registered in the register")
		}
		return []store.Event{ev(EventHandedOver, applicantRecipient(c.Request), now, map[string]string{"on": d.String(), "to": h.To,
			"by-post": strconv.FormatBool(h.ByPost), "register-entry": h.RegisterEntry})}, e, nil
	})
}

// Get returns case id with its deadlines on day asOf (zero: today), for its applicant, an
// organisation on its route, or the registrar.
func (s *Service) Get(ctx context.Context, a actor.Actor, id int64, asOf calendar.Date) (CaseView, error) {
	if err := a.Validate(); err != nil {
		return CaseView{}, err
	}
	c, err := s.st.Case(ctx, id)
	if err != nil {
		return CaseView{}, err
	}
	if !mayRead(a, &c) {
		return CaseView{}, actor.Deny(a, "read case "+strconv.FormatInt(id, 10), "only its applicant, an organisation on its route or the registrar may")
	}
	if asOf.IsZero() {
		asOf = s.Today()
	}
	ds, err := Track(s.cfg.Statute, c, asOf)
	if err != nil {
		return CaseView{}, err
	}
	return CaseView{Case: c, Deadlines: ds}, nil
}

// List returns the cases q selects with their deadlines on day asOf (zero: today). An owner sees
// only their own cases, an organisation only those whose route names it; the registrar sees all.
func (s *Service) List(ctx context.Context, a actor.Actor, q CaseQuery, asOf calendar.Date) ([]CaseView, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	switch a.Role {
	case actor.Public:
		return nil, actor.Deny(a, "list duplicate cases", "the public may not")
	case actor.Owner:
		q.Applicant = a.Person
	case actor.Partner:
		q.Party = a.For
	case actor.Registrar:
	case actor.AwardingBody, actor.School, actor.ExamCentre, actor.Successor:
		q.Party = a.Org
	default:
		return nil, actor.Deny(a, "list duplicate cases", "only the applicant, an organisation on a case's route or the registrar may")
	}
	if asOf.IsZero() {
		asOf = s.Today()
	}
	cs, err := s.st.Cases(ctx, q)
	if err != nil {
		return nil, err
	}
	out := make([]CaseView, 0, len(cs))
	for _, c := range cs {
		ds, err := Track(s.cfg.Statute, c, asOf)
		if err != nil {
			return nil, err
		}
		out = append(out, CaseView{Case: c, Deadlines: ds})
	}
	return out, nil
}
