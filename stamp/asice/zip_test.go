package asice_test

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"slices"
	"strconv"
	"testing"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/stamp/asice"
)

// A zipLayout is where the headers of a ZIP are, read from its end record and central
// directory (the container is well formed).
type zipLayout struct {
	local   []int // local header offsets, in directory order
	central []int // central directory header offsets
	eocd    int
}

func layout(t testing.TB, b []byte) zipLayout {
	t.Helper()
	le := binary.LittleEndian
	l := zipLayout{eocd: bytes.LastIndex(b, []byte("PK\x05\x06"))}
	if l.eocd < 0 {
		t.Fatal("no end record")
	}
	n, off := int(le.Uint16(b[l.eocd+10:])), int(le.Uint32(b[l.eocd+16:]))
	for range n {
		l.central = append(l.central, off)
		l.local = append(l.local, int(le.Uint32(b[off+42:])))
		off += 46 + int(le.Uint16(b[off+28:])) + int(le.Uint16(b[off+30:])) + int(le.Uint16(b[off+32:]))
	}
	return l
}

// fieldOf names the ZIP field that byte i of b belongs to, e.g. "local.crc" or "cd.extra";
// "data" for entry data and data descriptors.
func (l zipLayout) fieldOf(b []byte, i int) string {
	le := binary.LittleEndian
	at := func(base int, fields []struct {
		name string
		n    int
	}) string {
		for _, f := range fields {
			if i < base+f.n {
				return f.name
			}
			base += f.n
		}
		return ""
	}
	type f = struct {
		name string
		n    int
	}
	if i >= l.eocd {
		return "eocd." + at(l.eocd, []f{{"signature", 4}, {"disk", 4}, {"entries", 4}, {"size", 4}, {"offset", 4}, {"commentlen", 2}, {"comment", 1 << 20}})
	}
	for _, c := range slices.Backward(l.central) {
		if i >= c {
			nl, xl, cl := int(le.Uint16(b[c+28:])), int(le.Uint16(b[c+30:])), int(le.Uint16(b[c+32:]))
			return "cd." + at(c, []f{{"signature", 4}, {"madeby", 2}, {"version", 2}, {"flags", 2}, {"method", 2}, {"time", 2}, {"date", 2},
				{"crc", 4}, {"csize", 4}, {"usize", 4}, {"namelen", 2}, {"extralen", 2}, {"commentlen", 2}, {"disk", 2}, {"intattr", 2},
				{"extattr", 4}, {"offset", 4}, {"name", nl}, {"extra", xl}, {"comment", cl}})
		}
	}
	for _, h := range slices.Backward(l.local) {
		if i >= h {
			nl, xl := int(le.Uint16(b[h+26:])), int(le.Uint16(b[h+28:]))
			if s := at(h, []f{{"signature", 4}, {"version", 2}, {"flags", 2}, {"method", 2}, {"time", 2}, {"date", 2}, {"crc", 4},
				{"csize", 4}, {"usize", 4}, {"namelen", 2}, {"extralen", 2}, {"name", nl}, {"extra", xl}}); s != "" {
				return "local." + s
			}
			return "data"
		}
	}
	return "?"
}

// uncoveredZIP are the ZIP fields that no signature covers and that Verify does not check,
// as the package documentation lists them: changing them changes nothing a reader of the
// container sees.
var uncoveredZIP = []string{
	"local.version", "local.time", "local.date", "local.extra",
	"cd.madeby", "cd.version", "cd.time", "cd.date", "cd.extra", "cd.comment", "cd.intattr", "cd.extattr",
	"eocd.comment", "deflate.encoding",
}

// tamperZIP flips byte pos of container b with x and returns why the result is wrong: Verify
// accepted a change outside the uncovered fields, or refused with an error of no category.
func tamperZIP(t testing.TB, b []byte, l zipLayout, pos int, x byte) string {
	c := bytes.Clone(b)
	c[pos] ^= x
	rep, err := asice.Verify(bytes.NewReader(c), int64(len(c)), nil)
	switch {
	case err != nil:
		if !errors.Is(err, asice.ErrFormat) && !errors.Is(err, asice.ErrHostile) {
			return "refused with an error of no category: " + err.Error()
		}
		return ""
	case !rep.Valid:
		return ""
	}
	if f := fieldClass(t, b, c, l, pos); !slices.Contains(uncoveredZIP, f) {
		return "accepted a change of " + f + " at byte " + strconv.Itoa(pos)
	}
	return ""
}

// fieldClass is l.fieldOf(b, pos), except that a change of entry data c that inflates to the
// same content as b is "deflate.encoding": a padding bit of the deflate stream (after a
// stored block's header or after the end of the stream) that no reader sees.
func fieldClass(t testing.TB, b, c []byte, l zipLayout, pos int) string {
	f := l.fieldOf(b, pos)
	if f != "data" {
		return f
	}
	eb, ec := entries(t, b), entries(t, c)
	if slices.EqualFunc(eb, ec, func(x, y zentry) bool { return x.name == y.name && bytes.Equal(x.data, y.data) }) {
		return "deflate.encoding"
	}
	return f
}

