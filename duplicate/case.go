package duplicate

import (
	"context"
	"strconv"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/deadline"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
	"github.com/kutsekit/kutse/store"
)

// Status is where a case stands.
type Status uint8

// The statuses of a case.
const (
	Submitted Status = iota + 1 // submitted; not yet received by whoever decides (it is being forwarded)
	Received                    // received by whoever decides: the decision period runs
	Granted                     // granted and the duplicate issued; waiting to be handed over
	Refused                     // refused
	Certified                   // a certificate of graduation (tõend) was issued instead (SCH-22)
	Done                        // the duplicate was handed over (SCH-21), or an electronic one issued
)

var statusNames = [...]struct{ code, et, en string }{
	Submitted: {"submitted", "esitatud", "submitted"},
	Received:  {"received", "menetluses", "received"},
	Granted:   {"granted", "duplikaat välja antud, üleandmata", "granted, not yet handed over"},
	Refused:   {"refused", "keeldutud", "refused"},
	Certified: {"certified", "väljastatud tõend", "certificate of graduation issued"},
	Done:      {"done", "lõpetatud", "done"},
}

// Valid reports whether s is one of the statuses.
func (s Status) Valid() bool { return s >= Submitted && s <= Done }

// String returns the status's code, e.g. "received".
func (s Status) String() string {
	if !s.Valid() {
		return "status(" + strconv.Itoa(int(s)) + ")"
	}
	return statusNames[s].code
}

// Name returns the status in lang.
func (s Status) Name(lang law.Lang) string {
	if !s.Valid() {
		return s.String()
	}
	return lang.Pick(statusNames[s].et, statusNames[s].en)
}

// Open reports whether the case still needs something done: submitted, received or granted.
func (s Status) Open() bool { return s == Submitted || s == Received || s == Granted }

// Confirmation is the confirmation of graduation (teatis) the deciding school's director obtains
// from the local government or the archive for a closed school's document (SCH-17: § 17 (4)).
type Confirmation struct {
	From      string        // who gave it: the archive or the local government
	Reference string        // its reference
	On        calendar.Date // the day it was received
}

// IsZero reports whether no confirmation is recorded.
func (c Confirmation) IsZero() bool { return c == Confirmation{} }

// HandOver records how the duplicate reached the applicant (SCH-21: § 18 (5); Reg74 § 10).
type HandOver struct {
	On            calendar.Date
	To            string // the name of who signed for it
	Authorised    bool   // the receiver acted on the applicant's written authorisation (§ 9 (3))
	ByPost        bool   // sent by registered mail at the recipient's cost (Reg74 § 10), not handed over
	RegisterEntry string // the entry of the duplicate in the pupils' register (Õpilasraamat), § 18 (5)
}

// IsZero reports whether nothing is recorded.
func (h HandOver) IsZero() bool { return h == HandOver{} }

// Case is one request for a duplicate, a re-issue or an exchange, and everything decided on it.
// The store allocates ID (increasing) and keeps Version for optimistic concurrency: 1 when the case
// is created, one more with every change.
type Case struct {
	ID        int64
	Procedure Procedure
	Status    Status
	Request   Request
	Route     Route
	// SubmittedAt is when the request was opened (an instant); Request.Date is its day.
	SubmittedAt time.Time
	// ReceivedOn is the day whoever decides received the request: the decision period runs from it.
	ReceivedOn   calendar.Date
	Confirmation Confirmation
	// DecidedOn, Decision: the day of the decision and its reference (the written decision, § 18 (1)).
	DecidedOn calendar.Date
	Decision  string
	// Refusal and RefusalReason: the ground and the reason of a refusal.
	Refusal       RefusalGround
	RefusalReason string
	// NotifiedOn is the day the decision was made known to the applicant.
	NotifiedOn calendar.Date
	Cost       Cost
	// Duplicate is the number of the duplicate (or new certificate) issued.
	Duplicate  certificate.Number
	HandOver   HandOver
	Graduation GraduationCertificate // the certificate of graduation, when one was issued instead (SCH-22)
	Version    int64
}

