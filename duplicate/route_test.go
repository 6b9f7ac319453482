package duplicate_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/duplicate"
)

// steps renders a route as "submit→X; forward X→Y; …" for comparing.
func steps(r duplicate.Route) string {
	var out []string
	for _, s := range r.Steps {
		switch s.Action {
		case duplicate.Submit, duplicate.Decide:
			out = append(out, s.Action.String()+"→"+s.To.Name)
		default:
			out = append(out, s.Action.String()+" "+s.From.Name+"→"+s.To.Name)
		}
	}
	return strings.Join(out, "; ")
}

func route(t *testing.T, in duplicate.RouteInput) duplicate.Route {
	t.Helper()
	r, e, err := duplicate.FindRoute(context.Background(), statute, registry(), in)
	if err != nil {
		t.Fatalf("FindRoute(%+v): %v", in, err)
	}
	if len(e.Steps) != len(r.Steps) {
		t.Errorf("explanation has %d steps, route %d", len(e.Steps), len(r.Steps))
	}
	return r
}

// TestFindRoute_SCH16 proves that a working school's document goes to its director, who decides.
func TestFindRoute_SCH16(t *testing.T) {
	r := route(t, duplicate.RouteInput{On: testDay, Procedure: duplicate.SchoolDuplicate, Issuer: reaalkool, Level: duplicate.Secondary})
	if got := steps(r); got != "submit→Tallinna Reaalkool; decide→Tallinna Reaalkool" {
		t.Errorf("route = %s", got)
	}
	if r.Forwarded() || r.NeedsConfirmation() || r.Decider.Code != reaalkool || r.Steps[0].Rule != "SCH-16" || r.Steps[1].Rule != "SCH-19" {
		t.Errorf("route = %+v", r)
	}
}

// TestFindRoute_SCH16_UnknownSchool proves that a school the registry does not know is a typed error
// naming SCH-16.
func TestFindRoute_SCH16_UnknownSchool(t *testing.T) {
	_, _, err := duplicate.FindRoute(context.Background(), statute, registry(), duplicate.RouteInput{On: testDay, Procedure: duplicate.SchoolDuplicate, Issuer: "99999999", Level: duplicate.Basic})
	wantErr(t, "FindRoute(unknown)", err, duplicate.ErrUnknownSchool, duplicate.ErrInvalid)
	if ruleOf(err) != "SCH-16" {
		t.Errorf("rule = %q; want SCH-16", ruleOf(err))
	}
	_, _, err = duplicate.FindRoute(context.Background(), statute, nil, duplicate.RouteInput{On: testDay, Procedure: duplicate.SchoolDuplicate, Issuer: reaalkool, Level: duplicate.Basic})
	wantErr(t, "FindRoute(no registry)", err, duplicate.ErrUnknownSchool)
}

// TestFindRoute_SCH17_Reorganised proves that a reorganised school's document goes to the government
// of its location, which forwards it to the successor, and that the duplicate carries the school's
// name as at graduation (SCH-24).
func TestFindRoute_SCH17_Reorganised(t *testing.T) {
	r := route(t, duplicate.RouteInput{On: testDay, Procedure: duplicate.SchoolDuplicate, Issuer: kivilinna, Level: duplicate.Basic,
		Graduated: d(1995, time.June, 10)})
	want := "submit→Tartu Linnavalitsus; forward Tartu Linnavalitsus→Tartu Kivilinna Kool; decide→Tartu Kivilinna Kool"
	if got := steps(r); got != want {
		t.Errorf("route = %s\nwant    %s", got, want)
	}
	if r.Submit.Role != duplicate.PartyGovernment || r.Decider.Code != kivilinnaK || r.NeedsConfirmation() || r.Steps[1].Rule != "SCH-17" {
		t.Errorf("route = %+v", r)
	}
	if r.Origin.Name != "Tartu 12. Keskkool" {
		t.Errorf("name at graduation = %q; want Tartu 12. Keskkool", r.Origin.Name)
	}
	if r := route(t, duplicate.RouteInput{On: testDay, Procedure: duplicate.SchoolDuplicate, Issuer: kivilinna, Level: duplicate.Basic, Graduated: d(2001, time.June, 10)}); r.Origin.Name != "Tartu Kivilinna Gümnaasium" {
		t.Errorf("name in 2001 = %q", r.Origin.Name)
	}
	if !slices.Equal(r.Parties(), []string{kivilinna, tartuLinn, kivilinnaK}) {
		t.Errorf("Parties = %v", r.Parties())
	}
}

