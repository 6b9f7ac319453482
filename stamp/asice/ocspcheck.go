package asice

import (
	"bytes"
	"crypto"
	"crypto/sha1"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"math/big"
	"strings"
	"time"

	"github.com/beevik/etree"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
	"golang.org/x/crypto/ocsp"
)

// The freshness Verify asks of the OCSP response of an LT signature, against the signature
// time-stamp's genTime (libdigidocpp's limits, ETSI EN 319 102-1 § 5.2.5.4 leaves them to the
// validation policy).
const (
	// OCSPMaxDelay is how long after the time-stamp the OCSP response may be produced.
	OCSPMaxDelay = 24 * time.Hour
	// OCSPWarnDelay is the delay after which a warning says the response came late.
	OCSPWarnDelay = 15 * time.Minute
	// OCSPMaxAge is how long before the time-stamp the response's thisUpdate may be: the
	// status must be known at the time of the time-stamp, give or take clock differences.
	OCSPMaxAge = 15 * time.Minute
)

// checkOCSP finds the OCSP response for the signing certificate in RevocationValues and checks
// it: strict DER, for the signer's certificate (its serial number, and its issuer's name and
// key hashes), signed by the issuer or by a responder certificate (from the response or the
// certificate values) that the issuer delegated (extKeyUsage OCSPSigning) or that has
// OCSPSigning and is left for Roots to trust, status good (or revoked after the time-stamp),
// and fresh against the time-stamp. It reports whether the response is acceptable.
func (v *verifier) checkOCSP(s *sigState, rv *etree.Element, signer *x509.Certificate) bool {
	if child(rv, nsXAdES, "CRLValues") != nil || child(rv, nsXAdES, "OtherValues") != nil {
		s.fail(FormatFailure, "RevocationValues hold CRL or other values; only OCSP responses are supported")
		return false
	}
	var ders [][]byte
	for _, ovs := range children(rv, nsXAdES, "OCSPValues") {
		for _, e := range children(ovs, nsXAdES, "EncapsulatedOCSPValue") {
			der, err := decodeB64(text(e))
			if err != nil {
				s.fail(FormatFailure, "EncapsulatedOCSPValue is not base64")
				return false
			}
			ders = append(ders, der)
		}
	}
	issuer := issuerOf(signer, s.certs)
	for _, der := range ders {
		if err := checkOCSPDER(der); err != nil {
			s.fail(FormatFailure, "OCSP response is not strict DER: %v", err)
			return false
		}
		r, err := ocsp.ParseResponseForCert(der, signer, nil) // verifies the signature of an embedded responder
		if err != nil {
			var pe ocsp.ParseError
			if errors.As(err, &pe) && strings.Contains(string(pe), "no response matching") {
				continue // a response about another certificate
			}
			s.fail(TryLater, "OCSP response cannot be read or does not verify: %v", err)
			return false
		}
		if issuer != nil {
			if ok, err := certIDMatches(r, signer, issuer); err != nil || !ok {
				s.fail(TryLater, "OCSP response names the signer's serial number but another issuer (CertID hashes)")
				return false
			}
		}
		if !v.ocspSigner(s, r, issuer) {
			return false
		}
		s.ocsp = r
		s.rep.RevocationStatus = ocspStatus(r.Status)
		s.rep.OCSPProducedAt = r.ProducedAt
		return s.ocspStatusAndTime(r)
	}
	s.fail(TryLater, "no OCSP response for the signing certificate")
	return false
}

