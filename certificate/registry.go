package certificate

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/law/vv113"
	"github.com/kutsekit/kutse/store"
)

// Config configures a [Registry]. It is passed by value, and the zero value gives the defaults.
type Config struct {
	// Now is the clock; nil means time.Now. The date of "today" is Now's date in Europe/Tallinn.
	// It is the host's one clock: every service built on the registry reads it ([Registry.Now]).
	Now func() time.Time
	// Series maps a kind to the series its numbers are allocated from; kinds not in the map use
	// [DefaultSeries].
	Series map[Kind]Series
	// AttentionWindow is the number of months before the end of validity from which the owner's
	// list asks for attention; 0 means [DefaultAttentionWindow], negative never.
	AttentionWindow int
	// Schools is the host's school directory, which tells who answers for a school's documents once
	// it was reorganised or closed (SCH-02); nil means the registry trusts the actor's word
	// ([Registry.Invalidate]).
	Schools Schools
	// Statute is the versions of regulation nr 113 the registry applies to leaving certificates,
	// grade sheets and state-exam certificates (GEN-04); nil means vv113.Default, the text in force
	// 13.07.2014–30.04.2015. Issuing such a document, or declaring it invalid, on a day no version
	// covers is refused with an error wrapping law.ErrNoVersion.
	Statute vv113.Statute
	// Requests is where [Registry.List] finds the certificates the owner has open requests about
	// (CERT-02, CERT-10), typically a *request.Service; nil means none is marked.
	Requests RequestFinder
}

// Schools tells the registry which school now answers for the documents a school issued, for
// declaring them invalid (SCH-02: VV määrus nr 113 § 5 (2): the school that issued them, its
// successor, or failing both the minister). duplicate.MemRegistry implements it.
type Schools interface {
	// AnsweringSchool returns the code of the school that answers for the documents the school with
	// the given code issued: that code while the school works, its successor's (following every
	// reorganisation) once it was reorganised, or "" when it was closed with no successor. An unknown
	// code is an error wrapping store.ErrNotFound.
	AnsweringSchool(ctx context.Context, code string) (string, error)
}

// Registry is the certificate register's service: issue, read, list, look up, search, hide,
// publish and invalidate certificates, record a holder's death and erase the personal data when their
// retention ends (CERT-12). Every call takes the acting [actor.Actor] and refuses what it
// may not do with an error wrapping actor.ErrForbidden; a refused or failed call changes nothing.
// A Registry is safe for concurrent use.
type Registry struct {
	st       Store
	now      func() time.Time
	series   map[Kind]Series
	window   int
	schools  Schools
	statute  vv113.Statute
	requests RequestFinder
}

// NewRegistry returns a Registry on s, configured by cfg; the zero Config gives the defaults. It
// checks the series in cfg against their kinds.
func NewRegistry(s Store, cfg Config) (*Registry, error) {
	if s == nil {
		return nil, &FieldError{Pkg: pkg, Field: "store", Reason: "is required (NewRegistry)"}
	}
	r := &Registry{st: s, now: time.Now, series: map[Kind]Series{}, window: cfg.AttentionWindow,
		schools: cfg.Schools, requests: cfg.Requests}
	if cfg.Now != nil {
		r.now = cfg.Now
	}
	for _, k := range Kinds {
		r.series[k] = DefaultSeries(k)
	}
	for k, se := range cfg.Series {
		if !k.Valid() {
			return nil, &FieldError{Pkg: pkg, Field: "Config.Series", Value: k.String(), Reason: "is not a certificate kind"}
		}
		if err := se.Check(k); err != nil {
			return nil, fmt.Errorf("certificate: series for %s: %w", k, err)
		}
		r.series[k] = se
	}
	if cfg.Statute != nil {
		if err := cfg.Statute.Check(); err != nil {
			return nil, err
		}
		r.statute = cfg.Statute
	}
	return r, nil
}

// Now returns the registry's clock reading: [Config].Now's, or time.Now's when it was nil. It is
// the one clock of a host: the services built on a registry (application, exam/vocational,
// exam/proficiency, exam/stateexam) read the time and today's date from it, so a host sets the clock
// once, in Config.Now.
func (r *Registry) Now() time.Time { return r.now() }

// instant returns the clock's time to the microsecond, the precision PostgreSQL keeps, so that a record
// reads back as it was written whatever the store.
func (r *Registry) instant() time.Time { return r.now().Truncate(time.Microsecond) }

