package pdf_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/internal/pdfatest"
	"github.com/kutsekit/kutse/internal/tooltest"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/stamp/pdf"
)

var update = flag.Bool("update", false, "update golden files")

// maxSize is the most bytes a document may take.
const maxSize = 60 << 10

// doc is one document to render.
type doc struct {
	name   string // the file name in the stamp's container
	qrs    int    // how many QR codes it has
	render func(c certificate.Certificate, url string) ([]byte, error)
}

// docs are the three documents of a digital stamp (CERT-06), rendered at the sample's times.
var docs = []doc{
	{pdf.TunnistusName, 1, func(c certificate.Certificate, url string) ([]byte, error) {
		return pdf.Tunnistus(c, sampleGenerated, url)
	}},
	{pdf.CertificateName, 1, func(c certificate.Certificate, url string) ([]byte, error) {
		return pdf.Certificate(c, sampleGenerated, url)
	}},
	{pdf.DeklaratsioonName, 2, func(c certificate.Certificate, url string) ([]byte, error) {
		return pdf.Deklaratsioon(c, sampleStampDate, sampleGenerated, url)
	}},
}

func render(t *testing.T, d doc, c certificate.Certificate, url string) []byte {
	t.Helper()
	b, err := d.render(c, url)
	if err != nil {
		t.Fatalf("%s: %v", d.name, err)
	}
	return b
}

// writeTemp writes b to a file in a temporary directory and returns its path.
func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// pdfText returns the text of a PDF as pdftotext extracts it, pages separated by form feeds.
func pdfText(t *testing.T, b []byte) string {
	t.Helper()
	tool := tooltest.Need(t, "pdftotext", "poppler-utils")
	return tooltest.Output(t, tool, "-enc", "UTF-8", writeTemp(t, "doc.pdf", b), "-")
}

// TestGolden_CERT05_CERT06 compares the three documents of seed 000's certificate 204580 with the
// golden files byte for byte; go test -update rewrites them. Look at a changed one before
// committing it (pdftoppm -r 60 -png).
func TestGolden_CERT05_CERT06(t *testing.T) {
	for _, d := range docs {
		got := render(t, d, sample(), sampleURL)
		golden := filepath.Join("testdata", strings.ToLower(strings.TrimSuffix(d.name, ".pdf"))+".golden.pdf")
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (%d bytes, want %d); run go test -update and look at it", d.name, golden, len(got), len(want))
		}
	}
}

// TestDeterministic_CERT06 renders every document twice, also concurrently, and expects the same
// bytes; a different generation time changes them (the creation date and the printed time).
func TestDeterministic_CERT06(t *testing.T) {
	for _, c := range []certificate.Certificate{sample(), long()} {
		for _, d := range docs {
			first := render(t, d, c, sampleURL)
			var wg sync.WaitGroup
			for range 4 {
				wg.Go(func() {
					b, err := d.render(c, sampleURL)
					if err != nil || !bytes.Equal(b, first) {
						t.Errorf("%s: a second rendering differs (err %v)", d.name, err)
					}
				})
			}
			wg.Wait()
		}
	}
	a, _ := pdf.Tunnistus(sample(), sampleGenerated, sampleURL)
	b, _ := pdf.Tunnistus(sample(), sampleGenerated.Add(time.Minute), sampleURL)
	if bytes.Equal(a, b) {
		t.Error("Tunnistus at two generation times gave the same bytes")
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20250324143800+02'00')")) {
		t.Error("Tunnistus: the creation date is not the generation time in Europe/Tallinn")
	}
}

