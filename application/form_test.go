package application_test

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/internal/pdfatest"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/internal/tooltest"
	"github.com/kutsekit/kutse/stamp/pdf"
)

var update = flag.Bool("update", false, "update golden files")

// formApp is the application the golden form is made of: Ema-Kaks Piskel's application no. 12 for
// "Keevitaja, tase 4" through the body's partner, with two competences, three documents and the
// two conditions confirmed.
func formApp() application.Application {
	at := time.Date(2026, 11, 23, 9, 15, 0, 0, time.UTC)
	return application.Application{
		ID: 12, Kind: application.First, State: application.Submitted,
		Applicant: application.Person{Name: "Ema-Kaks Piskel", Code: person, Born: person.BirthDate(), Email: "ema-kaks@example.ee",
			Phone: "+372 5123 4567", Address: "Tähe 4, 50103 Tartu"},
		Body: sample.MachineIndustryCode, BodyName: "Eesti Masinatööstuse Liit", Receiver: sample.WeldingSchoolCode, ReceiverName: "Keevituskoolitus OÜ",
		Standard: sample.Welder, StandardVersion: sample.WelderV9, StandardName: "Keevitaja, tase 4", Level: classifier.MustLevel(4),
		Choice: application.Choice{Title: "Keevitaja, tase 4", CompetenceNames: []string{"Käsikaarkeevitus", "TIG-keevitus"}, ExamLanguageName: "eesti keel"},
		Conditions: []application.Condition{
			{Text: "Keevitaja kutseõpe või vähemalt 2-aastane töökogemus keevitajana", Confirmed: true},
			{Text: "Keevitaja tervisekontroll läbitud viimase 2 aasta jooksul", Confirmed: true},
		},
		Declared: true,
		Attachments: []application.Attachment{
			func() application.Attachment {
				a := doc("cv", "CV.pdf", "cv")
				a.DocumentName, a.Size = "Elulookirjeldus", 48213
				return a
			}(),
			func() application.Attachment {
				a := doc("haridus", "Diplom_kutsekool.pdf", "d")
				a.DocumentName, a.Size = "Haridust tõendav dokument", 1<<20+300000
				return a
			}(),
			func() application.Attachment { a := doc("", "Soovitus.pdf", "s"); a.Size = 812; return a }(),
		},
		SubmittedAt: at, Submitted: calendar.DateOf(at),
	}
}

// TestRenderForm_APP06 proves the application form: its text (read back with pdftotext), its bytes
// the same for the same application and instant and equal to the golden file (go test -update
// rewrites it; look at a changed one with pdftoppm -r 60 -png before committing it), and a valid
// PDF (qpdf --check).
func TestRenderForm_APP06(t *testing.T) {
	app := formApp()
	at := app.SubmittedAt
	got, err := application.RenderForm(&app, at)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := application.RenderForm(&app, at)
	if !bytes.Equal(got, again) {
		t.Error("the same application and instant gave different bytes")
	}
	if later, _ := application.RenderForm(&app, at.Add(time.Minute)); bytes.Equal(got, later) {
		t.Error("another instant gave the same bytes")
	}
	golden := filepath.Join("testdata", "avaldus.golden.pdf")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the form differs from %s (%d bytes, want %d); run go test -update and look at it", golden, len(got), len(want))
	}
	if len(got) > 60<<10 {
		t.Errorf("the form is %d bytes; want at most 60 KiB", len(got))
	}

	path := filepath.Join(t.TempDir(), "avaldus.pdf")
	if err := os.WriteFile(path, got, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tooltest.Need(t, "pdftotext", "poppler-utils"), "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, s := range []string{
		"Kutse taotlemise avaldus", "Application for an occupational qualification", "Taotluse nr / Application no.: 12",
		"Esitatud / Submitted: 23.11.2026 11:15", "Eesti Masinatööstuse Liit (registrikood 80040205)", "Keevituskoolitus OÜ (registrikood 10000017)",
		"Ema-Kaks Piskel", "49502020047", "02.02.1995", "ema-kaks@example.ee", "Tähe 4, 50103 Tartu",
		"Keevitaja, tase 4 (EKR tase 4 / EstQF level 4)", "Käsikaarkeevitus", "TIG-keevitus", "Eksami keel / Exam language: eesti keel",
		"Taotleja kinnitab / Confirmed: • Keevitaja kutseõpe või vähemalt 2-aastane töökogemus keevitajana • Keevitaja tervisekontroll läbitud viimase 2 aasta jooksul",
		"Elulookirjeldus: CV.pdf (47 KiB, SHA-256", "Diplom_kutsekool.pdf (1.3 MiB", "Muu dokument / Further document: Soovitus.pdf (812 B",
		"Kinnitan, et avalduses ja selle lisades esitatud andmed on õiged.",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("the form does not say %q:\n%s", s, text)
		}
	}
	pdfatest.Check(t, "the form", got, nil) // PDF/A-2b as the stamp's documents, and qpdf --check
}

// TestRenderForm_APP06_recertification proves that a re-certification's form says so and names the
// certificate re-certified, and that a long form continues on numbered pages.
func TestRenderForm_APP06_recertification(t *testing.T) {
	app := formApp()
	app.Kind, app.Certificate = application.Recertification, "204580"
	for i := range 60 {
		app.Attachments = append(app.Attachments, doc("", "Tunnistus-"+strings.Repeat("x", i%7)+".pdf", string(rune('a'+i))))
	}
	b, err := application.RenderForm(&app, app.SubmittedAt)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "avaldus.pdf")
	os.WriteFile(path, b, 0o644)
	out, err := exec.Command(tooltest.Need(t, "pdftotext", "poppler-utils"), "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, s := range []string{"Kutse taastõendamise avaldus", "Tunnistus / Certificate: 204580 (taastõendatav / to re-certify)", "Tingimused taastõendamisel", "(järg / continued)", "Lehekülg / Page 2/"} {
		if !strings.Contains(text, s) {
			t.Errorf("the form does not say %q", s)
		}
	}
	pdfatest.Check(t, "the long form", b, nil)
	if dir := os.Getenv("KUTSE_PDF_DUMP"); dir != "" { // to look at it: pdftoppm -png -r 60
		os.WriteFile(filepath.Join(dir, "avaldus-long.pdf"), b, 0o644)
	}
	app.Applicant.Name = "Ema 😀 Piskel"
	if _, err := application.RenderForm(&app, app.SubmittedAt); err == nil {
		t.Error("a name the font cannot show was rendered")
	}
	if _, ok := pdf.Covers("Õie Šõžäöü"); !ok {
		t.Error("pdf.Covers refuses Estonian letters")
	}
}
