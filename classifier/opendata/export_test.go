package opendata

import "io"

// NewReferenceReader is NewReader reading with encoding/xml alone, without the fast tokenizer: the
// reference the differential tests compare with.
func NewReferenceReader(src io.Reader, feed Feed, m *Mapping) (*Reader, error) {
	r, err := NewReader(src, feed, m)
	if r != nil {
		r.reference = true
	}
	return r, err
}
