package stateexam

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
)

// reg113 is the Government regulation 13.08.2010 nr 113 on leaving certificates and state-exam
// certificates (seed 002), § 13–15 as in force 13.07.2014–30.04.2015.
var reg113 = vv113.Cite("", "", "")

// Content is one version of what the certificate shows subject by subject: § 14 (2) 3²), (3)–(6)
// of regulation nr 113, the wording in force from 02.05.2014 (RT I, 29.04.2014, 1). The SDK encodes
// that wording in [Certificate.Validate] and [Certificate.Text]; a version says over which days
// the encoding applies. It has no figures: a wording that differs needs a change of the SDK, and a
// host that has read a later text and found it the same adds a version for it.
type Content struct{}

// DefaultContent returns the versions of the certificate's content the SDK knows, as a fresh slice
// a host may extend: "02.05.2014", from 02.05.2014, when § 14 (2) 3²) and (3)–(6) took their wording
// (RT I, 29.04.2014, 1), to 30.04.2015, the end of the text of seed 002 (later ones are not in the
// sources). A certificate issued on another day is refused with an error wrapping law.ErrNoVersion.
func DefaultContent() law.Versions[Content] {
	return law.Versions[Content]{{
		Name:     "02.05.2014",
		Citation: reg113.At("14", "", ""),
		Period:   law.Period{From: calendar.MustDate(2014, 5, 2), Until: calendar.MustDate(2015, 4, 30)},
	}}
}

// Rules are the versions a certificate is checked under: its content (§ 14 (2) 3²), (3)–(6)) and
// the English level thresholds. A nil *Rules, or a nil field, means the defaults ([DefaultContent],
// [DefaultThresholds]).
type Rules struct {
	Content    law.Versions[Content]
	Thresholds law.Versions[Thresholds]
}

func (r *Rules) content() law.Versions[Content] {
	if r == nil || r.Content == nil {
		return DefaultContent()
	}
	return r.Content
}

func (r *Rules) thresholds() law.Versions[Thresholds] {
	if r == nil || r.Thresholds == nil {
		return DefaultThresholds()
	}
	return r.Thresholds
}

// ContentAt returns the version of the certificate's content in force on the issue date d (GEN-04),
// or an error wrapping law.ErrNoVersion.
func (r *Rules) ContentAt(d calendar.Date) (law.Version[Content], error) {
	v, err := r.content().At(d)
	if err != nil {
		return v, fmt.Errorf("stateexam: the content of § 14 (2) 3²), (3)–(6) on %s: %w (a host adds a version in Rules.Content)", d, err)
	}
	return v, nil
}

// SubjectKind is which state exam a subject is; it decides what the certificate shows (SCH-10).
type SubjectKind uint8

// The kinds of subject.
const (
	Estonian       SubjectKind = iota + 1 // eesti keel: maximum and result in points (§ 14 (3))
	EstonianSecond                        // eesti keel teise keelena: maximum and result in points
	English                               // inglise keel: skills' weights and percentages, the level (§ 14 (4))
	Mathematics                           // matemaatika: the exam's and the common part's maxima and results (§ 14 (5)–(6))
	Other                                 // another subject: maximum and result in points
)

var subjectNames = [...]struct{ code, et string }{
	Estonian:       {"estonian", "eesti keel"},
	EstonianSecond: {"estonian-second", "eesti keel teise keelena"},
	English:        {"english", "inglise keel"},
	Mathematics:    {"mathematics", "matemaatika"},
	Other:          {"other", ""},
}

// Valid reports whether k is one of the kinds.
func (k SubjectKind) Valid() bool { return k >= Estonian && k <= Other }

// String returns the kind's code, e.g. "mathematics".
func (k SubjectKind) String() string {
	if !k.Valid() {
		return fmt.Sprintf("subject(%d)", uint8(k))
	}
	return subjectNames[k].code
}

// MarshalText implements encoding.TextMarshaler.
func (k SubjectKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *SubjectKind) UnmarshalText(b []byte) error {
	for i := Estonian; i <= Other; i++ {
		if string(b) == subjectNames[i].code {
			*k = i
			return nil
		}
	}
	return &certificate.FieldError{Field: "Kind", Value: string(b), Reason: "is not a state-exam subject"}
}

// Variant is which mathematics exam was taken (SCH-10, § 14 (5)–(6)).
type Variant uint8

// The variants.
const (
	Narrow Variant = iota + 1 // kitsas matemaatika
	Broad                     // lai matemaatika
	// GermanAbitur is the mathematics exam of the German general higher-education entrance
	// qualification (Saksa üldine kõrgkooliküpsus) taken in the German section of Tallinna Saksa
	// Gümnaasium: it counts as broad mathematics and shows no common-part figures (§ 14 (6)).
	GermanAbitur
)

