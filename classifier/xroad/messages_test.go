package xroad_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/classifier/xroad"
	"github.com/kutsekit/kutse/duplicate"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
)

var update = flag.Bool("update", false, "update golden files")

// diagnostician is the standard of certificate 204580 (seed 000) as the register would keep it.
func diagnostician() register.StandardVersion {
	return register.StandardVersion{
		ID: 10912401, Version: 3, Name: "Mootorsõidukidiagnostik, tase 5", Group: "Mootorsõidukitehnikud",
		Types: []classifier.StandardType{classifier.OccupationalStandard}, EKR: classifier.MustLevel(5),
		InForce: law.Period{From: calendar.MustDate(2021, 3, 1), Until: calendar.MustDate(2026, 2, 28)},
		Field:   "Tehnika, tootmine ja ehitus", Occupation: "Mootorsõidukid",
		Specialisations: []register.Ref{{ID: 10912402, Name: "Sõiduautodiagnostik, tase 5"}, {ID: 10912403, Name: "Veoautodiagnostik, tase 5"}},
		Competences: []register.CompetenceSet{{For: []classifier.CertificateType{classifier.OccupationalCertificate},
			Competences: []register.Competence{{ID: 10912410, Name: "Mootorsõidukite kõrgepinge jõuseadmete diagnostika ja remont"},
				{ID: 10912411, Name: "Jõuülekannete diagnostika"}}}},
	}
}

// aau is the awarding body of certificate 204580 (seed 000); its registry code stands in.
func aau() register.AwardingBody {
	v := diagnostician()
	return register.AwardingBody{
		Code: "80000001", Name: "Autonoomse Arenduse Ühing", CertificateTypes: []classifier.CertificateType{classifier.OccupationalCertificate},
		MayHide: true,
		Awards: []register.Award{{Standard: v.ID, Name: v.Name, Types: v.Types, Specialisations: v.Specialisations,
			Competences: v.Competences}},
		Committees: []register.Committee{{Name: "Mootorsõidukidiagnostiku kutsekomisjon", Members: []register.Member{
			{ID: 11100001, Name: "Andres Ilves", Role: classifier.Chair}, {ID: 11100002, Name: "Kadri Lepp", Role: classifier.MemberRole}}}},
		ExamLanguages: []register.Ref{{ID: 1, Name: "eesti keel"}, {ID: 2, Name: "inglise keel"}},
	}
}

var header = xroad.Header{
	Client:  xroad.ClientID{Instance: "EE", Class: "NGO", Code: "80000001", Subsystem: "kutseandja"},
	Service: xroad.RegisterService("kutsetunnistuseLisamine"), ID: "4a1c0f6e2b7d4e1f", UserID: "EE38001085718",
}

// messages returns one of each message of the schema, by golden file name.
func messages(t *testing.T) map[string]any {
	t.Helper()
	c := sample.Certificate204580()
	v, b := diagnostician(), aau()
	add, err := xroad.NewAddRequest(&c, &v, &b, 11100001)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := xroad.FromCertificate(c)
	if err != nil {
		t.Fatal(err)
	}
	dup, err := xroad.NewDuplicateRequest(&c, duplicate.Lost, "Originaal läks kolimisel kaduma")
	if err != nil {
		t.Fatal(err)
	}
	one := 1
	changed := xroad.ChangedStandardOf(&v)
	info := xroad.BodyInfoResponseOf(&b)
	return map[string]any{
		"kutsetunnistus":                 &xroad.SearchRequest{Registrinumber: "204580", Kirjetearv: "30"},
		"kutsetunnistusVastus":           &xroad.Response{Kutsetunnistused: &xroad.Certificates{Kutsetunnistus: []xroad.Record{rec}}, Kirjeid: &one},
		"kutsetunnistuseLisamineParing":  &add,
		"kutsetunnistuseLisamineVastus":  &xroad.AddResponse{Outcome: xroad.Outcome{Vigadearv: "1", Vead: &xroad.Vead{Viga: []xroad.Viga{{Element: "isikukood", Teade: "Isik on juba selle kutse omanik"}}}}},
		"kutsetunnistuseDuplikaatParing": &dup,
		"kutsetunnistuseDuplikaatVastus": &xroad.DuplicateResponse{Outcome: xroad.Outcome{Vigadearv: "0"}},
		"muutunudKutsestandardidParing":  new(xroad.ChangedSince(time.Date(2026, 1, 31, 22, 0, 0, 0, time.UTC))),
		"muutunudKutsestandardidVastus":  &xroad.ChangedStandardsResponse{Kutsestandardid: &xroad.ChangedStandards{Kutsestandard: []xroad.ChangedStandard{changed}}},
		"kutseAndjaInfoParing":           &xroad.BodyInfoRequest{Asutus: "80000001"},
		"kutseAndjaInfoVastus":           &info,
	}
}

