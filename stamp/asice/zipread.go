package asice

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/beevik/etree"
)

// The ZIP structure sizes used when checking a container before archive/zip reads it.
const (
	eocdLen        = 22        // end of central directory record without its comment
	eocdSearch     = 65 * 1024 // archive/zip looks for the end record in this many last bytes
	cdHeaderLen    = 46        // central directory file header without name, extra, comment
	localHeaderLen = 30
	// maxHeaderField bounds the name, the extra field and the comment of each central directory
	// entry, so that the directory archive/zip keeps in memory is at most about
	// MaxEntries × 3 KiB.
	maxHeaderField = 1024
	// ratioExempt: entries up to this uncompressed size are not subject to MaxRatio (a small
	// file of zeros compresses a thousandfold and harms no one).
	ratioExempt = 1 << 20
)

// A container is an opened, checked ASiC-E container.
type container struct {
	zr        *zip.Reader
	data      []DataFile           // the manifest's data files, in manifest order
	dataEntry map[string]*zip.File // by name
	mediaType map[string]string    // data file name → manifest media type
	sigFiles  []string             // META-INF/*signatures*.xml, in ZIP order
	sigDocs   []*etree.Document
	xmlBudget int64 // bytes of XML that may still be read
}

// openContainer checks the ZIP structure of an ASiC-E container against the limits in o and
// reads its manifest and signatures files. It returns a [*ContainerError] for a container it
// refuses.
func openContainer(r io.ReaderAt, size int64, o *VerifyOptions) (*container, error) {
	if size > o.MaxContainerSize {
		return nil, hostile("", "container of "+strconv.FormatInt(size, 10)+" bytes exceeds MaxContainerSize "+strconv.FormatInt(o.MaxContainerSize, 10))
	}
	if size < eocdLen {
		return nil, badFormat("", "not a ZIP file (too short)")
	}
	dir, err := precheckDirectory(r, size, o.MaxEntries)
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(r, size)
	if errors.Is(err, zip.ErrInsecurePath) {
		return nil, hostile("", "insecure path in ZIP")
	}
	if err != nil {
		return nil, badFormat("", "not a readable ZIP file: "+err.Error())
	}
	c := &container{zr: zr, xmlBudget: o.MaxXMLSize, dataEntry: make(map[string]*zip.File), mediaType: make(map[string]string)}
	entries, err := checkEntries(zr, o)
	if err != nil {
		return nil, err
	}
	if err := checkMimetype(r, zr.File[0]); err != nil {
		return nil, err
	}
	if err := checkLocalHeaders(r, zr.File, dir); err != nil {
		return nil, err
	}
	mf := entries[manifestName]
	if mf == nil {
		return nil, badFormat(manifestName, "missing")
	}
	if err := c.readManifest(mf, entries); err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		name := f.Name
		if !strings.HasPrefix(name, metaInf) || strings.Contains(name[len(metaInf):], "/") ||
			!strings.Contains(name[len(metaInf):], "signatures") || !strings.HasSuffix(name, ".xml") {
			continue
		}
		doc, err := c.readXML(f)
		if err != nil {
			return nil, err
		}
		root := doc.Root()
		if !is(root, nsASiC, "XAdESSignatures") {
			return nil, badFormat(name, "root element is not asic:XAdESSignatures")
		}
		if err := checkSignaturesRoot(root); err != nil {
			return nil, badFormat(name, "schema: "+err.Error())
		}
		c.sigFiles = append(c.sigFiles, name)
		c.sigDocs = append(c.sigDocs, doc)
	}
	return c, nil
}

