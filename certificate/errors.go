package certificate

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalid is wrapped by every error that reports bad input: a field missing or malformed.
var ErrInvalid = errors.New("invalid input")

// FieldError reports one field of the input that is wrong, and why.
type FieldError struct {
	Field  string // the field's path, e.g. "Holder.Name" or "Competences[2]"
	Value  string // the offending value as text ("" when missing)
	Reason string // what is wrong, in words a host can show, e.g. "is required"
}

// Error implements error.
func (e *FieldError) Error() string {
	if e.Value == "" {
		return "certificate: " + e.Field + " " + e.Reason
	}
	return fmt.Sprintf("certificate: %s %q %s", e.Field, e.Value, e.Reason)
}

// Unwrap returns ErrInvalid.
func (e *FieldError) Unwrap() error { return ErrInvalid }

// ValidationError lists every field that is wrong in one input.
type ValidationError struct {
	Fields []*FieldError
}

// Error implements error: all the fields, separated by "; ".
func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = strings.TrimPrefix(f.Error(), "certificate: ")
	}
	return "certificate: " + strings.Join(parts, "; ")
}

// Unwrap returns the field errors, so errors.Is(err, ErrInvalid) and errors.As to *FieldError work.
func (e *ValidationError) Unwrap() []error {
	out := make([]error, len(e.Fields))
	for i, f := range e.Fields {
		out[i] = f
	}
	return out
}

// Field returns the error for the named field, or nil.
func (e *ValidationError) Field(name string) *FieldError {
	for _, f := range e.Fields {
		if f.Field == name {
			return f
		}
	}
	return nil
}

// The rule sentinels. A *RuleError wraps one of them.
var (
	// ErrNotValid: the certificate is not valid on the date that matters.
	ErrNotValid = errors.New("the certificate is not valid")
	// ErrInvalidated: the certificate has already been declared invalid.
	ErrInvalidated = errors.New("the certificate has been declared invalid")
)

// RuleError reports a request refused by a legal rule: which rule, where it is written, and the
// category (a sentinel) that errors.Is finds.
type RuleError struct {
	Rule     string // the rule's ID, e.g. "CERT-11"
	Citation string // the provision, e.g. "Kutseseadus § 22 lg 1"
	Op       string // what was refused, e.g. "invalidate 204580"
	Err      error  // the category, e.g. ErrInvalidated
}

// Error implements error.
func (e *RuleError) Error() string {
	return fmt.Sprintf("certificate: %s: %v (%s, %s)", e.Op, e.Err, e.Rule, e.Citation)
}

// Unwrap returns the category.
func (e *RuleError) Unwrap() error { return e.Err }
