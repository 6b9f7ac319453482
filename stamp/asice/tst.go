package asice

import (
	"crypto"
	"encoding/asn1"
	"errors"
	"math/big"
	"strconv"
	"time"

	"github.com/digitorus/pkcs7"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"

	"github.com/kutsekit/kutse/stamp/asice/internal/berlock"
)

// The object identifiers of a time-stamp token (RFC 3161, RFC 5652) and of the hashes its
// message imprint may use.
var (
	oidSignedData      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
	oidTSTInfo         = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 1, 4}
	oidAttrContentType = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 3}
	oidSigningCert     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 12}
	oidSigningCertV2   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47}

	hashOIDs = map[string]crypto.Hash{
		"1.3.14.3.2.26":          crypto.SHA1,
		"2.16.840.1.101.3.4.2.4": crypto.SHA224,
		"2.16.840.1.101.3.4.2.1": crypto.SHA256,
		"2.16.840.1.101.3.4.2.2": crypto.SHA384,
		"2.16.840.1.101.3.4.2.3": crypto.SHA512,
	}
)

// A tstInfo is the part of a TSTInfo (RFC 3161 § 2.4.2) that Verify uses.
type tstInfo struct {
	hash    crypto.Hash // of the message imprint
	imprint []byte
	serial  *big.Int
	genTime time.Time

	// essHash and essCert are the hash and digest of the time-stamping unit's certificate that
	// the signed ESS signingCertificate(V2) attribute names (RFC 3161 § 2.4.1, RFC 5035).
	essHash crypto.Hash
	essCert []byte
}

// errToken is wrapped by the errors of parseToken about the structure of a token.
var errToken = errors.New("not a DER RFC 3161 time-stamp token")

func tokenError(why string) error { return errors.New(errToken.Error() + ": " + why) }

// parseToken parses an RFC 3161 TimeStampToken strictly: the token and the TSTInfo inside it
// are each one strict DER value ([checkDER]) with nothing after it, the ContentInfo is
// id-signedData, the encapsulated content type is id-ct-TSTInfo, there is one SignerInfo, and
// its signed content-type attribute is id-ct-TSTInfo too (RFC 5652 § 11.1). The CMS structure
// is then parsed with github.com/digitorus/pkcs7 (for its signature check) and the TSTInfo with
// cryptobyte.
func parseToken(tok []byte) (*pkcs7.PKCS7, *tstInfo, error) {
	if err := checkDER(tok); err != nil {
		return nil, nil, tokenError(err.Error())
	}
	in := cryptobyte.String(tok)
	var ci, sd, encap, eContent, signerInfos cryptobyte.String
	var ct, ect asn1.ObjectIdentifier
	var version int
	if !in.ReadASN1(&ci, cbasn1.SEQUENCE) || !ci.ReadASN1ObjectIdentifier(&ct) ||
		!ci.ReadASN1(&sd, cbasn1.Tag(0).Constructed().ContextSpecific()) || !ci.Empty() {
		return nil, nil, tokenError("not a CMS ContentInfo")
	}
	if !ct.Equal(oidSignedData) {
		return nil, nil, tokenError("content type " + ct.String() + " is not id-signedData")
	}
	if !sd.ReadASN1(&sd, cbasn1.SEQUENCE) || !sd.ReadASN1Integer(&version) || !sd.SkipASN1(cbasn1.SET) ||
		!sd.ReadASN1(&encap, cbasn1.SEQUENCE) || !encap.ReadASN1ObjectIdentifier(&ect) {
		return nil, nil, tokenError("malformed SignedData")
	}
	if !ect.Equal(oidTSTInfo) {
		return nil, nil, tokenError("encapsulated content type " + ect.String() + " is not id-ct-TSTInfo")
	}
	var explicit cryptobyte.String
	if !encap.ReadASN1(&explicit, cbasn1.Tag(0).Constructed().ContextSpecific()) ||
		!explicit.ReadASN1(&eContent, cbasn1.OCTET_STRING) || !explicit.Empty() || !encap.Empty() {
		return nil, nil, tokenError("no TSTInfo in the SignedData")
	}
	if !sd.SkipOptionalASN1(cbasn1.Tag(0).Constructed().ContextSpecific()) ||
		!sd.SkipOptionalASN1(cbasn1.Tag(1).Constructed().ContextSpecific()) ||
		!sd.ReadASN1(&signerInfos, cbasn1.SET) || !sd.Empty() {
		return nil, nil, tokenError("malformed SignedData")
	}
	essHash, essCert, err := checkSignerInfo(signerInfos)
	if err != nil {
		return nil, nil, err
	}
	if err := checkDER(eContent); err != nil {
		return nil, nil, tokenError("TSTInfo: " + err.Error())
	}
	info, err := parseTSTInfo(eContent)
	if err != nil {
		return nil, nil, err
	}
	info.essHash, info.essCert = essHash, essCert
	var p7 *pkcs7.PKCS7
	berlock.Do(func() { p7, err = pkcs7.Parse(tok) }) // pkcs7's parser is not safe for concurrent use
	if err != nil {
		return nil, nil, tokenError(err.Error())
	}
	return p7, info, nil
}

