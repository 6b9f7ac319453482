package schooldoc

import (
	"strconv"

	"github.com/kutsekit/kutse/invalid"
)

// Grade is a grade of the five-point scale (viiepallisüsteem), 1 to 5. The zero value means
// "no grade".
type Grade uint8

// The grades of the five-point scale.
const (
	Weak         Grade = 1 // "nõrk"
	Poor         Grade = 2 // "puudulik"
	Satisfactory Grade = 3 // "rahuldav"
	Good         Grade = 4 // "hea"
	VeryGood     Grade = 5 // "väga hea"
)

// gradeWords is the scale of Põhikooli- ja gümnaasiumiseadus § 29 (5); seed 002 asks for grades "in
// digits and words" (§ 11 (4) 6), 10), 12), 13)) but does not list the words.
var gradeWords = [...]string{Weak: "nõrk", Poor: "puudulik", Satisfactory: "rahuldav", Good: "hea", VeryGood: "väga hea"}

// Valid reports whether g is a grade 1–5.
func (g Grade) Valid() bool { return g >= Weak && g <= VeryGood }

// Word returns the grade in words, "väga hea" for 5 … "nõrk" for 1, or "" for an invalid grade.
func (g Grade) Word() string {
	if !g.Valid() {
		return ""
	}
	return gradeWords[g]
}

// String returns the grade's digit, "5", or "" for an invalid grade.
func (g Grade) String() string {
	if !g.Valid() {
		return ""
	}
	return strconv.Itoa(int(g))
}

// ParseGradeWord returns the grade written as the word w ("väga hea", "hea", "rahuldav", "puudulik",
// "nõrk"), or a *invalid.FieldError.
func ParseGradeWord(w string) (Grade, error) {
	for g := Weak; g <= VeryGood; g++ {
		if gradeWords[g] == w {
			return g, nil
		}
	}
	return 0, &invalid.FieldError{Pkg: pkg, Field: "Word", Value: w, Reason: "is not a grade word of the five-point scale (SCH-08)"}
}

// Score is a grade as a grade sheet prints it: the digit and the word (SCH-08). Make one with
// ScoreOf; Validate refuses a word that does not match the digit.
type Score struct {
	Grade Grade  // the digit, 1–5
	Word  string // the word, e.g. "väga hea"
}

// ScoreOf returns g with its word.
func ScoreOf(g Grade) Score { return Score{Grade: g, Word: g.Word()} }

// IsZero reports whether s holds no grade and no word.
func (s Score) IsZero() bool { return s == Score{} }

// String returns the score as printed, "5 (väga hea)".
func (s Score) String() string { return s.Grade.String() + " (" + s.Word + ")" }

func (s Score) check(errs *invalid.Errors, field string) {
	switch {
	case !s.Grade.Valid():
		errs.Add(field+".Grade", strconv.Itoa(int(s.Grade)), "must be a grade 1–5 (SCH-08)")
	case s.Word != s.Grade.Word():
		errs.Add(field+".Word", s.Word, "must be "+strconv.Quote(s.Grade.Word())+", the word for grade "+s.Grade.String()+" (SCH-08)")
	}
}
