package notify

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/isikukood"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

const pkg = "notify"

// RecipientKind is who a notice is for: a person or an organisation.
type RecipientKind uint8

// The kinds of recipient. The zero value is none.
const (
	// Person: a person, addressed by the personal code (isikukood); the host resolves it to the
	// person's e-mail or the state portal's notifications (eesti.ee).
	Person RecipientKind = iota + 1
	// Organisation: an awarding body, a school, a local government, an archive or the exam centre,
	// addressed by its registry code (or its EHIS or EHAK code); the host resolves it to the
	// organisation's e-mail.
	Organisation
)

// String returns "person" or "organisation".
func (k RecipientKind) String() string {
	switch k {
	case Person:
		return "person"
	case Organisation:
		return "organisation"
	}
	return "none"
}

// Recipient is the address of a notice.
type Recipient struct {
	Kind RecipientKind
	// ID is the personal code of a person or the code of an organisation; "" when the event names
	// none (a holder without an Estonian personal code, an organisation whose code the host did not
	// give): the host then routes the message itself, from the record it is about.
	ID string
}

// Message is one rendered notice.
type Message struct {
	EventID int64     // the outbox event it renders: a key for a sender that must not repeat itself
	Kind    string    // the event's kind, e.g. "certificate.issued"
	To      Recipient // whom it is for
	Lang    law.Lang  // the language it is written in
	Subject string    // a one-line subject
	Body    string    // the text
}

// Entry describes the notice of one kind of event in the catalogue.
type Entry struct {
	Kind  string        // the event's kind, e.g. "certificate.issued"
	To    RecipientKind // whom the notice is for
	Rules string        // the rules it serves, e.g. "CERT-09"
}

// template writes the notice of one kind of event.
type template struct {
	to    RecipientKind
	rules string
	// write returns the subject and the body in f's language.
	write func(f fields) (subject, body string)
}

// catalogue is every package's notices by kind: one map per package (certificate.go, which has
// stamp's too, duplicate.go, proficiency.go, application.go, request.go, vocational.go). A package that raises a
// new kind of event adds its notice to its map; TestCatalogue_APP07_CERT09_EveryKindOfTheModule
// fails until it does.
var catalogue = merge(certificateNotices, stampNotices, duplicateNotices, proficiencyNotices, applicationNotices, requestNotices,
	vocationalNotices)

func merge(maps ...map[string]template) map[string]template {
	out := map[string]template{}
	for _, m := range maps {
		for k, t := range m {
			out[k] = t
		}
	}
	return out
}

// Catalogue lists the kinds of event that have a notice, ordered by kind, with the kind of recipient
// each goes to and the rules it serves.
func Catalogue() []Entry {
	out := make([]Entry, 0, len(catalogue))
	for k, t := range catalogue {
		out = append(out, Entry{Kind: k, To: t.to, Rules: t.rules})
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Kind, b.Kind) })
	return out
}

// Render writes the notice of event e in lang (GEN-05: Estonian or English): subject, body and
// recipient. The recipient's kind comes from the kind of event, and its ID must fit it: a person's
// notice goes to a valid personal code, an organisation's never to one; an event whose
// Data["to"] (store.RecipientKey) says the other kind of recipient does not fit either. An event of
// a kind with no notice, or whose recipient does not fit, is an error wrapping invalid.ErrInvalid
// (the dispatcher dead-letters it); neither is ever sent to the wrong party.
func Render(e store.Event, lang law.Lang) (Message, error) {
	t, ok := catalogue[e.Kind]
	if !ok {
		return Message{}, &invalid.FieldError{Pkg: pkg, Field: "Kind", Value: e.Kind, Reason: "has no notice (see notify.Catalogue)"}
	}
	if v := e.Data[store.RecipientKey]; (v == store.ToPerson || v == store.ToOrganisation) && v != t.to.String() {
		return Message{}, &invalid.FieldError{Pkg: pkg, Field: "Data[to]", Value: v, Reason: "says the event is for a " + v + ", and its notice is for a " + t.to.String()}
	}
	to := Recipient{Kind: t.to, ID: e.Recipient}
	if err := checkRecipient(to); err != nil {
		return Message{}, err
	}
	subject, body := t.write(fields{e: &e, lang: lang})
	return Message{EventID: e.ID, Kind: e.Kind, To: to, Lang: lang, Subject: subject, Body: body}, nil
}

