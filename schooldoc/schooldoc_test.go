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
	"github.com/kutsekit/kutse/schooldoc"
)

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
		if err := c.Validate(); err != nil {
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
		field(t, c.Validate(), "Number", "SCH-03")
	}
}

func TestValidate_SCH04_basic(t *testing.T) {
	c := basic(t)
	c.Holder.Code = isikukood.Code{}
	field(t, c.Validate(), "Holder.Code", "SCH-04")
	c.Holder.BirthDate = calendar.MustDate(1994, time.March, 13)
	if err := c.Validate(); err != nil {
		t.Errorf("birth date without code: Validate() = %v; want nil", err)
	}
	c = basic(t)
	c.DecisionNumber = ""
	field(t, c.Validate(), "DecisionNumber", "SCH-04")
	c = basic(t)
	c.School = ""
	field(t, c.Validate(), "School", "SCH-04")
	for _, cur := range []schooldoc.Curriculum{schooldoc.Simplified, schooldoc.Coping, schooldoc.Care} {
		c = basic(t)
		c.Curriculum = cur
		if err := c.Validate(); err != nil {
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
	lines, ex := c.Lines()
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
	field(t, c.Validate(), "Medal", "SCH-05")
	c = basic(t)
	c.StudyDirection = "reaalsuuna"
	field(t, c.Validate(), "StudyDirection", "SCH-05")
}

func TestValidate_SCH05_gymnasiumHasNoSimplifiedPhrase(t *testing.T) {
	c := gymnasium(t)
	c.Curriculum = schooldoc.Simplified
	field(t, c.Validate(), "Curriculum", "SCH-05")
	c = gymnasium(t)
	c.WithPraise = true
	field(t, c.Validate(), "WithPraise", "SCH-05")
}

func TestValidate_SCH06_language(t *testing.T) {
	for _, lang := range []string{"en", "ru", "EST"} {
		c := gymnasium(t)
		c.Language = lang
		field(t, c.Validate(), "Language", "SCH-06")
		g := sheet(t)
		g.Language = lang
		field(t, g.Validate(), "Language", "SCH-06")
	}
	c := gymnasium(t)
	c.Language = ""
	if err := c.Validate(); err != nil {
		t.Errorf("Language \"\": Validate() = %v; want nil", err)
	}
}

func TestValidate_SCH07_confirmation(t *testing.T) {
	c := gymnasium(t)
	c.Signatories.Members = c.Signatories.Members[:4]
	field(t, c.Validate(), "Signatories.Members", "SCH-07")
	c = gymnasium(t)
	c.Signatories.Members = []string{"a", "b", "c", "d", " "}
	field(t, c.Validate(), "Signatories.Members", "SCH-07")
	c = gymnasium(t)
	c.Signatories.Director = ""
	field(t, c.Validate(), "Signatories.Director", "SCH-07")
	c = gymnasium(t)
	c.Signatories.Secretary = ""
	field(t, c.Validate(), "Signatories.Secretary", "SCH-07")
	c = gymnasium(t)
	c.Signatories.Seal = false
	field(t, c.Validate(), "Signatories.Seal", "SCH-07")
}

func TestValidate_SCH07_handover(t *testing.T) {
	c := gymnasium(t)
	c.Handover = schooldoc.Handover{To: schooldoc.ToAuthorised, AuthorisedName: "Peeter Maasikas", Signed: true}
	field(t, c.Validate(), "Handover.WrittenAuthorisation", "SCH-07")
	c.Handover.WrittenAuthorisation = true
	if err := c.Validate(); err != nil {
		t.Errorf("authorised with written authorisation: Validate() = %v; want nil", err)
	}
	c.Handover.Signed = false
	field(t, c.Validate(), "Handover.Signed", "SCH-07")
	c.Handover = schooldoc.Handover{}
	if err := c.Validate(); err != nil {
		t.Errorf("not handed over: Validate() = %v; want nil", err)
	}
}

func TestLines_GEN02_decisionDate(t *testing.T) {
	lines, ex := gymnasium(t).Lines()
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
	lines, _ = c.Lines()
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
