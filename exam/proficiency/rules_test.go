package proficiency_test

import (
	"errors"
	"testing"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/exam/proficiency"
	"github.com/kutsekit/kutse/law"
)

// TestDefault_GEN04_versions proves that the SDK holds the 2007 regulation as in force
// 01.10.2010–30.06.2011 (seed 004), the rules from 01.07.2011 (seed 003) and those with Harno as
// the organiser from 01.08.2020, picks one by date with its boundaries, and refuses a date none
// covers.
func TestDefault_GEN04_versions(t *testing.T) {
	if err := rb.Check(); err != nil {
		t.Fatalf("Default().Check() = %v", err)
	}
	for _, tt := range []struct {
		d      calendar.Date
		name   string
		months int
	}{
		{date(2010, 10, 1), "01.10.2010", 3},
		{date(2011, 6, 30), "01.10.2010", 3},
		{date(2011, 7, 1), "01.07.2011", 6},
		{date(2020, 7, 31), "01.07.2011", 6},
		{date(2020, 8, 1), "01.08.2020", 6},
		{date(2030, 1, 1), "01.08.2020", 6},
	} {
		v, err := rb.At(tt.d)
		if err != nil || v.Name != tt.name || v.Rule.Retake.Months != tt.months {
			t.Errorf("At(%s) = %q (%d months), %v; want %q (%d)", tt.d, v.Name, v.Rule.Retake.Months, err, tt.name, tt.months)
		}
	}
	if _, err := rb.At(date(2010, 9, 30)); !errors.Is(err, law.ErrNoVersion) {
		t.Errorf("At(2010-09-30) = %v; want ErrNoVersion", err)
	}
	if _, err := rb.Grade(proficiency.Sheet{Date: date(2010, 9, 30), Max: full}); !errors.Is(err, law.ErrNoVersion) {
		t.Errorf("Grade(2010-09-30) = %v; want ErrNoVersion", err)
	}
	// Default returns a fresh copy each time: a host changing one changes nothing else.
	a := proficiency.Default()
	a[0].Rule.Cite["LNG-08"] = law.Citation{Act: "changed"}
	a[1].Rule.Levels[0] = proficiency.C1
	if b := proficiency.Default(); b[0].Rule.Cite["LNG-08"].Act == "changed" || b[1].Rule.Levels[0] != proficiency.A2 {
		t.Error("Default() shares its tables between calls")
	}
}

// TestWith_GEN04_hostAddsVersion proves that a host adds a later version without changing the SDK:
// here the wording in force from 06.11.2023, whose content the sources do not give
// (research/domain-rules.md § 5.1: UNCONFIRMED), so the test's version carries the 2020 rules with
// a group limit of its own, as a host that read the text would set it. The open version is closed
// the day before; decisions after the date name the new version.
func TestWith_GEN04_hostAddsVersion(t *testing.T) {
	last := rb[len(rb)-1]
	host := last
	host.Name, host.Period = "06.11.2023", law.Period{From: date(2023, 11, 6)}
	host.Rule = last.Rule
	host.Rule.GroupMax = 20 // the host's reading; not a fact of the sources
	book, err := rb.With(host)
	if err != nil {
		t.Fatalf("With = %v", err)
	}
	if v, _ := book.At(date(2023, 11, 5)); v.Name != "01.08.2020" || v.Period.Until != date(2023, 11, 5) {
		t.Errorf("At(2023-11-05) = %q until %s; want 01.08.2020 closed on 2023-11-05", v.Name, v.Period.Until)
	}
	org, e, err := book.Organiser(date(2023, 11, 6))
	if err != nil || org != "Haridus- ja Noorteamet (Harno)" || e.Steps[0].Version != "06.11.2023" {
		t.Errorf("Organiser(2023-11-06) = %q, %v, %v", org, e.Steps, err)
	}
	if v, _ := book.At(date(2024, 1, 1)); v.Rule.GroupMax != 20 {
		t.Errorf("At(2024-01-01).GroupMax = %d; want the host's 20", v.Rule.GroupMax)
	}
	if v, _ := rb.At(date(2024, 1, 1)); v.Name != "01.08.2020" || !v.Period.Until.IsZero() {
		t.Errorf("With changed the original rulebook: %q until %s", v.Name, v.Period.Until)
	}
	bad := host
	bad.Period = law.Period{From: date(2011, 1, 1), Until: date(2011, 2, 1)}
	if _, err := rb.With(bad); err == nil {
		t.Error("With(a version overlapping 004) = nil; want an error")
	}
	broken := host
	broken.Rule.GroupMax = 0
	if _, err := rb.With(broken); err == nil {
		t.Error("With(GroupMax 0) = nil; want an error")
	}
}

