package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/exam/vocational"
	"github.com/kutsekit/kutse/store"
)

var _ vocational.Store = (*Store)(nil)

// createExamSQL inserts an exam and its events in one statement.
var createExamSQL = `WITH x AS (
	INSERT INTO {s}.vocational_exam (school, body, curriculum, status, first_day, last_day, data, version)
	VALUES ($1::text, $2::text, $3::text, $4::smallint, $5::date, $6::date, $7::jsonb, 1)
	RETURNING id
), ` + outboxCTEWith("x", "'vocational/' || x.id::text", 8) + `
SELECT id FROM x`

// updateExamSQL writes an exam if its version matches and its school, body and curriculum are
// unchanged, with its events, in one statement.
var updateExamSQL = `WITH u AS (
	UPDATE {s}.vocational_exam SET status = $4::smallint, first_day = $5::date, last_day = $6::date,
		data = $7::jsonb, version = version + 1
	WHERE id = $8::bigint AND version = $9::bigint AND school = $1::text AND body = $2::text AND curriculum = $3::text
	RETURNING id, version
), ` + outboxCTEWith("u", "'vocational/' || u.id::text", 10) + `
SELECT version FROM u`

const examIdentSQL = `SELECT version, school, body, curriculum FROM {s}.vocational_exam WHERE id = $1`

const examsSQL = `SELECT id, data, version FROM {s}.vocational_exam
WHERE ($1::text = '' OR school = $1::text)
	AND ($2::text = '' OR body = $2::text)
	AND ($3::smallint = 0 OR status = $3::smallint)
	AND id > $4::bigint
	AND ($5::date IS NULL OR last_day >= $5::date)
	AND ($6::date IS NULL OR first_day <= $6::date)
ORDER BY id
LIMIT $7`

// examArgs returns the parameters $1..$7 of the insert and the update.
func examArgs(e *vocational.Exam) ([]any, error) {
	b, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	first, last := e.Period()
	return []any{e.School.Code, e.Body.Code, e.Curriculum.Code, int16(e.Status), first, last, string(b)}, nil
}

func scanExam(row pgx.Row) (vocational.Exam, error) {
	var (
		e    vocational.Exam
		id   int64
		data []byte
		v    int64
	)
	if err := row.Scan(&id, &data, &v); err != nil {
		return vocational.Exam{}, err
	}
	if err := json.Unmarshal(data, &e); err != nil {
		return vocational.Exam{}, fmt.Errorf("exam %d: %w", id, err)
	}
	e.ID, e.Version = id, v
	return e, nil
}

// CreateVocationalExam implements vocational.Store, in one statement.
func (s *Store) CreateVocationalExam(ctx context.Context, e vocational.Exam, events []store.Event) (vocational.Exam, error) {
	e = e.Clone()
	e.ID, e.Version = 0, 1
	args, err := examArgs(&e)
	if err != nil {
		return vocational.Exam{}, mapErr("create exam", err)
	}
	evs, err := eventArgs(events)
	if err != nil {
		return vocational.Exam{}, mapErr("create exam", err)
	}
	if err := s.db.QueryRow(ctx, s.sub(createExamSQL), append(args, evs...)...).Scan(&e.ID); err != nil {
		return vocational.Exam{}, mapErr("create exam", err)
	}
	return e, nil
}

// VocationalExam implements vocational.Store.
func (s *Store) VocationalExam(ctx context.Context, id int64) (vocational.Exam, error) {
	e, err := scanExam(s.db.QueryRow(ctx, s.sub(`SELECT id, data, version FROM {s}.vocational_exam WHERE id = $1`), id))
	if err != nil {
		return vocational.Exam{}, mapErr(fmt.Sprintf("exam %d", id), err)
	}
	return e, nil
}

// UpdateVocationalExam implements vocational.Store, in one statement.
func (s *Store) UpdateVocationalExam(ctx context.Context, e vocational.Exam, events []store.Event) (vocational.Exam, error) {
	return s.updateExam(ctx, e.Clone(), events)
}

