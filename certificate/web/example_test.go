package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/web"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/store/memstore"
)

// The register serves the page its QR codes point to; a client asks for JSON. Once the owner hides
// the certificate, its number is not found.
func Example() {
	ctx := context.Background()
	clock := func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
	reg, _ := certificate.NewRegistry(memstore.New(), certificate.Config{Now: clock})
	reg.Issue(ctx, actor.Keeper("90006414"), certificate.IssueRequest{Certificate: sample.Certificate204580()})

	h, _ := web.New(web.Config{Certificates: reg, Name: web.Text{Et: "Kutseregister", En: "Occupational Qualifications Register"}})
	// A host mounts it where its links point: http.Handle("/cert/", h), or under a prefix with
	// http.StripPrefix. The stamp's Service goes into Config.Stamps for the hidden certificates' links.

	r := httptest.NewRequest("GET", "/cert/204580?lang=en", nil)
	r.Header.Set("Accept", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	var e web.Entry
	json.Unmarshal(w.Body.Bytes(), &e)
	fmt.Println(w.Code, w.Header().Get("Content-Type"))
	fmt.Println(e.Number, e.Status, e.HolderName, e.ValidUntil, "as of", e.AsOf)
	fmt.Println(e.Explanation[0].Rule, e.Explanation[0].Text)

	reg.Hide(ctx, actor.OwnerOf(sample.Holder()), "204580")
	w = httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/cert/204580", nil))
	fmt.Println(w.Code, w.Header().Get("Content-Type"))
	// Output:
	// 200 application/json
	// 204580 valid Ema-Kaks Piskel 2030-01-08 as of 2026-11-22
	// CERT-02 valid 09.01.2025 to 08.01.2030 inclusive; valid on 22.11.2026
	// 404 text/html; charset=utf-8
}
