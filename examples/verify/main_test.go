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
