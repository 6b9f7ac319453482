package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/store"
)

var cases = []testCase{
	{
		name:        "NotFound",
		explanation: "Certificate and UpdateCertificate of a number never stored return an error wrapping store.ErrNotFound",
		check: func(ctx context.Context, s Store) error {
			_, err := s.Certificate(ctx, "KT999999")
			if e := wantErr("Certificate(missing)", err, store.ErrNotFound); e != nil {
				return e
			}
			c := Sample(1)
			c.Number, c.Version = "KT999999", 1
			_, err = s.UpdateCertificate(ctx, c, nil)
			if e := wantErr("UpdateCertificate(missing)", err, store.ErrNotFound); e != nil {
				return e
			}
			if err := s.MarkEventsSent(ctx, 12345); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("MarkEventsSent(unknown) = %v; want ErrNotFound", err)
			}
			return nil
		},
	},
	{
		name:        "IssueStoresVersionOne",
		explanation: "IssueCertificate stores the certificate as given, with Version 1, and Certificate returns it",
		check: func(ctx context.Context, s Store) error {
			c, err := issue(ctx, s, 1, "")
			if err != nil {
				return fmt.Errorf("IssueCertificate: %v", err)
			}
			if c.Version != 1 || c.Number == "" {
				return fmt.Errorf("IssueCertificate = number %q version %d; want a number and version 1", c.Number, c.Version)
			}
			got, err := s.Certificate(ctx, c.Number)
			if err != nil {
				return fmt.Errorf("Certificate(%s): %v", c.Number, err)
			}
			want := Sample(1)
			want.Number, want.Version = c.Number, 1
			if !equal(got, want) {
				return fmt.Errorf("Certificate(%s) =\n\t%+v\nwant\n\t%+v", c.Number, got, want)
			}
			return nil
		},
	},
	{
		name:        "Exists",
		explanation: "IssueCertificate with a number already stored returns an error wrapping store.ErrExists and writes nothing, not even its events",
		check: func(ctx context.Context, s Store) error {
			c := Sample(1)
			c.Number = "KT000777"
			in := certificate.Issue{Certificate: c, Series: series, Events: []store.Event{issued(certificate.EventIssued, c)}}
			if _, err := s.IssueCertificate(ctx, in); err != nil {
				return fmt.Errorf("first IssueCertificate: %v", err)
			}
			in.Certificate.Holder = Sample(2).Holder
			_, err := s.IssueCertificate(ctx, in)
			if e := wantErr("second IssueCertificate(same number)", err, store.ErrExists); e != nil {
				return e
			}
			got, _ := s.Certificate(ctx, "KT000777")
			if got.Holder.Code != c.Holder.Code {
				return fmt.Errorf("after the refused issue the stored holder is %v; want the first %v", got.Holder.Code, c.Holder.Code)
			}
			if cs, _ := s.HolderCertificates(ctx, Sample(2).Holder.Code); len(cs) != 0 {
				return fmt.Errorf("the refused issue left %d certificates for its holder; want 0", len(cs))
			}
			evs, err := allEvents(ctx, s)
			if err != nil {
				return err
			}
			if len(evs) != 1 {
				return fmt.Errorf("outbox has %d events after one issue and one refused issue; want 1", len(evs))
			}
			return nil
		},
	},
	{
		name:        "VersionConflict",
		explanation: "UpdateCertificate succeeds only on the stored Version, returns Version+1, and otherwise wraps store.ErrConflict and stores nothing",
		check: func(ctx context.Context, s Store) error {
			c, err := issue(ctx, s, 1, "")
			if err != nil {
				return err
			}
			c.Hidden = true
			u, err := s.UpdateCertificate(ctx, c, []store.Event{{Kind: certificate.EventHidden, Recipient: c.Holder.Code.String()}})
			if err != nil {
				return fmt.Errorf("UpdateCertificate(version 1): %v", err)
			}
			if u.Version != 2 || !u.Hidden {
				return fmt.Errorf("UpdateCertificate = version %d hidden %v; want 2 true", u.Version, u.Hidden)
			}
			stale := c // version 1
			stale.Hidden = false
			stale.Title = "Muudetud"
			_, err = s.UpdateCertificate(ctx, stale, []store.Event{{Kind: certificate.EventPublished}})
			if e := wantErr("UpdateCertificate(stale version 1)", err, store.ErrConflict); e != nil {
				return e
			}
			got, _ := s.Certificate(ctx, c.Number)
			if got.Version != 2 || !got.Hidden || got.Title != c.Title {
				return fmt.Errorf("after the stale update the stored record is version %d hidden %v title %q; want 2 true %q", got.Version, got.Hidden, got.Title, c.Title)
			}
			evs, _ := allEvents(ctx, s)
			if len(evs) != 2 {
				return fmt.Errorf("outbox has %d events; want 2 (issued, hidden): the stale update's event must not be stored", len(evs))
			}
			ahead := got
			ahead.Version = 7
			if _, err := s.UpdateCertificate(ctx, ahead, nil); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("UpdateCertificate(version from the future) = %v; want ErrConflict", err)
			}
			return nil
		},
	},
	{
		name:        "ImmutableIdentity",
		explanation: "UpdateCertificate never changes a certificate's kind or holder's code: such an update wraps certificate.ErrInvalid",
		check: func(ctx context.Context, s Store) error {
			c, err := issue(ctx, s, 1, "")
			if err != nil {
				return err
			}
			moved := c
			moved.Holder = Sample(2).Holder
			if _, err := s.UpdateCertificate(ctx, moved, nil); !errors.Is(err, certificate.ErrInvalid) {
				return fmt.Errorf("UpdateCertificate(new holder code) = %v; want ErrInvalid", err)
			}
			kind := c
			kind.Kind = certificate.Partial
			if _, err := s.UpdateCertificate(ctx, kind, nil); !errors.Is(err, certificate.ErrInvalid) {
				return fmt.Errorf("UpdateCertificate(new kind) = %v; want ErrInvalid", err)
			}
			return nil
		},
	},
	{
		name:        "Numbering",
		explanation: "numbers are allocated from the series in order from First, never twice, skipping only numbers already taken; series are independent",
		check: func(ctx context.Context, s Store) error {
			taken := Sample(9)
			taken.Number = "KT000102"
			if _, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: taken, Series: series}); err != nil {
				return err
			}
			ser := certificate.Series{Prefix: "KT", Width: 6, First: 100}
			var got []certificate.Number
			for i := range 4 {
				c, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: Sample(i), Series: ser})
				if err != nil {
					return fmt.Errorf("IssueCertificate %d: %v", i, err)
				}
				got = append(got, c.Number)
			}
			want := []certificate.Number{"KT000100", "KT000101", "KT000103", "KT000104"}
			if !reflect.DeepEqual(got, want) {
				return fmt.Errorf("numbers = %v; want %v", got, want)
			}
			other, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: Sample(5), Series: certificate.Series{Prefix: "OT", Width: 6, First: 11089}})
			if err != nil {
				return err
			}
			if other.Number != "OT011089" {
				return fmt.Errorf("first number of series OT/6 from 11089 = %s; want OT011089", other.Number)
			}
			return nil
		},
	},
	{
		name:        "Idempotency",
		explanation: "a second IssueCertificate with the same idempotency key and fingerprint returns the first certificate and writes nothing; another fingerprint wraps store.ErrExists",
		check: func(ctx context.Context, s Store) error {
			a, err := issue(ctx, s, 1, "protocol-7/person-1")
			if err != nil {
				return err
			}
			b, err := issue(ctx, s, 1, "protocol-7/person-1")
			if err != nil {
				return fmt.Errorf("retry with the same key: %v", err)
			}
			if b.Number != a.Number || b.Version != a.Version {
				return fmt.Errorf("retry returned %s v%d; want the first, %s v%d", b.Number, b.Version, a.Number, a.Version)
			}
			cs, _ := s.HolderCertificates(ctx, Holder(1))
			evs, _ := allEvents(ctx, s)
			if len(cs) != 1 || len(evs) != 1 {
				return fmt.Errorf("after a retry: %d certificates and %d events; want 1 and 1", len(cs), len(evs))
			}
			_, err = issue(ctx, s, 2, "protocol-7/person-1")
			return wantErr("IssueCertificate(same key, other request)", err, store.ErrExists)
		},
	},
	{
		name:        "ConcurrentIssuers",
		explanation: "1,000 concurrent issuers on one series get 1,000 distinct numbers with no gap, every certificate is stored, and every event is in the outbox exactly once",
		check:       concurrentIssuers,
	},
	{
		name:        "HiddenInvisibleToPublic",
		explanation: "PublicCertificates never returns a hidden certificate, whatever the query (CERT-04)",
		check: func(ctx context.Context, s Store) error {
			pub, err := issue(ctx, s, 1, "")
			if err != nil {
				return err
			}
			hid, err := issue(ctx, s, 2, "")
			if err != nil {
				return err
			}
			hid.Hidden = true
			if hid, err = s.UpdateCertificate(ctx, hid, nil); err != nil {
				return err
			}
			queries := []certificate.PublicQuery{
				{}, {Number: hid.Number}, {Text: "Test Isik 2"}, {Text: string(hid.Number)}, {IssuerCode: hid.IssuerCode},
				{Kind: certificate.Occupational}, {Text: "kokk"},
			}
			for _, q := range queries {
				q.On = sampleDay
				cs, err := s.PublicCertificates(ctx, q)
				if err != nil {
					return fmt.Errorf("PublicCertificates(%+v): %v", q, err)
				}
				for _, c := range cs {
					if c.Hidden || c.Number == hid.Number {
						return fmt.Errorf("PublicCertificates(%+v) returned hidden %s", q, c.Number)
					}
				}
			}
			cs, _ := s.PublicCertificates(ctx, certificate.PublicQuery{On: sampleDay, Text: "KOKK"})
			if len(cs) != 1 || cs[0].Number != pub.Number {
				return fmt.Errorf("PublicCertificates(Text KOKK) = %d results; want the one public certificate %s", len(cs), pub.Number)
			}
			own, _ := s.HolderCertificates(ctx, Holder(2))
			if len(own) != 1 || !own[0].Hidden {
				return fmt.Errorf("HolderCertificates of the hidden one's owner = %d; want 1 hidden (the owner sees all, CERT-04)", len(own))
			}
			return nil
		},
	},
	{
		name:        "PublicQuery",
		explanation: "PublicCertificates matches Text case-insensitively (Estonian letters too) in the holder's name, title, standard and number (an allocated one too), filters by number, issuer and kind, and pages by number with After and Limit",
		check: func(ctx context.Context, s Store) error {
			for i := range 5 {
				c := Sample(i)
				if i == 3 {
					c.Holder.Name = "Õie Šašlõkk-Ülane"
				}
				if _, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: c, Series: series}); err != nil {
					return err
				}
			}
			cs, _ := s.PublicCertificates(ctx, certificate.PublicQuery{On: sampleDay, Text: "ŠAŠLÕKK-ÜL"})
			if len(cs) != 1 || cs[0].Holder.Name != "Õie Šašlõkk-Ülane" {
				return fmt.Errorf("Text ŠAŠLÕKK-ÜL found %d; want Õie Šašlõkk-Ülane", len(cs))
			}
			page1, _ := s.PublicCertificates(ctx, certificate.PublicQuery{On: sampleDay, Limit: 2})
			page2, _ := s.PublicCertificates(ctx, certificate.PublicQuery{On: sampleDay, Limit: 2, After: page1[len(page1)-1].Number})
			if len(page1) != 2 || len(page2) != 2 || page1[0].Number != "KT000001" || page2[0].Number != "KT000003" {
				return fmt.Errorf("pages = %v, %v; want KT000001.., KT000003..", numbers(page1), numbers(page2))
			}
			if cs, _ := s.PublicCertificates(ctx, certificate.PublicQuery{On: sampleDay, IssuerCode: "other"}); len(cs) != 0 {
				return fmt.Errorf("IssuerCode other found %d; want 0", len(cs))
			}
			if cs, _ := s.PublicCertificates(ctx, certificate.PublicQuery{On: sampleDay, Kind: certificate.Partial}); len(cs) != 0 {
				return fmt.Errorf("Kind partial found %d; want 0", len(cs))
			}
			if cs, _ := s.PublicCertificates(ctx, certificate.PublicQuery{On: sampleDay, Text: "kt000002"}); len(cs) != 1 || cs[0].Number != "KT000002" {
				return fmt.Errorf("Text kt000002 (an allocated number) found %v; want KT000002", numbers(cs))
			}
			if cs, _ := s.PublicCertificates(ctx, certificate.PublicQuery{On: sampleDay, Number: "KT000004"}); len(cs) != 1 || cs[0].Number != "KT000004" {
				return fmt.Errorf("Number KT000004 found %v", numbers(cs))
			}
			return nil
		},
	},
	{
		name:        "Outbox",
		explanation: "events are stored with the change that raised them, in commit order, with the subject filled in; MarkEventsSent marks them, all or nothing",
		check: func(ctx context.Context, s Store) error {
			a, err := issue(ctx, s, 1, "")
			if err != nil {
				return err
			}
			a.Hidden = true
			if _, err := s.UpdateCertificate(ctx, a, []store.Event{{Kind: certificate.EventHidden, Recipient: a.Holder.Code.String(), Data: map[string]string{"x": "y"}}}); err != nil {
				return err
			}
			evs, err := allEvents(ctx, s)
			if err != nil {
				return err
			}
			if len(evs) != 2 || evs[0].Kind != certificate.EventIssued || evs[1].Kind != certificate.EventHidden {
				return fmt.Errorf("outbox = %+v; want issued then hidden", evs)
			}
			if evs[0].Subject != string(a.Number) || evs[1].Subject != string(a.Number) || evs[0].ID >= evs[1].ID {
				return fmt.Errorf("outbox subjects/ids = %s %d, %s %d; want %s twice, increasing ids", evs[0].Subject, evs[0].ID, evs[1].Subject, evs[1].ID, a.Number)
			}
			if evs[1].Data["x"] != "y" || evs[0].Recipient != a.Holder.Code.String() {
				return fmt.Errorf("outbox lost data or recipient: %+v", evs)
			}
			if err := s.MarkEventsSent(ctx, evs[0].ID, evs[1].ID+1000); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("MarkEventsSent(known, unknown) = %v; want ErrNotFound", err)
			}
			if un, _ := s.OutboxEvents(ctx, store.EventQuery{Unsent: true}); len(un) != 2 {
				return fmt.Errorf("after a refused MarkEventsSent %d events are unsent; want 2 (all or nothing)", len(un))
			}
			if err := s.MarkEventsSent(ctx, evs[0].ID); err != nil {
				return err
			}
			un, _ := s.OutboxEvents(ctx, store.EventQuery{Unsent: true})
			if len(un) != 1 || un[0].ID != evs[1].ID {
				return fmt.Errorf("unsent after marking the first = %+v; want the second only", un)
			}
			mine, _ := s.OutboxEvents(ctx, store.EventQuery{Recipient: a.Holder.Code.String(), AfterID: evs[0].ID})
			if len(mine) != 1 || mine[0].ID != evs[1].ID {
				return fmt.Errorf("events for the holder after the first = %+v; want the second", mine)
			}
			return nil
		},
	},
	{
		name:        "Copies",
		explanation: "stores copy records in and out: changing what a caller passed or got back never changes what is stored",
		check: func(ctx context.Context, s Store) error {
			c := Sample(1)
			in := certificate.Issue{Certificate: c, Series: series}
			out, err := s.IssueCertificate(ctx, in)
			if err != nil {
				return err
			}
			in.Certificate.Competences[0] = "muudetud sisend"
			out.Competences[0] = "muudetud väljund"
			got, _ := s.Certificate(ctx, out.Number)
			got.Competences[0] = "muudetud lugemine"
			again, _ := s.Certificate(ctx, out.Number)
			if again.Competences[0] != "Restoranitöö" {
				return fmt.Errorf("stored competence = %q; want Restoranitöö", again.Competences[0])
			}
			return nil
		},
	},
	{
		name:        "CancelledContext",
		explanation: "a call with a cancelled context returns an error and writes nothing",
		check: func(ctx context.Context, s Store) error {
			cctx, cancel := context.WithCancel(ctx)
			cancel()
			if _, err := issue(cctx, s, 1, ""); err == nil {
				return fmt.Errorf("IssueCertificate(cancelled) = nil error; want an error")
			}
			cs, err := s.HolderCertificates(ctx, Holder(1))
			if err != nil {
				return err
			}
			evs, _ := allEvents(ctx, s)
			if len(cs) != 0 || len(evs) != 0 {
				return fmt.Errorf("a cancelled issue left %d certificates and %d events; want none", len(cs), len(evs))
			}
			return nil
		},
	},
}

