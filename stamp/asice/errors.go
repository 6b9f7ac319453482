package asice

import (
	"errors"
	"strconv"

	"github.com/kutsekit/kutse/invalid"
)

// The sentinel errors. Every error Verify returns wraps ErrHostile or ErrFormat; Create's wrap
// ErrInput or ErrService, except a failure of seal.Key itself, which Create returns wrapped as
// "asice: signing: …" (and internal errors of canonicalizing or writing, which should not occur).
// Match them with errors.Is, and read the details from a [*ContainerError]
// or an [*InputError] with errors.As. ErrHostile, ErrFormat and ErrInput are bad input and wrap
// invalid.ErrInvalid, as every bad-input error of the SDK does; ErrService does not.
var (
	// ErrHostile marks a container that Verify refused for safety before reading it: a path that
	// escapes the container (.., an absolute path, a backslash), a duplicate name, or more entries,
	// bytes or compression than [VerifyOptions] allow.
	ErrHostile = invalid.New("hostile container")

	// ErrFormat marks a container that is not an ASiC-E container: not a ZIP, a missing, wrong,
	// misplaced or compressed mimetype, a missing or malformed manifest, a file the manifest does
	// not list, an entry that is corrupt (bad checksum or a size that lies), malformed signatures XML.
	ErrFormat = invalid.New("not a valid ASiC-E container")

	// ErrInput marks input that Create refuses: a bad file, seal or option.
	ErrInput = invalid.New("invalid input")

	// ErrService marks a failure of the time-stamping or OCSP service, or an answer from it that
	// does not fit the request (wrong imprint, wrong certificate, not "good").
	ErrService = errors.New("service failure")
)

// A ContainerError reports why Verify refused a container. Entry is the ZIP entry concerned
// ("" for the container as a whole), Reason says what is wrong with it, and Err is [ErrHostile]
// or [ErrFormat].
type ContainerError struct {
	Entry  string
	Reason string
	Err    error // ErrHostile or ErrFormat
}

// Error implements error.
func (e *ContainerError) Error() string {
	s := "asice: "
	if e.Entry != "" {
		s += strconv.Quote(e.Entry) + ": "
	}
	return s + e.Reason + " (" + e.Err.Error() + ")"
}

// Unwrap returns Err, the sentinel.
func (e *ContainerError) Unwrap() error { return e.Err }

func hostile(entry, reason string) error {
	return &ContainerError{Entry: entry, Reason: reason, Err: ErrHostile}
}

func badFormat(entry, reason string) error {
	return &ContainerError{Entry: entry, Reason: reason, Err: ErrFormat}
}

// An InputError reports input that Create refuses. Field names it ("files[1].Name",
// "seal.Chain[0]", "opts.TimeStamper"), Reason says what is wrong, and Err is [ErrInput].
type InputError struct {
	Field  string
	Reason string
	Err    error // ErrInput
}

// Error implements error.
func (e *InputError) Error() string {
	return "asice: " + e.Field + ": " + e.Reason + " (" + e.Err.Error() + ")"
}

// Unwrap returns Err, the sentinel.
func (e *InputError) Unwrap() error { return e.Err }

func badInput(field, reason string) error {
	return &InputError{Field: field, Reason: reason, Err: ErrInput}
}
