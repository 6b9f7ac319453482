// Package deadline implements legal periods (tähtaeg) and their due dates (tähtpäev) as the
// Tsiviilseadustiku üldosa seadus (TsÜS, RT I 2002, 35, 216) counts them, with Estonian public
// holidays as in force on the date (GEN-03), and explains each one step by step with its
// provisions, in Estonian and English (GEN-05, GEN-06).
//
// Rules such as "within 30 days of receiving the application", "within two weeks" or "made known
// within five working days" (RULES.md SCH-14, SCH-19, SCH-23, CERT-07, APP-09, LNG-08) use this
// package: [Days], [Weeks], [Months], [Years] and [WorkingDays], or [New] with a [Unit].
//
// # The rules
//
//   - TsÜS § 135 (1): a period starts running on the day after the day or event that starts it
//     (the trigger). The trigger itself is never counted.
//   - TsÜS § 134 (2): a period is set in years, months, weeks or days. A period of n days ends n
//     days after the trigger: received 14.06.2024, 15 days, ends 29.06.2024.
//   - TsÜS § 136: a period of weeks ends on the corresponding weekday of its last week. The
//     subsection was not confirmed in the sources, so the citation names § 136 alone.
//   - TsÜS § 136 (3): a period of months ends on the corresponding day of its last month; where
//     that month has no such day, on its last day (31.01.2024 + 1 month = 29.02.2024). The
//     "corresponding day" is the trigger's day (Riigikohus 2-17-7745/19, p 10). The month-end
//     sentence is as in EU Reg. 1182/71 art. 3; its TsÜS wording was not retrieved.
//   - TsÜS § 136 (2): a period of years ends on the corresponding day of its last year (29
//     February on 28 February in a common year).
//   - TsÜS § 136 (8): a due date that falls on a Saturday, Sunday or public holiday moves to the next
//     working day ([Deadline.Moved]). Following BDO's reading, this applies to due dates reached by
//     counting a period, which is all this package computes.
//   - Working days: a period of n working days ends on the n-th day after the trigger that is not a
//     Saturday, a Sunday or a public holiday of the Pühade ja tähtpäevade seadus (RT I 1998, 13,
//     162) in force that year (see package calendar). It never needs moving.
//   - TsÜS § 137 (1): the period ends at 24:00 on the due date. [Deadline.Check] therefore counts an
//     act done on the due date as in time.
//
// A deadline is a calendar date. Turn the instant of the trigger (a decision signed, an application
// received) into a date in Europe/Tallinn with calendar.DateOf before calling this package.
//
// # Explanations
//
// Every [Deadline] carries its [law.Explanation]: each step cites GEN-03 and the provision
// applied, and gives the finding in Estonian and English, for example
//
//  1. GEN-03 (RT I 2002, 35, 216 § 135 lg 1): tähtaeg hakkab kulgema 15.06.2024, tähtaja alguse päevale 14.06.2024 järgneval päeval
//  2. GEN-03 (RT I 2002, 35, 216 § 134 lg 2): 15-päevane tähtaeg lõpeb tähtaja viimasel päeval 29.06.2024
//  3. GEN-03 (RT I 2002, 35, 216 § 136 lg 8): tähtpäev 29.06.2024 on laupäev; tähtpäev nihkub järgmisele tööpäevale 01.07.2024
//  4. GEN-03 (RT I 2002, 35, 216 § 137 lg 1): tähtaeg möödub 01.07.2024 kell 24.00 (1. juulil 2024)
//
// # Choices
//
//   - Bad input is an error, never a guess. The functions return an [*Error] wrapping [ErrTrigger]
//     (zero or invalid trigger), [ErrLength] (n < 1: a period of no days has no due date),
//     [ErrUnit], or [ErrUnsupported] (a trigger before 1994, whose holidays the SDK does not know,
//     or a due date after 9999). Each wraps invalid.ErrInvalid, the bad-input error every package
//     of the SDK shares.
//   - [Deadline.Check] reads no clock: the caller passes asOf. An act done on or before the due
//     date is [Met]; one done later is [Missed]. An act not done is [Pending] before the due date,
//     [Due] on it and [Missed] after it. The counted end ([Deadline.End]) is not the due date when
//     it was moved: nothing is missed until the moved due date has passed.
//
// # Performance
//
// Measured with go test -bench on the go-svc machine: 2 cores, AMD EPYC, Go 1.26 (linux/amd64),
// shared with other builds. Most of the time goes into the two-language explanation:
//
//	BenchmarkWorkingDays   3.6–4.3 µs/op  2448 B/op  38 allocs/op  (5 working days, over jaanipäev)
//	BenchmarkDays          3.0–3.3 µs/op  2352 B/op  41 allocs/op  (15 days, moved off a Saturday)
package deadline
