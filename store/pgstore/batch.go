package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/store"
)

var _ certificate.BatchIssuer = (*Store)(nil)

// allocRangeSQL takes the next k counters of a series ($1 key, $2 first counter, $3 k) and returns
// the last: the batch's counters are last-k+1 … last. The row stays locked to the end of the
// transaction, which serialises the issuers of the series and rolls the counter back with them.
const allocRangeSQL = `INSERT INTO {s}.number_series AS ns (key, last) VALUES ($1::text, $2::bigint + $3::bigint - 1)
ON CONFLICT (key) DO UPDATE SET last = greatest(ns.last + $3::bigint, EXCLUDED.last)
RETURNING last`

const takenSQL = `SELECT number FROM {s}.certificate WHERE number = ANY($1::text[])`

const byKeysSQL = `SELECT ` + certCols + `, idempotency_key, fingerprint FROM {s}.certificate WHERE idempotency_key = ANY($1::text[])`

// insertBatchSQL inserts the certificates given as parallel arrays ($1..$33: the 31 columns of
// certArgs, the idempotency key and the fingerprint; competences and extra as JSON text, dates and
// personal codes as text, so that pgx encodes plain string arrays) and the
// events given as five parallel arrays ($34..$38, subjects filled in), in one statement.
const insertBatchSQL = `WITH c AS (
	INSERT INTO {s}.certificate (` + insertCols + `)
	SELECT u.number, u.kind, u.holder_name, u.holder_code, u.holder_birth::date, u.title, u.standard, u.ekr, u.eqf,
		u.specialisation, ARRAY(SELECT jsonb_array_elements_text(u.competences::jsonb)), u.exam_language,
		u.issuer, u.issuer_code, u.issued_on::date, u.valid_from::date, u.valid_until::date, u.hidden, u.invalidated_on::date,
		u.invalidation_reason, u.invalidation_decision, u.invalidated_by, u.replaced_by, u.replaced_on::date,
		u.duplicate_of, u.extra::jsonb, u.issued_at, u.holder_died::date, u.personal_data_until::date,
		u.search_name, u.search_entry, u.idempotency_key, u.fingerprint, 1
	FROM unnest($1::text[], $2::smallint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
		$8::smallint[], $9::smallint[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
		$15::text[], $16::text[], $17::text[], $18::boolean[], $19::text[], $20::text[], $21::text[],
		$22::text[], $23::text[], $24::text[], $25::text[], $26::text[], $27::timestamptz[], $28::text[],
		$29::text[], $30::text[], $31::text[], $32::text[], $33::text[])
		AS u(number, kind, holder_name, holder_code, holder_birth, title, standard, ekr, eqf, specialisation,
			competences, exam_language, issuer, issuer_code, issued_on, valid_from, valid_until, hidden,
			invalidated_on, invalidation_reason, invalidation_decision, invalidated_by, replaced_by,
			replaced_on, duplicate_of, extra, issued_at, holder_died, personal_data_until, search_name,
			search_entry, idempotency_key, fingerprint)
	RETURNING 1
), e AS (
	INSERT INTO {s}.outbox (kind, subject, recipient, at, data)
	SELECT ev.kind, ev.subject, ev.recipient, ev.at, ev.data::jsonb
	FROM unnest($34::text[], $35::text[], $36::text[], $37::timestamptz[], $38::text[])
		WITH ORDINALITY AS ev(kind, subject, recipient, at, data, ord)
	ORDER BY ev.ord
	RETURNING 1
)
SELECT (SELECT count(*) FROM c), (SELECT count(*) FROM e)`

// IssueCertificates implements certificate.BatchIssuer in one transaction (pgx.BeginFunc: on the
// host's transaction, a savepoint) of four statements however large the batch: the idempotency
// keys are looked up, each series' counters are taken k at a time (one INSERT … ON CONFLICT DO
// UPDATE … RETURNING per series, its row locked to the commit), the new numbers are checked against
// numbers already taken, and the certificates and their events are inserted from arrays (unnest) in
// one statement. Any error rolls all of it back, the counters included, so the series stays
// gap-free. When a concurrent batch commits a certificate under one of the batch's idempotency keys
// between the look-up and the insert, the transaction is run once more and finds it.
func (s *Store) IssueCertificates(ctx context.Context, in []certificate.Issue) ([]certificate.Certificate, error) {
	if err := certificate.CheckBatch(in); err != nil {
		return nil, err
	}
	if len(in) == 0 {
		return []certificate.Certificate{}, nil
	}
	for attempt := 0; ; attempt++ {
		var out []certificate.Certificate
		err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
			var err error
			out, err = s.WithDB(tx).issueBatch(ctx, in)
			return err
		})
		if err != nil && attempt == 0 && constraintOf(err) == "certificate_idempotency_key_key" {
			continue
		}
		if err != nil {
			return nil, batchErr("issue a batch of certificates", err)
		}
		return out, nil
	}
}

