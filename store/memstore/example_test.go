package memstore_test

import (
	"context"
	"fmt"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/store/memstore"
	"github.com/kutsekit/kutse/store/storetest"
)

// The store allocates numbers from a series and keeps the events of each change in its outbox.
func Example() {
	ctx := context.Background()
	s := memstore.New()
	for i := range 2 {
		c, _ := s.IssueCertificate(ctx, certificate.Issue{
			Certificate: storetest.Sample(i),
			Series:      certificate.Series{Prefix: "OT", Width: 6, First: 11089},
		})
		fmt.Println(c.Number, c.Version)
	}
	_, err := s.Certificate(ctx, "OT999999")
	fmt.Println(err)
	// Output:
	// OT011089 1
	// OT011090 1
	// memstore: certificate "OT999999": store: not found
}
