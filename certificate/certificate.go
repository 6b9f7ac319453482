package certificate

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/isikukood"
)

// Holder is the person a certificate was issued to: a name and either a personal code or, for a
// person without one, a birth date (GEN-01: "isikukood, or birth date where there is none";
// Reg74 § 5 (2) p 6; VV määrus nr 113 § 8 (2) p 2).
type Holder struct {
	Name      string         `validate:"required,max=200"` // first and last name as on the certificate
	Code      isikukood.Code // the personal code; zero for a person without one
	BirthDate calendar.Date  // the birth date, for a person without a personal code
	// Died is the day the holder died, as the registrar recorded it ([Registry.RecordDeath]); zero
	// while none is recorded. It starts the retention period of CERT-12 ([PersonalDataKeptUntil]).
	Died calendar.Date
}

// Born returns the holder's birth date: from the personal code where there is one.
func (h Holder) Born() calendar.Date {
	if !h.Code.IsZero() {
		return h.Code.BirthDate()
	}
	return h.BirthDate
}

// Invalidation is a decision declaring a certificate invalid (CERT-11, SCH-02): a decision of its own,
// in force from its date unless it names another (HMS § 68 (3)).
type Invalidation struct {
	Date     calendar.Date // the day from which the certificate is invalid
	Reason   string        // why, e.g. "dokument saadud pettuse teel"
	Decision string        // the decision's reference, e.g. "kutsekomisjoni otsus nr 12, 01.03.2026"
	By       string        // who decided: the registry code of the awarding body, school or ministry
}

// IsZero reports whether there is no invalidation.
func (v Invalidation) IsZero() bool { return v.Date.IsZero() }

// Replacement records that a certificate was replaced by a duplicate or an exchanged certificate:
// from Date on, the original is not valid (CERT-02) and By is the one that stands.
type Replacement struct {
	By   Number        // the number of the duplicate or the new certificate
	Date calendar.Date // the day the replacement was issued
}

// IsZero reports whether the certificate has not been replaced.
func (r Replacement) IsZero() bool { return r.By == "" }

// Certificate is one certificate record of any kind (CERT-01; SCH-01..03). Fields that a kind does
// not use stay zero. The store keeps Version for optimistic concurrency: it is 1 when the record is
// first stored and grows by one with every update.
type Certificate struct {
	Number Number `validate:"max=14"` // allocated by the store when empty on issue
	Kind   Kind
	Holder Holder

	Title          string           `validate:"max=300"` // kutsenimetus, e.g. "Sõiduautodiagnostik, tase 5"
	Standard       string           `validate:"max=300"` // kutsestandard, e.g. "Mootorsõidukidiagnostik, tase 5"
	EKR            classifier.Level // Estonian qualifications framework level (CERT-03)
	EQF            classifier.Level // European qualifications framework level (CERT-03)
	Specialisation string           `validate:"max=300"`                       // spetsialiseerumine
	Competences    []string         `validate:"max=200,dive,required,max=500"` // valitud kompetentsid
	ExamLanguage   string           `validate:"max=100"`                       // kutseeksami keel, e.g. "eesti keel"

	Issuer     string `validate:"required,max=300"` // the awarding body or school, by name (väljastaja)
	IssuerCode string `validate:"required,max=20"`  // its registry code: who may manage the record
	// IssuedOn is the date of issue (Reg74 § 5 (2) p 7).
	IssuedOn calendar.Date
	// ValidFrom is the first day of validity; for school documents the date of issue.
	ValidFrom calendar.Date
	// ValidUntil is the last day of validity; zero means no end (tähtajatu). School documents are
	// valid for life (SCH-02) and never carry one.
	ValidUntil calendar.Date

	Hidden      bool         // the owner hid it from the public (CERT-04)
	Invalidated Invalidation // zero unless declared invalid (CERT-11, SCH-02)
	Replaced    Replacement  // zero unless replaced by a duplicate or an exchanged certificate
	DuplicateOf Number       // for a duplicate: the original's number
	// ExpiryNotice is the day the owner was told that the validity ends soon (CERT-09); zero until
	// then. Only Store.MarkExpiryNotified sets it.
	ExpiryNotice calendar.Date
	// PersonalDataErased is the day the holder's personal data were erased at the end of their
	// retention (CERT-12, [Registry.ErasePersonalData]); zero until then. Only
	// Store.ErasePersonalData sets it, together with an empty Holder.
	PersonalDataErased calendar.Date

	// Extra holds kind-specific data the SDK does not model here (a school's council decision, a
	// grade sheet's grades): later packages own their meaning.
	Extra map[string]string

	IssuedAt time.Time // when the record was issued (an instant)
	Version  int64     // optimistic-concurrency version, kept by the store
}

// Clone returns a deep copy of c: stores use it to copy records in and out.
func (c Certificate) Clone() Certificate {
	if c.Competences != nil {
		c.Competences = append([]string(nil), c.Competences...)
	}
	if c.Extra != nil {
		m := make(map[string]string, len(c.Extra))
		for k, v := range c.Extra {
			m[k] = v
		}
		c.Extra = m
	}
	return c
}

var (
	validateOnce sync.Once
	validate     *validator.Validate
)

func structValidator() *validator.Validate {
	validateOnce.Do(func() { validate = validator.New(validator.WithRequiredStructEnabled()) })
	return validate
}

