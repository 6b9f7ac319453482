package schooldoc

import (
	"strconv"
	"strings"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
)

// Kind is the kind of a leaving certificate: basic school or gymnasium (SCH-01).
type Kind uint8

// The kinds of leaving certificate. The zero value is no kind and fails validation.
const (
	Basic     Kind = iota + 1 // põhikooli lõputunnistus, series "P"
	Gymnasium                 // gümnaasiumi lõputunnistus, series "G"
)

// String returns "basic" or "gymnasium", or "" for an unknown kind.
func (k Kind) String() string {
	switch k {
	case Basic:
		return "basic"
	case Gymnasium:
		return "gymnasium"
	}
	return ""
}

// CertificateKind returns the kind as package certificate knows it (BasicSchool or Gymnasium), or 0.
func (k Kind) CertificateKind() certificate.Kind {
	switch k {
	case Basic:
		return certificate.BasicSchool
	case Gymnasium:
		return certificate.Gymnasium
	}
	return 0
}

func (k Kind) title() string {
	if k == Gymnasium {
		return "GÜMNAASIUMI LÕPUTUNNISTUS"
	}
	return "PÕHIKOOLI LÕPUTUNNISTUS"
}

// Curriculum is the national curriculum a basic-school pupil studied under, and for the simplified
// curriculum the form of study (seed 002 § 2 (1), § 8 (2) 4), § 11 (4) 5)).
type Curriculum uint8

// The curricula. The zero value is the national curriculum of the kind: the basic-school national
// curriculum or, on a gymnasium document, the gymnasium one.
const (
	National   Curriculum = iota // põhikooli / gümnaasiumi riiklik õppekava
	Simplified                   // lihtsustatud riiklik õppekava, lihtsustatud õpe
	Coping                       // lihtsustatud riiklik õppekava, toimetulekuõpe
	Care                         // lihtsustatud riiklik õppekava, hooldusõpe
)

// Phrase returns the words seed 002 § 8 (2) 4) puts on the basic-school certificate for c, word for
// word, or "" for the national curriculum.
func (c Curriculum) Phrase() string {
	switch c {
	case Simplified:
		return "põhikooli lihtsustatud riikliku õppekava järgi lihtsustatud õppes"
	case Coping:
		return "põhikooli lihtsustatud riikliku õppekava järgi toimetulekuõppes"
	case Care:
		return "põhikooli lihtsustatud riikliku õppekava järgi hooldusõppes"
	}
	return ""
}

// Valid reports whether c is one of the curricula.
func (c Curriculum) Valid() bool { return c <= Care }

// Medal is the medal a gymnasium graduate finished with (SCH-05).
type Medal uint8

// The medals. The zero value is no medal.
const (
	NoMedal Medal = iota // no medal
	Gold                 // "kuldmedaliga"
	Silver               // "hõbemedaliga"
)

// Word returns the word printed for m, "kuldmedaliga" or "hõbemedaliga", or "" for none.
func (m Medal) Word() string {
	switch m {
	case Gold:
		return "kuldmedaliga"
	case Silver:
		return "hõbemedaliga"
	}
	return ""
}

// Signatories are those who confirm a leaving certificate (SCH-07) or a grade sheet (SCH-09, where
// Members is not used): their names, and whether the school seal is affixed.
type Signatories struct {
	Director  string   // the school's director (direktor)
	Secretary string   // the teachers' council secretary (õppenõukogu sekretär)
	Members   []string // the council members who sign (õppenõukogu liikmed), at least five on a leaving certificate
	Seal      bool     // the school seal (pitsat) is affixed
}

// Recipient is whom a leaving certificate is handed to (SCH-07, seed 002 § 9 (3)).
type Recipient uint8

// The recipients. The zero value means not yet handed over.
const (
	NotHandedOver Recipient = iota // not yet handed over
	ToHolder                       // to the holder in person
	ToAuthorised                   // to a person authorised by the holder
)

