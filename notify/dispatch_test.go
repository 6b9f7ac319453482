package notify_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/notify"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/memstore"
)

var t0 = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

// fake is the host's clock: it moves only when told.
type fake struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fake) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fake) Add(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.t = c.t.Add(d) }

// registerWithNotices issues 204580, hides it and declares it invalid: three notices to its owner.
func registerWithNotices() (*memstore.Store, error) {
	st := memstore.New()
	reg, err := certificate.NewRegistry(st, certificate.Config{Now: func() time.Time { return t0 }})
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	body := actor.Body(bodyCode)
	if _, err := reg.Issue(ctx, body, certificate.IssueRequest{Certificate: sample.Certificate204580()}); err != nil {
		return nil, err
	}
	if _, err := reg.Hide(ctx, actor.OwnerOf(sample.Holder()), "204580"); err != nil {
		return nil, err
	}
	_, err = reg.Invalidate(ctx, actor.CommitteeOf(body.Org), "204580", certificate.Invalidation{Date: calendar.MustDate(2026, 12, 1),
		Reason: "võltsitud dokument", Decision: "kutsekomisjoni otsus nr 7"})
	return st, err
}

func setup(t *testing.T) *memstore.Store {
	t.Helper()
	st, err := registerWithNotices()
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// sink is a sender that keeps what it is given and fails as told.
type sink struct {
	mu   sync.Mutex
	got  []notify.Message
	fail func(m notify.Message) error
}

func (s *sink) Send(_ context.Context, m notify.Message) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		if err := s.fail(m); err != nil {
			return err
		}
	}
	s.got = append(s.got, m)
	return nil
}

func (s *sink) ids() []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []int64
	for _, m := range s.got {
		out = append(out, m.EventID)
	}
	return out
}

func get(t *testing.T, st *memstore.Store, id int64) store.Event {
	t.Helper()
	evs, err := st.OutboxEvents(t.Context(), store.EventQuery{AfterID: id - 1, Limit: 1})
	if err != nil || len(evs) != 1 {
		t.Fatalf("event %d: %v, %v", id, evs, err)
	}
	return evs[0]
}

// TestDispatch_CERT09 proves CERT-09: the register's notices reach the certificate's owner, each
// once, in order, and are marked sent only after the sender took them.
func TestDispatch_CERT09(t *testing.T) {
	st := setup(t)
	s := &sink{}
	d := &notify.Dispatcher{Outbox: st, Sender: s, Now: func() time.Time { return t0 }}
	r, err := d.Dispatch(t.Context())
	if err != nil || r != (notify.Round{Sent: 3}) {
		t.Fatalf("Dispatch = %+v, %v; want 3 sent", r, err)
	}
	kinds := []string{s.got[0].Kind, s.got[1].Kind, s.got[2].Kind}
	want := []string{certificate.EventIssued, certificate.EventHidden, certificate.EventInvalidated}
	if fmt.Sprint(kinds) != fmt.Sprint(want) || s.got[0].To != (notify.Recipient{Kind: notify.Person, ID: sample.HolderCode}) {
		t.Errorf("messages %v to %+v; want %v to the owner", kinds, s.got[0].To, want)
	}
	if !strings.Contains(s.got[2].Body, "01.12.2026") || !strings.Contains(s.got[2].Body, "võltsitud dokument") {
		t.Errorf("invalidation notice = %q", s.got[2].Body)
	}
	if un, _ := st.OutboxEvents(t.Context(), store.EventQuery{Unsent: true}); len(un) != 0 {
		t.Errorf("%d unsent after the round", len(un))
	}
	if r, err := d.Dispatch(t.Context()); r != (notify.Round{}) || err != nil {
		t.Errorf("second Dispatch = %+v, %v; want nothing left", r, err)
	}
}

