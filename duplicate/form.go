package duplicate

import (
	"slices"
	"strings"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
)

// The keys of certificate.Certificate.Extra a duplicate carries.
const (
	ExtraMark      = "duplicate.mark"      // the mark, e.g. "Lõputunnistuse nr G123456 duplikaat"
	ExtraGround    = "duplicate.ground"    // the ground's code, e.g. "lost"
	ExtraProcedure = "duplicate.procedure" // the procedure's code
	ExtraIssuedBy  = "duplicate.issued-by" // the name of who issued the duplicate, when not the original's issuer
	ExtraMedium    = "medium"              // "electronic" for a state-exam certificate issued by the SDK's procedures
)

// Form is how a duplicate is drawn up: what goes where, and from what (SCH-24: VV määrus nr 113
// § 20; CERT-07: Reg74 §§ 9–10).
type Form struct {
	Mark           string        // the mark, e.g. "Lõputunnistuse nr G123456 duplikaat" or "DUPLIKAAT"; "" for none
	MarkPlace      string        // where it goes: "paremas ülanurgas" (the upper right corner)
	IssuedOn       calendar.Date // the duplicate's issue date, written with the mark
	IssuedOnText   string        // the same as documents write it (GEN-02): "20. novembril 2026"
	Blank          string        // the blank it is printed on
	Text           string        // where its text comes from
	IssuerName     string        // the issuer's name printed on it: a school's name as at graduation (§ 20 (3))
	SignedBy       []string      // who signs, by office; the names of the original's signatories are not carried
	Seal           string        // the seal or stamp
	OriginalNumber bool          // whether the original's number appears on it
	Language       string        // "eesti keel"
}

// FormInput is what [DuplicateForm] takes.
type FormInput struct {
	Procedure Procedure
	Original  certificate.Certificate
	IssuedOn  calendar.Date
	Origin    Party // the original's issuer, for a school its name as at graduation (Route.Origin)
	Decider   Party // who issues the duplicate (Route.Decider)
}

// genitive is the kind's name in the genitive, as in "gümnaasiumi lõputunnistuse plank".
func genitive(k certificate.Kind) string {
	switch k {
	case certificate.BasicSchool:
		return "põhikooli lõputunnistuse"
	case certificate.Gymnasium:
		return "gümnaasiumi lõputunnistuse"
	case certificate.GradeSheet:
		return "hinnetelehe"
	case certificate.StateExam:
		return "riigieksamitunnistuse"
	case certificate.Partial:
		return "osakutsetunnistuse"
	}
	return "kutsetunnistuse"
}

// root returns the number of the document a duplicate stands for: the original's, or, for a
// duplicate of a duplicate, the first original's.
func root(c *certificate.Certificate) certificate.Number {
	if c.DuplicateOf != "" {
		return c.DuplicateOf
	}
	return c.Number
}

// Mark returns the mark of a school duplicate of original (SCH-24, § 20 (2), in the wording of the
// version the SDK knows; [DuplicateForm] checks the version in force on the issue date): "Lõputunnistuse nr
// G123456 duplikaat" for a leaving certificate and, for a grade sheet, the same wording with its own
// name and number, "Hinnetelehe nr H000123 duplikaat" (the statute writes only the leaving
// certificate's). A duplicate of a duplicate carries the first original's number.
func Mark(original certificate.Certificate) string {
	word := "Lõputunnistuse"
	if original.Kind == certificate.GradeSheet {
		word = "Hinnetelehe"
	}
	return word + " nr " + string(root(&original)) + " duplikaat"
}