// ocspSigner finds the certificate that signed r, checks the signature and its authority,
// and records them.
func (v *verifier) ocspSigner(s *sigState, r *ocsp.Response, issuer *x509.Certificate) bool {
	responder := r.Certificate
	if responder == nil {
		pool := s.certs
		if issuer != nil {
			pool = append([]*x509.Certificate{issuer}, pool...)
		}
		for _, c := range pool {
			if responderIDMatches(r, c) && r.CheckSignatureFrom(c) == nil {
				responder = c
				break
			}
		}
		if responder == nil {
			s.fail(TryLater, "OCSP response signature cannot be checked: no certificate of its responder verifies it")
			return false
		}
	}
	s.ocspResponder = responder
	switch {
	case issuer != nil && responder.Equal(issuer):
		s.ocspIssuer = issuer
	case issuer != nil && bytes.Equal(responder.RawIssuer, issuer.RawSubject) &&
		issuer.CheckSignature(responder.SignatureAlgorithm, responder.RawTBSCertificate, responder.Signature) != nil:
		s.fail(TryLater, "OCSP responder %q names the signer's issuer as its own, but the issuer's signature on it does not verify",
			subjectString(responder.Subject))
		return false
	case !hasEKU(responder, x509.ExtKeyUsageOCSPSigning):
		s.fail(TryLater, "OCSP responder %q is not the issuer and has no extKeyUsage OCSPSigning", subjectString(responder.Subject))
		return false
	case issuer != nil && bytes.Equal(responder.RawIssuer, issuer.RawSubject):
		s.ocspIssuer = issuer // a responder the issuer delegated (its signature checked above)
	default:
		// A responder with OCSPSigning that the issuer did not certify (SK's responders are
		// certified by the root): trusted only if it chains to Roots (see trust).
	}
	return true
}

// ocspStatusAndTime checks r's status and its freshness against the signature time-stamp.
func (s *sigState) ocspStatusAndTime(r *ocsp.Response) bool {
	ok := true
	ts := time.Time{}
	if s.sigTS != nil {
		ts = s.sigTS.info.genTime
	}
	switch r.Status {
	case ocsp.Good:
	case ocsp.Revoked:
		if ts.IsZero() || !r.RevokedAt.After(ts) {
			s.fail(Revoked, "signing certificate was revoked at %s", stamp(r.RevokedAt))
			ok = false
		} else {
			s.warn("signing certificate was revoked at %s, after the time-stamp", stamp(r.RevokedAt))
		}
	default:
		s.fail(TryLater, "OCSP status of the signing certificate is unknown")
		ok = false
	}
	if ts.IsZero() {
		return ok
	}
	ts1 := ts.Truncate(time.Second)
	switch {
	case r.ProducedAt.Before(ts1):
		s.fail(TryLater, "OCSP response produced at %s, before the time-stamp of %s", stamp(r.ProducedAt), stamp(ts))
		return false
	case r.ProducedAt.Sub(ts1) > OCSPMaxDelay:
		s.fail(TryLater, "OCSP response produced at %s, more than %v after the time-stamp of %s", stamp(r.ProducedAt), OCSPMaxDelay, stamp(ts))
		return false
	case r.ThisUpdate.After(r.ProducedAt):
		s.fail(TryLater, "OCSP thisUpdate %s is after its producedAt %s", stamp(r.ThisUpdate), stamp(r.ProducedAt))
		return false
	case r.ThisUpdate.Before(ts1.Add(-OCSPMaxAge)):
		s.fail(TryLater, "OCSP thisUpdate %s is more than %v before the time-stamp of %s", stamp(r.ThisUpdate), OCSPMaxAge, stamp(ts))
		return false
	case !r.NextUpdate.IsZero() && r.NextUpdate.Before(ts1):
		s.fail(TryLater, "OCSP nextUpdate %s is before the time-stamp of %s: the status was stale", stamp(r.NextUpdate), stamp(ts))
		return false
	case r.ProducedAt.Sub(ts1) > OCSPWarnDelay:
		s.warn("OCSP response produced %v after the time-stamp", r.ProducedAt.Sub(ts1))
	}
	return ok
}

