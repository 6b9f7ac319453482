package duplicate_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/deadline"
	"github.com/kutsekit/kutse/duplicate"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/store"
)

// monday is the fixture's first day: Monday 23 November 2026, 11:00 in Tallinn.
var monday = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

func (e *env) day(n int) { e.now = monday.AddDate(0, 0, n) }

// TestService_SCH17_ClosedSchool proves the whole case of a closed school's document: submitted to the
// government of its location, forwarded to the nearest municipality with a school of the level, received
// by that school, which obtains a confirmation of graduation and only then issues the duplicate; the
// original is replaced in the same commit, the invalidation's notice is raised for publication and the
// original goes for destruction (SCH-16..19, SCH-24, SCH-21).
func TestService_SCH17_ClosedSchool(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	orig := e.put(gymnasium("G012345", nooKK, "Nõo Keskkool", d(1995, time.June, 17)))
	res, err := e.svc.Open(ctx, owner(), duplicate.Request{Applicant: holder(), Kind: certificate.Gymnasium, Original: "G012345",
		Year: 1995, Ground: duplicate.Illegible, Attached: []duplicate.Attachment{duplicate.Original}})
	if err != nil {
		t.Fatal(err)
	}
	c := res.Case
	if c.Status != duplicate.Submitted || c.Route.Decider.Code != elvaG || c.Request.Issuer != nooKK || !c.Cost.Amount.Equal(c.Cost.Fee) || c.Cost.Fee.String() != "10" {
		t.Fatalf("opened case = %+v", c)
	}
	if !res.Explanation.Applies("SCH-17") || !res.Explanation.Applies("SCH-20") {
		t.Errorf("explanation rules = %v", res.Explanation.Rules())
	}
	want := []string{"duplicate.opened→" + applicantID, "duplicate.forward→" + nooVald, "duplicate.forward→" + elvaVald, "duplicate.assigned→" + elvaG}
	if got := e.kinds(0); !slices.Equal(got, want) {
		t.Errorf("events = %v; want %v", got, want)
	}
	if _, err := e.svc.Receive(ctx, actor.SchoolOf(nooPK), c.ID, d(2026, time.November, 25)); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Receive by another school = %v; want ErrForbidden", err)
	}
	e.day(3)
	res, err = e.svc.Receive(ctx, actor.SchoolOf(elvaG), c.ID, d(2026, time.November, 25))
	if err != nil || res.Case.Status != duplicate.Received || res.Case.ReceivedOn != d(2026, time.November, 25) {
		t.Fatalf("Receive = %+v, %v", res.Case, err)
	}
	if got := e.kinds(4); !slices.Equal(got, []string{"duplicate.received→" + applicantID, "duplicate.confirmation-requested→"}) {
		t.Errorf("receipt events = %v", got)
	}
	_, err = e.svc.Grant(ctx, actor.SchoolOf(elvaG), c.ID, duplicate.GrantInput{Number: "G700001"})
	wantErr(t, "Grant without confirmation", err, duplicate.ErrNoConfirmation)
	if ruleOf(err) != "SCH-17" {
		t.Errorf("rule = %q; want SCH-17", ruleOf(err))
	}
	if o := e.cert("G012345"); o.Version != orig.Version || !o.Replaced.IsZero() {
		t.Errorf("the refused grant touched the original: %+v", o)
	}
	if _, err := e.svc.Confirm(ctx, actor.SchoolOf(elvaG), c.ID, duplicate.Confirmation{Reference: "RA 1-2/33"}); err != nil {
		t.Fatal(err)
	}
	n := len(e.events())
	res, err = e.svc.Grant(ctx, actor.SchoolOf(elvaG), c.ID, duplicate.GrantInput{Number: "G700001", Decision: "1-3/15"})
	if err != nil {
		t.Fatal(err)
	}
	today := d(2026, time.November, 26)
	dup, o := res.Duplicate, res.Original
	if dup.Number != "G700001" || dup.DuplicateOf != "G012345" || dup.Issuer != "Nõo Keskkool" || dup.IssuerCode != elvaG ||
		dup.Extra[duplicate.ExtraMark] != "Lõputunnistuse nr G012345 duplikaat" || dup.IssuedOn != today {
		t.Errorf("duplicate = %+v", dup)
	}
	if o.Replaced.By != "G700001" || o.Replaced.Date != today || o.StatusOn(today) != certificate.Replaced || o.StatusOn(today.AddDays(-1)) != certificate.Valid {
		t.Errorf("original = %+v", o)
	}
	if res.Case.Status != duplicate.Granted || res.Case.Duplicate != "G700001" || res.Case.DecidedOn != today || res.Case.Version != 4 {
		t.Errorf("granted case = %+v", res.Case)
	}
	if !strings.Contains(res.Notice, "Elva Gümnaasium teatab, et direktori 26.11.2026 otsusega nr 1-3/15 on kehtetuks tunnistatud gümnaasiumi lõputunnistus nr G012345, mille andis välja Nõo Keskkool 17.06.1995") {
		t.Errorf("notice = %s", res.Notice)
	}
	if got := e.kinds(n); !slices.Equal(got, []string{"duplicate.granted→" + applicantID, "certificate.issued→" + applicantID, "duplicate.publish→" + elvaG, "duplicate.destroy→" + harno}) {
		t.Errorf("grant events = %v", got)
	}
	for _, rule := range []string{"SCH-19", "SCH-18", "SCH-24"} {
		if !res.Explanation.Applies(rule) {
			t.Errorf("grant explanation lacks %s:\n%s", rule, res.Explanation)
		}
	}
	// SCH-21: handed over against signature and entered in the pupils' register.
	_, err = e.svc.HandOver(ctx, actor.SchoolOf(elvaG), c.ID, duplicate.HandOver{To: "Ema-Kaks Piskel"})
	var ve *duplicate.ValidationError
	if !errors.As(err, &ve) || ve.Field("RegisterEntry") == nil || ve.Field("RegisterEntry").Rule != "SCH-21" {
		t.Errorf("HandOver without the register entry = %v", err)
	}
	res, err = e.svc.HandOver(ctx, actor.SchoolOf(elvaG), c.ID, duplicate.HandOver{To: "Ema-Kaks Piskel", RegisterEntry: "Õpilasraamat 1995, lk 12, nr 7"})
	if err != nil || res.Case.Status != duplicate.Done || res.Case.HandOver.On != today || !res.Explanation.Applies("SCH-21") {
		t.Fatalf("HandOver = %+v, %v", res.Case, err)
	}
	v, err := e.svc.Get(ctx, owner(), c.ID, today)
	if err != nil || len(v.Deadlines) != 1 || v.Deadlines[0].State != deadline.Met || v.Deadlines[0].Deadline.Due != d(2026, time.December, 9) {
		t.Errorf("Get = %+v, %v", v.Deadlines, err)
	}
	if _, err := e.svc.Get(ctx, actor.SchoolOf(reaalkool), c.ID, today); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Get by a school not on the route = %v", err)
	}
	if _, err := e.svc.Get(ctx, actor.Keeper(""), c.ID, today); err != nil {
		t.Errorf("Get by the registrar = %v", err)
	}
}

