package pdf

import (
	"fmt"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/law"
)

// The keeper of the occupational qualifications register (kutseregister), whose e-seal the digital
// stamp carries and in whose name the declaration speaks (CERT-06; seed 000).
const (
	Keeper     = "Sihtasutus Kutsekoda" // its name, as in the seal's certificate
	KeeperCode = "90006414"             // its registry code (registrikood)
)

const (
	keeperEn       = "Estonian Qualifications Authority"
	registerSite   = "www.kutseregister.ee"
	creator        = "github.com/kutsekit/kutse/stamp/pdf"
	generatedForm  = "02.01.2006 15:04" // the register's form, in Europe/Tallinn time
	zoneEt         = "Eesti aeg"        // the zone of the times shown: Europe/Tallinn
	zoneEn         = "Estonian time"
	registerEt     = "KUTSEREGISTER" // the register's name over the heading
	registerEnCaps = "REGISTER OF OCCUPATIONAL QUALIFICATIONS"
)

// The file names of the three documents in a digital stamp's container (CERT-06; seed 000).
const (
	TunnistusName     = "Tunnistus.pdf"     // the register entry in Estonian: [Tunnistus]
	CertificateName   = "Certificate.pdf"   // the register entry in English: [Certificate]
	DeklaratsioonName = "Deklaratsioon.pdf" // the declaration: [Deklaratsioon]
)

// MediaType is the media type of the documents, for the container's manifest.
const MediaType = "application/pdf"

// Tunnistus renders the certificate's register entry in Estonian (CERT-05, CERT-06: Tunnistus.pdf),
// as the register prints it (seed 000, "Kutsetunnistus 204580"): the heading, the rows Nimi, Isikukood
// (Sünniaeg for a holder without one), Kutsenimetus, Kutsestandard, EKR tase, EQF tase,
// Spetsialiseerumine, Valitud kompetentsid, Kutseeksami keel, Väljastaja, Kehtib alates, Kehtib kuni
// ("tähtajatu" when it has no end), then "PDF genereeritud" with the time generated in
// Europe/Tallinn, "Kontrolli tunnistuse kehtivust:", verifyURL and its QR code. Rows with no value
// are left out; a certificate that is not valid on the day generated gets a row Staatus.
//
// The same certificate, generated and verifyURL give the same bytes. Bad input gives a *[FieldError]
// wrapping [ErrInvalid]: a missing number or holder's name, a missing or zero generated, a verifyURL
// that is not an http(s) URL of at most [MaxURLLen] bytes.
func Tunnistus(c certificate.Certificate, generated time.Time, verifyURL string) ([]byte, error) {
	e, err := prepare(&c, generated, verifyURL)
	if err != nil {
		return nil, err
	}
	return entryPDF(e, law.Estonian)
}

// Certificate renders the certificate's register entry in English (CERT-05, CERT-06, GEN-05:
// Certificate.pdf): the same as [Tunnistus] with the labels Name, Personal identification code (Date
// of birth), Qualification, Occupational standard, EstQF level, EQF level, Specialisation, Selected
// competences, Language of the exam, Issued by, Valid from, Valid until ("no end date"), then "PDF
// generated", "Check the validity of the certificate:", verifyURL and its QR code. The register holds
// titles, standards and issuers in Estonian only, so they appear as registered; an exam language
// written "<x> keel" is translated for the common languages ("eesti keel" is "Estonian").
func Certificate(c certificate.Certificate, generated time.Time, verifyURL string) ([]byte, error) {
	e, err := prepare(&c, generated, verifyURL)
	if err != nil {
		return nil, err
	}
	return entryPDF(e, law.English)
}

// Deklaratsioon renders the digital stamp's declaration (CERT-06: Deklaratsioon.pdf): in Estonian and
// then in English on the same page, the register's keeper ([Keeper]) declares on the strength of the
// register's data that the certificate — its number, holder, qualification, issuer and validity — is
// authentic and valid on stampDate. Each language block ends with verifyURL and its own QR code of
// it, so either half can be shown on its own.
//
// A certificate that is not valid on stampDate (CERT-02: expired, not yet valid, invalidated or
// replaced) gives a *[FieldError] for "stampDate" wrapping [ErrNotValid]; bad input as for
// [Tunnistus], and a zero or impossible stampDate, a *[FieldError] wrapping [ErrInvalid].
func Deklaratsioon(c certificate.Certificate, stampDate calendar.Date, generated time.Time, verifyURL string) ([]byte, error) {
	e, err := prepare(&c, generated, verifyURL)
	if err != nil {
		return nil, err
	}
	if err := checkStampDate(&c, e, stampDate); err != nil {
		return nil, err
	}
	return declPDF(e, stampDate)
}

