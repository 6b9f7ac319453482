package schooldoc

import (
	"fmt"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
)

const pkg = "schooldoc"

// act113 cites seed 002: Vabariigi Valitsuse määrus nr 113.
func act113(section, subsection, point string) law.Citation {
	return vv113.Cite(section, subsection, point)
}

// version returns the version of regulation nr 113 in force on the teachers' council's decision
// date d, under which the document is drawn up (GEN-04), or an error wrapping law.ErrNoVersion.
func version(st vv113.Statute, rule string, d calendar.Date) (vv113.Version, error) {
	v, err := st.At(d)
	if err != nil {
		return v, fmt.Errorf("schooldoc: %s: the document decided on %s: %w", rule, d, err)
	}
	return v, nil
}

// pgs cites the Põhikooli- ja gümnaasiumiseadus for the five-point scale (§ 29 (5)).
var pgs = law.Citation{Act: "Põhikooli- ja gümnaasiumiseadus", RT: "RT I 2010, 41, 240", Section: "29", Subsection: "5"}
