package law

import (
	"errors"
	"fmt"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/invalid"
)

// Period is the time a version of a rule is in force: from From to Until inclusive; a zero Until
// means it is still in force. A zero From means since the beginning of the record.
type Period struct {
	From  calendar.Date // first day in force; zero: no known start
	Until calendar.Date // last day in force; zero: still in force
}

// Contains reports whether the period covers day d.
func (p Period) Contains(d calendar.Date) bool {
	return (p.From.IsZero() || !d.Before(p.From)) && (p.Until.IsZero() || !d.After(p.Until))
}

// String renders the period as "2010-10-01 – 2011-06-30" ("…" for an open end).
func (p Period) String() string { return span(p.From.String(), p.Until.String(), " – ") }

// register renders the period the Estonian way, "01.10.2010–30.06.2011" ("…" for an open end).
func (p Period) register() string { return span(p.From.Register(), p.Until.Register(), "–") }

func span(from, until, dash string) string {
	if from == "" {
		from = "…"
	}
	if until == "" {
		until = "…"
	}
	return from + dash + until
}

// Version is one version (redaktsioon) of a rule: its name, the provision it is in, when it is in
// force, and the rule itself as data (a table of numbers, a function, whatever the package needs).
type Version[T any] struct {
	Name     string   // how the version is named after the word "redaktsioon"/"version", e.g. "01.10.2010–30.06.2011"
	Citation Citation // where the version's text is
	Period   Period   // when it is in force
	Rule     T        // the rule's content in this version
}

// Versions is the history of a rule (GEN-04). Versions may be listed in any order; their periods
// must not overlap (see [Versions.Check]).
type Versions[T any] []Version[T]

// ErrNoVersion is wrapped by the error [Versions.At] returns for a date no version covers.
var ErrNoVersion = errors.New("no version of the rule is in force on that date")

// NoVersionError reports that no version of a rule covers a date.
type NoVersionError struct {
	Date calendar.Date
}

// Error implements error.
func (e *NoVersionError) Error() string {
	return fmt.Sprintf("law: %v: %s", ErrNoVersion, e.Date)
}

// Unwrap returns ErrNoVersion.
func (e *NoVersionError) Unwrap() error { return ErrNoVersion }

// At returns the version in force on d (GEN-04), or a *NoVersionError (wrapping ErrNoVersion) when no
// version covers d: the SDK never guesses a version.
func (vs Versions[T]) At(d calendar.Date) (Version[T], error) {
	for _, v := range vs {
		if v.Period.Contains(d) {
			return v, nil
		}
	}
	return Version[T]{}, &NoVersionError{Date: d}
}

// Check returns an error naming the first two versions whose periods overlap, or a version that
// ends before it starts. The table is a host's input: the error is an *invalid.FieldError (wrapping
// invalid.ErrInvalid).
func (vs Versions[T]) Check() error {
	for _, a := range vs {
		if !a.Period.From.IsZero() && !a.Period.Until.IsZero() && a.Period.Until.Before(a.Period.From) {
			return &invalid.FieldError{Pkg: "law", Field: "version", Value: a.Name,
				Reason: fmt.Sprintf("ends (%s) before it starts (%s)", a.Period.Until, a.Period.From)}
		}
	}
	for i, a := range vs {
		for _, b := range vs[i+1:] {
			if overlap(a.Period, b.Period) {
				return &invalid.FieldError{Pkg: "law", Field: "versions", Value: a.Name,
					Reason: fmt.Sprintf("(%s) and %q (%s) overlap", a.Period, b.Name, b.Period)}
			}
		}
	}
	return nil
}

func overlap(a, b Period) bool {
	// a starts before b ends and b starts before a ends (open ends reach forever).
	aBeforeBEnd := a.From.IsZero() || b.Until.IsZero() || !a.From.After(b.Until)
	bBeforeAEnd := b.From.IsZero() || a.Until.IsZero() || !b.From.After(a.Until)
	return aBeforeBEnd && bBeforeAEnd
}

// Step returns an explanation step saying that version v of rule was applied on d.
func (v Version[T]) Step(rule string, d calendar.Date) Step {
	return Step{
		Rule:     rule,
		Citation: v.Citation,
		Version:  v.Name,
		Et:       "kohaldati " + d.Register() + " kehtinud redaktsiooni (" + v.Period.register() + ")",
		En:       "applied the version in force on " + d.String() + " (" + v.Period.String() + ")",
	}
}
