package stamp

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
	"math/big"
	"time"
)

// oidOrganizationIdentifier is organizationIdentifier (2.5.4.97), where an e-seal carries the
// organisation's registry code ("NTREE-90006414").
var oidOrganizationIdentifier = asn1.ObjectIdentifier{2, 5, 4, 97}

// TestSeal returns a new self-signed TEST e-seal — an ECDSA P-256 key and its certificate, subject
// "Sihtasutus Kutsekoda (TEST seal)", organizationIdentifier NTREE-90006414, key usage
// digitalSignature and nonRepudiation, valid for a year from now — for examples and development.
// Nothing trusts it; a production host uses its qualified e-seal through its own crypto.Signer.
func TestSeal(now time.Time) (crypto.Signer, []*x509.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 64))
	if err != nil {
		return nil, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject: pkix.Name{
			Country:      []string{"EE"},
			Organization: []string{"Sihtasutus Kutsekoda"},
			CommonName:   "Sihtasutus Kutsekoda (TEST seal)",
			ExtraNames:   []pkix.AttributeTypeAndValue{{Type: oidOrganizationIdentifier, Value: "NTREE-90006414"}},
		},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.AddDate(1, 0, 0),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		return nil, nil, fmt.Errorf("stamp: TestSeal: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, err
	}
	return key, []*x509.Certificate{cert}, nil
}
