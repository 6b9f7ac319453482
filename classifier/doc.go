// Package classifier implements the code tables of the occupational qualification system that every
// certificate refers to (CERT-03): the levels of the Estonian and European qualifications frameworks
// ([Level]), the levels of the old five-level system ([OldLevel]), the certificate types of the
// register ([CertificateType]), and the reading of a qualification's title into its name and level
// ([ParseTitle]).
//
// # Levels
//
// The Estonian qualifications framework (Eesti kvalifikatsiooniraamistik, EKR; EstQF in English) and
// the European Qualifications Framework (EQF) have eight levels each. The EKR's level descriptors are
// the EQF's, so EKR level n is EQF level n, and one type, [Level], serves both; a certificate keeps
// the two as separate fields of that type, as the register does (ekrtase, eqftase). A Level holds 1–8
// or is unset (the zero value): [LevelOf], [ParseLevel] and [MustLevel] refuse anything else.
// [ParseLevel] reads "5", "tase 5", "EKR 5", "EQF level 5", "EstQF Level 5".
//
// # Old levels and titles
//
// Before the EKR (2008), the Kutseseadus of 2001 had five levels, I the lowest and V the highest,
// written after the title: "Kokk II", "Diplomeeritud ehitusinsener V". Current titles end in the EKR
// level: "Sõiduautodiagnostik, tase 5", sometimes followed by "esmane kutse". [ParseTitle] reads both
// forms; [OldLevelOf] returns the old level of an old title.
//
// An old level does not determine an EKR level. The move to eight levels was made profession by
// profession, by a Kutsekoda directive per standard, and engineers' IV and V both became 7 while trades
// went I→3, II→4, III→5. So the SDK ships no table and no formula: the host supplies its table as an
// [OldLevelMap], and a title not in it is an error ([ErrNoMapping]).
//
// # Certificate types
//
// The register's X-Road schema codes the type of a certificate as 1 kutsetunnistus (occupational
// qualification certificate), 2 osakutsetunnistus (partial), 3 esmane kutse (initial qualification).
// [ParseCertificateType] reads the code, [ParseCertificateTypeName] the Estonian name the older
// record carries as free text; [CertificateType.Name] gives the name in Estonian or English (GEN-05).
//
// # Errors
//
// Parsers return a *[FieldError] naming the field, the input and the reason, wrapping [ErrSyntax] or
// [ErrRange], which wrap invalid.ErrInvalid (the bad-input error every package of the SDK shares);
// [OldLevelMap.Check] reports each bad entry the same way. [OldLevelMap.Lookup] returns a
// *[NoMappingError] wrapping [ErrNoMapping], which is not bad input (the title is well formed; the
// host's map lacks it) and does not wrap invalid.ErrInvalid. Match them with errors.Is and
// errors.AsType, never by text.
//
// # Sources
//
//   - Kutseseadus 19.12.2000, RT I 2001, 3, 7, § 3 (3): five levels, I lowest, V highest.
//   - Kutseseadus 22.05.2008, RT I 2008, 24, 156, in force 01.09.2008: the eight-level EKR (section not
//     verified here).
//   - EQF: Recommendation of the European Parliament and of the Council of 23 April 2008 (2008/C
//     111/01); Council Recommendation of 22 May 2017 (2017/C 189/03).
//   - Kutseregister X-Road schema, 2018-05-09 (testdata/xroad/kutseregister-2018-05-09.wsdl):
//     tunnistuseTyypType, taseType.
//   - Kutsekoda, "Ligi 16 000 tähtajatut kutsetunnistust on saanud Eesti kvalifikatsiooniraamistiku
//     (EKR) taseme": the per-profession move from old levels to the EKR (research §3.3).
//   - Title forms: the Kutsekoda list of standards and the register's standard pages (research §3.4).
//
// # Standard types, committee roles and ISCO codes
//
// [StandardType] codes a standard as the schema's kutsestandardType/tyybid does: 1 kutsestandard,
// 2 osakutse standard, 3 esmase kutse standard, each awarding on the certificate type of the same
// code ([StandardType.CertificateType]). [CommitteeRole] codes a qualification committee member's role
// (1 chair, 2 vice-chair, 3 member). [ISCO] is an occupation of ISCO-08 as the register writes it,
// "3 Tehnikud ja keskastme spetsialistid" ([ParseISCO], [ParseISCOList]).
//
// # Where the rest of the register's data is
//
// The register's records (standards and their versions, competences, awarding bodies, committees,
// sectoral councils, fields and occupations) and the search of qualifications open for application
// are in classifier/register; its open-data feeds are read by classifier/opendata and its X-Road
// service by classifier/xroad. English titles ("Cook, level 4", "Welder, EstQF Level 3") are not read.
package classifier
