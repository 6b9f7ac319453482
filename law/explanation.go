package law

import (
	"strings"
)

// Step is one step a decision took: the rule applied (its ID in RULES.md), the provision it rests on,
// and what was found, in Estonian and in English.
type Step struct {
	Rule     string   // the rule's ID, e.g. "SCH-19"
	Citation Citation // the provision applied
	Version  string   // the version of the rule applied, where it has versions (GEN-04); else ""
	Et       string   // what was found, in Estonian
	En       string   // what was found, in English
}

// Finding returns the step's finding in lang.
func (s Step) Finding(lang Lang) string { return lang.Pick(s.Et, s.En) }

// Explanation is the ordered steps a decision took (GEN-06). The zero value is an empty explanation
// ready to use.
type Explanation struct {
	Steps []Step
}

// Add appends a step and returns the explanation, so steps can be chained.
func (e *Explanation) Add(rule string, c Citation, et, en string) *Explanation {
	e.Steps = append(e.Steps, Step{Rule: rule, Citation: c, Et: et, En: en})
	return e
}

// AddStep appends s.
func (e *Explanation) AddStep(s Step) { e.Steps = append(e.Steps, s) }

// Append appends every step of o.
func (e *Explanation) Append(o Explanation) { e.Steps = append(e.Steps, o.Steps...) }

// Rules returns the IDs of the rules applied, in order, each once.
func (e Explanation) Rules() []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range e.Steps {
		if s.Rule != "" && !seen[s.Rule] {
			seen[s.Rule] = true
			out = append(out, s.Rule)
		}
	}
	return out
}

// Applies reports whether the rule with the given ID was applied.
func (e Explanation) Applies(rule string) bool {
	for _, s := range e.Steps {
		if s.Rule == rule {
			return true
		}
	}
	return false
}

// Render returns the explanation in lang, one numbered line a step:
//
//  1. SCH-19 (RT I 2010, 58, 391 § 18 lg 1): otsus tuleb teha hiljemalt 28.06.2024
func (e Explanation) Render(lang Lang) string {
	var b strings.Builder
	for i, s := range e.Steps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(itoa(i + 1))
		b.WriteString(". ")
		b.WriteString(s.Rule)
		c := s.Citation.Format(lang)
		if s.Version != "" {
			if c != "" {
				c += ", "
			}
			c += lang.Pick("redaktsioon ", "version ") + s.Version
		}
		if c != "" {
			b.WriteString(" (" + c + ")")
		}
		b.WriteString(": ")
		b.WriteString(s.Finding(lang))
	}
	return b.String()
}

// String renders the explanation in Estonian.
func (e Explanation) String() string { return e.Render(Estonian) }

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}
