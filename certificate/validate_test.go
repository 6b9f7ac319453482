package certificate_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/isikukood"
)

// TestValidate_CERT01 proves CERT-01: the sample certificate 204580 is valid data, and each missing
// or wrong field is reported by name.
func TestValidate_CERT01(t *testing.T) {
	c := cert204580()
	if err := c.Validate(); err != nil {
		t.Fatalf("Validate(204580) = %v; want nil", err)
	}
	tests := []struct {
		name  string
		edit  func(*certificate.Certificate)
		field string
	}{
		{"no kind", func(c *certificate.Certificate) { c.Kind = 0 }, "Kind"},
		{"no name", func(c *certificate.Certificate) { c.Holder.Name = "" }, "Holder.Name"},
		{"no code nor birth date (GEN-01)", func(c *certificate.Certificate) { c.Holder.Code = isikukood.Code{} }, "Holder.Code"},
		{"birth date disagrees with code", func(c *certificate.Certificate) { c.Holder.BirthDate = d("1995-02-03") }, "Holder.BirthDate"},
		{"no issuer", func(c *certificate.Certificate) { c.Issuer = "" }, "Issuer"},
		{"no issuer code", func(c *certificate.Certificate) { c.IssuerCode = "" }, "IssuerCode"},
		{"no issue date", func(c *certificate.Certificate) { c.IssuedOn = calendar.Date{} }, "IssuedOn"},
		{"impossible date", func(c *certificate.Certificate) { c.ValidFrom = calendar.Date{Year: 2025, Month: 2, Day: 30} }, "ValidFrom"},
		{"ends before it starts", func(c *certificate.Certificate) { c.ValidUntil = d("2024-01-01") }, "ValidUntil"},
		{"EKR and EQF differ (CERT-03)", func(c *certificate.Certificate) { c.EQF = classifier.MustLevel(6) }, "EQF"},
		{"competence twice", func(c *certificate.Certificate) { c.Competences = append(c.Competences, c.Competences[0]) }, "Competences[1]"},
		{"empty competence", func(c *certificate.Certificate) { c.Competences = []string{""} }, "Competences[0]"},
		{"title too long", func(c *certificate.Certificate) { c.Title = strings.Repeat("x", 301) }, "Title"},
		{"bad number", func(c *certificate.Certificate) { c.Number = "20-4580" }, "Number"},
	}
	for _, tt := range tests {
		c := cert204580()
		tt.edit(&c)
		err := c.Validate()
		var ve *certificate.ValidationError
		if !errors.As(err, &ve) || ve.Field(tt.field) == nil {
			t.Errorf("%s: Validate() = %v; want an error on field %s", tt.name, err, tt.field)
			continue
		}
		if !errors.Is(err, certificate.ErrInvalid) {
			t.Errorf("%s: error does not wrap ErrInvalid", tt.name)
		}
	}
}

// TestValidate_SCH02 proves that school documents, valid for life (SCH-02), carry no end date.
func TestValidate_SCH02(t *testing.T) {
	c := certificate.Certificate{
		Number: "G123456", Kind: certificate.Gymnasium, Holder: cert204580().Holder,
		Issuer: "Tallinna Reaalkool", IssuerCode: "75016705", IssuedOn: d("2014-06-13"), ValidFrom: d("2014-06-13"),
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("Validate(gymnasium certificate) = %v", err)
	}
	c.ValidUntil = d("2020-01-01")
	var ve *certificate.ValidationError
	if err := c.Validate(); !errors.As(err, &ve) || ve.Field("ValidUntil") == nil {
		t.Errorf("Validate(school document with an end date) = %v; want ValidUntil refused", err)
	}
}
