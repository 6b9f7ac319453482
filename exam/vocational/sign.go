package vocational

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rand"
	"crypto/x509"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/store"
)

// ProtocolRequest is what [Service.DrawUp] takes.
type ProtocolRequest struct {
	Number    string        // the body's number of the protocol
	Date      calendar.Date // the day the committee decided; zero: today
	Committee string        // the qualification committee's name, as the register lists it
	Chair     string        // who chairs the meeting and signs: the committee's chair or vice-chair
	Present   []string      // the members present
	// ValidMonths is how long the certificates are valid; 0 means no end date (tähtajatu).
	ValidMonths int
	// Decisions are the committee's decisions where they differ from the assessment, each with its
	// reason; every other candidate is decided as assessed (awarded when they passed).
	Decisions []Decision
}

// DrawUp draws up the qualification committee's protocol (kutsekomisjoni protokoll, EXV-05: "kutse
// andja vormistab kutsekomisjoni protokolli") on an assessed exam: a decision on each candidate who
// took part, as assessed unless the request decides otherwise with a reason (the committee checks the
// assessment on the merits, Kutseseadus § 18 (2) p 6); a candidate who was absent or whose result is
// missing is never awarded. Where the register lists the body's committees, the committee must be
// one of them, its chair (or vice-chair) must chair, and those present must be its members (Reg74
// § 6: the chair signs). Only the awarding body; a protocol drawn up but not signed may be drawn up
// again.
func (s *Service) DrawUp(ctx context.Context, a actor.Actor, id int64, req ProtocolRequest) (Exam, error) {
	op := "draw up the committee protocol of exam " + strconv.FormatInt(id, 10)
	return s.update(ctx, a, id, op, func(e *Exam, now time.Time) ([]store.Event, error) {
		if err := must(a, e, BodySide, op); err != nil {
			return nil, err
		}
		if e.Status != Assessed && e.Status != Decided {
			return nil, stateErr(e, op, "EXV-05", "the protocol is drawn up once the assessment is closed, before it is signed")
		}
		today := calendar.DateOf(now)
		if req.Date.IsZero() {
			req.Date = today
		}
		errs := &ValidationError{Pkg: pkg}
		text(errs, "Number", req.Number, true)
		text(errs, "Committee", req.Committee, true)
		text(errs, "Chair", req.Chair, true)
		for i, m := range req.Present {
			text(errs, "Present["+strconv.Itoa(i)+"]", m, true)
		}
		switch {
		case !req.Date.IsValid():
			errs.Add("Date", "", "is not a real date")
		case req.Date.After(today):
			errs.Add("Date", req.Date.String(), "is in the future")
		}
		if req.ValidMonths < 0 || req.ValidMonths > 1200 {
			errs.Add("ValidMonths", strconv.Itoa(req.ValidMonths), "must be 0 (no end) to 1200")
		}
		if err := errs.Err(); err != nil {
			return nil, err
		}
		if err := s.checkQualificationCommittee(ctx, e, &req, op); err != nil {
			return nil, err
		}
		decisions, err := decide(e, req.Decisions, op)
		if err != nil {
			return nil, err
		}
		e.Protocol = Protocol{Number: req.Number, Date: req.Date, Committee: req.Committee, Chair: req.Chair,
			Present: slices.Clone(req.Present), Decisions: decisions, ValidMonths: req.ValidMonths, DrawnUpAt: now}
		e.Status = Decided
		return []store.Event{event(EventDecided, e, e.School.Code, now, map[string]string{"protocol": req.Number,
			"count": strconv.Itoa(awarded(e))})}, nil
	})
}

// checkQualificationCommittee checks the protocol's committee, chair and members against the body's
// committees in the register, where it lists any.
func (s *Service) checkQualificationCommittee(ctx context.Context, e *Exam, req *ProtocolRequest, op string) error {
	body, err := s.cfg.Register.AwardingBody(ctx, e.Body.Code)
	if err != nil {
		return err
	}
	if len(body.Committees) == 0 {
		return nil
	}
	cite := reg74.At("6", "", "").String()
	i := slices.IndexFunc(body.Committees, func(c register.Committee) bool { return c.Name == req.Committee })
	if i < 0 {
		return &RuleError{Pkg: pkg, Rule: "EXV-05", Citation: kuts.At("18", "", "").String(), Op: op,
			Reason: "the register lists no committee " + strconv.Quote(req.Committee) + " of " + body.Name, Err: ErrIncomplete}
	}
	com := body.Committees[i]
	chair := false
	for _, m := range com.Members {
		chair = chair || (m.Name == req.Chair && (m.Role == classifier.Chair || m.Role == classifier.ViceChair))
	}
	if !chair {
		return &RuleError{Pkg: pkg, Rule: "EXV-05", Citation: cite, Op: op,
			Reason: req.Chair + " is not the chair or vice-chair of " + com.Name, Err: ErrSignature}
	}
	for _, p := range req.Present {
		if slices.IndexFunc(com.Members, func(m register.Member) bool { return m.Name == p }) < 0 {
			return &FieldError{Pkg: pkg, Field: "Present", Value: p, Reason: "is not a member of " + com.Name}
		}
	}
	return nil
}

