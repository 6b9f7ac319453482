package register

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/law"
)

// Competence is one competence (kompetents) of an occupational standard: what a holder of the
// qualification is able to do, assessed against its performance indicators. The register's X-Road
// schema names a competence by id and name; the competences extract adds its field, its
// qualification group, its EKR level and its performance indicators.
type Competence struct {
	ID   ID
	Name string // e.g. "Mootorsõidukite kõrgepinge jõuseadmete diagnostika ja remont"
	// Elective marks a competence the applicant chooses (valitav kompetents) rather than one every
	// holder has (kohustuslik kompetents); the certificate lists the chosen ones.
	Elective   bool
	EKR        classifier.Level // the competence's level, where the register gives it
	Field      string           // valdkond
	Group      string           // kutse grupp (qualification group)
	Indicators []string         // tegevusnäitajad (performance indicators), in order
}

// CompetenceSet is the competences of a standard for the certificate types they apply to (the
// schema's kutsestandardType/kompetentsid): a standard of several types may have one set per type.
type CompetenceSet struct {
	For         []classifier.CertificateType // tunnistusetyybid: the certificate types the set applies to
	Competences []Competence                 // kompetentsinimekiri
}

// Conditions are what a standard says an applicant must meet (APP-02; seed 000 slide 4: "Kutse
// taotlemise ja taastõendamise tingimused"): to be awarded the qualification and to re-certify it.
type Conditions struct {
	Apply     []string // kutse taotlemisel: conditions for applying, one per item
	Recertify []string // kutse taastõendamisel: conditions for re-certifying, one per item
	Notes     string   // lisainfo (juhised) taotlejale: further guidance for the applicant
}

// IsZero reports whether the standard states no conditions.
func (c Conditions) IsZero() bool { return len(c.Apply) == 0 && len(c.Recertify) == 0 && c.Notes == "" }

// StandardVersion is one version of an occupational standard (kutsestandard), as the register keeps
// it: the fields of the X-Road schema's muutunudKutsestandardType (id, grupp, versioon,
// versioonituup, eelmineversioon, nimetus, ekrtase, kehtivusealgus, kehtivuselopp, valdkond,
// osakutsed, spetsialiseerumised) and of kutsestandardType (tyybid, kompetentsid, pohikutse), with
// what the standard's page shows besides (kutseala, the English name, the conditions of applying and
// re-certifying, the changes from the previous version).
//
// Each version has an id of its own and names the id of the version before it (Previous); the versions
// of one standard form a [Standard].
type StandardVersion struct {
	ID          ID     // the version's id (rea ID)
	Version     int    // the version's number (kutsestandardi versiooni number), 1, 2, …
	VersionType string // versioonituup, as the register writes it
	Previous    ID     // eelmineversioon: the id of the version this one replaced; zero for the first

	Name   string // nimetus, e.g. "Keevitaja, tase 4" (CERT-01: the qualification's title)
	NameEn string // the English name, e.g. "Welder, EstQF Level 4"; may be empty
	Group  string // grupp: the qualification group (kutse grupp) the standard belongs to
	Types  []classifier.StandardType
	EKR    classifier.Level // ekrtase (CERT-03); the EQF level is the same number
	// InForce is when the version is in force: kehtivusealgus to kehtivuselopp, both days
	// included; a zero Until means no end is set.
	InForce    law.Period
	Field      string            // valdkond (field), e.g. "Tehnika, tootmine ja ehitus"
	Occupation string            // kutseala (occupation), e.g. "Metallitöö ja masinaehitus"
	ISCO       []classifier.ISCO // the occupations of ISCO-08 the standard corresponds to

	Specialisations []Ref           // spetsialiseerumised
	Partials        []Ref           // osakutsed: partial qualifications
	Competences     []CompetenceSet // per certificate type
	// Basic is the schema's pohikutse: true when the basic qualification may be awarded without a
	// specialisation; false when a specialisation must be named (not for a partial qualification).
	Basic bool

	Conditions Conditions // APP-02
	Changes    string     // muudatused võrreldes eelmise versiooniga
}

// IsInitial reports whether the version is a standard of an initial qualification (esmase kutse
// standard): its types include [classifier.InitialStandard], or its name ends in "esmane kutse".
func (v *StandardVersion) IsInitial() bool {
	return slices.Contains(v.Types, classifier.InitialStandard) || classifier.ParseTitle(v.Name).Initial
}

// HasType reports whether t is among the version's types.
func (v *StandardVersion) HasType(t classifier.StandardType) bool { return slices.Contains(v.Types, t) }

