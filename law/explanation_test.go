package law_test

import (
	"slices"
	"testing"

	"github.com/kutsekit/kutse/law"
)

// GEN-06: a decision explains itself with the rules applied and their citations, in Estonian and
// English (GEN-05).
func TestGEN06ExplanationRender(t *testing.T) {
	var e law.Explanation
	e.Add("SCH-19", reg113, "otsus tuleb teha hiljemalt 28.06.2024", "the decision is due by 28.06.2024").
		Add("SCH-15", reg113.At("17", "1", "3"), "alus: dokument on hävinud", "ground: the document was destroyed")
	e.AddStep(law.Step{Rule: "LNG-08", Version: "01.07.2011", Et: "ootus 6 kuud", En: "wait 6 months"})
	e.AddStep(law.Step{Rule: "GEN-04", Et: "viiteta samm", En: "a step with no citation"})

	wantEt := "1. SCH-19 (RT I 2010, 58, 391 § 18 lg 1): otsus tuleb teha hiljemalt 28.06.2024\n" +
		"2. SCH-15 (RT I 2010, 58, 391 § 17 lg 1 p 3): alus: dokument on hävinud\n" +
		"3. LNG-08 (redaktsioon 01.07.2011): ootus 6 kuud\n" +
		"4. GEN-04: viiteta samm"
	wantEn := "1. SCH-19 (RT I 2010, 58, 391 § 18 (1)): the decision is due by 28.06.2024\n" +
		"2. SCH-15 (RT I 2010, 58, 391 § 17 (1) 3)): ground: the document was destroyed\n" +
		"3. LNG-08 (version 01.07.2011): wait 6 months\n" +
		"4. GEN-04: a step with no citation"
	if got := e.Render(law.Estonian); got != wantEt {
		t.Errorf("Render(Estonian) =\n%s\nwant\n%s", got, wantEt)
	}
	if got := e.Render(law.English); got != wantEn {
		t.Errorf("Render(English) =\n%s\nwant\n%s", got, wantEn)
	}
	if got := e.String(); got != wantEt {
		t.Errorf("String() =\n%s\nwant the Estonian rendering", got)
	}
}

func TestGEN06ExplanationRenderVersionAndCitation(t *testing.T) {
	d := date(2011, 7, 1)
	v, err := retakeWait.At(d)
	if err != nil {
		t.Fatal(err)
	}
	var e law.Explanation
	e.AddStep(v.Step("LNG-08", d))
	wantEt := "1. LNG-08 (RT I, 16.06.2011, 6, redaktsioon 01.07.2011): kohaldati 01.07.2011 kehtinud redaktsiooni (01.07.2011–…)"
	wantEn := "1. LNG-08 (RT I, 16.06.2011, 6, version 01.07.2011): applied the version in force on 2011-07-01 (2011-07-01 – …)"
	if got := e.Render(law.Estonian); got != wantEt {
		t.Errorf("Render(Estonian) = %q; want %q", got, wantEt)
	}
	if got := e.Render(law.English); got != wantEn {
		t.Errorf("Render(English) = %q; want %q", got, wantEn)
	}
}

func TestGEN06ExplanationEmpty(t *testing.T) {
	var e law.Explanation // the zero value is ready to use
	if got := e.Render(law.English); got != "" {
		t.Errorf("empty Render = %q; want \"\"", got)
	}
	if got := e.Rules(); len(got) != 0 {
		t.Errorf("empty Rules() = %v; want none", got)
	}
	if e.Applies("GEN-06") {
		t.Error("empty Applies(GEN-06) = true")
	}
}

// GEN-06: Rules lists each rule applied once, in the order first applied.
func TestGEN06ExplanationRules(t *testing.T) {
	var e law.Explanation
	for _, r := range []string{"SCH-15", "SCH-19", "", "SCH-15", "GEN-04", "SCH-19", "GEN-04", "SCH-20"} {
		e.Add(r, law.Citation{}, r, r)
	}
	want := []string{"SCH-15", "SCH-19", "GEN-04", "SCH-20"}
	if got := e.Rules(); !slices.Equal(got, want) {
		t.Errorf("Rules() = %v; want %v", got, want)
	}
	if !e.Applies("SCH-20") || e.Applies("SCH-21") || !e.Applies("") {
		t.Errorf("Applies: SCH-20 %v, SCH-21 %v; want true, false", e.Applies("SCH-20"), e.Applies("SCH-21"))
	}
}

func TestGEN06ExplanationAppend(t *testing.T) {
	var a, b law.Explanation
	a.Add("SCH-19", reg113, "a", "a")
	b.Add("SCH-15", reg113, "b1", "b1").Add("SCH-19", reg113, "b2", "b2")
	a.Append(b)
	if len(a.Steps) != 3 || a.Steps[1].Et != "b1" || a.Steps[2].Et != "b2" {
		t.Errorf("Append: steps %+v; want a, b1, b2", a.Steps)
	}
	if len(b.Steps) != 2 {
		t.Errorf("Append changed its argument: %d steps", len(b.Steps))
	}
	if got, want := a.Rules(), []string{"SCH-19", "SCH-15"}; !slices.Equal(got, want) {
		t.Errorf("Rules() = %v; want %v", got, want)
	}
	if got := a.Steps[0].Finding(law.English); got != "a" {
		t.Errorf("Finding(English) = %q", got)
	}
}

// Render numbers steps past 9 correctly.
func TestGEN06ExplanationRenderManySteps(t *testing.T) {
	var e law.Explanation
	for range 12 {
		e.Add("GEN-06", law.Citation{}, "x", "x")
	}
	got := e.Render(law.Estonian)
	if want := "\n12. GEN-06: x"; len(got) < len(want) || got[len(got)-len(want):] != want {
		t.Errorf("Render ends %q; want it to end %q", got[max(0, len(got)-20):], want)
	}
}
