package pdf

import (
	"math"
	"strings"
	"unicode/utf8"

	"rsc.io/qr"
)

// Page geometry in PDF points (1/72 inch), measured from the top left corner: A4 portrait with
// 20 mm margins left, right and top and a deeper bottom margin that holds the page number.
const (
	left     = 56.7 // 20 mm
	right    = pageW - 56.7
	top      = 56.7
	bottom   = pageH - 62 // no text line reaches below this
	contentW = right - left

	lineSmall = 11.5 // line pitch of 8.5 pt text
	labelW    = 165  // the label column of a row
	colGap    = 10
	valueX    = left + labelW + colGap
	valueW    = right - valueX
	itemGap   = 2  // between list items
	bulletW   = 12 // the hanging indent of a list item
	keepLines = 8  // a row or list item of at most this many lines is never split over two pages
	headGap   = 14 // between the heading block's rule and the first row
	titleLine = 26 // line pitch of the title
	sectLine  = 20 // line pitch of a section title (the declaration's two halves)
	paraGap   = 6  // after a paragraph
	sepStep   = 14 // space around the rule between the declaration's two blocks
	pageNoY   = pageH - 40
	ruleGrey  = 160 // the grey of the rules
	ruleWidth = 0.6 // their width

	qrMaxSide = 200         // a long URL's code grows up to this
	qrModule  = 1.5         // the least module size (0.53 mm) before the code grows
	qrQuiet   = 4           // modules of quiet zone on each side (ISO/IEC 18004 § 7.3.7)
	qrGap     = 14          // between a QR code and the text beside it
	qrLevel   = qr.M        // error correction: 15 % of the codewords may be damaged
	urlBreaks = "/?&=#-._~" // a URL too long for its line breaks after one of these
)

// A face is the font at a size and a shade of grey (0 is black). There is one font: hierarchy comes
// from size and grey; a bold face would be a second embedded font program in every document.
type face struct {
	size float64
	grey uint8
}

var (
	faceRegister = face{9, 85}   // the register's name over the heading
	faceTitle    = face{20, 0}   // the document's title
	faceSection  = face{14, 0}   // a half of the declaration
	faceMeta     = face{10, 85}  // the heading block's issuer and time
	faceSmall    = face{8.5, 85} // small print, page numbers
	faceCont     = face{10, 85}  // the heading repeated on a continuation page
)

// A style is the size of a document's rows and paragraphs and of its QR codes. A register entry
// has one page's worth of rows and is set large; the declaration holds two halves on one page.
type style struct {
	label, body face    // a row's label (grey) and value, a paragraph
	line        float64 // their line pitch
	rowGap      float64 // between rows
	qrMinSide   float64 // the side of a QR code with its quiet zone, for a short URL
}

var (
	entryStyle = style{label: face{11.5, 85}, body: face{11.5, 0}, line: 17, rowGap: 6, qrMinSide: 128}    // QR 45 mm
	declStyle  = style{label: face{10.5, 85}, body: face{10.5, 0}, line: 14.5, rowGap: 3.5, qrMinSide: 92} // QR 32 mm
)

// pitch returns the distance between the lines of text in face f.
func (w *writer) pitch(f face) float64 {
	switch f {
	case faceTitle:
		return titleLine
	case faceSection:
		return sectLine
	case faceSmall:
		return lineSmall
	case faceMeta, faceCont:
		return 14
	}
	return w.style.line
}

// writer lays text out on A4 pages from the top down, starting a new page when the next line would
// pass the bottom margin, and writes the page contents: text in the embedded font, rules, the QR
// codes as paths. The first error is kept in err and every later call does nothing.
type writer struct {
	fs    *fontSet
	pages []*page
	cur   *page
	y     float64 // the top of the next line
	// pageTop is where the current page's content starts: under the continuation heading on a page
	// after the first.
	pageTop float64
	blocks  uint8 // the font blocks the text uses (see blockOf)
	// The graphics state of the current page's content, so that each is set only when it changes.
	size   float64 // font size, 0 before the first text
	fill   int     // fill grey, 0–255; a page starts black
	stroke bool    // whether the rules' grey and width are set
	cont   string  // the heading repeated at the top of every page after the first
	// pageNo formats the page number written under each page of a document of more than one.
	pageNo func(page, pages int) string
	meta   meta
	style  style
	err    error
}

// newWriter starts a document with one empty page.
func newWriter(m meta, st style, cont string, pageNo func(page, pages int) string) (*writer, error) {
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	w := &writer{fs: fs, cont: cont, pageNo: pageNo, meta: m, style: st}
	w.newPage()
	return w, nil
}

// width returns the width of s in face f, as a viewer draws it with the font's /W widths.
func (w *writer) width(f face, s string) float64 {
	n := 0
	for _, r := range s {
		if r < 0x10000 {
			n += int(w.fs.w1000[w.fs.gid[r]])
		}
	}
	return float64(n) * f.size / 1000
}

