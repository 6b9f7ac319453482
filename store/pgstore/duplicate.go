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
	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/duplicate"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/store"
)

var _ duplicate.Store = (*Store)(nil)

// caseColumns are the columns of duplicate_case a case writes, with their types, in the order of
// caseArgs.
var caseColumns = []struct{ name, typ string }{
	{"procedure", "smallint"}, {"status", "smallint"}, {"applicant_name", "text"}, {"applicant_code", "text"},
	{"applicant_birth", "date"}, {"contact", "text"}, {"kind", "smallint"}, {"paper", "boolean"}, {"original", "text"},
	{"issuer_code", "text"}, {"issuer_name", "text"}, {"level", "smallint"}, {"year", "integer"}, {"ground", "smallint"},
	{"attached", "smallint[]"}, {"by_issuer", "boolean"}, {"new_name", "text"}, {"new_code", "text"},
	{"request_date", "date"}, {"note", "text"}, {"route", "jsonb"}, {"parties", "text[]"}, {"submitted_at", "timestamptz"},
	{"received_on", "date"}, {"confirmation_from", "text"}, {"confirmation_ref", "text"}, {"confirmation_on", "date"},
	{"decided_on", "date"}, {"decision", "text"}, {"refusal", "smallint"}, {"refusal_reason", "text"},
	{"notified_on", "date"}, {"payer", "smallint"}, {"fee", "numeric"}, {"amount", "numeric"}, {"duplicate", "text"},
	{"handed_over_on", "date"}, {"handed_over_to", "text"}, {"handed_authorised", "boolean"}, {"handed_by_post", "boolean"},
	{"register_entry", "text"}, {"graduation", "jsonb"},
}

// duplicateQueries are package duplicate's statements with the schema filled in.
type duplicateQueries struct {
	create, get, update, version, list, alloc, taken, events string
}

func buildDuplicateQueries(schema string) duplicateQueries {
	sub := func(q string) string { return strings.ReplaceAll(q, "{s}", schema) }
	n := len(caseColumns)
	names := make([]string, n)
	params := make([]string, n)
	sets := make([]string, n)
	selects := make([]string, n)
	for i, c := range caseColumns {
		p := "$" + strconv.Itoa(i+1) + "::" + c.typ
		names[i], params[i], sets[i], selects[i] = c.name, p, c.name+" = "+p, c.name
		if c.typ == "numeric" {
			selects[i] = c.name + "::text"
		}
	}
	sel := `SELECT id, version, ` + strings.Join(selects, ", ") + ` FROM {s}.duplicate_case`
	subject := `'duplicate/' || %s.id::text`
	return duplicateQueries{
		create: sub(`WITH c AS (
	INSERT INTO {s}.duplicate_case (` + strings.Join(names, ", ") + `)
	VALUES (` + strings.Join(params, ", ") + `)
	RETURNING id
), ` + outboxCTEWith("c", fmt.Sprintf(subject, "c"), n+1) + `
SELECT id FROM c`),
		get: sub(sel + ` WHERE id = $1`),
		update: sub(`WITH u AS (
	UPDATE {s}.duplicate_case SET ` + strings.Join(sets, ", ") + `, version = version + 1
	WHERE id = $` + strconv.Itoa(n+1) + `::bigint AND version = $` + strconv.Itoa(n+2) + `::bigint
	RETURNING id, version
), ` + outboxCTEWith("u", fmt.Sprintf(subject, "u"), n+3) + `
SELECT version FROM u`),
		version: sub(`SELECT version FROM {s}.duplicate_case WHERE id = $1`),
		list: sub(sel + `
WHERE id > $1::bigint
	AND ($2::text = '' OR $2::text = ANY (parties))
	AND ($3::text = '' OR applicant_code = $3::text OR new_code = $3::text)
	AND (NOT $4::boolean OR status IN (1, 2, 3))
ORDER BY id
LIMIT $5`),
		alloc: sub(`INSERT INTO {s}.number_series AS ns (key, last) VALUES ($1::text, $2::bigint)
ON CONFLICT (key) DO UPDATE SET last = greatest(ns.last + 1, EXCLUDED.last)
RETURNING last`),
		taken: sub(`SELECT EXISTS (SELECT 1 FROM {s}.certificate WHERE number = $1::text)`),
		events: sub(`WITH x AS (SELECT $1::text AS number), ` + outboxCTEWith("x", "x.number", 2) + `
SELECT count(*) FROM e`),
	}
}

