package asice

import (
	"bytes"
	"crypto/x509"
)

// finish compares the data digests, decides Valid, then trust, and sets the verdict.
func (s *sigState) finish(v *verifier) {
	for _, d := range s.digests {
		if !bytes.Equal(v.sums[d.name][d.h], d.want) {
			s.fail(HashFailure, "data file %q does not match its Reference digest", d.name)
		}
	}
	if signer := s.rep.Signer; signer != nil && s.sigTS != nil {
		switch at := s.sigTS.info.genTime; {
		case at.After(signer.NotAfter):
			s.fail(Expired, "the time-stamp of %s is after the signing certificate expired (%s)", stamp(at), stamp(signer.NotAfter))
		case at.Before(signer.NotBefore):
			s.fail(NotYetValid, "the time-stamp of %s is before the signing certificate's validity (%s)", stamp(at), stamp(signer.NotBefore))
		}
	}
	s.rep.Valid = len(s.rep.Problems) == 0
	switch {
	case !s.rep.Valid:
		s.rep.Indication, s.rep.SubIndication = verdict(s.subs, nil)
	case v.o.Roots == nil:
		// No trust anchors: the signature is intact, but nothing says whose it is.
		s.rep.Indication, s.rep.SubIndication = Indeterminate, NoCertificateChainFound
	default:
		s.trust(v.o)
		s.rep.Indication, s.rep.SubIndication = verdict(nil, s.tsubs)
	}
	s.rep.Trusted = s.rep.Indication == TotalPassed
}

// trust checks the chains of the signing certificate, the time-stamping units and the OCSP
// responder against the roots, and that the signing certificate's status is known.
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
	switch {
	case err == nil:
	case s.sigTS == nil && (at.After(signer.NotAfter) || at.Before(signer.NotBefore)):
		s.distrust(OutOfBoundsNoPOE, "signing certificate is not valid at %s (valid %s to %s) and no time-stamp shows the signature is older",
			stamp(at), stamp(signer.NotBefore), stamp(signer.NotAfter))
	default:
		s.distrust(NoCertificateChainFound, "signing certificate does not chain to the roots at %s: %v", stamp(at), err)
	}
	tokens := s.ats
	if s.sigTS != nil {
		tokens = append([]tokenCheck{*s.sigTS}, tokens...)
	}
	for _, tc := range tokens {
		tinter := x509.NewCertPool()
		for _, c := range append(append([]*x509.Certificate(nil), tc.certs...), s.certs...) {
			tinter.AddCert(c)
		}
		if _, err := tc.tsa.Verify(x509.VerifyOptions{Roots: o.Roots, Intermediates: tinter, CurrentTime: tc.info.genTime,
			KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageTimeStamping}}); err != nil {
			s.distrust(NoCertificateChainFound, "time-stamping unit %q does not chain to the roots: %v", subjectString(tc.tsa.Subject), err)
		}
	}
	if !s.ltData {
		if err == nil && len(chains[0]) == 1 {
			return // the signing certificate is itself a trust anchor: no revocation to check
		}
		s.distrust(TryLater, "no revocation data for the signing certificate (profile %s; Verify fetches none)", s.rep.Profile)
		return
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
	case s.ocspIssuer != nil:
		if err == nil && !inChain(s.ocspIssuer) {
			s.distrust(NoCertificateChainFound, "OCSP response is signed or delegated by a CA outside the trusted chain")
		}
	default:
		if _, err := s.ocspResponder.Verify(x509.VerifyOptions{Roots: o.Roots, Intermediates: inter, CurrentTime: s.ocsp.ProducedAt,
			KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageOCSPSigning}}); err != nil {
			s.distrust(NoCertificateChainFound, "OCSP responder %q is not the issuer's and does not chain to the roots: %v",
				subjectString(s.ocspResponder.Subject), err)
		}
	}
}
