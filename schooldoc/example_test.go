package schooldoc_test

import (
	"fmt"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/schooldoc"
)

// A gymnasium leaving certificate with a gold medal, decided by the teachers' council on
// 13 June 2014.
func ExampleLeavingCertificate_Lines() {
	code, _ := isikukood.Parse("49403136515")
	c := schooldoc.LeavingCertificate{
		Kind:           schooldoc.Gymnasium,
		Number:         "G123456",
		Holder:         certificate.Holder{Name: "Mari Maasikas", Code: code},
		SchoolLocation: "Tartu",
		School:         "Hugo Treffneri Gümnaasiumi",
		StudyDirection: "reaalsuuna",
		Medal:          schooldoc.Gold,
		DecisionNumber: "5",
		DecisionDate:   calendar.MustDate(2014, time.June, 13),
		Language:       "et",
		Signatories: schooldoc.Signatories{
			Director: "Jaan Tamm", Secretary: "Kati Kask",
			Members: []string{"Anu Aas", "Berit Kuusk", "Carl Mänd", "Diana Saar", "Enn Pärn"},
			Seal:    true,
		},
	}
	if err := c.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	lines, ex := c.Lines()
	for _, l := range lines {
		fmt.Println(l)
	}
	fmt.Println(ex.Rules())
	// Output:
	// EESTI VABARIIK
	// GÜMNAASIUMI LÕPUTUNNISTUS
	// G123456
	// Mari Maasikas
	// isikukood 49403136515
	// on lõpetanud
	// Tartu Hugo Treffneri Gümnaasiumi
	// reaalsuuna
	// kuldmedaliga
	// õppenõukogu otsusega nr 5 13. juunil 2014
	// direktor
	// õppenõukogu sekretär
	// õppenõukogu liikmed
	// [SCH-03 SCH-05 GEN-02 SCH-06 SCH-07]
}
