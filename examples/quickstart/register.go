package main

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"slices"
	"strings"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/opendata"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/law"
)

// sampleFeeds are three small feeds in the shape of the register's open data (standards, their
// competences and awarding bodies), made up for the example from names in seed 000 and the
// register's public lists. They are the register of the whole flow: the application, the
// qualifications open for application and the vocational exam all read them.
//
//go:embed data/*.xml
var sampleFeeds embed.FS

// loadRegister reads the sample feeds with package opendata, marks the elective competences of
// the standards' sets for the qualification certificate from the competences feed (the standards
// feed lists a standard's competences, the competences feed says which are elective), links the standards' versions and stores them and the
// awarding bodies through the catalogue, as the register keeper.
func loadRegister(ctx context.Context, cat *register.Catalogue) error {
	comps, err := sampleFeeds.ReadFile("data/kompetentsid.xml")
	if err != nil {
		return err
	}
	elective := map[register.ID]bool{}
	for c, err := range opendata.ReadCompetences(bytes.NewReader(comps), nil) {
		if err != nil {
			return err
		}
		elective[c.ID] = c.Elective
	}
	std, err := sampleFeeds.ReadFile("data/kutsestandardid.xml")
	if err != nil {
		return err
	}
	var versions []register.StandardVersion
	for v, err := range opendata.ReadStandards(bytes.NewReader(std), nil) {
		if err != nil {
			return err
		}
		for i := range v.Competences {
			set := &v.Competences[i]
			if !slices.Contains(set.For, classifier.OccupationalCertificate) {
				continue // a partial qualification's competences are all its own: none is chosen
			}
			for k := range set.Competences {
				set.Competences[k].Elective = elective[set.Competences[k].ID]
			}
		}
		versions = append(versions, v)
	}
	standards, err := register.Chain(versions)
	if err != nil {
		return err
	}
	for _, s := range standards {
		if _, err := cat.PutStandard(ctx, keeper, s); err != nil {
			return fmt.Errorf("standard %s: %w", s.ID, err)
		}
	}
	bodies, err := sampleFeeds.ReadFile("data/kutseandjad.xml")
	if err != nil {
		return err
	}
	for b, err := range opendata.ReadAwardingBodies(bytes.NewReader(bodies), nil) {
		if err != nil {
			return err
		}
		b = b.Clone()
		if b.Code == sample.MachineIndustryCode {
			// The body's own information on the welder, level 4 (APP-02), as it entered it in the
			// application environment's settings (which the flow's application uses).
			b.Awards[1].Info = sample.MachineIndustrySettings().Qualifications[0].Info
		}
		if _, err := cat.PutAwardingBody(ctx, keeper, b); err != nil {
			return fmt.Errorf("awarding body %s: %w", b.Code, err)
		}
	}
	return nil
}

// printQualifications lists the qualifications open for application on asOf (APP-01), a keyword
// search, and the view of one qualification (APP-02).
func printQualifications(ctx context.Context, cat *register.Catalogue, asOf calendar.Date, lang law.Lang, p func(string, ...any)) error {
	public := actor.Anonymous()
	page, err := cat.Search(ctx, public, register.Query{On: asOf})
	if err != nil {
		return err
	}
	p("\n%s — %s\n", lang.Pick("Taotlemiseks avatud kutsed", "Qualifications open for application"), longDate(asOf, lang))
	p("%s\n", page.Showing(lang))
	for i, r := range page.Rows {
		p("  %d. %s — %s: %s", page.First()+i, r.Name, lang.Pick("kutsed", "qualifications"), strings.Join(r.Qualifications, "; "))
		if len(r.Partials) > 0 {
			p(" — %s: %s", lang.Pick("osakutsed", "partial qualifications"), strings.Join(r.Partials, "; "))
		}
		p(" — %s\n", r.BodyName)
	}
	kw, err := cat.Search(ctx, public, register.Query{On: asOf, Keyword: "KEEVITAJA"})
	if err != nil {
		return err
	}
	p("%s \"KEEVITAJA\": %s\n", lang.Pick("Märksõna", "Keyword"), kw.Showing(lang))

	v, err := cat.View(ctx, public, 10988847, "80040205", asOf)
	if err != nil {
		return err
	}
	p("\n%s: %s (%s)\n", lang.Pick("Vaata kutset", "View the qualification"), v.Version.Name, v.BodyName)
	if v.Open {
		p("  ✓ %s\n", lang.Pick("Kutse on taotlemiseks avatud.", "The qualification is open for application."))
	} else {
		p("  ✗ %s\n", lang.Pick("Kutse ei ole taotlemiseks avatud.", "The qualification is not open for application."))
	}
	list := func(title string, items []string) {
		p("  %s:\n", title)
		for _, s := range items {
			p("    • %s\n", s)
		}
	}
	list(lang.Pick("Kutse taotlemisel", "To apply"), v.Conditions.Apply)
	list(lang.Pick("Kutse taastõendamisel", "To re-certify"), v.Conditions.Recertify)
	p("  %s: %s\n", lang.Pick("Kutse andmise kord", "Awarding procedure"), v.Procedure)
	for _, r := range v.Info.Rounds {
		p("  %s: %s–%s, %s\n", lang.Pick("Taotlusvoor", "Application round"), r.Opens.Register(), r.Closes.Register(), r.Note)
	}
	if v.Info.Text != "" {
		p("  %s: %s\n", lang.Pick("Kutse andja teave", "From the awarding body"), v.Info.Text)
	}
	p("  %s: %s\n", lang.Pick("Lisainfo", "More"), v.Info.Link)
	p("  %s:\n    %s\n", lang.Pick("Põhjendus", "Why"), strings.ReplaceAll(v.Why.Render(lang), "\n", "\n    "))
	return nil
}
