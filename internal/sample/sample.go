// Package sample holds the test fixtures the SDK's tests share: the sample certificate 204580 of the
// register's self-service (seed 000) and its owner.
package sample

import (
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/isikukood"
)

// HolderCode is the personal code of the sample owner, Ema-Kaks Piskel (seed 000).
const HolderCode = "49502020047"

// Holder returns the sample owner's parsed personal code.
func Holder() isikukood.Code { return isikukood.MustParse(HolderCode) }

// Certificate204580 returns certificate 204580 of seed 000 as its register entry shows it. The seed's
// text lost letters in two titles ("Sõiduaudiagnostik", "Mootorsõidukiagnostik"); the register's list
// in the same seed and RULES.md CERT-01 write them in full. The awarding body's registry code is not
// in the seed: 80000001 stands for it.
func Certificate204580() certificate.Certificate {
	return certificate.Certificate{
		Number:         "204580",
		Kind:           certificate.Occupational,
		Holder:         certificate.Holder{Name: "Ema-Kaks Piskel", Code: Holder()},
		Title:          "Sõiduautodiagnostik, tase 5",
		Standard:       "Mootorsõidukidiagnostik, tase 5",
		EKR:            classifier.MustLevel(5),
		EQF:            classifier.MustLevel(5),
		Specialisation: "Sõiduautodiagnostik, tase 5",
		Competences:    []string{"Mootorsõidukite kõrgepinge jõuseadmete diagnostika ja remont"},
		ExamLanguage:   "eesti keel",
		Issuer:         "Autonoomse Arenduse Ühing",
		IssuerCode:     "80000001",
		IssuedOn:       calendar.MustDate(2025, time.January, 9),
		ValidFrom:      calendar.MustDate(2025, time.January, 9),
		ValidUntil:     calendar.MustDate(2030, time.January, 8),
	}
}
