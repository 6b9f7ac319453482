package pdf

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/signintech/gopdf"
	"rsc.io/qr"
)

// Page geometry in PDF points (1/72 inch): A4 portrait with 20 mm margins left, right and top and a
// deeper bottom margin that holds the page number.
const (
	pageW    = 595.0 // gopdf.PageSizeA4
	pageH    = 842.0
	left     = 56.7 // 20 mm
	right    = pageW - 56.7
	top      = 56.7
	bottom   = pageH - 62 // no text line reaches below this
	contentW = right - left

	lineBody  = 14.5 // line pitch of 10.5 pt text
	lineSmall = 11   // line pitch of 8 pt text
	labelW    = 165  // the label column of a row
	colGap    = 10
	valueX    = left + labelW + colGap
	valueW    = right - valueX
	rowGap    = 3.5 // between rows
	itemGap   = 2   // between list items
	bulletW   = 11  // the hanging indent of a list item
	keepLines = 8   // a row or list item of at most this many lines is never split over two pages

	qrMinSide = 102  // 36 mm: the side of a QR code with its quiet zone, for a short URL
	qrMaxSide = 200  // a long URL's code grows up to this
	qrModule  = 1.5  // the least module size (0.53 mm) before the code grows
	qrQuiet   = 4    // modules of quiet zone on each side (ISO/IEC 18004 § 7.3.7)
	qrGap     = 14   // between a QR code and the text beside it
	qrLevel   = qr.M // error correction: 15 % of the codewords may be damaged
	pageNoY   = pageH - 40
	ruleGrey  = 160         // the grey of the rules under headings
	ruleWidth = 0.6         // their width
	titleStep = 30          // from a title's top to the rule under it and on
	contStep  = 22          // the same for the heading repeated on continuation pages
	sepStep   = 22          // space around the rule between the declaration's two blocks
	paraGap   = 6           // after a paragraph
	urlBreaks = "/?&=#-._~" // a URL too long for its line breaks after one of these
)

// A face is the font at a size and a shade of grey (0 is black). There is one font: a second one, a
// bold face for the labels, would cost every document a second embedded subset, and with it about a
// third more time to render (gopdf compresses each subset with a fresh zlib writer).
type face struct {
	size float64
	grey uint8
}

var (
	faceTitle = face{17, 0}
	faceLabel = face{10.5, 85}
	faceBody  = face{10.5, 0}
	faceSmall = face{8, 85}
)

// writer lays text out on A4 pages from the top down, starting a new page when the next line would
// pass the bottom margin. The first error is kept in err and every later call does nothing.
type writer struct {
	gp    gopdf.GoPdf
	cur   face
	y     float64 // the top of the next line
	pages int
	cont  string // the heading repeated at the top of every page after the first
	// pageNo formats the page number written under each page of a document of more than one.
	pageNo func(page, pages int) string
	err    error
}

// newWriter starts a document with the font and one empty page.
func newWriter(info gopdf.PdfInfo, cont string, pageNo func(page, pages int) string) (*writer, error) {
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	w := &writer{cont: cont, pageNo: pageNo}
	w.gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	w.gp.SetInfo(info)
	if err := w.gp.AddTTFFontFromFontContainer(fontName, fs.container); err != nil {
		return nil, err
	}
	w.newPage()
	return w, w.err
}

func (w *writer) setFace(f face) {
	if w.err != nil || f == w.cur {
		return
	}
	if err := w.gp.SetFont(fontName, "", f.size); err != nil {
		w.err = err
		return
	}
	w.gp.SetTextColor(f.grey, f.grey, f.grey)
	w.cur = f
}

// width returns the width of s in face f.
func (w *writer) width(f face, s string) float64 {
	w.setFace(f)
	if w.err != nil {
		return 0
	}
	x, err := w.gp.MeasureTextWidth(s)
	if err != nil {
		w.err = err
	}
	return x
}

