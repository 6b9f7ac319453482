package pdf

import (
	"strconv"
	"time"

	"github.com/signintech/gopdf"
)

// Document is an A4 document that another package lays out from this package's primitives — the
// heading over a thin rule, label-and-value rows, bulleted lists, paragraphs, small grey notes and
// tables — in the font, sizes and margins of the register's own documents: an exam's assessment
// protocol (package exam/vocational), a compensation statement. Text is cleaned and checked as the
// certificate documents' text is (NFC, white space collapsed, at most [MaxTextLen] characters, a
// character the font cannot show refused); the first bad text or layout error is kept and returned
// by [Document.Bytes], and every later call does nothing. The same calls with the same
// [DocumentInfo] give the same bytes.
//
// It is the small surface other packages use, so that this package's layout can change under it.
type Document struct {
	w   *writer
	fs  *fontSet
	err error
}

// DocumentInfo describes a [Document].
type DocumentInfo struct {
	Title   string // the PDF's title
	Subject string // the PDF's subject
	Author  string // the PDF's author: who issues the document
	// Continued is the heading written at the top of every page after the first, e.g.
	// "Hindamisprotokoll (järg)"; "" for none.
	Continued string
	// PageLabel writes the number under each page of a document of more than one page; nil
	// writes "page/pages".
	PageLabel func(page, pages int) string
	// Generated is when the document is generated: the PDF's creation date. It is required, never
	// read from the clock, so that the same input gives the same bytes.
	Generated time.Time
}

// Column is a column of a [Document.Table]: its title, its width in points (0: an equal share of
// what the other columns leave of the 482-point text width) and whether its cells are set flush
// right (numbers).
type Column struct {
	Title string
	Width float64
	Right bool
}

// faceSection is the face of a section's heading.
var faceSection = face{12.5, 0}

const (
	cellPad  = 6 // space between a table's columns
	sectGap  = 8 // space above a section heading
	tableGap = 6 // space after a table
	headRule = 0.4
)

// NewDocument starts a document with one empty page. A zero Generated is an error wrapping
// [ErrInvalid].
func NewDocument(info DocumentInfo) (*Document, error) {
	if info.Generated.IsZero() {
		return nil, invalid("Generated", "", "is required: the time the document is generated")
	}
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	d := &Document{fs: fs}
	var clean [3]string
	for i, f := range [...]struct{ name, s string }{{"Title", info.Title}, {"Subject", info.Subject}, {"Continued", info.Continued}} {
		if clean[i], err = d.text(f.name, f.s); err != nil {
			return nil, err
		}
	}
	label := info.PageLabel
	if label == nil {
		label = func(p, n int) string { return strconv.Itoa(p) + "/" + strconv.Itoa(n) }
	}
	w, err := newWriter(gopdf.PdfInfo{Title: clean[0], Subject: clean[1], Author: info.Author, Creator: creator,
		CreationDate: info.Generated}, clean[2], label)
	if err != nil {
		return nil, err
	}
	d.w = w
	return d, nil
}

// text cleans s for the document, keeping the first error.
func (d *Document) text(field, s string) (string, error) {
	if d.err != nil {
		return "", d.err
	}
	c, err := clean(d.fs, field, s)
	if err != nil {
		d.err = err
	}
	return c, err
}

// texts cleans each of ss, naming them field[i].
func (d *Document) texts(field string, ss []string) ([]string, bool) {
	out := make([]string, len(ss))
	for i, s := range ss {
		c, err := d.text(field+"["+strconv.Itoa(i)+"]", s)
		if err != nil {
			return nil, false
		}
		out[i] = c
	}
	return out, true
}

// Heading writes the document's heading, 17 pt over a rule.
func (d *Document) Heading(s string) {
	if c, err := d.text("heading", s); err == nil {
		d.w.title(c)
	}
}

// Section writes a section's heading, 12.5 pt, kept on the page with the line that follows it.
func (d *Document) Section(s string) {
	c, err := d.text("section", s)
	if err != nil {
		return
	}
	lines := d.w.wrap(faceSection, c, contentW)
	d.w.need(sectGap + float64(len(lines)+1)*lineBody)
	d.w.y += sectGap
	for _, l := range lines {
		d.w.text(faceSection, left, d.w.y, l)
		d.w.y += lineBody + 2
	}
	d.w.y += 2
}

// Paragraph writes s across the text width in the body face.
func (d *Document) Paragraph(s string) {
	if c, err := d.text("paragraph", s); err == nil {
		d.w.para(faceBody, c)
	}
}

