package calendar_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/kutsekit/kutse/calendar"
)

// easterTable is research/domain-rules.md § 2.3: suur reede, ülestõusmispühade 1. püha and
// nelipühade 1. püha for 1998–2030, computed there with the anonymous Gregorian algorithm and
// cross-checked against vacanza/holidays and rickar/cal's own tests.
var easterTable = [...][3]string{
	{"1998-04-10", "1998-04-12", "1998-05-31"},
	{"1999-04-02", "1999-04-04", "1999-05-23"},
	{"2000-04-21", "2000-04-23", "2000-06-11"},
	{"2001-04-13", "2001-04-15", "2001-06-03"},
	{"2002-03-29", "2002-03-31", "2002-05-19"},
	{"2003-04-18", "2003-04-20", "2003-06-08"},
	{"2004-04-09", "2004-04-11", "2004-05-30"},
	{"2005-03-25", "2005-03-27", "2005-05-15"},
	{"2006-04-14", "2006-04-16", "2006-06-04"},
	{"2007-04-06", "2007-04-08", "2007-05-27"},
	{"2008-03-21", "2008-03-23", "2008-05-11"},
	{"2009-04-10", "2009-04-12", "2009-05-31"},
	{"2010-04-02", "2010-04-04", "2010-05-23"},
	{"2011-04-22", "2011-04-24", "2011-06-12"},
	{"2012-04-06", "2012-04-08", "2012-05-27"},
	{"2013-03-29", "2013-03-31", "2013-05-19"},
	{"2014-04-18", "2014-04-20", "2014-06-08"},
	{"2015-04-03", "2015-04-05", "2015-05-24"},
	{"2016-03-25", "2016-03-27", "2016-05-15"},
	{"2017-04-14", "2017-04-16", "2017-06-04"},
	{"2018-03-30", "2018-04-01", "2018-05-20"},
	{"2019-04-19", "2019-04-21", "2019-06-09"},
	{"2020-04-10", "2020-04-12", "2020-05-31"},
	{"2021-04-02", "2021-04-04", "2021-05-23"},
	{"2022-04-15", "2022-04-17", "2022-06-05"},
	{"2023-04-07", "2023-04-09", "2023-05-28"},
	{"2024-03-29", "2024-03-31", "2024-05-19"},
	{"2025-04-18", "2025-04-20", "2025-06-08"},
	{"2026-04-03", "2026-04-05", "2026-05-24"},
	{"2027-03-26", "2027-03-28", "2027-05-16"},
	{"2028-04-14", "2028-04-16", "2028-06-04"},
	{"2029-03-30", "2029-04-01", "2029-05-20"},
	{"2030-04-19", "2030-04-21", "2030-06-09"},
}

