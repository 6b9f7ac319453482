package classifier_test

import (
	"errors"
	"strings"
	"testing"
	"unicode"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/classifier"
)

func lvl(n int) classifier.Level { return classifier.MustLevel(n) }

// CERT-03: titles carry the EKR level ("…, tase 5") or, on older certificates, the old level
// ("Kokk II", "Diplomeeritud ehitusinsener V").
func TestCERT03ParseTitle(t *testing.T) {
	tests := []struct {
		in   string
		want classifier.Title
		out  string // String(); "" means in
	}{
		// current titles (research §3.4, CERT-01)
		{"Sõiduautodiagnostik, tase 5", classifier.Title{Base: "Sõiduautodiagnostik", Level: lvl(5)}, ""},
		{"Kokk, tase 4", classifier.Title{Base: "Kokk", Level: lvl(4)}, ""},
		{"Abiaednik, tase 2", classifier.Title{Base: "Abiaednik", Level: lvl(2)}, ""},
		{"Bioanalüütik, tase 6 esmane kutse", classifier.Title{Base: "Bioanalüütik", Level: lvl(6), Initial: true}, ""},
		{"Betoonkonstruktsioonide ehitaja, tase 4 esmane kutse", classifier.Title{Base: "Betoonkonstruktsioonide ehitaja", Level: lvl(4), Initial: true}, ""},
		{"Sisetööde elektrik tase 3", classifier.Title{Base: "Sisetööde elektrik", Level: lvl(3)}, "Sisetööde elektrik, tase 3"},
		{"  Keevitaja,  Tase\t3 ", classifier.Title{Base: "Keevitaja", Level: lvl(3)}, "Keevitaja, tase 3"},
		{"Küttesüsteemi paigaldaja, tase 4", classifier.Title{Base: "Küttesüsteemi paigaldaja", Level: lvl(4)}, ""},
		// old titles (Kutseseadus 2001 § 3 (3); research §3.3)
		{"Diplomeeritud ehitusinsener V", classifier.Title{Base: "Diplomeeritud ehitusinsener", Old: classifier.OldLevelV}, ""},
		{"Kokk II", classifier.Title{Base: "Kokk", Old: classifier.OldLevelII}, ""},
		{"Elektrik IV", classifier.Title{Base: "Elektrik", Old: classifier.OldLevelIV}, ""},
		{"Autotehnik I", classifier.Title{Base: "Autotehnik", Old: classifier.OldLevelI}, ""},
		{"Arvjuhtimisega metallilõikepinkide operaator-meister III", classifier.Title{Base: "Arvjuhtimisega metallilõikepinkide operaator-meister", Old: classifier.OldLevelIII}, ""},
		{"Telekommunikatsioonitehnik III", classifier.Title{Base: "Telekommunikatsioonitehnik", Old: classifier.OldLevelIII}, ""},
		{"Kokk\u00a0II", classifier.Title{Base: "Kokk", Old: classifier.OldLevelII}, "Kokk II"},
		// not fooled by words ending in I or V, nor by numerals that are not I–V
		{"Autotehnik", classifier.Title{Base: "Autotehnik"}, ""},
		{"Kalur", classifier.Title{Base: "Kalur"}, ""},
		{"Kokk VI", classifier.Title{Base: "Kokk VI"}, ""},
		{"Kokk ii", classifier.Title{Base: "Kokk ii"}, ""},
		{"Kokk-II", classifier.Title{Base: "Kokk-II"}, ""},
		{"Kokk IIV", classifier.Title{Base: "Kokk IIV"}, ""},
		{"Meister XV", classifier.Title{Base: "Meister XV"}, ""},
		{"Kokk, II", classifier.Title{Base: "Kokk,", Old: classifier.OldLevelII}, ""},
		// levels out of range and other near misses are part of the base
		{"Kokk, tase 9", classifier.Title{Base: "Kokk, tase 9"}, ""},
		{"Kokk, tase 0", classifier.Title{Base: "Kokk, tase 0"}, ""},
		{"Kokk, tase 10", classifier.Title{Base: "Kokk, tase 10"}, ""},
		{"Kokk, tase 4 esmane", classifier.Title{Base: "Kokk, tase 4 esmane"}, ""},
		{"Kokk esmane kutse", classifier.Title{Base: "Kokk esmane kutse"}, ""},
		{"Kokk,tase 4", classifier.Title{Base: "Kokk,tase 4"}, ""},
		{"Cook, level 4", classifier.Title{Base: "Cook, level 4"}, ""},
		{"Arborist, tase 4 (kehtib kuni 19.02.2019)", classifier.Title{Base: "Arborist, tase 4 (kehtib kuni 19.02.2019)"}, ""},
		// an empty base is no title with a level
		{"tase 4", classifier.Title{Base: "tase 4"}, ""},
		{", tase 4", classifier.Title{Base: ", tase 4"}, ""},
		{"V", classifier.Title{Base: "V"}, ""},
		{"", classifier.Title{}, ""},
		{"   ", classifier.Title{}, ""},
	}
	for _, tt := range tests {
		got := classifier.ParseTitle(tt.in)
		if got != tt.want {
			t.Errorf("ParseTitle(%q) = %#v; want %#v", tt.in, got, tt.want)
		}
		out := tt.out
		if out == "" {
			out = strings.TrimSpace(tt.in)
		}
		if s := got.String(); s != out {
			t.Errorf("ParseTitle(%q).String() = %q; want %q", tt.in, s, out)
		}
	}
}

