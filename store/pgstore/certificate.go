package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/store"
)

var _ certificate.Store = (*Store)(nil)

const certCols = `number, kind, holder_name, holder_code, holder_birth, title, standard, ekr, eqf,
	specialisation, competences, exam_language, issuer, issuer_code, issued_on, valid_from, valid_until,
	hidden, invalidated_on, invalidation_reason, invalidation_decision, invalidated_by, replaced_by,
	replaced_on, duplicate_of, extra, issued_at, version, expiry_notice, holder_died, personal_data_erased`

// certValues are the 28 certificate columns, the last day of the personal data's retention and the two
// search texts, as parameters $1..$31 with their types, in the order of the insert's column list.
const certValues = `$1::text, $2::smallint, $3::text, $4::text, $5::date, $6::text, $7::text, $8::smallint,
	$9::smallint, $10::text, $11::text[], $12::text, $13::text, $14::text, $15::date, $16::date, $17::date,
	$18::boolean, $19::date, $20::text, $21::text, $22::text, $23::text, $24::date, $25::text, $26::jsonb,
	$27::timestamptz, $28::date, $29::date, $30::text, $31::text`

const insertCols = `number, kind, holder_name, holder_code, holder_birth, title, standard, ekr, eqf,
	specialisation, competences, exam_language, issuer, issuer_code, issued_on, valid_from, valid_until,
	hidden, invalidated_on, invalidation_reason, invalidation_decision, invalidated_by, replaced_by,
	replaced_on, duplicate_of, extra, issued_at, holder_died, personal_data_until, search_name, search_entry,
	idempotency_key, fingerprint, version`

// outboxCTE inserts the events given as five parallel arrays starting at parameter $p, for each row of
// the CTE named from (which has a number column); an event with an empty subject gets that number.
func outboxCTE(from string, p int) string { return outboxCTEWith(from, from+".number", p) }

// outboxCTEWith is outboxCTE with the default subject given as an SQL expression over from.
func outboxCTEWith(from, subject string, p int) string {
	n := func(i int) string { return "$" + strconv.Itoa(p+i) }
	return `e AS (
	INSERT INTO {s}.outbox (kind, subject, recipient, at, data)
	SELECT ev.kind, coalesce(nullif(ev.subject, ''), ` + subject + `), ev.recipient, ev.at, ev.data::jsonb
	FROM ` + from + `, unnest(` + n(0) + `::text[], ` + n(1) + `::text[], ` + n(2) + `::text[], ` + n(3) + `::timestamptz[], ` + n(4) + `::text[])
		WITH ORDINALITY AS ev(kind, subject, recipient, at, data, ord)
	ORDER BY ev.ord
	RETURNING id
)`
}

// issueNumberedSQL inserts a certificate with its own number; a taken number is a unique violation.
var issueNumberedSQL = `WITH c AS (
	INSERT INTO {s}.certificate (` + insertCols + `)
	VALUES (` + certValues + `, $32::text, $33::text, 1)
	RETURNING number
), ` + outboxCTE("c", 34) + `
SELECT 0::bigint, number FROM c`

// issueAllocatedSQL takes the next counter of the series ($39 key, $40 first counter, $1 prefix,
// $41 width, $42 largest counter) and inserts the certificate under it, in one statement. A number
// already taken (by a record imported with its number) inserts nothing and returns a NULL number: the
// caller runs the statement again, which takes the next counter.
var issueAllocatedSQL = `WITH s AS (
	INSERT INTO {s}.number_series AS ns (key, last) VALUES ($39::text, $40::bigint)
	ON CONFLICT (key) DO UPDATE SET last = greatest(ns.last + 1, EXCLUDED.last)
	RETURNING last
), n AS (
	SELECT $1::text || lpad(s.last::text, $41::int, '0') AS number FROM s WHERE s.last <= $42::bigint
), c AS (
	INSERT INTO {s}.certificate (` + insertCols + `)
	SELECT n.number, ` + strings.TrimSuffix(strings.TrimPrefix(certValues, "$1::text, "), "$31::text") + `$31::text || lower(n.number), $32::text, $33::text, 1
	FROM n
	ON CONFLICT (number) DO NOTHING
	RETURNING number
), ` + outboxCTE("c", 34) + `
SELECT s.last, c.number FROM s LEFT JOIN c ON true`

