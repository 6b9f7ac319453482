// Package xroad reads and writes the occupational qualifications register's (kutseregister)
// certificate record as its X-Road service describes it: the complexType kutsetunnistusV2Type of the
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
// Bad values are reported as *invalid.Errors whose fields are named by the XML element, never by a
// panic.
package xroad
