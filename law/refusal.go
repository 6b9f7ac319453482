package law

import (
	"errors"
	"strings"
)

// ErrRefused is wrapped by every error that reports a request refused by a legal rule, whichever
// package refused it, as invalid.ErrInvalid is by every error that reports bad input. A host
// handles "refused by a rule" once with errors.Is(err, law.ErrRefused) and finds the rule, its
// citation and the package's own category with errors.As to *[RuleError].
var ErrRefused = errors.New("refused by a rule")

// RuleError reports a request refused by a legal rule: which package refused it, which rule, where
// the rule is written, under which version, what was refused and why. It is the SDK's one refusal
// type: certificate.RuleError, application.RuleError, vocational.RuleError and
// duplicate.RuleError are this type, and a *proficiency.Refusal converts to it with errors.As.
// errors.Is finds both its category (Err) and [ErrRefused].
type RuleError struct {
	Pkg      string // the reporting package, e.g. "certificate": the message's prefix
	Rule     string // the rule's ID as in RULES.md, e.g. "CERT-11"
	Citation string // the provision as text, e.g. "Kutseseadus § 22 lg 1"
	Version  string // the version of the rules applied (GEN-04), or ""
	Op       string // what was refused, e.g. "invalidate 204580"
	Reason   string // why, in words a host can show, or ""
	Err      error  // the category, a sentinel of the reporting package, e.g. certificate.ErrInvalidated
}

// Error implements error:
// "<pkg>: <op>: <err>[: <reason>] (<rule>[, <citation>][, version <version>])", e.g.
// "certificate: invalidate 204580: the certificate has been declared invalid (CERT-11, Kutseseadus § 22 lg 1)".
func (e *RuleError) Error() string {
	var b strings.Builder
	if e.Pkg != "" {
		b.WriteString(e.Pkg + ": ")
	}
	b.WriteString(e.Op + ": ")
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString(ErrRefused.Error())
	}
	if e.Reason != "" {
		b.WriteString(": " + e.Reason)
	}
	b.WriteString(" (" + e.Rule)
	if e.Citation != "" {
		b.WriteString(", " + e.Citation)
	}
	if e.Version != "" {
		b.WriteString(", version " + e.Version)
	}
	b.WriteString(")")
	return b.String()
}

// Unwrap returns the category and [ErrRefused], so that errors.Is finds both. A category that is
// [ErrNoVersion] (no version of the rule covers the date, GEN-04) is returned alone: the SDK does
// not know the rule of that day, so it has refused nothing by it.
func (e *RuleError) Unwrap() []error {
	switch {
	case e.Err == nil:
		return []error{ErrRefused}
	case errors.Is(e.Err, ErrNoVersion):
		return []error{e.Err}
	}
	return []error{e.Err, ErrRefused}
}
