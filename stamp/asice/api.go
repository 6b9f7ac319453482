package asice

import (
	"context"
	"crypto"
	"crypto/x509"
	"time"
)

// MimeType is the content of the mimetype entry of an ASiC-E container (ETSI EN 319 162-1).
const MimeType = "application/vnd.etsi.asic-e+zip"

// File is one data file to seal: its name in the container, its media type (as in the manifest and
// in the signature's DataObjectFormat) and its bytes.
type File struct {
	Name      string // e.g. "Tunnistus.pdf"; no '/', '\\', not ".", "..", "mimetype"
	MediaType string // e.g. "application/pdf"; must be type/subtype
	Data      []byte // must not be empty
}

// Profile is the XAdES baseline profile of a signature.
type Profile uint8

// The profiles. B: the signature alone. T: with a signature time-stamp (RFC 3161). LT: T with the
// certificate values and an OCSP response, so the signature can be validated later without
// network access (the profile the Estonian reference tools expect). LTA: LT with an archive
// time-stamp (xades141:ArchiveTimeStamp, ETSI EN 319 132-1 § 5.5.2) over the signature and its
// validation data, so that they can be shown intact after the algorithms and certificates
// they rely on have aged.
const (
	ProfileB Profile = iota + 1
	ProfileT
	ProfileLT
	ProfileLTA
)

// Seal is who seals and how: the key (never leaves the host's signer), the certificate chain (the
// seal's certificate first, then its issuers) and the signing time.
type Seal struct {
	Key   crypto.Signer       // RSA ≥ 2048 bits, or ECDSA P-256 / P-384
	Chain []*x509.Certificate // Chain[0] is the seal's certificate; it must have nonRepudiation
	Time  time.Time           // SigningTime (UTC, whole seconds are written)
}

// TimeStamper obtains an RFC 3161 time-stamp token for a digest. Hosts implement it over their
// time-stamping service (the Estonian one is SK's); tests use asicetest's in-process server.
type TimeStamper interface {
	// TimeStamp returns the DER TimeStampToken (a CMS ContentInfo) whose messageImprint is digest,
	// computed with h.
	TimeStamp(ctx context.Context, digest []byte, h crypto.Hash) ([]byte, error)
}

// OCSPClient obtains an OCSP response for a certificate. Hosts implement it over their issuer's
// responder; tests use asicetest's in-process responder.
type OCSPClient interface {
	// OCSP returns the DER OCSPResponse for cert, issued by issuer.
	OCSP(ctx context.Context, cert, issuer *x509.Certificate) ([]byte, error)
}
