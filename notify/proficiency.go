package notify

import (
	"strings"

	"github.com/kutsekit/kutse/exam/proficiency"
)

// proficiencyNotices are the notices of the Estonian language proficiency exams (LNG): to the person
// (by personal code) and to the exam centre that organises the session (by registry code). A
// registration's number is the last part of the event's subject ("proficiency/12").
var proficiencyNotices = map[string]template{
	proficiency.EventSessionCreated: {to: Organisation, rules: "LNG-01, LNG-11", write: func(f fields) (string, string) {
		id := f.s("session")
		return f.pick("Eksamisessioon "+id+" on loodud", "Exam session "+id+" has been created"),
			f.pick("Eksamisessioon "+id+" on salvestatud: "+f.exam("")+" "+f.date("date")+f.at()+".",
				"Exam session "+id+" is stored: "+f.exam("")+" on "+f.date("date")+f.at()+".")
	}},
	proficiency.EventRegistered: {to: Person, rules: "LNG-05, LNG-09, LNG-10", write: func(f fields) (string, string) {
		et := "Olete registreeritud " + f.exam("le") + ", mis toimub " + f.date("date") + f.centre() + ". Teade eksami toimumise aja ja koha kohta saadetakse teile hiljemalt " + f.date("notice_due") + "."
		en := "You are registered for " + f.exam("") + " on " + f.date("date") + f.centre() + ". The notice of the exam's time and place will be sent to you by " + f.date("notice_due") + "."
		if parts := f.skills(); parts != "" {
			et, en = et+" Sooritate osad: "+parts+".", en+" You take the parts: "+parts+"."
		}
		return f.pick("Olete registreeritud "+f.exam("le"), "You are registered for "+f.exam("")), f.pick(et, en)
	}},
	proficiency.EventCancelled: {to: Person, rules: "LNG-07, LNG-08", write: func(f fields) (string, string) {
		return f.pick("Eksamile registreerimine on tühistatud", "Your exam registration has been cancelled"),
			f.pick("Teie registreerimine "+f.date("date")+" toimuvale "+f.exam("le")+" on tühistatud. ", "Your registration for "+f.exam("")+" on "+f.date("date")+" has been cancelled. ") + f.wait()
	}},
	proficiency.EventSpecialNeedsRequested: {to: Organisation, rules: "LNG-06", write: func(f fields) (string, string) {
		n := f.s("registration")
		return f.pick("Eritingimuste taotlus: registreering nr "+n, "Request for special conditions: registration no. "+n),
			f.pick("Registreeringu nr "+n+" ("+f.exam("")+" "+f.date("date")+") kohta on esitatud taotlus sooritada eksam teistsuguses mahus või viisil, koos eriarsti tõendiga. "+
				"Taotluse otsustab eksamikeskuse ekspertkomisjon.",
				"A request to sit the exam in another scope or manner, with a specialist's statement, has been made for registration no. "+n+" ("+f.exam("")+" on "+f.date("date")+"). "+
					"The exam centre's expert committee decides it.")
	}},
	proficiency.EventSpecialNeedsDecided: {to: Person, rules: "LNG-06", write: func(f fields) (string, string) {
		var got []string
		if m := f.s("extra_minutes"); m != "" {
			got = append(got, f.pick("lisaaeg "+m+" minutit", "extra time of "+m+" minutes"))
		}
		if f.s("other_time_place") == "true" {
			got = append(got, f.pick("eksam teisel ajal ja teises kohas", "the exam at another time and place"))
		}
		if t := f.s("tasks"); t != "" {
			got = append(got, f.pick("vabastus ülesannetest: "+t, "exemption from the tasks: "+t))
		}
		ref := opt(f.s("decision") != "", f.pick(" (otsus nr "+f.s("decision")+")", " (decision no. "+f.s("decision")+")"))
		et := "Ekspertkomisjon on teie eritingimuste taotluse otsustanud" + ref + ". "
		en := "The expert committee has decided your request for special conditions" + ref + ". "
		if len(got) == 0 {
			et, en = et+"Eritingimusi ei antud.", en+"No special conditions were granted."
		} else {
			et += "Teil on " + f.date("date") + " toimuval " + f.exam("l") + ": " + strings.Join(got, "; ") + "."
			en += "At " + f.exam("") + " on " + f.date("date") + " you have: " + strings.Join(got, "; ") + "."
		}
		return f.pick("Eritingimuste taotlus on otsustatud", "Your request for special conditions has been decided"), f.pick(et, en)
	}},
	proficiency.EventNotice: {to: Person, rules: "LNG-10, LNG-11, LNG-14, LNG-18", write: func(f fields) (string, string) {
		et := sentence(f.exam("")) + " toimub " + f.date("date") + f.at() + f.centre() + ". Võtke kaasa kehtiv isikut tõendav dokument."
		en := sentence(f.exam("")) + " takes place on " + f.date("date") + f.at() + f.centre() + ". Bring a valid identity document."
		if f.s("result_by") != "" {
			et += " Tulemuse saate teada hiljemalt " + f.date("result_by") + "."
			en += " You will have your result by " + f.date("result_by") + "."
		}
		return f.pick(sentence(f.exam(""))+" toimub "+f.date("date"), sentence(f.exam(""))+" takes place on "+f.date("date")), f.pick(et, en)
	}},
	proficiency.EventAbsent: {to: Person, rules: "LNG-08", write: func(f fields) (string, string) {
		et := "Te ei osalenud " + f.date("date") + " toimunud " + f.exam("l") + "."
		en := "You did not attend " + f.exam("") + " on " + f.date("date") + "."
		if f.s("explain_by") != "" {
			et += " Kui puudusite mõjuval põhjusel, esitage eksamikeskusele selgitus koos tõendiga hiljemalt " + f.date("explain_by") + "."
			en += " If you were absent for a good reason, send the exam centre your explanation with evidence by " + f.date("explain_by") + "."
		}
		return f.pick("Te ei osalenud eksamil "+f.date("date"), "You did not attend the exam on "+f.date("date")), f.pick(et+" ", en+" ") + f.wait()
	}},
	proficiency.EventExplanation: {to: Person, rules: "LNG-08", write: func(f fields) (string, string) {
		et, en := "Eksamikeskus ei lugenud teie puudumist "+f.date("date")+" toimunud "+f.exam("lt")+" mõjuvaks. ",
			"The exam centre did not accept your absence from "+f.exam("")+" on "+f.date("date")+" as being for a good reason. "
		if f.s("accepted") == "true" {
			et, en = "Eksamikeskus luges teie puudumise "+f.date("date")+" toimunud "+f.exam("lt")+" mõjuvaks. ",
				"The exam centre accepted your absence from "+f.exam("")+" on "+f.date("date")+" as being for a good reason. "
		}
		return f.pick("Puudumise selgitus on läbi vaadatud", "Your explanation of the absence has been considered"), f.pick(et, en) + f.wait()
	}},
	proficiency.EventGraded: {to: Person, rules: "LNG-16, LNG-18", write: func(f fields) (string, string) {
		et := "Teie " + f.date("date") + " toimunud " + f.exam("") + "i tulemus on " + f.num("total") + " punkti " + f.num("max") + "-st (" + f.num("percent") + "%)."
		en := "Your result in " + f.exam("") + " on " + f.date("date") + " is " + f.s("total") + " points out of " + f.s("max") + " (" + f.s("percent") + "%)."
		if f.s("passed") == "true" {
			et += " Eksam on sooritatud. Tunnistuse väljaandmisest saate eraldi teate."
			en += " You have passed. You will be told separately when the certificate is issued."
		} else {
			et += " Eksam ei ole sooritatud."
			en += " You have not passed."
		}
		return f.pick(sentence(f.exam(""))+"i tulemus", "Your result in "+f.exam("")), f.pick(et, en)
	}},
	proficiency.EventCertificate: {to: Person, rules: "LNG-18", write: func(f fields) (string, string) {
		no, lvl := f.s("certificate"), f.s("level")
		et := "Teile on välja antud " + f.date("date") + " toimunud " + f.exam("") + "i tunnistus nr " + no + "."
		en := "Your certificate no. " + no + " of " + f.exam("") + " on " + f.date("date") + " has been issued."
		if f.s("delivery") == proficiency.InWrite.String() {
			et += " Kuna teil ei ole Eesti isikukoodi, antakse tunnistus teile kirjalikku taasesitamist võimaldavas vormis."
			en += " As you have no Estonian personal code, it is given to you in a form that can be reproduced in writing."
		} else {
			et += " Tunnistus on kättesaadav riigiportaalis eesti.ee."
			en += " It is available in the state portal eesti.ee."
		}
		return f.pick("Eesti keele "+lvl+"-taseme tunnistus nr "+no, "Your Estonian language "+lvl+" level certificate no. "+no), f.pick(et, en)
	}},
}

