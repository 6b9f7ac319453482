// Package notify turns the outbox's events into the messages people receive and delivers them
// through the host's sender: the register's notices to a certificate's owner (CERT-09: certificate
// issued, expiring within six months, declared invalid, hidden or published, digital stamp made or
// refused; the duplicate's notices come through the generic form),
// in Estonian or English (GEN-05).
//
// # Delivery
//
// A [Dispatcher] reads the events not yet sent from the store's outbox, oldest first, renders each
// one, hands it to the host's [Sender] and marks it sent only after the sender accepted it. Delivery
// is therefore at least once: a crash between sending and marking sends that message again on the
// next run, so a sender that must not repeat a message keys it by [Message.EventID]. An event with no
// recipient (a notice to an organisation the host routes itself, or a holder without a personal code)
// is passed to the sender too, with an empty To.
//
// # Messages
//
// [Render] knows the register's own notices by kind and writes them in full; any other kind (the
// duplicate, exam and later flows) gets a short generic message naming the kind and the record, so
// no event is lost for want of a template. Hosts that want their own wording render themselves from
// the event's Kind, Subject and Data.
package notify

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/invalid"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/stamp"
	"github.com/kutsekit/kutse/store"
)

// Message is one rendered notice.
type Message struct {
	EventID int64    // the outbox event it renders: a key for a sender that must not repeat itself
	Kind    string   // the event's kind, e.g. "certificate.issued"
	To      string   // the recipient, e.g. the holder's personal code; "" when the event names none
	Lang    law.Lang // the language it is written in
	Subject string   // a one-line subject
	Body    string   // the text
}

// Render writes the message for event e in lang (CERT-09, GEN-05).
func Render(e store.Event, lang law.Lang) Message {
	m := Message{EventID: e.ID, Kind: e.Kind, To: e.Recipient, Lang: lang}
	cert := e.Data["certificate"]
	if cert == "" {
		cert = e.Subject
	}
	title := e.Data["title"]
	what := cert
	if title != "" {
		what = cert + " (" + title + ")"
	}
	switch e.Kind {
	case certificate.EventIssued:
		m.Subject = lang.Pick("Kutseregistrisse on kantud tunnistus "+cert, "Certificate "+cert+" has been entered in the register")
		m.Body = lang.Pick("Teile on välja antud tunnistus "+what+". Näete seda kutseregistri iseteeninduses jaotises \"Minu tunnistused\".",
			"Certificate "+what+" has been issued to you. You can see it in the register's self-service under \"My certificates\".")
	case certificate.EventInvalidated:
		m.Subject = lang.Pick("Tunnistus "+cert+" on kehtetuks tunnistatud", "Certificate "+cert+" has been declared invalid")
		m.Body = lang.Pick("Tunnistus "+what+" on kehtetuks tunnistatud alates "+register(e.Data["from"])+". Põhjus: "+e.Data["reason"]+". Otsus: "+e.Data["decision"]+".",
			"Certificate "+what+" has been declared invalid from "+e.Data["from"]+". Reason: "+e.Data["reason"]+". Decision: "+e.Data["decision"]+".")
	case certificate.EventHidden:
		m.Subject = lang.Pick("Tunnistus "+cert+" on peidetud", "Certificate "+cert+" is now hidden")
		m.Body = lang.Pick("Peitsite tunnistuse "+what+": see ei ole enam avalikus otsingus nähtav.",
			"You hid certificate "+what+": it no longer appears in the public search.")
	case certificate.EventPublished:
		m.Subject = lang.Pick("Tunnistus "+cert+" on avalikustatud", "Certificate "+cert+" is now public")
		m.Body = lang.Pick("Avalikustasite tunnistuse "+what+": see on avalikus otsingus nähtav.",
			"You published certificate "+what+": it appears in the public search.")
	case certificate.EventExpiring:
		m.Subject = lang.Pick("Tunnistuse "+cert+" kehtivus lõpeb peagi", "Certificate "+cert+" expires soon")
		m.Body = lang.Pick("Tunnistus "+what+" kehtib kuni "+register(e.Data["until"])+". Uue tunnistuse saamiseks tuleb kutse taastõendada.",
			"Certificate "+what+" is valid until "+e.Data["until"]+". To keep the qualification, apply for re-certification.")
	case stamp.EventStamped:
		m.Subject = lang.Pick("Digitempel tunnistusele "+cert, "Digital stamp of certificate "+cert)
		m.Body = lang.Pick("Tunnistuse "+cert+" digitempel on valmis. Konteineri SHA-256: "+e.Data["note"]+".",
			"The digital stamp of certificate "+cert+" is ready. SHA-256 of the container: "+e.Data["note"]+".")
	case stamp.EventRefused:
		m.Subject = lang.Pick("Digitemplist keelduti: tunnistus "+cert, "Digital stamp refused: certificate "+cert)
		m.Body = lang.Pick("Tunnistusele "+cert+" ei saa digitemplit anda: "+e.Data["note"]+".",
			"Certificate "+cert+" cannot be given a digital stamp: "+e.Data["note"]+".")
	default:
		m.Subject = lang.Pick("Teavitus: "+e.Kind, "Notice: "+e.Kind)
		m.Body = lang.Pick("Kirje "+e.Subject+": "+e.Kind+".", "Record "+e.Subject+": "+e.Kind+".") + details(e.Data)
	}
	return m
}

