package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// Lookup is how the handler reads a certificate by its number: [certificate.Registry.Lookup], which
// gives the public view on the registry's date when asOf is zero, and reports a certificate the
// public may not see exactly as a missing one (an error wrapping store.ErrNotFound).
type Lookup interface {
	Lookup(ctx context.Context, a actor.Actor, no certificate.Number, asOf calendar.Date) (certificate.PublicView, error)
}

// Resolver is how the handler reads a hidden certificate by the token in its stamp's link:
// [github.com/kutsekit/kutse/stamp.Service.Resolve], which reports an unknown token with an error wrapping store.ErrNotFound.
type Resolver interface {
	Resolve(ctx context.Context, token string) (certificate.PublicView, error)
}

// Text is a text in Estonian and in English.
type Text struct{ Et, En string }

// In returns the text in lang.
func (t Text) In(lang law.Lang) string { return lang.Pick(t.Et, t.En) }

// DefaultName is the name the page's header shows when [Config.Name] is empty.
var DefaultName = Text{Et: "Tunnistuse kehtivuse kontroll", En: "Certificate validity check"}

// Config configures a [Handler].
type Config struct {
	// Certificates looks certificates up by number; required. A *certificate.Registry, whose clock
	// gives the day a certificate's validity is shown on.
	Certificates Lookup
	// Stamps resolves the token links of hidden certificates' stamps; a *stamp.Service. Nil: every
	// token link is not found.
	Stamps Resolver
	// Name is the register's name in the page's header, e.g. {"Kutseregister", "Occupational
	// Qualifications Register"}; empty parts take [DefaultName]'s.
	Name Text
	// Logger receives the errors that make a 500 (the page itself says only that the register could
	// not be read); nil means slog.Default().
	Logger *slog.Logger
}

// Handler is the page the QR codes of stamps and reprints point to (CERT-05, CERT-06): the public
// register entry of a certificate and its validity today, in Estonian and English, as HTML or JSON.
// See the package documentation for its URLs, formats and headers. It is safe for concurrent use.
type Handler struct {
	reg    Lookup
	stamps Resolver
	name   Text
	log    *slog.Logger
	mux    *http.ServeMux
}

// New returns the handler, or an error wrapping invalid.ErrInvalid when cfg has no Certificates.
func New(cfg Config) (*Handler, error) {
	if cfg.Certificates == nil {
		return nil, &invalid.FieldError{Pkg: "web", Field: "Config.Certificates", Reason: "is required: the certificate registry (New)"}
	}
	h := &Handler{reg: cfg.Certificates, stamps: cfg.Stamps, name: cfg.Name, log: cfg.Logger, mux: http.NewServeMux()}
	if h.name.Et == "" {
		h.name.Et = DefaultName.Et
	}
	if h.name.En == "" {
		h.name.En = DefaultName.En
	}
	if h.log == nil {
		h.log = slog.Default()
	}
	// A GET pattern also serves HEAD; other methods get 405 with Allow: GET, HEAD.
	h.mux.HandleFunc("GET /cert/{number}", h.byNumber)
	h.mux.HandleFunc("GET /cert/t/{token}", h.byToken)
	h.mux.HandleFunc("GET /cert/{$}", h.index)
	h.mux.HandleFunc("GET /cert", h.toIndex)
	h.mux.HandleFunc("GET /", h.unknown)
	return h, nil
}

// ContentSecurityPolicy is the policy every response carries: nothing may load but the page's own
// inline style sheet (allowed by its hash), no script at all, the lookup form posts only to the
// same origin, and no other site may frame the page.
func ContentSecurityPolicy() string { return csp }

var csp = "default-src 'none'; style-src " + styleHash + "; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// ServeHTTP sets the security headers and serves the request.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Content-Security-Policy", csp)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("Cross-Origin-Opener-Policy", "same-origin")
	hd.Set("Cross-Origin-Resource-Policy", "same-origin")
	hd.Set("X-Robots-Tag", "noindex, nofollow, noarchive")
	if r.TLS != nil {
		hd.Set("Strict-Transport-Security", "max-age=31536000")
	}
	if !cleanPath(r.URL.Path) {
		// ServeMux would redirect to the cleaned path, naming it without the prefix a host may have
		// stripped; no link the SDK prints has dots or double slashes, so there is nothing here.
		h.notFound(w, r, "", "")
		return
	}
	h.mux.ServeHTTP(w, r)
}

// cleanPath reports whether p is a rooted path that path.Clean leaves as it is (but for a trailing
// slash).
func cleanPath(p string) bool {
	if p == "" || p[0] != '/' {
		return false
	}
	c := path.Clean(p)
	if strings.HasSuffix(p, "/") && c != "/" {
		c += "/"
	}
	return c == p
}

