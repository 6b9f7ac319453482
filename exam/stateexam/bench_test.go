package stateexam_test

import "testing"

var sinkText string

// BenchmarkValidateText validates the sample certificate (three subjects, the English level
// checked) and renders its text.
func BenchmarkValidateText(b *testing.B) {
	c := sample()
	b.ReportAllocs()
	for b.Loop() {
		if err := c.Validate(nil); err != nil {
			b.Fatal(err)
		}
		sinkText = c.Text()
	}
}