// TestOrganiser_LNG01 proves that the organiser is data, by version: REKK under 004 § 2, SA Innove
// under 003.
func TestOrganiser_LNG01(t *testing.T) {
	for d, want := range map[calendar.Date]string{
		date(2011, 3, 1): "Riiklik Eksami- ja Kvalifikatsioonikeskus (REKK)",
		date(2012, 3, 1): "Sihtasutus Innove",
	} {
		got, e, err := rb.Organiser(d)
		if err != nil || got != want || !e.Applies("LNG-01") {
			t.Errorf("Organiser(%s) = %q, %v; want %q", d, got, err, want)
		}
	}
	if _, e, _ := rb.Organiser(date(2011, 3, 1)); e.Steps[1].Citation.String() != "RTL 2007, 94, 1563 § 2" {
		t.Errorf("LNG-01 cites %s; want 004 § 2", e.Steps[1].Citation)
	}
}

func TestParseLevel_LNG03(t *testing.T) {
	for _, s := range []string{"A2", "b1", " B2 ", "C1"} {
		if l, err := proficiency.ParseLevel(s); err != nil || !l.Valid() {
			t.Errorf("ParseLevel(%q) = %v, %v", s, l, err)
		}
	}
	for _, s := range []string{"", "A1", "C2", "kesktase", "algtase"} {
		if _, err := proficiency.ParseLevel(s); !errors.Is(err, proficiency.ErrInvalid) {
			t.Errorf("ParseLevel(%q) = %v; want ErrInvalid", s, err)
		}
	}
	var l proficiency.Level
	if err := l.UnmarshalText([]byte("B2")); err != nil || l != proficiency.B2 {
		t.Errorf("UnmarshalText(B2) = %v, %v", l, err)
	}
	if b, _ := proficiency.C1.MarshalText(); string(b) != "C1" {
		t.Errorf("MarshalText = %q", b)
	}
}

// TestOrganiser_LNG01_Harno proves that from 01.08.2020 the exams are organised by Haridus- ja
// Noorteamet (Harno), which took over SA Innove's tasks that day (regulation nr 24 § 3 (4) in the
// wording in force from 01.08.2020; research/domain-rules.md § 5.1, § 5.7): a decision of 2026
// names Harno and the version "01.08.2020"; the day before is still SA Innove's.
func TestOrganiser_LNG01_Harno(t *testing.T) {
	for _, tt := range []struct {
		d             calendar.Date
		want, version string
	}{
		{date(2020, 7, 31), "Sihtasutus Innove", "01.07.2011"},
		{date(2020, 8, 1), "Haridus- ja Noorteamet (Harno)", "01.08.2020"},
		{date(2026, 5, 15), "Haridus- ja Noorteamet (Harno)", "01.08.2020"},
	} {
		got, e, err := rb.Organiser(tt.d)
		if err != nil || got != tt.want || e.Steps[0].Version != tt.version {
			t.Errorf("Organiser(%s) = %q (version %q), %v; want %q (version %q)", tt.d, got, e.Steps[0].Version, err, tt.want, tt.version)
			continue
		}
		if c := e.Steps[1].Citation.String(); tt.version == "01.08.2020" && c != "RT I, 16.06.2011, 6 § 3 lg 4" {
			t.Errorf("Organiser(%s) cites %q; want regulation nr 24 § 3 (4)", tt.d, c)
		}
	}
}
