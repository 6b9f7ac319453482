package schooldoc_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
	"github.com/kutsekit/kutse/schooldoc"
)

// june2014 is regulation nr 113 as the tests apply it: their documents are decided on 13 June 2014,
// before the version the SDK knows (from 13.07.2014). As a host that has read the text in force from
// 02.05.2014 would (the seed's markers show the amendment of 13.07.2014 changed only § 6), they add
// it as a version with the same figures. The refusal without it is proved by
// TestVersions_GEN04_SCH04to09.
var june2014 = func() vv113.Statute {
	st, err := vv113.Default().With(vv113.Version{Name: "02.05.2014 (test host)",
		Period: law.Period{From: calendar.MustDate(2014, time.May, 2), Until: calendar.MustDate(2014, time.July, 12)},
		Rule:   vv113.Default()[0].Rule})
	if err != nil {
		panic(err)
	}
	return st
}()

func holder(t testing.TB) certificate.Holder {
	c, err := isikukood.Parse("49403136515")
	if err != nil {
		t.Fatal(err)
	}
	return certificate.Holder{Name: "Mari Maasikas", Code: c}
}

func signatories() schooldoc.Signatories {
	return schooldoc.Signatories{
		Director: "Jaan Tamm", Secretary: "Kati Kask",
		Members: []string{"A Aas", "B Baas", "C Caas", "D Daas", "E Eas"},
		Seal:    true,
	}
}

func gymnasium(t testing.TB) schooldoc.LeavingCertificate {
	return schooldoc.LeavingCertificate{
		Kind: schooldoc.Gymnasium, Number: "G123456", Holder: holder(t),
		SchoolLocation: "Tartu", School: "Hugo Treffneri Gümnaasiumi",
		StudyDirection: "reaalsuuna", Medal: schooldoc.Gold,
		DecisionNumber: "5", DecisionDate: calendar.MustDate(2014, time.June, 13),
		Language: "et", Signatories: signatories(),
		Handover: schooldoc.Handover{To: schooldoc.ToHolder, Signed: true},
	}
}

func basic(t testing.TB) schooldoc.LeavingCertificate {
	c := gymnasium(t)
	c.Kind, c.Number, c.School, c.StudyDirection, c.Medal = schooldoc.Basic, "P000042", "Tartu Kesklinna Kooli", "", schooldoc.NoMedal
	c.WithPraise = true
	return c
}

// field returns the FieldError of err for field, or fails.
func field(t *testing.T, err error, name, rule string) {
	t.Helper()
	if !errors.Is(err, invalid.ErrInvalid) {
		t.Fatalf("Validate() = %v; want an error wrapping invalid.ErrInvalid", err)
	}
	es, ok := errors.AsType[*invalid.Errors](err)
	if !ok {
		t.Fatalf("Validate() = %T; want *invalid.Errors", err)
	}
	f := es.Field(name)
	if f == nil {
		t.Fatalf("Validate() = %v; want an error on %s", err, name)
	}
	if !strings.Contains(f.Reason, "("+rule) && !strings.Contains(f.Reason, ", "+rule) {
		t.Errorf("%s: reason %q does not name %s", name, f.Reason, rule)
	}
}

func TestValidate_valid(t *testing.T) {
	for _, c := range []schooldoc.LeavingCertificate{gymnasium(t), basic(t)} {
		if err := c.Validate(june2014); err != nil {
			t.Errorf("Validate(%s) = %v; want nil", c.Kind, err)
		}
	}
}

func TestValidate_SCH03_number(t *testing.T) {
	for _, tc := range []struct {
		kind schooldoc.Kind
		no   certificate.Number
	}{{schooldoc.Gymnasium, "P123456"}, {schooldoc.Basic, "G123456"}, {schooldoc.Gymnasium, "G12345"}, {schooldoc.Basic, ""}} {
		c := basic(t)
		if tc.kind == schooldoc.Gymnasium {
			c = gymnasium(t)
		}
		c.Number = tc.no
		field(t, c.Validate(june2014), "Number", "SCH-03")
	}
}

