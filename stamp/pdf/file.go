package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"

	"github.com/klauspost/compress/zlib"
)

// The objects every document numbers alike, so that the font subsets and the colour profile,
// written once per process, are copied into a document as they are.
const (
	objCatalog = iota + 1
	objPages
	objInfo
	objMetadata
	objICC
	objFont
	objCIDFont
	objFontDescriptor
	objFontFile
	objToUnicode
	objFirstPage // then each page, its content stream and its links
)

// The page: A4, 210 × 297 mm, in PDF points.
const (
	pageW = 595.28
	pageH = 841.89
)

// contentLevel is the zlib level of the page contents: the fastest. Page content is text operators
// and numbers, which it already shrinks to about a fifth; the default level would save another
// 10 % at three times the cost. The compressor is github.com/klauspost/compress's, a drop-in for
// compress/zlib that takes 30–40 % less time on these streams of 5–15 KB, most of it the fixed cost
// of a stream's Huffman tables, and writes slightly smaller ones.
const contentLevel = zlib.BestSpeed

// zlibWriters pools the content streams' compressors: a zlib writer allocates about 800 KB, more than
// a whole document otherwise takes.
var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, contentLevel)
	return w
}}

// page is what one page holds: its content stream and its links.
type page struct {
	content []byte
	links   []link
}

// link is a link annotation: a rectangle in PDF coordinates (from the bottom left) and its URI.
type link struct {
	x1, y1, x2, y2 float64
	uri            string
}

// meta is the document's metadata, written both as the information dictionary and as XMP, which
// PDF/A requires to agree (ISO 19005-2 § 6.6.3).
type meta struct {
	title, subject, author, creator, producer string
	lang                                      string    // BCP 47, "et" or "en"
	created                                   time.Time // in Europe/Tallinn, whole seconds
}

var (
	iccOnce sync.Once
	iccObj  []byte // the output intent's profile, object objICC, compressed
	iccErr  error
)

// iccObject returns the colour profile's object, made once.
func iccObject() ([]byte, error) {
	iccOnce.Do(func() {
		p := sRGB()
		z, err := deflateBest(p)
		if err != nil {
			iccErr = err
			return
		}
		iccObj = fmt.Appendf(nil, "%d 0 obj\n<< /N 3 /Length %d /Filter /FlateDecode >>\nstream\n", objICC, len(z))
		iccObj = append(iccObj, z...)
		iccObj = append(iccObj, "\nendstream\nendobj\n"...)
	})
	return iccObj, iccErr
}

// file writes a PDF 1.7 file that conforms to PDF/A-2b: a header with a binary comment, the
// objects, a cross-reference table and a trailer with the file identifier.
type file struct {
	b       []byte
	offsets []int // of each object, by number; 0 for the free object 0
	id      hash.Hash
}

// begin starts object num.
func (f *file) begin(num int) {
	for len(f.offsets) <= num {
		f.offsets = append(f.offsets, 0)
	}
	f.offsets[num] = len(f.b)
	f.b = strconv.AppendInt(f.b, int64(num), 10)
	f.b = append(f.b, " 0 obj\n"...)
}

// str appends s and adds it to the file identifier's hash.
func (f *file) str(s string) {
	f.b = append(f.b, s...)
	f.id.Write([]byte(s))
}

// raw appends b and adds it to the file identifier's hash.
func (f *file) raw(b []byte) {
	f.b = append(f.b, b...)
	f.id.Write(b)
}

// stream writes object num as a stream of data under the dictionary entries dict.
func (f *file) stream(num int, dict string, data []byte) {
	f.begin(num)
	f.str("<< " + dict + " /Length " + strconv.Itoa(len(data)) + " >>\nstream\n")
	f.raw(data)
	f.str("\nendstream\nendobj\n")
}

