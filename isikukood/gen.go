package isikukood

// This file holds the generators that hosts use in their own property tests. It is an ordinary
// (non-test) file, so importing isikukood also links pgregory.net/rapid.

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/calendar"
)

// Invalid is an input that is not a valid personal code, with the check that [Parse] reports for it.
type Invalid struct {
	Input string // the text to parse
	Check Check  // the first check it fails
}

// Generator returns a rapid generator of valid codes (GEN-01) for property tests. It covers all
// first digits 1–8 (so birth dates in 1800–2199), both sexes, every serial 000–999 and real dates
// including 29 February of leap years, which it draws more often than chance would. About one code
// in six has a check digit from the second pass of weights, and one in six one where both passes
// give 10 (check digit 0), so that an implementation that gets either rule wrong fails quickly.
func Generator() *rapid.Generator[Code] {
	return rapid.Custom(func(t *rapid.T) Code {
		sex := rapid.SampledFrom([]Sex{Male, Female}).Draw(t, "sex")
		birth := drawBirth(t)
		serial := rapid.IntRange(0, 999).Draw(t, "serial")
		switch rapid.IntRange(0, 5).Draw(t, "pass") {
		case 4:
			serial = findSerial(sex, birth, serial, false)
		case 5:
			serial = findSerial(sex, birth, serial, true)
		}
		c, err := Make(sex, birth, serial)
		if err != nil {
			panic(err) // cannot happen: drawBirth draws real dates in 1800–2199
		}
		return c
	})
}

// drawBirth draws a real date in 1800–2199; one in eight is 29 February of a leap year.
func drawBirth(t *rapid.T) calendar.Date {
	c := 1800 + 100*rapid.IntRange(0, 3).Draw(t, "century")
	if rapid.IntRange(0, 7).Draw(t, "leapDay") == 7 {
		y := c + 4*rapid.IntRange(0, 24).Draw(t, "leapYear")
		if !calendar.IsLeap(y) { // 1800, 1900 and 2100 are common years
			y += 4
		}
		return calendar.Date{Year: y, Month: time.February, Day: 29}
	}
	y := c + rapid.IntRange(0, 99).Draw(t, "yy")
	m := time.Month(rapid.IntRange(1, 12).Draw(t, "month"))
	d := rapid.IntRange(1, calendar.DaysIn(y, m)).Draw(t, "day")
	return calendar.Date{Year: y, Month: m, Day: d}
}

// findSerial returns the first serial from start on (wrapping at 1000) for which the first pass of
// weights gives 10 and the second does not, or, if both, for which both give 10. Every prefix has
// such serials (TestFindSerial_GEN01_everyResidue); if none were found it would return start.
func findSerial(sex Sex, birth calendar.Date, start int, both bool) int {
	for k := range 1000 {
		s := (start + k) % 1000
		c, err := Make(sex, birth, s)
		if err != nil {
			return start
		}
		p1, p2 := passes(c.String())
		if p1 == 10 && (p2 == 10) == both {
			return s
		}
	}
	return start
}

// passes returns the weighted sums modulo 11 of the two passes over the ten ASCII digits s[0:10].
func passes(s string) (p1, p2 int) {
	for i := range 10 {
		v := int(s[i] - '0')
		p1 += v * weights1[i]
		p2 += v * weights2[i]
	}
	return p1 % 11, p2 % 11
}