// DuplicateForm returns how the duplicate is drawn up, with the explanation:
//
//   - SCH-24 (VV määrus nr 113 § 20): in Estonian on the blank in force when the duplicate is
//     issued; the same text as the original, from the entries of the pupils' register (Õpilasraamat);
//     no signatories' names and no new data; in the upper right corner the mark "Lõputunnistuse nr
//     <number> duplikaat" and the duplicate's issue date; the director's signature and the school's
//     seal; for a reorganised or closed school, the school's name as it was at graduation.
//   - CERT-07 (Reg74 §§ 9–10): on a certificate blank with "DUPLIKAAT" in the upper right corner;
//     the original's text and the duplicate's own issue date; not the original's number nor the
//     names of its signatories; signed by the head of the awarding body (or a board member of
//     Kutsekoda when Kutsekoda issues it) with the issuer's seal.
//   - SCH-12..14 (§§ 13, 15 (1)): the new certificate is electronic, confirmed with the issuing
//     institution's digital stamp; the statute gives it no duplicate mark.
//
// For the procedures of regulation nr 113 the version in force on the issue date is applied and
// named (st; nil: vv113.Default); a day no version covers is refused with an error wrapping
// law.ErrNoVersion (GEN-04).
func DuplicateForm(st vv113.Statute, in FormInput) (Form, law.Explanation, error) {
	f, e := duplicateForm(in)
	if uses113(in.Procedure) && in.Procedure.Valid() {
		v, err := in113(st, in.IssuedOn, RuleForm, reg113.At("20", "", ""), "the duplicate's form")
		if err != nil {
			return Form{}, law.Explanation{}, err
		}
		vv113.Mark(&e, v)
	}
	return f, e, nil
}

func duplicateForm(in FormInput) (Form, law.Explanation) {
	var e law.Explanation
	o := in.Original
	f := Form{IssuedOn: in.IssuedOn, IssuedOnText: in.IssuedOn.LongEt(), Language: "eesti keel", IssuerName: in.Origin.Name}
	if f.IssuerName == "" {
		f.IssuerName = o.Issuer
	}
	switch in.Procedure {
	case SchoolDuplicate:
		cite := reg113.At("20", "", "")
		f.Mark, f.MarkPlace, f.OriginalNumber = Mark(o), "paremas ülanurgas", true
		f.Blank = "duplikaadi väljaandmise ajal kehtiv " + genitive(o.Kind) + " plank"
		f.Text = "algdokumendiga sama tekst „Õpilasraamatu” sissekannete alusel"
		f.SignedBy, f.Seal = []string{"kooli direktor"}, "kooli pitsat"
		e.Add(RuleForm, cite.At("20", "1", ""), "duplikaat vormistatakse eesti keeles: "+f.Blank, "the duplicate is drawn up in Estonian on the blank in force at its issue")
		e.Add(RuleForm, cite.At("20", "2", ""), "duplikaadile kantakse sama tekst, mis oli algdokumendil, „Õpilasraamatu” sissekannete alusel; allakirjutanute nimesid ega uusi andmeid ei kanta",
			"the duplicate carries the original's text, from the pupils' register; no signatories' names and no new data")
		e.Add(RuleForm, cite.At("20", "2", ""), "paremasse ülanurka märge „"+f.Mark+"” ja väljaandmise kuupäev "+f.IssuedOnText+"; kinnitatakse direktori allkirja ja kooli pitseriga",
			"in the upper right corner the mark \""+f.Mark+"\" and the issue date "+f.IssuedOn.String()+"; confirmed by the director's signature and the school's seal")
		if in.Origin.Name != "" && in.Decider.Code != "" && in.Origin.Code != in.Decider.Code {
			e.Add(RuleForm, cite.At("20", "3", ""), "ümberkorraldatud või tegevuse lõpetanud kooli algdokumendi duplikaadile märgitakse kooli nimi lõpetamise ajal: "+in.Origin.Name,
				"the duplicate of a reorganised or closed school's document carries the school's name at graduation: "+in.Origin.Name)
		}
	case OccupationalDuplicate:
		f.Mark, f.MarkPlace = "DUPLIKAAT", "paremas ülanurgas"
		f.Blank = genitive(o.Kind) + " plank"
		f.Text = "algdokumendi tekst (alusel 3 parandatud, alusel 5 ja nimevahetusel uue isikukoodi ja nimega)"
		f.IssuerName = o.Issuer
		if in.Decider.Role == PartyRegisterKeeper {
			f.SignedBy, f.Seal = []string{"Kutsekoja juhatuse liige või volitatud isik"}, "Kutsekoja pitsat"
		} else {
			f.SignedBy, f.Seal = []string{"kutse andja juht või tema määratud isik"}, "kutse andja pitsat"
		}
		e.Add(RuleOccupation, reg74.At("9", "1", ""), "duplikaat vormistatakse tunnistuse plangile, paremasse ülanurka sõna „DUPLIKAAT”",
			"the duplicate goes on a certificate blank with \"DUPLIKAAT\" in the upper right corner")
		e.Add(RuleOccupation, reg74.At("9", "2", ""), "duplikaadile kantakse algdokumendi tekst ja duplikaadi väljaandmise kuupäev, mitte algdokumendi numbrit ega allakirjutanute nimesid",
			"the duplicate carries the original's text and its own issue date, not the original's number nor its signatories' names")
		e.Add(RuleOccupation, reg74.At("10", "", ""), "duplikaadi allkirjastab "+f.SignedBy[0]+"; "+f.Seal,
			"the duplicate is signed by the issuer's head (or Kutsekoda's board member) with the issuer's seal")
	default:
		f.Blank = "elektrooniline riigieksamitunnistuse plank"
		f.Text = "riigieksamitunnistuse andmed (alusel „viga” parandatud)"
		f.Seal = "väljastava asutuse digitaalne tempel"
		e.Add(RuleExchange, reg113.At("15", "1", ""), "uus tunnistus on elektrooniline ja kinnitatakse väljastava asutuse digitaalse templiga; duplikaadi märget ei ole",
			"the new certificate is electronic, confirmed with the issuing institution's digital stamp; it carries no duplicate mark")
	}
	return f, e
}