// Clone returns a deep copy of c: stores use it to copy records in and out.
func (c Case) Clone() Case {
	c.Request = c.Request.Clone()
	c.Route = c.Route.Clone()
	return c
}

// CaseSubject returns the outbox subject of case id: "duplicate/12".
func CaseSubject(id int64) string { return "duplicate/" + strconv.FormatInt(id, 10) }

// Subject returns the outbox subject of c.
func (c Case) Subject() string { return CaseSubject(c.ID) }

// IsApplicant reports whether code is the applicant's personal code, the one on the original or
// the new one.
func (c Case) IsApplicant(code isikukood.Code) bool {
	return !code.IsZero() && (c.Request.Applicant.Code == code || c.Request.NewCode == code)
}

// CaseQuery selects cases.
type CaseQuery struct {
	// Party, when not empty, selects the cases whose route names the organisation with this code:
	// the original's issuer, where it was submitted, who forwards, who decides, who confirms.
	Party string
	// Applicant, when not zero, selects the cases of the applicant with this personal code (the one
	// on the original or the new one).
	Applicant isikukood.Code
	// Open selects the cases that still need something done ([Status.Open]).
	Open bool
	// AfterID returns only cases with a greater ID (keyset paging).
	AfterID int64
	// Limit is the most to return; 0 means 100. Stores cap it at 1000.
	Limit int
}

// EffectiveLimit returns the limit a store applies: 100 for 0, at most 1000.
func (q CaseQuery) EffectiveLimit() int {
	switch {
	case q.Limit <= 0:
		return 100
	case q.Limit > 1000:
		return 1000
	}
	return q.Limit
}

// Matches reports whether c is selected by q (ignoring the limit): the rule every store applies.
func (q CaseQuery) Matches(c *Case) bool {
	if c.ID <= q.AfterID || (q.Open && !c.Status.Open()) || (!q.Applicant.IsZero() && !c.IsApplicant(q.Applicant)) {
		return false
	}
	if q.Party == "" {
		return true
	}
	for _, p := range c.Route.Parties() {
		if p == q.Party {
			return true
		}
	}
	return false
}

// Store is the storage package duplicate consumes. Hosts implement it (or use memstore or
// pgstore); storetest.Run checks an implementation. Every method is safe for concurrent use; records
// are copied in and out. A change and its events are committed together or not at all; an event
// with an empty Subject gets the case's subject ([CaseSubject]), or in IssueDuplicate the
// duplicate's number.
type Store interface {
	// Certificate returns the certificate numbered no, or an error wrapping store.ErrNotFound.
	Certificate(ctx context.Context, no certificate.Number) (certificate.Certificate, error)

	// CreateCase stores c as a new case with the next ID and Version 1, with its events, and returns
	// it. A Duplicate already named by another case is an error wrapping store.ErrExists, and
	// nothing is stored.
	CreateCase(ctx context.Context, c Case, events []store.Event) (Case, error)

	// Case returns the case with the ID, or an error wrapping store.ErrNotFound.
	Case(ctx context.Context, id int64) (Case, error)

	// UpdateCase stores c if the stored Version equals c.Version, with its events, and returns it
	// with Version+1. Otherwise it returns an error wrapping store.ErrNotFound (no such case) or
	// store.ErrConflict (stale version), or store.ErrExists (a Duplicate another case names), and
	// stores nothing.
	UpdateCase(ctx context.Context, c Case, events []store.Event) (Case, error)

	// Cases returns the cases q selects, ordered by ID, at most q.EffectiveLimit(). None is not an
	// error.
	Cases(ctx context.Context, q CaseQuery) ([]Case, error)

	// IssueDuplicate issues a duplicate in one commit: see [Issue].
	IssueDuplicate(ctx context.Context, in Issue) (Issued, error)
}

