package certificate_test

import (
	"errors"
	"testing"

	"github.com/kutsekit/kutse/certificate"
)

// TestParseNumber_SCH03 proves SCH-03: leaving certificates are numbered P or G and six digits;
// register numbers take the forms of seed 000 (CERT-01).
func TestParseNumber_SCH03(t *testing.T) {
	good := []struct {
		k certificate.Kind
		s string
	}{
		{certificate.BasicSchool, "P000001"}, {certificate.Gymnasium, "G123456"},
		{certificate.Occupational, "204580"}, {certificate.Occupational, "E015992"}, {certificate.Partial, "OT011089"},
		{certificate.GradeSheet, "123456"}, {certificate.StateExam, "R000042"},
	}
	for _, g := range good {
		if n, err := certificate.ParseNumber(g.k, g.s); err != nil || n.String() != g.s {
			t.Errorf("ParseNumber(%v, %q) = %q, %v; want it accepted", g.k, g.s, n, err)
		}
	}
	bad := []struct {
		k certificate.Kind
		s string
	}{
		{certificate.BasicSchool, "G123456"}, {certificate.Gymnasium, "P123456"}, {certificate.Gymnasium, "G12345"},
		{certificate.Gymnasium, "G1234567"}, {certificate.Gymnasium, "g123456"}, {certificate.Occupational, ""},
		{certificate.Occupational, "ABCDE1"}, {certificate.Occupational, "20 4580"}, {certificate.Occupational, "E"},
		{certificate.Occupational, "12345678901"}, {0, "204580"},
	}
	for _, b := range bad {
		_, err := certificate.ParseNumber(b.k, b.s)
		var fe *certificate.FieldError
		if !errors.As(err, &fe) {
			t.Errorf("ParseNumber(%v, %q) = %v; want a *FieldError", b.k, b.s, err)
		}
	}
}

// TestSeries_SCH03 proves that series format numbers in the SCH-03 form and refuse impossible ones.
func TestSeries_SCH03(t *testing.T) {
	if got := certificate.DefaultSeries(certificate.Gymnasium).Format(42); got != "G000042" {
		t.Errorf("Format(42) = %s; want G000042", got)
	}
	for _, k := range certificate.Kinds {
		if err := certificate.DefaultSeries(k).Check(k); err != nil {
			t.Errorf("DefaultSeries(%v).Check = %v", k, err)
		}
	}
	if err := (certificate.Series{Prefix: "G", Width: 5}).Check(certificate.Gymnasium); err == nil {
		t.Error("a five-digit G series passed Check; want refused (SCH-03)")
	}
}

// TestKinds_SCH01 proves SCH-01 and the register's kinds: every kind parses from its code and its
// Estonian name, school documents are the basic-school and gymnasium certificates, grade sheets and
// state-exam certificates.
func TestKinds_SCH01(t *testing.T) {
	for _, k := range certificate.Kinds {
		for _, s := range []string{k.String(), k.Name(0)} {
			if got, err := certificate.ParseKind(s); err != nil || got != k {
				t.Errorf("ParseKind(%q) = %v, %v; want %v", s, got, err, k)
			}
		}
	}
	if !certificate.BasicSchool.School() || !certificate.Gymnasium.School() || certificate.Occupational.School() {
		t.Error("School() wrong")
	}
	if _, err := certificate.ParseKind("diplom"); err == nil {
		t.Error("ParseKind(diplom) = nil error")
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"204580", "E015992", "OT011089", "G123456", "P000001", "", "ABCDE1", "G12345x"} {
		f.Add(uint8(certificate.Gymnasium), s)
		f.Add(uint8(certificate.Occupational), s)
	}
	f.Fuzz(func(t *testing.T, k uint8, s string) {
		n, err := certificate.ParseNumber(certificate.Kind(k), s)
		if err != nil {
			return
		}
		m, err := certificate.ParseNumber(certificate.Kind(k), n.String())
		if err != nil || m != n {
			t.Fatalf("ParseNumber(%q) round trip = %v, %v; want %v", s, m, err, n)
		}
	})
}

func FuzzParseKind(f *testing.F) {
	for _, k := range certificate.Kinds {
		f.Add(k.String())
		f.Add(k.Name(1))
	}
	f.Add(" KUTSETUNNISTUS ")
	f.Fuzz(func(t *testing.T, s string) {
		k, err := certificate.ParseKind(s)
		if err != nil {
			return
		}
		if again, err := certificate.ParseKind(k.String()); err != nil || again != k {
			t.Fatalf("ParseKind(%q) = %v; round trip %v, %v", s, k, again, err)
		}
	})
}
