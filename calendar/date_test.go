package calendar_test

import (
	"database/sql/driver"
	"encoding/json"
	"errors"
	"testing"
	"time"
	_ "time/tzdata" // the test binary is a program: it may carry the zone database

	"github.com/kutsekit/kutse/calendar"
)

func TestNewDate(t *testing.T) {
	tests := []struct {
		y, m, d int
		field   string // "" for a valid date
	}{
		{2024, 2, 29, ""},
		{2023, 2, 29, "day"},
		{2024, 2, 30, "day"}, // never normalised to 1 March
		{2024, 4, 31, "day"},
		{2024, 1, 0, "day"},
		{2024, 13, 1, "month"},
		{2024, 0, 1, "month"},
		{0, 1, 1, "year"},
		{10000, 1, 1, "year"},
		{1, 1, 1, ""},
		{9999, 12, 31, ""},
		{1900, 2, 29, "day"}, // 1900 is not a leap year
		{2000, 2, 29, ""},    // 2000 is
	}
	for _, tt := range tests {
		d, err := calendar.NewDate(tt.y, time.Month(tt.m), tt.d)
		if tt.field == "" {
			if err != nil || d != (calendar.Date{Year: tt.y, Month: time.Month(tt.m), Day: tt.d}) {
				t.Errorf("NewDate(%d, %d, %d) = %v, %v; want the date", tt.y, tt.m, tt.d, d, err)
			}
			continue
		}
		de, ok := errors.AsType[*calendar.DateError](err)
		if !ok || de.Field != tt.field {
			t.Errorf("NewDate(%d, %d, %d) error = %v; want a *DateError naming %q", tt.y, tt.m, tt.d, err, tt.field)
		}
		if !d.IsZero() {
			t.Errorf("NewDate(%d, %d, %d) = %v with an error; want the zero date", tt.y, tt.m, tt.d, d)
		}
	}
}

func TestMustDate_panics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustDate(2023, 2, 29) did not panic")
		}
	}()
	calendar.MustDate(2023, time.February, 29)
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in    string
		want  calendar.Date
		field string // the field the error names; "" for success
	}{
		{"2024-06-13", calendar.MustDate(2024, 6, 13), ""},
		{"13.06.2024", calendar.MustDate(2024, 6, 13), ""},
		{"0001-01-01", calendar.MustDate(1, 1, 1), ""},
		{"29.02.2024", calendar.MustDate(2024, 2, 29), ""},
		{"2024-02-30", calendar.Date{}, "day"},
		{"29.02.2023", calendar.Date{}, "day"},
		{"2024-13-01", calendar.Date{}, "month"},
		{"2024-00-10", calendar.Date{}, "month"},
		{"0000-01-01", calendar.Date{}, "year"},
		{"", calendar.Date{}, "format"},
		{"2024-6-13", calendar.Date{}, "format"},
		{"2024/06/13", calendar.Date{}, "format"},
		{"13.6.2024", calendar.Date{}, "format"},
		{"2024-06-13T00:00:00Z", calendar.Date{}, "format"},
		{" 2024-06-13", calendar.Date{}, "format"},
		{"+024-06-13", calendar.Date{}, "format"},
		{"2024-0a-13", calendar.Date{}, "format"},
		{"13-06-2024", calendar.Date{}, "format"},
	}
	for _, tt := range tests {
		got, err := calendar.ParseDate(tt.in)
		if tt.field == "" {
			if err != nil || got != tt.want {
				t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
			continue
		}
		de, ok := errors.AsType[*calendar.DateError](err)
		if !ok || de.Field != tt.field || de.Input != tt.in {
			t.Errorf("ParseDate(%q) error = %#v; want a *DateError for input %q naming %q", tt.in, err, tt.in, tt.field)
			continue
		}
		if msg := err.Error(); len(msg) < 9 || msg[:9] != "calendar:" {
			t.Errorf("ParseDate(%q) error %q; want it to start with \"calendar:\"", tt.in, msg)
		}
	}
}

func TestDate_StringRegister(t *testing.T) {
	tests := []struct {
		d             calendar.Date
		iso, register string
	}{
		{calendar.MustDate(2024, 6, 13), "2024-06-13", "13.06.2024"},
		{calendar.MustDate(1, 1, 1), "0001-01-01", "01.01.0001"},
		{calendar.MustDate(9999, 12, 31), "9999-12-31", "31.12.9999"},
		{calendar.Date{}, "", ""},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.iso {
			t.Errorf("%#v.String() = %q; want %q", tt.d, got, tt.iso)
		}
		if got := tt.d.Register(); got != tt.register {
			t.Errorf("%#v.Register() = %q; want %q", tt.d, got, tt.register)
		}
	}
}