var variantNames = [...]struct{ code, et string }{
	Narrow:       {"narrow", "kitsas matemaatika"},
	Broad:        {"broad", "lai matemaatika"},
	GermanAbitur: {"german-abitur", "Saksa üldise kõrgkooliküpsuse matemaatika eksam, arvestatud laia matemaatikana"},
}

// Valid reports whether v is one of the variants.
func (v Variant) Valid() bool { return v >= Narrow && v <= GermanAbitur }

// String returns the variant's code, e.g. "broad".
func (v Variant) String() string {
	if !v.Valid() {
		return fmt.Sprintf("variant(%d)", uint8(v))
	}
	return variantNames[v].code
}

// MarshalText implements encoding.TextMarshaler; the zero Variant is empty.
func (v Variant) MarshalText() ([]byte, error) {
	if v == 0 {
		return []byte{}, nil
	}
	return []byte(v.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (v *Variant) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*v = 0
		return nil
	}
	for i := Narrow; i <= GermanAbitur; i++ {
		if string(b) == variantNames[i].code {
			*v = i
			return nil
		}
	}
	return &certificate.FieldError{Field: "Variant", Value: string(b), Reason: "is not a mathematics exam variant"}
}

// Broad reports whether the exam counts as broad mathematics.
func (v Variant) Broad() bool { return v == Broad || v == GermanAbitur }

// Skill is one skill of the English exam on the certificate: its weight in the exam and the
// holder's result, both in percent (§ 14 (4) 1)–2)).
type Skill struct {
	Name    string          // e.g. "kuulamine"
	Weight  decimal.Decimal // the skill's weight, percent of the exam
	Percent decimal.Decimal // the holder's result in the skill, percent
}

// Subject is one state exam on the certificate and its result (SCH-10, § 14 (2) 3)–(6)).
type Subject struct {
	Kind SubjectKind
	// Name is the subject as the certificate names it; empty for the kind's own name ("eesti
	// keel", "inglise keel", "matemaatika"). Required for Other.
	Name string
	// Date is the exam day; it picks the version of the English level thresholds.
	Date calendar.Date
	// Individual marks an exam paper drawn up for an individual curriculum: the certificate shows
	// "individuaalse õppekava alusel" after the subject (§ 14 (2) 3¹)).
	Individual bool
	// Max and Points are the exam's maximum and the holder's result in points (all kinds but
	// English).
	Max, Points decimal.Decimal
	// Skills, for English, are the skills' weights and the holder's percentages.
	Skills []Skill `json:",omitempty"`
	// Level, for English, is the level reached; zero to have it computed from the result.
	Level Level
	// Variant, for mathematics, is the exam taken.
	Variant Variant
	// CommonMax and CommonPoints, for narrow and broad mathematics, are the maximum and the
	// holder's result in the part common to both (not shown for GermanAbitur).
	CommonMax, CommonPoints decimal.Decimal
}

// Title returns the subject's name as the certificate shows it.
func (s *Subject) Title() string {
	if s.Name != "" {
		return s.Name
	}
	if s.Kind.Valid() {
		return subjectNames[s.Kind].et
	}
	return s.Kind.String()
}

// Bilingual is a text in Estonian and English.
type Bilingual struct {
	Et, En string
}

// Certificate is the content of a state-exam certificate (riigieksamitunnistus, SCH-10,
// VV määrus nr 113 § 14).
type Certificate struct {
	Number certificate.Number // its number; empty to have the register allocate one
	Holder certificate.Holder // name, and personal code or birth date (§ 14 (2) 1))
	// Subjects are the state exams and their results (§ 14 (2) 3)); the time of the exams (§ 14
	// (2) 2)) is their days.
	Subjects []Subject
	// Explanation says, in Estonian and English, which state exams were compulsory for graduating
	// from the gymnasium and which international exams could replace the foreign-language exam
	// when the certificate was issued (§ 14 (2) 3²)).
	Explanation Bilingual
	IssuedOn    calendar.Date // § 14 (2) 4)
	Issuer      string        // the issuing institution, by name
	IssuerCode  string        // its registry code
}

// Clone returns a deep copy of c.
func (c Certificate) Clone() Certificate {
	c.Subjects = slices.Clone(c.Subjects)
	for i := range c.Subjects {
		c.Subjects[i].Skills = slices.Clone(c.Subjects[i].Skills)
	}
	return c
}

