// Package stamp implements the digital stamp (digitempel) of an occupational qualification
// certificate and the reprint of its register entry: the documents a person receives, in Estonian
// and English with QR codes, sealed into an ASiC-E container with the register keeper's e-seal.
//
// # What a stamp is (CERT-06, GEN-05)
//
// For a certificate valid on the stamp's date, [Service.Stamp] renders three PDFs (package
// stamp/pdf) — Tunnistus.pdf, the register entry in Estonian; Certificate.pdf, the same in English;
// Deklaratsioon.pdf, a bilingual declaration that the certificate is authentic and valid on that
// date — each with a QR code of the verification link, and seals them into one ASiC-E container with
// a XAdES signature (package stamp/asice): Baseline-B, or B-T and B-LT with the host's time-stamping
// and OCSP clients. The seal key stays behind the host's crypto.Signer.
//
// Every stamp, made or refused, is recorded as the owner's "Digitempel" request with its outcome
// (CERT-10, package certificate/request), with the SHA-256 of the container for audit and an event to the
// owner, in one commit.
//
// # Links and hidden certificates
//
// The link on a public certificate's stamp is BaseURL/cert/<number> (as in seed 000). A hidden
// certificate (CERT-04) gets BaseURL/cert/t/<token>, a random 160-bit token recorded with the stamp:
// the owner can share the stamp without publishing the certificate under its number, and
// [Service.Resolve] answers the link. Package certificate/web serves both kinds of link as the page
// a person reaches from the QR code. A reprint (CERT-05) of a hidden certificate links to the owner's
// own page instead.
//
// # Who may
//
// The certificate's owner, or the registrar. Others are refused with actor.ErrForbidden.
//
// # Choices where the sources are silent
//
//   - The stamp's date is today in Europe/Tallinn; its signing time is the clock's instant.
//   - A failure of the seal itself (signer, time-stamping service, OCSP) records nothing: it is not
//     the owner's refusal, and the owner may try again.
//   - The default profile is LT when the host gives both clients, T with a time-stamper alone, B
//     otherwise; the Estonian reference tools expect LT.
//
// # Performance
//
// BenchmarkSeal (render the three PDFs of 204580 and seal them, ECDSA P-256, Baseline-B) measured
// 4.0–4.6 ms per container with -cpu 1 on the go-svc machine (AMD EPYC, 2 cores, Go 1.26.8):
// 216–251 containers per second on one core, against a target of 200. Rendering takes about 3.2 ms
// of it, sealing 0.5 ms; see docs/performance.md for the split.
package stamp