// precheckDirectory reads the end of central directory record and walks the central directory
// without keeping it, so that a container with too many entries, or with oversized headers, is
// refused before archive/zip allocates anything for them. It accepts what archive/zip would
// read, and only that: no zip64 end record, no data before the first entry (mimetype must be at
// offset 0 anyway), a directory that ends where the end record starts, an end record whose
// comment ends the file. It returns the entries' local header offsets and where the directory
// starts.
func precheckDirectory(r io.ReaderAt, size int64, maxEntries int) (*directory, error) {
	// The same search as archive/zip: the last end record in the last 1 KiB, else in the last
	// 65 KiB, whose comment fits in the file.
	var buf []byte
	var n int64
	p := -1
	for _, l := range []int64{1024, eocdSearch} {
		n = min(size, l)
		buf = make([]byte, n)
		if _, err := r.ReadAt(buf, size-n); err != nil && err != io.EOF {
			return nil, badFormat("", "cannot read: "+err.Error())
		}
		for i := len(buf) - eocdLen; i >= 0; i-- {
			if buf[i] == 'P' && buf[i+1] == 'K' && buf[i+2] == 5 && buf[i+3] == 6 {
				if int(binary.LittleEndian.Uint16(buf[i+20:]))+eocdLen+i == len(buf) {
					p = i
				}
				break
			}
		}
		if p >= 0 || n == size {
			break
		}
	}
	if p < 0 {
		return nil, badFormat("", "not a ZIP file (no end of central directory record whose comment ends the file)")
	}
	e := buf[p:]
	eocdOff := size - n + int64(p)
	disk, cdDisk := binary.LittleEndian.Uint16(e[4:]), binary.LittleEndian.Uint16(e[6:])
	onDisk, records := binary.LittleEndian.Uint16(e[8:]), binary.LittleEndian.Uint16(e[10:])
	cdSize, cdOff := binary.LittleEndian.Uint32(e[12:]), binary.LittleEndian.Uint32(e[16:])
	if disk != 0 || cdDisk != 0 || onDisk != records {
		return nil, badFormat("", "multi-disk ZIP")
	}
	if records == 0xffff || cdSize == 0xffff || cdOff == 0xffffffff {
		if eocdOff >= 20 {
			var loc [4]byte
			if _, err := r.ReadAt(loc[:], eocdOff-20); err == nil && string(loc[:]) == "PK\x06\x07" {
				return nil, badFormat("", "zip64 containers are not supported")
			}
		}
	}
	if int(records) > maxEntries {
		return nil, hostile("", strconv.Itoa(int(records))+" entries exceed MaxEntries "+strconv.Itoa(maxEntries))
	}
	if int64(cdOff)+int64(cdSize) != eocdOff {
		return nil, badFormat("", "central directory does not end at the end record (data before or after the entries)")
	}
	br := bufio.NewReaderSize(io.NewSectionReader(r, int64(cdOff), int64(cdSize)), 4096)
	var h [cdHeaderLen]byte
	dir := &directory{start: int64(cdOff)}
	count := 0
	var read int64
	for read < int64(cdSize) {
		if _, err := io.ReadFull(br, h[:]); err != nil {
			return nil, badFormat("", "truncated central directory")
		}
		if binary.LittleEndian.Uint32(h[:]) != 0x02014b50 {
			return nil, badFormat("", "bad central directory header")
		}
		count++
		if count > maxEntries {
			return nil, hostile("", "more entries than MaxEntries "+strconv.Itoa(maxEntries))
		}
		nl, xl, cl := binary.LittleEndian.Uint16(h[28:]), binary.LittleEndian.Uint16(h[30:]), binary.LittleEndian.Uint16(h[32:])
		if binary.LittleEndian.Uint16(h[34:]) != 0 {
			return nil, badFormat("", "central directory entry on another disk")
		}
		dir.local = append(dir.local, int64(binary.LittleEndian.Uint32(h[42:])))
		if nl > maxHeaderField || xl > maxHeaderField || cl > maxHeaderField {
			return nil, hostile("", "central directory entry with a name, extra field or comment over 1024 bytes")
		}
		if _, err := br.Discard(int(nl) + int(xl) + int(cl)); err != nil {
			return nil, badFormat("", "truncated central directory")
		}
		read += cdHeaderLen + int64(nl) + int64(xl) + int64(cl)
	}
	if read != int64(cdSize) || count != int(records) {
		return nil, badFormat("", "central directory size or entry count does not match the end record")
	}
	return dir, nil
}