// updateSQL writes every mutable column if the version matches and the kind and holder's code are
// unchanged, with the events, in one statement. The expiry notice and the erasure of personal data
// are set by their own statements only, and personal data once erased are never written back.
var updateSQL = `WITH u AS (
	UPDATE {s}.certificate SET
		holder_name = CASE WHEN personal_data_erased IS NULL THEN $3::text ELSE '' END,
		holder_birth = CASE WHEN personal_data_erased IS NULL THEN $5::date END,
		holder_died = CASE WHEN personal_data_erased IS NULL THEN $28::date END,
		personal_data_until = CASE WHEN personal_data_erased IS NULL THEN $29::date END,
		search_name = CASE WHEN personal_data_erased IS NULL THEN $30::text ELSE '' END,
		title = $6::text,
		standard = $7::text, ekr = $8::smallint, eqf = $9::smallint, specialisation = $10::text,
		competences = $11::text[], exam_language = $12::text, issuer = $13::text, issuer_code = $14::text,
		issued_on = $15::date, valid_from = $16::date, valid_until = $17::date, hidden = $18::boolean,
		invalidated_on = $19::date, invalidation_reason = $20::text, invalidation_decision = $21::text,
		invalidated_by = $22::text, replaced_by = $23::text, replaced_on = $24::date,
		duplicate_of = $25::text, extra = $26::jsonb, issued_at = $27::timestamptz, search_entry = $31::text,
		version = version + 1
	WHERE number = $1::text AND version = $32::bigint AND kind = $2::smallint
		AND holder_code IS NOT DISTINCT FROM $4::text
	RETURNING number, version
), ` + outboxCTE("u", 33) + `
SELECT version FROM u`

// keptUntil is the personal_data_until column: the last day of retention, NULL when none is set.
func keptUntil(c *certificate.Certificate) calendar.Date {
	until, _ := c.PersonalDataUntil()
	return until
}

func level(l classifier.Level) *int16 {
	if l.IsZero() {
		return nil
	}
	n := int16(l.Int())
	return &n
}

func textOrNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// certArgs returns the parameters $1..$31 for c. The last day of the personal data's retention
// (CERT-12) is the rule's, certificate.Certificate.PersonalDataUntil, stored so that
// PersonalDataDue is an indexed range; the search texts are certificate.SearchName and SearchEntry,
// lower-cased in Go so that matching does not depend on the database's locale.
func certArgs(c *certificate.Certificate) ([]any, error) {
	var extra *string
	if len(c.Extra) > 0 {
		b, err := json.Marshal(c.Extra)
		if err != nil {
			return nil, err
		}
		s := string(b)
		extra = &s
	}
	comps := c.Competences
	if comps == nil {
		comps = []string{}
	}
	return []any{
		string(c.Number), int16(c.Kind), c.Holder.Name, c.Holder.Code, c.Holder.BirthDate, c.Title, c.Standard,
		level(c.EKR), level(c.EQF), c.Specialisation, comps, c.ExamLanguage, c.Issuer, c.IssuerCode,
		c.IssuedOn, c.ValidFrom, c.ValidUntil, c.Hidden, c.Invalidated.Date, c.Invalidated.Reason,
		c.Invalidated.Decision, c.Invalidated.By, textOrNil(string(c.Replaced.By)), c.Replaced.Date,
		textOrNil(string(c.DuplicateOf)), extra, c.IssuedAt, c.Holder.Died, keptUntil(c),
		certificate.SearchName(c), certificate.SearchEntry(c),
	}, nil
}

