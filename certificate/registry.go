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
	"github.com/kutsekit/kutse/store"
)

// Options configures a [Registry]. The zero value (or nil) gives the defaults.
type Options struct {
	// Now is the clock; nil means time.Now. The date of "today" is Now's date in Europe/Tallinn.
	Now func() time.Time
	// Series maps a kind to the series its numbers are allocated from; kinds not in the map use
	// [DefaultSeries].
	Series map[Kind]Series
	// AttentionWindow is the number of months before the end of validity from which the owner's
	// list asks for attention; 0 means [DefaultAttentionWindow], negative never.
	AttentionWindow int
}

// Registry is the certificate register's service: issue, read, list, look up, search, hide,
// publish and invalidate certificates. Every call takes the acting [actor.Actor] and refuses what it
// may not do with an error wrapping actor.ErrForbidden; a refused or failed call changes nothing.
// A Registry is safe for concurrent use.
type Registry struct {
	st     Store
	now    func() time.Time
	series map[Kind]Series
	window int
}

// NewRegistry returns a Registry on s. It checks the series in opts against their kinds.
func NewRegistry(s Store, opts *Options) (*Registry, error) {
	if s == nil {
		return nil, errors.New("certificate: NewRegistry: the store is nil")
	}
	r := &Registry{st: s, now: time.Now, series: map[Kind]Series{}}
	for _, k := range Kinds {
		r.series[k] = DefaultSeries(k)
	}
	if opts != nil {
		if opts.Now != nil {
			r.now = opts.Now
		}
		for k, se := range opts.Series {
			if !k.Valid() {
				return nil, &FieldError{Pkg: pkg, Field: "Options.Series", Value: k.String(), Reason: "is not a certificate kind"}
			}
			if err := se.Check(k); err != nil {
				return nil, fmt.Errorf("certificate: series for %s: %w", k, err)
			}
			r.series[k] = se
		}
		r.window = opts.AttentionWindow
	}
	return r, nil
}

// instant returns the clock's time to the microsecond, the precision PostgreSQL keeps, so that a record
// reads back as it was written whatever the store.
func (r *Registry) instant() time.Time { return r.now().Truncate(time.Microsecond) }

// Today returns the registry's current date in Europe/Tallinn.
func (r *Registry) Today() calendar.Date { return calendar.DateOf(r.now()) }

