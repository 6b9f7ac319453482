package asice_test

import (
	"archive/zip"
	"bytes"
	"crypto/x509"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"hash/crc32"
	"io"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/kutsekit/kutse/stamp/asice"
	"github.com/kutsekit/kutse/stamp/asice/asicetest"
)

// The reference samples (shared/testdata/asice/SOURCES.md): digidoc4j's LT signatures with
// exclusive c14n and ECDSA P-384, an xmlsec1-made B signature with c14n 1.1, and libdigidocpp's
// key-substitution forgery.
func TestVerify_samples(t *testing.T) {
	cases := []struct {
		file    string
		valid   bool
		profile asice.Profile
		files   []string
		signer  string
		problem string // in Problems when invalid
	}{
		{"valid-asice-esteid2018.asice", true, asice.ProfileLT, []string{"test.txt"}, "JÕEORG", ""},
		{"space-in-datafile-name-percent-encoded-in-signature.asice", true, asice.ProfileLT, []string{"Faili nimi.txt"}, "JÕEORG", ""},
		{"synthetic/kutsekoda-b-synthetic.asice", true, asice.ProfileB, []string{"Tunnistus.pdf", "Certificate.pdf", "Deklaratsioon.pdf"}, "Sihtasutus Kutsekoda (TEST self-signed)", ""},
		// The first KeyInfo certificate (MÖLDER) is the one SigningCertificate names, but the
		// SignatureValue was made by the third (THOMPSON).
		{"invalid-forged_lt.asice", false, asice.ProfileLT, []string{"example-for-signing.txt"}, "MÖLDER", "SignatureValue does not verify"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			rep := verify(t, readSample(t, c.file), nil)
			if rep.Valid != c.valid || len(rep.Signatures) != 1 {
				t.Fatalf("Valid = %v with %d signatures; want %v, 1 (%+v)", rep.Valid, len(rep.Signatures), c.valid, rep.Signatures)
			}
			s := rep.Signatures[0]
			if s.Valid != c.valid || s.Profile != c.profile || !slices.Equal(s.Files, c.files) || !strings.Contains(s.SignerSubject, c.signer) {
				t.Errorf("signature: valid %v, profile %v, files %q, signer %q; want %v, %v, %q, %q",
					s.Valid, s.Profile, s.Files, s.SignerSubject, c.valid, c.profile, c.files, c.signer)
			}
			if c.valid && len(s.Problems) != 0 {
				t.Errorf("Problems = %q; want none", s.Problems)
			}
			// Without roots a valid signature is INDETERMINATE for want of a trust anchor; the
			// forgery's SignatureValue is TOTAL-FAILED.
			wantInd, wantSub := asice.Indeterminate, asice.NoCertificateChainFound
			if !c.valid {
				wantInd, wantSub = asice.TotalFailed, asice.SigCryptoFailure
			}
			if s.Indication != wantInd || s.SubIndication != wantSub || len(s.NonConforming) != 0 {
				t.Errorf("verdict %s %s, NonConforming %q; want %s %s", s.Indication, s.SubIndication, s.NonConforming, wantInd, wantSub)
			}
			if !c.valid && !slices.ContainsFunc(s.Problems, func(p string) bool { return strings.Contains(p, c.problem) }) {
				t.Errorf("Problems = %q; want one saying %q", s.Problems, c.problem)
			}
			if s.SigningTime.IsZero() || (c.profile >= asice.ProfileT) == s.TimeStamp.IsZero() || s.SignerSerial == nil {
				t.Errorf("SigningTime %v, TimeStamp %v, serial %v", s.SigningTime, s.TimeStamp, s.SignerSerial)
			}
			if c.profile == asice.ProfileLT && (!strings.Contains(s.TSA, "SK") || s.RevocationStatus != "good") {
				t.Errorf("TSA %q, RevocationStatus %q; want SK's TSA, good", s.TSA, s.RevocationStatus)
			}
		})
	}
}

