// Package notify turns the outbox's events into the notices people and organisations receive, in
// Estonian and English (GEN-05), and delivers them through the host's [Sender], reliably: the
// register's notices to a certificate's owner (CERT-09), the steps of the owner's requests, duplicate
// cases, proficiency exams and vocational exams, each to the party concerned (APP-07, EXV-07).
//
// # Notices
//
// [Render] writes the notice of every kind of event the SDK's packages raise ([Catalogue] lists
// them): a one-line subject and a body, the way the register writes (Estonian first; dates as
// DD.MM.YYYY in Estonian and "8 January 2030" in English; names of procedures, grounds and
// statuses, never their codes). Each notice is for a person or for an organisation, never mixed up:
// its [Recipient] has a [RecipientKind] fixed by the kind of event, and an ID that must fit it — a
// person's notice goes to a valid personal code (the host resolves it to the person's e-mail or the
// state portal's notifications), an organisation's to its registry code (or EHIS or EHAK code), never
// to a personal code. An ID that does not fit, or a kind of event with no notice, is an error, and
// the dispatcher dead-letters the event rather than send it to the wrong party. An empty ID (a
// holder without an Estonian personal code, an archive the host gave no code) goes to the sender
// as it is, for the host to route from the record.
//
// The notices of package certificate are in certificate.go, of stamp there too, of duplicate in
// duplicate.go, of exam/proficiency in proficiency.go, of application (each step of applying for a
// qualification or re-certifying it, APP-07) in application.go, of certificate/request (the owner's
// question to the awarding body and its answer, CERT-08) in request.go, of exam/vocational (every step
// of a school's qualification exam, to the school or the awarding body, EXV-07; the text is the
// package's own vocational.Notice) in vocational.go: one map per package from the
// kind to its notice (the recipient's kind, the rules it serves, the text in both languages). To add
// the notices of a new package, write its map in a file of its own and add it to the catalogue;
// TestCatalogue_APP07_CERT09_EveryKindOfTheModule reads the module's source for every Event…
// constant and every kind written in a store.Event, and fails until each has a notice (and when a
// notice has no event left). testdata/messages.golden holds every notice of every flow, to be read.
// Add to an event's data only what its notice needs. A host that wants its own wording for some
// notices wraps Render in [Dispatcher.Render].
//
// Each notice says what its recipient does next and by when, where the step sets a date: the day to
// complete an application by; a refusal's reasons and legal basis, the last day to contest it (30
// days from learning of it, to the awarding body: HMS § 75, APP-09) and where; to the awarding body,
// the day a contest must be decided by (HMS § 84) and that it may extend the period; the extended
// day; what follows the decision on the contest (upheld: a new decision; dismissed: the
// administrative court, HMS § 87); the certificate an award issued and its last day. Free texts the
// awarding body or the applicant wrote (what is missing, reasons, grounds, a question and its answer)
// are quoted as written, in Estonian in the English notice too.
//
// Where the sources are silent the package chose: the owner's own changes (hiding, publishing) are
// confirmed to the owner; the exam centre is told of each session it creates and each request for
// special conditions; the register's notice of an issued certificate and the exam centre's notice of
// the proficiency certificate's delivery (LNG-18: the state portal, or written form for a person
// without an Estonian personal code) are both sent; documents quoted in a notice (the publication
// text of Ametlikud Teadaanded, a certificate of graduation) stay in Estonian in the English notice.
// An application's notices name it by its number and the qualification applied for ("taotlus nr 12
// (Keevitaja, tase 4)"), and name organisations and people in the nominative only, so that no name
// is declined wrongly; the submission's time is written in Europe/Tallinn; a step the event carries
// no date for is dated by the event's time. The statute's English names are Riigi Teataja's
// (Administrative Procedure Act, Professions Act). The notice of a dismissed contest points to the
// administrative court without a period, which the sources do not give; the applicant is not sent a
// receipt of their own withdrawal (the receiver is told).
//
// # Delivery
//
// A [Dispatcher] delivers the outbox ([store.Outbox]: memstore and pgstore have it). Each round
// claims a batch of the events that are due, oldest first, with a lease (Lease, five minutes by
// default) that keeps other dispatchers off them; renders each; hands it to the sender; and marks it
// sent only once the sender accepted it. So:
//
//   - One failing message never stops the others. A message the sender fails is tried again after a
//     backoff ([Backoff]: one minute, doubling, at most six hours, each wait jittered to between half
//     and all of it, from the host's source of randomness, Rand, and clock, Now), and dead-lettered
//     after MaxAttempts failures (8 by default: one to two hours of failures). A sender that knows a
//     message can never be delivered returns [Permanent](err): it is dead-lettered at once.
//   - Nothing is lost while the sender is down. When StopAfter messages fail in a row (5 by
//     default) the round ends with [ErrSenderDown] and hands the rest back untried, their attempts
//     unspent; the host runs the next round later. A message that runs out of attempts is kept as a
//     dead letter, with its attempts and last error: the host lists them ([Dispatcher.DeadLetters])
//     and puts them back ([Dispatcher.Requeue]) once it has mended the cause.
//   - Nothing is lost when the store fails: a round that cannot claim, mark or record returns the
//     error; the events it had claimed come back when the lease ends.
//   - Several dispatchers, in one process or in several on one database, may run at once: each
//     claims what it sends (pgstore: SELECT … FOR UPDATE SKIP LOCKED and a lease column), so in the
//     normal case no message is sent twice.
//
// Delivery stays at least once: a crash between the sender's acceptance and the mark, a mark that
// fails, or a lease that ends while the sender is still at it (a dispatcher stops a batch whose lease
// has ended) sends a message again. A sender that must not repeat itself keys messages by
// [Message.EventID]. Messages are sent oldest first, but a retried message comes after newer ones.
// MarkBatch marks sent messages in groups, one statement (on pgstore, one commit) per group instead
// of per message, at the price of repeating up to a group after a crash.
//
// The dispatcher's fault tests run on memstore and pgstore alike, in the conformance suite
// (storetest: DispatchFailingMessages, DispatchSenderDown, DispatchStoreFailsMidRun,
// DispatchConcurrent); pgstore adds two processes at once, a process that dies holding a lease, and
// connections killed mid-run.
//
// # Performance
//
// Measured with storetest's benchmarks (BenchmarkStore/Dispatch…: an outbox of b.N events delivered
// to a sender that accepts at once, in claims of 100) with -cpu 1 -count 5, the median of the five,
// on the go-svc machine (AMD EPYC, 2 cores, 24 GiB, Go 1.26.8; PostgreSQL 15.20 on the same machine,
// default settings, synchronous commit) while other work was running (load average 14–18): the
// figures are noisy and the lead re-measures them on a quiet machine. See docs/performance.md.
//
//	memstore, one dispatcher                               110,885 msgs/s (9.0 µs per message)
//	memstore, two dispatchers at once                      122,466 msgs/s
//	pgstore, one dispatcher, a commit per message              348 msgs/s (2.9 ms per message)
//	pgstore, two dispatchers at once                           402 msgs/s
//	pgstore, one dispatcher, MarkBatch 100                   2,355 msgs/s
//
// On PostgreSQL each mark is a commit, and the commit's fsync bounds the rate; MarkBatch 100 pays one
// per hundred messages (and a claim per hundred either way). A real sender (SMTP, the state portal)
// takes far longer per message than either, so the default marks each message at once.
package notify
