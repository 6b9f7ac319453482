package law_test

import (
	"testing"

	"github.com/kutsekit/kutse/law"
)

var reg113 = law.Citation{
	Act:        "Vabariigi Valitsuse määrus nr 113",
	RT:         "RT I 2010, 58, 391",
	Section:    "18",
	Subsection: "1",
}

// GEN-06: a decision cites its provisions; GEN-05: in Estonian and in English.
func TestGEN06CitationRender(t *testing.T) {
	tests := []struct {
		c      law.Citation
		et, en string
	}{
		{reg113, "RT I 2010, 58, 391 § 18 lg 1", "RT I 2010, 58, 391 § 18 (1)"},
		{reg113.At("18", "1", "2"), "RT I 2010, 58, 391 § 18 lg 1 p 2", "RT I 2010, 58, 391 § 18 (1) 2)"},
		{reg113.At("14^2", "", ""), "RT I 2010, 58, 391 § 14^2", "RT I 2010, 58, 391 § 14^2"},
		{reg113.At("15", "", "3"), "RT I 2010, 58, 391 § 15 p 3", "RT I 2010, 58, 391 § 15 3)"},
		{reg113.At("", "", ""), "RT I 2010, 58, 391", "RT I 2010, 58, 391"},
		// no Riigi Teataja reference: the act's name stands in its place
		{law.Citation{Act: "TsÜS", Section: "136", Subsection: "3"}, "TsÜS § 136 lg 3", "TsÜS § 136 (3)"},
		{law.Citation{Act: "TsÜS"}, "TsÜS", "TsÜS"},
		// neither: the provision alone
		{law.Citation{Section: "5", Subsection: "4"}, "§ 5 lg 4", "§ 5 (4)"},
		{law.Citation{}, "", ""},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.et {
			t.Errorf("%#v.String() = %q; want %q", tt.c, got, tt.et)
		}
		if got := tt.c.Format(law.Estonian); got != tt.et {
			t.Errorf("%#v.Format(Estonian) = %q; want %q", tt.c, got, tt.et)
		}
		if got := tt.c.Format(law.English); got != tt.en {
			t.Errorf("%#v.Format(English) = %q; want %q", tt.c, got, tt.en)
		}
	}
}

func TestGEN06CitationAtKeepsAct(t *testing.T) {
	c := reg113.At("17", "3", "")
	if c.Act != reg113.Act || c.RT != reg113.RT || c.Section != "17" || c.Subsection != "3" || c.Point != "" {
		t.Errorf("At(17, 3, \"\") = %#v; want the same act at § 17 lg 3", c)
	}
	if reg113.Section != "18" {
		t.Errorf("At changed its receiver: Section = %q", reg113.Section)
	}
}

func TestGEN06CitationIsZero(t *testing.T) {
	if !(law.Citation{}).IsZero() {
		t.Error("Citation{}.IsZero() = false; want true")
	}
	if reg113.IsZero() || (law.Citation{Point: "1"}).IsZero() {
		t.Error("IsZero() = true for a citation that names something")
	}
}
