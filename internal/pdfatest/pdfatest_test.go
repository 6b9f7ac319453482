package pdfatest_test

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kutsekit/kutse/internal/pdfatest"
	"github.com/kutsekit/kutse/stamp/pdf"
)

// recorder is a testing.TB that keeps the failures Check reports instead of failing the test.
type recorder struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	panic(r) // stops Check; recovered by check
}

func (r *recorder) Helper() {}

// check runs Check on b with a recorder and returns what it reported.
func check(t *testing.T, b []byte) (errs []string) {
	r := &recorder{TB: t}
	defer func() {
		if p := recover(); p != nil && p != r {
			panic(p)
		}
		errs = r.errs
	}()
	pdfatest.Check(r, "doc", b, nil)
	return r.errs
}

// TestCheck proves that the assertions can fail: a Document passes them, and the same bytes with
// the output intent's subtype, the XMP's PDF/A part or the Info dictionary's title changed (each
// of the same length, so that the file's offsets stay right) do not.
func TestCheck(t *testing.T) {
	d, err := pdf.NewDocument(pdf.DocumentInfo{Title: "Hindamisprotokoll", Author: "Autonoomse Arenduse Ühing",
		Generated: time.Date(2027, 6, 10, 9, 30, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	d.Heading("Hindamisprotokoll")
	d.Row("Kutse", "Autotehnik, tase 4")
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if errs := check(t, b); len(errs) != 0 {
		t.Fatalf("a Document fails the PDF/A-2b assertions: %v", errs)
	}
	for _, tt := range []struct{ from, to, want string }{
		{"/GTS_PDFA1", "/GTS_PDFX1", "OutputIntent"},
		{"<pdfaid:part>2</pdfaid:part>", "<pdfaid:part>3</pdfaid:part>", "XMP part"},
		{"/Title (Hindamisprotokoll)", "/Title (Hindamisprotokol_)", "XMP title"},
		{"%PDF-1.7", "%PDF-1.4", "header"},
	} {
		bad := bytes.Replace(b, []byte(tt.from), []byte(tt.to), 1)
		if bytes.Equal(bad, b) {
			t.Fatalf("%q is not in the document", tt.from)
		}
		if errs := check(t, bad); !strings.Contains(strings.Join(errs, "\n"), tt.want) {
			t.Errorf("%s changed: Check reported %v; want a failure naming %q", tt.from, errs, tt.want)
		}
	}
}
