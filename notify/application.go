package notify

import (
	"strconv"
	"strings"

	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/certificate"
)

// applicationNotices are the notices of applying for a qualification or re-certifying one (APP-07:
// each processing step to the party concerned): to the applicant (by personal code) and to the
// awarding body or the partner that received the application (by registry code). The application's
// number is the event's Data["application"]; its kind ("first", "recertification") words the
// notice. Each notice says what the recipient does next and by when, where the step sets a date.
var applicationNotices = map[string]template{
	application.EventSubmitted: {to: Person, rules: "APP-05, APP-06, APP-07", write: func(f fields) (string, string) {
		et := "Teie " + f.appl("taotlus") + " on esitatud" + f.instant("submitted") + "." + f.recertOf() + " "
		en := "Your " + f.appl("") + " was submitted" + f.instant("submitted") + "." + f.recertOf() + " "
		if f.partner() {
			et += "Taotluse võtab vastu ja menetleb kutse andja partner " + f.s("receiverName") + ", otsuse teeb kutse andja " + f.s("bodyName") + ". "
			en += "It is received and processed by " + f.s("receiverName") + ", a partner of the awarding body, and decided by the awarding body " + f.s("bodyName") + ". "
		} else {
			et += "Taotluse võtab vastu ja otsustab kutse andja " + f.s("bodyName") + ". "
			en += "It is received and decided by the awarding body " + f.s("bodyName") + ". "
		}
		return f.applSubject("taotlus", "on esitatud", "has been submitted"),
			f.pick(et+"Taotluse avaldus on koostatud ja lisatud taotluse kirjesse; taotlust näete kutseregistri iseteeninduses jaotises „Minu taotlused”. "+
				"Teile teatatakse, kui taotlus on menetlusse võetud.",
				en+"The application form has been generated into the application's record; you can see the application in the register's self-service under “My requests”. "+
					"You will be told when it is taken into processing.")
	}},
	application.EventArrived: {to: Organisation, rules: "APP-04, APP-07, APP-08", write: func(f fields) (string, string) {
		et := f.s("applicant") + " esitas" + f.instant("submitted") + " " + f.appl("taotluse") + "." + f.recertOf() + " "
		en := f.s("applicant") + " submitted " + f.appl("") + f.instant("submitted") + "." + f.recertOf() + " "
		if f.partner() {
			et += "Taotluse otsustab kutse andja " + f.s("bodyName") + "; teie menetlete seda kutse andja partnerina kuni hindamisele lubamiseni. "
			en += "It is decided by the awarding body " + f.s("bodyName") + "; as its partner you process it up to the admission to assessment. "
		}
		return f.pick("Uus "+f.applHead("taotlus")+opt(f.s("title") != "", ": "+f.s("title")), "New "+f.applHead("")+opt(f.s("title") != "", ": "+f.s("title"))),
			f.pick(et+"Taotlus, selle avaldus ja lisatud dokumendid on kutseregistri taotluskeskkonnas. Võtke taotlus menetlusse.",
				en+"The application, its form and the documents attached are in the register's application environment. Take the application into processing.")
	}},
	application.EventReceived: {to: Person, rules: "APP-07, APP-08", write: func(f fields) (string, string) {
		return f.applSubject("taotlus", "on menetlusse võetud", "has been taken into processing"),
			f.pick(f.org("by")+" võttis teie "+f.appl("taotluse")+" menetlusse"+f.day()+". Menetluse iga järgmise sammu kohta saate teate.",
				f.org("by")+" took your "+f.appl("")+" into processing"+f.day()+". You will be told of each further step.")
	}},
	application.EventIncomplete: {to: Person, rules: "APP-07, APP-08", write: func(f fields) (string, string) {
		note := opt(f.s("note") != "", f.pick("Märkus: ", "Note: ")+end(f.s("note"))+"\n\n")
		return f.applSubject("taotlust", "tuleb täiendada hiljemalt "+f.date("due"), "must be completed by "+f.date("due")),
			f.pick(f.org("by")+" palub teil täiendada "+f.appl("taotlust")+" hiljemalt "+f.date("due")+". Täiendada või parandada tuleb:\n\n"+items(f.s("missing"))+"\n\n"+note+
				"Lisage puuduvad dokumendid või parandage andmed kutseregistri iseteeninduses jaotises „Minu taotlused” ja kinnitage seal, et taotlus on täiendatud. "+
				"Taotluse menetlemine jätkub, kui olete selle täiendanud.",
				f.org("by")+" asks you to complete your "+f.appl("")+" by "+f.date("due")+". Missing or to be corrected:\n\n"+items(f.s("missing"))+"\n\n"+note+
					"Add the missing documents or correct the data in the register's self-service under “My requests”, and confirm there that the application is complete. "+
					"Its processing continues once you have completed it.")
	}},
	application.EventCompleted: {to: Organisation, rules: "APP-07, APP-08", write: func(f fields) (string, string) {
		due := f.s("due") != ""
		return f.applSubject("taotlus", "on täiendatud", "has been completed"),
			f.pick(f.s("applicant")+" täiendas "+f.appl("taotlust")+" "+f.date("completed")+opt(due, " (tähtaeg oli "+f.date("due")+")")+
				". Taotlus on taas menetluses: jätkake selle menetlemist kutseregistri taotluskeskkonnas.",
				f.s("applicant")+" completed "+f.appl("")+" on "+f.date("completed")+opt(due, " (the due date was "+f.date("due")+")")+
					". The application is in process again: continue processing it in the register's application environment.")
	}},
	application.EventAdmitted: {to: Person, rules: "APP-07, APP-08", write: func(f fields) (string, string) {
		et := f.org("by") + " vaatas teie " + f.appl("taotluse") + " dokumendid läbi ja lubas teid hindamisele" + f.day() + ". "
		en := f.org("by") + " has reviewed the documents of your " + f.appl("") + " and admitted you to assessment" + f.day() + ". "
		if f.s("examDate") != "" {
			et += "Hindamine (kutseeksam) toimub " + f.date("examDate") + ". "
			en += "The assessment (the qualification exam) is on " + f.date("examDate") + ". "
		}
		if n := f.s("note"); n != "" {
			et, en = et+"Märkus: "+end(n)+" ", en+"Note: "+end(n)+" "
		}
		return f.applSubject("taotlus", ": olete lubatud hindamisele", ": you are admitted to assessment"),
			f.pick(et+"Pärast hindamist teeb otsuse kutse andja "+f.s("bodyName")+".", en+"After the assessment the awarding body "+f.s("bodyName")+" decides.")
	}},
	application.EventReady: {to: Organisation, rules: "APP-04, APP-07, APP-08", write: func(f fields) (string, string) {
		exam := f.s("examDate") != ""
		return f.applSubject("taotlus", "ootab teie otsust", "awaits your decision"),
			f.pick("Teie partner "+f.org("by")+" vaatas "+f.appl("taotluse")+" dokumendid läbi ja lubas taotleja hindamisele"+f.day()+". Taotleja: "+f.s("applicant")+"."+
				opt(exam, " Hindamine (kutseeksam) toimub "+f.date("examDate")+".")+
				" Pärast hindamist teeb otsuse teie kutsekomisjon (kutseseadus § 18); otsus tehakse kutseregistri taotluskeskkonnas.",
				"Your partner "+f.org("by")+" has reviewed the documents of "+f.appl("")+" and admitted the applicant, "+f.s("applicant")+", to assessment"+f.day()+"."+
					opt(exam, " The assessment (the qualification exam) is on "+f.date("examDate")+".")+
					" After the assessment your qualification committee decides (Professions Act § 18), in the register's application environment.")
	}},
	application.EventAwarded: {to: Person, rules: "APP-07, APP-08, CERT-09", write: func(f fields) (string, string) {
		kind, _ := certificate.ParseKind(f.s("certificateKind"))
		q := f.pick("kutse", "qualification")
		if kind == certificate.Partial {
			q = f.pick("osakutse", "partial qualification")
		}
		title, n := f.s("title"), f.s("application")
		et := f.s("bodyName") + " otsustas " + f.date("decided") + " anda teile " + q + " „" + title + "”"
		en := f.s("bodyName") + " decided on " + f.date("decided") + " to award you the " + q + " “" + title + "”"
		subject := f.pick("Teile on antud "+q+" „"+title+"”", "You have been awarded the "+q+" “"+title+"”")
		if f.recert() {
			et = f.s("bodyName") + " otsustas " + f.date("decided") + " taastõendada teie kutse „" + title + "”"
			en = f.s("bodyName") + " decided on " + f.date("decided") + " to re-certify your qualification “" + title + "”"
			subject = f.pick("Teie kutse „"+title+"” on taastõendatud", "Your qualification “"+title+"” has been re-certified")
		}
		et += " (taotlus nr " + n + "). Otsus: " + end(f.s("reference"))
		en += " (application no. " + n + "). Decision: " + end(f.s("reference"))
		name := certificate.Occupational.Name(f.lang)
		if kind.Valid() {
			name = kind.Name(f.lang)
		}
		if of := f.s("recertifies"); of != "" {
			et += " Tunnistuse " + of + " taastõendamisel on teile välja antud uus " + name + " nr " + f.s("certificate")
			en += " On re-certifying certificate " + of + ", a new " + name + " no. " + f.s("certificate") + " has been issued to you"
		} else {
			et += " Teile on välja antud " + name + " nr " + f.s("certificate")
			en += " Your " + name + " no. " + f.s("certificate") + " has been issued"
		}
		if f.s("validUntil") != "" {
			et, en = et+", mis kehtib kuni "+f.date("validUntil")+".", en+", valid until "+f.date("validUntil")+"."
		} else {
			et, en = et+"; see on tähtajatu.", en+"; it does not expire."
		}
		return subject, f.pick(et+" Tunnistus on kantud kutseregistrisse; näete seda iseteeninduses jaotises „Minu tunnistused”.",
			en+" It is entered in the register; you can see it in the self-service under “My certificates”.")
	}},
	application.EventRefused: {to: Person, rules: "APP-07, APP-08, APP-09", write: func(f fields) (string, string) {
		return f.applSubject("taotlus", "jäeti rahuldamata", "has been refused"),
			f.pick(f.s("bodyName")+" otsustas "+f.date("decided")+" jätta teie "+f.appl("taotluse")+" rahuldamata. Otsus: "+end(f.s("reference"))+"\n\n"+
				f.reasons()+"\n\nÕiguslik alus: "+end(f.s("basis"))+"\n\n"+
				"Otsuse peale võite esitada kutse andjale vaide 30 päeva jooksul päevast, mil otsusest teada saite (haldusmenetluse seadus § 75); "+
				"kui saite sellest teada otsuse päeval, hiljemalt "+f.date("contestBy")+". Vaide saate esitada kutseregistri iseteeninduses jaotises „Minu taotlused”; "+
				"märkige vaides, miks te otsusega ei nõustu. Vaie lahendatakse 10 päeva jooksul selle esitamisest; seda tähtaega võidakse pikendada kuni 30 päeva võrra "+
				"(haldusmenetluse seadus § 84).",
				f.s("bodyName")+" decided on "+f.date("decided")+" to refuse your "+f.appl("")+". Decision: "+end(f.s("reference"))+"\n\n"+
					f.reasons()+"\n\nLegal basis: "+end(f.s("basis"))+"\n\n"+
					"You may contest the decision (vaie) with the awarding body within 30 days of the day you learned of it (Administrative Procedure Act § 75): "+
					"if you learned of it on the day of the decision, by "+f.date("contestBy")+". You can file it in the register's self-service under “My requests”; "+
					"say in it why you disagree with the decision. The contest is decided within 10 days of its filing, a period that may be extended by up to 30 days "+
					"(Administrative Procedure Act § 84).")
	}},
	application.EventWithdrawn: {to: Organisation, rules: "APP-07, APP-08", write: func(f fields) (string, string) {
		r := f.s("reason")
		return f.applSubject("taotlus", "on tagasi võetud", "has been withdrawn"),
			f.pick(f.s("applicant")+" võttis "+f.appl("taotluse")+" tagasi"+f.day()+"."+opt(r != "", " Põhjus: "+end(r))+" Taotlust ei menetleta edasi.",
				f.s("applicant")+" withdrew "+f.appl("")+f.day()+"."+opt(r != "", " Reason: "+end(r))+" The application is not processed further.")
	}},
	application.EventContested: {to: Organisation, rules: "APP-07, APP-09", write: func(f fields) (string, string) {
		ref := f.s("reference") != ""
		return f.pick(sentence(f.applHead("taotluse"))+" otsuse peale on esitatud vaie", "A contest of the decision on "+f.applHead("")+" has been filed"),
			f.pick(f.s("applicant")+" esitas "+f.date("filed")+" vaide otsuse peale, millega jätsite "+f.appl("taotluse")+" rahuldamata."+
				opt(ref, " Vaidlustatud otsus: "+end(f.s("reference")))+" Vaide põhjendus:\n\n"+f.s("grounds")+"\n\n"+
				"Vaie tuleb lahendada hiljemalt "+f.date("due")+" (haldusmenetluse seadus § 84: 10 päeva jooksul vaide esitamisest). "+
				"Kui vaide lahendamiseks on vaja rohkem aega, võite tähtaega pikendada kokku kuni 30 päeva võrra, teatades vaide esitajale pikendamise põhjuse. "+
				"Vaide lahendate kutseregistri taotluskeskkonnas.",
				"On "+f.date("filed")+" "+f.s("applicant")+" filed a contest (vaie) against your decision refusing "+f.appl("")+"."+
					opt(ref, " The decision contested: "+end(f.s("reference")))+" The grounds of the contest, in the applicant's words:\n\n"+f.s("grounds")+"\n\n"+
					"The contest must be decided by "+f.date("due")+" (Administrative Procedure Act § 84: within 10 days of its filing). "+
					"If you need more time to decide it, you may extend the period by up to 30 days in all, telling the applicant why. "+
					"You decide the contest in the register's application environment.")
	}},
	application.EventContestExtended: {to: Person, rules: "APP-07, APP-09", write: func(f fields) (string, string) {
		days := f.s("extended")
		return f.applSubject("taotlus", ": vaide lahendamise tähtaega on pikendatud", ": the period for deciding your contest has been extended"),
			f.pick(f.s("bodyName")+" pikendas teie vaide lahendamise tähtaega "+days+" päeva võrra. Põhjus: "+end(f.s("reason"))+
				" Teie vaie "+f.appl("taotluse")+" rahuldamata jätmise otsuse peale lahendatakse hiljemalt "+f.date("due")+" (haldusmenetluse seadus § 84).",
				f.s("bodyName")+" has extended the period for deciding your contest by "+plural(days)+". Reason: "+end(f.s("reason"))+
					" Your contest of the decision refusing "+f.appl("")+" will be decided by "+f.date("due")+" (Administrative Procedure Act § 84).")
	}},
	application.EventContestDecided: {to: Person, rules: "APP-07, APP-09", write: func(f fields) (string, string) {
		head := f.s("bodyName") + " otsustas " + f.date("decided")
		headEn := f.s("bodyName") + " decided on " + f.date("decided")
		ref := f.pick(" Otsus: ", " Decision: ") + end(f.s("reference")) + "\n\n" + f.reasons() + "\n\n"
		if f.s("outcome") == application.OutcomeUpheld.String() {
			return f.applSubject("taotlus", ": teie vaie on rahuldatud", ": your contest has been upheld"),
				f.pick(head+" teie vaide rahuldada."+ref+sentence(f.appl("taotluse"))+" rahuldamata jätmise otsus on tühistatud ja taotlus on uuesti menetluses. "+
					"Selle kohta tehakse uus otsus, millest saate teate.",
					headEn+" to uphold your contest."+ref+"The decision refusing your "+f.appl("")+" is annulled, and the application is in process again. "+
						"A new decision will be made on it, and you will be told of it.")
		}
		return f.applSubject("taotlus", ": teie vaie jäeti rahuldamata", ": your contest has been dismissed"),
			f.pick(head+" jätta teie vaide rahuldamata."+ref+sentence(f.appl("taotluse"))+" rahuldamata jätmise otsus jääb kehtima. "+
				"Kui te vaideotsusega ei nõustu, võite pöörduda halduskohtusse (haldusmenetluse seadus § 87).",
				headEn+" to dismiss your contest."+ref+"The decision refusing your "+f.appl("")+" stands. "+
					"If you disagree with the decision on the contest, you may turn to the administrative court (Administrative Procedure Act § 87).")
	}},
}

