package pgstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/store"
)

var _ request.Store = (*Store)(nil)

const requestCols = `number, kind, certificate, holder_code, date, at, status, reason, coalesce(token, ''), data`

// createRequestSQL inserts a request and its events in one statement.
var createRequestSQL = `WITH r AS (
	INSERT INTO {s}.owner_request (kind, certificate, holder_code, date, at, status, reason, token, data)
	VALUES ($1::smallint, $2::text, $3::text, $4::date, $5::timestamptz, $6::smallint, $7::text, $8::text, $9::jsonb)
	RETURNING number
), ` + outboxCTEWith("r", "r.number::text", 10) + `
SELECT number FROM r`

// CreateRequest implements request.Store, in one statement.
func (s *Store) CreateRequest(ctx context.Context, r request.Request, events []store.Event) (request.Request, error) {
	r = r.Clone()
	var data *string
	if len(r.Data) > 0 {
		b, err := json.Marshal(r.Data)
		if err != nil {
			return request.Request{}, err
		}
		str := string(b)
		data = &str
	}
	evs, err := eventArgs(events)
	if err != nil {
		return request.Request{}, err
	}
	args := append([]any{int16(r.Kind), string(r.Certificate), r.Holder, r.Date, r.At, int16(r.Status), r.Reason,
		textOrNil(r.Token), data}, evs...)
	if err := s.db.QueryRow(ctx, s.q.createRequest, args...).Scan(&r.Number); err != nil {
		return request.Request{}, mapErr("create request", err)
	}
	return r, nil
}

func scanRequest(row pgx.Row) (request.Request, error) {
	var (
		r            request.Request
		kind, status int16
		no           string
		code         isikukood.Code
		data         []byte
	)
	if err := row.Scan(&r.Number, &kind, &no, &code, &r.Date, &r.At, &status, &r.Reason, &r.Token, &data); err != nil {
		return r, err
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
