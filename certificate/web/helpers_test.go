package web_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/web"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/memstore"
)

var errNotFound = fmt.Errorf("fake: %w", store.ErrNotFound)

// now is the register's clock in the tests: 22.11.2026 in Tallinn.
func now() time.Time { return time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC) }

var keeper = actor.Keeper("90006414")

// expired is the sample owner's partial-qualification certificate OT011089 (seed 000), expired on
// 20.03.2024.
func expired() certificate.Certificate {
	c := sample.Certificate204580()
	c.Number, c.Kind, c.Title, c.Standard, c.Specialisation, c.Competences = "OT011089", certificate.Partial, "Hooldustöötaja, tase 4", "", "", nil
	c.EKR, c.EQF = classifier.MustLevel(4), classifier.MustLevel(4)
	c.IssuedOn, c.ValidFrom, c.ValidUntil = calendar.MustDate(2017, 3, 21), calendar.MustDate(2017, 3, 21), calendar.MustDate(2024, 3, 20)
	return c
}

// hidden is the sample owner's E015992, which she hid (CERT-04).
func hidden() certificate.Certificate {
	c := sample.Certificate204580()
	c.Number, c.Title, c.Standard, c.Specialisation, c.Competences = "E015992", "Lapsehoidja, tase 4", "", "", nil
	c.ValidFrom, c.IssuedOn, c.ValidUntil = calendar.MustDate(2023, 3, 20), calendar.MustDate(2023, 3, 20), calendar.Date{}
	c.Hidden = true
	return c
}

// fixture is a store with 204580 (valid), OT011089 (expired) and E015992 (hidden), a registry on it
// and the handler.
type fixture struct {
	st  *memstore.Store
	reg *certificate.Registry
	h   *web.Handler
}

func newFixture(t testing.TB, cfg web.Config, cs ...certificate.Certificate) *fixture {
	t.Helper()
	st := memstore.New()
	if cs == nil {
		cs = []certificate.Certificate{sample.Certificate204580(), expired(), hidden()}
	}
	for _, c := range cs {
		if _, err := st.IssueCertificate(t.Context(), certificate.Issue{Certificate: c}); err != nil {
			t.Fatal(err)
		}
	}
	reg, err := certificate.NewRegistry(st, certificate.Config{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Certificates = reg
	h, err := web.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{st: st, reg: reg, h: h}
}

// response is what a request got.
type response struct {
	code   int
	header http.Header
	body   string
}

// get serves a request for target with the headers given as name, value pairs.
func get(h http.Handler, method, target string, headers ...string) response {
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		r.Header.Set(headers[i], headers[i+1])
	}
	return serve(h, r)
}

// serve serves r.
func serve(h http.Handler, r *http.Request) response {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	b, _ := io.ReadAll(w.Result().Body)
	return response{code: w.Code, header: w.Result().Header, body: string(b)}
}

// personal returns the ways a holder's personal data could appear in a page: the personal code and
// the birth date, ISO and as the register writes it.
func personal(c certificate.Certificate) []string {
	var out []string
	if !c.Holder.Code.IsZero() {
		out = append(out, c.Holder.Code.String())
	}
	if b := c.Holder.Born(); !b.IsZero() {
		out = append(out, b.String(), b.Register())
	}
	return out
}

func containsAny(s string, subs []string) string {
	for _, x := range subs {
		if x != "" && strings.Contains(s, x) {
			return x
		}
	}
	return ""
}
