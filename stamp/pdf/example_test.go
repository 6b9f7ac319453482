package pdf_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/stamp/pdf"
)

// The three files of the digital stamp of seed 000's certificate 204580, generated on 24 March 2025
// at 14:38 Tallinn time, and what a URL that is not http(s) gives.
func Example() {
	c := certificate.Certificate{
		Number:         "204580",
		Kind:           certificate.Occupational,
		Holder:         certificate.Holder{Name: "Ema-Kaks Piskel", Code: isikukood.MustParse("49502020047")},
		Title:          "Sõiduautodiagnostik, tase 5",
		Standard:       "Mootorsõidukidiagnostik, tase 5",
		EKR:            classifier.MustLevel(5),
		EQF:            classifier.MustLevel(5),
		Specialisation: "Sõiduautodiagnostik, tase 5",
		Competences:    []string{"Mootorsõidukite kõrgepinge jõuseadmete diagnostika ja remont"},
		ExamLanguage:   "eesti keel",
		Issuer:         "Autonoomse Arenduse Ühing",
		ValidFrom:      calendar.MustDate(2025, time.January, 9),
		ValidUntil:     calendar.MustDate(2030, time.January, 8),
	}
	generated := time.Date(2025, time.March, 24, 12, 38, 0, 0, time.UTC) // 14:38 in Tallinn
	stampDate := calendar.DateOf(generated)
	url := "https://kutseregister-dev1.loc.piskel.ee/cert/204580"

	files := []struct {
		name   string
		render func() ([]byte, error)
	}{
		{pdf.TunnistusName, func() ([]byte, error) { return pdf.Tunnistus(c, generated, url) }},
		{pdf.CertificateName, func() ([]byte, error) { return pdf.Certificate(c, generated, url) }},
		{pdf.DeklaratsioonName, func() ([]byte, error) { return pdf.Deklaratsioon(c, stampDate, generated, url) }},
	}
	for _, f := range files {
		b, err := f.render()
		if err != nil {
			fmt.Println(err)
			return
		}
		kb := len(b) / 10240 * 10
		fmt.Printf("%-17s %s %d–%d KB\n", f.name, b[:8], kb, kb+10)
	}

	_, err := pdf.Tunnistus(c, generated, "ftp://kutseregister.ee/cert/204580")
	fmt.Println(err)
	b, _ := pdf.Tunnistus(c, generated, url)
	again, _ := pdf.Tunnistus(c, generated, url)
	fmt.Println("same bytes:", bytes.Equal(b, again))
	// Output:
	// Tunnistus.pdf     %PDF-1.7 30–40 KB
	// Certificate.pdf   %PDF-1.7 30–40 KB
	// Deklaratsioon.pdf %PDF-1.7 30–40 KB
	// pdf: verifyURL "ftp://kutseregister.ee/cert/204580" must be an absolute http or https URL
	// same bytes: true
}

// Another package's document in the register's layout: the heading block, a section, rows, a list
// and a table, in the same embedded font, PDF/A-2b; the same calls give the same bytes, and text
// the font cannot show is refused with the field it was given for.
func ExampleNewDocument() {
	doc := func(name string) ([]byte, error) {
		d, err := pdf.NewDocument(pdf.DocumentInfo{Title: "Avaldus nr 1", Author: "Ema-Kaks Piskel", Bilingual: true,
			Generated: time.Date(2026, time.November, 23, 9, 15, 0, 0, time.UTC)})
		if err != nil {
			return nil, err
		}
		d.Heading("Kutse taotlemise avaldus", "Application for an occupational qualification")
		d.Section("Taotleja / Applicant")
		d.Row("Nimi / Name", name)
		d.List("Kompetentsid / Competences", []string{"Käsikaarkeevitus", "TIG-keevitus"})
		d.Table([]pdf.Column{{Title: "Dokument / Document"}, {Title: "Suurus / Size", Width: 90, Right: true}},
			[][]string{{"CV.pdf", "47 KiB"}, {"Diplom.pdf", "1.3 MiB"}})
		return d.Bytes()
	}
	a, err := doc("Ema-Kaks Piskel")
	b, _ := doc("Ema-Kaks Piskel")
	fmt.Println(string(a[:8]), err, bytes.Equal(a, b))
	_, err = doc("Ema 王 Piskel")
	fmt.Println(err)
	// Output:
	// %PDF-1.7 <nil> true
	// pdf: Nimi / Name "Ema 王 Piskel" contains U+738B '王', which the documents' font cannot show
}
