package asice_test

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/stamp/asice"
	"github.com/kutsekit/kutse/stamp/asice/asicetest"
)

// estonianFiles have names with Estonian letters, spaces and characters that URIs encode.
func estonianFiles() []asice.File {
	return []asice.File{
		{Name: "Tõend ä 1.pdf", MediaType: "application/pdf", Data: []byte("%PDF-1.7\n% Tõend\n")},
		{Name: "Šõõrmann & Üllar (EN+ET) #2.txt", MediaType: "text/plain", Data: []byte("Tere, maailm!\n")},
		{Name: "Tunnistus.pdf", MediaType: "application/pdf", Data: []byte("%PDF-1.7\n% Tunnistus\n")},
	}
}

func pkiKey(kind string) asicetest.KeyType {
	switch kind {
	case keyP384:
		return asicetest.KeyP384
	case keyRSA:
		return asicetest.KeyRSA2048
	}
	return asicetest.KeyP256
}

// Every container Create makes passes the independent checker and our Verify: each key kind,
// both canonicalizations, profile B with a self-signed seal and B, T, LT with a CA, a
// time-stamping unit and an OCSP responder (asicetest).
func TestCreate_verifyScript(t *testing.T) {
	type tc struct {
		key     string
		c14n    string
		profile asice.Profile
		pki     bool
	}
	var cases []tc
	for _, k := range []string{keyRSA, keyP256, keyP384} {
		for _, c := range []string{asice.C14NExclusive, asice.C14N11} {
			cases = append(cases, tc{k, c, asice.ProfileB, false})
		}
		for _, p := range []asice.Profile{asice.ProfileB, asice.ProfileT, asice.ProfileLT, asice.ProfileLTA} {
			cases = append(cases, tc{k, asice.C14NExclusive, p, true})
		}
	}
	cases = append(cases, tc{keyP256, asice.C14N11, asice.ProfileLT, true}, tc{keyRSA, asice.C14N11, asice.ProfileLTA, true})
	for _, c := range cases {
		name := c.key + "/" + c.profile.String() + "/" + strings.TrimPrefix(c.c14n, "http://www.w3.org/")
		if !c.pki {
			name += "/self-signed"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			seal := testSeal(t, c.key)
			opts := &asice.Options{Profile: c.profile, Canonicalization: c.c14n}
			roots := x509.NewCertPool()
			roots.AddCert(seal.Chain[0])
			if c.pki {
				clock := asicetest.NewClock(sealTime)
				p := asicetest.NewPKI(t, &asicetest.Options{SealKey: pkiKey(c.key), Now: clock.Now})
				seal = asice.Seal{Key: p.SealKey, Chain: p.Chain(), Time: sealTime}
				opts.TimeStamper, opts.OCSP = p.TimeStamper(), p.OCSPClient()
				roots = p.Roots()
			}
			files := estonianFiles()
			b, err := asice.Create(t.Context(), files, seal, opts)
			if err != nil {
				t.Fatalf("Create: %v", err)
			}
			verifyScript(t, b)
			rep := verify(t, b, &asice.VerifyOptions{Roots: roots, Now: func() time.Time { return sealTime }})
			if !rep.Valid || len(rep.Signatures) != 1 {
				t.Fatalf("Verify: Valid = %v, %d signatures; want valid, 1: %+v", rep.Valid, len(rep.Signatures), rep)
			}
			s := rep.Signatures[0]
			// A CA-issued seal needs its revocation status: only LT carries it. A self-signed seal
			// is itself the trust anchor.
			wantTrust, wantSub := true, asice.SubIndication("")
			if c.pki && c.profile < asice.ProfileLT {
				wantTrust, wantSub = false, asice.TryLater
			}
			if s.Trusted != wantTrust || s.SubIndication != wantSub || s.Profile != c.profile {
				t.Errorf("Verify: Trusted = %v (%s %s), Profile = %v; want %v, %s, %v (%q)", s.Trusted, s.Indication, s.SubIndication,
					s.Profile, wantTrust, wantSub, c.profile, s.TrustProblems)
			}
			var names []string
			for _, f := range files {
				names = append(names, f.Name)
			}
			if !slices.Equal(s.Files, names) || !s.SigningTime.Equal(sealTime) || s.Signer == nil || !s.Signer.Equal(seal.Chain[0]) {
				t.Errorf("Verify: Files %q, SigningTime %v, Signer %v; want %q, %v, the seal's", s.Files, s.SigningTime, s.SignerSubject, names, sealTime)
			}
			if c.profile >= asice.ProfileT && (s.TimeStamp.IsZero() || !strings.Contains(s.TSA, "TEST kutse TSA")) {
				t.Errorf("Verify: TimeStamp %v, TSA %q; want the asicetest TSA's", s.TimeStamp, s.TSA)
			}
			if c.profile >= asice.ProfileLT && s.RevocationStatus != "good" {
				t.Errorf("Verify: RevocationStatus %q; want good", s.RevocationStatus)
			}
		})
	}
}

