package xroad

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/duplicate"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
)

// Validate checks the search's values as the schema types them: a type 1–3, levels 1–8, dates
// "2006-01-02", kirjetearv one of 10, 30, 50, 100, 200, 500, and at least one criterion. The error is
// an *invalid.Errors naming each element.
func (r *SearchRequest) Validate() error {
	errs := &invalid.Errors{Pkg: pkg}
	if r.Tyyp != "" {
		if _, err := classifier.ParseCertificateType(r.Tyyp); err != nil {
			errs.Add("tyyp", r.Tyyp, "must be 1, 2 or 3")
		}
	}
	level(errs, "ekrtase", r.Ekrtase)
	level(errs, "eqftase", r.Eqftase)
	for _, d := range []struct{ f, v string }{{"valjastatudalgus", r.Valjastatudalgus}, {"valjastatudlopp", r.Valjastatudlopp},
		{"kehtibalatesalgus", r.Kehtibalatesalgus}, {"kehtibalateslopp", r.Kehtibalateslopp},
		{"kehtibkunialgus", r.Kehtibkunialgus}, {"kehtibkunilopp", r.Kehtibkunilopp}} {
		date(errs, d.f, d.v)
	}
	switch r.Kirjetearv {
	case "", "10", "30", "50", "100", "200", "500":
	default:
		errs.Add("kirjetearv", r.Kirjetearv, "must be 10, 30, 50, 100, 200 or 500 (kirjeteArvType)")
	}
	if *r == (SearchRequest{XMLName: r.XMLName, Kirjetearv: r.Kirjetearv}) {
		errs.Add("kutsetunnistus", "", "needs at least one criterion")
	}
	return errs.Err()
}

// typeCode returns the X-Road certificate type of c: 1 kutsetunnistus (or 3 when Extra[KeyTyyp] says
// esmane kutse), 2 osakutsetunnistus, 3 for a qualification on a school-leaving document.
func typeCode(c *certificate.Certificate) (classifier.CertificateType, bool) {
	switch c.Kind {
	case certificate.Occupational:
		if c.Extra[KeyTyyp] == "esmane kutse" {
			return classifier.InitialQualification, true
		}
		return classifier.OccupationalCertificate, true
	case certificate.Partial:
		return classifier.PartialCertificate, true
	case certificate.SchoolQualification:
		return classifier.InitialQualification, true
	}
	return 0, false
}

// byName returns the id of the entry named name (compared case- and diacritic-insensitively).
func byName(refs []register.Ref, name string) (register.ID, bool) {
	f := register.Fold(name)
	for _, r := range refs {
		if register.Fold(r.Name) == f {
			return r.ID, true
		}
	}
	return 0, false
}

// signs cites Reg74 § 6: a certificate is signed by the chair of the qualification committee, or in
// the chair's absence the vice-chair.
var signs = law.Citation{Act: "Kutsetunnistuse statuut ja vorm (HTM määrus nr 74)", RT: "RTL 2009, 2, 32", Section: "6"}

