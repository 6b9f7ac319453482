package opendata

import (
	"io"
	"iter"
	"strconv"
	"strings"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
)

var errInvalid = invalid.ErrInvalid

// Read returns the records of feed f in src decoded by decode, one at a time (OPN-01): each with a
// nil error, or, for a record with bad values, a zero value and an *[Error] naming the record, its
// line and every bad field (wrapping invalid.ErrInvalid), after which the iteration goes on with the
// next record; an XML error ends it. m nil means [DefaultMapping] of f; a bad mapping is yielded as
// the only error.
func Read[T any](src io.Reader, f Feed, m *Mapping, decode func(*Record) (T, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		r, err := NewReader(src, f, m)
		if err != nil {
			yield(zero, err)
			return
		}
		for rec, err := range r.Records() {
			if err != nil {
				yield(zero, err)
				return
			}
			v, err := decode(rec)
			if err != nil {
				err = &Error{Feed: f, Record: rec.N, Line: rec.Line, Err: err}
			}
			if !yield(v, err) {
				return
			}
		}
	}
}

// ReadStandards reads the standards feed: one version of a standard per record, to be linked into
// standards with register.Chain.
func ReadStandards(src io.Reader, m *Mapping) iter.Seq2[register.StandardVersion, error] {
	return Read(src, Standards, m, DecodeStandard)
}

// ReadCompetences reads the competences feed.
func ReadCompetences(src io.Reader, m *Mapping) iter.Seq2[register.Competence, error] {
	return Read(src, Competences, m, DecodeCompetence)
}

// ReadAwardingBodies reads the awarding bodies feed.
func ReadAwardingBodies(src io.Reader, m *Mapping) iter.Seq2[register.AwardingBody, error] {
	return Read(src, AwardingBodies, m, DecodeAwardingBody)
}

// ReadCouncils reads the sectoral councils feed.
func ReadCouncils(src io.Reader, m *Mapping) iter.Seq2[register.Council, error] {
	return Read(src, Councils, m, DecodeCouncil)
}

// ReadClassifier reads the classifier feed: one field or occupation per record.
func ReadClassifier(src io.Reader, m *Mapping) iter.Seq2[ClassifierEntry, error] {
	return Read(src, Classifier, m, DecodeClassifierEntry)
}

// ReadIssued reads the issued-qualifications feed: anonymised statistics only (OPN-02).
func ReadIssued(src io.Reader, m *Mapping) iter.Seq2[IssuedQualification, error] {
	return Read(src, Issued, m, DecodeIssued)
}

// values reads one record's values into typed fields, collecting every bad one.
type values struct {
	rec  *Record
	errs invalid.Errors
}

func newValues(rec *Record) *values { return &values{rec: rec, errs: invalid.Errors{Pkg: pkg}} }

func (v *values) err() error { return v.errs.Err() }

func (v *values) str(field string) string { return v.rec.Get(field) }

func (v *values) id(field, s string) register.ID {
	if s == "" {
		return 0
	}
	id, err := register.ParseID(s)
	if err != nil {
		v.errs.Add(field, s, "must be a positive integer")
	}
	return id
}

func (v *values) int(field, s string) int {
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		v.errs.Add(field, s, "must be a whole number")
	}
	return n
}

// date reads both date forms, ISO 8601 "2006-01-02" (xs:date, a zone suffix ignored) and the
// register's "02.01.2006".
func (v *values) date(field, s string) calendar.Date {
	if s == "" {
		return calendar.Date{}
	}
	t := s
	if len(t) > 10 && t[4] == '-' {
		switch z := t[10:]; {
		case z == "Z", len(z) == 6 && (z[0] == '+' || z[0] == '-') && z[3] == ':':
			t = t[:10]
		}
	}
	d, err := calendar.ParseDate(t)
	if err != nil {
		v.errs.Add(field, s, `is not a date: must be "2006-01-02" or "02.01.2006"`)
	}
	return d
}