// decide returns a decision on each candidate who was not withdrawn: as assessed, or as overridden
// with a reason (EXV-05).
func decide(e *Exam, overrides []Decision, op string) ([]Decision, error) {
	by := map[string]Decision{}
	for i, d := range overrides {
		c := e.Candidate(d.Candidate)
		if c == nil || !c.Active() {
			return nil, &FieldError{Pkg: pkg, Field: "Decisions[" + strconv.Itoa(i) + "]", Value: d.Candidate, Reason: "is not a candidate who took part"}
		}
		if _, dup := by[d.Candidate]; dup {
			return nil, &FieldError{Pkg: pkg, Field: "Decisions[" + strconv.Itoa(i) + "]", Value: d.Candidate, Reason: "is decided twice"}
		}
		by[d.Candidate] = d
	}
	var out []Decision
	for i := range e.Candidates {
		c := &e.Candidates[i]
		if !c.Active() {
			continue
		}
		d, ok := by[c.ID]
		if !ok {
			out = append(out, Decision{Candidate: c.ID, Award: c.Result.Passed})
			continue
		}
		switch {
		case d.Award && (!c.Result.Entered() || c.Result.Absent):
			return nil, &RuleError{Pkg: pkg, Rule: "EXV-05", Citation: eksamihaldus.String(), Op: op,
				Reason: "candidate " + c.ID + " did not take the exam and cannot be awarded the qualification", Err: ErrIncomplete}
		case d.Award != c.Result.Passed && strings.TrimSpace(d.Reason) == "":
			return nil, &FieldError{Pkg: pkg, Field: "Decisions[" + c.ID + "].Reason", Reason: "is required: the decision differs from the assessment (" + kuts.At("18", "2", "6").String() + ")"}
		}
		out = append(out, d)
	}
	return out, nil
}

// awarded counts the decisions to award.
func awarded(e *Exam) int {
	n := 0
	for _, d := range e.Protocol.Decisions {
		if d.Award {
			n++
		}
	}
	return n
}

// SignRequest is what [Service.Sign] takes: the host's signer and who signs.
type SignRequest struct {
	// Signer signs the protocol's digest: the chair's key, an HSM, a remote signing service.
	// ECDSA, RSA (PKCS #1 v1.5) and Ed25519 keys are supported.
	Signer crypto.Signer
	// Certificate is the signer's X.509 certificate, recorded with the signature; optional, but
	// when given its key must be the signer's.
	Certificate *x509.Certificate
	// Name is who signs: the protocol's chair (Reg74 § 6).
	Name string
}

// ExternalSignature is a signature of the protocol made outside the SDK, which [Service.RecordSignature]
// records: typically a DigiDoc (ASiC-E) container the chair signed with an ID card, holding the
// protocol's canonical form ([Exam.Canonical]).
type ExternalSignature struct {
	// Reference names the signature: the container's file name, its URL or the host's document id.
	Reference string
	// Digest is the SHA-256 digest of what the signature covers: it must be the protocol's
	// ([Exam.Digest]), so that a signature of another text is never recorded.
	Digest []byte
	// Name is who signed: the protocol's chair.
	Name string
	// At is when it was signed; zero means now. Its day in Europe/Tallinn is the certificates' day
	// of issue.
	At time.Time
}

// SignResult is what signing returns: the exam as signed, the certificates issued to the candidates
// awarded the qualification (as issued, in the order of the candidates), and the compensation
// statement (zero when the service computes none).
type SignResult struct {
	Exam         Exam
	Certificates []certificate.Certificate
	Statement    Statement
}

