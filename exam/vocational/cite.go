package vocational

import "github.com/kutsekit/kutse/law"

// The provisions and documents the package cites. Riigi Teataja references are given where the
// research in ../shared/research has them; otherwise the act's name stands in.
var (
	// eksamihaldus is the register's exam management for vocational schools and awarding bodies as
	// presented on 07.05.2026 (seed 000, slides 1 and 5; phase III, starting 2027).
	eksamihaldus = law.ExamManagement()
	// kuts is the Kutseseadus (2008): § 10 (1) the awarding body's right, § 17^2 the exam costs of
	// vocational students, § 18 the qualification committee, § 19 the assessment committee.
	kuts = law.Citation{Act: "Kutseseadus", RT: "RT I 2008, 24, 156"}
	// reg48 is the regulation of the ceilings of the exam costs (research/kutseseadus.md § 7).
	reg48 = law.Citation{Act: "Kutseõppe tasemeõppe õpilaste kutseeksami kulude ülemmäärad (HTM määrus 11.07.2016 nr 48)"}
	// reg74 is the certificate statute: § 6, the certificate is signed by the qualification
	// committee's chair.
	reg74 = law.Citation{Act: "Kutsetunnistuse statuut ja vorm (HTM määrus nr 74)", RT: "RTL 2009, 2, 32"}
	// krpm is the register's statute: § 11 (2), the awarding body enters a certificate's data in
	// the register within 10 working days of the decision.
	krpm = law.Citation{Act: "Kutseregistri põhimäärus", RT: "RT I, 29.07.2016, 15"}
	// eurRounding is Council Regulation (EC) No 1103/97, Article 5: euro amounts are rounded to the
	// nearest cent, a half rounded up.
	eurRounding = law.Citation{Act: "Nõukogu määrus (EÜ) nr 1103/97, artikkel 5"}
)