// wrap breaks s into lines no wider than width in face f: at spaces (the text is cleaned, so words
// are separated by single spaces), and a word wider than a whole line after one of urlBreaks or,
// failing that, anywhere.
func (w *writer) wrap(f face, s string, width float64) []string {
	if s == "" {
		return nil
	}
	if w.width(f, s) <= width {
		return []string{s}
	}
	space := w.width(f, " ")
	var lines []string
	start, lineW := -1, 0.0 // the current line is s[start:end]
	end := 0
	for i := 0; i <= len(s); {
		j := strings.IndexByte(s[i:], ' ')
		if j < 0 {
			j = len(s)
		} else {
			j += i
		}
		word := s[i:j]
		ww := w.width(f, word)
		switch {
		case start >= 0 && lineW+space+ww <= width:
			end, lineW = j, lineW+space+ww
		default:
			if start >= 0 {
				lines = append(lines, s[start:end])
			}
			for ww > width {
				head, tail := w.breakWord(f, word, width)
				lines = append(lines, head)
				word = tail
				ww = w.width(f, word)
			}
			start, end, lineW = j-len(word), j, ww
		}
		i = j + 1
	}
	if start >= 0 && end > start {
		lines = append(lines, s[start:end])
	}
	return lines
}

// breakWord splits word, wider than width, into a head that fits and the rest. The head ends after
// the last of urlBreaks that leaves it at least a third of the line, or else as late as it fits. It
// always holds at least one rune, so wrapping ends.
func (w *writer) breakWord(f face, word string, width float64) (head, tail string) {
	fit, soft, x := 0, 0, 0.0
	for i, r := range word {
		if r < 0x10000 {
			x += float64(w.fs.w1000[w.fs.gid[r]]) * f.size / 1000
		}
		if x > width && fit > 0 {
			break
		}
		fit = i + utf8.RuneLen(r)
		if strings.ContainsRune(urlBreaks, r) && x >= width/3 {
			soft = fit
		}
	}
	if soft > 0 && soft < len(word) {
		fit = soft
	}
	return word[:fit], word[fit:]
}

// appendEscaped appends byte b of a literal string's glyph codes, escaped where a literal string
// needs it (ISO 32000-1 § 7.3.4.2): the string is binary, two bytes a glyph, half the size in hex.
func appendEscaped(c []byte, b byte) []byte {
	switch b {
	case '(', ')', '\\':
		return append(c, '\\', b)
	case '\n':
		return append(c, '\\', 'n')
	case '\r':
		return append(c, '\\', 'r')
	}
	return append(c, b)
}

// setFill sets the fill grey of the page's content.
func (w *writer) setFill(grey uint8) {
	if w.fill == int(grey) {
		return
	}
	c := w.cur.content
	c = appendNum(c, float64(grey)/255, 3)
	w.cur.content = append(c, " g\n"...)
	w.fill = int(grey)
}

// text draws s with the top of its line at (x, y): one text object, its glyphs as two-byte CIDs.
func (w *writer) text(f face, x, y float64, s string) {
	if w.err != nil || s == "" {
		return
	}
	w.setFill(f.grey)
	c := append(w.cur.content, "BT "...)
	if w.size != f.size {
		c = append(c, "/F1 "...)
		c = appendNum(c, f.size, 2)
		c = append(c, " Tf "...)
		w.size = f.size
	}
	c = appendNum(c, x, 2)
	c = append(c, ' ')
	c = appendNum(c, pageH-y-float64(w.fs.baseline)*f.size/1000, 2)
	c = append(c, " Td ("...)
	for _, r := range s {
		w.blocks |= blockOf(r)
		var g uint16
		if r < 0x10000 {
			g = w.fs.gid[r]
		}
		c = appendEscaped(appendEscaped(c, byte(g>>8)), byte(g))
	}
	w.cur.content = append(c, ") Tj ET\n"...)
}

// rule draws a thin grey line across the column at y.
func (w *writer) rule(y float64) {
	c := w.cur.content
	if !w.stroke {
		c = appendNum(c, ruleGrey/255.0, 3)
		c = append(c, " G "...)
		c = appendNum(c, ruleWidth, 2)
		c = append(c, " w\n"...)
		w.stroke = true
	}
	c = appendNum(c, left, 2)
	c = append(c, ' ')
	c = appendNum(c, pageH-y, 2)
	c = append(c, " m "...)
	c = appendNum(c, right, 2)
	c = append(c, ' ')
	c = appendNum(c, pageH-y, 2)
	w.cur.content = append(c, " l S\n"...)
}

