package schooldoc

import (
	"strconv"
	"strings"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
)

// The fixed words of a grade sheet (seed 002 § 11 (4) 8), 9), 10), 14)).
const (
	NotInCurriculumText      = "ei olnud õppekavas"
	IndividualCurriculumText = "individuaalne õppekava"
	PassedText               = "arvestatud"
	NotPassedText            = "mittearvestatud"
	SchoolExamText           = "koolieksam"
)

// Subject is one compulsory subject on a grade sheet (§ 11 (4) 6)–9)): exactly one of Score, Verbal
// or NotInCurriculum.
type Subject struct {
	Name string
	// Score is the last annual grade (basic school) or the school-stage grade (gymnasium), in digits
	// and words.
	Score Score
	// Verbal is the last verbal assessment, where the law allows verbal assessment (basic school).
	Verbal string
	// NotInCurriculum prints "ei olnud õppekavas" in place of the grade: the subject was not taught
	// or the pupil was exempted on the counselling committee's recommendation.
	NotInCurriculum bool
	// Individual marks "individuaalne õppekava": reduced learning outcomes (gymnasium only).
	Individual bool
	// Courses is the number of courses (gymnasium only; 0 means not printed).
	Courses int
}

// Elective is an elective subject or course (§ 11 (4) 10)): a Score, or the assessment
// "arvestatud"/"mittearvestatud" in Passed.
type Elective struct {
	Name   string
	Score  Score
	Passed Pass
}

// Pass is the assessment "arvestatud" or "mittearvestatud". The zero value means not assessed so.
type Pass uint8

// The pass assessments.
const (
	NoPass    Pass = iota // not assessed as passed or not
	Passed                // "arvestatud"
	NotPassed             // "mittearvestatud"
)

// Text returns "arvestatud", "mittearvestatud", or "".
func (p Pass) Text() string {
	switch p {
	case Passed:
		return PassedText
	case NotPassed:
		return NotPassedText
	}
	return ""
}

// Work is the basic-school creative work (loovtöö; topic only, § 11 (4) 11)) or the gymnasium
// student research or practical work (õpilasuurimus, praktiline töö; topic and grade, § 11 (4) 12)).
type Work struct {
	Topic string
	Score Score // required on a gymnasium grade sheet; not printed for basic school
}

// Exam is a basic-school final exam or a gymnasium school exam with its grade (§ 11 (4) 13)).
// SchoolExam prints "koolieksam" after the subject (§ 11 (4) 14): basic school, national
// curriculum).
type Exam struct {
	Subject    string
	Score      Score
	SchoolExam bool
}

// GradeSheet is the data of a grade sheet (hinneteleht), the annex of a leaving certificate: the 16
// items of seed 002 § 11 (4) (SCH-08) and its confirmation (§ 12, SCH-09).
type GradeSheet struct {
	Kind              Kind               // the kind of the leaving certificate it belongs to
	CertificateNumber certificate.Number // 1) the leaving certificate's number (SCH-03)
	Holder            certificate.Holder // 2)–3) name; personal code or birth date
	StudyLanguage     string             // 4) õppekeel, e.g. "eesti"
	CurriculumName    string             // 5) the national curriculum's name, e.g. "gümnaasiumi riiklik õppekava"
	Curriculum        Curriculum         // 5) for the simplified curriculum: simplified, coping or care studies
	EKR, EQF          int                // 5^1) Estonian and European qualifications framework level, 1–8
	Subjects          []Subject          // 6)–9) compulsory subjects
	Electives         []Elective         // 10)
	Work              *Work              // 11)–12)
	Exams             []Exam             // 13)–14)
	School            string             // 15) the school's name in the genitive
	DecisionDate      calendar.Date      // 16) the teachers' council decision date (GEN-02)
	Language          string             // "et" or "" (SCH-06)
	Signatories       Signatories        // director, secretary, seal (SCH-09); Members is not used
}

