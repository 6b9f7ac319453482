package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/store"
)

func init() { cases = append(cases, retentionCases...) }

var retentionCases = []testCase{
	{
		name:        "PublicQueryNeedsDate",
		explanation: "PublicCertificates refuses a query without a date (On), with an error wrapping certificate.ErrInvalid: the name may match only certificates valid on it (CERT-12)",
		check: func(ctx context.Context, s Store) error {
			if _, err := issue(ctx, s, 1, ""); err != nil {
				return err
			}
			_, err := s.PublicCertificates(ctx, certificate.PublicQuery{Text: "test isik"})
			return wantErr("PublicCertificates(no On)", err, certificate.ErrInvalid)
		},
	},
	{
		name:        "PersonalDataDue",
		explanation: "PersonalDataDue returns the certificates whose holder died more than three years before the day (CERT-12: KRPM § 18), register kinds only, not erased, by number, after After, at most limit",
		check: func(ctx context.Context, s Store) error {
			// Deaths: none, 2022-03-15, 2023-06-01, 2024-02-29 (kept until 2027-02-28), and a gymnasium
			// leaving certificate's holder (not a register entry: never due).
			died := []calendar.Date{{}, calendar.MustDate(2022, time.March, 15), calendar.MustDate(2023, time.June, 1),
				calendar.MustDate(2024, time.February, 29), calendar.MustDate(2020, time.January, 1)}
			var nos []certificate.Number
			for i, d := range died {
				c := Sample(i)
				c.Holder.Died = d
				if i == 4 {
					c.Kind, c.ValidUntil = certificate.Gymnasium, calendar.Date{}
				}
				got, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: c, Series: series})
				if err != nil {
					return err
				}
				if got.Holder.Died != d {
					return fmt.Errorf("stored death date = %v; want %v", got.Holder.Died, d)
				}
				nos = append(nos, got.Number)
			}
			for _, tt := range []struct {
				on   calendar.Date
				want []certificate.Number
			}{
				{calendar.MustDate(2025, time.March, 15), nil},
				{calendar.MustDate(2025, time.March, 16), nos[1:2]},
				{calendar.MustDate(2027, time.February, 28), nos[1:3]},
				{calendar.MustDate(2027, time.March, 1), nos[1:4]},
			} {
				cs, err := s.PersonalDataDue(ctx, tt.on, "", 0)
				if err != nil {
					return err
				}
				if !slices.Equal(numbers(cs), tt.want) {
					return fmt.Errorf("PersonalDataDue(%s) = %v; want %v", tt.on, numbers(cs), tt.want)
				}
			}
			page, _ := s.PersonalDataDue(ctx, calendar.MustDate(2030, time.January, 1), "", 2)
			rest, _ := s.PersonalDataDue(ctx, calendar.MustDate(2030, time.January, 1), page[len(page)-1].Number, 2)
			if !slices.Equal(numbers(page), nos[1:3]) || !slices.Equal(numbers(rest), nos[3:4]) {
				return fmt.Errorf("pages of 2 = %v, %v; want %v, %v", numbers(page), numbers(rest), nos[1:3], nos[3:4])
			}
			// A corrected death date moves the day; erased data are no longer due.
			c, _ := s.Certificate(ctx, nos[2])
			c.Holder.Died = calendar.MustDate(2027, time.June, 1) // kept until 2030-06-01
			if _, err := s.UpdateCertificate(ctx, c, nil); err != nil {
				return err
			}
			b, _ := s.Certificate(ctx, nos[1])
			if _, err := s.ErasePersonalData(ctx, b.Number, b.Version, calendar.MustDate(2030, time.January, 1), nil); err != nil {
				return err
			}
			if cs, _ := s.PersonalDataDue(ctx, calendar.MustDate(2030, time.January, 1), "", 0); !slices.Equal(numbers(cs), nos[3:4]) {
				return fmt.Errorf("after a correction and an erasure, due = %v; want %v", numbers(cs), nos[3:4])
			}
			return nil
		},
	},
	{
		name:        "ErasePersonalData",
		explanation: "ErasePersonalData empties the holder (name, code, birth date, death date) and keeps the rest of the record, with its events, only on the stored version; the holder no longer lists it, the public no longer finds it by the name, and an update never writes the personal data back (CERT-12)",
		check: func(ctx context.Context, s Store) error {
			c := Sample(1)
			c.Holder.Died = calendar.MustDate(2020, time.May, 5)
			c, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: c, Series: series})
			if err != nil {
				return err
			}
			on := calendar.MustDate(2026, time.November, 22)
			ev := []store.Event{{Kind: certificate.EventPersonalDataErased}}
			if _, err := s.ErasePersonalData(ctx, c.Number, c.Version+1, on, ev); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("ErasePersonalData(stale) = %v; want ErrConflict", err)
			}
			if _, err := s.ErasePersonalData(ctx, "KT999999", 1, on, ev); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("ErasePersonalData(missing) = %v; want ErrNotFound", err)
			}
			got, err := s.ErasePersonalData(ctx, c.Number, c.Version, on, ev)
			if err != nil {
				return err
			}
			want := c
			want.Holder, want.PersonalDataErased, want.Version = certificate.Holder{}, on, c.Version+1
			stored, _ := s.Certificate(ctx, c.Number)
			if !equal(got, want) || !equal(stored, want) {
				return fmt.Errorf("after the erasure:\n\treturned %+v\n\tstored   %+v\nwant\n\t%+v", got, stored, want)
			}
			if cs, _ := s.HolderCertificates(ctx, Holder(1)); len(cs) != 0 {
				return fmt.Errorf("the former holder still lists %v", numbers(cs))
			}
			if cs, _ := s.PublicCertificates(ctx, certificate.PublicQuery{On: sampleDay, Text: "test isik 1"}); len(cs) != 0 {
				return fmt.Errorf("the public finds the erased record by the name: %v", numbers(cs))
			}
			if cs, _ := s.PublicCertificates(ctx, certificate.PublicQuery{On: sampleDay, Text: "kokk"}); len(cs) != 1 {
				return fmt.Errorf("the anonymised record is not found by its title: %v", numbers(cs))
			}
			back := stored
			back.Holder.Name, back.Holder.Died = "Test Isik 1", calendar.MustDate(2020, time.May, 5)
			if _, err := s.UpdateCertificate(ctx, back, nil); err != nil {
				return err
			}
			if again, _ := s.Certificate(ctx, c.Number); again.Holder != (certificate.Holder{}) || again.PersonalDataErased != on {
				return fmt.Errorf("an update wrote personal data back: %+v, erased %v", again.Holder, again.PersonalDataErased)
			}
			evs, _ := allEvents(ctx, s)
			if len(evs) != 1 || evs[0].Kind != certificate.EventPersonalDataErased || evs[0].Subject != string(c.Number) {
				return fmt.Errorf("events = %+v; want the one erasure event", evs)
			}
			return nil
		},
	},
}
