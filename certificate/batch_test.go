package certificate_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/memstore"
)

// batchReqs returns n requests for certificates like 204580 without numbers, for holders born on
// consecutive days, keyed "protokoll-7/<i>".
func batchReqs(t *testing.T, n int) []certificate.IssueRequest {
	t.Helper()
	out := make([]certificate.IssueRequest, n)
	for i := range out {
		c := cert204580()
		c.Number, c.IssuedOn, c.ValidFrom = "", calendar.Date{}, calendar.Date{}
		c.Holder.Code = isikukood.MustParse("49502020047")
		if i > 0 {
			code, err := isikukood.Make(isikukood.Female, c.Holder.Code.BirthDate().AddDays(i), 1)
			if err != nil {
				t.Fatal(err)
			}
			c.Holder.Code = code
		}
		out[i] = certificate.IssueRequest{Certificate: c, IdempotencyKey: "protokoll-7/" + string(rune('a'+i))}
	}
	return out
}

// TestIssueBatch_CERT01_CERT09 proves that a batch is checked as single issues are (CERT-01), issued
// in one commit with numbers in order and a notice to each holder (CERT-09), and that a retry with the
// same keys issues nothing twice.
func TestIssueBatch_CERT01_CERT09(t *testing.T) {
	r, st := newRegistry(t)
	reqs := batchReqs(t, 3)
	cs, err := r.IssueBatch(t.Context(), body, reqs)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []certificate.Number{"000001", "000002", "000003"} {
		if cs[i].Number != want || cs[i].Version != 1 || cs[i].IssuedOn.String() != "2026-11-22" {
			t.Errorf("certificate %d = %s v%d issued %s; want %s v1 on 2026-11-22", i, cs[i].Number, cs[i].Version, cs[i].IssuedOn, want)
		}
	}
	again, err := r.IssueBatch(t.Context(), body, reqs)
	if err != nil || again[2].Number != "000003" {
		t.Fatalf("retry = %v, %v", again, err)
	}
	evs, _ := st.OutboxEvents(t.Context(), store.EventQuery{})
	if len(evs) != 3 || evs[1].Kind != certificate.EventIssued || evs[1].Subject != "000002" || evs[1].Recipient != cs[1].Holder.Code.String() {
		t.Errorf("events = %+v; want one notice to each holder", evs)
	}
}

// TestIssueBatch_Refused proves that a batch with one refused item issues nothing, and names the item.
func TestIssueBatch_Refused(t *testing.T) {
	r, st := newRegistry(t)
	reqs := batchReqs(t, 3)
	reqs[1].Certificate.Holder.Name = ""
	if _, err := r.IssueBatch(t.Context(), body, reqs); !errors.Is(err, certificate.ErrInvalid) || !strings.Contains(err.Error(), "batch item 1") {
		t.Errorf("IssueBatch(bad item 1) = %v; want ErrInvalid naming batch item 1", err)
	}
	if _, err := r.IssueBatch(t.Context(), other, batchReqs(t, 2)); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("IssueBatch(another body) = %v; want ErrForbidden", err)
	}
	if evs, _ := st.OutboxEvents(t.Context(), store.EventQuery{}); len(evs) != 0 {
		t.Errorf("refused batches left %d events", len(evs))
	}
	ins, err := r.PrepareBatch(body, batchReqs(t, 2))
	if err != nil || len(ins) != 2 || ins[0].Fingerprint == "" || len(ins[1].Events) != 1 || ins[0].Series.Width != 6 {
		t.Errorf("PrepareBatch = %+v, %v", ins, err)
	}
	if cs, _ := st.PublicCertificates(t.Context(), certificate.PublicQuery{}); len(cs) != 0 {
		t.Errorf("PrepareBatch stored %d certificates; want none", len(cs))
	}
	plain, _ := certificate.NewRegistry(onlyStore{memstore.New()}, certificate.Config{})
	if _, err := plain.IssueBatch(t.Context(), body, batchReqs(t, 1)); !errors.Is(err, certificate.ErrNoBatch) {
		t.Errorf("IssueBatch on a store without batches = %v; want ErrNoBatch", err)
	}
	dup := batchReqs(t, 2)
	dup[1].IdempotencyKey = dup[0].IdempotencyKey
	in, _ := r.PrepareBatch(body, dup)
	if err := certificate.CheckBatch(in); !errors.Is(err, certificate.ErrInvalid) {
		t.Errorf("CheckBatch(one key twice) = %v; want ErrInvalid", err)
	}
}

// onlyStore hides every method but certificate.Store's.
type onlyStore struct{ certificate.Store }

// TestZeroKindJSON proves that a certificate not yet drawn up (zero Kind) encodes to JSON and back,
// as a record assembled later holds it (EXV-08), while an invalid kind is still refused.
func TestZeroKindJSON(t *testing.T) {
	b, err := json.Marshal(certificate.Certificate{})
	if err != nil {
		t.Fatalf("Marshal(zero certificate) = %v", err)
	}
	var c certificate.Certificate
	if err := json.Unmarshal(b, &c); err != nil || c.Kind != 0 {
		t.Errorf("Unmarshal(%s) = %v, kind %v", b, err, c.Kind)
	}
	if _, err := json.Marshal(certificate.Certificate{Kind: 99}); err == nil {
		t.Error("Marshal(kind 99) succeeded")
	}
}
