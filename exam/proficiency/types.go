package proficiency

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/law"
)

// Level is a level of the Estonian language proficiency exam (LNG-03). The zero value is not a level.
type Level uint8

// The levels examined since 10.10.2008 (004 § 3 (2), as amended by RTL 2008, 83, 1131).
const (
	A2 Level = iota + 1
	B1
	B2
	C1
)

// Levels lists the levels, lowest first.
var Levels = []Level{A2, B1, B2, C1}

var levelNames = [...]string{A2: "A2", B1: "B1", B2: "B2", C1: "C1"}

// Valid reports whether l is one of A2, B1, B2, C1.
func (l Level) Valid() bool { return l >= A2 && l <= C1 }

// String returns the level's name, e.g. "B1".
func (l Level) String() string {
	if !l.Valid() {
		return fmt.Sprintf("level(%d)", uint8(l))
	}
	return levelNames[l]
}

// ParseLevel parses "A2", "B1", "B2" or "C1" (case-insensitive). The pre-2008 levels (algtase,
// kesktase, kõrgtase) and C2 are refused: they are not examined (LNG-03).
func ParseLevel(s string) (Level, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	for _, l := range Levels {
		if t == levelNames[l] {
			return l, nil
		}
	}
	return 0, &FieldError{Pkg: pkg, Field: "Level", Value: s, Reason: "is not an exam level: one of A2, B1, B2, C1 (LNG-03)"}
}

// MarshalText implements encoding.TextMarshaler.
func (l Level) MarshalText() ([]byte, error) {
	if l == 0 {
		return []byte{}, nil
	}
	if !l.Valid() {
		return nil, &FieldError{Pkg: pkg, Field: "Level", Value: l.String(), Reason: "is not an exam level"}
	}
	return []byte(l.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; empty text is the zero Level.
func (l *Level) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*l = 0
		return nil
	}
	v, err := ParseLevel(string(b))
	if err == nil {
		*l = v
	}
	return err
}

// Skill is one of the four skills the exam tests, one exam part each (LNG-02).
type Skill uint8

// The skills, in the order of 004 § 3 (1).
const (
	Listening Skill = iota + 1 // kuulamine (kuuldu mõistmine)
	Reading                    // lugemine (loetu mõistmine)
	Writing                    // kirjutamine
	Speaking                   // rääkimine
)

// NumSkills is the number of skills, and of exam parts (LNG-02).
const NumSkills = 4

// Skills lists the four skills in order.
var Skills = [NumSkills]Skill{Listening, Reading, Writing, Speaking}

var skillNames = [...]struct{ et, en string }{
	Listening: {"kuulamine", "listening"},
	Reading:   {"lugemine", "reading"},
	Writing:   {"kirjutamine", "writing"},
	Speaking:  {"rääkimine", "speaking"},
}

// Valid reports whether s is one of the four skills.
func (s Skill) Valid() bool { return s >= Listening && s <= Speaking }

// String returns the skill in English, e.g. "listening".
func (s Skill) String() string { return s.Name(law.English) }

// Name returns the skill in lang: "kuulamine" or "listening".
func (s Skill) Name(lang law.Lang) string {
	if !s.Valid() {
		return fmt.Sprintf("skill(%d)", uint8(s))
	}
	return lang.Pick(skillNames[s].et, skillNames[s].en)
}

// SkillSet is a set of skills.
type SkillSet uint8

// SetOf returns the set of the given skills.
func SetOf(skills ...Skill) SkillSet {
	var s SkillSet
	for _, k := range skills {
		if k.Valid() {
			s |= 1 << (k - 1)
		}
	}
	return s
}

// Has reports whether k is in the set.
func (s SkillSet) Has(k Skill) bool { return k.Valid() && s&(1<<(k-1)) != 0 }

// List returns the skills in the set, in order.
func (s SkillSet) List() []Skill {
	var out []Skill
	for _, k := range Skills {
		if s.Has(k) {
			out = append(out, k)
		}
	}
	return out
}

// AllSkills is the set of the four skills.
const AllSkills SkillSet = 1<<NumSkills - 1

// Points holds a number of points (or maximum points) per skill, indexed by skill.
type Points [NumSkills]decimal.Decimal

// PointsOf returns the points for listening, reading, writing and speaking, in that order.
func PointsOf(listening, reading, writing, speaking decimal.Decimal) Points {
	return Points{listening, reading, writing, speaking}
}

// Of returns the points of skill k (zero for an invalid skill).
func (p *Points) Of(k Skill) decimal.Decimal {
	if !k.Valid() {
		return decimal.Decimal{}
	}
	return p[k-1]
}

// Set sets the points of skill k; an invalid skill is ignored.
func (p *Points) Set(k Skill, v decimal.Decimal) {
	if k.Valid() {
		p[k-1] = v
	}
}

// Sum returns the sum of the points of the skills in set.
func (p *Points) Sum(set SkillSet) decimal.Decimal {
	var t decimal.Decimal
	for i := range p {
		if set&(1<<i) != 0 {
			t = t.Add(p[i])
		}
	}
	return t
}

// Channel is how a person registers (LNG-05).
type Channel uint8

// The channels of 004 § 5 (1) and 003.
const (
	Online  Channel = iota + 1 // in the state portal eesti.ee (elektrooniline lahendus)
	Written                    // a written application (avaldus) to the exam centre, with documents
)

// String returns "online" or "written".
func (c Channel) String() string {
	switch c {
	case Online:
		return "online"
	case Written:
		return "written"
	}
	return fmt.Sprintf("channel(%d)", uint8(c))
}

// Status is where a registration stands.
type Status uint8

// The statuses. Only Registered is active (LNG-07): the others are outcomes.
const (
	Registered Status = iota + 1 // registered; the exam has no outcome yet
	Cancelled                    // the person cancelled the registration
	Absent                       // the person did not come to the exam
	Graded                       // the exam was marked (or the person removed, LNG-15)
)

var statusNames = [...]string{Registered: "registered", Cancelled: "cancelled", Absent: "absent", Graded: "graded"}

// String returns the status in English, e.g. "registered".
func (s Status) String() string {
	if s < Registered || s > Graded {
		return fmt.Sprintf("status(%d)", uint8(s))
	}
	return statusNames[s]
}

// Active reports whether the registration still holds the person's one place (LNG-07).
func (s Status) Active() bool { return s == Registered }

// Conduct is what happened at the exam or in its marking that decides the result regardless of the
// points (LNG-15, LNG-17).
type Conduct uint8

// The kinds of conduct.
const (
	Proper               Conduct = iota // nothing irregular (the zero value)
	OutsideHelp                         // used outside help during the exam: removed (LNG-15, 004 § 6 (7) 1))
	Disturbance                         // disturbed the exam or others: removed (LNG-15, 004 § 6 (7) 2))
	OutsideHelpInMarking                // outside help found during marking: the work scores 0 (LNG-17, 004 § 7 (3))
)

// String returns the conduct in English.
func (c Conduct) String() string {
	switch c {
	case Proper:
		return "proper"
	case OutsideHelp:
		return "outside help"
	case Disturbance:
		return "disturbance"
	case OutsideHelpInMarking:
		return "outside help found in marking"
	}
	return fmt.Sprintf("conduct(%d)", uint8(c))
}

// Removed reports whether the person was removed from the exam (LNG-15).
func (c Conduct) Removed() bool { return c == OutsideHelp || c == Disturbance }
