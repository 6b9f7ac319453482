package law_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
)

func date(y int, m time.Month, d int) calendar.Date { return calendar.MustDate(y, m, d) }

// retakeWait is LNG-08's wait before a retake, in months, in its two versions (seeds 004 and 003).
// Listed newest first: Versions may be in any order.
var retakeWait = law.Versions[int]{
	{
		Name:     "01.07.2011",
		Citation: law.Citation{Act: "Haridus- ja teadusministri määrus nr 24", RT: "RT I, 16.06.2011, 6"},
		Period:   law.Period{From: date(2011, 7, 1)},
		Rule:     6,
	},
	{
		Name:     "01.10.2010",
		Citation: law.Citation{Act: "Haridus- ja teadusministri määrus nr 73", RT: "RTL 2007, 94, 1563", Section: "5", Subsection: "4"},
		Period:   law.Period{From: date(2010, 10, 1), Until: date(2011, 6, 30)},
		Rule:     3,
	},
}

// GEN-04: a rule is evaluated under the version in force on the relevant date, boundaries included.
func TestGEN04VersionsAt(t *testing.T) {
	if err := retakeWait.Check(); err != nil {
		t.Fatalf("Check() = %v; want nil", err)
	}
	tests := []struct {
		d    calendar.Date
		want int
	}{
		{date(2010, 10, 1), 3},  // first day of the closed period
		{date(2011, 1, 15), 3},  // inside
		{date(2011, 6, 30), 3},  // last day of the closed period
		{date(2011, 7, 1), 6},   // first day of the open period
		{date(2024, 2, 29), 6},  // the open period has no end
		{date(9999, 12, 31), 6}, // ... at all
	}
	for _, tt := range tests {
		v, err := retakeWait.At(tt.d)
		if err != nil || v.Rule != tt.want {
			t.Errorf("At(%s) = %q (%d months), %v; want %d months", tt.d, v.Name, v.Rule, err, tt.want)
		}
	}
}

// GEN-04: the SDK never guesses a version for a date none covers.
func TestGEN04VersionsAtNoVersion(t *testing.T) {
	for _, d := range []calendar.Date{date(2010, 9, 30), date(2007, 12, 14), date(1, 1, 1)} {
		v, err := retakeWait.At(d)
		if !errors.Is(err, law.ErrNoVersion) {
			t.Errorf("At(%s) = %q, %v; want an error wrapping ErrNoVersion", d, v.Name, err)
			continue
		}
		if v.Name != "" || v.Rule != 0 {
			t.Errorf("At(%s) returned version %q with the error; want the zero Version", d, v.Name)
		}
		var nv *law.NoVersionError
		if !errors.As(err, &nv) || nv.Date != d {
			t.Errorf("At(%s) error = %#v; want a *NoVersionError for %s", d, err, d)
		}
		if nv2, ok := errors.AsType[*law.NoVersionError](err); !ok || nv2.Date != d {
			t.Errorf("errors.AsType[*NoVersionError](%v) = %v, %v", err, nv2, ok)
		}
		if want := "law: no version of the rule is in force on that date: " + d.String(); err.Error() != want {
			t.Errorf("At(%s) error = %q; want %q", d, err, want)
		}
	}
	var none law.Versions[int]
	if _, err := none.At(date(2024, 1, 1)); !errors.Is(err, law.ErrNoVersion) {
		t.Errorf("empty Versions At = %v; want ErrNoVersion", err)
	}
}

func TestGEN04PeriodContains(t *testing.T) {
	p := law.Period{From: date(2010, 10, 1), Until: date(2011, 6, 30)}
	for d, want := range map[calendar.Date]bool{
		date(2010, 9, 30): false, date(2010, 10, 1): true, date(2011, 6, 30): true, date(2011, 7, 1): false,
	} {
		if got := p.Contains(d); got != want {
			t.Errorf("%s.Contains(%s) = %v; want %v", p, d, got, want)
		}
	}
	open := law.Period{Until: date(2011, 6, 30)} // no known start
	if !open.Contains(date(1, 1, 1)) || !open.Contains(date(2011, 6, 30)) || open.Contains(date(2011, 7, 1)) {
		t.Errorf("%s.Contains: wrong at the open start or the end", open)
	}
	if !(law.Period{}).Contains(date(2024, 6, 1)) {
		t.Error("Period{}.Contains = false; want true (always in force)")
	}
	if got, want := p.String(), "2010-10-01 – 2011-06-30"; got != want {
		t.Errorf("Period.String() = %q; want %q", got, want)
	}
	if got, want := (law.Period{From: date(2011, 7, 1)}).String(), "2011-07-01 – …"; got != want {
		t.Errorf("Period.String() = %q; want %q", got, want)
	}
	if got, want := open.String(), "… – 2011-06-30"; got != want {
		t.Errorf("Period.String() = %q; want %q", got, want)
	}
}

