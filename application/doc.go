// Package application implements applying for an occupational qualification or re-certifying one
// in the register (phase II of the register's renewal, seed 000 slides 3–5; APP-02..09): where a
// person applies, the awarding body's settings, the guided flow from draft to submission with the
// application form generated, processing by the awarding body or its partner, the decision — an
// award issues the certificate in the same commit, exactly once — and the contest of a refusal.
// The owner's requests about a certificate (CERT-10) are package certificate/request's.
//
// # Where to apply (APP-03, APP-04)
//
// [Where] answers "apply here" or "go to <URL>": a person applies in the register only where the
// awarding body has joined ([Settings].Joined) and set the qualification up — marked the documents
// it requires ([DocumentSpec]) and added its information (application rounds, exam dates, a text,
// its page: register.BodyInfo) — and otherwise is sent to the body's own environment (the
// qualification's or the body's External address, else its page on the qualification, else its
// home page). The body may authorise partners ([Partner]) to receive applications for some or all
// of its qualifications, for a period. The standard's version in force on the day is the one
// applied for (GEN-04), and the body's right to award must cover the day (KutS § 10 (1)).
//
// # The guided flow (APP-05)
//
// [Service.Start] starts a draft pre-filled from the personal code (code, birth date), the
// population register ([People], when the host has it) or the register's newest certificate of the
// person (the name), the person's previous application (the contacts), and the standard (its
// conditions). The steps are data ([Steps], [Pages]): personal data, the qualification (a partial
// qualification, a specialisation, elective competences, the exam language: [ResolveChoice]),
// documents, review (the standard's conditions confirmed, the data declared true) and submit; each
// page lists its fields with their values and options, whether it is done and, field by field, what
// is wrong ([Page].Problems, an *invalid.Errors). Each step is saved with its own method and checked
// first: a wrong field saves nothing. A draft is resumed at [Current], the first step not done.
// Submission is refused until every step is done and every document the body requires is attached
// ([MissingDocuments]); where the body announced application rounds, outside them too.
//
// Re-certification (taastõendamine) links the applicant's certificate, checked by
// [Recertifiable] (APP-02): a qualification certificate of the standard, neither invalidated nor
// replaced, with an end of validity, valid on the day or ended at most the grace period ago; its
// conditions are the standard's conditions of re-certifying, and the choice it was awarded with is
// pre-filled.
//
// # The application form (APP-06)
//
// On submission the form (avaldus) is generated into the record ([RenderForm], [Form]): an A4 PDF in
// the register's layout and embedded Go font, through package stamp/pdf's Document, in Estonian with
// English labels, deterministic (the same application and instant give the same bytes, which a
// golden file checks), with the SHA-256 of the form and of every attachment.
//
// # Processing (APP-08) and notices (APP-07)
//
// [Transitions] is the processing table as data: which [Party] — the applicant, a receiver (the
// body or the partner the application was submitted to, while authorised), the awarding body
// itself — may take which [Action] in which [State]:
//
//	draft ─submit→ submitted ─receive→ in process ─admit→ admitted
//	in process, admitted ─award→ awarded (the certificate issued)
//	in process, admitted ─request completion→ incomplete ─complete→ in process
//	in process, incomplete, admitted ─refuse→ refused ─contest→ contested
//	contested ─upheld→ in process;  contested ─dismissed→ refused
//	draft, submitted, in process, incomplete, admitted ─withdraw→ withdrawn
//
// Every step that changes an application takes the Version the caller read (optimistic
// concurrency; a stale one wraps store.ErrConflict) and commits its events with it: one per step, to
// the party concerned — the applicant by personal code, an organisation by registry code, with
// Data["to"] saying which (see the Event constants); package notify writes each one's notice, in
// Estonian and English, with what the recipient does next and by when. An award is the awarding
// body's alone (KutS § 18: its qualification committee decides) and needs the committee decision's
// reference; a refusal needs its reasons and their legal basis (HMS § 56) and tells the applicant
// the last day to contest it.
//
// # The award: the certificate, exactly once
//
// [Service.Award] builds the certificate from the application (the standard, its level, the
// specialisation or partial qualification, the competences, the exam language, the body as issuer;
// valid from the decision for the months the body's settings give) and has certificate.Registry
// check and prepare it (Registry.PrepareIssue: the actor's right, the fields, the number's series,
// the notice to the holder). One store method, [Store.AwardApplication], then writes the
// application's new state and the certificate together — atomically in memstore, in one pgx
// transaction in pgstore — under an idempotency key derived from the application
// ([Application.IdempotencyKey]). A retry of an award that committed returns it and issues nothing;
// of concurrent deciders one commits and the others find the award made (the same decision) or a
// conflict (another one). storetest checks both with retries and 20 concurrent deciders.
//
// # The contest (APP-09)
//
// A refusal can be contested (vaie) within 30 days of the day the applicant learned of it (HMS § 75;
// by default the day of the decision, when its notice went out), and the contest is decided within
// 10 days of its filing, a period the body may extend by up to 30 days in all, telling the applicant
// why (HMS § 84). The periods are counted by package deadline (GEN-03: from the next day, a due date
// on a day off moved to the next working day): [ContestPeriod], [ContestDecisionPeriod], and [Track]
// says where each deadline of an application stands. A contest upheld annuls the refusal and returns
// the application to processing; dismissed, the refusal stands.
//
// # Storage
//
// [Store] is the consumer-side interface: the applications, the bodies' settings, the award's atomic
// commit, and the certificates it reads (to pre-fill and to re-certify). The register's reference
// data come through [Register] (the register's own store, or a [StaticRegister] in memory). memstore and
// pgstore implement Store; storetest.Run checks any implementation.
//
// # Choices where the sources are silent
//
//   - "Joined" is a flag the body sets, and a qualification is set up once the body added its
//     information for it (the seed: "teinud vastavad seadistused …, märkinud … nõutavad dokumendid ja
//     lisanud täpsustava taotlemise info"); a qualification may list no required document.
//   - The seed's "saab anda õiguse taotluste esitamiseks partnerile" is read as RULES.md reads it: a
//     partner receives applications (the applicant chooses it as the receiver) and processes them up
//     to admission; the decision stays the awarding body's. The registrar reads every application
//     but takes no step: processing is the body's.
//   - Application rounds, where a body announced any, bound submission; with none, a body receives
//     applications at any time.
//   - The standard's conditions (work experience, training) cannot be checked by the SDK: the
//     applicant confirms each one and the body checks the evidence. A certificate may be re-certified
//     while valid or up to a grace period after its last day, one year unless the body sets another
//     (the practice of two bodies, research/kutseseadus.md § 4); one without an end of validity is
//     not re-certified. The certificate re-certified keeps its own dates; the new one names it
//     (Extra["recertifies"]).
//   - A certificate awarded is valid from the decision's day for ValidityMonths (the body's procedure
//     sets it, Reg74 § 1 (2)), or with no end.
//   - The time to complete an application is 14 days unless the body gives another (1–90); HMS § 15
//     leaves it to the authority.
//   - Only a refusal is contested in the register; an award with an error in its data is corrected
//     through a duplicate (CERT-07). A refusal is contested once; what follows is the administrative
//     court (HMS § 87). The contest is decided by the awarding body (HMS § 73: the authority that made
//     the act, where it has no supervisory body). The extension of its period is counted as a longer
//     period from the filing (10 + n days).
//   - The SDK keeps an attachment's digest and the host's reference, not its content; it keeps the
//     form's PDF in the record. Attachments are PDF, JPEG, PNG, office documents or signed ASiC-E
//     containers, at most 20 MiB each and 50 in all.
//   - The form is in Estonian with English labels (GEN-05), one document for the awarding body and the
//     applicant alike.
//
// # Performance
//
// Measured on 2026-12-03 with go test -bench . -benchmem -cpu 1 -count 5 on the go-svc machine (AMD
// EPYC, 2 cores, Go 1.26.8), other helpers' work on the machine (load average about 1; medians, the
// fastest in brackets; see docs/performance.md): the form renders in 92 µs (90), 71 KB and 210
// allocations (BenchmarkRenderForm, one page, 31 KB), and one application from the draft to the award
// with its certificate takes 0.41 ms (0.36) on memstore (BenchmarkDraftToAward, 563 KB, 1,010
// allocations). With the gopdf writer before stamp/pdf's own the form took 4.4 ms and most of an
// application's time; now the service's steps and their copies are the larger part.
package application