// Corrections are the corrected data of a duplicate issued for an error (ground [Error]): the data
// the original shows, as they should have been. Only non-zero fields change.
type Corrections struct {
	HolderName      string
	HolderCode      isikukood.Code
	HolderBirthDate calendar.Date
	Title           string
	Standard        string
	Specialisation  string
	Competences     []string
	ExamLanguage    string
	ValidUntil      calendar.Date
	Extra           map[string]string // kind-specific data (a grade, a study direction) to set
}

// IsZero reports whether there are no corrections.
func (c Corrections) IsZero() bool {
	return c.HolderName == "" && c.HolderCode.IsZero() && c.HolderBirthDate.IsZero() && c.Title == "" &&
		c.Standard == "" && c.Specialisation == "" && c.Competences == nil && c.ExamLanguage == "" &&
		c.ValidUntil.IsZero() && len(c.Extra) == 0
}

func (c Corrections) clone() Corrections {
	c.Competences = slices.Clone(c.Competences)
	if c.Extra != nil {
		m := make(map[string]string, len(c.Extra))
		for k, v := range c.Extra {
			m[k] = v
		}
		c.Extra = m
	}
	return c
}

// DuplicateInput is what [NewDuplicate] takes.
type DuplicateInput struct {
	Procedure Procedure
	Ground    Ground
	Original  certificate.Certificate
	// Number is the number of the blank the duplicate is printed on; "" has the store allocate one.
	Number   certificate.Number
	IssuedOn calendar.Date
	IssuedAt time.Time
	Origin   Party // the original's issuer as at graduation (Route.Origin)
	Decider  Party // who issues the duplicate (Route.Decider)
	// NewName and NewCode are the holder's new name and personal code, for the grounds
	// [NewPersonalCode] (NewCode required, NewName where the name changed too) and [NameChange]
	// (NewName required).
	NewName string
	NewCode isikukood.Code
	// Corrections are the corrected data, for the ground [Error] only.
	Corrections Corrections
}

