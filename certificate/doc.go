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
//     school documents, the exam centre for state-exam and proficiency certificates — issues and
//     invalidates its own; the registrar may do everything;
//   - the owner lists all of their certificates, hidden ones too, reads their notices, and hides or
//     publishes each one (CERT-04);
//   - the public looks up and searches: a hidden certificate is reported exactly like a missing one,
//     no personal code or birth date is ever shown, and the holder's name only while the certificate
//     is valid (CERT-12: KRPM § 15 (1)).
//
// A refused call returns an error wrapping actor.ErrForbidden, bad input a *[ValidationError]
// (wrapping [ErrInvalid]) naming every wrong field, a refusal by rule a *[RuleError]; none of them
// changes anything in the store.
//
// # Storage
//
// [Store] is the consumer-side interface: context first, errors wrapping the sentinels of package
// store, a Version on each record for optimistic concurrency, an idempotency key on issuing, and an
// outbox: the events a change raises ([EventIssued], [EventHidden], [EventPublished],
// [EventInvalidated], the register's notices of CERT-09) are committed with it. memstore implements
// it; storetest.Run checks any implementation.
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
