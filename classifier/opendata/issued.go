package opendata

import (
	"bufio"
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/xroad"
)

// IssuedQualification is one row of the issued-qualifications feed: an issued qualification in
// anonymised statistical form (OPN-02; seed 001, "umbisikustatud statistilisel kujul"). It has no
// field for the holder's name, personal code or birth date, nor for the certificate's number (the
// register's own reply: the number has no statistical value): the SDK can neither read nor write
// them in this feed.
type IssuedQualification struct {
	Type           classifier.CertificateType
	Standard       string
	EKR, EQF       classifier.Level
	Specialisation string
	Partial        string
	Competences    []string
	Field          string
	Occupation     string
	Language       string
	Issuer         string
	IssuedOn       calendar.Date
	ValidFrom      calendar.Date
	ValidUntil     calendar.Date // zero: no end
	ISCO           []classifier.ISCO
	Duplicate      bool
	Invalid        bool
	Count          int // the qualifications the row stands for; 1 unless the feed says otherwise
}

// DecodeIssued decodes one record of the issued-qualifications feed, in one pass over its values (it
// is the feed with the most records).
func DecodeIssued(rec *Record) (IssuedQualification, error) {
	v := newValues(rec)
	q := IssuedQualification{Count: 1}
	for _, x := range rec.Values {
		s := x.Text
		switch x.Field {
		case "Type":
			if t := v.certTypes("Type", []string{s}); len(t) > 0 && q.Type == 0 {
				q.Type = t[0]
			}
		case "Standard":
			q.Standard = s
		case "EKR":
			q.EKR = v.level("EKR", s)
		case "EQF":
			q.EQF = v.level("EQF", s)
		case "Specialisation":
			q.Specialisation = s
		case "Partial":
			q.Partial = s
		case "Competences":
			for c := range strings.SplitSeq(s, ";") {
				if c = strings.TrimSpace(c); c != "" {
					q.Competences = append(q.Competences, c)
				}
			}
		case "Field":
			q.Field = s
		case "Occupation":
			q.Occupation = s
		case "Language":
			q.Language = s
		case "Issuer":
			q.Issuer = s
		case "IssuedOn":
			q.IssuedOn = v.date("IssuedOn", s)
		case "ValidFrom":
			q.ValidFrom = v.date("ValidFrom", s)
		case "ValidUntil":
			q.ValidUntil = v.date("ValidUntil", s)
		case "ISCO":
			if s == "" {
				continue
			}
			l, err := classifier.ParseISCOList(s)
			if err != nil {
				v.errs.Add("ISCO", s, "must be ISCO codes of 1–4 digits, each with its name")
			}
			q.ISCO = append(q.ISCO, l...)
		case "Duplicate":
			q.Duplicate = v.bool("Duplicate", s)
		case "Invalid":
			q.Invalid = v.bool("Invalid", s)
		case "Count":
			if s != "" {
				if q.Count = v.int("Count", s); q.Count < 1 {
					v.errs.Add("Count", s, "must be 1 or more")
				}
			}
		}
	}
	return q, v.err()
}

