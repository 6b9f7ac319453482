package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/exam/vocational"
	"github.com/kutsekit/kutse/store"
)

func init() { cases = append(cases, vocationalCases...) }

// VocationalExam returns a vocational exam fixture of school "7000000<i%10>" with n candidates (test
// holders 1..n), their certificates assembled, sittings on 2027-05-20 plus i weeks, processing.
func VocationalExam(i, n int) vocational.Exam {
	day := calendar.MustDate(2027, time.May, 20).AddDays(7 * i)
	e := vocational.Exam{
		School:     vocational.Party{Code: "7000000" + strconv.Itoa(i%10), Name: "Kool " + strconv.Itoa(i)},
		Body:       vocational.Party{Code: "80015264", Name: "Eesti Hotellide ja Restoranide Liit"},
		Curriculum: vocational.Curriculum{Code: "14563" + strconv.Itoa(i%10), Name: "Kokk", Group: "Majutamine ja toitlustamine"},
		Qualification: vocational.Qualification{Standard: 10521659, Version: 10521659, Number: 1, Name: "Kokk, tase 4",
			EKR: Sample(0).EKR},
		Type: vocational.Combined, Language: "eesti keel",
		Units: []vocational.Unit{{Code: "1", Name: "Restoranitöö", Kind: vocational.CompetenceUnit}},
		Proposals: []vocational.Proposal{{N: 1, By: vocational.SchoolSide, Status: vocational.Accepted,
			At: time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC), Sittings: []vocational.Sitting{
				{Part: vocational.Theory, Date: day, Start: "09:00", Place: "Tallinn, ruum 101"},
				{Part: vocational.Practical, Date: day.AddDays(1), Start: "10:00", Place: "Tallinn, köök"}}}},
		Status: vocational.Processing, CreatedAt: time.Date(2027, 2, 1, 9, 0, 0, 0, time.UTC),
	}
	for k := 1; k <= n; k++ {
		c := Sample(k)
		c.IssuedOn, c.ValidFrom, c.ValidUntil, c.IssuedAt = calendar.Date{}, calendar.Date{}, calendar.Date{}, time.Time{}
		e.Candidates = append(e.Candidates, vocational.Candidate{
			Learner:     vocational.Learner{ID: "L" + strconv.Itoa(k), Name: c.Holder.Name, Code: c.Holder.Code, FinalCourse: true, StateFunded: k%2 == 0},
			Result:      vocational.Result{On: day.AddDays(1), Passed: true, AssessedBy: []string{"A1"}, Units: []vocational.UnitResult{{Unit: "1", Passed: true}}},
			Certificate: c,
		})
	}
	return e
}

// DecidedVocationalExam returns VocationalExam(i, n) with its committee protocol drawn up and
// unsigned (Decided): every candidate awarded, five years' validity, chaired by "Mari Maasikas", for
// benchmarks and fault tests of signing.
func DecidedVocationalExam(i, n int) vocational.Exam {
	e := VocationalExam(i, n)
	e.Status = vocational.Decided
	e.Protocol = vocational.Protocol{Number: strconv.Itoa(i) + "/2027", Date: calendar.MustDate(2027, time.June, 1),
		Committee: "Koka kutsekomisjon", Chair: "Mari Maasikas", ValidMonths: 60, DrawnUpAt: time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)}
	for _, c := range e.Candidates {
		e.Protocol.Decisions = append(e.Protocol.Decisions, vocational.Decision{Candidate: c.ID, Award: true})
	}
	return e
}

// vocationalSigning returns a signing of e (as stored) issuing certificates to its first n
// candidates, from the cases' series, with the events a service raises.
func vocationalSigning(e vocational.Exam, n int) vocational.Signing {
	in := vocational.Signing{Exam: e.Clone()}
	in.Exam.Status = vocational.Signed
	on := calendar.MustDate(2027, time.June, 10)
	at := time.Date(2027, 6, 10, 9, 0, 0, 0, time.UTC)
	for k := range n {
		c := e.Candidates[k]
		cert := vocational.Finish(c.Certificate, on, 60)
		cert.IssuedAt = at
		in.Certificates = append(in.Certificates, certificate.Issue{Certificate: cert, Series: series,
			IdempotencyKey: "vocational/" + strconv.FormatInt(e.ID, 10) + "/" + c.ID, Fingerprint: "fp-" + c.ID,
			Events: []store.Event{issued(certificate.EventIssued, cert)}})
		in.For = append(in.For, c.ID)
	}
	in.Events = []store.Event{
		{Kind: vocational.EventSigned, Recipient: e.School.Code, At: at},
		{Kind: vocational.EventEntered, Recipient: e.School.Code, At: at, Data: map[string]string{"count": strconv.Itoa(n)}},
	}
	return in
}

