package asice

import (
	"crypto"
	"encoding/base64"
	"errors"
	"strings"

	"github.com/beevik/etree"
	dsig "github.com/russellhaering/goxmldsig"
	"github.com/russellhaering/goxmldsig/etreeutils"
)

// The XML namespaces of an ASiC-E container.
const (
	nsASiC     = "http://uri.etsi.org/02918/v1.2.1#"
	nsDS       = "http://www.w3.org/2000/09/xmldsig#"
	nsXAdES    = "http://uri.etsi.org/01903/v1.3.2#"
	nsXAdES141 = "http://uri.etsi.org/01903/v1.4.1#"
	nsManifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

	typeSignedProperties = "http://uri.etsi.org/01903#SignedProperties"
)

// The canonicalization algorithms Create can write ([Options].Canonicalization). Verify also
// reads the with-comments variants of the three.
const (
	// C14NExclusive is exclusive XML canonicalization 1.0, as digidoc4j and EU DSS write it; the
	// default of Create.
	C14NExclusive = "http://www.w3.org/2001/10/xml-exc-c14n#"
	// C14N11 is canonical XML 1.1 (inclusive), as libdigidocpp (DigiDoc4) writes it.
	C14N11 = "http://www.w3.org/2006/12/xml-c14n11"
	// C14N10 is canonical XML 1.0 (inclusive), the XML-DSig default for a same-document
	// Reference without a Transform.
	C14N10 = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"

	c14nExclusiveComments = C14NExclusive + "WithComments"
	c14n11Comments        = C14N11 + "#WithComments"
	c14n10Comments        = C14N10 + "#WithComments"
)

// The digest and signature algorithms.
const (
	algSHA1   = "http://www.w3.org/2000/09/xmldsig#sha1"
	algSHA224 = "http://www.w3.org/2001/04/xmldsig-more#sha224"
	algSHA256 = "http://www.w3.org/2001/04/xmlenc#sha256"
	algSHA384 = "http://www.w3.org/2001/04/xmldsig-more#sha384"
	algSHA512 = "http://www.w3.org/2001/04/xmlenc#sha512"

	algRSASHA256   = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
	algRSASHA384   = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384"
	algRSASHA512   = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512"
	algECDSASHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
	algECDSASHA384 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384"
	algECDSASHA512 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512"
)

// digestHash maps a DigestMethod URI to its hash. SHA-1 and SHA-224 are known but weak.
func digestHash(alg string) (h crypto.Hash, weak bool) {
	switch alg {
	case algSHA256:
		return crypto.SHA256, false
	case algSHA384:
		return crypto.SHA384, false
	case algSHA512:
		return crypto.SHA512, false
	case algSHA1:
		return crypto.SHA1, true
	case algSHA224:
		return crypto.SHA224, true
	}
	return 0, false
}

// signatureAlg maps a SignatureMethod URI to its key type ("RSA" or "ECDSA") and hash.
func signatureAlg(alg string) (key string, h crypto.Hash) {
	switch alg {
	case algRSASHA256:
		return "RSA", crypto.SHA256
	case algRSASHA384:
		return "RSA", crypto.SHA384
	case algRSASHA512:
		return "RSA", crypto.SHA512
	case algECDSASHA256:
		return "ECDSA", crypto.SHA256
	case algECDSASHA384:
		return "ECDSA", crypto.SHA384
	case algECDSASHA512:
		return "ECDSA", crypto.SHA512
	}
	return "", 0
}

// weakSignatureAlgs are SignatureMethods libdigidocpp rejects as weak.
var weakSignatureAlgs = map[string]bool{
	"http://www.w3.org/2000/09/xmldsig#rsa-sha1":          true,
	"http://www.w3.org/2001/04/xmldsig-more#rsa-sha224":   true,
	"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1":   true,
	"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha224": true,
}

// knownC14N reports whether alg is a canonicalization algorithm this package implements.
func knownC14N(alg string) bool {
	switch alg {
	case C14NExclusive, c14nExclusiveComments, C14N11, c14n11Comments, C14N10, c14n10Comments:
		return true
	}
	return false
}

