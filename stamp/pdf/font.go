package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"sync"

	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// fontFamily is the font every document uses: Go Regular (golang.org/x/image/font/gofont/goregular,
// BSD licence), compiled into the binary, so no file is read at run time. It has every letter of the
// Estonian alphabet (õ ä ö ü š ž Õ Ä Ö Ü Š Ž), all of Latin-1 and Latin Extended-A, and basic Greek
// and Cyrillic.
const fontFamily = "GoRegular"

// The blocks of the font's characters that a document embeds whole or not at all. Block 0, the
// basic one, is embedded in every document: ASCII, Latin-1 (with every Estonian letter but four),
// Š š Ž ž and the punctuation a text of the register uses. A document whose text has a character
// of another block embeds that block too. So the glyph set of a document is one of 32, and each
// set's subset — its font program, widths and ToUnicode map, compressed — is made once per process
// and then copied into every document that needs it ([fontSet.embedded]).
const (
	blockExtA     = 1 << iota // Latin Extended-A beyond Š š Ž ž (U+0100–U+017F)
	blockLatinB               // Latin Extended-B, IPA, spacing modifiers, combining marks (U+0180–U+036F)
	blockGreek                // U+0370–U+03FF
	blockCyrillic             // U+0400–U+052F
	blockOther                // the rest: punctuation, symbols, Latin Extended Additional
	allBlocks     = blockExtA | blockLatinB | blockGreek | blockCyrillic | blockOther
)

// basicExtra are the characters beyond Latin-1 that block 0 holds.
const basicExtra = "ŠšŽž–—‘’‚“”„•…€"

// blockOf returns the bit of the block r is in, 0 for the basic block.
func blockOf(r rune) uint8 {
	switch {
	case r < 0x100:
		return 0
	case r < 0x180:
		if r == 'Š' || r == 'š' || r == 'Ž' || r == 'ž' {
			return 0
		}
		return blockExtA
	case r < 0x370:
		return blockLatinB
	case r < 0x400:
		return blockGreek
	case r < 0x530:
		return blockCyrillic
	}
	switch r {
	case '–', '—', '‘', '’', '‚', '“', '”', '„', '•', '…', '€':
		return 0
	}
	return blockOther
}

// fontSet is the parsed font, shared read-only by every document, and the cache of its embedded
// subsets.
type fontSet struct {
	ttf       []byte
	tables    map[string][]byte // the raw tables the subset copies or rebuilds
	upem      int               // font units per em
	numGlyphs int
	shortLoca bool
	loca      []int // numGlyphs+1 offsets into glyf
	// w1000 is each glyph's advance width in thousandths of an em, rounded, as the font's /W array
	// gives it: layout measures text with these, so what is laid out is what a viewer draws.
	w1000 []uint16
	// gid is the glyph of each rune of the Basic Multilingual Plane, 0 for none.
	gid [0x10000]uint16
	// Metrics in thousandths of an em, for the font descriptor and the baseline.
	ascent, descent, capHeight, xHeight int
	bbox                                [4]int
	// baseline is how far below the top of a line its baseline is, in thousandths of an em: the
	// font's typographic ascender.
	baseline int

	mu      sync.Mutex
	subsets map[uint8]*embeddedFont
}

var (
	fontsOnce sync.Once
	fonts     *fontSet
	fontsErr  error
)

// loadFonts parses the TrueType font once per process (a few milliseconds) and maps which runes it
// covers.
func loadFonts() (*fontSet, error) {
	fontsOnce.Do(func() {
		fonts, fontsErr = parseFont(goregular.TTF)
		if fontsErr != nil {
			fontsErr = fmt.Errorf("pdf: parse font Go Regular: %w", fontsErr)
		}
	})
	return fonts, fontsErr
}

var errFont = errors.New("malformed TrueType font")

