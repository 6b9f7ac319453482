package request

import (
	"context"
	"fmt"
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

// OpenCertificates returns the numbers of the certificates that have an open request among rs, for the
// owner's list marks (CERT-02, CERT-10).
func OpenCertificates(rs []Request) []certificate.Number {
	var out []certificate.Number
	for _, r := range rs {
		if r.IsOpen() {
			out = append(out, r.Certificate)
		}
	}
	return out
}
