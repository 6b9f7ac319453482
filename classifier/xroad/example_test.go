package xroad_test

import (
	"fmt"
	"strings"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/classifier/xroad"
	"github.com/kutsekit/kutse/isikukood"
)

func Example() {
	const answer = `<kutsetunnistusVastus xmlns="http://producers.kutseregister.xtee.riik.ee/producer/kutseregister">
  <kutsetunnistused><kutsetunnistus>
    <registrinumber>204580</registrinumber>
    <nimi>Ema-Kaks Piskel</nimi>
    <isikukood>49502020047</isikukood>
    <tyyp>kutsetunnistus</tyyp>
    <standard>Mootorsõidukidiagnostik, tase 5</standard>
    <ekrtase>5</ekrtase>
    <eqftase>5</eqftase>
    <spetsialiseerumine>Sõiduautodiagnostik, tase 5</spetsialiseerumine>
    <valjastaja>Autonoomse Arenduse Ühing</valjastaja>
    <valjaantud>2025-01-09</valjaantud>
    <kehtibalates>2025-01-09</kehtibalates>
    <kehtibkuni>2030-01-08</kehtibkuni>
  </kutsetunnistus></kutsetunnistused>
  <kirjeid>1</kirjeid>
</kutsetunnistusVastus>`
	recs, err := xroad.Decode(strings.NewReader(answer))
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := xroad.ToCertificate(recs[0])
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Number, c.Kind, c.Holder.Name, c.Holder.Born())
	fmt.Println(c.Title, "| EKR", c.EKR, "| EQF", c.EQF)
	fmt.Println(c.ValidFrom, "–", c.ValidUntil)

	_, err = xroad.ToCertificate(xroad.Record{Tyyp: "1", Kehtibkuni: "31.02.2030"})
	fmt.Println(err)
	// Output:
	// 204580 occupational Ema-Kaks Piskel 1995-02-02
	// Sõiduautodiagnostik, tase 5 | EKR 5 | EQF 5
	// 2025-01-09 – 2030-01-08
	// xroad: kehtibkuni "31.02.2030" is not a date: must be "2006-01-02" (xs:date)
}

// ExampleNewAddRequest builds the request by which the awarding body adds certificate 204580 to the
// register (kutsetunnistuseLisamineParing): the names become the register's ids.
func ExampleNewAddRequest() {
	c := certificate.Certificate{
		Kind: certificate.Occupational, Holder: certificate.Holder{Name: "Ema-Kaks Piskel", Code: isikukood.MustParse("49502020047")},
		Title: "Sõiduautodiagnostik, tase 5", Standard: "Mootorsõidukidiagnostik, tase 5", Specialisation: "Sõiduautodiagnostik, tase 5",
		ExamLanguage: "eesti keel", IssuedOn: calendar.MustDate(2025, 1, 9), ValidFrom: calendar.MustDate(2025, 1, 9),
		ValidUntil: calendar.MustDate(2030, 1, 8),
	}
	v := register.StandardVersion{ID: 10912401, Name: "Mootorsõidukidiagnostik, tase 5",
		Specialisations: []register.Ref{{ID: 10912402, Name: "Sõiduautodiagnostik, tase 5"}}}
	b := register.AwardingBody{Code: "80000001", Name: "Autonoomse Arenduse Ühing",
		ExamLanguages: []register.Ref{{ID: 1, Name: "eesti keel"}},
		Committees:    []register.Committee{{Name: "Kutsekomisjon", Members: []register.Member{{ID: 11100001, Name: "Andres Ilves", Role: classifier.Chair}}}}}
	r, err := xroad.NewAddRequest(&c, &v, &b, 11100001)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Tyyp, r.Kutsestandard, r.Spetsialiseerumine, r.Kutseeksamikeel, r.Kehtivuselopp, r.Allkirjastaja)
	_, err = xroad.NewAddRequest(&c, &v, &b, 42)
	fmt.Println(err)
	// Output:
	// 1 10912401 10912402 1 2030-01-08 11100001
	// xroad: signer "42" is not the chair or vice-chair of a qualification committee of Autonoomse Arenduse Ühing (RTL 2009, 2, 32 § 6)
}
