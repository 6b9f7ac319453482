package stamp

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base32"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/stamp/asice"
	"github.com/kutsekit/kutse/stamp/pdf"
	"github.com/kutsekit/kutse/store"
)

// Store is the storage the stamp service consumes: the certificates and the owner's requests.
type Store interface {
	// Certificate returns the certificate numbered no, or an error wrapping store.ErrNotFound.
	Certificate(ctx context.Context, no certificate.Number) (certificate.Certificate, error)
	request.Store
	// CreateRequests stores rs, each with its events (events[i] for rs[i]), in one commit and
	// returns them numbered in order; a token already used (also within rs) is an error wrapping
	// store.ErrExists, and then none of them is stored.
	CreateRequests(ctx context.Context, rs []request.Request, events [][]store.Event) ([]request.Request, error)
}

// Config configures a [Service].
type Config struct {
	// BaseURL is the host's public address under which certificates are checked, e.g.
	// "https://www.kutseregister.ee". Links are BaseURL/cert/<number> for a public certificate and
	// BaseURL/cert/t/<token> for a hidden one (see [VerifyURL]).
	BaseURL string
	// Key is the seal's private key, behind the host's signer (an HSM, a cloud KMS, a smart card):
	// the service only calls its Sign method.
	Key crypto.Signer
	// Chain is the seal's certificate first, then its issuers.
	Chain []*x509.Certificate
	// Profile is the XAdES profile: asice.ProfileB, ProfileT or ProfileLT (default LT when a
	// TimeStamper and an OCSP client are given, T with only a TimeStamper, else B).
	Profile asice.Profile
	// TimeStamper and OCSP are the host's clients of its time-stamping service and OCSP responder.
	TimeStamper asice.TimeStamper
	OCSP        asice.OCSPClient
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Rand is the source of the tokens of hidden certificates' links; nil means crypto/rand.
	Rand io.Reader
}

// Service makes digital stamps (digitempel, CERT-06) and reprints (CERT-05) for certificates' owners,
// records each stamp as the owner's "Digitempel" request with its outcome (CERT-10), and resolves
// the links of stamps of hidden certificates. It is safe for concurrent use.
type Service struct {
	st  Store
	cfg Config
}

