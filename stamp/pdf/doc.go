// Package pdf renders the documents a person receives from the occupational qualifications register
// (kutseregister): the three files of a certificate's digital stamp (digitempel, CERT-06) and the
// reprint of its register entry (CERT-05), each an A4 PDF with the certificate's data, the time it
// was generated, the address where the certificate's validity is checked and a QR code of it; and,
// through [Document], the documents other packages make in the same layout (the application form,
// a vocational exam's assessment protocol and compensation statement).
//
// # Documents
//
//   - [Tunnistus] (Tunnistus.pdf): the register entry in Estonian, as the register prints it (seed
//     000, "Kutsetunnistus 204580"). It is also the reprint of CERT-05.
//   - [Certificate] (Certificate.pdf): the same in English (GEN-05), for use abroad.
//   - [Deklaratsioon] (Deklaratsioon.pdf): the register keeper's declaration, in Estonian and then
//     in English, that the certificate is authentic and valid on the stamp's date.
//
// [Documents] renders the three of a stamp at once, checking the input and encoding the QR code
// once. The functions are pure: they take the certificate, the instant the PDF is generated and the
// verification URL, never read the clock, and are safe for concurrent use. [TunnistusName],
// [CertificateName] and [DeklaratsioonName] are the files' names in the stamp's container, and
// [MediaType] their media type; the container and its e-seal are package asice's.
//
// # Layout
//
// A4 portrait (595.28 × 841.89 pt) with 20 mm margins. Every document opens with a heading block
// like the register's own documents: the register's name ("KUTSEREGISTER", in English with
// "REGISTER OF OCCUPATIONAL QUALIFICATIONS") on the left and its address on the right in small
// grey type; the title — the certificate's kind and number, "Kutsetunnistus 204580" — in 20 pt;
// the issuer ("Väljastaja: Autonoomse Arenduse Ühing", "Issued by: …") and the time generated with
// its zone ("PDF genereeritud 24.03.2025 14:38 Eesti aeg", "PDF generated … Estonian time"); a
// thin rule. Below it each row has its label in grey in a left column 58 mm wide and its value in
// black in the right one; the selected competences are a bulleted list with a hanging indent.
// Text is wrapped to its column by width as measured in the font's widths: at spaces, and a word
// longer than the whole column (a URL, say) after one of / ? & = # - . _ ~ or, failing that,
// anywhere. A row or list item of up to eight lines is never split over two pages. When the
// content does not fit on a page it continues on the next, which repeats the heading followed by
// "(järg)" / "(continued)", and every page of such a document is numbered ("Lehekülg 2/4", "Page
// 2 of 4").
//
// A register entry's rows are set in 11.5 pt, and its verification block — "Kontrolli tunnistuse
// kehtivust:", the URL as a link, a line naming the register's keeper, and the QR code (45 mm)
// beside them — stands at the foot of the page under a rule, as the register's printout ends, so
// that the page is used from top to bottom rather than leaving its lower half empty
// (TestPageFilled_CERT05); the last rows (the validity) are kept on its page, so it never stands
// alone. The issuer, which the seed lists among the rows, is in the heading block instead, and
// the time generated moved there from above the link. The declaration, which has to hold two
// complete halves on one page, is set in 10.5 pt with QR codes of 32 mm, each half under a section
// title ("Deklaratsioon", "Declaration").
//
// The declaration has one QR code per language block: each half is complete on its own (a reader
// abroad may be shown only the English one) and CERT-06 speaks of "QR codes". Both encode the same
// URL.
//
// # Other packages' documents
//
// [Document] is the same layout and writer for the documents other packages make: the application
// form (avaldus) of package application (APP-06), and the assessment protocol (EXV-04) and the
// compensation statement (EXV-06) of package exam/vocational. [NewDocument] takes a [DocumentInfo]
// — the title, subject and author the metadata records, the language (law.Lang; Bilingual for a
// document in Estonian with the English beside it, as the application form is), the heading repeated
// on pages after the first and the instant generated — and the calls lay the document out from the
// top down:
//
//   - [Document.Heading]: the heading block of the stamp's documents — the register's name and
//     address, the title in 20 pt, lines under it in grey (a subtitle, the issuer, "PDF genereeritud
//     … Eesti aeg"), a rule;
//   - [Document.Section]: a title in 14 pt with space above it, never left alone at a page's foot;
//   - [Document.Row] and [Document.List]: a grey label in the 58 mm column and its value, or a
//     bulleted list, wrapped, as the register entry's rows (empty ones are left out);
//   - [Document.Paragraph] and [Document.Note]: text across the column, in the body's size or small
//     and grey;
//   - [Document.Table]: [Column]s with titles in grey over a rule, fixed widths or equal shares of
//     the rest, cells wrapped to their columns, numbers flush right; a row is kept on one page (one
//     taller than a page goes a line at a time), and the titles are repeated on every page the table
//     continues on.
//
// The body is set as the declaration's (10.5 pt on 14.5 pt lines). A document that runs over a page
// continues under the repeated heading ("… (järg)", "(continued)", "(järg / continued)") on pages
// numbered "Lehekülg 2/3", "Page 2 of 3" or "Lehekülg / Page 2/3". Everything about the stamp's
// documents holds for these too: PDF/A-2b with the same XMP, output intent, file identifier and font
// subsets (the assertions of TestPDFA2b_CERT06 are package internal/pdfatest's, and the tests of
// stamp/pdf, application and exam/vocational run them on every such document, short and long),
// text cleaned and checked the same way, the same bytes for the same calls. Bad text — not UTF-8,
// over [MaxTextLen] characters, a character the font lacks (a form can ask [Covers] when the text is
// entered) — and a table row of more cells than columns, or columns wider than the page, make
// [Document.Bytes] return a *[FieldError] wrapping [ErrInvalid] that names the text (a row's label,
// "Nimi (table row 3)"); the calls after the first error do nothing, and nothing panics.
//
// Choices: one Document API replaced the two the applying and the vocational branches had each
// written on the gopdf writer (NewDocument(Meta) with Title and Small; NewDocument(DocumentInfo)
// with Heading, Note and Table): the vocational one's names, its table and its columns, the heading
// block of the register's documents for both, the page numbers and the continued heading made from
// the language rather than passed as a function, and empty rows left out as the register entry
// leaves them (the application form passes a dash for a field it must show as empty).
//
// # The PDF writer, and why not gopdf
//
// The documents are written by this package's own PDF writer (file.go, font.go, layout.go): it
// knows exactly these documents — text in one embedded font, grey rules, QR codes as paths, link
// annotations — and nothing else. The package used github.com/signintech/gopdf before; it was
// replaced because the two things the digital stamp needs could not be had from gopdf without a
// patched copy, and a patched copy cannot reach an SDK's users (a replace directive in go.mod is
// not applied to a module that imports kutse; forking gopdf's ten thousand lines into the module
// to change a few would be worse than writing the few hundred these documents need):
//
//   - Speed: gopdf rebuilds and compresses the embedded font subset in every document with a new
//     zlib writer at the default level, inside an unexported method; by profile that was 36 % of
//     a stamp's time and 64 % of its memory (3.8 MB a container), and there is no way to reuse a
//     compressor or a subset from outside. Its page content is formatted with fmt, an operator at
//     a time (13,700 allocations a container for the QR codes alone).
//   - PDF/A: gopdf's catalog cannot carry /Metadata or /OutputIntents, and it writes a file
//     identifier only for encrypted documents, which PDF/A forbids; all three are required.
//
// Upstream changes were not possible from here (no access to GitHub). The writer uses
// golang.org/x/image/font/sfnt for the font's character map, compress/zlib and crypto/sha256.
//
// # PDF/A-2b
//
// Every document is meant to conform to PDF/A-2b (ISO 19005-2, level B: the appearance is
// preserved), as documents kept for decades should: PDF 1.7 with a binary header comment; an XMP
// metadata stream (unfiltered, one xpacket) with pdfaid:part 2 and pdfaid:conformance B, dc:title,
// dc:creator, dc:description, xmp:CreateDate, xmp:ModifyDate, xmp:CreatorTool and pdf:Producer the
// same as the Info dictionary's entries; an OutputIntent (GTS_PDFA1, "sRGB IEC61966-2.1") with its
// ICC profile embedded; the font embedded (FontFile2) with widths taken from the font program; a
// document ID in the trailer; no encryption, transparency, JavaScript or actions other than URI;
// links with the Print flag and no border. Grey text and rules use DeviceGray, which an output
// intent allows (ISO 19005-2 § 6.2.4.3).
//
// The ICC profile is sRGB IEC 61966-2.1 as a version 2.1 display profile that this package
// computes (icc.go) from the standard's published parameters — the D50-adapted primaries, the D65
// white point, the tone curve sampled at 1,024 points — so it carries no third party's data and
// no licence but the project's; its copyright tag says public domain (CC0 1.0). It is 2.5 KB and
// Little CMS converts colours through it within 0.01 of L*a*b* of its built-in sRGB
// (TestSRGBProfile, with transicc of liblcms2-utils).
//
// What is proven here and what is not: veraPDF, the reference PDF/A validator, is not in the
// registries this project can install from, so conformance has not been checked by a validator.
// TestPDFA2b_CERT06 checks the structure that qpdf reads (qpdf --json) and the files' bytes
// against the requirements listed above, for all three documents, short and long; qpdf --check
// finds no error in them (TestQPDFCheck_CERT06); poppler renders and extracts them. Not checked:
// the font program's internal validity beyond what poppler and qpdf accept, the XMP against the
// XMP schemas veraPDF knows, and the finer rules of ISO 19005-2 a validator applies. Run veraPDF
// on the golden files (testdata/*.golden.pdf) where it is available before relying on the claim.
//
// # Font
//
// One font, Go Regular (golang.org/x/image/font/gofont/goregular, BSD licence), compiled into the
// binary: it has every Estonian letter (õ ä ö ü š ž Õ Ä Ö Ü Š Ž), all of Latin-1 and Latin
// Extended-A, and basic Greek and Cyrillic. It is embedded as a CID-keyed TrueType font
// (CIDFontType2, Identity-H, CIDs are glyph numbers) with a ToUnicode map, so text can be searched
// and copied. The font is parsed once per process (a sync.Once, a few milliseconds) and shared
// read-only by every document.
//
// The subset embedded is not the exact glyphs of each document but one of 32 glyph sets: the basic
// block (ASCII, Latin-1, Š š Ž ž and the punctuation a register text uses: about 200 glyphs, 21 KB
// compressed) plus each of five more blocks (Latin Extended-A, Latin Extended-B with the combining
// marks, Greek, Cyrillic, the rest) that the document's text touches. Each set's font objects — the
// subset font program, compressed at the best level, its widths and its ToUnicode map — are made
// the first time a document needs them and then copied into every document that does, so nearly
// every document embeds the same bytes and no document compresses a font. A name with a letter of
// another block ("Łukasz", "Фёдор") costs its first document a few milliseconds and the block's
// glyphs in the file (a document using Latin Extended-A, Greek and Cyrillic at once is about 58 KB).
// The subset's name tag (KUTSAA+GoRegular …) differs with the set.
//
// Hierarchy comes from size and grey, not weight: a bold face would be a second embedded font.
//
// Text is normalised to NFC, so a name typed with combining marks ("O" + U+0303) is shown and
// extracted as "Õ"; runs of white space and control characters become one space. A character the
// font has no glyph for (中, an emoji) is refused with a *[FieldError] naming the field: a document
// must not show a person's name with a letter missing or replaced.
//
// # QR codes
//
// rsc.io/qr at error-correction level M (15 % of the codewords may be damaged: a stamped or folded
// printout still reads, and the code stays small), drawn as one filled vector path — not an image —
// in module units under a transformation matrix, each rectangle a run of dark modules extended
// down over the rows that repeat it, with a quiet zone of four modules. The code takes 45 mm with
// its quiet zone on a register entry, 32 mm on the declaration, and more for a URL so long that
// its modules would otherwise be smaller than 1.5 pt (0.53 mm): 51 mm for one of [MaxURLLen]
// bytes. The URL must be an absolute http or https URL with a host, printable ASCII (percent-encode
// the rest), at most [MaxURLLen] bytes; the URL under the text and the QR code are also links.
//
// # Determinism
//
// The same certificate, generation time and URL give the same bytes, which the golden-file tests
// check. The PDF's creation date is the generation time in Europe/Tallinn; the file identifier is
// the first 16 bytes of a SHA-256 of the file's own contents; nothing is random and objects are
// numbered alike in every document. Compression is compress/flate's, which is deterministic for a
// given Go release: a release that changes its output needs the golden files regenerated (go test
// -update) and looked at. Page content is compressed at the fastest level with pooled writers.
// Every document of the sample is 31–33 KB (two thirds of it the font) and none of 40 long
// competences is over 60 KB, as the tests check.
//
// # Choices where the sources are silent
//
//   - The heading block names both issuers a reader looks for: the register (and its address) in
//     the top line, the awarding body that issued the certificate as "Väljastaja"; the register's
//     keeper is named at the foot. Times are Europe/Tallinn's, labelled "Eesti aeg" / "Estonian
//     time" (not EET/EEST, which a reader abroad does not need to decode).
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
// Measured on 2026-12-03 with go test -bench . -benchmem -cpu 1 -count 5 on the go-svc machine (AMD
// EPYC, 2 cores, Go 1.26.8, linux/amd64) while other work was still running (load average 2–4), the
// medians with the fastest of the five in brackets:
//
//	BenchmarkTunnistus        133 µs/op  (78)    94 KB/op   197 allocs/op   31 KB
//	BenchmarkCertificate       98 µs/op  (86)    90 KB/op   196 allocs/op   31 KB
//	BenchmarkDeklaratsioon    161 µs/op (141)    97 KB/op   248 allocs/op   33 KB
//	BenchmarkStamp_CERT06     411 µs/op (369)   281 KB/op   641 allocs/op   all three
//	BenchmarkTunnistusLong    463 µs/op (420)   184 KB/op   392 allocs/op   5 pages, 35 KB
//
// The Documents of other packages, measured the same way later that day at a load average of about
// 1 (other work still on the machine): BenchmarkDocument (one page: heading, rows, a list, two
// sections, two small tables; 30 KB) 59 µs/op (54), 69 KB/op, 223 allocs/op; BenchmarkDocumentLong
// (the same with a table of 150 rows, five pages) 457 µs/op (420), 236 KB/op, 3,291 allocs/op; the
// application form (application.BenchmarkRenderForm) 92 µs/op.
//
// Before this writer (gopdf) the three documents took 3.7–4.6 ms on a quiet core and 3.8 MB. What
// is left is mostly the compression of the page contents (github.com/klauspost/compress's zlib at
// level 1, pooled: a stream's Huffman tables cost most of it, however small the stream), the layout
// and the file's ID hash; the font costs nothing after the first document of each glyph set. See
// docs/performance.md.
package pdf
