package register_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/memstore"
	"github.com/kutsekit/kutse/store/storetest"
)

var keeper = actor.Keeper("90006414")

func fixedNow() time.Time { return time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC) }

// catalogue returns a catalogue on memstore holding the seed's three rows (slide 4): the tailor, the
// two welders, with their awarding bodies.
func catalogue(t testing.TB) *register.Catalogue {
	t.Helper()
	cat, err := register.NewCatalogue(memstore.New(), register.Config{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	w4 := welder()
	w3 := welder()
	for i := range w3.Versions {
		v := &w3.Versions[i]
		v.ID += 1000
		if v.Previous != 0 {
			v.Previous += 1000
		}
		v.Name, v.EKR, v.Partials, v.Competences = "Keevitaja, tase 3", classifier.MustLevel(3), nil, nil
		v.Types = v.Types[:1]
	}
	w3.ID = w3.Versions[0].ID
	tailor := register.Standard{ID: 10912389, Versions: []register.StandardVersion{{
		ID: 10912389, Version: 1, Name: "Rätsep-stilist, tase 5", EKR: classifier.MustLevel(5), Types: w4.Versions[0].Types[:1],
		InForce: law.Period{From: calendar.MustDate(2020, 5, 1)}, Field: "Teenindus", Occupation: "Rõivaste valmistamine",
		Group: "Rätsepad", Specialisations: []register.Ref{{ID: 10912390, Name: "Meesterätsep, tase 5"}},
	}}}
	for _, s := range []register.Standard{w4, w3, tailor} {
		if _, err := cat.PutStandard(ctx, keeper, s); err != nil {
			t.Fatal(err)
		}
	}
	emtl := machineIndustry()
	v3 := w3.Versions[1]
	emtl.Awards = append(emtl.Awards, register.Award{Standard: v3.ID, Name: v3.Name, Types: v3.Types, Basic: true})
	mtu := register.AwardingBody{Code: "80260052", Name: "Kutseksamikeskus MTÜ",
		Awards: []register.Award{{Standard: tailor.ID, Name: tailor.Versions[0].Name, Types: tailor.Versions[0].Types,
			Specialisations: tailor.Versions[0].Specialisations}}}
	for _, b := range []register.AwardingBody{emtl, mtu} {
		if _, err := cat.PutAwardingBody(ctx, keeper, b); err != nil {
			t.Fatal(err)
		}
	}
	return cat
}

// TestSearch_APP01 proves the search of qualifications open for application: each row with the
// standard, the qualifications and partial qualifications issued and the awarding body (seed 000
// slide 4), in Estonian collation order, with the keyword case- and diacritic-insensitive, each
// filter, pages with the total and the "Näitan: 1-30" line.
func TestSearch_APP01(t *testing.T) {
	cat := catalogue(t)
	ctx := t.Context()
	p, err := cat.Search(ctx, actor.Anonymous(), register.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if p.On != calendar.MustDate(2026, 3, 1) || p.Total != 3 || len(p.Rows) != 3 {
		t.Fatalf("Search() = %+v", p)
	}
	want := []struct {
		name, quals, partials, body string
	}{
		{"Keevitaja, tase 3", "Keevitaja, tase 3", "", "Eesti Masinatööstuse Liit"},
		{"Keevitaja, tase 4", "Keevitaja, tase 4", "Käsikaarkeevitaja, tase 4; Poolautomaatkeevitaja, tase 4; TIG-keevitaja, tase 4", "Eesti Masinatööstuse Liit"},
		{"Rätsep-stilist, tase 5", "Meesterätsep, tase 5", "", "Kutseksamikeskus MTÜ"},
	}
	for i, w := range want {
		r := p.Rows[i]
		if r.Name != w.name || strings.Join(r.Qualifications, "; ") != w.quals || strings.Join(r.Partials, "; ") != w.partials || r.BodyName != w.body {
			t.Errorf("row %d = %+v; want %+v", i+1, r, w)
		}
	}
	if got := p.Showing(law.Estonian); got != "Kokku: 3 | Näitan: 1-3" {
		t.Errorf("Showing(et) = %q", got)
	}
	if got := p.Showing(law.English); got != "Total: 3 | Showing: 1-3" {
		t.Errorf("Showing(en) = %q", got)
	}
	for _, c := range []struct {
		q    register.Query
		want []string
	}{
		{register.Query{Keyword: "RÄTSEP"}, []string{"Rätsep-stilist, tase 5"}},
		{register.Query{Keyword: "ratsep stilist"}, []string{"Rätsep-stilist, tase 5"}},
		{register.Query{Keyword: "meesterätsep"}, []string{"Rätsep-stilist, tase 5"}},
		{register.Query{Keyword: "tig-keevitaja"}, []string{"Keevitaja, tase 4"}},
		{register.Query{Keyword: "masinatööstuse keevitaja"}, []string{"Keevitaja, tase 3", "Keevitaja, tase 4"}},
		{register.Query{Keyword: "kokk"}, nil},
		{register.Query{Group: "rätsepad"}, []string{"Rätsep-stilist, tase 5"}},
		{register.Query{Field: "Tehnika, tootmine ja ehitus"}, []string{"Keevitaja, tase 3", "Keevitaja, tase 4"}},
		{register.Query{Specialisation: "Meesterätsep, tase 5"}, []string{"Rätsep-stilist, tase 5"}},
		{register.Query{Occupation: "metallitöö ja masinaehitus"}, []string{"Keevitaja, tase 3", "Keevitaja, tase 4"}},
		{register.Query{Partial: "poolautomaatkeevitaja, tase 4"}, []string{"Keevitaja, tase 4"}},
		{register.Query{Body: "80260052"}, []string{"Rätsep-stilist, tase 5"}},
		{register.Query{PageSize: 2, Page: 2}, []string{"Rätsep-stilist, tase 5"}},
		// Version 7 of the welders was in force in 2020 with one partial qualification; the
		// mandate of the machine industry's union starts in 2022, so in 2020 only the tailor is open.
		{register.Query{On: calendar.MustDate(2020, 6, 1)}, []string{"Rätsep-stilist, tase 5"}},
		{register.Query{On: calendar.MustDate(2027, 1, 1)}, []string{"Rätsep-stilist, tase 5"}},
	} {
		p, err := cat.Search(ctx, actor.Anonymous(), c.q)
		if err != nil {
			t.Fatalf("Search(%+v): %v", c.q, err)
		}
		var got []string
		for _, r := range p.Rows {
			got = append(got, r.Name)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Search(%+v) = %q; want %q", c.q, got, c.want)
		}
	}
	p, _ = cat.Search(ctx, actor.Anonymous(), register.Query{PageSize: 2, Page: 2})
	if p.Total != 3 || p.First() != 3 || p.Last() != 3 || p.Showing(law.Estonian) != "Kokku: 3 | Näitan: 3-3" {
		t.Errorf("page 2 of 2: %+v %q", p, p.Showing(law.Estonian))
	}
	p, _ = cat.Search(ctx, actor.Anonymous(), register.Query{Page: 5})
	if p.Total != 3 || len(p.Rows) != 0 || p.Showing(law.English) != "Total: 3" {
		t.Errorf("past the end: %+v", p)
	}
}

// TestSearchPages_APP01: 63 rows (the seed's "Kokku: 63") are shown 30 to a page: 1-30, 31-60, 61-63.
func TestSearchPages_APP01(t *testing.T) {
	st := memstore.New()
	cat, _ := register.NewCatalogue(st, register.Config{Now: func() time.Time { return time.Date(2022, 3, 1, 9, 0, 0, 0, time.UTC) }})
	var sts []register.Standard
	for i := range 63 {
		s, err := cat.PutStandard(t.Context(), keeper, storetest.RegisterStandard(i))
		if err != nil {
			t.Fatal(err)
		}
		sts = append(sts, s)
	}
	if _, err := cat.PutAwardingBody(t.Context(), keeper, storetest.RegisterBody(1, sts...)); err != nil {
		t.Fatal(err)
	}
	for page, want := range map[int]string{1: "Kokku: 63 | Näitan: 1-30", 2: "Kokku: 63 | Näitan: 31-60", 3: "Kokku: 63 | Näitan: 61-63"} {
		p, err := cat.Search(t.Context(), actor.Anonymous(), register.Query{Page: page})
		if err != nil || p.Showing(law.Estonian) != want {
			t.Errorf("page %d: %q, %v; want %q", page, p.Showing(law.Estonian), err, want)
		}
	}
}

func TestSearchRefusesBadQueries(t *testing.T) {
	cat := catalogue(t)
	for _, q := range []register.Query{{PageSize: 501}, {Page: -1}, {Body: "80x"}, {Keyword: "\x00"}, {On: calendar.Date{Year: 2026, Month: 2, Day: 30}}} {
		if _, err := cat.Search(t.Context(), actor.Anonymous(), q); !errors.Is(err, invalid.ErrInvalid) {
			t.Errorf("Search(%+v) = %v; want invalid.ErrInvalid", q, err)
		}
	}
	if _, err := cat.Search(t.Context(), actor.Actor{Role: actor.Owner}, register.Query{}); err == nil {
		t.Error("an owner without a personal code searched")
	}
}

// TestView_APP02 proves the qualification's view: the conditions for applying and for re-certifying
// from the standard's version in force, the link to the awarding procedure, the awarding body's own
// information and contacts, and whether it is open, with the reasons (GEN-04, GEN-06).
func TestView_APP02(t *testing.T) {
	cat := catalogue(t)
	ctx := t.Context()
	v, err := cat.View(ctx, actor.Anonymous(), 10536894, "80040205", calendar.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if !v.Open || v.Version.Version != 8 || v.On != calendar.MustDate(2026, 3, 1) {
		t.Fatalf("View = open %v, version %d, on %s", v.Open, v.Version.Version, v.On)
	}
	if !slices.Equal(v.Conditions.Apply, []string{"Keevitaja kutseõpe või vähemalt 2-aastane töökogemus keevitajana"}) ||
		!slices.Equal(v.Conditions.Recertify, []string{"Töökogemus keevitajana vähemalt 3 aastat viimase 5 aasta jooksul"}) {
		t.Errorf("Conditions = %+v", v.Conditions)
	}
	if v.Procedure != "https://www.emtl.ee/kutse-andmise-kord" || v.Info.Link != "https://www.emtl.ee/keevitaja" ||
		len(v.Info.Rounds) != 1 || v.Info.ExamDates[0] != calendar.MustDate(2026, 4, 20) || v.Contacts.HomePage != "https://www.emtl.ee" {
		t.Errorf("procedure, info, contacts = %q %+v %+v", v.Procedure, v.Info, v.Contacts)
	}
	if len(v.Partials) != 3 || v.BodyName != "Eesti Masinatööstuse Liit" || len(v.Competences) != 2 {
		t.Errorf("partials %q, body %q, competences %d", v.Partials, v.BodyName, len(v.Competences))
	}
	if got := v.Why.Rules(); !slices.Equal(got, []string{"GEN-04", "APP-02", "APP-01"}) {
		t.Errorf("Why.Rules = %v\n%s", got, v.Why.Render(law.Estonian))
	}
	if !strings.Contains(v.Why.Render(law.Estonian), "kutse on taotlemiseks avatud") {
		t.Errorf("Why:\n%s", v.Why.Render(law.Estonian))
	}
	// Any version's id finds the standard; the public's view changes nothing in the store.
	v.Version.Conditions.Apply[0] = "x"
	again, err := cat.View(ctx, actor.Anonymous(), 10988847, "80040205", calendar.MustDate(2026, 3, 1))
	if err != nil || again.Version.Conditions.Apply[0] == "x" {
		t.Errorf("View by the second version's id: %v, %q", err, again.Version.Conditions.Apply)
	}
	// After the standard's last version ends: shown, but not open, and the reason says why.
	late, err := cat.View(ctx, actor.Anonymous(), 10536894, "80040205", calendar.MustDate(2026, 11, 10))
	if err != nil || late.Open || late.Version.Version != 8 || !strings.Contains(late.Why.Render(law.English), "no version of the standard is in force") {
		t.Errorf("late view = open %v, version %d, %v\n%s", late.Open, late.Version.Version, err, late.Why.Render(law.English))
	}
	// Before the body's right to award: version 7 in force, not open.
	early, _ := cat.View(ctx, actor.Anonymous(), 10536894, "80040205", calendar.MustDate(2021, 1, 1))
	if early.Open || early.Version.Version != 7 || !strings.Contains(early.Why.Render(law.English), "right to award is for 2022-01-01 – 2026-12-31") {
		t.Errorf("early view = open %v, version %d\n%s", early.Open, early.Version.Version, early.Why.Render(law.English))
	}
	for _, c := range []struct {
		id   register.ID
		body string
	}{{1, "80040205"}, {10536894, "80000000"}, {10912389, "80040205"}} {
		if _, err := cat.View(ctx, actor.Anonymous(), c.id, c.body, calendar.Date{}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("View(%d, %s) = %v; want ErrNotFound", c.id, c.body, err)
		}
	}
}

func TestOnlyTheRegistrarWrites(t *testing.T) {
	cat := catalogue(t)
	for _, a := range []actor.Actor{actor.Anonymous(), actor.Body("80040205"), actor.SchoolOf("70003158")} {
		if _, err := cat.PutStandard(t.Context(), a, welder()); !errors.Is(err, actor.ErrForbidden) {
			t.Errorf("PutStandard by %v = %v; want ErrForbidden", a, err)
		}
		if _, err := cat.PutAwardingBody(t.Context(), a, machineIndustry()); !errors.Is(err, actor.ErrForbidden) {
			t.Errorf("PutAwardingBody by %v = %v; want ErrForbidden", a, err)
		}
	}
	bad := welder()
	bad.Versions[0].Name = ""
	if _, err := cat.PutStandard(t.Context(), keeper, bad); !errors.Is(err, invalid.ErrInvalid) {
		t.Errorf("PutStandard(bad) = %v", err)
	}
	b := machineIndustry()
	b.Code = "x"
	if _, err := cat.PutAwardingBody(t.Context(), keeper, b); !errors.Is(err, invalid.ErrInvalid) {
		t.Errorf("PutAwardingBody(bad) = %v", err)
	}
	if _, err := register.NewCatalogue(nil, register.Config{}); err == nil {
		t.Error("NewCatalogue(nil) accepted")
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Šokolaadimeister": "sokolaadimeister", "  ÕMBLEJA\t tase  4 ": "ombleja tase 4", "Žürii": "zurii",
		"Ämmaemand, Ökoloog, Ülem": "ammaemand, okoloog, ulem", "": "",
	} {
		if got := register.Fold(in); got != want {
			t.Errorf("Fold(%q) = %q; want %q", in, got, want)
		}
	}
}

// BenchmarkSearch1000 searches 1,000 standards, each awarded by one of ten bodies (2,000 index
// entries), on memstore: the whole list's first page, a keyword, and a filter (target ≤ 1 ms).
func BenchmarkSearch1000(b *testing.B) {
	st := memstore.New()
	cat, _ := register.NewCatalogue(st, register.Config{Now: func() time.Time { return time.Date(2022, 3, 1, 9, 0, 0, 0, time.UTC) }})
	ctx := b.Context()
	var sts []register.Standard
	for i := range 1000 {
		s, err := cat.PutStandard(ctx, keeper, storetest.RegisterStandard(i))
		if err != nil {
			b.Fatal(err)
		}
		sts = append(sts, s)
	}
	for i := range 10 {
		if _, err := cat.PutAwardingBody(ctx, keeper, storetest.RegisterBody(i, sts[i*100:(i+1)*100]...)); err != nil {
			b.Fatal(err)
		}
	}
	for _, c := range []struct {
		name string
		q    register.Query
	}{
		{"all", register.Query{}},
		{"keyword", register.Query{Keyword: "šokolaadi tase"}},
		{"filter", register.Query{Field: "Teenindus", Page: 3}},
	} {
		b.Run(c.name, func(b *testing.B) {
			if _, err := cat.Search(ctx, actor.Anonymous(), c.q); err != nil { // builds the sorted index once
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := cat.Search(ctx, actor.Anonymous(), c.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
