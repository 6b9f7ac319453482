package asice

// Indication is the main status of a signature's validation, as ETSI EN 319 102-1 § 5.1.3
// (Table 5) defines it.
type Indication uint8

// The indications. The zero value is not a verdict: a [SignatureReport] always has one of these.
const (
	// TotalPassed: the signature, its certificates and its validation data passed every check,
	// and its chain ends at one of VerifyOptions.Roots.
	TotalPassed Indication = iota + 1
	// TotalFailed: the signature is shown to be invalid (a changed file, a wrong signature
	// value, a malformed structure, a revoked certificate).
	TotalFailed
	// Indeterminate: what the container holds does not show the signature to be valid or
	// invalid (no trust anchor, no usable revocation data, an algorithm no longer trusted).
	Indeterminate
)

// String returns the indication as ETSI writes it: "TOTAL-PASSED", "TOTAL-FAILED",
// "INDETERMINATE".
func (i Indication) String() string {
	switch i {
	case TotalPassed:
		return "TOTAL-PASSED"
	case TotalFailed:
		return "TOTAL-FAILED"
	case Indeterminate:
		return "INDETERMINATE"
	}
	return "NONE"
}

// SubIndication says why a signature is TOTAL-FAILED or INDETERMINATE (ETSI EN 319 102-1
// § 5.1.3, Table 6). Each one belongs to one indication ([SubIndication.Indication]).
type SubIndication string

// The sub-indications Verify reports, with the checks that give them (see the package
// documentation for the whole mapping).
const (
	// FormatFailure (TOTAL-FAILED): the signature is not conformant to XML-DSig, XAdES, ASiC or
	// their schemas, or its time-stamp, OCSP response or certificate values are malformed.
	FormatFailure SubIndication = "FORMAT_FAILURE"
	// HashFailure (TOTAL-FAILED): a data file, the SignedProperties, or what a time-stamp
	// covers does not match its digest.
	HashFailure SubIndication = "HASH_FAILURE"
	// SigCryptoFailure (TOTAL-FAILED): the SignatureValue, or a time-stamp token's signature,
	// does not verify with the public key of its certificate.
	SigCryptoFailure SubIndication = "SIG_CRYPTO_FAILURE"
	// Revoked (TOTAL-FAILED): the signing certificate was revoked before the signature
	// time-stamp.
	Revoked SubIndication = "REVOKED"
	// Expired (TOTAL-FAILED): the signature time-stamp shows the signature was made after the
	// signing certificate expired.
	Expired SubIndication = "EXPIRED"
	// NotYetValid (TOTAL-FAILED): the signature time-stamp shows the signature was made before
	// the signing certificate's validity began.
	NotYetValid SubIndication = "NOT_YET_VALID"

	// SigConstraintsFailure (INDETERMINATE): a signed or unsigned property breaks the
	// constraints of the Estonian validators (a DataObjectFormat that does not match the
	// manifest, an element libdigidocpp refuses, a data file no signature covers).
	SigConstraintsFailure SubIndication = "SIG_CONSTRAINTS_FAILURE"
	// ChainConstraintsFailure (INDETERMINATE): a certificate lacks a key usage its role needs
	// (nonRepudiation for the signer, timeStamping for the TSA, OCSPSigning for a responder).
	ChainConstraintsFailure SubIndication = "CHAIN_CONSTRAINTS_FAILURE"
	// CryptoConstraintsFailureNoPOE (INDETERMINATE): an algorithm or key size no longer
	// trusted (SHA-1, SHA-224, RSA under 2048 bits), with no proof the signature existed
	// before it was deemed weak.
	CryptoConstraintsFailureNoPOE SubIndication = "CRYPTO_CONSTRAINTS_FAILURE_NO_POE"
	// TimestampOrderFailure (INDETERMINATE): an archive time-stamp is older than the signature
	// time-stamp it protects.
	TimestampOrderFailure SubIndication = "TIMESTAMP_ORDER_FAILURE"
	// NoSigningCertificateFound (INDETERMINATE): there is no signing certificate, or
	// SigningCertificate(V2) does not name the first KeyInfo certificate.
	NoSigningCertificateFound SubIndication = "NO_SIGNING_CERTIFICATE_FOUND"
	// NoCertificateChainFound (INDETERMINATE): the signing certificate, the time-stamping unit
	// or the OCSP responder does not chain to VerifyOptions.Roots (or no Roots were given), or
	// an LT signature's certificate values lack the signer's issuer.
	NoCertificateChainFound SubIndication = "NO_CERTIFICATE_CHAIN_FOUND"
	// OutOfBoundsNoPOE (INDETERMINATE): the signing certificate is not valid at the time it is
	// checked (VerifyOptions.Now for a signature without a time-stamp), and nothing proves the
	// signature existed while it was.
	OutOfBoundsNoPOE SubIndication = "OUT_OF_BOUNDS_NO_POE"
	// TryLater (INDETERMINATE): there is no acceptable revocation data for the signing
	// certificate: none (profiles B and T), not for this certificate, not signed by its issuer
	// or an authorized responder, not fresh against the time-stamp, or status unknown.
	TryLater SubIndication = "TRY_LATER"
	// SignedDataNotFound (INDETERMINATE): a Reference names a file the container does not have.
	SignedDataNotFound SubIndication = "SIGNED_DATA_NOT_FOUND"
)

// Indication returns the indication sub belongs to: TOTAL-FAILED for FORMAT_FAILURE,
// HASH_FAILURE, SIG_CRYPTO_FAILURE, REVOKED, EXPIRED and NOT_YET_VALID, INDETERMINATE for the
// others.
func (sub SubIndication) Indication() Indication {
	switch sub {
	case FormatFailure, HashFailure, SigCryptoFailure, Revoked, Expired, NotYetValid:
		return TotalFailed
	case "":
		return TotalPassed
	}
	return Indeterminate
}

// verdict returns the indication and sub-indication of a signature from the sub-indications
// of its problems and of its trust problems, in the order they were found: the first that
// belongs to TOTAL-FAILED, else the first problem, else the first trust problem; TOTAL-PASSED
// when there are none.
func verdict(problems, trust []SubIndication) (Indication, SubIndication) {
	for _, sub := range problems {
		if sub.Indication() == TotalFailed {
			return TotalFailed, sub
		}
	}
	if len(problems) > 0 {
		return Indeterminate, problems[0]
	}
	if len(trust) > 0 {
		return trust[0].Indication(), trust[0]
	}
	return TotalPassed, ""
}