// NewDuplicate returns the duplicate's record, its form and the explanation. The record is the
// original's data ("the same text", SCH-24; Reg74 § 9 (2)), with:
//
//   - its own number (the blank's, or "" for the store to allocate), its own issue date, the
//     original's validity, first and last day (the duplicate neither starts nor extends it; before
//     its issue it is not yet valid: certificate.Certificate.StatusOn), and DuplicateOf naming the
//     original;
//   - the issuer's code of whoever issues it (the successor school, the school of the same level,
//     Kutsekoda), and as the issuer's name the one on the original: for a school, its name at
//     graduation (§ 20 (3));
//   - for ground [Error] the corrections (a school's from its pupils' register), for
//     [NewPersonalCode] the new code (and name), for [NameChange] the new name (Reg74 § 9 (3); the
//     self-service), and nothing new otherwise ("no new data": § 20 (2), Reg74 § 9 (2));
//   - Extra: the mark, the ground, the procedure and who issued it.
//
// New data on a ground that allows none, a missing new code or name, or a record that does not pass
// certificate validation (e.g. a blank number not of the form G123456 for a gymnasium certificate)
// is an error.
//
// For the procedures of regulation nr 113 the version in force on the issue date is applied and
// named (st; nil: vv113.Default); a day no version covers is refused with an error wrapping
// law.ErrNoVersion (GEN-04).
func NewDuplicate(st vv113.Statute, in DuplicateInput) (certificate.Certificate, Form, law.Explanation, error) {
	o := in.Original
	form, e, err := DuplicateForm(st, FormInput{Procedure: in.Procedure, Original: o, IssuedOn: in.IssuedOn, Origin: in.Origin, Decider: in.Decider})
	if err != nil {
		return certificate.Certificate{}, Form{}, e, err
	}
	var probs []*RequestError
	bad := func(rule string, cite law.Citation, field, value, reason string) {
		probs = append(probs, &RequestError{Rule: rule, Citation: cite.String(), Field: field, Value: value, Reason: reason, Err: ErrInvalid})
	}
	noNew, noNewRule := reg113.At("20", "2", ""), RuleForm
	switch in.Procedure {
	case OccupationalDuplicate:
		noNew, noNewRule = reg74.At("9", "2", ""), RuleOccupation
	case StateExamCorrection, StateExamLegalised, StateExamExchange:
		noNew, noNewRule = reg113.At("15", "3", ""), RuleCorrection
	}
	if !in.Corrections.IsZero() && in.Ground != Error {
		bad(noNewRule, noNew, "Corrections", "", "are allowed only for an error in the original: the duplicate carries no new data")
	}
	switch in.Ground {
	case NewPersonalCode:
		if in.NewCode.IsZero() {
			bad(RuleOccupation, reg74.At("9", "3", ""), "NewCode", "", "is required: the new personal code goes onto the duplicate")
		} else if in.NewCode == o.Holder.Code {
			bad(RuleOccupation, reg74.At("9", "3", ""), "NewCode", in.NewCode.String(), "is the code on the original")
		}
	case NameChange:
		if strings.TrimSpace(in.NewName) == "" {
			bad(RuleOccupation, selfService, "NewName", "", "is required: the new name goes onto the duplicate")
		} else if in.NewName == o.Holder.Name {
			bad(RuleOccupation, selfService, "NewName", in.NewName, "is the name on the original")
		}
		if !in.NewCode.IsZero() {
			bad(RuleOccupation, selfService, "NewCode", in.NewCode.String(), "is not changed by a change of name; ask on the ground of a new personal code")
		}
	default:
		if in.NewName != "" || !in.NewCode.IsZero() {
			bad(noNewRule, noNew, "NewName", in.NewName, "a new name or code goes onto a duplicate only for a new personal code or a change of name")
		}
	}
	if len(probs) > 0 {
		return certificate.Certificate{}, form, e, &ValidationError{Problems: probs}
	}

	d := o.Clone()
	d.Number, d.Version = in.Number, 0
	d.Invalidated, d.Replaced = certificate.Invalidation{}, certificate.Replacement{}
	d.DuplicateOf = o.Number
	// The duplicate carries the original's text and no new data (§ 20 (2); Reg74 § 9 (2)): it keeps
	// the original's validity; only its issue date is its own.
	d.IssuedOn, d.IssuedAt = in.IssuedOn, in.IssuedAt
	if o.Kind.School() {
		d.ValidUntil = calendar.Date{}
	}
	d.Issuer = form.IssuerName
	if in.Decider.Code != "" {
		d.IssuerCode = in.Decider.Code
	}
	if d.Extra == nil {
		d.Extra = map[string]string{}
	}
	if form.Mark != "" {
		d.Extra[ExtraMark] = form.Mark
	}
	d.Extra[ExtraGround] = in.Ground.String()
	d.Extra[ExtraProcedure] = in.Procedure.String()
	if in.Decider.Name != "" && in.Decider.Code != o.IssuerCode {
		d.Extra[ExtraIssuedBy] = in.Decider.Name
	}
	if in.Procedure.StateExam() {
		d.Kind = certificate.StateExam
		d.Extra[ExtraMedium] = "electronic"
	}
	switch in.Ground {
	case NewPersonalCode:
		d.Holder.Code, d.Holder.BirthDate = in.NewCode, calendar.Date{}
		if in.NewName != "" {
			d.Holder.Name = in.NewName
		}
		e.Add(RuleOccupation, reg74.At("9", "3", ""), "duplikaadile kantakse uus isikukood"+ifName(in.NewName, " ja uus nimi"),
			"the duplicate carries the new personal code"+ifName(in.NewName, " and the new name"))
	case NameChange:
		d.Holder.Name = in.NewName
		e.Add(RuleOccupation, selfService, "duplikaadile kantakse uus nimi; register hoiab algdokumenti ja duplikaati seotuna",
			"the duplicate carries the new name; the register keeps the original and the duplicate linked")
	case Error:
		c := in.Corrections.clone()
		if c.HolderName != "" {
			d.Holder.Name = c.HolderName
		}
		if !c.HolderCode.IsZero() {
			d.Holder.Code, d.Holder.BirthDate = c.HolderCode, calendar.Date{}
		}
		if !c.HolderBirthDate.IsZero() {
			d.Holder.BirthDate = c.HolderBirthDate
		}
		for _, s := range []struct {
			to   *string
			from string
		}{{&d.Title, c.Title}, {&d.Standard, c.Standard}, {&d.Specialisation, c.Specialisation}, {&d.ExamLanguage, c.ExamLanguage}} {
			if s.from != "" {
				*s.to = s.from
			}
		}
		if c.Competences != nil {
			d.Competences = c.Competences
		}
		if !c.ValidUntil.IsZero() {
			d.ValidUntil = c.ValidUntil
		}
		for k, v := range c.Extra {
			d.Extra[k] = v
		}
		if !in.Corrections.IsZero() {
			rule, cite := RuleForm, reg113.At("20", "2", "")
			switch {
			case in.Procedure == OccupationalDuplicate:
				rule, cite = RuleOccupation, reg74.At("9", "3", "")
			case in.Procedure.StateExam():
				rule, cite = RuleCorrection, reg113.At("15", "3", "")
			}
			e.Add(rule, cite, "duplikaadile kantakse parandatud andmed", "the duplicate carries the corrected data")
		}
	}
	if err := d.Validate(); err != nil {
		return certificate.Certificate{}, form, e, err
	}
	markAs(&e)
	return d, form, e, nil
}

