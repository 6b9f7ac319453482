package pgstore_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/internal/tooltest"
	"github.com/kutsekit/kutse/notify"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/pgstore"
	"github.com/kutsekit/kutse/store/storetest"
)

// process returns a store on a pool of its own, as another process of the host would have, in the
// schema of opts, named name in pg_stat_activity.
func process(t *testing.T, opts *pgstore.Options, name string) (*pgstore.Store, *pgxpool.Pool) {
	t.Helper()
	cfg, err := pgxpool.ParseConfig(tooltest.Env(t, EnvURL))
	if err != nil {
		t.Fatal(err)
	}
	cfg.ConnConfig.RuntimeParams["application_name"] = name
	cfg.MaxConns = 4
	p, err := pgxpool.NewWithConfig(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	s, err := pgstore.New(p, opts)
	if err != nil {
		t.Fatal(err)
	}
	return s, p
}

// outboxOf fills a fresh schema's outbox with n+1 events (a certificate issued, then n events of
// its own) and returns the schema.
func outboxOf(t *testing.T, n int) *pgstore.Options {
	t.Helper()
	p := testPool(t)
	opts := freshSchema(t, p)
	s, err := pgstore.New(p, opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	c, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: storetest.Sample(1), Series: certificate.Series{Prefix: "KT", Width: 6},
		Events: []store.Event{{Kind: certificate.EventIssued, Recipient: storetest.Holder(1).String(), At: time.Now()}}})
	if err != nil {
		t.Fatal(err)
	}
	evs := make([]store.Event, n)
	for i := range evs {
		evs[i] = store.Event{Kind: certificate.EventHidden, Recipient: c.Holder.Code.String(), At: time.Now()}
	}
	if _, err := s.UpdateCertificate(ctx, c, evs); err != nil {
		t.Fatal(err)
	}
	return opts
}

// counter is a sender that counts the messages it accepted, per event.
type counter struct {
	mu   sync.Mutex
	sent map[int64]int
	hook func(m notify.Message) error
}

func (c *counter) Send(_ context.Context, m notify.Message) error {
	if c.hook != nil {
		if err := c.hook(m); err != nil {
			return err
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sent[m.EventID]++
	return nil
}

func (c *counter) check(t *testing.T, n int, twice int) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.sent) != n {
		t.Errorf("%d messages delivered; want %d", len(c.sent), n)
	}
	more := 0
	for id, k := range c.sent {
		if k > 2 || (k == 2 && twice == 0) {
			t.Errorf("event %d delivered %d times", id, k)
		}
		if k == 2 {
			more++
		}
	}
	if more > twice {
		t.Errorf("%d messages delivered twice; want at most %d", more, twice)
	}
}

// TestDispatch_TwoProcesses proves that two processes dispatching one outbox at once (each with its
// own pool, SELECT … FOR UPDATE SKIP LOCKED and the lease between them) deliver every message
// exactly once in the normal case.
func TestDispatch_TwoProcesses(t *testing.T) {
	opts := outboxOf(t, 599)
	c := &counter{sent: map[int64]int{}}
	var wg sync.WaitGroup
	rounds := make([]notify.Round, 2)
	errs := make([]error, 2)
	for i, name := range []string{"kutse_dispatch_a", "kutse_dispatch_b"} {
		s, _ := process(t, opts, name)
		d := &notify.Dispatcher{Outbox: s, Sender: c, Batch: 20}
		wg.Go(func() { rounds[i], errs[i] = d.Dispatch(t.Context()) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	c.check(t, 600, 0)
	if rounds[0].Sent+rounds[1].Sent != 600 || rounds[0].Sent == 0 || rounds[1].Sent == 0 {
		t.Errorf("rounds %+v; want 600 sent in all, by both", rounds)
	}
}

// TestDispatch_ProcessDies proves that the messages a process claimed and never sent (it died) are
// delivered by another once the lease ends, and not before.
func TestDispatch_ProcessDies(t *testing.T) {
	opts := outboxOf(t, 99)
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	dying, p := process(t, opts, "kutse_dispatch_dying")
	claimed, err := dying.ClaimEvents(t.Context(), store.Claim{Now: now, Until: now.Add(notify.DefaultLease), Limit: 30})
	if err != nil || len(claimed) != 30 {
		t.Fatalf("ClaimEvents = %d, %v", len(claimed), err)
	}
	p.Close()
	s, _ := process(t, opts, "kutse_dispatch_alive")
	c := &counter{sent: map[int64]int{}}
	clock := now
	d := &notify.Dispatcher{Outbox: s, Sender: c, Now: func() time.Time { return clock }}
	if r, err := d.Dispatch(t.Context()); err != nil || r.Sent != 70 {
		t.Fatalf("Dispatch during the dead process's lease = %+v, %v; want the 70 it had not claimed", r, err)
	}
	clock = now.Add(notify.DefaultLease)
	if r, err := d.Dispatch(t.Context()); err != nil || r.Sent != 30 {
		t.Fatalf("Dispatch after the lease = %+v, %v; want the 30 the dead process claimed", r, err)
	}
	c.check(t, 100, 0)
}

// TestDispatch_ConnectionKilled proves that a dispatcher whose database connections are killed in
// the middle of a run (pg_terminate_backend) loses nothing: the run fails, the next runs deliver
// every message, at least once (the message whose mark was cut off may come twice).
func TestDispatch_ConnectionKilled(t *testing.T) {
	opts := outboxOf(t, 199)
	s, _ := process(t, opts, "kutse_dispatch_victim")
	admin := testPool(t)
	clock := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	killed := false
	c := &counter{sent: map[int64]int{}}
	c.hook = func(m notify.Message) error {
		if !killed && len(c.sent) == 50 {
			killed = true
			if _, err := admin.Exec(context.Background(),
				"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'kutse_dispatch_victim'"); err != nil {
				return fmt.Errorf("terminate: %w", err)
			}
		}
		return nil
	}
	d := &notify.Dispatcher{Outbox: s, Sender: c, Now: func() time.Time { return clock }, Batch: 25}
	var failed int
	for range 10 {
		if _, err := d.Dispatch(t.Context()); err != nil {
			failed++
			t.Logf("Dispatch: %v", err)
		}
		clock = clock.Add(notify.DefaultLease)
		if un, _ := s.OutboxEvents(t.Context(), store.EventQuery{Unsent: true}); len(un) == 0 {
			break
		}
	}
	if !killed || failed == 0 {
		t.Fatalf("killed %v, failed rounds %d; want the kill to fail a round", killed, failed)
	}
	if un, _ := s.OutboxEvents(t.Context(), store.EventQuery{Unsent: true}); len(un) != 0 {
		t.Errorf("%d unsent after the runs", len(un))
	}
	c.check(t, 200, 1)
}