// Sign signs the exam's qualification committee protocol through the host's signer (EXV-05): the
// signer signs the SHA-256 digest of the protocol's canonical form ([Exam.Canonical]), the SDK checks
// the signature with the signer's public key and records it, and in the same commit as the signed
// protocol (EXV-05, EXV-08: "kutse väljastatakse automaatselt kutsekomisjoni protokolli
// allkirjastamisel"):
//
//   - a certificate is issued to every candidate the committee awarded the qualification, the one
//     assembled at registration and completed with the results (EXV-08), issued and valid from the
//     day of signing for the protocol's validity, numbered from the kind's series in the order of
//     the candidates, each notified (CERT-09);
//   - the compensation of the body's costs is computed and recorded (EXV-06), when the service has
//     ceilings;
//   - the school is told that the protocol is signed, that the certificates are entered in the
//     register (EXV-07) and what the compensation is.
//
// Exactly once: signing an exam already signed returns that signing's result and issues nothing,
// however often it is retried, from however many processes; two signings racing get one result, and
// a signing that failed or was cut off midway left nothing behind. Only the awarding body (or the
// registrar), on a protocol drawn up (Decided), signed in the name of its chair.
func (s *Service) Sign(ctx context.Context, a actor.Actor, id int64, req SignRequest) (SignResult, error) {
	op := "sign the committee protocol of exam " + strconv.FormatInt(id, 10)
	if req.Signer == nil {
		return SignResult{}, &FieldError{Pkg: pkg, Field: "Signer", Reason: "is required: the host's crypto.Signer"}
	}
	return s.sign(ctx, a, id, op, req.Name, func(e *Exam, now time.Time) (Signature, error) {
		digest := e.Digest()
		alg, sig, pub, err := signDigest(req.Signer, rand.Reader, digest)
		if err != nil {
			return Signature{}, &RuleError{Pkg: pkg, Rule: "EXV-05", Citation: reg74.At("6", "", "").String(), Op: op, Reason: err.Error(), Err: ErrSignature}
		}
		out := Signature{Method: SignedWithKey, Digest: digest, Algorithm: alg, Value: sig, PublicKey: pub, Signer: req.Name,
			At: now, On: calendar.DateOf(now)}
		if req.Certificate != nil {
			cpub, err := x509.MarshalPKIXPublicKey(req.Certificate.PublicKey)
			if err != nil || !bytes.Equal(cpub, pub) {
				return Signature{}, &FieldError{Pkg: pkg, Field: "Certificate", Reason: "is not the signer's: its key differs"}
			}
			out.Certificate = slices.Clone(req.Certificate.Raw)
		}
		return out, nil
	})
}

// RecordSignature records a signature of the exam's committee protocol made outside the SDK (EXV-05),
// such as a DigiDoc container the chair signed, by its reference and the digest it covers, which must
// be the protocol's; then everything happens as in [Service.Sign], exactly once.
func (s *Service) RecordSignature(ctx context.Context, a actor.Actor, id int64, ext ExternalSignature) (SignResult, error) {
	op := "record the signature of the committee protocol of exam " + strconv.FormatInt(id, 10)
	errs := &ValidationError{Pkg: pkg}
	text(errs, "Reference", ext.Reference, true)
	if len(ext.Digest) != 32 {
		errs.Add("Digest", "", "must be the 32-byte SHA-256 digest of the protocol's canonical form")
	}
	if err := errs.Err(); err != nil {
		return SignResult{}, err
	}
	return s.sign(ctx, a, id, op, ext.Name, func(e *Exam, now time.Time) (Signature, error) {
		if !bytes.Equal(ext.Digest, e.Digest()) {
			return Signature{}, &RuleError{Pkg: pkg, Rule: "EXV-05", Citation: reg74.At("6", "", "").String(), Op: op,
				Reason: "the signature covers another text than the protocol as drawn up", Err: ErrSignature}
		}
		at := ext.At
		if at.IsZero() {
			at = now
		}
		at = at.Truncate(time.Microsecond)
		if at.After(now) {
			return Signature{}, &FieldError{Pkg: pkg, Field: "At", Value: at.String(), Reason: "is in the future"}
		}
		return Signature{Method: SignedExternally, Digest: slices.Clone(ext.Digest), Reference: ext.Reference, Signer: ext.Name,
			At: at, On: calendar.DateOf(at)}, nil
	})
}

