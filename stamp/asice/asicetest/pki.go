package asicetest

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// KeyType is the kind of key of the seal's certificate.
type KeyType uint8

// The seal's key types. The zero value is ECDSA P-256.
const (
	KeyP256    KeyType = iota // ECDSA P-256
	KeyP384                   // ECDSA P-384
	KeyRSA2048                // RSA, 2048 bits
	// KeyRSA2048NegativeModulus is RSA, 2048 bits, in a certificate that encodes the modulus as
	// a negative INTEGER: its top bit is set and the leading 0x00 byte DER needs is left out,
	// as in the ESTEID-2011-era ID card certificates. crypto/x509 refuses such a certificate
	// ("RSA modulus is not a positive number"); [PKI].Seal is then filled in by hand (see
	// [NegativeModulus]).
	KeyRSA2048NegativeModulus
)

// Options configure a [PKI]. A nil *Options means the defaults.
type Options struct {
	// SealKey is the kind of key of the seal's certificate; the zero value is ECDSA P-256.
	SealKey KeyType
	// Now is the clock of the servers: the time-stamps' genTime and the OCSP responses' producedAt
	// and thisUpdate. Nil means time.Now. It is called from the servers' goroutines, so it must be
	// safe for concurrent use, as [Clock.Now] is.
	Now func() time.Time
}

// A PKI is a test CA with the certificates it issued and its running time-stamping server and OCSP
// responder. Its fields must not be changed; its methods are safe for concurrent use.
type PKI struct {
	CA    *x509.Certificate // the root CA, "TEST kutse root CA", self-signed
	CAKey crypto.Signer     // the CA's ECDSA P-256 key

	Seal    *x509.Certificate // the e-seal certificate, "Sihtasutus Kutsekoda (TEST seal)"
	SealKey crypto.Signer     // the seal's key, of the type in [Options].SealKey

	TSA    *x509.Certificate // the time-stamping unit's certificate, "TEST kutse TSA"
	TSAKey crypto.Signer     // the TSA's ECDSA P-256 key

	OCSPResponder    *x509.Certificate // the OCSP responder's certificate, "TEST kutse OCSP responder"
	OCSPResponderKey crypto.Signer     // the responder's ECDSA P-256 key

	TSAURL  string // the time-stamping server, http://127.0.0.1:port/tsa
	OCSPURL string // the OCSP responder, http://127.0.0.1:port/ocsp; also in Seal's authorityInfoAccess

	now func() time.Time
	srv *httptest.Server

	mu      sync.Mutex
	issued  map[string]bool      // serial numbers (decimal) of the certificates the CA issued
	revoked map[string]time.Time // serial numbers passed to Revoke, with the revocation time
}

var (
	notBefore = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	notAfter  = time.Date(2049, 12, 31, 23, 59, 59, 0, time.UTC)

	oidOrganizationIdentifier = asn1.ObjectIdentifier{2, 5, 4, 97}
	oidExtKeyUsage            = asn1.ObjectIdentifier{2, 5, 29, 37}
	oidKPTimeStamping         = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 8}
	oidOCSPNoCheck            = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 48, 1, 5}
)

