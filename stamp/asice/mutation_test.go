package asice_test

import (
	"bytes"
	"context"
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kutsekit/kutse/stamp/asice"
	"github.com/kutsekit/kutse/stamp/asice/asicetest"
)

var update = flag.Bool("update", false, "rewrite the containers in testdata")

// A fixture is a sealed container with the PKI that made it.
type fixture struct {
	p     *asicetest.PKI
	clock *asicetest.Clock
	b     []byte
}

// newFixture seals estonianFiles with a new PKI whose seal key is key, at profile, with the
// services wrapped by wrapTSA and wrapOCSP when they are not nil.
func newFixture(t testing.TB, key asicetest.KeyType, profile asice.Profile, wrapTSA func(*asicetest.Clock, asice.TimeStamper) asice.TimeStamper,
	wrapOCSP func(*asicetest.Clock, asice.OCSPClient) asice.OCSPClient) fixture {
	t.Helper()
	clock := asicetest.NewClock(sealTime)
	p := asicetest.NewPKI(t, &asicetest.Options{SealKey: key, Now: clock.Now})
	var tsa asice.TimeStamper = p.TimeStamper()
	var oc asice.OCSPClient = p.OCSPClient()
	if wrapTSA != nil {
		tsa = wrapTSA(clock, tsa)
	}
	if wrapOCSP != nil {
		oc = wrapOCSP(clock, oc)
	}
	opts := &asice.Options{Profile: profile}
	if profile >= asice.ProfileT {
		opts.TimeStamper = tsa
	}
	if profile >= asice.ProfileLT {
		opts.OCSP = oc
	}
	b, err := asice.Create(t.Context(), estonianFiles(), asice.Seal{Key: p.SealKey, Chain: p.Chain(), Time: sealTime}, opts)
	if err != nil {
		t.Fatal(err)
	}
	return fixture{p, clock, b}
}

// sigXML returns the signatures XML of container b.
func sigXML(t testing.TB, b []byte) []byte {
	t.Helper()
	for _, e := range entries(t, b) {
		if e.name == "META-INF/signatures0.xml" {
			return e.data
		}
	}
	t.Fatal("no signatures0.xml")
	return nil
}

// withEntry returns container b with the data of entry name changed by edit.
func withEntry(t testing.TB, b []byte, name string, edit func([]byte) []byte) []byte {
	t.Helper()
	es := entries(t, b)
	for i := range es {
		if es[i].name == name {
			es[i].data = edit(bytes.Clone(es[i].data))
		}
	}
	return rezip(t, es)
}

func withSig(t testing.TB, b []byte, edit func([]byte) []byte) []byte {
	return withEntry(t, b, "META-INF/signatures0.xml", edit)
}

// editB64 decodes the text of the n-th element (0-based) whose start tag begins with tag,
// changes it with f, and encodes it back.
func editB64(t testing.TB, x []byte, tag string, n int, f func([]byte) []byte) []byte {
	t.Helper()
	re := regexp.MustCompile(`<` + regexp.QuoteMeta(tag) + `\b[^>]*>([^<]*)<`)
	ms := re.FindAllSubmatchIndex(x, -1)
	if n >= len(ms) {
		t.Fatalf("no %s number %d", tag, n)
	}
	m := ms[n]
	der, err := base64.StdEncoding.DecodeString(string(bytes.Join(bytes.Fields(x[m[2]:m[3]]), nil)))
	if err != nil {
		t.Fatal(err)
	}
	return slices.Concat(x[:m[2]], []byte(base64.StdEncoding.EncodeToString(f(der))), x[m[3]:])
}

// flipInside flips the last byte of the first occurrence of part in b (a certificate inside a
// token: its signature value, so the certificate still parses).
func flipInside(t testing.TB, b, part []byte) []byte {
	t.Helper()
	i := bytes.Index(b, part)
	if i < 0 {
		t.Fatal("part not found")
	}
	b[i+len(part)-1] ^= 1
	return b
}

