package certificate

import (
	"context"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/store"
)

// Store is the storage package certificate consumes. Hosts implement it (or use memstore or
// pgstore); storetest.Run checks an implementation against this contract. Every method is safe
// for concurrent use. Records are copied in and out: a caller never shares memory with the store.
type Store interface {
	// Certificate returns the certificate numbered no, or an error wrapping store.ErrNotFound.
	Certificate(ctx context.Context, no Number) (Certificate, error)

	// HolderCertificates returns every certificate of the holder with personal code code, hidden
	// ones included, ordered by number. None is not an error.
	HolderCertificates(ctx context.Context, code isikukood.Code) ([]Certificate, error)

	// PublicCertificates returns the certificates that match q, ordered by number, at most q.Limit.
	// It never returns a hidden certificate (CERT-04).
	PublicCertificates(ctx context.Context, q PublicQuery) ([]Certificate, error)

	// IssueCertificate stores a new certificate and its events in one commit, and returns it as
	// stored (Version 1, its number). See [Issue] for numbering, idempotency and events.
	// Errors wrap store.ErrExists (the number is taken, or the idempotency key was used for a
	// different request) or store.ErrConflict (a transaction conflict; retry).
	IssueCertificate(ctx context.Context, in Issue) (Certificate, error)

	// UpdateCertificate stores c if the stored Version equals c.Version, with events in the same
	// commit, and returns it with Version+1. Otherwise it returns an error wrapping
	// store.ErrConflict (stale version) or store.ErrNotFound (no such certificate), and stores
	// nothing. The number, kind and holder's code of a stored certificate never change: an update
	// that changes them is refused with an error wrapping ErrInvalid.
	UpdateCertificate(ctx context.Context, c Certificate, events []store.Event) (Certificate, error)

	// ExpiringCertificates returns at most limit certificates (0 means 1000) whose last day of
	// validity is from from to until inclusive, that are neither invalidated nor replaced and whose
	// owner has not been told yet (ExpiryNotice zero), ordered by ValidUntil and then number.
	ExpiringCertificates(ctx context.Context, from, until calendar.Date, limit int) ([]Certificate, error)

	// MarkExpiryNotified sets ExpiryNotice to on for the certificate numbered no if its stored
	// Version equals version, with events in the same commit, and returns it with Version+1.
	// Otherwise it returns an error wrapping store.ErrConflict or store.ErrNotFound and stores
	// nothing.
	MarkExpiryNotified(ctx context.Context, no Number, version int64, on calendar.Date, events []store.Event) (Certificate, error)

	// OutboxEvents returns the outbox's events matching q, ordered by ID: the part of the shared
	// outbox (store.Outbox) the register reads, for the owner's notices.
	OutboxEvents(ctx context.Context, q store.EventQuery) ([]store.Event, error)
}

// Issue is what [Store.IssueCertificate] takes.
//
// Numbering: when Certificate.Number is empty the store allocates the next number of Series in the
// same commit: never the same number twice, and none skipped except numbers already taken (by a
// record imported with its number). The series' counter starts at Series.First. When
// Certificate.Number is given it is stored as it is, or refused with store.ErrExists.
//
// Idempotency: when IdempotencyKey is not empty and a certificate was issued under the same key
// before, nothing is written and that certificate is returned with a nil error, provided the
// Fingerprint matches; a different fingerprint is an error wrapping store.ErrExists.
//
// Events: each event is stored in the outbox in the same commit; an event with an empty Subject
// gets the certificate's number as its Subject.
type Issue struct {
	Certificate    Certificate
	Series         Series
	IdempotencyKey string
	Fingerprint    string // a digest of the request, to tell a retry from a reuse of the key
	Events         []store.Event
}

// PublicQuery selects certificates for the public (CERT-04): hidden ones are never returned.
type PublicQuery struct {
	// Text, when not empty, must occur (case-insensitively, after Unicode lower-casing) in the
	// holder's name, the title, the standard or the number.
	Text string
	// Number, when not empty, selects the certificate with exactly this number.
	Number Number
	// IssuerCode, when not empty, selects the certificates of that awarding body or school.
	IssuerCode string
	// Kind, when not zero, selects that kind.
	Kind Kind
	// After, when not empty, returns only numbers greater than After (keyset paging).
	After Number
	// Limit is the most to return; 0 means 100. Stores cap it at 1000.
	Limit int
}

// EffectiveLimit returns the limit a store applies: 100 for 0, at most 1000.
func (q PublicQuery) EffectiveLimit() int {
	switch {
	case q.Limit <= 0:
		return 100
	case q.Limit > 1000:
		return 1000
	}
	return q.Limit
}