// Handover records how a certificate was handed over: against signature, to the holder in person or
// to an authorised person on a written authorisation (SCH-07).
type Handover struct {
	To                   Recipient
	AuthorisedName       string // the authorised person, for ToAuthorised
	WrittenAuthorisation bool   // a written authorisation (kirjalik volitus) was shown, for ToAuthorised
	Signed               bool   // the recipient signed for it
}

// LeavingCertificate is the data of a basic-school or gymnasium leaving certificate (lõputunnistus),
// seed 002 § 8 (2)–(5) and § 9.
type LeavingCertificate struct {
	Kind   Kind
	Number certificate.Number // "P" or "G" and six digits (SCH-03)
	Holder certificate.Holder // name; personal code or, without one, birth date

	// SchoolLocation is the school's location, e.g. "Tartu".
	SchoolLocation string
	// School is the school's name as § 8 (2) 3) writes it: in the genitive ("Hugo Treffneri
	// Gümnaasiumi"), or for a school giving basic education as one institution with a gymnasium the
	// phrase the school writes with "põhikooli". The SDK does not inflect names.
	School string

	// Curriculum is the basic-school curriculum; only National on a gymnasium certificate.
	Curriculum Curriculum
	// WithPraise prints "kiitusega" (basic school only, SCH-04).
	WithPraise bool
	// StudyDirection is the study direction (õppesuund) in the genitive, where the gymnasium has
	// them, e.g. "reaalsuuna" (gymnasium only, SCH-05).
	StudyDirection string
	// Medal is the gold or silver medal (gymnasium only, SCH-05).
	Medal Medal

	DecisionNumber string        // the teachers' council decision number
	DecisionDate   calendar.Date // the teachers' council decision date

	// Language is the language the certificate is drawn up in: "et" (or "" meaning "et"), SCH-06.
	Language string

	Signatories Signatories
	Handover    Handover
}

// MinCouncilMembers is the least number of council members who sign a leaving certificate in the
// version of regulation nr 113 the SDK knows (seed 002 § 9 (2)); a version a host adds sets its own
// (vv113.Rules.CouncilMembers).
const MinCouncilMembers = 5

