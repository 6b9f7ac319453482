package pgstore_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/internal/tooltest"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/pgstore"
	"github.com/kutsekit/kutse/store/storetest"
)

// sampleDay is a day on which storetest's Sample certificates are valid, for public queries.
var sampleDay = calendar.MustDate(2026, time.November, 22)

// EnvURL names the environment variable with the test server's URL; .ci/run sets it.
const EnvURL = "KUTSE_TEST_POSTGRES"

var (
	poolOnce sync.Once
	pool     *pgxpool.Pool
	poolErr  error
)

// testPool returns a pool on the test server shared by the package's tests, or skips the test (fails
// it in CI) when KUTSE_TEST_POSTGRES is unset.
func testPool(t testing.TB) *pgxpool.Pool {
	t.Helper()
	url := tooltest.Env(t, EnvURL)
	poolOnce.Do(func() {
		cfg, err := pgxpool.ParseConfig(url)
		if err != nil {
			poolErr = err
			return
		}
		cfg.MaxConns = 20
		pool, poolErr = pgxpool.NewWithConfig(context.Background(), cfg)
		if poolErr == nil {
			poolErr = pool.Ping(context.Background())
		}
	})
	if poolErr != nil {
		t.Fatalf("connect to %s: %v", url, poolErr)
	}
	return pool
}

// freshSchema migrates a new schema with a random name and drops it when the test ends.
func freshSchema(t testing.TB, db pgstore.DB) *pgstore.Options {
	t.Helper()
	b := make([]byte, 6)
	rand.Read(b)
	opts := &pgstore.Options{Schema: "kutse_test_" + hex.EncodeToString(b)}
	if _, err := pgstore.Migrate(context.Background(), db, opts); err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec(context.Background(), "DROP SCHEMA "+pgx.Identifier{opts.Schema}.Sanitize()+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", opts.Schema, err)
		}
	})
	return opts
}

func newStore(t testing.TB) *pgstore.Store {
	t.Helper()
	p := testPool(t)
	s, err := pgstore.New(p, freshSchema(t, p))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestConformance runs the conformance suite on PostgreSQL, each case in a fresh schema: not found,
// exists, version conflicts, numbering, idempotency, 1,000 concurrent issuers on a pool, hidden
// certificates invisible to the public (CERT-04), the outbox.
func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Store { return newStore(t) })
}