// mayIssue reports whether a may issue and manage certificates of kind k from the issuer org.
// Occupational and partial certificates are issued by the awarding body (Reg74 § 2); school
// documents by the school (VV määrus nr 113 § 6, § 9); state-exam and proficiency certificates by the
// exam centre (§ 15; 004 § 7 (6)); the registrar may do all.
func mayIssue(a actor.Actor, k Kind, org string) bool {
	if a.Role == actor.Registrar {
		return true
	}
	var want actor.Role
	switch k {
	case Occupational, Partial:
		want = actor.AwardingBody
	case SchoolQualification, BasicSchool, Gymnasium, GradeSheet:
		want = actor.School
	case StateExam, Proficiency:
		want = actor.ExamCentre
	default:
		return false
	}
	return a.Role == want && a.ActsFor(org)
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
// holder (CERT-09) in the same commit. The actor must be the issuer: the awarding body for
// occupational and partial certificates, the school for school documents, the exam centre for
// state-exam and proficiency certificates, or the registrar.
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
	if !mayIssue(a, c.Kind, c.IssuerCode) {
		return Issue{}, actor.Deny(a, "issue a "+c.Kind.Name(0), "only the issuer ("+c.IssuerCode+") or the registrar may issue it")
	}
	now := r.instant()
	if c.IssuedOn.IsZero() {
		c.IssuedOn = calendar.DateOf(now)
	}
	if c.ValidFrom.IsZero() {
		c.ValidFrom = c.IssuedOn
	}
	c.Version, c.Hidden, c.Invalidated, c.Replaced, c.ExpiryNotice = 0, false, Invalidation{}, Replacement{}, calendar.Date{}
	if err := c.Validate(); err != nil {
		return Issue{}, err
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
// mark, newest validity first. open lists the certificates the owner has open requests about
// (CERT-10). Only the owner or the registrar may list.
func (r *Registry) List(ctx context.Context, a actor.Actor, holder isikukood.Code, asOf calendar.Date, open []Number) ([]Entry, error) {
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

// Lookup returns the public view of the certificate numbered no on day asOf (zero: today). A hidden
// certificate is reported exactly as a missing one, with an error wrapping store.ErrNotFound, so
// that the public cannot learn that it exists (CERT-04). Anyone may look up.
func (r *Registry) Lookup(ctx context.Context, a actor.Actor, no Number, asOf calendar.Date) (PublicView, error) {
	if asOf.IsZero() {
		asOf = r.Today()
	}
	c, err := r.st.Certificate(ctx, no)
	if err != nil {
		return PublicView{}, err
	}
	v, ok := c.PublicOn(asOf)
	if !ok {
		return PublicView{}, fmt.Errorf("certificate: %s: %w", no, store.ErrNotFound)
	}
	return v, nil
}

// Search returns the public views, on day asOf (zero: today), of the certificates matching q, never a
// hidden one (CERT-04). Anyone may search.
func (r *Registry) Search(ctx context.Context, a actor.Actor, q PublicQuery, asOf calendar.Date) ([]PublicView, error) {
	if asOf.IsZero() {
		asOf = r.Today()
	}
	if q.Kind != 0 && !q.Kind.Valid() {
		return nil, &FieldError{Pkg: pkg, Field: "Kind", Value: q.Kind.String(), Reason: "is not a certificate kind"}
	}
	q.Text = strings.TrimSpace(q.Text)
	cs, err := r.st.PublicCertificates(ctx, q)
	if err != nil {
		return nil, err
	}
	out := make([]PublicView, 0, len(cs))
	for i := range cs {
		if v, ok := cs[i].PublicOn(asOf); ok { // the store never returns hidden ones; check anyway
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

// Invalidate records a decision declaring the certificate invalid (CERT-11: the qualification
// committee or sectoral council, Kutseseadus § 22 (1); SCH-02: the issuing school, its successor or
// the minister, VV määrus nr 113 § 5). The actor must be the issuer or the registrar; v needs a
// reason and a decision reference; a zero date means today. The holder is notified (CERT-09).
// A certificate already declared invalid is refused with a *RuleError wrapping ErrInvalidated.
func (r *Registry) Invalidate(ctx context.Context, a actor.Actor, no Number, v Invalidation) (Certificate, error) {
	var fs []*FieldError
	if strings.TrimSpace(v.Reason) == "" {
		fs = append(fs, &FieldError{Pkg: pkg, Field: "Reason", Reason: "is required: the ground of the invalidation (CERT-11)"})
	}
	if strings.TrimSpace(v.Decision) == "" {
		fs = append(fs, &FieldError{Pkg: pkg, Field: "Decision", Reason: "is required: the decision's reference (HMS § 70)"})
	}
	if !v.Date.IsZero() && !v.Date.IsValid() {
		fs = append(fs, &FieldError{Pkg: pkg, Field: "Date", Value: dateText(v.Date), Reason: "is not a real date"})
	}
	if len(fs) > 0 {
		return Certificate{}, &ValidationError{Pkg: pkg, Fields: fs}
	}
	if v.Date.IsZero() {
		v.Date = r.Today()
	}
	if v.By == "" {
		v.By = a.Org
	}
	return r.update(ctx, a, no, func(c *Certificate) (string, error) {
		if !a.ActsFor(c.IssuerCode) || (a.Role != actor.Registrar && !mayIssue(a, c.Kind, c.IssuerCode)) {
			return "", actor.Deny(a, "invalidate certificate "+string(no), "only its issuer or the registrar may")
		}
		if !c.Invalidated.IsZero() {
			rule, cite := "CERT-11", kuts.At("22", "1", "").String()
			if c.Kind.School() {
				rule, cite = "SCH-02", vv113.At("5", "", "").String()
			}
			return "", &RuleError{Rule: rule, Citation: cite, Op: "invalidate " + string(no), Err: ErrInvalidated}
		}
		c.Invalidated = v
		return EventInvalidated, nil
	}, map[string]string{"reason": v.Reason, "decision": v.Decision, "from": v.Date.String()})
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
	return r.st.CertificateEvents(ctx, EventQuery{Recipient: holder.String()})
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
