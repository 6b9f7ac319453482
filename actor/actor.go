// Package actor says who is acting when a host calls one of the SDK's services (DESIGN principle 7:
// who acts is checked). Every service call takes an [Actor]; services refuse what the actor may not
// do with an error wrapping [ErrForbidden].
//
// The SDK does not authenticate anyone: the host does (ID card, Smart-ID, its own login) and then
// says who the caller is. The SDK decides what that caller may see and change:
//
//   - the public (anonymous) sees published certificates only, and no personal code;
//   - an owner sees and manages their own certificates, identified by their personal code;
//   - an awarding body (kutse andja) — or a partner it authorised (APP-04) — issues and manages the
//     certificates it awarded, identified by its registry code;
//   - a school issues and manages its own documents and exams;
//   - the exam centre issues state-exam and proficiency certificates;
//   - the registrar (Kutsekoda, the register keeper) may do everything.
package actor

import (
	"errors"
	"fmt"

	"github.com/kutsekit/kutse/isikukood"
)

// Role is the capacity in which an actor acts.
type Role uint8

// The roles. The zero value is Public: an actor nobody vouched for sees only what is public.
const (
	Public       Role = iota // an anonymous member of the public
	Owner                    // a certificate's holder (kutsetunnistuse omanik), by personal code
	AwardingBody             // an awarding body (kutse andja), by registry code
	Partner                  // a partner authorised by an awarding body (APP-04)
	School                   // a school, by its EHIS or registry code
	ExamCentre               // the exam centre (state exams, proficiency exams)
	Registrar                // the register keeper (Kutsekoda) or the ministry
)

var roleNames = [...]string{"public", "owner", "awarding body", "partner", "school", "exam centre", "registrar"}

// String returns the role's name in English, e.g. "awarding body".
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return fmt.Sprintf("role(%d)", r)
}

// Actor is who is acting: a role and the identity that goes with it.
type Actor struct {
	Role Role
	// Person is the acting person's personal code: required for Owner, optional otherwise (the
	// official acting for an organisation, for the audit trail).
	Person isikukood.Code
	// Org is the organisation's code: the awarding body's, school's or exam centre's registry code.
	// For a Partner it is the partner's own code.
	Org string
	// For is, for a Partner, the registry code of the awarding body it acts for.
	For string
}

// Anonymous returns the public actor.
func Anonymous() Actor { return Actor{Role: Public} }

// OwnerOf returns the actor for the person with the given personal code acting for themselves.
func OwnerOf(code isikukood.Code) Actor { return Actor{Role: Owner, Person: code} }

// Body returns the actor for the awarding body with the given registry code.
func Body(regCode string) Actor { return Actor{Role: AwardingBody, Org: regCode} }

// SchoolOf returns the actor for the school with the given code.
func SchoolOf(code string) Actor { return Actor{Role: School, Org: code} }

// Centre returns the actor for the exam centre with the given code.
func Centre(code string) Actor { return Actor{Role: ExamCentre, Org: code} }

// Keeper returns the registrar actor; org names the institution (e.g. "90006414", Kutsekoda).
func Keeper(org string) Actor { return Actor{Role: Registrar, Org: org} }

// Validate reports an actor that is not well formed: an owner without a personal code, an
// organisation role without its code, a partner without the body it acts for.
func (a Actor) Validate() error {
	switch a.Role {
	case Public, Registrar:
		return nil
	case Owner:
		if a.Person.IsZero() {
			return &Error{Actor: a, Op: "act", Reason: "an owner needs a personal code"}
		}
	case AwardingBody, School, ExamCentre:
		if a.Org == "" {
			return &Error{Actor: a, Op: "act", Reason: "the " + a.Role.String() + " needs its registry code"}
		}
	case Partner:
		if a.Org == "" || a.For == "" {
			return &Error{Actor: a, Op: "act", Reason: "a partner needs its own code and the awarding body it acts for"}
		}
	default:
		return &Error{Actor: a, Op: "act", Reason: "unknown role"}
	}
	return nil
}

// ActsFor reports whether the actor acts for the organisation with registry code org: the
// organisation itself, or a partner acting for it. The registrar acts for every organisation.
func (a Actor) ActsFor(org string) bool {
	switch a.Role {
	case Registrar:
		return true
	case AwardingBody, School, ExamCentre:
		return org != "" && a.Org == org
	case Partner:
		return org != "" && a.For == org
	}
	return false
}

// Is reports whether the actor is the person with personal code code, acting as an owner.
func (a Actor) Is(code isikukood.Code) bool {
	return a.Role == Owner && !code.IsZero() && a.Person == code
}

// String describes the actor for logs and errors, e.g. "awarding body 80123456". A person's code is
// not printed.
func (a Actor) String() string {
	switch a.Role {
	case Public:
		return "public"
	case Owner:
		return "owner"
	case Partner:
		return "partner " + a.Org + " for " + a.For
	}
	if a.Org != "" {
		return a.Role.String() + " " + a.Org
	}
	return a.Role.String()
}

// ErrForbidden is wrapped by every refusal for want of the right to act.
var ErrForbidden = errors.New("not allowed for this actor")

// Error reports that an actor may not do what it asked, and why.
type Error struct {
	Actor  Actor
	Op     string // what was refused, e.g. "hide certificate 204580"
	Reason string // why, in words a host can show
}

// Error implements error.
func (e *Error) Error() string {
	return fmt.Sprintf("actor: %s: %s: %v: %s", e.Actor, e.Op, ErrForbidden, e.Reason)
}

// Unwrap returns ErrForbidden.
func (e *Error) Unwrap() error { return ErrForbidden }

// Deny returns an *Error refusing op to a for reason.
func Deny(a Actor, op, reason string) error { return &Error{Actor: a, Op: op, Reason: reason} }