// NewService returns a Service, or an error naming what in cfg is missing or wrong.
func NewService(st Store, cfg Config) (*Service, error) {
	if st == nil {
		return nil, &invalid.FieldError{Pkg: "stamp", Field: "store", Reason: "is required (NewService)"}
	}
	u, err := url.Parse(cfg.BaseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, &invalid.FieldError{Pkg: "stamp", Field: "Config.BaseURL", Value: cfg.BaseURL, Reason: "must be an absolute http(s) URL"}
	}
	cfg.BaseURL = strings.TrimSuffix(cfg.BaseURL, "/")
	if cfg.Key == nil || len(cfg.Chain) == 0 {
		return nil, &invalid.FieldError{Pkg: "stamp", Field: "Config.Key", Reason: "and Config.Chain are required: the seal"}
	}
	if cfg.Profile == 0 {
		switch {
		case cfg.TimeStamper != nil && cfg.OCSP != nil:
			cfg.Profile = asice.ProfileLT
		case cfg.TimeStamper != nil:
			cfg.Profile = asice.ProfileT
		default:
			cfg.Profile = asice.ProfileB
		}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Rand == nil {
		cfg.Rand = rand.Reader
	}
	return &Service{st: st, cfg: cfg}, nil
}

// The names of the files in a stamp (seed 000: "konteineris 3 faili").
const (
	TunnistusName     = "Tunnistus.pdf"
	CertificateName   = "Certificate.pdf"
	DeklaratsioonName = "Deklaratsioon.pdf"
)

// VerifyURL returns the link printed on a stamp's documents and in their QR codes: base/cert/<number>
// for a public certificate (seed 000: …/cert/204580), and base/cert/t/<token> for a hidden one, so
// that sharing a stamp does not publish a hidden certificate under its number (CERT-04).
func VerifyURL(base string, c *certificate.Certificate, token string) string {
	base = strings.TrimSuffix(base, "/")
	if c.Hidden {
		return base + "/cert/t/" + url.PathEscape(token)
	}
	return base + "/cert/" + url.PathEscape(string(c.Number))
}

// Result is a digital stamp: the sealed container, its files and what was recorded.
type Result struct {
	Name      string          // the container's file name, "<number>.asice"
	Container []byte          // the ASiC-E container
	Files     []asice.File    // Tunnistus.pdf, Certificate.pdf, Deklaratsioon.pdf
	Digest    string          // SHA-256 of the container, hex, kept for audit
	URL       string          // the verification link in the documents
	Request   request.Request // the owner's "Digitempel" request, recorded with its outcome
}

// EventStamped and EventRefused are the events the service raises to the owner (the recipient is
// the holder's personal code); their subject is the number of the owner's request (CERT-10).
const (
	EventStamped = "stamp.issued"
	EventRefused = "stamp.refused"
)

var reg74 = law.Citation{Act: "Kutsetunnistuse statuut ja vorm (HTM määrus nr 74)", RT: "RTL 2009, 2, 32"}

// Stamp makes the digital stamp of certificate no for its owner (or the registrar) on today's date
// (CERT-06): Tunnistus.pdf (the register entry in Estonian with a QR code), Certificate.pdf (in
// English, GEN-05) and Deklaratsioon.pdf (the bilingual declaration that the certificate is authentic
// and valid on the stamp's date), sealed into one ASiC-E container with the register keeper's e-seal.
//
// A stamp is made only for a certificate valid on the stamp's date (CERT-06, 000: "digitempel
// kehtivale kutsetunnistusele"); for any other the refusal is recorded and a *certificate.RuleError
// wrapping certificate.ErrNotValid is returned. Either way the outcome is recorded as the owner's
// "Digitempel" request (CERT-10) with an event to the owner, in one commit; a made stamp records the
// container's SHA-256 for audit. A failure of the seal itself (the signer, the time-stamping service)
// records nothing and returns the error, so the owner can try again.
func (s *Service) Stamp(ctx context.Context, a actor.Actor, no certificate.Number) (Result, error) {
	c, err := s.owned(ctx, a, no, "order a digital stamp")
	if err != nil {
		return Result{}, err
	}
	now := s.cfg.Now().Truncate(time.Microsecond)
	today := calendar.DateOf(now)
	req := request.Request{Kind: request.DigitalStamp, Certificate: c.Number, Holder: c.Holder.Code,
		Date: today, At: now}
	if reason, err := notValid(&c, today); err != nil {
		req.Status, req.Reason = request.Refused, reason
		ev := s.event(EventRefused, &c, now, req.Reason)
		ev.Data["status"], ev.Data["on"] = c.StatusOn(today).String(), today.String() // for the notice in English
		if _, err := s.st.CreateRequest(ctx, req, []store.Event{ev}); err != nil {
			return Result{}, err
		}
		return Result{}, err
	}
	if c.Hidden {
		if req.Token, err = s.token(); err != nil {
			return Result{}, err
		}
	}
	j := &job{c: c, req: req}
	if err := s.seal(ctx, j); err != nil {
		return Result{}, err
	}
	if j.res.Request, err = s.st.CreateRequest(ctx, j.req, j.events); err != nil {
		return Result{}, err
	}
	return j.res, nil
}

// notValid returns, for a certificate not valid on day, the reason a refusal records and the CERT-06
// error: a stamp is made only for a certificate valid on its date (000: "digitempel kehtivale
// kutsetunnistusele"). It returns "", nil for a valid one.
func notValid(c *certificate.Certificate, day calendar.Date) (string, error) {
	st, why := c.ExplainStatus(day)
	if st == certificate.Valid {
		return "", nil
	}
	return "tunnistus ei ole " + day.Register() + " kehtiv (" + st.Name(law.Estonian) + ")",
		&certificate.RuleError{Pkg: "certificate", Rule: "CERT-06", Citation: reg74.At("1", "3", "").String() + "; " + why.Render(law.Estonian),
			Op: "digital stamp of " + string(c.Number), Err: certificate.ErrNotValid}
}

// job is one stamp being made: the certificate, the owner's request to record, and once sealed the
// result and the events to record with the request.
type job struct {
	c      certificate.Certificate
	req    request.Request // Date and At are the stamp's day and instant
	res    Result
	events []store.Event
}

// seal renders and seals the stamp of j.c (CERT-06) and fills in j's result and request. It reads
// and writes nothing else, so jobs are sealed in parallel.
func (s *Service) seal(ctx context.Context, j *job) error {
	c, now := &j.c, j.req.At
	link := VerifyURL(s.cfg.BaseURL, c, j.req.Token)
	files, err := Documents(*c, j.req.Date, now, link)
	if err != nil {
		return err
	}
	box, err := asice.Create(ctx, files, asice.Seal{Key: s.cfg.Key, Chain: s.cfg.Chain, Time: now},
		&asice.Options{Profile: s.cfg.Profile, TimeStamper: s.cfg.TimeStamper, OCSP: s.cfg.OCSP})
	if err != nil {
		return fmt.Errorf("stamp: seal %s: %w", c.Number, err)
	}
	sum := sha256.Sum256(box)
	digest := hex.EncodeToString(sum[:])
	j.req.Status = request.Done
	j.req.Data = map[string]string{"sha256": digest, "url": link, "seal": s.cfg.Chain[0].Subject.String(), "file": string(c.Number) + ".asice"}
	j.events = []store.Event{s.event(EventStamped, c, now, digest)}
	j.res = Result{Name: string(c.Number) + ".asice", Container: box, Files: files, Digest: digest, URL: link}
	return nil
}

// Documents renders the three files of a stamp of c made on day on at instant generated, with the
// verification link link (CERT-06, GEN-05).
func Documents(c certificate.Certificate, on calendar.Date, generated time.Time, link string) ([]asice.File, error) {
	d, err := pdf.Documents(c, on, generated, link)
	if err != nil {
		return nil, fmt.Errorf("stamp: documents of %s: %w", c.Number, err)
	}
	return []asice.File{
		{Name: TunnistusName, MediaType: pdf.MediaType, Data: d.Tunnistus},
		{Name: CertificateName, MediaType: pdf.MediaType, Data: d.Certificate},
		{Name: DeklaratsioonName, MediaType: pdf.MediaType, Data: d.Deklaratsioon},
	}, nil
}

// Reprint returns the certificate's register entry as Tunnistus.pdf, for its owner (or the
// registrar), at any time: CERT-05 (the PDF says when it was generated and links to the check of
// the certificate's validity). Unlike a stamp it is not sealed and needs no valid certificate.
//
// For a hidden certificate the link is the owner's own page, BaseURL/minu/cert/<number>, which asks
// for a login: a public check would publish the certificate the owner hid (CERT-04). A stamp, which
// the owner makes to share, gets a token link instead (see [VerifyURL]).
func (s *Service) Reprint(ctx context.Context, a actor.Actor, no certificate.Number) ([]byte, error) {
	c, err := s.owned(ctx, a, no, "reprint")
	if err != nil {
		return nil, err
	}
	link := VerifyURL(s.cfg.BaseURL, &c, "")
	if c.Hidden {
		link = s.cfg.BaseURL + "/minu/cert/" + url.PathEscape(string(c.Number))
	}
	return pdf.Tunnistus(c, s.cfg.Now(), link)
}

// Resolve returns what the link of a stamp of a hidden certificate shows: the public view of the
// certificate on today's date, with its status, for the token in the link. The owner shared the
// stamp, so the view is shown although the certificate is hidden from searches. An unknown token
// is an error wrapping store.ErrNotFound.
func (s *Service) Resolve(ctx context.Context, token string) (certificate.PublicView, error) {
	r, err := s.st.RequestByToken(ctx, token)
	if err != nil {
		return certificate.PublicView{}, err
	}
	c, err := s.st.Certificate(ctx, r.Certificate)
	if err != nil {
		return certificate.PublicView{}, err
	}
	// The owner shared it: the view is shown whatever the public may find, with the public view's
	// rules for personal data (no code, no birth date, the name only while valid).
	return c.ViewOn(calendar.DateOf(s.cfg.Now())), nil
}

// owned reads the certificate and checks that a is its owner or the registrar.
func (s *Service) owned(ctx context.Context, a actor.Actor, no certificate.Number, op string) (certificate.Certificate, error) {
	if err := a.Validate(); err != nil {
		return certificate.Certificate{}, err
	}
	if a.Role != actor.Owner && a.Role != actor.Registrar {
		return certificate.Certificate{}, actor.Deny(a, op+" "+string(no), "only the certificate's owner may")
	}
	c, err := s.st.Certificate(ctx, no)
	if err != nil {
		return certificate.Certificate{}, err
	}
	if a.Role == actor.Owner && !a.Is(c.Holder.Code) {
		return certificate.Certificate{}, actor.Deny(a, op+" "+string(no), "only the certificate's owner may")
	}
	return c, nil
}

func (s *Service) token() (string, error) {
	b := make([]byte, 20) // 160 bits
	if _, err := io.ReadFull(s.cfg.Rand, b); err != nil {
		return "", fmt.Errorf("stamp: token: %w", err)
	}
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b)), nil
}

func (s *Service) event(kind string, c *certificate.Certificate, at time.Time, note string) store.Event {
	return store.Event{Kind: kind, Subject: "", Recipient: c.Holder.Code.String(), At: at,
		Data: map[string]string{"certificate": string(c.Number), "note": note}}
}