// fresh returns a new zero value of the type v points to.
func fresh(v any) any { return reflect.New(reflect.TypeOf(v).Elem()).Interface() }

// clearNames zeroes every XMLName field, which decoding fills and building leaves empty.
func clearNames(v any) {
	rv := reflect.ValueOf(v).Elem()
	if f := rv.FieldByName("XMLName"); f.IsValid() {
		f.Set(reflect.Zero(f.Type()))
	}
	if r, ok := v.(*xroad.Response); ok && r.Kutsetunnistused != nil {
		for i := range r.Kutsetunnistused.Kutsetunnistus {
			r.Kutsetunnistused.Kutsetunnistus[i].XMLName = xml.Name{}
		}
	}
}

// TestMessagesGolden writes each message of the register's X-Road schema in its SOAP envelope with the
// X-Road header, compares it with its golden file (testdata/<element>.golden, refreshed with -update)
// and reads it back to the same value.
func TestMessagesGolden(t *testing.T) {
	for name, msg := range messages(t) {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := xroad.EncodeEnvelope(&buf, header, msg); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("the envelope differs from %s (run with -update):\n%s", golden, buf.Bytes())
			}
			for _, ns := range []string{`xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"`, `xmlns:xrd="http://x-road.eu/xsd/xroad.xsd"`,
				`xmlns:id="http://x-road.eu/xsd/identifiers"`, `<` + name + ` xmlns="http://producers.kutseregister.xtee.riik.ee/producer/kutseregister">`,
				`<xrd:client id:objectType="SUBSYSTEM">`, `<xrd:protocolVersion>4.0</xrd:protocolVersion>`} {
				if !bytes.Contains(want, []byte(ns)) {
					t.Errorf("the envelope lacks %s", ns)
				}
			}
			back := fresh(msg)
			h, err := xroad.DecodeEnvelope(bytes.NewReader(want), back)
			if err != nil {
				t.Fatal(err)
			}
			clearNames(back)
			if !reflect.DeepEqual(back, msg) {
				t.Errorf("read back\n%+v\nwant\n%+v", back, msg)
			}
			wantH := header
			wantH.Client.ObjectType, wantH.Service.ObjectType, wantH.ProtocolVersion = "SUBSYSTEM", "SERVICE", "4.0"
			if h != wantH {
				t.Errorf("header = %+v\nwant %+v", h, wantH)
			}
		})
	}
}

// TestAddRequest_CERT01: certificate 204580 becomes the register's add request with the ids of its
// standard's specialisation and competence, the body's exam language and the committee's chair, and
// maps back to the certificate.
func TestAddRequest_CERT01(t *testing.T) {
	c := sample.Certificate204580()
	v, b := diagnostician(), aau()
	r, err := xroad.NewAddRequest(&c, &v, &b, 11100001)
	if err != nil {
		t.Fatal(err)
	}
	if r.Tyyp != "1" || r.Kutsestandard != "10912401" || r.Spetsialiseerumine != "10912402" || r.Kutseeksamikeel != "1" ||
		!reflect.DeepEqual(r.Kompetentsid, &xroad.IDs{Kompetents: []string{"10912410"}}) || r.Kehtivuselopp != "2030-01-08" || r.Allkirjastaja != "11100001" {
		t.Errorf("NewAddRequest = %+v", r)
	}
	back, err := r.Certificate(&v, &b)
	if err != nil {
		t.Fatal(err)
	}
	want := c
	want.IssuerCode = b.Code
	want.Number = ""
	if !reflect.DeepEqual(back, want) {
		t.Errorf("Certificate =\n%+v\nwant\n%+v", back, want)
	}

	bad := c
	bad.Holder.Code = isikukood.Code{}
	bad.Holder.BirthDate = calendar.MustDate(1995, 2, 2)
	bad.Specialisation, bad.Title = "Bussidiagnostik, tase 5", "Bussidiagnostik, tase 5"
	bad.Competences = []string{"Laevade remont"}
	bad.ExamLanguage = "soome keel"
	bad.Extra = map[string]string{xroad.KeyLisavali: "x"}
	bad.Kind = certificate.Partial
	_, err = xroad.NewAddRequest(&bad, &v, &b, 11100002)
	var es *invalid.Errors
	if !errors.As(err, &es) || !errors.Is(err, invalid.ErrInvalid) {
		t.Fatalf("NewAddRequest(bad) = %v", err)
	}
	for _, f := range []string{"Kind", "Holder.Code", "Specialisation", "Title", "Competences[0]", "ExamLanguage", "Extra[xroad:lisavali]", "signer"} {
		if es.Field(f) == nil {
			t.Errorf("NewAddRequest did not name %s:\n%v", f, err)
		}
	}
	basic := v
	basic.Basic = false
	noSpec := c
	noSpec.Specialisation, noSpec.Title = "", c.Standard
	if _, err := xroad.NewAddRequest(&noSpec, &basic, &b, 11100001); err == nil || !strings.Contains(err.Error(), "pohikutse") {
		t.Errorf("no specialisation under a standard without pohikutse: %v", err)
	}
	hidden := c
	hidden.Hidden = true
	b.MayHide = false
	if _, err := xroad.NewAddRequest(&hidden, &v, &b, 11100001); err == nil || !strings.Contains(err.Error(), "voibinfotpeita") {
		t.Errorf("hiding without voibinfotpeita: %v", err)
	}
}

