package xroad

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The namespaces of an X-Road message, with the prefixes the register's service description uses
// (kutseregister-2018-05-09.wsdl): SOAP-ENV for the envelope, xrd for the X-Road header, id for the
// identifiers. The body's elements are in [Namespace] (elementFormDefault "qualified").
const (
	NamespaceSOAP        = "http://schemas.xmlsoap.org/soap/envelope/"
	NamespaceXRoad       = "http://x-road.eu/xsd/xroad.xsd"
	NamespaceIdentifiers = "http://x-road.eu/xsd/identifiers"
)

// ProtocolVersion is the X-Road message protocol version the SDK writes in the header.
const ProtocolVersion = "4.0"

// ClientID identifies the X-Road member or subsystem that sends a message (xrd:client,
// XRoadClientIdentifierType): its instance ("EE"), member class ("COM", "GOV", "NGO", "NEE"), member
// code (the registry code) and, for a subsystem, its code.
type ClientID struct {
	ObjectType string `xml:"http://x-road.eu/xsd/identifiers objectType,attr"` // "SUBSYSTEM" or "MEMBER"
	Instance   string `xml:"http://x-road.eu/xsd/identifiers xRoadInstance"`
	Class      string `xml:"http://x-road.eu/xsd/identifiers memberClass"`
	Code       string `xml:"http://x-road.eu/xsd/identifiers memberCode"`
	Subsystem  string `xml:"http://x-road.eu/xsd/identifiers subsystemCode,omitempty"`
}

// ServiceID identifies the service a message calls (xrd:service, XRoadServiceIdentifierType): the
// producer's instance, member class, member code and subsystem, and the service's code and version.
type ServiceID struct {
	ObjectType string `xml:"http://x-road.eu/xsd/identifiers objectType,attr"` // "SERVICE"
	Instance   string `xml:"http://x-road.eu/xsd/identifiers xRoadInstance"`
	Class      string `xml:"http://x-road.eu/xsd/identifiers memberClass"`
	Code       string `xml:"http://x-road.eu/xsd/identifiers memberCode"`
	Subsystem  string `xml:"http://x-road.eu/xsd/identifiers subsystemCode,omitempty"`
	Service    string `xml:"http://x-road.eu/xsd/identifiers serviceCode"`
	Version    string `xml:"http://x-road.eu/xsd/identifiers serviceVersion,omitempty"`
}

// RegisterService returns the service identifier of one of the register's services (the producer
// "kutseregister": its subsystem, the register keeper Sihtasutus Kutsekoda, registry code 90006414,
// member class NGO, instance EE) with its version from the service description: v2 for kutsetunnistus
// and kodanikKutsetunnistus, v1 for the others. A host whose security server knows the producer by
// other identifiers sets them itself.
func RegisterService(service string) ServiceID {
	v := "v1"
	if service == "kutsetunnistus" || service == "kodanikKutsetunnistus" {
		v = "v2"
	}
	return ServiceID{ObjectType: "SERVICE", Instance: "EE", Class: "NGO", Code: "90006414", Subsystem: "kutseregister", Service: service, Version: v}
}

// Header is the X-Road header of a message (the service description's requestHeader): who calls,
// which service, the message's id, the person acting (userId, e.g. "EE49502020047"), the case it
// concerns (issue) and the protocol version.
type Header struct {
	Client          ClientID  `xml:"http://x-road.eu/xsd/xroad.xsd client"`
	Service         ServiceID `xml:"http://x-road.eu/xsd/xroad.xsd service"`
	ID              string    `xml:"http://x-road.eu/xsd/xroad.xsd id"`
	UserID          string    `xml:"http://x-road.eu/xsd/xroad.xsd userId,omitempty"`
	Issue           string    `xml:"http://x-road.eu/xsd/xroad.xsd issue,omitempty"`
	ProtocolVersion string    `xml:"http://x-road.eu/xsd/xroad.xsd protocolVersion"`
}

