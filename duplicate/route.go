package duplicate

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
	"github.com/kutsekit/kutse/store"
)

// Level is a level of general education a school offers and a leaving certificate attests (VV
// määrus nr 113 § 2 (1)): "sama haridustaseme omandamist võimaldav kool" (§ 17 (4)) is a school of
// the same Level.
type Level uint8

// The levels.
const (
	Basic     Level = iota + 1 // basic education (põhiharidus): the basic-school leaving certificate
	Secondary                  // general secondary education (üldkeskharidus): the gymnasium certificate
)

// String returns "basic" or "secondary".
func (l Level) String() string {
	switch l {
	case Basic:
		return "basic"
	case Secondary:
		return "secondary"
	}
	return "level(" + strconv.Itoa(int(l)) + ")"
}

// Name returns the level in lang: "põhiharidus" or "üldkeskharidus".
func (l Level) Name(lang law.Lang) string {
	switch l {
	case Basic:
		return lang.Pick("põhiharidus", "basic education")
	case Secondary:
		return lang.Pick("üldkeskharidus", "general secondary education")
	}
	return l.String()
}

// LevelOf returns the level a leaving certificate of kind k attests, and false for a kind that does
// not tell (a grade sheet belongs to either).
func LevelOf(k certificate.Kind) (Level, bool) {
	switch k {
	case certificate.BasicSchool:
		return Basic, true
	case certificate.Gymnasium:
		return Secondary, true
	}
	return 0, false
}

// SchoolStatus is whether a school still works, was reorganised or was closed (§ 17 (2)–(4)).
type SchoolStatus uint8

// The statuses.
const (
	Active      SchoolStatus = iota + 1 // works: it decides itself (§ 17 (2))
	Reorganised                         // reorganised (ümber korraldatud): its successor decides (§ 17 (3))
	Closed                              // closed (tegevus lõpetatud): a school of the same level decides (§ 17 (4))
)

// String returns "active", "reorganised" or "closed".
func (s SchoolStatus) String() string {
	switch s {
	case Active:
		return "active"
	case Reorganised:
		return "reorganised"
	case Closed:
		return "closed"
	}
	return "school-status(" + strconv.Itoa(int(s)) + ")"
}

// SchoolName is an earlier name of a school, used until and including Until.
type SchoolName struct {
	Name  string
	Until calendar.Date
}

// School is a school as the host's school registry (EHIS) knows it.
type School struct {
	Code         string       // its EHIS or registry code
	Name         string       // its name now (or when it closed)
	Earlier      []SchoolName // its earlier names, each with the last day it was used
	Status       SchoolStatus // active, reorganised or closed
	Successor    string       // for a reorganised school, its successor's code
	Levels       []Level      // the levels it offers (offered, for a closed school)
	Municipality string       // the code of the rural municipality or city of its location
	Records      string       // for a closed school, the archive its documents went to; "" = the local government
}

// NameOn returns the name the school used on day d (§ 20 (3): the name used when the applicant
// graduated). A zero d gives the present name.
func (s School) NameOn(d calendar.Date) string {
	if d.IsZero() {
		return s.Name
	}
	best := s.Name
	var bestUntil calendar.Date
	for _, n := range s.Earlier {
		if !n.Until.Before(d) && (bestUntil.IsZero() || n.Until.Before(bestUntil)) {
			best, bestUntil = n.Name, n.Until
		}
	}
	return best
}

// Offers reports whether the school offers level l.
func (s School) Offers(l Level) bool { return slices.Contains(s.Levels, l) }

// Municipality is a rural municipality (vald) or city (linn) and its government.
type Municipality struct {
	Code       string // e.g. its EHAK code
	Name       string // e.g. "Tartu linn"
	Government string // e.g. "Tartu Linnavalitsus"
}

// Body is an awarding body (kutse andja) as the register knows it.
type Body struct {
	Code   string
	Name   string
	Active bool // false when the body no longer exists or no longer awards (Reg74 § 7 (2))
}

