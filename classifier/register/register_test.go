package register_test

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
)

// TestInForce_GEN04 proves that the version of a standard in force on a day is chosen as a
// law.Versions choice: the boundary days go to the right version, a day no version covers is an error
// wrapping law.ErrNoVersion, and the explanation names the version applied.
func TestInForce_GEN04(t *testing.T) {
	s := welder()
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		day  calendar.Date
		want int // version number; 0: none
	}{
		{calendar.MustDate(2016, 11, 9), 0},
		{calendar.MustDate(2016, 11, 10), 7},
		{calendar.MustDate(2021, 11, 9), 7},
		{calendar.MustDate(2021, 11, 10), 8},
		{calendar.MustDate(2026, 11, 9), 8},
		{calendar.MustDate(2026, 11, 10), 0},
	} {
		v, step, err := s.InForce(c.day)
		if c.want == 0 {
			if !errors.Is(err, law.ErrNoVersion) {
				t.Errorf("InForce(%s) = version %d, %v; want an error wrapping law.ErrNoVersion", c.day, v.Version, err)
			}
			continue
		}
		if err != nil || v.Version != c.want {
			t.Errorf("InForce(%s) = version %d, %v; want %d", c.day, v.Version, err, c.want)
			continue
		}
		if step.Rule != "GEN-04" || !strings.HasPrefix(step.Version, strings.TrimSpace(string(rune('0'+c.want)))) {
			t.Errorf("InForce(%s) step = %+v; want GEN-04 naming version %d", c.day, step, c.want)
		}
	}
}

// TestInForceProperty_GEN04: for any chain of consecutive versions, on every day of the chain's span
// exactly the version whose period holds the day is in force, and outside it none.
func TestInForceProperty_GEN04(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 6).Draw(t, "versions")
		day := calendar.MustDate(2010, 1, 1).AddDays(rapid.IntRange(0, 3000).Draw(t, "start"))
		var vs []register.StandardVersion
		for i := range n {
			length := rapid.IntRange(1, 2000).Draw(t, "length")
			v := register.StandardVersion{ID: register.ID(100 + i), Version: i + 1, Name: "Kokk, tase 4",
				Types: []classifier.StandardType{classifier.OccupationalStandard}, EKR: classifier.MustLevel(4), Basic: true,
				InForce: law.Period{From: day, Until: day.AddDays(length - 1)}}
			if i > 0 {
				v.Previous = vs[i-1].ID
			}
			if i == n-1 && rapid.Bool().Draw(t, "open end") {
				v.InForce.Until = calendar.Date{}
			}
			vs = append(vs, v)
			day = day.AddDays(length + rapid.IntRange(0, 3).Draw(t, "gap"))
		}
		chains, err := register.Chain(vs)
		if err != nil || len(chains) != 1 {
			t.Fatalf("Chain = %d standards, %v", len(chains), err)
		}
		s := chains[0]
		if err := s.Validate(); err != nil {
			t.Fatal(err)
		}
		probe := vs[0].InForce.From.AddDays(rapid.IntRange(-5, 12000).Draw(t, "probe"))
		var want []int
		for _, v := range vs {
			if v.InForce.Contains(probe) {
				want = append(want, v.Version)
			}
		}
		got, _, err := s.InForce(probe)
		switch len(want) {
		case 0:
			if !errors.Is(err, law.ErrNoVersion) {
				t.Fatalf("InForce(%s) = %d, %v; want no version", probe, got.Version, err)
			}
		case 1:
			if err != nil || got.Version != want[0] {
				t.Fatalf("InForce(%s) = %d, %v; want %d", probe, got.Version, err, want[0])
			}
		default:
			t.Fatalf("versions %v overlap on %s", want, probe)
		}
	})
}

func TestStandardValidate(t *testing.T) {
	s := welder()
	s.Versions[1].Previous = 1
	s.Versions[1].Version = 7
	s.Versions[1].InForce.From = calendar.MustDate(2021, 1, 1) // overlaps version 7
	s.Versions[1].Types = append(s.Versions[1].Types, classifier.PartialStandard, 9)
	s.Versions[1].EKR = classifier.Level{}
	s.Versions[1].Partials = append(s.Versions[1].Partials, register.Ref{ID: 10988850})
	s.Versions[1].Competences[1].For = []classifier.CertificateType{classifier.OccupationalCertificate, classifier.InitialQualification}
	s.Versions[1].Conditions.Apply = []string{"  "}
	s.Versions[0].Basic = false
	err := s.Validate()
	if !errors.Is(err, invalid.ErrInvalid) {
		t.Fatalf("Validate = %v; want invalid.ErrInvalid", err)
	}
	var es *invalid.Errors
	if !errors.As(err, &es) {
		t.Fatalf("Validate = %T", err)
	}
	for _, f := range []string{
		"Versions[1].Previous", "Versions[1].Version", "Versions", "Versions[1].Types[2]", "Versions[1].Types[3]",
		"Versions[1].EKR", "Versions[1].Partials[3].Name", "Versions[1].Partials[3].ID",
		"Versions[1].Competences[1].For[0]", "Versions[1].Competences[1].For[1]",
		"Versions[1].Conditions.Apply[0]", "Versions[0].Basic",
	} {
		if es.Field(f) == nil {
			t.Errorf("Validate did not name %s:\n%v", f, err)
		}
	}
	if err := (&register.Standard{}).Validate(); err == nil || !strings.Contains(err.Error(), "Versions is required") {
		t.Errorf("empty standard: %v", err)
	}
	v := register.StandardVersion{ID: 5, Previous: 5, Version: 0, Name: "x\x00", InForce: law.Period{From: calendar.Date{Year: 2020, Month: 2, Day: 30}}}
	err = v.Validate()
	for _, f := range []string{"Previous", "Version", "Name", "Types", "EKR", "InForce.From"} {
		if es := err.(*invalid.Errors); es.Field(f) == nil {
			t.Errorf("StandardVersion.Validate did not name %s: %v", f, err)
		}
	}
}