// TestService_SCH19_Ground4 proves that a duplicate of a legalised (apostilled) leaving certificate
// leaves the original valid: not replaced, not published, not destroyed; and the applicant pays.
func TestService_SCH19_Ground4(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	e.put(gymnasium("G054321", reaalkool, "Tallinna Reaalkool", d(2013, time.June, 15)))
	res, err := e.svc.Open(ctx, owner(), duplicate.Request{Applicant: holder(), Kind: certificate.Gymnasium, Original: "G054321",
		Year: 2013, Ground: duplicate.Legalised, Attached: []duplicate.Attachment{duplicate.Original}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Case.Status != duplicate.Received || res.Case.ReceivedOn != d(2026, time.November, 23) || res.Case.Cost.Payer != duplicate.Applicant {
		t.Fatalf("opened case = %+v", res.Case)
	}
	n := len(e.events())
	res, err = e.svc.Grant(ctx, actor.SchoolOf(reaalkool), res.Case.ID, duplicate.GrantInput{Number: "G700002"})
	if err != nil {
		t.Fatal(err)
	}
	today := d(2026, time.November, 23)
	if o := e.cert("G054321"); !o.Replaced.IsZero() || o.StatusOn(today) != certificate.Valid || o.Version != 2 {
		t.Errorf("original after a ground-4 duplicate = %+v; want valid, not replaced", o)
	}
	if dup := e.cert("G700002"); dup.StatusOn(today) != certificate.Valid || dup.DuplicateOf != "G054321" {
		t.Errorf("duplicate = %+v", dup)
	}
	if res.Notice != "" {
		t.Errorf("notice for ground 4 = %q", res.Notice)
	}
	if got := e.kinds(n); !slices.Equal(got, []string{"duplicate.granted→" + applicantID, "certificate.issued→" + applicantID}) {
		t.Errorf("events = %v; want no publication, no destruction", got)
	}
}

// TestService_SCH23_Refused proves that a refusal is written with its reason, leaves the original
// untouched, and must be made known within five working days: the notice deadline is pending, due,
// missed, or met when recorded.
func TestService_SCH23_Refused(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	orig := e.put(gymnasium("G054321", reaalkool, "Tallinna Reaalkool", d(2013, time.June, 15)))
	res, err := e.svc.Open(ctx, owner(), duplicate.Request{Applicant: holder(), Kind: certificate.Gymnasium, Original: "G054321",
		Year: 2013, Ground: duplicate.Lost})
	if err != nil {
		t.Fatal(err)
	}
	id := res.Case.ID
	_, err = e.svc.Refuse(ctx, actor.SchoolOf(reaalkool), id, duplicate.RefuseInput{Ground: duplicate.FalseData})
	var ve *duplicate.ValidationError
	if !errors.As(err, &ve) || ve.Field("Reason") == nil {
		t.Errorf("Refuse without a reason = %v", err)
	}
	_, err = e.svc.Refuse(ctx, actor.SchoolOf(reaalkool), id, duplicate.RefuseInput{Ground: duplicate.OriginalNotValid, Reason: "x"})
	wantErr(t, "Refuse(original-not-valid) for a school", err, duplicate.ErrRefusalGround)
	e.day(1)
	res, err = e.svc.Refuse(ctx, actor.SchoolOf(reaalkool), id, duplicate.RefuseInput{Ground: duplicate.FalseData,
		Reason: "taotleja esitas teadlikult valeandmeid", Decision: "1-3/16"})
	if err != nil || res.Case.Status != duplicate.Refused || res.Case.Refusal != duplicate.FalseData || !res.Explanation.Applies("SCH-23") {
		t.Fatalf("Refuse = %+v, %v", res.Case, err)
	}
	if o := e.cert("G054321"); o.Version != orig.Version || !o.Replaced.IsZero() {
		t.Errorf("the refusal touched the original: %+v", o)
	}
	last := e.events()[len(e.events())-1]
	if last.Kind != duplicate.EventRefused || last.Data["notify-by"] != "2026-12-01" || last.Data["reason"] == "" {
		t.Errorf("refusal event = %+v", last)
	}
	for asOf, want := range map[int]deadline.State{27: deadline.Pending, 1: deadline.Due, 2: deadline.Missed} {
		month := time.December
		if asOf > 20 {
			month = time.November
		}
		v, _ := e.svc.Get(ctx, owner(), id, d(2026, month, asOf))
		if len(v.Deadlines) != 2 || v.Deadlines[1].What != "notice" || v.Deadlines[1].State != want || v.Deadlines[1].Rule != "SCH-23" {
			t.Errorf("on %d %s the notice deadline = %+v; want %s", asOf, month, v.Deadlines, want)
		}
	}
	if _, err := e.svc.MarkNotified(ctx, actor.SchoolOf(reaalkool), id, d(2026, time.November, 25)); ruleOf(err) != "SCH-23" {
		t.Errorf("MarkNotified(tomorrow) = %v; want a SCH-23 error", err)
	}
	e.day(2)
	if _, err := e.svc.MarkNotified(ctx, actor.SchoolOf(reaalkool), id, d(2026, time.November, 25)); err != nil {
		t.Fatal(err)
	}
	v, _ := e.svc.Get(ctx, owner(), id, d(2026, time.December, 20))
	if v.Deadlines[0].State != deadline.Met || v.Deadlines[1].State != deadline.Met {
		t.Errorf("deadlines after the notice = %+v", v.Deadlines)
	}
	_, err = e.svc.Grant(ctx, actor.SchoolOf(reaalkool), id, duplicate.GrantInput{Number: "G700003"})
	wantErr(t, "Grant after refusal", err, duplicate.ErrState)
	if o := e.cert("G054321"); o.Version != orig.Version {
		t.Errorf("grant after refusal touched the original")
	}
}

// failing is a store whose IssueDuplicate fails, as a database failing half-way would.
type failing struct{ duplicate.Store }

var errDisk = errors.New("disk full")

func (failing) IssueDuplicate(context.Context, duplicate.Issue) (duplicate.Issued, error) {
	return duplicate.Issued{}, errDisk
}

// TestService_GrantFailsHalfway proves that a decision whose commit fails, or whose duplicate number is
// taken, leaves the original certificate, the case and the outbox untouched (SCH-19, CERT-07).
func TestService_GrantFailsHalfway(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	orig := e.put(gymnasium("G054321", reaalkool, "Tallinna Reaalkool", d(2013, time.June, 15)))
	taken := e.put(gymnasium("G700009", reaalkool, "Tallinna Reaalkool", d(2014, time.June, 15)))
	res, err := e.svc.Open(ctx, owner(), duplicate.Request{Applicant: holder(), Kind: certificate.Gymnasium, Original: "G054321",
		Year: 2013, Ground: duplicate.Lost})
	if err != nil {
		t.Fatal(err)
	}
	c := res.Case
	n := len(e.events())
	check := func(op string) {
		t.Helper()
		if o := e.cert("G054321"); o.Version != orig.Version || !o.Replaced.IsZero() {
			t.Errorf("%s touched the original: %+v", op, o)
		}
		if got, _ := e.st.Case(ctx, c.ID); got.Version != c.Version || got.Status != duplicate.Received || got.Duplicate != "" {
			t.Errorf("%s changed the case: %+v", op, got)
		}
		if len(e.events()) != n {
			t.Errorf("%s wrote %d events", op, len(e.events())-n)
		}
	}
	svc, _ := duplicate.NewService(failing{e.st}, duplicate.Config{Now: func() time.Time { return e.now }, Registry: registry(), Statute: statute})
	if _, err := svc.Grant(ctx, actor.SchoolOf(reaalkool), c.ID, duplicate.GrantInput{Number: "G700001"}); !errors.Is(err, errDisk) {
		t.Errorf("Grant on a failing store = %v", err)
	}
	check("a failing commit")
	if _, err := e.svc.Grant(ctx, actor.SchoolOf(reaalkool), c.ID, duplicate.GrantInput{Number: "G700009"}); !errors.Is(err, store.ErrExists) {
		t.Errorf("Grant on a blank number taken = %v; want ErrExists", err)
	}
	check("a taken number")
	if tk := e.cert("G700009"); tk.Version != taken.Version || tk.DuplicateOf != "" {
		t.Errorf("the certificate holding the number changed: %+v", tk)
	}
	// A concurrent change of the original between read and commit: the grant reads again and wins.
	conc := &racing{Store: e.st, once: true}
	svc2, _ := duplicate.NewService(conc, duplicate.Config{Now: func() time.Time { return e.now }, Registry: registry(), Statute: statute})
	res, err = svc2.Grant(ctx, actor.SchoolOf(reaalkool), c.ID, duplicate.GrantInput{Number: "G700001"})
	if err != nil || res.Original.Version != orig.Version+2 || !res.Original.Hidden || res.Original.Replaced.By != "G700001" {
		t.Errorf("Grant after a concurrent change = %+v, %v", res.Original, err)
	}
}

// racing hides the original (as its owner might) just before the first IssueDuplicate, which then
// meets a stale version.
type racing struct {
	duplicate.Store
	once bool
}

func (r *racing) IssueDuplicate(ctx context.Context, in duplicate.Issue) (duplicate.Issued, error) {
	if r.once {
		r.once = false
		o, _ := r.Store.Certificate(ctx, in.Original.Number)
		o.Hidden = true
		if _, err := r.Store.(certificate.Store).UpdateCertificate(ctx, o, nil); err != nil {
			return duplicate.Issued{}, err
		}
	}
	return r.Store.IssueDuplicate(ctx, in)
}

// TestService_SCH16_BadRequests proves that bad requests get a typed error naming the rule, and that
// nothing is stored: no case, no event.
func TestService_SCH16_BadRequests(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	e.put(gymnasium("G054321", reaalkool, "Tallinna Reaalkool", d(2013, time.June, 15)))
	good := duplicate.Request{Applicant: holder(), Kind: certificate.Gymnasium, Issuer: reaalkool, Year: 2013, Ground: duplicate.Lost}
	for _, tc := range []struct {
		name   string
		change func(*duplicate.Request)
		rule   string
		target error
	}{
		{"no ground", func(r *duplicate.Request) { r.Ground = 0 }, "SCH-16", duplicate.ErrNoGround},
		{"ground the kind has not", func(r *duplicate.Request) { r.Ground = duplicate.Electronic }, "SCH-15", duplicate.ErrGround},
		{"missing attachment", func(r *duplicate.Request) { r.Ground = duplicate.Error }, "SCH-18", duplicate.ErrAttachment},
		{"future year", func(r *duplicate.Request) { r.Year = 2031 }, "SCH-16", duplicate.ErrFutureYear},
		{"unknown school", func(r *duplicate.Request) { r.Issuer = "70123456" }, "SCH-16", duplicate.ErrUnknownSchool},
		{"unknown original", func(r *duplicate.Request) { r.Original = "G999999" }, "SCH-16", duplicate.ErrMismatch},
		{"another school's original", func(r *duplicate.Request) { r.Original, r.Issuer = "G054321", poska }, "SCH-16", duplicate.ErrMismatch},
	} {
		r := good
		tc.change(&r)
		_, err := e.svc.Open(ctx, owner(), r)
		if ruleOf(err) != tc.rule || !errors.Is(err, tc.target) || !errors.Is(err, duplicate.ErrInvalid) {
			t.Errorf("%s: Open = %v; want rule %s, %v", tc.name, err, tc.rule, tc.target)
		}
	}
	if cs, _ := e.st.Cases(ctx, duplicate.CaseQuery{}); len(cs) != 0 {
		t.Errorf("bad requests stored %d cases", len(cs))
	}
	if len(e.events()) != 0 {
		t.Errorf("bad requests wrote %d events", len(e.events()))
	}
	if _, err := e.svc.Open(ctx, owner(), good); err != nil {
		t.Errorf("Open(good) = %v", err)
	}
}

// TestService_SCH16_Actors proves who may do what: the public and other owners may not open, a school
// on the route may register a paper request (received at once), a school not on it may not, and lists
// show each actor only its own cases.
func TestService_SCH16_Actors(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	req := duplicate.Request{Applicant: holder(), Kind: certificate.Gymnasium, Issuer: reaalkool, Year: 2013, Ground: duplicate.Lost}
	other := actor.OwnerOf(isikukood.MustParse("39001010000"))
	for _, a := range []actor.Actor{actor.Anonymous(), other, actor.SchoolOf(poska)} {
		if _, err := e.svc.Open(ctx, a, req); !errors.Is(err, actor.ErrForbidden) {
			t.Errorf("Open by %s = %v; want ErrForbidden", a, err)
		}
	}
	res, err := e.svc.Open(ctx, actor.SchoolOf(reaalkool), req)
	if err != nil || res.Case.Status != duplicate.Received {
		t.Fatalf("Open by the school = %+v, %v", res.Case, err)
	}
	req2 := req
	req2.Issuer = tartu8
	if _, err := e.svc.Open(ctx, owner(), req2); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		a    actor.Actor
		want int
	}{{owner(), 2}, {other, 0}, {actor.SchoolOf(reaalkool), 1}, {actor.SchoolOf(poska), 1}, {actor.Keeper(""), 2}} {
		vs, err := e.svc.List(ctx, tc.a, duplicate.CaseQuery{}, d(2026, time.November, 23))
		if err != nil || len(vs) != tc.want {
			t.Errorf("List by %s = %d cases, %v; want %d", tc.a, len(vs), err, tc.want)
		}
	}
	if _, err := e.svc.List(ctx, actor.Anonymous(), duplicate.CaseQuery{}, d(2026, time.November, 23)); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("List by the public = %v", err)
	}
}

