package proficiency_test

import (
	"errors"
	"testing"

	"github.com/kutsekit/kutse/exam/proficiency"
	"github.com/kutsekit/kutse/law"
)

// A *Refusal is found as the SDK's one refusal type, with the same fields and the same message.
func TestRefusal_asRuleError(t *testing.T) {
	r := &proficiency.Refusal{Rule: "LNG-08", Version: "01.07.2011", Op: "register for B1-2011-09-15",
		Citation: law.Citation{Act: "Haridus- ja teadusministri määrus nr 73", Section: "5", Subsection: "4"},
		Err:      proficiency.ErrRetakeWait, Et: "ootab", En: "waits until 2012-01-01"}
	var err error = r
	if !errors.Is(err, law.ErrRefused) || !errors.Is(err, proficiency.ErrRetakeWait) {
		t.Errorf("errors.Is(%v, ErrRefused / ErrRetakeWait) = false; want true", err)
	}
	re, ok := errors.AsType[*law.RuleError](err)
	if !ok {
		t.Fatalf("errors.As(%v, *law.RuleError) = false; want true", err)
	}
	want := law.RuleError{Pkg: "proficiency", Rule: r.Rule, Citation: r.Citation.String(), Version: r.Version, Op: r.Op,
		Reason: r.En, Err: r.Err}
	if *re != want {
		t.Errorf("errors.As(…) = %#v; want %#v", *re, want)
	}
	if re.Error() != r.Error() {
		t.Errorf("RuleError message = %q; want the refusal's %q", re.Error(), r.Error())
	}
	if _, ok := errors.AsType[*proficiency.Refusal](err); !ok {
		t.Errorf("errors.As(%v, *Refusal) = false; want true", err)
	}
}
