package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/law"
)

//go:embed templates
var files embed.FS

var (
	// css is the page's style sheet, inlined in a <style> element and allowed by its hash in the
	// Content-Security-Policy: the page loads nothing else.
	css = mustRead("templates/style.css")
	// styleHash is the CSP source of css, 'sha256-…'.
	styleHash = func() string {
		sum := sha256.Sum256([]byte(css))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}()
	pages = map[string]*template.Template{
		"entry":   parse("templates/entry.html"),
		"message": parse("templates/message.html"),
	}
)

func mustRead(name string) string {
	b, err := files.ReadFile(name)
	if err != nil {
		panic(err) // embedded at build time: cannot fail
	}
	return string(b)
}

func parse(content string) *template.Template {
	return template.Must(template.New("").ParseFS(files, "templates/layout.html", content))
}

// labels are the page's fixed texts in one language.
type labels struct {
	Languages, Privacy, AsOfNote                        string
	Validity, Entry, StatusAsOf, Basis, Version         string
	Number, Kind, Holder, HolderHidden                  string
	TitleRegister, TitleOther, Standard, EKR, EQF, Spec string
	Competences, ExamLanguage, Issuer, IssuedOn         string
	ValidFrom, ValidUntil, NoEnd                        string
	NumberLabel, NumberHint, Check                      string
	CheckHeading, CheckText                             string
	NotFound, NotFoundText, NotFoundHidden              string
	LinkNotFound, NothingHere                           string
	BadNumber, BadNumberText                            string
	Failure, FailureText                                string
}

var texts = [...]labels{
	law.Estonian: {
		Languages:      "Keel",
		Privacy:        "Isikukoodi ja sünniaega avalikult ei näidata. Omaniku nimi on avalik üksnes tunnistuse kehtivuse ajal.",
		AsOfNote:       "Andmed registrist seisuga",
		Validity:       "Kehtivus",
		Entry:          "Registrikanne",
		StatusAsOf:     "seisuga",
		Basis:          "Alus",
		Version:        "redaktsioon",
		Number:         "Number",
		Kind:           "Liik",
		Holder:         "Omanik",
		HolderHidden:   "avalik üksnes tunnistuse kehtivuse ajal",
		TitleRegister:  "Kutsenimetus",
		TitleOther:     "Nimetus",
		Standard:       "Kutsestandard",
		EKR:            "EKR tase",
		EQF:            "EQF tase",
		Spec:           "Spetsialiseerumine",
		Competences:    "Valitud kompetentsid",
		ExamLanguage:   "Eksami keel",
		Issuer:         "Väljastaja",
		IssuedOn:       "Välja antud",
		ValidFrom:      "Kehtib alates",
		ValidUntil:     "Kehtib kuni",
		NoEnd:          "tähtajatu",
		NumberLabel:    "Tunnistuse number",
		NumberHint:     "Näiteks 204580, E015992 või OT011089.",
		Check:          "Kontrolli",
		CheckHeading:   "Tunnistuse kehtivuse kontroll",
		CheckText:      "Sisestage tunnistuse number, et näha registrikannet ja tunnistuse kehtivust tänase seisuga.",
		NotFound:       "Tunnistust ei leitud",
		NotFoundText:   "Registris ei ole avalikku tunnistust numbriga %s. Kontrollige numbrit.",
		NotFoundHidden: "Kui tunnistuse omanik on selle avalikust vaatest peitnud, saab seda kontrollida omaniku jagatud digitempli lingi kaudu.",
		LinkNotFound:   "Selle lingiga tunnistust ei leitud. Kontrollige, et link on täielik.",
		NothingHere:    "Sellel aadressil ei ole tunnistust.",
		BadNumber:      "Vigane tunnistuse number",
		BadNumberText:  "„%s“ ei ole tunnistuse number: numbris on kuni neli suurtähte ja seejärel 1–10 numbrit.",
		Failure:        "Teenus ei ole praegu kättesaadav",
		FailureText:    "Registrist ei õnnestunud andmeid lugeda. Palun proovige hiljem uuesti.",
	},
	law.English: {
		Languages:      "Language",
		Privacy:        "Personal identification codes and dates of birth are never shown. The holder's name is public only while the certificate is valid.",
		AsOfNote:       "Data from the register as of",
		Validity:       "Validity",
		Entry:          "Register entry",
		StatusAsOf:     "as of",
		Basis:          "Basis",
		Version:        "version",
		Number:         "Number",
		Kind:           "Type",
		Holder:         "Holder",
		HolderHidden:   "public only while the certificate is valid",
		TitleRegister:  "Qualification",
		TitleOther:     "Title",
		Standard:       "Occupational standard",
		EKR:            "EstQF level",
		EQF:            "EQF level",
		Spec:           "Specialisation",
		Competences:    "Selected competences",
		ExamLanguage:   "Language of the exam",
		Issuer:         "Issued by",
		IssuedOn:       "Date of issue",
		ValidFrom:      "Valid from",
		ValidUntil:     "Valid until",
		NoEnd:          "no end date",
		NumberLabel:    "Certificate number",
		NumberHint:     "For example 204580, E015992 or OT011089.",
		Check:          "Check",
		CheckHeading:   "Check a certificate",
		CheckText:      "Enter the certificate's number to see its register entry and whether it is valid today.",
		NotFound:       "Certificate not found",
		NotFoundText:   "The register holds no public certificate numbered %s. Please check the number.",
		NotFoundHidden: "If the holder has hidden the certificate from the public view, it can be checked through the link of the digital stamp the holder shared.",
		LinkNotFound:   "No certificate was found for this link. Please check that the link is complete.",
		NothingHere:    "There is no certificate at this address.",
		BadNumber:      "Malformed certificate number",
		BadNumberText:  "“%s” is not a certificate number: a number is up to four capital letters followed by 1–10 digits.",
		Failure:        "The service is not available just now",
		FailureText:    "The register could not be read. Please try again later.",
	},
}