func TestCERT03OldLevelOf(t *testing.T) {
	tests := []struct {
		in   string
		base string
		old  classifier.OldLevel
		ok   bool
	}{
		{"Diplomeeritud ehitusinsener V", "Diplomeeritud ehitusinsener", classifier.OldLevelV, true},
		{"Kokk II", "Kokk", classifier.OldLevelII, true},
		{"Elektrik IV", "Elektrik", classifier.OldLevelIV, true},
		{"Autotehnik", "", 0, false},
		{"Sõiduautodiagnostik, tase 5", "", 0, false},
		{"IV", "", 0, false},
	}
	for _, tt := range tests {
		base, old, ok := classifier.OldLevelOf(tt.in)
		if base != tt.base || old != tt.old || ok != tt.ok {
			t.Errorf("OldLevelOf(%q) = %q, %v, %v; want %q, %v, %v", tt.in, base, old, ok, tt.base, tt.old, tt.ok)
		}
	}
}

func TestCERT03ParseOldLevel(t *testing.T) {
	for i, s := range []string{"I", "II", "III", "IV", "V"} {
		o, err := classifier.ParseOldLevel(s)
		if err != nil || o.Int() != i+1 || o.String() != s || !o.IsValid() {
			t.Errorf("ParseOldLevel(%q) = %v (Int %d), %v; want level %d", s, o, o.Int(), err, i+1)
		}
	}
	for _, s := range []string{"", "0", "VI", "IIII", "ii", "iv", "1", "X", "I V"} {
		o, err := classifier.ParseOldLevel(s)
		if !errors.Is(err, classifier.ErrSyntax) || o != 0 {
			t.Errorf("ParseOldLevel(%q) = %v, %v; want an error wrapping ErrSyntax", s, o, err)
		}
	}
	var zero classifier.OldLevel
	if zero.IsValid() || !zero.IsZero() || zero.String() != "" || zero.Int() != 0 {
		t.Errorf("zero OldLevel: IsValid %v, IsZero %v, String %q, Int %d", zero.IsValid(), zero.IsZero(), zero, zero.Int())
	}
	if bad := classifier.OldLevel(6); bad.IsValid() || bad.String() != "OldLevel(6)" || bad.Int() != 0 {
		t.Errorf("OldLevel(6): IsValid %v, String %q, Int %d", bad.IsValid(), bad, bad.Int())
	}
}

