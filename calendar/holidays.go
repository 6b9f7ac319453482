package calendar

import (
	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/ee"
)

// FirstYear is the first year whose days off the SDK knows: the year of the 1994 Pühade ja
// tähtpäevade seadus (RT I 1994, 12, 199). Before it the SDK treats only Saturdays and Sundays as
// days off; see the package documentation.
const FirstYear = 1994

// A Holiday is a public holiday that is a day off (puhkepäev) in Estonia: the national day
// (rahvuspüha, PTS § 1) or a public holiday (riigipüha, PTS § 2), with the first year in which it was
// a day off. The package-level values (Uusaasta … TeineJoulupuha) are the only ones; compare them
// by pointer, and do not modify them.
type Holiday struct {
	Name   string // the official Estonian name, lower case as in the act, e.g. "võidupüha"
	NameEn string // the English name used in Riigi Teataja's translation, e.g. "Victory Day"
	Since  int    // the first year in which the day is a day off: 1994, 1998 or 2005
	Source string // the act and provision that make it a day off, and since when

	rule *cal.Holiday // rickar/cal's ee definition, cloned with StartYear = Since
}

func newHoliday(base *cal.Holiday, since int, name, nameEn, source string) *Holiday {
	return &Holiday{
		Name:   name,
		NameEn: nameEn,
		Since:  since,
		Source: source,
		rule:   base.Clone(&cal.Holiday{Name: name, Description: nameEn, StartYear: since}),
	}
}

// The sources cited in [Holiday.Source].
const (
	srcAct1994 = "Pühade ja tähtpäevade seadus (RT I 1994, 12, 199) from 1994; "
	srcPTS1    = srcAct1994 + "Pühade ja tähtpäevade seadus (RT I 1998, 13, 162) § 1, in force 23.02.1998"
	srcPTS2    = srcAct1994 + "Pühade ja tähtpäevade seadus (RT I 1998, 13, 162) § 2, in force 23.02.1998"
)

// The days off, one variable each, declared the way rickar/cal's ee package declares them and built
// on its definitions ([github.com/rickar/cal/v2/ee]), each with the first year in which it is a day
// off.
var (
	// Uusaasta is New Year's Day (uusaasta), 1 January; a day off since 1994.
	Uusaasta = newHoliday(ee.Uusaasta, 1994, "uusaasta", "New Year's Day", srcPTS2)

	// Iseseisvuspaev is Independence Day, the anniversary of the Republic of Estonia (iseseisvuspäev,
	// Eesti Vabariigi aastapäev), 24 February: the national day (rahvuspüha); a day off since 1994.
	Iseseisvuspaev = newHoliday(ee.Iseseisvuspaev, 1994, "iseseisvuspäev, Eesti Vabariigi aastapäev",
		"Independence Day", srcPTS1)

	// SuurReede is Good Friday (suur reede), two days before Easter Sunday; a day off since 1994.
	// It is the only Easter-based day that can fall on a working day.
	SuurReede = newHoliday(ee.SuurReede, 1994, "suur reede", "Good Friday", srcPTS2)

	// Ulestousmispuhade is Easter Sunday (ülestõusmispühade 1. püha), Gregorian Easter; a day off
	// since 1994.
	Ulestousmispuhade = newHoliday(ee.Ulestousmispuhade, 1994, "ülestõusmispühade 1. püha", "Easter Sunday", srcPTS2)

	// Kevadpuha is Spring Day (kevadpüha), 1 May; a day off since 1994.
	Kevadpuha = newHoliday(ee.Kevadpuha, 1994, "kevadpüha", "Spring Day", srcPTS2)

	// Nelipuha is Pentecost (nelipühade 1. püha), 49 days after Easter Sunday; a day off since 1994.
	Nelipuha = newHoliday(ee.Nelipuha, 1994, "nelipühade 1. püha", "Pentecost", srcPTS2)

	// Voidupuha is Victory Day (võidupüha), 23 June; a day off since 1994.
	Voidupuha = newHoliday(ee.Voidupuha, 1994, "võidupüha", "Victory Day", srcPTS2)

	// Jaanipaev is Midsummer Day (jaanipäev), 24 June; a day off since 1994.
	Jaanipaev = newHoliday(ee.Jaanipaev, 1994, "jaanipäev", "Midsummer Day", srcPTS2)

	// Taasiseseisvuspaev is the Day of Restoration of Independence (taasiseseisvumispäev),
	// 20 August; a day off since 1998, added by the 1998 act (in force 23.02.1998). 20.08.1997 was a
	// working day.
	Taasiseseisvuspaev = newHoliday(ee.Taasiseseisvuspaev, 1998, "taasiseseisvumispäev",
		"Day of Restoration of Independence",
		"Pühade ja tähtpäevade seadus (RT I 1998, 13, 162) § 2 p 8, in force 23.02.1998")

	// Joululaupaev is Christmas Eve (jõululaupäev), 24 December; a day off since 2005, added by
	// RT I 2005, 24, 185 (in force 20.05.2005). 24.12.2004 was a working day.
	Joululaupaev = newHoliday(ee.Joululaupaev, 2005, "jõululaupäev", "Christmas Eve",
		"Pühade ja tähtpäevade seadus § 2 p 8¹, added by RT I 2005, 24, 185, in force 20.05.2005")

	// EsimeneJoulupuha is Christmas Day (esimene jõulupüha), 25 December; a day off since 1994.
	EsimeneJoulupuha = newHoliday(ee.EsimeneJoulupuha, 1994, "esimene jõulupüha", "Christmas Day", srcPTS2)

	// TeineJoulupuha is Boxing Day, the second day of Christmas (teine jõulupüha), 26 December; a day
	// off since 1994.
	TeineJoulupuha = newHoliday(ee.TeineJoulupuha, 1994, "teine jõulupüha", "Boxing Day", srcPTS2)

	// Holidays lists every day off in the order of the year. The package works from its own copy, so
	// changing this slice changes nothing.
	Holidays = []*Holiday{
		Uusaasta,
		Iseseisvuspaev,
		SuurReede,
		Ulestousmispuhade,
		Kevadpuha,
		Nelipuha,
		Voidupuha,
		Jaanipaev,
		Taasiseseisvuspaev,
		Joululaupaev,
		EsimeneJoulupuha,
		TeineJoulupuha,
	}
)

