// Package storetest is the conformance suite every store of the SDK must pass: a host that keeps the
// SDK's records in its own database runs [Run] against its implementation, as memstore and pgstore
// do in their own tests.
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) storetest.Store { return memstore.New() })
//	}
//
// Each case checks one clause of the store contracts (the doc comments of the domain packages' Store
// interfaces) and says which when it fails. [Check] runs the same cases outside go test and joins
// the failures; [RunBenchmarks] measures a store.
//
// The cases: not found, exists, version conflicts, numbering from a series (sequential, no gaps, no
// reuse), idempotent issuing, 1,000 concurrent issuers with no duplicate or lost number and every
// event in the outbox exactly once, hidden certificates invisible to public queries, the outbox
// committed with the change and never without it, copies in and out, and a cancelled context; the
// owner's requests (numbering, unique tokens); duplicate cases (versions, and IssueDuplicate writing
// the case, the original and the duplicate together or not at all); proficiency registrations (one
// active registration per person, also under concurrency; idempotent registering); the outbox's
// delivery state (claims and their leases, also under concurrency; failed attempts, dead letters,
// releases, requeues) and package notify's dispatcher on the store under faults (messages failing
// for a while or for good, a sender that is down, an outbox failing mid-run, four dispatchers at
// once); a public query needs its date; the retention of personal data (CERT-12: PersonalDataDue by
// the day, register kinds only, paged; ErasePersonalData keeps the anonymised record and never lets
// personal data be written back); the register's reference data (revisions, copies, the search of
// qualifications open for application against its definition in package register, and its index
// following every change); the owner's requests' versions and their query by addressee (CERT-08);
// applications (versions, queries, the awarding bodies' settings, and AwardApplication writing the
// application and its certificate together or not at all, exactly once under retries and 20
// concurrent deciders); batches of certificates (all or nothing, exactly once on retry, gap-free under
// concurrent batches); vocational exams (versions, the query by period, signing a committee protocol
// exactly once under racing signers, all or nothing). Run also runs [RunPublicView], the property test of the public
// view over every kind and status (CERT-04, CERT-12). [RunModel] is a model-based check of the
// certificate store against memstore. Later issues add their cases here.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/store"
)

// Store is the union of the store interfaces the SDK's packages consume. A host's store must
// implement all of them to pass [Run].
type Store interface {
	certificate.Store
	request.ServiceStore
	certificate.BatchIssuer // batch.go
	application.Store
	duplicateStore // duplicate.go
	examStore      // exam.go
	store.Outbox   // the outbox every package writes to (outbox.go)
	registerStore  // register.go
	stampStore     // requests.go
}

type testCase struct {
	name        string
	explanation string // the contract clause the case checks
	check       func(ctx context.Context, s Store) error
}

// Run runs each conformance case in its own subtest, on a fresh store from newStore. newStore must
// return an empty store and release it with t.Cleanup.
func Run(t *testing.T, newStore func(t *testing.T) Store) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := c.check(t.Context(), newStore(t)); err != nil {
				t.Errorf("%v\n\tcontract: %s", err, c.explanation)
			}
		})
	}
	t.Run("PublicViewProperty", func(t *testing.T) { RunPublicView(t, newStore) })
}

// Check runs every case outside go test, each on a fresh store from newStore, and returns the
// failures joined with errors.Join, or nil.
func Check(ctx context.Context, newStore func() (Store, error)) error {
	var errs []error
	for _, c := range cases {
		s, err := newStore()
		if err != nil {
			return fmt.Errorf("storetest: new store for %s: %w", c.name, err)
		}
		if err := c.check(ctx, s); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w (contract: %s)", c.name, err, c.explanation))
		}
	}
	return errors.Join(errs...)
}

// Holder returns the personal code of test holder i (valid, GEN-01), for fixtures.
func Holder(i int) isikukood.Code {
	sex := isikukood.Female
	if i%2 == 1 {
		sex = isikukood.Male
	}
	born := calendar.MustDate(1960, time.January, 1).AddDays(i % 15000)
	c, err := isikukood.Make(sex, born, i%1000)
	if err != nil {
		panic(err) // Make only fails on impossible input, which the arithmetic above never gives
	}
	return c
}

// Sample returns a valid occupational certificate for test holder i, without a number, for
// fixtures: title "Kokk, tase 4", valid for five years from 2025-01-09.
func Sample(i int) certificate.Certificate {
	from := calendar.MustDate(2025, time.January, 9)
	return certificate.Certificate{
		Kind:         certificate.Occupational,
		Holder:       certificate.Holder{Name: "Test Isik " + strconv.Itoa(i), Code: Holder(i)},
		Title:        "Kokk, tase 4",
		Standard:     "Kokk, tase 4",
		EKR:          classifier.MustLevel(4),
		EQF:          classifier.MustLevel(4),
		Competences:  []string{"Restoranitöö"},
		ExamLanguage: "eesti keel",
		Issuer:       "Eesti Hotellide ja Restoranide Liit",
		IssuerCode:   "80015264",
		IssuedOn:     from,
		ValidFrom:    from,
		ValidUntil:   from.AddYears(5).AddDays(-1),
		IssuedAt:     time.Date(2025, 1, 9, 10, 0, 0, 0, time.UTC),
	}
}

// sampleDay is a day on which every Sample certificate is valid: the date of the cases' public queries.
var sampleDay = calendar.MustDate(2026, time.November, 22)

// series is the series the cases allocate from.
var series = certificate.Series{Prefix: "KT", Width: 6, First: 1}

func issued(kind string, c certificate.Certificate) store.Event {
	return store.Event{Kind: kind, Recipient: c.Holder.Code.String(), At: c.IssuedAt, Data: map[string]string{"title": c.Title}}
}

// issue issues Sample(i) with a fresh number and one event.
func issue(ctx context.Context, s Store, i int, key string) (certificate.Certificate, error) {
	c := Sample(i)
	return s.IssueCertificate(ctx, certificate.Issue{
		Certificate: c, Series: series, IdempotencyKey: key, Fingerprint: "fp-" + strconv.Itoa(i),
		Events: []store.Event{issued(certificate.EventIssued, c)},
	})
}

func allEvents(ctx context.Context, s Store) ([]store.Event, error) {
	return s.OutboxEvents(ctx, store.EventQuery{Limit: 100000})
}

func wantErr(op string, err, want error) error {
	if !errors.Is(err, want) {
		return fmt.Errorf("%s = %v; want an error wrapping %v", op, err, want)
	}
	return nil
}
