// Package request holds the owner's requests about a certificate (CERT-10): inaccurate data on the
// certificate, a digital stamp, a duplicate, a question to the awarding body. Each is listed with its
// number, kind, the certificate concerned, its date and status, as the register's self-service shows
// them ("Minu taotlused", seed 000). The requests moved here from package application, which now
// means applying for a qualification.
//
// The digital stamp (package stamp) records each stamp it makes or refuses as a [DigitalStamp]
// request.
package request