func TestDateOf_Tallinn(t *testing.T) {
	if _, err := calendar.Tallinn(); err != nil {
		t.Fatalf("Tallinn() error = %v", err)
	}
	tests := []struct {
		instant string
		want    calendar.Date
	}{
		{"2024-03-31T22:30:00Z", calendar.MustDate(2024, 4, 1)}, // EEST, UTC+3
		{"2024-03-31T20:59:59Z", calendar.MustDate(2024, 3, 31)},
		{"2024-01-15T21:59:59Z", calendar.MustDate(2024, 1, 15)}, // EET, UTC+2
		{"2024-01-15T22:00:00Z", calendar.MustDate(2024, 1, 16)},
		{"2024-12-31T22:00:00Z", calendar.MustDate(2025, 1, 1)},
		{"2024-06-13T23:59:00+03:00", calendar.MustDate(2024, 6, 13)},
	}
	for _, tt := range tests {
		ti, err := time.Parse(time.RFC3339, tt.instant)
		if err != nil {
			t.Fatal(err)
		}
		if got := calendar.DateOf(ti); got != tt.want {
			t.Errorf("DateOf(%s) = %s; want %s", tt.instant, got, tt.want)
		}
	}
	ti := time.Date(2024, 3, 31, 22, 30, 0, 0, time.UTC)
	if got := calendar.DateIn(ti, time.UTC); got != calendar.MustDate(2024, 3, 31) {
		t.Errorf("DateIn(%s, UTC) = %s; want 2024-03-31", ti, got)
	}
	loc, _ := calendar.Tallinn()
	if got := calendar.MustDate(2024, 4, 1).In(loc); !got.Equal(time.Date(2024, 3, 31, 21, 0, 0, 0, time.UTC)) {
		t.Errorf("2024-04-01.In(Tallinn) = %s; want 2024-03-31T21:00Z", got)
	}
}

func TestDate_AddDaysDaysSince(t *testing.T) {
	tests := []struct {
		d    calendar.Date
		n    int
		want calendar.Date
	}{
		{calendar.MustDate(2024, 2, 28), 1, calendar.MustDate(2024, 2, 29)},
		{calendar.MustDate(2023, 2, 28), 1, calendar.MustDate(2023, 3, 1)},
		{calendar.MustDate(2024, 12, 31), 1, calendar.MustDate(2025, 1, 1)},
		{calendar.MustDate(2025, 1, 1), -1, calendar.MustDate(2024, 12, 31)},
		{calendar.MustDate(2024, 6, 14), 15, calendar.MustDate(2024, 6, 29)},
		{calendar.MustDate(2000, 1, 1), 366, calendar.MustDate(2001, 1, 1)},
		{calendar.MustDate(1900, 2, 28), 1, calendar.MustDate(1900, 3, 1)},
		{calendar.MustDate(1, 1, 1), 0, calendar.MustDate(1, 1, 1)},
		{calendar.MustDate(1, 1, 1), 3652058, calendar.MustDate(9999, 12, 31)},
	}
	for _, tt := range tests {
		if got := tt.d.AddDays(tt.n); got != tt.want {
			t.Errorf("%s.AddDays(%d) = %s; want %s", tt.d, tt.n, got, tt.want)
		}
		if got := tt.want.DaysSince(tt.d); got != tt.n {
			t.Errorf("%s.DaysSince(%s) = %d; want %d", tt.want, tt.d, got, tt.n)
		}
	}
}

