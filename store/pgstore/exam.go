package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgerrcode"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/exam/proficiency"
	"github.com/kutsekit/kutse/store"
)

var _ proficiency.Store = (*Store)(nil)

// examQueries are the exam packages' statements with the schema filled in.
type examQueries struct {
	createSession, getSession, updateSession, sessionVersion string
	createReg, getReg, regByKey, updateReg, regIdent         string
	personRegs, sessionRegs                                  string
}

const profSessionCols = `id, organiser, level, exam_date, start_time, centres, max_points::text[], work_related, examiners, version`

const profRegCols = `id, coalesce(idempotency_key, ''), session_id, exam_date, status, registered_on, registered_at,
	cancelled_on, notice_sent_on, graded_on, points::text[], total::text, maximum::text, passed,
	coalesce(certificate, ''), data, version`

// createProfSessionSQL inserts a session and its events in one statement.
var createProfSessionSQL = `WITH c AS (
	INSERT INTO {s}.proficiency_session (id, organiser, level, exam_date, start_time, centres, max_points,
		work_related, examiners, version)
	VALUES ($1::text, $2::text, $3::smallint, $4::date, $5::text, $6::text[], $7::numeric[], $8::boolean, $9::jsonb, 1)
	RETURNING id
), ` + outboxCTEWith("c", "'proficiency/session/' || c.id", 10) + `
SELECT id FROM c`

// updateProfSessionSQL writes a session if its version matches, with its events, in one statement.
var updateProfSessionSQL = `WITH u AS (
	UPDATE {s}.proficiency_session SET organiser = $2::text, level = $3::smallint, exam_date = $4::date,
		start_time = $5::text, centres = $6::text[], max_points = $7::numeric[], work_related = $8::boolean,
		examiners = $9::jsonb, version = version + 1
	WHERE id = $1::text AND version = $10::bigint
	RETURNING id, version
), ` + outboxCTEWith("u", "'proficiency/session/' || u.id", 11) + `
SELECT version FROM u`

// createProfRegSQL inserts a registration and its events in one statement. A second active
// registration of the person violates proficiency_registration_one_active (LNG-07); a session
// that does not exist violates the foreign key.
var createProfRegSQL = `WITH r AS (
	INSERT INTO {s}.proficiency_registration (idempotency_key, person_key, session_id, exam_date, status,
		registered_on, registered_at, cancelled_on, notice_sent_on, graded_on, points, total, maximum, passed,
		certificate, data, version)
	VALUES ($1::text, $2::text, $3::text, $4::date, $5::smallint, $6::date, $7::timestamptz, $8::date, $9::date,
		$10::date, $11::numeric[], $12::numeric, $13::numeric, $14::boolean, $15::text, $16::jsonb, 1)
	RETURNING id
), ` + outboxCTEWith("r", "'proficiency/' || r.id::text", 17) + `
SELECT id FROM r`

// updateProfRegSQL writes a registration if its version matches and its person, session and key are
// unchanged, with its events, in one statement.
var updateProfRegSQL = `WITH u AS (
	UPDATE {s}.proficiency_registration SET exam_date = $4::date, status = $5::smallint,
		registered_on = $6::date, registered_at = $7::timestamptz, cancelled_on = $8::date,
		notice_sent_on = $9::date, graded_on = $10::date, points = $11::numeric[], total = $12::numeric,
		maximum = $13::numeric, passed = $14::boolean, certificate = $15::text, data = $16::jsonb,
		version = version + 1
	WHERE id = $17::bigint AND version = $18::bigint AND person_key = $2::text AND session_id = $3::text
		AND idempotency_key IS NOT DISTINCT FROM $1::text
	RETURNING id, version
), ` + outboxCTEWith("u", "'proficiency/' || u.id::text", 19) + `
SELECT version FROM u`

func buildExamQueries(schema string) examQueries {
	sub := func(q string) string { return strings.ReplaceAll(q, "{s}", schema) }
	return examQueries{
		createSession:  sub(createProfSessionSQL),
		getSession:     sub(`SELECT ` + profSessionCols + ` FROM {s}.proficiency_session WHERE id = $1`),
		updateSession:  sub(updateProfSessionSQL),
		sessionVersion: sub(`SELECT version FROM {s}.proficiency_session WHERE id = $1`),
		createReg:      sub(createProfRegSQL),
		getReg:         sub(`SELECT ` + profRegCols + ` FROM {s}.proficiency_registration WHERE id = $1`),
		regByKey:       sub(`SELECT ` + profRegCols + `, person_key FROM {s}.proficiency_registration WHERE idempotency_key = $1`),
		updateReg:      sub(updateProfRegSQL),
		regIdent:       sub(`SELECT version, person_key, session_id, coalesce(idempotency_key, '') FROM {s}.proficiency_registration WHERE id = $1`),
		personRegs:     sub(`SELECT ` + profRegCols + ` FROM {s}.proficiency_registration WHERE person_key = $1 ORDER BY id`),
		sessionRegs:    sub(`SELECT ` + profRegCols + ` FROM {s}.proficiency_registration WHERE session_id = $1 ORDER BY id`),
	}
}

