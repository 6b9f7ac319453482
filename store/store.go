// Package store holds what the SDK's storage contracts share: the sentinel errors every store returns,
// [Event], the record of the outbox, and [Outbox], the outbox itself, which every package's changes
// write to and the notices' dispatcher (package notify) reads. It imports none of the SDK's packages,
// so domain packages and stores can all import it without cycles.
//
// Each domain package declares the small store interface it consumes; [memstore] implements all of
// them in memory and [storetest] is the conformance suite any host store must pass.
//
// # The outbox's delivery state
//
// An event is pending until it is delivered (Sent) or dead-lettered (Dead). A dispatcher claims
// pending events that are due ([Outbox.ClaimEvents]: a lease, so that two dispatchers do not both
// take the same event while the lease lasts), then marks each one sent ([Outbox.MarkEventsSent]),
// records a failed attempt with the time of the next one or the dead letter
// ([Outbox.RecordEventFailure]), or hands it back untried ([Outbox.ReleaseEvents]). A host lists the
// dead letters (EventQuery.Dead) and puts them back ([Outbox.RequeueEvents]). The times are the
// host's clock, passed in: the stores never read their own.
//
// [memstore]: https://pkg.go.dev/github.com/kutsekit/kutse/store/memstore
// [storetest]: https://pkg.go.dev/github.com/kutsekit/kutse/store/storetest
package store

import (
	"context"
	"errors"
	"time"
)

// The sentinel errors. Stores wrap them (with fmt.Errorf's %w) so that errors.Is finds them, and keep
// the driver's own error reachable beside them.
var (
	// ErrNotFound: the record asked for does not exist.
	ErrNotFound = errors.New("store: not found")
	// ErrExists: a record with the same key (number, idempotency key) already exists.
	ErrExists = errors.New("store: already exists")
	// ErrConflict: the record changed since it was read (optimistic concurrency), or the database
	// could not serialise the transaction; read again and retry.
	ErrConflict = errors.New("store: version conflict")
)

// Event is one entry of the outbox: a notice raised by a state change and committed in the same
// transaction as that change, so that none is lost and none is sent for a change that did not happen.
// Stores assign ID (increasing in commit order) and keep the rest as given.
type Event struct {
	ID        int64     // assigned by the store, increasing in commit order
	Kind      string    // what happened, e.g. "certificate.issued"
	Subject   string    // the record concerned, e.g. the certificate number
	Recipient string    // whom the notice is for, e.g. the holder's personal code; "" for none
	At        time.Time // when it happened
	Data      map[string]string
	Sent      bool // whether the host has delivered it (see the stores' MarkEventsSent)

	// The delivery state, kept by the store (see [Outbox]); a new event has none.
	Attempts    int       // failed delivery attempts since it was raised or last requeued
	NextAttempt time.Time // the earliest time of the next attempt; zero: at once
	LastError   string    // what the last failed attempt said; "" if none failed
	Dead        bool      // dead-lettered: no more attempts until a host requeues it
}

// Outbox is the outbox every package's changes write their events to: memstore and pgstore implement
// it, and storetest checks an implementation. Each method is safe for concurrent use, also from
// several processes on one database. Events are written only with the change that raised them (by
// the domain packages' store methods); an Outbox reads them and keeps their delivery state.
type Outbox interface {
	// OutboxEvents returns the events matching q, ordered by ID.
	OutboxEvents(ctx context.Context, q EventQuery) ([]Event, error)

	// MarkEventsSent marks the events with the given IDs as delivered. Unknown IDs are an error
	// wrapping ErrNotFound, and then nothing is marked. Marking an event sent twice is not an error.
	MarkEventsSent(ctx context.Context, ids ...int64) error

	// ClaimEvents returns at most c.Limit pending events (neither sent nor dead) that are due at
	// c.Now (NextAttempt zero or not after it) and not leased at c.Now, ordered by ID, and leases
	// them until c.Until: no other ClaimEvents returns them before then. Two concurrent claims
	// never return the same event while its lease lasts.
	ClaimEvents(ctx context.Context, c Claim) ([]Event, error)

	// RecordEventFailure records a failed attempt to deliver event id: Attempts+1, LastError, and
	// either the time of the next attempt (f.Retry) or the dead letter (f.Dead); the lease ends.
	// An unknown ID is an error wrapping ErrNotFound; an event sent meanwhile is left as it is.
	RecordEventFailure(ctx context.Context, id int64, f Failure) error

	// ReleaseEvents ends the lease of the given events without counting an attempt, so that they
	// can be claimed at once. Unknown IDs are an error wrapping ErrNotFound, and then nothing changes.
	ReleaseEvents(ctx context.Context, ids ...int64) error

	// RequeueEvents puts the given events that are not sent back to pending, due at once, with no
	// attempt counted (a dead letter gets its attempts again); LastError is kept. Sent events are
	// left as they are. Unknown IDs are an error wrapping ErrNotFound, and then nothing changes.
	RequeueEvents(ctx context.Context, ids ...int64) error
}

// EventQuery selects outbox events.
type EventQuery struct {
	Recipient string // when not empty, only events for this recipient
	Subject   string // when not empty, only events about this record
	Unsent    bool   // only events not yet marked sent (the dead letters among them)
	Dead      bool   // only dead-lettered events not sent
	AfterID   int64  // only events with a greater ID
	Limit     int    // 0 means 1000
}

// Claim is what [Outbox.ClaimEvents] takes.
type Claim struct {
	Now   time.Time // the host's clock: events due and not leased at Now
	Until time.Time // the lease's end: after Now
	Limit int       // the most to claim; 0 means 100
}

// Failure is a failed delivery attempt, for [Outbox.RecordEventFailure].
type Failure struct {
	Error string    // what the attempt said, kept as the event's LastError
	Retry time.Time // the earliest time of the next attempt (ignored when Dead)
	Dead  bool      // no more attempts: dead-letter the event
}