func TestValidate_SCH04_basic(t *testing.T) {
	c := basic(t)
	c.Holder.Code = isikukood.Code{}
	field(t, c.Validate(june2014), "Holder.Code", "SCH-04")
	c.Holder.BirthDate = calendar.MustDate(1994, time.March, 13)
	if err := c.Validate(june2014); err != nil {
		t.Errorf("birth date without code: Validate() = %v; want nil", err)
	}
	c = basic(t)
	c.DecisionNumber = ""
	field(t, c.Validate(june2014), "DecisionNumber", "SCH-04")
	c = basic(t)
	c.School = ""
	field(t, c.Validate(june2014), "School", "SCH-04")
	for _, cur := range []schooldoc.Curriculum{schooldoc.Simplified, schooldoc.Coping, schooldoc.Care} {
		c = basic(t)
		c.Curriculum = cur
		if err := c.Validate(june2014); err != nil {
			t.Errorf("basic %v: Validate() = %v; want nil", cur, err)
		}
	}
}

func TestCurriculumPhrase_SCH04(t *testing.T) {
	want := map[schooldoc.Curriculum]string{
		schooldoc.National:   "",
		schooldoc.Simplified: "põhikooli lihtsustatud riikliku õppekava järgi lihtsustatud õppes",
		schooldoc.Coping:     "põhikooli lihtsustatud riikliku õppekava järgi toimetulekuõppes",
		schooldoc.Care:       "põhikooli lihtsustatud riikliku õppekava järgi hooldusõppes",
	}
	for c, w := range want {
		if got := c.Phrase(); got != w {
			t.Errorf("Curriculum(%d).Phrase() = %q; want %q", c, got, w)
		}
	}
	c := basic(t)
	c.Curriculum = schooldoc.Coping
	lines, ex, _ := c.Lines(june2014)
	if !contains(lines, want[schooldoc.Coping]) || !contains(lines, "kiitusega") {
		t.Errorf("Lines() = %q; want the coping phrase and kiitusega", lines)
	}
	if !ex.Applies("SCH-04") {
		t.Errorf("explanation %v does not apply SCH-04", ex.Rules())
	}
}

func TestValidate_SCH05_basicHasNoMedalOrDirection(t *testing.T) {
	c := basic(t)
	c.Medal = schooldoc.Silver
	field(t, c.Validate(june2014), "Medal", "SCH-05")
	c = basic(t)
	c.StudyDirection = "reaalsuuna"
	field(t, c.Validate(june2014), "StudyDirection", "SCH-05")
}

func TestValidate_SCH05_gymnasiumHasNoSimplifiedPhrase(t *testing.T) {
	c := gymnasium(t)
	c.Curriculum = schooldoc.Simplified
	field(t, c.Validate(june2014), "Curriculum", "SCH-05")
	c = gymnasium(t)
	c.WithPraise = true
	field(t, c.Validate(june2014), "WithPraise", "SCH-05")
}

func TestValidate_SCH06_language(t *testing.T) {
	for _, lang := range []string{"en", "ru", "EST"} {
		c := gymnasium(t)
		c.Language = lang
		field(t, c.Validate(june2014), "Language", "SCH-06")
		g := sheet(t)
		g.Language = lang
		field(t, g.Validate(june2014), "Language", "SCH-06")
	}
	c := gymnasium(t)
	c.Language = ""
	if err := c.Validate(june2014); err != nil {
		t.Errorf("Language \"\": Validate() = %v; want nil", err)
	}
}

func TestValidate_SCH07_confirmation(t *testing.T) {
	c := gymnasium(t)
	c.Signatories.Members = c.Signatories.Members[:4]
	field(t, c.Validate(june2014), "Signatories.Members", "SCH-07")
	c = gymnasium(t)
	c.Signatories.Members = []string{"a", "b", "c", "d", " "}
	field(t, c.Validate(june2014), "Signatories.Members", "SCH-07")
	c = gymnasium(t)
	c.Signatories.Director = ""
	field(t, c.Validate(june2014), "Signatories.Director", "SCH-07")
	c = gymnasium(t)
	c.Signatories.Secretary = ""
	field(t, c.Validate(june2014), "Signatories.Secretary", "SCH-07")
	c = gymnasium(t)
	c.Signatories.Seal = false
	field(t, c.Validate(june2014), "Signatories.Seal", "SCH-07")
}

func TestValidate_SCH07_handover(t *testing.T) {
	c := gymnasium(t)
	c.Handover = schooldoc.Handover{To: schooldoc.ToAuthorised, AuthorisedName: "Peeter Maasikas", Signed: true}
	field(t, c.Validate(june2014), "Handover.WrittenAuthorisation", "SCH-07")
	c.Handover.WrittenAuthorisation = true
	if err := c.Validate(june2014); err != nil {
		t.Errorf("authorised with written authorisation: Validate() = %v; want nil", err)
	}
	c.Handover.Signed = false
	field(t, c.Validate(june2014), "Handover.Signed", "SCH-07")
	c.Handover = schooldoc.Handover{}
	if err := c.Validate(june2014); err != nil {
		t.Errorf("not handed over: Validate() = %v; want nil", err)
	}
}

