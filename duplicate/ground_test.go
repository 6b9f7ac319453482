package duplicate_test

import (
	"slices"
	"testing"
	"time"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/duplicate"
)

// TestGrounds_SCH15 proves that a leaving certificate or a grade sheet has the four grounds of § 17 (1),
// numbered as there, and follows the school duplicate procedure.
func TestGrounds_SCH15(t *testing.T) {
	want := []duplicate.Ground{duplicate.Illegible, duplicate.Error, duplicate.Lost, duplicate.Legalised}
	for _, k := range []certificate.Kind{certificate.BasicSchool, certificate.Gymnasium, certificate.GradeSheet} {
		got, e, err := duplicate.Grounds(statute, k, false, d(2026, time.November, 23))
		if err != nil || !slices.Equal(got, want) || !e.Applies("SCH-15") {
			t.Errorf("Grounds(%s) = %v, %v, rules %v; want %v under SCH-15", k, got, err, e.Rules(), want)
		}
		for i, g := range want {
			p, _, err := duplicate.ProcedureFor(statute, k, false, g, d(2026, time.November, 23))
			if err != nil || p != duplicate.SchoolDuplicate || p.Point(g) != string(rune('1'+i)) {
				t.Errorf("ProcedureFor(%s, %s) = %s (point %q), %v; want school-duplicate, point %d", k, g, p, p.Point(g), err, i+1)
			}
		}
		if _, _, err := duplicate.ProcedureFor(statute, k, false, duplicate.NameChange, d(2026, time.November, 23)); ruleOf(err) != "SCH-15" {
			t.Errorf("ProcedureFor(%s, name-change) = %v; want a SCH-15 error", k, err)
		} else {
			wantErr(t, "ProcedureFor(name-change)", err, duplicate.ErrGround, duplicate.ErrInvalid)
		}
	}
}

// TestGrounds_SCH12 proves that an electronic state-exam certificate is re-issued only for an error
// (§ 15 (3)).
func TestGrounds_SCH12(t *testing.T) {
	got, e, err := duplicate.Grounds(statute, certificate.StateExam, false, d(2026, time.November, 23))
	if err != nil || !slices.Equal(got, []duplicate.Ground{duplicate.Error}) || !e.Applies("SCH-12") {
		t.Fatalf("Grounds(electronic state exam) = %v, %v; want [error] under SCH-12", got, err)
	}
	p, _, err := duplicate.ProcedureFor(statute, certificate.StateExam, false, duplicate.Error, d(2026, time.November, 23))
	if err != nil || p != duplicate.StateExamCorrection {
		t.Errorf("ProcedureFor(electronic, error) = %s, %v; want state-exam-correction", p, err)
	}
	_, _, err = duplicate.ProcedureFor(statute, certificate.StateExam, false, duplicate.Lost, d(2026, time.November, 23))
	wantErr(t, "ProcedureFor(electronic, lost)", err, duplicate.ErrGround)
	if ruleOf(err) != "SCH-12" {
		t.Errorf("rule = %q; want SCH-12", ruleOf(err))
	}
}

// TestGrounds_SCH13_SCH14 proves that a paper state-exam certificate is exchanged on the four grounds
// of § 16 (1), and that a legalised one follows § 15 (4).
func TestGrounds_SCH13_SCH14(t *testing.T) {
	got, e, err := duplicate.Grounds(statute, certificate.StateExam, true, d(2026, time.November, 23))
	want := []duplicate.Ground{duplicate.Illegible, duplicate.Error, duplicate.Lost, duplicate.Electronic, duplicate.Legalised}
	if err != nil || !slices.Equal(got, want) || !e.Applies("SCH-14") || !e.Applies("SCH-13") {
		t.Fatalf("Grounds(paper state exam) = %v, %v, %v; want %v", got, err, e.Rules(), want)
	}
	for _, tc := range []struct {
		g     duplicate.Ground
		p     duplicate.Procedure
		point string
	}{
		{duplicate.Illegible, duplicate.StateExamExchange, "1"},
		{duplicate.Error, duplicate.StateExamExchange, "2"},
		{duplicate.Lost, duplicate.StateExamExchange, "3"},
		{duplicate.Electronic, duplicate.StateExamExchange, "4"},
		{duplicate.Legalised, duplicate.StateExamLegalised, ""},
	} {
		p, _, err := duplicate.ProcedureFor(statute, certificate.StateExam, true, tc.g, d(2026, time.November, 23))
		if err != nil || p != tc.p || p.Point(tc.g) != tc.point {
			t.Errorf("ProcedureFor(paper, %s) = %s point %q, %v; want %s point %q", tc.g, p, p.Point(tc.g), err, tc.p, tc.point)
		}
	}
}

