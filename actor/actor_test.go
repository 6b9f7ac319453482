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
