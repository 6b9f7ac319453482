package vocational

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/law"
)

// maxText is the longest free text (a place, a note, a reason, a name) the service accepts, in bytes.
const maxText = 2000

// text checks a free-text field: required or not, at most maxText bytes, valid UTF-8.
func text(errs *ValidationError, field, v string, required bool) {
	switch {
	case required && strings.TrimSpace(v) == "":
		errs.Add(field, "", "is required")
	case len(v) > maxText:
		errs.Add(field, "", "is longer than "+strconv.Itoa(maxText)+" bytes")
	case !utf8.ValidString(v):
		errs.Add(field, "", "is not valid UTF-8")
	}
}

// validClock reports whether s is a time of day written "HH:MM".
func validClock(s string) bool {
	if len(s) != 5 || s[2] != ':' {
		return false
	}
	for _, i := range []int{0, 1, 3, 4} {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	h, m := (s[0]-'0')*10+s[1]-'0', (s[3]-'0')*10+s[4]-'0'
	return h < 24 && m < 60
}

// checkSittings implements the form of EXV-02's times and places: each sitting is a part of the
// exam's type on a real day not before today, at a time "HH:MM", at a place; every part of the type
// has a sitting. It returns an *invalid.Errors naming every field that is wrong.
func checkSittings(field string, t ExamType, ss []Sitting, today calendar.Date) error {
	errs := &ValidationError{Pkg: pkg}
	if len(ss) == 0 {
		errs.Add(field, "", "is required: at least one sitting for each part of the exam")
		return errs
	}
	for i, s := range ss {
		f := field + "[" + strconv.Itoa(i) + "]"
		if !slices.Contains(t.Parts(), s.Part) {
			errs.Add(f+".Part", s.Part.String(), "is not a part of a "+t.Name(law.English)+" exam")
		}
		switch {
		case !s.Date.IsValid():
			errs.Add(f+".Date", "", "is not a real date")
		case s.Date.Before(today):
			errs.Add(f+".Date", s.Date.String(), "is in the past")
		}
		if !validClock(s.Start) {
			errs.Add(f+".Start", s.Start, "must be a time of day HH:MM")
		}
		text(errs, f+".Place", s.Place, true)
	}
	for _, p := range t.Parts() {
		if slices.IndexFunc(ss, func(s Sitting) bool { return s.Part == p }) < 0 {
			errs.Add(field, "", "has no sitting for the "+p.Name(law.English)+" part")
		}
	}
	return errs.Err()
}

// checkCandidate checks a candidate as the exam is registered: a name, a personal code or a birth
// date, a specialisation of the standard where it has any (required where the qualification is not
// awarded without one), electives among the exam's elective units.
func checkCandidate(e *Exam, c *Candidate) error {
	errs := &ValidationError{Pkg: pkg}
	f := "Candidates[" + c.ID + "]"
	text(errs, f+".Name", c.Name, true)
	if c.Code.IsZero() && c.BirthDate.IsZero() {
		errs.Add(f+".Code", "", "is required: a personal code, or a birth date for a person without one (GEN-01)")
	}
	if !c.BirthDate.IsZero() && !c.BirthDate.IsValid() {
		errs.Add(f+".BirthDate", "", "is not a real date")
	}
	q := &e.Qualification
	switch {
	case c.Specialisation != 0 && slices.IndexFunc(q.Specialisations, func(s register.Ref) bool { return s.ID == c.Specialisation }) < 0:
		errs.Add(f+".Specialisation", c.Specialisation.String(), "is not a specialisation of "+q.Name)
	case c.Specialisation == 0 && !q.Basic && len(q.Specialisations) > 0:
		errs.Add(f+".Specialisation", "", "is required: "+q.Name+" is awarded only with a specialisation")
	}
	for i, code := range c.Electives {
		if slices.IndexFunc(e.Units, func(u Unit) bool { return u.Code == code && u.Elective }) < 0 {
			errs.Add(f+".Electives["+strconv.Itoa(i)+"]", code, "is not an elective unit of the exam")
		}
	}
	return errs.Err()
}

// checkUnits checks the units an awarding body sets: codes unique and given, names, a kind.
func checkUnits(us []Unit) error {
	errs := &ValidationError{Pkg: pkg}
	if len(us) == 0 {
		errs.Add("Units", "", "is required: at least one competence or module to assess")
	}
	for i, u := range us {
		f := "Units[" + strconv.Itoa(i) + "]"
		switch {
		case strings.TrimSpace(u.Code) == "":
			errs.Add(f+".Code", "", "is required")
		case slices.IndexFunc(us[:i], func(o Unit) bool { return o.Code == u.Code }) >= 0:
			errs.Add(f+".Code", u.Code, "is listed twice")
		}
		text(errs, f+".Name", u.Name, true)
		if u.Kind != CompetenceUnit && u.Kind != ModuleUnit {
			errs.Add(f+".Kind", strconv.Itoa(int(u.Kind)), "must be a competence or a module")
		}
	}
	return errs.Err()
}