// A verdict is what a mutation test expects of the one signature.
type verdict struct {
	valid   bool
	ind     asice.Indication
	sub     asice.SubIndication
	problem string // in Problems (or TrustProblems when valid)
	profile asice.Profile
}

func checkVerdict(t *testing.T, b []byte, roots *x509.CertPool, want verdict) asice.SignatureReport {
	t.Helper()
	rep := verify(t, b, &asice.VerifyOptions{Roots: roots})
	if len(rep.Signatures) != 1 {
		t.Fatalf("%d signatures", len(rep.Signatures))
	}
	s := rep.Signatures[0]
	found := want.problem == "" || slices.ContainsFunc(append(s.Problems, s.TrustProblems...), func(p string) bool { return strings.Contains(p, want.problem) })
	if s.Valid != want.valid || rep.Valid != want.valid || s.Indication != want.ind || s.SubIndication != want.sub || !found ||
		want.profile != 0 && s.Profile != want.profile {
		t.Errorf("Verify: valid %v, %s %s, profile %s, problems %q, trust %q;\nwant valid %v, %s %s, profile %s, a problem saying %q",
			s.Valid, s.Indication, s.SubIndication, s.Profile, s.Problems, s.TrustProblems, want.valid, want.ind, want.sub, want.profile, want.problem)
	}
	if s.Trusted != (s.Indication == asice.TotalPassed) || s.Valid != (len(s.Problems) == 0) {
		t.Errorf("Trusted %v with %s, Valid %v with %d problems", s.Trusted, s.Indication, s.Valid, len(s.Problems))
	}
	return s
}

// clockTSA moves the clock by d for each time-stamp after the first skip ones.
type clockTSA struct {
	asice.TimeStamper
	clock *asicetest.Clock
	d     time.Duration
	skip  int
	n     int
}

func (c *clockTSA) TimeStamp(ctx context.Context, digest []byte, h crypto.Hash) ([]byte, error) {
	c.n++
	if c.n <= c.skip {
		return c.TimeStamper.TimeStamp(ctx, digest, h)
	}
	c.clock.Advance(c.d)
	defer c.clock.Advance(-c.d)
	return c.TimeStamper.TimeStamp(ctx, digest, h)
}

