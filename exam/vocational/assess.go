package vocational

import (
	"slices"
	"strconv"
	"strings"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/register"
)

// DefaultMinAssessors is the least number of members of an assessment committee, the chair included,
// unless the service is configured otherwise: three. Kutseseadus § 19 (3) sets a minimum whose
// wording the research could read only as "koosneb vähemalt ko…" (research/kutseseadus.md § 5,
// UNCONFIRMED); the SDK reads it as "kolmest liikmest" (of three members).
const DefaultMinAssessors = 3

// UnitsOf returns the units an exam under version v of a standard assesses by default: the
// competences of the set for the occupational certificate (kutsetunnistus), in the standard's order,
// each by its register id, electives marked (EXV-04). An awarding body may assess modules of the
// curriculum instead ([Service.Accept]).
func UnitsOf(v register.StandardVersion) []Unit {
	var out []Unit
	for _, c := range v.CompetencesFor(classifier.OccupationalCertificate) {
		out = append(out, Unit{Code: c.ID.String(), Name: c.Name, Kind: CompetenceUnit, Elective: c.Elective})
	}
	return out
}

// AssessedIn returns the units candidate c is assessed in: every unit that is not elective, and the
// electives c chose.
func AssessedIn(units []Unit, c *Candidate) []Unit {
	out := make([]Unit, 0, len(units))
	for _, u := range units {
		if !u.Elective || slices.Contains(c.Electives, u.Code) {
			out = append(out, u)
		}
	}
	return out
}

// Passes implements the outcome of EXV-04 for one candidate: c passed the exam when they came (not
// absent) and passed every unit they are assessed in ([AssessedIn]): each competence or module not
// elective and each elective they chose. (The sources do not say how an elective failed counts; the
// SDK counts every unit assessed, so a certificate never lists a competence not proven.)
func Passes(units []Unit, c *Candidate, r *Result) bool {
	if r.Absent || !r.Entered() {
		return false
	}
	for _, u := range AssessedIn(units, c) {
		ur, ok := r.Unit(u.Code)
		if !ok || !ur.Passed {
			return false
		}
	}
	return true
}

// checkCommittee checks an assessment committee for exam e (EXV-04; Kutseseadus § 19): at least min
// members with ids, unique, and names, exactly one chair, and own learners who are candidates of the
// exam.
func checkCommittee(e *Exam, c *Committee, min int) error {
	errs := &ValidationError{Pkg: pkg}
	if len(c.Assessors) < min {
		errs.Add("Committee.Assessors", strconv.Itoa(len(c.Assessors)), "must be at least "+strconv.Itoa(min)+
			" members, the chair included ("+kuts.At("19", "3", "").String()+")")
	}
	chairs := 0
	for i, a := range c.Assessors {
		f := "Committee.Assessors[" + strconv.Itoa(i) + "]"
		switch {
		case strings.TrimSpace(a.ID) == "":
			errs.Add(f+".ID", "", "is required")
		case slices.IndexFunc(c.Assessors[:i], func(o Assessor) bool { return o.ID == a.ID }) >= 0:
			errs.Add(f+".ID", a.ID, "is listed twice")
		}
		if strings.TrimSpace(a.Name) == "" {
			errs.Add(f+".Name", "", "is required")
		}
		switch a.Role {
		case AssessorChair:
			chairs++
		case AssessorMember:
		default:
			errs.Add(f+".Role", strconv.Itoa(int(a.Role)), "must be chair or member")
		}
		for j, l := range a.Learners {
			if e.Candidate(l) == nil {
				errs.Add(f+".Learners["+strconv.Itoa(j)+"]", l, "is not a candidate of the exam")
			}
		}
	}
	if chairs != 1 {
		errs.Add("Committee.Assessors", strconv.Itoa(chairs)+" chairs", "must have exactly one chair (esimees)")
	}
	return errs.Err()
}

