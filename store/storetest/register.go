package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"sync"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// standardNames are realistic names of standards, chosen so that Estonian collation matters: š, z and
// ž sort after s, õ, ä, ö and ü after w.
var standardNames = []string{
	"Keevitaja", "Šokolaadimeister", "Sõiduautodiagnostik", "Zooloogiaassistent", "Žürii sekretär", "Tisler",
	"Õmbleja", "Ämmaemand", "Ökoloog", "Ühistranspordi juht", "Veoautojuht", "Rätsep-stilist", "Kokk",
	"Abiaednik", "Elektrik", "Pottsepp", "Lapsehoidja", "Hooldustöötaja", "Müürsepp", "Arborist",
}

var groups = []string{"Keevitajad", "Toitlustus", "Tehnika", "Hooldus"}

var fields = []string{"Tehnika, tootmine ja ehitus", "Teenindus", "Tervis ja heaolu", "Põllumajandus"}

var occupations = []string{"Metallitöö ja masinaehitus", "Majutus ja toitlustus", "Sotsiaaltöö ja nõustamine", "Aiandus"}

// RegisterStandard returns standard fixture i with two versions, for fixtures: its name is one of 20
// realistic names with the level ("Keevitaja, tase 4"; a number is added from i = 20 on), version 1
// in force 2016-01-01–2020-12-31 and version 2 from 2021-01-01 to 2026-12-31, two specialisations
// for odd i, one partial qualification for i divisible by 3. Ids are 10000000 + 10·i and up.
func RegisterStandard(i int) register.Standard {
	name := standardNames[i%len(standardNames)]
	if i >= len(standardNames) {
		name += " " + strconv.Itoa(i/len(standardNames))
	}
	level := 2 + i%6
	name += ", tase " + strconv.Itoa(level)
	base := register.ID(10_000_000 + 10*i)
	v1 := register.StandardVersion{
		ID: base, Version: 1, Name: name, Group: groups[i%len(groups)],
		Types: []classifier.StandardType{classifier.OccupationalStandard},
		EKR:   classifier.MustLevel(level), Field: fields[i%len(fields)], Occupation: occupations[(i/2)%len(occupations)],
		InForce: law.Period{From: calendar.MustDate(2016, 1, 1), Until: calendar.MustDate(2020, 12, 31)},
		Basic:   i%2 == 0,
		Conditions: register.Conditions{
			Apply:     []string{"Erialane kutseharidus või vähemalt 2-aastane töökogemus"},
			Recertify: []string{"Erialane töö vähemalt 3 aastat viimase 5 aasta jooksul"},
		},
	}
	if i%2 == 1 {
		v1.Specialisations = []register.Ref{{ID: base + 1, Name: "Restoranitöö"}, {ID: base + 2, Name: "Suurköögitöö"}}
	}
	if i%3 == 0 {
		v1.Types = append(v1.Types, classifier.PartialStandard)
		v1.Partials = []register.Ref{{ID: base + 3, Name: "Käsikaarkeevitaja, tase " + strconv.Itoa(level)}}
	}
	v2 := v1.Clone()
	v2.ID, v2.Version, v2.Previous = base+5, 2, base
	v2.InForce = law.Period{From: calendar.MustDate(2021, 1, 1), Until: calendar.MustDate(2026, 12, 31)}
	return register.Standard{ID: base, Versions: []register.StandardVersion{v1, v2}}
}

// RegisterBody returns awarding body fixture i (registry code 80000000 + i) awarding the given
// standards with everything they have, its right to award from 2019-01-01 to 2025-12-31.
func RegisterBody(i int, standards ...register.Standard) register.AwardingBody {
	b := register.AwardingBody{
		Code: strconv.Itoa(80_000_000 + i), Name: []string{"Eesti Masinatööstuse Liit", "Kutseeksamikeskus MTÜ",
			"Eesti Hotellide ja Restoranide Liit", "Ühiskonnaõpetajate Selts", "Šveitsi-Eesti Kaubanduskoda"}[i%5] + " " + strconv.Itoa(i),
		Contacts:         register.Contacts{Email: "info@example.ee", HomePage: "https://example.ee/" + strconv.Itoa(i)},
		CertificateTypes: []classifier.CertificateType{classifier.OccupationalCertificate},
		Mandate:          law.Period{From: calendar.MustDate(2019, 1, 1), Until: calendar.MustDate(2025, 12, 31)},
	}
	for _, s := range standards {
		v := s.Versions[len(s.Versions)-1]
		b.Awards = append(b.Awards, register.Award{Standard: v.ID, Name: v.Name, Types: v.Types, Basic: v.Basic,
			Specialisations: v.Specialisations, Partials: v.Partials, Procedure: "https://example.ee/kord/" + v.ID.String(),
			Info: register.BodyInfo{Text: "Taotlusi võetakse vastu aasta läbi."}})
	}
	return b
}