// sameExam compares two exams by their meaning: instants by instant, decimals by value.
func sameExam(a, b vocational.Exam) bool {
	ja, _ := json.Marshal(normExam(a))
	jb, _ := json.Marshal(normExam(b))
	return string(ja) == string(jb)
}

func normExam(e vocational.Exam) vocational.Exam {
	e = e.Clone()
	e.CreatedAt = e.CreatedAt.UTC()
	for i := range e.Proposals {
		e.Proposals[i].At, e.Proposals[i].AnsweredAt = e.Proposals[i].At.UTC(), e.Proposals[i].AnsweredAt.UTC()
	}
	for i := range e.Candidates {
		e.Candidates[i].Certificate.IssuedAt = e.Candidates[i].Certificate.IssuedAt.UTC()
	}
	e.Protocol.DrawnUpAt, e.Protocol.Signature.At = e.Protocol.DrawnUpAt.UTC(), e.Protocol.Signature.At.UTC()
	return e
}

// examEvents returns the outbox events about exam id.
func examEvents(ctx context.Context, s Store, id int64) ([]store.Event, error) {
	return s.OutboxEvents(ctx, store.EventQuery{Subject: vocational.Subject(id)})
}

// wantNothingSigned checks that exam e is stored as it was, no certificate exists and the outbox has
// only the exam's n earlier events.
func wantNothingSigned(ctx context.Context, s Store, e vocational.Exam, n int) error {
	got, err := s.VocationalExam(ctx, e.ID)
	if err != nil {
		return err
	}
	if got.Version != e.Version || got.Status != e.Status {
		return fmt.Errorf("after the refused signing the exam is version %d %s; want %d %s", got.Version, got.Status, e.Version, e.Status)
	}
	if all, _ := s.PublicCertificates(ctx, certificate.PublicQuery{On: sampleDay}); len(all) != 0 {
		return fmt.Errorf("the refused signing left certificates %v", numbers(all))
	}
	if evs, _ := allEvents(ctx, s); len(evs) != n {
		return fmt.Errorf("the refused signing left %d events; want %d", len(evs), n)
	}
	return nil
}

