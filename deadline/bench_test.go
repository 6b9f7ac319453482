package deadline_test

import (
	"testing"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/deadline"
)

var sink deadline.Deadline

// BenchmarkWorkingDays computes "within five working days" with its explanation.
func BenchmarkWorkingDays(b *testing.B) {
	trigger := calendar.MustDate(2024, 6, 20)
	calendar.IsWorkingDay(trigger) // build the holiday table outside the timed loop
	b.ReportAllocs()
	for b.Loop() {
		sink, _ = deadline.WorkingDays(trigger, 5)
	}
}

// BenchmarkDays computes a 15-day period that moves off a Saturday, with its explanation.
func BenchmarkDays(b *testing.B) {
	trigger := calendar.MustDate(2024, 6, 14)
	calendar.IsWorkingDay(trigger)
	b.ReportAllocs()
	for b.Loop() {
		sink, _ = deadline.Days(trigger, 15)
	}
}
