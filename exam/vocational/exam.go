package vocational

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/law"
)

// Status is where an exam stands. The zero value is not a status.
type Status uint8

// The statuses, in the order an exam passes through them.
const (
	Draft      Status = iota + 1 // koostamisel: the school prepares it
	Registered                   // registreeritud: the school registered it (EXV-03); certificates assembled (EXV-08)
	Sent                         // saadetud: sent to the awarding body (EXV-03)
	Processing                   // menetluses: the awarding body took it up (EXV-04)
	Assessed                     // hinnatud: the assessment protocol is closed (EXV-04)
	Decided                      // otsustatud: the qualification committee protocol is drawn up, unsigned (EXV-05)
	Signed                       // allkirjastatud: signed, certificates issued (EXV-05, EXV-08)
	Cancelled                    // tühistatud
)

var statusNames = [...]struct{ code, et, en string }{
	Draft:      {"draft", "koostamisel", "draft"},
	Registered: {"registered", "registreeritud", "registered"},
	Sent:       {"sent", "saadetud kutse andjale", "sent to the awarding body"},
	Processing: {"processing", "menetluses", "being processed"},
	Assessed:   {"assessed", "hinnatud", "assessed"},
	Decided:    {"decided", "otsustatud, allkirjastamata", "decided, not signed"},
	Signed:     {"signed", "allkirjastatud", "signed"},
	Cancelled:  {"cancelled", "tühistatud", "cancelled"},
}

// Valid reports whether s is one of the statuses.
func (s Status) Valid() bool { return s >= Draft && s <= Cancelled }

// String returns the status's code, e.g. "processing".
func (s Status) String() string {
	if !s.Valid() {
		return "status(" + strconv.Itoa(int(s)) + ")"
	}
	return statusNames[s].code
}

// Name returns the status's name in lang, e.g. "menetluses".
func (s Status) Name(lang law.Lang) string {
	if !s.Valid() {
		return s.String()
	}
	return lang.Pick(statusNames[s].et, statusNames[s].en)
}

// ParseStatus parses a status from its code ("draft", "processing", …). The error wraps ErrInvalid.
func ParseStatus(s string) (Status, error) {
	for st := Draft; st <= Cancelled; st++ {
		if s == statusNames[st].code {
			return st, nil
		}
	}
	return 0, &FieldError{Pkg: pkg, Field: "Status", Value: s, Reason: "is not a status: draft, registered, sent, processing, assessed, decided, signed or cancelled"}
}

// MarshalText implements encoding.TextMarshaler: the code, "" for the zero value.
func (s Status) MarshalText() ([]byte, error) {
	if s == 0 {
		return []byte{}, nil
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Status) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = 0
		return nil
	}
	v, err := ParseStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ExamType is the type of a qualification exam, as the state ceilings of its costs distinguish them
// (Reg48 § 2; research/kutseseadus.md § 7): theoretical, practical or combined. Theory and Practical
// also name the two parts of an exam a sitting holds.
type ExamType uint8

// The exam types.
const (
	Theory    ExamType = iota + 1 // teoreetiline eksam
	Practical                     // praktiline eksam
	Combined                      // kombineeritud eksam: a theoretical and a practical part
)

var typeNames = [...]struct{ code, et, en string }{
	Theory:    {"theory", "teoreetiline", "theoretical"},
	Practical: {"practical", "praktiline", "practical"},
	Combined:  {"combined", "kombineeritud", "combined"},
}

// Valid reports whether t is one of the three types.
func (t ExamType) Valid() bool { return t >= Theory && t <= Combined }

// String returns the type's code: "theory", "practical" or "combined".
func (t ExamType) String() string {
	if !t.Valid() {
		return "type(" + strconv.Itoa(int(t)) + ")"
	}
	return typeNames[t].code
}

// Name returns the type's name in lang, e.g. "praktiline".
func (t ExamType) Name(lang law.Lang) string {
	if !t.Valid() {
		return t.String()
	}
	return lang.Pick(typeNames[t].et, typeNames[t].en)
}

