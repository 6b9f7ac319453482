package register

import (
	"slices"
	"strconv"
	"strings"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/law"
)

// Contacts are how an organisation is reached (KRPM § 9: the awarding body's contact data).
type Contacts struct {
	Address  string
	Email    string
	Phone    string
	HomePage string // an http:// or https:// address
}

func (ct *Contacts) check(c *checker, p string) {
	c.text(p+"Address", ct.Address, false, 500)
	c.text(p+"Phone", ct.Phone, false, 50)
	c.text(p+"Email", ct.Email, false, 254)
	if e := ct.Email; e != "" && (strings.Count(e, "@") != 1 || strings.HasPrefix(e, "@") || strings.HasSuffix(e, "@") || strings.ContainsAny(e, " \t\r\n<>")) {
		c.add(p+"Email", e, "is not an e-mail address")
	}
	c.url(p+"HomePage", ct.HomePage)
}

// Round is an application round (taotlusvoor) an awarding body announces for a qualification: the
// days applications are received, both included.
type Round struct {
	Opens  calendar.Date
	Closes calendar.Date // zero: open-ended
	Note   string        // e.g. "eksam 12.06.2026 Tallinnas"
}

// BodyInfo is an awarding body's own information on one qualification it awards (APP-02; seed 000
// slide 4: "kutse andja poolt täpsustatud taotlemise info nagu taotlusvoorude või eksamite ajad ja
// viide kutse andja kodulehele"): application rounds, exam dates, a text and a link to its own page.
type BodyInfo struct {
	Rounds    []Round
	ExamDates []calendar.Date
	Text      string // lisainfo
	Link      string // the body's page on the qualification: an http:// or https:// address
}

// IsZero reports whether the body added no information.
func (b BodyInfo) IsZero() bool {
	return len(b.Rounds) == 0 && len(b.ExamDates) == 0 && b.Text == "" && b.Link == ""
}

// Award is a qualification an awarding body awards: one standard as the register lists it for the
// body (the schema's kutseAndjaInfoVastus/kutsestandardid/kutsestandard, kutsestandardType), with what
// the body awards under it, its procedure and its own information.
type Award struct {
	Standard ID     // the standard, by the id of any of its versions
	Name     string // nimetus, as the register lists it for the body
	Types    []classifier.StandardType
	// Basic (pohikutse) is true when the body awards the basic qualification without a
	// specialisation.
	Basic           bool
	Specialisations []Ref           // the specialisations the body awards
	Partials        []Ref           // the partial qualifications the body awards
	Competences     []CompetenceSet // the competences, per certificate type
	// Procedure is the address of the body's procedure for awarding the qualification (kutse
	// andmise kord, KutS § 16: drafted with the qualification committee, approved by the sectoral
	// council).
	Procedure string
	Info      BodyInfo // APP-02
}

// Qualifications returns the qualifications the body awards under the standard ("Väljastatavad
// kutsed"): the award's name when it awards the basic qualification (or has no specialisations), then
// its specialisations' names.
func (a *Award) Qualifications() []string { return qualifications(a.Name, a.Basic, a.Specialisations) }

// Member is a member of a qualification committee (kutsekomisjon): the register's id, the name and the
// role.
type Member struct {
	ID   ID
	Name string
	Role classifier.CommitteeRole
}

// Committee is a qualification committee (kutsekomisjon) an awarding body forms "to ensure
// impartiality" (KutS § 18 (1)); it decides on awarding and signs the certificates (Reg74 § 6).
type Committee struct {
	Name    string
	Members []Member
}

// AwardingBody is an awarding body (kutse andja; "KAO", kutset andev organ) as the register keeps it
// (KRPM § 9; the schema's kutseAndjaInfoVastus): its registry code and name, contacts, the
// certificate types it issues, what it may fill in when it adds a certificate, the term of its right
// to award, the qualifications it awards, its committees and its exam languages.
type AwardingBody struct {
	Code     string // registrikood: the Estonian registry code, eight digits
	Name     string // nimetus
	Contacts Contacts
	// CertificateTypes are the certificate types it issues (tunnistusetyybid).
	CertificateTypes []classifier.CertificateType
	// ExtraField (lisavali) says the body may fill in the free-text extra field of a certificate.
	ExtraField bool
	// MayHide (voibinfotpeita) says the body may mark a holder's name, birth date or the whole
	// certificate hidden when it adds a certificate.
	MayHide bool
	// Mandate is the term of its right to award (KutS § 10 (1); Reg64 § 1 (2): up to five years);
	// a zero period means the register states none.
	Mandate       law.Period
	Council       ID // the sectoral council that granted the right; zero when not known
	Awards        []Award
	Committees    []Committee
	ExamLanguages []Ref // kutseeksamikeeled
	Revision      int64 // the store's optimistic-concurrency counter
}

// Award returns the body's award of the standard with one of the ids, and false when it awards none
// of them. Pass the ids of all of a standard's versions to find an award listed under any of them.
func (b *AwardingBody) Award(ids ...ID) (Award, bool) {
	for _, a := range b.Awards {
		if slices.Contains(ids, a.Standard) {
			return a, true
		}
	}
	return Award{}, false
}

