package certificate

import (
	"fmt"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
)

// Status is a certificate's standing on a given date (CERT-02).
type Status uint8

// The statuses. The zero value is not a status.
const (
	NotYetValid Status = iota + 1 // before its first day of validity
	Valid                         // from its first to its last day inclusive, or with no end
	Expired                       // after its last day of validity
	Invalidated                   // declared invalid (CERT-11, SCH-02), from the invalidation's date
	Replaced                      // replaced by a duplicate or an exchanged certificate, from its issue
)

var statusNames = [...]struct{ code, et, en string }{
	NotYetValid: {"not-yet-valid", "ei kehti veel", "not yet valid"},
	Valid:       {"valid", "kehtiv", "valid"},
	Expired:     {"expired", "kehtivus lõppenud", "expired"},
	Invalidated: {"invalidated", "kehtetuks tunnistatud", "declared invalid"},
	Replaced:    {"replaced", "asendatud duplikaadiga", "replaced by a duplicate"},
}

// String returns the status's code, e.g. "valid".
func (s Status) String() string {
	if s < NotYetValid || s > Replaced {
		return fmt.Sprintf("status(%d)", uint8(s))
	}
	return statusNames[s].code
}

// Name returns the status in lang, e.g. "kehtiv".
func (s Status) Name(lang law.Lang) string {
	if s < NotYetValid || s > Replaced {
		return s.String()
	}
	return lang.Pick(statusNames[s].et, statusNames[s].en)
}

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// StatusOn returns the certificate's status on day d. It implements CERT-02 (Reg74 § 1 (3): a
// certificate is valid only while the register holds its entry; § 5 (2) p 7–8: date of issue and end
// of validity) and, for school documents, SCH-02 (VV määrus nr 113 § 5: valid for life unless
// invalidated):
//
//   - declared invalid on or before d (CERT-11; HMS § 68 (3): from the invalidation's date): Invalidated;
//   - replaced by a duplicate issued on or before d: Replaced;
//   - d before the first day of validity: NotYetValid;
//   - d after the last day of validity (none for "tähtajatu" and for school documents): Expired;
//   - otherwise Valid, first and last days included.
//
// An invalidation or a replacement takes effect from its date, so the status on an earlier day is
// what the dates alone give: the register can answer "was it valid on the day of hiring?". StatusOn
// is pure, allocation-free and takes no clock.
func (c *Certificate) StatusOn(d calendar.Date) Status {
	switch {
	case !c.Invalidated.IsZero() && c.Invalidated.Date.Compare(d) <= 0:
		return Invalidated
	case !c.Replaced.IsZero() && c.Replaced.Date.Compare(d) <= 0:
		return Replaced
	case d.Compare(c.ValidFrom) < 0:
		return NotYetValid
	case !c.ValidUntil.IsZero() && d.Compare(c.ValidUntil) > 0:
		return Expired
	}
	return Valid
}

// ExplainStatus returns the status on d as [Certificate.StatusOn] does, with the explanation: the
// rule applied, its provision and what was found (GEN-06).
func (c *Certificate) ExplainStatus(d calendar.Date) (Status, law.Explanation) {
	var e law.Explanation
	st := c.StatusOn(d)
	rule, cite := statusBasis(c.Kind, st)
	switch st {
	case Invalidated:
		e.Add(rule, cite, "tunnistus on kehtetuks tunnistatud alates "+c.Invalidated.Date.Register()+" ("+c.Invalidated.Reason+")",
			"the certificate was declared invalid from "+c.Invalidated.Date.String()+" ("+c.Invalidated.Reason+")")
		explainInvalidFrom(&e, rule, d, calendar.Date.String)
	case Replaced:
		e.Add(rule, cite, "tunnistus on asendatud duplikaadiga nr "+string(c.Replaced.By)+" alates "+c.Replaced.Date.Register(),
			"the certificate was replaced by duplicate no. "+string(c.Replaced.By)+" from "+c.Replaced.Date.String())
	default:
		explainDates(&e, c.Kind, c.ValidFrom, c.ValidUntil, st, d, calendar.Date.String)
	}
	return st, e
}

// explainInvalidFrom adds the step saying that an invalidation takes effect from its date (HMS § 68
// (3)), so that on d the certificate is not valid; en writes a date in the English text.
func explainInvalidFrom(e *law.Explanation, rule string, d calendar.Date, en func(calendar.Date) string) {
	e.Add(rule, hms.At("68", "3", ""), "kehtetuks tunnistamine kehtib selle kuupäevast; "+d.Register()+" ei ole tunnistus kehtiv",
		"the invalidation takes effect from its date; on "+en(d)+" the certificate is not valid")
}

