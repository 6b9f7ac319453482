package calendar

import (
	"math/bits"
	"sync"
	"time"
)

// The years held in the precomputed table. Outside them every answer is computed from the rules,
// with the same result, only slower.
const (
	tableFirst = FirstYear
	tableLast  = 2100
)

// dayTable is the precomputed calendar of 1994–2100: one bit a day, set for a day off (Saturday,
// Sunday or holiday), and each year's holidays. It is built once, on first use, and never changed,
// so any number of goroutines may read it.
type dayTable struct {
	base int      // the day number (Date.days) of 1994-01-01
	n    int      // the number of days covered
	off  []uint64 // bit i: day base+i is not a working day
	hols [tableLast - tableFirst + 1][]Occurrence
}

var (
	tableOnce sync.Once
	tablePtr  *dayTable
)

// table returns the precomputed calendar, building it on first use.
func table() *dayTable {
	tableOnce.Do(buildTable)
	return tablePtr
}

func buildTable() {
	t := &dayTable{base: Date{tableFirst, time.January, 1}.days()}
	t.n = Date{tableLast, time.December, 31}.days() - t.base + 1
	t.off = make([]uint64, (t.n+63)/64)
	for i := range t.n {
		if wd := time.Weekday((t.base + i + 1) % 7); wd == time.Saturday || wd == time.Sunday {
			t.off[i>>6] |= 1 << (i & 63)
		}
	}
	for i := t.n; i < len(t.off)*64; i++ { // padding after the last day: never a working day
		t.off[i>>6] |= 1 << (i & 63)
	}
	for y := tableFirst; y <= tableLast; y++ {
		hols := computeHolidays(y)
		t.hols[y-tableFirst] = hols
		for _, o := range hols {
			i := o.Date.days() - t.base
			t.off[i>>6] |= 1 << (i & 63)
		}
	}
	tablePtr = t
}

// forward returns the index of the n-th working day (n ≥ 1) at or after index i, and 0; or, when
// the table ends first, its last index and how many working days are still to count. It skips a
// word of 64 days at a time.
func (t *dayTable) forward(i, n int) (int, int) {
	for i < t.n {
		w := i >> 6
		free := ^t.off[w] >> uint(i&63) // bit k: day i+k is a working day
		if c := bits.OnesCount64(free); c < n {
			n -= c
			i = (w + 1) << 6
			continue
		}
		for ; n > 1; n-- {
			free &= free - 1 // drop the lowest working day
		}
		return i + bits.TrailingZeros64(free), 0
	}
	return t.n - 1, n
}

// backward returns the index of the -n-th working day (n ≤ -1) at or before index i, and 0; or,
// when the table begins first, index 0 and how many working days (negative) are still to count.
func (t *dayTable) backward(i, n int) (int, int) {
	for i >= 0 {
		w := i >> 6
		free := ^t.off[w] << uint(63-i&63) // bit 63-k: day i-k is a working day
		if c := bits.OnesCount64(free); c < -n {
			n += c
			i = w<<6 - 1
			continue
		}
		for ; n < -1; n++ {
			free &^= 1 << uint(63-bits.LeadingZeros64(free)) // drop the latest working day
		}
		return i - bits.LeadingZeros64(free), 0
	}
	return 0, n
}

// walker answers "is day number x a day off?" for a run of days. Inside the table it reads a bit;
// outside, it computes the holidays of each year it meets once and keeps them for the next days.
// A walker is local to one call, never shared.
type walker struct {
	t    *dayTable
	year int
	hols []Occurrence
}

func newWalker() walker { return walker{t: table()} }

func (w *walker) off(x int) bool {
	if i := x - w.t.base; uint(i) < uint(w.t.n) {
		return w.t.off[i>>6]>>(i&63)&1 != 0
	}
	if wd := time.Weekday(((x+1)%7 + 7) % 7); wd == time.Saturday || wd == time.Sunday {
		return true
	}
	d := fromDays(x)
	if d.Year != w.year || w.hols == nil {
		w.year, w.hols = d.Year, computeHolidays(d.Year)
		if w.hols == nil {
			w.hols = []Occurrence{}
		}
	}
	for _, o := range w.hols {
		if o.Date == d {
			return true
		}
	}
	return false
}

// IsWorkingDay reports whether d is a working day (tööpäev): not a Saturday, not a Sunday and not a
// public holiday in force in d's year (GEN-03). Before [FirstYear] only Saturdays and Sundays are
// days off. For 1994–2100 it reads a precomputed table and does not allocate.
func IsWorkingDay(d Date) bool {
	w := newWalker()
	return !w.off(d.days())
}

// NextWorkingDay returns the first working day on or after d: d itself if it is a working day.
func NextWorkingDay(d Date) Date {
	w := newWalker()
	x := d.days()
	for w.off(x) {
		x++
	}
	return fromDays(x)
}

// AddWorkingDays returns the day on which n working days have passed after d, counting from the
// day after d (TsÜS § 135 (1)): the n-th working day after d. The result is always a working day
// when n ≠ 0, whatever d is; AddWorkingDays(d, 0) is d itself. A negative n counts back: the result
// is the working day e before d such that there are exactly -n working days in [e, d).
//
// Friday 2024-06-21 + 1 working day is Tuesday 2024-06-25 (23 and 24 June are holidays).
func AddWorkingDays(d Date, n int) Date {
	w := newWalker()
	t := w.t
	x := d.days()
	for n > 0 {
		if i := x + 1 - t.base; i >= 0 && i < t.n {
			var j int
			j, n = t.forward(i, n)
			x = t.base + j
			continue
		}
		x++
		if !w.off(x) {
			n--
		}
	}
	for n < 0 {
		if i := x - 1 - t.base; i >= 0 && i < t.n {
			var j int
			j, n = t.backward(i, n)
			x = t.base + j
			continue
		}
		x--
		if !w.off(x) {
			n++
		}
	}
	return fromDays(x)
}

// WorkingDaysBetween returns the number of working days after from up to and including to: the
// days in (from, to]. When to is before from it returns minus the number of working days in
// [to, from). Either way AddWorkingDays(from, WorkingDaysBetween(from, to)) == to for every working
// day to.
func WorkingDaysBetween(from, to Date) int {
	w := newWalker()
	a, b := from.days(), to.days()
	n := 0
	if b >= a {
		for x := a + 1; x <= b; x++ {
			if !w.off(x) {
				n++
			}
		}
		return n
	}
	for x := b; x < a; x++ {
		if !w.off(x) {
			n--
		}
	}
	return n
}
