package pdf_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/internal/pdfatest"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/stamp/pdf"
)

var docGenerated = time.Date(2027, 6, 10, 9, 30, 0, 0, time.UTC)

// sampleDocument lays out a document with every element: the heading block, rows (one empty), a
// list, sections, a table of rows rows with a long cell and a number column, a paragraph and notes.
func sampleDocument(t *testing.T, info pdf.DocumentInfo, rows int) []byte {
	t.Helper()
	b, err := layOut(info, rows, "")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func layOut(info pdf.DocumentInfo, rows int, extra string) ([]byte, error) {
	if info.Generated.IsZero() {
		info.Generated = docGenerated
	}
	d, err := pdf.NewDocument(info)
	if err != nil {
		return nil, err
	}
	d.Heading("Hindamisprotokoll", "Kutse andja: Autonoomse Arenduse Ühing", "PDF genereeritud 10.06.2027 12:30 Eesti aeg")
	d.Row("Kutse", "Autotehnik, tase 4"+extra)
	d.Row("Tühi", "")
	d.List("Hindamiskomisjon", []string{"Mari Maasikas (esimees)", "Jüri Õun", ""})
	d.List("Puudub", nil)
	d.Section("Tulemused")
	var body [][]string
	for i := range rows {
		name := "Õppija Šõžäöü " + strconv.Itoa(i+1)
		if i == 1 {
			name = "Marta-Liisa Õunapuu-Šõmina, kelle nimi on veerust pikem ja murdub mitmele reale"
		}
		body = append(body, []string{strconv.Itoa(i + 1), name, "+", "–", "sooritas"})
	}
	d.Table([]pdf.Column{{Title: "Nr", Width: 24, Right: true}, {Title: "Nimi"}, {Title: "K1", Width: 34}, {Title: "K2", Width: 34},
		{Title: "Tulemus", Width: 80}}, body)
	d.Note("+ tõendatud, – tõendamata.")
	d.Section("Kokkuvõte")
	d.Paragraph("Protokoll on koostatud kutseregistri eksamihalduse andmetest; sooritajate tulemused on sisestanud hindamiskomisjon.")
	d.Table([]pdf.Column{{Title: "Maksja"}, {Title: "Summa", Width: 90, Right: true}},
		[][]string{{"Riigieelarvest kooli kaudu", "512,43 €"}, {"Kokku"}})
	return d.Bytes()
}

// TestDocument_GEN05 proves the Document other packages lay their documents out with: the same calls
// give the same bytes (and the golden file's, go test -update rewrites it: look at it with pdftoppm
// -r 60 -png), every text given is there with its Estonian letters (GEN-05), an empty row or list is
// left out, a long table continues on numbered pages under the repeated heading and its repeated
// titles, and nothing reaches into the margins.
func TestDocument_GEN05(t *testing.T) {
	info := pdf.DocumentInfo{Title: "Hindamisprotokoll 12", Subject: "Autotehnik, tase 4", Author: "Autonoomse Arenduse Ühing"}
	one := sampleDocument(t, info, 4)
	if !bytes.Equal(one, sampleDocument(t, info, 4)) {
		t.Error("the same document twice gave different bytes")
	}
	golden := filepath.Join("testdata", "document.golden.pdf")
	if *update {
		if err := os.WriteFile(golden, one, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if want, err := os.ReadFile(golden); err != nil || !bytes.Equal(one, want) {
		t.Errorf("the document differs from %s (%d bytes, want %d, %v); run go test -update and look at it", golden, len(one), len(want), err)
	}
	later := info
	later.Generated = docGenerated.Add(time.Minute)
	if bytes.Equal(one, sampleDocument(t, later, 4)) {
		t.Error("another generation time gave the same bytes")
	}
	text := strings.Join(strings.Fields(pdfText(t, one)), " ")
	for _, want := range []string{"KUTSEREGISTER www.kutseregister.ee Hindamisprotokoll Kutse andja: Autonoomse Arenduse Ühing",
		"Kutse: Autotehnik, tase 4", "Hindamiskomisjon: • Mari Maasikas (esimees) • Jüri Õun", "Õppija Šõžäöü 4", "Tulemus",
		"+ tõendatud, – tõendamata.", "512,43 €", "Kokkuvõte"} {
		if !strings.Contains(text, want) {
			t.Errorf("the document lacks %q:\n%s", want, text)
		}
	}
	for _, absent := range []string{"Tühi", "Puudub", "Lehekülg"} {
		if strings.Contains(text, absent) {
			t.Errorf("a one-page document shows %q:\n%s", absent, text)
		}
	}

	long := sampleDocument(t, info, 150)
	ws, pages := words(t, long)
	if pages < 3 {
		t.Fatalf("150 rows took %d pages", pages)
	}
	texts := strings.Split(pdfText(t, long), "\f")
	for i, p := range texts[:pages] {
		if i > 0 && (!strings.Contains(p, "Hindamisprotokoll 12 (järg)") || !strings.Contains(p, "Tulemus")) {
			t.Errorf("page %d lacks the continued heading or the table's titles:\n%s", i+1, p)
		}
		if want := "Lehekülg " + strconv.Itoa(i+1) + "/" + strconv.Itoa(pages); !strings.Contains(p, want) {
			t.Errorf("page %d lacks its number %q", i+1, want)
		}
	}
	for i := range 150 {
		if n := strings.Count(strings.Join(texts, " "), "Šõžäöü "+strconv.Itoa(i+1)+"\n"); n != 1 && i != 1 {
			t.Errorf("row %d is there %d times", i+1, n)
		}
	}
	const left, right, top, bottom = 56.7, 595 - 56.7, 56.7 - 4, 842 - 56.7/2
	for _, w := range ws {
		if w.xMin < left-0.5 || w.xMax > right+0.5 || w.yMin < top || w.yMax > bottom {
			t.Errorf("page %d: %q at x %.1f–%.1f, y %.1f–%.1f is outside the margins", w.page, w.text, w.xMin, w.xMax, w.yMin, w.yMax)
		}
	}
}

// TestDocument_languages proves the language of a Document: an English one's register line, its
// continued heading and page numbers in English, a bilingual one's in both, and the metadata's
// language (GEN-05).
func TestDocument_languages(t *testing.T) {
	for _, tt := range []struct {
		info pdf.DocumentInfo
		want []string
	}{
		{pdf.DocumentInfo{Title: "Assessment protocol 12", Lang: law.English},
			[]string{"KUTSEREGISTER · REGISTER OF OCCUPATIONAL QUALIFICATIONS", "Assessment protocol 12 (continued)", "Page 2 of "}},
		{pdf.DocumentInfo{Title: "Avaldus nr 1", Bilingual: true},
			[]string{"KUTSEREGISTER · REGISTER OF OCCUPATIONAL QUALIFICATIONS", "Avaldus nr 1 (järg / continued)", "Lehekülg / Page 2/"}},
		{pdf.DocumentInfo{Title: "Hindamisprotokoll", Continued: "Protokoll nr 12 (järg)"},
			[]string{"Protokoll nr 12 (järg)", "Lehekülg 2/"}},
	} {
		text := pdfText(t, sampleDocument(t, tt.info, 80))
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: lacks %q", tt.info.Title, w)
			}
		}
	}
}

// TestDocumentPDFA2b proves that a Document is PDF/A-2b as the stamp's documents are: the same
// assertions as TestPDFA2b_CERT06's (internal/pdfatest), for short and long documents in each
// language, and qpdf --check.
func TestDocumentPDFA2b(t *testing.T) {
	for _, info := range []pdf.DocumentInfo{
		{Title: "Hindamisprotokoll 12", Subject: "Autotehnik, tase 4", Author: "Autonoomse Arenduse Ühing"},
		{Title: "Assessment protocol 12", Subject: "Autotehnik, tase 4", Author: "Autonoomse Arenduse Ühing", Lang: law.English},
		{Title: "Avaldus nr 1", Author: "Ema-Kaks Piskel", Bilingual: true},
	} {
		for _, rows := range []int{3, 150} {
			pdfatest.Check(t, info.Title+" ("+strconv.Itoa(rows)+" rows)", sampleDocument(t, info, rows), pdf.SRGB())
		}
	}
}

// TestDocument_BadInput proves that text the font cannot show (naming the field it was given for),
// a row of more cells than columns, columns wider than the page and a missing generation time are
// *FieldErrors wrapping ErrInvalid, never a panic, and that the calls after the first error do
// nothing.
func TestDocument_BadInput(t *testing.T) {
	if _, err := pdf.NewDocument(pdf.DocumentInfo{Title: "x"}); !errors.Is(err, invalid.ErrInvalid) {
		t.Errorf("NewDocument(no time) = %v; want ErrInvalid", err)
	}
	if _, err := pdf.NewDocument(pdf.DocumentInfo{Title: "王", Generated: docGenerated}); !errors.Is(err, pdf.ErrInvalid) {
		t.Errorf("NewDocument(a title the font lacks) = %v; want ErrInvalid", err)
	}
	_, err := layOut(pdf.DocumentInfo{Title: "x"}, 1, " 中")
	var fe *pdf.FieldError
	if !errors.As(err, &fe) || fe.Field != "Kutse" || !errors.Is(err, invalid.ErrInvalid) {
		t.Errorf("a value with 中 = %v; want a FieldError for Kutse", err)
	}
	for name, f := range map[string]func(d *pdf.Document){
		"too many cells":      func(d *pdf.Document) { d.Table([]pdf.Column{{Title: "A"}}, [][]string{{"1", "2"}}) },
		"columns too wide":    func(d *pdf.Document) { d.Table([]pdf.Column{{Title: "A", Width: 300}, {Title: "B", Width: 200}}, nil) },
		"no room for a share": func(d *pdf.Document) { d.Table([]pdf.Column{{Title: "A", Width: 470}, {Title: "B"}}, nil) },
		"negative width":      func(d *pdf.Document) { d.Table([]pdf.Column{{Title: "A", Width: -1}}, nil) },
		"cell":                func(d *pdf.Document) { d.Table([]pdf.Column{{Title: "Nimi"}}, [][]string{{"a\xffb"}}) },
		"list item":           func(d *pdf.Document) { d.List("Liikmed", []string{"Mari", "😀"}) },
		"heading line":        func(d *pdf.Document) { d.Heading("Pealkiri", "ok", "王") },
		"long note":           func(d *pdf.Document) { d.Note(strings.Repeat("a", pdf.MaxTextLen+1)) },
	} {
		d, err := pdf.NewDocument(pdf.DocumentInfo{Title: "x", Generated: docGenerated})
		if err != nil {
			t.Fatal(err)
		}
		f(d)
		d.Row("Next", "is ignored after the first error")
		if _, err := d.Bytes(); !errors.Is(err, pdf.ErrInvalid) || !errors.As(err, &fe) {
			t.Errorf("%s: Bytes = %v; want a FieldError wrapping ErrInvalid", name, err)
		} else if name == "list item" && fe.Field != "Liikmed[1]" {
			t.Errorf("%s: the error names %q; want Liikmed[1]", name, fe.Field)
		}
	}
	if r, ok := pdf.Covers("Šõžäöü ÕÄÖÜ 中"); ok || r != '中' {
		t.Errorf("Covers = %q, %v; want 中 refused", r, ok)
	}
	if _, ok := pdf.Covers("Õie Šõžäöü Łukasz Фёдор"); !ok {
		t.Error("Covers refuses letters the font has")
	}
}

// TestDocument_TallRows proves that table rows taller than the room a continuation page leaves (47
// lines under the repeated heading) and taller than a whole page (160 lines) stay above the bottom
// margin, under the repeated titles, with every line there once.
func TestDocument_TallRows(t *testing.T) {
	for _, n := range []int{47, 160} {
		d, err := pdf.NewDocument(pdf.DocumentInfo{Title: "Protokoll", Generated: docGenerated})
		if err != nil {
			t.Fatal(err)
		}
		d.Heading("Protokoll")
		lines := make([]string, n)
		for i := range lines {
			lines[i] = "Õ" + strconv.Itoa(1000+i)
		}
		d.Table([]pdf.Column{{Title: "Nr", Width: 50}, {Title: "Tekst"}},
			[][]string{{"Õ1", "lühike"}, {strings.Join(lines, " "), "pikk"}})
		b, err := d.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		ws, pages := words(t, b)
		seen := map[string]int{}
		for _, w := range ws {
			if strings.HasPrefix(w.text, "Lehekülg") || regexp.MustCompile(`^\d+/\d+$`).MatchString(w.text) {
				continue
			}
			if w.yMax > 842-62+3 {
				t.Errorf("%d lines: page %d: %q ends at y %.1f, below the bottom margin", n, w.page, w.text, w.yMax)
			}
			seen[w.text]++
		}
		for _, w := range lines {
			if seen[w] != 1 {
				t.Errorf("%d lines: %q is there %d times", n, w, seen[w])
			}
		}
		if pages < 2 {
			t.Errorf("%d lines: %d pages", n, pages)
		}
	}
}