// other is the link to the page in the other language.
type other struct{ Lang, Name, Href string }

// page is what the templates render.
type page struct {
	Lang  string
	L     *labels
	Site  string
	Title string // the document's title, before the site's name
	CSS   template.CSS
	Other other
	AsOf  string // the register's date, DD.MM.YYYY; "" on pages without one

	// the entry page
	Heading    string
	Entry      *Entry
	Tone       string // valid, invalid or pending: the status box's colours
	Mark       string // ✓, ✗ or …, beside the status in words
	StatusLine string
	Reasons    []reason
	Rows       []row

	// message pages
	Paragraphs []string
	Form       string // the lookup form's action, relative; "" for none
	Typed      string // what was typed into the form
}

// reason is one step of the status's explanation as the page shows it.
type reason struct{ Text, Basis string }

// row is one row of the register entry's table.
type row struct {
	Label, Value string
	List         []string
	Muted        bool
}

func newPage(lang law.Lang, site Text, title string) *page {
	p := &page{Lang: lang.String(), L: &texts[lang], Site: site.In(lang), Title: title, CSS: template.CSS(css)}
	if lang == law.English {
		p.Other = other{Lang: "et", Name: "Eesti keeles", Href: "?lang=et"}
	} else {
		p.Other = other{Lang: "en", Name: "In English", Href: "?lang=en"}
	}
	return p
}

// entryPage returns the page of entry e.
func entryPage(e *Entry, v *certificate.PublicView, lang law.Lang, site Text) *page {
	L := &texts[lang]
	heading := capitalise(e.KindName) + " " + e.Number
	p := newPage(lang, site, heading+" – "+e.StatusText)
	p.Heading, p.Entry, p.AsOf = heading, e, v.On.Register()
	p.StatusLine = capitalise(e.StatusText) + " " + L.StatusAsOf + " " + v.On.Register()
	switch v.Status {
	case certificate.Valid:
		p.Tone, p.Mark = "valid", "✓"
	case certificate.NotYetValid:
		p.Tone, p.Mark = "pending", "…"
	default:
		p.Tone, p.Mark = "invalid", "✗"
	}
	for _, s := range v.Explain().Steps {
		b := basis(s.Citation, lang)
		if s.Version != "" {
			b += ", " + L.Version + " " + s.Version
		}
		p.Reasons = append(p.Reasons, reason{Text: capitalise(s.Finding(lang)) + ".", Basis: b})
	}
	add := func(label, value string) {
		if value != "" {
			p.Rows = append(p.Rows, row{Label: label, Value: value})
		}
	}
	add(L.Number, e.Number)
	add(L.Kind, e.KindName)
	if e.HolderName != "" {
		add(L.Holder, e.HolderName)
	} else {
		p.Rows = append(p.Rows, row{Label: L.Holder, Value: L.HolderHidden, Muted: true})
	}
	title := L.TitleOther
	if v.Kind.Register() {
		title = L.TitleRegister
	}
	add(title, e.Title)
	add(L.Standard, e.Standard)
	add(L.EKR, level(e.EKR))
	add(L.EQF, level(e.EQF))
	add(L.Spec, e.Specialisation)
	if len(e.Competences) > 0 {
		p.Rows = append(p.Rows, row{Label: L.Competences, List: e.Competences})
	}
	add(L.ExamLanguage, certificate.ExamLanguageIn(e.ExamLanguage, lang))
	add(L.Issuer, e.Issuer)
	add(L.IssuedOn, e.IssuedOn.Register())
	add(L.ValidFrom, e.ValidFrom.Register())
	if e.ValidUntil.IsZero() {
		add(L.ValidUntil, L.NoEnd)
	} else {
		add(L.ValidUntil, e.ValidUntil.Register())
	}
	return p
}

func level(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// render executes the named page template.
func render(name string, p *page) ([]byte, error) {
	var b bytes.Buffer
	if err := pages[name].ExecuteTemplate(&b, "layout", p); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// capitalise returns s with its first letter in upper case: "kutsetunnistus" → "Kutsetunnistus".
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// shorten returns s cut to at most n runes, with "…" where it was cut: what a page echoes of a
// malformed input.
func shorten(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// basis writes a provision for a reader: the act by name and the provision, then its Riigi Teataja
// reference, "Kutsetunnistuse statuut ja vorm (HTM määrus nr 74) § 1 lg 3 (RTL 2009, 2, 32)". The
// rule's ID, the SDK's own, is left to the JSON.
func basis(c law.Citation, lang law.Lang) string {
	if c.Act == "" || c.RT == "" {
		return c.Format(lang)
	}
	rt := c.RT
	c.RT = ""
	return c.Format(lang) + " (" + rt + ")"
}