// TestDuplicateRequest_CERT07: the grounds a duplicate is asked on become the schema's reason codes
// and back; a ground with no code is refused.
func TestDuplicateRequest_CERT07(t *testing.T) {
	c := sample.Certificate204580()
	for g, code := range map[duplicate.Ground]string{duplicate.Lost: "1", duplicate.Illegible: "2", duplicate.Error: "3"} {
		r, err := xroad.NewDuplicateRequest(&c, g, "")
		if err != nil || r.Pohjus != code || r.Registrinumber != "204580" || r.Tyyp != "1" {
			t.Errorf("%v: %+v, %v", g, r, err)
		}
		if back, err := r.Ground(); err != nil || back != g {
			t.Errorf("Ground() = %v, %v; want %v", back, err, g)
		}
	}
	if _, err := xroad.NewDuplicateRequest(&c, duplicate.NameChange, ""); !errors.Is(err, invalid.ErrInvalid) {
		t.Errorf("name change: %v", err)
	}
	if _, err := (&xroad.DuplicateRequest{Pohjus: "x"}).Ground(); err == nil {
		t.Error("reason x accepted")
	}
}

func TestChangedStandardsAndBodyInfo(t *testing.T) {
	v := diagnostician()
	cs := xroad.ChangedStandardOf(&v)
	got, err := cs.StandardVersion()
	if err != nil {
		t.Fatal(err)
	}
	want := v
	want.Types, want.Occupation, want.Competences = nil, "", nil // not in the message
	if !reflect.DeepEqual(got, want) {
		t.Errorf("StandardVersion =\n%+v\nwant\n%+v", got, want)
	}
	if _, err := (&xroad.ChangedStandardsResponse{Viga: "Vigane kuupäev"}).Versions(); err == nil || !strings.Contains(err.Error(), "Vigane kuupäev") {
		t.Errorf("viga: %v", err)
	}
	bad := cs
	bad.Ekrtase, bad.Kehtivusealgus, bad.ID = "9", "2021-02-30", "x"
	if _, err := bad.StandardVersion(); !errors.Is(err, invalid.ErrInvalid) || !strings.Contains(err.Error(), "ekrtase") {
		t.Errorf("bad changed standard: %v", err)
	}
	b := aau()
	info := xroad.BodyInfoResponseOf(&b)
	back, err := info.AwardingBody(b.Code)
	if err != nil {
		t.Fatal(err)
	}
	if err := back.Validate(); err != nil || !reflect.DeepEqual(back, b) {
		t.Errorf("AwardingBody = %+v, %v\nwant %+v", back, err, b)
	}
	refused := xroad.BodyInfoResponse{Vigadearv: "1", Vead: &xroad.Vead{Viga: []xroad.Viga{{Teade: "Asutust ei leitud"}}}}
	var re *xroad.RegisterError
	if _, err := refused.AwardingBody("1"); !errors.As(err, &re) || re.Count != 1 {
		t.Errorf("refused: %v", err)
	}
}

