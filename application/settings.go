package application

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
)

// Settings are an awarding body's settings for receiving applications in the register (APP-03,
// APP-04; seed 000 slide 3: "sisseloginud kasutaja saab kutset taotleda või taastõendada juhul, kui
// vastav kutse andja on keskkonnaga liitunud (teinud vastavad seadistused oma andmetes, märkinud
// kutse juures taotlemiseks nõutavad dokumendid ja lisanud täpsustava taotlemise info, näiteks
// viidates oma kodulehele)"): whether it has joined, its own environment's address where it has not,
// the partners it authorised to receive applications, and per qualification the documents it
// requires and its own information. The store keeps Version for optimistic concurrency.
type Settings struct {
	Body string `json:"body"` // the awarding body's registry code
	// Joined says the body has joined the register's application environment: it receives
	// applications in the register for the qualifications it set up here.
	Joined bool `json:"joined"`
	// External is the address of the body's own environment, where a person is sent to apply for a
	// qualification not received in the register (APP-03); "" falls back to the qualification's
	// own address, then the body's page on it and its home page in the register.
	External string `json:"external,omitempty"`
	// Email is where the notices of applications to the body go (APP-07); "" leaves them to the
	// host's own address book.
	Email          string          `json:"email,omitempty"`
	Partners       []Partner       `json:"partners,omitempty"`
	Qualifications []Qualification `json:"qualifications,omitempty"`
	UpdatedAt      time.Time       `json:"updatedAt"`
	Version        int64           `json:"-"`
}

// Partner is an organisation an awarding body authorised to receive applications (APP-04; seed 000
// slide 5: "saab anda õiguse taotluste esitamiseks partnerile"): for the qualifications listed (none:
// all of the body's), during Period (zero: from now on, with no end).
type Partner struct {
	Code      string        `json:"code"` // its registry code
	Name      string        `json:"name"`
	Email     string        `json:"email,omitempty"` // where the notices of applications to it go (APP-07)
	Standards []register.ID `json:"standards,omitempty"`
	Period    law.Period    `json:"period"`
}

// Covers reports whether the partner is authorised for standard std on day d.
func (p Partner) Covers(std register.ID, d calendar.Date) bool {
	if len(p.Standards) > 0 && !slices.Contains(p.Standards, std) {
		return false
	}
	return p.Period.Contains(d)
}

// Purpose says which applications a document is required for.
type Purpose uint8

// The purposes. The zero value is Both.
const (
	Both            Purpose = iota // applying and re-certifying
	ForFirst                       // only applying for the qualification
	ForRecertifying                // only re-certifying
)

// For reports whether the purpose covers applications of kind k.
func (p Purpose) For(k Kind) bool {
	return p == Both || (p == ForFirst && k == First) || (p == ForRecertifying && k == Recertification)
}

// DocumentSpec is a document an awarding body asks for with an application for a qualification
// ("kutse juures taotlemiseks nõutavad dokumendid", APP-03).
type DocumentSpec struct {
	Code     string  `json:"code"`           // the body's code of the document, e.g. "cv"; unique within the qualification
	Name     Text    `json:"name"`           // e.g. {"Elulookirjeldus", "Curriculum vitae"}
	For      Purpose `json:"for,omitempty"`  // which applications need it
	Optional bool    `json:"optional"`       // the applicant may leave it out
	Note     string  `json:"note,omitempty"` // what it must show
}

// Qualification is an awarding body's settings for one qualification it awards (one standard, by
// the id of its first version): the documents required, its own information (application rounds,
// exam dates, a text and a link: APP-02), and the validity of the certificates it awards.
type Qualification struct {
	Standard  register.ID       `json:"standard"`
	Documents []DocumentSpec    `json:"documents,omitempty"`
	Info      register.BodyInfo `json:"info"`
	// External, when set, sends applicants for this qualification to the body's own environment at
	// this address although the body has joined (APP-03).
	External string `json:"external,omitempty"`
	// ValidityMonths is the validity of a certificate awarded, in months from its first day; 0
	// means no end (tähtajatu). The body's procedure (kutse andmise kord) sets it (Reg74 § 1 (2)).
	ValidityMonths int `json:"validityMonths,omitempty"`
	// RecertifyGrace is how many months after a certificate's last day it may still be re-certified;
	// 0 means [DefaultRecertifyGrace], negative none (only a valid certificate).
	RecertifyGrace int `json:"recertifyGrace,omitempty"`
	// NoRecertification says the body does not re-certify this qualification in the register.
	NoRecertification bool `json:"noRecertification,omitempty"`
}

