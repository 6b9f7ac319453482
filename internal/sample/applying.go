package sample

import (
	"time"

	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/law"
)

// The ids of the sample register data for applying. The standards' and awarding bodies' names are
// the seed's (000 slide 4: "Keevitaja, tase 4", Eesti Masinatööstuse Liit; the certificate 204580);
// the ids of versions, competences and partners, the body's codes and the conditions are made up
// in the register's form.
const (
	Welder           register.ID = 10988847 // "Keevitaja, tase 4" by its first version here, version 8 (10.11.2021–09.11.2026)
	WelderV9         register.ID = 11400001 // its version 9, in force from 10.11.2026
	ManualArc        register.ID = 11400011 // the elective competence "Käsikaarkeevitus"
	MetalActiveGas   register.ID = 11400012 // the elective competence "Poolautomaatkeevitus"
	TIG              register.ID = 11400013 // the elective competence "TIG-keevitus"
	ManualArcPartial register.ID = 11400021 // the partial qualification "Käsikaarkeevitaja, tase 4"
	Diagnostician    register.ID = 10700001 // "Mootorsõidukidiagnostik, tase 5"
	PassengerCar     register.ID = 10700005 // its specialisation "Sõiduautodiagnostik, tase 5"
	HighVoltage      register.ID = 10700011 // its elective competence of 204580
	Estonian         register.ID = 1        // the exam language "eesti keel"
	Russian          register.ID = 2        // the exam language "vene keel"

	MachineIndustryCode = "80040205" // Eesti Masinatööstuse Liit
	WeldingSchoolCode   = "10000017" // Keevituskoolitus OÜ, its partner (APP-04)
	AutonomousCode      = "80000001" // Autonoomse Arenduse Ühing, the issuer of 204580
)

// WelderStandard returns the standard "Keevitaja, tase 4" with two versions: 8 (10.11.2021–
// 09.11.2026) and 9 (from 10.11.2026, no end), with a partial qualification, one mandatory and three
// elective competences, and the conditions of applying and re-certifying (APP-02).
func WelderStandard() register.Standard {
	v8 := register.StandardVersion{
		ID: Welder, Version: 8, Name: "Keevitaja, tase 4", NameEn: "Welder, EstQF Level 4", Group: "Keevitajad",
		Types: []classifier.StandardType{classifier.OccupationalStandard, classifier.PartialStandard},
		EKR:   classifier.MustLevel(4), Field: "Tehnika, tootmine ja ehitus", Occupation: "Metallitöö ja masinaehitus",
		InForce:  law.Period{From: calendar.MustDate(2021, time.November, 10), Until: calendar.MustDate(2026, time.November, 9)},
		Basic:    true,
		Partials: []register.Ref{{ID: ManualArcPartial, Name: "Käsikaarkeevitaja, tase 4"}},
		Competences: []register.CompetenceSet{
			{For: []classifier.CertificateType{classifier.OccupationalCertificate}, Competences: []register.Competence{
				{ID: 11400010, Name: "Keevitustööde ettevalmistamine"},
				{ID: ManualArc, Name: "Käsikaarkeevitus", Elective: true},
				{ID: MetalActiveGas, Name: "Poolautomaatkeevitus", Elective: true},
				{ID: TIG, Name: "TIG-keevitus", Elective: true},
			}},
			{For: []classifier.CertificateType{classifier.PartialCertificate}, Competences: []register.Competence{
				{ID: ManualArc, Name: "Käsikaarkeevitus"},
			}},
		},
		Conditions: register.Conditions{
			Apply:     []string{"Keevitaja kutseõpe või vähemalt 2-aastane töökogemus keevitajana"},
			Recertify: []string{"Töökogemus keevitajana vähemalt 3 aastat viimase 5 aasta jooksul"},
		},
	}
	v9 := v8.Clone()
	v9.ID, v9.Version, v9.Previous = WelderV9, 9, Welder
	v9.InForce = law.Period{From: calendar.MustDate(2026, time.November, 10)}
	v9.Conditions.Apply = []string{
		"Keevitaja kutseõpe või vähemalt 2-aastane töökogemus keevitajana",
		"Keevitaja tervisekontroll läbitud viimase 2 aasta jooksul",
	}
	return register.Standard{ID: Welder, Versions: []register.StandardVersion{v8, v9}}
}

// MachineIndustry returns the awarding body Eesti Masinatööstuse Liit (seed 000 slide 4), awarding
// "Keevitaja, tase 4" and its partial qualification, with exam languages Estonian and Russian and no
// end to its right to award stated.
func MachineIndustry() register.AwardingBody {
	s := WelderStandard()
	v, _ := s.Latest()
	return register.AwardingBody{
		Code: MachineIndustryCode, Name: "Eesti Masinatööstuse Liit",
		Contacts:         register.Contacts{Email: "emtl@emtl.ee", HomePage: "https://www.emtl.ee"},
		CertificateTypes: []classifier.CertificateType{classifier.OccupationalCertificate, classifier.PartialCertificate},
		Awards: []register.Award{{
			Standard: Welder, Name: v.Name, Types: v.Types, Basic: true, Partials: v.Partials,
			Procedure: "https://www.emtl.ee/kutse-andmise-kord",
			Info:      register.BodyInfo{Link: "https://www.emtl.ee/keevitaja"},
		}},
		ExamLanguages: []register.Ref{{ID: Estonian, Name: "eesti keel"}, {ID: Russian, Name: "vene keel"}},
	}
}

