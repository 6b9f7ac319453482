package pgstore

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
)

// ExplainPublic returns the plans PostgreSQL makes for the public query q: the custom plan (with
// the values) and, for a query without Text, the generic plan a cached prepared statement may switch
// to, one after the other.
func ExplainPublic(ctx context.Context, s *Store, q certificate.PublicQuery) (string, error) {
	sql, args, ok := s.publicQuery(q)
	if !ok {
		return "", nil
	}
	// EXECUTE's arguments of a utility statement take no parameters: write them as literals.
	params := make([]string, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case string:
			params[i] = "'" + strings.ReplaceAll(v, "'", "''") + "'"
		case calendar.Date:
			params[i] = "'" + v.String() + "'"
		case int16:
			params[i] = strconv.Itoa(int(v))
		case int:
			params[i] = strconv.Itoa(v)
		default:
			return "", fmt.Errorf("ExplainPublic: argument %d: %T", i+1, a)
		}
	}
	var plans []string
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		// The custom plan: the values are known. The generic plan: a prepared statement planned
		// without them, which PostgreSQL may switch a cached statement to after five executions.
		modes := []string{"force_custom_plan", "force_generic_plan"}
		if q.Text != "" {
			modes = modes[:1] // PublicCertificates plans a text search with its values every time
		}
		for _, mode := range modes {
			if _, err := tx.Exec(ctx, "SET LOCAL plan_cache_mode = "+mode); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, "PREPARE kutse_explain AS "+sql); err != nil {
				return err
			}
			rows, err := tx.Query(ctx, "EXPLAIN EXECUTE kutse_explain("+strings.Join(params, ", ")+")")
			if err != nil {
				return err
			}
			lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, "DEALLOCATE kutse_explain"); err != nil {
				return err
			}
			plans = append(plans, mode+":\n"+strings.Join(lines, "\n"))
		}
		return nil
	})
	return strings.Join(plans, "\n"), err
}

// ExecutionTime runs q under EXPLAIN ANALYZE and returns the server's "Execution Time" line and the
// plan's top node, to tell the server's time from the client's.
func ExecutionTime(ctx context.Context, s *Store, q certificate.PublicQuery) (string, error) {
	sql, args, ok := s.publicQuery(q)
	if !ok {
		return "", nil
	}
	rows, err := s.db.Query(ctx, "EXPLAIN (ANALYZE) "+sql, append([]any{pgx.QueryExecModeExec}, args...)...)
	if err != nil {
		return "", err
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return "", err
	}
	out := ""
	for _, l := range lines {
		if strings.Contains(l, "Execution Time") || strings.Contains(l, "Index Scan") || strings.Contains(l, "Seq Scan") {
			out += strings.TrimSpace(l) + "; "
		}
	}
	return out, nil
}

// ExplainPersonalDataDue returns the plan of Store.PersonalDataDue's statement for day on.
func ExplainPersonalDataDue(ctx context.Context, s *Store, on calendar.Date) (string, error) {
	rows, err := s.db.Query(ctx, "EXPLAIN "+s.q.personalDataDue, on, "", 1000)
	if err != nil {
		return "", err
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
	return strings.Join(lines, "\n"), err
}