func TestSearchRequestValidate(t *testing.T) {
	if err := (&xroad.SearchRequest{Registrinumber: "204580"}).Validate(); err != nil {
		t.Error(err)
	}
	err := (&xroad.SearchRequest{Tyyp: "4", Ekrtase: "0", Kehtibkunilopp: "2030-13-01", Kirjetearv: "25"}).Validate()
	for _, f := range []string{"tyyp", "ekrtase", "kehtibkunilopp", "kirjetearv"} {
		if es, ok := err.(*invalid.Errors); !ok || es.Field(f) == nil {
			t.Errorf("Validate did not name %s: %v", f, err)
		}
	}
	if err := (&xroad.SearchRequest{Kirjetearv: "10"}).Validate(); err == nil {
		t.Error("a search without a criterion was accepted")
	}
}

func TestDecodeEnvelopeErrors(t *testing.T) {
	fault := `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault>
		<faultcode>Server.ServerProxy.ServiceFailed</faultcode><faultstring>Teenus ei vasta</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>`
	_, err := xroad.DecodeEnvelope(strings.NewReader(fault), &xroad.Response{})
	var f *xroad.Fault
	if !errors.As(err, &f) || f.Code != "Server.ServerProxy.ServiceFailed" || !errors.Is(err, xroad.ErrFault) {
		t.Errorf("fault: %v", err)
	}
	for _, in := range []string{"", "<a/>", "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"/>",
		`<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><kutseAndjaInfoVastus xmlns="http://producers.kutseregister.xtee.riik.ee/producer/kutseregister"/></SOAP-ENV:Body></SOAP-ENV:Envelope>`,
		`<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body></SOAP-ENV:Body></SOAP-ENV:Envelope>`} {
		if _, err := xroad.DecodeEnvelope(strings.NewReader(in), &xroad.Response{}); !errors.Is(err, xroad.ErrMessage) {
			t.Errorf("%q: %v; want ErrMessage", in, err)
		}
	}
	big := strings.Repeat(" ", xroad.MaxSize+1)
	if _, err := xroad.DecodeEnvelope(strings.NewReader(big), nil); !errors.Is(err, xroad.ErrTooLarge) {
		t.Errorf("big: %v", err)
	}
}

// FuzzDecodeEnvelope: reading any input as any message never panics, and what reads maps without a
// panic and writes back to what reads the same.
func FuzzDecodeEnvelope(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.golden")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	targets := []func() any{
		func() any { return &xroad.SearchRequest{} }, func() any { return &xroad.Response{} },
		func() any { return &xroad.AddRequest{} }, func() any { return &xroad.AddResponse{} },
		func() any { return &xroad.DuplicateRequest{} }, func() any { return &xroad.ChangedStandardsResponse{} },
		func() any { return &xroad.BodyInfoResponse{} },
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		for _, mk := range targets {
			msg := mk()
			h, err := xroad.DecodeEnvelope(bytes.NewReader(in), msg)
			if err != nil {
				continue
			}
			switch m := msg.(type) {
			case *xroad.BodyInfoResponse:
				m.AwardingBody("80000001")
			case *xroad.ChangedStandardsResponse:
				m.Versions()
			case *xroad.AddRequest:
				v, b := diagnostician(), aau()
				m.Certificate(&v, &b)
			case *xroad.SearchRequest:
				m.Validate()
			case *xroad.Response:
				if m.Kutsetunnistused != nil {
					for _, r := range m.Kutsetunnistused.Kutsetunnistus {
						xroad.ToCertificate(r)
					}
				}
			}
			var buf bytes.Buffer
			if err := xroad.EncodeEnvelope(&buf, h, msg); err != nil {
				continue // text XML cannot carry
			}
			again := mk()
			if _, err := xroad.DecodeEnvelope(&buf, again); err != nil {
				t.Fatalf("re-reading %T: %v\n%s", msg, err, buf.Bytes())
			}
			if !reflect.DeepEqual(normal(again), normal(msg)) {
				t.Fatalf("%T changed on a round trip:\n%+v\n%+v", msg, again, msg)
			}
		}
	})
}

// normal returns a message as XML text of its body alone, with white space at the edges of texts
// trimmed: what a round trip must keep.
func normal(v any) string {
	b, _ := xml.Marshal(v)
	return string(b)
}
