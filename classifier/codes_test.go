package classifier_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/law"
)

// TestStandardTypes: the schema's kutsestandardType/tyybid codes 1–3, their names, and the
// certificate type each awards on.
func TestStandardTypes(t *testing.T) {
	want := []struct {
		code, et, en string
		cert         classifier.CertificateType
	}{
		{"1", "Kutsestandard", "Occupational standard", classifier.OccupationalCertificate},
		{"2", "Osakutse standard", "Partial qualification standard", classifier.PartialCertificate},
		{"3", "Esmase kutse standard", "Initial qualification standard", classifier.InitialQualification},
	}
	for i, st := range classifier.StandardTypes() {
		w := want[i]
		got, err := classifier.ParseStandardType(" " + w.code + " ")
		if err != nil || got != st || st.Code() != w.code || st.Name(law.Estonian) != w.et || st.Name(law.English) != w.en ||
			st.String() != w.et || st.CertificateType() != w.cert {
			t.Errorf("type %s: %v %v %q %q", w.code, got, err, st.Name(law.Estonian), st.Name(law.English))
		}
		b, _ := st.MarshalText()
		var back classifier.StandardType
		if err := back.UnmarshalText(b); err != nil || back != st {
			t.Errorf("text round trip %s: %v %v", w.code, back, err)
		}
	}
	for _, s := range []string{"0", "4", "01", "x", ""} {
		if _, err := classifier.ParseStandardType(s); err == nil {
			t.Errorf("ParseStandardType(%q) accepted", s)
		}
	}
	if _, err := classifier.ParseStandardType("4"); !errors.Is(err, classifier.ErrRange) {
		t.Errorf("4: %v; want ErrRange", err)
	}
	bad := classifier.StandardType(7)
	if bad.IsValid() || bad.Code() != "" || bad.Name(law.English) != "" || bad.String() != "StandardType(7)" || bad.CertificateType() != 0 {
		t.Error("an invalid standard type")
	}
	if _, err := bad.MarshalText(); err == nil {
		t.Error("MarshalText(7) accepted")
	}
}

func TestCommitteeRoles(t *testing.T) {
	for code, want := range map[string]classifier.CommitteeRole{"1": classifier.Chair, "2": classifier.ViceChair, "3": classifier.MemberRole} {
		r, err := classifier.ParseCommitteeRole(code)
		if err != nil || r != want || r.Code() != code || r.Name(law.English) == "" {
			t.Errorf("ParseCommitteeRole(%s) = %v, %v", code, r, err)
		}
		b, _ := r.MarshalText()
		var back classifier.CommitteeRole
		if back.UnmarshalText(b) != nil || back != r {
			t.Errorf("round trip %s", code)
		}
	}
	if classifier.Chair.String() != "Kutsekomisjoni esimees" {
		t.Error(classifier.Chair.String())
	}
	if _, err := classifier.ParseCommitteeRole("4"); !errors.Is(err, classifier.ErrRange) {
		t.Errorf("4: %v", err)
	}
	if classifier.CommitteeRole(0).String() != "CommitteeRole(0)" {
		t.Error("zero role text")
	}
}

func TestISCO(t *testing.T) {
	e, err := classifier.ParseISCO("3 Tehnikud ja keskastme spetsialistid: Loodus- ja inseneriteaduste keskastme spetsialistid")
	if err != nil || e.Code != "3" || e.Level() != 1 || e.Name != "Tehnikud ja keskastme spetsialistid: Loodus- ja inseneriteaduste keskastme spetsialistid" {
		t.Errorf("ParseISCO = %+v, %v", e, err)
	}
	if e, err := classifier.ParseISCO("3434"); err != nil || e.String() != "3434" || e.Name != "" {
		t.Errorf("code alone: %+v %v", e, err)
	}
	for _, s := range []string{"", "Tehnikud", "12345 x", "3x Tehnikud"} {
		if _, err := classifier.ParseISCO(s); !errors.Is(err, classifier.ErrSyntax) {
			t.Errorf("ParseISCO(%q) = %v", s, err)
		}
	}
	list, err := classifier.ParseISCOList("3 Tehnikud ja keskastme spetsialistid, 34 Õigus-, sotsiaal-, kultuuri- jms valdkonna keskastme spetsialistid")
	if err != nil || len(list) != 2 || list[1].Code != "34" || list[1].Name != "Õigus-, sotsiaal-, kultuuri- jms valdkonna keskastme spetsialistid" {
		t.Errorf("ParseISCOList = %+v, %v", list, err)
	}
	if l, err := classifier.ParseISCOList(" "); l != nil || err != nil {
		t.Errorf("empty list: %v %v", l, err)
	}
	codes := func(l []classifier.ISCO) []string {
		var out []string
		for _, e := range l {
			out = append(out, e.Code)
		}
		return out
	}
	if l, _ := classifier.ParseISCOList("2 a,3 b, 4"); !slices.Equal(codes(l), []string{"2", "3", "4"}) {
		t.Errorf("tight list: %+v", l)
	}
}

// FuzzParseISCO: ParseISCO and ParseISCOList never panic, and what ParseISCO accepts round-trips.
func FuzzParseISCO(f *testing.F) {
	for _, s := range []string{"3 Tehnikud", "3434", "3 a, 34 b", "", "12345", ", 3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		classifier.ParseISCOList(s)
		e, err := classifier.ParseISCO(s)
		if err != nil {
			return
		}
		back, err := classifier.ParseISCO(e.String())
		if err != nil || back != e {
			t.Fatalf("ParseISCO(%q) = %+v; round trip %+v, %v", s, e, back, err)
		}
	})
}

// FuzzParseStandardType: it never panics and what it accepts round-trips.
func FuzzParseStandardType(f *testing.F) {
	for _, s := range []string{"1", "3", "4", "", " 2 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, err := classifier.ParseStandardType(s)
		if err != nil {
			return
		}
		if back, err := classifier.ParseStandardType(st.Code()); err != nil || back != st {
			t.Fatalf("round trip %q", s)
		}
		classifier.ParseCommitteeRole(s)
	})
}
