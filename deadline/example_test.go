package deadline_test

import (
	"fmt"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/deadline"
	"github.com/kutsekit/kutse/law"
)

func Example() {
	// A decision received on 14.06.2024 may be contested within 15 days.
	dl, err := deadline.Days(calendar.MustDate(2024, 6, 14), 15)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(dl.End, dl.Due, dl.Moved)
	fmt.Println(dl.Explanation.Render(law.Estonian))
	// Output:
	// 2024-06-29 2024-07-01 true
	// 1. GEN-03 (RT I 2002, 35, 216 § 135 lg 1): tähtaeg hakkab kulgema 15.06.2024, tähtaja alguse päevale 14.06.2024 järgneval päeval
	// 2. GEN-03 (RT I 2002, 35, 216 § 134 lg 2): 15-päevane tähtaeg lõpeb tähtaja viimasel päeval 29.06.2024
	// 3. GEN-03 (RT I 2002, 35, 216 § 136 lg 8): tähtpäev 29.06.2024 on laupäev; tähtpäev nihkub järgmisele tööpäevale 01.07.2024
	// 4. GEN-03 (RT I 2002, 35, 216 § 137 lg 1): tähtaeg möödub 01.07.2024 kell 24.00 (1. juulil 2024)
}

func ExampleWorkingDays() {
	// A refusal is made known within five working days of the decision of 20.06.2024.
	dl, err := deadline.WorkingDays(calendar.MustDate(2024, 6, 20), 5)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(dl.Due.LongEn())
	fmt.Println(dl.Explanation.Render(law.English))
	// Output:
	// 28 June 2024
	// 1. GEN-03 (RT I 2002, 35, 216 § 135 (1)): the period starts running on 21.06.2024, the day after 20.06.2024, the day that starts it
	// 2. GEN-03 (RT I 2002, 35, 216 § 134 (2)): the 5-working-day period counts working days only (not Saturdays, Sundays or public holidays); working day 5 is 28.06.2024
	// 3. GEN-03 (RT I 1998, 13, 162 § 2): public holidays are not working days: 24.06.2024 Midsummer Day
	// 4. GEN-03 (RT I 2002, 35, 216 § 137 (1)): the period ends at 24:00 on 28.06.2024 (28 June 2024)
}

func ExampleMonths() {
	dl, _ := deadline.Months(calendar.MustDate(2024, 1, 31), 1)
	fmt.Println(dl.Due)
	fmt.Println(dl.Explanation.Steps[1].En)
	// Output:
	// 2024-02-29
	// the last month of the 1-month period (February 2024) has no corresponding day (31); the period ends on that month's last day, 29.02.2024
}

func ExampleDeadline_Check() {
	dl, _ := deadline.Days(calendar.MustDate(2024, 6, 14), 15) // due 01.07.2024
	state, step := dl.Check(calendar.MustDate(2024, 7, 1), calendar.MustDate(2024, 8, 1))
	fmt.Println(state, "—", step.Et)
	fmt.Println(dl.Status(calendar.MustDate(2024, 7, 1)))
	fmt.Println(dl.Status(calendar.MustDate(2024, 7, 2)))
	// Output:
	// met — toiming tehti 01.07.2024, hiljemalt tähtpäeval 01.07.2024: tähtaeg on järgitud
	// due
	// missed
}

func ExampleNew_error() {
	_, err := deadline.New(calendar.Date{}, 5, deadline.WorkingDay)
	fmt.Println(err)
	_, err = deadline.Days(calendar.MustDate(2024, 6, 14), -1)
	fmt.Println(err)
	// Output:
	// deadline: 5 working days from the zero date: trigger date is zero or not a real date
	// deadline: -1 days from 2024-06-14: period length must be at least 1
}