// TestMigrateTwiceAndConcurrently proves that Migrate is safe to run twice and from several
// processes at once (the advisory lock): exactly one run applies each migration.
func TestMigrateTwiceAndConcurrently(t *testing.T) {
	p := testPool(t)
	opts := freshSchema(t, p)
	again, err := pgstore.Migrate(t.Context(), p, opts)
	if err != nil || len(again) != 0 {
		t.Fatalf("second Migrate = %v, %v; want nothing applied", again, err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	other := &pgstore.Options{Schema: "kutse_test_" + hex.EncodeToString(b)}
	t.Cleanup(func() { p.Exec(context.Background(), "DROP SCHEMA IF EXISTS "+other.Schema+" CASCADE") })
	var wg sync.WaitGroup
	applied := make([][]int, 4)
	errs := make([]error, 4)
	for i := range 4 {
		wg.Go(func() { applied[i], errs[i] = pgstore.Migrate(t.Context(), p, other) })
	}
	wg.Wait()
	total := 0
	for i := range 4 {
		if errs[i] != nil {
			t.Fatalf("concurrent Migrate %d: %v", i, errs[i])
		}
		total += len(applied[i])
	}
	ms, _ := pgstore.Migrations()
	if total != len(ms) {
		t.Errorf("concurrent runs applied %d migrations in all; want %d (each once)", total, len(ms))
	}
}

func TestNewRefusesBadSchema(t *testing.T) {
	for _, s := range []string{"Kutse", "kutse; drop table x", "1abc", "a-b", string(make([]byte, 64))} {
		if _, err := pgstore.New(nilDB{}, &pgstore.Options{Schema: s}); err == nil {
			t.Errorf("New(schema %q) = nil error", s)
		}
	}
}

type nilDB struct{ pgstore.DB }

// TestErrorsKeepTheDriversError proves the mapping to the shared sentinels keeps the database's own
// error reachable: a unique violation is store.ErrExists and a *pgconn.PgError with code 23505.
func TestErrorsKeepTheDriversError(t *testing.T) {
	s := newStore(t)
	c := storetest.Sample(1)
	c.Number = "KT000001"
	if _, err := s.IssueCertificate(t.Context(), certificate.Issue{Certificate: c}); err != nil {
		t.Fatal(err)
	}
	_, err := s.IssueCertificate(t.Context(), certificate.Issue{Certificate: c})
	var pe *pgconn.PgError
	if !errors.Is(err, store.ErrExists) || !errors.As(err, &pe) || pe.Code != "23505" {
		t.Errorf("duplicate number: %v; want ErrExists and a PgError 23505", err)
	}
	_, err = s.Certificate(t.Context(), "nope")
	if !errors.Is(err, store.ErrNotFound) || !errors.Is(err, pgx.ErrNoRows) {
		t.Errorf("missing: %v; want ErrNotFound and pgx.ErrNoRows", err)
	}
}

// TestHostTransaction proves that a store on the host's transaction joins it: a rollback takes the
// certificate, its number and its events back, and the series goes on with no gap.
func TestHostTransaction(t *testing.T) {
	p := testPool(t)
	opts := freshSchema(t, p)
	s, _ := pgstore.New(p, opts)
	ser := certificate.Series{Prefix: "KT", Width: 6, First: 1}
	ctx := t.Context()
	tx, err := p.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	in, err := s.WithDB(tx).IssueCertificate(ctx, certificate.Issue{Certificate: storetest.Sample(1), Series: ser,
		Events: []store.Event{{Kind: certificate.EventIssued}}})
	if err != nil || in.Number != "KT000001" {
		t.Fatalf("issue in tx = %q, %v", in.Number, err)
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Certificate(ctx, "KT000001"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after rollback Certificate = %v; want not found", err)
	}
	if evs, _ := s.OutboxEvents(ctx, store.EventQuery{}); len(evs) != 0 {
		t.Errorf("after rollback %d events; want 0", len(evs))
	}
	c, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: storetest.Sample(2), Series: ser})
	if err != nil || c.Number != "KT000001" {
		t.Errorf("next issue = %q, %v; want KT000001 (no gap)", c.Number, err)
	}
}

// TestCancelMidIssue_CancelRequest proves that an issue whose context is cancelled while its statement
// runs on the server leaves no certificate and no orphan event, when the connection sends PostgreSQL
// a cancel request on cancellation (pgconn.CancelRequestContextWatcherHandler): the statement is
// cancelled and rolled back whole.
func TestCancelMidIssue_CancelRequest(t *testing.T) {
	testCancelMidIssue(t, true)
}

// TestCancelMidIssue_Deadline is the same with pgx's default handling of a cancelled context, which
// only breaks the connection: the server may still finish the statement, so the outcome is unknown to
// the caller. It is never half-written: the certificate and its event exist together or not at all,
// and a retry with the same idempotency key converges on exactly one certificate.
func TestCancelMidIssue_Deadline(t *testing.T) {
	testCancelMidIssue(t, false)
}

func testCancelMidIssue(t *testing.T, cancelRequest bool) {
	p := testPool(t)
	opts := freshSchema(t, p)
	cfg, err := pgx.ParseConfig(tooltest.Env(t, EnvURL))
	if err != nil {
		t.Fatal(err)
	}
	if cancelRequest {
		cfg.BuildContextWatcherHandler = func(c *pgconn.PgConn) ctxwatch.Handler {
			return &pgconn.CancelRequestContextWatcherHandler{Conn: c, DeadlineDelay: 5 * time.Second}
		}
	}
	ctx := t.Context()
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	pid := conn.PgConn().PID()
	victim, _ := pgstore.New(conn, opts)
	s, _ := pgstore.New(p, opts)
	first, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: storetest.Sample(0), Series: series})
	if err != nil {
		t.Fatal(err)
	}
	// Hold the series' counter row so that the issue blocks inside its statement.
	lock, err := p.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback(ctx)
	if _, err := lock.Exec(ctx, "SELECT last FROM "+opts.Schema+".number_series WHERE key = $1 FOR UPDATE", series.Key()); err != nil {
		t.Fatal(err)
	}
	in := certificate.Issue{Certificate: storetest.Sample(1), Series: series, IdempotencyKey: "eksam-3/2", Fingerprint: "f",
		Events: []store.Event{{Kind: certificate.EventIssued}}}
	cctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		_, err := victim.IssueCertificate(cctx, in)
		done <- err
	}()
	waitFor(t, p, pid)
	cancel()
	if err := <-done; err == nil {
		t.Fatal("IssueCertificate with a cancelled context succeeded")
	}
	lock.Rollback(ctx)
	waitIdle(t, p, pid)
	all, _ := s.PublicCertificates(ctx, certificate.PublicQuery{On: sampleDay})
	evs, _ := s.OutboxEvents(ctx, store.EventQuery{})
	switch {
	case len(all) == 1 && len(evs) == 0:
		t.Log("the server cancelled the statement: nothing written")
	case len(all) == 2 && len(evs) == 1 && evs[0].Subject == string(all[1].Number) && !cancelRequest:
		t.Log("the server finished the statement after the client gave up: written whole")
	default:
		t.Fatalf("after the cancelled issue: certificates %v, events %+v; want nothing written, or (without a cancel request) the certificate with its event", numbers(all), evs)
	}
	// The caller does not know the outcome: it retries with the same key, and exactly one stands.
	for range 2 {
		c, err := s.IssueCertificate(ctx, in)
		if err != nil || c.Number != "KT000002" {
			t.Fatalf("retry = %q, %v; want KT000002", c.Number, err)
		}
	}
	assertOnly(t, s, first.Number, "KT000002")
}