// Fault is a SOAP fault the security server or the register answered instead of the body: the
// error the client returns for it. faultcode and faultstring are as sent; an X-Road fault code
// starts with "Server.", "Client." and names the failure (for example
// "Server.ServerProxy.ServiceFailed").
type Fault struct {
	Code   string `xml:"faultcode"`
	String string `xml:"faultstring"`
	Actor  string `xml:"faultactor,omitempty"`
	Detail string `xml:"detail,omitempty"`
}

// Error implements error: "xroad: SOAP fault Server.ServerProxy.ServiceFailed: …".
func (f *Fault) Error() string { return "xroad: SOAP fault " + f.Code + ": " + f.String }

// ErrFault is wrapped by every *Fault, for errors.Is.
var ErrFault = errors.New("xroad: SOAP fault")

// Is reports whether target is ErrFault.
func (f *Fault) Is(target error) bool { return target == ErrFault }

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")

func esc(s string) string { return escaper.Replace(s) }

// EncodeEnvelope writes a SOAP envelope with header h and body, an element of the register's schema
// (one of this package's request or response types), after an XML declaration. The envelope and the
// header use the service description's prefixes (SOAP-ENV, xrd, id); the body's element declares the
// register's namespace as its default one.
func EncodeEnvelope(w io.Writer, h Header, body any) error {
	bw := bufio.NewWriter(w)
	p := func(s ...string) {
		for _, x := range s {
			bw.WriteString(x)
		}
	}
	p(xml.Header, `<SOAP-ENV:Envelope xmlns:SOAP-ENV="`, NamespaceSOAP, `" xmlns:xrd="`, NamespaceXRoad, `" xmlns:id="`, NamespaceIdentifiers, `">`, "\n")
	p("  <SOAP-ENV:Header>\n")
	ident := func(el, objType, inst, class, code, sub string, extra ...string) {
		p(`    <xrd:`, el, ` id:objectType="`, esc(objType), `">`, "\n")
		p(`      <id:xRoadInstance>`, esc(inst), "</id:xRoadInstance>\n")
		p(`      <id:memberClass>`, esc(class), "</id:memberClass>\n")
		p(`      <id:memberCode>`, esc(code), "</id:memberCode>\n")
		if sub != "" {
			p(`      <id:subsystemCode>`, esc(sub), "</id:subsystemCode>\n")
		}
		for i := 0; i+1 < len(extra); i += 2 {
			if extra[i+1] != "" {
				p(`      <id:`, extra[i], `>`, esc(extra[i+1]), `</id:`, extra[i], ">\n")
			}
		}
		p(`    </xrd:`, el, ">\n")
	}
	c := h.Client
	if c.ObjectType == "" {
		c.ObjectType = "SUBSYSTEM"
		if c.Subsystem == "" {
			c.ObjectType = "MEMBER"
		}
	}
	ident("client", c.ObjectType, c.Instance, c.Class, c.Code, c.Subsystem)
	s := h.Service
	if s.ObjectType == "" {
		s.ObjectType = "SERVICE"
	}
	ident("service", s.ObjectType, s.Instance, s.Class, s.Code, s.Subsystem, "serviceCode", s.Service, "serviceVersion", s.Version)
	p(`    <xrd:id>`, esc(h.ID), "</xrd:id>\n")
	if h.UserID != "" {
		p(`    <xrd:userId>`, esc(h.UserID), "</xrd:userId>\n")
	}
	if h.Issue != "" {
		p(`    <xrd:issue>`, esc(h.Issue), "</xrd:issue>\n")
	}
	pv := h.ProtocolVersion
	if pv == "" {
		pv = ProtocolVersion
	}
	p(`    <xrd:protocolVersion>`, esc(pv), "</xrd:protocolVersion>\n")
	p("  </SOAP-ENV:Header>\n  <SOAP-ENV:Body>\n")
	enc := xml.NewEncoder(bw)
	enc.Indent("    ", "  ")
	if err := enc.Encode(body); err != nil {
		return fmt.Errorf("xroad: encode body: %w", err)
	}
	if err := enc.Close(); err != nil {
		return err
	}
	p("\n  </SOAP-ENV:Body>\n</SOAP-ENV:Envelope>\n")
	return bw.Flush()
}

