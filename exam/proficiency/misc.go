package proficiency

import (
	"strconv"
	"strings"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
)

// Organiser returns the institution that organises the exams on day d (LNG-01): REKK under 004
// (§ 2), SA Innove under the rules of 2011 as the exam centre's page (003) names it, and Haridus- ja
// Noorteamet (Harno) from 01.08.2020 (regulation nr 24 § 3 (4)). The SDK holds it as data: a host
// adds a version for a later organiser with [Rulebook.With].
func (rb Rulebook) Organiser(d calendar.Date) (string, law.Explanation, error) {
	var e law.Explanation
	v, step, err := rb.version(d)
	if err != nil {
		return "", e, err
	}
	e.AddStep(step)
	e.Add("LNG-01", cite(v, "LNG-01"), "eksameid korraldab "+v.Rule.Organiser, "the exams are organised by "+v.Rule.Organiser)
	return v.Rule.Organiser, e, nil
}

// CheckSpecialNeeds checks a special-needs request and, where there is one, the expert committee's
// decision on it, for a session (LNG-06, 004 § 5 (3) and § 8): the request comes with a specialist's
// statement; the decision has a date and a reference and allows only what § 8 (1) lists (another
// time and place, extra time, exemption from tasks), the exempted tasks' points being within each
// part's maximum and at least one part left to sit. It returns a [*Refusal] wrapping
// ErrSpecialNeeds, or a field error, and the explanation.
func (rb Rulebook) CheckSpecialNeeds(s Session, sn SpecialNeeds) (law.Explanation, error) {
	var e law.Explanation
	v, step, err := rb.version(s.Date)
	if err != nil {
		return e, err
	}
	e.AddStep(step)
	c := cite(v, "LNG-06")
	refuse := func(et, en string) (law.Explanation, error) {
		r := &Refusal{Rule: "LNG-06", Citation: c, Version: v.Name, Op: "special needs for " + s.ID, Err: ErrSpecialNeeds, Et: et, En: en}
		e.AddStep(r.Step())
		return e, r
	}
	if !sn.RequestedOn.IsValid() {
		return e, &FieldError{Pkg: pkg, Field: "RequestedOn", Reason: "is required: a real date"}
	}
	if strings.TrimSpace(sn.Statement) == "" {
		return refuse("taotlusele tuleb lisada eriarsti teatis terviseseisundi kohta",
			"the request must come with a specialist's statement on the person's health")
	}
	e.Add("LNG-06", c, "taotlus koos eriarsti teatisega ("+sn.Statement+")",
		"a request with a specialist's statement ("+sn.Statement+")")
	a := sn.Decision
	if a == nil {
		return e, nil
	}
	if !a.DecidedOn.IsValid() || strings.TrimSpace(a.Reference) == "" {
		return e, &FieldError{Pkg: pkg, Field: "Decision", Reason: "needs the date and the reference of the expert committee's decision"}
	}
	if a.ExtraMinutes < 0 {
		return e, &FieldError{Pkg: pkg, Field: "Decision.ExtraMinutes", Value: strconv.Itoa(a.ExtraMinutes), Reason: "must not be negative"}
	}
	var what, whatEn []string
	if a.OtherTimePlace {
		what, whatEn = append(what, "teistest erineval ajal ja kohas"), append(whatEn, "at another time and place")
	}
	if a.ExtraMinutes > 0 {
		what, whatEn = append(what, strconv.Itoa(a.ExtraMinutes)+" minutit lisaaega"), append(whatEn, strconv.Itoa(a.ExtraMinutes)+" minutes of extra time")
	}
	left := 0
	for _, k := range Skills {
		x, m := a.Exempted.Of(k), s.Max.Of(k)
		if x.IsNegative() || x.GreaterThan(m) {
			return refuse("vabastus osas "+k.Name(law.Estonian)+" ("+numEt(x)+" punkti) ületab osa maksimumi "+numEt(m),
				"the exemption in "+k.Name(law.English)+" ("+x.String()+" points) exceeds the part's maximum "+m.String())
		}
		if x.LessThan(m) {
			left++
		}
		if !zero(x) {
			what = append(what, "vabastus ülesannetest osas "+k.Name(law.Estonian)+" ("+numEt(x)+" punkti)")
			whatEn = append(whatEn, "exemption from tasks in "+k.Name(law.English)+" ("+x.String()+" points)")
		}
	}
	if left == 0 {
		return refuse("vabastus kõigist ülesannetest ei jäta eksamit, mida sooritada",
			"an exemption from every task leaves no exam to sit")
	}
	if len(what) == 0 {
		what, whatEn = []string{"erisusi ei võimaldata"}, []string{"no arrangement allowed"}
	}
	e.Add("LNG-06", c, "ekspertkomisjoni otsus "+a.Reference+" ("+a.DecidedOn.Register()+"): "+join(what),
		"the expert committee's decision "+a.Reference+" ("+a.DecidedOn.Register()+"): "+join(whatEn))
	return e, nil
}

// DocumentKind is a kind of identity document (isikut tõendav dokument) on which a person is
// admitted to the exam (LNG-14).
type DocumentKind uint8

