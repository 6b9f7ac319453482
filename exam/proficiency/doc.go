// Package proficiency implements the Estonian language proficiency exams (eesti keele tasemeeksam,
// RULES.md LNG-01..21): the rules as versions by date, sessions and exam groups, registration
// (written or online) with its deadline, the one-exam-at-a-time rule, the wait before a retake and
// the 65+ citizenship applicant's arrangement, special needs, admission, grading, the result's
// deadline, keeping the exam works, and the proficiency certificate of a pass.
//
// Rules are methods of [Rulebook], pure functions of facts and a date that return a value and its
// law.Explanation (GEN-06). [Service] applies them for the exam centre and the people who sit the
// exams, on a [Store], and issues certificates through the certificate register
// (certificate.Registry).
//
// # Versions (GEN-04)
//
// The rules changed on 01.07.2011, and the organiser on 01.08.2020. [Default] holds the three
// versions; each decision picks the version in force on the date that matters and names it in its
// explanation's first step.
//
//	version     in force                 source                                              citation
//	01.10.2010  01.10.2010–30.06.2011    HTM määrus 30.11.2007 nr 73 as then in force (004)  RTL 2007, 94, 1563 (§ by rule)
//	01.07.2011  01.07.2011–31.07.2020    HTM määrus 13.06.2011 nr 24; SA Innove's page (003) RT I, 16.06.2011, 6 (§ 3 only); the page
//	01.08.2020  from 01.08.2020          nr 24 as amended, § 3 (4): Harno organises          RT I, 16.06.2011, 6 § 3 lg 4 (LNG-01)
//
// What changed on 01.07.2011: the retake wait (three months after failing or being absent → six
// months after an absence without good reason or a result below 35 %, none after a cancellation at
// least 7 days before the exam, a good reason shown by an explanation filed within 30 days), the
// organiser (REKK → SA Innove) and the 65+ citizenship applicant's arrangement (003 only). On
// 01.08.2020 Haridus- ja Noorteamet (Harno) took over SA Innove's (and the Archimedes foundation's)
// tasks, and regulation nr 24 § 3 (4) names it the organiser in the wording in force from that day
// (research/domain-rules.md § 5.1, § 5.7). The Riigi Teataja reference of the amending act of
// 13.07.2020 was not found, so the version cites nr 24 itself; that the amendment changed nothing
// else the SDK encodes is UNCONFIRMED, and so is the content of the amendment in force from
// 06.11.2023: the version "01.08.2020" has no end, and a host that has read the later text adds its
// version with [Rulebook.With], which closes the open version the day before; nothing in the SDK
// changes. The date that matters is the exam day, for a retake wait the day of the earlier exam that
// started it. A date before 01.10.2010 has no version and is refused (law.ErrNoVersion).
//
// # Rules and functions
//
//	LNG-01 organiser as data            Rulebook.Organiser; Rules.Organiser
//	LNG-02 four skills, one part each   Skill, Points; Rulebook.CheckSession
//	LNG-03 levels A2, B1, B2, C1        Level, ParseLevel; Rulebook.CheckSession, Rulebook.Decide
//	LNG-04 B2/C1 oral work-related      Session.WorkRelatedOral; Rulebook.CheckSession
//	LNG-05 written or online, documents Application, Documents; Rulebook.Decide
//	LNG-06 special needs                SpecialNeeds, Accommodation; Rulebook.CheckSpecialNeeds; Sheet.Exempted
//	LNG-07 one exam at a time           Rulebook.Decide; Store (enforced by the store)
//	LNG-08 retake wait                  Rulebook.RetakeWait, Rulebook.ExplanationDue, Rulebook.Decide
//	LNG-09 registration closes          Rulebook.RegistrationCloses, Rulebook.Decide
//	LNG-10 notice 30 days before        Rulebook.NoticeDue; Service.RecordNotice
//	LNG-11 once a quarter, same time    Rulebook.CheckSchedule
//	LNG-12 groups of at most 22         Rulebook.AssignGroups; Service.Groups
//	LNG-13 examiners                    Examiner; Rulebook.CheckSession
//	LNG-14 admission on an ID document  IdentityDocument; Rulebook.Admit
//	LNG-15 outside help, disturbance    Conduct; Rulebook.Grade
//	LNG-16 60 % and no skill at 0       Rulebook.Grade, Rulebook.ExplainGrade
//	LNG-17 outside help in marking      Conduct; Rulebook.Grade
//	LNG-18 result in 30 days; certificate Rulebook.ResultDue, Rulebook.DeliveryOf; Service.RecordResult, Service.IssueCertificate
//	LNG-19 works kept five years        Rulebook.KeepWorks
//	LNG-20 six hours of consultations   Rulebook.Decide (Decision.ConsultationHours)
//	LNG-21 65+ citizenship applicant    Application.Senior, Person.AgeOn; Rulebook.Decide; Sheet.Taken
//
// Deadlines are counted by package deadline (GEN-03): the result's 30 days and the explanation's
// 30 days are due dates of acts (moved off a day off); the retake wait, the five years and the
// notice's 30 days counted back from the exam are periods that must pass, so only their counting
// steps are used.
//
// # Service and storage
//
// The exam centre (actor.ExamCentre acting for Session.Organiser) creates sessions, enters written
// applications, records notices, absences, explanations, special-needs decisions and results; a
// person (actor.Owner with their personal code) registers online, cancels and asks for special
// needs; the registrar may do all. A refusal by a rule is a [*Refusal] naming the rule, its
// provision and version and, for a registration, the first date the person may register again
// (RegisterFrom) and the first exam day they may register for (ExamFrom); it wraps law.ErrRefused and
// converts with errors.As to the SDK's one refusal type, *law.RuleError. A refused call writes
// nothing. Every change is stored with its outbox events in one commit; the store enforces one
// active registration per person however many callers race (memstore under its lock, pgstore with a
// partial unique index). A pass issues the certificate (certificate.Proficiency) through the
// register under the idempotency key "proficiency/<id>": a retry never issues twice.
//
// # Choices where the sources are silent
//
//   - Registration closes on the 1st of the month before the exam's month (003) under both
//     versions: 004 sets no closing day, and 003 describes the exam centre's procedure. An
//     application on the 1st is in time.
//   - Online registration needs an Estonian personal code: the state portal is entered with an ID
//     card or an online bank (003). A person without one registers in writing.
//   - A registration is active, and blocks another (LNG-07), from registering until its outcome is
//     recorded: cancelled, absent or graded. The first date to register again is the day after its
//     exam, when the outcome can first be recorded (or at once, after cancelling).
//   - The retake wait is a period of months counted from the exam day (TsÜS § 135 (1), § 136 (3));
//     "not earlier than six months after the exam" lets the person sit from the day after it ends:
//     absent on 15.09.2011, wait until 15.03.2012, sit from 16.03.2012. It is not moved off a day
//     off (§ 136 (8) moves due dates of acts).
//   - Under 004 every absence and every result that did not pass starts the wait; a registration
//     cancelled at least the day before the exam is not an absence (004 does not mention
//     cancelling); one cancelled on the exam day is. 004 has no explanation of an absence.
//   - From 01.07.2011 a cancellation counts when the exam is at least 7 days later
//     (exam − cancellation ≥ 7: cancelled on 08.09 for 15.09). A later one counts as an absence,
//     which a good reason may still excuse.
//   - "Absent with good reason" needs an explanation with evidence (tõend) that reached the exam
//     centre by the 30-day due date (moved off a day off: for 15.09.2011, 17.10.2011), and the
//     centre's acceptance of the reason ([Absence]). An explanation not yet filed counts as none.
//   - A result under 35 % is judged exactly (total × 100 < 35 × maximum, no rounding) against the
//     maximum the person could reach: the parts taken, less the exempted tasks. A person removed
//     (LNG-15) or whose outside help is found in marking (LNG-17) scores 0, so is below 35 %.
//     Under the 2011 rules a result from 35 % up that did not pass starts no wait.
//   - LNG-17's "the work scores 0" takes the whole exam work, all four parts, to 0.
//   - Pass (LNG-16): total × 100 ≥ 60 × maximum, exactly. A part whose every task is exempt has no
//     maximum and is not held to the 0-point rule. Percentages are shown truncated to two decimals,
//     so a failing 59.995 % shows as 59.99 %, never as 60 %.
//   - The 65+ arrangement (LNG-21) applies when asked for, to an applicant for Estonian
//     citizenship whose age on the exam day, from the personal code or else the birth date, is at
//     least 65 (isikukood.Code.AgeOn's rule: a year older from the start of each birthday, one born
//     on 29 February on 28 February in a common year). The level must be B1; the person takes
//     listening, reading and speaking, and writing leaves the maximum. The 2010 version has no such
//     arrangement (it is in 003 only).
//   - The notice (LNG-10) is due 30 days before the exam (for 15.09.2011, 16.08.2011), not moved. A
//     late notice, or a result recorded after its due date (LNG-18), is recorded all the same, with a
//     note in the explanation: the act happened.
//   - The certificate is issued on the day the result is recorded, by the session's exam centre,
//     titled "Eesti keele B1-tase", valid for life; Extra holds the level, exam day, session,
//     registration, delivery ("portal", or "written" for a person without an Estonian personal
//     code), total and maximum.
//   - LNG-11 is checked per level: every level the version examines is held at least once in each
//     quarter (the version in force on the quarter's first day), and the sessions of one level on
//     one day start at one time. A session is held at one time in all its centres by construction.
//   - LNG-12 groups are formed per exam centre in registration order, as few as the limit allows,
//     sizes differing by at most one; people the expert committee gave another time and place are
//     seated separately.
//   - LNG-13: every examiner names the minister's approval; at least one is a philologist.
//   - LNG-14: the documents of [DocumentKind], valid on the exam day, identifying the registered
//     person by personal code or, without one, by birth date and name.
//   - LNG-06: an exempted task is given as its maximum points per skill; an exemption from every
//     task is refused (nothing would be left to sit).
//   - A person without a personal code is told apart by birth date and name ([Person.Key]).
//   - Under the 2011 version the rules the sources do not say changed (groups of 22, 60 %, 30 days,
//     five years, six hours, examiners, special needs, admission) keep 004's content and cite
//     regulation nr 24 by the act alone (its sections beyond § 3 were not verified). The organiser
//     is SA Innove as 003 names it until 31.07.2020, Harno from 01.08.2020; when Innove took over
//     from REKK is not in the sources. The rules cited to SA Innove's page (LNG-05, LNG-07..10,
//     LNG-18) keep that citation under the 2020 version: the page is where the sources state them.
//   - An earlier registration whose exam day no version covers is ignored when it is older than the
//     longest wait any version sets; otherwise the decision is refused (never guessed).
//
// # Performance
//
// Measured with go test -run XXX -bench . -cpu 1 -count 3 on the go-svc machine (AMD EPYC, 2 cores,
// Go 1.26.8, linux/amd64):
//
//	BenchmarkGrade100k     30.4–30.8 ms per 100,000 results  80 B, 4 allocs per result  (target ≤ 100 ms on one core)
//	BenchmarkExplainGrade  6.5–6.7 µs/op  3.5 KB  108 allocs  (one result with its Estonian and English explanation)
//	BenchmarkDecide        11.7–12.1 µs/op 17.8 KB 189 allocs  (a registration with an earlier absence)
//
// Grading works in int64 fixed point when every number fits (points with up to 6 decimals and 12
// digits), which is every real exam; otherwise, and for every sheet with an error, in decimals.
// The two are checked against each other by a property test.
package proficiency