// batchErr maps an error of a batch's transaction: the store's own errors already say what and
// where; the rest (beginning or committing the transaction, the driver) as mapErr does.
func batchErr(op string, err error) error {
	switch {
	case errors.Is(err, store.ErrNotFound), errors.Is(err, store.ErrExists), errors.Is(err, store.ErrConflict),
		errors.Is(err, certificate.ErrInvalid):
		return err
	}
	return mapErr(op, err)
}

// issueBatch issues the batch in the caller's transaction (s.db is it) and returns the certificates
// in the order of in. in has passed certificate.CheckBatch.
func (s *Store) issueBatch(ctx context.Context, in []certificate.Issue) ([]certificate.Certificate, error) {
	out := make([]certificate.Certificate, len(in))
	fresh := make([]bool, len(in))
	if err := s.byKeys(ctx, in, out, fresh); err != nil {
		return nil, err
	}
	for i := range in {
		if !fresh[i] {
			continue
		}
		out[i] = in[i].Certificate.Clone()
		out[i].IssuedAt = out[i].IssuedAt.Truncate(time.Microsecond) // timestamptz keeps microseconds
		out[i].Version = 1
	}
	if err := s.numberBatch(ctx, in, out, fresh); err != nil {
		return nil, err
	}
	if err := s.insertBatch(ctx, in, out, fresh); err != nil {
		return nil, err
	}
	return out, nil
}

// byKeys fills out with the certificates already issued under the batch's idempotency keys and marks
// the rest fresh; a key used with another fingerprint is store.ErrExists.
func (s *Store) byKeys(ctx context.Context, in []certificate.Issue, out []certificate.Certificate, fresh []bool) error {
	var keys []string
	at := map[string]int{}
	for i := range in {
		fresh[i] = true
		if k := in[i].IdempotencyKey; k != "" {
			keys = append(keys, k)
			at[k] = i
		}
	}
	if len(keys) == 0 {
		return nil
	}
	rows, err := s.db.Query(ctx, s.sub(byKeysSQL), keys)
	if err != nil {
		return mapErr("idempotency key look-up", err)
	}
	defer rows.Close()
	for rows.Next() {
		var key, fp string
		c, err := scanCert(rows, &key, &fp)
		if err != nil {
			return mapErr("idempotency key look-up", err)
		}
		i := at[key]
		if fp != in[i].Fingerprint {
			return fmt.Errorf("pgstore: idempotency key %q was used for another request: %w", key, store.ErrExists)
		}
		out[i], fresh[i] = c, false
	}
	return mapErr("idempotency key look-up", rows.Err())
}

// numberBatch gives every fresh certificate without a number the next free numbers of its series, in
// the order of the batch, passing over numbers already taken; a given number already taken is
// store.ErrExists.
func (s *Store) numberBatch(ctx context.Context, in []certificate.Issue, out []certificate.Certificate, fresh []bool) error {
	var given []string
	bySeries := map[string][]int{} // series key → indexes of in, in order
	var order []string
	for i := range in {
		switch {
		case !fresh[i]:
		case out[i].Number != "":
			given = append(given, string(out[i].Number))
		default:
			k := in[i].Series.Key()
			if _, ok := bySeries[k]; !ok {
				order = append(order, k)
			}
			bySeries[k] = append(bySeries[k], i)
		}
	}
	if len(given) > 0 {
		taken, err := s.taken(ctx, given)
		if err != nil {
			return err
		}
		if len(taken) > 0 {
			return fmt.Errorf("pgstore: certificate %q: %w", taken[0], store.ErrExists)
		}
	}
	for _, k := range order {
		idx := bySeries[k]
		se := in[idx[0]].Series
		var pool []certificate.Number
		for len(pool) < len(idx) {
			want := int64(len(idx) - len(pool))
			var last int64
			if err := s.db.QueryRow(ctx, s.sub(allocRangeSQL), k, max(se.First, 1), want).Scan(&last); err != nil {
				return mapErr("allocate numbers", err)
			}
			if last > se.Max() {
				return fmt.Errorf("pgstore: series %q is exhausted: %w", k, store.ErrExists)
			}
			nos := make([]string, 0, want)
			for n := last - want + 1; n <= last; n++ {
				nos = append(nos, string(se.Format(n)))
			}
			taken, err := s.taken(ctx, nos)
			if err != nil {
				return err
			}
			for _, no := range nos {
				if !slices.Contains(taken, no) {
					pool = append(pool, certificate.Number(no))
				}
			}
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		for j, i := range idx {
			out[i].Number = pool[j]
		}
	}
	return nil
}

// taken returns which of nos are numbers of stored certificates.
func (s *Store) taken(ctx context.Context, nos []string) ([]string, error) {
	rows, err := s.db.Query(ctx, s.sub(takenSQL), nos)
	if err != nil {
		return nil, mapErr("numbers taken", err)
	}
	taken, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, mapErr("numbers taken", err)
	}
	return taken, nil
}