// NewAddRequest builds the request by which awarding body b adds certificate c, issued under version
// v of its standard, to the register (kutsetunnistuseLisamineParing), signed by committee member
// signer. The register wants ids where the certificate has names, so each is looked up: the
// specialisation and the partial qualification among v's, the competences among v's for the
// certificate's type, the exam language among b's. It refuses (an *invalid.Errors naming the
// certificate's fields) what the register would: a kind the register does not hold, a type b does not
// issue, a holder without a personal code (the service requires isikukood), a name not in the
// standard, a standard without pohikutse and no specialisation, an extra field b may not fill, a
// hidden certificate b may not hide, a signer who is not the chair or vice-chair of one of b's
// committees (Reg74 § 6). Asutus is left for the client to fill.
func NewAddRequest(c *certificate.Certificate, v *register.StandardVersion, b *register.AwardingBody, signer register.ID) (AddRequest, error) {
	errs := &invalid.Errors{Pkg: pkg}
	r := AddRequest{Nimi: c.Holder.Name, Kutsestandard: v.ID.String(), Lisavali: c.Extra[KeyLisavali], Hariduslikkval: c.Extra[KeyHariduslikkval]}
	t, ok := typeCode(c)
	switch {
	case !ok:
		errs.Add("Kind", c.Kind.String(), "must be occupational, partial or school-qualification: the register holds no other")
	case len(b.CertificateTypes) > 0 && !slices.Contains(b.CertificateTypes, t):
		errs.Add("Kind", c.Kind.String(), "is a "+strings.ToLower(t.String())+", which "+b.Name+" does not issue")
	}
	r.Tyyp = t.Code()
	if strings.TrimSpace(c.Holder.Name) == "" {
		errs.Add("Holder.Name", "", "is required")
	}
	if c.Holder.Code.IsZero() {
		errs.Add("Holder.Code", "", "is required: the register's service adds certificates by personal code")
	} else {
		r.Isikukood = c.Holder.Code.String()
	}
	if v.ID.IsZero() {
		errs.Add("Standard", c.Standard, "has no register id")
	}
	if c.Specialisation != "" {
		if id, ok := byName(v.Specialisations, c.Specialisation); ok {
			r.Spetsialiseerumine = id.String()
		} else {
			errs.Add("Specialisation", c.Specialisation, "is not a specialisation of standard "+v.Name)
		}
	} else if t != classifier.PartialCertificate && !v.Basic && len(v.Specialisations) > 0 {
		errs.Add("Specialisation", "", "is required: standard "+v.Name+" does not award the basic qualification (pohikutse)")
	}
	partial := c.Extra[KeyOsakutse]
	if t == classifier.PartialCertificate {
		partial = c.Title
	}
	if partial != "" {
		if id, ok := byName(v.Partials, partial); ok {
			r.Osakutse = id.String()
		} else {
			errs.Add("Title", partial, "is not a partial qualification of standard "+v.Name)
		}
	}
	if len(c.Competences) > 0 {
		var pool []register.Ref
		comps := v.CompetencesFor(t)
		if comps == nil {
			for _, s := range v.Competences {
				comps = append(comps, s.Competences...)
			}
		}
		for _, comp := range comps {
			pool = append(pool, register.Ref{ID: comp.ID, Name: comp.Name})
		}
		r.Kompetentsid = &IDs{}
		for i, name := range c.Competences {
			if id, ok := byName(pool, name); ok {
				r.Kompetentsid.Kompetents = append(r.Kompetentsid.Kompetents, id.String())
			} else {
				errs.Add("Competences["+strconv.Itoa(i)+"]", name, "is not a competence of standard "+v.Name)
			}
		}
	}
	if r.Lisavali != "" && !b.ExtraField {
		errs.Add("Extra["+KeyLisavali+"]", r.Lisavali, "may not be filled in: "+b.Name+" may not use the extra field (lisavali)")
	}
	if c.ExamLanguage != "" {
		if id, ok := byName(b.ExamLanguages, c.ExamLanguage); ok {
			r.Kutseeksamikeel = id.String()
		} else {
			errs.Add("ExamLanguage", c.ExamLanguage, "is not an exam language of "+b.Name)
		}
	}
	r.Valjastamisekpv = dateText(errs, "IssuedOn", c.IssuedOn)
	r.Kehtivusealgus = dateText(errs, "ValidFrom", c.ValidFrom)
	r.Kehtivuselopp = dateText(errs, "ValidUntil", c.ValidUntil)
	if r.Valjastamisekpv == "" {
		errs.Add("IssuedOn", "", "is required")
	}
	if r.Kehtivusealgus == "" {
		errs.Add("ValidFrom", "", "is required")
	}
	if c.Hidden {
		if !b.MayHide {
			errs.Add("Hidden", "true", "may not be set: "+b.Name+" may not hide data it adds (voibinfotpeita)")
		}
		r.Tunnistuspeidetud = "true"
	}
	switch {
	case signer.IsZero():
		errs.Add("signer", "", "is required: the id of the committee member who signs")
	case len(b.Committees) > 0 && !maySign(b, signer):
		errs.Add("signer", signer.String(), "is not the chair or vice-chair of a qualification committee of "+b.Name+" ("+signs.String()+")")
	}
	r.Allkirjastaja = signer.String()
	for _, f := range []struct{ name, v string }{{"Holder.Name", r.Nimi}, {"Extra[" + KeyLisavali + "]", r.Lisavali},
		{"Extra[" + KeyHariduslikkval + "]", r.Hariduslikkval}} {
		if !xmlText(f.v) {
			errs.Add(f.name, "", "is not valid UTF-8 or holds a character XML cannot carry")
		}
	}
	if err := errs.Err(); err != nil {
		return AddRequest{}, err
	}
	return r, nil
}

