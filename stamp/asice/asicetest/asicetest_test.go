package asicetest_test

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"io"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digitorus/pkcs7"
	"github.com/digitorus/timestamp"
	"golang.org/x/crypto/ocsp"

	"github.com/kutsekit/kutse/internal/tooltest"
	"github.com/kutsekit/kutse/stamp/asice"
	"github.com/kutsekit/kutse/stamp/asice/asicetest"
)

var (
	_ asice.TimeStamper = (*asicetest.TSAClient)(nil)
	_ asice.OCSPClient  = (*asicetest.OCSPHTTPClient)(nil)
)

var start = time.Date(2026, 11, 22, 14, 48, 54, 0, time.UTC)

func TestCertificates(t *testing.T) {
	for _, tc := range []struct {
		name string
		key  asicetest.KeyType
		bits int // curve or modulus size
	}{{"P-256", asicetest.KeyP256, 256}, {"P-384", asicetest.KeyP384, 384}, {"RSA-2048", asicetest.KeyRSA2048, 2048}} {
		t.Run(tc.name, func(t *testing.T) {
			p := asicetest.NewPKI(t, &asicetest.Options{SealKey: tc.key})
			switch k := p.Seal.PublicKey.(type) {
			case *ecdsa.PublicKey:
				if k.Curve.Params().BitSize != tc.bits {
					t.Errorf("seal key curve = %s; want %d bits", k.Curve.Params().Name, tc.bits)
				}
			case *rsa.PublicKey:
				if k.N.BitLen() != tc.bits {
					t.Errorf("seal key = RSA %d; want %d bits", k.N.BitLen(), tc.bits)
				}
			}
			if !publicKeyEqual(p.Seal.PublicKey, p.SealKey.Public()) {
				t.Error("Seal's public key is not SealKey's")
			}
			if got, want := p.Seal.Subject.String(), "CN=Sihtasutus Kutsekoda (TEST seal),O=Sihtasutus Kutsekoda (TEST),C=EE,2.5.4.97=#130e4e545245452d3930303036343134"; got != want {
				t.Errorf("seal subject = %s; want %s", got, want)
			}
			if want := x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment; p.Seal.KeyUsage != want {
				t.Errorf("seal keyUsage = %b; want %b", p.Seal.KeyUsage, want)
			}
			if !critical(p.Seal, asn1.ObjectIdentifier{2, 5, 29, 15}) {
				t.Error("seal keyUsage is not critical")
			}
			if len(p.Seal.OCSPServer) != 1 || p.Seal.OCSPServer[0] != p.OCSPURL {
				t.Errorf("seal OCSPServer = %v; want [%s]", p.Seal.OCSPServer, p.OCSPURL)
			}
			if ch := p.Chain(); len(ch) != 2 || ch[0] != p.Seal || ch[1] != p.CA {
				t.Errorf("Chain() = %v; want [Seal CA]", ch)
			}
			for _, c := range []struct {
				cert *x509.Certificate
				eku  x509.ExtKeyUsage
			}{{p.Seal, x509.ExtKeyUsageAny}, {p.TSA, x509.ExtKeyUsageTimeStamping}, {p.OCSPResponder, x509.ExtKeyUsageOCSPSigning}} {
				if _, err := c.cert.Verify(x509.VerifyOptions{Roots: p.Roots(), KeyUsages: []x509.ExtKeyUsage{c.eku}, CurrentTime: start}); err != nil {
					t.Errorf("%s: %v", c.cert.Subject.CommonName, err)
				}
			}
			for _, c := range []*x509.Certificate{p.CA, p.Seal, p.TSA, p.OCSPResponder} {
				if !strings.Contains(c.Subject.CommonName, "TEST") {
					t.Errorf("subject %s does not say TEST", c.Subject)
				}
			}
			if !critical(p.TSA, asn1.ObjectIdentifier{2, 5, 29, 37}) {
				t.Error("TSA extKeyUsage is not critical")
			}
		})
	}
}

