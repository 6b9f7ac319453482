package calendar

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/kutsekit/kutse/invalid"
)

// Date is a calendar date with no clock and no zone: the day a certificate is issued, an exam is held,
// an application is received or a period ends. It is comparable with ==, and its zero value means
// "unset" (see [Date.IsZero]). Dates are proleptic Gregorian, years 1–9999.
type Date struct {
	Year  int        // the year, 1–9999
	Month time.Month // the month, January–December
	Day   int        // the day of the month, 1–31
}

// NewDate returns the date y-m-d, or an error naming the field that is out of range.
// Unlike time.Date it never normalises: 2024-02-30 is an error, not 2024-03-01.
func NewDate(y int, m time.Month, d int) (Date, error) {
	if y < 1 || y > 9999 {
		return Date{}, &DateError{Input: fmt.Sprintf("%04d-%02d-%02d", y, int(m), d), Field: "year", Reason: "must be 1–9999"}
	}
	if m < time.January || m > time.December {
		return Date{}, &DateError{Input: fmt.Sprintf("%04d-%02d-%02d", y, int(m), d), Field: "month", Reason: "must be 1–12"}
	}
	if d < 1 || d > DaysIn(y, m) {
		return Date{}, &DateError{Input: fmt.Sprintf("%04d-%02d-%02d", y, int(m), d), Field: "day",
			Reason: fmt.Sprintf("must be 1–%d in %s %d", DaysIn(y, m), m, y)}
	}
	return Date{y, m, d}, nil
}

// MustDate is like [NewDate] but panics on an invalid date. It is meant for literals in tests and
// examples, never for input.
func MustDate(y int, m time.Month, d int) Date {
	dt, err := NewDate(y, m, d)
	if err != nil {
		panic(err)
	}
	return dt
}

// DateError reports a date that could not be parsed or built, and which part was wrong. It wraps
// invalid.ErrInvalid, as every bad-input error of the SDK does.
type DateError struct {
	Input  string // the text or numbers given
	Field  string // "format", "year", "month" or "day"
	Reason string // what was wrong, in words a host can show
}

// Error implements error.
func (e *DateError) Error() string {
	return fmt.Sprintf("calendar: invalid date %q: %s %s", e.Input, e.Field, e.Reason)
}

// Unwrap returns invalid.ErrInvalid.
func (e *DateError) Unwrap() error { return invalid.ErrInvalid }

// DaysIn returns the number of days in month m of year y.
func DaysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if IsLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// IsLeap reports whether y is a leap year in the Gregorian calendar.
func IsLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// tallinn is loaded once; the SDK never imports time/tzdata (a library must not: hosts on minimal
// images import it in their main package).
var tallinn, tallinnErr = time.LoadLocation("Europe/Tallinn")

// Tallinn returns the Europe/Tallinn location in which every legal date is reckoned, or the error
// from loading it (a host on an image without zoneinfo imports time/tzdata in its main package).
func Tallinn() (*time.Location, error) { return tallinn, tallinnErr }

// DateOf returns the calendar date on which the instant t falls in Europe/Tallinn: 2024-03-31T22:30Z
// is 2024-04-01. If the zone database is missing it falls back to Estonian standard time (UTC+2)
// for the whole year; use [Tallinn] to detect that at start-up.
func DateOf(t time.Time) Date {
	if tallinn != nil {
		t = t.In(tallinn)
	} else {
		t = t.In(time.FixedZone("EET", 2*3600))
	}
	y, m, d := t.Date()
	return Date{y, m, d}
}

// DateIn returns the calendar date of t in loc, for a host that reckons in another zone.
func DateIn(t time.Time, loc *time.Location) Date {
	y, m, d := t.In(loc).Date()
	return Date{y, m, d}
}

// ParseDate parses "2006-01-02" (ISO 8601) or the register's "02.01.2006" form.
func ParseDate(s string) (Date, error) {
	var y, m, d int
	var ok bool
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		y, ok = digits(s[0:4])
		mm, ok2 := digits(s[5:7])
		dd, ok3 := digits(s[8:10])
		m, d, ok = mm, dd, ok && ok2 && ok3
	case len(s) == 10 && s[2] == '.' && s[5] == '.':
		dd, ok1 := digits(s[0:2])
		mm, ok2 := digits(s[3:5])
		yy, ok3 := digits(s[6:10])
		y, m, d, ok = yy, mm, dd, ok1 && ok2 && ok3
	}
	if !ok {
		return Date{}, &DateError{Input: s, Field: "format", Reason: `must be "YYYY-MM-DD" or "DD.MM.YYYY"`}
	}
	dt, err := NewDate(y, time.Month(m), d)
	if err != nil {
		err.(*DateError).Input = s
		return Date{}, err
	}
	return dt, nil
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// String returns the date as "2006-01-02", or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return string(d.appendISO(make([]byte, 0, 10)))
}

func (d Date) appendISO(b []byte) []byte {
	b = appendPadded(b, d.Year, 4)
	b = append(b, '-')
	b = appendPadded(b, int(d.Month), 2)
	b = append(b, '-')
	return appendPadded(b, d.Day, 2)
}