// Registry is the school registry the host implements (from EHIS and its own data): schools with
// their status, successor, levels and location, municipalities, and which municipalities are
// nearest to one. The SDK reads it to route a request (SCH-16, SCH-17). Methods return an error
// wrapping store.ErrNotFound for an unknown code.
type Registry interface {
	// School returns the school with the code.
	School(ctx context.Context, code string) (School, error)
	// Schools returns the schools located in the municipality, in the host's order of preference
	// (the first one of a level is the one a request is forwarded to).
	Schools(ctx context.Context, municipality string) ([]School, error)
	// Municipality returns the municipality with the code.
	Municipality(ctx context.Context, code string) (Municipality, error)
	// Nearest returns the codes of the other municipalities, nearest first (by distance or by the
	// host's neighbour order), not including code itself.
	Nearest(ctx context.Context, code string) ([]string, error)
}

// BodyRegistry is an optional capability of a [Registry]: the awarding bodies. Without it an
// occupational certificate's issuer is taken to exist still.
type BodyRegistry interface {
	// AwardingBody returns the awarding body with the registry code.
	AwardingBody(ctx context.Context, code string) (Body, error)
}

// PartyRole is the capacity of a party on a route.
type PartyRole uint8

// The roles of parties.
const (
	PartySchool         PartyRole = iota + 1 // a school: its director receives and decides
	PartyGovernment                          // the government of a rural municipality or city
	PartyArchive                             // an archive holding a closed school's documents
	PartyAwardingBody                        // an awarding body (kutse andja)
	PartyRegisterKeeper                      // Kutsekoda, the register keeper
	PartyExamCentre                          // the institution that issues state-exam certificates
)

// String returns the role's code, e.g. "government".
func (r PartyRole) String() string {
	switch r {
	case PartySchool:
		return "school"
	case PartyGovernment:
		return "government"
	case PartyArchive:
		return "archive"
	case PartyAwardingBody:
		return "awarding-body"
	case PartyRegisterKeeper:
		return "register-keeper"
	case PartyExamCentre:
		return "exam-centre"
	}
	return "party(" + strconv.Itoa(int(r)) + ")"
}

// Party is an organisation on a route.
type Party struct {
	Role PartyRole
	Code string // its registry, EHIS or EHAK code; "" where unknown
	Name string
}

// IsZero reports whether p names no one.
func (p Party) IsZero() bool { return p == Party{} }

// Kutsekoda returns the register keeper, Sihtasutus Kutsekoda (registry code 90006414, seed 000),
// which decides on a duplicate when the awarding body no longer exists (Reg74 § 7 (2)).
func Kutsekoda() Party {
	return Party{Role: PartyRegisterKeeper, Code: "90006414", Name: "Sihtasutus Kutsekoda"}
}

// Action is what a route step does.
type Action uint8

// The actions of a route.
const (
	Submit  Action = iota + 1 // the applicant submits the request to To
	Forward                   // From forwards the request to To
	Confirm                   // To's director obtains a confirmation of graduation from From
	Decide                    // To decides and issues
)

// String returns the action's code, e.g. "forward".
func (a Action) String() string {
	switch a {
	case Submit:
		return "submit"
	case Forward:
		return "forward"
	case Confirm:
		return "confirm"
	case Decide:
		return "decide"
	}
	return "action(" + strconv.Itoa(int(a)) + ")"
}

// RouteStep is one step of a route, with the rule and provision it follows.
type RouteStep struct {
	Action   Action
	From     Party // zero for a submission (the applicant)
	To       Party
	Rule     string
	Citation law.Citation
	Et, En   string
}

// Route is the way a request goes from the applicant to whoever decides, step by step (SCH-16,
// SCH-17; CERT-07; SCH-14).
type Route struct {
	Origin    Party       // who issued the original: for a school, its name as at graduation (§ 20 (3))
	Submit    Party       // where the applicant submits the request
	Decider   Party       // who decides and issues
	Confirmer Party       // zero unless the decider must obtain a confirmation of graduation from it (§ 17 (4))
	Steps     []RouteStep // in order
}

// NeedsConfirmation reports whether the decider issues only on a confirmation of graduation
// (SCH-17: a closed school's document).
func (r Route) NeedsConfirmation() bool { return !r.Confirmer.IsZero() }

// Forwarded reports whether the request goes through anyone before the decider.
func (r Route) Forwarded() bool { return r.Submit != r.Decider }

// Parties returns the codes of every organisation on the route, each once, in order.
func (r Route) Parties() []string {
	var out []string
	add := func(p Party) {
		if p.Code != "" && !slices.Contains(out, p.Code) {
			out = append(out, p.Code)
		}
	}
	add(r.Origin)
	for _, s := range r.Steps {
		add(s.From)
		add(s.To)
	}
	add(r.Confirmer)
	return out
}

