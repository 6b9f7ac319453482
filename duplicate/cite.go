package duplicate

import (
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
)

// The provisions the package cites.
var (
	// reg113 is VV määrus 13.08.2010 nr 113, the statute of leaving certificates, grade sheets and
	// state-exam certificates (seed 002, the text in force 13.07.2014–30.04.2015), whose versions
	// package vv113 holds.
	reg113 = vv113.Cite("", "", "")
	// reg74 is HTM määrus 19.12.2008 nr 74 "Kutsetunnistuse statuut ja vorm" (2016 wording).
	reg74 = law.Citation{Act: "Kutsetunnistuse statuut ja vorm (HTM määrus nr 74)", RT: "RTL 2009, 2, 32"}
	// selfService is the register's self-service, the terms Kutsekoda publishes for it (seed 000,
	// the presentation of 07.05.2026), in use since 04.2025: "duplikaadi tellimine nimevahetuse või
	// originaaltunnistuse kaotamise korral". It is cited by its name, as a person can find it.
	selfService = law.SelfService()
	// xroad is the register's X-Road service description of 2018-05-09 (testdata/xroad),
	// kutsetunnistuseDuplikaatParing.pohjus.
	xroad = law.Citation{Act: "Kutseregistri X-tee teenus kutsetunnistuseDuplikaat (2018-05-09)"}
)

// The rule IDs of RULES.md the package implements.
const (
	RuleCorrection  = "SCH-12"  // new electronic state-exam certificate after an error (§ 15 (3))
	RuleLegalised   = "SCH-13"  // electronic certificate for a legalised or apostilled paper one (§ 15 (4))
	RuleExchange    = "SCH-14"  // exchange of a paper state-exam certificate (§ 16)
	RuleGrounds     = "SCH-15"  // the grounds of a school duplicate (§ 17 (1))
	RuleApplication = "SCH-16"  // to whom and with what the application goes (§ 17 (2))
	RuleRouting     = "SCH-17"  // reorganised and closed schools (§ 17 (3)–(4))
	RuleAttachments = "SCH-18"  // the original attached, and sent for destruction (§ 17 (5))
	RuleDecision    = "SCH-19"  // two weeks, no invalidation for ground 4, publication (§ 18 (1)–(3))
	RuleCost        = "SCH-20"  // who pays (§ 18 (4))
	RuleHandOver    = "SCH-21"  // against signature, the pupils' register, same force (§ 18 (5)–(6))
	RuleGraduation  = "SCH-22"  // the certificate of graduation (§ 18 (7)–(8))
	RuleRefusal     = "SCH-23"  // refusal and its notice (§ 19)
	RuleForm        = "SCH-24"  // the duplicate's form (§ 20)
	RuleOccupation  = "CERT-07" // occupational duplicates (Reg74 §§ 7–10, the self-service)
)

// in113 returns the version of regulation nr 113 in force on d (GEN-04), for a decision of rule on
// provision cite, op naming the decision. A day that is not a real date is a *RequestError wrapping
// [ErrInvalid]; a day no version of st covers, a *RuleError wrapping law.ErrNoVersion.
func in113(st vv113.Statute, d calendar.Date, rule string, cite law.Citation, op string) (vv113.Version, error) {
	if !d.IsValid() {
		return vv113.Version{}, &RequestError{Rule: rule, Citation: cite.String(), Field: "Date", Value: d.String(),
			Reason: "is required: a real date picks the version of the regulation applied (GEN-04)", Err: ErrInvalid}
	}
	v, err := st.At(d)
	if err != nil {
		return vv113.Version{}, &RuleError{Pkg: pkg, Rule: rule, Citation: cite.String(), Op: op, Err: err}
	}
	return v, nil
}

// uses113 reports whether procedure p applies regulation nr 113 (all but the occupational one).
func uses113(p Procedure) bool { return p != OccupationalDuplicate }

// markAs names, on the steps of e that cite regulation nr 113 and name no version, the version an
// earlier step names: the version a decision applied covers its every step.
func markAs(e *law.Explanation) {
	for _, s := range e.Steps {
		if s.Citation.RT == vv113.RT && s.Version != "" {
			vv113.Mark(e, vv113.Version{Name: s.Version})
			return
		}
	}
}
