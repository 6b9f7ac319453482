package request_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/duplicate"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/memstore"
	"github.com/kutsekit/kutse/store/storetest"
)

var (
	holder = storetest.Holder(1)
	owner  = actor.OwnerOf(holder)
	body   = actor.Body("80015264") // storetest.Sample's issuer
	clock  = func() time.Time { return time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC) }
)

// setup returns a service on a store holding the holder's certificate KT000001 (issued by body)
// and another holder's KT000002, with the store's duplicate cases as a source.
func setup(t *testing.T) (*request.Service, *memstore.Store) {
	t.Helper()
	st := memstore.New()
	for i, no := range []certificate.Number{"KT000001", "KT000002"} {
		c := storetest.Sample(i + 1)
		c.Number = no
		if _, err := st.IssueCertificate(t.Context(), certificate.Issue{Certificate: c}); err != nil {
			t.Fatal(err)
		}
	}
	svc, err := request.NewService(st, request.Config{Now: clock, Sources: []request.Source{duplicate.Requests(st)}})
	if err != nil {
		t.Fatal(err)
	}
	return svc, st
}

func events(t *testing.T, st *memstore.Store) []store.Event {
	t.Helper()
	evs, err := st.OutboxEvents(context.Background(), store.EventQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

// TestAsk_CERT08 proves that the owner asks the awarding body that issued the certificate a
// question: an open request addressed to the body, with the notice to the body (an organisation,
// not the owner), and that only the owner asks, about their own certificate, with a question.
func TestAsk_CERT08(t *testing.T) {
	svc, st := setup(t)
	r, err := svc.Ask(t.Context(), owner, "KT000001", "  Kas tunnistus kehtib Soomes?  ")
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != request.Question || r.Status != request.Open || r.Addressee != "80015264" || r.Text != "Kas tunnistus kehtib Soomes?" ||
		r.Holder != holder || r.Date != calendar.MustDate(2026, 11, 23) || r.Version != 1 {
		t.Errorf("Ask = %+v", r)
	}
	evs := events(t, st)
	if len(evs) != 1 || evs[0].Kind != request.EventAsked || evs[0].Recipient != "80015264" || evs[0].Data["to"] != store.ToOrganisation ||
		evs[0].Data["question"] != r.Text || evs[0].Data["certificate"] != "KT000001" || evs[0].Data["holder"] != "Test Isik 1" {
		t.Errorf("events = %+v; want one notice to the awarding body", evs)
	}
	for _, tc := range []struct {
		name string
		a    actor.Actor
		no   certificate.Number
		q    string
		want error
	}{
		{"another's certificate", owner, "KT000002", "küsimus", actor.ErrForbidden},
		{"the body", body, "KT000001", "küsimus", actor.ErrForbidden},
		{"the public", actor.Anonymous(), "KT000001", "küsimus", actor.ErrForbidden},
		{"no question", owner, "KT000001", " \n ", invalid.ErrInvalid},
		{"too long", owner, "KT000001", strings.Repeat("ä", request.MaxText+1), invalid.ErrInvalid},
		{"unknown certificate", owner, "KT999999", "küsimus", store.ErrNotFound},
	} {
		if _, err := svc.Ask(t.Context(), tc.a, tc.no, tc.q); !errors.Is(err, tc.want) {
			t.Errorf("Ask(%s) = %v; want %v", tc.name, err, tc.want)
		}
	}
	if n := len(events(t, st)); n != 1 {
		t.Errorf("refused questions left %d events; want 1", n)
	}
}

// TestAnswer_CERT08 proves that the awarding body answers the question addressed to it, which
// closes it and notifies the owner (a person), and that nobody else answers and nobody answers
// twice.
func TestAnswer_CERT08(t *testing.T) {
	svc, st := setup(t)
	q, err := svc.Ask(t.Context(), owner, "KT000001", "Kas tunnistus kehtib Soomes?")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []actor.Actor{actor.Body("80040205"), {Role: actor.Partner, Org: "70000001", For: "80015264"}, owner} {
		if _, err := svc.Answer(t.Context(), a, q.Number, "Jah."); !errors.Is(err, actor.ErrForbidden) {
			t.Errorf("Answer(%v) = %v; want ErrForbidden", a, err)
		}
	}
	if _, err := svc.Answer(t.Context(), body, q.Number, ""); !errors.Is(err, invalid.ErrInvalid) {
		t.Errorf("Answer(empty) = %v; want ErrInvalid", err)
	}
	a, err := svc.Answer(t.Context(), body, q.Number, "Kutsetunnistus on Eestis väljastatud dokument; Soomes otsustab tunnustamise tööandja.")
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != request.Done || !a.AnsweredAt.Equal(clock()) || a.Version != 2 || !strings.HasPrefix(a.Answer, "Kutsetunnistus") {
		t.Errorf("Answer = %+v", a)
	}
	evs := events(t, st)
	if len(evs) != 2 || evs[1].Kind != request.EventAnswered || evs[1].Recipient != holder.String() || evs[1].Data["to"] != store.ToPerson ||
		evs[1].Data["answer"] != a.Answer || evs[1].Data["by"] != "80015264" || evs[1].Data["title"] != "Kokk, tase 4" ||
		evs[1].Data["byName"] != "Eesti Hotellide ja Restoranide Liit" {
		t.Errorf("events = %+v; want the answer to the owner", evs)
	}
	_, err = svc.Answer(t.Context(), body, q.Number, "Veel üks vastus.")
	if re, ok := errors.AsType[*certificate.RuleError](err); !ok || !errors.Is(err, request.ErrClosed) || re.Rule != "CERT-08" {
		t.Errorf("Answer(again) = %v; want a CERT-08 RuleError wrapping ErrClosed", err)
	}
	// The registrar may answer too: the notice then names no awarding body as the one who answered.
	q2, err := svc.Ask(t.Context(), owner, "KT000001", "Kes minu tunnistuse andmeid parandab?")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Answer(t.Context(), actor.Keeper("90006414"), q2.Number, "Andmeid parandab kutse andja."); err != nil {
		t.Fatal(err)
	}
	if evs := events(t, st); len(evs) != 4 || evs[3].Data["by"] != "90006414" || evs[3].Data["byName"] != "" {
		t.Errorf("the registrar's answer = %+v; want by the registrar, naming no awarding body", evs[len(evs)-1])
	}
	stamp, _ := st.CreateRequest(t.Context(), storetest.Request(1, "KT000001", request.DigitalStamp), nil)
	if _, err := svc.Answer(t.Context(), body, stamp.Number, "vastus"); !errors.Is(err, invalid.ErrInvalid) {
		t.Errorf("Answer(a stamp) = %v; want ErrInvalid", err)
	}
	got, err := svc.Get(t.Context(), owner, q.Number)
	if err != nil || got.Answer != a.Answer {
		t.Errorf("Get(owner) = %+v, %v", got, err)
	}
	if _, err := svc.Get(t.Context(), actor.OwnerOf(storetest.Holder(2)), q.Number); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Get(another owner) = %v; want ErrForbidden", err)
	}
}

// TestAddressed_CERT08 proves that the awarding body reads the questions addressed to it, and only
// those.
func TestAddressed_CERT08(t *testing.T) {
	svc, _ := setup(t)
	q1, _ := svc.Ask(t.Context(), owner, "KT000001", "esimene")
	q2, _ := svc.Ask(t.Context(), owner, "KT000001", "teine")
	if _, err := svc.Answer(t.Context(), body, q1.Number, "vastus"); err != nil {
		t.Fatal(err)
	}
	open, err := svc.Addressed(t.Context(), body, "80015264", request.Query{Open: true})
	if err != nil || len(open) != 1 || open[0].Number != q2.Number {
		t.Errorf("Addressed(open) = %+v, %v; want the second question", open, err)
	}
	if _, err := svc.Addressed(t.Context(), actor.Body("80040205"), "80015264", request.Query{}); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Addressed(another body) = %v; want ErrForbidden", err)
	}
}

