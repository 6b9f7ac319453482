package notify_test

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
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/notify"
	"github.com/kutsekit/kutse/store/memstore"
)

var now = func() time.Time { return time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC) }

// registerWithNotices issues 204580, hides it and declares it invalid: three notices to its owner.
func registerWithNotices() (*memstore.Store, error) {
	st := memstore.New()
	reg, err := certificate.NewRegistry(st, &certificate.Options{Now: now})
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	body := actor.Body("80000001")
	if _, err := reg.Issue(ctx, body, certificate.IssueRequest{Certificate: sample.Certificate204580()}); err != nil {
		return nil, err
	}
	if _, err := reg.Hide(ctx, actor.OwnerOf(sample.Holder()), "204580"); err != nil {
		return nil, err
	}
	_, err = reg.Invalidate(ctx, actor.CommitteeOf(body.Org), "204580", certificate.Invalidation{Date: calendar.MustDate(2026, 12, 1),
		Reason: "võltsitud dokument", Decision: "kutsekomisjoni otsus nr 7"})
	return st, err
}

func setup(t *testing.T) *memstore.Store {
	t.Helper()
	st, err := registerWithNotices()
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestDispatch_CERT09 proves CERT-09: the register's notices reach the certificate's owner, each
// once, in order, and marked sent only after the sender took it.
func TestDispatch_CERT09(t *testing.T) {
	st := setup(t)
	var got []notify.Message
	d := &notify.Dispatcher{Outbox: st, Sender: notify.SenderFunc(func(_ context.Context, m notify.Message) error {
		got = append(got, m)
		return nil
	})}
	n, err := d.Dispatch(t.Context())
	if err != nil || n != 3 {
		t.Fatalf("Dispatch = %d, %v; want 3", n, err)
	}
	kinds := []string{got[0].Kind, got[1].Kind, got[2].Kind}
	want := []string{certificate.EventIssued, certificate.EventHidden, certificate.EventInvalidated}
	if fmt.Sprint(kinds) != fmt.Sprint(want) || got[0].To != sample.HolderCode {
		t.Errorf("messages %v to %q; want %v to the owner", kinds, got[0].To, want)
	}
	if !strings.Contains(got[2].Body, "01.12.2026") || !strings.Contains(got[2].Body, "võltsitud dokument") {
		t.Errorf("invalidation notice = %q", got[2].Body)
	}
	if n, err := d.Dispatch(t.Context()); n != 0 || err != nil {
		t.Errorf("second Dispatch = %d, %v; want nothing left", n, err)
	}
}

// TestDispatch_SenderFails proves at-least-once delivery: a failing sender stops the round, the event
// stays unsent, and the next round delivers it.
func TestDispatch_SenderFails(t *testing.T) {
	st := setup(t)
	calls := 0
	d := &notify.Dispatcher{Outbox: st, Sender: notify.SenderFunc(func(_ context.Context, m notify.Message) error {
		calls++
		if calls == 2 {
			return errors.New("smtp: 451 try again")
		}
		return nil
	})}
	n, err := d.Dispatch(t.Context())
	if n != 1 || err == nil || !strings.Contains(err.Error(), "451") {
		t.Fatalf("Dispatch = %d, %v; want 1 and the sender's error", n, err)
	}
	unsent, _ := st.CertificateEvents(t.Context(), certificate.EventQuery{Unsent: true})
	if len(unsent) != 2 {
		t.Errorf("unsent after the failure = %d; want 2", len(unsent))
	}
	if n, err := d.Dispatch(t.Context()); n != 2 || err != nil {
		t.Errorf("retry = %d, %v; want 2", n, err)
	}
}

// TestRender_GEN05 proves that every notice comes in Estonian and English, and an unknown kind still
// renders.
func TestRender_GEN05(t *testing.T) {
	st := setup(t)
	evs, _ := st.CertificateEvents(t.Context(), certificate.EventQuery{})
	et := notify.Render(evs[0], law.Estonian)
	en := notify.Render(evs[0], law.English)
	if et.Subject != "Kutseregistrisse on kantud tunnistus 204580" || !strings.Contains(en.Body, "has been issued to you") {
		t.Errorf("et %q / en %q", et.Subject, en.Body)
	}
	exp := evs[0]
	exp.Kind, exp.Data = certificate.EventExpiring, map[string]string{"until": "2030-01-08", "title": "Sõiduautodiagnostik, tase 5"}
	if m := notify.Render(exp, law.Estonian); !strings.Contains(m.Body, "kehtib kuni 08.01.2030") {
		t.Errorf("expiry notice = %q", m.Body)
	}
	other := evs[0]
	other.Kind, other.Data = "proficiency.graded", map[string]string{"passed": "true"}
	if m := notify.Render(other, law.English); m.Subject != "Notice: proficiency.graded" || !strings.Contains(m.Body, "passed: true") {
		t.Errorf("generic = %+v", m)
	}
}

func Example() {
	st, err := registerWithNotices()
	if err != nil {
		fmt.Println(err)
		return
	}
	d := &notify.Dispatcher{Outbox: st, Lang: func(string) law.Lang { return law.English },
		Sender: notify.SenderFunc(func(_ context.Context, m notify.Message) error {
			fmt.Println(m.EventID, m.Subject)
			return nil
		})}
	n, err := d.Dispatch(context.Background())
	fmt.Println(n, err)
	// Output:
	// 1 Certificate 204580 has been entered in the register
	// 2 Certificate 204580 is now hidden
	// 3 Certificate 204580 has been declared invalid
	// 3 <nil>
}