func (v *values) bool(field, s string) bool {
	switch strings.ToLower(s) {
	case "", "false", "0", "ei":
		return false
	case "true", "1", "jah":
		return true
	}
	v.errs.Add(field, s, `must be "true" or "false" (or 1, 0, jah, ei)`)
	return false
}

func (v *values) level(field, s string) classifier.Level {
	if s == "" {
		return classifier.Level{}
	}
	l, err := classifier.ParseLevel(s)
	if err != nil {
		v.errs.Add(field, s, "must be a level 1–8")
	}
	return l
}

// refs pairs the values of idField and nameField by their group occurrence (Item), optionally only
// those under parent occurrence p (p < 0: any), in document order.
func (v *values) refs(idField, nameField string, p int) []register.Ref {
	var out []register.Ref
	at := map[int]int{}
	for _, x := range v.rec.Values {
		if (x.Field != idField && x.Field != nameField) || (p >= 0 && x.Parent != p) {
			continue
		}
		i, ok := at[x.Item]
		if !ok || x.Item == 0 && ((x.Field == idField && out[i].ID != 0) || (x.Field == nameField && out[i].Name != "")) {
			out = append(out, register.Ref{})
			i = len(out) - 1
			at[x.Item] = i
		}
		if x.Field == idField {
			out[i].ID = v.id(idField, x.Text)
		} else {
			out[i].Name = x.Text
		}
	}
	return out
}

// all returns the texts of every value of field, in order.
func (v *values) all(field string) []string {
	var out []string
	for _, x := range v.rec.Values {
		if x.Field == field && x.Text != "" {
			out = append(out, x.Text)
		}
	}
	return out
}

// items returns the distinct occurrences (Item) of the values of any of fields, in document order.
func (v *values) items(fields ...string) []int {
	var out []int
	for _, x := range v.rec.Values {
		for _, f := range fields {
			if x.Field == f && (len(out) == 0 || out[len(out)-1] != x.Item) {
				out = append(out, x.Item)
			}
		}
	}
	return out
}

func (v *values) standardTypes(field string, texts []string) []classifier.StandardType {
	var out []classifier.StandardType
	for _, s := range texts {
		t, err := classifier.ParseStandardType(s)
		if err != nil {
			v.errs.Add(field, s, "must be 1 (kutsestandard), 2 (osakutse standard) or 3 (esmase kutse standard)")
			continue
		}
		out = append(out, t)
	}
	return out
}

