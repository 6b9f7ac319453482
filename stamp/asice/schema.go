package asice

import (
	"errors"
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/beevik/etree"
)

// The schema check: the elements, attributes, their order and number, and the lexical form of
// their values, as the schemas that libdigidocpp validates with allow them (ETSI EN 319 162-1's
// ASiC schema, XML-DSig, XAdES 1.3.2 and 1.4.1 in ETSI's strict original, the OpenDocument 1.2
// manifest; shared/testdata/asice/schema). Go has no well-kept XML Schema validator (the ones
// there are cgo bindings to libxml2), so the content models below are transcribed from the
// XSDs by hand, type by type, and matched by a small regular-expression matcher over the child
// elements. Wildcards follow the XSDs: processContents lax validates an element it knows and
// lets another pass, strict (the default) wants a declaration. Identity constraints (ID
// uniqueness) are checked elsewhere (duplicate Ids).

// simpleKind is the lexical type of an attribute value or of an element's text.
type simpleKind uint8

const (
	sNone     simpleKind = iota // element-only content: white space only
	sString                     // xsd:string, and anyURI, which libxml2 does not check either
	sBase64                     // xsd:base64Binary (canonical padding, as decodeB64)
	sDateTime                   // xsd:dateTime
	sInteger                    // xsd:integer
	sNonNeg                     // xsd:nonNegativeInteger
	sBoolean                    // xsd:boolean
	sID                         // xsd:ID (an NCName)
)

// An xsdAttr is an attribute a type allows.
type xsdAttr struct {
	ns, name string // ns "" for the unqualified attributes of XML-DSig and XAdES
	kind     simpleKind
	required bool
	enum     []string // allowed values (xsd:token, white space collapsed), when not nil
}

// An xsdType is a complex type: its attributes and content model, or its simple content.
type xsdType struct {
	attrs   []xsdAttr
	anyAttr bool      // xsd:anyAttribute
	content *particle // nil: no child elements
	text    simpleKind
	mixed   bool // text allowed between the child elements

	local map[qname]*xsdType // the element declarations in content, by name
}

type qname struct{ ns, name string }

// particleKind is the kind of a particle of a content model.
type particleKind uint8

const (
	pElement particleKind = iota
	pSequence
	pChoice
	pAny
)

// A particle is an element, a sequence, a choice or a wildcard, with its occurrence bounds.
type particle struct {
	kind     particleKind
	name     qname
	typ      *xsdType
	items    []*particle
	min, max int // max < 0: unbounded
	// For wildcards: notNS is the namespace ##other excludes ("" for ##any), lax its
	// processContents.
	notNS string
	lax   bool
}

func el(ns, name string, t *xsdType) *particle {
	return &particle{kind: pElement, name: qname{ns, name}, typ: t, min: 1, max: 1}
}
func seq(ps ...*particle) *particle    { return &particle{kind: pSequence, items: ps, min: 1, max: 1} }
func choice(ps ...*particle) *particle { return &particle{kind: pChoice, items: ps, min: 1, max: 1} }

// anyOther is xsd:any namespace="##other" of the schema of namespace ns; anyNS is ##any.
func anyOther(ns string, lax bool) *particle {
	return &particle{kind: pAny, notNS: ns, lax: lax, min: 1, max: 1}
}
func anyNS(lax bool) *particle { return &particle{kind: pAny, lax: lax, min: 1, max: 1} }

func (p *particle) opt() *particle  { p.min = 0; return p }            // minOccurs="0"
func (p *particle) many() *particle { p.max = -1; return p }           // maxOccurs="unbounded"
func (p *particle) star() *particle { p.min, p.max = 0, -1; return p } // both

func attrs(as ...xsdAttr) []xsdAttr { return as }
func a(name string, kind simpleKind) xsdAttr {
	return xsdAttr{name: name, kind: kind}
}
func req(name string, kind simpleKind) xsdAttr {
	return xsdAttr{name: name, kind: kind, required: true}
}
func simple(kind simpleKind, as ...xsdAttr) *xsdType { return &xsdType{text: kind, attrs: as} }

// globals are the global element declarations of the schemas, for roots and wildcards.
var globals = map[qname]*xsdType{}

// anyType is XAdES's AnyType (and xsd:anyType): any attributes, text and elements.
var anyType = &xsdType{anyAttr: true, mixed: true, content: anyNS(true).star()}