// NewPKI returns a new PKI whose servers are running, and closes them with t.Cleanup. It calls
// t.Fatal if it cannot make one. A nil opts means the defaults.
func NewPKI(t testing.TB, opts *Options) *PKI {
	t.Helper()
	p, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

// New returns a new PKI whose servers are running, for use outside tests (examples, programs).
// The caller must call Close. A nil opts means the defaults.
func New(opts *Options) (*PKI, error) {
	if opts == nil {
		opts = &Options{}
	}
	p := &PKI{
		now:     opts.Now,
		issued:  make(map[string]bool),
		revoked: make(map[string]time.Time),
	}
	if p.now == nil {
		p.now = time.Now
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("asicetest: %w", err)
	}
	base := "http://" + l.Addr().String()
	p.TSAURL, p.OCSPURL = base+"/tsa", base+"/ocsp"
	if err := p.makeCertificates(opts.SealKey); err != nil {
		l.Close()
		return nil, fmt.Errorf("asicetest: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("/tsa", p.TSAHandler())
	mux.Handle("/ocsp", p.OCSPHandler())
	p.srv = &httptest.Server{
		Listener: l,
		Config:   &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second},
	}
	p.srv.Start()
	return p, nil
}

// Close stops the servers.
func (p *PKI) Close() { p.srv.Close() }

// Roots returns a new pool holding the CA certificate, for x509.VerifyOptions.Roots.
func (p *PKI) Roots() *x509.CertPool {
	pool := x509.NewCertPool()
	pool.AddCert(p.CA)
	return pool
}

// Chain returns the seal's certificate chain: the seal's certificate, then the CA's.
func (p *PKI) Chain() []*x509.Certificate { return []*x509.Certificate{p.Seal, p.CA} }

// TimeStamper returns a client of the PKI's time-stamping server.
func (p *PKI) TimeStamper() *TSAClient { return &TSAClient{URL: p.TSAURL, HTTP: p.srv.Client()} }

// OCSPClient returns a client of the PKI's OCSP responder.
func (p *PKI) OCSPClient() *OCSPHTTPClient {
	return &OCSPHTTPClient{URL: p.OCSPURL, HTTP: p.srv.Client()}
}

// Revoke marks cert, which the CA issued, as revoked at the time at. The OCSP responder reports it
// revoked (reason unspecified) when its clock is at or after at, and good before.
func (p *PKI) Revoke(cert *x509.Certificate, at time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.revoked[cert.SerialNumber.String()] = at
}

func (p *PKI) makeCertificates(sealKey KeyType) error {
	var err error
	if p.CAKey, err = newKey(KeyP256); err != nil {
		return err
	}
	ca := &x509.Certificate{
		Subject:               pkix.Name{CommonName: "TEST kutse root CA", Organization: []string{"TEST kutse"}, Country: []string{"EE"}},
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLenZero:        true,
	}
	if p.CA, err = p.issue(ca, ca, p.CAKey.Public()); err != nil {
		return err
	}

	if p.SealKey, err = newKey(sealKey); err != nil {
		return err
	}
	seal := &x509.Certificate{
		Subject: pkix.Name{
			Country:      []string{"EE"},
			Organization: []string{"Sihtasutus Kutsekoda (TEST)"},
			CommonName:   "Sihtasutus Kutsekoda (TEST seal)",
			ExtraNames:   []pkix.AttributeTypeAndValue{{Type: oidOrganizationIdentifier, Value: "NTREE-90006414"}},
		},
		KeyUsage:   x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment, // nonRepudiation
		OCSPServer: []string{p.OCSPURL},
	}
	if p.Seal, err = p.issue(seal, p.CA, p.SealKey.Public()); err != nil {
		return err
	}
	if sealKey == KeyRSA2048NegativeModulus {
		if p.Seal, err = NegativeModulus(p.Seal, p.CAKey); err != nil {
			return err
		}
	}

	if p.TSAKey, err = newKey(KeyP256); err != nil {
		return err
	}
	eku, err := asn1.Marshal([]asn1.ObjectIdentifier{oidKPTimeStamping})
	if err != nil {
		return err
	}
	tsa := &x509.Certificate{
		Subject:  pkix.Name{CommonName: "TEST kutse TSA", Organization: []string{"TEST kutse"}, Country: []string{"EE"}},
		KeyUsage: x509.KeyUsageDigitalSignature,
		// RFC 3161 § 2.3: the only extended key usage, and critical; crypto/x509 would not mark it so.
		ExtraExtensions: []pkix.Extension{{Id: oidExtKeyUsage, Critical: true, Value: eku}},
	}
	if p.TSA, err = p.issue(tsa, p.CA, p.TSAKey.Public()); err != nil {
		return err
	}

	if p.OCSPResponderKey, err = newKey(KeyP256); err != nil {
		return err
	}
	responder := &x509.Certificate{
		Subject:     pkix.Name{CommonName: "TEST kutse OCSP responder", Organization: []string{"TEST kutse"}, Country: []string{"EE"}},
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageOCSPSigning},
		// RFC 6960 § 4.2.2.2.1: clients need not check the responder certificate's own status.
		ExtraExtensions: []pkix.Extension{{Id: oidOCSPNoCheck, Value: asn1.NullBytes}},
	}
	p.OCSPResponder, err = p.issue(responder, p.CA, p.OCSPResponderKey.Public())
	return err
}

// issue signs tmpl with the CA key (parent is tmpl itself for the CA) and records its serial.
func (p *PKI) issue(tmpl, parent *x509.Certificate, pub crypto.PublicKey) (*x509.Certificate, error) {
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, err
	}
	tmpl.SerialNumber = serial.SetBit(serial, 126, 1) // positive, 16 bytes in DER
	tmpl.NotBefore, tmpl.NotAfter = notBefore, notAfter
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, p.CAKey)
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	p.issued[cert.SerialNumber.String()] = true
	return cert, nil
}

func newKey(k KeyType) (crypto.Signer, error) {
	switch k {
	case KeyP256:
		return ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	case KeyP384:
		return ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	case KeyRSA2048, KeyRSA2048NegativeModulus:
		return rsa.GenerateKey(rand.Reader, 2048) // a 2048-bit modulus has its top bit set
	}
	return nil, errors.New("unknown key type " + fmt.Sprint(k))
}