// register writes an ISO date the register's way (DD.MM.YYYY); other text is returned as it is.
func register(iso string) string {
	if len(iso) == 10 && iso[4] == '-' && iso[7] == '-' {
		return iso[8:10] + "." + iso[5:7] + "." + iso[0:4]
	}
	return iso
}

func details(d map[string]string) string {
	if len(d) == 0 {
		return ""
	}
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString("\n" + k + ": " + d[k])
	}
	return b.String()
}

// Sender delivers a message: by e-mail, to the state portal's notifications (eesti.ee), wherever the
// host sends them. It returns nil only when the message was accepted.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// SenderFunc adapts a function to [Sender].
type SenderFunc func(ctx context.Context, m Message) error

// Send calls f.
func (f SenderFunc) Send(ctx context.Context, m Message) error { return f(ctx, m) }

// Outbox is the part of a store the dispatcher needs (memstore and pgstore have it).
type Outbox interface {
	CertificateEvents(ctx context.Context, q certificate.EventQuery) ([]store.Event, error)
	MarkEventsSent(ctx context.Context, ids ...int64) error
}

// Dispatcher delivers the outbox's unsent events.
type Dispatcher struct {
	Outbox Outbox
	Sender Sender
	// Lang chooses the language for a recipient; nil means Estonian for everyone.
	Lang func(recipient string) law.Lang
	// Batch is the most events read per round; 0 means 100.
	Batch int
}

// Dispatch delivers unsent events, oldest first, until none is left or the sender fails. It returns
// how many it delivered. A sender's failure stops the round and is returned, wrapped; the event stays
// unsent and is tried again by the next Dispatch.
func (d *Dispatcher) Dispatch(ctx context.Context) (int, error) {
	if d.Outbox == nil || d.Sender == nil {
		return 0, &invalid.FieldError{Pkg: "notify", Field: "Dispatcher", Reason: "needs an Outbox and a Sender"}
	}
	batch := d.Batch
	if batch <= 0 {
		batch = 100
	}
	sent := 0
	for {
		evs, err := d.Outbox.CertificateEvents(ctx, certificate.EventQuery{Unsent: true, Limit: batch})
		if err != nil {
			return sent, fmt.Errorf("notify: read the outbox: %w", err)
		}
		if len(evs) == 0 {
			return sent, nil
		}
		for _, e := range evs {
			lang := law.Estonian
			if d.Lang != nil {
				lang = d.Lang(e.Recipient)
			}
			if err := d.Sender.Send(ctx, Render(e, lang)); err != nil {
				return sent, fmt.Errorf("notify: send event %d (%s): %w", e.ID, e.Kind, err)
			}
			if err := d.Outbox.MarkEventsSent(ctx, e.ID); err != nil {
				return sent, fmt.Errorf("notify: mark event %d sent: %w", e.ID, err)
			}
			sent++
		}
	}
}
