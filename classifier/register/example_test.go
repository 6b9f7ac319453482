package register_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store/memstore"
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

// ExampleCatalogue lists the qualifications open for application on a day (APP-01) and shows one
// (APP-02), on the in-memory store.
func ExampleCatalogue() {
	ctx := context.Background()
	cat, _ := register.NewCatalogue(memstore.New(), register.Config{})
	keeper := actor.Keeper("90006414")
	s := welder()
	if _, err := cat.PutStandard(ctx, keeper, s); err != nil {
		fmt.Println(err)
		return
	}
	if _, err := cat.PutAwardingBody(ctx, keeper, machineIndustry()); err != nil {
		fmt.Println(err)
		return
	}
	day := calendar.MustDate(2026, 3, 1)
	page, _ := cat.Search(ctx, actor.Anonymous(), register.Query{On: day, Keyword: "keevitaja"})
	fmt.Println(page.Showing(law.Estonian))
	for _, r := range page.Rows {
		fmt.Println(r.Name, "|", strings.Join(r.Partials, ", "), "|", r.BodyName)
	}
	v, _ := cat.View(ctx, actor.Anonymous(), s.ID, "80040205", day)
	fmt.Println(v.Open, v.Conditions.Apply[0])
	fmt.Println(v.Procedure)
	// Output:
	// Kokku: 1 | Näitan: 1-1
	// Keevitaja, tase 4 | Käsikaarkeevitaja, tase 4, Poolautomaatkeevitaja, tase 4, TIG-keevitaja, tase 4 | Eesti Masinatööstuse Liit
	// true Keevitaja kutseõpe või vähemalt 2-aastane töökogemus keevitajana
	// https://www.emtl.ee/kutse-andmise-kord
}
