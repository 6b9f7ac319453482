package pgstore

import (
	"context"
	"embed"
	"fmt"
	"hash/fnv"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migration is one versioned step of the schema, embedded in the module.
type Migration struct {
	Version int    // from the file name, e.g. 1 for 0001_certificates.sql
	Name    string // the file name
	SQL     string
}

// Migrations returns the embedded migrations in order.
func Migrations() ([]Migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var out []Migration
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v < 1 {
			return nil, fmt.Errorf("pgstore: migration %q: the name must start with its version number and '_'", name)
		}
		b, err := migrationFS.ReadFile("migrations/" + name)
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: v, Name: name, SQL: string(b)})
	}
	slices.SortFunc(out, func(a, b Migration) int { return a.Version - b.Version })
	for i := 1; i < len(out); i++ {
		if out[i].Version == out[i-1].Version {
			return nil, fmt.Errorf("pgstore: migrations %q and %q have the same version", out[i-1].Name, out[i].Name)
		}
	}
	return out, nil
}

// Migrate creates the schema named in opts (default "kutse") if it does not exist and applies, in
// one transaction, every embedded migration not yet applied, recording each in the schema's
// schema_migrations table. It is safe to run twice and from two processes at once: the transaction
// first takes an advisory lock (pg_advisory_xact_lock) keyed by the schema's name, so a second
// process waits and then finds nothing left to do. It returns the versions it applied.
//
// db may be a pool, a connection or a transaction (a savepoint is used then); the role needs the
// right to create the schema and its tables.
func Migrate(ctx context.Context, db DB, opts *Options) ([]int, error) {
	schema, err := schemaOf(opts)
	if err != nil {
		return nil, err
	}
	ms, err := Migrations()
	if err != nil {
		return nil, err
	}
	var applied []int
	err = pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", lockKey(schema)); err != nil {
			return err
		}
		q := pgx.Identifier{schema}.Sanitize()
		if _, err := tx.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+q); err != nil {
			return err
		}
		// The migrations' names are unqualified: point search_path at the schema for this
		// transaction, and put back what the caller had (it matters when db is the host's own
		// transaction, where SET LOCAL would otherwise outlive this savepoint).
		var oldPath string
		if err := tx.QueryRow(ctx, "SELECT current_setting('search_path')").Scan(&oldPath); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "SET LOCAL search_path TO "+q); err != nil {
			return err
		}
		defer tx.Exec(ctx, "SELECT set_config('search_path', $1, true)", oldPath) //nolint:errcheck // best effort on the way out
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    integer PRIMARY KEY,
			name       text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, "SELECT version FROM schema_migrations")
		if err != nil {
			return err
		}
		done, err := pgx.CollectRows(rows, pgx.RowTo[int32])
		if err != nil {
			return err
		}
		for _, m := range ms {
			if slices.Contains(done, int32(m.Version)) {
				continue
			}
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return fmt.Errorf("pgstore: migration %s: %w", m.Name, err)
			}
			if _, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", m.Version, m.Name); err != nil {
				return err
			}
			applied = append(applied, m.Version)
		}
		return nil
	})
	if err != nil {
		return nil, mapErr("migrate "+schema, err)
	}
	return applied, nil
}

// lockKey is the advisory lock key of a schema's migrations.
func lockKey(schema string) int64 {
	h := fnv.New64a()
	h.Write([]byte("kutse/pgstore/migrate/" + schema))
	return int64(h.Sum64())
}
