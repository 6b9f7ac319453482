// Package calendar implements the legal calendar of the SDK: a calendar [Date] with no clock and no
// zone, its conversion from instants in Europe/Tallinn, period arithmetic that follows TsÜS, the
// Estonian public holidays as in force in each year, working days (GEN-03), and dates written out
// in Estonian and English (GEN-02, GEN-05).
//
// # Dates
//
// A [Date] is a day of the proleptic Gregorian calendar, years 1–9999. It is comparable with ==
// and its zero value means unset. [ParseDate] reads "2006-01-02" and the register's "02.01.2006"
// (anything else is a *[DateError], which wraps invalid.ErrInvalid, the bad-input error every
// package of the SDK shares);
// [Date.String] and [Date.Register] write them. [DateOf] turns an instant into the day it falls on
// in Tallinn (2024-03-31T22:30Z is 2024-04-01). [Date.AddMonths] and [Date.AddYears] end on the
// corresponding day or, where the last month has none, on its last day (TsÜS § 136 (2)–(3)):
// 2024-01-31 + 1 month = 2024-02-29 and 2024-02-29 + 1 year = 2025-02-28, never rolling into the
// next month as time.AddDate does.
//
// # Dates in words
//
// Documents write a date with the day in digits, the month as a word in the adessive case and the
// year in digits (GEN-02; määrus 002 § 8 (2) 6)): [Date.LongEt] gives "13. juunil 2014". Month names
// are lower case (EKI, Eesti keele käsiraamat); the adessive ending is -l (jaanuaril, veebruaril,
// märtsil, aprillil, mail, juunil, juulil, augustil, septembril, oktoobril, novembril, detsembril).
// A month without a day takes the inessive, "veebruaris 2006" ([MonthInessiveEt]). [Date.LongEn]
// gives the English "13 June 2014". The research found no source for a nominative or genitive
// document form ("13. juuni 2014"), so none is offered.
//
// # Public holidays
//
// The days off are those of the Pühade ja tähtpäevade seadus (PTS): the national day (§ 1) and the
// public holidays (§ 2). Saturday and Sunday are the other days off. Estonia has no substitute day
// off when a holiday falls on a weekend, and the shortened working day before some holidays does
// not change whether a day is a working day. Each holiday is one documented variable ([Uusaasta],
// [Iseseisvuspaev], [SuurReede], [Ulestousmispuhade], [Kevadpuha], [Nelipuha], [Voidupuha],
// [Jaanipaev], [Taasiseseisvuspaev], [Joululaupaev], [EsimeneJoulupuha], [TeineJoulupuha]) with
// its Estonian and English name and the year from which it is a day off, and [Holidays] lists them.
//
// The history (research/domain-rules.md § 2.2, with the acts in Riigi Teataja):
//
//   - 1994: the Pühade ja tähtpäevade seadus of 08.02.1994 (RT I 1994, 12, 199) makes 1 January,
//     24 February, Good Friday, Easter Sunday, 1 May, Pentecost, 23 and 24 June, and 25 and 26
//     December days off. The SDK applies this list to the whole of 1994.
//   - 1998: the new PTS (RT I 1998, 13, 162), in force 23.02.1998, repeals the 1994 act and adds
//     20 August (§ 2 p 8). 20.08.1997 (a Wednesday) was a working day; 20.08.1998 was a day off.
//   - 2005: RT I 2005, 24, 185, in force 20.05.2005, adds 24 December (§ 2 p 8¹). 24.12.2004 (a
//     Friday) was a working day; 24.12.2005 was a day off.
//   - Later amendments (to 2022) added only commemorative days (tähtpäevad, § 3), which are not
//     days off. Nothing later was found.
//
// Years before 1994 ([FirstYear]) are outside what the SDK supports: there it assumes no public
// holidays, only Saturdays and Sundays, since the 1990 decree's list (which vacanza/holidays
// reconstructs for 1991–1993, with 16 November) could not be confirmed. Package deadline refuses
// trigger dates before 1994.
//
// # Why rickar/cal
//
// The holidays are built on github.com/rickar/cal/v2 and its ee package (v2.1.26), the maintained
// Go holiday library that already defines Estonia's twelve days off with their rules, including
// Gregorian Easter. Its ee definitions set no StartYear, so on their own they would make 24
// December a day off before 2005 and 20 August before 1998; the SDK clones each definition with the
// start year above ([Holiday.Cal] hands a copy to a host that uses rickar/cal itself). The SDK does
// not use rickar's Calendar type: its results depend on cal.DefaultLoc (time.Local), a
// package-level setting, and its cache is a map behind a mutex. Instead each holiday is computed
// once with Holiday.Calc, whose year, month and day do not depend on the zone.
//
// # Working days
//
// [IsWorkingDay] is true for a day that is not a Saturday, not a Sunday and not a holiday in force
// that year. [NextWorkingDay], [AddWorkingDays] and [WorkingDaysBetween] count them. For 1994–2100
// the answers come from a table built once, on first use, under sync.Once: one bit a day (about
// 5 KB) and each year's holidays. It is never changed afterwards, so every function here is safe
// for concurrent use. Outside those years the same rules are computed as needed, more slowly.
// [AddWorkingDays] skips 64 days at a time with a population count.
//
// # Performance
//
// Measured with go test -bench on the go-svc machine: 2 cores, AMD EPYC, Go 1.26 (linux/amd64),
// shared with other builds, so figures vary by some tens of percent:
//
//	BenchmarkAddWorkingDays60              43–45 ns/op     0 B/op  0 allocs/op  (target ≤ 2 µs)
//	BenchmarkAddWorkingDays60_beyondTable  2.1–2.7 µs/op  384 B/op  1 allocs/op  (year 2150)
//	BenchmarkIsWorkingDay                  16 ns/op        0 B/op  0 allocs/op
//	BenchmarkIsHoliday                     7 ns/op         0 B/op  0 allocs/op
//	BenchmarkLongEt                        50–58 ns/op    16 B/op  1 allocs/op
package calendar