// Parts returns the parts an exam of type t has: itself, or for a combined exam the theoretical and
// the practical part.
func (t ExamType) Parts() []ExamType {
	if t == Combined {
		return []ExamType{Theory, Practical}
	}
	return []ExamType{t}
}

// ParseExamType parses an exam type from its code or its Estonian name, in any case ("theory",
// "teoreetiline", "Praktiline", "combined", …). The error wraps ErrInvalid.
func ParseExamType(s string) (ExamType, error) {
	l := strings.ToLower(strings.TrimSpace(s))
	for t := Theory; t <= Combined; t++ {
		if l == typeNames[t].code || l == typeNames[t].et {
			return t, nil
		}
	}
	return 0, &FieldError{Pkg: pkg, Field: "Type", Value: s, Reason: "is not an exam type: theory (teoreetiline), practical (praktiline) or combined (kombineeritud)"}
}

// MarshalText implements encoding.TextMarshaler: the code, "" for the zero value.
func (t ExamType) MarshalText() ([]byte, error) {
	if t == 0 {
		return []byte{}, nil
	}
	return []byte(t.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (t *ExamType) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*t = 0
		return nil
	}
	v, err := ParseExamType(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// Party is a school or an awarding body: its registry code and its name.
type Party struct {
	Code string
	Name string
}

// Qualification is what the exam awards: the occupational standard's version in force when the exam
// was created (GEN-04), as the register holds it.
type Qualification struct {
	Standard register.ID      // the standard's id (its first version's)
	Version  register.ID      // the id of the version the exam is held under
	Number   int              // that version's number
	Name     string           // e.g. "Autotehnik, tase 4"
	EKR      classifier.Level // its EKR level; the EQF level is the same number
	// Specialisations are the standard's specialisations, and Basic whether the qualification is
	// awarded without one (register.StandardVersion.Basic).
	Specialisations []register.Ref
	Basic           bool
}

// UnitKind says what a [Unit] of assessment is.
type UnitKind uint8

// The kinds of unit.
const (
	CompetenceUnit UnitKind = iota + 1 // a competence of the standard (kompetents)
	ModuleUnit                         // a module of the curriculum (moodul)
)

// MarshalText implements encoding.TextMarshaler.
func (k UnitKind) MarshalText() ([]byte, error) {
	switch k {
	case ModuleUnit:
		return []byte("module"), nil
	case CompetenceUnit:
		return []byte("competence"), nil
	}
	return []byte{}, nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *UnitKind) UnmarshalText(b []byte) error {
	switch string(b) {
	case "":
		*k = 0
	case "competence":
		*k = CompetenceUnit
	case "module":
		*k = ModuleUnit
	default:
		return &FieldError{Pkg: pkg, Field: "Unit.Kind", Value: string(b), Reason: "is not competence or module"}
	}
	return nil
}

// Unit is what a result is entered for: a competence of the standard or a module of the curriculum
// (EXV-04: "results per candidate per competence or module").
type Unit struct {
	Code string // the competence's register id, or the module's code in the curriculum
	Name string
	Kind UnitKind
	// Elective marks an elective competence (valitav kompetents): only the candidates who chose it
	// are assessed in it, and a certificate lists the electives passed ("Valitud kompetentsid").
	Elective bool
}

// Sitting is one part of the exam at a time and a place (EXV-02).
type Sitting struct {
	Part  ExamType      // Theory or Practical
	Date  calendar.Date // the day
	Start string        // the time it starts, "HH:MM", Europe/Tallinn
	Place string        // where: the address and the room
}

// String renders the sitting as "2027-05-20 10:00, Tallinn, Mustamäe tee 1 (practical)".
func (s Sitting) String() string {
	return s.Date.String() + " " + s.Start + ", " + s.Place + " (" + s.Part.String() + ")"
}

// Side is who proposes or answers: the school or the awarding body.
type Side uint8

// The two sides of an exam.
const (
	SchoolSide Side = iota + 1 // the school (kool)
	BodySide                   // the awarding body (kutse andja)
)

// MarshalText implements encoding.TextMarshaler: "school", "body", "" for the zero value.
func (s Side) MarshalText() ([]byte, error) {
	if s == 0 {
		return []byte{}, nil
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Side) UnmarshalText(b []byte) error {
	switch string(b) {
	case "":
		*s = 0
	case "school":
		*s = SchoolSide
	case "body":
		*s = BodySide
	default:
		return &FieldError{Pkg: pkg, Field: "Side", Value: string(b), Reason: "is not school or body"}
	}
	return nil
}

// String returns "school" or "body".
func (s Side) String() string {
	switch s {
	case SchoolSide:
		return "school"
	case BodySide:
		return "body"
	}
	return "side(" + strconv.Itoa(int(s)) + ")"
}

// Name returns the side's name in lang: "kool" / "the school", "kutse andja" / "the awarding body".
func (s Side) Name(lang law.Lang) string {
	if s == BodySide {
		return lang.Pick("kutse andja", "the awarding body")
	}
	return lang.Pick("kool", "the school")
}

// Other returns the other side.
func (s Side) Other() Side {
	if s == SchoolSide {
		return BodySide
	}
	return SchoolSide
}

// ProposalStatus is where a proposal of times and places stands.
type ProposalStatus uint8

// The statuses of a proposal.
const (
	Open       ProposalStatus = iota + 1 // awaiting the other side's answer
	Accepted                             // the other side accepted it: the times and places are agreed
	Declined                             // the other side declined it
	Superseded                           // a later proposal took its place before it was answered
)

var proposalNames = [...]string{Open: "open", Accepted: "accepted", Declined: "declined", Superseded: "superseded"}

// String returns the status's code, e.g. "accepted".
func (p ProposalStatus) String() string {
	if p >= Open && p <= Superseded {
		return proposalNames[p]
	}
	return "proposal(" + strconv.Itoa(int(p)) + ")"
}

// MarshalText implements encoding.TextMarshaler: the code, "" for the zero value.
func (p ProposalStatus) MarshalText() ([]byte, error) {
	if p == 0 {
		return []byte{}, nil
	}
	return []byte(p.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (p *ProposalStatus) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*p = 0
		return nil
	}
	for s := Open; s <= Superseded; s++ {
		if string(b) == proposalNames[s] {
			*p = s
			return nil
		}
	}
	return &FieldError{Pkg: pkg, Field: "Proposal.Status", Value: string(b), Reason: "is not open, accepted, declined or superseded"}
}

// Proposal is one side's proposal of the times and places of the exam's sittings (EXV-02), and the
// other side's answer.
type Proposal struct {
	N          int // 1, 2, … in the order made
	By         Side
	Sittings   []Sitting
	Note       string
	At         time.Time // when it was made
	Status     ProposalStatus
	AnsweredAt time.Time // when it was accepted or declined; zero while open or superseded
	Answer     string    // the other side's note on declining or accepting
}

// Material is a document one side shares with the other (EXV-02: "jagada materjale"): an
// instruction, a list of tools, the exam's timetable. The SDK keeps the reference, not the file.
type Material struct {
	N    int    // 1, 2, … in the order shared
	Name string // e.g. "Praktilise eksami juhend"
	Ref  string // where it is: a URL or the host's document id
	By   Side
	At   time.Time
}

// AssessorRole is a member's role in the assessment committee.
type AssessorRole uint8

// The assessment committee's roles.
const (
	AssessorChair  AssessorRole = iota + 1 // hindamiskomisjoni esimees
	AssessorMember                         // hindamiskomisjoni liige
)

// MarshalText implements encoding.TextMarshaler.
func (r AssessorRole) MarshalText() ([]byte, error) {
	switch r {
	case AssessorChair:
		return []byte("chair"), nil
	case AssessorMember:
		return []byte("member"), nil
	}
	return []byte{}, nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *AssessorRole) UnmarshalText(b []byte) error {
	switch string(b) {
	case "":
		*r = 0
	case "chair":
		*r = AssessorChair
	case "member":
		*r = AssessorMember
	default:
		return &FieldError{Pkg: pkg, Field: "Assessor.Role", Value: string(b), Reason: "is not chair or member"}
	}
	return nil
}

// Assessor is a member of the assessment committee.
type Assessor struct {
	ID   string // the awarding body's id of the member, unique in the committee
	Name string
	Role AssessorRole
	// Learners are the candidates (by Candidate ID) who are the member's own learners: whom they
	// teach or supervise at the school. Where the committee is Impartial the member does not assess
	// them (EXV-04).
	Learners []string
}

// Committee is the assessment committee (hindamiskomisjon) the awarding body forms to assess the
// candidates (Kutseseadus § 19; EXV-04).
type Committee struct {
	Assessors []Assessor
	// Impartial is set when the awarding body's procedure says that no member assesses their own
	// learner (EXV-04).
	Impartial bool
	FormedOn  calendar.Date
}

// IsZero reports whether no committee is formed.
func (c *Committee) IsZero() bool { return len(c.Assessors) == 0 }

// Assessor returns the member with the id.
func (c *Committee) Assessor(id string) (Assessor, bool) {
	for _, a := range c.Assessors {
		if a.ID == id {
			return a, true
		}
	}
	return Assessor{}, false
}

// Chair returns the committee's chair.
func (c *Committee) Chair() (Assessor, bool) {
	for _, a := range c.Assessors {
		if a.Role == AssessorChair {
			return a, true
		}
	}
	return Assessor{}, false
}

// UnitResult is a candidate's result in one unit.
type UnitResult struct {
	Unit   string // the unit's Code
	Passed bool   // tõendatud / arvestatud
	Score  string // the points or grade where the body gives one, as written, e.g. "78/100"; may be empty
	Note   string
}

// Result is a candidate's result in the exam (EXV-04).
type Result struct {
	On         calendar.Date // the day it was entered; zero: not entered
	Absent     bool          // did not come (puudus)
	Units      []UnitResult  // one per unit the candidate is assessed in
	AssessedBy []string      // the assessors (by ID) who assessed the candidate
	Passed     bool          // the candidate passed (see [Passes]): set by the service
	Note       string
}

// Entered reports whether the result has been entered.
func (r *Result) Entered() bool { return !r.On.IsZero() }

// Unit returns the result in the unit with the code.
func (r *Result) Unit(code string) (UnitResult, bool) {
	for _, u := range r.Units {
		if u.Unit == code {
			return u, true
		}
	}
	return UnitResult{}, false
}

// Withdrawal records that the school withdrew a candidate from the exam.
type Withdrawal struct {
	On     calendar.Date
	Reason string
}

// Candidate is a learner registered for the exam, with their result and the certificate assembled
// for them (EXV-08).
type Candidate struct {
	Learner
	Withdrawn Withdrawal // zero unless withdrawn
	Result    Result
	// Certificate is assembled when the exam is registered (the application submitted), completed
	// when the result is entered and issued when the committee protocol is signed (EXV-08). Its
	// Number is empty until then.
	Certificate certificate.Certificate
}

// Active reports whether the candidate takes part: not withdrawn.
func (c *Candidate) Active() bool { return c.Withdrawn.On.IsZero() }

// Decision is the qualification committee's decision on one candidate (EXV-05).
type Decision struct {
	Candidate string // the candidate's ID
	Award     bool   // the qualification is awarded (kutse antakse)
	// Reason is required where the decision differs from the assessment (Kutseseadus § 18 (2) p 6:
	// the committee checks the assessment committee's decisions on the merits).
	Reason string
}

// SignMethod is how the committee protocol was signed.
type SignMethod uint8

// The ways of signing.
const (
	SignedWithKey    SignMethod = iota + 1 // through the host's crypto.Signer, verified by the SDK
	SignedExternally                       // outside the SDK (a DigiDoc container), recorded by reference
)

// MarshalText implements encoding.TextMarshaler.
func (m SignMethod) MarshalText() ([]byte, error) {
	switch m {
	case SignedWithKey:
		return []byte("key"), nil
	case SignedExternally:
		return []byte("external"), nil
	}
	return []byte{}, nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *SignMethod) UnmarshalText(b []byte) error {
	switch string(b) {
	case "key":
		*m = SignedWithKey
	case "external":
		*m = SignedExternally
	case "":
		*m = 0
	default:
		return &FieldError{Pkg: pkg, Field: "Signature.Method", Value: string(b), Reason: "is not key or external"}
	}
	return nil
}

// Signature is the record of the committee protocol's signature (EXV-05).
type Signature struct {
	Method SignMethod
	// Digest is the SHA-256 digest of the protocol's canonical form ([Protocol.Canonical]): what
	// was signed.
	Digest    []byte
	Algorithm string // e.g. "ECDSA-SHA256", "RSA-PKCS1v15-SHA256", "Ed25519"; "" for an external one
	Value     []byte // the signature over Digest; empty for an external one
	PublicKey []byte // the signer's public key, PKIX DER; empty for an external one
	// Certificate is the signer's X.509 certificate, DER, where the host gave it.
	Certificate []byte
	// Reference names an external signature: the signed container's file name, URL or the host's
	// document id, e.g. "kutsekomisjoni-protokoll-14.asice".
	Reference string
	Signer    string        // who signed: the qualification committee's chair or vice-chair (Reg74 § 6)
	At        time.Time     // when it was signed
	On        calendar.Date // the day it was signed, in Europe/Tallinn: the certificates' date of issue
}

// IsZero reports whether the protocol is unsigned.
func (s *Signature) IsZero() bool { return s.Method == 0 }

// Protocol is the qualification committee's protocol (kutsekomisjoni protokoll) on the exam (EXV-05):
// a decision on each candidate, drawn up by the awarding body and signed by the committee's chair.
type Protocol struct {
	Number    string        // the body's number of the protocol, e.g. "14/2027"
	Date      calendar.Date // the day the committee decided
	Committee string        // the qualification committee's name, as the register lists it
	Chair     string        // the chair (or vice-chair) who signs
	Present   []string      // the members present
	Decisions []Decision    // one per candidate who took part, in the order of the candidates
	// ValidMonths is how long the certificates are valid: a certificate valid from its day of
	// issue ends the day before the same day ValidMonths later; 0 means no end (tähtajatu).
	ValidMonths int
	DrawnUpAt   time.Time
	Signature   Signature
}

// IsZero reports whether no protocol has been drawn up.
func (p *Protocol) IsZero() bool { return p.Number == "" && len(p.Decisions) == 0 }

// Decision returns the decision on the candidate with the ID.
func (p *Protocol) Decision(candidate string) (Decision, bool) {
	for _, d := range p.Decisions {
		if d.Candidate == candidate {
			return d, true
		}
	}
	return Decision{}, false
}

// Exam is a qualification exam of a vocational school's learners (kutseõppe lõpetajate kutseeksam):
// the school's registration, the times and places agreed, the materials shared, the assessment, the
// committee's protocol, the certificates issued and the compensation of its costs. The store keeps
// Version for optimistic concurrency: 1 when first stored, one more with every update.
type Exam struct {
	ID            int64 // assigned by the store
	School        Party
	Body          Party // the awarding body (kutse andja)
	Curriculum    Curriculum
	Qualification Qualification
	Type          ExamType
	Language      string // the exam's language, e.g. "eesti keel"
	Units         []Unit
	Candidates    []Candidate
	// Proposed are the times and places the school proposes in the draft; when the exam is sent
	// they become the school's first proposal.
	Proposed  []Sitting
	Proposals []Proposal
	Materials []Material
	Committee Committee
	// Fee is the awarding body's fee for a vocational graduate's exam (kutseõppe lõpetaja
	// kutseeksami tasu), set when the body takes the exam up; zero means the state ceiling (EXV-06).
	Fee       decimal.Decimal
	Protocol  Protocol
	Statement Statement // the compensation of the exam's costs, computed at signing (EXV-06)
	Status    Status
	Note      string // the reason of the last return or cancellation
	CreatedAt time.Time
	Version   int64
}

// Subject returns the outbox subject of the exam's events: "vocational/<id>".
func (e *Exam) Subject() string { return Subject(e.ID) }

// Subject returns the outbox subject of an exam's events: "vocational/<id>".
func Subject(id int64) string { return "vocational/" + strconv.FormatInt(id, 10) }

// Candidate returns the candidate with the ID, or nil.
func (e *Exam) Candidate(id string) *Candidate {
	for i := range e.Candidates {
		if e.Candidates[i].ID == id {
			return &e.Candidates[i]
		}
	}
	return nil
}

// byID returns a function finding a candidate by ID in constant time, for loops over every decision.
func (e *Exam) byID() func(id string) *Candidate {
	ix := make(map[string]int, len(e.Candidates))
	for i := range e.Candidates {
		ix[e.Candidates[i].ID] = i
	}
	return func(id string) *Candidate {
		if i, ok := ix[id]; ok {
			return &e.Candidates[i]
		}
		return nil
	}
}

// Agreed returns the times and places agreed (the accepted proposal's sittings), and false when none
// is agreed.
func (e *Exam) Agreed() ([]Sitting, bool) {
	for i := len(e.Proposals) - 1; i >= 0; i-- {
		if e.Proposals[i].Status == Accepted {
			return e.Proposals[i].Sittings, true
		}
	}
	return nil, false
}

// Sittings returns the sittings the exam's calendar shows (EXV-02): the agreed ones, else those of
// the open proposal, else the school's draft proposal; and whether they are agreed.
func (e *Exam) Sittings() ([]Sitting, bool) {
	if s, ok := e.Agreed(); ok {
		return s, true
	}
	for i := len(e.Proposals) - 1; i >= 0; i-- {
		if e.Proposals[i].Status == Open {
			return e.Proposals[i].Sittings, false
		}
	}
	return e.Proposed, false
}

// Period returns the first and the last day of the exam's sittings ([Exam.Sittings]); zero days when
// it has none. Stores index the calendar (EXV-02) by it.
func (e *Exam) Period() (first, last calendar.Date) {
	ss, _ := e.Sittings()
	for i, s := range ss {
		if i == 0 || s.Date.Before(first) {
			first = s.Date
		}
		if i == 0 || s.Date.After(last) {
			last = s.Date
		}
	}
	return first, last
}

// Clone returns a deep copy of e: stores use it to copy records in and out.
func (e Exam) Clone() Exam {
	e.Units = slices.Clone(e.Units)
	if e.Candidates != nil {
		cs := make([]Candidate, len(e.Candidates))
		for i, c := range e.Candidates {
			c.Electives = slices.Clone(c.Electives)
			c.Result.Units = slices.Clone(c.Result.Units)
			c.Result.AssessedBy = slices.Clone(c.Result.AssessedBy)
			c.Certificate = c.Certificate.Clone()
			cs[i] = c
		}
		e.Candidates = cs
	}
	e.Qualification.Specialisations = slices.Clone(e.Qualification.Specialisations)
	e.Proposed = slices.Clone(e.Proposed)
	if e.Proposals != nil {
		ps := make([]Proposal, len(e.Proposals))
		for i, p := range e.Proposals {
			p.Sittings = slices.Clone(p.Sittings)
			ps[i] = p
		}
		e.Proposals = ps
	}
	e.Materials = slices.Clone(e.Materials)
	if e.Committee.Assessors != nil {
		as := make([]Assessor, len(e.Committee.Assessors))
		for i, a := range e.Committee.Assessors {
			a.Learners = slices.Clone(a.Learners)
			as[i] = a
		}
		e.Committee.Assessors = as
	}
	e.Protocol.Present = slices.Clone(e.Protocol.Present)
	e.Protocol.Decisions = slices.Clone(e.Protocol.Decisions)
	s := &e.Protocol.Signature
	s.Digest, s.Value, s.PublicKey, s.Certificate = slices.Clone(s.Digest), slices.Clone(s.Value), slices.Clone(s.PublicKey), slices.Clone(s.Certificate)
	e.Statement = e.Statement.Clone()
	return e
}
