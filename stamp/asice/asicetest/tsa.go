package asicetest

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rand"
	"encoding/asn1"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"time"

	"github.com/digitorus/timestamp"

	"github.com/kutsekit/kutse/stamp/asice/internal/berlock"
)

// tsaPolicy is the TSA policy of every token: an OID under the example arc 2.999 (X.660).
var tsaPolicy = asn1.ObjectIdentifier{2, 999, 3161, 1}

// TSAHandler returns the time-stamping server's handler, which [New] serves at TSAURL. Tests can
// wrap it to inject faults.
func (p *PKI) TSAHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		serve(w, r, "application/timestamp-reply", p.timeStamp)
	})
}

// timeStamp returns the DER TimeStampResp for a request: granted with a token signed by the TSA
// key, or a rejection with its failure info.
func (p *PKI) timeStamp(mediaType string, body []byte) ([]byte, error) {
	if mediaType != "application/timestamp-query" {
		return timestamp.CreateErrorResponse(timestamp.Rejection, timestamp.BadRequest)
	}
	req, err := timestamp.ParseRequest(body)
	if err != nil {
		return timestamp.CreateErrorResponse(timestamp.Rejection, timestamp.BadDataFormat)
	}
	switch {
	case !hashAllowed(req.HashAlgorithm):
		return timestamp.CreateErrorResponse(timestamp.Rejection, timestamp.BadAlgorithm)
	case len(req.HashedMessage) != req.HashAlgorithm.Size():
		return timestamp.CreateErrorResponse(timestamp.Rejection, timestamp.BadDataFormat)
	case req.TSAPolicyOID != nil && !req.TSAPolicyOID.Equal(tsaPolicy):
		return timestamp.CreateErrorResponse(timestamp.Rejection, timestamp.UnacceptedPolicy)
	case len(req.Extensions) > 0:
		return timestamp.CreateErrorResponse(timestamp.Rejection, timestamp.UnacceptedExtension)
	}
	ts := timestamp.Timestamp{
		HashAlgorithm:     req.HashAlgorithm,
		HashedMessage:     req.HashedMessage,
		Time:              p.now().UTC().Truncate(time.Second),
		Nonce:             req.Nonce,
		Policy:            tsaPolicy,
		AddTSACertificate: req.Certificates,
	}
	return ts.CreateResponseWithOpts(p.TSA, p.TSAKey, crypto.SHA256)
}

// hashAllowed reports whether h may make a message imprint: SHA-256, SHA-384 or SHA-512.
func hashAllowed(h crypto.Hash) bool {
	return h == crypto.SHA256 || h == crypto.SHA384 || h == crypto.SHA512
}

// TSAClient is an RFC 3161 time-stamping client over HTTP. It implements the TimeStamper interface
// of package asice.
type TSAClient struct {
	URL  string       // the time-stamping service, e.g. [PKI].TSAURL
	HTTP *http.Client // nil means http.DefaultClient
}

// TimeStamp returns the DER TimeStampToken (a CMS ContentInfo; the token alone, not the whole
// TimeStampResp) whose message imprint is digest, computed with h: SHA-256, SHA-384 or SHA-512.
// The request carries a random nonce and asks for the TSA's certificate in the token (certReq).
// TimeStamp fails unless the status is granted, the token's CMS signature verifies with the
// certificate in it, and the token's imprint and nonce are the ones sent. It does not check the
// TSA certificate's chain: that is the verifier's work.
func (c *TSAClient) TimeStamp(ctx context.Context, digest []byte, h crypto.Hash) ([]byte, error) {
	if !hashAllowed(h) || len(digest) != h.Size() {
		return nil, fmt.Errorf("asicetest: time-stamp: %d-byte digest with hash %v", len(digest), h)
	}
	nonce, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 64))
	if err != nil {
		return nil, fmt.Errorf("asicetest: time-stamp: %w", err)
	}
	req := timestamp.Request{HashAlgorithm: h, HashedMessage: digest, Certificates: true, Nonce: nonce}
	der, err := req.Marshal()
	if err != nil {
		return nil, fmt.Errorf("asicetest: time-stamp: %w", err)
	}
	reply, err := post(ctx, c.HTTP, c.URL, "application/timestamp-query", "application/timestamp-reply", der)
	if err != nil {
		return nil, fmt.Errorf("asicetest: time-stamp: %w", err)
	}
	var ts *timestamp.Timestamp
	berlock.Do(func() { ts, err = timestamp.ParseResponse(reply) }) // checks the status and, with certificates, the signature
	switch {
	case err != nil:
		return nil, fmt.Errorf("asicetest: time-stamp: %w", err)
	case len(ts.Certificates) == 0:
		err = errors.New("token has no certificate, so its signature was not checked")
	case ts.HashAlgorithm != h || !bytes.Equal(ts.HashedMessage, digest):
		err = errors.New("token's message imprint is not the digest sent")
	case ts.Nonce == nil || ts.Nonce.Cmp(nonce) != 0:
		err = errors.New("token's nonce is not the one sent")
	}
	if err != nil {
		return nil, fmt.Errorf("asicetest: time-stamp: %s: %w", c.URL, err)
	}
	return ts.RawToken, nil
}
