package vocational_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kutsekit/kutse/exam/vocational"
	"github.com/kutsekit/kutse/internal/pdfatest"
	"github.com/kutsekit/kutse/internal/tooltest"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/stamp/pdf"
)

var update = flag.Bool("update", false, "update golden files")

var generated = time.Date(2027, 5, 28, 12, 30, 0, 0, time.UTC)

// signedExam is the test exam of four candidates (one failed, one absent) signed: its protocol and
// statement are the documents' fixtures.
func signedExam(t *testing.T) vocational.SignResult {
	t.Helper()
	en := newEnv(t, 4)
	return en.sign(t, en.decided(t, 4).ID)
}

// golden compares b with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, b []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, want) {
		t.Errorf("%s differs from the golden file (%d bytes, want %d); run go test -update and look at it (pdftoppm -png -r 60)", name, len(b), len(want))
	}
}

// text extracts a PDF's text with pdftotext and checks it with qpdf.
func text(t *testing.T, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tooltest.Need(t, "pdftotext", "poppler-utils"), "-enc", "UTF-8", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pdfatest.Check(t, "the document", b, nil) // PDF/A-2b as the stamp's documents, and qpdf --check
	return string(out)
}

// TestAssessmentProtocolPDF_EXV04_GEN05 proves the assessment protocol's PDF (EXV-04), in Estonian and
// English (GEN-05): the golden files byte for byte, and the text a reader sees: the exam, the
// committee, every candidate with their results per unit and outcome.
func TestAssessmentProtocolPDF_EXV04_GEN05(t *testing.T) {
	res := signedExam(t)
	p := vocational.NewAssessmentProtocol(&res.Exam)
	for _, lang := range []law.Lang{law.Estonian, law.English} {
		b, err := vocational.AssessmentProtocolPDF(p, lang, generated)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := vocational.AssessmentProtocolPDF(p, lang, generated)
		if !bytes.Equal(b, again) {
			t.Error("the same protocol gave different bytes")
		}
		golden(t, "hindamisprotokoll-"+lang.String()+".golden.pdf", b)
		txt := text(t, b)
		for _, want := range []string{lang.Pick("Hindamisprotokoll", "Assessment protocol"), "Mootorsõidukidiagnostik, tase 5",
			"Kalle Kuusk", "Õppija Nr1", "Õppija Nr4", lang.Pick("sooritas", "passed"), lang.Pick("puudus", "absent"),
			lang.Pick("ei sooritanud", "failed"), "Mootorsõidukite kõrgepinge jõuseadmete diagnostika ja remont", "–", "28.05.2027 15:30"} {
			if !strings.Contains(txt, want) {
				t.Errorf("%v: the protocol lacks %q:\n%s", lang, want, txt)
			}
		}
	}
	p.Rows[0].Name = "王"
	if _, err := vocational.AssessmentProtocolPDF(p, law.Estonian, generated); !errors.Is(err, pdf.ErrInvalid) {
		t.Errorf("a name the font cannot show = %v; want pdf.ErrInvalid", err)
	}
}

// TestStatementPDF_EXV06 proves the compensation statement's PDF (EXV-06): golden, and the lines and
// totals a reader sees.
func TestStatementPDF_EXV06(t *testing.T) {
	res := signedExam(t)
	en, err := vocational.StatementPDF(res.Statement, law.English, generated)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "hyvitamine-en.golden.pdf", en)
	if txt := text(t, en); !strings.Contains(txt, "Compensation of the exam's costs") || !strings.Contains(txt, "Invoiced to the school") {
		t.Errorf("the English statement lacks its title or a total:\n%s", txt)
	}
	b, err := vocational.StatementPDF(res.Statement, law.Estonian, generated)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "hyvitamine-et.golden.pdf", b)
	txt := text(t, b)
	for _, want := range []string{"Kutseeksami kulude hüvitamine", "170,805 €", "170,81 €", "512,43 €", "341,62 €", "riigieelarvest kooli kaudu", "arve koolile"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the statement lacks %q:\n%s", want, txt)
		}
	}
}

// TestPDFLong_EXV04_EXV06 proves that a protocol and a statement of 60 candidates continue on
// numbered pages under the continued heading in both languages, every candidate there once in each
// table (the absent one has no line in the statement), PDF/A-2b (EXV-04, EXV-06, GEN-05).
func TestPDFLong_EXV04_EXV06(t *testing.T) {
	en := newEnv(t, 60)
	res := en.sign(t, en.decided(t, 60).ID)
	p := vocational.NewAssessmentProtocol(&res.Exam)
	for _, lang := range []law.Lang{law.Estonian, law.English} {
		prot, err := vocational.AssessmentProtocolPDF(p, lang, generated)
		if err != nil {
			t.Fatal(err)
		}
		stmt, err := vocational.StatementPDF(res.Statement, lang, generated)
		if err != nil {
			t.Fatal(err)
		}
		if dir := os.Getenv("KUTSE_PDF_DUMP"); dir != "" { // to look at them: pdftoppm -png -r 60
			os.WriteFile(filepath.Join(dir, "protocol-60-"+lang.String()+".pdf"), prot, 0o644)
			os.WriteFile(filepath.Join(dir, "statement-60-"+lang.String()+".pdf"), stmt, 0o644)
		}
		for name, b := range map[string][]byte{"protocol": prot, "statement": stmt} {
			txt := text(t, b)
			if !strings.Contains(txt, lang.Pick("Lehekülg 2/", "Page 2 of ")) || !strings.Contains(txt, lang.Pick("(järg)", "(continued)")) {
				t.Errorf("%v %s: no second page, or without its number or the continued heading", lang, name)
			}
			for i := 1; i <= 60; i++ {
				if i == 3 { // absent: no line of the statement
					continue
				}
				n := strings.Count(txt, "Õppija Nr"+strconv.Itoa(i)+" ")
				if name == "statement" && n != 1 || name == "protocol" && n != 2 { // the protocol: results and assessors
					t.Errorf("%v %s: candidate %d is there %d times", lang, name, i, n)
				}
			}
		}
	}
}
