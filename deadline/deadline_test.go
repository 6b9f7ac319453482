package deadline_test

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/deadline"
	"github.com/kutsekit/kutse/law"
)

func date(t testing.TB, s string) calendar.Date {
	t.Helper()
	d, err := calendar.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestNew_GEN03 checks due dates on boundary days: the start day excluded (TsÜS § 135 (1)), the
// month-end rule (§ 136 (3)), moving off Saturdays, Sundays and holidays (§ 136 (8)), and the
// holidays in force in each year.
func TestNew_GEN03(t *testing.T) {
	tests := []struct {
		trigger string
		n       int
		unit    deadline.Unit
		end     string
		due     string
	}{
		{"2024-06-14", 15, deadline.Day, "2024-06-29", "2024-07-01"}, // Saturday
		{"2024-06-11", 10, deadline.Day, "2024-06-21", "2024-06-21"}, // Friday: stays
		{"2024-06-08", 15, deadline.Day, "2024-06-23", "2024-06-25"}, // Sunday võidupüha, Monday jaanipäev
		{"2024-06-03", 21, deadline.Day, "2024-06-24", "2024-06-25"}, // Monday jaanipäev
		{"2024-06-13", 30, deadline.Day, "2024-07-13", "2024-07-15"},
		{"2024-06-13", 1, deadline.Day, "2024-06-14", "2024-06-14"},
		{"1997-08-10", 10, deadline.Day, "1997-08-20", "1997-08-20"}, // not yet a day off
		{"1998-08-10", 10, deadline.Day, "1998-08-20", "1998-08-21"}, // a day off from 1998
		{"2004-12-14", 10, deadline.Day, "2004-12-24", "2004-12-24"}, // not yet a day off
		{"2007-12-14", 10, deadline.Day, "2007-12-24", "2007-12-27"}, // a day off from 2005
		{"2024-03-19", 10, deadline.Day, "2024-03-29", "2024-04-01"}, // suur reede
		{"2024-12-22", 10, deadline.Day, "2025-01-01", "2025-01-02"}, // uusaasta, across the year
		{"2024-06-14", 2, deadline.Week, "2024-06-28", "2024-06-28"},
		{"2024-06-10", 2, deadline.Week, "2024-06-24", "2024-06-25"},
		{"2024-01-31", 1, deadline.Month, "2024-02-29", "2024-02-29"}, // month end, leap year
		{"2023-01-31", 1, deadline.Month, "2023-02-28", "2023-02-28"},
		{"2024-05-31", 1, deadline.Month, "2024-06-30", "2024-07-01"}, // month end on a Sunday
		{"2024-03-29", 1, deadline.Month, "2024-04-29", "2024-04-29"},
		{"2024-11-24", 1, deadline.Month, "2024-12-24", "2024-12-27"},
		{"2024-08-31", 6, deadline.Month, "2025-02-28", "2025-02-28"},
		{"2024-02-29", 1, deadline.Year, "2025-02-28", "2025-02-28"},
		{"2023-06-24", 1, deadline.Year, "2024-06-24", "2024-06-25"},
		{"2024-06-20", 5, deadline.WorkingDay, "2024-06-28", "2024-06-28"},
		{"2024-12-20", 5, deadline.WorkingDay, "2025-01-02", "2025-01-02"},
		{"2024-06-22", 1, deadline.WorkingDay, "2024-06-25", "2024-06-25"}, // from a Saturday
	}
	for _, tt := range tests {
		trigger := date(t, tt.trigger)
		dl, err := deadline.New(trigger, tt.n, tt.unit)
		if err != nil {
			t.Errorf("New(%s, %d, %s) error = %v", tt.trigger, tt.n, tt.unit, err)
			continue
		}
		end, due := date(t, tt.end), date(t, tt.due)
		if dl.End != end || dl.Due != due || dl.Moved != (end != due) {
			t.Errorf("New(%s, %d, %s) = end %s, due %s, moved %v; want %s, %s, %v",
				tt.trigger, tt.n, tt.unit, dl.End, dl.Due, dl.Moved, end, due, end != due)
		}
		if dl.Trigger != trigger || dl.Start != trigger.AddDays(1) || dl.N != tt.n || dl.Unit != tt.unit {
			t.Errorf("New(%s, %d, %s) = %+v: trigger, start, n or unit wrong", tt.trigger, tt.n, tt.unit, dl)
		}
		if got := dl.Explanation.Rules(); !slices.Equal(got, []string{"GEN-03"}) {
			t.Errorf("New(%s, %d, %s).Explanation.Rules() = %v; want [GEN-03]", tt.trigger, tt.n, tt.unit, got)
		}
		moved := slices.ContainsFunc(dl.Explanation.Steps, func(s law.Step) bool {
			return s.Citation.Section == "136" && s.Citation.Subsection == "8"
		})
		if moved != dl.Moved {
			t.Errorf("New(%s, %d, %s): a TsÜS § 136 lg 8 step is %v; want %v", tt.trigger, tt.n, tt.unit, moved, dl.Moved)
		}
	}
	// The helpers are New with their unit.
	trigger := date(t, "2024-06-14")
	for _, tt := range []struct {
		f func(calendar.Date, int) (deadline.Deadline, error)
		u deadline.Unit
	}{
		{deadline.Days, deadline.Day}, {deadline.Weeks, deadline.Week}, {deadline.Months, deadline.Month},
		{deadline.Years, deadline.Year}, {deadline.WorkingDays, deadline.WorkingDay},
	} {
		a, err1 := tt.f(trigger, 3)
		b, err2 := deadline.New(trigger, 3, tt.u)
		if err1 != nil || err2 != nil || a.Due != b.Due || a.Unit != tt.u {
			t.Errorf("%s helper = %v, %v; New = %v, %v", tt.u, a.Due, err1, b.Due, err2)
		}
	}
}

// TestNew_GEN03_explanation checks the wording of each step, in Estonian and English.
func TestNew_GEN03_explanation(t *testing.T) {
	dl, err := deadline.Days(date(t, "2024-06-14"), 15)
	if err != nil {
		t.Fatal(err)
	}
	wantEt := `1. GEN-03 (RT I 2002, 35, 216 § 135 lg 1): tähtaeg hakkab kulgema 15.06.2024, tähtaja alguse päevale 14.06.2024 järgneval päeval
2. GEN-03 (RT I 2002, 35, 216 § 134 lg 2): 15-päevane tähtaeg lõpeb tähtaja viimasel päeval 29.06.2024
3. GEN-03 (RT I 2002, 35, 216 § 136 lg 8): tähtpäev 29.06.2024 on laupäev; tähtpäev nihkub järgmisele tööpäevale 01.07.2024
4. GEN-03 (RT I 2002, 35, 216 § 137 lg 1): tähtaeg möödub 01.07.2024 kell 24.00 (1. juulil 2024)`
	if got := dl.Explanation.Render(law.Estonian); got != wantEt {
		t.Errorf("Render(Estonian) =\n%s\nwant\n%s", got, wantEt)
	}
	wantEn := `1. GEN-03 (RT I 2002, 35, 216 § 135 (1)): the period starts running on 15.06.2024, the day after 14.06.2024, the day that starts it
2. GEN-03 (RT I 2002, 35, 216 § 134 (2)): the 15-day period ends on its last day, 29.06.2024
3. GEN-03 (RT I 2002, 35, 216 § 136 (8)): the due date 29.06.2024 is a Saturday; it moves to the next working day, 01.07.2024
4. GEN-03 (RT I 2002, 35, 216 § 137 (1)): the period ends at 24:00 on 01.07.2024 (1 July 2024)`
	if got := dl.Explanation.Render(law.English); got != wantEn {
		t.Errorf("Render(English) =\n%s\nwant\n%s", got, wantEn)
	}

	// A holiday as the reason, and the holidays counted out of working days.
	tests := []struct {
		trigger string
		n       int
		unit    deadline.Unit
		want    []string // substrings of the Estonian rendering
	}{
		{"2024-06-03", 21, deadline.Day, []string{"tähtpäev 24.06.2024 on riigipüha (jaanipäev)", "nihkub järgmisele tööpäevale 25.06.2024"}},
		{"2024-06-08", 15, deadline.Day, []string{"tähtpäev 23.06.2024 on riigipüha (võidupüha)",
			"ka need päevad on puhkepäevad: 24.06.2024 jaanipäev", "nihkub järgmisele tööpäevale 25.06.2024"}},
		{"2024-01-31", 1, deadline.Month, []string{"§ 136 lg 3", "viimases kuus (veebruar 2024) ei ole vastavat päeva (31)",
			"kuu viimasel päeval 29.02.2024"}},
		{"2024-06-14", 1, deadline.Month, []string{"§ 136 lg 3", "1-kuuline tähtaeg lõpeb viimase kuu vastaval päeval 14.07.2024",
			"nihkub järgmisele tööpäevale 15.07.2024"}},
		{"2024-02-29", 1, deadline.Year, []string{"§ 136 lg 2", "(veebruar 2025) ei ole vastavat päeva (29)"}},
		{"2024-06-14", 2, deadline.Week, []string{"§ 136)", "viimase nädala vastaval päeval (reede) 28.06.2024"}},
		{"2024-06-20", 5, deadline.WorkingDay, []string{"5-tööpäevane tähtaeg", "5. tööpäev on 28.06.2024",
			"RT I 1998, 13, 162 § 2): tööpäevade hulka ei arvata riigipühi: 24.06.2024 jaanipäev"}},
	}
	for _, tt := range tests {
		dl, err := deadline.New(date(t, tt.trigger), tt.n, tt.unit)
		if err != nil {
			t.Fatal(err)
		}
		got := dl.Explanation.String()
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("New(%s, %d, %s).Explanation =\n%s\nwant it to contain %q", tt.trigger, tt.n, tt.unit, got, w)
			}
		}
		for _, s := range dl.Explanation.Steps {
			if s.Et == "" || s.En == "" || s.Citation.IsZero() {
				t.Errorf("New(%s, %d, %s): step %+v lacks a finding or citation", tt.trigger, tt.n, tt.unit, s)
			}
		}
	}
}