// TestDispatch_BackoffThenDeadLetter proves that one failing message does not stop the others, is
// tried again after a backoff that doubles (from the host's clock and the given jitter source), is
// dead-lettered after MaxAttempts failures with its last error, is listed, and is delivered once the
// host requeues it.
func TestDispatch_BackoffThenDeadLetter(t *testing.T) {
	st := setup(t)
	c := &fake{t: t0}
	s := &sink{fail: func(m notify.Message) error {
		if m.EventID == 2 {
			return errors.New("smtp: 452 mailbox full")
		}
		return nil
	}}
	d := &notify.Dispatcher{Outbox: st, Sender: s, Now: c.Now, Rand: rand.New(rand.NewPCG(7, 7)), MaxAttempts: 4,
		Backoff: notify.Backoff{Base: time.Minute, Max: 3 * time.Minute}}
	jitter := rand.New(rand.NewPCG(7, 7))
	r, err := d.Dispatch(t.Context())
	if err != nil || r != (notify.Round{Sent: 2, Retried: 1}) || fmt.Sprint(s.ids()) != "[1 3]" {
		t.Fatalf("first round = %+v, %v, sent %v; want 1 and 3 sent, 2 to retry", r, err, s.ids())
	}
	for attempt := 1; attempt <= 4; attempt++ {
		e := get(t, st, 2)
		if e.Attempts != attempt || e.LastError != "smtp: 452 mailbox full" {
			t.Fatalf("after failure %d: %+v", attempt, e)
		}
		if attempt == 4 {
			if !e.Dead || !e.NextAttempt.IsZero() {
				t.Fatalf("after the 4th failure: %+v; want a dead letter", e)
			}
			break
		}
		want := c.Now().Add(notify.Backoff{Base: time.Minute, Max: 3 * time.Minute}.Delay(attempt, jitter.Float64()))
		if !e.NextAttempt.Equal(want) || e.Dead {
			t.Fatalf("after failure %d the next attempt is %v; want %v", attempt, e.NextAttempt, want)
		}
		c.t = e.NextAttempt.Add(-time.Nanosecond)
		if r, _ := d.Dispatch(t.Context()); r != (notify.Round{}) {
			t.Fatalf("a round before the next attempt = %+v; want nothing", r)
		}
		c.t = e.NextAttempt
		r, err := d.Dispatch(t.Context())
		want2 := notify.Round{Retried: 1}
		if attempt == 3 {
			want2 = notify.Round{Dead: 1}
		}
		if err != nil || r != want2 {
			t.Fatalf("round at attempt %d = %+v, %v; want %+v", attempt+1, r, err, want2)
		}
	}
	dead, err := d.DeadLetters(t.Context(), 0)
	if err != nil || len(dead) != 1 || dead[0].ID != 2 {
		t.Fatalf("DeadLetters = %+v, %v", dead, err)
	}
	s.fail = nil
	if err := d.Requeue(t.Context(), 2); err != nil {
		t.Fatal(err)
	}
	if r, err := d.Dispatch(t.Context()); err != nil || r != (notify.Round{Sent: 1}) || fmt.Sprint(s.ids()) != "[1 3 2]" {
		t.Errorf("after the requeue = %+v, %v, sent %v", r, err, s.ids())
	}
}

// TestDispatch_PermanentFailure proves that a sender's permanent failure, and an event that cannot be
// rendered, dead-letter the message at once, and the others are delivered.
func TestDispatch_PermanentFailure(t *testing.T) {
	st := setup(t)
	c, _ := st.Certificate(t.Context(), "204580")
	if _, err := st.UpdateCertificate(t.Context(), c, []store.Event{{Kind: "certificate.renamed", Recipient: sample.HolderCode}}); err != nil {
		t.Fatal(err)
	}
	s := &sink{fail: func(m notify.Message) error {
		if m.EventID == 1 {
			return notify.Permanent(errors.New("smtp: 550 no such user"))
		}
		return nil
	}}
	d := &notify.Dispatcher{Outbox: st, Sender: s}
	r, err := d.Dispatch(t.Context())
	if err != nil || r != (notify.Round{Sent: 2, Dead: 2}) {
		t.Fatalf("Dispatch = %+v, %v; want 2 sent, 2 dead", r, err)
	}
	if e := get(t, st, 1); !e.Dead || e.Attempts != 1 || !strings.Contains(e.LastError, "550") {
		t.Errorf("permanently failed: %+v", e)
	}
	if e := get(t, st, 4); !e.Dead || !strings.Contains(e.LastError, "Kind") {
		t.Errorf("unrenderable: %+v", e)
	}
	if !errors.Is(notify.Permanent(errors.New("x")), notify.ErrPermanent) || notify.Permanent(nil) != nil {
		t.Error("Permanent does not wrap ErrPermanent, or wraps nil")
	}
}

