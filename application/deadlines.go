package application

import (
	"strconv"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/deadline"
	"github.com/kutsekit/kutse/law"
)

// The periods of the contest (vaie) of a decision (APP-09).
const (
	// ContestDays is the period for contesting a decision: 30 days from the day the applicant
	// learned of it (HMS § 75).
	ContestDays = 30
	// ContestDecisionDays is the period for deciding a contest: 10 days from its filing (HMS § 84).
	ContestDecisionDays = 10
	// MaxContestExtension is how many days the period of deciding may be extended by, in all
	// (HMS § 84: "kuni 30 päeva võrra").
	MaxContestExtension = 30
	// DefaultCompletionDays is the period given to complete an application where the body names
	// none (the SDK's choice; HMS § 15 (2) leaves it to the authority).
	DefaultCompletionDays = 14
	// MaxCompletionDays is the longest period the body may give to complete an application (the
	// SDK's bound).
	MaxCompletionDays = 90
)

// ContestPeriod implements the first half of APP-09: a decision may be contested within 30 days of
// the day the applicant learned of it (HMS § 75), counted by package deadline (GEN-03: from the
// next day, a due date on a day off moved to the next working day).
func ContestPeriod(learned calendar.Date) (deadline.Deadline, error) {
	d, err := deadline.Days(learned, ContestDays)
	if err != nil {
		return d, err
	}
	note(&d, "vaide esitamise tähtaeg: 30 päeva otsusest teadasaamisest", "the period for contesting the decision: 30 days from learning of it", "75")
	return d, nil
}

// ContestDecisionPeriod implements the second half of APP-09: a contest is decided within 10 days
// of its filing, a period that may be extended by up to 30 days (HMS § 84): the period of deciding
// is 10 + extended days from the day filed.
func ContestDecisionPeriod(filed calendar.Date, extended int) (deadline.Deadline, error) {
	d, err := deadline.Days(filed, ContestDecisionDays+extended)
	if err != nil {
		return d, err
	}
	if extended > 0 {
		note(&d, "vaie vaadatakse läbi 10 päeva jooksul; tähtaega on pikendatud "+strconv.Itoa(extended)+" päeva võrra",
			"the contest is decided within 10 days; the period was extended by "+strconv.Itoa(extended)+" days", "84")
	} else {
		note(&d, "vaie vaadatakse läbi 10 päeva jooksul selle esitamisest", "the contest is decided within 10 days of its filing", "84")
	}
	return d, nil
}

// note puts the step naming APP-09 and its provision before the deadline's own steps.
func note(d *deadline.Deadline, et, en, section string) {
	steps := append([]law.Step{{Rule: RuleContest, Citation: hms.At(section, "", ""), Et: et, En: en}}, d.Explanation.Steps...)
	d.Explanation = law.Explanation{Steps: steps}
}

// Tracked is one deadline of an application and where it stands on a date.
type Tracked struct {
	What     string            // "completion", "contest" (filing it) or "contest-decision"
	Rule     string            // the rule that sets it
	Deadline deadline.Deadline // the period and its due date, with the explanation
	Done     calendar.Date     // the day the act was done; zero when not yet
	State    deadline.State    // met, due, pending or missed on the date asked
	Step     law.Step          // why it stands so
}

// Track returns the deadlines of application a on day asOf (GEN-03, deadline.Check): the completion
// asked for (APP-08), the contest of a refusal (APP-09: to file it, while it can be filed or once it
// was), and the decision on a contest (APP-09). A deadline whose period has not started is not
// listed.
func Track(a *Application, asOf calendar.Date) ([]Tracked, error) {
	var out []Tracked
	add := func(what, rule string, dl deadline.Deadline, done calendar.Date) {
		st, step := dl.Check(done, asOf)
		out = append(out, Tracked{What: what, Rule: rule, Deadline: dl, Done: done, State: st, Step: step})
	}
	if c := &a.Completion; !c.Requested.IsZero() {
		dl, err := deadline.Days(c.Requested, c.Days)
		if err != nil {
			return nil, err
		}
		add("completion", RuleProcess, dl, c.Completed)
	}
	if a.Decision.Outcome == OutcomeRefusal || !a.Contest.IsZero() {
		learned := a.Contest.Learned
		if learned.IsZero() {
			learned = a.Decision.On
		}
		if !learned.IsZero() {
			dl, err := ContestPeriod(learned)
			if err != nil {
				return nil, err
			}
			add("contest", RuleContest, dl, a.Contest.Filed)
		}
	}
	if !a.Contest.IsZero() {
		dl, err := ContestDecisionPeriod(a.Contest.Filed, a.Contest.Extended)
		if err != nil {
			return nil, err
		}
		add("contest-decision", RuleContest, dl, a.Contest.Decided)
	}
	return out, nil
}