// link adds a link to url over the rectangle whose top left corner is (x, y).
func (w *writer) link(url string, x, y, width, height float64) {
	w.cur.links = append(w.cur.links, link{x1: x, y1: pageH - y - height, x2: x + width, y2: pageH - y, uri: url})
}

func (w *writer) newPage() {
	if w.err != nil {
		return
	}
	w.cur = &page{content: make([]byte, 0, 16<<10)}
	w.pages = append(w.pages, w.cur)
	w.size, w.fill, w.stroke = 0, 0, false
	w.y = top
	if len(w.pages) > 1 && w.cont != "" {
		w.text(faceCont, left, w.y, w.cont)
		w.rule(w.y + w.pitch(faceCont) + 2)
		w.y += w.pitch(faceCont) + 2 + headGap
	}
	w.pageTop = w.y
}

// setPage makes page i (from 0) the one drawn on, to add its number once the number of pages is
// known.
func (w *writer) setPage(i int) {
	w.cur = w.pages[i]
	w.size, w.fill, w.stroke = -1, -1, false // unknown at the end of the page: set again
}

// need starts a new page unless h more points fit above the bottom margin.
func (w *writer) need(h float64) {
	if w.y+h > bottom {
		w.newPage()
	}
}

// lines writes s in face f across width from x, wrapped, and moves down.
func (w *writer) lines(f face, x, width float64, s string) {
	ls := w.wrap(f, s, width)
	if len(ls) <= keepLines {
		w.need(float64(len(ls)) * w.pitch(f))
	}
	for _, l := range ls {
		w.need(w.pitch(f))
		w.text(f, x, w.y, l)
		w.y += w.pitch(f)
	}
}

// heading writes the heading block every document opens with: the register's name on the left and
// its address on the right, the title, then each of meta (the issuer, the time generated) on a line
// of its own, and a rule under them.
func (w *writer) heading(register, title string, meta ...string) {
	w.text(faceRegister, left, w.y, register)
	w.text(faceRegister, right-w.width(faceRegister, registerSite), w.y, registerSite)
	w.y += w.pitch(faceRegister) + 8
	w.lines(faceTitle, left, contentW, title)
	w.y += 2
	for _, m := range meta {
		w.lines(faceMeta, left, contentW, m)
	}
	w.y += 4
	w.rule(w.y)
	w.y += headGap
}

// section writes the title of one of the declaration's halves.
func (w *writer) section(s string) {
	w.need(sectLine + 3*w.style.line)
	w.lines(faceSection, left, contentW, s)
	w.y += 4
}

// para writes s as a paragraph across the column.
func (w *writer) para(f face, s string) {
	w.lines(f, left, contentW, s)
	w.y += paraGap
}

// row writes a label in the left column and its value, wrapped, in the right one.
func (w *writer) row(label, value string) {
	ls := w.wrap(w.style.label, label+":", labelW)
	vs := w.wrap(w.style.body, value, valueW)
	n := max(len(ls), len(vs))
	if n <= keepLines {
		w.need(float64(n) * w.style.line)
	}
	for i := range n {
		w.need(w.style.line)
		if i < len(ls) {
			w.text(w.style.label, left, w.y, ls[i])
		}
		if i < len(vs) {
			w.text(w.style.body, valueX, w.y, vs[i])
		}
		w.y += w.style.line
	}
	w.y += w.style.rowGap
}

// list writes a label in the left column and the items as a bulleted list in the right one, each
// item wrapped with a hanging indent.
func (w *writer) list(label string, items []string) {
	ls := w.wrap(w.style.label, label+":", labelW)
	for k, it := range items {
		vs := w.wrap(w.style.body, it, valueW-bulletW)
		n := len(vs)
		if k == 0 {
			n = max(n, len(ls))
		}
		if n <= keepLines {
			w.need(float64(n) * w.style.line)
		}
		for i := range n {
			w.need(w.style.line)
			if k == 0 && i < len(ls) {
				w.text(w.style.label, left, w.y, ls[i])
			}
			if i == 0 {
				w.text(w.style.body, valueX, w.y, "•")
			}
			if i < len(vs) {
				w.text(w.style.body, valueX+bulletW, w.y, vs[i])
			}
			w.y += w.style.line
		}
		w.y += itemGap
	}
	w.y += w.style.rowGap - itemGap
}

