package calendar_test

import (
	"testing"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"pgregory.net/rapid"
)

// genDate draws a valid date in years lo–hi.
func genDate(lo, hi int) *rapid.Generator[calendar.Date] {
	return rapid.Custom(func(t *rapid.T) calendar.Date {
		y := rapid.IntRange(lo, hi).Draw(t, "year")
		m := time.Month(rapid.IntRange(1, 12).Draw(t, "month"))
		d := rapid.IntRange(1, calendar.DaysIn(y, m)).Draw(t, "day")
		return calendar.MustDate(y, m, d)
	})
}

// TestAddMonths_GEN03_property: AddMonths moves exactly n months, never skips or rolls past a month,
// keeps the day where the month has it and otherwise ends on the month's last day (TsÜS § 136 (3)).
func TestAddMonths_GEN03_property(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := genDate(1100, 8000).Draw(t, "d")
		n := rapid.IntRange(-12000, 12000).Draw(t, "n") // ±1000 years stays within 1–9999
		got := d.AddMonths(n)
		if !got.IsValid() {
			t.Fatalf("%s.AddMonths(%d) = %#v: not a valid date", d, n, got)
		}
		if moved := (got.Year*12 + int(got.Month)) - (d.Year*12 + int(d.Month)); moved != n {
			t.Fatalf("%s.AddMonths(%d) = %s moved %d months", d, n, got, moved)
		}
		if got.Day > d.Day {
			t.Fatalf("%s.AddMonths(%d) = %s: day later than the start's", d, n, got)
		}
		if last := calendar.DaysIn(got.Year, got.Month); d.Day <= last && got.Day != d.Day ||
			d.Day > last && got.Day != last {
			t.Fatalf("%s.AddMonths(%d) = %s: want the corresponding day or the month's last", d, n, got)
		}
	})
}

// TestParseDate_property: ParseDate(d.String()) == d and ParseDate(d.Register()) == d.
func TestParseDate_property(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := genDate(1, 9999).Draw(t, "d")
		for _, s := range []string{d.String(), d.Register()} {
			if got, err := calendar.ParseDate(s); err != nil || got != d {
				t.Fatalf("ParseDate(%q) = %v, %v; want %v", s, got, err, d)
			}
		}
	})
}

// TestAddDays_property: AddDays and DaysSince are inverse, and AddDays agrees with the time package.
func TestAddDays_property(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := genDate(1800, 8000).Draw(t, "d")
		n := rapid.IntRange(-500000, 500000).Draw(t, "n")
		e := d.AddDays(n)
		if !e.IsValid() {
			t.Fatalf("%s.AddDays(%d) = %#v: not a valid date", d, n, e)
		}
		if got := e.DaysSince(d); got != n {
			t.Fatalf("%s.AddDays(%d).DaysSince(%s) = %d", d, n, d, got)
		}
		if back := e.AddDays(-n); back != d {
			t.Fatalf("%s.AddDays(%d).AddDays(%d) = %s", d, n, -n, back)
		}
		if want := calendar.DateIn(d.In(time.UTC).AddDate(0, 0, n), time.UTC); e != want {
			t.Fatalf("%s.AddDays(%d) = %s; time.AddDate gives %s", d, n, e, want)
		}
	})
}

// TestAddWorkingDays_GEN03_property: the result is a working day, and there are exactly n working
// days in (d, result] (or -n in [result, d) when n is negative).
func TestAddWorkingDays_GEN03_property(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := genDate(1990, 2130).Draw(t, "d")
		n := rapid.IntRange(-400, 400).Draw(t, "n")
		got := calendar.AddWorkingDays(d, n)
		if n == 0 {
			if got != d {
				t.Fatalf("AddWorkingDays(%s, 0) = %s; want %s", d, got, d)
			}
			return
		}
		if !calendar.IsWorkingDay(got) {
			t.Fatalf("AddWorkingDays(%s, %d) = %s: not a working day", d, n, got)
		}
		count := 0
		if n > 0 {
			for x := d.AddDays(1); !x.After(got); x = x.AddDays(1) {
				if calendar.IsWorkingDay(x) {
					count++
				}
			}
		} else {
			for x := got; x.Before(d); x = x.AddDays(1) {
				if calendar.IsWorkingDay(x) {
					count--
				}
			}
		}
		if count != n {
			t.Fatalf("AddWorkingDays(%s, %d) = %s: %d working days between", d, n, got, count)
		}
		if wb := calendar.WorkingDaysBetween(d, got); wb != n {
			t.Fatalf("WorkingDaysBetween(%s, %s) = %d; want %d", d, got, wb, n)
		}
		if next := calendar.NextWorkingDay(d.AddDays(1)); n > 0 && calendar.AddWorkingDays(d, 1) != next {
			t.Fatalf("AddWorkingDays(%s, 1) = %s; NextWorkingDay(day after) = %s", d, calendar.AddWorkingDays(d, 1), next)
		}
	})
}

// TestIsWorkingDay_GEN03_property: a working day is never a Saturday, a Sunday or a holiday, and
// every other day is one.
func TestIsWorkingDay_GEN03_property(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := genDate(1990, 2200).Draw(t, "d")
		wd := d.Weekday()
		_, hol := calendar.IsHoliday(d)
		want := wd != time.Saturday && wd != time.Sunday && !hol
		if got := calendar.IsWorkingDay(d); got != want {
			t.Fatalf("IsWorkingDay(%s, %s, holiday %v) = %v", d, wd, hol, got)
		}
	})
}
