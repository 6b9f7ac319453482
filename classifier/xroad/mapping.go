package xroad

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/isikukood"
)

const pkg = "xroad"

// Keys of certificate.Extra that hold the elements the SDK does not model. Flags are kept only when
// true.
const (
	KeyOsakutse       = "xroad:osakutse"       // osakutse of a certificate that is not partial
	KeyLisavali       = "xroad:lisavali"       // lisavali
	KeyValdkond       = "xroad:valdkond"       // valdkond
	KeyKutseala       = "xroad:kutseala"       // kutseala
	KeyHariduslikkval = "xroad:hariduslikkval" // hariduslikkval
	KeyIsco           = "xroad:isco"           // isco
	KeyReaid          = "xroad:reaid"          // reaid
	KeyDuplikaat      = "xroad:duplikaat"      // duplikaat, "true" when set
	KeyKehtetu        = "xroad:kehtetu"        // kehtetu, "true" when set
	KeyKustutatud     = "xroad:kustutatud"     // kustutatud, "true" when set
	KeyTyyp           = "xroad:tyyp"           // "esmane kutse" for certificate type 3
)

// CompetenceSeparator joins the selected competences in the element kompetentsid.
const CompetenceSeparator = "; "

// CertificateType returns the record's certificate type from tyyp: the name in any case
// ("kutsetunnistus", "osakutsetunnistus", "esmane kutse"), as the register writes it, or the code
// "1", "2" or "3" of tunnistuseTyypType. The plural "Kutsetunnistused" seen in the register's test
// data is read as kutsetunnistus.
func (r Record) CertificateType() (classifier.CertificateType, error) {
	s := strings.TrimSpace(r.Tyyp)
	if t, err := classifier.ParseCertificateType(s); err == nil {
		return t, nil
	}
	if strings.EqualFold(s, "kutsetunnistused") {
		return classifier.OccupationalCertificate, nil
	}
	return classifier.ParseCertificateTypeName(s)
}