// TestText_CERT05_GEN05 reads the documents back with pdftotext: the heading block (the register's
// name, the kind and number, the issuer, the generation time in Tallinn with its zone), the register
// entry's rows in Estonian (seed 000) and in English, the URL, and the declaration in both languages,
// Estonian first.
func TestText_CERT05_GEN05(t *testing.T) {
	c := sample()
	tests := []struct {
		name  string
		b     []byte
		lines []string // in this order, each a whole line
	}{
		{pdf.TunnistusName, mustRender(t, 0, c), []string{
			"KUTSEREGISTER", "Kutsetunnistus 204580", "Väljastaja: Autonoomse Arenduse Ühing",
			"PDF genereeritud 24.03.2025 14:38 Eesti aeg",
			"Nimi:", "Ema-Kaks Piskel", "Isikukood:", "49502020047",
			"Kutsenimetus:", "Sõiduautodiagnostik, tase 5", "Kutsestandard:", "Mootorsõidukidiagnostik, tase 5",
			"EKR tase:", "5", "EQF tase:", "5", "Spetsialiseerumine:", "Sõiduautodiagnostik, tase 5",
			"Valitud kompetentsid:", "Kutseeksami keel:", "eesti keel",
			"Kehtib alates:", "09.01.2025", "Kehtib kuni:", "08.01.2030",
			"Kontrolli tunnistuse kehtivust:", sampleURL,
			"Väljavõte kutseregistrist, mida peab Sihtasutus Kutsekoda (registrikood 90006414).",
		}},
		{pdf.CertificateName, mustRender(t, 1, c), []string{
			"KUTSEREGISTER · REGISTER OF OCCUPATIONAL QUALIFICATIONS",
			"Occupational qualification certificate 204580", "Issued by: Autonoomse Arenduse Ühing",
			"PDF generated 24.03.2025 14:38 Estonian time",
			"Name:", "Ema-Kaks Piskel", "Personal identification code:", "49502020047",
			"Qualification:", "Sõiduautodiagnostik, tase 5", "Occupational standard:", "EstQF level:", "5", "EQF level:", "5",
			"Specialisation:", "Selected competences:", "Language of the exam:", "Estonian",
			"Valid from:", "09.01.2025", "Valid until:", "08.01.2030",
			"Check the validity of the certificate:", sampleURL,
		}},
		{pdf.DeklaratsioonName, mustRender(t, 2, c), []string{
			"KUTSEREGISTER · REGISTER OF OCCUPATIONAL QUALIFICATIONS", "Deklaratsioon / Declaration",
			"Kutsetunnistus 204580 / Occupational qualification certificate 204580",
			"Väljastaja / Issued by: Autonoomse Arenduse Ühing",
			"PDF genereeritud / generated 24.03.2025 14:38 Eesti aeg / Estonian time",
			"Deklaratsioon",
			"Tunnistuse number:", "204580", "Nimi:", "Ema-Kaks Piskel", "Isikukood:", "49502020047",
			"Kutsenimetus:", "Sõiduautodiagnostik, tase 5", "Väljastaja:", "Autonoomse Arenduse Ühing",
			"Kehtib alates:", "09.01.2025", "Kehtib kuni:", "08.01.2030", sampleURL,
			"PDF genereeritud 24.03.2025 14:38 Eesti aeg",
			"Declaration",
			"Certificate number:", "204580", "Name:", "Ema-Kaks Piskel", "Personal identification code:", "49502020047",
			"Qualification:", "Issued by:", "Valid from:", "09.01.2025", "Valid until:", "08.01.2030", sampleURL,
			"PDF generated 24.03.2025 14:38 Estonian time",
		}},
	}
	for _, tt := range tests {
		text := pdfText(t, tt.b)
		lines := strings.Split(text, "\n")
		i := 0
		for _, want := range tt.lines {
			for i < len(lines) && strings.TrimSpace(lines[i]) != want {
				i++
			}
			if i == len(lines) {
				t.Errorf("%s: no line %q in order; text:\n%s", tt.name, want, text)
				break
			}
			i++
		}
	}
	// The competence and the declaration's sentences may wrap: compare with line breaks as spaces.
	flat := func(b []byte) string { return strings.Join(strings.Fields(pdfText(t, b)), " ") }
	for _, want := range []string{
		"• Mootorsõidukite kõrgepinge jõuseadmete diagnostika ja remont",
	} {
		if s := flat(mustRender(t, 0, c)); !strings.Contains(s, want) {
			t.Errorf("Tunnistus: no %q in %s", want, s)
		}
	}
	decl := flat(mustRender(t, 2, c))
	for _, want := range []string{
		"Sihtasutus Kutsekoda (registrikood 90006414) kui kutseregistri pidaja kinnitab kutseregistri andmete põhjal, et kutsetunnistus nr 204580 on ehtne ja kehtib 24. märtsil 2025.",
		"declares on the basis of the register's data that occupational qualification certificate no. 204580 is authentic and valid on 24 March 2025.",
	} {
		if !strings.Contains(decl, want) {
			t.Errorf("Deklaratsioon: no %q in %s", want, decl)
		}
	}
}