// eventArgs returns the five parallel arrays of the outbox CTE.
func eventArgs(events []store.Event) ([]any, error) {
	kinds := make([]string, len(events))
	subjects := make([]string, len(events))
	rcpts := make([]string, len(events))
	ats := make([]time.Time, len(events))
	datas := make([]*string, len(events))
	for i, e := range events {
		kinds[i], subjects[i], rcpts[i], ats[i] = e.Kind, e.Subject, e.Recipient, e.At
		if e.Data != nil {
			b, err := json.Marshal(e.Data)
			if err != nil {
				return nil, err
			}
			s := string(b)
			datas[i] = &s
		}
	}
	return []any{kinds, subjects, rcpts, ats, datas}, nil
}

// scanCert reads the columns of certCols (and extra destinations after them).
func scanCert(row pgx.Row, extra ...any) (certificate.Certificate, error) {
	var (
		c                      certificate.Certificate
		number                 string
		kind                   int16
		ekr, eqf               *int16
		replacedBy, dupOf      *string
		extraJSON              []byte
		code                   isikukood.Code
		birth, issued, from    calendar.Date
		until, invOn, replaced calendar.Date
		died, erased           calendar.Date
	)
	dest := []any{&number, &kind, &c.Holder.Name, &code, &birth, &c.Title, &c.Standard, &ekr, &eqf,
		&c.Specialisation, &c.Competences, &c.ExamLanguage, &c.Issuer, &c.IssuerCode, &issued, &from, &until,
		&c.Hidden, &invOn, &c.Invalidated.Reason, &c.Invalidated.Decision, &c.Invalidated.By, &replacedBy,
		&replaced, &dupOf, &extraJSON, &c.IssuedAt, &c.Version, &c.ExpiryNotice, &died, &erased}
	if err := row.Scan(append(dest, extra...)...); err != nil {
		return certificate.Certificate{}, err
	}
	c.Number, c.Kind, c.Holder.Code, c.Holder.BirthDate = certificate.Number(number), certificate.Kind(kind), code, birth
	c.Holder.Died, c.PersonalDataErased = died, erased
	c.IssuedOn, c.ValidFrom, c.ValidUntil, c.Invalidated.Date, c.Replaced.Date = issued, from, until, invOn, replaced
	if ekr != nil {
		c.EKR, _ = classifier.LevelOf(int(*ekr))
	}
	if eqf != nil {
		c.EQF, _ = classifier.LevelOf(int(*eqf))
	}
	if replacedBy != nil {
		c.Replaced.By = certificate.Number(*replacedBy)
	}
	if dupOf != nil {
		c.DuplicateOf = certificate.Number(*dupOf)
	}
	if len(c.Competences) == 0 {
		c.Competences = nil
	}
	if len(extraJSON) > 0 {
		if err := json.Unmarshal(extraJSON, &c.Extra); err != nil {
			return certificate.Certificate{}, fmt.Errorf("extra: %w", err)
		}
	}
	return c, nil
}

// Certificate implements certificate.Store.
func (s *Store) Certificate(ctx context.Context, no certificate.Number) (certificate.Certificate, error) {
	c, err := scanCert(s.db.QueryRow(ctx, s.q.get, string(no)))
	if err != nil {
		return certificate.Certificate{}, mapErr(fmt.Sprintf("certificate %q", no), err)
	}
	return c, nil
}

