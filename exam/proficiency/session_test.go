package proficiency_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/exam/proficiency"
	"github.com/kutsekit/kutse/law"
)

// TestCheckSession_LNG02_fourParts proves that a session has four parts, one per skill, each with
// a maximum.
func TestCheckSession_LNG02_fourParts(t *testing.T) {
	s := session(proficiency.B1, date(2011, 9, 15))
	e, err := rb.CheckSession(s)
	if err != nil || !e.Applies("LNG-02") || !e.Applies("LNG-13") {
		t.Fatalf("CheckSession(valid) = %v\n%s", err, e)
	}
	s.Max.Set(proficiency.Speaking, decimal.Zero)
	_, err = rb.CheckSession(s)
	if r := refusal(t, err, proficiency.ErrSession); r.Rule != "LNG-02" {
		t.Errorf("no speaking maximum: refused by %s; want LNG-02", r.Rule)
	}
}

// TestCheckSession_LNG03_levels proves that only the levels A2–C1 are examined.
func TestCheckSession_LNG03_levels(t *testing.T) {
	for _, l := range proficiency.Levels {
		if _, err := rb.CheckSession(session(l, date(2012, 3, 1))); err != nil {
			t.Errorf("CheckSession(%s) = %v", l, err)
		}
	}
	_, err := rb.CheckSession(session(proficiency.Level(5), date(2012, 3, 1)))
	if !errors.Is(err, proficiency.ErrInvalid) {
		t.Errorf("CheckSession(level 5) = %v; want ErrInvalid", err)
	}
	// A host version that stops examining A2 refuses it by LNG-03.
	v := rb[len(rb)-1]
	v.Name, v.Period = "2030", law.Period{From: date(2030, 1, 1)}
	v.Rule.Levels = []proficiency.Level{proficiency.B1, proficiency.B2, proficiency.C1}
	book, err := rb.With(v)
	if err != nil {
		t.Fatal(err)
	}
	_, err = book.CheckSession(session(proficiency.A2, date(2030, 3, 1)))
	if r := refusal(t, err, proficiency.ErrSession); r.Rule != "LNG-03" || r.Version != "2030" {
		t.Errorf("A2 in 2030: refused by %s under %s; want LNG-03 under 2030", r.Rule, r.Version)
	}
}

// TestCheckSession_LNG04_workRelatedOral proves that the B2 and C1 oral part must include
// work-related topics, and A2 and B1 need not.
func TestCheckSession_LNG04_workRelatedOral(t *testing.T) {
	for _, l := range []proficiency.Level{proficiency.B2, proficiency.C1} {
		s := session(l, date(2011, 5, 20))
		s.WorkRelatedOral = false
		_, err := rb.CheckSession(s)
		if r := refusal(t, err, proficiency.ErrSession); r.Rule != "LNG-04" || r.Citation.String() != "RTL 2007, 94, 1563 § 3 lg 3" {
			t.Errorf("%s without work-related topics: %s %s; want LNG-04, 004 § 3 (3)", l, r.Rule, r.Citation)
		}
		s.WorkRelatedOral = true
		if e, err := rb.CheckSession(s); err != nil || !e.Applies("LNG-04") {
			t.Errorf("%s with work-related topics = %v", l, err)
		}
	}
	s := session(proficiency.A2, date(2011, 5, 20))
	if e, err := rb.CheckSession(s); err != nil || e.Applies("LNG-04") {
		t.Errorf("A2 = %v, LNG-04 applied %v; want no error, not applied", err, e.Applies("LNG-04"))
	}
}

// TestCheckSession_LNG13_examiners proves that the examiners are approved by the minister and at
// least one has a philological education.
func TestCheckSession_LNG13_examiners(t *testing.T) {
	s := session(proficiency.B1, date(2011, 9, 15))
	s.Examiners[0].Philologist = false
	_, err := rb.CheckSession(s)
	if r := refusal(t, err, proficiency.ErrSession); r.Rule != "LNG-13" {
		t.Errorf("no philologist: %s; want LNG-13", r.Rule)
	}
	s = session(proficiency.B1, date(2011, 9, 15))
	s.Examiners[1].Approval = ""
	if _, err := rb.CheckSession(s); refusal(t, err, proficiency.ErrSession).Rule != "LNG-13" {
		t.Errorf("an examiner without approval: %v; want LNG-13", err)
	}
	s.Examiners = nil
	if _, err := rb.CheckSession(s); refusal(t, err, proficiency.ErrSession).Rule != "LNG-13" {
		t.Errorf("no examiners: %v; want LNG-13", err)
	}
}

// TestCheckSession_LNG11_invalidInput proves that a malformed session (no ID, a start time that is
// not "HH:MM", a centre listed twice) is an error naming each field.
func TestCheckSession_LNG11_invalidInput(t *testing.T) {
	s := session(proficiency.B1, date(2011, 9, 15))
	s.ID, s.Start, s.Centres = "", "25:00", []string{"Tallinn", "Tallinn"}
	_, err := rb.CheckSession(s)
	ve, ok := errors.AsType[*proficiency.ValidationError](err)
	if !ok || ve.Field("ID") == nil || ve.Field("Start") == nil || ve.Field("Centres[1]") == nil {
		t.Errorf("CheckSession(bad) = %v; want ID, Start and Centres[1] named", err)
	}
}

