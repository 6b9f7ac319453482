package application

import (
	"slices"
	"strconv"
	"strings"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/law"
)

// sameName compares two names of a qualification as the register writes them, ignoring case and
// the white space around them.
func sameName(a, b string) bool {
	return a != "" && strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// ofStandard reports whether certificate c was awarded under one of the versions of std: its
// standard's name is a version's name, or its title one of the qualifications or partial
// qualifications awarded under a version. The register's certificates name their standard by name,
// not by id.
func ofStandard(c *certificate.Certificate, std *register.Standard) bool {
	for _, v := range std.Versions {
		if sameName(c.Standard, v.Name) {
			return true
		}
		names := v.Qualifications()
		for _, p := range v.Partials {
			names = append(names, p.Name)
		}
		if slices.ContainsFunc(names, func(n string) bool { return sameName(c.Title, n) }) {
			return true
		}
	}
	return false
}

// Recertifiable implements the checks of re-certification (taastõendamine) that the SDK can make
// (APP-02; seed 000 slide 4: "Kutse taastõendamisel" conditions from the standard): certificate c
// is a qualification or partial-qualification certificate awarded under standard std, neither
// declared invalid nor replaced by a duplicate, has an end of validity, and on day d is valid or
// ended at most the qualification's grace period ago ([Qualification.Grace], one year unless the
// body sets another); and the body re-certifies the qualification in the register. The conditions
// of the standard itself (work experience, further training) are the applicant's to confirm and the
// body's to check (the flow's review step). It returns the explanation, or a *RuleError wrapping
// [ErrRecertify] saying which check failed.
func Recertifiable(c certificate.Certificate, std register.Standard, q Qualification, d calendar.Date) (law.Explanation, error) {
	var why law.Explanation
	op := "re-certify " + string(c.Number)
	refuse := func(reason string) (law.Explanation, error) {
		return why, &RuleError{Pkg: pkg, Rule: RuleConditions, Citation: selfService.String(), Op: op, Reason: reason, Err: ErrRecertify}
	}
	if c.Kind != certificate.Occupational && c.Kind != certificate.Partial {
		return refuse("a " + c.Kind.Name(law.English) + " is not re-certified; only qualification certificates are")
	}
	if !ofStandard(&c, &std) {
		latest, _ := std.Latest()
		return refuse("certificate " + string(c.Number) + " (" + c.Title + ", " + c.Standard + ") was not awarded under the standard " + latest.Name)
	}
	if q.NoRecertification {
		return refuse("the awarding body does not re-certify the qualification in the register")
	}
	if !c.Invalidated.IsZero() && !d.Before(c.Invalidated.Date) {
		return refuse("certificate " + string(c.Number) + " was declared invalid from " + c.Invalidated.Date.Register())
	}
	if !c.Replaced.IsZero() && !d.Before(c.Replaced.Date) {
		return refuse("certificate " + string(c.Number) + " was replaced by " + string(c.Replaced.By) + ": re-certify that one")
	}
	if c.ValidUntil.IsZero() {
		return refuse("certificate " + string(c.Number) + " has no end of validity (tähtajatu): there is nothing to re-certify")
	}
	if d.Before(c.ValidFrom) {
		return refuse("certificate " + string(c.Number) + " is not valid yet (from " + c.ValidFrom.Register() + ")")
	}
	grace := q.Grace()
	last := c.ValidUntil.AddMonths(grace)
	if d.After(last) {
		return refuse("certificate " + string(c.Number) + " ended on " + c.ValidUntil.Register() + "; it may be re-certified until " +
			last.Register() + " (" + strconv.Itoa(grace) + " months); apply for the qualification instead")
	}
	state, stateEn := "kehtib kuni "+c.ValidUntil.Register(), "is valid until "+c.ValidUntil.Register()
	if d.After(c.ValidUntil) {
		state, stateEn = "kehtivus lõppes "+c.ValidUntil.Register()+", taastõendada saab kuni "+last.Register(),
			"ended on "+c.ValidUntil.Register()+" and may be re-certified until "+last.Register()
	}
	why.Add(RuleConditions, selfService, "tunnistus "+string(c.Number)+" on antud kutsestandardi alusel ja "+state,
		"certificate "+string(c.Number)+" was awarded under the standard and "+stateEn)
	return why, nil
}

// conditions returns the standard version's conditions of applying or re-certifying (APP-02) for
// the applicant to confirm, keeping the confirmations of those already confirmed.
func conditions(v *register.StandardVersion, k Kind, old []Condition) []Condition {
	src := v.Conditions.Apply
	if k == Recertification {
		src = v.Conditions.Recertify
	}
	out := make([]Condition, len(src))
	for i, t := range src {
		out[i].Text = t
		for _, o := range old {
			if o.Text == t {
				out[i].Confirmed = o.Confirmed
			}
		}
	}
	return out
}
