package asicetest_test

import (
	"context"
	"crypto"
	"crypto/sha256"
	"fmt"
	"log"
	"time"

	"github.com/digitorus/timestamp"
	"golang.org/x/crypto/ocsp"

	"github.com/kutsekit/kutse/stamp/asice/asicetest"
)

// Time-stamp the digest of a canonicalized ds:SignatureValue, then fetch the seal certificate's
// OCSP response a second later, as an LT seal does. In a test, use NewPKI(t, …) instead of New.
func Example() {
	clock := asicetest.NewClock(time.Date(2026, 11, 22, 14, 48, 54, 0, time.UTC))
	p, err := asicetest.New(&asicetest.Options{Now: clock.Now})
	if err != nil {
		log.Fatal(err)
	}
	defer p.Close()
	ctx := context.Background()

	digest := sha256.Sum256([]byte(`<ds:SignatureValue Id="S0-SIG">…</ds:SignatureValue>`))
	token, err := p.TimeStamper().TimeStamp(ctx, digest[:], crypto.SHA256)
	if err != nil {
		log.Fatal(err)
	}
	ts, err := timestamp.Parse(token)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("TSA:", ts.Certificates[0].Subject.CommonName)
	fmt.Println("genTime:", ts.Time.UTC().Format(time.RFC3339))

	clock.Advance(time.Second)
	der, err := p.OCSPClient().OCSP(ctx, p.Seal, p.CA)
	if err != nil {
		log.Fatal(err)
	}
	r, err := ocsp.ParseResponseForCert(der, p.Seal, p.CA)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("OCSP responder:", r.Certificate.Subject.CommonName)
	fmt.Println("status good:", r.Status == ocsp.Good)
	fmt.Println("producedAt:", r.ProducedAt.Format(time.RFC3339))
	// Output:
	// TSA: TEST kutse TSA
	// genTime: 2026-11-22T14:48:54Z
	// OCSP responder: TEST kutse OCSP responder
	// status good: true
	// producedAt: 2026-11-22T14:48:55Z
}