// TestGrounds_CERT07_versions proves that the grounds of an occupational duplicate follow the version
// in force on the request's day (GEN-04): Reg74's four, a new personal code from 09.07.2016, a change
// of name from the self-service of 04.2025.
func TestGrounds_CERT07_versions(t *testing.T) {
	for _, tc := range []struct {
		on      time.Time
		code    bool
		name    bool
		version string
	}{
		{time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC), false, false, "19.12.2008"},
		{time.Date(2016, 7, 8, 0, 0, 0, 0, time.UTC), false, false, "19.12.2008"},
		{time.Date(2016, 7, 9, 0, 0, 0, 0, time.UTC), true, false, "09.07.2016"},
		{time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC), true, false, "09.07.2016"},
		{time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC), true, true, "iseteenindus 04.2025"},
	} {
		on := d(tc.on.Year(), tc.on.Month(), tc.on.Day())
		for _, k := range []certificate.Kind{certificate.Occupational, certificate.Partial} {
			got, e, err := duplicate.Grounds(statute, k, false, on)
			if err != nil {
				t.Fatalf("Grounds(%s, %s): %v", k, on, err)
			}
			if slices.Contains(got, duplicate.NewPersonalCode) != tc.code || slices.Contains(got, duplicate.NameChange) != tc.name {
				t.Errorf("Grounds(%s, %s) = %v; want new code %v, name change %v", k, on, got, tc.code, tc.name)
			}
			if !slices.Contains(got, duplicate.LetterIllegible) || e.Steps[0].Version != tc.version || e.Steps[0].Rule != "CERT-07" {
				t.Errorf("Grounds(%s, %s): version %q rule %q; want %q, CERT-07", k, on, e.Steps[0].Version, e.Steps[0].Rule, tc.version)
			}
		}
	}
	if _, _, err := duplicate.ProcedureFor(statute, certificate.Occupational, false, duplicate.NameChange, d(2024, time.May, 2)); ruleOf(err) != "CERT-07" {
		t.Errorf("ProcedureFor(name-change, 2024) = %v; want a CERT-07 ground error", err)
	}
}

// TestProcedureFor_NoGround proves that a request without a ground, or about a kind with no
// procedure, is refused with a typed error naming the rule.
func TestProcedureFor_NoGround(t *testing.T) {
	_, _, err := duplicate.ProcedureFor(statute, certificate.Gymnasium, false, 0, d(2026, time.November, 23))
	wantErr(t, "ProcedureFor(no ground)", err, duplicate.ErrNoGround, duplicate.ErrInvalid)
	if ruleOf(err) != "SCH-16" {
		t.Errorf("no ground: rule %q; want SCH-16", ruleOf(err))
	}
	_, _, err = duplicate.ProcedureFor(statute, certificate.Occupational, false, 0, d(2026, time.November, 23))
	if ruleOf(err) != "CERT-07" {
		t.Errorf("occupational, no ground: rule %q; want CERT-07", ruleOf(err))
	}
	_, _, err = duplicate.ProcedureFor(statute, certificate.Proficiency, false, duplicate.Lost, d(2026, time.November, 23))
	wantErr(t, "ProcedureFor(proficiency)", err, duplicate.ErrKind)
}

// TestXRoad_CERT07 proves the mapping of the register's X-Road reasons (1 lost, 2 unusable, 3 the
// awarding body's data error) to grounds and back.
func TestXRoad_CERT07(t *testing.T) {
	for reason, want := range map[int]duplicate.Ground{1: duplicate.Lost, 2: duplicate.Illegible, 3: duplicate.Error} {
		g, err := duplicate.GroundFromXRoad(reason)
		if err != nil || g != want {
			t.Errorf("GroundFromXRoad(%d) = %s, %v; want %s", reason, g, err, want)
		}
		if back, ok := g.XRoad(); !ok || back != reason {
			t.Errorf("%s.XRoad() = %d, %v; want %d", g, back, ok, reason)
		}
	}
	if r, ok := duplicate.LetterIllegible.XRoad(); !ok || r != 2 {
		t.Errorf("letter-illegible.XRoad() = %d, %v; want 2 (unusable)", r, ok)
	}
	for _, g := range []duplicate.Ground{duplicate.NameChange, duplicate.NewPersonalCode} {
		if _, ok := g.XRoad(); ok {
			t.Errorf("%s.XRoad() has a code; the 2018 schema has none", g)
		}
	}
	_, err := duplicate.GroundFromXRoad(4)
	wantErr(t, "GroundFromXRoad(4)", err, duplicate.ErrGround)
}