// TestNew_GEN03_errors checks that bad input is refused with an error naming what was wrong.
func TestNew_GEN03_errors(t *testing.T) {
	ok := date(t, "2024-06-14")
	tests := []struct {
		trigger calendar.Date
		n       int
		unit    deadline.Unit
		want    error
	}{
		{calendar.Date{}, 5, deadline.Day, deadline.ErrTrigger},
		{calendar.Date{Year: 2023, Month: 2, Day: 29}, 5, deadline.Day, deadline.ErrTrigger},
		{calendar.Date{Year: 2024, Month: 13, Day: 1}, 5, deadline.Month, deadline.ErrTrigger},
		{ok, 0, deadline.Day, deadline.ErrLength},
		{ok, -1, deadline.WorkingDay, deadline.ErrLength},
		{ok, math.MinInt, deadline.Month, deadline.ErrLength},
		{ok, 5, 0, deadline.ErrUnit},
		{ok, 5, 99, deadline.ErrUnit},
		{date(t, "1993-12-31"), 5, deadline.Day, deadline.ErrUnsupported},
		{ok, math.MaxInt, deadline.Day, deadline.ErrUnsupported},
		{ok, math.MaxInt, deadline.Week, deadline.ErrUnsupported},
		{ok, math.MaxInt, deadline.Month, deadline.ErrUnsupported},
		{ok, math.MaxInt, deadline.Year, deadline.ErrUnsupported},
		{ok, math.MaxInt, deadline.WorkingDay, deadline.ErrUnsupported},
		{ok, 8000 * 12, deadline.Month, deadline.ErrUnsupported},
		{ok, 7976, deadline.Year, deadline.ErrUnsupported},
		{date(t, "9999-12-31"), 1, deadline.WorkingDay, deadline.ErrUnsupported},
		{date(t, "9999-12-31"), 1, deadline.Day, deadline.ErrUnsupported},
	}
	for _, tt := range tests {
		dl, err := deadline.New(tt.trigger, tt.n, tt.unit)
		if !errors.Is(err, tt.want) {
			t.Errorf("New(%#v, %d, %s) error = %v; want %v", tt.trigger, tt.n, tt.unit, err, tt.want)
			continue
		}
		de, isErr := errors.AsType[*deadline.Error](err)
		if !isErr || de.Trigger != tt.trigger || de.N != tt.n || de.Unit != tt.unit {
			t.Errorf("New(%#v, %d, %s) error = %#v; want a *deadline.Error with the input", tt.trigger, tt.n, tt.unit, err)
		}
		if !strings.HasPrefix(err.Error(), "deadline: ") {
			t.Errorf("error %q does not start with \"deadline: \"", err)
		}
		if dl.Due != (calendar.Date{}) {
			t.Errorf("New(%#v, %d, %s) = %+v with an error; want the zero Deadline", tt.trigger, tt.n, tt.unit, dl)
		}
	}
	if _, err := deadline.Years(date(t, "2024-06-14"), 7975); err != nil {
		t.Errorf("Years(2024-06-14, 7975) error = %v; want 9999-06-14", err)
	}
	if got := deadline.Unit(42).String(); got != "Unit(42)" {
		t.Errorf("Unit(42).String() = %q", got)
	}
}

