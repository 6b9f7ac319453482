package calendar_test

import (
	"errors"
	"testing"

	"github.com/kutsekit/kutse/calendar"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-06-13", "13.06.2024", "2024-02-30", "0000-01-01", "9999-12-31",
		"29.02.2023", "", "2024-6-13", "2024-06-13T00:00:00Z", "+024-06-13", "१२३४-०१-०१"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := calendar.ParseDate(s)
		if err != nil {
			if _, ok := errors.AsType[*calendar.DateError](err); !ok {
				t.Fatalf("ParseDate(%q) error %T; want *DateError", s, err)
			}
			return
		}
		if !d.IsValid() {
			t.Fatalf("ParseDate(%q) = %#v: not valid", s, d)
		}
		if e, err := calendar.ParseDate(d.String()); err != nil || e != d {
			t.Fatalf("ParseDate(%q) round trip = %v, %v; want %v", s, e, err, d)
		}
		if e, err := calendar.ParseDate(d.Register()); err != nil || e != d {
			t.Fatalf("ParseDate(%q) register round trip = %v, %v; want %v", s, e, err, d)
		}
		if s != d.String() && s != d.Register() {
			t.Fatalf("ParseDate(%q) = %v accepted a form that is neither", s, d)
		}
	})
}
