package application

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/stamp/pdf"
)

// Step is one step of the guided flow from draft to submission (APP-05; seed 000 slide 3:
// "samm-sammuline juhendav liikumine taotluse koostamisest esitamiseni").
type Step uint8

// The steps, in order.
const (
	StepPerson        Step = iota + 1 // isikuandmed: pre-filled from the personal code and the register
	StepQualification                 // taotletav kutse: the qualification, specialisation, partial qualification, competences
	StepDocuments                     // dokumendid: the documents the awarding body requires
	StepReview                        // ülevaatus: the conditions confirmed, the data declared true
	StepSubmit                        // esitamine: submitted, the form generated (APP-06)
)

var stepNames = [...]struct {
	code  string
	title Text
}{
	StepPerson:        {"person", Text{"Isikuandmed", "Personal data"}},
	StepQualification: {"qualification", Text{"Taotletav kutse", "The qualification"}},
	StepDocuments:     {"documents", Text{"Dokumendid", "Documents"}},
	StepReview:        {"review", Text{"Ülevaatus ja kinnitus", "Review and confirmation"}},
	StepSubmit:        {"submit", Text{"Esitamine", "Submission"}},
}

// Steps returns the flow's steps in order.
func Steps() []Step {
	return []Step{StepPerson, StepQualification, StepDocuments, StepReview, StepSubmit}
}

// Valid reports whether s is one of the steps.
func (s Step) Valid() bool { return s >= StepPerson && s <= StepSubmit }

// String returns the step's code, e.g. "documents".
func (s Step) String() string {
	if !s.Valid() {
		return "step(" + strconv.Itoa(int(s)) + ")"
	}
	return stepNames[s].code
}

// Title returns the step's title.
func (s Step) Title() Text {
	if !s.Valid() {
		return Text{Et: s.String(), En: s.String()}
	}
	return stepNames[s].title
}

// Input is how a field is entered.
type Input uint8

// The inputs.
const (
	Show    Input = iota + 1 // shown, not entered (the personal code, the standard)
	TextIn                   // a line of text
	EmailIn                  // an e-mail address
	PhoneIn                  // a telephone number
	OneOf                    // one of the options
	SomeOf                   // any of the options
	File                     // a file to attach
	Check                    // a box the applicant ticks
)

// Option is one of a field's options: its value (an id or a code) and its label.
type Option struct {
	Value string
	Label Text
}

// Field is one field of a step as a host shows it: its name (the path the step's errors name), its
// label, how it is entered, whether it is required or pre-filled and fixed, its value(s), its
// options and a help text.
type Field struct {
	Name     string
	Label    Text
	Input    Input
	Required bool
	ReadOnly bool
	Value    []string
	Options  []Option
	Help     Text
}

// Page is one step of the flow as data: its fields with their values and options, whether the step
// is done, and, when it is not, what is wrong or missing, field by field (APP-05).
type Page struct {
	Step     Step
	Title    Text
	Fields   []Field
	Done     bool
	Problems *invalid.Errors // nil when Done
}

// Offer is what the register offers the applicant: the standard's version in force, what the
// awarding body awards under it, the body (its exam languages) and the body's settings for the
// qualification (the documents it requires).
type Offer struct {
	Version       register.StandardVersion
	Award         register.Award
	Body          register.AwardingBody
	Qualification Qualification
}

// certType returns the register's certificate type of a choice: osakutsetunnistus for a partial
// qualification, esmane kutse for a standard of an initial qualification, else kutsetunnistus.
func (o *Offer) certType(c *Choice) classifier.CertificateType {
	switch {
	case c.Partial != 0:
		return classifier.PartialCertificate
	case o.Version.IsInitial():
		return classifier.InitialQualification
	}
	return classifier.OccupationalCertificate
}

// electives returns the elective competences open to a choice: the body's own list for the
// certificate type where it has one, else the standard's.
func (o *Offer) electives(c *Choice) []register.Competence {
	t := o.certType(c)
	var all []register.Competence
	for _, set := range o.Award.Competences {
		if slices.Contains(set.For, t) {
			all = set.Competences
		}
	}
	if all == nil {
		all = o.Version.CompetencesFor(t)
	}
	var out []register.Competence
	for _, comp := range all {
		if comp.Elective {
			out = append(out, comp)
		}
	}
	return out
}

