package vocational

import (
	"errors"

	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
)

// ErrInvalid is wrapped by every error that reports bad input: a field missing or malformed. It is
// invalid.ErrInvalid, shared by all of the SDK's packages.
var ErrInvalid = invalid.ErrInvalid

// pkg prefixes the package's messages.
const pkg = "vocational"

// FieldError reports one field of the input that is wrong, and why (see package invalid).
type FieldError = invalid.FieldError

// ValidationError lists every field that is wrong in one input (see package invalid).
type ValidationError = invalid.Errors

// The rule sentinels. A *RuleError wraps one of them.
var (
	// ErrNotEligible: the curriculum may not have a qualification exam (EXV-01), or the awarding
	// body does not award its qualification.
	ErrNotEligible = errors.New("not eligible for a qualification exam")
	// ErrState: the step is not allowed in the exam's present state, or not to this party.
	ErrState = errors.New("not allowed in the exam's present state")
	// ErrSchedule: the times and places are not agreed, not yet come, or no longer open to change
	// (EXV-02).
	ErrSchedule = errors.New("the times and places do not allow it")
	// ErrOwnLearner: an assessor would assess their own learner where the awarding body forbids it
	// (EXV-04).
	ErrOwnLearner = errors.New("an assessor may not assess their own learner")
	// ErrIncomplete: results, decisions or the committee are missing (EXV-04, EXV-05).
	ErrIncomplete = errors.New("the exam's record is incomplete")
	// ErrSignature: the signature does not verify, does not cover the protocol, or the signer may
	// not sign it (EXV-05).
	ErrSignature = errors.New("the signature is not valid for the protocol")
	// ErrNoRate: no state ceiling covers the exam's curriculum group, exam type and date (EXV-06).
	ErrNoRate = errors.New("no state ceiling for the exam")
)

// RuleError reports a request refused by a legal rule. It is [law.RuleError], the SDK's one refusal
// type: Pkg is "vocational", Err one of the sentinels above (e.g. ErrNotEligible), and errors.Is finds both that
// category and [law.ErrRefused].
type RuleError = law.RuleError