// Today returns the registry's current date in Europe/Tallinn.
func (r *Registry) Today() calendar.Date { return calendar.DateOf(r.now()) }

// issuerRule returns who issues certificates of kind k and the provision that gives the right:
//
//   - occupational and partial certificates: the awarding body (Reg74 § 2: "kutse andjal on
//     kutsetunnistuse väljaandmise õigus ja kohustus");
//   - a qualification on a school document: the vocational school (LDK § 2 (4));
//   - leaving certificates and grade sheets: the school that provides the education (VV määrus
//     nr 113 § 2 (2); the grade sheet is given with the leaving certificate, § 3 (1));
//   - state-exam certificates: the institution that issues them (§ 4 (1));
//   - proficiency certificates: the exam centre that organises the exams (LNG-18: regulation nr 73
//     § 7 (6), the exam centre's page from 01.07.2011).
func issuerRule(k Kind, issued calendar.Date) (actor.Role, string, law.Citation) {
	switch k {
	case Occupational, Partial:
		return actor.AwardingBody, "CERT-01", reg74.At("2", "", "")
	case SchoolQualification:
		return actor.School, "CERT-01", ldk.At("2", "4", "")
	case BasicSchool, Gymnasium, GradeSheet:
		return actor.School, "SCH-01", reg113.At("2", "2", "")
	case StateExam:
		return actor.ExamCentre, "SCH-11", reg113.At("4", "1", "")
	case Proficiency:
		return actor.ExamCentre, "LNG-18", proficiencyCitation(issued)
	}
	return 0, "", law.Citation{}
}

// mayIssue returns nil when a may issue and manage a certificate c: its issuer, as [issuerRule]
// says, or the registrar. Otherwise the refusal names who may, and the provision.
func mayIssue(a actor.Actor, c *Certificate) error {
	if a.Role == actor.Registrar {
		return nil
	}
	want, rule, cite := issuerRule(c.Kind, c.IssuedOn)
	if want != 0 && a.Role == want && a.ActsFor(c.IssuerCode) {
		return nil
	}
	return actor.Deny(a, "issue a "+c.Kind.Name(0), "only the issuer ("+c.IssuerCode+", a "+want.String()+") or the registrar may issue it ("+rule+", "+cite.String()+")")
}

// IssueRequest is what [Registry.Issue] takes.
type IssueRequest struct {
	// Certificate is the record to issue. Number may be empty (allocated from the kind's series);
	// ValidFrom defaults to IssuedOn, and IssuedOn to today.
	Certificate Certificate
	// IdempotencyKey makes a retry safe: a second Issue with the same key and the same certificate
	// returns the first one and issues nothing. Empty means no protection.
	IdempotencyKey string
}

// Issue validates and issues a certificate (CERT-01; SCH-01..03) and records the notice to its
// holder (CERT-09) in the same commit. The actor must be the issuer or the registrar: the awarding
// body for occupational and partial certificates (Reg74 § 2), the school for a qualification on its
// leaving document (LDK § 2 (4)) and for leaving certificates and grade sheets (VV määrus nr 113
// § 2 (2)), the institution that issues state-exam certificates (§ 4 (1)), the exam centre for
// proficiency certificates (LNG-18). A school document or state-exam certificate is issued under the
// version of regulation nr 113 in force on its date of issue (Config.Statute): a date no version
// covers is refused with a *RuleError wrapping law.ErrNoVersion (GEN-04).
func (r *Registry) Issue(ctx context.Context, a actor.Actor, req IssueRequest) (Certificate, error) {
	in, err := r.prepare(a, req)
	if err != nil {
		return Certificate{}, err
	}
	return r.st.IssueCertificate(ctx, in)
}

// prepare checks who acts and the certificate, fills in its defaults and returns what the store
// commits to issue it, with the notice to the holder.
func (r *Registry) prepare(a actor.Actor, req IssueRequest) (Issue, error) {
	c := req.Certificate.Clone()
	if err := a.Validate(); err != nil {
		return Issue{}, err
	}
	if err := mayIssue(a, &c); err != nil {
		return Issue{}, err
	}
	now := r.instant()
	if c.IssuedOn.IsZero() {
		c.IssuedOn = calendar.DateOf(now)
	}
	if c.ValidFrom.IsZero() {
		c.ValidFrom = c.IssuedOn
	}
	c.Version, c.Hidden, c.Invalidated, c.Replaced, c.ExpiryNotice = 0, false, Invalidation{}, Replacement{}, calendar.Date{}
	c.PersonalDataErased = calendar.Date{}
	if err := c.Validate(); err != nil {
		return Issue{}, err
	}
	if c.Kind.School() {
		_, rule, cite := issuerRule(c.Kind, c.IssuedOn)
		if _, err := r.in113(c.IssuedOn, rule, cite, "issue a "+c.Kind.Name(0)); err != nil {
			return Issue{}, err
		}
	}
	c.IssuedAt = now
	fp := ""
	if req.IdempotencyKey != "" {
		fp = fingerprint(c)
	}
	return Issue{
		Certificate:    c,
		Series:         r.series[c.Kind],
		IdempotencyKey: req.IdempotencyKey,
		Fingerprint:    fp,
		Events:         []store.Event{event(EventIssued, &c, now, nil)},
	}, nil
}

// fingerprint is a digest of what a request asks to issue, so that a store can tell a retry (same
// key, same request) from a reuse of the key for another certificate. The clock's instant and the
// version are left out: a retry happens later.
func fingerprint(c Certificate) string {
	h := sha256.New()
	field := func(s string) {
		var n [binary.MaxVarintLen64]byte
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
		h.Write([]byte(s))
	}
	field(string(c.Number))
	field(c.Kind.String())
	field(c.Holder.Name)
	field(c.Holder.Code.String())
	field(c.Holder.BirthDate.String())
	if !c.Holder.Died.IsZero() { // only when given, so that the digests of earlier issues stay the same
		field("died " + c.Holder.Died.String())
	}
	field(c.Title)
	field(c.Standard)
	field(c.EKR.String())
	field(c.EQF.String())
	field(c.Specialisation)
	field(strconv.Itoa(len(c.Competences)))
	for _, s := range c.Competences {
		field(s)
	}
	field(c.ExamLanguage)
	field(c.Issuer)
	field(c.IssuerCode)
	field(c.IssuedOn.String())
	field(c.ValidFrom.String())
	field(c.ValidUntil.String())
	field(string(c.DuplicateOf))
	keys := make([]string, 0, len(c.Extra))
	for k := range c.Extra {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		field(k)
		field(c.Extra[k])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Get returns the certificate numbered no in full, for its owner, its issuer or the registrar. Others
// are refused; the public uses [Registry.Lookup].
func (r *Registry) Get(ctx context.Context, a actor.Actor, no Number) (Certificate, error) {
	if err := a.Validate(); err != nil {
		return Certificate{}, err
	}
	if a.Role == actor.Public {
		return Certificate{}, actor.Deny(a, "read certificate "+string(no), "the public sees the public view only")
	}
	c, err := r.st.Certificate(ctx, no)
	if err != nil {
		return Certificate{}, err
	}
	if !a.Is(c.Holder.Code) && !a.ActsFor(c.IssuerCode) {
		return Certificate{}, actor.Deny(a, "read certificate "+string(no), "only its owner, its issuer or the registrar may")
	}
	return c, nil
}

// Entry is one row of the owner's list: the certificate and its mark on the list's date.
type Entry struct {
	Certificate Certificate
	Mark        Mark
}

// List returns the certificates of the holder with personal code holder as the owner's list
// ("Minu tunnistused", CERT-02, CERT-04) shows them on day asOf: hidden ones too, each with its
// mark, newest validity first. A certificate the owner has an open request about (CERT-10) is
// marked as needing attention: the Registry asks [Config.Requests] for them. Only the owner or the
// registrar may list.
func (r *Registry) List(ctx context.Context, a actor.Actor, holder isikukood.Code, asOf calendar.Date) ([]Entry, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	if holder.IsZero() {
		return nil, &FieldError{Pkg: pkg, Field: "holder", Reason: "is required"}
	}
	if !a.Is(holder) && a.Role != actor.Registrar {
		return nil, actor.Deny(a, "list a holder's certificates", "only the holder or the registrar may")
	}
	if !asOf.IsValid() {
		return nil, &FieldError{Pkg: pkg, Field: "asOf", Value: asOf.String(), Reason: "is not a real date"}
	}
	cs, err := r.st.HolderCertificates(ctx, holder)
	if err != nil {
		return nil, err
	}
	var open []Number
	if r.requests != nil {
		if open, err = r.requests.OpenRequests(ctx, a, holder); err != nil {
			return nil, fmt.Errorf("certificate: the owner's open requests: %w", err)
		}
	}
	out := make([]Entry, len(cs))
	for i := range cs {
		out[i] = Entry{Certificate: cs[i], Mark: cs[i].MarkOn(asOf, slices.Contains(open, cs[i].Number), r.window)}
	}
	slices.SortStableFunc(out, func(x, y Entry) int {
		if c := y.Certificate.ValidFrom.Compare(x.Certificate.ValidFrom); c != 0 {
			return c
		}
		return cmp.Compare(x.Certificate.Number, y.Certificate.Number)
	})
	return out, nil
}

// Lookup returns the public view of the certificate numbered no on day asOf (zero: today). What the
// public may not see — a hidden certificate (CERT-04), or one of a kind that is not a public register
// entry ([Kind.Public]: school and exam documents) — is reported exactly as a missing one, with the
// same error wrapping store.ErrNotFound, so that the public cannot learn that it exists. The view
// never has the personal code or the birth date, and the holder's name only while the certificate is
// valid on asOf (CERT-12). Anyone may look up.
func (r *Registry) Lookup(ctx context.Context, a actor.Actor, no Number, asOf calendar.Date) (PublicView, error) {
	if asOf.IsZero() {
		asOf = r.Today()
	}
	if !asOf.IsValid() {
		return PublicView{}, &FieldError{Pkg: pkg, Field: "asOf", Value: dateText(asOf), Reason: "is not a real date"}
	}
	c, err := r.st.Certificate(ctx, no)
	if errors.Is(err, store.ErrNotFound) {
		return PublicView{}, notFound(no)
	}
	if err != nil {
		return PublicView{}, err
	}
	v, ok := c.PublicOn(asOf)
	if !ok {
		return PublicView{}, notFound(no)
	}
	return v, nil
}

// notFound is the one error the public gets for a number it may not see, whether it exists or not.
func notFound(no Number) error { return fmt.Errorf("certificate: %s: %w", no, store.ErrNotFound) }

// Search returns the public views, on day asOf, of the certificates matching q: never a hidden one
// (CERT-04) nor one of a kind that is not a public register entry ([Kind.Public]), and the holder's
// name matches q.Text only on certificates valid on that day (CERT-12). The day is asOf, or q.On
// when asOf is zero, or today when both are; asOf and q.On that differ are refused. The store
// applies every filter, so a page holds q's limit of what the public may find. Anyone may search.
func (r *Registry) Search(ctx context.Context, a actor.Actor, q PublicQuery, asOf calendar.Date) ([]PublicView, error) {
	switch {
	case asOf.IsZero() && q.On.IsZero():
		asOf = r.Today()
	case asOf.IsZero():
		asOf = q.On
	case !q.On.IsZero() && q.On != asOf:
		return nil, &FieldError{Pkg: pkg, Field: "On", Value: dateText(q.On), Reason: "differs from the search's date " + dateText(asOf)}
	}
	q.On = asOf
	q.Text = strings.TrimSpace(q.Text)
	if err := q.Check(); err != nil {
		return nil, err
	}
	cs, err := r.st.PublicCertificates(ctx, q)
	if err != nil {
		return nil, err
	}
	out := make([]PublicView, 0, len(cs))
	for i := range cs {
		// The store applies the same rules; check again, so that a faulty store cannot leak.
		if v, ok := cs[i].PublicOn(asOf); ok && q.Matches(&cs[i]) {
			out = append(out, v)
		}
	}
	return out, nil
}

// Hide hides the certificate from the public (CERT-04). Only its owner (or the registrar) may.
// Hiding a hidden certificate changes nothing and raises no event.
func (r *Registry) Hide(ctx context.Context, a actor.Actor, no Number) (Certificate, error) {
	return r.setHidden(ctx, a, no, true)
}

// Publish makes the certificate public again (CERT-04). Only its owner (or the registrar) may.
func (r *Registry) Publish(ctx context.Context, a actor.Actor, no Number) (Certificate, error) {
	return r.setHidden(ctx, a, no, false)
}

func (r *Registry) setHidden(ctx context.Context, a actor.Actor, no Number, hide bool) (Certificate, error) {
	op, kind := "publish certificate "+string(no), EventPublished
	if hide {
		op, kind = "hide certificate "+string(no), EventHidden
	}
	return r.update(ctx, a, no, func(c *Certificate) (string, error) {
		if !a.Is(c.Holder.Code) && a.Role != actor.Registrar {
			return "", actor.Deny(a, op, "only the certificate's owner may (CERT-04)")
		}
		if c.Hidden == hide {
			return "", nil
		}
		c.Hidden = hide
		return kind, nil
	}, nil)
}

// update reads the certificate, applies change and writes it back with its event, retrying a few
// times when a concurrent writer got there first. change returns the event kind to raise, or "" for
// no change.
func (r *Registry) update(ctx context.Context, a actor.Actor, no Number, change func(*Certificate) (string, error), data map[string]string) (Certificate, error) {
	if err := a.Validate(); err != nil {
		return Certificate{}, err
	}
	if a.Role == actor.Public {
		return Certificate{}, actor.Deny(a, "change certificate "+string(no), "the public may not change certificates")
	}
	var err error
	for range 5 {
		var c Certificate
		c, err = r.st.Certificate(ctx, no)
		if err != nil {
			return Certificate{}, err
		}
		kind, cerr := change(&c)
		if cerr != nil {
			return Certificate{}, cerr
		}
		if kind == "" {
			return c, nil
		}
		d := make(map[string]string, len(data))
		for k, v := range data {
			d[k] = v
		}
		var out Certificate
		out, err = r.st.UpdateCertificate(ctx, c, []store.Event{event(kind, &c, r.instant(), d)})
		if !errors.Is(err, store.ErrConflict) {
			return out, err
		}
	}
	return Certificate{}, err
}

// Notices returns the register's notices to the holder with personal code holder (CERT-09), oldest
// first. Only the holder or the registrar may read them.
func (r *Registry) Notices(ctx context.Context, a actor.Actor, holder isikukood.Code) ([]store.Event, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	if holder.IsZero() {
		return nil, &FieldError{Pkg: pkg, Field: "holder", Reason: "is required"}
	}
	if !a.Is(holder) && a.Role != actor.Registrar {
		return nil, actor.Deny(a, "read a holder's notices", "only the holder or the registrar may")
	}
	return r.st.OutboxEvents(ctx, store.EventQuery{Recipient: holder.String()})
}

// NotifyExpiring raises, once per certificate, the register's notice that a certificate's validity
// ends within the attention window (six months by default; research/domain-rules.md § 3.6: the
// register tells owners "tunnistuse kehtivus lõpeb 6 kuu jooksul"; CERT-09). It looks at the
// certificates valid on asOf (zero: today) whose last day falls within the window and whose owner
// has not been told, records the notice with an event to the owner in one commit each, and returns
// how many it raised. Only the registrar may run it; running it again the same day raises nothing
// twice. A certificate changed concurrently is left for the next run.
func (r *Registry) NotifyExpiring(ctx context.Context, a actor.Actor, asOf calendar.Date) (int, error) {
	if err := a.Validate(); err != nil {
		return 0, err
	}
	if a.Role != actor.Registrar {
		return 0, actor.Deny(a, "raise expiry notices", "only the registrar may")
	}
	if asOf.IsZero() {
		asOf = r.Today()
	}
	if !asOf.IsValid() {
		return 0, &FieldError{Pkg: pkg, Field: "asOf", Value: dateText(asOf), Reason: "is not a real date"}
	}
	window := r.window
	if window == 0 {
		window = DefaultAttentionWindow
	}
	if window < 0 {
		return 0, nil
	}
	n := 0
	for {
		cs, err := r.st.ExpiringCertificates(ctx, asOf, asOf.AddMonths(window), 100)
		if err != nil {
			return n, err
		}
		progressed := false
		for i := range cs {
			c := &cs[i]
			if c.StatusOn(asOf) != Valid {
				continue
			}
			ev := event(EventExpiring, c, r.instant(), map[string]string{"until": c.ValidUntil.String()})
			_, err := r.st.MarkExpiryNotified(ctx, c.Number, c.Version, asOf, []store.Event{ev})
			switch {
			case err == nil:
				n++
				progressed = true
			case errors.Is(err, store.ErrConflict), errors.Is(err, store.ErrNotFound):
				// changed meanwhile: the next run looks again
			default:
				return n, err
			}
		}
		if len(cs) < 100 || !progressed {
			return n, nil
		}
	}
}

// in113 returns the version of regulation nr 113 in force on d (GEN-04), or a *RuleError of rule on
// provision cite, refusing op, that wraps law.ErrNoVersion.
func (r *Registry) in113(d calendar.Date, rule string, cite law.Citation, op string) (vv113.Version, error) {
	v, err := r.statute.At(d)
	if err != nil {
		return v, &RuleError{Pkg: pkg, Rule: rule, Citation: cite.String(), Op: op, Err: err}
	}
	return v, nil
}