func TestLines_GEN02_decisionDate(t *testing.T) {
	lines, ex, _ := gymnasium(t).Lines(june2014)
	if !contains(lines, "õppenõukogu otsusega nr 5 13. juunil 2014") {
		t.Errorf("Lines() = %q; want the decision worded per GEN-02", lines)
	}
	for _, r := range []string{"SCH-03", "SCH-05", "GEN-02", "SCH-06", "SCH-07"} {
		if !ex.Applies(r) {
			t.Errorf("explanation rules %v; want %s", ex.Rules(), r)
		}
	}
	c := gymnasium(t)
	c.Holder.Code = isikukood.Code{}
	c.Holder.BirthDate = calendar.MustDate(1994, time.March, 13)
	lines, _, _ = c.Lines(june2014)
	if !contains(lines, "sünniaeg 13.03.1994") {
		t.Errorf("Lines() = %q; want the birth date", lines)
	}
}

func contains(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

// TestVersions_GEN04_SCH04to09 proves that the leaving certificate's and the grade sheet's rules are
// those of the version of regulation nr 113 in force on the teachers' council's decision date: under
// the SDK's own (13.07.2014–30.04.2015) a certificate decided in June 2014 or in 2026 is refused with
// law.ErrNoVersion, one decided on 23.01.2015 passes and its explanation names the version; a host's
// version applies its own figures (seven council members).
func TestVersions_GEN04_SCH04to09(t *testing.T) {
	for _, d := range []calendar.Date{calendar.MustDate(2014, time.June, 13), calendar.MustDate(2014, time.July, 12),
		calendar.MustDate(2015, time.May, 1), calendar.MustDate(2026, time.June, 12)} {
		c, g := gymnasium(t), sheet(t)
		c.DecisionDate, g.DecisionDate = d, d
		if err := c.Validate(nil); !errors.Is(err, law.ErrNoVersion) {
			t.Errorf("LeavingCertificate.Validate(decided %s) = %v; want ErrNoVersion", d, err)
		}
		if err := g.Validate(nil); !errors.Is(err, law.ErrNoVersion) {
			t.Errorf("GradeSheet.Validate(decided %s) = %v; want ErrNoVersion", d, err)
		}
		if _, _, err := c.Lines(nil); !errors.Is(err, law.ErrNoVersion) {
			t.Errorf("LeavingCertificate.Lines(decided %s) = %v; want ErrNoVersion", d, err)
		}
		if _, _, err := g.Lines(nil); !errors.Is(err, law.ErrNoVersion) {
			t.Errorf("GradeSheet.Lines(decided %s) = %v; want ErrNoVersion", d, err)
		}
	}
	c, g := gymnasium(t), sheet(t)
	c.DecisionDate, g.DecisionDate = calendar.MustDate(2015, time.January, 23), calendar.MustDate(2015, time.January, 23)
	if err := c.Validate(nil); err != nil {
		t.Errorf("Validate(decided 23.01.2015) = %v", err)
	}
	if err := g.Validate(nil); err != nil {
		t.Errorf("GradeSheet.Validate(decided 23.01.2015) = %v", err)
	}
	for _, lines := range []func() ([]string, law.Explanation, error){
		func() ([]string, law.Explanation, error) { return c.Lines(nil) },
		func() ([]string, law.Explanation, error) { return g.Lines(nil) },
	} {
		_, ex, err := lines()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range ex.Steps {
			if s.Citation.RT == vv113.RT && s.Version != "13.07.2014" {
				t.Errorf("step %s (%s) names version %q; want 13.07.2014", s.Rule, s.Citation, s.Version)
			}
		}
	}
	r := vv113.Default()[0].Rule
	r.CouncilMembers = 7
	st, err := vv113.Default().With(vv113.Version{Name: "2026 (host)", Period: law.Period{From: calendar.MustDate(2015, time.May, 1)}, Rule: r})
	if err != nil {
		t.Fatal(err)
	}
	c.DecisionDate = calendar.MustDate(2026, time.June, 12)
	field(t, c.Validate(st), "Signatories.Members", "SCH-07")
}