func mustRender(t *testing.T, i int, c certificate.Certificate) []byte {
	t.Helper()
	return render(t, docs[i], c, sampleURL)
}

// TestEstonianLetters_CERT01 gives the holder a name with every Estonian letter outside ASCII and
// finds it exactly in the text of all three documents: the embedded font has the glyphs and the
// ToUnicode map gives them back. A name typed with combining marks comes out composed (NFC).
func TestEstonianLetters_CERT01(t *testing.T) {
	for _, name := range []string{allLetters, "O\u0303ie S\u030Cas\u030Clo\u0303kk-Z\u030Cu\u0308rjev A\u0308a\u0308r O\u0308o\u0308bik U\u0308lle"} {
		c := sample()
		c.Holder.Name = name
		for _, d := range docs {
			text := pdfText(t, render(t, d, c, sampleURL))
			if !strings.Contains(text, "\n"+allLetters+"\n") {
				t.Errorf("%s: holder %q: no line %q in\n%s", d.name, name, allLetters, text)
			}
		}
	}
}

// TestHolderWithoutCode_CERT01 shows the birth date of a holder without a personal code (GEN-01),
// "tähtajatu" / "no end date" for a certificate without an end of validity, and leaves out the rows
// that have no value.
func TestHolderWithoutCode_CERT01(t *testing.T) {
	c := sample()
	c.Holder.Code = isikukood.Code{}
	c.Holder.BirthDate = calendar.MustDate(1995, time.February, 2)
	c.ValidUntil = calendar.Date{}
	c.Specialisation = ""
	c.Competences = nil
	for i, want := range [][]string{
		{"Sünniaeg:", "02.02.1995", "Kehtib kuni:", "tähtajatu"},
		{"Date of birth:", "02.02.1995", "Valid until:", "no end date"},
		{"Sünniaeg:", "02.02.1995", "Kehtib kuni:", "tähtajatu", "Date of birth:", "02.02.1995", "Valid until:", "no end date"},
	} {
		text := pdfText(t, mustRender(t, i, c))
		for _, w := range want {
			if !strings.Contains(text, "\n"+w+"\n") {
				t.Errorf("%s: no line %q in\n%s", docs[i].name, w, text)
			}
		}
		for _, no := range []string{"Isikukood", "Personal identification code", "Spetsialiseerumine", "Specialisation", "kompetentsid", "competences"} {
			if strings.Contains(text, no) {
				t.Errorf("%s: %q shown for a holder without a code and a certificate without it", docs[i].name, no)
			}
		}
	}
}

// TestStatusRow_CERT05 reprints a certificate that has expired by the day the PDF is generated: the
// register entry says so (CERT-02), and no declaration is made for it (CERT-06).
func TestStatusRow_CERT05(t *testing.T) {
	c := sample()
	c.ValidUntil = calendar.MustDate(2025, time.March, 1)
	if text := pdfText(t, mustRender(t, 0, c)); !strings.Contains(text, "\nStaatus:\n") || !strings.Contains(text, "\nkehtivus lõppenud\n") {
		t.Errorf("Tunnistus of an expired certificate: no status row in\n%s", text)
	}
	if text := pdfText(t, mustRender(t, 1, c)); !strings.Contains(text, "\nStatus:\n") || !strings.Contains(text, "\nexpired\n") {
		t.Errorf("Certificate of an expired certificate: no status row in\n%s", text)
	}
	_, err := pdf.Deklaratsioon(c, sampleStampDate, sampleGenerated, sampleURL)
	fe, ok := errors.AsType[*pdf.FieldError](err)
	if !errors.Is(err, pdf.ErrNotValid) || !ok || fe.Field != "stampDate" {
		t.Errorf("Deklaratsioon(expired) = %v; want a FieldError for stampDate wrapping ErrNotValid", err)
	}
	if text := pdfText(t, mustRender(t, 0, sample())); strings.Contains(text, "Staatus") {
		t.Error("Tunnistus of a valid certificate shows a status row")
	}
}