// checkOCSPDER checks that an OCSPResponse and the BasicOCSPResponse inside it are strict DER.
func checkOCSPDER(der []byte) error {
	if err := checkDER(der); err != nil {
		return err
	}
	in := cryptobyte.String(der)
	var resp, rb cryptobyte.String
	var status int
	if !in.ReadASN1(&resp, cbasn1.SEQUENCE) || !resp.ReadASN1Enum(&status) {
		return errors.New("not an OCSPResponse")
	}
	if resp.Empty() {
		return nil // an error status without responseBytes; ocsp reports it
	}
	var explicit cryptobyte.String
	var basic []byte
	if !resp.ReadASN1(&explicit, cbasn1.Tag(0).Constructed().ContextSpecific()) || !resp.Empty() ||
		!explicit.ReadASN1(&rb, cbasn1.SEQUENCE) || !explicit.Empty() || !rb.SkipASN1(cbasn1.OBJECT_IDENTIFIER) ||
		!rb.ReadASN1Bytes(&basic, cbasn1.OCTET_STRING) || !rb.Empty() {
		return errors.New("malformed responseBytes")
	}
	if err := checkDER(basic); err != nil {
		return errors.New("BasicOCSPResponse: " + err.Error())
	}
	return nil
}

// certIDMatches reports whether the SingleResponse of r (the first for the signer's serial
// number, the one x/crypto/ocsp chose) names issuer by the hashes of its name and key.
func certIDMatches(r *ocsp.Response, cert, issuer *x509.Certificate) (bool, error) {
	in := cryptobyte.String(r.TBSResponseData)
	var rd, responses cryptobyte.String
	if !in.ReadASN1(&rd, cbasn1.SEQUENCE) ||
		!rd.SkipOptionalASN1(cbasn1.Tag(0).Constructed().ContextSpecific()) {
		return false, errors.New("malformed ResponseData")
	}
	var tag cbasn1.Tag
	var skip cryptobyte.String
	if !rd.ReadAnyASN1(&skip, &tag) || !rd.SkipASN1(cbasn1.GeneralizedTime) || !rd.ReadASN1(&responses, cbasn1.SEQUENCE) {
		return false, errors.New("malformed ResponseData")
	}
	key, err := subjectPublicKeyBits(issuer)
	if err != nil {
		return false, err
	}
	h := r.IssuerHash
	if h == 0 {
		h = crypto.SHA1
	}
	for !responses.Empty() {
		var single, id, alg cryptobyte.String
		var nameHash, keyHash []byte
		serial := new(big.Int)
		if !responses.ReadASN1(&single, cbasn1.SEQUENCE) || !single.ReadASN1(&id, cbasn1.SEQUENCE) ||
			!id.ReadASN1(&alg, cbasn1.SEQUENCE) || !id.ReadASN1Bytes(&nameHash, cbasn1.OCTET_STRING) ||
			!id.ReadASN1Bytes(&keyHash, cbasn1.OCTET_STRING) || !id.ReadASN1Integer(serial) {
			return false, errors.New("malformed SingleResponse")
		}
		if serial.Cmp(cert.SerialNumber) != 0 {
			continue
		}
		return bytes.Equal(nameHash, digest(h, issuer.RawSubject)) && bytes.Equal(keyHash, digest(h, key)), nil
	}
	return false, nil
}

// subjectPublicKeyBits returns the bits of c's subjectPublicKey, which OCSP key hashes cover.
func subjectPublicKeyBits(c *x509.Certificate) ([]byte, error) {
	in := cryptobyte.String(c.RawSubjectPublicKeyInfo)
	var spki cryptobyte.String
	var bits asn1.BitString
	if !in.ReadASN1(&spki, cbasn1.SEQUENCE) || !spki.SkipASN1(cbasn1.SEQUENCE) || !spki.ReadASN1BitString(&bits) {
		return nil, errors.New("malformed SubjectPublicKeyInfo")
	}
	return bits.RightAlign(), nil
}

// responderIDMatches reports whether c is the responder r names, by name or by key hash.
func responderIDMatches(r *ocsp.Response, c *x509.Certificate) bool {
	if r.RawResponderName != nil {
		return bytes.Equal(r.RawResponderName, c.RawSubject)
	}
	key, err := subjectPublicKeyBits(c)
	if err != nil {
		return false
	}
	h := sha1.Sum(key)
	return bytes.Equal(r.ResponderKeyHash, h[:])
}