// The seal certificate of KeyRSA2048NegativeModulus encodes its modulus as a negative INTEGER
// (256 bytes, top bit set, no leading zero): crypto/x509 and openssl's strict DER see it so,
// while the CA's signature over the re-encoded TBSCertificate verifies and the key is unchanged.
func TestNegativeModulus(t *testing.T) {
	p := asicetest.NewPKI(t, &asicetest.Options{SealKey: asicetest.KeyRSA2048NegativeModulus})
	if _, err := x509.ParseCertificate(p.Seal.Raw); err == nil || !strings.Contains(err.Error(), "RSA modulus is not a positive number") {
		t.Fatalf("x509.ParseCertificate = %v; want the negative-modulus error", err)
	}
	if err := p.CA.CheckSignature(p.Seal.SignatureAlgorithm, p.Seal.RawTBSCertificate, p.Seal.Signature); err != nil {
		t.Errorf("CA signature over the re-encoded certificate: %v", err)
	}
	if !bytes.Contains(p.Seal.Raw, p.Seal.RawSubjectPublicKeyInfo) || !bytes.Contains(p.Seal.Raw, p.Seal.RawTBSCertificate) {
		t.Error("RawTBSCertificate or RawSubjectPublicKeyInfo is not part of Raw")
	}
	n := p.SealKey.Public().(*rsa.PublicKey).N.Bytes() // 256 bytes, top bit set
	if n[0]&0x80 == 0 || !bytes.Contains(p.Seal.RawSubjectPublicKeyInfo, append([]byte{0x02, 0x82, 0x01, 0x00}, n...)) {
		t.Error("the modulus is not a 256-byte INTEGER without a leading zero")
	}
	if !publicKeyEqual(p.Seal.PublicKey, p.SealKey.Public()) {
		t.Error("Seal.PublicKey is not SealKey's")
	}
}

func TestTimeStamp(t *testing.T) {
	clock := asicetest.NewClock(start)
	p := asicetest.NewPKI(t, &asicetest.Options{Now: clock.Now})
	for _, h := range []crypto.Hash{crypto.SHA256, crypto.SHA384, crypto.SHA512} {
		t.Run(h.String(), func(t *testing.T) {
			hh := h.New()
			hh.Write([]byte(`<ds:SignatureValue Id="S0-SIG">AAAA</ds:SignatureValue>`))
			digest := hh.Sum(nil)
			token, err := p.TimeStamper().TimeStamp(t.Context(), digest, h)
			if err != nil {
				t.Fatal(err)
			}
			ts, err := timestamp.Parse(token)
			if err != nil {
				t.Fatal(err)
			}
			if ts.HashAlgorithm != h || !bytes.Equal(ts.HashedMessage, digest) {
				t.Errorf("imprint = %v %x; want %v %x", ts.HashAlgorithm, ts.HashedMessage, h, digest)
			}
			if !ts.Time.Equal(start) {
				t.Errorf("genTime = %v; want %v", ts.Time, start)
			}
			if len(ts.Certificates) != 1 || !ts.Certificates[0].Equal(p.TSA) {
				t.Errorf("token certificates = %d; want the TSA's alone", len(ts.Certificates))
			}
			p7, err := pkcs7.Parse(token)
			if err != nil {
				t.Fatal(err)
			}
			err = p7.VerifyWithOpts(x509.VerifyOptions{Roots: p.Roots(), KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageTimeStamping}, CurrentTime: ts.Time})
			if err != nil {
				t.Errorf("CMS signature: %v", err)
			}
			if signer := p7.GetOnlySigner(); signer == nil || !signer.Equal(p.TSA) {
				t.Error("token is not signed by the TSA")
			}
		})
	}
	if _, err := p.TimeStamper().TimeStamp(t.Context(), make([]byte, 20), crypto.SHA1); err == nil {
		t.Error("TimeStamp(SHA-1 digest) succeeded; want an error")
	}
	if _, err := p.TimeStamper().TimeStamp(t.Context(), make([]byte, 31), crypto.SHA256); err == nil {
		t.Error("TimeStamp(31-byte SHA-256 digest) succeeded; want an error")
	}
}