// TestQR_CERT05_CERT06 renders every page at 150 dpi and reads the QR codes with zbarimg: each reads
// exactly as the URL, the declaration has two; so does a URL of MaxURLLen bytes.
func TestQR_CERT05_CERT06(t *testing.T) {
	pdftoppm := tooltest.Need(t, "pdftoppm", "poppler-utils")
	zbarimg := tooltest.Need(t, "zbarimg", "zbar-tools")
	longURL := "https://kutseregister.ee/cert/204580?" + strings.Repeat("x=1&", (pdf.MaxURLLen-37)/4)
	longURL += strings.Repeat("y", pdf.MaxURLLen-len(longURL))
	for _, url := range []string{sampleURL, longURL} {
		for _, d := range docs {
			p := writeTemp(t, d.name, render(t, d, sample(), url))
			tooltest.Output(t, pdftoppm, "-r", "150", "-png", p, strings.TrimSuffix(p, ".pdf"))
			pngs, _ := filepath.Glob(strings.TrimSuffix(p, ".pdf") + "*.png")
			var codes []string
			for _, png := range pngs {
				// --raw prints each symbol's data and a newline; -q drops the summary.
				out := tooltest.Output(t, zbarimg, "-q", "--raw", "-Sdisable", "-Sqrcode.enable", png)
				codes = append(codes, strings.Split(strings.TrimSuffix(out, "\n"), "\n")...)
			}
			if len(codes) != d.qrs {
				t.Errorf("%s (URL of %d bytes): %d QR codes read (%q); want %d", d.name, len(url), len(codes), codes, d.qrs)
			}
			for _, got := range codes {
				if got != url {
					t.Errorf("%s: QR code reads %q; want %q", d.name, got, url)
				}
			}
		}
	}
}

// TestQPDFCheck_CERT06 has qpdf check the structure of every document: xref, streams, objects.
func TestQPDFCheck_CERT06(t *testing.T) {
	qpdf := tooltest.Need(t, "qpdf", "qpdf")
	for _, c := range []certificate.Certificate{sample(), long()} {
		for _, d := range docs {
			out := tooltest.Output(t, qpdf, "--check", writeTemp(t, d.name, render(t, d, c, sampleURL)))
			if !strings.Contains(out, "No syntax or stream encoding errors found") || strings.Contains(strings.ToLower(out), "warning") {
				t.Errorf("%s: qpdf --check:\n%s", d.name, out)
			}
		}
	}
}

// TestSize_CERT06 keeps each document at most 60 KB, also with 40 long competences: the font is a
// subset of the glyphs used.
func TestSize_CERT06(t *testing.T) {
	for _, c := range []certificate.Certificate{sample(), long()} {
		for _, d := range docs {
			if b := render(t, d, c, sampleURL); len(b) > maxSize {
				t.Errorf("%s (%d competences): %d bytes; want at most %d", d.name, len(c.Competences), len(b), maxSize)
			}
		}
	}
}

// word is a word pdftotext -bbox found, with its box in points from the page's top left corner.
type word struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

var (
	pageRE = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	wordRE = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
)

// words returns every word of b with its box.
func words(t *testing.T, b []byte) (ws []word, pages int) {
	t.Helper()
	tool := tooltest.Need(t, "pdftotext", "poppler-utils")
	out := tooltest.Output(t, tool, "-bbox", "-enc", "UTF-8", writeTemp(t, "doc.pdf", b), "-")
	for _, line := range strings.Split(out, "\n") {
		if pageRE.MatchString(line) {
			pages++
			continue
		}
		m := wordRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		w := word{page: pages, text: m[5]}
		for i, f := range []*float64{&w.xMin, &w.yMin, &w.xMax, &w.yMax} {
			*f, _ = strconv.ParseFloat(m[i+1], 64)
		}
		ws = append(ws, w)
	}
	return ws, pages
}

