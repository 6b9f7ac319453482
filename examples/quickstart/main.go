// Command quickstart runs the SDK's main job on the embedded in-memory store: it issues the seven
// certificates of the sample owner in the register's self-service (seed 000, "Minu tunnistused"),
// lets the owner hide one, runs one application of hers for a qualification from the draft to the
// award (phase II: Keevitaja, tase 4 at Eesti Masinatööstuse Liit), lets her ask the awarding body of
// 204580 a question, and prints the owner's list with its status marks on a date (the new
// certificate in it, 204580 marked for the open question), the full register entry of certificate
// 204580, the public view of the same register, in which the hidden certificate is absent, and the
// owner's requests. It first reads a few standards, their competences and awarding bodies from
// sample feeds in the shape of the register's open data (data/*.xml, read with classifier/opendata):
// the one register the application, the search and the exam read. It lists the qualifications open
// for application on the date, a keyword search and one qualification's view (APP-01, APP-02). Then it runs one school's vocational qualification exam (phase III) from its
// creation to the signed committee protocol, and prints the certificates issued (vocational.go).
//
//	go run ./examples/quickstart [-date 2026-11-22] [-lang et|en] [-out DIR] [-store postgres://...] [-serve :8080]
//
// -date is the day the flow runs on, at the clock's time of day: the marks are computed for it and
// every step happens on it (default: today in Europe/Tallinn), -lang the
// language of the output, -out a folder the run writes its files to (the owner's list as JSON, the
// application form, the digital stamp of 204580 and its PDFs, the exam's assessment protocol and
// compensation statement), -store where the records are kept: "memory" (the default,
// memstore) or a PostgreSQL URL, in which case the program migrates a schema of its own
// (kutse_quickstart_<random>), runs the same flow on pgstore, and drops the schema at the end.
// -serve :8080 then serves, on that address and the same store, the page the stamp's QR codes point
// to (package certificate/web): http://localhost:8080/cert/204580 shows the entry and its validity
// in Estonian and English, as HTML or JSON; the hidden E015992 is not found. The stamp's links (with
// -out) then point there unless -base says otherwise; Ctrl-C stops the server.
//
// The slide of seed 000 gives only the number, title and validity of six of the seven certificates;
// where it is silent (their awarding bodies, levels other than those in the title) the program says
// so rather than invent data.
package main

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/request"
	"github.com/kutsekit/kutse/certificate/web"
	"github.com/kutsekit/kutse/classifier"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/duplicate"
	"github.com/kutsekit/kutse/exam/vocational"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/notify"
	"github.com/kutsekit/kutse/stamp"
	"github.com/kutsekit/kutse/stamp/asice"
	"github.com/kutsekit/kutse/store"
	"github.com/kutsekit/kutse/store/memstore"
	"github.com/kutsekit/kutse/store/pgstore"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, time.Now); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

// keeper is the register keeper, Sihtasutus Kutsekoda (registry code 90006414, seed 000), which
// enters the existing certificates into the store.
var keeper = actor.Keeper("90006414")

// unknownIssuer stands for an awarding body the seed does not name.
const unknownIssuer = "(kutse andja: lähteandmetes puudub)"

type held struct {
	no          string
	title       string
	from, until string // DD.MM.YYYY; until "" for tähtajatu
}

// owned is the owner's list on the slide "Minu tunnistused" (seed 000), in its order.
var owned = []held{
	{"204582", "Demineerimisinstruktor, tase 6", "17.03.2025", ""},
	{"E015992", "Lapsehoidja, tase 4", "20.03.2023", ""},
	{"204583", "Kokk II", "21.03.2014", ""},
	{"204581", "Diplomeeritud ehitusinsener V", "02.11.2013", ""},
	{"204580", "Sõiduautodiagnostik, tase 5", "09.01.2025", "08.01.2030"},
	{"204587", "Hooldustöötaja, tase 4", "01.04.2023", "31.03.2028"},
	{"OT011089", "", "21.03.2017", "20.03.2024"},
}