// assemble writes the document of pages with font, its metadata m, and returns its bytes. The same
// pages and metadata give the same bytes: the file identifier is a hash of the file's contents.
func assemble(pages []*page, font *embeddedFont, m *meta) ([]byte, error) {
	icc, err := iccObject()
	if err != nil {
		return nil, err
	}
	size := len(icc) + len(font.objects) + 6000
	for _, p := range pages {
		size += len(p.content)/3 + 600*len(p.links) + 400
	}
	f := &file{b: make([]byte, 0, size), offsets: make([]int, 1, objFirstPage+4*len(pages)), id: sha256.New()}
	f.b = append(f.b, "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"...)

	f.begin(objCatalog)
	f.str(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R /Metadata %d 0 R /Lang %s /ViewerPreferences << /DisplayDocTitle true >>\n"+
		"/OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) "+
		"/RegistryName (http://www.color.org) /Info (sRGB IEC61966-2.1) /DestOutputProfile %d 0 R >>] >>\nendobj\n",
		objPages, objMetadata, pdfString(m.lang), objICC))

	// Pages: the page objects are numbered from objFirstPage, each followed by its content stream
	// and its links.
	nums := make([]int, len(pages))
	next := objFirstPage
	for i, p := range pages {
		nums[i] = next
		next += 2 + len(p.links)
	}
	f.begin(objPages)
	kids := make([]string, len(pages))
	for i, n := range nums {
		kids[i] = strconv.Itoa(n) + " 0 R"
	}
	f.str("<< /Type /Pages /Count " + strconv.Itoa(len(pages)) + " /Kids [" + strings.Join(kids, " ") + "] >>\nendobj\n")

	date := pdfDate(m.created)
	f.begin(objInfo)
	f.str("<< /Title " + pdfString(m.title) + " /Subject " + pdfString(m.subject) + " /Author " + pdfString(m.author) +
		" /Creator " + pdfString(m.creator) + " /Producer " + pdfString(m.producer) +
		" /CreationDate " + pdfString(date) + " /ModDate " + pdfString(date) + " >>\nendobj\n")
	f.stream(objMetadata, "/Type /Metadata /Subtype /XML", xmp(m))

	f.b = append(f.b, icc...)
	f.offsets = append(f.offsets, 0, 0, 0, 0, 0, 0)
	f.offsets[objICC] = len(f.b) - len(icc)
	base := len(f.b)
	f.b = append(f.b, font.objects...)
	for i, o := range font.offsets {
		f.offsets[objFont+i] = base + o
	}
	f.id.Write([]byte(font.name))

	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	var z bytes.Buffer
	for i, p := range pages {
		n := nums[i]
		f.begin(n)
		f.str("<< /Type /Page /Parent " + strconv.Itoa(objPages) + " 0 R /MediaBox [0 0 " + fmtNum(pageW) + " " + fmtNum(pageH) +
			"] /Resources << /Font << /F1 " + strconv.Itoa(objFont) + " 0 R >> >> /Contents " + strconv.Itoa(n+1) + " 0 R")
		if len(p.links) > 0 {
			f.str(" /Annots [")
			for k := range p.links {
				f.str(strconv.Itoa(n+2+k) + " 0 R ")
			}
			f.b[len(f.b)-1] = ']'
		}
		f.str(" >>\nendobj\n")
		z.Reset()
		z.Grow(len(p.content) / 3)
		zw.Reset(&z)
		if _, err := zw.Write(p.content); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		f.stream(n+1, "/Filter /FlateDecode", z.Bytes())
		for k, l := range p.links {
			f.begin(n + 2 + k)
			// Print flag set, no border, a URI action: what PDF/A allows of a link (ISO 19005-2 § 6.3).
			f.str("<< /Type /Annot /Subtype /Link /Rect [" + fmtNum(l.x1) + " " + fmtNum(l.y1) + " " + fmtNum(l.x2) + " " + fmtNum(l.y2) +
				"] /Border [0 0 0] /F 4 /A << /S /URI /URI " + pdfString(l.uri) + " >> >>\nendobj\n")
		}
	}

	xref := len(f.b)
	id := hex.EncodeToString(f.id.Sum(nil)[:16])
	f.b = append(f.b, "xref\n0 "...)
	f.b = strconv.AppendInt(f.b, int64(len(f.offsets)), 10)
	f.b = append(f.b, "\n0000000000 65535 f\r\n"...)
	for _, o := range f.offsets[1:] {
		f.b = fmt.Appendf(f.b, "%010d 00000 n\r\n", o)
	}
	f.b = fmt.Appendf(f.b, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n",
		len(f.offsets), objCatalog, objInfo, id, id, xref)
	return f.b, nil
}

