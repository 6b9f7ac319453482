package vocational

import (
	"context"
	"fmt"
	"maps"
	"strconv"
	"strings"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/store"
)

// Store is the storage of vocational qualification exams. Hosts implement it (or use memstore or
// pgstore); storetest.Run checks an implementation against this contract. Every method is safe for
// concurrent use and copies records in and out. Each change and its events are committed together
// or not at all; an event with an empty Subject gets the exam's ([Subject]).
type Store interface {
	// CreateVocationalExam stores e as a new exam with the next ID (increasing) and Version 1, with
	// its events, and returns it.
	CreateVocationalExam(ctx context.Context, e Exam, events []store.Event) (Exam, error)

	// VocationalExam returns the exam with the ID, or an error wrapping store.ErrNotFound.
	VocationalExam(ctx context.Context, id int64) (Exam, error)

	// UpdateVocationalExam stores e, with its events, if the stored Version equals e.Version, and
	// returns it with Version+1. Otherwise it returns an error wrapping store.ErrConflict (stale
	// version) or store.ErrNotFound (no such exam), and stores nothing. The school, the awarding
	// body and the curriculum of a stored exam never change: an update that changes them is an
	// error wrapping ErrInvalid.
	UpdateVocationalExam(ctx context.Context, e Exam, events []store.Event) (Exam, error)

	// VocationalExams returns the exams q selects ([ExamQuery.Matches]), ordered by ID, at most
	// q.EffectiveLimit(). None is not an error.
	VocationalExams(ctx context.Context, q ExamQuery) ([]Exam, error)

	// SignVocationalExam commits a signed committee protocol in one commit: see [Signing].
	SignVocationalExam(ctx context.Context, in Signing) (Exam, []certificate.Certificate, error)
}

// Signing is what [Store.SignVocationalExam] takes: the exam as signed and the certificates issued to
// the candidates awarded the qualification (EXV-05), written together or not at all.
//
//   - The certificates are issued as certificate.BatchIssuer's IssueCertificates issues a batch:
//     numbers allocated in order with no gap, each idempotency key honoured, their events in the
//     outbox.
//   - The exam is stored as [Signing.Link] returns it for the certificates issued (each candidate's
//     certificate with its number), if the stored exam's Version equals Exam.Version, and returned
//     with Version+1; a stale version is store.ErrConflict, a missing exam store.ErrNotFound.
//   - The events Link returns (Events, with the numbers issued filled in) go into the outbox in the
//     same commit; an empty Subject gets the exam's.
//
// On any error nothing is written: not the exam, not a certificate, not an event, and no number is
// used up. A second signing of the same exam therefore fails with store.ErrConflict however the two
// race, and issues nothing.
type Signing struct {
	Exam         Exam
	Certificates []certificate.Issue
	// For names, for each of Certificates, the candidate (by ID) it is issued to.
	For    []string
	Events []store.Event
}

// Link returns the exam with the certificates issued (in the order of Certificates, as the store
// issued them) set on their candidates, and the events with the numbers issued filled in (the
// "numbers" of [EventEntered]): stores call it and store what it returns.
func (s *Signing) Link(issued []certificate.Certificate) (Exam, []store.Event, error) {
	if len(issued) != len(s.For) || len(s.For) != len(s.Certificates) {
		return Exam{}, nil, fmt.Errorf("vocational: a signing of %d certificates for %d candidates linked %d: %w",
			len(s.Certificates), len(s.For), len(issued), ErrInvalid)
	}
	e := s.Exam.Clone()
	byID := make(map[string]int, len(e.Candidates))
	for i := range e.Candidates {
		byID[e.Candidates[i].ID] = i
	}
	for k, id := range s.For {
		i, ok := byID[id]
		if !ok {
			return Exam{}, nil, fmt.Errorf("vocational: a certificate for %q, who is not a candidate: %w", id, ErrInvalid)
		}
		e.Candidates[i].Certificate = issued[k].Clone()
	}
	nos := make([]string, len(issued))
	for i := range issued {
		nos[i] = string(issued[i].Number)
	}
	evs := make([]store.Event, len(s.Events))
	for i, ev := range s.Events {
		ev.Data = maps.Clone(ev.Data)
		if ev.Kind == EventEntered {
			ev.Data["numbers"] = strings.Join(nos, ",")
		}
		evs[i] = ev
	}
	return e, evs, nil
}

// ExamQuery selects exams for the calendar (EXV-02) and the lists of a school or an awarding body.
type ExamQuery struct {
	School string // when not empty, only this school's exams
	Body   string // when not empty, only this awarding body's exams
	// From and Until, when not zero, select the exams whose period ([Exam.Period]) overlaps From …
	// Until (both included); an exam with no sittings then is not selected.
	From, Until calendar.Date
	Status      Status // when not zero, only exams in this status
	AfterID     int64  // only exams with a greater ID (paging)
	Limit       int    // the most to return; 0 means 100; stores cap it at 1000
}

// EffectiveLimit returns the limit a store applies: 100 for 0, at most 1000.
func (q ExamQuery) EffectiveLimit() int {
	switch {
	case q.Limit <= 0:
		return 100
	case q.Limit > 1000:
		return 1000
	}
	return q.Limit
}

// Matches reports whether q selects e (paging and the limit aside): the definition every store
// follows.
func (q ExamQuery) Matches(e *Exam) bool {
	if (q.School != "" && e.School.Code != q.School) || (q.Body != "" && e.Body.Code != q.Body) ||
		(q.Status != 0 && e.Status != q.Status) || e.ID <= q.AfterID {
		return false
	}
	if q.From.IsZero() && q.Until.IsZero() {
		return true
	}
	first, last := e.Period()
	if first.IsZero() {
		return false
	}
	return (q.Until.IsZero() || !first.After(q.Until)) && (q.From.IsZero() || !last.Before(q.From))
}

// key is the idempotency key of the certificate issued to a candidate from a signed protocol.
func key(id int64, candidate string) string {
	return "vocational/" + strconv.FormatInt(id, 10) + "/" + candidate
}