// MayAwardOn reports whether the body's right to award covers day d (KutS § 10 (1)); a body whose
// register entry states no term may award.
func (b *AwardingBody) MayAwardOn(d calendar.Date) bool {
	return b.Mandate == (law.Period{}) || b.Mandate.Contains(d)
}

// Clone returns a deep copy of b.
func (b AwardingBody) Clone() AwardingBody {
	b.CertificateTypes = slices.Clone(b.CertificateTypes)
	if b.Awards != nil {
		as := make([]Award, len(b.Awards))
		for i, a := range b.Awards {
			v := StandardVersion{Types: a.Types, Specialisations: a.Specialisations, Partials: a.Partials, Competences: a.Competences}.Clone()
			a.Types, a.Specialisations, a.Partials, a.Competences = v.Types, v.Specialisations, v.Partials, v.Competences
			a.Info.Rounds = slices.Clone(a.Info.Rounds)
			a.Info.ExamDates = slices.Clone(a.Info.ExamDates)
			as[i] = a
		}
		b.Awards = as
	}
	if b.Committees != nil {
		cs := make([]Committee, len(b.Committees))
		for i, c := range b.Committees {
			c.Members = slices.Clone(c.Members)
			cs[i] = c
		}
		b.Committees = cs
	}
	b.ExamLanguages = slices.Clone(b.ExamLanguages)
	return b
}

// ValidRegistryCode reports whether code is an Estonian registry code as the SDK accepts it: eight
// digits (äriregistri, mittetulundusühingute ja riigi- ning kohaliku omavalitsuse asutuste
// registrikood).
func ValidRegistryCode(code string) bool {
	if len(code) != 8 {
		return false
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return false
		}
	}
	return true
}

// Validate checks the body and returns an *invalid.Errors naming every field that is wrong, or nil:
//   - the registry code is eight digits and the name is given (the schema requires nimetus);
//   - contacts are well formed (an e-mail address, an http(s) home page);
//   - certificate types are valid and not repeated; the mandate does not end before it starts;
//   - each award names a standard, its types are valid, its specialisations, partial
//     qualifications and competences are well formed (as in [StandardVersion.Validate]), no
//     standard is listed twice, its procedure and information links are http(s) addresses, and its
//     application rounds do not close before they open;
//   - each committee has a name and members with an id, a name and a role, a member listed once, and
//     at most one chair and one vice-chair (the SDK's choice: Reg74 § 6 has the chair, or the
//     vice-chair in the chair's absence, sign);
//   - exam languages have an id and a name, ids not repeated.
func (b *AwardingBody) Validate() error {
	c := newChecker()
	if !ValidRegistryCode(b.Code) {
		c.add("Code", b.Code, "must be an Estonian registry code of eight digits")
	}
	c.text("Name", b.Name, true, 300)
	b.Contacts.check(c, "Contacts.")
	for i, t := range b.CertificateTypes {
		f := "CertificateTypes[" + strconv.Itoa(i) + "]"
		if !t.IsValid() {
			c.add(f, strconv.Itoa(int(t)), "must be 1 (kutsetunnistus), 2 (osakutsetunnistus) or 3 (esmane kutse)")
		} else if slices.Index(b.CertificateTypes, t) < i {
			c.add(f, t.Code(), "is listed twice")
		}
	}
	checkPeriod(c, "Mandate", b.Mandate, false)
	c.id("Council", b.Council, false)
	seen := map[ID]bool{}
	for i := range b.Awards {
		a := &b.Awards[i]
		p := "Awards[" + strconv.Itoa(i) + "]."
		c.id(p+"Standard", a.Standard, true)
		if a.Standard != 0 && seen[a.Standard] {
			c.add(p+"Standard", a.Standard.String(), "is listed twice")
		}
		seen[a.Standard] = true
		c.text(p+"Name", a.Name, true, 300)
		for j, t := range a.Types {
			if !t.IsValid() {
				c.add(p+"Types["+strconv.Itoa(j)+"]", strconv.Itoa(int(t)), "must be 1, 2 or 3")
			}
		}
		c.refs(p+"Specialisations", a.Specialisations)
		c.refs(p+"Partials", a.Partials)
		checkCompetenceSets(c, p+"Competences", a.Competences, a.Types)
		c.url(p+"Procedure", a.Procedure)
		c.url(p+"Info.Link", a.Info.Link)
		c.text(p+"Info.Text", a.Info.Text, false, 20000)
		for j, r := range a.Info.Rounds {
			f := p + "Info.Rounds[" + strconv.Itoa(j) + "]"
			checkPeriod(c, f, law.Period{From: r.Opens, Until: r.Closes}, true)
			c.text(f+".Note", r.Note, false, 2000)
		}
		for j, d := range a.Info.ExamDates {
			if !d.IsValid() {
				c.add(p+"Info.ExamDates["+strconv.Itoa(j)+"]", "", "is not a real date")
			}
		}
	}
	for i, com := range b.Committees {
		p := "Committees[" + strconv.Itoa(i) + "]."
		c.text(p+"Name", com.Name, true, 300)
		roles := map[classifier.CommitteeRole]int{}
		ids := map[ID]bool{}
		for j, m := range com.Members {
			f := p + "Members[" + strconv.Itoa(j) + "]."
			c.id(f+"ID", m.ID, true)
			c.text(f+"Name", m.Name, true, 200)
			if !m.Role.IsValid() {
				c.add(f+"Role", strconv.Itoa(int(m.Role)), "must be 1 (esimees), 2 (aseesimees) or 3 (liige)")
			}
			if m.ID != 0 && ids[m.ID] {
				c.add(f+"ID", m.ID.String(), "is listed twice")
			}
			ids[m.ID] = true
			roles[m.Role]++
			if (m.Role == classifier.Chair || m.Role == classifier.ViceChair) && roles[m.Role] == 2 {
				c.add(f+"Role", m.Role.Code(), "is held by another member: a committee has one "+strings.ToLower(m.Role.String()))
			}
		}
	}
	c.refs("ExamLanguages", b.ExamLanguages)
	return c.err()
}

