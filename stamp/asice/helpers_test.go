package asice_test

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kutsekit/kutse/internal/tooltest"
	"github.com/kutsekit/kutse/stamp/asice"
)

// shared is the project's shared folder, cloned beside the module.
const shared = "../../../shared"

// sealTime is the signing time of the test seals.
var sealTime = time.Date(2026, 11, 22, 14, 48, 54, 0, time.UTC)

// The key kinds of the test seals.
const (
	keyP256 = "ECDSA P-256"
	keyP384 = "ECDSA P-384"
	keyRSA  = "RSA 2048"
)

var testKeys sync.Map // kind → crypto.Signer; RSA key generation is slow, so keys are reused

func testKey(t testing.TB, kind string) crypto.Signer {
	t.Helper()
	if k, ok := testKeys.Load(kind); ok {
		return k.(crypto.Signer)
	}
	var k crypto.Signer
	var err error
	switch kind {
	case keyP256:
		k, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	case keyP384:
		k, err = ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	case keyRSA:
		k, err = rsa.GenerateKey(rand.Reader, 2048)
	default:
		t.Fatalf("unknown key kind %q", kind)
	}
	if err != nil {
		t.Fatal(err)
	}
	actual, _ := testKeys.LoadOrStore(kind, k)
	return actual.(crypto.Signer)
}

// selfSigned returns a self-signed TEST seal certificate for key with the given key usage.
func selfSigned(t testing.TB, key crypto.Signer, usage x509.KeyUsage) *x509.Certificate {
	t.Helper()
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(90006414),
		Subject: pkix.Name{
			Country: []string{"EE"}, Organization: []string{"Sihtasutus Kutsekoda (TEST)"},
			CommonName: "Sihtasutus Kutsekoda (TEST self-signed seal)",
			ExtraNames: []pkix.AttributeTypeAndValue{{Type: asn1.ObjectIdentifier{2, 5, 4, 97}, Value: "NTREE-90006414"}},
		},
		NotBefore:             time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:              time.Date(2049, 12, 31, 23, 59, 59, 0, time.UTC),
		KeyUsage:              usage,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// testSeal returns a seal with a self-signed certificate (nonRepudiation) for a key of kind.
func testSeal(t testing.TB, kind string) asice.Seal {
	t.Helper()
	k := testKey(t, kind)
	return asice.Seal{Key: k, Chain: []*x509.Certificate{selfSigned(t, k, x509.KeyUsageContentCommitment|x509.KeyUsageDigitalSignature)}, Time: sealTime}
}

// stampFiles are the three files of a digital stamp (CERT-06), about size bytes each, shaped like
// PDFs: a header, then bytes that do not compress (as a PDF's compressed streams).
func stampFiles(size int) []asice.File {
	names := []string{"Tunnistus.pdf", "Certificate.pdf", "Deklaratsioon.pdf"}
	files := make([]asice.File, len(names))
	for i, n := range names {
		b := make([]byte, size)
		copy(b, "%PDF-1.7\n% "+n+"\n")
		x := 0x9e3779b97f4a7c15 + uint64(i)
		for j := 32; j < size; j++ { // xorshift: deterministic, incompressible
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			b[j] = byte(x)
		}
		files[i] = asice.File{Name: n, MediaType: "application/pdf", Data: b}
	}
	return files
}

func readSample(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(shared, "testdata/asice", name))
	if err != nil {
		t.Fatalf("reading sample (the repository is cloned with shared/ beside it): %v", err)
	}
	return b
}

func verify(t testing.TB, b []byte, opts *asice.VerifyOptions) *asice.Report {
	t.Helper()
	rep, err := asice.Verify(bytes.NewReader(b), int64(len(b)), opts)
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	return rep
}

// verifyScript runs the independent checker shared/tools/verify-asice.sh on container and
// fails t unless it prints OK.
func verifyScript(t *testing.T, container []byte) {
	t.Helper()
	for _, tool := range [][2]string{{"xmlsec1", "xmlsec1"}, {"xmllint", "libxml2-utils"}, {"openssl", "openssl"}, {"python3", "python3"}} {
		tooltest.Need(t, tool[0], tool[1])
	}
	script, err := filepath.Abs(filepath.Join(shared, "tools/verify-asice.sh"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(script); err != nil {
		if tooltest.Required() {
			t.Fatalf("verify-asice.sh: %v", err)
		}
		t.Skipf("skipping: %v", err)
	}
	schema, _ := filepath.Abs(filepath.Join(shared, "testdata/asice/schema"))
	path := filepath.Join(t.TempDir(), "container.asice")
	if err := os.WriteFile(path, container, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), script, path)
	cmd.Env = append(os.Environ(), "ASICE_SCHEMA_DIR="+schema, "ASICE_NO_INSTALL=1")
	out, err := cmd.CombinedOutput()
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if err != nil || lines[len(lines)-1] != "OK" {
		t.Errorf("verify-asice.sh = %v, output:\n%s", err, out)
	}
}
