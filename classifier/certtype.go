package classifier

import (
	"strconv"
	"strings"

	"github.com/kutsekit/kutse/law"
)

// CertificateType is the kind of document a qualification is awarded on, as the kutseregister's
// X-Road schema (2018-05-09) codes it in tunnistuseTyypType: 1 kutsetunnistus, 2 osakutsetunnistus,
// 3 esmane kutse. The zero value means "unset"; only the three constants are valid, and the parsers
// never return another value.
type CertificateType uint8

// The certificate types of the register, with their X-Road codes.
const (
	// OccupationalCertificate is an occupational qualification certificate (kutsetunnistus), code 1.
	OccupationalCertificate CertificateType = 1
	// PartialCertificate is a partial occupational qualification certificate (osakutsetunnistus),
	// code 2; since 2016 printed "OSAKUTSETUNNISTUS" with a numbering of its own (regulation nr 74
	// § 4 (1)–(2) as amended by regulation nr 46 of 29.06.2016).
	PartialCertificate CertificateType = 2
	// InitialQualification is an initial occupational qualification (esmane kutse), code 3: in the
	// register's practice a qualification entered on a school-leaving document. The law's meaning of
	// the term is not confirmed (research/kutseseadus.md § 8).
	InitialQualification CertificateType = 3
)

// CertificateTypes lists the valid certificate types in code order.
func CertificateTypes() []CertificateType {
	return []CertificateType{OccupationalCertificate, PartialCertificate, InitialQualification}
}

var certificateTypeNames = [...]struct{ et, en string }{
	OccupationalCertificate: {"Kutsetunnistus", "Occupational qualification certificate"},
	PartialCertificate:      {"Osakutsetunnistus", "Partial occupational qualification certificate"},
	InitialQualification:    {"Esmane kutse", "Initial occupational qualification"},
}

// ParseCertificateType parses a certificate type from its X-Road code, "1", "2" or "3" (white space
// around it is ignored). The error is a *[FieldError] wrapping [ErrRange] for another number and
// [ErrSyntax] for anything else.
func ParseCertificateType(code string) (CertificateType, error) {
	c := strings.TrimSpace(code)
	if !allDigits(c) {
		return 0, &FieldError{Field: "certificate type", Input: code, Reason: "must be a code 1, 2 or 3", Err: ErrSyntax}
	}
	if len(c) > 1 && c[0] == '0' {
		return 0, &FieldError{Field: "certificate type", Input: code, Reason: "must be a code 1, 2 or 3 without leading zeros", Err: ErrSyntax}
	}
	if len(c) != 1 || c[0] < '1' || c[0] > '3' {
		return 0, &FieldError{Field: "certificate type", Input: code, Reason: "must be 1 (kutsetunnistus), 2 (osakutsetunnistus) or 3 (esmane kutse)", Err: ErrRange}
	}
	return CertificateType(c[0] - '0'), nil
}

// ParseCertificateTypeName parses a certificate type from its Estonian name in any case, as the
// register's older certificate record (kutsetunnistusV2Type) carries it in the free-text field tyyp:
// "kutsetunnistus", "osakutsetunnistus" or "esmane kutse" (white space around it is ignored, and
// between the two words of "esmane kutse" any white space is accepted). The error is a *[FieldError]
// wrapping [ErrSyntax].
func ParseCertificateTypeName(name string) (CertificateType, error) {
	n := strings.Join(strings.Fields(name), " ")
	for _, t := range CertificateTypes() {
		if strings.EqualFold(n, certificateTypeNames[t].et) {
			return t, nil
		}
	}
	return 0, &FieldError{Field: "certificate type", Input: name,
		Reason: `must be "kutsetunnistus", "osakutsetunnistus" or "esmane kutse"`, Err: ErrSyntax}
}

// IsValid reports whether t is one of the three certificate types.
func (t CertificateType) IsValid() bool {
	return t >= OccupationalCertificate && t <= InitialQualification
}

// IsZero reports whether t is unset.
func (t CertificateType) IsZero() bool { return t == 0 }

// Code returns the type's X-Road code, "1", "2" or "3", or "" when t is not valid.
func (t CertificateType) Code() string {
	if !t.IsValid() {
		return ""
	}
	return strconv.Itoa(int(t))
}

// Name returns the type's name in lang (GEN-05): "Kutsetunnistus" or "Occupational qualification
// certificate", and so on; "" when t is not valid. The Estonian names are the schema's; the English
// ones are the SDK's.
func (t CertificateType) Name(lang law.Lang) string {
	if !t.IsValid() {
		return ""
	}
	return lang.Pick(certificateTypeNames[t].et, certificateTypeNames[t].en)
}

// String returns the type's Estonian name, "" when t is unset, or "CertificateType(n)" when it is
// not valid.
func (t CertificateType) String() string {
	switch {
	case t.IsZero():
		return ""
	case !t.IsValid():
		return "CertificateType(" + strconv.Itoa(int(t)) + ")"
	}
	return certificateTypeNames[t].et
}

// MarshalText implements encoding.TextMarshaler: the X-Road code, or empty text when t is unset. A
// value that is not valid is an error.
func (t CertificateType) MarshalText() ([]byte, error) {
	if t.IsZero() {
		return []byte{}, nil
	}
	if !t.IsValid() {
		return nil, &FieldError{Field: "certificate type", Input: strconv.Itoa(int(t)), Reason: "must be 1, 2 or 3", Err: ErrRange}
	}
	return []byte(t.Code()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: it accepts what [ParseCertificateType]
// accepts, and empty text as an unset type. On error t is left unchanged.
func (t *CertificateType) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*t = 0
		return nil
	}
	v, err := ParseCertificateType(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}