// CERT-06: the digital stamp (digitempel) of a valid certificate is an e-sealed container of
// Tunnistus.pdf, Certificate.pdf and Deklaratsioon.pdf, sealed by the register keeper.
func TestCERT06_digitalStampContainer(t *testing.T) {
	clock := asicetest.NewClock(sealTime)
	p := asicetest.NewPKI(t, &asicetest.Options{Now: clock.Now})
	files := stampFiles(40 << 10)
	b, err := asice.Create(t.Context(), files, asice.Seal{Key: p.SealKey, Chain: p.Chain(), Time: sealTime},
		&asice.Options{Profile: asice.ProfileLT, TimeStamper: p.TimeStamper(), OCSP: p.OCSPClient()})
	if err != nil {
		t.Fatal(err)
	}
	verifyScript(t, b)
	rep := verify(t, b, &asice.VerifyOptions{Roots: p.Roots()})
	want := []string{"Tunnistus.pdf", "Certificate.pdf", "Deklaratsioon.pdf"}
	var got []string
	for _, f := range rep.Files {
		got = append(got, f.Name)
		if f.MediaType != "application/pdf" || f.Size != 40<<10 {
			t.Errorf("file %q: %q, %d bytes; want application/pdf, %d", f.Name, f.MediaType, f.Size, 40<<10)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("Files = %q; want %q", got, want)
	}
	s := rep.Signatures[0]
	if !rep.Valid || !s.Trusted || !slices.Equal(s.Files, want) || !strings.Contains(s.SignerSubject, "Sihtasutus Kutsekoda") {
		t.Errorf("Verify = valid %v, trusted %v, covers %q, signer %q; want a trusted seal of Sihtasutus Kutsekoda over %q (%q %q)",
			rep.Valid, s.Trusted, s.Files, s.SignerSubject, want, s.Problems, s.TrustProblems)
	}
}

// SCH-11: the electronic state-exam certificate is confirmed with the issuing institution's
// digital stamp; here an RSA seal, and its trust decided by the institution's root.
func TestSCH11_stateExamCertificateStamp(t *testing.T) {
	seal := testSeal(t, keyRSA)
	files := []asice.File{{Name: "Riigieksamitunnistus.pdf", MediaType: "application/pdf", Data: stampFiles(8 << 10)[0].Data}}
	b, err := asice.Create(t.Context(), files, seal, nil)
	if err != nil {
		t.Fatal(err)
	}
	verifyScript(t, b)
	roots := x509.NewCertPool()
	roots.AddCert(seal.Chain[0])
	if s := verify(t, b, &asice.VerifyOptions{Roots: roots}).Signatures[0]; !s.Valid || !s.Trusted {
		t.Errorf("with the institution's root: valid %v, trusted %v; want both (%q %q)", s.Valid, s.Trusted, s.Problems, s.TrustProblems)
	}
	other := x509.NewCertPool()
	other.AddCert(testSeal(t, keyP256).Chain[0])
	if s := verify(t, b, &asice.VerifyOptions{Roots: other}).Signatures[0]; !s.Valid || s.Trusted || len(s.TrustProblems) == 0 {
		t.Errorf("with another root: valid %v, trusted %v, %q; want valid, not trusted, with a reason", s.Valid, s.Trusted, s.TrustProblems)
	}
	if s := verify(t, b, nil).Signatures[0]; s.Trusted || len(s.TrustProblems) != 0 {
		t.Errorf("without roots: trusted %v, %q; want no trust decision", s.Trusted, s.TrustProblems)
	}
}

// With an RSA key (PKCS #1 v1.5) the same input gives the same bytes; ECDSA signatures are
// randomized, so only the SignatureValue differs.
func TestCreate_deterministic(t *testing.T) {
	files := estonianFiles()
	seal := testSeal(t, keyRSA)
	a, err := asice.Create(t.Context(), files, seal, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := asice.Create(t.Context(), files, seal, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("Create(RSA) twice gave different bytes")
	}
	seal = testSeal(t, keyP256)
	x, _ := asice.Create(t.Context(), files, seal, nil)
	y, _ := asice.Create(t.Context(), files, seal, nil)
	if len(x) == 0 || bytes.Equal(x, y) {
		t.Error("Create(ECDSA) twice gave the same bytes; the signatures should be randomized")
	}
}

type failingTSA struct{ err error }

func (f failingTSA) TimeStamp(context.Context, []byte, crypto.Hash) ([]byte, error) {
	return nil, f.err
}

// wrongDigestTSA asks the real TSA to stamp another digest.
type wrongDigestTSA struct{ asice.TimeStamper }

func (w wrongDigestTSA) TimeStamp(ctx context.Context, d []byte, h crypto.Hash) ([]byte, error) {
	other := bytes.Clone(d)
	other[0] ^= 1
	return w.TimeStamper.TimeStamp(ctx, other, h)
}

type failingOCSP struct{ err error }

func (f failingOCSP) OCSP(context.Context, *x509.Certificate, *x509.Certificate) ([]byte, error) {
	return nil, f.err
}

func TestCreate_serviceErrors(t *testing.T) {
	clock := asicetest.NewClock(sealTime)
	p := asicetest.NewPKI(t, &asicetest.Options{Now: clock.Now})
	seal := asice.Seal{Key: p.SealKey, Chain: p.Chain(), Time: sealTime}
	down := errors.New("connection refused")
	cases := []struct {
		name string
		opts asice.Options
	}{
		{"TSA fails", asice.Options{Profile: asice.ProfileT, TimeStamper: failingTSA{down}}},
		{"TSA stamps another digest", asice.Options{Profile: asice.ProfileT, TimeStamper: wrongDigestTSA{p.TimeStamper()}}},
		{"OCSP fails", asice.Options{Profile: asice.ProfileLT, TimeStamper: p.TimeStamper(), OCSP: failingOCSP{down}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := asice.Create(t.Context(), estonianFiles(), seal, &c.opts)
			if !errors.Is(err, asice.ErrService) {
				t.Fatalf("Create = %v; want ErrService", err)
			}
			if strings.HasSuffix(c.name, "fails") && !errors.Is(err, down) {
				t.Errorf("Create = %v; want it to wrap the service's error", err)
			}
		})
	}
	t.Run("seal revoked", func(t *testing.T) {
		clock := asicetest.NewClock(sealTime)
		p := asicetest.NewPKI(t, &asicetest.Options{Now: clock.Now})
		p.Revoke(p.Seal, sealTime.Add(-time.Hour))
		_, err := asice.Create(t.Context(), estonianFiles(), asice.Seal{Key: p.SealKey, Chain: p.Chain(), Time: sealTime},
			&asice.Options{Profile: asice.ProfileLT, TimeStamper: p.TimeStamper(), OCSP: p.OCSPClient()})
		if !errors.Is(err, asice.ErrService) || !strings.Contains(err.Error(), "revoked") {
			t.Errorf("Create(revoked seal) = %v; want ErrService, revoked", err)
		}
	})
}

func TestCreate_inputErrors(t *testing.T) {
	good := testSeal(t, keyP256)
	other := testSeal(t, keyP384)
	weak, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	p224, _ := ecdsa.GenerateKey(elliptic.P224(), rand.Reader)
	_, edKey, _ := ed25519.GenerateKey(rand.Reader)
	noNonRep := selfSigned(t, good.Key, x509.KeyUsageDigitalSignature)
	cases := []struct {
		name  string
		field string
		edit  func(files *[]asice.File, seal *asice.Seal, opts *asice.Options)
	}{
		{"no files", "files", func(f *[]asice.File, _ *asice.Seal, _ *asice.Options) { *f = nil }},
		{"empty file", "files[0].Data", func(f *[]asice.File, _ *asice.Seal, _ *asice.Options) { (*f)[0].Data = nil }},
		{"empty name", "files[1].Name", func(f *[]asice.File, _ *asice.Seal, _ *asice.Options) { (*f)[1].Name = "" }},
		{"slash", "files[0].Name", func(f *[]asice.File, _ *asice.Seal, _ *asice.Options) { (*f)[0].Name = "kaust/fail.pdf" }},
		{"backslash", "files[0].Name", func(f *[]asice.File, _ *asice.Seal, _ *asice.Options) { (*f)[0].Name = `kaust\fail.pdf` }},
		{"dot dot", "files[0].Name", func(f *[]asice.File, _ *asice.Seal, _ *asice.Options) { (*f)[0].Name = ".." }},
		{"mimetype", "files[2].Name", func(f *[]asice.File, _ *asice.Seal, _ *asice.Options) { (*f)[2].Name = "MimeType" }},
		{"META-INF", "files[0].Name", func(f *[]asice.File, _ *asice.Seal, _ *asice.Options) { (*f)[0].Name = "META-INF" }},
		{"control character", "files[0].Name", func(f *[]asice.File, _ *asice.Seal, _ *asice.Options) { (*f)[0].Name = "a\nb.pdf" }},
		{"long name", "files[0].Name", func(f *[]asice.File, _ *asice.Seal, _ *asice.Options) { (*f)[0].Name = strings.Repeat("õ", 128) }},
		{"duplicate", "files[2].Name", func(f *[]asice.File, _ *asice.Seal, _ *asice.Options) { (*f)[2].Name = (*f)[0].Name }},
		{"duplicate but case", "files[2].Name", func(f *[]asice.File, _ *asice.Seal, _ *asice.Options) { (*f)[2].Name = strings.ToUpper((*f)[0].Name) }},
		{"media type", "files[0].MediaType", func(f *[]asice.File, _ *asice.Seal, _ *asice.Options) { (*f)[0].MediaType = "pdf" }},
		{"media type parameters", "files[1].MediaType", func(f *[]asice.File, _ *asice.Seal, _ *asice.Options) {
			(*f)[1].MediaType = "text/plain; charset=utf-8"
		}},
		{"no key", "seal.Key", func(_ *[]asice.File, s *asice.Seal, _ *asice.Options) { s.Key = nil }},
		{"no chain", "seal.Chain", func(_ *[]asice.File, s *asice.Seal, _ *asice.Options) { s.Chain = nil }},
		{"nil certificate", "seal.Chain", func(_ *[]asice.File, s *asice.Seal, _ *asice.Options) { s.Chain = []*x509.Certificate{nil} }},
		{"no time", "seal.Time", func(_ *[]asice.File, s *asice.Seal, _ *asice.Options) { s.Time = time.Time{} }},
		{"time after expiry", "seal.Time", func(_ *[]asice.File, s *asice.Seal, _ *asice.Options) {
			s.Time = time.Date(2050, 1, 1, 0, 0, 0, 0, time.UTC)
		}},
		{"weak RSA", "seal.Key", func(_ *[]asice.File, s *asice.Seal, _ *asice.Options) { s.Key = weak }},
		{"P-224", "seal.Key", func(_ *[]asice.File, s *asice.Seal, _ *asice.Options) { s.Key = p224 }},
		{"Ed25519", "seal.Key", func(_ *[]asice.File, s *asice.Seal, _ *asice.Options) { s.Key = edKey }},
		{"key not the certificate's", "seal.Key", func(_ *[]asice.File, s *asice.Seal, _ *asice.Options) { s.Key = other.Key }},
		{"no nonRepudiation", "seal.Chain[0]", func(_ *[]asice.File, s *asice.Seal, _ *asice.Options) { s.Chain = []*x509.Certificate{noNonRep} }},
		{"chain not linked", "seal.Chain[1]", func(_ *[]asice.File, s *asice.Seal, _ *asice.Options) { s.Chain = append(s.Chain, other.Chain[0]) }},
		{"T without TSA", "opts.TimeStamper", func(_ *[]asice.File, _ *asice.Seal, o *asice.Options) { o.Profile = asice.ProfileT }},
		{"LT without OCSP", "opts.OCSP", func(_ *[]asice.File, _ *asice.Seal, o *asice.Options) {
			o.Profile, o.TimeStamper = asice.ProfileLT, failingTSA{}
		}},
		{"LTA without TSA", "opts.TimeStamper", func(_ *[]asice.File, _ *asice.Seal, o *asice.Options) { o.Profile = asice.ProfileLTA }},
		{"unknown profile", "opts.Profile", func(_ *[]asice.File, _ *asice.Seal, o *asice.Options) { o.Profile = asice.ProfileLTA + 1 }},
		{"canonicalization", "opts.Canonicalization", func(_ *[]asice.File, _ *asice.Seal, o *asice.Options) { o.Canonicalization = asice.C14N10 }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files, seal, opts := estonianFiles(), good, asice.Options{}
			c.edit(&files, &seal, &opts)
			_, err := asice.Create(t.Context(), files, seal, &opts)
			ie, ok := errors.AsType[*asice.InputError](err)
			if !errors.Is(err, asice.ErrInput) || !ok || ie.Field != c.field {
				t.Errorf("Create = %v; want an InputError for %s", err, c.field)
			}
		})
	}
}

// A seal of 70 files: SignedInfo, SignedDataObjectProperties and the manifest hold more than
// 64 children, past the schema matcher's first word of positions.
func TestCreate_manyFiles(t *testing.T) {
	var files []asice.File
	for i := range 70 {
		files = append(files, asice.File{Name: "f" + strconv.Itoa(i) + ".txt", MediaType: "text/plain", Data: []byte{byte(i)}})
	}
	b, err := asice.Create(t.Context(), files, testSeal(t, keyP256), nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep := verify(t, b, nil); !rep.Valid || len(rep.Signatures[0].Files) != 70 {
		t.Fatalf("Verify: valid %v, %q", rep.Valid, rep.Signatures[0].Problems)
	}
	bad := withSig(t, b, func(x []byte) []byte { // a 71st DataObjectFormat, out of place: after the SignedSignatureProperties' end
		return bytes.Replace(x, []byte("</xades:SignedDataObjectProperties>"),
			[]byte(`</xades:SignedDataObjectProperties><xades:DataObjectFormat ObjectReference="#x"/>`), 1)
	})
	if rep := verify(t, bad, nil); rep.Valid || !strings.Contains(strings.Join(rep.Signatures[0].Problems, " "), "schema") {
		t.Fatalf("Verify(misplaced DataObjectFormat): valid %v, %q", rep.Valid, rep.Signatures[0].Problems)
	}
}
