package register_test

import (
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/law"
)

// welder returns the standard "Keevitaja, tase 4" with two versions: 7 from 2016-11-10 to
// 2021-11-09 and 8 from 2021-11-10 to 2026-11-09 (the seed's row 3 and the standard page's dates).
func welder() register.Standard {
	v7 := register.StandardVersion{
		ID: 10536894, Version: 7, Name: "Keevitaja, tase 4", NameEn: "Welder, EstQF Level 4", Group: "Keevitajad",
		Types: []classifier.StandardType{classifier.OccupationalStandard, classifier.PartialStandard},
		EKR:   classifier.MustLevel(4), Field: "Tehnika, tootmine ja ehitus", Occupation: "Metallitöö ja masinaehitus",
		InForce:  law.Period{From: calendar.MustDate(2016, 11, 10), Until: calendar.MustDate(2021, 11, 9)},
		Basic:    true,
		Partials: []register.Ref{{ID: 10536901, Name: "Käsikaarkeevitaja, tase 4"}},
	}
	v8 := v7.Clone()
	v8.ID, v8.Version, v8.Previous = 10988847, 8, v7.ID
	v8.InForce = law.Period{From: calendar.MustDate(2021, 11, 10), Until: calendar.MustDate(2026, 11, 9)}
	v8.Partials = []register.Ref{
		{ID: 10988850, Name: "Käsikaarkeevitaja, tase 4"},
		{ID: 10988851, Name: "Poolautomaatkeevitaja, tase 4"},
		{ID: 10988852, Name: "TIG-keevitaja, tase 4"},
	}
	v8.Competences = []register.CompetenceSet{
		{For: []classifier.CertificateType{classifier.OccupationalCertificate}, Competences: []register.Competence{
			{ID: 10988860, Name: "Keevitustööde ettevalmistamine"},
			{ID: 10988861, Name: "Käsikaarkeevitus", Elective: true, Indicators: []string{"keevitab plaate ja torusid"}},
		}},
		{For: []classifier.CertificateType{classifier.PartialCertificate}, Competences: []register.Competence{
			{ID: 10988861, Name: "Käsikaarkeevitus"},
		}},
	}
	v8.Conditions = register.Conditions{
		Apply:     []string{"Keevitaja kutseõpe või vähemalt 2-aastane töökogemus keevitajana"},
		Recertify: []string{"Töökogemus keevitajana vähemalt 3 aastat viimase 5 aasta jooksul"},
	}
	return register.Standard{ID: v7.ID, Versions: []register.StandardVersion{v7, v8}}
}

// machineIndustry returns the awarding body Eesti Masinatööstuse Liit (seed 000 row 3), awarding
// "Keevitaja, tase 4" under its version 8.
func machineIndustry() register.AwardingBody {
	s := welder()
	v8 := s.Versions[1]
	return register.AwardingBody{
		Code: "80040205", Name: "Eesti Masinatööstuse Liit",
		Contacts:         register.Contacts{Email: "emtl@emtl.ee", Phone: "+372 611 5990", HomePage: "https://www.emtl.ee"},
		CertificateTypes: []classifier.CertificateType{classifier.OccupationalCertificate, classifier.PartialCertificate},
		Mandate:          law.Period{From: calendar.MustDate(2022, 1, 1), Until: calendar.MustDate(2026, 12, 31)},
		Awards: []register.Award{{
			Standard: v8.ID, Name: v8.Name, Types: v8.Types, Basic: true, Partials: v8.Partials,
			Procedure: "https://www.emtl.ee/kutse-andmise-kord",
			Info: register.BodyInfo{
				Rounds:    []register.Round{{Opens: calendar.MustDate(2026, 2, 1), Closes: calendar.MustDate(2026, 3, 15), Note: "kevadvoor"}},
				ExamDates: []calendar.Date{calendar.MustDate(2026, 4, 20)},
				Link:      "https://www.emtl.ee/keevitaja",
			},
		}},
		Committees: []register.Committee{{Name: "Keevitaja kutsekomisjon", Members: []register.Member{
			{ID: 11000001, Name: "Mart Kask", Role: classifier.Chair},
			{ID: 11000002, Name: "Liis Tamm", Role: classifier.ViceChair},
			{ID: 11000003, Name: "Jaan Saar", Role: classifier.MemberRole},
		}}},
		ExamLanguages: []register.Ref{{ID: 1, Name: "eesti keel"}, {ID: 2, Name: "vene keel"}},
	}
}
