package tooltest_test

import (
	"testing"

	"github.com/kutsekit/kutse/internal/tooltest"
)

func TestNeedFindsSh(t *testing.T) {
	if p := tooltest.Need(t, "sh", "dash"); p == "" {
		t.Fatal("Need(sh) returned no path")
	}
}

func TestNeedSkipsOrFails(t *testing.T) {
	t.Setenv(tooltest.RequireEnv, "")
	ran := false
	t.Run("missing", func(t *testing.T) {
		tooltest.Need(t, "kutse-no-such-tool", "none")
		ran = true
	})
	if ran {
		t.Error("Need(missing tool) did not stop the test")
	}
}

func Example() {
	// In a test: path := tooltest.Need(t, "xmlsec1", "xmlsec1")
}
