package deadline

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
)

// Rule is the ID, in RULES.md, of the rule every deadline applies.
const Rule = "GEN-03"

// The acts a deadline cites.
var (
	tsus = law.Citation{Act: "Tsiviilseadustiku üldosa seadus", RT: "RT I 2002, 35, 216"}
	pts  = law.Citation{Act: "Pühade ja tähtpäevade seadus", RT: "RT I 1998, 13, 162"}
)

// Unit is the unit a period is set in (TsÜS § 134 (2)).
type Unit uint8

// The units of a period.
const (
	Day        Unit = iota + 1 // calendar days (päev)
	Week                       // weeks of seven days (nädal)
	Month                      // calendar months (kuu)
	Year                       // calendar years (aasta)
	WorkingDay                 // working days (tööpäev): not Saturday, Sunday or a public holiday
)

// String returns the unit in English, plural: "days", "weeks", "months", "years", "working days".
func (u Unit) String() string {
	switch u {
	case Day:
		return "days"
	case Week:
		return "weeks"
	case Month:
		return "months"
	case Year:
		return "years"
	case WorkingDay:
		return "working days"
	}
	return "Unit(" + strconv.Itoa(int(u)) + ")"
}

// words returns the adjective for a period of n units, "15-päevane" and "15-day".
func (u Unit) words(n int) (et, en string) {
	s := strconv.Itoa(n)
	switch u {
	case Day:
		return s + "-päevane", s + "-day"
	case Week:
		return s + "-nädalane", s + "-week"
	case Month:
		return s + "-kuuline", s + "-month"
	case Year:
		return s + "-aastane", s + "-year"
	}
	return s + "-tööpäevane", s + "-working-day"
}

// Errors wrapped by the *Error the constructors return. Match them with errors.Is. Each is bad input
// and wraps invalid.ErrInvalid (see package invalid).
var (
	ErrTrigger     = invalid.New("trigger date is zero or not a real date")
	ErrLength      = invalid.New("period length must be at least 1")
	ErrUnit        = invalid.New("unknown unit")
	ErrUnsupported = invalid.New("date outside the supported range")
)

// Error reports a deadline that could not be computed: which call, on what input, and why (one of
// [ErrTrigger], [ErrLength], [ErrUnit] or [ErrUnsupported]).
type Error struct {
	Trigger calendar.Date // the trigger date given
	N       int           // the length given
	Unit    Unit          // the unit asked for
	Err     error         // the sentinel: what was wrong
}

// Error implements error.
func (e *Error) Error() string {
	from := "the zero date"
	if !e.Trigger.IsZero() {
		from = fmt.Sprintf("%04d-%02d-%02d", e.Trigger.Year, int(e.Trigger.Month), e.Trigger.Day)
	}
	return fmt.Sprintf("deadline: %d %s from %s: %v", e.N, e.Unit, from, e.Err)
}

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

// lastDay is the last day a deadline may fall on.
var lastDay = calendar.MustDate(9999, 12, 31)

// Deadline is a legal period (tähtaeg) and its due date (tähtpäev), computed under TsÜS §§ 135–137
// and the public holidays in force (GEN-03), with the steps that led to it (GEN-06).
type Deadline struct {
	Trigger     calendar.Date   // the day of the event the period runs from; not counted (TsÜS § 135 (1))
	N           int             // the length of the period, in Unit
	Unit        Unit            // what N counts
	Start       calendar.Date   // the first day of the period: the day after Trigger
	End         calendar.Date   // the due date by counting, before TsÜS § 136 (8)
	Due         calendar.Date   // the due date: End, or the first working day after it; the act may be done until 24:00
	Moved       bool            // Due is later than End, because End was not a working day (TsÜS § 136 (8))
	Explanation law.Explanation // the steps, each citing its provision, in Estonian and English
}

// Days returns the deadline of a period of n days from trigger: it ends n days after trigger
// (2024-06-14 + 15 days = 2024-06-29), and a due date on a Saturday, Sunday or public holiday moves
// to the next working day.
func Days(trigger calendar.Date, n int) (Deadline, error) { return New(trigger, n, Day) }

