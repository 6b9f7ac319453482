package pdf_test

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/stamp/pdf"
)

func document(t *testing.T, rows int, extra string) ([]byte, error) {
	t.Helper()
	d, err := pdf.NewDocument(pdf.Meta{Title: "Avaldus nr 1", Author: "Ema-Kaks Piskel", Created: sampleGenerated, Continued: "Avaldus nr 1 (järg)", Lang: law.English})
	if err != nil {
		return nil, err
	}
	d.Title("Kutse taotlemise avaldus")
	d.Small("Application for an occupational qualification")
	d.Section("Taotleja / Applicant")
	d.Row("Nimi / Name", "Ema-Kaks Piskel"+extra)
	d.Row("Telefon / Telephone", "")
	d.List("Kompetentsid / Competences", []string{"Käsikaarkeevitus", "TIG-keevitus"})
	d.List("Tühi / Empty", nil)
	for i := range rows {
		d.Row("Dokument "+strconv.Itoa(i), "Fail-"+strconv.Itoa(i)+".pdf")
	}
	d.Paragraph("Kinnitan, et andmed on õiged. / I declare that the data are true.")
	return d.Bytes()
}

// TestDocument proves the Document API other packages lay their forms out with: the same calls give
// the same bytes, the text reads back (an empty value as a dash), a long document continues on
// numbered pages, a character the font lacks is refused naming the field, and a creation time is
// required.
func TestDocument(t *testing.T) {
	a, err := document(t, 3, "")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := document(t, 3, "")
	if !bytes.Equal(a, b) {
		t.Error("the same calls gave different bytes")
	}
	text := strings.Join(strings.Fields(pdfText(t, a)), " ")
	for _, s := range []string{"Kutse taotlemise avaldus", "Taotleja / Applicant", "Nimi / Name: Ema-Kaks Piskel", "Telefon / Telephone: —",
		"• Käsikaarkeevitus • TIG-keevitus", "Tühi / Empty: —", "Dokument 2: Fail-2.pdf", "I declare that the data are true."} {
		if !strings.Contains(text, s) {
			t.Errorf("the document does not say %q:\n%s", s, text)
		}
	}
	long, err := document(t, 120, "")
	if err != nil {
		t.Fatal(err)
	}
	if lt := pdfText(t, long); !strings.Contains(lt, "Avaldus nr 1 (järg)") || !strings.Contains(lt, "Page 4 of 4") {
		t.Errorf("a long document lacks its continuation heading or page numbers")
	}
	_, err = document(t, 1, " 中")
	var fe *pdf.FieldError
	if !errors.As(err, &fe) || fe.Field != "Nimi / Name" || !errors.Is(err, pdf.ErrInvalid) {
		t.Errorf("a name with 中 = %v; want a FieldError for Nimi / Name", err)
	}
	if _, err := pdf.NewDocument(pdf.Meta{Title: "x"}); !errors.Is(err, pdf.ErrInvalid) {
		t.Errorf("NewDocument without Created = %v; want ErrInvalid", err)
	}
	if r, ok := pdf.Covers("Šõžäöü ÕÄÖÜ 中"); ok || r != '中' {
		t.Errorf("Covers = %q, %v; want 中 refused", r, ok)
	}
}
