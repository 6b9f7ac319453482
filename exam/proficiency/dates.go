package proficiency

import (
	"strconv"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/deadline"
	"github.com/kutsekit/kutse/law"
)

// counting returns the steps of dl that count the period (TsÜS § 135 (1), § 134 (2), § 136 (2)–(3)),
// without those that move a due date off a day off (§ 136 (8)) or say when it ends (§ 137): a
// waiting period or a period counted back from the exam is not a due date for an act.
func counting(dl deadline.Deadline) []law.Step {
	var out []law.Step
	for _, s := range dl.Explanation.Steps {
		c := s.Citation
		if c.Section == "135" || (c.Section == "134" && c.Subsection == "2") || (c.Section == "136" && c.Subsection != "8") {
			out = append(out, s)
		}
	}
	return out
}

// closes returns the day registration for an exam on exam closes under v (LNG-09).
func closes(v *law.Version[Rules], exam calendar.Date) calendar.Date {
	return calendar.Date{Year: exam.Year, Month: exam.Month, Day: 1}.AddMonths(-v.Rule.CloseMonthsBefore)
}

// RegistrationCloses returns the last day a person may register for an exam on exam: the 1st day of
// the month before the exam's month (LNG-09, seed 003: "registreerumine lõpeb eksamile eelneva kuu
// 1. kuupäeval"). Registration on that day is still in time.
func (rb Rulebook) RegistrationCloses(exam calendar.Date) (calendar.Date, law.Explanation, error) {
	var e law.Explanation
	v, step, err := rb.version(exam)
	if err != nil {
		return calendar.Date{}, e, err
	}
	d := closes(v, exam)
	e.AddStep(step)
	e.Add("LNG-09", cite(v, "LNG-09"),
		"registreerumine "+exam.Register()+" toimuvale eksamile lõpeb eksamile eelneva kuu 1. kuupäeval, "+d.Register(),
		"registration for the exam on "+exam.Register()+" closes on the 1st day of the month before the exam's month, "+d.Register())
	return d, e, nil
}

// firstOpenExam returns the first day of the earliest exam month registration on day on is still
// open for under v.
func firstOpenExam(v *law.Version[Rules], on calendar.Date) calendar.Date {
	m := calendar.Date{Year: on.Year, Month: on.Month, Day: 1}
	if on.Day != 1 {
		m = m.AddMonths(1)
	}
	return m.AddMonths(v.Rule.CloseMonthsBefore)
}

// NoticeDue returns the last day the notice of the exam's time and place may reach the person: at
// least 30 days before the exam (LNG-10, 004 § 5 (5): "hiljemalt 30 päeva enne eksami toimumist").
// A 30-day period counted from that day ends on the exam day (TsÜS § 134 (2)); the day is not moved
// off a day off, as moving it later would shorten the notice.
func (rb Rulebook) NoticeDue(exam calendar.Date) (calendar.Date, law.Explanation, error) {
	var e law.Explanation
	v, step, err := rb.version(exam)
	if err != nil {
		return calendar.Date{}, e, err
	}
	e.AddStep(step)
	due, steps, err := noticeDue(v, exam)
	if err != nil {
		return calendar.Date{}, e, err
	}
	e.Steps = append(e.Steps, steps...)
	return due, e, nil
}

func noticeDue(v *law.Version[Rules], exam calendar.Date) (calendar.Date, []law.Step, error) {
	n := v.Rule.NoticeDays
	due := exam.AddDays(-n)
	dl, err := deadline.Days(due, n)
	if err != nil {
		return calendar.Date{}, nil, err
	}
	steps := counting(dl)
	steps = append(steps, law.Step{Rule: "LNG-10", Citation: cite(v, "LNG-10"),
		Et: "eksami aja ja koha teade peab jõudma isikuni vähemalt " + strconv.Itoa(n) + " päeva enne eksamit " + exam.Register() + ", hiljemalt " + due.Register(),
		En: "the notice of the exam's time and place must reach the person at least " + strconv.Itoa(n) + " days before the exam on " + exam.Register() + ", by " + due.Register()})
	return due, steps, nil
}

