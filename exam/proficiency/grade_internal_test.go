package proficiency

import (
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/calendar"
)

// TestGradeFixed_LNG16_agrees: the fixed-point grading and the decimal grading give the same grade
// for any sheet the fixed point takes, and the fixed point declines what does not fit.
func TestGradeFixed_LNG16_agrees(t *testing.T) {
	rb := Default()
	num := func(t *rapid.T, label string) decimal.Decimal {
		return decimal.New(rapid.Int64Range(-5, 4000).Draw(t, label), int32(rapid.IntRange(-4, 1).Draw(t, label+"exp")))
	}
	rapid.Check(t, func(t *rapid.T) {
		s := Sheet{Date: calendar.MustDate(2010, 10, 1).AddDays(rapid.IntRange(0, 5000).Draw(t, "day"))}
		for i := range NumSkills {
			s.Max[i], s.Points[i] = num(t, "max"), num(t, "points")
			if rapid.IntRange(0, 3).Draw(t, "ex") == 0 {
				s.Exempted[i] = num(t, "exempted")
			}
		}
		s.Taken = SkillSet(rapid.IntRange(0, 15).Draw(t, "taken"))
		s.Conduct = Conduct(rapid.IntRange(0, 3).Draw(t, "conduct"))
		if rapid.Bool().Draw(t, "huge") {
			s.Points[0] = decimal.RequireFromString("123456789012345678.5")
		}
		v, _ := rb.At(s.Date)
		want, werr := gradeDecimal(&v, &s)
		got, ok := gradeFixed(&v, &s)
		if !ok {
			return
		}
		if werr != nil {
			t.Fatalf("fixed point graded a sheet the decimals refuse (%v): %+v", werr, got)
		}
		if !got.Equal(want) {
			t.Fatalf("fixed %+v; decimal %+v", got, want)
		}
	})
}
