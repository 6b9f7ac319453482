package certificate_test

import (
	"context"
	"fmt"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store/memstore"
)

// The awarding body issues certificate 204580 of seed 000; its owner hides it; the public no longer
// finds it.
func Example() {
	ctx := context.Background()
	now := func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
	reg, _ := certificate.NewRegistry(memstore.New(), certificate.Config{Now: now})

	code := isikukood.MustParse("49502020047")
	body := actor.Body("80000001")
	c, err := reg.Issue(ctx, body, certificate.IssueRequest{Certificate: certificate.Certificate{
		Number:     "204580",
		Kind:       certificate.Occupational,
		Holder:     certificate.Holder{Name: "Ema-Kaks Piskel", Code: code},
		Title:      "Sõiduautodiagnostik, tase 5",
		EKR:        classifier.MustLevel(5),
		EQF:        classifier.MustLevel(5),
		Issuer:     "Autonoomse Arenduse Ühing",
		IssuerCode: "80000001",
		IssuedOn:   calendar.MustDate(2025, time.January, 9),
		ValidUntil: calendar.MustDate(2030, time.January, 8),
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Number, c.StatusOn(calendar.MustDate(2026, time.November, 22)))

	v, _ := reg.Lookup(ctx, actor.Anonymous(), "204580", calendar.Date{})
	fmt.Println("public:", v.HolderName, v.Status.Name(law.Estonian))

	reg.Hide(ctx, actor.OwnerOf(code), "204580")
	_, err = reg.Lookup(ctx, actor.Anonymous(), "204580", calendar.Date{})
	fmt.Println("after hiding:", err)

	_, why := c.ExplainStatus(calendar.MustDate(2030, time.January, 9))
	fmt.Println(why.Render(law.Estonian))
	// Output:
	// 204580 valid
	// public: Ema-Kaks Piskel kehtiv
	// after hiding: certificate: 204580: store: not found
	// 1. CERT-02 (RTL 2009, 2, 32 § 5 lg 2 p 8): kehtis kuni 08.01.2030 (kaasa arvatud); 09.01.2030 on kehtivus lõppenud
}

// A certificate's owner's list marks one that ends within six months.
func ExampleCertificate_MarkOn() {
	c := certificate.Certificate{
		Kind:       certificate.Occupational,
		ValidFrom:  calendar.MustDate(2023, time.April, 1),
		ValidUntil: calendar.MustDate(2028, time.March, 31),
	}
	for _, on := range []calendar.Date{calendar.MustDate(2027, time.June, 1), calendar.MustDate(2027, time.October, 1)} {
		m := c.MarkOn(on, false, 0)
		fmt.Println(on, m.Symbol(), m.Text(law.English))
	}
	// Output:
	// 2027-06-01 ✓ valid
	// 2027-10-01 ⚠ valid; validity ends soon
}

// The public view explains its status with what the public may see: no invalidation's reason.
func ExamplePublicView_Explain() {
	c := certificate.Certificate{
		Number:      "204580",
		Kind:        certificate.Occupational,
		ValidFrom:   calendar.MustDate(2025, time.January, 9),
		ValidUntil:  calendar.MustDate(2030, time.January, 8),
		Invalidated: certificate.Invalidation{Date: calendar.MustDate(2026, time.March, 1), Reason: "pettus"},
	}
	for _, on := range []calendar.Date{calendar.MustDate(2026, time.February, 2), calendar.MustDate(2026, time.November, 22)} {
		v, _ := c.PublicOn(on)
		fmt.Println(v.Explain().Render(law.English))
	}
	// Output:
	// 1. CERT-02 (RTL 2009, 2, 32 § 1 (3)): valid 09.01.2025 to 08.01.2030 inclusive; valid on 02.02.2026
	// 1. CERT-11 (RT I 2008, 24, 156 § 22 (1)): the certificate has been declared invalid
	// 2. CERT-11 (RT I 2001, 58, 354 § 68 (3)): the invalidation takes effect from its date; on 22.11.2026 the certificate is not valid
}

// The personal data of a holder who died on 29 February 2024 may be kept until 28 February 2027
// (CERT-12: three years, KRPM § 18; TsÜS § 136 (2)) and are due for erasure from the day after.
func ExamplePersonalDataKeptUntil() {
	until, why := certificate.PersonalDataKeptUntil(calendar.MustDate(2024, time.February, 29))
	fmt.Println(until)
	fmt.Println(why.Render(law.English))
	// Output:
	// 2027-02-28
	// 1. CERT-12 (Kutseregistri põhimäärus (VV määrus nr 79) § 18): the personal data of an awarded qualification are kept until three years after the person's death; died 2024-02-29
	// 2. CERT-12 (RT I 2002, 35, 216 § 136 (2)): a period of years ends on the corresponding day of its last year: the personal data may be kept until 2027-02-28 inclusive
}