// ResultDue returns the deadline for making the result known: within 30 days of the exam (LNG-18,
// 004 § 7 (6); 003: "hiljemalt 30 päeva möödumisel eksami sooritamisest"). It is a due date for an
// act, so one on a day off moves to the next working day (TsÜS § 136 (8)).
func (rb Rulebook) ResultDue(exam calendar.Date) (deadline.Deadline, law.Explanation, error) {
	var e law.Explanation
	v, step, err := rb.version(exam)
	if err != nil {
		return deadline.Deadline{}, e, err
	}
	dl, err := deadline.Days(exam, v.Rule.ResultDays)
	if err != nil {
		return deadline.Deadline{}, e, err
	}
	e.AddStep(step)
	e.Append(dl.Explanation)
	e.Add("LNG-18", cite(v, "LNG-18"),
		"eksami tulemus tehakse isikule teatavaks "+strconv.Itoa(v.Rule.ResultDays)+" päeva jooksul eksamist, hiljemalt "+dl.Due.Register(),
		"the result is made known within "+strconv.Itoa(v.Rule.ResultDays)+" days of the exam, by "+dl.Due.Register())
	return dl, e, nil
}

// ExplanationDue returns the deadline for the explanation, with evidence, of a person absent for a
// good reason who wants to sit again before the retake wait ends (LNG-08, 003: "30 päeva jooksul").
// It is a due date for an act (TsÜS § 136 (8) applies). Under a version with no such explanation
// (004) it returns a *Refusal wrapping ErrState.
func (rb Rulebook) ExplanationDue(exam calendar.Date) (deadline.Deadline, law.Explanation, error) {
	var e law.Explanation
	v, step, err := rb.version(exam)
	if err != nil {
		return deadline.Deadline{}, e, err
	}
	e.AddStep(step)
	dl, err := explanationDue(v, exam)
	if err != nil {
		return deadline.Deadline{}, e, err
	}
	e.Append(dl.Explanation)
	return dl, e, nil
}

func explanationDue(v *law.Version[Rules], exam calendar.Date) (deadline.Deadline, error) {
	if v.Rule.Retake.ExplanationDays < 1 {
		return deadline.Deadline{}, &Refusal{Rule: "LNG-08", Citation: cite(v, "LNG-08"), Version: v.Name,
			Op: "explanation of an absence", Err: ErrState,
			Et: "selles redaktsioonis ei ole puudumise põhjuse selgitust: iga puudumine toob kaasa ooteaja",
			En: "this version has no explanation of an absence: every absence starts the wait"}
	}
	return deadline.Days(exam, v.Rule.Retake.ExplanationDays)
}

// KeepWorks returns the last day the exam works of an exam on exam are kept (five years, LNG-19,
// 004 § 7 (7)) and the first day they may be destroyed, the day after.
func (rb Rulebook) KeepWorks(exam calendar.Date) (until, destroyFrom calendar.Date, e law.Explanation, err error) {
	v, step, err := rb.version(exam)
	if err != nil {
		return calendar.Date{}, calendar.Date{}, e, err
	}
	dl, err := deadline.Years(exam, v.Rule.KeepYears)
	if err != nil {
		return calendar.Date{}, calendar.Date{}, e, err
	}
	e.AddStep(step)
	e.Steps = append(e.Steps, counting(dl)...)
	until, destroyFrom = dl.End, dl.End.AddDays(1)
	e.Add("LNG-19", cite(v, "LNG-19"),
		"eksamitöid säilitatakse "+strconv.Itoa(v.Rule.KeepYears)+" aastat, kuni "+until.Register()+"; hävitada võib alates "+destroyFrom.Register(),
		"exam works are kept "+strconv.Itoa(v.Rule.KeepYears)+" years, until "+until.Register()+"; they may be destroyed from "+destroyFrom.Register())
	return until, destroyFrom, e, nil
}