// verify writes the lines of a verification block on the left, the URL as a link among them, and
// the QR code of the URL on the right; the block is kept on one page. With atBottom it sits on the
// bottom margin of the page, under a rule, as a page's foot does — unless it does not fit under the
// content before it: then it starts the next page.
func (w *writer) verify(before []string, url string, code *qr.Code, after []string, atBottom bool) {
	lines, textH, side := w.verifyLines(before, url, code, after)
	h := max(textH, side)
	switch {
	case atBottom && w.y+h+headGap <= bottom:
		// On the page of the content before it, at its foot, under a rule.
		w.y = max(bottom-h, w.y+headGap)
		w.rule(w.y - headGap/2 - 2)
	case atBottom:
		// Alone on a page of its own: at its top, under the continuation heading.
		w.newPage()
	default:
		w.need(h)
	}
	y0 := w.y
	w.qr(right-side, y0, side, code)
	w.link(url, right-side, y0, side, side)
	// The text is centred beside the code.
	y := y0 + max(0, (side-textH)/2)
	for _, l := range lines {
		w.text(l.f, left, y, l.s)
		if l.link {
			w.link(url, left, y, w.width(l.f, l.s), w.pitch(l.f))
		}
		y += w.pitch(l.f)
	}
	w.y = y0 + h + w.style.rowGap
}

// verifyLine is a line of text of a verification block.
type verifyLine struct {
	f    face
	s    string
	link bool
}

// verifyLines wraps the text of a verification block beside its QR code, and returns the lines,
// their height and the code's side.
func (w *writer) verifyLines(before []string, url string, code *qr.Code, after []string) (lines []verifyLine, textH, side float64) {
	side = w.qrSide(code)
	textW := contentW - side - qrGap
	add := func(f face, s string, link bool) {
		for _, l := range w.wrap(f, s, textW) {
			lines = append(lines, verifyLine{f, l, link})
			textH += w.pitch(f)
		}
	}
	for _, s := range before {
		add(w.style.body, s, false)
	}
	add(w.style.body, url, true)
	for _, s := range after {
		add(faceSmall, s, false)
	}
	return lines, textH, side
}

// keepWithVerify starts a new page unless the rows rows of one line each that come next fit on
// this page with the verification block after them, so that the block never stands alone on a
// page.
func (w *writer) keepWithVerify(rows int, before []string, url string, code *qr.Code, after []string) {
	_, textH, side := w.verifyLines(before, url, code, after)
	w.need(float64(rows)*(w.style.line+w.style.rowGap) + max(textH, side) + headGap)
}

// qrSide returns the side of the square a code takes with its quiet zone: qrMinSide, or more for a
// code with so many modules that they would be smaller than qrModule.
func (w *writer) qrSide(code *qr.Code) float64 {
	n := float64(code.Size + 2*qrQuiet)
	return min(max(w.style.qrMinSide, n*qrModule), qrMaxSide)
}

// qr draws code as one filled path inside the square of side side whose top left corner is (x, y),
// leaving qrQuiet light modules all round. The path is in module units — a transformation matrix
// scales it — so each rectangle is four small integers; each rectangle is a run of dark modules in a
// row extended down over the rows below that are dark in the same columns.
func (w *writer) qr(x, y, side float64, code *qr.Code) {
	if w.err != nil {
		return
	}
	n := code.Size
	m := math.Floor(side/float64(n+2*qrQuiet)*1000) / 1000
	pad := (side - m*float64(n)) / 2
	c := append(w.cur.content, "q "...)
	for _, v := range [...]float64{m, 0, 0, -m, x + pad, pageH - y - pad} {
		c = appendNum(c, v, 3)
		c = append(c, ' ')
	}
	c = append(c, "cm 0 g\n"...)
	done := make([]bool, n*n)
	free := func(col, row int) bool { return code.Black(col, row) && !done[row*n+col] }
	for r := range n {
		for col := 0; col < n; col++ {
			if !free(col, r) {
				continue
			}
			e := col + 1
			for e < n && free(e, r) {
				e++
			}
			h := 1
		grow:
			for r+h < n {
				for k := col; k < e; k++ {
					if !free(k, r+h) {
						break grow
					}
				}
				h++
			}
			for i := r; i < r+h; i++ {
				for k := col; k < e; k++ {
					done[i*n+k] = true
				}
			}
			for _, v := range [...]int{col, r, e - col, h} {
				c = appendInt(c, v)
				c = append(c, ' ')
			}
			c = append(c, "re\n"...)
			col = e - 1
		}
	}
	w.cur.content = append(c, "f Q\n"...)
}

func appendInt(b []byte, v int) []byte {
	if v >= 0 && v < 10 {
		return append(b, byte('0'+v))
	}
	return appendNum(b, float64(v), 0)
}

// bytes writes the page numbers, when there is more than one page, and returns the PDF.
func (w *writer) bytes() ([]byte, error) {
	if w.err == nil && len(w.pages) > 1 && w.pageNo != nil {
		for p := range w.pages {
			w.setPage(p)
			s := w.pageNo(p+1, len(w.pages))
			w.text(faceSmall, right-w.width(faceSmall, s), pageNoY, s)
		}
	}
	if w.err != nil {
		return nil, w.err
	}
	font, err := w.fs.embedded(w.blocks)
	if err != nil {
		return nil, err
	}
	return assemble(w.pages, font, &w.meta)
}
