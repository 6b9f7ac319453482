package duplicate

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/deadline"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
)

// DecisionDeadline returns the day by which the decision on a request in procedure p, received on
// received by whoever decides, must be taken, counted on the Estonian calendar by package deadline
// (GEN-03). Its explanation starts with the rule applied:
//
//   - SCH-19 (VV määrus nr 113 § 18 (1)): a school duplicate, within two weeks of receiving the
//     request.
//   - SCH-14 (§ 16 (4)): an exchange, within thirty days of receiving the request; the SDK applies
//     the same period to the requests of § 15 (3)–(4) (SCH-12, SCH-13), for which the statute sets
//     none.
//   - CERT-07 (Reg74 § 8 (1)): an occupational duplicate, within one month.
//
// A due date on a Saturday, Sunday or public holiday moves to the next working day (TsÜS § 136 (8)).
// The periods of regulation nr 113 are those of its version in force on the day of receipt (st; nil:
// vv113.Default), which the explanation names; a day no version covers is refused with an error
// wrapping law.ErrNoVersion (GEN-04).
func DecisionDeadline(st vv113.Statute, p Procedure, received calendar.Date) (deadline.Deadline, error) {
	var (
		dl       deadline.Deadline
		err      error
		rule     string
		cite     law.Citation
		et, en   string
		analogue bool
		v        vv113.Version
	)
	if uses113(p) && p.Valid() {
		rule, cite = decisionCitation(p)
		if v, err = in113(st, received, rule, cite, "the decision's deadline"); err != nil {
			return deadline.Deadline{}, err
		}
	}
	switch p {
	case SchoolDuplicate:
		n := v.Rule.DuplicateWeeks
		dl, err = deadline.Weeks(received, n)
		rule, cite = RuleDecision, reg113.At("18", "1", "")
		et, en = "duplikaadi väljaandmine otsustatakse "+countEt(n, "nädala")+" jooksul taotluse saamise päevast", "the duplicate is decided within "+countEn(n, "week")+" of receiving the request"
	case StateExamExchange, StateExamCorrection, StateExamLegalised:
		n := v.Rule.ExchangeDays
		dl, err = deadline.Days(received, n)
		rule, cite = RuleExchange, reg113.At("16", "4", "")
		et, en = "elektroonilise riigieksamitunnistuse väljastamine otsustatakse "+countEt(n, "päeva")+" jooksul taotluse saamise päevast",
			"issuing the electronic state-exam certificate is decided within "+countEn(n, "day")+" of receiving the request"
		analogue = p != StateExamExchange
	case OccupationalDuplicate:
		dl, err = deadline.Months(received, 1)
		rule, cite = RuleOccupation, reg74.At("8", "1", "")
		et, en = "duplikaadi väljaandmine otsustatakse ühe kuu jooksul", "the duplicate is decided within one month"
	default:
		return deadline.Deadline{}, &RequestError{Rule: RuleDecision, Citation: reg113.At("18", "1", "").String(), Field: "Procedure",
			Value: p.String(), Reason: "is not a procedure", Err: ErrInvalid}
	}
	if err != nil {
		return deadline.Deadline{}, err
	}
	if analogue {
		et += " (§ 15 ei sätesta tähtaega; kohaldatakse § 16 lg 4 analoogia alusel)"
		en += " (§ 15 sets no period; § 16 (4) is applied by analogy)"
	}
	var e law.Explanation
	e.Add(rule, cite, et+": tähtpäev "+dl.Due.Register(), en+": due "+dl.Due.Register())
	if v.Name != "" {
		vv113.Mark(&e, v)
	}
	e.Append(dl.Explanation)
	dl.Explanation = e
	return dl, nil
}

// countEt is n with its noun in the genitive as the statute writes a period: "kahe nädala",
// "kolmekümne päeva", "viie tööpäeva"; other figures in digits ("3 nädala").
func countEt(n int, noun string) string {
	if w, ok := map[int]string{2: "kahe", 5: "viie", 30: "kolmekümne"}[n]; ok {
		return w + " " + noun
	}
	return strconv.Itoa(n) + " " + noun
}

