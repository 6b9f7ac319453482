package storetest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/kutsekit/kutse/notify"
	"github.com/kutsekit/kutse/store"
)

func init() { cases = append(cases, dispatchCases...) }

// fakeClock is the host's clock in the dispatch cases: it moves only when told.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *fakeClock) Add(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.t = c.t.Add(d) }

// ledger records what a sender was given and answers with fail, per event.
type ledger struct {
	mu   sync.Mutex
	sent map[int64]int // accepted messages per event
	seen map[int64]int // attempts per event
	fail func(m notify.Message, attempt int) error
}

func newLedger(fail func(m notify.Message, attempt int) error) *ledger {
	return &ledger{sent: map[int64]int{}, seen: map[int64]int{}, fail: fail}
}

func (l *ledger) Send(_ context.Context, m notify.Message) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seen[m.EventID]++
	if l.fail != nil {
		if err := l.fail(m, l.seen[m.EventID]); err != nil {
			return err
		}
	}
	l.sent[m.EventID]++
	return nil
}

func (l *ledger) count(id int64) (sent, seen int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.sent[id], l.seen[id]
}

func dispatcher(o store.Outbox, s notify.Sender, c *fakeClock) *notify.Dispatcher {
	return &notify.Dispatcher{Outbox: o, Sender: s, Now: c.Now, Rand: rand.New(rand.NewPCG(1, 2)), Batch: 7}
}

// drain runs Dispatch rounds, moving the clock an hour after each, until no event is left to deliver
// (every one sent or dead) or rounds have run; it returns the rounds' errors.
func drain(ctx context.Context, d *notify.Dispatcher, c *fakeClock, rounds int) []error {
	var errs []error
	for range rounds {
		if _, err := d.Dispatch(ctx); err != nil {
			errs = append(errs, err)
		}
		un, err := d.Outbox.OutboxEvents(ctx, store.EventQuery{Unsent: true})
		if err != nil {
			return append(errs, err)
		}
		dead, err := d.Outbox.OutboxEvents(ctx, store.EventQuery{Dead: true})
		if err != nil {
			return append(errs, err)
		}
		if len(un) == len(dead) {
			return errs
		}
		c.Add(time.Hour)
	}
	return append(errs, fmt.Errorf("events left to deliver after %d rounds", rounds))
}

// flakyOutbox is an outbox that fails: the calls numbered in failAt (counted per method) return
// errDown, as a database that goes away for a moment would.
type flakyOutbox struct {
	store.Outbox
	mu     sync.Mutex
	calls  map[string]int
	failAt map[string][]int
}

var errDown = errors.New("storetest: the database went away")

func (f *flakyOutbox) hit(method string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls[method]++
	for _, n := range f.failAt[method] {
		if n == f.calls[method] {
			return errDown
		}
	}
	return nil
}

func (f *flakyOutbox) ClaimEvents(ctx context.Context, c store.Claim) ([]store.Event, error) {
	if err := f.hit("claim"); err != nil {
		return nil, err
	}
	return f.Outbox.ClaimEvents(ctx, c)
}

func (f *flakyOutbox) MarkEventsSent(ctx context.Context, ids ...int64) error {
	if err := f.hit("mark"); err != nil {
		return err
	}
	return f.Outbox.MarkEventsSent(ctx, ids...)
}

func (f *flakyOutbox) RecordEventFailure(ctx context.Context, id int64, fl store.Failure) error {
	if err := f.hit("fail"); err != nil {
		return err
	}
	return f.Outbox.RecordEventFailure(ctx, id, fl)
}

