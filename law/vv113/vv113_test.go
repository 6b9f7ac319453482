package vv113_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
)

func date(y int, m time.Month, d int) calendar.Date { return calendar.MustDate(y, m, d) }

// TestDefault_GEN04_SeedPeriod proves that the SDK knows regulation nr 113 in the wording in force
// 13.07.2014–30.04.2015 (seed 002's header) and refuses every other date with law.ErrNoVersion.
func TestDefault_GEN04_SeedPeriod(t *testing.T) {
	st := vv113.Default()
	if err := st.Check(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		d  calendar.Date
		ok bool
	}{
		{date(2014, 7, 12), false}, {date(2014, 7, 13), true}, {date(2014, 11, 24), true},
		{date(2015, 4, 30), true}, {date(2015, 5, 1), false}, {date(2010, 9, 1), false}, {date(2026, 11, 23), false},
	} {
		v, err := st.At(tt.d)
		switch {
		case tt.ok && (err != nil || v.Name != "13.07.2014" || v.Rule.DuplicateWeeks != 2):
			t.Errorf("At(%s) = %q, %v; want version 13.07.2014", tt.d, v.Name, err)
		case !tt.ok && !errors.Is(err, law.ErrNoVersion):
			t.Errorf("At(%s) = %q, %v; want ErrNoVersion", tt.d, v.Name, err)
		case !tt.ok:
			if _, ok := errors.AsType[*law.NoVersionError](err); !ok {
				t.Errorf("At(%s) error %v; want a *law.NoVersionError inside", tt.d, err)
			}
		}
	}
	var none vv113.Statute // the nil Statute is the default
	if v, err := none.At(date(2014, 11, 24)); err != nil || v.Name != "13.07.2014" {
		t.Errorf("nil Statute At = %q, %v", v.Name, err)
	}
}

// TestWith_GEN04_HostAddsVersion proves that a host adds a version (here one it read for
// 01.05.2015 onwards, with figures of its own) without changing the SDK, and that a version that
// overlaps, or whose figures cannot be applied, is refused as bad input.
func TestWith_GEN04_HostAddsVersion(t *testing.T) {
	host := vv113.Version{Name: "01.05.2015 (host)", Period: law.Period{From: date(2015, 5, 1)},
		Rule: vv113.Rules{DuplicateWeeks: 3, ExchangeDays: 30, NoticeWorkingDays: 5, CouncilMembers: 5}}
	st, err := vv113.Default().With(host)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := st.At(date(2026, 11, 23)); err != nil || v.Name != "01.05.2015 (host)" || v.Rule.DuplicateWeeks != 3 || v.Citation.RT != vv113.RT {
		t.Errorf("At(2026) = %+v, %v; want the host's version citing the act", v, err)
	}
	if v, _ := st.At(date(2015, 4, 30)); v.Name != "13.07.2014" {
		t.Errorf("At(30.04.2015) = %q; want the seed's", v.Name)
	}
	if v, _ := vv113.Default().At(date(2014, 11, 24)); v.Period.Until != date(2015, 4, 30) {
		t.Error("With changed the default")
	}
	bad := host
	bad.Period = law.Period{From: date(2015, 1, 1)}
	if _, err := vv113.Default().With(bad); !errors.Is(err, invalid.ErrInvalid) {
		t.Errorf("With(overlapping) = %v; want ErrInvalid", err)
	}
	zero := host
	zero.Rule.NoticeWorkingDays = 0
	if _, err := vv113.Default().With(zero); !errors.Is(err, invalid.ErrInvalid) {
		t.Errorf("With(NoticeWorkingDays 0) = %v; want ErrInvalid", err)
	}
}

// TestMark_GEN04 proves that the steps citing the regulation name the version applied, and others
// are left alone.
func TestMark_GEN04(t *testing.T) {
	var e law.Explanation
	e.Add("SCH-19", vv113.Cite("18", "1", ""), "x", "x")
	e.Add("GEN-03", law.Citation{Act: "TsÜS", Section: "136"}, "y", "y")
	v, _ := vv113.Default().At(date(2014, 11, 24))
	vv113.Mark(&e, v)
	if e.Steps[0].Version != "13.07.2014" || e.Steps[1].Version != "" {
		t.Errorf("Mark: versions %q, %q", e.Steps[0].Version, e.Steps[1].Version)
	}
}

// A school decides a duplicate in 2026: the SDK knows regulation nr 113 only as in force
// 13.07.2014–30.04.2015, so it refuses; a host that has read the text in force in 2026 and found
// the rules unchanged adds a version, and the decision names it.
func Example() {
	d := calendar.MustDate(2026, 11, 23)
	if _, err := vv113.Default().At(d); errors.Is(err, law.ErrNoVersion) {
		fmt.Println(err)
	}
	st, err := vv113.Default().With(vv113.Version{
		Name:   "01.05.2015 (host)",
		Period: law.Period{From: calendar.MustDate(2015, 5, 1)},
		Rule:   vv113.Default()[0].Rule,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	v, _ := st.At(d)
	var e law.Explanation
	e.Add("SCH-19", vv113.Cite("18", "1", ""), "otsus kahe nädala jooksul", "decided within two weeks")
	vv113.Mark(&e, v)
	fmt.Println(e.Render(law.English))
	// Output:
	// vv113: VV määrus nr 113 on 2026-11-23: law: no version of the rule is in force on that date: 2026-11-23 (known: 2014-07-13 – 2015-04-30; a host adds a version with Statute.With)
	// 1. SCH-19 (RT I 2010, 58, 391 § 18 (1), version 01.05.2015 (host)): decided within two weeks
}

// TestDefault_GEN04_Property: for every day, the SDK's statute has a version exactly when the day is
// in 13.07.2014–30.04.2015, and otherwise refuses with law.ErrNoVersion.
func TestDefault_GEN04_Property(t *testing.T) {
	from, until := date(2014, 7, 13), date(2015, 4, 30)
	rapid.Check(t, func(t *rapid.T) {
		d := date(2000, 1, 1).AddDays(rapid.IntRange(0, 15000).Draw(t, "day"))
		_, err := vv113.Default().At(d)
		in := !d.Before(from) && !d.After(until)
		if in != (err == nil) || (!in && !errors.Is(err, law.ErrNoVersion)) {
			t.Fatalf("At(%s) = %v; want a version %v", d, err, in)
		}
	})
}
