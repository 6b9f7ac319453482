package certificate

import (
	"context"
	"errors"
	"fmt"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

var (
	// krpm is VV määrus 28.05.2009 nr 79 "Kutseregistri põhimäärus", the consolidated text in force
	// from 01.08.2016 (research/kutseseadus.md § 0 and § 6).
	krpm = law.Citation{Act: "Kutseregistri põhimäärus (VV määrus nr 79)"}
	// tsus is the Tsiviilseadustiku üldosa seadus, which counts periods (§§ 134–137).
	tsus = law.Citation{Act: "Tsiviilseadustiku üldosa seadus", RT: "RT I 2002, 35, 216"}
)

// RetentionYears is how long after the holder's death the personal data of an awarded qualification
// are kept: three years (CERT-12; KRPM § 18).
const RetentionYears = 3

// ErrRetained: the holder's personal data are still within their retention period (CERT-12) and may
// not be erased yet. A *RuleError wraps it.
var ErrRetained = errors.New("the holder's personal data are still within their retention period")

// The events of the retention rule (CERT-12). Both go to the certificate's issuer (an organisation),
// which keeps the holder's data in its own records too: never to the holder, who has died, and
// neither names the holder.
const (
	EventDeathRecorded      = "certificate.holder-died"          // the registrar recorded the holder's death
	EventPersonalDataErased = "certificate.personal-data-erased" // the holder's personal data were erased
)

// PersonalDataKeptUntil implements the retention rule of CERT-12: the personal data of an awarded
// qualification (KRPM § 8: the holder's name and personal code or birth date) are kept until three
// years after the holder's death (KRPM § 18, 2016 wording; research/kutseseadus.md § 6). It returns
// the last day they may be kept, the death date plus three years: the period runs from the day after
// the death (TsÜS § 135 (1)) and a period of years ends on the corresponding day of its last year,
// 29 February on 28 February in a common year (TsÜS § 136 (2); calendar.Date.AddYears). A retention
// limit is not a day on which an act must be done, so the end is not moved off a weekend or holiday
// (TsÜS § 136 (8) does not apply). It is pure; died must be a real date.
func PersonalDataKeptUntil(died calendar.Date) (calendar.Date, law.Explanation) {
	until := died.AddYears(RetentionYears)
	var e law.Explanation
	e.Add("CERT-12", krpm.At("18", "", ""),
		"kutse andmise isikuandmeid säilitatakse kolm aastat pärast isiku surma; surnud "+died.Register(),
		"the personal data of an awarded qualification are kept until three years after the person's death; died "+died.String())
	e.Add("CERT-12", tsus.At("136", "2", ""),
		"aastates määratud tähtaeg lõpeb viimase aasta vastaval päeval: isikuandmeid võib säilitada kuni "+until.Register()+" (kaasa arvatud)",
		"a period of years ends on the corresponding day of its last year: the personal data may be kept until "+until.String()+" inclusive")
	return until, e
}

// PersonalDataUntil returns the last day the personal data of c's holder may be kept
// ([PersonalDataKeptUntil] of the recorded death), and false when the retention rule sets none: no
// death recorded, the data already erased, or a kind outside the register ([Kind.Register]). KRPM
// § 18 governs the occupational qualifications register only; school and exam documents are kept in
// EHIS and the exam centre's records, whose retention the sources here do not give, so the SDK
// never marks their personal data for erasure.
func (c *Certificate) PersonalDataUntil() (calendar.Date, bool) {
	if c.Holder.Died.IsZero() || !c.Holder.Died.IsValid() || !c.PersonalDataErased.IsZero() || !c.Kind.Register() {
		return calendar.Date{}, false
	}
	until, _ := PersonalDataKeptUntil(c.Holder.Died)
	return until, true
}

// PersonalDataDueOn reports whether the personal data of c's holder are due for erasure on day d
// (CERT-12): the last day of their retention ([Certificate.PersonalDataUntil]) is before d.
func (c *Certificate) PersonalDataDueOn(d calendar.Date) bool {
	until, ok := c.PersonalDataUntil()
	return ok && until.Before(d)
}

// RecordDeath records the day the holder of certificate no died (CERT-12), as the registrar learns
// it from the population register (KRPM § 12¹ (2)): it starts the retention of the holder's personal
// data. A zero died withdraws a death recorded by mistake. Only the registrar may; the date must be a
// real day, not after today and not before the holder's birth. One update with its event
// ([EventDeathRecorded], to the issuer, with the last day of retention); recording the same date again changes nothing. A
// certificate whose personal data are erased is refused with a *RuleError wrapping ErrInvalid.
func (r *Registry) RecordDeath(ctx context.Context, a actor.Actor, no Number, died calendar.Date) (Certificate, error) {
	if err := a.Validate(); err != nil {
		return Certificate{}, err
	}
	if a.Role != actor.Registrar {
		return Certificate{}, actor.Deny(a, "record the death of certificate "+string(no)+"'s holder", "only the registrar may (KRPM § 12¹)")
	}
	if !died.IsZero() && !died.IsValid() {
		return Certificate{}, &FieldError{Pkg: pkg, Field: "died", Value: dateText(died), Reason: "is not a real date"}
	}
	if today := r.Today(); died.After(today) {
		return Certificate{}, &FieldError{Pkg: pkg, Field: "died", Value: died.String(), Reason: "is after today " + today.String()}
	}
	return r.update(ctx, a, no, func(c *Certificate) (string, error) {
		if !c.PersonalDataErased.IsZero() {
			return "", &FieldError{Pkg: pkg, Field: "no", Value: string(no), Reason: "has no personal data left: they were erased on " + c.PersonalDataErased.String()}
		}
		if born := c.Holder.Born(); !died.IsZero() && born.IsValid() && died.Before(born) {
			return "", &FieldError{Pkg: pkg, Field: "died", Value: died.String(), Reason: "is before the holder's birth date " + born.String()}
		}
		if c.Holder.Died == died {
			return "", nil
		}
		c.Holder.Died = died
		return EventDeathRecorded, nil
	}, deathData(died))
}

// deathData is the data of a death's event: the date, and the last day of retention it gives.
func deathData(died calendar.Date) map[string]string {
	d := map[string]string{"died": died.String()}
	if !died.IsZero() {
		until, _ := PersonalDataKeptUntil(died)
		d["kept-until"] = until.String()
	}
	return d
}

// RecordHolderDeath records the death of the holder with personal code code on every one of their
// certificates, as [Registry.RecordDeath] does for one, and returns them as stored. A holder without
// a personal code is recorded certificate by certificate. It stops at the first failure; the
// certificates recorded before it stay recorded, and running it again finishes the rest.
func (r *Registry) RecordHolderDeath(ctx context.Context, a actor.Actor, code isikukood.Code, died calendar.Date) ([]Certificate, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	if a.Role != actor.Registrar {
		return nil, actor.Deny(a, "record a holder's death", "only the registrar may (KRPM § 12¹)")
	}
	if code.IsZero() {
		return nil, &FieldError{Pkg: pkg, Field: "code", Reason: "is required"}
	}
	cs, err := r.st.HolderCertificates(ctx, code)
	if err != nil {
		return nil, err
	}
	out := make([]Certificate, 0, len(cs))
	for _, c := range cs {
		got, err := r.RecordDeath(ctx, a, c.Number, died)
		if err != nil {
			return out, err
		}
		out = append(out, got)
	}
	return out, nil
}

// PersonalDataDue returns, for the registrar, at most limit (0: 1000) certificates whose holder's
// personal data are due for erasure on day on (zero: today), ordered by number after after (""
// for the first page): see Store.PersonalDataDue.
func (r *Registry) PersonalDataDue(ctx context.Context, a actor.Actor, on calendar.Date, after Number, limit int) ([]Certificate, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	if a.Role != actor.Registrar {
		return nil, actor.Deny(a, "list personal data due for erasure", "only the registrar may")
	}
	if on.IsZero() {
		on = r.Today()
	}
	if !on.IsValid() {
		return nil, &FieldError{Pkg: pkg, Field: "on", Value: dateText(on), Reason: "is not a real date"}
	}
	return r.st.PersonalDataDue(ctx, on, after, limit)
}

// ErasePersonalData erases the personal data of certificate no's holder at the end of their
// retention (CERT-12: three years after the holder's death, KRPM § 18), in one update with its event
// ([EventPersonalDataErased], to the issuer, naming no personal data). Only the registrar may.
//
// Erased: the holder's name, personal code, birth date and death date. Kept, as the anonymised
// record of the awarded qualification (the register's issued qualifications are published as
// anonymised statistics, OPN-02; seed 001): the number, kind, title, standard, levels,
// specialisation, competences, exam language, issuer, dates of issue and validity, invalidation and
// replacement, the hidden mark, Extra, and the day of erasure (PersonalDataErased). The outbox's past
// events, which name the holder's personal code as their recipient, are the host's delivery log and
// are not touched here.
//
// Before the data are due (today is not after [Certificate.PersonalDataUntil]) it is refused with a
// *RuleError wrapping ErrRetained; a certificate with no death recorded, or of a kind outside the
// register, likewise. A certificate changed concurrently is read again and retried a few times.
func (r *Registry) ErasePersonalData(ctx context.Context, a actor.Actor, no Number) (Certificate, error) {
	if err := a.Validate(); err != nil {
		return Certificate{}, err
	}
	if a.Role != actor.Registrar {
		return Certificate{}, actor.Deny(a, "erase the personal data of certificate "+string(no), "only the registrar may")
	}
	var err error
	for range 5 {
		var c Certificate
		if c, err = r.st.Certificate(ctx, no); err != nil {
			return Certificate{}, err
		}
		today := r.Today()
		if !c.PersonalDataDueOn(today) {
			return Certificate{}, retained(&c, today)
		}
		until, _ := c.PersonalDataUntil()
		ev := event(EventPersonalDataErased, &c, r.instant(), map[string]string{"on": today.String(), "kept-until": until.String()})
		var out Certificate
		out, err = r.st.ErasePersonalData(ctx, no, c.Version, today, []store.Event{ev})
		if !errors.Is(err, store.ErrConflict) {
			return out, err
		}
	}
	return Certificate{}, err
}

// retained is the refusal of an erasure that is not due on day d.
func retained(c *Certificate, d calendar.Date) error {
	op := "erase the personal data of " + string(c.Number)
	until, ok := c.PersonalDataUntil()
	switch {
	case !c.PersonalDataErased.IsZero():
		op += ": erased already on " + c.PersonalDataErased.String()
	case !c.Kind.Register():
		op += ": a " + c.Kind.String() + " is not a register entry; KRPM § 18 does not apply"
	case !ok:
		op += ": no death of the holder is recorded"
	default:
		op += ": kept until " + until.String() + " inclusive, on " + d.String()
	}
	return &RuleError{Pkg: pkg, Rule: "CERT-12", Citation: krpm.At("18", "", "").String(), Op: op, Err: ErrRetained}
}

// EraseDuePersonalData erases the personal data of every certificate due on today's date
// ([Registry.PersonalDataDue], [Registry.ErasePersonalData]) and returns how many it erased. Only the
// registrar may; a host runs it daily. A certificate changed concurrently is left for the next run.
func (r *Registry) EraseDuePersonalData(ctx context.Context, a actor.Actor) (int, error) {
	n := 0
	after := Number("")
	for {
		cs, err := r.PersonalDataDue(ctx, a, calendar.Date{}, after, 100)
		if err != nil {
			return n, err
		}
		for i := range cs {
			_, err := r.ErasePersonalData(ctx, a, cs[i].Number)
			switch {
			case err == nil:
				n++
			case errors.Is(err, store.ErrConflict), errors.Is(err, ErrRetained), errors.Is(err, store.ErrNotFound):
				// changed meanwhile: the next run looks again
			default:
				return n, fmt.Errorf("certificate: erase %s: %w", cs[i].Number, err)
			}
		}
		if len(cs) < 100 {
			return n, nil
		}
		after = cs[len(cs)-1].Number
	}
}
