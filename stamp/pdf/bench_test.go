package pdf_test

import (
	"testing"

	"github.com/kutsekit/kutse/stamp/pdf"
)

// The benchmarks render seed 000's certificate 204580: each document alone, and the three of a
// digital stamp together (CERT-06), the work the seal does per container besides signing.

func BenchmarkTunnistus(b *testing.B) {
	c := sample()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pdf.Tunnistus(c, sampleGenerated, sampleURL); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCertificate(b *testing.B) {
	c := sample()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pdf.Certificate(c, sampleGenerated, sampleURL); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDeklaratsioon(b *testing.B) {
	c := sample()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pdf.Deklaratsioon(c, sampleStampDate, sampleGenerated, sampleURL); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStamp_CERT06 renders the three files of one digital stamp.
func BenchmarkStamp_CERT06(b *testing.B) {
	c := sample()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pdf.Tunnistus(c, sampleGenerated, sampleURL); err != nil {
			b.Fatal(err)
		}
		if _, err := pdf.Certificate(c, sampleGenerated, sampleURL); err != nil {
			b.Fatal(err)
		}
		if _, err := pdf.Deklaratsioon(c, sampleStampDate, sampleGenerated, sampleURL); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTunnistusLong renders a register entry of four pages: 40 competences of 150 characters.
func BenchmarkTunnistusLong(b *testing.B) {
	c := long()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pdf.Tunnistus(c, sampleGenerated, sampleURL); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDocument lays out the one-page Document of TestDocument_GEN05: the heading block, rows,
// a list, two sections and two small tables.
func BenchmarkDocument(b *testing.B) {
	info := pdf.DocumentInfo{Title: "Hindamisprotokoll 12", Author: "Autonoomse Arenduse Ühing"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := layOut(info, 4, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDocumentLong lays out the same with a table of 150 rows: five pages.
func BenchmarkDocumentLong(b *testing.B) {
	info := pdf.DocumentInfo{Title: "Hindamisprotokoll 12", Author: "Autonoomse Arenduse Ühing"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := layOut(info, 150, ""); err != nil {
			b.Fatal(err)
		}
	}
}
