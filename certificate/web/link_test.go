package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kutsekit/kutse/actor"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/certificate/web"
	"github.com/kutsekit/kutse/internal/sample"
	"github.com/kutsekit/kutse/internal/tooltest"
	"github.com/kutsekit/kutse/stamp"
)

// qrLinks renders a PDF's pages (pdftoppm, 150 dpi) and returns what the QR codes on them read
// (zbarimg), as a person's phone would.
func qrLinks(t *testing.T, name string, pdf []byte) []string {
	t.Helper()
	pdftoppm := tooltest.Need(t, "pdftoppm", "poppler-utils")
	zbarimg := tooltest.Need(t, "zbarimg", "zbar-tools")
	dir := t.TempDir()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	tooltest.Output(t, pdftoppm, "-r", "150", "-png", p, filepath.Join(dir, "page"))
	pngs, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	var links []string
	for _, png := range pngs {
		out := tooltest.Output(t, zbarimg, "-q", "--raw", "-Sdisable", "-Sqrcode.enable", png)
		links = append(links, strings.Fields(out)...)
	}
	return links
}

// fetch GETs url from the loopback server.
func fetch(t *testing.T, url, accept string) (int, string) {
	t.Helper()
	req, _ := http.NewRequestWithContext(t.Context(), "GET", url, nil)
	req.Header.Set("Accept", accept)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// TestStampLink_CERT05_CERT06_CERT04 proves that the links in the stamp's and the reprint's PDFs point
// to pages this handler serves: it makes a digital stamp (CERT-06) and a reprint (CERT-05) with a
// base URL on a loopback server, under a path prefix the host strips, reads every QR code of every
// PDF as a phone would, and requests what they read. The public certificate's links show its entry;
// the hidden certificate's stamp links by its token and shows its entry there, while its number
// stays not found (CERT-04).
func TestStampLink_CERT05_CERT06_CERT04(t *testing.T) {
	f := newFixture(t, web.Config{})
	key, chain, err := stamp.TestSeal(now())
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	svc, err := stamp.NewService(f.st, stamp.Config{BaseURL: srv.URL + "/kutseregister/", Key: key, Chain: chain, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	h, err := web.New(web.Config{Certificates: f.reg, Stamps: svc})
	if err != nil {
		t.Fatal(err)
	}
	mux.Handle("/kutseregister/", http.StripPrefix("/kutseregister", h))
	owner := actor.OwnerOf(sample.Holder())

	for _, tt := range []struct {
		no, title string
		hidden    bool
	}{{"204580", "Sõiduautodiagnostik, tase 5", false}, {"E015992", "Lapsehoidja, tase 4", true}} {
		res, err := svc.Stamp(t.Context(), owner, certificate.Number(tt.no))
		if err != nil {
			t.Fatal(err)
		}
		if tt.hidden != strings.Contains(res.URL, "/cert/t/") {
			t.Errorf("%s: stamp link %s", tt.no, res.URL)
		}
		var links []string
		for _, file := range res.Files {
			links = append(links, qrLinks(t, file.Name, file.Data)...)
		}
		if len(links) != 4 { // Tunnistus, Certificate, and two on Deklaratsioon
			t.Fatalf("%s: %d QR codes read: %q", tt.no, len(links), links)
		}
		for _, link := range links {
			if link != res.URL {
				t.Errorf("%s: a QR code reads %q; the stamp's link is %q", tt.no, link, res.URL)
			}
			code, body := fetch(t, link, "")
			if code != 200 || !strings.Contains(body, tt.title) || !strings.Contains(body, "Kehtiv seisuga 22.11.2026") {
				t.Errorf("GET %s = %d\n%s", link, code, body)
			}
			code, body = fetch(t, link, "application/json")
			var e web.Entry
			if err := json.Unmarshal([]byte(body), &e); code != 200 || err != nil || e.Number != tt.no || !e.Valid {
				t.Errorf("GET %s (JSON) = %d %+v %v", link, code, e, err)
			}
		}
		if tt.hidden {
			if code, _ := fetch(t, srv.URL+"/kutseregister/cert/"+tt.no, ""); code != http.StatusNotFound {
				t.Errorf("the hidden certificate's number = %d; want 404 (CERT-04)", code)
			}
		}
	}

	pdf, err := svc.Reprint(t.Context(), owner, "204580")
	if err != nil {
		t.Fatal(err)
	}
	links := qrLinks(t, "Tunnistus.pdf", pdf)
	if len(links) != 1 {
		t.Fatalf("reprint: %d QR codes read: %q", len(links), links)
	}
	for _, link := range links {
		if code, body := fetch(t, link, ""); code != 200 || !strings.Contains(body, "<h1>Kutsetunnistus 204580</h1>") {
			t.Errorf("reprint link %s = %d", link, code)
		}
	}
}
