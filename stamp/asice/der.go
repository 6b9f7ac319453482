package asice

import (
	"bytes"
	"errors"
	"strconv"
)

// maxDERDepth bounds the nesting of a DER structure checkDER walks (a time-stamp token nests
// about 12 deep, a certificate in it about 10 more).
const maxDERDepth = 40

// checkDER reports whether b is exactly one value in strict DER (X.690 § 10): definite lengths
// in their shortest form, tag numbers in their shortest form, no bytes after the value, and
// the universal types in their one DER encoding: BOOLEAN one byte 00 or FF, INTEGER and
// ENUMERATED minimal, BIT STRING primitive with its unused bits zero, OBJECT IDENTIFIER
// subidentifiers minimal, NULL empty, strings and times primitive, UTCTime and
// GeneralizedTime in UTC ("Z") with seconds and no trailing zero in a fraction, SEQUENCE and
// SET constructed, the elements of a SET in ascending order. It walks every constructed value;
// the content of OCTET STRINGs and of context-specific primitives is not looked into (callers
// check the DER they hold with another call).
func checkDER(b []byte) error {
	rest, err := derValue(b, 0)
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return errors.New(strconv.Itoa(len(rest)) + " bytes after the DER value")
	}
	return nil
}

// derValue checks the first value of b and returns what follows it.
func derValue(b []byte, depth int) (rest []byte, err error) {
	if depth > maxDERDepth {
		return nil, errors.New("DER nested too deep")
	}
	class, constructed, tag, content, rest, err := derTLV(b)
	if err != nil {
		return nil, err
	}
	if class == 0 {
		if err := derUniversal(tag, constructed, content); err != nil {
			return nil, err
		}
	}
	if constructed {
		var prev []byte
		for c := content; len(c) > 0; {
			next, err := derValue(c, depth+1)
			if err != nil {
				return nil, err
			}
			el := c[:len(c)-len(next)]
			if class == 0 && tag == 17 && prev != nil && bytes.Compare(prev, el) > 0 {
				return nil, errors.New("SET elements not in DER order")
			}
			prev, c = el, next
		}
	}
	return rest, nil
}

// derTLV splits the first value of b into its identifier, content and what follows.
func derTLV(b []byte) (class byte, constructed bool, tag uint32, content, rest []byte, err error) {
	if len(b) < 2 {
		return 0, false, 0, nil, nil, errors.New("truncated DER value")
	}
	class, constructed = b[0]>>6, b[0]&0x20 != 0
	tag = uint32(b[0] & 0x1f)
	i := 1
	if tag == 0x1f { // high tag number form: base 128, shortest, and only for numbers ≥ 31
		tag = 0
		for {
			if i >= len(b) || i > 4 {
				return 0, false, 0, nil, nil, errors.New("malformed DER tag")
			}
			c := b[i]
			i++
			if tag == 0 && c == 0x80 {
				return 0, false, 0, nil, nil, errors.New("DER tag not in its shortest form")
			}
			tag = tag<<7 | uint32(c&0x7f)
			if c&0x80 == 0 {
				break
			}
		}
		if tag < 0x1f {
			return 0, false, 0, nil, nil, errors.New("DER tag not in its shortest form")
		}
	}
	if i >= len(b) {
		return 0, false, 0, nil, nil, errors.New("truncated DER value")
	}
	l := int(b[i])
	i++
	if l&0x80 != 0 {
		n := l & 0x7f
		switch {
		case n == 0:
			return 0, false, 0, nil, nil, errors.New("indefinite length (BER, not DER)")
		case n > 4 || i+n > len(b):
			return 0, false, 0, nil, nil, errors.New("malformed DER length")
		case b[i] == 0:
			return 0, false, 0, nil, nil, errors.New("DER length not in its shortest form")
		}
		l = 0
		for _, c := range b[i : i+n] {
			l = l<<8 | int(c)
		}
		i += n
		if l < 0x80 {
			return 0, false, 0, nil, nil, errors.New("DER length not in its shortest form")
		}
	}
	if l > len(b)-i {
		return 0, false, 0, nil, nil, errors.New("DER length exceeds the data")
	}
	return class, constructed, tag, b[i : i+l], b[i+l:], nil
}

// derUniversal checks the encoding of a value of universal type tag.
func derUniversal(tag uint32, constructed bool, c []byte) error {
	bad := func(what string) error { return errors.New("DER " + what) }
	switch tag {
	case 16, 17: // SEQUENCE, SET
		if !constructed {
			return bad("SEQUENCE or SET not constructed")
		}
		return nil
	case 0:
		return bad("end-of-contents octets (BER, not DER)")
	}
	if constructed {
		return bad("universal type " + strconv.Itoa(int(tag)) + " constructed (BER, not DER)")
	}
	switch tag {
	case 1: // BOOLEAN
		if len(c) != 1 || c[0] != 0 && c[0] != 0xff {
			return bad("BOOLEAN not 00 or FF")
		}
	case 2, 10: // INTEGER, ENUMERATED
		if len(c) == 0 || len(c) > 1 && (c[0] == 0 && c[1]&0x80 == 0 || c[0] == 0xff && c[1]&0x80 != 0) {
			return bad("INTEGER not in its shortest form")
		}
	case 3: // BIT STRING
		if len(c) == 0 || c[0] > 7 || len(c) == 1 && c[0] != 0 || len(c) > 1 && c[len(c)-1]&(1<<c[0]-1) != 0 {
			return bad("BIT STRING malformed or with unused bits set")
		}
	case 5: // NULL
		if len(c) != 0 {
			return bad("NULL with content")
		}
	case 6: // OBJECT IDENTIFIER
		if len(c) == 0 || c[len(c)-1]&0x80 != 0 {
			return bad("OBJECT IDENTIFIER malformed")
		}
		for i := range c {
			if c[i] == 0x80 && (i == 0 || c[i-1]&0x80 == 0) {
				return bad("OBJECT IDENTIFIER not in its shortest form")
			}
		}
	case 23: // UTCTime
		if !derTime(c, 12) {
			return bad("UTCTime not YYMMDDHHMMSSZ")
		}
	case 24: // GeneralizedTime
		if !derTime(c, 14) {
			return bad("GeneralizedTime not YYYYMMDDHHMMSS[.f]Z")
		}
	}
	return nil
}

// derTime reports whether c is digits digits, for GeneralizedTime optionally a fraction
// without a trailing zero, and Z.
func derTime(c []byte, digits int) bool {
	if len(c) < digits+1 || c[len(c)-1] != 'Z' {
		return false
	}
	for _, d := range c[:digits] {
		if d < '0' || d > '9' {
			return false
		}
	}
	frac := c[digits : len(c)-1]
	if len(frac) == 0 {
		return true
	}
	if digits != 14 || len(frac) < 2 || frac[0] != '.' || frac[len(frac)-1] == '0' {
		return false
	}
	for _, d := range frac[1:] {
		if d < '0' || d > '9' {
			return false
		}
	}
	return true
}
