package duplicate

import (
	"context"

	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/isikukood"
)

// Requests returns the duplicate cases kept in st as a source of the owner's requests (CERT-10), for
// request.Config.Sources: the owner's list ("Minu taotlused") shows each case as a request of kind
// Duplicate ([Case.OwnerRequest]) beside the digital stamps and questions, and the owner's list of
// certificates marks an original with an open case.
func Requests(st Store) request.Source { return caseRequests{st} }

type caseRequests struct{ st Store }

// HolderRequests implements request.Source: every case of the applicant, the one on the original
// or the new personal code, oldest first.
func (c caseRequests) HolderRequests(ctx context.Context, holder isikukood.Code) ([]request.Request, error) {
	var out []request.Request
	q := CaseQuery{Applicant: holder, Limit: 1000}
	for {
		cs, err := c.st.Cases(ctx, q)
		if err != nil {
			return nil, err
		}
		for i := range cs {
			out = append(out, cs[i].OwnerRequest())
		}
		if len(cs) < q.EffectiveLimit() {
			return out, nil
		}
		q.AfterID = cs[len(cs)-1].ID
	}
}
