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
// They are all under id-at (2.5.4), by their last arc.
var dnNames = map[int]string{
	3:  "CN",
	4:  "SN",
	5:  "SERIALNUMBER",
	6:  "C",
	7:  "L",
	8:  "ST",
	10: "O",
	11: "OU",
	42: "GN",
	97: "organizationIdentifier",
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
	var b strings.Builder
	for i := len(rdns) - 1; i >= 0; i-- {
		if i < len(rdns)-1 {
			b.WriteByte(',')
		}
		for j, atv := range rdns[i] {
			if j > 0 {
				b.WriteByte('+')
			}
			b.WriteString(attrName(atv.Type))
			b.WriteByte('=')
			v, ok := atv.Value.(string)
			if !ok {
				v = fmt.Sprint(atv.Value)
			}
			escapeDN(&b, v)
		}
	}
	return b.String()
}

func attrName(oid asn1.ObjectIdentifier) string {
	if len(oid) == 4 && oid[0] == 2 && oid[1] == 5 && oid[2] == 4 {
		if s, ok := dnNames[oid[3]]; ok {
			return s
		}
	}
	return oid.String()
}

// escapeDN writes v to b escaped as RFC 4514 § 2.4 asks.
func escapeDN(b *strings.Builder, v string) {
	for i, r := range v {
		switch {
		case strings.ContainsRune(",+\"\\<>;", r),
			i == 0 && (r == ' ' || r == '#'),
			i == len(v)-1 && r == ' ':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
}
