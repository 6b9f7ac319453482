package certificate

import (
	"context"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/isikukood"
)

// RequestFinder finds the certificates a holder has open requests about (CERT-10: a duplicate, a
// question to the awarding body, a re-certification in progress), for the marks of the owner's list
// (CERT-02). Package certificate declares it and package certificate/request implements it, so the
// list finds the owner's requests without the host passing them in and without an import cycle.
type RequestFinder interface {
	// OpenRequests returns the numbers of the certificates the holder with personal code holder
	// has open requests about, in any order, each at most once. a is the actor the Registry checked:
	// the holder or the registrar.
	OpenRequests(ctx context.Context, a actor.Actor, holder isikukood.Code) ([]Number, error)
}

// PrepareIssue checks who acts and the certificate exactly as [Registry.Issue] does, fills in the
// same defaults, and returns what a store commits to issue it (the certificate, its series, the
// idempotency key with the request's fingerprint, and the notice to the holder, CERT-09), without
// storing anything. It is for a service that issues a certificate in the same commit as a change of
// its own records — an application awarded (APP-08), a protocol signed — through a store method of
// its own that honours the contract of [Store.IssueCertificate] for the Issue it is given.
func (r *Registry) PrepareIssue(a actor.Actor, req IssueRequest) (Issue, error) {
	return r.prepare(a, req)
}