// Every way the issue found to pass off an LT signature with broken validation data, and the
// other mutation classes of the signature, each with the verdict of ETSI EN 319 102-1.
func TestVerify_validationDataMutations(t *testing.T) {
	lt := newFixture(t, asicetest.KeyP256, asice.ProfileLT, nil, nil)
	lta := newFixture(t, asicetest.KeyP256, asice.ProfileLTA, nil, nil)
	other := asicetest.NewPKI(t, nil)
	ctx := t.Context()
	ocspFor := func(p *asicetest.PKI, cert *x509.Certificate) []byte {
		der, err := p.OCSPClient().OCSP(ctx, cert, p.CA)
		if err != nil {
			t.Fatal(err)
		}
		return der
	}
	tsaOtherDigest := func() []byte {
		d := sha256.Sum256([]byte("something else"))
		tok, err := lt.p.TimeStamper().TimeStamp(ctx, d[:], crypto.SHA256)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	sig := func(f fixture, edit func([]byte) []byte) []byte { return withSig(t, f.b, edit) }
	tsTok := func(f fixture, g func([]byte) []byte) []byte {
		return sig(f, func(x []byte) []byte { return editB64(t, x, "xades:EncapsulatedTimeStamp", 0, g) })
	}
	ocspDER := func(f fixture, g func([]byte) []byte) []byte {
		return sig(f, func(x []byte) []byte { return editB64(t, x, "xades:EncapsulatedOCSPValue", 0, g) })
	}
	allCerts := func(f fixture, g func([]byte) []byte) []byte {
		return sig(f, func(x []byte) []byte {
			for i := range strings.Count(string(x), "<xades:EncapsulatedX509Certificate") {
				x = editB64(t, x, "xades:EncapsulatedX509Certificate", i, g)
			}
			return x
		})
	}
	nonMinimal := func(der []byte) []byte { // 30 82 HH LL → 30 83 00 HH LL
		if der[0] != 0x30 || der[1] != 0x82 {
			t.Fatalf("DER starts % x", der[:2])
		}
		return slices.Concat([]byte{0x30, 0x83, 0}, der[2:])
	}
	indefinite := func(der []byte) []byte { // 30 82 HH LL body → 30 80 body 00 00
		return slices.Concat([]byte{0x30, 0x80}, der[4:], []byte{0, 0})
	}
	tstInfoOID := []byte{0x06, 0x0b, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x01, 0x04}

	// Cases that make their own PKI set roots.
	var roots *x509.CertPool
	own := func(f fixture) []byte { roots = f.p.Roots(); return f.b }
	cases := []struct {
		name string
		b    func() []byte
		want verdict
	}{
		{"LT intact", func() []byte { return lt.b }, verdict{true, asice.TotalPassed, "", "", asice.ProfileLT}},
		{"LTA intact", func() []byte { return own(lta) }, verdict{true, asice.TotalPassed, "", "", asice.ProfileLTA}},

		// The OCSP responder's certificate, corrupted inside the response: it names the CA as
		// its issuer, but the CA's signature on it no longer verifies.
		{"OCSP responder certificate corrupted", func() []byte {
			return ocspDER(lt, func(d []byte) []byte { return flipInside(t, d, lt.p.OCSPResponder.Raw) })
		}, verdict{false, asice.Indeterminate, asice.TryLater, "the issuer's signature on it does not verify", asice.ProfileT}},
		// The TSA's certificate, corrupted inside the token: the token's signed ESS attribute
		// names another certificate.
		{"TSA certificate corrupted", func() []byte {
			return tsTok(lt, func(d []byte) []byte { return flipInside(t, d, lt.p.TSA.Raw) })
		}, verdict{false, asice.Indeterminate, asice.NoSigningCertificateFound, "signingCertificate attribute", asice.ProfileB}},
		{"CertificateValues garbage", func() []byte {
			return allCerts(lt, func([]byte) []byte { return []byte("garbage") })
		}, verdict{false, asice.TotalFailed, asice.FormatFailure, "CertificateValues certificate 1 cannot be parsed", asice.ProfileT}},
		{"CertificateValues of another PKI", func() []byte {
			return allCerts(lt, func([]byte) []byte { return other.CA.Raw })
		}, verdict{false, asice.TotalFailed, asice.FormatFailure, "is in no chain", asice.ProfileT}},
		// KeyInfo holds the seal and its CA; without the CA there and in the certificate values
		// the LT data do not hold the signer's chain.
		{"CertificateValues and KeyInfo without the issuer", func() []byte {
			b := allCerts(lt, func([]byte) []byte { return lt.p.TSA.Raw })
			return withSig(t, b, func(x []byte) []byte {
				return regexp.MustCompile(`</ds:X509Certificate><ds:X509Certificate>[^<]*`).ReplaceAll(x, nil)
			})
		}, verdict{false, asice.Indeterminate, asice.NoCertificateChainFound, "lack the issuer", asice.ProfileT}},
		{"OCSP response for another certificate", func() []byte {
			return ocspDER(lt, func([]byte) []byte { return ocspFor(lt.p, lt.p.TSA) })
		}, verdict{false, asice.Indeterminate, asice.TryLater, "no OCSP response for the signing certificate", asice.ProfileT}},
		{"OCSP response of another CA for the same serial number", func() []byte {
			der := ocspFor(other, &x509.Certificate{SerialNumber: lt.p.Seal.SerialNumber})
			return ocspDER(lt, func([]byte) []byte { return der })
		}, verdict{false, asice.Indeterminate, asice.TryLater, "another issuer", asice.ProfileT}},
		{"OCSP revoked before the time-stamp", func() []byte {
			f := newFixture(t, asicetest.KeyP256, asice.ProfileLT, nil, nil)
			f.p.Revoke(f.p.Seal, sealTime.Add(-time.Hour))
			return own(fixture{f.p, f.clock, ocspDER(f, func([]byte) []byte { return ocspFor(f.p, f.p.Seal) })})
		}, verdict{false, asice.TotalFailed, asice.Revoked, "revoked at", asice.ProfileT}},
		{"OCSP produced before the time-stamp", func() []byte {
			return ocspDER(lt, func([]byte) []byte { return ocspAt(lt, -time.Hour) })
		}, verdict{false, asice.Indeterminate, asice.TryLater, "before the time-stamp", asice.ProfileT}},
		{"OCSP produced a day after the time-stamp", func() []byte {
			return ocspDER(lt, func([]byte) []byte { return ocspAt(lt, 25*time.Hour) })
		}, verdict{false, asice.Indeterminate, asice.TryLater, "more than 24h0m0s after", asice.ProfileT}},
		{"OCSP trailing byte", func() []byte {
			return ocspDER(lt, func(d []byte) []byte { return append(d, 0) })
		}, verdict{false, asice.TotalFailed, asice.FormatFailure, "bytes after the DER value", asice.ProfileT}},
		{"OCSP indefinite length", func() []byte { return ocspDER(lt, indefinite) },
			verdict{false, asice.TotalFailed, asice.FormatFailure, "indefinite length", asice.ProfileT}},
		{"time-stamp eContentType not id-ct-TSTInfo", func() []byte {
			return tsTok(lt, func(d []byte) []byte {
				i := bytes.Index(d, tstInfoOID)
				d[i+len(tstInfoOID)-1] = 5
				return d
			})
		}, verdict{false, asice.TotalFailed, asice.FormatFailure, "is not id-ct-TSTInfo", asice.ProfileB}},
		{"time-stamp trailing byte", func() []byte {
			return tsTok(lt, func(d []byte) []byte { return append(d, 0) })
		}, verdict{false, asice.TotalFailed, asice.FormatFailure, "bytes after the DER value", asice.ProfileB}},
		{"time-stamp length not minimal", func() []byte { return tsTok(lt, nonMinimal) },
			verdict{false, asice.TotalFailed, asice.FormatFailure, "shortest form", asice.ProfileB}},
		{"time-stamp over another digest", func() []byte {
			return tsTok(lt, func([]byte) []byte { return tsaOtherDigest() })
		}, verdict{false, asice.TotalFailed, asice.HashFailure, "message imprint does not match", asice.ProfileB}},
		// Line breaks in the OCSP value's base64 change nothing the signature or the OCSP
		// check sees, but the canonical RevocationValues that the archive time-stamp covers.
		{"LTA: validation data changed under the archive time-stamp", func() []byte {
			roots = lta.p.Roots()
			return sig(lta, func(x []byte) []byte {
				i := bytes.Index(x, []byte(`<xades:EncapsulatedOCSPValue Id="S0-OCSP0">`)) + 60
				return slices.Concat(x[:i], []byte("\n"), x[i:])
			})
		}, verdict{false, asice.TotalFailed, asice.HashFailure, "ArchiveTimeStamp: message imprint", asice.ProfileLT}},
		{"LTA: archive time-stamp older than the signature time-stamp", func() []byte {
			return own(newFixture(t, asicetest.KeyP256, asice.ProfileLTA, func(c *asicetest.Clock, ts asice.TimeStamper) asice.TimeStamper {
				return &clockTSA{TimeStamper: ts, clock: c, d: -time.Hour, skip: 1}
			}, nil))
		}, verdict{false, asice.Indeterminate, asice.TimestampOrderFailure, "older than the time-stamp it protects", asice.ProfileLT}},
		{"T: time-stamp after the certificate expired", func() []byte {
			return own(newFixture(t, asicetest.KeyP256, asice.ProfileT, func(c *asicetest.Clock, ts asice.TimeStamper) asice.TimeStamper {
				return &clockTSA{TimeStamper: ts, clock: c, d: 24 * 365 * 24 * time.Hour}
			}, nil))
		}, verdict{false, asice.TotalFailed, asice.Expired, "after the signing certificate expired", asice.ProfileT}},
		{"schema: stray attribute on ds:Signature", func() []byte {
			return sig(lt, func(x []byte) []byte {
				return bytes.Replace(x, []byte(`<ds:Signature Id="S0"`), []byte(`<ds:Signature Id="S0" Foo="bar"`), 1)
			})
		}, verdict{false, asice.TotalFailed, asice.FormatFailure, "attribute Foo is not allowed", asice.ProfileLT}},
		{"schema: qualified shadow attribute", func() []byte {
			return sig(lt, func(x []byte) []byte {
				return bytes.Replace(x, []byte(`<ds:Reference Id="S0-RefId0"`), []byte(`<ds:Reference ds:URI="x" Id="S0-RefId0"`), 1)
			})
		}, verdict{false, asice.TotalFailed, asice.FormatFailure, "attribute ds:URI is not allowed", 0}},
		{"schema: unknown unsigned property", func() []byte {
			return sig(lt, func(x []byte) []byte {
				return bytes.Replace(x, []byte(`</xades:UnsignedSignatureProperties>`), []byte(`<xades:Foo/></xades:UnsignedSignatureProperties>`), 1)
			})
		}, verdict{false, asice.TotalFailed, asice.FormatFailure, "may not hold element xades:Foo", asice.ProfileLT}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			roots = lt.p.Roots()
			b := c.b()
			checkVerdict(t, b, roots, c.want)
		})
	}
}

