// Package store holds what the SDK's storage contracts share: the sentinel errors every store returns
// and [Event], the record of the outbox. It imports none of the SDK's packages, so domain packages and
// stores can all import it without cycles.
//
// Each domain package declares the small store interface it consumes; [memstore] implements all of
// them in memory and [storetest] is the conformance suite any host store must pass.
//
// [memstore]: https://pkg.go.dev/github.com/kutsekit/kutse/store/memstore
// [storetest]: https://pkg.go.dev/github.com/kutsekit/kutse/store/storetest
package store

import (
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
}
