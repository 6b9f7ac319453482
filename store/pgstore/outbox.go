package pgstore

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/kutsekit/kutse/store"
)

var _ store.Outbox = (*Store)(nil)

// outboxQueries are the outbox's statements with the schema filled in.
type outboxQueries struct {
	events, markSent, claim, fail, release, requeue string
}

func buildOutboxQueries(schema string) outboxQueries {
	sub := func(q string) string { return strings.ReplaceAll(q, "{s}", schema) }
	return outboxQueries{events: sub(eventsSQL), markSent: sub(markSentSQL), claim: sub(claimSQL),
		fail: sub(failSQL), release: sub(releaseSQL), requeue: sub(requeueSQL)}
}

const eventCols = `id, kind, subject, recipient, at, data, sent_at IS NOT NULL, attempts, next_attempt, last_error, dead`

const eventsSQL = `SELECT ` + eventCols + ` FROM {s}.outbox
WHERE ($1::text = '' OR recipient = $1::text)
	AND ($2::text = '' OR subject = $2::text)
	AND (NOT $3::boolean OR sent_at IS NULL)
	AND (NOT $6::boolean OR (dead AND sent_at IS NULL))
	AND id > $4::bigint
ORDER BY id
LIMIT $5`

// allKnown is true when every ID of the array $1 names an event: the guard of the all-or-nothing
// statements.
const allKnown = `(SELECT count(*) FROM {s}.outbox WHERE id = ANY($1::bigint[]))
		= (SELECT count(DISTINCT x) FROM unnest($1::bigint[]) AS x)`

// markSentSQL marks the events sent only if every ID given exists: all or nothing in one statement.
const markSentSQL = `UPDATE {s}.outbox SET sent_at = coalesce(sent_at, now()), lease_until = NULL
WHERE id = ANY($1::bigint[]) AND ` + allKnown

// claimSQL leases the oldest deliverable events ($1 now, $2 the lease's end, $3 the limit). FOR
// UPDATE SKIP LOCKED passes over rows another claim is leasing at the same moment, and the lease
// column keeps them from the claims that come after it, until it ends. The partial index
// outbox_deliverable (0010) holds the candidates.
const claimSQL = `WITH c AS (
	SELECT id FROM {s}.outbox
	WHERE sent_at IS NULL AND NOT dead
		AND (next_attempt IS NULL OR next_attempt <= $1::timestamptz)
		AND (lease_until IS NULL OR lease_until <= $1::timestamptz)
	ORDER BY id
	LIMIT $3
	FOR UPDATE SKIP LOCKED
)
UPDATE {s}.outbox o SET lease_until = $2::timestamptz
FROM c WHERE o.id = c.id
RETURNING o.id, o.kind, o.subject, o.recipient, o.at, o.data, false, o.attempts, o.next_attempt, o.last_error, o.dead`

// failSQL records a failed attempt on event $1 unless it was sent meanwhile ($2 the error, $3 the
// next attempt, $4 dead), and says whether the event exists.
const failSQL = `WITH u AS (
	UPDATE {s}.outbox SET attempts = attempts + 1, last_error = $2::text, dead = $4::boolean,
		next_attempt = CASE WHEN $4::boolean THEN NULL ELSE $3::timestamptz END, lease_until = NULL
	WHERE id = $1::bigint AND sent_at IS NULL
	RETURNING id
)
SELECT EXISTS (SELECT 1 FROM {s}.outbox WHERE id = $1::bigint)`

// releaseSQL ends the leases of the events, all or nothing.
const releaseSQL = `UPDATE {s}.outbox SET lease_until = NULL WHERE id = ANY($1::bigint[]) AND ` + allKnown

// requeueSQL puts the unsent events back to pending, all or nothing, and says whether every ID was
// known.
const requeueSQL = `WITH ok AS (SELECT ` + allKnown + ` AS known),
u AS (
	UPDATE {s}.outbox SET dead = false, attempts = 0, next_attempt = NULL, lease_until = NULL
	WHERE id = ANY($1::bigint[]) AND sent_at IS NULL AND (SELECT known FROM ok)
	RETURNING id
)
SELECT known, (SELECT count(*) FROM u) FROM ok`

