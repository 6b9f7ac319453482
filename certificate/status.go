package certificate

import (
	"fmt"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
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
//   - d before the first day of validity, or, for a duplicate, before its issue date: NotYetValid
//     (a duplicate keeps the original's validity, VV määrus nr 113 § 20 (2), Reg74 § 9 (2), but
//     stands only from its issue; before it the original stood);
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
	case d.Compare(c.ValidFrom) < 0, c.DuplicateOf != "" && d.Compare(c.IssuedOn) < 0:
		return NotYetValid
	case !c.ValidUntil.IsZero() && d.Compare(c.ValidUntil) > 0:
		return Expired
	}
	return Valid
}

// ExplainStatus returns the status on d as [Certificate.StatusOn] does, with the explanation: the
// rule applied, its provision and what was found (GEN-06). Each kind cites its own rules:
//
//   - occupational and partial certificates and qualifications on school documents: CERT-02 (Reg74
//     § 1 (3), § 5 (2) 8)); declared invalid: CERT-11 (Kutseseadus § 22 (1));
//   - leaving certificates, grade sheets and state-exam certificates: SCH-02 (VV määrus nr 113 § 5:
//     valid for life, declared invalid under § 5 (2));
//   - proficiency certificates: LNG-18 (the certificate of a passed exam made available in the
//     state portal: regulation nr 73 § 7 (6) for one issued before 01.07.2011, the exam centre's page
//     after); declared invalid under HMS § 70;
//   - replaced: the provision of the procedure that replaced it (see [Certificate.ReplacedRule]).
//
// For the documents of regulation nr 113 the steps that cite it name the version of the SDK's own
// statute (vv113.Default) in force on the day that matters: the invalidation's or the replacement's
// date, otherwise the date of issue. A host with versions of its own calls
// [Certificate.ExplainStatusUnder].
func (c *Certificate) ExplainStatus(d calendar.Date) (Status, law.Explanation) {
	return c.ExplainStatusUnder(d, nil)
}

// ExplainStatusUnder is [Certificate.ExplainStatus] under the versions st of regulation nr 113 (nil:
// vv113.Default). Where no version covers the day that matters, the status is still the one its
// dates give ([Certificate.StatusOn]), but no provision of the regulation is cited for it: those
// steps become GEN-04 steps saying that no version is known for that day (GEN-04: the SDK never
// cites a text it has not seen).
func (c *Certificate) ExplainStatusUnder(d calendar.Date, st vv113.Statute) (Status, law.Explanation) {
	st0, e := c.explainStatus(d)
	if c.Kind.School() {
		statuteSteps(&e, c.statuteDay(st0), st, calendar.Date.String)
	}
	return st0, e
}

// statuteDay returns the day whose version of regulation nr 113 a school document's status on a day
// with status s rests on: the invalidation's or the replacement's date, otherwise the date of issue.
func (c *Certificate) statuteDay(s Status) calendar.Date {
	switch {
	case s == Invalidated:
		return c.Invalidated.Date
	case s == Replaced:
		return c.Replaced.Date
	case c.IssuedOn.IsZero():
		return c.ValidFrom
	}
	return c.IssuedOn
}

// statuteSteps names, on the steps of e that cite regulation nr 113, the version of st in force on
// day on (GEN-04); where none is, those steps become GEN-04 steps saying so, citing nothing, since the
// SDK never cites a text it has not seen. en writes a date in the English text.
func statuteSteps(e *law.Explanation, on calendar.Date, st vv113.Statute, en func(calendar.Date) string) {
	if v, err := st.At(on); err == nil {
		vv113.Mark(e, v)
		return
	}
	for i := range e.Steps {
		if s := &e.Steps[i]; s.Citation.RT == vv113.RT {
			s.Et = "VV määruse nr 113 redaktsiooni " + on.Register() + " kohta ei ole teada; kirje kuupäevade järgi: " + s.Et
			s.En = "no version of regulation nr 113 is known for " + en(on) + "; by the record's dates: " + s.En
			s.Rule, s.Citation = "GEN-04", law.Citation{}
		}
	}
}

