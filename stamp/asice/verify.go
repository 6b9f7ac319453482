package asice

import (
	"crypto"
	"crypto/x509"
	"io"
	"math/big"
	"strconv"
	"time"
)

// String returns "B", "T", "LT" or "LTA".
func (p Profile) String() string {
	switch p {
	case ProfileB:
		return "B"
	case ProfileT:
		return "T"
	case ProfileLT:
		return "LT"
	case ProfileLTA:
		return "LTA"
	}
	return "Profile(" + strconv.Itoa(int(p)) + ")"
}

// The default limits of [VerifyOptions].
const (
	DefaultMaxContainerSize = 64 << 20  // 64 MiB
	DefaultMaxEntries       = 1000      // ZIP entries, directories included
	DefaultMaxEntrySize     = 64 << 20  // 64 MiB uncompressed per entry
	DefaultMaxTotalSize     = 256 << 20 // 256 MiB uncompressed for all entries
	DefaultMaxRatio         = 100       // uncompressed:compressed, for entries over 1 MiB
	DefaultMaxXMLSize       = 4 << 20   // 4 MiB of manifest and signatures XML in all
	DefaultMaxSignatures    = 100       // ds:Signature elements in all signatures files
)

// VerifyOptions configure [Verify]. A nil *VerifyOptions means the zero value. A limit that is
// zero (or negative) takes its default; a container beyond a limit is refused with an error
// wrapping [ErrHostile] before the entry concerned is read.
type VerifyOptions struct {
	// Roots are the trust anchors for the seal's certificate chain, the time-stamping unit and a
	// trusted OCSP responder. Nil means no trust decision: SignatureReport.Trusted stays false.
	Roots *x509.CertPool

	// Now returns the time at which the chain of a signature without a time-stamp is checked;
	// nil means time.Now. Signatures with a time-stamp are checked at its time.
	Now func() time.Time

	// MaxContainerSize bounds the size argument of Verify. Default 64 MiB.
	MaxContainerSize int64
	// MaxEntries bounds the number of ZIP entries, counted in the central directory before
	// archive/zip reads it. Default 1000.
	MaxEntries int
	// MaxEntrySize bounds each entry's uncompressed size. Default 64 MiB.
	MaxEntrySize int64
	// MaxTotalSize bounds the sum of the entries' uncompressed sizes. Default 256 MiB.
	MaxTotalSize int64
	// MaxRatio bounds uncompressed size / compressed size of each entry larger than 1 MiB
	// (a zip bomb inflates a thousandfold; PDFs and XML stay far below). Default 100.
	MaxRatio int
	// MaxXMLSize bounds the manifest and the signatures files together, which Verify parses in
	// memory. Default 4 MiB.
	MaxXMLSize int64
	// MaxSignatures bounds the number of signatures checked. Default 100.
	MaxSignatures int
}

func (o *VerifyOptions) withDefaults() *VerifyOptions {
	var v VerifyOptions
	if o != nil {
		v = *o
	}
	if v.Now == nil {
		v.Now = time.Now
	}
	if v.MaxContainerSize <= 0 {
		v.MaxContainerSize = DefaultMaxContainerSize
	}
	if v.MaxEntries <= 0 {
		v.MaxEntries = DefaultMaxEntries
	}
	if v.MaxEntrySize <= 0 {
		v.MaxEntrySize = DefaultMaxEntrySize
	}
	if v.MaxTotalSize <= 0 {
		v.MaxTotalSize = DefaultMaxTotalSize
	}
	if v.MaxRatio <= 0 {
		v.MaxRatio = DefaultMaxRatio
	}
	if v.MaxXMLSize <= 0 {
		v.MaxXMLSize = DefaultMaxXMLSize
	}
	if v.MaxSignatures <= 0 {
		v.MaxSignatures = DefaultMaxSignatures
	}
	return &v
}

// A Report is what Verify found in a container it could open.
type Report struct {
	// Files are the data files the manifest lists, in its order.
	Files []DataFile
	// Signatures are the signatures of all signatures files, in container order.
	Signatures []SignatureReport
	// Problems are findings about the container as a whole, such as "no signatures".
	Problems []string
	// Valid is true when the container has at least one signature, every signature is Valid,
	// and Problems is empty.
	Valid bool
}

// Trusted reports whether the container is Valid and every signature is Trusted (TOTAL-PASSED).
func (r *Report) Trusted() bool {
	ok := r.Valid && len(r.Signatures) > 0
	for _, s := range r.Signatures {
		ok = ok && s.Trusted
	}
	return ok
}

// A DataFile is a data file of a container as its manifest lists it.
type DataFile struct {
	Name      string // path in the container, e.g. "Tunnistus.pdf"
	MediaType string // manifest media type, e.g. "application/pdf"
	Size      int64  // uncompressed size in bytes
}

