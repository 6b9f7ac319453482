package stateexam

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
	"github.com/kutsekit/kutse/stamp/asice"
)

// upperFirst returns t with its first letter in upper case: "Eesti keel".
func upperFirst(t string) string {
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:]
}

// numEt writes d the Estonian way, with a decimal comma: "78,5".
func numEt(d decimal.Decimal) string { return strings.Replace(d.String(), ".", ",", 1) }

// The file names of a sealed electronic state-exam certificate.
const (
	TextName = "Riigieksamitunnistus.txt"
	JSONName = "Riigieksamitunnistus.json"
)

// Text renders the certificate in Estonian (§ 14 (1)), as plain UTF-8 text a person can read and
// reproduce in writing (§ 15 (2)), with the words of the form (§ 13): the heading, the number, the
// holder, the time of the exams, each subject with its results as § 14 (3)–(6) requires, the
// bilingual explanation, the issue date written out (GEN-02) and the footer. The same certificate
// always gives the same bytes. It does not validate c; [SealFiles] does.
func (c *Certificate) Text() string {
	var b strings.Builder
	line := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(p)
		}
		b.WriteByte('\n')
	}
	line("EESTI VABARIIK")
	line("RIIGIEKSAMITUNNISTUS")
	if c.Number != "" {
		line("Nr ", string(c.Number))
	}
	line()
	line("Ees- ja perekonnanimi: ", c.Holder.Name)
	if !c.Holder.Code.IsZero() {
		line("Isikukood: ", c.Holder.Code.String())
	} else {
		line("Sünniaeg: ", c.Holder.BirthDate.Register())
	}
	first, last := c.ExamTime()
	if first == last {
		line("Riigieksamite sooritamise aeg: ", first.Register())
	} else {
		line("Riigieksamite sooritamise aeg: ", first.Register(), "–", last.Register())
	}
	line()
	line("Riigieksamid ja tulemused")
	for i := range c.Subjects {
		s := &c.Subjects[i]
		title := upperFirst(s.Title())
		if s.Kind == Mathematics && s.Variant.Valid() {
			title += " (" + variantNames[s.Variant].et + ")"
		}
		if s.Individual {
			title += " — individuaalse õppekava alusel"
		}
		line(title, " (", s.Date.Register(), ")")
		switch s.Kind {
		case English:
			for _, k := range s.Skills {
				line("  ", k.Name, ": osakaal ", numEt(k.Weight), " %, tulemus ", numEt(k.Percent), " %")
			}
			if s.Level == NotReached {
				line("  ", DescriptionNone)
			} else if s.Level != 0 {
				line("  Saavutatud keeleoskustase: ", s.Level.String())
				line("  ", s.Level.Description())
			}
		case Mathematics:
			line("  Maksimumpunktid: ", numEt(s.Max))
			if s.Variant != GermanAbitur {
				line("  Kitsa ja laia matemaatika ühisosa maksimumpunktid: ", numEt(s.CommonMax))
			}
			line("  Tulemus: ", numEt(s.Points), " punkti")
			if s.Variant != GermanAbitur {
				line("  Tulemus kitsa ja laia matemaatika ühisosas: ", numEt(s.CommonPoints), " punkti")
			}
		default:
			line("  Maksimumpunktid: ", numEt(s.Max))
			line("  Tulemus: ", numEt(s.Points), " punkti")
		}
	}
	line()
	line(c.Explanation.Et)
	line()
	line(c.Explanation.En)
	line()
	line("Väljaandmise kuupäev: ", c.IssuedOn.LongEt())
	line("Väljaandja: ", c.Issuer)
	line()
	b.WriteString("TUNNISTUS ON KEHTIV KOOS KESKHARIDUST TÕENDAVA LÕPUTUNNISTUSEGA\n")
	return b.String()
}

// SealFiles returns the files the stamp package seals into the electronic state-exam certificate
// (SCH-11, § 15 (1)): Riigieksamitunnistus.txt ([Certificate.Text], text/plain) and
// Riigieksamitunnistus.json (the content as structured data, application/json), ready for
// asice.Create with the issuing institution's seal. It validates c first (under rules; nil for the
// defaults) and refuses a certificate without a number, which an issued one has.
func SealFiles(c *Certificate, rules *Rules) ([]asice.File, error) {
	if err := c.Validate(rules); err != nil {
		return nil, err
	}
	if c.Number == "" {
		return nil, &certificate.FieldError{Field: "Number", Reason: "is required: seal an issued certificate"}
	}
	data, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return nil, err
	}
	return []asice.File{
		{Name: TextName, MediaType: "text/plain", Data: []byte(c.Text())},
		{Name: JSONName, MediaType: "application/json", Data: append(data, '\n')},
	}, nil
}

// Delivery is how an electronic state-exam certificate reaches its holder (SCH-11).
type Delivery uint8

// The ways of delivery (§ 15 (2)).
const (
	Portal  Delivery = iota + 1 // available in the state portal eesti.ee
	InWrite                     // in a form that can be reproduced in writing, for a holder without an Estonian personal code
)

// String returns "portal" or "written".
func (d Delivery) String() string {
	switch d {
	case Portal:
		return "portal"
	case InWrite:
		return "written"
	}
	return "delivery(?)"
}

// DeliveryOf returns how the certificate reaches holder h (SCH-11, § 15 (1)–(2)), with the
// explanation: it is confirmed with the issuing institution's digital stamp and available in the
// state portal; a holder without an Estonian personal code gets it in a form that can be reproduced
// in writing ([Certificate.Text]). § 15 is applied in the version of regulation nr 113 in force on
// the issue date issued (st; nil: vv113.Default, from 13.07.2014), which the explanation names; a
// date no version covers is refused with an error wrapping law.ErrNoVersion (GEN-04).
func DeliveryOf(st vv113.Statute, h certificate.Holder, issued calendar.Date) (Delivery, law.Explanation, error) {
	var e law.Explanation
	v, err := st.At(issued)
	if err != nil {
		return 0, e, fmt.Errorf("stateexam: delivery (SCH-11): %w", err)
	}
	d := delivery(&e, h)
	vv113.Mark(&e, v)
	return d, e, nil
}

func delivery(e *law.Explanation, h certificate.Holder) Delivery {
	e.Add("SCH-11", reg113.At("15", "1", ""), "elektrooniline riigieksamitunnistus kinnitatakse väljastava asutuse digitaalse templiga",
		"the electronic certificate is confirmed with the issuing institution's digital stamp")
	if h.Code.IsZero() {
		e.Add("SCH-11", reg113.At("15", "2", ""), "saajal ei ole Eesti isikukoodi: tunnistus väljastatakse kirjalikku taasesitamist võimaldavas vormis",
			"the holder has no Estonian personal code: the certificate is issued in a form that can be reproduced in writing")
		return InWrite
	}
	e.Add("SCH-11", reg113.At("15", "2", ""), "tunnistus on kättesaadav riigiportaalis eesti.ee",
		"the certificate is available in the state portal eesti.ee")
	return Portal
}
