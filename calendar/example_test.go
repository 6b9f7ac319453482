package calendar_test

import (
	"fmt"
	"time"

	"github.com/kutsekit/kutse/calendar"
)

func Example() {
	received := calendar.MustDate(2024, 6, 21) // a Friday
	due := calendar.AddWorkingDays(received, 5)
	fmt.Println(due, due.Weekday())
	fmt.Println(due.LongEt())
	fmt.Println(due.LongEn())
	// Output:
	// 2024-07-01 Monday
	// 1. juulil 2024
	// 1 July 2024
}

func ExampleDateOf() {
	submitted := time.Date(2024, 3, 31, 22, 30, 0, 0, time.UTC)
	fmt.Println(calendar.DateOf(submitted)) // already 1 April in Tallinn
	// Output: 2024-04-01
}

func ExampleParseDate() {
	for _, s := range []string{"2024-06-13", "13.06.2024", "2024-02-30"} {
		d, err := calendar.ParseDate(s)
		fmt.Println(d, err)
	}
	// Output:
	// 2024-06-13 <nil>
	// 2024-06-13 <nil>
	//  calendar: invalid date "2024-02-30": day must be 1–29 in February 2024
}

func ExampleDate_AddMonths() {
	fmt.Println(calendar.MustDate(2024, 1, 31).AddMonths(1))
	fmt.Println(calendar.MustDate(2024, 2, 29).AddYears(1))
	// Output:
	// 2024-02-29
	// 2025-02-28
}

func ExampleDate_LongEt() {
	fmt.Println(calendar.MustDate(2014, 6, 13).LongEt())
	// Output: 13. juunil 2014
}

func ExampleDate_LongEn() {
	fmt.Println(calendar.MustDate(2014, 6, 13).LongEn())
	// Output: 13 June 2014
}

func ExampleHolidaysIn() {
	for _, o := range calendar.HolidaysIn(2024) {
		fmt.Printf("%s %-10s %s / %s\n", o.Date.Register(), o.Date.Weekday(), o.Holiday.Name, o.Holiday.NameEn)
	}
	// Output:
	// 01.01.2024 Monday     uusaasta / New Year's Day
	// 24.02.2024 Saturday   iseseisvuspäev, Eesti Vabariigi aastapäev / Independence Day
	// 29.03.2024 Friday     suur reede / Good Friday
	// 31.03.2024 Sunday     ülestõusmispühade 1. püha / Easter Sunday
	// 01.05.2024 Wednesday  kevadpüha / Spring Day
	// 19.05.2024 Sunday     nelipühade 1. püha / Pentecost
	// 23.06.2024 Sunday     võidupüha / Victory Day
	// 24.06.2024 Monday     jaanipäev / Midsummer Day
	// 20.08.2024 Tuesday    taasiseseisvumispäev / Day of Restoration of Independence
	// 24.12.2024 Tuesday    jõululaupäev / Christmas Eve
	// 25.12.2024 Wednesday  esimene jõulupüha / Christmas Day
	// 26.12.2024 Thursday   teine jõulupüha / Boxing Day
}

func ExampleIsHoliday() {
	for _, d := range []calendar.Date{calendar.MustDate(2004, 12, 24), calendar.MustDate(2005, 12, 24)} {
		h, ok := calendar.IsHoliday(d)
		fmt.Println(d, ok, h)
	}
	// Output:
	// 2004-12-24 false <nil>
	// 2005-12-24 true jõululaupäev
}

func ExampleIsWorkingDay() {
	fmt.Println(calendar.IsWorkingDay(calendar.MustDate(1997, 8, 20))) // before the 1998 act
	fmt.Println(calendar.IsWorkingDay(calendar.MustDate(1998, 8, 20)))
	// Output:
	// true
	// false
}

func ExampleNextWorkingDay() {
	fmt.Println(calendar.NextWorkingDay(calendar.MustDate(2024, 12, 24)))
	// Output: 2024-12-27
}

func ExampleAddWorkingDays() {
	d := calendar.MustDate(2024, 6, 21)
	fmt.Println(calendar.AddWorkingDays(d, 1))
	fmt.Println(calendar.AddWorkingDays(calendar.MustDate(2024, 6, 25), -1))
	// Output:
	// 2024-06-25
	// 2024-06-21
}

func ExampleWorkingDaysBetween() {
	fmt.Println(calendar.WorkingDaysBetween(calendar.MustDate(2024, 6, 21), calendar.MustDate(2024, 7, 1)))
	// Output: 5
}

func ExampleMonthInessiveEt() {
	fmt.Println(calendar.MonthInessiveEt(time.February), 2006)
	// Output: veebruaris 2006
}