func run(ctx context.Context, args []string, stdout io.Writer, now func() time.Time) error {
	fs := flag.NewFlagSet("quickstart", flag.ContinueOnError)
	fs.SetOutput(stdout)
	dateFlag := fs.String("date", "", "the date of the status marks, YYYY-MM-DD or DD.MM.YYYY (default: today in Europe/Tallinn)")
	langFlag := fs.String("lang", "et", "the language of the output: et or en")
	outFlag := fs.String("out", "", "a folder to write the run's files to")
	storeFlag := fs.String("store", "memory", `where to keep the records: "memory" or a PostgreSQL URL (postgres://...)`)
	keyFlag := fs.String("seal-key", "", "the seal's private key, PEM (default: a generated self-signed TEST seal)")
	certFlag := fs.String("seal-cert", "", "the seal's certificate chain, PEM, the seal's certificate first")
	baseFlag := fs.String("base", "https://www.kutseregister.ee", "the base URL of the verification links (with -serve: the served address)")
	serveFlag := fs.String("serve", "", "after the flow, serve the verification page on this address, e.g. :8080, until interrupted")
	if err := fs.Parse(args); err != nil {
		return err
	}
	lang, err := law.ParseLang(*langFlag)
	if err != nil {
		return fmt.Errorf("-lang: %w", err)
	}
	asOf := calendar.DateOf(now())
	if *dateFlag != "" {
		if asOf, err = calendar.ParseDate(*dateFlag); err != nil {
			return fmt.Errorf("-date: %w", err)
		}
		// The whole flow runs on that day — the award, the question, the stamp, the exam's start —
		// at the clock's time of day, so that what it does and the marks it prints agree.
		loc, err := calendar.Tallinn()
		if err != nil {
			return err
		}
		clock := now
		now = func() time.Time {
			t := clock().In(loc)
			return time.Date(asOf.Year, asOf.Month, asOf.Day, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
		}
	}

	if (*keyFlag == "") != (*certFlag == "") {
		return errors.New("-seal-key and -seal-cert go together")
	}
	var ln net.Listener
	if *serveFlag != "" {
		// Listen first, so that the stamp's links can name the address actually served.
		if ln, err = net.Listen("tcp", *serveFlag); err != nil {
			return fmt.Errorf("-serve: %w", err)
		}
		defer ln.Close()
		if !flagSet(fs, "base") {
			*baseFlag = localURL(ln.Addr())
		}
	}
	st, closeStore, err := openStore(ctx, *storeFlag)
	if err != nil {
		return fmt.Errorf("-store: %w", err)
	}
	defer closeStore()
	// The owner's requests — stamps, questions and duplicate cases — are found by the registry
	// itself for the marks of her list (CERT-02, CERT-10).
	reqs, err := request.NewService(st, request.Config{Now: now, Sources: []request.Source{duplicate.Requests(st)}})
	if err != nil {
		return err
	}
	// New occupational certificates are numbered on from 204600, past the sample's numbers.
	reg, err := certificate.NewRegistry(st, certificate.Config{Now: now, Requests: reqs,
		Series: map[certificate.Kind]certificate.Series{certificate.Occupational: {Width: 6, First: 204600}}})
	if err != nil {
		return err
	}
	owner := isikukood.MustParse("49502020047") // Ema-Kaks Piskel, seed 000
	for _, s := range owned {
		if _, err := reg.Issue(ctx, keeper, certificate.IssueRequest{Certificate: entry(s, owner)}); err != nil {
			return fmt.Errorf("issue %s: %w", s.no, err)
		}
	}
	me := actor.OwnerOf(owner)
	if _, err := reg.Hide(ctx, me, "E015992"); err != nil { // the owner hides one (CERT-04)
		return err
	}

	p := func(format string, a ...any) { fmt.Fprintf(stdout, format, a...) }

	// The register's reference data — standards, their competences, awarding bodies — read from the
	// sample open-data feeds into the store: the one register the application, the search of
	// qualifications open for application and the vocational exam all read.
	cat, err := register.NewCatalogue(st, register.Config{Now: now})
	if err != nil {
		return err
	}
	if err := loadRegister(ctx, cat); err != nil {
		return fmt.Errorf("register data: %w", err)
	}

	form, err := apply(ctx, st, reg, me, lang, p)
	if err != nil {
		return fmt.Errorf("applying: %w", err)
	}
	// The owner asks the awarding body of 204580 a question (CERT-08); it stays open until answered.
	q, err := reqs.Ask(ctx, me, "204580", "Kas kõrgepinge kompetents kehtib ka elektribussidele?")
	if err != nil {
		return err
	}
	p("%s %d (%s 204580 → %s): %s\n\n", lang.Pick("Küsimus", "Question"), q.Number, lang.Pick("tunnistus", "certificate"), q.Addressee, q.Text)

	list, err := reg.List(ctx, me, owner, asOf)
	if err != nil {
		return err
	}
	p("%s — %s\n\n", lang.Pick("Minu tunnistused", "My certificates"), longDate(asOf, lang))
	for _, e := range list {
		c := e.Certificate
		hidden := ""
		if c.Hidden {
			hidden = lang.Pick(" [peidetud]", " [hidden]")
		}
		p("%s %s%s (%s - %s) — %s%s\n", e.Mark.Symbol(), c.Number, titleText(c.Title), c.ValidFrom.Register(),
			untilText(c.ValidUntil, lang), e.Mark.Text(lang), hidden)
	}

	full, err := reg.Get(ctx, me, "204580")
	if err != nil {
		return err
	}
	p("\n%s %s\n", lang.Pick("Kutsetunnistus", "Certificate"), full.Number)
	for _, row := range registerEntry(full, lang) {
		p("  %s: %s\n", row[0], row[1])
	}
	_, why := full.ExplainStatus(asOf)
	p("  %s:\n    %s\n", lang.Pick("Staatus", "Status"), strings.ReplaceAll(why.Render(lang), "\n", "\n    "))

	pub, err := reg.Search(ctx, actor.Anonymous(), certificate.PublicQuery{}, asOf)
	if err != nil {
		return err
	}
	p("\n%s (%d)\n", lang.Pick("Avalik vaade: kutseregistri tunnistused", "Public view: certificates in the register"), len(pub))
	for _, v := range pub {
		name := v.HolderName
		if name == "" {
			name = lang.Pick("(isikuandmed avalikud vaid kehtivuse ajal)", "(personal data public only while valid)")
		}
		p("  %s%s — %s — %s\n", v.Number, titleText(v.Title), name, v.Status.Name(lang))
	}
	if _, err := reg.Lookup(ctx, actor.Anonymous(), "E015992", asOf); err != nil {
		p("  E015992: %s\n", lang.Pick("ei leitud (omanik on tunnistuse peitnud)", "not found (the owner has hidden it)"))
	}
	if err := printQualifications(ctx, cat, asOf, lang, p); err != nil {
		return err
	}

	notices, err := reg.Notices(ctx, me, owner)
	if err != nil {
		return err
	}
	p("\n%s: %d\n", lang.Pick("Teavitusi omanikule", "Notices to the owner"), len(notices))
	// The register's notices reach the owner (CERT-09): the dispatcher renders the outbox's events
	// and hands them to a sender, here one that prints the first three subjects.
	shown := 0
	d := &notify.Dispatcher{Outbox: st, Lang: func(notify.Recipient) law.Lang { return lang },
		Sender: notify.SenderFunc(func(_ context.Context, m notify.Message) error {
			if shown < 3 {
				p("  → %s\n", m.Subject)
			}
			shown++
			return nil
		})}
	if _, err := d.Dispatch(ctx); err != nil {
		return err
	}

	var svc *stamp.Service // the digital stamp, for -out and for the token links of -serve
	if *outFlag != "" || ln != nil {
		key, chain, err := loadSeal(*keyFlag, *certFlag, now())
		if err != nil {
			return err
		}
		if svc, err = stamp.NewService(st, stamp.Config{BaseURL: *baseFlag, Key: key, Chain: chain, Now: now}); err != nil {
			return err
		}
	}
	if *outFlag != "" {
		if err := os.MkdirAll(*outFlag, 0o755); err != nil {
			return err
		}
		b, err := json.MarshalIndent(list, "", "  ")
		if err != nil {
			return err
		}
		path := filepath.Join(*outFlag, "minu-tunnistused.json")
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			return err
		}
		p("%s %s\n", lang.Pick("Kirjutatud:", "Written:"), path)
		path = filepath.Join(*outFlag, form.Name)
		if err := os.WriteFile(path, form.Data, 0o644); err != nil {
			return err
		}
		p("%s %s\n", lang.Pick("Kirjutatud:", "Written:"), path)

		res, err := svc.Stamp(ctx, me, "204580")
		if err != nil {
			return err
		}
		for _, f := range append([]asice.File{{Name: res.Name, Data: res.Container}}, res.Files...) {
			path := filepath.Join(*outFlag, f.Name)
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				return err
			}
			p("%s %s\n", lang.Pick("Kirjutatud:", "Written:"), path)
		}
		p("%s: %s\n", lang.Pick("Digitempli kontrolllink", "The stamp's verification link"), res.URL)
	}

	rs, err := reqs.List(ctx, me, owner)
	if err != nil {
		return err
	}
	p("\n%s\n", lang.Pick("Minu taotlused", "My requests"))
	for _, r := range rs {
		p("  %d %s, %s (%s) — %s\n", r.Number, r.Kind.Name(lang), r.Certificate, r.Date.Register(), r.Status.Name(lang))
	}
	// Phase III: one school's vocational qualification exam, to the certificates issued.
	if err := runExam(ctx, st, now(), lang, *outFlag, p); err != nil {
		return fmt.Errorf("vocational exam: %w", err)
	}
	// The verification page blocks until interrupted, so it comes last.
	if ln != nil {
		h, err := verificationPage(reg, svc, *baseFlag)
		if err != nil {
			return err
		}
		base := strings.TrimSuffix(*baseFlag, "/")
		p("\n%s %s/cert/204580 (%s)\n", lang.Pick("Kontrollleht:", "The verification page:"), base, lang.Pick("Ctrl-C lõpetab", "Ctrl-C stops"))
		p("  %s/cert/204580?lang=en, %s/cert/OT011089, %s/cert/E015992 (%s)\n", base, base, base,
			lang.Pick("peidetud: ei leita", "hidden: not found"))
		p("  curl -H 'Accept: application/json' %s/cert/204580\n", base)
		return serve(ctx, ln, h)
	}
	return nil
}

