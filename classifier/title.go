package classifier

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Title is a qualification's title read into its parts (CERT-01, CERT-03). A title is written one of
// two ways:
//
//   - current, with the EKR level: "<base>, tase <N>", e.g. "Sõiduautodiagnostik, tase 5"; some
//     standards add "esmane kutse" (initial qualification): "Bioanalüütik, tase 6 esmane kutse";
//   - old, with the level of the five-level system of 2001 as a Roman numeral:
//     "<base> <I–V>", e.g. "Kokk II", "Diplomeeritud ehitusinsener V".
//
// A parsed title has at most one of Level and Old; a title in neither form has only Base.
type Title struct {
	Base    string   // the name without the level, e.g. "Sõiduautodiagnostik"; trimmed
	Level   Level    // the EKR level of a current title; unset otherwise
	Old     OldLevel // the level of an old title; zero otherwise
	Initial bool     // the current title ends in "esmane kutse"
}

// ParseTitle reads a qualification's title into its parts (CERT-03). It never fails: a title in
// neither form below comes back whole, trimmed, as Base.
//
// Current form: the title ends in the word "tase" (any case) and one digit 1–8, optionally followed by
// "esmane kutse"; "tase" may follow a comma ("Kokk, tase 4", the register's form) or only a space
// ("Sisetööde elektrik tase 3", seen in awarding bodies' documents). The level is the EKR level (see
// [Level]).
//
// Old form: the last word is exactly "I", "II", "III", "IV" or "V" in capitals, separated by white
// space: "Elektrik IV" has level IV, while "Autotehnik", "Kokk VI", "Kokk ii" and "Kokk-II" have no old
// level. Old titles have no comma before the numeral; one that does keeps it in Base ("Kokk, II" gives
// "Kokk,"), so that the title is written back as it was. The level is an [OldLevel] (Kutseseadus 2001 § 3 (3), RT I 2001, 3, 7); it says nothing
// about the EKR level, for which see [OldLevelMap].
//
// In both forms the base must not be empty ("tase 4" and "V" are bases, not levels). Not read:
// English titles ("Cook, level 4", "Welder, EstQF Level 3") and notes such as "(kehtib kuni
// 19.02.2019)" after a standard's name.
//
// [Title.String] writes the title back; ParseTitle(t.String()) == t for every t it returns.
func ParseTitle(title string) Title {
	s := strings.TrimSpace(title)
	if t, ok := parseCurrent(s); ok {
		return t
	}
	if base, old, ok := parseOld(s); ok {
		return Title{Base: base, Old: old}
	}
	return Title{Base: s}
}

// OldLevelOf returns the base and the old level of an old title (CERT-03): "Diplomeeritud
// ehitusinsener V" gives ("Diplomeeritud ehitusinsener", OldLevelV, true), "Kokk II" gives ("Kokk",
// OldLevelII, true). For a title with no old level ("Kokk, tase 4", "Autotehnik") it returns ("", 0,
// false). See [ParseTitle] for the forms read.
func OldLevelOf(title string) (base string, level OldLevel, ok bool) {
	t := ParseTitle(title)
	if t.Old.IsZero() {
		return "", 0, false
	}
	return t.Base, t.Old, true
}

// String writes the title in the register's form: "Sõiduautodiagnostik, tase 5",
// "Bioanalüütik, tase 6 esmane kutse", "Kokk II", or Base alone. A Title with both Level and Old
// (which [ParseTitle] never returns) is written "<base> <old>, tase <N>".
func (t Title) String() string {
	s := t.Base
	if t.Old.IsValid() {
		s += " " + t.Old.String()
	}
	if !t.Level.IsZero() {
		s += ", tase " + t.Level.String()
		if t.Initial {
			s += " esmane kutse"
		}
	}
	return s
}

func parseCurrent(s string) (Title, bool) {
	rest, initial := s, false
	if r, w := cutLastWord(rest); strings.EqualFold(w, "kutse") {
		if r2, w2 := cutLastWord(r); strings.EqualFold(w2, "esmane") {
			rest, initial = r2, true
		}
	}
	rest, num := cutLastWord(rest)
	if len(num) != 1 || num[0] < '0'+MinLevel || num[0] > '0'+MaxLevel {
		return Title{}, false
	}
	rest, word := cutLastWord(rest)
	if !strings.EqualFold(word, "tase") {
		return Title{}, false
	}
	base := strings.TrimRightFunc(strings.TrimSuffix(rest, ","), unicode.IsSpace)
	if base == "" {
		return Title{}, false
	}
	return Title{Base: base, Level: Level{num[0] - '0'}, Initial: initial}, true
}

func parseOld(s string) (string, OldLevel, bool) {
	base, word := cutLastWord(s)
	old, ok := romanLevel(word)
	if !ok || base == "" {
		return "", 0, false
	}
	return base, old, true
}

// cutLastWord splits s, which has no white space at its end, before its last word; rest has no white
// space at its end either. With no white space in s, rest is "" and word is s.
func cutLastWord(s string) (rest, word string) {
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return "", s
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return strings.TrimRightFunc(s[:i], unicode.IsSpace), s[i+size:]
}
