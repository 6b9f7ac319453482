package notify_test

import (
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/duplicate"
	"github.com/kutsekit/kutse/exam/proficiency"
	"github.com/kutsekit/kutse/exam/vocational"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/notify"
	"github.com/kutsekit/kutse/stamp"
	"github.com/kutsekit/kutse/store"
)

var update = flag.Bool("update", false, "update golden files")

// moduleKinds returns every kind of event the module's packages raise, read from their source: the
// string constants named Event… whose value is a "package.kind", and the kinds written as literals in
// store.Event{Kind: "…"} (tests and the conformance suite's fixtures aside), with the files they are in.
func moduleKinds(t *testing.T) map[string]string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	kindRE := regexp.MustCompile(`^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$`)
	out := map[string]string{}
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || rel == filepath.Join("store", "storetest") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		add := func(lit ast.Expr) {
			if b, ok := lit.(*ast.BasicLit); ok && b.Kind == token.STRING {
				if v, err := strconv.Unquote(b.Value); err == nil && kindRE.MatchString(v) {
					out[v] = rel
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if strings.HasPrefix(name.Name, "Event") && len(name.Name) > 5 && i < len(n.Values) {
						add(n.Values[i])
					}
				}
			case *ast.CompositeLit:
				if sel, ok := n.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Event" {
					for _, el := range n.Elts {
						if kv, ok := el.(*ast.KeyValueExpr); ok && fmt.Sprint(kv.Key) == "Kind" {
							add(kv.Value)
						}
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCatalogue_APP07_CERT09_EveryKindOfTheModule proves that every kind of event any package of the
// module raises has a notice to the party concerned (APP-07: each step notifies the party concerned;
// CERT-09: the register's notices reach the owner), and that the catalogue has no notice for a kind
// no package raises. A package that adds a kind of event fails this test until its notice is written.
func TestCatalogue_APP07_CERT09_EveryKindOfTheModule(t *testing.T) {
	kinds := moduleKinds(t)
	if len(kinds) < 30 {
		t.Fatalf("found only %d kinds of event in the module's source: %v", len(kinds), kinds)
	}
	have := map[string]bool{}
	for _, e := range notify.Catalogue() {
		have[e.Kind] = true
		if _, ok := kinds[e.Kind]; !ok {
			t.Errorf("the catalogue has a notice for %q, which no package raises", e.Kind)
		}
		if e.Rules == "" || (e.To != notify.Person && e.To != notify.Organisation) {
			t.Errorf("catalogue entry %+v: want its rules and a kind of recipient", e)
		}
	}
	for k, file := range kinds {
		if !have[k] {
			t.Errorf("%s raises events of kind %q, which have no notice: add it to the package's map in notify", file, k)
		}
	}
}

// recipients is who each kind of notice is for, written out here, apart from the catalogue.
var recipients = map[string]notify.RecipientKind{
	certificate.EventIssued: notify.Person, certificate.EventHidden: notify.Person, certificate.EventPublished: notify.Person,
	certificate.EventInvalidated: notify.Person, certificate.EventExpiring: notify.Person,
	certificate.EventDeathRecorded: notify.Organisation, certificate.EventPersonalDataErased: notify.Organisation,
	stamp.EventStamped: notify.Person, stamp.EventRefused: notify.Person,
	duplicate.EventOpened: notify.Person, duplicate.EventReceived: notify.Person, duplicate.EventConfirmed: notify.Person,
	duplicate.EventGranted: notify.Person, duplicate.EventRefused: notify.Person, duplicate.EventCertified: notify.Person,
	duplicate.EventNotified: notify.Person, duplicate.EventHandedOver: notify.Person,
	duplicate.EventForward: notify.Organisation, duplicate.EventAssigned: notify.Organisation,
	duplicate.EventConfirmationRequested: notify.Organisation, duplicate.EventPublish: notify.Organisation,
	duplicate.EventDestroy:          notify.Organisation,
	proficiency.EventSessionCreated: notify.Organisation, proficiency.EventSpecialNeedsRequested: notify.Organisation,
	proficiency.EventRegistered: notify.Person, proficiency.EventCancelled: notify.Person, proficiency.EventSpecialNeedsDecided: notify.Person,
	proficiency.EventNotice: notify.Person, proficiency.EventAbsent: notify.Person, proficiency.EventExplanation: notify.Person,
	proficiency.EventGraded: notify.Person, proficiency.EventCertificate: notify.Person,
	application.EventSubmitted: notify.Person, application.EventReceived: notify.Person, application.EventIncomplete: notify.Person,
	application.EventAdmitted: notify.Person, application.EventAwarded: notify.Person, application.EventRefused: notify.Person,
	application.EventContestExtended: notify.Person, application.EventContestDecided: notify.Person,
	application.EventArrived: notify.Organisation, application.EventCompleted: notify.Organisation, application.EventReady: notify.Organisation,
	application.EventWithdrawn: notify.Organisation, application.EventContested: notify.Organisation,
	request.EventAsked: notify.Organisation, request.EventAnswered: notify.Person,
	vocational.EventCreated: notify.Organisation, vocational.EventChanged: notify.Organisation, vocational.EventRegistered: notify.Organisation,
	vocational.EventSent: notify.Organisation, vocational.EventReturned: notify.Organisation, vocational.EventAccepted: notify.Organisation,
	vocational.EventCancelled: notify.Organisation, vocational.EventProposed: notify.Organisation, vocational.EventAgreed: notify.Organisation,
	vocational.EventDeclined: notify.Organisation, vocational.EventMaterial: notify.Organisation, vocational.EventWithdrawn: notify.Organisation,
	vocational.EventCommittee: notify.Organisation, vocational.EventResults: notify.Organisation, vocational.EventAssessed: notify.Organisation,
	vocational.EventDecided: notify.Organisation, vocational.EventSigned: notify.Organisation, vocational.EventEntered: notify.Organisation,
	vocational.EventCompensation: notify.Organisation,
}

// orgs is the organisation each organisation's notice of the flows goes to.
var orgs = map[string][]string{
	certificate.EventDeathRecorded:         {bodyCode},
	certificate.EventPersonalDataErased:    {bodyCode},
	duplicate.EventForward:                 {nooVald, elvaVald},
	duplicate.EventAssigned:                {elvaG, reaalkool},
	duplicate.EventConfirmationRequested:   {""}, // the national archive: no code given, the host routes it
	duplicate.EventPublish:                 {elvaG},
	duplicate.EventDestroy:                 {harnoCode},
	proficiency.EventSessionCreated:        {centreCode},
	proficiency.EventSpecialNeedsRequested: {centreCode},
	// The awarding body receives an application, or its partner does when the applicant chose it
	// (APP-04); the awarding body alone is told a partner's application is ready and decides contests.
	application.EventArrived:   {sample.MachineIndustryCode, sample.WeldingSchoolCode, sample.AutonomousCode},
	application.EventCompleted: {sample.MachineIndustryCode},
	application.EventWithdrawn: {sample.MachineIndustryCode},
	application.EventReady:     {sample.MachineIndustryCode},
	application.EventContested: {sample.MachineIndustryCode},
	request.EventAsked:         {bodyCode}, // the issuer of 204580
}

func init() {
	// A vocational exam's notices go to its school or its awarding body, by the step.
	for _, k := range []string{vocational.EventCreated, vocational.EventChanged, vocational.EventRegistered, vocational.EventSent,
		vocational.EventReturned, vocational.EventAccepted, vocational.EventCancelled, vocational.EventProposed, vocational.EventAgreed,
		vocational.EventDeclined, vocational.EventMaterial, vocational.EventWithdrawn, vocational.EventCommittee, vocational.EventResults,
		vocational.EventAssessed, vocational.EventDecided, vocational.EventSigned, vocational.EventEntered, vocational.EventCompensation} {
		orgs[k] = []string{schoolCode, examBody}
	}
}

// TestRender_CERT09_Recipients proves that each kind of notice goes to the right kind of recipient,
// never mixed up: every notice of every flow to a person is addressed by a valid personal code (or
// by none, for a person without one), every notice to an organisation by that organisation's code.
func TestRender_CERT09_Recipients(t *testing.T) {
	for _, e := range notify.Catalogue() {
		if want, ok := recipients[e.Kind]; !ok || e.To != want {
			t.Errorf("%s goes to a %s; want a %s", e.Kind, e.To, want)
		}
	}
	seen := map[string]bool{}
	for _, e := range outbox(t, flows(t)) {
		m, err := notify.Render(e, law.Estonian)
		if err != nil {
			t.Errorf("Render(%s %d): %v", e.Kind, e.ID, err)
			continue
		}
		seen[e.Kind] = true
		if m.To.Kind != recipients[e.Kind] || m.To.ID != e.Recipient {
			t.Errorf("%s %d to %+v; want a %s, %q", e.Kind, e.ID, m.To, recipients[e.Kind], e.Recipient)
		}
		switch m.To.Kind {
		case notify.Person:
			if _, err := isikukood.Parse(m.To.ID); err != nil && m.To.ID != "" {
				t.Errorf("%s %d to person %q: %v", e.Kind, e.ID, m.To.ID, err)
			}
		case notify.Organisation:
			if !slices.Contains(orgs[e.Kind], m.To.ID) {
				t.Errorf("%s %d to organisation %q; want one of %q", e.Kind, e.ID, m.To.ID, orgs[e.Kind])
			}
		}
	}
	for k := range recipients {
		if !seen[k] {
			t.Errorf("the flows raised no %s", k)
		}
	}
}

// TestRender_RefusesMixedUpRecipients proves that a notice is never sent to the wrong kind of party:
// a person's notice to an organisation's code, or an organisation's to a personal code, or an event
// whose Data["to"] names the other kind of party, is refused with an error wrapping
// invalid.ErrInvalid that does not repeat the code; so is a kind with no notice.
func TestRender_RefusesMixedUpRecipients(t *testing.T) {
	for _, e := range []store.Event{
		{Kind: certificate.EventIssued, Subject: "204580", Recipient: bodyCode},
		{Kind: duplicate.EventAssigned, Subject: "duplicate/1", Recipient: sample.HolderCode},
		{Kind: proficiency.EventSpecialNeedsRequested, Subject: "proficiency/1", Recipient: sample.HolderCode},
		{Kind: stamp.EventStamped, Recipient: "4950202004"},
		{Kind: application.EventArrived, Subject: "application/1", Recipient: sample.HolderCode},
		{Kind: application.EventSubmitted, Subject: "application/1", Recipient: sample.MachineIndustryCode},
		{Kind: request.EventAsked, Subject: "3", Recipient: sample.HolderCode},
		// The event says it is for the other kind of party (Data["to"]), whatever its Recipient.
		{Kind: application.EventAwarded, Subject: "application/1", Data: map[string]string{store.RecipientKey: store.ToOrganisation}},
		{Kind: request.EventAsked, Subject: "3", Recipient: bodyCode, Data: map[string]string{store.RecipientKey: store.ToPerson}},
		{Kind: "application.drafted", Recipient: sample.HolderCode},
	} {
		m, err := notify.Render(e, law.Estonian)
		if !errors.Is(err, invalid.ErrInvalid) || m.Subject != "" {
			t.Errorf("Render(%s to %s) = %+v, %v; want an error wrapping ErrInvalid", e.Kind, e.Recipient, m, err)
		}
		if err != nil && strings.Contains(err.Error(), sample.HolderCode) {
			t.Errorf("the error repeats the personal code: %v", err)
		}
	}
}

var (
	isoDate = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)
	regDate = regexp.MustCompile(`\b\d{2}\.\d{2}\.\d{4}\b`)
	hexBlob = regexp.MustCompile(`\b[0-9a-f]{32,}\b`)
	codeRE  = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
)

// TestRender_GEN05_EveryNoticeInBothLanguages proves GEN-05 for every notice the flows raise: a
// subject and a body in Estonian and in English, different, written the register's way (dates as
// DD.MM.YYYY in Estonian and "1 December 2026" in English, never ISO), with no internal code (no
// true/false, no procedure, ground or kind codes, no digests). The messages are in
// testdata/messages.golden (go test -update to refresh), to be read.
func TestRender_GEN05_EveryNoticeInBothLanguages(t *testing.T) {
	var golden strings.Builder
	for _, e := range outbox(t, flows(t)) {
		fmt.Fprintf(&golden, "## %d %s → %s\n", e.ID, e.Kind, recipients[e.Kind])
		var text [2]string
		for i, lang := range []law.Lang{law.Estonian, law.English} {
			m, err := notify.Render(e, lang)
			if err != nil {
				t.Fatalf("Render(%s, %s): %v", e.Kind, lang, err)
			}
			if m.Subject == "" || m.Body == "" || strings.Contains(m.Subject, "\n") || m.Lang != lang || m.EventID != e.ID || m.Kind != e.Kind {
				t.Errorf("%s %d in %s: %+v", e.Kind, e.ID, lang, m)
			}
			text[i] = m.Subject + "\n" + m.Body
			fmt.Fprintf(&golden, "[%s] %s\n%s\n\n", lang, m.Subject, m.Body)
			check := text[i]
			for _, k := range []string{"session", "text"} { // the host's identifiers and quoted documents
				if v := e.Data[k]; v != "" {
					check = strings.ReplaceAll(check, v, "X")
				}
			}
			if d := isoDate.FindString(check); d != "" {
				t.Errorf("%s %d in %s has the ISO date %s:\n%s", e.Kind, e.ID, lang, d, text[i])
			}
			if c := internalCode(e, lang, check); c != "" {
				t.Errorf("%s %d in %s has the internal code %q:\n%s", e.Kind, e.ID, lang, c, text[i])
			}
			if h := hexBlob.FindString(check); h != "" {
				t.Errorf("%s %d in %s has a digest:\n%s", e.Kind, e.ID, lang, text[i])
			}
			if strings.Contains(check, "  ") || strings.Contains(check, " .") || strings.Contains(check, "()") || strings.Contains(check, ": .") {
				t.Errorf("%s %d in %s has a gap where data is missing:\n%q", e.Kind, e.ID, lang, text[i])
			}
			if lang == law.Estonian && dated(e) && !regDate.MatchString(check) {
				t.Errorf("%s %d in Estonian has no DD.MM.YYYY date:\n%s", e.Kind, e.ID, text[i])
			}
		}
		if text[0] == text[1] {
			t.Errorf("%s %d: the Estonian and English texts are the same", e.Kind, e.ID)
		}
	}
	path := filepath.Join("testdata", "messages.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(golden.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != golden.String() {
		t.Errorf("the messages differ from %s (go test -update, then read the diff):\n%s", path, golden.String())
	}
}

// internalCode returns a code of e's data that text shows as it is, or "": a value such as "true",
// "school-duplicate" or "lost". In English a one-word code may be the word itself ("applicant",
// "portal"), so only codes with a hyphen and true/false count there.
func internalCode(e store.Event, lang law.Lang, text string) string {
	for _, v := range e.Data {
		if !codeRE.MatchString(v) || (lang == law.English && !strings.Contains(v, "-") && v != "true" && v != "false") {
			continue
		}
		if regexp.MustCompile(`(^|[^\pL-])` + regexp.QuoteMeta(v) + `($|[^\pL-])`).MatchString(text) {
			return v
		}
	}
	return ""
}

// dated reports whether an event's data carries a date the notice states.
func dated(e store.Event) bool {
	for _, k := range []string{"from", "until", "date", "received", "decided", "notified", "on", "due", "filed", "completed", "contestBy", "examDate", "validUntil", "submitted"} {
		if isoDate.MatchString(e.Data[k]) {
			return true
		}
	}
	return false
}

// TestRender_LNG18_ResultsAndCertificate proves the notices of LNG-18: the notice of the exam says
// by when the result comes (within 30 days of the exam of 15.09.2011: 17.10.2011, the 30th day being
// a Saturday), the result
// reaches the person with the points and whether the exam was passed, and the certificate is
// announced as available in the state portal, or, for a person without an Estonian personal code,
// given in written form.
func TestRender_LNG18_ResultsAndCertificate(t *testing.T) {
	var graded, certs, notices []notify.Message
	for _, e := range outbox(t, flows(t)) {
		m, err := notify.Render(e, law.Estonian)
		if err != nil {
			t.Fatal(err)
		}
		switch e.Kind {
		case proficiency.EventGraded:
			graded = append(graded, m)
		case proficiency.EventCertificate:
			certs = append(certs, m)
		case proficiency.EventNotice:
			notices = append(notices, m)
		}
	}
	if len(notices) != 1 || !strings.Contains(notices[0].Body, "Tulemuse saate teada hiljemalt 17.10.2011.") {
		t.Errorf("the notice of the exam = %+v; want the result's due date", notices)
	}
	if len(graded) != 3 || len(certs) != 2 {
		t.Fatalf("%d results and %d certificates; want 3 and 2", len(graded), len(certs))
	}
	if g := graded[0]; g.To.ID != olga.Code.String() || !strings.Contains(g.Body, "70 punkti 95-st (73,68%). Eksam on sooritatud.") {
		t.Errorf("Olga's result = %+v", g)
	}
	if g := graded[2]; !strings.Contains(g.Body, "Eksam ei ole sooritatud.") {
		t.Errorf("Jaan's result = %q", g.Body)
	}
	if c := certs[0]; c.To.ID != olga.Code.String() || !strings.Contains(c.Body, "riigiportaalis eesti.ee") {
		t.Errorf("Olga's certificate notice = %+v; want the state portal", c)
	}
	if c := certs[1]; c.To.ID != "" || !strings.Contains(c.Body, "kirjalikku taasesitamist võimaldavas vormis") || strings.Contains(c.Body, "eesti.ee") {
		t.Errorf("Ivan's certificate notice = %+v; want the written form, to no personal code", c)
	}
}

// TestRender_GEN05_Dates proves that the same date is DD.MM.YYYY in Estonian and written out in
// English, and that a date the sender left as free text stays as it is.
func TestRender_GEN05_Dates(t *testing.T) {
	e := store.Event{Kind: certificate.EventExpiring, Subject: "204580", Recipient: sample.HolderCode,
		Data: map[string]string{"until": "2030-01-08", "title": "Sõiduautodiagnostik, tase 5"}}
	et, _ := notify.Render(e, law.Estonian)
	en, _ := notify.Render(e, law.English)
	if !strings.Contains(et.Body, "kehtib kuni 08.01.2030") || !strings.Contains(en.Body, "valid until 8 January 2030") {
		t.Errorf("et %q / en %q", et.Body, en.Body)
	}
	e.Data["until"] = "tähtajatu"
	if m, _ := notify.Render(e, law.Estonian); !strings.Contains(m.Body, "kehtib kuni tähtajatu") {
		t.Errorf("free text = %q", m.Body)
	}
}

// TestRender_APP07_APP09_NextStepsAndDeadlines proves that the notices of the application flows
// tell the party concerned what to do next and by when (APP-07), in both languages: the date to
// complete an application by, a refusal's reasons with the last day to contest it and to whom
// (APP-09: 30 days from learning of it, HMS § 75; 24.11.2026 + 30 is Christmas Eve, so 28.12.2026),
// the contest's due date to the body (10 days, HMS § 84; 13.12.2026 is a Sunday, so 14.12.2026),
// the extended one to the applicant, what follows the contest's decision, and the certificate an
// award issued; and that the question reaches the awarding body and the answer the owner (CERT-08).
func TestRender_APP07_APP09_NextStepsAndDeadlines(t *testing.T) {
	type key struct{ kind, app string }
	want := map[key]struct {
		to     string
		et, en []string
	}{
		{application.EventIncomplete, "2"}: {jyri.Code.String(),
			[]string{"täiendada taotlust nr 2 (Keevitaja, tase 4) hiljemalt 07.12.2026", "– Töökogemuse tõend on tööandja allkirjata\n– Haridust", "Märkus: Tööandja tõend"},
			[]string{"complete your application no. 2 (Keevitaja, tase 4) by 7 December 2026"}},
		{application.EventCompleted, "2"}: {sample.MachineIndustryCode, []string{"Jüri Saar täiendas taotlust nr 2", "27.11.2026 (tähtaeg oli 07.12.2026)"}, nil},
		{application.EventRefused, "2"}: {jyri.Code.String(),
			[]string{"Põhjused:\n\n– Töökogemus keevitajana on 1 aasta", "Õiguslik alus: kutse andmise kord p 3.2.", "kutse andjale vaide 30 päeva jooksul",
				"haldusmenetluse seadus § 75", "hiljemalt 30.12.2026"},
			[]string{"within 30 days of the day you learned of it", "by 30 December 2026"}},
		{application.EventRefused, "4"}: {tiina.Code.String(), []string{"Põhjus: Tervisekontrolli tõend puudub.", "hiljemalt 28.12.2026"}, []string{"by 28 December 2026"}},
		{application.EventContested, "2"}: {sample.MachineIndustryCode,
			[]string{"Jüri Saar esitas 03.12.2026 vaide", "Vaidlustatud otsus: kutsekomisjoni otsus nr 4.", "lahendada hiljemalt 14.12.2026", "kuni 30 päeva"},
			[]string{"decided by 14 December 2026"}},
		{application.EventContested, "4"}: {sample.MachineIndustryCode, []string{"lahendada hiljemalt 07.12.2026"}, nil},
		{application.EventContestExtended, "2"}: {jyri.Code.String(), []string{"10 päeva võrra", "lahendatakse hiljemalt 23.12.2026"},
			[]string{"by 10 days", "decided by 23 December 2026"}},
		{application.EventContestDecided, "2"}: {jyri.Code.String(), []string{"jätta teie vaide rahuldamata", "jääb kehtima", "halduskohtusse"}, []string{"stands", "administrative court"}},
		{application.EventContestDecided, "4"}: {tiina.Code.String(), []string{"teie vaide rahuldada", "on tühistatud ja taotlus on uuesti menetluses"}, []string{"is annulled"}},
		{application.EventAdmitted, "1"}:       {mari.Code.String(), []string{"Keevituskoolitus OÜ", "Hindamine (kutseeksam) toimub 20.01.2027."}, []string{"is on 20 January 2027"}},
		{application.EventReady, "1"}:          {sample.MachineIndustryCode, []string{"Teie partner Keevituskoolitus OÜ", "Taotleja: Mari Kask.", "20.01.2027"}, nil},
		{application.EventAwarded, "1"}: {mari.Code.String(), []string{"anda teile kutse „Keevitaja, tase 4”", "kutsetunnistus nr 204600, mis kehtib kuni 24.01.2032"},
			[]string{"certificate no. 204600 has been issued, valid until 24 January 2032"}},
		{application.EventAwarded, "3"}:   {sample.HolderCode, []string{"taastõendada teie kutse", "Tunnistuse 204580 taastõendamisel", "nr 204601"}, []string{"re-certify"}},
		{application.EventWithdrawn, "4"}: {sample.MachineIndustryCode, []string{"Tiina Tamm võttis taotluse nr 4", "tagasi 02.12.2026", "Põhjus: Asun tööle"}, nil},
		{request.EventAsked, ""}:          {bodyCode, []string{"Ema-Kaks Piskel", "Kas kõrgepinge jõuseadmete diagnostika kompetents", "Vastake küsimusele"}, nil},
		{request.EventAnswered, ""}: {sample.HolderCode, []string{"Autonoomse Arenduse Ühing vastas 30.11.2026", "Teie küsimus:", "Vastus:\n\nJah: kompetents"},
			[]string{"Autonoomse Arenduse Ühing answered your question"}},
	}
	seen := map[key]bool{}
	for _, e := range outbox(t, flows(t)) {
		k := key{e.Kind, e.Data["application"]}
		w, ok := want[k]
		if !ok {
			continue
		}
		seen[k] = true
		for _, lang := range []law.Lang{law.Estonian, law.English} {
			m, err := notify.Render(e, lang)
			if err != nil {
				t.Fatal(err)
			}
			if m.To.ID != w.to {
				t.Errorf("%s of application %s goes to %q; want %q", e.Kind, k.app, m.To.ID, w.to)
			}
			for _, s := range map[law.Lang][]string{law.Estonian: w.et, law.English: w.en}[lang] {
				if !strings.Contains(m.Body, s) {
					t.Errorf("%s of application %s in %s lacks %q:\n%s", e.Kind, k.app, lang, s, m.Body)
				}
			}
		}
	}
	for k := range want {
		if !seen[k] {
			t.Errorf("the flows raised no %s of application %q", k.kind, k.app)
		}
	}
}
