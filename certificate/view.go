package certificate

import (
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier"
)

// PublicView is what the public (an anonymous user of the register) sees of a certificate: never the
// personal code or the birth date, and the holder's name only while the certificate is valid
// (CERT-04; CERT-12: KRPM § 15 (1), personal data are public during their validity).
type PublicView struct {
	Number         Number
	Kind           Kind
	HolderName     string // empty unless the certificate is valid on the view's date
	Title          string
	Standard       string
	EKR, EQF       classifier.Level
	Specialisation string
	Competences    []string
	ExamLanguage   string
	Issuer         string
	IssuedOn       calendar.Date
	ValidFrom      calendar.Date
	ValidUntil     calendar.Date // zero: tähtajatu
	Status         Status        // on the view's date
	On             calendar.Date // the date the view was made for

	// basis is the day the status rests on (see Certificate.statuteDay), which chooses the version of
	// regulation nr 113 that Explain cites for a school document; not shown to anyone.
	basis calendar.Date
}

// ViewOn returns the view of c on day d with the public view's rules for personal data — no personal
// code, no birth date, the holder's name only while c is valid on d (CERT-12) — whether or not the
// public may see c at all. It is for a view the owner chose to share, such as the link of a digital
// stamp (package stamp); for the public use [Certificate.PublicOn], which also applies CERT-04 and the
// kind's disclosure ([Kind.Public]).
func (c *Certificate) ViewOn(d calendar.Date) PublicView {
	v := PublicView{
		Number: c.Number, Kind: c.Kind, Title: c.Title, Standard: c.Standard, EKR: c.EKR, EQF: c.EQF,
		Specialisation: c.Specialisation, Competences: append([]string(nil), c.Competences...),
		ExamLanguage: c.ExamLanguage, Issuer: c.Issuer, IssuedOn: c.IssuedOn, ValidFrom: c.ValidFrom,
		ValidUntil: c.ValidUntil, Status: c.StatusOn(d), On: d,
	}
	v.basis = c.statuteDay(v.Status)
	if v.Status == Valid {
		v.HolderName = c.Holder.Name
	}
	return v
}
