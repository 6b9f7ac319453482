package application_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// TestWhere_APP03 proves "apply here" or "go to <URL>": here only where the body has joined and set
// the qualification up (documents marked, its information added); otherwise its own environment's
// address, else its page on the qualification, else its home page; and an error for a body that
// does not award the standard, whose right has ended, or a day no version of the standard covers.
func TestWhere_APP03(t *testing.T) {
	std, b, day := sample.WelderStandard(), sample.MachineIndustry(), calendar.MustDate(2026, time.November, 23)
	joined := sample.MachineIndustrySettings()
	for _, tc := range []struct {
		name string
		set  func(s *application.Settings)
		here bool
		url  string
	}{
		{"joined and set up", func(*application.Settings) {}, true, ""},
		{"not joined: its own environment", func(s *application.Settings) { s.Joined, s.External = false, "https://taotlus.emtl.ee" }, false, "https://taotlus.emtl.ee"},
		{"joined, the qualification received elsewhere", func(s *application.Settings) { s.Qualifications[0].External = "https://emtl.ee/keevitaja/taotle" }, false, "https://emtl.ee/keevitaja/taotle"},
		{"joined, the qualification not set up", func(s *application.Settings) { s.Qualifications[0].Info = register.BodyInfo{} }, false, "https://www.emtl.ee/keevitaja"},
		{"joined, no settings for the qualification", func(s *application.Settings) { s.Qualifications = nil }, false, "https://www.emtl.ee/keevitaja"},
		{"no settings at all", func(s *application.Settings) { *s = application.Settings{} }, false, "https://www.emtl.ee/keevitaja"},
	} {
		s := joined.Clone()
		tc.set(&s)
		d, err := application.Where(std, b, s, day)
		if err != nil || d.Here != tc.here || d.URL != tc.url {
			t.Errorf("%s: Where = here %v, %q, %v; want here %v, %q", tc.name, d.Here, d.URL, err, tc.here, tc.url)
			continue
		}
		if !d.Explanation.Applies("APP-03") || !d.Explanation.Applies("GEN-04") || d.Version.ID != sample.WelderV9 {
			t.Errorf("%s: explanation %s, version %s; want APP-03 and GEN-04, version 9", tc.name, d.Explanation, d.Version.ID)
		}
	}
	noLink := b.Clone()
	noLink.Awards[0].Info.Link = ""
	if d, _ := application.Where(std, noLink, application.Settings{}, day); d.URL != "https://www.emtl.ee" {
		t.Errorf("Where(no page on the qualification) = %q; want the home page", d.URL)
	}
	noLink.Contacts.HomePage = ""
	if d, _ := application.Where(std, noLink, application.Settings{}, day); d.Here || d.URL != "" || !strings.Contains(d.Explanation.Render(law.English), "no address") {
		t.Errorf("Where(no address at all) = %+v; want elsewhere, no URL, said so", d)
	}
	if _, err := application.Where(sample.DiagnosticianStandard(), b, joined, day); !errors.Is(err, application.ErrNotAwarded) {
		t.Errorf("Where(a standard the body does not award) = %v; want ErrNotAwarded", err)
	}
	ended := b.Clone()
	ended.Mandate = law.Period{From: calendar.MustDate(2021, 1, 1), Until: calendar.MustDate(2025, 12, 31)}
	if _, err := application.Where(std, ended, joined, day); !errors.Is(err, application.ErrNotAwarded) {
		t.Errorf("Where(the body's right ended) = %v; want ErrNotAwarded", err)
	}
	if _, err := application.Where(std, b, joined, calendar.MustDate(2020, 1, 1)); !errors.Is(err, application.ErrNoStandard) {
		t.Errorf("Where(before the first version) = %v; want ErrNoStandard", err)
	}
	if d, _ := application.Where(std, b, joined, calendar.MustDate(2025, 5, 5)); d.Version.ID != sample.Welder {
		t.Errorf("Where(2025) applies version %s; want version 8 (GEN-04)", d.Version.ID)
	}
}

// TestStart_APP03_elsewhere proves that the service sends a person to the body's own environment,
// storing nothing, where the body has not joined.
func TestStart_APP03_elsewhere(t *testing.T) {
	e := newEnv(t)
	set, _ := e.svc.Settings(t.Context(), actor.Anonymous(), sample.MachineIndustryCode)
	set.Joined, set.External = false, "https://taotlus.emtl.ee"
	if _, err := e.svc.PutSettings(t.Context(), body, set); err != nil {
		t.Fatal(err)
	}
	d, err := e.svc.Where(t.Context(), actor.Anonymous(), sample.Welder, sample.MachineIndustryCode)
	if err != nil || d.Here || d.URL != "https://taotlus.emtl.ee" {
		t.Errorf("Where = %+v, %v", d, err)
	}
	_, err = e.svc.Start(t.Context(), applicant, application.StartInput{Standard: sample.Welder, Body: sample.MachineIndustryCode, Kind: application.First})
	var away *application.ElsewhereError
	if !errors.As(err, &away) || away.URL != "https://taotlus.emtl.ee" || !errors.Is(err, application.ErrElsewhere) {
		t.Errorf("Start = %v; want an ElsewhereError with the address", err)
	}
	if mine, _ := e.svc.Mine(t.Context(), applicant); len(mine) != 0 {
		t.Errorf("the refused start stored %d applications", len(mine))
	}
	if _, err := e.svc.Where(t.Context(), actor.Anonymous(), 12345, sample.MachineIndustryCode); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Where(unknown standard) = %v; want ErrNotFound", err)
	}
}