func date(t testing.TB, s string) calendar.Date {
	t.Helper()
	d, err := calendar.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// wantHolidays builds the days off of year from the research: the fixed days, the Easter-based
// days from easterTable, 20 August from 1998 and 24 December from 2005.
func wantHolidays(t *testing.T, year int) []calendar.Occurrence {
	t.Helper()
	e := easterTable[year-1998]
	fixed := func(m time.Month, d int) calendar.Date { return calendar.MustDate(year, m, d) }
	want := []calendar.Occurrence{
		{fixed(time.January, 1), calendar.Uusaasta},
		{fixed(time.February, 24), calendar.Iseseisvuspaev},
		{date(t, e[0]), calendar.SuurReede},
		{date(t, e[1]), calendar.Ulestousmispuhade},
		{fixed(time.May, 1), calendar.Kevadpuha},
		{date(t, e[2]), calendar.Nelipuha},
		{fixed(time.June, 23), calendar.Voidupuha},
		{fixed(time.June, 24), calendar.Jaanipaev},
		{fixed(time.August, 20), calendar.Taasiseseisvuspaev},
		{fixed(time.December, 24), calendar.Joululaupaev},
		{fixed(time.December, 25), calendar.EsimeneJoulupuha},
		{fixed(time.December, 26), calendar.TeineJoulupuha},
	}
	if year < 2005 {
		want = slices.DeleteFunc(want, func(o calendar.Occurrence) bool { return o.Holiday == calendar.Joululaupaev })
	}
	slices.SortFunc(want, func(a, b calendar.Occurrence) int { return a.Date.Compare(b.Date) })
	return want
}

// TestHolidaysIn_GEN03_EveryYear1998to2030 checks the days off of every year 1998–2030 against
// the research (GEN-03: the set in force on the date counts).
func TestHolidaysIn_GEN03_EveryYear1998to2030(t *testing.T) {
	for year := 1998; year <= 2030; year++ {
		t.Run(fmt.Sprint(year), func(t *testing.T) {
			got := calendar.HolidaysIn(year)
			want := wantHolidays(t, year)
			if !slices.Equal(got, want) {
				t.Errorf("HolidaysIn(%d) =\n%v\nwant\n%v", year, got, want)
			}
			for _, o := range want {
				if h, ok := calendar.IsHoliday(o.Date); !ok || h != o.Holiday {
					t.Errorf("IsHoliday(%s) = %v, %v; want %v, true", o.Date, h, ok, o.Holiday)
				}
				if wd := o.Date.Weekday(); calendar.IsWorkingDay(o.Date) {
					t.Errorf("IsWorkingDay(%s, %s, %s) = true; want false", o.Date, wd, o.Holiday.Name)
				}
			}
			// Easter Sunday and Pentecost are always Sundays; Good Friday always a Friday.
			e := easterTable[year-1998]
			for i, wd := range []time.Weekday{time.Friday, time.Sunday, time.Sunday} {
				if got := date(t, e[i]).Weekday(); got != wd {
					t.Errorf("%s is a %s; want %s", e[i], got, wd)
				}
			}
		})
	}
}

// TestHolidays_GEN03_StartYears checks the years from which 20 August (1998) and 24 December
// (2005) are days off, and the 1994 act's list.
func TestHolidays_GEN03_StartYears(t *testing.T) {
	tests := []struct {
		day     string
		weekday time.Weekday
		working bool
		holiday *calendar.Holiday
	}{
		{"1997-08-20", time.Wednesday, true, nil}, // 1994 act: not a day off
		{"1998-08-20", time.Thursday, false, calendar.Taasiseseisvuspaev},
		{"2004-12-24", time.Friday, true, nil}, // before RT I 2005, 24, 185
		{"2005-12-24", time.Saturday, false, calendar.Joululaupaev},
		{"2007-12-24", time.Monday, false, calendar.Joululaupaev},
		{"1994-02-24", time.Thursday, false, calendar.Iseseisvuspaev},
		{"1994-04-01", time.Friday, false, calendar.SuurReede},
		{"1994-06-23", time.Thursday, false, calendar.Voidupuha},
		{"1994-12-26", time.Monday, false, calendar.TeineJoulupuha},
		{"1993-12-31", time.Friday, true, nil},
		{"1993-02-24", time.Wednesday, true, nil},                   // before FirstYear: only weekends (documented)
		{"2101-12-24", time.Saturday, false, calendar.Joululaupaev}, // beyond the table
		{"2102-06-23", time.Friday, false, calendar.Voidupuha},
		{"2102-06-22", time.Thursday, true, nil},
	}
	for _, tt := range tests {
		d := date(t, tt.day)
		if got := d.Weekday(); got != tt.weekday {
			t.Errorf("%s.Weekday() = %s; want %s", tt.day, got, tt.weekday)
		}
		if got := calendar.IsWorkingDay(d); got != tt.working {
			t.Errorf("IsWorkingDay(%s) = %v; want %v", tt.day, got, tt.working)
		}
		h, ok := calendar.IsHoliday(d)
		if h != tt.holiday || ok != (tt.holiday != nil) {
			t.Errorf("IsHoliday(%s) = %v, %v; want %v", tt.day, h, ok, tt.holiday)
		}
	}
	for _, tt := range []struct{ year, n int }{{1993, 0}, {1994, 10}, {1997, 10}, {1998, 11}, {2004, 11}, {2005, 12}, {2100, 12}, {2500, 12}} {
		if got := len(calendar.HolidaysIn(tt.year)); got != tt.n {
			t.Errorf("len(HolidaysIn(%d)) = %d; want %d", tt.year, got, tt.n)
		}
	}
}

func TestHoliday_In(t *testing.T) {
	if d, ok := calendar.Joululaupaev.In(2004); ok {
		t.Errorf("Joululaupaev.In(2004) = %s, true; want false", d)
	}
	if d, ok := calendar.Joululaupaev.In(2005); !ok || d != calendar.MustDate(2005, 12, 24) {
		t.Errorf("Joululaupaev.In(2005) = %s, %v; want 2005-12-24, true", d, ok)
	}
	if _, ok := calendar.Uusaasta.In(0); ok {
		t.Error("Uusaasta.In(0) = true; want false")
	}
	c := calendar.Taasiseseisvuspaev.Cal()
	if c.StartYear != 1998 || c.Name != "taasiseseisvumispäev" {
		t.Errorf("Taasiseseisvuspaev.Cal() = StartYear %d, Name %q; want 1998, taasiseseisvumispäev", c.StartYear, c.Name)
	}
	c.StartYear = 1 // the copy is the caller's
	if _, ok := calendar.Taasiseseisvuspaev.In(1997); ok {
		t.Error("changing the Cal() copy changed the package's holiday")
	}
	if got := calendar.Voidupuha.String(); got != "võidupüha" {
		t.Errorf("Voidupuha.String() = %q", got)
	}
	for _, h := range calendar.Holidays {
		if h.Name == "" || h.NameEn == "" || h.Source == "" || h.Since < calendar.FirstYear {
			t.Errorf("holiday %+v lacks a name, English name, source or start year", *h)
		}
	}
}

// TestHolidaysIn_returnsCopy checks that the caller may change what HolidaysIn returns.
func TestHolidaysIn_returnsCopy(t *testing.T) {
	a := calendar.HolidaysIn(2024)
	a[0].Holiday = nil
	if b := calendar.HolidaysIn(2024); b[0].Holiday != calendar.Uusaasta {
		t.Error("changing HolidaysIn's result changed the package's table")
	}
}

// TestWorkingDays_GEN03 checks working days and working-day arithmetic on boundary days.
func TestWorkingDays_GEN03(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2024-06-21", 1, "2024-06-25"},  // Fri; 22–23 weekend+võidupüha, 24 jaanipäev
		{"2024-06-21", 5, "2024-07-01"},  // 25, 26, 27, 28 Jun, 1 Jul
		{"2024-06-21", 0, "2024-06-21"},  // zero: d itself
		{"2024-06-22", 0, "2024-06-22"},  // zero: d itself, even a Saturday
		{"2024-06-22", 1, "2024-06-25"},  // counting starts the day after
		{"2024-12-20", 3, "2024-12-30"},  // 23, 27, 30 Dec
		{"2004-12-20", 4, "2004-12-24"},  // 24.12.2004 was a working day
		{"2005-12-20", 3, "2005-12-23"},  // 21, 22, 23
		{"2005-12-23", 1, "2005-12-27"},  // 24 Sat, 25 Sun, 26 Mon holiday
		{"2024-03-28", 1, "2024-04-01"},  // 29.03.2024 suur reede
		{"2024-06-25", -1, "2024-06-21"}, // back over jaanipäev
		{"2024-06-25", -2, "2024-06-20"},
		{"2024-06-24", -1, "2024-06-21"}, // from a holiday
		{"2024-01-02", -1, "2023-12-29"}, // back over New Year
		{"2100-12-30", 3, "2101-01-04"},  // out of the table: 1–2 Jan 2101 a weekend
		{"2101-01-04", -3, "2100-12-30"},
		{"2102-06-22", 1, "2102-06-26"}, // 23 Jun 2102 a Friday, 24 Jun a Saturday
		{"2102-06-26", -1, "2102-06-22"},
	}
	for _, tt := range tests {
		from, want := date(t, tt.from), date(t, tt.want)
		if got := calendar.AddWorkingDays(from, tt.n); got != want {
			t.Errorf("AddWorkingDays(%s, %d) = %s; want %s", tt.from, tt.n, got, want)
		}
		if tt.n != 0 {
			if got := calendar.WorkingDaysBetween(from, want); got != tt.n {
				t.Errorf("WorkingDaysBetween(%s, %s) = %d; want %d", tt.from, tt.want, got, tt.n)
			}
		}
	}
	for _, tt := range []struct{ d, want string }{
		{"2024-06-21", "2024-06-21"}, // a working day is its own next working day
		{"2024-06-22", "2024-06-25"},
		{"2024-12-24", "2024-12-27"},
		{"2022-12-31", "2023-01-02"},
	} {
		if got := calendar.NextWorkingDay(date(t, tt.d)); got != date(t, tt.want) {
			t.Errorf("NextWorkingDay(%s) = %s; want %s", tt.d, got, tt.want)
		}
	}
	if got := calendar.WorkingDaysBetween(date(t, "2024-06-21"), date(t, "2024-06-21")); got != 0 {
		t.Errorf("WorkingDaysBetween(d, d) = %d; want 0", got)
	}
}

// TestIsWorkingDay_concurrent runs the lazily built table from many goroutines at once; run it
// with -race.
func TestIsWorkingDay_concurrent(t *testing.T) {
	t.Parallel()
	done := make(chan int)
	for g := range 8 {
		go func() {
			n := 0
			for d := calendar.MustDate(2000+g, 1, 1); d.Year == 2000+g; d = d.AddDays(1) {
				if calendar.IsWorkingDay(d) {
					n++
				}
			}
			done <- n
		}()
	}
	for range 8 {
		if n := <-done; n < 245 || n > 258 {
			t.Errorf("a year has %d working days; want about 250", n)
		}
	}
}
