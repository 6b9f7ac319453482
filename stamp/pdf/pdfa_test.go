package pdf_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/internal/tooltest"
	"github.com/kutsekit/kutse/stamp/pdf"
)

// qpdfJSON returns qpdf's JSON (version 2) of a PDF: the objects by "obj:N 0 R", the trailer, and
// qpdf's own reading of the encryption.
func qpdfJSON(t *testing.T, qpdf string, b []byte) map[string]any {
	t.Helper()
	out := tooltest.Output(t, qpdf, "--json", "--json-stream-data=none", writeTemp(t, "doc.pdf", b))
	var j map[string]any
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	return j
}

// objects returns qpdf's objects of j by their reference ("4 0 R", "trailer").
func objects(j map[string]any) map[string]map[string]any {
	out := map[string]map[string]any{}
	q := j["qpdf"].([]any)
	for k, v := range q[1].(map[string]any) {
		out[strings.TrimPrefix(k, "obj:")] = v.(map[string]any)
	}
	return out
}

// dict returns the dictionary of an object, a stream's too.
func dict(o map[string]any) map[string]any {
	if s, ok := o["stream"].(map[string]any); ok {
		return s["dict"].(map[string]any)
	}
	d, _ := o["value"].(map[string]any)
	return d
}

// walk calls f on every dictionary key anywhere in v.
func walk(v any, f func(key string, val any)) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			f(k, e)
			walk(e, f)
		}
	case []any:
		for _, e := range x {
			walk(e, f)
		}
	}
}

// streamData returns the decoded data of object ref.
func streamData(t *testing.T, qpdf string, b []byte, ref string) []byte {
	t.Helper()
	num := strings.Fields(ref)[0]
	cmd := exec.Command(qpdf, "--show-object="+num, "--filtered-stream-data", writeTemp(t, "doc.pdf", b))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("qpdf --show-object=%s: %v", num, err)
	}
	return out
}

// TestPDFA2b_CERT06 checks, with qpdf's reading of every document's structure and assertions of our
// own, what PDF/A-2b (ISO 19005-2, level B) asks of these documents, the checks veraPDF would make
// that can be made without it: a PDF 1.7 header with a binary comment; a document ID in the
// trailer; no encryption; an OutputIntent GTS_PDFA1 with an embedded sRGB ICC profile (3
// components); an unfiltered XMP Metadata stream that is well-formed XML with pdfaid:part 2,
// pdfaid:conformance B and the Info dictionary's title, author, subject, tool, producer and dates;
// every font embedded (FontFile2); no JavaScript, actions other than URI, or transparency; links
// printable (F 4).
func TestPDFA2b_CERT06(t *testing.T) {
	qpdf := tooltest.Need(t, "qpdf", "qpdf")
	for _, c := range []certificate.Certificate{sample(), long()} {
		for _, d := range docs {
			b := render(t, d, c, sampleURL)
			name := fmt.Sprintf("%s (%d competences)", d.name, len(c.Competences))
			if !bytes.HasPrefix(b, []byte("%PDF-1.7\n%")) || len(b) < 15 || b[10] < 128 || b[11] < 128 || b[12] < 128 || b[13] < 128 {
				t.Errorf("%s: header %q: want %%PDF-1.7 and a comment of four bytes above 127", name, b[:min(len(b), 15)])
			}
			if !bytes.HasSuffix(b, []byte("%%EOF\n")) {
				t.Errorf("%s: does not end with %%%%EOF", name)
			}
			j := qpdfJSON(t, qpdf, b)
			if enc := j["encrypt"].(map[string]any); enc["encrypted"] != false {
				t.Errorf("%s: encrypted: %v", name, enc)
			}
			objs := objects(j)
			trailer := dict(objs["trailer"])
			if _, ok := trailer["/Encrypt"]; ok {
				t.Errorf("%s: /Encrypt in the trailer", name)
			}
			id, _ := trailer["/ID"].([]any)
			if len(id) != 2 || id[0] != id[1] || len(strings.TrimPrefix(fmt.Sprint(id[0]), "b:")) != 32 {
				t.Errorf("%s: trailer /ID = %v; want two equal 16-byte strings", name, trailer["/ID"])
			}
			catalog := dict(objs[trailer["/Root"].(string)])
			info := dict(objs[trailer["/Info"].(string)])

			intents, _ := catalog["/OutputIntents"].([]any)
			if len(intents) != 1 {
				t.Fatalf("%s: OutputIntents = %v; want one", name, catalog["/OutputIntents"])
			}
			oi := intents[0].(map[string]any)
			prof, _ := oi["/DestOutputProfile"].(string)
			if oi["/S"] != "/GTS_PDFA1" || oi["/OutputConditionIdentifier"] != "u:sRGB IEC61966-2.1" || prof == "" {
				t.Errorf("%s: OutputIntent %v", name, oi)
			} else {
				if n := dict(objs[prof])["/N"]; n != 3.0 {
					t.Errorf("%s: DestOutputProfile /N = %v; want 3", name, n)
				}
				if got := streamData(t, qpdf, b, prof); !bytes.Equal(got, pdf.SRGB()) {
					t.Errorf("%s: the embedded profile is not the sRGB profile (%d bytes)", name, len(got))
				}
			}

			md, _ := catalog["/Metadata"].(string)
			mdDict := dict(objs[md])
			if md == "" || mdDict["/Type"] != "/Metadata" || mdDict["/Subtype"] != "/XML" || mdDict["/Filter"] != nil {
				t.Errorf("%s: Metadata %q %v; want an unfiltered /Type /Metadata /Subtype /XML stream", name, md, mdDict)
			} else {
				checkXMP(t, name, streamData(t, qpdf, b, md), info)
			}

			fonts := 0
			for ref, o := range objs {
				dd := dict(o)
				if dd["/Type"] == "/FontDescriptor" {
					fonts++
					if ff, _ := dd["/FontFile2"].(string); ff == "" || dict(objs[ff])["/Length1"] == nil {
						t.Errorf("%s: font descriptor %s has no embedded FontFile2: %v", name, ref, dd)
					}
				}
				if dd["/Type"] == "/Font" && dd["/Subtype"] == "/Type0" {
					desc := dict(objs[dd["/DescendantFonts"].([]any)[0].(string)])
					if desc["/FontDescriptor"] == nil || desc["/CIDToGIDMap"] != "/Identity" {
						t.Errorf("%s: font %s: descendant %v", name, ref, desc)
					}
				}
				if dd["/Subtype"] == "/Link" && dd["/F"] != 4.0 {
					t.Errorf("%s: link %s without the Print flag: %v", name, ref, dd)
				}
			}
			if fonts == 0 {
				t.Errorf("%s: no font descriptors", name)
			}
			walk(j["qpdf"], func(k string, v any) {
				switch k {
				case "/JS", "/JavaScript", "/AA", "/OpenAction", "/Launch", "/SMask", "/CA", "/ca", "/BM", "/Group", "/EmbeddedFiles", "/Encrypt":
					t.Errorf("%s: %s %v: not allowed in PDF/A-2b here", name, k, v)
				case "/S":
					if v != "/URI" && v != "/GTS_PDFA1" {
						t.Errorf("%s: action or intent /S %v", name, v)
					}
				}
			})
		}
	}
}

