package opendata_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/opendata"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
)

func open(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestReadStandards_OPN01 reads the standards feed one record at a time, in both date forms, pairs
// each partial qualification's id and name whatever their order, keeps one competence set per
// certificate type, and links the versions into a standard that validates (GEN-04).
func TestReadStandards_OPN01(t *testing.T) {
	var vs []register.StandardVersion
	for v, err := range opendata.ReadStandards(open(t, "kutsestandardid.xml"), nil) {
		if err != nil {
			t.Fatal(err)
		}
		vs = append(vs, v)
	}
	if len(vs) != 2 {
		t.Fatalf("read %d versions; want 2", len(vs))
	}
	v7, v8 := vs[0], vs[1]
	if v7.InForce != (law.Period{From: calendar.MustDate(2016, 11, 10), Until: calendar.MustDate(2021, 11, 9)}) ||
		v8.InForce != (law.Period{From: calendar.MustDate(2021, 11, 10), Until: calendar.MustDate(2026, 11, 9)}) {
		t.Errorf("periods %v, %v: both date forms must be read", v7.InForce, v8.InForce)
	}
	wantPartials := []register.Ref{{ID: 10988850, Name: "Käsikaarkeevitaja, tase 4"}, {ID: 10988851, Name: "Poolautomaatkeevitaja, tase 4"},
		{ID: 10988852, Name: "TIG-keevitaja, tase 4"}}
	if !reflect.DeepEqual(v8.Partials, wantPartials) {
		t.Errorf("Partials = %+v", v8.Partials)
	}
	if len(v8.Competences) != 2 || !slices.Equal(v8.Competences[1].For, []classifier.CertificateType{classifier.PartialCertificate}) ||
		len(v8.Competences[0].Competences) != 2 || v8.Competences[0].Competences[1].Name != "Käsikaarkeevitus" {
		t.Errorf("Competences = %+v", v8.Competences)
	}
	if v8.NameEn != "Welder, EstQF Level 4" || v8.Previous != v7.ID || v8.EKR.Int() != 4 || !v8.Basic ||
		len(v8.ISCO) != 1 || v8.ISCO[0].Code != "7212" || len(v8.Conditions.Apply) != 1 || len(v8.Conditions.Recertify) != 1 ||
		!slices.Equal(v8.Types, []classifier.StandardType{classifier.OccupationalStandard, classifier.PartialStandard}) {
		t.Errorf("version 8 = %+v", v8)
	}
	chains, err := register.Chain(vs)
	if err != nil || len(chains) != 1 {
		t.Fatalf("Chain = %v, %v", chains, err)
	}
	if err := chains[0].Validate(); err != nil {
		t.Errorf("the standard read does not validate: %v", err)
	}
	if v, _, err := chains[0].InForce(calendar.MustDate(2024, 1, 1)); err != nil || v.Version != 8 {
		t.Errorf("InForce(2024-01-01) = %d, %v", v.Version, err)
	}
}

// TestReadAwardingBodies_OPN01 reads the awarding bodies feed, in a namespace, with its awards,
// committees and exam languages, into a body that validates.
func TestReadAwardingBodies_OPN01(t *testing.T) {
	var bs []register.AwardingBody
	for b, err := range opendata.ReadAwardingBodies(open(t, "kutseandjad.xml"), nil) {
		if err != nil {
			t.Fatal(err)
		}
		bs = append(bs, b.Clone())
	}
	if len(bs) != 1 {
		t.Fatalf("read %d bodies", len(bs))
	}
	b := bs[0]
	if err := b.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	if b.Code != "80040205" || b.Name != "Eesti Masinatööstuse Liit" || !b.MayHide || b.ExtraField ||
		b.Mandate.Until != calendar.MustDate(2026, 12, 31) || b.Contacts.HomePage != "https://www.emtl.ee" {
		t.Errorf("body = %+v", b)
	}
	if len(b.Awards) != 2 || len(b.Awards[0].Partials) != 2 || b.Awards[0].Procedure != "https://www.emtl.ee/kutse-andmise-kord" ||
		b.Awards[1].Name != "Keevitaja, tase 3" || len(b.Awards[1].Partials) != 0 || !b.Awards[1].Basic {
		t.Errorf("awards = %+v", b.Awards)
	}
	if len(b.Committees) != 1 || len(b.Committees[0].Members) != 2 || b.Committees[0].Members[0].Role != classifier.Chair ||
		b.Committees[0].Members[1].Name != "Liis Tamm" {
		t.Errorf("committees = %+v", b.Committees)
	}
	if !reflect.DeepEqual(b.ExamLanguages, []register.Ref{{ID: 1, Name: "eesti keel"}, {ID: 2, Name: "vene keel"}}) {
		t.Errorf("exam languages = %+v", b.ExamLanguages)
	}
}

func TestReadCompetencesCouncilsClassifier_OPN01(t *testing.T) {
	comps := `<kompetentsid><kompetents><id>10988861</id><nimetus>Käsikaarkeevitus</nimetus><ekrtase>4</ekrtase>
		<valdkond>TEHNIKA, TOOTMINE JA EHITUS</valdkond><grupp>Keevitajad</grupp><valitav>jah</valitav>
		<tegevusnaitajad><tegevusnaitaja>1. keevitab plaate</tegevusnaitaja><tegevusnaitaja>2. keevitab torusid</tegevusnaitaja></tegevusnaitajad>
		</kompetents></kompetentsid>`
	for c, err := range opendata.ReadCompetences(strings.NewReader(comps), nil) {
		if err != nil || c.ID != 10988861 || !c.Elective || c.EKR.Int() != 4 || len(c.Indicators) != 2 || c.Group != "Keevitajad" {
			t.Errorf("competence = %+v, %v", c, err)
		}
	}
	councils := `<kutsenoukogud><kutsenoukogu><id>10400001</id><nimetus>Tehnika, tootmise ja töötleva tööstuse kutsenõukogu</nimetus>
		<kutsealad><kutseala>Metallitöö ja masinaehitus</kutseala></kutsealad>
		<liikmed><liige><nimi>Mari Mets</nimi><esindab>Eesti Masinatööstuse Liit</esindab><esimees>true</esimees></liige>
		<liige><nimi>Peeter Puu</nimi></liige></liikmed></kutsenoukogu></kutsenoukogud>`
	for c, err := range opendata.ReadCouncils(strings.NewReader(councils), nil) {
		if err != nil || len(c.Members) != 2 || !c.Members[0].Chair || c.Members[1].Chair || c.Validate() != nil {
			t.Errorf("council = %+v, %v", c, err)
		}
	}
	cls := `<klassifikaatorid><klassifikaator><tyyp>valdkond</tyyp><id>1</id><nimetus>Sotsiaalteenused</nimetus></klassifikaator>
		<klassifikaator><tyyp>Kutseala</tyyp><id>10521659</id><nimetus>Sotsiaaltöö ja nõustamine</nimetus><valdkond>1</valdkond>
		<isco>3412 Sotsiaaltöö keskastme spetsialistid</isco></klassifikaator></klassifikaatorid>`
	var entries []opendata.ClassifierEntry
	for e, err := range opendata.ReadClassifier(strings.NewReader(cls), nil) {
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, e)
	}
	k := opendata.Collect(entries)
	if len(k.Fields) != 1 || len(k.Occupations) != 1 || k.Occupations[0].Field != 1 || k.Occupations[0].ISCO[0].Code != "3412" || k.Validate() != nil {
		t.Errorf("classifier = %+v", k)
	}
}

