// Package xroad speaks the occupational qualifications register's (kutseregister) X-Road service: its
// messages in their SOAP envelopes, a client for the host's security server, and the certificate
// record as the service describes it: the complexType kutsetunnistusV2Type of the
// service description dated 2018-05-09 (testdata/xroad/kutseregister-2018-05-09.wsdl in the shared
// test data), answered by the searches kutsetunnistus and kodanikKutsetunnistus.
//
// [Record] mirrors the complexType element by element; [Response] the answer kutsetunnistusVastus.
// [Decode] reads records from XML of bounded size ([MaxSize]), [Encode] and [Marshal] write them.
// [ToCertificate] maps a record to the SDK's certificate.Certificate (CERT-01) with its EKR and EQF
// levels (CERT-03) and [FromCertificate] maps back; their comments list the mapping field by field,
// and which elements go to certificate.Extra under "xroad:" keys and which fields are dropped.
//
// Certificate types follow tunnistuseTyypType (classifier.CertificateType): 1 kutsetunnistus →
// certificate.Occupational, 2 osakutsetunnistus → certificate.Partial. Type 3, esmane kutse (a
// qualification entered on a school-leaving document), is read as certificate.Occupational and
// marked with Extra[KeyTyyp] = "esmane kutse", so that it is written back as it came; a
// certificate.SchoolQualification is written as esmane kutse too. In this record type the element
// tyyp is free text (the register writes the name, "kutsetunnistus"), not the numeric code: both are
// read, the lower-case name is written.
//
// # The messages and the client
//
// The package also reads and writes the service's messages in their SOAP envelope with the X-Road
// (v6, protocol 4.0) header ([Header]: client, service, id, userId, issue, protocolVersion), with the
// namespaces and prefixes of the service description (SOAP-ENV, xrd, id; the body's element in
// [Namespace] as its default namespace): [EncodeEnvelope] and [DecodeEnvelope]. The messages, element
// by element: the search [SearchRequest] (kutsetunnistus) and its answer [Response]; [AddRequest]
// (kutsetunnistuseLisamineParing: an awarding body adds a certificate) and [AddResponse];
// [DuplicateRequest] (kutsetunnistuseDuplikaatParing) and [DuplicateResponse]; the changed standards,
// [ChangedStandardsRequest] and [ChangedStandardsResponse]; the awarding body's information,
// [BodyInfoRequest] and [BodyInfoResponse]. They map to the SDK's types: [NewAddRequest] from a
// certificate.Certificate, its standard's version and its awarding body (the names looked up as the
// register's ids; the signer must chair or vice-chair one of the body's committees, Reg74 § 6) and
// [AddRequest.Certificate] back; [NewDuplicateRequest] from a duplicate.Ground (CERT-07);
// [ChangedStandard.StandardVersion] and [BodyInfoResponse.AwardingBody] to package
// classifier/register's types, and back. The golden files in testdata show each message whole.
//
// [Client] calls the services over net/http through the host's security server: the host gives its
// URL and its own X-Road identifiers; each call takes a context (an unset deadline gets Timeout) and
// the acting actor.Actor, whose personal code becomes the header's userId and whose organisation the
// request's asutus; only an awarding body, its partner or the registrar adds certificates or asks
// for duplicates. A SOAP fault is returned as a *[Fault], the register's own refusal (vigadearv,
// vead) as a *[RegisterError], another HTTP failure as an *[HTTPError]; an answer is read up to
// MaxResponse bytes and must echo the request's id.
//
// Where the schema is silent: the producer is identified as EE/NGO/90006414/kutseregister (the
// register keeper, Sihtasutus Kutsekoda; [RegisterService]), which a host whose security server knows
// it otherwise replaces (Client.Service); the service versions are the description's (v2 for
// kutsetunnistus, v1 otherwise).
//
// Bad values are reported as *invalid.Errors whose fields are named by the XML element, never by a
// panic.
package xroad
