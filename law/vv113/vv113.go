// Package vv113 holds the versions (redaktsioonid) of Vabariigi Valitsuse määrus 13.08.2010 nr 113
// "Põhikooli ja gümnaasiumi lõputunnistuse ning riigieksamitunnistuse statuut ja vormid" (RT I 2010,
// 58, 391) that the SDK knows, for the rules it encodes from it (RULES.md GEN-04): the leaving
// certificate's and the grade sheet's data (SCH-01..09, package schooldoc), who issues and who
// declares invalid (SCH-02, package certificate), and duplicates, re-issues and exchanges (SCH-12..24,
// package duplicate). The content of the state-exam certificate (§ 14 (2) 3²), (3)–(6)) has versions
// of its own in package exam/stateexam.
//
// # What the SDK knows
//
// The source is seed 002: the consolidated text (terviktekst) in force 13.07.2014–30.04.2015,
// published RT I, 10.07.2014, 9, the wording after the amendment of 03.07.2014 (RT I, 10.07.2014, 2).
// [Default] holds that one version, named "13.07.2014". A date before 13.07.2014 or after 30.04.2015
// is covered by no version: every decision that applies the regulation on such a date is refused
// with an error wrapping law.ErrNoVersion, never guessed. Earlier texts (from 01.09.2010) and later
// ones are not in the sources; the markers in the seed show which provisions changed when, but not
// what they said before.
//
// # A host adds a version
//
// A host that has read the text in force on the dates it works with (in Riigi Teataja) and finds the
// rules the SDK encodes unchanged adds a version with [Statute.With], with the figures of [Rules] as
// that text sets them, and passes the statute to the packages that apply it (certificate.Config,
// duplicate.Config, schooldoc and duplicate functions). Where that text changed a rule the SDK
// encodes beyond the figures of Rules, a version is not enough: the SDK needs a change.
//
// # Explanations
//
// Every step of an explanation that cites the regulation names the version applied (law.Step.Version,
// rendered "redaktsioon 13.07.2014" or "version 13.07.2014"); [Mark] does that for a package.
package vv113

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
)

// RT is the Riigi Teataja reference of the regulation as first published.
const RT = "RT I 2010, 58, 391"

// act is the regulation, cited without a provision.
var act = law.Citation{Act: "VV määrus nr 113 (lõputunnistuse, hinnetelehe ja riigieksamitunnistuse statuut)", RT: RT}

// Cite returns the citation of a provision of the regulation, e.g. Cite("18", "1", "") for
// "RT I 2010, 58, 391 § 18 lg 1".
func Cite(section, subsection, point string) law.Citation {
	return act.At(section, subsection, point)
}

// Rules is the content of one version: the figures of the regulation the SDK's rules read. The rest
// of what the SDK encodes from it is code and holds for every version a host adds.
type Rules struct {
	// DuplicateWeeks: a school duplicate is decided within this many weeks of receiving the request
	// (§ 18 (1): two; SCH-19).
	DuplicateWeeks int
	// ExchangeDays: the exchange of a paper state-exam certificate is decided within this many days
	// of receiving the request (§ 16 (4): thirty; SCH-14).
	ExchangeDays int
	// NoticeWorkingDays: a refusal, and an exchange's decision, is made known within this many
	// working days of the decision (§ 16 (4), (7), § 19 (2): five; SCH-14, SCH-23).
	NoticeWorkingDays int
	// CouncilMembers: a leaving certificate is signed by at least this many members of the teachers'
	// council (§ 9 (2): five; SCH-07).
	CouncilMembers int
}

// Version is one version of the regulation.
type Version = law.Version[Rules]

// Statute is the history of the regulation (GEN-04): its versions with their in-force periods. The
// nil Statute is [Default].
type Statute law.Versions[Rules]

// seed is the text of seed 002.
var seed = Version{
	Name:     "13.07.2014",
	Citation: act,
	Period:   law.Period{From: calendar.MustDate(2014, 7, 13), Until: calendar.MustDate(2015, 4, 30)},
	Rule:     Rules{DuplicateWeeks: 2, ExchangeDays: 30, NoticeWorkingDays: 5, CouncilMembers: 5},
}

// Default returns the versions the SDK knows, as a fresh slice a host may extend: "13.07.2014", the
// text in force 13.07.2014–30.04.2015 (RT I, 10.07.2014, 9; seed 002).
func Default() Statute { return Statute{seed} }

// At returns the version in force on d (GEN-04), or an error wrapping law.ErrNoVersion (errors.As
// finds a *law.NoVersionError) for a date no version covers.
func (s Statute) At(d calendar.Date) (Version, error) {
	if s == nil {
		s = Statute{seed}
	}
	v, err := law.Versions[Rules](s).At(d)
	if err != nil {
		return Version{}, fmt.Errorf("vv113: VV määrus nr 113 on %s: %w (known: %s; a host adds a version with Statute.With)", d, err, s.periods())
	}
	return v, nil
}

func (s Statute) periods() string {
	ps := make([]string, len(s))
	for i, v := range s {
		ps[i] = v.Period.String()
	}
	slices.Sort(ps)
	return strings.Join(ps, ", ")
}

// Check reports versions whose periods overlap, and a version whose figures cannot be applied (each
// must be at least 1). The error wraps invalid.ErrInvalid.
func (s Statute) Check() error {
	if err := law.Versions[Rules](s).Check(); err != nil {
		return err
	}
	for _, v := range s {
		for _, f := range []struct {
			name string
			n    int
		}{{"DuplicateWeeks", v.Rule.DuplicateWeeks}, {"ExchangeDays", v.Rule.ExchangeDays},
			{"NoticeWorkingDays", v.Rule.NoticeWorkingDays}, {"CouncilMembers", v.Rule.CouncilMembers}} {
			if f.n < 1 {
				return &invalid.FieldError{Pkg: "vv113", Field: "Rules." + f.name, Value: fmt.Sprint(f.n),
					Reason: "must be at least 1 (version " + v.Name + ")"}
			}
		}
	}
	return nil
}

// With returns a copy of s (nil: [Default]) with v added: a version with no end that starts before
// v is closed the day before v starts. This is how a host adds a version without changing the SDK.
// It returns an error when v overlaps another version or its figures cannot be applied.
func (s Statute) With(v Version) (Statute, error) {
	if s == nil {
		s = Default()
	}
	out := slices.Clone(s)
	if !v.Period.From.IsZero() {
		for i := range out {
			if out[i].Period.Until.IsZero() && out[i].Period.From.Before(v.Period.From) {
				out[i].Period.Until = v.Period.From.AddDays(-1)
			}
		}
	}
	if v.Citation.IsZero() {
		v.Citation = act
	}
	out = append(out, v)
	if err := out.Check(); err != nil {
		return nil, err
	}
	return out, nil
}

// Mark sets, on every step of e that cites the regulation and names no version, the version v
// (GEN-04: a decision says which version it applied).
func Mark(e *law.Explanation, v Version) {
	for i := range e.Steps {
		if e.Steps[i].Citation.RT == RT && e.Steps[i].Version == "" {
			e.Steps[i].Version = v.Name
		}
	}
}