// checkSignerInfo checks that signerInfos holds one SignerInfo whose signed attributes
// include a content-type attribute of id-ct-TSTInfo and an ESS signingCertificate or
// signingCertificateV2 attribute, and returns the hash and certificate digest of the latter's
// first ESSCertID.
func checkSignerInfo(signerInfos cryptobyte.String) (essHash crypto.Hash, essCert []byte, err error) {
	var si, sid, attrs cryptobyte.String
	var sidTag cbasn1.Tag
	var v int
	if !signerInfos.ReadASN1(&si, cbasn1.SEQUENCE) || !signerInfos.Empty() {
		return 0, nil, tokenError("not exactly one SignerInfo")
	}
	if !si.ReadASN1Integer(&v) || !si.ReadAnyASN1(&sid, &sidTag) || !si.SkipASN1(cbasn1.SEQUENCE) ||
		!si.ReadASN1(&attrs, cbasn1.Tag(0).Constructed().ContextSpecific()) {
		return 0, nil, tokenError("SignerInfo without signed attributes")
	}
	n := 0
	for !attrs.Empty() {
		var a, values cryptobyte.String
		var oid asn1.ObjectIdentifier
		if !attrs.ReadASN1(&a, cbasn1.SEQUENCE) || !a.ReadASN1ObjectIdentifier(&oid) || !a.ReadASN1(&values, cbasn1.SET) {
			return 0, nil, tokenError("malformed signed attribute")
		}
		switch {
		case oid.Equal(oidSigningCert) || oid.Equal(oidSigningCertV2):
			if essCert != nil {
				return 0, nil, tokenError("more than one signingCertificate attribute")
			}
			if essHash, essCert, err = essCertID(values, oid.Equal(oidSigningCertV2)); err != nil {
				return 0, nil, err
			}
			continue
		case !oid.Equal(oidAttrContentType):
			continue
		}
		n++
		var ct asn1.ObjectIdentifier
		if !values.ReadASN1ObjectIdentifier(&ct) || !values.Empty() || !ct.Equal(oidTSTInfo) {
			return 0, nil, tokenError("signed content-type attribute is not id-ct-TSTInfo")
		}
	}
	switch {
	case n != 1:
		return 0, nil, tokenError("not one signed content-type attribute")
	case essCert == nil:
		return 0, nil, tokenError("no signed signingCertificate attribute naming the time-stamping unit")
	}
	return essHash, essCert, nil
}