// Validate checks c as a record to issue (CERT-01, SCH-01..03) and returns a *ValidationError listing
// every field that is wrong, or nil. The number may be empty (the store allocates it); where given it
// must fit the kind (SCH-03). Field lengths are checked with go-playground/validator; the rules
// between fields by hand:
//   - a kind is required; a holder has a name and a personal code or a birth date, not both;
//   - the issuer and its registry code are required; the date of issue and validity start are
//     real dates, validity does not end before it starts;
//   - school documents (SCH-02) are valid for life, so carry no end date;
//   - an EKR level and an EQF level, where given, are the same number (the EstQF descriptors are the
//     EQF's: research/domain-rules.md § 3.1);
//   - competences are unique.
func (c *Certificate) Validate() error {
	var fs []*FieldError
	add := func(field, value, reason string) {
		fs = append(fs, &FieldError{Pkg: pkg, Field: field, Value: value, Reason: reason})
	}

	if err := structValidator().Struct(c); err != nil {
		if ves, ok := err.(validator.ValidationErrors); ok {
			for _, fe := range ves {
				add(fieldPath(fe.Namespace()), valueText(fe.Value()), tagReason(fe))
			}
		} else {
			add("Certificate", "", err.Error())
		}
	}
	if !c.Kind.Valid() {
		add("Kind", kindText(c.Kind), "is required: one of occupational, partial, school-qualification, basic-school, gymnasium, grade-sheet, state-exam, proficiency")
	} else if c.Number != "" {
		if _, err := ParseNumber(c.Kind, string(c.Number)); err != nil {
			fs = append(fs, err.(*FieldError))
		}
	}
	for _, s := range []struct{ f, v string }{{"Holder.Name", c.Holder.Name}, {"Title", c.Title}, {"Issuer", c.Issuer}} {
		if !utf8.ValidString(s.v) {
			add(s.f, "", "is not valid UTF-8")
		}
	}
	if c.Holder.Code.IsZero() && c.Holder.BirthDate.IsZero() {
		add("Holder.Code", "", "is required: a personal code, or a birth date for a person without one (GEN-01)")
	}
	if !c.Holder.Code.IsZero() && !c.Holder.BirthDate.IsZero() && c.Holder.BirthDate != c.Holder.Code.BirthDate() {
		add("Holder.BirthDate", c.Holder.BirthDate.String(), "differs from the birth date in the personal code")
	}
	if !c.Holder.BirthDate.IsZero() && !c.Holder.BirthDate.IsValid() {
		add("Holder.BirthDate", dateText(c.Holder.BirthDate), "is not a real date")
	}
	checkDate := func(field string, d calendar.Date, required bool) {
		switch {
		case d.IsZero() && required:
			add(field, "", "is required")
		case !d.IsZero() && !d.IsValid():
			add(field, dateText(d), "is not a real date")
		}
	}
	checkDate("Holder.Died", c.Holder.Died, false)
	if c.Holder.Died.IsValid() && c.Holder.Born().IsValid() && c.Holder.Died.Before(c.Holder.Born()) {
		add("Holder.Died", c.Holder.Died.String(), "is before the holder's birth date "+c.Holder.Born().String())
	}
	checkDate("IssuedOn", c.IssuedOn, true)
	checkDate("ValidFrom", c.ValidFrom, true)
	checkDate("ValidUntil", c.ValidUntil, false)
	if c.ValidFrom.IsValid() && c.ValidUntil.IsValid() && c.ValidUntil.Before(c.ValidFrom) {
		add("ValidUntil", c.ValidUntil.String(), "is before ValidFrom "+c.ValidFrom.String())
	}
	if c.Kind.School() && !c.ValidUntil.IsZero() {
		add("ValidUntil", c.ValidUntil.String(), "must be empty: school documents are valid for life (SCH-02)")
	}
	if !c.EKR.IsZero() && !c.EQF.IsZero() && c.EKR.Int() != c.EQF.Int() {
		add("EQF", c.EQF.String(), "must equal the EKR level "+c.EKR.String()+" (CERT-03)")
	}
	seen := make(map[string]bool, len(c.Competences))
	for i, comp := range c.Competences {
		if seen[comp] {
			add("Competences["+strconv.Itoa(i)+"]", comp, "is listed twice")
		}
		seen[comp] = true
	}
	if len(fs) == 0 {
		return nil
	}
	return &ValidationError{Pkg: pkg, Fields: fs}
}

func fieldPath(ns string) string {
	// "Certificate.Holder.Name" → "Holder.Name"
	if i := strings.IndexByte(ns, '.'); i >= 0 {
		return ns[i+1:]
	}
	return ns
}

func valueText(v any) string {
	switch x := v.(type) {
	case string:
		if len(x) > 40 {
			return x[:40] + "…"
		}
		return x
	case []string:
		return strconv.Itoa(len(x)) + " items"
	}
	return fmt.Sprint(v)
}

func tagReason(fe validator.FieldError) string {
	switch fe.Tag() {
	case "required":
		return "is required"
	case "max":
		if fe.Kind().String() == "slice" {
			return "may have at most " + fe.Param() + " items"
		}
		return "may be at most " + fe.Param() + " characters long"
	}
	return "fails the " + fe.Tag() + " check"
}

func kindText(k Kind) string {
	if k == 0 {
		return ""
	}
	return k.String()
}

func dateText(d calendar.Date) string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}