// TestService_CERT07_NameChange proves the owner's self-service order after a change of name: received
// at once by the awarding body, which grants it; the duplicate carries the new name, gets a register
// number, and the register keeps the original (replaced) and the duplicate linked, both in the owner's
// list; the owner pays the body's fee; it is sent by registered mail.
func TestService_CERT07_NameChange(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	e.put(occupational(body))
	res, err := e.svc.Open(ctx, owner(), duplicate.Request{Applicant: holder(), Original: "204580", Ground: duplicate.NameChange, NewName: "Ema-Kaks Tamm"})
	if err != nil {
		t.Fatal(err)
	}
	c := res.Case
	if c.Procedure != duplicate.OccupationalDuplicate || c.Status != duplicate.Received || c.Route.Decider.Code != body || c.Cost.Amount.String() != "20" {
		t.Fatalf("opened = %+v", c)
	}
	if r := c.OwnerRequest(); r.Kind != request.Duplicate || r.Status != request.Open || r.Certificate != "204580" || r.Holder != code() {
		t.Errorf("OwnerRequest = %+v", r)
	}
	if _, err := e.svc.Grant(ctx, actor.Body(goneBody), c.ID, duplicate.GrantInput{}); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Grant by another body = %v", err)
	}
	res, err = e.svc.Grant(ctx, actor.Body(body), c.ID, duplicate.GrantInput{})
	if err != nil {
		t.Fatal(err)
	}
	dup := res.Duplicate
	if dup.Number != "000001" || dup.Holder.Name != "Ema-Kaks Tamm" || dup.Holder.Code != code() || dup.DuplicateOf != "204580" ||
		dup.ValidUntil != d(2030, time.January, 8) || dup.Extra[duplicate.ExtraMark] != "DUPLIKAAT" {
		t.Errorf("duplicate = %+v", dup)
	}
	if res.Original.Replaced.By != "000001" || res.Case.Duplicate != "000001" || res.Form.OriginalNumber {
		t.Errorf("original %+v, case duplicate %q", res.Original.Replaced, res.Case.Duplicate)
	}
	hs, _ := e.st.HolderCertificates(ctx, code())
	if len(hs) != 2 {
		t.Fatalf("owner's certificates = %d; want the original and the duplicate", len(hs))
	}
	today := d(2026, time.November, 23)
	for _, h := range hs {
		want := certificate.Valid
		if h.Number == "204580" {
			want = certificate.Replaced
		}
		if st := h.StatusOn(today); st != want {
			t.Errorf("%s on %s is %s; want %s", h.Number, today, st, want)
		}
	}
	if r := res.Case.OwnerRequest(); r.Status != request.Done || r.Data["duplicate"] != "000001" {
		t.Errorf("OwnerRequest after grant = %+v", r)
	}
	if _, err := e.svc.HandOver(ctx, actor.Body(body), c.ID, duplicate.HandOver{}); err == nil {
		t.Error("HandOver with no one and no post = nil error")
	}
	res, err = e.svc.HandOver(ctx, actor.Body(body), c.ID, duplicate.HandOver{ByPost: true})
	if err != nil || res.Case.Status != duplicate.Done || !res.Explanation.Applies("CERT-07") {
		t.Errorf("HandOver by post = %+v, %v", res.Case, err)
	}
}

