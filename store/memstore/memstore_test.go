package memstore_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"

	"github.com/kutsekit/kutse/store/memstore"
	"github.com/kutsekit/kutse/store/storetest"
)

// TestConformance runs the conformance suite (CERT-04 hidden certificates, the outbox, numbering,
// idempotency, 1,000 concurrent issuers) on memstore.
func TestConformance(t *testing.T) {
	storetest.Run(t, func(*testing.T) storetest.Store { return memstore.New() })
}

func BenchmarkStore(b *testing.B) {
	storetest.RunBenchmarks(b, func(*testing.B) storetest.Store { return memstore.New() })
}

// TestModel runs the model-based check with memstore against itself: it proves the check runs (a
// host runs it against its own store).
func TestModel(t *testing.T) {
	storetest.RunModel(t, func(*testing.T) storetest.Store { return memstore.New() })
}

var (
	bigOnce sync.Once
	big     *memstore.Store
)

// bigStore returns a store of 10^6 generated certificates (storetest.Sample, numbered KT000001…, one
// in twenty hidden), built once per process.
func bigStore(b *testing.B) *memstore.Store {
	bigOnce.Do(func() {
		big = memstore.New()
		ctx := context.Background()
		ser := certificate.Series{Prefix: "KT", Width: 7, First: 1}
		for i := range 1_000_000 {
			c := storetest.Sample(i)
			c.Hidden = i%20 == 3
			if i%50 == 0 {
				c.Title = "Ventilatsioonilukksepp, tase 4"
			}
			if _, err := big.IssueCertificate(ctx, certificate.Issue{Certificate: c, Series: ser}); err != nil {
				b.Fatal(err)
			}
		}
	})
	return big
}

// BenchmarkPublicPage measures the public queries on 10^6 certificates (issue 10): a page of 100 keeps
// only the page (B/op is the page's copies, whatever the store's size), a later page starts at its
// place in the index, a number is one map look-up, and a text search walks the index until the page
// is full (a rare text reads every public record: memstore has no text index).
func BenchmarkPublicPage(b *testing.B) {
	s := bigStore(b)
	ctx := context.Background()
	on := calendar.MustDate(2026, time.November, 22)
	for _, tt := range []struct {
		name string
		q    certificate.PublicQuery
	}{
		{"first_page", certificate.PublicQuery{}},
		{"page_after", certificate.PublicQuery{After: "KT0500000"}},
		{"number", certificate.PublicQuery{Number: "KT0123456"}},
		{"common_text", certificate.PublicQuery{Text: "kokk"}},
		{"title_2pc", certificate.PublicQuery{Text: "ventilatsioonilukksepp"}},
		{"rare_name", certificate.PublicQuery{Text: "test isik 999998"}},
	} {
		b.Run(tt.name, func(b *testing.B) {
			q := tt.q
			q.On = on
			n := 0
			b.ReportAllocs()
			for b.Loop() {
				cs, err := s.PublicCertificates(ctx, q)
				if err != nil {
					b.Fatal(err)
				}
				n = len(cs)
			}
			b.ReportMetric(float64(n), "rows")
		})
	}
}