// sign runs a signing: mk makes the signature of the protocol as read. See [Service.Sign].
func (s *Service) sign(ctx context.Context, a actor.Actor, id int64, op, signer string, mk func(e *Exam, now time.Time) (Signature, error)) (SignResult, error) {
	if err := a.Validate(); err != nil {
		return SignResult{}, err
	}
	var err error
	for range 5 {
		var e Exam
		if e, err = s.read(ctx, a, id, op); err != nil {
			return SignResult{}, err
		}
		if err := must(a, &e, BodySide, op); err != nil {
			return SignResult{}, err
		}
		if e.Status == Signed {
			return signedResult(&e), nil // signed before: the first signing stands
		}
		if e.Status != Decided {
			return SignResult{}, stateErr(&e, op, "EXV-05", "only a protocol drawn up and not signed can be signed")
		}
		if signer != e.Protocol.Chair {
			return SignResult{}, &RuleError{Pkg: pkg, Rule: "EXV-05", Citation: reg74.At("6", "", "").String(), Op: op,
				Reason: strconv.Quote(signer) + " is not the protocol's chair " + strconv.Quote(e.Protocol.Chair), Err: ErrSignature}
		}
		now := s.instant()
		in, serr := s.signing(&e, a, now, mk)
		if serr != nil {
			return SignResult{}, serr
		}
		var out Exam
		out, _, err = s.st.SignVocationalExam(ctx, in)
		if err == nil {
			return signedResult(&out), nil
		}
		if !errors.Is(err, store.ErrConflict) {
			return SignResult{}, err
		}
		// Changed meanwhile, perhaps signed by a concurrent call: read again.
	}
	return SignResult{}, err
}

// signing builds what the store commits for a signing of e at now.
func (s *Service) signing(e *Exam, a actor.Actor, now time.Time, mk func(e *Exam, now time.Time) (Signature, error)) (Signing, error) {
	sig, err := mk(e, now)
	if err != nil {
		return Signing{}, err
	}
	e.Protocol.Signature = sig
	if s.cfg.Ceilings != nil {
		_, last := e.Period()
		if last.IsZero() {
			last = sig.On
		}
		st, err := Compensate(e, s.cfg.Ceilings, last)
		if err != nil {
			return Signing{}, err
		}
		st.ComputedAt = now
		e.Statement = st
	}
	var reqs []certificate.IssueRequest
	var who []string
	candidate := e.byID()
	for _, d := range e.Protocol.Decisions {
		if !d.Award {
			continue
		}
		c := candidate(d.Candidate)
		reqs = append(reqs, certificate.IssueRequest{Certificate: Finish(c.Certificate, sig.On, e.Protocol.ValidMonths),
			IdempotencyKey: key(e.ID, c.ID)})
		who = append(who, c.ID)
	}
	issues, err := s.cfg.Certificates.PrepareBatch(a, reqs)
	if err != nil {
		return Signing{}, err
	}
	e.Status = Signed
	evs := []store.Event{
		event(EventSigned, e, e.School.Code, now, map[string]string{"protocol": e.Protocol.Number, "count": strconv.Itoa(len(issues))}),
		event(EventEntered, e, e.School.Code, now, map[string]string{"protocol": e.Protocol.Number, "count": strconv.Itoa(len(issues))}),
	}
	if !e.Statement.IsZero() {
		d := map[string]string{"total": e.Statement.Total.StringFixed(2), "state": e.Statement.State.StringFixed(2),
			"invoiced": e.Statement.Invoiced.StringFixed(2), "rate": e.Statement.Rate.StringFixed(2)}
		evs = append(evs, event(EventCompensation, e, e.School.Code, now, d), event(EventCompensation, e, e.Body.Code, now, d))
	}
	return Signing{Exam: *e, Certificates: issues, For: who, Events: evs}, nil
}

// signedResult returns the result of the signing of e, as stored.
func signedResult(e *Exam) SignResult {
	out := SignResult{Exam: e.Clone(), Statement: e.Statement.Clone()}
	candidate := e.byID()
	for _, d := range e.Protocol.Decisions {
		if c := candidate(d.Candidate); d.Award && c != nil && c.Certificate.Number != "" {
			out.Certificates = append(out.Certificates, c.Certificate.Clone())
		}
	}
	return out
}

// Compensation returns the compensation statement of a signed exam (EXV-06) to its school, its
// awarding body or the registrar; an exam not signed, or a service without ceilings, has none (a zero
// Statement).
func (s *Service) Compensation(ctx context.Context, a actor.Actor, id int64) (Statement, error) {
	e, err := s.Get(ctx, a, id)
	if err != nil {
		return Statement{}, err
	}
	return e.Statement.Clone(), nil
}

// Issued returns the certificates issued from exam id's signed protocol, as issued, to its school, its
// awarding body or the registrar (EXV-07); none before it is signed.
func (s *Service) Issued(ctx context.Context, a actor.Actor, id int64) ([]certificate.Certificate, error) {
	e, err := s.Get(ctx, a, id)
	if err != nil {
		return nil, err
	}
	return signedResult(&e).Certificates, nil
}
