package memstore

import (
	"context"
	"fmt"
	"slices"

	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/store"
)

// applicationState holds package application's records; every method reads and writes it under s.mu.
type applicationState struct {
	apps     []application.Application // in ID order; apps[i].ID == i+1
	settings map[string]application.Settings
}

func newApplicationState() applicationState {
	return applicationState{settings: map[string]application.Settings{}}
}

var _ application.Store = (*Store)(nil)

// CreateApplication implements application.Store.
func (s *Store) CreateApplication(ctx context.Context, a application.Application, events []store.Event) (application.Application, error) {
	if err := ctx.Err(); err != nil {
		return application.Application{}, err
	}
	a = a.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	a.ID, a.Version = int64(len(s.app.apps)+1), 1
	s.app.apps = append(s.app.apps, a)
	s.appendEvents(events, a.Subject())
	return a.Clone(), nil
}

// Application implements application.Store.
func (s *Store) Application(ctx context.Context, id int64) (application.Application, error) {
	if err := ctx.Err(); err != nil {
		return application.Application{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if id < 1 || id > int64(len(s.app.apps)) {
		return application.Application{}, fmt.Errorf("memstore: application %d: %w", id, store.ErrNotFound)
	}
	return s.app.apps[id-1].Clone(), nil
}

// checkApplication checks that a can replace the stored application; the caller holds s.mu.
func (s *Store) checkApplication(a *application.Application) error {
	if a.ID < 1 || a.ID > int64(len(s.app.apps)) {
		return fmt.Errorf("memstore: application %d: %w", a.ID, store.ErrNotFound)
	}
	old := &s.app.apps[a.ID-1]
	switch {
	case old.Version != a.Version:
		return fmt.Errorf("memstore: application %d has version %d, not %d: %w", a.ID, old.Version, a.Version, store.ErrConflict)
	case old.Applicant.Code != a.Applicant.Code || old.Body != a.Body || old.Awarded != a.Awarded:
		return fmt.Errorf("memstore: application %d: the applicant, the awarding body and the certificate awarded never change: %w", a.ID, certificate.ErrInvalid)
	}
	return nil
}

// keepForm gives a the stored form's bytes when it carries none; the caller holds s.mu.
func (s *Store) keepForm(a *application.Application) {
	if a.Form.Data == nil {
		a.Form.Data = slices.Clone(s.app.apps[a.ID-1].Form.Data)
	}
}

// UpdateApplication implements application.Store.
func (s *Store) UpdateApplication(ctx context.Context, a application.Application, events []store.Event) (application.Application, error) {
	if err := ctx.Err(); err != nil {
		return application.Application{}, err
	}
	a = a.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkApplication(&a); err != nil {
		return application.Application{}, err
	}
	s.keepForm(&a)
	a.Version++
	s.app.apps[a.ID-1] = a
	s.appendEvents(events, a.Subject())
	return a.Clone(), nil
}

// Applications implements application.Store.
func (s *Store) Applications(ctx context.Context, q application.Query) ([]application.Application, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	n := q.EffectiveLimit()
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []application.Application{}
	for i := range s.app.apps {
		if len(out) == n {
			break
		}
		if a := &s.app.apps[i]; q.Matches(a) {
			c := *a
			c.Form.Data = nil // lists leave the forms' bytes out
			out = append(out, c.Clone())
		}
	}
	return out, nil
}

// AwardApplication implements application.Store. Every check is made before anything is written,
// all under the store's one lock: the application, the certificate, its number and the events are
// committed together or not at all.
func (s *Store) AwardApplication(ctx context.Context, in application.Awarding) (application.Issued, error) {
	if err := ctx.Err(); err != nil {
		return application.Issued{}, err
	}
	a := in.Application.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkApplication(&a); err != nil {
		return application.Issued{}, err
	}
	if s.app.apps[a.ID-1].Awarded != "" {
		return application.Issued{}, fmt.Errorf("memstore: application %d was awarded already: %w", a.ID, store.ErrConflict)
	}
	c, _, err := s.issueLocked(in.Issue) // checks all, then writes the certificate and its events
	if err != nil {
		return application.Issued{}, err
	}
	s.keepForm(&a)
	a.Awarded = c.Number
	a.Version++
	s.app.apps[a.ID-1] = a
	s.appendEvents(in.EventsFor(c.Number), a.Subject())
	return application.Issued{Application: a.Clone(), Certificate: c}, nil
}

// BodySettings implements application.Store.
func (s *Store) BodySettings(ctx context.Context, body string) (application.Settings, error) {
	if err := ctx.Err(); err != nil {
		return application.Settings{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	set, ok := s.app.settings[body]
	if !ok {
		return application.Settings{}, fmt.Errorf("memstore: settings of %q: %w", body, store.ErrNotFound)
	}
	return set.Clone(), nil
}

// PutBodySettings implements application.Store.
func (s *Store) PutBodySettings(ctx context.Context, set application.Settings) (application.Settings, error) {
	if err := ctx.Err(); err != nil {
		return application.Settings{}, err
	}
	set = set.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.app.settings[set.Body]
	switch {
	case set.Version == 0 && ok:
		return application.Settings{}, fmt.Errorf("memstore: settings of %q: %w", set.Body, store.ErrExists)
	case set.Version != 0 && !ok:
		return application.Settings{}, fmt.Errorf("memstore: settings of %q: %w", set.Body, store.ErrNotFound)
	case set.Version != 0 && old.Version != set.Version:
		return application.Settings{}, fmt.Errorf("memstore: settings of %q have version %d, not %d: %w", set.Body, old.Version, set.Version, store.ErrConflict)
	}
	set.Version++
	s.app.settings[set.Body] = set
	return set.Clone(), nil
}