// MachineIndustrySettings returns the body's settings for applying in the register (APP-03,
// APP-04): joined, its partner Keevituskoolitus OÜ authorised for the welders, and for "Keevitaja,
// tase 4" four documents (three required), its information and five years' validity.
func MachineIndustrySettings() application.Settings {
	return application.Settings{
		Body: MachineIndustryCode, Joined: true, Email: "taotlused@emtl.ee",
		Partners: []application.Partner{{Code: WeldingSchoolCode, Name: "Keevituskoolitus OÜ", Email: "info@keevituskoolitus.example.ee", Standards: []register.ID{Welder}}},
		Qualifications: []application.Qualification{{
			Standard: Welder,
			Documents: []application.DocumentSpec{
				{Code: "cv", Name: application.Text{Et: "Elulookirjeldus", En: "Curriculum vitae"}},
				{Code: "haridus", Name: application.Text{Et: "Haridust tõendav dokument", En: "Proof of education"}, For: application.ForFirst},
				{Code: "tookogemus", Name: application.Text{Et: "Töökogemuse tõend", En: "Proof of work experience"}, Note: "tööandja kinnitatud"},
				{Code: "sertifikaat", Name: application.Text{Et: "Keevitaja sertifikaat", En: "Welder's certificate"}, Optional: true},
			},
			Info:           register.BodyInfo{Text: "Kutseeksam koosneb teooriast ja praktilisest keevitustööst.", Link: "https://www.emtl.ee/keevitaja"},
			ValidityMonths: 60,
		}},
	}
}

// DiagnosticianStandard returns the standard "Mootorsõidukidiagnostik, tase 5" under which
// certificate 204580 was awarded (seed 000), in force from 01.01.2020, with the specialisation
// "Sõiduautodiagnostik, tase 5", awarded only with a specialisation, and its elective competence.
func DiagnosticianStandard() register.Standard {
	v := register.StandardVersion{
		ID: Diagnostician, Version: 1, Name: "Mootorsõidukidiagnostik, tase 5", Types: []classifier.StandardType{classifier.OccupationalStandard},
		EKR: classifier.MustLevel(5), InForce: law.Period{From: calendar.MustDate(2020, time.January, 1)},
		Specialisations: []register.Ref{{ID: PassengerCar, Name: "Sõiduautodiagnostik, tase 5"}},
		Competences: []register.CompetenceSet{{For: []classifier.CertificateType{classifier.OccupationalCertificate}, Competences: []register.Competence{
			{ID: 10700010, Name: "Mootorsõidukite diagnostika"},
			{ID: HighVoltage, Name: "Mootorsõidukite kõrgepinge jõuseadmete diagnostika ja remont", Elective: true},
		}}},
		Conditions: register.Conditions{Recertify: []string{"Erialane töökogemus vähemalt 3 aastat viimase 5 aasta jooksul", "Täiendusõpe vähemalt 40 tundi"}},
	}
	return register.Standard{ID: Diagnostician, Versions: []register.StandardVersion{v}}
}

// Autonomous returns the awarding body Autonoomse Arenduse Ühing, the issuer of 204580 (seed 000; its
// registry code stands in), awarding "Mootorsõidukidiagnostik, tase 5" with its specialisation.
func Autonomous() register.AwardingBody {
	s := DiagnosticianStandard()
	v := s.Versions[0]
	return register.AwardingBody{
		Code: AutonomousCode, Name: "Autonoomse Arenduse Ühing", Contacts: register.Contacts{HomePage: "https://aay.example.ee"},
		Awards:        []register.Award{{Standard: Diagnostician, Name: v.Name, Types: v.Types, Specialisations: v.Specialisations}},
		ExamLanguages: []register.Ref{{ID: Estonian, Name: "eesti keel"}},
	}
}

// AutonomousSettings returns the body's settings: joined, re-certifying "Mootorsõidukidiagnostik,
// tase 5" with one required document.
func AutonomousSettings() application.Settings {
	return application.Settings{Body: AutonomousCode, Joined: true, Qualifications: []application.Qualification{{
		Standard:  Diagnostician,
		Documents: []application.DocumentSpec{{Code: "taiendusope", Name: application.Text{Et: "Täiendusõppe tunnistused", En: "Further training certificates"}}},
		Info:      register.BodyInfo{Text: "Taastõendamine dokumentide alusel."}, ValidityMonths: 60,
	}}}
}

// Register returns the sample register data for applying: both standards and both bodies.
func Register() *application.StaticRegister {
	return &application.StaticRegister{
		Standards: []register.Standard{WelderStandard(), DiagnosticianStandard()},
		Bodies:    []register.AwardingBody{MachineIndustry(), Autonomous()},
	}
}