// TestDate_AddMonths checks the month-end rule of TsÜS § 136 (3) on boundary days.
func TestDate_AddMonths(t *testing.T) {
	tests := []struct {
		d    calendar.Date
		n    int
		want calendar.Date
	}{
		{calendar.MustDate(2024, 1, 31), 1, calendar.MustDate(2024, 2, 29)},
		{calendar.MustDate(2023, 1, 31), 1, calendar.MustDate(2023, 2, 28)},
		{calendar.MustDate(2024, 3, 31), 1, calendar.MustDate(2024, 4, 30)},
		{calendar.MustDate(2024, 10, 31), 1, calendar.MustDate(2024, 11, 30)}, // not 1 December
		{calendar.MustDate(2024, 3, 31), -1, calendar.MustDate(2024, 2, 29)},
		{calendar.MustDate(2024, 6, 14), 1, calendar.MustDate(2024, 7, 14)},
		{calendar.MustDate(2024, 12, 15), 1, calendar.MustDate(2025, 1, 15)},
		{calendar.MustDate(2024, 1, 15), -1, calendar.MustDate(2023, 12, 15)},
		{calendar.MustDate(2024, 8, 31), 6, calendar.MustDate(2025, 2, 28)},
		{calendar.MustDate(2024, 5, 31), 0, calendar.MustDate(2024, 5, 31)},
		{calendar.MustDate(2024, 5, 31), 120, calendar.MustDate(2034, 5, 31)},
	}
	for _, tt := range tests {
		if got := tt.d.AddMonths(tt.n); got != tt.want {
			t.Errorf("%s.AddMonths(%d) = %s; want %s", tt.d, tt.n, got, tt.want)
		}
	}
	years := []struct {
		d    calendar.Date
		n    int
		want calendar.Date
	}{
		{calendar.MustDate(2024, 2, 29), 1, calendar.MustDate(2025, 2, 28)},
		{calendar.MustDate(2024, 2, 29), 4, calendar.MustDate(2028, 2, 29)},
		{calendar.MustDate(2024, 2, 29), -1, calendar.MustDate(2023, 2, 28)},
		{calendar.MustDate(2024, 6, 13), 5, calendar.MustDate(2029, 6, 13)},
	}
	for _, tt := range years {
		if got := tt.d.AddYears(tt.n); got != tt.want {
			t.Errorf("%s.AddYears(%d) = %s; want %s", tt.d, tt.n, got, tt.want)
		}
	}
}

func TestDate_Compare(t *testing.T) {
	a, b := calendar.MustDate(2024, 6, 13), calendar.MustDate(2024, 6, 14)
	c := calendar.MustDate(2023, 12, 31)
	tests := []struct {
		x, y          calendar.Date
		cmp           int
		before, after bool
	}{
		{a, b, -1, true, false},
		{b, a, 1, false, true},
		{a, a, 0, false, false},
		{c, a, -1, true, false},
		{calendar.MustDate(2024, 5, 31), a, -1, true, false},
		{calendar.Date{}, a, -1, true, false},
	}
	for _, tt := range tests {
		if got := tt.x.Compare(tt.y); got != tt.cmp {
			t.Errorf("%s.Compare(%s) = %d; want %d", tt.x, tt.y, got, tt.cmp)
		}
		if got := tt.x.Before(tt.y); got != tt.before {
			t.Errorf("%s.Before(%s) = %v; want %v", tt.x, tt.y, got, tt.before)
		}
		if got := tt.x.After(tt.y); got != tt.after {
			t.Errorf("%s.After(%s) = %v; want %v", tt.x, tt.y, got, tt.after)
		}
	}
}

func TestDate_Weekday(t *testing.T) {
	// Against the time package for every day of 1899–2101.
	for d := calendar.MustDate(1899, 1, 1); d.Year < 2102; d = d.AddDays(1) {
		if got, want := d.Weekday(), d.In(time.UTC).Weekday(); got != want {
			t.Fatalf("%s.Weekday() = %s; want %s", d, got, want)
		}
	}
	if got := calendar.MustDate(1, 1, 1).Weekday(); got != time.Monday {
		t.Errorf("0001-01-01.Weekday() = %s; want Monday", got)
	}
}

func TestDate_IsZeroIsValid(t *testing.T) {
	tests := []struct {
		d             calendar.Date
		zero, isValid bool
	}{
		{calendar.Date{}, true, false},
		{calendar.MustDate(2024, 2, 29), false, true},
		{calendar.Date{Year: 2023, Month: 2, Day: 29}, false, false},
		{calendar.Date{Year: 2023, Month: 13, Day: 1}, false, false},
	}
	for _, tt := range tests {
		if got := tt.d.IsZero(); got != tt.zero {
			t.Errorf("%#v.IsZero() = %v; want %v", tt.d, got, tt.zero)
		}
		if got := tt.d.IsValid(); got != tt.isValid {
			t.Errorf("%#v.IsValid() = %v; want %v", tt.d, got, tt.isValid)
		}
	}
	if !calendar.IsLeap(2000) || calendar.IsLeap(1900) || !calendar.IsLeap(2024) || calendar.IsLeap(2023) {
		t.Error("IsLeap wrong for 2000, 1900, 2024 or 2023")
	}
	if calendar.DaysIn(2024, time.February) != 29 || calendar.DaysIn(2023, time.February) != 28 ||
		calendar.DaysIn(2024, time.April) != 30 || calendar.DaysIn(2024, time.December) != 31 {
		t.Error("DaysIn wrong")
	}
}