// countEn is n with its noun in English: "two weeks", "thirty days", "five working days"; other
// figures in digits.
func countEn(n int, noun string) string {
	w, ok := map[int]string{1: "one", 2: "two", 5: "five", 30: "thirty"}[n]
	if !ok {
		w = strconv.Itoa(n)
	}
	if n != 1 {
		noun += "s"
	}
	return w + " " + noun
}

// NoticeDeadline returns the day by which the decision taken on decided must be made known to the
// applicant, and false where no rule sets one:
//
//   - SCH-23 (§ 19 (2)): the refusal of a school duplicate, within five working days of the
//     decision, in writing;
//   - SCH-14 (§ 16 (4), (7)): an exchange decided either way, within five working days (applied to
//     § 15 (3)–(4) as well);
//   - CERT-07 (Reg74 § 8 (3)): the refusal of an occupational duplicate, with its reason, within five
//     working days.
//
// Granting a school or occupational duplicate has no notice period: the decision is written (§ 18
// (1)) and the duplicate handed over against signature (SCH-21). The period of regulation nr 113 is
// that of its version in force on the day of the decision (st; nil: vv113.Default), which the
// explanation names; a day no version covers is refused with an error wrapping law.ErrNoVersion.
func NoticeDeadline(st vv113.Statute, p Procedure, refused bool, decided calendar.Date) (deadline.Deadline, bool, error) {
	var rule, et, en string
	var cite law.Citation
	switch {
	case p.StateExam() && refused:
		rule, cite = RuleExchange, reg113.At("16", "7", "")
		et, en = "keeldumise otsus tehakse taotlejale teatavaks %s jooksul", "the refusal is made known to the applicant within %s"
	case p.StateExam():
		rule, cite = RuleExchange, reg113.At("16", "4", "")
		et, en = "otsus tehakse taotlejale teatavaks %s jooksul otsuse tegemise päevast", "the decision is made known to the applicant within %s of the decision"
	case p == SchoolDuplicate && refused:
		rule, cite = RuleRefusal, reg113.At("19", "2", "")
		et, en = "keeldumise otsus tehakse taotlejale kirjalikult teatavaks %s jooksul", "the refusal is made known to the applicant in writing within %s"
	case p == OccupationalDuplicate && refused:
		rule, cite = RuleOccupation, reg74.At("8", "3", "")
		et, en = "keeldumine ja selle põhjus tehakse teatavaks %s jooksul", "the refusal and its reason are made known within %s"
	default:
		return deadline.Deadline{}, false, nil
	}
	n := 5 // Reg74 § 8 (3)
	var v vv113.Version
	if uses113(p) {
		var err error
		if v, err = in113(st, decided, rule, cite, "the notice's deadline"); err != nil {
			return deadline.Deadline{}, false, err
		}
		n = v.Rule.NoticeWorkingDays
	}
	dl, err := deadline.WorkingDays(decided, n)
	if err != nil {
		return deadline.Deadline{}, false, err
	}
	et, en = strings.Replace(et, "%s", countEt(n, "tööpäeva"), 1), strings.Replace(en, "%s", countEn(n, "working day"), 1)
	var e law.Explanation
	e.Add(rule, cite, et+": tähtpäev "+dl.Due.Register(), en+": due "+dl.Due.Register())
	if v.Name != "" {
		vv113.Mark(&e, v)
	}
	e.Append(dl.Explanation)
	dl.Explanation = e
	return dl, true, nil
}

// Fate is what happens to the original when the duplicate (or the new certificate) is issued.
type Fate struct {
	// Invalidated: the original is declared invalid; in the register it is replaced by the duplicate
	// from the duplicate's issue date (certificate.Replaced).
	Invalidated bool
	// Destroyed: the attached original is sent for destruction, to DestroyedBy.
	Destroyed   bool
	DestroyedBy string
	// Publish: the invalidation is published in Ametlikud Teadaanded by the issuer (see
	// [InvalidationNotice]), at PublishedAtCostOf's cost: the issuer's for an exchange (§ 16 (5));
	// zero, no payer named, for a school duplicate (§ 18 (3) says who publishes, not who pays).
	Publish           bool
	PublishedAtCostOf Payer
}

