package certificate

import (
	"context"
	"strings"

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

	// PublicCertificates returns the certificates that match q, ordered by number, at most
	// q.EffectiveLimit(). It never returns a hidden certificate (CERT-04) nor one of a kind that is
	// not a public register entry ([Kind.Public]), and matches q.Text in the holder's name only on
	// certificates valid on q.On (CERT-12); see [PublicQuery]. A zero or impossible q.On is refused
	// with an error wrapping ErrInvalid.
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

	// PersonalDataDue returns at most limit certificates (0 means 1000) whose holder's personal data
	// are due for erasure on day on (CERT-12): [Certificate.PersonalDataDueOn] is true — a death is
	// recorded, the data are not erased yet, and the last day of retention
	// ([Certificate.PersonalDataUntil]) is before on — ordered by number, numbers greater than after
	// only (keyset paging; "" for the first page).
	PersonalDataDue(ctx context.Context, on calendar.Date, after Number, limit int) ([]Certificate, error)

	// ErasePersonalData erases the holder's personal data of the certificate numbered no — name,
	// personal code, birth date and death date become empty — and sets PersonalDataErased to on, if
	// the stored Version equals version, with events in the same commit, and returns it with
	// Version+1. Everything else of the record is kept. The certificate is then no longer among its
	// former holder's HolderCertificates. Otherwise it returns an error wrapping store.ErrConflict
	// or store.ErrNotFound and stores nothing.
	ErasePersonalData(ctx context.Context, no Number, version int64, on calendar.Date, events []store.Event) (Certificate, error)

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

// PublicQuery selects certificates for the public. A store never returns a hidden certificate
// (CERT-04) nor one of a kind that is not a public register entry ([Kind.Public]), whatever the query.
type PublicQuery struct {
	// On is the date of the query: the day for which the public view is made. It is required (the
	// [Registry] sets it to the search's date, today by default). The holder's name counts for Text
	// only on certificates valid on On ([Certificate.NameMatchable], CERT-12); the store applies it, so
	// that paging and limits count only what the public may find.
	On calendar.Date
	// Text, when not empty, must occur (case-insensitively, after Unicode lower-casing) in the title,
	// the standard or the number, or in the holder's name of a certificate valid on On. Never in the
	// personal code or the birth date, which are not searched.
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

// Matches reports whether c matches q as a store must decide it: public (not hidden, a public kind),
// the number, issuer, kind and After filters, and Text in the title, standard or number, or in the
// name while c is valid on q.On. q.Text is lower-cased here; stores may lower-case their side ahead.
// memstore uses it, and storetest checks stores against it.
func (q PublicQuery) Matches(c *Certificate) bool {
	return q.MatchesSearch(c, SearchEntry(c), SearchName(c))
}

// MatchesSearch is [PublicQuery.Matches] with c's search texts given ([SearchEntry], [SearchName]),
// for a store that computes them once per record rather than once per query.
func (q PublicQuery) MatchesSearch(c *Certificate, entry, name string) bool {
	switch {
	case c.Hidden, !c.Kind.Public(),
		q.Number != "" && c.Number != q.Number,
		q.IssuerCode != "" && c.IssuerCode != q.IssuerCode,
		q.Kind != 0 && c.Kind != q.Kind,
		q.After != "" && c.Number <= q.After:
		return false
	}
	return q.MatchesText(entry, name, c)
}

// MatchesText reports whether q.Text occurs in entry (the lower-cased title, standard and number,
// [SearchEntry]) or, while c is valid on q.On, in name (the lower-cased holder's name, [SearchName]).
func (q PublicQuery) MatchesText(entry, name string, c *Certificate) bool {
	if q.Text == "" {
		return true
	}
	t := strings.ToLower(q.Text)
	if strings.Contains(t, searchSep) {
		return false // each field is matched on its own
	}
	return strings.Contains(entry, t) || (strings.Contains(name, t) && c.NameMatchable(q.On))
}

// searchSep separates the fields of [SearchEntry]; a text containing it matches nothing.
const searchSep = "\x1f"

// SearchEntry returns the text the public search matches on any public certificate: the title, the
// standard and the number, lower-cased, separated by U+001F (which a query never matches across).
func SearchEntry(c *Certificate) string {
	return strings.ToLower(c.Title) + searchSep + strings.ToLower(c.Standard) + searchSep + strings.ToLower(string(c.Number))
}

// SearchName returns the lower-cased holder's name, which the public search matches only while the
// certificate is valid on the query's date (CERT-12).
func SearchName(c *Certificate) string { return strings.ToLower(c.Holder.Name) }

// Check returns an error wrapping ErrInvalid when q cannot be run: a zero or impossible On, or a
// kind that is not one.
func (q PublicQuery) Check() error {
	if !q.On.IsValid() {
		return &FieldError{Pkg: pkg, Field: "On", Value: dateText(q.On), Reason: "is required: the date of the public query (CERT-12)"}
	}
	if q.Kind != 0 && !q.Kind.Valid() {
		return &FieldError{Pkg: pkg, Field: "Kind", Value: q.Kind.String(), Reason: "is not a certificate kind"}
	}
	return nil
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
