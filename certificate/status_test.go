package certificate_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
)

func d(s string) calendar.Date {
	dt, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return dt
}

// cert204580 is the sample certificate of seed 000.
func cert204580() certificate.Certificate { return sample.Certificate204580() }

// TestStatusOn_CERT02 proves CERT-02: valid from the first to the last day inclusive, expired after,
// not yet valid before; an open end never expires; invalidated or replaced from their dates.
func TestStatusOn_CERT02(t *testing.T) {
	c := cert204580()
	open := cert204580()
	open.ValidUntil = calendar.Date{}
	inv := cert204580()
	inv.Invalidated = certificate.Invalidation{Date: d("2026-03-01"), Reason: "pettus", Decision: "otsus 1"}
	rep := cert204580()
	rep.Replaced = certificate.Replacement{By: "204999", Date: d("2026-05-05")}
	school := certificate.Certificate{Kind: certificate.Gymnasium, ValidFrom: d("2014-06-13"), IssuedOn: d("2014-06-13")}
	tests := []struct {
		name string
		c    certificate.Certificate
		on   string
		want certificate.Status
	}{
		{"day before first", c, "2025-01-08", certificate.NotYetValid},
		{"first day", c, "2025-01-09", certificate.Valid},
		{"last day", c, "2030-01-08", certificate.Valid},
		{"day after last", c, "2030-01-09", certificate.Expired},
		{"tähtajatu far future", open, "2199-12-31", certificate.Valid},
		{"before invalidation", inv, "2026-02-28", certificate.Valid},
		{"invalidation day (CERT-11)", inv, "2026-03-01", certificate.Invalidated},
		{"invalidated whatever its dates", inv, "2031-01-01", certificate.Invalidated},
		{"before replacement", rep, "2026-05-04", certificate.Valid},
		{"replaced by a duplicate", rep, "2026-05-05", certificate.Replaced},
		{"school document for life (SCH-02)", school, "2090-01-01", certificate.Valid},
	}
	for _, tt := range tests {
		if got := tt.c.StatusOn(d(tt.on)); got != tt.want {
			t.Errorf("%s: StatusOn(%s) = %v; want %v", tt.name, tt.on, got, tt.want)
		}
	}
}

// TestExplainStatus_CERT02_GEN06 proves that every status comes with its explanation (GEN-06) citing
// the rule that decided it.
func TestExplainStatus_CERT02_GEN06(t *testing.T) {
	c := cert204580()
	st, e := c.ExplainStatus(d("2030-01-09"))
	if st != certificate.Expired || !e.Applies("CERT-02") {
		t.Fatalf("ExplainStatus = %v, rules %v; want expired by CERT-02", st, e.Rules())
	}
	if got := e.Render(law.English); got != "1. CERT-02 (RTL 2009, 2, 32 § 5 (2) 8)): valid until 2030-01-08 inclusive; on 2030-01-09 it has expired" {
		t.Errorf("Render(en) = %q", got)
	}
	c.Invalidated = certificate.Invalidation{Date: d("2026-03-01"), Reason: "võltsitud dokument", Decision: "kutsekomisjoni otsus 3"}
	if _, e := c.ExplainStatus(d("2026-03-02")); !e.Applies("CERT-11") {
		t.Errorf("invalidated: rules %v; want CERT-11", e.Rules())
	}
	g := certificate.Certificate{Kind: certificate.BasicSchool, ValidFrom: d("2014-07-15"), IssuedOn: d("2014-07-15")}
	if _, e := g.ExplainStatus(d("2026-01-01")); !e.Applies("SCH-02") || e.Steps[0].Version != "13.07.2014" {
		t.Errorf("school document: rules %v, version %q; want SCH-02 under 13.07.2014", e.Rules(), e.Steps[0].Version)
	}
}

// TestExplainStatus_GEN04_SchoolVersion proves that a school document's status cites regulation nr
// 113 only under a version covering the day that matters (its issue, or its invalidation or
// replacement): a leaving certificate issued on 13 June 2014, before the version the SDK knows, is
// valid by its dates, but the explanation cites no provision of the regulation and says that no
// version is known; with a host's version for that day it cites § 5 (1) under it.
func TestExplainStatus_GEN04_SchoolVersion(t *testing.T) {
	g := certificate.Certificate{Kind: certificate.Gymnasium, ValidFrom: d("2014-06-13"), IssuedOn: d("2014-06-13")}
	st, e := g.ExplainStatus(d("2026-01-01"))
	if st != certificate.Valid || e.Applies("SCH-02") || !e.Applies("GEN-04") {
		t.Fatalf("ExplainStatus = %v, rules %v; want valid by GEN-04 only", st, e.Rules())
	}
	for _, s := range e.Steps {
		if s.Citation.RT == vv113.RT {
			t.Errorf("step cites %s with no version covering 13.06.2014", s.Citation)
		}
	}
	host, err := vv113.Default().With(vv113.Version{Name: "02.05.2014 (host)",
		Period: law.Period{From: d("2014-05-02"), Until: d("2014-07-12")}, Rule: vv113.Default()[0].Rule})
	if err != nil {
		t.Fatal(err)
	}
	_, e = g.ExplainStatusUnder(d("2026-01-01"), host)
	if !e.Applies("SCH-02") || e.Steps[0].Version != "02.05.2014 (host)" || e.Steps[0].Citation.String() != "RT I 2010, 58, 391 § 5 lg 1" {
		t.Errorf("under the host's version: %s", e)
	}
	inv := g
	inv.Invalidated = certificate.Invalidation{Date: d("2015-02-02"), Reason: "x", Decision: "y"}
	if _, e := inv.ExplainStatus(d("2015-03-01")); e.Steps[0].Rule != "SCH-02" || e.Steps[0].Version != "13.07.2014" {
		t.Errorf("invalidated on 02.02.2015: %s; want SCH-02 under 13.07.2014 (the invalidation's date)", e)
	}
}