// insertBatch inserts the fresh certificates of out and their events in one statement.
func (s *Store) insertBatch(ctx context.Context, in []certificate.Issue, out []certificate.Certificate, fresh []bool) error {
	n := 0
	for i := range fresh {
		if fresh[i] {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	var (
		numbers, names, titles, standards, specs, comps, langs = make([]string, 0, n), make([]string, 0, n), make([]string, 0, n), make([]string, 0, n), make([]string, 0, n), make([]string, 0, n), make([]string, 0, n)
		issuers, issuerCodes, invReasons, invDecisions, invBys = make([]string, 0, n), make([]string, 0, n), make([]string, 0, n), make([]string, 0, n), make([]string, 0, n)
		searchNames, searchEntries, fps                        = make([]string, 0, n), make([]string, 0, n), make([]string, 0, n)
		kinds                                                  = make([]int16, 0, n)
		codes                                                  = make([]*string, 0, n)
		ekrs, eqfs                                             = make([]*int16, 0, n), make([]*int16, 0, n)
		births, issuedOns, froms, untils, invOns, replOns      = make([]*string, 0, n), make([]*string, 0, n), make([]*string, 0, n), make([]*string, 0, n), make([]*string, 0, n), make([]*string, 0, n)
		dieds, keptUntils                                      = make([]*string, 0, n), make([]*string, 0, n)
		hidden                                                 = make([]bool, 0, n)
		replBys, dupOfs, extras, keys                          = make([]*string, 0, n), make([]*string, 0, n), make([]*string, 0, n), make([]*string, 0, n)
		ats                                                    = make([]time.Time, 0, n)
		evs                                                    []store.Event
	)
	for i := range out {
		if !fresh[i] {
			continue
		}
		c := &out[i]
		cj := []byte("[]")
		if len(c.Competences) > 0 {
			var err error
			if cj, err = json.Marshal(c.Competences); err != nil {
				return err
			}
		}
		var extra *string
		if len(c.Extra) > 0 {
			b, err := json.Marshal(c.Extra)
			if err != nil {
				return err
			}
			e := string(b)
			extra = &e
		}
		numbers = append(numbers, string(c.Number))
		kinds = append(kinds, int16(c.Kind))
		names = append(names, c.Holder.Name)
		codes = append(codes, textOrNil(c.Holder.Code.String()))
		births = append(births, dateText(c.Holder.BirthDate))
		titles = append(titles, c.Title)
		standards = append(standards, c.Standard)
		ekrs, eqfs = append(ekrs, level(c.EKR)), append(eqfs, level(c.EQF))
		specs = append(specs, c.Specialisation)
		comps = append(comps, string(cj))
		langs = append(langs, c.ExamLanguage)
		issuers, issuerCodes = append(issuers, c.Issuer), append(issuerCodes, c.IssuerCode)
		issuedOns, froms, untils = append(issuedOns, dateText(c.IssuedOn)), append(froms, dateText(c.ValidFrom)), append(untils, dateText(c.ValidUntil))
		hidden = append(hidden, c.Hidden)
		invOns, invReasons = append(invOns, dateText(c.Invalidated.Date)), append(invReasons, c.Invalidated.Reason)
		invDecisions, invBys = append(invDecisions, c.Invalidated.Decision), append(invBys, c.Invalidated.By)
		replBys, replOns = append(replBys, textOrNil(string(c.Replaced.By))), append(replOns, dateText(c.Replaced.Date))
		dupOfs, extras = append(dupOfs, textOrNil(string(c.DuplicateOf))), append(extras, extra)
		ats = append(ats, c.IssuedAt)
		dieds, keptUntils = append(dieds, dateText(c.Holder.Died)), append(keptUntils, dateText(keptUntil(c)))
		searchNames, searchEntries = append(searchNames, certificate.SearchName(c)), append(searchEntries, certificate.SearchEntry(c))
		keys, fps = append(keys, textOrNil(in[i].IdempotencyKey)), append(fps, in[i].Fingerprint)
		for _, e := range in[i].Events {
			if e.Subject == "" {
				e.Subject = string(c.Number)
			}
			evs = append(evs, e)
		}
	}
	ea, err := eventArgs(evs)
	if err != nil {
		return err
	}
	args := append([]any{numbers, kinds, names, codes, births, titles, standards, ekrs, eqfs, specs, comps, langs,
		issuers, issuerCodes, issuedOns, froms, untils, hidden, invOns, invReasons, invDecisions, invBys, replBys,
		replOns, dupOfs, extras, ats, dieds, keptUntils, searchNames, searchEntries, keys, fps}, ea...)
	var nc, ne int64
	if err := s.db.QueryRow(ctx, s.sub(insertBatchSQL), args...).Scan(&nc, &ne); err != nil {
		return mapErr("insert a batch of certificates", err)
	}
	if nc != int64(n) || ne != int64(len(evs)) {
		return fmt.Errorf("pgstore: a batch of %d certificates and %d events inserted %d and %d", n, len(evs), nc, ne)
	}
	return nil
}

// dateText returns d as "2006-01-02" for a text[] parameter cast to date, nil for the zero date.
func dateText(d calendar.Date) *string {
	if d.IsZero() {
		return nil
	}
	t := d.String()
	return &t
}
