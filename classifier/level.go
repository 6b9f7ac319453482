package classifier

import (
	"strconv"
	"strings"
)

// The bounds of the qualifications frameworks: EKR and EQF both have eight levels.
const (
	MinLevel = 1 // the lowest level
	MaxLevel = 8 // the highest level
)

// Level is a level of the Estonian qualifications framework (Eesti kvalifikatsiooniraamistik, EKR;
// in English EstQF) or of the European Qualifications Framework (EQF), 1–8 (CERT-03).
//
// One type serves both frameworks: the EKR's level descriptors are those of the EQF, so EKR level n
// is EQF level n (research §3.1; the EKR was referenced to the EQF in 2011). A certificate still
// carries the two as separate fields, as the register does (ekrtase, eqftase); they are two values of
// this type, and a mismatch between them is for the certificate's own checks to report.
//
// A Level holds 1–8 or nothing: its field is unexported, and [LevelOf], [ParseLevel] and
// [Level.UnmarshalText] refuse every other number. The zero value means "unset" (see
// [Level.IsZero]). Levels are comparable with ==; order them by [Level.Int].
//
// Legal basis:
//   - EKR: Kutseseadus (Occupational Qualifications Act) 22.05.2008, RT I 2008, 24, 156, in force
//     01.09.2008, which set up the eight-level framework (the section is not cited here: not
//     verified);
//   - EQF: Recommendation of the European Parliament and of the Council of 23 April 2008 (2008/C
//     111/01), replaced by the Council Recommendation of 22 May 2017 (2017/C 189/03);
//   - register fields ekrtase and eqftase, type taseType 1…8: the kutseregister X-Road schema of
//     2018-05-09.
type Level struct {
	n uint8 // 0: unset; otherwise 1–8
}

// LevelOf returns level n (CERT-03), or a *[FieldError] wrapping [ErrRange] when n is not 1–8.
// Zero is refused too: an unset level is the zero [Level], not level 0.
func LevelOf(n int) (Level, error) {
	if n < MinLevel || n > MaxLevel {
		return Level{}, &FieldError{Field: "level", Input: strconv.Itoa(n), Reason: "must be 1–8", Err: ErrRange}
	}
	return Level{uint8(n)}, nil
}

// MustLevel is like [LevelOf] but panics when n is not 1–8. It is meant for literals in tests,
// examples and host tables, never for input.
func MustLevel(n int) Level {
	l, err := LevelOf(n)
	if err != nil {
		panic(err)
	}
	return l
}

// ParseLevel parses a level as it is written in the register, on certificates and in standards
// (CERT-03). It reads
//
//	[framework] [word] digit
//
// where framework is "EKR", "EstQF" (the EKR's English name) or "EQF", word is "tase" or "level",
// both optional and in any case, and digit is one of 1–8; the parts are separated by white space and
// white space around them is ignored. So "5", "tase 5", "level 5", "EKR 5", "EKR tase 5", "EQF 5" and
// "EstQF Level 5" all give level 5. The framework is not kept: EKR n is EQF n (see [Level]); it only
// names the field in an error.
//
// Not read: "5. tase", "05", "5.0", "V" (an old level: see [ParseOldLevel]), and a whole title
// ("Kokk, tase 4": see [ParseTitle]).
//
// The error is a *[FieldError] whose Field is "EKR level", "EQF level" or, with no framework given,
// "level"; it wraps [ErrRange] for a number outside 1–8 and [ErrSyntax] for anything else.
func ParseLevel(s string) (Level, error) {
	field := "level"
	words := strings.Fields(s)
	if len(words) == 0 {
		return Level{}, &FieldError{Field: field, Input: s, Reason: "is empty", Err: ErrSyntax}
	}
	num, prefix := words[len(words)-1], words[:len(words)-1]
	if len(prefix) > 0 {
		switch {
		case strings.EqualFold(prefix[0], "EKR"), strings.EqualFold(prefix[0], "EstQF"):
			field, prefix = "EKR level", prefix[1:]
		case strings.EqualFold(prefix[0], "EQF"):
			field, prefix = "EQF level", prefix[1:]
		}
	}
	if len(prefix) > 0 && (strings.EqualFold(prefix[0], "tase") || strings.EqualFold(prefix[0], "level")) {
		prefix = prefix[1:]
	}
	if len(prefix) > 0 {
		return Level{}, &FieldError{Field: field, Input: s,
			Reason: `must be a number 1–8, optionally after "EKR", "EQF" or "EstQF" and "tase" or "level"`, Err: ErrSyntax}
	}
	if !allDigits(num) {
		return Level{}, &FieldError{Field: field, Input: s, Reason: "must be a number 1–8", Err: ErrSyntax}
	}
	if len(num) > 1 && num[0] == '0' {
		return Level{}, &FieldError{Field: field, Input: s, Reason: "must be a number 1–8 without leading zeros", Err: ErrSyntax}
	}
	if len(num) != 1 || num[0] < '0'+MinLevel || num[0] > '0'+MaxLevel {
		return Level{}, &FieldError{Field: field, Input: s, Reason: "must be 1–8", Err: ErrRange}
	}
	return Level{num[0] - '0'}, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Int returns the level's number, 1–8, or 0 when l is unset.
func (l Level) Int() int { return int(l.n) }

// String returns the level's number, "1"–"8", or "" when l is unset; [ParseLevel] reads it back.
func (l Level) String() string {
	if l.n == 0 {
		return ""
	}
	return string('0' + rune(l.n))
}

// IsZero reports whether l is unset.
func (l Level) IsZero() bool { return l.n == 0 }

// MarshalText implements encoding.TextMarshaler: "1"–"8", or empty text when l is unset.
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler. It accepts what [ParseLevel] accepts, and empty
// text as an unset level (an absent ekrtase). On error l is left unchanged.
func (l *Level) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*l = Level{}
		return nil
	}
	v, err := ParseLevel(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}
