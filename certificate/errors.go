package certificate

import (
	"errors"

	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
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

// RuleError reports a request refused by a legal rule. It is [law.RuleError], the SDK's one refusal
// type: Pkg is "certificate", Err one of the sentinels above (e.g. ErrInvalidated), and errors.Is finds both that
// category and [law.ErrRefused].
type RuleError = law.RuleError
