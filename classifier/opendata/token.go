package opendata

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// The tokens the reader's state machine consumes: start and end elements with their qualified names
// ("prefix:local" as written) and text with its entities resolved.
const (
	tokStart = iota + 1
	tokEnd
	tokText
)

type token struct {
	kind  uint8
	name  []byte // qualified name of a start or end element
	local []byte // its local part
	text  []byte // the text of a text token, entities resolved, line ends normalised
	line  int    // the line the token starts on (for a start element: where its tag is)
}

type tokenizer interface {
	// next returns the next token, io.EOF at the end, or an error ending the stream (wrapping
	// ErrSyntax for input that is not XML). The token's slices are valid until the next call.
	next() (token, error)
	// line returns the line of the tokenizer's position.
	line() int
}

// xmlTokens is the reference tokenizer: encoding/xml's RawToken, with the names and texts as the
// state machine wants them. Element nesting is checked by the state machine, not here.
type xmlTokens struct {
	d      *xml.Decoder
	offset int // the line the decoder's input starts on, minus one
	name   []byte
}

func newXMLTokens(r io.Reader, offset int) *xmlTokens {
	d := xml.NewDecoder(r)
	d.CharsetReader = charsetReader
	return &xmlTokens{d: d, offset: offset}
}

func (x *xmlTokens) line() int {
	l, _ := x.d.InputPos()
	return x.offset + l
}

func (x *xmlTokens) next() (token, error) {
	for {
		t, err := x.d.RawToken()
		if err == io.EOF {
			return token{}, io.EOF
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return token{}, fmt.Errorf("%w: %s", ErrSyntax, se.Msg)
			}
			return token{}, fmt.Errorf("%w: %v", ErrSyntax, err)
		}
		switch t := t.(type) {
		case xml.StartElement:
			return token{kind: tokStart, name: x.qname(t.Name), local: []byte(t.Name.Local), line: x.line()}, nil
		case xml.EndElement:
			return token{kind: tokEnd, name: x.qname(t.Name), local: []byte(t.Name.Local), line: x.line()}, nil
		case xml.CharData:
			return token{kind: tokText, text: t, line: x.line()}, nil
		}
		// Comments, processing instructions and directives carry no data.
	}
}

func (x *xmlTokens) qname(n xml.Name) []byte {
	x.name = append(x.name[:0], n.Space...)
	if n.Space != "" {
		x.name = append(x.name, ':')
	}
	return append(x.name, n.Local...)
}

// The fast tokenizer's limit on one token held in its buffer.
const maxToken = 8 << 20

// fastTokens reads the plain subset of XML that data feeds are made of: an XML declaration of
// version 1.0 in UTF-8, elements written <name>, </name> and <name/> with ASCII names and no
// attributes, comments, and text with the five predefined entities. At the first token outside that
// subset, or that might be wrong, it hands the rest of the input, from that token's first byte, to
// the reference tokenizer (encoding/xml) for good: so it never decides anything encoding/xml would
// decide otherwise, and the differential fuzz test (FuzzReader_OPN01) holds it to that. It exists
// because encoding/xml reads a byte at a time, 30–40 MB per CPU-second here, short of the 100 MB/s
// a daily feed of 160 MB asks for.
type fastTokens struct {
	src     io.Reader
	buf     []byte
	r, w    int
	eof     bool
	rerr    error // a read error to return once the buffer is used up
	ln      int   // the line of buf[r]
	started bool  // past the start of the document (where a declaration may stand)
	endName []byte
	pending bool // an end element for <name/> is due
	scratch []byte
	ref     *xmlTokens // after the hand-over
}

func newFastTokens(src io.Reader) *fastTokens {
	return &fastTokens{src: src, buf: make([]byte, 256<<10), ln: 1}
}

func (f *fastTokens) line() int {
	if f.ref != nil {
		return f.ref.line()
	}
	return f.ln
}

// fill reads more input, keeping buf[r:w]; it reports whether there is more to read.
func (f *fastTokens) fill() bool {
	if f.eof || f.rerr != nil {
		return false
	}
	if f.r > 0 {
		f.w = copy(f.buf, f.buf[f.r:f.w])
		f.r = 0
	}
	if f.w == len(f.buf) {
		if len(f.buf) >= maxToken {
			return false
		}
		nb := make([]byte, 2*len(f.buf))
		copy(nb, f.buf[:f.w])
		f.buf = nb
	}
	n, err := f.src.Read(f.buf[f.w:])
	f.w += n
	switch {
	case err == io.EOF:
		f.eof = true
	case err != nil:
		f.rerr = err
	}
	return n > 0 || (!f.eof && f.rerr == nil)
}

