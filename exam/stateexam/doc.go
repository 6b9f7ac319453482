// Package stateexam implements what a state-exam certificate (riigieksamitunnistus) shows, subject by
// subject, and what the digital stamp needs to seal it (RULES.md SCH-10, SCH-11; VV määrus nr 113,
// RT I 2010, 58, 391, § 13–15 as in force 13.07.2014–30.04.2015, seed 002).
//
// # Content (SCH-10)
//
// A [Certificate] holds the holder (name, and personal code or birth date), the subjects with their
// exam days (the time of the exams), the results, the mark "individuaalse õppekava alusel", the
// explanation of the compulsory exams in Estonian and English, the issue date and the number. What a
// subject shows depends on its kind (§ 14 (3)–(6)):
//
//   - Estonian (and Estonian as a second language, and any other subject): the maximum points and
//     the result in points;
//   - English: each skill's weight in percent (they sum to 100), the holder's percentage per skill,
//     the level reached — B1, B2 or the mark that neither was — and the level's description word
//     for word ([DescriptionB1], [DescriptionB2]);
//   - mathematics: narrow or broad, its maximum points, the maximum of the part common to both, the
//     result and the result in the common part; the German Abitur mathematics exam of the German
//     section of Tallinna Saksa Gümnaasium counts as broad and shows no common-part figures.
//
// [Certificate.Validate] refuses an impossible certificate, naming every field that is wrong: a
// result above its maximum, weights not summing to 100, a common-part result above its maximum or
// above the exam's result, a level that does not follow from the result, figures of another kind.
//
// # English levels
//
// [EnglishLevel] computes the result as the skills' percentages weighted by their weights and
// reaches B2 from 75 %, B1 from 50 %, neither below or when a skill is at 0 %. § 14 (4) 3) requires
// the level on the certificate but sets no figure; the act that sets them was not found, and the
// figures are those press reports gave for the 2017 and 2018 exams (research/domain-rules.md § 5.8),
// so they are cited as such, UNCONFIRMED. They are dated, host-overridable data
// ([DefaultThresholds], a law.Versions[Thresholds]: version "02.05.2014", applied from 02.05.2014,
// when § 14 (4) took effect, RT I, 29.04.2014, 1, by the SDK's assumption); the exam day picks the
// version (GEN-04).
//
// # Versions (GEN-04)
//
// What the certificate shows subject by subject, § 14 (2) 3²) and (3)–(6), took its wording on
// 02.05.2014 (RT I, 29.04.2014, 1); the SDK knows it until 30.04.2015, the end of the text of seed
// 002. [DefaultContent] holds that one version ("02.05.2014"), and [Certificate.Validate] checks a
// certificate under the version in force on its issue date ([Rules].Content): one issued on another
// day is refused with an error wrapping law.ErrNoVersion, never checked under a text that did not
// apply or that the SDK has not seen. A host that has read a later text adds its version
// (Config.Content). The rest of regulation nr 113 (who issues, § 4 (1); delivery, § 15) follows
// package vv113, whose text the SDK knows from 13.07.2014: [DeliveryOf] and certificate.Registry
// (which [Service] issues through) refuse an earlier or later issue date unless the host adds a
// version there, so a certificate dated 02.05.2014–12.07.2014 validates but is issued in the register
// only under a host's vv113 version.
//
// # Sealing and delivery (SCH-11)
//
// Sealing belongs to package stamp: [SealFiles] gives it the files to seal with the issuing
// institution's seal (asice.Create): Riigieksamitunnistus.txt, the certificate in Estonian as text
// ([Certificate.Text], deterministic bytes), and Riigieksamitunnistus.json, its content as
// structured data. [DeliveryOf] says how the certificate reaches its holder: in the state portal, or
// in a form that can be reproduced in writing for a holder without an Estonian personal code.
//
// # Service and storage
//
// A state-exam certificate is a certificate of kind certificate.StateExam in the certificate
// register; its subjects and explanation are in Extra[ExtraKey] as JSON ([Certificate.Record],
// [FromRecord]). The package therefore needs no store of its own: [Service] issues and reads through
// certificate.Registry, which checks the actor (the issuing exam centre or the registrar issues; the
// holder, the issuer and the registrar read), keeps the clock, numbers the certificate ("R" and six
// digits by default), writes the holder's notice in the same commit and makes a retry with the same
// key return the first certificate.
//
// # Choices where the sources are silent
//
//   - The time of the exams (§ 14 (2) 2)) is the subjects' exam days, shown as the first and the
//     last ("05.05.2014–19.05.2014").
//   - The words of the mark that neither level was reached are "Keeleoskustaset B1 ega B2 ei
//     saavutatud." (§ 14 (4) 3) prescribes the mark, not its words).
//   - The English exam shows no points (§ 14 (4) lists weights, percentages and the level); points
//     on it are refused. § 14 (4) 3) requires the level reached or the mark that neither was, so
//     [Certificate.Validate] refuses an English subject whose Level is zero; [Service.Complete]
//     (which [Service.Issue] calls first) computes a zero Level from the result, and a level given
//     must follow from it.
//   - The common part being part of the mathematics exam, its result may not exceed the exam's.
//   - The thresholds' figures come from press reports of the 2017 and 2018 exams; the act that sets
//     them was not found, so the version cites those reports, marked UNCONFIRMED (not § 14 (4) 3),
//     which requires the level and sets no figure), and a host with the act replaces or extends the
//     versions.
//   - A subject of the same kind and name may appear once.
//   - The issue date picks the version of the content (what § 14 (2) 3²), (3)–(6) require); the
//     exam day picks the version of the thresholds; the issue date picks the version of regulation
//     nr 113 for the rest (§ 4 (1) who issues, § 15 delivery: vv113.Statute).
//
// # Performance
//
// Measured with go test -run XXX -bench . -cpu 1 -count 3 on the go-svc machine (AMD EPYC, 2 cores,
// Go 1.26.8): BenchmarkValidateText (validate the three-subject sample, its English level included,
// and render its text) 11.3–12.0 µs/op, 7.6 KB, 137 allocs. Sealing is package stamp's.
package stateexam