// Stamp is the three documents of a digital stamp.
type Stamp struct {
	Tunnistus, Certificate, Deklaratsioon []byte
}

// Documents renders the three documents of a digital stamp (CERT-06) at once: what [Tunnistus],
// [Certificate] and [Deklaratsioon] give for the same arguments, byte for byte, with the input
// checked and the QR code encoded once instead of three times. Errors are theirs.
func Documents(c certificate.Certificate, stampDate calendar.Date, generated time.Time, verifyURL string) (Stamp, error) {
	e, err := prepare(&c, generated, verifyURL)
	if err != nil {
		return Stamp{}, err
	}
	if err := checkStampDate(&c, e, stampDate); err != nil {
		return Stamp{}, err
	}
	var s Stamp
	if s.Tunnistus, err = entryPDF(e, law.Estonian); err != nil {
		return Stamp{}, err
	}
	if s.Certificate, err = entryPDF(e, law.English); err != nil {
		return Stamp{}, err
	}
	if s.Deklaratsioon, err = declPDF(e, stampDate); err != nil {
		return Stamp{}, err
	}
	return s, nil
}

// checkStampDate checks the day a declaration confirms: a real date on which c is valid (CERT-06).
func checkStampDate(c *certificate.Certificate, e *entry, stampDate calendar.Date) error {
	switch {
	case stampDate.IsZero():
		return badInput("stampDate", "", "is required: the day the stamp confirms")
	case !stampDate.IsValid():
		return badInput("stampDate", fmt.Sprintf("%04d-%02d-%02d", stampDate.Year, int(stampDate.Month), stampDate.Day), "is not a real date")
	}
	if st := c.StatusOn(stampDate); st != certificate.Valid {
		return &FieldError{Field: "stampDate", Value: stampDate.String(), Err: ErrNotValid,
			Reason: "is a day on which certificate " + e.number + " is " + st.Name(law.English) +
				" (" + st.Name(law.Estonian) + "); a declaration confirms only a valid certificate (CERT-06)"}
	}
	return nil
}

// declPDF renders the declaration of e on stampDate.
func declPDF(e *entry, stampDate calendar.Date) ([]byte, error) {
	title := "Deklaratsioon / Declaration: " + e.kind.Name(law.Estonian) + " " + e.number
	w, err := newWriter(docMeta(e, title, "Digitempli deklaratsioon / Declaration of the digital stamp", "et"), declStyle,
		title+" (järg / continued)",
		func(p, n int) string { return "Lehekülg / Page " + strconv.Itoa(p) + "/" + strconv.Itoa(n) })
	if err != nil {
		return nil, err
	}
	gen := e.generated.Format(generatedForm)
	kindEt, kindEn := e.kind.Name(law.Estonian), e.kind.Name(law.English)
	meta := []string{capitalise(kindEt) + " " + e.number + " / " + capitalise(kindEn) + " " + e.number}
	if e.issuer != "" {
		meta = append(meta, "Väljastaja / Issued by: "+e.issuer)
	}
	meta = append(meta, "PDF genereeritud / generated "+gen+" "+zoneEt+" / "+zoneEn)
	w.heading(registerEt+" · "+registerEnCaps, "Deklaratsioon / Declaration", meta...)

	w.section("Deklaratsioon")
	w.para(w.style.body, Keeper+" (registrikood "+KeeperCode+") kui kutseregistri pidaja kinnitab kutseregistri "+
		"andmete põhjal, et "+kindEt+" nr "+e.number+" on ehtne ja kehtib "+stampDate.LongEt()+".")
	declRows(w, e, law.Estonian)
	w.verify([]string{"Tunnistuse kehtivust saab kontrollida kutseregistris (" + registerSite + ") või ruutkoodiga:"},
		e.url, e.qr, []string{
			"Deklaratsioon on osa digitemplist, mille on e-templiga kinnitanud " + Keeper + ".",
			"PDF genereeritud " + gen + " " + zoneEt,
		}, false)

	w.need(sepStep * 4)
	w.y += sepStep / 2
	w.rule(w.y)
	w.y += sepStep

	w.section("Declaration")
	w.para(w.style.body, Keeper+" ("+keeperEn+", registry code "+KeeperCode+"), the keeper of the Register of "+
		"Occupational Qualifications (Kutseregister), declares on the basis of the register's data that "+kindEn+" no. "+
		e.number+" is authentic and valid on "+stampDate.LongEn()+".")
	declRows(w, e, law.English)
	w.verify([]string{"The validity of the certificate can be checked in the register (" + registerSite + ") or with the QR code:"},
		e.url, e.qr, []string{
			"This declaration is part of the digital stamp sealed with the e-seal of " + Keeper + ".",
			"PDF generated " + gen + " " + zoneEn,
		}, false)
	return w.bytes()
}

