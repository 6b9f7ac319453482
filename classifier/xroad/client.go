package xroad

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/classifier/register"
)

// Client calls the register's X-Road services through the host's security server: it posts each
// request as a SOAP envelope (document/literal, [EncodeEnvelope]) to URL and reads the answer with
// [DecodeEnvelope]. The zero value is not usable: set URL and Member. A Client is safe for
// concurrent use.
type Client struct {
	// URL is the security server's address for the host's information system, e.g.
	// "https://turvaserver.example.ee/cgi-bin/consumer_proxy".
	URL string
	// Member is the host's X-Road member or subsystem, the client of every call.
	Member ClientID
	// HTTP is the HTTP client; nil means http.DefaultClient. Its transport carries the TLS
	// configuration the security server requires.
	HTTP *http.Client
	// Timeout bounds a call whose context has no deadline; 0 means 30 seconds.
	Timeout time.Duration
	// MaxResponse is the most bytes of an answer read; 0 means MaxSize (8 MiB). A longer answer
	// is refused with ErrTooLarge.
	MaxResponse int64
	// Service returns the identifier of the register's service with the given code; nil means
	// RegisterService.
	Service func(code string) ServiceID
	// NewID returns a message id; nil means 16 random bytes in hex.
	NewID func() string
}

// HTTPError reports an answer with an HTTP status other than 200 that is not a SOAP fault.
type HTTPError struct {
	Status int
	Body   string // the start of the answer, at most 512 bytes
}

// Error implements error.
func (e *HTTPError) Error() string {
	return "xroad: HTTP " + strconv.Itoa(e.Status) + " " + http.StatusText(e.Status) + ": " + e.Body
}

// userID returns the X-Road userId of the person acting: "EE" and the personal code.
func userID(a actor.Actor) string {
	if a.Person.IsZero() {
		return ""
	}
	return "EE" + a.Person.String()
}

// Call sends req to the register's service code on behalf of actor a (its personal code, if any, is
// the header's userId) and decodes the answer's body into resp. The context's deadline (or Timeout)
// bounds the whole call. A SOAP fault is returned as a *[Fault]; an answer whose header does not echo
// the request's id, or that is not a message, as an error wrapping [ErrMessage]; an HTTP status
// other than 200 without a fault as an *[HTTPError]; a longer answer than MaxResponse as
// [ErrTooLarge]. It returns the answer's header.
func (c *Client) Call(ctx context.Context, a actor.Actor, code string, req, resp any) (Header, error) {
	if c.URL == "" {
		return Header{}, errors.New("xroad: Client.URL is not set")
	}
	if err := a.Validate(); err != nil {
		return Header{}, err
	}
	if _, ok := ctx.Deadline(); !ok {
		t := c.Timeout
		if t <= 0 {
			t = 30 * time.Second
		}
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t)
		defer cancel()
	}
	svc := RegisterService
	if c.Service != nil {
		svc = c.Service
	}
	id := ""
	if c.NewID != nil {
		id = c.NewID()
	} else {
		b := make([]byte, 16)
		rand.Read(b)
		id = hex.EncodeToString(b)
	}
	h := Header{Client: c.Member, Service: svc(code), ID: id, UserID: userID(a), ProtocolVersion: ProtocolVersion}
	var body bytes.Buffer
	if err := EncodeEnvelope(&body, h, req); err != nil {
		return Header{}, err
	}
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, c.URL, &body)
	if err != nil {
		return Header{}, fmt.Errorf("xroad: %w", err)
	}
	hr.Header.Set("Content-Type", "text/xml; charset=utf-8")
	hr.Header.Set("SOAPAction", `""`)
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	res, err := hc.Do(hr)
	if err != nil {
		return Header{}, fmt.Errorf("xroad: call %s: %w", code, err)
	}
	defer res.Body.Close()
	max := c.MaxResponse
	if max <= 0 || max > MaxSize {
		max = MaxSize
	}
	data, err := io.ReadAll(io.LimitReader(res.Body, max+1))
	if err != nil {
		return Header{}, fmt.Errorf("xroad: call %s: reading the answer: %w", code, err)
	}
	if int64(len(data)) > max {
		return Header{}, ErrTooLarge
	}
	got, err := DecodeEnvelope(bytes.NewReader(data), resp)
	var f *Fault
	switch {
	case errors.As(err, &f):
		return got, f
	case res.StatusCode != http.StatusOK:
		return got, &HTTPError{Status: res.StatusCode, Body: string(data[:min(len(data), 512)])}
	case err != nil:
		return got, err
	case got.ID != id:
		return got, fmt.Errorf("%w: the answer's id %q is not the request's %q", ErrMessage, got.ID, id)
	}
	return got, nil
}