// IssuedFrom returns the anonymised row of certificate c for the issued-qualifications feed
// (OPN-02), and false for a certificate the feed does not carry: one that is not a qualification of
// the register (school documents, state-exam and proficiency certificates) or that its owner hid
// (CERT-04: a hidden certificate appears in no public listing, not even as a statistic). The row
// takes nothing from c's holder or number.
func IssuedFrom(c *certificate.Certificate) (IssuedQualification, bool) {
	q := IssuedQualification{Standard: c.Standard, EKR: c.EKR, EQF: c.EQF, Specialisation: c.Specialisation,
		Competences: slices.Clone(c.Competences), Field: c.Extra[xroad.KeyValdkond], Occupation: c.Extra[xroad.KeyKutseala],
		Language: c.ExamLanguage, Issuer: c.Issuer, IssuedOn: c.IssuedOn, ValidFrom: c.ValidFrom, ValidUntil: c.ValidUntil,
		Duplicate: c.DuplicateOf != "", Invalid: !c.Invalidated.IsZero(), Count: 1}
	switch c.Kind {
	case certificate.Occupational:
		q.Type = classifier.OccupationalCertificate
		if c.Extra[xroad.KeyTyyp] == "esmane kutse" {
			q.Type = classifier.InitialQualification
		}
		q.Partial = c.Extra[xroad.KeyOsakutse]
	case certificate.Partial:
		q.Type, q.Partial = classifier.PartialCertificate, c.Title
	case certificate.SchoolQualification:
		q.Type = classifier.InitialQualification
	default:
		return IssuedQualification{}, false
	}
	if c.Hidden {
		return IssuedQualification{}, false
	}
	if l, err := classifier.ParseISCOList(c.Extra[xroad.KeyIsco]); err == nil {
		q.ISCO = l
	}
	return q, true
}

// IssuedWriter writes the issued-qualifications feed (OPN-02) in a mapping's element names: the XML
// declaration, the attribution as a comment, the document element, one record element per row.
// Its rows are [IssuedQualification] values, which hold no personal data, so nothing it writes can
// name, identify or date a holder.
type IssuedWriter struct {
	w      *bufio.Writer
	m      *Mapping
	fields []string // the mapped fields in the feed's field order
	paths  map[string][]string
	err    error
}

// NewIssuedWriter returns a writer of the feed to w in mapping m (nil: DefaultMapping(Issued)) and
// writes its head, with the attribution a in Estonian and English as a comment. m must be a valid
// mapping of the feed with a Root.
func NewIssuedWriter(w io.Writer, m *Mapping, a Attribution) (*IssuedWriter, error) {
	if m == nil {
		m = DefaultMapping(Issued)
	}
	if m.Feed != Issued {
		return nil, fmt.Errorf("opendata: %w: the mapping is for feed %s, not %s", errInvalid, m.Feed, Issued)
	}
	if err := m.Validate(); err != nil {
		return nil, err
	}
	if m.Root == "" {
		return nil, fmt.Errorf("opendata: %w: the mapping has no Root element to write", errInvalid)
	}
	iw := &IssuedWriter{w: bufio.NewWriterSize(w, 64<<10), m: m.Clone(), paths: map[string][]string{}}
	for path, f := range iw.m.Fields {
		iw.paths[f] = strings.Split(path, "/")
	}
	for _, f := range fieldNames[Issued] {
		if _, ok := iw.paths[f]; ok {
			iw.fields = append(iw.fields, f)
		}
	}
	iw.w.WriteString(xml.Header)
	iw.w.WriteString("<!-- " + comment(a.Notice(0)) + " -->\n<!-- " + comment(a.Notice(1)) + " -->\n")
	iw.w.WriteString("<" + iw.m.Root + ">\n")
	return iw, nil
}

// comment makes s safe inside an XML comment.
func comment(s string) string { return strings.ReplaceAll(s, "--", "- -") }

// text returns field f of q as the feed writes it, "" for none.
func (q *IssuedQualification) text(f string) string {
	date := func(d calendar.Date) string {
		if d.IsZero() {
			return ""
		}
		return d.String()
	}
	flag := func(b bool) string {
		if b {
			return "true"
		}
		return ""
	}
	switch f {
	case "Type":
		return q.Type.Code()
	case "Standard":
		return q.Standard
	case "EKR":
		return q.EKR.String()
	case "EQF":
		return q.EQF.String()
	case "Specialisation":
		return q.Specialisation
	case "Partial":
		return q.Partial
	case "Competences":
		return strings.Join(q.Competences, xroad.CompetenceSeparator)
	case "Field":
		return q.Field
	case "Occupation":
		return q.Occupation
	case "Language":
		return q.Language
	case "Issuer":
		return q.Issuer
	case "IssuedOn":
		return date(q.IssuedOn)
	case "ValidFrom":
		return date(q.ValidFrom)
	case "ValidUntil":
		return date(q.ValidUntil)
	case "ISCO":
		parts := make([]string, len(q.ISCO))
		for i, e := range q.ISCO {
			parts[i] = e.String()
		}
		return strings.Join(parts, ", ")
	case "Duplicate":
		return flag(q.Duplicate)
	case "Invalid":
		return flag(q.Invalid)
	case "Count":
		if q.Count > 1 {
			return strconv.Itoa(q.Count)
		}
	}
	return ""
}