var dispatchCases = []testCase{
	{
		name: "DispatchFailingMessages",
		explanation: "with notify's dispatcher, messages that fail do not stop the others: a failure for a while is retried with backoff " +
			"and delivered once, a permanent failure is dead-lettered at once with its error, and every message ends sent or dead",
		check: func(ctx context.Context, s Store) error {
			if _, err := withEvents(ctx, s, 39); err != nil {
				return err
			}
			all := allIDs(ctx, s)
			kind := func(id int64) int64 { return id % 10 }
			l := newLedger(func(m notify.Message, attempt int) error {
				switch {
				case kind(m.EventID) == 3:
					return notify.Permanent(errors.New("smtp: 550 no such mailbox"))
				case kind(m.EventID) == 5 && attempt <= 3:
					return errors.New("smtp: 451 try again later")
				}
				return nil
			})
			c := &fakeClock{t: t0}
			d := dispatcher(s, l, c)
			d.StopAfter = -1
			if errs := drain(ctx, d, c, 50); len(errs) > 0 {
				return fmt.Errorf("Dispatch: %v", errors.Join(errs...))
			}
			for _, id := range all {
				sent, seen := l.count(id)
				e, err := event(ctx, s, id)
				if err != nil {
					return err
				}
				switch kind(id) {
				case 3:
					if sent != 0 || seen != 1 || !e.Dead || e.Sent || e.Attempts != 1 || e.LastError == "" {
						return fmt.Errorf("event %d failing for good: sent %d, tried %d, stored %+v; want tried once and dead-lettered with its error", id, sent, seen, e)
					}
				case 5:
					if sent != 1 || seen != 4 || !e.Sent || e.Attempts != 3 || e.LastError != "smtp: 451 try again later" {
						return fmt.Errorf("event %d failing for a while: sent %d, tried %d, stored %+v; want sent once on the 4th try, 3 failures recorded", id, sent, seen, e)
					}
				default:
					if sent != 1 || seen != 1 || !e.Sent {
						return fmt.Errorf("event %d: sent %d, tried %d, stored %+v; want sent once", id, sent, seen, e)
					}
				}
			}
			return nil
		},
	},
	{
		name: "DispatchSenderDown",
		explanation: "with notify's dispatcher, nothing is lost while the sender is down: rounds end with ErrSenderDown without spending " +
			"the other messages' attempts; messages that run out of attempts are dead letters a host lists and requeues; all are then delivered once",
		check: func(ctx context.Context, s Store) error {
			if _, err := withEvents(ctx, s, 29); err != nil {
				return err
			}
			all := allIDs(ctx, s)
			c := &fakeClock{t: t0}
			up := t0.Add(30 * time.Hour)
			l := newLedger(func(notify.Message, int) error {
				if c.Now().Before(up) {
					return errors.New("dial tcp: connection refused")
				}
				return nil
			})
			d := dispatcher(s, l, c)
			d.StopAfter, d.MaxAttempts = 3, 4
			r, err := d.Dispatch(ctx)
			if !errors.Is(err, notify.ErrSenderDown) || r.Retried != 3 || r.Sent != 0 {
				return fmt.Errorf("the first round with the sender down = %+v, %v; want 3 retried and ErrSenderDown", r, err)
			}
			pending, _ := s.OutboxEvents(ctx, store.EventQuery{Unsent: true})
			untouched := 0
			for _, e := range pending {
				if e.Attempts == 0 {
					untouched++
				}
			}
			if len(pending) != len(all) || untouched != len(all)-3 {
				return fmt.Errorf("after the round: %d unsent, %d with no attempt; want %d and %d", len(pending), untouched, len(all), len(all)-3)
			}
			if got, _ := s.ClaimEvents(ctx, store.Claim{Now: c.Now(), Until: c.Now().Add(time.Minute), Limit: 1000}); len(got) != len(all)-3 {
				return fmt.Errorf("%d events claimable after the round; want the %d handed back untried", len(got), len(all)-3)
			} else if err := s.ReleaseEvents(ctx, ids(got)...); err != nil {
				return err
			}
			for c.Now().Before(up) {
				if _, err := d.Dispatch(ctx); err != nil && !errors.Is(err, notify.ErrSenderDown) {
					return fmt.Errorf("Dispatch while down: %v", err)
				}
				c.Add(10 * time.Minute)
			}
			if errs := drain(ctx, d, c, 20); len(errs) > 0 {
				return fmt.Errorf("Dispatch after the sender came back: %v", errors.Join(errs...))
			}
			dead, err := d.DeadLetters(ctx, 0)
			if err != nil || len(dead) == 0 {
				return fmt.Errorf("DeadLetters = %d, %v; want the messages that ran out of attempts in 30 hours", len(dead), err)
			}
			for _, e := range dead {
				if e.Attempts != 4 || e.LastError != "dial tcp: connection refused" {
					return fmt.Errorf("dead letter %+v; want 4 attempts and the last error", e)
				}
			}
			if err := d.Requeue(ctx, ids(dead)...); err != nil {
				return err
			}
			if errs := drain(ctx, d, c, 20); len(errs) > 0 {
				return fmt.Errorf("Dispatch after the requeue: %v", errors.Join(errs...))
			}
			for _, id := range all {
				if sent, _ := l.count(id); sent != 1 {
					return fmt.Errorf("event %d was delivered %d times; want once: nothing lost, nothing twice", id, sent)
				}
			}
			if dead, _ := d.DeadLetters(ctx, 0); len(dead) != 0 {
				return fmt.Errorf("%d dead letters left after the requeue", len(dead))
			}
			return nil
		},
	},
	{
		name: "DispatchStoreFailsMidRun",
		explanation: "with notify's dispatcher, an outbox that fails mid-run (a claim, marking a message sent, recording a failure) loses " +
			"nothing: the round returns the error, and later rounds deliver every message, at least once: twice only the one whose mark failed, and its retry",
		check: func(ctx context.Context, s Store) error {
			if _, err := withEvents(ctx, s, 29); err != nil {
				return err
			}
			all := allIDs(ctx, s)
			flaky := &flakyOutbox{Outbox: s, calls: map[string]int{}, failAt: map[string][]int{"claim": {2}, "mark": {5, 6, 11}, "fail": {1}}}
			l := newLedger(func(m notify.Message, attempt int) error {
				if m.EventID == all[20] && attempt == 1 {
					return errors.New("smtp: 421 closing")
				}
				return nil
			})
			c := &fakeClock{t: t0}
			d := dispatcher(flaky, l, c)
			errs := drain(ctx, d, c, 30)
			if len(errs) != 4 {
				return fmt.Errorf("rounds failed %d times (%v); want 4: a claim, a mark and its retry, another mark, a failure record", len(errs), errs)
			}
			for _, err := range errs {
				if !errors.Is(err, errDown) {
					return fmt.Errorf("Dispatch = %v; want the outbox's error", err)
				}
			}
			twice := 0
			for _, id := range all {
				sent, _ := l.count(id)
				e, _ := event(ctx, s, id)
				if sent < 1 || !e.Sent {
					return fmt.Errorf("event %d: delivered %d times, stored %+v; want it delivered and marked sent", id, sent, e)
				}
				if sent == 2 {
					twice++
				}
			}
			if twice != 1 {
				return fmt.Errorf("%d messages were delivered twice; want 1 (the one whose mark failed twice: delivery is at least once)", twice)
			}
			return nil
		},
	},
	{
		name:        "DispatchConcurrent",
		explanation: "with notify's dispatcher, four dispatchers running at once on one store deliver every message exactly once in the normal case (each claims what it sends)",
		check: func(ctx context.Context, s Store) error {
			if _, err := withEvents(ctx, s, 299); err != nil {
				return err
			}
			all := allIDs(ctx, s)
			c := &fakeClock{t: t0}
			l := newLedger(nil)
			var wg sync.WaitGroup
			errs := make([]error, 4)
			sent := make([]int, 4)
			for w := range 4 {
				d := dispatcher(s, l, c)
				d.Batch = 5
				wg.Go(func() {
					r, err := d.Dispatch(ctx)
					sent[w], errs[w] = r.Sent, err
				})
			}
			wg.Wait()
			if err := errors.Join(errs...); err != nil {
				return err
			}
			total := 0
			for _, n := range sent {
				total += n
			}
			for _, id := range all {
				if n, _ := l.count(id); n != 1 {
					return fmt.Errorf("event %d was delivered %d times by the four dispatchers; want once", id, n)
				}
			}
			if total != len(all) {
				return fmt.Errorf("the dispatchers report %v sent, %d in all; want %d", sent, total, len(all))
			}
			if un, _ := s.OutboxEvents(ctx, store.EventQuery{Unsent: true}); len(un) != 0 {
				return fmt.Errorf("%d events left unsent", len(un))
			}
			return nil
		},
	},
}
