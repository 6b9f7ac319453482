// Package memstore implements every store interface of the SDK in memory: the embedded default for
// examples, tests and small hosts. It passes the conformance suite storetest.Run.
//
// The store is safe for concurrent use (one mutex: every method is a transaction, so a change and
// its outbox events are committed together or not at all). It copies records in and out, never
// sharing memory with its caller, and is deterministic: numbers and event IDs are sequential and
// results are sorted, so examples can print them.
//
// # Public queries
//
// The records the public may find (not hidden, of a public kind: CERT-04, certificate.Kind.Public)
// are kept in a B-tree ordered by number (github.com/google/btree, the B-tree most Go projects use,
// generic since v1.1): a page of a public query starts at its place in the tree (After) and walks on
// until it is full, so it reads and copies only what it returns, never sorting the store; a number is
// one map look-up. The texts the search matches are lower-cased once, when a record is written. A
// text that few records contain still walks every public record: memstore has no text index.
//
// # Performance
//
// Measured with `go test -bench . ./store/memstore` on the project's go-svc machine (2 cores, AMD
// EPYC, Go 1.26.8), three runs: issuing one certificate with an allocated number and one event takes
// 2.3–3.9 µs on one goroutine (256,000–435,000 certificates/s; target ≥ 100,000/s), reading one
// 134–140 ns. Public queries on 10^6 certificates (BenchmarkPublicPage, measured 2026-12-03 on a quiet
// machine, -cpu 1, medians of five runs): a page of 100 205–250 µs, a number 0.94 µs, a title word of
// 2 % of records 439 µs, and always 162 KB per page of 100, whatever the store's size (before: 7.7 s
// and 3.2 GB per page). A text that few records have walks every public record: 173 ms. The search
// of qualifications open for application over 1,000 standards takes 23–264 µs (target ≤ 1 ms). See
// docs/performance.md.
package memstore

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/google/btree"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/store"
)

// Store is the in-memory store. The zero value is not ready; use [New].
type Store struct {
	mu       sync.Mutex
	certs    map[certificate.Number]*certRecord
	public   *btree.BTreeG[*certRecord] // the records the public may find, by number (certindex.go)
	byHolder map[isikukood.Code][]certificate.Number
	counters map[string]int64 // series key → last counter handed out
	idem     map[string]idemEntry
	outbox   outbox            // the outbox (outbox.go)
	requests []request.Request // in Number order; requests[i].Number == i+1
	tokens   map[string]int64  // request token → number
	dup      duplicateState    // package duplicate's records (duplicate.go)
	exam     examState         // packages exam/...'s records (exam.go)
	reg      registerState     // package classifier/register's records (register.go)
	app      applicationState  // package application's records (application.go)
	voc      vocationalState   // package exam/vocational's records (vocational.go)
}

type idemEntry struct {
	number      certificate.Number
	fingerprint string
}

// New returns an empty store.
func New() *Store {
	return &Store{
		certs:    map[certificate.Number]*certRecord{},
		public:   newPublicIndex(),
		byHolder: map[isikukood.Code][]certificate.Number{},
		counters: map[string]int64{},
		idem:     map[string]idemEntry{},
		tokens:   map[string]int64{},
		dup:      newDuplicateState(),
		exam:     newExamState(),
		reg:      newRegisterState(),
		app:      newApplicationState(),
	}
}

var (
	_ certificate.Store = (*Store)(nil)
	_ request.Store     = (*Store)(nil)
	_ store.Outbox      = (*Store)(nil)
)