// parseFont reads what the documents need of a TrueType font: its character map (through
// golang.org/x/image/font/sfnt), metrics, advance widths and the tables a subset is made of.
func parseFont(ttf []byte) (*fontSet, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, err
	}
	fs := &fontSet{ttf: ttf, tables: map[string][]byte{}, subsets: map[uint8]*embeddedFont{}}
	if len(ttf) < 12 {
		return nil, errFont
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := range n {
		e := 12 + 16*i
		if e+16 > len(ttf) {
			return nil, errFont
		}
		off, size := int(binary.BigEndian.Uint32(ttf[e+8:])), int(binary.BigEndian.Uint32(ttf[e+12:]))
		if off < 0 || size < 0 || off+size > len(ttf) {
			return nil, errFont
		}
		fs.tables[string(ttf[e:e+4])] = ttf[off : off+size]
	}
	for _, t := range subsetTables {
		if _, ok := fs.tables[t]; !ok && t != "cvt " && t != "fpgm" && t != "prep" {
			return nil, fmt.Errorf("%w: no %q table", errFont, t)
		}
	}
	u16 := func(t string, at int) int { return int(binary.BigEndian.Uint16(fs.tables[t][at:])) }
	i16 := func(t string, at int) int { return int(int16(binary.BigEndian.Uint16(fs.tables[t][at:]))) }
	if len(fs.tables["head"]) < 54 || len(fs.tables["hhea"]) < 36 || len(fs.tables["maxp"]) < 6 {
		return nil, errFont
	}
	fs.upem = u16("head", 18)
	fs.shortLoca = u16("head", 50) == 0
	fs.numGlyphs = u16("maxp", 4)
	em := func(v int) int { return roundDiv(v*1000, fs.upem) }
	fs.bbox = [4]int{em(i16("head", 36)), em(i16("head", 38)), em(i16("head", 40)), em(i16("head", 42))}
	fs.ascent, fs.descent = em(i16("hhea", 4)), em(i16("hhea", 6))
	if os2 := fs.tables["OS/2"]; len(os2) >= 90 && u16("OS/2", 0) >= 2 {
		fs.xHeight, fs.capHeight = em(i16("OS/2", 86)), em(i16("OS/2", 88))
		fs.baseline = em(i16("OS/2", 68))
	} else {
		fs.xHeight, fs.capHeight, fs.baseline = fs.ascent/2, fs.ascent*7/10, fs.ascent
	}

	// loca: numGlyphs+1 offsets into glyf.
	loca, glyf := fs.tables["loca"], fs.tables["glyf"]
	fs.loca = make([]int, fs.numGlyphs+1)
	for g := range fs.loca {
		switch {
		case fs.shortLoca && 2*g+2 <= len(loca):
			fs.loca[g] = 2 * int(binary.BigEndian.Uint16(loca[2*g:]))
		case !fs.shortLoca && 4*g+4 <= len(loca):
			fs.loca[g] = int(binary.BigEndian.Uint32(loca[4*g:]))
		default:
			return nil, fmt.Errorf("%w: loca too short", errFont)
		}
		if fs.loca[g] > len(glyf) || (g > 0 && fs.loca[g] < fs.loca[g-1]) {
			return nil, fmt.Errorf("%w: loca out of order", errFont)
		}
	}

	// hmtx: numberOfHMetrics pairs, the last advance repeats for the glyphs after them.
	hmtx, nh := fs.tables["hmtx"], u16("hhea", 34)
	if nh == 0 || nh > fs.numGlyphs || len(hmtx) < 4*nh {
		return nil, fmt.Errorf("%w: hmtx", errFont)
	}
	fs.w1000 = make([]uint16, fs.numGlyphs)
	for g := range fs.w1000 {
		adv := int(binary.BigEndian.Uint16(hmtx[4*min(g, nh-1):]))
		fs.w1000[g] = uint16(em(adv))
	}

	var buf sfnt.Buffer
	for r := rune(0x20); r < 0x10000; r++ {
		if g, err := f.GlyphIndex(&buf, r); err == nil && g != 0 && int(g) < fs.numGlyphs {
			fs.gid[r] = uint16(g)
		}
	}
	return fs, nil
}

// roundDiv returns a/b rounded half away from zero.
func roundDiv(a, b int) int {
	if a < 0 {
		return -((-a + b/2) / b)
	}
	return (a + b/2) / b
}

// covers reports whether the document font can show r.
func (fs *fontSet) covers(r rune) bool {
	return r >= 0 && r < 0x10000 && fs.gid[r] != 0
}

// embeddedFont is one subset of the font, ready to be copied into a document: objects
// objFont..objToUnicode, numbered as every document numbers them.
type embeddedFont struct {
	name    string // the subset's PostScript name, "KUTSAA+GoRegular"
	objects []byte // the five objects, each "N 0 obj … endobj\n"
	offsets [5]int // where each starts in objects
}

// embedded returns the subset of the basic block and the blocks in mask, making it on first use.
func (fs *fontSet) embedded(mask uint8) (*embeddedFont, error) {
	mask &= allBlocks
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if e := fs.subsets[mask]; e != nil {
		return e, nil
	}
	e, err := fs.makeSubset(mask)
	if err != nil {
		return nil, err
	}
	fs.subsets[mask] = e
	return e, nil
}