// declRows writes the certificate's particulars in a declaration's block.
func declRows(w *writer, e *entry, lang law.Lang) {
	w.row(lang.Pick("Tunnistuse number", "Certificate number"), e.number)
	holderRows(w, e, lang)
	if e.title != "" {
		w.row(lang.Pick("Kutsenimetus", "Qualification"), e.title)
	}
	if e.issuer != "" {
		w.row(lang.Pick("Väljastaja", "Issued by"), e.issuer)
	}
	validityRows(w, e, lang)
}

// entryPDF renders the register entry in lang: Tunnistus and Certificate.
func entryPDF(e *entry, lang law.Lang) ([]byte, error) {
	heading := capitalise(e.kind.Name(lang)) + " " + e.number
	w, err := newWriter(docMeta(e, heading, lang.Pick("Kutseregistri kanne", "Register entry"), lang.Pick("et", "en")), entryStyle,
		heading+lang.Pick(" (järg)", " (continued)"),
		func(p, n int) string {
			return lang.Pick("Lehekülg "+strconv.Itoa(p)+"/"+strconv.Itoa(n), "Page "+strconv.Itoa(p)+" of "+strconv.Itoa(n))
		})
	if err != nil {
		return nil, err
	}
	var meta []string
	if e.issuer != "" {
		meta = append(meta, lang.Pick("Väljastaja: ", "Issued by: ")+e.issuer)
	}
	meta = append(meta, lang.Pick("PDF genereeritud ", "PDF generated ")+e.generated.Format(generatedForm)+" "+lang.Pick(zoneEt, zoneEn))
	w.heading(lang.Pick(registerEt, registerEt+" · "+registerEnCaps), heading, meta...)
	holderRows(w, e, lang)
	for _, r := range [...]struct{ et, en, v string }{
		{"Kutsenimetus", "Qualification", e.title},
		{"Kutsestandard", "Occupational standard", e.standard},
		{"EKR tase", "EstQF level", e.ekr},
		{"EQF tase", "EQF level", e.eqf},
		{"Spetsialiseerumine", "Specialisation", e.spec},
	} {
		if r.v != "" {
			w.row(lang.Pick(r.et, r.en), r.v)
		}
	}
	if len(e.competences) > 0 {
		w.list(lang.Pick("Valitud kompetentsid", "Selected competences"), e.competences)
	}
	if e.examLanguage != "" {
		w.row(lang.Pick("Kutseeksami keel", "Language of the exam"), certificate.ExamLanguageIn(e.examLanguage, lang))
	}
	check := []string{lang.Pick("Kontrolli tunnistuse kehtivust:", "Check the validity of the certificate:")}
	foot := []string{lang.Pick(
		"Väljavõte kutseregistrist, mida peab "+Keeper+" (registrikood "+KeeperCode+").",
		"An entry of the Register of Occupational Qualifications (Kutseregister), kept by "+Keeper+" ("+keeperEn+", registry code "+KeeperCode+")."),
	}
	last := 2 // the validity rows, and the status row of a certificate not valid, go with the block
	if e.status != certificate.Valid {
		last++
	}
	w.keepWithVerify(last, check, e.url, e.qr, foot)
	validityRows(w, e, lang)
	if e.status != certificate.Valid {
		w.row(lang.Pick("Staatus", "Status"), e.status.Name(lang))
	}
	w.verify(check, e.url, e.qr, foot, true)
	return w.bytes()
}

// holderRows writes the holder's name and personal code, or birth date for a holder without one.
func holderRows(w *writer, e *entry, lang law.Lang) {
	w.row(lang.Pick("Nimi", "Name"), e.name)
	switch {
	case e.code != "":
		w.row(lang.Pick("Isikukood", "Personal identification code"), e.code)
	case !e.birth.IsZero():
		w.row(lang.Pick("Sünniaeg", "Date of birth"), e.birth.Register())
	}
}

// validityRows writes the first and last day of validity, "tähtajatu" / "no end date" for none.
func validityRows(w *writer, e *entry, lang law.Lang) {
	if !e.from.IsZero() {
		w.row(lang.Pick("Kehtib alates", "Valid from"), e.from.Register())
	}
	until := lang.Pick("tähtajatu", "no end date")
	if !e.until.IsZero() {
		until = e.until.Register()
	}
	w.row(lang.Pick("Kehtib kuni", "Valid until"), until)
}

// docMeta is the document's metadata: its creation date is the time generated, never the clock, so
// that the same input gives the same bytes.
func docMeta(e *entry, title, subject, lang string) meta {
	return meta{title: title, subject: subject, author: Keeper, creator: creator, producer: creator, lang: lang, created: e.generated}
}

// capitalise returns s with its first letter in upper case.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
