package notify

import (
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/stamp"
)

// certificateNotices are the register's notices to a certificate's owner (CERT-09; research/
// domain-rules.md § 3.6: certificate issued, duplicate issued, expires within six months, declared
// invalid) and the receipts of the owner's own changes.
var certificateNotices = map[string]template{
	certificate.EventIssued: {to: Person, rules: "CERT-09", write: func(f fields) (string, string) {
		no, what := f.e.Subject, f.what()
		kind, _ := certificate.ParseKind(f.s("kind"))
		register := kind == 0 || kind.Register()
		dupEt, dupEn := "", ""
		if of := f.s("duplicate-of"); of != "" {
			dupEt, dupEn = ", dokumendi nr "+of+" duplikaat", ", a duplicate of no. "+of+","
			if register {
				dupEt, dupEn = ", tunnistuse "+of+" duplikaat", ", a duplicate of certificate "+of+","
			}
		}
		if register {
			return f.pick("Kutseregistrisse on kantud tunnistus "+no, "Certificate "+no+" has been entered in the register"),
				f.pick("Teile on välja antud tunnistus "+what+dupEt+". Näete seda kutseregistri iseteeninduses jaotises „Minu tunnistused”.",
					"Certificate "+what+dupEn+" has been issued to you. You can see it in the register's self-service under “My certificates”.")
		}
		name := kind.Name(f.lang)
		return f.pick(sentence(name)+" nr "+no+" on välja antud", "Your "+name+" no. "+no+" has been issued"),
			f.pick("Teile on välja antud "+name+" nr "+what+dupEt+".", "Your "+name+" no. "+what+dupEn+" has been issued.")
	}},
	certificate.EventHidden: {to: Person, rules: "CERT-04, CERT-09", write: func(f fields) (string, string) {
		no := f.e.Subject
		return f.pick("Tunnistus "+no+" on peidetud", "Certificate "+no+" is now hidden"),
			f.pick("Peitsite tunnistuse "+f.what()+": see ei ole enam avalikus otsingus nähtav. Iseteeninduses jaotises „Minu tunnistused” näete seda endiselt.",
				"You hid certificate "+f.what()+": it no longer appears in the public search. You still see it in the self-service under “My certificates”.")
	}},
	certificate.EventPublished: {to: Person, rules: "CERT-04, CERT-09", write: func(f fields) (string, string) {
		no := f.e.Subject
		return f.pick("Tunnistus "+no+" on avalikustatud", "Certificate "+no+" is now public"),
			f.pick("Avalikustasite tunnistuse "+f.what()+": see on kutseregistri avalikus otsingus nähtav.",
				"You published certificate "+f.what()+": it appears in the register's public search.")
	}},
	certificate.EventInvalidated: {to: Person, rules: "CERT-11, CERT-09", write: func(f fields) (string, string) {
		no := f.e.Subject
		return f.pick("Tunnistus "+no+" on kehtetuks tunnistatud", "Certificate "+no+" has been declared invalid"),
			f.pick("Tunnistus "+f.what()+" on kehtetuks tunnistatud alates "+f.date("from")+". Põhjus: "+f.s("reason")+". Otsus: "+f.s("decision")+".",
				"Certificate "+f.what()+" has been declared invalid from "+f.date("from")+". Reason: "+f.s("reason")+". Decision: "+f.s("decision")+".")
	}},
	certificate.EventExpiring: {to: Person, rules: "CERT-09", write: func(f fields) (string, string) {
		no := f.e.Subject
		return f.pick("Tunnistuse "+no+" kehtivus lõpeb peagi", "Certificate "+no+" expires soon"),
			f.pick("Tunnistus "+f.what()+" kehtib kuni "+f.date("until")+". Kutse säilitamiseks taotlege taastõendamist.",
				"Certificate "+f.what()+" is valid until "+f.date("until")+". To keep the qualification, apply for re-certification.")
	}},
	certificate.EventDeathRecorded: {to: Organisation, rules: "CERT-12", write: func(f fields) (string, string) {
		no := f.e.Subject
		return f.pick("Tunnistuse "+no+" omaniku isikuandmete säilitamine", "Retention of the personal data of certificate "+no+"'s holder"),
			f.pick("Kutseregistrisse on kantud tunnistuse "+f.what()+" omaniku surm. Tema isikuandmeid säilitatakse kutseregistris kuni "+f.date("kept-until")+
				" (kutseregistri põhimäärus § 18: kolm aastat pärast isiku surma); seejärel need kustutatakse.",
				"The death of the holder of certificate "+f.what()+" has been entered in the register. The register keeps their personal data until "+
					f.date("kept-until")+" (the register's statute § 18: three years after the person's death); then they are erased.")
	}},
	certificate.EventPersonalDataErased: {to: Organisation, rules: "CERT-12", write: func(f fields) (string, string) {
		no := f.e.Subject
		return f.pick("Tunnistuse "+no+" omaniku isikuandmed on kustutatud", "The personal data of certificate "+no+"'s holder have been erased"),
			f.pick("Tunnistuse "+f.what()+" omaniku isikuandmed on kutseregistrist kustutatud "+f.date("on")+", kuna nende säilitamise tähtaeg lõppes "+f.date("kept-until")+
				" (kutseregistri põhimäärus § 18). Tunnistuse kanne jääb registrisse isikustamata kujul.",
				"The personal data of the holder of certificate "+f.what()+" were erased from the register on "+f.date("on")+", as their retention ended on "+
					f.date("kept-until")+" (the register's statute § 18). The certificate's entry stays in the register without personal data.")
	}},
}

