package vocational

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/store"
)

// FormCommittee forms the exam's assessment committee (hindamiskomisjon; EXV-04: "moodustab
// hindamiskomisjoni"): at least the service's minimum of members (three by default), one of them its
// chair; for each member the candidates who are their own learners, and whether the awarding body's
// procedure forbids assessing them (Impartial). Only the awarding body, while it processes the exam
// and before any result is entered.
func (s *Service) FormCommittee(ctx context.Context, a actor.Actor, id int64, c Committee) (Exam, error) {
	op := "form the assessment committee of exam " + strconv.FormatInt(id, 10)
	return s.update(ctx, a, id, op, func(e *Exam, now time.Time) ([]store.Event, error) {
		if err := must(a, e, BodySide, op); err != nil {
			return nil, err
		}
		if e.Status != Processing || anyResult(e) {
			return nil, stateErr(e, op, "EXV-04", "the committee is formed while the body processes the exam, before any result is entered")
		}
		if err := checkCommittee(e, &c, s.min); err != nil {
			return nil, err
		}
		c.FormedOn = calendar.DateOf(now)
		e.Committee = Exam{Committee: c}.Clone().Committee
		return []store.Event{event(EventCommittee, e, e.School.Code, now, map[string]string{"count": strconv.Itoa(len(c.Assessors))})}, nil
	})
}

// ResultEntry is one candidate's result for [Service.EnterResults].
type ResultEntry struct {
	Candidate string // the candidate's ID
	Result    Result
}

// EnterResults enters candidates' results (EXV-04: "sisestab eksamitulemused"): per unit each is
// assessed in, by members of the assessment committee, none of them a candidate's own teacher where
// the committee is impartial; or absent. Each candidate's outcome is decided ([Passes]) and their
// certificate completed with the electives passed (EXV-08). Results are entered once the agreed exam
// has begun, and may be corrected until the assessment is closed. Only the awarding body; the school
// is told (EXV-07). A refused entry stops the call and nothing is entered.
func (s *Service) EnterResults(ctx context.Context, a actor.Actor, id int64, results []ResultEntry) (Exam, error) {
	op := "enter results of exam " + strconv.FormatInt(id, 10)
	return s.update(ctx, a, id, op, func(e *Exam, now time.Time) ([]store.Event, error) {
		if err := must(a, e, BodySide, op); err != nil {
			return nil, err
		}
		if e.Status != Processing {
			return nil, stateErr(e, op, "EXV-04", "results are entered while the body processes the exam")
		}
		if e.Committee.IsZero() {
			return nil, &RuleError{Pkg: pkg, Rule: "EXV-04", Citation: kuts.At("19", "", "").String(), Op: op,
				Reason: "the assessment committee is not formed", Err: ErrIncomplete}
		}
		today := calendar.DateOf(now)
		ss, ok := e.Agreed()
		if !ok {
			return nil, &RuleError{Pkg: pkg, Rule: "EXV-02", Citation: eksamihaldus.String(), Op: op, Reason: "the times and places are not agreed", Err: ErrSchedule}
		}
		first, _ := span(ss)
		if today.Before(first) {
			return nil, &RuleError{Pkg: pkg, Rule: "EXV-02", Citation: eksamihaldus.String(), Op: op,
				Reason: "the exam begins on " + first.String() + ": results are entered from then", Err: ErrSchedule}
		}
		if len(results) == 0 {
			return nil, &FieldError{Pkg: pkg, Field: "results", Reason: "is required: at least one result"}
		}
		var errs []error
		seen := map[string]bool{}
		candidate := e.byID()
		for _, re := range results {
			c := candidate(re.Candidate)
			switch {
			case c == nil:
				errs = append(errs, &FieldError{Pkg: pkg, Field: "Results[" + re.Candidate + "]", Value: re.Candidate, Reason: "is not a candidate of the exam"})
				continue
			case !c.Active():
				errs = append(errs, &FieldError{Pkg: pkg, Field: "Results[" + re.Candidate + "]", Value: re.Candidate, Reason: "was withdrawn from the exam"})
				continue
			case seen[re.Candidate]:
				errs = append(errs, &FieldError{Pkg: pkg, Field: "Results[" + re.Candidate + "]", Value: re.Candidate, Reason: "is listed twice"})
				continue
			}
			seen[re.Candidate] = true
			r := re.Result
			r.Units, r.AssessedBy = append([]UnitResult(nil), r.Units...), append([]string(nil), r.AssessedBy...)
			if err := checkResult(e, c, &r); err != nil {
				errs = append(errs, err)
				continue
			}
			r.On = today
			r.Passed = Passes(e.Units, c, &r)
			c.Result = r
			c.Certificate = Complete(c.Certificate, e.Units, c)
		}
		if len(errs) > 0 {
			return nil, errors.Join(errs...)
		}
		return []store.Event{event(EventResults, e, e.School.Code, now, map[string]string{"count": strconv.Itoa(len(results))})}, nil
	})
}

// span returns the first and last day of sittings ss.
func span(ss []Sitting) (first, last calendar.Date) {
	return (&Exam{Proposed: ss}).Period()
}