func maySign(b *register.AwardingBody, id register.ID) bool {
	for _, c := range b.Committees {
		for _, m := range c.Members {
			if m.ID == id && (m.Role == classifier.Chair || m.Role == classifier.ViceChair) {
				return true
			}
		}
	}
	return false
}

// refName returns the name of the entry with the id text s, and false when there is none.
func refName(refs []register.Ref, s string) (string, bool) {
	id, err := register.ParseID(s)
	if err != nil {
		return "", false
	}
	for _, r := range refs {
		if r.ID == id {
			return r.Name, true
		}
	}
	return "", false
}

// Certificate maps the request back to the certificate it adds, as the register (or a test) reads
// it: the ids looked up in version v of the standard and in awarding body b, the issuer b. It is the
// reverse of [NewAddRequest] for the fields the request carries (not the title of an occupational
// certificate, which is the specialisation or else the standard's name, nor the number, which the
// register allocates). The error is an *invalid.Errors naming each element.
func (r *AddRequest) Certificate(v *register.StandardVersion, b *register.AwardingBody) (certificate.Certificate, error) {
	errs := &invalid.Errors{Pkg: pkg}
	c := certificate.Certificate{Holder: certificate.Holder{Name: r.Nimi}, Standard: v.Name, EKR: v.EKR, EQF: v.EKR,
		Issuer: b.Name, IssuerCode: b.Code}
	t, err := classifier.ParseCertificateType(r.Tyyp)
	switch {
	case err != nil:
		errs.Add("tyyp", r.Tyyp, "must be 1, 2 or 3")
	case t == classifier.PartialCertificate:
		c.Kind = certificate.Partial
	case t == classifier.InitialQualification:
		c.Kind = certificate.Occupational
		c.Extra = map[string]string{KeyTyyp: "esmane kutse"}
	default:
		c.Kind = certificate.Occupational
	}
	if code, err := isikukood.Parse(r.Isikukood); err == nil {
		c.Holder.Code = code
	} else {
		errs.Add("isikukood", r.Isikukood, "is not a valid personal code")
	}
	if r.Kutsestandard != v.ID.String() {
		errs.Add("kutsestandard", r.Kutsestandard, "is not the id of version "+v.ID.String())
	}
	if r.Spetsialiseerumine != "" {
		if n, ok := refName(v.Specialisations, r.Spetsialiseerumine); ok {
			c.Specialisation = n
		} else {
			errs.Add("spetsialiseerumine", r.Spetsialiseerumine, "is not a specialisation of the standard")
		}
	}
	c.Title = defaultTitle(c.Specialisation, c.Standard)
	if r.Osakutse != "" {
		n, ok := refName(v.Partials, r.Osakutse)
		switch {
		case !ok:
			errs.Add("osakutse", r.Osakutse, "is not a partial qualification of the standard")
		case c.Kind == certificate.Partial:
			c.Title = n
		default:
			c.Extra = setExtra(c.Extra, KeyOsakutse, n)
		}
	}
	if r.Kompetentsid != nil {
		var pool []register.Ref
		for _, s := range v.Competences {
			for _, comp := range s.Competences {
				pool = append(pool, register.Ref{ID: comp.ID, Name: comp.Name})
			}
		}
		for _, id := range r.Kompetentsid.Kompetents {
			if n, ok := refName(pool, id); ok {
				c.Competences = append(c.Competences, n)
			} else {
				errs.Add("kompetentsid", id, "is not a competence of the standard")
			}
		}
	}
	if r.Kutseeksamikeel != "" {
		if n, ok := refName(b.ExamLanguages, r.Kutseeksamikeel); ok {
			c.ExamLanguage = n
		} else {
			errs.Add("kutseeksamikeel", r.Kutseeksamikeel, "is not an exam language of the body")
		}
	}
	if r.Lisavali != "" {
		c.Extra = setExtra(c.Extra, KeyLisavali, r.Lisavali)
	}
	if r.Hariduslikkval != "" {
		c.Extra = setExtra(c.Extra, KeyHariduslikkval, r.Hariduslikkval)
	}
	c.IssuedOn = date(errs, "valjastamisekpv", r.Valjastamisekpv)
	c.ValidFrom = date(errs, "kehtivusealgus", r.Kehtivusealgus)
	c.ValidUntil = date(errs, "kehtivuselopp", r.Kehtivuselopp)
	c.Hidden = r.Tunnistuspeidetud == "true" || r.Tunnistuspeidetud == "1"
	if err := errs.Err(); err != nil {
		return certificate.Certificate{}, err
	}
	return c, nil
}

