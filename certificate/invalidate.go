package certificate

import (
	"context"
	"strings"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/law"
)

// invalidationRule returns the rule and the provision by which a certificate of kind k is declared
// invalid, and who may do it, in words:
//
//   - occupational and partial certificates and qualifications on school documents: CERT-11,
//     Kutseseadus § 22 (1), the qualification committee or the sectoral council;
//   - leaving certificates and grade sheets: SCH-02, VV määrus nr 113 § 5 (2), the school that
//     issued them, its successor or, failing both, the minister;
//   - state-exam certificates: SCH-02, § 5 (2) (under the Administrative Procedure Act), by the
//     institution that issues them (§ 4 (1));
//   - proficiency certificates: LNG-18, HMS § 70 (an invalidation is an administrative act of its
//     own), by the exam centre that issued them (004 § 7 (6)).
func invalidationRule(k Kind) (rule string, cite law.Citation, who string) {
	switch k {
	case BasicSchool, Gymnasium, GradeSheet:
		return "SCH-02", reg113.At("5", "2", ""), "the school that issued it, its successor, or where neither exists the minister of education and research"
	case StateExam:
		return "SCH-02", reg113.At("5", "2", ""), "the institution that issues state-exam certificates (§ 4 (1)) and issued it"
	case Proficiency:
		return "LNG-18", hms.At("70", "", ""), "the exam centre that issued it"
	}
	return "CERT-11", kuts.At("22", "1", ""), "the qualification committee (kutsekomisjon) of the awarding body that issued it, or the sectoral council (kutsenõukogu) overseeing that body"
}

// mayInvalidate returns nil when a may declare c invalid, or an error wrapping actor.ErrForbidden
// that says who may (see [Registry.Invalidate]).
func (r *Registry) mayInvalidate(ctx context.Context, a actor.Actor, c *Certificate) error {
	if a.Role == actor.Registrar {
		return nil
	}
	rule, cite, who := invalidationRule(c.Kind)
	deny := func(why string) error {
		return actor.Deny(a, "invalidate certificate "+string(c.Number), "only "+who+" may ("+rule+", "+cite.String()+")"+why)
	}
	switch c.Kind {
	case BasicSchool, Gymnasium, GradeSheet:
		return r.maySchoolInvalidate(ctx, a, c, deny)
	case StateExam, Proficiency:
		if a.Role == actor.ExamCentre && a.ActsFor(c.IssuerCode) {
			return nil
		}
	default:
		if (a.Role == actor.QualificationCommittee || a.Role == actor.SectoralCouncil) && a.For != "" && a.For == c.IssuerCode {
			return nil
		}
	}
	return deny("")
}

// maySchoolInvalidate decides for a leaving certificate or grade sheet (SCH-02: VV määrus nr 113
// § 5 (2)). With the host's Schools directory, the school that answers for the issuer's documents
// decides: the issuer while it works, its successor after a reorganisation, the minister when
// neither exists. Without one, the actor's word is taken: the issuing school, a successor naming
// the issuer in For, or the minister.
func (r *Registry) maySchoolInvalidate(ctx context.Context, a actor.Actor, c *Certificate, deny func(string) error) error {
	if a.Role != actor.School && a.Role != actor.Successor && a.Role != actor.Minister {
		return deny("")
	}
	answering, known := "", false
	if r.schools != nil {
		ans, err := r.schools.AnsweringSchool(ctx, c.IssuerCode)
		if err != nil {
			return err
		}
		answering, known = ans, true
	}
	now := ""
	switch {
	case known && answering == "":
		now = ": the school and any successor are gone, so the minister decides"
	case known && answering != c.IssuerCode:
		now = ": the school was reorganised; its successor " + answering + " decides"
	}
	switch a.Role {
	case actor.School:
		if a.Org == c.IssuerCode && (!known || answering == c.IssuerCode) {
			return nil
		}
	case actor.Successor:
		if a.For == c.IssuerCode && a.Org != c.IssuerCode && (!known || answering == a.Org) {
			return nil
		}
	case actor.Minister:
		if !known || answering == "" {
			return nil
		}
	}
	return deny(now)
}