// TestErrors_OPN01: a bad value names the record, its line and the field, and the iteration goes on
// with the next record; XML that is not well formed ends it with the line.
func TestErrors_OPN01(t *testing.T) {
	feed := "<kutsestandardid>\n<kutsestandard><id>1</id><nimetus>A</nimetus></kutsestandard>\n" +
		"<kutsestandard>\n<id>x</id><ekrtase>9</ekrtase><kehtivusealgus>31.02.2020</kehtivusealgus></kutsestandard>\n" +
		"<kutsestandard><id>3</id></kutsestandard>\n</kutsestandardid>"
	var got []string
	for v, err := range opendata.ReadStandards(strings.NewReader(feed), nil) {
		if err != nil {
			got = append(got, err.Error())
			var e *opendata.Error
			if !errors.As(err, &e) || e.Record != 2 || e.Line != 3 || !errors.Is(err, invalid.ErrInvalid) {
				t.Errorf("error %v: want record 2, line 3, invalid.ErrInvalid", err)
			}
			continue
		}
		got = append(got, v.ID.String())
	}
	want := []string{"1", `opendata: kutsestandardid: record 2 (line 3): ID "x" must be a positive integer; EKR "9" must be a level 1–8; From "31.02.2020" is not a date: must be "2006-01-02" or "02.01.2006"`, "3"}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	for _, c := range []struct{ feed, want string }{
		{"<a>\n<kutsestandard><id>1</id></kutsestandard>\n<kutsestandard><id>2</nimetus></kutsestandard></a>", "record 2 (line 3): not well-formed XML: element <id> closed by </nimetus>"},
		{"<a>\n\n<b>&bogus;</b></a>", "line 3: not well-formed XML"},
		{"<a><kutsestandard>", "record 1 (line 1): not well-formed XML"},
		{"", "not well-formed XML: no document element"},
		{"<a/><b/>", "a second document element"},
		{"x<a/>", "text outside the document element"},
	} {
		var last error
		for _, err := range opendata.ReadStandards(strings.NewReader(c.feed), nil) {
			last = err
		}
		if last == nil || !errors.Is(last, opendata.ErrSyntax) || !strings.Contains(last.Error(), c.want) {
			t.Errorf("%q: %v; want %q", c.feed, last, c.want)
		}
	}
	deep := strings.Repeat("<a>", opendata.MaxDepth+1)
	for _, err := range opendata.ReadStandards(strings.NewReader(deep), nil) {
		if !errors.Is(err, opendata.ErrTooLarge) {
			t.Errorf("deep nesting: %v", err)
		}
	}
	big := "<a><kutsestandard><nimetus>" + strings.Repeat("x", opendata.MaxRecordText+1) + "</nimetus></kutsestandard></a>"
	for _, err := range opendata.ReadStandards(strings.NewReader(big), nil) {
		if !errors.Is(err, opendata.ErrTooLarge) {
			t.Errorf("a record beyond MaxRecordText: %v", err)
		}
	}
}