var xmpPacket = regexp.MustCompile(`(?s)^<\?xpacket begin="\x{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"\?>.*<\?xpacket end="w"\?>$`)

// checkXMP checks the XMP packet: well-formed, PDF/A-2b identification, and the same values as
// the Info dictionary (ISO 19005-2 § 6.6.2.1, 6.6.3).
func checkXMP(t *testing.T, name string, x []byte, info map[string]any) {
	t.Helper()
	if !xmpPacket.Match(x) {
		t.Errorf("%s: XMP is not one xpacket with the byte order mark: %.80q", name, x)
	}
	dec := xml.NewDecoder(bytes.NewReader(x))
	values := map[string]string{}
	var path []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: XMP is not well-formed XML: %v", name, err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			path = append(path, tk.Name.Local)
		case xml.EndElement:
			path = path[:len(path)-1]
		case xml.CharData:
			if s := strings.TrimSpace(string(tk)); s != "" && len(path) > 0 {
				k := path[len(path)-1]
				if k == "li" && len(path) >= 3 {
					k = path[len(path)-3]
				}
				values[k] = s
			}
		}
	}
	str := func(k string) string { s, _ := info[k].(string); return strings.TrimPrefix(s, "u:") }
	want := map[string]string{
		"part": "2", "conformance": "B", "format": "application/pdf",
		"title": str("/Title"), "creator": str("/Author"), "description": str("/Subject"),
		"CreatorTool": str("/Creator"), "Producer": str("/Producer"),
		"CreateDate": xmpDate(t, str("/CreationDate")), "ModifyDate": xmpDate(t, str("/ModDate")),
	}
	for k, v := range want {
		if values[k] != v || v == "" {
			t.Errorf("%s: XMP %s = %q; want %q (as the Info dictionary)", name, k, values[k], v)
		}
	}
}

// xmpDate converts a PDF date, D:20250324143800+02'00', to XMP's 2025-03-24T14:38:00+02:00.
func xmpDate(t *testing.T, d string) string {
	t.Helper()
	tm, err := time.Parse("D:20060102150405-07'00'", d)
	if err != nil {
		t.Errorf("PDF date %q: %v", d, err)
		return ""
	}
	return tm.Format(time.RFC3339)
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