// Note writes s across the text width, small and grey.
func (d *Document) Note(s string) {
	c, err := d.text("note", s)
	if err != nil {
		return
	}
	for _, l := range d.w.wrap(faceSmall, c, contentW) {
		d.w.need(lineSmall)
		d.w.text(faceSmall, left, d.w.y, l)
		d.w.y += lineSmall
	}
	d.w.y += paraGap
}

// Row writes a label in the left column and its value, wrapped, in the right one; an empty value
// writes nothing.
func (d *Document) Row(label, value string) {
	if value == "" {
		return
	}
	l, err := d.text("label", label)
	if err != nil {
		return
	}
	if v, err := d.text(label, value); err == nil {
		d.w.row(l, v)
	}
}

// List writes a label in the left column and the items as a bulleted list in the right one; no
// items writes nothing.
func (d *Document) List(label string, items []string) {
	if len(items) == 0 {
		return
	}
	l, err := d.text("label", label)
	if err != nil {
		return
	}
	if its, ok := d.texts(label, items); ok {
		d.w.list(l, its)
	}
}

// Table writes a table: the column titles in grey over a rule, then each row, every cell wrapped to
// its column. A row is never split over two pages, and the titles are repeated at the top of every
// page the table continues on. A row with fewer cells than columns leaves the rest empty; one with
// more is an error.
func (d *Document) Table(cols []Column, rows [][]string) {
	if d.err != nil || len(cols) == 0 {
		return
	}
	widths := columnWidths(cols)
	titles := make([]string, len(cols))
	for i, c := range cols {
		t, err := d.text("column title", c.Title)
		if err != nil {
			return
		}
		titles[i] = t
	}
	cells := make([][][]string, len(rows)) // row → column → lines
	for r, row := range rows {
		if len(row) > len(cols) {
			d.err = invalid("table row "+strconv.Itoa(r), "", "has "+strconv.Itoa(len(row))+" cells for "+strconv.Itoa(len(cols))+" columns")
			return
		}
		cells[r] = make([][]string, len(cols))
		for c, s := range row {
			t, err := d.text("table row "+strconv.Itoa(r), s)
			if err != nil {
				return
			}
			cells[r][c] = d.w.wrap(faceBody, t, widths[c]-cellPad)
		}
	}
	head := make([][]string, len(cols))
	headN := 1
	for c := range cols {
		head[c] = d.w.wrap(faceLabel, titles[c], widths[c]-cellPad)
		headN = max(headN, len(head[c]))
	}
	header := func() {
		d.cells(cols, widths, head, headN, faceLabel)
		d.w.gp.SetStrokeColor(ruleGrey, ruleGrey, ruleGrey)
		d.w.gp.SetLineWidth(headRule)
		d.w.gp.Line(left, d.w.y-1, right, d.w.y-1)
		d.w.y += 2
	}
	first := 1
	if len(cells) > 0 {
		first = lineCount(cells[0])
	}
	d.w.need(float64(headN+first)*lineBody + 3)
	header()
	page := d.w.pages
	for _, row := range cells {
		n := lineCount(row)
		d.w.need(float64(n) * lineBody)
		if d.w.pages != page {
			page = d.w.pages
			header()
		}
		d.cells(cols, widths, row, n, faceBody)
	}
	d.w.y += tableGap
}

// cells writes one row of cells, n lines high, at the current line.
func (d *Document) cells(cols []Column, widths []float64, row [][]string, n int, f face) {
	x := left
	for c := range cols {
		for i, l := range row[c] {
			lx := x
			if cols[c].Right {
				lx = x + widths[c] - cellPad - d.w.width(f, l)
			}
			d.w.text(f, lx, d.w.y+float64(i)*lineBody, l)
		}
		x += widths[c]
	}
	d.w.y += float64(n) * lineBody
}

// lineCount is the number of lines the tallest cell of a row takes, at least one.
func lineCount(row [][]string) int {
	n := 1
	for _, c := range row {
		n = max(n, len(c))
	}
	return n
}

// columnWidths gives each column its width, sharing what the fixed ones leave among the others.
func columnWidths(cols []Column) []float64 {
	out := make([]float64, len(cols))
	fixed, free := 0.0, 0
	for i, c := range cols {
		if c.Width > 0 {
			out[i] = c.Width
			fixed += c.Width
		} else {
			free++
		}
	}
	if free > 0 {
		share := max((contentW-fixed)/float64(free), 20)
		for i := range out {
			if out[i] == 0 {
				out[i] = share
			}
		}
	}
	return out
}

// Bytes writes the page numbers, when there is more than one page, and returns the PDF, or the first
// error any call met: a *[FieldError] wrapping [ErrInvalid] for text the document cannot show.
func (d *Document) Bytes() ([]byte, error) {
	if d.err != nil {
		return nil, d.err
	}
	return d.w.bytes()
}
