package proficiency

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
)

// Sheet is what grading one exam needs: the exam day (it picks the version), the maximum points of
// each part, what the person is exempt from, the points marked and the conduct.
type Sheet struct {
	Date calendar.Date
	// Max is the session's maximum points per skill (LNG-02).
	Max Points
	// Exempted is, per skill, the maximum points of the tasks the expert committee exempted the
	// person from (LNG-06): they leave the maximum.
	Exempted Points
	// Taken is the set of parts the person takes; zero means all four. A 65+ citizenship applicant
	// does not take writing (LNG-21).
	Taken SkillSet
	// Points are the points marked per skill. A part not taken must have none.
	Points Points
	// Conduct overrides the points: a person removed (LNG-15), or whose outside help is found in
	// marking (LNG-17), scores 0 and does not pass.
	Conduct Conduct
}

// Grade is the decision on a marked exam (LNG-15..17).
type Grade struct {
	Passed bool
	// Total is the points counted: the sum over the parts taken, or 0 under LNG-15 and LNG-17.
	Total decimal.Decimal
	// Max is the maximum the person could reach: the parts taken, less the exempted tasks.
	Max decimal.Decimal
	// ZeroSkill is the first part taken, with a maximum above 0, that scored 0 points; 0 for none.
	ZeroSkill Skill
	Conduct   Conduct
	Version   string // the version of the rules applied (GEN-04)
}

// Percent returns the result as a percentage of the maximum, truncated (not rounded) to two
// decimals, so that a result that does not reach the pass mark never shows as reaching it
// (59.995 % shows as 59.99 %).
func (g Grade) Percent() decimal.Decimal {
	if g.Max.Sign() <= 0 {
		return decimal.Decimal{}
	}
	q, _ := g.Total.Mul(hundred).QuoRem(g.Max, 2)
	return q
}

// Equal reports whether g and h are the same decision: decimals are compared by value (15.50
// equals 15.5), which == does not do.
func (g Grade) Equal(h Grade) bool {
	return g.Passed == h.Passed && g.Total.Equal(h.Total) && g.Max.Equal(h.Max) && g.ZeroSkill == h.ZeroSkill &&
		g.Conduct == h.Conduct && g.Version == h.Version
}

// Below reports whether the result is below pct percent of the maximum, exactly (no rounding).
func (g Grade) Below(pct decimal.Decimal) bool {
	return g.Total.Mul(hundred).LessThan(pct.Mul(g.Max))
}

// Grade grades a sheet (LNG-15, LNG-16, LNG-17) under the version in force on its exam day:
//
//   - LNG-16 (004 § 7 (2)): passed with at least PassPercent (60 %) of the maximum and no part
//     scored 0 points. The maximum is the sum of the parts taken less the exempted tasks (LNG-06);
//     a part whose every task is exempt has no maximum and is not held to the 0-point rule.
//   - LNG-15 (004 § 6 (7)): a person removed for outside help or disturbance has not passed; the
//     work counts 0 points.
//   - LNG-17 (004 § 7 (3)): outside help found during marking: the work scores 0 points.
//
// It returns an error for a sheet that cannot be graded: points above a part's maximum or below 0,
// an exemption above the maximum, points for a part not taken, no maximum at all, or a date no
// version covers. Grade builds no explanation; [Rulebook.ExplainGrade] does.
func (rb Rulebook) Grade(s Sheet) (Grade, error) {
	v, err := rb.At(s.Date)
	if err != nil {
		return Grade{}, err
	}
	return grade(&v, &s)
}

// grade grades s under v: in int64 fixed point when every number fits (the usual case: no
// allocation but the result's two decimals), else, and for every sheet with an error, in decimals.
func grade(v *law.Version[Rules], s *Sheet) (Grade, error) {
	if g, ok := gradeFixed(v, s); ok {
		return g, nil
	}
	return gradeDecimal(v, s)
}

// fixedLimit bounds the fixed-point values, so that sums of four and the pass comparison stay well
// inside int64.
const fixedLimit = 1_000_000_000_000

// fixed returns d as a whole number of units 10^e (e not above d's exponent), if it fits under
// fixedLimit.
func fixed(d decimal.Decimal, e int32) (int64, bool) {
	if d.Sign() == 0 {
		return 0, true
	}
	if d.NumDigits() > 12 {
		return 0, false
	}
	c := d.CoefficientInt64()
	for x := d.Exponent(); x > e; x-- {
		c *= 10
		if c >= fixedLimit || c <= -fixedLimit {
			return 0, false
		}
	}
	return c, true
}

// gradeFixed is gradeDecimal in int64 fixed point for a sheet with no error whose numbers fit; ok is
// false otherwise.
func gradeFixed(v *law.Version[Rules], s *Sheet) (g Grade, ok bool) {
	e := int32(0)
	for i := range NumSkills {
		for _, d := range [...]decimal.Decimal{s.Max[i], s.Exempted[i], s.Points[i]} {
			if d.Sign() != 0 && d.Exponent() < e {
				e = d.Exponent()
			}
		}
	}
	if e < -6 {
		return g, false
	}
	taken := s.Taken
	if taken == 0 {
		taken = AllSkills
	}
	var total, max int64
	var zeroSkill Skill
	for i, k := range Skills {
		m, ok1 := fixed(s.Max[i], e)
		ex, ok2 := fixed(s.Exempted[i], e)
		pts, ok3 := fixed(s.Points[i], e)
		if !ok1 || !ok2 || !ok3 || m < 0 {
			return g, false
		}
		if !taken.Has(k) {
			if pts != 0 {
				return g, false
			}
			continue
		}
		if ex < 0 || ex > m || pts < 0 || pts > m-ex {
			return g, false
		}
		max += m - ex
		total += pts
		if pts == 0 && m-ex > 0 && zeroSkill == 0 {
			zeroSkill = k
		}
	}
	if max <= 0 {
		return g, false
	}
	g = Grade{Max: decimal.New(max, e), ZeroSkill: zeroSkill, Conduct: s.Conduct, Version: v.Name}
	if s.Conduct != Proper {
		return g, true
	}
	// total/max < pct/100, with pct = pc·10^pe
	pct := v.Rule.PassPercent
	pc, pe := pct.CoefficientInt64(), pct.Exponent()
	if pct.NumDigits() > 4 || pe < -4 || pe > 2 {
		return g, false
	}
	lhs, rhs := total*100, pc*max
	for ; pe < 0; pe++ {
		lhs *= 10
	}
	for ; pe > 0; pe-- {
		rhs *= 10
	}
	g.Total = decimal.New(total, e)
	g.Passed = zeroSkill == 0 && lhs >= rhs
	return g, true
}

// gradeDecimal grades s under v in decimals, and reports every number that is wrong.
func gradeDecimal(v *law.Version[Rules], s *Sheet) (Grade, error) {
	taken := s.Taken
	if taken == 0 {
		taken = AllSkills
	}
	g := Grade{Conduct: s.Conduct, Version: v.Name}
	var fs fields
	for i, k := range Skills {
		max, ex, pts := s.Max[i], s.Exempted[i], s.Points[i]
		if max.Sign() < 0 {
			fs.add("Max["+k.String()+"]", max.String(), "must not be negative")
			continue
		}
		if !taken.Has(k) {
			if pts.Sign() != 0 {
				fs.add("Points["+k.String()+"]", pts.String(), "must be 0: the part is not taken")
			}
			continue
		}
		eff := max
		if ex.Sign() != 0 {
			if ex.Sign() < 0 || ex.GreaterThan(max) {
				fs.add("Exempted["+k.String()+"]", ex.String(), "must be from 0 to the part's maximum "+max.String())
				continue
			}
			eff = max.Sub(ex)
		}
		if pts.Sign() < 0 || pts.GreaterThan(eff) {
			fs.add("Points["+k.String()+"]", pts.String(), "must be from 0 to the part's maximum "+eff.String())
			continue
		}
		g.Max = g.Max.Add(eff)
		g.Total = g.Total.Add(pts)
		if pts.Sign() == 0 && eff.Sign() > 0 && g.ZeroSkill == 0 {
			g.ZeroSkill = k
		}
	}
	if len(fs) == 0 && g.Max.Sign() <= 0 {
		fs.add("Max", "", "must be above 0 for the parts taken")
	}
	if err := fs.err(); err != nil {
		return Grade{}, err
	}
	if s.Conduct != Proper {
		g.Total = decimal.Decimal{}
		return g, nil
	}
	g.Passed = g.ZeroSkill == 0 && !g.Below(v.Rule.PassPercent)
	return g, nil
}

