package notify

import "github.com/kutsekit/kutse/certificate/request"

// requestNotices carry the owner's question about a certificate to the awarding body that issued it,
// and the answer back to the owner (CERT-08, APP-07). The request's number is the event's subject.
var requestNotices = map[string]template{
	request.EventAsked: {to: Organisation, rules: "CERT-08, CERT-10", write: func(f fields) (string, string) {
		no, holder := f.s("certificate"), f.s("holder")
		return f.pick("Küsimus tunnistuse "+no+" kohta", "A question about certificate "+no),
			f.pick("Tunnistuse "+f.cert()+" omanik"+opt(holder != "", " "+holder)+" esitas"+f.day()+" teile kui tunnistuse välja andnud kutse andjale küsimuse (taotlus nr "+f.ref()+"):\n\n"+
				f.s("question")+"\n\nVastake küsimusele kutseregistris; vastus saadetakse tunnistuse omanikule.",
				"The holder of certificate "+f.cert()+opt(holder != "", ", "+holder+",")+" asked you, the awarding body that issued it, a question"+f.day()+
					" (request no. "+f.ref()+"):\n\n"+f.s("question")+"\n\nAnswer it in the register; the answer is sent to the holder.")
	}},
	request.EventAnswered: {to: Person, rules: "CERT-08, CERT-09, CERT-10", write: func(f fields) (string, string) {
		no, by := f.s("certificate"), f.s("byName")
		et := "Teie küsimusele tunnistuse " + f.cert() + " kohta on vastatud" + f.day() + " (taotlus nr " + f.ref() + ")."
		en := "Your question about certificate " + f.cert() + " has been answered" + f.day() + " (request no. " + f.ref() + ")."
		if by != "" {
			et = by + " vastas" + f.day() + " teie küsimusele tunnistuse " + f.cert() + " kohta (taotlus nr " + f.ref() + ")."
			en = by + " answered your question about certificate " + f.cert() + f.day() + " (request no. " + f.ref() + ")."
		}
		return f.pick("Vastus teie küsimusele tunnistuse "+no+" kohta", "An answer to your question about certificate "+no),
			f.pick(et+"\n\nTeie küsimus:\n\n"+f.s("question")+"\n\nVastus:\n\n"+f.s("answer")+
				"\n\nKüsimus ja vastus on kutseregistri iseteeninduses jaotises „Minu taotlused”; uue küsimuse saate esitada tunnistuse juurest jaotises „Minu tunnistused”.",
				en+"\n\nYour question:\n\n"+f.s("question")+"\n\nThe answer:\n\n"+f.s("answer")+
					"\n\nThe question and the answer are in the register's self-service under “My requests”; you can ask another question from the certificate under “My certificates”.")
	}},
}

// cert is the certificate the request is about with its title: "204580 (Sõiduautodiagnostik, tase 5)".
func (f fields) cert() string {
	return f.s("certificate") + opt(f.s("title") != "", " ("+f.s("title")+")")
}