// Weeks returns the deadline of a period of n weeks from trigger: it ends on the same weekday as
// trigger, n weeks later, moved to the next working day if that is not one.
func Weeks(trigger calendar.Date, n int) (Deadline, error) { return New(trigger, n, Week) }

// Months returns the deadline of a period of n months from trigger: it ends on the corresponding
// day of the last month, or on that month's last day if it has none (2024-01-31 + 1 month =
// 2024-02-29), moved to the next working day if that is not one.
func Months(trigger calendar.Date, n int) (Deadline, error) { return New(trigger, n, Month) }

// Years returns the deadline of a period of n years from trigger: it ends on the corresponding day
// of the last year (29 February on 28 February in a common year), moved to the next working day if
// that is not one.
func Years(trigger calendar.Date, n int) (Deadline, error) { return New(trigger, n, Year) }

// WorkingDays returns the deadline of a period of n working days from trigger ("within five working
// days"): the n-th working day after trigger, counting only days that are not a Saturday, Sunday or
// public holiday. It never needs moving.
func WorkingDays(trigger calendar.Date, n int) (Deadline, error) { return New(trigger, n, WorkingDay) }

// New returns the deadline of a period of n units from trigger. It returns an *Error wrapping
// [ErrTrigger] for a zero or invalid trigger, [ErrLength] for n < 1, [ErrUnit] for an unknown unit,
// and [ErrUnsupported] for a trigger before 1 January 1994 (the SDK knows no public holidays
// before [calendar.FirstYear]) or a due date after 9999.
func New(trigger calendar.Date, n int, u Unit) (Deadline, error) {
	fail := func(err error) (Deadline, error) {
		return Deadline{}, &Error{Trigger: trigger, N: n, Unit: u, Err: err}
	}
	switch {
	case u < Day || u > WorkingDay:
		return fail(ErrUnit)
	case trigger.IsZero() || !trigger.IsValid():
		return fail(ErrTrigger)
	case n < 1:
		return fail(ErrLength)
	case trigger.Year < calendar.FirstYear:
		return fail(ErrUnsupported)
	}
	// Bound n before any arithmetic, so that a huge n cannot overflow or loop for long: every unit
	// is at least a day, and a period of months or years at least 28 days a month.
	room := lastDay.DaysSince(trigger)
	if n > room || (u == Week && n > room/7) || (u == Month && n > room/28) || (u == Year && n > room/365) {
		return fail(ErrUnsupported)
	}

	dl := Deadline{Trigger: trigger, N: n, Unit: u, Start: trigger.AddDays(1)}
	e := &dl.Explanation
	periodEt, periodEn := u.words(n)
	e.Add(Rule, tsus.At("135", "1", ""),
		"tähtaeg hakkab kulgema "+dl.Start.Register()+", tähtaja alguse päevale "+trigger.Register()+" järgneval päeval",
		"the period starts running on "+dl.Start.Register()+", the day after "+trigger.Register()+", the day that starts it")

	switch u {
	case Day:
		dl.End = trigger.AddDays(n)
		e.Add(Rule, tsus.At("134", "2", ""),
			periodEt+" tähtaeg lõpeb tähtaja viimasel päeval "+dl.End.Register(),
			"the "+periodEn+" period ends on its last day, "+dl.End.Register())
	case Week:
		dl.End = trigger.AddDays(7 * n)
		e.Add(Rule, tsus.At("136", "", ""),
			periodEt+" tähtaeg lõpeb viimase nädala vastaval päeval ("+calendar.WeekdayEt(trigger.Weekday())+") "+dl.End.Register(),
			"the "+periodEn+" period ends on the corresponding day ("+trigger.Weekday().String()+") of its last week, "+dl.End.Register())
	case Month, Year:
		sub, months, unitEt, unitEn := "3", n, "kuu", "month"
		if u == Year {
			sub, months, unitEt, unitEn = "2", 12*n, "aasta", "year"
		}
		dl.End = trigger.AddMonths(months)
		if dl.End.Day == trigger.Day {
			e.Add(Rule, tsus.At("136", sub, ""),
				periodEt+" tähtaeg lõpeb viimase "+unitEt+" vastaval päeval "+dl.End.Register(),
				"the "+periodEn+" period ends on the corresponding day of its last "+unitEn+", "+dl.End.Register())
		} else {
			e.Add(Rule, tsus.At("136", sub, ""),
				periodEt+" tähtaja viimases kuus ("+calendar.MonthEt(dl.End.Month)+" "+strconv.Itoa(dl.End.Year)+
					") ei ole vastavat päeva ("+strconv.Itoa(trigger.Day)+"); tähtaeg lõpeb kuu viimasel päeval "+dl.End.Register(),
				"the last month of the "+periodEn+" period ("+dl.End.Month.String()+" "+strconv.Itoa(dl.End.Year)+
					") has no corresponding day ("+strconv.Itoa(trigger.Day)+"); the period ends on that month's last day, "+dl.End.Register())
		}
	case WorkingDay:
		dl.End = calendar.AddWorkingDays(trigger, n)
		if dl.End.After(lastDay) || !dl.End.IsValid() {
			return fail(ErrUnsupported)
		}
		et, en := periodEt+" tähtaeg: arvestatakse ainult tööpäevi (mitte laupäevi, pühapäevi ega riigipühi); "+
			strconv.Itoa(n)+". tööpäev on "+dl.End.Register(),
			"the "+periodEn+" period counts working days only (not Saturdays, Sundays or public holidays); working day "+
				strconv.Itoa(n)+" is "+dl.End.Register()
		e.Add(Rule, tsus.At("134", "2", ""), et, en)
		if het, hen := holidaysBetween(dl.Start, dl.End); het != "" {
			e.Add(Rule, pts.At("2", "", ""),
				"tööpäevade hulka ei arvata riigipühi: "+het,
				"public holidays are not working days: "+hen)
		}
	}

	dl.Due = dl.End
	if !calendar.IsWorkingDay(dl.End) {
		dl.Due = calendar.NextWorkingDay(dl.End)
		dl.Moved = true
		whyEt, whyEn := dayOff(dl.End)
		step := law.Step{Rule: Rule, Citation: tsus.At("136", "8", ""),
			Et: "tähtpäev " + dl.End.Register() + " on " + whyEt + "; tähtpäev nihkub järgmisele tööpäevale " + dl.Due.Register(),
			En: "the due date " + dl.End.Register() + " is " + whyEn + "; it moves to the next working day, " + dl.Due.Register()}
		e.AddStep(step)
		if het, hen := holidaysBetween(dl.End.AddDays(1), dl.Due.AddDays(-1)); het != "" {
			e.Add(Rule, pts.At("2", "", ""), "ka need päevad on puhkepäevad: "+het, "these days are days off too: "+hen)
		}
	}
	if dl.Due.After(lastDay) || !dl.Due.IsValid() {
		return fail(ErrUnsupported)
	}
	e.Add(Rule, tsus.At("137", "1", ""),
		"tähtaeg möödub "+dl.Due.Register()+" kell 24.00 ("+dl.Due.LongEt()+")",
		"the period ends at 24:00 on "+dl.Due.Register()+" ("+dl.Due.LongEn()+")")
	return dl, nil
}