// TestService_CERT07_ByIssuer proves that the awarding body may open a duplicate for an error in its
// own data (X-Road reason 3) without the original attached, bears its cost, and issues the corrected
// data; another body may not open it.
func TestService_CERT07_ByIssuer(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	e.put(occupational(body))
	g, _ := duplicate.GroundFromXRoad(3)
	req := duplicate.Request{Applicant: holder(), Original: "204580", Ground: g, ByIssuer: true}
	if _, err := e.svc.Open(ctx, actor.Body(goneBody), req); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Open(by issuer) by another body = %v", err)
	}
	res, err := e.svc.Open(ctx, actor.Body(body), req)
	if err != nil {
		t.Fatal(err)
	}
	if res.Case.Cost.Payer != duplicate.Issuer || !res.Case.Cost.Amount.IsZero() || res.Case.Status != duplicate.Received {
		t.Errorf("case = %+v", res.Case)
	}
	res, err = e.svc.Grant(ctx, actor.Body(body), res.Case.ID, duplicate.GrantInput{Corrections: duplicate.Corrections{ExamLanguage: "inglise keel"}})
	if err != nil || res.Duplicate.ExamLanguage != "inglise keel" || res.Duplicate.Holder.Name != "Ema-Kaks Piskel" {
		t.Errorf("Grant = %+v, %v", res.Duplicate, err)
	}
}

