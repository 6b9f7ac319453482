package pdf

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"rsc.io/qr"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/invalid"
)

// Limits on the input. The certificate package's own checks are tighter (a name of at most 200
// characters, at most 200 competences of 500); these only keep a document from growing without
// bound when it is given a record that never went through them.
const (
	// MaxURLLen is the longest verification URL, in bytes, that the documents accept. Its QR code
	// (error correction level M, version 18, 89 modules a side) is drawn 51 mm wide with modules of
	// 0.53 mm, which a phone camera and zbarimg on a 150 dpi rendering read.
	MaxURLLen = 512
	// MaxTextLen is the longest text field, in characters, after white space is collapsed.
	MaxTextLen = 1000
	// MaxCompetences is the most competences a register entry lists.
	MaxCompetences = 200
)

// ErrInvalid is wrapped by every error that reports bad input: a field missing, malformed, too long,
// or holding a character the documents' font cannot show. It is the SDK's invalid.ErrInvalid, so
// errors.Is(err, invalid.ErrInvalid) holds for this package's bad input as for every other's.
var ErrInvalid = invalid.ErrInvalid

// ErrNotValid is wrapped by the error [Deklaratsioon] returns for a certificate that is not valid on
// the stamp's date: a declaration confirms only a valid certificate (CERT-06).
var ErrNotValid = errors.New("certificate is not valid")

// FieldError reports one input that the documents cannot be made from, and why. Err is
// [ErrInvalid] or [ErrNotValid].
type FieldError struct {
	Field  string // the input's name: "Number", "Holder.Name", "Competences[3]", "verifyURL", …
	Value  string // the offending value as text, shortened ("" when missing)
	Reason string // what is wrong, in words a host can show
	Err    error  // the category
}

// Error implements error.
func (e *FieldError) Error() string {
	if e.Value == "" {
		return "pdf: " + e.Field + " " + e.Reason
	}
	return fmt.Sprintf("pdf: %s %q %s", e.Field, e.Value, e.Reason)
}

// Unwrap returns the category, [ErrInvalid] or [ErrNotValid].
func (e *FieldError) Unwrap() error { return e.Err }

func badInput(field, value, reason string) *FieldError {
	if len(value) > 60 {
		i := 60
		for i > 0 && !utf8.RuneStart(value[i]) {
			i--
		}
		value = value[:i] + "…"
	}
	return &FieldError{Field: field, Value: value, Reason: reason, Err: ErrInvalid}
}

// entry is a certificate's register entry as the documents show it: every text cleaned and checked,
// every date formatted.
type entry struct {
	number       string
	kind         certificate.Kind
	name         string
	code         string        // the personal code, or ""
	birth        calendar.Date // the birth date of a holder without a code
	title        string
	standard     string
	ekr, eqf     string
	spec         string
	competences  []string
	examLanguage string
	issuer       string
	from, until  calendar.Date
	status       certificate.Status // on the day the PDF is generated
	generated    time.Time          // in Europe/Tallinn, whole seconds
	url          string
	qr           *qr.Code
}