// DecodeEnvelope reads a SOAP envelope of at most [MaxSize] bytes from r, returns its X-Road header
// and decodes the body's element into body (a pointer to one of this package's types; nil to skip
// the body). A SOAP fault in the body is returned as a *[Fault]. Bad XML, a missing envelope or body,
// or a body element other than body's is an error wrapping [ErrMessage]; longer input is
// [ErrTooLarge].
func DecodeEnvelope(r io.Reader, body any) (Header, error) {
	lr := &io.LimitedReader{R: r, N: MaxSize + 1}
	d := xml.NewDecoder(lr)
	var h Header
	depth := 0
	sawEnvelope, sawBody := false, false
	for {
		tok, err := d.Token()
		if lr.N <= 0 {
			return Header{}, ErrTooLarge
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return Header{}, fmt.Errorf("%w: %v", ErrMessage, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			if _, end := tok.(xml.EndElement); end {
				depth--
			}
			continue
		}
		depth++
		switch {
		case depth == 1:
			if se.Name.Space != NamespaceSOAP || se.Name.Local != "Envelope" {
				return Header{}, fmt.Errorf("%w: the document is <%s>, not a SOAP envelope", ErrMessage, se.Name.Local)
			}
			sawEnvelope = true
		case depth == 2 && se.Name.Space == NamespaceSOAP && se.Name.Local == "Header":
			if err := d.DecodeElement(&h, &se); err != nil {
				return Header{}, fmt.Errorf("%w: header: %v", ErrMessage, err)
			}
			depth--
		case depth == 2 && se.Name.Space == NamespaceSOAP && se.Name.Local == "Body":
			sawBody = true
		case depth == 3 && sawBody:
			if se.Name.Space == NamespaceSOAP && se.Name.Local == "Fault" {
				f := &Fault{}
				if err := d.DecodeElement(f, &se); err != nil {
					return Header{}, fmt.Errorf("%w: fault: %v", ErrMessage, err)
				}
				return h, f
			}
			if body == nil {
				if err := d.Skip(); err != nil {
					return Header{}, fmt.Errorf("%w: %v", ErrMessage, err)
				}
			} else {
				if want := elementName(body); want.Local != "" && (se.Name.Local != want.Local || se.Name.Space != want.Space) {
					return Header{}, fmt.Errorf("%w: the body is <%s>, not <%s>", ErrMessage, se.Name.Local, want.Local)
				}
				if err := d.DecodeElement(body, &se); err != nil {
					return Header{}, fmt.Errorf("%w: body: %v", ErrMessage, err)
				}
				if lr.N <= 0 {
					return Header{}, ErrTooLarge
				}
			}
			depth--
			body = nil
		}
	}
	if !sawEnvelope || !sawBody {
		return Header{}, fmt.Errorf("%w: no SOAP envelope with a body", ErrMessage)
	}
	if body != nil {
		return Header{}, fmt.Errorf("%w: the body is empty", ErrMessage)
	}
	return h, nil
}

// ErrMessage is wrapped by the errors for an X-Road message that cannot be read.
var ErrMessage = errors.New("xroad: malformed message")

// elementName returns the element name of one of the package's message types, from its XMLName tag.
func elementName(v any) xml.Name {
	if n, ok := v.(interface{ element() xml.Name }); ok {
		return n.element()
	}
	return xml.Name{}
}

// encodeBody returns the body's XML alone, for tests and logs.
func encodeBody(body any) ([]byte, error) {
	var b bytes.Buffer
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	err := enc.Encode(body)
	return b.Bytes(), err
}