// checkResult checks candidate c's result r for exam e: one result per unit c is assessed in and no
// other (none for an absent candidate), assessors who are members of the committee, at least one for a
// candidate who came, and — where the committee is Impartial — no assessor who is c's own teacher
// (EXV-04: a *RuleError wrapping ErrOwnLearner).
func checkResult(e *Exam, c *Candidate, r *Result) error {
	errs := &ValidationError{Pkg: pkg}
	f := "Results[" + c.ID + "]"
	assessed := AssessedIn(e.Units, c)
	if r.Absent {
		if len(r.Units) > 0 {
			errs.Add(f+".Units", "", "must be empty for an absent candidate")
		}
	} else {
		for i, ur := range r.Units {
			if slices.IndexFunc(assessed, func(u Unit) bool { return u.Code == ur.Unit }) < 0 {
				errs.Add(f+".Units["+strconv.Itoa(i)+"]", ur.Unit, "is not a unit the candidate is assessed in")
			} else if slices.IndexFunc(r.Units[:i], func(o UnitResult) bool { return o.Unit == ur.Unit }) >= 0 {
				errs.Add(f+".Units["+strconv.Itoa(i)+"]", ur.Unit, "is listed twice")
			}
		}
		for _, u := range assessed {
			if _, ok := r.Unit(u.Code); !ok {
				errs.Add(f+".Units", u.Code, "has no result for "+u.Name)
			}
		}
		if len(r.AssessedBy) == 0 {
			errs.Add(f+".AssessedBy", "", "is required: the assessors who assessed the candidate")
		}
	}
	for i, id := range r.AssessedBy {
		if _, ok := e.Committee.Assessor(id); !ok {
			errs.Add(f+".AssessedBy["+strconv.Itoa(i)+"]", id, "is not a member of the assessment committee")
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	if e.Committee.Impartial {
		for _, id := range r.AssessedBy {
			a, _ := e.Committee.Assessor(id)
			if slices.Contains(a.Learners, c.ID) {
				return &RuleError{Pkg: pkg, Rule: "EXV-04", Citation: kuts.At("19", "", "").String(), Op: "enter the result of " + c.ID,
					Reason: a.Name + " is the candidate's own teacher, and the awarding body's procedure says no member assesses their own learner",
					Err:    ErrOwnLearner}
			}
		}
	}
	return nil
}

// Assemble implements the first step of EXV-08 (seed 000, slide 5: "kutsetunnistus komplekteeritakse
// taotluse esitamisel"): when the school registers the exam, a certificate is drawn up for candidate c
// from the register's data: a kutsetunnistus to the candidate, of the qualification (the
// specialisation's name where the candidate has one, as the register's entries show it: seed 000,
// "Kutsenimetus: Sõiduautodiagnostik, tase 5"), the standard, its EKR and EQF level, the exam's
// language and the awarding body as issuer. It has no number, no dates and no competences yet.
func Assemble(e *Exam, c *Candidate) certificate.Certificate {
	q := &e.Qualification
	cert := certificate.Certificate{
		Kind:         certificate.Occupational,
		Holder:       certificate.Holder{Name: c.Name, Code: c.Code, BirthDate: c.BirthDate},
		Title:        q.Name,
		Standard:     q.Name,
		EKR:          q.EKR,
		EQF:          q.EKR, // EKR n is EQF n (research/domain-rules.md § 3.1)
		ExamLanguage: e.Language,
		Issuer:       e.Body.Name,
		IssuerCode:   e.Body.Code,
		Extra:        map[string]string{"vocational.exam": e.Subject(), "vocational.curriculum": e.Curriculum.Code},
	}
	if !c.Code.IsZero() {
		cert.Holder.BirthDate = calendar.Date{}
	}
	for _, s := range q.Specialisations {
		if s.ID == c.Specialisation {
			cert.Title, cert.Specialisation = s.Name, s.Name
		}
	}
	return cert
}

// Complete implements the second step of EXV-08 ("kutsetunnistuse andmed täpsustatakse
// hindamistulemuste sisestamisel"): when candidate c's result is entered, the certificate lists the
// elective competences c chose and passed ("Valitud kompetentsid", CERT-01), in the exam's order of
// units.
func Complete(cert certificate.Certificate, units []Unit, c *Candidate) certificate.Certificate {
	cert = cert.Clone()
	cert.Competences = nil
	for _, u := range units {
		if u.Kind != CompetenceUnit || !u.Elective || !slices.Contains(c.Electives, u.Code) {
			continue
		}
		if ur, ok := c.Result.Unit(u.Code); ok && ur.Passed {
			cert.Competences = append(cert.Competences, u.Name)
		}
	}
	return cert
}

// Finish implements the last step of EXV-08 ("kutse väljastatakse automaatselt kutsekomisjoni
// protokolli allkirjastamisel"): the certificate to issue on the day the protocol is signed, valid
// from that day for validMonths months (the last day the day before the same date validMonths
// later, TsÜS § 136 lg 3; 0: no end, "tähtajatu"). The store allocates its number.
func Finish(cert certificate.Certificate, signed calendar.Date, validMonths int) certificate.Certificate {
	cert = cert.Clone()
	cert.Number = ""
	cert.IssuedOn, cert.ValidFrom, cert.ValidUntil = signed, signed, calendar.Date{}
	if validMonths > 0 {
		cert.ValidUntil = signed.AddMonths(validMonths).AddDays(-1)
	}
	return cert
}