// InvalidGenerator returns a rapid generator of inputs that [Parse] rejects, each with the [Check]
// it fails first: [ErrLength] (a valid code cut short or lengthened, or any text of another length),
// [ErrNonDigit] (a valid code with letters, punctuation, inner spaces or non-ASCII digits in it),
// [ErrFirstDigit] (first digit 0 or 9), [ErrDate] (month 00 or 13–99, day 00, a day past the month's
// end, 29 February of a common year such as 1900; with a correct check digit, so only the date is
// wrong) and [ErrChecksum] (a valid code with another last digit). Inputs other than the ErrLength
// ones are sometimes wrapped in white space, which Parse trims.
func InvalidGenerator() *rapid.Generator[Invalid] {
	return rapid.Custom(func(t *rapid.T) Invalid {
		check := Check(rapid.IntRange(int(ErrLength), int(ErrChecksum)).Draw(t, "check"))
		var in string
		switch check {
		case ErrLength:
			return Invalid{Input: drawWrongLength(t), Check: ErrLength}
		case ErrNonDigit:
			in = drawNonDigit(t)
		case ErrFirstDigit:
			in = Generator().Draw(t, "code").String()
			in = rapid.SampledFrom([]string{"0", "9"}).Draw(t, "first") + in[1:]
		case ErrDate:
			in = drawBadDate(t)
		case ErrChecksum:
			in = Generator().Draw(t, "code").String()
			c := int(in[10]-'0') + rapid.IntRange(1, 9).Draw(t, "offset")
			in = in[:10] + string(rune('0'+c%10))
		}
		if rapid.IntRange(0, 3).Draw(t, "pad") == 3 {
			ws := rapid.SampledFrom([]string{" ", "  ", "\t", "\n", "\r\n", "\u00a0"})
			in = ws.Draw(t, "before") + in + ws.Draw(t, "after")
		}
		return Invalid{Input: in, Check: check}
	})
}

var digitRunes = []rune("0123456789")

// drawWrongLength draws text whose length after trimming is not 11 characters.
func drawWrongLength(t *rapid.T) string {
	switch rapid.IntRange(0, 2).Draw(t, "lengthKind") {
	case 0:
		s := Generator().Draw(t, "code").String()
		return s[:rapid.IntRange(0, 10).Draw(t, "keep")]
	case 1:
		s := Generator().Draw(t, "code").String()
		return s + rapid.StringOfN(rapid.RuneFrom(digitRunes), 1, 9, -1).Draw(t, "extra")
	}
	return rapid.String().Filter(func(s string) bool {
		return utf8.RuneCountInString(strings.TrimSpace(s)) != codeLen
	}).Draw(t, "text")
}

// drawNonDigit draws a valid code with one to three of its digits replaced by other characters.
func drawNonDigit(t *rapid.T) string {
	r := []rune(Generator().Draw(t, "code").String())
	n := rapid.IntRange(1, 3).Draw(t, "replace")
	other := rapid.OneOf(
		rapid.RuneFrom([]rune("-. /+xXAäõ٣４")),
		rapid.Rune(),
	)
	for range n {
		i := rapid.IntRange(0, codeLen-1).Draw(t, "position")
		r[i] = other.Filter(func(c rune) bool {
			if c >= '0' && c <= '9' {
				return false
			}
			// White space at either end would be trimmed and leave a wrong length instead.
			return i > 0 && i < codeLen-1 || !unicode.IsSpace(c)
		}).Draw(t, "char")
	}
	return string(r)
}

// drawBadDate draws a code whose first digit is 1–8 and whose YYMMDD is not a real date, with the
// check digit the first ten digits give.
func drawBadDate(t *rapid.T) string {
	g := rapid.IntRange(1, 8).Draw(t, "first")
	c := century(g)
	yy := rapid.IntRange(0, 99).Draw(t, "yy")
	var m, d int
	switch rapid.IntRange(0, 4).Draw(t, "dateKind") {
	case 0: // month 00
		m, d = 0, rapid.IntRange(1, 31).Draw(t, "day")
	case 1: // month 13–99
		m, d = rapid.IntRange(13, 99).Draw(t, "month"), rapid.IntRange(1, 31).Draw(t, "day")
	case 2: // day 00
		m, d = rapid.IntRange(1, 12).Draw(t, "month"), 0
	case 3: // a day past the month's end
		m = rapid.IntRange(1, 12).Draw(t, "month")
		d = rapid.IntRange(calendar.DaysIn(c+yy, time.Month(m))+1, 99).Draw(t, "day")
	case 4: // 29 February of a common year (1800, 1900, 2100 or a year not divisible by 4)
		if calendar.IsLeap(c + yy) {
			yy++ // leap years end in 96 at most
		}
		m, d = 2, 29
	}
	serial := rapid.IntRange(0, 999).Draw(t, "serial")
	b := make([]byte, 0, codeLen)
	b = append(b, byte('0'+g))
	b = appendTwo(b, yy)
	b = appendTwo(b, m)
	b = appendTwo(b, d)
	b = append(b, byte('0'+serial/100), byte('0'+serial/10%10), byte('0'+serial%10))
	b = append(b, byte('0'+checkDigit(string(b))))
	return string(b)
}

func appendTwo(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }
