package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/store"
)

func init() { cases = append(cases, batchCases...) }

// batchItem is Sample(i) to issue in a batch, from the cases' series, with one event and, when key
// is not empty, that idempotency key.
func batchItem(i int, key string) certificate.Issue {
	c := Sample(i)
	return certificate.Issue{Certificate: c, Series: series, IdempotencyKey: key, Fingerprint: "fp-" + strconv.Itoa(i),
		Events: []store.Event{issued(certificate.EventIssued, c)}}
}

// batchOf returns items from..from+n-1, keyed "<prefix>-<i>" when prefix is not empty.
func batchOf(prefix string, from, n int) []certificate.Issue {
	out := make([]certificate.Issue, n)
	for k := range n {
		key := ""
		if prefix != "" {
			key = prefix + "-" + strconv.Itoa(from+k)
		}
		out[k] = batchItem(from+k, key)
	}
	return out
}

// wantOnly checks that the store holds exactly the certificates numbered series 1..n, each once,
// each with exactly one issued event (and the outbox no other issued event).
func wantOnly(ctx context.Context, s Store, n int) error {
	all, err := s.PublicCertificates(ctx, certificate.PublicQuery{On: sampleDay, Limit: 1000})
	if err != nil {
		return err
	}
	if len(all) != n {
		return fmt.Errorf("the store holds %d certificates %v; want %d", len(all), numbers(all), n)
	}
	for k, c := range all {
		if want := series.Format(int64(k + 1)); c.Number != want {
			return fmt.Errorf("certificate %d is %s; want %s (numbers in order, no gap)", k, c.Number, want)
		}
	}
	evs, err := allEvents(ctx, s)
	if err != nil {
		return err
	}
	per, issuedEvents := map[string]int{}, 0
	for _, e := range evs {
		if e.Kind == certificate.EventIssued {
			per[e.Subject]++
			issuedEvents++
		}
	}
	if issuedEvents != n {
		return fmt.Errorf("the outbox has %d certificate events; want %d", issuedEvents, n)
	}
	for _, c := range all {
		if per[string(c.Number)] != 1 {
			return fmt.Errorf("certificate %s has %d events; want 1", c.Number, per[string(c.Number)])
		}
	}
	return nil
}

