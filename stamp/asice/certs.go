package asice

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"math/big"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// certNameSerial reads the subject and serial number of a DER certificate without
// crypto/x509, which refuses some old certificates (negative serial numbers, for one). ok is
// false when the bytes are not a certificate at all.
func certNameSerial(der []byte) (subject string, serial *big.Int, ok bool) {
	in := cryptobyte.String(der)
	var cert, tbs cryptobyte.String
	if !in.ReadASN1(&cert, cbasn1.SEQUENCE) || !cert.ReadASN1(&tbs, cbasn1.SEQUENCE) {
		return "", nil, false
	}
	if !tbs.SkipOptionalASN1(cbasn1.Tag(0).Constructed().ContextSpecific()) {
		return "", nil, false
	}
	serial = new(big.Int)
	var subj cryptobyte.String
	if !tbs.ReadASN1Integer(serial) ||
		!tbs.SkipASN1(cbasn1.SEQUENCE) || // signature algorithm
		!tbs.SkipASN1(cbasn1.SEQUENCE) || // issuer
		!tbs.SkipASN1(cbasn1.SEQUENCE) || // validity
		!tbs.ReadASN1Element(&subj, cbasn1.SEQUENCE) {
		return "", nil, false
	}
	var rdn pkix.RDNSequence
	if rest, err := asn1.Unmarshal(subj, &rdn); err == nil && len(rest) == 0 {
		var n pkix.Name
		n.FillFromRDNSequence(&rdn)
		subject = subjectString(n)
	}
	return subject, serial, true
}

// issuerSerialV2Serial returns the serial number in a DER IssuerSerial (RFC 5035), the content
// of XAdES IssuerSerialV2.
func issuerSerialV2Serial(der []byte) (*big.Int, bool) {
	in := cryptobyte.String(der)
	var seq cryptobyte.String
	serial := new(big.Int)
	if !in.ReadASN1(&seq, cbasn1.SEQUENCE) || !seq.SkipASN1(cbasn1.SEQUENCE) || !seq.ReadASN1Integer(serial) {
		return nil, false
	}
	return serial, true
}

// issuerOf returns the certificate among pool that issued cert (name and signature match),
// or nil.
func issuerOf(cert *x509.Certificate, pool []*x509.Certificate) *x509.Certificate {
	for _, c := range pool {
		if c != nil && string(c.RawSubject) == string(cert.RawIssuer) && cert.CheckSignatureFrom(c) == nil {
			return c
		}
	}
	return nil
}

// hasEKU reports whether c allows extended key usage u.
func hasEKU(c *x509.Certificate, u x509.ExtKeyUsage) bool {
	for _, e := range c.ExtKeyUsage {
		if e == u {
			return true
		}
	}
	return false
}
