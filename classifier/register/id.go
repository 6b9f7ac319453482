package register

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kutsekit/kutse/invalid"
)

const pkg = "register"

// ID is the register's identifier of a record: a standard's version, a specialisation, a partial
// qualification, a competence, an exam language, a committee member, a field or an occupation. The
// register's X-Road schema types them xs:integer; the ones seen are eight-digit numbers of one
// sequence (10521659, 10988847). An ID is positive; the zero value means "unset".
type ID int64

// MaxID is the largest ID the SDK accepts: fifteen digits, beyond any the register has used and within
// the range PostgreSQL's bigint and JSON numbers carry exactly.
const MaxID ID = 999_999_999_999_999

// ParseID parses an ID from its decimal digits (white space around them ignored). The error wraps
// invalid.ErrInvalid.
func ParseID(s string) (ID, error) {
	t := strings.TrimSpace(s)
	if t == "" || len(t) > 15 || t[0] == '0' {
		return 0, &invalid.FieldError{Pkg: pkg, Field: "id", Value: s, Reason: "must be a positive integer of at most 15 digits, without leading zeros"}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || t[0] < '1' || t[0] > '9' {
		return 0, &invalid.FieldError{Pkg: pkg, Field: "id", Value: s, Reason: "must be a positive integer of at most 15 digits, without leading zeros"}
	}
	return ID(n), nil
}

// IsZero reports whether id is unset.
func (id ID) IsZero() bool { return id == 0 }

// String returns the decimal digits, or "" when id is unset.
func (id ID) String() string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(int64(id), 10)
}

// valid reports whether id is in 1…MaxID.
func (id ID) valid() bool { return id > 0 && id <= MaxID }

// Ref is an entry the register names by id and name (the schema's idNimetusType): a specialisation
// (spetsialiseerumine), a partial qualification (osakutse), an exam language (kutseeksami keel).
type Ref struct {
	ID   ID
	Name string
}

// checker collects the field errors of one record.
type checker struct{ errs invalid.Errors }

func newChecker() *checker { return &checker{errs: invalid.Errors{Pkg: pkg}} }

func (c *checker) add(field, value, reason string) { c.errs.Add(field, value, reason) }

func (c *checker) err() error { return c.errs.Err() }

// text checks a text field: required or not, at most max bytes, valid UTF-8 with no control
// characters other than tab and line breaks.
func (c *checker) text(field, v string, required bool, max int) {
	switch {
	case required && strings.TrimSpace(v) == "":
		c.add(field, "", "is required")
	case len(v) > max:
		c.add(field, "", "is longer than "+strconv.Itoa(max)+" bytes")
	case !utf8.ValidString(v):
		c.add(field, "", "is not valid UTF-8")
	case strings.IndexFunc(v, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f }) >= 0:
		c.add(field, "", "holds a control character")
	}
}

// id checks an ID field.
func (c *checker) id(field string, id ID, required bool) {
	switch {
	case id == 0 && required:
		c.add(field, "", "is required")
	case id != 0 && !id.valid():
		c.add(field, strconv.FormatInt(int64(id), 10), "must be 1–"+strconv.FormatInt(int64(MaxID), 10))
	}
}

// refs checks a list of Refs: each with a valid id and a name, ids unique in the list.
func (c *checker) refs(field string, rs []Ref) {
	seen := make(map[ID]bool, len(rs))
	for i, r := range rs {
		f := field + "[" + strconv.Itoa(i) + "]"
		c.id(f+".ID", r.ID, true)
		c.text(f+".Name", r.Name, true, 300)
		if r.ID != 0 && seen[r.ID] {
			c.add(f+".ID", r.ID.String(), "is listed twice")
		}
		seen[r.ID] = true
	}
}

// url checks an optional web address: http or https, with a host, no white space.
func (c *checker) url(field, v string) {
	if v != "" && !ValidURL(v) {
		c.add(field, v, "must be an http:// or https:// address")
	}
}

func names(rs []Ref) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Name
	}
	return out
}

// validISCOCode reports whether code is an ISCO-08 code: one to four digits.
func validISCOCode(code string) bool {
	if len(code) < 1 || len(code) > 4 {
		return false
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return false
		}
	}
	return true
}
