package vocational

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// scheduleOpen implements who may change the times and places when (EXV-02; seed 000 slide 1: the
// school "saad kutse andjaga täpsustada eksamite ajad, kohad"): proposals are made and answered while
// the exam is with the awarding body (sent or being processed), until the first agreed sitting's day
// comes; after that the agreed times stand and results may be entered.
func scheduleOpen(e *Exam, today calendar.Date, op string) error {
	if e.Status != Sent && e.Status != Processing {
		return stateErr(e, op, "EXV-02", "times and places are agreed while the exam is with the awarding body")
	}
	if ss, ok := e.Agreed(); ok {
		for _, s := range ss {
			if !s.Date.After(today) {
				return &RuleError{Pkg: pkg, Rule: "EXV-02", Citation: eksamihaldus.String(), Op: op,
					Reason: "the agreed exam has begun (" + s.Date.String() + "): its times and places no longer change", Err: ErrSchedule}
			}
		}
	}
	return nil
}

// Propose proposes the times and places of the exam's sittings (EXV-02), in place of any proposal not
// yet answered. Either side proposes, the school or the awarding body, while the exam is with the
// body and until the agreed exam begins; the other side is told and answers ([Service.Answer]). A
// new proposal after an agreement stands only when it is accepted: until then the agreed times hold.
func (s *Service) Propose(ctx context.Context, a actor.Actor, id int64, sittings []Sitting, note string) (Exam, error) {
	op := "propose the times and places of exam " + strconv.FormatInt(id, 10)
	return s.update(ctx, a, id, op, func(e *Exam, now time.Time) ([]store.Event, error) {
		side, ok := sideOf(a, e)
		if !ok {
			return nil, actor.Deny(a, op, "only the exam's school or awarding body proposes")
		}
		today := calendar.DateOf(now)
		if err := scheduleOpen(e, today, op); err != nil {
			return nil, err
		}
		if err := checkSittings("sittings", e.Type, sittings, today); err != nil {
			return nil, err
		}
		errs := &ValidationError{Pkg: pkg}
		if text(errs, "note", note, false); errs.Err() != nil {
			return nil, errs
		}
		return []store.Event{propose(e, side, sittings, note, now)}, nil
	})
}

// Answer accepts or declines proposal n (EXV-02), with a note: only the side that did not make it,
// while it is open and the schedule may change. An accepted proposal's sittings are the exam's agreed
// times and places; none of them may have passed.
func (s *Service) Answer(ctx context.Context, a actor.Actor, id int64, n int, accept bool, note string) (Exam, error) {
	op := "answer proposal " + strconv.Itoa(n) + " of exam " + strconv.FormatInt(id, 10)
	return s.update(ctx, a, id, op, func(e *Exam, now time.Time) ([]store.Event, error) {
		side, ok := sideOf(a, e)
		if !ok {
			return nil, actor.Deny(a, op, "only the exam's school or awarding body answers")
		}
		today := calendar.DateOf(now)
		if err := scheduleOpen(e, today, op); err != nil {
			return nil, err
		}
		if n < 1 || n > len(e.Proposals) {
			return nil, &FieldError{Pkg: pkg, Field: "n", Value: strconv.Itoa(n), Reason: "is not a proposal of the exam"}
		}
		p := &e.Proposals[n-1]
		switch {
		case p.By == side:
			return nil, actor.Deny(a, op, "a proposal is answered by the other side")
		case p.Status != Open:
			return nil, &RuleError{Pkg: pkg, Rule: "EXV-02", Citation: eksamihaldus.String(), Op: op, Reason: "the proposal is " + p.Status.String(), Err: ErrSchedule}
		}
		errs := &ValidationError{Pkg: pkg}
		if text(errs, "note", note, !accept); errs.Err() != nil {
			return nil, errs
		}
		p.AnsweredAt, p.Answer = now, note
		data := map[string]string{"by": side.String(), "proposal": strconv.Itoa(n), "sittings": sittingsText(p.Sittings)}
		if !accept {
			p.Status = Declined
			data["reason"] = note
			return []store.Event{event(EventDeclined, e, recipient(e, p.By), now, data)}, nil
		}
		for _, st := range p.Sittings {
			if st.Date.Before(today) {
				return nil, &RuleError{Pkg: pkg, Rule: "EXV-02", Citation: eksamihaldus.String(), Op: op,
					Reason: "the proposed sitting on " + st.Date.String() + " has passed", Err: ErrSchedule}
			}
		}
		p.Status = Accepted
		return []store.Event{event(EventAgreed, e, recipient(e, p.By), now, data)}, nil
	})
}