// verificationPage returns the handler of the page the QR codes point to (package certificate/web)
// on the flow's registry and stamp service, mounted at the path of the links' base URL.
func verificationPage(reg *certificate.Registry, svc *stamp.Service, base string) (http.Handler, error) {
	h, err := web.New(web.Config{Certificates: reg, Stamps: svc,
		Name: web.Text{Et: "Kutseregister", En: "Occupational Qualifications Register"}})
	if err != nil {
		return nil, err
	}
	u, err := url.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("-base: %w", err)
	}
	prefix := strings.TrimSuffix(u.Path, "/")
	if prefix == "" {
		return h, nil
	}
	mux := http.NewServeMux()
	mux.Handle(prefix+"/", http.StripPrefix(prefix, h))
	return mux, nil
}

// serve serves h on ln until ctx is done, then shuts the server down, letting requests in flight
// finish.
func serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 10 * time.Second, IdleTimeout: time.Minute, MaxHeaderBytes: 16 << 10}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// localURL returns the http URL of a listening address, "http://localhost:8080" for ":8080".
func localURL(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String()
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// apply runs one application of the owner from the draft to the award (APP-03..08): Ema-Kaks Piskel
// applies for "Keevitaja, tase 4" at Eesti Masinatööstuse Liit, which has joined the register's
// application environment (its settings there are internal/sample's; the standard, its competences
// and the body are the feeds' in the store). It prints each step and returns the application form
// generated on submission (APP-06).
func apply(ctx context.Context, st fullStore, reg *certificate.Registry, me actor.Actor, lang law.Lang,
	p func(string, ...any)) (application.Form, error) {
	// The store is the application's register: the standards and bodies read from the feeds.
	svc, err := application.NewService(st, application.Config{Register: st, Certificates: reg})
	if err != nil {
		return application.Form{}, err
	}
	body := actor.Body(sample.MachineIndustryCode)
	if _, err := svc.PutSettings(ctx, body, sample.MachineIndustrySettings()); err != nil { // APP-03: the body joins
		return application.Form{}, err
	}
	where, err := svc.Where(ctx, me, sample.Welder, sample.MachineIndustryCode)
	if err != nil || !where.Here {
		return application.Form{}, fmt.Errorf("where to apply: %v (%s)", err, where.URL)
	}
	app, err := svc.Start(ctx, me, application.StartInput{Standard: sample.Welder, Body: sample.MachineIndustryCode, Kind: application.First})
	if err != nil {
		return application.Form{}, err
	}
	p("%s %d: %s — %s (%s)\n", lang.Pick("Taotlus", "Application"), app.ID, app.StandardName, app.BodyName, app.Kind.Name(lang))
	steps := []func() (application.Application, error){
		func() (application.Application, error) { // 1. personal data: name and code pre-filled, the e-mail added
			return svc.SetPerson(ctx, me, app.ID, app.Version, application.PersonInput{Name: app.Applicant.Name, Email: "ema-kaks.piskel@example.ee"})
		},
		func() (application.Application, error) { // 2. the qualification: an elective competence, the exam language
			return svc.Choose(ctx, me, app.ID, app.Version, application.Choice{Competences: []register.ID{sample.ManualArc}, ExamLanguage: sample.Estonian})
		},
	}
	for _, d := range []struct{ code, name string }{{"cv", "CV.pdf"}, {"haridus", "Kutsetunnistus-kutsekool.pdf"}, {"tookogemus", "Tooandja-toend.pdf"}} {
		steps = append(steps, func() (application.Application, error) { // 3. the documents the body requires
			sum := sha256.Sum256([]byte(d.name))
			return svc.Attach(ctx, me, app.ID, app.Version, application.Attachment{Document: d.code, Name: d.name, MediaType: "application/pdf",
				Size: 20480, SHA256: hex.EncodeToString(sum[:]), Ref: "quickstart/" + d.name})
		})
	}
	steps = append(steps, func() (application.Application, error) { // 4. the conditions confirmed, the data declared true
		yes := make([]bool, len(app.Conditions))
		for i := range yes {
			yes[i] = true
		}
		return svc.Review(ctx, me, app.ID, app.Version, application.ReviewInput{Confirmed: yes, Declared: true})
	})
	for _, step := range steps {
		if app, err = step(); err != nil {
			return application.Form{}, err
		}
	}
	view, err := svc.View(ctx, me, app.ID)
	if err != nil {
		return application.Form{}, err
	}
	var done []string
	for _, pg := range view.Pages[:4] {
		mark := "✓"
		if !pg.Done {
			mark = "✗"
		}
		done = append(done, strings.ToLower(pg.Title.In(lang))+" "+mark)
	}
	p("  %s: %s\n", app.State.Name(lang), strings.Join(done, ", "))
	if app, err = svc.Submit(ctx, me, app.ID, app.Version); err != nil {
		return application.Form{}, err
	}
	p("  %s: %s (%d kB, SHA-256 %s…)\n", app.State.Name(lang), app.Form.Name, (len(app.Form.Data)+512)/1024, app.Form.SHA256[:16])
	if app, err = svc.Receive(ctx, body, app.ID, app.Version); err != nil {
		return application.Form{}, err
	}
	p("  %s\n", app.State.Name(lang))
	if app, err = svc.Admit(ctx, body, app.ID, application.AdmitInput{Version: app.Version}); err != nil {
		return application.Form{}, err
	}
	p("  %s\n", app.State.Name(lang))
	out, err := svc.Award(ctx, body, app.ID, application.AwardInput{Version: app.Version, Reference: "kutsekomisjoni otsus nr 3"})
	if err != nil {
		return application.Form{}, err
	}
	p("  %s: %s %s (%s)\n\n", out.Application.State.Name(lang), lang.Pick("tunnistus", "certificate"), out.Certificate.Number, out.Application.Decision.Reference)
	return app.Form, nil
}

// loadSeal returns the host's seal from PEM files, or a generated self-signed TEST seal.
func loadSeal(keyFile, certFile string, now time.Time) (crypto.Signer, []*x509.Certificate, error) {
	if keyFile == "" {
		return stamp.TestSeal(now)
	}
	kb, err := os.ReadFile(keyFile)
	if err != nil {
		return nil, nil, err
	}
	blk, _ := pem.Decode(kb)
	if blk == nil {
		return nil, nil, fmt.Errorf("-seal-key %s: no PEM block", keyFile)
	}
	var key any
	switch blk.Type {
	case "EC PRIVATE KEY":
		key, err = x509.ParseECPrivateKey(blk.Bytes)
	case "RSA PRIVATE KEY":
		key, err = x509.ParsePKCS1PrivateKey(blk.Bytes)
	default:
		key, err = x509.ParsePKCS8PrivateKey(blk.Bytes)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("-seal-key %s: %w", keyFile, err)
	}
	signer, ok := key.(crypto.Signer)
	if !ok {
		return nil, nil, fmt.Errorf("-seal-key %s: not a signing key", keyFile)
	}
	cb, err := os.ReadFile(certFile)
	if err != nil {
		return nil, nil, err
	}
	var chain []*x509.Certificate
	for {
		var b *pem.Block
		b, cb = pem.Decode(cb)
		if b == nil {
			break
		}
		c, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			return nil, nil, fmt.Errorf("-seal-cert %s: %w", certFile, err)
		}
		chain = append(chain, c)
	}
	if len(chain) == 0 {
		return nil, nil, fmt.Errorf("-seal-cert %s: no certificate", certFile)
	}
	return signer, chain, nil
}

