package opendata_test

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/opendata"
	"github.com/kutsekit/kutse/classifier/xroad"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
)

var kinds = []certificate.Kind{certificate.Occupational, certificate.Partial, certificate.SchoolQualification,
	certificate.BasicSchool, certificate.Gymnasium, certificate.GradeSheet, certificate.StateExam, certificate.Proficiency}

// certGen generates certificates of every kind, with holders born 1930–2005 and issued 2010–2030 (so
// that a birth date is never an issue date), names of their own ("Nimi-…", which no other field
// holds), personal codes or birth dates, and numbers.
func certGen() *rapid.Generator[certificate.Certificate] {
	return rapid.Custom(func(t *rapid.T) certificate.Certificate {
		issued := calendar.MustDate(2010, 1, 1).AddDays(rapid.IntRange(0, 7300).Draw(t, "issued"))
		level := classifier.MustLevel(rapid.IntRange(1, 8).Draw(t, "level"))
		c := certificate.Certificate{
			Number: certificate.Number(rapid.StringMatching(`[A-Z]{0,2}[0-9]{6}`).Draw(t, "number")),
			Kind:   rapid.SampledFrom(kinds).Draw(t, "kind"),
			Holder: certificate.Holder{Name: "Nimi-" + rapid.StringMatching(`[a-zõäöü]{6,12}`).Draw(t, "name")},
			Title:  rapid.SampledFrom(genStandards).Draw(t, "title"), Standard: rapid.SampledFrom(genStandards).Draw(t, "standard"),
			EKR: level, EQF: level, Specialisation: rapid.SampledFrom([]string{"", "Restoranitöö"}).Draw(t, "spec"),
			Competences:  rapid.SliceOfN(rapid.SampledFrom([]string{"Keevitus", "Remont", "Klienditeenindus"}), 0, 3).Draw(t, "competences"),
			ExamLanguage: "eesti keel", Issuer: rapid.SampledFrom(genIssuers).Draw(t, "issuer"), IssuerCode: "80040205",
			IssuedOn: issued, ValidFrom: issued, Hidden: rapid.Bool().Draw(t, "hidden"),
			Extra: map[string]string{xroad.KeyValdkond: "TEHNIKA, TOOTMINE JA EHITUS", xroad.KeyIsco: "3 Tehnikud"},
		}
		if rapid.Bool().Draw(t, "ends") {
			c.ValidUntil = issued.AddYears(5).AddDays(-1)
		}
		if rapid.Bool().Draw(t, "has code") {
			c.Holder.Code = isikukood.Generator().Filter(func(k isikukood.Code) bool {
				y := k.BirthDate().Year
				return y >= 1930 && y <= 2005
			}).Draw(t, "code")
		} else {
			c.Holder.BirthDate = calendar.MustDate(1930, 1, 1).AddDays(rapid.IntRange(0, 27000).Draw(t, "born"))
		}
		return c
	})
}

func writeAll(t *rapid.T, certs []certificate.Certificate) []byte {
	var out bytes.Buffer
	a := opendata.AttributionOf(opendata.Issued, calendar.MustDate(2026, 3, 1)).Derive()
	if _, err := opendata.WriteIssued(&out, nil, a, slices.Values(certs)); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestIssuedWriterNeverEmitsPersonalData_OPN02: whatever the certificates, the issued-qualifications
// feed the SDK writes holds no holder's name, personal code or birth date (in either date form) and no
// certificate number; and it is the same feed when every holder and number is replaced by another,
// so nothing of them reaches it at all.
func TestIssuedWriterNeverEmitsPersonalData_OPN02(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		certs := rapid.SliceOfN(certGen(), 1, 20).Draw(t, "certificates")
		out := writeAll(t, certs)
		text := string(out)
		for _, c := range certs {
			born := c.Holder.Born()
			for _, personal := range []string{c.Holder.Name, c.Holder.Code.String(), born.String(), born.Register(), string(c.Number)} {
				if personal != "" && strings.Contains(text, personal) {
					t.Fatalf("the feed holds %q of certificate %+v:\n%s", personal, c, text)
				}
			}
		}
		others := slices.Clone(certs)
		for i := range others {
			others[i].Holder = certGen().Draw(t, "other holder").Holder
			others[i].Number = certificate.Number(rapid.StringMatching(`[0-9]{6}`).Draw(t, "other number"))
		}
		if again := writeAll(t, others); !bytes.Equal(again, out) {
			t.Fatalf("the feed changes with the holders:\n%s\n---\n%s", out, again)
		}
	})
}