// TestCheckSchedule_LNG11 proves that a year's schedule needs an exam at every level in every
// quarter, at one time in all centres.
func TestCheckSchedule_LNG11(t *testing.T) {
	var year []proficiency.Session
	for _, m := range []int{2, 5, 9, 11} {
		for _, l := range proficiency.Levels {
			year = append(year, session(l, date(2012, time.Month(m), 10+int(l))))
		}
	}
	if e, err := rb.CheckSchedule(2012, year); err != nil || len(e.Rules()) != 2 {
		t.Fatalf("CheckSchedule(full year) = %v\n%s", err, e)
	}
	// no C1 exam in the third quarter
	gap := slices.DeleteFunc(slices.Clone(year), func(s proficiency.Session) bool {
		return s.Level == proficiency.C1 && s.Date.Month == 9
	})
	_, err := rb.CheckSchedule(2012, gap)
	if r := refusal(t, err, proficiency.ErrSession); r.Rule != "LNG-11" || r.Citation.String() != "RT I, 16.06.2011, 6" {
		t.Errorf("gap: %s %s; want LNG-11", r.Rule, r.Citation)
	}
	// the same exam at different times in two centres
	twice := append(slices.Clone(year), year[0])
	twice[len(twice)-1].Start, twice[len(twice)-1].Centres = "12:00", []string{"Tartu"}
	if _, err := rb.CheckSchedule(2012, twice); refusal(t, err, proficiency.ErrSession).Rule != "LNG-11" {
		t.Errorf("two start times: %v; want LNG-11", err)
	}
	// a year with quarters under both versions: 2011
	var y2011 []proficiency.Session
	for _, m := range []int{3, 6, 8, 12} {
		for _, l := range proficiency.Levels {
			y2011 = append(y2011, session(l, date(2011, time.Month(m), 10)))
		}
	}
	e, err := rb.CheckSchedule(2011, y2011)
	if err != nil || e.Steps[0].Version != "01.10.2010" || e.Steps[len(e.Steps)-2].Version != "01.07.2011" {
		t.Errorf("CheckSchedule(2011) = %v\n%s", err, e)
	}
}

// TestAssignGroups_LNG12 proves that groups have at most 22 people, per centre, in registration
// order, with sizes differing by at most one; people given another time and place, and cancelled
// registrations, are left out.
func TestAssignGroups_LNG12(t *testing.T) {
	s := session(proficiency.B1, date(2011, 9, 15))
	var regs []proficiency.Registration
	for i := range 50 {
		r := proficiency.Registration{ID: int64(50 - i), Session: s.ID, Centre: "Tallinn", Status: proficiency.Registered}
		if i >= 45 {
			r.Centre = "Narva"
		}
		regs = append(regs, r)
	}
	regs = append(regs,
		proficiency.Registration{ID: 60, Session: s.ID, Centre: "Narva", Status: proficiency.Cancelled},
		proficiency.Registration{ID: 61, Session: s.ID, Centre: "Narva", Status: proficiency.Registered,
			SpecialNeeds: &proficiency.SpecialNeeds{Decision: &proficiency.Accommodation{OtherTimePlace: true}}},
		proficiency.Registration{ID: 62, Session: "other", Centre: "Narva", Status: proficiency.Registered})
	gs, e, err := rb.AssignGroups(s, regs)
	if err != nil {
		t.Fatal(err)
	}
	var sizes []int
	for _, g := range gs {
		sizes = append(sizes, len(g.Registrations))
	}
	// Tallinn: IDs 6..50 (45 people) → 15, 15, 15; Narva: IDs 1..5 → 5
	if !slices.Equal(sizes, []int{15, 15, 15, 5}) || gs[0].Centre != "Tallinn" || gs[3].Centre != "Narva" {
		t.Fatalf("groups %v; want Tallinn 15, 15, 15 and Narva 5", sizes)
	}
	if gs[0].Registrations[0] != 6 || gs[2].Number != 3 || gs[3].Registrations[0] != 1 {
		t.Errorf("groups %+v; want registration order within each centre", gs)
	}
	if !e.Applies("LNG-12") || !e.Applies("LNG-06") {
		t.Errorf("explanation:\n%s", e)
	}
}

// TestAssignGroups_LNG12_property: for any number of registrants in any centres, every active one
// is in exactly one group, no group has more than 22, each centre has as few groups as possible and
// their sizes differ by at most one.
func TestAssignGroups_LNG12_property(t *testing.T) {
	s := session(proficiency.A2, date(2013, 2, 14))
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 300).Draw(t, "n")
		centres := []string{"Tallinn", "Narva", "Tartu"}
		var regs []proficiency.Registration
		per := map[string]int{}
		for i := range n {
			c := rapid.SampledFrom(centres).Draw(t, "centre")
			regs = append(regs, proficiency.Registration{ID: int64(i + 1), Session: s.ID, Centre: c, Status: proficiency.Registered})
			per[c]++
		}
		gs, _, err := rb.AssignGroups(s, regs)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int64]bool{}
		groups := map[string][]int{}
		for _, g := range gs {
			if len(g.Registrations) == 0 || len(g.Registrations) > 22 {
				t.Fatalf("group %s/%d has %d people", g.Centre, g.Number, len(g.Registrations))
			}
			groups[g.Centre] = append(groups[g.Centre], len(g.Registrations))
			for _, id := range g.Registrations {
				if seen[id] {
					t.Fatalf("registration %d in two groups", id)
				}
				seen[id] = true
			}
		}
		if len(seen) != n {
			t.Fatalf("%d of %d placed", len(seen), n)
		}
		for c, sizes := range groups {
			if want := (per[c] + 21) / 22; len(sizes) != want {
				t.Fatalf("%s: %d groups for %d people; want %d", c, len(sizes), per[c], want)
			}
			if slices.Max(sizes)-slices.Min(sizes) > 1 {
				t.Fatalf("%s: sizes %v differ by more than one", c, sizes)
			}
		}
	})
}