// ExamTime returns the first and last exam day of the certificate's subjects (§ 14 (2) 2)).
func (c *Certificate) ExamTime() (first, last calendar.Date) {
	for _, s := range c.Subjects {
		if s.Date.IsZero() {
			continue
		}
		if first.IsZero() || s.Date.Before(first) {
			first = s.Date
		}
		if last.IsZero() || s.Date.After(last) {
			last = s.Date
		}
	}
	return first, last
}

var hundred = decimal.NewFromInt(100)

// Validate refuses a certificate that cannot be (SCH-10, § 14): it returns a
// *certificate.ValidationError (wrapping certificate.ErrInvalid) naming every field that is wrong,
// or nil. The content is checked under the version of § 14 (2) 3²), (3)–(6) in force on the issue
// date (rules.Content; nil: [DefaultContent]): a date no version covers is refused with an error
// wrapping law.ErrNoVersion (GEN-04). English levels are checked against the thresholds in force on
// each exam day (rules.Thresholds; nil: [DefaultThresholds]).
//
//   - the holder has a name and a personal code or a birth date; the number, where given, fits a
//     state-exam certificate; the issue date, the issuer and both languages of the explanation are
//     there; no exam is after the issue date;
//   - every subject has a kind, a day and, for Other, a name; no subject is listed twice;
//   - a result in points is from 0 to a maximum above 0;
//   - English: skill weights above 0 that sum to 100, percentages from 0 to 100, no points; the
//     level reached or the mark that neither was (§ 14 (4) 3): a zero Level is refused; Service.Issue
//     computes it first), and it follows from the result;
//   - mathematics: a variant; the common part's maximum above 0 and not above the exam's, its
//     result not above its maximum nor above the exam's result; none of them for the German
//     Abitur exam (§ 14 (6));
//   - fields of another kind (skills, a variant, common-part figures) are empty.
func (c *Certificate) Validate(rules *Rules) error {
	if c.IssuedOn.IsValid() {
		if _, err := rules.ContentAt(c.IssuedOn); err != nil {
			return err
		}
	}
	th := rules.thresholds()
	var fs []*certificate.FieldError
	add := func(field, value, reason string) {
		fs = append(fs, &certificate.FieldError{Field: field, Value: value, Reason: reason})
	}
	if strings.TrimSpace(c.Holder.Name) == "" {
		add("Holder.Name", "", "is required")
	}
	switch {
	case c.Holder.Code.IsZero() && c.Holder.BirthDate.IsZero():
		add("Holder.Code", "", "is required: a personal code, or a birth date for a person without one (SCH-10, § 14 (2) 1))")
	case !c.Holder.BirthDate.IsZero() && !c.Holder.BirthDate.IsValid():
		add("Holder.BirthDate", "", "is not a real date")
	case !c.Holder.Code.IsZero() && !c.Holder.BirthDate.IsZero() && c.Holder.BirthDate != c.Holder.Code.BirthDate():
		add("Holder.BirthDate", c.Holder.BirthDate.String(), "differs from the birth date in the personal code")
	}
	if c.Number != "" {
		if _, err := certificate.ParseNumber(certificate.StateExam, string(c.Number)); err != nil {
			add("Number", string(c.Number), "is not a state-exam certificate number")
		}
	}
	if !c.IssuedOn.IsValid() {
		add("IssuedOn", "", "is required: a real date (§ 14 (2) 4))")
	}
	if strings.TrimSpace(c.Issuer) == "" || strings.TrimSpace(c.IssuerCode) == "" {
		add("Issuer", "", "is required: the issuing institution's name and registry code")
	}
	if strings.TrimSpace(c.Explanation.Et) == "" || strings.TrimSpace(c.Explanation.En) == "" {
		add("Explanation", "", "is required in Estonian and in English (§ 14 (2) 3²))")
	}
	if len(c.Subjects) == 0 {
		add("Subjects", "", "must list at least one state exam")
	}
	seen := map[string]bool{}
	for i := range c.Subjects {
		s := &c.Subjects[i]
		p := "Subjects[" + strconv.Itoa(i) + "]."
		if !s.Kind.Valid() {
			add(p+"Kind", s.Kind.String(), "is not a state-exam subject")
			continue
		}
		if s.Kind == Other && strings.TrimSpace(s.Name) == "" {
			add(p+"Name", "", "is required for another subject")
		}
		if key := s.Kind.String() + "/" + strings.ToLower(s.Title()); seen[key] {
			add(p+"Kind", s.Title(), "is listed twice")
		} else {
			seen[key] = true
		}
		if !s.Date.IsValid() {
			add(p+"Date", "", "is required: the exam day")
		} else if c.IssuedOn.IsValid() && s.Date.After(c.IssuedOn) {
			add(p+"Date", s.Date.String(), "is after the issue date "+c.IssuedOn.String())
		}
		if s.Kind != English && (len(s.Skills) > 0 || s.Level != 0) {
			add(p+"Skills", "", "must be empty: skills and a level are shown for English only")
		}
		if s.Kind != Mathematics && (s.Variant != 0 || !s.CommonMax.IsZero() || !s.CommonPoints.IsZero()) {
			add(p+"Variant", s.Variant.String(), "must be empty: a variant and the common part are shown for mathematics only")
		}
		switch s.Kind {
		case English:
			if !s.Max.IsZero() || !s.Points.IsZero() {
				add(p+"Points", s.Points.String(), "must be empty: the English exam shows percentages (§ 14 (4))")
			}
			validateEnglish(s, p, add)
			if s.Level == 0 {
				add(p+"Level", "", "is required: the level reached, B1 or B2, or the mark that neither was (§ 14 (4) 3)); Service.Complete computes it from the result")
			} else if s.Level > B2 {
				add(p+"Level", s.Level.String(), "is not B1, B2 or none (§ 14 (4) 3))")
			}
			if s.Date.IsValid() && len(s.Skills) > 0 && s.Level != 0 {
				if want, _, err := EnglishLevel(th, s.Date, s.Skills); err == nil && want != s.Level {
					add(p+"Level", s.Level.String(), "does not follow from the result: it gives "+want.String())
				} else if err != nil && !errors.Is(err, certificate.ErrInvalid) {
					add(p+"Level", s.Level.String(), err.Error())
				}
			}
		default:
			validatePoints(s.Max, s.Points, p+"Points", add)
		}
		if s.Kind == Mathematics {
			switch {
			case !s.Variant.Valid():
				add(p+"Variant", s.Variant.String(), "is required: narrow, broad or the German Abitur exam")
			case s.Variant == GermanAbitur:
				if !s.CommonMax.IsZero() || !s.CommonPoints.IsZero() {
					add(p+"CommonMax", s.CommonMax.String(), "must be empty: the German Abitur exam shows no common-part figures (§ 14 (6))")
				}
			default:
				switch {
				case !s.CommonMax.IsPositive():
					add(p+"CommonMax", s.CommonMax.String(), "must be above 0 (§ 14 (5) 2))")
				case s.CommonMax.GreaterThan(s.Max):
					add(p+"CommonMax", s.CommonMax.String(), "is above the exam's maximum "+s.Max.String())
				case s.CommonPoints.IsNegative() || s.CommonPoints.GreaterThan(s.CommonMax):
					add(p+"CommonPoints", s.CommonPoints.String(), "must be from 0 to the common part's maximum "+s.CommonMax.String())
				case s.CommonPoints.GreaterThan(s.Points):
					add(p+"CommonPoints", s.CommonPoints.String(), "is above the result "+s.Points.String()+": the common part is part of the exam")
				}
			}
		}
	}
	if len(fs) == 0 {
		return nil
	}
	return &certificate.ValidationError{Fields: fs}
}