// TestLong_CERT05 lays out a certificate with long texts and 40 competences of 150 characters: it
// runs over several pages, each after the first repeating the heading, each numbered; every
// competence is there once; no word reaches into the 20 mm side margins or below the bottom one.
func TestLong_CERT05(t *testing.T) {
	c := long()
	c.Holder.Name += " " + strings.Repeat("Šš", 60) // one word longer than the column
	longURL := "https://kutseregister.ee/cert/204580/" + strings.Repeat("abcdefghij/", 30)
	for i, d := range docs {
		b := render(t, d, c, longURL)
		ws, pages := words(t, b)
		if pages < 2 {
			t.Errorf("%s: %d page(s); want more", d.name, pages)
		}
		// A word's box includes the font's ascent, a little above the top of the line.
		const left, right, top, bottom = 56.7, 595 - 56.7, 56.7 - 4, 842 - 56.7/2
		for _, w := range ws {
			if w.xMin < left-0.5 || w.xMax > right+0.5 || w.yMin < top || w.yMax > bottom {
				t.Errorf("%s page %d: %q at x %.1f–%.1f, y %.1f–%.1f is outside the margins", d.name, w.page, w.text, w.xMin, w.xMax, w.yMin, w.yMax)
			}
		}
		text := pdfText(t, b)
		pageTexts := strings.Split(strings.TrimSuffix(text, "\f"), "\f")
		if len(pageTexts) != pages {
			t.Fatalf("%s: %d pages of text, %d pages", d.name, len(pageTexts), pages)
		}
		for p, pt := range pageTexts {
			no := []string{"Lehekülg %d/%d", "Page %d of %d", "Lehekülg / Page %d/%d"}[i]
			if want := fmt.Sprintf(no, p+1, pages); !strings.Contains(pt, want) {
				t.Errorf("%s page %d: no %q", d.name, p+1, want)
			}
			cont := []string{"Kutsetunnistus 204580 (järg)", "Occupational qualification certificate 204580 (continued)",
				"Deklaratsioon / Declaration: kutsetunnistus 204580 (järg / continued)"}[i]
			if p > 0 && !strings.HasPrefix(strings.TrimSpace(pt), cont) {
				t.Errorf("%s page %d starts %.60q; want %q", d.name, p+1, strings.TrimSpace(pt), cont)
			}
		}
		if d.name == pdf.DeklaratsioonName {
			continue
		}
		for k := 1; k <= 40; k++ {
			if n := strings.Count(text, fmt.Sprintf("\n• %02d. Kõrgepinge", k)); n != 1 {
				t.Errorf("%s: competence %02d found %d times", d.name, k, n)
			}
		}
		if flat := strings.Join(strings.Fields(text), ""); !strings.Contains(flat, strings.ReplaceAll(longURL, " ", "")) {
			t.Errorf("%s: the long URL is not there whole", d.name)
		}
	}
}

