package asice

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"errors"
	"fmt"
	"hash"
	"io"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/beevik/etree"
	"github.com/digitorus/pkcs7"
	"github.com/digitorus/timestamp"
	"golang.org/x/crypto/ocsp"
)

// A verifier checks the signatures of one container.
type verifier struct {
	c    *container
	o    *VerifyOptions
	sigs []*sigState
	need map[string]map[crypto.Hash]bool   // data file → digests the References want
	sums map[string]map[crypto.Hash][]byte // data file → computed digests
	dups map[*etree.Document][]string      // Id values that occur more than once
}

// A pendingDigest is a data file digest to compare once the data files have been hashed.
type pendingDigest struct {
	name string
	h    crypto.Hash
	want []byte
}

// sigState is a signature under verification.
type sigState struct {
	rep     SignatureReport
	digests []pendingDigest
	certs   []*x509.Certificate // KeyInfo certificates after the first, and CertificateValues

	tsaCert  *x509.Certificate   // the time-stamping unit
	tsaCerts []*x509.Certificate // the certificates in the token

	ocsp       *ocsp.Response
	ocspIssuer *x509.Certificate // the CA that signed the response or its responder; nil for a trusted responder
}

func (s *sigState) problem(format string, args ...any) {
	s.rep.Problems = append(s.rep.Problems, fmt.Sprintf(format, args...))
}

func (s *sigState) warn(format string, args ...any) {
	s.rep.Warnings = append(s.rep.Warnings, fmt.Sprintf(format, args...))
}

func (s *sigState) distrust(format string, args ...any) {
	s.rep.TrustProblems = append(s.rep.TrustProblems, fmt.Sprintf(format, args...))
}

// duplicateIDs returns the Id attribute values that occur more than once in doc.
func (v *verifier) duplicateIDs(doc *etree.Document) []string {
	if d, ok := v.dups[doc]; ok {
		return d
	}
	seen := make(map[string]int)
	var dup []string
	var walk func(*etree.Element)
	walk = func(el *etree.Element) {
		if id, ok := attr(el, "Id"); ok {
			seen[id]++
			if seen[id] == 2 {
				dup = append(dup, id)
			}
		}
		for _, c := range el.ChildElements() {
			walk(c)
		}
	}
	walk(doc.Root())
	if v.dups == nil {
		v.dups = make(map[*etree.Document][]string)
	}
	v.dups[doc] = dup
	return dup
}

// text returns the text of el without surrounding white space.
func text(el *etree.Element) string {
	if el == nil {
		return ""
	}
	return strings.TrimSpace(el.Text())
}

// algorithm returns the Algorithm attribute of el.
func algorithm(el *etree.Element) string {
	a, _ := attr(el, "Algorithm")
	return a
}

// c14nOf returns the canonicalization algorithm of a CanonicalizationMethod or Transform
// element and its InclusiveNamespaces PrefixList.
func c14nOf(el *etree.Element) (alg, prefixList string) {
	alg = algorithm(el)
	if in := child(el, C14NExclusive, "InclusiveNamespaces"); in != nil {
		prefixList, _ = attr(in, "PrefixList")
	}
	return alg, prefixList
}

