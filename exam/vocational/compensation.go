package vocational

import (
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
)

// Ceiling is the state's ceiling of the costs of one candidate's exam (kutseeksami kulude ülemmäär)
// for a curriculum group and an exam type, in euros (Reg48 § 2 and its annex; research/kutseseadus.md
// § 7). The amounts are the host's data: the annex's tables were not retrieved.
type Ceiling struct {
	Group  string          // the curriculum group (õppekavarühm), as the curricula name it
	Type   ExamType        // theoretical, practical or combined
	Amount decimal.Decimal // euros per candidate
}

// Ceilings is one version of the table of ceilings. The versions in force over time are a
// law.Versions[Ceilings] (GEN-04), the host's data.
type Ceilings []Ceiling

// For returns the ceiling for the group and type, and false when the table has none.
func (cs Ceilings) For(group string, t ExamType) (decimal.Decimal, bool) {
	for _, c := range cs {
		if c.Group == group && c.Type == t {
			return c.Amount, true
		}
	}
	return decimal.Decimal{}, false
}

// Validate reports a table with a ceiling without a group, of no valid type, negative, or listed
// twice for one group and type: an *invalid.Errors naming each.
func (cs Ceilings) Validate() error {
	errs := &ValidationError{Pkg: pkg}
	for i, c := range cs {
		f := "Ceilings[" + strconv.Itoa(i) + "]"
		if c.Group == "" {
			errs.Add(f+".Group", "", "is required: the curriculum group (õppekavarühm)")
		}
		if !c.Type.Valid() {
			errs.Add(f+".Type", c.Type.String(), "must be theory, practical or combined")
		}
		if c.Amount.IsNegative() {
			errs.Add(f+".Amount", c.Amount.String(), "must not be negative")
		}
		if slices.IndexFunc(cs[:i], func(o Ceiling) bool { return o.Group == c.Group && o.Type == c.Type }) >= 0 {
			errs.Add(f, c.Group+"/"+c.Type.String(), "is listed twice")
		}
	}
	return errs.Err()
}

// Payer is who pays a line of a compensation statement.
type Payer uint8

// The payers (EXV-06; research/kutseseadus.md § 7).
const (
	// StateBudget: the state budget, through the school, for a learner on a state-funded study
	// place (riigieelarveline õppekoht, ESF-funded ones included).
	StateBudget Payer = iota + 1
	// SchoolInvoice: the awarding body invoices the school, at the same rate, for a learner on any
	// other study place.
	SchoolInvoice
)