// ToCertificate maps a record to the SDK's certificate record, field by field:
//
//	registrinumber     → Number (checked with certificate.ParseNumber)
//	nimi               → Holder.Name
//	isikukood          → Holder.Code (isikukood.Parse)
//	synniaeg           → Holder.BirthDate (must agree with isikukood where both are given)
//	tyyp               → Kind: kutsetunnistus (1) → Occupational, osakutsetunnistus (2) → Partial,
//	                     esmane kutse (3) → Occupational with Extra[KeyTyyp] = "esmane kutse"
//	standard           → Standard
//	ekrtase, eqftase   → EKR, EQF (integers 1–8, classifier.LevelOf; equal where both given)
//	spetsialiseerumine → Specialisation
//	osakutse           → Title of a partial certificate; Extra[KeyOsakutse] otherwise
//	(Title)            → osakutse (partial, when given), else spetsialiseerumine, else standard:
//	                     the schema has no title element; the qualification awarded is the
//	                     specialisation where there is one (seed 000, certificate 204580)
//	kompetentsid       → Competences, split at ";" and trimmed, empty parts dropped
//	keel               → ExamLanguage
//	valjastaja         → Issuer
//	valjaantud         → IssuedOn
//	kehtibalates       → ValidFrom
//	kehtibkuni         → ValidUntil (absent: tähtajatu, no end)
//	lisavali, valdkond, kutseala, hariduslikkval, isco, reaid → Extra under "xroad:" keys
//	duplikaat, kehtetu, kustutatud → Extra "true" when true; false and absent are dropped
//
// Dates are xs:date, "2006-01-02"; a time-zone suffix ("Z", "+02:00") is ignored, and the register's
// "02.01.2006" is accepted too (its test data has it). IssuerCode is left empty (the schema does not
// carry the awarding body's registry code: the host sets it), as are Hidden, Invalidated (kehtetu has
// no date or decision), Replaced, DuplicateOf (duplikaat does not name the original), ExpiryNotice,
// IssuedAt and Version. Extra is nil when no element went there.
//
// The result is not validated as a record to issue: call its Validate for that. The error is an
// *invalid.Errors naming every element that is wrong by its element name, e.g. "xroad: kehtibkuni
// "31.02.2030" is not a date".
func ToCertificate(rec Record) (certificate.Certificate, error) {
	errs := &invalid.Errors{Pkg: pkg}
	var c certificate.Certificate
	extra := map[string]string{}
	put := func(key, v string) {
		if v != "" {
			extra[key] = v
		}
	}

	t, err := rec.CertificateType()
	switch {
	case strings.TrimSpace(rec.Tyyp) == "":
		errs.Add("tyyp", "", "is required: kutsetunnistus, osakutsetunnistus or esmane kutse")
	case err != nil:
		errs.Add("tyyp", rec.Tyyp, `must be "kutsetunnistus", "osakutsetunnistus" or "esmane kutse" (or 1, 2, 3)`)
	case t == classifier.PartialCertificate:
		c.Kind = certificate.Partial
	case t == classifier.InitialQualification:
		c.Kind = certificate.Occupational
		extra[KeyTyyp] = "esmane kutse"
	default:
		c.Kind = certificate.Occupational
	}

	if n := strings.TrimSpace(rec.Registrinumber); n != "" {
		if c.Kind != 0 {
			if _, err := certificate.ParseNumber(c.Kind, n); err != nil {
				errs.Add("registrinumber", rec.Registrinumber, "must be up to four capital letters and then 1–10 digits")
			}
		}
		c.Number = certificate.Number(n)
	}

	c.Holder.Name = rec.Nimi
	if s := strings.TrimSpace(rec.Isikukood); s != "" {
		code, err := isikukood.Parse(s)
		if err != nil {
			errs.Add("isikukood", rec.Isikukood, "is not a valid personal code: "+err.Error())
		}
		c.Holder.Code = code
	}
	c.Holder.BirthDate = date(errs, "synniaeg", rec.Synniaeg)
	if !c.Holder.Code.IsZero() && !c.Holder.BirthDate.IsZero() && c.Holder.BirthDate != c.Holder.Code.BirthDate() {
		errs.Add("synniaeg", rec.Synniaeg, "differs from the birth date in isikukood")
	}

	c.Standard = rec.Standard
	c.EKR = level(errs, "ekrtase", rec.Ekrtase)
	c.EQF = level(errs, "eqftase", rec.Eqftase)
	if !c.EKR.IsZero() && !c.EQF.IsZero() && c.EKR != c.EQF {
		errs.Add("eqftase", rec.Eqftase, "must equal ekrtase "+c.EKR.String()+" (CERT-03)")
	}
	c.Specialisation = rec.Spetsialiseerumine
	if c.Kind == certificate.Partial && rec.Osakutse != "" {
		c.Title = rec.Osakutse
	} else {
		c.Title = defaultTitle(rec.Spetsialiseerumine, rec.Standard)
		put(KeyOsakutse, rec.Osakutse)
	}
	for _, part := range strings.Split(rec.Kompetentsid, ";") {
		if p := strings.TrimSpace(part); p != "" {
			c.Competences = append(c.Competences, p)
		}
	}
	c.ExamLanguage = rec.Keel
	c.Issuer = rec.Valjastaja
	c.IssuedOn = date(errs, "valjaantud", rec.Valjaantud)
	c.ValidFrom = date(errs, "kehtibalates", rec.Kehtibalates)
	c.ValidUntil = date(errs, "kehtibkuni", rec.Kehtibkuni)
	if !c.ValidFrom.IsZero() && !c.ValidUntil.IsZero() && c.ValidUntil.Before(c.ValidFrom) {
		errs.Add("kehtibkuni", rec.Kehtibkuni, "is before kehtibalates "+c.ValidFrom.String())
	}

	put(KeyLisavali, rec.Lisavali)
	put(KeyValdkond, rec.Valdkond)
	put(KeyKutseala, rec.Kutseala)
	put(KeyHariduslikkval, rec.Hariduslikkval)
	put(KeyIsco, rec.Isco)
	put(KeyReaid, rec.Reaid)
	for _, f := range []struct{ name, key, v string }{
		{"duplikaat", KeyDuplikaat, rec.Duplikaat},
		{"kehtetu", KeyKehtetu, rec.Kehtetu},
		{"kustutatud", KeyKustutatud, rec.Kustutatud},
	} {
		switch strings.TrimSpace(f.v) {
		case "", "false", "0":
		case "true", "1":
			extra[f.key] = "true"
		default:
			errs.Add(f.name, f.v, `must be an xs:boolean: "true", "false", "1" or "0"`)
		}
	}
	if len(extra) > 0 {
		c.Extra = extra
	}
	if err := errs.Err(); err != nil {
		return certificate.Certificate{}, err
	}
	return c, nil
}