// holidays is the package's own copy of Holidays.
var holidays = append([]*Holiday(nil), Holidays...)

// String returns the holiday's Estonian name.
func (h *Holiday) String() string { return h.Name }

// In returns the day on which h falls in year, and false if h is not a day off that year (the year
// is before [Holiday.Since]).
func (h *Holiday) In(year int) (Date, bool) {
	if year < 1 || year > 9999 {
		return Date{}, false
	}
	act, _ := h.rule.Calc(year) // no Observed rules: Estonia has no substitute days off
	if act.IsZero() {
		return Date{}, false
	}
	y, m, d := act.Date()
	return Date{y, m, d}, true
}

// Cal returns a copy of the rickar/cal definition of h, with StartYear set to [Holiday.Since], for a
// host that builds its own cal.Calendar or cal.BusinessCalendar. The copy is the host's to change.
func (h *Holiday) Cal() *cal.Holiday { return h.rule.Clone(nil) }

// Occurrence is a holiday on the day it falls in a given year.
type Occurrence struct {
	Date    Date     // the day it falls on that year
	Holiday *Holiday // one of the package's holidays
}

// HolidaysIn returns the days off of year in date order: 12 from 2005, 11 in 1998–2004, 10 in
// 1994–1997, none before [FirstYear]. The slice is the caller's.
func HolidaysIn(year int) []Occurrence {
	if t := table(); year >= tableFirst && year <= tableLast {
		return append([]Occurrence(nil), t.hols[year-tableFirst]...)
	}
	return computeHolidays(year)
}

// computeHolidays returns the days off of year in date order, computed from the rules.
func computeHolidays(year int) []Occurrence {
	if year < FirstYear || year > 9999 {
		return nil
	}
	out := make([]Occurrence, 0, len(holidays))
	for _, h := range holidays {
		if d, ok := h.In(year); ok {
			out = append(out, Occurrence{d, h})
		}
	}
	// Insertion sort: the Easter-based days move among the fixed ones.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Date.Before(out[j-1].Date); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// IsHoliday returns the holiday that makes d a day off, and whether there is one. A Saturday or
// Sunday that is no holiday is not reported; use [IsWorkingDay] for that.
func IsHoliday(d Date) (*Holiday, bool) {
	var hols []Occurrence
	if t := table(); d.Year >= tableFirst && d.Year <= tableLast {
		hols = t.hols[d.Year-tableFirst]
	} else {
		hols = computeHolidays(d.Year)
	}
	for _, o := range hols {
		if o.Date == d {
			return o.Holiday, true
		}
	}
	return nil, false
}
