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

	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/store"
)

var _ application.Store = (*Store)(nil)

// appRecord is the part of an application kept in the record column, with names of its own so that
// the stored document does not follow renames of the Go fields.
type appRecord struct {
	BodyName        string                   `json:"bodyName"`
	ReceiverName    string                   `json:"receiverName"`
	StandardVersion register.ID              `json:"standardVersion"`
	StandardName    string                   `json:"standardName"`
	Level           classifier.Level         `json:"level"`
	Applicant       application.Person       `json:"applicant"`
	Choice          application.Choice       `json:"choice"`
	Conditions      []application.Condition  `json:"conditions,omitempty"`
	Declared        bool                     `json:"declared"`
	Attachments     []application.Attachment `json:"attachments,omitempty"`
	Form            application.Form         `json:"form"`
	Completion      application.Completion   `json:"completion"`
	Admission       application.Admission    `json:"admission"`
	Decision        application.Decision     `json:"decision"`
	Contest         application.Contest      `json:"contest"`
}

const appCols = `id, kind, state, applicant_code, body, receiver, standard, coalesce(certificate, ''), coalesce(awarded, ''),
	created_at, submitted_at, submitted_on, record, form, version`

// appQueries are package application's statements with the schema filled in.
type appQueries struct {
	create, get, update, ident, list, awarded     string
	settings, insertSettings, updateSettings, has string
}

func buildAppQueries(schema string) appQueries {
	sub := func(q string) string { return strings.ReplaceAll(q, "{s}", schema) }
	return appQueries{
		create: sub(`WITH c AS (
	INSERT INTO {s}.application (kind, state, applicant_code, body, receiver, standard, certificate, created_at,
		submitted_at, submitted_on, record, form)
	VALUES ($1::smallint, $2::smallint, $3::text, $4::text, $5::text, $6::bigint, $7::text, $8::timestamptz,
		$9::timestamptz, $10::date, $11::jsonb, $12::bytea)
	RETURNING id
), ` + outboxCTEWith("c", "'application/' || c.id::text", 13) + `
SELECT id FROM c`),
		get: sub(`SELECT ` + appCols + ` FROM {s}.application WHERE id = $1`),
		update: sub(`WITH u AS (
	UPDATE {s}.application SET kind = $2::smallint, state = $3::smallint, receiver = $4::text, standard = $5::bigint,
		certificate = $6::text, created_at = $7::timestamptz, submitted_at = $8::timestamptz, submitted_on = $9::date,
		record = $10::jsonb, form = coalesce($11::bytea, form), version = version + 1
	WHERE id = $1::bigint AND version = $12::bigint AND applicant_code = $13::text AND body = $14::text
		AND awarded IS NOT DISTINCT FROM $15::text
	RETURNING id, version
), ` + outboxCTEWith("u", "'application/' || u.id::text", 16) + `
SELECT version FROM u`),
		ident: sub(`SELECT version, applicant_code, body, coalesce(awarded, '') FROM {s}.application WHERE id = $1`),
		list: sub(`SELECT ` + strings.Replace(appCols, "record, form,", "record, NULL::bytea,", 1) + ` FROM {s}.application
WHERE id > $1::bigint
	AND ($2::text = '' OR applicant_code = $2::text)
	AND ($3::text = '' OR body = $3::text)
	AND ($4::text = '' OR receiver = $4::text)
	AND ($5::smallint = 0 OR state = $5::smallint)
	AND (NOT $6::boolean OR state <> 1)
ORDER BY id
LIMIT $7`),
		awarded:        sub(`UPDATE {s}.application SET awarded = $2::text WHERE id = $1::bigint AND awarded IS NULL`),
		settings:       sub(`SELECT settings, version FROM {s}.application_settings WHERE body = $1`),
		insertSettings: sub(`INSERT INTO {s}.application_settings (body, settings, updated_at) VALUES ($1::text, $2::jsonb, $3::timestamptz)`),
		updateSettings: sub(`UPDATE {s}.application_settings SET settings = $2::jsonb, updated_at = $3::timestamptz, version = version + 1
WHERE body = $1::text AND version = $4::bigint
RETURNING version`),
		has: sub(`SELECT EXISTS (SELECT 1 FROM {s}.application_settings WHERE body = $1)`),
	}
}

// truncApp keeps the instants at the microsecond PostgreSQL stores, so an application reads back as
// written.
func truncApp(a *application.Application) {
	us := time.Microsecond
	a.CreatedAt, a.SubmittedAt, a.Form.GeneratedAt = a.CreatedAt.Truncate(us), a.SubmittedAt.Truncate(us), a.Form.GeneratedAt.Truncate(us)
	for i := range a.Attachments {
		a.Attachments[i].At = a.Attachments[i].At.Truncate(us)
	}
}

