// Package pdfatest checks, with qpdf's reading of a PDF's structure and assertions of its own, what
// PDF/A-2b (ISO 19005-2, level B) asks of the SDK's documents — the checks veraPDF would make that
// can be made without it — so that every package producing a PDF (stamp/pdf's documents and the
// Documents other packages lay out: the application form, the vocational exam's protocol and
// statement) is held to the same assertions. qpdf is found through package tooltest: a test skips
// without it, and fails when KUTSE_REQUIRE_TOOLS=1.
package pdfatest

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/internal/tooltest"
)

// Doc is qpdf's reading of a PDF (qpdf --json, version 2).
type Doc struct {
	t       testing.TB
	qpdf    string
	path    string
	JSON    map[string]any            // qpdf's whole JSON
	Objects map[string]map[string]any // the objects by reference ("4 0 R") and "trailer"
}

// Read has qpdf read b.
func Read(t testing.TB, b []byte) *Doc {
	t.Helper()
	qpdf := tooltest.Need(t, "qpdf", "qpdf")
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out := tooltest.Output(t, qpdf, "--json", "--json-stream-data=none", path)
	d := &Doc{t: t, qpdf: qpdf, path: path, Objects: map[string]map[string]any{}}
	if err := json.Unmarshal([]byte(out), &d.JSON); err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	q, _ := d.JSON["qpdf"].([]any)
	if len(q) < 2 {
		t.Fatalf("qpdf --json: no objects")
	}
	for k, v := range q[1].(map[string]any) {
		d.Objects[strings.TrimPrefix(k, "obj:")], _ = v.(map[string]any)
	}
	return d
}

// Dict returns the dictionary of an object, a stream's too.
func Dict(o map[string]any) map[string]any {
	if s, ok := o["stream"].(map[string]any); ok {
		d, _ := s["dict"].(map[string]any)
		return d
	}
	d, _ := o["value"].(map[string]any)
	return d
}