func (c *Certificate) explainStatus(d calendar.Date) (Status, law.Explanation) {
	var e law.Explanation
	st := c.StatusOn(d)
	switch st {
	case Invalidated:
		r, ct, _ := invalidationRule(c.Kind)
		e.Add(r, ct, "tunnistus on kehtetuks tunnistatud alates "+c.Invalidated.Date.Register()+" ("+c.Invalidated.Reason+")",
			"the certificate was declared invalid from "+c.Invalidated.Date.String()+" ("+c.Invalidated.Reason+")")
		explainInvalidFrom(&e, r, d, calendar.Date.String)
	case Replaced:
		r, ct := c.ReplacedRule()
		e.Add(r, ct, "tunnistus on asendatud duplikaadiga nr "+string(c.Replaced.By)+" alates "+c.Replaced.Date.Register(),
			"the certificate was replaced by duplicate no. "+string(c.Replaced.By)+" from "+c.Replaced.Date.String())
	case NotYetValid:
		if c.DuplicateOf != "" && d.Before(c.IssuedOn) {
			rule, cite := c.statusRule()
			e.Add(rule, cite, "duplikaat anti välja "+c.IssuedOn.Register()+"; enne seda kehtis algdokument nr "+string(c.DuplicateOf)+"; "+d.Register()+" duplikaat ei kehti veel",
				"the duplicate was issued on "+c.IssuedOn.String()+"; before it original no. "+string(c.DuplicateOf)+" stood; on "+d.String()+" the duplicate is not yet valid")
			break
		}
		c.explainDates(&e, st, d, calendar.Date.String)
	default:
		c.explainDates(&e, st, d, calendar.Date.String)
	}
	return st, e
}

// explainInvalidFrom adds the step saying that an invalidation takes effect from its date (HMS § 68
// (3)), so that on d the certificate is not valid; en writes a date in the English text.
func explainInvalidFrom(e *law.Explanation, rule string, d calendar.Date, en func(calendar.Date) string) {
	e.Add(rule, hms.At("68", "3", ""), "kehtetuks tunnistamine kehtib selle kuupäevast; "+d.Register()+" ei ole tunnistus kehtiv",
		"the invalidation takes effect from its date; on "+en(d)+" the certificate is not valid")
}

// explainDates adds the step of a status that the dates alone decide (valid, not yet valid, expired)
// on day d, shared by [Certificate.ExplainStatus] and [PublicView.Explain] so that both cite the same
// rule and provision. The Estonian text writes dates as the register does (DD.MM.YYYY); en writes
// them in the English text.
func (c *Certificate) explainDates(e *law.Explanation, st Status, d calendar.Date, en func(calendar.Date) string) {
	rule, cite := c.statusRule()
	from, until, on := c.ValidFrom, c.ValidUntil, d.Register()
	if c.DuplicateOf != "" && from.Before(c.IssuedOn) {
		from = c.IssuedOn // a duplicate stands from its own issue (SCH-24, CERT-07)
	}
	switch st {
	case NotYetValid:
		e.Add(rule, cite, "kehtib alates "+from.Register()+"; "+on+" ei kehti veel",
			"valid from "+en(from)+"; on "+en(d)+" not yet valid")
	case Expired:
		if c.Kind.Register() {
			cite = reg74.At("5", "2", "8")
		}
		e.Add(rule, cite, "kehtis kuni "+until.Register()+" (kaasa arvatud); "+on+" on kehtivus lõppenud",
			"valid until "+en(until)+" inclusive; on "+en(d)+" it has expired")
	case Valid:
		switch {
		case c.Kind.School():
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

// statusRule returns the rule and provision that give a certificate of c's kind its validity.
func (c *Certificate) statusRule() (string, law.Citation) {
	switch {
	case c.Kind.School():
		return "SCH-02", reg113.At("5", "1", "")
	case c.Kind == Proficiency:
		return "LNG-18", proficiencyCitation(c.IssuedOn)
	}
	return "CERT-02", reg74.At("1", "3", "")
}

// ReplacedRule returns the rule and the provision by which a certificate of c's kind is replaced by
// its duplicate or new certificate (its status Replaced):
//
//   - a leaving certificate or grade sheet: SCH-19, VV määrus nr 113 § 18 (1) (the decision to
//     invalidate the original and issue the duplicate);
//   - a paper state-exam certificate (Extra["medium"] "paper"): SCH-14, § 16 (3) (invalidated on
//     exchange); an electronic one: SCH-12, § 15 (3) (the new certificate for an error);
//   - an occupational or partial certificate, or a qualification on a school document: CERT-07,
//     Reg74 § 8 (1) (the decision on the duplicate invalidates the original);
//   - a proficiency certificate, for which the SDK runs no replacement: LNG-18 and its provision.
func (c *Certificate) ReplacedRule() (string, law.Citation) {
	switch c.Kind {
	case BasicSchool, Gymnasium, GradeSheet:
		return "SCH-19", reg113.At("18", "1", "")
	case StateExam:
		if c.Extra["medium"] == "paper" {
			return "SCH-14", reg113.At("16", "3", "")
		}
		return "SCH-12", reg113.At("15", "3", "")
	case Proficiency:
		return c.statusRule()
	}
	return "CERT-07", reg74.At("8", "1", "")
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
