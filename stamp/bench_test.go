package stamp_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/stamp"
	"github.com/kutsekit/kutse/stamp/asice"
	"github.com/kutsekit/kutse/store/memstore"
)

// The benchmarks of the digital stamp (CERT-06). Run with -cpu 1 for the per-core figures: the
// targets are ≥ 500 containers/s for the sample certificate, ≥ 400/s when names and competences
// differ from one container to the next, ≤ 1 MB allocated per container, and ≥ 2,000 verified
// containers/s. BenchmarkStampBatch shows how the batch scales with the cores (-cpu 1,2).

// sealOne renders the three PDFs of c and seals them at Baseline-B with ECDSA P-256.
func sealOne(b *testing.B, c certificate.Certificate, seal asice.Seal) []byte {
	files, err := stamp.Documents(c, calendar.DateOf(now), now, "https://www.kutseregister.ee/cert/"+string(c.Number))
	if err != nil {
		b.Fatal(err)
	}
	box, err := asice.Create(context.Background(), files, seal, nil)
	if err != nil {
		b.Fatal(err)
	}
	return box
}

func testSeal(b *testing.B) asice.Seal {
	key, chain, err := stamp.TestSeal(now)
	if err != nil {
		b.Fatal(err)
	}
	return asice.Seal{Key: key, Chain: chain, Time: now}
}

// BenchmarkSeal measures one digital stamp end to end without the store: rendering the three PDFs
// of the sample certificate 204580 and sealing them (ECDSA P-256, Baseline-B).
func BenchmarkSeal(b *testing.B) {
	seal, c := testSeal(b), cert204580()
	b.ReportAllocs()
	for b.Loop() {
		sealOne(b, c, seal)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "containers/s")
}

// BenchmarkSealVaried is BenchmarkSeal with a different certificate each time: 1,000 holders'
// names, titles and one to five competences that differ from one container to the next, one name
// in eight with a letter outside Latin-1 (Ł, Č, ő, …), so nothing is the same as in the container
// before but the labels.
func BenchmarkSealVaried(b *testing.B) {
	seal, certs := testSeal(b), variedCertificates(1000)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sealOne(b, certs[i%len(certs)], seal)
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "containers/s")
}

// BenchmarkStampBatch stamps batches of 64 varied certificates through the service (memstore,
// Baseline-B): the reads, the checks, the parallel sealing and the recording. Run with -cpu 1,2 to
// see it scale.
func BenchmarkStampBatch(b *testing.B) {
	const n = 64
	certs := variedCertificates(n)
	nos := make([]certificate.Number, n)
	st := memstore.New()
	for i, c := range certs {
		if _, err := st.IssueCertificate(b.Context(), certificate.Issue{Certificate: c}); err != nil {
			b.Fatal(err)
		}
		nos[i] = c.Number
	}
	seal := testSeal(b)
	svc, err := stamp.NewService(st, stamp.Config{BaseURL: "https://www.kutseregister.ee", Key: seal.Key, Chain: seal.Chain,
		Now: func() time.Time { return now }})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := svc.StampBatch(b.Context(), actor.Keeper("90006414"), nos); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "containers/s")
}

// BenchmarkVerify verifies the sealed container of the sample certificate's stamp (asice.Verify:
// the ZIP, the manifest, the three files' digests, the XAdES signature).
func BenchmarkVerify(b *testing.B) {
	box := sealOne(b, cert204580(), testSeal(b))
	b.ReportAllocs()
	for b.Loop() {
		rep, err := asice.Verify(bytes.NewReader(box), int64(len(box)), nil)
		if err != nil || !rep.Valid {
			b.Fatal(err, rep)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "containers/s")
}

// variedCertificates returns n certificates like 204580 with names, personal codes, titles and
// competences that differ from one to the next.
func variedCertificates(n int) []certificate.Certificate {
	first := []string{"Mari", "Jüri", "Õie", "Tõnis", "Kärt", "Märt", "Ülle", "Siim", "Liis", "Priit", "Kadri", "Rasmus", "Grete", "Žanna", "Aivar"}
	last := []string{"Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Koppel", "Lõhmus", "Šmidt", "Kõiv", "Oja", "Vaher"}
	foreign := []string{"Łukasz Wiśniewski", "Čeněk Dvořák", "Ödön Erdős", "Ăna Ţurcanu", "Ērika Bērziņa", "Ģirts Ķēniņš", "Ivan Ďuriš", "Aušra Žemaitė"}
	titles := []string{"Sõiduautodiagnostik, tase 5", "Kokk, tase 4", "Hooldustöötaja, tase 4", "Elektrik, tase 4", "Keevitaja, tase 3",
		"Lapsehoidja, tase 4", "Raamatupidaja, tase 5", "Puusepp, tase 4", "Tisler, tase 4", "Müürsepp, tase 3"}
	comps := []string{"Mootorsõidukite kõrgepinge jõuseadmete diagnostika ja remont", "Toitude valmistamine ja serveerimine",
		"Kliendi igapäevaelu toetamine", "Elektripaigaldiste ehitamine", "MIG/MAG-keevitus", "Lapse arengu toetamine",
		"Majandustehingute kirjendamine", "Mööbli valmistamine", "Ukse- ja aknaplokkide paigaldamine", "Tellismüüritis"}
	codes := []string{"49502020047", "37605030299"}
	certs := make([]certificate.Certificate, n)
	for i := range certs {
		c := cert204580()
		c.Number = certificate.Number(fmt.Sprintf("%06d", 300000+i))
		c.Holder.Code = isikukood.MustParse(codes[i%2])
		if i%8 == 7 {
			c.Holder.Name = foreign[i/8%len(foreign)]
		} else {
			c.Holder.Name = first[i%len(first)] + "-" + first[(i/7+3)%len(first)] + " " + last[i/len(first)%len(last)]
		}
		c.Title = titles[i%len(titles)]
		c.Specialisation = titles[(i+3)%len(titles)]
		c.Competences = nil
		for k := range 1 + i%5 {
			c.Competences = append(c.Competences, fmt.Sprintf("%s (%d)", comps[(i+k)%len(comps)], i+k))
		}
		certs[i] = c
	}
	return certs
}
