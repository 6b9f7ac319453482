package vocational

import (
	"strconv"
	"strings"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/stamp/pdf"
)

// unitsPerTable is the most unit columns one results table holds; more units continue in another
// table, the candidates' numbers and names repeated.
const unitsPerTable = 6

// generatedText writes the time a document is generated in Europe/Tallinn, the register's way.
func generatedText(t time.Time) string {
	if loc, err := calendar.Tallinn(); err == nil {
		t = t.In(loc)
	}
	return t.Format("02.01.2006 15:04")
}

// AssessmentProtocolPDF renders the assessment protocol (hindamisprotokoll, EXV-04) as an A4 PDF in
// lang (GEN-05) with stamp/pdf's layout: the exam, the qualification and the standard's version, the
// school and curriculum, the awarding body, the exam's type and language, the agreed times and places,
// the assessment committee; the units assessed (K1, K2, …); a table of each candidate's result per
// unit ("+" proven, "–" not proven, empty where the candidate is not assessed in it or was absent,
// "?" not yet entered) and outcome, six units a table; the assessors of each candidate; the counts, whether the
// protocol is final, and the time generated. The same protocol and time give the same bytes. Text the
// documents' font cannot show is an error wrapping pdf.ErrInvalid.
func AssessmentProtocolPDF(p AssessmentProtocol, lang law.Lang, generated time.Time) ([]byte, error) {
	title := lang.Pick("Hindamisprotokoll", "Assessment protocol")
	d, err := pdf.NewDocument(pdf.DocumentInfo{Title: title + " " + strconv.FormatInt(p.Exam, 10),
		Subject: p.Qualification.Name, Author: p.Body.Name, Lang: lang, Generated: generated})
	if err != nil {
		return nil, err
	}
	d.Heading(title, lang.Pick("Kutse andja: ", "Awarding body: ")+p.Body.Name,
		lang.Pick("PDF genereeritud ", "PDF generated ")+generatedText(generated)+" "+lang.Pick("Eesti aeg", "Estonian time"))
	q := p.Qualification
	d.Row(lang.Pick("Kutseeksam", "Qualification exam"), strconv.FormatInt(p.Exam, 10))
	d.Row(lang.Pick("Kutse", "Qualification"), q.Name)
	d.Row(lang.Pick("Kutsestandard", "Occupational standard"), q.Name+lang.Pick(", versioon ", ", version ")+strconv.Itoa(q.Number)+" ("+q.Version.String()+")")
	d.Row(lang.Pick("EKR tase", "EstQF level"), q.EKR.String())
	d.Row(lang.Pick("Kool", "School"), p.School.Name+" ("+p.School.Code+")")
	d.Row(lang.Pick("Õppekava", "Curriculum"), p.Curriculum.Code+" "+p.Curriculum.Name)
	d.Row(lang.Pick("Kutse andja", "Awarding body"), p.Body.Name+" ("+p.Body.Code+")")
	d.Row(lang.Pick("Eksami liik", "Type of exam"), p.Type.Name(lang))
	d.Row(lang.Pick("Eksami keel", "Language of the exam"), p.Language)
	var ss []string
	for _, s := range p.Sittings {
		ss = append(ss, s.Date.Register()+" "+s.Start+", "+s.Part.Name(lang)+": "+s.Place)
	}
	d.List(lang.Pick("Toimumise ajad ja kohad", "Times and places"), ss)
	var members []string
	for _, a := range p.Committee.Assessors {
		role := lang.Pick("liige", "member")
		if a.Role == AssessorChair {
			role = lang.Pick("esimees", "chair")
		}
		members = append(members, a.Name+" ("+role+")")
	}
	d.List(lang.Pick("Hindamiskomisjon", "Assessment committee"), members)
	status := lang.Pick("lõplik", "final")
	if !p.Final {
		status = lang.Pick("koostamisel: kõik tulemused ei ole veel sisestatud", "in progress: not every result is entered yet")
	}
	d.Row(lang.Pick("Protokolli seis", "Status of the protocol"), status)

	d.Section(lang.Pick("Hinnatavad kompetentsid ja moodulid", "Competences and modules assessed"))
	units := make([][]string, len(p.Units))
	for i, u := range p.Units {
		kind := lang.Pick("kohustuslik", "mandatory")
		if u.Elective {
			kind = lang.Pick("valitav", "elective")
		}
		if u.Kind == ModuleUnit {
			kind = lang.Pick("moodul, ", "module, ") + kind
		}
		units[i] = []string{"K" + strconv.Itoa(i+1), u.Name, kind}
	}
	d.Table([]pdf.Column{{Title: lang.Pick("Tähis", "Key"), Width: 40}, {Title: lang.Pick("Nimetus", "Name")},
		{Title: lang.Pick("Liik", "Kind"), Width: 110}}, units)

	d.Section(lang.Pick("Tulemused", "Results"))
	for from := 0; from < len(p.Units) || from == 0; from += unitsPerTable {
		to := min(from+unitsPerTable, len(p.Units))
		cols := []pdf.Column{{Title: lang.Pick("Nr", "No."), Width: 30, Right: true}, {Title: lang.Pick("Nimi", "Name")},
			{Title: lang.Pick("Isikukood", "Personal code"), Width: 78}}
		for i := from; i < to; i++ {
			cols = append(cols, pdf.Column{Title: "K" + strconv.Itoa(i+1), Width: 34})
		}
		cols = append(cols, pdf.Column{Title: lang.Pick("Tulemus", "Outcome"), Width: 70})
		rows := make([][]string, len(p.Rows))
		for r, row := range p.Rows {
			id := row.Code
			if id == "" {
				id = row.BirthDate.Register()
			}
			cells := []string{strconv.Itoa(r + 1), row.Name, id}
			for i := from; i < to; i++ {
				mark := unitMark(row.Units[i])
				if row.Absent {
					mark = ""
				}
				cells = append(cells, mark)
			}
			rows[r] = append(cells, outcome(&row, lang))
		}
		d.Table(cols, rows)
		if to >= len(p.Units) {
			break
		}
	}
	d.Note(lang.Pick("+ tõendatud, – tõendamata, ? sisestamata; tühi lahter: sooritaja ei valinud seda valitavat kompetentsi.",
		"+ proven, – not proven, ? not entered; an empty cell: the candidate did not choose that elective."))
	d.Paragraph(lang.Pick("Sooritas "+strconv.Itoa(p.Passed)+", ei sooritanud "+strconv.Itoa(p.Failed)+", puudus "+strconv.Itoa(p.Absent)+".",
		"Passed "+strconv.Itoa(p.Passed)+", failed "+strconv.Itoa(p.Failed)+", absent "+strconv.Itoa(p.Absent)+"."))

	d.Section(lang.Pick("Hindajad", "Assessors"))
	rows := make([][]string, 0, len(p.Rows))
	for r, row := range p.Rows {
		rows = append(rows, []string{strconv.Itoa(r + 1), row.Name, strings.Join(row.AssessedBy, ", "), row.Note})
	}
	d.Table([]pdf.Column{{Title: lang.Pick("Nr", "No."), Width: 30, Right: true}, {Title: lang.Pick("Nimi", "Name"), Width: 140},
		{Title: lang.Pick("Hindajad", "Assessed by")}, {Title: lang.Pick("Märkus", "Note"), Width: 110}}, rows)
	d.Note(lang.Pick("Protokoll on koostatud kutseregistri eksamihalduse andmetest.", "The protocol is drawn from the register's exam management data."))
	return d.Bytes()
}