// basicAwarded reports whether the body awards the qualification without a specialisation.
func (o *Offer) basicAwarded() bool { return o.Award.Basic || len(o.Award.Specialisations) == 0 }

func findRef(rs []register.Ref, id register.ID) (register.Ref, bool) {
	for _, r := range rs {
		if r.ID == id {
			return r, true
		}
	}
	return register.Ref{}, false
}

// Limits on what an applicant enters.
const (
	MaxAttachments    = 50       // attachments per application
	MaxAttachmentSize = 20 << 20 // bytes per attachment
)

// MediaTypes are the kinds of file an attachment may be: PDF, pictures, office documents and the
// digitally signed containers Estonians sign documents in (ASiC-E, BDOC).
var MediaTypes = []string{
	"application/pdf", "image/jpeg", "image/png",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword",
	"application/vnd.oasis.opendocument.text", "application/vnd.etsi.asic-e+zip",
}

// CheckPerson checks the personal data of step 1 (APP-05) and returns an *invalid.Errors naming
// every wrong field, or nil: a name (at most 200 characters, each one the application form can
// show), the personal code, an e-mail address (the notices go there, APP-07), a telephone number
// of digits, spaces, '+', '-', '(' and ')' where given, and an address of at most 500 characters.
func CheckPerson(p Person) error {
	e := newErrors()
	checkText(e, "Person.Name", p.Name, true, 200)
	printable(e, "Person.Name", p.Name)
	if p.Code.IsZero() {
		e.Add("Person.Code", "", "is required: applying in the register needs an Estonian personal code")
	}
	switch em := strings.TrimSpace(p.Email); {
	case em == "":
		e.Add("Person.Email", "", "is required: the notices of the application's progress are sent there (APP-07)")
	case !validEmail(em):
		e.Add("Person.Email", em, "is not an e-mail address")
	}
	if ph := strings.TrimSpace(p.Phone); ph != "" && (len(ph) > 30 || strings.Trim(ph, "+0123456789 -()") != "" || !strings.ContainsAny(ph, "0123456789")) {
		e.Add("Person.Phone", ph, "must be a telephone number: digits, spaces, '+', '-', '(' and ')'")
	}
	checkText(e, "Person.Address", p.Address, false, 500)
	printable(e, "Person.Address", p.Address)
	return e.Err()
}

func validEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && domain != "" && !strings.Contains(domain, "@") && strings.Contains(domain, ".") &&
		!strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".") && len(s) <= 254 &&
		!strings.ContainsAny(s, " \t\r\n<>,;\"") && utf8.ValidString(s)
}

// printable adds an error when s has a character the application form cannot show.
func printable(e *invalid.Errors, field, s string) {
	if r, ok := pdf.Covers(s); !ok {
		e.Add(field, "", fmt.Sprintf("contains %U %q, which the application form cannot show", r, r))
	}
}

