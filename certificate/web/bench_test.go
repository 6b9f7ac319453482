package web_test

import (
	"net/http/httptest"
	"testing"

	"github.com/kutsekit/kutse/certificate/web"
)

// BenchmarkHandler measures one page of a valid certificate, read from memstore, as HTML and as
// JSON, and a not-found page.
func BenchmarkHandler(b *testing.B) {
	f := newFixture(b, web.Config{})
	for _, bb := range []struct{ name, target, accept string }{
		{"html", "/cert/204580", "text/html"},
		{"json", "/cert/204580", "application/json"},
		{"notfound", "/cert/999999", "text/html"},
	} {
		b.Run(bb.name, func(b *testing.B) {
			r := httptest.NewRequest("GET", bb.target, nil)
			r.Header.Set("Accept", bb.accept)
			r.Header.Set("Accept-Language", "et-EE,et;q=0.9,en;q=0.8")
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				f.h.ServeHTTP(w, r)
				if w.Code != 200 && w.Code != 404 {
					b.Fatal(w.Code)
				}
			}
		})
	}
}