// ocspAt returns an OCSP response for f's seal produced d after the seal's time-stamp.
func ocspAt(f fixture, d time.Duration) []byte {
	f.clock.Advance(d)
	defer f.clock.Advance(-d)
	der, err := f.p.OCSPClient().OCSP(context.Background(), f.p.Seal, f.p.CA)
	if err != nil {
		panic(err)
	}
	return der
}

// B and T signatures without revocation data, and trust decided at the wrong time.
func TestVerify_trustVerdicts(t *testing.T) {
	b := newFixture(t, asicetest.KeyP256, asice.ProfileB, nil, nil)
	roots := b.p.Roots()
	checkVerdict(t, b.b, roots, verdict{true, asice.Indeterminate, asice.TryLater, "no revocation data", asice.ProfileB})
	checkVerdict(t, b.b, nil, verdict{true, asice.Indeterminate, asice.NoCertificateChainFound, "", asice.ProfileB})
	rep := verify(t, b.b, &asice.VerifyOptions{Roots: roots, Now: func() time.Time { return time.Date(2050, 1, 1, 0, 0, 0, 0, time.UTC) }})
	if s := rep.Signatures[0]; !s.Valid || s.SubIndication != asice.OutOfBoundsNoPOE {
		t.Errorf("B after expiry: valid %v, %s %s; want valid, INDETERMINATE OUT_OF_BOUNDS_NO_POE", s.Valid, s.Indication, s.SubIndication)
	}
	other := asicetest.NewPKI(t, nil)
	checkVerdict(t, b.b, other.Roots(), verdict{true, asice.Indeterminate, asice.NoCertificateChainFound, "does not chain", asice.ProfileB})
}

