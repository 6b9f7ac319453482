package classifier_test

import (
	"errors"
	"fmt"

	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/law"
)

func ExampleParseLevel() {
	for _, s := range []string{"5", "tase 5", "EKR 5", "EstQF Level 5", "EQF 9"} {
		l, err := classifier.ParseLevel(s)
		if err != nil {
			fmt.Println(err, "| out of range:", errors.Is(err, classifier.ErrRange))
			continue
		}
		fmt.Printf("%q → level %d\n", s, l.Int())
	}
	// Output:
	// "5" → level 5
	// "tase 5" → level 5
	// "EKR 5" → level 5
	// "EstQF Level 5" → level 5
	// classifier: invalid EQF level "EQF 9": must be 1–8 | out of range: true
}

func ExampleParseTitle() {
	for _, s := range []string{
		"Sõiduautodiagnostik, tase 5",
		"Bioanalüütik, tase 6 esmane kutse",
		"Diplomeeritud ehitusinsener V",
		"Kokk II",
		"Autotehnik",
	} {
		t := classifier.ParseTitle(s)
		switch {
		case !t.Level.IsZero():
			fmt.Printf("%s: %q, EKR level %v, initial %v\n", s, t.Base, t.Level, t.Initial)
		case !t.Old.IsZero():
			fmt.Printf("%s: %q, old level %v\n", s, t.Base, t.Old)
		default:
			fmt.Printf("%s: %q, no level\n", s, t.Base)
		}
	}
	// Output:
	// Sõiduautodiagnostik, tase 5: "Sõiduautodiagnostik", EKR level 5, initial false
	// Bioanalüütik, tase 6 esmane kutse: "Bioanalüütik", EKR level 6, initial true
	// Diplomeeritud ehitusinsener V: "Diplomeeritud ehitusinsener", old level V
	// Kokk II: "Kokk", old level II
	// Autotehnik: "Autotehnik", no level
}

// A host supplies the EKR levels of old titles: here rows of Kutsekoda's table (research §3.3).
// The SDK has no formula: engineers' IV and V both became 7, while trades went I→3, II→4.
func ExampleOldLevelMap() {
	m := classifier.OldLevelMap{
		{Base: "Autotehnik", Level: classifier.OldLevelI}:                  classifier.MustLevel(3),
		{Base: "Autotehnik", Level: classifier.OldLevelII}:                 classifier.MustLevel(4),
		{Base: "Autoinsener", Level: classifier.OldLevelIV}:                classifier.MustLevel(7),
		{Base: "Diplomeeritud ehitusinsener", Level: classifier.OldLevelV}: classifier.MustLevel(7),
	}
	for _, title := range []string{"Autotehnik II", "Autoinsener IV", "Diplomeeritud ehitusinsener V", "Kokk II"} {
		l, err := m.LookupTitle(title)
		if errors.Is(err, classifier.ErrNoMapping) {
			fmt.Printf("%s → not in the table\n", title)
			continue
		}
		fmt.Printf("%s → EKR %v\n", title, l)
	}
	// Output:
	// Autotehnik II → EKR 4
	// Autoinsener IV → EKR 7
	// Diplomeeritud ehitusinsener V → EKR 7
	// Kokk II → not in the table
}

func ExampleParseCertificateType() {
	for _, code := range []string{"1", "2", "3"} {
		ct, _ := classifier.ParseCertificateType(code)
		fmt.Printf("%s: %s / %s\n", ct.Code(), ct.Name(law.Estonian), ct.Name(law.English))
	}
	// Output:
	// 1: Kutsetunnistus / Occupational qualification certificate
	// 2: Osakutsetunnistus / Partial occupational qualification certificate
	// 3: Esmane kutse / Initial occupational qualification
}
