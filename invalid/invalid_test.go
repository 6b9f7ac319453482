package invalid_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/kutsekit/kutse/invalid"
)

func TestErrors(t *testing.T) {
	es := &invalid.Errors{Pkg: "certificate"}
	if es.Err() != nil {
		t.Fatal("empty list is an error")
	}
	es.Add("Holder.Name", "", "is required")
	es.Add("Number", "20-4580", "must be digits")
	err := es.Err()
	if got := err.Error(); got != `certificate: Holder.Name is required; Number "20-4580" must be digits` {
		t.Errorf("Error() = %q", got)
	}
	var fe *invalid.FieldError
	if !errors.Is(err, invalid.ErrInvalid) || !errors.As(err, &fe) || fe.Field != "Holder.Name" {
		t.Errorf("errors.Is/As failed: %v", err)
	}
	if es.Field("Number") == nil || es.Field("X") != nil {
		t.Error("Field lookup wrong")
	}
}

func Example() {
	err := &invalid.FieldError{Pkg: "isikukood", Field: "code", Value: "123", Reason: "must have 11 digits"}
	fmt.Println(err, errors.Is(err, invalid.ErrInvalid))
	// Output: isikukood: code "123" must have 11 digits true
}

// A package's own category of bad input is told apart from the others and still matches ErrInvalid.
func TestNew(t *testing.T) {
	syntax, rng := invalid.New("invalid syntax"), invalid.New("invalid syntax")
	err := fmt.Errorf("classifier: level %q: %w", "9", syntax)
	if !errors.Is(err, syntax) || !errors.Is(err, invalid.ErrInvalid) || errors.Is(err, rng) {
		t.Errorf("errors.Is(%v): own category %v, ErrInvalid %v, another %v; want true, true, false",
			err, errors.Is(err, syntax), errors.Is(err, invalid.ErrInvalid), errors.Is(err, rng))
	}
	if syntax.Error() != "invalid syntax" {
		t.Errorf("Error() = %q", syntax.Error())
	}
}
