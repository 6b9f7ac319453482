package asicetest

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
	"math/big"
	"net/http"
	"slices"
	"time"

	"golang.org/x/crypto/ocsp"
)

// The OCSP response structures of RFC 6960 § 4.2.1, as golang.org/x/crypto/ocsp declares them.
// That package's CreateResponse sets producedAt from time.Now, so the responder encodes its own
// responses to take producedAt from the PKI's clock; requests are parsed, and responses checked in
// the tests, by x/crypto/ocsp.
type (
	ocspResponse struct {
		Status   asn1.Enumerated
		Response responseBytes `asn1:"explicit,tag:0,optional"`
	}
	responseBytes struct {
		ResponseType asn1.ObjectIdentifier
		Response     []byte
	}
	basicResponse struct {
		TBSResponseData    asn1.RawValue
		SignatureAlgorithm pkix.AlgorithmIdentifier
		Signature          asn1.BitString
		Certificates       []asn1.RawValue `asn1:"explicit,tag:0,optional"`
	}
	responseData struct { // version v1 (0), the default, is omitted
		ResponderID asn1.RawValue
		ProducedAt  time.Time `asn1:"generalized"`
		Responses   []singleResponse
	}
	singleResponse struct {
		CertID     certID
		Good       asn1.Flag   `asn1:"tag:0,optional"`
		Revoked    revokedInfo `asn1:"tag:1,optional"`
		Unknown    asn1.Flag   `asn1:"tag:2,optional"`
		ThisUpdate time.Time   `asn1:"generalized"`
	}
	certID struct {
		HashAlgorithm  pkix.AlgorithmIdentifier
		IssuerNameHash []byte
		IssuerKeyHash  []byte
		SerialNumber   *big.Int
	}
	revokedInfo struct {
		RevocationTime time.Time `asn1:"generalized"` // reason omitted: unspecified
	}
)

var (
	oidOCSPBasic       = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 48, 1, 1}
	oidECDSAWithSHA256 = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 2}
	ocspCertIDHashOIDs = map[crypto.Hash]asn1.ObjectIdentifier{
		crypto.SHA1:   {1, 3, 14, 3, 2, 26},
		crypto.SHA256: {2, 16, 840, 1, 101, 3, 4, 2, 1},
		crypto.SHA384: {2, 16, 840, 1, 101, 3, 4, 2, 2},
		crypto.SHA512: {2, 16, 840, 1, 101, 3, 4, 2, 3},
	}
)

// OCSPHandler returns the OCSP responder's handler, which [New] serves at OCSPURL. Tests can wrap
// it to inject faults.
func (p *PKI) OCSPHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		serve(w, r, "application/ocsp-response", p.ocspRespond)
	})
}

// ocspRespond returns the DER OCSPResponse for a request: a signed answer for a certificate of the
// CA, unauthorized for another issuer, malformedRequest for anything unreadable.
func (p *PKI) ocspRespond(mediaType string, body []byte) ([]byte, error) {
	if mediaType != "application/ocsp-request" {
		return ocsp.MalformedRequestErrorResponse, nil
	}
	req, err := ocsp.ParseRequest(body)
	if err != nil {
		return ocsp.MalformedRequestErrorResponse, nil
	}
	hashOID, ok := ocspCertIDHashOIDs[req.HashAlgorithm]
	if !ok {
		return ocsp.MalformedRequestErrorResponse, nil
	}
	name, key, err := issuerHashes(p.CA, req.HashAlgorithm)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(req.IssuerNameHash, name) || !bytes.Equal(req.IssuerKeyHash, key) {
		return ocsp.UnauthorizedErrorResponse, nil
	}

	now := p.now().UTC().Truncate(time.Second)
	single := singleResponse{
		CertID:     certID{pkix.AlgorithmIdentifier{Algorithm: hashOID, Parameters: asn1.NullRawValue}, name, key, req.SerialNumber},
		ThisUpdate: now,
	}
	switch status, at := p.status(req.SerialNumber, now); status {
	case ocsp.Good:
		single.Good = true
	case ocsp.Revoked:
		single.Revoked.RevocationTime = at.UTC()
	default:
		single.Unknown = true
	}
	tbs, err := asn1.Marshal(responseData{
		ResponderID: asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 1, IsCompound: true, Bytes: p.OCSPResponder.RawSubject}, // byName
		ProducedAt:  now,
		Responses:   []singleResponse{single},
	})
	if err != nil {
		return nil, err
	}
	digest := sha256.Sum256(tbs)
	sig, err := p.OCSPResponderKey.Sign(rand.Reader, digest[:], crypto.SHA256)
	if err != nil {
		return nil, err
	}
	basic, err := asn1.Marshal(basicResponse{
		TBSResponseData:    asn1.RawValue{FullBytes: tbs},
		SignatureAlgorithm: pkix.AlgorithmIdentifier{Algorithm: oidECDSAWithSHA256},
		Signature:          asn1.BitString{Bytes: sig, BitLength: 8 * len(sig)},
		Certificates:       []asn1.RawValue{{FullBytes: p.OCSPResponder.Raw}},
	})
	if err != nil {
		return nil, err
	}
	return asn1.Marshal(ocspResponse{
		Status:   asn1.Enumerated(ocsp.Success),
		Response: responseBytes{ResponseType: oidOCSPBasic, Response: basic},
	})
}