// TestService_CERT07_Kutsekoda proves that where the awarding body no longer exists, Kutsekoda (the
// registrar) decides and issues.
func TestService_CERT07_Kutsekoda(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	e.put(occupational(goneBody))
	res, err := e.svc.Open(ctx, owner(), duplicate.Request{Applicant: holder(), Original: "204580", Ground: duplicate.Lost})
	if err != nil {
		t.Fatal(err)
	}
	if res.Case.Route.Decider != duplicate.Kutsekoda() {
		t.Fatalf("decider = %+v", res.Case.Route.Decider)
	}
	if _, err := e.svc.Grant(ctx, actor.Body(goneBody), res.Case.ID, duplicate.GrantInput{}); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Grant by the body that no longer exists = %v", err)
	}
	res, err = e.svc.Grant(ctx, actor.Keeper("90006414"), res.Case.ID, duplicate.GrantInput{Number: "E015992"})
	if err != nil || res.Duplicate.IssuerCode != "90006414" || res.Duplicate.Number != "E015992" || res.Form.Seal != "Kutsekoja pitsat" {
		t.Errorf("Grant by Kutsekoda = %+v, %v", res.Duplicate, err)
	}
}

// TestService_CERT07_Expired proves that an expired original cannot be duplicated: Grant is refused
// with a rule error and the awarding body refuses the request on Reg74 § 8 (2) p 4.
func TestService_CERT07_Expired(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	o := occupational(body)
	o.ValidUntil = d(2026, time.January, 8)
	e.put(o)
	res, err := e.svc.Open(ctx, owner(), duplicate.Request{Applicant: holder(), Original: "204580", Ground: duplicate.Lost})
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.svc.Grant(ctx, actor.Body(body), res.Case.ID, duplicate.GrantInput{})
	wantErr(t, "Grant(expired)", err, duplicate.ErrOriginalNotValid)
	if ruleOf(err) != "CERT-07" {
		t.Errorf("rule = %q", ruleOf(err))
	}
	res, err = e.svc.Refuse(ctx, actor.Body(body), res.Case.ID, duplicate.RefuseInput{Ground: duplicate.OriginalNotValid, Reason: "kutsetunnistuse kehtivus on lõppenud"})
	if err != nil || res.Case.Status != duplicate.Refused {
		t.Errorf("Refuse = %+v, %v", res.Case, err)
	}
	if v, _ := e.svc.Get(ctx, owner(), res.Case.ID, d(2026, time.November, 23)); len(v.Deadlines) != 2 || v.Deadlines[1].Rule != "CERT-07" || v.Deadlines[1].Deadline.Due != d(2026, time.November, 30) {
		t.Errorf("deadlines = %+v", v.Deadlines)
	}
}

// TestService_CERT07_NewPersonalCode proves ground 5: the owner acts under the new code, the duplicate
// carries it, and both codes find the case.
func TestService_CERT07_NewPersonalCode(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	e.put(occupational(body))
	nc := isikukood.MustParse("39001010000")
	res, err := e.svc.Open(ctx, actor.OwnerOf(nc), duplicate.Request{Applicant: holder(), Original: "204580", Ground: duplicate.NewPersonalCode,
		NewCode: nc, NewName: "Uus Nimi", Attached: []duplicate.Attachment{duplicate.Original}})
	if err != nil {
		t.Fatal(err)
	}
	res, err = e.svc.Grant(ctx, actor.Body(body), res.Case.ID, duplicate.GrantInput{})
	if err != nil || res.Duplicate.Holder.Code != nc || res.Duplicate.Holder.Name != "Uus Nimi" {
		t.Fatalf("Grant = %+v, %v", res.Duplicate.Holder, err)
	}
	for _, a := range []actor.Actor{owner(), actor.OwnerOf(nc)} {
		if vs, _ := e.svc.List(ctx, a, duplicate.CaseQuery{}, calendarZero); len(vs) != 1 {
			t.Errorf("List by %v = %d cases; want 1", a.Person, len(vs))
		}
	}
	if hs, _ := e.st.HolderCertificates(ctx, nc); len(hs) != 1 || hs[0].DuplicateOf != "204580" {
		t.Errorf("certificates under the new code = %+v", hs)
	}
}

