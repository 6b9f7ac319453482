package application

import "github.com/kutsekit/kutse/law"

// The provisions the package cites. Riigi Teataja references are given where the research in
// ../shared/research has them; otherwise the act's name stands in.
var (
	// selfService is the register's application environment, phase II of its renewal
	// "Töömaailma kutsetaotluskeskkond" (in use since 01.2026; seed 000, slides 3–5).
	selfService = law.ApplicationEnvironment()
	// hms is the Haldusmenetluse seadus (Administrative Procedure Act), which applies to the
	// procedures of the Kutseseadus (KutS 2008 § 1 (3); research/kutseseadus.md § 5).
	hms = law.Citation{Act: "Haldusmenetluse seadus", RT: "RT I 2001, 58, 354"}
	// kuts is the Kutseseadus (2008).
	kuts = law.Citation{Act: "Kutseseadus", RT: "RT I 2008, 24, 156"}
	// reg74 is HTM määrus 19.12.2008 nr 74 "Kutsetunnistuse statuut ja vorm" (2016 wording).
	reg74 = law.Citation{Act: "Kutsetunnistuse statuut ja vorm (HTM määrus nr 74)", RT: "RTL 2009, 2, 32"}
	// krpm is VV määrus 28.05.2009 nr 79 "Kutseregistri põhimäärus" (in force from 01.08.2016).
	krpm = law.Citation{Act: "Kutseregistri põhimäärus (VV määrus nr 79)"}
)

// The rule IDs of RULES.md the package implements.
const (
	RuleConditions = "APP-02" // the conditions of applying and re-certifying, from the standard
	RuleJoined     = "APP-03" // apply here only where the awarding body has joined; else go to its address
	RulePartner    = "APP-04" // a partner the body authorised receives applications
	RuleFlow       = "APP-05" // the guided flow from draft to submission, pre-filled
	RuleForm       = "APP-06" // the application form generated on submission
	RuleNotice     = "APP-07" // each processing step notifies the party concerned
	RuleProcess    = "APP-08" // the awarding body processes and decides
	RuleContest    = "APP-09" // the contest: 30 days to file, 10 to decide, up to 30 more
)