// Invalidate records a decision declaring the certificate invalid, and who may take it:
//
//   - CERT-11 (Kutseseadus § 22 (1)): an occupational or partial certificate, or a qualification on
//     a school document, is declared invalid by the qualification committee (kutsekomisjon) of the
//     awarding body that issued it ([actor.QualificationCommittee] with For the body's code) or by
//     the sectoral council (kutsenõukogu) that oversees that body ([actor.SectoralCouncil] with For
//     the body's code); not by the awarding body itself nor its partner;
//   - SCH-02 (VV määrus nr 113 § 5 (2)): a leaving certificate or grade sheet by the school that
//     issued it ([actor.School]), its successor ([actor.Successor] with For the issuer's code) or,
//     where neither exists, the minister of education and research ([actor.Minister]). Given
//     Config.Schools, the registry checks which of them answers for the issuer's documents; without
//     it, the actor's word is taken;
//   - SCH-02 (§ 4 (1), § 5 (2)): a state-exam certificate by the institution that issued it
//     ([actor.ExamCentre]); LNG-18 (HMS § 70): a proficiency certificate by the exam centre that
//     issued it;
//   - the registrar records a decision one of them took, and must name it in v.By.
//
// The invalidation is an administrative act of its own (HMS § 70), in force from v.Date unless it
// names another (HMS § 68 (3)); a zero date means today. A school document or state-exam
// certificate is declared invalid under the version of regulation nr 113 in force on v.Date
// (Config.Statute): a date no version covers is refused with a *RuleError wrapping law.ErrNoVersion
// (GEN-04). v needs a reason and a decision reference;
// v.By defaults to the actor's code (for a committee without one, the awarding body's). The holder
// is notified (CERT-09). Anyone else is refused with an error wrapping actor.ErrForbidden; a
// certificate already declared invalid is refused with a *RuleError wrapping ErrInvalidated.
func (r *Registry) Invalidate(ctx context.Context, a actor.Actor, no Number, v Invalidation) (Certificate, error) {
	var fs []*FieldError
	if strings.TrimSpace(v.Reason) == "" {
		fs = append(fs, &FieldError{Pkg: pkg, Field: "Reason", Reason: "is required: the ground of the invalidation (CERT-11)"})
	}
	if strings.TrimSpace(v.Decision) == "" {
		fs = append(fs, &FieldError{Pkg: pkg, Field: "Decision", Reason: "is required: the decision's reference (HMS § 70)"})
	}
	if !v.Date.IsZero() && !v.Date.IsValid() {
		fs = append(fs, &FieldError{Pkg: pkg, Field: "Date", Value: dateText(v.Date), Reason: "is not a real date"})
	}
	if a.Role == actor.Registrar && strings.TrimSpace(v.By) == "" {
		fs = append(fs, &FieldError{Pkg: pkg, Field: "By", Reason: "is required: the registrar records the decision of the body that took it (CERT-11, SCH-02)"})
	}
	if len(fs) > 0 {
		return Certificate{}, &ValidationError{Pkg: pkg, Fields: fs}
	}
	if v.Date.IsZero() {
		v.Date = r.Today()
	}
	if v.By == "" {
		v.By = a.Org
		if v.By == "" {
			v.By = a.For
		}
		if v.By == "" && a.Role == actor.Minister {
			v.By = "haridus- ja teadusminister"
		}
	}
	return r.update(ctx, a, no, func(c *Certificate) (string, error) {
		if err := r.mayInvalidate(ctx, a, c); err != nil {
			return "", err
		}
		if c.Kind.School() {
			rule, cite, _ := invalidationRule(c.Kind)
			if _, err := r.in113(v.Date, rule, cite, "invalidate "+string(no)); err != nil {
				return "", err
			}
		}
		if !c.Invalidated.IsZero() {
			rule, cite, _ := invalidationRule(c.Kind)
			return "", &RuleError{Pkg: pkg, Rule: rule, Citation: cite.String(), Op: "invalidate " + string(no), Err: ErrInvalidated}
		}
		c.Invalidated = v
		return EventInvalidated, nil
	}, map[string]string{"reason": v.Reason, "decision": v.Decision, "from": v.Date.String(), "by": v.By})
}