func (s *Store) collect(ctx context.Context, op, sql string, args ...any) ([]certificate.Certificate, error) {
	rows, err := s.db.Query(ctx, sql, args...)
	if err != nil {
		return nil, mapErr(op, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (certificate.Certificate, error) { return scanCert(r) })
	if err != nil {
		return nil, mapErr(op, err)
	}
	return out, nil
}

// HolderCertificates implements certificate.Store.
func (s *Store) HolderCertificates(ctx context.Context, code isikukood.Code) ([]certificate.Certificate, error) {
	if code.IsZero() {
		return []certificate.Certificate{}, nil
	}
	return s.collect(ctx, "holder's certificates", s.q.byHolder, code.String())
}

// PublicCertificates implements certificate.Store. The statement is built for the query's shape, with
// only the conditions it needs, so that the planner can use the indexes of migration 0007 whatever
// plan it caches: the primary key for a number, the partial index of public records for a page, and
// the trigram (pg_trgm) GIN indexes of the search texts for Text, the name's only with the validity
// on q.On (CERT-12).
func (s *Store) PublicCertificates(ctx context.Context, q certificate.PublicQuery) ([]certificate.Certificate, error) {
	if err := q.Check(); err != nil {
		return nil, fmt.Errorf("pgstore: public query: %w", err)
	}
	sql, args, ok := s.publicQuery(q)
	if !ok {
		return []certificate.Certificate{}, nil
	}
	if q.Text != "" {
		// Plan a text search with its pattern every time (an unnamed statement, one round trip):
		// a cached statement's generic plan cannot tell a rare name from a common word, and would
		// walk every public record for a name that few hold.
		args = append([]any{pgx.QueryExecModeExec}, args...)
	}
	return s.collect(ctx, "public certificates", sql, args...)
}

// publicQuery returns the statement and arguments of q, or false for a query that matches nothing.
// The conditions use the partial indexes of migrations 0007 and 0013 (their predicate is
// publicWhere's). A text search selects the page's numbers in a subquery whose columns the covering
// indexes of 0013 hold, so a walk in number order reads no table row it does not return, and then
// reads the page's rows by their numbers.
func (s *Store) publicQuery(q certificate.PublicQuery) (string, []any, bool) {
	var args []any
	arg := func(v any, typ string) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args)) + "::" + typ
	}
	var b strings.Builder
	if q.Text == "" {
		b.WriteString(s.q.publicSelect) // ... WHERE NOT hidden AND kind IN (the public kinds)
	} else {
		b.WriteString(s.q.publicPage)    // ... WHERE number IN (
		b.WriteString(s.q.publicNumbers) // SELECT number ... WHERE NOT hidden AND kind IN (the public kinds)
	}
	if q.Number != "" {
		b.WriteString(" AND number = " + arg(string(q.Number), "text"))
	}
	if q.IssuerCode != "" {
		b.WriteString(" AND issuer_code = " + arg(q.IssuerCode, "text"))
	}
	if q.Kind != 0 {
		b.WriteString(" AND kind = " + arg(int16(q.Kind), "smallint"))
	}
	if q.After != "" {
		b.WriteString(" AND number > " + arg(string(q.After), "text"))
	}
	if text := strings.ToLower(q.Text); text != "" {
		if strings.Contains(text, searchSep) {
			return "", nil, false // each field is matched on its own, as in certificate.PublicQuery.Matches
		}
		// A text of several words is looked up by its words' inner trigrams and checked exactly
		// with strpos (wordsPattern); any other by its own pattern, which LIKE matches exactly.
		pattern, exact := "%"+likeEscape.Replace(text)+"%", false
		if words, ok := wordsPattern(text); ok {
			pattern, exact = words, true
		}
		p, on := arg(pattern, "text"), arg(q.On, "date")
		entry, name := "search_entry LIKE "+p, "search_name LIKE "+p
		if exact {
			t := arg(text, "text")
			entry += " AND strpos(search_entry, " + t + ") > 0"
			name += " AND strpos(search_name, " + t + ") > 0"
		}
		b.WriteString(" AND ((" + entry + ") OR (" + name + " AND " + validOn(on) + "))")
	}
	b.WriteString(" ORDER BY number LIMIT " + arg(q.EffectiveLimit(), "int"))
	if q.Text != "" {
		b.WriteString(") ORDER BY number")
	}
	return b.String(), args, true
}