// Certificate implements certificate.Store.
func (s *Store) Certificate(ctx context.Context, no certificate.Number) (certificate.Certificate, error) {
	if err := ctx.Err(); err != nil {
		return certificate.Certificate{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.certs[no]
	if !ok {
		return certificate.Certificate{}, fmt.Errorf("memstore: certificate %q: %w", no, store.ErrNotFound)
	}
	return r.c.Clone(), nil
}

// HolderCertificates implements certificate.Store.
func (s *Store) HolderCertificates(ctx context.Context, code isikukood.Code) ([]certificate.Certificate, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	nos := s.byHolder[code]
	out := make([]certificate.Certificate, 0, len(nos))
	for _, no := range nos {
		out = append(out, s.certs[no].c.Clone())
	}
	slices.SortFunc(out, func(a, b certificate.Certificate) int { return strings.Compare(string(a.Number), string(b.Number)) })
	return out, nil
}

// PublicCertificates implements certificate.Store. A number is looked up in the map; any other query
// walks the index of public records in number order from After and stops when the page is full, so
// it keeps only the page it returns (see certindex.go).
func (s *Store) PublicCertificates(ctx context.Context, q certificate.PublicQuery) ([]certificate.Certificate, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := q.Check(); err != nil {
		return nil, fmt.Errorf("memstore: public query: %w", err)
	}
	q.Text = strings.ToLower(q.Text)
	n := q.EffectiveLimit()
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []certificate.Certificate{}
	if q.Number != "" {
		if r, ok := s.certs[q.Number]; ok && r.matches(q) {
			out = append(out, r.c.Clone())
		}
		return out, nil
	}
	s.public.AscendGreaterOrEqual(&certRecord{c: certificate.Certificate{Number: q.After}}, func(r *certRecord) bool {
		if r.matches(q) {
			out = append(out, r.c.Clone())
		}
		return len(out) < n
	})
	return out, nil
}

// IssueCertificate implements certificate.Store.
func (s *Store) IssueCertificate(ctx context.Context, in certificate.Issue) (certificate.Certificate, error) {
	if err := ctx.Err(); err != nil {
		return certificate.Certificate{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, _, err := s.issueLocked(in)
	return c, err
}

// issueLocked issues in as IssueCertificate does and reports whether it issued a new certificate
// (false: an idempotent repeat, nothing written): a batch of one (batch.go), every check made before
// anything is written. The caller holds s.mu.
func (s *Store) issueLocked(in certificate.Issue) (certificate.Certificate, bool, error) {
	batch := []certificate.Issue{in}
	p, err := s.planIssues(batch)
	if err != nil {
		return certificate.Certificate{}, false, err
	}
	s.commitIssues(&p, batch)
	return p.certs[0].Clone(), p.fresh[0], nil
}

// UpdateCertificate implements certificate.Store.
func (s *Store) UpdateCertificate(ctx context.Context, c certificate.Certificate, events []store.Event) (certificate.Certificate, error) {
	if err := ctx.Err(); err != nil {
		return certificate.Certificate{}, err
	}
	c = c.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.certs[c.Number]
	if !ok {
		return certificate.Certificate{}, fmt.Errorf("memstore: certificate %q: %w", c.Number, store.ErrNotFound)
	}
	old := &r.c
	if old.Version != c.Version {
		return certificate.Certificate{}, fmt.Errorf("memstore: certificate %q has version %d, not %d: %w", c.Number, old.Version, c.Version, store.ErrConflict)
	}
	if old.Kind != c.Kind || old.Holder.Code != c.Holder.Code {
		return certificate.Certificate{}, fmt.Errorf("memstore: certificate %q: the kind and the holder's code never change: %w", c.Number, certificate.ErrInvalid)
	}
	c.Version++
	c.ExpiryNotice, c.PersonalDataErased = old.ExpiryNotice, old.PersonalDataErased // set by their own methods only
	if !old.PersonalDataErased.IsZero() {
		c.Holder = certificate.Holder{} // personal data once erased are never written back (CERT-12)
	}
	s.put(c)
	s.appendEvents(events, string(c.Number))
	return c.Clone(), nil
}

// CreateRequest implements request.Store.
func (s *Store) CreateRequest(ctx context.Context, r request.Request, events []store.Event) (request.Request, error) {
	if err := ctx.Err(); err != nil {
		return request.Request{}, err
	}
	r = r.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.Token != "" {
		if _, taken := s.tokens[r.Token]; taken {
			return request.Request{}, fmt.Errorf("memstore: request token: %w", store.ErrExists)
		}
	}
	return s.addRequest(r, events), nil
}

// CreateRequests implements stamp.Store: every request with its events, under one lock, or none
// when a token is taken (also by another request of the batch).
func (s *Store) CreateRequests(ctx context.Context, rs []request.Request, events [][]store.Event) ([]request.Request, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(events) != len(rs) {
		return nil, fmt.Errorf("memstore: CreateRequests: %d requests but %d event lists", len(rs), len(events))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := map[string]bool{}
	for _, r := range rs {
		if r.Token == "" {
			continue
		}
		if _, taken := s.tokens[r.Token]; taken || seen[r.Token] {
			return nil, fmt.Errorf("memstore: request token: %w", store.ErrExists)
		}
		seen[r.Token] = true
	}
	out := make([]request.Request, len(rs))
	for i, r := range rs {
		out[i] = s.addRequest(r.Clone(), events[i])
	}
	return out, nil
}

// addRequest numbers r, stores it with its events and returns a copy; s.mu is held and r's token
// is free.
func (s *Store) addRequest(r request.Request, events []store.Event) request.Request {
	r.Number, r.Version = int64(len(s.requests)+1), 1
	s.requests = append(s.requests, r)
	if r.Token != "" {
		s.tokens[r.Token] = r.Number
	}
	s.appendEvents(events, strconv.FormatInt(r.Number, 10))
	return r.Clone()
}

// HolderRequests implements request.Store.
func (s *Store) HolderRequests(ctx context.Context, holder isikukood.Code) ([]request.Request, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []request.Request{}
	for i := len(s.requests) - 1; i >= 0; i-- {
		if r := s.requests[i]; r.Holder == holder && !holder.IsZero() {
			out = append(out, r.Clone())
		}
	}
	return out, nil
}

// RequestByToken implements request.Store.
func (s *Store) RequestByToken(ctx context.Context, token string) (request.Request, error) {
	if err := ctx.Err(); err != nil {
		return request.Request{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n, ok := s.tokens[token]
	if !ok || token == "" {
		return request.Request{}, fmt.Errorf("memstore: request token: %w", store.ErrNotFound)
	}
	return s.requests[n-1].Clone(), nil
}

// ExpiringCertificates implements certificate.Store.
func (s *Store) ExpiringCertificates(ctx context.Context, from, until calendar.Date, limit int) ([]certificate.Certificate, error) {
	return s.scan(ctx, limit, func(c *certificate.Certificate) bool {
		return !c.ValidUntil.IsZero() && !c.ValidUntil.Before(from) && !c.ValidUntil.After(until) &&
			c.Invalidated.IsZero() && c.Replaced.IsZero() && c.ExpiryNotice.IsZero()
	}, func(a, b *certificate.Certificate) int {
		if c := a.ValidUntil.Compare(b.ValidUntil); c != 0 {
			return c
		}
		return strings.Compare(string(a.Number), string(b.Number))
	})
}

// scan returns copies of at most limit (0: 1000) certificates that keep selects, in the order of
// compare. It reads every record: for the registrar's periodic jobs, not for public queries.
func (s *Store) scan(ctx context.Context, limit int, keep func(*certificate.Certificate) bool, compare func(a, b *certificate.Certificate) int) ([]certificate.Certificate, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 1000
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var sel []*certificate.Certificate
	for _, r := range s.certs {
		if keep(&r.c) {
			sel = append(sel, &r.c)
		}
	}
	slices.SortFunc(sel, compare)
	out := make([]certificate.Certificate, 0, min(limit, len(sel)))
	for _, c := range sel[:min(limit, len(sel))] {
		out = append(out, c.Clone())
	}
	return out, nil
}

// MarkExpiryNotified implements certificate.Store.
func (s *Store) MarkExpiryNotified(ctx context.Context, no certificate.Number, version int64, on calendar.Date, events []store.Event) (certificate.Certificate, error) {
	return s.versioned(ctx, no, version, events, func(c *certificate.Certificate) { c.ExpiryNotice = on })
}

// versioned applies change to certificate no if its stored Version equals version, with events, and
// returns it with Version+1; otherwise an error wrapping store.ErrConflict or store.ErrNotFound.
func (s *Store) versioned(ctx context.Context, no certificate.Number, version int64, events []store.Event, change func(*certificate.Certificate)) (certificate.Certificate, error) {
	if err := ctx.Err(); err != nil {
		return certificate.Certificate{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.certs[no]
	if !ok {
		return certificate.Certificate{}, fmt.Errorf("memstore: certificate %q: %w", no, store.ErrNotFound)
	}
	if r.c.Version != version {
		return certificate.Certificate{}, fmt.Errorf("memstore: certificate %q has version %d, not %d: %w", no, r.c.Version, version, store.ErrConflict)
	}
	c := r.c.Clone()
	change(&c)
	c.Version++
	s.put(c)
	s.appendEvents(events, string(no))
	return c.Clone(), nil
}
