package asicetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
)

const (
	maxRequest  = 64 << 10 // bytes of a request body the servers read
	maxResponse = 1 << 20  // bytes of a response body the clients read
)

// serve answers a POST of a DER request with respond's DER reply, of type replyType. respond gets
// the request's media type and body. A body over maxRequest gets HTTP 413.
func serve(w http.ResponseWriter, r *http.Request, replyType string, respond func(mediaType string, body []byte) ([]byte, error)) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "asicetest: only POST is served", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequest))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			http.Error(w, "asicetest: request too large", http.StatusRequestEntityTooLarge)
		} else {
			http.Error(w, "asicetest: reading request: "+err.Error(), http.StatusBadRequest)
		}
		return
	}
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	reply, err := respond(mediaType, body)
	if err != nil {
		http.Error(w, "asicetest: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", replyType)
	w.Write(reply)
}

// post sends body of type reqType to url and returns the reply, which must be HTTP 200 of type
// replyType and at most maxResponse bytes. A nil hc means http.DefaultClient.
func post(ctx context.Context, hc *http.Client, url, reqType, replyType string, body []byte) ([]byte, error) {
	if hc == nil {
		hc = http.DefaultClient
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", reqType)
	req.Header.Set("Accept", replyType)
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: HTTP %s", url, resp.Status)
	}
	if mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); mt != replyType {
		return nil, fmt.Errorf("%s: reply of type %q; want %s", url, mt, replyType)
	}
	reply, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", url, err)
	}
	if len(reply) > maxResponse {
		return nil, fmt.Errorf("%s: reply over %d bytes", url, maxResponse)
	}
	return reply, nil
}
