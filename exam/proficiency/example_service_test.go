package proficiency_test

import (
	"context"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/exam/proficiency"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/store/memstore"
)

// The proficiency-exam flow on the in-memory store: the exam centre creates a session, a person
// registers online, the centre records the result, and a pass issues the certificate in the
// register.
func ExampleService() {
	ctx := context.Background()
	now := time.Date(2011, 7, 1, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	st := memstore.New()
	certs, _ := certificate.NewRegistry(st, certificate.Config{Now: clock})
	svc, _ := proficiency.NewService(st, proficiency.Config{Certificates: certs})

	centre := actor.Centre("90008287")
	d25 := decimal.NewFromInt(25)
	s, _, err := svc.CreateSession(ctx, centre, proficiency.Session{
		ID: "B1-2011-09-15", Organiser: "90008287", Level: proficiency.B1, Date: calendar.MustDate(2011, 9, 15),
		Start: "10:00", Centres: []string{"Tallinn", "Narva"}, Max: proficiency.PointsOf(d25, d25, d25, d25),
		Examiners: []proficiency.Examiner{{Name: "Mari Maasikas", Approval: "käskkiri 1-2/11/123", Philologist: true}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	person := proficiency.Person{Name: "Olga Petrova", Code: isikukood.MustParse("48005170012")}
	r, d, err := svc.Register(ctx, actor.OwnerOf(person.Code), proficiency.Application{
		Person: person, Session: s, Centre: "Tallinn", Channel: proficiency.Online})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("registered:", r.ID, "notice by", d.NoticeDue.Register())

	now = time.Date(2011, 10, 3, 9, 0, 0, 0, time.UTC)
	r, _, err = svc.RecordResult(ctx, centre, r.ID, proficiency.Result{Points: proficiency.PointsOf(
		decimal.NewFromInt(20), decimal.NewFromInt(18), decimal.RequireFromString("14.5"), decimal.NewFromInt(21))})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("passed:", r.Grade.Passed, r.Grade.Percent(), "% certificate", r.Certificate)
	c, _ := certs.Get(ctx, actor.OwnerOf(person.Code), r.Certificate)
	fmt.Println(c.Kind, c.Title, c.Issuer, c.IssuedOn.Register(), c.Extra["delivery"])
	// Output:
	// registered: 1 notice by 16.08.2011
	// passed: true 73.5 % certificate T000001
	// proficiency Eesti keele B1-tase Sihtasutus Innove 03.10.2011 portal
}
