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
// # Batches
//
// [Service.StampBatch] stamps a list of certificates — a qualification committee's protocol, say —
// in parallel on GOMAXPROCS workers, each taking the next certificate in order: every item is read
// and checked first, in order; then the stamps are rendered and sealed in parallel; then they are
// recorded together, each as the owner's "Digitempel" request with its event, in one commit
// (Store.CreateRequests). The results are in the order asked. A batch is made whole or not at all:
// the first item that cannot be stamped (refused, unknown, a seal that fails) is reported as a
// [*BatchError] with its index and number, and nothing is recorded. Sealing is CPU-bound and its
// parts are pure, so it scales with the cores until the host's signer or time-stamping service is
// the limit; the signer (crypto.Signer) and the TimeStamper and OCSP clients must be safe for
// concurrent use.
//
// # Choices where the sources are silent
//
//   - The stamp's date is today in Europe/Tallinn; its signing time is the clock's instant.
//   - A failure of the seal itself (signer, time-stamping service, OCSP) records nothing: it is not
//     the owner's refusal, and the owner may try again.
//   - In a batch, a certificate that would be refused records no refused request: the batch is the
//     registrar's job, not the owner's request; the registrar mends the list and runs it again. The
//     stamps of a batch share one date and signing time.
//   - The default profile is LT when the host gives both clients, T with a time-stamper alone, B
//     otherwise; the Estonian reference tools expect LT.
//
// # Performance
//
// Measured on 2026-12-03 on the go-svc machine (AMD EPYC, 2 cores, Go 1.26.8) with -cpu 1 -count 5,
// while other helpers' work was still running (load average 4 falling to 2), the medians with their
// ranges (docs/performance.md has the method and callgrind's instruction counts, which the load does
// not change):
//
//	BenchmarkSeal        1,977 containers/s (1,894–2,066)  7.5 M instructions (was 45.4 M)  621 KB, 1,525 allocs
//	BenchmarkSealVaried  1,786 containers/s (1,503–1,905)  8.4 M instructions             457 KB, 1,533 allocs
//	BenchmarkVerify      2,731 containers/s (2,504–2,784)  6.1 M instructions             130 KB
//	BenchmarkStampBatch  64 varied stamps: 1,429 containers/s at -cpu 1, 2,429 at -cpu 2 (1.7×)
//
// BenchmarkSeal renders the three PDFs of 204580 and seals them (ECDSA P-256, Baseline-B);
// BenchmarkSealVaried gives every container a different holder, title and competences. Before issue
// 14 a quiet core sealed 216–251 containers a second. The targets are 500 (400 varied) per core, at
// most 1 MB allocated per container, and 2,000 verified per core. Under heavier load (9–15) the
// medians were a quarter of these and the runs spread over a factor of ten.
package stamp