// ESTEID-2011: a signer certificate whose RSA modulus is a negative INTEGER verifies, and is
// reported as non-conforming. The container is testdata/negative-modulus-lt.asice.
func TestVerify_negativeRSAModulus(t *testing.T) {
	b, roots := readTestdata(t, "negative-modulus-lt.asice")
	if _, err := x509.ParseCertificate(signerDER(t, b)); err == nil || !strings.Contains(err.Error(), "modulus") {
		t.Fatalf("crypto/x509 parses the signer: %v; the container should have a negative modulus", err)
	}
	s := checkVerdict(t, b, roots, verdict{true, asice.TotalPassed, "", "", asice.ProfileLT})
	if s.Signer == nil || len(s.NonConforming) != 1 || !strings.Contains(s.NonConforming[0], "negative INTEGER") ||
		!slices.ContainsFunc(s.Warnings, func(w string) bool { return strings.Contains(w, "not conforming") }) {
		t.Errorf("Signer %v, NonConforming %q, Warnings %q; want the signer, marked non-conforming", s.SignerSubject, s.NonConforming, s.Warnings)
	}
	verifyScript(t, b)
	// The signature is still checked: a changed byte of the SignedInfo is caught.
	bad := withSig(t, b, func(x []byte) []byte {
		return editB64(t, x, "ds:SignatureValue", 0, func(v []byte) []byte { v[len(v)/2] ^= 1; return v })
	})
	checkVerdict(t, bad, roots, verdict{false, asice.TotalFailed, asice.SigCryptoFailure, "SignatureValue does not verify", 0})
}

