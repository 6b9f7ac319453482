package memstore

import (
	"context"
	"fmt"
	"strconv"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/store"
)

// Request implements request.ServiceStore.
func (s *Store) Request(ctx context.Context, n int64) (request.Request, error) {
	if err := ctx.Err(); err != nil {
		return request.Request{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if n < 1 || n > int64(len(s.requests)) {
		return request.Request{}, fmt.Errorf("memstore: request %d: %w", n, store.ErrNotFound)
	}
	return s.requests[n-1].Clone(), nil
}

// UpdateRequest implements request.ServiceStore.
func (s *Store) UpdateRequest(ctx context.Context, r request.Request, events []store.Event) (request.Request, error) {
	if err := ctx.Err(); err != nil {
		return request.Request{}, err
	}
	r = r.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.Number < 1 || r.Number > int64(len(s.requests)) {
		return request.Request{}, fmt.Errorf("memstore: request %d: %w", r.Number, store.ErrNotFound)
	}
	old := &s.requests[r.Number-1]
	switch {
	case old.Version != r.Version:
		return request.Request{}, fmt.Errorf("memstore: request %d has version %d, not %d: %w", r.Number, old.Version, r.Version, store.ErrConflict)
	case old.Kind != r.Kind || old.Certificate != r.Certificate || old.Holder != r.Holder || old.Token != r.Token:
		return request.Request{}, fmt.Errorf("memstore: request %d: the kind, the certificate, the holder and the token never change: %w", r.Number, certificate.ErrInvalid)
	}
	r.Version++
	*old = r
	s.appendEvents(events, strconv.FormatInt(r.Number, 10))
	return r.Clone(), nil
}

// Requests implements request.ServiceStore.
func (s *Store) Requests(ctx context.Context, q request.Query) ([]request.Request, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	n := q.EffectiveLimit()
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []request.Request{}
	for i := range s.requests {
		if len(out) == n {
			break
		}
		if r := &s.requests[i]; q.Matches(r) {
			out = append(out, r.Clone())
		}
	}
	return out, nil
}
