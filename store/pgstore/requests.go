package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/store"
)

var _ request.ServiceStore = (*Store)(nil)

const requestCols = `number, kind, certificate, holder_code, date, at, status, reason, coalesce(token, ''), data,
	coalesce(addressee, ''), text, answer, answered_at, version`

// createRequestSQL inserts a request and its events in one statement.
var createRequestSQL = `WITH r AS (
	INSERT INTO {s}.owner_request (kind, certificate, holder_code, date, at, status, reason, token, data,
		addressee, text, answer, answered_at)
	VALUES ($1::smallint, $2::text, $3::text, $4::date, $5::timestamptz, $6::smallint, $7::text, $8::text, $9::jsonb,
		$10::text, $11::text, $12::text, $13::timestamptz)
	RETURNING number
), ` + outboxCTEWith("r", "r.number::text", 14) + `
SELECT number FROM r`

// CreateRequest implements request.Store, in one statement.
func (s *Store) CreateRequest(ctx context.Context, r request.Request, events []store.Event) (request.Request, error) {
	r = r.Clone()
	truncRequest(&r)
	data, err := requestData(&r)
	if err != nil {
		return request.Request{}, err
	}
	evs, err := eventArgs(events)
	if err != nil {
		return request.Request{}, err
	}
	args := append([]any{int16(r.Kind), string(r.Certificate), r.Holder, r.Date, r.At, int16(r.Status), r.Reason,
		textOrNil(r.Token), data, textOrNil(r.Addressee), r.Text, r.Answer, instantOrNil(r.AnsweredAt)}, evs...)
	if err := s.db.QueryRow(ctx, s.q.createRequest, args...).Scan(&r.Number); err != nil {
		return request.Request{}, mapErr("create request", err)
	}
	r.Version = 1
	return r, nil
}