// prepare checks the input the three documents share and returns the entry to lay out, or a
// *FieldError for the first field that is wrong.
func prepare(c *certificate.Certificate, generated time.Time, verifyURL string) (*entry, error) {
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	e := &entry{kind: c.Kind}
	if e.kind == 0 {
		e.kind = certificate.Occupational
	} else if !e.kind.Valid() {
		return nil, badInput("Kind", e.kind.String(), "is not a certificate kind")
	}
	text := func(field, s string, required bool) (string, error) {
		t, err := clean(fs, field, s)
		if err == nil && t == "" && required {
			err = badInput(field, "", "is required")
		}
		return t, err
	}
	if e.number, err = text("Number", string(c.Number), true); err != nil {
		return nil, err
	}
	if e.name, err = text("Holder.Name", c.Holder.Name, true); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		dst   *string
		field string
		src   string
	}{
		{&e.title, "Title", c.Title},
		{&e.standard, "Standard", c.Standard},
		{&e.spec, "Specialisation", c.Specialisation},
		{&e.examLanguage, "ExamLanguage", c.ExamLanguage},
		{&e.issuer, "Issuer", c.Issuer},
	} {
		if *f.dst, err = text(f.field, f.src, false); err != nil {
			return nil, err
		}
	}
	if len(c.Competences) > MaxCompetences {
		return nil, badInput("Competences", strconv.Itoa(len(c.Competences))+" items",
			"may have at most "+strconv.Itoa(MaxCompetences)+" items")
	}
	for i, s := range c.Competences {
		t, err := text("Competences["+strconv.Itoa(i)+"]", s, false)
		if err != nil {
			return nil, err
		}
		if t != "" {
			e.competences = append(e.competences, t)
		}
	}
	e.code = c.Holder.Code.String()
	if e.code == "" {
		e.birth = c.Holder.BirthDate
	}
	for _, d := range []struct {
		field string
		d     calendar.Date
	}{{"Holder.BirthDate", e.birth}, {"ValidFrom", c.ValidFrom}, {"ValidUntil", c.ValidUntil}} {
		if !d.d.IsZero() && !d.d.IsValid() {
			return nil, badInput(d.field, fmt.Sprintf("%04d-%02d-%02d", d.d.Year, int(d.d.Month), d.d.Day), "is not a real date")
		}
	}
	e.ekr, e.eqf = c.EKR.String(), c.EQF.String()
	e.from, e.until = c.ValidFrom, c.ValidUntil

	if generated.IsZero() {
		return nil, badInput("generated", "", "is required: the instant the PDF is generated, which it shows and records as its creation date")
	}
	loc, err := calendar.Tallinn()
	if err != nil {
		return nil, fmt.Errorf("pdf: the Europe/Tallinn time zone is needed for the generation time (import time/tzdata in the host's main package): %w", err)
	}
	e.generated = generated.In(loc).Truncate(time.Second)
	e.status = c.StatusOn(calendar.DateOf(generated))

	if e.url, e.qr, err = checkURL(verifyURL); err != nil {
		return nil, err
	}
	return e, nil
}

// clean normalises s for layout: NFC (so a name typed as "o" and a combining tilde becomes "õ"), every
// run of white space or control characters one space, none at the ends. It refuses text that is not
// UTF-8, longer than MaxTextLen, or with a character the documents' font has no glyph for: a
// document must not show a person's name with a letter missing.
func clean(fs *fontSet, field, s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", badInput(field, "", "is not valid UTF-8")
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space, n := false, 0
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			space = b.Len() > 0
			continue
		}
		if !fs.covers(r) {
			return "", badInput(field, s, fmt.Sprintf("contains %U %q, which the documents' font cannot show", r, r))
		}
		if space {
			b.WriteByte(' ')
			n++
			space = false
		}
		b.WriteRune(r)
		n++
	}
	if n > MaxTextLen {
		return "", badInput(field, s, "may be at most "+strconv.Itoa(MaxTextLen)+" characters long")
	}
	return b.String(), nil
}

// checkURL checks the verification URL and encodes its QR code.
func checkURL(s string) (string, *qr.Code, error) {
	const field = "verifyURL"
	switch {
	case s == "":
		return "", nil, badInput(field, "", "is required: the address where the certificate's validity is checked (CERT-05)")
	case len(s) > MaxURLLen:
		return "", nil, badInput(field, s, fmt.Sprintf("is %d bytes long; a QR code on the document holds at most %d", len(s), MaxURLLen))
	}
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] >= 0x7f {
			return "", nil, badInput(field, s, "may hold only printable ASCII without spaces (percent-encode the rest)")
		}
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", nil, badInput(field, s, "is not a URL: "+err.Error())
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", nil, badInput(field, s, "must be an absolute http or https URL")
	}
	if u.Host == "" || u.Opaque != "" || u.User != nil {
		return "", nil, badInput(field, s, "must be an http or https URL with a host and no user information")
	}
	code, err := qr.Encode(s, qrLevel)
	if err != nil {
		return "", nil, badInput(field, s, "does not fit in a QR code: "+err.Error())
	}
	return s, code, nil
}
