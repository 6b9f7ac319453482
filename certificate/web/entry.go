package web

import (
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/law"
)

// Entry is the JSON the handler serves for a certificate (Accept: application/json): the public
// view (certificate.PublicView) on the register's date, with its status explained, in the negotiated
// language. Its field names are stable; fields may be added, none renamed or removed. Dates are
// YYYY-MM-DD. It never holds a personal code or a birth date; HolderName is absent unless the
// certificate is valid on AsOf (CERT-12).
type Entry struct {
	Number         string        `json:"number"`                   // e.g. "204580"
	Kind           string        `json:"kind"`                     // the kind's code, e.g. "occupational" (certificate.Kind)
	KindName       string        `json:"kindName"`                 // the kind in Lang, e.g. "kutsetunnistus"
	HolderName     string        `json:"holderName,omitempty"`     // only while valid (CERT-12)
	Title          string        `json:"title,omitempty"`          // kutsenimetus, e.g. "Sõiduautodiagnostik, tase 5"
	Standard       string        `json:"standard,omitempty"`       // kutsestandard
	EKR            int           `json:"ekrLevel,omitempty"`       // EstQF level 1–8
	EQF            int           `json:"eqfLevel,omitempty"`       // EQF level 1–8
	Specialisation string        `json:"specialisation,omitempty"` // spetsialiseerumine
	Competences    []string      `json:"competences,omitempty"`    // valitud kompetentsid
	ExamLanguage   string        `json:"examLanguage,omitempty"`   // as the register writes it, e.g. "eesti keel"
	Issuer         string        `json:"issuer,omitempty"`         // the awarding body or school
	IssuedOn       calendar.Date `json:"issuedOn,omitzero"`        // date of issue
	ValidFrom      calendar.Date `json:"validFrom,omitzero"`       // first day of validity
	ValidUntil     calendar.Date `json:"validUntil,omitzero"`      // last day of validity; absent: no end date (tähtajatu)
	Status         string        `json:"status"`                   // valid, not-yet-valid, expired, invalidated, replaced
	StatusText     string        `json:"statusText"`               // the status in Lang, e.g. "kehtiv"
	Valid          bool          `json:"valid"`                    // Status == "valid"
	AsOf           calendar.Date `json:"asOf"`                     // the register's date the status is for
	Explanation    []Step        `json:"explanation"`              // why the status is what it is (GEN-06)
	Lang           string        `json:"lang"`                     // "et" or "en"
}

// Step is one step of an [Entry]'s explanation: the rule applied, the provision it rests on and what
// was found, in the entry's language.
type Step struct {
	Rule     string `json:"rule"`              // the rule's ID in the SDK's RULES.md, e.g. "CERT-02"
	Citation string `json:"citation"`          // the provision, e.g. "RTL 2009, 2, 32 § 1 lg 3"
	Act      string `json:"act,omitempty"`     // the act's name, e.g. "Kutsetunnistuse statuut ja vorm (HTM määrus nr 74)"
	Version  string `json:"version,omitempty"` // the version of the rule, where it has versions
	Text     string `json:"text"`              // e.g. "kehtib 09.01.2025–08.01.2030 …"
}

// newEntry returns the entry of v in lang.
func newEntry(v *certificate.PublicView, lang law.Lang) Entry {
	e := Entry{
		Number: string(v.Number), Kind: v.Kind.String(), KindName: v.Kind.Name(lang),
		HolderName: v.HolderName, Title: v.Title, Standard: v.Standard, EKR: v.EKR.Int(), EQF: v.EQF.Int(),
		Specialisation: v.Specialisation, Competences: v.Competences, ExamLanguage: v.ExamLanguage,
		Issuer: v.Issuer, IssuedOn: v.IssuedOn, ValidFrom: v.ValidFrom, ValidUntil: v.ValidUntil,
		Status: v.Status.String(), StatusText: v.Status.Name(lang), Valid: v.Status == certificate.Valid,
		AsOf: v.On, Lang: lang.String(), Explanation: []Step{},
	}
	if e.HolderName != "" && !e.Valid { // the view never does this; the page holds to CERT-12 anyway
		e.HolderName = ""
	}
	for _, s := range v.Explain().Steps {
		e.Explanation = append(e.Explanation, Step{Rule: s.Rule, Citation: s.Citation.Format(lang), Act: s.Citation.Act,
			Version: s.Version, Text: s.Finding(lang)})
	}
	return e
}
