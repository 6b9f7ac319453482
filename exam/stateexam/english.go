package stateexam

import (
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/law"
)

// Level is the language level the English exam's result reaches (SCH-10, § 14 (4) 3)). The zero
// value means not given.
type Level uint8

// The levels a certificate shows.
const (
	NotReached Level = iota + 1 // neither B1 nor B2
	B1
	B2
)

var levelCodes = [...]string{NotReached: "none", B1: "B1", B2: "B2"}

// String returns "B1", "B2" or "none".
func (l Level) String() string {
	if l < NotReached || l > B2 {
		return "level(" + strconv.Itoa(int(l)) + ")"
	}
	return levelCodes[l]
}

// MarshalText implements encoding.TextMarshaler; the zero Level is empty.
func (l Level) MarshalText() ([]byte, error) {
	if l == 0 {
		return []byte{}, nil
	}
	return []byte(l.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (l *Level) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*l = 0
		return nil
	}
	for i := NotReached; i <= B2; i++ {
		if string(b) == levelCodes[i] {
			*l = i
			return nil
		}
	}
	return &certificate.FieldError{Field: "Level", Value: string(b), Reason: "is not B1, B2 or none"}
}

// The descriptions of the levels, word for word as VV määrus nr 113 § 14 (4) 4) prescribes them.
const (
	DescriptionB1 = "B1-tasemel keeleteadaja mõistab kõike olulist endale tuttavalt teemal, nagu töö, kool ja vaba aeg. Saab enamasti hakkama välisriigis, kus vastavat keelt räägitakse. Oskab koostada lihtsat teksti tuttavalt või enda jaoks huvipakkuvalt teemal. Oskab kirjeldada kogemusi, sündmusi, unistusi ja eesmärke ning lühidalt põhjendada ja selgitada oma seisukohti ja plaane."
	DescriptionB2 = "B2-tasemel keeleteadaja mõistab keerukate abstraktsel või konkreetsetel teemal tekstide ning erialase mõttevahetuse tuuma. Suudab spontaanselt ja ladusalt vestelda sama keele emakeelse kõnelejaga. Oskab paljudel teemadel luua selget, üksikasjalikku teksti ning selgitada oma vaatenurka, kaaluda kõnealuste seisukohtade tugevaid ja nõrku külgi."
	// DescriptionNone is the mark that neither level was reached (§ 14 (4) 3)); the regulation
	// prescribes the mark but not its words.
	DescriptionNone = "Keeleoskustaset B1 ega B2 ei saavutatud."
)

// Description returns the text the certificate shows for the level: the fixed B1 or B2 description
// of § 14 (4) 4), or the mark that neither was reached.
func (l Level) Description() string {
	switch l {
	case B1:
		return DescriptionB1
	case B2:
		return DescriptionB2
	case NotReached:
		return DescriptionNone
	}
	return ""
}

// Thresholds are the English exam's results, in percent of the maximum, from which levels B1 and
// B2 are reached.
type Thresholds struct {
	B1, B2 decimal.Decimal
	// NoZeroSkill: no level is reached when a skill's result is 0 %.
	NoZeroSkill bool
}

// thresholdsSource is where the default thresholds come from: not an act. The act that sets them was
// not found; the figures are those reported for the 2017 and 2018 exams (research/domain-rules.md
// § 5.8: Õhtuleht, Delfi).
var thresholdsSource = law.Citation{Act: "UNCONFIRMED: Õhtuleht, Delfi 2017–2018"}

