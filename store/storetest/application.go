package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"time"

	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// Application returns an application fixture of test holder i to the awarding body 80015264
// (Sample's issuer) for "Kokk, tase 4": submitted, its form attached, in process.
func Application(i int) application.Application {
	at := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)
	return application.Application{
		Kind: application.First, State: application.InProcess,
		Applicant: application.Person{Name: "Test Isik " + fmt.Sprint(i), Code: Holder(i), NameFrom: application.FromKutseregister,
			Born: Holder(i).BirthDate(), Email: "test@example.ee", Phone: "+372 5555 0000"},
		Body: "80015264", BodyName: "Eesti Hotellide ja Restoranide Liit", Receiver: "80015264", ReceiverName: "Eesti Hotellide ja Restoranide Liit",
		Standard: 10500001, StandardVersion: 10500002, StandardName: "Kokk, tase 4", Level: classifier.MustLevel(4),
		Choice: application.Choice{Competences: []register.ID{10500010}, ExamLanguage: 1, Title: "Kokk, tase 4",
			CompetenceNames: []string{"Restoranitöö"}, ExamLanguageName: "eesti keel"},
		Conditions:  []application.Condition{{Text: "Kokana töötamise kogemus vähemalt 1 aasta", Confirmed: true}},
		Declared:    true,
		Attachments: []application.Attachment{{Document: "cv", DocumentName: "Elulookirjeldus", Name: "CV.pdf", MediaType: "application/pdf", Size: 2048, SHA256: "ab" + fmt.Sprintf("%062d", i), Ref: "s3://kutse/cv", At: at}},
		Form:        application.Form{Name: "Avaldus-1.pdf", Data: []byte("%PDF-1.7 avaldus"), SHA256: "cd" + fmt.Sprintf("%062d", i), GeneratedAt: at},
		CreatedAt:   at.Add(-time.Hour), SubmittedAt: at, Submitted: calendar.DateOf(at),
		Completion: application.Completion{Missing: []string{"tööandja tõend"}, Requested: calendar.MustDate(2026, 11, 24), Due: calendar.MustDate(2026, 12, 8), Days: 14, By: "80015264"},
		Decision:   application.Decision{},
	}
}

// normApp puts an application in a canonical form for comparing: instants in UTC, empty lists nil.
func normApp(a application.Application) application.Application {
	a = a.Clone()
	a.CreatedAt, a.SubmittedAt, a.Form.GeneratedAt = a.CreatedAt.UTC(), a.SubmittedAt.UTC(), a.Form.GeneratedAt.UTC()
	for i := range a.Attachments {
		a.Attachments[i].At = a.Attachments[i].At.UTC()
	}
	nilIfEmpty(&a.Conditions)
	nilIfEmpty(&a.Attachments)
	nilIfEmpty(&a.Choice.Competences)
	nilIfEmpty(&a.Choice.CompetenceNames)
	nilIfEmpty(&a.Completion.Missing)
	nilIfEmpty(&a.Decision.Reasons)
	nilIfEmpty(&a.Contest.Reasons)
	nilIfEmpty(&a.Contest.ExtensionReasons)
	if len(a.Form.Data) == 0 {
		a.Form.Data = nil
	}
	if len(a.Completion.Data) == 0 {
		a.Completion.Data = nil
	}
	return a
}

func nilIfEmpty[T any](s *[]T) {
	if len(*s) == 0 {
		*s = nil
	}
}

func sameApp(got, want application.Application) bool {
	return reflect.DeepEqual(normApp(got), normApp(want))
}

// awardOf returns the award of application a with the certificate of its applicant to issue.
func awardOf(a application.Application) application.Awarding {
	c := Sample(1)
	c.Holder = certificate.Holder{Name: a.Applicant.Name, Code: a.Applicant.Code}
	at := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	c.IssuedOn, c.ValidFrom, c.ValidUntil, c.IssuedAt = calendar.DateOf(at), calendar.DateOf(at), calendar.DateOf(at).AddYears(5).AddDays(-1), at
	c.Extra = map[string]string{"application": fmt.Sprint(a.ID)}
	a.State = application.Awarded
	a.Decision = application.Decision{Outcome: application.OutcomeAward, On: calendar.DateOf(at), Reference: "kutsekomisjoni otsus nr 1", By: a.Body}
	return application.Awarding{
		Application: a,
		Issue: certificate.Issue{Certificate: c, Series: series, IdempotencyKey: a.IdempotencyKey(), Fingerprint: "fp-" + fmt.Sprint(a.ID),
			Events: []store.Event{issued(certificate.EventIssued, c)}},
		Events: []store.Event{{Kind: application.EventAwarded, Recipient: a.Applicant.Code.String(), At: at,
			Data: map[string]string{"certificate": "", store.RecipientKey: store.ToPerson}}},
	}
}