// MarshalText implements encoding.TextMarshaler.
func (p Payer) MarshalText() ([]byte, error) {
	switch p {
	case StateBudget:
		return []byte("state"), nil
	case SchoolInvoice:
		return []byte("school"), nil
	}
	return []byte{}, nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (p *Payer) UnmarshalText(b []byte) error {
	switch string(b) {
	case "":
		*p = 0
	case "state":
		*p = StateBudget
	case "school":
		*p = SchoolInvoice
	default:
		return &FieldError{Pkg: pkg, Field: "Payer", Value: string(b), Reason: "is not state or school"}
	}
	return nil
}

// Name returns the payer's name in lang.
func (p Payer) Name(lang law.Lang) string {
	if p == StateBudget {
		return lang.Pick("riigieelarvest kooli kaudu", "state budget, through the school")
	}
	return lang.Pick("arve koolile", "invoiced to the school")
}

// Line is one candidate's line of a compensation statement.
type Line struct {
	Candidate   string // the candidate's ID
	Name        string
	StateFunded bool
	Payer       Payer
	Amount      decimal.Decimal // euros, whole cents
}

// Statement is the compensation of the awarding body's costs of conducting one exam (EXV-06): a line
// per candidate who took the exam, at one rate, with the totals per payer. It is computed when the
// committee protocol is signed and kept with the exam.
type Statement struct {
	Exam          int64
	School        Party
	Body          Party
	Qualification string
	Group         string        // the curriculum group
	Type          ExamType      // the exam type
	Date          calendar.Date // the day the ceilings were taken for: the exam's last sitting
	Version       string        // the version of the ceilings applied
	Ceiling       decimal.Decimal
	Fee           decimal.Decimal // the body's fee, zero when it set none
	Rate          decimal.Decimal // per candidate, whole cents
	Lines         []Line
	State         decimal.Decimal // the lines paid from the state budget through the school
	Invoiced      decimal.Decimal // the lines invoiced to the school
	Total         decimal.Decimal // State + Invoiced: exactly the sum of the lines
	Why           law.Explanation
	ComputedAt    time.Time
}

// IsZero reports whether no statement was computed.
func (s *Statement) IsZero() bool { return s.Date.IsZero() }

// Clone returns a deep copy of s.
func (s Statement) Clone() Statement {
	s.Lines = slices.Clone(s.Lines)
	s.Why.Steps = slices.Clone(s.Why.Steps)
	return s
}

// cents rounds a euro amount to whole cents, a half up: the euro's rule (Council Regulation (EC) No
// 1103/97, Article 5). decimal.Round rounds a half away from zero, which for the non-negative amounts
// here is up.
func cents(d decimal.Decimal) decimal.Decimal { return d.Round(2) }

// Compensate implements EXV-06 (seed 000, slide 1: "kutse andjatele kompenseeritakse kutseeksami
// läbiviimisega seotud kulud automaatselt"; Kutseseadus § 17^2; Reg48 § 2; research/kutseseadus.md
// § 7): the statement of the awarding body's costs of conducting exam e, under the version of the
// ceilings in force on day on (GEN-04).
//
//   - The rate per candidate is the state's ceiling for the exam's curriculum group and type, or the
//     body's own fee for a vocational graduate's exam where it set a lower one; rounded to whole
//     cents, a half up (Council Regulation (EC) No 1103/97, Article 5: the euro's rounding; the
//     sources on the compensation are silent on rounding).
//   - A line is written for each candidate who took the exam: not withdrawn, result entered, not
//     absent. A learner on a state-funded study place is paid from the state budget through the
//     school; any other is invoiced to the school at the same rate.
//   - The totals are sums of whole-cent lines, so the lines add up to the total exactly and no
//     rounding happens after the rate.
//
// No version in force on on, or no ceiling for the group and type in it, is a *RuleError wrapping
// ErrNoRate.
func Compensate(e *Exam, ceilings law.Versions[Ceilings], on calendar.Date) (Statement, error) {
	op := "compensate exam " + strconv.FormatInt(e.ID, 10)
	cite := reg48.At("2", "", "")
	st := Statement{Exam: e.ID, School: e.School, Body: e.Body, Qualification: e.Qualification.Name,
		Group: e.Curriculum.Group, Type: e.Type, Date: on, Fee: e.Fee}
	v, err := ceilings.At(on)
	if err != nil {
		return Statement{}, &RuleError{Pkg: pkg, Rule: "EXV-06", Citation: cite.String(), Op: op,
			Reason: "no table of ceilings is in force on " + on.String(), Err: ErrNoRate}
	}
	ceiling, ok := v.Rule.For(st.Group, st.Type)
	if !ok {
		return Statement{}, &RuleError{Pkg: pkg, Rule: "EXV-06", Citation: cite.String(), Op: op,
			Reason: "the ceilings of " + v.Name + " have none for curriculum group " + strconv.Quote(st.Group) +
				" and a " + st.Type.Name(law.English) + " exam", Err: ErrNoRate}
	}
	st.Version, st.Ceiling = v.Name, ceiling
	why := &st.Why
	why.AddStep(v.Step("GEN-04", on))
	why.Add("EXV-06", cite, "õppekavarühma "+st.Group+" "+st.Type.Name(law.Estonian)+" eksami kulude ülemmäär on "+euro(ceiling, law.Estonian),
		"the ceiling of a "+st.Type.Name(law.English)+" exam in curriculum group "+st.Group+" is "+euro(ceiling, law.English))
	rate := ceiling
	if e.Fee.IsPositive() && e.Fee.LessThan(ceiling) {
		rate = e.Fee
		why.Add("EXV-06", cite, "kutse andja tasu "+euro(e.Fee, law.Estonian)+" on ülemmäärast väiksem: hüvitatakse tasu",
			"the awarding body's fee "+euro(e.Fee, law.English)+" is below the ceiling: the fee is compensated")
	}
	st.Rate = cents(rate)
	if !st.Rate.Equal(rate) {
		why.Add("EXV-06", eurRounding, "määr ümardati sendini: "+euro(st.Rate, law.Estonian),
			"the rate was rounded to the cent, a half up: "+euro(st.Rate, law.English))
	}
	st.State, st.Invoiced = decimal.Zero, decimal.Zero
	for i := range e.Candidates {
		c := &e.Candidates[i]
		if !c.Active() || !c.Result.Entered() || c.Result.Absent {
			continue
		}
		l := Line{Candidate: c.ID, Name: c.Name, StateFunded: c.StateFunded, Payer: SchoolInvoice, Amount: st.Rate}
		if c.StateFunded {
			l.Payer = StateBudget
			st.State = st.State.Add(st.Rate)
		} else {
			st.Invoiced = st.Invoiced.Add(st.Rate)
		}
		st.Lines = append(st.Lines, l)
	}
	st.Total = st.State.Add(st.Invoiced)
	why.Add("EXV-06", kuts.At("17^2", "", ""),
		strconv.Itoa(len(st.Lines))+" sooritajat: riigieelarvest kooli kaudu "+euro(st.State, law.Estonian)+", arve koolile "+
			euro(st.Invoiced, law.Estonian)+", kokku "+euro(st.Total, law.Estonian),
		strconv.Itoa(len(st.Lines))+" candidates took the exam: state budget through the school "+euro(st.State, law.English)+
			", invoiced to the school "+euro(st.Invoiced, law.English)+", total "+euro(st.Total, law.English))
	return st, nil
}

// euro writes an amount with at least two decimals (all it has, for a ceiling finer than a cent) and
// the euro sign, the Estonian way with a decimal comma: "120,00 €"; in English "€120.00".
func euro(d decimal.Decimal, lang law.Lang) string {
	s := d.StringFixed(max(2, -d.Exponent()))
	if lang == law.Estonian {
		b := []byte(s)
		for i := range b {
			if b[i] == '.' {
				b[i] = ','
			}
		}
		return string(b) + " €"
	}
	return "€" + s
}
