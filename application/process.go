package application

import (
	"slices"
	"strconv"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
)

// Action is one step of an application's life (APP-05, APP-08, APP-09).
type Action uint8

// The actions.
const (
	Edit              Action = iota + 1 // fill in a step of the draft (or, to complete it, its documents)
	Submit                              // submit the draft: the form is generated (APP-06)
	Withdraw                            // withdraw the application
	Receive                             // take the submitted application into processing
	RequestCompletion                   // ask the applicant to complete it by a due date
	Complete                            // the applicant completes it
	Admit                               // the documents are in order: admitted to assessment
	Award                               // decide to award: the certificate is issued in the same commit
	Refuse                              // decide to refuse, with the reasons and their legal basis
	FileContest                         // contest (vaie) the refusal (APP-09)
	ExtendContest                       // extend the period of deciding the contest (APP-09)
	DecideContest                       // decide the contest: upheld (decided anew) or dismissed
)

var actionNames = [...]struct {
	code string
	name Text
}{
	Edit:              {"edit", Text{"täida taotlust", "fill in the application"}},
	Submit:            {"submit", Text{"esita taotlus", "submit the application"}},
	Withdraw:          {"withdraw", Text{"võta taotlus tagasi", "withdraw the application"}},
	Receive:           {"receive", Text{"võta menetlusse", "take into processing"}},
	RequestCompletion: {"request-completion", Text{"küsi täiendamist", "ask for completion"}},
	Complete:          {"complete", Text{"täienda taotlust", "complete the application"}},
	Admit:             {"admit", Text{"luba hindamisele", "admit to assessment"}},
	Award:             {"award", Text{"anna kutse", "award the qualification"}},
	Refuse:            {"refuse", Text{"keeldu kutse andmisest", "refuse"}},
	FileContest:       {"contest", Text{"esita vaie", "file a contest"}},
	ExtendContest:     {"extend-contest", Text{"pikenda vaide läbivaatamise tähtaega", "extend the period of deciding the contest"}},
	DecideContest:     {"decide-contest", Text{"lahenda vaie", "decide the contest"}},
}

// String returns the action's code, e.g. "request-completion".
func (a Action) String() string {
	if a < Edit || a > DecideContest {
		return "action(" + strconv.Itoa(int(a)) + ")"
	}
	return actionNames[a].code
}

// Name returns the action as a host's button would say it.
func (a Action) Name() Text {
	if a < Edit || a > DecideContest {
		return Text{Et: a.String(), En: a.String()}
	}
	return actionNames[a].name
}

// Party is the capacity in which an actor acts on an application.
type Party uint8

// The parties. A partner the body authorised (APP-04) is a Receiver; the body itself is both the
// Body and a Receiver.
const (
	Nobody    Party = iota // may not act on the application
	Applicant              // the person who applies (an owner actor with the applicant's personal code)
	Receiver               // who receives it: the awarding body or a partner it authorised
	Body                   // the awarding body itself, which decides (KutS § 18: its qualification committee)
)

// String returns the party's name in English.
func (p Party) String() string {
	switch p {
	case Applicant:
		return "applicant"
	case Receiver:
		return "receiver"
	case Body:
		return "awarding body"
	}
	return "nobody"
}

// Transition is one row of the processing table (APP-08): an action, the states it may be taken in,
// the state it leads to (deciding a contest chooses between two: To and Else), who may take it, and
// the rule that says so.
type Transition struct {
	Action Action
	From   []State
	To     State
	Else   State // the other state the action may lead to (a contest dismissed); 0 for none
	By     []Party
	Rule   string
}

// transitions is the processing table. The awarding body may do what a receiver may.
var transitions = []Transition{
	{Edit, []State{Draft, Incomplete}, 0, 0, []Party{Applicant}, RuleFlow},
	{Submit, []State{Draft}, Submitted, 0, []Party{Applicant}, RuleForm},
	{Withdraw, []State{Draft, Submitted, InProcess, Incomplete, Admitted}, Withdrawn, 0, []Party{Applicant}, RuleProcess},
	{Receive, []State{Submitted}, InProcess, 0, []Party{Receiver}, RulePartner},
	{RequestCompletion, []State{InProcess, Admitted}, Incomplete, 0, []Party{Receiver}, RuleProcess},
	{Complete, []State{Incomplete}, InProcess, 0, []Party{Applicant}, RuleProcess},
	{Admit, []State{InProcess}, Admitted, 0, []Party{Receiver}, RuleProcess},
	{Award, []State{InProcess, Admitted}, Awarded, 0, []Party{Body}, RuleProcess},
	{Refuse, []State{InProcess, Incomplete, Admitted}, Refused, 0, []Party{Body}, RuleProcess},
	{FileContest, []State{Refused}, Contested, 0, []Party{Applicant}, RuleContest},
	{ExtendContest, []State{Contested}, Contested, 0, []Party{Body}, RuleContest},
	{DecideContest, []State{Contested}, InProcess, Refused, []Party{Body}, RuleContest},
}

// Transitions returns the processing table (APP-08) as data: for each action the states it may be
// taken in, where it leads and who may take it. An incomplete application can be refused, not
// awarded.
func Transitions() []Transition {
	out := make([]Transition, len(transitions))
	for i, t := range transitions {
		t.From, t.By = slices.Clone(t.From), slices.Clone(t.By)
		out[i] = t
	}
	return out
}

func transition(act Action) Transition {
	for _, t := range transitions {
		if t.Action == act {
			return t
		}
	}
	return Transition{}
}

// May reports whether party p may take action act at all (in some state).
func May(act Action, p Party) bool {
	t := transition(act)
	return slices.Contains(t.By, p) || (p == Body && slices.Contains(t.By, Receiver))
}

// Allowed reports whether party p may take action act on an application in state s (APP-08).
func Allowed(act Action, s State, p Party) bool {
	return May(act, p) && slices.Contains(transition(act).From, s)
}

// Actions returns the actions party p may take on an application in state s, in the table's order:
// the buttons a host shows.
func Actions(s State, p Party) []Action {
	var out []Action
	for _, t := range transitions {
		if Allowed(t.Action, s, p) {
			out = append(out, t.Action)
		}
	}
	return out
}

// PartyOf returns the capacity in which actor a acts on application app, given the body's settings
// on day d: the applicant (the owner whose personal code the application carries), the awarding
// body (acting for itself, not through a partner), a receiver (the partner the application was
// submitted to, while the body's settings authorise it for the standard: APP-04), or nobody. The
// registrar reads every application but acts on none: processing is the awarding body's (KutS
// § 18).
func PartyOf(a actor.Actor, app *Application, s *Settings, d calendar.Date) Party {
	switch a.Role {
	case actor.Owner:
		if a.Is(app.Applicant.Code) {
			return Applicant
		}
	case actor.AwardingBody:
		if a.Org == app.Body {
			return Body
		}
	case actor.Partner:
		if a.For == app.Body && a.Org == app.Receiver && a.Org != app.Body {
			if p, ok := s.Partner(a.Org); ok && s.Body == app.Body && p.Covers(app.Standard, d) {
				return Receiver
			}
		}
	}
	return Nobody
}