// OriginalFate returns what happens to the original in procedure p on ground g, with the
// explanation:
//
//   - SCH-19 (§ 18 (1)–(3)): a school duplicate invalidates the original, except on ground 4
//     (legalised or apostilled), and the school publishes the invalidation in Ametlikud Teadaanded
//     (§ 18 (3) names no payer, so PublishedAtCostOf is zero);
//   - SCH-18 (§ 17 (5)): on grounds 1 and 2 (illegible, an error) the attached original is sent for
//     destruction to the institution that issues state-exam certificates;
//   - SCH-14 (§ 16 (3)–(5)): an exchanged paper original is invalidated, the attached original is
//     destroyed by the issuing institution after the issue, and the invalidation is published in
//     Ametlikud Teadaanded at the issuer's cost;
//   - SCH-13 (§ 15 (4)): a legalised or apostilled paper original is neither invalidated nor
//     destroyed;
//   - SCH-12 (§ 15 (3)): the statute is silent; the SDK replaces the electronic original by the new
//     one (it cannot stand beside its correction), destroys nothing and publishes nothing;
//   - CERT-07 (Reg74 § 8 (1)): the original is invalidated on every ground; Reg74 neither destroys
//     it nor publishes the invalidation (the register shows it, Reg74 § 1 (3)).
//
// For the procedures of regulation nr 113 the version in force on day on (the decision's) is
// applied and named (st; nil: vv113.Default); a day no version covers is refused with an error
// wrapping law.ErrNoVersion (GEN-04).
func OriginalFate(st vv113.Statute, p Procedure, g Ground, on calendar.Date) (Fate, law.Explanation, error) {
	if uses113(p) && p.Valid() {
		rule, cite := decisionCitation(p)
		v, err := in113(st, on, rule, cite, "the original's fate")
		if err != nil {
			return Fate{}, law.Explanation{}, err
		}
		f, e := originalFate(p, g)
		vv113.Mark(&e, v)
		return f, e, nil
	}
	f, e := originalFate(p, g)
	return f, e, nil
}

func originalFate(p Procedure, g Ground) (Fate, law.Explanation) {
	var f Fate
	var e law.Explanation
	centre := "riigieksamitunnistusi väljastav asutus"
	switch p {
	case SchoolDuplicate:
		if g == Legalised {
			e.Add(RuleDecision, reg113.At("18", "2", ""), "legaliseeritud või apostille'iga algdokumenti kehtetuks ei tunnistata",
				"a legalised or apostilled original is not declared invalid")
		} else {
			f.Invalidated, f.Publish = true, true
			e.Add(RuleDecision, reg113.At("18", "1", ""), "algdokument tunnistatakse kehtetuks", "the original is declared invalid")
			e.Add(RuleDecision, reg113.At("18", "3", ""), "kool teeb kehtetuks tunnistamise otsuse teatavaks Ametlikes Teadaannetes",
				"the school publishes the invalidation in Ametlikud Teadaanded")
		}
		if g == Illegible || g == Error {
			f.Destroyed, f.DestroyedBy = true, centre
			e.Add(RuleAttachments, reg113.At("17", "5", ""), "algdokument saadetakse pärast duplikaadi väljastamist hävitamiseks riigieksamitunnistusi väljastavasse asutusse",
				"after the duplicate is issued the original is sent for destruction to the institution that issues state-exam certificates")
		} else {
			e.Add(RuleAttachments, reg113.At("17", "5", ""), "algdokumenti hävitamiseks ei saadeta", "the original is not sent for destruction")
		}
	case StateExamExchange:
		f.Invalidated, f.Publish, f.PublishedAtCostOf = true, true, Issuer
		e.Add(RuleExchange, reg113.At("16", "3", ""), "vahetamisel tunnistatakse algdokument kehtetuks", "on exchange the original is declared invalid")
		if g != Lost {
			f.Destroyed, f.DestroyedBy = true, centre
			e.Add(RuleExchange, reg113.At("16", "4", ""), "pärast elektroonilise tunnistuse väljastamist hävitab väljastav asutus taotlusele lisatud algdokumendi",
				"after the electronic certificate is issued the issuing institution destroys the attached original")
		}
		e.Add(RuleExchange, reg113.At("16", "5", ""), "kehtetuks tunnistamine avaldatakse Ametlikes Teadaannetes väljastava asutuse kulul",
			"the invalidation is published in Ametlikud Teadaanded at the issuing institution's cost")
	case StateExamLegalised:
		e.Add(RuleLegalised, reg113.At("15", "4", ""), "algdokumenti kehtetuks ei tunnistata ega hävitata", "the original is neither declared invalid nor destroyed")
	case StateExamCorrection:
		f.Invalidated = true
		e.Add(RuleCorrection, reg113.At("15", "3", ""), "uus elektrooniline tunnistus asendab vigase (§ 15 lg 3 ei sätesta muud; SDK valik)",
			"the new electronic certificate replaces the wrong one (§ 15 (3) says no more; the SDK's choice)")
	case OccupationalDuplicate:
		f.Invalidated = true
		e.Add(RuleOccupation, reg74.At("8", "1", ""), "algdokument tunnistatakse kehtetuks ja registris asendatakse duplikaadiga",
			"the original is declared invalid and replaced by the duplicate in the register")
	}
	return f, e
}

