package certificate

import (
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
)

// Explain returns the explanation of the view's status on the view's date (GEN-06) as the public may
// read it: the rules applied and their provisions, as [Certificate.ExplainStatus] cites them, with
// what the view itself shows — the dates of validity and the view's date, written as the register
// writes dates (DD.MM.YYYY) in both languages. It says nothing the view does not show: not an
// invalidation's reason, decision or date, nor the number of the duplicate that replaced the
// certificate (that would lead from a certificate that is no longer valid to its holder's name on the
// duplicate, CERT-12).
func (v *PublicView) Explain() law.Explanation {
	var e law.Explanation
	rule, cite := statusBasis(v.Kind, v.Status)
	on := v.On.Register()
	switch v.Status {
	case Invalidated:
		e.Add(rule, cite, "tunnistus on kehtetuks tunnistatud", "the certificate has been declared invalid")
		explainInvalidFrom(&e, rule, v.On, calendar.Date.Register)
	case Replaced:
		e.Add(rule, cite, "tunnistus on asendatud duplikaadiga; "+on+" ei ole see kehtiv",
			"the certificate has been replaced by a duplicate; on "+on+" it is not valid")
	default:
		explainDates(&e, v.Kind, v.ValidFrom, v.ValidUntil, v.Status, v.On, calendar.Date.Register)
	}
	return e
}
