package proficiency_test

import (
	"errors"
	"testing"

	"pgregory.net/rapid"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/exam/proficiency"
)

func pts(l, r, w, s string) proficiency.Points {
	return proficiency.PointsOf(dec(l), dec(r), dec(w), dec(s))
}

// TestGrade_LNG16_pass proves the pass rule: at least 60 % of the maximum and no skill at 0, with
// exact decimals at the boundary.
func TestGrade_LNG16_pass(t *testing.T) {
	exam := date(2011, 9, 15)
	tests := []struct {
		name   string
		points proficiency.Points
		passed bool
		pct    string
		zero   proficiency.Skill
	}{
		{"60 % exactly", pts("15", "15", "15", "15"), true, "60", 0},
		{"59.99 %", pts("15", "15", "15", "14.99"), false, "59.99", 0},
		{"59.999 % shows as 59.99", pts("15", "15", "15", "14.999"), false, "59.99", 0},
		{"60 % with writing at 0", pts("25", "25", "0", "10"), false, "60", proficiency.Writing},
		{"100 %", pts("25", "25", "25", "25"), true, "100", 0},
		{"0.5 points each", pts("0.5", "0.5", "0.5", "0.5"), false, "2", 0},
		{"all 0", pts("0", "0", "0", "0"), false, "0", proficiency.Listening},
	}
	for _, tt := range tests {
		g, e, err := rb.ExplainGrade(proficiency.Sheet{Date: exam, Max: full, Points: tt.points})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if g.Passed != tt.passed || !g.Percent().Equal(dec(tt.pct)) || g.ZeroSkill != tt.zero || !g.Max.Equal(dec("100")) {
			t.Errorf("%s: passed %v %s%% zero %v; want %v %s%% %v", tt.name, g.Passed, g.Percent(), g.ZeroSkill, tt.passed, tt.pct, tt.zero)
		}
		if last := e.Steps[len(e.Steps)-1]; last.Rule != "LNG-16" {
			t.Errorf("%s: last step %s; want LNG-16", tt.name, last.Rule)
		}
		if fast, _ := rb.Grade(proficiency.Sheet{Date: exam, Max: full, Points: tt.points}); !fast.Equal(g) {
			t.Errorf("%s: Grade %+v differs from ExplainGrade %+v", tt.name, fast, g)
		}
	}
	// under 004 the rule is § 7 (2)
	_, e, _ := rb.ExplainGrade(proficiency.Sheet{Date: date(2011, 5, 20), Max: full, Points: pts("15", "15", "15", "15")})
	if c := e.Steps[len(e.Steps)-1].Citation.String(); c != "RTL 2007, 94, 1563 § 7 lg 2" {
		t.Errorf("LNG-16 under 004 cites %s", c)
	}
}

// TestGrade_LNG15_removed proves that a person removed for outside help or disturbance has not
// passed and the work counts 0 points, whatever was marked.
func TestGrade_LNG15_removed(t *testing.T) {
	for _, c := range []proficiency.Conduct{proficiency.OutsideHelp, proficiency.Disturbance} {
		g, e, err := rb.ExplainGrade(proficiency.Sheet{Date: date(2011, 5, 20), Max: full, Points: pts("25", "25", "25", "25"), Conduct: c})
		if err != nil || g.Passed || !g.Total.IsZero() || !c.Removed() || !e.Applies("LNG-15") {
			t.Errorf("%v: passed %v total %s, %v\n%s", c, g.Passed, g.Total, err, e)
		}
		if s := e.Steps[len(e.Steps)-1]; s.Citation.String() != "RTL 2007, 94, 1563 § 6 lg 7" {
			t.Errorf("%v cites %s; want 004 § 6 (7)", c, s.Citation)
		}
	}
}

// TestGrade_LNG17_marking proves that outside help found in marking scores the work 0, and under
// the 2011 rules that is below 35 %: the six-month wait follows.
func TestGrade_LNG17_marking(t *testing.T) {
	exam := date(2011, 9, 15)
	g, e, err := rb.ExplainGrade(proficiency.Sheet{Date: exam, Max: full, Points: pts("25", "25", "25", "25"), Conduct: proficiency.OutsideHelpInMarking})
	if err != nil || g.Passed || !g.Total.IsZero() || g.Conduct.Removed() || !e.Applies("LNG-17") {
		t.Fatalf("passed %v total %s, %v", g.Passed, g.Total, err)
	}
	w, _ := rb.RetakeWait(proficiency.Registration{Date: exam, Status: proficiency.Graded, Grade: &g})
	if !w.Applies || w.From != date(2012, 3, 16) {
		t.Errorf("wait after LNG-17: %v from %s", w.Applies, w.From)
	}
}