// checkEntries checks every entry's name, method and sizes and returns the entries by name.
func checkEntries(zr *zip.Reader, o *VerifyOptions) (map[string]*zip.File, error) {
	if len(zr.File) == 0 {
		return nil, badFormat("", "empty ZIP")
	}
	byName := make(map[string]*zip.File, len(zr.File))
	folded := make(map[string]string, len(zr.File))
	var total uint64
	for _, f := range zr.File {
		name := f.Name
		if p := pathProblem(name); p != "" {
			return nil, hostile(name, p)
		}
		if _, dup := byName[name]; dup {
			return nil, hostile(name, "duplicate entry name")
		}
		byName[name] = f
		fold := strings.ToLower(name)
		if other, dup := folded[fold]; dup {
			return nil, hostile(name, "name differs only in case from "+strconv.Quote(other))
		}
		folded[fold] = name
		if (fold == mimetypeName || fold == strings.ToLower(manifestName)) && name != mimetypeName && name != manifestName {
			return nil, hostile(name, "name differs only in case from a reserved name")
		}
		if f.Flags&1 != 0 {
			return nil, badFormat(name, "encrypted entry")
		}
		if f.Method != zip.Store && f.Method != zip.Deflate {
			return nil, badFormat(name, "compression method "+strconv.Itoa(int(f.Method))+" (only stored and deflated are allowed)")
		}
		if strings.HasSuffix(name, "/") {
			if f.UncompressedSize64 != 0 {
				return nil, badFormat(name, "directory entry with content")
			}
			continue
		}
		u, cs := f.UncompressedSize64, f.CompressedSize64
		if u > uint64(o.MaxEntrySize) {
			return nil, hostile(name, strconv.FormatUint(u, 10)+" bytes exceed MaxEntrySize "+strconv.FormatInt(o.MaxEntrySize, 10))
		}
		total += u
		if total > uint64(o.MaxTotalSize) {
			return nil, hostile(name, "entries total more than MaxTotalSize "+strconv.FormatInt(o.MaxTotalSize, 10)+" bytes")
		}
		if f.Method == zip.Store && u != cs {
			return nil, badFormat(name, "stored entry whose compressed and uncompressed sizes differ")
		}
		if u > ratioExempt && u/uint64(o.MaxRatio) > cs {
			return nil, hostile(name, fmt.Sprintf("compression ratio %d:%d exceeds MaxRatio %d", u, cs, o.MaxRatio))
		}
	}
	return byName, nil
}

// A directory is what precheckDirectory learnt of the central directory.
type directory struct {
	local []int64 // each entry's local header offset, in directory order
	start int64   // where the central directory starts
}

// checkLocalHeaders checks each entry's local header against its central directory entry, as
// Python's zipfile (the name) and minizip, which libdigidocpp uses (method, CRC, sizes), do:
// the signature, the flags, the method and the name must be the same; without a data descriptor
// (flag bit 3) the CRC and sizes too; with one, they are zero (or the same) in the local
// header and the descriptor after the data holds the directory's values, and the entry is
// deflated (Java's ZipInputStream, which digidoc4j reads with, refuses a stored entry with a
// descriptor). The entries must follow each other without a gap, in directory order, from
// offset 0 to the central directory: no bytes that no header accounts for.
func checkLocalHeaders(r io.ReaderAt, files []*zip.File, dir *directory) error {
	le := binary.LittleEndian
	var h [localHeaderLen + maxHeaderField]byte
	next := int64(0)
	for i, f := range files {
		off := dir.local[i]
		if off != next {
			return badFormat(f.Name, "local header at offset "+strconv.FormatInt(off, 10)+", not where the previous entry ends ("+strconv.FormatInt(next, 10)+")")
		}
		n := localHeaderLen + len(f.Name)
		if _, err := r.ReadAt(h[:n], off); err != nil {
			return badFormat(f.Name, "cannot read its local header")
		}
		flags, method := le.Uint16(h[6:]), le.Uint16(h[8:])
		crc, cs, us := le.Uint32(h[14:]), le.Uint32(h[18:]), le.Uint32(h[22:])
		nl, xl := int(le.Uint16(h[26:])), int64(le.Uint16(h[28:]))
		dd := f.Flags&8 != 0
		switch {
		case le.Uint32(h[0:]) != 0x04034b50:
			return badFormat(f.Name, "no local header where the central directory points")
		case flags != f.Flags:
			return badFormat(f.Name, "local header flags differ from the central directory's")
		case method != f.Method:
			return badFormat(f.Name, "local header compression method differs from the central directory's")
		case nl != len(f.Name) || string(h[localHeaderLen:n]) != f.Name:
			return badFormat(f.Name, "local header names another file")
		case !dd && (crc != f.CRC32 || uint64(cs) != f.CompressedSize64 || uint64(us) != f.UncompressedSize64):
			return badFormat(f.Name, "local header CRC or sizes differ from the central directory's")
		case dd && (crc != 0 || cs != 0 || us != 0) && (crc != f.CRC32 || uint64(cs) != f.CompressedSize64 || uint64(us) != f.UncompressedSize64):
			return badFormat(f.Name, "local header with a data descriptor has CRC or sizes that are not zero and not the central directory's")
		case dd && f.Method == zip.Store:
			return badFormat(f.Name, "stored entry with a data descriptor (Java's ZipInputStream, which digidoc4j uses, cannot read it)")
		}
		next = off + int64(n) + xl + int64(f.CompressedSize64)
		if dd {
			var d [16]byte
			if _, err := r.ReadAt(d[:], next); err != nil {
				return badFormat(f.Name, "cannot read its data descriptor")
			}
			b := d[:]
			if le.Uint32(b) == 0x08074b50 {
				b = b[4:]
				next += 4
			}
			if le.Uint32(b) != f.CRC32 || uint64(le.Uint32(b[4:])) != f.CompressedSize64 || uint64(le.Uint32(b[8:])) != f.UncompressedSize64 {
				return badFormat(f.Name, "data descriptor differs from the central directory")
			}
			next += 12
		}
	}
	if next != dir.start {
		return badFormat("", "bytes between the last entry and the central directory")
	}
	return nil
}

