package pdf_test

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/internal/tooltest"
	"github.com/kutsekit/kutse/stamp/pdf"
)

var docGenerated = time.Date(2027, 6, 10, 9, 30, 0, 0, time.UTC)

// sampleDocument lays out a document of every primitive with a table of rows rows.
func sampleDocument(t *testing.T, rows int) []byte {
	t.Helper()
	d, err := pdf.NewDocument(pdf.DocumentInfo{Title: "Hindamisprotokoll", Subject: "proov", Author: "Kutse andja",
		Continued: "Hindamisprotokoll (järg)", Generated: docGenerated})
	if err != nil {
		t.Fatal(err)
	}
	d.Heading("Hindamisprotokoll")
	d.Row("Kutse", "Autotehnik, tase 4")
	d.Row("Tühi", "")
	d.List("Hindamiskomisjon", []string{"Mari Maasikas (esimees)", "Jüri Õun"})
	d.Section("Tulemused")
	var body [][]string
	for i := range rows {
		body = append(body, []string{strconv.Itoa(i + 1), "Õppija Šõžäöü " + strconv.Itoa(i), "+", "sooritas"})
	}
	d.Table([]pdf.Column{{Title: "Nr", Width: 24, Right: true}, {Title: "Nimi"}, {Title: "K1", Width: 30}, {Title: "Tulemus", Width: 80}}, body)
	d.Paragraph("Protokoll on koostatud kahes keeles.")
	d.Note("PDF genereeritud 10.06.2027 12:30")
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDocument_GEN05 proves that a Document is deterministic, shows every line it was given with
// Estonian letters (GEN-05: documents people read), repeats a table's titles on every page it
// continues on, numbers its pages, and passes qpdf's check.
func TestDocument_GEN05(t *testing.T) {
	one := sampleDocument(t, 3)
	if !bytes.Equal(one, sampleDocument(t, 3)) {
		t.Error("the same document twice gave different bytes")
	}
	text := pdfText(t, one)
	for _, want := range []string{"Hindamisprotokoll", "Autotehnik, tase 4", "Jüri Õun", "Õppija Šõžäöü 2", "Tulemus", "PDF genereeritud"} {
		if !strings.Contains(text, want) {
			t.Errorf("the document lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Tühi") {
		t.Error("a row with no value was written")
	}
	long := sampleDocument(t, 120)
	pages := strings.Split(pdfText(t, long), "\f")
	if len(pages) < 3 {
		t.Fatalf("120 rows took %d pages", len(pages))
	}
	for i, p := range pages[1 : len(pages)-1] {
		if !strings.Contains(p, "Hindamisprotokoll (järg)") || !strings.Contains(p, "Tulemus") || !strings.Contains(p, "/") {
			t.Errorf("page %d lacks the continued heading, the table's titles or its number:\n%s", i+2, p)
		}
	}
	qpdf := tooltest.Need(t, "qpdf", "qpdf")
	run(t, qpdf, "--check", writeTemp(t, "long.pdf", long))
}

// TestDocument_BadInput proves that text the font cannot show, a row with too many cells and a
// missing generation time are errors wrapping ErrInvalid, never a panic.
func TestDocument_BadInput(t *testing.T) {
	if _, err := pdf.NewDocument(pdf.DocumentInfo{Title: "x"}); !errors.Is(err, pdf.ErrInvalid) {
		t.Errorf("NewDocument(no time) = %v; want ErrInvalid", err)
	}
	d, err := pdf.NewDocument(pdf.DocumentInfo{Title: "x", Generated: docGenerated})
	if err != nil {
		t.Fatal(err)
	}
	d.Row("Nimi", "王")
	d.Row("Next", "is ignored after the first error")
	var fe *pdf.FieldError
	if _, err := d.Bytes(); !errors.Is(err, pdf.ErrInvalid) || !errors.As(err, &fe) || fe.Field != "Nimi" {
		t.Errorf("Bytes after a character the font lacks = %v; want a FieldError for Nimi", err)
	}
	d, _ = pdf.NewDocument(pdf.DocumentInfo{Title: "x", Generated: docGenerated})
	d.Table([]pdf.Column{{Title: "A"}}, [][]string{{"1", "2"}})
	if _, err := d.Bytes(); !errors.Is(err, pdf.ErrInvalid) {
		t.Errorf("Bytes after a row of too many cells = %v; want ErrInvalid", err)
	}
}