// Stream returns the decoded data of the stream object ref ("4 0 R").
func (d *Doc) Stream(ref string) []byte {
	d.t.Helper()
	num := strings.Fields(ref)[0]
	out, err := exec.Command(d.qpdf, "--show-object="+num, "--filtered-stream-data", d.path).Output()
	if err != nil {
		d.t.Fatalf("qpdf --show-object=%s: %v", num, err)
	}
	return out
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

// Check checks the PDF b, named name in failures, against what PDF/A-2b asks of the SDK's
// documents: a PDF 1.7 header with a binary comment and %%EOF at the end; qpdf --check finds no
// error; a document ID of two equal 16-byte strings in the trailer; no encryption; one OutputIntent
// GTS_PDFA1 "sRGB IEC61966-2.1" with an embedded ICC profile of 3 components (equal to profile
// when it is not nil, else an RGB display profile whose header gives its true size); an
// unfiltered XMP Metadata stream, one xpacket of well-formed XML, with pdfaid:part 2,
// pdfaid:conformance B and the Info dictionary's title, author, subject, tool, producer and dates;
// every font embedded (FontFile2), CID fonts mapped by Identity; no JavaScript, actions other than
// URI, transparency or embedded files; links printable (F 4).
func Check(t testing.TB, name string, b []byte, profile []byte) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("%PDF-1.7\n%")) || len(b) < 15 || b[10] < 128 || b[11] < 128 || b[12] < 128 || b[13] < 128 {
		t.Errorf("%s: header %q: want %%PDF-1.7 and a comment of four bytes above 127", name, b[:min(len(b), 15)])
	}
	if !bytes.HasSuffix(b, []byte("%%EOF\n")) {
		t.Errorf("%s: does not end with %%%%EOF", name)
	}
	d := Read(t, b)
	if out, err := exec.Command(d.qpdf, "--check", d.path).CombinedOutput(); err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") {
		t.Errorf("%s: qpdf --check: %v\n%s", name, err, out)
	}
	if enc, _ := d.JSON["encrypt"].(map[string]any); enc["encrypted"] != false {
		t.Errorf("%s: encrypted: %v", name, enc)
	}
	trailer := Dict(d.Objects["trailer"])
	if _, ok := trailer["/Encrypt"]; ok {
		t.Errorf("%s: /Encrypt in the trailer", name)
	}
	id, _ := trailer["/ID"].([]any)
	if len(id) != 2 || id[0] != id[1] || len(strings.TrimPrefix(fmt.Sprint(id[0]), "b:")) != 32 {
		t.Errorf("%s: trailer /ID = %v; want two equal 16-byte strings", name, trailer["/ID"])
	}
	root, _ := trailer["/Root"].(string)
	infoRef, _ := trailer["/Info"].(string)
	catalog, info := Dict(d.Objects[root]), Dict(d.Objects[infoRef])
	if catalog == nil || info == nil {
		t.Fatalf("%s: no catalog or no Info dictionary: %v", name, trailer)
	}

	intents, _ := catalog["/OutputIntents"].([]any)
	if len(intents) != 1 {
		t.Fatalf("%s: OutputIntents = %v; want one", name, catalog["/OutputIntents"])
	}
	oi, _ := intents[0].(map[string]any)
	prof, _ := oi["/DestOutputProfile"].(string)
	if oi["/S"] != "/GTS_PDFA1" || oi["/OutputConditionIdentifier"] != "u:sRGB IEC61966-2.1" || prof == "" {
		t.Errorf("%s: OutputIntent %v", name, oi)
	} else {
		if n := Dict(d.Objects[prof])["/N"]; n != 3.0 {
			t.Errorf("%s: DestOutputProfile /N = %v; want 3", name, n)
		}
		got := d.Stream(prof)
		switch {
		case profile != nil && !bytes.Equal(got, profile):
			t.Errorf("%s: the embedded profile is not the sRGB profile (%d bytes)", name, len(got))
		case len(got) < 132 || int(got[0])<<24|int(got[1])<<16|int(got[2])<<8|int(got[3]) != len(got) ||
			string(got[36:40]) != "acsp" || string(got[12:24]) != "mntrRGB XYZ ":
			t.Errorf("%s: the embedded profile (%d bytes) is not an RGB display profile of its stated size", name, len(got))
		}
	}

	md, _ := catalog["/Metadata"].(string)
	mdDict := Dict(d.Objects[md])
	if md == "" || mdDict["/Type"] != "/Metadata" || mdDict["/Subtype"] != "/XML" || mdDict["/Filter"] != nil {
		t.Errorf("%s: Metadata %q %v; want an unfiltered /Type /Metadata /Subtype /XML stream", name, md, mdDict)
	} else {
		checkXMP(t, name, d.Stream(md), info)
	}

	fonts := 0
	for ref, o := range d.Objects {
		dd := Dict(o)
		if dd["/Type"] == "/FontDescriptor" {
			fonts++
			if ff, _ := dd["/FontFile2"].(string); ff == "" || Dict(d.Objects[ff])["/Length1"] == nil {
				t.Errorf("%s: font descriptor %s has no embedded FontFile2: %v", name, ref, dd)
			}
		}
		if dd["/Type"] == "/Font" && dd["/Subtype"] == "/Type0" {
			df, _ := dd["/DescendantFonts"].([]any)
			var desc map[string]any
			if len(df) == 1 {
				ref, _ := df[0].(string)
				desc = Dict(d.Objects[ref])
			}
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
	walk(d.JSON["qpdf"], func(k string, v any) {
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

var xmpPacket = regexp.MustCompile(`(?s)^<\?xpacket begin="\x{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"\?>.*<\?xpacket end="w"\?>$`)

// checkXMP checks the XMP packet: well-formed, PDF/A-2b identification, and the same values as
// the Info dictionary (ISO 19005-2 § 6.6.2.1, 6.6.3).
func checkXMP(t testing.TB, name string, x []byte, info map[string]any) {
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
		if values[k] != v || v == "" && (k == "title" || k == "part" || k == "CreateDate") {
			t.Errorf("%s: XMP %s = %q; want %q (as the Info dictionary)", name, k, values[k], v)
		}
	}
}

// xmpDate converts a PDF date, D:20250324143800+02'00', to XMP's 2025-03-24T14:38:00+02:00.
func xmpDate(t testing.TB, d string) string {
	t.Helper()
	tm, err := time.Parse("D:20060102150405-07'00'", d)
	if err != nil {
		t.Errorf("PDF date %q: %v", d, err)
		return ""
	}
	return tm.Format(time.RFC3339)
}
