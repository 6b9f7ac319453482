package certificate_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/memstore"
)

var (
	body   = actor.Body("80000001")
	other  = actor.Body("80000002")
	holder = isikukood.MustParse("49502020047")
	owner  = actor.OwnerOf(holder)
	clock  = func() time.Time { return time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC) }
)

func newRegistry(t *testing.T) (*certificate.Registry, *memstore.Store) {
	t.Helper()
	st := memstore.New()
	r, err := certificate.NewRegistry(st, certificate.Config{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	return r, st
}

// The registry's Now is its Config's clock, and time.Now when the zero Config gave none.
func TestRegistry_Now(t *testing.T) {
	r, _ := newRegistry(t)
	if got, want := r.Now(), clock(); !got.Equal(want) {
		t.Errorf("Now() = %v; want %v (Config.Now)", got, want)
	}
	d, err := certificate.NewRegistry(memstore.New(), certificate.Config{})
	if err != nil {
		t.Fatal(err)
	}
	before := time.Now()
	got := d.Now()
	if got.Before(before) || got.After(time.Now()) {
		t.Errorf("Now() with the zero Config = %v; want time.Now (about %v)", got, before)
	}
}

func issue204580(t *testing.T, r *certificate.Registry) certificate.Certificate {
	t.Helper()
	c, err := r.Issue(t.Context(), body, certificate.IssueRequest{Certificate: cert204580()})
	if err != nil {
		t.Fatalf("Issue: %v", err)
	}
	return c
}

// snapshot returns everything a store holds for the sample holder, to prove a refused call changed
// nothing.
func snapshot(t *testing.T, st *memstore.Store) (int, int) {
	cs, _ := st.HolderCertificates(context.Background(), holder)
	evs, _ := st.OutboxEvents(context.Background(), store.EventQuery{})
	return len(cs), len(evs)
}

// TestIssue_CERT01_CERT09 proves that issuing stores the certificate (CERT-01), allocates a number
// from the kind's series when none is given, and notifies the holder in the same commit (CERT-09).
func TestIssue_CERT01_CERT09(t *testing.T) {
	r, st := newRegistry(t)
	c := issue204580(t, r)
	if c.Version != 1 || c.Number != "204580" || !c.IssuedAt.Equal(clock()) {
		t.Fatalf("Issue = %s v%d at %v", c.Number, c.Version, c.IssuedAt)
	}
	fresh := cert204580()
	fresh.Number = ""
	n, err := r.Issue(t.Context(), body, certificate.IssueRequest{Certificate: fresh})
	if err != nil || n.Number != "000001" {
		t.Fatalf("Issue(without number) = %q, %v; want 000001", n.Number, err)
	}
	notices, err := r.Notices(t.Context(), owner, holder)
	if err != nil || len(notices) != 2 || notices[0].Kind != certificate.EventIssued || notices[0].Subject != "204580" {
		t.Fatalf("Notices = %+v, %v", notices, err)
	}
	if _, err := r.Notices(t.Context(), actor.Anonymous(), holder); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Notices(public) = %v; want ErrForbidden", err)
	}
	_, evs := snapshot(t, st)
	if evs != 2 {
		t.Errorf("outbox has %d events; want 2", evs)
	}
}

// TestIssue_Refused proves that an actor without the right, or bad input, is refused with a typed
// error and changes nothing in the store.
func TestIssue_Refused(t *testing.T) {
	r, st := newRegistry(t)
	bad := cert204580()
	bad.Holder.Name = ""
	tests := []struct {
		name string
		a    actor.Actor
		c    certificate.Certificate
		want error
	}{
		{"another awarding body", other, cert204580(), actor.ErrForbidden},
		{"the public", actor.Anonymous(), cert204580(), actor.ErrForbidden},
		{"the owner", owner, cert204580(), actor.ErrForbidden},
		{"a school issuing a kutsetunnistus", actor.SchoolOf("80000001"), cert204580(), actor.ErrForbidden},
		{"a body without its code", actor.Actor{Role: actor.AwardingBody}, cert204580(), actor.ErrForbidden},
		{"no holder name", body, bad, certificate.ErrInvalid},
	}
	for _, tt := range tests {
		_, err := r.Issue(t.Context(), tt.a, certificate.IssueRequest{Certificate: tt.c})
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: Issue = %v; want %v", tt.name, err, tt.want)
		}
	}
	if cs, evs := snapshot(t, st); cs != 0 || evs != 0 {
		t.Errorf("refused issues left %d certificates and %d events", cs, evs)
	}
	// The registrar may issue anything (entering existing certificates).
	if _, err := r.Issue(t.Context(), actor.Keeper("90006414"), certificate.IssueRequest{Certificate: cert204580()}); err != nil {
		t.Errorf("Issue(registrar) = %v", err)
	}
}

