package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/duplicate"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// duplicateStore is package duplicate's store interface, part of [Store].
type duplicateStore = duplicate.Store

// DuplicateCase returns a duplicate case fixture for test holder i about the occupational
// certificate numbered original, submitted to and decided by the awarding body 80015264 (Sample's
// issuer): received, with a fee of 15.00 euros.
func DuplicateCase(i int, original string) duplicate.Case {
	body := duplicate.Party{Role: duplicate.PartyAwardingBody, Code: "80015264", Name: "Eesti Hotellide ja Restoranide Liit"}
	day := calendar.MustDate(2026, time.November, 23)
	return duplicate.Case{
		Procedure: duplicate.OccupationalDuplicate,
		Status:    duplicate.Received,
		Request: duplicate.Request{
			Applicant: certificate.Holder{Name: "Test Isik " + fmt.Sprint(i), Code: Holder(i)},
			Contact:   "test@example.ee", Kind: certificate.Occupational, Original: certificate.Number(original),
			Issuer: body.Code, IssuerName: body.Name, Ground: duplicate.Illegible, Attached: []duplicate.Attachment{duplicate.Original},
			Date: day, Note: "märkus",
		},
		Route: duplicate.Route{Origin: body, Submit: body, Decider: body, Steps: []duplicate.RouteStep{
			{Action: duplicate.Submit, To: body, Rule: "CERT-07", Citation: law.Citation{Act: "Reg74", Section: "7", Subsection: "2"}, Et: "esitatakse", En: "submitted"},
			{Action: duplicate.Decide, To: body, Rule: "CERT-07", Citation: law.Citation{Act: "Reg74", Section: "8", Subsection: "1"}, Et: "otsustab", En: "decides"},
		}},
		SubmittedAt: time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC),
		ReceivedOn:  day,
		Cost: duplicate.Cost{Payer: duplicate.Applicant, Fee: decimal.RequireFromString("15.00"),
			Amount: decimal.RequireFromString("15.00")},
	}
}

// normCase puts a case in a canonical form for comparing: instants in UTC, amounts in their shortest
// form, empty lists as nil.
func normCase(c duplicate.Case) duplicate.Case {
	c = c.Clone()
	c.SubmittedAt = c.SubmittedAt.UTC()
	c.Cost.Fee = decimal.RequireFromString(c.Cost.Fee.String())
	c.Cost.Amount = decimal.RequireFromString(c.Cost.Amount.String())
	if len(c.Request.Attached) == 0 {
		c.Request.Attached = nil
	}
	if len(c.Route.Steps) == 0 {
		c.Route.Steps = nil
	}
	return c
}

func sameCase(got, want duplicate.Case) bool { return reflect.DeepEqual(normCase(got), normCase(want)) }

func init() {
	cases = append(cases, duplicateCases...)
}

// issueOriginal stores Sample(i) numbered no, with no events, and returns it.
func issueOriginal(ctx context.Context, s Store, i int, no string) (certificate.Certificate, error) {
	c := Sample(i)
	c.Number = certificate.Number(no)
	return s.IssueCertificate(ctx, certificate.Issue{Certificate: c})
}

// duplicateOf returns the issue of a duplicate of orig for case c, numbered no ("" to allocate).
func duplicateOf(c duplicate.Case, orig certificate.Certificate, no string) duplicate.Issue {
	day := calendar.MustDate(2026, time.November, 30)
	newOrig := orig.Clone()
	newOrig.Replaced = certificate.Replacement{Date: day}
	d := orig.Clone()
	d.Number, d.Version, d.IssuedOn = certificate.Number(no), 0, day // the duplicate keeps the original's validity
	d.Extra = map[string]string{duplicate.ExtraMark: "DUPLIKAAT"}
	c.Status, c.DecidedOn = duplicate.Granted, day
	return duplicate.Issue{Case: c, Original: newOrig, Duplicate: d, Series: series, Events: []store.Event{
		{Kind: duplicate.EventGranted, Subject: c.Subject(), Recipient: c.Request.Applicant.Code.String(), At: time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)},
		{Kind: certificate.EventIssued, Recipient: c.Request.Applicant.Code.String(), At: time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)},
	}}
}

