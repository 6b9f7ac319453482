package pgstore_test

import (
	"context"
	"net/url"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/internal/tooltest"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/pgstore"
	"github.com/kutsekit/kutse/store/storetest"
)

// benchClients is the number of concurrent clients in the issuing benchmarks and in the pgbench run
// they are compared with.
const benchClients = 8

// parallelism returns the RunParallel multiplier that gives benchClients goroutines.
func parallelism() int { return max(1, benchClients/runtime.GOMAXPROCS(0)) }

// BenchmarkIssue issues one certificate per transaction (one statement, autocommit) from
// benchClients goroutines, each on its own connection from the pool, all on one number series, with
// one outbox event each. Compare certs/s with BenchmarkPgbenchTPCB's tps in the same run.
func BenchmarkIssue(b *testing.B) {
	s := newStore(b)
	ser := certificate.Series{Prefix: "B", Width: 9, First: 1}
	var i atomic.Int64
	b.SetParallelism(parallelism())
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		ctx := context.Background()
		for pb.Next() {
			c := storetest.Sample(int(i.Add(1)))
			if _, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: c, Series: ser,
				Events: []store.Event{{Kind: certificate.EventIssued, Recipient: c.Holder.Code.String(), At: c.IssuedAt}}}); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "certs/s")
}

// BenchmarkIssueBatch100 issues 100 certificates per transaction (the host's transaction, joined
// through WithDB) from benchClients goroutines; one op is one transaction.
func BenchmarkIssueBatch100(b *testing.B) {
	p := testPool(b)
	s, err := pgstore.New(p, freshSchema(b, p))
	if err != nil {
		b.Fatal(err)
	}
	ser := certificate.Series{Prefix: "B", Width: 9, First: 1}
	var i atomic.Int64
	b.SetParallelism(parallelism())
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		ctx := context.Background()
		for pb.Next() {
			err := pgx.BeginFunc(ctx, p, func(tx pgx.Tx) error {
				in := s.WithDB(tx)
				for range 100 {
					c := storetest.Sample(int(i.Add(1)))
					if _, err := in.IssueCertificate(ctx, certificate.Issue{Certificate: c, Series: ser,
						Events: []store.Event{{Kind: certificate.EventIssued, Recipient: c.Holder.Code.String(), At: c.IssuedAt}}}); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)*100/b.Elapsed().Seconds(), "certs/s")
}

// BenchmarkStore runs the conformance suite's benchmarks on PostgreSQL, each in a fresh schema: among
// them Dispatch and Dispatch2, the outbox delivered by one dispatcher and by two at once (msgs/s),
// each message claimed in a batch of 100 and marked sent in a statement (a commit) of its own.
func BenchmarkStore(b *testing.B) {
	storetest.RunBenchmarks(b, func(b *testing.B) storetest.Store { return newStore(b) })
}

var tpsRE = regexp.MustCompile(`tps = ([0-9.]+) \(without initial connection time\)`)

// BenchmarkPgbenchTPCB runs pgbench's built-in TPC-B-like script on the same server with the same
// number of clients, for scale: it reports pgbench's tps. It creates (once) and initialises a
// database of its own, kutse_pgbench, at scale 1.
func BenchmarkPgbenchTPCB(b *testing.B) {
	pgbench := tooltest.Need(b, "pgbench", "postgresql-contrib")
	p := testPool(b)
	ctx := context.Background()
	var exists bool
	if err := p.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'kutse_pgbench')").Scan(&exists); err != nil {
		b.Fatal(err)
	}
	if !exists {
		if _, err := p.Exec(ctx, "CREATE DATABASE kutse_pgbench"); err != nil {
			b.Fatal(err)
		}
	}
	u, err := url.Parse(tooltest.Env(b, EnvURL))
	if err != nil {
		b.Fatal(err)
	}
	u.Path = "/kutse_pgbench"
	dsn := u.String()
	if out, err := exec.Command(pgbench, "-i", "-q", "-s", "1", dsn).CombinedOutput(); err != nil {
		b.Fatalf("pgbench -i: %v\n%s", err, out)
	}
	const seconds = 5 // each pgbench run; run the issuing benchmarks with -benchtime 5s to match
	var tps float64
	for b.Loop() {
		out, err := exec.Command(pgbench, "-n", "-c", strconv.Itoa(benchClients), "-j", strconv.Itoa(runtime.GOMAXPROCS(0)),
			"-T", strconv.Itoa(seconds), dsn).CombinedOutput()
		if err != nil {
			b.Fatalf("pgbench: %v\n%s", err, out)
		}
		m := tpsRE.FindSubmatch(out)
		if m == nil {
			b.Fatalf("no tps in pgbench's output:\n%s", out)
		}
		tps, _ = strconv.ParseFloat(string(m[1]), 64)
	}
	b.ReportMetric(tps, "tps")
	b.Logf("pgbench TPC-B-like, scale 1, %d clients, %d s: %.0f tps", benchClients, seconds, tps)
}

// BenchmarkIssueCertificates1000 issues 1,000 certificates with their events in one batch
// (IssueCertificates: one transaction, four statements) from one client; one op is one batch.
func BenchmarkIssueCertificates1000(b *testing.B) {
	s := newStore(b)
	ser := certificate.Series{Prefix: "B", Width: 9, First: 1}
	ctx := context.Background()
	n := 0
	batch := func() []certificate.Issue {
		in := make([]certificate.Issue, 1000)
		for k := range in {
			n++
			c := storetest.Sample(n)
			in[k] = certificate.Issue{Certificate: c, Series: ser, IdempotencyKey: "bench-" + strconv.Itoa(n), Fingerprint: "f",
				Events: []store.Event{{Kind: certificate.EventIssued, Recipient: c.Holder.Code.String(), At: c.IssuedAt}}}
		}
		return in
	}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		in := batch()
		b.StartTimer()
		if _, err := s.IssueCertificates(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)*1000/b.Elapsed().Seconds(), "certs/s")
}