// maxToken bounds the token taken from a link; stamps' tokens are 32 characters.
const maxToken = 128

func (h *Handler) byNumber(w http.ResponseWriter, r *http.Request) {
	raw := r.PathValue("number")
	no, ok := parseNumber(raw)
	if !ok {
		h.badNumber(w, r, raw, "./")
		return
	}
	v, err := h.reg.Lookup(r.Context(), actor.Anonymous(), no, calendar.Date{})
	h.entry(w, r, &v, err, string(no), "./", "private, no-cache")
}

func (h *Handler) byToken(w http.ResponseWriter, r *http.Request) {
	token := r.PathValue("token")
	var (
		v   certificate.PublicView
		err = fmt.Errorf("web: token link: %w", store.ErrNotFound)
	)
	if h.stamps != nil && wellFormedToken(token) {
		v, err = h.stamps.Resolve(r.Context(), token)
	}
	// The token is the secret of a hidden certificate: no cache keeps the page.
	h.entry(w, r, &v, err, "", "../", "no-store")
}

// entry answers with the view v read with err: the entry, or the page saying why there is none.
// number is the number asked for ("" for a token link), form the relative address of the lookup
// form, cache the entry's Cache-Control.
func (h *Handler) entry(w http.ResponseWriter, r *http.Request, v *certificate.PublicView, err error, number, form, cache string) {
	switch {
	case err == nil && v.Number == "":
		// A view with no number is no view: refuse to show it rather than a blank entry.
		h.notFound(w, r, number, form)
		return
	case errors.Is(err, store.ErrNotFound), errors.Is(err, invalid.ErrInvalid) && number == "":
		// A token the store cannot even read is no token: not found, as a wrong one is.
		h.notFound(w, r, number, form)
		return
	case errors.Is(err, invalid.ErrInvalid):
		h.badNumber(w, r, number, form)
		return
	case err != nil:
		h.failure(w, r, err)
		return
	}
	lang, _ := negotiateLang(r)
	f := negotiateFormat(r)
	e := newEntry(v, lang)
	var body []byte
	if f == formatJSON {
		body, err = marshal(e)
	} else {
		body, err = render("entry", entryPage(&e, v, lang, h.name))
	}
	if err != nil {
		h.failure(w, r, err)
		return
	}
	h.send(w, r, http.StatusOK, f, lang, cache, body)
}

// index is /cert/: the lookup form, or with ?number= a redirect to that certificate's page.
func (h *Handler) index(w http.ResponseWriter, r *http.Request) {
	lang, _ := negotiateLang(r)
	L := &texts[lang]
	if typed, ok := r.URL.Query()["number"]; ok {
		s := strings.ToUpper(strings.Join(strings.Fields(strings.Join(typed, "")), ""))
		no, ok := parseNumber(s)
		if !ok {
			h.badNumber(w, r, s, "./")
			return
		}
		target := string(no) // relative to /cert/, wherever the host mounted the handler
		if l, fromQuery := negotiateLang(r); fromQuery {
			target += "?lang=" + l.String()
		}
		w.Header().Set("Location", target)
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusSeeOther)
		return
	}
	p := newPage(lang, h.name, L.CheckHeading)
	p.Heading, p.Paragraphs, p.Form = L.CheckHeading, []string{L.CheckText}, "./"
	h.message(w, r, http.StatusOK, lang, p, "private, no-cache")
}

// toIndex redirects /cert to /cert/ by a relative reference, right wherever the host mounted the
// handler (ServeMux's own redirect would name the path without the host's prefix).
func (h *Handler) toIndex(w http.ResponseWriter, r *http.Request) {
	target := "cert/"
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusMovedPermanently)
}

// unknown is every other address: not found.
func (h *Handler) unknown(w http.ResponseWriter, r *http.Request) { h.notFound(w, r, "", "") }

// notFound answers 404 with the same page for a missing certificate and for one the public may not
// see (CERT-04), so that the answer does not tell them apart. number is the number asked for, ""
// for a token link (form "../") or another address (form "").
func (h *Handler) notFound(w http.ResponseWriter, r *http.Request, number, form string) {
	lang, _ := negotiateLang(r)
	L := &texts[lang]
	p := newPage(lang, h.name, L.NotFound)
	p.Heading, p.Form = L.NotFound, form
	switch {
	case number != "":
		p.Paragraphs = []string{fmt.Sprintf(L.NotFoundText, number), L.NotFoundHidden}
	case form != "":
		p.Paragraphs = []string{L.LinkNotFound}
	default:
		p.Paragraphs = []string{L.NothingHere}
	}
	h.problem(w, r, http.StatusNotFound, lang, p)
}

