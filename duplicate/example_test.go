package duplicate_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/duplicate"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
	"github.com/kutsekit/kutse/store/memstore"
)

// A gymnasium certificate of a closed school, lost: the request goes to the government of the
// school's location, which has no gymnasium left and sends it to the nearest municipality with one;
// that school's director obtains a confirmation of graduation from the archive and issues the
// duplicate, which replaces the original in the same commit (SCH-16..19, SCH-24). It runs in November
// 2014, inside the version of regulation nr 113 the SDK knows (13.07.2014–30.04.2015); a host working
// in a later year adds the version it has read (see package vv113).
func Example() {
	ctx := context.Background()
	now := time.Date(2014, 11, 24, 9, 0, 0, 0, time.UTC)
	reg := &duplicate.MemRegistry{
		SchoolList: []duplicate.School{
			{Code: "70000004", Name: "Nõo Keskkool", Status: duplicate.Closed, Municipality: "0528", Records: "Rahvusarhiiv",
				Levels: []duplicate.Level{duplicate.Basic, duplicate.Secondary}},
			{Code: "70000005", Name: "Nõo Põhikool", Status: duplicate.Active, Municipality: "0528", Levels: []duplicate.Level{duplicate.Basic}},
			{Code: "70000006", Name: "Elva Gümnaasium", Status: duplicate.Active, Municipality: "0171", Levels: []duplicate.Level{duplicate.Secondary}},
		},
		Municipalities: []duplicate.Municipality{
			{Code: "0528", Name: "Nõo vald", Government: "Nõo Vallavalitsus"},
			{Code: "0171", Name: "Elva vald", Government: "Elva Vallavalitsus"},
		},
		Near: map[string][]string{"0528": {"0171"}},
	}
	st := memstore.New()
	svc, _ := duplicate.NewService(st, duplicate.Config{Now: func() time.Time { return now }, Registry: reg,
		Fees: duplicate.Fees{"70000006": {certificate.Gymnasium: decimal.RequireFromString("10.00")}}})

	code := isikukood.MustParse("49502020047")
	graduated := calendar.MustDate(2013, time.June, 15)
	st.IssueCertificate(ctx, certificate.Issue{Certificate: certificate.Certificate{
		Number: "G012345", Kind: certificate.Gymnasium, Holder: certificate.Holder{Name: "Ema-Kaks Piskel", Code: code},
		Issuer: "Nõo Keskkool", IssuerCode: "70000004", IssuedOn: graduated, ValidFrom: graduated,
	}})

	res, err := svc.Open(ctx, actor.OwnerOf(code), duplicate.Request{
		Applicant: certificate.Holder{Name: "Ema-Kaks Piskel", Code: code}, Original: "G012345", Year: 2013, Ground: duplicate.Lost})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range res.Case.Route.Steps {
		fmt.Printf("%s (%s): %s\n", s.Action, s.Rule, s.Et)
	}
	fmt.Println("maksab:", res.Case.Cost.Payer, res.Case.Cost.Amount.StringFixed(2), "eurot")

	elva := actor.SchoolOf("70000006")
	now = now.AddDate(0, 0, 2)
	res, _ = svc.Receive(ctx, elva, res.Case.ID, calendar.Date{})
	v, _ := svc.Get(ctx, elva, res.Case.ID, calendar.Date{})
	fmt.Println("otsus hiljemalt:", v.Deadlines[0].Deadline.Due.Register(), v.Deadlines[0].State)
	_, err = svc.Grant(ctx, elva, res.Case.ID, duplicate.GrantInput{Number: "G700001"})
	fmt.Println("ilma teatiseta:", err)
	svc.Confirm(ctx, elva, res.Case.ID, duplicate.Confirmation{Reference: "RA 1-2/33"})
	res, err = svc.Grant(ctx, elva, res.Case.ID, duplicate.GrantInput{Number: "G700001", Decision: "1-3/15"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Form.Mark+",", res.Form.IssuedOnText+";", res.Form.IssuerName)
	fmt.Println("algdokument:", res.Original.StatusOn(res.Duplicate.IssuedOn).Name(law.Estonian), res.Original.Replaced.By)
	fmt.Print(res.Notice)
	// Output:
	// submit (SCH-17): Nõo Keskkool on tegevuse lõpetanud: taotlus esitatakse kooli asukohajärgsele valitsusele (Nõo Vallavalitsus)
	// forward (SCH-17): vallas või linnas ei ole sama haridustaseme kooli: Nõo Vallavalitsus esitab taotluse lähima sellise valla või linna valitsusele (Elva Vallavalitsus)
	// forward (SCH-17): Elva Vallavalitsus saadab taotluse sama haridustaseme koolile Elva Gümnaasium
	// confirm (SCH-17): kooli Elva Gümnaasium direktor taotleb teatise selle kohta, et õpilane on lõpetanud kooli Nõo Keskkool; teatise annab Rahvusarhiiv
	// decide (SCH-19): kooli Elva Gümnaasium direktor otsustab algdokumendi kehtetuks tunnistamise ja duplikaadi väljaandmise; duplikaat antakse välja teatise alusel
	// maksab: applicant 10.00 eurot
	// otsus hiljemalt: 10.12.2014 pending
	// ilma teatiseta: duplicate: grant case 1: no confirmation of graduation has been recorded: the director issues the duplicate on a confirmation from Rahvusarhiiv (SCH-17, RT I 2010, 58, 391 § 17 lg 4)
	// Lõputunnistuse nr G012345 duplikaat, 26. novembril 2014; Nõo Keskkool
	// algdokument: asendatud duplikaadiga G700001
	// Gümnaasiumi lõputunnistuse kehtetuks tunnistamine
	//
	// Elva Gümnaasium teatab, et direktori 26.11.2014 otsusega nr 1-3/15 on kehtetuks tunnistatud gümnaasiumi lõputunnistus nr G012345, mille andis välja Nõo Keskkool 15.06.2013, omanik Ema-Kaks Piskel. Põhjus: algdokument on hävinud, kadunud või ära varastatud. Algdokumendi asemel on välja antud duplikaat, millel on algdokumendiga võrdne juriidiline jõud.
}

// The owner of an apostilled gymnasium certificate asks for a duplicate (ground 4): the school issues
// it and the apostilled original keeps its force; nothing is published or destroyed (SCH-19 § 18 (2)).
// A paper state-exam certificate with an apostille gets an electronic one the same way (SCH-13).
func Example_apostille() {
	ctx := context.Background()
	now := time.Date(2014, 11, 24, 9, 0, 0, 0, time.UTC)
	reg := &duplicate.MemRegistry{
		SchoolList:     []duplicate.School{{Code: "70000001", Name: "Tallinna Reaalkool", Status: duplicate.Active, Municipality: "0784", Levels: []duplicate.Level{duplicate.Secondary}}},
		Municipalities: []duplicate.Municipality{{Code: "0784", Name: "Tallinn", Government: "Tallinna Linnavalitsus"}},
	}
	st := memstore.New()
	svc, _ := duplicate.NewService(st, duplicate.Config{Now: func() time.Time { return now }, Registry: reg})
	code := isikukood.MustParse("49502020047")
	on := calendar.MustDate(2013, time.June, 15)
	st.IssueCertificate(ctx, certificate.Issue{Certificate: certificate.Certificate{
		Number: "G054321", Kind: certificate.Gymnasium, Holder: certificate.Holder{Name: "Ema-Kaks Piskel", Code: code},
		Issuer: "Tallinna Reaalkool", IssuerCode: "70000001", IssuedOn: on, ValidFrom: on,
	}})
	res, err := svc.Open(ctx, actor.OwnerOf(code), duplicate.Request{Applicant: certificate.Holder{Name: "Ema-Kaks Piskel", Code: code},
		Original: "G054321", Year: 2013, Ground: duplicate.Legalised, Attached: []duplicate.Attachment{duplicate.Original}})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, _ = svc.Grant(ctx, actor.SchoolOf("70000001"), res.Case.ID, duplicate.GrantInput{Number: "G700002"})
	today := res.Duplicate.IssuedOn
	fmt.Println("algdokument", res.Original.Number+":", res.Original.StatusOn(today).Name(law.Estonian))
	fmt.Println("duplikaat", res.Duplicate.Number+":", res.Duplicate.StatusOn(today).Name(law.Estonian), "—", res.Form.Mark)
	fmt.Printf("teadaanne: %q\n", res.Notice)
	fate, why, _ := duplicate.OriginalFate(nil, duplicate.StateExamLegalised, duplicate.Legalised, today)
	fmt.Println("riigieksamitunnistus:", fate.Invalidated, fate.Destroyed, "—", why.Steps[0].Et)
	// Output:
	// algdokument G054321: kehtiv
	// duplikaat G700002: kehtiv — Lõputunnistuse nr G054321 duplikaat
	// teadaanne: ""
	// riigieksamitunnistus: false false — algdokumenti kehtetuks ei tunnistata ega hävitata
}

// The decision on a school duplicate is due two weeks after receipt, moved off public holidays; the
// explanation names the version of regulation nr 113 applied.
func ExampleDecisionDeadline() {
	dl, _ := duplicate.DecisionDeadline(nil, duplicate.SchoolDuplicate, calendar.MustDate(2014, time.December, 10))
	fmt.Println(dl.Explanation.Render(law.English))
	// Output:
	// 1. SCH-19 (RT I 2010, 58, 391 § 18 (1), version 13.07.2014): the duplicate is decided within two weeks of receiving the request: due 29.12.2014
	// 2. GEN-03 (RT I 2002, 35, 216 § 135 (1)): the period starts running on 11.12.2014, the day after 10.12.2014, the day that starts it
	// 3. GEN-03 (RT I 2002, 35, 216 § 136): the 2-week period ends on the corresponding day (Wednesday) of its last week, 24.12.2014
	// 4. GEN-03 (RT I 2002, 35, 216 § 136 (8)): the due date 24.12.2014 is a public holiday (Christmas Eve); it moves to the next working day, 29.12.2014
	// 5. GEN-03 (RT I 1998, 13, 162 § 2): these days are days off too: 25.12.2014 Christmas Day, 26.12.2014 Boxing Day
	// 6. GEN-03 (RT I 2002, 35, 216 § 137 (1)): the period ends at 24:00 on 29.12.2014 (29 December 2014)
}

// A school working in 2026 has read regulation nr 113 as in force then and found the rules the SDK
// encodes unchanged: it adds that version, and the decision names it. Without it the SDK refuses:
// it knows only the text in force 13.07.2014–30.04.2015.
func ExampleDecisionDeadline_hostVersion() {
	received := calendar.MustDate(2026, time.November, 25)
	if _, err := duplicate.DecisionDeadline(nil, duplicate.SchoolDuplicate, received); errors.Is(err, law.ErrNoVersion) {
		fmt.Println("without a version for 2026:", errors.Is(err, law.ErrNoVersion))
	}
	st, err := vv113.Default().With(vv113.Version{Name: "2026 (host)", Period: law.Period{From: calendar.MustDate(2015, time.May, 1)},
		Rule: vv113.Default()[0].Rule})
	if err != nil {
		fmt.Println(err)
		return
	}
	dl, _ := duplicate.DecisionDeadline(st, duplicate.SchoolDuplicate, received)
	fmt.Println(dl.Explanation.Steps[0].Citation, "redaktsioon", dl.Explanation.Steps[0].Version+":", dl.Due.Register())
	// Output:
	// without a version for 2026: true
	// RT I 2010, 58, 391 § 18 lg 1 redaktsioon 2026 (host): 09.12.2026
}
