package classifier_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/kutsekit/kutse/classifier"
)

// kutsekoda is host data for the tests: rows of the table in Kutsekoda's notice "Ligi 16 000
// tähtajatut kutsetunnistust on saanud Eesti kvalifikatsiooniraamistiku (EKR) taseme" (research
// §3.3). The SDK ships no such table.
func kutsekoda() classifier.OldLevelMap {
	return classifier.OldLevelMap{
		{"Arvjuhtimisega metallilõikepinkide operaator", classifier.OldLevelI}:             classifier.MustLevel(3),
		{"Arvjuhtimisega metallilõikepinkide operaator-seadistaja", classifier.OldLevelII}: classifier.MustLevel(4),
		{"Arvjuhtimisega metallilõikepinkide operaator-meister", classifier.OldLevelIII}:   classifier.MustLevel(5),
		{"Automaaler", classifier.OldLevelI}:                                               classifier.MustLevel(3),
		{"Automaaler", classifier.OldLevelII}:                                              classifier.MustLevel(4),
		{"Autotehnik", classifier.OldLevelI}:                                               classifier.MustLevel(3),
		{"Autotehnik", classifier.OldLevelII}:                                              classifier.MustLevel(4),
		{"Autoinsener", classifier.OldLevelIV}:                                             classifier.MustLevel(7),
		{"Biomeditsiiniinsener", classifier.OldLevelIV}:                                    classifier.MustLevel(7),
		{"Diplomeeritud ehitusinsener", classifier.OldLevelV}:                              classifier.MustLevel(7),
	}
}

// CERT-03: the EKR level of an old title comes from the host's table, per profession; the SDK
// claims no formula, so a title missing from the table is an error.
func TestCERT03OldLevelMapLookup(t *testing.T) {
	m := kutsekoda()
	if err := m.Check(); err != nil {
		t.Fatalf("Check() = %v; want nil", err)
	}
	tests := []struct {
		title string
		want  int
	}{
		{"Autotehnik I", 3},
		{"Autotehnik II", 4},
		{"Autoinsener IV", 7},
		{"Diplomeeritud ehitusinsener V", 7}, // IV and V both became 7 for engineers: not a formula
		{"Arvjuhtimisega metallilõikepinkide operaator-meister III", 5},
	}
	for _, tt := range tests {
		got, err := m.LookupTitle(tt.title)
		if err != nil || got != classifier.MustLevel(tt.want) {
			t.Errorf("LookupTitle(%q) = %v, %v; want %d", tt.title, got, err, tt.want)
		}
	}
	if got, err := m.Lookup("Autotehnik", classifier.OldLevelII); err != nil || got != classifier.MustLevel(4) {
		t.Errorf("Lookup(Autotehnik, II) = %v, %v; want 4", got, err)
	}
}

func TestCERT03OldLevelMapNoEntry(t *testing.T) {
	m := kutsekoda()
	for _, key := range []classifier.OldTitle{
		{Base: "Kokk", Level: classifier.OldLevelII},                        // not in the table
		{Base: "Autotehnik", Level: classifier.OldLevelIII},                 // no guess from I→3, II→4
		{Base: "autotehnik", Level: classifier.OldLevelI},                   // keys match exactly
		{Base: "Diplomeeritud ehitusinsener", Level: classifier.OldLevelIV}, // V is recorded, IV is not
		{Base: "Autotehnik", Level: 0},                                      // no old level
	} {
		got, err := m.Lookup(key.Base, key.Level)
		if !errors.Is(err, classifier.ErrNoMapping) || !got.IsZero() {
			t.Errorf("Lookup(%q, %v) = %v, %v; want an error wrapping ErrNoMapping", key.Base, key.Level, got, err)
			continue
		}
		if ne, ok := errors.AsType[*classifier.NoMappingError](err); !ok || ne.Title != key {
			t.Errorf("Lookup(%q, %v) error = %#v; want a *NoMappingError for %v", key.Base, key.Level, err, key)
		}
	}
	_, err := m.Lookup("Kokk", classifier.OldLevelII)
	if want := `classifier: no EKR level recorded for the old title "Kokk II"`; err == nil || err.Error() != want {
		t.Errorf("Lookup(Kokk, II) error = %q; want %q", err, want)
	}

	var empty classifier.OldLevelMap // a nil table has no entries
	if _, err := empty.Lookup("Autotehnik", classifier.OldLevelI); !errors.Is(err, classifier.ErrNoMapping) {
		t.Errorf("nil map Lookup error = %v; want ErrNoMapping", err)
	}
	m[classifier.OldTitle{Base: "Kokk", Level: classifier.OldLevelII}] = classifier.Level{} // unset level: no entry
	if _, err := m.Lookup("Kokk", classifier.OldLevelII); !errors.Is(err, classifier.ErrNoMapping) {
		t.Errorf("Lookup of an entry with an unset level: error = %v; want ErrNoMapping", err)
	}
	for _, title := range []string{"Sõiduautodiagnostik, tase 5", "Autotehnik"} {
		if _, err := m.LookupTitle(title); !errors.Is(err, classifier.ErrSyntax) {
			t.Errorf("LookupTitle(%q) error = %v; want ErrSyntax (no old level in the title)", title, err)
		}
	}
}

func TestCERT03OldLevelMapCheck(t *testing.T) {
	m := classifier.OldLevelMap{
		{"Kokk", classifier.OldLevelII}:      {},
		{" Kokk", classifier.OldLevelI}:      classifier.MustLevel(3),
		{"", classifier.OldLevelI}:           classifier.MustLevel(3),
		{"Kokk", 0}:                          classifier.MustLevel(3),
		{"Kokk", 6}:                          classifier.MustLevel(3),
		{"Autotehnik", classifier.OldLevelI}: classifier.MustLevel(3),
	}
	err := m.Check()
	if err == nil {
		t.Fatal("Check() = nil; want errors")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 5 {
		t.Errorf("Check() reported %d problems; want 5:\n%v", len(lines), err)
	}
	if !strings.Contains(err.Error(), `"Kokk II": has no EKR level`) {
		t.Errorf("Check() = %v; want it to name the entry with no EKR level", err)
	}
}
