package opendata_test

import (
	"fmt"
	"strings"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier/opendata"
	"github.com/kutsekit/kutse/law"
)

// Example reads a standards feed record by record: the second record has a bad level, which is
// reported with its record number and line while reading goes on.
func Example() {
	const feed = `<?xml version="1.0" encoding="UTF-8"?>
<kutsestandardid>
  <kutsestandard><id>10988847</id><nimetus>Keevitaja, tase 4</nimetus><ekrtase>4</ekrtase>
    <kehtivusealgus>10.11.2021</kehtivusealgus><kehtivuselopp>2026-11-09</kehtivuselopp></kutsestandard>
  <kutsestandard><id>10912389</id><nimetus>Rätsep-stilist, tase 5</nimetus><ekrtase>9</ekrtase></kutsestandard>
  <kutsestandard><id>10504880</id><nimetus>Kokk, tase 4</nimetus><ekrtase>4</ekrtase></kutsestandard>
</kutsestandardid>`
	for v, err := range opendata.ReadStandards(strings.NewReader(feed), nil) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(v.ID, v.Name, v.InForce)
	}
	fmt.Println(opendata.AttributionOf(opendata.Standards, calendar.MustDate(2026, 3, 1)).Notice(law.English))
	// Output:
	// 10988847 Keevitaja, tase 4 2021-11-10 – 2026-11-09
	// opendata: kutsestandardid: record 2 (line 5): EKR "9" must be a level 1–8
	// 10504880 Kokk, tase 4 … – …
	// Source: Kutseregistri avaandmed, Occupational standards (https://www.kutseregister.ee/ctrl/et/Avaandmed/kutsestandardid/xml/1), Sihtasutus Kutsekoda, retrieved 2026-03-01; licence CC BY-SA 3.0 EE (https://creativecommons.org/licenses/by-sa/3.0/ee/legalcode).
}
