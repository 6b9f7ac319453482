package proficiency

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
)

// The acts the rules cite.
var (
	// reg73 is the minister's regulation 30.11.2007 nr 73 on the proficiency exams, in the version in
	// force 01.10.2010–30.06.2011 (seed 004).
	reg73 = law.Citation{Act: "Haridus- ja teadusministri määrus nr 73", RT: "RTL 2007, 94, 1563"}
	// reg24 is the minister's regulation 13.06.2011 nr 24 "Eesti keele tasemeeksamite ülesehitus ja
	// läbiviimise kord", in force from 01.07.2011 (research/domain-rules.md § 5.1). Only § 3 was
	// verified (§ 3 (4) naming Harno in the wording in force from 01.08.2020; the amending act's
	// Riigi Teataja reference was not found, so the act's own is cited); other provisions are cited
	// by the act alone.
	reg24 = law.Citation{Act: "Haridus- ja teadusministri määrus nr 24", RT: "RT I, 16.06.2011, 6"}
	// innove is the exam centre's page on registering (seed 003), which states the rules from
	// 01.07.2011 and the registration procedure.
	innove = law.Citation{Act: "SA Innove, „Eesti keele tasemeeksamid: registreerumine” (innove.ee)"}
	// kods is the Kodakondsuse seadus § 8 (2) 4), from which the 65+ applicant is exempt (003).
	kods = law.Citation{Act: "Kodakondsuse seadus", Section: "8", Subsection: "2", Point: "4"}
)

// Rules is the content of one version of the proficiency-exam rules: every number and choice the
// rule functions read. A host that needs a later version builds one (usually from [Default]'s last)
// and adds it with [Rulebook.With].
type Rules struct {
	// Organiser is the institution that organises the exams (LNG-01), by name.
	Organiser string
	// Levels are the levels examined (LNG-03).
	Levels []Level
	// WorkRelatedOral are the levels whose oral part includes work-related topics (LNG-04).
	WorkRelatedOral []Level
	// CloseMonthsBefore: registration closes on the 1st day of the month this many months before
	// the exam's month (LNG-09: 1). It must be at least 1.
	CloseMonthsBefore int
	// NoticeDays: the notice of time and place reaches the person at least this many days before
	// the exam (LNG-10: 30).
	NoticeDays int
	// ExamsPerQuarter: each level is examined at least this many times a quarter (LNG-11: 1).
	ExamsPerQuarter int
	// GroupMax is the largest exam group (LNG-12: 22).
	GroupMax int
	// PassPercent: the exam is passed with at least this percentage of the maximum and no skill at
	// 0 points (LNG-16: 60).
	PassPercent decimal.Decimal
	// ResultDays: the result is made known within this many days of the exam (LNG-18: 30).
	ResultDays int
	// KeepYears: exam works are kept this many years (LNG-19: 5).
	KeepYears int
	// ConsultationHours: the free group consultations a registered person may attend, in academic
	// hours (LNG-20: 6).
	ConsultationHours int
	// Retake is the wait before a retake (LNG-08).
	Retake Retake
	// Senior is the arrangement for citizenship applicants aged 65 or more (LNG-21); nil where the
	// version has none.
	Senior *Senior
	// Cite maps a rule ID to the provision of this version that states it; a rule not in the map
	// cites the version's act.
	Cite map[string]law.Citation
}

// Retake is the wait before a person may sit the exam again (LNG-08).
type Retake struct {
	// Months is the length of the wait, counted from the exam day (TsÜS § 136 (3)).
	Months int
	// GoodReasonExempts: only an absence without good reason starts the wait (003); false: every
	// absence does (004).
	GoodReasonExempts bool
	// FailBelow: a result below this percentage of the maximum starts the wait (003: 35); zero:
	// every result that did not pass does (004).
	FailBelow decimal.Decimal
	// CancelDays: a registration cancelled at least this many days before the exam starts no wait
	// (003: 7). A later cancellation counts as an absence.
	CancelDays int
	// ExplanationDays: a person absent for a good reason files an explanation with evidence within
	// this many days of the exam (003: 30); 0 where the version has no such explanation.
	ExplanationDays int
}

// Senior is the arrangement for an applicant for Estonian citizenship aged MinAge or more (LNG-21).
type Senior struct {
	MinAge int   // 65
	Level  Level // the level the person registers for: B1
	Exempt Skill // the part the person is exempt from: writing
}

// cite returns the provision of rule in version v.
func cite(v *law.Version[Rules], rule string) law.Citation {
	if c, ok := v.Rule.Cite[rule]; ok {
		return c
	}
	return v.Citation
}