// TestIssue_Idempotent proves that a retried issue with the same key issues nothing twice, and a
// reused key with another certificate is refused.
func TestIssue_Idempotent(t *testing.T) {
	r, st := newRegistry(t)
	c := cert204580()
	c.Number = ""
	req := certificate.IssueRequest{Certificate: c, IdempotencyKey: "protokoll-12/rida-3"}
	a, err := r.Issue(t.Context(), body, req)
	if err != nil {
		t.Fatal(err)
	}
	b, err := r.Issue(t.Context(), body, req)
	if err != nil || b.Number != a.Number {
		t.Fatalf("retry = %s, %v; want %s", b.Number, err, a.Number)
	}
	if cs, evs := snapshot(t, st); cs != 1 || evs != 1 {
		t.Errorf("after a retry: %d certificates, %d events; want 1, 1", cs, evs)
	}
	req.Certificate.Title = "Kokk, tase 4"
	if _, err := r.Issue(t.Context(), body, req); !errors.Is(err, store.ErrExists) {
		t.Errorf("reused key = %v; want ErrExists", err)
	}
}

// TestHidePublish_CERT04 proves CERT-04: the owner hides and publishes; a hidden certificate is absent
// from public lookups and searches exactly as a missing one; only the owner may hide.
func TestHidePublish_CERT04(t *testing.T) {
	r, _ := newRegistry(t)
	issue204580(t, r)
	ctx := t.Context()
	if _, err := r.Hide(ctx, body, "204580"); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Hide(awarding body) = %v; want ErrForbidden", err)
	}
	if _, err := r.Hide(ctx, actor.OwnerOf(isikukood.MustParse("37605030299")), "204580"); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Hide(another person) = %v; want ErrForbidden", err)
	}
	h, err := r.Hide(ctx, owner, "204580")
	if err != nil || !h.Hidden || h.Version != 2 {
		t.Fatalf("Hide(owner) = %+v, %v", h, err)
	}
	if _, err := r.Lookup(ctx, actor.Anonymous(), "204580", d("2026-11-22")); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Lookup(hidden) = %v; want ErrNotFound", err)
	}
	_, missing := r.Lookup(ctx, actor.Anonymous(), "999999", d("2026-11-22"))
	_, hidden := r.Lookup(ctx, actor.Anonymous(), "204580", d("2026-11-22"))
	if errors.Is(missing, store.ErrNotFound) != errors.Is(hidden, store.ErrNotFound) {
		t.Errorf("a hidden certificate is told apart from a missing one: %v vs %v", hidden, missing)
	}
	for _, q := range []certificate.PublicQuery{{}, {Text: "Piskel"}, {Number: "204580"}} {
		if vs, err := r.Search(ctx, actor.Anonymous(), q, d("2026-11-22")); err != nil || len(vs) != 0 {
			t.Errorf("Search(%+v) with the only certificate hidden = %d, %v; want none", q, len(vs), err)
		}
	}
	again, err := r.Hide(ctx, owner, "204580")
	if err != nil || again.Version != 2 {
		t.Errorf("Hide(hidden) = v%d, %v; want no change", again.Version, err)
	}
	p, err := r.Publish(ctx, owner, "204580")
	if err != nil || p.Hidden {
		t.Fatalf("Publish = %+v, %v", p, err)
	}
	v, err := r.Lookup(ctx, actor.Anonymous(), "204580", d("2026-11-22"))
	if err != nil || v.HolderName != "Ema-Kaks Piskel" {
		t.Errorf("Lookup(published) = %+v, %v", v, err)
	}
	kinds := []string{}
	ns, _ := r.Notices(ctx, owner, holder)
	for _, n := range ns {
		kinds = append(kinds, n.Kind)
	}
	want := []string{certificate.EventIssued, certificate.EventHidden, certificate.EventPublished}
	if len(kinds) != 3 || kinds[1] != want[1] || kinds[2] != want[2] {
		t.Errorf("notices = %v; want %v", kinds, want)
	}
}