// TestBadInput_CERT01 gives each kind of bad input and expects a *FieldError naming the field,
// wrapping ErrInvalid, from all three documents, never a panic.
func TestBadInput_CERT01(t *testing.T) {
	tests := []struct {
		name  string
		field string
		edit  func(c *certificate.Certificate, url *string, generated *time.Time)
	}{
		{"no number", "Number", func(c *certificate.Certificate, _ *string, _ *time.Time) { c.Number = "" }},
		{"blank number", "Number", func(c *certificate.Certificate, _ *string, _ *time.Time) { c.Number = " \t" }},
		{"no name", "Holder.Name", func(c *certificate.Certificate, _ *string, _ *time.Time) { c.Holder.Name = "" }},
		{"blank name", "Holder.Name", func(c *certificate.Certificate, _ *string, _ *time.Time) { c.Holder.Name = "\n  " }},
		{"name not UTF-8", "Holder.Name", func(c *certificate.Certificate, _ *string, _ *time.Time) { c.Holder.Name = "Ema\xff" }},
		{"letter the font lacks", "Holder.Name", func(c *certificate.Certificate, _ *string, _ *time.Time) { c.Holder.Name = "Ema 中" }},
		{"emoji in a competence", "Competences[0]", func(c *certificate.Certificate, _ *string, _ *time.Time) { c.Competences[0] += " 🚗" }},
		{"title too long", "Title", func(c *certificate.Certificate, _ *string, _ *time.Time) {
			c.Title = strings.Repeat("ä", pdf.MaxTextLen+1)
		}},
		{"too many competences", "Competences", func(c *certificate.Certificate, _ *string, _ *time.Time) {
			c.Competences = make([]string, pdf.MaxCompetences+1)
		}},
		{"bad kind", "Kind", func(c *certificate.Certificate, _ *string, _ *time.Time) { c.Kind = 99 }},
		{"impossible date", "ValidUntil", func(c *certificate.Certificate, _ *string, _ *time.Time) {
			c.ValidUntil = calendar.Date{Year: 2030, Month: 2, Day: 30}
		}},
		{"no generation time", "generated", func(_ *certificate.Certificate, _ *string, g *time.Time) { *g = time.Time{} }},
		{"no URL", "verifyURL", func(_ *certificate.Certificate, u *string, _ *time.Time) { *u = "" }},
		{"ftp URL", "verifyURL", func(_ *certificate.Certificate, u *string, _ *time.Time) { *u = "ftp://kutseregister.ee/cert/1" }},
		{"no scheme", "verifyURL", func(_ *certificate.Certificate, u *string, _ *time.Time) { *u = "kutseregister.ee/cert/204580" }},
		{"javascript", "verifyURL", func(_ *certificate.Certificate, u *string, _ *time.Time) { *u = "javascript:alert(1)" }},
		{"no host", "verifyURL", func(_ *certificate.Certificate, u *string, _ *time.Time) { *u = "https:///cert/1" }},
		{"space", "verifyURL", func(_ *certificate.Certificate, u *string, _ *time.Time) {
			*u = "https://kutseregister.ee/cert/2045 80"
		}},
		{"not ASCII", "verifyURL", func(_ *certificate.Certificate, u *string, _ *time.Time) { *u = "https://kutseregister.ee/tõend" }},
		{"user info", "verifyURL", func(_ *certificate.Certificate, u *string, _ *time.Time) { *u = "https://a:b@kutseregister.ee/" }},
		{"too long for a QR code", "verifyURL", func(_ *certificate.Certificate, u *string, _ *time.Time) {
			*u = "https://kutseregister.ee/" + strings.Repeat("a", pdf.MaxURLLen)
		}},
	}
	for _, tt := range tests {
		for _, d := range docs {
			c, url, generated := sample(), sampleURL, sampleGenerated
			tt.edit(&c, &url, &generated)
			var b []byte
			var err error
			switch d.name {
			case pdf.TunnistusName:
				b, err = pdf.Tunnistus(c, generated, url)
			case pdf.CertificateName:
				b, err = pdf.Certificate(c, generated, url)
			default:
				b, err = pdf.Deklaratsioon(c, sampleStampDate, generated, url)
			}
			fe, ok := errors.AsType[*pdf.FieldError](err)
			switch {
			case b != nil:
				t.Errorf("%s, %s: got a document", tt.name, d.name)
			case !ok || !errors.Is(err, pdf.ErrInvalid):
				t.Errorf("%s, %s: error %v; want a *FieldError wrapping ErrInvalid", tt.name, d.name, err)
			case fe.Field != tt.field:
				t.Errorf("%s, %s: error names %q (%v); want %q", tt.name, d.name, fe.Field, err, tt.field)
			case !strings.HasPrefix(err.Error(), "pdf: "+tt.field+" "):
				t.Errorf("%s, %s: error %q does not start with the package and the field", tt.name, d.name, err)
			}
		}
	}
	for _, d := range []calendar.Date{{}, {Year: 2025, Month: 2, Day: 30}} {
		_, err := pdf.Deklaratsioon(sample(), d, sampleGenerated, sampleURL)
		if fe, ok := errors.AsType[*pdf.FieldError](err); !ok || fe.Field != "stampDate" || !errors.Is(err, pdf.ErrInvalid) {
			t.Errorf("Deklaratsioon(stamp date %+v) = %v; want a FieldError for stampDate", d, err)
		}
	}
}

// FuzzTunnistus renders register entries from arbitrary names, titles and URLs: never a panic, and
// either a PDF or a *FieldError.
func FuzzTunnistus(f *testing.F) {
	f.Add(allLetters, "Sõiduautodiagnostik, tase 5", sampleURL)
	f.Add("", "", "")
	f.Add("a\x00b\u202e", strings.Repeat("x", 400), "http://[::1]:80/%zz")
	f.Add("Ema 中", "Ü\u0308", "https://e.ee/"+strings.Repeat("é", 10))
	f.Fuzz(func(t *testing.T, name, title, url string) {
		c := sample()
		c.Holder.Name, c.Title = name, title
		b, err := pdf.Tunnistus(c, sampleGenerated, url)
		if err != nil {
			if _, ok := errors.AsType[*pdf.FieldError](err); !ok {
				t.Fatalf("Tunnistus: %v is not a *FieldError", err)
			}
			return
		}
		if !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Fatalf("Tunnistus: output starts %q", b[:min(len(b), 8)])
		}
	})
}

