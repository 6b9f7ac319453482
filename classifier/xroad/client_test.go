package xroad_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/classifier/xroad"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/isikukood"
)

// securityServer is a stand-in for the host's security server and the register behind it: it reads
// each request's envelope, records it, and answers with what answer returns for the service code.
type securityServer struct {
	mu      sync.Mutex
	got     []xroad.Header
	answer  func(h xroad.Header, body []byte) (status int, resp any, raw string)
	decoded []any
}

func (s *securityServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if r.Method != http.MethodPost || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/xml") {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	h, err := xroad.DecodeEnvelope(bytes.NewReader(body), nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.got = append(s.got, h)
	s.mu.Unlock()
	status, resp, raw := s.answer(h, body)
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(status)
	if raw != "" {
		io.WriteString(w, raw)
		return
	}
	xroad.EncodeEnvelope(w, h, resp)
}

func newClient(t *testing.T, s *securityServer) *xroad.Client {
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return &xroad.Client{URL: srv.URL, HTTP: srv.Client(), Member: xroad.ClientID{Instance: "EE", Class: "NGO", Code: "80000001", Subsystem: "kutseandja"}}
}

var official = isikukood.MustParse("38001085718")

// TestClientCalls: each call posts the service's request with the X-Road header (client, service and
// version, a fresh id, the official's personal code as userId) and maps the answer.
func TestClientCalls(t *testing.T) {
	s := &securityServer{}
	s.answer = func(h xroad.Header, body []byte) (int, any, string) {
		switch h.Service.Service {
		case "kutsetunnistus":
			rec, _ := xroad.FromCertificate(sample.Certificate204580())
			one := 1
			return 200, &xroad.Response{Kutsetunnistused: &xroad.Certificates{Kutsetunnistus: []xroad.Record{rec}}, Kirjeid: &one}, ""
		case "kutsetunnistuseLisamine":
			if !bytes.Contains(body, []byte("<asutus>80000001</asutus>")) {
				return 200, &xroad.AddResponse{Outcome: xroad.Outcome{Vigadearv: "1", Vead: &xroad.Vead{Viga: []xroad.Viga{{Teade: "asutus puudub"}}}}}, ""
			}
			return 200, &xroad.AddResponse{Outcome: xroad.Outcome{Vigadearv: "0"}}, ""
		case "kutsetunnistuseDuplikaat":
			return 200, &xroad.DuplicateResponse{Outcome: xroad.Outcome{Vigadearv: "1", Vead: &xroad.Vead{Viga: []xroad.Viga{{Element: "registrinumber", Teade: "Tunnistust ei leitud"}}}}}, ""
		case "muutunudKutsestandardid":
			v := diagnostician()
			return 200, &xroad.ChangedStandardsResponse{Kutsestandardid: &xroad.ChangedStandards{Kutsestandard: []xroad.ChangedStandard{xroad.ChangedStandardOf(&v)}}}, ""
		case "kutseAndjaInfo":
			b := aau()
			r := xroad.BodyInfoResponseOf(&b)
			return 200, &r, ""
		}
		return 500, nil, "no such service"
	}
	c := newClient(t, s)
	ctx := t.Context()
	body := actor.Actor{Role: actor.AwardingBody, Org: "80000001", Person: official}
	resp, err := c.Search(ctx, body, xroad.SearchRequest{Registrinumber: "204580"})
	if err != nil || len(resp.Kutsetunnistused.Kutsetunnistus) != 1 {
		t.Fatalf("Search = %+v, %v", resp, err)
	}
	if cert, err := xroad.ToCertificate(resp.Kutsetunnistused.Kutsetunnistus[0]); err != nil || cert.Number != "204580" {
		t.Errorf("the record: %+v, %v", cert, err)
	}
	cert := sample.Certificate204580()
	v, b := diagnostician(), aau()
	add, err := xroad.NewAddRequest(&cert, &v, &b, 11100001)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddCertificate(ctx, body, add); err != nil {
		t.Errorf("AddCertificate: %v", err)
	}
	dup := xroad.DuplicateRequest{Registrinumber: "204580", Tyyp: "1", Pohjus: "1"}
	err = c.RequestDuplicate(ctx, body, dup)
	var re *xroad.RegisterError
	if !errors.As(err, &re) || re.Errors[0].Element != "registrinumber" || !strings.Contains(err.Error(), "Tunnistust ei leitud") {
		t.Errorf("RequestDuplicate = %v; want the register's refusal", err)
	}
	vs, err := c.ChangedStandards(ctx, body, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || len(vs) != 1 || vs[0].ID != v.ID {
		t.Errorf("ChangedStandards = %+v, %v", vs, err)
	}
	info, err := c.AwardingBodyInfo(ctx, body, "80000001")
	if err != nil || info.Name != "Autonoomse Arenduse Ühing" || len(info.Awards) != 1 || info.Code != "80000001" {
		t.Errorf("AwardingBodyInfo = %+v, %v", info, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.got) != 5 {
		t.Fatalf("the server got %d calls", len(s.got))
	}
	for i, want := range []struct{ code, version string }{{"kutsetunnistus", "v2"}, {"kutsetunnistuseLisamine", "v1"},
		{"kutsetunnistuseDuplikaat", "v1"}, {"muutunudKutsestandardid", "v1"}, {"kutseAndjaInfo", "v1"}} {
		h := s.got[i]
		if h.Service.Service != want.code || h.Service.Version != want.version || h.Client.Code != "80000001" ||
			h.UserID != "EE38001085718" || h.ID == "" || h.ProtocolVersion != "4.0" {
			t.Errorf("call %d header = %+v", i, h)
		}
		if i > 0 && h.ID == s.got[i-1].ID {
			t.Errorf("call %d reused the id %s", i, h.ID)
		}
	}
}

// TestClientFailures: SOAP faults become typed errors, other HTTP failures an *HTTPError, an answer
// longer than MaxResponse ErrTooLarge, an answer that does not echo the id ErrMessage, and the
// context's deadline ends a call that hangs.
func TestClientFailures(t *testing.T) {
	fault := `<?xml version="1.0"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body>
		<SOAP-ENV:Fault><faultcode>Server.ServerProxy.AccessDenied</faultcode><faultstring>Juurdepääs keelatud</faultstring></SOAP-ENV:Fault>
		</SOAP-ENV:Body></SOAP-ENV:Envelope>`
	var modeV atomic.Value
	modeV.Store("")
	release := make(chan struct{})
	s := &securityServer{answer: func(h xroad.Header, body []byte) (int, any, string) {
		switch modeV.Load().(string) {
		case "fault":
			return 500, nil, fault
		case "503":
			return 503, nil, "hoolduskatkestus"
		case "big":
			return 200, nil, strings.Repeat(" ", 4096)
		case "wrong id":
			h.ID = "other"
			var b bytes.Buffer
			xroad.EncodeEnvelope(&b, h, &xroad.BodyInfoResponse{Vigadearv: "0"})
			return 200, nil, b.String()
		case "hang":
			<-release
		}
		return 200, &xroad.BodyInfoResponse{Vigadearv: "0"}, ""
	}}
	c := newClient(t, s)
	defer close(release)
	a := actor.Body("80000001")
	modeV.Store("fault")
	_, err := c.AwardingBodyInfo(t.Context(), a, "80000001")
	var f *xroad.Fault
	if !errors.As(err, &f) || f.Code != "Server.ServerProxy.AccessDenied" || !errors.Is(err, xroad.ErrFault) {
		t.Errorf("fault: %v", err)
	}
	modeV.Store("503")
	var he *xroad.HTTPError
	if _, err := c.AwardingBodyInfo(t.Context(), a, "80000001"); !errors.As(err, &he) || he.Status != 503 {
		t.Errorf("503: %v", err)
	}
	modeV.Store("big")
	c.MaxResponse = 1024
	if _, err := c.AwardingBodyInfo(t.Context(), a, "80000001"); !errors.Is(err, xroad.ErrTooLarge) {
		t.Errorf("big: %v", err)
	}
	c.MaxResponse = 0
	modeV.Store("wrong id")
	if _, err := c.AwardingBodyInfo(t.Context(), a, "80000001"); !errors.Is(err, xroad.ErrMessage) {
		t.Errorf("wrong id: %v", err)
	}
	modeV.Store("hang")
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := c.AwardingBodyInfo(ctx, a, "80000001"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("hang: %v; want the context's deadline", err)
	}
	c.Timeout = 100 * time.Millisecond
	if _, err := c.AwardingBodyInfo(context.Background(), a, "80000001"); !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
		t.Errorf("Timeout: %v", err)
	}
	if err := c.AddCertificate(t.Context(), actor.Anonymous(), xroad.AddRequest{}); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("the public adding a certificate: %v", err)
	}
	if err := c.RequestDuplicate(t.Context(), actor.OwnerOf(official), xroad.DuplicateRequest{}); !errors.Is(err, actor.ErrForbidden) {
		t.Errorf("an owner asking the register directly: %v", err)
	}
	if _, err := (&xroad.Client{}).AwardingBodyInfo(t.Context(), a, "x"); err == nil {
		t.Error("a client without a URL called")
	}
}
