package asice

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"errors"
	"hash"
	"hash/crc32"
	"io"
	"sync"
)

// errEntry reports an entry whose content does not match its headers.
var errEntry = errors.New("content does not match its CRC, its size, or its compressed size")

// openEntry opens f for reading its content. It is archive/zip's File.Open with one check
// more for deflated entries: the deflate stream must end exactly at the entry's compressed size,
// so that no bytes after the end of the stream (which no reader sees, and no CRC covers) can
// hide in the container. At EOF the reader returns errEntry unless the CRC-32, the size and the
// compressed size are the headers'.
func openEntry(f *zip.File) (io.ReadCloser, error) {
	if f.Method != zip.Deflate {
		return f.Open() // archive/zip checks the CRC and the size at EOF
	}
	raw, err := f.OpenRaw()
	if err != nil {
		return nil, err
	}
	e := entryPool.Get().(*entryReader)
	e.f, e.n, e.counted = f, 0, countingReader{r: raw}
	e.crc.Reset()
	e.br.Reset(&e.counted)
	if e.fr == nil {
		e.fr = flate.NewReader(&e.br)
	} else if err := e.fr.(flate.Resetter).Reset(&e.br, nil); err != nil {
		return nil, err
	}
	return e, nil
}

var entryPool = sync.Pool{New: func() any {
	return &entryReader{crc: crc32.NewIEEE(), br: *bufio.NewReaderSize(nil, 4096)}
}}

// An entryReader inflates a deflated entry and checks it at EOF.
type entryReader struct {
	f       *zip.File
	counted countingReader
	br      bufio.Reader
	fr      io.ReadCloser
	crc     hash.Hash32
	n       uint64
}

func (e *entryReader) Read(p []byte) (int, error) {
	n, err := e.fr.Read(p)
	e.crc.Write(p[:n])
	e.n += uint64(n)
	if e.n > e.f.UncompressedSize64 {
		return n, errEntry
	}
	if err == io.EOF {
		consumed := e.counted.n - int64(e.br.Buffered())
		if e.n != e.f.UncompressedSize64 || e.crc.Sum32() != e.f.CRC32 || uint64(consumed) != e.f.CompressedSize64 {
			return n, errEntry
		}
	}
	return n, err
}

// Close returns the reader to the pool.
func (e *entryReader) Close() error {
	e.f, e.counted = nil, countingReader{}
	e.br.Reset(nil)
	entryPool.Put(e)
	return nil
}

// A countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