// TestCheck_GEN03 checks the states of a deadline due on 01.07.2024.
func TestCheck_GEN03(t *testing.T) {
	dl, err := deadline.Days(date(t, "2024-06-14"), 15) // due 01.07.2024 (moved from Saturday 29.06)
	if err != nil {
		t.Fatal(err)
	}
	zero := calendar.Date{}
	tests := []struct {
		done, asOf calendar.Date
		want       deadline.State
		et         string
	}{
		{zero, date(t, "2024-06-20"), deadline.Pending, "toimingut ei ole tehtud; tähtpäev on 01.07.2024: tähtaeg kulgeb"},
		{zero, date(t, "2024-06-29"), deadline.Pending, ""}, // the counted end is not the due date
		{zero, date(t, "2024-07-01"), deadline.Due, "täna (01.07.2024) on tähtpäev"},
		{zero, date(t, "2024-07-02"), deadline.Missed, "toimingut ei ole tehtud ja tähtpäev 01.07.2024 on möödunud (02.07.2024)"},
		{zero, zero, deadline.Pending, ""},
		{date(t, "2024-07-01"), date(t, "2024-09-01"), deadline.Met, "toiming tehti 01.07.2024, hiljemalt tähtpäeval 01.07.2024"},
		{date(t, "2024-06-15"), zero, deadline.Met, ""},
		{date(t, "2024-07-02"), date(t, "2024-07-02"), deadline.Missed, "toiming tehti 02.07.2024, pärast tähtpäeva 01.07.2024"},
		{date(t, "2024-07-02"), date(t, "2024-06-20"), deadline.Missed, ""}, // done decides, not asOf
	}
	for _, tt := range tests {
		got, step := dl.Check(tt.done, tt.asOf)
		if got != tt.want {
			t.Errorf("Check(done %s, asOf %s) = %s; want %s", tt.done, tt.asOf, got, tt.want)
		}
		if step.Rule != "GEN-03" || step.Citation.Section != "137" || step.Et == "" || step.En == "" {
			t.Errorf("Check(done %s, asOf %s) step = %+v; want a GEN-03 step citing TsÜS § 137", tt.done, tt.asOf, step)
		}
		if !strings.Contains(step.Et, tt.et) {
			t.Errorf("Check(done %s, asOf %s) step.Et = %q; want it to contain %q", tt.done, tt.asOf, step.Et, tt.et)
		}
		if tt.done.IsZero() {
			if s := dl.Status(tt.asOf); s != tt.want {
				t.Errorf("Status(%s) = %s; want %s", tt.asOf, s, tt.want)
			}
		}
	}
	for _, s := range []deadline.State{deadline.Pending, deadline.Due, deadline.Met, deadline.Missed, 0} {
		if s.String() == "" || s.Et() == "" {
			t.Errorf("State %d has no name", s)
		}
	}
}
