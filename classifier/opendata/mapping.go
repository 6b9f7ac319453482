package opendata

import (
	"maps"
	"slices"
	"strings"

	"github.com/kutsekit/kutse/invalid"
)

// Mapping says where a feed's records and fields are in its XML: the record element, and for each
// field the reader fills, the path of its element below the record. It is data: a host whose feed
// names its elements otherwise changes the mapping (or loads its own from JSON), not the code.
//
// The register has published neither a sample of its feeds nor their structure description
// (testdata/kutseregister/STRUCTURE.md), so the element names of the real feeds are not known. The
// mappings [DefaultMapping] returns are the vocabulary of the register's X-Road service (its
// service description of 2018-05-09), which names the same data, and are a starting point to check
// against a real file, not a statement of the feeds' format.
//
// Elements are matched by their local name, whatever their namespace. A path is element names joined
// with "/", relative to the record element: "nimetus", "osakutsed/osakutse/nimetus". A group is the
// path of a repeated element whose fields belong together ("osakutsed/osakutse": each osakutse's id
// and name): the reader numbers each occurrence, so the decoder pairs the fields of one occurrence.
type Mapping struct {
	Feed   Feed              `json:"feed"`
	Root   string            `json:"root"`   // the document element's name, which the writer uses; the reader accepts any
	Record string            `json:"record"` // the local name of a record's element, wherever it stands
	Fields map[string]string `json:"fields"` // element path below the record → field name (see [FieldNames])
	Groups []string          `json:"groups"` // paths of repeated elements whose fields belong together
}

// fieldNames lists the fields each feed's decoder reads.
var fieldNames = [...][]string{
	Issued: {"Type", "Standard", "EKR", "EQF", "Specialisation", "Partial", "Competences", "Field", "Occupation",
		"Language", "Issuer", "IssuedOn", "ValidFrom", "ValidUntil", "ISCO", "Duplicate", "Invalid", "Count"},
	Standards: {"ID", "Version", "VersionType", "Previous", "Name", "NameEn", "Group", "Types", "EKR", "From", "Until",
		"Field", "Occupation", "ISCO", "Basic", "Specialisations.ID", "Specialisations.Name", "Partials.ID", "Partials.Name",
		"Competences.For", "Competences.ID", "Competences.Name", "Apply", "Recertify", "Notes", "Changes"},
	Competences: {"ID", "Name", "EKR", "Field", "Group", "Elective", "Indicators"},
	AwardingBodies: {"Code", "Name", "Address", "Email", "Phone", "HomePage", "CertificateTypes", "ExtraField", "MayHide",
		"From", "Until", "Council", "Awards.Standard", "Awards.Name", "Awards.Types", "Awards.Basic", "Awards.Procedure",
		"Awards.Specialisations.ID", "Awards.Specialisations.Name", "Awards.Partials.ID", "Awards.Partials.Name",
		"Committees.Name", "Committees.Members.ID", "Committees.Members.Name", "Committees.Members.Role",
		"ExamLanguages.ID", "ExamLanguages.Name"},
	Councils:   {"ID", "Name", "Occupations", "Members.Name", "Members.Represents", "Members.Chair", "Address", "Email", "Phone", "HomePage"},
	Classifier: {"Kind", "ID", "Name", "Field", "ISCO"},
}

// FieldNames returns the fields the decoder of feed f reads, which a [Mapping] may map. For the
// issued-qualifications feed there is none for a name, a personal code, a birth date or a
// certificate number: the feed carries none (OPN-02), and the SDK can read none.
func FieldNames(f Feed) []string {
	if !f.IsValid() {
		return nil
	}
	return slices.Clone(fieldNames[f])
}