// checkRecipient refuses an address that does not fit its kind. The error never repeats the ID: it
// may be a personal code, and it is kept as the event's last error.
func checkRecipient(to Recipient) error {
	if to.ID == "" {
		return nil
	}
	_, err := isikukood.Parse(to.ID)
	switch {
	case to.Kind == Person && err != nil:
		return &invalid.FieldError{Pkg: pkg, Field: "Recipient", Reason: "is not a valid personal code, and the notice is for a person"}
	case to.Kind == Organisation && err == nil:
		return &invalid.FieldError{Pkg: pkg, Field: "Recipient", Reason: "is a personal code, and the notice is for an organisation"}
	}
	return nil
}

// fields reads an event's data for a template, in the message's language.
type fields struct {
	e    *store.Event
	lang law.Lang
}

// s returns the data's value under key k.
func (f fields) s(k string) string { return f.e.Data[k] }

// pick returns et or en.
func (f fields) pick(et, en string) string { return f.lang.Pick(et, en) }

// date returns the ISO date under key k the register's way: DD.MM.YYYY in Estonian, "8 January
// 2030" in English. Text that is not a date is returned as it is.
func (f fields) date(k string) string {
	d, err := calendar.ParseDate(f.s(k))
	if err != nil || d.IsZero() {
		return f.s(k)
	}
	return f.pick(d.Register(), d.LongEn())
}

// instant returns the RFC 3339 instant under key k as the register writes it, in Europe/Tallinn,
// after a space: " 23.11.2026 kell 11:00" in Estonian, " on 23 November 2026 at 11:00" in English;
// "" for none. Text that is not an instant is returned as it is.
func (f fields) instant(k string) string {
	v := f.s(k)
	if v == "" {
		return ""
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return " " + v
	}
	loc, err := calendar.Tallinn()
	if err != nil {
		loc = time.FixedZone("EET", 2*3600) // as calendar.DateOf falls back
	}
	d, hm := calendar.DateOf(t), t.In(loc).Format("15:04")
	return f.pick(" "+d.Register()+" kell "+hm, " on "+d.LongEn()+" at "+hm)
}

// day returns the day of the event (its At, in Europe/Tallinn) after a space: " 23.11.2026" in
// Estonian, " on 23 November 2026" in English; "" when the event has no time.
func (f fields) day() string {
	if f.e.At.IsZero() {
		return ""
	}
	d := calendar.DateOf(f.e.At)
	return f.pick(" "+d.Register(), " on "+d.LongEn())
}

// num returns the decimal number under key k with the language's decimal separator.
func (f fields) num(k string) string {
	if f.lang == law.Estonian {
		return strings.ReplaceAll(f.s(k), ".", ",")
	}
	return f.s(k)
}

// ref returns the number of the record the event is about: the last part of its subject
// ("duplicate/7" → "7").
func (f fields) ref() string {
	s := f.e.Subject
	return s[strings.LastIndexByte(s, '/')+1:]
}

// opt returns s when cond holds, else "".
func opt(cond bool, s string) string {
	if cond {
		return s
	}
	return ""
}

// end returns the free text s, trimmed, ending a sentence: with a full stop unless it ends in one
// (or in "!", "?", "…").
func end(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") || strings.HasSuffix(s, "…") {
		return s
	}
	return s + "."
}

// sentence returns s with its first letter upper-cased.
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// list joins items the language's way: "a, b ja c" or "a, b and c".
func list(lang law.Lang, items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + lang.Pick(" ja ", " and ") + items[len(items)-1]
}