// A SignatureReport is the verdict on one XAdES signature.
type SignatureReport struct {
	// SignaturesFile is the entry that holds the signature, e.g. "META-INF/signatures0.xml".
	SignaturesFile string
	// ID is the signature's Id attribute, e.g. "S0".
	ID string
	// Profile is the highest XAdES baseline level whose data verify: B, T (the signature
	// time-stamp verifies), LT (and its certificate values and OCSP response do), LTA (and its
	// archive time-stamps do). A signature whose T, LT or LTA data fail has the level below and
	// a problem saying why.
	Profile Profile
	// Files are the data files the signature covers, in the order of its References.
	Files []string

	// Signer is the signing certificate: the first certificate of KeyInfo, which must be the
	// one SigningCertificate(V2) names. Nil when crypto/x509 cannot parse it (see Problems);
	// SignerSubject and SignerSerial are then read from the raw certificate where possible.
	Signer        *x509.Certificate
	SignerSubject string
	SignerSerial  *big.Int

	// SigningTime is the time the signer claims (xades:SigningTime).
	SigningTime time.Time
	// TimeStamp is the time of the signature time-stamp (its genTime), zero without one; TSA
	// is the subject of the time-stamping unit's certificate.
	TimeStamp time.Time
	TSA       string
	// RevocationStatus is the OCSP status of the signing certificate in the signature's
	// revocation values: "good", "revoked", "unknown", or "" when there is none.
	RevocationStatus string
	// OCSPProducedAt is the producedAt time of that OCSP response.
	OCSPProducedAt time.Time

	// ArchiveTimeStamps are the genTimes of the archive time-stamps (xades141:ArchiveTimeStamp)
	// that verify, in document order.
	ArchiveTimeStamps []time.Time
	// NonConforming lists the certificates of the signature that are not conforming DER but
	// that Verify read with a known tolerance (see [parseCertificate]), each with what is
	// wrong: "signing certificate: RSA modulus is encoded as a negative INTEGER …". They are
	// also in Warnings; they do not make the signature invalid.
	NonConforming []string

	// Indication and SubIndication are the verdict of ETSI EN 319 102-1 on the signature:
	// TOTAL-PASSED (SubIndication ""), TOTAL-FAILED or INDETERMINATE with the reason of the
	// first problem found (a TOTAL-FAILED one first), or of the first trust problem. Without
	// VerifyOptions.Roots a signature that is Valid is INDETERMINATE, NO_CERTIFICATE_CHAIN_FOUND.
	// The package documentation lists which check gives which sub-indication.
	Indication    Indication
	SubIndication SubIndication

	// Valid is true when the signature is intact, well formed and its validation data verify:
	// every data file of the container is covered, every digest and the SignatureValue check out
	// with the signing certificate that SigningCertificate(V2) names, the certificates parse, and
	// any time-stamp, certificate values, OCSP response and archive time-stamp verify and fit
	// together (see the package documentation). Problems says why not; it is empty exactly when
	// Valid. A Valid signature is TOTAL-PASSED, or INDETERMINATE for want of trust only.
	Valid    bool
	Problems []string
	// Warnings are findings that do not make the signature invalid.
	Warnings []string

	// Trusted is true when the signature is TOTAL-PASSED: Valid, VerifyOptions.Roots was given,
	// the signing certificate chains to Roots (at the time-stamp's time, or at Now without one),
	// every time-stamping unit's certificate chains to Roots, and the signing certificate's status
	// is known: from an LT signature's OCSP response, signed by the issuer of the chain, by a
	// responder it delegated, or by a responder that chains to Roots; or because the signing
	// certificate is itself one of the Roots. A B or T signature by a certificate a CA issued is
	// INDETERMINATE, TRY_LATER (Verify fetches no revocation data). TrustProblems says why not.
	Trusted       bool
	TrustProblems []string
}

// Verify reads the ASiC-E container of size bytes from r and verifies its signatures.
//
// It returns an error, and no Report, for a container it refuses to read: one that exceeds a
// limit of opts or looks built to escape or exhaust the reader (an error wrapping
// [ErrHostile]), or one that is not an ASiC-E container (wrapping [ErrFormat]); the error is a
// [*ContainerError] naming the entry. Otherwise the Report says, per signature, whether it is
// valid and why not, and whether it is trusted.
//
// Verify reads the container through r without loading it: data files are streamed through
// their hashes, and only the manifest and the signatures XML are held in memory.
func Verify(r io.ReaderAt, size int64, opts *VerifyOptions) (*Report, error) {
	o := opts.withDefaults()
	c, err := openContainer(r, size, o)
	if err != nil {
		return nil, err
	}
	v := &verifier{c: c, o: o, need: make(map[string]map[crypto.Hash]bool)}
	rep := &Report{Files: c.data}
	for i, doc := range c.sigDocs {
		for _, el := range children(doc.Root(), nsDS, "Signature") {
			if len(v.sigs) >= o.MaxSignatures {
				return nil, hostile(c.sigFiles[i], "more signatures than MaxSignatures "+strconv.Itoa(o.MaxSignatures))
			}
			v.checkSignature(c.sigFiles[i], doc, el)
		}
	}
	if err := v.hashData(); err != nil {
		return nil, err
	}
	if len(v.sigs) == 0 {
		rep.Problems = append(rep.Problems, "container has no signatures")
	}
	rep.Valid = len(rep.Problems) == 0
	for _, s := range v.sigs {
		s.finish(v)
		rep.Signatures = append(rep.Signatures, s.rep)
		rep.Valid = rep.Valid && s.rep.Valid
	}
	return rep, nil
}

// Summary returns the verdict in one sentence, in Estonian and in English (GEN-05), for a
// person reading it; Problems, Warnings and TrustProblems are English diagnostics for operators.
func (r *Report) Summary() (et, en string) {
	trusted := r.Trusted()
	switch {
	case len(r.Signatures) == 0:
		return "Konteineris ei ole allkirju.", "The container has no signatures."
	case !r.Valid:
		return "Konteiner ei ole kehtiv: vähemalt üks allkiri ei ole terviklik või ei kata kõiki faile.",
			"The container is not valid: at least one signature is not intact or does not cover every file."
	case trusted:
		return "Konteiner on kehtiv: kõik allkirjad on terviklikud ja usaldusväärsed.",
			"The container is valid: every signature is intact and trusted."
	}
	return "Konteineri allkirjad on terviklikud, kuid nende usaldusväärsust ei ole kinnitatud.",
		"The container's signatures are intact, but they have not been established as trusted."
}
