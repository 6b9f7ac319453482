// Package application will implement applying for a qualification or re-certification (APP-01..09)
// and holds, for now, the owner's requests about a certificate (CERT-10): inaccurate data on the
// certificate, a digital stamp, a duplicate, a question to the awarding body. Each is listed with its
// number, kind, the certificate concerned, its date and status, as the register's self-service shows
// them ("Minu taotlused", seed 000).
//
// The digital stamp (package stamp) records each stamp it makes or refuses as a [DigitalStamp]
// request; the later issues on applications, duplicates and questions add theirs to the same
// [Store].
package application
