package vocational

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// The kinds of event the service raises, one for every step. Each goes to an organisation: its
// Recipient is the registry code of the school or of the awarding body, as written after the kind;
// the certificates issued at signing also raise certificate.EventIssued to each holder (CERT-09).
//
// Every event's Subject is the exam's ([Subject]: "vocational/<id>"). Its Data has "exam" (the
// exam's ID; not in EventCreated, raised before the store gives the ID: take it from the Subject),
// "school", "body", "qualification" and "curriculum" (the EHIS code), and what the kind adds: "reason" (returned, cancelled, withdrawn), "by" ("school"
// or "body") and "proposal" (its number) and "sittings" (proposed, accepted, declined), "material"
// (shared), "candidate" (withdrawn), "count" (results, certificates), "numbers" (the certificate
// numbers, comma-separated), "protocol" (its number), "total", "state" and "invoiced" (euros, two
// decimals with a point).
const (
	EventCreated    = "vocational.created"    // to the school: the exam was created (EXV-01)
	EventChanged    = "vocational.changed"    // to the school: the draft was changed
	EventRegistered = "vocational.registered" // to the school: registered, certificates assembled (EXV-03, EXV-08)
	EventSent       = "vocational.sent"       // to the body: an exam was sent to it (EXV-03)
	EventReturned   = "vocational.returned"   // to the school: the body returned it for correction
	EventAccepted   = "vocational.accepted"   // to the school: the body took it up (EXV-04)
	EventCancelled  = "vocational.cancelled"  // to the other side: the exam was cancelled
	EventProposed   = "vocational.proposed"   // to the other side: times and places proposed (EXV-02)
	EventAgreed     = "vocational.agreed"     // to the proposer: the proposal was accepted (EXV-02)
	EventDeclined   = "vocational.declined"   // to the proposer: the proposal was declined (EXV-02)
	EventMaterial   = "vocational.material"   // to the other side: a material was shared or removed (EXV-02)
	EventWithdrawn  = "vocational.withdrawn"  // to the body: the school withdrew a candidate
	EventCommittee  = "vocational.committee"  // to the school: the assessment committee was formed (EXV-04)
	EventResults    = "vocational.results"    // to the school: results were entered (EXV-04, EXV-07)
	EventAssessed   = "vocational.assessed"   // to the school: the assessment protocol is closed (EXV-04, EXV-07)
	EventDecided    = "vocational.decided"    // to the school: the committee protocol was drawn up (EXV-05, EXV-07)
	EventSigned     = "vocational.signed"     // to the school: the committee protocol was signed (EXV-05, EXV-07)
	// EventEntered is the notice to the school that the certificates issued to those who passed are
	// entered in the register (EXV-07: "saad teavituse oma e-mailile, kui kutseeksami positiivselt
	// sooritanutele väljastatud kutset on kutseregistrisse kantud").
	EventEntered = "vocational.entered"
	// EventCompensation is the compensation statement (EXV-06), to the school (it pays through the
	// state budget or is invoiced), with the body's copy as a second event.
	EventCompensation = "vocational.compensation"
)

// event returns an event of kind about exam e to the organisation rcpt, with the common data. For an
// exam not yet stored (ID 0: the created event) the subject is left for the store to fill in and the
// data has no "exam".
func event(kind string, e *Exam, rcpt string, at time.Time, data map[string]string) store.Event {
	d := map[string]string{"school": e.School.Code, "body": e.Body.Code,
		"qualification": e.Qualification.Name, "curriculum": e.Curriculum.Code}
	subject := ""
	if e.ID != 0 {
		d["exam"], subject = strconv.FormatInt(e.ID, 10), e.Subject()
	}
	for k, v := range data {
		d[k] = v
	}
	return store.Event{Kind: kind, Subject: subject, Recipient: rcpt, At: at, Data: d}
}

// examOf returns the exam's ID an event is about, from its data or its subject.
func examOf(e store.Event) string {
	if id := e.Data["exam"]; id != "" {
		return id
	}
	return strings.TrimPrefix(e.Subject, "vocational/")
}

