package asice_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"log"
	"math/big"
	"time"

	"github.com/kutsekit/kutse/stamp/asice"
	"github.com/kutsekit/kutse/stamp/asice/asicetest"
)

// Seal the three files of a digital stamp with a generated TEST key, then verify the container
// against that certificate as the only root.
func Example() {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		log.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{Country: []string{"EE"}, CommonName: "Sihtasutus Kutsekoda (TEST seal)"},
		NotBefore:    time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     time.Date(2049, 12, 31, 0, 0, 0, 0, time.UTC),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment, // nonRepudiation
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		log.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		log.Fatal(err)
	}

	files := []asice.File{
		{Name: "Tunnistus.pdf", MediaType: "application/pdf", Data: []byte("%PDF-1.7 (et)")},
		{Name: "Certificate.pdf", MediaType: "application/pdf", Data: []byte("%PDF-1.7 (en)")},
		{Name: "Deklaratsioon.pdf", MediaType: "application/pdf", Data: []byte("%PDF-1.7 (et, en)")},
	}
	seal := asice.Seal{Key: key, Chain: []*x509.Certificate{cert}, Time: time.Date(2026, 11, 22, 14, 48, 54, 0, time.UTC)}
	container, err := asice.Create(context.Background(), files, seal, nil)
	if err != nil {
		log.Fatal(err)
	}

	roots := x509.NewCertPool()
	roots.AddCert(cert)
	rep, err := asice.Verify(bytes.NewReader(container), int64(len(container)), &asice.VerifyOptions{Roots: roots})
	if err != nil {
		log.Fatal(err)
	}
	s := rep.Signatures[0]
	fmt.Println("valid:", rep.Valid, "trusted:", s.Trusted, "profile:", s.Profile)
	fmt.Println("sealed by", s.Signer.Subject.CommonName, "at", s.SigningTime.Format(time.RFC3339))
	for _, f := range s.Files {
		fmt.Println("covers", f)
	}
	et, en := rep.Summary()
	fmt.Println(et)
	fmt.Println(en)
	// Output:
	// valid: true trusted: true profile: B
	// sealed by Sihtasutus Kutsekoda (TEST seal) at 2026-11-22T14:48:54Z
	// covers Tunnistus.pdf
	// covers Certificate.pdf
	// covers Deklaratsioon.pdf
	// Konteiner on kehtiv: kõik allkirjad on terviklikud ja usaldusväärsed.
	// The container is valid: every signature is intact and trusted.
}

// Seal with a time-stamp and an OCSP response (profile LT), here from asicetest's in-process
// services; a host passes its clients of SK's services instead.
func ExampleCreate_lt() {
	clock := asicetest.NewClock(time.Date(2026, 11, 22, 14, 48, 54, 0, time.UTC))
	p, err := asicetest.New(&asicetest.Options{Now: clock.Now})
	if err != nil {
		log.Fatal(err)
	}
	defer p.Close()

	files := []asice.File{{Name: "Tõend ä 1.pdf", MediaType: "application/pdf", Data: []byte("%PDF-1.7")}}
	seal := asice.Seal{Key: p.SealKey, Chain: p.Chain(), Time: clock.Now()}
	container, err := asice.Create(context.Background(), files, seal,
		&asice.Options{Profile: asice.ProfileLT, TimeStamper: p.TimeStamper(), OCSP: p.OCSPClient()})
	if err != nil {
		log.Fatal(err)
	}
	rep, err := asice.Verify(bytes.NewReader(container), int64(len(container)), &asice.VerifyOptions{Roots: p.Roots()})
	if err != nil {
		log.Fatal(err)
	}
	s := rep.Signatures[0]
	fmt.Println("valid:", s.Valid, "trusted:", s.Trusted, "profile:", s.Profile, "verdict:", s.Indication)
	fmt.Println("time-stamp:", s.TimeStamp.Format(time.RFC3339), "by", s.TSA)
	fmt.Println("OCSP:", s.RevocationStatus)

	// Without the roots nothing says whose the seal is: intact, but INDETERMINATE.
	rep, err = asice.Verify(bytes.NewReader(container), int64(len(container)), nil)
	if err != nil {
		log.Fatal(err)
	}
	s = rep.Signatures[0]
	fmt.Println("without roots: valid:", s.Valid, "verdict:", s.Indication, s.SubIndication)
	// Output:
	// valid: true trusted: true profile: LT verdict: TOTAL-PASSED
	// time-stamp: 2026-11-22T14:48:54Z by CN=TEST kutse TSA,O=TEST kutse,C=EE
	// OCSP: good
	// without roots: valid: true verdict: INDETERMINATE NO_CERTIFICATE_CHAIN_FOUND
}