// CompetencesFor returns the competences of the set for certificate type t, or nil.
func (v *StandardVersion) CompetencesFor(t classifier.CertificateType) []Competence {
	for _, s := range v.Competences {
		if slices.Contains(s.For, t) {
			return s.Competences
		}
	}
	return nil
}

// Qualifications returns the qualifications awarded under the version (seed 000 slide 4,
// "Väljastatavad kutsed"): the standard's own name when the basic qualification is awarded (Basic),
// then the names of its specialisations.
func (v *StandardVersion) Qualifications() []string {
	return qualifications(v.Name, v.Basic, v.Specialisations)
}

func qualifications(name string, basic bool, specs []Ref) []string {
	out := make([]string, 0, len(specs)+1)
	if basic || len(specs) == 0 {
		out = append(out, name)
	}
	return append(out, names(specs)...)
}

// Clone returns a deep copy of v.
func (v StandardVersion) Clone() StandardVersion {
	v.Types = slices.Clone(v.Types)
	v.ISCO = slices.Clone(v.ISCO)
	v.Specialisations = slices.Clone(v.Specialisations)
	v.Partials = slices.Clone(v.Partials)
	if v.Competences != nil {
		sets := make([]CompetenceSet, len(v.Competences))
		for i, s := range v.Competences {
			sets[i].For = slices.Clone(s.For)
			if s.Competences != nil {
				sets[i].Competences = make([]Competence, len(s.Competences))
				for j, c := range s.Competences {
					c.Indicators = slices.Clone(c.Indicators)
					sets[i].Competences[j] = c
				}
			}
		}
		v.Competences = sets
	}
	v.Conditions.Apply = slices.Clone(v.Conditions.Apply)
	v.Conditions.Recertify = slices.Clone(v.Conditions.Recertify)
	return v
}

// Validate checks the version and returns an *invalid.Errors naming every field that is wrong (it
// wraps invalid.ErrInvalid), or nil:
//   - ID, Version (from 1), Name, at least one type and the EKR level are required (the schema
//     requires id, versioon, nimetus, tyybid and ekrtase); Previous is not the version's own id;
//   - InForce starts on a real date and does not end before it starts;
//   - types are valid and not repeated; specialisations and partial qualifications have an id and a
//     name, ids not repeated; ISCO codes are 1–4 digits;
//   - each competence set applies to certificate types that match the standard's types (a
//     kutsestandard's to kutsetunnistus, an osakutse standard's to osakutsetunnistus, an esmase kutse
//     standard's to esmane kutse), no type in two sets, competences with an id and a name, not
//     repeated in a set;
//   - a kutsestandard that does not award the basic qualification (Basic false) names at least one
//     specialisation: the schema says a specialisation must then be given.
func (v *StandardVersion) Validate() error {
	c := newChecker()
	v.check(c, "")
	return c.err()
}

func (v *StandardVersion) check(c *checker, p string) {
	c.id(p+"ID", v.ID, true)
	if v.Version < 1 {
		c.add(p+"Version", strconv.Itoa(v.Version), "must be 1 or more")
	}
	c.id(p+"Previous", v.Previous, false)
	if v.Previous != 0 && v.Previous == v.ID {
		c.add(p+"Previous", v.Previous.String(), "is the version's own id")
	}
	c.text(p+"VersionType", v.VersionType, false, 100)
	c.text(p+"Name", v.Name, true, 300)
	c.text(p+"NameEn", v.NameEn, false, 300)
	c.text(p+"Group", v.Group, false, 300)
	c.text(p+"Field", v.Field, false, 300)
	c.text(p+"Occupation", v.Occupation, false, 300)
	c.text(p+"Changes", v.Changes, false, 20000)
	if len(v.Types) == 0 {
		c.add(p+"Types", "", "is required: at least one of kutsestandard, osakutse standard, esmase kutse standard")
	}
	for i, t := range v.Types {
		f := p + "Types[" + strconv.Itoa(i) + "]"
		if !t.IsValid() {
			c.add(f, strconv.Itoa(int(t)), "must be 1 (kutsestandard), 2 (osakutse standard) or 3 (esmase kutse standard)")
		} else if slices.Index(v.Types, t) < i {
			c.add(f, t.Code(), "is listed twice")
		}
	}
	if v.EKR.IsZero() {
		c.add(p+"EKR", "", "is required: the EKR level 1–8 (CERT-03)")
	}
	checkPeriod(c, p+"InForce", v.InForce, true)
	for i, e := range v.ISCO {
		if !validISCOCode(e.Code) {
			c.add(p+"ISCO["+strconv.Itoa(i)+"].Code", e.Code, "must be 1–4 digits")
		}
		c.text(p+"ISCO["+strconv.Itoa(i)+"].Name", e.Name, false, 300)
	}
	c.refs(p+"Specialisations", v.Specialisations)
	c.refs(p+"Partials", v.Partials)
	checkCompetenceSets(c, p+"Competences", v.Competences, v.Types)
	if !v.Basic && len(v.Specialisations) == 0 && v.HasType(classifier.OccupationalStandard) {
		c.add(p+"Basic", "false", "must be true when the standard has no specialisations: without pohikutse a specialisation must be named")
	}
	for i, s := range v.Conditions.Apply {
		c.text(p+"Conditions.Apply["+strconv.Itoa(i)+"]", s, true, 5000)
	}
	for i, s := range v.Conditions.Recertify {
		c.text(p+"Conditions.Recertify["+strconv.Itoa(i)+"]", s, true, 5000)
	}
	c.text(p+"Conditions.Notes", v.Conditions.Notes, false, 20000)
}

