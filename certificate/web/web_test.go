package web_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/web"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/invalid"
)

var update = flag.Bool("update", false, "update golden files")

// golden compares got with testdata/name; -update rewrites it.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update to refresh):\n%s", path, got)
	}
}

// TestEntry_CERT05_CERT06_html proves that the link of a reprint or a stamp (CERT-05, CERT-06) shows
// the public register entry and its validity on the register's date, with its explanation and dates
// as DD.MM.YYYY, in Estonian by default and in English on request, with no personal code (CERT-12);
// the pages are compared with golden files.
func TestEntry_CERT05_CERT06_html(t *testing.T) {
	f := newFixture(t, web.Config{})
	for _, tt := range []struct {
		target, lang string
		want         []string
	}{
		{"/cert/204580", "et", []string{`<html lang="et">`, "<h1>Kutsetunnistus 204580</h1>", "Ema-Kaks Piskel",
			"Kehtiv seisuga 22.11.2026", "Kehtib 09.01.2025–08.01.2030 (mõlemad päevad kaasa arvatud); kehtiv 22.11.2026.",
			"Alus: Kutsetunnistuse statuut ja vorm (HTM määrus nr 74) § 1 lg 3 (RTL 2009, 2, 32)", `<th scope="row">Kehtib kuni</th><td>08.01.2030</td>`,
			`href="?lang=en" lang="en" hreflang="en"`}},
		{"/cert/204580?lang=en", "en", []string{`<html lang="en">`, "<h1>Occupational qualification certificate 204580</h1>",
			"Valid as of 22.11.2026", "Valid 09.01.2025 to 08.01.2030 inclusive; valid on 22.11.2026.", "Basis: Kutsetunnistuse statuut ja vorm (HTM määrus nr 74) § 1 (3) (RTL 2009, 2, 32)",
			`<th scope="row">Valid until</th><td>08.01.2030</td>`, `href="?lang=et" lang="et" hreflang="et"`}},
		{"/cert/OT011089", "et", []string{"<h1>Osakutsetunnistus OT011089</h1>", "Kehtivus lõppenud seisuga 22.11.2026",
			"Kehtis kuni 20.03.2024 (kaasa arvatud); 22.11.2026 on kehtivus lõppenud.", "avalik üksnes tunnistuse kehtivuse ajal"}},
	} {
		res := get(f.h, "GET", tt.target)
		if res.code != http.StatusOK || res.header.Get("Content-Type") != "text/html; charset=utf-8" || res.header.Get("Content-Language") != tt.lang {
			t.Fatalf("GET %s = %d %q %q", tt.target, res.code, res.header.Get("Content-Type"), res.header.Get("Content-Language"))
		}
		for _, w := range tt.want {
			if !strings.Contains(res.body, w) {
				t.Errorf("GET %s: page lacks %q", tt.target, w)
			}
		}
		if x := containsAny(res.body, personal(sample.Certificate204580())); x != "" {
			t.Errorf("GET %s shows personal data %q (CERT-12)", tt.target, x)
		}
	}
	if res := get(f.h, "GET", "/cert/OT011089"); strings.Contains(res.body, "Piskel") {
		t.Error("the page of an expired certificate shows its holder's name (CERT-12)")
	}
	// The style sheet is checked by its hash (TestSecurityHeaders) and in the browser: the golden
	// files hold the markup.
	style := regexp.MustCompile(`(?s)<style>.*?</style>`)
	golden(t, "204580.et.html", style.ReplaceAllString(get(f.h, "GET", "/cert/204580").body, "<style>…</style>"))
	golden(t, "OT011089.en.html", style.ReplaceAllString(get(f.h, "GET", "/cert/OT011089", "Accept-Language", "en-GB,en;q=0.9").body, "<style>…</style>"))
}

