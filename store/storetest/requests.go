package storetest

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/invalid"
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

// stampStore is what stamp.Store adds to request.Store: a batch of requests in one commit.
type stampStore interface {
	CreateRequests(ctx context.Context, rs []request.Request, events [][]store.Event) ([]request.Request, error)
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
			evs, _ := s.OutboxEvents(ctx, store.EventQuery{Recipient: Holder(1).String()})
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
	{
		name:        "CreateRequestsAllOrNothing",
		explanation: "CreateRequests stores a batch of requests with their events in one commit, numbered in order; a token taken (also within the batch) wraps store.ErrExists and stores none of the batch (CERT-10, stamp.Service.StampBatch)",
		check: func(ctx context.Context, s Store) error {
			batch := []request.Request{Request(1, "204580", request.DigitalStamp), Request(2, "204581", request.DigitalStamp), Request(1, "204583", request.DigitalStamp)}
			batch[1].Token = "t-1"
			evs := [][]store.Event{{{Kind: "stamp.issued", Recipient: Holder(1).String()}}, {{Kind: "stamp.issued"}}, nil}
			got, err := s.CreateRequests(ctx, batch, evs)
			if err != nil {
				return fmt.Errorf("CreateRequests: %v", err)
			}
			if len(got) != 3 || !(got[0].Number < got[1].Number && got[1].Number < got[2].Number) || got[2].Certificate != "204583" {
				return fmt.Errorf("CreateRequests = %+v; want three, numbered in order", got)
			}
			for _, r := range got {
				if r.Version != 1 {
					return fmt.Errorf("CreateRequests: request %d has version %d; want 1", r.Number, r.Version)
				}
			}
			if all, _ := allEvents(ctx, s); len(all) != 2 || all[0].Subject != fmt.Sprint(got[0].Number) || all[1].Subject != fmt.Sprint(got[1].Number) {
				return fmt.Errorf("events = %+v; want one for each of the first two requests", all)
			}
			tok := func(no, token string) request.Request {
				r := Request(3, no, request.DigitalStamp)
				r.Token = token
				return r
			}
			for _, bad := range [][]request.Request{
				{tok("1", ""), tok("2", "t-1")},
				{tok("3", "t-2"), tok("4", "t-2")},
			} {
				if _, err := s.CreateRequests(ctx, bad, [][]store.Event{{{Kind: "x"}}, nil}); !errors.Is(err, store.ErrExists) {
					return fmt.Errorf("CreateRequests(a token taken) = %v; want ErrExists", err)
				}
			}
			if rs, _ := s.HolderRequests(ctx, Holder(3)); len(rs) != 0 {
				return fmt.Errorf("refused batches left %d requests", len(rs))
			}
			if all, _ := allEvents(ctx, s); len(all) != 2 {
				return fmt.Errorf("refused batches left %d events", len(all)-2)
			}
			return nil
		},
	},
	{
		name:        "RequestVersions",
		explanation: "a stored request has Version 1; UpdateRequest stores it with its events if the version matches and returns Version+1; a stale version wraps store.ErrConflict, an unknown number store.ErrNotFound, a changed kind, certificate, holder or token invalid.ErrInvalid, and then nothing is stored (CERT-08)",
		check: func(ctx context.Context, s Store) error {
			q := Request(1, "204580", request.Question)
			q.Status, q.Addressee, q.Text = request.Open, "80015264", "Millal saan paberil tunnistuse?"
			r, err := s.CreateRequest(ctx, q, []store.Event{{Kind: "request.asked", Recipient: "80015264"}})
			if err != nil {
				return fmt.Errorf("CreateRequest: %v", err)
			}
			if r.Version != 1 {
				return fmt.Errorf("CreateRequest version = %d; want 1", r.Version)
			}
			got, err := s.Request(ctx, r.Number)
			if err != nil || got.Version != 1 || got.Addressee != "80015264" || got.Text != q.Text || got.Status != request.Open {
				return fmt.Errorf("Request(%d) = %+v, %v", r.Number, got, err)
			}
			if _, err := s.Request(ctx, r.Number+100); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("Request(unknown) = %v; want ErrNotFound", err)
			}
			ans := got.Clone()
			ans.Status, ans.Answer, ans.AnsweredAt = request.Done, "Paberil tunnistust ei anta.", time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
			up, err := s.UpdateRequest(ctx, ans, []store.Event{{Kind: "request.answered", Recipient: q.Holder.String()}})
			if err != nil || up.Version != 2 {
				return fmt.Errorf("UpdateRequest = v%d, %v; want version 2", up.Version, err)
			}
			got, _ = s.Request(ctx, r.Number)
			if got.Version != 2 || got.Answer != ans.Answer || !got.AnsweredAt.Equal(ans.AnsweredAt) || got.Status != request.Done {
				return fmt.Errorf("after UpdateRequest Request = %+v", got)
			}
			evs, _ := allEvents(ctx, s)
			if len(evs) != 2 || evs[1].Kind != "request.answered" || evs[1].Subject != fmt.Sprint(r.Number) {
				return fmt.Errorf("events = %+v; want asked and answered, subject the request's number", evs)
			}
			stale := ans.Clone()
			stale.Answer = "teine vastus"
			if _, err := s.UpdateRequest(ctx, stale, []store.Event{{Kind: "x"}}); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("UpdateRequest(stale) = %v; want ErrConflict", err)
			}
			missing := got.Clone()
			missing.Number = r.Number + 100
			if _, err := s.UpdateRequest(ctx, missing, nil); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("UpdateRequest(unknown) = %v; want ErrNotFound", err)
			}
			for what, change := range map[string]func(*request.Request){
				"kind":        func(r *request.Request) { r.Kind = request.InaccurateData },
				"certificate": func(r *request.Request) { r.Certificate = "204581" },
				"holder":      func(r *request.Request) { r.Holder = Holder(2) },
				"token":       func(r *request.Request) { r.Token = "new-token" },
			} {
				c := got.Clone()
				change(&c)
				if _, err := s.UpdateRequest(ctx, c, []store.Event{{Kind: "x"}}); !errors.Is(err, invalid.ErrInvalid) {
					return fmt.Errorf("UpdateRequest(changed %s) = %v; want ErrInvalid", what, err)
				}
			}
			if after, _ := s.Request(ctx, r.Number); after.Version != 2 || after.Answer != ans.Answer {
				return fmt.Errorf("a refused update changed the request: %+v", after)
			}
			if evs, _ := allEvents(ctx, s); len(evs) != 2 {
				return fmt.Errorf("refused updates left %d events; want 2", len(evs))
			}
			return nil
		},
	},
	{
		name:        "RequestsAddressed",
		explanation: "Requests returns the requests a query selects (addressee, kind, open, after a number), ordered by number, at most the limit (CERT-08)",
		check: func(ctx context.Context, s Store) error {
			var nums []int64
			for i, body := range []string{"80015264", "80040205", "80015264", "80015264"} {
				q := Request(i, "204580", request.Question)
				q.Addressee, q.Status = body, request.Open
				if i == 2 {
					q.Status = request.Done
				}
				r, err := s.CreateRequest(ctx, q, nil)
				if err != nil {
					return err
				}
				nums = append(nums, r.Number)
			}
			if _, err := s.CreateRequest(ctx, Request(9, "204581", request.DigitalStamp), nil); err != nil {
				return err
			}
			numbers := func(q request.Query) ([]int64, error) {
				rs, err := s.Requests(ctx, q)
				var out []int64
				for _, r := range rs {
					out = append(out, r.Number)
				}
				return out, err
			}
			for _, tc := range []struct {
				q    request.Query
				want []int64
			}{
				{request.Query{Addressee: "80015264"}, []int64{nums[0], nums[2], nums[3]}},
				{request.Query{Addressee: "80015264", Open: true}, []int64{nums[0], nums[3]}},
				{request.Query{Addressee: "80015264", AfterNumber: nums[0], Limit: 1}, []int64{nums[2]}},
				{request.Query{Kind: request.Question}, nums},
				{request.Query{Addressee: "10000000"}, nil},
			} {
				got, err := numbers(tc.q)
				if err != nil || fmt.Sprint(got) != fmt.Sprint(tc.want) {
					return fmt.Errorf("Requests(%+v) = %v, %v; want %v", tc.q, got, err, tc.want)
				}
			}
			return nil
		},
	},
}
