// Package schooldoc implements the data rules of school leaving documents: the basic-school and
// gymnasium leaving certificate (lõputunnistus) and its grade sheet (hinneteleht), under
// Vabariigi Valitsuse määrus nr 113 "Põhikooli ja gümnaasiumi lõputunnistuse, hinnetelehe ja
// riigieksamitunnistuse statuut ja vormid" (RT I 2010, 58, 391; seed 002 §§ 2, 7–12).
//
// The functions are pure: they take the document's data (and the versions of the regulation) and
// neither store nor read anything. Validate reports bad data as an *invalid.Errors (wrapping invalid.ErrInvalid) whose every
// FieldError names the rule in its Reason, e.g. "… (SCH-05)". Lines gives the text as printed, in
// Estonian, with a law.Explanation of the rules applied (GEN-06).
//
// # Versions (GEN-04)
//
// The rules are those of the version of regulation nr 113 in force on the teachers' council's
// decision date (the day the document is decided and drawn up), taken from the vv113.Statute
// Validate and Lines are given (nil: vv113.Default, the text in force 13.07.2014–30.04.2015, seed
// 002). A date no version covers is refused with an error wrapping law.ErrNoVersion: a certificate
// decided in June 2014 or in 2026 needs the host to add the version it has read (vv113.Statute.With);
// the figure the rules read (the council members who sign, five) is the version's. Every step of
// Lines' explanation names the version. The examples and tests decide on 13 June 2014 under a host
// version from 02.05.2014: the seed's amendment markers show that the amendment in force from
// 13.07.2014 changed only § 6, but the SDK does not take that text as known by itself.
//
// # Rules
//
//	SCH-03  number "P"/"G" + six digits   LeavingCertificate.Validate, GradeSheet.Validate (via certificate.ParseNumber)
//	SCH-04  basic-school data, § 8 (2)    LeavingCertificate.Validate, LeavingCertificate.Lines, Curriculum.Phrase
//	SCH-05  gymnasium data, § 8 (3)       LeavingCertificate.Validate, LeavingCertificate.Lines, Medal.Word
//	SCH-06  drawn up in Estonian          LeavingCertificate.Validate, GradeSheet.Validate (Language)
//	SCH-07  confirmation and handover     LeavingCertificate.Validate (Signatories, Handover)
//	SCH-08  grade sheet data, § 11 (4)    GradeSheet.Validate, GradeSheet.Lines, Grade.Word, ParseGradeWord
//	SCH-09  grade sheet confirmation      GradeSheet.Validate (Signatories)
//	GEN-02  decision date in words        Lines of both, through calendar.Date.LongEt ("13. juunil 2014")
//
// # Choices where the sources are silent
//
//   - Grade words. Seed 002 asks for grades "in digits and words" but does not list the words; the
//     package takes the five-point scale of the Põhikooli- ja gümnaasiumiseadus § 29 (5):
//     5 "väga hea", 4 "hea", 3 "rahuldav", 2 "puudulik", 1 "nõrk" (check the redaction in Riigi
//     Teataja).
//   - "kiitusega" on a gymnasium certificate. RULES.md SCH-05 reads "as SCH-04 without the simplified
//     phrases", which would keep "kiitusega"; § 8 (3) of the seed does not list it, and a gymnasium
//     graduate gets a medal instead. The package follows the seed and refuses WithPraise on a
//     gymnasium certificate.
//   - The printed layout. The forms (annexes 1–3) are not in the sources: Lines gives one item per
//     line in the order of § 8 and § 11 (4), the labels of § 8 (1) ("on lõpetanud", "õppenõukogu
//     otsusega nr", "direktor", "õppenõukogu sekretär", "õppenõukogu liikmed") and labels of the
//     SDK's own for the grade sheet. Signatures and the seal are on paper: names are not printed.
//   - A birth date (for a holder with no personal code) is printed "sünniaeg 13.03.1994": GEN-02's
//     wording is prescribed only for the council decision date.
//   - Names are not inflected: the school, study direction and location are given as printed (the
//     school and direction in the genitive).
//   - Language "" counts as "et", the only language allowed (SCH-06).
//   - The "koolieksam" mark is accepted only on a basic-school sheet of the national curriculum
//     (§ 11 (4) 14)), "individuaalne õppekava" and the number of courses only on a gymnasium sheet,
//     and the creative work of basic school has a topic and no grade (§ 11 (4) 11)–12)).
//   - The EKR and EQF levels are checked to be 1–8 only; which level each curriculum has is not in
//     seed 002.
package schooldoc