// TestEntry_CERT05_json proves that the same URL serves the entry as JSON to a client that asks for
// it (Accept: application/json), with the documented field names, ISO dates and no personal data
// (CERT-12).
func TestEntry_CERT05_json(t *testing.T) {
	f := newFixture(t, web.Config{})
	res := get(f.h, "GET", "/cert/204580", "Accept", "application/json")
	if res.code != http.StatusOK || res.header.Get("Content-Type") != "application/json" {
		t.Fatalf("GET JSON = %d %q", res.code, res.header.Get("Content-Type"))
	}
	var e web.Entry
	if err := json.Unmarshal([]byte(res.body), &e); err != nil {
		t.Fatal(err)
	}
	if e.Number != "204580" || e.Status != "valid" || !e.Valid || e.HolderName != "Ema-Kaks Piskel" || e.AsOf != calendar.MustDate(2026, 11, 22) ||
		e.ValidUntil != calendar.MustDate(2030, 1, 8) || len(e.Explanation) != 1 || e.Explanation[0].Rule != "CERT-02" || e.Lang != "et" {
		t.Errorf("entry = %+v", e)
	}
	if x := containsAny(res.body, personal(sample.Certificate204580())); x != "" {
		t.Errorf("JSON shows personal data %q", x)
	}
	golden(t, "204580.et.json", res.body)
	golden(t, "OT011089.en.json", get(f.h, "GET", "/cert/OT011089?lang=en", "Accept", "application/json").body)
	var generic map[string]any
	json.Unmarshal([]byte(get(f.h, "GET", "/cert/OT011089", "Accept", "application/json").body), &generic)
	if _, ok := generic["holderName"]; ok {
		t.Error("JSON of an expired certificate has holderName (CERT-12)")
	}
	if _, ok := generic["validUntil"]; !ok {
		t.Error("JSON lacks validUntil")
	}
	if e := decode(t, get(f.h, "GET", "/cert/E015992", "Accept", "application/json")); e != nil {
		t.Errorf("JSON of a hidden certificate = %+v", e)
	}
}

func decode(t *testing.T, res response) *web.Entry {
	t.Helper()
	if res.code != http.StatusOK {
		return nil
	}
	var e web.Entry
	if err := json.Unmarshal([]byte(res.body), &e); err != nil {
		t.Fatal(err)
	}
	return &e
}

