package classifier

import (
	"errors"
	"slices"
	"strconv"
	"strings"
)

// OldLevel is a level of the five-level system of the Occupational Qualifications Act of 2001, I
// (lowest) to V (highest), written after the title on older certificates: "Kokk II",
// "Diplomeeritud ehitusinsener V" (CERT-03).
//
// Legal basis: Kutseseadus 19.12.2000, RT I 2001, 3, 7, § 3 (3): "Kutsekvalifikatsioon jaguneb
// viieks tasemeks, kusjuures I tase on madalaim ja V tase kõrgeim". The act was replaced by the
// Kutseseadus of 2008 (RT I 2008, 24, 156), which set up the eight EKR levels.
//
// An old level is not an EKR level, and no rule turns one into the other: see [OldLevelMap]. The
// zero value means "unset"; only the five constants are valid, and the parsers never return another
// value.
type OldLevel uint8

// The five old levels.
const (
	OldLevelI   OldLevel = 1 // I, the lowest
	OldLevelII  OldLevel = 2 // II
	OldLevelIII OldLevel = 3 // III
	OldLevelIV  OldLevel = 4 // IV
	OldLevelV   OldLevel = 5 // V, the highest
)

var romans = [...]string{"", "I", "II", "III", "IV", "V"}

// ParseOldLevel parses an old level written as a Roman numeral in capitals, "I", "II", "III", "IV"
// or "V", as titles carry it (CERT-03; Kutseseadus 2001 § 3 (3)). White space around it is ignored.
// The error is a *[FieldError] wrapping [ErrSyntax].
func ParseOldLevel(s string) (OldLevel, error) {
	if o, ok := romanLevel(strings.TrimSpace(s)); ok {
		return o, nil
	}
	return 0, &FieldError{Field: "old level", Input: s, Reason: "must be I, II, III, IV or V", Err: ErrSyntax}
}

func romanLevel(s string) (OldLevel, bool) {
	for i := 1; i < len(romans); i++ {
		if s == romans[i] {
			return OldLevel(i), true
		}
	}
	return 0, false
}

// IsValid reports whether o is one of the five old levels.
func (o OldLevel) IsValid() bool { return o >= OldLevelI && o <= OldLevelV }

// IsZero reports whether o is unset.
func (o OldLevel) IsZero() bool { return o == 0 }

// Int returns the level's number, 1–5, or 0 when o is not valid.
func (o OldLevel) Int() int {
	if !o.IsValid() {
		return 0
	}
	return int(o)
}

// String returns the level as a Roman numeral, "I"–"V"; "" when o is unset, or "OldLevel(n)" when it
// is not valid.
func (o OldLevel) String() string {
	switch {
	case o.IsZero():
		return ""
	case !o.IsValid():
		return "OldLevel(" + strconv.Itoa(int(o)) + ")"
	}
	return romans[o]
}

// OldTitle identifies a qualification of the old five-level system: its name without the level and
// the level, e.g. {"Autotehnik", OldLevelII} for "Autotehnik II".
type OldTitle struct {
	Base  string   // the name without the level, as [ParseTitle] gives it, e.g. "Autotehnik"
	Level OldLevel // the old level
}

// String returns the title as it is written, "Autotehnik II".
func (t OldTitle) String() string {
	if t.Level.IsZero() {
		return t.Base
	}
	return t.Base + " " + t.Level.String()
}

// OldLevelMap is a host's table of the EKR levels given to qualifications of the old five-level
// system (CERT-03). The SDK ships no such table and no formula.
//
// Why: the move from five levels to eight was made profession by profession. For an old standard
// that was not reworked, the new level was confirmed by a directive of a Kutsekoda board member, on
// the proposal of the field's experts and with the approval of the council of the sectoral councils'
// chairs, and added to the register; certificates were not exchanged, and the register issues a
// statement (õiend) of the new level on request. The results are not a formula: I→3, II→4, III→5 is
// common in trades, but engineers' IV and V both became 7 (Kutsekoda, "Ligi 16 000 tähtajatut
// kutsetunnistust on saanud Eesti kvalifikatsiooniraamistiku (EKR) taseme",
// https://www.kutsekoda.ee/ligi-16-000-tahtajatut-kutsetunnistust-on-saanud-eesti-kvalifikatsiooniraamistiku-ekr-taseme/;
// research §3.3). The transitional provision of the 2008 Kutseseadus on old levels was not found.
//
// A host fills the table from the register (or Kutsekoda's list) and looks titles up with
// [OldLevelMap.Lookup]; a title it has no entry for is an error, never a guess. Keys are matched
// exactly: Base as [ParseTitle] returns it (trimmed, case kept).
type OldLevelMap map[OldTitle]Level

// Lookup returns the EKR level recorded in m for the old title base with level old (CERT-03). When
// m has no entry for it, or the entry's level is unset, it returns a *[NoMappingError] wrapping
// [ErrNoMapping].
func (m OldLevelMap) Lookup(base string, old OldLevel) (Level, error) {
	key := OldTitle{Base: base, Level: old}
	if l := m[key]; !l.IsZero() {
		return l, nil
	}
	return Level{}, &NoMappingError{Title: key}
}

// LookupTitle parses title with [ParseTitle] and looks its old level up with [OldLevelMap.Lookup].
// A title with no old level ("Kokk, tase 4", "Autotehnik") is a *[FieldError] wrapping [ErrSyntax].
func (m OldLevelMap) LookupTitle(title string) (Level, error) {
	base, old, ok := OldLevelOf(title)
	if !ok {
		return Level{}, &FieldError{Field: "old level", Input: title, Reason: "the title carries no old level I–V", Err: ErrSyntax}
	}
	return m.Lookup(base, old)
}

// Check returns an error for every entry of m that can never be found or gives nothing: an empty
// base, a base [ParseTitle] would not give back (white space around it), an old level that is not
// valid, or an unset EKR level. The errors, each a *[FieldError] wrapping [ErrSyntax] or [ErrRange]
// (and so invalid.ErrInvalid), are joined in the order of the titles.
func (m OldLevelMap) Check() error {
	keys := make([]OldTitle, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b OldTitle) int {
		if c := strings.Compare(a.Base, b.Base); c != 0 {
			return c
		}
		return int(a.Level) - int(b.Level)
	})
	var errs []error
	for _, k := range keys {
		switch {
		case strings.TrimSpace(k.Base) == "":
			errs = append(errs, &FieldError{Field: "old level map entry", Input: k.String(), Reason: "has no base title", Err: ErrSyntax})
		case strings.TrimSpace(k.Base) != k.Base:
			errs = append(errs, &FieldError{Field: "old level map entry", Input: k.String(), Reason: "has white space around its base title", Err: ErrSyntax})
		case !k.Level.IsValid():
			errs = append(errs, &FieldError{Field: "old level map entry", Input: k.String(), Reason: "has no valid old level I–V", Err: ErrRange})
		case m[k].IsZero():
			errs = append(errs, &FieldError{Field: "old level map entry", Input: k.String(), Reason: "has no EKR level", Err: ErrRange})
		}
	}
	return errors.Join(errs...)
}