func ifName(name, s string) string {
	if name == "" {
		return ""
	}
	return s
}

// NoticeFacts are what [InvalidationNotice] takes.
type NoticeFacts struct {
	Procedure Procedure
	Ground    Ground
	Publisher Party         // who publishes: the deciding school or institution
	Decision  string        // the decision's reference, e.g. "1-3/15"; "" when it has none
	DecidedOn calendar.Date // the day of the decision
	Original  certificate.Certificate
	Origin    Party // the original's issuer as at graduation, when not the publisher
}

// reasonEt is the ground in the words of a notice.
func reasonEt(p Procedure, g Ground) string {
	switch g {
	case Illegible:
		return "algdokumendi tekst on muutunud raskesti loetavaks"
	case Error:
		return "tuvastati algdokumendi vormistamise ebatäpsus või algdokumendile kantud andmete ebaõigsus"
	case Lost:
		return "algdokument on hävinud, kadunud või ära varastatud"
	case Electronic:
		return "omanik soovis paberkandjal riigieksamitunnistuse asemel elektroonilist riigieksamitunnistust"
	}
	return g.Name(law.Estonian)
}

// InvalidationNotice returns the text, in Estonian, of the notice by which the invalidation of the
// original is published in Ametlikud Teadaanded (SCH-19: § 18 (3); SCH-14: § 16 (5)). Where nothing
// is published ([OriginalFate]: ground 4, the electronic and occupational procedures) it returns a
// *RuleError wrapping [ErrState]. The notice follows the version of regulation nr 113 in force on the
// day of the decision (st; nil: vv113.Default); a day no version covers is refused with an error
// wrapping law.ErrNoVersion (GEN-04).
func InvalidationNotice(st vv113.Statute, n NoticeFacts) (string, error) {
	fate, _ := originalFate(n.Procedure, n.Ground)
	if fate.Publish {
		rule, cite := RuleDecision, reg113.At("18", "3", "")
		if n.Procedure == StateExamExchange {
			rule, cite = RuleExchange, reg113.At("16", "5", "")
		}
		if _, err := in113(st, n.DecidedOn, rule, cite, "publish the invalidation"); err != nil {
			return "", err
		}
	}
	if !fate.Publish {
		rule, cite := RuleDecision, reg113.At("18", "3", "")
		if n.Procedure != SchoolDuplicate {
			rule, cite = groundCitation(n.Procedure, n.Ground)
		}
		return "", &RuleError{Pkg: pkg, Rule: rule, Citation: cite.String(), Op: "publish the invalidation", Err: ErrState,
			Reason: "nothing is published in " + n.Procedure.String() + " on the ground " + n.Ground.String()}
	}
	o := n.Original
	var b strings.Builder
	name := o.Kind.Name(law.Estonian)
	head := genitive(o.Kind)
	if n.Procedure == StateExamExchange {
		name = "paberkandjal riigieksamitunnistus"
		head = "riigieksamitunnistuse algdokumendi"
	}
	b.WriteString(strings.ToUpper(head[:1]) + head[1:] + " kehtetuks tunnistamine\n\n")
	b.WriteString(n.Publisher.Name + " teatab, et ")
	if n.Procedure == SchoolDuplicate {
		b.WriteString("direktori ")
	}
	b.WriteString(n.DecidedOn.Register() + " otsusega")
	if n.Decision != "" {
		b.WriteString(" nr " + n.Decision)
	}
	b.WriteString(" on kehtetuks tunnistatud " + name + " nr " + string(o.Number))
	issuer := o.Issuer
	if n.Origin.Name != "" {
		issuer = n.Origin.Name
	}
	if issuer != "" && issuer != n.Publisher.Name {
		b.WriteString(", mille andis välja " + issuer + " " + o.IssuedOn.Register())
	} else {
		b.WriteString(", välja antud " + o.IssuedOn.Register())
	}
	b.WriteString(", omanik " + o.Holder.Name + ". Põhjus: " + reasonEt(n.Procedure, n.Ground) + ".")
	if n.Procedure == StateExamExchange {
		b.WriteString(" Algdokumendi asemel on välja antud elektrooniline riigieksamitunnistus.\n")
	} else {
		b.WriteString(" Algdokumendi asemel on välja antud duplikaat, millel on algdokumendiga võrdne juriidiline jõud.\n")
	}
	return b.String(), nil
}
