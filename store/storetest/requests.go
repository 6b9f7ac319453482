package storetest

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/store"
)

// Request returns an owner's request fixture for test holder i about certificate no.
func Request(i int, no string, kind request.Kind) request.Request {
	return request.Request{
		Kind: kind, Certificate: certificate.Number(no), Holder: Holder(i),
		Date: calendar.MustDate(2026, time.November, 22), At: time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC),
		Status: request.Done, Data: map[string]string{"digest": "abc"},
	}
}

func init() {
	cases = append(cases, requestCases...)
}

var requestCases = []testCase{
	{
		name:        "RequestsNumberedAndListed",
		explanation: "CreateRequest numbers requests in increasing order and stores their events with them; HolderRequests lists an owner's requests newest first (CERT-10)",
		check: func(ctx context.Context, s Store) error {
			var nums []int64
			for i, no := range []string{"204581", "E015992", "204583"} {
				r := Request(1, no, request.Kind(i%4+1))
				got, err := s.CreateRequest(ctx, r, []store.Event{{Kind: "request.created", Recipient: r.Holder.String()}})
				if err != nil {
					return fmt.Errorf("CreateRequest: %v", err)
				}
				nums = append(nums, got.Number)
			}
			if !(nums[0] < nums[1] && nums[1] < nums[2]) {
				return fmt.Errorf("request numbers %v are not increasing", nums)
			}
			if _, err := s.CreateRequest(ctx, Request(2, "204580", request.Question), nil); err != nil {
				return err
			}
			rs, err := s.HolderRequests(ctx, Holder(1))
			if err != nil {
				return err
			}
			if len(rs) != 3 || rs[0].Number != nums[2] || rs[2].Number != nums[0] || rs[0].Certificate != "204583" {
				return fmt.Errorf("HolderRequests = %+v; want the three, newest first", rs)
			}
			if rs[2].Data["digest"] != "abc" || !rs[2].At.Equal(Request(1, "", 1).At) || rs[2].Date != Request(1, "", 1).Date {
				return fmt.Errorf("request read back with other data: %+v", rs[2])
			}
			evs, _ := s.CertificateEvents(ctx, certificate.EventQuery{Recipient: Holder(1).String()})
			if len(evs) != 3 || evs[0].Subject != fmt.Sprint(nums[0]) {
				return fmt.Errorf("request events = %+v; want 3, subject the request number", evs)
			}
			return nil
		},
	},
	{
		name:        "RequestToken",
		explanation: "a request's token is unique: a second request with it wraps store.ErrExists and stores nothing; RequestByToken finds it, or wraps store.ErrNotFound",
		check: func(ctx context.Context, s Store) error {
			r := Request(1, "204580", request.DigitalStamp)
			r.Token = "q7x2-secret"
			if _, err := s.CreateRequest(ctx, r, nil); err != nil {
				return err
			}
			_, err := s.CreateRequest(ctx, r, []store.Event{{Kind: "x"}})
			if !errors.Is(err, store.ErrExists) {
				return fmt.Errorf("CreateRequest(same token) = %v; want ErrExists", err)
			}
			if rs, _ := s.HolderRequests(ctx, Holder(1)); len(rs) != 1 {
				return fmt.Errorf("after the refused request %d requests; want 1", len(rs))
			}
			if evs, _ := allEvents(ctx, s); len(evs) != 0 {
				return fmt.Errorf("the refused request left %d events", len(evs))
			}
			got, err := s.RequestByToken(ctx, "q7x2-secret")
			if err != nil || got.Certificate != "204580" {
				return fmt.Errorf("RequestByToken = %+v, %v", got, err)
			}
			if _, err := s.RequestByToken(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("RequestByToken(unknown) = %v; want ErrNotFound", err)
			}
			if _, err := s.RequestByToken(ctx, ""); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("RequestByToken(empty) = %v; want ErrNotFound", err)
			}
			return nil
		},
	},
}
