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
// view and no name on an expired certificate (CERT-12).
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

// TestQuickstart_APP01_APP02 checks the qualifications the quickstart lists from its sample feeds:
// those open on the date in Estonian collation order with the qualifications, partial qualifications
// and awarding body of each (APP-01; the standard that ended in 2024 is not listed), the keyword
// search, and the view with the conditions, the procedure and the body's own information (APP-02).
func TestQuickstart_APP01_APP02(t *testing.T) {
	var out bytes.Buffer
	if err := run(t.Context(), []string{"-date", "2026-11-22"}, &out, fixedNow); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	i := strings.Index(got, "Taotlemiseks avatud kutsed")
	if i < 0 {
		t.Fatalf("no qualifications in the output:\n%s", got)
	}
	section := got[i:]
	for _, want := range []string{
		"Kokku: 5 | Näitan: 1-5",
		"  1. Keevitaja, tase 3", "  3. Kokk, tase 4 — kutsed: Kokk, tase 4; Restoranitöö; Suurköögitöö — Eesti Hotellide ja Restoranide Liit",
		"osakutsed: Käsikaarkeevitaja, tase 4; Poolautomaatkeevitaja, tase 4; TIG-keevitaja, tase 4 — Eesti Masinatööstuse Liit",
		"  5. Rätsep-stilist, tase 5 — kutsed: Meesterätsep, tase 5 — Kutseksamikeskus MTÜ",
		`Märksõna "KEEVITAJA": Kokku: 2 | Näitan: 1-2`,
		"✓ Kutse on taotlemiseks avatud.", "Kutse taastõendamisel:", "Kutse andmise kord: https://www.emtl.ee/kutse-andmise-kord",
		"Taotlusvoor: 04.01.2027–15.02.2027",
	} {
		if !strings.Contains(section, want) {
			t.Errorf("the qualifications lack %q:\n%s", want, section)
		}
	}
	if strings.Contains(section, "Šokolaadimeister") {
		t.Errorf("a standard no longer in force is listed:\n%s", section)
	}
}
