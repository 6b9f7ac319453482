package vocational

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// Curriculum is a vocational school's curriculum (õppekava) as the school's data (EHIS) has it: the
// host's data, which the SDK reads through [Curricula] and copies into the exam it creates.
type Curriculum struct {
	Code   string // the curriculum's EHIS code, e.g. "145632"
	Name   string // e.g. "Autotehnik"
	School string // the school's registry code
	// Group is the curriculum group (õppekavarühm) it belongs to, e.g. "Mootorliikurite, laevade ja
	// lennukite tehnika": the state ceilings of the exam costs are set per group (EXV-06).
	Group string
	// Standard is the occupational standard the school linked the curriculum to in EHIS, by the
	// register's id of any of its versions; zero when it is linked to none.
	Standard register.ID
	// Version is the number of the standard's version the link names (1, 2, …); zero: not stated.
	Version int
}

// Learner is a learner of a curriculum as the school's data has them.
type Learner struct {
	ID        string         // the learner's id in the school's data, unique within the curriculum
	Name      string         // first and last name, as on the certificate
	Code      isikukood.Code // the personal code; zero for a person without one
	BirthDate calendar.Date  // for a person without a personal code
	// FinalCourse is true for a learner in the curriculum's final course (lõpukursus) (EXV-01).
	FinalCourse bool
	// StateFunded is true for a learner on a state-funded study place (riigieelarveline õppekoht,
	// ESF-funded ones included): the state pays their exam through the school (EXV-06).
	StateFunded bool
	// Specialisation is the specialisation of the standard the learner studies for, where the
	// standard has them; zero for none.
	Specialisation register.ID
	// Electives are the elective units the learner chose, by their codes ([Unit].Code): an elective
	// competence (valitav kompetents) by its register id, an elective module by its code.
	Electives []string
}

// Key returns what identifies the learner as a person: the personal code, or "b:" with the birth date
// and the name.
func (l *Learner) Key() string {
	if !l.Code.IsZero() {
		return l.Code.String()
	}
	return "b:" + l.BirthDate.String() + ":" + l.Name
}

// Curricula is the schools' data the service reads: their curricula and learners (EHIS, the school's
// study information system). The host implements it; [StaticCurricula] keeps them in memory.
type Curricula interface {
	// Curriculum returns the school's curriculum with the EHIS code, or an error wrapping
	// store.ErrNotFound.
	Curriculum(ctx context.Context, school, code string) (Curriculum, error)
	// Learners returns the curriculum's learners now, in any order. None is not an error.
	Learners(ctx context.Context, school, code string) ([]Learner, error)
}

// Register is the register data the service reads: standards and awarding bodies. The reads of
// register.Store (memstore, pgstore) satisfy it.
type Register interface {
	// Standard returns the standard one of whose versions has the id, or an error wrapping
	// store.ErrNotFound.
	Standard(ctx context.Context, id register.ID) (register.Standard, error)
	// AwardingBody returns the awarding body with the registry code, or an error wrapping
	// store.ErrNotFound.
	AwardingBody(ctx context.Context, code string) (register.AwardingBody, error)
}

// StaticCurricula is a [Curricula] held in memory, for examples, tests and hosts that load the
// schools' data themselves. The zero value is empty and ready; it is safe for concurrent use.
type StaticCurricula struct {
	mu       sync.RWMutex
	curr     map[string]Curriculum
	learners map[string][]Learner
}

// Put stores a curriculum and its learners, replacing what was stored under its school and code.
func (s *StaticCurricula) Put(c Curriculum, learners ...Learner) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.curr == nil {
		s.curr, s.learners = map[string]Curriculum{}, map[string][]Learner{}
	}
	k := c.School + "/" + c.Code
	s.curr[k] = c
	ls := make([]Learner, len(learners))
	for i, l := range learners {
		l.Electives = slices.Clone(l.Electives)
		ls[i] = l
	}
	s.learners[k] = ls
}

// Curriculum implements [Curricula].
func (s *StaticCurricula) Curriculum(ctx context.Context, school, code string) (Curriculum, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, ok := s.curr[school+"/"+code]
	if !ok {
		return Curriculum{}, fmt.Errorf("vocational: curriculum %s of school %s: %w", code, school, store.ErrNotFound)
	}
	return c, nil
}

// Learners implements [Curricula].
func (s *StaticCurricula) Learners(ctx context.Context, school, code string) ([]Learner, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ls := s.learners[school+"/"+code]
	out := make([]Learner, len(ls))
	for i, l := range ls {
		l.Electives = slices.Clone(l.Electives)
		out[i] = l
	}
	return out, nil
}

// Eligibility is the answer to whether a school may create a qualification exam for a curriculum
// (EXV-01), with what the answer rests on.
type Eligibility struct {
	Eligible   bool
	Curriculum Curriculum
	// Version is the version of the linked standard in force on the day: the exam is held under it
	// (GEN-04). Zero when there is none.
	Version register.StandardVersion
	// Learners are the curriculum's learners in their final course.
	Learners []Learner
	Why      law.Explanation
}

