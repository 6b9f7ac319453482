package application

import (
	"errors"

	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
)

// pkg prefixes the package's messages.
const pkg = "application"

// ErrInvalid is wrapped by every error that reports bad input: it is invalid.ErrInvalid, shared by
// all of the SDK's packages. Bad input is reported as an *invalid.Errors naming every wrong field.
var ErrInvalid = invalid.ErrInvalid

// The rule sentinels. A *[RuleError] wraps one of them.
var (
	// ErrElsewhere: the awarding body has not joined the register's application environment for
	// the qualification; the person applies at its own address (APP-03, an *[ElsewhereError]).
	ErrElsewhere = errors.New("the awarding body receives applications elsewhere")
	// ErrNotAwarded: the awarding body does not award the qualification, or its right to award
	// does not cover the day.
	ErrNotAwarded = errors.New("the awarding body does not award the qualification")
	// ErrPartner: the organisation is not a partner the awarding body authorised to receive
	// applications for the qualification on the day (APP-04).
	ErrPartner = errors.New("not a partner authorised to receive the applications")
	// ErrNoStandard: no version of the standard is in force on the day (GEN-04).
	ErrNoStandard = errors.New("no version of the occupational standard is in force")
	// ErrRecertify: the certificate cannot be re-certified (APP-02).
	ErrRecertify = errors.New("the certificate cannot be re-certified")
	// ErrRound: the day is outside every application round the awarding body announced (APP-02).
	ErrRound = errors.New("no application round is open")
	// ErrState: the application is not in a state that allows the step (APP-08).
	ErrState = errors.New("the step is not possible in the application's state")
	// ErrLate: the contest was filed after its period (APP-09, HMS § 75).
	ErrLate = errors.New("the period for contesting the decision has passed")
	// ErrExtension: the contest's period would be extended by more than 30 days (APP-09, HMS § 84).
	ErrExtension = errors.New("the contest's period may be extended by at most 30 days")
)

// RuleError reports a request refused by a legal rule. It is [law.RuleError], the SDK's one refusal
// type: Pkg is "application", Err one of the sentinels above (e.g. ErrLate), and errors.Is finds both that
// category and [law.ErrRefused].
type RuleError = law.RuleError

// ElsewhereError is the answer "go to <URL>" (APP-03): the awarding body has not joined the
// register's application environment for the qualification, so the person applies in the body's
// own environment at URL. It wraps [ErrElsewhere].
type ElsewhereError struct {
	Body string // the awarding body's registry code
	URL  string // where to apply; "" when the register knows no address of the body
}

// Error implements error.
func (e *ElsewhereError) Error() string {
	if e.URL == "" {
		return "application: awarding body " + e.Body + " receives applications in its own environment; the register has no address of it"
	}
	return "application: awarding body " + e.Body + " receives applications in its own environment: go to " + e.URL
}

// Unwrap returns ErrElsewhere.
func (e *ElsewhereError) Unwrap() error { return ErrElsewhere }

// newErrors returns an empty list of the package's field errors.
func newErrors() *invalid.Errors { return &invalid.Errors{Pkg: pkg} }
