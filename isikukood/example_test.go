package isikukood_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/isikukood"
)

func Example() {
	c, err := isikukood.Parse(" 49502020047 ") // the sample code of seed 000; white space is trimmed
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c, c.Sex(), c.BirthDate(), c.Serial())
	fmt.Println("age on 2026-05-07:", c.AgeOn(calendar.MustDate(2026, time.May, 7)))

	_, err = isikukood.Parse("49502020048")
	fmt.Println(err)
	if e, ok := errors.AsType[*isikukood.Error](err); ok {
		fmt.Println("failed check:", e.Check)
	}
	fmt.Println(errors.Is(err, isikukood.ErrChecksum))
	// Output:
	// 49502020047 female 1995-02-02 4
	// age on 2026-05-07: 31
	// isikukood: "49502020048": wrong check digit: is 8, want 7
	// failed check: wrong check digit
	// true
}

func ExampleCode_AgeOn() {
	c := isikukood.MustParse("60402290004") // born 2004-02-29
	fmt.Println(c.AgeOn(calendar.MustDate(2022, time.February, 27)))
	fmt.Println(c.AgeOn(calendar.MustDate(2022, time.February, 28))) // 18 on 28 February in a common year
	// Output:
	// 17
	// 18
}

func ExampleMake() {
	c, err := isikukood.Make(isikukood.Male, calendar.MustDate(2000, time.February, 29), 0)
	fmt.Println(c, err)
	// Output: 50002290002 <nil>
}

func ExampleCheckDigit() {
	d, _ := isikukood.CheckDigit("3850615004") // pass I gives 10; pass II gives 8
	fmt.Println(d)
	d, _ = isikukood.CheckDigit("3850615260") // both passes give 10
	fmt.Println(d)
	// Output:
	// 8
	// 0
}