type registerStore interface {
	register.Store
}

func init() { cases = append(cases, registerCases...) }

// searchModel is the search as the register package defines it, over the given records: the reference
// the stores' answers are compared with.
func searchModel(standards []register.Standard, bodies []register.AwardingBody, m register.Match) ([]register.Row, int) {
	var all []register.Entry
	for i := range standards {
		for j := range bodies {
			all = append(all, register.Entries(&standards[i], &bodies[j])...)
		}
	}
	slices.SortFunc(all, func(a, b register.Entry) int { return register.CompareEntries(&a, &b) })
	var rows []register.Row
	total := 0
	for i := range all {
		if !m.Matches(&all[i]) {
			continue
		}
		if total >= m.Offset && len(rows) < m.Limit {
			rows = append(rows, all[i].Row)
		}
		total++
	}
	return rows, total
}

func mustMatch(q register.Query) register.Match {
	m, err := q.Match()
	if err != nil {
		panic(err)
	}
	return m
}

// registerFixture stores 24 standards and three bodies: body 1 awards standards 0–11, body 2 awards
// 8–19 (so 8–11 have two rows), body 3 awards 20–23 with its right ending on 2021-06-30.
func registerFixture(ctx context.Context, s Store) ([]register.Standard, []register.AwardingBody, error) {
	var sts []register.Standard
	for i := range 24 {
		st, err := s.PutStandard(ctx, RegisterStandard(i))
		if err != nil {
			return nil, nil, fmt.Errorf("PutStandard(%d): %v", i, err)
		}
		sts = append(sts, st)
	}
	b1, b2, b3 := RegisterBody(1, sts[0:12]...), RegisterBody(2, sts[8:20]...), RegisterBody(3, sts[20:24]...)
	b3.Mandate.Until = calendar.MustDate(2021, 6, 30)
	var bodies []register.AwardingBody
	for _, b := range []register.AwardingBody{b1, b2, b3} {
		got, err := s.PutAwardingBody(ctx, b)
		if err != nil {
			return nil, nil, fmt.Errorf("PutAwardingBody(%s): %v", b.Code, err)
		}
		bodies = append(bodies, got)
	}
	return sts, bodies, nil
}

func compareSearch(ctx context.Context, s Store, sts []register.Standard, bodies []register.AwardingBody, q register.Query) error {
	m := mustMatch(q)
	rows, total, err := s.SearchQualifications(ctx, m)
	if err != nil {
		return fmt.Errorf("SearchQualifications(%+v): %v", q, err)
	}
	want, wantTotal := searchModel(sts, bodies, m)
	if total != wantTotal || len(rows) != len(want) || (len(rows) > 0 && !reflect.DeepEqual(rows, want)) {
		return fmt.Errorf("SearchQualifications(%+v) = %d rows of %d:\n\t%v\nwant %d rows of %d:\n\t%v", q, len(rows), total, rowNames(rows), len(want), wantTotal, rowNames(want))
	}
	return nil
}

func rowNames(rows []register.Row) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Name+" / "+r.Body)
	}
	return out
}

