// Package tooltest finds the independent checkers some tests run (xmlsec1, zbarimg, pdftotext,
// pdftoppm, qpdf) and the PostgreSQL server the store tests use. A test that needs one skips with a
// clear message when it is absent on a developer's machine, and fails in CI, where .ci/run sets
// KUTSE_REQUIRE_TOOLS=1 after installing them.
package tooltest

import (
	"os"
	"os/exec"
	"testing"
)

// RequireEnv is the environment variable that turns a missing tool into a failure.
const RequireEnv = "KUTSE_REQUIRE_TOOLS"

// Required reports whether missing tools fail tests rather than skip them.
func Required() bool { return os.Getenv(RequireEnv) == "1" }

// Need returns the path of the command name, or skips t (fails it when [Required]) with a message
// saying which Debian package provides it.
func Need(t testing.TB, name, debianPackage string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	msg := name + " is not installed (apt-get install " + debianPackage + ")"
	if Required() {
		t.Fatalf("%s; %s=1 requires it", msg, RequireEnv)
	}
	t.Skip("skipping: " + msg)
	return ""
}

// Env returns the value of the environment variable name, or skips t (fails it when [Required])
// when it is unset, e.g. for KUTSE_TEST_POSTGRES.
func Env(t testing.TB, name string) string {
	t.Helper()
	if v := os.Getenv(name); v != "" {
		return v
	}
	if Required() {
		t.Fatalf("%s is not set; %s=1 requires it", name, RequireEnv)
	}
	t.Skipf("Skipping due to missing environment variable %v", name)
	return ""
}