// Validate returns nil, or an *invalid.Errors listing every field the rules SCH-03..SCH-07 refuse;
// each reason names its rule. It wraps invalid.ErrInvalid. The rules are those of the version of
// regulation nr 113 in force on the teachers' council's decision date (st; nil: vv113.Default): a
// date no version covers is refused with an error wrapping law.ErrNoVersion (GEN-04).
func (c LeavingCertificate) Validate(st vv113.Statute) error {
	minMembers := MinCouncilMembers
	if c.DecisionDate.IsValid() {
		rule := "SCH-04"
		if c.Kind == Gymnasium {
			rule = "SCH-05"
		}
		v, err := version(st, rule, c.DecisionDate)
		if err != nil {
			return err
		}
		minMembers = v.Rule.CouncilMembers
	}
	errs := &invalid.Errors{Pkg: pkg}
	switch c.Kind {
	case Basic, Gymnasium:
		if _, err := certificate.ParseNumber(c.Kind.CertificateKind(), string(c.Number)); err != nil {
			errs.Add("Number", string(c.Number), "must be the series letter "+series(c.Kind)+" and six digits (SCH-03)")
		}
	default:
		errs.Add("Kind", strconv.Itoa(int(c.Kind)), "must be basic or gymnasium (SCH-01)")
	}
	rule := "SCH-04"
	if c.Kind == Gymnasium {
		rule = "SCH-05"
	}
	checkHolder(errs, c.Holder, rule)
	if strings.TrimSpace(c.School) == "" {
		errs.Add("School", "", "is required (school name in the genitive, "+rule+")")
	}
	if strings.TrimSpace(c.SchoolLocation) == "" {
		errs.Add("SchoolLocation", "", "is required ("+rule+")")
	}
	if !c.Curriculum.Valid() {
		errs.Add("Curriculum", strconv.Itoa(int(c.Curriculum)), "is not a curriculum (SCH-04)")
	}
	if c.Medal > Silver {
		errs.Add("Medal", strconv.Itoa(int(c.Medal)), "is not a medal (SCH-05)")
	}
	if c.Kind == Basic {
		if c.Medal != NoMedal {
			errs.Add("Medal", c.Medal.Word(), "is only given on a gymnasium certificate (SCH-05)")
		}
		if c.StudyDirection != "" {
			errs.Add("StudyDirection", c.StudyDirection, "is only printed on a gymnasium certificate (SCH-05)")
		}
	}
	if c.Kind == Gymnasium {
		if c.Curriculum != National {
			errs.Add("Curriculum", c.Curriculum.Phrase(), "the simplified-curriculum phrase is only printed on a basic-school certificate (SCH-05)")
		}
		if c.WithPraise {
			errs.Add("WithPraise", "kiitusega", "is not among the gymnasium certificate's data of § 8 (3); a gymnasium graduate gets a medal (SCH-05)")
		}
	}
	if strings.TrimSpace(c.DecisionNumber) == "" {
		errs.Add("DecisionNumber", "", "is required (teachers' council decision number, "+rule+")")
	}
	if c.DecisionDate.IsZero() {
		errs.Add("DecisionDate", "", "is required (teachers' council decision date, "+rule+")")
	} else if c.DecisionDate.LongEt() == "" {
		errs.Add("DecisionDate", c.DecisionDate.String(), "is not a valid date ("+rule+")")
	}
	checkLanguage(errs, c.Language)
	s := c.Signatories
	if strings.TrimSpace(s.Director) == "" {
		errs.Add("Signatories.Director", "", "is required: the director signs the certificate (SCH-07)")
	}
	if strings.TrimSpace(s.Secretary) == "" {
		errs.Add("Signatories.Secretary", "", "is required: the council secretary signs the certificate (SCH-07)")
	}
	members := 0
	for _, m := range s.Members {
		if strings.TrimSpace(m) != "" {
			members++
		}
	}
	if members < minMembers {
		errs.Add("Signatories.Members", strconv.Itoa(members), "must be at least "+strconv.Itoa(minMembers)+" council members' signatures (SCH-07)")
	}
	if !s.Seal {
		errs.Add("Signatories.Seal", "", "is required: the school seal confirms the certificate (SCH-07)")
	}
	checkHandover(errs, c.Handover, "SCH-07")
	return errs.Err()
}

func series(k Kind) string {
	if k == Gymnasium {
		return "G"
	}
	return "P"
}

func checkHolder(errs *invalid.Errors, h certificate.Holder, rule string) {
	if strings.TrimSpace(h.Name) == "" {
		errs.Add("Holder.Name", "", "is required ("+rule+")")
	}
	if h.Code.IsZero() && h.BirthDate.IsZero() {
		errs.Add("Holder.Code", "", "or, without one, Holder.BirthDate is required ("+rule+")")
	}
}

func checkLanguage(errs *invalid.Errors, lang string) {
	if lang != "" && lang != "et" {
		errs.Add("Language", lang, "must be \"et\": school documents are drawn up in Estonian in EHIS (SCH-06)")
	}
}

func checkHandover(errs *invalid.Errors, h Handover, rule string) {
	switch h.To {
	case NotHandedOver:
		if h != (Handover{}) {
			errs.Add("Handover.To", "", "is required when handover data is given ("+rule+")")
		}
		return
	case ToHolder:
	case ToAuthorised:
		if strings.TrimSpace(h.AuthorisedName) == "" {
			errs.Add("Handover.AuthorisedName", "", "is required for a handover to an authorised person ("+rule+")")
		}
		if !h.WrittenAuthorisation {
			errs.Add("Handover.WrittenAuthorisation", "", "is required: a third person receives the document only on a written authorisation ("+rule+")")
		}
	default:
		errs.Add("Handover.To", strconv.Itoa(int(h.To)), "is not a recipient ("+rule+")")
		return
	}
	if !h.Signed {
		errs.Add("Handover.Signed", "", "is required: the document is handed over against signature ("+rule+")")
	}
}

