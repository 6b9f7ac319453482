package application

import (
	"strconv"
	"strings"
	"time"

	"github.com/kutsekit/kutse/store"
)

// The kinds of event the service raises (APP-07: "automaatsed teavitused menetlemise käigust
// vastava osapoole e-mailile"): one per processing step, each to the party concerned. An event to
// the applicant has the applicant's personal code as its Recipient; one to an organisation (the
// awarding body, or the partner that received the application) its registry code; Data["to"]
// (store.RecipientKey) says which, store.ToPerson or store.ToOrganisation. Its Subject is the
// application's ([Subject]: "application/<id>").
//
// Every event's Data has "application" (the id), "kind" ("first" or "recertification"), "title"
// (the qualification applied for), "standard", "body" and "bodyName" (the awarding body),
// "receiver" and "receiverName" (who received the application: the body or its partner),
// "recertifies" (for a re-certification, the number of the certificate re-certified), "to", and
// "email" where the recipient's address is known: the applicant's from the flow's first step, an
// organisation's from the body's settings (Settings.Email, Partner.Email). An event to an
// organisation also has "applicant" (the applicant's name). The kinds below add what their notice
// (package notify) needs; dates are ISO dates, "submitted" an RFC 3339 instant; "by" is the registry
// code of the organisation that took the step:
//
//	kind                          to            when                                          Data added
//	application.submitted         applicant     the application was submitted                 submitted, form (the form's SHA-256)
//	application.arrived           receiver      an application arrived for processing         submitted
//	application.received          applicant     the receiver took it into processing          by
//	application.incomplete        applicant     asked to complete it by a due date            by, missing (one per line), note, due
//	application.completed         receiver      the applicant completed it                    completed, due (the one asked)
//	application.admitted          applicant     admitted to assessment                        by, examDate, note
//	application.ready             awarding body a partner admitted it: ready for the decision by (the partner), examDate
//	application.awarded           applicant     the qualification was awarded                 certificate, certificateKind, validUntil, reference, decided
//	application.refused           applicant     refused, with reasons and how to contest      reasons (one per line), basis, reference, decided, contestBy
//	application.withdrawn         receiver      the applicant withdrew it                     reason
//	application.contested         awarding body a contest of the refusal was filed            grounds, filed, due, reference (the refusal's)
//	application.contest-extended  applicant     the contest's period was extended             extended (days), reason, due
//	application.contest-decided   applicant     the contest was decided                       outcome ("upheld", "dismissed"), reasons, reference, decided
//
// Keys whose value is empty (no note, no exam date, no end of validity) are left out. An award also
// raises the certificate's own certificate.issued to the holder (CERT-09).
const (
	EventSubmitted       = "application.submitted"
	EventArrived         = "application.arrived"
	EventReceived        = "application.received"
	EventIncomplete      = "application.incomplete"
	EventCompleted       = "application.completed"
	EventAdmitted        = "application.admitted"
	EventReady           = "application.ready"
	EventAwarded         = "application.awarded"
	EventRefused         = "application.refused"
	EventWithdrawn       = "application.withdrawn"
	EventContested       = "application.contested"
	EventContestExtended = "application.contest-extended"
	EventContestDecided  = "application.contest-decided"
)

// base returns the Data every event of a carries.
func base(a *Application, to string) map[string]string {
	d := map[string]string{
		"application": strconv.FormatInt(a.ID, 10), "kind": a.Kind.String(), "title": a.Title(),
		"standard": a.StandardName, "body": a.Body, "bodyName": a.BodyName, "receiver": a.Receiver, "receiverName": a.ReceiverName,
		store.RecipientKey: to,
	}
	if a.Certificate != "" {
		d["recertifies"] = string(a.Certificate)
	}
	return d
}

// toApplicant returns an event of kind to the applicant, with the pairs of extra added to its Data.
func toApplicant(kind string, a *Application, at time.Time, extra ...string) store.Event {
	return event(kind, a.Applicant.Code.String(), store.ToPerson, a.Applicant.Email, a, at, extra)
}

// toOrg returns an event of kind to the organisation with registry code org: the awarding body of
// settings s or one of its partners. It names the applicant.
func toOrg(kind, org string, s *Settings, a *Application, at time.Time, extra ...string) store.Event {
	email := ""
	if org == s.Body {
		email = s.Email
	} else if p, ok := s.Partner(org); ok {
		email = p.Email
	}
	return event(kind, org, store.ToOrganisation, email, a, at, append([]string{"applicant", a.Applicant.Name}, extra...))
}

func event(kind, rcpt, to, email string, a *Application, at time.Time, extra []string) store.Event {
	d := base(a, to)
	if email != "" {
		d["email"] = email
	}
	for i := 0; i+1 < len(extra); i += 2 {
		if extra[i+1] != "" || extra[i] == "certificate" {
			d[extra[i]] = extra[i+1]
		}
	}
	return store.Event{Kind: kind, Subject: a.Subject(), Recipient: rcpt, At: at, Data: d}
}

// lines joins texts one per line, for an event's Data.
func lines(ss []string) string { return strings.Join(ss, "\n") }