func defaultTitle(specialisation, standard string) string {
	if specialisation != "" {
		return specialisation
	}
	return standard
}

// date parses an xs:date, ignoring a time-zone suffix, or the register's "02.01.2006".
func date(errs *invalid.Errors, field, v string) calendar.Date {
	s := strings.TrimSpace(v)
	if s == "" {
		return calendar.Date{}
	}
	if len(s) > 10 && s[4] == '-' {
		switch z := s[10:]; {
		case z == "Z", len(z) == 6 && (z[0] == '+' || z[0] == '-') && z[3] == ':':
			s = s[:10]
		}
	}
	d, err := calendar.ParseDate(s)
	if err != nil {
		errs.Add(field, v, `is not a date: must be "2006-01-02" (xs:date)`)
		return calendar.Date{}
	}
	return d
}

// level parses an xs:integer level 1–8 (taseType).
func level(errs *invalid.Errors, field, v string) classifier.Level {
	s := strings.TrimSpace(v)
	if s == "" {
		return classifier.Level{}
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		errs.Add(field, v, "must be an integer 1–8")
		return classifier.Level{}
	}
	l, err := classifier.LevelOf(n)
	if err != nil {
		errs.Add(field, v, "must be 1–8")
		return classifier.Level{}
	}
	return l
}