// TestFindRoute_SCH17_ClosedSameMunicipality proves that a closed school's document goes through the
// government to a school of the same level in the same municipality, whose director obtains a
// confirmation of graduation from the government (where the records are).
func TestFindRoute_SCH17_ClosedSameMunicipality(t *testing.T) {
	r := route(t, duplicate.RouteInput{On: testDay, Procedure: duplicate.SchoolDuplicate, Issuer: tartu8, Level: duplicate.Secondary})
	want := "submit→Tartu Linnavalitsus; forward Tartu Linnavalitsus→Tartu Jaan Poska Gümnaasium; confirm Tartu Linnavalitsus→Tartu Jaan Poska Gümnaasium; decide→Tartu Jaan Poska Gümnaasium"
	if got := steps(r); got != want {
		t.Errorf("route = %s\nwant    %s", got, want)
	}
	if !r.NeedsConfirmation() || r.Confirmer.Role != duplicate.PartyGovernment || r.Decider.Code != poska {
		t.Errorf("route = %+v", r)
	}
}

// TestFindRoute_SCH17_ClosedNearest proves that where the municipality has no school of the level,
// the government sends the request to the government of the nearest municipality that has one, which
// forwards it to that school; the confirmation comes from the archive holding the records.
func TestFindRoute_SCH17_ClosedNearest(t *testing.T) {
	r := route(t, duplicate.RouteInput{On: testDay, Procedure: duplicate.SchoolDuplicate, Issuer: nooKK, Level: duplicate.Secondary})
	want := "submit→Nõo Vallavalitsus; forward Nõo Vallavalitsus→Elva Vallavalitsus; forward Elva Vallavalitsus→Elva Gümnaasium; confirm Rahvusarhiiv→Elva Gümnaasium; decide→Elva Gümnaasium"
	if got := steps(r); got != want {
		t.Errorf("route = %s\nwant    %s", got, want)
	}
	if r.Confirmer.Role != duplicate.PartyArchive || r.Decider.Code != elvaG {
		t.Errorf("route = %+v", r)
	}
	// A basic-school document of the same school stays in Nõo.
	r = route(t, duplicate.RouteInput{On: testDay, Procedure: duplicate.SchoolDuplicate, Issuer: nooKK, Level: duplicate.Basic})
	if r.Decider.Code != nooPK {
		t.Errorf("basic level: decider %s; want Nõo Põhikool", r.Decider.Name)
	}
}

// TestFindRoute_SCH17_NoSchool proves that a closed school with no school of its level anywhere the
// registry lists is a typed error naming SCH-17.
func TestFindRoute_SCH17_NoSchool(t *testing.T) {
	_, _, err := duplicate.FindRoute(context.Background(), statute, registry(), duplicate.RouteInput{On: testDay, Procedure: duplicate.SchoolDuplicate, Issuer: lonely, Level: duplicate.Secondary})
	wantErr(t, "FindRoute(lonely)", err, duplicate.ErrNoSchool)
	if ruleOf(err) != "SCH-17" {
		t.Errorf("rule = %q; want SCH-17", ruleOf(err))
	}
}