// wordsPattern returns the LIKE pattern the trigram indexes look a text of several words up by:
// '%', the text with every character that is not a letter or a digit replaced by '_' (any one
// character), '%'; and false for a text with no such character, or with no run of three letters or
// digits (it would have no trigram to look up). pg_trgm pads the words of a pattern at a separator
// ("mari tammaia" gives "ri " and "  t", " ta"), and those trigrams, of every name that has a word
// ending or starting so, are the longest posting lists of the index; at a wildcard it pads
// nothing, so the index reads only the words' inner trigrams, about half the pages (at 10^6 rows, a
// full name 152 index pages instead of 274). The pattern matches more than the text, never less:
// the statement checks the text itself with strpos.
func wordsPattern(text string) (string, bool) {
	var b strings.Builder
	b.Grow(len(text) + 2)
	b.WriteByte('%')
	sep, run, longest := false, 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			run++
			longest = max(longest, run)
			continue
		}
		b.WriteByte('_')
		sep, run = true, 0
	}
	b.WriteByte('%')
	return b.String(), sep && longest >= 3
}

// searchSep separates the fields of certificate.SearchEntry.
const searchSep = "\x1f"

// likeEscape escapes LIKE's wildcards and its escape character, so that Text matches literally.
var likeEscape = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// validOn is the SQL of certificate.Certificate.StatusOn(on) == Valid (CERT-02), for the parameter on:
// NULL counts as "not valid", as a missing replacement date does in Go.
func validOn(on string) string {
	return "valid_from <= " + on + " AND (valid_until IS NULL OR valid_until >= " + on + ")" +
		" AND (invalidated_on IS NULL OR invalidated_on > " + on + ")" +
		" AND (replaced_by IS NULL OR replaced_on > " + on + ")"
}

// publicWhere is the condition every public query starts with: not hidden (CERT-04) and of a kind
// that is a public register entry (certificate.Kind.Public), written out as constants so that the
// partial indexes of migration 0007, whose predicate is the same, apply.
func publicWhere() string {
	kinds := make([]string, 0, 3)
	for _, k := range certificate.PublicKinds() {
		kinds = append(kinds, strconv.Itoa(int(k)))
	}
	return "NOT hidden AND kind IN (" + strings.Join(kinds, ", ") + ")"
}

// IssueCertificate implements certificate.Store. It is one statement (two when an idempotency key
// is given: the key is looked up first), so it needs no transaction of its own: the certificate,
// its number and its events are committed together or not at all. When db is the host's
// transaction they join it.
func (s *Store) IssueCertificate(ctx context.Context, in certificate.Issue) (certificate.Certificate, error) {
	if in.IdempotencyKey != "" {
		if c, ok, err := s.byKey(ctx, in); ok || err != nil {
			return c, err
		}
	}
	c, err := s.insert(ctx, in)
	if err != nil && in.IdempotencyKey != "" && constraintOf(err) == "certificate_idempotency_key_key" {
		// Another issuer with the same key committed between the look-up and the insert.
		if c, ok, kerr := s.byKey(ctx, in); ok || kerr != nil {
			return c, kerr
		}
	}
	if err != nil {
		return certificate.Certificate{}, mapErr(fmt.Sprintf("issue certificate %q", in.Certificate.Number), err)
	}
	return c, nil
}

// byKey returns the certificate issued under in's idempotency key, if any: the stored one when the
// fingerprint matches, store.ErrExists when it does not.
func (s *Store) byKey(ctx context.Context, in certificate.Issue) (certificate.Certificate, bool, error) {
	var fp string
	c, err := scanCert(s.db.QueryRow(ctx, s.q.byKey, in.IdempotencyKey), &fp)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return certificate.Certificate{}, false, nil
	case err != nil:
		return certificate.Certificate{}, false, mapErr("idempotency key look-up", err)
	case fp != in.Fingerprint:
		return certificate.Certificate{}, true, fmt.Errorf("pgstore: idempotency key %q was used for another request: %w", in.IdempotencyKey, store.ErrExists)
	}
	return c, true, nil
}