// profErr maps a foreign-key violation (a registration for a session not stored) to
// store.ErrNotFound, and the rest as mapErr does.
func profErr(op string, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == pgerrcode.ForeignKeyViolation {
		return fmt.Errorf("pgstore: %s: the session does not exist: %w (%w)", op, store.ErrNotFound, err)
	}
	return mapErr(op, err)
}

func profPointTexts(p *proficiency.Points) []string {
	out := make([]string, len(p))
	for i, d := range p {
		out[i] = d.String()
	}
	return out
}

func profParsePoints(ss []string) (proficiency.Points, error) {
	var p proficiency.Points
	if len(ss) != len(p) {
		return p, fmt.Errorf("%d points; want %d", len(ss), len(p))
	}
	for i, s := range ss {
		d, err := decimal.NewFromString(s)
		if err != nil {
			return p, err
		}
		p[i] = d
	}
	return p, nil
}

func profSessionArgs(s *proficiency.Session) ([]any, error) {
	var examiners *string
	if len(s.Examiners) > 0 {
		b, err := json.Marshal(s.Examiners)
		if err != nil {
			return nil, err
		}
		str := string(b)
		examiners = &str
	}
	centres := s.Centres
	if centres == nil {
		centres = []string{}
	}
	return []any{s.ID, s.Organiser, int16(s.Level), s.Date, s.Start, centres, profPointTexts(&s.Max), s.WorkRelatedOral, examiners}, nil
}

func scanProfSession(row pgx.Row) (proficiency.Session, error) {
	var (
		s         proficiency.Session
		level     int16
		max       []string
		examiners []byte
	)
	if err := row.Scan(&s.ID, &s.Organiser, &level, &s.Date, &s.Start, &s.Centres, &max, &s.WorkRelatedOral, &examiners, &s.Version); err != nil {
		return s, err
	}
	s.Level = proficiency.Level(level)
	var err error
	if s.Max, err = profParsePoints(max); err != nil {
		return s, fmt.Errorf("max points: %w", err)
	}
	if len(s.Centres) == 0 {
		s.Centres = nil
	}
	if len(examiners) > 0 {
		if err := json.Unmarshal(examiners, &s.Examiners); err != nil {
			return s, fmt.Errorf("examiners: %w", err)
		}
	}
	return s, nil
}

// CreateProficiencySession implements proficiency.Store, in one statement.
func (s *Store) CreateProficiencySession(ctx context.Context, sess proficiency.Session, events []store.Event) (proficiency.Session, error) {
	sess = sess.Clone()
	op := fmt.Sprintf("create session %q", sess.ID)
	args, err := profSessionArgs(&sess)
	if err != nil {
		return proficiency.Session{}, mapErr(op, err)
	}
	evs, err := eventArgs(events)
	if err != nil {
		return proficiency.Session{}, mapErr(op, err)
	}
	var id string
	if err := s.db.QueryRow(ctx, s.eq.createSession, append(args, evs...)...).Scan(&id); err != nil {
		return proficiency.Session{}, mapErr(op, err)
	}
	sess.Version = 1
	return sess, nil
}

// ProficiencySession implements proficiency.Store.
func (s *Store) ProficiencySession(ctx context.Context, id string) (proficiency.Session, error) {
	sess, err := scanProfSession(s.db.QueryRow(ctx, s.eq.getSession, id))
	if err != nil {
		return proficiency.Session{}, mapErr(fmt.Sprintf("session %q", id), err)
	}
	return sess, nil
}

// UpdateProficiencySession implements proficiency.Store, in one statement.
func (s *Store) UpdateProficiencySession(ctx context.Context, sess proficiency.Session, events []store.Event) (proficiency.Session, error) {
	sess = sess.Clone()
	op := fmt.Sprintf("update session %q", sess.ID)
	args, err := profSessionArgs(&sess)
	if err != nil {
		return proficiency.Session{}, mapErr(op, err)
	}
	evs, err := eventArgs(events)
	if err != nil {
		return proficiency.Session{}, mapErr(op, err)
	}
	args = append(append(args, sess.Version), evs...)
	var v int64
	err = s.db.QueryRow(ctx, s.eq.updateSession, args...).Scan(&v)
	if err == nil {
		sess.Version = v
		return sess, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return proficiency.Session{}, mapErr(op, err)
	}
	var stored int64
	if err := s.db.QueryRow(ctx, s.eq.sessionVersion, sess.ID).Scan(&stored); err != nil {
		return proficiency.Session{}, mapErr(op, err)
	}
	return proficiency.Session{}, fmt.Errorf("pgstore: %s: stored version %d, not %d: %w", op, stored, sess.Version, store.ErrConflict)
}

