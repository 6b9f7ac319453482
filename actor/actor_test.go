package actor_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/isikukood"
)

func TestValidate(t *testing.T) {
	bad := []actor.Actor{
		{Role: actor.Owner},
		{Role: actor.AwardingBody},
		{Role: actor.School},
		{Role: actor.Partner, Org: "1"},
		{Role: 99},
	}
	for _, a := range bad {
		if err := a.Validate(); !errors.Is(err, actor.ErrForbidden) {
			t.Errorf("Validate(%+v) = %v; want ErrForbidden", a, err)
		}
	}
	good := []actor.Actor{actor.Anonymous(), actor.Keeper(""), actor.Body("1"), actor.OwnerOf(isikukood.MustParse("49502020047")),
		{Role: actor.Partner, Org: "2", For: "1"}}
	for _, a := range good {
		if err := a.Validate(); err != nil {
			t.Errorf("Validate(%+v) = %v", a, err)
		}
	}
}

// TestActsFor_APP04 proves that a partner acts for the awarding body that authorised it (APP-04),
// and nobody acts for an organisation with an empty code.
func TestActsFor_APP04(t *testing.T) {
	p := actor.Actor{Role: actor.Partner, Org: "2", For: "1"}
	if !p.ActsFor("1") || p.ActsFor("2") {
		t.Error("partner ActsFor wrong")
	}
	if actor.Body("").ActsFor("") || actor.Anonymous().ActsFor("1") || !actor.Keeper("k").ActsFor("1") {
		t.Error("ActsFor wrong for empty code, public or registrar")
	}
	code := isikukood.MustParse("49502020047")
	if !actor.OwnerOf(code).Is(code) || actor.Body("1").Is(code) || actor.OwnerOf(code).Is(isikukood.Code{}) {
		t.Error("Is wrong")
	}
}

func Example() {
	owner := actor.OwnerOf(isikukood.MustParse("49502020047"))
	err := actor.Deny(actor.Anonymous(), "hide certificate 204580", "only the owner may")
	fmt.Println(owner, owner.Is(isikukood.MustParse("49502020047")))
	fmt.Println(errors.Is(err, actor.ErrForbidden))
	fmt.Println(err)
	// Output:
	// owner true
	// true
	// actor: public: hide certificate 204580: not allowed for this actor: only the owner may
}

// TestRoles_CERT11_SCH02 proves the roles that declare certificates invalid without issuing them
// (CERT-11: Kutseseadus § 22 (1); SCH-02: VV määrus nr 113 § 5 (2)): each names the body it acts for,
// is refused when it does not, acts for no organisation in general (it issues and reads nothing),
// and keeps the values of the roles before it stable.
func TestRoles_CERT11_SCH02(t *testing.T) {
	for _, tt := range []struct {
		a    actor.Actor
		text string
		ok   bool
	}{
		{actor.CommitteeOf("80000001"), "qualification committee of 80000001", true},
		{actor.CouncilOf("KN-05", "80000001"), "sectoral council KN-05 for 80000001", true},
		{actor.SuccessorOf("75000002", "75000001"), "successor 75000002 for 75000001", true},
		{actor.MinisterOf("70000740"), "minister 70000740", true},
		{actor.MinisterOf(""), "minister", true},
		{actor.Actor{Role: actor.QualificationCommittee}, "qualification committee of ", false},
		{actor.Actor{Role: actor.SectoralCouncil, Org: "KN-05"}, "sectoral council KN-05 for ", false},
		{actor.Actor{Role: actor.Successor, For: "75000001"}, "successor  for 75000001", false},
	} {
		if err := tt.a.Validate(); (err == nil) != tt.ok || (err != nil && !errors.Is(err, actor.ErrForbidden)) {
			t.Errorf("%+v.Validate() = %v; want ok %v", tt.a, err, tt.ok)
		}
		if got := tt.a.String(); got != tt.text {
			t.Errorf("String() = %q; want %q", got, tt.text)
		}
		if tt.a.ActsFor(tt.a.For) || tt.a.ActsFor(tt.a.Org) {
			t.Errorf("%v acts for an organisation; want it to act only where the rules name it", tt.a)
		}
	}
	// Stored values keep their meaning.
	for r, want := range map[actor.Role]uint8{actor.Public: 0, actor.Owner: 1, actor.AwardingBody: 2, actor.Partner: 3,
		actor.School: 4, actor.ExamCentre: 5, actor.Registrar: 6, actor.QualificationCommittee: 7, actor.SectoralCouncil: 8,
		actor.Successor: 9, actor.Minister: 10} {
		if uint8(r) != want {
			t.Errorf("%v = %d; want %d", r, r, want)
		}
	}
}