// TestDispatch_SenderDownHandsBack proves that when the sender fails StopAfter messages in a row the
// round ends with ErrSenderDown and the claimed messages not yet tried are handed back untouched.
func TestDispatch_SenderDownHandsBack(t *testing.T) {
	st := setup(t)
	s := &sink{fail: func(notify.Message) error { return errors.New("connection refused") }}
	d := &notify.Dispatcher{Outbox: st, Sender: s, Now: func() time.Time { return t0 }, StopAfter: 2}
	r, err := d.Dispatch(t.Context())
	if !errors.Is(err, notify.ErrSenderDown) || !strings.Contains(err.Error(), "connection refused") || r != (notify.Round{Retried: 2}) {
		t.Fatalf("Dispatch = %+v, %v; want 2 retried and ErrSenderDown", r, err)
	}
	if e := get(t, st, 3); e.Attempts != 0 {
		t.Errorf("the untried message = %+v; want no attempt", e)
	}
	if got, _ := st.ClaimEvents(t.Context(), store.Claim{Now: t0, Until: t0.Add(time.Minute)}); len(got) != 1 || got[0].ID != 3 {
		t.Errorf("claimable after the round = %v; want the untried one, handed back", got)
	}
}

// TestDispatch_CancelHandsBack proves that a cancelled context ends the round, counts no attempt for
// the message being sent, and hands the claimed messages back at once.
func TestDispatch_CancelHandsBack(t *testing.T) {
	st := setup(t)
	ctx, cancel := context.WithCancel(t.Context())
	s := &sink{fail: func(m notify.Message) error {
		if m.EventID == 2 {
			cancel()
			return context.Canceled
		}
		return nil
	}}
	d := &notify.Dispatcher{Outbox: st, Sender: s, Now: func() time.Time { return t0 }}
	r, err := d.Dispatch(ctx)
	if !errors.Is(err, context.Canceled) || r != (notify.Round{Sent: 1}) {
		t.Fatalf("Dispatch = %+v, %v; want 1 sent and the cancellation", r, err)
	}
	if e := get(t, st, 2); e.Attempts != 0 {
		t.Errorf("the message being sent = %+v; want no attempt counted", e)
	}
	got, _ := st.ClaimEvents(t.Context(), store.Claim{Now: t0, Until: t0.Add(time.Minute)})
	if len(got) != 2 {
		t.Errorf("claimable after the cancellation = %d; want 2, handed back", len(got))
	}
}

// TestDispatch_LeaseEnds proves that a dispatcher stops sending a batch whose lease has ended (a slow
// sender) and claims again, so that no message is sent twice by it and none is left.
func TestDispatch_LeaseEnds(t *testing.T) {
	st := setup(t)
	c := &fake{t: t0}
	s := &sink{fail: func(notify.Message) error { c.Add(40 * time.Second); return nil }}
	d := &notify.Dispatcher{Outbox: st, Sender: s, Now: c.Now, Lease: time.Minute}
	r, err := d.Dispatch(t.Context())
	if err != nil || r.Sent != 3 || fmt.Sprint(s.ids()) != "[1 2 3]" {
		t.Errorf("Dispatch = %+v, %v, sent %v; want each once", r, err, s.ids())
	}
	// A lease shorter than a tick of the clock still delivers: the first event of a claim is tried.
	st = setup(t)
	s = &sink{}
	d = &notify.Dispatcher{Outbox: st, Sender: s, Now: func() time.Time { c.Add(time.Second); return c.Now() }, Lease: time.Nanosecond}
	if r, err := d.Dispatch(t.Context()); err != nil || r.Sent != 3 || fmt.Sprint(s.ids()) != "[1 2 3]" {
		t.Errorf("Dispatch with a tiny lease = %+v, %v, sent %v; want each once", r, err, s.ids())
	}
}