// TestNegotiation_GEN05 proves content negotiation: JSON only when the client prefers it, HTML otherwise
// (browsers, curl, no header, neither acceptable); the language (GEN-05: Estonian and English) from
// ?lang=, else Accept-Language, else Estonian; the response varies on both headers.
func TestNegotiation_GEN05(t *testing.T) {
	f := newFixture(t, web.Config{})
	for _, tt := range []struct {
		accept, acceptLang, query string
		json                      bool
		lang                      string
	}{
		{"", "", "", false, "et"},
		{"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "et-EE,et;q=0.9,en;q=0.8", "", false, "et"},
		{"*/*", "en-US,en;q=0.9", "", false, "en"},
		{"application/json", "", "", true, "et"},
		{"application/json;q=0.9, text/html;q=0.8", "en", "", true, "en"},
		{"text/html;q=0.5, application/json", "", "", true, "et"},
		{"application/*", "", "", true, "et"},
		{"text/*, application/json;q=0.1", "", "", false, "et"},
		{"application/json, text/html", "", "", false, "et"}, // a tie: HTML
		{"image/png", "", "", false, "et"},                   // neither: HTML
		{"application/json;q=abc", "", "", false, "et"},      // a malformed q is not a wish
		{"APPLICATION/JSON", "de, fi;q=0.8", "", true, "et"},
		{"", "fi, en;q=0.5", "", false, "en"},
		{"", "ru", "", false, "et"},
		{"", "en", "lang=et", false, "et"},
		{"", "", "lang=en", false, "en"},
		{"", "", "lang=de", false, "et"},
		{"", "%%%", "", false, "et"},
	} {
		target := "/cert/204580"
		if tt.query != "" {
			target += "?" + tt.query
		}
		res := get(f.h, "GET", target, "Accept", tt.accept, "Accept-Language", tt.acceptLang)
		isJSON := strings.HasPrefix(res.header.Get("Content-Type"), "application/json")
		if res.code != 200 || isJSON != tt.json || res.header.Get("Content-Language") != tt.lang {
			t.Errorf("Accept %q, Accept-Language %q, ?%s: %d %s %s; want json=%v %s", tt.accept, tt.acceptLang, tt.query,
				res.code, res.header.Get("Content-Type"), res.header.Get("Content-Language"), tt.json, tt.lang)
		}
		if res.header.Get("Vary") != "Accept, Accept-Language" {
			t.Errorf("Vary = %q", res.header.Get("Vary"))
		}
	}
}

// TestHidden_CERT04 proves CERT-04 on the page: a hidden certificate's number answers 404 with
// exactly the page and headers of a number the register does not hold, in HTML and in JSON.
func TestHidden_CERT04(t *testing.T) {
	f := newFixture(t, web.Config{})
	empty := newFixture(t, web.Config{}, sample.Certificate204580())
	for _, accept := range []string{"text/html", "application/json"} {
		a := get(f.h, "GET", "/cert/E015992", "Accept", accept)
		b := get(empty.h, "GET", "/cert/E015992", "Accept", accept)
		if a.code != http.StatusNotFound || a.body != b.body || !sameHeaders(a.header, b.header) {
			t.Errorf("hidden %d %v\n%s\nmissing %d %v\n%s", a.code, a.header, a.body, b.code, b.header, b.body)
		}
		if strings.Contains(a.body, "Lapsehoidja") || strings.Contains(a.body, "Piskel") {
			t.Errorf("the 404 of a hidden certificate shows it:\n%s", a.body)
		}
	}
	if res := get(f.h, "GET", "/cert/999999"); !strings.Contains(res.body, "Tunnistust ei leitud") || !strings.Contains(res.body, "numbriga 999999") {
		t.Errorf("not-found page:\n%s", res.body)
	}
	var p web.Problem
	if err := json.Unmarshal([]byte(get(f.h, "GET", "/cert/999999", "Accept", "application/json").body), &p); err != nil ||
		p.Status != 404 || p.Title != "Not Found" || p.Type != "about:blank" || !strings.Contains(p.Detail, "999999") {
		t.Errorf("problem = %+v, %v", p, err)
	}
}

func sameHeaders(a, b http.Header) bool {
	x, y := a.Clone(), b.Clone()
	x.Del("Date")
	y.Del("Date")
	var bx, by bytes.Buffer
	x.Write(&bx)
	y.Write(&by)
	return bx.String() == by.String()
}

// TestBadNumber_CERT01 proves that a number no certificate can have (CERT-01: the register's number
// forms, SCH-03) answers 400, its text escaped and
// shortened on the page; a number of a valid form that the register does not hold answers 404.
func TestBadNumber_CERT01(t *testing.T) {
	f := newFixture(t, web.Config{})
	for _, target := range []string{"/cert/abc", "/cert/204580x", "/cert/12345678901", "/cert/ABCDE1", "/cert/-1",
		"/cert/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/cert/" + strings.Repeat("9", 500), "/cert/%C3%A4", "/cert/%FF", "/cert/t"} {
		for _, accept := range []string{"", "application/json"} {
			res := get(f.h, "GET", target, "Accept", accept)
			if res.code != http.StatusBadRequest {
				t.Errorf("GET %s = %d; want 400", target, res.code)
			}
			if strings.Contains(res.body, "<script") || strings.Contains(res.body, strings.Repeat("9", 50)) {
				t.Errorf("GET %s echoes the input unescaped or whole:\n%s", target, res.body)
			}
		}
	}
	for _, target := range []string{"/cert/1", "/cert/G000001", "/cert/ABCD1234567890"} {
		if res := get(f.h, "GET", target); res.code != http.StatusNotFound {
			t.Errorf("GET %s = %d; want 404", target, res.code)
		}
	}
	if res := get(f.h, "GET", "/cert/abc?lang=en"); !strings.Contains(res.body, "“abc” is not a certificate number") {
		t.Errorf("400 page:\n%s", res.body)
	}
}

// TestMethodsAndPaths_CERT05 proves that the page of the link (CERT-05) is read-only (405 with Allow for other methods, with
// the security headers) and answers 404 at addresses it does not serve.
func TestMethodsAndPaths_CERT05(t *testing.T) {
	f := newFixture(t, web.Config{})
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH"} {
		res := get(f.h, m, "/cert/204580")
		if res.code != http.StatusMethodNotAllowed || !strings.Contains(res.header.Get("Allow"), "GET") || res.header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s = %d, Allow %q, CSP %q", m, res.code, res.header.Get("Allow"), res.header.Get("Content-Security-Policy"))
		}
	}
	if res := get(f.h, "GET", "/cert?lang=en"); res.code != http.StatusMovedPermanently || res.header.Get("Location") != "cert/?lang=en" {
		t.Errorf("GET /cert = %d, Location %q", res.code, res.header.Get("Location"))
	}
	for _, target := range []string{"/", "/cert/204580/", "/cert/204580/x", "/minu/cert/204580", "/cert/t/a/b", "/favicon.ico",
		"/cert/../cert/204580", "//cert/204580", "/cert/./204580", "/cert//204580"} {
		res := get(f.h, "GET", target)
		if res.code != http.StatusNotFound {
			t.Errorf("GET %s = %d; want 404", target, res.code)
		}
		if strings.Contains(res.body, "Piskel") {
			t.Errorf("GET %s shows a certificate", target)
		}
	}
}

