// Package asice implements the e-sealed container of the digital stamp (digitempel, CERT-06;
// SCH-11 for state-exam certificates): an ASiC-E container (ETSI EN 319 162-1) with one XAdES
// signature (ETSI EN 319 132-1) of profile B, T, LT or LTA, made the way the Estonian reference tools
// (libdigidocpp / DigiDoc4, digidoc4j / EU DSS) make and check them. [Create] seals files into a
// container; [Verify] checks any ASiC-E container, ours and theirs, and refuses hostile ones.
//
// # The container Create writes
//
// The ZIP holds, in this order: mimetype (stored, written with CreateRaw so that its CRC and
// sizes are in the local header, with no extra field, no data descriptor and a zero
// modification time), the data files, META-INF/manifest.xml (OpenDocument 1.2 manifest with
// each file's media type) and META-INF/signatures0.xml. A data file whose media type is of a
// compressed format (application/pdf, image/jpeg, image/png, application/zip, …) is stored as it
// is, like mimetype with its CRC and sizes in the local header: deflating a PDF, whose streams are
// compressed already, gains next to nothing and took most of the time of sealing a digital stamp
// (about 3 µs per KB at the fastest level, 15 µs at the default one). The manifest and the
// signatures, a few KB of XML, are stored too: a deflate writer costs about 50 µs an entry however
// small it is. Other data files are deflated at the fastest level (flate.BestSpeed).
//
// The signature:
//   - Ids: S0 (ds:Signature), S0-RefId0 … S0-RefId<n-1> (the data file References, in the order
//     of the files), S0-RefId<n> (the SignedProperties Reference), S0-SignedProperties; for T and
//     LT also S0-SIG (ds:SignatureValue, which the time-stamp covers), S0-T0 (SignatureTimeStamp),
//     S0-CERT<i> (CertificateValues) and S0-OCSP0 (the OCSP response). This is libdigidocpp's
//     scheme.
//   - Canonicalization: exclusive c14n ([C14NExclusive]) for SignedInfo, the SignedProperties
//     Transform and the SignatureTimeStamp, as digidoc4j/DSS write it: its output does not depend
//     on the namespace declarations of ancestors. [Options].Canonicalization selects c14n 1.1
//     ([C14N11], libdigidocpp's choice) instead. The namespaces are declared on the root
//     (asic, ds, xades) and the document is written once, without indentation.
//   - References: one per data file, with an Id, SHA-256, and a URI that is the file name
//     percent-encoded as libdigidocpp encodes it (every byte outside [A-Za-z0-9-._~/]), so
//     "Tõend ä 1.pdf" is "T%C3%B5end%20%C3%A4%201.pdf"; one to the SignedProperties, with Type
//     http://uri.etsi.org/01903#SignedProperties and the canonicalization as its Transform.
//   - SignedProperties: SigningTime (UTC, whole seconds), SigningCertificateV2 with the SHA-256
//     digest of the seal's certificate and no IssuerSerialV2 (libdigidocpp writes none, and the
//     whole-certificate digest already names the certificate), and one DataObjectFormat per data
//     Reference whose MimeType is the manifest's media type.
//   - SignatureMethod follows the key: rsa-sha256 (PKCS #1 v1.5) for RSA of 2048 bits or more,
//     ecdsa-sha256 for P-256, ecdsa-sha384 for P-384. The ECDSA signature a crypto.Signer returns
//     in ASN.1 DER is converted to XML-DSig's r||s, each half left-padded to the curve size.
//   - KeyInfo holds the whole chain, the seal's certificate first.
//   - T adds a SignatureTimeStamp over the SHA-256 of the canonical ds:SignatureValue element; LT
//     then adds CertificateValues (the seal's issuers, the time-stamping unit's certificates and
//     the OCSP responder's) and the OCSP response for the seal's certificate, fetched after the
//     time-stamp. Create checks both answers (imprint, certificate, status "good", produced no
//     earlier than the time-stamp) and fails with [ErrService] otherwise. LTA then adds a
//     xades141:ArchiveTimeStamp (Id S0-A0, the xades141 namespace declared on the element so
//     that nothing signed before changes) over what ETSI EN 319 132-1 § 5.5.2.2 lists (see
//     "LTA" below), from the same time-stamping service.
//
// Create is deterministic for deterministic signers: with an RSA key the same files, seal and
// options give the same bytes. ECDSA signatures are randomized (crypto/ecdsa draws a fresh
// nonce), so ECDSA containers differ in their SignatureValue.
//
// # What Verify checks
//
// Verify is meant to be at least as strict as the Estonian stack (libdigidocpp, digidoc4j and EU
// DSS behind it): it accepts what they accept, refuses what they refuse, and where one of them
// is lenient in a way that lets a container change unseen, it is strict.
//
// The ZIP. Before archive/zip reads the central directory, Verify reads the end record and walks
// the directory itself, so that a container with too many entries or oversized headers costs
// nothing. (ErrHostile, ErrFormat and Create's ErrInput wrap invalid.ErrInvalid, the bad-input error
// every package of the SDK shares: a host answers a bad container as any bad input.) It then refuses, with a [*ContainerError] wrapping [ErrHostile], names with "..",
// absolute paths, drive letters, backslashes or control characters, duplicate names (also when
// only the case differs) and anything beyond the limits of [VerifyOptions]; with [ErrFormat], a
// mimetype entry that is missing, not first, compressed, has an extra field or a data
// descriptor, or has other content, a missing or malformed manifest, a ZIP entry the manifest
// does not list or a manifest entry the ZIP lacks, encryption, compression methods other than
// stored and deflated, corrupt entries (checksum, or a size that differs from the header) and
// XML that is not plain UTF-8 XML (a DOCTYPE, another encoding, processing instructions, text
// outside the root, duplicate attributes). Strictness beyond archive/zip:
//   - every local header must agree with its central directory entry, as Python's zipfile (the
//     name) and minizip, which libdigidocpp reads with (method, CRC, sizes), ask: same signature
//     place, flags, method and name; without a data descriptor the same CRC and sizes; with one,
//     zero (or the same) CRC and sizes in the local header and the directory's values in the
//     descriptor; no stored entry with a descriptor (Java's ZipInputStream, which digidoc4j uses,
//     cannot read one);
//   - the entries follow each other without a gap from offset 0 to the central directory, the
//     directory ends at the end record, and the end record's comment ends the file: no byte of
//     the container is outside some header, entry or comment;
//   - a deflated entry's stream must end exactly at its compressed size (archive/zip and zipfile
//     stop at the end of the stream and ignore what follows);
//   - a directory entry on another disk is refused.
//
// Entries are read through io.LimitReader at their declared size; data files are streamed
// through their digests, never held in memory. The default limits ([VerifyOptions], zero means
// default): MaxContainerSize 64 MiB, MaxEntries 1000, MaxEntrySize 64 MiB, MaxTotalSize 256 MiB
// (uncompressed), MaxRatio 100 (for entries over 1 MiB), MaxXMLSize 4 MiB (manifest and
// signatures together), MaxSignatures 100. Each central directory entry's name, extra field and
// comment are limited to 1024 bytes.
//
// The schemas. The manifest, the asic:XAdESSignatures root and each ds:Signature are checked
// against the elements, attributes, order, number and value syntax (base64Binary, dateTime,
// integer, boolean, ID) the schemas libdigidocpp validates with allow (shared/testdata/asice/schema:
// ASiC, XML-DSig, XAdES 1.3.2 in ETSI's strict original, XAdES 1.4.1, OpenDocument 1.2 manifest):
// a stray attribute on ds:Signature, a qualified attribute that shadows an unqualified one, text
// where only elements belong (in the manifest, say), an unknown element, a manifest:version other
// than 1.2 or elements out of order are refused. Go has no well-kept XML Schema validator (the
// ones there are cgo bindings to libxml2), so the content models are allow-lists transcribed from
// the XSDs by hand (schema.go) and matched by a small matcher; wildcards follow the XSDs' lax and
// strict processing. Stricter than the manifest schema: a file-entry may not hold encryption-data
// (an ASiC-E container has no encrypted entries). A manifest or root that breaks the schema is
// refused with ErrFormat; a ds:Signature that does is TOTAL-FAILED, FORMAT_FAILURE.
//
// Per signature it reports the files covered, the signer, signing time, time-stamp time and TSA,
// the profile (B, T, LT, LTA), the verdict and every problem. The signer is the first KeyInfo
// certificate, and SigningCertificate or SigningCertificateV2 must name it by digest: a
// SignatureValue made with another key, as in libdigidocpp's key-substitution sample
// forged_lt.asice, is invalid. SignedInfo and SignedProperties are canonicalized in the final
// document tree with the algorithm the signature names: exclusive c14n, c14n 1.1 or inclusive
// c14n 1.0 (with or without comments; inclusive 1.0 for a SignedProperties Reference without a
// Transform). RSA PKCS #1 v1.5 and ECDSA r||s (SHA-256/384/512) verify; SHA-1 and SHA-224 are
// problems, as in libdigidocpp, and so are the elements libdigidocpp refuses.
//
// Certificates. A certificate crypto/x509 refuses is a problem (FORMAT_FAILURE), wherever it is
// (KeyInfo, CertificateValues), with one exception: an RSA modulus encoded as a negative INTEGER,
// as the ESTEID-2011-era ID cards and their CA had it ("x509: RSA modulus is not a positive
// number"). Such a certificate is re-encoded with the missing zero byte (golang.org/x/crypto/
// cryptobyte), parsed by crypto/x509 with all its other checks, given back its original bytes
// (so its digest, Equal and its issuer's signature are those of the container's bytes), and
// reported in [SignatureReport].NonConforming and Warnings; its signature verifies with the
// unsigned modulus, and it can be trusted. No other defect is tolerated.
//
// Time-stamps. Tokens are parsed strictly: the token and its TSTInfo are each one DER value with
// definite, shortest lengths and nothing after it (BER, a long length where a short one fits, or
// a trailing byte is FORMAT_FAILURE, as openssl has it), the ContentInfo is id-signedData, the
// encapsulated content type and the signed content-type attribute are id-ct-TSTInfo, there is
// one SignerInfo, and its signed ESS signingCertificate(V2) attribute names the certificate that
// signed it (a time-stamping unit's certificate changed inside the token is caught so). The CMS
// signature must verify, the unit's certificate must allow time-stamping (extKeyUsage), and the
// message imprint must be the digest of the canonical ds:SignatureValue.
//
// LT validation data. The signature is LT only when its validation data verify (a level is
// claimed only when its data do; the profile is the highest such level):
//   - every CertificateValues entry is an X.509 certificate that parses, and each is in a chain,
//     built from the signature's certificates, of the signer, the time-stamping unit or the OCSP
//     responder; the signer's issuer is among them (unless the signer is self-signed);
//   - the OCSP response is strict DER (the response and the BasicOCSPResponse inside), is for the
//     signing certificate (its serial number and its issuer's name and key hashes in the CertID),
//     is signed by the issuer, by a responder the issuer delegated (issued by it, extKeyUsage
//     OCSPSigning), or by a responder with OCSPSigning that only Roots can vouch for (SK's
//     responders are certified by the root, not the issuing CA); a responder that names the
//     issuer but whose signature by it fails is a problem;
//   - it says good (revoked before the time-stamp is REVOKED; revoked after it a warning), and it
//     is fresh against the time-stamp's genTime: producedAt no earlier than genTime (to the
//     second) and at most [OCSPMaxDelay] (24 h) after it (a warning after [OCSPWarnDelay],
//     15 min, as libdigidocpp), thisUpdate not after producedAt and not more than [OCSPMaxAge]
//     (15 min) before genTime, nextUpdate (if any) not before genTime.
//
// LTA. Each xades141:ArchiveTimeStamp is a token checked as above whose imprint must be the
// digest of what ETSI EN 319 132-1 § 5.5.2.2 says it covers (lta.go: the References' data, then
// SignedInfo, SignatureValue, KeyInfo, the unsigned signature properties before it and other
// ds:Objects, each canonicalized with its CanonicalizationMethod), and whose genTime is not
// before the signature time-stamp's (TIMESTAMP_ORDER_FAILURE). Include/ReferenceInfo (the
// distributed case) and XMLTimeStamp are not supported (FORMAT_FAILURE). The archive time-stamp
// computation follows the standard and checks against Create's; no independent LTA validator
// is available here (xmlsec1 and verify-asice.sh only note the element).
//
// Trust ([SignatureReport].Trusted) is decided only against [VerifyOptions].Roots, with chains
// built from the signature's own certificates: the signing certificate at the time-stamp's time
// (or VerifyOptions.Now), every time-stamping unit at its genTime (extKeyUsage timeStamping), the
// OCSP responder. The time-stamping units' revocation is not checked (as libdigidocpp; they are
// trusted through Roots).
//
// # Verdicts (ETSI EN 319 102-1)
//
// Each signature gets an [Indication] and a [SubIndication]: the first TOTAL-FAILED reason found,
// else the first problem's, else the first trust problem's; TOTAL-PASSED when there is none.
// Valid means there is no problem (only trust may be missing); Trusted means TOTAL-PASSED.
//
//	TOTAL-FAILED  FORMAT_FAILURE        schema, structure, base64, unsupported algorithm or transform,
//	                                    malformed or non-DER certificate, time-stamp token or OCSP response,
//	                                    certificate values outside the chains used
//	TOTAL-FAILED  HASH_FAILURE          a data file, the SignedProperties, or what a time-stamp covers
//	TOTAL-FAILED  SIG_CRYPTO_FAILURE    SignatureValue, or a time-stamp token's CMS signature
//	TOTAL-FAILED  REVOKED               the OCSP response says revoked before the time-stamp
//	TOTAL-FAILED  EXPIRED, NOT_YET_VALID the time-stamp is after (before) the signer's validity
//	INDETERMINATE SIG_CONSTRAINTS_FAILURE DataObjectFormat missing or unlike the manifest, a file
//	                                    not covered, elements libdigidocpp refuses
//	INDETERMINATE CHAIN_CONSTRAINTS_FAILURE no nonRepudiation (signer), no timeStamping (TSA)
//	INDETERMINATE CRYPTO_CONSTRAINTS_FAILURE_NO_POE SHA-1, SHA-224, RSA under 2048 bits
//	INDETERMINATE NO_SIGNING_CERTIFICATE_FOUND no KeyInfo certificate, SigningCertificate(V2) or
//	                                    IssuerSerial not naming it, a token's ESS attribute not naming its signer
//	INDETERMINATE NO_CERTIFICATE_CHAIN_FOUND no Roots given; a chain that does not reach Roots; the
//	                                    LT certificate values lacking the signer's issuer
//	INDETERMINATE OUT_OF_BOUNDS_NO_POE  a signature without a time-stamp checked outside the signer's validity
//	INDETERMINATE TRY_LATER             no usable revocation data: B or T by a CA-issued certificate
//	                                    (Verify fetches none), an OCSP response not for the signer,
//	                                    not from an authorized responder, not fresh, or status unknown
//	INDETERMINATE TIMESTAMP_ORDER_FAILURE an archive time-stamp older than what it protects
//	INDETERMINATE SIGNED_DATA_NOT_FOUND a Reference to a file the container lacks
//
// A B or T signature whose certificate is itself one of the Roots (a self-signed seal) needs no
// revocation data and can be TOTAL-PASSED; one issued by a CA is INDETERMINATE, TRY_LATER, as
// in the DigiDoc validators. examples/verify exits 0 only for a valid container that is, when
// roots are given, also trusted.
//
// # What no signature covers
//
// XML-DSig signs canonical XML, not bytes, and no signature covers the ZIP structure. These can
// change without Verify noticing, because nothing a reader of the container sees changes
// (TestVerify_tamperEveryZIPByte flips every byte of a container and finds accepted changes
// only here):
//   - in the local headers: version needed to extract, modification time and date, the extra
//     field's content (mimetype must have none);
//   - in the central directory: version made by, version needed, modification time and date,
//     the extra field's content, the file comment, internal and external attributes;
//   - the end record's comment (not its length);
//   - the deflate encoding of an entry that inflates to the same bytes (padding bits after a
//     stored block's header or after the end of the stream);
//   - in the signatures XML: white space between the attributes of a tag, the case of "UTF-8" in
//     the XML declaration, and what the time-stamps and the OCSP response cover only through
//     their own checks (the unsigned properties: the token, certificate values, OCSP response
//     and their Id attributes are checked as above, but are not signed; an LTA signature's
//     archive time-stamp covers them).
//
// # Libraries
//
// XML is built and parsed with github.com/beevik/etree and canonicalized with the
// canonicalizers of github.com/russellhaering/goxmldsig, each applied to a detached copy
// (etreeutils.NSDetatch) that carries the namespaces in scope, because the exclusive
// canonicalizer transforms its input in place. goxmldsig's own signing and validation are not
// used: they handle one enveloped Reference, no detached References to ZIP entries nor
// SignedProperties, and they use ASN.1 DER for ECDSA where XML-DSig uses r||s. Time-stamp tokens
// are checked for DER and parsed (TSTInfo, signed attributes) with golang.org/x/crypto/cryptobyte,
// their CMS signature verified with github.com/digitorus/pkcs7 (Create reads its TSA's answers
// with github.com/digitorus/timestamp); OCSP responses are checked for DER and their CertID read
// with cryptobyte, and parsed and verified with golang.org/x/crypto/ocsp; archive/zip does the
// ZIP, with compress/flate for deflated entries. No Go ASiC-E module was usable (see
// shared/research/asice.md § 6), and no Go XML Schema validator is well kept (see above).
//
// # Performance
//
// Measured with go test -bench . -count 3, twice, on the go-svc machine (AMD EPYC, 2 cores,
// Go 1.26.8 linux/amd64, other work running beside it), for a digital stamp of three
// incompressible 40 KB files sealed with ECDSA P-256, profile B; the ranges cover the six runs:
//
//	BenchmarkCreate/all   0.56–0.74 ms/op, 1,003 allocs, 230–248 KB (1,350–1,790 containers/s from one goroutine)
//	BenchmarkCreate/hash  69–70 µs/op   (SHA-256 of the files)
//	BenchmarkCreate/sign  137–154 µs/op (XML, two canonicalizations, ECDSA signature)
//	BenchmarkCreate/zip   0.39–0.50 ms/op (deflate at the fastest level; stored since issue 14:
//	                      26–32 µs/op, measured 2026-12-03 with other work running)
//	BenchmarkVerify       0.44–0.52 ms/op, 1,682 allocs, 133–136 KB (1,920–2,250 containers/s)
//
// Verify, with the checks of issue 13 (schema, local headers, strict DER, LT and LTA validation
// data), measured with go test -bench Verify -benchmem -cpu 1 -count 6 on the same machine
// while other helpers' builds kept its load average between 6 and 15 on its 2 cores (wall times
// up to three times the quiet ones), the same container as BenchmarkCreate's:
//
//	BenchmarkVerify       0.51–0.60 ms/op (median 0.54: 1,850 containers/s under that load), 1,397 allocs, 129 KB
//	BenchmarkVerifyLT/LT  3.4–5.8 ms/op at load 12 (with Roots: OCSP, three chains), 2,950 allocs, 254 KB
//	BenchmarkVerifyLT/LTA 3.0–4.8 ms/op at load 12, 4,743 allocs, 531 KB
//
// Run alternately with the code before issue 13, in the same minutes, BenchmarkVerify took
// 0.42–0.61 ms/op (median 0.50) against 0.44–0.62 (median 0.54). Counted with valgrind
// --tool=callgrind, which load does not disturb, one Verify of that container takes 7.29 million
// instructions against 7.24 million before (+0.7%; valgrind's SHA-256 is the AVX2 code, not
// SHA-NI): the new checks cost about what the allocations saved (1,397 against 1,682). From the
// quiet-machine figure of docs/performance.md (418 µs before), Verify stays at about 2,350
// containers per second per core, above the 2,000 that issue 14 asks.
//
// So sealing takes at most about a seventh of the 5 ms that 200 sealed containers per second per
// core allow, rendering included. T, LT and LTA add the round trips to the services.
//
// # Limits
//
// Verify does not check BDOC time-marks (a warning), and does not implement RSA-PSS, CRL
// revocation values, distributed archive time-stamps or XMLTimeStamp. Inclusive canonicalization
// does not carry xml:lang or xml:space inherited from ancestors (no ASiC-E writer puts them
// there). Verify fetches nothing: a signature without revocation data stays INDETERMINATE.
package asice
