// Package kutse is the root of the kutse SDK, which encodes the rules of Estonian qualification and
// exam certificates for the services that keep them: the occupational qualifications register
// (kutseregister), awarding bodies (kutse andjad), schools and the exam centre. Host services keep
// their own databases and web pages and call the SDK for every rule, every document and every seal.
//
// This package holds no code; it is the map.
//
// # Packages
//
//   - [github.com/kutsekit/kutse/calendar]: Date (a calendar day, no clock, no zone), Estonian public
//     holidays as in force each year, working days, Estonian and English long dates (GEN-02, GEN-03).
//   - [github.com/kutsekit/kutse/deadline]: legal deadlines with their explanation: a period starts the
//     day after its trigger and a due date on a day off moves to the next working day (GEN-03).
//   - [github.com/kutsekit/kutse/isikukood]: Estonian personal codes: parse, check, birth date, sex,
//     age; generators for property tests (GEN-01).
//   - [github.com/kutsekit/kutse/law]: citations, versions of a rule by date, and the explanation every
//     decision carries (GEN-04, GEN-05, GEN-06).
//   - [github.com/kutsekit/kutse/classifier]: EKR/EQF levels, the register's certificate types, the old
//     five-step levels (CERT-03).
//   - [github.com/kutsekit/kutse/classifier/xroad]: the register's certificate record of its X-Road
//     service, to and from certificate.Certificate.
//   - [github.com/kutsekit/kutse/certificate]: every certificate kind, numbers, status on a date,
//     the owner's list, publish/hide, the public view, invalidation, notices; the Registry service
//     (CERT-01..04, CERT-09, CERT-11, CERT-12, SCH-01..03).
//   - [github.com/kutsekit/kutse/actor]: who is acting, and what each role may do.
//   - [github.com/kutsekit/kutse/application]: the owner's requests (CERT-10).
//   - [github.com/kutsekit/kutse/schooldoc]: leaving certificates' and grade sheets' data, checks and
//     printed lines (SCH-04..09).
//   - [github.com/kutsekit/kutse/duplicate]: duplicates, re-issues and exchanges with their grounds,
//     routes, deadlines, costs and forms (SCH-12..24, CERT-07).
//   - [github.com/kutsekit/kutse/exam/proficiency]: the Estonian language proficiency exams (LNG).
//   - [github.com/kutsekit/kutse/exam/stateexam]: state-exam certificates (SCH-10, SCH-11).
//   - [github.com/kutsekit/kutse/exam/vocational]: vocational-school learners' qualification exams,
//     from the school's registration to the certificates issued exactly once when the committee
//     protocol is signed, and the compensation of the awarding body's costs (EXV-01..08).
//   - [github.com/kutsekit/kutse/stamp]: the digital stamp and the reprint (CERT-05, CERT-06), with
//     [github.com/kutsekit/kutse/stamp/pdf] (the documents) and [github.com/kutsekit/kutse/stamp/asice]
//     (the ASiC-E container, XAdES B/T/LT, and verifying any container).
//   - [github.com/kutsekit/kutse/notify]: the register's notices from the outbox, in Estonian and
//     English, delivered through the host's sender (CERT-09).
//   - [github.com/kutsekit/kutse/invalid]: the error type for bad input that the packages share.
//   - [github.com/kutsekit/kutse/store]: the sentinel errors and the outbox event shared by every store.
//   - [github.com/kutsekit/kutse/store/memstore]: the in-memory store.
//   - [github.com/kutsekit/kutse/store/pgstore]: the PostgreSQL store (pgx), with embedded migrations.
//   - [github.com/kutsekit/kutse/store/storetest]: the conformance suite any store must pass.
//
// Later issues add applying for a qualification (see DESIGN.md in the project's shared folder for the
// whole plan).
//
// # The flows
//
//  1. Owner self-service: the owner lists their certificates with their status on a date, hides or
//     publishes one, reads the register's notices, orders a digital stamp (examples/quickstart runs
//     this on memstore or PostgreSQL; examples/verify checks the stamp).
//  2. Applying for a qualification or re-certification.
//  3. Vocational exams from a school's registration to certificates issued from a signed protocol
//     (exam/vocational; examples/quickstart runs one school's exam).
//  4. School documents: leaving certificates, grade sheets, state-exam certificates, duplicates.
//  5. Estonian language proficiency exams.
//  6. Register data: standards, awarding bodies, classifiers.
//
// # Principles
//
// Rules are pure functions of facts and a date, each citing its rule ID (from RULES.md) and legal
// source, and each decision carries a law.Explanation. Services take a store, a clock and the acting
// actor.Actor; a change and its events are committed together (an outbox). Legal dates are
// calendar.Date reckoned in Europe/Tallinn; instants are time.Time. Bad input gets an error naming the
// field and never a panic, and a refused call writes nothing.
package kutse
