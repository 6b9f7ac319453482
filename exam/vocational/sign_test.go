package vocational_test

import (
	"context"
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/exam/vocational"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/memstore"
)

// TestDrawUp_EXV05 proves the committee protocol's decisions (EXV-05): each candidate who took part is
// decided as assessed unless the committee decides otherwise with a reason; an absent candidate is
// never awarded; the committee, its chair and those present are the register's.
func TestDrawUp_EXV05(t *testing.T) {
	en := newEnv(t, 4)
	ctx := t.Context()
	e := en.assessed(t, 4)
	req := protocolRequest()
	e = en.ok(en.svc.DrawUp(ctx, body, e.ID, req))
	want := []vocational.Decision{{Candidate: "L1", Award: true}, {Candidate: "L2"}, {Candidate: "L3"}, {Candidate: "L4", Award: true}}
	if !slices.Equal(e.Protocol.Decisions, want) || e.Status != vocational.Decided {
		t.Errorf("decisions = %+v; want %+v", e.Protocol.Decisions, want)
	}
	over := req
	over.Decisions = []vocational.Decision{{Candidate: "L2", Award: true}}
	if _, err := en.svc.DrawUp(ctx, body, e.ID, over); !errors.Is(err, vocational.ErrInvalid) {
		t.Errorf("an override without a reason = %v; want ErrInvalid", err)
	}
	over.Decisions[0].Reason = "hindamiskomisjon arvestas ülesande 3 valesti (KutS § 18 lg 2 p 6)"
	if e = en.ok(en.svc.DrawUp(ctx, body, e.ID, over)); !e.Protocol.Decisions[1].Award {
		t.Error("the committee's override did not stand")
	}
	absent := req
	absent.Decisions = []vocational.Decision{{Candidate: "L3", Award: true, Reason: "x"}}
	if _, err := en.svc.DrawUp(ctx, body, e.ID, absent); !errors.Is(err, vocational.ErrIncomplete) {
		t.Errorf("awarding an absent candidate = %v; want ErrIncomplete", err)
	}
	for name, r := range map[string]vocational.ProtocolRequest{
		"a committee the register does not list": func() vocational.ProtocolRequest { r := req; r.Committee = "Muu komisjon"; return r }(),
		"a chair who is a member only":           func() vocational.ProtocolRequest { r := req; r.Chair = "Peeter Kask"; return r }(),
		"a present member not of the committee":  func() vocational.ProtocolRequest { r := req; r.Present = []string{"Keegi Teine"}; return r }(),
		"a date in the future":                   func() vocational.ProtocolRequest { r := req; r.Date = examDay.AddDays(100); return r }(),
	} {
		if _, err := en.svc.DrawUp(ctx, body, e.ID, r); err == nil {
			t.Errorf("DrawUp(%s) succeeded", name)
		}
	}
	vice := req
	vice.Chair = "Jaan Tamm"
	en.ok(en.svc.DrawUp(ctx, body, e.ID, vice)) // the vice-chair may chair (Reg74 § 6)
}

