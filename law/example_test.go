package law_test

import (
	"errors"
	"fmt"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
)

// The wait before retaking an Estonian language proficiency exam (LNG-08) changed on 01.07.2011:
// three months under regulation nr 73 of 2007 (the version in force 01.10.2010–30.06.2011, § 5 (4)),
// six months from 01.07.2011 (the exam centre's notice, seed 003; regulation nr 24 of 13.06.2011, the
// section not verified, so none is cited). The exam date picks the version (GEN-04) and the decision
// names it (GEN-06). Each version's Name is its redaction date, which Render prefixes with
// "redaktsioon" or "version". The table holds only these two versions, so an earlier date is
// refused, not guessed.
func ExampleVersions_At() {
	wait := law.Versions[int]{
		{
			Name:     "01.10.2010",
			Citation: law.Citation{Act: "Haridus- ja teadusministri määrus nr 73", RT: "RTL 2007, 94, 1563", Section: "5", Subsection: "4"},
			Period:   law.Period{From: calendar.MustDate(2010, 10, 1), Until: calendar.MustDate(2011, 6, 30)},
			Rule:     3,
		},
		{
			Name:     "01.07.2011",
			Citation: law.Citation{Act: "Haridus- ja teadusministri määrus nr 24", RT: "RT I, 16.06.2011, 6"},
			Period:   law.Period{From: calendar.MustDate(2011, 7, 1)},
			Rule:     6,
		},
	}
	if err := wait.Check(); err != nil {
		fmt.Println(err)
	}

	for _, exam := range []calendar.Date{
		calendar.MustDate(2010, 10, 1),
		calendar.MustDate(2011, 6, 30),
		calendar.MustDate(2011, 7, 1),
		calendar.MustDate(2010, 9, 30),
	} {
		v, err := wait.At(exam)
		if errors.Is(err, law.ErrNoVersion) {
			fmt.Printf("%s: %v\n", exam, err)
			continue
		}
		fmt.Printf("%s: %d months (%s, version %s)\n", exam, v.Rule, v.Citation, v.Name)
	}

	exam := calendar.MustDate(2011, 6, 30)
	v, _ := wait.At(exam)
	var e law.Explanation
	e.AddStep(v.Step("LNG-08", exam))
	fmt.Println(e.Render(law.Estonian))
	fmt.Println(e.Render(law.English))
	// Output:
	// 2010-10-01: 3 months (RTL 2007, 94, 1563 § 5 lg 4, version 01.10.2010)
	// 2011-06-30: 3 months (RTL 2007, 94, 1563 § 5 lg 4, version 01.10.2010)
	// 2011-07-01: 6 months (RT I, 16.06.2011, 6, version 01.07.2011)
	// 2010-09-30: law: no version of the rule is in force on that date: 2010-09-30
	// 1. LNG-08 (RTL 2007, 94, 1563 § 5 lg 4, redaktsioon 01.10.2010): kohaldati 30.06.2011 kehtinud redaktsiooni (01.10.2010–30.06.2011)
	// 1. LNG-08 (RTL 2007, 94, 1563 § 5 (4), version 01.10.2010): applied the version in force on 2011-06-30 (2010-10-01 – 2011-06-30)
}

func ExampleCitation_Format() {
	c := law.Citation{Act: "Vabariigi Valitsuse määrus nr 113", RT: "RT I 2010, 58, 391", Section: "18", Subsection: "1", Point: "2"}
	fmt.Println(c.Format(law.Estonian))
	fmt.Println(c.Format(law.English))
	// Output:
	// RT I 2010, 58, 391 § 18 lg 1 p 2
	// RT I 2010, 58, 391 § 18 (1) 2)
}

// A host handles a refusal by a legal rule once for the whole SDK: errors.Is finds ErrRefused and
// the package's own category, errors.As the rule and the provision to show.
func ExampleRuleError() {
	errLate := errors.New("the period for contesting the decision has passed") // a package's category
	var err error = fmt.Errorf("contest: %w", &law.RuleError{
		Pkg: "application", Rule: "APP-09", Citation: "RT I 2001, 58, 354 § 75",
		Op: "contest application 12", Reason: "the decision could be contested until 02.05.2024", Err: errLate,
	})

	fmt.Println(errors.Is(err, law.ErrRefused), errors.Is(err, errLate))
	if re, ok := errors.AsType[*law.RuleError](err); ok {
		fmt.Println(re.Rule, re.Citation)
	}
	fmt.Println(err)
	// Output:
	// true true
	// APP-09 RT I 2001, 58, 354 § 75
	// contest: application: contest application 12: the period for contesting the decision has passed: the decision could be contested until 02.05.2024 (APP-09, RT I 2001, 58, 354 § 75)
}