// TestHeadAndConditional_CERT02 proves that HEAD answers the headers of GET without the body, that a
// client holding the entity tag gets 304 Not Modified, that another language or format has another
// tag, and that the tag changes when the status does with the date (CERT-02), so no cache keeps a
// status past its day.
func TestHeadAndConditional_CERT02(t *testing.T) {
	f := newFixture(t, web.Config{})
	g := get(f.h, "GET", "/cert/204580")
	h := get(f.h, "HEAD", "/cert/204580")
	if h.code != 200 || h.body != "" || h.header.Get("Content-Length") != g.header.Get("Content-Length") || h.header.Get("ETag") != g.header.Get("ETag") || g.header.Get("ETag") == "" {
		t.Errorf("HEAD = %d %v (%d bytes); GET %v", h.code, h.header, len(h.body), g.header)
	}
	if h := get(f.h, "HEAD", "/cert/999999"); h.code != 404 || h.body != "" {
		t.Errorf("HEAD missing = %d, %d bytes", h.code, len(h.body))
	}
	tag := g.header.Get("ETag")
	if c := get(f.h, "GET", "/cert/204580", "If-None-Match", tag); c.code != http.StatusNotModified || c.body != "" {
		t.Errorf("If-None-Match = %d", c.code)
	}
	if c := get(f.h, "GET", "/cert/204580", "If-None-Match", `"other"`); c.code != 200 {
		t.Errorf("If-None-Match other = %d", c.code)
	}
	if c := get(f.h, "GET", "/cert/204580", "If-Match", `"other"`); c.code != http.StatusPreconditionFailed {
		t.Errorf("If-Match other = %d", c.code)
	}
	en := get(f.h, "GET", "/cert/204580?lang=en").header.Get("ETag")
	js := get(f.h, "GET", "/cert/204580", "Accept", "application/json").header.Get("ETag")
	if en == tag || js == tag || en == js {
		t.Errorf("ETags et %s, en %s, json %s: want all different", tag, en, js)
	}
	if cc := g.header.Get("Cache-Control"); cc != "private, no-cache" {
		t.Errorf("Cache-Control = %q", cc)
	}
	// The status changes with the date: the same page a day after its last day is another entity.
	f.reg, _ = certificate.NewRegistry(f.st, certificate.Config{Now: func() time.Time { return now().AddDate(4, 0, 0) }})
	later, _ := web.New(web.Config{Certificates: f.reg})
	if c := get(later, "GET", "/cert/204580", "If-None-Match", tag); c.code != 200 {
		t.Errorf("a stale entity tag = %d; want 200", c.code)
	}
}

