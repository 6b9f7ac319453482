package memstore

import (
	"context"
	"fmt"

	"github.com/kutsekit/kutse/exam/proficiency"
	"github.com/kutsekit/kutse/store"
)

// examState holds the exam packages' records; every method reads and writes it under s.mu.
type examState struct {
	sessions  map[string]proficiency.Session
	regs      []proficiency.Registration // in ID order; regs[i].ID == i+1
	byPerson  map[string][]int64         // person key → registration IDs, increasing
	bySession map[string][]int64         // session ID → registration IDs, increasing
	active    map[string]int64           // person key → the ID of their Registered registration (LNG-07)
	keys      map[string]int64           // idempotency key → registration ID
}

func newExamState() examState {
	return examState{
		sessions:  map[string]proficiency.Session{},
		byPerson:  map[string][]int64{},
		bySession: map[string][]int64{},
		active:    map[string]int64{},
		keys:      map[string]int64{},
	}
}

var _ proficiency.Store = (*Store)(nil)

// CreateProficiencySession implements proficiency.Store.
func (s *Store) CreateProficiencySession(ctx context.Context, sess proficiency.Session, events []store.Event) (proficiency.Session, error) {
	if err := ctx.Err(); err != nil {
		return proficiency.Session{}, err
	}
	sess = sess.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, taken := s.exam.sessions[sess.ID]; taken {
		return proficiency.Session{}, fmt.Errorf("memstore: session %q: %w", sess.ID, store.ErrExists)
	}
	sess.Version = 1
	s.exam.sessions[sess.ID] = sess
	s.appendEvents(events, proficiency.SessionSubject(sess.ID))
	return sess.Clone(), nil
}

// ProficiencySession implements proficiency.Store.
func (s *Store) ProficiencySession(ctx context.Context, id string) (proficiency.Session, error) {
	if err := ctx.Err(); err != nil {
		return proficiency.Session{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sess, ok := s.exam.sessions[id]
	if !ok {
		return proficiency.Session{}, fmt.Errorf("memstore: session %q: %w", id, store.ErrNotFound)
	}
	return sess.Clone(), nil
}

// UpdateProficiencySession implements proficiency.Store.
func (s *Store) UpdateProficiencySession(ctx context.Context, sess proficiency.Session, events []store.Event) (proficiency.Session, error) {
	if err := ctx.Err(); err != nil {
		return proficiency.Session{}, err
	}
	sess = sess.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.exam.sessions[sess.ID]
	if !ok {
		return proficiency.Session{}, fmt.Errorf("memstore: session %q: %w", sess.ID, store.ErrNotFound)
	}
	if old.Version != sess.Version {
		return proficiency.Session{}, fmt.Errorf("memstore: session %q has version %d, not %d: %w", sess.ID, old.Version, sess.Version, store.ErrConflict)
	}
	sess.Version++
	s.exam.sessions[sess.ID] = sess
	s.appendEvents(events, proficiency.SessionSubject(sess.ID))
	return sess.Clone(), nil
}

// CreateProficiencyRegistration implements proficiency.Store.
func (s *Store) CreateProficiencyRegistration(ctx context.Context, r proficiency.Registration, events []store.Event) (proficiency.Registration, error) {
	if err := ctx.Err(); err != nil {
		return proficiency.Registration{}, err
	}
	r = r.Clone()
	key := r.Person.Key()
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.Key != "" {
		if id, ok := s.exam.keys[r.Key]; ok {
			old := s.exam.regs[id-1]
			if old.Person.Key() != key || old.Session != r.Session {
				return proficiency.Registration{}, fmt.Errorf("memstore: idempotency key %q was used for another registration: %w", r.Key, store.ErrExists)
			}
			return old.Clone(), nil
		}
	}
	if _, ok := s.exam.sessions[r.Session]; !ok {
		return proficiency.Registration{}, fmt.Errorf("memstore: registration for session %q: %w", r.Session, store.ErrNotFound)
	}
	if r.Status.Active() {
		if id, ok := s.exam.active[key]; ok {
			return proficiency.Registration{}, fmt.Errorf("memstore: the person is registered already (registration %d, LNG-07): %w", id, store.ErrExists)
		}
	}
	r.ID, r.Version = int64(len(s.exam.regs)+1), 1
	s.exam.regs = append(s.exam.regs, r)
	s.exam.byPerson[key] = append(s.exam.byPerson[key], r.ID)
	s.exam.bySession[r.Session] = append(s.exam.bySession[r.Session], r.ID)
	if r.Status.Active() {
		s.exam.active[key] = r.ID
	}
	if r.Key != "" {
		s.exam.keys[r.Key] = r.ID
	}
	s.appendEvents(events, proficiency.RegistrationSubject(r.ID))
	return r.Clone(), nil
}

// ProficiencyRegistration implements proficiency.Store.
func (s *Store) ProficiencyRegistration(ctx context.Context, id int64) (proficiency.Registration, error) {
	if err := ctx.Err(); err != nil {
		return proficiency.Registration{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if id < 1 || id > int64(len(s.exam.regs)) {
		return proficiency.Registration{}, fmt.Errorf("memstore: registration %d: %w", id, store.ErrNotFound)
	}
	return s.exam.regs[id-1].Clone(), nil
}

// UpdateProficiencyRegistration implements proficiency.Store.
func (s *Store) UpdateProficiencyRegistration(ctx context.Context, r proficiency.Registration, events []store.Event) (proficiency.Registration, error) {
	if err := ctx.Err(); err != nil {
		return proficiency.Registration{}, err
	}
	r = r.Clone()
	key := r.Person.Key()
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.ID < 1 || r.ID > int64(len(s.exam.regs)) {
		return proficiency.Registration{}, fmt.Errorf("memstore: registration %d: %w", r.ID, store.ErrNotFound)
	}
	old := s.exam.regs[r.ID-1]
	if old.Version != r.Version {
		return proficiency.Registration{}, fmt.Errorf("memstore: registration %d has version %d, not %d: %w", r.ID, old.Version, r.Version, store.ErrConflict)
	}
	if old.Person.Key() != key || old.Session != r.Session || old.Key != r.Key {
		return proficiency.Registration{}, fmt.Errorf("memstore: registration %d: the person, the session and the key never change: %w", r.ID, proficiency.ErrInvalid)
	}
	if r.Status.Active() {
		if id, ok := s.exam.active[key]; ok && id != r.ID {
			return proficiency.Registration{}, fmt.Errorf("memstore: the person is registered already (registration %d, LNG-07): %w", id, store.ErrExists)
		}
		s.exam.active[key] = r.ID
	} else if s.exam.active[key] == r.ID {
		delete(s.exam.active, key)
	}
	r.Version++
	s.exam.regs[r.ID-1] = r
	s.appendEvents(events, proficiency.RegistrationSubject(r.ID))
	return r.Clone(), nil
}

// PersonProficiencyRegistrations implements proficiency.Store.
func (s *Store) PersonProficiencyRegistrations(ctx context.Context, person string) ([]proficiency.Registration, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.profRegsOf(s.exam.byPerson[person]), nil
}

// SessionProficiencyRegistrations implements proficiency.Store.
func (s *Store) SessionProficiencyRegistrations(ctx context.Context, session string) ([]proficiency.Registration, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.profRegsOf(s.exam.bySession[session]), nil
}

// profRegsOf returns copies of the registrations with the given IDs; the caller holds s.mu.
func (s *Store) profRegsOf(ids []int64) []proficiency.Registration {
	out := make([]proficiency.Registration, len(ids))
	for i, id := range ids {
		out[i] = s.exam.regs[id-1].Clone()
	}
	return out
}