// TestMappingIsData_OPN01: a host whose feed names its elements otherwise reads it with a mapping of
// its own, kept as JSON; a mapping is checked against the feed's fields, so the issued-qualifications
// feed cannot be mapped to a name, a personal code or a birth date (OPN-02).
func TestMappingIsData_OPN01(t *testing.T) {
	m := &opendata.Mapping{}
	js := `{"feed": 2, "record": "standard", "fields": {"@id": "ID"}}`
	if err := json.Unmarshal([]byte(js), m); err != nil {
		t.Fatal(err)
	}
	if err := m.Validate(); !errors.Is(err, invalid.ErrInvalid) || !strings.Contains(err.Error(), "@id") {
		t.Errorf("a bad path: %v", err)
	}
	m.Fields = map[string]string{"kood": "ID", "nimi": "Name", "periood/algus": "From", "periood/lopp": "Until", "tase": "EKR"}
	feed := `<?xml version="1.0"?><standardid><standard><kood>5</kood><nimi>Kokk, tase 4</nimi><tase>EKR 4</tase>
		<periood><algus>2020-01-01+02:00</algus><lopp>31.12.2024</lopp></periood></standard></standardid>`
	for v, err := range opendata.ReadStandards(strings.NewReader(feed), m) {
		if err != nil || v.ID != 5 || v.Name != "Kokk, tase 4" || v.EKR.Int() != 4 || v.InForce.Until != calendar.MustDate(2024, 12, 31) ||
			v.InForce.From != calendar.MustDate(2020, 1, 1) {
			t.Errorf("custom mapping: %+v, %v", v, err)
		}
	}
	b, _ := json.Marshal(opendata.DefaultMapping(opendata.Issued))
	var back opendata.Mapping
	if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(&back, opendata.DefaultMapping(opendata.Issued)) {
		t.Errorf("JSON round trip: %v", err)
	}
	for _, personal := range []string{"Name", "Code", "BirthDate", "Number", "Holder"} {
		if slices.Contains(opendata.FieldNames(opendata.Issued), personal) {
			t.Errorf("the issued-qualifications feed has a field %s", personal)
		}
		m := opendata.DefaultMapping(opendata.Issued)
		m.Fields["nimi"] = personal
		if err := m.Validate(); err == nil {
			t.Errorf("a mapping of nimi to %s was accepted (OPN-02)", personal)
		}
	}
	for _, f := range opendata.Feeds() {
		if err := opendata.DefaultMapping(f).Validate(); err != nil {
			t.Errorf("DefaultMapping(%s): %v", f, err)
		}
	}
	if _, err := opendata.NewReader(strings.NewReader(""), opendata.Standards, opendata.DefaultMapping(opendata.Issued)); err == nil {
		t.Error("a mapping of another feed was accepted")
	}
}

// TestCharsetAndBOM_OPN01: a feed declared in windows-1257 (the Baltic code page) and one with a
// byte order mark read as UTF-8 would.
func TestCharsetAndBOM_OPN01(t *testing.T) {
	latin := []byte("<?xml version=\"1.0\" encoding=\"windows-1257\"?><a><kutsestandard><nimetus>\xd5mbleja, tase 3</nimetus></kutsestandard></a>")
	bom := append([]byte{0xEF, 0xBB, 0xBF}, []byte("<a><kutsestandard><nimetus>Õmbleja, tase 3</nimetus></kutsestandard></a>")...)
	for _, in := range [][]byte{latin, bom} {
		for v, err := range opendata.ReadStandards(bytes.NewReader(in), nil) {
			if err != nil || v.Name != "Õmbleja, tase 3" {
				t.Errorf("%q: %q, %v", in[:20], v.Name, err)
			}
		}
	}
}

func TestAttribution_OPN01(t *testing.T) {
	a := opendata.AttributionOf(opendata.Standards, calendar.MustDate(2026, 3, 1))
	if got := a.Notice(law.Estonian); got != "Allikas: Kutseregistri avaandmed, Kutsestandardid (https://www.kutseregister.ee/ctrl/et/Avaandmed/kutsestandardid/xml/1), Sihtasutus Kutsekoda, 01.03.2026; litsents CC BY-SA 3.0 EE (https://creativecommons.org/licenses/by-sa/3.0/ee/legalcode)." {
		t.Errorf("Notice(et) = %q", got)
	}
	d := opendata.DerivedFrom([]int{1}, a)
	if !d.Attribution.Changed || !strings.HasSuffix(d.Attribution.Notice(law.English), "the data were changed and are shared alike.") {
		t.Errorf("derived: %+v", d.Attribution)
	}
	if opendata.Feed(9).URL() != "" || opendata.Feed(9).String() != "Feed(9)" || opendata.Issued.Name(law.English) != "Issued qualifications (certificates)" {
		t.Error("feed names")
	}
}
