package classifier

import (
	"strconv"
	"strings"

	"github.com/kutsekit/kutse/law"
)

// parseCode reads a one-digit code 1…max of one of the register's enumerations, white space around it
// ignored. The error is a *[FieldError] wrapping [ErrSyntax] or [ErrRange].
func parseCode(field, code string, max uint8, reason string) (uint8, error) {
	c := strings.TrimSpace(code)
	if !allDigits(c) {
		return 0, &FieldError{Field: field, Input: code, Reason: "must be a code: " + reason, Err: ErrSyntax}
	}
	if len(c) > 1 && c[0] == '0' {
		return 0, &FieldError{Field: field, Input: code, Reason: "must be a code without leading zeros: " + reason, Err: ErrSyntax}
	}
	if len(c) != 1 || c[0] < '1' || c[0] > '0'+max {
		return 0, &FieldError{Field: field, Input: code, Reason: "must be " + reason, Err: ErrRange}
	}
	return c[0] - '0', nil
}

// StandardType is the type of an occupational standard (kutsestandard) as the register's X-Road
// schema (2018-05-09) codes it in kutsestandardType/tyybid/tyyp: 1 kutsestandard (occupational
// standard), 2 osakutse standard (partial qualification standard), 3 esmase kutse standard (initial
// qualification standard). One standard may have several types. The zero value means "unset".
type StandardType uint8

// The standard types of the register, with their X-Road codes.
const (
	OccupationalStandard StandardType = 1 // kutsestandard
	PartialStandard      StandardType = 2 // osakutse standard
	InitialStandard      StandardType = 3 // esmase kutse standard
)

var standardTypeNames = [...]struct{ et, en string }{
	OccupationalStandard: {"Kutsestandard", "Occupational standard"},
	PartialStandard:      {"Osakutse standard", "Partial qualification standard"},
	InitialStandard:      {"Esmase kutse standard", "Initial qualification standard"},
}

// StandardTypes lists the valid standard types in code order.
func StandardTypes() []StandardType {
	return []StandardType{OccupationalStandard, PartialStandard, InitialStandard}
}

// ParseStandardType parses a standard type from its X-Road code "1", "2" or "3". The error is a
// *[FieldError] wrapping [ErrRange] for another number and [ErrSyntax] for anything else.
func ParseStandardType(code string) (StandardType, error) {
	n, err := parseCode("standard type", code, 3, "1 (kutsestandard), 2 (osakutse standard) or 3 (esmase kutse standard)")
	return StandardType(n), err
}

// IsValid reports whether t is one of the three standard types.
func (t StandardType) IsValid() bool { return t >= OccupationalStandard && t <= InitialStandard }

// Code returns the type's X-Road code, "1", "2" or "3", or "" when t is not valid.
func (t StandardType) Code() string {
	if !t.IsValid() {
		return ""
	}
	return strconv.Itoa(int(t))
}

// Name returns the type's name in lang (GEN-05): "Osakutse standard" or "Partial qualification
// standard", and so on; "" when t is not valid. The Estonian names are the schema's.
func (t StandardType) Name(lang law.Lang) string {
	if !t.IsValid() {
		return ""
	}
	return lang.Pick(standardTypeNames[t].et, standardTypeNames[t].en)
}

// String returns the type's Estonian name, or "StandardType(n)" when it is not valid.
func (t StandardType) String() string {
	if !t.IsValid() {
		return "StandardType(" + strconv.Itoa(int(t)) + ")"
	}
	return standardTypeNames[t].et
}

// CertificateType returns the certificate type a qualification awarded under a standard of type t is
// issued on: a kutsestandard gives a kutsetunnistus, an osakutse standard an osakutsetunnistus, an
// esmase kutse standard an esmane kutse (the schema codes both enumerations 1, 2, 3 in the same
// order). It returns 0 when t is not valid.
func (t StandardType) CertificateType() CertificateType {
	if !t.IsValid() {
		return 0
	}
	return CertificateType(t)
}

