package vocational_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"testing"
	"time"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/exam/vocational"
	"github.com/kutsekit/kutse/store/memstore"
	"github.com/kutsekit/kutse/store/storetest"
)

// BenchmarkSign1000 signs a qualification committee protocol of 1,000 candidates, all awarded, on
// memstore: the signature, the compensation statement and the 1,000 certificates issued in one commit
// (EXV-05). One op is one protocol. Target ≤ 50 ms.
func BenchmarkSign1000(b *testing.B) {
	st := memstore.New()
	now := func() time.Time { return time.Date(2027, 6, 10, 9, 0, 0, 0, time.UTC) }
	reg, _ := certificate.NewRegistry(st, certificate.Config{Now: now})
	svc, err := vocational.NewService(st, vocational.Config{Certificates: reg, Register: st,
		Curricula: &vocational.StaticCurricula{}, Ceilings: ceilingsFor("Majutamine ja toitlustamine")})
	if err != nil {
		b.Fatal(err)
	}
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	decided := storetest.DecidedVocationalExam(1, 1000)
	ctx := context.Background()
	body := bodyOf(decided)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		e, err := st.CreateVocationalExam(ctx, decided, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := svc.Sign(ctx, body, e.ID, vocational.SignRequest{Signer: key, Name: "Mari Maasikas"})
		if err != nil || len(res.Certificates) != 1000 {
			b.Fatalf("Sign = %d certificates, %v", len(res.Certificates), err)
		}
	}
	b.ReportMetric(float64(b.N)*1000/b.Elapsed().Seconds(), "certs/s")
}