// The identity documents of the Isikut tõendavate dokumentide seadus that a person carries to an
// exam, and a foreign state's travel document.
const (
	IDCard              DocumentKind = iota + 1 // isikutunnistus (ID-kaart)
	ResidencePermitCard                         // elamisloakaart
	Passport                                    // Eesti kodaniku pass
	DiplomaticPassport                          // diplomaatiline pass
	AliensPassport                              // välismaalase pass
	ForeignPassport                             // a foreign state's travel document
)

var documentNames = [...]string{IDCard: "ID-kaart", ResidencePermitCard: "elamisloakaart", Passport: "pass",
	DiplomaticPassport: "diplomaatiline pass", AliensPassport: "välismaalase pass", ForeignPassport: "välisriigi reisidokument"}

// String returns the document kind in Estonian, e.g. "ID-kaart".
func (k DocumentKind) String() string {
	if k < IDCard || k > ForeignPassport {
		return "dokument(" + strconv.Itoa(int(k)) + ")"
	}
	return documentNames[k]
}

// IdentityDocument is the document a person shows at the exam's door.
type IdentityDocument struct {
	Kind       DocumentKind
	Number     string
	Name       string         // the holder's name
	Code       isikukood.Code // the holder's personal code, where the document has one
	BirthDate  calendar.Date  // the holder's birth date
	ValidUntil calendar.Date  // the last day of validity
}

// Admit decides whether the person registered in r is admitted to the exam on the document shown
// (LNG-14, 004 § 6 (5)): an identity document of a kind above, valid on the exam day, that
// identifies the registered person (the same personal code; for a person registered without one,
// the same birth date and name, letter case and spacing aside). A refusal is a [*Refusal]
// wrapping ErrNotAdmitted.
func (rb Rulebook) Admit(r Registration, doc IdentityDocument) (law.Explanation, error) {
	var e law.Explanation
	v, step, err := rb.version(r.Date)
	if err != nil {
		return e, err
	}
	e.AddStep(step)
	c := cite(v, "LNG-14")
	refuse := func(et, en string) (law.Explanation, error) {
		x := &Refusal{Rule: "LNG-14", Citation: c, Version: v.Name, Op: "admit to " + r.Session, Err: ErrNotAdmitted, Et: et, En: en}
		e.AddStep(x.Step())
		return e, x
	}
	if r.Status != Registered {
		return refuse("isik ei ole eksamile registreeritud", "the person is not registered for the exam")
	}
	if doc.Kind < IDCard || doc.Kind > ForeignPassport {
		return refuse("esitatud dokument ei ole isikut tõendav dokument", "the document shown is not an identity document")
	}
	if doc.ValidUntil.IsZero() || doc.ValidUntil.Before(r.Date) {
		return refuse(doc.Kind.String()+" ei kehti eksamipäeval "+r.Date.Register(),
			"the "+doc.Kind.String()+" is not valid on the exam day "+r.Date.Register())
	}
	p := r.Person
	same := !p.Code.IsZero() && doc.Code == p.Code
	if p.Code.IsZero() {
		same = !p.BirthDate.IsZero() && doc.BirthDate == p.BirthDate &&
			strings.EqualFold(strings.Join(strings.Fields(doc.Name), " "), strings.Join(strings.Fields(p.Name), " "))
	}
	if !same {
		return refuse("dokument ei tõenda registreeritud isiku isikut", "the document does not identify the registered person")
	}
	e.Add("LNG-14", c, "eksamile lubatakse isikut tõendava dokumendi ("+doc.Kind.String()+" "+doc.Number+") alusel",
		"admitted on an identity document ("+doc.Kind.String()+" "+doc.Number+")")
	return e, nil
}

// Delivery is how the certificate of a passed exam reaches the person (LNG-18).
type Delivery uint8

// The ways of delivery (004 § 7 (6) as amended from 01.10.2010).
const (
	Portal  Delivery = iota + 1 // made available electronically in the state portal eesti.ee
	InWrite                     // in a form that can be reproduced in writing (kirjalikku taasesitamist võimaldavas vormis)
)

// String returns "portal" or "written".
func (d Delivery) String() string {
	switch d {
	case Portal:
		return "portal"
	case InWrite:
		return "written"
	}
	return "delivery(" + strconv.Itoa(int(d)) + ")"
}

// DeliveryOf returns how the certificate of an exam passed on exam reaches person p (LNG-18,
// 004 § 7 (6)): in the state portal, or in written form for a person without an Estonian personal
// code.
func (rb Rulebook) DeliveryOf(p Person, exam calendar.Date) (Delivery, law.Explanation, error) {
	var e law.Explanation
	v, step, err := rb.version(exam)
	if err != nil {
		return 0, e, err
	}
	e.AddStep(step)
	c := cite(v, "LNG-18")
	if p.Code.IsZero() {
		e.Add("LNG-18", c, "isikul ei ole Eesti isikukoodi: tunnistus väljastatakse kirjalikku taasesitamist võimaldavas vormis",
			"the person has no Estonian personal code: the certificate is issued in a form that can be reproduced in writing")
		return InWrite, e, nil
	}
	e.Add("LNG-18", c, "tunnistus tehakse kättesaadavaks riigiportaalis eesti.ee",
		"the certificate is made available in the state portal eesti.ee")
	return Portal, e, nil
}
