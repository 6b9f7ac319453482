package stamp_test

import (
	"context"
	"testing"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/stamp"
	"github.com/kutsekit/kutse/stamp/asice"
)

// BenchmarkSeal measures one digital stamp end to end without the store: rendering the three PDFs
// and sealing them (ECDSA P-256, Baseline-B). Run with -cpu 1 for the per-core figure (target ≥ 200
// containers per second). The split is in stamp/pdf's and stamp/asice's benchmarks.
func BenchmarkSeal(b *testing.B) {
	key, chain, err := stamp.TestSeal(now)
	if err != nil {
		b.Fatal(err)
	}
	c := cert204580()
	ctx := context.Background()
	on := calendar.DateOf(now)
	b.ReportAllocs()
	for b.Loop() {
		files, err := stamp.Documents(c, on, now, "https://www.kutseregister.ee/cert/204580")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := asice.Create(ctx, files, asice.Seal{Key: key, Chain: chain, Time: now}, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "containers/s")
}