// holderLine is "isikukood 49403136515", or without a code "sünniaeg 13.03.1994".
func holderLine(h certificate.Holder) string {
	if !h.Code.IsZero() {
		return "isikukood " + h.Code.String()
	}
	return "sünniaeg " + h.BirthDate.Register()
}

// Lines returns the certificate's text as printed, in Estonian, in the order of seed 002 § 7 (1)
// and § 8: "EESTI VABARIIK", the title, the number, the holder's name, the personal code (or birth
// date), "on lõpetanud", the location and school, the simplified-curriculum phrase, "kiitusega", the
// study direction and medal, the council decision with its date worded per GEN-02 ("13. juunil
// 2014"), and the captions under which the director, the council secretary and the members sign.
// Signatures and seal are on paper, so names are not printed. Lines does not validate: call
// Validate first. Every step of the explanation names the version of regulation nr 113 in force on
// the decision date (st; nil: vv113.Default); a date no version covers is refused with an error
// wrapping law.ErrNoVersion (GEN-04).
func (c LeavingCertificate) Lines(st vv113.Statute) ([]string, law.Explanation, error) {
	var ex law.Explanation
	v, err := version(st, "SCH-04", c.DecisionDate)
	if err != nil {
		return nil, ex, err
	}
	lines := []string{"EESTI VABARIIK", c.Kind.title(), string(c.Number)}
	ex.Add("SCH-03", act113("7", "2", ""), "number "+string(c.Number)+" seerias "+series(c.Kind),
		"number "+string(c.Number)+" in series "+series(c.Kind))
	rule, sub := "SCH-04", "2"
	if c.Kind == Gymnasium {
		rule, sub = "SCH-05", "3"
	}
	lines = append(lines, c.Holder.Name, holderLine(c.Holder), "on lõpetanud",
		strings.TrimSpace(c.SchoolLocation+" "+c.School))
	if c.Kind == Basic {
		if p := c.Curriculum.Phrase(); p != "" {
			lines = append(lines, p)
			ex.Add("SCH-04", act113("8", "2", "4"), "lihtsustatud riikliku õppekava sõnad", "simplified-curriculum phrase")
		}
		if c.WithPraise {
			lines = append(lines, "kiitusega")
			ex.Add("SCH-04", act113("8", "2", "5"), "lõpetatud kiitusega", "graduated with praise")
		}
	}
	if c.Kind == Gymnasium {
		if c.StudyDirection != "" {
			lines = append(lines, c.StudyDirection)
			ex.Add("SCH-05", act113("8", "3", "4"), "õppesuund "+c.StudyDirection, "study direction "+c.StudyDirection)
		}
		if w := c.Medal.Word(); w != "" {
			lines = append(lines, w)
			ex.Add("SCH-05", act113("8", "3", "5"), "lõpetatud "+w, "graduated with a "+map[Medal]string{Gold: "gold", Silver: "silver"}[c.Medal]+" medal")
		}
	}
	date := c.DecisionDate.LongEt()
	lines = append(lines, "õppenõukogu otsusega nr "+c.DecisionNumber+" "+date)
	ex.Add(rule, act113("8", sub, "6"), "õppenõukogu otsus nr "+c.DecisionNumber, "teachers' council decision no "+c.DecisionNumber)
	ex.Add("GEN-02", act113("8", sub, "6"), "kuupäev numbritega, kuu sõnaga alalütlevas käändes: "+date,
		"date with the month as a word in the adessive: "+date)
	ex.Add("SCH-06", act113("8", "5", ""), "vormistatud eesti keeles", "drawn up in Estonian")
	lines = append(lines, "direktor", "õppenõukogu sekretär", "õppenõukogu liikmed")
	ex.Add("SCH-07", act113("9", "2", ""), "kinnitavad direktor, õppenõukogu sekretär, vähemalt "+strconv.Itoa(v.Rule.CouncilMembers)+" õppenõukogu liiget ja pitsat",
		"confirmed by the director, the council secretary, at least "+strconv.Itoa(v.Rule.CouncilMembers)+" council members and the seal")
	vv113.Mark(&ex, v)
	return lines, ex, nil
}