func dateOrNil(d calendar.Date) any {
	if d.IsZero() {
		return nil
	}
	return d
}

func jsonText(v any) (*string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	s := string(b)
	return &s, nil
}

// caseArgs returns the parameters $1..$42 for c.
func caseArgs(c *duplicate.Case) ([]any, error) {
	r := &c.Request
	route, err := jsonText(c.Route)
	if err != nil {
		return nil, err
	}
	var grad *string
	if !c.Graduation.IsZero() {
		if grad, err = jsonText(c.Graduation); err != nil {
			return nil, err
		}
	}
	year, err := yearColumn(r)
	if err != nil {
		return nil, err
	}
	att := make([]int16, len(r.Attached))
	for i, a := range r.Attached {
		att[i] = int16(a)
	}
	parties := c.Route.Parties()
	if parties == nil {
		parties = []string{}
	}
	return []any{
		int16(c.Procedure), int16(c.Status), r.Applicant.Name, r.Applicant.Code, dateOrNil(r.Applicant.BirthDate),
		r.Contact, int16(r.Kind), r.Paper, textOrNil(string(r.Original)), r.Issuer, r.IssuerName, int16(r.Level),
		year, int16(r.Ground), att, r.ByIssuer, r.NewName, r.NewCode, r.Date, r.Note, route, parties,
		c.SubmittedAt, dateOrNil(c.ReceivedOn), c.Confirmation.From, c.Confirmation.Reference, dateOrNil(c.Confirmation.On),
		dateOrNil(c.DecidedOn), c.Decision, int16(c.Refusal), c.RefusalReason, dateOrNil(c.NotifiedOn), int16(c.Cost.Payer),
		c.Cost.Fee.String(), c.Cost.Amount.String(), textOrNil(string(c.Duplicate)), dateOrNil(c.HandOver.On), c.HandOver.To,
		c.HandOver.Authorised, c.HandOver.ByPost, c.HandOver.RegisterEntry, grad,
	}, nil
}

func scanCase(row pgx.Row) (duplicate.Case, error) {
	var (
		c                                      duplicate.Case
		procedure, status, kind, level, ground int16
		refusal, payer                         int16
		year                                   int32
		code, newCode                          isikukood.Code
		birth, reqDate, received, confOn       calendar.Date
		decided, notified, handed              calendar.Date
		original, dup                          *string
		att                                    []int16
		route, grad                            []byte
		parties                                []string
		fee, amount                            string
	)
	r := &c.Request
	err := row.Scan(&c.ID, &c.Version, &procedure, &status, &r.Applicant.Name, &code, &birth, &r.Contact, &kind, &r.Paper,
		&original, &r.Issuer, &r.IssuerName, &level, &year, &ground, &att, &r.ByIssuer, &r.NewName, &newCode, &reqDate,
		&r.Note, &route, &parties, &c.SubmittedAt, &received, &c.Confirmation.From, &c.Confirmation.Reference, &confOn,
		&decided, &c.Decision, &refusal, &c.RefusalReason, &notified, &payer, &fee, &amount, &dup, &handed,
		&c.HandOver.To, &c.HandOver.Authorised, &c.HandOver.ByPost, &c.HandOver.RegisterEntry, &grad)
	if err != nil {
		return duplicate.Case{}, err
	}
	c.Procedure, c.Status = duplicate.Procedure(procedure), duplicate.Status(status)
	r.Applicant.Code, r.Applicant.BirthDate, r.Kind, r.Level = code, birth, certificate.Kind(kind), duplicate.Level(level)
	if r.Year, r.ExamTime, err = fromYearColumn(year); err != nil {
		return duplicate.Case{}, err
	}
	r.Ground, r.NewCode, r.Date = duplicate.Ground(ground), newCode, reqDate
	if original != nil {
		r.Original = certificate.Number(*original)
	}
	for _, a := range att {
		r.Attached = append(r.Attached, duplicate.Attachment(a))
	}
	c.ReceivedOn, c.Confirmation.On, c.DecidedOn, c.NotifiedOn, c.HandOver.On = received, confOn, decided, notified, handed
	c.Refusal, c.Cost.Payer = duplicate.RefusalGround(refusal), duplicate.Payer(payer)
	if c.Cost.Fee, err = decimal.NewFromString(fee); err != nil {
		return duplicate.Case{}, fmt.Errorf("fee: %w", err)
	}
	if c.Cost.Amount, err = decimal.NewFromString(amount); err != nil {
		return duplicate.Case{}, fmt.Errorf("amount: %w", err)
	}
	if dup != nil {
		c.Duplicate = certificate.Number(*dup)
	}
	if err := json.Unmarshal(route, &c.Route); err != nil {
		return duplicate.Case{}, fmt.Errorf("route: %w", err)
	}
	if len(grad) > 0 {
		if err := json.Unmarshal(grad, &c.Graduation); err != nil {
			return duplicate.Case{}, fmt.Errorf("graduation: %w", err)
		}
	}
	return c, nil
}