// Explanation returns the route's steps as an explanation.
func (r Route) Explanation() law.Explanation {
	var e law.Explanation
	for _, s := range r.Steps {
		e.Add(s.Rule, s.Citation, s.Et, s.En)
	}
	return e
}

// Clone returns a deep copy of r.
func (r Route) Clone() Route {
	r.Steps = slices.Clone(r.Steps)
	return r
}

// RouteInput is what [FindRoute] takes: the procedure and the original's issuer.
type RouteInput struct {
	Procedure  Procedure
	Issuer     string        // the code of the school, awarding body or institution that issued the original
	IssuerName string        // the issuer's name as on the original, where known
	Level      Level         // the level of the document, for a school duplicate
	Graduated  calendar.Date // the day of graduation (the original's date), for the school's name then; zero: unknown
	// On is the day of the request, which picks the version of regulation nr 113 the route follows
	// (GEN-04); not used for an occupational certificate.
	On calendar.Date
}

// maxChain bounds the successors followed, so that a cycle in the registry cannot loop.
const maxChain = 16

// FindRoute returns the route of a request, step by step, with its explanation. It reads the host's
// registry and nothing else: the same registry answers give the same route.
//
//   - SCH-16 (VV määrus nr 113 § 17 (2)): a school duplicate goes to the director of the school
//     that issued the original, who decides.
//   - SCH-17 (§ 17 (3)): the school was reorganised: to the government of the school's location,
//     which forwards it to the successor (following successors that were reorganised in turn; a
//     closed successor is treated as a closed school).
//   - SCH-17 (§ 17 (4)): the school was closed: to the government of its location, which forwards
//     it to a school of the same level in the same municipality; where there is none, to the
//     government of the nearest municipality that has one, which forwards it to that school. Its
//     director obtains a confirmation of graduation from the archive holding the closed school's
//     documents, or the local government, and issues on it.
//   - SCH-12..14 (§§ 15–16): a state-exam certificate goes to the institution that issued it.
//   - CERT-07 (Reg74 § 7 (2)): an occupational certificate goes to the awarding body that issued it,
//     or to Kutsekoda where that body no longer exists (known only when reg implements
//     [BodyRegistry]).
//
// An unknown school (or successor) is a *RequestError wrapping [ErrUnknownSchool]; a closed school
// with no school of its level anywhere the registry lists is one wrapping [ErrNoSchool]. For the
// procedures of regulation nr 113 the version in force on in.On is applied and named in the
// explanation (st; nil: vv113.Default); a day no version covers is refused with an error wrapping
// law.ErrNoVersion (GEN-04).
func FindRoute(ctx context.Context, st vv113.Statute, reg Registry, in RouteInput) (Route, law.Explanation, error) {
	if !uses113(in.Procedure) || !in.Procedure.Valid() {
		return findRoute(ctx, reg, in)
	}
	rule, cite := applicationCitation(in.Procedure)
	v, err := in113(st, in.On, rule, cite, "route the request")
	if err != nil {
		return Route{}, law.Explanation{}, err
	}
	r, e, err := findRoute(ctx, reg, in)
	vv113.Mark(&e, v)
	return r, e, err
}

