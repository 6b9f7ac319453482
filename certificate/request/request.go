package request

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// Kind is what an owner asks for about a certificate (CERT-10).
type Kind uint8

// The kinds of the owner's requests in the register's self-service (seed 000: "Minu taotlused").
const (
	InaccurateData Kind = iota + 1 // "Tunnistusel ebatäpsed andmed"
	DigitalStamp                   // "Digitempel" (CERT-06)
	Duplicate                      // "Duplikaat" (CERT-07)
	Question                       // "Küsimus" to the awarding body (CERT-08)
)

var kindNames = [...]struct{ code, et, en string }{
	InaccurateData: {"inaccurate-data", "Tunnistusel ebatäpsed andmed", "Inaccurate data on the certificate"},
	DigitalStamp:   {"digital-stamp", "Digitempel", "Digital stamp"},
	Duplicate:      {"duplicate", "Duplikaat", "Duplicate"},
	Question:       {"question", "Küsimus", "Question"},
}

// Valid reports whether k is one of the kinds.
func (k Kind) Valid() bool { return k >= InaccurateData && k <= Question }

// String returns the kind's code, e.g. "digital-stamp".
func (k Kind) String() string {
	if !k.Valid() {
		return fmt.Sprintf("kind(%d)", uint8(k))
	}
	return kindNames[k].code
}

// Name returns the kind as the self-service shows it, e.g. "Digitempel".
func (k Kind) Name(lang law.Lang) string {
	if !k.Valid() {
		return k.String()
	}
	return lang.Pick(kindNames[k].et, kindNames[k].en)
}

// Status is where a request stands.
type Status uint8

// The statuses. A digital stamp is decided at once: Done or Refused.
const (
	Open    Status = iota + 1 // waiting for the awarding body or the registrar
	Done                      // fulfilled
	Refused                   // refused, with a reason
)

var statusNames = [...]struct{ code, et, en string }{
	Open:    {"open", "menetluses", "in progress"},
	Done:    {"done", "täidetud", "done"},
	Refused: {"refused", "keeldutud", "refused"},
}

// String returns the status's code.
func (s Status) String() string {
	if s < Open || s > Refused {
		return fmt.Sprintf("status(%d)", uint8(s))
	}
	return statusNames[s].code
}

// Name returns the status in lang.
func (s Status) Name(lang law.Lang) string {
	if s < Open || s > Refused {
		return s.String()
	}
	return lang.Pick(statusNames[s].et, statusNames[s].en)
}

// Request is one of the owner's requests about a certificate (CERT-10: listed with number, kind, the
// certificate concerned, date and status). Number is allocated by the store.
type Request struct {
	Number      int64              // the request's number (seed 000: 428, 469, 470), allocated by the store
	Kind        Kind               //
	Certificate certificate.Number // the certificate concerned
	Holder      isikukood.Code     // the owner who asked
	Date        calendar.Date      // the date of the request (Europe/Tallinn)
	At          time.Time          // when it was made
	Status      Status             //
	Reason      string             // why it was refused, or a note
	// Token is an unguessable token that identifies the request, e.g. in the verification link of a
	// digital stamp of a hidden certificate; "" for none. Unique where not empty.
	Token string
	// Data holds kind-specific facts, e.g. a digital stamp's container digest and seal.
	Data map[string]string

	// Addressee is the registry code of the organisation the request goes to — for a question, the
	// awarding body that issued the certificate (CERT-08) — or "" when it is the register's own.
	Addressee string
	// Text is what the owner wrote: the question, or the inaccurate data described.
	Text string
	// Answer is the addressee's answer; AnsweredAt when it was given (zero until then).
	Answer     string
	AnsweredAt time.Time

	// Version is the store's optimistic-concurrency counter: 1 when the request is first stored,
	// one more with every update.
	Version int64
}

// Clone returns a deep copy of r.
func (r Request) Clone() Request {
	if r.Data != nil {
		m := make(map[string]string, len(r.Data))
		for k, v := range r.Data {
			m[k] = v
		}
		r.Data = m
	}
	return r
}

// IsOpen reports whether the request still waits for a decision (it makes the owner's list mark the
// certificate as needing attention, CERT-02).
func (r Request) IsOpen() bool { return r.Status == Open }

// Store is the storage of the owner's requests. storetest.Run checks an implementation.
type Store interface {
	// CreateRequest stores r with a new Number (increasing) and the events in one commit, and
	// returns it. A Token already used is an error wrapping store.ErrExists, and nothing is stored.
	CreateRequest(ctx context.Context, r Request, events []store.Event) (Request, error)
	// HolderRequests returns the requests of the owner with personal code holder, newest first
	// (by Number, descending). None is not an error.
	HolderRequests(ctx context.Context, holder isikukood.Code) ([]Request, error)
	// RequestByToken returns the request with the given non-empty token, or an error wrapping
	// store.ErrNotFound.
	RequestByToken(ctx context.Context, token string) (Request, error)
}

// Query selects requests for the organisation they are addressed to.
type Query struct {
	// Addressee, when not empty, selects the requests addressed to the organisation with this
	// registry code.
	Addressee string
	// Kind, when not zero, selects that kind.
	Kind Kind
	// Open selects the requests still open.
	Open bool
	// AfterNumber returns only requests with a greater Number (keyset paging).
	AfterNumber int64
	// Limit is the most to return; 0 means 100. Stores cap it at 1000.
	Limit int
}

// EffectiveLimit returns the limit a store applies: 100 for 0, at most 1000.
func (q Query) EffectiveLimit() int { return store.Limit(q.Limit) }

// Matches reports whether r is selected by q, ignoring the limit: the rule every store applies.
func (q Query) Matches(r *Request) bool {
	return r.Number > q.AfterNumber && (q.Addressee == "" || r.Addressee == q.Addressee) &&
		(q.Kind == 0 || r.Kind == q.Kind) && (!q.Open || r.IsOpen())
}

// ServiceStore is the storage the [Service] consumes: the requests, one read and updated by its
// number, the requests addressed to an organisation, and the certificate a request is about.
// storetest.Run checks an implementation.
type ServiceStore interface {
	Store
	// Request returns the request numbered n, or an error wrapping store.ErrNotFound.
	Request(ctx context.Context, n int64) (Request, error)
	// UpdateRequest stores r if the stored request numbered r.Number has Version r.Version, with
	// the events in the same commit (an event with an empty Subject gets the request's number), and
	// returns it with Version+1. Otherwise it returns an error wrapping store.ErrNotFound (no such
	// request) or store.ErrConflict (a stale version), and stores nothing. The kind, the
	// certificate, the holder and the token of a stored request never change: an update that
	// changes them is refused with an error wrapping invalid.ErrInvalid.
	UpdateRequest(ctx context.Context, r Request, events []store.Event) (Request, error)
	// Requests returns the requests q selects, ordered by Number, at most q.EffectiveLimit(). None
	// is not an error.
	Requests(ctx context.Context, q Query) ([]Request, error)
	// Certificate returns the certificate numbered no, or an error wrapping store.ErrNotFound.
	Certificate(ctx context.Context, no certificate.Number) (certificate.Certificate, error)
}

// OpenCertificates returns the numbers of the certificates that have an open request among rs, each
// once, in the order of their first open request, for the owner's list marks (CERT-02, CERT-10).
func OpenCertificates(rs []Request) []certificate.Number {
	var out []certificate.Number
	for _, r := range rs {
		if r.IsOpen() && r.Certificate != "" && !slices.Contains(out, r.Certificate) {
			out = append(out, r.Certificate)
		}
	}
	return out
}
