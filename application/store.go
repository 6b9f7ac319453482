package application

import (
	"context"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/store"
)

// Store is the storage package application consumes. Hosts implement it (or use memstore or
// pgstore); storetest.Run checks an implementation. Every method is safe for concurrent use; records
// are copied in and out. A change and its events are committed together or not at all; an event
// with an empty Subject gets the application's subject ([Subject]).
type Store interface {
	// Certificate returns the certificate numbered no, or an error wrapping store.ErrNotFound.
	Certificate(ctx context.Context, no certificate.Number) (certificate.Certificate, error)
	// HolderCertificates returns every certificate of the holder with personal code code.
	HolderCertificates(ctx context.Context, code isikukood.Code) ([]certificate.Certificate, error)

	// CreateApplication stores a as a new application with the next ID and Version 1, with its
	// events, and returns it.
	CreateApplication(ctx context.Context, a Application, events []store.Event) (Application, error)
	// Application returns the application with the ID, or an error wrapping store.ErrNotFound.
	Application(ctx context.Context, id int64) (Application, error)
	// UpdateApplication stores a if the stored application's Version equals a.Version, with its
	// events, and returns it with Version+1. Otherwise it returns an error wrapping
	// store.ErrNotFound (no such application) or store.ErrConflict (a stale version) and stores
	// nothing. The applicant's code and the awarding body of a stored application never change,
	// nor does Awarded once set: an update that changes them is refused with an error wrapping
	// invalid.ErrInvalid. An update whose Form.Data is nil keeps the stored form's bytes, so that an
	// application read from a list (which leaves them out) can be written back.
	UpdateApplication(ctx context.Context, a Application, events []store.Event) (Application, error)
	// Applications returns the applications q selects, ordered by ID, at most q.EffectiveLimit(),
	// without their forms' bytes (Form.Data is nil; Application returns them). None is not an error.
	Applications(ctx context.Context, q Query) ([]Application, error)
	// AwardApplication writes an award in one commit: see [Awarding].
	AwardApplication(ctx context.Context, in Awarding) (Issued, error)

	// BodySettings returns the awarding body's settings, or an error wrapping store.ErrNotFound.
	BodySettings(ctx context.Context, body string) (Settings, error)
	// PutBodySettings stores s: as new settings of s.Body when s.Version is 0 (store.ErrExists when
	// the body has settings), else if the stored Version equals s.Version (store.ErrConflict
	// otherwise, store.ErrNotFound when there are none). It returns s with its new Version.
	PutBodySettings(ctx context.Context, s Settings) (Settings, error)
}

// Awarding is what [Store.AwardApplication] takes: the application as decided and the certificate
// to issue, written together or not at all, exactly once.
//
//   - Application is stored as given if the stored application's Version equals its Version, and
//     returned with Version+1 and Awarded set to the certificate's number; a stale version is
//     store.ErrConflict, a missing application store.ErrNotFound, an application already awarded
//     (Awarded set) store.ErrConflict.
//   - Issue is committed as certificate.Store.IssueCertificate commits it: its number allocated
//     from its series when empty (never twice, no gap), its events written; under an idempotency key
//     already used with the same fingerprint nothing is issued again and that certificate is linked;
//     with another fingerprint, store.ErrExists.
//   - Events are written in the same commit. An event with an empty Subject gets the application's
//     subject, and an event whose Data has the key "certificate" with an empty value gets the
//     certificate's number there.
//
// On any error nothing is written: not the application, not the certificate, not an event, and no
// number is used up.
type Awarding struct {
	Application Application
	Issue       certificate.Issue
	Events      []store.Event
}

// EventsFor returns the events to write with the award once the certificate numbered no is issued:
// Events, each whose Data has an empty "certificate" given no there (the data copied, not changed).
func (in Awarding) EventsFor(no certificate.Number) []store.Event {
	out := make([]store.Event, len(in.Events))
	for i, e := range in.Events {
		if v, ok := e.Data["certificate"]; ok && v == "" {
			d := make(map[string]string, len(e.Data))
			for k, v := range e.Data {
				d[k] = v
			}
			d["certificate"] = string(no)
			e.Data = d
		}
		out[i] = e
	}
	return out
}

// Issued is what [Store.AwardApplication] returns: the application and the certificate as stored.
type Issued struct {
	Application Application
	Certificate certificate.Certificate
}

// Query selects applications.
type Query struct {
	// Applicant, when not zero, selects the applications of the person with this personal code.
	Applicant isikukood.Code
	// Body, when not empty, selects the applications to the awarding body with this registry code.
	Body string
	// Receiver, when not empty, selects the applications received by the organisation with this
	// registry code (the body or its partner).
	Receiver string
	// State, when not zero, selects the applications in that state.
	State State
	// Submitted selects the applications that have left the draft: every state but Draft.
	Submitted bool
	// AfterID returns only applications with a greater ID (keyset paging).
	AfterID int64
	// Limit is the most to return; 0 means 100. Stores cap it at 1000.
	Limit int
}

// EffectiveLimit returns the limit a store applies: 100 for 0, at most 1000.
func (q Query) EffectiveLimit() int { return store.Limit(q.Limit) }

// Matches reports whether a is selected by q (ignoring the limit): the rule every store applies.
func (q Query) Matches(a *Application) bool {
	return a.ID > q.AfterID && (q.Applicant.IsZero() || a.Applicant.Code == q.Applicant) &&
		(q.Body == "" || a.Body == q.Body) && (q.Receiver == "" || a.Receiver == q.Receiver) &&
		(q.State == 0 || a.State == q.State) && (!q.Submitted || a.State != Draft)
}
