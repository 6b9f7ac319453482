package memstore

import (
	"cmp"
	"context"
	"slices"

	"github.com/google/btree"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/store"
)

// certRecord is one stored certificate with the texts the public search matches, lower-cased once
// when the record is written rather than on every query (certificate.SearchEntry, SearchName).
type certRecord struct {
	c           certificate.Certificate
	entry, name string
}

// matches reports whether the record is one q selects (certificate.PublicQuery.MatchesSearch).
func (r *certRecord) matches(q certificate.PublicQuery) bool {
	return q.MatchesSearch(&r.c, r.entry, r.name)
}

// newPublicIndex returns the ordered index of the records the public may find: not hidden and of a
// public kind (CERT-04, certificate.Kind.Public), by number as Go (and PostgreSQL's "C" collation)
// orders strings. A B-tree (github.com/google/btree, the well-kept one) keeps insertion and the
// search for a page's first record at O(log n), and walking on from there costs only the records
// looked at, so a page never sorts or copies more than it returns.
func newPublicIndex() *btree.BTreeG[*certRecord] {
	return btree.NewG(32, func(a, b *certRecord) bool { return a.c.Number < b.c.Number })
}

// put stores c (a copy the store owns) under its number, new or replacing, and keeps the holder's
// list and the public index in step. The caller holds s.mu.
func (s *Store) put(c certificate.Certificate) {
	r, ok := s.certs[c.Number]
	if !ok {
		r = &certRecord{}
		s.certs[c.Number] = r
		if !c.Holder.Code.IsZero() {
			s.byHolder[c.Holder.Code] = append(s.byHolder[c.Holder.Code], c.Number)
		}
	}
	r.c, r.entry, r.name = c, certificate.SearchEntry(&c), certificate.SearchName(&c)
	if !c.Hidden && c.Kind.Public() {
		s.public.ReplaceOrInsert(r)
	} else {
		s.public.Delete(r)
	}
}

// PersonalDataDue implements certificate.Store. It scans every record, as memstore's other periodic
// queries do.
func (s *Store) PersonalDataDue(ctx context.Context, on calendar.Date, after certificate.Number, limit int) ([]certificate.Certificate, error) {
	return s.scan(ctx, limit, func(c *certificate.Certificate) bool {
		return c.Number > after && c.PersonalDataDueOn(on)
	}, func(a, b *certificate.Certificate) int { return cmp.Compare(a.Number, b.Number) })
}

// ErasePersonalData implements certificate.Store.
func (s *Store) ErasePersonalData(ctx context.Context, no certificate.Number, version int64, on calendar.Date, events []store.Event) (certificate.Certificate, error) {
	return s.versioned(ctx, no, version, events, func(c *certificate.Certificate) {
		if code := c.Holder.Code; !code.IsZero() {
			s.byHolder[code] = slices.DeleteFunc(s.byHolder[code], func(n certificate.Number) bool { return n == no })
			if len(s.byHolder[code]) == 0 {
				delete(s.byHolder, code)
			}
		}
		c.Holder = certificate.Holder{}
		c.PersonalDataErased = on
	})
}
