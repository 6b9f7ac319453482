package application_test

import (
	"fmt"
	"testing"

	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/law"
)

// TestKinds_CERT10 proves the request kinds of CERT-10 and their names in the self-service.
func TestKinds_CERT10(t *testing.T) {
	want := map[application.RequestKind]string{
		application.InaccurateData: "Tunnistusel ebatäpsed andmed",
		application.DigitalStamp:   "Digitempel",
		application.Duplicate:      "Duplikaat",
		application.Question:       "Küsimus",
	}
	for k, name := range want {
		if got := k.Name(law.Estonian); got != name {
			t.Errorf("%v.Name = %q; want %q", k, got, name)
		}
	}
	if application.RequestKind(9).Valid() {
		t.Error("kind 9 valid")
	}
}

// TestOpenRequests_CERT02 proves that only open requests mark a certificate as needing attention.
func TestOpenRequests_CERT02(t *testing.T) {
	rs := []application.Request{
		{Certificate: "204581", Status: application.Open},
		{Certificate: "204583", Status: application.Done},
		{Certificate: "E015992", Status: application.Open},
	}
	got := fmt.Sprint(application.OpenRequests(rs))
	if got != "[204581 E015992]" {
		t.Errorf("OpenRequests = %s", got)
	}
}

func ExampleRequestKind_Name() {
	fmt.Println(application.DigitalStamp.Name(law.Estonian), "/", application.DigitalStamp.Name(law.English))
	// Output: Digitempel / Digital stamp
}