func (s *Store) insert(ctx context.Context, in certificate.Issue) (certificate.Certificate, error) {
	c := in.Certificate.Clone()
	c.IssuedAt = c.IssuedAt.Truncate(time.Microsecond) // timestamptz keeps microseconds
	args, err := certArgs(&c)
	if err != nil {
		return certificate.Certificate{}, err
	}
	evs, err := eventArgs(in.Events)
	if err != nil {
		return certificate.Certificate{}, err
	}
	args = append(args, textOrNil(in.IdempotencyKey), in.Fingerprint)
	args = append(args, evs...)
	if c.Number != "" {
		var no string
		var zero int64
		if err := s.db.QueryRow(ctx, s.q.issueNumbered, args...).Scan(&zero, &no); err != nil {
			return certificate.Certificate{}, err
		}
		c.Version = 1
		return c, nil
	}
	ser := in.Series
	if ser.Width < 1 || ser.Width > 18 {
		return certificate.Certificate{}, fmt.Errorf("no number and no series to allocate one from: %w", certificate.ErrInvalid)
	}
	args[0] = ser.Prefix
	args = append(args, ser.Key(), max(ser.First, 1), ser.Width, ser.Max())
	for {
		var last int64
		var no *string
		if err := s.db.QueryRow(ctx, s.q.issueAllocated, args...).Scan(&last, &no); err != nil {
			return certificate.Certificate{}, err
		}
		if no != nil {
			c.Number, c.Version = certificate.Number(*no), 1
			return c, nil
		}
		if last > ser.Max() {
			return certificate.Certificate{}, fmt.Errorf("series %q is exhausted: %w", ser.Key(), store.ErrExists)
		}
		// The number was taken by a record imported with it: take the next one.
		if err := ctx.Err(); err != nil {
			return certificate.Certificate{}, err
		}
	}
}

// UpdateCertificate implements certificate.Store, in one statement.
func (s *Store) UpdateCertificate(ctx context.Context, c certificate.Certificate, events []store.Event) (certificate.Certificate, error) {
	c = c.Clone()
	c.IssuedAt = c.IssuedAt.Truncate(time.Microsecond)
	op := fmt.Sprintf("update certificate %q", c.Number)
	args, err := certArgs(&c)
	if err != nil {
		return certificate.Certificate{}, mapErr(op, err)
	}
	evs, err := eventArgs(events)
	if err != nil {
		return certificate.Certificate{}, mapErr(op, err)
	}
	args = append(append(args, c.Version), evs...)
	var v int64
	err = s.db.QueryRow(ctx, s.q.update, args...).Scan(&v)
	if err == nil {
		c.Version = v
		return c, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return certificate.Certificate{}, mapErr(op, err)
	}
	// Nothing was updated: say why.
	var (
		stored int64
		kind   int16
		code   isikukood.Code
	)
	if err := s.db.QueryRow(ctx, s.q.ident, string(c.Number)).Scan(&stored, &kind, &code); err != nil {
		return certificate.Certificate{}, mapErr(op, err)
	}
	if certificate.Kind(kind) != c.Kind || code != c.Holder.Code {
		return certificate.Certificate{}, fmt.Errorf("pgstore: %s: the kind and the holder's code never change: %w", op, certificate.ErrInvalid)
	}
	return certificate.Certificate{}, fmt.Errorf("pgstore: %s: stored version %d, not %d: %w", op, stored, c.Version, store.ErrConflict)
}

const expiringSQL = `SELECT ` + certCols + ` FROM {s}.certificate
WHERE valid_until BETWEEN $1::date AND $2::date
	AND expiry_notice IS NULL AND invalidated_on IS NULL AND replaced_by IS NULL
ORDER BY valid_until, number
LIMIT $3`

