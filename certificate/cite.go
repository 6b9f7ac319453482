package certificate

import "github.com/kutsekit/kutse/law"

// The provisions the package cites. Riigi Teataja references are given where the research in
// ../shared/research has them; otherwise the act's name stands in.
var (
	// reg74 is HTM määrus 19.12.2008 nr 74 "Kutsetunnistuse statuut ja vorm" (2016 wording).
	reg74 = law.Citation{Act: "Kutsetunnistuse statuut ja vorm (HTM määrus nr 74)", RT: "RTL 2009, 2, 32"}
	// kuts is the Kutseseadus (2008).
	kuts = law.Citation{Act: "Kutseseadus", RT: "RT I 2008, 24, 156"}
	// hms is the Haldusmenetluse seadus (Administrative Procedure Act).
	hms = law.Citation{Act: "Haldusmenetluse seadus", RT: "RT I 2001, 58, 354"}
	// vv113 is VV määrus 13.08.2010 nr 113 on leaving certificates, grade sheets and state-exam
	// certificates (seed 002).
	vv113 = law.Citation{Act: "VV määrus nr 113 (lõputunnistuse, hinnetelehe ja riigieksamitunnistuse statuut)", RT: "RT I 2010, 58, 391"}
	// selfService is the register's self-service as presented on 07.05.2026 (seed 000).
	selfService = law.Citation{Act: "Kutseregistri iseteenindus (000, 07.05.2026)"}
)
