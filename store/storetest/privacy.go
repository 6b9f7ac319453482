package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/store"
)

// RunPublicView is the property test of the public view (CERT-04, CERT-12; issue 9): rapid draws
// certificates of every kind and every status on a date — valid (also with an invalidation or a
// replacement still to come), expired, not yet valid, invalidated, replaced — hidden or not, holders
// with a personal code or only a birth date, stores them in a fresh store from newStore, and runs
// every kind of public query through the store and through certificate.Registry's Lookup and Search:
// by number, by the holder's name (whole, a part, in capitals), personal code, birth date, title,
// issuer, kind, issuer code, and paging with After. It checks, independently of the SDK's own
// matching code, that
//
//   - no query returns a hidden certificate or one of a kind that is not a public register entry;
//   - a certificate is found by its holder's name only when it is valid on the query's date, and
//     never by the personal code or the birth date;
//   - a view never holds the personal code or the birth date, and holds the name only when the
//     certificate is valid on the date;
//   - a look-up of what the public may not see fails exactly as one of a missing number;
//   - each answer is exactly the certificates the rules allow, in number order, and the pages of
//     a paged walk add up to it.
//
// [Run] runs it; a host may run it alone.
func RunPublicView(t *testing.T, newStore func(t *testing.T) Store) {
	t.Helper()
	rapid.Check(t, func(rt *rapid.T) {
		checkPublicView(t.Context(), rt, newStore(t))
	})
}

// statuses a generated certificate can be drawn with.
const (
	genValid           = iota
	genValidUntilLater // valid, with an invalidation or a replacement after the query's date
	genExpired
	genNotYetValid
	genInvalidated
	genReplaced
)

var genTitles = []string{"Kokk, tase 4", "Sõiduautodiagnostik, tase 5", "Gümnaasiumi lõputunnistus", "Riigieksam"}

// drawCertificate draws certificate i for the query date on.
func drawCertificate(rt *rapid.T, i int, on calendar.Date) certificate.Certificate {
	kind := rapid.SampledFrom(certificate.Kinds).Draw(rt, "kind")
	statuses := []int{genValid, genValidUntilLater, genNotYetValid, genInvalidated, genReplaced}
	if !kind.School() {
		statuses = append(statuses, genExpired) // school documents are valid for life (SCH-02)
	}
	st := rapid.SampledFrom(statuses).Draw(rt, "status")
	person := rapid.IntRange(0, 5).Draw(rt, "person")
	h := certificate.Holder{Name: fmt.Sprintf("Õie-Mari Tamm%d", person), Code: Holder(person)}
	if rapid.Bool().Draw(rt, "noCode") {
		h.Code, h.BirthDate = isikukood.Code{}, Holder(person).BirthDate() // a person without a personal code (GEN-01)
	}
	issuer := rapid.IntRange(0, 1).Draw(rt, "issuer")
	c := certificate.Certificate{
		Number:     certificate.Number(fmt.Sprintf("Q%04d", i)),
		Kind:       kind,
		Holder:     h,
		Title:      rapid.SampledFrom(genTitles).Draw(rt, "title"),
		Standard:   "Standard",
		Issuer:     []string{"Hotellide Liit", "Tallinna Kool"}[issuer],
		IssuerCode: []string{"80015264", "75016705"}[issuer],
		Hidden:     rapid.Bool().Draw(rt, "hidden"),
		IssuedAt:   time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
	}
	days := func(label string, lo, hi int) int { return rapid.IntRange(lo, hi).Draw(rt, label) }
	c.ValidFrom = on.AddDays(-days("since", 0, 1500))
	if !kind.School() && rapid.Bool().Draw(rt, "ends") {
		c.ValidUntil = on.AddDays(days("left", 0, 1500))
	}
	switch st {
	case genValidUntilLater:
		if rapid.Bool().Draw(rt, "invalidatedLater") {
			c.Invalidated = certificate.Invalidation{Date: on.AddDays(days("invLater", 1, 300)), Reason: "r", Decision: "d"}
		} else {
			c.Replaced = certificate.Replacement{By: "Q9999", Date: on.AddDays(days("repLater", 1, 300))}
		}
	case genExpired:
		c.ValidUntil = on.AddDays(-days("ago", 1, 1500))
		c.ValidFrom = c.ValidUntil.AddDays(-days("length", 0, 1500))
	case genNotYetValid:
		c.ValidFrom = on.AddDays(days("starts", 1, 1500))
		if !c.ValidUntil.IsZero() {
			c.ValidUntil = c.ValidFrom.AddDays(days("length2", 0, 1500))
		}
	case genInvalidated:
		c.Invalidated = certificate.Invalidation{Date: on.AddDays(-days("invAgo", 0, 300)), Reason: "r", Decision: "d"}
	case genReplaced:
		c.Replaced = certificate.Replacement{By: "Q9999", Date: on.AddDays(-days("repAgo", 0, 300))}
	}
	c.IssuedOn = c.ValidFrom
	return c
}