// unchanged checks that a refused IssueDuplicate wrote nothing: the original and the case as they
// were, no certificate numbered dup, and no more events than before.
func unchanged(ctx context.Context, s Store, op string, orig certificate.Certificate, c duplicate.Case, dup string, events int) error {
	o, err := s.Certificate(ctx, orig.Number)
	if err != nil {
		return fmt.Errorf("after %s: Certificate(original): %v", op, err)
	}
	if o.Version != orig.Version || !o.Replaced.IsZero() {
		return fmt.Errorf("after %s the original is version %d, replaced %+v; want it untouched (version %d)", op, o.Version, o.Replaced, orig.Version)
	}
	got, err := s.Case(ctx, c.ID)
	if err != nil {
		return fmt.Errorf("after %s: Case: %v", op, err)
	}
	if got.Version != c.Version || got.Duplicate != "" || got.Status != c.Status {
		return fmt.Errorf("after %s the case is version %d, duplicate %q, status %s; want it untouched", op, got.Version, got.Duplicate, got.Status)
	}
	if dup != "" {
		if d, err := s.Certificate(ctx, certificate.Number(dup)); err == nil && d.DuplicateOf != "" {
			return fmt.Errorf("after %s the duplicate %s exists", op, dup)
		}
	}
	if evs, _ := allEvents(ctx, s); len(evs) != events {
		return fmt.Errorf("after %s there are %d events; want %d (none written)", op, len(evs), events)
	}
	return nil
}