// truncCase keeps the instants at the microsecond PostgreSQL stores, so a case reads back as written.
func truncCase(c *duplicate.Case) { c.SubmittedAt = c.SubmittedAt.Truncate(time.Microsecond) }

// CreateCase implements duplicate.Store, in one statement with its events.
func (s *Store) CreateCase(ctx context.Context, c duplicate.Case, events []store.Event) (duplicate.Case, error) {
	c = c.Clone()
	truncCase(&c)
	args, err := caseArgs(&c)
	if err != nil {
		return duplicate.Case{}, mapErr("create case", err)
	}
	evs, err := eventArgs(events)
	if err != nil {
		return duplicate.Case{}, mapErr("create case", err)
	}
	if err := s.db.QueryRow(ctx, s.dq.create, append(args, evs...)...).Scan(&c.ID); err != nil {
		return duplicate.Case{}, mapErr("create case", err)
	}
	c.Version = 1
	return c, nil
}

// Case implements duplicate.Store.
func (s *Store) Case(ctx context.Context, id int64) (duplicate.Case, error) {
	c, err := scanCase(s.db.QueryRow(ctx, s.dq.get, id))
	if err != nil {
		return duplicate.Case{}, mapErr(fmt.Sprintf("case %d", id), err)
	}
	return c, nil
}

// UpdateCase implements duplicate.Store, in one statement with its events.
func (s *Store) UpdateCase(ctx context.Context, c duplicate.Case, events []store.Event) (duplicate.Case, error) {
	return s.updateCase(ctx, c, events)
}

func (s *Store) updateCase(ctx context.Context, c duplicate.Case, events []store.Event) (duplicate.Case, error) {
	c = c.Clone()
	truncCase(&c)
	op := fmt.Sprintf("update case %d", c.ID)
	args, err := caseArgs(&c)
	if err != nil {
		return duplicate.Case{}, mapErr(op, err)
	}
	evs, err := eventArgs(events)
	if err != nil {
		return duplicate.Case{}, mapErr(op, err)
	}
	args = append(append(args, c.ID, c.Version), evs...)
	var v int64
	err = s.db.QueryRow(ctx, s.dq.update, args...).Scan(&v)
	if err == nil {
		c.Version = v
		return c, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return duplicate.Case{}, mapErr(op, err)
	}
	var stored int64
	if err := s.db.QueryRow(ctx, s.dq.version, c.ID).Scan(&stored); err != nil {
		return duplicate.Case{}, mapErr(op, err)
	}
	return duplicate.Case{}, fmt.Errorf("pgstore: %s: stored version %d, not %d: %w", op, stored, c.Version, store.ErrConflict)
}