// CloseAssessment closes the assessment protocol (EXV-04: "tekib hindamisprotokoll") once every
// candidate who was not withdrawn has a result. Only the awarding body; the school is told and sees
// the protocol (EXV-07).
func (s *Service) CloseAssessment(ctx context.Context, a actor.Actor, id int64) (Exam, error) {
	op := "close the assessment of exam " + strconv.FormatInt(id, 10)
	return s.update(ctx, a, id, op, func(e *Exam, now time.Time) ([]store.Event, error) {
		if err := must(a, e, BodySide, op); err != nil {
			return nil, err
		}
		if e.Status != Processing {
			return nil, stateErr(e, op, "EXV-04", "the assessment is closed while the body processes the exam")
		}
		n := 0
		for i := range e.Candidates {
			c := &e.Candidates[i]
			if !c.Active() {
				continue
			}
			if !c.Result.Entered() {
				return nil, &RuleError{Pkg: pkg, Rule: "EXV-04", Citation: eksamihaldus.String(), Op: op,
					Reason: "candidate " + c.ID + " (" + c.Name + ") has no result", Err: ErrIncomplete}
			}
			n++
		}
		if n == 0 {
			return nil, &RuleError{Pkg: pkg, Rule: "EXV-04", Citation: eksamihaldus.String(), Op: op, Reason: "no candidate takes part", Err: ErrIncomplete}
		}
		e.Status = Assessed
		return []store.Event{event(EventAssessed, e, e.School.Code, now, map[string]string{"count": strconv.Itoa(n)})}, nil
	})
}

// AssessmentRow is one candidate's line of the assessment protocol.
type AssessmentRow struct {
	Candidate  string
	Name       string
	Code       string        // the personal code, or ""
	BirthDate  calendar.Date // for a candidate without one
	Units      []UnitCell    // one per unit of the exam, in its order
	Absent     bool
	Entered    bool // the result is entered
	Passed     bool
	AssessedBy []string // the assessors' names
	Note       string
}

// UnitCell is a candidate's result in one unit, as the protocol shows it.
type UnitCell struct {
	Assessed bool // the candidate is assessed in the unit (an elective they did not choose is not)
	Entered  bool
	Passed   bool
	Score    string
}

// AssessmentProtocol is the assessment protocol (hindamisprotokoll) of an exam (EXV-04): the exam,
// the times and places, the assessment committee, the units, and each candidate's results per unit and
// outcome. It is Final once the awarding body closed the assessment; before that it shows the results
// entered so far.
type AssessmentProtocol struct {
	Exam          int64
	School        Party
	Body          Party
	Curriculum    Curriculum
	Qualification Qualification
	Type          ExamType
	Language      string
	Sittings      []Sitting // the agreed ones
	Committee     Committee
	Units         []Unit
	Rows          []AssessmentRow // the candidates who were not withdrawn, in order
	Passed        int
	Failed        int
	Absent        int
	Final         bool
}

// NewAssessmentProtocol returns exam e's assessment protocol as it stands (EXV-04).
func NewAssessmentProtocol(e *Exam) AssessmentProtocol {
	c := e.Clone()
	p := AssessmentProtocol{Exam: c.ID, School: c.School, Body: c.Body, Curriculum: c.Curriculum, Qualification: c.Qualification,
		Type: c.Type, Language: c.Language, Committee: c.Committee, Units: c.Units,
		Final: c.Status >= Assessed && c.Status != Cancelled}
	p.Sittings, _ = c.Agreed()
	names := map[string]string{}
	for _, as := range c.Committee.Assessors {
		names[as.ID] = as.Name
	}
	for i := range c.Candidates {
		k := &c.Candidates[i]
		if !k.Active() {
			continue
		}
		row := AssessmentRow{Candidate: k.ID, Name: k.Name, BirthDate: k.BirthDate, Absent: k.Result.Absent,
			Entered: k.Result.Entered(), Passed: k.Result.Passed, Note: k.Result.Note}
		if !k.Code.IsZero() {
			row.Code, row.BirthDate = k.Code.String(), calendar.Date{}
		}
		assessed := AssessedIn(c.Units, k)
		for _, u := range c.Units {
			cell := UnitCell{}
			for _, au := range assessed {
				cell.Assessed = cell.Assessed || au.Code == u.Code
			}
			if ur, ok := k.Result.Unit(u.Code); ok {
				cell.Entered, cell.Passed, cell.Score = true, ur.Passed, ur.Score
			}
			row.Units = append(row.Units, cell)
		}
		for _, id := range k.Result.AssessedBy {
			row.AssessedBy = append(row.AssessedBy, names[id])
		}
		switch {
		case !row.Entered:
		case row.Absent:
			p.Absent++
		case row.Passed:
			p.Passed++
		default:
			p.Failed++
		}
		p.Rows = append(p.Rows, row)
	}
	return p
}

// AssessmentProtocol returns exam id's assessment protocol (EXV-04) to its school, its awarding body
// or the registrar (EXV-07: the school sees the participants' results and the protocols).
func (s *Service) AssessmentProtocol(ctx context.Context, a actor.Actor, id int64) (AssessmentProtocol, error) {
	e, err := s.Get(ctx, a, id)
	if err != nil {
		return AssessmentProtocol{}, err
	}
	return NewAssessmentProtocol(&e), nil
}
