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
	replaced_on, duplicate_of, extra, issued_at, version, expiry_notice`

// certValues are the 27 certificate columns and the search text, as parameters $1..$28 with their
// types, in the order of the insert's column list.
const certValues = `$1::text, $2::smallint, $3::text, $4::text, $5::date, $6::text, $7::text, $8::smallint,
	$9::smallint, $10::text, $11::text[], $12::text, $13::text, $14::text, $15::date, $16::date, $17::date,
	$18::boolean, $19::date, $20::text, $21::text, $22::text, $23::text, $24::date, $25::text, $26::jsonb,
	$27::timestamptz, $28::text`

const insertCols = `number, kind, holder_name, holder_code, holder_birth, title, standard, ekr, eqf,
	specialisation, competences, exam_language, issuer, issuer_code, issued_on, valid_from, valid_until,
	hidden, invalidated_on, invalidation_reason, invalidation_decision, invalidated_by, replaced_by,
	replaced_on, duplicate_of, extra, issued_at, search, idempotency_key, fingerprint, version`

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
	VALUES (` + certValues + `, $29::text, $30::text, 1)
	RETURNING number
), ` + outboxCTE("c", 31) + `
SELECT 0::bigint, number FROM c`

// issueAllocatedSQL takes the next counter of the series ($36 key, $37 first counter, $1 prefix,
// $38 width, $39 largest counter) and inserts the certificate under it, in one statement. A number
// already taken (by a record imported with its number) inserts nothing and returns a NULL number: the
// caller runs the statement again, which takes the next counter.
var issueAllocatedSQL = `WITH s AS (
	INSERT INTO {s}.number_series AS ns (key, last) VALUES ($36::text, $37::bigint)
	ON CONFLICT (key) DO UPDATE SET last = greatest(ns.last + 1, EXCLUDED.last)
	RETURNING last
), n AS (
	SELECT $1::text || lpad(s.last::text, $38::int, '0') AS number FROM s WHERE s.last <= $39::bigint
), c AS (
	INSERT INTO {s}.certificate (` + insertCols + `)
	SELECT n.number, ` + strings.TrimSuffix(strings.TrimPrefix(certValues, "$1::text, "), "$28::text") + `$28::text || lower(n.number), $29::text, $30::text, 1
	FROM n
	ON CONFLICT (number) DO NOTHING
	RETURNING number
), ` + outboxCTE("c", 31) + `
SELECT s.last, c.number FROM s LEFT JOIN c ON true`

// updateSQL writes every mutable column if the version matches and the kind and holder's code are
// unchanged, with the events, in one statement.
var updateSQL = `WITH u AS (
	UPDATE {s}.certificate SET holder_name = $3::text, holder_birth = $5::date, title = $6::text,
		standard = $7::text, ekr = $8::smallint, eqf = $9::smallint, specialisation = $10::text,
		competences = $11::text[], exam_language = $12::text, issuer = $13::text, issuer_code = $14::text,
		issued_on = $15::date, valid_from = $16::date, valid_until = $17::date, hidden = $18::boolean,
		invalidated_on = $19::date, invalidation_reason = $20::text, invalidation_decision = $21::text,
		invalidated_by = $22::text, replaced_by = $23::text, replaced_on = $24::date,
		duplicate_of = $25::text, extra = $26::jsonb, issued_at = $27::timestamptz, search = $28::text,
		version = version + 1
	WHERE number = $1::text AND version = $29::bigint AND kind = $2::smallint
		AND holder_code IS NOT DISTINCT FROM $4::text
	RETURNING number, version
), ` + outboxCTE("u", 30) + `
SELECT version FROM u`

const publicSQL = `SELECT ` + certCols + ` FROM {s}.certificate
WHERE NOT hidden
	AND ($1::text = '' OR strpos(search, $1::text) > 0)
	AND ($2::text = '' OR number = $2::text)
	AND ($3::text = '' OR issuer_code = $3::text)
	AND ($4::smallint = 0 OR kind = $4::smallint)
	AND ($5::text = '' OR number > $5::text)
ORDER BY number
LIMIT $6`

// sep separates the fields of the search column; a query containing it matches nothing, as in
// memstore, where each field is matched on its own.
const sep = "\x1f"

func searchText(c *certificate.Certificate) string {
	return strings.ToLower(c.Holder.Name) + sep + strings.ToLower(c.Title) + sep +
		strings.ToLower(c.Standard) + sep + strings.ToLower(string(c.Number))
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

// certArgs returns the parameters $1..$28 for c.
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
		textOrNil(string(c.DuplicateOf)), extra, c.IssuedAt, searchText(c),
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
	)
	dest := []any{&number, &kind, &c.Holder.Name, &code, &birth, &c.Title, &c.Standard, &ekr, &eqf,
		&c.Specialisation, &c.Competences, &c.ExamLanguage, &c.Issuer, &c.IssuerCode, &issued, &from, &until,
		&c.Hidden, &invOn, &c.Invalidated.Reason, &c.Invalidated.Decision, &c.Invalidated.By, &replacedBy,
		&replaced, &dupOf, &extraJSON, &c.IssuedAt, &c.Version, &c.ExpiryNotice}
	if err := row.Scan(append(dest, extra...)...); err != nil {
		return certificate.Certificate{}, err
	}
	c.Number, c.Kind, c.Holder.Code, c.Holder.BirthDate = certificate.Number(number), certificate.Kind(kind), code, birth
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

// PublicCertificates implements certificate.Store.
func (s *Store) PublicCertificates(ctx context.Context, q certificate.PublicQuery) ([]certificate.Certificate, error) {
	text := strings.ToLower(q.Text)
	if strings.Contains(text, sep) {
		return []certificate.Certificate{}, nil
	}
	return s.collect(ctx, "public certificates", s.q.public, text, string(q.Number), q.IssuerCode, int16(q.Kind),
		string(q.After), q.EffectiveLimit())
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
	op := fmt.Sprintf("mark expiry notice of %q", no)
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
	c, err := scanCert(s.db.QueryRow(ctx, s.q.markExpiry, append([]any{string(no), version, on}, evs...)...))
	if errors.Is(err, pgx.ErrNoRows) {
		return certificate.Certificate{}, fmt.Errorf("pgstore: %s: changed meanwhile: %w", op, store.ErrConflict)
	}
	if err != nil {
		return certificate.Certificate{}, mapErr(op, err)
	}
	return c, nil
}
