package calendar

import (
	"strconv"
	"time"
)

// Estonian month names are common nouns, written in lower case (EKI, Eesti keele käsiraamat). Each
// form is the genitive stem plus a case ending: -l for the adessive, -s for the inessive.
var (
	monthNominative = [...]string{"jaanuar", "veebruar", "märts", "aprill", "mai", "juuni",
		"juuli", "august", "september", "oktoober", "november", "detsember"}
	monthStem = [...]string{"jaanuari", "veebruari", "märtsi", "aprilli", "mai", "juuni",
		"juuli", "augusti", "septembri", "oktoobri", "novembri", "detsembri"}
	weekdayEt = [...]string{"pühapäev", "esmaspäev", "teisipäev", "kolmapäev", "neljapäev",
		"reede", "laupäev"}
)

// MonthEt returns the Estonian name of m in the nominative, lower case: "juuni". It returns "" for
// a month outside January–December.
func MonthEt(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return monthNominative[m-1]
}

// MonthAdessiveEt returns the Estonian name of m in the adessive ("on", alalütlev kääne), the form a
// full date takes (GEN-02): "juunil", as in "13. juunil 2014". It returns "" for a month outside
// January–December.
func MonthAdessiveEt(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return monthStem[m-1] + "l"
}

// MonthInessiveEt returns the Estonian name of m in the inessive ("in", seesütlev kääne), the form a
// month without a day takes: "veebruaris", as in "veebruaris 2006" (EKI keelenõuanne 2005-12-08).
// It returns "" for a month outside January–December.
func MonthInessiveEt(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return monthStem[m-1] + "s"
}

// WeekdayEt returns the Estonian name of wd, lower case: "laupäev". It returns "" for a value
// outside Sunday–Saturday.
func WeekdayEt(wd time.Weekday) string {
	if wd < time.Sunday || wd > time.Saturday {
		return ""
	}
	return weekdayEt[wd]
}

// LongEt returns d written out the way Estonian documents write a date (GEN-02; määrus 002
// § 8 (2) 6)): the day in digits with a full stop, the month as a word in the adessive and the year
// in digits, "13. juunil 2014". It returns "" for the zero date or an invalid one.
func (d Date) LongEt() string {
	if !d.IsValid() {
		return ""
	}
	b := make([]byte, 0, 24)
	b = strconv.AppendInt(b, int64(d.Day), 10)
	b = append(b, ". "...)
	b = append(b, monthStem[d.Month-1]...)
	b = append(b, "l "...)
	b = strconv.AppendInt(b, int64(d.Year), 10)
	return string(b)
}

// LongEn returns d written out in English, day first as in Riigi Teataja's translations and on the
// English certificate (GEN-05): "13 June 2014". It returns "" for the zero date or an invalid one.
func (d Date) LongEn() string {
	if !d.IsValid() {
		return ""
	}
	b := make([]byte, 0, 20)
	b = strconv.AppendInt(b, int64(d.Day), 10)
	b = append(b, ' ')
	b = append(b, d.Month.String()...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(d.Year), 10)
	return string(b)
}
