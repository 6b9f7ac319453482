package xroad

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// The messages of the register's X-Road service (kutseregister-2018-05-09.wsdl), element by element.
// As in [Record], each field holds its element's text as written, so that a message with a malformed
// value still decodes and the mapping functions can name the element; an empty field is an absent
// element.

func name(local string) xml.Name { return xml.Name{Space: Namespace, Local: local} }

// SearchRequest is the search kutsetunnistus (its element of the same name, an xs:all of optional
// elements): find certificates by number, name or personal code (always an exact match), type,
// standard or partial qualification (a part of the name), levels, issuer, and ranges of the dates of
// issue, start and end; kirjetearv is the number to return (10, 30, 50, 100, 200 or 500).
type SearchRequest struct {
	XMLName           xml.Name `xml:"http://producers.kutseregister.xtee.riik.ee/producer/kutseregister kutsetunnistus"`
	Registrinumber    string   `xml:"registrinumber,omitempty"`
	Nimi              string   `xml:"nimi,omitempty"`
	Isikukood         string   `xml:"isikukood,omitempty"`
	Tyyp              string   `xml:"tyyp,omitempty"` // tunnistuseTyypType: 1, 2, 3
	Kutsestandard     string   `xml:"kutsestandard,omitempty"`
	Osakutse          string   `xml:"osakutse,omitempty"`
	Ekrtase           string   `xml:"ekrtase,omitempty"`
	Eqftase           string   `xml:"eqftase,omitempty"`
	Valjastaja        string   `xml:"valjastaja,omitempty"`
	Valjastatudalgus  string   `xml:"valjastatudalgus,omitempty"`
	Valjastatudlopp   string   `xml:"valjastatudlopp,omitempty"`
	Kehtibalatesalgus string   `xml:"kehtibalatesalgus,omitempty"`
	Kehtibalateslopp  string   `xml:"kehtibalateslopp,omitempty"`
	Kehtibkunialgus   string   `xml:"kehtibkunialgus,omitempty"`
	Kehtibkunilopp    string   `xml:"kehtibkunilopp,omitempty"`
	Kirjetearv        string   `xml:"kirjetearv,omitempty"` // kirjeteArvType
}

func (*SearchRequest) element() xml.Name { return name("kutsetunnistus") }

func (*Response) element() xml.Name { return name("kutsetunnistusVastus") }

// IDs is a list of ids (kutsetunnistuseLisamineParing/kompetentsid/kompetents+).
type IDs struct {
	Kompetents []string `xml:"kompetents"`
}

// AddRequest is kutsetunnistuseLisamineParing: an awarding body adds an issued certificate to the
// register ("Kutsetunnistuse taotluse esitamine"). The standard, specialisation, partial
// qualification, competences, exam language and signer are the register's ids; the three flags are
// the owner's choice to hide the name, the birth date or the whole certificate from the public.
type AddRequest struct {
	XMLName            xml.Name `xml:"http://producers.kutseregister.xtee.riik.ee/producer/kutseregister kutsetunnistuseLisamineParing"`
	Asutus             string   `xml:"asutus,omitempty"`
	Nimi               string   `xml:"nimi"`
	Isikukood          string   `xml:"isikukood"`
	Tyyp               string   `xml:"tyyp"`
	Kutsestandard      string   `xml:"kutsestandard"`
	Spetsialiseerumine string   `xml:"spetsialiseerumine,omitempty"`
	Osakutse           string   `xml:"osakutse,omitempty"`
	Kompetentsid       *IDs     `xml:"kompetentsid,omitempty"`
	Lisavali           string   `xml:"lisavali,omitempty"`
	Hariduslikkval     string   `xml:"hariduslikkval,omitempty"`
	Kutseeksamikeel    string   `xml:"kutseeksamikeel,omitempty"`
	Valjastamisekpv    string   `xml:"valjastamisekpv"`
	Kehtivusealgus     string   `xml:"kehtivusealgus"`
	Kehtivuselopp      string   `xml:"kehtivuselopp,omitempty"`
	Allkirjastaja      string   `xml:"allkirjastaja"`
	Nimipeidetud       string   `xml:"nimipeidetud,omitempty"`
	Synniaegpeidetud   string   `xml:"synniaegpeidetud,omitempty"`
	Tunnistuspeidetud  string   `xml:"tunnistuspeidetud,omitempty"`
}

func (*AddRequest) element() xml.Name { return name("kutsetunnistuseLisamineParing") }

// Viga is one error the register reports (veadType/viga): the element at fault, its id, the message.
type Viga struct {
	Element string `xml:"element,omitempty"`
	ID      string `xml:"id,omitempty"`
	Teade   string `xml:"teade"`
}

// Vead is the list of errors (veadType).
type Vead struct {
	Viga []Viga `xml:"viga"`
}

// Outcome is the answer of the requests that change the register (kutsetunnistuseLisamineVastus,
// kutsetunnistuseDuplikaatVastus): the number of errors and the errors.
type Outcome struct {
	Vigadearv string `xml:"vigadearv"`
	Vead      *Vead  `xml:"vead,omitempty"`
}

