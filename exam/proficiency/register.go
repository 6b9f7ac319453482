package proficiency

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/deadline"
	"github.com/kutsekit/kutse/law"
)

// Wait is the wait before a person may sit the exam again after a registration's outcome (LNG-08).
type Wait struct {
	// Applies reports whether the outcome starts a wait.
	Applies bool
	// Exam is the day of the exam the outcome is about; the wait is counted from it.
	Exam calendar.Date
	// Ends is the last day of the wait; From, the day after, is the first exam day the person may
	// sit again. Both are zero when no wait applies.
	Ends, From  calendar.Date
	Version     string       // the version applied: the one in force on the exam day (GEN-04)
	Citation    law.Citation // the provision of that version
	Explanation law.Explanation
}

// RetakeWait returns the wait a registration's outcome starts (LNG-08) under the version in force on
// its exam day:
//
//   - 004 (to 30.06.2011), § 5 (4): after failing or being absent, not earlier than three months
//     after the exam. A registration cancelled at least the day before the exam is no absence (004
//     is silent on cancelling).
//   - 003 (from 01.07.2011): after an absence without good reason, or a result below 35 % of the
//     maximum, not earlier than six months after the exam; not when the registration was cancelled
//     at least 7 days before the exam (a later cancellation counts as an absence); an absence is
//     for a good reason when the person's explanation, with evidence, reached the exam centre
//     within 30 days of the exam and the centre accepted the reason.
//
// The wait is a period of months counted from the exam day (TsÜS § 135 (1), § 136 (3)): "not
// earlier than six months after" the exam of 15.09.2011 means the six months pass at the end of
// 15.03.2012, and the first day the person may sit is 16.03.2012. A registration still active has
// no outcome and starts no wait (LNG-07 keeps the person from registering again).
func (rb Rulebook) RetakeWait(r Registration) (Wait, error) {
	v, step, err := rb.version(r.Date)
	if err != nil {
		return Wait{}, err
	}
	return retakeWait(v, step, &r)
}

