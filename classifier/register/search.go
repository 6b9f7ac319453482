package register

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/law"
)

// Fold returns s as the search compares it: decomposed (NFD), with the combining marks dropped and
// lower-cased, its white space collapsed to single spaces and trimmed. So "Šokolaadimeister" and
// "sokolaadimeister" fold alike, as do "Õmbleja" and "OMBLEJA" (APP-01: the keyword is case- and
// diacritic-insensitive). It is safe for concurrent use.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// collators hands out Estonian collators: a collate.Collator is not safe for concurrent use.
var collators = sync.Pool{New: func() any { return &keyer{c: collate.New(language.Estonian)} }}

type keyer struct {
	c   *collate.Collator
	buf collate.Buffer
}

// SortKey returns the Estonian collation key of s (golang.org/x/text/collate, language.Estonian):
// comparing two keys byte by byte orders their strings as Estonians expect, with š, z and ž after s,
// and õ, ä, ö, ü after w. Stores keep the key and order by it (bytewise, as PostgreSQL compares
// bytea), so that every store orders alike whatever its own locale.
func SortKey(s string) []byte {
	k := collators.Get().(*keyer)
	key := bytes.Clone(k.c.KeyFromString(&k.buf, s))
	k.buf.Reset()
	collators.Put(k)
	return key
}

// Row is one row of the search of qualifications open for application (APP-01; seed 000 slide 4):
// the standard (kutsestandard) in the version in force, the qualifications and partial qualifications
// the awarding body awards under it (väljastatavad kutsed, väljastatavad osakutsed), and the body.
type Row struct {
	Standard       ID     // the standard, by the id of its first version
	Version        ID     // the version in force on the search's date
	Name           string // the version's name, e.g. "Keevitaja, tase 4"
	EKR            classifier.Level
	Qualifications []string
	Partials       []string
	Body           string // the awarding body's registry code
	BodyName       string // kutse andja
}

// Entry is a row of the search index with what the stores match and order it by: one version of a
// standard as one awarding body awards it. Stores build entries with [Entries], keep them, and neither
// compute keys nor match by themselves: [Match.Matches] and [CompareEntries] are the definition every
// store follows (pgstore translates them to SQL; the conformance suite checks that it agrees).
type Entry struct {
	Row
	From, Until calendar.Date // the days the row is open: the version's period within the body's mandate; zero Until: no end
	NameKey     []byte        // SortKey of Name
	BodyKey     []byte        // SortKey of BodyName
	Text        string        // Fold of every searchable text, one per line
	Group       string        // Fold of the qualification group
	Field       string        // Fold of the field
	Occupation  string        // Fold of the occupation
	Specs       []string      // Fold of each specialisation's name
	Partials    []string      // Fold of each partial qualification's name
}

// Entries returns the index entries of standard s as body b awards it: one per version whose period
// meets the body's mandate, or none when b awards none of s's versions. The keyword text holds the
// version's name, group, field and occupation, the qualifications and partial qualifications, and the
// body's name.
func Entries(s *Standard, b *AwardingBody) []Entry {
	ids := make([]ID, len(s.Versions))
	for i, v := range s.Versions {
		ids[i] = v.ID
	}
	a, ok := b.Award(ids...)
	if !ok {
		return nil
	}
	bodyKey := SortKey(b.Name)
	var out []Entry
	for _, v := range s.Versions {
		from, until, ok := intersect(v.InForce, b.Mandate)
		if !ok {
			continue
		}
		row := Row{Standard: s.ID, Version: v.ID, Name: v.Name, EKR: v.EKR,
			Qualifications: qualifications(v.Name, a.Basic, a.Specialisations), Partials: names(a.Partials),
			Body: b.Code, BodyName: b.Name}
		text := []string{v.Name, v.Group, v.Field, v.Occupation, b.Name}
		text = append(append(text, row.Qualifications...), row.Partials...)
		e := Entry{Row: row, From: from, Until: until, NameKey: SortKey(v.Name), BodyKey: bodyKey,
			Group: Fold(v.Group), Field: Fold(v.Field), Occupation: Fold(v.Occupation)}
		var t strings.Builder
		for _, s := range text {
			if f := Fold(s); f != "" {
				t.WriteString(f)
				t.WriteByte('\n')
			}
		}
		e.Text = t.String()
		for _, sp := range a.Specialisations {
			e.Specs = append(e.Specs, Fold(sp.Name))
		}
		for _, p := range a.Partials {
			e.Partials = append(e.Partials, Fold(p.Name))
		}
		out = append(out, e)
	}
	return out
}

// intersect returns the days of p within mandate m (a zero m: no limit), and false when none.
func intersect(p, m law.Period) (from, until calendar.Date, ok bool) {
	from, until = p.From, p.Until
	if !m.From.IsZero() && (from.IsZero() || from.Before(m.From)) {
		from = m.From
	}
	if !m.Until.IsZero() && (until.IsZero() || until.After(m.Until)) {
		until = m.Until
	}
	return from, until, from.IsZero() || until.IsZero() || !until.Before(from)
}

// CompareEntries orders entries as the search lists them: by the standard's name in Estonian
// collation order, then the awarding body's name, then the standard's id, the body's registry code and
// the version's id (so that the order is total and every store pages alike).
func CompareEntries(a, b *Entry) int {
	return cmp.Or(bytes.Compare(a.NameKey, b.NameKey), bytes.Compare(a.BodyKey, b.BodyKey),
		cmp.Compare(a.Standard, b.Standard), strings.Compare(a.Body, b.Body), cmp.Compare(a.Version, b.Version))
}

