package duplicate

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
)

// Request is an application for a duplicate, a re-issue or an exchange: what the applicant states
// (SCH-16: the ground, the applicant's personal data, the year of graduation; SCH-14: contact data
// and the time of the exam) and what is attached.
type Request struct {
	// Applicant is the owner of the original as the original names them: a name and a personal code,
	// or a birth date for a person without one (GEN-01).
	Applicant certificate.Holder
	// Contact is how to reach the applicant (e-mail, address); required for an exchange (§ 16 (2)).
	Contact string `validate:"max=500"`
	// Kind is the original's kind.
	Kind certificate.Kind
	// Paper says, for a state-exam certificate, that the original is on paper (algdokument, § 15 (4),
	// § 16); an electronic one follows § 15 (3).
	Paper bool
	// Original is the original's number, where known (a lost document's may not be: the school then
	// finds it in its pupils' register before it grants).
	Original certificate.Number `validate:"max=14"`
	// Issuer is the code of the school, awarding body or institution that issued the original;
	// IssuerName its name as the applicant knows it.
	Issuer     string `validate:"max=20"`
	IssuerName string `validate:"max=300"`
	// Level is, for a grade sheet, the level of the leaving certificate it belongs to; leaving
	// certificates tell it by their kind.
	Level Level
	// Year is the year of graduation (SCH-16: "kooli lõpetamise aasta", § 17 (2)). A state-exam
	// request states ExamTime instead.
	Year int
	// ExamTime is, for a state-exam certificate, when the applicant took the exam (SCH-14: § 16 (2),
	// "eksami sooritamise aeg"): the exam day or, for a session of several days, its first day.
	// Required for an exchange; not asked for other documents.
	ExamTime calendar.Date
	// Ground is what the request rests on.
	Ground Ground
	// Attached lists what the applicant attached.
	Attached []Attachment
	// ByIssuer says the awarding body itself asks for a duplicate for an error in its data (the
	// register's X-Road reason 3, "KAO: viga andmetes"); only the issuer may set it.
	ByIssuer bool
	// NewName and NewCode are the holder's new name and personal code, for the grounds NameChange
	// and NewPersonalCode.
	NewName string `validate:"max=200"`
	NewCode isikukood.Code
	// Date is the day of the request; the service sets it to its today.
	Date calendar.Date
	// Note is the applicant's comment (kommentaar).
	Note string `validate:"max=2000"`
}

// Clone returns a deep copy of r.
func (r Request) Clone() Request {
	r.Attached = slices.Clone(r.Attached)
	return r
}

// Has reports whether a is attached.
func (r Request) Has(a Attachment) bool { return slices.Contains(r.Attached, a) }

// level returns the level of the document the request is about: from the kind for a leaving
// certificate, from Level for a grade sheet.
func (r Request) level() Level {
	if l, ok := LevelOf(r.Kind); ok {
		return l
	}
	return r.Level
}

var (
	validateOnce sync.Once
	validate     *validator.Validate
)

func structValidator() *validator.Validate {
	validateOnce.Do(func() { validate = validator.New() })
	return validate
}

