package web_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/certificate/web"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/stamp"
	"github.com/kutsekit/kutse/store/memstore"
)

// drawCertificate draws a certificate of any kind and any status on the register's date: valid, not
// yet valid, expired, invalidated or replaced, hidden or not, its holder with a personal code or only
// a birth date (born before 2000, so that no date the page shows can be the birth date), and a name
// that no other field contains. i numbers it within its store.
func drawCertificate(t *rapid.T, i int) certificate.Certificate {
	kind := rapid.SampledFrom(certificate.Kinds).Draw(t, "kind")
	from := calendar.MustDate(2000, 1, 1).AddDays(rapid.IntRange(0, 11500).Draw(t, "from"))
	c := certificate.Certificate{
		Number: certificate.DefaultSeries(kind).Format(int64(1 + i)),
		Kind:   kind,
		Holder: certificate.Holder{Name: "Zq" + rapid.StringMatching(`[a-zõäöüšž]{3,10}`).Draw(t, "first") + " Xw" +
			rapid.StringMatching(`[a-zõäöü]{3,10}`).Draw(t, "last")},
		Title: "Nimetus", Issuer: "Väljastaja", IssuerCode: "80000001",
		IssuedOn: from, ValidFrom: from,
	}
	if rapid.Bool().Draw(t, "withCode") {
		c.Holder.Code = isikukood.Generator().Filter(func(c isikukood.Code) bool { return c.BirthDate().Year < 2000 }).Draw(t, "code")
	} else {
		c.Holder.BirthDate = calendar.MustDate(1900, 1, 1).AddDays(rapid.IntRange(0, 36500).Draw(t, "birth"))
	}
	if !kind.School() && rapid.Bool().Draw(t, "bounded") {
		c.ValidUntil = from.AddDays(rapid.IntRange(0, 4000).Draw(t, "length"))
	}
	switch rapid.IntRange(0, 3).Draw(t, "fate") {
	case 1:
		c.Invalidated = certificate.Invalidation{Date: from.AddDays(rapid.IntRange(-50, 5000).Draw(t, "inv")), Reason: "SALAJANE", Decision: "OTSUS-1"}
	case 2:
		c.Replaced = certificate.Replacement{By: "R999999", Date: from.AddDays(rapid.IntRange(-50, 5000).Draw(t, "rep"))}
	}
	c.Hidden = rapid.Bool().Draw(t, "hidden")
	return c
}

// TestPublicData_CERT04_CERT12 proves over certificates of every kind and status, in HTML and JSON,
// Estonian and English, by number and by a stamp's token link: no page ever shows a personal code
// or a birth date; the holder's name appears only where the public view (Registry.Lookup,
// stamp.Service.Resolve) gives it and only while the certificate is valid (CERT-12); a hidden
// certificate's number answers 404 (CERT-04); an invalidation's reason and decision and the replacing
// duplicate's number never appear.
func TestPublicData_CERT04_CERT12(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		st := memstore.New()
		reg, err := certificate.NewRegistry(st, certificate.Config{Now: now})
		if err != nil {
			rt.Fatal(err)
		}
		key, chain, err := stamp.TestSeal(now())
		if err != nil {
			rt.Fatal(err)
		}
		stamps, err := stamp.NewService(st, stamp.Config{BaseURL: "https://kutseregister.example", Key: key, Chain: chain, Now: now})
		if err != nil {
			rt.Fatal(err)
		}
		h, err := web.New(web.Config{Certificates: reg, Stamps: stamps})
		if err != nil {
			rt.Fatal(err)
		}
		n := rapid.IntRange(1, 3).Draw(rt, "n")
		for i := range n {
			c := drawCertificate(rt, i)
			if _, err := st.IssueCertificate(t.Context(), certificate.Issue{Certificate: c}); err != nil {
				rt.Fatal(err)
			}
			token := "tok" + strconv.Itoa(i)
			if _, err := st.CreateRequest(t.Context(), request.Request{Kind: request.DigitalStamp, Certificate: c.Number,
				Holder: c.Holder.Code, Date: calendar.DateOf(now()), At: now(), Status: request.Done, Token: token}, nil); err != nil {
				rt.Fatal(err)
			}
			view, lookupErr := reg.Lookup(t.Context(), actor.Anonymous(), c.Number, calendar.Date{})
			shared, resolveErr := stamps.Resolve(t.Context(), token)
			secrets := append(personal(c), "SALAJANE", "OTSUS-1", "R999999")
			for _, target := range []string{"/cert/" + string(c.Number), "/cert/t/" + token} {
				v, verr := view, lookupErr
				if strings.HasPrefix(target, "/cert/t/") {
					v, verr = shared, resolveErr
				}
				for _, q := range []string{"?lang=et", "?lang=en"} {
					for _, accept := range []string{"text/html", "application/json"} {
						res := get(h, "GET", target+q, "Accept", accept)
						if x := containsAny(res.body, secrets); x != "" {
							rt.Fatalf("%s%s (%s) of %+v shows %q:\n%s", target, q, accept, c, x, res.body)
						}
						showsName := strings.Contains(res.body, c.Holder.Name)
						if showsName && (verr != nil || v.HolderName == "") {
							rt.Fatalf("%s%s (%s) shows the name the public view does not give", target, q, accept)
						}
						if showsName && c.StatusOn(calendar.DateOf(now())) != certificate.Valid {
							rt.Fatalf("%s%s (%s) shows the name of a certificate that is %v (CERT-12)", target, q, accept, c.StatusOn(calendar.DateOf(now())))
						}
						if verr == nil && v.HolderName != "" && !showsName {
							rt.Fatalf("%s%s (%s) leaves out the name the public view gives", target, q, accept)
						}
						if target == "/cert/"+string(c.Number) && c.Hidden && res.code != http.StatusNotFound {
							rt.Fatalf("%s of a hidden certificate = %d; want 404 (CERT-04)", target, res.code)
						}
						if want := http.StatusOK; verr == nil && v.Number != "" && res.code != want {
							rt.Fatalf("%s%s = %d; want %d", target, q, res.code, want)
						}
					}
				}
			}
		}
	})
}