// checkMimetype checks that first is the mimetype entry as ASiC-E (ETSI EN 319 162-1 § A.1)
// wants it: first, stored, no extra field, no data descriptor, exactly MimeType.
func checkMimetype(r io.ReaderAt, first *zip.File) error {
	if first.Name != mimetypeName {
		return badFormat(first.Name, "first entry; mimetype must be first")
	}
	if first.Method != zip.Store {
		return badFormat(mimetypeName, "compressed (method "+strconv.Itoa(int(first.Method))+"); it must be stored")
	}
	var b [localHeaderLen + len(mimetypeName) + len(MimeType)]byte
	if _, err := r.ReadAt(b[:], 0); err != nil {
		return badFormat(mimetypeName, "cannot read its local header")
	}
	le := binary.LittleEndian
	switch {
	case le.Uint32(b[0:]) != 0x04034b50 || string(b[localHeaderLen:localHeaderLen+len(mimetypeName)]) != mimetypeName:
		return badFormat(mimetypeName, "not the first local header of the file")
	case le.Uint16(b[6:])&8 != 0 || first.Flags&8 != 0:
		return badFormat(mimetypeName, "has a data descriptor; sizes must be in the local header")
	case le.Uint16(b[8:]) != 0:
		return badFormat(mimetypeName, "compressed; it must be stored")
	case le.Uint16(b[28:]) != 0:
		return badFormat(mimetypeName, "local header has an extra field; it must have none")
	case le.Uint32(b[18:]) != uint32(len(MimeType)) || le.Uint32(b[22:]) != uint32(len(MimeType)) ||
		first.UncompressedSize64 != uint64(len(MimeType)):
		return badFormat(mimetypeName, "content is not "+MimeType)
	case string(b[localHeaderLen+len(mimetypeName):]) != MimeType:
		return badFormat(mimetypeName, "content is not "+MimeType)
	}
	if off, err := first.DataOffset(); err != nil || off != localHeaderLen+int64(len(mimetypeName)) {
		return badFormat(mimetypeName, "central directory does not point at offset 0")
	}
	return nil
}

