package pdf

import (
	"strconv"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
)

// Document is a plain A4 document that another package lays out in the layout of the register's
// documents, on this package's PDF writer: the application form (avaldus) of package application,
// the assessment protocol and the compensation statement of package exam/vocational. It has the
// heading block of the stamp's documents (the register's name and address, the title, lines under
// it, a rule), section titles, rows of a grey label and a black value, bulleted lists, paragraphs,
// small grey notes and tables, in the same embedded font, wrapped to their columns and continued
// on numbered pages under a repeated heading when they run over one. The PDF is PDF/A-2b as the
// stamp's documents are (XMP metadata, the sRGB output intent, a file identifier, the font
// subset embedded).
//
// Text is cleaned as the stamp's text is (NFC, white space collapsed, at most [MaxTextLen]
// characters): text that is not UTF-8, too long, or with a character the font cannot show (see
// [Covers]) makes [Document.Bytes] return a *[FieldError] wrapping [ErrInvalid] that names the
// text — a row's label, a column's title — and every call after the first error does nothing. The
// same calls with the same [DocumentInfo] give the same bytes. A Document is not safe for
// concurrent use; documents are independent of each other.
type Document struct {
	w         *writer
	fs        *fontSet
	lang      law.Lang
	bilingual bool
	err       error
}

// DocumentInfo describes a [Document]: what its metadata records, and its language.
type DocumentInfo struct {
	Title   string // the PDF's title (Info dictionary and XMP), e.g. "Hindamisprotokoll 12"
	Subject string // the PDF's subject
	Author  string // who issues the document: an awarding body, the applicant
	// Lang is the document's language: of its metadata, its page numbers ("Lehekülg 2/3", "Page 2
	// of 3") and the heading repeated on the pages after the first ("(järg)", "(continued)").
	Lang law.Lang
	// Bilingual marks a document in Estonian with the English beside it (Lang is then Estonian): the
	// register's name, the page numbers and the continuation are given in both languages.
	Bilingual bool
	// Continued is the heading at the top of every page after the first; "" is Title followed by
	// "(järg)", "(continued)" or "(järg / continued)".
	Continued string
	// Generated is when the document is generated: its creation date, never read from the clock, so
	// that the same input gives the same bytes. It is required.
	Generated time.Time
}

// Column is a column of a [Document.Table]: its title, its width in points (0: an equal share of what
// the other columns leave of the text's width of 481.9 points) and whether its cells are set flush
// right (numbers, amounts).
type Column struct {
	Title string
	Width float64
	Right bool
}

// The geometry of a Document beyond the stamp's documents'.
const (
	docSectGap   = 10 // space above a section title that does not open a page
	cellPad      = 6  // space between a table's columns
	tableHeadGap = 4  // between a table's titles and the rule under them, and the rule and the first row
	tableRowGap  = 3  // between a table's rows
	tableGap     = 8  // after a table
	minColumnW   = 20 // the least a column shares of the free width
)

// docStyle is the size of a Document's rows, paragraphs and tables: the declaration's, which holds
// the most on a page while staying as easy to read.
var docStyle = declStyle

// NewDocument starts a document with one empty page. A zero Generated, or a title, subject, author
// or continued heading the font cannot show, is a *[FieldError] wrapping [ErrInvalid].
func NewDocument(info DocumentInfo) (*Document, error) {
	if info.Generated.IsZero() {
		return nil, badInput("Generated", "", "is required: the instant the document is generated, which it records as its creation date")
	}
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	loc, err := calendar.Tallinn()
	if err != nil {
		return nil, err
	}
	d := &Document{fs: fs}
	var txt [4]string
	for i, f := range [...]struct{ name, s string }{{"Title", info.Title}, {"Subject", info.Subject}, {"Author", info.Author}, {"Continued", info.Continued}} {
		if txt[i], err = clean(fs, f.name, f.s); err != nil {
			return nil, err
		}
	}
	lang, both := info.Lang, info.Bilingual
	if both {
		lang = law.Estonian
	}
	cont := txt[3]
	if cont == "" && txt[0] != "" {
		cont = txt[0] + pick(lang, both, " (järg)", " (continued)", " (järg / continued)")
	}
	m := meta{title: txt[0], subject: txt[1], author: txt[2], creator: creator, producer: creator,
		lang: lang.Pick("et", "en"), created: info.Generated.In(loc).Truncate(time.Second)}
	pageNo := func(p, n int) string {
		ps, ns := strconv.Itoa(p), strconv.Itoa(n)
		return pick(lang, both, "Lehekülg "+ps+"/"+ns, "Page "+ps+" of "+ns, "Lehekülg / Page "+ps+"/"+ns)
	}
	if d.w, err = newWriter(m, docStyle, cont, pageNo); err != nil {
		return nil, err
	}
	d.lang, d.bilingual = lang, both
	return d, nil
}