// explainDates adds the step of a status that the dates alone decide (valid, not yet valid,
// expired) of a certificate of kind k valid from from to until (zero: no end) on day d. The Estonian
// text writes dates as the register does (DD.MM.YYYY); en writes them in the English text.
func explainDates(e *law.Explanation, k Kind, from, until calendar.Date, st Status, d calendar.Date, en func(calendar.Date) string) {
	rule, cite := statusBasis(k, st)
	on := d.Register()
	switch st {
	case NotYetValid:
		e.Add(rule, cite, "kehtib alates "+from.Register()+"; "+on+" ei kehti veel",
			"valid from "+en(from)+"; on "+en(d)+" not yet valid")
	case Expired:
		e.Add(rule, cite, "kehtis kuni "+until.Register()+" (kaasa arvatud); "+on+" on kehtivus lõppenud",
			"valid until "+en(until)+" inclusive; on "+en(d)+" it has expired")
	case Valid:
		switch {
		case k.School():
			e.Add(rule, cite, "kooli lõpudokument kehtib tähtajatult; kehtiv "+on,
				"a school document is valid for life; valid on "+en(d))
		case until.IsZero():
			e.Add(rule, cite, "kehtib alates "+from.Register()+", tähtajatu; kehtiv "+on,
				"valid from "+en(from)+" with no end date; valid on "+en(d))
		default:
			e.Add(rule, cite, "kehtib "+from.Register()+"–"+until.Register()+" (mõlemad päevad kaasa arvatud); kehtiv "+on,
				"valid "+en(from)+" to "+en(until)+" inclusive; valid on "+en(d))
		}
	}
}

// statusBasis returns the rule and the provision that status st of a certificate of kind k rests on:
// the first step of its explanation, shared by [Certificate.ExplainStatus] and [PublicView.Explain]
// so that both cite the same.
func statusBasis(k Kind, st Status) (string, law.Citation) {
	rule, cite := "CERT-02", reg74.At("1", "3", "")
	if k.School() {
		rule, cite = "SCH-02", vv113.At("5", "", "")
	}
	switch st {
	case Invalidated:
		if !k.School() {
			return "CERT-11", kuts.At("22", "1", "")
		}
	case Replaced:
		return rule, selfService
	case Expired:
		return rule, reg74.At("5", "2", "8")
	}
	return rule, cite
}

// Attention is a set of reasons for which the owner's list marks a certificate as needing attention.
type Attention uint8

// The reasons for attention.
const (
	AttentionOpenRequest Attention = 1 << iota // the owner has an open request about it (CERT-10)
	AttentionExpiresSoon                       // valid, but its validity ends within the window
	AttentionNotValid                          // not valid on the date (expired, invalidated, replaced, not yet valid)
)

// Has reports whether a includes every reason in b.
func (a Attention) Has(b Attention) bool { return a&b == b }

// DefaultAttentionWindow is the window, in months, within which an approaching end of validity makes
// the owner's list ask for attention: six months, as the register's notice "certificate expires within
// 6 months" (research/domain-rules.md § 3.6).
const DefaultAttentionWindow = 6

// Mark is how the owner's list ("Minu tunnistused", seed 000) marks a certificate on a date: its
// status and the reasons it needs attention, if any.
type Mark struct {
	Status    Status
	Attention Attention
}

// OK reports whether the certificate is valid and needs no attention (the list's ✓).
func (m Mark) OK() bool { return m.Status == Valid && m.Attention == 0 }

// Symbol returns "✓" for a certificate that is fine and "⚠" for one that needs attention, as the
// register's list shows them (seed 000).
func (m Mark) Symbol() string {
	if m.OK() {
		return "✓"
	}
	return "⚠"
}

// Text describes the mark in lang, e.g. "kehtiv; lõpeb 6 kuu jooksul".
func (m Mark) Text(lang law.Lang) string {
	s := m.Status.Name(lang)
	if m.Attention.Has(AttentionExpiresSoon) {
		s += lang.Pick("; kehtivus lõpeb peagi", "; validity ends soon")
	}
	if m.Attention.Has(AttentionOpenRequest) {
		s += lang.Pick("; avatud taotlus", "; open request")
	}
	return s
}

// MarkOn returns the owner's-list mark of c on day d (CERT-02: the owner's list marks valid, expired
// and needing attention, for example an open request or an expiry within a re-certification
// window). openRequest says whether the owner has an open request about c; window is the number of
// months before the end of validity from which the list asks for attention (0 means
// [DefaultAttentionWindow]; negative means never).
func (c *Certificate) MarkOn(d calendar.Date, openRequest bool, window int) Mark {
	m := Mark{Status: c.StatusOn(d)}
	if m.Status != Valid {
		m.Attention |= AttentionNotValid
	}
	if openRequest {
		m.Attention |= AttentionOpenRequest
	}
	if window == 0 {
		window = DefaultAttentionWindow
	}
	if m.Status == Valid && window > 0 && !c.ValidUntil.IsZero() && c.ValidUntil.Compare(d.AddMonths(window)) <= 0 {
		m.Attention |= AttentionExpiresSoon
	}
	return m
}
