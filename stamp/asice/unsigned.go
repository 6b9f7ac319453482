package asice

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/beevik/etree"
)

// A tokenCheck is a time-stamp token that verified.
type tokenCheck struct {
	info  *tstInfo
	tsa   *x509.Certificate   // the time-stamping unit that signed it
	certs []*x509.Certificate // the certificates in the token
}

// rejectedUnsigned are unsigned signature properties that make libdigidocpp refuse a signature.
var rejectedUnsigned = []struct{ ns, name string }{
	{nsXAdES, "CounterSignature"}, {nsXAdES, "AttributeCertificateRefs"}, {nsXAdES, "AttributeRevocationRefs"},
	{nsXAdES, "RefsOnlyTimeStamp"}, {nsXAdES, "AttrAuthoritiesCertValues"}, {nsXAdES, "AttributeRevocationValues"},
	{nsXAdES, "ArchiveTimeStamp"}, {nsXAdES141, "CompleteCertificateRefsV2"}, {nsXAdES141, "AttributeCertificateRefsV2"},
	{nsXAdES141, "SigAndRefsTimeStampV2"}, {nsXAdES141, "RefsOnlyTimeStampV2"},
}

// checkUnsigned checks the unsigned properties (time-stamps, certificate values, the OCSP
// response, archive time-stamps) and sets the profile to the highest level whose data verify.
func (v *verifier) checkUnsigned(s *sigState, sig, qp, sv *etree.Element, signer *x509.Certificate) {
	up := child(qp, nsXAdES, "UnsignedProperties")
	if up == nil {
		return
	}
	if child(up, nsXAdES, "UnsignedDataObjectProperties") != nil {
		s.fail(SigConstraintsFailure, "xades:UnsignedDataObjectProperties is present (libdigidocpp refuses the signature)")
	}
	usp := child(up, nsXAdES, "UnsignedSignatureProperties")
	if usp == nil {
		return
	}
	for _, r := range rejectedUnsigned {
		if child(usp, r.ns, r.name) != nil {
			s.fail(SigConstraintsFailure, "%s is present in the unsigned properties (libdigidocpp refuses the signature)", r.name)
		}
	}
	cvs := children(usp, nsXAdES, "CertificateValues")
	var cvCerts []*x509.Certificate
	cvOK := true
	n := 0
	for _, cv := range cvs {
		for _, e := range cv.ChildElements() {
			n++
			if !is(e, nsXAdES, "EncapsulatedX509Certificate") {
				s.fail(FormatFailure, "CertificateValues entry %d is %s, not an EncapsulatedX509Certificate", n, e.Tag)
				cvOK = false
				continue
			}
			c := s.readCertificate(e, "CertificateValues certificate "+strconv.Itoa(n))
			if c == nil {
				cvOK = false
				continue
			}
			s.certs = append(s.certs, c)
			cvCerts = append(cvCerts, c)
		}
	}

	stss := children(usp, nsXAdES, "SignatureTimeStamp")
	tsOK := len(stss) > 0
	for i, sts := range stss {
		tc := v.checkToken(s, sts, "SignatureTimeStamp", func(alg, pl string, h crypto.Hash) ([]byte, error) {
			b, err := canonicalize(sv, alg, pl)
			if err != nil {
				return nil, err
			}
			return digest(h, b), nil
		})
		switch {
		case tc == nil:
			tsOK = false
		case i == 0:
			s.sigTS = tc
			s.rep.TimeStamp, s.rep.TSA = tc.info.genTime, subjectString(tc.tsa.Subject)
		}
	}
	s.levelT = tsOK

	rv := child(usp, nsXAdES, "RevocationValues")
	ocspOK := false
	switch {
	case rv != nil && len(stss) == 0:
		s.warn("revocation values without a time-stamp (BDOC time-mark profile); the time-mark is not checked")
		if signer != nil {
			v.checkOCSP(s, rv, signer)
		}
	case rv != nil && signer != nil:
		ocspOK = v.checkOCSP(s, rv, signer)
	}
	chainOK := signer != nil && (selfSigned(signer) || issuerOf(signer, s.certs) != nil)
	if (len(cvs) > 0 || rv != nil) && signer != nil && !chainOK {
		s.fail(NoCertificateChainFound, "the certificate values lack the issuer of the signing certificate %q", subjectString(signer.Issuer))
	}
	switch {
	case !s.levelT:
	case len(cvs) == 0 && rv != nil:
		s.fail(FormatFailure, "RevocationValues without CertificateValues (not Baseline-LT)")
	case len(cvs) > 0 && rv == nil:
		s.fail(TryLater, "CertificateValues without RevocationValues: no revocation data for the signing certificate")
	default:
		s.ltData = len(cvs) > 0 && ocspOK && chainOK && cvOK
	}
	if s.ltData && !s.certificateValuesUsed(signer, cvCerts) { // the other checks say more when they fail
		s.ltData = false
	}

	atss := children(usp, nsXAdES141, "ArchiveTimeStamp")
	atsOK := len(atss) > 0
	for _, ats := range atss {
		tc := v.checkToken(s, ats, "ArchiveTimeStamp", func(alg, pl string, h crypto.Hash) ([]byte, error) {
			hh := h.New()
			if err := archiveInput(hh, sig, ats, alg, pl, v.writeData); err != nil {
				return nil, err
			}
			return hh.Sum(nil), nil
		})
		if tc == nil {
			atsOK = false
			continue
		}
		prev := s.sigTS
		if len(s.ats) > 0 {
			prev = &s.ats[len(s.ats)-1]
		}
		if prev != nil && tc.info.genTime.Before(prev.info.genTime) {
			s.fail(TimestampOrderFailure, "ArchiveTimeStamp of %s is older than the time-stamp it protects (%s)",
				stamp(tc.info.genTime), stamp(prev.info.genTime))
			atsOK = false
		}
		s.ats = append(s.ats, *tc)
		s.rep.ArchiveTimeStamps = append(s.rep.ArchiveTimeStamps, tc.info.genTime)
	}
	if len(atss) > 0 && !s.ltData && len(cvs) == 0 && rv == nil {
		s.fail(SigConstraintsFailure, "ArchiveTimeStamp on a signature without Baseline-LT validation data")
	}
	if child(usp, nsXAdES141, "TimeStampValidationData") != nil {
		s.warn("xades141:TimeStampValidationData is present; it is not used")
	}

	switch {
	case s.ltData && atsOK:
		s.rep.Profile = ProfileLTA
	case s.ltData:
		s.rep.Profile = ProfileLT
	case s.levelT:
		s.rep.Profile = ProfileT
	}
}

