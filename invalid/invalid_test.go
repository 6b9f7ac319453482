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
