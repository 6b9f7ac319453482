package certificate_test

import (
	"errors"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/memstore"
)

var keeper = actor.Keeper("90006414")

// TestPersonalDataKeptUntil_CERT12 proves the retention rule of CERT-12 (KRPM § 18): personal data
// are kept until three years after the holder's death, the period ending on the corresponding day of
// its third year, 29 February on 28 February (TsÜS § 136 (2)), not moved off a weekend.
func TestPersonalDataKeptUntil_CERT12(t *testing.T) {
	for _, tt := range []struct{ died, want string }{
		{"2023-06-01", "2026-06-01"},
		{"2024-02-29", "2027-02-28"},
		{"2022-12-31", "2025-12-31"},
		{"2021-06-19", "2024-06-19"},
	} {
		got, why := certificate.PersonalDataKeptUntil(d(tt.died))
		if got != d(tt.want) {
			t.Errorf("PersonalDataKeptUntil(%s) = %s; want %s", tt.died, got, tt.want)
		}
		if !why.Applies("CERT-12") || len(why.Steps) != 2 || why.Steps[0].Citation.Section != "18" {
			t.Errorf("explanation = %+v; want CERT-12 with KRPM § 18 and TsÜS § 136", why)
		}
	}
	// An end on a weekend stays where it falls: a retention limit is not a day to act by (§ 136 (8)).
	if got, _ := certificate.PersonalDataKeptUntil(d("2020-01-07")); got != d("2023-01-07") || got.Weekday() != time.Saturday {
		t.Errorf("PersonalDataKeptUntil(2020-01-07) = %s (%v); want Saturday 2023-01-07", got, got.Weekday())
	}
}

// TestPersonalDataDueOn_CERT12 is the property: for any death date the data are kept through the
// last day and due from the day after, three years on (between 1,095 and 1,096 days), for the
// register's kinds only.
func TestPersonalDataDueOn_CERT12(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		died := calendar.MustDate(1990, time.January, 1).AddDays(rapid.IntRange(0, 20000).Draw(rt, "died"))
		c := cert204580()
		c.Holder.Died = died
		until, ok := c.PersonalDataUntil()
		if !ok {
			rt.Fatalf("no retention end for a death on %s", died)
		}
		if n := until.DaysSince(died); n < 1095 || n > 1096 {
			rt.Fatalf("kept %d days after %s; want three years", n, died)
		}
		if c.PersonalDataDueOn(until) || !c.PersonalDataDueOn(until.AddDays(1)) {
			rt.Fatalf("due on %s: %v, on the next day: %v; want kept through the last day, due after",
				until, c.PersonalDataDueOn(until), c.PersonalDataDueOn(until.AddDays(1)))
		}
		c.Kind = rapid.SampledFrom([]certificate.Kind{certificate.BasicSchool, certificate.Gymnasium,
			certificate.GradeSheet, certificate.StateExam, certificate.Proficiency}).Draw(rt, "kind")
		if c.PersonalDataDueOn(until.AddYears(50)) {
			rt.Fatalf("a %s is due for erasure under KRPM § 18, which governs the register only", c.Kind)
		}
	})
}