var vocationalCases = []testCase{
	{
		name:        "VocationalExamVersions",
		explanation: "CreateVocationalExam gives the next ID and Version 1 with its events (subject vocational/<id>); VocationalExam returns it as stored; UpdateVocationalExam needs the stored version (store.ErrConflict), an existing exam (store.ErrNotFound) and the same school, body and curriculum (ErrInvalid), and writes nothing when it refuses",
		check: func(ctx context.Context, s Store) error {
			e := VocationalExam(1, 3)
			c, err := s.CreateVocationalExam(ctx, e, []store.Event{{Kind: vocational.EventCreated, Recipient: e.School.Code, At: e.CreatedAt}})
			if err != nil {
				return fmt.Errorf("CreateVocationalExam: %v", err)
			}
			if c.ID != 1 || c.Version != 1 {
				return fmt.Errorf("CreateVocationalExam = ID %d version %d; want 1, 1", c.ID, c.Version)
			}
			draft := VocationalExam(2, 1) // a draft: its candidate's certificate not yet assembled (EXV-08)
			draft.Status, draft.Candidates[0].Certificate, draft.Candidates[0].Result = vocational.Draft, certificate.Certificate{}, vocational.Result{}
			c2, err := s.CreateVocationalExam(ctx, draft, nil)
			if err != nil || c2.ID != 2 {
				return fmt.Errorf("second exam = ID %d, %v; want 2", c2.ID, err)
			}
			draft.ID, draft.Version = 2, 1
			if got, err := s.VocationalExam(ctx, 2); err != nil || !sameExam(got, draft) {
				return fmt.Errorf("VocationalExam(2) = %+v, %v;\nwant %+v", got, err, draft)
			}
			got, err := s.VocationalExam(ctx, 1)
			want := e
			want.ID, want.Version = 1, 1
			if err != nil || !sameExam(got, want) {
				return fmt.Errorf("VocationalExam(1) = %+v, %v;\nwant %+v", got, err, want)
			}
			if evs, _ := examEvents(ctx, s, 1); len(evs) != 1 || evs[0].Kind != vocational.EventCreated {
				return fmt.Errorf("events of exam 1 = %+v; want the created event", evs)
			}
			got.Note = "muudetud"
			up, err := s.UpdateVocationalExam(ctx, got, []store.Event{{Kind: vocational.EventChanged}})
			if err != nil || up.Version != 2 || up.Note != "muudetud" {
				return fmt.Errorf("UpdateVocationalExam = version %d, %v; want 2", up.Version, err)
			}
			if _, err := s.UpdateVocationalExam(ctx, got, nil); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("UpdateVocationalExam(stale) = %v; want ErrConflict", err)
			}
			moved := up
			moved.School.Code = "79999999"
			if _, err := s.UpdateVocationalExam(ctx, moved, nil); !errors.Is(err, vocational.ErrInvalid) {
				return fmt.Errorf("UpdateVocationalExam(another school) = %v; want ErrInvalid", err)
			}
			missing := up
			missing.ID = 99
			if _, err := s.UpdateVocationalExam(ctx, missing, nil); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("UpdateVocationalExam(missing) = %v; want ErrNotFound", err)
			}
			if _, err := s.VocationalExam(ctx, 99); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("VocationalExam(missing) = %v; want ErrNotFound", err)
			}
			if evs, _ := examEvents(ctx, s, 1); len(evs) != 2 {
				return fmt.Errorf("exam 1 has %d events; want 2 (the refused updates wrote none)", len(evs))
			}
			return nil
		},
	},
	{
		name:        "VocationalExamsQuery",
		explanation: "VocationalExams selects by school, awarding body, status and a period overlapping the exam's sittings (EXV-02: an exam without sittings is in no period), ordered by ID, paged with AfterID and Limit",
		check: func(ctx context.Context, s Store) error {
			for i := range 5 {
				e := VocationalExam(i, 1)
				switch i {
				case 3:
					e.Status = vocational.Draft
				case 4:
					e.Proposals = nil // no sittings
				}
				if _, err := s.CreateVocationalExam(ctx, e, nil); err != nil {
					return err
				}
			}
			ids := func(q vocational.ExamQuery) ([]int64, error) {
				es, err := s.VocationalExams(ctx, q)
				var out []int64
				for _, e := range es {
					out = append(out, e.ID)
				}
				return out, err
			}
			d := calendar.MustDate(2027, time.May, 20)
			for _, tc := range []struct {
				q    vocational.ExamQuery
				want []int64
			}{
				{vocational.ExamQuery{}, []int64{1, 2, 3, 4, 5}},
				{vocational.ExamQuery{School: "70000002"}, []int64{3}},
				{vocational.ExamQuery{Body: "80015264", Status: vocational.Draft}, []int64{4}},
				{vocational.ExamQuery{From: d.AddDays(1), Until: d.AddDays(7)}, []int64{1, 2}}, // exam 1's practical day, exam 2's theory day
				{vocational.ExamQuery{From: d.AddDays(2), Until: d.AddDays(6)}, nil},
				{vocational.ExamQuery{From: d.AddDays(15)}, []int64{3, 4}},
				{vocational.ExamQuery{Until: d}, []int64{1}},
				{vocational.ExamQuery{AfterID: 2, Limit: 2}, []int64{3, 4}},
				{vocational.ExamQuery{Body: "other"}, nil},
			} {
				got, err := ids(tc.q)
				if err != nil || !slices.Equal(got, tc.want) {
					return fmt.Errorf("VocationalExams(%+v) = %v, %v; want %v", tc.q, got, err, tc.want)
				}
			}
			return nil
		},
	},
	{
		name:        "VocationalSign",
		explanation: "SignVocationalExam issues the certificates (numbers in order, each with its events), stores the exam as Link returns it (each candidate's certificate with its number, Version+1) and the events with the numbers filled in, all in one commit (EXV-05, EXV-08)",
		check: func(ctx context.Context, s Store) error {
			e, err := s.CreateVocationalExam(ctx, VocationalExam(1, 5), nil)
			if err != nil {
				return err
			}
			out, certs, err := s.SignVocationalExam(ctx, vocationalSigning(e, 3))
			if err != nil {
				return fmt.Errorf("SignVocationalExam: %v", err)
			}
			want := []certificate.Number{"KT000001", "KT000002", "KT000003"}
			if !slices.Equal(numbers(certs), want) {
				return fmt.Errorf("issued %v; want %v", numbers(certs), want)
			}
			got, _ := s.VocationalExam(ctx, e.ID)
			if out.Version != 2 || got.Version != 2 || got.Status != vocational.Signed {
				return fmt.Errorf("signed exam = version %d/%d %s; want 2 signed", out.Version, got.Version, got.Status)
			}
			for k, no := range want {
				if got.Candidates[k].Certificate.Number != no {
					return fmt.Errorf("candidate %d's certificate is %q; want %s", k, got.Candidates[k].Certificate.Number, no)
				}
				c, err := s.Certificate(ctx, no)
				if err != nil || c.Holder.Code != Holder(k+1) || c.IssuedOn != calendar.MustDate(2027, time.June, 10) {
					return fmt.Errorf("certificate %s = %+v, %v; want candidate %d's issued 2027-06-10", no, c, err, k+1)
				}
			}
			if got.Candidates[3].Certificate.Number != "" {
				return fmt.Errorf("candidate 4 got certificate %s; want none", got.Candidates[3].Certificate.Number)
			}
			evs, _ := examEvents(ctx, s, e.ID)
			if len(evs) != 2 || evs[1].Kind != vocational.EventEntered || evs[1].Data["numbers"] != "KT000001,KT000002,KT000003" {
				return fmt.Errorf("exam events = %+v; want signed and entered with the numbers", evs)
			}
			if all, _ := allEvents(ctx, s); len(all) != 5 {
				return fmt.Errorf("outbox has %d events; want 5 (3 certificates, 2 of the exam)", len(all))
			}
			return nil
		},
	},
	{
		name:        "VocationalSignExactlyOnce",
		explanation: "a second SignVocationalExam of the same exam (a retry, a concurrent signer) fails with store.ErrConflict and writes nothing, however many race: each certificate is issued exactly once, numbered with no gap (EXV-05)",
		check: func(ctx context.Context, s Store) error {
			e, err := s.CreateVocationalExam(ctx, VocationalExam(1, 20), nil)
			if err != nil {
				return err
			}
			in := vocationalSigning(e, 20)
			const racers = 6
			var wg sync.WaitGroup
			errs := make([]error, racers)
			for r := range racers {
				wg.Go(func() { _, _, errs[r] = s.SignVocationalExam(ctx, in) })
			}
			wg.Wait()
			won := 0
			for _, err := range errs {
				switch {
				case err == nil:
					won++
				case !errors.Is(err, store.ErrConflict):
					return fmt.Errorf("a racing signer: %v; want nil or ErrConflict", err)
				}
			}
			if won != 1 {
				return fmt.Errorf("%d signers succeeded; want exactly 1", won)
			}
			if _, _, err := s.SignVocationalExam(ctx, in); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("signing again = %v; want ErrConflict", err)
			}
			if err := wantOnly(ctx, s, 20); err != nil {
				return err
			}
			if evs, _ := examEvents(ctx, s, e.ID); len(evs) != 2 {
				return fmt.Errorf("exam events = %d; want 2 (one signing)", len(evs))
			}
			return nil
		},
	},
	{
		name:        "VocationalSignAllOrNothing",
		explanation: "SignVocationalExam writes nothing when it fails — a stale exam version (store.ErrConflict), a certificate number taken (store.ErrExists), a signing Link refuses (ErrInvalid) — and uses up no number",
		check: func(ctx context.Context, s Store) error {
			e, err := s.CreateVocationalExam(ctx, VocationalExam(1, 3), nil)
			if err != nil {
				return err
			}
			stale := vocationalSigning(e, 3)
			stale.Exam.Version = 7
			taken := vocationalSigning(e, 3)
			taken.Certificates[1].Certificate.Number = "KT000001"
			taken.Certificates[2].Certificate.Number = "KT000001"
			badLink := vocationalSigning(e, 3)
			badLink.For[2] = "nobody"
			for _, b := range []struct {
				name string
				in   vocational.Signing
				want error
			}{{"stale", stale, store.ErrConflict}, {"one number twice", taken, certificate.ErrInvalid}, {"a bad link", badLink, vocational.ErrInvalid}} {
				if _, _, err := s.SignVocationalExam(ctx, b.in); !errors.Is(err, b.want) {
					return fmt.Errorf("SignVocationalExam(%s) = %v; want %v", b.name, err, b.want)
				}
				if err := wantNothingSigned(ctx, s, e, 0); err != nil {
					return fmt.Errorf("%s: %v", b.name, err)
				}
			}
			c := Sample(9)
			c.Number = "KT000002"
			if _, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: c}); err != nil {
				return err
			}
			clash := vocationalSigning(e, 2)
			clash.Certificates[1].Certificate.Number = "KT000002"
			if _, _, err := s.SignVocationalExam(ctx, clash); !errors.Is(err, store.ErrExists) {
				return fmt.Errorf("SignVocationalExam(a number taken) = %v; want ErrExists", err)
			}
			if got, _ := s.VocationalExam(ctx, e.ID); got.Version != 1 {
				return fmt.Errorf("after the refused signing the exam is version %d; want 1", got.Version)
			}
			_, certs, err := s.SignVocationalExam(ctx, vocationalSigning(e, 3))
			if err != nil || !slices.Equal(numbers(certs), []certificate.Number{"KT000001", "KT000003", "KT000004"}) {
				return fmt.Errorf("the signing after the refused ones = %v, %v; want KT000001, KT000003, KT000004 (none used up)", numbers(certs), err)
			}
			return nil
		},
	},
}