// ResolveChoice checks the choice of step 2 (APP-05) against the offer and returns it with the names
// filled in, or an *invalid.Errors naming every wrong field:
//   - a partial qualification (Partial) is one the body awards under the standard, and then no
//     specialisation is chosen;
//   - a specialisation is one the body awards; where the body awards the qualification only with a
//     specialisation (the standard's pohikutse false), one is required;
//   - competences are elective competences of the standard for the certificate's type (the body's
//     own list where it has one), each chosen once;
//   - where the body has exam languages, one of them is chosen (the only one is chosen by itself).
func ResolveChoice(c Choice, o *Offer) (Choice, error) {
	e := newErrors()
	out := Choice{Partial: c.Partial, Specialisation: c.Specialisation, ExamLanguage: c.ExamLanguage,
		Competences: slices.Clone(c.Competences), Title: o.Version.Name}
	if c.Partial != 0 {
		if r, ok := findRef(o.Award.Partials, c.Partial); ok {
			out.PartialName = r.Name
		} else {
			e.Add("Choice.Partial", c.Partial.String(), "is not a partial qualification "+o.Body.Name+" awards under "+o.Version.Name)
		}
		if c.Specialisation != 0 {
			e.Add("Choice.Specialisation", c.Specialisation.String(), "must be empty for a partial qualification")
		}
	} else if c.Specialisation != 0 {
		if r, ok := findRef(o.Award.Specialisations, c.Specialisation); ok {
			out.SpecialisationName = r.Name
		} else {
			e.Add("Choice.Specialisation", c.Specialisation.String(), "is not a specialisation "+o.Body.Name+" awards under "+o.Version.Name)
		}
	} else if !o.basicAwarded() {
		e.Add("Choice.Specialisation", "", "is required: "+o.Body.Name+" awards "+o.Version.Name+" only with a specialisation")
	}
	electives := o.electives(&out)
	for i, id := range c.Competences {
		f := "Choice.Competences[" + strconv.Itoa(i) + "]"
		k := slices.IndexFunc(electives, func(x register.Competence) bool { return x.ID == id })
		switch {
		case k < 0:
			e.Add(f, id.String(), "is not an elective competence of "+o.Version.Name)
		case slices.Index(c.Competences, id) < i:
			e.Add(f, id.String(), "is chosen twice")
		default:
			out.CompetenceNames = append(out.CompetenceNames, electives[k].Name)
		}
	}
	if langs := o.Body.ExamLanguages; len(langs) > 0 {
		if out.ExamLanguage == 0 && len(langs) == 1 {
			out.ExamLanguage = langs[0].ID
		}
		if r, ok := findRef(langs, out.ExamLanguage); ok {
			out.ExamLanguageName = r.Name
		} else if out.ExamLanguage == 0 {
			e.Add("Choice.ExamLanguage", "", "is required: one of the exam languages of "+o.Body.Name)
		} else {
			e.Add("Choice.ExamLanguage", out.ExamLanguage.String(), "is not an exam language of "+o.Body.Name)
		}
	} else if out.ExamLanguage != 0 {
		e.Add("Choice.ExamLanguage", out.ExamLanguage.String(), "is not an exam language of "+o.Body.Name)
	}
	if err := e.Err(); err != nil {
		return Choice{}, err
	}
	return out, nil
}

// CheckAttachment checks one attachment of step 3 against the qualification's documents and returns
// an *invalid.Errors naming every wrong field, or nil: the document is one the body asks for (or
// "" for a further one); a file name without a path, at most 255 characters; a media type of
// [MediaTypes]; a size of 1 byte to [MaxAttachmentSize]; a SHA-256 of 64 lower-case hex digits; the
// host's reference of the stored file.
func CheckAttachment(at Attachment, q *Qualification) error {
	e := newErrors()
	if at.Document != "" {
		if _, ok := q.Spec(at.Document); !ok {
			e.Add("Attachment.Document", at.Document, "is not a document the awarding body asks for")
		}
	}
	checkText(e, "Attachment.Name", at.Name, true, 255)
	printable(e, "Attachment.Name", at.Name)
	if strings.ContainsAny(at.Name, "/\\") {
		e.Add("Attachment.Name", at.Name, "must be a file name without a path")
	}
	if !slices.Contains(MediaTypes, at.MediaType) {
		e.Add("Attachment.MediaType", at.MediaType, "must be one of "+strings.Join(MediaTypes, ", "))
	}
	if at.Size < 1 || at.Size > MaxAttachmentSize {
		e.Add("Attachment.Size", strconv.FormatInt(at.Size, 10), "must be 1 byte to "+strconv.Itoa(MaxAttachmentSize>>20)+" MiB")
	}
	if len(at.SHA256) != 64 || strings.Trim(at.SHA256, "0123456789abcdef") != "" {
		e.Add("Attachment.SHA256", at.SHA256, "must be the file's SHA-256 in 64 lower-case hex digits")
	}
	checkText(e, "Attachment.Ref", at.Ref, true, 500)
	return e.Err()
}

// MissingDocuments returns, for each document the body requires for the application's kind that is
// not attached, an error naming it (the field "Attachments[<code>]"); nil when none is missing.
func MissingDocuments(a *Application, q *Qualification) error {
	e := newErrors()
	for _, d := range q.Required(a.Kind) {
		if len(a.Attached(d.Code)) == 0 {
			e.Add("Attachments["+d.Code+"]", "", "is required: "+d.Name.Et+" ("+d.Name.En+")")
		}
	}
	return e.Err()
}