// DefaultMapping returns the mapping of feed f in the vocabulary of the register's X-Road service
// (see [Mapping]: the real feeds' element names are not known). Each call returns a new mapping the
// caller may change.
func DefaultMapping(f Feed) *Mapping {
	m := &Mapping{Feed: f}
	switch f {
	case Issued: // kutsetunnistusV2Type without registrinumber, nimi, isikukood, synniaeg
		m.Root, m.Record = "kutsetunnistused", "kutsetunnistus"
		m.Fields = map[string]string{"tyyp": "Type", "standard": "Standard", "ekrtase": "EKR", "eqftase": "EQF",
			"spetsialiseerumine": "Specialisation", "osakutse": "Partial", "kompetentsid": "Competences", "valdkond": "Field",
			"kutseala": "Occupation", "keel": "Language", "valjastaja": "Issuer", "valjaantud": "IssuedOn",
			"kehtibalates": "ValidFrom", "kehtibkuni": "ValidUntil", "isco": "ISCO", "duplikaat": "Duplicate",
			"kehtetu": "Invalid", "kirjeid": "Count"}
	case Standards: // muutunudKutsestandardType and kutsestandardType
		m.Root, m.Record = "kutsestandardid", "kutsestandard"
		m.Fields = map[string]string{"id": "ID", "versioon": "Version", "versioonituup": "VersionType",
			"eelmineversioon": "Previous", "nimetus": "Name", "nimetusen": "NameEn", "grupp": "Group", "tyybid/tyyp": "Types",
			"ekrtase": "EKR", "kehtivusealgus": "From", "kehtivuselopp": "Until", "valdkond": "Field", "kutseala": "Occupation",
			"isco": "ISCO", "pohikutse": "Basic",
			"spetsialiseerumised/spetsialiseerumine/id": "Specialisations.ID", "spetsialiseerumised/spetsialiseerumine/nimetus": "Specialisations.Name",
			"osakutsed/osakutse/id": "Partials.ID", "osakutsed/osakutse/nimetus": "Partials.Name",
			"kompetentsid/tunnistusetyybid/tunnistusetyyp":   "Competences.For",
			"kompetentsid/kompetentsinimekiri/kompetents/id": "Competences.ID", "kompetentsid/kompetentsinimekiri/kompetents/nimetus": "Competences.Name",
			"taotlemisetingimused/tingimus": "Apply", "taastoendamisetingimused/tingimus": "Recertify", "lisainfo": "Notes", "muudatused": "Changes"}
		m.Groups = []string{"spetsialiseerumised/spetsialiseerumine", "osakutsed/osakutse", "kompetentsid", "kompetentsid/kompetentsinimekiri/kompetents"}
	case Competences: // idNimetusType, with the competences extract's columns (Valdkond, Kutse grupp, EKR tase, Tegevusnäitajad)
		m.Root, m.Record = "kompetentsid", "kompetents"
		m.Fields = map[string]string{"id": "ID", "nimetus": "Name", "ekrtase": "EKR", "valdkond": "Field", "grupp": "Group",
			"valitav": "Elective", "tegevusnaitajad/tegevusnaitaja": "Indicators"}
	case AwardingBodies: // kutseAndjaInfoVastus
		m.Root, m.Record = "kutseandjad", "kutseandja"
		m.Fields = map[string]string{"registrikood": "Code", "nimetus": "Name", "aadress": "Address", "epost": "Email",
			"telefon": "Phone", "koduleht": "HomePage", "tunnistusetyybid/tunnistusetyyp": "CertificateTypes", "lisavali": "ExtraField",
			"voibinfotpeita": "MayHide", "kehtivusealgus": "From", "kehtivuselopp": "Until", "kutsenoukogu": "Council",
			"kutsestandardid/kutsestandard/id": "Awards.Standard", "kutsestandardid/kutsestandard/nimetus": "Awards.Name",
			"kutsestandardid/kutsestandard/tyybid/tyyp": "Awards.Types", "kutsestandardid/kutsestandard/pohikutse": "Awards.Basic",
			"kutsestandardid/kutsestandard/kord":                                           "Awards.Procedure",
			"kutsestandardid/kutsestandard/spetsialiseerumised/spetsialiseerumine/id":      "Awards.Specialisations.ID",
			"kutsestandardid/kutsestandard/spetsialiseerumised/spetsialiseerumine/nimetus": "Awards.Specialisations.Name",
			"kutsestandardid/kutsestandard/osakutsed/osakutse/id":                          "Awards.Partials.ID",
			"kutsestandardid/kutsestandard/osakutsed/osakutse/nimetus":                     "Awards.Partials.Name",
			"kutsekomisjonid/kutsekomisjon/nimetus":                                        "Committees.Name",
			"kutsekomisjonid/kutsekomisjon/liikmed/liige/id":                               "Committees.Members.ID",
			"kutsekomisjonid/kutsekomisjon/liikmed/liige/nimi":                             "Committees.Members.Name",
			"kutsekomisjonid/kutsekomisjon/liikmed/liige/roll":                             "Committees.Members.Role",
			"kutseeksamikeeled/keel/id":                                                    "ExamLanguages.ID", "kutseeksamikeeled/keel/nimetus": "ExamLanguages.Name"}
		m.Groups = []string{"kutsestandardid/kutsestandard", "kutsestandardid/kutsestandard/spetsialiseerumised/spetsialiseerumine",
			"kutsestandardid/kutsestandard/osakutsed/osakutse", "kutsekomisjonid/kutsekomisjon", "kutsekomisjonid/kutsekomisjon/liikmed/liige",
			"kutseeksamikeeled/keel"}
	case Councils:
		m.Root, m.Record = "kutsenoukogud", "kutsenoukogu"
		m.Fields = map[string]string{"id": "ID", "nimetus": "Name", "kutsealad/kutseala": "Occupations",
			"liikmed/liige/nimi": "Members.Name", "liikmed/liige/esindab": "Members.Represents", "liikmed/liige/esimees": "Members.Chair",
			"aadress": "Address", "epost": "Email", "telefon": "Phone", "koduleht": "HomePage"}
		m.Groups = []string{"liikmed/liige"}
	case Classifier:
		m.Root, m.Record = "klassifikaatorid", "klassifikaator"
		m.Fields = map[string]string{"tyyp": "Kind", "id": "ID", "nimetus": "Name", "valdkond": "Field", "isco": "ISCO"}
	default:
		return nil
	}
	return m
}