// forBody fills the request's asutus from the actor when it is empty: the awarding body a partner
// acts for, or the organisation acting.
func forBody(a actor.Actor, asutus string) string {
	switch {
	case asutus != "":
		return asutus
	case a.Role == actor.Partner:
		return a.For
	}
	return a.Org
}

// mayChange refuses, with an error wrapping actor.ErrForbidden, an actor that is not an awarding body,
// its partner or the registrar: only they add certificates and ask for duplicates.
func mayChange(a actor.Actor, op string) error {
	switch a.Role {
	case actor.AwardingBody, actor.Partner, actor.Registrar:
		return nil
	}
	return actor.Deny(a, op, "only an awarding body, its partner or the registrar changes the register")
}

// Search runs the search kutsetunnistus and returns the answer; map its records with [ToCertificate].
func (c *Client) Search(ctx context.Context, a actor.Actor, req SearchRequest) (*Response, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	resp := &Response{}
	if _, err := c.Call(ctx, a, "kutsetunnistus", &req, resp); err != nil {
		return nil, err
	}
	return resp, nil
}

// AddCertificate adds a certificate to the register (kutsetunnistuseLisamine; build req with
// [NewAddRequest]). The register's refusal is returned as a *[RegisterError].
func (c *Client) AddCertificate(ctx context.Context, a actor.Actor, req AddRequest) error {
	if err := mayChange(a, "add a certificate"); err != nil {
		return err
	}
	req.Asutus = forBody(a, req.Asutus)
	resp := &AddResponse{}
	if _, err := c.Call(ctx, a, "kutsetunnistuseLisamine", &req, resp); err != nil {
		return err
	}
	return resp.Err()
}

// RequestDuplicate asks for a duplicate of a certificate (kutsetunnistuseDuplikaat; build req with
// [NewDuplicateRequest]). The register's refusal is returned as a *[RegisterError].
func (c *Client) RequestDuplicate(ctx context.Context, a actor.Actor, req DuplicateRequest) error {
	if err := mayChange(a, "ask for a duplicate"); err != nil {
		return err
	}
	req.Asutus = forBody(a, req.Asutus)
	resp := &DuplicateResponse{}
	if _, err := c.Call(ctx, a, "kutsetunnistuseDuplikaat", &req, resp); err != nil {
		return err
	}
	return resp.Err()
}

// ChangedStandards returns the versions of standards changed since t (muutunudKutsestandardid).
func (c *Client) ChangedStandards(ctx context.Context, a actor.Actor, since time.Time) ([]register.StandardVersion, error) {
	req := ChangedSince(since)
	resp := &ChangedStandardsResponse{}
	if _, err := c.Call(ctx, a, "muutunudKutsestandardid", &req, resp); err != nil {
		return nil, err
	}
	return resp.Versions()
}

// AwardingBodyInfo returns the register's data on the awarding body with registry code code
// (kutseAndjaInfo, asutus = code; the awarding body asks for itself).
func (c *Client) AwardingBodyInfo(ctx context.Context, a actor.Actor, code string) (register.AwardingBody, error) {
	req := BodyInfoRequest{Asutus: code}
	resp := &BodyInfoResponse{}
	if _, err := c.Call(ctx, a, "kutseAndjaInfo", &req, resp); err != nil {
		return register.AwardingBody{}, err
	}
	return resp.AwardingBody(code)
}