// TestGet_Actors proves who may read a full record: the owner, the issuer and the registrar.
func TestGet_Actors(t *testing.T) {
	r, _ := newRegistry(t)
	issue204580(t, r)
	for _, a := range []actor.Actor{owner, body, actor.Keeper("90006414")} {
		if _, err := r.Get(t.Context(), a, "204580"); err != nil {
			t.Errorf("Get(%v) = %v", a, err)
		}
	}
	for _, a := range []actor.Actor{actor.Anonymous(), other, actor.OwnerOf(isikukood.MustParse("37605030299"))} {
		if _, err := r.Get(t.Context(), a, "204580"); !errors.Is(err, actor.ErrForbidden) {
			t.Errorf("Get(%v) = %v; want ErrForbidden", a, err)
		}
	}
	if _, err := r.Get(t.Context(), owner, "000000"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get(missing) = %v; want ErrNotFound", err)
	}
}

// TestInvalidate_CERT11 proves CERT-11: the issuer's qualification committee declares a certificate
// invalid with a reason and a decision, from its date; the holder is notified (CERT-09); a second
// invalidation is refused by rule.
func TestInvalidate_CERT11(t *testing.T) {
	r, st := newRegistry(t)
	issue204580(t, r)
	ctx := t.Context()
	v := certificate.Invalidation{Date: d("2026-12-01"), Reason: "kutsetunnistus saadud võltsitud dokumendi alusel", Decision: "kutsekomisjoni otsus nr 7"}
	committee := actor.CommitteeOf(body.Org)
	if _, err := r.Invalidate(ctx, actor.CommitteeOf(other.Org), "204580", v); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Invalidate(other body's committee) = %v; want ErrForbidden", err)
	}
	if _, err := r.Invalidate(ctx, owner, "204580", v); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Invalidate(owner) = %v; want ErrForbidden", err)
	}
	if _, err := r.Invalidate(ctx, committee, "204580", certificate.Invalidation{}); !errors.Is(err, certificate.ErrInvalid) {
		t.Errorf("Invalidate(no reason) = %v; want ErrInvalid", err)
	}
	_, before := snapshot(t, st)
	c, err := r.Invalidate(ctx, committee, "204580", v)
	if err != nil {
		t.Fatal(err)
	}
	if c.StatusOn(d("2026-11-30")) != certificate.Valid || c.StatusOn(d("2026-12-01")) != certificate.Invalidated {
		t.Errorf("status around the invalidation: %v, %v", c.StatusOn(d("2026-11-30")), c.StatusOn(d("2026-12-01")))
	}
	if _, after := snapshot(t, st); after != before+1 {
		t.Errorf("events %d → %d; want one notice", before, after)
	}
	_, err = r.Invalidate(ctx, committee, "204580", v)
	var re *certificate.RuleError
	if !errors.As(err, &re) || re.Rule != "CERT-11" || !errors.Is(err, certificate.ErrInvalidated) {
		t.Errorf("second Invalidate = %v; want a CERT-11 RuleError", err)
	}
	if p, _ := r.Lookup(ctx, actor.Anonymous(), "204580", d("2026-12-02")); p.Status != certificate.Invalidated || p.HolderName != "" {
		t.Errorf("public view after invalidation = %v %q; want invalidated, no name", p.Status, p.HolderName)
	}
}

