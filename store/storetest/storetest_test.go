package storetest_test

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/memstore"
	"github.com/kutsekit/kutse/store/storetest"
)

// leaky returns hidden certificates to the public: it breaks CERT-04.
type leaky struct {
	*memstore.Store
	mu  sync.Mutex
	all []certificate.Number
}

func (l *leaky) IssueCertificate(ctx context.Context, in certificate.Issue) (certificate.Certificate, error) {
	c, err := l.Store.IssueCertificate(ctx, in)
	if err == nil {
		l.mu.Lock()
		l.all = append(l.all, c.Number)
		l.mu.Unlock()
	}
	return c, err
}

func (l *leaky) PublicCertificates(ctx context.Context, q certificate.PublicQuery) ([]certificate.Certificate, error) {
	var out []certificate.Certificate
	for _, no := range l.all {
		c, _ := l.Store.Certificate(ctx, no)
		out = append(out, c)
	}
	return out, nil
}

// eventless drops the events of an issue: it breaks the outbox.
type eventless struct{ *memstore.Store }

func (e eventless) IssueCertificate(ctx context.Context, in certificate.Issue) (certificate.Certificate, error) {
	in.Events = nil
	return e.Store.IssueCertificate(ctx, in)
}

// leaseless claims without leasing: two dispatchers take the same events.
type leaseless struct{ *memstore.Store }

func (l leaseless) ClaimEvents(ctx context.Context, c store.Claim) ([]store.Event, error) {
	c.Until = c.Now
	return l.Store.ClaimEvents(ctx, c)
}

// forgetful forgets failed attempts: a failing message is retried at once, for ever.
type forgetful struct{ *memstore.Store }

func (forgetful) RecordEventFailure(context.Context, int64, store.Failure) error { return nil }

// TestSuiteCatchesBrokenStores proves that the suite can fail: a store that shows hidden certificates
// to the public (CERT-04), one that loses outbox events, one that claims without a lease and one that
// forgets failed attempts are all caught, by the cases that check those clauses.
func TestSuiteCatchesBrokenStores(t *testing.T) {
	tests := []struct {
		name  string
		new   func() storetest.Store
		cases []string
	}{
		{"leaks hidden", func() storetest.Store { return &leaky{Store: memstore.New()} }, []string{"HiddenInvisibleToPublic"}},
		{"loses events", func() storetest.Store { return eventless{memstore.New()} }, []string{"ConcurrentIssuers", "Outbox"}},
		{"leases nothing", func() storetest.Store { return leaseless{memstore.New()} }, []string{"OutboxClaim", "OutboxConcurrentClaims"}},
		{"forgets failures", func() storetest.Store { return forgetful{memstore.New()} }, []string{"OutboxFailure", "DispatchFailingMessages", "DispatchSenderDown"}},
	}
	for _, tt := range tests {
		err := storetest.Check(t.Context(), func() (storetest.Store, error) { return tt.new(), nil })
		if err == nil {
			t.Errorf("%s: Check = nil; want failures", tt.name)
			continue
		}
		for _, c := range tt.cases {
			if !strings.Contains(err.Error(), c+":") {
				t.Errorf("%s: Check did not fail case %s:\n%v", tt.name, c, err)
			}
		}
	}
	if err := storetest.Check(t.Context(), func() (storetest.Store, error) { return memstore.New(), nil }); err != nil {
		t.Errorf("Check(memstore) = %v", err)
	}
}

// nameLeak matches the holder's name on every certificate, valid or not: it breaks CERT-12.
type nameLeak struct{ *memstore.Store }

func (n nameLeak) PublicCertificates(ctx context.Context, q certificate.PublicQuery) ([]certificate.Certificate, error) {
	all, err := n.Store.PublicCertificates(ctx, certificate.PublicQuery{On: q.On, Kind: q.Kind, IssuerCode: q.IssuerCode, Number: q.Number, After: q.After, Limit: 1000})
	if err != nil {
		return nil, err
	}
	var out []certificate.Certificate
	for _, c := range all {
		t := strings.ToLower(q.Text)
		if strings.Contains(strings.ToLower(c.Holder.Name), t) || strings.Contains(strings.ToLower(c.Title), t) ||
			strings.Contains(strings.ToLower(c.Standard), t) || strings.Contains(strings.ToLower(string(c.Number)), t) {
			out = append(out, c)
		}
	}
	return out[:min(len(out), q.EffectiveLimit())], nil
}

// kindLeak returns every kind to the public, school and exam documents too: it breaks the per-kind
// disclosure.
type kindLeak struct {
	*memstore.Store
	mu  sync.Mutex
	all []certificate.Certificate
}

func (k *kindLeak) IssueCertificate(ctx context.Context, in certificate.Issue) (certificate.Certificate, error) {
	c, err := k.Store.IssueCertificate(ctx, in)
	if err == nil {
		k.mu.Lock()
		k.all = append(k.all, c)
		k.mu.Unlock()
	}
	return c, err
}

func (k *kindLeak) PublicCertificates(ctx context.Context, q certificate.PublicQuery) ([]certificate.Certificate, error) {
	got, err := k.Store.PublicCertificates(ctx, q)
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, c := range k.all {
		if !c.Kind.Public() && !c.Hidden && (q.Number == "" || q.Number == c.Number) {
			got = append(got, c)
		}
	}
	return got, err
}

// TestPublicViewProperty_CatchesLeaks proves that the property test of the public view (CERT-04,
// CERT-12) can fail: it runs it, in a child process of this test binary, on a store that matches
// names of certificates that are not valid and on one that shows school and exam documents, and
// expects both runs to fail with the property's message.
func TestPublicViewProperty_CatchesLeaks(t *testing.T) {
	if name := os.Getenv("STORETEST_BROKEN"); name != "" {
		storetest.RunPublicView(t, func(*testing.T) storetest.Store {
			if name == "names" {
				return nameLeak{memstore.New()}
			}
			return &kindLeak{Store: memstore.New()}
		})
		return
	}
	for broken, want := range map[string]string{"names": "by the name of a certificate not valid", "kinds": "is not public"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestPublicViewProperty_CatchesLeaks$", "-rapid.nofailfile")
		cmd.Env = append(os.Environ(), "STORETEST_BROKEN="+broken)
		out, err := cmd.CombinedOutput()
		if err == nil || !strings.Contains(string(out), want) {
			t.Errorf("the property on the store that leaks %s: err %v; want a failure saying %q:\n%s", broken, err, want, out)
		}
	}
}