// TestSecurityHeaders_CERT12 proves the headers every response carries (among them noindex, so that no
// search engine keeps a name past the certificate's validity, CERT-12), a Content-Security-Policy that
// allows no script and no inline style but the page's own sheet by its hash, and that the page loads
// nothing from anywhere (no src, no external href, no script element).
func TestSecurityHeaders_CERT12(t *testing.T) {
	f := newFixture(t, web.Config{})
	for _, target := range []string{"/cert/204580", "/cert/999999", "/cert/abc", "/cert/", "/x", "/cert/t/abc"} {
		res := get(f.h, "GET", target)
		for name, want := range map[string]string{
			"Content-Security-Policy":      web.ContentSecurityPolicy(),
			"X-Content-Type-Options":       "nosniff",
			"X-Frame-Options":              "DENY",
			"Referrer-Policy":              "no-referrer",
			"Cross-Origin-Opener-Policy":   "same-origin",
			"Cross-Origin-Resource-Policy": "same-origin",
			"X-Robots-Tag":                 "noindex, nofollow, noarchive",
		} {
			if got := res.header.Get(name); got != want {
				t.Errorf("GET %s: %s = %q; want %q", target, name, got, want)
			}
		}
		csp := res.header.Get("Content-Security-Policy")
		if strings.Contains(csp, "unsafe") || !strings.HasPrefix(csp, "default-src 'none';") || strings.Contains(csp, "script-src") {
			t.Errorf("CSP %q is not strict", csp)
		}
		m := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindStringSubmatch(res.body)
		if m == nil {
			t.Fatalf("GET %s: no style sheet", target)
		}
		sum := sha256.Sum256([]byte(m[1]))
		if !strings.Contains(csp, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'") {
			t.Errorf("GET %s: the inline style's hash is not in the CSP", target)
		}
		for _, bad := range []string{"<script", " src=", "http://", "https://", "@import", "url("} {
			if strings.Contains(res.body, bad) {
				t.Errorf("GET %s: the page has %q: it must load nothing", target, bad)
			}
		}
	}
	if res := get(f.h, "GET", "/cert/204580"); res.header.Get("Strict-Transport-Security") != "" {
		t.Error("HSTS over plain HTTP")
	}
}

// TestEscaping_CERT12 proves that hostile text in a certificate's fields (names, titles, issuer,
// competences) is shown as text in the HTML and stays inside its strings in the JSON.
func TestEscaping_CERT12(t *testing.T) {
	evil := []string{`<script>alert(1)</script>`, `"><img src=x onerror=alert(2)>`, `</style><b>x</b>`, `' onmouseover='alert(3)`, "&amp;<!--", "javascript:alert(4)"}
	c := sample.Certificate204580()
	c.Number = "204666"
	c.Holder.Name = "Mari " + evil[0]
	c.Title, c.Standard, c.Issuer, c.Specialisation = evil[1], evil[2], evil[3], evil[4]
	c.Competences = []string{evil[5], evil[0]}
	c.ExamLanguage = "</td></tr></table>"
	f := newFixture(t, web.Config{Name: web.Text{Et: "<i>Register</i>", En: "<i>Register</i>"}}, c)
	for _, lang := range []string{"et", "en"} {
		res := get(f.h, "GET", "/cert/204666?lang="+lang)
		if res.code != 200 {
			t.Fatalf("GET = %d", res.code)
		}
		for _, bad := range []string{"<script", "<img", "</style><b>", "onmouseover='", "<!--", "</td></tr></table></td>", "<i>"} {
			if strings.Contains(res.body, bad) {
				t.Errorf("%s page has %q unescaped", lang, bad)
			}
		}
		if !strings.Contains(res.body, "&lt;script&gt;alert(1)&lt;/script&gt;") || strings.Count(res.body, "<table") != 1 {
			t.Errorf("%s page does not show the hostile name as text", lang)
		}
		js := get(f.h, "GET", "/cert/204666?lang="+lang, "Accept", "application/json")
		var e web.Entry
		if err := json.Unmarshal([]byte(js.body), &e); err != nil || e.HolderName != c.Holder.Name || e.Title != evil[1] || strings.Contains(js.body, "<") {
			t.Errorf("JSON = %v %+v", err, e)
		}
	}
}

// TestIndexAndForm_CERT05 proves the lookup page of the check (CERT-05): /cert/ shows the form; ?number= redirects to the
// certificate's page (spaces dropped, letters capitalised, the chosen language kept), or answers 400.
func TestIndexAndForm_CERT05(t *testing.T) {
	f := newFixture(t, web.Config{})
	res := get(f.h, "GET", "/cert/")
	if res.code != 200 || !strings.Contains(res.body, `<form class="lookup" method="get" action="./">`) || !strings.Contains(res.body, `<label for="number">`) {
		t.Errorf("index = %d\n%s", res.code, res.body)
	}
	for q, want := range map[string]string{"number=204580": "204580", "number=+e015+992+&lang=en": "E015992?lang=en", "number=ot011089": "OT011089"} {
		res := get(f.h, "GET", "/cert/?"+q)
		if res.code != http.StatusSeeOther || res.header.Get("Location") != want {
			t.Errorf("?%s = %d, Location %q; want %q", q, res.code, res.header.Get("Location"), want)
		}
	}
	if res := get(f.h, "GET", "/cert/?number=%3Cx%3E"); res.code != 400 || strings.Contains(res.body, "<x>") {
		t.Errorf("?number=<x> = %d", res.code)
	}
	if res := get(f.h, "GET", "/cert/999999"); !strings.Contains(res.body, `action="./"`) {
		t.Error("the not-found page has no lookup form")
	}
}

