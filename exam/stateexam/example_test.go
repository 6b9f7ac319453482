package stateexam_test

import (
	"fmt"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/exam/stateexam"
	"github.com/kutsekit/kutse/law"
)

// The English exam's level follows from the weighted result (SCH-10, § 14 (4) 3)): 73.5 % reaches
// B1, not B2.
func ExampleEnglishLevel() {
	l, e, err := stateexam.EnglishLevel(nil, calendar.MustDate(2014, 5, 5), english("80", "76", "70", "68"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(l)
	fmt.Println(l.Description())
	fmt.Println(e.Render(law.English))
	// Output:
	// B1
	// B1-tasemel keeleteadaja mõistab kõike olulist endale tuttavalt teemal, nagu töö, kool ja vaba aeg. Saab enamasti hakkama välisriigis, kus vastavat keelt räägitakse. Oskab koostada lihtsat teksti tuttavalt või enda jaoks huvipakkuvalt teemal. Oskab kirjeldada kogemusi, sündmusi, unistusi ja eesmärke ning lühidalt põhjendada ja selgitada oma seisukohti ja plaane.
	// 1. GEN-04 (UNCONFIRMED: Õhtuleht, Delfi 2017–2018, version 02.05.2014): applied the version in force on 2014-05-05 (2014-05-02 – …)
	// 2. SCH-10 (UNCONFIRMED: Õhtuleht, Delfi 2017–2018): the English exam's result is 73.5 % (at least 50 % and below 75 %)
	// 3. SCH-10 (RT I 2010, 58, 391 § 14 (4) 3)): the certificate shows: level reached: B1
}

// A state-exam certificate with the German Abitur mathematics exam of Tallinna Saksa Gümnaasium,
// which counts as broad mathematics and shows no common-part figures (§ 14 (6)), for a holder
// without an Estonian personal code, who gets it in written form (SCH-11).
func ExampleCertificate_Text() {
	c := stateexam.Certificate{
		Number: "R000124",
		Holder: certificate.Holder{Name: "Hans Müller", BirthDate: calendar.MustDate(1996, 3, 4)},
		Subjects: []stateexam.Subject{
			{Kind: stateexam.Estonian, Date: calendar.MustDate(2014, 5, 12), Max: dec("100"), Points: dec("64")},
			{Kind: stateexam.English, Date: calendar.MustDate(2014, 5, 5), Skills: english("60", "40", "45", "0"), Level: stateexam.NotReached},
			{Kind: stateexam.Mathematics, Date: calendar.MustDate(2014, 5, 19), Variant: stateexam.GermanAbitur, Max: dec("15"), Points: dec("11")},
		},
		Explanation: stateexam.Bilingual{Et: "Kohustuslikud olid eesti keele, matemaatika ja võõrkeele riigieksam.",
			En: "The examinations in Estonian, mathematics and a foreign language were compulsory."},
		IssuedOn: calendar.MustDate(2014, 7, 15), Issuer: "Sihtasutus Innove", IssuerCode: "90008287",
	}
	if err := c.Validate(nil); err != nil {
		fmt.Println(err)
		return
	}
	d, _, err := stateexam.DeliveryOf(nil, c.Holder, c.IssuedOn)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("delivery:", d)
	fmt.Print(c.Text())
	// Output:
	// delivery: written
	// EESTI VABARIIK
	// RIIGIEKSAMITUNNISTUS
	// Nr R000124
	//
	// Ees- ja perekonnanimi: Hans Müller
	// Sünniaeg: 04.03.1996
	// Riigieksamite sooritamise aeg: 05.05.2014–19.05.2014
	//
	// Riigieksamid ja tulemused
	// Eesti keel (12.05.2014)
	//   Maksimumpunktid: 100
	//   Tulemus: 64 punkti
	// Inglise keel (05.05.2014)
	//   kuulamine: osakaal 25 %, tulemus 60 %
	//   lugemine: osakaal 25 %, tulemus 40 %
	//   kirjutamine: osakaal 25 %, tulemus 45 %
	//   rääkimine: osakaal 25 %, tulemus 0 %
	//   Keeleoskustaset B1 ega B2 ei saavutatud.
	// Matemaatika (Saksa üldise kõrgkooliküpsuse matemaatika eksam, arvestatud laia matemaatikana) (19.05.2014)
	//   Maksimumpunktid: 15
	//   Tulemus: 11 punkti
	//
	// Kohustuslikud olid eesti keele, matemaatika ja võõrkeele riigieksam.
	//
	// The examinations in Estonian, mathematics and a foreign language were compulsory.
	//
	// Väljaandmise kuupäev: 15. juulil 2014
	// Väljaandja: Sihtasutus Innove
	//
	// TUNNISTUS ON KEHTIV KOOS KESKHARIDUST TÕENDAVA LÕPUTUNNISTUSEGA
}