// TestRecordDeath_CERT12 proves that only the registrar records a holder's death, on a real past day
// not before the birth, on every certificate of the holder, with an event to no one.
func TestRecordDeath_CERT12(t *testing.T) {
	r, st := newRegistry(t)
	issue204580(t, r)
	second := cert204580()
	second.Number = "204581"
	if _, err := r.Issue(t.Context(), body, certificate.IssueRequest{Certificate: second}); err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	for _, a := range []actor.Actor{owner, body, actor.Anonymous()} {
		if _, err := r.RecordDeath(ctx, a, "204580", d("2026-01-01")); !errors.Is(err, actor.ErrForbidden) {
			t.Errorf("RecordDeath(%v) = %v; want ErrForbidden", a, err)
		}
	}
	for _, bad := range []string{"2026-11-23", "1995-02-01"} { // tomorrow; the day before the birth (1995-02-02)
		if _, err := r.RecordDeath(ctx, keeper, "204580", d(bad)); !errors.Is(err, certificate.ErrInvalid) {
			t.Errorf("RecordDeath(%s) = %v; want ErrInvalid", bad, err)
		}
	}
	_, before := snapshot(t, st)
	cs, err := r.RecordHolderDeath(ctx, keeper, holder, d("2026-01-01"))
	if err != nil || len(cs) != 2 || cs[0].Holder.Died != d("2026-01-01") || cs[1].Holder.Died != d("2026-01-01") {
		t.Fatalf("RecordHolderDeath = %+v, %v", cs, err)
	}
	evs, _ := st.OutboxEvents(ctx, store.EventQuery{AfterID: int64(before)})
	if len(evs) != 2 || evs[0].Kind != certificate.EventDeathRecorded || evs[0].Recipient != cs[0].IssuerCode ||
		evs[0].Data["kept-until"] != "2029-01-01" {
		t.Errorf("events = %+v; want two holder-died events to the issuer, kept until 2029-01-01", evs)
	}
	if again, _ := r.RecordDeath(ctx, keeper, "204580", d("2026-01-01")); again.Version != cs[0].Version {
		t.Errorf("recording the same date again changed the record: v%d → v%d", cs[0].Version, again.Version)
	}
	if c, err := r.RecordDeath(ctx, keeper, "204580", calendar.Date{}); err != nil || !c.Holder.Died.IsZero() {
		t.Errorf("RecordDeath(zero) = %v, %v; want the death withdrawn", c.Holder.Died, err)
	}
}

// TestErasePersonalData_CERT12 proves the erasure of CERT-12: refused before the end of retention,
// by anyone but the registrar; then one update and its event erase the name, code, birth and death
// dates and keep the anonymised qualification record, which the public still finds by its title.
func TestErasePersonalData_CERT12(t *testing.T) {
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	st := memstore.New()
	r, _ := certificate.NewRegistry(st, certificate.Config{Now: func() time.Time { return now }})
	issue204580(t, r)
	ctx := t.Context()
	if _, err := r.ErasePersonalData(ctx, keeper, "204580"); !errors.Is(err, certificate.ErrRetained) {
		t.Errorf("ErasePersonalData(no death recorded) = %v; want ErrRetained", err)
	}
	if _, err := r.RecordDeath(ctx, keeper, "204580", d("2023-11-22")); err != nil {
		t.Fatal(err)
	}
	_, err := r.ErasePersonalData(ctx, keeper, "204580") // kept until 2026-11-22 inclusive: today
	var re *certificate.RuleError
	if !errors.As(err, &re) || re.Rule != "CERT-12" || !errors.Is(err, certificate.ErrRetained) {
		t.Errorf("ErasePersonalData(on the last day) = %v; want a CERT-12 RuleError wrapping ErrRetained", err)
	}
	if due, _ := r.PersonalDataDue(ctx, keeper, calendar.Date{}, "", 0); len(due) != 0 {
		t.Errorf("PersonalDataDue(today, the last day) = %d; want none", len(due))
	}
	now = now.AddDate(0, 0, 1)
	if due, err := r.PersonalDataDue(ctx, keeper, calendar.Date{}, "", 0); err != nil || len(due) != 1 {
		t.Fatalf("PersonalDataDue(the day after) = %d, %v; want 204580", len(due), err)
	}
	for _, a := range []actor.Actor{owner, body, actor.Anonymous()} {
		if _, err := r.ErasePersonalData(ctx, a, "204580"); !errors.Is(err, actor.ErrForbidden) {
			t.Errorf("ErasePersonalData(%v) = %v; want ErrForbidden", a, err)
		}
		if _, err := r.PersonalDataDue(ctx, a, calendar.Date{}, "", 0); !errors.Is(err, actor.ErrForbidden) {
			t.Errorf("PersonalDataDue(%v) = %v; want ErrForbidden", a, err)
		}
	}
	_, before := snapshot(t, st)
	c, err := r.ErasePersonalData(ctx, keeper, "204580")
	if err != nil {
		t.Fatal(err)
	}
	if c.Holder != (certificate.Holder{}) || c.PersonalDataErased != d("2026-11-23") ||
		c.Title != "Sõiduautodiagnostik, tase 5" || c.Issuer == "" || c.ValidUntil != d("2030-01-08") {
		t.Errorf("after the erasure: %+v", c)
	}
	evs, _ := st.OutboxEvents(ctx, store.EventQuery{AfterID: int64(before)})
	if len(evs) != 1 || evs[0].Kind != certificate.EventPersonalDataErased || evs[0].Recipient != c.IssuerCode || evs[0].Data["died"] != "" {
		t.Errorf("events = %+v; want one erasure event naming no personal data", evs)
	}
	if v, err := r.Lookup(ctx, actor.Anonymous(), "204580", calendar.Date{}); err != nil || v.HolderName != "" || v.Title == "" {
		t.Errorf("Lookup(erased) = %+v, %v; want the anonymised entry", v, err)
	}
	if list, _ := r.List(ctx, owner, holder, d("2026-11-23")); len(list) != 0 {
		t.Errorf("the former holder still lists %d certificates", len(list))
	}
	if _, err := r.RecordDeath(ctx, keeper, "204580", d("2023-11-22")); !errors.Is(err, certificate.ErrInvalid) {
		t.Errorf("RecordDeath(erased) = %v; want ErrInvalid", err)
	}
	if n, err := r.EraseDuePersonalData(ctx, keeper); err != nil || n != 0 {
		t.Errorf("EraseDuePersonalData after the erasure = %d, %v; want 0", n, err)
	}
	if _, err := r.ErasePersonalData(ctx, keeper, "000000"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("ErasePersonalData(missing) = %v; want ErrNotFound", err)
	}
}

