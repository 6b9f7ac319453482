package web_test

import (
	"math"
	"os"
	"regexp"
	"strconv"
	"testing"
)

// TestContrast proves (an accessibility requirement of the page, no rule of RULES.md) that every pair of text and background colours the style sheet uses has at
// least the contrast WCAG 2.2 asks for (1.4.3: 4.5:1 for text; 1.4.11: 3:1 for the focus ring),
// computed from the sheet's own custom properties.
func TestContrast(t *testing.T) {
	b, err := os.ReadFile("templates/style.css")
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{}
	for _, m := range regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;`).FindAllStringSubmatch(string(b), -1) {
		vars[m[1]] = m[2]
	}
	for _, p := range []struct {
		fg, bg string
		min    float64
	}{
		{"text", "bg", 4.5}, {"muted", "bg", 4.5}, {"link", "bg", 4.5},
		{"text", "panel-bg", 4.5}, {"muted", "panel-bg", 4.5},
		{"head-fg", "head-bg", 4.5},
		{"valid-fg", "valid-bg", 4.5}, {"invalid-fg", "invalid-bg", 4.5}, {"pending-fg", "pending-bg", 4.5},
		{"focus", "bg", 3}, {"focus", "panel-bg", 3}, {"head-focus", "head-bg", 3},
	} {
		fg, okF := vars[p.fg]
		bg, okB := vars[p.bg]
		if !okF || !okB {
			t.Errorf("style.css lacks --%s or --%s", p.fg, p.bg)
			continue
		}
		if r := contrast(fg, bg); r < p.min {
			t.Errorf("--%s %s on --%s %s: contrast %.2f:1; want at least %.1f:1", p.fg, fg, p.bg, bg, r, p.min)
		} else {
			t.Logf("--%s on --%s: %.2f:1", p.fg, p.bg, r)
		}
	}
}

// contrast is the WCAG contrast ratio of two #rrggbb colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// luminance is the relative luminance of a #rrggbb colour (WCAG 2.2).
func luminance(hex string) float64 {
	var l float64
	for i, w := range []float64{0.2126, 0.7152, 0.0722} {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += w * c
	}
	return l
}