// Settings returns settings fixture of the awarding body 80015264: joined, one partner, one
// qualification with two documents and a round.
func Settings() application.Settings {
	return application.Settings{
		Body: "80015264", Joined: true, External: "https://www.ehrl.ee/kutse",
		Partners: []application.Partner{{Code: "70000001", Name: "Koolituskeskus OÜ", Standards: []register.ID{10500001},
			Period: law.Period{From: calendar.MustDate(2026, 1, 1)}}},
		Qualifications: []application.Qualification{{
			Standard: 10500001,
			Documents: []application.DocumentSpec{
				{Code: "cv", Name: application.Text{Et: "Elulookirjeldus", En: "Curriculum vitae"}},
				{Code: "toend", Name: application.Text{Et: "Tööandja tõend", En: "Employer's statement"}, For: application.ForFirst, Note: "viimase 2 aasta kohta"},
			},
			Info: register.BodyInfo{Rounds: []register.Round{{Opens: calendar.MustDate(2026, 11, 1), Closes: calendar.MustDate(2026, 12, 15)}},
				ExamDates: []calendar.Date{calendar.MustDate(2027, 1, 20)}, Text: "Eksam Tallinnas.", Link: "https://www.ehrl.ee/kokk"},
			ValidityMonths: 60,
		}},
		UpdatedAt: time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC),
	}
}

func init() {
	cases = append(cases, applicationCases...)
}

// unawarded checks that a refused AwardApplication wrote nothing: the application as it was, no
// certificate of the applicant, and no more events than before.
func unawarded(ctx context.Context, s Store, op string, a application.Application, events int) error {
	got, err := s.Application(ctx, a.ID)
	if err != nil {
		return fmt.Errorf("after %s: Application: %v", op, err)
	}
	if got.Version != a.Version || got.State != a.State || got.Awarded != "" {
		return fmt.Errorf("after %s the application is version %d, %s, awarded %q; want it untouched (version %d)", op, got.Version, got.State, got.Awarded, a.Version)
	}
	if cs, _ := s.HolderCertificates(ctx, a.Applicant.Code); len(cs) != 0 {
		return fmt.Errorf("after %s the applicant has %d certificates; want none", op, len(cs))
	}
	if evs, _ := allEvents(ctx, s); len(evs) != events {
		return fmt.Errorf("after %s there are %d events; want %d (none written)", op, len(evs), events)
	}
	return nil
}