// readEntry reads f, at most max bytes, through a LimitReader, so that a header that lies about
// the size cannot make it read more.
func readEntry(f *zip.File, max int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(max) {
		return nil, hostile(f.Name, "larger than the limit of "+strconv.FormatInt(max, 10)+" bytes")
	}
	rc, err := openEntry(f)
	if err != nil {
		return nil, badFormat(f.Name, "cannot open: "+err.Error())
	}
	defer rc.Close()
	n := int64(f.UncompressedSize64)
	buf := bytes.NewBuffer(make([]byte, 0, n+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(rc, n+1)); err != nil {
		return nil, badFormat(f.Name, "corrupt: "+err.Error())
	}
	if int64(buf.Len()) != n {
		return nil, badFormat(f.Name, "size does not match its header")
	}
	return buf.Bytes(), nil
}

// readXML reads and parses an XML entry within the container's XML budget.
func (c *container) readXML(f *zip.File) (*etree.Document, error) {
	if f.UncompressedSize64 > uint64(c.xmlBudget) {
		return nil, hostile(f.Name, "XML entries total more than MaxXMLSize")
	}
	b, err := readEntry(f, c.xmlBudget)
	if err != nil {
		return nil, err
	}
	c.xmlBudget -= int64(len(b))
	doc, err := parseXML(b)
	if err != nil {
		return nil, badFormat(f.Name, err.Error())
	}
	return doc, nil
}

// xmlDecl matches the content of an XML declaration: version 1.0, UTF-8 if an encoding is
// named, and nothing else than standalone.
var xmlDecl = regexp.MustCompile(`^[ \t\r\n]*version[ \t\r\n]*=[ \t\r\n]*(?:"1\.0"|'1\.0')` +
	`(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"(?i:utf-8)"|'(?i:utf-8)'))?` +
	`(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*$`)

// parseXML parses a UTF-8 XML document more strictly than encoding/xml: besides its checks
// (matching tags, quoted attributes, known entities) it refuses another encoding, a DOCTYPE,
// processing instructions other than a correct XML declaration, text outside the root element
// and duplicate attributes, none of which an ASiC-E signature or manifest has.
func parseXML(b []byte) (*etree.Document, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	doc := etree.NewDocument()
	doc.ReadSettings.CharsetReader = func(charset string, _ io.Reader) (io.Reader, error) {
		return nil, errors.New("encoding " + strconv.Quote(charset) + " is not UTF-8")
	}
	doc.ReadSettings.PreserveDuplicateAttrs = true
	if err := doc.ReadFromBytes(b); err != nil {
		return nil, errors.New("malformed XML: " + err.Error())
	}
	roots := 0
	for i, t := range doc.Child {
		switch t := t.(type) {
		case *etree.Element:
			roots++
		case *etree.CharData:
			if strings.Trim(t.Data, " \t\r\n") != "" {
				return nil, errors.New("text outside the root element")
			}
		case *etree.Comment:
		case *etree.ProcInst:
			if i != 0 || t.Target != "xml" || !xmlDecl.MatchString(t.Inst) {
				return nil, errors.New("processing instruction other than an XML 1.0 UTF-8 declaration")
			}
		default:
			return nil, errors.New("DOCTYPE or other directive in XML")
		}
	}
	if roots != 1 {
		return nil, errors.New("not exactly one root element")
	}
	var walk func(*etree.Element) error
	walk = func(el *etree.Element) error {
		for i := 1; i < len(el.Attr); i++ {
			for j := 0; j < i; j++ {
				if el.Attr[i].Space == el.Attr[j].Space && el.Attr[i].Key == el.Attr[j].Key {
					return errors.New("duplicate attribute " + el.Attr[i].FullKey())
				}
			}
		}
		for _, t := range el.Child {
			if c, ok := t.(*etree.Element); ok {
				if err := walk(c); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(doc.Root()); err != nil {
		return nil, err
	}
	return doc, nil
}

// readManifest reads META-INF/manifest.xml and checks it against the ZIP entries.
func (c *container) readManifest(mf *zip.File, entries map[string]*zip.File) error {
	doc, err := c.readXML(mf)
	if err != nil {
		return err
	}
	root := doc.Root()
	if !is(root, nsManifest, "manifest") {
		return badFormat(manifestName, "root element is not manifest:manifest")
	}
	if err := validate(root); err != nil {
		return badFormat(manifestName, "schema: "+err.Error())
	}
	rootEntries := 0
	for _, fe := range root.ChildElements() {
		if !is(fe, nsManifest, "file-entry") {
			continue
		}
		path, _ := nsAttr(fe, nsManifest, "full-path")
		mt, _ := nsAttr(fe, nsManifest, "media-type")
		switch {
		case path == "/":
			if mt != MimeType {
				return badFormat(manifestName, "entry \"/\" has media type "+strconv.Quote(mt)+", not "+MimeType)
			}
			rootEntries++
			continue
		case path == "":
			return badFormat(manifestName, "file-entry without full-path")
		}
		if p := pathProblem(path); p != "" {
			return hostile(manifestName, "full-path "+strconv.Quote(path)+": "+p)
		}
		if strings.HasSuffix(path, "/") {
			continue
		}
		if path == mimetypeName || strings.HasPrefix(path, metaInf) {
			return badFormat(manifestName, "lists reserved entry "+strconv.Quote(path)+" as a data file")
		}
		if _, dup := c.mediaType[path]; dup {
			return badFormat(manifestName, "lists "+strconv.Quote(path)+" more than once")
		}
		if mt == "" {
			return badFormat(manifestName, "entry "+strconv.Quote(path)+" has no media-type")
		}
		f := entries[path]
		if f == nil {
			return badFormat(manifestName, "lists "+strconv.Quote(path)+" but the container has no such entry")
		}
		c.mediaType[path] = mt
		c.dataEntry[path] = f
		c.data = append(c.data, DataFile{Name: path, MediaType: mt, Size: int64(f.UncompressedSize64)})
	}
	if rootEntries != 1 {
		return badFormat(manifestName, "must have exactly one entry for \"/\", has "+strconv.Itoa(rootEntries))
	}
	for _, f := range c.zr.File {
		n := f.Name
		if n == mimetypeName || strings.HasPrefix(n, metaInf) || strings.HasSuffix(n, "/") {
			continue
		}
		if _, ok := c.mediaType[n]; !ok {
			return badFormat(n, "not listed in "+manifestName)
		}
	}
	if len(c.data) == 0 {
		return badFormat(manifestName, "no data files")
	}
	return nil
}