// certificateValuesUsed checks that each certificate of cvs is in the chain, built from the
// certificates of the signature and of its time-stamp tokens, of the signing certificate, of a
// time-stamping unit or of the OCSP responder: the certificate values are the validation data
// of this signature, not a bag anything can be put in.
func (s *sigState) certificateValuesUsed(signer *x509.Certificate, cvs []*x509.Certificate) bool {
	pool := slices.Clone(s.certs)
	ends := []*x509.Certificate{signer}
	if s.sigTS != nil {
		pool = append(pool, s.sigTS.certs...)
		ends = append(ends, s.sigTS.tsa)
	}
	if s.ocspResponder != nil {
		ends = append(ends, s.ocspResponder)
	}
	used := map[string]bool{}
	for _, c := range ends {
		for depth := 0; c != nil && depth < 10 && !used[string(c.Raw)]; depth++ {
			used[string(c.Raw)] = true
			if selfSigned(c) {
				break
			}
			c = issuerOf(c, pool)
		}
	}
	ok := true
	for i, c := range cvs {
		if !used[string(c.Raw)] {
			s.fail(FormatFailure, "CertificateValues certificate %d (%s) is in no chain of the signer, the time-stamping unit or the OCSP responder",
				i+1, subjectString(c.Subject))
			ok = false
		}
	}
	return ok
}

