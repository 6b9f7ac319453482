package kutse_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/xroad"
	"github.com/kutsekit/kutse/deadline"
	"github.com/kutsekit/kutse/duplicate"
	"github.com/kutsekit/kutse/exam/proficiency"
	"github.com/kutsekit/kutse/exam/stateexam"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
	"github.com/kutsekit/kutse/notify"
	"github.com/kutsekit/kutse/schooldoc"
	"github.com/kutsekit/kutse/stamp"
	"github.com/kutsekit/kutse/stamp/asice"
	"github.com/kutsekit/kutse/stamp/pdf"
	"github.com/kutsekit/kutse/store/memstore"
	"github.com/kutsekit/kutse/store/pgstore"
)

// isA returns a check that errors.As finds a T in an error: the package's own detail survives.
func isA[T error]() func(error) bool {
	return func(err error) bool {
		_, ok := errors.AsType[T](err)
		return ok
	}
}

// is returns a check that errors.Is finds target in an error: the package's own category survives.
func is(target error) func(error) bool {
	return func(err error) bool { return errors.Is(err, target) }
}

// TestBadInput_OneErrorForTheWholeSDK proves package invalid's promise (DESIGN principle 6; GEN-06:
// every refusal explains itself): every parser, decoder and validator of every package, fed bad
// input, returns an error that satisfies errors.Is(err, invalid.ErrInvalid), so a host maps it to
// one answer (400) whichever package reported it, and the error keeps the package's own detail: its
// type (errors.As) and its own sentinel (errors.Is). Each row names the rule of RULES.md the input
// belongs to where there is one.
func TestBadInput_OneErrorForTheWholeSDK(t *testing.T) {
	ctx := context.Background()
	badCert := certificate.Certificate{Kind: certificate.Occupational} // no holder, issuer, dates
	reg, err := certificate.NewRegistry(memstore.New(), certificate.Config{})
	if err != nil {
		t.Fatal(err)
	}
	rb := proficiency.Default()
	tests := []struct {
		rule, name string
		err        func() error
		own        func(error) bool // the package's own detail is still there
	}{
		// isikukood (GEN-01)
		{"GEN-01", "isikukood.Parse checksum", func() error { _, err := isikukood.Parse("49502020048"); return err }, is(isikukood.ErrChecksum)},
		{"GEN-01", "isikukood.Parse length", func() error { _, err := isikukood.Parse("4950"); return err }, isA[*isikukood.Error]()},
		{"GEN-01", "isikukood.CheckDigit", func() error { _, err := isikukood.CheckDigit("49502x2004"); return err }, is(isikukood.ErrNonDigit)},
		{"GEN-01", "isikukood.Make", func() error { _, err := isikukood.Make(9, calendar.MustDate(1995, 2, 2), 4); return err }, isA[*invalid.FieldError]()},
		{"GEN-01", "isikukood.Code.UnmarshalText", func() error { var c isikukood.Code; return c.UnmarshalText([]byte("x")) }, isA[*isikukood.Error]()},
		{"GEN-01", "isikukood.Code.Scan", func() error { var c isikukood.Code; return c.Scan("39001019999") }, isA[*isikukood.Error]()},
		// calendar (GEN-02, GEN-03)
		{"GEN-02", "calendar.ParseDate", func() error { _, err := calendar.ParseDate("31.02.2024"); return err }, isA[*calendar.DateError]()},
		{"GEN-02", "calendar.ParseDate format", func() error { _, err := calendar.ParseDate("2024/01/01"); return err }, isA[*calendar.DateError]()},
		{"GEN-02", "calendar.NewDate", func() error { _, err := calendar.NewDate(2024, 13, 1); return err }, isA[*calendar.DateError]()},
		{"GEN-02", "calendar.Date.UnmarshalText", func() error { var d calendar.Date; return d.UnmarshalText([]byte("2024-02-30")) }, isA[*calendar.DateError]()},
		{"GEN-02", "calendar.Date.UnmarshalJSON", func() error { var d calendar.Date; return d.UnmarshalJSON([]byte("20240101")) }, isA[*calendar.DateError]()},
		{"GEN-02", "calendar.Date.Scan", func() error { var d calendar.Date; return d.Scan("yesterday") }, isA[*calendar.DateError]()},
		// deadline (GEN-03)
		{"GEN-03", "deadline.Days length", func() error { _, err := deadline.Days(calendar.MustDate(2024, 1, 1), 0); return err }, is(deadline.ErrLength)},
		{"GEN-03", "deadline.WorkingDays trigger", func() error { _, err := deadline.WorkingDays(calendar.Date{}, 5); return err }, is(deadline.ErrTrigger)},
		{"GEN-03", "deadline.New unit", func() error { _, err := deadline.New(calendar.MustDate(2024, 1, 1), 1, 99); return err }, is(deadline.ErrUnit)},
		{"GEN-03", "deadline.Years range", func() error { _, err := deadline.Years(calendar.MustDate(9999, 1, 1), 5); return err }, is(deadline.ErrUnsupported)},
		// law (GEN-04, GEN-05)
		{"GEN-05", "law.ParseLang", func() error { _, err := law.ParseLang("fi"); return err }, isA[*invalid.FieldError]()},
		{"GEN-04", "law.Versions.Check", func() error {
			return law.Versions[int]{{Name: "a", Period: law.Period{From: calendar.MustDate(2011, 1, 1), Until: calendar.MustDate(2010, 1, 1)}}}.Check()
		}, func(err error) bool { return strings.Contains(err.Error(), "ends") }},
		{"GEN-04", "vv113.Statute.Check", func() error { return vv113.Statute{{Name: "zero"}}.Check() }, isA[*invalid.FieldError]()},
		{"GEN-04", "vv113.Statute.With overlapping", func() error {
			_, err := vv113.Default().With(vv113.Version{Name: "x", Period: law.Period{From: calendar.MustDate(2015, 1, 1)}, Rule: vv113.Default()[0].Rule})
			return err
		}, isA[*invalid.FieldError]()},
		// classifier (CERT-03)
		{"CERT-03", "classifier.ParseLevel", func() error { _, err := classifier.ParseLevel("EKR 9"); return err }, is(classifier.ErrRange)},
		{"CERT-03", "classifier.ParseLevel syntax", func() error { _, err := classifier.ParseLevel("tase viis"); return err }, is(classifier.ErrSyntax)},
		{"CERT-03", "classifier.LevelOf", func() error { _, err := classifier.LevelOf(0); return err }, isA[*classifier.FieldError]()},
		{"CERT-03", "classifier.Level.UnmarshalText", func() error { var l classifier.Level; return l.UnmarshalText([]byte("x")) }, isA[*classifier.FieldError]()},
		{"CERT-03", "classifier.ParseOldLevel", func() error { _, err := classifier.ParseOldLevel("VI"); return err }, is(classifier.ErrSyntax)},
		{"CERT-03", "classifier.OldLevelMap.LookupTitle", func() error { _, err := classifier.OldLevelMap{}.LookupTitle("Kokk, tase 4"); return err }, is(classifier.ErrSyntax)},
		{"CERT-03", "classifier.OldLevelMap.Check", func() error {
			return classifier.OldLevelMap{{Base: " Kokk", Level: classifier.OldLevelII}: classifier.MustLevel(4)}.Check()
		}, func(err error) bool { return strings.Contains(err.Error(), "white space") }},
		{"CERT-01", "classifier.ParseCertificateType", func() error { _, err := classifier.ParseCertificateType("9"); return err }, isA[*classifier.FieldError]()},
		{"CERT-01", "classifier.ParseCertificateTypeName", func() error { _, err := classifier.ParseCertificateTypeName("diplom"); return err }, isA[*classifier.FieldError]()},
		{"CERT-01", "classifier.CertificateType.UnmarshalText", func() error { var c classifier.CertificateType; return c.UnmarshalText([]byte("x")) }, isA[*classifier.FieldError]()},
		// classifier/xroad (OPN-01, CERT-01)
		{"CERT-01", "xroad.Decode malformed XML", func() error { _, err := xroad.Decode(strings.NewReader("<kutsetunnistus><nimi>")); return err }, func(err error) bool { return strings.HasPrefix(err.Error(), "xroad: ") }},
		{"CERT-01", "xroad.Decode too large", func() error {
			_, err := xroad.Decode(bytes.NewReader(make([]byte, xroad.MaxSize+1)))
			return err
		}, is(xroad.ErrTooLarge)},
		{"CERT-01", "xroad.ToCertificate", func() error { _, err := xroad.ToCertificate(xroad.Record{Tyyp: "diplom"}); return err }, isA[*invalid.Errors]()},
		{"CERT-01", "xroad.FromCertificate", func() error {
			_, err := xroad.FromCertificate(certificate.Certificate{Kind: certificate.Gymnasium})
			return err
		}, isA[*invalid.FieldError]()},
		// certificate (CERT-01, CERT-02, SCH-03)
		{"CERT-01", "certificate.ParseNumber", func() error { _, err := certificate.ParseNumber(certificate.Gymnasium, "X1"); return err }, isA[*certificate.FieldError]()},
		{"CERT-01", "certificate.ParseKind", func() error { _, err := certificate.ParseKind("diplom"); return err }, isA[*certificate.FieldError]()},
		{"CERT-01", "certificate.Kind.UnmarshalText", func() error { var k certificate.Kind; return k.UnmarshalText([]byte("x")) }, isA[*certificate.FieldError]()},
		{"CERT-01", "certificate.Series.Check", func() error { return certificate.Series{Width: 0}.Check(certificate.Occupational) }, isA[*certificate.FieldError]()},
		{"CERT-01", "certificate.Certificate.Validate", func() error { c := badCert; return c.Validate() }, isA[*certificate.ValidationError]()},
		{"CERT-01", "certificate.NewRegistry nil store", func() error { _, err := certificate.NewRegistry(nil, certificate.Config{}); return err }, isA[*invalid.FieldError]()},
		{"CERT-01", "certificate.Registry.Issue", func() error {
			_, err := reg.Issue(ctx, actor.Keeper("90006414"), certificate.IssueRequest{Certificate: badCert})
			return err
		}, isA[*certificate.ValidationError]()},
		{"CERT-11", "certificate.Registry.Invalidate", func() error {
			_, err := reg.Invalidate(ctx, actor.Keeper("90006414"), "204580", certificate.Invalidation{})
			return err
		}, isA[*certificate.ValidationError]()},
		// schooldoc (SCH-04..09)
		{"SCH-08", "schooldoc.ParseGradeWord", func() error { _, err := schooldoc.ParseGradeWord("super"); return err }, isA[*invalid.FieldError]()},
		{"SCH-04", "schooldoc.LeavingCertificate.Validate", func() error { return schooldoc.LeavingCertificate{}.Validate(nil) }, isA[*invalid.Errors]()},
		{"SCH-08", "schooldoc.GradeSheet.Validate", func() error { return schooldoc.GradeSheet{}.Validate(nil) }, isA[*invalid.Errors]()},
		// duplicate (SCH-12..24, CERT-07)
		{"SCH-15", "duplicate.ParseGround", func() error { _, err := duplicate.ParseGround("burnt"); return err }, isA[*duplicate.RequestError]()},
		{"SCH-15", "duplicate.Ground.UnmarshalText", func() error { var g duplicate.Ground; return g.UnmarshalText([]byte("x")) }, is(duplicate.ErrGround)},
		{"CERT-07", "duplicate.GroundFromXRoad", func() error { _, err := duplicate.GroundFromXRoad(7); return err }, isA[*duplicate.RequestError]()},
		{"SCH-16", "duplicate.ValidateRequest", func() error {
			_, _, err := duplicate.ValidateRequest(nil, duplicate.Request{Kind: certificate.Gymnasium, Date: calendar.MustDate(2014, 11, 24)})
			return err
		}, isA[*duplicate.ValidationError]()},
		{"SCH-15", "duplicate.ProcedureFor no ground", func() error {
			_, _, err := duplicate.ProcedureFor(nil, certificate.Gymnasium, false, 0, calendar.MustDate(2014, 11, 24))
			return err
		}, is(duplicate.ErrNoGround)},
		{"SCH-20", "duplicate.CostOf negative fee", func() error {
			_, _, err := duplicate.CostOf(nil, duplicate.SchoolDuplicate, duplicate.Lost, false, decimal.NewFromInt(-1), calendar.MustDate(2014, 11, 24))
			return err
		}, isA[*duplicate.RequestError]()},
		{"SCH-23", "duplicate.Refuse ground", func() error {
			_, _, err := duplicate.Refuse(nil, duplicate.SchoolDuplicate, 99, calendar.MustDate(2014, 11, 24))
			return err
		}, is(duplicate.ErrRefusalGround)},
		{"SCH-22", "duplicate.GraduationCertificate.Check", func() error { _, err := duplicate.GraduationCertificate{}.Check(nil); return err }, isA[*duplicate.ValidationError]()},
		{"SCH-24", "duplicate.NewDuplicate corrections", func() error {
			o := certificate.Certificate{Number: "G012345", Kind: certificate.Gymnasium}
			_, _, _, err := duplicate.NewDuplicate(nil, duplicate.DuplicateInput{Procedure: duplicate.SchoolDuplicate, Ground: duplicate.Lost, Original: o,
				IssuedOn: calendar.MustDate(2014, 11, 24), Corrections: duplicate.Corrections{HolderName: "X"}})
			return err
		}, isA[*duplicate.ValidationError]()},
		{"SCH-16", "duplicate.NewService nil store", func() error { _, err := duplicate.NewService(nil, duplicate.Config{}); return err }, isA[*invalid.FieldError]()},
		// exam/proficiency (LNG)
		{"LNG-03", "proficiency.ParseLevel", func() error { _, err := proficiency.ParseLevel("C2"); return err }, isA[*proficiency.FieldError]()},
		{"LNG-03", "proficiency.Level.UnmarshalText", func() error { var l proficiency.Level; return l.UnmarshalText([]byte("Z")) }, isA[*proficiency.FieldError]()},
		{"LNG-16", "proficiency.Rulebook.Check", func() error {
			bad := proficiency.Default()
			bad[1].Rule.GroupMax = 0
			return bad.Check()
		}, isA[*proficiency.FieldError]()},
		{"LNG-02", "proficiency.Rulebook.CheckSession", func() error { _, err := rb.CheckSession(proficiency.Session{}); return err }, isA[*proficiency.ValidationError]()},
		{"LNG-05", "proficiency.Rulebook.Decide", func() error { _, err := rb.Decide(proficiency.Application{}, nil); return err }, isA[*proficiency.FieldError]()},
		{"LNG-16", "proficiency.Rulebook.Grade", func() error {
			_, err := rb.Grade(proficiency.Sheet{Date: calendar.MustDate(2012, 3, 1), Points: proficiency.Points{decimal.NewFromInt(-1)}})
			return err
		}, isA[*proficiency.FieldError]()},
		// exam/stateexam (SCH-10, SCH-11)
		{"SCH-10", "stateexam.SubjectKind.UnmarshalText", func() error { var k stateexam.SubjectKind; return k.UnmarshalText([]byte("latin")) }, isA[*certificate.FieldError]()},
		{"SCH-10", "stateexam.Variant.UnmarshalText", func() error { var v stateexam.Variant; return v.UnmarshalText([]byte("wide")) }, isA[*certificate.FieldError]()},
		{"SCH-10", "stateexam.Level.UnmarshalText", func() error { var l stateexam.Level; return l.UnmarshalText([]byte("C1")) }, isA[*certificate.FieldError]()},
		{"SCH-10", "stateexam.Certificate.Validate", func() error { var c stateexam.Certificate; return c.Validate(nil) }, isA[*certificate.ValidationError]()},
		{"SCH-10", "stateexam.FromRecord kind", func() error {
			_, err := stateexam.FromRecord(certificate.Certificate{Kind: certificate.Gymnasium})
			return err
		}, isA[*certificate.FieldError]()},
		{"SCH-10", "stateexam.FromRecord JSON", func() error {
			_, err := stateexam.FromRecord(certificate.Certificate{Kind: certificate.StateExam, Extra: map[string]string{stateexam.ExtraKey: "{"}})
			return err
		}, func(err error) bool { return strings.HasPrefix(err.Error(), "stateexam: ") }},
		{"SCH-10", "stateexam.EnglishLevel", func() error {
			_, _, err := stateexam.EnglishLevel(nil, calendar.MustDate(2014, 5, 5), []stateexam.Skill{{Name: "x", Weight: decimal.NewFromInt(10)}})
			return err
		}, isA[*certificate.ValidationError]()},
		{"SCH-11", "stateexam.NewService nil registry", func() error { _, err := stateexam.NewService(stateexam.Config{}); return err }, isA[*invalid.FieldError]()},
		// stamp, stamp/pdf, stamp/asice (CERT-05, CERT-06)
		{"CERT-06", "stamp.NewService base URL", func() error { _, err := stamp.NewService(memstore.New(), stamp.Config{BaseURL: "ftp://x"}); return err }, isA[*invalid.FieldError]()},
		{"CERT-05", "pdf.Tunnistus", func() error {
			_, err := pdf.Tunnistus(certificate.Certificate{}, time.Now(), "https://x/cert/1")
			return err
		}, isA[*pdf.FieldError]()},
		{"CERT-06", "pdf.Deklaratsioon", func() error {
			_, err := pdf.Deklaratsioon(certificate.Certificate{}, calendar.MustDate(2026, 1, 1), time.Now(), "https://x/cert/1")
			return err
		}, is(pdf.ErrInvalid)},
		{"CERT-06", "asice.Verify not a ZIP", func() error { _, err := asice.Verify(strings.NewReader("not a zip"), 9, nil); return err }, is(asice.ErrFormat)},
		{"CERT-06", "asice.Create no files", func() error { _, err := asice.Create(ctx, nil, asice.Seal{}, nil); return err }, isA[*asice.InputError]()},
		// notify (CERT-09), store/pgstore
		{"CERT-09", "notify.Dispatcher without a sender", func() error { _, err := (&notify.Dispatcher{}).Dispatch(ctx); return err }, isA[*invalid.FieldError]()},
		{"", "pgstore.New nil db", func() error { _, err := pgstore.New(nil, nil); return err }, isA[*invalid.FieldError]()},
		{"", "pgstore.Migrate bad schema", func() error { _, err := pgstore.Migrate(ctx, nil, &pgstore.Options{Schema: "Kutse;drop"}); return err }, isA[*invalid.FieldError]()},
	}
	for _, tt := range tests {
		err := tt.err()
		switch {
		case err == nil:
			t.Errorf("%s %s: no error; want one wrapping invalid.ErrInvalid", tt.rule, tt.name)
		case !errors.Is(err, invalid.ErrInvalid):
			t.Errorf("%s %s: %v (%T) does not wrap invalid.ErrInvalid", tt.rule, tt.name, err, err)
		case !tt.own(err):
			t.Errorf("%s %s: %v (%T) lost the package's own detail", tt.rule, tt.name, err, err)
		}
	}
}
