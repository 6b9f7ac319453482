package xroad

import (
	"encoding/xml"
	"fmt"
	"io"

	"github.com/kutsekit/kutse/invalid"
)

// Namespace is the target namespace of the register's X-Road schema (elementFormDefault
// "qualified"): every element of a record is in it.
const Namespace = "http://producers.kutseregister.xtee.riik.ee/producer/kutseregister"

// MaxSize is the most bytes [Decode] reads: 8 MiB, room for a full page of 500 records (the largest
// kirjeteArvType) many times over. Longer input is refused with [ErrTooLarge].
const MaxSize = 8 << 20

// ErrTooLarge is returned by [Decode] for input longer than [MaxSize]. It is bad input and wraps
// invalid.ErrInvalid.
var ErrTooLarge = invalid.New("xroad: input exceeds the maximum size")

// Record is one certificate record, the schema's complexType kutsetunnistusV2Type (an xs:sequence
// whose every element has minOccurs="0"). Each field holds its element's text as written, so that a
// record with a malformed value still decodes and [ToCertificate] can name the field; the comment
// gives the element's XSD type and its title in the WSDL. An empty field is an absent element.
type Record struct {
	XMLName xml.Name `xml:"http://producers.kutseregister.xtee.riik.ee/producer/kutseregister kutsetunnistus"`

	Registrinumber     string `xml:"registrinumber,omitempty"`     // string: Registrinumber
	Nimi               string `xml:"nimi,omitempty"`               // string: Nimi
	Isikukood          string `xml:"isikukood,omitempty"`          // string: Isikukood
	Synniaeg           string `xml:"synniaeg,omitempty"`           // date: Sünniaeg
	Tyyp               string `xml:"tyyp,omitempty"`               // string: Tüüp ("kutsetunnistus", …; free text)
	Standard           string `xml:"standard,omitempty"`           // string: Kutsestandard
	Ekrtase            string `xml:"ekrtase,omitempty"`            // integer: EKR tase
	Eqftase            string `xml:"eqftase,omitempty"`            // integer: EQF tase
	Spetsialiseerumine string `xml:"spetsialiseerumine,omitempty"` // string: Spetsialiseerumine
	Osakutse           string `xml:"osakutse,omitempty"`           // string: Osakutse
	Lisavali           string `xml:"lisavali,omitempty"`           // string: Lisaväli
	Kompetentsid       string `xml:"kompetentsid,omitempty"`       // string: Valitud kompetentsid, joined with "; "
	Valdkond           string `xml:"valdkond,omitempty"`           // string: Valdkond
	Kutseala           string `xml:"kutseala,omitempty"`           // string: Kutseala
	Hariduslikkval     string `xml:"hariduslikkval,omitempty"`     // string: Hariduslik kvalifikatsioon
	Keel               string `xml:"keel,omitempty"`               // string: Kutseeksami keel
	Valjastaja         string `xml:"valjastaja,omitempty"`         // string: Väljastaja
	Valjaantud         string `xml:"valjaantud,omitempty"`         // date: Välja antud
	Kehtibalates       string `xml:"kehtibalates,omitempty"`       // date: Kehtib alates
	Kehtibkuni         string `xml:"kehtibkuni,omitempty"`         // date: Kehtib kuni
	Isco               string `xml:"isco,omitempty"`               // string: Ametite (ISCO) klassifikaator
	Duplikaat          string `xml:"duplikaat,omitempty"`          // boolean: On duplikaat
	Kehtetu            string `xml:"kehtetu,omitempty"`            // boolean: On kehtetu
	Reaid              string `xml:"reaid,omitempty"`              // string: Rea ID
	Kustutatud         string `xml:"kustutatud,omitempty"`         // boolean: record with this row id deleted
}

// Response is the answer of the register's searches, the elements kutsetunnistusVastus and (with
// XMLName set to that name) kodanikKutsetunnistusVastus.
type Response struct {
	XMLName          xml.Name      `xml:"http://producers.kutseregister.xtee.riik.ee/producer/kutseregister kutsetunnistusVastus"`
	Teade            string        `xml:"teade,omitempty"`            // string: Teade (a message)
	Kutsetunnistused *Certificates `xml:"kutsetunnistused,omitempty"` // the records found
	Kirjeid          *int          `xml:"kirjeid,omitempty"`          // integer: Kirjete arv (number of records)
}

// Certificates is the element kutsetunnistused of a [Response]: zero or more records.
type Certificates struct {
	Kutsetunnistus []Record `xml:"kutsetunnistus"`
}

// Decode reads at most [MaxSize] bytes of XML from r and returns every record in it: each element
// kutsetunnistus in [Namespace], wherever it stands (in a [Response], in a SOAP envelope, or alone).
// The elements inside a record may be in any namespace (the older rpc-style service left them
// unqualified); elements the schema does not have are ignored. The search request is also an
// element kutsetunnistus in the namespace: pass answers, not requests. Values are not checked here:
// [ToCertificate] does that. The error is [ErrTooLarge] for longer input, and otherwise names the XML
// fault; both wrap invalid.ErrInvalid. A failure of r itself is returned wrapped, and is not
// invalid.ErrInvalid.
func Decode(r io.Reader) ([]Record, error) {
	rr := &recordingReader{r: r}
	lr := &io.LimitedReader{R: rr, N: MaxSize + 1}
	d := xml.NewDecoder(lr)
	bad := func(what string, err error) error {
		if rr.err != nil { // the reader failed: not the input's fault
			return fmt.Errorf("xroad: %s: %w", what, err)
		}
		return fmt.Errorf("xroad: %s: %w: %w", what, invalid.ErrInvalid, err)
	}
	var out []Record
	for {
		tok, err := d.Token()
		if lr.N <= 0 {
			return nil, ErrTooLarge
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, bad("decode", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Space != Namespace || se.Name.Local != "kutsetunnistus" {
			continue
		}
		var rec Record
		err = d.DecodeElement(&rec, &se)
		if lr.N <= 0 {
			return nil, ErrTooLarge
		}
		if err != nil {
			return nil, bad(fmt.Sprintf("decode record %d", len(out)+1), err)
		}
		out = append(out, rec)
	}
}

// Encode writes recs to w as a kutsetunnistusVastus [Response] with kirjeid set to their number,
// after an XML declaration.
func Encode(w io.Writer, recs []Record) error {
	n := len(recs)
	resp := Response{Kutsetunnistused: &Certificates{Kutsetunnistus: recs}, Kirjeid: &n}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	if err := enc.Encode(resp); err != nil {
		return fmt.Errorf("xroad: encode: %w", err)
	}
	return enc.Close()
}

// Marshal returns one record as an element kutsetunnistus, without an XML declaration.
func Marshal(rec Record) ([]byte, error) {
	rec.XMLName = xml.Name{}
	b, err := xml.Marshal(rec)
	if err != nil {
		return nil, fmt.Errorf("xroad: marshal: %w", err)
	}
	return b, nil
}

// recordingReader remembers the first error of its reader other than io.EOF, so that [Decode] tells
// a failing reader from malformed input.
type recordingReader struct {
	r   io.Reader
	err error
}

func (rr *recordingReader) Read(p []byte) (int, error) {
	n, err := rr.r.Read(p)
	if err != nil && err != io.EOF && rr.err == nil {
		rr.err = err
	}
	return n, err
}
