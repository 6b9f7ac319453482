package deadline_test

import (
	"testing"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/deadline"
	"pgregory.net/rapid"
)

// TestNew_GEN03_property: for any trigger in 1998–2030, any length and unit, the due date is a
// working day, it is the first working day on or after the counted end, the end is after the
// trigger, and a period of n working days holds exactly n working days.
func TestNew_GEN03_property(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		y := rapid.IntRange(1998, 2030).Draw(t, "year")
		m := time.Month(rapid.IntRange(1, 12).Draw(t, "month"))
		trigger := calendar.MustDate(y, m, rapid.IntRange(1, calendar.DaysIn(y, m)).Draw(t, "day"))
		u := rapid.SampledFrom([]deadline.Unit{deadline.Day, deadline.Week, deadline.Month, deadline.Year, deadline.WorkingDay}).Draw(t, "unit")
		n := rapid.IntRange(1, 400).Draw(t, "n")
		dl, err := deadline.New(trigger, n, u)
		if err != nil {
			t.Fatalf("New(%s, %d, %s) error = %v", trigger, n, u, err)
		}
		if !calendar.IsWorkingDay(dl.Due) {
			t.Fatalf("New(%s, %d, %s).Due = %s (%s): not a working day", trigger, n, u, dl.Due, dl.Due.Weekday())
		}
		if dl.Due != calendar.NextWorkingDay(dl.End) || dl.Moved != (dl.Due != dl.End) {
			t.Fatalf("New(%s, %d, %s) = end %s, due %s, moved %v", trigger, n, u, dl.End, dl.Due, dl.Moved)
		}
		if !dl.End.After(trigger) {
			t.Fatalf("New(%s, %d, %s).End = %s: not after the trigger", trigger, n, u, dl.End)
		}
		switch u {
		case deadline.Day:
			if dl.End.DaysSince(trigger) != n {
				t.Fatalf("Days(%s, %d).End = %s", trigger, n, dl.End)
			}
		case deadline.Week:
			if dl.End.DaysSince(trigger) != 7*n || dl.End.Weekday() != trigger.Weekday() {
				t.Fatalf("Weeks(%s, %d).End = %s", trigger, n, dl.End)
			}
		case deadline.WorkingDay:
			if got := calendar.WorkingDaysBetween(trigger, dl.Due); got != n {
				t.Fatalf("WorkingDays(%s, %d).Due = %s holds %d working days", trigger, n, dl.Due, got)
			}
		}
		if len(dl.Explanation.Steps) < 3 {
			t.Fatalf("New(%s, %d, %s): %d explanation steps", trigger, n, u, len(dl.Explanation.Steps))
		}
	})
}