// handOver gives the input from buf[r] on to encoding/xml.
func (f *fastTokens) handOver() (token, error) {
	rest := io.Reader(bytes.NewReader(f.buf[f.r:f.w]))
	if !f.eof {
		src := f.src
		if f.rerr != nil {
			src = errReader{f.rerr}
		}
		rest = io.MultiReader(rest, src)
	}
	f.ref = newXMLTokens(rest, f.ln-1)
	return f.ref.next()
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// nameStart and nameByte are the ASCII bytes the fast tokenizer accepts in names.
var nameStart, nameByte, textPlain [256]bool

func init() {
	for c := 0; c < 256; c++ {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
		nameStart[c] = letter
		nameByte[c] = letter || c >= '0' && c <= '9' || c == '-' || c == '.'
		textPlain[c] = c >= 0x20 && c < 0x80 && c != '&' && c != '<' && c != ']' || c == '\t' || c == '\n'
	}
}

// scanName returns the offset from r of the first byte at or after offset from that is not a name
// byte, reading more input as needed (at most maxToken).
func (f *fastTokens) scanName(from int) int {
	n := from
	for {
		for f.r+n < f.w && nameByte[f.buf[f.r+n]] {
			n++
		}
		if f.r+n < f.w || !f.fill() {
			return n
		}
	}
}

// need makes at least n bytes available from r, and reports whether it could.
func (f *fastTokens) need(n int) bool {
	for f.w-f.r < n {
		if !f.fill() {
			return false
		}
	}
	return true
}

func (f *fastTokens) next() (token, error) {
	if f.ref != nil {
		return f.ref.next()
	}
	if f.pending {
		f.pending = false
		return token{kind: tokEnd, name: f.endName, local: f.endName, line: f.ln}, nil
	}
	for {
		if f.r == f.w && !f.fill() {
			if f.rerr != nil {
				return token{}, f.rerr
			}
			if f.w-f.r == 0 {
				return token{}, io.EOF
			}
		}
		if !f.started {
			f.started = true
			if f.need(6) && bytes.HasPrefix(f.buf[f.r:f.w], []byte("<?xml")) && isSpace(f.buf[f.r+5]) {
				if !f.declaration() {
					return f.handOver()
				}
				continue
			}
		}
		if f.buf[f.r] != '<' {
			return f.textToken()
		}
		if !f.need(2) {
			return f.handOver()
		}
		switch c := f.buf[f.r+1]; {
		case c == '/':
			n := f.scanName(2) // the name is buf[r+2 : r+n]
			if n == 2 || !f.need(n+1) || f.buf[f.r+n] != '>' || !nameStart[f.buf[f.r+2]] {
				return f.handOver()
			}
			name := f.buf[f.r+2 : f.r+n]
			f.r += n + 1
			return token{kind: tokEnd, name: name, local: name, line: f.ln}, nil
		case c == '!':
			if !f.need(4) || f.buf[f.r+2] != '-' || f.buf[f.r+3] != '-' {
				return f.handOver()
			}
			if !f.comment() {
				return f.handOver()
			}
		case nameStart[c]:
			n := f.scanName(1) // the name is buf[r+1 : r+n]
			switch {
			case f.need(n+1) && f.buf[f.r+n] == '>':
				name := f.buf[f.r+1 : f.r+n]
				f.r += n + 1
				return token{kind: tokStart, name: name, local: name, line: f.ln}, nil
			case f.need(n+2) && f.buf[f.r+n] == '/' && f.buf[f.r+n+1] == '>':
				f.endName = append(f.endName[:0], f.buf[f.r+1:f.r+n]...)
				f.r += n + 2
				f.pending = true
				return token{kind: tokStart, name: f.endName, local: f.endName, line: f.ln}, nil
			}
			return f.handOver()
		default:
			return f.handOver()
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// declaration reads an XML declaration at r, version 1.0 and no encoding but UTF-8, and reports
// whether it did; otherwise it leaves r where it was.
func (f *fastTokens) declaration() bool {
	end := -1
	for {
		if i := bytes.Index(f.buf[f.r:f.w], []byte("?>")); i >= 0 {
			end = f.r + i
			break
		}
		if f.w-f.r > 4096 || !f.fill() {
			return false
		}
	}
	body := f.buf[f.r+5 : end]
	seen := map[string]bool{}
	for {
		body = bytes.TrimLeft(body, " \t\r\n")
		if len(body) == 0 {
			break
		}
		eq := bytes.IndexByte(body, '=')
		if eq < 0 {
			return false
		}
		key := string(bytes.TrimRight(body[:eq], " \t\r\n"))
		rest := bytes.TrimLeft(body[eq+1:], " \t\r\n")
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			return false
		}
		close := bytes.IndexByte(rest[1:], rest[0])
		if close < 0 {
			return false
		}
		val := string(rest[1 : 1+close])
		body = rest[2+close:]
		switch {
		case seen[key]:
			return false
		case key == "version" && val == "1.0":
		case key == "encoding" && (val == "utf-8" || val == "UTF-8"):
		case key == "standalone" && (val == "yes" || val == "no"):
		default:
			return false
		}
		seen[key] = true
		if len(body) > 0 && !isSpace(body[0]) {
			return false
		}
	}
	if !seen["version"] {
		return false
	}
	f.ln += bytes.Count(f.buf[f.r:end], []byte{'\n'})
	f.r = end + 2
	return true
}

// comment skips a comment at r that encoding/xml accepts (no "--" inside) and reports whether it did.
func (f *fastTokens) comment() bool {
	from := 4
	for {
		i := bytes.Index(f.buf[f.r+from:f.w], []byte("--"))
		if i >= 0 {
			at := f.r + from + i
			if at+2 >= f.w && !f.eof {
				if !f.fill() {
					return false
				}
				continue
			}
			if at+2 >= f.w || f.buf[at+2] != '>' {
				return false
			}
			f.ln += bytes.Count(f.buf[f.r:at], []byte{'\n'})
			f.r = at + 3
			return true
		}
		from = max(4, f.w-f.r-1)
		if !f.fill() {
			return false
		}
	}
}

// textToken returns the text from r to the next '<' (or the end of the input), if every byte of it is
// one encoding/xml reads the same; otherwise it hands over.
func (f *fastTokens) textToken() (token, error) {
	scanned := 0
	for {
		if i := bytes.IndexByte(f.buf[f.r+scanned:f.w], '<'); i >= 0 {
			scanned += i
			break
		}
		scanned = f.w - f.r
		if scanned > maxToken/2 || !f.fill() {
			if !f.eof || scanned > maxToken/2 {
				return f.handOver()
			}
			break
		}
	}
	raw := f.buf[f.r : f.r+scanned]
	text, ok := f.decodeText(raw)
	if !ok {
		return f.handOver()
	}
	t := token{kind: tokText, text: text, line: f.ln}
	f.ln += bytes.Count(raw, []byte{'\n'})
	f.r += scanned
	return t, nil
}

// decodeText checks raw text and returns it with its entities resolved and its line ends normalised,
// as encoding/xml would, or false when raw has anything the fast tokenizer leaves to encoding/xml.
func (f *fastTokens) decodeText(raw []byte) ([]byte, bool) {
	i := 0
	for i < len(raw) && textPlain[raw[i]] {
		i++
	}
	if i == len(raw) {
		return raw, true
	}
	out := append(f.scratch[:0], raw[:i]...)
	for i < len(raw) {
		c := raw[i]
		switch {
		case textPlain[c]:
			out = append(out, c)
			i++
		case c == '\r':
			out = append(out, '\n')
			i++
			if i < len(raw) && raw[i] == '\n' {
				i++
			}
		case c == ']':
			if i+2 < len(raw) && raw[i+1] == ']' && raw[i+2] == '>' {
				return nil, false
			}
			out = append(out, c)
			i++
		case c == '&':
			var rep byte
			n := 0
			switch rest := raw[i:]; {
			case bytes.HasPrefix(rest, []byte("&lt;")):
				rep, n = '<', 4
			case bytes.HasPrefix(rest, []byte("&gt;")):
				rep, n = '>', 4
			case bytes.HasPrefix(rest, []byte("&amp;")):
				rep, n = '&', 5
			case bytes.HasPrefix(rest, []byte("&apos;")):
				rep, n = '\'', 6
			case bytes.HasPrefix(rest, []byte("&quot;")):
				rep, n = '"', 6
			default:
				return nil, false
			}
			out = append(out, rep)
			i += n
		case c >= 0x80:
			r, size := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError || r >= 0xFFFE && r <= 0xFFFF {
				return nil, false
			}
			out = append(out, raw[i:i+size]...)
			i += size
		default:
			return nil, false
		}
	}
	f.scratch = out
	return out, true
}