// Validate returns nil, or an *invalid.Errors listing every field SCH-03, SCH-06, SCH-08 and SCH-09
// refuse: a grade word that does not match its digit among them. It wraps invalid.ErrInvalid. The
// rules are those of the version of regulation nr 113 in force on the teachers' council's decision
// date (st; nil: vv113.Default): a date no version covers is refused with an error wrapping
// law.ErrNoVersion (GEN-04).
func (g GradeSheet) Validate(st vv113.Statute) error {
	if g.DecisionDate.IsValid() {
		if _, err := version(st, "SCH-08", g.DecisionDate); err != nil {
			return err
		}
	}
	errs := &invalid.Errors{Pkg: pkg}
	switch g.Kind {
	case Basic, Gymnasium:
		if _, err := certificate.ParseNumber(g.Kind.CertificateKind(), string(g.CertificateNumber)); err != nil {
			errs.Add("CertificateNumber", string(g.CertificateNumber), "must be a leaving certificate number, the series letter "+series(g.Kind)+" and six digits (SCH-08, SCH-03)")
		}
	default:
		errs.Add("Kind", strconv.Itoa(int(g.Kind)), "must be basic or gymnasium (SCH-08)")
	}
	checkHolder(errs, g.Holder, "SCH-08")
	req := func(field, v string) {
		if strings.TrimSpace(v) == "" {
			errs.Add(field, "", "is required (SCH-08)")
		}
	}
	req("StudyLanguage", g.StudyLanguage)
	req("CurriculumName", g.CurriculumName)
	req("School", g.School)
	if !g.Curriculum.Valid() || (g.Kind == Gymnasium && g.Curriculum != National) {
		errs.Add("Curriculum", strconv.Itoa(int(g.Curriculum)), "the simplified curriculum is a basic-school curriculum (SCH-08)")
	}
	if g.EKR < 1 || g.EKR > 8 {
		errs.Add("EKR", strconv.Itoa(g.EKR), "must be a qualifications framework level 1–8 (SCH-08)")
	}
	if g.EQF < 1 || g.EQF > 8 {
		errs.Add("EQF", strconv.Itoa(g.EQF), "must be a qualifications framework level 1–8 (SCH-08)")
	}
	if len(g.Subjects) == 0 {
		errs.Add("Subjects", "", "are required: the compulsory subjects' grades (SCH-08)")
	}
	for i, s := range g.Subjects {
		f := "Subjects[" + strconv.Itoa(i) + "]"
		req(f+".Name", s.Name)
		n := 0
		if !s.Score.IsZero() {
			n++
			s.Score.check(errs, f+".Score")
		}
		if s.Verbal != "" {
			n++
			if g.Kind == Gymnasium {
				errs.Add(f+".Verbal", s.Verbal, "a gymnasium grade sheet gives school-stage grades in digits and words (SCH-08)")
			}
		}
		if s.NotInCurriculum {
			n++
		}
		if n != 1 {
			errs.Add(f, s.Name, "must have exactly one of a grade, a verbal assessment or \""+NotInCurriculumText+"\" (SCH-08)")
		}
		if g.Kind != Gymnasium && s.Individual {
			errs.Add(f+".Individual", s.Name, "\""+IndividualCurriculumText+"\" is marked on a gymnasium grade sheet only (SCH-08)")
		}
		if s.Courses < 0 || (g.Kind != Gymnasium && s.Courses != 0) {
			errs.Add(f+".Courses", strconv.Itoa(s.Courses), "the number of courses is given for gymnasium subjects only (SCH-08)")
		}
	}
	for i, e := range g.Electives {
		f := "Electives[" + strconv.Itoa(i) + "]"
		req(f+".Name", e.Name)
		switch {
		case e.Passed > NotPassed:
			errs.Add(f+".Passed", strconv.Itoa(int(e.Passed)), "is not \""+PassedText+"\" or \""+NotPassedText+"\" (SCH-08)")
		case e.Score.IsZero() == (e.Passed == NoPass):
			errs.Add(f, e.Name, "must have either a grade or \""+PassedText+"/"+NotPassedText+"\" (SCH-08)")
		case !e.Score.IsZero():
			e.Score.check(errs, f+".Score")
		}
	}
	if w := g.Work; w != nil {
		req("Work.Topic", w.Topic)
		if g.Kind == Gymnasium {
			w.Score.check(errs, "Work.Score")
		} else if !w.Score.IsZero() {
			errs.Add("Work.Score", w.Score.String(), "the basic-school creative work is entered by its topic only (SCH-08)")
		}
	}
	for i, e := range g.Exams {
		f := "Exams[" + strconv.Itoa(i) + "]"
		req(f+".Subject", e.Subject)
		e.Score.check(errs, f+".Score")
		if e.SchoolExam && (g.Kind != Basic || g.Curriculum != National) {
			errs.Add(f+".SchoolExam", e.Subject, "\""+SchoolExamText+"\" is marked for basic-school pupils of the national curriculum (SCH-08)")
		}
	}
	if g.DecisionDate.IsZero() || g.DecisionDate.LongEt() == "" {
		errs.Add("DecisionDate", g.DecisionDate.String(), "is required: the teachers' council decision date (SCH-08)")
	}
	checkLanguage(errs, g.Language)
	s := g.Signatories
	if strings.TrimSpace(s.Director) == "" {
		errs.Add("Signatories.Director", "", "is required: the director signs the grade sheet (SCH-09)")
	}
	if strings.TrimSpace(s.Secretary) == "" {
		errs.Add("Signatories.Secretary", "", "is required: the council secretary signs the grade sheet (SCH-09)")
	}
	if !s.Seal {
		errs.Add("Signatories.Seal", "", "is required: the school seal confirms the grade sheet (SCH-09)")
	}
	return errs.Err()
}

