package certificate

import (
	"fmt"
	"strings"

	"github.com/kutsekit/kutse/law"
)

// Kind is what sort of certificate a record is.
type Kind uint8

// The kinds of certificate the SDK knows. The zero value is not a kind: a record must say which it is.
const (
	// Occupational is an occupational qualification certificate (kutsetunnistus), Reg74.
	Occupational Kind = iota + 1
	// Partial is a partial-qualification certificate (osakutsetunnistus), with its own numbering
	// (Reg74 § 4 (2)).
	Partial
	// SchoolQualification is a qualification entered on a vocational school's leaving document
	// (koolilõpudokumendile kantud kutse; KRPM § 8 (2), LDK § 2 (4)).
	SchoolQualification
	// BasicSchool is a basic-school leaving certificate (põhikooli lõputunnistus), seed 002 § 2.
	BasicSchool
	// Gymnasium is a gymnasium leaving certificate (gümnaasiumi lõputunnistus), seed 002 § 2.
	Gymnasium
	// GradeSheet is a grade sheet (hinneteleht), seed 002 § 10–12.
	GradeSheet
	// StateExam is a state-exam certificate (riigieksamitunnistus), seed 002 § 13–16.
	StateExam
	// Proficiency is an Estonian language proficiency certificate (tasemeeksami tunnistus), 003/004.
	Proficiency
)

var kindNames = [...]struct{ code, et, en string }{
	Occupational:        {"occupational", "kutsetunnistus", "occupational qualification certificate"},
	Partial:             {"partial", "osakutsetunnistus", "partial qualification certificate"},
	SchoolQualification: {"school-qualification", "koolilõpudokumendile kantud kutse", "qualification on a school leaving document"},
	BasicSchool:         {"basic-school", "põhikooli lõputunnistus", "basic school leaving certificate"},
	Gymnasium:           {"gymnasium", "gümnaasiumi lõputunnistus", "upper secondary school leaving certificate"},
	GradeSheet:          {"grade-sheet", "hinneteleht", "grade sheet"},
	StateExam:           {"state-exam", "riigieksamitunnistus", "state examination certificate"},
	Proficiency:         {"proficiency", "eesti keele tasemeeksami tunnistus", "Estonian language proficiency certificate"},
}

// Kinds lists every kind, in order.
var Kinds = []Kind{Occupational, Partial, SchoolQualification, BasicSchool, Gymnasium, GradeSheet, StateExam, Proficiency}

// Valid reports whether k is one of the kinds above.
func (k Kind) Valid() bool { return k >= Occupational && k <= Proficiency }

// String returns the kind's code, e.g. "occupational", as used in JSON and by [ParseKind].
func (k Kind) String() string {
	if !k.Valid() {
		return fmt.Sprintf("kind(%d)", uint8(k))
	}
	return kindNames[k].code
}

// Name returns the kind's name in lang, e.g. "kutsetunnistus".
func (k Kind) Name(lang law.Lang) string {
	if !k.Valid() {
		return k.String()
	}
	return lang.Pick(kindNames[k].et, kindNames[k].en)
}

// ParseKind parses a kind's code ("occupational") or Estonian name ("kutsetunnistus").
func ParseKind(s string) (Kind, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for _, k := range Kinds {
		if t == kindNames[k].code || t == kindNames[k].et {
			return k, nil
		}
	}
	return 0, &FieldError{Pkg: pkg, Field: "Kind", Value: s, Reason: "is not a certificate kind"}
}

// MarshalText implements encoding.TextMarshaler. The zero Kind (unset) is "", so that a record not
// yet drawn up (a certificate assembled later, EXV-08) encodes; any other invalid kind is an error.
func (k Kind) MarshalText() ([]byte, error) {
	if k == 0 {
		return []byte{}, nil
	}
	if !k.Valid() {
		return nil, &FieldError{Pkg: pkg, Field: "Kind", Value: k.String(), Reason: "is not a certificate kind"}
	}
	return []byte(k.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; "" is the zero Kind.
func (k *Kind) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*k = 0
		return nil
	}
	v, err := ParseKind(string(b))
	if err == nil {
		*k = v
	}
	return err
}

// School reports whether k is a general-education school document (leaving certificates, grade
// sheets, state-exam certificates), which are valid for life (SCH-02).
func (k Kind) School() bool {
	return k == BasicSchool || k == Gymnasium || k == GradeSheet || k == StateExam
}

// Register reports whether k is recorded in the occupational qualifications register (kutseregister):
// occupational and partial certificates and qualifications on school documents.
func (k Kind) Register() bool { return k == Occupational || k == Partial || k == SchoolQualification }
