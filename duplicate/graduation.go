package duplicate

import (
	"strconv"
	"strings"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
)

// GraduationCertificate is the certificate of graduation (tõend) a school's director issues instead
// of a duplicate when the school, the local government or the archive no longer holds complete data
// for a duplicate, but graduation can be established from what there is (SCH-22: VV määrus nr 113
// § 18 (7)–(8)). It carries seven items and the school's seal.
type GraduationCertificate struct {
	Name       string         // 1) the graduate's name
	Code       isikukood.Code // 2) the graduate's personal code, or
	BirthDate  calendar.Date  //    the birth date where there is none
	Curriculum string         // 3) the curriculum the person studied by
	School     string         // 4) the school the person graduated from
	Graduated  calendar.Date  // 5) the day, month and year of graduation
	Signatory  string         // 6) who signs it (the director), by name
	IssuedOn   calendar.Date  // 7) the day, month and year of issue
	Seal       bool           // § 18 (8): confirmed with the school's seal
}

// IsZero reports whether no certificate of graduation is recorded.
func (g GraduationCertificate) IsZero() bool {
	return g.Name == "" && g.Code.IsZero() && g.BirthDate.IsZero() && g.Curriculum == "" && g.School == "" &&
		g.Graduated.IsZero() && g.Signatory == "" && g.IssuedOn.IsZero() && !g.Seal
}

// Item is one item of a certificate of graduation: its point of § 18 (7), its label and its value.
type Item struct {
	Point string // "1" … "7"
	Label string // in Estonian, e.g. "Kooli lõpetanu nimi"
	Value string
}

// Items returns the seven items in the order of § 18 (7), dates written as documents write them
// (GEN-02).
func (g GraduationCertificate) Items() []Item {
	id := g.Code.String()
	label := "Kooli lõpetanu isikukood"
	if g.Code.IsZero() {
		id, label = g.BirthDate.LongEt(), "Kooli lõpetanu sünniaeg"
	}
	return []Item{
		{"1", "Kooli lõpetanu nimi", g.Name},
		{"2", label, id},
		{"3", "Õppekava nimetus", g.Curriculum},
		{"4", "Kool", g.School},
		{"5", "Kooli lõpetamise kuupäev", g.Graduated.LongEt()},
		{"6", "Tõendi väljaandja allkiri", g.Signatory},
		{"7", "Tõendi väljaandmise kuupäev", g.IssuedOn.LongEt()},
	}
}

// Text returns the certificate of graduation as text, in Estonian: a heading, the seven items and
// the seal.
func (g GraduationCertificate) Text() string {
	var b strings.Builder
	b.WriteString("TÕEND\n\n")
	for _, it := range g.Items() {
		b.WriteString(it.Point + ") " + it.Label + ": " + it.Value + "\n")
	}
	if g.Seal {
		b.WriteString("\nKooli pitsat\n")
	}
	return b.String()
}

// Check reports what is missing or wrong in g, with the explanation (SCH-22): every one of the seven
// items, a real graduation date not after the issue date, and the seal. It returns a
// *ValidationError naming each item. The version of regulation nr 113 in force on the issue date is
// applied and named (st; nil: vv113.Default); a day no version covers is refused with an error
// wrapping law.ErrNoVersion (GEN-04).
func (g GraduationCertificate) Check(st vv113.Statute) (law.Explanation, error) {
	var e law.Explanation
	var probs []*RequestError
	miss := func(point, field, value, reason string) {
		sub := "7"
		if point == "8" {
			sub, point = "8", ""
		}
		probs = append(probs, &RequestError{Rule: RuleGraduation, Citation: reg113.At("18", sub, point).String(), Field: field,
			Value: value, Reason: reason, Err: ErrInvalid})
	}
	if strings.TrimSpace(g.Name) == "" {
		miss("1", "Name", "", "is required")
	}
	if g.Code.IsZero() && !g.BirthDate.IsValid() {
		miss("2", "Code", "", "is required: the personal code, or the birth date where there is none")
	}
	if strings.TrimSpace(g.Curriculum) == "" {
		miss("3", "Curriculum", "", "is required")
	}
	if strings.TrimSpace(g.School) == "" {
		miss("4", "School", "", "is required")
	}
	if !g.Graduated.IsValid() {
		miss("5", "Graduated", g.Graduated.String(), "is required: the day, month and year of graduation")
	}
	if strings.TrimSpace(g.Signatory) == "" {
		miss("6", "Signatory", "", "is required")
	}
	if !g.IssuedOn.IsValid() {
		miss("7", "IssuedOn", g.IssuedOn.String(), "is required")
	} else if g.Graduated.IsValid() && g.IssuedOn.Before(g.Graduated) {
		miss("7", "IssuedOn", g.IssuedOn.String(), "is before the graduation date "+g.Graduated.String())
	}
	if !g.Seal {
		miss("8", "Seal", "", "is required: the certificate is confirmed with the school's seal")
	}
	if len(probs) > 0 {
		return e, &ValidationError{Problems: probs}
	}
	v, err := in113(st, g.IssuedOn, RuleGraduation, reg113.At("18", "7", ""), "the certificate of graduation")
	if err != nil {
		return e, err
	}
	e.Add(RuleGraduation, reg113.At("18", "7", ""),
		"täielikke andmeid duplikaadi väljaandmiseks ei ole säilinud, kuid lõpetamine on kindlaks tehtud: direktor väljastab tõendi "+strconv.Itoa(len(g.Items()))+" andmega",
		"complete data for a duplicate are not kept, but graduation is established: the director issues a certificate of graduation with its seven items")
	e.Add(RuleGraduation, reg113.At("18", "8", ""), "tõend kinnitatakse kooli pitseriga", "the certificate is confirmed with the school's seal")
	vv113.Mark(&e, v)
	return e, nil
}