// TestService_SCH14_Exchange proves the exchange of a paper state-exam certificate: the exam centre
// issues an electronic one (numbered from its series), the paper original is invalidated, destroyed and
// the invalidation published at the centre's cost; the decision must be made known within five working
// days.
func TestService_SCH14_Exchange(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	e.put(stateExam("R000777"))
	res, err := e.svc.Open(ctx, owner(), duplicate.Request{Applicant: holder(), Original: "R000777", Paper: true, Ground: duplicate.Electronic,
		Contact: "ema@example.ee", ExamTime: d(2009, time.May, 5), Attached: []duplicate.Attachment{duplicate.Original}})
	if err != nil {
		t.Fatal(err)
	}
	c := res.Case
	if c.Procedure != duplicate.StateExamExchange || c.Route.Decider.Code != harno || c.Status != duplicate.Received {
		t.Fatalf("case = %+v", c)
	}
	if v, _ := e.svc.Get(ctx, owner(), c.ID, d(2026, time.November, 23)); v.Deadlines[0].Deadline.Due != d(2026, time.December, 23) || v.Deadlines[0].Rule != "SCH-14" {
		t.Errorf("decision deadline = %+v", v.Deadlines[0])
	}
	n := len(e.events())
	res, err = e.svc.Grant(ctx, actor.Centre(harno), c.ID, duplicate.GrantInput{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Duplicate.Number != "R000001" || res.Duplicate.Kind != certificate.StateExam || res.Duplicate.Extra[duplicate.ExtraMedium] != "electronic" ||
		res.Form.Mark != "" || res.Case.Status != duplicate.Done || res.Original.Replaced.By != "R000001" {
		t.Errorf("exchange = %+v / %+v", res.Duplicate, res.Case)
	}
	if got := e.kinds(n); !slices.Equal(got, []string{"duplicate.granted→" + applicantID, "certificate.issued→" + applicantID, "duplicate.publish→" + harno, "duplicate.destroy→" + harno}) {
		t.Errorf("events = %v", got)
	}
	if !strings.Contains(res.Notice, "paberkandjal riigieksamitunnistus nr R000777") {
		t.Errorf("notice = %s", res.Notice)
	}
	v, _ := e.svc.Get(ctx, owner(), c.ID, d(2026, time.November, 30))
	if len(v.Deadlines) != 2 || v.Deadlines[1].Deadline.Due != d(2026, time.November, 30) || v.Deadlines[1].State != deadline.Due {
		t.Errorf("notice deadline = %+v", v.Deadlines)
	}
}

// TestService_SCH12_Correction proves that an electronic state-exam certificate with an error is
// replaced by a new one with the corrected data, at the centre's cost.
func TestService_SCH12_Correction(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	se := stateExam("R000888")
	se.Extra = map[string]string{"medium": "electronic", "eesti keel": "71"}
	e.put(se)
	res, err := e.svc.Open(ctx, owner(), duplicate.Request{Applicant: holder(), Original: "R000888", Ground: duplicate.Error})
	if err != nil || res.Case.Procedure != duplicate.StateExamCorrection || !res.Case.Cost.Amount.IsZero() {
		t.Fatalf("Open = %+v, %v", res.Case, err)
	}
	res, err = e.svc.Grant(ctx, actor.Centre(harno), res.Case.ID, duplicate.GrantInput{Corrections: duplicate.Corrections{Extra: map[string]string{"eesti keel": "77"}}})
	if err != nil || res.Duplicate.Extra["eesti keel"] != "77" || res.Original.StatusOn(d(2026, time.November, 23)) != certificate.Replaced || res.Notice != "" {
		t.Errorf("Grant = %+v, %v", res.Duplicate, err)
	}
}

// TestService_SCH13_Legalised proves that the owner of an apostilled paper state-exam certificate gets an
// electronic one and keeps the paper one valid, neither invalidated nor destroyed.
func TestService_SCH13_Legalised(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	e.put(stateExam("R000777"))
	res, err := e.svc.Open(ctx, owner(), duplicate.Request{Applicant: holder(), Original: "R000777", Paper: true, Ground: duplicate.Legalised})
	if err != nil || res.Case.Procedure != duplicate.StateExamLegalised {
		t.Fatalf("Open = %+v, %v", res.Case, err)
	}
	n := len(e.events())
	res, err = e.svc.Grant(ctx, actor.Centre(harno), res.Case.ID, duplicate.GrantInput{})
	if err != nil {
		t.Fatal(err)
	}
	if o := e.cert("R000777"); !o.Replaced.IsZero() || o.StatusOn(d(2026, time.November, 23)) != certificate.Valid {
		t.Errorf("the apostilled original = %+v; want it valid", o)
	}
	if got := e.kinds(n); slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "destroy") || strings.Contains(s, "publish") }) {
		t.Errorf("events = %v; want no destruction or publication", got)
	}
}

// TestService_SCH22_Certify proves that a certificate of graduation can be issued instead of a
// duplicate, with its seven items, leaving the original untouched.
func TestService_SCH22_Certify(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	res, err := e.svc.Open(ctx, owner(), duplicate.Request{Applicant: holder(), Kind: certificate.Gymnasium, Issuer: tartu8, Year: 1995, Ground: duplicate.Lost})
	if err != nil {
		t.Fatal(err)
	}
	id := res.Case.ID
	if _, err := e.svc.Receive(ctx, actor.SchoolOf(poska), id, calendarZero); err != nil {
		t.Fatal(err)
	}
	_, err = e.svc.Certify(ctx, actor.SchoolOf(poska), id, duplicate.GraduationCertificate{Name: "Ema-Kaks Piskel"})
	var ve *duplicate.ValidationError
	if !errors.As(err, &ve) || ve.Field("Curriculum") == nil || ve.Field("Curriculum").Rule != "SCH-22" {
		t.Errorf("Certify(incomplete) = %v", err)
	}
	res, err = e.svc.Certify(ctx, actor.SchoolOf(poska), id, duplicate.GraduationCertificate{Name: "Ema-Kaks Piskel", Code: code(),
		Curriculum: "keskkooli õppekava", Graduated: d(1995, time.June, 17), Signatory: "Jaan Poska, direktor", Seal: true})
	if err != nil || res.Case.Status != duplicate.Certified || res.Case.Graduation.School != "Tartu 8. Keskkool" || res.Case.Graduation.IssuedOn != d(2026, time.November, 23) {
		t.Fatalf("Certify = %+v, %v", res.Case, err)
	}
	last := e.events()[len(e.events())-1]
	if last.Kind != duplicate.EventCertified || !strings.Contains(last.Data["text"], "4) Kool: Tartu 8. Keskkool") {
		t.Errorf("event = %+v", last)
	}
}

