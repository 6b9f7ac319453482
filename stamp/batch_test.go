package stamp_test

import (
	"bytes"
	"context"
	"crypto"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/stamp"
	"github.com/kutsekit/kutse/stamp/asice"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/memstore"
)

var registrar = actor.Keeper("90006414")

// issueVaried adds n varied valid certificates to st, the third hidden, and returns their numbers.
func issueVaried(t *testing.T, st *memstore.Store, n int) []certificate.Number {
	t.Helper()
	var nos []certificate.Number
	for i, c := range variedCertificates(n) {
		c.Hidden = i == 2
		if _, err := st.IssueCertificate(t.Context(), certificate.Issue{Certificate: c}); err != nil {
			t.Fatal(err)
		}
		nos = append(nos, c.Number)
	}
	return nos
}

// allRequests returns the requests of both holders of the varied certificates.
func allRequests(t *testing.T, st *memstore.Store) []request.Request {
	t.Helper()
	var out []request.Request
	for _, h := range []string{"49502020047", "37605030299"} {
		rs, err := st.HolderRequests(t.Context(), isikukood.MustParse(h))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rs...)
	}
	return out
}

// TestStampBatch_CERT06_CERT10 stamps seven certificates in one batch, sealed in parallel: the
// results are in the order asked, each a container at LT that verifies and is trusted, holding the
// same three documents Documents renders for it; the hidden one links by token (CERT-04); all seven
// are recorded as done "Digitempel" requests with their digests and events (CERT-10); the
// independent checker accepts them.
func TestStampBatch_CERT06_CERT10(t *testing.T) {
	svc, st, pki := setup(t)
	nos := append([]certificate.Number{"204580"}, issueVaried(t, st, 6)...)
	res, err := svc.StampBatch(t.Context(), registrar, nos)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != len(nos) {
		t.Fatalf("%d results for %d certificates", len(res), len(nos))
	}
	digests := map[string]bool{}
	for i, r := range res {
		if r.Name != string(nos[i])+".asice" || r.Request.Certificate != nos[i] || r.Request.Status != request.Done ||
			r.Request.Data["sha256"] != r.Digest || r.Request.Number == 0 {
			t.Errorf("result %d: %s, request %+v; want %s, done, recorded", i, r.Name, r.Request, nos[i])
		}
		digests[r.Digest] = true
		rep, err := asice.Verify(bytes.NewReader(r.Container), int64(len(r.Container)), &asice.VerifyOptions{Roots: pki.Roots(), Now: func() time.Time { return now }})
		if err != nil || !rep.Valid || len(rep.Signatures) != 1 || !rep.Signatures[0].Trusted || rep.Signatures[0].Profile != asice.ProfileLT {
			t.Errorf("result %d: Verify = %+v, %v", i, rep, err)
		}
		c, _ := st.Certificate(t.Context(), nos[i])
		want, err := stamp.Documents(c, calendar.DateOf(now), now, r.URL)
		if err != nil {
			t.Fatal(err)
		}
		for k := range want {
			if !bytes.Equal(r.Files[k].Data, want[k].Data) {
				t.Errorf("result %d: %s differs from Documents'", i, want[k].Name)
			}
		}
	}
	if len(digests) != len(nos) {
		t.Errorf("%d distinct digests for %d containers", len(digests), len(nos))
	}
	hidden := res[3] // the third of the varied ones
	token := strings.TrimPrefix(hidden.URL, "https://kutseregister.example/cert/t/")
	if token == hidden.URL || hidden.Request.Token != token {
		t.Errorf("hidden certificate's link %q, token %q", hidden.URL, hidden.Request.Token)
	} else if v, err := svc.Resolve(t.Context(), token); err != nil || v.Number != nos[3] {
		t.Errorf("Resolve = %+v, %v", v, err)
	}
	if rs := allRequests(t, st); len(rs) != len(nos) {
		t.Errorf("%d requests recorded; want %d", len(rs), len(nos))
	}
	evs, _ := st.OutboxEvents(t.Context(), store.EventQuery{})
	stamped := 0
	for _, e := range evs {
		if e.Kind == stamp.EventStamped {
			stamped++
		}
	}
	if stamped != len(nos) {
		t.Errorf("%d stamp events; want %d", stamped, len(nos))
	}
	checkIndependently(t, res[0].Container)
	checkIndependently(t, hidden.Container)
}

// failingSigner is a seal key whose signer fails, as an HSM out of reach does.
type failingSigner struct{ crypto.Signer }

var errHSM = errors.New("HSM unreachable")

func (failingSigner) Sign(io.Reader, []byte, crypto.SignerOpts) ([]byte, error) { return nil, errHSM }

