package pdf_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	fixture "github.com/kutsekit/kutse/internal/sample"
)

// sampleURL is the verification address of certificate 204580 in seed 000.
const sampleURL = "https://kutseregister-dev1.loc.piskel.ee/cert/204580"

// sampleGenerated is when seed 000's sample was generated: "PDF genereeritud 24.03.2025 14:38",
// Europe/Tallinn time (UTC+2 in March before the change to summer time).
var sampleGenerated = time.Date(2025, time.March, 24, 12, 38, 0, 0, time.UTC)

// sampleStampDate is the day of the sample's digital stamp.
var sampleStampDate = calendar.MustDate(2025, time.March, 24)

// sample returns certificate 204580 of seed 000 (the register entry "Kutsetunnistus 204580").
func sample() certificate.Certificate { return fixture.Certificate204580() }

// allLetters is a holder's name with every letter of the Estonian alphabet that is not in ASCII.
const allLetters = "Õie Šašlõkk-Žürjev Äär Ööbik Ülle"

// long returns a certificate with everything long: a long name, title, standard and issuer (one
// word of 80 letters among them), 40 competences of exactly 150 characters each, numbered "01. " to
// "40. ", and no end of validity.
func long() certificate.Certificate {
	c := sample()
	c.Holder.Name = allLetters + " " + strings.Repeat("Maarja-Liisa Kõrvits-Päärn ", 5) + "Jõgi"
	c.Title = strings.Repeat("Mootorsõidukite kõrgepingesüsteemide diagnostik-remondispetsialist, ", 4) + "tase 5"
	c.Standard = strings.Repeat("Mootorsõidukidiagnostik ja elektrisõidukite hooldustehnik, ", 4) + "tase 5"
	c.Specialisation = "Elektri- ja hübriidsõidukite kõrgepinge jõuseadmete diagnostika"
	c.Issuer = "Eesti Autode Diagnostika- ja Remondiettevõtete Liidu Kutseandmise Komisjon " + strings.Repeat("Õž", 40)
	c.ValidUntil = calendar.Date{}
	c.Competences = make([]string, 40)
	const text = "Kõrgepinge jõuseadmete ohutu lahtiühendamine, õlijahutuse ülevaatus, šassii ja žüroskoobi kontroll ning " +
		"Äksi töökoja öise hoolduse korraldus; Üksikasjad"
	for i := range c.Competences {
		s := fmt.Sprintf("%02d. %s", i+1, text)
		c.Competences[i] = string([]rune(s)[:150])
	}
	return c
}