func unitMark(c UnitCell) string {
	switch {
	case !c.Assessed:
		return ""
	case !c.Entered:
		return "?"
	case c.Passed:
		return "+"
	}
	return "–"
}

func outcome(r *AssessmentRow, lang law.Lang) string {
	switch {
	case !r.Entered:
		return lang.Pick("sisestamata", "not entered")
	case r.Absent:
		return lang.Pick("puudus", "absent")
	case r.Passed:
		return lang.Pick("sooritas", "passed")
	}
	return lang.Pick("ei sooritanud", "failed")
}

// StatementPDF renders a compensation statement (EXV-06) as an A4 PDF in lang: the exam, the school
// and the awarding body, the curriculum group, the exam type, the version of the ceilings and the
// rate; a table of the candidates, each with the payer and the amount; the totals per payer and in
// all; the explanation of the computation. The same statement and time give the same bytes.
func StatementPDF(st Statement, lang law.Lang, generated time.Time) ([]byte, error) {
	title := lang.Pick("Kutseeksami kulude hüvitamine", "Compensation of the exam's costs")
	d, err := pdf.NewDocument(pdf.DocumentInfo{Title: title + " " + strconv.FormatInt(st.Exam, 10), Subject: st.Qualification,
		Author: st.Body.Name, Lang: lang, Generated: generated})
	if err != nil {
		return nil, err
	}
	d.Heading(title, lang.Pick("Kutse andja: ", "Awarding body: ")+st.Body.Name,
		lang.Pick("PDF genereeritud ", "PDF generated ")+generatedText(generated)+" "+lang.Pick("Eesti aeg", "Estonian time"))
	d.Row(lang.Pick("Kutseeksam", "Qualification exam"), strconv.FormatInt(st.Exam, 10)+", "+st.Qualification)
	d.Row(lang.Pick("Kool", "School"), st.School.Name+" ("+st.School.Code+")")
	d.Row(lang.Pick("Kutse andja", "Awarding body"), st.Body.Name+" ("+st.Body.Code+")")
	d.Row(lang.Pick("Õppekavarühm", "Curriculum group"), st.Group)
	d.Row(lang.Pick("Eksami liik", "Type of exam"), st.Type.Name(lang))
	d.Row(lang.Pick("Ülemmäärade redaktsioon", "Version of the ceilings"), st.Version+" ("+st.Date.Register()+")")
	d.Row(lang.Pick("Ülemmäär", "Ceiling"), euro(st.Ceiling, lang))
	if st.Fee.IsPositive() {
		d.Row(lang.Pick("Kutse andja tasu", "The awarding body's fee"), euro(st.Fee, lang))
	}
	d.Row(lang.Pick("Määr sooritaja kohta", "Rate per candidate"), euro(st.Rate, lang))
	rows := make([][]string, len(st.Lines))
	for i, l := range st.Lines {
		place := lang.Pick("muu", "other")
		if l.StateFunded {
			place = lang.Pick("riigieelarveline", "state-funded")
		}
		rows[i] = []string{strconv.Itoa(i + 1), l.Name, place, l.Payer.Name(lang), euro(l.Amount, lang)}
	}
	d.Section(lang.Pick("Sooritajad", "Candidates"))
	d.Table([]pdf.Column{{Title: lang.Pick("Nr", "No."), Width: 30, Right: true}, {Title: lang.Pick("Sooritaja", "Candidate")},
		{Title: lang.Pick("Õppekoht", "Study place"), Width: 90}, {Title: lang.Pick("Maksja", "Payer"), Width: 130},
		{Title: lang.Pick("Summa", "Amount"), Width: 70, Right: true}}, rows)
	d.Row(lang.Pick("Riigieelarvest kooli kaudu", "State budget through the school"), euro(st.State, lang))
	d.Row(lang.Pick("Arve koolile", "Invoiced to the school"), euro(st.Invoiced, lang))
	d.Row(lang.Pick("Kokku", "Total"), euro(st.Total, lang))
	d.Section(lang.Pick("Arvestus", "How it was computed"))
	for i, s := range st.Why.Steps {
		c := s.Citation.Format(lang)
		if s.Version != "" {
			c += lang.Pick(", redaktsioon ", ", version ") + s.Version
		}
		d.Note(strconv.Itoa(i+1) + ". " + s.Rule + " (" + c + "): " + s.Finding(lang))
	}
	return d.Bytes()
}
