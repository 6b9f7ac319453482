package stateexam_test

import (
	"testing"

	"github.com/kutsekit/kutse/exam/stateexam"
)

// FuzzFromRecord: reading a record's Extra never panics, and whatever it reads either validates
// (SCH-10) or is refused with an error; a valid sample survives Record and FromRecord unchanged.
func FuzzFromRecord(f *testing.F) {
	c := sample()
	rec, err := c.Record()
	if err != nil {
		f.Fatal(err)
	}
	if back, err := stateexam.FromRecord(rec); err != nil || back.Text() != c.Text() || back.Validate(nil) != nil || back.Holder != c.Holder {
		f.Fatalf("round trip: %+v, %v", back, err)
	}
	f.Add(rec.Extra[stateexam.ExtraKey])
	f.Add(`{"Subjects":[{"Kind":"english","Skills":[{"Name":"a","Weight":"100","Percent":"50"}]}]}`)
	f.Add(`{"Subjects":[{"Kind":"nope"}]}`)
	f.Fuzz(func(t *testing.T, extra string) {
		r := rec
		r.Extra = map[string]string{stateexam.ExtraKey: extra}
		got, err := stateexam.FromRecord(r)
		if err != nil {
			return
		}
		_ = got.Validate(nil)
		_ = got.Text()
	})
}
