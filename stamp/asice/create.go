package asice

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/beevik/etree"
	"github.com/digitorus/timestamp"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
	"golang.org/x/crypto/ocsp"

	"github.com/kutsekit/kutse/stamp/asice/internal/berlock"
)

// Options configure [Create]. A nil *Options means the zero value: a Baseline-B signature with
// exclusive canonicalization.
type Options struct {
	// Profile is the XAdES baseline profile to make; zero means ProfileB.
	Profile Profile

	// TimeStamper obtains the signature time-stamp (and for ProfileLTA the archive
	// time-stamp); ProfileT, ProfileLT and ProfileLTA need it.
	TimeStamper TimeStamper

	// OCSP obtains the OCSP response for the seal's certificate; ProfileLT and ProfileLTA need it.
	OCSP OCSPClient

	// Canonicalization is the algorithm of SignedInfo, of the SignedProperties Transform and of
	// the SignatureTimeStamp: [C14NExclusive] (the default, for "") or [C14N11].
	Canonicalization string
}

// The Id values Create writes; see the package documentation.
const (
	idSignature        = "S0"
	idRefPrefix        = "S0-RefId"
	idSignedProperties = "S0-SignedProperties"
	idSignatureValue   = "S0-SIG"
	idTimeStamp        = "S0-T0"
	idCertPrefix       = "S0-CERT"
	idOCSP             = "S0-OCSP0"
)

// Create seals files into an ASiC-E container and returns its bytes. The container holds, in
// this order, the stored mimetype entry, the files (deflated), META-INF/manifest.xml and
// META-INF/signatures0.xml with one XAdES signature of the profile in opts, made with seal.Key.
//
// Create is deterministic for deterministic signers: the same files, seal (key, chain, time) and
// options give the same bytes with an RSA key (PKCS #1 v1.5 signatures). ECDSA signatures are
// randomized, so two containers sealed with an ECDSA key differ in the SignatureValue (and for
// T and LT in the time-stamp and OCSP response, which the services make).
//
// Input that Create refuses is reported as an [*InputError] wrapping [ErrInput]: no files, an
// empty file, a name that is empty, too long, holds '/', '\\', a control character, is "." or
// "..", a reserved name (mimetype, META-INF) or a duplicate (also when only the case differs), a
// media type that is not type/subtype, a seal without a key, chain or time, an RSA key under
// 2048 bits or an elliptic curve other than P-256 or P-384, a key that does not match Chain[0],
// a Chain[0] without the nonRepudiation (contentCommitment) key usage or not valid at seal.Time,
// a chain whose certificates are not each issued by the next, a profile without its service.
// Failures of the time-stamping and OCSP services wrap [ErrService] and the service's error.
func Create(ctx context.Context, files []File, seal Seal, opts *Options) ([]byte, error) {
	o, err := checkOptions(opts)
	if err != nil {
		return nil, err
	}
	s, err := newSealer(seal, o)
	if err != nil {
		return nil, err
	}
	if err := checkFiles(files); err != nil {
		return nil, err
	}
	digests := hashFiles(files)
	sig, err := buildSignature(ctx, files, digests, s, o)
	if err != nil {
		return nil, err
	}
	return writeContainer(files, sig, s.time)
}

// checkOptions returns opts with its defaults filled in, or an [*InputError].
func checkOptions(opts *Options) (Options, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.Profile == 0 {
		o.Profile = ProfileB
	}
	switch o.Canonicalization {
	case "":
		o.Canonicalization = C14NExclusive
	case C14NExclusive, C14N11:
	default:
		return o, badInput("opts.Canonicalization", "must be C14NExclusive or C14N11, not "+strconv.Quote(o.Canonicalization))
	}
	switch o.Profile {
	case ProfileB:
	case ProfileT, ProfileLT, ProfileLTA:
		if o.TimeStamper == nil {
			return o, badInput("opts.TimeStamper", "profile "+o.Profile.String()+" needs a time-stamping service")
		}
		if o.Profile >= ProfileLT && o.OCSP == nil {
			return o, badInput("opts.OCSP", "profile "+o.Profile.String()+" needs an OCSP client")
		}
	default:
		return o, badInput("opts.Profile", "Create makes profiles B, T, LT and LTA, not "+o.Profile.String())
	}
	return o, nil
}

