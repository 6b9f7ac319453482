package vocational

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/register"
)

// ProtocolFormat names the canonical form of a committee protocol that is signed ([Exam.Canonical]).
// A later form gets a new name, so that a signature can always be checked against the form it was
// made over.
const ProtocolFormat = "kutse/vocational-protocol/1"

// canonical is the committee protocol as it is signed: its fields in a fixed order.
type canonical struct {
	Format        string              `json:"format"`
	Exam          int64               `json:"exam"`
	School        Party               `json:"school"`
	Body          Party               `json:"body"`
	Curriculum    string              `json:"curriculum"`
	Standard      register.ID         `json:"standard"`
	Version       register.ID         `json:"version"`
	Qualification string              `json:"qualification"`
	EKR           classifier.Level    `json:"ekr"`
	Type          ExamType            `json:"type"`
	Number        string              `json:"number"`
	Date          calendar.Date       `json:"date"`
	Committee     string              `json:"committee"`
	Chair         string              `json:"chair"`
	Present       []string            `json:"present"`
	ValidMonths   int                 `json:"validMonths"`
	Decisions     []canonicalDecision `json:"decisions"`
}

type canonicalDecision struct {
	Candidate string        `json:"candidate"`
	Name      string        `json:"name"`
	Code      string        `json:"code,omitempty"`
	BirthDate calendar.Date `json:"birthDate,omitzero"`
	Title     string        `json:"title"`
	Passed    bool          `json:"passed"`
	Award     bool          `json:"award"`
	Reason    string        `json:"reason,omitempty"`
}

// Canonical returns the committee protocol's canonical form, the bytes whose digest is signed
// (EXV-05): the JSON encoding (encoding/json: fields in a fixed order, no insignificant white space)
// of the format's name, the exam, the school, the awarding body, the curriculum, the standard's
// version, the qualification, the protocol's number, date, committee, chair, members present and
// validity, and for each decision the candidate's ID, name, personal code or birth date, the
// certificate's title, whether they passed the assessment and whether the qualification is
// awarded. The same protocol always gives the same bytes; any change to what was decided changes
// them.
func (e *Exam) Canonical() []byte {
	p := &e.Protocol
	c := canonical{Format: ProtocolFormat, Exam: e.ID, School: e.School, Body: e.Body, Curriculum: e.Curriculum.Code,
		Standard: e.Qualification.Standard, Version: e.Qualification.Version, Qualification: e.Qualification.Name,
		EKR: e.Qualification.EKR, Type: e.Type, Number: p.Number, Date: p.Date, Committee: p.Committee, Chair: p.Chair,
		Present: p.Present, ValidMonths: p.ValidMonths, Decisions: make([]canonicalDecision, len(p.Decisions))}
	if c.Present == nil {
		c.Present = []string{}
	}
	candidate := e.byID()
	for i, d := range p.Decisions {
		cd := canonicalDecision{Candidate: d.Candidate, Award: d.Award, Reason: d.Reason}
		if k := candidate(d.Candidate); k != nil {
			cd.Name, cd.Title, cd.Passed = k.Name, k.Certificate.Title, k.Result.Passed
			if !k.Code.IsZero() {
				cd.Code = k.Code.String()
			} else {
				cd.BirthDate = k.BirthDate
			}
		}
		c.Decisions[i] = cd
	}
	b, err := json.Marshal(c)
	if err != nil {
		panic("vocational: canonical protocol: " + err.Error()) // every field is a plain value: cannot fail
	}
	return b
}

// Digest returns the SHA-256 digest of the protocol's canonical form: what the chair signs.
func (e *Exam) Digest() []byte {
	d := sha256.Sum256(e.Canonical())
	return d[:]
}

// signDigest signs digest with signer and verifies the signature with the signer's public key,
// returning the algorithm's name, the signature and the public key (PKIX DER). ECDSA and RSA keys sign
// the SHA-256 digest (RSA with PKCS #1 v1.5); an Ed25519 key signs the digest's 32 bytes as its
// message.
func signDigest(signer crypto.Signer, rand io.Reader, digest []byte) (alg string, sig, pub []byte, err error) {
	pk := signer.Public()
	pub, err = x509.MarshalPKIXPublicKey(pk)
	if err != nil {
		return "", nil, nil, fmt.Errorf("the signer's public key: %w", err)
	}
	var opts crypto.SignerOpts = crypto.SHA256
	switch pk.(type) {
	case *ecdsa.PublicKey:
		alg = "ECDSA-SHA256"
	case *rsa.PublicKey:
		alg = "RSA-PKCS1v15-SHA256"
	case ed25519.PublicKey:
		alg, opts = "Ed25519", crypto.Hash(0)
	default:
		return "", nil, nil, fmt.Errorf("a %T key cannot sign the protocol: use ECDSA, RSA or Ed25519", pk)
	}
	if sig, err = signer.Sign(rand, digest, opts); err != nil {
		return "", nil, nil, fmt.Errorf("the signer: %w", err)
	}
	if err := VerifySignature(pub, alg, digest, sig); err != nil {
		return "", nil, nil, err
	}
	return alg, sig, pub, nil
}

// VerifySignature checks a signature recorded by [Service.Sign]: sig over digest by the key pub (PKIX
// DER) with the algorithm alg ("ECDSA-SHA256", "RSA-PKCS1v15-SHA256" or "Ed25519"). The error wraps
// ErrSignature.
func VerifySignature(pub []byte, alg string, digest, sig []byte) error {
	k, err := x509.ParsePKIXPublicKey(pub)
	if err != nil {
		return fmt.Errorf("vocational: the public key: %w (%w)", ErrSignature, err)
	}
	ok := false
	switch k := k.(type) {
	case *ecdsa.PublicKey:
		ok = alg == "ECDSA-SHA256" && ecdsa.VerifyASN1(k, digest, sig)
	case *rsa.PublicKey:
		ok = alg == "RSA-PKCS1v15-SHA256" && rsa.VerifyPKCS1v15(k, crypto.SHA256, digest, sig) == nil
	case ed25519.PublicKey:
		ok = alg == "Ed25519" && ed25519.Verify(k, digest, sig)
	}
	if !ok {
		return fmt.Errorf("vocational: %w: a %s signature that the key does not verify", ErrSignature, alg)
	}
	return nil
}

// Verify checks the exam's recorded signature against the protocol as it now stands: the digest of
// its canonical form must be the one signed and, for a signature made through a key, the signature
// must verify. The error wraps ErrSignature.
func (e *Exam) Verify() error {
	s := &e.Protocol.Signature
	if s.IsZero() {
		return fmt.Errorf("vocational: exam %d: %w: the protocol is not signed", e.ID, ErrSignature)
	}
	if string(s.Digest) != string(e.Digest()) {
		return fmt.Errorf("vocational: exam %d: %w: the protocol has changed since it was signed", e.ID, ErrSignature)
	}
	if s.Method == SignedExternally {
		return nil
	}
	return VerifySignature(s.PublicKey, s.Algorithm, s.Digest, s.Value)
}
