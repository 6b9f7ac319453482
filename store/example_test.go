package store_test

import (
	"errors"
	"fmt"

	"github.com/kutsekit/kutse/store"
)

// Stores wrap the sentinels; callers test the category with errors.Is, never the text.
func Example() {
	err := fmt.Errorf("pgstore: certificate %q: %w", "204580", store.ErrNotFound)
	fmt.Println(errors.Is(err, store.ErrNotFound), errors.Is(err, store.ErrConflict))
	// Output: true false
}

// A query's Limit is applied the same way by every store.
func ExampleLimit() {
	fmt.Println(store.Limit(0), store.Limit(30), store.Limit(5000))
	// Output: 100 30 1000
}
