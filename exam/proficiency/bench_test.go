package proficiency_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/exam/proficiency"
	"github.com/kutsekit/kutse/law"
)

// sheets returns n sheets of exams in 2011–2014 with points in hundredths, a tenth of them with an
// exempted task and a tenth of 65+ applicants without writing.
func sheets(n int) []proficiency.Sheet {
	out := make([]proficiency.Sheet, n)
	for i := range out {
		s := proficiency.Sheet{Date: date(2011, 1, 3).AddDays(i % 1400), Max: full}
		for j, k := range proficiency.Skills {
			s.Points.Set(k, decimal.New(int64((i*7919+j*104729)%2501), -2))
		}
		switch i % 10 {
		case 3:
			s.Exempted.Set(proficiency.Reading, decimal.NewFromInt(5))
			s.Points.Set(proficiency.Reading, decimal.New(int64(i%2001), -2))
		case 7:
			s.Taken = proficiency.AllSkills &^ proficiency.SetOf(proficiency.Writing)
			s.Points.Set(proficiency.Writing, decimal.Zero)
		}
		out[i] = s
	}
	return out
}

var (
	sinkGrade proficiency.Grade
	sinkExpl  law.Explanation
)

// BenchmarkGrade100k grades 100,000 results (LNG-15..17) per op; the target is 100 ms on one core.
func BenchmarkGrade100k(b *testing.B) {
	ss := sheets(100_000)
	b.ReportAllocs()
	for b.Loop() {
		for i := range ss {
			g, err := rb.Grade(ss[i])
			if err != nil {
				b.Fatal(err)
			}
			sinkGrade = g
		}
	}
}

// BenchmarkExplainGrade grades one result with its explanation in Estonian and English.
func BenchmarkExplainGrade(b *testing.B) {
	ss := sheets(1000)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		g, e, err := rb.ExplainGrade(ss[i%len(ss)])
		if err != nil {
			b.Fatal(err)
		}
		sinkGrade, sinkExpl = g, e
		i++
	}
}

// BenchmarkDecide decides one registration with an earlier absence in the history.
func BenchmarkDecide(b *testing.B) {
	app := application(b, session(proficiency.B1, date(2012, 9, 13)), date(2012, 7, 2))
	hist := []proficiency.Registration{{ID: 1, Date: date(2011, 9, 15), Status: proficiency.Absent}}
	b.ReportAllocs()
	for b.Loop() {
		d, err := rb.Decide(app, hist)
		if err != nil || !d.Allowed {
			b.Fatal(err, d.Refusal)
		}
	}
}
