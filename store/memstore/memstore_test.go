package memstore_test

import (
	"testing"

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