var duplicateCases = []testCase{
	{
		name:        "DuplicateCaseExamTime",
		explanation: "a state-exam exchange states the time of the exam (SCH-14: § 16 (2)) in Request.ExamTime and a school duplicate the year of graduation (§ 17 (2)) in Request.Year: Case reads each back as stored",
		check: func(ctx context.Context, s Store) error {
			ex := DuplicateCase(1, "R000100")
			ex.Procedure = duplicate.StateExamExchange
			ex.Request.Kind, ex.Request.Paper, ex.Request.Ground = certificate.StateExam, true, duplicate.Electronic
			ex.Request.ExamTime = calendar.MustDate(2009, time.May, 5)
			school := DuplicateCase(2, "G000100")
			school.Procedure = duplicate.SchoolDuplicate
			school.Request.Kind, school.Request.Ground, school.Request.Year = certificate.Gymnasium, duplicate.Lost, 2013
			for _, want := range []duplicate.Case{ex, school} {
				c, err := s.CreateCase(ctx, want, nil)
				if err != nil {
					return fmt.Errorf("CreateCase(%s): %v", want.Procedure, err)
				}
				got, err := s.Case(ctx, c.ID)
				if err != nil {
					return err
				}
				want.ID, want.Version = c.ID, 1
				if !sameCase(got, want) || got.Request.ExamTime != want.Request.ExamTime || got.Request.Year != want.Request.Year {
					return fmt.Errorf("Case(%d) = year %d, exam time %s; want %d, %s", c.ID, got.Request.Year, got.Request.ExamTime, want.Request.Year, want.Request.ExamTime)
				}
			}
			return nil
		},
	},
	{
		name:        "DuplicateCaseNotFound",
		explanation: "Case, UpdateCase and IssueDuplicate of a case never stored, and IssueDuplicate of a missing original, return an error wrapping store.ErrNotFound and write nothing",
		check: func(ctx context.Context, s Store) error {
			if _, err := s.Case(ctx, 999); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("Case(999) = %v; want ErrNotFound", err)
			}
			c := DuplicateCase(1, "KT000100")
			c.ID, c.Version = 999, 1
			if _, err := s.UpdateCase(ctx, c, []store.Event{{Kind: "x"}}); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("UpdateCase(999) = %v; want ErrNotFound", err)
			}
			orig, err := issueOriginal(ctx, s, 1, "KT000100")
			if err != nil {
				return err
			}
			if _, err := s.IssueDuplicate(ctx, duplicateOf(c, orig, "KT000300")); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("IssueDuplicate(case 999) = %v; want ErrNotFound", err)
			}
			stored, err := s.CreateCase(ctx, DuplicateCase(1, "KT000100"), nil)
			if err != nil {
				return err
			}
			missing := orig.Clone()
			missing.Number = "KT000404"
			if _, err := s.IssueDuplicate(ctx, duplicateOf(stored, missing, "KT000300")); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("IssueDuplicate(missing original) = %v; want ErrNotFound", err)
			}
			return unchanged(ctx, s, "the refused IssueDuplicate", orig, stored, "KT000300", 0)
		},
	},
	{
		name:        "DuplicateCaseVersions",
		explanation: "CreateCase gives increasing IDs and Version 1 and stores its events with the case's subject; Case reads it back as stored; UpdateCase with a stale Version wraps store.ErrConflict and writes nothing, not even its events; a current one gives Version+1",
		check: func(ctx context.Context, s Store) error {
			a, err := s.CreateCase(ctx, DuplicateCase(1, "KT000100"), []store.Event{{Kind: duplicate.EventOpened, Recipient: Holder(1).String()}})
			if err != nil {
				return fmt.Errorf("CreateCase: %v", err)
			}
			b, err := s.CreateCase(ctx, DuplicateCase(2, "KT000101"), nil)
			if err != nil {
				return fmt.Errorf("CreateCase: %v", err)
			}
			if a.ID < 1 || b.ID <= a.ID || a.Version != 1 || b.Version != 1 {
				return fmt.Errorf("CreateCase = IDs %d, %d, versions %d, %d; want increasing IDs and version 1", a.ID, b.ID, a.Version, b.Version)
			}
			got, err := s.Case(ctx, a.ID)
			if err != nil {
				return err
			}
			want := DuplicateCase(1, "KT000100")
			want.ID, want.Version = a.ID, 1
			if !sameCase(got, want) {
				return fmt.Errorf("Case(%d) =\n\t%+v\nwant\n\t%+v", a.ID, normCase(got), normCase(want))
			}
			evs, _ := allEvents(ctx, s)
			if len(evs) != 1 || evs[0].Subject != duplicate.CaseSubject(a.ID) {
				return fmt.Errorf("events after CreateCase = %+v; want one, subject %q", evs, duplicate.CaseSubject(a.ID))
			}
			stale := got.Clone()
			stale.Version = 7
			stale.Decision = "stale"
			if _, err := s.UpdateCase(ctx, stale, []store.Event{{Kind: "x"}}); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("UpdateCase(stale) = %v; want ErrConflict", err)
			}
			if again, _ := s.Case(ctx, a.ID); again.Decision != "" || again.Version != 1 {
				return fmt.Errorf("the refused update changed the case: %+v", again)
			}
			if evs, _ := allEvents(ctx, s); len(evs) != 1 {
				return fmt.Errorf("the refused update left %d events; want 1", len(evs))
			}
			got.Status, got.DecidedOn, got.Refusal, got.RefusalReason = duplicate.Refused, calendar.MustDate(2026, time.November, 24), duplicate.NoGround, "põhjus"
			up, err := s.UpdateCase(ctx, got, []store.Event{{Kind: duplicate.EventRefused}})
			if err != nil || up.Version != 2 {
				return fmt.Errorf("UpdateCase = version %d, %v; want 2", up.Version, err)
			}
			if back, _ := s.Case(ctx, a.ID); !sameCase(back, up) {
				return fmt.Errorf("Case after update =\n\t%+v\nwant\n\t%+v", normCase(back), normCase(up))
			}
			if evs, _ := allEvents(ctx, s); len(evs) != 2 || evs[1].Subject != duplicate.CaseSubject(a.ID) || evs[1].Kind != duplicate.EventRefused {
				return fmt.Errorf("events after UpdateCase = %+v", evs)
			}
			// Copies in and out: changing what was returned changes nothing stored.
			up.Route.Steps[0].Et = "muudetud"
			up.Request.Attached[0] = 9
			if back, _ := s.Case(ctx, a.ID); back.Route.Steps[0].Et == "muudetud" || back.Request.Attached[0] == 9 {
				return errors.New("the store shares memory with a returned case")
			}
			return nil
		},
	},
	{
		name:        "DuplicateCasesListed",
		explanation: "Cases selects by a party on the route, by the applicant (the code on the original or the new one), open cases only, after an ID, up to a limit, ordered by ID",
		check: func(ctx context.Context, s Store) error {
			var ids []int64
			for i := range 5 {
				c := DuplicateCase(i%2, fmt.Sprintf("KT%06d", 100+i))
				if i == 2 {
					c.Route.Decider = duplicate.Party{Role: duplicate.PartyRegisterKeeper, Code: "90006414", Name: "Sihtasutus Kutsekoda"}
					c.Route.Steps[1].To = c.Route.Decider
				}
				if i == 3 {
					c.Status = duplicate.Refused
					c.Request.Ground, c.Request.NewCode = duplicate.NewPersonalCode, Holder(7)
				}
				got, err := s.CreateCase(ctx, c, nil)
				if err != nil {
					return err
				}
				ids = append(ids, got.ID)
			}
			list := func(q duplicate.CaseQuery) ([]int64, error) {
				cs, err := s.Cases(ctx, q)
				var out []int64
				for _, c := range cs {
					out = append(out, c.ID)
				}
				return out, err
			}
			for _, tc := range []struct {
				q    duplicate.CaseQuery
				want []int64
			}{
				{duplicate.CaseQuery{}, ids},
				{duplicate.CaseQuery{Party: "90006414"}, []int64{ids[2]}},
				{duplicate.CaseQuery{Party: "80015264"}, ids},
				{duplicate.CaseQuery{Party: "nobody"}, nil},
				{duplicate.CaseQuery{Applicant: Holder(0)}, []int64{ids[0], ids[2], ids[4]}},
				{duplicate.CaseQuery{Applicant: Holder(7)}, []int64{ids[3]}},
				{duplicate.CaseQuery{Open: true}, []int64{ids[0], ids[1], ids[2], ids[4]}},
				{duplicate.CaseQuery{AfterID: ids[1], Limit: 2}, []int64{ids[2], ids[3]}},
			} {
				got, err := list(tc.q)
				if err != nil {
					return fmt.Errorf("Cases(%+v): %v", tc.q, err)
				}
				if !reflect.DeepEqual(got, tc.want) {
					return fmt.Errorf("Cases(%+v) = %v; want %v", tc.q, got, tc.want)
				}
			}
			return nil
		},
	},
	{
		name:        "IssueDuplicateAtomic",
		explanation: "IssueDuplicate writes the case, the original and the duplicate with their events in one commit: a stale original or case version wraps store.ErrConflict, a duplicate number already taken store.ErrExists, and then nothing is written; on success the three are linked and each has its next version",
		check: func(ctx context.Context, s Store) error {
			orig, err := issueOriginal(ctx, s, 1, "KT000100")
			if err != nil {
				return err
			}
			if _, err := issueOriginal(ctx, s, 2, "KT000200"); err != nil {
				return err
			}
			c, err := s.CreateCase(ctx, DuplicateCase(1, "KT000100"), nil)
			if err != nil {
				return err
			}
			staleOrig := orig.Clone()
			staleOrig.Version = 5
			if _, err := s.IssueDuplicate(ctx, duplicateOf(c, staleOrig, "KT000300")); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("IssueDuplicate(stale original) = %v; want ErrConflict", err)
			}
			if err := unchanged(ctx, s, "IssueDuplicate(stale original)", orig, c, "KT000300", 0); err != nil {
				return err
			}
			if _, err := s.IssueDuplicate(ctx, duplicateOf(c, orig, "KT000200")); !errors.Is(err, store.ErrExists) {
				return fmt.Errorf("IssueDuplicate(number taken) = %v; want ErrExists", err)
			}
			if err := unchanged(ctx, s, "IssueDuplicate(number taken)", orig, c, "", 0); err != nil {
				return err
			}
			if taken, _ := s.Certificate(ctx, "KT000200"); taken.DuplicateOf != "" || taken.Version != 1 {
				return fmt.Errorf("the refused IssueDuplicate changed the certificate holding the number: %+v", taken)
			}
			staleCase := c.Clone()
			staleCase.Version = 4
			if _, err := s.IssueDuplicate(ctx, duplicateOf(staleCase, orig, "KT000300")); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("IssueDuplicate(stale case) = %v; want ErrConflict", err)
			}
			if err := unchanged(ctx, s, "IssueDuplicate(stale case)", orig, c, "KT000300", 0); err != nil {
				return err
			}

			in := duplicateOf(c, orig, "KT000300")
			out, err := s.IssueDuplicate(ctx, in)
			if err != nil {
				return fmt.Errorf("IssueDuplicate: %v", err)
			}
			if out.Case.Version != 2 || out.Case.Duplicate != "KT000300" || out.Case.Status != duplicate.Granted {
				return fmt.Errorf("IssueDuplicate case = version %d, duplicate %q, status %s", out.Case.Version, out.Case.Duplicate, out.Case.Status)
			}
			if out.Original.Version != 2 || out.Original.Replaced.By != "KT000300" || out.Original.Replaced.Date != in.Original.Replaced.Date {
				return fmt.Errorf("IssueDuplicate original = version %d, replaced %+v", out.Original.Version, out.Original.Replaced)
			}
			if out.Duplicate.Version != 1 || out.Duplicate.Number != "KT000300" || out.Duplicate.DuplicateOf != "KT000100" {
				return fmt.Errorf("IssueDuplicate duplicate = %s version %d of %q", out.Duplicate.Number, out.Duplicate.Version, out.Duplicate.DuplicateOf)
			}
			if o, _ := s.Certificate(ctx, "KT000100"); o.Version != 2 || o.Replaced.By != "KT000300" || o.StatusOn(in.Original.Replaced.Date) != certificate.Replaced {
				return fmt.Errorf("stored original = %+v; want replaced by KT000300", o)
			}
			if d, _ := s.Certificate(ctx, "KT000300"); d.DuplicateOf != "KT000100" || d.Extra[duplicate.ExtraMark] != "DUPLIKAAT" || d.Holder.Code != Holder(1) {
				return fmt.Errorf("stored duplicate = %+v", d)
			}
			if got, _ := s.Case(ctx, c.ID); !sameCase(got, out.Case) {
				return fmt.Errorf("stored case =\n\t%+v\nwant\n\t%+v", normCase(got), normCase(out.Case))
			}
			if hs, _ := s.HolderCertificates(ctx, Holder(1)); len(hs) != 2 {
				return fmt.Errorf("HolderCertificates after IssueDuplicate = %d; want the original and the duplicate", len(hs))
			}
			evs, _ := allEvents(ctx, s)
			if len(evs) != 2 || evs[0].Subject != c.Subject() || evs[1].Subject != "KT000300" || evs[1].Kind != certificate.EventIssued {
				return fmt.Errorf("events after IssueDuplicate = %+v; want the case's and the duplicate's (default subject)", evs)
			}
			if _, err := s.IssueDuplicate(ctx, duplicateOf(c, out.Original, "KT000301")); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("second IssueDuplicate on the old case version = %v; want ErrConflict", err)
			}
			return nil
		},
	},
	{
		name:        "IssueDuplicateAllocates",
		explanation: "IssueDuplicate with no duplicate number allocates the next free number of the series in the same commit, skipping numbers taken; a refused IssueDuplicate uses up no number",
		check: func(ctx context.Context, s Store) error {
			o1, err := issue(ctx, s, 1, "")
			if err != nil {
				return err
			}
			o2, err := issue(ctx, s, 2, "")
			if err != nil {
				return err
			}
			if _, err := issueOriginal(ctx, s, 3, "KT000003"); err != nil { // imported with its number
				return err
			}
			c1, err := s.CreateCase(ctx, DuplicateCase(1, string(o1.Number)), nil)
			if err != nil {
				return err
			}
			c2, err := s.CreateCase(ctx, DuplicateCase(2, string(o2.Number)), nil)
			if err != nil {
				return err
			}
			stale := o1.Clone()
			stale.Version = 9
			if _, err := s.IssueDuplicate(ctx, duplicateOf(c1, stale, "")); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("IssueDuplicate(stale, allocate) = %v; want ErrConflict", err)
			}
			out1, err := s.IssueDuplicate(ctx, duplicateOf(c1, o1, ""))
			if err != nil {
				return fmt.Errorf("IssueDuplicate(allocate): %v", err)
			}
			out2, err := s.IssueDuplicate(ctx, duplicateOf(c2, o2, ""))
			if err != nil {
				return fmt.Errorf("IssueDuplicate(allocate): %v", err)
			}
			if out1.Duplicate.Number != "KT000004" || out2.Duplicate.Number != "KT000005" {
				return fmt.Errorf("allocated %s, %s; want KT000004, KT000005 (KT000003 taken, nothing used up by the refused issue)", out1.Duplicate.Number, out2.Duplicate.Number)
			}
			if out1.Original.Replaced.By != out1.Duplicate.Number || out1.Case.Duplicate != out1.Duplicate.Number {
				return fmt.Errorf("the allocated number was not linked: original replaced by %q, case duplicate %q", out1.Original.Replaced.By, out1.Case.Duplicate)
			}
			next, err := issue(ctx, s, 4, "")
			if err != nil || next.Number != "KT000006" {
				return fmt.Errorf("IssueCertificate after the duplicates = %s, %v; want KT000006 (one series)", next.Number, err)
			}
			return nil
		},
	},
}