// TestService_SCH19_DeadlineList proves that cases are listed with the decision deadline, two weeks
// from receipt, pending, due on its day and missed after it; a decision after it missed it.
func TestService_SCH19_DeadlineList(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	e.put(gymnasium("G054321", reaalkool, "Tallinna Reaalkool", d(2013, time.June, 15)))
	res, err := e.svc.Open(ctx, owner(), duplicate.Request{Applicant: holder(), Kind: certificate.Gymnasium, Original: "G054321", Year: 2013, Ground: duplicate.Lost})
	if err != nil {
		t.Fatal(err)
	}
	for day, want := range map[int]deadline.State{1: deadline.Pending, 7: deadline.Due, 8: deadline.Missed} {
		vs, err := e.svc.List(ctx, actor.SchoolOf(reaalkool), duplicate.CaseQuery{Open: true}, d(2026, time.December, day))
		if err != nil || len(vs) != 1 || vs[0].Deadlines[0].State != want || vs[0].Deadlines[0].Rule != "SCH-19" {
			t.Errorf("List on %d December = %+v, %v; want %s", day, vs, err, want)
		}
	}
	e.now = time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC)
	if _, err := e.svc.Grant(ctx, actor.SchoolOf(reaalkool), res.Case.ID, duplicate.GrantInput{Number: "G700001"}); err != nil {
		t.Fatal(err)
	}
	vs, _ := e.svc.List(ctx, actor.SchoolOf(reaalkool), duplicate.CaseQuery{}, d(2026, time.December, 31))
	if vs[0].Deadlines[0].State != deadline.Missed || vs[0].Deadlines[0].Done != d(2026, time.December, 8) {
		t.Errorf("a late decision = %+v", vs[0].Deadlines[0])
	}
	if vs, _ := e.svc.List(ctx, actor.SchoolOf(reaalkool), duplicate.CaseQuery{Open: false}, calendarZero); len(vs) != 1 {
		t.Errorf("List(all) = %d", len(vs))
	}
}

// TestService_SCH21_HandOver proves that a school duplicate is handed over against signature, never
// sent, entered in the pupils' register, and has the same legal force as the original; it is handed
// over once, and only after it is granted.
func TestService_SCH21_HandOver(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	e.put(gymnasium("G054321", reaalkool, "Tallinna Reaalkool", d(2013, time.June, 15)))
	res, err := e.svc.Open(ctx, owner(), duplicate.Request{Applicant: holder(), Kind: certificate.Gymnasium, Original: "G054321", Year: 2013, Ground: duplicate.Lost})
	if err != nil {
		t.Fatal(err)
	}
	id := res.Case.ID
	school := actor.SchoolOf(reaalkool)
	h := duplicate.HandOver{To: "Mari Piskel", Authorised: true, RegisterEntry: "Õpilasraamat 2013, nr 112"}
	_, err = e.svc.HandOver(ctx, school, id, h)
	wantErr(t, "HandOver before the grant", err, duplicate.ErrState)
	if ruleOf(err) != "SCH-21" {
		t.Errorf("rule = %q", ruleOf(err))
	}
	if _, err := e.svc.Grant(ctx, school, id, duplicate.GrantInput{Number: "G700001"}); err != nil {
		t.Fatal(err)
	}
	post := h
	post.ByPost = true
	var ve *duplicate.ValidationError
	if _, err := e.svc.HandOver(ctx, school, id, post); !errors.As(err, &ve) || ve.Field("ByPost") == nil {
		t.Errorf("HandOver by post = %v; want refused (against signature)", err)
	}
	if _, err := e.svc.HandOver(ctx, owner(), id, h); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("HandOver by the owner = %v", err)
	}
	e.day(2)
	res, err = e.svc.HandOver(ctx, school, id, h)
	if err != nil {
		t.Fatal(err)
	}
	c := res.Case
	if c.Status != duplicate.Done || c.HandOver.On != d(2026, time.November, 25) || c.HandOver.To != "Mari Piskel" || !c.HandOver.Authorised ||
		c.HandOver.RegisterEntry != h.RegisterEntry || c.NotifiedOn != c.HandOver.On {
		t.Errorf("handed over = %+v", c)
	}
	if res.Explanation.Steps[1].Citation.String() != "RT I 2010, 58, 391 § 18 lg 6" || !res.Explanation.Applies("SCH-21") {
		t.Errorf("explanation:\n%s", res.Explanation)
	}
	last := e.events()[len(e.events())-1]
	if last.Kind != duplicate.EventHandedOver || last.Recipient != applicantID || last.Data["register-entry"] != h.RegisterEntry {
		t.Errorf("event = %+v", last)
	}
	_, err = e.svc.HandOver(ctx, school, id, h)
	wantErr(t, "HandOver twice", err, duplicate.ErrState)
}

// TestService_SCH24_DuplicateOfDuplicate proves that a replaced original is not duplicated again (the
// request is about the duplicate that replaced it), and that the duplicate of a duplicate carries the
// first original's number in its mark.
func TestService_SCH24_DuplicateOfDuplicate(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	school := actor.SchoolOf(reaalkool)
	e.put(gymnasium("G054321", reaalkool, "Tallinna Reaalkool", d(2013, time.June, 15)))
	req := duplicate.Request{Applicant: holder(), Kind: certificate.Gymnasium, Original: "G054321", Year: 2013, Ground: duplicate.Lost}
	res, _ := e.svc.Open(ctx, owner(), req)
	if _, err := e.svc.Grant(ctx, school, res.Case.ID, duplicate.GrantInput{Number: "G700001"}); err != nil {
		t.Fatal(err)
	}
	res, _ = e.svc.Open(ctx, owner(), req)
	_, err := e.svc.Grant(ctx, school, res.Case.ID, duplicate.GrantInput{Number: "G700002"})
	wantErr(t, "Grant on a replaced original", err, duplicate.ErrOriginalNotValid)
	if err == nil || !strings.Contains(err.Error(), "G700001") {
		t.Errorf("error = %v; want it to name the duplicate that replaced the original", err)
	}
	req.Original = "G700001"
	res, err = e.svc.Open(ctx, owner(), req)
	if err != nil {
		t.Fatal(err)
	}
	res, err = e.svc.Grant(ctx, school, res.Case.ID, duplicate.GrantInput{Number: "G700003"})
	if err != nil || res.Form.Mark != "Lõputunnistuse nr G054321 duplikaat" || res.Duplicate.DuplicateOf != "G700001" || res.Original.Replaced.By != "G700003" {
		t.Errorf("duplicate of a duplicate = %q of %q, %v", res.Form.Mark, res.Duplicate.DuplicateOf, err)
	}
}