// Err returns nil when the register reported no error, and otherwise a *[RegisterError] with them.
func (o *Outcome) Err() error { return registerErr(o.Vigadearv, o.Vead) }

func registerErr(count string, vead *Vead) error {
	n, _ := strconv.Atoi(strings.TrimSpace(count))
	if n == 0 && (vead == nil || len(vead.Viga) == 0) {
		return nil
	}
	e := &RegisterError{Count: n}
	if vead != nil {
		e.Errors = vead.Viga
	}
	return e
}

// RegisterError is the register's refusal of a request: the errors it listed (vigadearv, vead).
type RegisterError struct {
	Count  int
	Errors []Viga
}

// Error implements error: `xroad: the register refused the request (2 errors): isikukood: vale
// isikukood; …`.
func (e *RegisterError) Error() string {
	parts := make([]string, len(e.Errors))
	for i, v := range e.Errors {
		parts[i] = v.Teade
		if v.Element != "" {
			parts[i] = v.Element + ": " + v.Teade
		}
	}
	return "xroad: the register refused the request (" + strconv.Itoa(e.Count) + " errors): " + strings.Join(parts, "; ")
}

// AddResponse is kutsetunnistuseLisamineVastus.
type AddResponse struct {
	XMLName xml.Name `xml:"http://producers.kutseregister.xtee.riik.ee/producer/kutseregister kutsetunnistuseLisamineVastus"`
	Outcome
}

func (*AddResponse) element() xml.Name { return name("kutsetunnistuseLisamineVastus") }

// DuplicateRequest is kutsetunnistuseDuplikaatParing: an awarding body asks for a duplicate of a
// certificate, with the reason (pohjus: 1 "ISIK: originaal kadunud", 2 "ISIK: originaal kõlbmatu",
// 3 "KAO: viga andmetes") and a comment.
type DuplicateRequest struct {
	XMLName        xml.Name `xml:"http://producers.kutseregister.xtee.riik.ee/producer/kutseregister kutsetunnistuseDuplikaatParing"`
	Asutus         string   `xml:"asutus,omitempty"`
	Registrinumber string   `xml:"registrinumber"`
	Tyyp           string   `xml:"tyyp"`
	Pohjus         string   `xml:"pohjus"`
	Kommentaar     string   `xml:"kommentaar,omitempty"`
}

func (*DuplicateRequest) element() xml.Name { return name("kutsetunnistuseDuplikaatParing") }

// DuplicateResponse is kutsetunnistuseDuplikaatVastus.
type DuplicateResponse struct {
	XMLName xml.Name `xml:"http://producers.kutseregister.xtee.riik.ee/producer/kutseregister kutsetunnistuseDuplikaatVastus"`
	Outcome
}

func (*DuplicateResponse) element() xml.Name { return name("kutsetunnistuseDuplikaatVastus") }

// ChangedStandardsRequest is muutunudKutsestandardidParing: the standards changed since alates (an
// xs:dateTime).
type ChangedStandardsRequest struct {
	XMLName xml.Name `xml:"http://producers.kutseregister.xtee.riik.ee/producer/kutseregister muutunudKutsestandardidParing"`
	Alates  string   `xml:"alates"`
}

func (*ChangedStandardsRequest) element() xml.Name { return name("muutunudKutsestandardidParing") }

// IDName is the schema's idNimetusType.
type IDName struct {
	ID      string `xml:"id"`
	Nimetus string `xml:"nimetus"`
}

// Osakutsed is a list of partial qualifications.
type Osakutsed struct {
	Osakutse []IDName `xml:"osakutse"`
}

// Spetsialiseerumised is a list of specialisations.
type Spetsialiseerumised struct {
	Spetsialiseerumine []IDName `xml:"spetsialiseerumine"`
}

// ChangedStandard is muutunudKutsestandardType: one version of a standard.
type ChangedStandard struct {
	ID                  string               `xml:"id"`
	Grupp               string               `xml:"grupp"`
	Versioon            string               `xml:"versioon"`
	Versioonituup       string               `xml:"versioonituup"`
	Eelmineversioon     string               `xml:"eelmineversioon"`
	Nimetus             string               `xml:"nimetus"`
	Ekrtase             string               `xml:"ekrtase"`
	Kehtivusealgus      string               `xml:"kehtivusealgus"`
	Kehtivuselopp       string               `xml:"kehtivuselopp"`
	Valdkond            string               `xml:"valdkond"`
	Osakutsed           *Osakutsed           `xml:"osakutsed,omitempty"`
	Spetsialiseerumised *Spetsialiseerumised `xml:"spetsialiseerumised,omitempty"`
}

// ChangedStandards is muutunudKutsestandardidVastus/kutsestandardid.
type ChangedStandards struct {
	Kutsestandard []ChangedStandard `xml:"kutsestandard"`
}

