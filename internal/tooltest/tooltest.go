// Package tooltest finds the independent checkers some tests run (xmlsec1, zbarimg, pdftotext,
// pdftoppm, qpdf) and the PostgreSQL server the store tests use. A test that needs one skips with a
// clear message when it is absent on a developer's machine, and fails in CI, where .ci/run sets
// KUTSE_REQUIRE_TOOLS=1 after installing them.
package tooltest

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
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

// Output runs the command name with args and returns its standard output. Its standard error (where
// zbarimg writes D-Bus noise) is shown only when the command fails, which fails t.
func Output(t testing.TB, name string, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}