func TestDate_Text(t *testing.T) {
	d := calendar.MustDate(2024, 6, 13)
	b, err := d.MarshalText()
	if err != nil || string(b) != "2024-06-13" {
		t.Errorf("MarshalText() = %q, %v; want 2024-06-13", b, err)
	}
	if b, err := (calendar.Date{}).MarshalText(); err != nil || len(b) != 0 {
		t.Errorf("zero MarshalText() = %q, %v; want empty", b, err)
	}
	_, err = calendar.Date{Year: 2023, Month: 2, Day: 29}.MarshalText()
	if de, ok := errors.AsType[*calendar.DateError](err); !ok || de.Field != "day" {
		t.Errorf("MarshalText(2023-02-29) error = %v; want a *DateError naming the day", err)
	}
	var got calendar.Date
	for _, in := range []string{"2024-06-13", "13.06.2024"} {
		if err := got.UnmarshalText([]byte(in)); err != nil || got != d {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %s", in, got, err, d)
		}
	}
	if err := got.UnmarshalText(nil); err != nil || !got.IsZero() {
		t.Errorf("UnmarshalText(empty) = %v, %v; want the zero date", got, err)
	}
	if err := got.UnmarshalText([]byte("2024-02-30")); err == nil {
		t.Error("UnmarshalText(2024-02-30) = nil error")
	}
}

func TestDate_JSON(t *testing.T) {
	type doc struct {
		Issued calendar.Date  `json:"issued"`
		Until  calendar.Date  `json:"until"`
		Ptr    *calendar.Date `json:"ptr,omitempty"`
	}
	in := doc{Issued: calendar.MustDate(2024, 6, 13)}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"issued":"2024-06-13","until":null}`; string(b) != want {
		t.Errorf("json.Marshal = %s; want %s", b, want)
	}
	var out doc
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Errorf("round trip = %+v, %v; want %+v", out, err, in)
	}
	for _, tt := range []struct {
		in   string
		want calendar.Date
		ok   bool
	}{
		{`{"issued":"13.06.2024"}`, calendar.MustDate(2024, 6, 13), true},
		{`{"issued":"\u0032024-06-13"}`, calendar.MustDate(2024, 6, 13), true},
		{`{"issued":""}`, calendar.Date{}, true},
		{`{"issued":null}`, calendar.Date{}, true},
		{`{"issued":"2024-02-30"}`, calendar.Date{}, false},
		{`{"issued":20240613}`, calendar.Date{}, false},
	} {
		var out doc
		err := json.Unmarshal([]byte(tt.in), &out)
		if (err == nil) != tt.ok || out.Issued != tt.want {
			t.Errorf("json.Unmarshal(%s) = %v, %v; want %v, ok %v", tt.in, out.Issued, err, tt.want, tt.ok)
		}
	}
}

func TestDate_ScanValue(t *testing.T) {
	want := calendar.MustDate(2024, 6, 13)
	loc, _ := calendar.Tallinn()
	tests := []struct {
		src  any
		want calendar.Date
		ok   bool
	}{
		{time.Date(2024, 6, 13, 0, 0, 0, 0, time.UTC), want, true}, // pgx: a PostgreSQL date
		{time.Date(2024, 6, 13, 23, 30, 0, 0, loc), want, true},    // taken as it stands, no conversion
		{"2024-06-13", want, true},
		{"13.06.2024", want, true},
		{[]byte("2024-06-13"), want, true},
		{nil, calendar.Date{}, true},
		{"2024-02-30", calendar.Date{}, false},
		{int64(20240613), calendar.Date{}, false},
	}
	for _, tt := range tests {
		got := calendar.MustDate(1999, 1, 1) // Scan must overwrite
		err := got.Scan(tt.src)
		if (err == nil) != tt.ok {
			t.Errorf("Scan(%#v) error = %v; want ok %v", tt.src, err, tt.ok)
			continue
		}
		if tt.ok && got != tt.want {
			t.Errorf("Scan(%#v) = %s; want %s", tt.src, got, tt.want)
		}
	}
	if v, err := want.Value(); err != nil || v != driver.Value("2024-06-13") {
		t.Errorf("Value() = %#v, %v; want \"2024-06-13\"", v, err)
	}
	if v, err := (calendar.Date{}).Value(); err != nil || v != nil {
		t.Errorf("zero Value() = %#v, %v; want nil", v, err)
	}
}