// ChangedStandardsResponse is muutunudKutsestandardidVastus: the versions changed, or an error text.
type ChangedStandardsResponse struct {
	XMLName         xml.Name          `xml:"http://producers.kutseregister.xtee.riik.ee/producer/kutseregister muutunudKutsestandardidVastus"`
	Kutsestandardid *ChangedStandards `xml:"kutsestandardid,omitempty"`
	Viga            string            `xml:"viga,omitempty"`
}

func (*ChangedStandardsResponse) element() xml.Name { return name("muutunudKutsestandardidVastus") }

// BodyInfoRequest is kutseAndjaInfoParing: an awarding body asks for its own data (asutus: the
// institution, as the register knows it).
type BodyInfoRequest struct {
	XMLName xml.Name `xml:"http://producers.kutseregister.xtee.riik.ee/producer/kutseregister kutseAndjaInfoParing"`
	Asutus  string   `xml:"asutus,omitempty"`
}

func (*BodyInfoRequest) element() xml.Name { return name("kutseAndjaInfoParing") }

// Tunnistusetyybid is a list of certificate types (tunnistuseTyypType codes).
type Tunnistusetyybid struct {
	Tunnistusetyyp []string `xml:"tunnistusetyyp"`
}

// Tyybid is a list of standard types.
type Tyybid struct {
	Tyyp []string `xml:"tyyp"`
}

// BodyHead is kutseAndjaInfoVastus/kutseandja: the body's name, the certificate types it issues, and
// whether it may fill in the extra field and hide data.
type BodyHead struct {
	Nimetus          string           `xml:"nimetus"`
	Tunnistusetyybid Tunnistusetyybid `xml:"tunnistusetyybid"`
	Lisavali         string           `xml:"lisavali"`
	Voibinfotpeita   string           `xml:"voibinfotpeita"`
}

// Kompetentsinimekiri is a list of competences.
type Kompetentsinimekiri struct {
	Kompetents []IDName `xml:"kompetents"`
}

// Kompetentsid is one competence set of kutsestandardType: the certificate types and the competences.
type Kompetentsid struct {
	Tunnistusetyybid    Tunnistusetyybid    `xml:"tunnistusetyybid"`
	Kompetentsinimekiri Kompetentsinimekiri `xml:"kompetentsinimekiri"`
}

// BodyStandard is kutsestandardType: a standard as the body awards it.
type BodyStandard struct {
	ID                  string               `xml:"id"`
	Nimetus             string               `xml:"nimetus"`
	Tyybid              Tyybid               `xml:"tyybid"`
	Spetsialiseerumised *Spetsialiseerumised `xml:"spetsialiseerumised,omitempty"`
	Osakutsed           *Osakutsed           `xml:"osakutsed,omitempty"`
	Kompetentsid        []Kompetentsid       `xml:"kompetentsid,omitempty"`
	Pohikutse           string               `xml:"pohikutse"`
}

// BodyStandards is kutseAndjaInfoVastus/kutsestandardid.
type BodyStandards struct {
	Kutsestandard []BodyStandard `xml:"kutsestandard"`
}

// Liige is a committee member (kutsekomisjonType/liikmed/liige).
type Liige struct {
	ID   string `xml:"id"`
	Nimi string `xml:"nimi"`
	Roll string `xml:"roll"`
}

// Liikmed is a committee's members.
type Liikmed struct {
	Liige []Liige `xml:"liige"`
}

// Kutsekomisjon is kutsekomisjonType.
type Kutsekomisjon struct {
	Nimetus string  `xml:"nimetus"`
	Liikmed Liikmed `xml:"liikmed"`
}

// Kutsekomisjonid is kutseAndjaInfoVastus/kutsekomisjonid.
type Kutsekomisjonid struct {
	Kutsekomisjon []Kutsekomisjon `xml:"kutsekomisjon"`
}

// Kutseeksamikeeled is kutseAndjaInfoVastus/kutseeksamikeeled.
type Kutseeksamikeeled struct {
	Keel []IDName `xml:"keel"`
}

// BodyInfoResponse is kutseAndjaInfoVastus: the awarding body, the standards it awards, its
// committees and exam languages, or the errors.
type BodyInfoResponse struct {
	XMLName           xml.Name           `xml:"http://producers.kutseregister.xtee.riik.ee/producer/kutseregister kutseAndjaInfoVastus"`
	Kutseandja        *BodyHead          `xml:"kutseandja,omitempty"`
	Kutsestandardid   *BodyStandards     `xml:"kutsestandardid,omitempty"`
	Kutsekomisjonid   *Kutsekomisjonid   `xml:"kutsekomisjonid,omitempty"`
	Kutseeksamikeeled *Kutseeksamikeeled `xml:"kutseeksamikeeled,omitempty"`
	Vigadearv         string             `xml:"vigadearv"`
	Vead              *Vead              `xml:"vead,omitempty"`
}

func (*BodyInfoResponse) element() xml.Name { return name("kutseAndjaInfoVastus") }

// Err returns nil when the register reported no error, and otherwise a *[RegisterError].
func (r *BodyInfoResponse) Err() error { return registerErr(r.Vigadearv, r.Vead) }
