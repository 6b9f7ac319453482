package isikukood

import (
	"testing"
	"time"

	"github.com/kutsekit/kutse/calendar"
)

// Every prefix GYYMMDD, whatever the remainders of its two weighted sums, has serials for which the
// first pass gives 10 and the second does not, and serials for which both give 10; so Generator's
// findSerial always finds one (GEN-01). The test walks every birth date 1800–2199 of both sexes,
// keeps one prefix per pair of remainders, and asks findSerial for both kinds.
func TestFindSerial_GEN01_everyResidue(t *testing.T) {
	type pair struct{ a, b int }
	reps := map[pair]struct {
		sex   Sex
		birth calendar.Date
	}{}
	for d := calendar.MustDate(1800, time.January, 1); d.Year < 2200; d = d.AddDays(1) {
		for _, sex := range []Sex{Male, Female} {
			c, err := Make(sex, d, 0)
			if err != nil {
				t.Fatal(err)
			}
			a, b := passes(c.String()) // serial 000 adds nothing to the sums
			if _, ok := reps[pair{a, b}]; !ok {
				reps[pair{a, b}] = struct {
					sex   Sex
					birth calendar.Date
				}{sex, d}
			}
		}
	}
	if len(reps) != 121 {
		t.Errorf("prefixes reach %d of the 121 pairs of remainders", len(reps))
	}
	for p, r := range reps {
		for _, both := range []bool{false, true} {
			s := findSerial(r.sex, r.birth, 0, both)
			c, err := Make(r.sex, r.birth, s)
			if err != nil {
				t.Fatal(err)
			}
			p1, p2 := passes(c.String())
			if p1 != 10 || (p2 == 10) != both {
				t.Errorf("remainders %v (%v %v): findSerial(both=%v) = %03d with passes %d, %d", p, r.sex, r.birth, both, s, p1, p2)
			}
		}
	}
}
