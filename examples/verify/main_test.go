package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const samples = "../../../shared/testdata/asice"

// TestVerify_CERT06 runs the program on the reference tools' containers: valid ones exit 0, the
// key-substitution forgery exits 1, unusable input exits 2.
func TestVerify_CERT06(t *testing.T) {
	if _, err := os.Stat(samples); err != nil {
		t.Skipf("the shared test data is not beside the repository: %v", err)
	}
	tests := []struct {
		file string
		code int
		want string
	}{
		{"valid-asice-esteid2018.asice", 0, "result: VALID"},
		{"space-in-datafile-name-percent-encoded-in-signature.asice", 0, "Faili nimi.txt"},
		{"synthetic/kutsekoda-b-synthetic.asice", 0, "Deklaratsioon.pdf"},
		{"invalid-forged_lt.asice", 1, "result: INVALID"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := run([]string{filepath.Join(samples, tt.file)}, &out, &errb)
		if code != tt.code || !strings.Contains(out.String(), tt.want) {
			t.Errorf("verify %s = exit %d\n%s%s\nwant exit %d and %q", tt.file, code, out.String(), errb.String(), tt.code, tt.want)
		}
	}
	// The committed containers of package asice, with and without their roots: the seal whose
	// certificate has a negative RSA modulus is TOTAL-PASSED; the one whose TSA certificate was
	// corrupted inside its token is invalid even without roots; a valid container is not trusted
	// with another PKI's root.
	const asiceTestdata = "../../stamp/asice/testdata"
	roots := filepath.Join(asiceTestdata, "roots.pem")
	other := filepath.Join(t.TempDir(), "other.pem")
	pemOther, err := os.ReadFile(roots)
	if err != nil {
		t.Fatal(err)
	}
	// The second root of roots.pem alone does not anchor the negative-modulus seal's chain.
	if i := bytes.LastIndex(pemOther, []byte("-----BEGIN")); i > 0 {
		pemOther = pemOther[i:]
	}
	os.WriteFile(other, pemOther, 0o644)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-roots", roots, filepath.Join(asiceTestdata, "negative-modulus-lt.asice")}, 0, "verdict:      TOTAL-PASSED"},
		{[]string{"-roots", roots, filepath.Join(asiceTestdata, "lta.asice")}, 0, "archive time-stamp:"},
		{[]string{"-roots", other, filepath.Join(asiceTestdata, "negative-modulus-lt.asice")}, 1, "result: VALID, NOT TRUSTED"},
		{[]string{filepath.Join(asiceTestdata, "negative-modulus-lt.asice")}, 0, "INDETERMINATE, NO_CERTIFICATE_CHAIN_FOUND"},
		{[]string{filepath.Join(asiceTestdata, "lt-tsa-cert-corrupted.asice")}, 1, "result: INVALID"},
		{[]string{"-roots", roots, filepath.Join(asiceTestdata, "lt-tsa-cert-corrupted.asice")}, 1, "NO_SIGNING_CERTIFICATE_FOUND"},
	} {
		var out, errb bytes.Buffer
		code := run(tt.args, &out, &errb)
		if code != tt.code || !strings.Contains(out.String(), tt.want) {
			t.Errorf("verify %v = exit %d\n%s%s\nwant exit %d and %q", tt.args, code, out.String(), errb.String(), tt.code, tt.want)
		}
	}
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.asice")
	os.WriteFile(junk, []byte("not a zip"), 0o644)
	for _, args := range [][]string{{junk}, {filepath.Join(dir, "missing.asice")}, {}} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 2 {
			t.Errorf("verify %v = exit %d; want 2", args, code)
		}
	}
}
