package pgstore

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/store"
)

var _ register.Store = (*Store)(nil)

// registerLock returns the advisory lock key that serialises the register's writes in a schema: a
// put reads the other side (the bodies of a standard, the standards of a body) to rebuild the search
// index, so two puts must not interleave. Register data change daily at most.
func (s *Store) registerLock() int64 {
	h := fnv.New64a()
	h.Write([]byte("kutse/pgstore/register/" + s.schema))
	return int64(h.Sum64())
}

func (s *Store) sub(q string) string {
	return strings.ReplaceAll(q, "{s}", pgx.Identifier{s.schema}.Sanitize())
}

// Standard implements register.Store.
func (s *Store) Standard(ctx context.Context, id register.ID) (register.Standard, error) {
	var data []byte
	var rev int64
	err := s.db.QueryRow(ctx, s.sub(`SELECT s.data, s.revision FROM {s}.reg_standard s
		JOIN {s}.reg_standard_version v ON v.standard_id = s.id WHERE v.id = $1`), int64(id)).Scan(&data, &rev)
	if err != nil {
		return register.Standard{}, mapErr("standard "+id.String(), err)
	}
	var st register.Standard
	if err := json.Unmarshal(data, &st); err != nil {
		return register.Standard{}, fmt.Errorf("pgstore: standard %s: %w", id, err)
	}
	st.Revision = rev
	return st, nil
}

// AwardingBody implements register.Store.
func (s *Store) AwardingBody(ctx context.Context, code string) (register.AwardingBody, error) {
	var data []byte
	var rev int64
	err := s.db.QueryRow(ctx, s.sub(`SELECT data, revision FROM {s}.reg_body WHERE code = $1`), code).Scan(&data, &rev)
	if err != nil {
		return register.AwardingBody{}, mapErr("awarding body "+code, err)
	}
	var b register.AwardingBody
	if err := json.Unmarshal(data, &b); err != nil {
		return register.AwardingBody{}, fmt.Errorf("pgstore: awarding body %s: %w", code, err)
	}
	b.Revision = rev
	return b, nil
}

// revise applies register.NextRevision to the stored revision read with FOR UPDATE (pgx.ErrNoRows:
// none stored).
func revise(what string, given int64, row pgx.Row) (int64, error) {
	var stored int64
	err := row.Scan(&stored)
	if err != nil && err != pgx.ErrNoRows {
		return 0, err
	}
	return register.NextRevision(what, given, stored, err == nil)
}

// PutStandard implements register.Store.
func (s *Store) PutStandard(ctx context.Context, st register.Standard) (register.Standard, error) {
	ids := make([]int64, len(st.Versions))
	for i, v := range st.Versions {
		ids[i] = int64(v.ID)
	}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", s.registerLock()); err != nil {
			return err
		}
		rev, err := revise("standard "+st.ID.String(), st.Revision,
			tx.QueryRow(ctx, s.sub(`SELECT revision FROM {s}.reg_standard WHERE id = $1 FOR UPDATE`), int64(st.ID)))
		if err != nil {
			return err
		}
		var owner int64
		err = tx.QueryRow(ctx, s.sub(`SELECT standard_id FROM {s}.reg_standard_version WHERE id = ANY($1) AND standard_id <> $2 LIMIT 1`),
			ids, int64(st.ID)).Scan(&owner)
		if err == nil {
			return fmt.Errorf("pgstore: a version of standard %s belongs to standard %d: %w", st.ID, owner, store.ErrExists)
		} else if err != pgx.ErrNoRows {
			return err
		}
		st.Revision = rev
		data, err := json.Marshal(st)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, s.sub(`INSERT INTO {s}.reg_standard (id, data, revision) VALUES ($1, $2, $3)
			ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data, revision = EXCLUDED.revision`), int64(st.ID), data, rev); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, s.sub(`DELETE FROM {s}.reg_standard_version WHERE standard_id = $1`), int64(st.ID)); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, s.sub(`INSERT INTO {s}.reg_standard_version (id, standard_id) SELECT unnest($1::bigint[]), $2`), ids, int64(st.ID)); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, s.sub(`SELECT DISTINCT b.code, b.data FROM {s}.reg_award a JOIN {s}.reg_body b ON b.code = a.body_code
			WHERE a.standard_ref = ANY($1) ORDER BY b.code`), ids)
		if err != nil {
			return err
		}
		bodies, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (register.AwardingBody, error) {
			var code string
			var data []byte
			var b register.AwardingBody
			if err := r.Scan(&code, &data); err != nil {
				return b, err
			}
			return b, json.Unmarshal(data, &b)
		})
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, s.sub(`DELETE FROM {s}.qualification WHERE standard_id = $1`), int64(st.ID)); err != nil {
			return err
		}
		var es []register.Entry
		for i := range bodies {
			es = append(es, register.Entries(&st, &bodies[i])...)
		}
		return s.insertEntries(ctx, tx, es)
	})
	if err != nil {
		return register.Standard{}, mapErr("put standard "+st.ID.String(), err)
	}
	return st, nil
}