func validatePoints(max, points decimal.Decimal, field string, add func(field, value, reason string)) {
	switch {
	case !max.IsPositive():
		add(field, max.String(), "has no maximum above 0")
	case points.IsNegative() || points.GreaterThan(max):
		add(field, points.String(), "must be from 0 to the maximum "+max.String())
	}
}

func validateEnglish(s *Subject, p string, add func(field, value, reason string)) {
	if len(s.Skills) == 0 {
		add(p+"Skills", "", "must list the skills with their weights and the holder's percentages (§ 14 (4))")
		return
	}
	var sum decimal.Decimal
	names := map[string]bool{}
	for j, k := range s.Skills {
		q := p + "Skills[" + strconv.Itoa(j) + "]."
		if strings.TrimSpace(k.Name) == "" || names[k.Name] {
			add(q+"Name", k.Name, "is empty or listed twice")
		}
		names[k.Name] = true
		if !k.Weight.IsPositive() {
			add(q+"Weight", k.Weight.String(), "must be above 0")
		}
		if k.Percent.IsNegative() || k.Percent.GreaterThan(hundred) {
			add(q+"Percent", k.Percent.String(), "must be from 0 to 100")
		}
		sum = sum.Add(k.Weight)
	}
	if !sum.Equal(hundred) {
		add(p+"Skills", sum.String(), "weights must sum to 100")
	}
}