func concurrentIssuers(ctx context.Context, s Store) error {
	const n = 1000
	var wg sync.WaitGroup
	nums := make([]certificate.Number, n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			for attempt := 0; ; attempt++ {
				c, err := issue(ctx, s, i, fmt.Sprintf("concurrent-%d", i))
				if errors.Is(err, store.ErrConflict) && attempt < 20 { // a serialisation failure: retry
					continue
				}
				nums[i], errs[i] = c.Number, err
				return
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("concurrent IssueCertificate: %v", err)
	}
	seen := map[certificate.Number]int{}
	for i, no := range nums {
		if j, dup := seen[no]; dup {
			return fmt.Errorf("issuers %d and %d both got number %s", j, i, no)
		}
		seen[no] = i
	}
	for k := 1; k <= n; k++ {
		no := series.Format(int64(k))
		i, ok := seen[no]
		if !ok {
			return fmt.Errorf("number %s was skipped", no)
		}
		c, err := s.Certificate(ctx, no)
		if err != nil {
			return fmt.Errorf("certificate %s lost: %v", no, err)
		}
		if c.Holder.Code != Holder(i) {
			return fmt.Errorf("certificate %s has holder %v; want issuer %d's", no, c.Holder.Code, i)
		}
	}
	evs, err := allEvents(ctx, s)
	if err != nil {
		return err
	}
	if len(evs) != n {
		return fmt.Errorf("outbox has %d events; want %d", len(evs), n)
	}
	per := map[string]int{}
	for _, e := range evs {
		per[e.Subject]++
	}
	for no := range seen {
		if per[string(no)] != 1 {
			return fmt.Errorf("certificate %s has %d events in the outbox; want exactly 1", no, per[string(no)])
		}
	}
	return nil
}

func numbers(cs []certificate.Certificate) []certificate.Number {
	out := make([]certificate.Number, len(cs))
	for i, c := range cs {
		out[i] = c.Number
	}
	return out
}

// equal compares two certificates as stored: the instant of issue by its time, not its location.
func equal(a, b certificate.Certificate) bool {
	if !a.IssuedAt.Equal(b.IssuedAt) {
		return false
	}
	a.IssuedAt = b.IssuedAt
	if len(a.Competences) == 0 && len(b.Competences) == 0 {
		a.Competences, b.Competences = nil, nil
	}
	if len(a.Extra) == 0 && len(b.Extra) == 0 {
		a.Extra, b.Extra = nil, nil
	}
	return reflect.DeepEqual(a, b)
}