// Payer is who bears a cost. The zero value names no one: where the statute is silent.
type Payer uint8

// The payers.
const (
	Applicant Payer = iota + 1 // the applicant (taotleja)
	Issuer                     // the issuer of the duplicate (duplikaadi väljaandja)
)

// String returns "applicant" or "issuer", or "" for the zero Payer (no payer named).
func (p Payer) String() string {
	switch p {
	case 0:
		return ""
	case Applicant:
		return "applicant"
	case Issuer:
		return "issuer"
	}
	return "payer(" + strconv.Itoa(int(p)) + ")"
}

// Cost is who pays for a duplicate, and how much.
type Cost struct {
	Payer  Payer           // who bears the cost
	Fee    decimal.Decimal // the amount the issuer set for it (its fee schedule)
	Amount decimal.Decimal // what the applicant pays: Fee, or zero when the issuer pays
}

// FeeSchedule gives the amount an issuer set for a duplicate of a kind (SCH-20: "duplikaadi
// väljaandja määratud summa"; Reg74 § 10 (5)).
type FeeSchedule interface {
	Fee(issuer string, k certificate.Kind) (decimal.Decimal, bool)
}

// Fees is a FeeSchedule in memory: issuer code → kind → amount. The issuer "" holds the amounts for
// issuers not listed.
type Fees map[string]map[certificate.Kind]decimal.Decimal

// Fee implements FeeSchedule.
func (f Fees) Fee(issuer string, k certificate.Kind) (decimal.Decimal, bool) {
	if m, ok := f[issuer]; ok {
		if v, ok := m[k]; ok {
			return v, true
		}
	}
	v, ok := f[""][k]
	return v, ok
}

// CostOf returns who pays for a duplicate in procedure p on ground g and how much, given the
// issuer's fee, with the explanation:
//
//   - SCH-20 (VV määrus nr 113 § 18 (4)): the applicant pays the amount the issuer set, except for
//     ground 2 (an error), where the issuer pays: the ground decides;
//   - CERT-07 (Reg74 § 10 (5)): the applicant pays, unless the ground arose through the fault of
//     the issuing awarding body or Kutsekoda: fault decides, on any ground. issuerFault says that
//     whoever decides established it (or the awarding body itself asked, for an error in its data:
//     Request.ByIssuer); an error that was nobody's fault at the issuer is the applicant's to pay;
//   - the state-exam procedures (§§ 15–16) set no cost: the SDK applies § 18 (4) by analogy, so the
//     exam centre's schedule (usually zero) applies except for an error.
//
// issuerFault is for an occupational duplicate only: given for another procedure, whose cost follows
// the ground, it is an error, as is a negative fee. For the procedures of regulation nr 113 the
// version in force on day on (the request's) is applied and named (st; nil: vv113.Default); a day no
// version covers is refused with an error wrapping law.ErrNoVersion (GEN-04).
func CostOf(st vv113.Statute, p Procedure, g Ground, issuerFault bool, fee decimal.Decimal, on calendar.Date) (Cost, law.Explanation, error) {
	c, e, err := costOf(p, g, issuerFault, fee)
	if err != nil || !uses113(p) {
		return c, e, err
	}
	v, err := in113(st, on, RuleCost, reg113.At("18", "4", ""), "the cost")
	if err != nil {
		return Cost{}, law.Explanation{}, err
	}
	vv113.Mark(&e, v)
	return c, e, nil
}

