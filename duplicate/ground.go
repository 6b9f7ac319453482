package duplicate

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
)

// Ground is what a request for a duplicate, a re-issue or an exchange rests on. One type covers
// every procedure; [Grounds] says which a document kind has, and the statute's point number of a
// ground depends on the procedure ([Procedure.Point]).
type Ground uint8

// The grounds. The zero value is no ground.
const (
	// Illegible: the text has become hard to read (VV määrus nr 113 § 16 (1) p 1, § 17 (1) p 1;
	// Reg74 § 7 (1) p 1). The register's X-Road reason 2, "originaal kõlbmatu".
	Illegible Ground = iota + 1
	// LetterIllegible: at least one letter has become illegible (Reg74 § 7 (1) p 2), occupational
	// certificates only. The register's X-Road reason 2 as well.
	LetterIllegible
	// Error: an inaccuracy in drawing up the original or wrong data on it (§ 15 (3), § 16 (1) p 2,
	// § 17 (1) p 2; Reg74 § 7 (1) p 3). The register's X-Road reason 3, "KAO: viga andmetes".
	Error
	// Lost: the original is destroyed, lost or stolen (§ 16 (1) p 3, § 17 (1) p 3; Reg74 § 7 (1)
	// p 4). The register's X-Road reason 1, "originaal kadunud".
	Lost
	// Legalised: the original is legalised or certified with an apostille (§ 17 (1) p 4; for a paper
	// state-exam certificate § 15 (4)). The original keeps its force.
	Legalised
	// Electronic: the owner of a paper state-exam certificate wishes an electronic one instead
	// (§ 16 (1) p 4).
	Electronic
	// NewPersonalCode: the holder got a new personal code after the certificate was issued (Reg74
	// § 7 (1) p 5, from 09.07.2016); a changed name goes onto the duplicate with it (§ 9 (3)).
	NewPersonalCode
	// NameChange: the holder's name changed (the register's self-service, from 04.2025; seed 000:
	// "duplikaadi tellimine nimevahetuse … korral").
	NameChange
)

var groundNames = [...]struct{ code, et, en string }{
	Illegible:       {"illegible", "tekst on muutunud raskesti loetavaks", "the text has become hard to read"},
	LetterIllegible: {"letter-illegible", "vähemalt üks täht on muutunud loetamatuks", "at least one letter has become illegible"},
	Error:           {"error", "vormistamise ebatäpsus või andmete ebaõigsus", "an inaccuracy in drawing up or wrong data"},
	Lost:            {"lost", "hävinud, kadunud või varastatud", "destroyed, lost or stolen"},
	Legalised:       {"legalised", "legaliseeritud või apostille'iga kinnitatud", "legalised or certified with an apostille"},
	Electronic:      {"electronic", "omanik soovib elektroonilist tunnistust", "the owner wishes an electronic certificate"},
	NewPersonalCode: {"new-personal-code", "omanikule on antud uus isikukood", "the holder has a new personal code"},
	NameChange:      {"name-change", "omaniku nimi on muutunud", "the holder's name has changed"},
}

// allGrounds lists every ground, in order.
var allGrounds = []Ground{Illegible, LetterIllegible, Error, Lost, Legalised, Electronic, NewPersonalCode, NameChange}

// Valid reports whether g is one of the grounds.
func (g Ground) Valid() bool { return g >= Illegible && g <= NameChange }

// String returns the ground's code, e.g. "lost".
func (g Ground) String() string {
	if !g.Valid() {
		return "ground(" + strconv.Itoa(int(g)) + ")"
	}
	return groundNames[g].code
}

// Name returns the ground in lang, e.g. "hävinud, kadunud või varastatud".
func (g Ground) Name(lang law.Lang) string {
	if !g.Valid() {
		return g.String()
	}
	return lang.Pick(groundNames[g].et, groundNames[g].en)
}

// ParseGround parses a ground's code ("lost").
func ParseGround(s string) (Ground, error) {
	for _, g := range allGrounds {
		if s == groundNames[g].code {
			return g, nil
		}
	}
	return 0, &RequestError{Rule: RuleGrounds, Citation: reg113.At("17", "1", "").String(), Field: "Ground", Value: s,
		Reason: "is not a ground", Err: ErrGround}
}

