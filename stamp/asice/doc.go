// Package asice implements the e-sealed container of the digital stamp (digitempel, CERT-06;
// SCH-11 for state-exam certificates): an ASiC-E container (ETSI EN 319 162-1) with one XAdES
// signature (ETSI EN 319 132-1) of profile B, T or LT, made the way the Estonian reference tools
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
//     earlier than the time-stamp) and fails with [ErrService] otherwise.
//
// Create is deterministic for deterministic signers: with an RSA key the same files, seal and
// options give the same bytes. ECDSA signatures are randomized (crypto/ecdsa draws a fresh
// nonce), so ECDSA containers differ in their SignatureValue.
//
// # What Verify checks
//
// Before archive/zip reads the central directory, Verify reads the end record and walks the
// directory itself, so that a container with too many entries or oversized headers costs
// nothing. It then refuses, with a [*ContainerError] wrapping [ErrHostile], names with "..",
// absolute paths, drive letters, backslashes or control characters, duplicate names (also when
// only the case differs) and anything beyond the limits of [VerifyOptions]; with [ErrFormat], a
// mimetype entry that is missing, not first, compressed, has an extra field or a data
// descriptor, or has other content, a missing or malformed manifest, a ZIP entry the manifest
// does not list or a manifest entry the ZIP lacks, encryption, compression methods other than
// stored and deflated, corrupt entries (checksum, or a size that differs from the header) and
// XML that is not plain UTF-8 XML (a DOCTYPE, another encoding, processing instructions, text
// outside the root, duplicate attributes). Entries are read through io.LimitReader at their
// declared size; data files are streamed through their digests, never held in memory.
//
// The default limits ([VerifyOptions], zero means default): MaxContainerSize 64 MiB, MaxEntries
// 1000, MaxEntrySize 64 MiB, MaxTotalSize 256 MiB (uncompressed), MaxRatio 100 (for entries
// over 1 MiB), MaxXMLSize 4 MiB (manifest and signatures together), MaxSignatures 100. Each
// central directory entry's name, extra field and comment are limited to 1024 bytes.
//
// Per signature it reports the files covered, the signer, signing time, time-stamp time and TSA,
// the profile (B, T, LT, LTA) and every problem. The signer is the first KeyInfo certificate,
// and SigningCertificate or SigningCertificateV2 must name it by digest: a SignatureValue made
// with another key, as in libdigidocpp's key-substitution sample forged_lt.asice, is invalid.
// SignedInfo and SignedProperties are canonicalized in the final document tree with the
// algorithm the signature names: exclusive c14n, c14n 1.1 or inclusive c14n 1.0 (with or without
// comments; inclusive 1.0 for a SignedProperties Reference without a Transform). RSA PKCS #1 v1.5
// and ECDSA r||s (SHA-256/384/512) verify; SHA-1 and SHA-224 are problems, as in libdigidocpp,
// and so are the elements libdigidocpp refuses. A certificate crypto/x509 cannot parse is a
// problem (for the signer) or a warning (for the others), its subject and serial read from the
// raw DER where possible. Time-stamp tokens are checked for their CMS signature and their
// imprint; OCSP responses for their signature, status and time. Trust ([SignatureReport].Trusted)
// is decided only against [VerifyOptions].Roots.
//
// # Libraries
//
// XML is built and parsed with github.com/beevik/etree and canonicalized with the
// canonicalizers of github.com/russellhaering/goxmldsig, each applied to a detached copy
// (etreeutils.NSDetatch) that carries the namespaces in scope, because the exclusive
// canonicalizer transforms its input in place. goxmldsig's own signing and validation are not
// used: they handle one enveloped Reference, no detached References to ZIP entries nor
// SignedProperties, and they use ASN.1 DER for ECDSA where XML-DSig uses r||s. Time-stamp tokens
// are parsed with github.com/digitorus/timestamp and github.com/digitorus/pkcs7, OCSP responses
// with golang.org/x/crypto/ocsp; archive/zip does the ZIP. No Go ASiC-E module was usable (see
// shared/research/asice.md § 6).
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
// So sealing takes at most about a seventh of the 5 ms that 200 sealed containers per second per
// core allow, rendering included, and Verify stays above 1,000 containers per second. T and LT add the round trips to the services.
//
// # Limits
//
// Verify does not check archive time-stamps (LTA; reported as a warning) nor BDOC time-marks,
// and does not implement RSA-PSS. Inclusive canonicalization does not carry xml:lang or
// xml:space inherited from ancestors (no ASiC-E writer puts them there). B and T signatures are
// trusted without a revocation check. XML-DSig signs canonical XML, not bytes: white space
// between the attributes of a tag, and the unsigned properties of T and LT signatures (the
// time-stamp token, certificate values, OCSP response and their Ids), can change without the
// signature becoming invalid; the time-stamp and OCSP checks and Trusted cover the latter.
package asice
