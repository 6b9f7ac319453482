// Package opendata reads the occupational qualifications register's open data (OPN-01; seed 001, the
// dataset card "Kutseregistri avaandmed"): six XML feeds refreshed daily — issued qualifications
// (anonymised statistics), occupational standards, competences, awarding bodies, sectoral councils
// and the classifier — into the types of package classifier/register, and writes the
// issued-qualifications feed without any personal data (OPN-02).
//
// # The element names are not known
//
// No sample of the real feeds, and no copy of their structure description (the .ods file on the
// dataset card), is public (testdata/kutseregister/STRUCTURE.md). So the element names are data, not
// code: a [Mapping] names the record element and, for each field, the path of its element below the
// record, and a host changes it (or keeps its own as JSON) to match a real file. The mappings
// [DefaultMapping] returns use the vocabulary of the register's X-Road service (kutseregister-2018-05-09.wsdl:
// kutsetunnistusV2Type, muutunudKutsestandardType, kutsestandardType, kutseAndjaInfoVastus), which
// names the same data; where that schema has no element for a field (a body's registry code and
// contacts, its term, the conditions of a standard, a council's members, the classifier's entries)
// the names are the SDK's guesses in the same style. They are a starting point to check against a
// real feed, not a statement of its format. Elements are matched by local name, whatever their
// namespace.
//
// # Reading
//
// [Read] and its typed forms ([ReadStandards], [ReadAwardingBodies], [ReadIssued], …) return an
// iter.Seq2 that yields one record at a time, in constant memory whatever the size of the feed: the
// reader holds one record's mapped text (at most [MaxRecordText]), the stack of open elements (at
// most [MaxDepth]) and its input buffer. Dates are read in both forms, ISO 8601 "2006-01-02" (a
// time-zone suffix ignored) and the register's "02.01.2006". A record with bad values is yielded as
// an *[Error] naming the feed, the record's number and line and every bad field (wrapping
// invalid.ErrInvalid), and reading goes on; XML that is not well formed ends the iteration with an
// *[Error] wrapping [ErrSyntax]. A feed declared in another encoding (windows-1257, ISO-8859-13) is
// decoded with golang.org/x/text; a byte order mark is skipped.
//
// # Speed, and why there are two tokenizers
//
// The reference tokenizer is encoding/xml's RawToken. It reads a byte at a time and manages 30–40 MB
// per CPU-second here (BenchmarkReadIssuedReference), short of the 100 MB/s that reading a 160 MB feed
// in under two seconds asks for. So the
// reader first uses a small tokenizer of its own for the plain subset of XML data feeds are made of
// (an XML 1.0 declaration in UTF-8, elements without attributes with ASCII names, comments, text with
// the five predefined entities), which finds '<' and checks text with table look-ups, and at the first
// token outside that subset — or one it cannot vouch for, such as a character reference, a CDATA
// section, an attribute, a namespace prefix, a DOCTYPE, or anything that may be an error — hands the
// rest of the input, from that token's first byte, to encoding/xml for good. It never decides what
// encoding/xml would decide otherwise: the fuzz test FuzzReader_OPN01 runs both on every input and
// requires the same records, lines and failures.
//
// Measured with `go test -bench . -cpu 1` on the project's machine (AMD EPYC, 2 cores, Go 1.26.8),
// shared with other work (load 12–18), so the figure is per second of CPU time the process used
// (its garbage collector's included) rather than of the wall clock: reading and decoding a generated
// issued-qualifications feed of 200,000 records (192 MB, in the X-Road vocabulary, indented) runs at
// 126–170 MB per CPU-second, 83–110 MB/s by the wall clock when the load eased (target ≥ 100 MB/s);
// the heap in use during reads of 10^5 and 10^6 records peaks at 6.0–8.4 MiB (target ≤ 32 MiB, flat).
//
// # Issued qualifications: anonymised statistics only (OPN-02)
//
// The issued-qualifications feed carries no holder and no certificate number (the register's own
// statement: the data are for statistics). [IssuedQualification] has no field for a name, a personal
// code, a birth date or a number, and a [Mapping] of that feed cannot name one ([FieldNames]), so the
// SDK can neither read nor write them. [IssuedFrom] and [WriteIssued] make the feed from
// certificates: qualifications of the register only, and not those their owners hid (CERT-04). The
// property test TestIssuedWriterNeverEmitsPersonalData_OPN02 checks, over generated certificates, that
// no name, code, birth date or number ever appears and that the output is the same whoever the
// holders are. [Tally] sums rows into counts per year, type, standard, level and awarding body.
//
// # Attribution
//
// The data are licensed CC BY-SA 3.0 EE: whatever is made from them carries the attribution.
// [Attribution] holds it ([AttributionOf] a feed; [Attribution.Notice] renders it in Estonian and
// English) and [Derived] carries it with derived data; the feed [WriteIssued] writes opens with it as a
// comment, and [Tally] returns its counts as Derived.
package opendata