func findRoute(ctx context.Context, reg Registry, in RouteInput) (Route, law.Explanation, error) {
	var r Route
	switch {
	case in.Procedure == OccupationalDuplicate:
		err := occupationalRoute(ctx, reg, in, &r)
		return r, r.Explanation(), err
	case in.Procedure.StateExam():
		c := Party{Role: PartyExamCentre, Code: in.Issuer, Name: in.IssuerName}
		if c.Name == "" {
			c.Name = "riigieksamitunnistusi väljastav asutus"
		}
		rule, cite := groundCitation(in.Procedure, 0)
		r.Origin, r.Submit, r.Decider = c, c, c
		r.Steps = []RouteStep{
			{Action: Submit, To: c, Rule: rule, Citation: cite,
				Et: "taotlus esitatakse riigieksamitunnistusi väljastavale asutusele (" + c.Name + ")",
				En: "the request goes to the institution that issues state-exam certificates (" + c.Name + ")"},
			decideStep(in.Procedure, c),
		}
		return r, r.Explanation(), nil
	case in.Procedure != SchoolDuplicate:
		return r, law.Explanation{}, &RequestError{Rule: RuleApplication, Citation: reg113.At("17", "2", "").String(), Field: "Procedure",
			Value: in.Procedure.String(), Reason: "is not a procedure", Err: ErrInvalid}
	}
	if reg == nil {
		return r, law.Explanation{}, &RequestError{Rule: RuleApplication, Citation: reg113.At("17", "2", "").String(), Field: "Issuer",
			Value: in.Issuer, Reason: "cannot be looked up: no school registry is configured", Err: ErrUnknownSchool}
	}
	if in.Level != Basic && in.Level != Secondary {
		return r, law.Explanation{}, &RequestError{Rule: RuleRouting, Citation: reg113.At("17", "4", "").String(), Field: "Level",
			Value: in.Level.String(), Reason: "is required: basic or secondary", Err: ErrInvalid}
	}
	s, err := school(ctx, reg, in.Issuer, RuleApplication, reg113.At("17", "2", ""), "Issuer")
	if err != nil {
		return r, law.Explanation{}, err
	}
	name := s.NameOn(in.Graduated)
	if in.Graduated.IsZero() && in.IssuerName != "" {
		name = in.IssuerName
	}
	r.Origin = Party{Role: PartySchool, Code: s.Code, Name: name}
	err = schoolRoute(ctx, reg, s, in.Level, &r, true)
	return r, r.Explanation(), err
}

func school(ctx context.Context, reg Registry, code, rule string, cite law.Citation, field string) (School, error) {
	if code == "" {
		return School{}, &RequestError{Rule: rule, Citation: cite.String(), Field: field, Reason: "is required: the school's code", Err: ErrUnknownSchool}
	}
	s, err := reg.School(ctx, code)
	if errors.Is(err, store.ErrNotFound) {
		return School{}, &RequestError{Rule: rule, Citation: cite.String(), Field: field, Value: code,
			Reason: "is not in the school registry", Err: ErrUnknownSchool}
	}
	if err != nil {
		return School{}, fmt.Errorf("duplicate: school registry: school %q: %w", code, err)
	}
	return s, nil
}

func government(ctx context.Context, reg Registry, code string) (Party, error) {
	m, err := reg.Municipality(ctx, code)
	if errors.Is(err, store.ErrNotFound) {
		return Party{}, &RequestError{Rule: RuleRouting, Citation: reg113.At("17", "3", "").String(), Field: "Municipality",
			Value: code, Reason: "is not in the school registry", Err: ErrUnknownSchool}
	}
	if err != nil {
		return Party{}, fmt.Errorf("duplicate: school registry: municipality %q: %w", code, err)
	}
	gov := m.Government
	if gov == "" {
		gov = m.Name + " valitsus"
	}
	return Party{Role: PartyGovernment, Code: m.Code, Name: gov}, nil
}

func schoolParty(s School) Party { return Party{Role: PartySchool, Code: s.Code, Name: s.Name} }

// schoolRoute adds the steps from school s (first: the applicant submits) to the decider.
func schoolRoute(ctx context.Context, reg Registry, s School, l Level, r *Route, first bool) error {
	var gov Party
	for range maxChain {
		switch s.Status {
		case Active:
			p := schoolParty(s)
			if first {
				r.Submit = p
				r.Steps = append(r.Steps, RouteStep{Action: Submit, To: p, Rule: RuleApplication, Citation: reg113.At("17", "2", ""),
					Et: "taotlus esitatakse algdokumendi väljaandnud kooli (" + s.Name + ") direktorile",
					En: "the request goes to the director of the school that issued the original (" + s.Name + ")"})
			}
			r.Decider = p
			r.Steps = append(r.Steps, decideStep(SchoolDuplicate, p))
			return nil
		case Reorganised:
			if first {
				g, err := government(ctx, reg, s.Municipality)
				if err != nil {
					return err
				}
				gov, r.Submit, first = g, g, false
				r.Steps = append(r.Steps, RouteStep{Action: Submit, To: g, Rule: RuleRouting, Citation: reg113.At("17", "3", ""),
					Et: s.Name + " on ümber korraldatud: taotlus esitatakse kooli asukohajärgsele valitsusele (" + g.Name + ")",
					En: s.Name + " was reorganised: the request goes to the government of the school's location (" + g.Name + ")"})
			}
			succ, err := school(ctx, reg, s.Successor, RuleRouting, reg113.At("17", "3", ""), "Successor")
			if err != nil {
				return err
			}
			r.Steps = append(r.Steps, RouteStep{Action: Forward, From: gov, To: schoolParty(succ), Rule: RuleRouting, Citation: reg113.At("17", "3", ""),
				Et: gov.Name + " saadab taotluse ümberkorraldatud kooli õigusjärglasele (" + succ.Name + ")",
				En: gov.Name + " forwards the request to the reorganised school's successor (" + succ.Name + ")"})
			if succ.Status == Reorganised || succ.Status == Closed {
				// The successor itself was reorganised or closed: the forwarded request goes on from it.
				r.Steps = r.Steps[:len(r.Steps)-1]
			}
			s = succ
		case Closed:
			return closedRoute(ctx, reg, s, l, r, first)
		default:
			return &RequestError{Rule: RuleRouting, Citation: reg113.At("17", "3", "").String(), Field: "Status",
				Value: s.Status.String(), Reason: "of school " + s.Code + " is unknown to the registry", Err: ErrUnknownSchool}
		}
	}
	return &RequestError{Rule: RuleRouting, Citation: reg113.At("17", "3", "").String(), Field: "Successor", Value: s.Code,
		Reason: "the chain of successors is longer than " + strconv.Itoa(maxChain) + " or has a cycle", Err: ErrUnknownSchool}
}

