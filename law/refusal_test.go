package law_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
)

func TestRuleError(t *testing.T) {
	errLate := errors.New("the period for contesting the decision has passed")
	tests := []struct {
		e    law.RuleError
		want string
	}{
		{law.RuleError{Pkg: "certificate", Rule: "CERT-11", Citation: "Kutseseadus § 22 lg 1", Op: "invalidate 204580", Err: errLate},
			"certificate: invalidate 204580: the period for contesting the decision has passed (CERT-11, Kutseseadus § 22 lg 1)"},
		{law.RuleError{Pkg: "application", Rule: "APP-09", Citation: "HMS § 75", Op: "contest application 12", Reason: "too late", Err: errLate},
			"application: contest application 12: the period for contesting the decision has passed: too late (APP-09, HMS § 75)"},
		{law.RuleError{Pkg: "proficiency", Rule: "LNG-08", Citation: "§ 5 (4)", Version: "01.07.2011", Op: "register", Reason: "wait", Err: errLate},
			"proficiency: register: the period for contesting the decision has passed: wait (LNG-08, § 5 (4), version 01.07.2011)"},
		{law.RuleError{Rule: "GEN-04", Op: "apply", Err: errLate},
			"apply: the period for contesting the decision has passed (GEN-04)"},
		{law.RuleError{Pkg: "x", Rule: "R-1", Op: "do"}, "x: do: refused by a rule (R-1)"},
	}
	for _, tt := range tests {
		err := error(&tt.e)
		if got := err.Error(); got != tt.want {
			t.Errorf("Error() = %q; want %q", got, tt.want)
		}
		if !errors.Is(err, law.ErrRefused) {
			t.Errorf("errors.Is(%q, ErrRefused) = false; want true", err)
		}
		if tt.e.Err != nil && !errors.Is(err, tt.e.Err) {
			t.Errorf("errors.Is(%q, its category) = false; want true", err)
		}
		if errors.Is(err, invalid.ErrInvalid) {
			t.Errorf("errors.Is(%q, invalid.ErrInvalid) = true; want false", err)
		}
	}
}

// TestRuleError_noVersion proves that a date no version of a rule covers (GEN-04) is reported as
// law.ErrNoVersion and not as a refusal: the SDK does not know that day's rule.
func TestRuleError_noVersion(t *testing.T) {
	err := error(&law.RuleError{Pkg: "certificate", Rule: "GEN-04", Citation: "RT I, 13.07.2014, 1", Op: "cite 2026-12-03",
		Err: fmt.Errorf("regulation 113: %w", law.ErrNoVersion)})
	if !errors.Is(err, law.ErrNoVersion) || errors.Is(err, law.ErrRefused) {
		t.Errorf("%q: Is(ErrNoVersion) = %v, Is(ErrRefused) = %v; want true, false", err,
			errors.Is(err, law.ErrNoVersion), errors.Is(err, law.ErrRefused))
	}
	var re *law.RuleError
	if !errors.As(err, &re) || re.Rule != "GEN-04" {
		t.Errorf("errors.As(%q) = %v", err, re)
	}
}