// recert reports whether the application is for re-certification.
func (f fields) recert() bool { return f.s("kind") == application.Recertification.String() }

// partner reports whether a partner of the awarding body, not the body, received the application.
func (f fields) partner() bool { return f.s("receiver") != "" && f.s("receiver") != f.s("body") }

// applNo names the application by its number, with the Estonian noun in the case given ("taotlus",
// "taotluse", "taotlust"): "taastõendamise taotluse nr 12" for a re-certification; in English
// "application no. 12" or "re-certification application no. 12" whatever the case.
func (f fields) applNo(et string) string {
	n := f.s("application")
	if f.recert() {
		return f.pick("taastõendamise "+et+" nr "+n, "re-certification application no. "+n)
	}
	return f.pick(et+" nr "+n, "application no. "+n)
}

// applHead is applNo with "kutse" before a first application's noun in Estonian ("kutse taotluse nr
// 12"), for a line that names the application on its own.
func (f fields) applHead(et string) string {
	return f.pick(opt(!f.recert(), "kutse "), "") + f.applNo(et)
}

// recertOf names the certificate re-certified, after a space, or "".
func (f fields) recertOf() string {
	of := f.s("recertifies")
	return opt(of != "", f.pick(" Taastõendatav tunnistus: "+of+".", " The certificate to re-certify: "+of+"."))
}