// badNumber answers 400 for a number that cannot be a certificate's.
func (h *Handler) badNumber(w http.ResponseWriter, r *http.Request, raw, form string) {
	lang, _ := negotiateLang(r)
	L := &texts[lang]
	p := newPage(lang, h.name, L.BadNumber)
	p.Heading, p.Form, p.Typed = L.BadNumber, form, shorten(raw, 20)
	p.Paragraphs = []string{fmt.Sprintf(L.BadNumberText, shorten(raw, 40))}
	h.problem(w, r, http.StatusBadRequest, lang, p)
}

// failure answers 500 and logs err; the page says only that the register could not be read.
func (h *Handler) failure(w http.ResponseWriter, r *http.Request, err error) {
	if !errors.Is(err, context.Canceled) {
		h.log.ErrorContext(r.Context(), "web: certificate page", "path", r.URL.Path, "err", err)
	}
	lang, _ := negotiateLang(r)
	L := &texts[lang]
	p := newPage(lang, h.name, L.Failure)
	p.Heading, p.Paragraphs = L.Failure, []string{L.FailureText}
	h.problem(w, r, http.StatusInternalServerError, lang, p)
}

// Problem is the JSON body of an error (RFC 9457 problem details, application/problem+json): the
// HTTP status, its title and what went wrong in the negotiated language.
type Problem struct {
	Type   string `json:"type"`   // always "about:blank": the status says it all
	Title  string `json:"title"`  // the status's text, e.g. "Not Found"
	Status int    `json:"status"` // e.g. 404
	Detail string `json:"detail"` // e.g. "The register holds no public certificate numbered 999999. …"
}

// problem answers status with page p, or its problem details when JSON was asked for.
func (h *Handler) problem(w http.ResponseWriter, r *http.Request, status int, lang law.Lang, p *page) {
	if negotiateFormat(r) == formatJSON {
		body, err := marshal(Problem{Type: "about:blank", Title: http.StatusText(status), Status: status,
			Detail: strings.Join(p.Paragraphs, " ")})
		if err == nil {
			w.Header().Set("Content-Type", "application/problem+json")
			h.send(w, r, status, formatJSON, lang, "no-store", body)
			return
		}
	}
	h.message(w, r, status, lang, p, "no-store")
}

// message answers status with the message page p.
func (h *Handler) message(w http.ResponseWriter, r *http.Request, status int, lang law.Lang, p *page, cache string) {
	body, err := render("message", p)
	if err != nil { // the templates are fixed and tested: this does not happen
		h.log.ErrorContext(r.Context(), "web: render", "err", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	h.send(w, r, status, formatHTML, lang, cache, body)
}

// send writes body with its headers. A 200 goes through http.ServeContent, which answers HEAD,
// If-None-Match (304) and If-Match (412) against the entity tag, a digest of the body.
func (h *Handler) send(w http.ResponseWriter, r *http.Request, status int, f format, lang law.Lang, cache string, body []byte) {
	hd := w.Header()
	if hd.Get("Content-Type") == "" {
		if f == formatJSON {
			hd.Set("Content-Type", "application/json")
		} else {
			hd.Set("Content-Type", "text/html; charset=utf-8")
		}
	}
	hd.Set("Content-Language", lang.String())
	hd.Set("Vary", "Accept, Accept-Language")
	hd.Set("Cache-Control", cache)
	if status == http.StatusOK {
		sum := sha256.Sum256(body)
		hd.Set("ETag", `"`+hex.EncodeToString(sum[:16])+`"`)
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body)) // no modification time: validated by the ETag
		return
	}
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body) //nolint:errcheck // the client went away; nothing to do
	}
}

// marshal encodes v as indented JSON ending in a newline; the encoder escapes <, > and &.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// parseNumber checks s as a certificate number of any kind: every kind's number has the general form
// that certificate.ParseNumber checks for kinds other than leaving certificates (up to four capital
// Latin letters, then 1–10 digits), and the leaving certificates' P/G numbers fit it too.
func parseNumber(s string) (certificate.Number, bool) {
	no, err := certificate.ParseNumber(certificate.Occupational, s)
	return no, err == nil
}

// wellFormedToken reports whether s can be a stamp's token: up to maxToken letters, digits, '-' or
// '_'. Anything else is not looked up.
func wellFormedToken(s string) bool {
	if s == "" || len(s) > maxToken {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}