// what is the certificate's number with its title: "204580 (Sõiduautodiagnostik, tase 5)".
func (f fields) what() string {
	no := f.e.Subject
	if no == "" {
		no = f.s("certificate")
	}
	if t := f.s("title"); t != "" {
		return no + " (" + t + ")"
	}
	return no
}

// stampNotices are the outcomes of the owner's request for a digital stamp (CERT-06), raised with
// the request (CERT-10), whose number is the event's subject.
var stampNotices = map[string]template{
	stamp.EventStamped: {to: Person, rules: "CERT-06, CERT-09, CERT-10", write: func(f fields) (string, string) {
		no := f.s("certificate")
		return f.pick("Tunnistuse "+no+" digitempel on valmis", "The digital stamp of certificate "+no+" is ready"),
			f.pick("Teie taotlus "+f.ref()+" „Digitempel” on täidetud: tunnistuse "+no+" dokumendid Tunnistus.pdf, Certificate.pdf ja "+
				"Deklaratsioon.pdf on ühes e-templiga kinnitatud konteineris. Saate selle alla laadida kutseregistri iseteeninduses jaotises „Minu taotlused”.",
				"Your request "+f.ref()+" “Digital stamp” is done: the documents of certificate "+no+", Tunnistus.pdf, Certificate.pdf and "+
					"Deklaratsioon.pdf, are in one e-sealed container. You can download it in the register's self-service under “My requests”.")
	}},
	stamp.EventRefused: {to: Person, rules: "CERT-06, CERT-09, CERT-10", write: func(f fields) (string, string) {
		no := f.s("certificate")
		why := f.pick(f.s("note"), "the certificate is not valid")
		if st := status(f.s("status")); st != 0 {
			why = f.pick("tunnistus ei ole "+f.date("on")+" kehtiv ("+st.Name(f.lang)+")",
				"the certificate is not valid on "+f.date("on")+" ("+st.Name(f.lang)+")")
		}
		return f.pick("Digitemplist keelduti: tunnistus "+no, "Digital stamp refused: certificate "+no),
			f.pick("Teie taotlust "+f.ref()+" „Digitempel” ei saa täita: digitempel antakse ainult kehtivale tunnistusele, "+why+".",
				"Your request "+f.ref()+" “Digital stamp” cannot be done: a digital stamp is given only to a valid certificate, and "+why+".")
	}},
}

// status returns the certificate status whose code is s, or 0.
func status(s string) certificate.Status {
	for st := certificate.NotYetValid; st <= certificate.Replaced; st++ {
		if st.String() == s {
			return st
		}
	}
	return 0
}