// fullStore is every store interface the flow uses: memstore and pgstore implement it.
type fullStore interface {
	certificate.Store
	request.ServiceStore
	application.Store
	store.Outbox
	register.Store
	duplicate.Store
	stamp.Store
	vocational.Store
}

// openStore returns the store named by the -store flag and a function that releases it.
func openStore(ctx context.Context, where string) (fullStore, func(), error) {
	if where == "" || where == "memory" {
		return memstore.New(), func() {}, nil
	}
	if !strings.HasPrefix(where, "postgres://") && !strings.HasPrefix(where, "postgresql://") {
		return nil, nil, fmt.Errorf("%q: want \"memory\" or a postgres:// URL", where)
	}
	pool, err := pgxpool.New(ctx, where)
	if err != nil {
		return nil, nil, err
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, nil, err
	}
	b := make([]byte, 4)
	rand.Read(b)
	opts := &pgstore.Options{Schema: "kutse_quickstart_" + hex.EncodeToString(b)}
	if _, err := pgstore.Migrate(ctx, pool, opts); err != nil {
		pool.Close()
		return nil, nil, err
	}
	st, err := pgstore.New(pool, opts)
	if err != nil {
		pool.Close()
		return nil, nil, err
	}
	return st, func() {
		pool.Exec(context.Background(), "DROP SCHEMA "+opts.Schema+" CASCADE") //nolint:errcheck // a demo's clean-up
		pool.Close()
	}, nil
}

// entry builds the register entry of one sample certificate. 204580 is given in full on the slide;
// the others only with number, title and validity, and their EKR level where the title carries one.
func entry(s held, owner isikukood.Code) certificate.Certificate {
	from, _ := calendar.ParseDate(s.from)
	until, _ := calendar.ParseDate(s.until)
	c := certificate.Certificate{
		Number:     certificate.Number(s.no),
		Kind:       certificate.Occupational,
		Holder:     certificate.Holder{Name: "Ema-Kaks Piskel", Code: owner},
		Title:      s.title,
		Issuer:     unknownIssuer,
		IssuerCode: "-",
		IssuedOn:   from,
		ValidFrom:  from,
		ValidUntil: until,
	}
	if t := classifier.ParseTitle(s.title); !t.Level.IsZero() {
		c.EKR, c.EQF = t.Level, t.Level // EKR n is EQF n (research/domain-rules.md § 3.1)
	}
	if s.no == "204580" {
		c.IssuerCode = sample.AutonomousCode // the seed does not give its code; the sample's stands in
		c.Standard = "Mootorsõidukidiagnostik, tase 5"
		c.Specialisation = "Sõiduautodiagnostik, tase 5"
		c.Competences = []string{"Mootorsõidukite kõrgepinge jõuseadmete diagnostika ja remont"}
		c.ExamLanguage = "eesti keel"
		c.Issuer = "Autonoomse Arenduse Ühing"
	}
	return c
}