// TestGrade_LNG06_exemptions proves that an exempted task leaves the maximum, a fully exempt part is
// not held to the 0-point rule, and the 35 % of the wait is of the reduced maximum.
func TestGrade_LNG06_exemptions(t *testing.T) {
	exam := date(2011, 9, 15)
	s := proficiency.Sheet{Date: exam, Max: full, Exempted: pts("0", "5", "0", "0"), Points: pts("15", "12", "15", "15")}
	g, e, err := rb.ExplainGrade(s)
	// 57 of 95 = 60 %
	if err != nil || !g.Passed || !g.Max.Equal(dec("95")) || !g.Percent().Equal(dec("60")) || !e.Applies("LNG-06") {
		t.Fatalf("with 5 points exempt: %+v, %v\n%s", g, err, e)
	}
	s.Points = pts("15", "21", "15", "15") // above the reduced reading maximum of 20
	if _, err := rb.Grade(s); !errors.Is(err, proficiency.ErrInvalid) {
		t.Errorf("points above the reduced maximum = %v; want ErrInvalid", err)
	}
	// writing wholly exempt: its 0 does not fail the exam
	s = proficiency.Sheet{Date: exam, Max: full, Exempted: pts("0", "0", "25", "0"), Points: pts("15", "15", "0", "15")}
	if g, err := rb.Grade(s); err != nil || !g.Passed || g.ZeroSkill != 0 || !g.Max.Equal(dec("75")) {
		t.Errorf("writing wholly exempt: %+v, %v", g, err)
	}
	// 26 of 75 = 34.66 %: below 35 % of the reduced maximum, though 26 % of 100 would be too
	s.Points = pts("10", "8", "0", "8")
	g, _ = rb.Grade(s)
	if !g.Below(dec("35")) || !g.Percent().Equal(dec("34.66")) {
		t.Errorf("26 of 75: %s %%, below 35 %v", g.Percent(), g.Below(dec("35")))
	}
	// a part not taken (65+, LNG-21) is out of the maximum
	s = proficiency.Sheet{Date: exam, Max: full, Taken: proficiency.AllSkills &^ proficiency.SetOf(proficiency.Writing), Points: pts("15", "15", "0", "15")}
	g, e, err = rb.ExplainGrade(s)
	if err != nil || !g.Passed || !g.Max.Equal(dec("75")) || !e.Applies("LNG-21") {
		t.Errorf("65+ without writing: %+v, %v", g, err)
	}
	s.Points = pts("15", "15", "1", "15")
	if _, err := rb.Grade(s); !errors.Is(err, proficiency.ErrInvalid) {
		t.Errorf("points for a part not taken = %v; want ErrInvalid", err)
	}
}

// TestGrade_LNG16_invalidInput proves that a sheet that cannot be graded is an error, not a grade.
func TestGrade_LNG16_invalidInput(t *testing.T) {
	exam := date(2011, 9, 15)
	for name, s := range map[string]proficiency.Sheet{
		"negative points":   {Date: exam, Max: full, Points: pts("-1", "15", "15", "15")},
		"above maximum":     {Date: exam, Max: full, Points: pts("25.01", "15", "15", "15")},
		"exempt above max":  {Date: exam, Max: full, Exempted: pts("26", "0", "0", "0")},
		"negative maximum":  {Date: exam, Max: pts("-25", "25", "25", "25")},
		"no maximum at all": {Date: exam},
	} {
		if _, err := rb.Grade(s); !errors.Is(err, proficiency.ErrInvalid) {
			t.Errorf("%s: %v; want ErrInvalid", name, err)
		}
	}
}

// TestGrade_LNG16_monotone: raising any skill's points never turns a pass into a fail (property).
func TestGrade_LNG16_monotone(t *testing.T) {
	points := func(t *rapid.T, label string, max decimal.Decimal) decimal.Decimal {
		hundredths := rapid.Int64Range(0, max.Mul(decimal.NewFromInt(100)).IntPart()).Draw(t, label)
		return decimal.New(hundredths, -2)
	}
	rapid.Check(t, func(t *rapid.T) {
		exam := date(2010, 10, 1).AddDays(rapid.IntRange(0, 6000).Draw(t, "day"))
		var s proficiency.Sheet
		s.Date = exam
		for _, k := range proficiency.Skills {
			m := decimal.NewFromInt(int64(rapid.IntRange(1, 40).Draw(t, "max")))
			s.Max.Set(k, m)
			if rapid.Bool().Draw(t, "exempt") {
				s.Exempted.Set(k, points(t, "exempted", m))
			}
			s.Points.Set(k, points(t, "points", m.Sub(s.Exempted.Of(k))))
		}
		if rapid.Bool().Draw(t, "senior") {
			s.Taken = proficiency.AllSkills &^ proficiency.SetOf(proficiency.Writing)
			s.Points.Set(proficiency.Writing, decimal.Zero)
		}
		g, err := rb.Grade(s)
		if err != nil {
			if errors.Is(err, proficiency.ErrInvalid) {
				return // every task exempt: nothing to grade
			}
			t.Fatal(err)
		}
		k := rapid.SampledFrom(proficiency.Skills[:]).Draw(t, "raised")
		if s.Taken != 0 && !s.Taken.Has(k) {
			return
		}
		room := s.Max.Of(k).Sub(s.Exempted.Of(k)).Sub(s.Points.Of(k))
		raised := s
		raised.Points.Set(k, s.Points.Of(k).Add(points(t, "raise", room)))
		h, err := rb.Grade(raised)
		if err != nil {
			t.Fatalf("Grade(raised) = %v", err)
		}
		if g.Passed && !h.Passed {
			t.Fatalf("raising %v from %s to %s turned a pass into a fail", k, s.Points.Of(k), raised.Points.Of(k))
		}
		if h.Total.LessThan(g.Total) {
			t.Fatalf("raising %v lowered the total", k)
		}
	})
}
