package pgstore

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/jackc/pgerrcode"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/store"
)

// DB is what the store runs its statements on: *pgxpool.Pool, *pgx.Conn and pgx.Tx all satisfy it.
// When it is a pgx.Tx the store's writes join the host's transaction (Begin makes a savepoint).
type DB interface {
	Begin(ctx context.Context) (pgx.Tx, error)
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// Options configures the store and Migrate. Nil means the defaults.
type Options struct {
	// Schema is the PostgreSQL schema that holds the SDK's tables; "" means "kutse". It must be a
	// plain identifier: lower-case letters, digits and '_', starting with a letter or '_', at most
	// 63 characters.
	Schema string
}

// DefaultSchema is the schema used when Options.Schema is empty.
const DefaultSchema = "kutse"

var schemaRE = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

func schemaOf(opts *Options) (string, error) {
	if opts == nil || opts.Schema == "" {
		return DefaultSchema, nil
	}
	if !schemaRE.MatchString(opts.Schema) {
		return "", &invalid.FieldError{Pkg: "pgstore", Field: "Options.Schema", Value: opts.Schema,
			Reason: "must be lower-case letters, digits and '_', starting with a letter or '_', at most 63 characters"}
	}
	return opts.Schema, nil
}

// Store is the PostgreSQL store. It is safe for concurrent use as far as db is (a pool is; a single
// connection or transaction is not).
type Store struct {
	db     DB
	schema string
	q      queries
	dq     duplicateQueries // package duplicate's statements (duplicate.go)
	eq     examQueries      // the exam packages' statements (exam.go)
	oq     outboxQueries    // the outbox's statements (outbox.go)
	rq     requestQueries   // the owner's requests' further statements (requests.go)
	aq     appQueries       // package application's statements (application.go)
}

// New returns a store on db in the schema named in opts. It does not touch the database: run
// [Migrate] first (at deployment, or at start-up).
func New(db DB, opts *Options) (*Store, error) {
	if db == nil {
		return nil, &invalid.FieldError{Pkg: "pgstore", Field: "db", Reason: "is required (New)"}
	}
	schema, err := schemaOf(opts)
	if err != nil {
		return nil, err
	}
	ident := pgx.Identifier{schema}.Sanitize()
	return &Store{db: db, schema: schema, q: buildQueries(ident),
		dq: buildDuplicateQueries(ident), eq: buildExamQueries(ident), oq: buildOutboxQueries(ident),
		rq: buildRequestQueries(ident), aq: buildAppQueries(ident)}, nil
}

// Schema returns the schema the store works in.
func (s *Store) Schema() string { return s.schema }

// WithDB returns a store on another DB in the same schema: typically the host's transaction, so
// that the SDK's writes and the host's own commit together.
func (s *Store) WithDB(db DB) *Store {
	c := *s
	c.db = db
	return &c
}

// mapErr maps the database's errors to the shared sentinels, keeping the database's own error
// reachable with errors.As: no rows → store.ErrNotFound; unique violation (23505) →
// store.ErrExists; serialization failure (40001) or deadlock (40P01) → store.ErrConflict.
func mapErr(op string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("pgstore: %s: %w (%w)", op, store.ErrNotFound, err)
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case pgerrcode.UniqueViolation:
			return fmt.Errorf("pgstore: %s: %w (%w)", op, store.ErrExists, err)
		case pgerrcode.SerializationFailure, pgerrcode.DeadlockDetected:
			return fmt.Errorf("pgstore: %s: %w (%w)", op, store.ErrConflict, err)
		}
	}
	return fmt.Errorf("pgstore: %s: %w", op, err)
}

// constraintOf returns the name of the constraint a unique violation broke, or "".
func constraintOf(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == pgerrcode.UniqueViolation {
		return pe.ConstraintName
	}
	return ""
}

// queries are the statements with the schema filled in.
type queries struct {
	get, byHolder, publicSelect, byKey, ident     string
	publicNumbers, publicPage                     string
	issueNumbered, issueAllocated, update         string
	createRequest, holderRequests, requestByToken string
	expiring, markExpiry                          string
	personalDataDue, erasePersonalData            string
}

func buildQueries(schema string) queries {
	sub := func(q string) string { return strings.ReplaceAll(q, "{s}", schema) }
	return queries{
		get:          sub(`SELECT ` + certCols + ` FROM {s}.certificate WHERE number = $1`),
		byHolder:     sub(`SELECT ` + certCols + ` FROM {s}.certificate WHERE holder_code = $1 ORDER BY number`),
		publicSelect: sub(`SELECT ` + certCols + ` FROM {s}.certificate WHERE ` + publicWhere()),
		// A text search finds the page's numbers on the covering indexes of 0013, then reads those rows.
		publicNumbers:  sub(`SELECT number FROM {s}.certificate WHERE ` + publicWhere()),
		publicPage:     sub(`SELECT ` + certCols + ` FROM {s}.certificate WHERE number IN (`),
		byKey:          sub(`SELECT ` + certCols + `, fingerprint FROM {s}.certificate WHERE idempotency_key = $1`),
		ident:          sub(`SELECT version, kind, holder_code FROM {s}.certificate WHERE number = $1`),
		issueNumbered:  sub(issueNumberedSQL),
		issueAllocated: sub(issueAllocatedSQL),
		update:         sub(updateSQL),
		createRequest:  sub(createRequestSQL),
		holderRequests: sub(`SELECT ` + requestCols + ` FROM {s}.owner_request WHERE holder_code = $1 ORDER BY number DESC`),
		requestByToken: sub(`SELECT ` + requestCols + ` FROM {s}.owner_request WHERE token = $1`),
		expiring:       sub(expiringSQL),
		markExpiry:     sub(markExpirySQL),
		// CERT-12: the certificates whose holder's personal data are due for erasure (index of 0006).
		personalDataDue: sub(`SELECT ` + certCols + ` FROM {s}.certificate
WHERE personal_data_until IS NOT NULL AND personal_data_until < $1::date AND number > $2::text
ORDER BY number
LIMIT $3`),
		erasePersonalData: sub(erasePersonalDataSQL),
	}
}

// txErr returns the error of a transaction of several statements: as it is when a statement's
// error already says what and where (a sentinel of package store, or bad input), else mapped (the
// beginning or the commit of the transaction failed).
func txErr(op string, err error) error {
	switch {
	case errors.Is(err, store.ErrNotFound), errors.Is(err, store.ErrExists), errors.Is(err, store.ErrConflict),
		errors.Is(err, invalid.ErrInvalid):
		return err
	}
	return mapErr(op, err)
}

// writeEvents writes events into the outbox on the store's DB (in a transaction, the caller's); an
// event with an empty Subject gets subject.
func (s *Store) writeEvents(ctx context.Context, subject string, events []store.Event, op string) error {
	if len(events) == 0 {
		return nil
	}
	args, err := eventArgs(events)
	if err != nil {
		return err
	}
	var n int64
	if err := s.db.QueryRow(ctx, s.dq.events, append([]any{subject}, args...)...).Scan(&n); err != nil {
		return mapErr(op+": events", err)
	}
	return nil
}

// collect reads every row of a query with scan, or maps the query's or a row's error; none is an
// empty slice.
func collect[T any](rows pgx.Rows, err error, op string, scan func(pgx.Row) (T, error)) ([]T, error) {
	if err != nil {
		return nil, mapErr(op, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (T, error) { return scan(r) })
	if err != nil {
		return nil, mapErr(op, err)
	}
	if out == nil {
		out = []T{}
	}
	return out, nil
}