// The committed LTA container verifies, and passes the independent checker.
func TestVerify_testdataLTA(t *testing.T) {
	b, roots := readTestdata(t, "lta.asice")
	s := checkVerdict(t, b, roots, verdict{true, asice.TotalPassed, "", "", asice.ProfileLTA})
	if len(s.ArchiveTimeStamps) != 1 || s.ArchiveTimeStamps[0].Before(s.TimeStamp) {
		t.Errorf("ArchiveTimeStamps %v, TimeStamp %v", s.ArchiveTimeStamps, s.TimeStamp)
	}
	verifyScript(t, b)
}

func signerDER(t testing.TB, b []byte) []byte {
	t.Helper()
	m := regexp.MustCompile(`<ds:X509Certificate>([^<]+)<`).FindSubmatch(sigXML(t, b))
	der, err := base64.StdEncoding.DecodeString(string(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	return der
}

// readTestdata returns testdata/name and the roots in testdata/roots.pem.
func readTestdata(t testing.TB, name string) ([]byte, *x509.CertPool) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	r, err := os.ReadFile(filepath.Join("testdata", "roots.pem"))
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(r) {
		t.Fatal("no roots in testdata/roots.pem")
	}
	return b, pool
}

// TestTestdata_update rewrites the committed containers (go test -run TestTestdata_update
// -update): an LT seal whose certificate has a negative RSA modulus, an LTA seal, an LT seal
// whose TSA certificate was corrupted inside the time-stamp token, and the roots of their PKIs.
func TestTestdata_update(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite testdata")
	}
	neg := newFixture(t, asicetest.KeyRSA2048NegativeModulus, asice.ProfileLT, nil, nil)
	lta := newFixture(t, asicetest.KeyP256, asice.ProfileLTA, nil, nil)
	var roots []byte
	for _, c := range []*x509.Certificate{neg.p.CA, lta.p.CA} {
		roots = append(roots, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})...)
	}
	// The case: the TSA's certificate corrupted inside its token (of the LTA seal's PKI,
	// an LT seal).
	lt := newFixture(t, asicetest.KeyP256, asice.ProfileLT, nil, nil)
	roots = append(roots, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: lt.p.CA.Raw})...)
	corrupted := withSig(t, lt.b, func(x []byte) []byte {
		return editB64(t, x, "xades:EncapsulatedTimeStamp", 0, func(d []byte) []byte { return flipInside(t, d, lt.p.TSA.Raw) })
	})
	for name, b := range map[string][]byte{"negative-modulus-lt.asice": neg.b, "lta.asice": lta.b, "lt-tsa-cert-corrupted.asice": corrupted,
		"roots.pem": roots} {
		if err := os.WriteFile(filepath.Join("testdata", name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestVerify_parallel verifies an LTA container (time-stamps parsed by github.com/digitorus/pkcs7,
// whose parser is not safe for concurrent use: internal/berlock serialises it) from several
// goroutines at once; .ci/run runs it under the race detector. Each must find it TOTAL-PASSED.
func TestVerify_parallel(t *testing.T) {
	b, roots := readTestdata(t, "lta.asice")
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 5 {
				rep, err := asice.Verify(bytes.NewReader(b), int64(len(b)), &asice.VerifyOptions{Roots: roots})
				if err != nil || !rep.Valid || rep.Signatures[0].Indication != asice.TotalPassed {
					t.Errorf("Verify = %v, %v", rep, err)
					return
				}
			}
		})
	}
	wg.Wait()
}