func TestTimeStampOpenSSL(t *testing.T) {
	openssl := tooltest.Need(t, "openssl", "openssl")
	p := asicetest.NewPKI(t, nil)
	dir := t.TempDir()
	data := []byte(`<ds:SignatureValue Id="S0-SIG">AAAA</ds:SignatureValue>`)
	write(t, dir, "data", data)
	writePEM(t, dir, "ca.pem", p.CA)
	writePEM(t, dir, "tsa.pem", p.TSA)

	// Our client's token, verified by openssl against the digest and against the data.
	digest := crypto.SHA256.New()
	digest.Write(data)
	token, err := p.TimeStamper().TimeStamp(t.Context(), digest.Sum(nil), crypto.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "token.der", token)
	run(t, dir, "Verification: OK", openssl, "ts", "-verify", "-digest", hex.EncodeToString(digest.Sum(nil)),
		"-in", "token.der", "-token_in", "-CAfile", "ca.pem", "-untrusted", "tsa.pem")
	run(t, dir, "Verification: OK", openssl, "ts", "-verify", "-data", "data",
		"-in", "token.der", "-token_in", "-CAfile", "ca.pem", "-untrusted", "tsa.pem")

	// openssl's request (with its own nonce), answered by our server, verified by openssl.
	run(t, dir, "", openssl, "ts", "-query", "-data", "data", "-sha256", "-cert", "-out", "query.tsq")
	query, err := os.ReadFile(filepath.Join(dir, "query.tsq"))
	if err != nil {
		t.Fatal(err)
	}
	code, _, reply := postRaw(t, p.TSAURL, "application/timestamp-query", query)
	if code != http.StatusOK {
		t.Fatalf("POST openssl query: HTTP %d", code)
	}
	write(t, dir, "reply.tsr", reply)
	run(t, dir, "Verification: OK", openssl, "ts", "-verify", "-queryfile", "query.tsq",
		"-in", "reply.tsr", "-CAfile", "ca.pem", "-untrusted", "tsa.pem")
}

func TestTimeStampRejects(t *testing.T) {
	p := asicetest.NewPKI(t, nil)
	sha1Query, err := (&timestamp.Request{HashAlgorithm: crypto.SHA1, HashedMessage: make([]byte, 20)}).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, contentType string
		body              []byte
		failInfo          int // bit of PKIFailureInfo
	}{
		{"garbage", "application/timestamp-query", []byte("not DER"), 5}, // badDataFormat
		{"SHA-1", "application/timestamp-query", sha1Query, 0},           // badAlg
		{"content type", "application/octet-stream", sha1Query, 2},       // badRequest
		{"empty", "application/timestamp-query", nil, 5},                 // badDataFormat
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, ctype, reply := postRaw(t, p.TSAURL, tc.contentType, tc.body)
			if code != http.StatusOK || ctype != "application/timestamp-reply" {
				t.Fatalf("HTTP %d %s; want 200 application/timestamp-reply", code, ctype)
			}
			var resp struct {
				Status struct {
					Status       int
					StatusString []string       `asn1:"optional,utf8"`
					FailInfo     asn1.BitString `asn1:"optional"`
				}
				Token asn1.RawValue `asn1:"optional"`
			}
			if _, err := asn1.Unmarshal(reply, &resp); err != nil {
				t.Fatal(err)
			}
			if resp.Status.Status != int(timestamp.Rejection) || resp.Status.FailInfo.At(tc.failInfo) != 1 || len(resp.Token.FullBytes) != 0 {
				t.Errorf("status %d, failInfo %x, token %d bytes; want rejection, bit %d, none",
					resp.Status.Status, resp.Status.FailInfo.Bytes, len(resp.Token.FullBytes), tc.failInfo)
			}
		})
	}
	checkHTTPLimits(t, p.TSAURL)
}

func TestOCSP(t *testing.T) {
	clock := asicetest.NewClock(start)
	p := asicetest.NewPKI(t, &asicetest.Options{Now: clock.Now})
	check := func(cert *x509.Certificate, want int) *ocsp.Response {
		t.Helper()
		der, err := p.OCSPClient().OCSP(t.Context(), cert, p.CA)
		if err != nil {
			t.Fatal(err)
		}
		r, err := ocsp.ParseResponseForCert(der, cert, p.CA)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != want {
			t.Errorf("status of %v = %d; want %d", cert.SerialNumber, r.Status, want)
		}
		if r.Certificate == nil || !r.Certificate.Equal(p.OCSPResponder) {
			t.Error("response does not carry the responder certificate")
		}
		if err := r.CheckSignatureFrom(p.OCSPResponder); err != nil {
			t.Error(err)
		}
		if !r.ProducedAt.Equal(clock.Now()) || !r.ThisUpdate.Equal(clock.Now()) {
			t.Errorf("producedAt %v, thisUpdate %v; want %v", r.ProducedAt, r.ThisUpdate, clock.Now())
		}
		return r
	}

	check(p.Seal, ocsp.Good)
	check(p.TSA, ocsp.Good)
	check(&x509.Certificate{SerialNumber: big.NewInt(42)}, ocsp.Unknown)

	revokedAt := start.Add(time.Hour)
	p.Revoke(p.Seal, revokedAt)
	check(p.Seal, ocsp.Good) // before the revocation time
	clock.Set(revokedAt)
	if r := check(p.Seal, ocsp.Revoked); !r.RevokedAt.Equal(revokedAt) {
		t.Errorf("revokedAt = %v; want %v", r.RevokedAt, revokedAt)
	}

	other := asicetest.NewPKI(t, nil)
	_, err := p.OCSPClient().OCSP(t.Context(), other.Seal, other.CA)
	if re, ok := errors.AsType[ocsp.ResponseError](err); !ok || re.Status != ocsp.Unauthorized {
		t.Errorf("OCSP(another CA's certificate) = %v; want ResponseError unauthorized", err)
	}
}