// checkFiles returns an [*InputError] for the first file Create refuses.
func checkFiles(files []File) error {
	if len(files) == 0 {
		return badInput("files", "no files to seal")
	}
	seen := make(map[string]int, len(files))
	for i, f := range files {
		field := "files[" + strconv.Itoa(i) + "]"
		if p := fileNameProblem(f.Name); p != "" {
			return badInput(field+".Name", strconv.Quote(f.Name)+": "+p)
		}
		key := strings.ToLower(f.Name)
		if j, dup := seen[key]; dup {
			return badInput(field+".Name", strconv.Quote(f.Name)+": same name as files["+strconv.Itoa(j)+"] (names may not differ only in case)")
		}
		seen[key] = i
		if !validMediaType(f.MediaType) {
			return badInput(field+".MediaType", strconv.Quote(f.MediaType)+" is not a type/subtype media type such as application/pdf")
		}
		if len(f.Data) == 0 {
			return badInput(field+".Data", strconv.Quote(f.Name)+" is empty (libdigidocpp refuses empty files)")
		}
	}
	return nil
}

// hashFiles returns the SHA-256 digest of each file's data.
func hashFiles(files []File) [][sha256.Size]byte {
	d := make([][sha256.Size]byte, len(files))
	for i, f := range files {
		d[i] = sha256.Sum256(f.Data)
	}
	return d
}

// A sealer is a checked Seal with the signature algorithm its key needs.
type sealer struct {
	key       crypto.Signer
	chain     []*x509.Certificate
	issuer    *x509.Certificate // Chain[0]'s issuer, for OCSP; nil when the chain has none
	time      time.Time         // UTC, whole seconds
	method    string            // SignatureMethod URI
	hash      crypto.Hash
	curveSize int // bytes per ECDSA coordinate; 0 for RSA
}

func newSealer(seal Seal, o Options) (*sealer, error) {
	if seal.Key == nil {
		return nil, badInput("seal.Key", "no key")
	}
	if len(seal.Chain) == 0 || seal.Chain[0] == nil {
		return nil, badInput("seal.Chain", "no certificate")
	}
	if seal.Time.IsZero() {
		return nil, badInput("seal.Time", "no signing time")
	}
	s := &sealer{key: seal.Key, chain: seal.Chain, time: seal.Time.UTC().Truncate(time.Second)}
	switch pub := seal.Key.Public().(type) {
	case *rsa.PublicKey:
		if pub.N.BitLen() < 2048 {
			return nil, badInput("seal.Key", "RSA key of "+strconv.Itoa(pub.N.BitLen())+" bits is too weak (need at least 2048)")
		}
		s.method, s.hash = algRSASHA256, crypto.SHA256
	case *ecdsa.PublicKey:
		switch pub.Curve {
		case elliptic.P256():
			s.method, s.hash, s.curveSize = algECDSASHA256, crypto.SHA256, 32
		case elliptic.P384():
			s.method, s.hash, s.curveSize = algECDSASHA384, crypto.SHA384, 48
		default:
			return nil, badInput("seal.Key", "ECDSA curve "+pub.Curve.Params().Name+" is not supported (use P-256 or P-384)")
		}
	default:
		return nil, badInput("seal.Key", fmt.Sprintf("key type %T is not supported (use RSA or ECDSA)", pub))
	}
	type equaler interface{ Equal(crypto.PublicKey) bool }
	if eq, ok := seal.Key.Public().(equaler); !ok || !eq.Equal(seal.Chain[0].PublicKey) {
		return nil, badInput("seal.Key", "key does not match the public key of seal.Chain[0]")
	}
	cert := seal.Chain[0]
	if cert.KeyUsage&x509.KeyUsageContentCommitment == 0 {
		return nil, badInput("seal.Chain[0]", "certificate has no nonRepudiation (contentCommitment) key usage")
	}
	if s.time.Before(cert.NotBefore) || s.time.After(cert.NotAfter) {
		return nil, badInput("seal.Time", s.time.Format(time.RFC3339)+" is outside the certificate's validity "+
			cert.NotBefore.UTC().Format(time.RFC3339)+" to "+cert.NotAfter.UTC().Format(time.RFC3339))
	}
	for i := 1; i < len(seal.Chain); i++ {
		if seal.Chain[i] == nil {
			return nil, badInput("seal.Chain["+strconv.Itoa(i)+"]", "nil certificate")
		}
		child, parent := seal.Chain[i-1], seal.Chain[i]
		if !bytes.Equal(child.RawIssuer, parent.RawSubject) ||
			parent.CheckSignature(child.SignatureAlgorithm, child.RawTBSCertificate, child.Signature) != nil {
			return nil, badInput("seal.Chain["+strconv.Itoa(i)+"]", "is not the issuer of seal.Chain["+strconv.Itoa(i-1)+"]")
		}
	}
	switch {
	case len(seal.Chain) > 1:
		s.issuer = seal.Chain[1]
	case bytes.Equal(cert.RawIssuer, cert.RawSubject):
		s.issuer = cert
	}
	if o.Profile >= ProfileLT && s.issuer == nil {
		return nil, badInput("seal.Chain", "profile "+o.Profile.String()+" needs the issuer of the seal's certificate in the chain")
	}
	return s, nil
}

