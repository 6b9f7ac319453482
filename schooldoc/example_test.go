package schooldoc_test

import (
	"fmt"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
	"github.com/kutsekit/kutse/schooldoc"
)

// A gymnasium leaving certificate with a gold medal, decided by the teachers' council on
// 13 June 2014. The SDK knows regulation nr 113 as in force 13.07.2014–30.04.2015 (seed 002); the
// amendment markers of that text show that the amendment in force from 13.07.2014 changed only § 6,
// so a host that has read the text in force from 02.05.2014 adds it as a version, and the
// certificate is checked and drawn up under it.
func ExampleLeavingCertificate_Lines() {
	st, err := vv113.Default().With(vv113.Version{Name: "02.05.2014 (host)",
		Period: law.Period{From: calendar.MustDate(2014, time.May, 2), Until: calendar.MustDate(2014, time.July, 12)},
		Rule:   vv113.Default()[0].Rule})
	if err != nil {
		fmt.Println(err)
		return
	}
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
	if err := c.Validate(st); err != nil {
		fmt.Println(err)
		return
	}
	lines, ex, _ := c.Lines(st)
	for _, l := range lines {
		fmt.Println(l)
	}
	fmt.Println(ex.Rules(), ex.Steps[0].Version)
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
	// [SCH-03 SCH-05 GEN-02 SCH-06 SCH-07] 02.05.2014 (host)
}