func retakeWait(v *law.Version[Rules], step law.Step, r *Registration) (Wait, error) {
	w := Wait{Exam: r.Date, Version: v.Name, Citation: cite(v, "LNG-08")}
	e := &w.Explanation
	e.AddStep(step)
	rt := v.Rule.Retake
	c := cite(v, "LNG-08")
	exam := r.Date.Register()
	start := false
	status := r.Status
	switch status {
	case Registered:
		e.Add("LNG-08", c, "registreering on kehtiv ja eksamil pole veel tulemust: ooteaega ei ole",
			"the registration is active and the exam has no outcome yet: no wait")
		return w, nil
	case Cancelled:
		if r.CancelledOn.IsZero() {
			return Wait{}, &FieldError{Pkg: pkg, Field: "CancelledOn", Reason: "is required for a cancelled registration"}
		}
		days := r.Date.DaysSince(r.CancelledOn)
		if days >= rt.CancelDays {
			e.Add("LNG-08", c,
				"registreering tühistati "+r.CancelledOn.Register()+", "+strconv.Itoa(days)+" päeva enne eksamit "+exam+" (vähemalt "+strconv.Itoa(rt.CancelDays)+"): piirangut ei kohaldata",
				"the registration was cancelled on "+r.CancelledOn.Register()+", "+strconv.Itoa(days)+" days before the exam on "+exam+" (at least "+strconv.Itoa(rt.CancelDays)+"): no wait")
			return w, nil
		}
		e.Add("LNG-08", c,
			"registreering tühistati "+r.CancelledOn.Register()+", vähem kui "+strconv.Itoa(rt.CancelDays)+" päeva enne eksamit "+exam+": loetakse puudumiseks",
			"the registration was cancelled on "+r.CancelledOn.Register()+", less than "+strconv.Itoa(rt.CancelDays)+" days before the exam on "+exam+": it counts as an absence")
		status = Absent
	}
	switch status {
	case Absent:
		if !rt.GoodReasonExempts {
			e.Add("LNG-08", c, "isik puudus eksamilt "+exam, "the person was absent from the exam on "+exam)
			start = true
			break
		}
		dl, err := explanationDue(v, r.Date)
		if err != nil {
			return Wait{}, err
		}
		a := r.Absence
		switch {
		case a == nil || a.ExplanationFiled.IsZero():
			e.Add("LNG-08", c,
				"isik puudus eksamilt "+exam+" ega esitanud "+dl.Due.Register()+" kaasa arvatud selgitust koos tõendiga: puudumine mõjuva põhjuseta",
				"the person was absent from the exam on "+exam+" and filed no explanation with evidence by "+dl.Due.Register()+": absent without good reason")
			start = true
		case a.ExplanationFiled.After(dl.Due):
			e.Add("LNG-08", c,
				"puudumise selgitus esitati "+a.ExplanationFiled.Register()+", pärast tähtpäeva "+dl.Due.Register()+": puudumine mõjuva põhjuseta",
				"the explanation of the absence was filed on "+a.ExplanationFiled.Register()+", after the due date "+dl.Due.Register()+": absent without good reason")
			start = true
		case a.Evidence == "":
			e.Add("LNG-08", c, "puudumise selgitusel ei ole tõendit: puudumine mõjuva põhjuseta",
				"the explanation of the absence has no evidence: absent without good reason")
			start = true
		case !a.Accepted:
			e.Add("LNG-08", c, "eksamikeskus ei pidanud puudumise põhjust mõjuvaks",
				"the exam centre did not find the reason for the absence good")
			start = true
		default:
			e.Add("LNG-08", c,
				"isik puudus mõjuval põhjusel: selgitus koos tõendiga ("+a.Evidence+") esitati "+a.ExplanationFiled.Register()+", tähtpäevaks "+dl.Due.Register()+": ooteaega ei ole",
				"the person was absent for a good reason: the explanation with evidence ("+a.Evidence+") was filed on "+a.ExplanationFiled.Register()+", by the due date "+dl.Due.Register()+": no wait")
		}
	case Graded:
		g := r.Grade
		if g == nil {
			return Wait{}, &FieldError{Pkg: pkg, Field: "Grade", Reason: "is required for a graded registration"}
		}
		switch {
		case g.Passed:
			e.Add("LNG-08", c, "eksam on sooritatud: ooteaega ei ole", "the exam was passed: no wait")
		case rt.FailBelow.IsZero():
			e.Add("LNG-08", c, "eksam on sooritamata", "the exam was not passed")
			start = true
		case g.Below(rt.FailBelow):
			e.Add("LNG-08", c,
				"tulemus "+numEt(g.Percent())+" % on alla "+numEt(rt.FailBelow)+" protsendipunkti võimalikust punktisummast",
				"the result, "+g.Percent().String()+" %, is below "+rt.FailBelow.String()+" % of the maximum")
			start = true
		default:
			e.Add("LNG-08", c,
				"eksam on sooritamata, kuid tulemus "+numEt(g.Percent())+" % ei ole alla "+numEt(rt.FailBelow)+" %: ooteaega ei ole",
				"the exam was not passed, but the result, "+g.Percent().String()+" %, is not below "+rt.FailBelow.String()+" %: no wait")
		}
	default:
		return Wait{}, &FieldError{Pkg: pkg, Field: "Status", Value: r.Status.String(), Reason: "is not a registration status"}
	}
	if !start {
		return w, nil
	}
	dl, err := deadline.Months(r.Date, rt.Months)
	if err != nil {
		return Wait{}, err
	}
	w.Applies, w.Ends, w.From = true, dl.End, dl.End.AddDays(1)
	e.Steps = append(e.Steps, counting(dl)...)
	e.Add("LNG-08", c,
		"eksami võib uuesti sooritada mitte varem kui "+strconv.Itoa(rt.Months)+" kuu möödumisel eksamist "+exam+": ooteaeg lõpeb "+w.Ends.Register()+", esimene lubatud eksamipäev on "+w.From.Register(),
		"the exam may be sat again no earlier than "+strconv.Itoa(rt.Months)+" months after the exam on "+exam+": the wait ends on "+w.Ends.Register()+"; the first exam day allowed is "+w.From.Register())
	return w, nil
}

// Application is a request to register a person for a session (LNG-05).
type Application struct {
	// Key is an idempotency key: a retried registration with the same key returns the first one.
	Key     string
	Person  Person
	Session Session
	Centre  string // the exam centre chosen; one of the session's
	Channel Channel
	// Documents are what a written application comes with.
	Documents Documents
	// CommitteeDecision is the reference of the person's health expert committee decision, where
	// there is one; a written application must then include its copy (004 § 5 (2) 3)).
	CommitteeDecision string
	// Senior asks for the arrangement of a citizenship applicant aged 65 or more: level B1 without
	// the writing part ("B1-tase* (65 a ja vanem kodakondsuse taotleja)", LNG-21).
	Senior bool
	// On is the day of the registration (Europe/Tallinn).
	On calendar.Date
}

// Decision is the decision on an application.
type Decision struct {
	Allowed bool
	Refusal *Refusal // why not, when not Allowed
	Version string   // the version applied: the one in force on the exam day (GEN-04)
	// Closes is the last day of registration (LNG-09); NoticeDue the last day the notice may reach
	// the person (LNG-10).
	Closes, NoticeDue calendar.Date
	// Skills are the parts the person takes (LNG-02, LNG-21).
	Skills SkillSet
	// ConsultationHours are the free group consultations the person may attend (LNG-20).
	ConsultationHours int
	Explanation       law.Explanation
}

// Decide decides an application under the version in force on the exam day, given the person's
// earlier registrations (any order). It checks, in this order, and refuses at the first rule
// broken with a [*Refusal] in the Decision:
//
//   - LNG-03 (004 § 3 (2)): the session's level is examined;
//   - LNG-05 (004 § 5 (1)–(2); 003): online registration needs an Estonian personal code (the state
//     portal's login); a written one needs the form, a copy of an identity document and, where the
//     person has a health expert committee decision, its copy;
//   - LNG-09 (003): the application is made by the 1st day of the month before the exam's month;
//   - LNG-07 (004 § 5 (4); 003): the person has no active registration;
//   - LNG-08 (004 § 5 (4); 003): the exam is not inside the wait an earlier outcome started (each
//     earlier outcome is judged under the version in force on its own exam day, see
//     [Rulebook.RetakeWait]);
//   - LNG-21 (003; Kodakondsuse seadus § 8 (2) 4)): the 65+ arrangement, when asked for, is for a
//     citizenship applicant at least 65 years old on the exam day (from the personal code, or the
//     birth date), at level B1; the person then takes listening, reading and speaking.
//
// An allowed decision also gives the notice's due date (LNG-10, 004 § 5 (5)), the oral part's
// work-related topics at B2 and C1 (LNG-04, 004 § 3 (3)) and the consultations (LNG-20, 004 § 9).
// Decide returns an error only for input it cannot judge: a missing or malformed field, or a date no
// version covers.
func (rb Rulebook) Decide(app Application, history []Registration) (Decision, error) {
	if err := app.validate(); err != nil {
		return Decision{}, err
	}
	s := &app.Session
	v, step, err := rb.version(s.Date)
	if err != nil {
		return Decision{}, err
	}
	d := Decision{Version: v.Name, Closes: closes(v, s.Date)}
	e := &d.Explanation
	e.AddStep(step)
	op := "register for " + s.ID
	refuse := func(rule string, cat error, et, en string) (Decision, error) {
		d.Refusal = &Refusal{Rule: rule, Citation: cite(v, rule), Version: v.Name, Op: op, Err: cat, Et: et, En: en}
		e.AddStep(d.Refusal.Step())
		return d, nil
	}

	// LNG-03
	if !slices.Contains(v.Rule.Levels, s.Level) {
		return refuse("LNG-03", ErrLevelNotOffered, s.Level.String()+"-taseme eksamit ei korraldata",
			"no exam is held at level "+s.Level.String())
	}
	e.Add("LNG-03", cite(v, "LNG-03"), "eksami tase "+s.Level.String(), "exam level "+s.Level.String())

	// LNG-05
	switch app.Channel {
	case Online:
		if app.Person.Code.IsZero() {
			return refuse("LNG-05", ErrDocuments,
				"riigiportaalis saab registreeruda ainult Eesti isikukoodiga (ID-kaart või internetipank); esitage kirjalik avaldus",
				"online registration in the state portal needs an Estonian personal code (ID card or online bank); file a written application")
		}
		e.Add("LNG-05", cite(v, "LNG-05"), "registreerumine riigiportaalis eesti.ee", "registration online in the state portal eesti.ee")
	case Written:
		var miss, missEn []string
		if !app.Documents.Form {
			miss, missEn = append(miss, "vormikohane avaldus"), append(missEn, "the application on the form")
		}
		if !app.Documents.IdentityCopy {
			miss, missEn = append(miss, "isikut tõendava dokumendi koopia"), append(missEn, "a copy of an identity document")
		}
		if app.CommitteeDecision != "" && !app.Documents.CommitteeCopy {
			miss, missEn = append(miss, "ekspertkomisjoni otsus "+app.CommitteeDecision), append(missEn, "the expert committee's decision "+app.CommitteeDecision)
		}
		if len(miss) > 0 {
			return refuse("LNG-05", ErrDocuments, "kirjalikult registreerumisel puudub: "+join(miss),
				"the written registration lacks: "+join(missEn))
		}
		e.Add("LNG-05", cite(v, "LNG-05"), "kirjalik avaldus koos nõutud dokumentidega", "a written application with the documents required")
	}

	// LNG-09
	if app.On.After(d.Closes) {
		d2, _ := refuse("LNG-09", ErrRegistrationClosed,
			"registreerumine "+s.Date.Register()+" toimuvale eksamile lõppes "+d.Closes.Register()+" (eksamile eelneva kuu 1. kuupäeval); avaldus esitati "+app.On.Register(),
			"registration for the exam on "+s.Date.Register()+" closed on "+d.Closes.Register()+" (the 1st day of the month before the exam's); the application was made on "+app.On.Register())
		d2.Refusal.RegisterFrom, d2.Refusal.ExamFrom = app.On, firstOpenExam(v, app.On)
		return d2, nil
	}
	e.Add("LNG-09", cite(v, "LNG-09"),
		"avaldus esitati "+app.On.Register()+", registreerumise viimasel päeval "+d.Closes.Register()+" või varem",
		"the application was made on "+app.On.Register()+", on or before the last day of registration, "+d.Closes.Register())

	// LNG-07
	for i := range history {
		if h := &history[i]; h.Status.Active() {
			d2, _ := refuse("LNG-07", ErrAlreadyRegistered,
				"korraga saab registreeruda ühele eksamile; isik on registreeritud eksamile "+h.Date.Register()+" ("+h.Session+")",
				"a person can be registered for one exam at a time; the person is registered for the exam on "+h.Date.Register()+" ("+h.Session+")")
			d2.Refusal.RegisterFrom = h.Date.AddDays(1)
			return d2, nil
		}
	}
	e.Add("LNG-07", cite(v, "LNG-07"), "isikul ei ole teist kehtivat registreeringut", "the person has no other active registration")

	// LNG-08
	longest := rb.longestWait()
	var wait *Wait
	for i := range history {
		h := &history[i]
		hv, hstep, err := rb.version(h.Date)
		if errors.Is(err, law.ErrNoVersion) && h.Date.AddMonths(longest).Before(s.Date) {
			continue // older than any wait a known version sets; see the package doc
		}
		if err != nil {
			return Decision{}, fmt.Errorf("proficiency: earlier registration %d: %w", h.ID, err)
		}
		w, err := retakeWait(hv, hstep, h)
		if err != nil {
			return Decision{}, fmt.Errorf("proficiency: earlier registration %d: %w", h.ID, err)
		}
		if w.Applies && (wait == nil || w.From.After(wait.From)) {
			wait = &w
		}
	}
	if wait != nil {
		if s.Date.Before(wait.From) {
			e.Append(wait.Explanation)
			d2, _ := refuse("LNG-08", ErrRetakeWait,
				"eksam "+s.Date.Register()+" jääb ooteaja sisse; registreeruda saab eksamile alates "+wait.From.Register(),
				"the exam on "+s.Date.Register()+" falls inside the wait; the person may register for an exam from "+wait.From.Register())
			d2.Refusal.Version, d2.Refusal.Citation = wait.Version, wait.Citation
			d2.Explanation.Steps[len(d2.Explanation.Steps)-1] = d2.Refusal.Step()
			d2.Refusal.RegisterFrom, d2.Refusal.ExamFrom = app.On, wait.From
			return d2, nil
		}
		e.Add("LNG-08", cite(v, "LNG-08"),
			"eksam "+s.Date.Register()+" on pärast ooteaja lõppu "+wait.Ends.Register(),
			"the exam on "+s.Date.Register()+" is after the wait, which ended on "+wait.Ends.Register())
	} else {
		e.Add("LNG-08", cite(v, "LNG-08"), "varasemad eksamid ooteaega ei põhjusta", "no earlier exam started a wait")
	}

	// LNG-21
	d.Skills = AllSkills
	if app.Senior {
		sr := v.Rule.Senior
		if sr == nil {
			return refuse("LNG-21", ErrNotSenior,
				"selles redaktsioonis ei ole 65-aastaste ja vanemate kodakondsuse taotlejate erikorda",
				"this version has no arrangement for citizenship applicants aged 65 or more")
		}
		age := app.Person.AgeOn(s.Date)
		src, srcEn := "isikukoodi", "personal code"
		if app.Person.Code.IsZero() {
			src, srcEn = "sünniaja", "birth date"
		}
		switch {
		case !app.Person.Citizenship:
			return refuse("LNG-21", ErrNotSenior, "erikord on ainult Eesti kodakondsuse taotlejale",
				"the arrangement is only for an applicant for Estonian citizenship")
		case age < sr.MinAge:
			return refuse("LNG-21", ErrNotSenior,
				"isik on eksamipäeval "+s.Date.Register()+" "+src+" järgi "+strconv.Itoa(age)+"-aastane, mitte vähemalt "+strconv.Itoa(sr.MinAge),
				"by the "+srcEn+" the person is "+strconv.Itoa(age)+" on the exam day "+s.Date.Register()+", not at least "+strconv.Itoa(sr.MinAge))
		case s.Level != sr.Level:
			return refuse("LNG-21", ErrNotSenior,
				"vähemalt "+strconv.Itoa(sr.MinAge)+"-aastane kodakondsuse taotleja valib "+sr.Level.String()+"-taseme, mitte "+s.Level.String(),
				"a citizenship applicant aged "+strconv.Itoa(sr.MinAge)+" or more registers for level "+sr.Level.String()+", not "+s.Level.String())
		}
		d.Skills = AllSkills &^ SetOf(sr.Exempt)
		var parts, partsEn []string
		for _, k := range d.Skills.List() {
			parts, partsEn = append(parts, k.Name(law.Estonian)), append(partsEn, k.Name(law.English))
		}
		e.Add("LNG-21", cite(v, "LNG-21"),
			"kodakondsuse taotleja on eksamipäeval "+s.Date.Register()+" "+src+" järgi "+strconv.Itoa(age)+"-aastane: "+sr.Level.String()+
				"-tase, vabastatud osast "+sr.Exempt.Name(law.Estonian)+"; sooritab osad "+join(parts),
			"the citizenship applicant is "+strconv.Itoa(age)+" on the exam day "+s.Date.Register()+" by the "+srcEn+": level "+sr.Level.String()+
				", exempt from "+sr.Exempt.Name(law.English)+"; takes "+join(partsEn))
	}

	// LNG-04, LNG-10, LNG-20: what follows from an allowed registration
	if slices.Contains(v.Rule.WorkRelatedOral, s.Level) {
		e.Add("LNG-04", cite(v, "LNG-04"), "suuline osa sisaldab tööalase tegevusvaldkonnaga seotud teemasid",
			"the oral part includes topics related to the person's field of work")
	}
	due, steps, err := noticeDue(v, s.Date)
	if err != nil {
		return Decision{}, err
	}
	d.NoticeDue = due
	e.Steps = append(e.Steps, steps...)
	d.ConsultationHours = v.Rule.ConsultationHours
	e.Add("LNG-20", cite(v, "LNG-20"),
		"registreerunul on õigus tasuta eksamieelsetele rühmakonsultatsioonidele "+strconv.Itoa(d.ConsultationHours)+" akadeemilise tunni ulatuses",
		"the registered person may attend free group consultations before the exam, "+strconv.Itoa(d.ConsultationHours)+" academic hours")
	d.Allowed = true
	return d, nil
}

// longestWait returns the longest wait, in months, any version sets.
func (rb Rulebook) longestWait() int {
	n := 0
	for _, v := range rb {
		n = max(n, v.Rule.Retake.Months)
	}
	return n
}

func (a *Application) validate() error {
	var fs fields
	a.Person.validate(&fs, "Person.")
	s := &a.Session
	if s.ID == "" {
		fs.add("Session.ID", "", "is required")
	}
	if !s.Level.Valid() {
		fs.add("Session.Level", s.Level.String(), "is not an exam level")
	}
	if !s.Date.IsValid() {
		fs.add("Session.Date", "", "is required: a real date")
	}
	if a.Channel != Online && a.Channel != Written {
		fs.add("Channel", a.Channel.String(), "must be online or written (LNG-05)")
	}
	if !a.On.IsValid() {
		fs.add("On", "", "is required: the day of the registration")
	}
	if len(s.Centres) > 0 && !slices.Contains(s.Centres, a.Centre) {
		fs.add("Centre", a.Centre, "is not one of the session's exam centres")
	}
	return fs.err()
}

func join(parts []string) string { return strings.Join(parts, ", ") }
