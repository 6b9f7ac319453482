package storetest

import (
	"context"
	"strconv"
	"sync"
	"testing"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/notify"
	"github.com/kutsekit/kutse/store"
)

// RunBenchmarks measures a store: issuing one certificate per call on one goroutine, and in
// parallel; reading one; and delivering the outbox with notify's dispatcher (msgs/s; the sender
// accepts at once): by one dispatcher, by two at once, and by one that marks sent messages in groups
// of 100 (Dispatcher.MarkBatch). newStore returns an empty store.
func RunBenchmarks(b *testing.B, newStore func(b *testing.B) Store) {
	for _, bb := range []struct {
		name         string
		n, markBatch int
	}{{"Dispatch", 1, 1}, {"Dispatch2", 2, 1}, {"DispatchMarkBatch100", 1, 100}} {
		n := bb.n
		b.Run(bb.name, func(b *testing.B) {
			s := newStore(b)
			ctx := b.Context()
			if _, err := withEvents(ctx, s, b.N); err != nil {
				b.Fatal(err)
			}
			ok := notify.SenderFunc(func(context.Context, notify.Message) error { return nil })
			var wg sync.WaitGroup
			sent := make([]int, n)
			b.ReportAllocs()
			b.ResetTimer()
			for i := range n {
				wg.Go(func() {
					r, err := (&notify.Dispatcher{Outbox: s, Sender: ok, MarkBatch: bb.markBatch}).Dispatch(ctx)
					if err != nil {
						b.Error(err)
					}
					sent[i] = r.Sent
				})
			}
			wg.Wait()
			b.StopTimer()
			total := 0
			for _, k := range sent {
				total += k
			}
			if total != b.N+1 { // the events and the issue's own
				b.Fatalf("sent %d; want %d", total, b.N+1)
			}
			b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "msgs/s")
		})
	}
	b.Run("IssueCertificate", func(b *testing.B) {
		s := newStore(b)
		ctx := b.Context()
		c := Sample(1)
		ev := []store.Event{issued(certificate.EventIssued, c)}
		ser := certificate.Series{Prefix: "B", Width: 9, First: 1}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: c, Series: ser, Events: ev}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("IssueCertificateParallel", func(b *testing.B) {
		s := newStore(b)
		ctx := b.Context()
		ser := certificate.Series{Prefix: "P", Width: 9, First: 1}
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			c := Sample(2)
			ev := []store.Event{issued(certificate.EventIssued, c)}
			for pb.Next() {
				if _, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: c, Series: ser, Events: ev}); err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
	b.Run("Certificate", func(b *testing.B) {
		s := newStore(b)
		ctx := b.Context()
		var nos []certificate.Number
		for i := range 1000 {
			c, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: Sample(i), Series: series, IdempotencyKey: "k" + strconv.Itoa(i)})
			if err != nil {
				b.Fatal(err)
			}
			nos = append(nos, c.Number)
		}
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := s.Certificate(ctx, nos[i%len(nos)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}
