package asice

import (
	"context"
	"crypto/sha256"
	"time"
)

// Internals for the tests and benchmarks of package asice_test.

// HashFiles is hashFiles.
func HashFiles(files []File) [][sha256.Size]byte { return hashFiles(files) }

// BuildSignature checks seal and opts and returns the signatures XML for files.
func BuildSignature(ctx context.Context, files []File, digests [][sha256.Size]byte, seal Seal, opts *Options) ([]byte, error) {
	o, err := checkOptions(opts)
	if err != nil {
		return nil, err
	}
	s, err := newSealer(seal, o)
	if err != nil {
		return nil, err
	}
	return buildSignature(ctx, files, digests, s, o)
}

// WriteContainer is writeContainer: the ZIP around files and a signatures XML.
func WriteContainer(files []File, signatures []byte, t time.Time) ([]byte, error) {
	return writeContainer(files, signatures, t)
}

// BuildSignatureNoTransform returns a B signatures XML in the style of libdigidocpp's older
// files: SignedInfo canonicalized with c14n, and a SignedProperties Reference without a
// Transform, whose digest is therefore over inclusive c14n 1.0 (the XML-DSig default).
func BuildSignatureNoTransform(files []File, seal Seal, c14n string) ([]byte, error) {
	s, err := newSealer(seal, Options{Profile: ProfileB})
	if err != nil {
		return nil, err
	}
	doc, si, spDigest, sv, sp := newSignatureDoc(files, hashFiles(files), s, c14n)
	tr := spDigest.Parent().SelectElement("ds:Transforms")
	spDigest.Parent().RemoveChild(tr)
	if err := signDoc(si, spDigest, sv, sp, s, c14n, C14N10); err != nil {
		return nil, err
	}
	return doc.WriteToBytes()
}
