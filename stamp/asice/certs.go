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

// oidRSAEncryption is rsaEncryption (PKCS #1), the algorithm of an RSA SubjectPublicKeyInfo.
var oidRSAEncryption = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}

// negativeModulus says what is wrong with a certificate that parseCertificate reads although
// crypto/x509 refuses it.
const negativeModulus = "RSA modulus is encoded as a negative INTEGER (without its leading zero byte, " +
	"as ESTEID-2011-era ID cards had it); read as unsigned"

// parseCertificate parses a DER certificate with crypto/x509 and, where that refuses it, with
// one tolerance: an RSA modulus written as a negative INTEGER, as the ESTEID-2011-era ID cards
// (and their issuing CA) encoded it: a modulus whose top bit is set, without the leading 0x00
// byte DER needs. The certificate is then re-encoded with the zero byte (with
// golang.org/x/crypto/cryptobyte), parsed by crypto/x509 with all its other checks, and given
// back its original Raw, RawTBSCertificate and RawSubjectPublicKeyInfo, so that its digest,
// its issuer's signature over it and Equal are those of the bytes in the container; its public
// key is the unsigned modulus, the key the card signs with. nonConforming then says so; it is
// "" for a conforming certificate. Any other defect is an error.
func parseCertificate(der []byte) (c *x509.Certificate, nonConforming string, err error) {
	c, err = x509.ParseCertificate(der)
	if err == nil {
		return c, "", nil
	}
	fixed, tbs, spki, ok := repairNegativeModulus(der)
	if !ok {
		return nil, "", err
	}
	c, err2 := x509.ParseCertificate(fixed)
	if err2 != nil {
		return nil, "", err
	}
	c.Raw, c.RawTBSCertificate, c.RawSubjectPublicKeyInfo = der, tbs, spki
	return c, negativeModulus, nil
}

// repairNegativeModulus returns der with the RSA modulus of its SubjectPublicKeyInfo given a
// leading zero byte, and the original TBSCertificate and SubjectPublicKeyInfo elements, when
// der is a certificate whose RSA modulus is a negative INTEGER; ok is false otherwise.
func repairNegativeModulus(der []byte) (fixed, tbsEl, spkiEl []byte, ok bool) {
	in := cryptobyte.String(der)
	var cert, tbsElem cryptobyte.String
	if !in.ReadASN1(&cert, cbasn1.SEQUENCE) || !in.Empty() || !cert.ReadASN1Element(&tbsElem, cbasn1.SEQUENCE) {
		return nil, nil, nil, false
	}
	tbs := tbsElem
	var tbsBody cryptobyte.String
	if !tbs.ReadASN1(&tbsBody, cbasn1.SEQUENCE) {
		return nil, nil, nil, false
	}
	var head [5]cryptobyte.String // version (optional), serial, signature, issuer, validity, subject
	var version cryptobyte.String
	if vTag := cbasn1.Tag(0).Constructed().ContextSpecific(); tbsBody.PeekASN1Tag(vTag) && !tbsBody.ReadASN1Element(&version, vTag) {
		return nil, nil, nil, false
	}
	for i, tag := range []cbasn1.Tag{cbasn1.INTEGER, cbasn1.SEQUENCE, cbasn1.SEQUENCE, cbasn1.SEQUENCE, cbasn1.SEQUENCE} {
		if !tbsBody.ReadASN1Element(&head[i], tag) {
			return nil, nil, nil, false
		}
	}
	var spkiElem, spki, algEl, alg, bits cryptobyte.String
	if !tbsBody.ReadASN1Element(&spkiElem, cbasn1.SEQUENCE) {
		return nil, nil, nil, false
	}
	spki = spkiElem
	var oid asn1.ObjectIdentifier
	if !spki.ReadASN1(&spki, cbasn1.SEQUENCE) || !spki.ReadASN1Element(&algEl, cbasn1.SEQUENCE) ||
		!spki.ReadASN1(&bits, cbasn1.BIT_STRING) || !spki.Empty() {
		return nil, nil, nil, false
	}
	alg = algEl
	if !alg.ReadASN1(&alg, cbasn1.SEQUENCE) || !alg.ReadASN1ObjectIdentifier(&oid) || !oid.Equal(oidRSAEncryption) ||
		len(bits) < 1 || bits[0] != 0 {
		return nil, nil, nil, false
	}
	key := cryptobyte.String(bits[1:])
	var rsaKey, n, e cryptobyte.String
	if !key.ReadASN1(&rsaKey, cbasn1.SEQUENCE) || !key.Empty() || !rsaKey.ReadASN1(&n, cbasn1.INTEGER) ||
		!rsaKey.ReadASN1Element(&e, cbasn1.INTEGER) || !rsaKey.Empty() || len(n) == 0 || n[0]&0x80 == 0 {
		return nil, nil, nil, false
	}
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddBytes(version)
			for _, h := range head {
				b.AddBytes(h)
			}
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddBytes(algEl)
				b.AddASN1(cbasn1.BIT_STRING, func(b *cryptobyte.Builder) {
					b.AddUint8(0)
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
						b.AddASN1(cbasn1.INTEGER, func(b *cryptobyte.Builder) {
							b.AddUint8(0)
							b.AddBytes(n)
						})
						b.AddBytes(e)
					})
				})
			})
			b.AddBytes(tbsBody) // issuerUniqueID, subjectUniqueID, extensions
		})
		b.AddBytes(cert) // signatureAlgorithm, signatureValue
	})
	fixed, err := b.Bytes()
	if err != nil {
		return nil, nil, nil, false
	}
	return fixed, tbsElem, spkiElem, true
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