// Notice renders an event of the package in lang (GEN-05, EXV-07) as a one-line subject and a plain
// text, for a host's or package notify's messages to the school or the awarding body. ok is false for
// an event of another kind.
func Notice(e store.Event, lang law.Lang) (subject, body string, ok bool) {
	d := e.Data
	exam := lang.Pick("Kutseeksam ", "Qualification exam ") + examOf(e) + " (" + d["qualification"] + lang.Pick(", õppekava ", ", curriculum ") + d["curriculum"] + ")"
	var s, b string
	switch e.Kind {
	case EventCreated:
		s, b = lang.Pick("Kutseeksam on loodud", "Qualification exam created"), lang.Pick("on loodud.", "has been created.")
	case EventChanged:
		s, b = lang.Pick("Kutseeksami kavandit muudeti", "Qualification exam draft changed"), lang.Pick("kavandit muudeti.", "draft was changed.")
	case EventRegistered:
		s, b = lang.Pick("Kutseeksam on registreeritud", "Qualification exam registered"),
			lang.Pick("on registreeritud; sooritajate kutsetunnistused on komplekteeritud.", "has been registered; the candidates' certificates are assembled.")
	case EventSent:
		s, b = lang.Pick("Kool saatis kutseeksami", "A school sent a qualification exam"),
			lang.Pick("saadeti kutse andjale menetlemiseks.", "was sent to the awarding body to process.")
	case EventReturned:
		s, b = lang.Pick("Kutse andja tagastas kutseeksami", "The awarding body returned a qualification exam"),
			lang.Pick("tagastati koolile parandamiseks. Põhjus: ", "was returned to the school for correction. Reason: ")+d["reason"]+"."
	case EventAccepted:
		s, b = lang.Pick("Kutse andja võttis kutseeksami menetlusse", "The awarding body is processing the exam"),
			lang.Pick("on kutse andja menetluses.", "is being processed by the awarding body.")
	case EventCancelled:
		s, b = lang.Pick("Kutseeksam on tühistatud", "Qualification exam cancelled"), lang.Pick("on tühistatud. Põhjus: ", "was cancelled. Reason: ")+d["reason"]+"."
	case EventProposed:
		s, b = lang.Pick("Uus ettepanek eksami aegade ja kohtade kohta", "New proposal of the exam's times and places"),
			lang.Pick(": "+side(d["by"], lang)+" teeb ettepaneku nr "+d["proposal"]+": ", ": "+side(d["by"], lang)+" makes proposal no. "+d["proposal"]+": ")+sittingsIn(d["sittings"], lang)+"."
	case EventAgreed:
		s, b = lang.Pick("Eksami ajad ja kohad on kokku lepitud", "The exam's times and places are agreed"),
			lang.Pick(": ettepanek nr "+d["proposal"]+" on vastu võetud: ", ": proposal no. "+d["proposal"]+" was accepted: ")+sittingsIn(d["sittings"], lang)+"."
	case EventDeclined:
		s, b = lang.Pick("Ettepanekust eksami aegade ja kohtade kohta keelduti", "A proposal of the exam's times and places was declined"),
			lang.Pick(": ettepanekust nr "+d["proposal"]+" keelduti.", ": proposal no. "+d["proposal"]+" was declined.")
		if r := d["reason"]; r != "" {
			b += lang.Pick(" Põhjus: ", " Reason: ") + strings.TrimSuffix(r, ".") + "."
		}
	case EventMaterial:
		s, b = lang.Pick("Kutseeksami materjalid", "Qualification exam materials"), lang.Pick(": materjal ", ": material ")+d["material"]+"."
	case EventWithdrawn:
		s, b = lang.Pick("Sooritaja võeti eksamilt maha", "A candidate was withdrawn"),
			lang.Pick(": sooritaja "+d["candidate"]+" võeti maha. Põhjus: ", ": candidate "+d["candidate"]+" was withdrawn. Reason: ")+d["reason"]+"."
	case EventCommittee:
		s, b = lang.Pick("Hindamiskomisjon on moodustatud", "The assessment committee is formed"), lang.Pick(": hindamiskomisjon on moodustatud.", ": the assessment committee is formed.")
	case EventResults:
		s, b = lang.Pick("Eksamitulemused on sisestatud", "Exam results entered"),
			lang.Pick(": sisestati "+d["count"]+" sooritaja tulemused.", ": the results of "+d["count"]+" candidates were entered.")
	case EventAssessed:
		s, b = lang.Pick("Hindamisprotokoll on valmis", "The assessment protocol is complete"),
			lang.Pick(": hindamisprotokoll on valmis ja kooli jaoks nähtav.", ": the assessment protocol is complete and open to the school.")
	case EventDecided:
		s, b = lang.Pick("Kutsekomisjoni protokoll on koostatud", "The qualification committee protocol is drawn up"),
			lang.Pick(": kutsekomisjoni protokoll nr "+d["protocol"]+" ootab allkirjastamist.", ": the qualification committee's protocol no. "+d["protocol"]+" awaits signature.")
	case EventSigned:
		s, b = lang.Pick("Kutsekomisjoni protokoll on allkirjastatud", "The qualification committee protocol is signed"),
			lang.Pick(": kutsekomisjoni protokoll nr "+d["protocol"]+" on allkirjastatud.", ": the qualification committee's protocol no. "+d["protocol"]+" is signed.")
	case EventEntered:
		s = lang.Pick("Kutsetunnistused on kantud kutseregistrisse", "The certificates are entered in the register")
		b = lang.Pick(": kutseeksami positiivselt sooritanutele väljastati "+d["count"]+" kutsetunnistust, mis on kantud kutseregistrisse: ",
			": "+d["count"]+" certificates were issued to those who passed and are entered in the register: ") + numbersOrNone(d["numbers"], lang) + "."
	case EventCompensation:
		s = lang.Pick("Kutseeksami kulude hüvitamine", "Compensation of the exam's costs")
		et := func(k string) string { return strings.Replace(d[k], ".", ",", 1) } // the Estonian decimal comma
		b = lang.Pick(": kulud kokku "+et("total")+" eurot, sellest riigieelarvest kooli kaudu "+et("state")+" eurot ja arve koolile "+et("invoiced")+" eurot.",
			": costs EUR "+d["total"]+" in all, of which EUR "+d["state"]+" from the state budget through the school and EUR "+d["invoiced"]+" invoiced to the school.")
	default:
		return "", "", false
	}
	if strings.HasPrefix(b, ":") {
		return s, exam + b, true
	}
	return s, exam + " " + b, true
}