// appArgs returns the parameters of the columns an application writes: kind, state, receiver,
// standard, certificate, created_at, submitted_at, submitted_on, record, form.
func appArgs(a *application.Application) (kind, state int16, rest []any, err error) {
	rec := appRecord{BodyName: a.BodyName, ReceiverName: a.ReceiverName, StandardVersion: a.StandardVersion,
		StandardName: a.StandardName, Level: a.Level, Applicant: a.Applicant, Choice: a.Choice, Conditions: a.Conditions,
		Declared: a.Declared, Attachments: a.Attachments, Form: a.Form, Completion: a.Completion, Admission: a.Admission,
		Decision: a.Decision, Contest: a.Contest}
	doc, err := json.Marshal(rec)
	if err != nil {
		return 0, 0, nil, err
	}
	var form []byte
	if len(a.Form.Data) > 0 {
		form = a.Form.Data
	}
	return int16(a.Kind), int16(a.State), []any{a.Receiver, int64(a.Standard), textOrNil(string(a.Certificate)),
		a.CreatedAt, instantOrNil(a.SubmittedAt), dateOrNil(a.Submitted), string(doc), form}, nil
}

func scanApp(row pgx.Row) (application.Application, error) {
	var (
		a             application.Application
		kind, state   int16
		code          isikukood.Code
		std           int64
		cert, awarded string
		submittedAt   *time.Time
		submittedOn   calendar.Date
		doc, form     []byte
		rec           appRecord
	)
	if err := row.Scan(&a.ID, &kind, &state, &code, &a.Body, &a.Receiver, &std, &cert, &awarded, &a.CreatedAt,
		&submittedAt, &submittedOn, &doc, &form, &a.Version); err != nil {
		return application.Application{}, err
	}
	if err := json.Unmarshal(doc, &rec); err != nil {
		return application.Application{}, fmt.Errorf("application record: %w", err)
	}
	a.Kind, a.State, a.Standard = application.Kind(kind), application.State(state), register.ID(std)
	a.Certificate, a.Awarded, a.Submitted = certificate.Number(cert), certificate.Number(awarded), submittedOn
	if submittedAt != nil {
		a.SubmittedAt = *submittedAt
	}
	a.BodyName, a.ReceiverName, a.StandardVersion, a.StandardName, a.Level = rec.BodyName, rec.ReceiverName, rec.StandardVersion, rec.StandardName, rec.Level
	a.Applicant, a.Applicant.Code, a.Choice, a.Conditions, a.Declared = rec.Applicant, code, rec.Choice, rec.Conditions, rec.Declared
	a.Attachments, a.Form, a.Completion, a.Admission, a.Decision, a.Contest = rec.Attachments, rec.Form, rec.Completion, rec.Admission, rec.Decision, rec.Contest
	if len(form) > 0 {
		a.Form.Data = form
	}
	return a, nil
}

// CreateApplication implements application.Store, in one statement with its events.
func (s *Store) CreateApplication(ctx context.Context, a application.Application, events []store.Event) (application.Application, error) {
	a = a.Clone()
	truncApp(&a)
	kind, state, rest, err := appArgs(&a)
	if err != nil {
		return application.Application{}, mapErr("create application", err)
	}
	evs, err := eventArgs(events)
	if err != nil {
		return application.Application{}, mapErr("create application", err)
	}
	args := append([]any{kind, state, a.Applicant.Code.String(), a.Body, rest[0], rest[1], rest[2], rest[3], rest[4], rest[5], rest[6], rest[7]}, evs...)
	if err := s.db.QueryRow(ctx, s.aq.create, args...).Scan(&a.ID); err != nil {
		return application.Application{}, mapErr("create application", err)
	}
	a.Version = 1
	return a, nil
}

// Application implements application.Store.
func (s *Store) Application(ctx context.Context, id int64) (application.Application, error) {
	a, err := scanApp(s.db.QueryRow(ctx, s.aq.get, id))
	if err != nil {
		return application.Application{}, mapErr("application "+strconv.FormatInt(id, 10), err)
	}
	return a, nil
}

// UpdateApplication implements application.Store, in one statement with its events.
func (s *Store) UpdateApplication(ctx context.Context, a application.Application, events []store.Event) (application.Application, error) {
	return s.updateApp(ctx, a, events, false)
}

// updateApp writes a guarded by its version, its applicant, body and certificate awarded. award
// says the caller is awarding it: an application awarded already is then a conflict, not bad input.
func (s *Store) updateApp(ctx context.Context, a application.Application, events []store.Event, award bool) (application.Application, error) {
	a = a.Clone()
	truncApp(&a)
	op := "update application " + strconv.FormatInt(a.ID, 10)
	kind, state, rest, err := appArgs(&a)
	if err != nil {
		return application.Application{}, mapErr(op, err)
	}
	evs, err := eventArgs(events)
	if err != nil {
		return application.Application{}, mapErr(op, err)
	}
	args := append(append([]any{a.ID, kind, state}, rest...), a.Version, a.Applicant.Code.String(), a.Body, textOrNil(string(a.Awarded)))
	var v int64
	err = s.db.QueryRow(ctx, s.aq.update, append(args, evs...)...).Scan(&v)
	if err == nil {
		a.Version = v
		return a, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return application.Application{}, mapErr(op, err)
	}
	var (
		stored        int64
		code, body, x string
	)
	if err := s.db.QueryRow(ctx, s.aq.ident, a.ID).Scan(&stored, &code, &body, &x); err != nil {
		return application.Application{}, mapErr(op, err)
	}
	switch {
	case stored != a.Version:
		return application.Application{}, fmt.Errorf("pgstore: %s: stored version %d, not %d: %w", op, stored, a.Version, store.ErrConflict)
	case award && x != "":
		return application.Application{}, fmt.Errorf("pgstore: %s: awarded already (%s): %w", op, x, store.ErrConflict)
	}
	return application.Application{}, fmt.Errorf("pgstore: %s: the applicant, the awarding body and the certificate awarded never change: %w", op, certificate.ErrInvalid)
}