// markExpirySQL sets the expiry notice's day if the version matches, with the events, in one
// statement.
var markExpirySQL = `WITH u AS (
	UPDATE {s}.certificate SET expiry_notice = $3::date, version = version + 1
	WHERE number = $1::text AND version = $2::bigint
	RETURNING ` + certCols + `
), ` + outboxCTE("u", 4) + `
SELECT ` + certCols + ` FROM u`

// ExpiringCertificates implements certificate.Store.
func (s *Store) ExpiringCertificates(ctx context.Context, from, until calendar.Date, limit int) ([]certificate.Certificate, error) {
	if limit <= 0 {
		limit = 1000
	}
	return s.collect(ctx, "expiring certificates", s.q.expiring, from, until, limit)
}

// MarkExpiryNotified implements certificate.Store, in one statement.
func (s *Store) MarkExpiryNotified(ctx context.Context, no certificate.Number, version int64, on calendar.Date, events []store.Event) (certificate.Certificate, error) {
	return s.versioned(ctx, fmt.Sprintf("mark expiry notice of %q", no), s.q.markExpiry, no, version, on, events)
}

// erasePersonalDataSQL erases the holder's personal data if the version matches, with the events, in
// one statement (CERT-12). The rest of the record stays.
var erasePersonalDataSQL = `WITH u AS (
	UPDATE {s}.certificate SET holder_name = '', holder_code = NULL, holder_birth = NULL, holder_died = NULL,
		personal_data_until = NULL, personal_data_erased = $3::date, search_name = '', version = version + 1
	WHERE number = $1::text AND version = $2::bigint
	RETURNING ` + certCols + `
), ` + outboxCTE("u", 4) + `
SELECT ` + certCols + ` FROM u`

// PersonalDataDue implements certificate.Store, on the partial index of migration 0006.
func (s *Store) PersonalDataDue(ctx context.Context, on calendar.Date, after certificate.Number, limit int) ([]certificate.Certificate, error) {
	if limit <= 0 {
		limit = 1000
	}
	return s.collect(ctx, "personal data due for erasure", s.q.personalDataDue, on, string(after), limit)
}

// ErasePersonalData implements certificate.Store, in one statement.
func (s *Store) ErasePersonalData(ctx context.Context, no certificate.Number, version int64, on calendar.Date, events []store.Event) (certificate.Certificate, error) {
	return s.versioned(ctx, fmt.Sprintf("erase the personal data of %q", no), s.q.erasePersonalData, no, version, on, events)
}

// versioned runs a one-statement change of certificate no guarded by its version (sql takes the
// number, the version, on and the events from $4), and says why when nothing changed.
func (s *Store) versioned(ctx context.Context, op, sql string, no certificate.Number, version int64, on calendar.Date, events []store.Event) (certificate.Certificate, error) {
	evs, err := eventArgs(events)
	if err != nil {
		return certificate.Certificate{}, mapErr(op, err)
	}
	var stored int64
	if err := s.db.QueryRow(ctx, s.q.ident, string(no)).Scan(&stored, new(int16), new(isikukood.Code)); err != nil {
		return certificate.Certificate{}, mapErr(op, err)
	}
	if stored != version {
		return certificate.Certificate{}, fmt.Errorf("pgstore: %s: stored version %d, not %d: %w", op, stored, version, store.ErrConflict)
	}
	c, err := scanCert(s.db.QueryRow(ctx, sql, append([]any{string(no), version, on}, evs...)...))
	if errors.Is(err, pgx.ErrNoRows) {
		return certificate.Certificate{}, fmt.Errorf("pgstore: %s: changed meanwhile: %w", op, store.ErrConflict)
	}
	if err != nil {
		return certificate.Certificate{}, mapErr(op, err)
	}
	return c, nil
}