// Issue is what [Store.IssueDuplicate] takes: the case as decided, the original as it now stands and
// the new duplicate, written together or not at all.
//
//   - Case is stored as given if the stored case's Version equals Case.Version, and returned with
//     Version+1; a stale version is store.ErrConflict, a missing case store.ErrNotFound.
//   - Original is stored as given (typically with Replaced set) if its stored Version equals
//     Original.Version, and returned with Version+1; a stale version is store.ErrConflict, a missing
//     one store.ErrNotFound, a changed kind or holder's code certificate.ErrInvalid.
//   - Duplicate is stored as a new certificate with Version 1. When its Number is empty the store
//     allocates the next number of Series (as certificate.Store.IssueCertificate does: never the
//     same twice, no gap); a number already taken is store.ErrExists.
//   - The store links the three: Duplicate.DuplicateOf = Original.Number, Case.Duplicate = the
//     duplicate's number and, when Original.Replaced.Date is set, Original.Replaced.By = the
//     duplicate's number.
//   - Events go into the outbox in the same commit; an event with an empty Subject gets the
//     duplicate's number.
//
// On any error nothing is written: not the case, not the original, not the duplicate, not an event,
// and no number is used up.
type Issue struct {
	Case      Case
	Original  certificate.Certificate
	Duplicate certificate.Certificate
	Series    certificate.Series
	Events    []store.Event
}

// Issued is what [Store.IssueDuplicate] returns: the three records as stored.
type Issued struct {
	Case      Case
	Original  certificate.Certificate
	Duplicate certificate.Certificate
}

// Tracked is one deadline of a case and where it stands on a date.
type Tracked struct {
	What     string            // "decision" or "notice"
	Rule     string            // the rule that sets it, e.g. "SCH-19"
	Deadline deadline.Deadline // the period and its due date, with the explanation
	Done     calendar.Date     // the day the act was done; zero when not yet
	State    deadline.State    // met, due, pending or missed on the date asked
	Step     law.Step          // why it stands so
}

// Track returns the deadlines of c on day asOf, each with whether it is met, due, pending or missed
// (GEN-03, deadline.Check): the decision from the day whoever decides received the request (SCH-19,
// SCH-14, CERT-07), and the notice of the decision from the day of the decision where a rule sets one
// (SCH-23, SCH-14, CERT-07). A deadline whose period has not started (not yet received, not yet
// decided) is not listed. The periods of regulation nr 113 are those of its version in force on the
// day each period starts (st; nil: vv113.Default).
func Track(st vv113.Statute, c Case, asOf calendar.Date) ([]Tracked, error) {
	var out []Tracked
	if !c.ReceivedOn.IsZero() {
		dl, err := DecisionDeadline(st, c.Procedure, c.ReceivedOn)
		if err != nil {
			return nil, err
		}
		st, step := dl.Check(c.DecidedOn, asOf)
		out = append(out, Tracked{What: "decision", Rule: dl.Explanation.Steps[0].Rule, Deadline: dl, Done: c.DecidedOn, State: st, Step: step})
	}
	if !c.DecidedOn.IsZero() {
		dl, ok, err := NoticeDeadline(st, c.Procedure, c.Status == Refused, c.DecidedOn)
		if err != nil {
			return nil, err
		}
		if ok {
			st, step := dl.Check(c.NotifiedOn, asOf)
			out = append(out, Tracked{What: "notice", Rule: dl.Explanation.Steps[0].Rule, Deadline: dl, Done: c.NotifiedOn, State: st, Step: step})
		}
	}
	return out, nil
}

// OwnerRequest returns the case as the owner's request in the register's self-service list ("Minu
// taotlused", CERT-10): number, kind Duplicate, the certificate, the date and the status.
func (c Case) OwnerRequest() request.Request {
	st := request.Open
	switch c.Status {
	case Refused:
		st = request.Refused
	case Granted, Done, Certified:
		st = request.Done
	}
	holder := c.Request.Applicant.Code
	if !c.Request.NewCode.IsZero() {
		holder = c.Request.NewCode
	}
	return request.Request{
		Number: c.ID, Kind: request.Duplicate, Certificate: c.Request.Original, Holder: holder,
		Date: c.Request.Date, At: c.SubmittedAt, Status: st, Reason: c.RefusalReason,
		Data: map[string]string{"ground": c.Request.Ground.String(), "procedure": c.Procedure.String(), "duplicate": string(c.Duplicate)},
	}
}