// DefaultRecertifyGrace is the months after its last day in which a certificate may still be
// re-certified where the body sets nothing: the practice of the awarding bodies in
// research/kutseseadus.md § 4 (EEEL, Juhiabi: one year); no statute sets it.
const DefaultRecertifyGrace = 12

// Grace returns the re-certification grace in months: RecertifyGrace, 0 for none, or the default.
func (q *Qualification) Grace() int {
	switch {
	case q.RecertifyGrace < 0:
		return 0
	case q.RecertifyGrace == 0:
		return DefaultRecertifyGrace
	}
	return q.RecertifyGrace
}

// SetUp reports whether the body set the qualification up to be received in the register:
// documents marked (a list, possibly of none required: the entry itself marks them) and its
// information added (APP-03).
func (q *Qualification) SetUp() bool { return !q.Info.IsZero() }

// Required returns the documents an application of kind k must have attached.
func (q *Qualification) Required(k Kind) []DocumentSpec {
	var out []DocumentSpec
	for _, d := range q.Documents {
		if !d.Optional && d.For.For(k) {
			out = append(out, d)
		}
	}
	return out
}

// Spec returns the document with the code, and false when the qualification asks for none such.
func (q *Qualification) Spec(code string) (DocumentSpec, bool) {
	for _, d := range q.Documents {
		if d.Code == code {
			return d, true
		}
	}
	return DocumentSpec{}, false
}

// Qualification returns the settings of the standard with one of the ids (pass every version's id
// of a standard), and false when the body set none.
func (s *Settings) Qualification(ids ...register.ID) (Qualification, bool) {
	for _, q := range s.Qualifications {
		if slices.Contains(ids, q.Standard) {
			return q, true
		}
	}
	return Qualification{}, false
}

// Partner returns the partner with registry code code, and false when the body authorised none.
func (s *Settings) Partner(code string) (Partner, bool) {
	for _, p := range s.Partners {
		if p.Code == code {
			return p, true
		}
	}
	return Partner{}, false
}

// Clone returns a deep copy of s.
func (s Settings) Clone() Settings {
	if s.Partners != nil {
		ps := make([]Partner, len(s.Partners))
		for i, p := range s.Partners {
			p.Standards = slices.Clone(p.Standards)
			ps[i] = p
		}
		s.Partners = ps
	}
	if s.Qualifications != nil {
		qs := make([]Qualification, len(s.Qualifications))
		for i, q := range s.Qualifications {
			q.Documents = slices.Clone(q.Documents)
			q.Info.Rounds = slices.Clone(q.Info.Rounds)
			q.Info.ExamDates = slices.Clone(q.Info.ExamDates)
			qs[i] = q
		}
		s.Qualifications = qs
	}
	return s
}