// PutAwardingBody implements register.Store.
func (s *Store) PutAwardingBody(ctx context.Context, b register.AwardingBody) (register.AwardingBody, error) {
	refs := make([]int64, 0, len(b.Awards))
	for _, a := range b.Awards {
		refs = append(refs, int64(a.Standard))
	}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", s.registerLock()); err != nil {
			return err
		}
		rev, err := revise("awarding body "+b.Code, b.Revision,
			tx.QueryRow(ctx, s.sub(`SELECT revision FROM {s}.reg_body WHERE code = $1 FOR UPDATE`), b.Code))
		if err != nil {
			return err
		}
		b.Revision = rev
		data, err := json.Marshal(b)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, s.sub(`INSERT INTO {s}.reg_body (code, data, revision) VALUES ($1, $2, $3)
			ON CONFLICT (code) DO UPDATE SET data = EXCLUDED.data, revision = EXCLUDED.revision`), b.Code, data, rev); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, s.sub(`DELETE FROM {s}.reg_award WHERE body_code = $1`), b.Code); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, s.sub(`INSERT INTO {s}.reg_award (standard_ref, body_code) SELECT DISTINCT unnest($1::bigint[]), $2`), refs, b.Code); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, s.sub(`DELETE FROM {s}.qualification WHERE body_code = $1`), b.Code); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, s.sub(`SELECT s.data FROM {s}.reg_standard s WHERE s.id IN
			(SELECT standard_id FROM {s}.reg_standard_version WHERE id = ANY($1)) ORDER BY s.id`), refs)
		if err != nil {
			return err
		}
		sts, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (register.Standard, error) {
			var data []byte
			var st register.Standard
			if err := r.Scan(&data); err != nil {
				return st, err
			}
			return st, json.Unmarshal(data, &st)
		})
		if err != nil {
			return err
		}
		var es []register.Entry
		for i := range sts {
			es = append(es, register.Entries(&sts[i], &b)...)
		}
		return s.insertEntries(ctx, tx, es)
	})
	if err != nil {
		return register.AwardingBody{}, mapErr("put awarding body "+b.Code, err)
	}
	return b, nil
}

var entryCols = []string{"standard_id", "version_id", "body_code", "open_from", "open_until", "name_key", "body_key",
	"search", "grp", "field", "occupation", "specs", "partials", "entry"}

// insertEntries copies the search entries into the index table.
func (s *Store) insertEntries(ctx context.Context, tx pgx.Tx, es []register.Entry) error {
	if len(es) == 0 {
		return nil
	}
	rows := make([][]any, len(es))
	for i := range es {
		e := &es[i]
		row, err := json.Marshal(e.Row)
		if err != nil {
			return err
		}
		rows[i] = []any{int64(e.Standard), int64(e.Version), e.Body, dateArg(e.From), dateArg(e.Until), e.NameKey, e.BodyKey,
			e.Text, e.Group, e.Field, e.Occupation, nonNil(e.Specs), nonNil(e.Partials), row}
	}
	_, err := tx.CopyFrom(ctx, pgx.Identifier{s.schema, "qualification"}, entryCols, pgx.CopyFromRows(rows))
	return err
}