// pick returns et, en or both by the document's language.
func pick(lang law.Lang, bilingual bool, et, en, both string) string {
	if bilingual {
		return both
	}
	return lang.Pick(et, en)
}

// Covers reports whether the documents' font can show every character of s, and else returns the
// first one it cannot (a document must not show a person's name with a letter missing), so that a
// form can refuse such text when it is entered rather than when the document is made.
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

// Heading writes the heading block a document opens with, as the stamp's documents do: the
// register's name ("KUTSEREGISTER", with "REGISTER OF OCCUPATIONAL QUALIFICATIONS" in English or
// both languages) and its address on the first line, the title in 20 pt, each of lines (a subtitle,
// the issuer, the time generated) in grey under it, and a thin rule. Call it first.
func (d *Document) Heading(title string, lines ...string) {
	t, ok := d.text("title", title)
	if !ok {
		return
	}
	meta := make([]string, 0, len(lines))
	for i, l := range lines {
		c, ok := d.text("heading line "+strconv.Itoa(i+1), l)
		if !ok {
			return
		}
		if c != "" {
			meta = append(meta, c)
		}
	}
	register := registerEt
	if d.bilingual || d.lang == law.English {
		register += " · " + registerEnCaps
	}
	d.w.heading(register, t, meta...)
}

// Section writes a section title in 14 pt with space above it; a title is never left alone at the
// foot of a page.
func (d *Document) Section(title string) {
	t, ok := d.text("section", title)
	if !ok || t == "" {
		return
	}
	if d.w.y > d.w.pageTop {
		d.w.y += docSectGap
	}
	d.w.section(t)
}

// Row writes a label in the left column and its value, wrapped, in the right one. A row with no
// value is left out, as the stamp's documents leave it out; a form that shows a field left empty
// passes a dash.
func (d *Document) Row(label, value string) {
	l, ok := d.text("label", label)
	if !ok {
		return
	}
	v, ok := d.text(l, value)
	if ok && v != "" {
		d.w.row(l, v)
	}
}

// List writes a label in the left column and the items as a bulleted list in the right one, each
// wrapped with a hanging indent. Empty items are left out, and a list of none is.
func (d *Document) List(label string, items []string) {
	l, ok := d.text("label", label)
	if !ok {
		return
	}
	out := make([]string, 0, len(items))
	for i, it := range items {
		t, ok := d.text(l+"["+strconv.Itoa(i)+"]", it)
		if !ok {
			return
		}
		if t != "" {
			out = append(out, t)
		}
	}
	if len(out) > 0 {
		d.w.list(l, out)
	}
}

// Paragraph writes s across the text's width.
func (d *Document) Paragraph(s string) {
	if t, ok := d.text("paragraph", s); ok && t != "" {
		d.w.para(d.w.style.body, t)
	}
}

// Note writes s across the text's width in small grey type: an explanation of the marks, the time
// the document was generated.
func (d *Document) Note(s string) {
	if t, ok := d.text("note", s); ok && t != "" {
		d.w.para(faceSmall, t)
	}
}

