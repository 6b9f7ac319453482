package asice

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"math/big"
	"regexp"
	"testing"
	"unicode/utf8"

	"github.com/kutsekit/kutse/stamp/asice/asicetest"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
	"pgregory.net/rapid"
)

func derSig(r, s *big.Int) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1BigInt(r)
		b.AddASN1BigInt(s)
	})
	return b.BytesOrPanic()
}

// r and s are left-padded to the curve size even when they are short (libdigidocpp pads to
// the longer of the two, which breaks when both are short).
func TestECDSARawPadding(t *testing.T) {
	got, err := ecdsaRaw(derSig(big.NewInt(1), big.NewInt(0x0203)), 32)
	want := make([]byte, 64)
	want[31], want[62], want[63] = 1, 2, 3
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("ecdsaRaw(1, 0x0203) = %x, %v; want %x", got, err, want)
	}
	for _, bad := range [][]byte{nil, {0x30, 0}, derSig(big.NewInt(-1), big.NewInt(1)), derSig(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)),
		append(derSig(big.NewInt(1), big.NewInt(1)), 0)} {
		if _, err := ecdsaRaw(bad, 32); err == nil {
			t.Errorf("ecdsaRaw(%x) = nil error; want one", bad)
		}
	}
	key, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	d := sha256.Sum256([]byte("x"))
	for range 50 {
		der, _ := ecdsa.SignASN1(rand.Reader, key, d[:])
		raw, err := ecdsaRaw(der, 48)
		if err != nil || len(raw) != 96 || !ecdsa.Verify(&key.PublicKey, d[:], new(big.Int).SetBytes(raw[:48]), new(big.Int).SetBytes(raw[48:])) {
			t.Fatalf("ecdsaRaw(P-384 signature) = %x, %v", raw, err)
		}
	}
}

// uriChars is verify-asice.sh's check of a Reference URI.
var uriChars = regexp.MustCompile(`^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})+$`)

func TestURIRoundTrip(t *testing.T) {
	if got := encodeURI("Tõend ä#1+2 (x).txt"); got != "T%C3%B5end%20%C3%A4%231%2B2%20%28x%29.txt" {
		t.Errorf("encodeURI = %q; want libdigidocpp's T%%C3%%B5end%%20%%C3%%A4%%231%%2B2%%20%%28x%%29.txt", got)
	}
	for uri, want := range map[string]string{"Faili%20nimi.txt": "Faili nimi.txt", "Faili+nimi.txt": "Faili+nimi.txt", "a%2fb": "a/b"} {
		if got, ok := decodeURI(uri); !ok || got != want {
			t.Errorf("decodeURI(%q) = %q, %v; want %q", uri, got, ok, want)
		}
	}
	for _, bad := range []string{"", "a b", "a%2", "a%zz", "a#b", "a?b", "%C3"} {
		if got, ok := decodeURI(bad); ok {
			t.Errorf("decodeURI(%q) = %q, true; want false", bad, got)
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		name := rapid.String().Filter(func(s string) bool { return s != "" && utf8.ValidString(s) }).Draw(t, "name")
		uri := encodeURI(name)
		if got, ok := decodeURI(uri); !ok || got != name || !uriChars.MatchString(uri) {
			t.Fatalf("decodeURI(encodeURI(%q) = %q) = %q, %v", name, uri, got, ok)
		}
	})
}

// fuzzPKI returns a time-stamp token, an OCSP response and the PKI that made them.
func fuzzPKI(f *testing.F, key asicetest.KeyType) (tok, resp []byte, p *asicetest.PKI) {
	p, err := asicetest.New(&asicetest.Options{SealKey: key})
	if err != nil {
		f.Fatal(err)
	}
	defer p.Close() // a server left running slows every fuzzing execution to a crawl
	d := sha256.Sum256([]byte("x"))
	tok, err = p.TimeStamper().TimeStamp(context.Background(), d[:], crypto.SHA256)
	if err != nil {
		f.Fatal(err)
	}
	resp, err = p.OCSPClient().OCSP(context.Background(), p.Seal, p.CA)
	if err != nil {
		f.Fatal(err)
	}
	return tok, resp, p
}