func costOf(p Procedure, g Ground, issuerFault bool, fee decimal.Decimal) (Cost, law.Explanation, error) {
	var e law.Explanation
	if fee.IsNegative() {
		return Cost{}, e, &RequestError{Rule: RuleCost, Citation: reg113.At("18", "4", "").String(), Field: "Fee", Value: fee.String(),
			Reason: "may not be negative", Err: ErrInvalid}
	}
	rule, cite := RuleCost, reg113.At("18", "4", "")
	note, noteEn := "", ""
	switch {
	case p == OccupationalDuplicate:
		return occupationalCost(g, issuerFault, fee)
	case p.StateExam():
		note, noteEn = " (§§ 15–16 ei sätesta kulu; kohaldatakse § 18 lg 4 analoogia alusel)", " (§§ 15–16 set no cost; § 18 (4) is applied by analogy)"
	case p != SchoolDuplicate:
		return Cost{}, e, &RequestError{Rule: RuleCost, Citation: cite.String(), Field: "Procedure", Value: p.String(), Reason: "is not a procedure", Err: ErrInvalid}
	}
	if issuerFault {
		return Cost{}, e, &RequestError{Rule: RuleCost, Citation: cite.String(), Field: "IssuerFault", Value: "true",
			Reason: "applies to an occupational duplicate only (Reg74 § 10 (5)): here the ground decides who pays", Err: ErrInvalid}
	}
	c := Cost{Payer: Applicant, Fee: fee, Amount: fee}
	if g == Error {
		c.Payer, c.Amount = Issuer, decimal.Zero
		e.Add(rule, cite, "alus on viga algdokumendi vormistamisel või andmetes: kulud ("+fee.StringFixed(2)+" eurot) katab duplikaadi väljaandja; taotleja maksab 0"+note,
			"the ground is an error in the original: the issuer bears the cost ("+fee.StringFixed(2)+" euros); the applicant pays 0"+noteEn)
		return c, e, nil
	}
	e.Add(rule, cite, "kulud katab taotleja duplikaadi väljaandja määratud summa ulatuses: "+fee.StringFixed(2)+" eurot"+note,
		"the applicant bears the cost the issuer set: "+fee.StringFixed(2)+" euros"+noteEn)
	return c, e, nil
}

// occupationalCost is CostOf for an occupational duplicate (CERT-07: Reg74 § 10 (5)).
func occupationalCost(g Ground, issuerFault bool, fee decimal.Decimal) (Cost, law.Explanation, error) {
	var e law.Explanation
	cite := reg74.At("10", "5", "")
	if issuerFault {
		e.Add(RuleOccupation, cite, "alus („"+g.Name(law.Estonian)+"”) tekkis duplikaadi väljaandja või Kutsekoja süül: kulud ("+fee.StringFixed(2)+" eurot) katab väljaandja; taotleja maksab 0",
			"the ground (\""+g.Name(law.English)+"\") arose through the fault of the issuer or Kutsekoda: the issuer bears the cost ("+fee.StringFixed(2)+" euros); the applicant pays 0")
		return Cost{Payer: Issuer, Fee: fee, Amount: decimal.Zero}, e, nil
	}
	e.Add(RuleOccupation, cite, "alus („"+g.Name(law.Estonian)+"”) ei tekkinud väljaandja ega Kutsekoja süül: kulud katab taotleja, "+fee.StringFixed(2)+" eurot",
		"the ground (\""+g.Name(law.English)+"\") did not arise through the fault of the issuer or Kutsekoda: the applicant bears the cost, "+fee.StringFixed(2)+" euros")
	return Cost{Payer: Applicant, Fee: fee, Amount: fee}, e, nil
}

// RefusalGround is why a request is refused.
type RefusalGround uint8

// The refusal grounds.
const (
	// FalseData: the applicant knowingly gave false data (§ 16 (6) p 1, § 19 (1) p 1; Reg74 § 8 (2) p 1).
	FalseData RefusalGround = iota + 1
	// NoRecords: there are no records of the original's issue (§ 16 (6) p 2, § 19 (1) p 2; Reg74
	// § 8 (2) p 2: the register has no entry of it).
	NoRecords
	// NoGround: none of the grounds exists (§ 16 (6) p 3, § 19 (1) p 3; Reg74 § 8 (2) p 3).
	NoGround
	// OriginalNotValid: the original has been declared invalid or has expired (Reg74 § 8 (2) p 4),
	// occupational certificates only.
	OriginalNotValid
)