// GEN-04: Check finds versions whose periods overlap, however they are listed.
func TestGEN04VersionsCheck(t *testing.T) {
	v := func(name string, from, until calendar.Date) law.Version[int] {
		return law.Version[int]{Name: name, Period: law.Period{From: from, Until: until}}
	}
	var zero calendar.Date
	tests := []struct {
		name string
		vs   law.Versions[int]
		want string // "" for no error; else a part of the message
	}{
		{"consecutive", law.Versions[int]{v("a", date(2010, 10, 1), date(2011, 6, 30)), v("b", date(2011, 7, 1), zero)}, ""},
		{"consecutive, listed backwards", law.Versions[int]{v("b", date(2011, 7, 1), zero), v("a", date(2010, 10, 1), date(2011, 6, 30))}, ""},
		{"gap", law.Versions[int]{v("a", zero, date(2010, 1, 1)), v("b", date(2011, 1, 1), zero)}, ""},
		{"one-day period", law.Versions[int]{v("a", date(2011, 7, 1), date(2011, 7, 1)), v("b", date(2011, 7, 2), zero)}, ""},
		{"empty", nil, ""},
		{"shared boundary day", law.Versions[int]{v("a", date(2010, 10, 1), date(2011, 7, 1)), v("b", date(2011, 7, 1), zero)}, `"a" (2010-10-01 – 2011-07-01) and "b" (2011-07-01 – …) overlap`},
		{"two open ends", law.Versions[int]{v("a", date(2010, 1, 1), zero), v("b", date(2011, 1, 1), zero)}, `"a" (2010-01-01 – …) and "b" (2011-01-01 – …) overlap`},
		{"no start meets no end", law.Versions[int]{v("a", zero, date(2011, 1, 1)), v("b", date(2010, 1, 1), zero)}, "overlap"},
		{"contained", law.Versions[int]{v("a", date(2010, 1, 1), date(2012, 1, 1)), v("b", date(2011, 1, 1), date(2011, 2, 1))}, "overlap"},
		{"third overlaps first", law.Versions[int]{v("a", date(2010, 1, 1), date(2010, 12, 31)), v("b", date(2011, 1, 1), zero), v("c", date(2010, 6, 1), date(2010, 6, 30))}, `"a" (2010-01-01 – 2010-12-31) and "c"`},
		{"ends before it starts", law.Versions[int]{v("a", date(2011, 1, 1), date(2010, 1, 1))}, `version "a" ends (2010-01-01) before it starts (2011-01-01)`},
	}
	for _, tt := range tests {
		err := tt.vs.Check()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: Check() = %v; want nil", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: Check() = %v; want an error containing %q", tt.name, err, tt.want)
		}
	}
}

// GEN-04, GEN-06: a decision says which version it used.
func TestGEN04VersionStep(t *testing.T) {
	d := date(2011, 6, 30)
	v, err := retakeWait.At(d)
	if err != nil {
		t.Fatal(err)
	}
	s := v.Step("LNG-08", d)
	if s.Rule != "LNG-08" || s.Version != v.Name || s.Citation != v.Citation {
		t.Errorf("Step = %#v; want rule LNG-08 with the version's name and citation", s)
	}
	if want := "kohaldati 30.06.2011 kehtinud redaktsiooni (01.10.2010–30.06.2011)"; s.Et != want {
		t.Errorf("Step.Et = %q; want %q", s.Et, want)
	}
	if want := "applied the version in force on 2011-06-30 (2010-10-01 – 2011-06-30)"; s.En != want {
		t.Errorf("Step.En = %q; want %q", s.En, want)
	}
}

// Property (GEN-04): for versions over consecutive, non-overlapping periods (the last maybe open),
// listed in any order, At(d) returns the one version whose period contains d, and ErrNoVersion
// outside them all.
func TestGEN04VersionsAtProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start := date(1990, 1, 1).AddDays(rapid.IntRange(0, 20000).Draw(t, "start"))
		n := rapid.IntRange(1, 8).Draw(t, "versions")
		openEnd := rapid.Bool().Draw(t, "openEnd")
		vs := make(law.Versions[int], n)
		from := start
		for i := range vs {
			until := from.AddDays(rapid.IntRange(0, 800).Draw(t, "length"))
			p := law.Period{From: from, Until: until}
			if i == n-1 && openEnd {
				p.Until = calendar.Date{}
			}
			vs[i] = law.Version[int]{Name: string(rune('a' + i)), Period: p, Rule: i}
			from = until.AddDays(1)
		}
		end := from.AddDays(-1) // the last closed day
		perm := rapid.Permutation(vs).Draw(t, "order")
		if err := law.Versions[int](perm).Check(); err != nil {
			t.Fatalf("Check() = %v; want nil for consecutive periods", err)
		}

		d := start.AddDays(rapid.IntRange(-400, end.DaysSince(start)+400).Draw(t, "day"))
		want := -1
		for i, v := range vs {
			after := d.DaysSince(v.Period.From) >= 0
			before := v.Period.Until.IsZero() || v.Period.Until.DaysSince(d) >= 0
			if after && before {
				if want >= 0 {
					t.Fatalf("generator: %s is in versions %d and %d", d, want, i)
				}
				want = i
			}
		}
		got, err := law.Versions[int](perm).At(d)
		if want < 0 {
			if !errors.Is(err, law.ErrNoVersion) {
				t.Fatalf("At(%s) = %q, %v; want ErrNoVersion (versions cover %s – %s)", d, got.Name, err, start, vs[n-1].Period.Until)
			}
			return
		}
		if err != nil || got.Rule != want {
			t.Fatalf("At(%s) = %q, %v; want %q (%s)", d, got.Name, err, vs[want].Name, vs[want].Period)
		}
	})
}