// checkCompetenceSets checks competence sets against the standard types they may apply to (none
// given: any).
func checkCompetenceSets(c *checker, p string, sets []CompetenceSet, types []classifier.StandardType) {
	used := map[classifier.CertificateType]bool{}
	for i, s := range sets {
		f := p + "[" + strconv.Itoa(i) + "]"
		if len(s.For) == 0 {
			c.add(f+".For", "", "is required: the certificate types the competences apply to")
		}
		for j, t := range s.For {
			ff := f + ".For[" + strconv.Itoa(j) + "]"
			switch {
			case !t.IsValid():
				c.add(ff, strconv.Itoa(int(t)), "must be 1 (kutsetunnistus), 2 (osakutsetunnistus) or 3 (esmane kutse)")
			case used[t]:
				c.add(ff, t.Code(), "has competences in two sets")
			case len(types) > 0 && !slices.Contains(types, classifier.StandardType(t)):
				c.add(ff, t.Code(), "is not a certificate type of the standard's types")
			}
			used[t] = true
		}
		seen := map[ID]bool{}
		for j, comp := range s.Competences {
			ff := f + ".Competences[" + strconv.Itoa(j) + "]"
			c.id(ff+".ID", comp.ID, true)
			c.text(ff+".Name", comp.Name, true, 1000)
			c.text(ff+".Field", comp.Field, false, 300)
			c.text(ff+".Group", comp.Group, false, 300)
			for k, ind := range comp.Indicators {
				c.text(ff+".Indicators["+strconv.Itoa(k)+"]", ind, true, 5000)
			}
			if comp.ID != 0 && seen[comp.ID] {
				c.add(ff+".ID", comp.ID.String(), "is listed twice")
			}
			seen[comp.ID] = true
		}
	}
}

// checkPeriod checks that a period starts on a real date (when required), ends on one, and does not
// end before it starts.
func checkPeriod(c *checker, field string, p law.Period, fromRequired bool) {
	switch {
	case p.From.IsZero() && fromRequired:
		c.add(field+".From", "", "is required")
	case !p.From.IsZero() && !p.From.IsValid():
		c.add(field+".From", "", "is not a real date")
	}
	if !p.Until.IsZero() && !p.Until.IsValid() {
		c.add(field+".Until", "", "is not a real date")
	}
	if p.From.IsValid() && p.Until.IsValid() && p.Until.Before(p.From) {
		c.add(field+".Until", p.Until.String(), "is before the start "+p.From.String())
	}
}

// Standard is an occupational standard (kutsestandard) with its versions: the versions linked by
// [StandardVersion.Previous], oldest first. The standard is identified by the id of its first version
// (ID), which stays the same as versions are added; a store finds it by the id of any of its versions.
//
// Revision is the store's optimistic-concurrency counter (the SDK's other records call it Version;
// here Version is the standard's own version number): 1 when first stored, one more with every put.
type Standard struct {
	ID       ID
	Versions []StandardVersion // oldest first
	Revision int64
}

// Clone returns a deep copy of s.
func (s Standard) Clone() Standard {
	if s.Versions != nil {
		vs := make([]StandardVersion, len(s.Versions))
		for i, v := range s.Versions {
			vs[i] = v.Clone()
		}
		s.Versions = vs
	}
	return s
}

// Latest returns the standard's newest version, and false when it has none.
func (s *Standard) Latest() (StandardVersion, bool) {
	if len(s.Versions) == 0 {
		return StandardVersion{}, false
	}
	return s.Versions[len(s.Versions)-1], true
}

// Version returns the version with the given id, and false when the standard has none.
func (s *Standard) Version(id ID) (StandardVersion, bool) {
	for _, v := range s.Versions {
		if v.ID == id {
			return v, true
		}
	}
	return StandardVersion{}, false
}

