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
// "expires within 6 months" notice).
//
// # Who sees what
//
// The [Registry] service takes a store, a clock and, on every call, the acting [actor.Actor]:
//
//   - the issuer — the awarding body for occupational and partial certificates, the school for
//     school documents, the exam centre for state-exam and proficiency certificates — issues its
//     own; who declares one invalid is below; the registrar may do everything;
//   - the owner lists all of their certificates, hidden ones too, reads their notices, and hides or
//     publishes each one (CERT-04);
//   - the public looks up and searches: a hidden certificate is reported exactly like a missing one,
//     no personal code or birth date is ever shown, and the holder's name only while the certificate
//     is valid (CERT-12: KRPM § 15 (1)). [PublicView.Explain] explains the view's status with the
//     rules and provisions [Certificate.ExplainStatus] cites, and nothing the view does not show (no
//     invalidation's reason, no replacing duplicate's number); package certificate/web serves it as
//     the page the QR codes point to.
//
// A refused call returns an error wrapping actor.ErrForbidden, bad input a *[ValidationError]
// (wrapping [ErrInvalid]) naming every wrong field, a refusal by rule a *[RuleError]; none of them
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
// with [Options.Schools] the registry checks who answers for a school's documents, so a school that
// was reorganised, or the minister while a school or successor exists, is refused.
//
// # Versions of regulation nr 113 (GEN-04)
//
// Leaving certificates, grade sheets and state-exam certificates follow VV määrus nr 113, whose
// versions package vv113 holds: the SDK knows the text in force 13.07.2014–30.04.2015 (seed 002).
// [Registry.Issue] issues such a document only under a version covering its date of issue (§ 2 (2),
// § 4 (1)), [Registry.Invalidate] declares one invalid only under a version covering the
// invalidation's date (§ 5 (2)); on another day both refuse with a *[RuleError] wrapping
// law.ErrNoVersion, and a host adds the version it has read through [Options.Statute].
// [Certificate.ExplainStatus] names the version in the steps citing the regulation, and where none
// covers the day that matters it cites no provision of it ([Certificate.ExplainStatusUnder] takes
// the host's versions). A status itself is the record's dates, whatever the version.
//
// # Storage
//
// [Store] is the consumer-side interface: context first, errors wrapping the sentinels of package
// store, a Version on each record for optimistic concurrency, an idempotency key on issuing, and an
// outbox: the events a change raises ([EventIssued], [EventHidden], [EventPublished],
// [EventInvalidated], the register's notices of CERT-09) are committed with it. memstore implements
// it; storetest.Run checks any implementation.
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
//   - Without Options.Schools the registry cannot tell whether a school still works: it takes the
//     actor's word, so a successor naming the issuer in For, and the minister, are allowed.
//   - EKR and EQF levels, where both are given, must be equal: the EstQF descriptors are the EQF's.
//   - A title is optional: the register has entries without one (seed 000: OT011089).
//   - Request validation uses go-playground/validator for field lengths and required fields, and
//     hand-written checks for the rules between fields; every error names the field.
//
// # Performance
//
// Measured with `go test -bench . ./certificate` on the go-svc machine (2 cores, AMD EPYC, Go 1.26.8;
// all figures in docs/performance.md): StatusOn 4.7–5.0 ns/op with 0 allocations (target ≤ 50 ns,
// 0 allocs); MarkOn 9–10 ns/op, 0 allocations; issuing through the Registry on memstore 7.7–8.5 µs/op.
package certificate
