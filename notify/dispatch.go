package notify

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// Sender delivers a message: by e-mail, to the state portal's notifications (eesti.ee), wherever the
// host sends them. It returns nil only when the message was accepted. An error is taken as passing:
// the message is tried again later, with backoff; an error wrapping [ErrPermanent] (see [Permanent])
// says the message can never be delivered, and it is dead-lettered at once.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// SenderFunc adapts a function to [Sender].
type SenderFunc func(ctx context.Context, m Message) error

// Send calls f.
func (f SenderFunc) Send(ctx context.Context, m Message) error { return f(ctx, m) }

// ErrPermanent marks a failure that no retry can mend: a malformed address, a recipient the host
// does not know, an event with no notice. The dispatcher dead-letters the message at once.
var ErrPermanent = errors.New("permanent failure")

// ErrSenderDown is returned by [Dispatcher.Dispatch] when the sender failed StopAfter messages in a
// row: the round ends so as not to spend every message's attempts while the sender is down.
var ErrSenderDown = errors.New("notify: the sender is failing every message")

// Permanent wraps err so that it also wraps [ErrPermanent]: a sender returns Permanent(err) for a
// message it can never deliver.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%w: %w", ErrPermanent, err)
}

// Backoff is the wait before a failed message is tried again: Base after the first failure, doubling
// with each failure, at most Max, and jittered: the wait after the n-th failure is uniformly
// distributed in [d/2, d), d = min(Max, Base·2^(n-1)), so that messages that failed together are not
// all retried together.
type Backoff struct {
	Base time.Duration // the wait after the first failure; 0 means one minute
	Max  time.Duration // the longest wait; 0 means six hours
}

// Delay returns the wait after the failures-th failed attempt (1 for the first), for a jitter r in
// [0, 1).
func (b Backoff) Delay(failures int, r float64) time.Duration {
	base, most := b.Base, b.Max
	if base <= 0 {
		base = time.Minute
	}
	if most <= 0 {
		most = 6 * time.Hour
	}
	d := base
	for i := 1; i < failures && d < most; i++ {
		d *= 2
	}
	d = min(d, most)
	return d/2 + time.Duration(r*float64(d/2))
}

// Defaults of a [Dispatcher].
const (
	DefaultMaxAttempts = 8
	DefaultLease       = 5 * time.Minute
	DefaultBatch       = 100
	DefaultStopAfter   = 5
)

// Dispatcher delivers the outbox's events as messages through the host's sender. The zero value of
// every field but Outbox and Sender is a working default. A Dispatcher is safe for concurrent use,
// and several dispatchers (in one process or in several, on one database) may run at once: each
// claims the events it delivers (see [store.Outbox.ClaimEvents]).
type Dispatcher struct {
	Outbox store.Outbox
	Sender Sender
	// Lang chooses the language for a recipient; nil means Estonian for everyone.
	Lang func(to Recipient) law.Lang
	// Render writes an event's message; nil means [Render]. A host that words some notices its own
	// way wraps Render here. An error dead-letters the event.
	Render func(e store.Event, lang law.Lang) (Message, error)
	// Now is the clock of the due times and the leases; nil means time.Now.
	Now func() time.Time
	// Rand is the source of the backoff's jitter; nil means math/rand/v2's, seeded at random. Tests
	// give a seeded one (rand.New(rand.NewPCG(1, 2))).
	Rand *rand.Rand
	// Backoff is the wait between the attempts of one message.
	Backoff Backoff
	// MaxAttempts is the number of failed attempts after which a message is dead-lettered; 0 means
	// DefaultMaxAttempts (8: with the default backoff, about one to two hours of failures).
	MaxAttempts int
	// Lease is how long a claimed batch is reserved for this dispatcher; 0 means DefaultLease. It
	// should exceed the time the sender takes for Batch messages: the dispatcher stops sending a
	// batch whose lease has ended, and claims again.
	Lease time.Duration
	// Batch is the most events claimed at a time; 0 means DefaultBatch.
	Batch int
	// StopAfter is the number of messages failing in a row that ends a round with ErrSenderDown;
	// 0 means DefaultStopAfter, a negative value never.
	StopAfter int
	// MarkBatch is the number of sent messages marked sent in one statement; 0 or 1 means each one
	// at once, so that a crash repeats at most the message being sent. A larger value saves a
	// commit per message (see the package's performance figures) and may repeat up to MarkBatch
	// messages after a crash.
	MarkBatch int

	mu sync.Mutex // guards Rand
}

