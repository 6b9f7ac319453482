package certificate

import (
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
)

// The provisions the package cites. Riigi Teataja references are given where the research in
// ../shared/research has them; otherwise the act's name stands in.
var (
	// reg74 is HTM määrus 19.12.2008 nr 74 "Kutsetunnistuse statuut ja vorm" (2016 wording).
	reg74 = law.Citation{Act: "Kutsetunnistuse statuut ja vorm (HTM määrus nr 74)", RT: "RTL 2009, 2, 32"}
	// kuts is the Kutseseadus (2008).
	kuts = law.Citation{Act: "Kutseseadus", RT: "RT I 2008, 24, 156"}
	// hms is the Haldusmenetluse seadus (Administrative Procedure Act).
	hms = law.Citation{Act: "Haldusmenetluse seadus", RT: "RT I 2001, 58, 354"}
	// reg113 is VV määrus 13.08.2010 nr 113 on leaving certificates, grade sheets and state-exam
	// certificates (seed 002), whose versions package vv113 holds.
	reg113 = vv113.Cite("", "", "")
	// ldk is VV määrus 18.09.2013 nr 137 on vocational schools' leaving documents
	// (research/kutseseadus.md § 0, § 8: § 2 (4), a qualification entered on the leaving certificate).
	ldk = law.Citation{Act: "Kutseõppeasutuse lõpudokumentide vormid, statuut ja väljaandmise kord (VV määrus nr 137)"}
	// reg73 is the minister's regulation 30.11.2007 nr 73 on the proficiency exams (seed 004), as in
	// force until 30.06.2011.
	reg73 = law.Citation{Act: "Haridus- ja teadusministri määrus nr 73", RT: "RTL 2007, 94, 1563"}
	// examCentrePage is the exam centre's page on the proficiency exams (seed 003), which states the
	// rules from 01.07.2011: the results in the state portal within 30 days.
	examCentrePage = law.Citation{Act: "SA Innove, „Eesti keele tasemeeksamid: registreerumine” (innove.ee)"}
)

// proficiencyCitation returns where the proficiency certificate issued on issued is provided for
// (LNG-18): regulation nr 73 § 7 (6) before 01.07.2011, the exam centre's page from then.
func proficiencyCitation(issued calendar.Date) law.Citation {
	if !issued.IsZero() && issued.Before(calendar.MustDate(2011, 7, 1)) {
		return reg73.At("7", "6", "")
	}
	return examCentrePage
}