// Clone returns a deep copy of m.
func (m *Mapping) Clone() *Mapping {
	c := *m
	c.Fields = maps.Clone(m.Fields)
	c.Groups = slices.Clone(m.Groups)
	return &c
}

// Validate checks the mapping: a valid feed, a record element name, paths made of XML names, fields
// the feed's decoder reads ([FieldNames]), each mapped once, and groups that are paths. The error
// wraps invalid.ErrInvalid and names each wrong entry.
func (m *Mapping) Validate() error {
	errs := &invalid.Errors{Pkg: pkg}
	if !m.Feed.IsValid() {
		errs.Add("Feed", m.Feed.String(), "must be one of the six feeds")
		return errs
	}
	if !xmlName(m.Record) {
		errs.Add("Record", m.Record, "must be an element name")
	}
	if m.Root != "" && !xmlName(m.Root) {
		errs.Add("Root", m.Root, "must be an element name")
	}
	known := fieldNames[m.Feed]
	seen := map[string]string{}
	for _, path := range slices.Sorted(maps.Keys(m.Fields)) {
		field := m.Fields[path]
		if !validPath(path) {
			errs.Add("Fields["+path+"]", path, `must be element names joined with "/"`)
		}
		if !slices.Contains(known, field) {
			errs.Add("Fields["+path+"]", field, "is not a field of the "+m.Feed.String()+" feed: one of "+strings.Join(known, ", "))
		} else if other, dup := seen[field]; dup {
			errs.Add("Fields["+path+"]", field, "is mapped from "+other+" too")
		}
		seen[field] = path
	}
	for i, g := range m.Groups {
		if !validPath(g) {
			errs.Add("Groups["+itoa(i)+"]", g, `must be element names joined with "/"`)
		}
	}
	return errs.Err()
}

func validPath(p string) bool {
	if p == "" {
		return false
	}
	for part := range strings.SplitSeq(p, "/") {
		if !xmlName(part) {
			return false
		}
	}
	return true
}

// xmlName reports whether s is a plausible XML local name: letters, digits, '_', '-', '.', not
// starting with a digit, '-' or '.', no colon.
func xmlName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f && r != 0xFFFD:
		case i > 0 && (r >= '0' && r <= '9' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return true
}

// node is a compiled mapping: the tree of element names below the record.
type node struct {
	children map[string]*node
	field    string // the field this element's text fills, or ""
	group    int    // 1 + the group's index, or 0
}

// compile turns a validated mapping into its tree; ngroups is the number of groups.
func (m *Mapping) compile() (root *node, ngroups int) {
	root = &node{}
	at := func(path string) *node {
		n := root
		for part := range strings.SplitSeq(path, "/") {
			if n.children == nil {
				n.children = map[string]*node{}
			}
			c := n.children[part]
			if c == nil {
				c = &node{}
				n.children[part] = c
			}
			n = c
		}
		return n
	}
	for path, field := range m.Fields {
		at(path).field = field
	}
	for i, g := range m.Groups {
		at(g).group = i + 1
	}
	return root, len(m.Groups)
}