// sign signs digest with the seal's key and returns the XML-DSig SignatureValue bytes: PKCS #1
// v1.5 for RSA, raw r||s with each half padded to the curve size for ECDSA.
func (s *sealer) sign(digest []byte) ([]byte, error) {
	sig, err := s.key.Sign(rand.Reader, digest, s.hash)
	if err != nil {
		return nil, fmt.Errorf("asice: signing: %w", err)
	}
	if s.curveSize == 0 {
		return sig, nil
	}
	return ecdsaRaw(sig, s.curveSize)
}

// ecdsaRaw converts an ASN.1 DER ECDSA signature to r||s, each left-padded to size bytes.
func ecdsaRaw(der []byte, size int) ([]byte, error) {
	var r, sv big.Int
	var inner cryptobyte.String
	in := cryptobyte.String(der)
	if !in.ReadASN1(&inner, cbasn1.SEQUENCE) || !in.Empty() ||
		!inner.ReadASN1Integer(&r) || !inner.ReadASN1Integer(&sv) || !inner.Empty() {
		return nil, errors.New("asice: signing: signer returned a malformed ECDSA signature")
	}
	if r.Sign() <= 0 || sv.Sign() <= 0 || r.BitLen() > 8*size || sv.BitLen() > 8*size {
		return nil, errors.New("asice: signing: signer returned an ECDSA signature out of range")
	}
	out := make([]byte, 2*size)
	r.FillBytes(out[:size])
	sv.FillBytes(out[size:])
	return out, nil
}