func closedRoute(ctx context.Context, reg Registry, s School, l Level, r *Route, first bool) error {
	cite := reg113.At("17", "4", "")
	gov, err := government(ctx, reg, s.Municipality)
	if err != nil {
		return err
	}
	if first {
		r.Submit = gov
		r.Steps = append(r.Steps, RouteStep{Action: Submit, To: gov, Rule: RuleRouting, Citation: cite,
			Et: s.Name + " on tegevuse lõpetanud: taotlus esitatakse kooli asukohajärgsele valitsusele (" + gov.Name + ")",
			En: s.Name + " was closed: the request goes to the government of the school's location (" + gov.Name + ")"})
	} else if gov != r.Submit {
		r.Steps = append(r.Steps, RouteStep{Action: Forward, From: r.Submit, To: gov, Rule: RuleRouting, Citation: cite,
			Et: "õigusjärglane " + s.Name + " on tegevuse lõpetanud: taotlus läheb selle asukohajärgsele valitsusele (" + gov.Name + ")",
			En: "the successor " + s.Name + " was closed: the request goes to the government of its location (" + gov.Name + ")"})
	}
	target, err := sameLevel(ctx, reg, s.Municipality, s.Code, l)
	if err != nil {
		return err
	}
	if target.Code != "" {
		r.Steps = append(r.Steps, RouteStep{Action: Forward, From: gov, To: schoolParty(target), Rule: RuleRouting, Citation: cite,
			Et: gov.Name + " saadab taotluse samas vallas või linnas asuvale koolile, kus saab omandada sama haridustaseme (" + l.Name(law.Estonian) + "): " + target.Name,
			En: gov.Name + " forwards the request to a school of the same level (" + l.Name(law.English) + ") in the same municipality: " + target.Name})
	} else {
		near, err := reg.Nearest(ctx, s.Municipality)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("duplicate: school registry: nearest to %q: %w", s.Municipality, err)
		}
		for _, m := range near {
			if m == s.Municipality {
				continue
			}
			t, err := sameLevel(ctx, reg, m, s.Code, l)
			if err != nil {
				return err
			}
			if t.Code == "" {
				continue
			}
			other, err := government(ctx, reg, m)
			if err != nil {
				return err
			}
			target = t
			r.Steps = append(r.Steps,
				RouteStep{Action: Forward, From: gov, To: other, Rule: RuleRouting, Citation: cite,
					Et: "vallas või linnas ei ole sama haridustaseme kooli: " + gov.Name + " esitab taotluse lähima sellise valla või linna valitsusele (" + other.Name + ")",
					En: "the municipality has no school of the same level: " + gov.Name + " sends the request to the government of the nearest municipality with one (" + other.Name + ")"},
				RouteStep{Action: Forward, From: other, To: schoolParty(t), Rule: RuleRouting, Citation: cite,
					Et: other.Name + " saadab taotluse sama haridustaseme koolile " + t.Name,
					En: other.Name + " forwards the request to the school of the same level, " + t.Name})
			break
		}
		if target.Code == "" {
			return &RequestError{Rule: RuleRouting, Citation: cite.String(), Field: "Issuer", Value: s.Code,
				Reason: "the school was closed and no municipality the registry lists has a school of level " + l.String(), Err: ErrNoSchool}
		}
	}
	conf := gov
	if s.Records != "" {
		conf = Party{Role: PartyArchive, Name: s.Records}
	}
	tp := schoolParty(target)
	r.Confirmer, r.Decider = conf, tp
	r.Steps = append(r.Steps, RouteStep{Action: Confirm, From: conf, To: tp, Rule: RuleRouting, Citation: cite,
		Et: "kooli " + tp.Name + " direktor taotleb teatise selle kohta, et õpilane on lõpetanud kooli " + s.Name + "; teatise annab " + conf.Name,
		En: "the director of " + tp.Name + " obtains from " + conf.Name + " a confirmation that the pupil graduated from " + s.Name})
	step := decideStep(SchoolDuplicate, tp)
	step.Et += "; duplikaat antakse välja teatise alusel"
	step.En += "; the duplicate is issued on the confirmation"
	r.Steps = append(r.Steps, step)
	return nil
}