// tamperContainer is a small container with every kind of ZIP entry Create writes: the stored
// mimetype, deflated data files with data descriptors and extended-time extra fields.
func tamperContainer(t testing.TB) []byte {
	t.Helper()
	b, err := asice.Create(t.Context(), estonianFiles(), testSeal(t, keyP256), nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Changing any one byte of a container anywhere but in the fields no signature covers (the
// list in the package documentation) makes Verify refuse it or call it invalid.
func TestVerify_tamperZIPProperty(t *testing.T) {
	b := tamperContainer(t)
	l := layout(t, b)
	rapid.Check(t, func(rt *rapid.T) {
		pos := rapid.IntRange(0, len(b)-1).Draw(rt, "pos")
		x := rapid.ByteRange(1, 255).Draw(rt, "xor")
		if why := tamperZIP(t, b, l, pos, x); why != "" {
			rt.Fatal(why)
		}
	})
}

// Every byte of the container, flipped in its lowest and in its highest bit: the accepted
// changes, counted by field, are all in uncoveredZIP.
func TestVerify_tamperEveryZIPByte(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping a verification per byte in short mode")
	}
	b := tamperContainer(t)
	l := layout(t, b)
	accepted := map[string]int{}
	for pos := range b {
		for _, x := range []byte{0x01, 0x80} {
			if why := tamperZIP(t, b, l, pos, x); why != "" {
				t.Fatalf("byte %d ^ %#x: %s", pos, x, why)
			}
			c := bytes.Clone(b)
			c[pos] ^= x
			if rep, err := asice.Verify(bytes.NewReader(c), int64(len(c)), nil); err == nil && rep.Valid {
				accepted[fieldClass(t, b, c, l, pos)]++
			}
		}
	}
	t.Logf("accepted single-byte changes by field: %v", accepted)
}

// patch returns b with the little-endian uint16 or uint32 at off set to v.
func patch(b []byte, off int, size int, v uint32) []byte {
	c := bytes.Clone(b)
	if size == 2 {
		binary.LittleEndian.PutUint16(c[off:], uint16(v))
	} else {
		binary.LittleEndian.PutUint32(c[off:], v)
	}
	return c
}

// The local headers must agree with the central directory, as Python's zipfile and minizip
// (libdigidocpp) ask, and account for every byte before it.
func TestVerify_localHeaders(t *testing.T) {
	// The stamp's container with every entry but the mimetype deflated and written with a data
	// descriptor (Create stores the PDFs: issue 14), then the same with every entry stored, sizes
	// and CRC in the local headers.
	var deflated []zentry
	for i, e := range entries(t, tamperContainer(t)) {
		if i > 0 {
			e.method = zip.Deflate
		}
		deflated = append(deflated, e)
	}
	b := rezip(t, deflated)
	l := layout(t, b)
	le := binary.LittleEndian
	var stored []zentry
	for _, e := range entries(t, b) {
		e.method = zip.Store
		stored = append(stored, e)
	}
	s := rezip(t, stored)
	ls := layout(t, s)
	h1, s1 := l.local[1], ls.local[1] // the first data file's local header
	nameAt := h1 + 30
	descriptor := func(b []byte, l zipLayout, i int) int { // offset of entry i's data descriptor CRC
		h := l.local[i]
		cs := int(le.Uint32(b[l.central[i]+20:]))
		d := h + 30 + int(le.Uint16(b[h+26:])) + int(le.Uint16(b[h+28:])) + cs
		if le.Uint32(b[d:]) == 0x08074b50 {
			d += 4
		}
		return d
	}
	// A stored entry written with a data descriptor, which Java's ZipInputStream cannot read.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i, e := range stored {
		var w io.Writer
		var err error
		if i == 0 {
			w, err = zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Store, CRC32: crc32.ChecksumIEEE(e.data),
				CompressedSize64: uint64(len(e.data)), UncompressedSize64: uint64(len(e.data))})
		} else {
			w, err = zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Store})
		}
		if err == nil {
			_, err = w.Write(e.data)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	zw.Close()
	storedDD := buf.Bytes()
	gap := func(b []byte, l zipLayout) []byte { // 4 bytes before the central directory
		cd := l.central[0]
		c := slices.Concat(b[:cd], []byte("JUNK"), b[cd:])
		e := l.eocd + 4
		return patch(c, e+16, 4, le.Uint32(c[e+16:])+4)
	}
	renamed := bytes.Clone(b)
	renamed[nameAt] ^= 0x20 // "Tõend…" → "tõend…" in the local header only
	cases := []struct {
		name string
		b    []byte
	}{
		{"local name renamed", renamed},
		{"local method stored", patch(b, h1+8, 2, 0)},
		{"local flags without descriptor bit", patch(b, h1+6, 2, uint32(le.Uint16(b[h1+6:])&^8))},
		{"local CRC set beside a descriptor", patch(b, h1+14, 4, 0x12345678)},
		{"data descriptor CRC", patch(b, descriptor(b, l, 1), 4, 0x12345678)},
		{"data descriptor size", patch(b, descriptor(b, l, 1)+8, 4, 1)},
		{"stored: local CRC", patch(s, s1+14, 4, le.Uint32(s[s1+14:])^1)},
		{"stored: local compressed size", patch(s, s1+18, 4, le.Uint32(s[s1+18:])+1)},
		{"stored: local uncompressed size", patch(s, s1+22, 4, le.Uint32(s[s1+22:])+1)},
		{"stored entry with a data descriptor", storedDD},
		{"bytes between entries and directory", gap(b, l)},
		{"bytes after the end record", append(bytes.Clone(b), 0)},
	}
	for name, c := range map[string][]byte{"deflated": b, "stored": s} {
		if rep := verify(t, c, nil); !rep.Valid {
			t.Fatalf("%s container not valid: %q", name, rep.Signatures[0].Problems)
		}
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep, err := asice.Verify(bytes.NewReader(c.b), int64(len(c.b)), nil)
			if _, ok := errors.AsType[*asice.ContainerError](err); !ok || !errors.Is(err, asice.ErrFormat) || rep != nil {
				t.Fatalf("Verify = %v, %v; want a ContainerError wrapping ErrFormat", rep, err)
			}
			t.Log(err)
		})
	}
}
