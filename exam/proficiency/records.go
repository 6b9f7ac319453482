package proficiency

import (
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/isikukood"
)

// Person is who registers: a name and a personal code or, for a person without an Estonian one, a
// birth date (GEN-01).
type Person struct {
	Name      string         // first and last name
	Code      isikukood.Code // the Estonian personal code; zero for a person without one
	BirthDate calendar.Date  // the birth date of a person without a personal code
	// Citizenship: the person applies for Estonian citizenship (for LNG-21).
	Citizenship bool
	// Contact is the postal or e-mail address the exam notice goes to (003).
	Contact string
}

// Key returns the key that tells people apart in the store: the personal code, or for a person
// without one "b:" with the birth date and the name in lower case ("b:1950-03-04 ivan ivanov").
// It is the key of the one active registration (LNG-07).
func (p Person) Key() string {
	if !p.Code.IsZero() {
		return p.Code.String()
	}
	return "b:" + p.BirthDate.String() + " " + strings.Join(strings.Fields(strings.ToLower(p.Name)), " ")
}

// Born returns the person's birth date: from the personal code where there is one.
func (p Person) Born() calendar.Date {
	if !p.Code.IsZero() {
		return p.Code.BirthDate()
	}
	return p.BirthDate
}

// AgeOn returns the person's age in completed years on d (for LNG-21: "vähemalt 65-aastane", 003),
// as isikukood.Code.AgeOn counts it (a
// person is a year older from the start of each birthday; one born on 29 February on 28 February in
// a common year), from the personal code or else the birth date; -1 when neither is known or d is
// before the birth.
func (p Person) AgeOn(d calendar.Date) int {
	if !p.Code.IsZero() {
		return p.Code.AgeOn(d)
	}
	b := p.BirthDate
	if b.IsZero() || d.Before(b) {
		return -1
	}
	age := d.Year - b.Year
	if b.AddYears(age).After(d) {
		age--
	}
	return age
}

func (p Person) validate(fs *fields, prefix string) {
	if strings.TrimSpace(p.Name) == "" {
		fs.add(prefix+"Name", "", "is required")
	}
	if len(p.Name) > 200 {
		fs.add(prefix+"Name", "", "may be at most 200 bytes long")
	}
	switch {
	case p.Code.IsZero() && p.BirthDate.IsZero():
		fs.add(prefix+"Code", "", "is required: a personal code, or a birth date for a person without one (GEN-01)")
	case !p.BirthDate.IsZero() && !p.BirthDate.IsValid():
		fs.add(prefix+"BirthDate", "", "is not a real date")
	case !p.Code.IsZero() && !p.BirthDate.IsZero() && p.BirthDate != p.Code.BirthDate():
		fs.add(prefix+"BirthDate", p.BirthDate.String(), "differs from the birth date in the personal code")
	}
}

// Documents are what a written registration comes with (LNG-05, 004 § 5 (2)).
type Documents struct {
	Form          bool // the application on the exam centre's form (vormikohane avaldus)
	IdentityCopy  bool // a copy of the passport or ID card
	CommitteeCopy bool // the health expert committee's decision, where the person has one
}

// Examiner is a person approved to conduct the exam (LNG-13).
type Examiner struct {
	Name        string
	Approval    string // the minister's approval (käskkiri) it rests on; required
	Philologist bool   // has a philological education
}

// Session is one exam: a level on a day, at the same time in all the exam centres (eksamipunktid)
// where it is held (LNG-11).
type Session struct {
	ID        string        // the host's identifier, e.g. "2011-09-15-B1"
	Organiser string        // the registry code of the exam centre that organises it (LNG-01)
	Level     Level         //
	Date      calendar.Date // the exam day
	Start     string        // the starting time "HH:MM", the same in every centre (LNG-11)
	Centres   []string      // the exam centres where it is held
	Max       Points        // the maximum points of each skill's part (LNG-02)
	// WorkRelatedOral: the oral part includes work-related topics (LNG-04; required at B2 and C1).
	WorkRelatedOral bool
	Examiners       []Examiner // LNG-13
	Version         int64      // optimistic-concurrency version, kept by the store
}

// Clone returns a deep copy of s.
func (s Session) Clone() Session {
	s.Centres = slices.Clone(s.Centres)
	s.Examiners = slices.Clone(s.Examiners)
	return s
}

