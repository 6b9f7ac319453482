package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/kutsekit/kutse/certificate/web"
	"github.com/kutsekit/kutse/internal/sample"
)

// FuzzHandler feeds the handler arbitrary certificate numbers, token links, queries and Accept /
// Accept-Language headers (their parsers are the handler's): it never fails (500), answers only with
// the statuses it documents, and never shows a personal code (CERT-12).
func FuzzHandler(f *testing.F) {
	fx := newFixture(f, web.Config{Stamps: &fakeResolver{token: "k3y", fixture: hidden()}})
	for _, s := range [][4]string{
		{"cert/204580", "", "", ""},
		{"cert/E015992", "lang=en", "application/json", "en"},
		{"cert/t/k3y", "", "text/html;q=0.1, application/json;q=0.2", "et;q=0.5, en;q=0.6"},
		{"cert/", "number=ot011089&lang=et", "*/*", "*"},
		{"cert/%3Cb%3E", "lang=%00", "application/json;q=", "en-US;q=x"},
	} {
		f.Add(s[0], s[1], s[2], s[3])
	}
	code := sample.HolderCode
	f.Fuzz(func(t *testing.T, path, query, accept, acceptLang string) {
		u := &url.URL{Path: "/" + path, RawQuery: query}
		for _, m := range []string{"GET", "HEAD"} {
			r := httptest.NewRequest(m, "/", nil)
			r.URL, r.RequestURI = u, u.RequestURI()
			r.Header.Set("Accept", accept)
			r.Header.Set("Accept-Language", acceptLang)
			res := serve(fx.h, r)
			switch res.code {
			case http.StatusOK, http.StatusBadRequest, http.StatusNotFound, http.StatusSeeOther, http.StatusMovedPermanently:
			default:
				t.Fatalf("%s %s (Accept %q, Accept-Language %q) = %d", m, u, accept, acceptLang, res.code)
			}
			if strings.Contains(res.body, code) {
				t.Fatalf("%s %s shows the personal code", m, u)
			}
		}
	})
}