func TestChain(t *testing.T) {
	s := welder()
	other := s.Versions[0].Clone()
	other.ID, other.Name = 20000001, "Kokk, tase 4"
	got, err := register.Chain([]register.StandardVersion{s.Versions[1], other, s.Versions[0]})
	if err != nil {
		t.Fatal(err)
	}
	// In the order of the first versions in the input: other (index 1) before the welder (index 2).
	if len(got) != 2 || got[1].ID != s.ID || len(got[1].Versions) != 2 || got[1].Versions[1].Version != 8 || got[0].ID != other.ID {
		t.Fatalf("Chain = %+v", got)
	}
	if !reflect.DeepEqual(got[1], s) {
		t.Errorf("Chain gave\n%+v\nwant\n%+v", got[1], s)
	}
	fork := s.Versions[1].Clone()
	fork.ID = 30000001
	if _, err := register.Chain([]register.StandardVersion{s.Versions[0], s.Versions[1], fork}); !errors.Is(err, invalid.ErrInvalid) {
		t.Errorf("fork: %v", err)
	}
	a, b := s.Versions[0].Clone(), s.Versions[1].Clone()
	a.Previous = b.ID
	if _, err := register.Chain([]register.StandardVersion{a, b}); err == nil || !strings.Contains(err.Error(), "cycle") {
		t.Errorf("cycle: %v", err)
	}
	if _, err := register.Chain([]register.StandardVersion{a, a}); !errors.Is(err, invalid.ErrInvalid) {
		t.Errorf("repeated id: %v", err)
	}
}

// TestQualifications_APP01: the qualifications issued under a standard are its own name when it
// awards the basic qualification, then its specialisations (seed 000 slide 4).
func TestQualifications_APP01(t *testing.T) {
	v := welder().Versions[1]
	if got := v.Qualifications(); !slices.Equal(got, []string{"Keevitaja, tase 4"}) {
		t.Errorf("Qualifications = %q", got)
	}
	tailor := register.StandardVersion{Name: "Rätsep-stilist, tase 5", Specialisations: []register.Ref{{ID: 1, Name: "Meesterätsep, tase 5"}}}
	if got := tailor.Qualifications(); !slices.Equal(got, []string{"Meesterätsep, tase 5"}) {
		t.Errorf("without pohikutse: %q", got)
	}
	tailor.Basic = true
	if got := tailor.Qualifications(); !slices.Equal(got, []string{"Rätsep-stilist, tase 5", "Meesterätsep, tase 5"}) {
		t.Errorf("with pohikutse: %q", got)
	}
	if c := v.CompetencesFor(classifier.PartialCertificate); len(c) != 1 || c[0].Name != "Käsikaarkeevitus" {
		t.Errorf("CompetencesFor(partial) = %+v", c)
	}
	if c := v.CompetencesFor(classifier.InitialQualification); c != nil {
		t.Errorf("CompetencesFor(initial) = %+v", c)
	}
	if v.IsInitial() {
		t.Error("welder is not an initial qualification")
	}
	if !(&register.StandardVersion{Name: "Bioanalüütik, tase 6 esmane kutse"}).IsInitial() {
		t.Error("an esmane kutse name is initial")
	}
}

func TestCloneIsDeep(t *testing.T) {
	s := welder()
	c := s.Clone()
	c.Versions[1].Competences[0].Competences[1].Indicators[0] = "x"
	c.Versions[1].Partials[0].Name = "x"
	if s.Versions[1].Competences[0].Competences[1].Indicators[0] == "x" || s.Versions[1].Partials[0].Name == "x" {
		t.Error("Standard.Clone shares memory")
	}
	b := machineIndustry()
	d := b.Clone()
	d.Awards[0].Partials[0].Name = "x"
	d.Committees[0].Members[0].Name = "x"
	d.Awards[0].Info.ExamDates[0] = calendar.Date{}
	if b.Awards[0].Partials[0].Name == "x" || b.Committees[0].Members[0].Name == "x" || b.Awards[0].Info.ExamDates[0].IsZero() {
		t.Error("AwardingBody.Clone shares memory")
	}
}