// checkToken checks the time-stamp element el (a SignatureTimeStamp or ArchiveTimeStamp, named
// what): one EncapsulatedTimeStamp whose token parses strictly ([parseToken]), whose CMS
// signature verifies with the time-stamping unit's certificate (from the token, or else from
// the certificate values), a unit whose certificate allows time-stamping, and whose message
// imprint is the digest imprint computes for the element's canonicalization. It returns nil
// after recording why not.
func (v *verifier) checkToken(s *sigState, el *etree.Element, what string, imprint func(alg, pl string, h crypto.Hash) ([]byte, error)) *tokenCheck {
	alg, pl := C14N10, ""
	if cm := child(el, nsDS, "CanonicalizationMethod"); cm != nil {
		alg, pl = c14nOf(cm)
	}
	switch {
	case !knownC14N(alg):
		s.fail(FormatFailure, "%s has unsupported CanonicalizationMethod %q", what, alg)
		return nil
	case child(el, nsXAdES, "Include") != nil || child(el, nsXAdES, "ReferenceInfo") != nil:
		s.fail(FormatFailure, "%s with Include or ReferenceInfo (distributed time-stamps) is not supported", what)
		return nil
	case child(el, nsXAdES, "XMLTimeStamp") != nil:
		s.fail(FormatFailure, "%s holds an XMLTimeStamp; only RFC 3161 tokens are supported", what)
		return nil
	}
	ets := children(el, nsXAdES, "EncapsulatedTimeStamp")
	if len(ets) != 1 {
		s.fail(FormatFailure, "%s holds %d EncapsulatedTimeStamp elements, not one", what, len(ets))
		return nil
	}
	tok, err := decodeB64(text(ets[0]))
	if err != nil {
		s.fail(FormatFailure, "%s: EncapsulatedTimeStamp is not base64", what)
		return nil
	}
	p7, info, err := parseToken(tok)
	if err != nil {
		s.fail(FormatFailure, "%s: %v", what, err)
		return nil
	}
	if len(p7.Certificates) == 0 {
		p7.Certificates = s.certs
	}
	tsa := p7.GetOnlySigner()
	switch {
	case info.hash == crypto.SHA1 || info.hash == crypto.SHA224:
		s.fail(CryptoConstraintsFailureNoPOE, "%s uses weak hash %v", what, info.hash)
		return nil
	case tsa == nil:
		s.fail(NoCertificateChainFound, "%s: the token names no certificate of its signer that the container holds", what)
		return nil
	}
	if !bytes.Equal(digest(info.essHash, tsa.Raw), info.essCert) {
		s.fail(NoSigningCertificateFound, "%s: the time-stamping unit's certificate is not the one the token's signed signingCertificate attribute names", what)
		return nil
	}
	if err := p7.Verify(); err != nil {
		s.fail(SigCryptoFailure, "%s: token signature does not verify: %v", what, err)
		return nil
	}
	if !hasEKU(tsa, x509.ExtKeyUsageTimeStamping) {
		s.fail(ChainConstraintsFailure, "%s: the time-stamping unit's certificate does not allow time-stamping (extKeyUsage)", what)
		return nil
	}
	d, err := imprint(alg, pl, info.hash)
	switch {
	case err != nil:
		s.fail(FormatFailure, "%s: cannot compute what it covers: %v", what, err)
		return nil
	case !bytes.Equal(d, info.imprint):
		s.fail(HashFailure, "%s: message imprint does not match what it covers", what)
		return nil
	}
	return &tokenCheck{info: info, tsa: tsa, certs: p7.Certificates}
}

// writeData writes the data file name to w, for an archive time-stamp.
func (v *verifier) writeData(name string, w io.Writer) error {
	f := v.c.dataEntry[name]
	if f == nil {
		return errNoDataFile
	}
	rc, err := openEntry(f)
	if err != nil {
		return err
	}
	defer rc.Close()
	size := int64(f.UncompressedSize64)
	n, err := io.Copy(w, io.LimitReader(rc, size+1))
	if err == nil && n != size {
		err = errSize
	}
	return err
}

// selfSigned reports whether c is issued by itself (name and signature).
func selfSigned(c *x509.Certificate) bool {
	return bytes.Equal(c.RawIssuer, c.RawSubject) && c.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature) == nil
}

// stamp formats t for a message.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }
