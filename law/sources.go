package law

// The register's published terms that several packages cite where no act carries a rule: the
// occupational qualifications register's self-service (the owner's certificates, requests, the
// digital stamp, the duplicate order after a change of name), its application environment (the
// awarding bodies that have joined it, applying there) and its exam management (vocational schools'
// qualification exams with the awarding bodies). Kutsekoda, the register's keeper, publishes
// them on www.kutseregister.ee. They are functions, not variables, so that no package can change what
// another cites.

// SelfService returns the citation of the register's self-service terms: "Kutseregistri
// iseteenindus (Kutsekoda)".
func SelfService() Citation { return Citation{Act: "Kutseregistri iseteenindus (Kutsekoda)"} }

// ApplicationEnvironment returns the citation of the register's application environment:
// "Kutseregistri kutsetaotluskeskkond (Kutsekoda)".
func ApplicationEnvironment() Citation {
	return Citation{Act: "Kutseregistri kutsetaotluskeskkond (Kutsekoda)"}
}

// ExamManagement returns the citation of the register's exam management, where vocational schools
// and awarding bodies run the qualification exams of the schools' learners: "Kutseregistri
// eksamihaldus (Kutsekoda)".
func ExamManagement() Citation { return Citation{Act: "Kutseregistri eksamihaldus (Kutsekoda)"} }