// ValidateRequest checks r on its day r.Date and returns the procedure it follows, with the
// explanation, or a *ValidationError naming every problem, each with its rule:
//
//   - the ground: required, and one the document kind has on the day (SCH-15, SCH-12..14, CERT-07;
//     errors wrapping [ErrNoGround], [ErrGround], [ErrKind]);
//   - the attachments the ground requires (SCH-18, SCH-14, CERT-07; [ErrAttachment]);
//   - the applicant's personal data: a name, and a valid personal code or birth date (SCH-16,
//     GEN-01; [ErrPersonalData]);
//   - the issuer's code (SCH-16: the school that issued the original; CERT-07: the awarding body);
//   - the year of graduation for a school document (§ 17 (2)): required, not after the request's
//     year, not before the applicant's birth ([ErrFutureYear]);
//   - the time of the exam for an exchange (§ 16 (2), ExamTime): required, not after the request's
//     day ([ErrFutureYear]), not before the applicant's birth; no Year for a state-exam certificate
//     and no ExamTime for another document;
//   - contact data for an exchange (SCH-14); the level for a grade sheet (SCH-17);
//   - a new personal code for ground 5 and a new name for a change of name (CERT-07), and neither
//     on another ground; ByIssuer only for an occupational certificate's error.
//
// It reads no registry: an unknown school is found when the request is routed ([FindRoute]). For
// the procedures of regulation nr 113 the version in force on r.Date is applied and named (st; nil:
// vv113.Default); a day no version covers is refused with an error wrapping law.ErrNoVersion
// (GEN-04).
func ValidateRequest(st vv113.Statute, r Request) (Procedure, law.Explanation, error) {
	var probs []*RequestError
	add := func(rule string, cite law.Citation, field, value, reason string, err error) {
		probs = append(probs, &RequestError{Rule: rule, Citation: cite.String(), Field: field, Value: value, Reason: reason, Err: err})
	}
	on := r.Date
	if !on.IsValid() {
		add(RuleApplication, reg113.At("17", "2", ""), "Date", on.String(), "is required: the day of the request", ErrInvalid)
		return 0, law.Explanation{}, &ValidationError{Problems: probs}
	}
	if err := structValidator().Struct(r); err != nil {
		if ves, ok := err.(validator.ValidationErrors); ok {
			for _, fe := range ves {
				field := strings.TrimPrefix(fe.Namespace(), "Request.")
				if fe.Tag() != "max" {
					// Applicant.Name "required": the personal data are checked below, with their rule.
					continue
				}
				add(RuleApplication, reg113.At("17", "2", ""), field, "", "may be at most "+fe.Param()+" characters long", ErrInvalid)
			}
		}
	}
	p, e, err := ProcedureFor(st, r.Kind, r.Paper, r.Ground, on)
	if re, ok := err.(*RequestError); ok {
		probs = append(probs, re)
	} else if err != nil {
		return 0, e, err
	}

	// Personal data (SCH-16: "taotleja isikuandmed"; GEN-01).
	pd := func(field, value, reason string) {
		rule, cite := applicationCitation(p)
		add(rule, cite, field, value, reason, ErrPersonalData)
	}
	a := r.Applicant
	switch {
	case strings.TrimSpace(a.Name) == "":
		pd("Applicant.Name", "", "is required")
	case !utf8.ValidString(a.Name) || utf8.RuneCountInString(a.Name) > 200:
		pd("Applicant.Name", "", "must be valid text of at most 200 characters")
	}
	switch {
	case a.Code.IsZero() && a.BirthDate.IsZero():
		pd("Applicant.Code", "", "is required: a personal code, or a birth date for a person without one (GEN-01)")
	case !a.BirthDate.IsZero() && !a.BirthDate.IsValid():
		pd("Applicant.BirthDate", a.BirthDate.String(), "is not a real date")
	case !a.Code.IsZero() && !a.BirthDate.IsZero() && a.Code.BirthDate() != a.BirthDate:
		pd("Applicant.BirthDate", a.BirthDate.String(), "differs from the birth date in the personal code")
	case a.Born().After(on):
		pd("Applicant.BirthDate", a.Born().String(), "is after the day of the request")
	}

	// The issuer (SCH-16: "algdokumendi väljaandnud kooli direktorile"; CERT-07: Reg74 § 7 (2)).
	if r.Issuer == "" && (p == SchoolDuplicate || p == OccupationalDuplicate) {
		rule, cite := RuleApplication, reg113.At("17", "2", "")
		if p == OccupationalDuplicate {
			rule, cite = RuleOccupation, reg74.At("7", "2", "")
		}
		add(rule, cite, "Issuer", "", "is required: the code of the school or awarding body that issued the original", ErrUnknownSchool)
	}

	// The year of graduation (SCH-16: "kooli lõpetamise aasta", § 17 (2)).
	yearRule, yearCite := RuleApplication, reg113.At("17", "2", "")
	switch {
	case r.Year == 0 && p == SchoolDuplicate:
		add(yearRule, yearCite, "Year", "", "is required: the year of graduation", ErrInvalid)
	case r.Year == 0:
	case p.StateExam():
		add(RuleExchange, reg113.At("16", "2", ""), "Year", strconv.Itoa(r.Year), "is not asked for a state-exam certificate: state ExamTime, the time of the exam (§ 16 (2))", ErrInvalid)
	case r.Year > on.Year:
		add(yearRule, yearCite, "Year", strconv.Itoa(r.Year), "is after the year of the request ("+strconv.Itoa(on.Year)+")", ErrFutureYear)
	case r.Year < 1900:
		add(yearRule, yearCite, "Year", strconv.Itoa(r.Year), "is not a year of graduation", ErrInvalid)
	case a.Born().IsValid() && r.Year < a.Born().Year:
		add(yearRule, yearCite, "Year", strconv.Itoa(r.Year), "is before the applicant's birth ("+strconv.Itoa(a.Born().Year)+")", ErrInvalid)
	}

	// The time of the exam (SCH-14: § 16 (2), "eksami sooritamise aeg").
	examRule, examCite := RuleExchange, reg113.At("16", "2", "")
	switch {
	case r.ExamTime.IsZero() && p == StateExamExchange:
		add(examRule, examCite, "ExamTime", "", "is required: the time of the exam, its day or the first day of its session", ErrInvalid)
	case r.ExamTime.IsZero():
	case !p.StateExam():
		rule, cite := applicationCitation(p)
		add(rule, cite, "ExamTime", r.ExamTime.String(), "is asked only for a state-exam certificate", ErrInvalid)
	case !r.ExamTime.IsValid():
		add(examRule, examCite, "ExamTime", r.ExamTime.String(), "is not a real date", ErrInvalid)
	case r.ExamTime.After(on):
		add(examRule, examCite, "ExamTime", r.ExamTime.String(), "is after the day of the request", ErrFutureYear)
	case a.Born().IsValid() && r.ExamTime.Before(a.Born()):
		add(examRule, examCite, "ExamTime", r.ExamTime.String(), "is before the applicant's birth", ErrInvalid)
	}

	if p == StateExamExchange && strings.TrimSpace(r.Contact) == "" {
		add(RuleExchange, reg113.At("16", "2", ""), "Contact", "", "is required: the applicant's contact data", ErrPersonalData)
	}
	if p == SchoolDuplicate {
		switch l, ok := LevelOf(r.Kind); {
		case !ok && r.Level != Basic && r.Level != Secondary:
			add(RuleRouting, reg113.At("17", "4", ""), "Level", r.Level.String(), "is required for a grade sheet: the level of its leaving certificate", ErrInvalid)
		case ok && r.Level != 0 && r.Level != l:
			add(RuleRouting, reg113.At("17", "4", ""), "Level", r.Level.String(), "does not match the kind "+r.Kind.String(), ErrInvalid)
		}
	}

	// New name and code (Reg74 § 9 (3); the self-service).
	switch r.Ground {
	case NewPersonalCode:
		if r.NewCode.IsZero() {
			add(RuleOccupation, reg74.At("7", "1", "5"), "NewCode", "", "is required: the new personal code", ErrPersonalData)
		} else if r.NewCode == a.Code {
			add(RuleOccupation, reg74.At("7", "1", "5"), "NewCode", r.NewCode.String(), "is the code on the original", ErrPersonalData)
		}
	case NameChange:
		if strings.TrimSpace(r.NewName) == "" {
			add(RuleOccupation, selfService, "NewName", "", "is required: the new name", ErrPersonalData)
		} else if r.NewName == a.Name {
			add(RuleOccupation, selfService, "NewName", r.NewName, "is the name on the original", ErrPersonalData)
		}
		if !r.NewCode.IsZero() {
			add(RuleOccupation, selfService, "NewCode", r.NewCode.String(), "is not changed by a change of name; ask on the ground of a new personal code", ErrInvalid)
		}
	default:
		if r.NewName != "" || !r.NewCode.IsZero() {
			rule, cite := RuleForm, reg113.At("20", "2", "")
			if p == OccupationalDuplicate {
				rule, cite = RuleOccupation, reg74.At("9", "2", "")
			}
			add(rule, cite, "NewName", r.NewName, "a new name or code goes onto a duplicate only for a new personal code or a change of name", ErrInvalid)
		}
	}
	if r.ByIssuer && (p != OccupationalDuplicate || r.Ground != Error) {
		add(RuleOccupation, xroad, "ByIssuer", "true", "only an awarding body asks itself, and only for an error in its data (reason 3)", ErrInvalid)
	}

	// Attachments (SCH-18, SCH-14, CERT-07).
	if p != 0 {
		need, ae, err := Attachments(st, p, r.Ground, r.ByIssuer, on)
		if err != nil {
			return 0, e, err
		}
		e.Append(ae)
		for _, x := range need {
			if !r.Has(x) {
				rule, cite := RuleAttachments, reg113.At("17", "5", "")
				switch {
				case p == OccupationalDuplicate:
					rule, cite = RuleOccupation, reg74.At("7", "2", "")
				case p == StateExamExchange:
					rule, cite = RuleExchange, reg113.At("16", "2", "")
				}
				add(rule, cite, "Attached", "", "must include the "+x.String()+" on the ground "+r.Ground.String(), ErrAttachment)
			}
		}
	}
	if len(probs) > 0 {
		return 0, e, &ValidationError{Problems: probs}
	}
	rule, cite := applicationCitation(p)
	e.Add(rule, cite, "taotluses on alus, taotleja isikuandmed ja nõutud lisad", "the request states its ground and the applicant's personal data, with what must be attached")
	markAs(&e)
	return p, e, nil
}

// applicationCitation returns the rule and provision that say what a request in p contains.
func applicationCitation(p Procedure) (string, law.Citation) {
	switch p {
	case OccupationalDuplicate:
		return RuleOccupation, reg74.At("7", "2", "")
	case StateExamExchange:
		return RuleExchange, reg113.At("16", "2", "")
	case StateExamCorrection:
		return RuleCorrection, reg113.At("15", "3", "")
	case StateExamLegalised:
		return RuleLegalised, reg113.At("15", "4", "")
	}
	return RuleApplication, reg113.At("17", "2", "")
}
