package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/store"
)

func init() { cases = append(cases, outboxCases...) }

// t0 is the host's clock in the outbox cases.
var t0 = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

// withEvents issues Sample(1) and writes n events of its own with it (kind certificate.hidden, to
// its holder), in one commit each batch of up to 1,000, and returns their IDs in order.
func withEvents(ctx context.Context, s Store, n int) ([]int64, error) {
	c, err := issue(ctx, s, 1, "")
	if err != nil {
		return nil, err
	}
	before, err := allEvents(ctx, s)
	if err != nil {
		return nil, err
	}
	for n > 0 {
		k := min(n, 1000)
		evs := make([]store.Event, k)
		for i := range evs {
			evs[i] = store.Event{Kind: certificate.EventHidden, Recipient: c.Holder.Code.String(), At: t0,
				Data: map[string]string{"i": strconv.Itoa(n - k + i)}}
		}
		if c, err = s.UpdateCertificate(ctx, c, evs); err != nil {
			return nil, err
		}
		n -= k
	}
	all, err := allEvents(ctx, s)
	if err != nil {
		return nil, err
	}
	return ids(all[len(before):]), nil
}

// event returns the stored event id.
func event(ctx context.Context, s Store, id int64) (store.Event, error) {
	evs, err := s.OutboxEvents(ctx, store.EventQuery{AfterID: id - 1, Limit: 1})
	if err != nil {
		return store.Event{}, err
	}
	if len(evs) != 1 || evs[0].ID != id {
		return store.Event{}, fmt.Errorf("event %d is not in the outbox", id)
	}
	return evs[0], nil
}

func claim(ctx context.Context, s Store, now time.Time, lease time.Duration, limit int) ([]int64, error) {
	evs, err := s.ClaimEvents(ctx, store.Claim{Now: now, Until: now.Add(lease), Limit: limit})
	return ids(evs), err
}