// subsetTables are the TrueType tables a subset keeps, in the order of their tags: what a PDF
// viewer needs of an embedded CIDFontType2 font program (ISO 32000-1 § 9.9).
var subsetTables = []string{"cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"}

// makeSubset builds the font objects of a glyph set: the glyphs of every rune of the blocks, glyph 0
// and the components of composite glyphs. Glyph numbers stay those of the whole font (the
// descendant font maps CIDs to glyphs by Identity), the glyphs outside the set are empty.
func (fs *fontSet) makeSubset(mask uint8) (*embeddedFont, error) {
	keep := make([]bool, fs.numGlyphs)
	keep[0] = true
	toUni := make(map[uint16]rune)
	for r := rune(0x20); r < 0x10000; r++ {
		g := fs.gid[r]
		if g == 0 || (blockOf(r) != 0 && blockOf(r)&mask == 0) {
			continue
		}
		keep[g] = true
		if _, ok := toUni[g]; !ok {
			toUni[g] = r
		}
	}
	glyf := fs.tables["glyf"]
	for g := 0; g < fs.numGlyphs; g++ {
		if keep[g] {
			fs.keepComponents(glyf, g, keep, 0)
		}
	}

	// glyf and loca.
	var nglyf bytes.Buffer
	offsets := make([]int, fs.numGlyphs+1)
	for g := 0; g < fs.numGlyphs; g++ {
		offsets[g] = nglyf.Len()
		if keep[g] {
			nglyf.Write(glyf[fs.loca[g]:fs.loca[g+1]])
			if fs.shortLoca && nglyf.Len()%2 == 1 {
				nglyf.WriteByte(0)
			}
		}
	}
	offsets[fs.numGlyphs] = nglyf.Len()
	var nloca []byte
	for _, o := range offsets {
		if fs.shortLoca {
			nloca = binary.BigEndian.AppendUint16(nloca, uint16(o/2))
		} else {
			nloca = binary.BigEndian.AppendUint32(nloca, uint32(o))
		}
	}
	head := bytes.Clone(fs.tables["head"])
	binary.BigEndian.PutUint32(head[8:], 0) // checkSumAdjustment, set below
	tables := map[string][]byte{"glyf": nglyf.Bytes(), "loca": nloca, "head": head}
	var tags []string
	for _, t := range subsetTables {
		if tables[t] == nil {
			tables[t] = fs.tables[t]
		}
		if tables[t] != nil {
			tags = append(tags, t)
		}
	}
	ttf := sfntFile(tags, tables)

	name := "KUTS" + string(rune('A'+mask/26)) + string(rune('A'+mask%26)) + "+" + fontFamily
	e := &embeddedFont{name: name}
	var b []byte
	obj := func(i, num int) {
		e.offsets[i] = len(b)
		b = strconv.AppendInt(b, int64(num), 10)
		b = append(b, " 0 obj\n"...)
	}
	obj(0, objFont)
	b = fmt.Appendf(b, "<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>\nendobj\n",
		name, objCIDFont, objToUnicode)
	obj(1, objCIDFont)
	b = fmt.Appendf(b, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /CIDToGIDMap /Identity /DW %d /W [",
		name, objFontDescriptor, fs.w1000[0])
	for g := 1; g < fs.numGlyphs; {
		if !keep[g] {
			g++
			continue
		}
		b = strconv.AppendInt(b, int64(g), 10)
		b = append(b, " ["...)
		for ; g < fs.numGlyphs && keep[g]; g++ {
			b = strconv.AppendInt(b, int64(fs.w1000[g]), 10)
			b = append(b, ' ')
		}
		b[len(b)-1] = ']'
		b = append(b, ' ')
	}
	b = append(b, "] >>\nendobj\n"...)
	obj(2, objFontDescriptor)
	b = fmt.Appendf(b, "<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [%d %d %d %d] /ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /XHeight %d /StemV 80 /FontFile2 %d 0 R >>\nendobj\n",
		name, fs.bbox[0], fs.bbox[1], fs.bbox[2], fs.bbox[3], fs.ascent, fs.descent, fs.capHeight, fs.xHeight, objFontFile)
	obj(3, objFontFile)
	z, err := deflateBest(ttf)
	if err != nil {
		return nil, err
	}
	b = fmt.Appendf(b, "<< /Length %d /Length1 %d /Filter /FlateDecode >>\nstream\n", len(z), len(ttf))
	b = append(b, z...)
	b = append(b, "\nendstream\nendobj\n"...)
	obj(4, objToUnicode)
	z, err = deflateBest(toUnicodeCMap(toUni))
	if err != nil {
		return nil, err
	}
	b = fmt.Appendf(b, "<< /Length %d /Filter /FlateDecode >>\nstream\n", len(z))
	b = append(b, z...)
	b = append(b, "\nendstream\nendobj\n"...)
	e.objects = b
	return e, nil
}

// keepComponents marks the components of glyph g, if it is a composite glyph, and theirs.
func (fs *fontSet) keepComponents(glyf []byte, g int, keep []bool, depth int) {
	d := glyf[fs.loca[g]:fs.loca[g+1]]
	if len(d) < 10 || int16(binary.BigEndian.Uint16(d)) >= 0 || depth > 8 {
		return
	}
	const (
		argsAreWords = 1 << 0
		haveScale    = 1 << 3
		moreComps    = 1 << 5
		xyScale      = 1 << 6
		twoByTwo     = 1 << 7
	)
	for p := 10; p+4 <= len(d); {
		flags, c := binary.BigEndian.Uint16(d[p:]), int(binary.BigEndian.Uint16(d[p+2:]))
		if c < len(keep) && !keep[c] {
			keep[c] = true
			fs.keepComponents(glyf, c, keep, depth+1)
		}
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&xyScale != 0:
			p += 4
		case flags&twoByTwo != 0:
			p += 8
		}
		if flags&moreComps == 0 {
			return
		}
	}
}

