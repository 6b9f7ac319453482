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
// series and the outbox; 0002 the owner's requests (package certificate/request); 0003 duplicate cases
// (package duplicate); 0004 proficiency exam sessions and registrations (package exam/proficiency);
// 0005 the day a certificate's owner was told its validity ends soon; 0006 the retention of a holder's
// personal data (CERT-12: the death date, the last day of retention, the day of erasure, and a partial
// index of the records awaiting erasure); 0007 the public search's indexes (below); 0008 the register's reference
// data (package classifier/register: standards with their versions, awarding bodies and the standards
// they award, as JSON) and the search index of qualifications open for application, one row per
// version and awarding body with the keys the store computes in Go (Estonian collation keys as bytea,
// folded texts) and a pg_trgm GIN index on the folded text; 0010 the outbox's
// delivery state (attempts, next attempt, last error, dead letter, lease) with a partial index of the
// deliverable events; 0011 the question to the awarding body on the owner's requests (addressee,
// text, answer, a version) and applications with the awarding bodies' settings (package application:
// the columns queries select by, the rest of an application as one jsonb document, the form's PDF as
// bytea, the certificate awarded UNIQUE); 0012 vocational qualification exams (package exam/vocational:
// the exam's columns queries select by, the rest as one jsonb document); 0013 the public search's
// covering indexes (below). [Migrate] creates the schema if needed and applies what is missing in
// one transaction, under an advisory lock keyed by the schema's name (pg_advisory_xact_lock), so it is safe to run twice and from several processes at
// once. Legal dates are date columns, instants timestamptz (kept to the microsecond: the Registry
// truncates its clock to match), certificate numbers text COLLATE "C" (ordered byte-wise, as Go and
// memstore order them), the idempotency key is UNIQUE, every certificate row has a version column
// for optimistic concurrency, and the outbox is a table of its own.
//
// # The public search
//
// Store.PublicCertificates builds its statement for the query's shape, with only the conditions it
// needs, every one of them starting "NOT hidden AND kind IN (1, 2, 3)" (CERT-04 and the kinds that are
// public register entries, certificate.Kind.Public) written out as constants, so that the partial
// indexes of migrations 0007 and 0013, whose predicate is the same, apply:
//
//   - a number: the primary key (or the partial index of public records);
//   - a page, with or without After, an issuer or a kind: the primary key or certificate_public_number
//     (an issuer's: certificate_public_issuer), walked in number order until the page is full;
//   - a text: LIKE '%text%' (the text's wildcards escaped) on two lower-cased columns with a pg_trgm GIN
//     index each: search_entry (title, standard, number: any public certificate) and search_name (the
//     holder's name: only with the validity on the query's date in the same condition, CERT-12). The
//     planner combines the two indexes (BitmapOr) for a rare text and walks the public records in number
//     order for a common one. That walk reads the covering indexes of migration 0013
//     (certificate_public_number, and certificate_public_issuer for an issuer's records), which hold
//     the kind, both texts and the validity dates beside the number: the statement selects the page's
//     numbers in a subquery, which is an index-only scan, and reads the table only for the page's
//     rows (number IN (...)). Index-only scans need the visibility map that (auto)vacuum keeps: after
//     a bulk load, run VACUUM. A text search is planned with its pattern every time (an unnamed
//     statement, pgx.QueryExecModeExec: still one round trip), because a cached statement's generic
//     plan cannot tell a rare name from a common word. A text of one or two letters has no trigram to
//     look up and is answered by the walk. A text of several words is looked up with its separators
//     as '_' wildcards and checked exactly with strpos: pg_trgm pads words at a separator, and those
//     padded trigrams (a word's first letter) have the longest posting lists; a full name's index
//     scan reads about half the pages.
//
// A test (TestPublicSearchUsesIndexes_CERT04) reads the plans with EXPLAIN on 50,000 analysed rows,
// custom and generic, and fails on a sequential scan or a plan without these indexes.
//
// pg_trgm ships with PostgreSQL (Debian's postgresql-15 package has it) and is a trusted extension
// since PostgreSQL 13: a role with CREATE on the database may install it. Migration 0007 installs it
// into schema public when the database does not have it, and uses the schema it is in otherwise.
//
// # Writes are single statements
//
// Issuing a certificate is one statement: a data-modifying CTE that takes the series' next counter,
// inserts the certificate under it and inserts its events into the outbox. Updating is one statement
// too (the update, guarded by the version, and its events). A single statement is atomic on its
// own, so a change and its events are committed together or not at all, with no transaction of the
// store's own and one round trip (two when an idempotency key is given: it is looked up first).
//
// The writes that touch several records are one transaction (pgx.BeginFunc; a savepoint in the
// host's): IssueDuplicate, and AwardApplication, which updates the application's row first, guarded
// by its version and by not being awarded, so that a concurrent decider waits on its lock and then
// finds it changed; the certificate is then issued as above, the application linked to it and the
// events written, or all of it rolled back.
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
// # Outbox order and claims
//
// Event IDs come from a bigserial: unique and increasing in the order the events were inserted.
// Under concurrent writers a smaller ID can commit after a larger one, so a dispatcher claims the
// pending events ([Store.ClaimEvents]) rather than keep an "after ID" cursor. A claim is one
// statement: it selects the oldest deliverable events (from the partial index outbox_deliverable:
// neither sent nor dead; then due and not leased at the host's time) FOR UPDATE SKIP LOCKED, so that
// a concurrent claim passes over them instead of waiting, and sets their lease_until, so that the
// claims after it pass over them until the lease ends. Failures, releases, requeues and marks are
// single statements too; the all-or-nothing ones check every ID in the same statement. Every time is
// the host's clock, passed in: the database's now() is used only for sent_at, which is a record.
//
// # The register's search
//
// A put of a standard or an awarding body rebuilds the affected index rows in the same transaction,
// under an advisory lock that serialises the register's writes (they are rare: a daily import). A
// search is one statement: the matching rows' keys are materialised once, counted, and the page's
// rows read whole; each keyword word is its own LIKE '%…%' on the folded text, which the trigram index
// serves (TestSearchUsesTheTrigramIndex_APP01 checks the plan on 20,000 rows: no sequential scan for
// a selective keyword). [Store.ExplainSearch] shows the plan of any search.
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
//
// The public search on 10^6 certificates (BenchmarkPublicSearch, 2026-12-03, a quiet go-svc machine,
// -cpu 1, median of 5, round trip through PublicCertificates, a page of 100): a number 0.17 ms, a
// page 0.6–0.7 ms, a common word 1.3 ms, part of a number 1.6 ms, a full name 2.5 ms, a surname
// 4.3 ms, a title word of 2 % of rows 4.3 ms, an issuer with a text 1.5–3.6 ms (target ≤ 5 ms);
// before the indexes of 0007 a text search read every row (380 ms).
// See docs/performance.md.
//
// The register's search over 1,000 standards awarded by ten bodies (20,000 index rows; the register
// itself has about 540 standards), `-bench SearchQualifications -cpu 1 -count 3` with other work on
// the machine (load 15): the first page of all rows open on a day (10,000 matches counted and
// ordered) 45–79 ms; a keyword matching 1,000 rows 13–15 ms; a keyword matching one standard
// 6.6–9.6 ms.
package pgstore