// sameLevel returns the first active school of level l in municipality m other than except, or a zero
// School.
func sameLevel(ctx context.Context, reg Registry, m, except string, l Level) (School, error) {
	ss, err := reg.Schools(ctx, m)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return School{}, fmt.Errorf("duplicate: school registry: schools in %q: %w", m, err)
	}
	for _, s := range ss {
		if s.Code != except && s.Status == Active && s.Offers(l) {
			return s, nil
		}
	}
	return School{}, nil
}

func decideStep(p Procedure, d Party) RouteStep {
	switch p {
	case SchoolDuplicate:
		return RouteStep{Action: Decide, To: d, Rule: RuleDecision, Citation: reg113.At("18", "1", ""),
			Et: "kooli " + d.Name + " direktor otsustab algdokumendi kehtetuks tunnistamise ja duplikaadi väljaandmise",
			En: "the director of " + d.Name + " decides on invalidating the original and issuing the duplicate"}
	case OccupationalDuplicate:
		return RouteStep{Action: Decide, To: d, Rule: RuleOccupation, Citation: reg74.At("8", "1", ""),
			Et: d.Name + " otsustab algdokumendi kehtetuks tunnistamise ja duplikaadi väljaandmise",
			En: d.Name + " decides on invalidating the original and issuing the duplicate"}
	}
	rule, cite := RuleExchange, reg113.At("16", "4", "")
	return RouteStep{Action: Decide, To: d, Rule: rule, Citation: cite,
		Et: d.Name + " otsustab elektroonilise riigieksamitunnistuse väljastamise",
		En: d.Name + " decides on issuing the electronic state-exam certificate"}
}

func occupationalRoute(ctx context.Context, reg Registry, in RouteInput, r *Route) error {
	body := Party{Role: PartyAwardingBody, Code: in.Issuer, Name: in.IssuerName}
	r.Origin = body
	exists := true
	if br, ok := reg.(BodyRegistry); ok {
		b, err := br.AwardingBody(ctx, in.Issuer)
		switch {
		case errors.Is(err, store.ErrNotFound):
			exists = false
		case err != nil:
			return fmt.Errorf("duplicate: registry: awarding body %q: %w", in.Issuer, err)
		default:
			exists = b.Active
			if b.Name != "" {
				body.Name = b.Name
				if r.Origin.Name == "" {
					r.Origin.Name = b.Name
				}
			}
		}
	}
	cite := reg74.At("7", "2", "")
	decider := body
	if exists {
		r.Steps = append(r.Steps, RouteStep{Action: Submit, To: body, Rule: RuleOccupation, Citation: cite,
			Et: "taotlus esitatakse algdokumendi välja andnud kutse andjale (" + body.Name + ")",
			En: "the request goes to the awarding body that issued the original (" + body.Name + ")"})
	} else {
		decider = Kutsekoda()
		r.Steps = append(r.Steps, RouteStep{Action: Submit, To: decider, Rule: RuleOccupation, Citation: cite,
			Et: "algdokumendi välja andnud kutse andjat (" + body.Name + ") ei ole enam: taotlus esitatakse Kutsekojale",
			En: "the awarding body that issued the original (" + body.Name + ") no longer exists: the request goes to Kutsekoda"})
	}
	r.Submit, r.Decider = decider, decider
	r.Steps = append(r.Steps, decideStep(OccupationalDuplicate, decider))
	return nil
}