// validOn is the test's own reading of CERT-02, written apart from certificate.StatusOn.
func validOn(c *certificate.Certificate, on calendar.Date) bool {
	switch {
	case !c.Invalidated.Date.IsZero() && !c.Invalidated.Date.After(on):
		return false
	case c.Replaced.By != "" && !c.Replaced.Date.After(on):
		return false
	case on.Before(c.ValidFrom):
		return false
	case !c.ValidUntil.IsZero() && on.After(c.ValidUntil):
		return false
	}
	return true
}

// publicKind is the test's own table of the kinds the public may see (certificate's package doc).
func publicKind(k certificate.Kind) bool {
	return k == certificate.Occupational || k == certificate.Partial || k == certificate.SchoolQualification
}

// allowed is the test's own oracle: the certificates the public may find with q, in number order.
func allowed(all []certificate.Certificate, q certificate.PublicQuery) []certificate.Number {
	var out []certificate.Number
	t := strings.ToLower(q.Text)
	for i := range all {
		c := &all[i]
		if c.Hidden || !publicKind(c.Kind) || (q.Number != "" && c.Number != q.Number) ||
			(q.IssuerCode != "" && c.IssuerCode != q.IssuerCode) || (q.Kind != 0 && c.Kind != q.Kind) ||
			(q.After != "" && c.Number <= q.After) {
			continue
		}
		entry := []string{strings.ToLower(c.Title), strings.ToLower(c.Standard), strings.ToLower(string(c.Number))}
		byEntry := slices.ContainsFunc(entry, func(f string) bool { return strings.Contains(f, t) })
		byName := strings.Contains(strings.ToLower(c.Holder.Name), t) && validOn(c, q.On)
		if t == "" || byEntry || byName {
			out = append(out, c.Number)
		}
	}
	slices.Sort(out)
	return out
}