// MarshalText implements encoding.TextMarshaler.
func (g Ground) MarshalText() ([]byte, error) { return []byte(g.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (g *Ground) UnmarshalText(b []byte) error {
	v, err := ParseGround(string(b))
	if err == nil {
		*g = v
	}
	return err
}

// GroundFromXRoad returns the ground of a reason code of the register's X-Road duplicate request
// (kutsetunnistuseDuplikaatParing.pohjus, testdata/xroad): 1 "ISIK: originaal kadunud" is [Lost],
// 2 "ISIK: originaal kõlbmatu" is [Illegible], 3 "KAO: viga andmetes" is [Error] (CERT-07).
func GroundFromXRoad(reason int) (Ground, error) {
	switch reason {
	case 1:
		return Lost, nil
	case 2:
		return Illegible, nil
	case 3:
		return Error, nil
	}
	return 0, &RequestError{Rule: RuleOccupation, Citation: xroad.String(), Field: "pohjus", Value: strconv.Itoa(reason),
		Reason: "must be 1, 2 or 3", Err: ErrGround}
}

// XRoad returns the register's X-Road reason code for g, and false for a ground the 2018 schema has
// no code for (a new personal code, a name change, an apostille, an exchange).
func (g Ground) XRoad() (int, bool) {
	switch g {
	case Lost:
		return 1, true
	case Illegible, LetterIllegible:
		return 2, true
	case Error:
		return 3, true
	}
	return 0, false
}

// Procedure is which of the SDK's procedures a request follows: it follows from the document kind,
// whether a state-exam original is on paper, and the ground ([ProcedureFor]).
type Procedure uint8

// The procedures.
const (
	// SchoolDuplicate: a duplicate of a basic-school or gymnasium leaving certificate or a grade
	// sheet (VV määrus nr 113 §§ 17–20; SCH-15..24).
	SchoolDuplicate Procedure = iota + 1
	// StateExamCorrection: a new electronic state-exam certificate in place of an electronic one with
	// an error (§ 15 (3); SCH-12).
	StateExamCorrection
	// StateExamLegalised: an electronic state-exam certificate for the owner of a legalised or
	// apostilled paper one, which keeps its force (§ 15 (4); SCH-13).
	StateExamLegalised
	// StateExamExchange: a paper state-exam certificate exchanged for an electronic one (§ 16;
	// SCH-14).
	StateExamExchange
	// OccupationalDuplicate: a duplicate of an occupational or partial qualification certificate
	// (Reg74 §§ 7–10 and the register's self-service; CERT-07).
	OccupationalDuplicate
)

var procedureNames = [...]struct{ code, et, en string }{
	SchoolDuplicate:       {"school-duplicate", "lõputunnistuse või hinnetelehe duplikaat", "duplicate of a leaving certificate or grade sheet"},
	StateExamCorrection:   {"state-exam-correction", "uus elektrooniline riigieksamitunnistus", "new electronic state-exam certificate"},
	StateExamLegalised:    {"state-exam-legalised", "elektrooniline riigieksamitunnistus legaliseeritud algdokumendi kõrvale", "electronic state-exam certificate beside a legalised original"},
	StateExamExchange:     {"state-exam-exchange", "riigieksamitunnistuse algdokumendi vahetamine elektroonilise vastu", "exchange of a paper state-exam certificate for an electronic one"},
	OccupationalDuplicate: {"occupational-duplicate", "kutsetunnistuse duplikaat", "duplicate of an occupational qualification certificate"},
}

// Valid reports whether p is one of the procedures.
func (p Procedure) Valid() bool { return p >= SchoolDuplicate && p <= OccupationalDuplicate }

// String returns the procedure's code, e.g. "school-duplicate".
func (p Procedure) String() string {
	if !p.Valid() {
		return "procedure(" + strconv.Itoa(int(p)) + ")"
	}
	return procedureNames[p].code
}

// Name returns the procedure in lang.
func (p Procedure) Name(lang law.Lang) string {
	if !p.Valid() {
		return p.String()
	}
	return lang.Pick(procedureNames[p].et, procedureNames[p].en)
}

// StateExam reports whether p is one of the state-exam procedures (SCH-12..14).
func (p Procedure) StateExam() bool {
	return p == StateExamCorrection || p == StateExamLegalised || p == StateExamExchange
}

// Point returns the point of the statute that names ground g in procedure p ("3" for [Lost] in a
// school duplicate, § 17 (1) p 3), or "" where the ground has no numbered point (a name change, the
// single grounds of § 15 (3) and (4)).
func (p Procedure) Point(g Ground) string {
	var pts []Ground
	switch p {
	case SchoolDuplicate:
		pts = []Ground{Illegible, Error, Lost, Legalised}
	case StateExamExchange:
		pts = []Ground{Illegible, Error, Lost, Electronic}
	case OccupationalDuplicate:
		pts = []Ground{Illegible, LetterIllegible, Error, Lost, NewPersonalCode}
	}
	if i := slices.Index(pts, g); i >= 0 {
		return strconv.Itoa(i + 1)
	}
	return ""
}

// groundCitation returns the rule and the provision that name ground g in procedure p.
func groundCitation(p Procedure, g Ground) (string, law.Citation) {
	switch p {
	case SchoolDuplicate:
		return RuleGrounds, reg113.At("17", "1", p.Point(g))
	case StateExamCorrection:
		return RuleCorrection, reg113.At("15", "3", "")
	case StateExamLegalised:
		return RuleLegalised, reg113.At("15", "4", "")
	case StateExamExchange:
		return RuleExchange, reg113.At("16", "1", p.Point(g))
	}
	if g == NameChange {
		return RuleOccupation, selfService
	}
	return RuleOccupation, reg74.At("7", "1", p.Point(g))
}

// occupationalGrounds is the history of the grounds of an occupational duplicate (GEN-04): Reg74 in
// its first wording, with ground 5 (a new personal code) from 09.07.2016 (RT I, 06.07.2016, 5), and
// the register's self-service, which from 04.2025 orders a duplicate on a change of name as well
// (seed 000; RULES.md CERT-07: the later source stands).
var occupationalGrounds = law.Versions[[]Ground]{
	{Name: "19.12.2008", Citation: reg74.At("7", "1", ""),
		Period: law.Period{Until: calendar.MustDate(2016, time.July, 8)},
		Rule:   []Ground{Illegible, LetterIllegible, Error, Lost}},
	{Name: "09.07.2016", Citation: reg74.At("7", "1", ""),
		Period: law.Period{From: calendar.MustDate(2016, time.July, 9), Until: calendar.MustDate(2025, time.March, 31)},
		Rule:   []Ground{Illegible, LetterIllegible, Error, Lost, NewPersonalCode}},
	{Name: "iseteenindus 04.2025", Citation: selfService,
		Period: law.Period{From: calendar.MustDate(2025, time.April, 1)},
		Rule:   []Ground{Illegible, LetterIllegible, Error, Lost, NewPersonalCode, NameChange}},
}

// Grounds returns the grounds a request about a document of kind k may rest on, on day on (the
// request's date), with the explanation. paper says, for a state-exam certificate, that the original
// is on paper (algdokument); it is ignored for other kinds.
//
//   - SCH-15 (VV määrus nr 113 § 17 (1)): a leaving certificate or grade sheet: illegible, an error,
//     lost, legalised.
//   - SCH-12 (§ 15 (3)): an electronic state-exam certificate: an error.
//   - SCH-14 (§ 16 (1)) and SCH-13 (§ 15 (4)): a paper state-exam certificate: illegible, an error,
//     lost, the owner's wish for an electronic one; and legalised.
//   - CERT-07 (Reg74 § 7 (1), the self-service): an occupational or partial certificate: illegible,
//     a letter illegible, an error, lost, a new personal code (from 09.07.2016), a change of name
//     (from 01.04.2025), in the version in force on the day (GEN-04).
//
// Another kind has no procedure: the error wraps [ErrKind]. For a school document and a state-exam
// certificate the version of regulation nr 113 in force on the day is applied (st; nil:
// vv113.Default) and named; a day no version covers is refused with an error wrapping
// law.ErrNoVersion (GEN-04).
func Grounds(st vv113.Statute, k certificate.Kind, paper bool, on calendar.Date) ([]Ground, law.Explanation, error) {
	var e law.Explanation
	switch k {
	case certificate.Occupational, certificate.Partial:
		return occupationalGroundsOn(on)
	case certificate.BasicSchool, certificate.Gymnasium, certificate.GradeSheet, certificate.StateExam:
	default:
		return nil, e, &RequestError{Rule: RuleGrounds, Citation: reg113.At("1", "", "").String(), Field: "Kind", Value: kindText(k),
			Reason: "has no duplicate procedure in the SDK (leaving certificates, grade sheets, state-exam and occupational certificates have)", Err: ErrKind}
	}
	rule, cite := RuleGrounds, reg113.At("17", "1", "")
	switch {
	case k == certificate.StateExam && paper:
		rule, cite = RuleExchange, reg113.At("16", "1", "")
	case k == certificate.StateExam:
		rule, cite = RuleCorrection, reg113.At("15", "3", "")
	}
	v, err := in113(st, on, rule, cite, "the grounds of a "+k.Name(law.English))
	if err != nil {
		return nil, e, err
	}
	var gs []Ground
	switch {
	case k != certificate.StateExam:
		e.Add(RuleGrounds, reg113.At("17", "1", ""),
			k.Name(law.Estonian)+": alused on teksti raskesti loetavus, vormistamise ebatäpsus või andmete ebaõigsus, hävimine, kadumine või vargus, legaliseerimine või apostille",
			k.Name(law.English)+": the grounds are illegible text, an error, destroyed, lost or stolen, legalised or apostilled")
		gs = []Ground{Illegible, Error, Lost, Legalised}
	case !paper:
		e.Add(RuleCorrection, reg113.At("15", "3", ""),
			"elektroonilise riigieksamitunnistuse omanik saab taotleda uut tunnistust vormistamise ebatäpsuse või andmete ebaõigsuse korral",
			"the owner of an electronic state-exam certificate may ask for a new one for an error in drawing up or data")
		gs = []Ground{Error}
	default:
		e.Add(RuleExchange, reg113.At("16", "1", ""),
			"paberkandjal riigieksamitunnistuse saab vahetada elektroonilise vastu, kui tekst on raskesti loetav, esineb viga, algdokument on hävinud, kadunud või varastatud või omanik seda soovib",
			"a paper state-exam certificate may be exchanged for an electronic one when illegible, wrong, destroyed, lost or stolen, or at the owner's wish")
		e.Add(RuleLegalised, reg113.At("15", "4", ""),
			"legaliseeritud või apostille'iga kinnitatud algdokumendi omanik saab taotleda elektroonilist tunnistust",
			"the owner of a legalised or apostilled paper certificate may ask for an electronic one")
		gs = []Ground{Illegible, Error, Lost, Electronic, Legalised}
	}
	vv113.Mark(&e, v)
	return gs, e, nil
}

// occupationalGroundsOn is [Grounds] for an occupational or partial certificate (CERT-07), under the
// version of the grounds in force on the day.
func occupationalGroundsOn(on calendar.Date) ([]Ground, law.Explanation, error) {
	var e law.Explanation
	v, err := occupationalGrounds.At(on)
	if err != nil {
		return nil, e, &RequestError{Rule: RuleOccupation, Citation: reg74.At("7", "1", "").String(), Field: "Date",
			Value: on.String(), Reason: "no version of the rule covers the day", Err: err}
	}
	e.AddStep(v.Step(RuleOccupation, on))
	names := make([]string, len(v.Rule))
	namesEn := make([]string, len(v.Rule))
	for i, g := range v.Rule {
		names[i], namesEn[i] = g.Name(law.Estonian), g.Name(law.English)
	}
	e.Add(RuleOccupation, v.Citation, "kutsetunnistuse duplikaadi alused: "+join(names), "the grounds of an occupational duplicate: "+join(namesEn))
	return slices.Clone(v.Rule), e, nil
}

func join(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += "; "
		}
		out += s
	}
	return out
}