// TestSign_EXV05_EXV08 proves signing through the host's signer (EXV-05): the signature over the
// protocol's canonical digest is verified and recorded; in the same commit a certificate is issued to
// each candidate awarded — the one assembled at registration and completed with the results (EXV-08)
// — numbered in order, each holder notified (CERT-09); the school is told they are entered in the
// register (EXV-07); a later change to the protocol no longer verifies.
func TestSign_EXV05_EXV08(t *testing.T) {
	en := newEnv(t, 4)
	ctx := t.Context()
	e := en.created(t)
	e = en.ok(en.svc.Register(ctx, school, e.ID))
	c := e.Candidate("L1").Certificate // EXV-08, step 1: assembled at registration
	if c.Number != "" || c.Title != "Sõiduautodiagnostik, tase 5" || c.Standard != "Mootorsõidukidiagnostik, tase 5" ||
		c.Specialisation != "Sõiduautodiagnostik, tase 5" || c.Issuer != "Autonoomse Arenduse Ühing" || c.IssuerCode != bodyCode ||
		c.EKR.Int() != 5 || c.EQF.Int() != 5 || len(c.Competences) != 0 || c.ExamLanguage != "eesti keel" || c.Holder.Name != "Õppija Nr1" {
		t.Errorf("the certificate assembled at registration = %+v", c)
	}
	en.ok(en.svc.Send(ctx, school, e.ID))
	en.ok(en.svc.Accept(ctx, body, e.ID, vocational.AcceptRequest{}))
	en.ok(en.svc.Answer(ctx, body, e.ID, 1, true, ""))
	en.ok(en.svc.FormCommittee(ctx, body, e.ID, committee(true)))
	en.clock.to(examDay.AddDays(1))
	e = en.ok(en.svc.EnterResults(ctx, body, e.ID, []vocational.ResultEntry{pass("L1"), fail("L2"), pass("L3"), pass("L4")}))
	// EXV-08, step 2: completed when results are entered: the elective passed is listed.
	if got := e.Candidate("L1").Certificate.Competences; !slices.Equal(got, []string{"Mootorsõidukite kõrgepinge jõuseadmete diagnostika ja remont"}) {
		t.Errorf("competences after results = %v", got)
	}
	en.ok(en.svc.CloseAssessment(ctx, body, e.ID))
	en.clock.to(examDay.AddDays(8))
	if _, err := en.svc.Sign(ctx, body, e.ID, vocational.SignRequest{Signer: en.key, Name: "Mari Maasikas"}); !errors.Is(err, vocational.ErrState) {
		t.Errorf("Sign before the protocol is drawn up = %v; want ErrState", err)
	}
	e = en.ok(en.svc.DrawUp(ctx, body, e.ID, protocolRequest()))
	if _, err := en.svc.Sign(ctx, body, e.ID, vocational.SignRequest{Signer: en.key, Name: "Peeter Kask"}); !errors.Is(err, vocational.ErrSignature) {
		t.Errorf("Sign in another's name = %v; want ErrSignature", err)
	}
	if _, err := en.svc.Sign(ctx, school, e.ID, vocational.SignRequest{Signer: en.key, Name: "Mari Maasikas"}); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Sign by the school = %v; want ErrForbidden", err)
	}
	if n := certificates(t, en); n != 0 {
		t.Fatalf("refused signings issued %d certificates", n)
	}
	res := en.sign(t, e.ID)
	// EXV-08, step 3: issued at signing, to those awarded.
	if len(res.Certificates) != 3 || res.Exam.Status != vocational.Signed {
		t.Fatalf("Sign = %s with %d certificates; want signed with 3", res.Exam.Status, len(res.Certificates))
	}
	signed := calendar.MustDate(2027, 5, 28)
	for i, want := range []struct{ no, holder string }{{"000001", "Õppija Nr1"}, {"000002", "Õppija Nr3"}, {"000003", "Õppija Nr4"}} {
		got := res.Certificates[i]
		if string(got.Number) != want.no || got.Holder.Name != want.holder || got.IssuedOn != signed || got.ValidFrom != signed ||
			got.ValidUntil != calendar.MustDate(2032, 5, 27) || got.Version != 1 || len(got.Competences) != 1 {
			t.Errorf("certificate %d = %+v; want %s to %s valid 2027-05-28–2032-05-27", i, got, want.no, want.holder)
		}
		stored, err := en.st.Certificate(ctx, got.Number)
		if err != nil || stored.Holder.Code != got.Holder.Code {
			t.Errorf("certificate %s in the register: %+v, %v", got.Number, stored, err)
		}
		if n, _ := en.st.OutboxEvents(ctx, store.EventQuery{Recipient: got.Holder.Code.String()}); len(n) != 1 || n[0].Kind != certificate.EventIssued {
			t.Errorf("notices to %s = %+v; want the issued notice (CERT-09)", got.Holder.Name, n)
		}
	}
	if res.Exam.Candidate("L2").Certificate.Number != "" {
		t.Error("the candidate who failed got a certificate")
	}
	sig := res.Exam.Protocol.Signature
	if sig.Method != vocational.SignedWithKey || sig.Algorithm != "ECDSA-SHA256" || sig.Signer != "Mari Maasikas" || len(sig.PublicKey) == 0 || sig.On != signed {
		t.Errorf("signature = %+v", sig)
	}
	if err := res.Exam.Verify(); err != nil {
		t.Errorf("Verify of the signed protocol = %v", err)
	}
	tampered := res.Exam.Clone()
	tampered.Protocol.Decisions[1].Award = true
	if err := tampered.Verify(); !errors.Is(err, vocational.ErrSignature) {
		t.Errorf("Verify of a changed protocol = %v; want ErrSignature", err)
	}
	evs, _ := en.st.OutboxEvents(ctx, store.EventQuery{Recipient: schoolCode, Subject: e.Subject()})
	var entered store.Event
	for _, ev := range evs {
		if ev.Kind == vocational.EventEntered {
			entered = ev
		}
	}
	if entered.Data["numbers"] != "000001,000002,000003" || entered.Data["count"] != "3" {
		t.Errorf("the school's notice of the certificates entered (EXV-07) = %+v", entered)
	}
	if issued, err := en.svc.Issued(ctx, school, e.ID); err != nil || len(issued) != 3 {
		t.Errorf("Issued = %d, %v", len(issued), err)
	}
	if _, err := en.svc.DrawUp(ctx, body, e.ID, protocolRequest()); !errors.Is(err, vocational.ErrState) {
		t.Errorf("DrawUp after signing = %v; want ErrState", err)
	}
}