func init() {
	D, X, X4 := nsDS, nsXAdES, nsXAdES141
	id := a("Id", sID)
	uri := a("URI", sString)
	b64 := simple(sBase64)
	str := simple(sString)

	// XML-DSig (xmldsig-core-schema.xsd).
	tSignature, tSignedInfo, tReference, tTransforms, tTransform, tKeyInfo, tX509Data,
		tObject := new(xsdType), new(xsdType), new(xsdType), new(xsdType), new(xsdType), new(xsdType), new(xsdType),
		new(xsdType)
	tAlgorithm := func(extra ...*particle) *xsdType {
		return &xsdType{attrs: attrs(req("Algorithm", sString)), mixed: true, content: seq(extra...)}
	}
	tC14N := tAlgorithm(anyNS(false).star())
	tSigMethod := tAlgorithm(el(D, "HMACOutputLength", simple(sInteger)).opt(), anyOther(D, false).star())
	tDigestMethod := tAlgorithm(anyOther(D, true).star())
	tSigValue := simple(sBase64, id)
	tRSA := &xsdType{content: seq(el(D, "Modulus", b64), el(D, "Exponent", b64))}
	tDSA := &xsdType{content: seq(seq(el(D, "P", b64), el(D, "Q", b64)).opt(), el(D, "G", b64).opt(), el(D, "Y", b64),
		el(D, "J", b64).opt(), seq(el(D, "Seed", b64), el(D, "PgenCounter", b64)).opt())}
	tKeyValue := &xsdType{mixed: true, content: choice(el(D, "DSAKeyValue", tDSA), el(D, "RSAKeyValue", tRSA), anyOther(D, true))}
	tRetrieval := &xsdType{attrs: attrs(uri, a("Type", sString)), content: el(D, "Transforms", tTransforms).opt()}
	tIssuerSerial := &xsdType{content: seq(el(D, "X509IssuerName", str), el(D, "X509SerialNumber", str))}
	tPGP := &xsdType{content: choice(
		seq(el(D, "PGPKeyID", b64), el(D, "PGPKeyPacket", b64).opt(), anyOther(D, true).star()),
		seq(el(D, "PGPKeyPacket", b64), anyOther(D, true).star()))}
	tSPKI := &xsdType{content: seq(el(D, "SPKISexp", b64), anyOther(D, true).opt()).many()}
	tManifestDS := &xsdType{attrs: attrs(id), content: el(D, "Reference", tReference).many()}
	tSigProperty := &xsdType{attrs: attrs(req("Target", sString), id), mixed: true, content: anyOther(D, true).many()}
	tSigProperties := &xsdType{attrs: attrs(id), content: el(D, "SignatureProperty", tSigProperty).many()}
	*tSignature = xsdType{attrs: attrs(id), content: seq(el(D, "SignedInfo", tSignedInfo), el(D, "SignatureValue", tSigValue),
		el(D, "KeyInfo", tKeyInfo).opt(), el(D, "Object", tObject).star())}
	*tSignedInfo = xsdType{attrs: attrs(id), content: seq(el(D, "CanonicalizationMethod", tC14N),
		el(D, "SignatureMethod", tSigMethod), el(D, "Reference", tReference).many())}
	*tReference = xsdType{attrs: attrs(id, uri, a("Type", sString)), content: seq(el(D, "Transforms", tTransforms).opt(),
		el(D, "DigestMethod", tDigestMethod), el(D, "DigestValue", b64))}
	*tTransforms = xsdType{content: el(D, "Transform", tTransform).many()}
	*tTransform = xsdType{attrs: attrs(req("Algorithm", sString)), mixed: true,
		content: choice(anyOther(D, true), el(D, "XPath", str)).star()}
	*tKeyInfo = xsdType{attrs: attrs(id), mixed: true, content: choice(el(D, "KeyName", str), el(D, "KeyValue", tKeyValue),
		el(D, "RetrievalMethod", tRetrieval), el(D, "X509Data", tX509Data), el(D, "PGPData", tPGP),
		el(D, "SPKIData", tSPKI), el(D, "MgmtData", str), anyOther(D, true)).many()}
	*tX509Data = xsdType{content: choice(el(D, "X509IssuerSerial", tIssuerSerial), el(D, "X509SKI", b64),
		el(D, "X509SubjectName", str), el(D, "X509Certificate", b64), el(D, "X509CRL", b64), anyOther(D, true)).many()}
	*tObject = xsdType{attrs: attrs(id, a("MimeType", sString), a("Encoding", sString)), mixed: true, content: anyNS(true).star()}
	for name, t := range map[string]*xsdType{"Signature": tSignature, "SignatureValue": tSigValue, "SignedInfo": tSignedInfo,
		"CanonicalizationMethod": tC14N, "SignatureMethod": tSigMethod, "Reference": tReference, "Transforms": tTransforms,
		"Transform": tTransform, "DigestMethod": tDigestMethod, "DigestValue": b64, "KeyInfo": tKeyInfo, "KeyName": str,
		"MgmtData": str, "KeyValue": tKeyValue, "RetrievalMethod": tRetrieval, "X509Data": tX509Data, "PGPData": tPGP,
		"SPKIData": tSPKI, "Object": tObject, "Manifest": tManifestDS, "SignatureProperties": tSigProperties,
		"SignatureProperty": tSigProperty, "DSAKeyValue": tDSA, "RSAKeyValue": tRSA} {
		globals[qname{D, name}] = t
	}
	// Exclusive c14n's InclusiveNamespaces, which CanonicalizationMethod and Transform carry.
	globals[qname{C14NExclusive, "InclusiveNamespaces"}] = &xsdType{attrs: attrs(req("PrefixList", sString))}

	// XAdES 1.3.2 (XAdES01903v132-201601.xsd, ETSI's strict original).
	tOID := &xsdType{content: seq(el(X, "Identifier", simple(sString, xsdAttr{name: "Qualifier", enum: []string{"OIDAsURI", "OIDAsURN"}})),
		el(X, "Description", str).opt(), el(X, "DocumentationReferences", &xsdType{content: el(X, "DocumentationReference", str).many()}).opt())}
	tEPKI := simple(sBase64, id, a("Encoding", sString))
	tInclude := &xsdType{attrs: attrs(req("URI", sString), a("referencedData", sBoolean))}
	tDigestAlgValue := &xsdType{content: seq(el(D, "DigestMethod", tDigestMethod), el(D, "DigestValue", b64))}
	tRefInfo := &xsdType{attrs: attrs(id, uri), content: tDigestAlgValue.content}
	tTS := &xsdType{attrs: attrs(id), content: seq(el(X, "Include", tInclude).star(), el(D, "CanonicalizationMethod", tC14N).opt(),
		choice(el(X, "EncapsulatedTimeStamp", tEPKI), el(X, "XMLTimeStamp", anyType)).many())}
	tOtherTS := &xsdType{attrs: attrs(id), content: seq(el(X, "ReferenceInfo", tRefInfo).many(), el(D, "CanonicalizationMethod", tC14N).opt(),
		choice(el(X, "EncapsulatedTimeStamp", tEPKI), el(X, "XMLTimeStamp", anyType)))}
	tCertID := &xsdType{attrs: attrs(uri), content: seq(el(X, "CertDigest", tDigestAlgValue), el(X, "IssuerSerial", tIssuerSerial))}
	tCertIDList := &xsdType{content: el(X, "Cert", tCertID).many()}
	tCertIDV2 := &xsdType{attrs: attrs(uri), content: seq(el(X, "CertDigest", tDigestAlgValue), el(X, "IssuerSerialV2", b64).opt())}
	tCertIDListV2 := &xsdType{content: el(X, "Cert", tCertIDV2).many()}
	tPolicyID := &xsdType{content: seq(el(X, "SigPolicyId", tOID), el(D, "Transforms", tTransforms).opt(),
		el(X, "SigPolicyHash", tDigestAlgValue), el(X, "SigPolicyQualifiers", &xsdType{content: el(X, "SigPolicyQualifier", anyType).many()}).opt())}
	tPolicy := &xsdType{content: choice(el(X, "SignaturePolicyId", tPolicyID), el(X, "SignaturePolicyImplied", anyType))}
	tUserNotice := &xsdType{content: seq(el(X, "NoticeRef", &xsdType{content: seq(el(X, "Organization", str),
		el(X, "NoticeNumbers", &xsdType{content: el(X, "int", simple(sInteger)).star()}))}).opt(), el(X, "ExplicitText", str).opt())}
	tCounter := &xsdType{attrs: attrs(id), content: el(D, "Signature", tSignature)}
	tDOF := &xsdType{attrs: attrs(req("ObjectReference", sString)), content: seq(el(X, "Description", str).opt(),
		el(X, "ObjectIdentifier", tOID).opt(), el(X, "MimeType", str).opt(), el(X, "Encoding", str).opt())}
	tCommitment := &xsdType{content: seq(el(X, "CommitmentTypeId", tOID),
		choice(el(X, "ObjectReference", str).many(), el(X, "AllSignedDataObjects", anyType)),
		el(X, "CommitmentTypeQualifiers", &xsdType{content: el(X, "CommitmentTypeQualifier", anyType).star()}).opt())}
	tPlace := &xsdType{content: seq(el(X, "City", str).opt(), el(X, "StateOrProvince", str).opt(), el(X, "PostalCode", str).opt(),
		el(X, "CountryName", str).opt())}
	tPlaceV2 := &xsdType{content: seq(el(X, "City", str).opt(), el(X, "StreetAddress", str).opt(), el(X, "StateOrProvince", str).opt(),
		el(X, "PostalCode", str).opt(), el(X, "CountryName", str).opt())}
	tClaimed := &xsdType{content: el(X, "ClaimedRole", anyType).many()}
	tRole := &xsdType{content: seq(el(X, "ClaimedRoles", tClaimed).opt(), el(X, "CertifiedRoles", &xsdType{content: el(X, "CertifiedRole", tEPKI).many()}).opt())}
	tCertifiedV2 := &xsdType{content: el(X, "CertifiedRole", &xsdType{content: choice(el(X, "X509AttributeCertificate", tEPKI),
		el(X, "OtherAttributeCertificate", anyType))}).many()}
	tAssertions := &xsdType{content: el(X, "SignedAssertion", anyType).many()}
	tRoleV2 := &xsdType{content: seq(el(X, "ClaimedRoles", tClaimed).opt(), el(X, "CertifiedRolesV2", tCertifiedV2).opt(),
		el(X, "SignedAssertions", tAssertions).opt())}
	tSSP := &xsdType{attrs: attrs(id), content: seq(el(X, "SigningTime", simple(sDateTime)).opt(), el(X, "SigningCertificate", tCertIDList).opt(),
		el(X, "SigningCertificateV2", tCertIDListV2).opt(), el(X, "SignaturePolicyIdentifier", tPolicy).opt(),
		el(X, "SignatureProductionPlace", tPlace).opt(), el(X, "SignatureProductionPlaceV2", tPlaceV2).opt(),
		el(X, "SignerRole", tRole).opt(), el(X, "SignerRoleV2", tRoleV2).opt(), anyOther(X, false).star())}
	tSDOP := &xsdType{attrs: attrs(id), content: seq(el(X, "DataObjectFormat", tDOF).star(), el(X, "CommitmentTypeIndication", tCommitment).star(),
		el(X, "AllDataObjectsTimeStamp", tTS).star(), el(X, "IndividualDataObjectsTimeStamp", tTS).star(), anyOther(X, false).star())}
	tCertRefs := &xsdType{attrs: attrs(id), content: el(X, "CertRefs", tCertIDList)}
	tCRLRef := &xsdType{content: seq(el(X, "DigestAlgAndValue", tDigestAlgValue), el(X, "CRLIdentifier", &xsdType{attrs: attrs(uri),
		content: seq(el(X, "Issuer", str), el(X, "IssueTime", simple(sDateTime)), el(X, "Number", simple(sInteger)).opt())}).opt())}
	tOCSPRef := &xsdType{content: seq(el(X, "OCSPIdentifier", &xsdType{attrs: attrs(uri), content: seq(
		el(X, "ResponderID", &xsdType{content: choice(el(X, "ByName", str), el(X, "ByKey", b64))}),
		el(X, "ProducedAt", simple(sDateTime)))}), el(X, "DigestAlgAndValue", tDigestAlgValue).opt())}
	tRevRefs := &xsdType{attrs: attrs(id), content: seq(el(X, "CRLRefs", &xsdType{content: el(X, "CRLRef", tCRLRef).many()}).opt(),
		el(X, "OCSPRefs", &xsdType{content: el(X, "OCSPRef", tOCSPRef).many()}).opt(),
		el(X, "OtherRefs", &xsdType{content: el(X, "OtherRef", anyType).many()}).opt())}
	tCertValues := &xsdType{attrs: attrs(id), content: choice(el(X, "EncapsulatedX509Certificate", tEPKI), el(X, "OtherCertificate", anyType)).star()}
	tRevValues := &xsdType{attrs: attrs(id), content: seq(el(X, "CRLValues", &xsdType{content: el(X, "EncapsulatedCRLValue", tEPKI).many()}).opt(),
		el(X, "OCSPValues", &xsdType{content: el(X, "EncapsulatedOCSPValue", tEPKI).many()}).opt(),
		el(X, "OtherValues", &xsdType{content: el(X, "OtherValue", anyType).many()}).opt())}
	tUSP := &xsdType{attrs: attrs(id), content: choice(el(X, "CounterSignature", tCounter), el(X, "SignatureTimeStamp", tTS),
		el(X, "CompleteCertificateRefs", tCertRefs), el(X, "CompleteRevocationRefs", tRevRefs),
		el(X, "AttributeCertificateRefs", tCertRefs), el(X, "AttributeRevocationRefs", tRevRefs),
		el(X, "SigAndRefsTimeStamp", tTS), el(X, "RefsOnlyTimeStamp", tTS), el(X, "CertificateValues", tCertValues),
		el(X, "RevocationValues", tRevValues), el(X, "AttrAuthoritiesCertValues", tCertValues),
		el(X, "AttributeRevocationValues", tRevValues), el(X, "ArchiveTimeStamp", tTS), anyOther(X, false)).many()}
	tUDOP := &xsdType{attrs: attrs(id), content: el(X, "UnsignedDataObjectProperty", anyType).many()}
	tSP := &xsdType{attrs: attrs(id), content: seq(el(X, "SignedSignatureProperties", tSSP).opt(), el(X, "SignedDataObjectProperties", tSDOP).opt())}
	tUP := &xsdType{attrs: attrs(id), content: seq(el(X, "UnsignedSignatureProperties", tUSP).opt(), el(X, "UnsignedDataObjectProperties", tUDOP).opt())}
	tQP := &xsdType{attrs: attrs(req("Target", sString), id), content: seq(el(X, "SignedProperties", tSP).opt(), el(X, "UnsignedProperties", tUP).opt())}
	for name, t := range map[string]*xsdType{"Any": anyType, "ObjectIdentifier": tOID, "EncapsulatedPKIData": tEPKI,
		"Include": tInclude, "ReferenceInfo": tRefInfo, "XAdESTimeStamp": tTS, "OtherTimeStamp": tOtherTS,
		"QualifyingProperties": tQP, "SignedProperties": tSP, "UnsignedProperties": tUP, "SignedSignatureProperties": tSSP,
		"SignedDataObjectProperties": tSDOP, "UnsignedSignatureProperties": tUSP, "UnsignedDataObjectProperties": tUDOP,
		"QualifyingPropertiesReference": {attrs: attrs(req("URI", sString), id)}, "SigningTime": simple(sDateTime),
		"SigningCertificate": tCertIDList, "SigningCertificateV2": tCertIDListV2, "SignaturePolicyIdentifier": tPolicy,
		"SPURI": str, "SPUserNotice": tUserNotice, "CounterSignature": tCounter, "DataObjectFormat": tDOF,
		"CommitmentTypeIndication": tCommitment, "SignatureProductionPlace": tPlace, "SignatureProductionPlaceV2": tPlaceV2,
		"SignerRole": tRole, "SignerRoleV2": tRoleV2, "ClaimedRoles": tClaimed, "CertifiedRolesV2": tCertifiedV2,
		"SignedAssertions": tAssertions, "X509AttributeCertificate": tEPKI, "OtherAttributeCertificate": anyType,
		"SignedAssertion": anyType, "AllDataObjectsTimeStamp": tTS, "IndividualDataObjectsTimeStamp": tTS,
		"SignatureTimeStamp": tTS, "CompleteCertificateRefs": tCertRefs, "CompleteRevocationRefs": tRevRefs,
		"AttributeCertificateRefs": tCertRefs, "AttributeRevocationRefs": tRevRefs, "SigAndRefsTimeStamp": tTS,
		"RefsOnlyTimeStamp": tTS, "CertificateValues": tCertValues, "RevocationValues": tRevValues,
		"AttrAuthoritiesCertValues": tCertValues, "AttributeRevocationValues": tRevValues, "ArchiveTimeStamp": tTS} {
		globals[qname{X, name}] = t
	}

	// XAdES 1.4.1 (XAdES01903v141-201601.xsd).
	tCertRefsV2 := &xsdType{attrs: attrs(id), content: el(X4, "CertRefs", tCertIDListV2)}
	for name, t := range map[string]*xsdType{
		"TimeStampValidationData": {attrs: attrs(id, uri), content: seq(el(X, "CertificateValues", tCertValues).opt(),
			el(X, "RevocationValues", tRevValues).opt())},
		"SignaturePolicyStore": {attrs: attrs(id), content: seq(el(X4, "SPDocSpecification", tOID),
			choice(el(X4, "SignaturePolicyDocument", b64), el(X4, "SigPolDocLocalURI", str)))},
		"SPDocSpecification": tOID,
		"RenewedDigests": {attrs: attrs(id), content: seq(el(D, "DigestMethod", tDigestMethod),
			el(X4, "RecomputedDigestValue", simple(sBase64, req("Order", sInteger))).many())},
		"RecomputedDigestValue":      simple(sBase64, req("Order", sInteger)),
		"ArchiveTimeStamp":           tTS,
		"CompleteCertificateRefsV2":  tCertRefsV2,
		"AttributeCertificateRefsV2": tCertRefsV2,
		"SigAndRefsTimeStampV2":      tTS,
		"RefsOnlyTimeStampV2":        tTS,
	} {
		globals[qname{X4, name}] = t
	}

	// ASiC (en_31916201v010101.xsd): the root of a signatures file.
	globals[qname{nsASiC, "XAdESSignatures"}] = &xsdType{content: el(D, "Signature", tSignature).many()}

	// The OpenDocument 1.2 manifest (OpenDocument_manifest_v1_2.xsd). Its attributes are
	// qualified. A file-entry's encryption-data is left out: an ASiC-E container has no
	// encrypted entries.
	m := func(name string, kind simpleKind, required bool, enum ...string) xsdAttr {
		return xsdAttr{ns: nsManifest, name: name, kind: kind, required: required, enum: enum}
	}
	tEntry := &xsdType{attrs: attrs(m("full-path", sString, true), m("size", sNonNeg, false), m("media-type", sString, true),
		m("preferred-view-mode", sString, false), m("version", sString, false))}
	globals[qname{nsManifest, "manifest"}] = &xsdType{attrs: attrs(m("version", sString, false, "1.2")),
		content: el(nsManifest, "file-entry", tEntry).many()}

	for _, t := range globals {
		t.index(map[*xsdType]bool{})
	}
}

