package opendata

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
)

const pkg = "opendata"

// The reader's limits: a feed beyond them is refused with an [Error] wrapping [ErrTooLarge], so that
// memory stays bounded whatever the input.
const (
	MaxRecordText = 1 << 20 // the most bytes of mapped text one record may hold
	MaxDepth      = 64      // the deepest element nesting
)

// ErrTooLarge is wrapped by the error for a record whose mapped text exceeds MaxRecordText or
// elements nested deeper than MaxDepth.
var ErrTooLarge = errors.New("beyond the reader's limits")

// ErrSyntax is wrapped by the error for input that is not well-formed XML.
var ErrSyntax = errors.New("not well-formed XML")

// Error reports a problem in a feed: where (the feed, the record's number from 1 and the line its
// element starts on; 0 outside a record) and what. Bad values wrap invalid.ErrInvalid (through an
// *invalid.Errors naming each field); a stream that is not XML wraps [ErrSyntax], one beyond the
// limits [ErrTooLarge].
type Error struct {
	Feed   Feed
	Record int // 1-based; 0 when the problem is outside any record
	Line   int // the line of the record's start tag, or of the problem
	Err    error
}

// Error implements error: `opendata: kutsestandardid: record 17 (line 342): EKR "9" must be 1–8`.
func (e *Error) Error() string {
	where := ""
	switch {
	case e.Record > 0:
		where = "record " + strconv.Itoa(e.Record) + " (line " + strconv.Itoa(e.Line) + "): "
	case e.Line > 0:
		where = "line " + strconv.Itoa(e.Line) + ": "
	}
	msg := e.Err.Error()
	msg = strings.TrimPrefix(msg, pkg+": ")
	return pkg + ": " + e.Feed.String() + ": " + where + msg
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Value is one mapped element's text in a [Record].
type Value struct {
	Field  string // the field it fills, as the mapping names it
	Text   string // the element's text, entities resolved, as it stands
	Item   int    // the occurrence of the innermost group around it, from 1; 0 outside groups
	Parent int    // the occurrence of the group around that one; 0 when none
}

// Record is one record of a feed as the reader found it: its mapped values in document order. The
// reader reuses a Record for the next one: keep what you need, or [Record.Clone] it.
type Record struct {
	Feed   Feed
	N      int // the record's number in the feed, from 1
	Line   int // the line its element starts on
	Values []Value
}

// Get returns the text of the first value of field, or "".
func (r *Record) Get(field string) string {
	for i := range r.Values {
		if r.Values[i].Field == field {
			return r.Values[i].Text
		}
	}
	return ""
}

// Clone returns a copy of r that the reader does not reuse.
func (r *Record) Clone() *Record {
	c := *r
	c.Values = append([]Value(nil), r.Values...)
	return &c
}

// Reader reads a feed's records one at a time from an XML token stream (encoding/xml), in constant
// memory whatever the size of the feed: it keeps one record's mapped text, the stack of open elements,
// and the decoder's buffer.
type Reader struct {
	m         *Mapping
	src       io.Reader
	tree      *node
	ngroups   int
	reference bool // read with encoding/xml alone (the tests' reference)
}

// NewReader returns a reader of src with mapping m (nil: [DefaultMapping] of feed). The mapping is
// checked ([Mapping.Validate]) and copied.
func NewReader(src io.Reader, feed Feed, m *Mapping) (*Reader, error) {
	if m == nil {
		m = DefaultMapping(feed)
		if m == nil {
			return nil, fmt.Errorf("opendata: %w: feed %d is not one of the six", errInvalid, feed)
		}
	}
	m = m.Clone()
	if m.Feed != feed {
		return nil, fmt.Errorf("opendata: %w: the mapping is for feed %s, not %s", errInvalid, m.Feed, feed)
	}
	if err := m.Validate(); err != nil {
		return nil, err
	}
	tree, n := m.compile()
	return &Reader{m: m, src: src, tree: tree, ngroups: n}, nil
}

// charsetReader lets the decoder read a feed declared in another encoding than UTF-8 (for example
// windows-1257, the Baltic code page), through golang.org/x/text's encodings.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("unknown encoding %q", label)
	}
	return enc.NewDecoder().Reader(input), nil
}

// skipBOM returns src without a leading UTF-8 byte order mark.
func skipBOM(src io.Reader) io.Reader {
	b := bufio.NewReaderSize(src, 64<<10)
	if p, _ := b.Peek(3); len(p) == 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF {
		b.Discard(3)
	}
	return b
}

type frame struct {
	name []byte // a slice of the name arena
	n    *node  // nil: not mapped
}

