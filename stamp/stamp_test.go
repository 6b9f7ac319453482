package stamp_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/internal/tooltest"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/stamp"
	"github.com/kutsekit/kutse/stamp/asice"
	"github.com/kutsekit/kutse/stamp/asice/asicetest"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/memstore"
)

var (
	holder = isikukood.MustParse("49502020047")
	owner  = actor.OwnerOf(holder)
	now    = time.Date(2026, 11, 22, 12, 30, 0, 0, time.UTC)
)

func cert204580() certificate.Certificate { return sample.Certificate204580() }

// setup returns a store holding 204580 (valid) and OT011089 (expired), and a service sealing with
// the in-process test PKI at profile LT.
func setup(t *testing.T) (*stamp.Service, *memstore.Store, *asicetest.PKI) {
	t.Helper()
	st := memstore.New()
	for _, c := range []certificate.Certificate{cert204580(), expired()} {
		if _, err := st.IssueCertificate(t.Context(), certificate.Issue{Certificate: c}); err != nil {
			t.Fatal(err)
		}
	}
	clock := asicetest.NewClock(now)
	pki := asicetest.NewPKI(t, &asicetest.Options{Now: clock.Now})
	svc, err := stamp.NewService(st, stamp.Config{
		BaseURL: "https://kutseregister.example/", Key: pki.SealKey, Chain: pki.Chain(),
		TimeStamper: pki.TimeStamper(), OCSP: pki.OCSPClient(), Now: func() time.Time { return now },
	})
	if err != nil {
		t.Fatal(err)
	}
	return svc, st, pki
}

func expired() certificate.Certificate {
	c := cert204580()
	c.Number, c.Title = "OT011089", "Hooldustöötaja, tase 4"
	c.IssuedOn, c.ValidFrom, c.ValidUntil = calendar.MustDate(2017, 3, 21), calendar.MustDate(2017, 3, 21), calendar.MustDate(2024, 3, 20)
	return c
}