// index fills in t.local for t and the types it reaches.
func (t *xsdType) index(seen map[*xsdType]bool) {
	if seen[t] {
		return
	}
	seen[t] = true
	t.local = map[qname]*xsdType{}
	var walk func(p *particle)
	walk = func(p *particle) {
		switch p.kind {
		case pElement:
			t.local[p.name] = p.typ
			p.typ.index(seen)
		case pSequence, pChoice:
			for _, q := range p.items {
				walk(q)
			}
		}
	}
	if t.content != nil {
		walk(t.content)
	}
}

// validate checks el against the global declaration of its name.
func validate(el *etree.Element) error {
	t := globals[qname{el.NamespaceURI(), el.Tag}]
	if t == nil {
		return errors.New("element " + el.FullTag() + " is not one the schemas declare")
	}
	return t.check(el, 0)
}

// checkSignaturesRoot checks the asic:XAdESSignatures root of a signatures file, but not the
// ds:Signature elements in it, which Verify checks one by one (validate) to report on each.
func checkSignaturesRoot(root *etree.Element) error {
	t := globals[qname{nsASiC, "XAdESSignatures"}]
	if err := t.checkAttrs(root); err != nil {
		return errors.New(root.FullTag() + ": " + err.Error())
	}
	for _, tok := range root.Child {
		switch tok := tok.(type) {
		case *etree.CharData:
			if strings.Trim(tok.Data, " \t\r\n") != "" {
				return errors.New(root.FullTag() + " may not hold text")
			}
		case *etree.Element:
			if !is(tok, nsDS, "Signature") {
				return errors.New(root.FullTag() + " may not hold element " + tok.FullTag())
			}
		}
	}
	return nil
}

