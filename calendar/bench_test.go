package calendar_test

import (
	"testing"

	"github.com/kutsekit/kutse/calendar"
)

var (
	sinkDate calendar.Date
	sinkBool bool
)

// BenchmarkAddWorkingDays60 counts 60 working days (about 12 weeks) from a Friday before jaanipäev.
func BenchmarkAddWorkingDays60(b *testing.B) {
	d := calendar.MustDate(2024, 6, 21)
	calendar.IsWorkingDay(d) // build the table outside the timed loop
	b.ReportAllocs()
	for b.Loop() {
		sinkDate = calendar.AddWorkingDays(d, 60)
	}
}

// BenchmarkAddWorkingDays60_beyondTable is the same count in 2150, computed without the table.
func BenchmarkAddWorkingDays60_beyondTable(b *testing.B) {
	d := calendar.MustDate(2150, 6, 19)
	b.ReportAllocs()
	for b.Loop() {
		sinkDate = calendar.AddWorkingDays(d, 60)
	}
}

func BenchmarkIsWorkingDay(b *testing.B) {
	days := make([]calendar.Date, 1024)
	for i := range days {
		days[i] = calendar.MustDate(2024, 1, 1).AddDays(i * 7 % 3650)
	}
	calendar.IsWorkingDay(days[0])
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkBool = calendar.IsWorkingDay(days[i&1023])
		i++
	}
}

func BenchmarkIsHoliday(b *testing.B) {
	d := calendar.MustDate(2024, 6, 24)
	calendar.IsWorkingDay(d)
	b.ReportAllocs()
	for b.Loop() {
		_, sinkBool = calendar.IsHoliday(d)
	}
}

func BenchmarkLongEt(b *testing.B) {
	d := calendar.MustDate(2014, 6, 13)
	b.ReportAllocs()
	for b.Loop() {
		_ = d.LongEt()
	}
}
