// Package certificate implements the certificate register's core: every kind of certificate the SDK
// knows, their numbers, their status on a date with its explanation, the owner's list with its marks,
// publishing and hiding, the public view, invalidation, and the register's notices to the owner.
//
// # Kinds
//
// [Occupational] (kutsetunnistus), [Partial] (osakutsetunnistus), [SchoolQualification] (a
// qualification on a vocational school's leaving document), [BasicSchool] and [Gymnasium] leaving
// certificates (lõputunnistus), [GradeSheet] (hinneteleht), [StateExam] (riigieksamitunnistus) and
// [Proficiency] (the Estonian language proficiency certificate). One [Certificate] record holds any of
// them (CERT-01; SCH-01..03); kind-specific data the later packages own goes in Extra.
//
// # Numbers
//
// Numbers are strings ([Number]), because the register writes them more than one way (204580,
// E015992, OT011089). Leaving certificates are "P" or "G" and six digits (SCH-03). When a record is
// issued without a number the store allocates the next one of the kind's [Series] in the same commit;
// hosts that take over an existing register pass their series, with First past the last number used.
//
// # Status
//
// [Certificate.StatusOn] is a pure function of the record and a date (CERT-02): valid from the first
// day to the last inclusive (or with no end, "tähtajatu"), expired after, not yet valid before; an
// invalidation (CERT-11) or a replacement by a duplicate takes effect from its date, so the status
// on an earlier day is what the dates give. School documents are valid for life (SCH-02).
// [Certificate.ExplainStatus] gives the same with its explanation (GEN-06), and
// [Certificate.MarkOn] the owner's list mark: ✓, or ⚠ with the reasons (not valid, an open request,
// validity ending within a window the host sets, six months by default after the register's
// "expires within 6 months" notice). [Registry.List] finds the open requests itself through
// [Config.Requests], a [RequestFinder] (package certificate/request's Service implements it), so
// the host does not pass them in.
//
// # Who sees what
//
// The [Registry] service takes a store, a [Config] (its Now the host's one clock, which the services
// built on the registry read through [Registry.Now]) and, on every call, the acting [actor.Actor]:
//
//   - the issuer — the awarding body for occupational and partial certificates, the school for
//     school documents, the exam centre for state-exam and proficiency certificates — issues its
//     own; who declares one invalid is below; the registrar may do everything;
//   - the owner lists all of their certificates, hidden ones too, reads their notices, and hides or
//     publishes each one (CERT-04);
//   - the public looks up and searches the register's public entries (see the next section): a
//     hidden certificate is reported exactly like a missing one, no personal code or birth date is
//     ever shown or searched, and the holder's name is shown, and matched by a text search, only while
//     the certificate is valid on the query's date (CERT-12: KRPM § 15 (1)). [PublicView.Explain]
//     explains the view's status with the rules and provisions [Certificate.ExplainStatus] cites, and
//     nothing the view does not show (no invalidation's reason, no replacing duplicate's number);
//     package certificate/web serves it as the page the QR codes point to;
//   - the registrar records a holder's death and erases the personal data when their retention ends
//     (see Retention).
//
// # What the public sees, kind by kind
//
// The public sees a certificate only where it is a public register entry ([Kind.Public]). The
// register's data are public and personal data public while they are valid (KRPM § 15 (1)); its
// issued qualifications are the occupational certificates and the qualifications on school documents
// (KRPM § 5, § 8 (1)–(2); seed 001: "Väljastatud kutsed (tunnistused)" are "kutsetunnistused ja
// koolilõpudokumendile kantud kutsed", and the open data give them only "umbisikustatud statistilisel
// kujul"). School and exam documents are the person's, not a register's entries:
//
//	kind                     public (Lookup, Search)    holder's name         source
//	occupational             yes                        while valid on the day KRPM §§ 5, 8 (1), 15 (1)
//	partial                  yes                        while valid on the day KRPM § 8 (1) (osakutse incl.)
//	school-qualification     yes                        while valid on the day KRPM § 8 (2); seed 001
//	basic-school, gymnasium  no: reported as missing    never                  seed 002 § 8 (4), § 9 (EHIS; handed to the graduate)
//	grade-sheet              no: reported as missing    never                  seed 002 § 11 (2), § 12
//	state-exam               no: reported as missing    never                  seed 002 § 15 (2) (to the person in eesti.ee)
//	proficiency              no: reported as missing    never                  004 § 7 (6) (to the person in eesti.ee); 003
//
// Never shown for any kind: the personal code, the birth date, the death date ([PublicView] has no
// field for them). The stores apply the table and the validity of the name in their queries
// ([PublicQuery], Store.PublicCertificates), so a page of results is never emptied by a filter after
// the fact, and [Registry.Search] checks the answer again. No option widens the table. The one need
// found for more is a third party checking a proficiency or state-exam certificate by its number
// together with the holder's personal code (the exam centre's e-certificate check in eesti.ee,
// innove.ee "E-tunnistus"): that is a check with the holder's code as proof, not an anonymous look-up,
// and belongs to a verification service of its own; the SDK does not offer it yet. The owner's shared
// view (the link of a digital stamp, package stamp) uses [Certificate.ViewOn], which applies the
// rules for personal data whatever the kind.
//
// # Retention of personal data (CERT-12)
//
// Personal data of an awarded qualification are kept until three years after the holder's death (KRPM
// § 18, 2016 wording; research/kutseseadus.md § 6). The registrar records the death
// ([Registry.RecordDeath], [Registry.RecordHolderDeath]; Holder.Died); [PersonalDataKeptUntil] is the
// pure rule (the corresponding day of the third year, TsÜS § 136 (2), with calendar's month
// arithmetic); Store.PersonalDataDue lists, paged by number, the certificates due on a day, and
// [Registry.ErasePersonalData] (or [Registry.EraseDuePersonalData], a host's daily job) erases them in
// one update with its event. Erased are the name, the personal code, the birth date and the death
// date; kept is the anonymised qualification record (everything else, and the day of erasure), from
// which the open data's anonymised statistics are made (OPN-02). Once erased, no update writes personal
// data back.
//
// A refused call returns an error wrapping actor.ErrForbidden, bad input a *[ValidationError]
// (wrapping [ErrInvalid]) naming every wrong field, a refusal by rule a *[RuleError] (the SDK's one
// refusal type, law.RuleError, wrapping law.ErrRefused); none of them
// changes anything in the store.
//
// # Who declares a certificate invalid
//
// [Registry.Invalidate] takes the decision of the body the law names, with roles of package actor:
//
//	kind                                   who                                                     rule, provision
//	occupational, partial, on a school doc the qualification committee (actor.QualificationCommittee)  CERT-11, Kutseseadus § 22 (1)
//	                                       of the awarding body that issued it, or the sectoral
//	                                       council (actor.SectoralCouncil) that oversees that body
//	leaving certificate, grade sheet       the school that issued it (actor.School), its successor    SCH-02, VV määrus nr 113 § 5 (2)
//	                                       (actor.Successor), or where neither exists the minister
//	                                       (actor.Minister)
//	state-exam certificate                 the issuing institution (actor.ExamCentre)              SCH-02, § 4 (1), § 5 (2)
//	proficiency certificate                the exam centre that issued it (actor.ExamCentre)       LNG-18, HMS § 70
//
// The registrar records a decision one of them took and names it in Invalidation.By. The awarding
// body itself, its partner, another body's committee or council, and the owner are refused. Which
// council oversees which body, and which school succeeded which, is the host's word (actor.Actor.For);
// with [Config.Schools] the registry checks who answers for a school's documents, so a school that
// was reorganised, or the minister while a school or successor exists, is refused.
//
// # Versions of regulation nr 113 (GEN-04)
//
// Leaving certificates, grade sheets and state-exam certificates follow VV määrus nr 113, whose
// versions package vv113 holds: the SDK knows the text in force 13.07.2014–30.04.2015 (seed 002).
// [Registry.Issue] issues such a document only under a version covering its date of issue (§ 2 (2),
// § 4 (1)), [Registry.Invalidate] declares one invalid only under a version covering the
// invalidation's date (§ 5 (2)); on another day both refuse with a *[RuleError] wrapping
// law.ErrNoVersion, and a host adds the version it has read through [Config.Statute].
// [Certificate.ExplainStatus] names the version in the steps citing the regulation, and where none
// covers the day that matters it cites no provision of it ([Certificate.ExplainStatusUnder] takes
// the host's versions). A status itself is the record's dates, whatever the version.
//
// # Storage
//
// [Store] is the consumer-side interface: context first, errors wrapping the sentinels of package
// store, a Version on each record for optimistic concurrency, an idempotency key on issuing, and an
// outbox: the events a change raises ([EventIssued], [EventHidden], [EventPublished],
// [EventInvalidated], the register's notices of CERT-09, [EventDeathRecorded],
// [EventPersonalDataErased]) are committed with it. memstore implements
// it; storetest.Run checks any implementation.
//
// A service that issues a certificate in the same commit as a change of its own records (an
// application awarded, package application) has the Registry check and prepare it with
// [Registry.PrepareIssue] — the actor's right, the fields, the defaults, the series, the
// fingerprint, the notice — and commits the [Issue] through a store method of its own that honours
// the contract of [Store.IssueCertificate].
//
// A store that is also a [BatchIssuer] issues many certificates in one commit, numbered in order with
// no gap: [Registry.IssueBatch] uses it, and [Registry.PrepareBatch] gives a service that issues a
// batch with a change of its own records (a signed committee protocol, package exam/vocational) what
// its store commits, checked exactly as [Registry.Issue] checks one certificate.
//
// # Choices where the sources are silent
//
//   - Invalidation takes effect from its date (HMS § 68 (3)); a status asked for an earlier day is the
//     status by dates. The register itself only ever shows today's status.
//   - § 5 (2) of regulation nr 113 names the school, its successor and the minister for the leaving
//     certificate and "alusdokument"; the grade sheet, the leaving certificate's annex (§ 3 (1)), is
//     treated the same. For a state-exam certificate § 5 (2) leaves it to the Administrative
//     Procedure Act, under which the body that issues it (§ 4 (1)) decides (HMS § 68 (2)). A
//     qualification on a school document is treated as an occupational certificate (CERT-11).
//   - Without Config.Schools the registry cannot tell whether a school still works: it takes the
//     actor's word, so a successor naming the issuer in For, and the minister, are allowed.
//   - EKR and EQF levels, where both are given, must be equal: the EstQF descriptors are the EQF's.
//   - A title is optional: the register has entries without one (seed 000: OT011089).
//   - Request validation uses go-playground/validator for field lengths and required fields, and
//     hand-written checks for the rules between fields; every error names the field.
//   - A public query needs its date (PublicQuery.On): a store cannot know "today", so it refuses a
//     query without one; the Registry fills it in (the search's asOf, or today).
//   - A name matches only certificates valid on the day; the title, standard and number match any
//     public certificate, which then shows no name. A certificate invalidated or replaced after the
//     day is valid on it (the invalidation takes effect from its date).
//   - KRPM § 18 governs the register: the retention rule marks for erasure only the register's kinds
//     ([Kind.Register]); school and exam documents are kept in EHIS and the exam centre's records,
//     whose retention periods the sources here do not give.
//   - The end of retention is not moved off a weekend or a holiday: it is a limit, not a day by which
//     an act must be done (TsÜS § 136 (8) does not apply). Erasure is due from the day after it.
//   - Recording a death and erasing the data each raise an event to the certificate's issuer, which
//     keeps the holder's data in its own records (the awarding body's exam documents): the first says
//     until when the register keeps them, the second that they are erased. Neither goes to the holder,
//     and neither notice names the holder or the date of death. The outbox's earlier events, which have the holder's personal code as
//     their recipient, are the host's delivery log: a host purges delivered events on its own
//     schedule; the SDK does not rewrite them.
//   - Extra (kind-specific data) is kept on erasure: the SDK does not know what a host put there.
//
// # Performance
//
// Measured with `go test -bench . ./certificate` on the go-svc machine (2 cores, AMD EPYC, Go 1.26.8;
// all figures in docs/performance.md): StatusOn 4.7–5.0 ns/op with 0 allocations (target ≤ 50 ns,
// 0 allocs); MarkOn 9–10 ns/op, 0 allocations; issuing through the Registry on memstore 7.7–8.5 µs/op.
package certificate