// certificates returns how many certificates the env's store holds.
func certificates(t *testing.T, en *env) int {
	t.Helper()
	cs, err := en.st.PublicCertificates(t.Context(), certificate.PublicQuery{On: calendar.DateOf(en.clock.Now()), Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	return len(cs)
}

// TestSignKeys_EXV05 proves that RSA and Ed25519 signers sign too, and that a recorded external
// signature (a DigiDoc container) must cover the protocol's digest.
func TestSignKeys_EXV05(t *testing.T) {
	ctx := t.Context()
	rk, _ := rsa.GenerateKey(rand.Reader, 2048)
	_, ek, _ := ed25519.GenerateKey(rand.Reader)
	for name, signer := range map[string]crypto.Signer{"RSA": rk, "Ed25519": ek} {
		en := newEnv(t, 1)
		e := en.decided(t, 1)
		res, err := en.svc.Sign(ctx, body, e.ID, vocational.SignRequest{Signer: signer, Name: "Mari Maasikas"})
		if err != nil || len(res.Certificates) != 1 || res.Exam.Verify() != nil {
			t.Errorf("%s: Sign = %d certificates, %v, verify %v", name, len(res.Certificates), err, res.Exam.Verify())
		}
	}
	en := newEnv(t, 1)
	e := en.decided(t, 1)
	wrong := vocational.ExternalSignature{Reference: "kutsekomisjoni-protokoll-14.asice", Digest: make([]byte, 32), Name: "Mari Maasikas"}
	if _, err := en.svc.RecordSignature(ctx, body, e.ID, wrong); !errors.Is(err, vocational.ErrSignature) {
		t.Errorf("an external signature of another text = %v; want ErrSignature", err)
	}
	ext := vocational.ExternalSignature{Reference: "kutsekomisjoni-protokoll-14.asice", Digest: e.Digest(), Name: "Mari Maasikas",
		At: en.clock.Now().Add(-3600e9)}
	res, err := en.svc.RecordSignature(ctx, body, e.ID, ext)
	if err != nil || len(res.Certificates) != 1 || res.Exam.Protocol.Signature.Reference != ext.Reference || res.Exam.Verify() != nil {
		t.Fatalf("RecordSignature = %+v, %v", res.Exam.Protocol.Signature, err)
	}
	if !strings.Contains(string(e.Canonical()), `"format":"kutse/vocational-protocol/1"`) {
		t.Errorf("canonical form = %s", e.Canonical())
	}
}

// TestSignExactlyOnce_EXV05 proves that certificates are issued exactly once however often signing is
// retried (EXV-05): again after success, from racing callers, and after the process died midway —
// before the commit (nothing happened: the retry issues) and after it (the outcome was lost: the
// retry returns the first result).
func TestSignExactlyOnce_EXV05(t *testing.T) {
	ctx := t.Context()
	en := newEnv(t, 6)
	e := en.decided(t, 6)
	first := en.sign(t, e.ID)
	again := en.sign(t, e.ID)
	if !slices.Equal(numbersOf(first.Certificates), numbersOf(again.Certificates)) || certificates(t, en) != 4 {
		t.Errorf("a second Sign = %v (store holds %d); want the first %v", numbersOf(again.Certificates), certificates(t, en), numbersOf(first.Certificates))
	}
	if string(again.Exam.Protocol.Signature.Value) != string(first.Exam.Protocol.Signature.Value) {
		t.Error("a second Sign replaced the signature")
	}
	// Racing signers.
	en = newEnv(t, 6)
	e = en.decided(t, 6)
	var wg sync.WaitGroup
	results := make([]vocational.SignResult, 8)
	errs := make([]error, 8)
	for i := range results {
		wg.Go(func() {
			results[i], errs[i] = en.svc.Sign(ctx, body, e.ID, vocational.SignRequest{Signer: en.key, Name: "Mari Maasikas"})
		})
	}
	wg.Wait()
	for i := range results {
		if errs[i] != nil || !slices.Equal(numbersOf(results[i].Certificates), []certificate.Number{"000001", "000002", "000003", "000004"}) {
			t.Errorf("racing signer %d = %v, %v", i, numbersOf(results[i].Certificates), errs[i])
		}
	}
	if n := certificates(t, en); n != 4 {
		t.Errorf("racing signers issued %d certificates; want 4", n)
	}
	// The process dies before the commit, then after it.
	for _, after := range []bool{false, true} {
		en = newEnv(t, 6)
		e = en.decided(t, 6)
		dying := &dyingStore{Store: en.st, after: after}
		reg, _ := certificate.NewRegistry(en.st, certificate.Config{Now: en.clock.Now})
		svc, err := vocational.NewService(dying, vocational.Config{Certificates: reg, Register: en.st, Curricula: en.cur, Ceilings: ceilings})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Sign(ctx, body, e.ID, vocational.SignRequest{Signer: en.key, Name: "Mari Maasikas"}); !errors.Is(err, errDied) {
			t.Fatalf("after %v: the dying Sign = %v", after, err)
		}
		want := 0
		if after {
			want = 4
		}
		if n := certificates(t, en); n != want {
			t.Errorf("after %v: the dying Sign left %d certificates; want %d", after, n, want)
		}
		res := en.sign(t, e.ID) // the retry, in a new process
		if !slices.Equal(numbersOf(res.Certificates), []certificate.Number{"000001", "000002", "000003", "000004"}) || certificates(t, en) != 4 {
			t.Errorf("after %v: the retry = %v, store %d; want 000001..000004 once", after, numbersOf(res.Certificates), certificates(t, en))
		}
		evs, _ := en.st.OutboxEvents(ctx, store.EventQuery{Subject: e.Subject()})
		n := 0
		for _, ev := range evs {
			if ev.Kind == vocational.EventEntered {
				n++
			}
		}
		if n != 1 {
			t.Errorf("after %v: %d notices of the certificates entered; want 1", after, n)
		}
	}
}

var errDied = errors.New("the process died")

// dyingStore fails the signing as a process that dies would: before the commit (nothing written) or
// after it (written, but the caller never learns).
type dyingStore struct {
	*memstore.Store
	after bool
}

func (d *dyingStore) SignVocationalExam(ctx context.Context, in vocational.Signing) (vocational.Exam, []certificate.Certificate, error) {
	if !d.after {
		return vocational.Exam{}, nil, errDied
	}
	if _, _, err := d.Store.SignVocationalExam(ctx, in); err != nil {
		return vocational.Exam{}, nil, err
	}
	return vocational.Exam{}, nil, errDied
}

func numbersOf(cs []certificate.Certificate) []certificate.Number {
	out := make([]certificate.Number, len(cs))
	for i, c := range cs {
		out[i] = c.Number
	}
	return out
}
