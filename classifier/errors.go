package classifier

import (
	"errors"
	"fmt"

	"github.com/kutsekit/kutse/invalid"
)

// The sentinel errors. The package's errors wrap them, so errors.Is finds the category; the typed
// errors ([FieldError], [NoMappingError]) carry the details. ErrSyntax and ErrRange are bad input
// and wrap invalid.ErrInvalid, as every bad-input error of the SDK does; ErrNoMapping is not bad
// input (the title is well formed, the host's map lacks it) and does not.
var (
	// ErrSyntax: the text is not in any form the parser reads.
	ErrSyntax = invalid.New("invalid syntax")
	// ErrRange: the value is well formed but outside the values the classifier has, e.g. EKR level 9.
	ErrRange = invalid.New("out of range")
	// ErrNoMapping: the host's [OldLevelMap] has no EKR level for an old title.
	ErrNoMapping = errors.New("no EKR level recorded for the old title")
)

// FieldError reports a value that could not be read as a classifier value: the field it was for,
// what was given and why it was refused, in words a host can show. It wraps [ErrSyntax] or
// [ErrRange].
type FieldError struct {
	Field  string // what the value is: "level", "EKR level", "EQF level", "certificate type", "old level"
	Input  string // the text given, or the number as decimal text
	Reason string // what was wrong, e.g. "must be 1–8"
	Err    error  // ErrSyntax or ErrRange
}

// Error implements error: `classifier: invalid EKR level "9": must be 1–8`.
func (e *FieldError) Error() string {
	return fmt.Sprintf("classifier: invalid %s %q: %s", e.Field, e.Input, e.Reason)
}

// Unwrap returns [ErrSyntax] or [ErrRange].
func (e *FieldError) Unwrap() error { return e.Err }

// NoMappingError reports that a host's [OldLevelMap] has no EKR level for an old title. It wraps
// [ErrNoMapping]. The SDK never falls back to a formula: the law fixes none (see [OldLevelMap]).
type NoMappingError struct {
	Title OldTitle // the old title looked up
}

// Error implements error: `classifier: no EKR level recorded for the old title "Kokk II"`.
func (e *NoMappingError) Error() string {
	return fmt.Sprintf("classifier: %v %q", ErrNoMapping, e.Title.String())
}

// Unwrap returns [ErrNoMapping].
func (e *NoMappingError) Unwrap() error { return ErrNoMapping }
