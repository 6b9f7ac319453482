// Package register holds the occupational qualifications register's (kutseregister) reference data:
// occupational standards with their versions ([Standard], [StandardVersion]), their competences
// ([Competence], per certificate type in a [CompetenceSet]), specialisations and partial
// qualifications ([Ref]), awarding bodies with the qualifications they award, their committees and exam
// languages ([AwardingBody], [Award], [Committee]), sectoral councils ([Council]) and the qualification
// system's classifier of fields and occupations ([Classifier]).
//
// # Why a package of its own
//
// Package classifier stays the small leaf of code values that every certificate carries (levels,
// certificate and standard types, committee roles, ISCO codes) and that certificate imports; the
// records here have identity, versions and a store, and read as the register's own:
// register.Standard, register.AwardingBody. The open-data feeds (classifier/opendata) and the X-Road
// service (classifier/xroad) are read into these types.
//
// # Standards and their versions (GEN-04)
//
// Each version of a standard has an id of its own and names the version it replaced (the schema's
// eelmineversioon); [Chain] links versions into standards. A standard is identified by the id of its
// first version. [Standard.InForce] picks the version in force on a date through law.Versions, with
// the explanation step that names it, and refuses a date no version covers; [Standard.Validate]
// refuses versions whose periods overlap, so the choice is never ambiguous.
//
// # Choices where the sources are silent
//
//   - The schema's grupp ("Kutsestandardi grupp") is read as the qualification group the search
//     filters by ("Kutse grupp", seed 000 slide 4).
//   - Qualifications issued under a standard ("Väljastatavad kutsed") are the standard's own name when
//     it awards the basic qualification (pohikutse) or has no specialisations, then its
//     specialisations: the seed's rows "Keevitaja, tase 3" → "Keevitaja, tase 3" and "Rätsep-stilist,
//     tase 5" → "Meesterätsep, tase 5" read so.
//   - An awarding body's registry code is eight digits; a committee has at most one chair and one
//     vice-chair; a body with no term of its right in the register may award on any day.
//   - Revision, not Version, is the stores' optimistic-concurrency counter here, because a standard
//     has versions of its own.
//
// # Errors
//
// Validate methods return an *invalid.Errors naming every wrong field by its Go path (for example
// "Versions[1].InForce.Until"); it wraps invalid.ErrInvalid.
//
// # Sources
//
//   - The register's X-Road service description of 2018-05-09 (testdata/xroad/kutseregister-2018-05-09.wsdl):
//     muutunudKutsestandardType, kutsestandardType, kutseAndjaInfoVastus, kutsekomisjonType,
//     idNimetusType.
//   - testdata/kutseregister/STRUCTURE.md: the standard's page, the competences extract, identifiers.
//   - Kutseseadus (RT I 2008, 24, 156) § 10 (1), § 16, § 18 (1); Reg64 § 1 (2); KRPM § 9
//     (research/kutseseadus.md § 5, § 6).
//   - Seed 000 slide 4: the search of qualifications open for application and a qualification's view.
package register
