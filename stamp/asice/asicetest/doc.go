// Package asicetest provides a test PKI with a real RFC 3161 time-stamping server and a real OCSP
// responder, running in process on 127.0.0.1, for tests of XAdES T and LT seals.
//
// # The PKI
//
// [NewPKI] (or [New], outside tests) makes a root CA "TEST kutse root CA" and, issued by it:
//   - the e-seal certificate of "Sihtasutus Kutsekoda (TEST seal)", organizationIdentifier
//     NTREE-90006414, C=EE, keyUsage digitalSignature and nonRepudiation (critical), with an ECDSA
//     P-256 key by default ([Options].SealKey picks P-384 or RSA 2048 instead), and the OCSP URL in
//     its authorityInfoAccess. [KeyRSA2048NegativeModulus] makes it an RSA certificate encoded as
//     the ESTEID-2011-era ID cards' were, its modulus a negative INTEGER ([NegativeModulus]), for
//     tests of verifiers that must still read them;
//   - the time-stamping unit's certificate (extKeyUsage timeStamping, critical);
//   - the OCSP responder's certificate (extKeyUsage OCSPSigning, with id-pkix-ocsp-nocheck).
//
// Every subject says TEST. Every certificate is valid from 2020-01-01T00:00:00Z to
// 2049-12-31T23:59:59Z, so the real time and any test clock in between fall inside. Serial numbers
// are random, so two PKIs in one test never share an issuer and serial although their names are
// equal.
//
// # The servers
//
// The time-stamping server (POST application/timestamp-query at [PKI].TSAURL) answers with a
// TimeStampResp whose token is signed by the TSA key; [TSAClient] implements the TimeStamper
// interface of package asice. The OCSP responder (POST application/ocsp-request at [PKI].OCSPURL)
// answers good for the certificates the PKI issued, revoked for those passed to [PKI.Revoke] from the
// revocation time on, and unknown for other serial numbers of the CA (unauthorized for another CA's
// certificates); [OCSPHTTPClient] implements asice's OCSPClient. The time-stamps' genTime and the
// OCSP responses' producedAt and thisUpdate come from [Options].Now, for example a [Clock]; both are
// encoded in whole seconds. Only the CMS signingTime attribute inside a token, which
// github.com/digitorus/pkcs7 adds, is the real time: the time of a time-stamp is its genTime.
//
// A malformed request gets a protocol error (TimeStampResp status rejection with badDataFormat, or
// OCSPResponse malformedRequest), a request body over 64 KiB gets HTTP 413.
//
// # Using it in seal tests
//
//	p := asicetest.NewPKI(t, &asicetest.Options{Now: clock.Now})
//	seal := asice.Seal{Key: p.SealKey, Chain: p.Chain(), Time: clock.Now()}
//	// sealing with p.TimeStamper() and p.OCSPClient(); verifying with p.Roots()
//
// For an LT signature the CertificateValues hold p.CA (the seal's issuer), p.TSA (the token carries
// it too) and p.OCSPResponder (the OCSP response carries it too). Validators want the OCSP response
// produced after the time-stamp: advance the clock between the two requests.
package asicetest