// checkReview checks step 4: every condition confirmed and the data declared true.
func checkReview(a *Application) error {
	e := newErrors()
	for i, c := range a.Conditions {
		if !c.Confirmed {
			e.Add("Conditions["+strconv.Itoa(i)+"]", "", "is not confirmed: "+c.Text)
		}
	}
	if !a.Declared {
		e.Add("Declared", "", "is required: the applicant declares that the data are true")
	}
	return e.Err()
}

// Pages returns the flow's steps for application a with the offer o, as data (APP-05): each step's
// fields with their values and options, whether it is done, and what is wrong or missing. The
// submit step is done when every step before it is; the application is then ready to submit.
func Pages(a *Application, o *Offer) []Page {
	out := []Page{personPage(a), choicePage(a, o), documentsPage(a, o), reviewPage(a)}
	sub := Page{Step: StepSubmit, Title: StepSubmit.Title(), Done: true}
	e := newErrors()
	for _, p := range out {
		if !p.Done {
			sub.Done = false
			e.Add("Step["+p.Step.String()+"]", "", "is not done: "+p.Title.Et)
		}
	}
	if a.State != Draft && a.State != Incomplete {
		sub.Done = false
		e.Add("State", a.State.String(), "is not a draft")
	}
	if !sub.Done {
		sub.Problems = e
	}
	return append(out, sub)
}

// Current returns the first step of pages that is not done (where a resumed draft continues), or
// StepSubmit.
func Current(pages []Page) Step {
	for _, p := range pages {
		if !p.Done {
			return p.Step
		}
	}
	return StepSubmit
}

func done(p *Page, err error) {
	p.Done = err == nil
	if errs, ok := err.(*invalid.Errors); ok {
		p.Problems = errs
	} else if err != nil {
		p.Problems = &invalid.Errors{Pkg: pkg, Fields: []*invalid.FieldError{{Pkg: pkg, Field: "Step", Reason: err.Error()}}}
	}
}

func personPage(a *Application) Page {
	p := &a.Applicant
	page := Page{Step: StepPerson, Title: StepPerson.Title(), Fields: []Field{
		{Name: "Person.Name", Label: Text{"Ees- ja perekonnanimi", "First and last name"}, Input: TextIn, Required: true,
			ReadOnly: p.NameFrom == FromPopulationRegister, Value: []string{p.Name}},
		{Name: "Person.Code", Label: Text{"Isikukood", "Personal identification code"}, Input: Show, ReadOnly: true, Value: []string{p.Code.String()}},
		{Name: "Person.Born", Label: Text{"Sünniaeg", "Date of birth"}, Input: Show, ReadOnly: true, Value: []string{p.Born.Register()}},
		{Name: "Person.Email", Label: Text{"E-post", "E-mail"}, Input: EmailIn, Required: true, Value: []string{p.Email},
			Help: Text{"Teated taotluse menetlemise kohta saadetakse sellele aadressile.", "The notices of the application's progress are sent to this address."}},
		{Name: "Person.Phone", Label: Text{"Telefon", "Telephone"}, Input: PhoneIn, Value: []string{p.Phone}},
		{Name: "Person.Address", Label: Text{"Aadress", "Address"}, Input: TextIn, Value: []string{p.Address}},
	}}
	done(&page, CheckPerson(*p))
	return page
}

func refOptions(rs []register.Ref) []Option {
	out := make([]Option, len(rs))
	for i, r := range rs {
		out[i] = Option{Value: r.ID.String(), Label: Text{Et: r.Name}}
	}
	return out
}

func idValue(id register.ID) []string {
	if id == 0 {
		return nil
	}
	return []string{id.String()}
}

