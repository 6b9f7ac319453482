package law

import (
	"strings"
)

// Citation points at a provision of an act: the act, its Riigi Teataja reference, the paragraph (§),
// subsection (lõige, lg) and point (punkt, p). Empty parts are left out when it is rendered.
type Citation struct {
	Act        string // the act's short name or title, e.g. "TsÜS" or "Vabariigi Valitsuse määrus nr 113"
	RT         string // the Riigi Teataja reference, e.g. "RT I 2010, 58, 391"
	Section    string // the paragraph number, e.g. "18" or "14^2"
	Subsection string // the subsection (lõige), e.g. "1"
	Point      string // the point (punkt), e.g. "2"
}

// IsZero reports whether c names nothing.
func (c Citation) IsZero() bool { return c == Citation{} }

// String renders c the Estonian way, "RT I 2010, 58, 391 § 18 lg 1 p 2": the Riigi Teataja reference
// where there is one, otherwise the act's name, then the provision.
func (c Citation) String() string {
	var b strings.Builder
	c.write(&b, Estonian)
	return b.String()
}

// Format renders c in lang: Estonian as [Citation.String]; English as "RT I 2010, 58, 391 § 18 (1) 2)",
// the form of Riigi Teataja's English translations.
func (c Citation) Format(lang Lang) string {
	var b strings.Builder
	c.write(&b, lang)
	return b.String()
}

func (c Citation) write(b *strings.Builder, lang Lang) {
	head := c.RT
	if head == "" {
		head = c.Act
	}
	b.WriteString(head)
	if c.Section == "" {
		return
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.WriteString("§ ")
	b.WriteString(c.Section)
	if lang == English {
		if c.Subsection != "" {
			b.WriteString(" (" + c.Subsection + ")")
		}
		if c.Point != "" {
			b.WriteString(" " + c.Point + ")")
		}
		return
	}
	if c.Subsection != "" {
		b.WriteString(" lg " + c.Subsection)
	}
	if c.Point != "" {
		b.WriteString(" p " + c.Point)
	}
}

// At returns a copy of c pointing at another provision of the same act.
func (c Citation) At(section, subsection, point string) Citation {
	c.Section, c.Subsection, c.Point = section, subsection, point
	return c
}
