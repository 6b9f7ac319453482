package notify

import "github.com/kutsekit/kutse/exam/vocational"

// vocationalNotices are the notices of a vocational qualification exam (EXV), each to an organisation
// (the school or the awarding body, by registry code): package exam/vocational writes their text
// ([vocational.Notice]), so that a host without package notify sends the same words.
var vocationalNotices = func() map[string]template {
	out := map[string]template{}
	for kind, rules := range map[string]string{
		vocational.EventCreated: "EXV-01, EXV-07", vocational.EventChanged: "EXV-01, EXV-07",
		vocational.EventRegistered: "EXV-03, EXV-08", vocational.EventSent: "EXV-03",
		vocational.EventReturned: "EXV-03", vocational.EventAccepted: "EXV-04",
		vocational.EventCancelled: "EXV-03", vocational.EventProposed: "EXV-02",
		vocational.EventAgreed: "EXV-02", vocational.EventDeclined: "EXV-02",
		vocational.EventMaterial: "EXV-02", vocational.EventWithdrawn: "EXV-03",
		vocational.EventCommittee: "EXV-04", vocational.EventResults: "EXV-04, EXV-07",
		vocational.EventAssessed: "EXV-04, EXV-07", vocational.EventDecided: "EXV-05, EXV-07",
		vocational.EventSigned: "EXV-05, EXV-07", vocational.EventEntered: "EXV-07",
		vocational.EventCompensation: "EXV-06",
	} {
		out[kind] = template{to: Organisation, rules: rules, write: func(f fields) (string, string) {
			s, b, _ := vocational.Notice(*f.e, f.lang)
			return s, b
		}}
	}
	return out
}()
