package certificate_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/store"
)

// TestSearch_CERT12_NameMatchesOnlyWhileValid proves CERT-12 (KRPM § 15 (1): personal data are public
// during their validity) and CERT-04: the public text search matches the holder's name only on
// certificates valid on the query's date. An expired certificate found by the name, even with the
// name blanked, would tell the searcher that this person held it. Its title still finds it.
func TestSearch_CERT12_NameMatchesOnlyWhileValid(t *testing.T) {
	r, _ := newRegistry(t)
	issue204580(t, r) // valid 2025-01-09 – 2030-01-08
	old := cert204580()
	old.Number, old.Title = "", "Kokk, tase 4"
	old.IssuedOn, old.ValidFrom, old.ValidUntil = d("2017-03-21"), d("2017-03-21"), d("2024-03-20")
	expired, err := r.Issue(t.Context(), body, certificate.IssueRequest{Certificate: old})
	if err != nil || expired.Number != "000001" {
		t.Fatalf("Issue(expired) = %q, %v", expired.Number, err)
	}
	ctx := t.Context()
	vs, err := r.Search(ctx, actor.Anonymous(), certificate.PublicQuery{Text: "piskel"}, d("2026-11-22"))
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || vs[0].Number != "204580" {
		t.Errorf("Search(piskel) on 2026-11-22 = %v; want only the valid 204580, not the expired 000001 (CERT-12)", viewNumbers(vs))
	}
	// On a day the expired one was valid, the name finds it.
	if vs, _ := r.Search(ctx, actor.Anonymous(), certificate.PublicQuery{Text: "piskel"}, d("2020-01-01")); len(vs) != 1 || vs[0].Number != "000001" || vs[0].HolderName == "" {
		t.Errorf("Search(piskel) on 2020-01-01 = %+v; want 000001 with the name", vs)
	}
	// The title, the standard and the number still find any public certificate, without the name.
	for _, text := range []string{"kokk", "000001"} {
		vs, _ := r.Search(ctx, actor.Anonymous(), certificate.PublicQuery{Text: text}, d("2026-11-22"))
		if len(vs) != 1 || vs[0].Number != "000001" || vs[0].HolderName != "" {
			t.Errorf("Search(%q) = %+v; want 000001 without the name", text, vs)
		}
	}
	// Paging stays right: the filter is the store's, so a page of one is not emptied by it.
	vs, _ = r.Search(ctx, actor.Anonymous(), certificate.PublicQuery{Text: "piskel", Limit: 1}, d("2026-11-22"))
	if len(vs) != 1 || vs[0].Number != "204580" {
		t.Errorf("Search(piskel, limit 1) = %v; want [204580]", viewNumbers(vs))
	}
}

// TestPublic_CERT04_SchoolAndExamDocumentsNotPublic proves the per-kind disclosure: school leaving
// certificates, grade sheets, state-exam and proficiency certificates are not public register entries
// (seed 002 § 15 (2): the state-exam certificate is available to the person in eesti.ee; seed 001: the
// register holds issued qualifications), so the public never finds them, by number or by search, and a
// look-up reports them exactly like a missing number.
func TestPublic_CERT04_SchoolAndExamDocumentsNotPublic(t *testing.T) {
	r, _ := newRegistry(t)
	ctx := t.Context()
	h := cert204580().Holder
	docs := []struct {
		kind certificate.Kind
		a    actor.Actor
	}{
		{certificate.BasicSchool, actor.SchoolOf("75016705")},
		{certificate.Gymnasium, actor.SchoolOf("75016705")},
		{certificate.GradeSheet, actor.SchoolOf("75016705")},
		{certificate.StateExam, actor.Centre("70000001")},
		{certificate.Proficiency, actor.Centre("70000001")},
	}
	var nos []certificate.Number
	for _, doc := range docs {
		c := certificate.Certificate{Kind: doc.kind, Holder: h, Title: "Dokument", Issuer: "Väljastaja",
			IssuerCode: doc.a.Org, IssuedOn: d("2014-08-13")} // within regulation nr 113 of 13.07.2014 (GEN-04)
		got, err := r.Issue(ctx, doc.a, certificate.IssueRequest{Certificate: c})
		if err != nil {
			t.Fatalf("Issue(%s) = %v", doc.kind, err)
		}
		nos = append(nos, got.Number)
	}
	_, missing := r.Lookup(ctx, actor.Anonymous(), "X000000", d("2026-11-22"))
	for i, no := range nos {
		_, err := r.Lookup(ctx, actor.Anonymous(), no, d("2026-11-22"))
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Lookup(%s %s) = %v; want not found", docs[i].kind, no, err)
		}
		if vs, _ := r.Search(ctx, actor.Anonymous(), certificate.PublicQuery{Number: no}, d("2026-11-22")); len(vs) != 0 {
			t.Errorf("Search(Number %s, a %s) = %v; want none", no, docs[i].kind, viewNumbers(vs))
		}
		if vs, _ := r.Search(ctx, actor.Anonymous(), certificate.PublicQuery{Kind: docs[i].kind}, d("2026-11-22")); len(vs) != 0 {
			t.Errorf("Search(Kind %s) = %v; want none", docs[i].kind, viewNumbers(vs))
		}
		if missing == nil || err == nil || err.Error() != strings.ReplaceAll(missing.Error(), "X000000", string(no)) {
			t.Errorf("Lookup(%s) error %q is told apart from a missing number's %q", no, err, missing)
		}
	}
	for _, q := range []certificate.PublicQuery{{}, {Text: "piskel"}, {Text: "dokument"}} {
		if vs, _ := r.Search(ctx, actor.Anonymous(), q, d("2026-11-22")); len(vs) != 0 {
			t.Errorf("Search(%+v) = %v; want none of the school and exam documents", q, viewNumbers(vs))
		}
	}
}

func viewNumbers(vs []certificate.PublicView) []certificate.Number {
	out := make([]certificate.Number, len(vs))
	for i, v := range vs {
		out[i] = v.Number
	}
	return out
}