// TestStamp_CERT06_CERT10 proves CERT-06: the owner's stamp of a valid certificate is one ASiC-E
// container with the three PDFs, sealed at LT, valid and trusted under the PKI's roots, that the
// independent checker accepts; and CERT-10: it is recorded as a done "Digitempel" request with the
// container's digest, with an event to the owner.
func TestStamp_CERT06_CERT10(t *testing.T) {
	svc, st, pki := setup(t)
	res, err := svc.Stamp(t.Context(), owner, "204580")
	if err != nil {
		t.Fatal(err)
	}
	if res.URL != "https://kutseregister.example/cert/204580" || res.Name != "204580.asice" {
		t.Errorf("URL %q, name %q", res.URL, res.Name)
	}
	rep, err := asice.Verify(bytes.NewReader(res.Container), int64(len(res.Container)), &asice.VerifyOptions{Roots: pki.Roots(), Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Valid || len(rep.Signatures) != 1 {
		t.Fatalf("Verify = %+v", rep)
	}
	sig := rep.Signatures[0]
	want := []string{stamp.TunnistusName, stamp.CertificateName, stamp.DeklaratsioonName}
	if strings.Join(sig.Files, ",") != strings.Join(want, ",") || sig.Profile != asice.ProfileLT || !sig.Trusted {
		t.Errorf("signature covers %v, profile %v, trusted %v %v", sig.Files, sig.Profile, sig.Trusted, sig.TrustProblems)
	}
	sum := sha256.Sum256(res.Container)
	rs, _ := st.HolderRequests(t.Context(), holder)
	if len(rs) != 1 || rs[0].Kind != request.DigitalStamp || rs[0].Status != request.Done ||
		rs[0].Data["sha256"] != hex.EncodeToString(sum[:]) || rs[0].Certificate != "204580" {
		t.Errorf("requests = %+v", rs)
	}
	evs, _ := st.OutboxEvents(t.Context(), store.EventQuery{Recipient: holder.String()})
	if len(evs) != 1 || evs[0].Kind != stamp.EventStamped || evs[0].Data["certificate"] != "204580" {
		t.Errorf("events = %+v", evs)
	}
	checkIndependently(t, res.Container)
}

// checkIndependently runs ../shared/tools/verify-asice.sh (xmlsec1) on a container.
func checkIndependently(t *testing.T, box []byte) {
	t.Helper()
	tooltest.Need(t, "xmlsec1", "xmlsec1")
	script, err := filepath.Abs("../../shared/tools/verify-asice.sh")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(script); err != nil {
		t.Skipf("the shared checker is not beside the repository: %v", err)
	}
	f := filepath.Join(t.TempDir(), "stamp.asice")
	if err := os.WriteFile(f, box, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", script, "-q", f)
	cmd.Env = append(os.Environ(), "ASICE_NO_INSTALL=1")
	out, err := cmd.CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "OK" {
		t.Errorf("verify-asice.sh: %v\n%s", err, out)
	}
}

// TestStamp_RefusedNotValid_CERT06 proves that an expired certificate gets no stamp: a CERT-06
// refusal, recorded as a refused request (CERT-10) with an event, and no container.
func TestStamp_RefusedNotValid_CERT06(t *testing.T) {
	svc, st, _ := setup(t)
	res, err := svc.Stamp(t.Context(), owner, "OT011089")
	var re *certificate.RuleError
	if !errors.As(err, &re) || re.Rule != "CERT-06" || !errors.Is(err, certificate.ErrNotValid) || res.Container != nil {
		t.Fatalf("Stamp(expired) = %v; want a CERT-06 refusal", err)
	}
	rs, _ := st.HolderRequests(t.Context(), holder)
	if len(rs) != 1 || rs[0].Status != request.Refused || !strings.Contains(rs[0].Reason, "kehtivus lõppenud") {
		t.Errorf("requests = %+v", rs)
	}
}

// TestStamp_Hidden_CERT04 proves that the stamp of a hidden certificate links by an unguessable
// token, not by its number, and that the link resolves to the certificate's view.
func TestStamp_Hidden_CERT04(t *testing.T) {
	svc, st, _ := setup(t)
	c, _ := st.Certificate(t.Context(), "204580")
	c.Hidden = true
	if _, err := st.UpdateCertificate(t.Context(), c, nil); err != nil {
		t.Fatal(err)
	}
	res, err := svc.Stamp(t.Context(), owner, "204580")
	if err != nil {
		t.Fatal(err)
	}
	token := strings.TrimPrefix(res.URL, "https://kutseregister.example/cert/t/")
	if token == res.URL || strings.Contains(res.URL, "204580") || len(token) < 32 || res.Request.Token != token {
		t.Fatalf("URL of a hidden certificate's stamp = %q (token %q)", res.URL, res.Request.Token)
	}
	v, err := svc.Resolve(t.Context(), token)
	if err != nil || v.Number != "204580" || v.Status != certificate.Valid {
		t.Errorf("Resolve = %+v, %v", v, err)
	}
	if _, err := svc.Resolve(t.Context(), "guess"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Resolve(guess) = %v; want not found", err)
	}
}

// TestStamp_Actors proves that only the owner (or the registrar) may order a stamp, and a refused
// actor records nothing.
func TestStamp_Actors(t *testing.T) {
	svc, st, _ := setup(t)
	for _, a := range []actor.Actor{actor.Anonymous(), actor.Body("80000001"), actor.OwnerOf(isikukood.MustParse("37605030299"))} {
		if _, err := svc.Stamp(t.Context(), a, "204580"); !errors.Is(err, actor.ErrForbidden) {
			t.Errorf("Stamp(%v) = %v; want ErrForbidden", a, err)
		}
	}
	if rs, _ := st.HolderRequests(t.Context(), holder); len(rs) != 0 {
		t.Errorf("refused actors left %d requests", len(rs))
	}
	if _, err := svc.Stamp(t.Context(), actor.Keeper("90006414"), "204580"); err != nil {
		t.Errorf("Stamp(registrar) = %v", err)
	}
	if _, err := svc.Stamp(t.Context(), owner, "999999"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Stamp(missing) = %v; want not found", err)
	}
}

// TestReprint_CERT05 proves CERT-05: the owner can print the register entry again at any time, an
// expired certificate too; the PDF links to the check of the certificate's validity.
func TestReprint_CERT05(t *testing.T) {
	svc, _, _ := setup(t)
	for _, no := range []certificate.Number{"204580", "OT011089"} {
		b, err := svc.Reprint(t.Context(), owner, no)
		if err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
			t.Errorf("Reprint(%s) = %d bytes, %v", no, len(b), err)
		}
	}
	if _, err := svc.Reprint(t.Context(), actor.Anonymous(), "204580"); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Reprint(public) = %v", err)
	}
}

func TestNewService_Config(t *testing.T) {
	key, chain, err := stamp.TestSeal(now)
	if err != nil {
		t.Fatal(err)
	}
	for _, cfg := range []stamp.Config{
		{BaseURL: "kutseregister.ee", Key: key, Chain: chain},
		{BaseURL: "https://kutseregister.ee"},
	} {
		if _, err := stamp.NewService(memstore.New(), cfg); err == nil {
			t.Errorf("NewService(%+v) = nil error", cfg.BaseURL)
		}
	}
}

// ExampleService_Stamp seals a stamp with a self-signed TEST seal (Baseline-B) and verifies it.
func ExampleService_Stamp() {
	ctx := context.Background()
	st := memstore.New()
	st.IssueCertificate(ctx, certificate.Issue{Certificate: cert204580()})
	key, chain, _ := stamp.TestSeal(now)
	svc, _ := stamp.NewService(st, stamp.Config{BaseURL: "https://kutseregister.example", Key: key, Chain: chain,
		Now: func() time.Time { return now }})
	res, err := svc.Stamp(ctx, owner, "204580")
	if err != nil {
		println(err.Error())
		return
	}
	rep, _ := asice.Verify(bytes.NewReader(res.Container), int64(len(res.Container)), nil)
	os.Stdout.WriteString(res.Name + " " + res.URL + "\n")
	for _, f := range rep.Files {
		os.Stdout.WriteString(f.Name + "\n")
	}
	if rep.Valid {
		os.Stdout.WriteString("valid, profile " + rep.Signatures[0].Profile.String() + "\n")
	}
	// Output:
	// 204580.asice https://kutseregister.example/cert/204580
	// Tunnistus.pdf
	// Certificate.pdf
	// Deklaratsioon.pdf
	// valid, profile B
}
