package store

// Whom an event's Recipient names. The SDK's events to a person carry the person's personal code,
// those to an organisation its registry code; Data[RecipientKey] says which, so that a notifier
// never sends an organisation's notice to a person or the other way round.
const (
	RecipientKey   = "to"           // the key of an event's Data that holds ToPerson or ToOrganisation
	ToPerson       = "person"       // Recipient is a person's personal code
	ToOrganisation = "organisation" // Recipient is an organisation's registry code
)
