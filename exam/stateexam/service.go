package stateexam

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
)

// ExtraKey is the key of certificate.Certificate.Extra under which a state-exam certificate's
// subjects and explanation are stored, as JSON.
const ExtraKey = "stateexam"

// Title is the register title of a state-exam certificate.
const Title = "Riigieksamitunnistus"

// extra is what ExtraKey holds: the content the certificate record has no field for.
type extra struct {
	Subjects    []Subject
	Explanation Bilingual
}

// Record returns c as a certificate record of kind certificate.StateExam (valid for life, SCH-02),
// its subjects and explanation in Extra[ExtraKey].
func (c *Certificate) Record() (certificate.Certificate, error) {
	b, err := json.Marshal(extra{Subjects: c.Subjects, Explanation: c.Explanation})
	if err != nil {
		return certificate.Certificate{}, err
	}
	return certificate.Certificate{
		Number: c.Number, Kind: certificate.StateExam, Holder: c.Holder, Title: Title,
		Issuer: c.Issuer, IssuerCode: c.IssuerCode, IssuedOn: c.IssuedOn, ValidFrom: c.IssuedOn,
		Extra: map[string]string{ExtraKey: string(b)},
	}, nil
}

// FromRecord returns the content of a state-exam certificate record made by [Certificate.Record]. A
// record of another kind, or one whose content does not decode, is an error wrapping
// invalid.ErrInvalid.
func FromRecord(r certificate.Certificate) (Certificate, error) {
	if r.Kind != certificate.StateExam {
		return Certificate{}, &certificate.FieldError{Field: "Kind", Value: r.Kind.String(), Reason: "is not a state-exam certificate"}
	}
	var x extra
	if err := json.Unmarshal([]byte(r.Extra[ExtraKey]), &x); err != nil {
		return Certificate{}, fmt.Errorf("stateexam: certificate %s: Extra[%q]: %w: %w", r.Number, ExtraKey, invalid.ErrInvalid, err)
	}
	return Certificate{Number: r.Number, Holder: r.Holder, Subjects: x.Subjects, Explanation: x.Explanation,
		IssuedOn: r.IssuedOn, Issuer: r.Issuer, IssuerCode: r.IssuerCode}, nil
}

// Config configures a [Service]. It is passed by value; its zero value but for Certificates gives
// the defaults.
type Config struct {
	// Certificates is the certificate register the certificates are issued in and read from: the
	// host's certificate.Registry, whose clock the service reads ([certificate.Registry.Now]).
	// Required.
	Certificates *certificate.Registry
	// Thresholds are the English level thresholds; nil means [DefaultThresholds]().
	Thresholds law.Versions[Thresholds]
	// Content is the versions of the certificate's content (§ 14 (2) 3²), (3)–(6)); nil means
	// [DefaultContent](), in force 02.05.2014–30.04.2015.
	Content law.Versions[Content]
}

// Service issues and reads state-exam certificates in the certificate register. It keeps no records
// of its own: a state-exam certificate is a certificate of kind certificate.StateExam whose content
// is in Extra. The register checks who acts (the issuing exam centre, or the registrar, issues; the
// holder, the issuer and the registrar read) and keeps the clock. A Service is safe for concurrent
// use.
type Service struct {
	certs *certificate.Registry
	rules Rules
}

// NewService returns a Service on the certificate register cfg.Certificates. A nil Certificates is
// an error wrapping invalid.ErrInvalid.
func NewService(cfg Config) (*Service, error) {
	if cfg.Certificates == nil {
		return nil, &certificate.FieldError{Pkg: "stateexam", Field: "Config.Certificates", Reason: "is required: the certificate registry (NewService)"}
	}
	s := &Service{certs: cfg.Certificates, rules: Rules{Content: DefaultContent(), Thresholds: DefaultThresholds()}}
	if cfg.Thresholds != nil {
		s.rules.Thresholds = cfg.Thresholds
	}
	if cfg.Content != nil {
		s.rules.Content = cfg.Content
	}
	if err := s.rules.Thresholds.Check(); err != nil {
		return nil, err
	}
	if err := s.rules.Content.Check(); err != nil {
		return nil, err
	}
	return s, nil
}

// Complete fills in what follows from c: the English levels not given (from the thresholds), and
// the issue date when zero (today, from the register's clock). It returns the explanation of each
// level.
func (s *Service) Complete(c *Certificate) (law.Explanation, error) {
	var e law.Explanation
	if c.IssuedOn.IsZero() {
		c.IssuedOn = s.certs.Today()
	}
	for i := range c.Subjects {
		sub := &c.Subjects[i]
		if sub.Kind != English || sub.Level != 0 || !sub.Date.IsValid() {
			continue
		}
		l, le, err := EnglishLevel(s.rules.Thresholds, sub.Date, sub.Skills)
		if err != nil {
			return e, err
		}
		sub.Level = l
		e.Append(le)
	}
	if v, err := s.rules.ContentAt(c.IssuedOn); err == nil {
		vv113.Mark(&e, vv113.Version{Name: v.Name})
	}
	return e, nil
}

// Issue completes and validates c (SCH-10) and issues it in the register, with the notice to the
// holder, and returns it as issued (its number allocated when empty). key, when not empty, makes a
// retry return the certificate first issued. Only the exam centre that issues it (c.IssuerCode) or
// the registrar may.
func (s *Service) Issue(ctx context.Context, a actor.Actor, c Certificate, key string) (Certificate, law.Explanation, error) {
	c = c.Clone()
	e, err := s.Complete(&c)
	if err != nil {
		return Certificate{}, e, err
	}
	if err := c.Validate(&s.rules); err != nil {
		return Certificate{}, e, err
	}
	rec, err := c.Record()
	if err != nil {
		return Certificate{}, e, err
	}
	out, err := s.certs.Issue(ctx, a, certificate.IssueRequest{Certificate: rec, IdempotencyKey: key})
	if err != nil {
		return Certificate{}, e, err
	}
	got, err := FromRecord(out)
	return got, e, err
}

// Get returns the state-exam certificate numbered no, for its holder, its issuer or the registrar.
func (s *Service) Get(ctx context.Context, a actor.Actor, no certificate.Number) (Certificate, error) {
	r, err := s.certs.Get(ctx, a, no)
	if err != nil {
		return Certificate{}, err
	}
	return FromRecord(r)
}

// Thresholds returns the English level thresholds the service applies.
func (s *Service) Thresholds() law.Versions[Thresholds] { return s.rules.Thresholds }
