package pdf_test

import (
	"encoding/hex"
	"fmt"
	"math"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/internal/pdfatest"
	"github.com/kutsekit/kutse/internal/tooltest"
	"github.com/kutsekit/kutse/stamp/pdf"
)

// TestPDFA2b_CERT06 checks, with qpdf's reading of every document's structure and the assertions of
// package internal/pdfatest, what PDF/A-2b (ISO 19005-2, level B) asks of these documents, the checks
// veraPDF would make that can be made without it: a PDF 1.7 header with a binary comment; a document
// ID in the trailer; no encryption; an OutputIntent GTS_PDFA1 with the embedded sRGB ICC profile (3
// components); an unfiltered XMP Metadata stream that is well-formed XML with pdfaid:part 2,
// pdfaid:conformance B and the Info dictionary's title, author, subject, tool, producer and dates;
// every font embedded (FontFile2); no JavaScript, actions other than URI, or transparency; links
// printable (F 4). The same assertions hold the Documents of TestDocumentPDFA2b and of the packages
// that lay theirs out (application, exam/vocational).
func TestPDFA2b_CERT06(t *testing.T) {
	for _, c := range []certificate.Certificate{sample(), long()} {
		for _, d := range docs {
			pdfatest.Check(t, fmt.Sprintf("%s (%d competences)", d.name, len(c.Competences)), render(t, d, c, sampleURL), pdf.SRGB())
		}
	}
}

// TestSRGBProfile checks the output intent's ICC profile: an sRGB display profile of ICC version
// 2.1 whose header gives its true size, and which Little CMS (transicc) reads and converts colours
// through as through its own built-in sRGB: within 0.1 of L*a*b* for the primaries, white, black,
// greys and mixed colours.
func TestSRGBProfile(t *testing.T) {
	p := pdf.SRGB()
	if len(p) < 132 || int(p[0])<<24|int(p[1])<<16|int(p[2])<<8|int(p[3]) != len(p) || string(p[36:40]) != "acsp" ||
		string(p[12:24]) != "mntrRGB XYZ " || p[8] != 2 || p[9] != 0x10 || len(p)%4 != 0 {
		t.Fatalf("profile header: %s", hex.EncodeToString(p[:min(len(p), 128)]))
	}
	transicc := tooltest.Need(t, "transicc", "liblcms2-utils")
	path := writeTemp(t, "sRGB.icc", p)
	colours := "255 0 0\n0 255 0\n0 0 255\n255 255 255\n0 0 0\n128 128 128\n10 10 10\n200 150 30\n17 200 240\n"
	lab := func(profile string) [][3]float64 {
		cmd := exec.Command(transicc, "-t1", "-i", profile, "-o", "*Lab", "-n")
		cmd.Stdin = strings.NewReader(colours)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("transicc -i %s: %v\n%s", profile, err, out)
		}
		var vs [][3]float64
		for _, line := range strings.Split(string(out), "\n") {
			f := strings.Fields(line)
			if len(f) != 3 {
				continue
			}
			var v [3]float64
			for i := range f {
				v[i], err = strconv.ParseFloat(f[i], 64)
				if err != nil {
					t.Fatalf("transicc output %q", line)
				}
			}
			vs = append(vs, v)
		}
		return vs
	}
	got, want := lab(path), lab("*sRGB")
	if len(got) != 9 || len(want) != 9 {
		t.Fatalf("transicc gave %d and %d colours; want 9:\n%v\n%v", len(got), len(want), got, want)
	}
	for i := range got {
		for k := range 3 {
			if math.Abs(got[i][k]-want[i][k]) > 0.1 {
				t.Errorf("colour %d: L*a*b* %v through the profile, %v through Little CMS's sRGB", i, got[i], want[i])
				break
			}
		}
	}
}