// TestAttachments_SCH18 proves that the original is attached for grounds 1, 2 and 4 of a school
// duplicate and not for a lost one (§ 17 (5)).
func TestAttachments_SCH18(t *testing.T) {
	for g, want := range map[duplicate.Ground]bool{duplicate.Illegible: true, duplicate.Error: true, duplicate.Lost: false, duplicate.Legalised: true} {
		got, e := attach(duplicate.SchoolDuplicate, g, false)
		if (len(got) == 1 && got[0] == duplicate.Original) != want || !e.Applies("SCH-18") {
			t.Errorf("Attachments(school, %s) = %v (%v); want original %v", g, got, e.Rules(), want)
		}
	}
}

// TestAttachments_SCH14 proves that the original is attached to an exchange for grounds 1, 2 and 4
// (§ 16 (2)), and to nothing under § 15.
func TestAttachments_SCH14(t *testing.T) {
	for g, want := range map[duplicate.Ground]bool{duplicate.Illegible: true, duplicate.Error: true, duplicate.Lost: false, duplicate.Electronic: true} {
		got, e := attach(duplicate.StateExamExchange, g, false)
		if (len(got) == 1) != want || !e.Applies("SCH-14") {
			t.Errorf("Attachments(exchange, %s) = %v; want original %v", g, got, want)
		}
	}
	if got, _ := attach(duplicate.StateExamLegalised, duplicate.Legalised, false); got != nil {
		t.Errorf("Attachments(§ 15 (4)) = %v; want none (SCH-13)", got)
	}
	if got, _ := attach(duplicate.StateExamCorrection, duplicate.Error, false); got != nil {
		t.Errorf("Attachments(§ 15 (3)) = %v; want none (SCH-12)", got)
	}
}

// TestAttachments_CERT07 proves that the original is attached for Reg74 grounds 1–3 and 5, not for a
// lost one or a change of name, and not when the awarding body asks itself for its error.
func TestAttachments_CERT07(t *testing.T) {
	for g, want := range map[duplicate.Ground]bool{
		duplicate.Illegible: true, duplicate.LetterIllegible: true, duplicate.Error: true, duplicate.Lost: false,
		duplicate.NewPersonalCode: true, duplicate.NameChange: false,
	} {
		got, e := attach(duplicate.OccupationalDuplicate, g, false)
		if (len(got) == 1) != want || !e.Applies("CERT-07") {
			t.Errorf("Attachments(occupational, %s) = %v; want original %v", g, got, want)
		}
	}
	if got, _ := attach(duplicate.OccupationalDuplicate, duplicate.Error, true); got != nil {
		t.Errorf("Attachments(occupational, error, by issuer) = %v; want none", got)
	}
}

// TestGroundText proves the grounds' codes round-trip and have Estonian and English names.
func TestGroundText(t *testing.T) {
	for g := duplicate.Illegible; g <= duplicate.NameChange; g++ {
		b, _ := g.MarshalText()
		var back duplicate.Ground
		if err := back.UnmarshalText(b); err != nil || back != g {
			t.Errorf("round trip of %s = %s, %v", g, back, err)
		}
		if g.Name(0) == g.Name(1) || g.Name(0) == "" {
			t.Errorf("%s has names %q / %q", g, g.Name(0), g.Name(1))
		}
	}
	if _, err := duplicate.ParseGround("nope"); err == nil {
		t.Error("ParseGround(nope) = nil error")
	}
}

// FuzzParseGround proves that ParseGround never panics and that what it accepts round-trips.
func FuzzParseGround(f *testing.F) {
	for _, s := range []string{"lost", "illegible", "name-change", "", "LOST", "ground(9)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g, err := duplicate.ParseGround(s)
		if err != nil {
			return
		}
		if !g.Valid() || g.String() != s {
			t.Fatalf("ParseGround(%q) = %s", s, g)
		}
	})
}
