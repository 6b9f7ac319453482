package memstore

import (
	"context"
	"fmt"
	"slices"

	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/store"
)

// registerState holds package register's records; every method reads and writes it under s.mu.
type registerState struct {
	standards map[register.ID]register.Standard // by the standard's id
	versionOf map[register.ID]register.ID       // version id → standard id
	bodies    map[string]register.AwardingBody  // by registry code
	entries   map[entryKey][]register.Entry     // the search index, by standard and body
	sorted    []*register.Entry                 // every entry in search order; nil when stale
}

type entryKey struct {
	standard register.ID
	body     string
}

func newRegisterState() registerState {
	return registerState{
		standards: map[register.ID]register.Standard{},
		versionOf: map[register.ID]register.ID{},
		bodies:    map[string]register.AwardingBody{},
		entries:   map[entryKey][]register.Entry{},
	}
}

var _ register.Store = (*Store)(nil)

// Standard implements register.Store.
func (s *Store) Standard(ctx context.Context, id register.ID) (register.Standard, error) {
	if err := ctx.Err(); err != nil {
		return register.Standard{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.reg.standards[s.reg.versionOf[id]]
	if !ok {
		return register.Standard{}, fmt.Errorf("memstore: standard %s: %w", id, store.ErrNotFound)
	}
	return st.Clone(), nil
}

// PutStandard implements register.Store.
func (s *Store) PutStandard(ctx context.Context, st register.Standard) (register.Standard, error) {
	if err := ctx.Err(); err != nil {
		return register.Standard{}, err
	}
	st = st.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	r := &s.reg
	old, exists := r.standards[st.ID]
	rev, err := register.NextRevision("standard "+st.ID.String(), st.Revision, old.Revision, exists)
	if err != nil {
		return register.Standard{}, err
	}
	for _, v := range st.Versions {
		if owner, ok := r.versionOf[v.ID]; ok && owner != st.ID {
			return register.Standard{}, fmt.Errorf("memstore: version %s belongs to standard %s: %w", v.ID, owner, store.ErrExists)
		}
	}
	for _, v := range old.Versions {
		delete(r.versionOf, v.ID)
	}
	for _, v := range st.Versions {
		r.versionOf[v.ID] = st.ID
	}
	st.Revision = rev
	r.standards[st.ID] = st
	for code, b := range r.bodies {
		r.index(&st, &b, code)
	}
	return st.Clone(), nil
}

// index rebuilds the entries of standard st as body b (with registry code code) awards it.
func (r *registerState) index(st *register.Standard, b *register.AwardingBody, code string) {
	k := entryKey{st.ID, code}
	es := register.Entries(st, b)
	if len(es) == 0 && len(r.entries[k]) == 0 {
		return
	}
	if len(es) == 0 {
		delete(r.entries, k)
	} else {
		r.entries[k] = es
	}
	r.sorted = nil
}

// AwardingBody implements register.Store.
func (s *Store) AwardingBody(ctx context.Context, code string) (register.AwardingBody, error) {
	if err := ctx.Err(); err != nil {
		return register.AwardingBody{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.reg.bodies[code]
	if !ok {
		return register.AwardingBody{}, fmt.Errorf("memstore: awarding body %q: %w", code, store.ErrNotFound)
	}
	return b.Clone(), nil
}

// PutAwardingBody implements register.Store.
func (s *Store) PutAwardingBody(ctx context.Context, b register.AwardingBody) (register.AwardingBody, error) {
	if err := ctx.Err(); err != nil {
		return register.AwardingBody{}, err
	}
	b = b.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	r := &s.reg
	old, exists := r.bodies[b.Code]
	rev, err := register.NextRevision("awarding body "+b.Code, b.Revision, old.Revision, exists)
	if err != nil {
		return register.AwardingBody{}, err
	}
	b.Revision = rev
	r.bodies[b.Code] = b
	touched := map[register.ID]bool{}
	for _, a := range slices.Concat(old.Awards, b.Awards) {
		if id, ok := r.versionOf[a.Standard]; ok && !touched[id] {
			touched[id] = true
			st := r.standards[id]
			r.index(&st, &b, b.Code)
		}
	}
	return b.Clone(), nil
}

// SearchQualifications implements register.Store. It keeps the index sorted once per change and
// scans it for each search: memstore is for tests and small hosts (see the package doc's figures).
func (s *Store) SearchQualifications(ctx context.Context, m register.Match) ([]register.Row, int, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r := &s.reg
	if r.sorted == nil {
		r.sorted = make([]*register.Entry, 0, len(r.entries))
		for _, es := range r.entries {
			for i := range es {
				r.sorted = append(r.sorted, &es[i])
			}
		}
		slices.SortFunc(r.sorted, register.CompareEntries)
	}
	var rows []register.Row
	total := 0
	for _, e := range r.sorted {
		if !m.Matches(e) {
			continue
		}
		if total >= m.Offset && len(rows) < m.Limit {
			row := e.Row
			row.Qualifications = slices.Clone(row.Qualifications)
			row.Partials = slices.Clone(row.Partials)
			rows = append(rows, row)
		}
		total++
	}
	return rows, total, nil
}
