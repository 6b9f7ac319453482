package kutse_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/certificate/web"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/exam/proficiency"
	"github.com/kutsekit/kutse/exam/stateexam"
	"github.com/kutsekit/kutse/exam/vocational"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/store/memstore"
)

// TestNewService_MissingCertificates proves that every service built on the certificate registry
// refuses a Config without one with bad-input's error (errors.Is(err, invalid.ErrInvalid)), a
// *invalid.FieldError whose field, and message, name Config.Certificates, where the host sets it.
func TestNewService_MissingCertificates(t *testing.T) {
	st := memstore.New()
	tests := []struct {
		name string
		err  func() error
	}{
		{"application.NewService", func() error {
			_, err := application.NewService(st, application.Config{Register: sample.Register()})
			return err
		}},
		{"vocational.NewService", func() error {
			_, err := vocational.NewService(st, vocational.Config{Register: st, Curricula: &vocational.StaticCurricula{}})
			return err
		}},
		{"proficiency.NewService", func() error { _, err := proficiency.NewService(st, proficiency.Config{}); return err }},
		{"stateexam.NewService", func() error { _, err := stateexam.NewService(stateexam.Config{}); return err }},
		{"web.New", func() error { _, err := web.New(web.Config{}); return err }},
	}
	for _, tt := range tests {
		err := tt.err()
		fe, ok := errors.AsType[*invalid.FieldError](err)
		switch {
		case !errors.Is(err, invalid.ErrInvalid):
			t.Errorf("%s without Config.Certificates = %v; want an error wrapping invalid.ErrInvalid", tt.name, err)
		case !ok || fe.Field != "Config.Certificates" || !strings.Contains(err.Error(), "Config.Certificates"):
			t.Errorf("%s without Config.Certificates = %v (%T); want a *invalid.FieldError naming Config.Certificates", tt.name, err, err)
		}
	}
}

// TestNewService_MissingStore proves that every constructor refuses a nil store, or a nil Config
// field it needs, with bad input's error: a *invalid.FieldError of its package naming the field.
func TestNewService_MissingStore(t *testing.T) {
	st := memstore.New()
	cat, err := certificate.NewRegistry(st, certificate.Config{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, pkg, field string
		err              func() error
	}{
		{"application.NewService", "application", "store", func() error {
			_, err := application.NewService(nil, application.Config{Register: sample.Register(), Certificates: cat})
			return err
		}},
		{"vocational.NewService", "vocational", "store", func() error {
			_, err := vocational.NewService(nil, vocational.Config{Certificates: cat, Register: st, Curricula: &vocational.StaticCurricula{}})
			return err
		}},
		{"register.NewCatalogue", "register", "store", func() error { _, err := register.NewCatalogue(nil, register.Config{}); return err }},
		{"request.NewService", "request", "store", func() error { _, err := request.NewService(nil, request.Config{}); return err }},
		{"application.NewService", "application", "Config.Register", func() error {
			_, err := application.NewService(st, application.Config{Certificates: cat})
			return err
		}},
		{"vocational.NewService", "vocational", "Config.Register", func() error {
			_, err := vocational.NewService(st, vocational.Config{Certificates: cat, Curricula: &vocational.StaticCurricula{}})
			return err
		}},
		{"vocational.NewService", "vocational", "Config.Curricula", func() error {
			_, err := vocational.NewService(st, vocational.Config{Certificates: cat, Register: st})
			return err
		}},
	}
	for _, tt := range tests {
		err := tt.err()
		fe, ok := errors.AsType[*invalid.FieldError](err)
		switch {
		case !errors.Is(err, invalid.ErrInvalid):
			t.Errorf("%s(no %s) = %v; want an error wrapping invalid.ErrInvalid", tt.name, tt.field, err)
		case !ok || fe.Pkg != tt.pkg || fe.Field != tt.field || !strings.HasPrefix(err.Error(), tt.pkg+": "+tt.field+" is required"):
			t.Errorf("%s(no %s) = %v (%T); want a *invalid.FieldError of %s naming %s", tt.name, tt.field, err, err, tt.pkg, tt.field)
		}
	}
}