// ShareMaterial shares a material with the other side (EXV-02: "jagada materjale"): either side, from
// the draft until the protocol is signed. The SDK keeps its name and reference.
func (s *Service) ShareMaterial(ctx context.Context, a actor.Actor, id int64, name, ref string) (Exam, error) {
	op := "share a material of exam " + strconv.FormatInt(id, 10)
	return s.update(ctx, a, id, op, func(e *Exam, now time.Time) ([]store.Event, error) {
		side, ok := sideOf(a, e)
		if !ok {
			return nil, actor.Deny(a, op, "only the exam's school or awarding body shares materials")
		}
		if e.Status == Signed || e.Status == Cancelled || (side == BodySide && e.Status < Sent) {
			return nil, stateErr(e, op, "EXV-02", "materials are shared until the protocol is signed, by the body once the exam is sent")
		}
		errs := &ValidationError{Pkg: pkg}
		text(errs, "name", name, true)
		text(errs, "ref", ref, true)
		if err := errs.Err(); err != nil {
			return nil, err
		}
		m := Material{N: 1, Name: name, Ref: ref, By: side, At: now}
		if k := len(e.Materials); k > 0 {
			m.N = e.Materials[k-1].N + 1
		}
		e.Materials = append(e.Materials, m)
		return []store.Event{event(EventMaterial, e, recipient(e, side.Other()), now, map[string]string{"material": name, "by": side.String()})}, nil
	})
}

// RemoveMaterial removes material n: only the side that shared it, until the protocol is signed.
func (s *Service) RemoveMaterial(ctx context.Context, a actor.Actor, id int64, n int) (Exam, error) {
	op := "remove material " + strconv.Itoa(n) + " of exam " + strconv.FormatInt(id, 10)
	return s.update(ctx, a, id, op, func(e *Exam, now time.Time) ([]store.Event, error) {
		side, ok := sideOf(a, e)
		if !ok {
			return nil, actor.Deny(a, op, "only the exam's school or awarding body removes materials")
		}
		if e.Status == Signed || e.Status == Cancelled {
			return nil, stateErr(e, op, "EXV-02", "materials of a signed or cancelled exam stay")
		}
		i := slices.IndexFunc(e.Materials, func(m Material) bool { return m.N == n })
		switch {
		case i < 0:
			return nil, &FieldError{Pkg: pkg, Field: "n", Value: strconv.Itoa(n), Reason: "is not a material of the exam"}
		case e.Materials[i].By != side:
			return nil, actor.Deny(a, op, "only the side that shared a material removes it")
		}
		name := e.Materials[i].Name
		e.Materials = slices.Delete(e.Materials, i, i+1)
		return []store.Event{event(EventMaterial, e, recipient(e, side.Other()), now, map[string]string{"material": name + " (removed)", "by": side.String()})}, nil
	})
}

// Entry is one sitting in an exam calendar (EXV-02).
type Entry struct {
	Exam          int64
	Sitting       Sitting
	Agreed        bool // the times and places are agreed; otherwise proposed
	Qualification string
	Curriculum    string
	School        Party
	Body          Party
	Status        Status
}

// Calendar returns the sittings from day from to day until (both included) of the exams a sees
// (EXV-02: "saad oma kooli eksameid sirvida eksamikalendris"): a school its own, an awarding body
// those sent to it, the registrar all; cancelled exams are left out. Entries are ordered by day, time
// and exam; agreed sittings are marked so, others are proposals.
func (s *Service) Calendar(ctx context.Context, a actor.Actor, from, until calendar.Date) ([]Entry, error) {
	if !from.IsValid() || !until.IsValid() || until.Before(from) {
		return nil, &FieldError{Pkg: pkg, Field: "until", Value: until.String(), Reason: "must be a real date not before from " + from.String()}
	}
	var out []Entry
	q := ExamQuery{From: from, Until: until, Limit: 1000}
	for {
		es, err := s.List(ctx, a, q)
		if err != nil {
			return nil, err
		}
		for i := range es {
			e := &es[i]
			if e.Status == Cancelled || (a.Role == actor.AwardingBody && e.Status < Sent) {
				continue
			}
			ss, agreed := e.Sittings()
			for _, st := range ss {
				if st.Date.Before(from) || st.Date.After(until) {
					continue
				}
				out = append(out, Entry{Exam: e.ID, Sitting: st, Agreed: agreed, Qualification: e.Qualification.Name,
					Curriculum: e.Curriculum.Name, School: e.School, Body: e.Body, Status: e.Status})
			}
		}
		if len(es) < q.EffectiveLimit() {
			break
		}
		q.AfterID = es[len(es)-1].ID
	}
	slices.SortStableFunc(out, func(x, y Entry) int {
		if c := x.Sitting.Date.Compare(y.Sitting.Date); c != 0 {
			return c
		}
		if c := cmp.Compare(x.Sitting.Start, y.Sitting.Start); c != 0 {
			return c
		}
		return cmp.Compare(x.Exam, y.Exam)
	})
	return out, nil
}

// Line renders the entry as one line of a calendar in lang, e.g. "20.05.2027 10:00 praktiline —
// Autotehnik, tase 4 — Tallinna Tööstushariduskeskus — Tallinn, Mustamäe tee 1 (kokku lepitud)".
func (en Entry) Line(lang law.Lang) string {
	mark := lang.Pick("ettepanek", "proposed")
	if en.Agreed {
		mark = lang.Pick("kokku lepitud", "agreed")
	}
	return en.Sitting.Date.Register() + " " + en.Sitting.Start + " " + en.Sitting.Part.Name(lang) + " — " +
		en.Qualification + " — " + en.School.Name + " — " + en.Sitting.Place + " (" + mark + ")"
}