// Inclusive c14n 1.0 is what a SignedProperties Reference without a Transform is digested
// with, and what older libdigidocpp files rely on; both verifiers must agree on it.
func TestVerify_inclusiveC14NWithoutTransform(t *testing.T) {
	seal := testSeal(t, keyP256)
	files := estonianFiles()
	for _, c14n := range []string{asice.C14N10, asice.C14N11, asice.C14NExclusive} {
		t.Run(c14n, func(t *testing.T) {
			sig, err := asice.BuildSignatureNoTransform(files, seal, c14n)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(sig, []byte("Transforms")) {
				t.Fatal("signature still has a Transform")
			}
			b, err := asice.WriteContainer(files, sig, sealTime)
			if err != nil {
				t.Fatal(err)
			}
			if rep := verify(t, b, nil); !rep.Valid {
				t.Errorf("Verify: %q", rep.Signatures[0].Problems)
			}
			verifyScript(t, b)
		})
	}
}

// A signing certificate that crypto/x509 refuses (here a negative serial number) is a problem
// of the signature, not a crash; its subject and serial are still reported.
func TestVerify_unparseableSigningCertificate(t *testing.T) {
	seal := testSeal(t, keyP256)
	files := estonianFiles()
	sig, err := asice.BuildSignature(t.Context(), files, asice.HashFiles(files), seal, nil)
	if err != nil {
		t.Fatal(err)
	}
	der := bytes.Clone(seal.Chain[0].Raw)
	serial := seal.Chain[0].SerialNumber.Bytes()
	at := bytes.Index(der, append([]byte{0x02, byte(len(serial))}, serial...))
	der[at+2] |= 0x80 // the serial number's sign bit
	sig = bytes.Replace(sig, []byte(base64.StdEncoding.EncodeToString(seal.Chain[0].Raw)), []byte(base64.StdEncoding.EncodeToString(der)), 1)
	b, err := asice.WriteContainer(files, sig, sealTime)
	if err != nil {
		t.Fatal(err)
	}
	s := verify(t, b, nil).Signatures[0]
	if s.Valid || s.Signer != nil || !slices.ContainsFunc(s.Problems, func(p string) bool { return strings.Contains(p, "cannot be parsed") }) {
		t.Errorf("Valid %v, Signer %v, Problems %q; want invalid, no Signer, a parse problem", s.Valid, s.Signer, s.Problems)
	}
	if !strings.Contains(s.SignerSubject, "TEST self-signed seal") || s.SignerSerial == nil || s.SignerSerial.Sign() >= 0 {
		t.Errorf("SignerSubject %q, SignerSerial %v; want them read from the raw certificate", s.SignerSubject, s.SignerSerial)
	}
}

// zentry is an entry of a hand-made ZIP.
type zentry struct {
	name   string
	data   []byte
	method uint16 // zip.Store or zip.Deflate; mimetype defaults to stored, others to deflated
	extra  []byte
	edit   func(*zip.FileHeader) // for headers that lie: applied to a raw (CreateRaw) entry
}

// entries returns the entries of container b.
func entries(t testing.TB, b []byte) []zentry {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out []zentry
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		d, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		rc.Close()
		out = append(out, zentry{name: f.Name, data: d, method: f.Method})
	}
	return out
}

