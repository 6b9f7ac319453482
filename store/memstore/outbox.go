package memstore

import (
	"context"
	"fmt"
	"maps"
	"time"

	"github.com/kutsekit/kutse/store"
)

// outbox is the shared outbox: the events in ID order (events[i].ID == i+1) with their leases.
type outbox struct {
	events []store.Event
	lease  []time.Time // lease[i]: the end of events[i]'s lease; zero for none
	// open is the index of the first event that may be pending: every event before it is sent or
	// dead. It keeps claiming from scanning the delivered past.
	open int
}

// appendEvents adds events to the outbox; the caller holds s.mu.
func (s *Store) appendEvents(events []store.Event, subject string) {
	o := &s.outbox
	for _, e := range events {
		e.ID = int64(len(o.events) + 1)
		e.Sent, e.Attempts, e.NextAttempt, e.LastError, e.Dead = false, 0, time.Time{}, "", false
		if e.Subject == "" {
			e.Subject = subject
		}
		e.Data = maps.Clone(e.Data)
		o.events = append(o.events, e)
		o.lease = append(o.lease, time.Time{})
	}
}

func cloneEvent(e store.Event) store.Event {
	e.Data = maps.Clone(e.Data)
	return e
}

// change runs f on the events with the given IDs (by their index), all or nothing: when an ID is
// unknown it returns an error wrapping store.ErrNotFound and f runs on none.
func (s *Store) change(ctx context.Context, ids []int64, f func(i int)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range ids {
		if id < 1 || id > int64(len(s.outbox.events)) {
			return fmt.Errorf("memstore: event %d: %w", id, store.ErrNotFound)
		}
	}
	for _, id := range ids {
		f(int(id - 1))
	}
	return nil
}

// OutboxEvents implements store.Outbox.
func (s *Store) OutboxEvents(ctx context.Context, q store.EventQuery) ([]store.Event, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 1000
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []store.Event
	evs := s.outbox.events
	for i := max(q.AfterID, 0); i < int64(len(evs)) && len(out) < limit; i++ {
		e := &evs[i]
		if (q.Recipient != "" && e.Recipient != q.Recipient) || (q.Subject != "" && e.Subject != q.Subject) ||
			(q.Unsent && e.Sent) || (q.Dead && (!e.Dead || e.Sent)) {
			continue
		}
		out = append(out, cloneEvent(*e))
	}
	return out, nil
}

// MarkEventsSent implements store.Outbox.
func (s *Store) MarkEventsSent(ctx context.Context, ids ...int64) error {
	return s.change(ctx, ids, func(i int) {
		s.outbox.events[i].Sent = true
		s.outbox.lease[i] = time.Time{}
	})
}

// ClaimEvents implements store.Outbox.
func (s *Store) ClaimEvents(ctx context.Context, c store.Claim) ([]store.Event, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	limit := c.Limit
	if limit <= 0 {
		limit = 100
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	o := &s.outbox
	for o.open < len(o.events) && (o.events[o.open].Sent || o.events[o.open].Dead) {
		o.open++
	}
	var out []store.Event
	for i := o.open; i < len(o.events) && len(out) < limit; i++ {
		e := &o.events[i]
		if e.Sent || e.Dead || e.NextAttempt.After(c.Now) || o.lease[i].After(c.Now) {
			continue
		}
		o.lease[i] = c.Until
		out = append(out, cloneEvent(*e))
	}
	return out, nil
}

// RecordEventFailure implements store.Outbox.
func (s *Store) RecordEventFailure(ctx context.Context, id int64, f store.Failure) error {
	return s.change(ctx, []int64{id}, func(i int) {
		e := &s.outbox.events[i]
		if e.Sent {
			return
		}
		e.Attempts++
		e.LastError, e.Dead, e.NextAttempt = f.Error, f.Dead, f.Retry
		if f.Dead {
			e.NextAttempt = time.Time{}
		}
		s.outbox.lease[i] = time.Time{}
	})
}

// ReleaseEvents implements store.Outbox.
func (s *Store) ReleaseEvents(ctx context.Context, ids ...int64) error {
	return s.change(ctx, ids, func(i int) { s.outbox.lease[i] = time.Time{} })
}

// RequeueEvents implements store.Outbox.
func (s *Store) RequeueEvents(ctx context.Context, ids ...int64) error {
	return s.change(ctx, ids, func(i int) {
		o := &s.outbox
		if e := &o.events[i]; !e.Sent {
			e.Dead, e.Attempts, e.NextAttempt = false, 0, time.Time{}
			o.lease[i] = time.Time{}
			o.open = min(o.open, i)
		}
	})
}