// essCertID reads the first ESSCertID of the value of a signingCertificate attribute (SHA-1)
// or the first ESSCertIDv2 of a signingCertificateV2 one (SHA-256 unless it names its hash).
func essCertID(values cryptobyte.String, v2 bool) (crypto.Hash, []byte, error) {
	var sc, certs, id cryptobyte.String
	if !values.ReadASN1(&sc, cbasn1.SEQUENCE) || !values.Empty() || !sc.ReadASN1(&certs, cbasn1.SEQUENCE) ||
		!certs.ReadASN1(&id, cbasn1.SEQUENCE) {
		return 0, nil, tokenError("malformed signingCertificate attribute")
	}
	h := crypto.SHA1
	if v2 {
		h = crypto.SHA256
		if id.PeekASN1Tag(cbasn1.SEQUENCE) {
			var alg cryptobyte.String
			var oid asn1.ObjectIdentifier
			if !id.ReadASN1(&alg, cbasn1.SEQUENCE) || !alg.ReadASN1ObjectIdentifier(&oid) {
				return 0, nil, tokenError("malformed signingCertificateV2 attribute")
			}
			if h = hashOIDs[oid.String()]; h == 0 {
				return 0, nil, tokenError("signingCertificateV2 hash " + oid.String() + " is unknown")
			}
		}
	}
	var d []byte
	if !id.ReadASN1Bytes(&d, cbasn1.OCTET_STRING) || len(d) != h.Size() {
		return 0, nil, tokenError("malformed ESSCertID")
	}
	return h, d, nil
}

// parseTSTInfo reads a DER TSTInfo.
func parseTSTInfo(der []byte) (*tstInfo, error) {
	in := cryptobyte.String(der)
	var t, mi, alg cryptobyte.String
	var version int
	var policy, hashOID asn1.ObjectIdentifier
	var hashed []byte
	serial := new(big.Int)
	var gen cryptobyte.String
	if !in.ReadASN1(&t, cbasn1.SEQUENCE) || !in.Empty() || !t.ReadASN1Integer(&version) || version != 1 ||
		!t.ReadASN1ObjectIdentifier(&policy) || !t.ReadASN1(&mi, cbasn1.SEQUENCE) ||
		!mi.ReadASN1(&alg, cbasn1.SEQUENCE) || !alg.ReadASN1ObjectIdentifier(&hashOID) ||
		!alg.SkipOptionalASN1(cbasn1.NULL) || !alg.Empty() ||
		!mi.ReadASN1Bytes(&hashed, cbasn1.OCTET_STRING) || !mi.Empty() ||
		!t.ReadASN1Integer(serial) || !t.ReadASN1(&gen, cbasn1.GeneralizedTime) {
		return nil, tokenError("malformed TSTInfo")
	}
	genTime, err := parseGeneralizedTime(gen)
	if err != nil {
		return nil, tokenError("TSTInfo genTime: " + err.Error())
	}
	h := hashOIDs[hashOID.String()]
	if h == 0 {
		return nil, tokenError("message imprint hash " + hashOID.String() + " is unknown")
	}
	if len(hashed) != h.Size() {
		return nil, tokenError("message imprint of " + strconv.Itoa(len(hashed)) + " bytes for " + h.String())
	}
	return &tstInfo{hash: h, imprint: hashed, serial: serial, genTime: genTime}, nil
}

// parseGeneralizedTime parses the content of a DER GeneralizedTime (checked by checkDER):
// YYYYMMDDHHMMSS, an optional fraction, Z.
func parseGeneralizedTime(b []byte) (time.Time, error) {
	if !derTime(b, 14) {
		return time.Time{}, errors.New("not YYYYMMDDHHMMSS[.f]Z")
	}
	t, err := time.Parse("20060102150405", string(b[:14]))
	if err != nil {
		return time.Time{}, err
	}
	if frac := b[14 : len(b)-1]; len(frac) > 0 {
		ns, err := time.ParseDuration("0" + string(frac) + "s")
		if err != nil {
			return time.Time{}, err
		}
		t = t.Add(ns)
	}
	return t, nil
}
