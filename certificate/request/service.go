package request

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// The kinds of event the service raises. Recipient is the organisation's registry code for a
// notice to the awarding body and the owner's personal code for a notice to the owner;
// Data["to"] (store.RecipientKey) says which (store.ToPerson or store.ToOrganisation), so a
// notifier never sends one to the other.
//
//   - EventAsked, to the awarding body (the request's Addressee): the owner asked a question about
//     a certificate. Data: "certificate", "title", "holder" (the owner's name), "question", "to".
//   - EventAnswered, to the owner (the request's Holder): the awarding body answered. Data:
//     "certificate", "title", "question", "answer", "by" (the registry code of who answered),
//     "byName" (the awarding body's name, from the certificate; absent when the registrar
//     answered), "to".
//
// The event's Subject is the request's number (the store sets it), for the notice to name it.
const (
	EventAsked    = "request.asked"
	EventAnswered = "request.answered"
)

// MaxText is the longest question or answer, in characters.
const MaxText = 5000

// ErrClosed is wrapped by the refusal to answer a request that is no longer open.
var ErrClosed = errors.New("the request is no longer open")

// selfService is the register's self-service terms (seed 000).
var selfService = law.SelfService()

// Source is another place the owner's requests are kept: package duplicate's cases
// (duplicate.Requests), so that the owner's list shows them with the stamps and questions (CERT-10).
type Source interface {
	// HolderRequests returns the requests of the owner with personal code holder. None is not an
	// error.
	HolderRequests(ctx context.Context, holder isikukood.Code) ([]Request, error)
}

// Config configures a [Service].
type Config struct {
	// Now is the clock; nil means time.Now. Today is Now's date in Europe/Tallinn.
	Now func() time.Time
	// Sources are the other places the owner's requests are kept, listed with the store's own.
	Sources []Source
}

// Service lists the owner's requests (CERT-10) and carries the question to the awarding body and
// its answer (CERT-08). It implements certificate.RequestFinder, so a certificate.Registry given it
// marks the certificates with open requests in the owner's list. Every call takes the acting
// [actor.Actor]; a refused or failed call changes nothing. A Service is safe for concurrent use.
type Service struct {
	st  ServiceStore
	cfg Config
}

var _ certificate.RequestFinder = (*Service)(nil)

// NewService returns a Service on st. A nil st is an *invalid.FieldError wrapping
// invalid.ErrInvalid.
func NewService(st ServiceStore, cfg Config) (*Service, error) {
	if st == nil {
		return nil, &invalid.FieldError{Pkg: "request", Field: "store", Reason: "is required (NewService)"}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Service{st: st, cfg: cfg}, nil
}

// instant returns the clock's time to the microsecond, the precision PostgreSQL keeps.
func (s *Service) instant() time.Time { return s.cfg.Now().Truncate(time.Microsecond) }

// checkText checks a question's or an answer's text.
func checkText(field, v string) error {
	e := invalid.Errors{Pkg: "request"}
	switch t := strings.TrimSpace(v); {
	case t == "":
		e.Add(field, "", "is required")
	case !utf8.ValidString(v):
		e.Add(field, "", "is not valid UTF-8")
	case utf8.RuneCountInString(v) > MaxText:
		e.Add(field, "", "may be at most "+strconv.Itoa(MaxText)+" characters long")
	}
	return e.Err()
}

// Ask records the owner's question about certificate no to the awarding body that issued it
// (CERT-08: "oma tunnistuse kohta küsimuste esitamine kutse andjale", seed 000) as the owner's
// request of kind [Question], open, with the notice to the body ([EventAsked]) in the same commit.
// Only the certificate's owner may ask; the question is required, at most [MaxText] characters.
func (s *Service) Ask(ctx context.Context, a actor.Actor, no certificate.Number, question string) (Request, error) {
	if err := a.Validate(); err != nil {
		return Request{}, err
	}
	op := "ask about certificate " + string(no)
	if a.Role != actor.Owner {
		return Request{}, actor.Deny(a, op, "only the certificate's owner asks the awarding body (CERT-08)")
	}
	if err := checkText("question", question); err != nil {
		return Request{}, err
	}
	c, err := s.st.Certificate(ctx, no)
	if err != nil {
		return Request{}, err
	}
	if !a.Is(c.Holder.Code) {
		return Request{}, actor.Deny(a, op, "only the certificate's owner asks the awarding body (CERT-08)")
	}
	now := s.instant()
	r := Request{Kind: Question, Certificate: c.Number, Holder: c.Holder.Code, Date: calendar.DateOf(now), At: now,
		Status: Open, Addressee: c.IssuerCode, Text: strings.TrimSpace(question)}
	ev := store.Event{Kind: EventAsked, Recipient: c.IssuerCode, At: now, Data: map[string]string{
		"certificate": string(c.Number), "title": c.Title, "holder": c.Holder.Name, "question": r.Text, store.RecipientKey: store.ToOrganisation}}
	return s.st.CreateRequest(ctx, r, []store.Event{ev})
}

// Answer records the awarding body's answer to question n and closes it (status [Done]), with the
// notice to the owner ([EventAnswered]) in the same commit (CERT-08). Only the body the question is
// addressed to (not a partner) or the registrar may answer; a question already answered is refused
// with a *certificate.RuleError wrapping [ErrClosed]. A concurrent change is read again and the
// answer retried; nothing is written twice.
func (s *Service) Answer(ctx context.Context, a actor.Actor, n int64, answer string) (Request, error) {
	if err := a.Validate(); err != nil {
		return Request{}, err
	}
	if err := checkText("answer", answer); err != nil {
		return Request{}, err
	}
	op := "answer request " + strconv.FormatInt(n, 10)
	var err error
	for range 5 {
		var r Request
		if r, err = s.st.Request(ctx, n); err != nil {
			return Request{}, err
		}
		if r.Kind != Question {
			return Request{}, &invalid.FieldError{Pkg: "request", Field: "number", Value: strconv.FormatInt(n, 10), Reason: "is not a question"}
		}
		if a.Role != actor.Registrar && (a.Role != actor.AwardingBody || !a.ActsFor(r.Addressee)) {
			return Request{}, actor.Deny(a, op, "only the awarding body the question is addressed to answers it (CERT-08)")
		}
		if !r.IsOpen() {
			return Request{}, &certificate.RuleError{Pkg: "certificate", Rule: "CERT-08", Citation: selfService.String(), Op: op, Err: ErrClosed}
		}
		now := s.instant()
		r.Status, r.Answer, r.AnsweredAt = Done, strings.TrimSpace(answer), now
		by := a.Org
		if by == "" {
			by = r.Addressee
		}
		ev := store.Event{Kind: EventAnswered, Recipient: r.Holder.String(), At: now, Data: map[string]string{
			"certificate": string(r.Certificate), "question": r.Text, "answer": r.Answer, "by": by, store.RecipientKey: store.ToPerson}}
		if c, cerr := s.st.Certificate(ctx, r.Certificate); cerr == nil {
			ev.Data["title"] = c.Title
			if a.Role == actor.AwardingBody && c.Issuer != "" {
				ev.Data["byName"] = c.Issuer
			}
		}
		var out Request
		out, err = s.st.UpdateRequest(ctx, r, []store.Event{ev})
		if !errors.Is(err, store.ErrConflict) {
			return out, err
		}
	}
	return Request{}, err
}

// List returns the owner's requests (CERT-10, "Minu taotlused"): the store's own (digital stamps,
// questions, reports of inaccurate data) and those of every [Config.Sources] (duplicates), newest
// first by the time they were made. Only the owner or the registrar may list. Requests from
// different places may share a number; a request is identified by its kind and number.
func (s *Service) List(ctx context.Context, a actor.Actor, holder isikukood.Code) ([]Request, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	if holder.IsZero() {
		return nil, &invalid.FieldError{Pkg: "request", Field: "holder", Reason: "is required"}
	}
	if !a.Is(holder) && a.Role != actor.Registrar {
		return nil, actor.Deny(a, "list a holder's requests", "only the holder or the registrar may")
	}
	out, err := s.st.HolderRequests(ctx, holder)
	if err != nil {
		return nil, err
	}
	for _, src := range s.cfg.Sources {
		more, err := src.HolderRequests(ctx, holder)
		if err != nil {
			return nil, fmt.Errorf("request: the owner's requests: %w", err)
		}
		out = append(out, more...)
	}
	slices.SortStableFunc(out, func(x, y Request) int {
		if c := y.At.Compare(x.At); c != 0 {
			return c
		}
		return cmp.Compare(y.Number, x.Number)
	})
	return out, nil
}

// OpenRequests returns the certificates the holder has open requests about (certificate.RequestFinder,
// for the owner's list marks, CERT-02): of every request [Service.List] returns.
func (s *Service) OpenRequests(ctx context.Context, a actor.Actor, holder isikukood.Code) ([]certificate.Number, error) {
	rs, err := s.List(ctx, a, holder)
	if err != nil {
		return nil, err
	}
	return OpenCertificates(rs), nil
}

// Addressed returns the requests addressed to the organisation with registry code org that q
// selects (its Addressee is set to org), for that organisation — the awarding body reading the
// questions to it (CERT-08) — or the registrar.
func (s *Service) Addressed(ctx context.Context, a actor.Actor, org string, q Query) ([]Request, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	if org == "" {
		return nil, &invalid.FieldError{Pkg: "request", Field: "org", Reason: "is required"}
	}
	if a.Role != actor.Registrar && (a.Role != actor.AwardingBody || !a.ActsFor(org)) {
		return nil, actor.Deny(a, "read the requests to "+org, "only that organisation or the registrar may")
	}
	q.Addressee = org
	return s.st.Requests(ctx, q)
}

// Get returns request n for its owner, the organisation it is addressed to, or the registrar.
func (s *Service) Get(ctx context.Context, a actor.Actor, n int64) (Request, error) {
	if err := a.Validate(); err != nil {
		return Request{}, err
	}
	r, err := s.st.Request(ctx, n)
	if err != nil {
		return Request{}, err
	}
	if !a.Is(r.Holder) && a.Role != actor.Registrar && (a.Role != actor.AwardingBody || !a.ActsFor(r.Addressee)) {
		return Request{}, actor.Deny(a, "read request "+strconv.FormatInt(n, 10), "only its owner, its addressee or the registrar may")
	}
	return r, nil
}