func TestAwardingBodyValidate(t *testing.T) {
	b := machineIndustry()
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
	if a, ok := b.Award(10536894, 10988847); !ok || a.Name != "Keevitaja, tase 4" {
		t.Errorf("Award = %+v, %v", a, ok)
	}
	if _, ok := b.Award(1); ok {
		t.Error("Award(1) found")
	}
	if !b.MayAwardOn(calendar.MustDate(2026, 12, 31)) || b.MayAwardOn(calendar.MustDate(2027, 1, 1)) {
		t.Error("MayAwardOn disagrees with the mandate")
	}
	b.Code = "8004020"
	b.Contacts.Email = "emtl.ee"
	b.Contacts.HomePage = "www.emtl.ee"
	b.Awards[0].Procedure = "ftp://x"
	b.Awards[0].Info.Rounds[0].Closes = calendar.MustDate(2026, 1, 1)
	b.Awards = append(b.Awards, b.Awards[0])
	b.Committees[0].Members[1].Role = classifier.Chair
	b.Committees[0].Members[2].ID = 11000001
	b.ExamLanguages[1].ID = 1
	err := b.Validate()
	es, ok := err.(*invalid.Errors)
	if !ok || !errors.Is(err, invalid.ErrInvalid) {
		t.Fatalf("Validate = %v", err)
	}
	for _, f := range []string{"Code", "Contacts.Email", "Contacts.HomePage", "Awards[0].Procedure", "Awards[0].Info.Rounds[0].Until",
		"Awards[1].Standard", "Committees[0].Members[1].Role", "Committees[0].Members[2].ID", "ExamLanguages[1].ID"} {
		if es.Field(f) == nil {
			t.Errorf("Validate did not name %s:\n%v", f, err)
		}
	}
	if (&register.AwardingBody{Code: "80040205", Name: "x"}).MayAwardOn(calendar.MustDate(1990, 1, 1)) != true {
		t.Error("a body without a mandate in the register may award")
	}
}

func TestCouncilAndClassifier(t *testing.T) {
	co := register.Council{ID: 10400001, Name: "Tehnika, tootmise ja töötleva tööstuse kutsenõukogu",
		Occupations: []string{"Metallitöö ja masinaehitus"},
		Members:     []register.CouncilMember{{Name: "Mari Mets", Represents: "Eesti Masinatööstuse Liit", Chair: true}}}
	if err := co.Validate(); err != nil {
		t.Fatal(err)
	}
	co.Members = append(co.Members, register.CouncilMember{Name: "Peeter Puu", Chair: true})
	co.Name = ""
	if err := co.Validate(); !errors.Is(err, invalid.ErrInvalid) || !strings.Contains(err.Error(), "Members[1].Chair") || !strings.Contains(err.Error(), "Name is required") {
		t.Errorf("Council.Validate = %v", err)
	}
	k := register.Classifier{
		Fields: []register.Field{{ID: 1, Name: "Tehnika, tootmine ja ehitus"}},
		Occupations: []register.Occupation{{ID: 10521659, Name: "Sotsiaaltöö ja nõustamine", Field: 1,
			ISCO: []classifier.ISCO{{Code: "3412", Name: "Sotsiaaltöö keskastme spetsialistid"}}}},
	}
	if err := k.Validate(); err != nil {
		t.Fatal(err)
	}
	if f, ok := k.Field(1); !ok || f.Name != "Tehnika, tootmine ja ehitus" {
		t.Errorf("Field(1) = %v, %v", f, ok)
	}
	k.Occupations = append(k.Occupations, register.Occupation{ID: 10521659, Name: "x", Field: 7, ISCO: []classifier.ISCO{{Code: "12345"}}})
	err := k.Validate()
	for _, f := range []string{"Occupations[1].ID", "Occupations[1].Field", "Occupations[1].ISCO[0].Code"} {
		if es := err.(*invalid.Errors); es.Field(f) == nil {
			t.Errorf("Classifier.Validate did not name %s: %v", f, err)
		}
	}
}

func TestParseID(t *testing.T) {
	for _, s := range []string{"10521659", " 1 ", "999999999999999"} {
		if id, err := register.ParseID(s); err != nil || id.String() != strings.TrimSpace(s) {
			t.Errorf("ParseID(%q) = %v, %v", s, id, err)
		}
	}
	for _, s := range []string{"", "0", "012", "-1", "1e3", "1000000000000000", "x"} {
		if _, err := register.ParseID(s); !errors.Is(err, invalid.ErrInvalid) {
			t.Errorf("ParseID(%q) = %v; want ErrInvalid", s, err)
		}
	}
	if register.ID(0).String() != "" || !register.ID(0).IsZero() {
		t.Error("zero ID")
	}
}

func FuzzParseID(f *testing.F) {
	for _, s := range []string{"10521659", "0", "", "99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := register.ParseID(s)
		if err != nil {
			return
		}
		if id <= 0 || id > register.MaxID {
			t.Fatalf("ParseID(%q) = %d", s, id)
		}
		if back, err := register.ParseID(id.String()); err != nil || back != id {
			t.Fatalf("round trip %q: %v, %v", s, back, err)
		}
	})
}