// SpecialNeeds is a person's request to sit the exam in another scope or manner, and the expert
// committee's decision on it (LNG-06).
type SpecialNeeds struct {
	RequestedOn calendar.Date
	// Statement is the specialist's (eriarst) statement on the person's health that the request
	// must come with: its reference or a description. Required.
	Statement string
	// Decision is the expert committee's decision; nil while the request waits for one.
	Decision *Accommodation
}

// Accommodation is the expert committee's decision on a special-needs request (LNG-06, 004 § 8):
// what the person is allowed. An exempted task's points leave the maximum.
type Accommodation struct {
	DecidedOn      calendar.Date
	Reference      string // the decision's reference
	OtherTimePlace bool   // sits the exam at another time and place (§ 8 (1) 1))
	ExtraMinutes   int    // extra time for the tasks (§ 8 (1) 2))
	// Exempted is, per skill, the maximum points of the tasks the person is exempt from (§ 8 (1) 3)).
	Exempted Points
	Tasks    []string // the exempted tasks, as the decision names them
}

// Absence records that a person did not come to the exam, and the explanation of a good reason
// (LNG-08).
type Absence struct {
	// ExplanationFiled is the day the person's explanation of the reason reached the exam centre;
	// zero when none was filed.
	ExplanationFiled calendar.Date
	// Evidence is the proof (tõend) the explanation came with, e.g. "arstitõend nr 123"; an
	// explanation without evidence does not make a good reason.
	Evidence string
	// Accepted: the exam centre found the reason good.
	Accepted bool
}

// Result is the marked exam: points per skill and the conduct that may override them.
type Result struct {
	Points  Points
	Conduct Conduct
}

// Registration is a person's registration for one exam, and what came of it.
type Registration struct {
	ID      int64  // allocated by the store, increasing
	Key     string // the idempotency key of the registration request; "" for none
	Person  Person
	Session string        // the session's ID
	Level   Level         // the session's level
	Date    calendar.Date // the session's exam day
	Centre  string        // the exam centre chosen
	Channel Channel
	// Documents are what a written registration came with (LNG-05).
	Documents Documents
	// CommitteeDecision is the reference of the person's health expert committee decision, where
	// there is one (004 § 5 (2) 3)).
	CommitteeDecision string
	// Senior: registered as a citizenship applicant aged 65 or more (LNG-21).
	Senior       bool
	SpecialNeeds *SpecialNeeds // LNG-06; nil for none
	Status       Status
	RegisteredOn calendar.Date // the day of registration (Europe/Tallinn)
	RegisteredAt time.Time     // when it was made
	CancelledOn  calendar.Date // for Cancelled
	NoticeSentOn calendar.Date // when the notice of time and place was sent (LNG-10)
	Absence      *Absence      // for Absent
	Result       *Result       // for Graded
	Grade        *Grade        // for Graded: the decision on Result
	GradedOn     calendar.Date // for Graded: the day the result was recorded
	Certificate  certificate.Number
	Version      int64 // optimistic-concurrency version, kept by the store
}

// Clone returns a deep copy of r: stores use it to copy records in and out.
func (r Registration) Clone() Registration {
	if r.SpecialNeeds != nil {
		sn := *r.SpecialNeeds
		if sn.Decision != nil {
			d := *sn.Decision
			d.Tasks = slices.Clone(d.Tasks)
			sn.Decision = &d
		}
		r.SpecialNeeds = &sn
	}
	if r.Absence != nil {
		a := *r.Absence
		r.Absence = &a
	}
	if r.Result != nil {
		x := *r.Result
		r.Result = &x
	}
	if r.Grade != nil {
		g := *r.Grade
		r.Grade = &g
	}
	return r
}

// Skills returns the parts the person takes: all four, without the writing part for a 65+
// citizenship applicant (LNG-21).
func (r *Registration) Skills() SkillSet {
	if r.Senior {
		return AllSkills &^ SetOf(Writing)
	}
	return AllSkills
}

// exempted returns the maximum points of the tasks the person is exempt from.
func (r *Registration) exempted() Points {
	if r.SpecialNeeds != nil && r.SpecialNeeds.Decision != nil {
		return r.SpecialNeeds.Decision.Exempted
	}
	return Points{}
}

// Sheet returns what grading r needs, with the session's maximum points.
func (r *Registration) Sheet(s *Session, res Result) Sheet {
	return Sheet{Date: r.Date, Max: s.Max, Exempted: r.exempted(), Taken: r.Skills(), Points: res.Points, Conduct: res.Conduct}
}

// zero reports whether d is zero, exactly.
func zero(d decimal.Decimal) bool { return d.Sign() == 0 }