// History returns the standard's versions as the versions of a rule (GEN-04): each named by its
// number and period, cited as the register's standard, in force for its period, with the version
// itself as the rule.
func (s *Standard) History() law.Versions[StandardVersion] {
	out := make(law.Versions[StandardVersion], len(s.Versions))
	for i, v := range s.Versions {
		out[i] = law.Version[StandardVersion]{
			Name:     strconv.Itoa(v.Version),
			Citation: law.Citation{Act: "Kutsestandard " + v.Name + " (kutseregister, " + v.ID.String() + ")"},
			Period:   v.InForce,
			Rule:     v,
		}
	}
	return out
}

// InForce returns the version of the standard in force on d (GEN-04) and the explanation step that
// says which version was applied. For a day no version covers (before the first, after the last, or
// in a gap between two) it returns an error wrapping law.ErrNoVersion: the SDK never guesses a
// version.
func (s *Standard) InForce(d calendar.Date) (StandardVersion, law.Step, error) {
	v, err := s.History().At(d)
	if err != nil {
		return StandardVersion{}, law.Step{}, fmt.Errorf("register: standard %s: %w", s.ID, err)
	}
	return v.Rule, v.Step("GEN-04", d), nil
}

// Validate checks the standard and returns an *invalid.Errors naming every field that is wrong, or nil:
// every version as [StandardVersion.Validate] checks it; at least one version; ID is the first
// version's id; each later version names the one before it as Previous and has a greater number;
// version ids are not repeated; and the versions' periods do not overlap, so that one version at
// most is in force on any day (GEN-04).
func (s *Standard) Validate() error {
	c := newChecker()
	c.id("ID", s.ID, true)
	if len(s.Versions) == 0 {
		c.add("Versions", "", "is required: a standard has at least one version")
	} else if s.ID != 0 && s.Versions[0].ID != s.ID {
		c.add("ID", s.ID.String(), "must be the id of the first version, "+s.Versions[0].ID.String())
	}
	seen := map[ID]bool{}
	for i := range s.Versions {
		v := &s.Versions[i]
		p := "Versions[" + strconv.Itoa(i) + "]."
		v.check(c, p)
		if v.ID != 0 && seen[v.ID] {
			c.add(p+"ID", v.ID.String(), "is listed twice")
		}
		seen[v.ID] = true
		if i == 0 {
			continue
		}
		prev := &s.Versions[i-1]
		if v.Previous != prev.ID {
			c.add(p+"Previous", v.Previous.String(), "must be the id of the version before it, "+prev.ID.String())
		}
		if v.Version <= prev.Version {
			c.add(p+"Version", strconv.Itoa(v.Version), "must be greater than the version before it, "+strconv.Itoa(prev.Version))
		}
	}
	if err := s.History().Check(); err != nil {
		c.add("Versions", "", "have overlapping periods, so the version in force on a day would be ambiguous (GEN-04): "+err.Error())
	}
	return c.err()
}

// Chain links versions into standards by their Previous ids: each version with no previous version
// among vs starts a standard, and each version follows the one it names. The standards come back in
// the order of their first versions in vs, each with its versions oldest first; Revision is zero.
// Chain does not validate the versions (see [Standard.Validate]). Two versions naming the same
// previous version (a fork), a cycle, or a repeated id is an error wrapping invalid.ErrInvalid.
func Chain(vs []StandardVersion) ([]Standard, error) {
	c := newChecker()
	byID := make(map[ID]int, len(vs))
	for i, v := range vs {
		if _, dup := byID[v.ID]; dup {
			c.add("["+strconv.Itoa(i)+"].ID", v.ID.String(), "is listed twice")
			continue
		}
		byID[v.ID] = i
	}
	next := make(map[ID]int, len(vs))
	for i, v := range vs {
		if v.Previous == 0 {
			continue
		}
		if j, fork := next[v.Previous]; fork {
			c.add("["+strconv.Itoa(i)+"].Previous", v.Previous.String(), "is also the previous version of "+vs[j].ID.String()+": a standard's versions do not fork")
			continue
		}
		next[v.Previous] = i
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	var out []Standard
	placed := 0
	for _, v := range vs {
		if _, linked := byID[v.Previous]; v.Previous != 0 && linked {
			continue
		}
		s := Standard{ID: v.ID}
		for cur, ok := byID[v.ID], true; ok; cur, ok = next[vs[cur].ID] {
			s.Versions = append(s.Versions, vs[cur].Clone())
			placed++
		}
		out = append(out, s)
	}
	if placed != len(vs) {
		c.add("Previous", "", "the versions' previous ids form a cycle: "+strconv.Itoa(len(vs)-placed)+" versions have no first version")
		return nil, c.err()
	}
	return out, nil
}