var refusalNames = [...]struct{ code, et, en string }{
	FalseData:        {"false-data", "taotleja on esitanud tahtlikult valeandmeid", "the applicant knowingly gave false data"},
	NoRecords:        {"no-records", "puuduvad andmed algdokumendi väljaandmise kohta", "there are no records of the original's issue"},
	NoGround:         {"no-ground", "ei esine duplikaadi väljaandmise aluseid", "none of the grounds exists"},
	OriginalNotValid: {"original-not-valid", "algdokument on tunnistatud või muutunud kehtetuks", "the original has been declared invalid or has expired"},
}

// Valid reports whether r is one of the refusal grounds.
func (r RefusalGround) Valid() bool { return r >= FalseData && r <= OriginalNotValid }

// String returns the refusal ground's code, e.g. "no-records".
func (r RefusalGround) String() string {
	if !r.Valid() {
		return "refusal(" + strconv.Itoa(int(r)) + ")"
	}
	return refusalNames[r].code
}

// Name returns the refusal ground in lang.
func (r RefusalGround) Name(lang law.Lang) string {
	if !r.Valid() {
		return r.String()
	}
	return lang.Pick(refusalNames[r].et, refusalNames[r].en)
}

// refusalCitation returns the rule and provision of refusal ground r in procedure p.
func refusalCitation(p Procedure, r RefusalGround) (string, law.Citation) {
	pt := ""
	if r.Valid() {
		pt = strconv.Itoa(int(r))
	}
	switch {
	case p.StateExam():
		return RuleExchange, reg113.At("16", "6", pt)
	case p == OccupationalDuplicate:
		return RuleOccupation, reg74.At("8", "2", pt)
	}
	return RuleRefusal, reg113.At("19", "1", pt)
}

// RefusalGrounds returns the grounds on which a request in procedure p may be refused: three for
// the school and state-exam procedures (SCH-23: § 19 (1); SCH-14: § 16 (6), applied to § 15 as
// well), four for an occupational duplicate (CERT-07: Reg74 § 8 (2)).
func RefusalGrounds(p Procedure) []RefusalGround {
	if p == OccupationalDuplicate {
		return []RefusalGround{FalseData, NoRecords, NoGround, OriginalNotValid}
	}
	return []RefusalGround{FalseData, NoRecords, NoGround}
}

// Refusal is a decision to refuse, with the day by which it must be made known.
type Refusal struct {
	Ground RefusalGround
	Notice deadline.Deadline // made known to the applicant by Notice.Due (five working days)
}

// Refuse returns the refusal of a request in procedure p on ground r decided on decided, with the
// written-refusal deadline and the explanation (SCH-23: § 19; SCH-14: § 16 (6)–(7); CERT-07:
// Reg74 § 8 (2)–(3)). A ground the procedure does not have is a *RequestError wrapping
// [ErrRefusalGround].
//
// For the procedures of regulation nr 113 the version in force on the day of the decision is applied
// and named (st; nil: vv113.Default); a day no version covers is refused with an error wrapping
// law.ErrNoVersion (GEN-04).
func Refuse(st vv113.Statute, p Procedure, r RefusalGround, decided calendar.Date) (Refusal, law.Explanation, error) {
	var e law.Explanation
	rule, cite := refusalCitation(p, r)
	if !p.Valid() || !r.Valid() || (r == OriginalNotValid && p != OccupationalDuplicate) {
		return Refusal{}, e, &RequestError{Rule: rule, Citation: cite.String(), Field: "Refusal", Value: r.String(),
			Reason: "is not a refusal ground of " + p.String(), Err: ErrRefusalGround}
	}
	dl, _, err := NoticeDeadline(st, p, true, decided)
	if err != nil {
		return Refusal{}, e, err
	}
	e.Add(rule, cite, "duplikaadi väljaandmisest keeldutakse: "+r.Name(law.Estonian), "the duplicate is refused: "+r.Name(law.English))
	e.Append(dl.Explanation)
	markAs(&e)
	return Refusal{Ground: r, Notice: dl}, e, nil
}
