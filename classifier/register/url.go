package register

import (
	"strings"
	"unicode/utf8"
)

// ValidURL reports whether v is a web address as the register's records hold them (an awarding
// body's home page, its procedure, its page on a qualification): http:// or https://, with a host,
// no white space, valid UTF-8, at most 2000 bytes.
func ValidURL(v string) bool {
	rest, ok := strings.CutPrefix(v, "https://")
	if !ok {
		rest, ok = strings.CutPrefix(v, "http://")
	}
	host, _, _ := strings.Cut(rest, "/")
	return ok && host != "" && !strings.ContainsAny(v, " \t\r\n") && len(v) <= 2000 && utf8.ValidString(v)
}
