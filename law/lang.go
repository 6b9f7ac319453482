package law

import "github.com/kutsekit/kutse/invalid"

// Lang is a language an output is rendered in (GEN-05: what a person reads comes in Estonian and
// English). The zero value is Estonian.
type Lang uint8

// The languages the SDK renders.
const (
	Estonian Lang = iota // eesti keel
	English              // English
)

// ParseLang parses "et" or "en" (also "est", "eng", "Estonian", "English", any case). Another text is
// an *invalid.FieldError (wrapping invalid.ErrInvalid).
func ParseLang(s string) (Lang, error) {
	switch lower(s) {
	case "et", "est", "estonian", "eesti":
		return Estonian, nil
	case "en", "eng", "english", "inglise":
		return English, nil
	}
	return 0, &invalid.FieldError{Pkg: "law", Field: "language", Value: s, Reason: `is not known: want "et" or "en"`}
}

// String returns the language's ISO 639-1 code, "et" or "en".
func (l Lang) String() string {
	if l == English {
		return "en"
	}
	return "et"
}

// Pick returns et for Estonian and en for English.
func (l Lang) Pick(et, en string) string {
	if l == English {
		return en
	}
	return et
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