// TestSettings_APP03_APP04 proves the settings' checks, that only the body itself (or the
// registrar) sets them, and optimistic concurrency on them.
func TestSettings_APP03_APP04(t *testing.T) {
	bad := application.Settings{Body: "123", Joined: false, External: "ftp://x",
		Partners: []application.Partner{{Code: "80040205", Name: ""}, {Code: "abc"}},
		Qualifications: []application.Qualification{{Standard: 0, Documents: []application.DocumentSpec{{Code: "a b"}, {Code: "cv", Name: application.Text{Et: "CV"}}, {Code: "cv", Name: application.Text{Et: "CV"}}},
			Info: register.BodyInfo{Link: "www.x.ee", Rounds: []register.Round{{Opens: calendar.MustDate(2026, 5, 1), Closes: calendar.MustDate(2026, 4, 1)}}}, ValidityMonths: -1}}}
	bad.Body = "80040205"
	err := bad.Validate()
	for _, f := range []string{"External", "Partners[0].Code", "Partners[0].Name", "Partners[1].Code", "Qualifications[0].Standard",
		"Qualifications[0].Documents[0].Code", "Qualifications[0].Documents[0].Name.Et", "Qualifications[0].Documents[2].Code",
		"Qualifications[0].Info.Link", "Qualifications[0].Info.Rounds[0].Closes", "Qualifications[0].ValidityMonths"} {
		if fieldErr(err, f) == nil {
			t.Errorf("Validate = %v; want an error for %s", err, f)
		}
	}
	notJoined := application.Settings{Body: "80040205"}
	if fieldErr(notJoined.Validate(), "External") == nil {
		t.Error("a body that has not joined without the address of its environment passed")
	}

	e := newEnv(t)
	set, _ := e.svc.Settings(t.Context(), body, sample.MachineIndustryCode)
	for _, a := range []actor.Actor{partner, actor.Body(sample.AutonomousCode), applicant} {
		if _, err := e.svc.PutSettings(t.Context(), a, set); !errors.Is(err, actor.ErrForbidden) {
			t.Errorf("PutSettings(%v) = %v; want ErrForbidden", a, err)
		}
	}
	next, err := e.svc.PutSettings(t.Context(), keeper, set)
	if err != nil || next.Version != set.Version+1 {
		t.Errorf("PutSettings(registrar) = v%d, %v", next.Version, err)
	}
	if _, err := e.svc.PutSettings(t.Context(), body, set); !errors.Is(err, store.ErrConflict) {
		t.Errorf("PutSettings(stale) = %v; want ErrConflict", err)
	}
}

// TestPartner_APP04 proves that a person submits to a partner only where the body authorised it for
// the qualification, that the partner receives only what was submitted to it while it is
// authorised, and that it never decides.
func TestPartner_APP04(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	if _, err := e.svc.Start(ctx, applicant, application.StartInput{Standard: sample.Welder, Body: sample.MachineIndustryCode, Kind: application.First, Receiver: "10000025"}); !errors.Is(err, application.ErrPartner) {
		t.Errorf("Start(to an organisation not authorised) = %v; want refused", err)
	}
	direct := e.received(t) // submitted to the body itself
	if _, err := e.svc.Get(ctx, partner, direct.ID); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("the partner reads an application submitted to the body: %v", err)
	}
	app := e.draft(t, application.StartInput{Receiver: sample.WeldingSchoolCode})
	app = must(t)(e.svc.Submit(ctx, applicant, app.ID, app.Version))
	if got, err := e.svc.Get(ctx, partner, app.ID); err != nil || got.ID != app.ID {
		t.Errorf("Get(partner) = %v", err)
	}
	pending := e.draft(t, application.StartInput{Receiver: sample.WeldingSchoolCode})
	// The body withdraws the partner's authorisation: the partner no longer acts on it.
	set, _ := e.svc.Settings(ctx, body, sample.MachineIndustryCode)
	set.Partners[0].Period = law.Period{Until: start.AddDays(-1)}
	if _, err := e.svc.PutSettings(ctx, body, set); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Receive(ctx, partner, app.ID, app.Version); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("Receive(a partner no longer authorised) = %v; want ErrForbidden", err)
	}
	if _, err := e.svc.Receive(ctx, body, app.ID, app.Version); err != nil {
		t.Errorf("Receive(the body) = %v; the body acts on what its partner received", err)
	}
	// A draft for the partner submitted after the body withdrew its authorisation goes to the body.
	pending = must(t)(e.svc.Submit(ctx, applicant, pending.ID, pending.Version))
	if pending.Receiver != sample.MachineIndustryCode || pending.ReceiverName != "Eesti Masinatööstuse Liit" {
		t.Errorf("submitted after the partner's authorisation ended, the receiver is %s; want the body", pending.Receiver)
	}
	p := application.Partner{Code: "10000017", Standards: []register.ID{sample.Welder}, Period: law.Period{From: calendar.MustDate(2026, 1, 1), Until: calendar.MustDate(2026, 12, 31)}}
	for _, tc := range []struct {
		std  register.ID
		d    calendar.Date
		want bool
	}{{sample.Welder, start, true}, {sample.Diagnostician, start, false}, {sample.Welder, calendar.MustDate(2027, 1, 1), false}} {
		if got := p.Covers(tc.std, tc.d); got != tc.want {
			t.Errorf("Covers(%s, %s) = %v; want %v", tc.std, tc.d, got, tc.want)
		}
	}
}