// Rulebook is the history of the proficiency-exam rules (GEN-04): each version with its in-force
// period and citation. The rule functions are its methods; each picks the version in force on the
// date that matters, says which in its explanation, and returns an error wrapping law.ErrNoVersion
// for a date no version covers. [Default] returns the versions the SDK knows.
type Rulebook law.Versions[Rules]

// Default returns the three versions the sources give, as a fresh slice a host may extend:
//
//   - "01.10.2010": regulation nr 73 of 30.11.2007 as in force 01.10.2010–30.06.2011 (seed 004);
//   - "01.07.2011": the rules from 01.07.2011 (regulation nr 24 of 13.06.2011; the exam centre's
//     page, seed 003), organised by SA Innove, until 31.07.2020;
//   - "01.08.2020": the same rules, organised by Haridus- ja Noorteamet (Harno) from 01.08.2020
//     (regulation nr 24 § 3 (4) in the wording in force from 01.08.2020, research/domain-rules.md
//     § 5.1 and § 5.7: Harno took over SA Innove's and the Archimedes foundation's tasks on
//     1 August 2020), with no end. That the amendment of 13.07.2020 changed nothing else the SDK
//     encodes, and what the amendment in force from 06.11.2023 changed, are UNCONFIRMED: a host
//     that knows adds a version with [Rulebook.With].
//
// A date before 01.10.2010 has no version: decisions about it are refused, never guessed.
func Default() Rulebook {
	return Rulebook{
		{
			Name:     "01.10.2010",
			Citation: reg73,
			Period:   law.Period{From: calendar.MustDate(2010, 10, 1), Until: calendar.MustDate(2011, 6, 30)},
			Rule: Rules{
				Organiser:         "Riiklik Eksami- ja Kvalifikatsioonikeskus (REKK)",
				Levels:            []Level{A2, B1, B2, C1},
				WorkRelatedOral:   []Level{B2, C1},
				CloseMonthsBefore: 1,
				NoticeDays:        30,
				ExamsPerQuarter:   1,
				GroupMax:          22,
				PassPercent:       decimal.NewFromInt(60),
				ResultDays:        30,
				KeepYears:         5,
				ConsultationHours: 6,
				Retake:            Retake{Months: 3, CancelDays: 1},
				Cite: map[string]law.Citation{
					"LNG-01": reg73.At("2", "", ""),
					"LNG-02": reg73.At("3", "1", ""),
					"LNG-03": reg73.At("3", "2", ""),
					"LNG-04": reg73.At("3", "3", ""),
					"LNG-05": reg73.At("5", "2", ""),
					"LNG-06": reg73.At("8", "1", ""),
					"LNG-07": reg73.At("5", "4", ""),
					"LNG-08": reg73.At("5", "4", ""),
					"LNG-09": innove,
					"LNG-10": reg73.At("5", "5", ""),
					"LNG-11": reg73.At("6", "1", ""),
					"LNG-12": reg73.At("6", "3", ""),
					"LNG-13": reg73.At("6", "4", ""),
					"LNG-14": reg73.At("6", "5", ""),
					"LNG-15": reg73.At("6", "7", ""),
					"LNG-16": reg73.At("7", "2", ""),
					"LNG-17": reg73.At("7", "3", ""),
					"LNG-18": reg73.At("7", "6", ""),
					"LNG-19": reg73.At("7", "7", ""),
					"LNG-20": reg73.At("9", "1", ""),
				},
			},
		},
		{
			Name:     "01.07.2011",
			Citation: reg24,
			Period:   law.Period{From: calendar.MustDate(2011, 7, 1), Until: calendar.MustDate(2020, 7, 31)},
			Rule:     rules2011("Sihtasutus Innove", innove),
		},
		{
			Name:     "01.08.2020",
			Citation: reg24,
			Period:   law.Period{From: calendar.MustDate(2020, 8, 1)},
			Rule:     rules2011("Haridus- ja Noorteamet (Harno)", reg24.At("3", "4", "")),
		},
	}
}

