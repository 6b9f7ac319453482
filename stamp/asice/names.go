package asice

import (
	"strings"
	"unicode/utf8"
)

// The reserved entries of an ASiC-E container.
const (
	mimetypeName   = "mimetype"
	manifestName   = "META-INF/manifest.xml"
	signaturesName = "META-INF/signatures0.xml"
	metaInf        = "META-INF/"
)

// maxNameLen bounds a data file's name in bytes, in Create and in Verify.
const maxNameLen = 255

// fileNameProblem says what is wrong with name as the name of a data file given to Create, or
// returns "". A name is a single path element: the container has no folders.
func fileNameProblem(name string) string {
	switch {
	case name == "":
		return "empty name"
	case len(name) > maxNameLen:
		return "name longer than 255 bytes"
	case strings.ContainsRune(name, '/'):
		return "name contains '/' (the container has no folders)"
	}
	if p := pathProblem(name); p != "" {
		return p
	}
	if strings.EqualFold(name, mimetypeName) || strings.EqualFold(name, "META-INF") {
		return "name is reserved by ASiC-E"
	}
	return ""
}

// pathProblem says what is wrong with p as the name of a ZIP entry or a manifest path, or
// returns "". Directory names end in "/"; their last element is empty and allowed.
func pathProblem(p string) string {
	switch {
	case p == "":
		return "empty name"
	case !utf8.ValidString(p):
		return "name is not valid UTF-8"
	case strings.HasPrefix(p, "/"):
		return "absolute path"
	case strings.ContainsRune(p, '\\'):
		return "backslash in name"
	case len(p) >= 2 && p[1] == ':':
		return "drive letter in name"
	}
	for _, r := range p {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return "control character in name"
		}
	}
	segs := strings.Split(strings.TrimSuffix(p, "/"), "/")
	for _, s := range segs {
		switch s {
		case "":
			return "empty path element"
		case ".", "..":
			return "path element " + s
		}
	}
	return ""
}

// uriSafe reports whether b is written as it is in a Reference URI. libdigidocpp's
// File::toUriPath leaves these bytes and percent-encodes every other byte of the UTF-8 name.
func uriSafe(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' ||
		b == '-' || b == '.' || b == '_' || b == '~' || b == '/'
}

// encodeURI percent-encodes name for a Reference URI: "Tõend ä 1.pdf" becomes
// "T%C3%B5end%20%C3%A4%201.pdf".
func encodeURI(name string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(name) + 16)
	for i := 0; i < len(name); i++ {
		c := name[i]
		if uriSafe(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// decodeURI percent-decodes a relative Reference URI (RFC 3986 path characters and %XX), or
// reports false when uri is not one or does not decode to UTF-8. '+' stays '+'.
func decodeURI(uri string) (string, bool) {
	if uri == "" {
		return "", false
	}
	var b []byte
	for i := 0; i < len(uri); i++ {
		c := uri[i]
		switch {
		case c == '%':
			if i+2 >= len(uri) || unhex(uri[i+1]) < 0 || unhex(uri[i+2]) < 0 {
				return "", false
			}
			if b == nil {
				b = append(make([]byte, 0, len(uri)), uri[:i]...)
			}
			b = append(b, byte(unhex(uri[i+1])<<4|unhex(uri[i+2])))
			i += 2
			continue
		case uriSafe(c) || strings.IndexByte("!$&'()*+,;=:@", c) >= 0:
		default:
			return "", false
		}
		if b != nil {
			b = append(b, c)
		}
	}
	if b == nil {
		return uri, true
	}
	if !utf8.Valid(b) {
		return "", false
	}
	return string(b), true
}

func unhex(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return int(c - 'A' + 10)
	}
	return -1
}

// validMediaType reports whether mt is a MIME type/subtype without parameters (RFC 6838
// restricted names), such as "application/pdf".
func validMediaType(mt string) bool {
	typ, sub, ok := strings.Cut(mt, "/")
	return ok && restrictedName(typ) && restrictedName(sub)
}

func restrictedName(s string) bool {
	if s == "" || len(s) > 127 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		ok := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			i > 0 && strings.IndexByte("!#$&-^_.+", c) >= 0
		if !ok {
			return false
		}
	}
	return true
}

// escapeAttr escapes s for a double-quoted XML attribute value.
func escapeAttr(s string) string {
	if !strings.ContainsAny(s, "&<>\"\t\n\r") {
		return s
	}
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;",
		"\t", "&#x9;", "\n", "&#xA;", "\r", "&#xD;")
	return r.Replace(s)
}