var batchCases = []testCase{
	{
		name:        "BatchIssue",
		explanation: "IssueCertificates stores every certificate with Version 1, numbers from the series consecutive in the batch's order, a given number as given, and each certificate's events with its number as subject, and returns them in the batch's order",
		check: func(ctx context.Context, s Store) error {
			in := batchOf("", 0, 4)
			in[2].Certificate.Number = "KT900000"
			out, err := s.IssueCertificates(ctx, in)
			if err != nil {
				return fmt.Errorf("IssueCertificates: %v", err)
			}
			want := []certificate.Number{"KT000001", "KT000002", "KT900000", "KT000003"}
			if !slices.Equal(numbers(out), want) {
				return fmt.Errorf("IssueCertificates numbers = %v; want %v", numbers(out), want)
			}
			for k, c := range out {
				got, err := s.Certificate(ctx, c.Number)
				if err != nil {
					return fmt.Errorf("Certificate(%s): %v", c.Number, err)
				}
				w := Sample(k)
				w.Number, w.Version = want[k], 1
				if !equal(got, w) || !equal(c, w) {
					return fmt.Errorf("certificate %s =\n\t%+v\nreturned\n\t%+v\nwant\n\t%+v", c.Number, got, c, w)
				}
				evs, _ := s.OutboxEvents(ctx, store.EventQuery{Subject: string(c.Number)})
				if len(evs) != 1 || evs[0].Kind != certificate.EventIssued || evs[0].Recipient != Holder(k).String() {
					return fmt.Errorf("events of %s = %+v; want its one issued event", c.Number, evs)
				}
			}
			if out, err := s.IssueCertificates(ctx, nil); err != nil || len(out) != 0 {
				return fmt.Errorf("IssueCertificates(empty) = %v, %v; want nothing", out, err)
			}
			next, err := issue(ctx, s, 9, "")
			if err != nil || next.Number != "KT000004" {
				return fmt.Errorf("the next single issue = %q, %v; want KT000004 (the series goes on)", next.Number, err)
			}
			return nil
		},
	},
	{
		name:        "BatchAllOrNothing",
		explanation: "IssueCertificates writes nothing, no certificate, no event, no number used up, when one item is refused: a number already stored (store.ErrExists), a key used for another request (store.ErrExists), two items with one key or one number (ErrInvalid)",
		check: func(ctx context.Context, s Store) error {
			c := Sample(50)
			c.Number = "KT900000"
			if _, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: c}); err != nil {
				return err
			}
			if _, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: Sample(51), Series: series, IdempotencyKey: "used", Fingerprint: "other"}); err != nil {
				return err
			}
			taken := batchOf("k", 0, 5)
			taken[3].Certificate.Number = "KT900000"
			reused := batchOf("k", 0, 5)
			reused[4].IdempotencyKey = "used"
			twiceKey := batchOf("k", 0, 3)
			twiceKey[2].IdempotencyKey = twiceKey[0].IdempotencyKey
			twiceNo := batchOf("", 0, 3)
			twiceNo[0].Certificate.Number, twiceNo[2].Certificate.Number = "KT800000", "KT800000"
			for _, b := range []struct {
				name string
				in   []certificate.Issue
				want error
			}{{"a number taken", taken, store.ErrExists}, {"a key reused", reused, store.ErrExists},
				{"one key twice", twiceKey, certificate.ErrInvalid}, {"one number twice", twiceNo, certificate.ErrInvalid}} {
				if _, err := s.IssueCertificates(ctx, b.in); !errors.Is(err, b.want) {
					return fmt.Errorf("IssueCertificates(%s) = %v; want an error wrapping %v", b.name, err, b.want)
				}
			}
			all, _ := s.PublicCertificates(ctx, certificate.PublicQuery{On: sampleDay})
			if len(all) != 2 {
				return fmt.Errorf("after the refused batches the store holds %v; want the two stored before", numbers(all))
			}
			if evs, _ := allEvents(ctx, s); len(evs) != 0 {
				return fmt.Errorf("the refused batches left %d events", len(evs))
			}
			out, err := s.IssueCertificates(ctx, batchOf("", 0, 2))
			if err != nil || out[0].Number != "KT000002" || out[1].Number != "KT000003" {
				return fmt.Errorf("the next batch = %v, %v; want KT000002, KT000003 (no number used up)", numbers(out), err)
			}
			return nil
		},
	},
	{
		name:        "BatchExactlyOnce",
		explanation: "IssueCertificates retried with the same idempotency keys and fingerprints returns the certificates issued the first time and writes nothing; a batch mixing issued and new keys issues only the new ones, numbered next",
		check: func(ctx context.Context, s Store) error {
			first, err := s.IssueCertificates(ctx, batchOf("protokoll-1", 0, 10))
			if err != nil {
				return err
			}
			for range 3 {
				again, err := s.IssueCertificates(ctx, batchOf("protokoll-1", 0, 10))
				if err != nil || !slices.Equal(numbers(again), numbers(first)) {
					return fmt.Errorf("retried batch = %v, %v; want %v", numbers(again), err, numbers(first))
				}
			}
			if err := wantOnly(ctx, s, 10); err != nil {
				return err
			}
			mixed, err := s.IssueCertificates(ctx, batchOf("protokoll-1", 8, 4))
			if err != nil {
				return err
			}
			want := []certificate.Number{"KT000009", "KT000010", "KT000011", "KT000012"}
			if !slices.Equal(numbers(mixed), want) {
				return fmt.Errorf("mixed batch = %v; want %v", numbers(mixed), want)
			}
			return wantOnly(ctx, s, 12)
		},
	},
	{
		name:        "BatchPassesOverTaken",
		explanation: "IssueCertificates passes over numbers already taken by records imported with them, and numbers the rest of the batch in its order with no other gap",
		check: func(ctx context.Context, s Store) error {
			for _, no := range []certificate.Number{"KT000002", "KT000005"} {
				c := Sample(90)
				c.Number = no
				if _, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: c}); err != nil {
					return err
				}
			}
			out, err := s.IssueCertificates(ctx, batchOf("", 0, 5))
			if err != nil {
				return err
			}
			want := []certificate.Number{"KT000001", "KT000003", "KT000004", "KT000006", "KT000007"}
			if !slices.Equal(numbers(out), want) {
				return fmt.Errorf("batch numbers = %v; want %v", numbers(out), want)
			}
			return nil
		},
	},
	{
		name:        "BatchConcurrentGapFree",
		explanation: "batches and single issues running at once on one series get distinct numbers with no gap, each certificate with its one event, and each batch consecutive numbers in its order",
		check: func(ctx context.Context, s Store) error {
			const workers, batches, size = 6, 4, 25
			var wg sync.WaitGroup
			errs := make([]error, workers)
			for w := range workers {
				wg.Go(func() {
					for b := range batches {
						from := (w*batches + b) * (size + 1)
						var err error
						var out []certificate.Certificate
						for attempt := 0; attempt < 20; attempt++ {
							if out, err = s.IssueCertificates(ctx, batchOf("w", from, size)); !errors.Is(err, store.ErrConflict) {
								break
							}
						}
						if err != nil {
							errs[w] = err
							return
						}
						for k := 1; k < len(out); k++ {
							if out[k].Number != series.Format(serial(out[0].Number)+int64(k)) {
								errs[w] = fmt.Errorf("a batch got %v: not consecutive", numbers(out))
								return
							}
						}
						if _, err := issue(ctx, s, from+size, "w-"+strconv.Itoa(from+size)); err != nil {
							errs[w] = err
							return
						}
					}
				})
			}
			wg.Wait()
			if err := errors.Join(errs...); err != nil {
				return fmt.Errorf("concurrent batches: %v", err)
			}
			return wantOnly(ctx, s, workers*batches*(size+1))
		},
	},
}

// serial returns the counter of a number of the cases' series: KT000042 → 42.
func serial(no certificate.Number) int64 {
	n, _ := strconv.ParseInt(string(no)[len(series.Prefix):], 10, 64)
	return n
}
