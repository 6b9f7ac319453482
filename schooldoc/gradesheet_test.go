package schooldoc_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/schooldoc"
	"pgregory.net/rapid"
)

func sheet(t testing.TB) schooldoc.GradeSheet {
	s := signatories()
	s.Members = nil
	return schooldoc.GradeSheet{
		Kind: schooldoc.Gymnasium, CertificateNumber: "G123456", Holder: holder(t),
		StudyLanguage: "eesti", CurriculumName: "gümnaasiumi riiklik õppekava", EKR: 4, EQF: 4,
		Subjects: []schooldoc.Subject{
			{Name: "matemaatika", Score: schooldoc.ScoreOf(5), Courses: 15},
			{Name: "kehaline kasvatus", Score: schooldoc.ScoreOf(4), Courses: 5, Individual: true},
			{Name: "muusika", NotInCurriculum: true},
		},
		Electives: []schooldoc.Elective{
			{Name: "programmeerimine", Score: schooldoc.ScoreOf(5)},
			{Name: "karjääriõpe", Passed: schooldoc.Passed},
		},
		Work:         &schooldoc.Work{Topic: "Emajõe vee kvaliteet", Score: schooldoc.ScoreOf(4)},
		Exams:        []schooldoc.Exam{{Subject: "füüsika", Score: schooldoc.ScoreOf(3)}},
		School:       "Hugo Treffneri Gümnaasiumi",
		DecisionDate: calendar.MustDate(2014, time.June, 13),
		Language:     "et",
		Signatories:  s,
	}
}

func basicSheet(t testing.TB) schooldoc.GradeSheet {
	g := sheet(t)
	g.Kind, g.CertificateNumber, g.CurriculumName, g.EKR, g.EQF = schooldoc.Basic, "P000042", "põhikooli riiklik õppekava", 2, 2
	g.Subjects = []schooldoc.Subject{{Name: "eesti keel", Score: schooldoc.ScoreOf(4)}, {Name: "kunst", Verbal: "tubli"}}
	g.Work = &schooldoc.Work{Topic: "Kooli ajalugu"}
	g.Exams = []schooldoc.Exam{{Subject: "matemaatika", Score: schooldoc.ScoreOf(5), SchoolExam: true}}
	return g
}

func TestGradeSheetValidate_valid(t *testing.T) {
	for _, g := range []schooldoc.GradeSheet{sheet(t), basicSheet(t)} {
		if err := g.Validate(june2014); err != nil {
			t.Errorf("Validate(%s) = %v; want nil", g.Kind, err)
		}
	}
}

func TestValidate_SCH08_gradeWords(t *testing.T) {
	g := sheet(t)
	g.Subjects[0].Score.Word = "hea"
	field(t, g.Validate(june2014), "Subjects[0].Score.Word", "SCH-08")
	g = sheet(t)
	g.Exams[0].Score = schooldoc.Score{Grade: 6, Word: "väga hea"}
	field(t, g.Validate(june2014), "Exams[0].Score.Grade", "SCH-08")
	g = sheet(t)
	g.Work.Score = schooldoc.Score{}
	field(t, g.Validate(june2014), "Work.Score.Grade", "SCH-08")
	g = sheet(t)
	g.Electives[1].Score = schooldoc.ScoreOf(3)
	field(t, g.Validate(june2014), "Electives[1]", "SCH-08")
}

func TestValidate_SCH08_items(t *testing.T) {
	g := sheet(t)
	g.CertificateNumber = "P123456"
	field(t, g.Validate(june2014), "CertificateNumber", "SCH-08")
	g = sheet(t)
	g.StudyLanguage = ""
	field(t, g.Validate(june2014), "StudyLanguage", "SCH-08")
	g = sheet(t)
	g.EQF = 0
	field(t, g.Validate(june2014), "EQF", "SCH-08")
	g = sheet(t)
	g.Subjects[2].Score = schooldoc.ScoreOf(3)
	field(t, g.Validate(june2014), "Subjects[2]", "SCH-08")
	g = basicSheet(t)
	g.Subjects[0].Individual = true
	field(t, g.Validate(june2014), "Subjects[0].Individual", "SCH-08")
	g = sheet(t)
	g.Exams[0].SchoolExam = true
	field(t, g.Validate(june2014), "Exams[0].SchoolExam", "SCH-08")
	g = basicSheet(t)
	g.Work.Score = schooldoc.ScoreOf(5)
	field(t, g.Validate(june2014), "Work.Score", "SCH-08")
}