// TestToken_CERT04_CERT06 proves the token link of a hidden certificate's stamp: the token shows the
// entry (the owner shared it), an unknown or malformed token answers 404 without a lookup, no cache
// keeps the page, and without a resolver every token link is not found.
func TestToken_CERT04_CERT06(t *testing.T) {
	stamps := &fakeResolver{token: "k3y", fixture: hidden()}
	f := newFixture(t, web.Config{Stamps: stamps})
	res := get(f.h, "GET", "/cert/t/k3y")
	if res.code != 200 || !strings.Contains(res.body, "Lapsehoidja, tase 4") || res.header.Get("Cache-Control") != "no-store" {
		t.Fatalf("token page = %d %q\n%s", res.code, res.header.Get("Cache-Control"), res.body)
	}
	if !strings.Contains(res.body, `action="../"`) && strings.Contains(res.body, "<form") {
		t.Error("form action of a token page")
	}
	for _, tok := range []string{"guess", strings.Repeat("a", 129), "a.b", "%00"} {
		if res := get(f.h, "GET", "/cert/t/"+tok); res.code != 404 {
			t.Errorf("token %q = %d; want 404", tok, res.code)
		}
	}
	if stamps.calls != 2 { // k3y and guess; the malformed ones never reach the store
		t.Errorf("Resolve called %d times; want 2", stamps.calls)
	}
	stamps.invalid = true // a store that finds the token malformed
	if res := get(f.h, "GET", "/cert/t/k3y"); res.code != 404 {
		t.Errorf("a token the store calls invalid = %d; want 404", res.code)
	}
	stamps.invalid = false
	stamps.blank = true // a resolver that gives a view with nothing in it
	if res := get(f.h, "GET", "/cert/t/k3y"); res.code != 404 {
		t.Errorf("a blank view = %d; want 404", res.code)
	}
	none := newFixture(t, web.Config{})
	if res := get(none.h, "GET", "/cert/t/k3y"); res.code != 404 {
		t.Errorf("no resolver: %d", res.code)
	}
}

type fakeResolver struct {
	token   string
	fixture certificate.Certificate
	calls   int
	blank   bool
	invalid bool
}

func (r *fakeResolver) Resolve(_ context.Context, token string) (certificate.PublicView, error) {
	r.calls++
	if r.invalid {
		return certificate.PublicView{}, &invalid.FieldError{Pkg: "fake", Field: "token", Reason: "is malformed"}
	}
	if token != r.token {
		return certificate.PublicView{}, errNotFound
	}
	if r.blank {
		return certificate.PublicView{}, nil
	}
	c := r.fixture
	c.Hidden = false
	v, _ := c.PublicOn(calendar.DateOf(now()))
	return v, nil
}

// TestFailure_CERT05 proves that, on the page of the link (CERT-05), a store failure answers 500 with a page that says only that the register
// could not be read, and logs the cause.
func TestFailure_CERT05(t *testing.T) {
	var log bytes.Buffer
	h, err := web.New(web.Config{Certificates: failing{}, Logger: slog.New(slog.NewTextHandler(&log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	for _, accept := range []string{"", "application/json"} {
		res := get(h, "GET", "/cert/204580", "Accept", accept)
		if res.code != 500 || strings.Contains(res.body, "disk on fire") || res.header.Get("Cache-Control") != "no-store" {
			t.Errorf("failure = %d %q\n%s", res.code, res.header.Get("Cache-Control"), res.body)
		}
	}
	if !strings.Contains(log.String(), "disk on fire") {
		t.Errorf("log = %q", log.String())
	}
	if _, err := web.New(web.Config{}); err == nil {
		t.Error("New without Certificates = nil error")
	}
}

type failing struct{}

func (failing) Lookup(context.Context, actor.Actor, certificate.Number, calendar.Date) (certificate.PublicView, error) {
	return certificate.PublicView{}, errors.New("disk on fire")
}