// rules2011 returns the rules from 01.07.2011 (regulation nr 24; the exam centre's page, seed 003)
// with the organiser named by organiser and cited by who (LNG-01), as a fresh value.
func rules2011(organiser string, who law.Citation) Rules {
	return Rules{
		Organiser:         organiser,
		Levels:            []Level{A2, B1, B2, C1},
		WorkRelatedOral:   []Level{B2, C1},
		CloseMonthsBefore: 1,
		NoticeDays:        30,
		ExamsPerQuarter:   1,
		GroupMax:          22,
		PassPercent:       decimal.NewFromInt(60),
		ResultDays:        30,
		KeepYears:         5,
		ConsultationHours: 6,
		Retake: Retake{Months: 6, GoodReasonExempts: true, FailBelow: decimal.NewFromInt(35),
			CancelDays: 7, ExplanationDays: 30},
		Senior: &Senior{MinAge: 65, Level: B1, Exempt: Writing},
		Cite: map[string]law.Citation{
			"LNG-01": who,
			"LNG-02": reg24.At("3", "1", ""),
			"LNG-03": reg24.At("3", "2", ""),
			"LNG-04": reg24.At("3", "3", ""),
			"LNG-05": innove,
			"LNG-07": innove,
			"LNG-08": innove,
			"LNG-09": innove,
			"LNG-10": innove,
			"LNG-18": innove,
			"LNG-21": kods,
		},
	}
}

// At returns the version in force on d (GEN-04), or an error wrapping law.ErrNoVersion.
func (rb Rulebook) At(d calendar.Date) (law.Version[Rules], error) {
	return law.Versions[Rules](rb).At(d)
}

// Check reports versions whose periods overlap, or a version whose rules cannot be applied.
func (rb Rulebook) Check() error {
	if err := law.Versions[Rules](rb).Check(); err != nil {
		return err
	}
	for _, v := range rb {
		if err := v.Rule.check(); err != nil {
			return fmt.Errorf("proficiency: version %q: %w", v.Name, err)
		}
	}
	return nil
}

func (r *Rules) check() error {
	var fs fields
	if len(r.Levels) == 0 {
		fs.add("Levels", "", "must list at least one level (LNG-03)")
	}
	for _, l := range slices.Concat(r.Levels, r.WorkRelatedOral) {
		if !l.Valid() {
			fs.add("Levels", l.String(), "is not an exam level")
		}
	}
	for _, x := range []struct {
		f string
		n int
	}{{"CloseMonthsBefore", r.CloseMonthsBefore}, {"NoticeDays", r.NoticeDays}, {"ExamsPerQuarter", r.ExamsPerQuarter},
		{"GroupMax", r.GroupMax}, {"ResultDays", r.ResultDays}, {"KeepYears", r.KeepYears}, {"Retake.Months", r.Retake.Months},
		{"Retake.CancelDays", r.Retake.CancelDays}} {
		if x.n < 1 {
			fs.add(x.f, fmt.Sprint(x.n), "must be at least 1")
		}
	}
	if !r.PassPercent.IsPositive() || r.PassPercent.GreaterThan(hundred) {
		fs.add("PassPercent", r.PassPercent.String(), "must be more than 0 and at most 100")
	}
	if r.Retake.FailBelow.IsNegative() || r.Retake.FailBelow.GreaterThan(r.PassPercent) {
		fs.add("Retake.FailBelow", r.Retake.FailBelow.String(), "must be from 0 to the pass percentage")
	}
	if r.Senior != nil && (!r.Senior.Level.Valid() || !r.Senior.Exempt.Valid() || r.Senior.MinAge < 1) {
		fs.add("Senior", "", "needs a level, the exempt skill and the minimum age")
	}
	return fs.err()
}

// With returns a copy of rb with v added: the version in force with no end is closed on the day
// before v starts. This is how a host adds a later version without changing the SDK. It returns an
// error when v overlaps a closed version or its rules cannot be applied.
func (rb Rulebook) With(v law.Version[Rules]) (Rulebook, error) {
	out := slices.Clone(rb)
	if !v.Period.From.IsZero() {
		for i := range out {
			if out[i].Period.Until.IsZero() && out[i].Period.From.Before(v.Period.From) {
				out[i].Period.Until = v.Period.From.AddDays(-1)
			}
		}
	}
	out = append(out, v)
	if err := out.Check(); err != nil {
		return nil, err
	}
	return out, nil
}

var hundred = decimal.NewFromInt(100)

// version returns the version in force on d and the explanation step saying so.
func (rb Rulebook) version(d calendar.Date) (*law.Version[Rules], law.Step, error) {
	if !d.IsValid() {
		return nil, law.Step{}, &FieldError{Pkg: pkg, Field: "date", Value: d.String(), Reason: "is not a real date"}
	}
	v, err := rb.At(d)
	if err != nil {
		return nil, law.Step{}, fmt.Errorf("proficiency: %w", err)
	}
	return &v, v.Step("GEN-04", d), nil
}
