package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/exam/proficiency"
	"github.com/kutsekit/kutse/exam/vocational"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/store"
)

// examStore is the exam packages' store interfaces, part of [Store]. (Package exam/stateexam keeps
// its certificates in the certificate store and needs none of its own.)
type examStore interface {
	proficiency.Store
	vocational.Store // vocational.go
}

// ProficiencySession returns a B1 proficiency exam session fixture with ID "S<i>", on 2011-09-15
// plus i weeks, each part's maximum 25 points.
func ProficiencySession(i int) proficiency.Session {
	d := decimal.NewFromInt(25)
	return proficiency.Session{
		ID: "S" + strconv.Itoa(i), Organiser: "90008287", Level: proficiency.B1,
		Date: calendar.MustDate(2011, time.September, 15).AddDays(7 * i), Start: "10:00",
		Centres: []string{"Tallinn", "Narva"}, Max: proficiency.PointsOf(d, d, d, d),
		Examiners: []proficiency.Examiner{{Name: "Mari Maasikas", Approval: "käskkiri nr 1", Philologist: true}},
	}
}

// ProficiencyRegistration returns an active registration fixture of test holder i for session.
func ProficiencyRegistration(i int, session proficiency.Session) proficiency.Registration {
	return proficiency.Registration{
		Person:  proficiency.Person{Name: "Test Isik " + strconv.Itoa(i), Code: Holder(i), Contact: "isik@example.ee"},
		Session: session.ID, Level: session.Level, Date: session.Date, Centre: "Tallinn", Channel: proficiency.Online,
		Status: proficiency.Registered, RegisteredOn: session.Date.AddDays(-60),
		RegisteredAt: time.Date(2011, 7, 1, 9, 30, 0, 0, time.UTC),
	}
}

func init() {
	cases = append(cases, proficiencyCases...)
}

