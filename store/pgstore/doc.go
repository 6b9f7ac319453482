// Package pgstore implements the SDK's store interfaces on PostgreSQL with
// github.com/jackc/pgx/v5, for production hosts. It passes the same conformance suite as memstore
// (storetest.Run), on a real server, in CI.
//
// # Connecting
//
// [New] takes the host's *pgxpool.Pool, *pgx.Conn or pgx.Tx (never a connection string) and the
// schema to work in (default "kutse"). When it is given a transaction, or [Store.WithDB] is, the
// store's writes join that transaction, so a host commits its own rows and the SDK's together.
//
// # Schema and migrations
//
// The schema is versioned SQL embedded in the module (migrations/*.sql): 0001 certificates, number
// series and the outbox; 0002 the owner's requests (package application); 0003 duplicate cases
// (package duplicate); 0004 proficiency exam sessions and registrations (package exam/proficiency);
// 0005 the day a certificate's owner was told its validity ends soon; 0008 the register's reference
// data; 0012 vocational qualification exams (package exam/vocational). [Migrate] creates the
// schema if needed and applies what is missing in one transaction, under an advisory lock keyed by
// the schema's name (pg_advisory_xact_lock), so it is safe to run twice and from several processes at
// once. Legal dates are date columns, instants timestamptz (kept to the microsecond: the Registry
// truncates its clock to match), certificate numbers text COLLATE "C" (ordered byte-wise, as Go and
// memstore order them), the idempotency key is UNIQUE, every certificate row has a version column
// for optimistic concurrency, and the outbox is a table of its own.
//
// # Writes are single statements
//
// Issuing a certificate is one statement: a data-modifying CTE that takes the series' next counter,
// inserts the certificate under it and inserts its events into the outbox. Updating is one statement
// too (the update, guarded by the version, and its events). A single statement is atomic on its
// own, so a change and its events are committed together or not at all, with no transaction of the
// store's own and one round trip (two when an idempotency key is given: it is looked up first).
//
// # Batches
//
// IssueCertificates (certificate.BatchIssuer) issues k certificates in one transaction of four
// statements however large k is: the idempotency keys are looked up (= ANY), each series' counters are
// taken k at a time (INSERT … ON CONFLICT DO UPDATE SET last = greatest(last + k, …) RETURNING last, the
// row locked to the commit, as for a single issue), the new numbers are checked against numbers
// already taken (a taken one is passed over and one more counter taken), and the certificates and
// their events are inserted from parallel arrays with unnest in one statement. The series stays
// gap-free, a batch's numbers are consecutive in its order, and a rollback gives them all back.
// SignVocationalExam runs the same batch in the transaction that locks the exam's row (SELECT … FOR
// UPDATE, so a second signing waits and then fails its version check without touching the series)
// and writes the signed exam.
//
// # Numbers: gap-free
//
// A number series is a row of number_series holding the last counter handed out. The issuing
// statement updates that row (INSERT … ON CONFLICT DO UPDATE), so its row lock serialises the issuers
// of one series until they commit, and a statement that fails or is rolled back (with the host's
// transaction) rolls the counter back with it. The series is therefore gap-free: no number is handed
// out twice and none is skipped, except a number already taken by a record imported with its own
// number, which is passed over. The price is that issuers of one series wait for each other's commit;
// different series do not. A sequence would not wait, but would skip numbers silently on every
// rollback; certificate numbers are read by people and auditors, so the SDK chose no gaps.
//
// # Errors
//
// No rows → store.ErrNotFound; unique violation (23505) → store.ErrExists; serialization failure
// (40001) and deadlock (40P01) → store.ErrConflict; a stale version → store.ErrConflict. The
// database's own error stays reachable with errors.As (*pgconn.PgError) and errors.Is (pgx.ErrNoRows).
//
// # Cancellation and unknown outcomes
//
// With pgx's default handling of a cancelled context the client only drops the connection; the
// server may still finish a statement it was running. The outcome is then unknown to the caller but
// never half-written, and a retry with the same idempotency key returns the certificate if it was
// issued and issues it if it was not. A host that wants the server to stop the statement configures
// its pool with pgconn.CancelRequestContextWatcherHandler. Both cases, and a backend killed with
// pg_terminate_backend, are tested.
//
// # Outbox order
//
// Event IDs come from a bigserial: unique and increasing in the order the events were inserted.
// Under concurrent writers a smaller ID can commit after a larger one, so a dispatcher should poll
// unsent events (EventQuery.Unsent) and mark them sent, rather than keep an "after ID" cursor.
//
// # Tests
//
// The tests need a server: they read its URL from KUTSE_TEST_POSTGRES (for example
// postgres://postgres@127.0.0.1:5432/test) and skip with a message when it is unset; .ci/run sets it
// and makes it required. Each test migrates a fresh schema and drops it at the end.
//
// # Performance
//
// Measured in one run with `go test -run XXX -bench . -benchtime 5s ./store/pgstore` on the go-svc
// machine (2 cores, AMD EPYC, 24 GiB; PostgreSQL 15.20 on the same machine, default settings,
// synchronous commit; Go 1.26.8), 8 clients each (goroutines with their own pooled connections;
// pgbench -c 8 -j 2):
//
//	BenchmarkPgbenchTPCB    pgbench TPC-B-like, scale 1, 8 clients:              1,983 tps
//	BenchmarkIssue          one certificate (+ one event) per transaction:       2,549 certificates/s (129 % of pgbench)
//	BenchmarkIssueBatch100  100 certificates per transaction (host's tx):        3,922 certificates/s
//
// Target: one-per-transaction issuing at ≥ 50 % of pgbench's TPS with the same clients. Both are
// bound by the commit's fsync and by one hot row (pgbench's branch row at scale 1, the series'
// counter row here); batches through the host's transaction pay one commit per hundred but one round
// trip per certificate. IssueCertificates pays four round trips per batch: measured later (issue 12,
// `-cpu 1 -count 5`, one client, the machine shared with other helpers' work, load average 4–6),
// 1,000 certificates with their events take 45 ms (35–50), about 22,000 certificates/s, against
// 2,600–3,300/s for BenchmarkIssueBatch100 in the same session; signing a 1,000-candidate protocol
// through exam/vocational's service takes 183 ms (170–217; target ≤ 500 ms).
package pgstore
