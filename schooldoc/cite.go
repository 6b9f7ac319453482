package schooldoc

import "github.com/kutsekit/kutse/law"

const pkg = "schooldoc"

// act113 cites seed 002: Vabariigi Valitsuse määrus nr 113.
func act113(section, subsection, point string) law.Citation {
	return law.Citation{
		Act:        "VV määrus nr 113 (lõputunnistuse, hinnetelehe ja riigieksamitunnistuse statuut)",
		RT:         "RT I 2010, 58, 391",
		Section:    section,
		Subsection: subsection,
		Point:      point,
	}
}

// pgs cites the Põhikooli- ja gümnaasiumiseadus for the five-point scale (§ 29 (5)).
var pgs = law.Citation{Act: "Põhikooli- ja gümnaasiumiseadus", RT: "RT I 2010, 41, 240", Section: "29", Subsection: "5"}