func kindText(k certificate.Kind) string {
	if k == 0 {
		return ""
	}
	return k.String()
}

// ProcedureFor returns the procedure a request about a document of kind k on ground g follows on
// day on, with the explanation, or a *RequestError wrapping [ErrNoGround] (no ground), [ErrGround]
// (a ground the kind does not have on that day) or [ErrKind]. paper and st are as for [Grounds].
func ProcedureFor(st vv113.Statute, k certificate.Kind, paper bool, g Ground, on calendar.Date) (Procedure, law.Explanation, error) {
	gs, e, err := Grounds(st, k, paper, on)
	if err != nil {
		return 0, e, err
	}
	var p Procedure
	switch {
	case k == certificate.Occupational || k == certificate.Partial:
		p = OccupationalDuplicate
	case k != certificate.StateExam:
		p = SchoolDuplicate
	case !paper:
		p = StateExamCorrection
	case g == Legalised:
		p = StateExamLegalised
	default:
		p = StateExamExchange
	}
	if g == 0 {
		rule, cite := groundCitation(p, g)
		if p == SchoolDuplicate {
			rule, cite = RuleApplication, reg113.At("17", "2", "")
		}
		return 0, e, &RequestError{Rule: rule, Citation: cite.String(), Field: "Ground",
			Reason: "is required: the request states its ground", Err: ErrNoGround}
	}
	if !slices.Contains(gs, g) {
		rule, cite := groundCitation(p, 0)
		return 0, e, &RequestError{Rule: rule, Citation: cite.String(), Field: "Ground", Value: g.String(),
			Reason: fmt.Sprintf("is not a ground for a %s on %s", k.Name(law.English), on), Err: ErrGround}
	}
	rule, cite := groundCitation(p, g)
	e.Add(rule, cite, "alus: "+g.Name(law.Estonian)+"; menetlus: "+p.Name(law.Estonian),
		"ground: "+g.Name(law.English)+"; procedure: "+p.Name(law.English))
	markAs(&e)
	return p, e, nil
}

