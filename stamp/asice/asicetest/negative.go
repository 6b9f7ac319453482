package asicetest

import (
	"crypto"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"errors"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// NegativeModulus re-issues cert, an RSA certificate that caKey (ECDSA, the issuer's key)
// signed, with its modulus encoded the way the ESTEID-2011-era ID cards had it: as an INTEGER
// without the leading 0x00 byte, so that DER reads it as a negative number. The TBSCertificate is
// signed again with caKey (ECDSA with SHA-256, as before).
//
// crypto/x509 refuses the result, so the returned certificate is cert with its Raw,
// RawTBSCertificate, RawSubjectPublicKeyInfo and Signature replaced by the re-encoded ones: its
// public key and every parsed field stay those of cert, which is what a tolerant parser reads.
func NegativeModulus(cert *x509.Certificate, caKey crypto.Signer) (*x509.Certificate, error) {
	errNot := errors.New("asicetest: NegativeModulus: not an RSA certificate with a DER modulus")
	in := cryptobyte.String(cert.Raw)
	var body, tbs, sigAlg cryptobyte.String
	if !in.ReadASN1(&body, cbasn1.SEQUENCE) || !body.ReadASN1(&tbs, cbasn1.SEQUENCE) || !body.ReadASN1Element(&sigAlg, cbasn1.SEQUENCE) {
		return nil, errNot
	}
	var version cryptobyte.String
	if vTag := cbasn1.Tag(0).Constructed().ContextSpecific(); tbs.PeekASN1Tag(vTag) && !tbs.ReadASN1Element(&version, vTag) {
		return nil, errNot
	}
	var head [5]cryptobyte.String // serialNumber, signature, issuer, validity, subject
	for i, tag := range []cbasn1.Tag{cbasn1.INTEGER, cbasn1.SEQUENCE, cbasn1.SEQUENCE, cbasn1.SEQUENCE, cbasn1.SEQUENCE} {
		if !tbs.ReadASN1Element(&head[i], tag) {
			return nil, errNot
		}
	}
	var spki, alg, bits cryptobyte.String
	if !tbs.ReadASN1(&spki, cbasn1.SEQUENCE) || !spki.ReadASN1Element(&alg, cbasn1.SEQUENCE) || !spki.ReadASN1(&bits, cbasn1.BIT_STRING) {
		return nil, errNot
	}
	key := cryptobyte.String(bits)
	var unused uint8
	var rsaKey, n, e cryptobyte.String
	if !key.ReadUint8(&unused) || !key.ReadASN1(&rsaKey, cbasn1.SEQUENCE) || !rsaKey.ReadASN1(&n, cbasn1.INTEGER) ||
		!rsaKey.ReadASN1Element(&e, cbasn1.INTEGER) || len(n) < 2 || n[0] != 0 || n[1]&0x80 == 0 {
		return nil, errNot
	}
	var spkiB cryptobyte.Builder
	spkiB.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddBytes(alg)
		b.AddASN1(cbasn1.BIT_STRING, func(b *cryptobyte.Builder) {
			b.AddUint8(0)
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.INTEGER, func(b *cryptobyte.Builder) { b.AddBytes(n[1:]) }) // no leading zero
				b.AddBytes(e)
			})
		})
	})
	newSPKI, err := spkiB.Bytes()
	if err != nil {
		return nil, err
	}
	var tbsB cryptobyte.Builder
	tbsB.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddBytes(version)
		for _, h := range head {
			b.AddBytes(h)
		}
		b.AddBytes(newSPKI)
		b.AddBytes(tbs) // extensions
	})
	newTBS, err := tbsB.Bytes()
	if err != nil {
		return nil, err
	}
	d := sha256.Sum256(newTBS)
	sig, err := caKey.Sign(rand.Reader, d[:], crypto.SHA256)
	if err != nil {
		return nil, err
	}
	var certB cryptobyte.Builder
	certB.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddBytes(newTBS)
		b.AddBytes(sigAlg)
		b.AddASN1BitString(sig)
	})
	raw, err := certB.Bytes()
	if err != nil {
		return nil, err
	}
	c := *cert
	c.Raw, c.RawTBSCertificate, c.RawSubjectPublicKeyInfo, c.Signature = raw, newTBS, newSPKI, sig
	return &c, nil
}