// CreateRequests implements stamp.Store in one transaction (pgx.BeginFunc: on the host's
// transaction, a savepoint): every request with its events, or none.
func (s *Store) CreateRequests(ctx context.Context, rs []request.Request, events [][]store.Event) ([]request.Request, error) {
	if len(events) != len(rs) {
		return nil, fmt.Errorf("pgstore: CreateRequests: %d requests but %d event lists", len(rs), len(events))
	}
	out := make([]request.Request, len(rs))
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		t := s.WithDB(tx)
		for i, r := range rs {
			var err error
			if out[i], err = t.CreateRequest(ctx, r, events[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// truncRequest keeps the instants at the microsecond PostgreSQL stores, so a request reads back as
// written.
func truncRequest(r *request.Request) {
	r.At, r.AnsweredAt = r.At.Truncate(time.Microsecond), r.AnsweredAt.Truncate(time.Microsecond)
}

func requestData(r *request.Request) (*string, error) {
	if len(r.Data) == 0 {
		return nil, nil
	}
	return jsonText(r.Data)
}

// instantOrNil returns nil for a zero instant (stored as NULL), else t.
func instantOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

func scanRequest(row pgx.Row) (request.Request, error) {
	var (
		r            request.Request
		kind, status int16
		no           string
		code         isikukood.Code
		data         []byte
		answered     *time.Time
	)
	if err := row.Scan(&r.Number, &kind, &no, &code, &r.Date, &r.At, &status, &r.Reason, &r.Token, &data,
		&r.Addressee, &r.Text, &r.Answer, &answered, &r.Version); err != nil {
		return r, err
	}
	if answered != nil {
		r.AnsweredAt = *answered
	}
	r.Kind, r.Certificate, r.Holder, r.Status = request.Kind(kind), certificate.Number(no), code, request.Status(status)
	if len(data) > 0 {
		if err := json.Unmarshal(data, &r.Data); err != nil {
			return r, fmt.Errorf("request data: %w", err)
		}
	}
	return r, nil
}

// HolderRequests implements request.Store.
func (s *Store) HolderRequests(ctx context.Context, holder isikukood.Code) ([]request.Request, error) {
	if holder.IsZero() {
		return []request.Request{}, nil
	}
	rows, err := s.db.Query(ctx, s.q.holderRequests, holder.String())
	if err != nil {
		return nil, mapErr("holder's requests", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (request.Request, error) { return scanRequest(r) })
	if err != nil {
		return nil, mapErr("holder's requests", err)
	}
	return out, nil
}

// RequestByToken implements request.Store.
func (s *Store) RequestByToken(ctx context.Context, token string) (request.Request, error) {
	if token == "" {
		return request.Request{}, fmt.Errorf("pgstore: request token: %w", store.ErrNotFound)
	}
	r, err := scanRequest(s.db.QueryRow(ctx, s.q.requestByToken, token))
	if err != nil {
		return request.Request{}, mapErr("request by token", err)
	}
	return r, nil
}

// requestQueries are the statements of the owner's requests beyond those in queries.
type requestQueries struct {
	get, update, version, list string
}

func buildRequestQueries(schema string) requestQueries {
	sub := func(q string) string { return strings.ReplaceAll(q, "{s}", schema) }
	return requestQueries{
		get: sub(`SELECT ` + requestCols + ` FROM {s}.owner_request WHERE number = $1`),
		update: sub(`WITH u AS (
	UPDATE {s}.owner_request SET date = $2::date, at = $3::timestamptz, status = $4::smallint, reason = $5::text,
		data = $6::jsonb, addressee = $7::text, text = $8::text, answer = $9::text, answered_at = $10::timestamptz,
		version = version + 1
	WHERE number = $1::bigint AND version = $11::bigint AND kind = $12::smallint AND certificate = $13::text
		AND holder_code = $14::text AND token IS NOT DISTINCT FROM $15::text
	RETURNING number, version
), ` + outboxCTEWith("u", "u.number::text", 16) + `
SELECT version FROM u`),
		version: sub(`SELECT version, kind, certificate, holder_code, token IS NOT DISTINCT FROM $2::text FROM {s}.owner_request WHERE number = $1`),
		list: sub(`SELECT ` + requestCols + ` FROM {s}.owner_request
WHERE number > $1::bigint
	AND ($2::text = '' OR addressee = $2::text)
	AND ($3::smallint = 0 OR kind = $3::smallint)
	AND (NOT $4::boolean OR status = 1)
ORDER BY number
LIMIT $5`),
	}
}

// Request implements request.ServiceStore.
func (s *Store) Request(ctx context.Context, n int64) (request.Request, error) {
	r, err := scanRequest(s.db.QueryRow(ctx, s.rq.get, n))
	if err != nil {
		return request.Request{}, mapErr("request "+strconv.FormatInt(n, 10), err)
	}
	return r, nil
}

// UpdateRequest implements request.ServiceStore, in one statement with its events.
func (s *Store) UpdateRequest(ctx context.Context, r request.Request, events []store.Event) (request.Request, error) {
	r = r.Clone()
	truncRequest(&r)
	op := "update request " + strconv.FormatInt(r.Number, 10)
	data, err := requestData(&r)
	if err != nil {
		return request.Request{}, mapErr(op, err)
	}
	evs, err := eventArgs(events)
	if err != nil {
		return request.Request{}, mapErr(op, err)
	}
	args := append([]any{r.Number, r.Date, r.At, int16(r.Status), r.Reason, data, textOrNil(r.Addressee), r.Text, r.Answer,
		instantOrNil(r.AnsweredAt), r.Version, int16(r.Kind), string(r.Certificate), r.Holder.String(), textOrNil(r.Token)}, evs...)
	var v int64
	err = s.db.QueryRow(ctx, s.rq.update, args...).Scan(&v)
	if err == nil {
		r.Version = v
		return r, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return request.Request{}, mapErr(op, err)
	}
	var (
		stored    int64
		kind      int16
		no, code  string
		sameToken bool
	)
	if err := s.db.QueryRow(ctx, s.rq.version, r.Number, textOrNil(r.Token)).Scan(&stored, &kind, &no, &code, &sameToken); err != nil {
		return request.Request{}, mapErr(op, err)
	}
	if request.Kind(kind) != r.Kind || no != string(r.Certificate) || code != r.Holder.String() || !sameToken {
		return request.Request{}, fmt.Errorf("pgstore: %s: the kind, the certificate, the holder and the token never change: %w", op, certificate.ErrInvalid)
	}
	return request.Request{}, fmt.Errorf("pgstore: %s: stored version %d, not %d: %w", op, stored, r.Version, store.ErrConflict)
}

// Requests implements request.ServiceStore.
func (s *Store) Requests(ctx context.Context, q request.Query) ([]request.Request, error) {
	rows, err := s.db.Query(ctx, s.rq.list, max(q.AfterNumber, 0), q.Addressee, int16(q.Kind), q.Open, q.EffectiveLimit())
	return collect(rows, err, "requests", scanRequest)
}
