// Package pdf renders the documents a person receives from the occupational qualifications register
// (kutseregister): the three files of a certificate's digital stamp (digitempel, CERT-06) and the
// reprint of its register entry (CERT-05), each an A4 PDF with the certificate's data, the time it
// was generated, the address where the certificate's validity is checked and a QR code of it.
//
// # Documents
//
//   - [Tunnistus] (Tunnistus.pdf): the register entry in Estonian, as the register prints it (seed
//     000, "Kutsetunnistus 204580"). It is also the reprint of CERT-05.
//   - [Certificate] (Certificate.pdf): the same in English (GEN-05), for use abroad.
//   - [Deklaratsioon] (Deklaratsioon.pdf): the register keeper's declaration, in Estonian and then
//     in English, that the certificate is authentic and valid on the stamp's date.
//
// The functions are pure: they take the certificate, the instant the PDF is generated and the
// verification URL, never read the clock, and are safe for concurrent use. [TunnistusName],
// [CertificateName] and [DeklaratsioonName] are the files' names in the stamp's container, and
// [MediaType] their media type; the container and its e-seal are package asice's.
//
// # Layout
//
// A4 portrait with 20 mm margins. The heading ("Kutsetunnistus 204580", "Occupational qualification
// certificate 204580", "Deklaratsioon") is set in 17 pt over a thin rule; below it each row has its
// label in grey in a left column 58 mm wide and its value in black in the right one, 10.5 pt; the
// selected competences are a bulleted list with a hanging indent. Text is wrapped to its column by
// width as measured in the font (gopdf MeasureTextWidth): at spaces, and a word longer than the whole
// column (a URL, say) after one of / ? & = # - . _ ~ or, failing that, anywhere. A row or list item
// of up to eight lines is never split over two pages. When the content does not fit on a page it
// continues on the next, which repeats the heading followed by "(järg)" / "(continued)", and every
// page of such a document is numbered ("Lehekülg 2/4", "Page 2 of 4"). The verification block —
// "PDF genereeritud 24.03.2025 14:38", "Kontrolli tunnistuse kehtivust:", the URL as a link — sits
// on the left with the QR code beside it on the right, and is kept whole on one page.
//
// The declaration has one QR code per language block: each half is complete on its own (a reader
// abroad may be shown only the English one) and CERT-06 speaks of "QR codes". Both encode the same
// URL.
//
// # Font
//
// One font, Go Regular (golang.org/x/image/font/gofont/goregular, BSD licence), compiled into the
// binary: it has every Estonian letter (õ ä ö ü š ž Õ Ä Ö Ü Š Ž), all of Latin-1 and Latin
// Extended-A, and basic Greek and Cyrillic. gopdf embeds in each PDF a subset with only the glyphs
// it uses (a CID TrueType font, Identity-H, with a ToUnicode map, so text can be searched and
// copied). The font is parsed once per process (a sync.Once, about 4 ms) and shared read-only by
// every document. Hierarchy comes from size and grey, not weight: a bold face would be a second
// embedded subset, and gopdf compresses each one with a fresh zlib writer, which costs about a
// third of a document's time.
//
// Text is normalised to NFC, so a name typed with combining marks ("O" + U+0303) is shown and
// extracted as "Õ"; runs of white space and control characters become one space. A character the
// font has no glyph for (中, an emoji) is refused with a *[FieldError] naming the field: a document
// must not show a person's name with a letter missing or replaced.
//
// # QR codes
//
// rsc.io/qr at error-correction level M (15 % of the codewords may be damaged: a stamped or folded
// printout still reads, and the code stays small), drawn as filled vector rectangles — each run of
// dark modules extended down over the rows that repeat it — not as an image, with a quiet zone of
// four modules. The code takes 36 mm with its quiet zone, and more for a URL so long that its modules
// would otherwise be smaller than 1.5 pt (0.53 mm): 51 mm for one of [MaxURLLen] bytes. The URL must be an
// absolute http or https URL with a host, printable ASCII (percent-encode the rest), at most
// [MaxURLLen] bytes; the URL under the text and the QR code are also links.
//
// # Determinism
//
// The same certificate, generation time and URL give the same bytes, which the golden-file tests
// check. The PDF's creation date is the generation time in Europe/Tallinn; gopdf writes a file
// identifier (/ID) only for encrypted documents, which these are not, and uses no randomness; the
// font subset's tag is fixed ("KUTSEK+GoRegular"); objects are written in the order they were made.
// Compression is compress/flate's, which is deterministic for a given Go release: a release that
// changes its output needs the golden files regenerated (go test -update) and looked at.
//
// A one-page document's page content is stored uncompressed (10–30 KB): compressing it would cost
// gopdf another zlib writer, about a quarter of the time the document takes. A longer document's is
// compressed, so that one with 40 competences of 150 characters stays near 20 KB. Every document is
// under 60 KB, as the tests check.
//
// # Choices where the sources are silent
//
//   - Rows with no value (a specialisation, competences, an exam language) are left out; a holder
//     without a personal code has the row Sünniaeg / Date of birth instead (GEN-01).
//   - Dates in the register entry are the register's DD.MM.YYYY, in both languages (seed 000); the
//     declaration's sentence writes the stamp's date out, "24. märtsil 2025" (GEN-02) and "24 March
//     2025".
//   - A reprint of a certificate that is not valid on the day it is generated adds a row Staatus /
//     Status ("kehtivus lõppenud", "declared invalid", …: CERT-02), so a reprint never passes for a
//     valid certificate. A declaration is refused for a certificate not valid on the stamp's date:
//     the error wraps [ErrNotValid].
//   - The register keeps titles, standards and issuers in Estonian only; the English document shows
//     them as registered, and translates an exam language written "<language> keel" ("eesti keel" is
//     "Estonian").
//   - The declaration speaks for the register's keeper, [Keeper] (registry code [KeeperCode]), whose
//     e-seal the stamp carries (CERT-06).
//   - A certificate of zero Kind is taken to be an occupational one (kutsetunnistus).
//   - These are the holder's own documents, so they carry the personal code as the register entry
//     does (seed 000); the public view, which never shows it, is package certificate's (CERT-12).
//
// # Errors
//
// Bad input gives a *[FieldError] wrapping [ErrInvalid] (which is invalid.ErrInvalid, the bad-input
// error every package of the SDK shares) for the first field that is wrong: a missing
// number or holder's name, text that is not UTF-8, too long ([MaxTextLen], [MaxCompetences]) or has
// a character the font lacks, an impossible date, a zero generation time, a verification URL that is
// missing, not http(s), or longer than [MaxURLLen]. Nothing panics on any input (FuzzTunnistus).
//
// # Performance
//
// Measured with go test -bench . -cpu 1 -count 5 -benchtime 2s (one core, as the seal's target is
// counted) on an AMD EPYC with 2 cores, Go 1.26.8, linux/amd64; the machine was shared with other
// test runs, so each figure is the median with the best run in brackets:
//
//	BenchmarkTunnistus          1.00 ms/op (0.95)   1.21 MB/op   3915 allocs/op   24.5 KB
//	BenchmarkCertificate        1.05 ms/op (0.97)   1.22 MB/op   4024 allocs/op   25.2 KB
//	BenchmarkDeklaratsioon      1.63 ms/op (1.54)   1.37 MB/op   7018 allocs/op   38.3 KB
//	BenchmarkStamp_CERT06       4.6 ms/op  (3.7)    3.79 MB/op  14958 allocs/op   all three
//	BenchmarkTunnistusLong      4.1 ms/op  (3.7)    4.80 MB/op   9662 allocs/op   4 pages, 19.9 KB
//
// So the three documents of a stamp take 3.7–4.6 ms of one core: 220–270 stamps a second before
// sealing, short of the under-3 ms that the seal's target of 200 containers a second leaves them.
// The time is gopdf's: by profile about 45 % embedding the font subset (a third of that allocating
// and zeroing the 0.8 MB zlib writer gopdf makes for every font stream, at the default level), 20 %
// writing page content with fmt (the QR codes' rectangles most of it), 10–15 % garbage collection,
// and under 15 % this package's layout. Done to get here: one face instead of two (−30 %), page
// content left uncompressed on one-page documents (−15 to −20 %), the parsed font shared, a fifth
// fewer QR rectangles. Going further needs gopdf to reuse its zlib writers or to take a compression
// level for font streams, or a PDF writer of our own.
package pdf