var applicationCases = []testCase{
	{
		name:        "ApplicationNotFound",
		explanation: "Application and UpdateApplication of an ID never stored, BodySettings of a body without settings and PutBodySettings over settings never stored return an error wrapping store.ErrNotFound (APP-08, APP-03)",
		check: func(ctx context.Context, s Store) error {
			if _, err := s.Application(ctx, 4242); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("Application(missing) = %v; want ErrNotFound", err)
			}
			a := Application(1)
			a.ID, a.Version = 4242, 1
			if _, err := s.UpdateApplication(ctx, a, nil); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("UpdateApplication(missing) = %v; want ErrNotFound", err)
			}
			if _, err := s.AwardApplication(ctx, awardOf(a)); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("AwardApplication(missing) = %v; want ErrNotFound", err)
			}
			if _, err := s.BodySettings(ctx, "80015264"); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("BodySettings(missing) = %v; want ErrNotFound", err)
			}
			set := Settings()
			set.Version = 1
			if _, err := s.PutBodySettings(ctx, set); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("PutBodySettings(version 1 of none) = %v; want ErrNotFound", err)
			}
			return wantNoEvents(ctx, s, "the refused calls")
		},
	},
	{
		name:        "ApplicationStoredAndRead",
		explanation: "CreateApplication stores an application as given with the next ID and Version 1, its form's bytes too, and its events with the subject application/<id>; Application returns it as stored (APP-05, APP-06)",
		check: func(ctx context.Context, s Store) error {
			want := Application(1)
			got, err := s.CreateApplication(ctx, want, []store.Event{{Kind: application.EventSubmitted, Recipient: want.Applicant.Code.String(), At: want.SubmittedAt}})
			if err != nil {
				return fmt.Errorf("CreateApplication: %v", err)
			}
			if got.ID < 1 || got.Version != 1 {
				return fmt.Errorf("CreateApplication = ID %d version %d; want an ID and version 1", got.ID, got.Version)
			}
			second, err := s.CreateApplication(ctx, Application(2), nil)
			if err != nil || second.ID <= got.ID {
				return fmt.Errorf("second CreateApplication = ID %d, %v; want a greater ID", second.ID, err)
			}
			read, err := s.Application(ctx, got.ID)
			if err != nil {
				return err
			}
			want.ID, want.Version = got.ID, 1
			if !sameApp(read, want) {
				return fmt.Errorf("Application(%d) =\n\t%+v\nwant\n\t%+v", got.ID, normApp(read), normApp(want))
			}
			evs, _ := allEvents(ctx, s)
			if len(evs) != 1 || evs[0].Subject != application.Subject(got.ID) {
				return fmt.Errorf("events = %+v; want one with the subject %s", evs, application.Subject(got.ID))
			}
			read.Form.Data[0] = 'X'
			read.Choice.CompetenceNames[0] = "muudetud"
			if again, _ := s.Application(ctx, got.ID); !sameApp(again, want) {
				return fmt.Errorf("changing a returned application changed the stored one: %+v", again)
			}
			return nil
		},
	},
	{
		name:        "ApplicationVersions",
		explanation: "UpdateApplication stores an application with its events if its version is the one stored and returns Version+1; a stale version wraps store.ErrConflict, a changed applicant or awarding body invalid.ErrInvalid, and then nothing is stored, not even an event (APP-08: optimistic concurrency)",
		check: func(ctx context.Context, s Store) error {
			a, err := s.CreateApplication(ctx, Application(1), nil)
			if err != nil {
				return err
			}
			next := a.Clone()
			next.State, next.Admission = application.Admitted, application.Admission{On: calendar.MustDate(2026, 11, 25), ExamDate: calendar.MustDate(2027, 1, 20), By: "70000001"}
			up, err := s.UpdateApplication(ctx, next, []store.Event{{Kind: application.EventAdmitted, Recipient: a.Applicant.Code.String()}})
			if err != nil || up.Version != 2 {
				return fmt.Errorf("UpdateApplication = v%d, %v; want version 2", up.Version, err)
			}
			if read, _ := s.Application(ctx, a.ID); read.State != application.Admitted || read.Admission.ExamDate != calendar.MustDate(2027, 1, 20) || read.Version != 2 {
				return fmt.Errorf("after UpdateApplication Application = %+v", read)
			}
			stale := next.Clone()
			stale.State = application.Refused
			if _, err := s.UpdateApplication(ctx, stale, []store.Event{{Kind: "x"}}); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("UpdateApplication(stale) = %v; want ErrConflict", err)
			}
			for what, change := range map[string]func(*application.Application){
				"applicant": func(x *application.Application) { x.Applicant.Code = Holder(2) },
				"body":      func(x *application.Application) { x.Body = "80040205" },
				"awarded":   func(x *application.Application) { x.Awarded = "KT000001" },
			} {
				c := up.Clone()
				change(&c)
				if _, err := s.UpdateApplication(ctx, c, []store.Event{{Kind: "x"}}); !errors.Is(err, invalid.ErrInvalid) {
					return fmt.Errorf("UpdateApplication(changed %s) = %v; want ErrInvalid", what, err)
				}
			}
			if read, _ := s.Application(ctx, a.ID); read.Version != 2 || read.State != application.Admitted {
				return fmt.Errorf("a refused update changed the application: %+v", read)
			}
			if evs, _ := allEvents(ctx, s); len(evs) != 1 {
				return fmt.Errorf("refused updates left %d events; want 1", len(evs))
			}
			return nil
		},
	},
	{
		name:        "ApplicationsQuery",
		explanation: "Applications returns the applications a query selects (applicant, awarding body, receiver, state, submitted, after an ID), ordered by ID, at most the limit (APP-04, APP-08)",
		check: func(ctx context.Context, s Store) error {
			var ids []int64
			for i := range 5 {
				a := Application(i % 2)
				switch i {
				case 1:
					a.State = application.Draft
				case 2:
					a.Receiver = "70000001"
				case 3:
					a.Body, a.Receiver = "80040205", "80040205"
				}
				got, err := s.CreateApplication(ctx, a, nil)
				if err != nil {
					return err
				}
				ids = append(ids, got.ID)
			}
			list := func(q application.Query) ([]int64, error) {
				as, err := s.Applications(ctx, q)
				var out []int64
				for _, a := range as {
					out = append(out, a.ID)
				}
				return out, err
			}
			for _, tc := range []struct {
				q    application.Query
				want []int64
			}{
				{application.Query{}, ids},
				{application.Query{Applicant: Holder(0)}, []int64{ids[0], ids[2], ids[4]}},
				{application.Query{Body: "80015264", Submitted: true}, []int64{ids[0], ids[2], ids[4]}},
				{application.Query{Receiver: "70000001"}, []int64{ids[2]}},
				{application.Query{State: application.Draft}, []int64{ids[1]}},
				{application.Query{AfterID: ids[1], Limit: 2}, []int64{ids[2], ids[3]}},
				{application.Query{Body: "10000000"}, nil},
			} {
				got, err := list(tc.q)
				if err != nil || fmt.Sprint(got) != fmt.Sprint(tc.want) {
					return fmt.Errorf("Applications(%+v) = %v, %v; want %v", tc.q, got, err, tc.want)
				}
			}
			as, _ := s.Applications(ctx, application.Query{Limit: 1})
			if len(as) != 1 || as[0].Form.Data != nil || as[0].Form.SHA256 == "" || len(as[0].Attachments) != 1 {
				return fmt.Errorf("Applications = %+v; want the records without their forms' bytes", as)
			}
			as[0].Admission.Note = "listed and written back"
			if _, err := s.UpdateApplication(ctx, as[0], nil); err != nil {
				return fmt.Errorf("UpdateApplication(a listed application): %v", err)
			}
			if read, _ := s.Application(ctx, as[0].ID); string(read.Form.Data) != string(Application(0).Form.Data) || read.Admission.Note == "" {
				return fmt.Errorf("an update without the form's bytes lost them: %q", read.Form.Data)
			}
			return nil
		},
	},
	{
		name:        "BodySettings",
		explanation: "PutBodySettings stores new settings with Version 1 (store.ErrExists when the body has some) and an update over the stored version with Version+1 (store.ErrConflict over a stale one); BodySettings returns them as stored (APP-03, APP-04)",
		check: func(ctx context.Context, s Store) error {
			want := Settings()
			got, err := s.PutBodySettings(ctx, want)
			if err != nil || got.Version != 1 {
				return fmt.Errorf("PutBodySettings(new) = v%d, %v; want version 1", got.Version, err)
			}
			if _, err := s.PutBodySettings(ctx, want); !errors.Is(err, store.ErrExists) {
				return fmt.Errorf("PutBodySettings(new again) = %v; want ErrExists", err)
			}
			read, err := s.BodySettings(ctx, want.Body)
			want.Version = 1
			if err != nil || !sameSettings(read, want) {
				return fmt.Errorf("BodySettings = %+v, %v; want %+v", read, err, want)
			}
			read.Joined = false
			up, err := s.PutBodySettings(ctx, read)
			if err != nil || up.Version != 2 {
				return fmt.Errorf("PutBodySettings(update) = v%d, %v; want version 2", up.Version, err)
			}
			if _, err := s.PutBodySettings(ctx, read); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("PutBodySettings(stale) = %v; want ErrConflict", err)
			}
			if again, _ := s.BodySettings(ctx, want.Body); again.Joined || again.Version != 2 {
				return fmt.Errorf("after the update BodySettings = %+v", again)
			}
			return nil
		},
	},
	{
		name:        "AwardAtomic",
		explanation: "AwardApplication writes the application as awarded (Version+1, Awarded set), the certificate with its number from the series and the events (an empty Data certificate filled in) in one commit; a stale version, a number taken or an idempotency key used for another certificate wraps store.ErrConflict or store.ErrExists and writes nothing, uses up no number (APP-08)",
		check: func(ctx context.Context, s Store) error {
			a, err := s.CreateApplication(ctx, Application(1), nil)
			if err != nil {
				return err
			}
			stale := awardOf(a)
			stale.Application.Version = a.Version + 1
			if _, err := s.AwardApplication(ctx, stale); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("AwardApplication(stale) = %v; want ErrConflict", err)
			}
			if err := unawarded(ctx, s, "the stale award", a, 0); err != nil {
				return err
			}
			taken := Sample(9)
			taken.Number = "KT777777"
			if _, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: taken}); err != nil {
				return err
			}
			clash := awardOf(a)
			clash.Issue.Certificate.Number = "KT777777"
			if _, err := s.AwardApplication(ctx, clash); !errors.Is(err, store.ErrExists) {
				return fmt.Errorf("AwardApplication(number taken) = %v; want ErrExists", err)
			}
			if err := unawarded(ctx, s, "the award under a number taken", a, 0); err != nil {
				return err
			}
			other := Sample(8)
			if _, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: other, Series: series, IdempotencyKey: a.IdempotencyKey(), Fingerprint: "another"}); err != nil {
				return err
			}
			if _, err := s.AwardApplication(ctx, awardOf(a)); !errors.Is(err, store.ErrExists) {
				return fmt.Errorf("AwardApplication(key used for another certificate) = %v; want ErrExists", err)
			}
			if err := unawarded(ctx, s, "the award under a key used", a, 0); err != nil {
				return err
			}

			b, err := s.CreateApplication(ctx, Application(2), nil)
			if err != nil {
				return err
			}
			out, err := s.AwardApplication(ctx, awardOf(b))
			if err != nil {
				return fmt.Errorf("AwardApplication: %v", err)
			}
			if out.Certificate.Number != "KT000002" || out.Certificate.Version != 1 {
				return fmt.Errorf("AwardApplication certificate = %q v%d; want KT000002 (the refused awards used up no number; KT000001 went to the other key)", out.Certificate.Number, out.Certificate.Version)
			}
			if out.Application.Awarded != out.Certificate.Number || out.Application.Version != b.Version+1 || out.Application.State != application.Awarded {
				return fmt.Errorf("AwardApplication application = awarded %q v%d %s", out.Application.Awarded, out.Application.Version, out.Application.State)
			}
			read, _ := s.Application(ctx, b.ID)
			if read.Awarded != out.Certificate.Number || read.Decision.Reference != "kutsekomisjoni otsus nr 1" || read.Version != b.Version+1 {
				return fmt.Errorf("after AwardApplication Application = %+v", read)
			}
			c, err := s.Certificate(ctx, out.Certificate.Number)
			if err != nil || c.Holder.Code != b.Applicant.Code || c.Extra["application"] != fmt.Sprint(b.ID) {
				return fmt.Errorf("the certificate = %+v, %v", c, err)
			}
			evs, _ := allEvents(ctx, s)
			if len(evs) != 2 || evs[0].Kind != certificate.EventIssued || evs[0].Subject != string(c.Number) ||
				evs[1].Kind != application.EventAwarded || evs[1].Subject != application.Subject(b.ID) || evs[1].Data["certificate"] != string(c.Number) {
				return fmt.Errorf("events = %+v; want the certificate's and the application's, the number filled in", evs)
			}
			return nil
		},
	},
	{
		name:        "AwardExactlyOnce",
		explanation: "an award is committed exactly once: 20 concurrent deciders with the same version give one success and store.ErrConflict for the rest, and a retry of an award that committed (its version stale, or the application already awarded) wraps store.ErrConflict; one certificate, one set of events (APP-08)",
		check: func(ctx context.Context, s Store) error {
			a, err := s.CreateApplication(ctx, Application(3), nil)
			if err != nil {
				return err
			}
			in := awardOf(a)
			var (
				wg       sync.WaitGroup
				mu       sync.Mutex
				wins     int
				failures []error
			)
			for range 20 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, err := s.AwardApplication(ctx, in)
					mu.Lock()
					defer mu.Unlock()
					switch {
					case err == nil:
						wins++
					case !errors.Is(err, store.ErrConflict):
						failures = append(failures, err)
					}
				}()
			}
			wg.Wait()
			if wins != 1 || len(failures) > 0 {
				return fmt.Errorf("20 concurrent AwardApplication: %d succeeded, other errors %v; want 1 and ErrConflict for the rest", wins, failures)
			}
			if _, err := s.AwardApplication(ctx, in); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("AwardApplication(retry, stale) = %v; want ErrConflict", err)
			}
			now, _ := s.Application(ctx, a.ID)
			again := awardOf(now)
			if _, err := s.AwardApplication(ctx, again); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("AwardApplication(retry on the awarded application) = %v; want ErrConflict", err)
			}
			if cs, _ := s.HolderCertificates(ctx, a.Applicant.Code); len(cs) != 1 || cs[0].Number != now.Awarded {
				return fmt.Errorf("the applicant has %d certificates; want exactly the one awarded (%s)", len(cs), now.Awarded)
			}
			if evs, _ := allEvents(ctx, s); len(evs) != 2 {
				return fmt.Errorf("%d events after the retries; want 2 (the certificate's and the application's, once)", len(evs))
			}
			return nil
		},
	},
}

func wantNoEvents(ctx context.Context, s Store, op string) error {
	if evs, _ := allEvents(ctx, s); len(evs) != 0 {
		return fmt.Errorf("%s left %d events; want none", op, len(evs))
	}
	return nil
}

func sameSettings(got, want application.Settings) bool {
	got, want = got.Clone(), want.Clone()
	got.UpdatedAt, want.UpdatedAt = got.UpdatedAt.UTC(), want.UpdatedAt.UTC()
	return reflect.DeepEqual(got, want)
}