func TestOCSPOpenSSL(t *testing.T) {
	openssl := tooltest.Need(t, "openssl", "openssl")
	p := asicetest.NewPKI(t, nil) // real time: openssl checks thisUpdate against it
	dir := t.TempDir()
	writePEM(t, dir, "ca.pem", p.CA)
	writePEM(t, dir, "seal.pem", p.Seal)
	run(t, dir, "seal.pem: good", openssl, "ocsp", "-issuer", "ca.pem", "-cert", "seal.pem",
		"-url", p.OCSPURL, "-CAfile", "ca.pem", "-no_nonce")
	p.Revoke(p.Seal, time.Now().Add(-time.Minute))
	run(t, dir, "seal.pem: revoked", openssl, "ocsp", "-issuer", "ca.pem", "-cert", "seal.pem",
		"-url", p.OCSPURL, "-CAfile", "ca.pem", "-no_nonce")
}

func TestOCSPRejects(t *testing.T) {
	p := asicetest.NewPKI(t, nil)
	req, err := ocsp.CreateRequest(p.Seal, p.CA, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, contentType string
		body              []byte
	}{
		{"garbage", "application/ocsp-request", []byte("not DER")},
		{"empty", "application/ocsp-request", nil},
		{"content type", "text/plain", req},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, ctype, reply := postRaw(t, p.OCSPURL, tc.contentType, tc.body)
			if code != http.StatusOK || ctype != "application/ocsp-response" {
				t.Fatalf("HTTP %d %s; want 200 application/ocsp-response", code, ctype)
			}
			_, err := ocsp.ParseResponse(reply, p.CA)
			if re, ok := errors.AsType[ocsp.ResponseError](err); !ok || re.Status != ocsp.Malformed {
				t.Errorf("reply = %v; want ResponseError malformed", err)
			}
		})
	}
	checkHTTPLimits(t, p.OCSPURL)
}

// checkHTTPLimits checks that url refuses GET and an oversized body.
func checkHTTPLimits(t *testing.T, url string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET %s: HTTP %d; want 405", url, resp.StatusCode)
	}
	if code, _, _ := postRaw(t, url, "application/octet-stream", make([]byte, 128<<10)); code != http.StatusRequestEntityTooLarge {
		t.Errorf("POST 128 KiB to %s: HTTP %d; want 413", url, code)
	}
}

func postRaw(t *testing.T, url, contentType string, body []byte) (code int, replyType string, reply []byte) {
	t.Helper()
	resp, err := http.Post(url, contentType, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	reply, err = io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), reply
}

func run(t *testing.T, dir, want, name string, args ...string) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), want) {
		t.Errorf("%s %s: %v\n%s\nwant output containing %q", name, strings.Join(args, " "), err, out, want)
	}
}

func write(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func writePEM(t *testing.T, dir, name string, cert *x509.Certificate) {
	t.Helper()
	write(t, dir, name, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Raw}))
}

func critical(c *x509.Certificate, oid asn1.ObjectIdentifier) bool {
	for _, e := range c.Extensions {
		if e.Id.Equal(oid) {
			return e.Critical
		}
	}
	return false
}

func publicKeyEqual(a, b crypto.PublicKey) bool {
	k, ok := a.(interface{ Equal(crypto.PublicKey) bool })
	return ok && k.Equal(b)
}
