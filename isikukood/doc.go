// Package isikukood implements the Estonian personal identification code (isikukood), rule GEN-01
// of RULES.md: parsing and validating a code, reading the birth date, sex, serial number and age
// it gives, building a code ([Make]) and generating valid and invalid codes for property tests
// ([Generator], [InvalidGenerator]).
//
// Documents identify their holder by an isikukood, or by a birth date where there is none
// (RT I 2010, 58, 391 § 8 (2) 2); seed 002). A [Code] is a small comparable value whose zero value
// means "no code", so a struct can hold either.
//
// # Legal basis
//
// The code is formed under the Rahvastikuregistri seadus and the regulation of 07.01.2005 nr 4
// "Isikukoodide moodustamise, väljajagamise ja andmise kord" (RTL 2005, 13, 115), whose § 2 (1)
// (wording in force from 09.03.2012) builds it under the standard EVS 585:2007 "Isikukood.
// Struktuur". The standard is not freely available; the structure and the algorithm below follow
// research/domain-rules.md § 1, which checked them against public implementations.
//
// # Structure
//
// Eleven digits GYYMMDDSSSC, with no separators:
//
//	digits  meaning
//	G       sex and century: 1 male, 2 female 1800–1899; 3 male, 4 female 1900–1999;
//	        5 male, 6 female 2000–2099; 7 male, 8 female 2100–2199 (odd male, even female)
//	YY      year of birth within that century, 00–99
//	MM      month of birth, 01–12
//	DD      day of birth, 01–31; YYMMDD must be a real date (1900-02-29 is not, 2000-02-29 is)
//	SSS     serial number, 000–999, telling apart people born on the same day; before 2013 its
//	        range named the hospital, since 2013 the register gives it in order of application
//	C       check digit
//
// For example 49502020047, the sample code of seed 000: a woman born on 2 February 1995, serial 004,
// check digit 7.
//
// # Check digit
//
// Multiply the first ten digits by the weights 1 2 3 4 5 6 7 8 9 1 and take the sum modulo 11. If
// the remainder is not 10, it is the check digit. If it is 10, multiply by the weights
// 3 4 5 6 7 8 9 1 2 3 and take the sum modulo 11; if that remainder is not 10 it is the check digit,
// otherwise the check digit is 0. For 4950202004 the first pass gives 65 mod 11 = 10 and the second
// 117 mod 11 = 7, so the sample code's check digit comes from the second pass. [CheckDigit] computes
// it. The algorithm does not catch every single-digit change or swap of neighbours.
//
// # Choices
//
//   - First digits 1–8 are all accepted, the standard's whole range, although people alive today
//     hold 1–6; a code beginning 7 or 8 decodes to a birth date in 2100–2199. Whether a birth date in
//     the future is plausible is a host's policy, not part of the code (compare it with today).
//   - [Parse] trims leading and trailing white space (as strings.TrimSpace: spaces, tabs, newlines,
//     no-break spaces), because codes are pasted from forms and documents. It removes nothing inside:
//     "495 02020047" and "4950202-0047" are rejected, not repaired. Length is counted in characters,
//     not bytes.
//   - The checks run in a fixed order, length, digits, first digit, date, checksum, and the error
//     names the first that fails ([Check]), so an input fails for exactly one reason. The [*Error]
//     unwraps to its Check and to invalid.ErrInvalid, the bad-input error every package of the SDK
//     shares, so a host answers a malformed code as it answers any bad input; [Make]'s errors are
//     *invalid.FieldError.
//   - The year 2000: during 2000 the standard did not define the century clearly, and some people
//     born that year were given codes beginning 3 or 4 (1900s) with YY 00, others 5 or 6
//     (research/domain-rules.md § 1.5, citing the English Wikipedia). Such a code is valid and
//     decodes to 1900, so its [Code.BirthDate] and [Code.AgeOn] may be a century off; where it
//     matters, confirm the birth date from another source (the population register). [Make] always
//     gives a birth in 2000 the first digit 5 or 6.
//   - Age ([Code.AgeOn]) is counted in completed years and goes up at the start of each anniversary
//     of the birth date. A person born on 29 February is a year older on 28 February in a common
//     year: a period counted in years ends on the corresponding day of its last month, or on that
//     month's last day where there is none (TsÜS § 136 (2)–(3), as [calendar.Date.AddYears]
//     implements; research/domain-rules.md § 2.4 marks the month-end wording of TsÜS UNCONFIRMED).
//     How the population register itself computes the age of those born on 29 February was not found
//     in a source (UNCONFIRMED); hosts that must follow another rule can compute from
//     [Code.BirthDate].
//   - Every serial 000–999 is accepted: the hospital ranges used before 2013 leave gaps (000, 020)
//     that occur in valid codes.
//   - The zero [Code] means "no code": it marshals to empty text and to SQL NULL, and empty text or
//     NULL scan back to it.
//
// # Generators for property tests
//
// [Generator] and [InvalidGenerator] are pgregory.net/rapid generators that hosts can use in their
// own property tests, for example of a form that takes an isikukood. They live in an ordinary
// (non-test) file, gen.go, so importing this package also links rapid into the importing program.
//
// # Performance
//
// Measured with go test -bench . on an AMD EPYC (2 cores, linux/amd64), Go 1.26. The machine was
// shared with other builds, so times varied by up to a factor of ten between runs; the figures are
// the fastest of nine runs. Allocations did not vary.
//
//	BenchmarkParse            27 ns/op    0 B/op   0 allocs/op   (a valid code)
//	BenchmarkParse_invalid   174 ns/op   64 B/op   2 allocs/op   (wrong check digit: the *Error)
//	BenchmarkCode_String      31 ns/op   16 B/op   1 allocs/op
//	BenchmarkCode_AgeOn       16 ns/op    0 B/op   0 allocs/op
package isikukood