func numbers(cs []certificate.Certificate) []certificate.Number {
	var out []certificate.Number
	for _, c := range cs {
		out = append(out, c.Number)
	}
	return out
}

// waitIdle waits until backend pid has finished whatever it was running (or is gone).
func waitIdle(t *testing.T, p *pgxpool.Pool, pid uint32) {
	t.Helper()
	for range 500 {
		var busy bool
		err := p.QueryRow(t.Context(), "SELECT count(*) > 0 FROM pg_stat_activity WHERE pid = $1 AND state = 'active'", int32(pid)).Scan(&busy)
		if err == nil && !busy {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the backend never finished")
}

// TestTerminatedBackend proves that killing the backend half-way (pg_terminate_backend while the issue
// waits inside its statement) leaves no half-written certificate and no orphan event, and that a
// retry with the same idempotency key after that unknown outcome issues exactly once.
func TestTerminatedBackend(t *testing.T) {
	p := testPool(t)
	opts := freshSchema(t, p)
	url := tooltest.Env(t, EnvURL)
	conn, err := pgx.Connect(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	victim, _ := pgstore.New(conn, opts)
	s, _ := pgstore.New(p, opts)
	ctx := t.Context()
	first, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: storetest.Sample(0), Series: series})
	if err != nil {
		t.Fatal(err)
	}
	pid := conn.PgConn().PID()
	lock, err := p.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lock.Exec(ctx, "SELECT last FROM "+opts.Schema+".number_series WHERE key = $1 FOR UPDATE", series.Key()); err != nil {
		t.Fatal(err)
	}
	in := certificate.Issue{Certificate: storetest.Sample(1), Series: series, IdempotencyKey: "protokoll-9/1", Fingerprint: "f1",
		Events: []store.Event{{Kind: certificate.EventIssued}}}
	done := make(chan error, 1)
	go func() {
		_, err := victim.IssueCertificate(ctx, in)
		done <- err
	}()
	// Wait until the victim is blocked on the counter row, then kill its backend.
	waitFor(t, p, pid)
	if _, err := p.Exec(ctx, "SELECT pg_terminate_backend($1)", pid); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err == nil {
		t.Fatal("IssueCertificate on a terminated backend succeeded")
	}
	lock.Rollback(ctx)
	waitIdle(t, p, pid)
	assertOnly(t, s, first.Number)
	// The caller does not know whether the issue happened: it retries with the same key.
	for range 2 {
		c, err := s.IssueCertificate(ctx, in)
		if err != nil || c.Number != "KT000002" {
			t.Fatalf("retry = %q, %v; want KT000002", c.Number, err)
		}
	}
	assertOnly(t, s, first.Number, "KT000002")
}

var series = certificate.Series{Prefix: "KT", Width: 6, First: 1}

// waitFor waits until backend pid is waiting on a lock.
func waitFor(t *testing.T, p *pgxpool.Pool, pid uint32) {
	t.Helper()
	for range 200 {
		var waiting bool
		err := p.QueryRow(t.Context(), "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = $1", int32(pid)).Scan(&waiting)
		if err == nil && waiting {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the issuing backend never waited on the lock")
}

// assertOnly checks that exactly the given certificates exist, each with exactly one event at most
// (the fixtures here raise one event per issue except the first).
func assertOnly(t *testing.T, s *pgstore.Store, want ...certificate.Number) {
	t.Helper()
	all, err := s.PublicCertificates(t.Context(), certificate.PublicQuery{On: sampleDay, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(want) {
		t.Fatalf("certificates = %d; want %v", len(all), want)
	}
	for i, c := range all {
		if c.Number != want[i] {
			t.Errorf("certificate %d = %s; want %s", i, c.Number, want[i])
		}
	}
	evs, err := s.OutboxEvents(t.Context(), store.EventQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		found := false
		for _, n := range want {
			found = found || e.Subject == string(n)
		}
		if !found {
			t.Errorf("orphan event %+v", e)
		}
	}
	if len(evs) != len(want)-1 {
		t.Errorf("events = %d; want %d", len(evs), len(want)-1)
	}
}

// TestTerminatedHostTransaction proves that a host transaction killed half-way through a batch
// (pg_terminate_backend after three of its issues) leaves none of the batch's certificates or events,
// and the series goes on with no gap.
func TestTerminatedHostTransaction(t *testing.T) {
	p := testPool(t)
	opts := freshSchema(t, p)
	ctx := t.Context()
	conn, err := pgx.Connect(ctx, tooltest.Env(t, EnvURL))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	s, _ := pgstore.New(p, opts)
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	in := s.WithDB(tx)
	for i := range 3 {
		if _, err := in.IssueCertificate(ctx, certificate.Issue{Certificate: storetest.Sample(i), Series: series,
			Events: []store.Event{{Kind: certificate.EventIssued}}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := p.Exec(ctx, "SELECT pg_terminate_backend($1)", int32(conn.PgConn().PID())); err != nil {
		t.Fatal(err)
	}
	if _, err := in.IssueCertificate(ctx, certificate.Issue{Certificate: storetest.Sample(4), Series: series}); err == nil {
		t.Error("issue on a terminated backend succeeded")
	}
	if err := tx.Commit(ctx); err == nil {
		t.Error("commit on a terminated backend succeeded")
	}
	waitIdle(t, p, conn.PgConn().PID())
	if all, _ := s.PublicCertificates(ctx, certificate.PublicQuery{On: sampleDay}); len(all) != 0 {
		t.Errorf("after the killed batch: %v; want nothing", numbers(all))
	}
	if evs, _ := s.OutboxEvents(ctx, store.EventQuery{}); len(evs) != 0 {
		t.Errorf("after the killed batch: %d orphan events", len(evs))
	}
	c, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: storetest.Sample(9), Series: series})
	if err != nil || c.Number != "KT000001" {
		t.Errorf("next issue = %q, %v; want KT000001 (no gap)", c.Number, err)
	}
}

// TestModel runs the model-based check: random sequences of actions give the same results on
// pgstore as on memstore.
func TestModel(t *testing.T) {
	storetest.RunModel(t, func(t *testing.T) storetest.Store { return newStore(t) })
}
