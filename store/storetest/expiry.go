package storetest

import (
	"context"
	"errors"
	"fmt"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/store"
)

func init() { cases = append(cases, expiryCases...) }

var expiryCases = []testCase{
	{
		name:        "ExpiringCertificates",
		explanation: "ExpiringCertificates returns the certificates whose last day is in the range, not invalidated, not replaced and not yet notified, by last day then number (CERT-09)",
		check: func(ctx context.Context, s Store) error {
			// Sample(i) ends on 2030-01-08; vary the end per fixture.
			ends := []calendar.Date{
				calendar.MustDate(2027, 3, 1), calendar.MustDate(2027, 1, 15), calendar.MustDate(2027, 6, 30),
				calendar.MustDate(2027, 2, 1), {}, calendar.MustDate(2027, 2, 1),
			}
			var nos []certificate.Number
			for i, end := range ends {
				c := Sample(i)
				c.ValidUntil = end
				if i == 3 {
					c.Invalidated = certificate.Invalidation{Date: calendar.MustDate(2026, 1, 1), Reason: "x", Decision: "y"}
				}
				got, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: c, Series: series})
				if err != nil {
					return err
				}
				nos = append(nos, got.Number)
			}
			cs, err := s.ExpiringCertificates(ctx, calendar.MustDate(2027, 1, 1), calendar.MustDate(2027, 3, 1), 0)
			if err != nil {
				return err
			}
			want := []certificate.Number{nos[1], nos[5], nos[0]}
			if fmt.Sprint(numbers(cs)) != fmt.Sprint(want) {
				return fmt.Errorf("ExpiringCertificates = %v; want %v (by last day; not the invalidated, open-ended or later ones)", numbers(cs), want)
			}
			if cs, _ := s.ExpiringCertificates(ctx, calendar.MustDate(2027, 1, 1), calendar.MustDate(2027, 3, 1), 1); len(cs) != 1 {
				return fmt.Errorf("limit 1 gave %d", len(cs))
			}
			return nil
		},
	},
	{
		name:        "MarkExpiryNotified",
		explanation: "MarkExpiryNotified records the notice with its events only on the stored version; a notified certificate is no longer expiring; stale or missing ones wrap ErrConflict or ErrNotFound and store nothing",
		check: func(ctx context.Context, s Store) error {
			c, err := issue(ctx, s, 1, "")
			if err != nil {
				return err
			}
			on := calendar.MustDate(2029, 7, 8)
			ev := []store.Event{{Kind: certificate.EventExpiring, Recipient: c.Holder.Code.String()}}
			if _, err := s.MarkExpiryNotified(ctx, c.Number, c.Version+1, on, ev); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("MarkExpiryNotified(stale) = %v; want ErrConflict", err)
			}
			if _, err := s.MarkExpiryNotified(ctx, "KT999999", 1, on, ev); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("MarkExpiryNotified(missing) = %v; want ErrNotFound", err)
			}
			got, err := s.MarkExpiryNotified(ctx, c.Number, c.Version, on, ev)
			if err != nil {
				return err
			}
			if got.ExpiryNotice != on || got.Version != c.Version+1 {
				return fmt.Errorf("MarkExpiryNotified = notice %v version %d; want %v, %d", got.ExpiryNotice, got.Version, on, c.Version+1)
			}
			if again, _ := s.Certificate(ctx, c.Number); again.ExpiryNotice != on {
				return fmt.Errorf("stored notice = %v; want %v", again.ExpiryNotice, on)
			}
			if cs, _ := s.ExpiringCertificates(ctx, on, on.AddYears(1), 0); len(cs) != 0 {
				return fmt.Errorf("a notified certificate is still expiring: %v", numbers(cs))
			}
			evs, _ := allEvents(ctx, s)
			if len(evs) != 2 || evs[1].Kind != certificate.EventExpiring || evs[1].Subject != string(c.Number) {
				return fmt.Errorf("events = %+v; want the issue and one expiry notice", evs)
			}
			return nil
		},
	},
}