func (v *values) certTypes(field string, texts []string) []classifier.CertificateType {
	var out []classifier.CertificateType
	for _, s := range texts {
		t, err := classifier.ParseCertificateType(s)
		if err != nil {
			if t, err = classifier.ParseCertificateTypeName(s); err != nil {
				v.errs.Add(field, s, "must be 1 (kutsetunnistus), 2 (osakutsetunnistus) or 3 (esmane kutse)")
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

func (v *values) isco(field string) []classifier.ISCO {
	var out []classifier.ISCO
	for _, s := range v.all(field) {
		l, err := classifier.ParseISCOList(s)
		if err != nil {
			v.errs.Add(field, s, "must be ISCO codes of 1–4 digits, each with its name")
			continue
		}
		out = append(out, l...)
	}
	return out
}

// DecodeStandard decodes one record of the standards feed into a version of a standard. It checks
// the values' forms, not the version as a whole (see register.StandardVersion.Validate).
func DecodeStandard(rec *Record) (register.StandardVersion, error) {
	v := newValues(rec)
	s := register.StandardVersion{
		ID: v.id("ID", v.str("ID")), Version: v.int("Version", v.str("Version")), VersionType: v.str("VersionType"),
		Previous: v.id("Previous", v.str("Previous")), Name: v.str("Name"), NameEn: v.str("NameEn"), Group: v.str("Group"),
		Types: v.standardTypes("Types", v.all("Types")), EKR: v.level("EKR", v.str("EKR")),
		InForce: law.Period{From: v.date("From", v.str("From")), Until: v.date("Until", v.str("Until"))},
		Field:   v.str("Field"), Occupation: v.str("Occupation"), ISCO: v.isco("ISCO"), Basic: v.bool("Basic", v.str("Basic")),
		Specialisations: v.refs("Specialisations.ID", "Specialisations.Name", -1),
		Partials:        v.refs("Partials.ID", "Partials.Name", -1),
		Conditions:      register.Conditions{Apply: v.all("Apply"), Recertify: v.all("Recertify"), Notes: v.str("Notes")},
		Changes:         v.str("Changes"),
	}
	// A competence set is an occurrence of the group around Competences.For (its Item), which is
	// the Parent of the competences in it.
	sets := v.items("Competences.For")
	for _, x := range v.rec.Values {
		if (x.Field == "Competences.ID" || x.Field == "Competences.Name") && !containsInt(sets, x.Parent) {
			sets = append(sets, x.Parent)
		}
	}
	for _, set := range sets {
		cs := register.CompetenceSet{}
		var forTexts []string
		for _, x := range v.rec.Values {
			if x.Field == "Competences.For" && x.Item == set {
				forTexts = append(forTexts, x.Text)
			}
		}
		cs.For = v.certTypes("Competences.For", forTexts)
		for _, r := range v.refs("Competences.ID", "Competences.Name", set) {
			cs.Competences = append(cs.Competences, register.Competence{ID: r.ID, Name: r.Name})
		}
		s.Competences = append(s.Competences, cs)
	}
	return s, v.err()
}

func containsInt(s []int, x int) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// DecodeCompetence decodes one record of the competences feed.
func DecodeCompetence(rec *Record) (register.Competence, error) {
	v := newValues(rec)
	c := register.Competence{ID: v.id("ID", v.str("ID")), Name: v.str("Name"), EKR: v.level("EKR", v.str("EKR")),
		Field: v.str("Field"), Group: v.str("Group"), Elective: v.bool("Elective", v.str("Elective")), Indicators: v.all("Indicators")}
	return c, v.err()
}

// DecodeAwardingBody decodes one record of the awarding bodies feed.
func DecodeAwardingBody(rec *Record) (register.AwardingBody, error) {
	v := newValues(rec)
	b := register.AwardingBody{Code: v.str("Code"), Name: v.str("Name"),
		Contacts:         register.Contacts{Address: v.str("Address"), Email: v.str("Email"), Phone: v.str("Phone"), HomePage: v.str("HomePage")},
		CertificateTypes: v.certTypes("CertificateTypes", v.all("CertificateTypes")),
		ExtraField:       v.bool("ExtraField", v.str("ExtraField")), MayHide: v.bool("MayHide", v.str("MayHide")),
		Mandate: law.Period{From: v.date("From", v.str("From")), Until: v.date("Until", v.str("Until"))},
		Council: v.id("Council", v.str("Council")), ExamLanguages: v.refs("ExamLanguages.ID", "ExamLanguages.Name", -1)}
	for _, item := range v.items("Awards.Standard", "Awards.Name", "Awards.Types", "Awards.Basic", "Awards.Procedure") {
		a := register.Award{}
		var types []string
		for _, x := range v.rec.Values {
			if x.Item != item {
				continue
			}
			switch x.Field {
			case "Awards.Standard":
				a.Standard = v.id(x.Field, x.Text)
			case "Awards.Name":
				a.Name = x.Text
			case "Awards.Types":
				types = append(types, x.Text)
			case "Awards.Basic":
				a.Basic = v.bool(x.Field, x.Text)
			case "Awards.Procedure":
				a.Procedure = x.Text
			}
		}
		a.Types = v.standardTypes("Awards.Types", types)
		a.Specialisations = v.refs("Awards.Specialisations.ID", "Awards.Specialisations.Name", item)
		a.Partials = v.refs("Awards.Partials.ID", "Awards.Partials.Name", item)
		b.Awards = append(b.Awards, a)
	}
	for _, item := range v.items("Committees.Name") {
		c := register.Committee{}
		for _, x := range v.rec.Values {
			if x.Field == "Committees.Name" && x.Item == item {
				c.Name = x.Text
			}
		}
		members := map[int]int{} // member occurrence → index in c.Members
		for _, x := range v.rec.Values {
			if x.Parent != item || !strings.HasPrefix(x.Field, "Committees.Members.") {
				continue
			}
			i, ok := members[x.Item]
			if !ok {
				c.Members = append(c.Members, register.Member{})
				i = len(c.Members) - 1
				members[x.Item] = i
			}
			m := &c.Members[i]
			switch x.Field {
			case "Committees.Members.ID":
				m.ID = v.id(x.Field, x.Text)
			case "Committees.Members.Name":
				m.Name = x.Text
			case "Committees.Members.Role":
				r, err := classifier.ParseCommitteeRole(x.Text)
				if err != nil {
					v.errs.Add(x.Field, x.Text, "must be 1 (esimees), 2 (aseesimees) or 3 (liige)")
				}
				m.Role = r
			}
		}
		b.Committees = append(b.Committees, c)
	}
	return b, v.err()
}

// DecodeCouncil decodes one record of the sectoral councils feed.
func DecodeCouncil(rec *Record) (register.Council, error) {
	v := newValues(rec)
	c := register.Council{ID: v.id("ID", v.str("ID")), Name: v.str("Name"), Occupations: v.all("Occupations"),
		Contacts: register.Contacts{Address: v.str("Address"), Email: v.str("Email"), Phone: v.str("Phone"), HomePage: v.str("HomePage")}}
	for _, item := range v.items("Members.Name", "Members.Represents", "Members.Chair") {
		m := register.CouncilMember{}
		for _, x := range v.rec.Values {
			if x.Item != item {
				continue
			}
			switch x.Field {
			case "Members.Name":
				m.Name = x.Text
			case "Members.Represents":
				m.Represents = x.Text
			case "Members.Chair":
				m.Chair = v.bool(x.Field, x.Text)
			}
		}
		c.Members = append(c.Members, m)
	}
	return c, v.err()
}

// ClassifierEntry is one record of the classifier feed: a field (valdkond) or an occupation
// (kutseala).
type ClassifierEntry struct {
	Occupation bool        // an occupation; otherwise a field
	ID         register.ID // the entry's id
	Name       string
	Field      register.ID // an occupation's field
	ISCO       []classifier.ISCO
}

// DecodeClassifierEntry decodes one record of the classifier feed. Kind is "valdkond" (or "field")
// for a field and "kutseala" (or "occupation") for an occupation, in any case.
func DecodeClassifierEntry(rec *Record) (ClassifierEntry, error) {
	v := newValues(rec)
	e := ClassifierEntry{ID: v.id("ID", v.str("ID")), Name: v.str("Name"), Field: v.id("Field", v.str("Field")), ISCO: v.isco("ISCO")}
	switch k := strings.ToLower(v.str("Kind")); k {
	case "kutseala", "occupation":
		e.Occupation = true
	case "valdkond", "field":
	default:
		v.errs.Add("Kind", k, `must be "valdkond" or "kutseala"`)
	}
	return e, v.err()
}

// Collect gathers classifier entries into a register.Classifier, fields and occupations in the order
// read.
func Collect(entries []ClassifierEntry) register.Classifier {
	var k register.Classifier
	for _, e := range entries {
		if e.Occupation {
			k.Occupations = append(k.Occupations, register.Occupation{ID: e.ID, Name: e.Name, Field: e.Field, ISCO: e.ISCO})
		} else {
			k.Fields = append(k.Fields, register.Field{ID: e.ID, Name: e.Name})
		}
	}
	return k
}