// newSignatureDoc builds the signatures document with everything but the digest of the
// SignedProperties and the SignatureValue, and returns it with those elements.
func newSignatureDoc(files []File, digests [][sha256.Size]byte, s *sealer, c14n string) (doc *etree.Document, si, spDigest, sv, sp *etree.Element) {
	b64 := base64.StdEncoding.EncodeToString
	doc = etree.NewDocument()
	doc.CreateProcInst("xml", `version="1.0" encoding="UTF-8"`)
	root := doc.CreateElement("asic:XAdESSignatures")
	root.CreateAttr("xmlns:asic", nsASiC)
	root.CreateAttr("xmlns:ds", nsDS)
	root.CreateAttr("xmlns:xades", nsXAdES)
	sig := root.CreateElement("ds:Signature")
	sig.CreateAttr("Id", idSignature)

	si = sig.CreateElement("ds:SignedInfo")
	si.CreateElement("ds:CanonicalizationMethod").CreateAttr("Algorithm", c14n)
	si.CreateElement("ds:SignatureMethod").CreateAttr("Algorithm", s.method)
	for i, f := range files {
		ref := si.CreateElement("ds:Reference")
		ref.CreateAttr("Id", idRefPrefix+strconv.Itoa(i))
		ref.CreateAttr("URI", encodeURI(f.Name))
		ref.CreateElement("ds:DigestMethod").CreateAttr("Algorithm", algSHA256)
		ref.CreateElement("ds:DigestValue").SetText(b64(digests[i][:]))
	}
	ref := si.CreateElement("ds:Reference")
	ref.CreateAttr("Id", idRefPrefix+strconv.Itoa(len(files)))
	ref.CreateAttr("Type", typeSignedProperties)
	ref.CreateAttr("URI", "#"+idSignedProperties)
	ref.CreateElement("ds:Transforms").CreateElement("ds:Transform").CreateAttr("Algorithm", c14n)
	ref.CreateElement("ds:DigestMethod").CreateAttr("Algorithm", algSHA256)
	spDigest = ref.CreateElement("ds:DigestValue")

	sv = sig.CreateElement("ds:SignatureValue")
	x509Data := sig.CreateElement("ds:KeyInfo").CreateElement("ds:X509Data")
	for _, c := range s.chain {
		x509Data.CreateElement("ds:X509Certificate").SetText(b64(c.Raw))
	}

	qp := sig.CreateElement("ds:Object").CreateElement("xades:QualifyingProperties")
	qp.CreateAttr("Target", "#"+idSignature)
	sp = qp.CreateElement("xades:SignedProperties")
	sp.CreateAttr("Id", idSignedProperties)
	ssp := sp.CreateElement("xades:SignedSignatureProperties")
	ssp.CreateElement("xades:SigningTime").SetText(s.time.Format("2006-01-02T15:04:05Z"))
	certDigest := ssp.CreateElement("xades:SigningCertificateV2").CreateElement("xades:Cert").CreateElement("xades:CertDigest")
	certDigest.CreateElement("ds:DigestMethod").CreateAttr("Algorithm", algSHA256)
	cd := sha256.Sum256(s.chain[0].Raw)
	certDigest.CreateElement("ds:DigestValue").SetText(b64(cd[:]))
	sdop := sp.CreateElement("xades:SignedDataObjectProperties")
	for i, f := range files {
		dof := sdop.CreateElement("xades:DataObjectFormat")
		dof.CreateAttr("ObjectReference", "#"+idRefPrefix+strconv.Itoa(i))
		dof.CreateElement("xades:MimeType").SetText(f.MediaType)
	}
	return doc, si, spDigest, sv, sp
}

// signDoc fills in the SignedProperties digest, canonicalized with spC14N, and the
// SignatureValue over SignedInfo canonicalized with c14n.
func signDoc(si, spDigest, sv, sp *etree.Element, s *sealer, c14n, spC14N string) error {
	spc, err := canonicalize(sp, spC14N, "")
	if err != nil {
		return fmt.Errorf("asice: canonicalizing SignedProperties: %w", err)
	}
	d := sha256.Sum256(spc)
	spDigest.SetText(base64.StdEncoding.EncodeToString(d[:]))
	sic, err := canonicalize(si, c14n, "")
	if err != nil {
		return fmt.Errorf("asice: canonicalizing SignedInfo: %w", err)
	}
	h := s.hash.New()
	h.Write(sic)
	value, err := s.sign(h.Sum(nil))
	if err != nil {
		return err
	}
	sv.SetText(base64.StdEncoding.EncodeToString(value))
	return nil
}

// buildSignature returns the signatures0.xml document.
func buildSignature(ctx context.Context, files []File, digests [][sha256.Size]byte, s *sealer, o Options) ([]byte, error) {
	doc, si, spDigest, sv, sp := newSignatureDoc(files, digests, s, o.Canonicalization)
	if err := signDoc(si, spDigest, sv, sp, s, o.Canonicalization, o.Canonicalization); err != nil {
		return nil, err
	}
	if o.Profile >= ProfileT {
		if err := addUnsigned(ctx, sv, sp.Parent(), s, o); err != nil {
			return nil, err
		}
	}
	if o.Profile == ProfileLTA {
		if err := addArchiveTimeStamp(ctx, sv.Parent(), files, o); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	buf.Grow(4096 + 2048*len(s.chain) + 200*len(files))
	if _, err := doc.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("asice: writing signatures XML: %w", err)
	}
	return buf.Bytes(), nil
}