// updateExam writes e (a copy the caller owns) if its version matches, with events.
func (s *Store) updateExam(ctx context.Context, e vocational.Exam, events []store.Event) (vocational.Exam, error) {
	op := fmt.Sprintf("update exam %d", e.ID)
	args, err := examArgs(&e)
	if err != nil {
		return vocational.Exam{}, mapErr(op, err)
	}
	evs, err := eventArgs(events)
	if err != nil {
		return vocational.Exam{}, mapErr(op, err)
	}
	args = append(append(args, e.ID, e.Version), evs...)
	var v int64
	err = s.db.QueryRow(ctx, s.sub(updateExamSQL), args...).Scan(&v)
	if err == nil {
		e.Version = v
		return e, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return vocational.Exam{}, mapErr(op, err)
	}
	return vocational.Exam{}, s.whyNotExam(ctx, &e, op)
}

// whyNotExam says why an exam was not written: not found, changed identity, or a stale version.
func (s *Store) whyNotExam(ctx context.Context, e *vocational.Exam, op string) error {
	var (
		stored                   int64
		school, body, curriculum string
	)
	if err := s.db.QueryRow(ctx, s.sub(examIdentSQL), e.ID).Scan(&stored, &school, &body, &curriculum); err != nil {
		return mapErr(op, err)
	}
	if school != e.School.Code || body != e.Body.Code || curriculum != e.Curriculum.Code {
		return fmt.Errorf("pgstore: %s: the school, the body and the curriculum never change: %w", op, vocational.ErrInvalid)
	}
	return fmt.Errorf("pgstore: %s: stored version %d, not %d: %w", op, stored, e.Version, store.ErrConflict)
}

// VocationalExams implements vocational.Store.
func (s *Store) VocationalExams(ctx context.Context, q vocational.ExamQuery) ([]vocational.Exam, error) {
	var from, until *calendar.Date
	if !q.From.IsZero() {
		from = &q.From
	}
	if !q.Until.IsZero() {
		until = &q.Until
	}
	if from != nil || until != nil {
		// An exam without sittings is never in a period: first_day is NULL and the bounds fail. With
		// only one bound given, the other is made to hold only for exams with sittings.
		if from == nil {
			from = &calendar.Date{Year: 1, Month: 1, Day: 1}
		}
		if until == nil {
			until = &calendar.Date{Year: 9999, Month: 12, Day: 31}
		}
	}
	rows, err := s.db.Query(ctx, s.sub(examsSQL), q.School, q.Body, int16(q.Status), max(q.AfterID, 0), from, until, q.EffectiveLimit())
	if err != nil {
		return nil, mapErr("exams", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (vocational.Exam, error) { return scanExam(r) })
	if err != nil {
		return nil, mapErr("exams", err)
	}
	if out == nil {
		out = []vocational.Exam{}
	}
	return out, nil
}

// SignVocationalExam implements vocational.Store in one transaction (pgx.BeginFunc: on the host's
// transaction, a savepoint): the exam's row is locked and its version checked (so a second signing
// waits here and then fails with store.ErrConflict, never reaching the number series), the
// certificates are issued as IssueCertificates issues a batch (four statements however many), and
// the exam as linked is written with its events. Any error rolls all of it back, the series'
// counters included.
func (s *Store) SignVocationalExam(ctx context.Context, in vocational.Signing) (vocational.Exam, []certificate.Certificate, error) {
	if err := certificate.CheckBatch(in.Certificates); err != nil {
		return vocational.Exam{}, nil, err
	}
	op := fmt.Sprintf("sign exam %d", in.Exam.ID)
	var (
		out   vocational.Exam
		certs []certificate.Certificate
	)
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		t := s.WithDB(tx)
		var v int64
		err := tx.QueryRow(ctx, s.sub(`SELECT version FROM {s}.vocational_exam WHERE id = $1 FOR UPDATE`), in.Exam.ID).Scan(&v)
		if err != nil {
			return mapErr(op, err)
		}
		if v != in.Exam.Version {
			return fmt.Errorf("pgstore: %s: stored version %d, not %d: %w", op, v, in.Exam.Version, store.ErrConflict)
		}
		if certs, err = t.issueBatch(ctx, in.Certificates); err != nil {
			return err
		}
		e, evs, err := in.Link(certs)
		if err != nil {
			return err
		}
		out, err = t.updateExam(ctx, e, evs)
		return err
	})
	if err != nil {
		return vocational.Exam{}, nil, batchErr(op, err)
	}
	return out, certs, nil
}
