package pgstore

import "testing"

// TestWordsPattern_CERT04 proves the pattern a public text of several words is looked up by: every
// separator a one-character wildcard, and no such pattern where it would leave the trigram
// indexes nothing to look up (the statement then matches the text as it is).
func TestWordsPattern_CERT04(t *testing.T) {
	for _, tt := range []struct {
		text, want string
		ok         bool
	}{
		{"mari tammaia", "%mari_tammaia%", true},
		{"šašlõkk-ül", "%šašlõkk_ül%", true},
		{"100% kokk", "%100__kokk%", true},
		{`a_b\c kokk`, `%a_b_c_kokk%`, true},
		{"kokk", "%kokk%", false},   // one word: the text's own pattern
		{"st is", "%st_is%", false}, // no word of three letters: no trigram would be left
		{"ab cd ef", "%ab_cd_ef%", false},
		{"", "%%", false},
	} {
		got, ok := wordsPattern(tt.text)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("wordsPattern(%q) = %q, %v; want %q, %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}