// Attachment is a document the applicant attaches to the request.
type Attachment uint8

// The attachments.
const (
	// Original: the original document (algdokument) itself.
	Original Attachment = iota + 1
)

// String returns the attachment's code, "original".
func (a Attachment) String() string {
	if a == Original {
		return "original"
	}
	return "attachment(" + strconv.Itoa(int(a)) + ")"
}

// Attachments returns what must be attached to a request in procedure p on ground g, with the
// explanation:
//
//   - SCH-18 (VV määrus nr 113 § 17 (5)): the original, for grounds 1, 2 and 4 (illegible, an
//     error, legalised) of a school duplicate; nothing for a lost one.
//   - SCH-14 (§ 16 (2)): the original, for grounds 1, 2 and 4 (illegible, an error, the owner's
//     wish) of an exchange.
//   - SCH-12, SCH-13 (§ 15 (3)–(4)): nothing; the electronic certificate is the issuer's own record,
//     and the legalised paper one stays with its owner.
//   - CERT-07 (Reg74 § 7 (2)): the original, for grounds 1–3 and 5; nothing for a lost one or a
//     change of name (the register takes the name from the population register), and nothing when
//     the awarding body itself asks for a duplicate for an error in its data (byIssuer; X-Road
//     reason 3).
//
// For the procedures of regulation nr 113 the version in force on day on (the request's) is applied
// and named (st; nil: vv113.Default); a day no version covers is refused with an error wrapping
// law.ErrNoVersion (GEN-04).
func Attachments(st vv113.Statute, p Procedure, g Ground, byIssuer bool, on calendar.Date) ([]Attachment, law.Explanation, error) {
	need, e := attachments(p, g, byIssuer)
	if uses113(p) && p.Valid() {
		rule, cite := groundCitation(p, 0)
		v, err := in113(st, on, rule, cite, "what is attached to a request")
		if err != nil {
			return nil, law.Explanation{}, err
		}
		vv113.Mark(&e, v)
	}
	return need, e, nil
}