// status returns the status of the CA's certificate numbered serial at now, and its revocation time.
func (p *PKI) status(serial *big.Int, now time.Time) (int, time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := serial.String()
	if at, ok := p.revoked[s]; ok && !now.Before(at) {
		return ocsp.Revoked, at
	}
	if p.issued[s] {
		return ocsp.Good, time.Time{}
	}
	return ocsp.Unknown, time.Time{}
}

// issuerHashes returns the OCSP CertID hashes of issuer: of its DER name and of the bits of its
// subjectPublicKey.
func issuerHashes(issuer *x509.Certificate, h crypto.Hash) (name, key []byte, err error) {
	var spki struct {
		Algorithm pkix.AlgorithmIdentifier
		PublicKey asn1.BitString
	}
	if _, err := asn1.Unmarshal(issuer.RawSubjectPublicKeyInfo, &spki); err != nil {
		return nil, nil, err
	}
	hn := h.New()
	hn.Write(issuer.RawSubject)
	hk := h.New()
	hk.Write(spki.PublicKey.RightAlign())
	return hn.Sum(nil), hk.Sum(nil), nil
}

// OCSPHTTPClient is an OCSP client over HTTP (RFC 6960 appendix A, POST). It implements the
// OCSPClient interface of package asice.
type OCSPHTTPClient struct {
	URL  string       // the responder, e.g. [PKI].OCSPURL or the seal certificate's OCSPServer
	HTTP *http.Client // nil means http.DefaultClient
}

// OCSP returns the DER OCSPResponse for cert, issued by issuer, whatever the status it reports
// (good, revoked or unknown): judging it is the caller's work. The request has a SHA-1 CertID and
// no nonce. OCSP fails unless the response is successful, is for cert's serial number, and is
// signed by issuer or by a responder certificate that issuer issued with extKeyUsage OCSPSigning.
func (c *OCSPHTTPClient) OCSP(ctx context.Context, cert, issuer *x509.Certificate) ([]byte, error) {
	req, err := ocsp.CreateRequest(cert, issuer, nil)
	if err != nil {
		return nil, fmt.Errorf("asicetest: ocsp: %w", err)
	}
	reply, err := post(ctx, c.HTTP, c.URL, "application/ocsp-request", "application/ocsp-response", req)
	if err != nil {
		return nil, fmt.Errorf("asicetest: ocsp: %w", err)
	}
	resp, err := ocsp.ParseResponseForCert(reply, cert, issuer) // checks both signatures
	if err != nil {
		return nil, fmt.Errorf("asicetest: ocsp: %s: %w", c.URL, err)
	}
	if resp.Certificate != nil && !slices.Contains(resp.Certificate.ExtKeyUsage, x509.ExtKeyUsageOCSPSigning) {
		return nil, fmt.Errorf("asicetest: ocsp: %s: responder certificate lacks extKeyUsage OCSPSigning", c.URL)
	}
	return reply, nil
}