// rezip writes es as a ZIP.
func rezip(t testing.TB, es []zentry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range es {
		h := &zip.FileHeader{Name: e.name, Method: e.method, Extra: e.extra}
		var w io.Writer
		var err error
		switch {
		case e.edit != nil:
			data := e.data
			if e.method == zip.Deflate {
				data = deflate(t, e.data)
			}
			h.CRC32 = crc32.ChecksumIEEE(e.data)
			h.CompressedSize64, h.UncompressedSize64 = uint64(len(data)), uint64(len(e.data))
			e.edit(h)
			w, err = zw.CreateRaw(h)
			if err == nil {
				_, err = w.Write(data)
			}
		case e.method == zip.Store:
			h.CRC32 = crc32.ChecksumIEEE(e.data)
			h.CompressedSize64, h.UncompressedSize64 = uint64(len(e.data)), uint64(len(e.data))
			w, err = zw.CreateRaw(h)
			if err == nil {
				_, err = w.Write(e.data)
			}
		default:
			w, err = zw.CreateHeader(h)
			if err == nil {
				_, err = w.Write(e.data)
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// deflate returns data as a raw deflate stream, the way archive/zip writes it.
func deflate(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "x", Method: zip.Deflate})
	if err == nil {
		_, err = w.Write(data)
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	rc, err := zr.File[0].OpenRaw()
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(rc)
	return raw
}

// Hostile and malformed containers are refused with an error that says what and where, before
// the entry concerned is read.
func TestVerify_refuses(t *testing.T) {
	seal := testSeal(t, keyP256)
	good, err := asice.Create(t.Context(), stampFiles(1000), seal, nil)
	if err != nil {
		t.Fatal(err)
	}
	base := entries(t, good) // mimetype, Tunnistus.pdf, Certificate.pdf, Deklaratsioon.pdf, manifest, signatures
	if rep := verify(t, rezip(t, base), nil); !rep.Valid {
		t.Fatalf("re-zipped container is not valid: %+v", rep)
	}
	with := func(edit func(es []zentry) []zentry) []byte {
		return rezip(t, edit(slices.Clone(base)))
	}
	add := func(e zentry) []byte { return with(func(es []zentry) []zentry { return append(es, e) }) }
	zeros := make([]byte, 4<<20)
	many := func(n int) []byte {
		return with(func(es []zentry) []zentry {
			for i := range n {
				es = append(es, zentry{name: "META-INF/x" + strconv.Itoa(i), data: []byte("x")})
			}
			return es
		})
	}
	manifest := func(es []zentry) *zentry { return &es[4] }
	cases := []struct {
		name      string
		container []byte
		opts      *asice.VerifyOptions
		sentinel  error
		entry     string
	}{
		{"dot dot", add(zentry{name: "../x", data: []byte("x")}), nil, asice.ErrHostile, "../x"},
		{"dot dot inside", add(zentry{name: "a/../../x", data: []byte("x")}), nil, asice.ErrHostile, "a/../../x"},
		{"absolute", add(zentry{name: "/etc/x", data: []byte("x")}), nil, asice.ErrHostile, "/etc/x"},
		{"backslash", add(zentry{name: `..\x`, data: []byte("x")}), nil, asice.ErrHostile, `..\x`},
		{"drive letter", add(zentry{name: "C:x", data: []byte("x")}), nil, asice.ErrHostile, "C:x"},
		{"duplicate", add(zentry{name: "Tunnistus.pdf", data: []byte("x")}), nil, asice.ErrHostile, "Tunnistus.pdf"},
		{"duplicate but case", add(zentry{name: "TUNNISTUS.pdf", data: []byte("x")}), nil, asice.ErrHostile, "TUNNISTUS.pdf"},
		{"ratio bomb", add(zentry{name: "META-INF/bomb", data: zeros, method: zip.Deflate}), nil, asice.ErrHostile, "META-INF/bomb"},
		{"ratio bomb, lying size", with(func(es []zentry) []zentry {
			es[1].method = zip.Deflate
			es[1].edit = func(h *zip.FileHeader) { h.UncompressedSize64 = 60 << 20 }
			return es
		}), nil, asice.ErrHostile, "Tunnistus.pdf"},
		{"too many entries", many(asice.DefaultMaxEntries), nil, asice.ErrHostile, ""},
		{"too many entries for the option", good, &asice.VerifyOptions{MaxEntries: 5}, asice.ErrHostile, ""},
		{"entry too large", good, &asice.VerifyOptions{MaxEntrySize: 999}, asice.ErrHostile, "Tunnistus.pdf"},
		{"total too large", good, &asice.VerifyOptions{MaxTotalSize: 2500}, asice.ErrHostile, "Deklaratsioon.pdf"},
		{"container too large", good, &asice.VerifyOptions{MaxContainerSize: int64(len(good)) - 1}, asice.ErrHostile, ""},
		{"XML too large", good, &asice.VerifyOptions{MaxXMLSize: 1000}, asice.ErrHostile, "META-INF/signatures0.xml"},
		{"too many signatures", good, &asice.VerifyOptions{MaxSignatures: -1}, nil, ""}, // default: accepted
		{"header smaller than the data", with(func(es []zentry) []zentry {
			es[1].method = zip.Deflate
			es[1].edit = func(h *zip.FileHeader) { h.UncompressedSize64 = 10 }
			return es
		}), nil, asice.ErrFormat, "Tunnistus.pdf"},
		{"mimetype deflated", with(func(es []zentry) []zentry { es[0].method = zip.Deflate; return es }), nil, asice.ErrFormat, "mimetype"},
		{"mimetype extra field", with(func(es []zentry) []zentry {
			es[0].extra = []byte{0x55, 0x54, 5, 0, 1, 0, 0, 0, 0}
			return es
		}), nil, asice.ErrFormat, "mimetype"},
		{"mimetype not first", with(func(es []zentry) []zentry { es[0], es[1] = es[1], es[0]; return es }), nil, asice.ErrFormat, "Tunnistus.pdf"},
		{"mimetype missing", with(func(es []zentry) []zentry { return es[1:] }), nil, asice.ErrFormat, "Tunnistus.pdf"},
		{"mimetype wrong", with(func(es []zentry) []zentry { es[0].data = []byte("application/zip"); return es }), nil, asice.ErrFormat, "mimetype"},
		{"unlisted file", add(zentry{name: "unlisted.txt", data: []byte("x")}), nil, asice.ErrFormat, "unlisted.txt"},
		{"listed file missing", with(func(es []zentry) []zentry { return slices.Delete(es, 2, 3) }), nil, asice.ErrFormat, "META-INF/manifest.xml"},
		{"manifest missing", with(func(es []zentry) []zentry { return slices.Delete(es, 4, 5) }), nil, asice.ErrFormat, "META-INF/manifest.xml"},
		{"manifest with DOCTYPE", with(func(es []zentry) []zentry {
			m := manifest(es)
			m.data = bytes.Replace(m.data, []byte("?>\n"), []byte("?>\n<!DOCTYPE x [<!ENTITY a \"aaaa\">]>"), 1)
			return es
		}), nil, asice.ErrFormat, "META-INF/manifest.xml"},
		{"manifest in Latin-1", with(func(es []zentry) []zentry {
			m := manifest(es)
			m.data = bytes.Replace(m.data, []byte("UTF-8"), []byte("ISO-8859-1"), 1)
			return es
		}), nil, asice.ErrFormat, "META-INF/manifest.xml"},
		{"manifest with text", with(func(es []zentry) []zentry {
			m := manifest(es)
			m.data = bytes.Replace(m.data, []byte("</manifest:manifest>"), []byte("x</manifest:manifest>"), 1)
			return es
		}), nil, asice.ErrFormat, "META-INF/manifest.xml"},
		{"manifest version changed", with(func(es []zentry) []zentry {
			m := manifest(es)
			m.data = bytes.Replace(m.data, []byte(`manifest:version="1.2"`), []byte(`manifest:version="1.3"`), 1)
			return es
		}), nil, asice.ErrFormat, "META-INF/manifest.xml"},
		{"manifest stray attribute", with(func(es []zentry) []zentry {
			m := manifest(es)
			m.data = bytes.Replace(m.data, []byte(`manifest:full-path="/"`), []byte(`manifest:full-path="/" foo="bar"`), 1)
			return es
		}), nil, asice.ErrFormat, "META-INF/manifest.xml"},
		{"manifest encryption-data", with(func(es []zentry) []zentry {
			m := manifest(es)
			m.data = bytes.Replace(m.data, []byte(`manifest:media-type="application/pdf"/>`),
				[]byte(`manifest:media-type="application/pdf"><manifest:encryption-data/></manifest:file-entry>`), 1)
			return es
		}), nil, asice.ErrFormat, "META-INF/manifest.xml"},
		{"signatures root with text", with(func(es []zentry) []zentry {
			s := &es[5]
			s.data = bytes.Replace(s.data, []byte("</asic:XAdESSignatures>"), []byte("x</asic:XAdESSignatures>"), 1)
			return es
		}), nil, asice.ErrFormat, "META-INF/signatures0.xml"},
		{"encrypted entry", with(func(es []zentry) []zentry {
			es[1].method = zip.Deflate
			es[1].edit = func(h *zip.FileHeader) { h.Flags |= 1 }
			return es
		}), nil, asice.ErrFormat, "Tunnistus.pdf"},
		{"data before the ZIP", append([]byte("MZ\x90\x00"), good...), nil, asice.ErrFormat, ""},
		{"not a ZIP", []byte(strings.Repeat("not a zip ", 10)), nil, asice.ErrFormat, ""},
		{"empty", nil, nil, asice.ErrFormat, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep, err := asice.Verify(bytes.NewReader(c.container), int64(len(c.container)), c.opts)
			if c.sentinel == nil {
				if err != nil || !rep.Valid {
					t.Fatalf("Verify = %v, %v; want valid", rep, err)
				}
				return
			}
			ce, ok := errors.AsType[*asice.ContainerError](err)
			if rep != nil || !errors.Is(err, c.sentinel) || !ok || ce.Entry != c.entry {
				t.Fatalf("Verify = %v, %v; want a ContainerError for %q wrapping %v", rep, err, c.entry, c.sentinel)
			}
		})
	}
}

// xmlDeclFields reads an XML declaration's fields the way the XML spec does: names and values,
// with the encoding name compared without case.
var xmlDeclFields = regexp.MustCompile(`(\w+)\s*=\s*["']([^"']*)["']`)

// sameXML reports whether a and b say the same in XML: the same elements, attributes, text,
// comments and declaration, whatever white space separates attributes inside tags.
func sameXML(a, b []byte) bool {
	tokens := func(x []byte) ([]string, bool) {
		d := xml.NewDecoder(bytes.NewReader(x))
		var out []string
		for {
			tok, err := d.RawToken()
			if err == io.EOF {
				return out, true
			}
			if err != nil {
				return nil, false
			}
			switch tok := tok.(type) {
			case xml.ProcInst:
				s := tok.Target
				for _, m := range xmlDeclFields.FindAllStringSubmatch(string(tok.Inst), -1) {
					s += " " + m[1] + "=" + strings.ToLower(m[2])
				}
				out = append(out, "P"+s)
			case xml.StartElement:
				s := "S" + tok.Name.Space + ":" + tok.Name.Local
				for _, at := range tok.Attr {
					s += " " + at.Name.Space + ":" + at.Name.Local + "=" + strconv.Quote(at.Value)
				}
				out = append(out, s)
			case xml.EndElement:
				out = append(out, "E"+tok.Name.Space+":"+tok.Name.Local)
			case xml.CharData:
				out = append(out, "C"+string(tok))
			case xml.Comment:
				out = append(out, "#"+string(tok))
			case xml.Directive:
				out = append(out, "D"+string(tok))
			}
		}
	}
	ta, okA := tokens(a)
	tb, okB := tokens(b)
	return okA && okB && slices.Equal(ta, tb)
}

// tamperCase is a sealed container's parts, to be changed one byte at a time.
type tamperCase struct {
	files []asice.File
	sig   []byte
}

func newTamperCase(t testing.TB) tamperCase {
	seal := testSeal(t, keyP256) // self-signed: KeyInfo holds only the certificate SigningCertificateV2 names
	files := stampFiles(2 << 10)
	sig, err := asice.BuildSignature(t.Context(), files, asice.HashFiles(files), seal, nil)
	if err != nil {
		t.Fatal(err)
	}
	return tamperCase{files, sig}
}

// check flips byte pos of part (a file's index, or len(files) for the signatures XML) with
// xor, verifies, and returns a reason when Verify called the result valid without cause.
func (tc tamperCase) check(t testing.TB, part, pos int, xor byte) string {
	files, sig := slices.Clone(tc.files), tc.sig
	if part < len(files) {
		d := bytes.Clone(files[part].Data)
		d[pos%len(d)] ^= xor
		files[part].Data = d
	} else {
		sig = bytes.Clone(sig)
		sig[pos%len(sig)] ^= xor
	}
	b, err := asice.WriteContainer(files, sig, sealTime)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := asice.Verify(bytes.NewReader(b), int64(len(b)), nil)
	switch {
	case err != nil:
		if !errors.Is(err, asice.ErrFormat) && !errors.Is(err, asice.ErrHostile) {
			return "refused with an error of no category: " + err.Error()
		}
		return ""
	case !rep.Valid:
		return ""
	case part < len(files):
		return "a changed data file verified as valid"
	case !sameXML(tc.sig, sig):
		p := pos % len(sig)
		return "changed signatures XML verified as valid: " + strconv.Quote(string(tc.sig[max(0, p-20):min(len(sig), p+20)])) +
			" → " + strconv.Quote(string(sig[max(0, p-20):min(len(sig), p+20)]))
	}
	return "" // the XML says the same (white space inside a tag): XML-DSig signs the canonical form
}

// Changing any one byte of a sealed file or of the signatures XML makes Verify say invalid or
// refuse the container, unless the XML still says the same thing: XML-DSig signs the
// canonical form, so SPACE, TAB, CR and LF between attributes are interchangeable, and so is
// the case of "UTF-8" in the XML declaration.
func TestVerify_tamperProperty(t *testing.T) {
	tc := newTamperCase(t)
	rapid.Check(t, func(rt *rapid.T) {
		part := rapid.IntRange(0, len(tc.files)).Draw(rt, "part")
		pos := rapid.IntRange(0, 1<<20).Draw(rt, "pos")
		xor := rapid.ByteRange(1, 255).Draw(rt, "xor")
		if why := tc.check(t, part, pos, xor); why != "" {
			rt.Fatal(why)
		}
	})
}

// Every byte of the signatures XML, each flipped in its lowest bit and in its case bit, and
// every SPACE turned into TAB, LF and CR.
func TestVerify_tamperEverySignatureByte(t *testing.T) {
	tc := newTamperCase(t)
	sigPart := len(tc.files)
	if testing.Short() {
		t.Skip("skipping 10,000 verifications in short mode")
	}
	for pos := range tc.sig {
		xors := []byte{0x01, 0x20}
		if tc.sig[pos] == ' ' {
			xors = append(xors, ' '^'\t', ' '^'\n', ' '^'\r')
		}
		for _, x := range xors {
			if why := tc.check(t, sigPart, pos, x); why != "" {
				t.Fatalf("byte %d ^ %#x: %s", pos, x, why)
			}
		}
	}
}

// FuzzVerify feeds Verify arbitrary bytes, starting from two small containers (a B seal of
// about 3 KB and a tiny LT seal) so that the fuzzer mutates, and minimizes, small inputs;
// TestVerify_corpus runs the same property over the large reference samples.
func FuzzVerify(f *testing.F) {
	tiny := []asice.File{{Name: "a.txt", MediaType: "text/plain", Data: []byte("a")}}
	b, err := asice.Create(f.Context(), tiny, testSeal(f, keyP256), nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	clock := asicetest.NewClock(sealTime)
	p, err := asicetest.New(&asicetest.Options{Now: clock.Now})
	if err != nil {
		f.Fatal(err)
	}
	b, err = asice.Create(f.Context(), tiny, asice.Seal{Key: p.SealKey, Chain: p.Chain(), Time: sealTime},
		&asice.Options{Profile: asice.ProfileLT, TimeStamper: p.TimeStamper(), OCSP: p.OCSPClient()})
	p.Close() // a server left running slows every fuzzing execution to a crawl
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	opts := fuzzOptions(p.Roots())
	f.Fuzz(func(t *testing.T, b []byte) { checkVerifyProperty(t, b, opts) })
}

func fuzzOptions(roots *x509.CertPool) *asice.VerifyOptions {
	return &asice.VerifyOptions{Roots: roots, MaxEntrySize: 1 << 20, MaxTotalSize: 4 << 20, MaxXMLSize: 1 << 20}
}

// checkVerifyProperty checks what Verify returns for any input: an error of a category and no
// report, or a report whose verdicts agree with each other.
func checkVerifyProperty(t *testing.T, b []byte, opts *asice.VerifyOptions) {
	rep, err := asice.Verify(bytes.NewReader(b), int64(len(b)), opts)
	if err != nil {
		if rep != nil || !errors.Is(err, asice.ErrFormat) && !errors.Is(err, asice.ErrHostile) {
			t.Fatalf("Verify = %v, %v; want no report and a categorized error", rep, err)
		}
		return
	}
	valid := len(rep.Signatures) > 0 && len(rep.Problems) == 0
	for _, s := range rep.Signatures {
		valid = valid && s.Valid
		switch {
		case s.Valid != (len(s.Problems) == 0), s.Trusted && !s.Valid, s.Trusted != (s.Indication == asice.TotalPassed):
			t.Fatalf("signature %q: Valid %v, Trusted %v, %s, Problems %q", s.ID, s.Valid, s.Trusted, s.Indication, s.Problems)
		case s.Indication == 0, s.Indication == asice.TotalPassed && s.SubIndication != "",
			s.Indication != asice.TotalPassed && s.SubIndication.Indication() != s.Indication:
			t.Fatalf("signature %q: verdict %s %s", s.ID, s.Indication, s.SubIndication)
		case !s.Valid && s.Indication == asice.TotalPassed:
			t.Fatalf("signature %q: invalid but TOTAL-PASSED", s.ID)
		}
	}
	if rep.Valid != valid {
		t.Fatalf("Report.Valid = %v; want %v", rep.Valid, valid)
	}
}

// TestVerify_corpus runs FuzzVerify's property over the large inputs the fuzz targets leave
// out: the reference samples, the committed containers, and 400 deterministic one-byte
// changes of each.
func TestVerify_corpus(t *testing.T) {
	var corpus [][]byte
	for _, s := range []string{"valid-asice-esteid2018.asice", "space-in-datafile-name-percent-encoded-in-signature.asice",
		"invalid-forged_lt.asice", "synthetic/kutsekoda-b-synthetic.asice"} {
		corpus = append(corpus, readSample(t, s))
	}
	b, roots := readTestdata(t, "negative-modulus-lt.asice")
	lta, _ := readTestdata(t, "lta.asice")
	corpus = append(corpus, b, lta)
	n := 400
	if testing.Short() {
		n = 50
	}
	opts := fuzzOptions(roots)
	x := uint64(0x9e3779b97f4a7c15)
	for _, c := range corpus {
		checkVerifyProperty(t, c, opts)
		for range n {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			m := bytes.Clone(c)
			m[x%uint64(len(m))] ^= byte(x>>32) | 1
			checkVerifyProperty(t, m, opts)
		}
	}
}

// GEN-05: the verdict a person reads comes in Estonian and English.
func TestGEN05_summaryInEstonianAndEnglish(t *testing.T) {
	seal := testSeal(t, keyP256)
	b, err := asice.Create(t.Context(), estonianFiles(), seal, nil)
	if err != nil {
		t.Fatal(err)
	}
	roots := x509.NewCertPool()
	roots.AddCert(seal.Chain[0])
	cases := []struct {
		name   string
		rep    *asice.Report
		et, en string
	}{
		{"trusted", verify(t, b, &asice.VerifyOptions{Roots: roots}), "kehtiv: kõik allkirjad", "valid: every signature"},
		{"no roots", verify(t, b, nil), "usaldusväärsust ei ole kinnitatud", "not been established as trusted"},
		{"forged", verify(t, readSample(t, "invalid-forged_lt.asice"), nil), "ei ole kehtiv", "not valid"},
		{"unsigned", &asice.Report{Files: []asice.DataFile{{Name: "a.txt"}}}, "ei ole allkirju", "no signatures"},
	}
	for _, c := range cases {
		et, en := c.rep.Summary()
		if !strings.Contains(et, c.et) || !strings.Contains(en, c.en) {
			t.Errorf("%s: Summary() = %q, %q; want %q, %q in them", c.name, et, en, c.et, c.en)
		}
	}
}

// A container with 60,000 entries, or one whose end record claims a single entry for them, is
// refused after reading the central directory once, without archive/zip's File per entry.
func TestVerify_refusesBeforeAllocating(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := range 60000 {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: "f" + strconv.Itoa(i), Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("x"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	honest := buf.Bytes()
	lying := bytes.Clone(honest)
	eocd := len(lying) - 22
	lying[eocd+8], lying[eocd+9], lying[eocd+10], lying[eocd+11] = 1, 0, 1, 0 // one entry
	for name, b := range map[string][]byte{"honest": honest, "lying end record": lying} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := asice.Verify(bytes.NewReader(b), int64(len(b)), nil)
		runtime.ReadMemStats(&after)
		if !errors.Is(err, asice.ErrHostile) {
			t.Errorf("%s: Verify = %v; want ErrHostile", name, err)
		}
		if n := after.TotalAlloc - before.TotalAlloc; n > 256<<10 {
			t.Errorf("%s: Verify allocated %d bytes before refusing; want under 256 KiB", name, n)
		}
	}
}
