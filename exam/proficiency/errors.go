package proficiency

import (
	"errors"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
)

// ErrInvalid is wrapped by every error that reports bad input: a field missing or malformed. It is
// invalid.ErrInvalid, shared by all of the SDK's packages.
var ErrInvalid = invalid.ErrInvalid

// FieldError reports one field of the input that is wrong, and why (see package invalid).
type FieldError = invalid.FieldError

// ValidationError lists every field that is wrong in one input (see package invalid).
type ValidationError = invalid.Errors

// pkg prefixes the package's messages.
const pkg = "proficiency"

// fields collects field errors and returns them as one error.
type fields []*FieldError

func (fs *fields) add(field, value, reason string) {
	*fs = append(*fs, &FieldError{Pkg: pkg, Field: field, Value: value, Reason: reason})
}

func (fs fields) err() error {
	if len(fs) == 0 {
		return nil
	}
	return &ValidationError{Pkg: pkg, Fields: fs}
}

// The refusal categories. A *Refusal wraps one of them.
var (
	// ErrLevelNotOffered: the level is not examined (LNG-03) or the session is not at that level.
	ErrLevelNotOffered = errors.New("the level is not examined")
	// ErrDocuments: a written registration lacks a document it needs, or an online one has no
	// personal code to log in with (LNG-05).
	ErrDocuments = errors.New("the registration lacks a document it needs")
	// ErrRegistrationClosed: registration for the exam has closed (LNG-09).
	ErrRegistrationClosed = errors.New("registration for the exam has closed")
	// ErrAlreadyRegistered: the person is already registered for an exam (LNG-07).
	ErrAlreadyRegistered = errors.New("the person is already registered for an exam")
	// ErrRetakeWait: the exam falls inside the person's wait before a retake (LNG-08).
	ErrRetakeWait = errors.New("the exam falls inside the wait before a retake")
	// ErrNotSenior: the 65+ arrangement was asked for by someone it does not cover (LNG-21).
	ErrNotSenior = errors.New("the 65+ citizenship applicant's arrangement does not apply")
	// ErrSpecialNeeds: a special-needs request or decision that the rules do not allow (LNG-06).
	ErrSpecialNeeds = errors.New("the special-needs request cannot be accepted")
	// ErrState: the registration is not in a state that allows the act (e.g. a result for a
	// cancelled registration, a cancellation after the exam).
	ErrState = errors.New("the registration's state does not allow this")
	// ErrSession: a session that breaks a rule of how exams are organised (LNG-02, LNG-04,
	// LNG-11, LNG-13).
	ErrSession = errors.New("the exam session breaks a rule of how exams are organised")
	// ErrNotAdmitted: the person may not be admitted to the exam (LNG-14).
	ErrNotAdmitted = errors.New("the person may not be admitted to the exam")
)

// Refusal is a request refused by a rule: which rule, where it is written, under which version, why
// (in Estonian and English) and, for a registration, when the person may try again. It is an error
// wrapping one of the categories above and [law.ErrRefused], which errors.Is finds, and errors.As
// converts it to the SDK's one refusal type, *[law.RuleError] (see [Refusal.As]).
type Refusal struct {
	Rule     string       // the rule's ID in RULES.md, e.g. "LNG-08"
	Citation law.Citation // the provision
	Version  string       // the version of the rules applied (GEN-04)
	Op       string       // what was refused, e.g. "register for B1-2011-09-15"
	Err      error        // the category, e.g. ErrRetakeWait
	Et, En   string       // why, in Estonian and English
	// RegisterFrom is the first date the person may register again: the day after the active
	// registration's exam for LNG-07 (when its outcome can first be recorded; at once if it is
	// cancelled), the registration date itself for LNG-08 and LNG-09 (the person may register at
	// once for a later exam, from ExamFrom). Zero where no later registration helps.
	RegisterFrom calendar.Date
	// ExamFrom is the first exam day the person may register for: the first day after the retake
	// wait for LNG-08, the first day of the earliest exam month still open for LNG-09. Zero where it
	// does not apply.
	ExamFrom calendar.Date
}

// Error implements error: the message of the refusal as a [law.RuleError].
func (r *Refusal) Error() string { return r.rule().Error() }

// Unwrap returns what the refusal as a [law.RuleError] unwraps to: the category and
// [law.ErrRefused], so that errors.Is finds both.
func (r *Refusal) Unwrap() []error { return r.rule().Unwrap() }

// As lets errors.As find the refusal as the SDK's one refusal type: with target a **[law.RuleError]
// it sets *target to a new law.RuleError with Pkg "proficiency", the refusal's Rule, Citation (as
// text), Version, Op, Reason (the English why, En) and Err, and reports true. The retake dates and
// the Estonian why stay on the *Refusal, which errors.As finds as well.
func (r *Refusal) As(target any) bool {
	t, ok := target.(**law.RuleError)
	if ok {
		*t = r.rule()
	}
	return ok
}

// rule is the refusal as the SDK's one refusal type.
func (r *Refusal) rule() *law.RuleError {
	return &law.RuleError{Pkg: pkg, Rule: r.Rule, Citation: r.Citation.String(), Version: r.Version, Op: r.Op,
		Reason: r.En, Err: r.Err}
}

// Step returns the refusal as an explanation step.
func (r *Refusal) Step() law.Step {
	return law.Step{Rule: r.Rule, Citation: r.Citation, Version: r.Version, Et: r.Et, En: r.En}
}
