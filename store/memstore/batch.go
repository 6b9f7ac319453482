package memstore

import (
	"context"
	"fmt"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/store"
)

var _ certificate.BatchIssuer = (*Store)(nil)

// IssueCertificates implements certificate.BatchIssuer: every check is made before anything is
// written, under the store's one lock, so the batch is committed whole or not at all.
func (s *Store) IssueCertificates(ctx context.Context, in []certificate.Issue) ([]certificate.Certificate, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := certificate.CheckBatch(in); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p, err := s.planIssues(in)
	if err != nil {
		return nil, err
	}
	s.commitIssues(&p, in)
	out := make([]certificate.Certificate, len(p.certs))
	for i := range p.certs {
		out[i] = p.certs[i].Clone()
	}
	return out, nil
}

// issuePlan is what issuing a batch will write: the certificates in the order of the batch (fresh[i]
// false for one issued before under its idempotency key) and the series' new counters.
type issuePlan struct {
	certs    []certificate.Certificate
	fresh    []bool
	counters map[string]int64
}

// planIssues checks a batch against the store and allocates its numbers without writing anything;
// the caller holds s.mu and then calls commitIssues, or drops the plan.
func (s *Store) planIssues(in []certificate.Issue) (issuePlan, error) {
	p := issuePlan{certs: make([]certificate.Certificate, len(in)), fresh: make([]bool, len(in)), counters: map[string]int64{}}
	planned := make(map[certificate.Number]bool, len(in))
	taken := func(no certificate.Number) bool {
		_, stored := s.certs[no]
		return stored || planned[no]
	}
	for i := range in {
		it := &in[i]
		if it.IdempotencyKey != "" {
			if e, ok := s.idem[it.IdempotencyKey]; ok {
				if e.fingerprint != it.Fingerprint {
					return issuePlan{}, fmt.Errorf("memstore: idempotency key %q was used for another request: %w", it.IdempotencyKey, store.ErrExists)
				}
				p.certs[i] = s.certs[e.number].c
				continue
			}
		}
		c := it.Certificate.Clone()
		if c.Number == "" {
			se := it.Series
			if se.Width < 1 {
				return issuePlan{}, fmt.Errorf("memstore: no number and no series to allocate one from: %w", certificate.ErrInvalid)
			}
			key := se.Key()
			n, ok := p.counters[key]
			if !ok {
				n = s.counters[key]
			}
			if first := max(se.First, 1); n < first-1 {
				n = first - 1
			}
			for {
				n++
				if n > se.Max() {
					return issuePlan{}, fmt.Errorf("memstore: series %q is exhausted: %w", key, store.ErrExists)
				}
				if !taken(se.Format(n)) {
					break
				}
			}
			p.counters[key] = n
			c.Number = se.Format(n)
		} else if taken(c.Number) {
			return issuePlan{}, fmt.Errorf("memstore: certificate %q: %w", c.Number, store.ErrExists)
		}
		c.Version = 1
		planned[c.Number] = true
		p.certs[i], p.fresh[i] = c, true
	}
	return p, nil
}

// commitIssues writes a plan made by planIssues for the same batch; the caller holds s.mu.
func (s *Store) commitIssues(p *issuePlan, in []certificate.Issue) {
	for k, n := range p.counters {
		s.counters[k] = n
	}
	for i := range p.certs {
		if !p.fresh[i] {
			continue
		}
		c := p.certs[i]
		s.put(c.Clone())
		if k := in[i].IdempotencyKey; k != "" {
			s.idem[k] = idemEntry{number: c.Number, fingerprint: in[i].Fingerprint}
		}
		s.appendEvents(in[i].Events, string(c.Number))
	}
}
