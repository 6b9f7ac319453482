package xroad_test

import (
	"fmt"
	"strings"

	"github.com/kutsekit/kutse/classifier/xroad"
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
