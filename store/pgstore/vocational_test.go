package pgstore_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/exam/vocational"
	"github.com/kutsekit/kutse/internal/tooltest"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/pgstore"
	"github.com/kutsekit/kutse/store/storetest"
)

var signClock = func() time.Time { return time.Date(2027, 6, 10, 9, 0, 0, 0, time.UTC) }

// signService returns a vocational service on s that signs with a fresh key.
func signService(t testing.TB, s *pgstore.Store) (*vocational.Service, vocational.SignRequest) {
	t.Helper()
	reg, err := certificate.NewRegistry(s, certificate.Config{Now: signClock})
	if err != nil {
		t.Fatal(err)
	}
	svc, err := vocational.NewService(s, vocational.Config{Certificates: reg, Register: s, Curricula: &vocational.StaticCurricula{}})
	if err != nil {
		t.Fatal(err)
	}
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	return svc, vocational.SignRequest{Signer: key, Name: "Mari Maasikas"}
}

// wantIssuedOnce checks that exactly n certificates exist, numbered 000001..n with no gap, each once
// under its exam's idempotency key, each with one issued event, and one notice of them to the school.
func wantIssuedOnce(t *testing.T, p pgx.Tx, s *pgstore.Store, schema string, exam int64, n int) {
	t.Helper()
	ctx := t.Context()
	all, err := s.PublicCertificates(ctx, certificate.PublicQuery{On: sampleDay, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != n {
		t.Fatalf("%d certificates; want %d", len(all), n)
	}
	for k, c := range all {
		if want := certificate.Number(strconv.Itoa(1000001 + k)[1:]); c.Number != want {
			t.Errorf("certificate %d is %s; want %s (no gap)", k, c.Number, want)
		}
	}
	var keys, distinct int
	if err := p.QueryRow(ctx, "SELECT count(*), count(DISTINCT idempotency_key) FROM "+schema+".certificate WHERE idempotency_key LIKE $1",
		"vocational/"+strconv.FormatInt(exam, 10)+"/%").Scan(&keys, &distinct); err != nil {
		t.Fatal(err)
	}
	if keys != n || distinct != n {
		t.Errorf("%d certificates under %d keys of the exam; want %d each once", keys, distinct, n)
	}
	evs, _ := s.OutboxEvents(ctx, store.EventQuery{Limit: 10000})
	issued, entered := 0, 0
	for _, e := range evs {
		switch e.Kind {
		case certificate.EventIssued:
			issued++
		case vocational.EventEntered:
			entered++
		}
	}
	if issued != n || entered != 1 {
		t.Errorf("%d issued events and %d notices of the certificates entered; want %d and 1", issued, entered, n)
	}
}

// TestSignTerminated_EXV05 proves that a signing whose transaction's backend is killed midway
// (pg_terminate_backend while the transaction, having locked the exam, waits for the number series)
// leaves nothing — not the signed exam, not a certificate, not a number, not an event — and that the
// retry, and every retry after it, issues each certificate exactly once with gap-free numbers
// (EXV-05).
func TestSignTerminated_EXV05(t *testing.T) {
	p := testPool(t)
	opts := freshSchema(t, p)
	ctx := t.Context()
	s, _ := pgstore.New(p, opts)
	e, err := s.CreateVocationalExam(ctx, storetest.DecidedVocationalExam(1, 50), nil)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, tooltest.Env(t, EnvURL))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	pid := conn.PgConn().PID()
	victim, _ := pgstore.New(conn, opts)
	vsvc, req := signService(t, victim)
	body := actor.Body(e.Body.Code)

	// Hold the number series so that the signing blocks inside its transaction.
	lock, err := p.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback(context.Background())
	if _, err := lock.Exec(ctx, "LOCK TABLE "+opts.Schema+".number_series IN EXCLUSIVE MODE"); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := vsvc.Sign(ctx, body, e.ID, req)
		done <- err
	}()
	waitFor(t, p, pid)
	if _, err := p.Exec(ctx, "SELECT pg_terminate_backend($1)", pid); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err == nil {
		t.Fatal("Sign on a terminated backend succeeded")
	}
	lock.Rollback(ctx)
	waitIdle(t, p, pid)

	got, err := s.VocationalExam(ctx, e.ID)
	if err != nil || got.Status != vocational.Decided || got.Version != e.Version {
		t.Fatalf("after the killed signing the exam is %s v%d (%v); want decided v%d", got.Status, got.Version, err, e.Version)
	}
	if all, _ := s.PublicCertificates(ctx, certificate.PublicQuery{On: sampleDay}); len(all) != 0 {
		t.Fatalf("the killed signing left %d certificates", len(all))
	}
	if evs, _ := s.OutboxEvents(ctx, store.EventQuery{}); len(evs) != 0 {
		t.Fatalf("the killed signing left %d events", len(evs))
	}
	// The caller does not know the outcome: it retries, in another process, twice.
	svc, req := signService(t, s)
	var first []certificate.Number
	for i := range 3 {
		res, err := svc.Sign(ctx, body, e.ID, req)
		if err != nil || len(res.Certificates) != 50 {
			t.Fatalf("retry %d = %d certificates, %v", i, len(res.Certificates), err)
		}
		nos := make([]certificate.Number, len(res.Certificates))
		for k, c := range res.Certificates {
			nos[k] = c.Number
		}
		if i == 0 {
			first = nos
		} else if !slices.Equal(nos, first) {
			t.Fatalf("retry %d returned %v; want the first signing's %v", i, nos, first)
		}
	}
	tx, err := p.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(context.Background())
	wantIssuedOnce(t, tx, s, opts.Schema, e.ID, 50)
	if signed, _ := s.VocationalExam(ctx, e.ID); signed.Verify() != nil || signed.Version != e.Version+1 {
		t.Errorf("the signed exam: version %d, verify %v", signed.Version, signed.Verify())
	}
}