func choicePage(a *Application, o *Offer) Page {
	c := &a.Choice
	var comps []Option
	for _, comp := range o.electives(c) {
		comps = append(comps, Option{Value: comp.ID.String(), Label: Text{Et: comp.Name}})
	}
	chosen := make([]string, len(c.Competences))
	for i, id := range c.Competences {
		chosen[i] = id.String()
	}
	page := Page{Step: StepQualification, Title: StepQualification.Title(), Fields: []Field{
		{Name: "Standard", Label: Text{"Kutsestandard", "Occupational standard"}, Input: Show, ReadOnly: true,
			Value: []string{o.Version.Name + ", " + o.Version.InForce.String()}},
		{Name: "Kind", Label: Text{"Taotlus", "Application"}, Input: Show, ReadOnly: true, Value: []string{a.Kind.String()}},
		{Name: "Choice.Partial", Label: Text{"Osakutse", "Partial qualification"}, Input: OneOf, Value: idValue(c.Partial),
			Options: refOptions(o.Award.Partials), Help: Text{"Jäta tühjaks, kui taotled kogu kutset.", "Leave empty to apply for the whole qualification."}},
		{Name: "Choice.Specialisation", Label: Text{"Spetsialiseerumine", "Specialisation"}, Input: OneOf, Required: !o.basicAwarded(),
			Value: idValue(c.Specialisation), Options: refOptions(o.Award.Specialisations)},
		{Name: "Choice.Competences", Label: Text{"Valitavad kompetentsid", "Elective competences"}, Input: SomeOf, Value: chosen, Options: comps},
		{Name: "Choice.ExamLanguage", Label: Text{"Kutseeksami keel", "Language of the exam"}, Input: OneOf, Required: len(o.Body.ExamLanguages) > 0,
			Value: idValue(c.ExamLanguage), Options: refOptions(o.Body.ExamLanguages)},
	}}
	if a.Kind == Recertification {
		page.Fields = append(page.Fields, Field{Name: "Certificate", Label: Text{"Taastõendatav tunnistus", "Certificate re-certified"},
			Input: Show, ReadOnly: true, Value: []string{string(a.Certificate)}})
	}
	var err error
	if c.IsZero() {
		err = &invalid.Errors{Pkg: pkg, Fields: []*invalid.FieldError{{Pkg: pkg, Field: "Choice", Reason: "is required: choose what you apply for"}}}
	} else if _, err = ResolveChoice(*c, o); err == nil && a.Kind == Recertification && a.Certificate == "" {
		err = &invalid.Errors{Pkg: pkg, Fields: []*invalid.FieldError{{Pkg: pkg, Field: "Certificate", Reason: "is required: the certificate re-certified (APP-02)"}}}
	}
	done(&page, err)
	return page
}

func documentsPage(a *Application, o *Offer) Page {
	q := &o.Qualification
	page := Page{Step: StepDocuments, Title: StepDocuments.Title()}
	for _, d := range q.Documents {
		if !d.For.For(a.Kind) {
			continue
		}
		var names []string
		for _, at := range a.Attached(d.Code) {
			names = append(names, at.Name)
		}
		page.Fields = append(page.Fields, Field{Name: "Attachments[" + d.Code + "]", Label: d.Name, Input: File,
			Required: !d.Optional, Value: names, Help: Text{Et: d.Note}})
	}
	var more []string
	for _, at := range a.Attached("") {
		more = append(more, at.Name)
	}
	page.Fields = append(page.Fields, Field{Name: "Attachments[]", Label: Text{"Muud dokumendid", "Further documents"}, Input: File, Value: more})
	done(&page, MissingDocuments(a, q))
	return page
}

func reviewPage(a *Application) Page {
	page := Page{Step: StepReview, Title: StepReview.Title()}
	for i, c := range a.Conditions {
		v := []string(nil)
		if c.Confirmed {
			v = []string{"true"}
		}
		page.Fields = append(page.Fields, Field{Name: "Conditions[" + strconv.Itoa(i) + "]", Label: Text{Et: c.Text}, Input: Check, Required: true, Value: v,
			Help: Text{"Kinnitan, et vastan tingimusele (kutsestandard).", "I confirm that I meet the condition (occupational standard)."}})
	}
	v := []string(nil)
	if a.Declared {
		v = []string{"true"}
	}
	page.Fields = append(page.Fields, Field{Name: "Declared", Label: Text{"Kinnitan, et esitatud andmed on õiged.", "I declare that the data given are true."},
		Input: Check, Required: true, Value: v})
	done(&page, checkReview(a))
	return page
}
