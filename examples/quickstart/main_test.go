package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/internal/tooltest"
)

var update = flag.Bool("update", false, "update golden files")

func fixedNow() time.Time { return time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC) }

// TestQuickstart_CERT02_CERT04 runs the quickstart for a fixed date in both languages and compares
// the output with the golden files: the owner's list with marks (CERT-02), the hidden certificate
// listed for its owner and absent from the public view (CERT-04), no personal code in the public
// view and no name on an expired certificate (CERT-12); and one school's exam to the signed
// protocol (EXV-01..08): the certificates issued once, a repeated signing issuing none, the
// assessment protocol written as a PDF.
func TestQuickstart_CERT02_CERT04(t *testing.T) {
	for _, lang := range []string{"et", "en"} {
		var out bytes.Buffer
		dir := t.TempDir()
		if err := run(t.Context(), []string{"-date", "2026-11-22", "-lang", lang, "-out", dir}, &out, fixedNow); err != nil {
			t.Fatalf("run(%s): %v", lang, err)
		}
		got := strings.ReplaceAll(out.String(), dir, "OUT")
		golden := filepath.Join("testdata", "quickstart-"+lang+".golden")
		if *update {
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("quickstart -lang %s output differs from %s (run with -update to refresh):\n%s", lang, golden, got)
		}
		public := got[strings.Index(got, "\n\n"+map[string]string{"et": "Avalik", "en": "Public"}[lang]):]
		if strings.Contains(public, "49502020047") || strings.Contains(public, "E015992 Lapsehoidja") {
			t.Errorf("public view shows a personal code or the hidden certificate:\n%s", public)
		}
		if _, err := os.Stat(filepath.Join(dir, "minu-tunnistused.json")); err != nil {
			t.Errorf("-out did not write the list: %v", err)
		}
		if _, err := os.Stat(filepath.Join(dir, "hindamisprotokoll.pdf")); err != nil {
			t.Errorf("-out did not write the assessment protocol: %v", err)
		}
		if !strings.Contains(got, map[string]string{"et": "(3; kordusallkirjastamisel uusi 0)", "en": "(3; new ones on a repeated signing 0)"}[lang]) ||
			strings.Count(got, "204588") != 2 {
			t.Errorf("the exam's certificates are not issued exactly once:\n%s", got)
		}
	}
}

// TestQuickstart_Postgres runs the same flow on pgstore and checks that it prints exactly what it
// prints on memstore (CERT-02, CERT-04 on PostgreSQL).
func TestQuickstart_Postgres(t *testing.T) {
	url := tooltest.Env(t, "KUTSE_TEST_POSTGRES")
	var mem, pg bytes.Buffer
	if err := run(t.Context(), []string{"-date", "2026-11-22"}, &mem, fixedNow); err != nil {
		t.Fatal(err)
	}
	if err := run(t.Context(), []string{"-date", "2026-11-22", "-store", url}, &pg, fixedNow); err != nil {
		t.Fatal(err)
	}
	if mem.String() != pg.String() {
		t.Errorf("output on PostgreSQL differs from memstore:\n%s\n---\n%s", pg.String(), mem.String())
	}
}

// TestQuickstart_BadFlags proves that bad flags get a clear error naming the flag.
func TestQuickstart_BadFlags(t *testing.T) {
	for _, args := range [][]string{{"-date", "2026-02-30"}, {"-date", "22/11/2026"}, {"-lang", "de"}, {"-store", "mysql://x"}} {
		var out bytes.Buffer
		err := run(t.Context(), args, &out, fixedNow)
		if err == nil || !strings.Contains(err.Error(), args[0]) {
			t.Errorf("run(%v) = %v; want an error naming %s", args, err, args[0])
		}
	}
}

// TestQuickstart_DefaultDate proves that the marks default to today's date in Europe/Tallinn.
func TestQuickstart_DefaultDate(t *testing.T) {
	var out bytes.Buffer
	late := func() time.Time { return time.Date(2026, 11, 21, 22, 30, 0, 0, time.UTC) } // 00:30 on the 22nd in Tallinn
	if err := run(t.Context(), nil, &out, late); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "Minu tunnistused — 22. novembril 2026") {
		t.Errorf("first line = %q", strings.SplitN(out.String(), "\n", 2)[0])
	}
}
