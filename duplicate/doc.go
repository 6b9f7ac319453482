// Package duplicate implements duplicates, re-issues and exchanges of certificates: the duplicate of
// a basic-school or gymnasium leaving certificate (lõputunnistus) or a grade sheet (hinneteleht), the
// new electronic state-exam certificate (riigieksamitunnistus) in place of a wrong or a paper one, and
// the duplicate of an occupational qualification certificate (kutsetunnistus). For each it says on
// what grounds one may be asked for and with what attached, who decides and how the request gets
// there, by when, what happens to the original, who pays, on what grounds it is refused, and how the
// duplicate is drawn up; and it runs the case from the request to the hand-over.
//
// The sources are VV määrus 13.08.2010 nr 113 (RT I 2010, 58, 391; seed 002 §§ 15–20, the text in
// force 13.07.2014–30.04.2015, applied only on the days a version covers: see Versions below) for
// school documents (RULES.md SCH-12..24), and for occupational
// certificates HTM määrus 19.12.2008 nr 74 "Kutsetunnistuse statuut ja vorm" (RTL 2009, 2, 32; the
// 2016 wording, §§ 7–10), the register's self-service (seed 000; cited by its name, "Kutseregistri
// iseteenindus (Kutsekoda)") and its X-Road schema
// (kutsetunnistuseDuplikaatParing; CERT-07).
//
// # Pure decisions
//
// Each takes facts and dates and returns its result with a [law.Explanation] naming the rules and
// provisions applied; none reads a clock or a store:
//
//   - [Grounds], [ProcedureFor]: the grounds a document kind has on a day, and the [Procedure] a
//     request follows; [Attachments]: what must be attached; [ValidateRequest]: everything a request
//     must contain, each problem a *[RequestError] naming its rule.
//   - [FindRoute]: who decides and how the request gets there, step by step, reading the host's
//     school [Registry] (an interface; [MemRegistry] is an in-memory one).
//   - [DecisionDeadline], [NoticeDeadline]: the deadlines, computed by package deadline on the
//     Estonian calendar (GEN-03); [Track]: where a case's deadlines stand on a date.
//   - [OriginalFate]: whether the original is invalidated, destroyed, and its invalidation published;
//     [InvalidationNotice]: the notice's text for Ametlikud Teadaanded, in Estonian.
//   - [CostOf]: who pays and how much ([decimal.Decimal]), from the issuer's [FeeSchedule].
//   - [Refuse], [RefusalGrounds]: the refusal and the day by which it must be made known.
//   - [DuplicateForm], [NewDuplicate], [Mark]: the duplicate's form and its certificate record.
//   - [GraduationCertificate]: the certificate of graduation (tõend) with its seven items.
//
// # Versions of regulation nr 113 (GEN-04)
//
// Every decision of the school and state-exam procedures (SCH-12..24) applies regulation nr 113 in
// the version in force on the day that matters, taken from a vv113.Statute: the first parameter of
// each function above (nil means vv113.Default) and Config.Statute for the [Service]. The day is
// the request's for its grounds, attachments, route and cost, the day of receipt for the decision's
// deadline, the decision's for the original's fate, the notice and a refusal, the issue date for the
// duplicate's form and the certificate of graduation. Every step that cites the regulation names the
// version ("RT I 2010, 58, 391 § 18 lg 1, redaktsioon 13.07.2014"); the figures (two weeks, thirty
// days, five working days) are the version's (vv113.Rules). The SDK knows only the text in force
// 13.07.2014–30.04.2015 (seed 002): a decision on an earlier or later day is refused with an error
// wrapping law.ErrNoVersion (a *RuleError, which is law.RuleError and wraps law.ErrRefused too, or a
// *RequestError when the day is not a real date),
// never taken under a text the SDK has not seen. A host that works with later dates adds the
// version it has read with vv113.Statute.With. Occupational duplicates follow Reg74 and the
// self-service, versioned on their own (the grounds), and need no version of regulation nr 113.
//
// # The case service
//
// [Service] takes a [Store], a clock and a [Registry] ([Config]), and the acting [actor.Actor] on
// every call. [Service.Open] validates and routes a request; [Service.Receive] records that whoever
// decides received it (the decision period starts; a request submitted straight to them is received
// when opened); [Service.Confirm] records a closed school's confirmation of graduation;
// [Service.Grant] decides and issues the duplicate, and [Service.Refuse] refuses;
// [Service.Certify] issues a certificate of graduation instead; [Service.MarkNotified] and
// [Service.HandOver] record the notice and the hand-over; [Service.Get] and [Service.List] give cases
// with their deadlines met, due, pending or missed on a date. Every step raises its events (to the
// applicant, to a forwarding government, to whoever decides, publishes or destroys) in the same
// commit as the change.
//
// Granting is one store call, [Store.IssueDuplicate]: the case, the original (replaced by the
// duplicate where the rule invalidates it) and the new duplicate certificate, linked to each other,
// are written together with their events, each version-checked, or nothing is written. A refused
// case never touches the original; a grant whose commit fails leaves the original, the case and the
// outbox as they were. memstore and pgstore implement [Store]; storetest checks any implementation.
//
// # Who may act
//
//   - Open: the applicant (an owner whose personal code is the one on the original, or the new one),
//     an organisation on the route registering a paper request, the registrar; an awarding body for
//     an error in its own data (X-Road reason 3).
//   - Receive, Confirm, Grant, Refuse, Certify, MarkNotified, HandOver: whoever decides — the school
//     (a reorganised school's successor also as actor.Successor naming that school), the awarding
//     body (not its partner), the exam centre — or the registrar, who also acts for Kutsekoda and
//     for local governments (package actor has no role for a government). Granting a school
//     duplicate invalidates the original (§ 18 (1)), which is the decider's to do: § 17–18 give it to
//     the school the request is routed to, so the minister (§ 5 (2)) decides no duplicate case, nor
//     does a qualification committee or sectoral council (Reg74 § 8 (1) gives an occupational
//     duplicate to the awarding body). [MemRegistry] also tells certificate.Registry who answers
//     for a school's documents (certificate.Schools).
//   - Get, List: the applicant, the organisations on the route (a successor as well), the registrar;
//     a qualification committee, a sectoral council and the minister list none.
//
// # Rules and where they are implemented
//
//   - SCH-12 (§ 15 (3)): [Grounds], [ProcedureFor] ([StateExamCorrection]), [OriginalFate], [NewDuplicate].
//   - SCH-13 (§ 15 (4)): [Grounds], [ProcedureFor] ([StateExamLegalised]), [OriginalFate].
//   - SCH-14 (§ 16): [Grounds], [Attachments], [ValidateRequest], [DecisionDeadline], [NoticeDeadline],
//     [OriginalFate], [InvalidationNotice], [Refuse], [FindRoute].
//   - SCH-15 (§ 17 (1)): [Grounds], [ProcedureFor], [Procedure.Point].
//   - SCH-16 (§ 17 (2)): [ValidateRequest], [FindRoute], [Service.Open].
//   - SCH-17 (§ 17 (3)–(4)): [FindRoute], [Service.Confirm], [Service.Grant].
//   - SCH-18 (§ 17 (5)): [Attachments], [OriginalFate].
//   - SCH-19 (§ 18 (1)–(3)): [DecisionDeadline], [OriginalFate], [InvalidationNotice], [Service.Grant].
//   - SCH-20 (§ 18 (4)): [CostOf].
//   - SCH-21 (§ 18 (5)–(6)): [Service.HandOver].
//   - SCH-22 (§ 18 (7)–(8)): [GraduationCertificate], [Service.Certify].
//   - SCH-23 (§ 19): [Refuse], [NoticeDeadline], [Service.Refuse].
//   - SCH-24 (§ 20): [DuplicateForm], [Mark], [NewDuplicate].
//   - CERT-07 (Reg74 §§ 7–10, the self-service, X-Road): [Grounds] (versioned, GEN-04),
//     [GroundFromXRoad], [Attachments], [FindRoute], [DecisionDeadline], [NoticeDeadline],
//     [OriginalFate], [CostOf], [Refuse], [DuplicateForm], [NewDuplicate].
//   - GEN-03: every deadline, through package deadline.
//
// # Choices where the sources are silent
//
//   - CERT-07, 2016 statute and 2025 self-service. The grounds are kept as versions (GEN-04): Reg74's
//     four until 08.07.2016; with ground 5, a new personal code, from 09.07.2016; with a change of
//     name from 01.04.2025, the day the SDK takes for the self-service's start ("04.2025"). The later
//     source stands for requests from that day: a change of name alone is then a ground (it was not
//     under Reg74, § 7 (1)). For a change of name no original is attached (the register takes names
//     from the population register) and the duplicate carries the new name and the old code.
//   - The register's X-Road reasons map to grounds: 1 lost → [Lost], 2 unusable → [Illegible] (Reg74
//     points 1 and 2 both go out as 2), 3 the awarding body's data error → [Error]. A case opened by
//     the awarding body itself (Request.ByIssuer) needs no attached original.
//   - What a ground-3 (error) occupational duplicate corrects: only the data the certificate shows
//     (Reg74 § 5 (2)), given as [Corrections] when granting — the holder's name and code or birth
//     date, title, standard, specialisation, competences, exam language, end of validity, and
//     kind-specific Extra data. Its own number and date replace the original's; nothing else is new.
//     Corrections on any other ground are refused ("no new data").
//   - The original of an occupational duplicate is invalidated on every ground (Reg74 § 8 (1) decides
//     "algdokumendi kehtetuks tunnistamise ja duplikaadi väljaandmise"): in the register it is
//     replaced by the duplicate from the duplicate's issue date (certificate status Replaced), and the
//     two stay linked (Replaced.By, DuplicateOf). Reg74 neither destroys it nor publishes the
//     invalidation. An invalid or expired original is not duplicated: Grant is refused and the
//     request must be refused on Reg74 § 8 (2) p 4.
//   - Cost. A school duplicate's follows the ground (§ 18 (4): the issuer pays for an error). An
//     occupational duplicate's follows fault, not the ground (Reg74 § 10 (5): the issuer pays when
//     the ground arose through its or Kutsekoda's fault): at Open the applicant pays, unless the
//     awarding body itself asks for an error in its data (Request.ByIssuer, X-Road reason 3), which
//     is its fault; whoever decides may establish the fault when granting (GrantInput.IssuerFault),
//     and the case's cost is then recomputed in the same commit. The state-exam procedures set no
//     cost: the SDK applies § 18 (4) by analogy (the exam centre's schedule is usually zero). No fee
//     in the schedule means zero.
//   - The time of the exam of an exchange (§ 16 (2): "eksami sooritamise aeg") is a day,
//     Request.ExamTime: the exam day or the first day of its session, as the applicant states it; a
//     school duplicate states the year of graduation (Request.Year, § 17 (2)) instead. The
//     PostgreSQL store keeps both in the integer column year of migration 0003 (a year, or the date
//     as YYYYMMDD), since a request states only one; a later migration may give the exam time a
//     column of its own.
//   - § 15 (3)–(4) set no deadline and no refusal grounds: the SDK applies § 16 (4), (6), (7) by
//     analogy (30 days; the same three refusal grounds; five working days' notice). Under § 15 (3)
//     the wrong electronic certificate is replaced by the new one (nothing destroyed or published);
//     under § 15 (4) the paper original stays valid and with its owner (nothing attached).
//   - Receipt: the decision period runs from the day whoever decides receives the request (§ 18 (1):
//     "taotluse saaja … taotluse saamise päevast"), so for a forwarded request from the day it
//     arrives; forwarding and obtaining the confirmation of graduation do not extend it.
//   - Routing: a successor that was itself reorganised is followed; a closed successor is routed as a
//     closed school from its own location. Of several schools of the level, the first the registry
//     lists is taken (the host orders them). The confirmation of graduation comes from the archive
//     the registry names for a closed school, otherwise from the government of its location. An
//     occupational certificate goes to Kutsekoda when the [BodyRegistry] says its awarding body no
//     longer exists; without a BodyRegistry every body is taken to exist.
//   - Grant decides and issues on the same day: the decision (§ 18 (1)) and the issue are one commit,
//     so a decision can never stand without its duplicate or the other way round.
//   - The original must be in the store before granting: a lost document's number may be unknown at
//     the request and is given when granting (the school finds it in its pupils' register); a
//     document the store does not hold is imported first (certificate.Registry.Issue with its number)
//     or the request is refused for lack of records.
//   - The duplicate's record: its own number (the blank's, or allocated from the kind's series), its
//     own issue date, and the original's validity, first and last day: it carries the original's
//     text and no new data (§ 20 (2), Reg74 § 9 (2)), so it neither starts the validity anew nor
//     extends it. It stands from its issue date (before it, the original stood: the duplicate's
//     status is "not yet valid" then, certificate.Certificate.StatusOn); IssuerCode of whoever
//     issued it and, as Issuer, the name on the
//     original: for a school its name at graduation from the registry's name history (§ 20 (3)).
//     Where only the year of graduation is known, 30 June of that year stands for the day. A grade
//     sheet's mark reads "Hinnetelehe nr <number> duplikaat" (§ 20 (2) writes only the leaving
//     certificate's wording); a duplicate of a duplicate carries the first original's number.
//   - The invalidation of a school document is published by the school that decided, as part of
//     issuing; § 18 (3) says nothing of its cost, so the SDK names no payer (Fate.PublishedAtCostOf
//     is zero and the publish event carries no "cost"). An exchange's is at the issuing
//     institution's cost (§ 16 (5)). The notice names the holder and the document, not the
//     personal code.
//   - Notice deadlines: a refusal within five working days everywhere; an exchange's grant too
//     (§ 16 (4)). Granting a school or occupational duplicate has none: the decision is written and
//     the duplicate handed over against signature, which also counts as making it known.
//   - An electronic state-exam certificate is done when issued (it is in the state portal, § 15 (2));
//     other duplicates are done when handed over: a school's against signature and with its entry in
//     the pupils' register (no post), an occupational one against signature or by registered mail.
//   - A certificate of graduation (SCH-22) ends the case; the original is not touched.
//   - Identity: the SDK checks that the applicant's code is the one on the original and that an
//     owner acts under it (or, for ground 5, under the new code); it does not check a new personal
//     code or name against the population register: the host does that, or whoever decides refuses
//     for false data.
//   - The written decision's reference (GrantInput.Decision, RefuseInput.Decision) is recorded and
//     printed in the notice where given; a refusal needs its reason in writing (§ 19 (2), Reg74
//     § 8 (3)).
package duplicate