// Records returns the feed's records one at a time. It yields each record with a nil error, or a nil
// record with an *[Error] and then stops (a stream that is not XML, or beyond the limits): the
// iteration cannot go on past an error in the XML. Stop early by breaking out of the loop. The record
// yielded is reused for the next one.
func (r *Reader) Records() iter.Seq2[*Record, error] {
	return func(yield func(*Record, error) bool) {
		var tz tokenizer
		if r.reference {
			tz = newXMLTokens(skipBOM(r.src), 0)
		} else {
			tz = newFastTokens(skipBOM(r.src))
		}
		rec := &Record{Feed: r.m.Feed}
		var (
			stack    []frame
			names    []byte // the open elements' names, end to end
			recDepth = -1   // the stack depth of the record's element; -1 outside a record
			rootDone bool
			buf      []byte                     // the record's mapped text
			starts   []int                      // where each value's text starts in buf
			counts   = make([]int, r.ngroups+1) // occurrences of each group in the record
			groups   []int                      // the open groups' occurrences, innermost last
			collect  bool                       // the innermost open element is a field
		)
		fail := func(err error) {
			e := &Error{Feed: r.m.Feed, Line: tz.line(), Err: err}
			if recDepth >= 0 {
				e.Record, e.Line = rec.N, rec.Line
			}
			yield(nil, e)
		}
		for {
			t, err := tz.next()
			if err == io.EOF {
				switch {
				case len(stack) > 0:
					fail(fmt.Errorf("%w: the document ends inside element <%s>", ErrSyntax, stack[len(stack)-1].name))
				case !rootDone:
					fail(fmt.Errorf("%w: no document element", ErrSyntax))
				}
				return
			}
			if err != nil {
				if !errors.Is(err, ErrSyntax) {
					err = fmt.Errorf("%w: reading the feed: %w", ErrSyntax, err)
				}
				fail(err)
				return
			}
			switch t.kind {
			case tokStart:
				if len(stack) == 0 && rootDone {
					fail(fmt.Errorf("%w: a second document element <%s>", ErrSyntax, t.name))
					return
				}
				if len(stack) >= MaxDepth {
					fail(fmt.Errorf("%w: elements nested deeper than %d", ErrTooLarge, MaxDepth))
					return
				}
				var n *node
				if recDepth < 0 {
					if string(t.local) == r.m.Record {
						recDepth = len(stack)
						rec.N++
						rec.Line = t.line
						rec.Values, buf, starts, groups = rec.Values[:0], buf[:0], starts[:0], groups[:0]
						clear(counts)
						n = r.tree
					}
				} else if parent := stack[len(stack)-1].n; parent != nil {
					n = parent.children[string(t.local)]
					if n != nil {
						if g := n.group; g > 0 {
							counts[g]++
							groups = append(groups, counts[g])
						}
						if n.field != "" {
							v := Value{Field: n.field}
							if k := len(groups); k > 0 {
								v.Item = groups[k-1]
								if k > 1 {
									v.Parent = groups[k-2]
								}
							}
							rec.Values = append(rec.Values, v)
							starts = append(starts, len(buf))
						}
					}
				}
				collect = n != nil && n.field != "" && recDepth >= 0 && len(stack) > recDepth
				start := len(names)
				names = append(names, t.name...)
				stack = append(stack, frame{name: names[start:len(names):len(names)], n: n})
			case tokEnd:
				if len(stack) == 0 {
					fail(fmt.Errorf("%w: unexpected end element </%s>", ErrSyntax, t.name))
					return
				}
				top := stack[len(stack)-1]
				if !bytes.Equal(top.name, t.name) {
					fail(fmt.Errorf("%w: element <%s> closed by </%s>", ErrSyntax, top.name, t.name))
					return
				}
				stack = stack[:len(stack)-1]
				names = names[:len(names)-len(top.name)]
				collect = false
				if top.n != nil && recDepth >= 0 && len(stack) > recDepth && top.n.group > 0 {
					groups = groups[:len(groups)-1]
				}
				if len(stack) == 0 {
					rootDone = true
				}
				if len(stack) == recDepth {
					recDepth = -1
					text := string(buf)
					for i := range rec.Values {
						end := len(text)
						if i+1 < len(starts) {
							end = starts[i+1]
						}
						rec.Values[i].Text = strings.TrimSpace(text[starts[i]:end])
					}
					if !yield(rec, nil) {
						return
					}
				}
			case tokText:
				if collect {
					if len(buf)+len(t.text) > MaxRecordText {
						fail(fmt.Errorf("%w: the record's text exceeds %d bytes", ErrTooLarge, MaxRecordText))
						return
					}
					buf = append(buf, t.text...)
				} else if len(stack) == 0 && len(bytes.TrimSpace(t.text)) > 0 {
					fail(fmt.Errorf("%w: text outside the document element", ErrSyntax))
					return
				}
			}
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
