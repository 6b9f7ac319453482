package register_test

import (
	"fmt"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
)

// Example shows the version of a standard in force on a day (GEN-04) and what it awards.
func Example() {
	s := welder()
	for _, d := range []calendar.Date{calendar.MustDate(2020, 5, 4), calendar.MustDate(2026, 3, 1), calendar.MustDate(2027, 1, 1)} {
		v, step, err := s.InForce(d)
		if err != nil {
			fmt.Println(d, "→", err)
			continue
		}
		fmt.Println(d, "→", v.Name, "versioon", v.Version, "| partials:", len(v.Partials))
		fmt.Println("   ", step.Finding(law.English))
	}
	v, _, _ := s.InForce(calendar.MustDate(2026, 3, 1))
	fmt.Println(v.Qualifications(), v.Conditions.Apply[0])
	// Output:
	// 2020-05-04 → Keevitaja, tase 4 versioon 7 | partials: 1
	//     applied the version in force on 2020-05-04 (2016-11-10 – 2021-11-09)
	// 2026-03-01 → Keevitaja, tase 4 versioon 8 | partials: 3
	//     applied the version in force on 2026-03-01 (2021-11-10 – 2026-11-09)
	// 2027-01-01 → register: standard 10536894: law: no version of the rule is in force on that date: 2027-01-01
	// [Keevitaja, tase 4] Keevitaja kutseõpe või vähemalt 2-aastane töökogemus keevitajana
}