var errUnknownC14N = errors.New("unsupported canonicalization algorithm")

// canonicalize returns the canonical form of el as it stands in its document: the namespace
// declarations in scope are first copied onto a detached copy (etreeutils.NSDetatch), which the
// canonicalizer may then change (the exclusive one transforms its input in place). prefixList is
// the InclusiveNamespaces PrefixList of exclusive canonicalization.
func canonicalize(el *etree.Element, alg, prefixList string) ([]byte, error) {
	var c dsig.Canonicalizer
	switch alg {
	case C14NExclusive:
		c = dsig.MakeC14N10ExclusiveCanonicalizerWithPrefixList(prefixList)
	case c14nExclusiveComments:
		c = dsig.MakeC14N10ExclusiveWithCommentsCanonicalizerWithPrefixList(prefixList)
	case C14N11:
		c = dsig.MakeC14N11Canonicalizer()
	case c14n11Comments:
		c = dsig.MakeC14N11WithCommentsCanonicalizer()
	case C14N10:
		c = dsig.MakeC14N10RecCanonicalizer()
	case c14n10Comments:
		c = dsig.MakeC14N10WithCommentsCanonicalizer()
	default:
		return nil, errUnknownC14N
	}
	ctx, err := etreeutils.NSBuildParentContext(el)
	if err != nil {
		return nil, err
	}
	detached, err := etreeutils.NSDetatch(ctx, el)
	if err != nil {
		return nil, err
	}
	return c.Canonicalize(detached)
}

// is reports whether el is the element local in namespace ns.
func is(el *etree.Element, ns, local string) bool {
	return el != nil && el.Tag == local && el.NamespaceURI() == ns
}

// children returns the child elements of el named local in namespace ns. (It walks el.Child:
// etree's ChildElements allocates a slice each call.)
func children(el *etree.Element, ns, local string) []*etree.Element {
	var out []*etree.Element
	for _, t := range el.Child {
		if c, ok := t.(*etree.Element); ok && is(c, ns, local) {
			out = append(out, c)
		}
	}
	return out
}

// child returns the first child element of el named local in namespace ns, or nil.
func child(el *etree.Element, ns, local string) *etree.Element {
	if el == nil {
		return nil
	}
	for _, t := range el.Child {
		if c, ok := t.(*etree.Element); ok && is(c, ns, local) {
			return c
		}
	}
	return nil
}

// childElements appends the child elements of el to buf.
func childElements(buf []*etree.Element, el *etree.Element) []*etree.Element {
	for _, t := range el.Child {
		if c, ok := t.(*etree.Element); ok {
			buf = append(buf, c)
		}
	}
	return buf
}

// attr returns the value of el's attribute key that has no namespace prefix. (etree's own
// SelectAttr also matches "x:key", which a forger could use to shadow an attribute.)
func attr(el *etree.Element, key string) (string, bool) {
	if el == nil {
		return "", false
	}
	for _, a := range el.Attr {
		if a.Space == "" && a.Key == key {
			return a.Value, true
		}
	}
	return "", false
}

// nsAttr returns the value of el's attribute key in namespace ns.
func nsAttr(el *etree.Element, ns, key string) (string, bool) {
	for i := range el.Attr {
		a := &el.Attr[i]
		if a.Key == key && a.Space != "" && a.NamespaceURI() == ns {
			return a.Value, true
		}
	}
	return "", false
}

// xmlSpace strips the XML white space characters from s.
func xmlSpace(r rune) rune {
	switch r {
	case ' ', '\t', '\n', '\r':
		return -1
	}
	return r
}

// decodeB64 decodes base64Binary text: white space is ignored, padding and the unused bits of
// the last character must be canonical (so no two texts decode to the same bytes).
func decodeB64(s string) ([]byte, error) {
	if strings.ContainsAny(s, " \t\n\r") {
		s = strings.Map(xmlSpace, s)
	}
	return base64.StdEncoding.Strict().DecodeString(s)
}