// DefaultThresholds returns the thresholds the SDK knows, as versions a host may replace or extend
// (GEN-04): 50–74 % B1, 75–100 % B2, provided no skill scores 0, from 02.05.2014, when § 14 (4)
// took effect (RT I, 29.04.2014, 1) and the certificate began to show a level. § 14 (4) 3) requires
// the level but sets no figure, and the act that sets them was not found: the figures are those press
// reports gave for the 2017 and 2018 exams (research/domain-rules.md § 5.8), so the version cites
// them, marked UNCONFIRMED, and applying them from 02.05.2014 is the SDK's assumption. They are the
// host's data: a host with the act replaces or extends the versions.
func DefaultThresholds() law.Versions[Thresholds] {
	return law.Versions[Thresholds]{{
		Name:     "02.05.2014",
		Citation: thresholdsSource,
		Period:   law.Period{From: calendar.MustDate(2014, 5, 2)},
		Rule:     Thresholds{B1: decimal.NewFromInt(50), B2: decimal.NewFromInt(75), NoZeroSkill: true},
	}}
}

// EnglishResult returns the English exam's result in percent: the skills' percentages weighted by
// their weights (Σ weight × percent / 100), exactly.
func EnglishResult(skills []Skill) decimal.Decimal {
	var sum decimal.Decimal
	for _, k := range skills {
		sum = sum.Add(k.Weight.Mul(k.Percent))
	}
	return sum.Div(hundred)
}

// EnglishLevel returns the level the English exam's result reaches (SCH-10, § 14 (4) 3)) under the
// thresholds in force on the exam day, with the explanation: B2 from the B2 threshold, B1 from the
// B1 threshold, otherwise (or when a skill is at 0 %) neither. The result and the thresholds cite the
// thresholds' version (the host's data, see [DefaultThresholds]); the level shown cites § 14 (4) 3). It returns an error for skills that
// are not a valid English result (weights not summing to 100, a percentage outside 0–100) and a
// day no version of the thresholds covers.
func EnglishLevel(th law.Versions[Thresholds], exam calendar.Date, skills []Skill) (Level, law.Explanation, error) {
	var e law.Explanation
	s := Subject{Kind: English, Date: exam, Skills: skills}
	var fs []*certificate.FieldError
	validateEnglish(&s, "", func(field, value, reason string) {
		fs = append(fs, &certificate.FieldError{Field: field, Value: value, Reason: reason})
	})
	if len(fs) > 0 {
		return 0, e, &certificate.ValidationError{Fields: fs}
	}
	if th == nil {
		th = DefaultThresholds()
	}
	v, err := th.At(exam)
	if err != nil {
		return 0, e, fmt.Errorf("stateexam: English level thresholds: %w", err)
	}
	e.AddStep(v.Step("GEN-04", exam))
	res := EnglishResult(skills)
	t := v.Rule
	level := NotReached
	why, whyEn := "alla "+numEt(t.B1)+" %", "below "+t.B1.String()+" %"
	zero := ""
	for _, k := range skills {
		if k.Percent.IsZero() && zero == "" {
			zero = k.Name
		}
	}
	switch {
	case t.NoZeroSkill && zero != "":
		why, whyEn = "osaoskuse "+zero+" tulemus on 0 %", "the skill "+zero+" scored 0 %"
	case !res.LessThan(t.B2):
		level, why, whyEn = B2, "vähemalt "+numEt(t.B2)+" %", "at least "+t.B2.String()+" %"
	case !res.LessThan(t.B1):
		level, why, whyEn = B1, "vähemalt "+numEt(t.B1)+" % ja alla "+numEt(t.B2)+" %", "at least "+t.B1.String()+" % and below "+t.B2.String()+" %"
	}
	reached, reachedEn := "saavutatud keeleoskustase "+level.String(), "level reached: "+level.String()
	if level == NotReached {
		reached, reachedEn = "keeleoskustaset B1 ega B2 ei saavutatud", "neither B1 nor B2 reached"
	}
	e.Add("SCH-10", v.Citation, "inglise keele riigieksami tulemus "+numEt(res.Round(2))+" % ("+why+")",
		"the English exam's result is "+res.Round(2).String()+" % ("+whyEn+")")
	e.Add("SCH-10", reg113.At("14", "4", "3"), "tunnistusele märgitakse "+reached,
		"the certificate shows: "+reachedEn)
	return level, e, nil
}