// registerEntry returns the rows of the register entry as the certificate's page shows them (seed 000).
func registerEntry(c certificate.Certificate, lang law.Lang) [][2]string {
	level := func(l classifier.Level) string {
		if l.IsZero() {
			return "—"
		}
		return l.String()
	}
	return [][2]string{
		{lang.Pick("Nimi", "Name"), c.Holder.Name},
		{lang.Pick("Isikukood", "Personal code"), c.Holder.Code.String()},
		{lang.Pick("Kutsenimetus", "Qualification"), c.Title},
		{lang.Pick("Kutsestandard", "Occupational standard"), c.Standard},
		{lang.Pick("EKR tase", "EstQF level"), level(c.EKR)},
		{lang.Pick("EQF tase", "EQF level"), level(c.EQF)},
		{lang.Pick("Spetsialiseerumine", "Specialisation"), c.Specialisation},
		{lang.Pick("Valitud kompetentsid", "Chosen competences"), strings.Join(c.Competences, "; ")},
		{lang.Pick("Kutseeksami keel", "Language of the exam"), c.ExamLanguage},
		{lang.Pick("Väljastaja", "Issued by"), c.Issuer},
		{lang.Pick("Kehtib alates", "Valid from"), c.ValidFrom.Register()},
		{lang.Pick("Kehtib kuni", "Valid until"), untilText(c.ValidUntil, lang)},
	}
}

func titleText(t string) string {
	if t == "" {
		return ""
	}
	return " " + t
}

func untilText(d calendar.Date, lang law.Lang) string {
	if d.IsZero() {
		return lang.Pick("tähtajatu", "no end date")
	}
	return d.Register()
}

func longDate(d calendar.Date, lang law.Lang) string {
	if lang == law.English {
		return d.LongEn()
	}
	return d.LongEt()
}