// MarshalText implements encoding.TextMarshaler: the X-Road code; an invalid value is an error.
func (t StandardType) MarshalText() ([]byte, error) {
	if !t.IsValid() {
		return nil, &FieldError{Field: "standard type", Input: strconv.Itoa(int(t)), Reason: "must be 1, 2 or 3", Err: ErrRange}
	}
	return []byte(t.Code()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: it accepts what [ParseStandardType] accepts. On
// error t is left unchanged.
func (t *StandardType) UnmarshalText(b []byte) error {
	v, err := ParseStandardType(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// CommitteeRole is a member's role in a qualification committee (kutsekomisjon), as the register's
// X-Road schema codes it in kutsekomisjonType/liikmed/liige/roll: 1 esimees (chair), 2 aseesimees
// (vice-chair), 3 liige (member). The zero value means "unset".
type CommitteeRole uint8

// The committee roles, with their X-Road codes.
const (
	Chair      CommitteeRole = 1 // kutsekomisjoni esimees
	ViceChair  CommitteeRole = 2 // kutsekomisjoni aseesimees
	MemberRole CommitteeRole = 3 // kutsekomisjoni liige
)

var committeeRoleNames = [...]struct{ et, en string }{
	Chair:      {"Kutsekomisjoni esimees", "Chair of the qualification committee"},
	ViceChair:  {"Kutsekomisjoni aseesimees", "Vice-chair of the qualification committee"},
	MemberRole: {"Kutsekomisjoni liige", "Member of the qualification committee"},
}

// ParseCommitteeRole parses a role from its X-Road code "1", "2" or "3". The error is a
// *[FieldError] wrapping [ErrRange] or [ErrSyntax].
func ParseCommitteeRole(code string) (CommitteeRole, error) {
	n, err := parseCode("committee role", code, 3, "1 (esimees), 2 (aseesimees) or 3 (liige)")
	return CommitteeRole(n), err
}

// IsValid reports whether r is one of the three roles.
func (r CommitteeRole) IsValid() bool { return r >= Chair && r <= MemberRole }

// Code returns the role's X-Road code, or "" when r is not valid.
func (r CommitteeRole) Code() string {
	if !r.IsValid() {
		return ""
	}
	return strconv.Itoa(int(r))
}

// Name returns the role's name in lang (GEN-05), "" when r is not valid. The Estonian names are the
// schema's.
func (r CommitteeRole) Name(lang law.Lang) string {
	if !r.IsValid() {
		return ""
	}
	return lang.Pick(committeeRoleNames[r].et, committeeRoleNames[r].en)
}

// String returns the role's Estonian name, or "CommitteeRole(n)" when it is not valid.
func (r CommitteeRole) String() string {
	if !r.IsValid() {
		return "CommitteeRole(" + strconv.Itoa(int(r)) + ")"
	}
	return committeeRoleNames[r].et
}

// MarshalText implements encoding.TextMarshaler: the X-Road code; an invalid value is an error.
func (r CommitteeRole) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, &FieldError{Field: "committee role", Input: strconv.Itoa(int(r)), Reason: "must be 1, 2 or 3", Err: ErrRange}
	}
	return []byte(r.Code()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: it accepts what [ParseCommitteeRole] accepts.
func (r *CommitteeRole) UnmarshalText(b []byte) error {
	v, err := ParseCommitteeRole(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// ISCO is an occupation of the International Standard Classification of Occupations (ISCO-08, in
// Estonia "Ametite klassifikaator"), as the register attaches it to standards and certificates
// (kutsetunnistusV2Type/isco): a code of one to four digits, one per level of the classification
// (major group "3", sub-major group "34", minor group "343", unit group "3434"), and its name.
type ISCO struct {
	Code string // 1–4 digits
	Name string // e.g. "Tehnikud ja keskastme spetsialistid"; may be empty
}

// ParseISCO reads one ISCO entry as the register writes it: the code, white space and the name, e.g.
// "3 Tehnikud ja keskastme spetsialistid: Loodus- ja inseneriteaduste keskastme spetsialistid", or
// the code alone. The error is a *[FieldError] wrapping [ErrSyntax] when the text does not start with
// one to four digits followed by white space or its end.
func ParseISCO(s string) (ISCO, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 || i > 4 || (i < len(t) && t[i] != ' ' && t[i] != '\t' && t[i] != '\n' && t[i] != '\r') {
		return ISCO{}, &FieldError{Field: "ISCO code", Input: s, Reason: "must start with a code of 1–4 digits, then a space and the name", Err: ErrSyntax}
	}
	return ISCO{Code: t[:i], Name: strings.TrimSpace(t[i:])}, nil
}

// ParseISCOList reads the register's list form, entries separated by ", " before a code:
// "3 Tehnikud …, 34 Õigus-, sotsiaal-, kultuuri- jms valdkonna keskastme spetsialistid" gives two
// entries; a comma not followed by a code stays in the name. Empty text gives none.
func ParseISCOList(s string) ([]ISCO, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return nil, nil
	}
	var out []ISCO
	start := 0
	for i := 0; i < len(t); i++ {
		if t[i] != ',' {
			continue
		}
		j := i + 1
		for j < len(t) && t[j] == ' ' {
			j++
		}
		k := j
		for k < len(t) && t[k] >= '0' && t[k] <= '9' {
			k++
		}
		if k > j && k-j <= 4 && (k == len(t) || t[k] == ' ') {
			e, err := ParseISCO(t[start:i])
			if err != nil {
				return nil, err
			}
			out = append(out, e)
			start = j
		}
	}
	e, err := ParseISCO(t[start:])
	if err != nil {
		return nil, err
	}
	return append(out, e), nil
}

// IsZero reports whether e is unset.
func (e ISCO) IsZero() bool { return e.Code == "" }

// Level returns the level of the classification the code is at: 1 major group … 4 unit group.
func (e ISCO) Level() int { return len(e.Code) }

// String writes the entry as the register does: "3 Tehnikud ja keskastme spetsialistid", or the code
// alone. [ParseISCO] reads it back.
func (e ISCO) String() string {
	if e.Name == "" {
		return e.Code
	}
	return e.Code + " " + e.Name
}