func attachments(p Procedure, g Ground, byIssuer bool) ([]Attachment, law.Explanation) {
	var e law.Explanation
	need := false
	var rule string
	var cite law.Citation
	switch p {
	case SchoolDuplicate:
		need, rule, cite = g == Illegible || g == Error || g == Legalised, RuleAttachments, reg113.At("17", "5", "")
	case StateExamExchange:
		need, rule, cite = g == Illegible || g == Error || g == Electronic, RuleExchange, reg113.At("16", "2", "")
	case StateExamCorrection:
		rule, cite = RuleCorrection, reg113.At("15", "3", "")
	case StateExamLegalised:
		rule, cite = RuleLegalised, reg113.At("15", "4", "")
	case OccupationalDuplicate:
		need, rule, cite = (g == Illegible || g == LetterIllegible || g == Error || g == NewPersonalCode) && !byIssuer, RuleOccupation, reg74.At("7", "2", "")
		if byIssuer && g == Error {
			e.Add(rule, xroad, "kutse andja taotleb duplikaati oma andmete vea tõttu (põhjus 3): algdokumenti ei lisata",
				"the awarding body asks for a duplicate for an error in its data (reason 3): no original is attached")
			return nil, e
		}
		if g == NameChange {
			e.Add(rule, selfService, "nimevahetuse korral algdokumenti ei lisata: uus nimi tuleb rahvastikuregistrist",
				"for a change of name no original is attached: the new name comes from the population register")
			return nil, e
		}
	default:
		return nil, e
	}
	if need {
		e.Add(rule, cite, "alusel „"+g.Name(law.Estonian)+"” lisatakse taotlusele algdokument",
			"on the ground \""+g.Name(law.English)+"\" the original is attached to the request")
		return []Attachment{Original}, e
	}
	e.Add(rule, cite, "alusel „"+g.Name(law.Estonian)+"” algdokumenti ei lisata",
		"on the ground \""+g.Name(law.English)+"\" no original is attached")
	return nil, e
}
