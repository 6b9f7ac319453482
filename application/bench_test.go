package application_test

import (
	"testing"

	"github.com/kutsekit/kutse/application"
)

// BenchmarkRenderForm measures generating the application form (APP-06), one page.
func BenchmarkRenderForm(b *testing.B) {
	app := formApp()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := application.RenderForm(&app, app.SubmittedAt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDraftToAward measures one application through the service on memstore: start, the four
// steps (three documents), submission with its form, receipt, admission and the award with its
// certificate (APP-05..08). Each round starts on a fresh store (its setting up is counted: a few
// microseconds).
func BenchmarkDraftToAward(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		e := newEnv(b)
		app := e.draft(b, application.StartInput{})
		app, _ = e.svc.Submit(b.Context(), applicant, app.ID, app.Version)
		app, _ = e.svc.Receive(b.Context(), body, app.ID, app.Version)
		app, _ = e.svc.Admit(b.Context(), body, app.ID, application.AdmitInput{Version: app.Version})
		if _, err := e.svc.Award(b.Context(), body, app.ID, application.AwardInput{Version: app.Version, Reference: "otsus"}); err != nil {
			b.Fatal(err)
		}
	}
}