// exam names the registration's exam, "eesti keele B1-taseme eksam", with the Estonian case ending
// suffix ("le": eksamile, "l": eksamil, "lt": eksamilt; "" the nominative). In English it is "the
// Estonian language B1 level exam" whatever the suffix.
func (f fields) exam(suffix string) string {
	return f.pick("eesti keele "+f.s("level")+"-taseme eksam"+opt(suffix != "", "i"+suffix), "the Estonian language "+f.s("level")+" level exam")
}

// at returns " kell 10:00" / " at 10:00" for a starting time, else "".
func (f fields) at() string {
	return opt(f.s("start") != "", f.pick(" kell ", " at ")+f.s("start"))
}

// centre returns " (eksamikeskus: Tallinn)" for a chosen exam centre, else "".
func (f fields) centre() string {
	return opt(f.s("centre") != "", f.pick(" (eksamikeskus: ", " (exam centre: ")+f.s("centre")+")")
}

// skills lists the parts the person takes when they are not all four (LNG-21), else "".
func (f fields) skills() string {
	codes := strings.Split(f.s("skills"), ",")
	if f.s("skills") == "" || len(codes) == proficiency.NumSkills {
		return ""
	}
	var names []string
	for _, c := range codes {
		for _, k := range proficiency.Skills {
			if k.String() == c {
				names = append(names, k.Name(f.lang))
			}
		}
	}
	return list(f.lang, names)
}

// wait says from when the person may sit the exam again (LNG-08).
func (f fields) wait() string {
	if f.s("wait_from") == "" {
		return f.pick("Järgmisele eksamile võite registreeruda kohe.", "You may register for the next exam at once.")
	}
	return f.pick("Uuesti saate eksamit sooritada alates "+f.date("wait_from")+".", "You may sit the exam again from "+f.date("wait_from")+".")
}