// TestService_SCH02_SuccessorDecides proves who decides a reorganised school's duplicate, which
// invalidates the original (SCH-17: § 17 (3), SCH-19: § 18 (1); SCH-02: § 5 (2)): its successor,
// whether it acts as a school or as the successor of the reorganised one; not the reorganised school
// itself, not another school, not the minister (whom § 17–18 do not name).
func TestService_SCH02_SuccessorDecides(t *testing.T) {
	for _, tt := range []struct {
		name    string
		a       actor.Actor
		allowed bool
	}{
		{"the successor as a school", actor.SchoolOf(kivilinnaK), true},
		{"the successor as successor", actor.SuccessorOf(kivilinnaK, kivilinna), true},
		{"the successor naming another predecessor", actor.SuccessorOf(kivilinnaK, nooKK), false},
		{"another school as its successor", actor.SuccessorOf(poska, kivilinna), false},
		{"the reorganised school", actor.SchoolOf(kivilinna), false},
		{"the minister", actor.MinisterOf(""), false},
		{"a qualification committee", actor.CommitteeOf(kivilinnaK), false},
	} {
		e := newEnv(t, monday)
		ctx := context.Background()
		res := e.openLost("G012345", kivilinna, "Tartu Kivilinna Gümnaasium")
		if _, err := e.svc.Receive(ctx, actor.SchoolOf(kivilinnaK), res.Case.ID, calendarZero); err != nil {
			t.Fatal(err)
		}
		_, err := e.svc.Grant(ctx, tt.a, res.Case.ID, duplicate.GrantInput{Number: "G700009"})
		switch {
		case tt.allowed && err != nil:
			t.Errorf("SCH-02 %s: Grant = %v; want allowed", tt.name, err)
		case !tt.allowed && !errors.Is(err, actor.ErrForbidden):
			t.Errorf("SCH-02 %s: Grant = %v; want ErrForbidden", tt.name, err)
		}
	}
}

// TestMemRegistry_SCH02_AnsweringSchool proves that the fixture registry tells certificate.Registry
// who answers for a school's documents (§ 5 (2)): the school while it works, its successor after
// reorganisations, nobody (the minister) once closed with no successor.
func TestMemRegistry_SCH02_AnsweringSchool(t *testing.T) {
	var _ certificate.Schools = (*duplicate.MemRegistry)(nil)
	reg := registry()
	for code, want := range map[string]string{reaalkool: reaalkool, kivilinna: kivilinnaK, chainA: "", tartu8: "", nooKK: ""} {
		if got, err := reg.AnsweringSchool(context.Background(), code); err != nil || got != want {
			t.Errorf("AnsweringSchool(%s) = %q, %v; want %q", code, got, err, want)
		}
	}
	if _, err := reg.AnsweringSchool(context.Background(), cycleA); err == nil {
		t.Error("AnsweringSchool(a cycle of successors) = nil error; want one")
	}
	if _, err := reg.AnsweringSchool(context.Background(), "99999999"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("AnsweringSchool(unknown) = %v; want ErrNotFound", err)
	}
}

// TestService_SCH02_ListByRole proves that the roles that decide no duplicate case (a qualification
// committee, a sectoral council, the minister) list none, and a successor sees the cases routed to it.
func TestService_SCH02_ListByRole(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	res := e.openLost("G012345", kivilinna, "Tartu Kivilinna Gümnaasium")
	for _, a := range []actor.Actor{actor.CommitteeOf(body), actor.CouncilOf("KN-05", body), actor.MinisterOf("")} {
		if _, err := e.svc.List(ctx, a, duplicate.CaseQuery{}, calendarZero); !errors.Is(err, actor.ErrForbidden) {
			t.Errorf("List by %v = %v; want ErrForbidden", a, err)
		}
	}
	succ := actor.SuccessorOf(kivilinnaK, kivilinna)
	if vs, err := e.svc.List(ctx, succ, duplicate.CaseQuery{}, calendarZero); err != nil || len(vs) != 1 {
		t.Errorf("List by the successor = %d cases, %v; want 1", len(vs), err)
	}
	if _, err := e.svc.Get(ctx, succ, res.Case.ID, calendarZero); err != nil {
		t.Errorf("Get by the successor = %v", err)
	}
}

// openLost stores the gymnasium certificate no of school and opens the owner's request for its
// duplicate on the ground lost.
func (e *env) openLost(no, school, name string) duplicate.Result {
	e.t.Helper()
	e.put(gymnasium(no, school, name, d(2013, time.June, 17)))
	res, err := e.svc.Open(context.Background(), owner(), duplicate.Request{Applicant: holder(), Kind: certificate.Gymnasium,
		Original: certificate.Number(no), Year: 2013, Ground: duplicate.Lost})
	if err != nil {
		e.t.Fatal(err)
	}
	return res
}

// TestService_CERT07_IssuerFault proves that the cost of an occupational duplicate follows fault
// (Reg74 § 10 (5)): the owner who lost the certificate pays the body's fee; when the body, deciding,
// finds the ground arose through its fault, the case's cost moves to it in the same commit; a school
// duplicate's cost follows the ground, so the flag is refused there.
func TestService_CERT07_IssuerFault(t *testing.T) {
	e := newEnv(t, monday)
	ctx := context.Background()
	e.put(occupational(body))
	res, err := e.svc.Open(ctx, owner(), duplicate.Request{Applicant: holder(), Original: "204580", Ground: duplicate.Illegible,
		Attached: []duplicate.Attachment{duplicate.Original}})
	if err != nil {
		t.Fatal(err)
	}
	if c := res.Case.Cost; c.Payer != duplicate.Applicant || c.Amount.String() != "20" {
		t.Fatalf("cost at opening = %+v; want the owner to pay the body's 20.00", c)
	}
	res, err = e.svc.Grant(ctx, actor.Body(body), res.Case.ID, duplicate.GrantInput{IssuerFault: true})
	if err != nil {
		t.Fatal(err)
	}
	if c := res.Case.Cost; c.Payer != duplicate.Issuer || !c.Amount.IsZero() || !res.Explanation.Applies("CERT-07") {
		t.Errorf("cost after the body found its fault = %+v; want the body to pay", c)
	}
	if got, _ := e.svc.Get(ctx, owner(), res.Case.ID, calendarZero); got.Case.Cost.Payer != duplicate.Issuer {
		t.Errorf("stored cost = %+v; want the issuer's", got.Case.Cost)
	}
	school := e.openLost("G012345", reaalkool, "Tallinna Reaalkool")
	_, err = e.svc.Grant(ctx, actor.SchoolOf(reaalkool), school.Case.ID, duplicate.GrantInput{Number: "G700011", IssuerFault: true})
	wantErr(t, "Grant(school, IssuerFault)", err, duplicate.ErrInvalid)
}