// Cases implements duplicate.Store.
func (s *Store) Cases(ctx context.Context, q duplicate.CaseQuery) ([]duplicate.Case, error) {
	code := ""
	if !q.Applicant.IsZero() {
		code = q.Applicant.String()
	}
	rows, err := s.db.Query(ctx, s.dq.list, max(q.AfterID, 0), q.Party, code, q.Open, q.EffectiveLimit())
	if err != nil {
		return nil, mapErr("cases", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (duplicate.Case, error) { return scanCase(r) })
	if err != nil {
		return nil, mapErr("cases", err)
	}
	if out == nil {
		out = []duplicate.Case{}
	}
	return out, nil
}

// IssueDuplicate implements duplicate.Store in one transaction (pgx.BeginFunc: on the host's
// transaction, a savepoint): the duplicate's number is allocated (its series' row stays locked to
// the end), the case and the original are updated if their versions match, the duplicate inserted
// and the events written; any error rolls all of it back, the number's counter included.
func (s *Store) IssueDuplicate(ctx context.Context, in duplicate.Issue) (duplicate.Issued, error) {
	c, orig, dup := in.Case.Clone(), in.Original.Clone(), in.Duplicate.Clone()
	var out duplicate.Issued
	op := fmt.Sprintf("issue duplicate of %q", orig.Number)
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		t := s.WithDB(tx)
		if dup.Number == "" {
			no, err := t.allocate(ctx, in.Series)
			if err != nil {
				return err
			}
			dup.Number = no
		}
		dup.DuplicateOf, c.Duplicate = orig.Number, dup.Number
		if !orig.Replaced.Date.IsZero() {
			orig.Replaced.By = dup.Number
		}
		nc, err := t.updateCase(ctx, c, nil)
		if err != nil {
			return err
		}
		no, err := t.UpdateCertificate(ctx, orig, nil)
		if err != nil {
			return err
		}
		nd, err := t.IssueCertificate(ctx, certificate.Issue{Certificate: dup})
		if err != nil {
			return err
		}
		if err := t.writeEvents(ctx, string(nd.Number), in.Events, op); err != nil {
			return err
		}
		out = duplicate.Issued{Case: nc, Original: no, Duplicate: nd}
		return nil
	})
	if err != nil {
		return duplicate.Issued{}, txErr(op, err)
	}
	return out, nil
}

// allocate takes the next number of series se that no certificate has, in the caller's transaction.
func (s *Store) allocate(ctx context.Context, se certificate.Series) (certificate.Number, error) {
	if se.Width < 1 || se.Width > 18 {
		return "", fmt.Errorf("pgstore: duplicate: no number and no series to allocate one from: %w", certificate.ErrInvalid)
	}
	for {
		var last int64
		if err := s.db.QueryRow(ctx, s.dq.alloc, se.Key(), max(se.First, 1)).Scan(&last); err != nil {
			return "", mapErr("allocate a number", err)
		}
		if last > se.Max() {
			return "", fmt.Errorf("pgstore: series %q is exhausted: %w", se.Key(), store.ErrExists)
		}
		no := se.Format(last)
		var taken bool
		if err := s.db.QueryRow(ctx, s.dq.taken, string(no)).Scan(&taken); err != nil {
			return "", mapErr("allocate a number", err)
		}
		if !taken {
			return no, nil
		}
		if err := ctx.Err(); err != nil {
			return "", err
		}
	}
}

// yearColumn returns what the column year of duplicate_case holds for r: the year of graduation
// (1–9999), or the time of the exam of a state-exam request as the number YYYYMMDD (at least
// 10000101), which no year reaches. Migration 0003 has one integer column for both: a request states
// one or the other, never both (duplicate.ValidateRequest), and a store cannot keep both in it.
func yearColumn(r *duplicate.Request) (int32, error) {
	switch {
	case r.ExamTime.IsZero():
		if r.Year < 0 || r.Year > 9999 {
			return 0, &invalid.FieldError{Pkg: "pgstore", Field: "Request.Year", Value: strconv.Itoa(r.Year), Reason: "must be 0–9999"}
		}
		return int32(r.Year), nil
	case r.Year != 0:
		return 0, &invalid.FieldError{Pkg: "pgstore", Field: "Request.Year", Value: strconv.Itoa(r.Year), Reason: "and Request.ExamTime are never both stated"}
	case !r.ExamTime.IsValid():
		return 0, &invalid.FieldError{Pkg: "pgstore", Field: "Request.ExamTime", Value: r.ExamTime.String(), Reason: "is not a real date"}
	}
	d := r.ExamTime
	return int32(d.Year*10000 + int(d.Month)*100 + d.Day), nil
}

// fromYearColumn reads the column year back into the request's Year or ExamTime (see yearColumn).
func fromYearColumn(v int32) (int, calendar.Date, error) {
	if v < 10000 {
		return int(v), calendar.Date{}, nil
	}
	d, err := calendar.NewDate(int(v/10000), time.Month(v/100%100), int(v%100))
	if err != nil {
		return 0, calendar.Date{}, fmt.Errorf("pgstore: duplicate_case.year %d is neither a year nor a date: %v", v, err)
	}
	return 0, d, nil
}