var registerCases = []testCase{
	{
		name:        "RegisterConcurrentPuts",
		explanation: "standards and awarding bodies put at the same time from several goroutines leave the search index as if they had been put one after another: every row of every body's awards is there",
		check: func(ctx context.Context, s Store) error {
			var sts []register.Standard
			for i := range 12 {
				sts = append(sts, RegisterStandard(i))
			}
			bodies := []register.AwardingBody{RegisterBody(1, sts[:6]...), RegisterBody(2, sts[6:]...), RegisterBody(3, sts[3:9]...)}
			var wg sync.WaitGroup
			errs := make(chan error, len(sts)+len(bodies))
			for i := range sts {
				wg.Go(func() {
					if _, err := s.PutStandard(ctx, sts[i]); err != nil {
						errs <- err
					}
				})
			}
			for i := range bodies {
				wg.Go(func() {
					if _, err := s.PutAwardingBody(ctx, bodies[i]); err != nil {
						errs <- err
					}
				})
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				return fmt.Errorf("concurrent put: %v", err)
			}
			return compareSearch(ctx, s, sts, bodies, register.Query{On: calendar.MustDate(2022, 3, 1), PageSize: 500})
		},
	},
	{
		name:        "RegisterNotFound",
		explanation: "Standard, AwardingBody and a Put with a revision of a record never stored return errors wrapping store.ErrNotFound",
		check: func(ctx context.Context, s Store) error {
			if _, err := s.Standard(ctx, 123); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("Standard(missing) = %v; want ErrNotFound", err)
			}
			if _, err := s.AwardingBody(ctx, "80000001"); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("AwardingBody(missing) = %v; want ErrNotFound", err)
			}
			st := RegisterStandard(1)
			st.Revision = 4
			if _, err := s.PutStandard(ctx, st); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("PutStandard(missing, revision 4) = %v; want ErrNotFound", err)
			}
			b := RegisterBody(1)
			b.Revision = 2
			if _, err := s.PutAwardingBody(ctx, b); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("PutAwardingBody(missing, revision 2) = %v; want ErrNotFound", err)
			}
			return nil
		},
	},
	{
		name:        "RegisterRevisions",
		explanation: "PutStandard and PutAwardingBody store records with Revision 1, replace them on Revision 0 (an import), check a given Revision (ErrConflict when stale), and find a standard by any version's id; a version id of another standard is ErrExists",
		check: func(ctx context.Context, s Store) error {
			st := RegisterStandard(3)
			got, err := s.PutStandard(ctx, st)
			if err != nil || got.Revision != 1 {
				return fmt.Errorf("PutStandard(new) = revision %d, %v; want 1", got.Revision, err)
			}
			for _, id := range []register.ID{st.Versions[0].ID, st.Versions[1].ID} {
				back, err := s.Standard(ctx, id)
				want := st
				want.Revision = 1
				if err != nil || !reflect.DeepEqual(back, want) {
					return fmt.Errorf("Standard(%s) =\n\t%+v, %v\nwant\n\t%+v", id, back, err, want)
				}
			}
			if got, err = s.PutStandard(ctx, st); err != nil || got.Revision != 2 {
				return fmt.Errorf("PutStandard(import) = revision %d, %v; want 2", got.Revision, err)
			}
			st.Revision = 1
			if _, err := s.PutStandard(ctx, st); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("PutStandard(stale revision 1) = %v; want ErrConflict", err)
			}
			st.Revision = 2
			st.Versions[1].Name = "Muudetud nimi, tase 5"
			if got, err = s.PutStandard(ctx, st); err != nil || got.Revision != 3 {
				return fmt.Errorf("PutStandard(revision 2) = revision %d, %v; want 3", got.Revision, err)
			}
			if back, _ := s.Standard(ctx, st.ID); back.Versions[1].Name != "Muudetud nimi, tase 5" {
				return fmt.Errorf("after the update the name is %q", back.Versions[1].Name)
			}
			thief := RegisterStandard(4)
			thief.Versions[1].ID = st.Versions[1].ID
			if _, err := s.PutStandard(ctx, thief); !errors.Is(err, store.ErrExists) {
				return fmt.Errorf("PutStandard(another's version id) = %v; want ErrExists", err)
			}
			if _, err := s.Standard(ctx, thief.ID); !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("the refused standard was stored: %v", err)
			}
			b := RegisterBody(1, RegisterStandard(3))
			gb, err := s.PutAwardingBody(ctx, b)
			if err != nil || gb.Revision != 1 {
				return fmt.Errorf("PutAwardingBody(new) = revision %d, %v", gb.Revision, err)
			}
			b.Revision = 7
			if _, err := s.PutAwardingBody(ctx, b); !errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("PutAwardingBody(stale) = %v; want ErrConflict", err)
			}
			back, err := s.AwardingBody(ctx, b.Code)
			b.Revision = 1
			if err != nil || !reflect.DeepEqual(back, b) {
				return fmt.Errorf("AwardingBody =\n\t%+v, %v\nwant\n\t%+v", back, err, b)
			}
			return nil
		},
	},
	{
		name:        "RegisterCopies",
		explanation: "the register's records are copied in and out: changing what was put or returned changes nothing stored",
		check: func(ctx context.Context, s Store) error {
			st := RegisterStandard(3)
			if _, err := s.PutStandard(ctx, st); err != nil {
				return err
			}
			st.Versions[0].Partials[0].Name = "muudetud"
			got, _ := s.Standard(ctx, st.ID)
			got.Versions[1].Conditions.Apply[0] = "muudetud"
			again, _ := s.Standard(ctx, st.ID)
			if again.Versions[0].Partials[0].Name == "muudetud" || again.Versions[1].Conditions.Apply[0] == "muudetud" {
				return errors.New("a change to a record put or returned reached the store")
			}
			return nil
		},
	},
	{
		name:        "SearchQualifications",
		explanation: "SearchQualifications returns the rows open on the day that match every filter, in Estonian collation order, paged, with the total (APP-01), exactly as register.Entries, Match.Matches and CompareEntries define",
		check: func(ctx context.Context, s Store) error {
			sts, bodies, err := registerFixture(ctx, s)
			if err != nil {
				return err
			}
			on := calendar.MustDate(2022, 3, 1)
			for _, q := range []register.Query{
				{On: on},
				{On: on, PageSize: 5},
				{On: on, PageSize: 5, Page: 3},
				{On: on, Page: 9},
				{On: calendar.MustDate(2020, 6, 1)},
				{On: calendar.MustDate(2021, 6, 30)},
				{On: calendar.MustDate(2021, 7, 1)},
				{On: calendar.MustDate(2026, 1, 1)},
				{On: on, Keyword: "sokolaadi"},
				{On: on, Keyword: "ÕMBLEJA tase"},
				{On: on, Keyword: "suurkoogi"},
				{On: on, Keyword: "liit keev"},
				{On: on, Keyword: "nothing-like-this"},
				{On: on, Group: "toitlustus"},
				{On: on, Field: "Pollumajandus"},
				{On: on, Occupation: "Aiandus"},
				{On: on, Specialisation: "restoranitöö"},
				{On: on, Partial: "Käsikaarkeevitaja, tase 2"},
				{On: on, Body: bodies[1].Code},
				{On: on, Body: bodies[0].Code, Keyword: "tase 4", PageSize: 2},
			} {
				if err := compareSearch(ctx, s, sts, bodies, q); err != nil {
					return err
				}
			}
			rows, _, _ := s.SearchQualifications(ctx, mustMatch(register.Query{On: on, PageSize: 500}))
			var order []string
			for _, r := range rows {
				if t := classifier.ParseTitle(r.Name); slices.Contains(standardNames[:11], t.Base) && !slices.Contains(order, t.Base) {
					order = append(order, t.Base)
				}
			}
			want := []string{"Keevitaja", "Sõiduautodiagnostik", "Šokolaadimeister", "Zooloogiaassistent", "Žürii sekretär",
				"Tisler", "Veoautojuht", "Õmbleja", "Ämmaemand", "Ökoloog", "Ühistranspordi juht"}
			if !slices.Equal(order, want) {
				return fmt.Errorf("Estonian order = %q; want %q", order, want)
			}
			return nil
		},
	},
	{
		name:        "SearchFollowsChanges",
		explanation: "the search index follows every put: a body that stops awarding a standard loses its rows, a standard put again with new versions shows them, a body put before its standards gets its rows when they arrive",
		check: func(ctx context.Context, s Store) error {
			on := calendar.MustDate(2022, 3, 1)
			st := RegisterStandard(2)
			b := RegisterBody(5, st)
			if _, err := s.PutAwardingBody(ctx, b); err != nil { // before its standard
				return err
			}
			count := func(q register.Query) (int, error) {
				_, n, err := s.SearchQualifications(ctx, mustMatch(q))
				return n, err
			}
			if n, err := count(register.Query{On: on}); err != nil || n != 0 {
				return fmt.Errorf("before the standard: %d rows, %v; want 0", n, err)
			}
			if _, err := s.PutStandard(ctx, st); err != nil {
				return err
			}
			if n, _ := count(register.Query{On: on}); n != 1 {
				return fmt.Errorf("after the standard: %d rows; want 1", n)
			}
			st.Versions[1].Name = "Uus nimi, tase 4"
			if _, err := s.PutStandard(ctx, st); err != nil {
				return err
			}
			if n, _ := count(register.Query{On: on, Keyword: "uus nimi"}); n != 1 {
				return fmt.Errorf("after renaming: %d rows for the new name; want 1", n)
			}
			if n, _ := count(register.Query{On: calendar.MustDate(2019, 5, 1), Keyword: "uus nimi"}); n != 0 {
				return fmt.Errorf("the old version got the new name: %d rows", n)
			}
			b.Awards = nil
			if _, err := s.PutAwardingBody(ctx, b); err != nil {
				return err
			}
			if n, _ := count(register.Query{On: on}); n != 0 {
				return fmt.Errorf("after the award was removed: %d rows; want 0", n)
			}
			return nil
		},
	},
}