func checkPublicView(ctx context.Context, rt *rapid.T, s Store) {
	on := calendar.MustDate(2026, time.January, 1).AddDays(rapid.IntRange(-1500, 1500).Draw(rt, "on"))
	n := rapid.IntRange(1, 12).Draw(rt, "n")
	all := make([]certificate.Certificate, n)
	byNumber := map[certificate.Number]*certificate.Certificate{}
	for i := range all {
		all[i] = drawCertificate(rt, i, on)
		if _, err := s.IssueCertificate(ctx, certificate.Issue{Certificate: all[i]}); err != nil {
			rt.Fatalf("IssueCertificate(%s): %v", all[i].Number, err)
		}
		byNumber[all[i].Number] = &all[i]
	}
	now := func() time.Time { return on.In(time.UTC).Add(12 * time.Hour) }
	reg, err := certificate.NewRegistry(s, certificate.Config{Now: now})
	if err != nil {
		rt.Fatal(err)
	}
	public := actor.Anonymous()

	// What the view may never show: the personal codes and birth dates, in both forms.
	var secrets []string
	for i := range all {
		if h := all[i].Holder; !h.Code.IsZero() {
			secrets = append(secrets, h.Code.String())
		}
		b := all[i].Holder.Born()
		secrets = append(secrets, b.String(), b.Register())
	}
	checkView := func(what string, v certificate.PublicView) {
		c := byNumber[v.Number]
		if c == nil || c.Hidden || !publicKind(c.Kind) {
			rt.Fatalf("%s: the public sees %s, which is hidden, not public or unknown (CERT-04)", what, v.Number)
		}
		if want := validOn(c, on); (v.HolderName != "") != want || (want && v.HolderName != c.Holder.Name) {
			rt.Fatalf("%s: %s shows the name %q; valid on %s: %v (CERT-12)", what, v.Number, v.HolderName, on, want)
		}
		text := fmt.Sprintf("%+v", v)
		for _, sec := range secrets {
			if strings.Contains(text, sec) {
				rt.Fatalf("%s: the view of %s shows %q, a personal code or birth date: %s", what, v.Number, sec, text)
			}
		}
	}

	// By number: the store's query and the Registry's look-up.
	_, missing := reg.Lookup(ctx, public, "Q8888", on)
	if !errors.Is(missing, store.ErrNotFound) {
		rt.Fatalf("Lookup(missing) = %v; want ErrNotFound", missing)
	}
	for _, no := range append(slices.Collect(func(yield func(certificate.Number) bool) {
		for i := range all {
			if !yield(all[i].Number) {
				return
			}
		}
	}), "Q8888") {
		q := certificate.PublicQuery{On: on, Number: no}
		checkQuery(ctx, rt, s, all, q)
		v, err := reg.Lookup(ctx, public, no, on)
		if c := byNumber[no]; c != nil && !c.Hidden && publicKind(c.Kind) {
			if err != nil {
				rt.Fatalf("Lookup(%s) = %v; want its public view", no, err)
			}
			checkView("Lookup", v)
			continue
		}
		if err == nil || err.Error() != strings.ReplaceAll(missing.Error(), "Q8888", string(no)) {
			rt.Fatalf("Lookup(%s) = %+v, %v; want exactly what a missing number gives (%v)", no, v, err, missing)
		}
	}

	// By text: names, codes, birth dates, titles, issuers, numbers.
	texts := []string{"", "tamm", "ÕIE-MARI", "kokk", "Lõputunnistus", "riigieksam", "standard", "q000", "Hotellide Liit", "%", "_"}
	texts = append(texts, secrets...)
	for i := range all {
		texts = append(texts, all[i].Holder.Name, strings.ToUpper(all[i].Holder.Name), string(all[i].Number))
	}
	var queries []certificate.PublicQuery
	for _, text := range texts {
		queries = append(queries, certificate.PublicQuery{On: on, Text: text})
	}
	for _, k := range certificate.Kinds {
		queries = append(queries, certificate.PublicQuery{On: on, Kind: k}, certificate.PublicQuery{On: on, Kind: k, Text: "tamm"})
	}
	queries = append(queries, certificate.PublicQuery{On: on, IssuerCode: "75016705"}, certificate.PublicQuery{On: on, IssuerCode: "80015264", Text: "tamm1"})
	for _, q := range queries {
		checkQuery(ctx, rt, s, all, q)
		vs, err := reg.Search(ctx, public, q, on)
		if err != nil {
			rt.Fatalf("Search(%+v): %v", q, err)
		}
		for _, v := range vs {
			checkView(fmt.Sprintf("Search(%+v)", q), v)
		}
		// Paging: the pages of a walk add up to the whole answer.
		limit := rapid.IntRange(1, 3).Draw(rt, "limit")
		var walked []certificate.Number
		p := q
		p.Limit = limit
		for range n + 1 {
			page, err := s.PublicCertificates(ctx, p)
			if err != nil {
				rt.Fatalf("PublicCertificates(%+v): %v", p, err)
			}
			walked = append(walked, numbers(page)...)
			if len(page) < limit {
				break
			}
			p.After = page[len(page)-1].Number
		}
		if want := allowed(all, q); !slices.Equal(walked, want) {
			rt.Fatalf("pages of %d for %+v = %v; want %v", limit, q, walked, want)
		}
	}
}

// checkQuery runs q on the store and compares the answer with the oracle, saying why a certificate
// should not have been returned.
func checkQuery(ctx context.Context, rt *rapid.T, s Store, all []certificate.Certificate, q certificate.PublicQuery) {
	got, err := s.PublicCertificates(ctx, q)
	if err != nil {
		rt.Fatalf("PublicCertificates(%+v): %v", q, err)
	}
	want := allowed(all, q)
	for _, c := range got {
		if slices.Contains(want, c.Number) {
			continue
		}
		why := "it does not match the query"
		switch {
		case c.Hidden:
			why = "it is hidden (CERT-04)"
		case !publicKind(c.Kind):
			why = "a " + c.Kind.String() + " is not public"
		case q.Text != "" && strings.Contains(strings.ToLower(c.Holder.Name), strings.ToLower(q.Text)) && !validOn(&c, q.On):
			why = "it was found by the name of a certificate not valid on " + q.On.String() + " (CERT-12)"
		}
		rt.Fatalf("PublicCertificates(%+v) returned %s: %s; want %v", q, c.Number, why, want)
	}
	if !slices.Equal(numbers(got), want) {
		rt.Fatalf("PublicCertificates(%+v) = %v; want %v", q, numbers(got), want)
	}
}