// Write writes one row. Text that XML cannot carry (invalid UTF-8, control characters) is written as
// U+FFFD, as encoding/xml's EscapeText does.
func (iw *IssuedWriter) Write(q IssuedQualification) error {
	if iw.err != nil {
		return iw.err
	}
	b := iw.w
	b.WriteString("  <" + iw.m.Record + ">")
	for _, f := range iw.fields {
		s := q.text(f)
		if s == "" {
			continue
		}
		path := iw.paths[f]
		for _, p := range path {
			b.WriteString("<" + p + ">")
		}
		if err := xml.EscapeText(b, []byte(s)); err != nil {
			iw.err = err
			return err
		}
		for i := len(path) - 1; i >= 0; i-- {
			b.WriteString("</" + path[i] + ">")
		}
	}
	_, err := b.WriteString("</" + iw.m.Record + ">\n")
	iw.err = err
	return err
}

// Close writes the end of the document and flushes.
func (iw *IssuedWriter) Close() error {
	if iw.err != nil {
		return iw.err
	}
	iw.w.WriteString("</" + iw.m.Root + ">\n")
	iw.err = iw.w.Flush()
	return iw.err
}

// WriteIssued writes the issued-qualifications feed of certs to w (OPN-02): the anonymised row of each
// certificate the feed carries ([IssuedFrom]), under attribution a, and returns the number of rows.
func WriteIssued(w io.Writer, m *Mapping, a Attribution, certs iter.Seq[certificate.Certificate]) (int, error) {
	iw, err := NewIssuedWriter(w, m, a)
	if err != nil {
		return 0, err
	}
	n := 0
	for c := range certs {
		if q, ok := IssuedFrom(&c); ok {
			if err := iw.Write(q); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, iw.Close()
}

// Count is one line of the statistics of issued qualifications: how many of one certificate type,
// standard and level an awarding body issued in a year.
type Count struct {
	Year     int
	Type     classifier.CertificateType
	Standard string
	EKR      classifier.Level
	Issuer   string
	N        int
}

// Tally sums rows into counts per year of issue, certificate type, standard, level and awarding body,
// ordered by year, standard, type and issuer, and returns them with the attribution the data's
// licence requires (OPN-01), marked as derived.
func Tally(rows []IssuedQualification, a Attribution) Derived[[]Count] {
	type key struct {
		year     int
		t        classifier.CertificateType
		standard string
		ekr      classifier.Level
		issuer   string
	}
	sums := map[key]int{}
	for _, q := range rows {
		sums[key{q.IssuedOn.Year, q.Type, q.Standard, q.EKR, q.Issuer}] += max(q.Count, 1)
	}
	out := make([]Count, 0, len(sums))
	for k, n := range sums {
		out = append(out, Count{Year: k.year, Type: k.t, Standard: k.standard, EKR: k.ekr, Issuer: k.issuer, N: n})
	}
	slices.SortFunc(out, func(a, b Count) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), strings.Compare(a.Standard, b.Standard), cmp.Compare(a.Type, b.Type),
			cmp.Compare(a.EKR.Int(), b.EKR.Int()), strings.Compare(a.Issuer, b.Issuer))
	})
	return DerivedFrom(out, a)
}