func setExtra(m map[string]string, k, v string) map[string]string {
	if m == nil {
		m = map[string]string{}
	}
	m[k] = v
	return m
}

// NewDuplicateRequest builds the request for a duplicate of certificate c on ground g
// (kutsetunnistuseDuplikaatParing, CERT-07): the reason is g's code in the schema (duplicate.Ground.XRoad:
// lost 1, illegible 2, an error in the data 3). A ground the schema has no code for, or a kind the
// register does not hold, is an error wrapping invalid.ErrInvalid.
func NewDuplicateRequest(c *certificate.Certificate, g duplicate.Ground, comment string) (DuplicateRequest, error) {
	errs := &invalid.Errors{Pkg: pkg}
	t, ok := typeCode(c)
	if !ok {
		errs.Add("Kind", c.Kind.String(), "must be occupational, partial or school-qualification")
	}
	code, ok := g.XRoad()
	if !ok {
		errs.Add("Ground", g.String(), "has no reason code in the register's service (1 lost, 2 unusable, 3 an error in the data)")
	}
	if c.Number == "" {
		errs.Add("Number", "", "is required")
	}
	if !xmlText(comment) {
		errs.Add("comment", "", "is not valid UTF-8 or holds a character XML cannot carry")
	}
	if err := errs.Err(); err != nil {
		return DuplicateRequest{}, err
	}
	return DuplicateRequest{Registrinumber: string(c.Number), Tyyp: t.Code(), Pohjus: strconv.Itoa(code), Kommentaar: comment}, nil
}

// Ground returns the duplicate's ground from the reason code (duplicate.GroundFromXRoad).
func (r *DuplicateRequest) Ground() (duplicate.Ground, error) {
	n, err := strconv.Atoi(strings.TrimSpace(r.Pohjus))
	if err != nil {
		return 0, &invalid.FieldError{Pkg: pkg, Field: "pohjus", Value: r.Pohjus, Reason: "must be 1, 2 or 3"}
	}
	return duplicate.GroundFromXRoad(n)
}

// ChangedSince returns the request for the standards changed since t, as an xs:dateTime in
// Europe/Tallinn.
func ChangedSince(t time.Time) ChangedStandardsRequest {
	if loc, err := calendar.Tallinn(); err == nil && loc != nil {
		t = t.In(loc)
	}
	return ChangedStandardsRequest{Alates: t.Format(time.RFC3339)}
}