// TestSignTerminatedHostTransaction_EXV05 proves the same when the signing joins the host's
// transaction (WithDB) and that transaction's backend is killed after the signing returned but before
// the host committed: nothing stands, and the retry issues exactly once.
func TestSignTerminatedHostTransaction_EXV05(t *testing.T) {
	p := testPool(t)
	opts := freshSchema(t, p)
	ctx := t.Context()
	s, _ := pgstore.New(p, opts)
	e, err := s.CreateVocationalExam(ctx, storetest.DecidedVocationalExam(2, 30), nil)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, tooltest.Env(t, EnvURL))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	svc, req := signService(t, s.WithDB(tx))
	body := actor.Body(e.Body.Code)
	if res, err := svc.Sign(ctx, body, e.ID, req); err != nil || len(res.Certificates) != 30 {
		t.Fatalf("Sign in the host's transaction = %d, %v", len(res.Certificates), err)
	}
	if _, err := p.Exec(ctx, "SELECT pg_terminate_backend($1)", int32(conn.PgConn().PID())); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(ctx); err == nil {
		t.Fatal("commit on a terminated backend succeeded")
	}
	waitIdle(t, p, conn.PgConn().PID())
	if all, _ := s.PublicCertificates(ctx, certificate.PublicQuery{On: sampleDay}); len(all) != 0 {
		t.Fatalf("the killed transaction left %d certificates", len(all))
	}
	svc, req = signService(t, s)
	if res, err := svc.Sign(ctx, body, e.ID, req); err != nil || len(res.Certificates) != 30 {
		t.Fatalf("retry = %d, %v", len(res.Certificates), err)
	}
	check, err := p.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer check.Rollback(context.Background())
	wantIssuedOnce(t, check, s, opts.Schema, e.ID, 30)
}

// BenchmarkSign1000 signs a qualification committee protocol of 1,000 candidates, all awarded, on
// PostgreSQL through the service: the signature, the exam locked and written, and the 1,000
// certificates with their events issued in one transaction (EXV-05). One op is one protocol. Target
// ≤ 500 ms.
func BenchmarkSign1000(b *testing.B) {
	s := newStore(b)
	svc, req := signService(b, s)
	decided := storetest.DecidedVocationalExam(1, 1000)
	body := actor.Body(decided.Body.Code)
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		e, err := s.CreateVocationalExam(ctx, decided, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := svc.Sign(ctx, body, e.ID, req)
		if err != nil || len(res.Certificates) != 1000 {
			b.Fatalf("Sign = %d certificates, %v", len(res.Certificates), err)
		}
	}
	b.ReportMetric(float64(b.N)*1000/b.Elapsed().Seconds(), "certs/s")
}
