package web

import (
	"net/http"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/kutsekit/kutse/law"
)

// format is a representation the handler serves.
type format uint8

const (
	formatHTML format = iota
	formatJSON
)

// negotiateFormat picks JSON or HTML from the request's Accept header (RFC 9110 § 12.5.1): the one
// with the higher quality, the most specific media range deciding each one's quality; HTML on a tie,
// with no Accept header, and when the client accepts neither (the header may be disregarded; a page
// is more useful than a 406 to a person).
func negotiateFormat(r *http.Request) format {
	accept := r.Header.Values("Accept")
	if len(accept) == 0 {
		return formatHTML
	}
	qHTML, qJSON := quality(accept, "text", "html"), quality(accept, "application", "json")
	if qJSON > qHTML {
		return formatJSON
	}
	return formatHTML
}

// quality returns the quality the Accept header values give the media type typ/sub: that of the most
// specific media range matching it (type/subtype over type/* over */*), 0 when none does.
func quality(values []string, typ, sub string) float64 {
	best, q := -1, 0.0
	for _, v := range values {
		for _, rng := range strings.Split(v, ",") {
			mt, params, _ := strings.Cut(rng, ";")
			t, s, ok := strings.Cut(strings.ToLower(strings.TrimSpace(mt)), "/")
			if !ok {
				continue
			}
			spec := 0
			switch {
			case t == typ && s == sub:
				spec = 2
			case t == typ && s == "*":
				spec = 1
			case t == "*" && s == "*":
				spec = 0
			default:
				continue
			}
			if spec <= best {
				continue
			}
			best, q = spec, rangeQuality(params)
		}
	}
	return q
}

// rangeQuality returns the q parameter among a media range's parameters: 1 when absent, 0 when
// malformed (a range the client did not state clearly is not taken as wanted).
func rangeQuality(params string) float64 {
	for _, p := range strings.Split(params, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || q < 0 || q > 1 {
			return 0
		}
		return q
	}
	return 1
}

// languages are the languages the page comes in (GEN-05), Estonian first: the default.
var (
	languages = []language.Tag{language.Estonian, language.English}
	matcher   = language.NewMatcher(languages)
)

// negotiateLang picks the page's language: ?lang=et or ?lang=en where given (the page's own switch),
// else the best match of Accept-Language among Estonian and English (golang.org/x/text/language),
// else Estonian. It reports whether the choice came from the query.
func negotiateLang(r *http.Request) (law.Lang, bool) {
	if q := r.URL.Query().Get("lang"); q != "" {
		if l, err := law.ParseLang(q); err == nil {
			return l, true
		}
	}
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err != nil || len(tags) == 0 {
		return law.Estonian, false
	}
	_, i, conf := matcher.Match(tags...)
	if conf == language.No || i == 0 {
		return law.Estonian, false
	}
	return law.English, false
}