// CouncilMember is a member of a sectoral council.
type CouncilMember struct {
	Name       string
	Represents string // the organisation the member represents
	Chair      bool   // the council's chair (esimees)
}

// Council is a sectoral council (kutsenõukogu): it approves standards, chooses the awarding bodies by
// public competition, approves their procedures and supervises them (KutS § 10 (1), § 16 (1);
// research/domain-rules.md § 3.10). Since 2016 there are 14.
type Council struct {
	ID          ID
	Name        string   // e.g. "Tehnika, tootmise ja töötleva tööstuse kutsenõukogu"
	Occupations []string // the occupations (kutsealad) whose standards it approves
	Members     []CouncilMember
	Contacts    Contacts
	Revision    int64
}

// Validate checks the council and returns an *invalid.Errors naming every field that is wrong, or nil:
// the id and the name are required, occupations and members' names are not empty, at most one chair.
func (co *Council) Validate() error {
	c := newChecker()
	c.id("ID", co.ID, true)
	c.text("Name", co.Name, true, 300)
	for i, o := range co.Occupations {
		c.text("Occupations["+strconv.Itoa(i)+"]", o, true, 300)
	}
	chairs := 0
	for i, m := range co.Members {
		p := "Members[" + strconv.Itoa(i) + "]."
		c.text(p+"Name", m.Name, true, 200)
		c.text(p+"Represents", m.Represents, false, 300)
		if m.Chair {
			if chairs++; chairs == 2 {
				c.add(p+"Chair", "true", "is held by another member: a council has one chair")
			}
		}
	}
	co.Contacts.check(c, "Contacts.")
	return c.err()
}

// Field is a field (valdkond) of the qualification system's classifier, e.g. "Tehnika, tootmine ja
// ehitus".
type Field struct {
	ID   ID
	Name string
}

// Occupation is an occupation (kutseala) of the classifier, e.g. 10521659 "Sotsiaaltöö ja
// nõustamine", in a field, with the ISCO-08 occupations it corresponds to.
type Occupation struct {
	ID    ID
	Name  string
	Field ID // the field it belongs to; zero when not known
	ISCO  []classifier.ISCO
}

// Classifier is the qualification system's classifier (kutsesüsteemi klassifikaator, the register's
// open-data feed of that name): its fields and occupations, with their ISCO-08 occupations.
type Classifier struct {
	Fields      []Field
	Occupations []Occupation
}

// Field returns the field with the id, and false when there is none.
func (k *Classifier) Field(id ID) (Field, bool) {
	for _, f := range k.Fields {
		if f.ID == id {
			return f, true
		}
	}
	return Field{}, false
}

// Validate checks the classifier and returns an *invalid.Errors naming every field that is wrong, or
// nil: ids and names required, ids unique within fields and within occupations, an occupation's field
// among the fields, ISCO codes of 1–4 digits.
func (k *Classifier) Validate() error {
	c := newChecker()
	fields := map[ID]bool{}
	for i, f := range k.Fields {
		p := "Fields[" + strconv.Itoa(i) + "]."
		c.id(p+"ID", f.ID, true)
		c.text(p+"Name", f.Name, true, 300)
		if f.ID != 0 && fields[f.ID] {
			c.add(p+"ID", f.ID.String(), "is listed twice")
		}
		fields[f.ID] = true
	}
	occs := map[ID]bool{}
	for i, o := range k.Occupations {
		p := "Occupations[" + strconv.Itoa(i) + "]."
		c.id(p+"ID", o.ID, true)
		c.text(p+"Name", o.Name, true, 300)
		if o.ID != 0 && occs[o.ID] {
			c.add(p+"ID", o.ID.String(), "is listed twice")
		}
		occs[o.ID] = true
		if o.Field != 0 && !fields[o.Field] {
			c.add(p+"Field", o.Field.String(), "is not one of the classifier's fields")
		}
		for j, e := range o.ISCO {
			if !validISCOCode(e.Code) {
				c.add(p+"ISCO["+strconv.Itoa(j)+"].Code", e.Code, "must be 1–4 digits")
			}
		}
	}
	return c.err()
}