// addUnsigned adds the SignatureTimeStamp (T) and the certificate and OCSP values (LT) to the
// QualifyingProperties qp.
func addUnsigned(ctx context.Context, sv, qp *etree.Element, s *sealer, o Options) error {
	b64 := base64.StdEncoding.EncodeToString
	// The time-stamp covers the SignatureValue element with its Id; a B signature has no Id
	// there, as nothing would check it.
	sv.CreateAttr("Id", idSignatureValue)
	svc, err := canonicalize(sv, o.Canonicalization, "")
	if err != nil {
		return fmt.Errorf("asice: canonicalizing SignatureValue: %w", err)
	}
	imprint := sha256.Sum256(svc)
	tok, err := o.TimeStamper.TimeStamp(ctx, imprint[:], crypto.SHA256)
	if err != nil {
		return fmt.Errorf("asice: time-stamp: %w (%w)", ErrService, err)
	}
	var ts *timestamp.Timestamp
	berlock.Do(func() { ts, err = timestamp.Parse(tok) })
	if err != nil {
		return fmt.Errorf("asice: time-stamp: %w: token does not parse or verify (%w)", ErrService, err)
	}
	if ts.HashAlgorithm != crypto.SHA256 || !bytes.Equal(ts.HashedMessage, imprint[:]) {
		return fmt.Errorf("asice: time-stamp: %w: token's message imprint is not the one requested", ErrService)
	}

	usp := qp.CreateElement("xades:UnsignedProperties").CreateElement("xades:UnsignedSignatureProperties")
	sts := usp.CreateElement("xades:SignatureTimeStamp")
	sts.CreateAttr("Id", idTimeStamp)
	sts.CreateElement("ds:CanonicalizationMethod").CreateAttr("Algorithm", o.Canonicalization)
	sts.CreateElement("xades:EncapsulatedTimeStamp").SetText(b64(tok))
	if o.Profile < ProfileLT {
		return nil
	}

	resp, err := o.OCSP.OCSP(ctx, s.chain[0], s.issuer)
	if err != nil {
		return fmt.Errorf("asice: OCSP: %w (%w)", ErrService, err)
	}
	r, err := ocsp.ParseResponseForCert(resp, s.chain[0], s.issuer)
	if err != nil {
		// A responder trusted by its own certificate (not issued by the CA) is checked by Verify
		// against the roots; here the response need only be intact.
		r, err = ocsp.ParseResponseForCert(resp, s.chain[0], nil)
	}
	switch {
	case err != nil:
		return fmt.Errorf("asice: OCSP: %w: response does not parse or verify (%w)", ErrService, err)
	case r.SerialNumber == nil || r.SerialNumber.Cmp(s.chain[0].SerialNumber) != 0:
		return fmt.Errorf("asice: OCSP: %w: response is not for the seal's certificate", ErrService)
	case r.Status != ocsp.Good:
		return fmt.Errorf("asice: OCSP: %w: seal's certificate status is %s", ErrService, ocspStatus(r.Status))
	case r.ProducedAt.Before(ts.Time.Truncate(time.Second)):
		return fmt.Errorf("asice: OCSP: %w: response produced at %s, before the time-stamp of %s", ErrService,
			r.ProducedAt.UTC().Format(time.RFC3339), ts.Time.UTC().Format(time.RFC3339))
	}

	cv := usp.CreateElement("xades:CertificateValues")
	seen := make(map[string]bool)
	for _, c := range s.chain {
		seen[string(c.Raw)] = true
	}
	n := 0
	add := func(c *x509.Certificate) {
		e := cv.CreateElement("xades:EncapsulatedX509Certificate")
		e.CreateAttr("Id", idCertPrefix+strconv.Itoa(n))
		e.SetText(b64(c.Raw))
		n++
	}
	for _, c := range s.chain[1:] { // the seal's issuers, then the TSA's and the responder's certificates
		add(c)
	}
	for _, c := range ts.Certificates {
		if !seen[string(c.Raw)] {
			seen[string(c.Raw)] = true
			add(c)
		}
	}
	if r.Certificate != nil && !seen[string(r.Certificate.Raw)] {
		add(r.Certificate)
	}
	ov := usp.CreateElement("xades:RevocationValues").CreateElement("xades:OCSPValues").CreateElement("xades:EncapsulatedOCSPValue")
	ov.CreateAttr("Id", idOCSP)
	ov.SetText(b64(resp))
	return nil
}

func ocspStatus(s int) string {
	switch s {
	case ocsp.Good:
		return "good"
	case ocsp.Revoked:
		return "revoked"
	}
	return "unknown"
}
