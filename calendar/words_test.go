package calendar_test

import (
	"testing"
	"time"

	"github.com/kutsekit/kutse/calendar"
)

// TestLongEt_GEN02 checks the document form of a date: day in digits, month in the adessive, year
// in digits (GEN-02), for every month.
func TestLongEt_GEN02(t *testing.T) {
	want := []string{"jaanuaril", "veebruaril", "märtsil", "aprillil", "mail", "juunil",
		"juulil", "augustil", "septembril", "oktoobril", "novembril", "detsembril"}
	for m := time.January; m <= time.December; m++ {
		if got := calendar.MonthAdessiveEt(m); got != want[m-1] {
			t.Errorf("MonthAdessiveEt(%s) = %q; want %q", m, got, want[m-1])
		}
	}
	tests := []struct {
		d      calendar.Date
		et, en string
	}{
		{calendar.MustDate(2014, 6, 13), "13. juunil 2014", "13 June 2014"},
		{calendar.MustDate(1994, 4, 20), "20. aprillil 1994", "20 April 1994"},
		{calendar.MustDate(2005, 3, 2), "2. märtsil 2005", "2 March 2005"},
		{calendar.MustDate(2024, 10, 1), "1. oktoobril 2024", "1 October 2024"},
		{calendar.MustDate(2024, 5, 26), "26. mail 2024", "26 May 2024"},
		{calendar.MustDate(2024, 8, 20), "20. augustil 2024", "20 August 2024"},
		{calendar.Date{}, "", ""},
		{calendar.Date{Year: 2023, Month: 2, Day: 29}, "", ""},
	}
	for _, tt := range tests {
		if got := tt.d.LongEt(); got != tt.et {
			t.Errorf("%#v.LongEt() = %q; want %q", tt.d, got, tt.et)
		}
		if got := tt.d.LongEn(); got != tt.en {
			t.Errorf("%#v.LongEn() = %q; want %q", tt.d, got, tt.en)
		}
	}
}

func TestMonthEt(t *testing.T) {
	nom := []string{"jaanuar", "veebruar", "märts", "aprill", "mai", "juuni",
		"juuli", "august", "september", "oktoober", "november", "detsember"}
	ine := []string{"jaanuaris", "veebruaris", "märtsis", "aprillis", "mais", "juunis",
		"juulis", "augustis", "septembris", "oktoobris", "novembris", "detsembris"}
	for m := time.January; m <= time.December; m++ {
		if got := calendar.MonthEt(m); got != nom[m-1] {
			t.Errorf("MonthEt(%s) = %q; want %q", m, got, nom[m-1])
		}
		if got := calendar.MonthInessiveEt(m); got != ine[m-1] {
			t.Errorf("MonthInessiveEt(%s) = %q; want %q", m, got, ine[m-1])
		}
	}
	for _, m := range []time.Month{0, 13} {
		if calendar.MonthEt(m) != "" || calendar.MonthAdessiveEt(m) != "" || calendar.MonthInessiveEt(m) != "" {
			t.Errorf("month %d: want \"\" from every form", m)
		}
	}
	wd := []string{"pühapäev", "esmaspäev", "teisipäev", "kolmapäev", "neljapäev", "reede", "laupäev"}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if got := calendar.WeekdayEt(d); got != wd[d] {
			t.Errorf("WeekdayEt(%s) = %q; want %q", d, got, wd[d])
		}
	}
	if calendar.WeekdayEt(7) != "" || calendar.WeekdayEt(-1) != "" {
		t.Error("WeekdayEt out of range: want \"\"")
	}
}
