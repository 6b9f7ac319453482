package duplicate

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
)

// pkg prefixes the package's messages.
const pkg = "duplicate"

// ErrInvalid is wrapped by every error that reports a bad request: a field missing, malformed, or
// against a rule of what a request must contain. It is invalid.ErrInvalid, shared by all of the SDK's
// packages: a *[RequestError] and a *[ValidationError] satisfy errors.Is(err, invalid.ErrInvalid)
// and keep their rule, citation and field (errors.As).
var ErrInvalid = invalid.ErrInvalid

// The categories of a bad request. A *[RequestError] wraps one of them and [ErrInvalid].
var (
	// ErrNoGround: the request names no ground (SCH-16, SCH-14, CERT-07: the request states its ground).
	ErrNoGround = errors.New("no ground given")
	// ErrGround: the ground is not one the document kind has (SCH-15, SCH-12..14, CERT-07).
	ErrGround = errors.New("the ground does not apply to this document")
	// ErrKind: the SDK knows no duplicate procedure for the document kind.
	ErrKind = errors.New("no duplicate procedure for this kind of document")
	// ErrAttachment: an attachment the ground requires is missing (SCH-18, SCH-14, CERT-07).
	ErrAttachment = errors.New("a required attachment is missing")
	// ErrFutureYear: the year of graduation, or the time of the exam, is after the request.
	ErrFutureYear = errors.New("the year or the exam time is in the future")
	// ErrUnknownSchool: the school (or its successor) is not in the school registry (SCH-16, SCH-17).
	ErrUnknownSchool = errors.New("the school is not in the school registry")
	// ErrNoSchool: no school of the level exists in the municipality or any municipality the registry
	// lists as near (SCH-17).
	ErrNoSchool = errors.New("no school of the same level to forward to")
	// ErrPersonalData: the applicant's personal data are missing or wrong (SCH-16).
	ErrPersonalData = errors.New("the applicant's personal data are missing or wrong")
)

// RequestError reports one thing wrong with a request, the rule that requires it and where the rule
// is written. errors.Is finds both its category (Err) and [ErrInvalid].
type RequestError struct {
	Rule     string // the rule's ID, e.g. "SCH-18"
	Citation string // the provision, e.g. "RT I 2010, 58, 391 § 17 lg 5"
	Field    string // the request's field, e.g. "Attached"
	Value    string // the offending value as text ("" when missing)
	Reason   string // what is wrong, in words a host can show
	Err      error  // the category, e.g. ErrAttachment
}

// Error implements error.
func (e *RequestError) Error() string {
	v := ""
	if e.Value != "" {
		v = fmt.Sprintf(" %q", e.Value)
	}
	return fmt.Sprintf("duplicate: %s%s %s (%s, %s)", e.Field, v, e.Reason, e.Rule, e.Citation)
}

// Unwrap returns the category and ErrInvalid.
func (e *RequestError) Unwrap() []error {
	if e.Err == nil || e.Err == ErrInvalid {
		return []error{ErrInvalid}
	}
	return []error{e.Err, ErrInvalid}
}

// ValidationError lists everything wrong with one request.
type ValidationError struct {
	Problems []*RequestError
}

// Error implements error: every problem, separated by "; ".
func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = strings.TrimPrefix(p.Error(), "duplicate: ")
	}
	return "duplicate: " + strings.Join(parts, "; ")
}

// Unwrap returns the problems, so that errors.Is finds each category and errors.As the first
// *RequestError.
func (e *ValidationError) Unwrap() []error {
	out := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p
	}
	return out
}

// Field returns the problem with the named field, or nil.
func (e *ValidationError) Field(name string) *RequestError {
	for _, p := range e.Problems {
		if p.Field == name {
			return p
		}
	}
	return nil
}

// The categories of a step the rules do not allow. A *[RuleError] wraps one of them.
var (
	// ErrState: the case is not in a state that allows the step (e.g. granting a refused case).
	ErrState = errors.New("the case is not in a state that allows this step")
	// ErrNoConfirmation: the duplicate of a closed school's document is issued only on a
	// confirmation of graduation, which is not recorded yet (SCH-17).
	ErrNoConfirmation = errors.New("no confirmation of graduation has been recorded")
	// ErrOriginalNotValid: the original has been declared invalid, replaced, or (for an
	// occupational certificate) has expired: the request must be refused (CERT-07, SCH-02).
	ErrOriginalNotValid = errors.New("the original is not valid")
	// ErrMismatch: the original in the register is not the one the request describes (another
	// kind, issuer or holder).
	ErrMismatch = errors.New("the original does not match the request")
	// ErrRefusalGround: the refusal ground is not one the procedure has (SCH-23, SCH-14, CERT-07).
	ErrRefusalGround = errors.New("not a refusal ground of this procedure")
)

// RuleError reports a request refused by a legal rule. It is [law.RuleError], the SDK's one refusal
// type: Pkg is "duplicate", Err one of the sentinels above (e.g. ErrNoConfirmation), and errors.Is finds both that
// category and [law.ErrRefused].
type RuleError = law.RuleError
