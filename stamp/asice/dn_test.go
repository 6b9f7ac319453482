package asice

import (
	"crypto/x509/pkix"
	"encoding/asn1"
	"testing"
)

// TestSubjectString proves that an e-seal's and an ID card's names read as text, with the short
// names of their attributes and RFC 4514 escaping.
func TestSubjectString(t *testing.T) {
	n := pkix.Name{Names: []pkix.AttributeTypeAndValue{
		{Type: asn1.ObjectIdentifier{2, 5, 4, 6}, Value: "EE"},
		{Type: asn1.ObjectIdentifier{2, 5, 4, 97}, Value: "NTREE-90006414"},
		{Type: asn1.ObjectIdentifier{2, 5, 4, 4}, Value: "MÖLDER"},
		{Type: asn1.ObjectIdentifier{2, 5, 4, 3}, Value: "MÖLDER,HUGO MARTIN"},
		{Type: asn1.ObjectIdentifier{1, 2, 3}, Value: " x#"},
	}}
	want := `1.2.3=\ x#,CN=MÖLDER\,HUGO MARTIN,SN=MÖLDER,organizationIdentifier=NTREE-90006414,C=EE`
	if got := subjectString(n); got != want {
		t.Errorf("subjectString = %q; want %q", got, want)
	}
}
