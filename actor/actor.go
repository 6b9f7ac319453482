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
//   - the registrar (Kutsekoda, the register keeper) may do everything, and records the decisions
//     of the bodies below.
//
// # Who declares a certificate invalid
//
// Some decide on a certificate without issuing it, and the law names them (RULES.md CERT-11,
// SCH-02). They act for, or in place of, a body named in [Actor.For]:
//
//   - a qualification committee (kutsekomisjon) of the awarding body that formed it, and the
//     sectoral council (kutsenõukogu) that chose that body and oversees it, declare an occupational
//     certificate invalid (Kutseseadus § 22 (1); the committee: § 18 (1); the council: § 10 (1));
//   - a school's successor (õigusjärglane) acts in place of a reorganised school, and where there is
//     neither the school nor a successor the minister of education and research
//     (haridus- ja teadusminister) does, for leaving certificates (VV määrus nr 113 § 5 (2)).
//
// Package certificate decides with these roles who may invalidate what (Registry.Invalidate); the
// awarding body itself may not (§ 22 names its committee), nor may a partner.
//
// The SDK does not know which council oversees which awarding body, nor which school succeeded
// which: the host says so in For, as it says who the caller is. Where the host gives
// certificate.Config a Schools directory, the registry checks a successor and the minister
// against it.
//
// Role values are stable: the roles added later are appended, so a Role stored or sent by a host
// keeps its meaning.
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

	// QualificationCommittee is a qualification committee (kutsekomisjon): For is the registry code
	// of the awarding body that formed it (Kutseseadus § 18 (1)); Org its own identifier, if it has
	// one. It may declare the body's certificates invalid (§ 22 (1); CERT-11).
	QualificationCommittee
	// SectoralCouncil is a sectoral council (kutsenõukogu): Org is its code, For the registry code of
	// the awarding body it chose and oversees (Kutseseadus § 10 (1)), whose certificates it may
	// declare invalid (§ 22 (1); CERT-11).
	SectoralCouncil
	// Successor is the successor (õigusjärglane) of a reorganised school: Org is its own code, For
	// the code of the school it succeeds, whose leaving certificates and grade sheets it may declare
	// invalid (VV määrus nr 113 § 5 (2); SCH-02) and whose duplicates it issues (§ 17 (3)).
	Successor
	// Minister is the minister of education and research (haridus- ja teadusminister), or the
	// ministry acting for them; Org is the ministry's registry code, if given. Where neither the
	// issuing school nor a successor exists, the minister declares its documents invalid (VV määrus
	// nr 113 § 5 (2); SCH-02).
	Minister
)

var roleNames = [...]string{"public", "owner", "awarding body", "partner", "school", "exam centre", "registrar",
	"qualification committee", "sectoral council", "successor", "minister"}

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
	// For is the organisation the actor acts for or in place of: for a Partner and a
	// QualificationCommittee the awarding body's registry code, for a SectoralCouncil the awarding
	// body it oversees, for a Successor the school it succeeds.
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

// CommitteeOf returns the actor for the qualification committee (kutsekomisjon) of the awarding body
// with registry code body.
func CommitteeOf(body string) Actor { return Actor{Role: QualificationCommittee, For: body} }

// CouncilOf returns the actor for the sectoral council (kutsenõukogu) with code council, acting on
// the awarding body with registry code body, which it chose and oversees.
func CouncilOf(council, body string) Actor {
	return Actor{Role: SectoralCouncil, Org: council, For: body}
}

// SuccessorOf returns the actor for the school with code school acting as the successor of the
// reorganised school with code predecessor.
func SuccessorOf(school, predecessor string) Actor {
	return Actor{Role: Successor, Org: school, For: predecessor}
}

// MinisterOf returns the actor for the minister of education and research; ministry is the
// ministry's registry code (Haridus- ja Teadusministeerium, 70000740), or "".
func MinisterOf(ministry string) Actor { return Actor{Role: Minister, Org: ministry} }

// Validate reports an actor that is not well formed: an owner without a personal code, an
// organisation role without its code, a partner, a committee, a council or a successor without the
// body it acts for (and a council or successor without its own code). The error is an [*Error]
// wrapping [ErrForbidden], not invalid.ErrInvalid: the SDK does not act for an actor it cannot tell,
// so the call is refused as any call of an actor without the right.
func (a Actor) Validate() error {
	switch a.Role {
	case Public, Registrar, Minister:
		return nil
	case QualificationCommittee:
		if a.For == "" {
			return &Error{Actor: a, Op: "act", Reason: "a qualification committee needs the awarding body that formed it"}
		}
	case SectoralCouncil, Successor:
		if a.Org == "" || a.For == "" {
			return &Error{Actor: a, Op: "act", Reason: "the " + a.Role.String() + " needs its own code and the body it acts for"}
		}
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
	case Partner, SectoralCouncil, Successor:
		return a.Role.String() + " " + a.Org + " for " + a.For
	case QualificationCommittee:
		return a.Role.String() + " of " + a.For
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
