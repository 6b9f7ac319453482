package memstore

import (
	"context"
	"fmt"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/duplicate"
	"github.com/kutsekit/kutse/store"
)

// duplicateState holds package duplicate's records; every method reads and writes it under s.mu.
type duplicateState struct {
	cases []duplicate.Case // in ID order; cases[i].ID == i+1
}

func newDuplicateState() duplicateState { return duplicateState{} }

var _ duplicate.Store = (*Store)(nil)

// dupTaken reports whether a case other than id names duplicate no; the caller holds s.mu.
func (s *Store) dupTaken(no certificate.Number, id int64) bool {
	if no == "" {
		return false
	}
	for i := range s.dup.cases {
		if c := &s.dup.cases[i]; c.ID != id && c.Duplicate == no {
			return true
		}
	}
	return false
}

// CreateCase implements duplicate.Store.
func (s *Store) CreateCase(ctx context.Context, c duplicate.Case, events []store.Event) (duplicate.Case, error) {
	if err := ctx.Err(); err != nil {
		return duplicate.Case{}, err
	}
	c = c.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.dupTaken(c.Duplicate, 0) {
		return duplicate.Case{}, fmt.Errorf("memstore: duplicate %q is named by another case: %w", c.Duplicate, store.ErrExists)
	}
	c.ID, c.Version = int64(len(s.dup.cases)+1), 1
	s.dup.cases = append(s.dup.cases, c)
	s.appendEvents(events, c.Subject())
	return c.Clone(), nil
}

// Case implements duplicate.Store.
func (s *Store) Case(ctx context.Context, id int64) (duplicate.Case, error) {
	if err := ctx.Err(); err != nil {
		return duplicate.Case{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if id < 1 || id > int64(len(s.dup.cases)) {
		return duplicate.Case{}, fmt.Errorf("memstore: case %d: %w", id, store.ErrNotFound)
	}
	return s.dup.cases[id-1].Clone(), nil
}

// checkCase checks that c can replace the stored case; the caller holds s.mu.
func (s *Store) checkCase(c *duplicate.Case) error {
	if c.ID < 1 || c.ID > int64(len(s.dup.cases)) {
		return fmt.Errorf("memstore: case %d: %w", c.ID, store.ErrNotFound)
	}
	if old := s.dup.cases[c.ID-1].Version; old != c.Version {
		return fmt.Errorf("memstore: case %d has version %d, not %d: %w", c.ID, old, c.Version, store.ErrConflict)
	}
	if s.dupTaken(c.Duplicate, c.ID) {
		return fmt.Errorf("memstore: duplicate %q is named by another case: %w", c.Duplicate, store.ErrExists)
	}
	return nil
}

// UpdateCase implements duplicate.Store.
func (s *Store) UpdateCase(ctx context.Context, c duplicate.Case, events []store.Event) (duplicate.Case, error) {
	if err := ctx.Err(); err != nil {
		return duplicate.Case{}, err
	}
	c = c.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkCase(&c); err != nil {
		return duplicate.Case{}, err
	}
	c.Version++
	s.dup.cases[c.ID-1] = c
	s.appendEvents(events, c.Subject())
	return c.Clone(), nil
}

// Cases implements duplicate.Store.
func (s *Store) Cases(ctx context.Context, q duplicate.CaseQuery) ([]duplicate.Case, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	n := q.EffectiveLimit()
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []duplicate.Case{}
	for i := range s.dup.cases {
		if len(out) == n {
			break
		}
		if c := &s.dup.cases[i]; q.Matches(c) {
			out = append(out, c.Clone())
		}
	}
	return out, nil
}

// IssueDuplicate implements duplicate.Store. Every check is made before anything is written, all
// under the store's one lock, so the case, the original, the duplicate, its number and the events
// are committed together or not at all.
func (s *Store) IssueDuplicate(ctx context.Context, in duplicate.Issue) (duplicate.Issued, error) {
	if err := ctx.Err(); err != nil {
		return duplicate.Issued{}, err
	}
	c, orig, dup := in.Case.Clone(), in.Original.Clone(), in.Duplicate.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkCase(&c); err != nil {
		return duplicate.Issued{}, err
	}
	oldRec, ok := s.certs[orig.Number]
	var old certificate.Certificate
	if ok {
		old = oldRec.c
	}
	switch {
	case !ok:
		return duplicate.Issued{}, fmt.Errorf("memstore: original %q: %w", orig.Number, store.ErrNotFound)
	case old.Version != orig.Version:
		return duplicate.Issued{}, fmt.Errorf("memstore: original %q has version %d, not %d: %w", orig.Number, old.Version, orig.Version, store.ErrConflict)
	case old.Kind != orig.Kind || old.Holder.Code != orig.Holder.Code:
		return duplicate.Issued{}, fmt.Errorf("memstore: original %q: the kind and the holder's code never change: %w", orig.Number, certificate.ErrInvalid)
	}
	var counter int64
	key := ""
	if dup.Number == "" {
		se := in.Series
		if se.Width < 1 {
			return duplicate.Issued{}, fmt.Errorf("memstore: duplicate: no number and no series to allocate one from: %w", certificate.ErrInvalid)
		}
		key = se.Key()
		n := s.counters[key]
		if first := max(se.First, 1); n < first-1 {
			n = first - 1
		}
		for {
			n++
			if n > se.Max() {
				return duplicate.Issued{}, fmt.Errorf("memstore: series %q is exhausted: %w", key, store.ErrExists)
			}
			if _, taken := s.certs[se.Format(n)]; !taken {
				break
			}
		}
		counter, dup.Number = n, se.Format(n)
	} else if _, taken := s.certs[dup.Number]; taken {
		return duplicate.Issued{}, fmt.Errorf("memstore: duplicate %q: %w", dup.Number, store.ErrExists)
	}
	if s.dupTaken(dup.Number, c.ID) {
		return duplicate.Issued{}, fmt.Errorf("memstore: duplicate %q is named by another case: %w", dup.Number, store.ErrExists)
	}

	// Everything is checked: write.
	if key != "" {
		s.counters[key] = counter
	}
	dup.DuplicateOf, c.Duplicate = orig.Number, dup.Number
	if !orig.Replaced.Date.IsZero() {
		orig.Replaced.By = dup.Number
	}
	orig.Version++
	orig.ExpiryNotice, orig.PersonalDataErased = old.ExpiryNotice, old.PersonalDataErased
	s.put(orig)
	dup.Version = 1
	s.put(dup)
	c.Version++
	s.dup.cases[c.ID-1] = c
	s.appendEvents(in.Events, string(dup.Number))
	return duplicate.Issued{Case: c.Clone(), Original: orig.Clone(), Duplicate: dup.Clone()}, nil
}
