package request_test

import (
	"fmt"
	"testing"

	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/law"
)

// TestKinds_CERT10 proves the request kinds of CERT-10 and their names in the self-service.
func TestKinds_CERT10(t *testing.T) {
	want := map[request.Kind]string{
		request.InaccurateData: "Tunnistusel ebatäpsed andmed",
		request.DigitalStamp:   "Digitempel",
		request.Duplicate:      "Duplikaat",
		request.Question:       "Küsimus",
	}
	for k, name := range want {
		if got := k.Name(law.Estonian); got != name {
			t.Errorf("%v.Name = %q; want %q", k, got, name)
		}
	}
	if request.Kind(9).Valid() {
		t.Error("kind 9 valid")
	}
}

// TestOpenRequests_CERT02 proves that only open requests mark a certificate as needing attention.
func TestOpenRequests_CERT02(t *testing.T) {
	rs := []request.Request{
		{Certificate: "204581", Status: request.Open},
		{Certificate: "204583", Status: request.Done},
		{Certificate: "E015992", Status: request.Open},
	}
	got := fmt.Sprint(request.OpenCertificates(rs))
	if got != "[204581 E015992]" {
		t.Errorf("OpenCertificates = %s", got)
	}
}

func ExampleKind_Name() {
	fmt.Println(request.DigitalStamp.Name(law.Estonian), "/", request.DigitalStamp.Name(law.English))
	// Output: Digitempel / Digital stamp
}