func scanEvent(r pgx.CollectableRow) (store.Event, error) {
	var (
		e    store.Event
		data []byte
		next *time.Time
	)
	if err := r.Scan(&e.ID, &e.Kind, &e.Subject, &e.Recipient, &e.At, &data, &e.Sent, &e.Attempts, &next, &e.LastError, &e.Dead); err != nil {
		return e, err
	}
	if next != nil {
		e.NextAttempt = *next
	}
	if len(data) > 0 {
		if err := json.Unmarshal(data, &e.Data); err != nil {
			return e, err
		}
	}
	return e, nil
}

func (s *Store) collectEvents(ctx context.Context, op, sql string, args ...any) ([]store.Event, error) {
	rows, err := s.db.Query(ctx, sql, args...)
	if err != nil {
		return nil, mapErr(op, err)
	}
	out, err := pgx.CollectRows(rows, scanEvent)
	if err != nil {
		return nil, mapErr(op, err)
	}
	return out, nil
}

// OutboxEvents implements store.Outbox.
func (s *Store) OutboxEvents(ctx context.Context, q store.EventQuery) ([]store.Event, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 1000
	}
	return s.collectEvents(ctx, "events", s.oq.events, q.Recipient, q.Subject, q.Unsent, max(q.AfterID, 0), limit, q.Dead)
}

// MarkEventsSent implements store.Outbox, all or nothing in one statement.
func (s *Store) MarkEventsSent(ctx context.Context, ids ...int64) error {
	return s.allOrNothing(ctx, "mark events sent", s.oq.markSent, ids)
}

// ReleaseEvents implements store.Outbox, all or nothing in one statement.
func (s *Store) ReleaseEvents(ctx context.Context, ids ...int64) error {
	return s.allOrNothing(ctx, "release events", s.oq.release, ids)
}

// allOrNothing runs a statement that changes every event of ids or, when one is unknown, none.
func (s *Store) allOrNothing(ctx context.Context, op, sql string, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	tag, err := s.db.Exec(ctx, sql, ids)
	if err != nil {
		return mapErr(op, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("pgstore: %s %v: an event does not exist: %w", op, ids, store.ErrNotFound)
	}
	return nil
}

// ClaimEvents implements store.Outbox in one statement (SELECT … FOR UPDATE SKIP LOCKED).
func (s *Store) ClaimEvents(ctx context.Context, c store.Claim) ([]store.Event, error) {
	limit := c.Limit
	if limit <= 0 {
		limit = 100
	}
	out, err := s.collectEvents(ctx, "claim events", s.oq.claim, c.Now, c.Until, limit)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b store.Event) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// RecordEventFailure implements store.Outbox in one statement.
func (s *Store) RecordEventFailure(ctx context.Context, id int64, f store.Failure) error {
	var retry *time.Time
	if !f.Retry.IsZero() {
		retry = &f.Retry
	}
	var exists bool
	if err := s.db.QueryRow(ctx, s.oq.fail, id, f.Error, retry, f.Dead).Scan(&exists); err != nil {
		return mapErr(fmt.Sprintf("record failure of event %d", id), err)
	}
	if !exists {
		return fmt.Errorf("pgstore: record failure of event %d: %w", id, store.ErrNotFound)
	}
	return nil
}

// RequeueEvents implements store.Outbox, all or nothing in one statement.
func (s *Store) RequeueEvents(ctx context.Context, ids ...int64) error {
	if len(ids) == 0 {
		return nil
	}
	var known bool
	var n int64
	if err := s.db.QueryRow(ctx, s.oq.requeue, ids).Scan(&known, &n); err != nil {
		return mapErr("requeue events", err)
	}
	if !known {
		return fmt.Errorf("pgstore: requeue events %v: an event does not exist: %w", ids, store.ErrNotFound)
	}
	return nil
}