// checkSignature checks everything about the ds:Signature el that does not need the data files.
func (v *verifier) checkSignature(file string, doc *etree.Document, el *etree.Element) {
	s := &sigState{rep: SignatureReport{SignaturesFile: file, Profile: ProfileB}}
	v.sigs = append(v.sigs, s)

	id, _ := attr(el, "Id")
	s.rep.ID = id
	if id == "" {
		s.problem("ds:Signature has no Id")
	}
	if d := v.duplicateIDs(doc); len(d) > 0 {
		s.problem("%s has duplicate Id values %q", file, d)
	}

	sis := children(el, nsDS, "SignedInfo")
	if len(sis) != 1 {
		s.problem("expected one ds:SignedInfo, found %d", len(sis))
		return
	}
	si := sis[0]
	c14n, prefixes := c14nOf(child(si, nsDS, "CanonicalizationMethod"))
	if !knownC14N(c14n) {
		s.problem("unsupported CanonicalizationMethod %q", c14n)
	}
	method := algorithm(child(si, nsDS, "SignatureMethod"))
	keyType, sigHash := signatureAlg(method)
	switch {
	case weakSignatureAlgs[method]:
		s.problem("weak SignatureMethod %s", method)
	case keyType == "":
		s.problem("unsupported SignatureMethod %q", method)
	}

	// The signing certificate: the first KeyInfo certificate.
	var certEls []*etree.Element
	for _, ki := range children(el, nsDS, "KeyInfo") {
		for _, xd := range children(ki, nsDS, "X509Data") {
			certEls = append(certEls, children(xd, nsDS, "X509Certificate")...)
		}
	}
	var signerDER []byte
	var signer *x509.Certificate
	if len(certEls) == 0 {
		s.problem("no certificate in KeyInfo/X509Data")
	} else {
		der, err := decodeB64(text(certEls[0]))
		switch {
		case err != nil:
			s.problem("signing certificate (first KeyInfo certificate) is not base64")
		default:
			signerDER = der
			s.rep.SignerSubject, s.rep.SignerSerial, _ = certNameSerial(der)
			signer, err = x509.ParseCertificate(der)
			if err != nil {
				s.problem("signing certificate cannot be parsed: %v", err)
				signer = nil
			}
		}
		for i, ce := range certEls[1:] {
			der, err := decodeB64(text(ce))
			var c *x509.Certificate
			if err == nil {
				c, err = x509.ParseCertificate(der)
			}
			if err != nil {
				s.warn("KeyInfo certificate %d cannot be parsed: %v", i+2, err)
				continue
			}
			s.certs = append(s.certs, c)
		}
	}
	if signer != nil {
		s.rep.Signer = signer
		s.rep.SignerSubject, s.rep.SignerSerial = subjectString(signer.Subject), signer.SerialNumber
		if signer.KeyUsage&x509.KeyUsageContentCommitment == 0 {
			s.problem("signing certificate has no nonRepudiation key usage")
		}
		if pub, ok := signer.PublicKey.(*rsa.PublicKey); ok && pub.N.BitLen() < 2048 {
			s.problem("signing certificate has a weak %d-bit RSA key", pub.N.BitLen())
		}
	}

	// The qualifying properties.
	objs := children(el, nsDS, "Object")
	var qps []*etree.Element
	for _, o := range objs {
		qps = append(qps, children(o, nsXAdES, "QualifyingProperties")...)
	}
	var qp, sp, ssp *etree.Element
	if len(objs) != 1 || len(qps) != 1 {
		s.problem("expected one ds:Object with one xades:QualifyingProperties, found %d and %d", len(objs), len(qps))
	}
	if len(qps) > 0 {
		qp = qps[0]
		if t, _ := attr(qp, "Target"); id != "" && t != "#"+id {
			s.problem("QualifyingProperties Target is %q, not %q", t, "#"+id)
		}
		sps := children(qp, nsXAdES, "SignedProperties")
		if len(sps) != 1 {
			s.problem("expected one xades:SignedProperties, found %d", len(sps))
		} else {
			sp = sps[0]
			ssps := children(sp, nsXAdES, "SignedSignatureProperties")
			if len(ssps) != 1 {
				s.problem("expected one xades:SignedSignatureProperties, found %d", len(ssps))
			} else {
				ssp = ssps[0]
			}
		}
	}
	spID, _ := attr(sp, "Id")
	if sp != nil && spID == "" {
		s.problem("xades:SignedProperties has no Id")
	}
	if ssp != nil {
		v.checkSignedSignatureProperties(s, ssp, signerDER, signer)
	}
	dofs := make(map[string]string) // ObjectReference → MimeType
	if sdop := child(sp, nsXAdES, "SignedDataObjectProperties"); sdop != nil {
		for _, d := range children(sdop, nsXAdES, "DataObjectFormat") {
			ref, _ := attr(d, "ObjectReference")
			dofs[ref] = text(child(d, nsXAdES, "MimeType"))
		}
		for _, name := range []string{"AllDataObjectsTimeStamp", "IndividualDataObjectsTimeStamp"} {
			if child(sdop, nsXAdES, name) != nil {
				s.problem("xades:%s is present (libdigidocpp refuses the signature)", name)
			}
		}
	}

	// The References.
	covered := make(map[string]bool)
	spRefs := 0
	for _, ref := range children(si, nsDS, "Reference") {
		uri, _ := attr(ref, "URI")
		typ, _ := attr(ref, "Type")
		dm := algorithm(child(ref, nsDS, "DigestMethod"))
		h, weak := digestHash(dm)
		want, err := decodeB64(text(child(ref, nsDS, "DigestValue")))
		switch {
		case h == 0:
			s.problem("Reference %q has unsupported DigestMethod %q", uri, dm)
			continue
		case weak:
			s.problem("Reference %q uses weak digest %s", uri, dm)
		case err != nil || len(want) != h.Size():
			s.problem("Reference %q has a malformed DigestValue", uri)
			continue
		}
		if typ == typeSignedProperties {
			spRefs++
			if sp == nil || spID == "" || uri != "#"+spID {
				s.problem("SignedProperties Reference URI %q does not point at this signature's SignedProperties", uri)
				continue
			}
			alg, pl := C14N10, ""
			if tr := child(ref, nsDS, "Transforms"); tr != nil {
				ts := children(tr, nsDS, "Transform")
				if len(ts) != 1 {
					s.problem("SignedProperties Reference has %d Transforms; one canonicalization is supported", len(ts))
					continue
				}
				alg, pl = c14nOf(ts[0])
			}
			if !knownC14N(alg) {
				s.problem("SignedProperties Reference has unsupported Transform %q", alg)
				continue
			}
			b, err := canonicalize(sp, alg, pl)
			if err != nil {
				s.problem("cannot canonicalize SignedProperties: %v", err)
				continue
			}
			if !bytes.Equal(digest(h, b), want) {
				s.problem("SignedProperties do not match their Reference digest")
			}
			continue
		}
		switch {
		case uri == "":
			s.problem("Reference without URI")
			continue
		case strings.HasPrefix(uri, "#"):
			s.problem("unexpected same-document Reference %q", uri)
			continue
		case child(ref, nsDS, "Transforms") != nil:
			s.problem("data Reference %q has Transforms (not supported)", uri)
			continue
		}
		name, ok := decodeURI(uri)
		switch {
		case !ok:
			s.problem("Reference URI %q is not a percent-encoded relative URI", uri)
			continue
		case v.c.mediaType[name] == "":
			s.problem("Reference URI %q names no data file of the manifest", uri)
			continue
		case covered[name]:
			s.problem("data file %q is referenced twice", name)
			continue
		}
		covered[name] = true
		s.rep.Files = append(s.rep.Files, name)
		s.digests = append(s.digests, pendingDigest{name: name, h: h, want: want})
		if v.need[name] == nil {
			v.need[name] = make(map[crypto.Hash]bool)
		}
		v.need[name][h] = true
		refID, _ := attr(ref, "Id")
		mt, ok := dofs["#"+refID]
		switch {
		case refID == "":
			s.problem("Reference %q has no Id, so no DataObjectFormat can name it", uri)
		case !ok:
			s.problem("no DataObjectFormat for Reference %q", refID)
		case mt != v.c.mediaType[name]:
			s.problem("DataObjectFormat MimeType %q of %q differs from the manifest's %q", mt, name, v.c.mediaType[name])
		}
	}
	if spRefs != 1 {
		s.problem("expected one SignedProperties Reference, found %d", spRefs)
	}
	for _, f := range v.c.data {
		if !covered[f.Name] {
			s.problem("data file %q is not covered by the signature", f.Name)
		}
	}

	// The SignatureValue.
	svs := children(el, nsDS, "SignatureValue")
	if len(svs) != 1 {
		s.problem("expected one ds:SignatureValue, found %d", len(svs))
		return
	}
	sv := svs[0]
	if signer != nil && keyType != "" && knownC14N(c14n) {
		v.checkSignatureValue(s, si, sv, signer, keyType, sigHash, c14n, prefixes)
	}
	if qp != nil {
		v.checkUnsigned(s, qp, sv, signer)
	}
}

