package storetest

import (
	"strconv"
	"testing"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/store"
)

// RunBenchmarks measures a store: issuing one certificate per call on one goroutine, and in
// parallel. newStore returns an empty store.
func RunBenchmarks(b *testing.B, newStore func(b *testing.B) Store) {
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
