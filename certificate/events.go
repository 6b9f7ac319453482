package certificate

import (
	"time"

	"github.com/kutsekit/kutse/store"
)

// The kinds of event package certificate raises: the register's notices to the owner (CERT-09;
// research/domain-rules.md § 3.6: certificate issued, duplicate issued, expires within 6 months,
// declared invalid) and the owner's own changes.
const (
	EventIssued      = "certificate.issued"      // a certificate was issued
	EventHidden      = "certificate.hidden"      // the owner hid it from the public
	EventPublished   = "certificate.published"   // the owner published it
	EventInvalidated = "certificate.invalidated" // it was declared invalid
	EventExpiring    = "certificate.expiring"    // its validity ends within the window (six months)
)

func event(kind string, c *Certificate, at time.Time, data map[string]string) store.Event {
	if data == nil {
		data = map[string]string{}
	}
	data["kind"] = c.Kind.String()
	if c.Title != "" {
		data["title"] = c.Title
	}
	rcpt := ""
	switch {
	case kind == EventDeathRecorded || kind == EventPersonalDataErased:
		rcpt = c.IssuerCode // the issuer keeps the holder's data too: it is told of their retention (CERT-12)
	case !c.Holder.Code.IsZero():
		rcpt = c.Holder.Code.String()
	}
	return store.Event{Kind: kind, Subject: string(c.Number), Recipient: rcpt, At: at, Data: data}
}