// TestDocuments_CERT06 renders the three documents at once and expects the bytes of the three
// functions one by one, and their errors.
func TestDocuments_CERT06(t *testing.T) {
	for _, c := range []certificate.Certificate{sample(), long()} {
		s, err := pdf.Documents(c, sampleStampDate, sampleGenerated, sampleURL)
		if err != nil {
			t.Fatal(err)
		}
		for i, got := range [][]byte{s.Tunnistus, s.Certificate, s.Deklaratsioon} {
			if want := render(t, docs[i], c, sampleURL); !bytes.Equal(got, want) {
				t.Errorf("Documents: %s differs from the one rendered alone", docs[i].name)
			}
		}
	}
	c := sample()
	c.Holder.Name = ""
	if _, err := pdf.Documents(c, sampleStampDate, sampleGenerated, sampleURL); !errors.Is(err, pdf.ErrInvalid) || !errors.Is(err, invalid.ErrInvalid) {
		t.Errorf("Documents(no name) = %v; want ErrInvalid", err)
	}
	if _, err := pdf.Documents(sample(), calendar.MustDate(2031, time.January, 1), sampleGenerated, sampleURL); !errors.Is(err, pdf.ErrNotValid) {
		t.Errorf("Documents(after the end of validity) = %v; want ErrNotValid", err)
	}
}

// TestFontSubsets_CERT01 gives holders names with letters of the font's other blocks (Latin
// Extended-A, Greek, Cyrillic): each document embeds the block it needs beside the basic one, the
// name reads back exactly, and a name of the basic block gives the sample's font program byte for
// byte (the subset is made once per glyph set and copied).
func TestFontSubsets_CERT01(t *testing.T) {
	fontOf := func(b []byte) (string, []byte) {
		doc := pdfatest.Read(t, b)
		for _, o := range doc.Objects {
			if d := pdfatest.Dict(o); d["/Type"] == "/FontDescriptor" {
				return d["/FontName"].(string), doc.Stream(d["/FontFile2"].(string))
			}
		}
		t.Fatal("no font")
		return "", nil
	}
	base, baseProgram := fontOf(mustRender(t, 0, sample()))
	for _, tt := range []struct {
		name  string
		block uint8
	}{
		{"Ema-Kaks Piskel-Tamm", 0},
		{"Łukasz Wiśniewski", pdf.FontBlock('Ł')},
		{"Αλέξανδρος Παπαδόπουλος", pdf.FontBlock('Α')},
		{"Фёдор Достоевский", pdf.FontBlock('Ф')},
	} {
		c := sample()
		c.Holder.Name = tt.name
		b := mustRender(t, 0, c)
		font, program := fontOf(b)
		switch {
		case tt.block == 0 && (font != base || !bytes.Equal(program, baseProgram)):
			t.Errorf("%s: font %s (%d bytes); want the sample's %s (%d bytes)", tt.name, font, len(program), base, len(baseProgram))
		case tt.block != 0 && (font == base || len(program) <= len(baseProgram)):
			t.Errorf("%s: font %s (%d bytes) is not a larger subset than the sample's %s", tt.name, font, len(program), base)
		}
		if text := pdfText(t, b); !strings.Contains(text, "\n"+tt.name+"\n") {
			t.Errorf("%s: not in the text:\n%s", tt.name, text)
		}
	}
}

// TestPageFilled_CERT05 looks at the one-page documents as a reader does: the heading block at the
// top, the verification block at the foot of the page, and no gap between lines of half a page or
// more (the old layout left the lower half of the register entry empty).
func TestPageFilled_CERT05(t *testing.T) {
	for _, d := range docs {
		ws, pages := words(t, render(t, d, sample(), sampleURL))
		if pages != 1 || len(ws) == 0 {
			t.Fatalf("%s: %d pages, %d words; want one page", d.name, pages, len(ws))
		}
		sort.Slice(ws, func(i, j int) bool { return ws[i].yMin < ws[j].yMin })
		const pageH = 841.89
		if ws[0].yMin > 70 || ws[0].text != "KUTSEREGISTER" {
			t.Errorf("%s: the page starts with %q at %.0f pt; want the register's name at the top", d.name, ws[0].text, ws[0].yMin)
		}
		if last := ws[len(ws)-1].yMax; last < pageH*0.8 {
			t.Errorf("%s: the last line ends at %.0f pt of %.0f: the lower part of the page is empty", d.name, last, pageH)
		}
		for i := 1; i < len(ws); i++ {
			if gap := ws[i].yMin - ws[i-1].yMax; gap > pageH*0.35 {
				t.Errorf("%s: %.0f pt empty between %q and %q: more than a third of the page", d.name, gap, ws[i-1].text, ws[i].text)
			}
		}
	}
}