// TestStatusPure_CERT02 is the property that status is a pure function of the certificate and the
// date, and agrees with the dates: CERT-02.
func TestStatusPure_CERT02(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		base := d("1998-01-01")
		from := base.AddDays(rapid.IntRange(0, 12000).Draw(t, "from"))
		c := certificate.Certificate{Kind: certificate.Occupational, ValidFrom: from}
		if rapid.Bool().Draw(t, "bounded") {
			c.ValidUntil = from.AddDays(rapid.IntRange(0, 4000).Draw(t, "length"))
		}
		if rapid.Bool().Draw(t, "invalidated") {
			c.Invalidated = certificate.Invalidation{Date: from.AddDays(rapid.IntRange(-100, 5000).Draw(t, "inv"))}
		}
		on := base.AddDays(rapid.IntRange(-100, 17000).Draw(t, "on"))
		st := c.StatusOn(on)
		copy := c
		if again := copy.StatusOn(on); again != st {
			t.Fatalf("StatusOn not pure: %v then %v", st, again)
		}
		if ex, _ := c.ExplainStatus(on); ex != st {
			t.Fatalf("ExplainStatus = %v; StatusOn = %v", ex, st)
		}
		var want certificate.Status
		switch {
		case !c.Invalidated.IsZero() && !on.Before(c.Invalidated.Date):
			want = certificate.Invalidated
		case on.Before(c.ValidFrom):
			want = certificate.NotYetValid
		case !c.ValidUntil.IsZero() && on.After(c.ValidUntil):
			want = certificate.Expired
		default:
			want = certificate.Valid
		}
		if st != want {
			t.Fatalf("StatusOn(%v) = %v; want %v for %+v", on, st, want, c)
		}
	})
}

// TestMarkOn_CERT02 proves the owner's list marks (CERT-02): ✓ for valid, ⚠ for expired, for an open
// request, and for an expiry within the window (six months by default).
func TestMarkOn_CERT02(t *testing.T) {
	c := cert204580()
	tests := []struct {
		on       string
		open     bool
		window   int
		wantSym  string
		wantAttn certificate.Attention
	}{
		{"2026-11-22", false, 0, "✓", 0},
		{"2026-11-22", true, 0, "⚠", certificate.AttentionOpenRequest},
		{"2029-07-07", false, 0, "✓", 0},
		{"2029-07-08", false, 0, "⚠", certificate.AttentionExpiresSoon}, // 2029-07-08 + 6 months = 2030-01-08
		{"2029-07-08", false, -1, "✓", 0},
		{"2029-01-08", false, 12, "⚠", certificate.AttentionExpiresSoon},
		{"2030-01-09", false, 0, "⚠", certificate.AttentionNotValid},
	}
	for _, tt := range tests {
		m := c.MarkOn(d(tt.on), tt.open, tt.window)
		if m.Symbol() != tt.wantSym || m.Attention != tt.wantAttn {
			t.Errorf("MarkOn(%s, open=%v, window=%d) = %s %b; want %s %b", tt.on, tt.open, tt.window, m.Symbol(), m.Attention, tt.wantSym, tt.wantAttn)
		}
	}
	if got := c.MarkOn(d("2029-08-01"), true, 0).Text(law.Estonian); got != "kehtiv; kehtivus lõpeb peagi; avatud taotlus" {
		t.Errorf("Text = %q", got)
	}
}

// TestPublicOn_CERT04_CERT12 proves that the public never sees a hidden certificate (CERT-04), never
// sees a personal code, and sees the holder's name only while the certificate is valid (CERT-12).
func TestPublicOn_CERT04_CERT12(t *testing.T) {
	c := cert204580()
	v, ok := c.PublicOn(d("2026-11-22"))
	if !ok || v.HolderName != "Ema-Kaks Piskel" || v.Status != certificate.Valid {
		t.Fatalf("PublicOn(valid) = %+v, %v", v, ok)
	}
	if v, _ := c.PublicOn(d("2030-01-09")); v.HolderName != "" || v.Status != certificate.Expired {
		t.Errorf("PublicOn(expired) shows name %q; want none (CERT-12)", v.HolderName)
	}
	c.Hidden = true
	if _, ok := c.PublicOn(d("2026-11-22")); ok {
		t.Error("PublicOn(hidden) = ok; want not shown (CERT-04)")
	}
}

func BenchmarkStatusOn(b *testing.B) {
	c := cert204580()
	on := d("2026-11-22")
	b.ReportAllocs()
	var st certificate.Status
	for b.Loop() {
		st = c.StatusOn(on)
	}
	if st != certificate.Valid {
		b.Fatal(st)
	}
}

func BenchmarkMarkOn(b *testing.B) {
	c := cert204580()
	on := d("2026-11-22")
	b.ReportAllocs()
	for b.Loop() {
		_ = c.MarkOn(on, false, 0)
	}
}