var outboxCases = []testCase{
	{
		name:        "OutboxNewEventsPending",
		explanation: "a new event is pending: not sent, not dead, no attempt, no next attempt, no last error",
		check: func(ctx context.Context, s Store) error {
			evs, err := withEvents(ctx, s, 1)
			if err != nil {
				return err
			}
			e, err := event(ctx, s, evs[0])
			if err != nil {
				return err
			}
			if e.Sent || e.Dead || e.Attempts != 0 || !e.NextAttempt.IsZero() || e.LastError != "" {
				return fmt.Errorf("new event = %+v; want pending with no delivery state", e)
			}
			return nil
		},
	},
	{
		name: "OutboxClaim",
		explanation: "ClaimEvents returns due, unleased, pending events by ID up to the limit and leases them: a second claim " +
			"before the lease ends gets the next ones; after it ends they are claimed again; sent events are never claimed",
		check: func(ctx context.Context, s Store) error {
			evs, err := withEvents(ctx, s, 5)
			if err != nil {
				return err
			}
			if err := s.MarkEventsSent(ctx, evs[0]); err != nil {
				return err
			}
			got, err := claim(ctx, s, t0, time.Minute, 2)
			if err != nil {
				return err
			}
			// the issue's own event (before evs) is pending too: it comes first
			first, _ := allEvents(ctx, s)
			want := []int64{first[0].ID, evs[1]}
			if !slices.Equal(got, want) {
				return fmt.Errorf("first claim = %v; want %v (oldest pending first, limit 2, not the sent one)", got, want)
			}
			if got, _ := claim(ctx, s, t0.Add(59*time.Second), time.Minute, 0); !slices.Equal(got, evs[2:]) {
				return fmt.Errorf("second claim within the lease = %v; want the rest %v", got, evs[2:])
			}
			if got, _ := claim(ctx, s, t0.Add(59*time.Second), time.Minute, 0); len(got) != 0 {
				return fmt.Errorf("third claim = %v; want none: all leased", got)
			}
			got, _ = claim(ctx, s, t0.Add(time.Minute), time.Minute, 0)
			want = []int64{first[0].ID, evs[1]}
			if !slices.Equal(got, want) {
				return fmt.Errorf("claim when the first lease ended = %v; want %v again", got, want)
			}
			return nil
		},
	},
	{
		name: "OutboxFailure",
		explanation: "RecordEventFailure counts the attempt, keeps the error, ends the lease and makes the event due at Retry; " +
			"a dead letter is never claimed and is listed by EventQuery.Dead; an unknown ID wraps ErrNotFound; a sent event is left as it is",
		check: func(ctx context.Context, s Store) error {
			evs, err := withEvents(ctx, s, 3)
			if err != nil {
				return err
			}
			if err := s.MarkEventsSent(ctx, allIDs(ctx, s)[0]); err != nil {
				return err
			}
			if _, err := claim(ctx, s, t0, time.Hour, 0); err != nil {
				return err
			}
			retry := t0.Add(10 * time.Minute)
			if err := s.RecordEventFailure(ctx, evs[0], store.Failure{Error: "smtp: 451 try again", Retry: retry}); err != nil {
				return err
			}
			if err := s.RecordEventFailure(ctx, evs[1], store.Failure{Error: "smtp: 550 no such user", Dead: true}); err != nil {
				return err
			}
			e, _ := event(ctx, s, evs[0])
			if e.Attempts != 1 || e.LastError != "smtp: 451 try again" || !e.NextAttempt.Equal(retry) || e.Dead || e.Sent {
				return fmt.Errorf("after a failure: %+v; want 1 attempt, the error, next attempt %v", e, retry)
			}
			if got, _ := claim(ctx, s, retry.Add(-time.Microsecond), time.Hour, 0); len(got) != 0 {
				return fmt.Errorf("claim before the retry = %v; want none (the third is still leased)", got)
			}
			if got, _ := claim(ctx, s, retry, time.Hour, 0); !slices.Equal(got, evs[:1]) {
				return fmt.Errorf("claim at the retry = %v; want %v: the failure ended its lease", got, evs[:1])
			}
			if err := s.RecordEventFailure(ctx, evs[0], store.Failure{Error: "smtp: 451 again", Retry: retry.Add(time.Hour)}); err != nil {
				return err
			}
			if e, _ := event(ctx, s, evs[0]); e.Attempts != 2 || e.LastError != "smtp: 451 again" {
				return fmt.Errorf("after a second failure: %+v; want 2 attempts", e)
			}
			d, _ := event(ctx, s, evs[1])
			if !d.Dead || d.Sent || d.Attempts != 1 || d.LastError != "smtp: 550 no such user" {
				return fmt.Errorf("dead letter = %+v", d)
			}
			if got, _ := claim(ctx, s, t0.Add(1000*time.Hour), time.Hour, 0); slices.Contains(got, evs[1]) {
				return fmt.Errorf("a dead letter was claimed: %v", got)
			}
			dead, _ := s.OutboxEvents(ctx, store.EventQuery{Dead: true})
			if len(dead) != 1 || dead[0].ID != evs[1] {
				return fmt.Errorf("EventQuery{Dead} = %v; want [%d]", ids(dead), evs[1])
			}
			if un, _ := s.OutboxEvents(ctx, store.EventQuery{Unsent: true}); len(un) != 3 {
				return fmt.Errorf("EventQuery{Unsent} = %v; want the 3 unsent, the dead letter among them", ids(un))
			}
			if err := s.RecordEventFailure(ctx, evs[2]+1000, store.Failure{Error: "x"}); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("RecordEventFailure(unknown) = %v; want ErrNotFound", err)
			}
			if err := s.MarkEventsSent(ctx, evs[2]); err != nil {
				return err
			}
			if err := s.RecordEventFailure(ctx, evs[2], store.Failure{Error: "late", Dead: true}); err != nil {
				return fmt.Errorf("RecordEventFailure(sent) = %v; want nil", err)
			}
			if e, _ := event(ctx, s, evs[2]); !e.Sent || e.Dead || e.Attempts != 0 {
				return fmt.Errorf("a sent event after a late failure = %+v; want it sent and untouched", e)
			}
			return nil
		},
	},
	{
		name:        "OutboxRelease",
		explanation: "ReleaseEvents ends the leases without counting an attempt, all or nothing: an unknown ID wraps ErrNotFound and releases none",
		check: func(ctx context.Context, s Store) error {
			evs, err := withEvents(ctx, s, 2)
			if err != nil {
				return err
			}
			all := allIDs(ctx, s)
			if _, err := claim(ctx, s, t0, time.Hour, 0); err != nil {
				return err
			}
			if err := s.ReleaseEvents(ctx, evs[0], evs[1]+1000); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("ReleaseEvents(known, unknown) = %v; want ErrNotFound", err)
			}
			if got, _ := claim(ctx, s, t0, time.Hour, 0); len(got) != 0 {
				return fmt.Errorf("claim after a refused release = %v; want none", got)
			}
			if err := s.ReleaseEvents(ctx, evs...); err != nil {
				return err
			}
			if got, _ := claim(ctx, s, t0, time.Hour, 0); !slices.Equal(got, evs) {
				return fmt.Errorf("claim after the release = %v; want %v (and not %d, still leased)", got, evs, all[0])
			}
			if e, _ := event(ctx, s, evs[0]); e.Attempts != 0 {
				return fmt.Errorf("a released event has %d attempts; want 0", e.Attempts)
			}
			return nil
		},
	},
	{
		name:        "OutboxRequeue",
		explanation: "RequeueEvents makes dead and failing events pending and due at once with no attempts, keeping the last error; sent events stay sent; an unknown ID wraps ErrNotFound and changes none",
		check: func(ctx context.Context, s Store) error {
			evs, err := withEvents(ctx, s, 3)
			if err != nil {
				return err
			}
			if err := s.MarkEventsSent(ctx, allIDs(ctx, s)[0], evs[2]); err != nil {
				return err
			}
			if err := s.RecordEventFailure(ctx, evs[0], store.Failure{Error: "550", Dead: true}); err != nil {
				return err
			}
			if err := s.RecordEventFailure(ctx, evs[1], store.Failure{Error: "451", Retry: t0.Add(24 * time.Hour)}); err != nil {
				return err
			}
			if err := s.RequeueEvents(ctx, evs[0], evs[2]+1000); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("RequeueEvents(known, unknown) = %v; want ErrNotFound", err)
			}
			if e, _ := event(ctx, s, evs[0]); !e.Dead {
				return fmt.Errorf("a refused requeue changed %+v", e)
			}
			if err := s.RequeueEvents(ctx, evs...); err != nil {
				return err
			}
			for i, id := range evs[:2] {
				e, _ := event(ctx, s, id)
				if e.Dead || e.Sent || e.Attempts != 0 || !e.NextAttempt.IsZero() || e.LastError != []string{"550", "451"}[i] {
					return fmt.Errorf("requeued %+v; want pending, due at once, no attempts, the last error kept", e)
				}
			}
			if e, _ := event(ctx, s, evs[2]); !e.Sent {
				return fmt.Errorf("a requeued sent event = %+v; want it still sent", e)
			}
			if got, _ := claim(ctx, s, t0, time.Hour, 0); !slices.Equal(got, evs[:2]) {
				return fmt.Errorf("claim after the requeue = %v; want %v", got, evs[:2])
			}
			return nil
		},
	},
	{
		name:        "OutboxConcurrentClaims",
		explanation: "concurrent claims never return the same event while its lease lasts: 8 claimers of 500 events get each exactly once",
		check: func(ctx context.Context, s Store) error {
			if _, err := withEvents(ctx, s, 499); err != nil {
				return err
			}
			want := allIDs(ctx, s)
			var mu sync.Mutex
			seen := map[int64]int{}
			var wg sync.WaitGroup
			errs := make([]error, 8)
			for w := range 8 {
				wg.Go(func() {
					for {
						got, err := claim(ctx, s, t0, time.Hour, 7)
						if err != nil {
							errs[w] = err
							return
						}
						if len(got) == 0 {
							return
						}
						mu.Lock()
						for _, id := range got {
							seen[id]++
						}
						over := slices.ContainsFunc(got, func(id int64) bool { return seen[id] > 1 })
						mu.Unlock()
						if over { // a claim returned leased events again: stop, the check below says so
							return
						}
					}
				})
			}
			wg.Wait()
			if err := errors.Join(errs...); err != nil {
				return err
			}
			for _, id := range want {
				if seen[id] != 1 {
					return fmt.Errorf("event %d was claimed %d times; want once", id, seen[id])
				}
			}
			if len(seen) != len(want) {
				return fmt.Errorf("%d events claimed; want %d", len(seen), len(want))
			}
			return nil
		},
	},
}

// allIDs returns the IDs of every event of s.
func allIDs(ctx context.Context, s Store) []int64 {
	evs, _ := allEvents(ctx, s)
	return ids(evs)
}
