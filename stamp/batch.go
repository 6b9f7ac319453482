package stamp

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/store"
)

// MaxBatch is the most certificates [Service.StampBatch] stamps in one call: a qualification
// committee's protocol holds tens, rarely a few hundred. The results are held in memory until the
// batch is recorded, about 100 KB a stamp.
const MaxBatch = 1000

// BatchError reports the item of a batch that [Service.StampBatch] could not stamp: its index in the
// list, its number and why. Nothing of the batch was recorded.
type BatchError struct {
	Index  int                // from 0, in the list given
	Number certificate.Number // the certificate
	Err    error              // why: a refusal (CERT-06, actor.ErrForbidden), store.ErrNotFound, a seal's failure
}

// Error implements error: "stamp: batch item 3 (204580): …".
func (e *BatchError) Error() string {
	return "stamp: batch item " + strconv.Itoa(e.Index) + " (" + string(e.Number) + "): " + e.Err.Error()
}

// Unwrap returns why the item failed.
func (e *BatchError) Unwrap() error { return e.Err }

// StampBatch makes the digital stamps of the certificates numbered nos, as [Service.Stamp] does each
// (CERT-06, CERT-10), sealing them in parallel on every core the process may use (GOMAXPROCS
// workers): the registrar's run over a protocol's certificates, say. Every stamp has the same date
// and signing time. The results are in the order of nos.
//
// A batch is made whole or not at all. Every item is read and checked first — a ≠ owner or
// registrar, an unknown number, a certificate not valid on the stamp's date — and the first that
// fails stops the batch before anything is sealed; a seal that fails stops the others. Either way
// the error is a *[BatchError] naming the first item (by its place in nos) that failed, wrapping
// why, and nothing is recorded: unlike [Service.Stamp], a refused item records no refused request,
// for the batch was not the owner's request. Made stamps are recorded together, each as the owner's
// "Digitempel" request with its event, in one commit (Store.CreateRequests).
//
// An empty list, more than [MaxBatch] numbers or a number given twice is bad input: an error
// wrapping invalid.ErrInvalid.
func (s *Service) StampBatch(ctx context.Context, a actor.Actor, nos []certificate.Number) ([]Result, error) {
	switch {
	case len(nos) == 0:
		return nil, &invalid.FieldError{Pkg: "stamp", Field: "nos", Reason: "is empty: give the numbers of the certificates to stamp"}
	case len(nos) > MaxBatch:
		return nil, &invalid.FieldError{Pkg: "stamp", Field: "nos", Value: strconv.Itoa(len(nos)) + " numbers",
			Reason: "holds more than " + strconv.Itoa(MaxBatch) + "; stamp them in batches"}
	}
	seen := make(map[certificate.Number]int, len(nos))
	for i, no := range nos {
		if k, dup := seen[no]; dup {
			return nil, &invalid.FieldError{Pkg: "stamp", Field: "nos[" + strconv.Itoa(i) + "]", Value: string(no),
				Reason: "is given twice (also as nos[" + strconv.Itoa(k) + "])"}
		}
		seen[no] = i
	}

	now := s.cfg.Now().Truncate(time.Microsecond)
	today := calendar.DateOf(now)
	jobs := make([]job, len(nos))
	for i, no := range nos {
		c, err := s.owned(ctx, a, no, "order a digital stamp")
		if err == nil {
			_, err = notValid(&c, today)
		}
		j := &jobs[i]
		j.c, j.req = c, request.Request{Kind: request.DigitalStamp, Certificate: c.Number, Holder: c.Holder.Code, Date: today, At: now}
		if err == nil && c.Hidden {
			j.req.Token, err = s.token()
		}
		if err != nil {
			return nil, &BatchError{Index: i, Number: no, Err: err}
		}
	}

	if err := s.sealAll(ctx, jobs); err != nil {
		return nil, err
	}
	reqs := make([]request.Request, len(jobs))
	events := make([][]store.Event, len(jobs))
	for i := range jobs {
		reqs[i], events[i] = jobs[i].req, jobs[i].events
	}
	recorded, err := s.st.CreateRequests(ctx, reqs, events)
	if err != nil {
		return nil, fmt.Errorf("stamp: recording the batch: %w", err)
	}
	out := make([]Result, len(jobs))
	for i := range jobs {
		out[i] = jobs[i].res
		out[i].Request = recorded[i]
	}
	return out, nil
}

// sealAll seals the jobs on GOMAXPROCS workers, each taking the next job in order, and returns a
// *BatchError for the first job (by index) that failed; the first failure stops the rest.
func (s *Service) sealAll(parent context.Context, jobs []job) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	errs := make([]error, len(jobs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				if err := s.seal(ctx, &jobs[i]); err != nil {
					errs[i] = err
					cancel()
					return
				}
			}
		})
	}
	wg.Wait()
	var first *BatchError
	for i, err := range errs {
		if err == nil {
			continue
		}
		be := &BatchError{Index: i, Number: jobs[i].c.Number, Err: err}
		// A job stopped by another's failure is not the cause.
		if errors.Is(err, context.Canceled) && parent.Err() == nil {
			if first == nil {
				first = be
			}
			continue
		}
		return be
	}
	if first != nil {
		return first
	}
	if err := parent.Err(); err != nil {
		return err
	}
	return nil
}