// Validate checks the settings and returns an *invalid.Errors naming every field that is wrong, or
// nil:
//   - the body's registry code is eight digits; a body that has not joined gives the address of its
//     own environment (APP-03: the person is sent there);
//   - addresses are http:// or https:// addresses, e-mail addresses e-mail addresses;
//   - partners have an eight-digit registry code other than the body's, a name, each listed once,
//     and a period that does not end before it starts;
//   - each qualification names a standard once; its documents have a code (letters, digits, '-'
//     or '_', at most 40), unique within the qualification, and an Estonian name; its application
//     rounds do not close before they open; its validity is 0–600 months.
func (s *Settings) Validate() error {
	e := newErrors()
	if !register.ValidRegistryCode(s.Body) {
		e.Add("Body", s.Body, "must be an Estonian registry code of eight digits")
	}
	checkURL(e, "External", s.External)
	checkEmail(e, "Email", s.Email)
	if !s.Joined && s.External == "" {
		e.Add("External", "", "is required when the body has not joined: the address of its own environment, where applicants are sent (APP-03)")
	}
	seen := map[string]bool{}
	for i, p := range s.Partners {
		f := "Partners[" + strconv.Itoa(i) + "]"
		switch {
		case !register.ValidRegistryCode(p.Code):
			e.Add(f+".Code", p.Code, "must be an Estonian registry code of eight digits")
		case p.Code == s.Body:
			e.Add(f+".Code", p.Code, "is the awarding body itself")
		case seen[p.Code]:
			e.Add(f+".Code", p.Code, "is listed twice")
		}
		seen[p.Code] = true
		checkText(e, f+".Name", p.Name, true, 300)
		checkEmail(e, f+".Email", p.Email)
		checkPeriod(e, f+".Period", p.Period)
	}
	stds := map[register.ID]bool{}
	for i := range s.Qualifications {
		q := &s.Qualifications[i]
		f := "Qualifications[" + strconv.Itoa(i) + "]."
		if q.Standard <= 0 || q.Standard > register.MaxID {
			e.Add(f+"Standard", strconv.FormatInt(int64(q.Standard), 10), "is required: the id of the standard")
		} else if stds[q.Standard] {
			e.Add(f+"Standard", q.Standard.String(), "is listed twice")
		}
		stds[q.Standard] = true
		codes := map[string]bool{}
		for j, d := range q.Documents {
			g := f + "Documents[" + strconv.Itoa(j) + "]."
			if !validCode(d.Code) {
				e.Add(g+"Code", d.Code, "must be 1–40 letters, digits, '-' or '_'")
			} else if codes[d.Code] {
				e.Add(g+"Code", d.Code, "is listed twice")
			}
			codes[d.Code] = true
			checkText(e, g+"Name.Et", d.Name.Et, true, 300)
			checkText(e, g+"Name.En", d.Name.En, false, 300)
			checkText(e, g+"Note", d.Note, false, 2000)
			if d.For > ForRecertifying {
				e.Add(g+"For", strconv.Itoa(int(d.For)), "must be 0 (both), 1 (applying) or 2 (re-certifying)")
			}
		}
		checkURL(e, f+"External", q.External)
		checkURL(e, f+"Info.Link", q.Info.Link)
		checkText(e, f+"Info.Text", q.Info.Text, false, 20000)
		for j, r := range q.Info.Rounds {
			g := f + "Info.Rounds[" + strconv.Itoa(j) + "]"
			switch {
			case !r.Opens.IsValid():
				e.Add(g+".Opens", "", "is required: a real date")
			case !r.Closes.IsZero() && !r.Closes.IsValid():
				e.Add(g+".Closes", "", "is not a real date")
			case !r.Closes.IsZero() && r.Closes.Before(r.Opens):
				e.Add(g+".Closes", r.Closes.String(), "is before the round opens "+r.Opens.String())
			}
		}
		for j, d := range q.Info.ExamDates {
			if !d.IsValid() {
				e.Add(f+"Info.ExamDates["+strconv.Itoa(j)+"]", "", "is not a real date")
			}
		}
		if q.ValidityMonths < 0 || q.ValidityMonths > 600 {
			e.Add(f+"ValidityMonths", strconv.Itoa(q.ValidityMonths), "must be 0 (no end) to 600 months")
		}
		if q.RecertifyGrace > 120 {
			e.Add(f+"RecertifyGrace", strconv.Itoa(q.RecertifyGrace), "may be at most 120 months")
		}
	}
	return e.Err()
}

// InRound reports whether day d falls in one of the qualification's application rounds, or the
// body announced none (applications are then received at any time).
func (q *Qualification) InRound(d calendar.Date) (register.Round, bool) {
	if len(q.Info.Rounds) == 0 {
		return register.Round{}, true
	}
	for _, r := range q.Info.Rounds {
		if !d.Before(r.Opens) && (r.Closes.IsZero() || !d.After(r.Closes)) {
			return r, true
		}
	}
	return register.Round{}, false
}

func validCode(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// checkText checks a text field: required or not, at most max characters, UTF-8 without control
// characters other than tab and line breaks.
func checkText(e *invalid.Errors, field, v string, required bool, max int) {
	switch {
	case required && strings.TrimSpace(v) == "":
		e.Add(field, "", "is required")
	case !utf8.ValidString(v):
		e.Add(field, "", "is not valid UTF-8")
	case utf8.RuneCountInString(v) > max:
		e.Add(field, "", "may be at most "+strconv.Itoa(max)+" characters long")
	case strings.IndexFunc(v, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f }) >= 0:
		e.Add(field, "", "holds a control character")
	}
}

// checkURL checks an optional web address (register.ValidURL).
func checkURL(e *invalid.Errors, field, v string) {
	if v != "" && !register.ValidURL(v) {
		e.Add(field, v, "must be an http:// or https:// address")
	}
}

// checkEmail checks an optional e-mail address.
func checkEmail(e *invalid.Errors, field, v string) {
	if v != "" && !validEmail(v) {
		e.Add(field, v, "is not an e-mail address")
	}
}

func checkPeriod(e *invalid.Errors, field string, p law.Period) {
	switch {
	case !p.From.IsZero() && !p.From.IsValid():
		e.Add(field+".From", "", "is not a real date")
	case !p.Until.IsZero() && !p.Until.IsValid():
		e.Add(field+".Until", "", "is not a real date")
	case !p.From.IsZero() && !p.Until.IsZero() && p.Until.Before(p.From):
		e.Add(field+".Until", p.Until.String(), "is before "+p.From.String())
	}
}