// TestIssuedRoundTrip_OPN01_OPN02 writes certificate 204580 and reads the feed back: the anonymised row
// comes back whole, hidden certificates and school documents are not written, and the statistics
// carry the attribution.
func TestIssuedRoundTrip_OPN01_OPN02(t *testing.T) {
	c := sample.Certificate204580()
	c.Extra = map[string]string{xroad.KeyValdkond: "TEHNIKA, TOOTMINE JA EHITUS", xroad.KeyKutseala: "Mootorsõidukid",
		xroad.KeyIsco: "3 Tehnikud ja keskastme spetsialistid, 31 Loodus- ja inseneriteaduste keskastme spetsialistid"}
	hidden := c
	hidden.Hidden = true
	school := c
	school.Kind = certificate.Gymnasium
	partial := c
	partial.Kind, partial.Title, partial.Extra = certificate.Partial, "Käsikaarkeevitaja, tase 4", nil
	var out bytes.Buffer
	a := opendata.AttributionOf(opendata.Issued, calendar.MustDate(2026, 3, 1)).Derive()
	n, err := opendata.WriteIssued(&out, nil, a, slices.Values([]certificate.Certificate{c, hidden, school, partial}))
	if err != nil || n != 2 {
		t.Fatalf("WriteIssued = %d, %v", n, err)
	}
	if !strings.Contains(out.String(), "<!-- Allikas: Kutseregistri avaandmed") || !strings.Contains(out.String(), "CC BY-SA 3.0 EE") {
		t.Errorf("the feed lacks the attribution:\n%s", out.String())
	}
	var rows []opendata.IssuedQualification
	for q, err := range opendata.ReadIssued(&out, nil) {
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, q)
	}
	want, _ := opendata.IssuedFrom(&c)
	if len(rows) != 2 || !reflect.DeepEqual(rows[0], want) || rows[1].Type != classifier.PartialCertificate || rows[1].Partial != "Käsikaarkeevitaja, tase 4" {
		t.Errorf("read back %+v\nwant %+v", rows, want)
	}
	if len(want.ISCO) != 2 || want.Field != "TEHNIKA, TOOTMINE JA EHITUS" || want.Type != classifier.OccupationalCertificate {
		t.Errorf("IssuedFrom = %+v", want)
	}
	stats := opendata.Tally(append(rows, rows[0]), a)
	if len(stats.Data) != 2 || stats.Data[0].N != 2 || stats.Data[0].Standard != "Mootorsõidukidiagnostik, tase 5" || !stats.Attribution.Changed {
		t.Errorf("Tally = %+v", stats)
	}
	if !strings.Contains(stats.Attribution.Notice(law.English), "licence CC BY-SA 3.0 EE") {
		t.Errorf("the statistics' attribution: %q", stats.Attribution.Notice(law.English))
	}
}

// FuzzReader_OPN01 holds the fast tokenizer to encoding/xml: on any input both readers yield the same
// records (values, record numbers and lines) and fail at the same record, and neither panics.
func FuzzReader_OPN01(f *testing.F) {
	for _, name := range []string{"kutsestandardid.xml", "kutseandjad.xml"} {
		b, err := readFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	var gen bytes.Buffer
	writeIssuedFeed(&gen, 3)
	f.Add(gen.Bytes())
	for _, s := range []string{
		"<a><kutsestandard><id>1</id><nimetus>A &amp; B &#65; &lt;</nimetus></kutsestandard></a>",
		"<a><kutsestandard><nimetus><![CDATA[x<y]]></nimetus><id a='1'>2</id></kutsestandard></a>",
		"<?xml version='1.0' encoding='utf-8' standalone='yes'?>\r\n<a><!-- c --><kutsestandard><nimetus>a\r\nb\rc</nimetus></kutsestandard></a>",
		"<a><kutsestandard><nimetus>]]></nimetus></kutsestandard></a>", "<a><b/><kutsestandard/></a>", "<x:a xmlns:x='u'><x:kutsestandard/></x:a>",
		"<a><kutsestandard><nimetus>\xff</nimetus></kutsestandard></a>", "<a>\x01</a>", "<!DOCTYPE a><a/>", "<a></b>", "<a><!-- -- --></a>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		fast, err := opendata.NewReader(bytes.NewReader(in), opendata.Standards, nil)
		if err != nil {
			t.Fatal(err)
		}
		ref, _ := opendata.NewReferenceReader(bytes.NewReader(in), opendata.Standards, nil)
		a, aerr := collect(fast)
		b, berr := collect(ref)
		if !reflect.DeepEqual(a, b) || (aerr == nil) != (berr == nil) {
			t.Fatalf("input %q:\nfast: %v, %v\nencoding/xml: %v, %v", in, a, aerr, b, berr)
		}
		for v, err := range opendata.ReadStandards(bytes.NewReader(in), nil) {
			if err == nil {
				v.Validate()
			}
		}
	})
}

type seen struct {
	N, Line int
	Values  []opendata.Value
}

func collect(r *opendata.Reader) ([]seen, error) {
	var out []seen
	for rec, err := range r.Records() {
		if err != nil {
			return out, err
		}
		out = append(out, seen{rec.N, rec.Line, slices.Clone(rec.Values)})
	}
	return out, nil
}

// TestFastAndReferenceAgreeOnAGeneratedFeed_OPN01 reads a generated feed of 2,000 records with both
// tokenizers, in CRLF line ends too.
func TestFastAndReferenceAgreeOnAGeneratedFeed_OPN01(t *testing.T) {
	var gen bytes.Buffer
	writeIssuedFeed(&gen, 2000)
	for _, in := range [][]byte{gen.Bytes(), bytes.ReplaceAll(gen.Bytes(), []byte("\n"), []byte("\r\n"))} {
		fast, _ := opendata.NewReader(bytes.NewReader(in), opendata.Issued, nil)
		ref, _ := opendata.NewReferenceReader(bytes.NewReader(in), opendata.Issued, nil)
		a, aerr := collect(fast)
		b, berr := collect(ref)
		if aerr != nil || berr != nil || len(a) != 2000 || !reflect.DeepEqual(a, b) {
			t.Fatalf("fast %d records, %v; encoding/xml %d, %v", len(a), aerr, len(b), berr)
		}
	}
}

// TestReaderStopsEarly: breaking out of the loop stops the reader.
func TestReaderStopsEarly(t *testing.T) {
	var gen bytes.Buffer
	writeIssuedFeed(&gen, 100)
	n := 0
	start := time.Now()
	for range opendata.ReadIssued(&gen, nil) {
		if n++; n == 3 {
			break
		}
	}
	if n != 3 || time.Since(start) > 5*time.Second {
		t.Errorf("read %d", n)
	}
}