// appl is applNo with the qualification applied for: "taotluse nr 12 (Keevitaja, tase 4)".
func (f fields) appl(et string) string {
	return f.applNo(et) + opt(f.s("title") != "", " ("+f.s("title")+")")
}

// applSubject is an application's subject line: "Kutse taotlus nr 12 " with et ("Taastõendamise
// taotlus nr 12 " for a re-certification), "Application no. 12 " with en; no space before a colon.
func (f fields) applSubject(noun, et, en string) string {
	sp := func(s string) string { return opt(!strings.HasPrefix(s, ":"), " ") + s }
	return f.pick(sentence(f.applHead(noun))+sp(et), sentence(f.applHead(""))+sp(en))
}

// org names the organisation whose registry code is under key k: the awarding body or the receiver
// by the names the event carries, else the code as it is.
func (f fields) org(k string) string {
	switch code := f.s(k); code {
	case f.s("body"):
		return f.s("bodyName")
	case f.s("receiver"):
		return f.s("receiverName")
	default:
		return code
	}
}

// reasons lists the reasons of a decision (one per line in Data["reasons"]): "Põhjus: …" for one,
// "Põhjused:" and a list for more.
func (f fields) reasons() string {
	rs := f.s("reasons")
	if !strings.Contains(rs, "\n") {
		return f.pick("Põhjus: ", "Reason: ") + end(rs)
	}
	return f.pick("Põhjused:", "Reasons:") + "\n\n" + items(rs)
}

// items returns the lines of s as a list, one "– item" a line.
func items(s string) string {
	ls := strings.Split(s, "\n")
	for i, l := range ls {
		ls[i] = "– " + strings.TrimSpace(l)
	}
	return strings.Join(ls, "\n")
}

// plural is n days in English: "1 day", "3 days".
func plural(n string) string {
	if v, err := strconv.Atoi(n); err == nil && v == 1 {
		return n + " day"
	}
	return n + " days"
}