// maxSchemaDepth bounds the element nesting validate walks.
const maxSchemaDepth = 64

// check checks el, of type t: its attributes, text, children and, recursively, theirs.
func (t *xsdType) check(el *etree.Element, depth int) error {
	if depth > maxSchemaDepth {
		return errors.New("elements nested too deep")
	}
	if err := t.checkAttrs(el); err != nil {
		return errors.New(el.FullTag() + ": " + err.Error())
	}
	var buf [16]*etree.Element
	kids := childElements(buf[:0], el)
	name := func() string { return el.FullTag() } // only for errors: it allocates
	if t.text != sNone {
		if len(kids) > 0 {
			return errors.New(name() + " may hold only text, holds element " + kids[0].FullTag())
		}
		if !lexical(t.text, el.Text()) {
			return errors.New(name() + ": text is not a valid " + kindName(t.text))
		}
		return nil
	}
	if !t.mixed {
		for _, tok := range el.Child {
			if cd, ok := tok.(*etree.CharData); ok && strings.Trim(cd.Data, " \t\r\n") != "" {
				return errors.New(name() + " may not hold text")
			}
		}
	}
	if t.content == nil {
		if len(kids) > 0 {
			return errors.New(name() + " may not hold elements, holds " + kids[0].FullTag())
		}
		return nil
	}
	if !t.content.fits(kids) {
		for _, k := range kids {
			q := qname{k.NamespaceURI(), k.Tag}
			if t.local[q] == nil && !t.content.allows(q) {
				return errors.New(name() + " may not hold element " + k.FullTag())
			}
		}
		var names []string
		for _, k := range kids {
			names = append(names, k.FullTag())
		}
		return errors.New(name() + ": children (" + strings.Join(names, ", ") + ") are not in the order or number the schema allows")
	}
	for _, k := range kids {
		q := qname{k.NamespaceURI(), k.Tag}
		kt := t.local[q]
		if kt == nil {
			kt = globals[q]
			if kt == nil {
				if t.content.strictFor(q) {
					return errors.New(name() + ": element " + k.FullTag() + " is not one the schemas declare")
				}
				continue // lax: an element no schema declares is not checked
			}
		}
		if err := kt.check(k, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// checkAttrs checks el's attributes (namespace declarations aside) against t's.
func (t *xsdType) checkAttrs(el *etree.Element) error {
	for _, at := range el.Attr {
		if at.Space == "xmlns" || at.Space == "" && at.Key == "xmlns" {
			continue
		}
		ns := ""
		if at.Space != "" {
			ns = at.NamespaceURI()
		}
		i := slices.IndexFunc(t.attrs, func(x xsdAttr) bool { return x.ns == ns && x.name == at.Key })
		if i < 0 {
			if t.anyAttr {
				continue
			}
			return errors.New("attribute " + at.FullKey() + " is not allowed")
		}
		d := t.attrs[i]
		v := at.Value
		if d.enum != nil {
			v = strings.Join(strings.Fields(v), " ")
			if !slices.Contains(d.enum, v) {
				return errors.New("attribute " + at.FullKey() + " is " + quote(at.Value) + ", not " + strings.Join(d.enum, " or "))
			}
		} else if !lexical(d.kind, v) {
			return errors.New("attribute " + at.FullKey() + " is not a valid " + kindName(d.kind))
		}
	}
	for _, d := range t.attrs {
		if !d.required {
			continue
		}
		found := slices.ContainsFunc(el.Attr, func(at etree.Attr) bool {
			return at.Key == d.name && (d.ns == "" && at.Space == "" || d.ns != "" && at.Space != "" && at.NamespaceURI() == d.ns)
		})
		if !found {
			return errors.New("attribute " + d.name + " is required")
		}
	}
	return nil
}

// A matcher matches the children of one element against a content model. Sets of positions
// in kids (0 … len(kids)) are bit sets, cut from one arena that is reused from element to
// element, so that matching allocates nothing once the arena has grown.
type matcher struct {
	kids  []*etree.Element
	words int
	arena []uint64
}

var matchers = sync.Pool{New: func() any { return &matcher{arena: make([]uint64, 0, 64)} }}

// fits reports whether p matches all of kids.
func (p *particle) fits(kids []*etree.Element) bool {
	m := matchers.Get().(*matcher)
	defer matchers.Put(m)
	m.kids, m.words, m.arena = kids, len(kids)/64+1, m.arena[:0]
	start := m.set()
	start[0] = 1
	end := m.match(p, start)
	m.kids = nil
	return end[len(kids)/64]&(1<<(len(kids)%64)) != 0
}

// set returns an empty set.
func (m *matcher) set() []uint64 {
	n := len(m.arena)
	if n+m.words > cap(m.arena) {
		m.arena = make([]uint64, 0, 2*cap(m.arena)+m.words) // the sets handed out keep the old one
		n = 0
	}
	m.arena = m.arena[:n+m.words]
	s := m.arena[n:]
	clear(s)
	return s
}

// or adds from to into and reports whether that added anything.
func or(into, from []uint64) (grew bool) {
	for i, w := range from {
		if w&^into[i] != 0 {
			grew = true
		}
		into[i] |= w
	}
	return grew
}

func empty(s []uint64) bool {
	for _, w := range s {
		if w != 0 {
			return false
		}
	}
	return true
}

// match returns the positions in kids where p can end, having started at one of from.
func (m *matcher) match(p *particle, from []uint64) []uint64 {
	out := m.set()
	cur := from
	if p.min == 0 {
		or(out, from)
	}
	for n := 1; p.max < 0 || n <= p.max; n++ {
		next := m.once(p, cur)
		if empty(next) {
			break
		}
		if n >= p.min && !or(out, next) {
			break // an unbounded particle that matched nothing new
		}
		cur = next
	}
	return out
}

// once matches one occurrence of p's term.
func (m *matcher) once(p *particle, from []uint64) []uint64 {
	switch p.kind {
	case pSequence:
		cur := from
		for _, q := range p.items {
			if cur = m.match(q, cur); empty(cur) {
				break
			}
		}
		return cur
	case pChoice:
		out := m.set()
		for _, q := range p.items {
			or(out, m.match(q, from))
		}
		return out
	}
	out := m.set()
	for w, bitsw := range from {
		for bitsw != 0 {
			i := w*64 + bits.TrailingZeros64(bitsw)
			bitsw &= bitsw - 1
			if i < len(m.kids) && p.matches(m.kids[i]) {
				out[(i+1)/64] |= 1 << ((i + 1) % 64)
			}
		}
	}
	return out
}

// matches reports whether the element or wildcard p matches k.
func (p *particle) matches(k *etree.Element) bool {
	ns := k.NamespaceURI()
	if p.kind == pElement {
		return p.name.ns == ns && p.name.name == k.Tag
	}
	return p.notNS == "" || ns != "" && ns != p.notNS
}

// allows reports whether some term of p could match an element named q.
func (p *particle) allows(q qname) bool {
	switch p.kind {
	case pElement:
		return p.name == q
	case pAny:
		return p.notNS == "" || q.ns != "" && q.ns != p.notNS
	}
	for _, i := range p.items {
		if i.allows(q) {
			return true
		}
	}
	return false
}

// strictFor reports whether the wildcard of p that lets q in has processContents strict.
func (p *particle) strictFor(q qname) bool {
	switch p.kind {
	case pElement:
		return false
	case pAny:
		return !p.lax && (p.notNS == "" || q.ns != "" && q.ns != p.notNS)
	}
	for _, i := range p.items {
		if i.strictFor(q) {
			return true
		}
	}
	return false
}

var (
	reDateTime = regexp.MustCompile(`^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$`)
	reInteger  = regexp.MustCompile(`^[+-]?[0-9]+$`)
	reNonNeg   = regexp.MustCompile(`^\+?[0-9]+$`)
)

// lexical reports whether v is in the lexical space of kind (after the white space
// processing of xsd: collapse for all but string).
func lexical(kind simpleKind, v string) bool {
	if kind != sString {
		v = strings.Trim(v, " \t\r\n")
	}
	switch kind {
	case sBase64:
		return base64Lexical(v)
	case sDateTime:
		return reDateTime.MatchString(v)
	case sInteger:
		return reInteger.MatchString(v)
	case sNonNeg:
		return reNonNeg.MatchString(v)
	case sBoolean:
		return v == "true" || v == "false" || v == "1" || v == "0"
	case sID:
		return ncName(v)
	}
	return true
}

// base64Lexical reports whether v, white space aside, is canonical base64 (as decodeB64 wants
// it: padded, the unused bits of the last character zero), without decoding it.
func base64Lexical(v string) bool {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	n, pad := 0, 0
	var last byte
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			continue
		case c == '=':
			pad++
		case pad > 0 || strings.IndexByte(alphabet, c) < 0:
			return false
		default:
			last = c
		}
		n++
	}
	if n%4 != 0 || pad > 2 {
		return false
	}
	switch idx := strings.IndexByte(alphabet, last); pad {
	case 1:
		return idx&3 == 0
	case 2:
		return idx&15 == 0
	}
	return true
}

// ncName reports whether s is an XML NCName (letters, digits and . - _, not starting with a
// digit, '.' or '-'; no colon).
func ncName(s string) bool {
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || r == '_':
		case i > 0 && (unicode.IsDigit(r) || r == '.' || r == '-' || unicode.Is(unicode.Mn, r)):
		default:
			return false
		}
	}
	return s != ""
}

func kindName(k simpleKind) string {
	return [...]string{"(none)", "xsd:string", "xsd:base64Binary", "xsd:dateTime", "xsd:integer",
		"xsd:nonNegativeInteger", "xsd:boolean", "xsd:ID"}[k]
}

func quote(s string) string { return `"` + s + `"` }
