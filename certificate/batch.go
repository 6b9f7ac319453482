package certificate

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/kutsekit/kutse/actor"
)

// BatchIssuer is the optional capability of a [Store] to issue many certificates in one commit:
// memstore and pgstore have it, and storetest checks it. [Registry.IssueBatch] needs it; a service
// that issues a batch together with a change of its own records (a signed qualification committee
// protocol, package exam/vocational) declares a store method of its own that honours the same
// contract.
type BatchIssuer interface {
	// IssueCertificates issues every Issue of in, in one commit, and returns the certificates as
	// stored, in the order of in. Each Issue is treated as [Store.IssueCertificate] treats it
	// (numbering, idempotency, events), and the batch as a whole:
	//   - is all or nothing: on any error nothing is written, not a certificate, not an event, and
	//     no number is used up;
	//   - numbers allocated from one series are consecutive in the order of in, passing over only
	//     numbers already taken (by records imported with their numbers): no gap, however many
	//     batches and single issues run at once;
	//   - an Issue whose idempotency key was used before with the same fingerprint gets the
	//     certificate issued then, and nothing is written for it; with another fingerprint the
	//     batch fails with an error wrapping store.ErrExists;
	//   - two Issues in one batch with the same idempotency key or the same given number are an
	//     error wrapping ErrInvalid; a number already stored is an error wrapping store.ErrExists.
	// An empty batch returns an empty slice and writes nothing.
	IssueCertificates(ctx context.Context, in []Issue) ([]Certificate, error)
}

// ErrNoBatch is returned by [Registry.IssueBatch] when the Registry's store has no
// [BatchIssuer].
var ErrNoBatch = errors.New("certificate: the store cannot issue a batch in one commit (no IssueCertificates)")

// PrepareBatch checks who acts and each certificate exactly as [Registry.Issue] does, fills in the
// same defaults, and returns, in the order of reqs, what a store commits to issue them (each
// certificate with its series, its idempotency key and fingerprint, and the notice to its holder,
// CERT-09), without storing anything. It is for a service that issues many certificates in the same
// commit as a change of its own records (package exam/vocational: the certificates of a signed
// qualification committee protocol, EXV-05), through a store method that honours the contract of
// [BatchIssuer]. The first request that is refused stops it: the error names its index and wraps
// the refusal (ErrInvalid, actor.ErrForbidden).
func (r *Registry) PrepareBatch(a actor.Actor, reqs []IssueRequest) ([]Issue, error) {
	out := make([]Issue, len(reqs))
	for i := range reqs {
		in, err := r.prepare(a, reqs[i])
		if err != nil {
			return nil, fmt.Errorf("certificate: batch item %d: %w", i, err)
		}
		out[i] = in
	}
	return out, nil
}

// IssueBatch validates and issues the certificates of reqs in one commit (CERT-01; SCH-01..03), each
// with its notice to the holder (CERT-09), and returns them in the order of reqs: all of them, or on
// any error none. Who may issue is what [Registry.Issue] says, for each one. The store must be a
// [BatchIssuer], or the error is [ErrNoBatch]. Requests with idempotency keys make the batch safe to
// retry: a certificate issued under a key before is returned, not issued again.
func (r *Registry) IssueBatch(ctx context.Context, a actor.Actor, reqs []IssueRequest) ([]Certificate, error) {
	b, ok := r.st.(BatchIssuer)
	if !ok {
		return nil, ErrNoBatch
	}
	ins, err := r.PrepareBatch(a, reqs)
	if err != nil {
		return nil, err
	}
	return b.IssueCertificates(ctx, ins)
}

// CheckBatch reports, with an error wrapping ErrInvalid, two Issues of in with the same idempotency
// key or the same given number, and an Issue with neither a number nor a series to allocate one
// from: what every [BatchIssuer] refuses before it writes anything. Stores call it first.
func CheckBatch(in []Issue) error {
	keys := make(map[string]int, len(in))
	numbers := make(map[Number]int, len(in))
	for i := range in {
		item := "batch item " + strconv.Itoa(i)
		if k := in[i].IdempotencyKey; k != "" {
			if j, dup := keys[k]; dup {
				return &FieldError{Pkg: pkg, Field: "IdempotencyKey", Value: k, Reason: "is used by " + item + " and batch item " + strconv.Itoa(j)}
			}
			keys[k] = i
		}
		if n := in[i].Certificate.Number; n != "" {
			if j, dup := numbers[n]; dup {
				return &FieldError{Pkg: pkg, Field: "Number", Value: string(n), Reason: "is given to " + item + " and batch item " + strconv.Itoa(j)}
			}
			numbers[n] = i
		} else if in[i].Series.Width < 1 || in[i].Series.Width > 18 {
			return &FieldError{Pkg: pkg, Field: "Series", Reason: "is missing for " + item + ": it has no number and no series to allocate one from"}
		}
	}
	return nil
}