// The page sizes of the search.
const (
	DefaultPageSize = 30  // the register's "Näitan: 1-30"
	MaxPageSize     = 500 // the largest page the register's X-Road search returns (kirjeteArvType)
)

// Query is a search of qualifications open for application (APP-01): every filter that is set must
// match. Filters compare case- and diacritic-insensitively ([Fold]); the keyword's words must each occur
// somewhere in the row's texts.
type Query struct {
	On             calendar.Date // the day the qualifications must be open; zero: today
	Keyword        string        // märksõna
	Group          string        // kutse grupp: the qualification group, exactly
	Field          string        // valdkond, exactly
	Specialisation string        // spetsialiseerumine: one of the qualifications awarded, exactly
	Occupation     string        // kutseala, exactly
	Partial        string        // osakutse: one of the partial qualifications awarded, exactly
	Body           string        // kutse andja, by registry code
	Page           int           // 1-based; 0: the first
	PageSize       int           // lehekülje suurus, 1–500; 0: 30
}

// Match is a [Query] made ready for a store: its texts folded, its keyword split into words, its page
// turned into an offset and a limit. Build it with [Query.Match].
type Match struct {
	On                                                calendar.Date
	Words                                             []string // the keyword's words, folded
	Group, Field, Specialisation, Occupation, Partial string   // folded; "" matches all
	Body                                              string
	Offset, Limit                                     int
}

// Match checks q and returns it ready for a store. An unset On must be filled in by the caller (the
// [Catalogue] puts today's date). The error wraps invalid.ErrInvalid and names the field.
func (q Query) Match() (Match, error) {
	c := newChecker()
	for _, f := range []struct{ name, v string }{{"Keyword", q.Keyword}, {"Group", q.Group}, {"Field", q.Field},
		{"Specialisation", q.Specialisation}, {"Occupation", q.Occupation}, {"Partial", q.Partial}} {
		c.text(f.name, f.v, false, 300)
	}
	if q.Body != "" && !ValidRegistryCode(q.Body) {
		c.add("Body", q.Body, "must be an awarding body's registry code of eight digits")
	}
	if q.On.IsZero() || !q.On.IsValid() {
		c.add("On", "", "must be a real date")
	}
	if q.Page < 0 {
		c.add("Page", strconv.Itoa(q.Page), "must be 1 or more (0 for the first)")
	}
	if q.PageSize < 0 || q.PageSize > MaxPageSize {
		c.add("PageSize", strconv.Itoa(q.PageSize), "must be 1–500 (0 for 30)")
	}
	if err := c.err(); err != nil {
		return Match{}, err
	}
	size := cmp.Or(q.PageSize, DefaultPageSize)
	page := max(q.Page, 1)
	if page > (1<<31)/size {
		page = (1 << 31) / size
	}
	return Match{On: q.On, Words: strings.Fields(Fold(q.Keyword)), Group: Fold(q.Group), Field: Fold(q.Field),
		Specialisation: Fold(q.Specialisation), Occupation: Fold(q.Occupation), Partial: Fold(q.Partial),
		Body: q.Body, Offset: (page - 1) * size, Limit: size}, nil
}

// Matches reports whether entry e is open on m.On and matches every filter of m.
func (m *Match) Matches(e *Entry) bool {
	switch {
	case !e.From.IsZero() && m.On.Before(e.From), !e.Until.IsZero() && m.On.After(e.Until),
		m.Body != "" && e.Body != m.Body,
		m.Group != "" && e.Group != m.Group,
		m.Field != "" && e.Field != m.Field,
		m.Occupation != "" && e.Occupation != m.Occupation,
		m.Specialisation != "" && !slices.Contains(e.Specs, m.Specialisation),
		m.Partial != "" && !slices.Contains(e.Partials, m.Partial):
		return false
	}
	for _, w := range m.Words {
		if !strings.Contains(e.Text, w) {
			return false
		}
	}
	return true
}

// Page is one page of a search (APP-01): its rows, the total of rows found, and which they are.
type Page struct {
	Rows     []Row
	Total    int           // kokku: all rows found
	Offset   int           // the number of rows before this page
	PageSize int           // the page size applied
	On       calendar.Date // the day searched for
}

// First returns the 1-based number of the page's first row (Jrk), or 0 when the page is empty.
func (p *Page) First() int {
	if len(p.Rows) == 0 {
		return 0
	}
	return p.Offset + 1
}

// Last returns the number of the page's last row, or 0 when the page is empty.
func (p *Page) Last() int { return p.Offset + len(p.Rows) }

// Showing renders the page's summary line as the register shows it (seed 000 slide 4), in Estonian
// "Kokku: 63 | Näitan: 1-30" or in English "Total: 63 | Showing: 1-30" (GEN-05); an empty page shows
// the total alone.
func (p *Page) Showing(lang law.Lang) string {
	s := lang.Pick("Kokku: ", "Total: ") + strconv.Itoa(p.Total)
	if len(p.Rows) == 0 {
		return s
	}
	return s + lang.Pick(" | Näitan: ", " | Showing: ") + strconv.Itoa(p.First()) + "-" + strconv.Itoa(p.Last())
}
