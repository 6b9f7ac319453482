package duplicate_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/duplicate"
	"github.com/kutsekit/kutse/isikukood"
)

var update = flag.Bool("update", false, "update golden files")

// golden compares got with testdata/name; go test -update rewrites it.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

var (
	decider = duplicate.Party{Role: duplicate.PartySchool, Code: kivilinnaK, Name: "Tartu Kivilinna Kool"}
	origin  = duplicate.Party{Role: duplicate.PartySchool, Code: kivilinna, Name: "Tartu 12. Keskkool"}
)

// TestDuplicateForm_SCH24 proves the duplicate's form: the mark with the original's number and the
// issue date in the upper right corner, the blank in force, the text from the pupils' register, the
// director's signature without names, and the school's name as at graduation.
func TestDuplicateForm_SCH24(t *testing.T) {
	o := gymnasium("G012345", kivilinna, "Tartu 12. Keskkool", d(1995, time.June, 17))
	f, e, _ := duplicate.DuplicateForm(statute, duplicate.FormInput{Procedure: duplicate.SchoolDuplicate, Original: o, IssuedOn: d(2026, time.November, 30),
		Origin: origin, Decider: decider})
	want := duplicate.Form{
		Mark: "Lõputunnistuse nr G012345 duplikaat", MarkPlace: "paremas ülanurgas", IssuedOn: d(2026, time.November, 30),
		IssuedOnText: "30. novembril 2026", Blank: "duplikaadi väljaandmise ajal kehtiv gümnaasiumi lõputunnistuse plank",
		Text: "algdokumendiga sama tekst „Õpilasraamatu” sissekannete alusel", IssuerName: "Tartu 12. Keskkool",
		SignedBy: []string{"kooli direktor"}, Seal: "kooli pitsat", OriginalNumber: true, Language: "eesti keel",
	}
	if f.Mark != want.Mark || f.IssuedOnText != want.IssuedOnText || f.Blank != want.Blank || f.IssuerName != want.IssuerName ||
		!slices.Equal(f.SignedBy, want.SignedBy) || f.Seal != want.Seal || !f.OriginalNumber || f.Text != want.Text || f.MarkPlace != want.MarkPlace {
		t.Errorf("DuplicateForm =\n\t%+v\nwant\n\t%+v", f, want)
	}
	if len(e.Steps) != 4 || e.Rules()[0] != "SCH-24" || e.Steps[3].Citation.String() != "RT I 2010, 58, 391 § 20 lg 3" {
		t.Errorf("explanation:\n%s", e)
	}
	gs := gymnasium("H000123", kivilinna, "", d(1995, time.June, 17))
	gs.Kind = certificate.GradeSheet
	if m := duplicate.Mark(gs); m != "Hinnetelehe nr H000123 duplikaat" {
		t.Errorf("Mark(grade sheet) = %q", m)
	}
	dd := o.Clone()
	dd.Number, dd.DuplicateOf = "G900001", "G012345"
	if m := duplicate.Mark(dd); m != "Lõputunnistuse nr G012345 duplikaat" {
		t.Errorf("Mark(duplicate of a duplicate) = %q; want the first original's number", m)
	}
}

// TestNewDuplicate_SCH24 proves that the duplicate's record carries the original's text, no new data,
// its own number and date, the name at graduation, and is linked to the original; new data on a
// ground other than an error are refused.
func TestNewDuplicate_SCH24(t *testing.T) {
	o := gymnasium("G012345", kivilinna, "Tartu Kivilinna Gümnaasium", d(1995, time.June, 17))
	o.Version = 3
	in := duplicate.DuplicateInput{Procedure: duplicate.SchoolDuplicate, Ground: duplicate.Lost, Original: o, Number: "G700001",
		IssuedOn: d(2026, time.November, 30), IssuedAt: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC), Origin: origin, Decider: decider}
	dup, form, _, err := duplicate.NewDuplicate(statute, in)
	if err != nil {
		t.Fatal(err)
	}
	if dup.Number != "G700001" || dup.DuplicateOf != "G012345" || dup.Version != 0 || dup.Holder != o.Holder || dup.Kind != certificate.Gymnasium {
		t.Errorf("duplicate = %+v", dup)
	}
	if dup.IssuedOn != in.IssuedOn || dup.ValidFrom != o.ValidFrom || !dup.ValidUntil.IsZero() || dup.Issuer != "Tartu 12. Keskkool" || dup.IssuerCode != kivilinnaK {
		t.Errorf("duplicate dates/issuer = %s %s %s %q %s", dup.IssuedOn, dup.ValidFrom, dup.ValidUntil, dup.Issuer, dup.IssuerCode)
	}
	if dup.Extra["council-decision"] != o.Extra["council-decision"] || dup.Extra[duplicate.ExtraMark] != form.Mark || dup.Extra[duplicate.ExtraIssuedBy] != "Tartu Kivilinna Kool" {
		t.Errorf("duplicate extra = %v", dup.Extra)
	}
	bad := in
	bad.Corrections = duplicate.Corrections{HolderName: "Keegi Teine"}
	if _, _, _, err := duplicate.NewDuplicate(statute, bad); ruleOf(err) != "SCH-24" {
		t.Errorf("corrections on ground lost = %v; want a SCH-24 error", err)
	}
	bad = in
	bad.Number = "P000001"
	if _, _, _, err := duplicate.NewDuplicate(statute, bad); !errors.Is(err, certificate.ErrInvalid) {
		t.Errorf("basic-school blank for a gymnasium certificate = %v; want certificate.ErrInvalid (SCH-03)", err)
	}
	// Ground 2: the corrected data from the pupils' register.
	fix := in
	fix.Ground, fix.Corrections = duplicate.Error, duplicate.Corrections{HolderName: "Ema-Kaks Piskel-Tamm"}
	dup, _, e, err := duplicate.NewDuplicate(statute, fix)
	if err != nil || dup.Holder.Name != "Ema-Kaks Piskel-Tamm" || !e.Applies("SCH-24") {
		t.Errorf("corrected duplicate = %+v, %v", dup.Holder, err)
	}
}

// TestNewDuplicate_CERT07 proves the occupational duplicate: "DUPLIKAAT", not the original's number,
// its own date, the original's end of validity, and the new name (change of name) or new code and
// name (ground 5), or the corrected data (ground 3); the register keeps both linked.
func TestNewDuplicate_CERT07(t *testing.T) {
	o := occupational(body)
	o.Version = 2
	bodyP := duplicate.Party{Role: duplicate.PartyAwardingBody, Code: body, Name: "Autonoomse Arenduse Ühing"}
	base := duplicate.DuplicateInput{Procedure: duplicate.OccupationalDuplicate, Original: o, IssuedOn: d(2026, time.November, 30), Origin: bodyP, Decider: bodyP}

	in := base
	in.Ground, in.NewName = duplicate.NameChange, "Ema-Kaks Tamm"
	dup, form, e, err := duplicate.NewDuplicate(statute, in)
	if err != nil {
		t.Fatal(err)
	}
	if form.Mark != "DUPLIKAAT" || form.OriginalNumber || form.MarkPlace != "paremas ülanurgas" || !e.Applies("CERT-07") {
		t.Errorf("form = %+v", form)
	}
	if dup.Holder.Name != "Ema-Kaks Tamm" || dup.Holder.Code != o.Holder.Code || dup.ValidUntil != o.ValidUntil || dup.DuplicateOf != "204580" || dup.Number != "" {
		t.Errorf("name-change duplicate = %+v", dup)
	}
	newCode := isikukood.MustParse("39001010000")
	in = base
	in.Ground, in.NewCode, in.NewName = duplicate.NewPersonalCode, newCode, "Uus Nimi"
	dup, _, _, err = duplicate.NewDuplicate(statute, in)
	if err != nil || dup.Holder.Code != newCode || dup.Holder.Name != "Uus Nimi" {
		t.Errorf("new-code duplicate = %+v, %v", dup.Holder, err)
	}
	in.NewCode = isikukood.Code{}
	if _, _, _, err := duplicate.NewDuplicate(statute, in); ruleOf(err) != "CERT-07" {
		t.Errorf("new-personal-code without a code = %v; want a CERT-07 error", err)
	}
	in = base
	in.Ground, in.Corrections = duplicate.Error, duplicate.Corrections{Title: "Sõiduautodiagnostik, tase 5 (parandatud)", Competences: []string{"A", "B"}}
	dup, _, _, err = duplicate.NewDuplicate(statute, in)
	if err != nil || dup.Title != "Sõiduautodiagnostik, tase 5 (parandatud)" || !slices.Equal(dup.Competences, []string{"A", "B"}) {
		t.Errorf("corrected duplicate = %+v, %v", dup, err)
	}
	in = base
	in.Ground, in.NewName = duplicate.Lost, "Keegi"
	if _, _, _, err := duplicate.NewDuplicate(statute, in); ruleOf(err) != "CERT-07" {
		t.Errorf("a new name on ground lost = %v; want a CERT-07 error (no new data)", err)
	}
	k := base
	k.Ground, k.Decider = duplicate.Lost, duplicate.Kutsekoda()
	dup, form, _, _ = duplicate.NewDuplicate(statute, k)
	if dup.IssuerCode != "90006414" || dup.Issuer != o.Issuer || form.SignedBy[0] != "Kutsekoja juhatuse liige või volitatud isik" {
		t.Errorf("Kutsekoda's duplicate: issuer %q %s, signed by %v", dup.Issuer, dup.IssuerCode, form.SignedBy)
	}
}

// TestInvalidationNotice_SCH19 proves the text of the notice in Ametlikud Teadaanded (golden files),
// for a school duplicate and an exchange (SCH-14), and that nothing is published for ground 4.
func TestInvalidationNotice_SCH19(t *testing.T) {
	o := gymnasium("G012345", kivilinna, "Tartu Kivilinna Gümnaasium", d(1995, time.June, 17))
	txt, err := duplicate.InvalidationNotice(statute, duplicate.NoticeFacts{Procedure: duplicate.SchoolDuplicate, Ground: duplicate.Lost,
		Publisher: decider, Decision: "1-3/15", DecidedOn: d(2026, time.November, 30), Original: o, Origin: origin})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "notice-school.golden", txt)

	se := stateExam("R000777")
	txt, err = duplicate.InvalidationNotice(statute, duplicate.NoticeFacts{Procedure: duplicate.StateExamExchange, Ground: duplicate.Electronic,
		Publisher: duplicate.Party{Role: duplicate.PartyExamCentre, Code: harno, Name: "Haridus- ja Noorteamet"}, DecidedOn: d(2026, time.November, 30), Original: se})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "notice-exchange.golden", txt)

	_, err = duplicate.InvalidationNotice(statute, duplicate.NoticeFacts{Procedure: duplicate.SchoolDuplicate, Ground: duplicate.Legalised, Publisher: decider, Original: o})
	wantErr(t, "InvalidationNotice(ground 4)", err, duplicate.ErrState)
}

// TestGraduationCertificate_SCH22 proves the certificate of graduation's seven items and seal, and
// that each missing item is named.
func TestGraduationCertificate_SCH22(t *testing.T) {
	g := duplicate.GraduationCertificate{Name: "Ema-Kaks Piskel", Code: code(), Curriculum: "gümnaasiumi riiklik õppekava",
		School: "Nõo Keskkool", Graduated: d(1995, time.June, 17), Signatory: "Mari Maasikas, direktor",
		IssuedOn: d(2026, time.November, 30), Seal: true}
	e, err := g.Check(statute)
	if err != nil || !e.Applies("SCH-22") {
		t.Fatalf("Check = %v", err)
	}
	if items := g.Items(); len(items) != 7 || items[4].Value != "17. juunil 1995" {
		t.Errorf("Items = %+v", items)
	}
	golden(t, "graduation-certificate.golden", g.Text())
	noBirth := g
	noBirth.Code, noBirth.BirthDate = isikukood.Code{}, d(1995, time.February, 2)
	if it := noBirth.Items()[1]; it.Label != "Kooli lõpetanu sünniaeg" || it.Value != "2. veebruaril 1995" {
		t.Errorf("item 2 without a code = %+v", it)
	}
	_, err = duplicate.GraduationCertificate{Name: "X"}.Check(statute)
	var ve *duplicate.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 7 || ve.Field("Seal") == nil || ve.Field("Curriculum").Citation != "RT I 2010, 58, 391 § 18 lg 7 p 3" {
		t.Errorf("Check(incomplete) = %v", err)
	}
}

// TestNewDuplicate_SCH24_KeepsOriginalValidity proves that a duplicate carries the original's text
// and no new data (seed 002 § 20 (2); Reg74 § 9 (2)): it keeps the original's validity, ValidFrom
// and ValidUntil, and only its issue date is its own. Before its issue the original stands, so the
// duplicate is not yet valid then (CERT-02).
func TestNewDuplicate_SCH24_KeepsOriginalValidity(t *testing.T) {
	issued := d(2026, time.November, 30)
	school := gymnasium("G012345", kivilinna, "Tartu Kivilinna Gümnaasium", d(1995, time.June, 17))
	occ := occupational(body)
	bodyP := duplicate.Party{Role: duplicate.PartyAwardingBody, Code: body, Name: "Autonoomse Arenduse Ühing"}
	for _, tt := range []struct {
		rule string
		in   duplicate.DuplicateInput
	}{
		{"SCH-24", duplicate.DuplicateInput{Procedure: duplicate.SchoolDuplicate, Ground: duplicate.Lost, Original: school, Number: "G700001",
			IssuedOn: issued, Origin: origin, Decider: decider}},
		{"CERT-07", duplicate.DuplicateInput{Procedure: duplicate.OccupationalDuplicate, Ground: duplicate.Lost, Original: occ,
			IssuedOn: issued, Origin: bodyP, Decider: bodyP}},
	} {
		dup, _, _, err := duplicate.NewDuplicate(statute, tt.in)
		if err != nil {
			t.Fatalf("%s: NewDuplicate: %v", tt.rule, err)
		}
		o := tt.in.Original
		if dup.ValidFrom != o.ValidFrom || dup.ValidUntil != o.ValidUntil {
			t.Errorf("%s: duplicate valid %s–%s; want the original's %s–%s (no new data)", tt.rule, dup.ValidFrom, dup.ValidUntil, o.ValidFrom, o.ValidUntil)
		}
		if dup.IssuedOn != issued {
			t.Errorf("%s: duplicate issued %s; want its own issue date %s", tt.rule, dup.IssuedOn, issued)
		}
		if st := dup.StatusOn(issued.AddDays(-1)); st != certificate.NotYetValid {
			t.Errorf("%s: duplicate's status the day before its issue = %v; want not yet valid (the original stood)", tt.rule, st)
		}
		if st := dup.StatusOn(issued); st != certificate.Valid {
			t.Errorf("%s: duplicate's status on its issue date = %v; want valid", tt.rule, st)
		}
	}
}