// Applications implements application.Store.
func (s *Store) Applications(ctx context.Context, q application.Query) ([]application.Application, error) {
	code := ""
	if !q.Applicant.IsZero() {
		code = q.Applicant.String()
	}
	rows, err := s.db.Query(ctx, s.aq.list, max(q.AfterID, 0), code, q.Body, q.Receiver, int16(q.State), q.Submitted, q.EffectiveLimit())
	return collect(rows, err, "applications", scanApp)
}

// AwardApplication implements application.Store in one transaction (pgx.BeginFunc: on the host's
// transaction, a savepoint). The application's row is updated first, guarded by its version and
// by not being awarded: its row lock makes a concurrent decider wait and then find the version
// changed. Then the certificate is issued as IssueCertificate issues it (its series' counter row
// locked to the end), the application linked to it and the events written; any error rolls all of
// it back, the number's counter included.
func (s *Store) AwardApplication(ctx context.Context, in application.Awarding) (application.Issued, error) {
	a := in.Application.Clone()
	var out application.Issued
	op := "award application " + strconv.FormatInt(a.ID, 10)
	if a.Awarded != "" {
		return application.Issued{}, fmt.Errorf("pgstore: %s: awarded already (%s): %w", op, a.Awarded, store.ErrConflict)
	}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		t := s.WithDB(tx)
		na, err := t.updateApp(ctx, a, nil, true)
		if err != nil {
			return err
		}
		c, err := t.IssueCertificate(ctx, in.Issue)
		if err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, s.aq.awarded, a.ID, string(c.Number))
		if err != nil {
			return mapErr(op, err)
		}
		if tag.RowsAffected() != 1 {
			return fmt.Errorf("pgstore: %s: awarded already: %w", op, store.ErrConflict)
		}
		if err := t.writeEvents(ctx, a.Subject(), in.EventsFor(c.Number), op); err != nil {
			return err
		}
		na.Awarded = c.Number
		out = application.Issued{Application: na, Certificate: c}
		return nil
	})
	if err != nil {
		return application.Issued{}, txErr(op, err)
	}
	return out, nil
}

// BodySettings implements application.Store.
func (s *Store) BodySettings(ctx context.Context, body string) (application.Settings, error) {
	var (
		doc []byte
		set application.Settings
	)
	var v int64
	if err := s.db.QueryRow(ctx, s.aq.settings, body).Scan(&doc, &v); err != nil {
		return application.Settings{}, mapErr("settings of "+body, err)
	}
	if err := json.Unmarshal(doc, &set); err != nil {
		return application.Settings{}, fmt.Errorf("pgstore: settings of %s: %w", body, err)
	}
	set.Version = v
	return set, nil
}

// PutBodySettings implements application.Store.
func (s *Store) PutBodySettings(ctx context.Context, set application.Settings) (application.Settings, error) {
	set = set.Clone()
	set.UpdatedAt = set.UpdatedAt.Truncate(time.Microsecond)
	op := "settings of " + set.Body
	doc, err := json.Marshal(set)
	if err != nil {
		return application.Settings{}, mapErr(op, err)
	}
	if set.Version == 0 {
		if _, err := s.db.Exec(ctx, s.aq.insertSettings, set.Body, string(doc), set.UpdatedAt); err != nil {
			return application.Settings{}, mapErr(op, err)
		}
		set.Version = 1
		return set, nil
	}
	var v int64
	err = s.db.QueryRow(ctx, s.aq.updateSettings, set.Body, string(doc), set.UpdatedAt, set.Version).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		var has bool
		if err := s.db.QueryRow(ctx, s.aq.has, set.Body).Scan(&has); err != nil {
			return application.Settings{}, mapErr(op, err)
		}
		if !has {
			return application.Settings{}, fmt.Errorf("pgstore: %s: %w", op, store.ErrNotFound)
		}
		return application.Settings{}, fmt.Errorf("pgstore: %s: stored version differs from %d: %w", op, set.Version, store.ErrConflict)
	}
	if err != nil {
		return application.Settings{}, mapErr(op, err)
	}
	set.Version = v
	return set, nil
}