// dayOff says why d is not a working day: "laupäev" / "a Saturday", or the holiday's name.
func dayOff(d calendar.Date) (et, en string) {
	if h, ok := calendar.IsHoliday(d); ok {
		return "riigipüha (" + h.Name + ")", "a public holiday (" + h.NameEn + ")"
	}
	wd := d.Weekday()
	if wd == time.Saturday || wd == time.Sunday {
		return calendar.WeekdayEt(wd), "a " + wd.String()
	}
	return "puhkepäev", "a day off"
}

// holidaysBetween lists the public holidays in [from, to] on days that would otherwise be
// working days (Monday–Friday), as "24.06.2024 jaanipäev", in Estonian and English.
func holidaysBetween(from, to calendar.Date) (et, en string) {
	var bet, ben strings.Builder
	for y := from.Year; y <= to.Year; y++ {
		for _, o := range calendar.HolidaysIn(y) {
			if o.Date.Before(from) || o.Date.After(to) {
				continue
			}
			if wd := o.Date.Weekday(); wd == time.Saturday || wd == time.Sunday {
				continue
			}
			if bet.Len() > 0 {
				bet.WriteString(", ")
				ben.WriteString(", ")
			}
			bet.WriteString(o.Date.Register() + " " + o.Holiday.Name)
			ben.WriteString(o.Date.Register() + " " + o.Holiday.NameEn)
		}
	}
	return bet.String(), ben.String()
}