// checkSignedSignatureProperties checks SigningTime and SigningCertificate(V2) against the
// signing certificate der.
func (v *verifier) checkSignedSignatureProperties(s *sigState, ssp *etree.Element, der []byte, signer *x509.Certificate) {
	st := text(child(ssp, nsXAdES, "SigningTime"))
	if t, err := time.Parse(time.RFC3339, st); err == nil {
		s.rep.SigningTime = t
		if signer != nil && (t.Before(signer.NotBefore) || t.After(signer.NotAfter)) {
			s.warn("SigningTime %s is outside the signing certificate's validity", st)
		}
	} else {
		s.problem("SigningTime %q is missing or not a date-time with a time zone", st)
	}
	sc := children(ssp, nsXAdES, "SigningCertificate")
	sc2 := children(ssp, nsXAdES, "SigningCertificateV2")
	if len(sc)+len(sc2) != 1 {
		s.problem("expected one SigningCertificate or SigningCertificateV2, found %d", len(sc)+len(sc2))
		return
	}
	scEl := append(append([]*etree.Element(nil), sc...), sc2...)[0]
	certs := children(scEl, nsXAdES, "Cert")
	if len(certs) != 1 {
		s.problem("SigningCertificate must hold one Cert, holds %d", len(certs))
		return
	}
	cd := child(certs[0], nsXAdES, "CertDigest")
	dm := algorithm(child(cd, nsDS, "DigestMethod"))
	h, weak := digestHash(dm)
	want, err := decodeB64(text(child(cd, nsDS, "DigestValue")))
	switch {
	case h == 0 || err != nil:
		s.problem("SigningCertificate CertDigest is missing or has an unsupported DigestMethod")
		return
	case weak:
		s.problem("SigningCertificate CertDigest uses weak digest %s", dm)
	}
	if der != nil && !bytes.Equal(digest(h, der), want) {
		s.problem("SigningCertificate does not name the first KeyInfo certificate (key substitution?)")
	}
	var serial *big.Int
	if der != nil {
		_, serial, _ = certNameSerial(der)
	}
	if isr := child(certs[0], nsXAdES, "IssuerSerial"); isr != nil && serial != nil {
		n, ok := new(big.Int).SetString(text(child(isr, nsDS, "X509SerialNumber")), 10)
		if !ok || n.Cmp(serial) != 0 {
			s.problem("IssuerSerial serial number does not match the signing certificate")
		}
	}
	if isr := child(certs[0], nsXAdES, "IssuerSerialV2"); isr != nil && serial != nil {
		b, err := decodeB64(text(isr))
		var n *big.Int
		ok := err == nil
		if ok {
			n, ok = issuerSerialV2Serial(b)
		}
		if !ok || n.Cmp(serial) != 0 {
			s.problem("IssuerSerialV2 serial number does not match the signing certificate")
		}
	}
}

