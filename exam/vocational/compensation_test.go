package vocational_test

import (
	"errors"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/exam/vocational"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// TestCompensation_EXV06 proves the compensation at signing (EXV-06): the ceiling of the version in
// force on the exam's last day for the curriculum group and exam type (GEN-04), rounded to the cent
// half up; a line per candidate who took the exam (the absent and the withdrawn have none); the state
// pays for state-funded places through the school, the school is invoiced for the rest at the same
// rate; the lines add up to the total; the school and the body are told.
func TestCompensation_EXV06(t *testing.T) {
	en := newEnv(t, 4)
	ctx := t.Context()
	e := en.decided(t, 4)
	res := en.sign(t, e.ID)
	st := res.Statement
	if st.Version != "2027" || !st.Ceiling.Equal(decimal.RequireFromString("170.805")) || st.Rate.String() != "170.81" {
		t.Errorf("statement = version %s, ceiling %s, rate %s; want 2027, 170.805, 170.81", st.Version, st.Ceiling, st.Rate)
	}
	// L1 state-funded, L2 (failed) invoiced, L3 absent: no line, L4 invoiced.
	if len(st.Lines) != 3 || st.Lines[0].Payer != vocational.StateBudget || st.Lines[1].Payer != vocational.SchoolInvoice || st.Lines[2].Candidate != "L4" {
		t.Errorf("lines = %+v", st.Lines)
	}
	if st.State.String() != "170.81" || st.Invoiced.String() != "341.62" || st.Total.String() != "512.43" {
		t.Errorf("totals = state %s, invoiced %s, total %s", st.State, st.Invoiced, st.Total)
	}
	if !st.Why.Applies("EXV-06") || !st.Why.Applies("GEN-04") {
		t.Errorf("explanation = %s", st.Why)
	}
	got, err := en.svc.Compensation(ctx, school, e.ID)
	if err != nil || !got.Total.Equal(st.Total) {
		t.Errorf("Compensation = %s, %v", got.Total, err)
	}
	evs, _ := en.st.OutboxEvents(ctx, store.EventQuery{Subject: e.Subject()})
	told := map[string]string{}
	for _, ev := range evs {
		if ev.Kind == vocational.EventCompensation {
			told[ev.Recipient] = ev.Data["total"]
		}
	}
	if told[schoolCode] != "512.43" || told[bodyCode] != "512.43" {
		t.Errorf("compensation notices = %v; want the school and the body told 512.43", told)
	}
}

// TestCompensate_EXV06 proves the rule on its own: the body's lower fee is the rate; the version by
// the day (the 2017 table before 2027); no ceiling for the group or type, or no version, is ErrNoRate;
// and signing is refused then, issuing nothing.
func TestCompensate_EXV06(t *testing.T) {
	e := vocational.Exam{ID: 7, Curriculum: vocational.Curriculum{Group: group}, Type: vocational.Combined,
		Candidates: []vocational.Candidate{{Learner: vocational.Learner{ID: "L1", StateFunded: true}, Result: vocational.Result{On: examDay}}}}
	st, err := vocational.Compensate(&e, ceilings, calendar.MustDate(2026, 6, 1))
	if err != nil || st.Version != "2017" || st.Total.String() != "150" {
		t.Errorf("2026: %+v, %v; want the 2017 table's 150.00", st, err)
	}
	e.Fee = decimal.RequireFromString("120.00")
	if st, _ = vocational.Compensate(&e, ceilings, examDay); st.Rate.String() != "120" || st.Total.String() != "120" {
		t.Errorf("with the body's fee 120.00: rate %s total %s", st.Rate, st.Total)
	}
	e.Fee = decimal.RequireFromString("500")
	if st, _ = vocational.Compensate(&e, ceilings, examDay); st.Rate.String() != "170.81" {
		t.Errorf("with a fee above the ceiling the rate is %s; want the ceiling", st.Rate)
	}
	e.Type = vocational.Practical
	if _, err := vocational.Compensate(&e, ceilings, examDay); !errors.Is(err, vocational.ErrNoRate) {
		t.Errorf("no ceiling for a practical exam = %v; want ErrNoRate", err)
	}
	if _, err := vocational.Compensate(&e, ceilings, calendar.MustDate(2016, 1, 1)); !errors.Is(err, vocational.ErrNoRate) {
		t.Errorf("no version in 2016 = %v; want ErrNoRate", err)
	}
	bad := vocational.Ceilings{{Group: "", Type: 0, Amount: decimal.NewFromInt(-1)}, {Group: group, Type: vocational.Theory}, {Group: group, Type: vocational.Theory}}
	if err := bad.Validate(); !errors.Is(err, vocational.ErrInvalid) {
		t.Errorf("Validate(bad ceilings) = %v; want ErrInvalid", err)
	}
	// An exam of a group the table does not know: signing is refused and issues nothing.
	en := newEnv(t, 1)
	en.cur.Put(vocational.Curriculum{Code: curCode, Name: "x", School: schoolCode, Group: "Tundmatu rühm", Standard: 10521659}, learner(1))
	ex := en.decided(t, 1)
	if _, err := en.svc.Sign(t.Context(), body, ex.ID, vocational.SignRequest{Signer: en.key, Name: "Mari Maasikas"}); !errors.Is(err, vocational.ErrNoRate) {
		t.Errorf("Sign without a ceiling = %v; want ErrNoRate", err)
	}
	if n := certificates(t, en); n != 0 {
		t.Errorf("the refused signing issued %d certificates", n)
	}
}

// TestCompensateSums_EXV06 is a property of EXV-06: for any ceiling, fee and candidates, every line is
// the rate in whole cents, the lines of each payer add up to its total exactly, State + Invoiced is
// Total, and a line is written for exactly the candidates who took the exam.
func TestCompensateSums_EXV06(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ceiling := decimal.New(rapid.Int64Range(0, 10_000_000).Draw(t, "ceiling"), -int32(rapid.IntRange(0, 4).Draw(t, "places")))
		table := law.Versions[vocational.Ceilings]{{Name: "v", Rule: vocational.Ceilings{{Group: "g", Type: vocational.Theory, Amount: ceiling}}}}
		e := vocational.Exam{Curriculum: vocational.Curriculum{Group: "g"}, Type: vocational.Theory,
			Fee: decimal.New(rapid.Int64Range(0, 1_000_000).Draw(t, "fee"), -2)}
		took := 0
		for i := range rapid.IntRange(0, 60).Draw(t, "candidates") {
			c := vocational.Candidate{Learner: vocational.Learner{ID: "L" + strconv.Itoa(i), StateFunded: rapid.Bool().Draw(t, "state")}}
			switch rapid.IntRange(0, 3).Draw(t, "outcome") {
			case 0: // no result
			case 1:
				c.Result = vocational.Result{On: examDay, Absent: true}
			case 2:
				c.Result, c.Withdrawn = vocational.Result{On: examDay}, vocational.Withdrawal{On: examDay, Reason: "x"}
			default:
				c.Result = vocational.Result{On: examDay}
				took++
			}
			e.Candidates = append(e.Candidates, c)
		}
		st, err := vocational.Compensate(&e, table, examDay)
		if err != nil {
			t.Fatal(err)
		}
		state, invoiced := decimal.Zero, decimal.Zero
		for _, l := range st.Lines {
			if !l.Amount.Equal(st.Rate) || !l.Amount.Equal(l.Amount.Round(2)) {
				t.Fatalf("line %+v is not the rate %s in whole cents", l, st.Rate)
			}
			if l.Payer == vocational.StateBudget {
				state = state.Add(l.Amount)
			} else {
				invoiced = invoiced.Add(l.Amount)
			}
		}
		if len(st.Lines) != took || !state.Equal(st.State) || !invoiced.Equal(st.Invoiced) || !st.State.Add(st.Invoiced).Equal(st.Total) {
			t.Fatalf("%d lines for %d who took it; state %s/%s invoiced %s/%s total %s", len(st.Lines), took, state, st.State, invoiced, st.Invoiced, st.Total)
		}
		if st.Rate.GreaterThan(ceiling.Round(2)) {
			t.Fatalf("rate %s above the ceiling %s", st.Rate, ceiling)
		}
	})
}
