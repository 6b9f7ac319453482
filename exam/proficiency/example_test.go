package proficiency_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/exam/proficiency"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
)

// A person absent without good reason from the exam of 15.09.2011, under the rules from 01.07.2011
// (LNG-08, seed 003): no explanation was filed within 30 days, so the six-month wait applies and the
// first day the person may sit again is 16.03.2012.
func ExampleRulebook_RetakeWait() {
	rb := proficiency.Default()
	w, err := rb.RetakeWait(proficiency.Registration{
		Date: calendar.MustDate(2011, 9, 15), Status: proficiency.Absent, Absence: &proficiency.Absence{},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("wait:", w.Applies, "ends", w.Ends.Register(), "first exam day", w.From.Register())
	fmt.Println(w.Explanation.Render(law.English))
	// Output:
	// wait: true ends 15.03.2012 first exam day 16.03.2012
	// 1. GEN-04 (RT I, 16.06.2011, 6, version 01.07.2011): applied the version in force on 2011-09-15 (2011-07-01 – 2020-07-31)
	// 2. LNG-08 (SA Innove, „Eesti keele tasemeeksamid: registreerumine” (innove.ee)): the person was absent from the exam on 15.09.2011 and filed no explanation with evidence by 17.10.2011: absent without good reason
	// 3. GEN-03 (RT I 2002, 35, 216 § 135 (1)): the period starts running on 16.09.2011, the day after 15.09.2011, the day that starts it
	// 4. GEN-03 (RT I 2002, 35, 216 § 136 (3)): the 6-month period ends on the corresponding day of its last month, 15.03.2012
	// 5. LNG-08 (SA Innove, „Eesti keele tasemeeksamid: registreerumine” (innove.ee)): the exam may be sat again no earlier than 6 months after the exam on 15.09.2011: the wait ends on 15.03.2012; the first exam day allowed is 16.03.2012
}

// The same absence on 15.05.2011 falls under regulation nr 73 as in force 01.10.2010–30.06.2011
// (seed 004 § 5 (4)): every absence starts a three-month wait, so the person may sit again from
// 16.08.2011.
func ExampleRulebook_RetakeWait_before2011() {
	rb := proficiency.Default()
	w, _ := rb.RetakeWait(proficiency.Registration{
		Date: calendar.MustDate(2011, 5, 15), Status: proficiency.Absent, Absence: &proficiency.Absence{},
	})
	fmt.Println("wait:", w.Applies, "ends", w.Ends.Register(), "first exam day", w.From.Register())
	fmt.Println(w.Explanation.Render(law.Estonian))
	// Output:
	// wait: true ends 15.08.2011 first exam day 16.08.2011
	// 1. GEN-04 (RTL 2007, 94, 1563, redaktsioon 01.10.2010): kohaldati 15.05.2011 kehtinud redaktsiooni (01.10.2010–30.06.2011)
	// 2. LNG-08 (RTL 2007, 94, 1563 § 5 lg 4): isik puudus eksamilt 15.05.2011
	// 3. GEN-03 (RT I 2002, 35, 216 § 135 lg 1): tähtaeg hakkab kulgema 16.05.2011, tähtaja alguse päevale 15.05.2011 järgneval päeval
	// 4. GEN-03 (RT I 2002, 35, 216 § 136 lg 3): 3-kuuline tähtaeg lõpeb viimase kuu vastaval päeval 15.08.2011
	// 5. LNG-08 (RTL 2007, 94, 1563 § 5 lg 4): eksami võib uuesti sooritada mitte varem kui 3 kuu möödumisel eksamist 15.05.2011: ooteaeg lõpeb 15.08.2011, esimene lubatud eksamipäev on 16.08.2011
}

// A citizenship applicant who turns 65 before the exam registers as "B1-tase* (65 a ja vanem
// kodakondsuse taotleja)" (LNG-21): level B1, without the writing part; the age is taken from the
// personal code on the exam day.
func ExampleRulebook_Decide_senior() {
	code, _ := isikukood.Make(isikukood.Female, calendar.MustDate(1946, 9, 10), 27)
	d25 := decimal.NewFromInt(25)
	session := proficiency.Session{ID: "B1-2011-09-15", Organiser: "90008287", Level: proficiency.B1,
		Date: calendar.MustDate(2011, 9, 15), Start: "10:00", Centres: []string{"Tallinn"},
		Max: proficiency.PointsOf(d25, d25, d25, d25)}
	d, err := proficiency.Default().Decide(proficiency.Application{
		Person:  proficiency.Person{Name: "Galina Ivanova", Code: code, Citizenship: true},
		Session: session, Centre: "Tallinn", Channel: proficiency.Online, Senior: true,
		On: calendar.MustDate(2011, 8, 1),
	}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("allowed:", d.Allowed, "skills:", d.Skills.List(), "notice by", d.NoticeDue.Register())
	fmt.Println(d.Explanation.Render(law.English))
	// Output:
	// allowed: true skills: [listening reading speaking] notice by 16.08.2011
	// 1. GEN-04 (RT I, 16.06.2011, 6, version 01.07.2011): applied the version in force on 2011-09-15 (2011-07-01 – 2020-07-31)
	// 2. LNG-03 (RT I, 16.06.2011, 6 § 3 (2)): exam level B1
	// 3. LNG-05 (SA Innove, „Eesti keele tasemeeksamid: registreerumine” (innove.ee)): registration online in the state portal eesti.ee
	// 4. LNG-09 (SA Innove, „Eesti keele tasemeeksamid: registreerumine” (innove.ee)): the application was made on 01.08.2011, on or before the last day of registration, 01.08.2011
	// 5. LNG-07 (SA Innove, „Eesti keele tasemeeksamid: registreerumine” (innove.ee)): the person has no other active registration
	// 6. LNG-08 (SA Innove, „Eesti keele tasemeeksamid: registreerumine” (innove.ee)): no earlier exam started a wait
	// 7. LNG-21 (Kodakondsuse seadus § 8 (2) 4)): the citizenship applicant is 65 on the exam day 15.09.2011 by the personal code: level B1, exempt from writing; takes listening, reading, speaking
	// 8. GEN-03 (RT I 2002, 35, 216 § 135 (1)): the period starts running on 17.08.2011, the day after 16.08.2011, the day that starts it
	// 9. GEN-03 (RT I 2002, 35, 216 § 134 (2)): the 30-day period ends on its last day, 15.09.2011
	// 10. LNG-10 (SA Innove, „Eesti keele tasemeeksamid: registreerumine” (innove.ee)): the notice of the exam's time and place must reach the person at least 30 days before the exam on 15.09.2011, by 16.08.2011
	// 11. LNG-20 (RT I, 16.06.2011, 6): the registered person may attend free group consultations before the exam, 6 academic hours
}

// A result of 59.99 % does not pass (LNG-16: at least 60 % of the maximum).
func ExampleRulebook_ExplainGrade() {
	d25 := decimal.NewFromInt(25)
	g, e, err := proficiency.Default().ExplainGrade(proficiency.Sheet{
		Date: calendar.MustDate(2011, 9, 15),
		Max:  proficiency.PointsOf(d25, d25, d25, d25),
		Points: proficiency.PointsOf(decimal.NewFromInt(15), decimal.NewFromInt(15), decimal.NewFromInt(15),
			decimal.RequireFromString("14.99")),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("passed:", g.Passed, g.Percent(), "%")
	fmt.Println(e.Render(law.Estonian))
	// Output:
	// passed: false 59.99 %
	// 1. GEN-04 (RT I, 16.06.2011, 6, redaktsioon 01.07.2011): kohaldati 15.09.2011 kehtinud redaktsiooni (01.07.2011–31.07.2020)
	// 2. LNG-02 (RT I, 16.06.2011, 6 § 3 lg 1): osaoskuste punktid: kuulamine 15/25, lugemine 15/25, kirjutamine 15/25, rääkimine 14,99/25
	// 3. LNG-16 (RT I, 16.06.2011, 6): kokku 59,99 punkti 100-st (59,99 %); nõutav on vähemalt 60 %: eksam on sooritamata
}

// A result of exactly 60 % with one skill at 0 points does not pass either (LNG-16: no skill may
// score 0 points).
func ExampleRulebook_ExplainGrade_zeroSkill() {
	d25 := decimal.NewFromInt(25)
	g, e, _ := proficiency.Default().ExplainGrade(proficiency.Sheet{
		Date:   calendar.MustDate(2011, 9, 15),
		Max:    proficiency.PointsOf(d25, d25, d25, d25),
		Points: proficiency.PointsOf(d25, d25, decimal.NewFromInt(10), decimal.Zero),
	})
	fmt.Println("passed:", g.Passed, g.Percent(), "%", "zero:", g.ZeroSkill)
	fmt.Println(e.Render(law.English))
	// Output:
	// passed: false 60 % zero: speaking
	// 1. GEN-04 (RT I, 16.06.2011, 6, version 01.07.2011): applied the version in force on 2011-09-15 (2011-07-01 – 2020-07-31)
	// 2. LNG-02 (RT I, 16.06.2011, 6 § 3 (1)): points per skill: listening 25/25, reading 25/25, writing 10/25, speaking 0/25
	// 3. LNG-16 (RT I, 16.06.2011, 6): total 60 of 100 points (60 %), at least the 60 % needed, but speaking scored 0 points: the exam is not passed
}
