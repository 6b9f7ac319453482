package kutse_test

import (
	"context"
	"fmt"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/deadline"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store/memstore"
)

// A host wires the register's service to a store and a clock, issues a certificate, and asks the
// SDK for its status and for a deadline, each with its explanation.
func Example() {
	now := func() time.Time { return time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC) }
	reg, err := certificate.NewRegistry(memstore.New(), certificate.Config{Now: now})
	if err != nil {
		fmt.Println(err)
		return
	}
	code, err := isikukood.Parse("49502020047")
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := reg.Issue(context.Background(), actor.Body("80000001"), certificate.IssueRequest{
		Certificate: certificate.Certificate{
			Kind:       certificate.Occupational,
			Holder:     certificate.Holder{Name: "Ema-Kaks Piskel", Code: code},
			Title:      "Sõiduautodiagnostik, tase 5",
			Issuer:     "Autonoomse Arenduse Ühing",
			IssuerCode: "80000001",
			IssuedOn:   calendar.MustDate(2025, time.January, 9),
			ValidUntil: calendar.MustDate(2030, time.January, 8),
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	st, why := c.ExplainStatus(reg.Today())
	fmt.Println(c.Number, st.Name(law.English))
	fmt.Println(why.Render(law.English))

	dl, _ := deadline.WorkingDays(reg.Today(), 5)
	fmt.Println("five working days from today:", dl.Due.LongEt())
	// Output:
	// 000001 valid
	// 1. CERT-02 (RTL 2009, 2, 32 § 1 (3)): valid 2025-01-09 to 2030-01-08 inclusive; valid on 2026-11-22
	// five working days from today: 27. novembril 2026
}