// TestDispatch_GEN05_Lang proves that the host chooses each recipient's language from the typed
// recipient, and may word notices its own way.
func TestDispatch_GEN05_Lang(t *testing.T) {
	st := setup(t)
	s := &sink{}
	var asked []notify.Recipient
	d := &notify.Dispatcher{Outbox: st, Sender: s,
		Lang: func(to notify.Recipient) law.Lang { asked = append(asked, to); return law.English },
		Render: func(e store.Event, lang law.Lang) (notify.Message, error) {
			m, err := notify.Render(e, lang)
			m.Subject = "[kutseregister] " + m.Subject
			return m, err
		}}
	if _, err := d.Dispatch(t.Context()); err != nil {
		t.Fatal(err)
	}
	if len(asked) != 3 || asked[0] != (notify.Recipient{Kind: notify.Person, ID: sample.HolderCode}) {
		t.Errorf("Lang was asked %+v", asked)
	}
	if s.got[0].Lang != law.English || s.got[0].Subject != "[kutseregister] Certificate 204580 has been entered in the register" {
		t.Errorf("message = %+v", s.got[0])
	}
}

// TestBackoff_Delay proves the backoff's shape for every number of failures and jitter: within
// [d/2, d) of d = min(Max, Base·2^(n-1)), never above Max, never shorter for more failures with the
// same jitter, and the defaults one minute and six hours.
func TestBackoff_Delay(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		b := notify.Backoff{Base: time.Duration(rapid.Int64Range(0, int64(time.Hour)).Draw(t, "base")),
			Max: time.Duration(rapid.Int64Range(0, int64(48*time.Hour)).Draw(t, "max"))}
		n := rapid.IntRange(1, 200).Draw(t, "failures")
		r := rapid.Float64Range(0, 0.999999).Draw(t, "jitter")
		base, most := b.Base, b.Max
		if base == 0 {
			base = time.Minute
		}
		if most == 0 {
			most = 6 * time.Hour
		}
		d := base
		for i := 1; i < n && d < most; i++ {
			d *= 2
		}
		d = min(d, most)
		got := b.Delay(n, r)
		if got < d/2 || got > d {
			t.Fatalf("Delay(%d, %v) = %v; want in [%v, %v]", n, r, got, d/2, d)
		}
		if got > most {
			t.Fatalf("Delay(%d, %v) = %v; above Max %v", n, r, got, most)
		}
		if next := b.Delay(n+1, r); next < got {
			t.Fatalf("Delay(%d) = %v < Delay(%d) = %v", n+1, next, n, got)
		}
	})
	if d := (notify.Backoff{}).Delay(1, 0); d != 30*time.Second {
		t.Errorf("default first delay with no jitter = %v; want 30s (half of one minute)", d)
	}
	if d := (notify.Backoff{}).Delay(100, 0.999999); d > 6*time.Hour || d < 5*time.Hour {
		t.Errorf("default longest delay = %v; want just under six hours", d)
	}
}

// marks counts the calls to MarkEventsSent.
type marks struct {
	*memstore.Store
	calls [][]int64
}

func (m *marks) MarkEventsSent(ctx context.Context, ids ...int64) error {
	m.calls = append(m.calls, append([]int64(nil), ids...))
	return m.Store.MarkEventsSent(ctx, ids...)
}

// TestDispatch_MarkBatch proves that sent messages are marked one by one by default, and in groups
// of MarkBatch when the host asks, the rest of a batch at its end.
func TestDispatch_MarkBatch(t *testing.T) {
	for _, tt := range []struct {
		batch int
		want  string
	}{{0, "[[1] [2] [3]]"}, {2, "[[1 2] [3]]"}, {10, "[[1 2 3]]"}} {
		m := &marks{Store: setup(t)}
		d := &notify.Dispatcher{Outbox: m, Sender: &sink{}, MarkBatch: tt.batch}
		if r, err := d.Dispatch(t.Context()); err != nil || r.Sent != 3 || fmt.Sprint(m.calls) != tt.want {
			t.Errorf("MarkBatch %d: %+v, %v, marks %v; want %s", tt.batch, r, err, m.calls, tt.want)
		}
	}
}
