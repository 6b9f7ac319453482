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

// writeContainer writes the ZIP: mimetype first (stored, sizes and CRC in the local header, no
// extra field, no data descriptor, zero modification time), then the files, the manifest and
// the signatures, deflated (at the fastest level) and dated t.
func writeContainer(files []File, signatures []byte, t time.Time) ([]byte, error) {
	size := 200 + len(signatures)
	for _, f := range files {
		size += len(f.Data) + 2*len(f.Name) + 120
	}
	var buf bytes.Buffer
	buf.Grow(size)
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, newFastFlate)
	mt := []byte(MimeType)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name:               mimetypeName,
		Method:             zip.Store,
		CRC32:              crc32.ChecksumIEEE(mt),
		CompressedSize64:   uint64(len(mt)),
		UncompressedSize64: uint64(len(mt)),
		ReaderVersion:      20,
		CreatorVersion:     20,
	})
	if err == nil {
		_, err = w.Write(mt)
	}
	if err != nil {
		return nil, fmt.Errorf("asice: writing mimetype: %w", err)
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
		if err := put(f.Name, f.Data); err != nil {
			return nil, err
		}
	}
	if err := put(manifestName, manifestXML(files)); err != nil {
		return nil, err
	}
	if err := put(signaturesName, signatures); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("asice: writing ZIP: %w", err)
	}
	return buf.Bytes(), nil
}