func refsOf(errs *invalid.Errors, field string, xs []IDName) []register.Ref {
	var out []register.Ref
	for i, x := range xs {
		id, err := register.ParseID(x.ID)
		if err != nil {
			errs.Add(field+"["+strconv.Itoa(i)+"].id", x.ID, "must be a positive integer")
		}
		out = append(out, register.Ref{ID: id, Name: x.Nimetus})
	}
	return out
}

func idNames(rs []register.Ref) []IDName {
	out := make([]IDName, len(rs))
	for i, r := range rs {
		out[i] = IDName{ID: r.ID.String(), Nimetus: r.Name}
	}
	return out
}

func idOf(errs *invalid.Errors, field, s string, required bool) register.ID {
	if strings.TrimSpace(s) == "" {
		if required {
			errs.Add(field, "", "is required")
		}
		return 0
	}
	id, err := register.ParseID(s)
	if err != nil {
		errs.Add(field, s, "must be a positive integer")
	}
	return id
}

// StandardVersion maps one changed standard (muutunudKutsestandardType) to a version of a standard.
// The message has no standard types, occupation, competences or pohikutse: those stay unset, to be
// filled from the awarding bodies' data (kutseAndjaInfo) or the standards feed before the version is
// validated. The error is an *invalid.Errors naming each element.
func (cs *ChangedStandard) StandardVersion() (register.StandardVersion, error) {
	errs := &invalid.Errors{Pkg: pkg}
	v := register.StandardVersion{ID: idOf(errs, "id", cs.ID, true), Group: cs.Grupp, VersionType: cs.Versioonituup,
		Previous: idOf(errs, "eelmineversioon", cs.Eelmineversioon, false), Name: cs.Nimetus, EKR: level(errs, "ekrtase", cs.Ekrtase),
		InForce: law.Period{From: date(errs, "kehtivusealgus", cs.Kehtivusealgus), Until: date(errs, "kehtivuselopp", cs.Kehtivuselopp)},
		Field:   cs.Valdkond}
	if n, err := strconv.Atoi(strings.TrimSpace(cs.Versioon)); err == nil && n > 0 {
		v.Version = n
	} else {
		errs.Add("versioon", cs.Versioon, "must be a positive integer")
	}
	if cs.Osakutsed != nil {
		v.Partials = refsOf(errs, "osakutsed", cs.Osakutsed.Osakutse)
	}
	if cs.Spetsialiseerumised != nil {
		v.Specialisations = refsOf(errs, "spetsialiseerumised", cs.Spetsialiseerumised.Spetsialiseerumine)
	}
	if err := errs.Err(); err != nil {
		return register.StandardVersion{}, err
	}
	return v, nil
}

// ChangedStandardOf maps a version of a standard to muutunudKutsestandardType, the reverse of
// [ChangedStandard.StandardVersion]; the fields the message has no place for are dropped.
func ChangedStandardOf(v *register.StandardVersion) ChangedStandard {
	cs := ChangedStandard{ID: v.ID.String(), Grupp: v.Group, Versioon: strconv.Itoa(v.Version), Versioonituup: v.VersionType,
		Eelmineversioon: v.Previous.String(), Nimetus: v.Name, Ekrtase: v.EKR.String(), Kehtivusealgus: v.InForce.From.String(),
		Kehtivuselopp: v.InForce.Until.String(), Valdkond: v.Field}
	if len(v.Partials) > 0 {
		cs.Osakutsed = &Osakutsed{Osakutse: idNames(v.Partials)}
	}
	if len(v.Specialisations) > 0 {
		cs.Spetsialiseerumised = &Spetsialiseerumised{Spetsialiseerumine: idNames(v.Specialisations)}
	}
	return cs
}