// baseGen draws a title base: any text, trimmed, not empty.
func baseGen() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		s := rapid.OneOf(
			rapid.SampledFrom([]string{"Kokk", "Autotehnik", "Diplomeeritud ehitusinsener", "Elektrik", "Kokk II", "Kokk, tase 4", "esmane kutse", "tase", "V", "a,", "Ö"}),
			rapid.StringMatching(`[A-ZÕÄÖÜŠŽa-zõäöüšž ,.()-]{1,30}`),
			rapid.String(),
		).Draw(t, "base")
		return strings.TrimSpace(s)
	}).Filter(func(s string) bool { return s != "" })
}

// Property (CERT-03): "<base> <roman>" parses to (base, roman) and is written back unchanged.
func TestCERT03OldTitleRoundTripProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		base := baseGen().Draw(t, "base")
		old := classifier.OldLevel(rapid.IntRange(1, 5).Draw(t, "old"))
		title := base + " " + old.String()
		got := classifier.ParseTitle(title)
		if want := (classifier.Title{Base: base, Old: old}); got != want {
			t.Fatalf("ParseTitle(%q) = %#v; want %#v", title, got, want)
		}
		if s := got.String(); s != title {
			t.Fatalf("ParseTitle(%q).String() = %q", title, s)
		}
		if b, o, ok := classifier.OldLevelOf(title); b != base || o != old || !ok {
			t.Fatalf("OldLevelOf(%q) = %q, %v, %v", title, b, o, ok)
		}
	})
}

// Property (CERT-03): "<base>, tase N[ esmane kutse]" parses to (base, N) and is written back unchanged.
func TestCERT03CurrentTitleRoundTripProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		want := classifier.Title{
			Base:    baseGen().Draw(t, "base"),
			Level:   classifier.MustLevel(rapid.IntRange(1, 8).Draw(t, "level")),
			Initial: rapid.Bool().Draw(t, "initial"),
		}
		title := want.String()
		if got := classifier.ParseTitle(title); got != want {
			t.Fatalf("ParseTitle(%q) = %#v; want %#v", title, got, want)
		}
	})
}

// FuzzParseTitle: ParseTitle never panics, its Base is trimmed, it finds at most one kind of level,
// and ParseTitle(t.String()) == t.
func FuzzParseTitle(f *testing.F) {
	for _, s := range []string{
		"Sõiduautodiagnostik, tase 5", "Bioanalüütik, tase 6 esmane kutse", "Diplomeeritud ehitusinsener V",
		"Kokk II", "Autotehnik", "Elektrik IV", "Sisetööde elektrik tase 3", "Kokk, II", "a,, tase 4",
		"tase 4", "V", "", " \u00a0 ", "x esmane kutse, tase 4", "Kokk, tase 4 III", "\xff II",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := classifier.ParseTitle(s)
		if strings.TrimFunc(got.Base, unicode.IsSpace) != got.Base {
			t.Fatalf("ParseTitle(%q).Base = %q; not trimmed", s, got.Base)
		}
		if !got.Level.IsZero() && !got.Old.IsZero() {
			t.Fatalf("ParseTitle(%q) = %#v; both an EKR and an old level", s, got)
		}
		if got.Initial && got.Level.IsZero() {
			t.Fatalf("ParseTitle(%q) = %#v; initial without a level", s, got)
		}
		if (!got.Level.IsZero() || !got.Old.IsZero()) && got.Base == "" {
			t.Fatalf("ParseTitle(%q) = %#v; a level with an empty base", s, got)
		}
		if again := classifier.ParseTitle(got.String()); again != got {
			t.Fatalf("ParseTitle(%q) = %#v; ParseTitle(%q) = %#v", s, got, got.String(), again)
		}
	})
}