// sittingRE is a sitting as Sitting.String writes it in an event's data: "2027-05-20 09:00, <place>
// (theory)".
var sittingRE = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2}) (\S+), (.*) \(([a-z]+)\)$`)

// sittingsIn writes the sittings of an event's data ("; "-separated, as Sitting.String writes each)
// the way a notice does (GEN-02): "20.05.2027 09:00 teoreetiline: <place>", in English "20 May 2027
// 09:00 theoretical: <place>". A sitting not of that form is left as it is.
func sittingsIn(data string, lang law.Lang) string {
	parts := strings.Split(data, "; ")
	for i, p := range parts {
		m := sittingRE.FindStringSubmatch(p)
		if m == nil {
			continue
		}
		d, err := calendar.ParseDate(m[1])
		t, terr := ParseExamType(m[4])
		if err != nil || terr != nil {
			continue
		}
		parts[i] = lang.Pick(d.Register(), d.LongEn()) + " " + m[2] + " " + t.Name(lang) + ": " + m[3]
	}
	return strings.Join(parts, "; ")
}

func side(s string, lang law.Lang) string {
	if s == "body" {
		return BodySide.Name(lang)
	}
	return SchoolSide.Name(lang)
}

func numbersOrNone(s string, lang law.Lang) string {
	if s == "" {
		return lang.Pick("puuduvad", "none")
	}
	return strings.ReplaceAll(s, ",", ", ")
}
