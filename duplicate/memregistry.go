package duplicate

import (
	"context"
	"fmt"
	"slices"

	"github.com/kutsekit/kutse/store"
)

// MemRegistry is a [Registry] and [BodyRegistry] in memory, for tests, examples and small hosts.
// Fill its fields before use and do not change them while it is in use; it is then safe for
// concurrent reads.
type MemRegistry struct {
	SchoolList     []School            // every school; Schools returns those of a municipality in this order
	Municipalities []Municipality      // every municipality
	Near           map[string][]string // municipality code → the other municipalities' codes, nearest first
	Bodies         []Body              // the awarding bodies; nil: every awarding body is taken to exist
}

var (
	_ Registry     = (*MemRegistry)(nil)
	_ BodyRegistry = (*MemRegistry)(nil)
)

// School implements Registry.
func (m *MemRegistry) School(ctx context.Context, code string) (School, error) {
	if err := ctx.Err(); err != nil {
		return School{}, err
	}
	for _, s := range m.SchoolList {
		if s.Code == code {
			return cloneSchool(s), nil
		}
	}
	return School{}, fmt.Errorf("duplicate: school %q: %w", code, store.ErrNotFound)
}

// Schools implements Registry.
func (m *MemRegistry) Schools(ctx context.Context, municipality string) ([]School, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []School
	for _, s := range m.SchoolList {
		if s.Municipality == municipality {
			out = append(out, cloneSchool(s))
		}
	}
	return out, nil
}

// Municipality implements Registry.
func (m *MemRegistry) Municipality(ctx context.Context, code string) (Municipality, error) {
	if err := ctx.Err(); err != nil {
		return Municipality{}, err
	}
	for _, x := range m.Municipalities {
		if x.Code == code {
			return x, nil
		}
	}
	return Municipality{}, fmt.Errorf("duplicate: municipality %q: %w", code, store.ErrNotFound)
}

// Nearest implements Registry.
func (m *MemRegistry) Nearest(ctx context.Context, code string) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return slices.Clone(m.Near[code]), nil
}

// AwardingBody implements BodyRegistry. With Bodies nil it reports every body as existing.
func (m *MemRegistry) AwardingBody(ctx context.Context, code string) (Body, error) {
	if err := ctx.Err(); err != nil {
		return Body{}, err
	}
	if m.Bodies == nil {
		return Body{Code: code, Active: true}, nil
	}
	for _, b := range m.Bodies {
		if b.Code == code {
			return b, nil
		}
	}
	return Body{}, fmt.Errorf("duplicate: awarding body %q: %w", code, store.ErrNotFound)
}

func cloneSchool(s School) School {
	s.Earlier = slices.Clone(s.Earlier)
	s.Levels = slices.Clone(s.Levels)
	return s
}

// AnsweringSchool implements certificate.Schools (SCH-02: VV määrus nr 113 § 5 (2)): the school
// itself while it works, its successor (followed through every reorganisation) once it was
// reorganised, and "" once the school, or the last of its successors, was closed: then the minister
// decides on its documents. A chain of more than 16 successors or a cycle is an error wrapping
// [ErrUnknownSchool]; an unknown code wraps store.ErrNotFound.
func (m *MemRegistry) AnsweringSchool(ctx context.Context, code string) (string, error) {
	for range maxChain {
		s, err := m.School(ctx, code)
		if err != nil {
			return "", err
		}
		switch s.Status {
		case Reorganised:
			code = s.Successor
		case Closed:
			return "", nil
		default:
			return s.Code, nil
		}
	}
	return "", fmt.Errorf("duplicate: school registry: the successors of %q: %w", code, ErrUnknownSchool)
}