// Eligible implements EXV-01 (seed 000, slide 1: "tekitada kutseeksami nendele õppekavadele, millega
// on seotud kutsestandardid ja millel on lõpukursusel õppijaid"; research/kutseseadus.md § 7: the
// school links the curriculum to the standard in EHIS): a school may create a qualification exam on
// day on for a curriculum c only when c is linked to an occupational standard, the standard std (as
// the register holds it; zero when the register has none under c's link) has a version in force on
// on (GEN-04), and c has learners in their final course among learners.
//
// Where the curriculum's link names another version than the one in force, the exam is held under
// the version in force and the explanation says so: the link is the school's to update in EHIS,
// while the standard's version in force is the law of the day (GEN-04).
func Eligible(c Curriculum, learners []Learner, std register.Standard, on calendar.Date) Eligibility {
	el := Eligibility{Curriculum: c}
	why := &el.Why
	cite := eksamihaldus
	if c.Standard == 0 {
		why.Add("EXV-01", cite, "õppekavaga "+c.Code+" ei ole seotud ühtki kutsestandardit",
			"curriculum "+c.Code+" is linked to no occupational standard")
		return el
	}
	if std.ID == 0 || len(std.Versions) == 0 {
		why.Add("EXV-01", cite, "õppekavaga seotud kutsestandardit "+c.Standard.String()+" ei ole kutseregistris",
			"the standard "+c.Standard.String()+" the curriculum is linked to is not in the register")
		return el
	}
	v, step, err := std.InForce(on)
	if err != nil {
		why.Add("EXV-01", cite, "õppekavaga seotud kutsestandardil "+std.ID.String()+" ei ole "+on.Register()+" kehtivat versiooni",
			"the standard "+std.ID.String()+" the curriculum is linked to has no version in force on "+on.String())
		return el
	}
	why.AddStep(step)
	el.Version = v
	why.Add("EXV-01", cite, "õppekava "+c.Code+" on seotud kutsestandardiga "+v.Name,
		"curriculum "+c.Code+" is linked to the occupational standard "+v.Name)
	if c.Version != 0 && c.Version != v.Version {
		why.Add("GEN-04", cite, "õppekava seos nimetab versiooni "+strconv.Itoa(c.Version)+"; eksam toimub "+on.Register()+
			" kehtiva versiooni "+strconv.Itoa(v.Version)+" järgi",
			"the curriculum's link names version "+strconv.Itoa(c.Version)+"; the exam is held under version "+
				strconv.Itoa(v.Version)+", in force on "+on.String())
	}
	for _, l := range learners {
		if l.FinalCourse {
			el.Learners = append(el.Learners, l)
		}
	}
	if len(el.Learners) == 0 {
		why.Add("EXV-01", cite, "õppekaval ei ole lõpukursusel õppijaid", "the curriculum has no learners in their final course")
		return el
	}
	why.Add("EXV-01", cite, "õppekaval on lõpukursusel "+strconv.Itoa(len(el.Learners))+" õppijat",
		"the curriculum has "+strconv.Itoa(len(el.Learners))+" learners in their final course")
	el.Eligible = true
	return el
}

// Awards implements the check of EXV-03 that an exam is sent to an awarding body that may award its
// qualification (Kutseseadus § 10 (1): the register names the qualifications a body may award and the
// term of its right): body awards the standard std, under the id of any of its versions, and its right
// covers day on. It returns the award and the explanation's step, or a *RuleError wrapping
// ErrNotEligible.
func Awards(body register.AwardingBody, std register.Standard, on calendar.Date) (register.Award, law.Step, error) {
	ids := make([]register.ID, 0, len(std.Versions)+1)
	ids = append(ids, std.ID)
	for _, v := range std.Versions {
		ids = append(ids, v.ID)
	}
	cite := kuts.At("10", "1", "")
	a, ok := body.Award(ids...)
	if !ok {
		return register.Award{}, law.Step{}, &RuleError{Pkg: pkg, Rule: "EXV-03", Citation: cite.String(), Op: "send the exam to " + body.Code,
			Reason: body.Name + " does not award the qualification of standard " + std.ID.String(), Err: ErrNotEligible}
	}
	if !body.MayAwardOn(on) {
		return register.Award{}, law.Step{}, &RuleError{Pkg: pkg, Rule: "EXV-03", Citation: cite.String(), Op: "send the exam to " + body.Code,
			Reason: "the right of " + body.Name + " to award does not cover " + on.String() + " (" + body.Mandate.String() + ")", Err: ErrNotEligible}
	}
	return a, law.Step{Rule: "EXV-03", Citation: cite,
		Et: body.Name + " annab kutset " + a.Name + " (kutseregister)",
		En: body.Name + " awards the qualification " + a.Name + " (the register)"}, nil
}
