package opendata_test

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

var (
	genStandards = []string{"Sõiduautodiagnostik, tase 5", "Keevitaja, tase 4", "Kokk, tase 4", "Hooldustöötaja, tase 4",
		"Lapsehoidja, tase 4", "Šokolaadimeister, tase 5", "Õmbleja, tase 3", "Elektrik, tase 4"}
	genIssuers = []string{"Autonoomse Arenduse Ühing", "Eesti Masinatööstuse Liit", "Eesti Hotellide ja Restoranide Liit",
		"Kutseksamikeskus MTÜ", "Eesti Elektritööde Ettevõtjate Liit"}
	genCompetences = "Mootorsõidukite kõrgepinge jõuseadmete diagnostika ja remont; Sõiduautode elektri- ja elektroonikasüsteemide " +
		"diagnostika; Jõuülekannete ja veermiku diagnostika; Klienditeenindus ja dokumentide vormistamine"
)

// writeIssuedFeed writes a generated issued-qualifications feed of n records in the X-Road
// vocabulary, indented as a typical export is, about 800 bytes a record: 200,000 records are about
// 160 MB.
func writeIssuedFeed(w io.Writer, n int) error {
	b := bufio.NewWriterSize(w, 1<<20)
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kutsetunnistused>\n")
	for i := range n {
		level := 3 + i%4
		fmt.Fprintf(b, `  <kutsetunnistus>
    <tyyp>%d</tyyp>
    <standard>%s</standard>
    <ekrtase>%d</ekrtase>
    <eqftase>%d</eqftase>
    <spetsialiseerumine>Sõiduautodiagnostik, tase %d</spetsialiseerumine>
    <kompetentsid>%s</kompetentsid>
    <valdkond>TEHNIKA, TOOTMINE JA EHITUS</valdkond>
    <kutseala>Mootorsõidukid ja transport</kutseala>
    <keel>eesti keel</keel>
    <valjastaja>%s</valjastaja>
    <valjaantud>20%02d-%02d-%02d</valjaantud>
    <kehtibalates>%02d.%02d.20%02d</kehtibalates>
    <kehtibkuni>20%02d-%02d-%02d</kehtibkuni>
    <isco>3 Tehnikud ja keskastme spetsialistid: Loodus- ja inseneriteaduste keskastme spetsialistid</isco>
    <duplikaat>false</duplikaat>
    <kehtetu>false</kehtetu>
  </kutsetunnistus>
`, 1+i%2, genStandards[i%len(genStandards)], level, level, level, genCompetences, genIssuers[i%len(genIssuers)],
			10+i%15, 1+i%12, 1+i%28, 1+i%28, 1+i%12, 10+i%15, 15+i%15, 1+i%12, 1+i%28)
	}
	b.WriteString("</kutsetunnistused>\n")
	return b.Flush()
}

// issuedFeedFile writes a generated feed of n records into a temporary file and returns its path
// and size. The file is never committed.
func issuedFeedFile(tb testing.TB, n int) (string, int64) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), fmt.Sprintf("valjastatudKutsed-%d.xml", n))
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := writeIssuedFeed(f, n); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		tb.Fatal(err)
	}
	return path, st.Size()
}

func readFile(name string) ([]byte, error) { return os.ReadFile(filepath.Join("testdata", name)) }
