package asice

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"math/big"
	"regexp"
	"testing"
	"unicode/utf8"

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