// checkSignatureValue verifies the SignatureValue sv over the canonical SignedInfo si with the
// signing certificate's key.
func (v *verifier) checkSignatureValue(s *sigState, si, sv *etree.Element, signer *x509.Certificate, keyType string, h crypto.Hash, c14n, prefixes string) {
	sig, err := decodeB64(text(sv))
	if err != nil {
		s.problem("SignatureValue is not base64")
		return
	}
	b, err := canonicalize(si, c14n, prefixes)
	if err != nil {
		s.problem("cannot canonicalize SignedInfo: %v", err)
		return
	}
	d := digest(h, b)
	ok := false
	switch pub := signer.PublicKey.(type) {
	case *rsa.PublicKey:
		if keyType != "RSA" {
			s.problem("SignatureMethod is %s but the signing certificate has an RSA key", keyType)
			return
		}
		ok = rsa.VerifyPKCS1v15(pub, h, d, sig) == nil
	case *ecdsa.PublicKey:
		if keyType != "ECDSA" {
			s.problem("SignatureMethod is %s but the signing certificate has an ECDSA key", keyType)
			return
		}
		size := (pub.Curve.Params().BitSize + 7) / 8
		if len(sig) == 0 || len(sig)%2 != 0 || len(sig) > 2*size {
			s.problem("ECDSA SignatureValue of %d bytes is not r||s for a %d-byte curve", len(sig), size)
			return
		}
		r := new(big.Int).SetBytes(sig[:len(sig)/2])
		ss := new(big.Int).SetBytes(sig[len(sig)/2:])
		ok = ecdsa.Verify(pub, d, r, ss)
	default:
		s.problem("signing certificate key type %T is not supported", pub)
		return
	}
	if !ok {
		s.problem("SignatureValue does not verify with the signing certificate's key")
	}
}

