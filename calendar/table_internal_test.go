package calendar

import (
	"testing"
	"time"
)

// TestTable_GEN03_matchesRules checks every day of the precomputed table (1994–2100) against the
// rules computed without it, and the holidays of each year against rickar/cal's Holiday.Calc.
func TestTable_GEN03_matchesRules(t *testing.T) {
	tb := table()
	for x := tb.base; x < tb.base+tb.n; x++ {
		d := fromDays(x)
		wd := d.Weekday()
		want := wd == time.Saturday || wd == time.Sunday
		for _, h := range holidays {
			if hd, ok := h.In(d.Year); ok && hd == d {
				want = true
			}
		}
		w := walker{t: &dayTable{}} // an empty table: every answer is computed
		if got := w.off(x); got != want {
			t.Fatalf("computed off(%s) = %v; want %v", d, got, want)
		}
		w = newWalker()
		if got := w.off(x); got != want {
			t.Fatalf("table off(%s) = %v; want %v", d, got, want)
		}
	}
	for y := tableFirst; y <= tableLast; y++ {
		for _, h := range holidays {
			act, _ := h.rule.Calc(y)
			got, ok := h.In(y)
			if ok != !act.IsZero() || (ok && (got.Year != act.Year() || got.Month != act.Month() || got.Day != act.Day())) {
				t.Errorf("%s.In(%d) = %s, %v; Calc = %s", h.Name, y, got, ok, act)
			}
		}
	}
}

// naiveAddWorkingDays walks day by day without the table's word skipping.
func naiveAddWorkingDays(d Date, n int) Date {
	w := walker{t: &dayTable{}}
	x := d.days()
	for ; n > 0; x++ {
		if !w.off(x + 1) {
			n--
		}
	}
	for ; n < 0; x-- {
		if !w.off(x - 1) {
			n++
		}
	}
	return fromDays(x)
}

// TestAddWorkingDays_GEN03_tableEdges compares the word-skipping AddWorkingDays with a day-by-day
// walk around both ends of the table, where counting passes in and out of it.
func TestAddWorkingDays_GEN03_tableEdges(t *testing.T) {
	for _, edge := range []Date{{1994, time.January, 1}, {2100, time.December, 31}, {2024, time.June, 21}} {
		for off := -400; off <= 400; off += 7 {
			d := edge.AddDays(off)
			for n := -300; n <= 300; n += 13 {
				if got, want := AddWorkingDays(d, n), naiveAddWorkingDays(d, n); got != want {
					t.Fatalf("AddWorkingDays(%s, %d) = %s; want %s", d, n, got, want)
				}
			}
		}
	}
	for n := -2000; n <= 2000; n++ { // every length, across many words
		d := Date{2024, time.June, 21}
		if got, want := AddWorkingDays(d, n), naiveAddWorkingDays(d, n); got != want {
			t.Fatalf("AddWorkingDays(%s, %d) = %s; want %s", d, n, got, want)
		}
	}
}
