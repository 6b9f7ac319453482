package proficiency

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
)

// CheckSession checks a session against the rules of how exams are organised, under the version in
// force on its day, and explains what it found. It returns a [*Refusal] wrapping ErrSession for the
// first rule broken, or an error for malformed input:
//
//   - LNG-02 (004 § 3 (1)): the exam has four parts, one per skill: each has a maximum above 0;
//   - LNG-03 (004 § 3 (2)): the level is examined;
//   - LNG-04 (004 § 3 (3)): at B2 and C1 the oral part includes work-related topics;
//   - LNG-13 (004 § 6 (4)): every examiner is approved by the minister, and at least one has a
//     philological education.
func (rb Rulebook) CheckSession(s Session) (law.Explanation, error) {
	var e law.Explanation
	var fs fields
	if strings.TrimSpace(s.ID) == "" {
		fs.add("ID", "", "is required")
	}
	if s.Organiser == "" {
		fs.add("Organiser", "", "is required: the exam centre's registry code")
	}
	if !s.Level.Valid() {
		fs.add("Level", s.Level.String(), "is not an exam level (LNG-03)")
	}
	if !s.Date.IsValid() {
		fs.add("Date", "", "is required: a real date")
	}
	if _, ok := parseClock(s.Start); !ok {
		fs.add("Start", s.Start, "must be a time of day \"HH:MM\"")
	}
	if len(s.Centres) == 0 {
		fs.add("Centres", "", "must name at least one exam centre")
	}
	for i, c := range s.Centres {
		if strings.TrimSpace(c) == "" || slices.Contains(s.Centres[:i], c) {
			fs.add("Centres["+strconv.Itoa(i)+"]", c, "is empty or listed twice")
		}
	}
	if err := fs.err(); err != nil {
		return e, err
	}
	v, step, err := rb.version(s.Date)
	if err != nil {
		return e, err
	}
	e.AddStep(step)
	refuse := func(rule, et, en string) (law.Explanation, error) {
		r := &Refusal{Rule: rule, Citation: cite(v, rule), Version: v.Name, Op: "session " + s.ID, Err: ErrSession, Et: et, En: en}
		e.AddStep(r.Step())
		return e, r
	}
	for _, k := range Skills {
		if m := s.Max.Of(k); m.Sign() <= 0 {
			return refuse("LNG-02", "eksamil on neli osa; osa "+k.Name(law.Estonian)+" maksimumpunktid puuduvad",
				"the exam has four parts; the "+k.Name(law.English)+" part has no maximum points")
		}
	}
	e.Add("LNG-02", cite(v, "LNG-02"), "neli osa: kuulamine, lugemine, kirjutamine, rääkimine",
		"four parts: listening, reading, writing, speaking")
	if !slices.Contains(v.Rule.Levels, s.Level) {
		return refuse("LNG-03", s.Level.String()+"-taseme eksamit ei korraldata", "no exam is held at level "+s.Level.String())
	}
	if slices.Contains(v.Rule.WorkRelatedOral, s.Level) {
		if !s.WorkRelatedOral {
			return refuse("LNG-04", s.Level.String()+"-taseme eksami suuline osa peab sisaldama tööalaseid teemasid",
				"the oral part of a "+s.Level.String()+" exam must include work-related topics")
		}
		e.Add("LNG-04", cite(v, "LNG-04"), "suuline osa sisaldab tööalaseid teemasid", "the oral part includes work-related topics")
	}
	phil := 0
	for i, x := range s.Examiners {
		if strings.TrimSpace(x.Name) == "" || strings.TrimSpace(x.Approval) == "" {
			return refuse("LNG-13", "läbiviija "+strconv.Itoa(i+1)+" ("+x.Name+") ei ole ministri kinnitatud",
				"examiner "+strconv.Itoa(i+1)+" ("+x.Name+") has no minister's approval")
		}
		if x.Philologist {
			phil++
		}
	}
	if phil == 0 {
		return refuse("LNG-13", "vähemalt üks läbiviija peab olema filoloogilise haridusega",
			"at least one examiner must have a philological education")
	}
	e.Add("LNG-13", cite(v, "LNG-13"),
		strconv.Itoa(len(s.Examiners))+" kinnitatud läbiviijat, neist "+strconv.Itoa(phil)+" filoloogilise haridusega",
		strconv.Itoa(len(s.Examiners))+" approved examiners, "+strconv.Itoa(phil)+" with a philological education")
	return e, nil
}

