package asice

import (
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
	"strings"
)

// dnNames are the short names of the attributes Estonian certificates carry, for those that
// pkix.Name.String prints as hex OIDs: ID cards carry surname and given name, e-seals the
// organisation's identifier ("NTREE-90006414").
var dnNames = map[string]string{
	"2.5.4.3":  "CN",
	"2.5.4.4":  "SN",
	"2.5.4.5":  "SERIALNUMBER",
	"2.5.4.6":  "C",
	"2.5.4.7":  "L",
	"2.5.4.8":  "ST",
	"2.5.4.10": "O",
	"2.5.4.11": "OU",
	"2.5.4.42": "GN",
	"2.5.4.97": "organizationIdentifier",
}

// subjectString renders a distinguished name as RFC 4514 does (the last RDN first), with the short
// names above, and string values as text rather than hex: the name as a person reads it, e.g.
// "organizationIdentifier=NTREE-90006414,CN=Sihtasutus Kutsekoda (TEST seal),O=Sihtasutus
// Kutsekoda,C=EE".
func subjectString(n pkix.Name) string {
	rdns := n.ToRDNSequence()
	if len(n.Names) > 0 { // a parsed name: keep every attribute as it was, in order
		rdns = nil
		for _, atv := range n.Names {
			rdns = append(rdns, pkix.RelativeDistinguishedNameSET{atv})
		}
	}
	var parts []string
	for i := len(rdns) - 1; i >= 0; i-- {
		var set []string
		for _, atv := range rdns[i] {
			set = append(set, attrName(atv.Type)+"="+escapeDN(fmt.Sprint(atv.Value)))
		}
		parts = append(parts, strings.Join(set, "+"))
	}
	return strings.Join(parts, ",")
}

func attrName(oid asn1.ObjectIdentifier) string {
	if s, ok := dnNames[oid.String()]; ok {
		return s
	}
	return oid.String()
}

// escapeDN escapes a value as RFC 4514 § 2.4 asks.
func escapeDN(v string) string {
	var b strings.Builder
	for i, r := range v {
		switch {
		case strings.ContainsRune(",+\"\\<>;", r),
			i == 0 && (r == ' ' || r == '#'),
			i == len(v)-1 && r == ' ':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
