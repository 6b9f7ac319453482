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
//   - [github.com/kutsekit/kutse/law/vv113]: the versions of regulation nr 113 (school leaving and
//     state-exam certificates) the SDK knows, 13.07.2014–30.04.2015, and a host's own (GEN-04).
//   - [github.com/kutsekit/kutse/classifier]: EKR/EQF levels, the register's certificate and standard
//     types, committee roles, ISCO codes, the old five-step levels (CERT-03).
//   - [github.com/kutsekit/kutse/classifier/register]: the register's reference data (standards with
//     their versions, competences, awarding bodies, committees, councils, the classifier) and the
//     search of qualifications open for application and a qualification's view (APP-01, APP-02).
//   - [github.com/kutsekit/kutse/classifier/opendata]: the register's open-data feeds, read in constant
//     memory, and the issued-qualifications feed written without personal data (OPN-01, OPN-02).
//   - [github.com/kutsekit/kutse/classifier/xroad]: the register's X-Road service: its messages, a
//     client for the host's security server, and its certificate record to and from
//     certificate.Certificate.
//   - [github.com/kutsekit/kutse/certificate]: every certificate kind, numbers, status on a date,
//     the owner's list, publish/hide, the public view, invalidation, notices; the Registry service
//     (CERT-01..04, CERT-09, CERT-11, CERT-12, SCH-01..03).
//   - [github.com/kutsekit/kutse/actor]: who is acting, and what each role may do, including who may
//     declare a certificate invalid (CERT-11, SCH-02).
//   - [github.com/kutsekit/kutse/certificate/request]: the owner's requests (CERT-10) and the
//     question to the awarding body (CERT-08); the open requests the Registry marks in the owner's list.
//   - [github.com/kutsekit/kutse/application]: applying for a qualification or re-certification
//     (APP-02..09): where to apply, the awarding body's settings and partners, the guided flow, the
//     application form, processing, the award issuing the certificate exactly once, the contest.
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
//     [github.com/kutsekit/kutse/stamp/pdf] (the documents, PDF/A-2b, and the Document other packages
//     lay their forms and protocols out with) and [github.com/kutsekit/kutse/stamp/asice]
//     (the ASiC-E container, XAdES B/T/LT, and verifying any container).
//   - [github.com/kutsekit/kutse/certificate/web]: the page the QR codes point to, the public entry and
//     its validity today in Estonian and English, as HTML or JSON (CERT-05, CERT-06).
//   - [github.com/kutsekit/kutse/notify]: a notice for every event of every package, in Estonian and
//     English, to a person or an organisation (CERT-09, APP-07), delivered from the outbox through
//     the host's sender with retries, backoff and dead letters.
//   - [github.com/kutsekit/kutse/invalid]: the error type for bad input that the packages share.
//   - [github.com/kutsekit/kutse/store]: the sentinel errors, the outbox event and the outbox shared by
//     every store.
//   - [github.com/kutsekit/kutse/store/memstore]: the in-memory store.
//   - [github.com/kutsekit/kutse/store/pgstore]: the PostgreSQL store (pgx), with embedded migrations.
//   - [github.com/kutsekit/kutse/store/storetest]: the conformance suite any store must pass.
//
// See DESIGN.md in the project's shared folder for the whole plan.
//
// # The flows
//
//  1. Owner self-service: the owner lists their certificates with their status on a date, hides or
//     publishes one, reads the register's notices, orders a digital stamp whose QR codes lead to the
//     verification page (examples/quickstart runs this on memstore or PostgreSQL, and serves the page
//     with -serve; examples/verify checks the stamp).
//  2. Applying for a qualification or re-certification: the person is sent to the awarding body's own
//     environment where it has not joined, otherwise drafts the application step by step, submits it
//     (the form is generated), and the body or its partner processes it; an award issues the
//     certificate (examples/quickstart runs one application from draft to award).
//  3. Vocational exams from a school's registration to certificates issued from a signed protocol
//     (exam/vocational; examples/quickstart runs one school's exam).
//  4. School documents: leaving certificates, grade sheets, state-exam certificates, duplicates.
//  5. Estonian language proficiency exams.
//  6. Register data: standards, competences, awarding bodies, councils and classifiers are read from the
//     open-data feeds (classifier/opendata) or the X-Road service (classifier/xroad) into
//     classifier/register, stored, and searched for the qualifications open for application
//     (examples/quickstart lists them from sample feeds).
//
// # Configuring services
//
// Every service is built the same way: NewX(store, Config), or New(Config) where the service keeps
// no records of its own (certificate/web; exam/stateexam's NewService(Config), whose records are the
// registry's). The Config is passed by value and its zero value is the defaults; only the fields a
// service documents as required must be set. A store's constructor is not a service's: pgstore.New
// keeps its *Options.
//
// There is one clock, and the host passes it once, in certificate.Config.Now (nil means time.Now).
// Every service built on the registry (application, exam/vocational, exam/proficiency,
// exam/stateexam and certificate/web, each given it in Config.Certificates) reads the time and
// today's date from it ([github.com/kutsekit/kutse/certificate.Registry.Now]), so a host never sets
// two clocks that disagree; a Config without the registry is an error satisfying
// errors.Is(err, invalid.ErrInvalid) that names Config.Certificates:
//
//	reg, err := certificate.NewRegistry(st, certificate.Config{Now: clock})
//	apps, err := application.NewService(st, application.Config{Register: st, Certificates: reg})
//	exams, err := vocational.NewService(st, vocational.Config{Certificates: reg, Register: st, Curricula: ehis})
//
// The services that do not take the registry (classifier/register's Catalogue, certificate/request,
// stamp, duplicate) keep a Config.Now of their own; give them the same clock (reg.Now will do where
// the registry is built first).
//
// # Principles
//
// Rules are pure functions of facts and a date, each citing its rule ID (from RULES.md) and legal
// source, and each decision carries a law.Explanation. Services take a store, a Config (with the one
// clock) and the acting actor.Actor; a change and its events are committed together (an outbox).
// Legal dates are calendar.Date reckoned in Europe/Tallinn; instants are time.Time. Bad input gets an error naming the
// field and never a panic, and a refused call writes nothing. Every bad-input error of every package
// satisfies errors.Is(err, invalid.ErrInvalid); every refusal by a legal rule, whichever package
// refused, satisfies errors.Is(err, law.ErrRefused) and converts with errors.As to a *law.RuleError
// naming the rule, its provision and the package's own category; a refusal for want of rights wraps
// actor.ErrForbidden; a day no version of a rule covers wraps law.ErrNoVersion (the SDK applies a rule only under a version
// whose text it has: regulation nr 113, for instance, as in force 13.07.2014–30.04.2015, unless the
// host adds a later one).
package kutse