// sfntFile writes a TrueType font of the tables, tags sorted, with their checksums and the head
// table's checkSumAdjustment.
func sfntFile(tags []string, tables map[string][]byte) []byte {
	n := len(tags)
	sel := 0
	for 1<<(sel+1) <= n {
		sel++
	}
	var b []byte
	b = binary.BigEndian.AppendUint32(b, 0x00010000)
	b = binary.BigEndian.AppendUint16(b, uint16(n))
	b = binary.BigEndian.AppendUint16(b, uint16(16<<sel))
	b = binary.BigEndian.AppendUint16(b, uint16(sel))
	b = binary.BigEndian.AppendUint16(b, uint16(16*n-16<<sel))
	off := 12 + 16*n
	sort.Strings(tags)
	for _, t := range tags {
		d := tables[t]
		b = append(b, t...)
		b = binary.BigEndian.AppendUint32(b, checksum(d))
		b = binary.BigEndian.AppendUint32(b, uint32(off))
		b = binary.BigEndian.AppendUint32(b, uint32(len(d)))
		off += (len(d) + 3) &^ 3
	}
	headAt := 0
	for _, t := range tags {
		if t == "head" {
			headAt = len(b)
		}
		b = append(b, tables[t]...)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
	}
	binary.BigEndian.PutUint32(b[headAt+8:], 0xB1B0AFBA-checksum(b))
	return b
}

// checksum is a TrueType table checksum: the sum of its big-endian 32-bit words, zero-padded.
func checksum(d []byte) uint32 {
	var s uint32
	for i := 0; i < len(d); i += 4 {
		var w [4]byte
		copy(w[:], d[i:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}

// toUnicodeCMap maps each glyph (a CID, as the descendant font maps them by Identity) back to its
// character, so that text can be searched and copied (ISO 32000-1 § 9.10.3).
func toUnicodeCMap(toUni map[uint16]rune) []byte {
	gids := make([]int, 0, len(toUni))
	for g := range toUni {
		gids = append(gids, int(g))
	}
	sort.Ints(gids)
	var b []byte
	b = append(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"+
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"+
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"+
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"...)
	for len(gids) > 0 {
		n := min(len(gids), 100)
		b = fmt.Appendf(b, "%d beginbfchar\n", n)
		for _, g := range gids[:n] {
			b = fmt.Appendf(b, "<%04X> <%04X>\n", g, toUni[uint16(g)])
		}
		b = append(b, "endbfchar\n"...)
		gids = gids[n:]
	}
	b = append(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"...)
	return b
}

// deflateBest compresses what is made once per process and copied into every document: the font
// subsets and the colour profile.
func deflateBest(b []byte) ([]byte, error) {
	var z bytes.Buffer
	w, err := zlib.NewWriterLevel(&z, zlib.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return z.Bytes(), nil
}