// Versions returns the answer's versions, or its error text (viga) as a *[RegisterError].
func (r *ChangedStandardsResponse) Versions() ([]register.StandardVersion, error) {
	if r.Viga != "" {
		return nil, &RegisterError{Count: 1, Errors: []Viga{{Teade: r.Viga}}}
	}
	if r.Kutsestandardid == nil {
		return nil, nil
	}
	out := make([]register.StandardVersion, 0, len(r.Kutsestandardid.Kutsestandard))
	for i := range r.Kutsestandardid.Kutsestandard {
		v, err := r.Kutsestandardid.Kutsestandard[i].StandardVersion()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func xsBool(errs *invalid.Errors, field, s string) bool {
	switch strings.TrimSpace(s) {
	case "true", "1":
		return true
	case "false", "0", "":
		return false
	}
	errs.Add(field, s, `must be an xs:boolean: "true", "false", "1" or "0"`)
	return false
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func certTypesOf(errs *invalid.Errors, field string, codes []string) []classifier.CertificateType {
	var out []classifier.CertificateType
	for _, s := range codes {
		t, err := classifier.ParseCertificateType(s)
		if err != nil {
			errs.Add(field, s, "must be 1, 2 or 3")
			continue
		}
		out = append(out, t)
	}
	return out
}

func certCodes(ts []classifier.CertificateType) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Code()
	}
	return out
}

// AwardingBody maps the answer to the awarding body with registry code code (the answer has no code:
// the caller knows whom it asked), with its awards (one per kutsestandard: id, name, types,
// specialisations, partial qualifications, competences, pohikutse), committees and exam languages. A
// refusal in the answer (vigadearv, vead) is returned as a *[RegisterError]; bad values as an
// *invalid.Errors naming each element.
func (r *BodyInfoResponse) AwardingBody(code string) (register.AwardingBody, error) {
	if err := r.Err(); err != nil {
		return register.AwardingBody{}, err
	}
	errs := &invalid.Errors{Pkg: pkg}
	b := register.AwardingBody{Code: code}
	if h := r.Kutseandja; h != nil {
		b.Name = h.Nimetus
		b.CertificateTypes = certTypesOf(errs, "tunnistusetyyp", h.Tunnistusetyybid.Tunnistusetyyp)
		b.ExtraField = xsBool(errs, "lisavali", h.Lisavali)
		b.MayHide = xsBool(errs, "voibinfotpeita", h.Voibinfotpeita)
	}
	if r.Kutsestandardid != nil {
		for i, s := range r.Kutsestandardid.Kutsestandard {
			p := "kutsestandard[" + strconv.Itoa(i) + "]."
			a := register.Award{Standard: idOf(errs, p+"id", s.ID, true), Name: s.Nimetus, Basic: xsBool(errs, p+"pohikutse", s.Pohikutse)}
			for _, t := range s.Tyybid.Tyyp {
				st, err := classifier.ParseStandardType(t)
				if err != nil {
					errs.Add(p+"tyyp", t, "must be 1, 2 or 3")
					continue
				}
				a.Types = append(a.Types, st)
			}
			if s.Spetsialiseerumised != nil {
				a.Specialisations = refsOf(errs, p+"spetsialiseerumised", s.Spetsialiseerumised.Spetsialiseerumine)
			}
			if s.Osakutsed != nil {
				a.Partials = refsOf(errs, p+"osakutsed", s.Osakutsed.Osakutse)
			}
			for _, k := range s.Kompetentsid {
				set := register.CompetenceSet{For: certTypesOf(errs, p+"kompetentsid.tunnistusetyyp", k.Tunnistusetyybid.Tunnistusetyyp)}
				for _, ref := range refsOf(errs, p+"kompetentsid.kompetents", k.Kompetentsinimekiri.Kompetents) {
					set.Competences = append(set.Competences, register.Competence{ID: ref.ID, Name: ref.Name})
				}
				a.Competences = append(a.Competences, set)
			}
			b.Awards = append(b.Awards, a)
		}
	}
	if r.Kutsekomisjonid != nil {
		for i, k := range r.Kutsekomisjonid.Kutsekomisjon {
			com := register.Committee{Name: k.Nimetus}
			for j, m := range k.Liikmed.Liige {
				f := "kutsekomisjon[" + strconv.Itoa(i) + "].liige[" + strconv.Itoa(j) + "]."
				role, err := classifier.ParseCommitteeRole(m.Roll)
				if err != nil {
					errs.Add(f+"roll", m.Roll, "must be 1, 2 or 3")
				}
				com.Members = append(com.Members, register.Member{ID: idOf(errs, f+"id", m.ID, true), Name: m.Nimi, Role: role})
			}
			b.Committees = append(b.Committees, com)
		}
	}
	if r.Kutseeksamikeeled != nil {
		b.ExamLanguages = refsOf(errs, "kutseeksamikeeled", r.Kutseeksamikeeled.Keel)
	}
	if err := errs.Err(); err != nil {
		return register.AwardingBody{}, err
	}
	return b, nil
}

// BodyInfoResponseOf maps an awarding body to kutseAndjaInfoVastus, the reverse of
// [BodyInfoResponse.AwardingBody]; what the answer has no place for (the registry code, contacts, the
// term of the right, the award's procedure and information) is dropped.
func BodyInfoResponseOf(b *register.AwardingBody) BodyInfoResponse {
	r := BodyInfoResponse{Vigadearv: "0", Kutseandja: &BodyHead{Nimetus: b.Name, Tunnistusetyybid: Tunnistusetyybid{Tunnistusetyyp: certCodes(b.CertificateTypes)},
		Lisavali: boolText(b.ExtraField), Voibinfotpeita: boolText(b.MayHide)}}
	if len(b.Awards) > 0 {
		r.Kutsestandardid = &BodyStandards{}
		for _, a := range b.Awards {
			s := BodyStandard{ID: a.Standard.String(), Nimetus: a.Name, Pohikutse: boolText(a.Basic)}
			for _, t := range a.Types {
				s.Tyybid.Tyyp = append(s.Tyybid.Tyyp, t.Code())
			}
			if len(a.Specialisations) > 0 {
				s.Spetsialiseerumised = &Spetsialiseerumised{Spetsialiseerumine: idNames(a.Specialisations)}
			}
			if len(a.Partials) > 0 {
				s.Osakutsed = &Osakutsed{Osakutse: idNames(a.Partials)}
			}
			for _, set := range a.Competences {
				k := Kompetentsid{Tunnistusetyybid: Tunnistusetyybid{Tunnistusetyyp: certCodes(set.For)}}
				for _, c := range set.Competences {
					k.Kompetentsinimekiri.Kompetents = append(k.Kompetentsinimekiri.Kompetents, IDName{ID: c.ID.String(), Nimetus: c.Name})
				}
				s.Kompetentsid = append(s.Kompetentsid, k)
			}
			r.Kutsestandardid.Kutsestandard = append(r.Kutsestandardid.Kutsestandard, s)
		}
	}
	if len(b.Committees) > 0 {
		r.Kutsekomisjonid = &Kutsekomisjonid{}
		for _, c := range b.Committees {
			k := Kutsekomisjon{Nimetus: c.Name}
			for _, m := range c.Members {
				k.Liikmed.Liige = append(k.Liikmed.Liige, Liige{ID: m.ID.String(), Nimi: m.Name, Roll: m.Role.Code()})
			}
			r.Kutsekomisjonid.Kutsekomisjon = append(r.Kutsekomisjonid.Kutsekomisjon, k)
		}
	}
	if len(b.ExamLanguages) > 0 {
		r.Kutseeksamikeeled = &Kutseeksamikeeled{Keel: idNames(b.ExamLanguages)}
	}
	return r
}
