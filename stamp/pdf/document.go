package pdf

import (
	"strconv"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
)

// Document is a plain A4 document in the layout of the register's documents, for other packages'
// forms (the application form of package application): a title over a rule, section headings,
// rows of a grey label and a black value, bulleted lists, paragraphs and small print, in the same
// embedded Go font, wrapped to their columns, continued on numbered pages when they run over one.
//
// Text is cleaned as in the stamp's documents (NFC, white space collapsed); text with a character
// the font cannot show (see [Covers]) or longer than [MaxTextLen] makes [Document.Bytes] return a
// *[FieldError] naming the label or "text", wrapping [ErrInvalid]. The same calls with the same
// [Meta] give the same bytes. A Document is not safe for concurrent use.
type Document struct {
	w   *writer
	fs  *fontSet
	err error
}

// Meta is what a [Document] records about itself and repeats on its pages.
type Meta struct {
	Title   string // the document's title in its information dictionary
	Subject string
	Author  string
	// Created is the creation date the PDF records: the instant the document is generated, never
	// the clock, so the bytes are reproducible. It is required.
	Created time.Time
	// Continued is the heading repeated at the top of every page after the first.
	Continued string
	// Lang is the language of the page numbers ("Lehekülg 2/3", "Page 2 of 3").
	Lang law.Lang
}

// docStyle is the size of a Document's rows and paragraphs: the declaration's.
var docStyle = declStyle

// NewDocument starts a document with one empty page.
func NewDocument(m Meta) (*Document, error) {
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	if m.Created.IsZero() {
		return nil, badInput("Created", "", "is required: the instant the document is generated, which it records as its creation date")
	}
	loc, err := calendar.Tallinn()
	if err != nil {
		return nil, err
	}
	lang := m.Lang
	w, err := newWriter(meta{title: m.Title, subject: m.Subject, author: m.Author, creator: creator, producer: creator,
		lang: lang.Pick("et", "en"), created: m.Created.In(loc).Truncate(time.Second)}, docStyle, m.Continued,
		func(p, n int) string {
			return lang.Pick("Lehekülg "+strconv.Itoa(p)+"/"+strconv.Itoa(n), "Page "+strconv.Itoa(p)+" of "+strconv.Itoa(n))
		})
	if err != nil {
		return nil, err
	}
	return &Document{w: w, fs: fs}, nil
}

// Covers reports whether the documents' font can show every character of s, and else returns the
// first one it cannot (a document must not show a person's name with a letter missing).
func Covers(s string) (rune, bool) {
	fs, err := loadFonts()
	if err != nil {
		return 0, false
	}
	for _, r := range s {
		if r >= ' ' && r != 0x7f && !fs.covers(r) {
			return r, false
		}
	}
	return 0, true
}

// text cleans s for the field, keeping the first error.
func (d *Document) text(field, s string) (string, bool) {
	if d.err != nil {
		return "", false
	}
	t, err := clean(d.fs, field, s)
	if err != nil {
		d.err = err
		return "", false
	}
	return t, true
}

// Title writes the document's heading block: the register's name, the title and a thin rule.
func (d *Document) Title(s string) {
	if t, ok := d.text("title", s); ok {
		d.w.heading(registerEt, t)
	}
}

// Section writes a section heading; a heading is never left alone at the foot of a page.
func (d *Document) Section(s string) {
	if t, ok := d.text("section", s); ok {
		d.w.section(t)
	}
}

// Row writes a label in the left column and its value, wrapped, in the right one. A row with an
// empty value is written with a dash, so that a form shows that the field was left empty.
func (d *Document) Row(label, value string) {
	l, ok := d.text("label", label)
	if !ok {
		return
	}
	v, ok := d.text(label, value)
	if !ok {
		return
	}
	if v == "" {
		v = "—"
	}
	d.w.row(l, v)
}

// List writes a label in the left column and the items as a bulleted list in the right one; no
// items write a dash.
func (d *Document) List(label string, items []string) {
	l, ok := d.text("label", label)
	if !ok {
		return
	}
	out := make([]string, 0, len(items))
	for i, it := range items {
		t, ok := d.text(label+"["+strconv.Itoa(i)+"]", it)
		if !ok {
			return
		}
		if t != "" {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		d.w.row(l, "—")
		return
	}
	d.w.list(l, out)
}

// Paragraph writes s across the column.
func (d *Document) Paragraph(s string) {
	if t, ok := d.text("text", s); ok {
		d.w.para(d.w.style.body, t)
	}
}

// Small writes s across the column in small grey type: notes, the time the document was generated.
func (d *Document) Small(s string) {
	if t, ok := d.text("text", s); ok {
		d.w.para(faceSmall, t)
	}
}

// Bytes numbers the pages of a document of more than one and returns the PDF, or the first error.
func (d *Document) Bytes() ([]byte, error) {
	if d.err != nil {
		return nil, d.err
	}
	return d.w.bytes()
}
