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
// # Qualifications open for application (APP-01, APP-02)
//
// [Catalogue] is the service: [Catalogue.Search] lists the qualifications open for application on a
// day, one [Row] per standard and awarding body, filtered by keyword, qualification group, field,
// specialisation, occupation, partial qualification and awarding body, in pages with the total and
// the register's line "Kokku: 63 | Näitan: 1-30" ([Page.Showing], Estonian and English);
// [Catalogue.View] shows one, with the conditions for applying and re-certifying from the standard's
// version in force, the link to the awarding procedure, the body's own information, and whether it
// is open, with the reasons (law.Explanation). A qualification is open on a day when a version of
// its standard is in force and the awarding body's right to award covers the day.
//
// The search is defined here, once, for every store: [Entries] builds a standard's index entries for
// a body, [Match.Matches] decides whether one matches, [CompareEntries] orders them. The keyword and
// the filters compare folded text ([Fold]: decomposed, marks dropped, lower case), so "sokolaadi"
// finds "Šokolaadimeister"; rows are ordered by the Estonian collation keys of golang.org/x/text/collate
// ([SortKey], language.Estonian: š, z, ž after s; õ, ä, ö, ü after w), which stores keep as bytes so
// that PostgreSQL orders them as Go does whatever its locale. memstore scans its sorted index; pgstore
// keeps the entries in a table with a pg_trgm index on the folded text.
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
//   - Filters other than the keyword match whole values (folded); the keyword's words must each occur
//     in the standard's name, group, field, occupation, the qualifications and partial
//     qualifications awarded, or the body's name. Pages hold 30 rows unless asked (1–500).
//   - A view of a day no version covers shows the latest version begun before it, marked not open.
//   - Only the registrar writes the register's data through the Catalogue; an awarding body's own
//     settings are another service's.
//   - Revision, not Version, is the stores' optimistic-concurrency counter here, because a standard
//     has versions of its own.
//
// # Performance
//
// Measured with `go test -bench Search1000 -cpu 1 -count 5` (AMD EPYC, 2 cores shared with other
// work, Go 1.26.8): a search over 1,000 standards (2,000 index entries) on memstore takes 23–80 µs
// for the first page of all, 130–265 µs with a two-word keyword, 37–53 µs with a filter (target
// ≤ 1 ms); see docs/performance.md for pgstore.
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