// profRegArgs returns the parameters $1..$16 of a registration: the columns, and the rest of the record
// as JSON without what the columns hold.
func profRegArgs(r *proficiency.Registration) ([]any, error) {
	rest := r.Clone()
	rest.ID, rest.Key, rest.Session, rest.Date, rest.Status, rest.Version = 0, "", "", calendar.Date{}, 0, 0
	rest.RegisteredOn, rest.CancelledOn, rest.NoticeSentOn, rest.GradedOn = calendar.Date{}, calendar.Date{}, calendar.Date{}, calendar.Date{}
	rest.RegisteredAt, rest.Certificate = time.Time{}, ""
	var (
		points         []string
		total, maximum *string
		passed         *bool
	)
	if r.Result != nil {
		points = profPointTexts(&r.Result.Points)
		rest.Result.Points = proficiency.Points{}
	}
	if r.Grade != nil {
		t, m := r.Grade.Total.String(), r.Grade.Max.String()
		total, maximum, passed = &t, &m, &r.Grade.Passed
		rest.Grade.Total, rest.Grade.Max, rest.Grade.Passed = decimal.Decimal{}, decimal.Decimal{}, false
	}
	data, err := json.Marshal(rest)
	if err != nil {
		return nil, err
	}
	return []any{textOrNil(r.Key), r.Person.Key(), r.Session, r.Date, int16(r.Status), r.RegisteredOn,
		r.RegisteredAt, r.CancelledOn, r.NoticeSentOn, r.GradedOn, points, total, maximum, passed,
		textOrNil(string(r.Certificate)), string(data)}, nil
}

// scanProfReg reads the columns of profRegCols (and extra destinations after them).
func scanProfReg(row pgx.Row, extra ...any) (proficiency.Registration, error) {
	var (
		id, version        int64
		key, session, cert string
		date, on           calendar.Date
		cancelled, notice  calendar.Date
		graded             calendar.Date
		status             int16
		at                 time.Time
		points             []string
		total, maximum     *string
		passed             *bool
		data               []byte
		r                  proficiency.Registration
	)
	dest := []any{&id, &key, &session, &date, &status, &on, &at, &cancelled, &notice, &graded, &points, &total,
		&maximum, &passed, &cert, &data, &version}
	if err := row.Scan(append(dest, extra...)...); err != nil {
		return r, err
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return r, fmt.Errorf("registration data: %w", err)
	}
	r.ID, r.Key, r.Session, r.Date, r.Status, r.Version = id, key, session, date, proficiency.Status(status), version
	r.RegisteredOn, r.RegisteredAt, r.CancelledOn, r.NoticeSentOn, r.GradedOn = on, at, cancelled, notice, graded
	r.Certificate = certificate.Number(cert)
	if points != nil {
		p, err := profParsePoints(points)
		if err != nil {
			return r, fmt.Errorf("points: %w", err)
		}
		if r.Result == nil {
			r.Result = &proficiency.Result{}
		}
		r.Result.Points = p
	}
	if total != nil && maximum != nil && passed != nil {
		if r.Grade == nil {
			r.Grade = &proficiency.Grade{}
		}
		var err error
		if r.Grade.Total, err = decimal.NewFromString(*total); err != nil {
			return r, fmt.Errorf("total: %w", err)
		}
		if r.Grade.Max, err = decimal.NewFromString(*maximum); err != nil {
			return r, fmt.Errorf("maximum: %w", err)
		}
		r.Grade.Passed = *passed
	}
	return r, nil
}