func dateArg(d calendar.Date) any {
	if d.IsZero() {
		return nil
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// likePattern returns the LIKE pattern that finds w anywhere: '%' w '%' with \, % and _ escaped.
func likePattern(w string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(w) + "%"
}

// searchSQL returns the search statement for m and its arguments: only the filters m sets appear,
// each keyword word as its own LIKE so that the trigram index (qualification_search) serves it.
func (s *Store) searchSQL(m register.Match) (string, []any) {
	args := []any{dateArg(m.On)}
	where := []string{"(open_from IS NULL OR open_from <= $1)", "(open_until IS NULL OR open_until >= $1)"}
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, strings.ReplaceAll(cond, "$?", "$"+strconv.Itoa(len(args))))
	}
	if m.Body != "" {
		add("body_code = $?", m.Body)
	}
	for _, f := range []struct{ col, v string }{{"grp", m.Group}, {"field", m.Field}, {"occupation", m.Occupation}} {
		if f.v != "" {
			add(f.col+" = $?", f.v)
		}
	}
	if m.Specialisation != "" {
		add("specs @> ARRAY[$?::text]", m.Specialisation)
	}
	if m.Partial != "" {
		add("partials @> ARRAY[$?::text]", m.Partial)
	}
	for _, w := range m.Words {
		add("search LIKE $?", likePattern(w))
	}
	cond := strings.Join(where, " AND ")
	args = append(args, m.Offset, m.Limit)
	n := len(args)
	// The matches' keys are materialised once, so that the planner serves the filters by their
	// indexes (not by walking the order index, which a LIMIT would tempt it to), the count and the
	// page come from the same set in one round trip, and only the page's rows are read whole.
	return s.sub(`WITH m AS MATERIALIZED (
	SELECT standard_id, body_code, version_id, name_key, body_key FROM {s}.qualification WHERE ` + cond + `
), p AS (
	SELECT * FROM m ORDER BY name_key, body_key, standard_id, body_code, version_id OFFSET $` + strconv.Itoa(n-1) + ` LIMIT $` + strconv.Itoa(n) + `
)
SELECT (SELECT count(*) FROM m), coalesce((SELECT jsonb_agg(q.entry ORDER BY p.name_key, p.body_key, p.standard_id, p.body_code, p.version_id)
	FROM p JOIN {s}.qualification q USING (standard_id, body_code, version_id)), '[]')`), args
}

// SearchQualifications implements register.Store. The keyword's words are matched with LIKE on the
// folded text, which the trigram index serves; see the package doc for the figures.
func (s *Store) SearchQualifications(ctx context.Context, m register.Match) ([]register.Row, int, error) {
	q, args := s.searchSQL(m)
	var total int
	var data []byte
	if err := s.db.QueryRow(ctx, q, args...).Scan(&total, &data); err != nil {
		return nil, 0, mapErr("search qualifications", err)
	}
	var out []register.Row
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, 0, fmt.Errorf("pgstore: search qualifications: %w", err)
	}
	return out, total, nil
}

// ExplainSearch returns PostgreSQL's plan (EXPLAIN, text format) of the statement SearchQualifications
// runs for m, for a host (and the tests) to check that the indexes serve it.
func (s *Store) ExplainSearch(ctx context.Context, m register.Match) (string, error) {
	q, args := s.searchSQL(m)
	rows, err := s.db.Query(ctx, "EXPLAIN "+q, args...)
	if err != nil {
		return "", mapErr("explain search", err)
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return "", mapErr("explain search", err)
	}
	return strings.Join(lines, "\n"), nil
}
