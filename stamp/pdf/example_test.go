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

// Another package's form in the register's layout: a title, a section, rows and a list, in the same
// embedded font; the same calls give the same bytes.
func ExampleNewDocument() {
	d, err := pdf.NewDocument(pdf.Meta{Title: "Avaldus nr 1", Created: time.Date(2026, time.November, 23, 9, 15, 0, 0, time.UTC)})
	if err != nil {
		fmt.Println(err)
		return
	}
	d.Title("Kutse taotlemise avaldus")
	d.Section("Taotleja / Applicant")
	d.Row("Nimi / Name", "Ema-Kaks Piskel")
	d.List("Kompetentsid / Competences", []string{"Käsikaarkeevitus"})
	b, err := d.Bytes()
	fmt.Println(string(b[:5]), err)
	// Output: %PDF- <nil>
}