// FuzzParseToken: parseToken (and checkDER under it) never panics, and what it accepts is
// strict DER with a TSTInfo that makes sense.
func FuzzParseToken(f *testing.F) {
	tok, _, _ := fuzzPKI(f, asicetest.KeyP256)
	f.Add(tok)
	f.Fuzz(func(t *testing.T, b []byte) {
		_, info, err := parseToken(b)
		if err != nil {
			return
		}
		if checkDER(b) != nil || len(info.imprint) != info.hash.Size() || info.serial == nil || len(info.essCert) != info.essHash.Size() {
			t.Fatalf("parseToken accepted %x: %+v", b, info)
		}
	})
}

// FuzzCheckOCSPDER: the OCSP DER check never panics, and accepts only what checkDER accepts.
func FuzzCheckOCSPDER(f *testing.F) {
	_, resp, _ := fuzzPKI(f, asicetest.KeyP256)
	f.Add(resp)
	f.Fuzz(func(t *testing.T, b []byte) {
		if checkOCSPDER(b) == nil && checkDER(b) != nil {
			t.Fatalf("checkOCSPDER accepted %x, which is not DER", b)
		}
	})
}

// FuzzParseCertificate: the tolerant parser never panics; it tolerates only a negative RSA
// modulus, gives the certificate its original bytes, and a positive modulus.
func FuzzParseCertificate(f *testing.F) {
	_, _, p := fuzzPKI(f, asicetest.KeyRSA2048NegativeModulus)
	f.Add(p.Seal.Raw)
	f.Add(p.CA.Raw)
	f.Fuzz(func(t *testing.T, b []byte) {
		c, odd, err := parseCertificate(b)
		if err != nil {
			return
		}
		if !bytes.Equal(c.Raw, b) {
			t.Fatal("certificate does not keep its bytes")
		}
		if odd != "" {
			pub, ok := c.PublicKey.(*rsa.PublicKey)
			if _, err := x509.ParseCertificate(b); err == nil || !ok || pub.N.Sign() <= 0 {
				t.Fatalf("non-conforming %q, but x509 parses it (%v) or the key is not a positive RSA modulus", odd, err)
			}
		}
	})
}

// The tolerant parser reads an ESTEID-2011-style certificate: the key is the unsigned modulus,
// the issuer's signature over the original TBSCertificate verifies, and the bytes are kept.
func TestParseCertificate_negativeModulus(t *testing.T) {
	p := asicetest.NewPKI(t, &asicetest.Options{SealKey: asicetest.KeyRSA2048NegativeModulus})
	c, odd, err := parseCertificate(p.Seal.Raw)
	if err != nil || odd == "" {
		t.Fatalf("parseCertificate = %v, %q, %v; want the certificate, non-conforming", c, odd, err)
	}
	if !c.Equal(p.Seal) || !c.PublicKey.(*rsa.PublicKey).Equal(p.SealKey.Public()) || c.CheckSignatureFrom(p.CA) != nil {
		t.Error("the tolerant parse lost the bytes, the key or the issuer's signature")
	}
	if c, odd, err := parseCertificate(p.CA.Raw); err != nil || odd != "" || !c.Equal(p.CA) {
		t.Errorf("parseCertificate(conforming) = %v, %q", err, odd)
	}
	// Other defects are not tolerated: a truncated certificate, or one with trailing bytes.
	for _, bad := range [][]byte{p.Seal.Raw[:len(p.Seal.Raw)-1], append(bytes.Clone(p.Seal.Raw), 0)} {
		if _, _, err := parseCertificate(bad); err == nil {
			t.Errorf("parseCertificate(%d bytes of a %d-byte certificate) succeeded", len(bad), len(p.Seal.Raw))
		}
	}
}

// The schema's base64 check, which does not decode, accepts exactly what decodeB64 accepts.
func TestBase64Lexical(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.StringOfN(rapid.SampledFrom([]rune("AQgw+/=9 \n\r\t#")), 0, 24, -1).Draw(t, "s")
		if got, want := base64Lexical(s), decodeB64Err(s) == nil; got != want {
			t.Fatalf("base64Lexical(%q) = %v; decodeB64 says %v", s, got, want)
		}
	})
}

func decodeB64Err(s string) error { _, err := decodeB64(s); return err }
