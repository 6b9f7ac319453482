package certificate

import (
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
)

// Explain returns the explanation of the view's status on the view's date (GEN-06) as the public may
// read it: the rules applied and their provisions, as [Certificate.ExplainStatus] cites them, with
// what the view itself shows — the dates of validity and the view's date, written as the register
// writes dates (DD.MM.YYYY) in both languages. It says nothing the view does not show: not an
// invalidation's reason, decision or date, nor the number of the duplicate that replaced the
// certificate (that would lead from a certificate that is no longer valid to its holder's name on the
// duplicate, CERT-12).
func (v *PublicView) Explain() law.Explanation { return v.ExplainUnder(nil) }

// ExplainUnder is [PublicView.Explain] under the versions st of regulation nr 113 (nil:
// vv113.Default), for a host with versions of its own ([Config].Statute). The version is the one in
// force on the day the record's status rests on, as [Certificate.ExplainStatusUnder] chooses it; the
// day itself is not shown.
func (v *PublicView) ExplainUnder(st vv113.Statute) law.Explanation {
	var e law.Explanation
	// The rules are chosen by the kind and the dates the view shows; nothing else of the record is
	// needed or used.
	c := Certificate{Kind: v.Kind, IssuedOn: v.IssuedOn, ValidFrom: v.ValidFrom, ValidUntil: v.ValidUntil}
	if v.Status == NotYetValid && !v.On.Before(v.ValidFrom) {
		c.ValidFrom = v.IssuedOn // a duplicate, not yet issued on the view's date (SCH-24, CERT-07)
	}
	on := v.On.Register()
	switch v.Status {
	case Invalidated:
		rule, cite, _ := invalidationRule(v.Kind)
		e.Add(rule, cite, "tunnistus on kehtetuks tunnistatud", "the certificate has been declared invalid")
		explainInvalidFrom(&e, rule, v.On, calendar.Date.Register)
	case Replaced:
		rule, cite := c.ReplacedRule()
		e.Add(rule, cite, "tunnistus on asendatud duplikaadiga; "+on+" ei ole see kehtiv",
			"the certificate has been replaced by a duplicate; on "+on+" it is not valid")
	default:
		c.explainDates(&e, v.Status, v.On, calendar.Date.Register)
	}
	if v.Kind.School() {
		day := v.basis
		if day.IsZero() {
			day = c.statuteDay(v.Status)
		}
		statuteSteps(&e, day, st, calendar.Date.Register)
	}
	return e
}