// TestFindRoute_SCH17_Chain proves that successors reorganised in turn are followed to the end, a
// closed successor is routed as a closed school, and a cycle in the registry is an error, not a loop.
func TestFindRoute_SCH17_Chain(t *testing.T) {
	r := route(t, duplicate.RouteInput{On: testDay, Procedure: duplicate.SchoolDuplicate, Issuer: chainA, Level: duplicate.Secondary})
	want := "submit→Tallinna Linnavalitsus; forward Tallinna Linnavalitsus→Tartu Linnavalitsus; forward Tartu Linnavalitsus→Tartu Jaan Poska Gümnaasium; confirm Tartu Linnavalitsus→Tartu Jaan Poska Gümnaasium; decide→Tartu Jaan Poska Gümnaasium"
	if got := steps(r); got != want {
		t.Errorf("route = %s\nwant    %s", got, want)
	}
	_, _, err := duplicate.FindRoute(context.Background(), statute, registry(), duplicate.RouteInput{On: testDay, Procedure: duplicate.SchoolDuplicate, Issuer: cycleA, Level: duplicate.Secondary})
	wantErr(t, "FindRoute(cycle)", err, duplicate.ErrUnknownSchool)
}

// TestFindRoute_CERT07 proves that an occupational duplicate goes to the awarding body that issued the
// original, or to Kutsekoda where that body no longer exists.
func TestFindRoute_CERT07(t *testing.T) {
	r := route(t, duplicate.RouteInput{On: testDay, Procedure: duplicate.OccupationalDuplicate, Issuer: body})
	if r.Decider.Code != body || r.Decider.Name != "Autonoomse Arenduse Ühing" || r.Steps[0].Rule != "CERT-07" {
		t.Errorf("route = %+v", r)
	}
	for _, gone := range []string{goneBody, "80999999"} {
		r = route(t, duplicate.RouteInput{On: testDay, Procedure: duplicate.OccupationalDuplicate, Issuer: gone, IssuerName: "Vana Liit"})
		if r.Decider != duplicate.Kutsekoda() || r.Origin.Code != gone {
			t.Errorf("route for %s = %+v; want Kutsekoda", gone, r)
		}
	}
	// Without a body registry the issuer is taken to exist.
	r, _, err := duplicate.FindRoute(context.Background(), statute, nil, duplicate.RouteInput{On: testDay, Procedure: duplicate.OccupationalDuplicate, Issuer: goneBody, IssuerName: "Vana Liit"})
	if err != nil || r.Decider.Code != goneBody {
		t.Errorf("route without registry = %+v, %v", r, err)
	}
}

// TestFindRoute_SCH14 proves that a state-exam request goes to the institution that issued it.
func TestFindRoute_SCH14(t *testing.T) {
	r := route(t, duplicate.RouteInput{On: testDay, Procedure: duplicate.StateExamExchange, Issuer: harno, IssuerName: "Haridus- ja Noorteamet"})
	if r.Decider.Role != duplicate.PartyExamCentre || r.Decider.Code != harno || r.Forwarded() || r.Steps[0].Rule != "SCH-14" {
		t.Errorf("route = %+v", r)
	}
}

// TestSchoolNameOn_SCH24 proves the name a school used on a day: the earliest earlier name still in
// use that day.
func TestSchoolNameOn_SCH24(t *testing.T) {
	s := duplicate.School{Name: "C", Earlier: []duplicate.SchoolName{{Name: "B", Until: d(2010, 8, 31)}, {Name: "A", Until: d(1999, 8, 31)}}}
	for _, tc := range []struct {
		on   time.Time
		want string
	}{{time.Date(1990, 6, 1, 0, 0, 0, 0, time.UTC), "A"}, {time.Date(1999, 8, 31, 0, 0, 0, 0, time.UTC), "A"},
		{time.Date(1999, 9, 1, 0, 0, 0, 0, time.UTC), "B"}, {time.Date(2010, 9, 1, 0, 0, 0, 0, time.UTC), "C"}} {
		on := d(tc.on.Year(), tc.on.Month(), tc.on.Day())
		if got := s.NameOn(on); got != tc.want {
			t.Errorf("NameOn(%s) = %s; want %s", on, got, tc.want)
		}
	}
}