func parseClock(s string) (time.Duration, bool) {
	t, err := time.Parse("15:04", s)
	if err != nil || len(s) != 5 {
		return 0, false
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, true
}

// CheckSchedule checks a year's schedule of sessions (LNG-11, 004 § 6 (1)): in each quarter of the
// year every level the version in force on the quarter's first day examines is held at least
// ExamsPerQuarter times (once), and the sessions of one level on one day start at the same time (a
// session is held at the same time in all its centres by construction). Sessions of other years are
// ignored. It returns a [*Refusal] wrapping ErrSession naming the first gap, with the explanation.
func (rb Rulebook) CheckSchedule(year int, sessions []Session) (law.Explanation, error) {
	var e law.Explanation
	type key struct {
		level Level
		day   calendar.Date
	}
	starts := map[key]string{}
	for _, s := range sessions {
		if s.Date.Year != year {
			continue
		}
		k := key{s.Level, s.Date}
		if st, ok := starts[k]; ok && st != s.Start {
			v, step, err := rb.version(s.Date)
			if err != nil {
				return e, err
			}
			e.AddStep(step)
			r := &Refusal{Rule: "LNG-11", Citation: cite(v, "LNG-11"), Version: v.Name, Op: "schedule " + strconv.Itoa(year), Err: ErrSession,
				Et: s.Level.String() + "-taseme eksam " + s.Date.Register() + " algab eri eksamipunktides eri ajal (" + st + ", " + s.Start + ")",
				En: "the " + s.Level.String() + " exam on " + s.Date.Register() + " starts at different times in different centres (" + st + ", " + s.Start + ")"}
			e.AddStep(r.Step())
			return e, r
		}
		starts[k] = s.Start
	}
	for q := range 4 {
		first := calendar.Date{Year: year, Month: time.Month(3*q + 1), Day: 1}
		last := first.AddMonths(3).AddDays(-1)
		v, step, err := rb.version(first)
		if err != nil {
			return e, err
		}
		e.AddStep(step)
		for _, l := range v.Rule.Levels {
			n := 0
			for _, s := range sessions {
				if s.Level == l && !s.Date.Before(first) && !s.Date.After(last) {
					n++
				}
			}
			if n < v.Rule.ExamsPerQuarter {
				r := &Refusal{Rule: "LNG-11", Citation: cite(v, "LNG-11"), Version: v.Name, Op: "schedule " + strconv.Itoa(year), Err: ErrSession,
					Et: strconv.Itoa(year) + ". aasta " + strconv.Itoa(q+1) + ". kvartalis ei ole " + l.String() + "-taseme eksamit; eksameid korraldatakse vähemalt üks kord kvartalis",
					En: "quarter " + strconv.Itoa(q+1) + " of " + strconv.Itoa(year) + " has no " + l.String() + " exam; exams are held at least once a quarter"}
				e.AddStep(r.Step())
				return e, r
			}
		}
		e.Add("LNG-11", cite(v, "LNG-11"),
			strconv.Itoa(q+1)+". kvartalis on eksam igal tasemel",
			"quarter "+strconv.Itoa(q+1)+" has an exam at every level")
	}
	return e, nil
}

// Group is one exam group (eksamirühm) of a session in an exam centre.
type Group struct {
	Centre        string
	Number        int     // 1, 2, … within the centre
	Registrations []int64 // the registrations' IDs, in registration order
}

// AssignGroups puts a session's registrants into exam groups of at most GroupMax (22) people
// (LNG-12, 004 § 6 (3)): per exam centre, in the order of registration, into as few groups as the
// limit allows, their sizes differing by at most one (45 people: 15, 15, 15). Every registration
// not cancelled counts (so that the groups stay the same after the exam, absences and results
// recorded); those the expert committee gave another time and place (LNG-06) are left out, as the
// exam centre seats them separately. Centres come in the session's order.
func (rb Rulebook) AssignGroups(s Session, regs []Registration) ([]Group, law.Explanation, error) {
	var e law.Explanation
	v, step, err := rb.version(s.Date)
	if err != nil {
		return nil, e, err
	}
	e.AddStep(step)
	byCentre := map[string][]int64{}
	order := slices.Clone(s.Centres)
	sorted := slices.Clone(regs)
	slices.SortFunc(sorted, func(a, b Registration) int { return cmp.Compare(a.ID, b.ID) })
	apart := 0
	for _, r := range sorted {
		if r.Session != s.ID || r.Status == Cancelled {
			continue
		}
		if r.SpecialNeeds != nil && r.SpecialNeeds.Decision != nil && r.SpecialNeeds.Decision.OtherTimePlace {
			apart++
			continue
		}
		if !slices.Contains(order, r.Centre) {
			order = append(order, r.Centre)
		}
		byCentre[r.Centre] = append(byCentre[r.Centre], r.ID)
	}
	limit := v.Rule.GroupMax
	var out []Group
	for _, c := range order {
		ids := byCentre[c]
		if len(ids) == 0 {
			continue
		}
		n := (len(ids) + limit - 1) / limit
		size, extra := len(ids)/n, len(ids)%n
		at := 0
		for g := range n {
			k := size
			if g < extra {
				k++
			}
			out = append(out, Group{Centre: c, Number: g + 1, Registrations: slices.Clone(ids[at : at+k])})
			at += k
		}
		e.Add("LNG-12", cite(v, "LNG-12"),
			"eksamipunktis "+c+" "+strconv.Itoa(len(ids))+" eksaminandi, "+strconv.Itoa(n)+" rühma, igas kuni "+strconv.Itoa(limit),
			"exam centre "+c+": "+strconv.Itoa(len(ids))+" examinees in "+strconv.Itoa(n)+" groups of at most "+strconv.Itoa(limit))
	}
	if apart > 0 {
		e.Add("LNG-06", cite(v, "LNG-06"),
			strconv.Itoa(apart)+" eksaminandi sooritavad eksami ekspertkomisjoni otsusel teistest erineval ajal ja kohas",
			strconv.Itoa(apart)+" examinees sit the exam at another time and place by the expert committee's decision")
	}
	return out, e, nil
}