// TestEraseDuePersonalData_CERT12 proves the registrar's daily run: it erases exactly the due ones.
func TestEraseDuePersonalData_CERT12(t *testing.T) {
	r, st := newRegistry(t) // today 2026-11-22
	for i, died := range []string{"2020-01-01", "2023-11-21", "2023-11-22", ""} {
		c := cert204580()
		c.Number = certificate.Number("20458" + string(rune('0'+i)))
		if died != "" {
			c.Holder.Died = d(died)
		}
		if _, err := r.Issue(t.Context(), keeper, certificate.IssueRequest{Certificate: c}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := r.EraseDuePersonalData(t.Context(), owner); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("EraseDuePersonalData(owner) = %v; want ErrForbidden", err)
	}
	n, err := r.EraseDuePersonalData(t.Context(), keeper)
	if err != nil || n != 2 {
		t.Fatalf("EraseDuePersonalData = %d, %v; want 2 (died 2020-01-01 and 2023-11-21)", n, err)
	}
	for no, erased := range map[certificate.Number]bool{"204580": true, "204581": true, "204582": false, "204583": false} {
		c, _ := st.Certificate(t.Context(), no)
		if (c.Holder.Name == "") != erased {
			t.Errorf("%s: holder %+v; erased want %v", no, c.Holder, erased)
		}
	}
}

// TestSearch_OnAndAsOf proves that the search's date is one: asOf, or q.On, or today.
func TestSearch_OnAndAsOf(t *testing.T) {
	r, _ := newRegistry(t)
	issue204580(t, r)
	ctx := t.Context()
	if vs, err := r.Search(ctx, actor.Anonymous(), certificate.PublicQuery{On: d("2031-01-01"), Text: "piskel"}, calendar.Date{}); err != nil || len(vs) != 0 {
		t.Errorf("Search(On 2031, expired) = %v, %v; want none by the name", viewNumbers(vs), err)
	}
	if _, err := r.Search(ctx, actor.Anonymous(), certificate.PublicQuery{On: d("2031-01-01")}, d("2026-11-22")); !errors.Is(err, certificate.ErrInvalid) {
		t.Errorf("Search(On ≠ asOf) = %v; want ErrInvalid", err)
	}
	if vs, _ := r.Search(ctx, actor.Anonymous(), certificate.PublicQuery{Text: "piskel"}, calendar.Date{}); len(vs) != 1 || vs[0].On != d("2026-11-22") {
		t.Errorf("Search(no date) = %+v; want today's view", vs)
	}
}
