package duplicate_test

import (
	"errors"
	"testing"
	"time"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/duplicate"
	"github.com/kutsekit/kutse/isikukood"
)

func schoolRequest() duplicate.Request {
	return duplicate.Request{
		Applicant: holder(), Kind: certificate.Gymnasium, Original: "G012345", Issuer: reaalkool,
		Year: 2013, Ground: duplicate.Illegible, Attached: []duplicate.Attachment{duplicate.Original},
		Date: d(2026, time.November, 23),
	}
}

// TestValidateRequest_SCH16 proves that a well-formed school request passes, and that each bad
// request gets a typed error naming its rule and its field.
func TestValidateRequest_SCH16(t *testing.T) {
	p, e, err := duplicate.ValidateRequest(statute, schoolRequest())
	if err != nil || p != duplicate.SchoolDuplicate || !e.Applies("SCH-16") || !e.Applies("SCH-18") {
		t.Fatalf("ValidateRequest(good) = %s, %v, %v", p, err, e.Rules())
	}
	for _, tc := range []struct {
		name   string
		change func(*duplicate.Request)
		field  string
		rule   string
		target error
	}{
		{"no ground", func(r *duplicate.Request) { r.Ground = 0 }, "Ground", "SCH-16", duplicate.ErrNoGround},
		{"a ground the kind has not", func(r *duplicate.Request) { r.Ground = duplicate.NameChange }, "Ground", "SCH-15", duplicate.ErrGround},
		{"missing attachment", func(r *duplicate.Request) { r.Attached = nil }, "Attached", "SCH-18", duplicate.ErrAttachment},
		{"future year", func(r *duplicate.Request) { r.Year = 2027 }, "Year", "SCH-16", duplicate.ErrFutureYear},
		{"no year", func(r *duplicate.Request) { r.Year = 0 }, "Year", "SCH-16", duplicate.ErrInvalid},
		{"year before birth", func(r *duplicate.Request) { r.Year = 1994 }, "Year", "SCH-16", duplicate.ErrInvalid},
		{"no name", func(r *duplicate.Request) { r.Applicant.Name = " " }, "Applicant.Name", "SCH-16", duplicate.ErrPersonalData},
		{"no code or birth date", func(r *duplicate.Request) { r.Applicant.Code = isikukood.Code{} }, "Applicant.Code", "SCH-16", duplicate.ErrPersonalData},
		{"no school", func(r *duplicate.Request) { r.Issuer = "" }, "Issuer", "SCH-16", duplicate.ErrUnknownSchool},
		{"grade sheet without level", func(r *duplicate.Request) { r.Kind = certificate.GradeSheet }, "Level", "SCH-17", duplicate.ErrInvalid},
		{"new name on a school document", func(r *duplicate.Request) { r.NewName = "Uus" }, "NewName", "SCH-24", duplicate.ErrInvalid},
		{"by issuer", func(r *duplicate.Request) { r.ByIssuer = true }, "ByIssuer", "CERT-07", duplicate.ErrInvalid},
		{"a kind with no procedure", func(r *duplicate.Request) { r.Kind = certificate.Proficiency }, "Kind", "SCH-15", duplicate.ErrKind},
	} {
		r := schoolRequest()
		tc.change(&r)
		_, _, err := duplicate.ValidateRequest(statute, r)
		var ve *duplicate.ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("%s: ValidateRequest = %v; want a *ValidationError", tc.name, err)
			continue
		}
		p := ve.Field(tc.field)
		if p == nil || p.Rule != tc.rule || !errors.Is(p, tc.target) || !errors.Is(err, duplicate.ErrInvalid) {
			t.Errorf("%s: ValidateRequest = %v; want field %s, rule %s, %v", tc.name, err, tc.field, tc.rule, tc.target)
		}
	}
}

// TestValidateRequest_SCH14 proves that an exchange needs contact data, the time of the exam and, for
// grounds 1, 2 and 4, the original attached.
func TestValidateRequest_SCH14(t *testing.T) {
	r := duplicate.Request{Applicant: holder(), Kind: certificate.StateExam, Paper: true, Ground: duplicate.Electronic,
		Date: d(2026, time.November, 23)}
	_, _, err := duplicate.ValidateRequest(statute, r)
	var ve *duplicate.ValidationError
	if !errors.As(err, &ve) || ve.Field("Contact") == nil || ve.Field("ExamTime") == nil || ve.Field("Attached") == nil || ve.Field("Contact").Rule != "SCH-14" {
		t.Fatalf("ValidateRequest(bare exchange) = %v", err)
	}
	r.Contact, r.ExamTime, r.Attached = "ema@example.ee", d(2009, time.May, 5), []duplicate.Attachment{duplicate.Original}
	if p, _, err := duplicate.ValidateRequest(statute, r); err != nil || p != duplicate.StateExamExchange {
		t.Errorf("ValidateRequest(exchange) = %s, %v", p, err)
	}
}

// TestValidateRequest_CERT07 proves the occupational request: a new code for ground 5, a new name
// for a change of name, no attachment for a lost certificate or a change of name.
func TestValidateRequest_CERT07(t *testing.T) {
	r := duplicate.Request{Applicant: holder(), Kind: certificate.Occupational, Issuer: body, Ground: duplicate.NameChange,
		NewName: "Ema-Kaks Tamm", Date: d(2026, time.November, 23)}
	if p, _, err := duplicate.ValidateRequest(statute, r); err != nil || p != duplicate.OccupationalDuplicate {
		t.Fatalf("ValidateRequest(name change) = %s, %v", p, err)
	}
	r.NewName = ""
	_, _, err := duplicate.ValidateRequest(statute, r)
	if ruleOf(err) != "CERT-07" || !errors.Is(err, duplicate.ErrPersonalData) {
		t.Errorf("name change without a name = %v", err)
	}
	r.Ground, r.NewName = duplicate.NewPersonalCode, ""
	_, _, err = duplicate.ValidateRequest(statute, r)
	var ve *duplicate.ValidationError
	if !errors.As(err, &ve) || ve.Field("NewCode") == nil || ve.Field("Attached") == nil {
		t.Errorf("new code without code or original = %v", err)
	}
	r.Ground, r.ByIssuer = duplicate.Error, true
	if _, _, err := duplicate.ValidateRequest(statute, r); err != nil {
		t.Errorf("the awarding body's own error, no attachment = %v", err)
	}
	// Before the self-service a change of name was no ground (GEN-04).
	r = duplicate.Request{Applicant: holder(), Kind: certificate.Occupational, Issuer: body, Ground: duplicate.NameChange,
		NewName: "Ema-Kaks Tamm", Date: d(2024, time.November, 23)}
	if _, _, err := duplicate.ValidateRequest(statute, r); !errors.Is(err, duplicate.ErrGround) {
		t.Errorf("name change in 2024 = %v; want ErrGround", err)
	}
}