// ExplainGrade is [Rulebook.Grade] (LNG-15, LNG-16, LNG-17; 004 § 6 (7), § 7 (2)–(3)) with the
// explanation of the decision (GEN-06): the version, the part not taken (LNG-21), the exempted tasks
// (LNG-06, 004 § 8), the points per part (LNG-02), the conduct and the pass rule.
func (rb Rulebook) ExplainGrade(s Sheet) (Grade, law.Explanation, error) {
	var e law.Explanation
	v, step, err := rb.version(s.Date)
	if err != nil {
		return Grade{}, e, err
	}
	g, err := grade(v, &s)
	if err != nil {
		return Grade{}, e, err
	}
	e.AddStep(step)
	taken := s.Taken
	if taken == 0 {
		taken = AllSkills
	}
	if taken != AllSkills {
		var et, en []string
		for _, k := range Skills {
			if !taken.Has(k) {
				et, en = append(et, k.Name(law.Estonian)), append(en, k.Name(law.English))
			}
		}
		rule, c := "LNG-21", cite(v, "LNG-21")
		e.Add(rule, c, "osa ei sooritata ega arvestata: "+strings.Join(et, ", "),
			"part not taken and not counted: "+strings.Join(en, ", "))
	}
	var exEt, exEn []string
	for i, k := range Skills {
		if x := s.Exempted[i]; taken.Has(k) && x.Sign() != 0 {
			exEt = append(exEt, k.Name(law.Estonian)+" "+numEt(x))
			exEn = append(exEn, k.Name(law.English)+" "+x.String())
		}
	}
	if len(exEt) > 0 {
		e.Add("LNG-06", cite(v, "LNG-06"),
			"ekspertkomisjoni otsusega vabastatud ülesannete punktid arvatakse maksimumist maha: "+strings.Join(exEt, ", "),
			"the points of the tasks the expert committee exempted the person from leave the maximum: "+strings.Join(exEn, ", "))
	}
	var ptsEt, ptsEn []string
	for i, k := range Skills {
		if taken.Has(k) {
			eff := s.Max[i].Sub(s.Exempted[i])
			ptsEt = append(ptsEt, k.Name(law.Estonian)+" "+numEt(s.Points[i])+"/"+numEt(eff))
			ptsEn = append(ptsEn, k.Name(law.English)+" "+s.Points[i].String()+"/"+eff.String())
		}
	}
	e.Add("LNG-02", cite(v, "LNG-02"), "osaoskuste punktid: "+strings.Join(ptsEt, ", "),
		"points per skill: "+strings.Join(ptsEn, ", "))
	pass := v.Rule.PassPercent
	switch s.Conduct {
	case OutsideHelp, Disturbance:
		why, whyEn := "kasutas kõrvalist abi", "used outside help"
		if s.Conduct == Disturbance {
			why, whyEn = "segas eksami läbiviimist või häiris teisi eksaminande", "disturbed the exam or the other examinees"
		}
		e.Add("LNG-15", cite(v, "LNG-15"),
			"eksaminand "+why+" ja kõrvaldati eksamilt: eksam loetakse mittesooritatuks, eksamitöö tulemus 0 punkti",
			"the examinee "+whyEn+" and was removed: the exam counts as not passed and the work as 0 points")
		return g, e, nil
	case OutsideHelpInMarking:
		e.Add("LNG-17", cite(v, "LNG-17"),
			"hindamisel tuvastati kõrvalise abi kasutamine: eksamitöö hinnatakse 0 punktiga; eksam on sooritamata",
			"outside help was found in marking: the work scores 0 points; the exam is not passed")
		return g, e, nil
	}
	pct := g.Percent()
	totEt := "kokku " + numEt(g.Total) + " punkti " + numEt(g.Max) + "-st (" + numEt(pct) + " %)"
	totEn := "total " + g.Total.String() + " of " + g.Max.String() + " points (" + pct.String() + " %)"
	switch {
	case g.Below(pass):
		totEt += "; nõutav on vähemalt " + numEt(pass) + " %: eksam on sooritamata"
		totEn += "; at least " + pass.String() + " % is needed: the exam is not passed"
	case g.ZeroSkill != 0:
		totEt += ", vähemalt nõutav " + numEt(pass) + " %, kuid osaoskuse " + g.ZeroSkill.Name(law.Estonian) + " tulemus on 0 punkti: eksam on sooritamata"
		totEn += ", at least the " + pass.String() + " % needed, but " + g.ZeroSkill.Name(law.English) + " scored 0 points: the exam is not passed"
	default:
		totEt += ", vähemalt nõutav " + numEt(pass) + " %, ja ühegi osaoskuse tulemus ei ole 0 punkti: eksam on sooritatud"
		totEn += ", at least the " + pass.String() + " % needed, and no skill scored 0 points: the exam is passed"
	}
	e.Add("LNG-16", cite(v, "LNG-16"), totEt, totEn)
	return g, e, nil
}

// numEt writes d the Estonian way, with a decimal comma: "59,99".
func numEt(d decimal.Decimal) string { return strings.Replace(d.String(), ".", ",", 1) }
