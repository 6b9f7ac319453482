package application

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
)

// Text is a text in Estonian and in English (GEN-05).
type Text struct {
	Et string `json:"et"`
	En string `json:"en,omitempty"`
}

// In returns the text in lang (the Estonian where there is no English).
func (t Text) In(lang law.Lang) string {
	if lang == law.English && t.En != "" {
		return t.En
	}
	return t.Et
}

// Kind is what a person applies for: a qualification for the first time, or re-certification
// (taastõendamine) of one they hold (seed 000: "kutset taotleda või taastõendada").
type Kind uint8

// The kinds of application.
const (
	First           Kind = iota + 1 // kutse taotlemine
	Recertification                 // kutse taastõendamine
)

var kindNames = [...]Text{First: {"kutse taotlemine", "application for a qualification"},
	Recertification: {"kutse taastõendamine", "re-certification"}}

// Valid reports whether k is one of the kinds.
func (k Kind) Valid() bool { return k == First || k == Recertification }

// String returns the kind's code: "first" or "recertification".
func (k Kind) String() string {
	switch k {
	case First:
		return "first"
	case Recertification:
		return "recertification"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Name returns the kind in lang, e.g. "kutse taastõendamine".
func (k Kind) Name(lang law.Lang) string {
	if !k.Valid() {
		return k.String()
	}
	return kindNames[k].In(lang)
}

// State is where an application stands (APP-08). See [Transitions] for who moves it from one state
// to another.
type State uint8

// The states of an application.
const (
	Draft      State = iota + 1 // koostamisel: the applicant is filling it in (APP-05)
	Submitted                   // esitatud: submitted, the form generated (APP-06), not yet taken up
	InProcess                   // menetluses: the awarding body or its partner processes it (APP-08)
	Incomplete                  // täiendamisel: returned to the applicant to complete by a due date
	Admitted                    // hindamisele lubatud: the documents are in order; admitted to assessment
	Awarded                     // kutse antud: decided; the certificate issued
	Refused                     // keeldutud: decided; refused with its reasons
	Contested                   // vaidlustatud: a contest (vaie) of the refusal is being decided (APP-09)
	Withdrawn                   // tagasi võetud: withdrawn by the applicant
)

var stateNames = [...]struct {
	code string
	name Text
}{
	Draft:      {"draft", Text{"koostamisel", "draft"}},
	Submitted:  {"submitted", Text{"esitatud", "submitted"}},
	InProcess:  {"in-process", Text{"menetluses", "in process"}},
	Incomplete: {"incomplete", Text{"täiendamisel", "to be completed"}},
	Admitted:   {"admitted", Text{"hindamisele lubatud", "admitted to assessment"}},
	Awarded:    {"awarded", Text{"kutse antud", "awarded"}},
	Refused:    {"refused", Text{"keeldutud", "refused"}},
	Contested:  {"contested", Text{"vaidlustatud", "contested"}},
	Withdrawn:  {"withdrawn", Text{"tagasi võetud", "withdrawn"}},
}

// Valid reports whether s is one of the states.
func (s State) Valid() bool { return s >= Draft && s <= Withdrawn }

// String returns the state's code, e.g. "in-process".
func (s State) String() string {
	if !s.Valid() {
		return "state(" + strconv.Itoa(int(s)) + ")"
	}
	return stateNames[s].code
}

// Name returns the state in lang, e.g. "menetluses".
func (s State) Name(lang law.Lang) string {
	if !s.Valid() {
		return s.String()
	}
	return stateNames[s].name.In(lang)
}

// Pending reports whether the application waits for the awarding body: submitted and not yet
// decided, withdrawn, or it is being contested.
func (s State) Pending() bool {
	return s == Submitted || s == InProcess || s == Incomplete || s == Admitted || s == Contested
}

// Final reports whether nothing more happens to the application: awarded or withdrawn. A refusal
// can still be contested, so it is not final here.
func (s State) Final() bool { return s == Awarded || s == Withdrawn }

// Person is the applicant's personal data (step 1 of the flow, APP-05): pre-filled from the personal
// code and the register, completed with the contacts the notices go to (APP-07).
type Person struct {
	Name string         `json:"name"`
	Code isikukood.Code `json:"code"`
	// NameFrom says where the name was pre-filled from: [FromPopulationRegister] (the name cannot be
	// changed in the flow), [FromKutseregister] (the newest certificate in the register), or "" (typed).
	NameFrom string        `json:"nameFrom,omitempty"`
	Born     calendar.Date `json:"born"` // from the personal code
	Email    string        `json:"email"`
	Phone    string        `json:"phone,omitempty"`
	Address  string        `json:"address,omitempty"`
}

// Where a person's name was pre-filled from.
const (
	FromPopulationRegister = "rahvastikuregister"
	FromKutseregister      = "kutseregister"
)

// Choice is what the applicant applies for under the standard (step 2 of the flow, APP-05): the
// whole qualification or a partial one (osakutse), a specialisation, the chosen elective
// competences and the exam language. The names are filled in from the standard when the step is
// saved, so the form and the certificate read them without the register.
type Choice struct {
	Partial        register.ID   `json:"partial,omitempty"`        // a partial qualification; zero for the whole
	Specialisation register.ID   `json:"specialisation,omitempty"` // spetsialiseerumine; zero for none
	Competences    []register.ID `json:"competences,omitempty"`    // valitud kompetentsid: the elective ones chosen
	ExamLanguage   register.ID   `json:"examLanguage,omitempty"`   // one of the body's exam languages

	Title              string   `json:"title,omitempty"`              // the qualification applied for, e.g. "Keevitaja, tase 4"
	PartialName        string   `json:"partialName,omitempty"`        // the partial qualification's name
	SpecialisationName string   `json:"specialisationName,omitempty"` // the specialisation's name
	CompetenceNames    []string `json:"competenceNames,omitempty"`    // the chosen competences' names, in order
	ExamLanguageName   string   `json:"examLanguageName,omitempty"`   // e.g. "eesti keel"
}

// IsZero reports whether nothing was chosen yet.
func (c Choice) IsZero() bool { return c.Title == "" }

// CertificateKind returns the kind of certificate the choice leads to: a partial-qualification
// certificate (osakutsetunnistus) for a partial qualification, else a qualification certificate.
func (c Choice) CertificateKind() certificate.Kind {
	if c.Partial != 0 {
		return certificate.Partial
	}
	return certificate.Occupational
}

// Condition is one condition of the standard for applying or re-certifying (APP-02), which the
// applicant confirms they meet (step 4 of the flow).
type Condition struct {
	Text      string `json:"text"`
	Confirmed bool   `json:"confirmed"`
}

// Attachment is a document attached to the application (step 3 of the flow): which of the documents
// the awarding body requires it is (Document, a [DocumentSpec]'s code; "" for a further document),
// and the file as the host keeps it. The SDK keeps the file's digest, not its content: the host
// stores the file and gives its reference.
type Attachment struct {
	Document string `json:"document,omitempty"`
	// DocumentName is the document's name in the body's settings, recorded when it is attached.
	DocumentName string    `json:"documentName,omitempty"`
	Name         string    `json:"name"`      // the file's name, e.g. "CV.pdf"
	MediaType    string    `json:"mediaType"` // e.g. "application/pdf"
	Size         int64     `json:"size"`      // in bytes
	SHA256       string    `json:"sha256"`    // of the content, lower-case hex
	Ref          string    `json:"ref"`       // the host's reference of the stored file
	At           time.Time `json:"at"`        // when it was attached
}

// Form is the application form (avaldus) generated on submission into the application's record
// (APP-06): a PDF, with its digest.
type Form struct {
	Name        string    `json:"name"` // the file name, e.g. "Avaldus-12.pdf"
	Data        []byte    `json:"-"`
	SHA256      string    `json:"sha256"`
	GeneratedAt time.Time `json:"generatedAt"`
}

// IsZero reports whether no form has been generated.
func (f Form) IsZero() bool { return len(f.Data) == 0 }

// Completion is the awarding body's (or its partner's) request to complete the application: what is
// missing and by when (APP-08).
type Completion struct {
	Missing   []string          `json:"missing"`
	Note      string            `json:"note,omitempty"`
	Requested calendar.Date     `json:"requested"`
	Due       calendar.Date     `json:"due"`       // the due date, counted by package deadline
	Days      int               `json:"days"`      // the period given, in days
	Completed calendar.Date     `json:"completed"` // the day the applicant completed it; zero until then
	By        string            `json:"by"`        // the registry code of who asked
	Data      map[string]string `json:"data,omitempty"`
}

// Admission records that the documents are in order and the applicant is admitted to assessment.
type Admission struct {
	On       calendar.Date `json:"on"`
	ExamDate calendar.Date `json:"examDate,omitempty"` // when known
	Note     string        `json:"note,omitempty"`
	By       string        `json:"by"`
}

// Outcome is what a decision or a contest's decision was.
type Outcome uint8

// The outcomes.
const (
	OutcomeAward     Outcome = iota + 1 // the qualification is awarded
	OutcomeRefusal                      // the application is refused
	OutcomeUpheld                       // the contest is upheld (vaie rahuldatud): the application is decided anew
	OutcomeDismissed                    // the contest is dismissed (vaie jäetud rahuldamata): the refusal stands
)

// String returns the outcome's code.
func (o Outcome) String() string {
	switch o {
	case OutcomeAward:
		return "award"
	case OutcomeRefusal:
		return "refusal"
	case OutcomeUpheld:
		return "upheld"
	case OutcomeDismissed:
		return "dismissed"
	}
	return "outcome(" + strconv.Itoa(int(o)) + ")"
}

// Decision is the awarding body's decision on the application (APP-08): to award, or to refuse
// with its reasons and their legal basis (HMS § 56: a written act gives its factual and legal
// reasons).
type Decision struct {
	Outcome   Outcome       `json:"outcome"`
	On        calendar.Date `json:"on"`        // the day decided
	Reference string        `json:"reference"` // the qualification committee's decision, e.g. "kutsekomisjoni otsus nr 14"
	Reasons   []string      `json:"reasons,omitempty"`
	Basis     string        `json:"basis,omitempty"` // the legal basis of a refusal, e.g. "kutse andmise kord p 5.2"
	By        string        `json:"by"`              // the awarding body's registry code
}

// IsZero reports whether there is no decision.
func (d Decision) IsZero() bool { return d.Outcome == 0 }

// Contest is the applicant's contest (vaie) of a refusal (APP-09: HMS §§ 75, 84).
type Contest struct {
	Grounds  string        `json:"grounds"`
	Learned  calendar.Date `json:"learned"` // the day the applicant learned of the decision
	Filed    calendar.Date `json:"filed"`
	FiledBy  calendar.Date `json:"filedBy"` // the last day to file: 30 days from Learned (HMS § 75)
	Extended int           `json:"extended,omitempty"`
	// ExtensionReasons are the reasons given for each extension (HMS § 84: told to the applicant).
	ExtensionReasons []string      `json:"extensionReasons,omitempty"`
	Due              calendar.Date `json:"due"` // the day it must be decided by: 10 days from Filed, plus Extended (HMS § 84)
	Decided          calendar.Date `json:"decided,omitempty"`
	Outcome          Outcome       `json:"outcome,omitempty"` // OutcomeUpheld or OutcomeDismissed, once decided
	Reasons          []string      `json:"reasons,omitempty"`
	Reference        string        `json:"reference,omitempty"`
	By               string        `json:"by,omitempty"`
}

// IsZero reports whether no contest was filed.
func (c Contest) IsZero() bool { return c.Filed.IsZero() }

// Application is one application for a qualification or for re-certification, from the draft to
// the decision (APP-05..09). The store allocates ID and keeps Version for optimistic concurrency: 1
// when first stored, one more with every change.
type Application struct {
	ID    int64
	Kind  Kind
	State State

	Applicant Person
	// Body is the registry code of the awarding body (kutse andja) that decides; BodyName its name.
	Body     string
	BodyName string
	// Receiver is the registry code of who receives the application: the awarding body, or a
	// partner it authorised for the qualification (APP-04); ReceiverName its name.
	Receiver     string
	ReceiverName string

	// Standard is the occupational standard (by its id: its first version's); Version the id of
	// the version in force when the application was started or last submitted (GEN-04), and
	// StandardName its name.
	Standard        register.ID
	StandardVersion register.ID
	StandardName    string
	Level           classifier.Level // the version's EKR level, the EQF level too (CERT-03)
	// Certificate is, for a re-certification, the certificate re-certified (APP-02).
	Certificate certificate.Number

	Choice      Choice
	Conditions  []Condition // of applying or re-certifying, from the standard (APP-02)
	Declared    bool        // the applicant declared the data true (step 4)
	Attachments []Attachment

	Form        Form          // generated on submission (APP-06)
	CreatedAt   time.Time     // when the draft was started
	SubmittedAt time.Time     // when it was (last) submitted
	Submitted   calendar.Date // the day it was first submitted (Europe/Tallinn)

	Completion Completion // the latest request to complete it
	Admission  Admission
	Decision   Decision
	Contest    Contest
	// Awarded is the number of the certificate issued; the store sets it when it issues one.
	Awarded certificate.Number

	Version int64
}

// Subject is the event subject of the application: "application/<ID>".
func (a *Application) Subject() string { return Subject(a.ID) }

// Subject returns the event subject of application id.
func Subject(id int64) string { return "application/" + strconv.FormatInt(id, 10) }

// IdempotencyKey is the key the certificate of an award is issued under: one application, one
// certificate, however often the decision is retried.
func (a *Application) IdempotencyKey() string {
	return "application/" + strconv.FormatInt(a.ID, 10) + "/award"
}

// Clone returns a deep copy of a.
func (a Application) Clone() Application {
	a.Choice.Competences = slices.Clone(a.Choice.Competences)
	a.Choice.CompetenceNames = slices.Clone(a.Choice.CompetenceNames)
	a.Conditions = slices.Clone(a.Conditions)
	a.Attachments = slices.Clone(a.Attachments)
	a.Form.Data = slices.Clone(a.Form.Data)
	a.Completion.Missing = slices.Clone(a.Completion.Missing)
	if a.Completion.Data != nil {
		m := make(map[string]string, len(a.Completion.Data))
		for k, v := range a.Completion.Data {
			m[k] = v
		}
		a.Completion.Data = m
	}
	a.Decision.Reasons = slices.Clone(a.Decision.Reasons)
	a.Contest.ExtensionReasons = slices.Clone(a.Contest.ExtensionReasons)
	a.Contest.Reasons = slices.Clone(a.Contest.Reasons)
	return a
}

// CertificateKind returns the kind of certificate the application leads to.
func (a *Application) CertificateKind() certificate.Kind { return a.Choice.CertificateKind() }

// Title returns the qualification applied for as the certificate names it: the partial
// qualification's or the specialisation's name where one is chosen (seed 000: 204580's title is its
// specialisation), else the standard's.
func (a *Application) Title() string {
	switch {
	case a.Choice.PartialName != "":
		return a.Choice.PartialName
	case a.Choice.SpecialisationName != "":
		return a.Choice.SpecialisationName
	case a.Choice.Title != "":
		return a.Choice.Title
	}
	return a.StandardName
}

// Attached returns the attachments that are the document with code doc.
func (a *Application) Attached(doc string) []Attachment {
	var out []Attachment
	for _, at := range a.Attachments {
		if at.Document == doc {
			out = append(out, at)
		}
	}
	return out
}

// String describes the application for logs, without personal data: "application 12 (submitted)".
func (a Application) String() string {
	return fmt.Sprintf("application %d (%s)", a.ID, a.State)
}
