package web_test

import (
	"bytes"
	"context"
	"flag"
	"image"
	"image/png"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/certificate/web"
	"github.com/kutsekit/kutse/internal/tooltest"
)

var keep = flag.String("keep", "", "a folder to keep the browser tests' screenshots in (go test -args -keep DIR)")

// chromium runs Debian's headless Chromium on url with the extra flags given (a throw-away profile,
// no sandbox as the tests may run as root, no GPU, no network but the loopback server) and returns
// what it wrote to standard output and standard error.
func chromium(t *testing.T, bin, url string, flags ...string) (stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 90*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
		"--user-data-dir=" + filepath.Join(t.TempDir(), "profile")}, flags...)
	cmd := exec.CommandContext(ctx, bin, append(args, url)...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s%s", url, err, o.String(), e.String())
	}
	return o.String(), e.String()
}

// rgb is a colour of the page's style sheet.
type rgb struct{ r, g, b uint8 }

// share returns the share of the image's pixels within a small distance of c.
func share(img image.Image, c rgb) float64 {
	b := img.Bounds()
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if near(uint8(r>>8), c.r) && near(uint8(g>>8), c.g) && near(uint8(bl>>8), c.b) {
				n++
			}
		}
	}
	return float64(n) / float64(b.Dx()*b.Dy())
}

func near(a, b uint8) bool { return a-b < 4 || b-a < 4 }

var (
	headBg    = rgb{0x0b, 0x2f, 0x55} // --head-bg
	validBg   = rgb{0xe5, 0xf3, 0xea} // --valid-bg
	invalidBg = rgb{0xfb, 0xe9, 0xe9} // --invalid-bg
	panelBg   = rgb{0xf3, 0xf5, 0xf7} // --panel-bg
)

// TestBrowser_CERT05_CERT06_CERT04 loads the page the QR codes point to in a real browser (headless
// Chromium from Debian) from a loopback server, in Estonian and English (by the browser's
// Accept-Language and by the page's switch), for a valid certificate (CERT-05, CERT-06), an expired
// one, a hidden one (not found, CERT-04), a malformed number and the lookup form, on a desktop and a
// phone-sized window. Each screenshot is a real PNG of the window's size in which the style sheet
// took effect under the Content-Security-Policy (the header's, the status box's colours cover their
// areas), with no CSP violation reported; the page's DOM as the browser parsed it has the language
// negotiated. The screenshots are written to the test's output folder (kept with -args -keep DIR)
// and their paths logged: look at them.
func TestBrowser_CERT05_CERT06_CERT04(t *testing.T) {
	bin := tooltest.Need(t, "chromium", "chromium")
	f := newFixture(t, web.Config{Name: web.Text{Et: "Kutseregister", En: "Occupational Qualifications Register"}})
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	dir := t.TempDir()
	if *keep != "" {
		dir = *keep
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	et, en := "--accept-lang=et-EE,et", "--accept-lang=en-GB,en"
	for _, s := range []struct {
		name, path, lang string
		w, h             int
		colours          map[rgb]float64 // colour → the least share of the picture it covers
	}{
		{"204580-et", "/cert/204580", et, 1000, 1150, map[rgb]float64{headBg: 0.03, validBg: 0.05, panelBg: 0.05}},
		{"204580-en", "/cert/204580", en, 1000, 1150, map[rgb]float64{headBg: 0.03, validBg: 0.05, panelBg: 0.05}},
		{"204580-phone-et", "/cert/204580", et, 390, 1300, map[rgb]float64{headBg: 0.03, validBg: 0.05}},
		{"OT011089-et", "/cert/OT011089", et, 1000, 900, map[rgb]float64{headBg: 0.03, invalidBg: 0.04}},
		{"OT011089-en", "/cert/OT011089?lang=en", et, 1000, 900, map[rgb]float64{headBg: 0.03, invalidBg: 0.04}},
		{"hidden-not-found-et", "/cert/E015992", et, 1000, 700, map[rgb]float64{headBg: 0.04, panelBg: 0.05}},
		{"not-found-en", "/cert/999999", en, 1000, 700, map[rgb]float64{headBg: 0.04, panelBg: 0.05}},
		{"bad-number-et", "/cert/abc", et, 1000, 700, map[rgb]float64{headBg: 0.04, panelBg: 0.05}},
		{"index-en", "/cert/", en, 1000, 600, map[rgb]float64{headBg: 0.05, panelBg: 0.05}},
	} {
		path, logs := screenshot(t, bin, dir, s.name, srv.URL+s.path, s.lang, s.w, s.h)
		t.Logf("screenshot %s: %s", s.name, path)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s is not a PNG: %v", path, err)
		}
		if img.Bounds().Dx() != s.w || img.Bounds().Dy() != s.h {
			t.Errorf("%s is %v; want %d×%d", path, img.Bounds(), s.w, s.h)
		}
		for c, least := range s.colours {
			if got := share(img, c); got < least {
				t.Errorf("%s: colour %02x%02x%02x covers %.3f of the picture; want at least %.3f (was the style sheet applied?)", s.name, c.r, c.g, c.b, got, least)
			}
		}
		if strings.Contains(logs, "Content Security Policy") || strings.Contains(logs, "Refused to") {
			t.Errorf("%s: the browser reports a CSP violation:\n%s", s.name, logs)
		}
	}
	for _, tt := range []struct{ path, lang, want string }{
		{"/cert/204580", et, `<html lang="et">`},
		{"/cert/204580", en, `<html lang="en">`},
		{"/cert/204580?lang=et", en, `<html lang="et">`},
	} {
		dom, _ := chromium(t, bin, srv.URL+tt.path, tt.lang, "--dump-dom")
		if !strings.Contains(dom, tt.want) || !strings.Contains(dom, "204580") {
			t.Errorf("%s with %s: the browser's DOM lacks %s:\n%s", tt.path, tt.lang, tt.want, dom)
		}
	}
}

// screenshot saves the browser's picture of url in dir/name.png and returns its path and the
// browser's log.
func screenshot(t *testing.T, bin, dir, name, url, lang string, w, h int) (string, string) {
	t.Helper()
	path := filepath.Join(dir, name+".png")
	os.Remove(path)
	_, logs := chromium(t, bin, url, lang, "--enable-logging=stderr", "--v=0",
		"--screenshot="+path, "--window-size="+strconv.Itoa(w)+","+strconv.Itoa(h))
	return path, logs
}