func appendPadded(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// Register returns the date in the register's short form "02.01.2006" (seed 000), or "" for the zero
// date.
func (d Date) Register() string {
	if d.IsZero() {
		return ""
	}
	b := make([]byte, 0, 10)
	b = appendPadded(b, d.Day, 2)
	b = append(b, '.')
	b = appendPadded(b, int(d.Month), 2)
	b = append(b, '.')
	return string(appendPadded(b, d.Year, 4))
}

// IsZero reports whether d is the zero (unset) date.
func (d Date) IsZero() bool { return d == Date{} }

// IsValid reports whether d is a real date (the zero date is not).
func (d Date) IsValid() bool {
	return d.Year >= 1 && d.Year <= 9999 && d.Month >= time.January && d.Month <= time.December &&
		d.Day >= 1 && d.Day <= DaysIn(d.Year, d.Month)
}

// In returns the instant at which d begins in loc.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// Compare returns -1 if d is before e, 0 if they are the same day and +1 if d is after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmp(d.Year, e.Year)
	case d.Month != e.Month:
		return cmp(int(d.Month), int(e.Month))
	default:
		return cmp(d.Day, e.Day)
	}
}

func cmp(a, b int) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// days returns the number of days since 0001-01-01 (day 0).
func (d Date) days() int {
	y, m := d.Year, int(d.Month)
	if m <= 2 { // count March-based years so February's length is last
		y--
		m += 12
	}
	// days before year y (March-based), then before month m, then the day.
	n := 365*y + y/4 - y/100 + y/400
	n += (153*(m-3) + 2) / 5
	return n + d.Day - 1 - 306 // shift so that 0001-01-01 is 0
}

// fromDays is the inverse of days.
func fromDays(n int) Date {
	// Algorithm: civil_from_days (March-based era arithmetic), shifted to 0001-01-01 = 0.
	z := n + 306 // days since 0000-03-01
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
		y++
	}
	return Date{y, time.Month(m), day}
}

// AddDays returns d moved by n days (n may be negative).
func (d Date) AddDays(n int) Date { return fromDays(d.days() + n) }

// DaysSince returns the number of days from e to d (negative when d is before e).
func (d Date) DaysSince(e Date) int { return d.days() - e.days() }

// AddMonths returns d moved by n months, ending on the corresponding day of the last month or, where
// that month has no such day, on its last day (TsÜS § 136 (2)–(3); the month-end rule as in
// EU Reg. 1182/71 art. 3 (2) c)): 2024-01-31 + 1 month = 2024-02-29. It never rolls over into the
// next month as time.AddDate does.
func (d Date) AddMonths(n int) Date {
	total := d.Year*12 + int(d.Month) - 1 + n
	y, mi := total/12, total%12
	if mi < 0 { // floor division, so that a result before year 1 still has a month 1–12
		y, mi = y-1, mi+12
	}
	m := time.Month(mi + 1)
	day := d.Day
	if last := DaysIn(y, m); day > last {
		day = last
	}
	return Date{y, m, day}
}

// AddYears returns d moved by n years, with 29 February ending on 28 February in a common year.
func (d Date) AddYears(n int) Date { return d.AddMonths(12 * n) }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// 0001-01-01 was a Monday.
	return time.Weekday((d.days()%7 + 7 + 1) % 7)
}

// MarshalText implements encoding.TextMarshaler: "2006-01-02", or empty for the zero date.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	if _, err := NewDate(d.Year, d.Month, d.Day); err != nil {
		return nil, err // names the field that is out of range
	}
	return d.appendISO(make([]byte, 0, 10)), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it accepts what [ParseDate] accepts, and empty
// text as the zero date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	dt, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = dt
	return nil
}

// MarshalJSON implements json.Marshaler: a JSON string "2006-01-02", or null for the zero date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	b, err := d.MarshalText()
	if err != nil {
		return nil, err
	}
	return append(append([]byte{'"'}, b...), '"'), nil
}

// UnmarshalJSON implements json.Unmarshaler; it accepts a string that [ParseDate] accepts, "" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return &DateError{Input: string(b), Field: "format", Reason: "must be a JSON string"}
	}
	if bytes.IndexByte(b, '\\') >= 0 { // a string with escapes: let encoding/json decode it
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return &DateError{Input: string(b), Field: "format", Reason: "must be a JSON string"}
		}
		return d.UnmarshalText([]byte(s))
	}
	return d.UnmarshalText(b[1 : len(b)-1])
}

// Scan implements sql.Scanner. It accepts a time.Time (pgx hands a PostgreSQL date over as one; its
// calendar date is taken as it stands, with no zone conversion), a string or []byte that [ParseDate]
// accepts, and nil (the zero date).
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case time.Time:
		y, m, dd := v.Date()
		*d = Date{y, m, dd}
		return nil
	case string:
		return d.UnmarshalText([]byte(v))
	case []byte:
		return d.UnmarshalText(v)
	}
	return fmt.Errorf("calendar: cannot scan %T into a Date", src)
}

// Value implements driver.Valuer: the date as "2006-01-02", or NULL for the zero date.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}
