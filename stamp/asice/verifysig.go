package asice

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"fmt"
	"hash"
	"io"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/beevik/etree"
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
	subs    []SubIndication // of rep.Problems, one each
	tsubs   []SubIndication // of rep.TrustProblems, one each
	digests []pendingDigest
	certs   []*x509.Certificate // KeyInfo certificates after the first, and CertificateValues

	sigTS  *tokenCheck  // the first signature time-stamp, when it verifies
	ats    []tokenCheck // the archive time-stamps that verify
	levelT bool         // the signature time-stamp verifies
	ltData bool         // the certificate values and the OCSP response verify

	ocsp          *ocsp.Response
	ocspIssuer    *x509.Certificate // the signer's issuer, when it signed the response or delegated a responder
	ocspResponder *x509.Certificate // the certificate that signed the OCSP response
}

// fail records a problem: the signature is not valid, for the reason sub.
func (s *sigState) fail(sub SubIndication, format string, args ...any) {
	s.rep.Problems = append(s.rep.Problems, fmt.Sprintf(format, args...))
	s.subs = append(s.subs, sub)
}

func (s *sigState) warn(format string, args ...any) {
	s.rep.Warnings = append(s.rep.Warnings, fmt.Sprintf(format, args...))
}

// distrust records a trust problem: the signature is intact but not TOTAL-PASSED, for the
// reason sub.
func (s *sigState) distrust(sub SubIndication, format string, args ...any) {
	s.rep.TrustProblems = append(s.rep.TrustProblems, fmt.Sprintf(format, args...))
	s.tsubs = append(s.tsubs, sub)
}

// readCertificate decodes and parses the base64 certificate in el (what names it in problems),
// tolerating what [parseCertificate] tolerates, and returns nil after recording a
// FORMAT_FAILURE when it cannot.
func (s *sigState) readCertificate(el *etree.Element, what string) *x509.Certificate {
	der, err := decodeB64(text(el))
	if err != nil {
		s.fail(FormatFailure, "%s is not base64", what)
		return nil
	}
	c, odd, err := parseCertificate(der)
	if err != nil {
		s.fail(FormatFailure, "%s cannot be parsed: %v", what, err)
		return nil
	}
	if odd != "" {
		s.rep.NonConforming = append(s.rep.NonConforming, what+": "+odd)
	}
	return c
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
		for _, t := range el.Child {
			if c, ok := t.(*etree.Element); ok {
				walk(c)
			}
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

	if err := validate(el); err != nil {
		s.fail(FormatFailure, "schema: %v", err)
	}
	id, _ := attr(el, "Id")
	s.rep.ID = id
	if id == "" {
		s.fail(FormatFailure, "ds:Signature has no Id")
	}
	if d := v.duplicateIDs(doc); len(d) > 0 {
		s.fail(FormatFailure, "%s has duplicate Id values %q", file, d)
	}

	sis := children(el, nsDS, "SignedInfo")
	if len(sis) != 1 {
		s.fail(FormatFailure, "expected one ds:SignedInfo, found %d", len(sis))
		return
	}
	si := sis[0]
	c14n, prefixes := c14nOf(child(si, nsDS, "CanonicalizationMethod"))
	if !knownC14N(c14n) {
		s.fail(FormatFailure, "unsupported CanonicalizationMethod %q", c14n)
	}
	method := algorithm(child(si, nsDS, "SignatureMethod"))
	keyType, sigHash := signatureAlg(method)
	switch {
	case weakSignatureAlgs[method]:
		s.fail(CryptoConstraintsFailureNoPOE, "weak SignatureMethod %s", method)
	case keyType == "":
		s.fail(FormatFailure, "unsupported SignatureMethod %q", method)
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
		s.fail(NoSigningCertificateFound, "no certificate in KeyInfo/X509Data")
	} else {
		der, err := decodeB64(text(certEls[0]))
		switch {
		case err != nil:
			s.fail(FormatFailure, "signing certificate (first KeyInfo certificate) is not base64")
		default:
			signerDER = der
			var odd string
			signer, odd, err = parseCertificate(der)
			switch {
			case err != nil:
				s.rep.SignerSubject, s.rep.SignerSerial, _ = certNameSerial(der)
				s.fail(FormatFailure, "signing certificate cannot be parsed: %v", err)
			case odd != "":
				s.rep.NonConforming = append(s.rep.NonConforming, "signing certificate: "+odd)
				s.warn("signing certificate is not conforming DER: %s", odd)
			}
		}
		for i, ce := range certEls[1:] {
			if c := s.readCertificate(ce, fmt.Sprintf("KeyInfo certificate %d", i+2)); c != nil {
				s.certs = append(s.certs, c)
			}
		}
	}
	if signer != nil {
		s.rep.Signer = signer
		s.rep.SignerSubject, s.rep.SignerSerial = subjectString(signer.Subject), signer.SerialNumber
		if signer.KeyUsage&x509.KeyUsageContentCommitment == 0 {
			s.fail(ChainConstraintsFailure, "signing certificate has no nonRepudiation key usage")
		}
		if pub, ok := signer.PublicKey.(*rsa.PublicKey); ok && pub.N.BitLen() < 2048 {
			s.fail(CryptoConstraintsFailureNoPOE, "signing certificate has a weak %d-bit RSA key", pub.N.BitLen())
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
		s.fail(FormatFailure, "expected one ds:Object with one xades:QualifyingProperties, found %d and %d", len(objs), len(qps))
	}
	if len(qps) > 0 {
		qp = qps[0]
		if t, _ := attr(qp, "Target"); id != "" && t != "#"+id {
			s.fail(FormatFailure, "QualifyingProperties Target is %q, not %q", t, "#"+id)
		}
		sps := children(qp, nsXAdES, "SignedProperties")
		if len(sps) != 1 {
			s.fail(FormatFailure, "expected one xades:SignedProperties, found %d", len(sps))
		} else {
			sp = sps[0]
			ssps := children(sp, nsXAdES, "SignedSignatureProperties")
			if len(ssps) != 1 {
				s.fail(FormatFailure, "expected one xades:SignedSignatureProperties, found %d", len(ssps))
			} else {
				ssp = ssps[0]
			}
		}
	}
	spID, _ := attr(sp, "Id")
	if sp != nil && spID == "" {
		s.fail(FormatFailure, "xades:SignedProperties has no Id")
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
				s.fail(SigConstraintsFailure, "xades:%s is present (libdigidocpp refuses the signature)", name)
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
			s.fail(FormatFailure, "Reference %q has unsupported DigestMethod %q", uri, dm)
			continue
		case weak:
			s.fail(CryptoConstraintsFailureNoPOE, "Reference %q uses weak digest %s", uri, dm)
		case err != nil || len(want) != h.Size():
			s.fail(FormatFailure, "Reference %q has a malformed DigestValue", uri)
			continue
		}
		if typ == typeSignedProperties {
			spRefs++
			if sp == nil || spID == "" || uri != "#"+spID {
				s.fail(FormatFailure, "SignedProperties Reference URI %q does not point at this signature's SignedProperties", uri)
				continue
			}
			alg, pl := C14N10, ""
			if tr := child(ref, nsDS, "Transforms"); tr != nil {
				ts := children(tr, nsDS, "Transform")
				if len(ts) != 1 {
					s.fail(FormatFailure, "SignedProperties Reference has %d Transforms; one canonicalization is supported", len(ts))
					continue
				}
				alg, pl = c14nOf(ts[0])
			}
			if !knownC14N(alg) {
				s.fail(FormatFailure, "SignedProperties Reference has unsupported Transform %q", alg)
				continue
			}
			b, err := canonicalize(sp, alg, pl)
			if err != nil {
				s.fail(FormatFailure, "cannot canonicalize SignedProperties: %v", err)
				continue
			}
			if !bytes.Equal(digest(h, b), want) {
				s.fail(HashFailure, "SignedProperties do not match their Reference digest")
			}
			continue
		}
		switch {
		case uri == "":
			s.fail(FormatFailure, "Reference without URI")
			continue
		case strings.HasPrefix(uri, "#"):
			s.fail(FormatFailure, "unexpected same-document Reference %q", uri)
			continue
		case child(ref, nsDS, "Transforms") != nil:
			s.fail(FormatFailure, "data Reference %q has Transforms (not supported)", uri)
			continue
		}
		name, ok := decodeURI(uri)
		switch {
		case !ok:
			s.fail(FormatFailure, "Reference URI %q is not a percent-encoded relative URI", uri)
			continue
		case v.c.mediaType[name] == "":
			s.fail(SignedDataNotFound, "Reference URI %q names no data file of the manifest", uri)
			continue
		case covered[name]:
			s.fail(FormatFailure, "data file %q is referenced twice", name)
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
			s.fail(SigConstraintsFailure, "Reference %q has no Id, so no DataObjectFormat can name it", uri)
		case !ok:
			s.fail(SigConstraintsFailure, "no DataObjectFormat for Reference %q", refID)
		case mt != v.c.mediaType[name]:
			s.fail(SigConstraintsFailure, "DataObjectFormat MimeType %q of %q differs from the manifest's %q", mt, name, v.c.mediaType[name])
		}
	}
	if spRefs != 1 {
		s.fail(FormatFailure, "expected one SignedProperties Reference, found %d", spRefs)
	}
	for _, f := range v.c.data {
		if !covered[f.Name] {
			s.fail(SigConstraintsFailure, "data file %q is not covered by the signature", f.Name)
		}
	}

	// The SignatureValue.
	svs := children(el, nsDS, "SignatureValue")
	if len(svs) != 1 {
		s.fail(FormatFailure, "expected one ds:SignatureValue, found %d", len(svs))
		return
	}
	sv := svs[0]
	if signer != nil && keyType != "" && knownC14N(c14n) {
		v.checkSignatureValue(s, si, sv, signer, keyType, sigHash, c14n, prefixes)
	}
	if qp != nil {
		v.checkUnsigned(s, el, qp, sv, signer)
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
		s.fail(FormatFailure, "SigningTime %q is missing or not a date-time with a time zone", st)
	}
	sc := children(ssp, nsXAdES, "SigningCertificate")
	sc2 := children(ssp, nsXAdES, "SigningCertificateV2")
	if len(sc)+len(sc2) != 1 {
		s.fail(NoSigningCertificateFound, "expected one SigningCertificate or SigningCertificateV2, found %d", len(sc)+len(sc2))
		return
	}
	scEl := append(append([]*etree.Element(nil), sc...), sc2...)[0]
	certs := children(scEl, nsXAdES, "Cert")
	if len(certs) != 1 {
		s.fail(NoSigningCertificateFound, "SigningCertificate must hold one Cert, holds %d", len(certs))
		return
	}
	cd := child(certs[0], nsXAdES, "CertDigest")
	dm := algorithm(child(cd, nsDS, "DigestMethod"))
	h, weak := digestHash(dm)
	want, err := decodeB64(text(child(cd, nsDS, "DigestValue")))
	switch {
	case h == 0 || err != nil:
		s.fail(FormatFailure, "SigningCertificate CertDigest is missing or has an unsupported DigestMethod")
		return
	case weak:
		s.fail(CryptoConstraintsFailureNoPOE, "SigningCertificate CertDigest uses weak digest %s", dm)
	}
	if der != nil && !bytes.Equal(digest(h, der), want) {
		s.fail(NoSigningCertificateFound, "SigningCertificate does not name the first KeyInfo certificate (key substitution?)")
	}
	var serial *big.Int
	switch {
	case signer != nil:
		serial = signer.SerialNumber
	case der != nil:
		_, serial, _ = certNameSerial(der)
	}
	if isr := child(certs[0], nsXAdES, "IssuerSerial"); isr != nil && serial != nil {
		n, ok := new(big.Int).SetString(text(child(isr, nsDS, "X509SerialNumber")), 10)
		if !ok || n.Cmp(serial) != 0 {
			s.fail(NoSigningCertificateFound, "IssuerSerial serial number does not match the signing certificate")
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
			s.fail(NoSigningCertificateFound, "IssuerSerialV2 serial number does not match the signing certificate")
		}
	}
}

// checkSignatureValue verifies the SignatureValue sv over the canonical SignedInfo si with the
// signing certificate's key.
func (v *verifier) checkSignatureValue(s *sigState, si, sv *etree.Element, signer *x509.Certificate, keyType string, h crypto.Hash, c14n, prefixes string) {
	sig, err := decodeB64(text(sv))
	if err != nil {
		s.fail(FormatFailure, "SignatureValue is not base64")
		return
	}
	b, err := canonicalize(si, c14n, prefixes)
	if err != nil {
		s.fail(FormatFailure, "cannot canonicalize SignedInfo: %v", err)
		return
	}
	d := digest(h, b)
	ok := false
	switch pub := signer.PublicKey.(type) {
	case *rsa.PublicKey:
		if keyType != "RSA" {
			s.fail(FormatFailure, "SignatureMethod is %s but the signing certificate has an RSA key", keyType)
			return
		}
		ok = rsa.VerifyPKCS1v15(pub, h, d, sig) == nil
	case *ecdsa.PublicKey:
		if keyType != "ECDSA" {
			s.fail(FormatFailure, "SignatureMethod is %s but the signing certificate has an ECDSA key", keyType)
			return
		}
		size := (pub.Curve.Params().BitSize + 7) / 8
		if len(sig) == 0 || len(sig)%2 != 0 || len(sig) > 2*size {
			s.fail(SigCryptoFailure, "ECDSA SignatureValue of %d bytes is not r||s for a %d-byte curve", len(sig), size)
			return
		}
		r := new(big.Int).SetBytes(sig[:len(sig)/2])
		ss := new(big.Int).SetBytes(sig[len(sig)/2:])
		ok = ecdsa.Verify(pub, d, r, ss)
	default:
		s.fail(FormatFailure, "signing certificate key type %T is not supported", pub)
		return
	}
	if !ok {
		s.fail(SigCryptoFailure, "SignatureValue does not verify with the signing certificate's key")
	}
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
		rc, err := openEntry(f)
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

// digest returns the h digest of b.
func digest(h crypto.Hash, b []byte) []byte {
	hh := h.New()
	hh.Write(b)
	return hh.Sum(nil)
}