// TestStampBatch_AllOrNothing proves that a batch is made whole or not at all (CERT-06, CERT-10):
// an item not valid, unknown, or not the actor's, and a seal that fails, each stop the batch with a
// *BatchError naming the first item that failed, and nothing is recorded — no request, no event;
// bad lists are bad input.
func TestStampBatch_AllOrNothing(t *testing.T) {
	svc, st, pki := setup(t)
	nos := issueVaried(t, st, 4)
	other := certificate.Certificate{Number: "777777", Holder: certificate.Holder{Name: "Teine Omanik", Code: isikukood.MustParse("38001085718")},
		ValidFrom: calendar.MustDate(2020, 1, 1)}
	if _, err := st.IssueCertificate(t.Context(), certificate.Issue{Certificate: other}); err != nil {
		t.Fatal(err)
	}
	failing, err := stamp.NewService(st, stamp.Config{BaseURL: "https://kutseregister.example", Key: failingSigner{pki.SealKey},
		Chain: pki.Chain(), Profile: asice.ProfileB, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	canceled, cancel := context.WithCancel(t.Context())
	cancel()
	with := func(i int, no certificate.Number) []certificate.Number {
		out := append([]certificate.Number(nil), nos...)
		return append(out[:i], append([]certificate.Number{no}, out[i:]...)...)
	}
	for _, tt := range []struct {
		name  string
		svc   *stamp.Service
		ctx   context.Context
		a     actor.Actor
		nos   []certificate.Number
		index int // of the BatchError, -1 for none
		want  error
	}{
		{"expired", svc, t.Context(), registrar, with(2, "OT011089"), 2, certificate.ErrNotValid},
		{"unknown", svc, t.Context(), registrar, with(1, "999999"), 1, store.ErrNotFound},
		{"another owner's", svc, t.Context(), actor.OwnerOf(isikukood.MustParse("38001085718")), with(0, "777777"), 1, actor.ErrForbidden},
		{"public", svc, t.Context(), actor.Anonymous(), nos, 0, actor.ErrForbidden},
		{"seal fails", failing, t.Context(), registrar, nos, -2, errHSM},
		{"canceled", svc, canceled, registrar, nos, -2, context.Canceled},
		{"empty", svc, t.Context(), registrar, nil, -1, invalid.ErrInvalid},
		{"twice", svc, t.Context(), registrar, with(3, nos[0]), -1, invalid.ErrInvalid},
		{"too many", svc, t.Context(), registrar, make([]certificate.Number, stamp.MaxBatch+1), -1, invalid.ErrInvalid},
	} {
		res, err := tt.svc.StampBatch(tt.ctx, tt.a, tt.nos)
		be, isBatch := errors.AsType[*stamp.BatchError](err)
		switch {
		case res != nil || !errors.Is(err, tt.want):
			t.Errorf("%s: StampBatch = %d results, %v; want %v", tt.name, len(res), err, tt.want)
		case tt.index >= 0 && (!isBatch || be.Index != tt.index || be.Number != tt.nos[tt.index]):
			t.Errorf("%s: %v; want a BatchError for item %d (%s)", tt.name, err, tt.index, tt.nos[tt.index])
		case tt.index == -2 && tt.ctx == t.Context() && !isBatch:
			t.Errorf("%s: %v; want a BatchError", tt.name, err)
		}
		if rs := allRequests(t, st); len(rs) != 0 {
			t.Errorf("%s: %d requests recorded; want none", tt.name, len(rs))
		}
		if evs, _ := st.OutboxEvents(t.Context(), store.EventQuery{}); len(evs) != 0 {
			t.Errorf("%s: %d events recorded; want none", tt.name, len(evs))
		}
	}
}

// gatedSigner signs only once n signatures are under way at the same time (or after a timeout), and
// records the most it saw at once.
type gatedSigner struct {
	crypto.Signer
	n              int
	mu             sync.Mutex
	inFlight, most int
	all            chan struct{}
	once           sync.Once
}

func (g *gatedSigner) Sign(r io.Reader, digest []byte, opts crypto.SignerOpts) ([]byte, error) {
	g.mu.Lock()
	g.inFlight++
	g.most = max(g.most, g.inFlight)
	if g.inFlight == g.n {
		g.once.Do(func() { close(g.all) })
	}
	g.mu.Unlock()
	select {
	case <-g.all:
	case <-time.After(10 * time.Second):
	}
	g.mu.Lock()
	g.inFlight--
	g.mu.Unlock()
	return g.Signer.Sign(r, digest, opts)
}

// TestStampBatch_Parallel proves that a batch is sealed on GOMAXPROCS workers at once: with
// GOMAXPROCS 4, four seals are under way together (the signer waits for all four), and the results
// still come in the order asked.
func TestStampBatch_Parallel(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	_, st, pki := setup(t)
	nos := issueVaried(t, st, 8)
	g := &gatedSigner{Signer: pki.SealKey, n: 4, all: make(chan struct{})}
	svc, err := stamp.NewService(st, stamp.Config{BaseURL: "https://kutseregister.example", Key: g, Chain: pki.Chain(),
		Profile: asice.ProfileB, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	res, err := svc.StampBatch(t.Context(), registrar, nos)
	if err != nil {
		t.Fatal(err)
	}
	if g.most != 4 {
		t.Errorf("at most %d seals at once; want 4 (GOMAXPROCS)", g.most)
	}
	for i, r := range res {
		if r.Request.Certificate != nos[i] {
			t.Errorf("result %d is of %s; want %s", i, r.Request.Certificate, nos[i])
		}
	}
}

// ExampleService_StampBatch stamps three certificates of a protocol at once for the registrar
// (TEST seal, Baseline-B): the results come in the order asked, and all three are recorded.
func ExampleService_StampBatch() {
	ctx := context.Background()
	st := memstore.New()
	var nos []certificate.Number
	for _, no := range []certificate.Number{"204580", "204581", "204582"} {
		c := cert204580()
		c.Number = no
		st.IssueCertificate(ctx, certificate.Issue{Certificate: c})
		nos = append(nos, no)
	}
	key, chain, _ := stamp.TestSeal(now)
	svc, _ := stamp.NewService(st, stamp.Config{BaseURL: "https://kutseregister.example", Key: key, Chain: chain,
		Now: func() time.Time { return now }})
	res, err := svc.StampBatch(ctx, actor.Keeper("90006414"), nos)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range res {
		fmt.Println(r.Name, r.Request.Status == request.Done)
	}
	_, err = svc.StampBatch(ctx, actor.Keeper("90006414"), []certificate.Number{"204580", "999999"})
	fmt.Println(err)
	// Output:
	// 204580.asice true
	// 204581.asice true
	// 204582.asice true
	// stamp: batch item 1 (999999): memstore: certificate "999999": store: not found
}
