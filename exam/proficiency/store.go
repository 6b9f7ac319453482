package proficiency

import (
	"context"
	"strconv"

	"github.com/kutsekit/kutse/store"
)

// Store is the storage of proficiency exams: sessions and registrations. Hosts implement it (or use
// memstore or pgstore); storetest.Run checks an implementation against this contract. Every method is
// safe for concurrent use and copies records in and out. Each change and its events are committed
// together or not at all.
//
// Events: an event with an empty Subject gets the record's subject: [SessionSubject] for a session,
// [RegistrationSubject] for a registration.
type Store interface {
	// CreateProficiencySession stores a new session with Version 1, and its events, and returns
	// it. A session with the same ID is an error wrapping store.ErrExists, and nothing is stored.
	CreateProficiencySession(ctx context.Context, s Session, events []store.Event) (Session, error)

	// ProficiencySession returns the session with the given ID, or an error wrapping
	// store.ErrNotFound.
	ProficiencySession(ctx context.Context, id string) (Session, error)

	// UpdateProficiencySession stores s, and its events, if the stored Version equals s.Version,
	// and returns it with Version+1. Otherwise it returns an error wrapping store.ErrConflict
	// (stale version) or store.ErrNotFound (no such session), and stores nothing.
	UpdateProficiencySession(ctx context.Context, s Session, events []store.Event) (Session, error)

	// CreateProficiencyRegistration stores a new registration with a new ID (increasing) and
	// Version 1, and its events, and returns it. It returns, storing nothing, an error wrapping:
	//   - store.ErrNotFound when r.Session names no stored session;
	//   - store.ErrExists when r is Registered and the same person (Person.Key) already has a
	//     Registered registration: one exam at a time (LNG-07), enforced by the store however many
	//     callers register the person at once;
	//   - store.ErrExists when r.Key is not empty and was used for a registration of another person
	//     or session.
	// When r.Key was used for a registration of the same person and session, that registration is
	// returned with a nil error and nothing is written: a retry does not register twice.
	CreateProficiencyRegistration(ctx context.Context, r Registration, events []store.Event) (Registration, error)

	// ProficiencyRegistration returns the registration with the given ID, or an error wrapping
	// store.ErrNotFound.
	ProficiencyRegistration(ctx context.Context, id int64) (Registration, error)

	// UpdateProficiencyRegistration stores r, and its events, if the stored Version equals
	// r.Version, and returns it with Version+1. Otherwise it returns an error wrapping
	// store.ErrConflict (stale version), store.ErrNotFound (no such registration), ErrInvalid (the
	// person's key, the session or the idempotency key changed: they never do) or store.ErrExists
	// (r would be a second Registered registration of the person, LNG-07), and stores nothing.
	UpdateProficiencyRegistration(ctx context.Context, r Registration, events []store.Event) (Registration, error)

	// PersonProficiencyRegistrations returns the registrations of the person with the given key
	// (Person.Key), ordered by ID. None is not an error.
	PersonProficiencyRegistrations(ctx context.Context, person string) ([]Registration, error)

	// SessionProficiencyRegistrations returns the registrations for the session with the given
	// ID, ordered by ID. None is not an error.
	SessionProficiencyRegistrations(ctx context.Context, session string) ([]Registration, error)
}

// SessionSubject returns the outbox subject of a session's events: "proficiency/session/<id>".
func SessionSubject(id string) string { return "proficiency/session/" + id }

// RegistrationSubject returns the outbox subject of a registration's events: "proficiency/<id>".
func RegistrationSubject(id int64) string { return "proficiency/" + strconv.FormatInt(id, 10) }

// The kinds of event the service raises. Recipient is the person's personal code ("" for a person
// without one), or the registry code of the exam centre that organises the session.
const (
	EventSessionCreated        = "proficiency.session-created"         // to the exam centre: the session is stored
	EventRegistered            = "proficiency.registered"              // to the person
	EventCancelled             = "proficiency.cancelled"               // to the person
	EventSpecialNeedsRequested = "proficiency.special-needs-requested" // to the exam centre
	EventSpecialNeedsDecided   = "proficiency.special-needs-decided"   // to the person
	EventNotice                = "proficiency.notice"                  // the notice of time and place (LNG-10), to the person
	EventAbsent                = "proficiency.absent"                  // to the person
	EventExplanation           = "proficiency.explanation"             // to the person: the absence's explanation was decided
	EventGraded                = "proficiency.graded"                  // the result (LNG-18), to the person
	EventCertificate           = "proficiency.certificate"             // to the person: the certificate's number and delivery (LNG-18)
)
