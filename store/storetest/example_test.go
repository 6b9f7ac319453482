package storetest_test

import (
	"context"
	"fmt"

	"github.com/kutsekit/kutse/store/memstore"
	"github.com/kutsekit/kutse/store/storetest"
)

// A host checks its store outside go test, for example at start-up against a scratch database.
func ExampleCheck() {
	err := storetest.Check(context.Background(), func() (storetest.Store, error) { return memstore.New(), nil })
	fmt.Println("conformance:", err)
	// Output: conformance: <nil>
}
