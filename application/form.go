package application

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/stamp/pdf"
)

// FormName returns the file name of application id's form: "Avaldus-<id>.pdf".
func FormName(id int64) string { return "Avaldus-" + strconv.FormatInt(id, 10) + ".pdf" }

// RenderForm implements APP-06: the application form (avaldus) of application a as submitted at
// instant at, generated into the application's record on submission (seed 000 slide 3: "taotlemise
// avaldus tekib taotluse kirjesse automaatselt taotluse esitamisel"). It is an A4 PDF in the
// register's layout and font (package stamp/pdf), in Estonian with the labels also in English
// (GEN-05): the application's number and time of submission, the awarding body and who receives it,
// the applicant's personal data and contacts, the qualification applied for (standard and its
// version, level, partial qualification, specialisation, chosen competences, exam language, the
// certificate re-certified), the standard's conditions the applicant confirmed, the documents
// attached (each with its size and the start of its SHA-256), and the applicant's declaration.
//
// The same application and instant give the same bytes. A text the form's font cannot show gives a
// *pdf.FieldError naming the field.
func RenderForm(a *Application, at time.Time) ([]byte, error) {
	loc, err := calendar.Tallinn()
	if err != nil {
		return nil, err
	}
	local := at.In(loc)
	title, titleEn := "Kutse taotlemise avaldus", "Application for an occupational qualification"
	if a.Kind == Recertification {
		title, titleEn = "Kutse taastõendamise avaldus", "Application for re-certification"
	}
	no := strconv.FormatInt(a.ID, 10)
	d, err := pdf.NewDocument(pdf.DocumentInfo{Title: title + " nr " + no, Subject: titleEn, Author: a.Applicant.Name,
		Bilingual: true, Generated: at})
	if err != nil {
		return nil, err
	}
	d.Heading(title, titleEn, "Avaldus genereeritud / Generated "+local.Format("02.01.2006 15:04")+" Eesti aeg / Estonian time")
	d.Row("Taotluse nr / Application no.", no)
	d.Row("Esitatud / Submitted", local.Format("02.01.2006 15:04"))
	d.Row("Kutse andja / Awarding body", a.BodyName+" (registrikood "+a.Body+")")
	if a.Receiver != "" && a.Receiver != a.Body {
		d.Row("Vastuvõtja / Received by", a.ReceiverName+" (registrikood "+a.Receiver+"), kutse andja partner / the awarding body's partner")
	}

	p := &a.Applicant
	d.Section("Taotleja / Applicant")
	d.Row("Nimi / Name", p.Name)
	d.Row("Isikukood / Personal code", orDash(p.Code.String()))
	d.Row("Sünniaeg / Date of birth", orDash(p.Born.Register()))
	d.Row("E-post / E-mail", orDash(p.Email))
	if p.Phone != "" {
		d.Row("Telefon / Telephone", p.Phone)
	}
	if p.Address != "" {
		d.Row("Aadress / Address", p.Address)
	}

	c := &a.Choice
	d.Section("Taotletav kutse / Qualification applied for")
	std := a.StandardName
	if !a.Level.IsZero() {
		std += " (EKR tase " + a.Level.String() + " / EstQF level " + a.Level.String() + ")"
	}
	d.Row("Kutsestandard / Standard", std)
	if t := a.Title(); t != a.StandardName {
		d.Row("Kutse / Qualification", t)
	}
	if c.PartialName != "" {
		d.Row("Osakutse / Partial qualification", c.PartialName)
	}
	if c.SpecialisationName != "" {
		d.Row("Spetsialiseerumine / Specialisation", c.SpecialisationName)
	}
	if len(c.CompetenceNames) > 0 {
		d.List("Kompetentsid / Competences", c.CompetenceNames)
	} else {
		d.Row("Kompetentsid / Competences", "—")
	}
	if c.ExamLanguageName != "" {
		d.Row("Eksami keel / Exam language", c.ExamLanguageName)
	}
	if a.Kind == Recertification {
		d.Row("Tunnistus / Certificate", string(a.Certificate)+" (taastõendatav / to re-certify)")
	}

	if len(a.Conditions) > 0 {
		head := "Tingimused kutse taotlemisel / Conditions for the qualification"
		if a.Kind == Recertification {
			head = "Tingimused taastõendamisel / Conditions for re-certification"
		}
		d.Section(head)
		var yes, no []string
		for _, cond := range a.Conditions {
			if cond.Confirmed {
				yes = append(yes, cond.Text)
			} else {
				no = append(no, cond.Text)
			}
		}
		if len(yes) > 0 {
			d.List("Taotleja kinnitab / Confirmed", yes)
		}
		if len(no) > 0 {
			d.List("Kinnitamata / Not confirmed", no)
		}
	}

	d.Section("Lisatud dokumendid / Documents attached")
	if len(a.Attachments) == 0 {
		d.Paragraph("Dokumente ei ole lisatud. / No documents are attached.")
	}
	for _, at := range a.Attachments {
		label := "Muu dokument / Further document"
		switch {
		case at.DocumentName != "":
			label = at.DocumentName
		case at.Document != "":
			label = at.Document
		}
		d.Row(label, at.Name+" ("+size(at.Size)+", SHA-256 "+short(at.SHA256)+")")
	}

	d.Section("Kinnitus / Declaration")
	et := "Avaldus on esitatud kutseregistri kutsetaotluskeskkonnas; taotleja on tuvastatud isikukoodi alusel."
	en := "The application was submitted in the register's application environment; the applicant was identified by the personal code."
	if a.Declared {
		et = "Kinnitan, et avalduses ja selle lisades esitatud andmed on õiged. " + et
		en = "I declare that the data in this application and its attachments are true. " + en
	}
	d.Paragraph(et + " / " + en)
	return d.Bytes()
}

// orDash returns s, or a dash for a field left empty, so that the form shows it was.
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// size writes a number of bytes for people: "412 B", "23 KiB", "1.4 MiB".
func size(n int64) string {
	switch {
	case n < 1<<10:
		return strconv.FormatInt(n, 10) + " B"
	case n < 1<<20:
		return strconv.FormatInt((n+512)>>10, 10) + " KiB"
	}
	return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
}

func short(sum string) string {
	if len(sum) > 16 {
		return sum[:16] + "…"
	}
	return sum
}

// digest returns the SHA-256 of b in lower-case hex.
func digest(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