// TestInvalidate_SCH02 proves SCH-02: the issuing school may invalidate its leaving certificate, an
// awarding body may not; the invalidation applies regulation nr 113 in the version in force on its
// date, so one dated today (2026, no version known) is refused with law.ErrNoVersion and one dated
// inside the version is recorded (GEN-04).
func TestInvalidate_SCH02(t *testing.T) {
	r, _ := newRegistry(t)
	school := actor.SchoolOf("75016705")
	g := certificate.Certificate{Kind: certificate.Gymnasium, Holder: cert204580().Holder, Issuer: "Tallinna Reaalkool",
		IssuerCode: "75016705", IssuedOn: d("2014-07-15")}
	c, err := r.Issue(t.Context(), school, certificate.IssueRequest{Certificate: g})
	if err != nil || c.Number != "G000001" {
		t.Fatalf("Issue(gymnasium) = %q, %v", c.Number, err)
	}
	v := certificate.Invalidation{Reason: "haldusakt tunnistati kehtetuks", Decision: "direktori käskkiri 5"}
	if _, err := r.Invalidate(t.Context(), actor.Body("75016705"), c.Number, v); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Invalidate(body with the school's code) = %v; want ErrForbidden", err)
	}
	if _, err := r.Invalidate(t.Context(), school, c.Number, v); !errors.Is(err, law.ErrNoVersion) {
		t.Errorf("Invalidate(school, today 2026) = %v; want ErrNoVersion", err)
	}
	v.Date = d("2015-02-02")
	got, err := r.Invalidate(t.Context(), school, c.Number, v)
	if err != nil || got.Invalidated.Date != d("2015-02-02") {
		t.Errorf("Invalidate(school, 02.02.2015) = %+v, %v", got.Invalidated, err)
	}
}

// TestList_CERT02 proves the owner's list (CERT-02): all of the owner's certificates, hidden ones
// too, with marks on the date, and only for the owner or the registrar.
func TestList_CERT02(t *testing.T) {
	st := memstore.New()
	var asked []actor.Actor
	open := finder(func(_ context.Context, a actor.Actor, h isikukood.Code) ([]certificate.Number, error) {
		asked = append(asked, a)
		if h != holder {
			return nil, nil
		}
		return []certificate.Number{"204580"}, nil
	})
	r, err := certificate.NewRegistry(st, certificate.Config{Now: clock, Requests: open})
	if err != nil {
		t.Fatal(err)
	}
	issue204580(t, r)
	old := cert204580()
	old.Number, old.ValidFrom, old.IssuedOn, old.ValidUntil = "OT011089", d("2017-03-21"), d("2017-03-21"), d("2024-03-20")
	if _, err := r.Issue(t.Context(), body, certificate.IssueRequest{Certificate: old}); err != nil {
		t.Fatal(err)
	}
	r.Hide(t.Context(), owner, "204580")
	list, err := r.List(t.Context(), owner, holder, d("2026-11-22"))
	if err != nil || len(list) != 2 {
		t.Fatalf("List = %d, %v", len(list), err)
	}
	if list[0].Certificate.Number != "204580" || !list[0].Certificate.Hidden || !list[0].Mark.Attention.Has(certificate.AttentionOpenRequest) {
		t.Errorf("first entry = %s hidden %v mark %+v", list[0].Certificate.Number, list[0].Certificate.Hidden, list[0].Mark)
	}
	if list[1].Mark.Status != certificate.Expired || list[1].Mark.Symbol() != "⚠" {
		t.Errorf("OT011089 mark = %+v; want expired ⚠", list[1].Mark)
	}
	if _, err := r.List(t.Context(), body, holder, d("2026-11-22")); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("List(awarding body) = %v; want ErrForbidden", err)
	}
	if len(asked) != 1 || asked[0] != owner {
		t.Errorf("the request finder was asked by %v; want once, by the owner (the refused call asks nothing)", asked)
	}
	failing := finder(func(context.Context, actor.Actor, isikukood.Code) ([]certificate.Number, error) {
		return nil, store.ErrConflict
	})
	r2, _ := certificate.NewRegistry(st, certificate.Config{Now: clock, Requests: failing})
	if _, err := r2.List(t.Context(), owner, holder, d("2026-11-22")); !errors.Is(err, store.ErrConflict) {
		t.Errorf("List with a failing finder = %v; want its error", err)
	}
}

