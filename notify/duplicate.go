package notify

import (
	"strings"

	"github.com/kutsekit/kutse/duplicate"
)

// duplicateNotices are the notices of duplicate, re-issue and exchange cases (SCH-12..24, CERT-07):
// to the applicant (by personal code) and to the organisations on the case's route (by code). The
// case's number is the last part of the event's subject ("duplicate/7").
var duplicateNotices = map[string]template{
	duplicate.EventOpened: {to: Person, rules: "SCH-16, SCH-20, CERT-07", write: func(f fields) (string, string) {
		n := f.ref()
		who := f.pick("Taotluse võtab vastu "+f.s("submit-to")+", otsustab "+f.s("decider")+".",
			"It is received by "+f.s("submit-to")+" and decided by "+f.s("decider")+".")
		if f.s("submit-to") == f.s("decider") {
			who = f.pick("Taotluse võtab vastu ja otsustab "+f.s("decider")+".", "It is received and decided by "+f.s("decider")+".")
		}
		return f.subject("on esitatud", "has been submitted"),
			f.pick("Teie taotlus nr "+n+" ("+f.procedure("procedure")+"; alus: "+f.ground()+") on esitatud. ",
				"Your request no. "+n+" ("+f.procedure("procedure")+"; ground: "+f.ground()+") has been submitted. ") + who + " " + f.cost()
	}},
	duplicate.EventForward: {to: Organisation, rules: "SCH-17", write: func(f fields) (string, string) {
		n := f.ref()
		return f.pick("Edastage duplikaadi taotlus nr "+n, "Forward duplicate request no. "+n),
			f.pick("Teile on esitatud taotlus nr "+n+" ("+f.procedure("procedure")+"; taotleja "+f.s("applicant")+"). Edastage see: "+f.s("to")+".",
				"Request no. "+n+" ("+f.procedure("procedure")+"; applicant "+f.s("applicant")+") has been submitted to you. Forward it to "+f.s("to")+".")
	}},
	duplicate.EventAssigned: {to: Organisation, rules: "SCH-16, SCH-17, SCH-19", write: func(f fields) (string, string) {
		n := f.ref()
		conf := ""
		if from := f.s("confirm-from"); from != "" {
			conf = f.pick(" Enne otsustamist taotlege kooli lõpetamise kohta teatis: "+from+".", " Before deciding, obtain a confirmation of graduation from "+from+".")
		}
		return f.subject("on teile otsustamiseks suunatud", "is assigned to you"),
			f.pick("Teile on otsustamiseks suunatud taotlus nr "+n+": "+f.procedure("procedure")+", taotleja "+f.s("applicant")+", alus: "+f.ground()+"."+conf,
				"Request no. "+n+" is assigned to you to decide: "+f.procedure("procedure")+", applicant "+f.s("applicant")+", ground: "+f.ground()+"."+conf)
	}},
	duplicate.EventReceived: {to: Person, rules: "SCH-19, SCH-14, CERT-07", write: func(f fields) (string, string) {
		n := f.ref()
		return f.subject("on vastu võetud", "has been received"),
			f.pick(f.s("decider")+" võttis teie taotluse nr "+n+" vastu "+f.date("received")+". Otsus tehakse hiljemalt "+f.date("decide-by")+".",
				f.s("decider")+" received your request no. "+n+" on "+f.date("received")+". The decision will be made by "+f.date("decide-by")+".")
	}},
	duplicate.EventConfirmationRequested: {to: Organisation, rules: "SCH-17", write: func(f fields) (string, string) {
		n := f.ref()
		year := f.s("year")
		if year == "0" {
			year = ""
		}
		return f.pick("Kooli lõpetamise teatise taotlus (duplikaadi taotlus nr "+n+")", "Confirmation of graduation requested (duplicate request no. "+n+")"),
			f.pick(f.s("by")+" palub teatist selle kohta, et "+f.s("graduate")+" on lõpetanud kooli "+f.s("school")+opt(year != "", " "+year+". aastal")+
				". Teatist on vaja duplikaadi väljaandmiseks (taotlus nr "+n+").",
				f.s("by")+" asks for a confirmation that "+f.s("graduate")+" graduated from "+f.s("school")+opt(year != "", " in "+year)+
					". It is needed to issue a duplicate (request no. "+n+").")
	}},
	duplicate.EventConfirmed: {to: Person, rules: "SCH-17", write: func(f fields) (string, string) {
		n := f.ref()
		src := f.s("from") + opt(f.s("reference") != "", ", "+f.s("reference"))
		return f.subject(": kooli lõpetamise teatis on saadud", ": the confirmation of graduation has been obtained"),
			f.pick("Teie taotluse nr "+n+" jaoks on saadud teatis kooli lõpetamise kohta ("+src+"). Nüüd saab duplikaadi väljaandmise otsustada.",
				"The confirmation of graduation for your request no. "+n+" has been obtained ("+src+"). The duplicate can now be decided.")
	}},
	duplicate.EventGranted: {to: Person, rules: "SCH-19, SCH-20, CERT-07", write: func(f fields) (string, string) {
		n, orig := f.ref(), f.s("original")
		et := f.s("decider") + " otsustas " + f.date("decided") + f.decision() + " teie taotluse nr " + n + " rahuldada: " + f.procedure("procedure") + "."
		en := f.s("decider") + " decided on " + f.date("decided") + f.decision() + " to grant your request no. " + n + ": " + f.procedure("procedure") + "."
		if m := f.s("mark"); m != "" {
			et, en = et+" Dokumendil on märge „"+m+"”.", en+" The document is marked “"+m+"”."
		}
		if f.s("invalidated") == "true" {
			et, en = et+" Algdokument nr "+orig+" on kehtetuks tunnistatud.", en+" The original no. "+orig+" has been declared invalid."
		} else {
			et, en = et+" Algdokument nr "+orig+" jääb kehtima.", en+" The original no. "+orig+" stays valid."
		}
		if a := f.s("amount"); a != "" && !zero(a) {
			et, en = et+" Tasuda tuleb "+f.num("amount")+" eurot.", en+" The fee is "+a+" euros."
		}
		return f.subject("on rahuldatud", "has been granted"), f.pick(et, en)
	}},
	duplicate.EventPublish: {to: Organisation, rules: "SCH-19, SCH-14", write: func(f fields) (string, string) {
		n := f.ref()
		cost := ""
		switch f.s("cost") {
		case duplicate.Issuer.String():
			cost = f.pick(" Avaldamise kulud kannab duplikaadi väljaandja.", " The issuer of the duplicate bears the cost.")
		case duplicate.Applicant.String():
			cost = f.pick(" Avaldamise kulud kannab taotleja.", " The applicant bears the cost.")
		}
		return f.pick("Avaldage teade väljaandes Ametlikud Teadaanded (duplikaadi taotlus nr "+n+")", "Publish a notice in Ametlikud Teadaanded (duplicate request no. "+n+")"),
			f.pick("Taotluse nr "+n+" algdokumendi kehtetuks tunnistamise teade tuleb avaldada väljaandes Ametlikud Teadaanded."+cost+" Teate tekst:\n\n"+f.s("text"),
				"The notice that the original of request no. "+n+" has been declared invalid must be published in Ametlikud Teadaanded."+cost+
					" The text of the notice, in Estonian:\n\n"+f.s("text"))
	}},
	duplicate.EventDestroy: {to: Organisation, rules: "SCH-18, SCH-14", write: func(f fields) (string, string) {
		n, orig := f.ref(), f.s("original")
		return f.pick("Algdokument nr "+orig+" hävitamiseks (duplikaadi taotlus nr "+n+")", "Original no. "+orig+" to be destroyed (duplicate request no. "+n+")"),
			f.pick("Taotlusele nr "+n+" lisatud algdokument nr "+orig+" tuleb pärast duplikaadi väljaandmist hävitada; hävitab "+f.s("to")+".",
				"The original no. "+orig+" attached to request no. "+n+" is to be destroyed after the duplicate is issued, by "+f.s("to")+".")
	}},
	duplicate.EventRefused: {to: Person, rules: "SCH-23, CERT-07", write: func(f fields) (string, string) {
		n := f.ref()
		ground := f.s("ground")
		for r := duplicate.FalseData; r.Valid(); r++ {
			if r.String() == ground {
				ground = r.Name(f.lang)
			}
		}
		return f.subject("jäeti rahuldamata", "has been refused"),
			f.pick(f.s("decider")+" otsustas "+f.date("decided")+f.decision()+" jätta teie taotluse nr "+n+" ("+f.procedure("procedure")+") rahuldamata. Alus: "+
				ground+". Põhjendus: "+f.s("reason")+".",
				f.s("decider")+" decided on "+f.date("decided")+f.decision()+" to refuse your request no. "+n+" ("+f.procedure("procedure")+"). Ground: "+
					ground+". Reasons: "+f.s("reason")+".")
	}},
	duplicate.EventCertified: {to: Person, rules: "SCH-22", write: func(f fields) (string, string) {
		return f.subject(": duplikaadi asemel on välja antud tõend", ": a certificate of graduation has been issued instead of a duplicate"),
			f.pick("Duplikaadi väljaandmiseks vajalikke andmeid ei ole säilinud, kuid kooli lõpetamine on tõendatud. Teile on välja antud tõend:\n\n"+f.s("text"),
				"The data a duplicate needs are no longer kept, but your graduation is established. A certificate of graduation has been issued to you; its text, in Estonian:\n\n"+f.s("text"))
	}},
	duplicate.EventNotified: {to: Person, rules: "SCH-23, SCH-14, CERT-07", write: func(f fields) (string, string) {
		n := f.ref()
		return f.pick("Otsus duplikaadi taotluse nr "+n+" kohta on teile teatavaks tehtud", "The decision on duplicate request no. "+n+" has been made known to you"),
			f.pick("Otsus teie taotluse nr "+n+" kohta tehti teile teatavaks "+f.date("notified")+".",
				"The decision on your request no. "+n+" was made known to you on "+f.date("notified")+".")
	}},
	duplicate.EventHandedOver: {to: Person, rules: "SCH-21, CERT-07", write: func(f fields) (string, string) {
		et := "Duplikaat anti " + f.date("on") + " allkirja vastu üle: " + f.s("to") + "."
		en := "The duplicate was handed over on " + f.date("on") + " against the signature of " + f.s("to") + "."
		if f.s("by-post") == "true" {
			et, en = "Duplikaat saadeti teile "+f.date("on")+" tähitud postiga.", "The duplicate was sent to you by registered mail on "+f.date("on")+"."
		}
		if r := f.s("register-entry"); r != "" {
			et, en = et+" Väljaandmine on registreeritud: "+r+".", en+" The issue is registered: "+r+"."
		}
		return f.subject(": duplikaat on üle antud", ": the duplicate has been handed over"),
			f.pick(et+" Duplikaadil on algdokumendiga võrdne juriidiline jõud.", en+" The duplicate has the same legal force as the original.")
	}},
}

