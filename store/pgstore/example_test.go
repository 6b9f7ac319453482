package pgstore_test

import (
	"context"
	"fmt"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/store/pgstore"
)

// A host migrates its schema at start-up and hands the SDK its pool. (Not run as a test: it needs a
// server.)
func Example() {
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer pool.Close()
	opts := &pgstore.Options{Schema: "kutse"}
	if _, err := pgstore.Migrate(ctx, pool, opts); err != nil {
		fmt.Println(err)
		return
	}
	st, err := pgstore.New(pool, opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	reg, err := certificate.NewRegistry(st, certificate.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = reg // issue, list, look up, hide, publish, invalidate …
}
