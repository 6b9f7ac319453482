// Package request implements the owner's requests about a certificate (CERT-10) and the question to
// the awarding body (CERT-08). A request is one of four kinds — inaccurate data on the certificate, a
// digital stamp, a duplicate, a question — and is listed with its number, kind, the certificate
// concerned, its date and status, as the register's self-service shows them ("Minu taotlused", seed
// 000). The requests moved here from package application, which now means applying for a
// qualification.
//
// # Where requests come from
//
//   - The digital stamp (package stamp) records each stamp it makes or refuses as a [DigitalStamp]
//     request in the [Store].
//   - [Service.Ask] records the owner's [Question] about a certificate, addressed to the awarding
//     body that issued it, with a notice to the body; [Service.Answer] records the body's answer,
//     closes the question and notifies the owner (CERT-08). Both notices are events in the outbox,
//     committed with the change ([EventAsked], [EventAnswered]); Data["to"] says whether the
//     event's Recipient is a person's code or an organisation's (store.ToPerson,
//     store.ToOrganisation).
//   - Package duplicate keeps its cases in a store of its own; duplicate.Requests makes them a
//     [Source], and [Service.List] lists them with the rest.
//
// # The owner's list of certificates
//
// [Service] implements certificate.RequestFinder: a certificate.Registry given it in
// certificate.Config.Requests marks every certificate with an open request as needing attention
// in the owner's list (CERT-02), so the host no longer passes the open requests in.
//
// # Choices where the sources are silent
//
//   - A question goes to the awarding body that issued the certificate (its IssuerCode), and only
//     that body (not a partner it authorised to receive applications) or the registrar answers it.
//     One answer closes the question; a further question is a new request.
//   - Requests from different places (the store's own, duplicate cases) are numbered separately, so
//     two may share a number: a request is identified by its kind and number. The list is ordered
//     by the time each was made, newest first.
//   - A question and an answer are at most [MaxText] characters, trimmed of surrounding white space.
package request