// subject is a case's subject line: "Duplikaadi taotlus nr 7 " with et, "Duplicate request no. 7 "
// with en (no space before a colon).
func (f fields) subject(et, en string) string {
	sp := func(s string) string { return opt(!strings.HasPrefix(s, ":"), " ") + s }
	return f.pick("Duplikaadi taotlus nr "+f.ref()+sp(et), "Duplicate request no. "+f.ref()+sp(en))
}

// procedure names the procedure whose code is under key k.
func (f fields) procedure(k string) string {
	for p := duplicate.SchoolDuplicate; p.Valid(); p++ {
		if p.String() == f.s(k) {
			return p.Name(f.lang)
		}
	}
	return f.s(k)
}

// ground names the case's ground.
func (f fields) ground() string {
	g, err := duplicate.ParseGround(f.s("ground"))
	if err != nil {
		return f.s("ground")
	}
	return g.Name(f.lang)
}

// decision returns " (otsus nr …)" for a decision with a reference, else "".
func (f fields) decision() string {
	d := f.s("decision")
	return opt(d != "", f.pick(" (otsus nr "+d+")", " (decision no. "+d+")"))
}

// cost says who pays how much, from the amount and the payer.
func (f fields) cost() string {
	a := f.s("amount")
	switch {
	case f.s("payer") == duplicate.Issuer.String():
		return f.pick("Kulud kannab duplikaadi väljaandja: teie ei maksa midagi.", "The issuer of the duplicate bears the cost: you pay nothing.")
	case a == "" || zero(a):
		return f.pick("Tasu ei ole.", "There is no fee.")
	}
	return f.pick("Tasu on "+f.num("amount")+" eurot.", "The fee is "+a+" euros.")
}

// zero reports whether the decimal text a is zero ("0", "0.00").
func zero(a string) bool { return strings.Trim(a, "0.") == "" }
