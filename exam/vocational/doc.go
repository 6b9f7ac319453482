// Package vocational implements the qualification exams of vocational-school learners (kutseõppe
// lõpetajate kutseeksamid; the register's exam management, eksamihaldus: seed 000, slides 1 and 5,
// phase III from 2027): a school's exam from its registration, through the times and places agreed
// with the awarding body, the assessment and the qualification committee's protocol, to the
// certificates issued when the protocol is signed — exactly once — and the compensation of the body's
// costs (EXV-01..08).
//
// # The flow
//
// A [Service] takes a [Store], a [Config] (with the certificate registry, whose clock it reads) and,
// on every call, the acting actor.Actor; every step is a new version of the [Exam], stored with its
// events in one commit and retried on a concurrent change:
//
//  1. [Eligible] (EXV-01): an exam only for a curriculum linked to an occupational standard with a
//     version in force (GEN-04) and with learners in their final course. The curricula and learners
//     are the school's data (EHIS), which the host gives through [Curricula] ([StaticCurricula] keeps
//     them in memory); the standards and awarding bodies are the register's, read through [Register]
//     (classifier/register's types; memstore and pgstore have them). [Service.Create] makes a draft of
//     the school, its curriculum, the standard's version, the awarding body (one that awards the
//     qualification on the day, [Awards]), the candidates, the type of exam and the times and places it
//     proposes; [Service.ChangeDraft] changes it.
//  2. [Service.Register] and [Service.Send] (EXV-03): the school registers the exam — each candidate's
//     certificate is assembled then ([Assemble], EXV-08) — and sends it to the awarding body, which may
//     [Service.Return] it for correction or [Service.Accept] it, with the units it assesses (the
//     standard's competences by default, or the curriculum's modules) and its fee.
//  3. [Service.Propose] and [Service.Answer] (EXV-02): either side proposes times and places
//     ([Sitting]: each part of the exam's type, on a day not past, at a time and a place), a new
//     proposal supersedes one not answered, only the other side accepts or declines (with a reason);
//     the accepted one is agreed, and nothing changes once the agreed exam has begun.
//     [Service.ShareMaterial] shares materials both ways. [Service.Calendar] is the school's (and
//     the body's) calendar of its exams by period, built on the store's query by period
//     ([ExamQuery]).
//  4. [Service.FormCommittee], [Service.EnterResults], [Service.CloseAssessment] (EXV-04): the body forms
//     the assessment committee (hindamiskomisjon: a chair and members, at least [DefaultMinAssessors];
//     for each member their own learners, whom they do not assess where the body's procedure says so),
//     enters the results per candidate and unit once the exam has begun ([Passes] decides the outcome;
//     [Complete] completes the certificate, EXV-08), and closes the assessment protocol
//     ([AssessmentProtocol], as data and as a PDF: [AssessmentProtocolPDF]).
//  5. [Service.DrawUp] and [Service.Sign] or [Service.RecordSignature] (EXV-05): the body draws up the
//     qualification committee's protocol (kutsekomisjoni protokoll) with a decision per candidate, and
//     it is signed in the name of its chair through the host's crypto.Signer (over the SHA-256 digest
//     of [Exam.Canonical], verified with the signer's key) or by recording an external signature whose
//     digest matches (a DigiDoc container). In the same commit the certificates are issued to those
//     awarded ([Finish], EXV-08), the compensation is computed ([Compensate], EXV-06), and the school is
//     told that they are entered in the register ([EventEntered], EXV-07).
//
// The school sees its exams' results and protocols, the awarding body the exams sent to it, the
// registrar all (EXV-07); everyone else is refused with actor.ErrForbidden. [Notice] renders every
// event in Estonian and English for the host's or package notify's messages.
//
// # Exactly once
//
// Signing issues the certificates in the same commit as the signed protocol ([Store.SignVocationalExam],
// [Signing]): the store locks the exam (pgstore: SELECT … FOR UPDATE), checks its version, issues the
// batch (numbers allocated in order with no gap) and writes the exam as [Signing.Link] returns it. A
// second signing — a retry, a racing caller — finds the version changed and writes nothing; the
// service then reads the exam, finds it signed and returns that signing's result. A signing cut off
// before its commit (the process died, the backend was killed) left nothing, and the retry issues; one
// cut off after it is found signed by the retry. Each certificate also carries the idempotency key
// "vocational/<exam>/<candidate>", a second guard in the certificate table. The tests prove it on
// memstore (a store that dies before or after the commit, racing signers) and on pgstore
// (pg_terminate_backend of the signing transaction's backend, then the retry).
//
// # Compensation (EXV-06)
//
// The state's ceilings per curriculum group and exam type (theoretical, practical, combined) are the
// host's data with in-force periods (law.Versions[[Ceilings]]; Reg48's annex was not retrieved). The
// rate is the ceiling of the version in force on the exam's last sitting, or the body's lower fee for a
// vocational graduate's exam; one line per candidate who took the exam, paid from the state budget
// through the school for a state-funded study place and invoiced to the school at the same rate
// otherwise. Amounts are github.com/shopspring/decimal (exact decimal arithmetic, the SDK's money
// type). Rounding: the rate is rounded once to whole cents, a half up — the euro's rule (Council
// Regulation (EC) No 1103/97, Article 5), as the sources on the compensation say nothing of rounding
// and a half-up cent is what an Estonian accountant expects (banker's rounding is not used in euro
// invoicing). Every line is then a whole-cent rate, so the lines add up to the totals exactly with no
// rounding after. [StatementPDF] prints the statement.
//
// # Choices where the sources are silent
//
//   - The exam is held under the standard's version in force when it is created; a curriculum linked
//     to an older version is not refused, and the explanation says which version applies.
//   - Registering and sending are two steps (seed 000: "registreerib eksami ja saadab kutse andjale"):
//     a registered exam's candidates are fixed and their certificates assembled from the school's data
//     of that day; the body may return a sent exam to the school, which makes it a draft again.
//   - Times and places: a proposal stands only when the other side accepts it; a new one supersedes an
//     open one; after the first agreed sitting's day nothing changes. Results are entered from the
//     first agreed day and may be corrected until the assessment is closed.
//   - A candidate passes when they came and passed every unit they are assessed in: each mandatory
//     competence or module and each elective they chose. The certificate lists the electives passed
//     ("Valitud kompetentsid", CERT-01).
//   - The assessment committee has at least three members by default: Kutseseadus § 19 (3) was read
//     only as "koosneb vähemalt ko…" (research/kutseseadus.md § 5, UNCONFIRMED); hosts set
//     Config.MinAssessors.
//   - A committee's decision that differs from the assessment needs a reason (Kutseseadus § 18 (2)
//     p 6); an absent candidate is never awarded. Where the register lists the body's qualification
//     committees, the protocol's committee is one of them, its chair (or vice-chair) chairs and signs
//     (Reg74 § 6), and those present are its members.
//   - The certificates are kutsetunnistused of the awarding body, issued and valid from the day the
//     protocol is signed (in Europe/Tallinn) for the protocol's validity in months (0: no end); the
//     title is the candidate's specialisation where they have one, as the register's entries show it.
//   - Signing requests come from the awarding body (or the registrar); partners (APP-04) do not act on
//     exams. The signature is ECDSA or RSA PKCS #1 v1.5 over the SHA-256 digest, or Ed25519 over the
//     digest's bytes; the canonical form is JSON with a format name ([ProtocolFormat]), so a later form
//     can be told apart.
//   - Cancelled exams leave the calendar; the school may cancel before results are entered, the
//     registrar before the protocol is signed.
//
// # Performance
//
// Measured with `go test -bench Sign1000 -cpu 1 -count 5` on the project's machine (AMD EPYC, 2
// cores, 24 GiB, Go 1.26.8; PostgreSQL 15 on the same machine) while other helpers' builds and tests
// were running (load average 4–6), medians with the range: signing a protocol of 1,000 candidates,
// all awarded — the signature, the statement and the 1,000 certificates with their events in one
// commit — takes 22.6 ms (21.5–27.0) on memstore (target ≤ 50 ms) and 183 ms (170–217) on pgstore
// (store/pgstore's BenchmarkSign1000; target ≤ 500 ms). On memstore most of it is
// certificate.Registry.PrepareBatch's validation (go-playground/validator) and copying the exam in and
// out; on pgstore about a quarter is the batch itself (four statements however many certificates: the
// idempotency keys looked up, k numbers taken in one INSERT … ON CONFLICT DO UPDATE … RETURNING, the
// taken ones checked, the certificates and their events inserted from arrays with unnest; 45 ms for
// 1,000) and the rest reading and writing the exam's 1,000 candidates as JSON. See
// docs/performance.md.
package vocational