// finder adapts a function to certificate.RequestFinder.
type finder func(context.Context, actor.Actor, isikukood.Code) ([]certificate.Number, error)

func (f finder) OpenRequests(ctx context.Context, a actor.Actor, h isikukood.Code) ([]certificate.Number, error) {
	return f(ctx, a, h)
}

// TestPrepareIssue_CERT01 proves that PrepareIssue checks and fills in a certificate as Issue does
// and stores nothing: the actor's right, the fields, the defaults, the fingerprint of an idempotent
// request and the notice to the holder (CERT-09).
func TestPrepareIssue_CERT01(t *testing.T) {
	r, st := newRegistry(t)
	c := cert204580()
	c.Number, c.IssuedOn, c.ValidFrom = "", calendar.Date{}, calendar.Date{}
	in, err := r.PrepareIssue(body, certificate.IssueRequest{Certificate: c, IdempotencyKey: "application/1"})
	if err != nil {
		t.Fatal(err)
	}
	if in.Certificate.IssuedOn != d("2026-11-22") || in.Certificate.ValidFrom != d("2026-11-22") || in.Fingerprint == "" ||
		in.IdempotencyKey != "application/1" || in.Series != certificate.DefaultSeries(certificate.Occupational) {
		t.Errorf("PrepareIssue = %+v", in)
	}
	if len(in.Events) != 1 || in.Events[0].Kind != certificate.EventIssued || in.Events[0].Recipient != holder.String() {
		t.Errorf("PrepareIssue events = %+v; want the notice to the holder", in.Events)
	}
	if n, evs := snapshot(t, st); n != 0 || evs != 0 {
		t.Errorf("PrepareIssue stored %d certificates, %d events; want none", n, evs)
	}
	if _, err := r.PrepareIssue(other, certificate.IssueRequest{Certificate: c}); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("PrepareIssue(another body) = %v; want ErrForbidden", err)
	}
	c.Holder.Name = ""
	if _, err := r.PrepareIssue(body, certificate.IssueRequest{Certificate: c}); !errors.Is(err, certificate.ErrInvalid) {
		t.Errorf("PrepareIssue(no name) = %v; want ErrInvalid", err)
	}
}

// BenchmarkRegistryIssue measures issuing through the service (validation, fingerprint, event) on
// memstore, one goroutine.
func BenchmarkRegistryIssue(b *testing.B) {
	st := memstore.New()
	r, _ := certificate.NewRegistry(st, certificate.Config{Now: clock})
	c := cert204580()
	c.Number = ""
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Issue(ctx, body, certificate.IssueRequest{Certificate: c}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestNotifyExpiring_CERT09 proves the register's "expires within six months" notice (CERT-09): raised
// once per certificate, only for valid ones inside the window, only by the registrar.
func TestNotifyExpiring_CERT09(t *testing.T) {
	r, st := newRegistry(t)
	issue204580(t, r) // valid until 2030-01-08
	keeper := actor.Keeper("90006414")
	if _, err := r.NotifyExpiring(t.Context(), owner, d("2029-07-08")); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("NotifyExpiring(owner) = %v; want ErrForbidden", err)
	}
	for _, tt := range []struct {
		on   string
		want int
	}{{"2029-07-07", 0}, {"2029-07-08", 1}, {"2029-07-09", 0}, {"2029-12-01", 0}} {
		n, err := r.NotifyExpiring(t.Context(), keeper, d(tt.on))
		if err != nil || n != tt.want {
			t.Errorf("NotifyExpiring(%s) = %d, %v; want %d", tt.on, n, err, tt.want)
		}
	}
	c, _ := st.Certificate(t.Context(), "204580")
	if c.ExpiryNotice != d("2029-07-08") {
		t.Errorf("ExpiryNotice = %v", c.ExpiryNotice)
	}
	ns, _ := r.Notices(t.Context(), owner, holder)
	if len(ns) != 2 || ns[1].Kind != certificate.EventExpiring || ns[1].Data["until"] != "2030-01-08" {
		t.Errorf("notices = %+v", ns)
	}
}