// CreateProficiencyRegistration implements proficiency.Store. The registration and its events are
// one statement; with an idempotency key the key is looked up first.
func (s *Store) CreateProficiencyRegistration(ctx context.Context, r proficiency.Registration, events []store.Event) (proficiency.Registration, error) {
	r = r.Clone()
	r.RegisteredAt = r.RegisteredAt.Truncate(time.Microsecond) // timestamptz keeps microseconds
	op := fmt.Sprintf("create registration for session %q", r.Session)
	if r.Key != "" {
		if old, ok, err := s.profRegByKey(ctx, &r); ok || err != nil {
			return old, err
		}
	}
	args, err := profRegArgs(&r)
	if err != nil {
		return proficiency.Registration{}, mapErr(op, err)
	}
	evs, err := eventArgs(events)
	if err != nil {
		return proficiency.Registration{}, mapErr(op, err)
	}
	err = s.db.QueryRow(ctx, s.eq.createReg, append(args, evs...)...).Scan(&r.ID)
	if err != nil && r.Key != "" && constraintOf(err) == "proficiency_registration_idempotency_key_key" {
		// Another caller with the same key committed between the look-up and the insert.
		if old, ok, kerr := s.profRegByKey(ctx, &r); ok || kerr != nil {
			return old, kerr
		}
	}
	if err != nil {
		return proficiency.Registration{}, profErr(op, err)
	}
	r.Version = 1
	return r, nil
}

// profRegByKey returns the registration stored under r's idempotency key, if any: the stored one
// when it is for the same person and session, store.ErrExists when it is not.
func (s *Store) profRegByKey(ctx context.Context, r *proficiency.Registration) (proficiency.Registration, bool, error) {
	var person string
	old, err := scanProfReg(s.db.QueryRow(ctx, s.eq.regByKey, r.Key), &person)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return proficiency.Registration{}, false, nil
	case err != nil:
		return proficiency.Registration{}, false, mapErr("idempotency key look-up", err)
	case person != r.Person.Key() || old.Session != r.Session:
		return proficiency.Registration{}, true, fmt.Errorf("pgstore: idempotency key %q was used for another registration: %w", r.Key, store.ErrExists)
	}
	return old, true, nil
}

// ProficiencyRegistration implements proficiency.Store.
func (s *Store) ProficiencyRegistration(ctx context.Context, id int64) (proficiency.Registration, error) {
	r, err := scanProfReg(s.db.QueryRow(ctx, s.eq.getReg, id))
	if err != nil {
		return proficiency.Registration{}, mapErr(fmt.Sprintf("registration %d", id), err)
	}
	return r, nil
}

// UpdateProficiencyRegistration implements proficiency.Store, in one statement.
func (s *Store) UpdateProficiencyRegistration(ctx context.Context, r proficiency.Registration, events []store.Event) (proficiency.Registration, error) {
	r = r.Clone()
	r.RegisteredAt = r.RegisteredAt.Truncate(time.Microsecond)
	op := fmt.Sprintf("update registration %d", r.ID)
	args, err := profRegArgs(&r)
	if err != nil {
		return proficiency.Registration{}, mapErr(op, err)
	}
	evs, err := eventArgs(events)
	if err != nil {
		return proficiency.Registration{}, mapErr(op, err)
	}
	args = append(append(args, r.ID, r.Version), evs...)
	var v int64
	err = s.db.QueryRow(ctx, s.eq.updateReg, args...).Scan(&v)
	if err == nil {
		r.Version = v
		return r, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return proficiency.Registration{}, mapErr(op, err)
	}
	// Nothing was updated: say why.
	var (
		stored               int64
		person, session, key string
	)
	if err := s.db.QueryRow(ctx, s.eq.regIdent, r.ID).Scan(&stored, &person, &session, &key); err != nil {
		return proficiency.Registration{}, mapErr(op, err)
	}
	if person != r.Person.Key() || session != r.Session || key != r.Key {
		return proficiency.Registration{}, fmt.Errorf("pgstore: %s: the person, the session and the key never change: %w", op, proficiency.ErrInvalid)
	}
	return proficiency.Registration{}, fmt.Errorf("pgstore: %s: stored version %d, not %d: %w", op, stored, r.Version, store.ErrConflict)
}

func (s *Store) collectProfRegs(ctx context.Context, op, sql string, arg any) ([]proficiency.Registration, error) {
	rows, err := s.db.Query(ctx, sql, arg)
	if err != nil {
		return nil, mapErr(op, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (proficiency.Registration, error) { return scanProfReg(r) })
	if err != nil {
		return nil, mapErr(op, err)
	}
	return out, nil
}

// PersonProficiencyRegistrations implements proficiency.Store.
func (s *Store) PersonProficiencyRegistrations(ctx context.Context, person string) ([]proficiency.Registration, error) {
	return s.collectProfRegs(ctx, "person's registrations", s.eq.personRegs, person)
}

// SessionProficiencyRegistrations implements proficiency.Store.
func (s *Store) SessionProficiencyRegistrations(ctx context.Context, session string) ([]proficiency.Registration, error) {
	return s.collectProfRegs(ctx, "session's registrations", s.eq.sessionRegs, session)
}
