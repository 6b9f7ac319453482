// Package invalid holds the error types every package of the SDK uses to report bad input: a
// [FieldError] names one field, its value and what is wrong with it; [Errors] lists every field that
// is wrong in one input; [New] makes a package's own category of bad input (classifier.ErrSyntax,
// asice.ErrFormat, deadline.ErrLength). All of them wrap [ErrInvalid], so a host tells bad input
// apart from a refusal by a legal rule (law.ErrRefused, a *law.RuleError), a refusal for want of rights
// (actor.ErrForbidden), a date no version of a rule covers (law.ErrNoVersion) or a storage failure
// (store.ErrNotFound, …) with errors.Is(err, invalid.ErrInvalid), whichever package reported it:
//
//	switch {
//	case errors.Is(err, invalid.ErrInvalid):  // 400: show the message, or the fields
//	case errors.Is(err, actor.ErrForbidden):  // 403
//	case errors.Is(err, store.ErrNotFound):   // 404
//	case errors.Is(err, law.ErrRefused):      // 409 or 422: show the rule and citation
//	}
//
// Each package keeps its own detail: the typed error it returns (isikukood.Error with its Check,
// duplicate.RequestError with its rule and citation, calendar.DateError, pdf.FieldError, …) is still
// found with errors.As, and its own sentinels with errors.Is. A package's ErrInvalid, where it has
// one, is this ErrInvalid, never a second one.
package invalid

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalid is wrapped by every error that reports bad input: a field missing or malformed.
var ErrInvalid = errors.New("invalid input")

// FieldError reports one field of the input that is wrong, and why.
type FieldError struct {
	Pkg    string // the reporting package, e.g. "certificate": the message's prefix
	Field  string // the field's path, e.g. "Holder.Name" or "Competences[2]"
	Value  string // the offending value as text ("" when missing)
	Reason string // what is wrong, in words a host can show, e.g. "is required"
}

// Error implements error: "certificate: Holder.Name is required".
func (e *FieldError) Error() string { return prefix(e.Pkg) + e.text() }

func (e *FieldError) text() string {
	if e.Value == "" {
		return e.Field + " " + e.Reason
	}
	return fmt.Sprintf("%s %q %s", e.Field, e.Value, e.Reason)
}

// Unwrap returns ErrInvalid.
func (e *FieldError) Unwrap() error { return ErrInvalid }

// Errors lists every field that is wrong in one input.
type Errors struct {
	Pkg    string // the reporting package: the message's prefix
	Fields []*FieldError
}

// Error implements error: all the fields, separated by "; ".
func (e *Errors) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.text()
	}
	return prefix(e.Pkg) + strings.Join(parts, "; ")
}

// Unwrap returns the field errors, so errors.Is(err, ErrInvalid) and errors.As to *FieldError work.
func (e *Errors) Unwrap() []error {
	out := make([]error, len(e.Fields))
	for i, f := range e.Fields {
		out[i] = f
	}
	return out
}

// Field returns the error for the named field, or nil.
func (e *Errors) Field(name string) *FieldError {
	for _, f := range e.Fields {
		if f.Field == name {
			return f
		}
	}
	return nil
}

// Add appends a field error of the list's package.
func (e *Errors) Add(field, value, reason string) {
	e.Fields = append(e.Fields, &FieldError{Pkg: e.Pkg, Field: field, Value: value, Reason: reason})
}

// Err returns e, or nil when it lists no field.
func (e *Errors) Err() error {
	if e == nil || len(e.Fields) == 0 {
		return nil
	}
	return e
}

// New returns a sentinel error with the text msg that wraps [ErrInvalid]: a package's own category
// of bad input, which errors.Is tells apart from the others and which still matches ErrInvalid.
// Each call returns a distinct error.
func New(msg string) error { return &category{msg: msg} }

type category struct{ msg string }

func (c *category) Error() string { return c.msg }
func (c *category) Unwrap() error { return ErrInvalid }

func prefix(pkg string) string {
	if pkg == "" {
		return ""
	}
	return pkg + ": "
}
