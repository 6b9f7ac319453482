package asice

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"sync"
	"time"
)

// fastFlate pools deflate writers of level flate.BestSpeed. The files are mostly PDFs, whose
// streams are compressed already: the default level spends about 15 µs per KB finding nothing
// to gain, the fastest level about 2 µs (see the package documentation).
var fastFlate sync.Pool

func newFastFlate(w io.Writer) (io.WriteCloser, error) {
	fw, ok := fastFlate.Get().(*flate.Writer)
	if ok {
		fw.Reset(w)
	} else {
		var err error
		if fw, err = flate.NewWriter(w, flate.BestSpeed); err != nil {
			return nil, err
		}
	}
	return &pooledFlate{fw: fw}, nil
}

type pooledFlate struct{ fw *flate.Writer }

func (p *pooledFlate) Write(b []byte) (int, error) { return p.fw.Write(b) }

func (p *pooledFlate) Close() error {
	err := p.fw.Close()
	fastFlate.Put(p.fw)
	p.fw = nil
	return err
}

// manifestXML returns META-INF/manifest.xml for files (OpenDocument 1.2 manifest).
func manifestXML(files []File) []byte {
	var b strings.Builder
	b.Grow(300 + 120*len(files))
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<manifest:manifest xmlns:manifest="` + nsManifest + `" manifest:version="1.2">` + "\n")
	b.WriteString(` <manifest:file-entry manifest:full-path="/" manifest:media-type="` + MimeType + `"/>` + "\n")
	for _, f := range files {
		b.WriteString(` <manifest:file-entry manifest:full-path="` + escapeAttr(f.Name) +
			`" manifest:media-type="` + escapeAttr(f.MediaType) + `"/>` + "\n")
	}
	b.WriteString("</manifest:manifest>\n")
	return []byte(b.String())
}

// storedTypes are the media types of files that are compressed already: they are stored in the
// ZIP as they are, since deflating them again costs time (about 3 µs per KB) for next to nothing.
var storedTypes = map[string]bool{
	"application/pdf": true, "application/zip": true, "application/gzip": true,
	"image/jpeg": true, "image/png": true, "image/gif": true, "image/webp": true,
	"video/mp4": true, "audio/mpeg": true,
}

// writeContainer writes the ZIP: mimetype first (stored, sizes and CRC in the local header, no
// extra field, no data descriptor, zero modification time), then the files — stored the same way
// when their media type is one of storedTypes, else deflated at the fastest level — then the
// manifest and the signatures, stored too (a few KB each: a deflate writer's fixed cost, about
// 50 µs an entry, would buy 2–3 KB), all dated t.
func writeContainer(files []File, signatures []byte, t time.Time) ([]byte, error) {
	size := 200 + len(signatures)
	for _, f := range files {
		size += len(f.Data) + 2*len(f.Name) + 120
	}
	var buf bytes.Buffer
	buf.Grow(size)
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, newFastFlate)
	// store writes an entry stored, its CRC and sizes in the local header: no data descriptor.
	store := func(name string, data []byte, modified time.Time) error {
		h := &zip.FileHeader{
			Name:               name,
			Method:             zip.Store,
			CRC32:              crc32.ChecksumIEEE(data),
			CompressedSize64:   uint64(len(data)),
			UncompressedSize64: uint64(len(data)),
			ReaderVersion:      20,
			CreatorVersion:     20,
		}
		if !modified.IsZero() {
			h.Modified = modified
		}
		for i := 0; i < len(name); i++ {
			if name[i] >= 0x80 {
				h.Flags |= 0x800 // the name is UTF-8 (APPNOTE 4.4.4 bit 11), as CreateHeader marks it
				break
			}
		}
		w, err := zw.CreateRaw(h)
		if err == nil {
			_, err = w.Write(data)
		}
		if err != nil {
			return fmt.Errorf("asice: writing %s: %w", name, err)
		}
		return nil
	}
	if err := store(mimetypeName, []byte(MimeType), time.Time{}); err != nil {
		return nil, err
	}
	put := func(name string, data []byte) error {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: t})
		if err == nil {
			_, err = w.Write(data)
		}
		if err != nil {
			return fmt.Errorf("asice: writing %s: %w", name, err)
		}
		return nil
	}
	for _, f := range files {
		var err error
		if storedTypes[f.MediaType] {
			err = store(f.Name, f.Data, t)
		} else {
			err = put(f.Name, f.Data)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := store(manifestName, manifestXML(files), t); err != nil {
		return nil, err
	}
	if err := store(signaturesName, signatures, t); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("asice: writing ZIP: %w", err)
	}
	return buf.Bytes(), nil
}