// TestList_CERT10 proves the owner's list of requests: digital stamps, questions and duplicate
// cases together, newest first, each with its kind, certificate, date and status; and that the
// certificate Registry marks the certificates with open requests in the owner's list (CERT-02)
// without the host passing them in.
func TestList_CERT10(t *testing.T) {
	svc, st := setup(t)
	ctx := t.Context()
	stampReq := storetest.Request(1, "KT000001", request.DigitalStamp)
	stampReq.At = time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	if _, err := st.CreateRequest(ctx, stampReq, nil); err != nil {
		t.Fatal(err)
	}
	c := storetest.DuplicateCase(1, "KT000001") // submitted 2026-11-23 09:30 UTC, the clock's instant
	if _, err := st.CreateCase(ctx, c, nil); err != nil {
		t.Fatal(err)
	}
	q, err := svc.Ask(ctx, owner, "KT000001", "küsimus")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := svc.List(ctx, owner, holder)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, r := range rs {
		kinds = append(kinds, r.Kind.String()+"/"+r.Status.String())
	}
	if got := strings.Join(kinds, " "); got != "question/open duplicate/open digital-stamp/done" {
		t.Errorf("List = %s; want the question, the duplicate, the stamp", got)
	}
	if rs[0].Number != q.Number || rs[1].Certificate != "KT000001" {
		t.Errorf("List = %+v", rs)
	}
	if _, err := svc.List(ctx, body, holder); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("List(body) = %v; want ErrForbidden", err)
	}

	reg, err := certificate.NewRegistry(st, certificate.Config{Now: clock, Requests: svc})
	if err != nil {
		t.Fatal(err)
	}
	list, err := reg.List(ctx, owner, holder, calendar.MustDate(2026, 11, 23))
	if err != nil || len(list) != 1 {
		t.Fatalf("Registry.List = %+v, %v", list, err)
	}
	if !list[0].Mark.Attention.Has(certificate.AttentionOpenRequest) {
		t.Errorf("KT000001 mark = %+v; want attention for its open requests", list[0].Mark)
	}
	open, err := svc.OpenRequests(ctx, owner, holder)
	if err != nil || len(open) != 1 || open[0] != "KT000001" {
		t.Errorf("OpenRequests = %v, %v; want KT000001 once", open, err)
	}
}

func ExampleService_Ask() {
	ctx := context.Background()
	st := memstore.New()
	c := storetest.Sample(1)
	c.Number = "KT000001"
	st.IssueCertificate(ctx, certificate.Issue{Certificate: c})
	svc, _ := request.NewService(st, request.Config{Now: clock})

	q, _ := svc.Ask(ctx, actor.OwnerOf(c.Holder.Code), "KT000001", "Kas tunnistus kehtib Soomes?")
	a, _ := svc.Answer(ctx, actor.Body(c.IssuerCode), q.Number, "Tunnustamise otsustab Soome tööandja.")
	evs, _ := st.OutboxEvents(ctx, store.EventQuery{})
	for _, e := range evs {
		fmt.Println(e.Kind, e.Data["to"], e.Recipient == c.IssuerCode)
	}
	fmt.Println(a.Kind, a.Status, a.Answer)
	// Output:
	// request.asked organisation true
	// request.answered person false
	// question done Tunnustamise otsustab Soome tööandja.
}