// rejectedUnsigned are unsigned signature properties that make libdigidocpp refuse a signature.
var rejectedUnsigned = []struct{ ns, name string }{
	{nsXAdES, "CounterSignature"}, {nsXAdES, "AttributeCertificateRefs"}, {nsXAdES, "AttributeRevocationRefs"},
	{nsXAdES, "RefsOnlyTimeStamp"}, {nsXAdES, "AttrAuthoritiesCertValues"}, {nsXAdES, "AttributeRevocationValues"},
	{nsXAdES, "ArchiveTimeStamp"}, {nsXAdES141, "CompleteCertificateRefsV2"}, {nsXAdES141, "AttributeCertificateRefsV2"},
	{nsXAdES141, "SigAndRefsTimeStampV2"}, {nsXAdES141, "RefsOnlyTimeStampV2"},
}

// checkUnsigned checks the unsigned properties: time-stamps, certificate and OCSP values.
func (v *verifier) checkUnsigned(s *sigState, qp, sv *etree.Element, signer *x509.Certificate) {
	up := child(qp, nsXAdES, "UnsignedProperties")
	if up == nil {
		return
	}
	if child(up, nsXAdES, "UnsignedDataObjectProperties") != nil {
		s.problem("xades:UnsignedDataObjectProperties is present (libdigidocpp refuses the signature)")
	}
	usp := child(up, nsXAdES, "UnsignedSignatureProperties")
	if usp == nil {
		return
	}
	for _, r := range rejectedUnsigned {
		if child(usp, r.ns, r.name) != nil {
			s.problem("%s is present in the unsigned properties (libdigidocpp refuses the signature)", r.name)
		}
	}
	for _, cv := range children(usp, nsXAdES, "CertificateValues") {
		for i, e := range children(cv, nsXAdES, "EncapsulatedX509Certificate") {
			der, err := decodeB64(text(e))
			var c *x509.Certificate
			if err == nil {
				c, err = x509.ParseCertificate(der)
			}
			if err != nil {
				s.warn("CertificateValues certificate %d cannot be parsed: %v", i+1, err)
				continue
			}
			s.certs = append(s.certs, c)
		}
	}
	stss := children(usp, nsXAdES, "SignatureTimeStamp")
	for i, sts := range stss {
		v.checkTimeStamp(s, sts, sv, i == 0)
	}
	hasCV := child(usp, nsXAdES, "CertificateValues") != nil
	rv := child(usp, nsXAdES, "RevocationValues")
	switch {
	case len(stss) > 0 && child(usp, nsXAdES141, "ArchiveTimeStamp") != nil:
		s.rep.Profile = ProfileLTA
		s.warn("archive time-stamp present; it is not checked")
	case len(stss) > 0 && hasCV && rv != nil:
		s.rep.Profile = ProfileLT
	case len(stss) > 0:
		s.rep.Profile = ProfileT
	case rv != nil:
		s.warn("revocation values without a time-stamp (BDOC time-mark profile); the time-mark is not checked")
	}
	if rv != nil && signer != nil {
		v.checkOCSP(s, rv, signer)
	}
}

// checkTimeStamp checks a SignatureTimeStamp: its token's signature and that its message
// imprint is the digest of the canonical SignatureValue. The first one sets the report's time.
func (v *verifier) checkTimeStamp(s *sigState, sts, sv *etree.Element, first bool) {
	alg, pl := C14N10, ""
	if cm := child(sts, nsDS, "CanonicalizationMethod"); cm != nil {
		alg, pl = c14nOf(cm)
	}
	ets := children(sts, nsXAdES, "EncapsulatedTimeStamp")
	if len(ets) != 1 {
		s.problem("SignatureTimeStamp holds %d EncapsulatedTimeStamp elements, not one", len(ets))
		return
	}
	tok, err := decodeB64(text(ets[0]))
	if err != nil {
		s.problem("EncapsulatedTimeStamp is not base64")
		return
	}
	p7, err := pkcs7.Parse(tok)
	if err != nil {
		s.problem("time-stamp token cannot be parsed: %v", err)
		return
	}
	if len(p7.Certificates) == 0 {
		p7.Certificates = s.certs
	}
	if err := p7.Verify(); err != nil {
		s.problem("time-stamp token signature does not verify: %v", err)
		return
	}
	ts, err := timestamp.Parse(tok)
	if err != nil {
		s.problem("time-stamp token cannot be read: %v", err)
		return
	}
	if !knownC14N(alg) {
		s.problem("SignatureTimeStamp has unsupported CanonicalizationMethod %q", alg)
		return
	}
	b, err := canonicalize(sv, alg, pl)
	if err != nil {
		s.problem("cannot canonicalize SignatureValue: %v", err)
		return
	}
	switch ts.HashAlgorithm {
	case crypto.SHA256, crypto.SHA384, crypto.SHA512:
	default:
		s.problem("time-stamp uses weak or unsupported hash %v", ts.HashAlgorithm)
		return
	}
	if !bytes.Equal(digest(ts.HashAlgorithm, b), ts.HashedMessage) {
		s.problem("time-stamp message imprint does not match the SignatureValue")
		return
	}
	if first {
		s.rep.TimeStamp = ts.Time
		s.tsaCerts = p7.Certificates
		s.tsaCert = p7.GetOnlySigner()
		if s.tsaCert != nil {
			s.rep.TSA = subjectString(s.tsaCert.Subject)
		}
	}
}

