package opendata

import (
	"strconv"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/law"
)

// Feed is one of the register's six open-data feeds (OPN-01; seed 001, the dataset card "Kutseregistri
// avaandmed"), each an XML file refreshed daily.
type Feed uint8

// The feeds, in the order of the dataset card.
const (
	Issued         Feed = iota + 1 // Väljastatud kutsed (tunnistused): issued qualifications, anonymised
	Standards                      // Kutsestandardid: occupational standards
	Competences                    // Kompetentsid: competences
	AwardingBodies                 // Kutse andjad: awarding bodies
	Councils                       // Kutsenõukogud: sectoral councils
	Classifier                     // Kutsesüsteemi klassifikaator: the qualification system's classifier
)

// Feeds lists the six feeds.
func Feeds() []Feed {
	return []Feed{Issued, Standards, Competences, AwardingBodies, Councils, Classifier}
}

var feedInfo = [...]struct{ path, et, en string }{
	Issued:         {"valjastatudKutsed", "Väljastatud kutsed (tunnistused)", "Issued qualifications (certificates)"},
	Standards:      {"kutsestandardid", "Kutsestandardid", "Occupational standards"},
	Competences:    {"kompetentsid", "Kompetentsid", "Competences"},
	AwardingBodies: {"kutseAndjad", "Kutse andjad", "Awarding bodies"},
	Councils:       {"kutsenoukogud", "Kutsenõukogud", "Sectoral councils"},
	Classifier:     {"klassifikaatorid", "Kutsesüsteemi klassifikaator", "Classifier of the qualification system"},
}

// IsValid reports whether f is one of the six feeds.
func (f Feed) IsValid() bool { return f >= Issued && f <= Classifier }

// URL returns the feed's address on the dataset card (seed 001), e.g.
// "https://www.kutseregister.ee/ctrl/et/Avaandmed/kutsestandardid/xml/1", or "" for an invalid f.
func (f Feed) URL() string {
	if !f.IsValid() {
		return ""
	}
	return "https://www.kutseregister.ee/ctrl/et/Avaandmed/" + feedInfo[f].path + "/xml/1"
}

// Name returns the feed's name in lang (GEN-05); the Estonian names are the dataset card's.
func (f Feed) Name(lang law.Lang) string {
	if !f.IsValid() {
		return ""
	}
	return lang.Pick(feedInfo[f].et, feedInfo[f].en)
}

// String returns the feed's name in its URL, e.g. "kutsestandardid".
func (f Feed) String() string {
	if !f.IsValid() {
		return "Feed(" + strconv.Itoa(int(f)) + ")"
	}
	return feedInfo[f].path
}

// The licence of the register's open data (seed 001).
const (
	Licence    = "CC BY-SA 3.0 EE"
	LicenceURL = "https://creativecommons.org/licenses/by-sa/3.0/ee/legalcode"
)

// Attribution is what the CC BY-SA 3.0 EE licence of the register's open data requires to travel
// with anything made from it (OPN-01): the source, its maker, the licence, and, for a work derived
// from it, that it was changed and that it is shared under the same licence.
type Attribution struct {
	Title      string        // "Kutseregistri avaandmed"
	Feed       Feed          // the feed read, zero for several
	Source     string        // the feed's address
	Author     string        // "Sihtasutus Kutsekoda"
	Publisher  string        // "Haridus- ja Teadusministeerium"
	Licence    string        // "CC BY-SA 3.0 EE"
	LicenceURL string        // the licence's legal code
	Retrieved  calendar.Date // the day the feed was read; zero when not known
	Changed    bool          // the data were changed (selected, aggregated, mapped)
}

// AttributionOf returns the attribution of feed f as the dataset card gives it, read on day
// retrieved.
func AttributionOf(f Feed, retrieved calendar.Date) Attribution {
	return Attribution{Title: "Kutseregistri avaandmed", Feed: f, Source: f.URL(), Author: "Sihtasutus Kutsekoda",
		Publisher: "Haridus- ja Teadusministeerium", Licence: Licence, LicenceURL: LicenceURL, Retrieved: retrieved}
}

// Derive returns a's attribution for a work derived from the data: Changed is set.
func (a Attribution) Derive() Attribution {
	a.Changed = true
	return a
}

// Notice renders the attribution in lang (GEN-05), e.g. "Allikas: Kutseregistri avaandmed,
// Kutsestandardid (https://…), Sihtasutus Kutsekoda, 01.03.2026; litsents CC BY-SA 3.0 EE
// (https://…); andmeid on muudetud, jagatakse samadel tingimustel."
func (a Attribution) Notice(lang law.Lang) string {
	s := lang.Pick("Allikas: ", "Source: ") + a.Title
	if a.Feed.IsValid() {
		s += ", " + a.Feed.Name(lang)
	}
	if a.Source != "" {
		s += " (" + a.Source + ")"
	}
	if a.Author != "" {
		s += ", " + a.Author
	}
	if !a.Retrieved.IsZero() {
		if lang == law.English {
			s += ", retrieved " + a.Retrieved.String()
		} else {
			s += ", " + a.Retrieved.Register()
		}
	}
	s += lang.Pick("; litsents ", "; licence ") + a.Licence + " (" + a.LicenceURL + ")"
	if a.Changed {
		s += lang.Pick("; andmeid on muudetud, jagatakse samadel tingimustel", "; the data were changed and are shared alike")
	}
	return s + "."
}

// Derived is data made from the register's open data together with the attribution its licence
// requires (OPN-01): whoever passes the data on passes the attribution with them.
type Derived[T any] struct {
	Data        T
	Attribution Attribution
}

// DerivedFrom returns data made from feeds read under attribution a, marked as changed.
func DerivedFrom[T any](data T, a Attribution) Derived[T] {
	return Derived[T]{Data: data, Attribution: a.Derive()}
}