// Table writes a table: the columns' titles in grey over a rule, then each row, every cell wrapped to
// its column (a number or an amount flush right in a [Column] with Right). A row is kept on one page
// (unless it is taller than a page), and the titles are repeated at the top of every page the table
// continues on. A row with fewer cells than columns leaves the rest empty; one with more, or columns
// wider together than the text, is a *[FieldError] wrapping [ErrInvalid]. No columns write nothing.
func (d *Document) Table(cols []Column, rows [][]string) {
	if d.err != nil || len(cols) == 0 {
		return
	}
	widths, ok := d.columnWidths(cols)
	if !ok {
		return
	}
	w := d.w
	st := w.style
	head := make([][]string, len(cols))
	headN := 1
	for c, col := range cols {
		t, ok := d.text("column "+strconv.Itoa(c+1)+" title", col.Title)
		if !ok {
			return
		}
		head[c] = w.wrap(st.label, t, widths[c]-cellPad)
		headN = max(headN, len(head[c]))
	}
	cells := make([][][]string, len(rows)) // row → column → lines
	for r, row := range rows {
		if len(row) > len(cols) {
			d.err = badInput("table row "+strconv.Itoa(r+1), "", "has "+strconv.Itoa(len(row))+" cells for "+strconv.Itoa(len(cols))+" columns")
			return
		}
		cells[r] = make([][]string, len(cols))
		for c, s := range row {
			field := cols[c].Title
			if field == "" {
				field = "column " + strconv.Itoa(c+1)
			}
			t, ok := d.text(field+" (table row "+strconv.Itoa(r+1)+")", s)
			if !ok {
				return
			}
			cells[r][c] = w.wrap(st.body, t, widths[c]-cellPad)
		}
	}
	headH := float64(headN)*st.line + 2*tableHeadGap
	header := func() {
		d.cells(cols, widths, head, 0, headN, st.label)
		w.y += float64(headN)*st.line + tableHeadGap
		w.rule(w.y - tableHeadGap/2)
		w.y += tableHeadGap
	}
	first := 1
	if len(cells) > 0 {
		first = lineCount(cells[0])
	}
	w.need(headH + float64(min(first, keepLines))*st.line)
	header()
	page := len(w.pages)
	// The most a page holds of a row: a continuation page's, under its repeated heading, which is
	// less than the first page's.
	contTop := float64(top)
	if w.cont != "" {
		contTop += w.pitch(faceCont) + 2 + headGap
	}
	room := bottom - contTop - headH
	for _, row := range cells {
		n := lineCount(row)
		if float64(n)*st.line <= room {
			w.need(float64(n) * st.line)
			if len(w.pages) != page {
				page = len(w.pages)
				header()
			}
			d.cells(cols, widths, row, 0, n, st.body)
			w.y += float64(n) * st.line
		} else {
			// A row taller than a page: a line at a time, the titles over each page's part.
			for i := range n {
				w.need(st.line)
				if len(w.pages) != page {
					page = len(w.pages)
					header()
				}
				d.cells(cols, widths, row, i, 1, st.body)
				w.y += st.line
			}
		}
		w.y += tableRowGap
	}
	w.y += tableGap - tableRowGap
}

// cells writes lines from to from+n of each cell of a row, from the current line.
func (d *Document) cells(cols []Column, widths []float64, row [][]string, from, n int, f face) {
	x := left
	for c := range cols {
		for i := from; i < from+n && i < len(row[c]); i++ {
			l := row[c][i]
			lx := x
			if cols[c].Right {
				lx = x + widths[c] - cellPad - d.w.width(f, l)
			}
			d.w.text(f, lx, d.w.y+float64(i-from)*d.w.style.line, l)
		}
		x += widths[c]
	}
}

// lineCount is the number of lines the tallest cell of a row takes, at least one.
func lineCount(row [][]string) int {
	n := 1
	for _, c := range row {
		n = max(n, len(c))
	}
	return n
}

// columnWidths gives each column its width, sharing what the fixed ones leave among the others; it
// refuses columns that do not fit across the text.
func (d *Document) columnWidths(cols []Column) ([]float64, bool) {
	out := make([]float64, len(cols))
	fixed, free := 0.0, 0
	for i, c := range cols {
		switch {
		case c.Width < 0 || c.Width > contentW:
			d.err = badInput("column "+strconv.Itoa(i+1)+" width", strconv.FormatFloat(c.Width, 'f', -1, 64),
				"must be from 0 (a share of the free width) to the text's width of "+fmtNum(contentW)+" points")
			return nil, false
		case c.Width > 0:
			out[i] = c.Width
			fixed += c.Width
		default:
			free++
		}
	}
	share := 0.0
	if free > 0 {
		share = (contentW - fixed) / float64(free)
	}
	if fixed+float64(free)*max(share, minColumnW) > contentW+0.01 {
		d.err = badInput("columns", strconv.Itoa(len(cols))+" columns", "are "+fmtNum(fixed+float64(free)*minColumnW)+
			" points wide together; the text is "+fmtNum(contentW)+" points wide")
		return nil, false
	}
	for i := range out {
		if out[i] == 0 {
			out[i] = share
		}
	}
	return out, true
}

// Bytes numbers the pages of a document of more than one and returns the PDF, or the first error
// any call met: a *[FieldError] wrapping [ErrInvalid] for text or a table the document cannot show.
func (d *Document) Bytes() ([]byte, error) {
	if d.err != nil {
		return nil, d.err
	}
	return d.w.bytes()
}