// wrap breaks s into lines no wider than width in face f: at spaces (the text is cleaned, so words
// are separated by single spaces), and a word wider than a whole line after one of urlBreaks or,
// failing that, anywhere.
func (w *writer) wrap(f face, s string, width float64) []string {
	if s == "" {
		return nil
	}
	space := w.width(f, " ")
	var lines []string
	line, lineW := "", 0.0
	for word := range strings.SplitSeq(s, " ") {
		ww := w.width(f, word)
		if line != "" && lineW+space+ww <= width {
			line += " " + word
			lineW += space + ww
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		for ww > width && w.err == nil {
			head, tail := w.breakWord(f, word, width)
			lines = append(lines, head)
			word = tail
			ww = w.width(f, word)
		}
		line, lineW = word, ww
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// breakWord splits word, wider than width, into a head that fits and the rest. The head ends after
// the last of urlBreaks that leaves it at least a third of the line, or else as late as it fits. It
// always holds at least one rune, so wrapping ends.
func (w *writer) breakWord(f face, word string, width float64) (head, tail string) {
	fit, soft, x := 0, 0, 0.0
	for i, r := range word {
		x += w.width(f, string(r))
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

// text draws s with the top of its line at (x, y).
func (w *writer) text(f face, x, y float64, s string) {
	w.setFace(f)
	if w.err != nil || s == "" {
		return
	}
	w.gp.SetXY(x, y)
	if err := w.gp.Cell(nil, s); err != nil {
		w.err = err
	}
}

// rule draws a thin grey line across the column at y.
func (w *writer) rule(y float64) {
	w.gp.SetStrokeColor(ruleGrey, ruleGrey, ruleGrey)
	w.gp.SetLineWidth(ruleWidth)
	w.gp.Line(left, y, right, y)
}

func (w *writer) newPage() {
	if w.err != nil {
		return
	}
	w.gp.AddPage()
	w.pages++
	w.y = top
	if w.pages > 1 && w.cont != "" {
		w.text(faceLabel, left, w.y, w.cont)
		w.rule(w.y + contStep - 6)
		w.y += contStep
	}
}

// need starts a new page unless h more points fit above the bottom margin.
func (w *writer) need(h float64) {
	if w.y+h > bottom {
		w.newPage()
	}
}

// title writes a heading with a rule under it.
func (w *writer) title(s string) {
	lines := w.wrap(faceTitle, s, contentW)
	w.need(float64(len(lines))*20 + titleStep)
	for i, l := range lines {
		if i > 0 {
			w.y += 20
		}
		w.text(faceTitle, left, w.y, l)
	}
	w.rule(w.y + titleStep - 8)
	w.y += titleStep
}

// para writes s as a paragraph across the column.
func (w *writer) para(f face, s string) {
	lines := w.wrap(f, s, contentW)
	if len(lines) <= keepLines {
		w.need(float64(len(lines)) * lineBody)
	}
	for _, l := range lines {
		w.need(lineBody)
		w.text(f, left, w.y, l)
		w.y += lineBody
	}
	w.y += paraGap
}

// row writes a label in the left column and its value, wrapped, in the right one.
func (w *writer) row(label, value string) {
	ls := w.wrap(faceLabel, label+":", labelW)
	vs := w.wrap(faceBody, value, valueW)
	n := max(len(ls), len(vs))
	if n <= keepLines {
		w.need(float64(n) * lineBody)
	}
	for i := range n {
		w.need(lineBody)
		if i < len(ls) {
			w.text(faceLabel, left, w.y, ls[i])
		}
		if i < len(vs) {
			w.text(faceBody, valueX, w.y, vs[i])
		}
		w.y += lineBody
	}
	w.y += rowGap
}

// list writes a label in the left column and the items as a bulleted list in the right one, each
// item wrapped with a hanging indent.
func (w *writer) list(label string, items []string) {
	ls := w.wrap(faceLabel, label+":", labelW)
	for k, it := range items {
		vs := w.wrap(faceBody, it, valueW-bulletW)
		n := len(vs)
		if k == 0 {
			n = max(n, len(ls))
		}
		if n <= keepLines {
			w.need(float64(n) * lineBody)
		}
		for i := range n {
			w.need(lineBody)
			if k == 0 && i < len(ls) {
				w.text(faceLabel, left, w.y, ls[i])
			}
			if i == 0 {
				w.text(faceBody, valueX, w.y, "•")
			}
			if i < len(vs) {
				w.text(faceBody, valueX+bulletW, w.y, vs[i])
			}
			w.y += lineBody
		}
		w.y += itemGap
	}
	w.y += rowGap - itemGap
}

// verify writes the lines of a verification block on the left, the URL as a link under them, and
// the QR code of the URL on the right; the block is kept on one page.
func (w *writer) verify(before []string, url string, code *qr.Code, after []string) {
	side := qrSide(code)
	textW := contentW - side - qrGap
	var lines []struct {
		f    face
		s    string
		link bool
	}
	add := func(f face, s string, link bool) {
		for _, l := range w.wrap(f, s, textW) {
			lines = append(lines, struct {
				f    face
				s    string
				link bool
			}{f, l, link})
		}
	}
	for _, s := range before {
		add(faceBody, s, false)
	}
	add(faceBody, url, true)
	for _, s := range after {
		add(faceSmall, s, false)
	}
	textH := 0.0
	for _, l := range lines {
		textH += pitch(l.f)
	}
	h := max(textH, side)
	w.need(h)
	y0 := w.y
	w.qr(right-side, y0, side, code)
	w.gp.AddExternalLink(url, right-side, y0, side, side)
	y := y0
	for _, l := range lines {
		w.text(l.f, left, y, l.s)
		if l.link {
			w.gp.AddExternalLink(url, left, y, w.width(l.f, l.s), lineBody)
		}
		y += pitch(l.f)
	}
	w.y = y0 + h + rowGap
}

// pitch returns the distance between the lines of text in face f.
func pitch(f face) float64 {
	if f == faceSmall {
		return lineSmall
	}
	return lineBody
}

// qrSide returns the side of the square a code takes with its quiet zone: qrMinSide, or more for a
// code with so many modules that they would be smaller than qrModule.
func qrSide(code *qr.Code) float64 {
	n := float64(code.Size + 2*qrQuiet)
	return min(max(qrMinSide, n*qrModule), qrMaxSide)
}

// qr draws code as filled rectangles inside the square of side side whose top left corner is
// (x, y), leaving qrQuiet light modules all round. Each rectangle is a run of dark modules in a row
// extended down over the rows below that are dark in the same columns: a fifth fewer rectangles than
// one per run, and each one is a content operator gopdf formats. The module size is rounded down to
// 0.01 pt, the precision gopdf writes, so that neighbouring rectangles meet exactly.
func (w *writer) qr(x, y, side float64, code *qr.Code) {
	if w.err != nil {
		return
	}
	n := code.Size
	m := math.Floor(side/float64(n+2*qrQuiet)*100) / 100
	pad := math.Round((side-m*float64(n))/2*100) / 100
	x0, y0 := x+pad, y+pad
	done := make([]bool, n*n)
	free := func(c, r int) bool { return code.Black(c, r) && !done[r*n+c] }
	w.gp.SetFillColor(0, 0, 0)
	for r := range n {
		for c := 0; c < n; c++ {
			if !free(c, r) {
				continue
			}
			e := c + 1
			for e < n && free(e, r) {
				e++
			}
			h := 1
		grow:
			for r+h < n {
				for k := c; k < e; k++ {
					if !free(k, r+h) {
						break grow
					}
				}
				h++
			}
			for i := r; i < r+h; i++ {
				for k := c; k < e; k++ {
					done[i*n+k] = true
				}
			}
			w.gp.RectFromUpperLeftWithStyle(x0+m*float64(c), y0+m*float64(r), m*float64(e-c), m*float64(h), "F")
			c = e - 1
		}
	}
}

// bytes writes the page numbers, when there is more than one page, and returns the PDF. The page
// contents of a one-page document are stored uncompressed: they take 10–30 KB, and compressing
// them would cost gopdf another zlib writer, about a quarter of the time the document takes. Those
// of a longer document are compressed (Flate), which keeps a document of 40 competences under 60 KB.
func (w *writer) bytes() ([]byte, error) {
	if w.pages == 1 {
		w.gp.SetNoCompression()
	}
	if w.err == nil && w.pages > 1 && w.pageNo != nil {
		for p := 1; p <= w.pages; p++ {
			if err := w.gp.SetPage(p); err != nil {
				return nil, err
			}
			s := w.pageNo(p, w.pages)
			w.text(faceSmall, right-w.width(faceSmall, s), pageNoY, s)
		}
	}
	if w.err != nil {
		return nil, w.err
	}
	return w.gp.GetBytesPdfReturnErr()
}