// FromCertificate maps a certificate to a record, the reverse of [ToCertificate]. Kind Occupational
// becomes tyyp "kutsetunnistus" (or "esmane kutse" when Extra[KeyTyyp] says so), Partial
// "osakutsetunnistus" with osakutse = Title, SchoolQualification (a qualification on a school-leaving
// document) "esmane kutse"; other kinds are not in the register and are refused. Title must be what
// [ToCertificate] derives for the record (osakutse of a partial certificate, else Specialisation,
// else Standard), because the schema has no element for it. Competences must each be non-empty,
// without ";" and without white space around them, so that kompetentsid splits back to them. The
// "xroad:" keys of Extra go back to their elements; a set Invalidated writes kehtetu "true", a set
// DuplicateOf duplikaat "true". Dropped, as the schema has no place for them: IssuerCode, Hidden, the
// date and reason of Invalidated, Replaced, the number in DuplicateOf, ExpiryNotice, IssuedAt, Version
// and Extra keys without the "xroad:" prefix. synniaeg is written only when Holder.BirthDate is set.
//
// The error is an *invalid.Errors naming every certificate field that cannot be written.
func FromCertificate(c certificate.Certificate) (Record, error) {
	errs := &invalid.Errors{Pkg: pkg}
	var rec Record
	switch c.Kind {
	case certificate.Occupational:
		rec.Tyyp = "kutsetunnistus"
		if c.Extra[KeyTyyp] == "esmane kutse" {
			rec.Tyyp = "esmane kutse"
		}
	case certificate.Partial:
		rec.Tyyp = "osakutsetunnistus"
		rec.Osakutse = c.Title
	case certificate.SchoolQualification:
		rec.Tyyp = "esmane kutse"
	default:
		errs.Add("Kind", kindText(c.Kind), "must be occupational, partial or school-qualification: the register holds no other")
	}
	if c.Kind != certificate.Partial && c.Title != defaultTitle(c.Specialisation, c.Standard) {
		errs.Add("Title", c.Title, "must equal Specialisation or, without one, Standard: kutsetunnistusV2Type has no title element")
	}
	rec.Registrinumber = string(c.Number)
	rec.Nimi = c.Holder.Name
	if !c.Holder.Code.IsZero() {
		rec.Isikukood = c.Holder.Code.String()
	}
	rec.Synniaeg = dateText(errs, "Holder.BirthDate", c.Holder.BirthDate)
	rec.Standard = c.Standard
	if !c.EKR.IsZero() {
		rec.Ekrtase = c.EKR.String()
	}
	if !c.EQF.IsZero() {
		rec.Eqftase = c.EQF.String()
	}
	rec.Spetsialiseerumine = c.Specialisation
	for i, comp := range c.Competences {
		if comp == "" || strings.TrimSpace(comp) != comp || strings.Contains(comp, ";") {
			errs.Add("Competences["+strconv.Itoa(i)+"]", comp, `must be non-empty, without ";" and without white space around it: kompetentsid joins competences with "; "`)
		}
	}
	rec.Kompetentsid = strings.Join(c.Competences, CompetenceSeparator)
	rec.Keel = c.ExamLanguage
	rec.Valjastaja = c.Issuer
	rec.Valjaantud = dateText(errs, "IssuedOn", c.IssuedOn)
	rec.Kehtibalates = dateText(errs, "ValidFrom", c.ValidFrom)
	rec.Kehtibkuni = dateText(errs, "ValidUntil", c.ValidUntil)

	if c.Kind != certificate.Partial {
		rec.Osakutse = c.Extra[KeyOsakutse]
	}
	rec.Lisavali = c.Extra[KeyLisavali]
	rec.Valdkond = c.Extra[KeyValdkond]
	rec.Kutseala = c.Extra[KeyKutseala]
	rec.Hariduslikkval = c.Extra[KeyHariduslikkval]
	rec.Isco = c.Extra[KeyIsco]
	rec.Reaid = c.Extra[KeyReaid]
	rec.Duplikaat = flag(c.Extra[KeyDuplikaat] == "true" || c.DuplicateOf != "")
	rec.Kehtetu = flag(c.Extra[KeyKehtetu] == "true" || !c.Invalidated.IsZero())
	rec.Kustutatud = flag(c.Extra[KeyKustutatud] == "true")

	for _, f := range []struct{ name, v string }{
		{"Number", rec.Registrinumber}, {"Holder.Name", rec.Nimi}, {"Title", c.Title}, {"Standard", rec.Standard},
		{"Specialisation", rec.Spetsialiseerumine}, {"Competences", rec.Kompetentsid}, {"ExamLanguage", rec.Keel},
		{"Issuer", rec.Valjastaja}, {"Extra[" + KeyOsakutse + "]", c.Extra[KeyOsakutse]},
		{"Extra[" + KeyLisavali + "]", rec.Lisavali}, {"Extra[" + KeyValdkond + "]", rec.Valdkond},
		{"Extra[" + KeyKutseala + "]", rec.Kutseala}, {"Extra[" + KeyHariduslikkval + "]", rec.Hariduslikkval},
		{"Extra[" + KeyIsco + "]", rec.Isco}, {"Extra[" + KeyReaid + "]", rec.Reaid},
	} {
		if !xmlText(f.v) {
			errs.Add(f.name, "", "is not valid UTF-8 or holds a character XML cannot carry")
		}
	}
	if err := errs.Err(); err != nil {
		return Record{}, err
	}
	return rec, nil
}

func kindText(k certificate.Kind) string {
	if k == 0 {
		return ""
	}
	return k.String()
}

func flag(b bool) string {
	if b {
		return "true"
	}
	return ""
}

func dateText(errs *invalid.Errors, field string, d calendar.Date) string {
	if d.IsZero() {
		return ""
	}
	if !d.IsValid() {
		errs.Add(field, "", "is not a real date")
		return ""
	}
	return d.String()
}

// xmlText reports whether s is valid UTF-8 made only of characters XML 1.0 allows.
func xmlText(s string) bool {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return false
			}
		}
		if !(r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
			r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
			return false
		}
	}
	return true
}
