package certificate

import (
	"errors"
	"fmt"

	"github.com/kutsekit/kutse/invalid"
)

// ErrInvalid is wrapped by every error that reports bad input: a field missing or malformed. It is
// invalid.ErrInvalid, shared by all of the SDK's packages.
var ErrInvalid = invalid.ErrInvalid

// pkg prefixes the package's messages.
const pkg = "certificate"

// FieldError reports one field of the input that is wrong, and why (see package invalid).
type FieldError = invalid.FieldError

// ValidationError lists every field that is wrong in one input (see package invalid).
type ValidationError = invalid.Errors

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
