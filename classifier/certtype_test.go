package classifier_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/law"
)

// CERT-03, CERT-01: the certificate types of the X-Road schema's tunnistuseTyypType.
func TestCERT03CertificateTypes(t *testing.T) {
	tests := []struct {
		code string
		want classifier.CertificateType
		et   string
		en   string
	}{
		{"1", classifier.OccupationalCertificate, "Kutsetunnistus", "Occupational qualification certificate"},
		{"2", classifier.PartialCertificate, "Osakutsetunnistus", "Partial occupational qualification certificate"},
		{"3", classifier.InitialQualification, "Esmane kutse", "Initial occupational qualification"},
	}
	if got := classifier.CertificateTypes(); len(got) != len(tests) {
		t.Fatalf("CertificateTypes() = %v; want %d types", got, len(tests))
	}
	for i, tt := range tests {
		got, err := classifier.ParseCertificateType(tt.code)
		if err != nil || got != tt.want {
			t.Errorf("ParseCertificateType(%q) = %v, %v; want %v", tt.code, got, err, tt.want)
		}
		if c := tt.want.Code(); c != tt.code {
			t.Errorf("%v.Code() = %q; want %q", tt.want, c, tt.code)
		}
		if n := tt.want.Name(law.Estonian); n != tt.et {
			t.Errorf("%v.Name(Estonian) = %q; want %q", tt.want, n, tt.et)
		}
		if n := tt.want.Name(law.English); n != tt.en {
			t.Errorf("%v.Name(English) = %q; want %q", tt.want, n, tt.en)
		}
		if s := tt.want.String(); s != tt.et {
			t.Errorf("%v.String() = %q; want %q", tt.want, s, tt.et)
		}
		if !tt.want.IsValid() || tt.want.IsZero() {
			t.Errorf("%v: IsValid %v, IsZero %v; want true, false", tt.want, tt.want.IsValid(), tt.want.IsZero())
		}
		if classifier.CertificateTypes()[i] != tt.want {
			t.Errorf("CertificateTypes()[%d] = %v; want %v", i, classifier.CertificateTypes()[i], tt.want)
		}
	}
}

func TestCERT03ParseCertificateTypeRefused(t *testing.T) {
	tests := []struct {
		in   string
		want error
	}{
		{"0", classifier.ErrRange},
		{"4", classifier.ErrRange},
		{"01", classifier.ErrSyntax},
		{"10", classifier.ErrRange},
		{"", classifier.ErrSyntax},
		{"kutsetunnistus", classifier.ErrSyntax},
		{"-1", classifier.ErrSyntax},
		{"1.0", classifier.ErrSyntax},
	}
	for _, tt := range tests {
		got, err := classifier.ParseCertificateType(tt.in)
		if !errors.Is(err, tt.want) || got != 0 {
			t.Errorf("ParseCertificateType(%q) = %v, %v; want an error wrapping %v", tt.in, got, err, tt.want)
		}
		if fe, ok := errors.AsType[*classifier.FieldError](err); !ok || fe.Field != "certificate type" || fe.Input != tt.in {
			t.Errorf("ParseCertificateType(%q) error = %#v; want a *FieldError for the certificate type", tt.in, err)
		}
	}
}

// The register's older record (kutsetunnistusV2Type) carries the type as free text in varying case.
func TestCERT03ParseCertificateTypeName(t *testing.T) {
	tests := []struct {
		in   string
		want classifier.CertificateType
	}{
		{"kutsetunnistus", classifier.OccupationalCertificate},
		{"Kutsetunnistus", classifier.OccupationalCertificate},
		{" KUTSETUNNISTUS ", classifier.OccupationalCertificate},
		{"osakutsetunnistus", classifier.PartialCertificate},
		{"Esmane kutse", classifier.InitialQualification},
		{"esmane  kutse", classifier.InitialQualification},
	}
	for _, tt := range tests {
		got, err := classifier.ParseCertificateTypeName(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseCertificateTypeName(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "1", "Kutsetunnistused", "tunnistus", "Occupational qualification certificate"} {
		if got, err := classifier.ParseCertificateTypeName(in); !errors.Is(err, classifier.ErrSyntax) {
			t.Errorf("ParseCertificateTypeName(%q) = %v, %v; want an error wrapping ErrSyntax", in, got, err)
		}
	}
}

func TestCERT03CertificateTypeNotValid(t *testing.T) {
	var zero classifier.CertificateType
	if zero.IsValid() || !zero.IsZero() || zero.String() != "" || zero.Code() != "" || zero.Name(law.English) != "" {
		t.Errorf("zero CertificateType: IsValid %v, IsZero %v, String %q, Code %q", zero.IsValid(), zero.IsZero(), zero, zero.Code())
	}
	bad := classifier.CertificateType(9)
	if bad.IsValid() || bad.String() != "CertificateType(9)" || bad.Code() != "" || bad.Name(law.Estonian) != "" {
		t.Errorf("CertificateType(9): IsValid %v, String %q, Code %q", bad.IsValid(), bad.String(), bad.Code())
	}
	if _, err := bad.MarshalText(); !errors.Is(err, classifier.ErrRange) {
		t.Errorf("CertificateType(9).MarshalText() error = %v; want ErrRange", err)
	}
}

func TestCERT03CertificateTypeText(t *testing.T) {
	in := struct {
		Type  classifier.CertificateType `json:"tyyp"`
		Unset classifier.CertificateType `json:"unset"`
	}{Type: classifier.PartialCertificate}
	b, err := json.Marshal(in)
	if err != nil || string(b) != `{"tyyp":"2","unset":""}` {
		t.Fatalf("json.Marshal = %s, %v; want {\"tyyp\":\"2\",\"unset\":\"\"}", b, err)
	}
	out := in
	out.Type, out.Unset = 0, classifier.InitialQualification
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Errorf("json round trip = %+v, %v; want %+v", out, err, in)
	}
	ct := classifier.OccupationalCertificate
	if err := ct.UnmarshalText([]byte("7")); !errors.Is(err, classifier.ErrRange) || ct != classifier.OccupationalCertificate {
		t.Errorf("UnmarshalText(7) = %v, type now %v; want ErrRange and the type unchanged", err, ct)
	}
}

// FuzzParseCertificateType: never panics; what it accepts is valid and round-trips through Code.
func FuzzParseCertificateType(f *testing.F) {
	for _, s := range []string{"1", "2", "3", "0", "4", " 1 ", "", "x", "11"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ct, err := classifier.ParseCertificateType(s)
		if err != nil {
			if ct != 0 || !(errors.Is(err, classifier.ErrSyntax) || errors.Is(err, classifier.ErrRange)) {
				t.Fatalf("ParseCertificateType(%q) = %v, %v; want 0 and ErrSyntax or ErrRange", s, ct, err)
			}
			return
		}
		if !ct.IsValid() {
			t.Fatalf("ParseCertificateType(%q) = %v; not valid", s, ct)
		}
		if back, err := classifier.ParseCertificateType(ct.Code()); err != nil || back != ct {
			t.Fatalf("ParseCertificateType(%q) round trip = %v, %v; want %v", ct.Code(), back, err, ct)
		}
		if back, err := classifier.ParseCertificateTypeName(ct.Name(law.Estonian)); err != nil || back != ct {
			t.Fatalf("ParseCertificateTypeName(%q) = %v, %v; want %v", ct.Name(law.Estonian), back, err, ct)
		}
	})
}