// Lines returns the grade sheet's text as printed, in Estonian, in the order of § 11 (4): "HINNETELEHT",
// each item on its line ("Lõputunnistus nr G123456", "õppekeel: eesti", "matemaatika 5 (väga hea)",
// "… ei olnud õppekavas", …), the decision date worded per GEN-02 and the captions for the director
// and the council secretary. The labels of the items are the SDK's: the form (annex 3) is not in the
// sources. Lines does not validate: call Validate first. Every step of the explanation names the
// version of regulation nr 113 in force on the decision date (st; nil: vv113.Default); a date no
// version covers is refused with an error wrapping law.ErrNoVersion (GEN-04).
func (g GradeSheet) Lines(st vv113.Statute) ([]string, law.Explanation, error) {
	var ex law.Explanation
	v, err := version(st, "SCH-08", g.DecisionDate)
	if err != nil {
		return nil, ex, err
	}
	p := func(point string) law.Citation { return act113("11", "4", point) }
	lines := []string{
		"HINNETELEHT",
		"lõputunnistus nr " + string(g.CertificateNumber),
		g.Holder.Name,
		holderLine(g.Holder),
		"õppekeel: " + g.StudyLanguage,
	}
	cur := "õppekava: " + g.CurriculumName
	switch g.Curriculum {
	case Simplified:
		cur += ", lihtsustatud õpe"
	case Coping:
		cur += ", toimetulekuõpe"
	case Care:
		cur += ", hooldusõpe"
	}
	lines = append(lines, cur,
		"Eesti kvalifikatsiooniraamistiku tase "+strconv.Itoa(g.EKR)+", Euroopa kvalifikatsiooniraamistiku tase "+strconv.Itoa(g.EQF))
	ex.Add("SCH-08", p("1"), "lõputunnistuse number "+string(g.CertificateNumber), "leaving certificate number "+string(g.CertificateNumber))
	ex.Add("SCH-08", p("5^1"),
		"EKR ja EQF tase", "EQF and Estonian framework level")
	for _, s := range g.Subjects {
		l := s.Name + " "
		switch {
		case s.NotInCurriculum:
			l += NotInCurriculumText
		case s.Verbal != "":
			l += s.Verbal
		default:
			l += s.Score.String()
		}
		if s.Courses > 0 {
			l += ", kursuste arv " + strconv.Itoa(s.Courses)
		}
		if s.Individual {
			l += ", " + IndividualCurriculumText
		}
		lines = append(lines, l)
	}
	ex.Add("SCH-08", p("6"), "hinded numbrite ja sõnadega", "grades in digits and words")
	ex.Add("SCH-08", pgs, "viiepallisüsteemi hinnete sõnad", "the words of the five-point scale")
	if len(g.Electives) > 0 {
		lines = append(lines, "valikained")
		for _, e := range g.Electives {
			if e.Passed != NoPass {
				lines = append(lines, e.Name+" "+e.Passed.Text())
			} else {
				lines = append(lines, e.Name+" "+e.Score.String())
			}
		}
		ex.Add("SCH-08", p("10"), "valikained", "electives")
	}
	if w := g.Work; w != nil {
		if g.Kind == Gymnasium {
			lines = append(lines, "õpilasuurimus või praktiline töö: "+w.Topic+" "+w.Score.String())
			ex.Add("SCH-08", p("12"), "õpilasuurimuse või praktilise töö teema ja hinne", "research or practical work topic and grade")
		} else {
			lines = append(lines, "loovtöö: "+w.Topic)
			ex.Add("SCH-08", p("11"), "loovtöö teema", "creative work topic")
		}
	}
	if len(g.Exams) > 0 {
		if g.Kind == Gymnasium {
			lines = append(lines, "koolieksam")
		} else {
			lines = append(lines, "lõpueksamid")
		}
		for _, e := range g.Exams {
			l := e.Subject
			if e.SchoolExam {
				l += " " + SchoolExamText
			}
			lines = append(lines, l+" "+e.Score.String())
		}
		ex.Add("SCH-08", p("13"), "eksamiained ja hinded", "exam subjects and grades")
	}
	date := g.DecisionDate.LongEt()
	lines = append(lines, g.School, "õppenõukogu otsus "+date, "direktor", "õppenõukogu sekretär")
	ex.Add("GEN-02", p("16"), "kuupäev numbritega, kuu sõnaga alalütlevas käändes: "+date,
		"date with the month as a word in the adessive: "+date)
	ex.Add("SCH-06", act113("11", "1", ""), "vormistatud eesti keeles", "drawn up in Estonian")
	ex.Add("SCH-09", act113("12", "1", ""), "kinnitavad direktor, õppenõukogu sekretär ja pitsat",
		"confirmed by the director, the council secretary and the seal")
	vv113.Mark(&ex, v)
	return lines, ex, nil
}