// Round is what one [Dispatcher.Dispatch] did.
type Round struct {
	Sent    int // messages the sender accepted
	Retried int // messages that failed and wait for another attempt
	Dead    int // messages dead-lettered
}

func (d *Dispatcher) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

func (d *Dispatcher) jitter() float64 {
	if d.Rand == nil {
		return rand.Float64()
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.Rand.Float64()
}

func orDefault(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

// Dispatch delivers the events that are due, oldest first, until none is left, and returns what it
// did. Each event is claimed, rendered, handed to the sender and then marked sent; a message the
// sender fails is tried again after a backoff, and dead-lettered after MaxAttempts failures (or at
// once on a permanent failure). One failing message never stops the others.
//
// Dispatch returns an error only when the outbox fails (the events it had claimed come back when
// their lease ends), when ctx ends (they are handed back at once), or when the sender failed
// StopAfter messages in a row (ErrSenderDown: the rest are handed back untried). A host runs it
// every few seconds, and less often after ErrSenderDown.
//
// Delivery is at least once: a message is marked sent only after the sender accepted it, so a crash
// in between, a failed mark, or a lease that ended while the sender was still working sends it again.
// A sender that must not repeat a message keys it by [Message.EventID].
func (d *Dispatcher) Dispatch(ctx context.Context) (Round, error) {
	if d.Outbox == nil || d.Sender == nil {
		return Round{}, &invalid.FieldError{Pkg: "notify", Field: "Dispatcher", Reason: "needs an Outbox and a Sender"}
	}
	lease := d.Lease
	if lease <= 0 {
		lease = DefaultLease
	}
	x := &round{d: d, stopAfter: orDefault(d.StopAfter, DefaultStopAfter), markBatch: max(d.MarkBatch, 1)}
	for {
		now := d.now()
		until := now.Add(lease)
		evs, err := d.Outbox.ClaimEvents(ctx, store.Claim{Now: now, Until: until, Limit: orDefault(d.Batch, DefaultBatch)})
		if err != nil {
			return x.r, fmt.Errorf("notify: claim events: %w", err)
		}
		if len(evs) == 0 {
			return x.r, nil
		}
		for i := range evs {
			if i > 0 && !d.now().Before(until) {
				break // the lease has ended: another dispatcher may have the rest now
			}
			if err := x.one(ctx, &evs[i]); err != nil {
				return x.r, x.end(evs[i+1:], err)
			}
		}
		if err := x.flush(ctx); err != nil {
			return x.r, err
		}
	}
}

// round is the state of one Dispatch.
type round struct {
	d         *Dispatcher
	r         Round
	stopAfter int
	markBatch int
	failing   int     // messages failed in a row
	sent      []int64 // sent and not yet marked
}

// errHandBack says that event id, being delivered, was not tried: it goes back with the rest.
type errHandBack struct {
	error
	id int64
}

// one delivers event e and records the outcome. An error ends the round.
func (x *round) one(ctx context.Context, e *store.Event) error {
	d := x.d
	if err := ctx.Err(); err != nil {
		return errHandBack{err, e.ID}
	}
	err := d.deliver(ctx, e)
	switch {
	case err == nil:
		x.failing = 0
		if x.sent = append(x.sent, e.ID); len(x.sent) >= x.markBatch {
			return x.flush(ctx)
		}
		return nil
	case ctx.Err() != nil:
		return errHandBack{ctx.Err(), e.ID}
	}
	dead, ferr := d.fail(ctx, e, err)
	if ferr != nil {
		return ferr
	}
	if dead {
		x.r.Dead++
	} else {
		x.r.Retried++
	}
	if errors.Is(err, ErrPermanent) {
		return nil
	}
	if x.failing++; x.stopAfter > 0 && x.failing >= x.stopAfter {
		return fmt.Errorf("%w (%d in a row; the last: %w)", ErrSenderDown, x.failing, err)
	}
	return nil
}

// flush marks the messages sent so far.
func (x *round) flush(ctx context.Context) error {
	if len(x.sent) == 0 {
		return nil
	}
	if err := x.d.Outbox.MarkEventsSent(ctx, x.sent...); err != nil {
		return fmt.Errorf("notify: events %v were sent but not marked sent (they will be sent again): %w", x.sent, err)
	}
	x.r.Sent += len(x.sent)
	x.sent = x.sent[:0]
	return nil
}

// end finishes a round that cause ends: it marks what was sent and hands back the claimed events
// not tried (rest, and the one being delivered when cause is an errHandBack), on a context of its
// own, as the caller's may have ended. What it cannot do is joined to cause: the events then come
// back when their lease ends.
func (x *round) end(rest []store.Event, cause error) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var hb errHandBack
	if errors.As(cause, &hb) {
		cause = hb.error
		rest = append([]store.Event{{ID: hb.id}}, rest...)
	}
	errs := []error{cause}
	if err := x.flush(ctx); err != nil {
		errs = append(errs, err)
	}
	if len(rest) > 0 {
		ids := make([]int64, len(rest))
		for i := range rest {
			ids[i] = rest[i].ID
		}
		if err := x.d.Outbox.ReleaseEvents(ctx, ids...); err != nil {
			errs = append(errs, fmt.Errorf("notify: release events: %w", err))
		}
	}
	if len(errs) == 1 {
		return cause
	}
	return errors.Join(errs...)
}

// deliver renders e and hands it to the sender. A render error is permanent.
func (d *Dispatcher) deliver(ctx context.Context, e *store.Event) error {
	render := d.Render
	if render == nil {
		render = Render
	}
	lang := law.Estonian
	if d.Lang != nil {
		if t, ok := catalogue[e.Kind]; ok {
			lang = d.Lang(Recipient{Kind: t.to, ID: e.Recipient})
		} else {
			lang = d.Lang(Recipient{ID: e.Recipient})
		}
	}
	m, err := render(*e, lang)
	if err != nil {
		return Permanent(err)
	}
	return d.Sender.Send(ctx, m)
}

// fail records a failed attempt: the next one after the backoff, or the dead letter. It reports
// whether the event is dead.
func (d *Dispatcher) fail(ctx context.Context, e *store.Event, cause error) (bool, error) {
	n := e.Attempts + 1
	f := store.Failure{Error: cause.Error(), Dead: errors.Is(cause, ErrPermanent) || n >= orDefault(d.MaxAttempts, DefaultMaxAttempts)}
	if !f.Dead {
		f.Retry = d.now().Add(d.Backoff.Delay(n, d.jitter()))
	}
	if err := d.Outbox.RecordEventFailure(ctx, e.ID, f); err != nil {
		return false, fmt.Errorf("notify: record the failure of event %d: %w", e.ID, err)
	}
	return f.Dead, nil
}

// DeadLetters returns the dead-lettered events, oldest first, at most limit (0 means 1000), with
// each one's attempts and last error.
func (d *Dispatcher) DeadLetters(ctx context.Context, limit int) ([]store.Event, error) {
	if d.Outbox == nil {
		return nil, &invalid.FieldError{Pkg: "notify", Field: "Dispatcher.Outbox", Reason: "is required"}
	}
	return d.Outbox.OutboxEvents(ctx, store.EventQuery{Dead: true, Limit: limit})
}

// Requeue puts the events back to be delivered by the next Dispatch, with their attempts counted
// afresh: the host retries dead letters once it has mended what failed them.
func (d *Dispatcher) Requeue(ctx context.Context, ids ...int64) error {
	if d.Outbox == nil {
		return &invalid.FieldError{Pkg: "notify", Field: "Dispatcher.Outbox", Reason: "is required"}
	}
	return d.Outbox.RequeueEvents(ctx, ids...)
}