// State is where a deadline stands on a given day.
type State uint8

// The states of a deadline.
const (
	Pending State = iota + 1 // the act is not done and the due date is still to come
	Due                      // the act is not done and today is the due date: the last day
	Met                      // the act was done on or before the due date
	Missed                   // the act was done after the due date, or is not done and the due date has passed
)

// String returns the state in English, lower case: "pending", "due", "met" or "missed".
func (s State) String() string {
	switch s {
	case Pending:
		return "pending"
	case Due:
		return "due"
	case Met:
		return "met"
	case Missed:
		return "missed"
	}
	return "State(" + strconv.Itoa(int(s)) + ")"
}

// Et returns the state in Estonian: "tähtaeg kulgeb", "täna on tähtpäev", "tähtaeg on järgitud"
// or "tähtaeg on möödunud".
func (s State) Et() string {
	switch s {
	case Pending:
		return "tähtaeg kulgeb"
	case Due:
		return "täna on tähtpäev"
	case Met:
		return "tähtaeg on järgitud"
	case Missed:
		return "tähtaeg on möödunud"
	}
	return s.String()
}

// Check returns where the deadline stands on asOf, given the day done the act was done (zero when
// it is not done), with the step that explains it. An act done on or before Due meets the deadline
// (TsÜS § 137 (1): the period ends at 24:00 of the due date), whatever asOf is; one done later
// misses it. An act not done is Pending before Due, Due on Due and Missed after it. A zero asOf
// counts as a day before every due date. Check reads no clock: the caller passes asOf.
func (d Deadline) Check(done, asOf calendar.Date) (State, law.Step) {
	var s State
	switch {
	case !done.IsZero() && !done.After(d.Due):
		s = Met
	case !done.IsZero():
		s = Missed
	case asOf.IsZero() || asOf.Before(d.Due):
		s = Pending
	case asOf == d.Due:
		s = Due
	default:
		s = Missed
	}
	step := law.Step{Rule: Rule, Citation: tsus.At("137", "1", "")}
	due := d.Due.Register()
	switch s {
	case Met:
		step.Et = "toiming tehti " + done.Register() + ", hiljemalt tähtpäeval " + due + ": " + s.Et()
		step.En = "the act was done on " + done.Register() + ", by the due date " + due + ": the deadline was met"
	case Missed:
		if done.IsZero() {
			step.Et = "toimingut ei ole tehtud ja tähtpäev " + due + " on möödunud (" + asOf.Register() + "): " + s.Et()
			step.En = "the act is not done and the due date " + due + " has passed (" + asOf.Register() + "): the deadline was missed"
		} else {
			step.Et = "toiming tehti " + done.Register() + ", pärast tähtpäeva " + due + ": " + s.Et()
			step.En = "the act was done on " + done.Register() + ", after the due date " + due + ": the deadline was missed"
		}
	case Due:
		step.Et = "toimingut ei ole tehtud; täna (" + asOf.Register() + ") on tähtpäev, kuni kella 24.00-ni"
		step.En = "the act is not done; today (" + asOf.Register() + ") is the due date, until 24:00"
	case Pending:
		step.Et = "toimingut ei ole tehtud; tähtpäev on " + due + ": " + s.Et()
		step.En = "the act is not done; the due date is " + due + ": the period is running"
	}
	return s, step
}

// Status returns where the deadline stands on asOf when the act is not (yet) done: Pending, Due or
// Missed. It is Check with a zero done, without the step.
func (d Deadline) Status(asOf calendar.Date) State {
	s, _ := d.Check(calendar.Date{}, asOf)
	return s
}