// checkOCSP finds the OCSP response for the signing certificate in RevocationValues and checks
// its signature, status and time.
func (v *verifier) checkOCSP(s *sigState, rv *etree.Element, signer *x509.Certificate) {
	var ders [][]byte
	for _, ovs := range children(rv, nsXAdES, "OCSPValues") {
		for _, e := range children(ovs, nsXAdES, "EncapsulatedOCSPValue") {
			der, err := decodeB64(text(e))
			if err != nil {
				s.problem("EncapsulatedOCSPValue is not base64")
				continue
			}
			ders = append(ders, der)
		}
	}
	issuer := issuerOf(signer, s.certs)
	for _, der := range ders {
		// Without an issuer, ParseResponseForCert checks the signature with the responder
		// certificate the response carries, if any.
		r, err := ocsp.ParseResponseForCert(der, signer, nil)
		if err != nil {
			var pe ocsp.ParseError
			if errors.As(err, &pe) && strings.Contains(string(pe), "no response matching") {
				continue // a response about another certificate
			}
			s.problem("OCSP response cannot be read or does not verify: %v", err)
			return
		}
		switch {
		case issuer != nil && func() bool { _, err := ocsp.ParseResponseForCert(der, signer, issuer); return err == nil }():
			s.ocspIssuer = issuer // signed by the issuer or by a responder certificate it issued
		case r.Certificate != nil:
			// A responder with its own trust anchor; Trusted asks whether it chains to Roots.
		default:
			s.problem("OCSP response signature cannot be checked: no responder or issuer certificate")
			return
		}
		if r.SerialNumber == nil || r.SerialNumber.Cmp(signer.SerialNumber) != 0 {
			continue
		}
		s.ocsp = r
		s.rep.RevocationStatus = ocspStatus(r.Status)
		s.rep.OCSPProducedAt = r.ProducedAt
		switch r.Status {
		case ocsp.Good:
		case ocsp.Revoked:
			if s.rep.TimeStamp.IsZero() || !r.RevokedAt.After(s.rep.TimeStamp) {
				s.problem("signing certificate was revoked at %s", r.RevokedAt.UTC().Format(time.RFC3339))
			} else {
				s.warn("signing certificate was revoked at %s, after the time-stamp", r.RevokedAt.UTC().Format(time.RFC3339))
			}
		default:
			s.problem("OCSP status of the signing certificate is unknown")
		}
		if !s.rep.TimeStamp.IsZero() && r.ProducedAt.Before(s.rep.TimeStamp.Truncate(time.Second)) {
			s.problem("OCSP response produced at %s, before the time-stamp of %s",
				r.ProducedAt.UTC().Format(time.RFC3339), s.rep.TimeStamp.UTC().Format(time.RFC3339))
		}
		return
	}
	s.problem("no OCSP response for the signing certificate")
}

// copyBuffers are the buffers hashData streams through.
var copyBuffers = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