// xmp returns the XMP metadata packet of the document: the PDF/A identification (part 2,
// conformance B) and the same title, author, subject, tool, producer and dates as the information
// dictionary (ISO 19005-2 § 6.6.2, 6.6.3).
func xmp(m *meta) []byte {
	date := m.created.Format(time.RFC3339)
	var b strings.Builder
	b.Grow(1500)
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n" +
		" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
		"  <rdf:Description rdf:about=\"\"\n" +
		"    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n" +
		"    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n" +
		"    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n" +
		"    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n" +
		"   <pdfaid:part>2</pdfaid:part>\n" +
		"   <pdfaid:conformance>B</pdfaid:conformance>\n" +
		"   <dc:format>application/pdf</dc:format>\n")
	b.WriteString("   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmlEscape(m.title) + "</rdf:li></rdf:Alt></dc:title>\n")
	b.WriteString("   <dc:creator><rdf:Seq><rdf:li>" + xmlEscape(m.author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	b.WriteString("   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmlEscape(m.subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	b.WriteString("   <dc:language><rdf:Bag><rdf:li>" + xmlEscape(m.lang) + "</rdf:li></rdf:Bag></dc:language>\n")
	b.WriteString("   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n")
	b.WriteString("   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n")
	b.WriteString("   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n")
	b.WriteString("   <xmp:CreatorTool>" + xmlEscape(m.creator) + "</xmp:CreatorTool>\n")
	b.WriteString("   <pdf:Producer>" + xmlEscape(m.producer) + "</pdf:Producer>\n")
	b.WriteString("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return []byte(b.String())
}

var (
	xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	pdfEscaper = strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
)

func xmlEscape(s string) string { return xmlEscaper.Replace(s) }

// pdfDate formats t as a PDF date, D:YYYYMMDDHHmmSS+HH'mm' (ISO 32000-1 § 7.9.4).
func pdfDate(t time.Time) string {
	_, off := t.Zone()
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("D:%s%c%02d'%02d'", t.Format("20060102150405"), sign, off/3600, off/60%60)
}

// pdfString writes s as a PDF text string: a literal string when it is printable ASCII, otherwise
// UTF-16BE with a byte order mark, in hex (ISO 32000-1 § 7.9.2.2).
func pdfString(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			ascii = false
			break
		}
	}
	if ascii {
		return "(" + pdfEscaper.Replace(s) + ")"
	}
	u := utf16.Encode([]rune(s))
	b := make([]byte, 0, 6+4*len(u))
	b = append(b, "<FEFF"...)
	for _, c := range u {
		b = fmt.Appendf(b, "%04X", c)
	}
	return string(append(b, '>'))
}

// fmtNum formats v with at most two decimals, as the page geometry is written.
func fmtNum(v float64) string { return string(appendNum(nil, v, 2)) }

// appendNum appends v rounded to dec decimals (at most 4), without trailing zeros.
func appendNum(b []byte, v float64, dec int) []byte {
	scale := [...]float64{1, 10, 100, 1000, 10000}[dec]
	n := int64(math.Round(v * scale))
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	ip, fp := n/int64(scale), n%int64(scale)
	b = strconv.AppendInt(b, ip, 10)
	if fp == 0 {
		return b
	}
	b = append(b, '.')
	for d := int64(scale) / 10; d > 0 && fp > 0; d /= 10 {
		b = append(b, byte('0'+fp/d))
		fp %= d
	}
	return b
}