// sameProfReg compares two registrations by their meaning: decimals by value, instants by instant.
func sameProfReg(a, b proficiency.Registration) bool {
	a.RegisteredAt, b.RegisteredAt = a.RegisteredAt.UTC(), b.RegisteredAt.UTC()
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

func sameProfSession(a, b proficiency.Session) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

func createProfSession(ctx context.Context, s Store, i int) (proficiency.Session, error) {
	sess, err := s.CreateProficiencySession(ctx, ProficiencySession(i), nil)
	if err != nil {
		return sess, fmt.Errorf("CreateProficiencySession: %v", err)
	}
	return sess, nil
}

func profRegistered(r proficiency.Registration) []store.Event {
	return []store.Event{{Kind: proficiency.EventRegistered, Recipient: r.Person.Code.String(), At: r.RegisteredAt,
		Data: map[string]string{"session": r.Session}}}
}

func profEventCount(ctx context.Context, s Store) int {
	evs, _ := allEvents(ctx, s)
	return len(evs)
}

var proficiencyCases = []testCase{
	{
		name:        "ProficiencyNotFound",
		explanation: "proficiency.Store: reading or updating a session or registration never stored, or registering for a session not stored, wraps store.ErrNotFound and writes nothing",
		check: func(ctx context.Context, s Store) error {
			if _, err := s.ProficiencySession(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("ProficiencySession(missing) = %v; want ErrNotFound", err)
			}
			sess := ProficiencySession(1)
			sess.Version = 1
			if _, err := s.UpdateProficiencySession(ctx, sess, nil); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("UpdateProficiencySession(missing) = %v; want ErrNotFound", err)
			}
			if _, err := s.ProficiencyRegistration(ctx, 999); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("ProficiencyRegistration(missing) = %v; want ErrNotFound", err)
			}
			r := ProficiencyRegistration(1, sess)
			if _, err := s.CreateProficiencyRegistration(ctx, r, profRegistered(r)); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("CreateProficiencyRegistration(no session) = %v; want ErrNotFound", err)
			}
			r.ID, r.Version = 999, 1
			if _, err := s.UpdateProficiencyRegistration(ctx, r, profRegistered(r)); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("UpdateProficiencyRegistration(missing) = %v; want ErrNotFound", err)
			}
			if n := profEventCount(ctx, s); n != 0 {
				return fmt.Errorf("the refused calls left %d events; want 0", n)
			}
			if rs, err := s.PersonProficiencyRegistrations(ctx, r.Person.Key()); err != nil || len(rs) != 0 {
				return fmt.Errorf("PersonProficiencyRegistrations = %d, %v; want none", len(rs), err)
			}
			return nil
		},
	},
	{
		name:        "ProficiencySessionExistsAndConflict",
		explanation: "proficiency.Store: a session ID is unique (store.ErrExists); UpdateProficiencySession with a stale Version wraps store.ErrConflict and writes nothing; a current one bumps the Version and stores its events with the session's subject",
		check: func(ctx context.Context, s Store) error {
			want := ProficiencySession(1)
			got, err := s.CreateProficiencySession(ctx, want, []store.Event{{Kind: proficiency.EventSessionCreated, At: time.Date(2011, 7, 1, 0, 0, 0, 0, time.UTC)}})
			if err != nil || got.Version != 1 {
				return fmt.Errorf("CreateProficiencySession = v%d, %v; want version 1", got.Version, err)
			}
			if _, err := s.CreateProficiencySession(ctx, want, []store.Event{{Kind: "x"}}); !errors.Is(err, store.ErrExists) {
				return fmt.Errorf("CreateProficiencySession(same ID) = %v; want ErrExists", err)
			}
			read, err := s.ProficiencySession(ctx, want.ID)
			want.Version = 1
			if err != nil || !sameProfSession(read, want) {
				return fmt.Errorf("ProficiencySession = %+v, %v; want %+v", read, err, want)
			}
			stale := read
			read.Start = "12:00"
			if _, err := s.UpdateProficiencySession(ctx, read, []store.Event{{Kind: "session.moved"}}); err != nil {
				return fmt.Errorf("UpdateProficiencySession: %v", err)
			}
			stale.Start = "14:00"
			if _, err := s.UpdateProficiencySession(ctx, stale, []store.Event{{Kind: "session.stale"}}); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("UpdateProficiencySession(stale) = %v; want ErrConflict", err)
			}
			now, _ := s.ProficiencySession(ctx, want.ID)
			if now.Start != "12:00" || now.Version != 2 {
				return fmt.Errorf("after a stale update the session starts %s, version %d; want 12:00, 2", now.Start, now.Version)
			}
			evs, _ := allEvents(ctx, s)
			if len(evs) != 2 || evs[0].Subject != proficiency.SessionSubject(want.ID) || evs[1].Kind != "session.moved" {
				return fmt.Errorf("events = %+v; want the creation and the move, subject %q", evs, proficiency.SessionSubject(want.ID))
			}
			return nil
		},
	},
	{
		name:        "ProficiencyRegistrationRoundTrip",
		explanation: "proficiency.Store: a registration is stored with a new increasing ID and Version 1 and read back as it was given, every field; records are copied in and out",
		check: func(ctx context.Context, s Store) error {
			sess, err := createProfSession(ctx, s, 1)
			if err != nil {
				return err
			}
			r := ProficiencyRegistration(1, sess)
			r.Key, r.Channel = "k-1", proficiency.Written
			r.Person.Citizenship = true
			r.Documents = proficiency.Documents{Form: true, IdentityCopy: true, CommitteeCopy: true}
			r.CommitteeDecision, r.Senior = "EK-12", true
			r.SpecialNeeds = &proficiency.SpecialNeeds{RequestedOn: sess.Date.AddDays(-40), Statement: "eriarsti teatis 7",
				Decision: &proficiency.Accommodation{DecidedOn: sess.Date.AddDays(-35), Reference: "EKK-3", ExtraMinutes: 30,
					Exempted: proficiency.PointsOf(decimal.Zero, decimal.RequireFromString("2.5"), decimal.Zero, decimal.Zero),
					Tasks:    []string{"lugemine 3"}}}
			r.Status, r.GradedOn, r.NoticeSentOn = proficiency.Graded, sess.Date.AddDays(20), sess.Date.AddDays(-31)
			r.Result = &proficiency.Result{Points: proficiency.PointsOf(decimal.RequireFromString("20.5"),
				decimal.NewFromInt(18), decimal.Zero, decimal.NewFromInt(22))}
			r.Grade = &proficiency.Grade{Passed: true, Total: decimal.RequireFromString("60.5"), Max: decimal.RequireFromString("72.5"), Version: "01.07.2011"}
			r.Certificate = "T000001"
			first, err := s.CreateProficiencyRegistration(ctx, r, nil)
			if err != nil {
				return fmt.Errorf("CreateProficiencyRegistration: %v", err)
			}
			second, err := s.CreateProficiencyRegistration(ctx, ProficiencyRegistration(2, sess), nil)
			if err != nil {
				return fmt.Errorf("CreateProficiencyRegistration: %v", err)
			}
			if first.ID < 1 || second.ID <= first.ID || first.Version != 1 {
				return fmt.Errorf("IDs %d, %d, version %d; want increasing IDs and version 1", first.ID, second.ID, first.Version)
			}
			want := r.Clone()
			want.ID, want.Version = first.ID, 1
			got, err := s.ProficiencyRegistration(ctx, first.ID)
			if err != nil || !sameProfReg(got, want) {
				return fmt.Errorf("ProficiencyRegistration =\n\t%+v, %v\nwant\n\t%+v", got, err, want)
			}
			// copies: changing what was given or returned changes nothing stored
			r.SpecialNeeds.Decision.Tasks[0] = "changed"
			got.SpecialNeeds.Decision.Exempted[1] = decimal.NewFromInt(9)
			got.Result.Points[0] = decimal.NewFromInt(1)
			again, _ := s.ProficiencyRegistration(ctx, first.ID)
			if !sameProfReg(again, want) {
				return fmt.Errorf("the stored registration changed with the caller's copy: %+v", again)
			}
			if rs, err := s.SessionProficiencyRegistrations(ctx, sess.ID); err != nil || len(rs) != 2 || rs[0].ID != first.ID || rs[1].ID != second.ID {
				return fmt.Errorf("SessionProficiencyRegistrations = %d, %v; want both, by ID", len(rs), err)
			}
			if rs, err := s.PersonProficiencyRegistrations(ctx, r.Person.Key()); err != nil || len(rs) != 1 || !sameProfReg(rs[0], want) {
				return fmt.Errorf("PersonProficiencyRegistrations = %+v, %v; want the one", rs, err)
			}
			// a person without a personal code is keyed by birth date and name
			noCode := ProficiencyRegistration(3, sess)
			noCode.Person.Code, noCode.Person.BirthDate = isikukood.Code{}, calendar.MustDate(1946, time.March, 4)
			if _, err := s.CreateProficiencyRegistration(ctx, noCode, nil); err != nil {
				return fmt.Errorf("CreateProficiencyRegistration(no code): %v", err)
			}
			if rs, _ := s.PersonProficiencyRegistrations(ctx, noCode.Person.Key()); len(rs) != 1 || !rs[0].Person.BirthDate.After(calendar.MustDate(1946, 1, 1)) {
				return fmt.Errorf("PersonProficiencyRegistrations(%q) = %+v; want the one", noCode.Person.Key(), rs)
			}
			return nil
		},
	},
	{
		name:        "ProficiencyRegistrationVersionConflict",
		explanation: "proficiency.Store: UpdateProficiencyRegistration with a stale Version wraps store.ErrConflict and writes nothing, not even its events; changing the person or session wraps ErrInvalid; a current update bumps the Version and stores its events",
		check: func(ctx context.Context, s Store) error {
			sess, err := createProfSession(ctx, s, 1)
			if err != nil {
				return err
			}
			r, err := s.CreateProficiencyRegistration(ctx, ProficiencyRegistration(1, sess), nil)
			if err != nil {
				return err
			}
			stale := r
			r.NoticeSentOn = sess.Date.AddDays(-31)
			r2, err := s.UpdateProficiencyRegistration(ctx, r, []store.Event{{Kind: proficiency.EventNotice}})
			if err != nil || r2.Version != 2 {
				return fmt.Errorf("UpdateProficiencyRegistration = v%d, %v; want version 2", r2.Version, err)
			}
			stale.Status, stale.CancelledOn = proficiency.Cancelled, sess.Date.AddDays(-10)
			if _, err := s.UpdateProficiencyRegistration(ctx, stale, []store.Event{{Kind: proficiency.EventCancelled}}); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("UpdateProficiencyRegistration(stale) = %v; want ErrConflict", err)
			}
			moved := r2
			moved.Person.Code = Holder(2)
			if _, err := s.UpdateProficiencyRegistration(ctx, moved, nil); !errors.Is(err, proficiency.ErrInvalid) {
				return fmt.Errorf("UpdateProficiencyRegistration(other person) = %v; want ErrInvalid", err)
			}
			now, _ := s.ProficiencyRegistration(ctx, r.ID)
			if now.Status != proficiency.Registered || now.Version != 2 || now.NoticeSentOn != r.NoticeSentOn {
				return fmt.Errorf("after the refused updates: status %v version %d; want registered, 2", now.Status, now.Version)
			}
			evs, _ := allEvents(ctx, s)
			if len(evs) != 1 || evs[0].Kind != proficiency.EventNotice || evs[0].Subject != proficiency.RegistrationSubject(r.ID) {
				return fmt.Errorf("events = %+v; want only the notice, subject %q", evs, proficiency.RegistrationSubject(r.ID))
			}
			return nil
		},
	},
	{
		name:        "ProficiencyOneActiveRegistration",
		explanation: "proficiency.Store: a person has at most one Registered registration (LNG-07): a second, by create or update, wraps store.ErrExists and writes nothing; once the first has an outcome the person may register again",
		check: func(ctx context.Context, s Store) error {
			a, _ := createProfSession(ctx, s, 1)
			b, _ := createProfSession(ctx, s, 2)
			first, err := s.CreateProficiencyRegistration(ctx, ProficiencyRegistration(1, a), nil)
			if err != nil {
				return err
			}
			second := ProficiencyRegistration(1, b)
			if _, err := s.CreateProficiencyRegistration(ctx, second, profRegistered(second)); !errors.Is(err, store.ErrExists) {
				return fmt.Errorf("second active registration = %v; want ErrExists", err)
			}
			if n := profEventCount(ctx, s); n != 0 {
				return fmt.Errorf("the refused registration left %d events", n)
			}
			if _, err := s.CreateProficiencyRegistration(ctx, ProficiencyRegistration(2, b), nil); err != nil {
				return fmt.Errorf("another person's registration: %v", err)
			}
			old := ProficiencyRegistration(1, b)
			old.Status, old.CancelledOn = proficiency.Cancelled, b.Date.AddDays(-20)
			if _, err := s.CreateProficiencyRegistration(ctx, old, nil); err != nil {
				return fmt.Errorf("a cancelled registration beside the active one: %v", err)
			}
			first.Status, first.CancelledOn = proficiency.Cancelled, a.Date.AddDays(-10)
			if first, err = s.UpdateProficiencyRegistration(ctx, first, nil); err != nil {
				return err
			}
			third, err := s.CreateProficiencyRegistration(ctx, second, nil)
			if err != nil {
				return fmt.Errorf("registration after cancelling: %v", err)
			}
			first.Status = proficiency.Registered
			if _, err := s.UpdateProficiencyRegistration(ctx, first, nil); !errors.Is(err, store.ErrExists) {
				return fmt.Errorf("re-activating beside another active one = %v; want ErrExists", err)
			}
			rs, _ := s.PersonProficiencyRegistrations(ctx, first.Person.Key())
			active := 0
			for _, r := range rs {
				if r.Status.Active() {
					active++
					if r.ID != third.ID {
						return fmt.Errorf("active registration %d; want %d", r.ID, third.ID)
					}
				}
			}
			if len(rs) != 3 || active != 1 {
				return fmt.Errorf("%d registrations, %d active; want 3, 1", len(rs), active)
			}
			return nil
		},
	},
	{
		name:        "ProficiencyOneActiveRegistrationConcurrent",
		explanation: "proficiency.Store: of concurrent registrations of one person exactly one succeeds, the others wrap store.ErrExists, and exactly one event is stored (LNG-07 enforced by the store)",
		check: func(ctx context.Context, s Store) error {
			const n = 16
			sessions := make([]proficiency.Session, n)
			for i := range n {
				var err error
				if sessions[i], err = createProfSession(ctx, s, i); err != nil {
					return err
				}
			}
			var wg sync.WaitGroup
			errs := make([]error, n)
			for i := range n {
				wg.Go(func() {
					r := ProficiencyRegistration(7, sessions[i])
					_, errs[i] = s.CreateProficiencyRegistration(ctx, r, profRegistered(r))
				})
			}
			wg.Wait()
			ok := 0
			for _, err := range errs {
				switch {
				case err == nil:
					ok++
				case !errors.Is(err, store.ErrExists):
					return fmt.Errorf("concurrent registration = %v; want nil or ErrExists", err)
				}
			}
			rs, _ := s.PersonProficiencyRegistrations(ctx, ProficiencyRegistration(7, sessions[0]).Person.Key())
			if ok != 1 || len(rs) != 1 || profEventCount(ctx, s) != 1 {
				return fmt.Errorf("%d succeeded, %d stored, %d events; want exactly one of each", ok, len(rs), profEventCount(ctx, s))
			}
			return nil
		},
	},
	{
		name:        "ProficiencyRegistrationIdempotent",
		explanation: "proficiency.Store: CreateProficiencyRegistration with a key already used for the same person and session returns that registration and writes nothing; for another person or session it wraps store.ErrExists",
		check: func(ctx context.Context, s Store) error {
			a, _ := createProfSession(ctx, s, 1)
			b, _ := createProfSession(ctx, s, 2)
			r := ProficiencyRegistration(1, a)
			r.Key = "online-123"
			first, err := s.CreateProficiencyRegistration(ctx, r, profRegistered(r))
			if err != nil {
				return err
			}
			again, err := s.CreateProficiencyRegistration(ctx, r, profRegistered(r))
			if err != nil || again.ID != first.ID {
				return fmt.Errorf("retry = %d, %v; want registration %d", again.ID, err, first.ID)
			}
			other := ProficiencyRegistration(2, b)
			other.Key = r.Key
			if _, err := s.CreateProficiencyRegistration(ctx, other, profRegistered(other)); !errors.Is(err, store.ErrExists) {
				return fmt.Errorf("key reused for another person = %v; want ErrExists", err)
			}
			if n := profEventCount(ctx, s); n != 1 {
				return fmt.Errorf("%d events; want 1", n)
			}
			return nil
		},
	},
	{
		name:        "ProficiencyEventsCommitted",
		explanation: "proficiency.Store: the events of a registration are stored with it, in order, with the registration's subject where they name none, and can be marked sent",
		check: func(ctx context.Context, s Store) error {
			sess, _ := createProfSession(ctx, s, 1)
			r := ProficiencyRegistration(1, sess)
			evs := append(profRegistered(r), store.Event{Kind: "audit", Subject: "own-subject", At: r.RegisteredAt})
			got, err := s.CreateProficiencyRegistration(ctx, r, evs)
			if err != nil {
				return err
			}
			out, _ := s.OutboxEvents(ctx, store.EventQuery{Recipient: r.Person.Code.String()})
			if len(out) != 1 || out[0].Subject != proficiency.RegistrationSubject(got.ID) || out[0].Data["session"] != sess.ID || !out[0].At.Equal(r.RegisteredAt) {
				return fmt.Errorf("events for the person = %+v; want the registration's, subject %q", out, proficiency.RegistrationSubject(got.ID))
			}
			all, _ := allEvents(ctx, s)
			if len(all) != 2 || all[1].Subject != "own-subject" || all[1].ID <= all[0].ID {
				return fmt.Errorf("events = %+v; want both, in order, the second with its own subject", all)
			}
			if err := s.MarkEventsSent(ctx, all[0].ID); err != nil {
				return err
			}
			if unsent, _ := s.OutboxEvents(ctx, store.EventQuery{Unsent: true}); len(unsent) != 1 {
				return fmt.Errorf("%d unsent events; want 1", len(unsent))
			}
			return nil
		},
	},
}