func TestValidate_SCH09_confirmation(t *testing.T) {
	g := sheet(t)
	g.Signatories.Director = ""
	field(t, g.Validate(june2014), "Signatories.Director", "SCH-09")
	g = sheet(t)
	g.Signatories.Secretary = " "
	field(t, g.Validate(june2014), "Signatories.Secretary", "SCH-09")
	g = sheet(t)
	g.Signatories.Seal = false
	field(t, g.Validate(june2014), "Signatories.Seal", "SCH-09")
}

func TestGradeSheetLines_SCH08(t *testing.T) {
	lines, ex, _ := sheet(t).Lines(june2014)
	for _, want := range []string{
		"lõputunnistus nr G123456",
		"õppekeel: eesti",
		"Eesti kvalifikatsiooniraamistiku tase 4, Euroopa kvalifikatsiooniraamistiku tase 4",
		"matemaatika 5 (väga hea), kursuste arv 15",
		"kehaline kasvatus 4 (hea), kursuste arv 5, individuaalne õppekava",
		"muusika ei olnud õppekavas",
		"karjääriõpe arvestatud",
		"õpilasuurimus või praktiline töö: Emajõe vee kvaliteet 4 (hea)",
		"füüsika 3 (rahuldav)",
		"õppenõukogu otsus 13. juunil 2014",
	} {
		if !contains(lines, want) {
			t.Errorf("Lines() lack %q:\n%s", want, strings.Join(lines, "\n"))
		}
	}
	for _, r := range []string{"SCH-08", "GEN-02", "SCH-06", "SCH-09"} {
		if !ex.Applies(r) {
			t.Errorf("explanation rules %v; want %s", ex.Rules(), r)
		}
	}
	lines, _, _ = basicSheet(t).Lines(june2014)
	for _, want := range []string{"matemaatika koolieksam 5 (väga hea)", "loovtöö: Kooli ajalugu", "kunst tubli"} {
		if !contains(lines, want) {
			t.Errorf("basic Lines() lack %q:\n%s", want, strings.Join(lines, "\n"))
		}
	}
}

// TestGradeWords_SCH08 checks that every grade 1–5 has exactly one word and the word gives it back,
// and that nothing else is a grade.
func TestGradeWords_SCH08(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := schooldoc.Grade(rapid.IntRange(0, 255).Draw(t, "grade"))
		w := g.Word()
		if !g.Valid() {
			if w != "" {
				t.Fatalf("Grade(%d).Word() = %q; want \"\"", g, w)
			}
			return
		}
		back, err := schooldoc.ParseGradeWord(w)
		if err != nil || back != g {
			t.Fatalf("ParseGradeWord(%q) = %d, %v; want %d", w, back, err, g)
		}
		for o := schooldoc.Weak; o <= schooldoc.VeryGood; o++ {
			if o != g && o.Word() == w {
				t.Fatalf("grades %d and %d share the word %q", g, o, w)
			}
		}
		s := schooldoc.ScoreOf(g)
		if s.Word != w || s.Grade != g {
			t.Fatalf("ScoreOf(%d) = %+v", g, s)
		}
	})
	want := map[schooldoc.Grade]string{5: "väga hea", 4: "hea", 3: "rahuldav", 2: "puudulik", 1: "nõrk"}
	for g, w := range want {
		if got := g.Word(); got != w {
			t.Errorf("Grade(%d).Word() = %q; want %q", g, got, w)
		}
	}
	if _, err := schooldoc.ParseGradeWord("suurepärane"); err == nil {
		t.Error("ParseGradeWord(\"suurepärane\") = nil error; want one")
	}
}
