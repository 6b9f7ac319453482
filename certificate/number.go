package certificate

import (
	"strconv"
)

// Number is a certificate's number (registreerimisnumber) as the register or the school writes it:
// "204580", "E015992", "OT011089" (seed 000), "G123456" (SCH-03). Numbers are strings, compared
// exactly. The zero value means "not yet allocated".
type Number string

// String returns the number as written.
func (n Number) String() string { return string(n) }

// ParseNumber checks s as a number for a certificate of kind k.
//
// It implements SCH-03 (VV määrus nr 113 § 7 (2)): a basic-school leaving certificate's number is the
// series letter "P" and six digits, a gymnasium certificate's "G" and six digits. A register number
// (CERT-01) takes more than one form in the register (204580, E015992, OT011089): up to four capital
// Latin letters and then 1–10 digits; the other kinds follow the same general form, as the SDK has
// no statute fixing theirs.
func ParseNumber(k Kind, s string) (Number, error) {
	ferr := func(reason string) error { return &FieldError{Pkg: pkg, Field: "Number", Value: s, Reason: reason} }
	switch k {
	case BasicSchool, Gymnasium:
		want := byte('P')
		if k == Gymnasium {
			want = 'G'
		}
		if len(s) != 7 || s[0] != want || !allDigits(s[1:]) {
			return "", ferr("must be the series letter " + string(want) + " and six digits (SCH-03, " +
				reg113.At("7", "2", "").String() + ")")
		}
		return Number(s), nil
	case 0:
		return "", &FieldError{Pkg: pkg, Field: "Kind", Value: "", Reason: "is required to check a number"}
	}
	if !k.Valid() {
		return "", &FieldError{Pkg: pkg, Field: "Kind", Value: k.String(), Reason: "is not a certificate kind"}
	}
	i := 0
	for i < len(s) && i < 5 && 'A' <= s[i] && s[i] <= 'Z' {
		i++
	}
	if i > 4 {
		return "", ferr("may start with at most four capital letters")
	}
	if d := len(s) - i; d < 1 || d > 10 || !allDigits(s[i:]) {
		return "", ferr("must be up to four capital letters and then 1–10 digits")
	}
	return Number(s), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

// Series is a numbering series: the prefix and the width of the counter that follows it. The
// register's own series are the host's data; DefaultSeries gives the ones the documents show.
type Series struct {
	Prefix string // e.g. "", "OT", "P", "G"
	Width  int    // digits after the prefix, zero-padded, e.g. 6
	First  int64  // the first counter value handed out when the series is new (at least 1)
}

// Format returns the number with counter n in series s, e.g. Series{"G", 6, 1}.Format(42) = "G000042".
func (s Series) Format(n int64) Number {
	d := strconv.FormatInt(n, 10)
	b := make([]byte, 0, len(s.Prefix)+max(s.Width, len(d)))
	b = append(b, s.Prefix...)
	for i := len(d); i < s.Width; i++ {
		b = append(b, '0')
	}
	return Number(append(b, d...))
}

// Key returns the series' key in a store: its prefix and width, e.g. "OT/6".
func (s Series) Key() string { return s.Prefix + "/" + strconv.Itoa(s.Width) }

// Max returns the largest counter the series can hold (10^Width − 1).
func (s Series) Max() int64 {
	m := int64(1)
	for range s.Width {
		m *= 10
	}
	return m - 1
}

// Check reports a series that cannot produce valid numbers of kind k.
func (s Series) Check(k Kind) error {
	if s.Width < 1 || s.Width > 10 {
		return &FieldError{Pkg: pkg, Field: "Series.Width", Value: strconv.Itoa(s.Width), Reason: "must be 1–10"}
	}
	if s.First < 0 || s.First > s.Max() {
		return &FieldError{Pkg: pkg, Field: "Series.First", Value: strconv.FormatInt(s.First, 10), Reason: "must fit the series' width"}
	}
	_, err := ParseNumber(k, string(s.Format(max(s.First, 1))))
	return err
}

// DefaultSeries returns the series the SDK numbers a kind in when the host names none: the register's
// six-digit series for occupational certificates (204580), "OT" and six digits for partial ones
// (OT011089, its own series: Reg74 § 4 (2)), "P"/"G" and six digits for leaving certificates
// (SCH-03), and six-digit series with their own letters for the rest ("H" grade sheet, "R" state
// exam, "T" proficiency, "K" school qualification). Hosts that take over an existing register pass
// their series with First set past the last number used.
func DefaultSeries(k Kind) Series {
	if !k.Valid() {
		return Series{}
	}
	return Series{Prefix: seriesPrefix[k], Width: 6, First: 1}
}

var seriesPrefix = [...]string{
	Occupational: "", Partial: "OT", SchoolQualification: "K", BasicSchool: "P",
	Gymnasium: "G", GradeSheet: "H", StateExam: "R", Proficiency: "T",
}
