package memstore

import (
	"context"
	"fmt"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/exam/vocational"
	"github.com/kutsekit/kutse/store"
)

var _ vocational.Store = (*Store)(nil)

// vocationalState holds package exam/vocational's records; every method reads and writes it under
// s.mu. exams[i].ID == i+1.
type vocationalState struct {
	exams []vocational.Exam
}

// CreateVocationalExam implements vocational.Store.
func (s *Store) CreateVocationalExam(ctx context.Context, e vocational.Exam, events []store.Event) (vocational.Exam, error) {
	if err := ctx.Err(); err != nil {
		return vocational.Exam{}, err
	}
	e = e.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	e.ID, e.Version = int64(len(s.voc.exams)+1), 1
	s.voc.exams = append(s.voc.exams, e)
	s.appendEvents(events, e.Subject())
	return e.Clone(), nil
}

// VocationalExam implements vocational.Store.
func (s *Store) VocationalExam(ctx context.Context, id int64) (vocational.Exam, error) {
	if err := ctx.Err(); err != nil {
		return vocational.Exam{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if id < 1 || id > int64(len(s.voc.exams)) {
		return vocational.Exam{}, fmt.Errorf("memstore: vocational exam %d: %w", id, store.ErrNotFound)
	}
	return s.voc.exams[id-1].Clone(), nil
}

// checkExam checks e against the stored exam for an update; the caller holds s.mu.
func (s *Store) checkExam(e *vocational.Exam) error {
	if e.ID < 1 || e.ID > int64(len(s.voc.exams)) {
		return fmt.Errorf("memstore: vocational exam %d: %w", e.ID, store.ErrNotFound)
	}
	old := &s.voc.exams[e.ID-1]
	if old.Version != e.Version {
		return fmt.Errorf("memstore: vocational exam %d has version %d, not %d: %w", e.ID, old.Version, e.Version, store.ErrConflict)
	}
	if old.School.Code != e.School.Code || old.Body.Code != e.Body.Code || old.Curriculum.Code != e.Curriculum.Code {
		return fmt.Errorf("memstore: vocational exam %d: the school, the body and the curriculum never change: %w", e.ID, vocational.ErrInvalid)
	}
	return nil
}

// UpdateVocationalExam implements vocational.Store.
func (s *Store) UpdateVocationalExam(ctx context.Context, e vocational.Exam, events []store.Event) (vocational.Exam, error) {
	if err := ctx.Err(); err != nil {
		return vocational.Exam{}, err
	}
	e = e.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkExam(&e); err != nil {
		return vocational.Exam{}, err
	}
	e.Version++
	s.voc.exams[e.ID-1] = e
	s.appendEvents(events, e.Subject())
	return e.Clone(), nil
}

// VocationalExams implements vocational.Store. It scans every exam: memstore is for tests and small
// hosts.
func (s *Store) VocationalExams(ctx context.Context, q vocational.ExamQuery) ([]vocational.Exam, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []vocational.Exam{}
	for i := range s.voc.exams {
		if len(out) == q.EffectiveLimit() {
			break
		}
		if e := &s.voc.exams[i]; q.Matches(e) {
			out = append(out, e.Clone())
		}
	}
	return out, nil
}

// SignVocationalExam implements vocational.Store: every check is made before anything is written,
// under the store's one lock, so the exam, the certificates, their numbers and the events are
// committed together or not at all.
func (s *Store) SignVocationalExam(ctx context.Context, in vocational.Signing) (vocational.Exam, []certificate.Certificate, error) {
	if err := ctx.Err(); err != nil {
		return vocational.Exam{}, nil, err
	}
	if err := certificate.CheckBatch(in.Certificates); err != nil {
		return vocational.Exam{}, nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkExam(&in.Exam); err != nil {
		return vocational.Exam{}, nil, err
	}
	p, err := s.planIssues(in.Certificates)
	if err != nil {
		return vocational.Exam{}, nil, err
	}
	e, evs, err := in.Link(p.certs)
	if err != nil {
		return vocational.Exam{}, nil, err
	}
	s.commitIssues(&p, in.Certificates)
	e.Version++
	s.voc.exams[e.ID-1] = e
	s.appendEvents(evs, e.Subject())
	out := make([]certificate.Certificate, len(p.certs))
	for i := range p.certs {
		out[i] = p.certs[i].Clone()
	}
	return e.Clone(), out, nil
}