// hashData streams each data file that a Reference names through the digests wanted of it.
func (v *verifier) hashData() error {
	v.sums = make(map[string]map[crypto.Hash][]byte, len(v.need))
	bp := copyBuffers.Get().(*[]byte)
	defer copyBuffers.Put(bp)
	buf := *bp
	for _, df := range v.c.data {
		hs := v.need[df.Name]
		if len(hs) == 0 {
			continue
		}
		f := v.c.dataEntry[df.Name]
		rc, err := f.Open()
		if err != nil {
			return badFormat(f.Name, "cannot open: "+err.Error())
		}
		var w io.Writer
		hashers := make(map[crypto.Hash]hash.Hash, len(hs))
		var ws []io.Writer
		for h := range hs {
			hashers[h] = h.New()
			ws = append(ws, hashers[h])
		}
		if len(ws) == 1 {
			w = ws[0]
		} else {
			w = io.MultiWriter(ws...)
		}
		size := int64(f.UncompressedSize64)
		n, err := io.CopyBuffer(w, io.LimitReader(rc, size+1), buf)
		rc.Close()
		if err != nil {
			return badFormat(f.Name, "corrupt: "+err.Error())
		}
		if n != size {
			return badFormat(f.Name, "size does not match its header")
		}
		sums := make(map[crypto.Hash][]byte, len(hashers))
		for h, hh := range hashers {
			sums[h] = hh.Sum(nil)
		}
		v.sums[df.Name] = sums
	}
	return nil
}

// finish compares the data digests, decides Valid, and then Trusted.
func (s *sigState) finish(v *verifier) {
	for _, d := range s.digests {
		if !bytes.Equal(v.sums[d.name][d.h], d.want) {
			s.problem("data file %q does not match its Reference digest", d.name)
		}
	}
	s.rep.Valid = len(s.rep.Problems) == 0
	if !s.rep.Valid || v.o.Roots == nil {
		return
	}
	s.trust(v.o)
	s.rep.Trusted = len(s.rep.TrustProblems) == 0
}

// trust checks the chains of the signing certificate, the time-stamping unit and the OCSP
// responder against the roots.
func (s *sigState) trust(o *VerifyOptions) {
	signer := s.rep.Signer
	inter := x509.NewCertPool()
	for _, c := range s.certs {
		inter.AddCert(c)
	}
	at := s.rep.TimeStamp
	if at.IsZero() {
		at = o.Now()
	}
	chains, err := signer.Verify(x509.VerifyOptions{Roots: o.Roots, Intermediates: inter, CurrentTime: at,
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}})
	if err != nil {
		s.distrust("signing certificate does not chain to the roots at %s: %v", at.UTC().Format(time.RFC3339), err)
	}
	if s.rep.Profile >= ProfileT {
		if s.tsaCert == nil {
			s.distrust("time-stamp token names no certificate of its signer")
		} else {
			tinter := x509.NewCertPool()
			for _, c := range append(append([]*x509.Certificate(nil), s.tsaCerts...), s.certs...) {
				tinter.AddCert(c)
			}
			if _, err := s.tsaCert.Verify(x509.VerifyOptions{Roots: o.Roots, Intermediates: tinter,
				CurrentTime: s.rep.TimeStamp, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageTimeStamping}}); err != nil {
				s.distrust("time-stamping unit's certificate does not chain to the roots: %v", err)
			}
		}
	}
	if s.rep.Profile < ProfileLT {
		return
	}
	r := s.ocsp
	switch {
	case r == nil:
		s.distrust("no OCSP response")
		return
	case r.Status != ocsp.Good && !(r.Status == ocsp.Revoked && r.RevokedAt.After(s.rep.TimeStamp)):
		s.distrust("OCSP status is %s", ocspStatus(r.Status))
	}
	inChain := func(c *x509.Certificate) bool {
		for _, ch := range chains {
			for _, x := range ch[1:] {
				if x.Equal(c) {
					return true
				}
			}
		}
		return false
	}
	switch {
	case s.ocspIssuer != nil && (r.Certificate == nil || r.Certificate.Equal(s.ocspIssuer)):
		if !inChain(s.ocspIssuer) {
			s.distrust("OCSP response is signed by a CA outside the trusted chain")
		}
	case s.ocspIssuer != nil:
		if !inChain(s.ocspIssuer) || !hasEKU(r.Certificate, x509.ExtKeyUsageOCSPSigning) {
			s.distrust("OCSP responder is not delegated by a CA of the trusted chain")
		}
	default:
		if _, err := r.Certificate.Verify(x509.VerifyOptions{Roots: o.Roots, Intermediates: inter, CurrentTime: r.ProducedAt,
			KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageOCSPSigning}}); err != nil {
			s.distrust("OCSP responder's certificate does not chain to the roots: %v", err)
		}
	}
}

// digest returns the h digest of b.
func digest(h crypto.Hash, b []byte) []byte {
	hh := h.New()
	hh.Write(b)
	return hh.Sum(nil)
}
