package asice

import (
	"bytes"
	"context"
	"crypto"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/beevik/etree"
)

// idArchiveTimeStamp is the Id of the archive time-stamp Create writes.
const idArchiveTimeStamp = "S0-A0"

var (
	errNoDataFile = errors.New("a Reference names no data file")
	errSize       = errors.New("entry size does not match its header")
)

// archiveInput writes to w what the archive time-stamp ats of the ds:Signature sig covers, as
// ETSI EN 319 132-1 § 5.5.2.2 (and XAdES 1.4.1 § 8.2.1, "not distributed case") defines it:
//  1. each ds:Reference of SignedInfo, in order, dereferenced: a data file's bytes (data, which
//     writes the file named), or the element a same-document URI names, with the Reference's
//     canonicalization Transform or, without one, the time-stamp's;
//  2. ds:SignedInfo, ds:SignatureValue and ds:KeyInfo, each canonicalized with alg (and
//     prefixList for exclusive c14n);
//  3. each child of xades:UnsignedSignatureProperties before ats, canonicalized (all of them
//     when ats is nil, for the time-stamp Create is about to add);
//  4. each ds:Object that does not hold the xades:QualifyingProperties, canonicalized.
func archiveInput(w io.Writer, sig, ats *etree.Element, alg, prefixList string, data func(name string, w io.Writer) error) error {
	si := child(sig, nsDS, "SignedInfo")
	if si == nil {
		return errors.New("no SignedInfo")
	}
	c14n := func(el *etree.Element, alg, pl string) error {
		b, err := canonicalize(el, alg, pl)
		if err == nil {
			_, err = w.Write(b)
		}
		return err
	}
	for _, ref := range children(si, nsDS, "Reference") {
		uri, _ := attr(ref, "URI")
		if id, ok := strings.CutPrefix(uri, "#"); ok {
			target := elementByID(sig, id)
			if target == nil {
				return errors.New("Reference " + uri + " names no element of the signature")
			}
			ralg, rpl := alg, prefixList
			if tr := child(ref, nsDS, "Transforms"); tr != nil {
				ts := children(tr, nsDS, "Transform")
				if len(ts) != 1 {
					return errors.New("Reference " + uri + " has more than one Transform")
				}
				ralg, rpl = c14nOf(ts[0])
			}
			if err := c14n(target, ralg, rpl); err != nil {
				return err
			}
			continue
		}
		name, ok := decodeURI(uri)
		if !ok {
			return errNoDataFile
		}
		if err := data(name, w); err != nil {
			return err
		}
	}
	for _, name := range []string{"SignedInfo", "SignatureValue", "KeyInfo"} {
		if el := child(sig, nsDS, name); el != nil {
			if err := c14n(el, alg, prefixList); err != nil {
				return err
			}
		}
	}
	usp := unsignedSignatureProperties(sig)
	if usp == nil {
		return errors.New("no UnsignedSignatureProperties")
	}
	for _, el := range usp.ChildElements() {
		if el == ats {
			break
		}
		if err := c14n(el, alg, prefixList); err != nil {
			return err
		}
	}
	for _, o := range children(sig, nsDS, "Object") {
		if child(o, nsXAdES, "QualifyingProperties") == nil {
			if err := c14n(o, alg, prefixList); err != nil {
				return err
			}
		}
	}
	return nil
}

// unsignedSignatureProperties returns the xades:UnsignedSignatureProperties of sig, or nil.
func unsignedSignatureProperties(sig *etree.Element) *etree.Element {
	for _, o := range children(sig, nsDS, "Object") {
		qp := child(o, nsXAdES, "QualifyingProperties")
		if usp := child(child(qp, nsXAdES, "UnsignedProperties"), nsXAdES, "UnsignedSignatureProperties"); usp != nil {
			return usp
		}
	}
	return nil
}

// elementByID returns the element under root (root included) whose Id attribute is id, or nil.
func elementByID(root *etree.Element, id string) *etree.Element {
	if v, ok := attr(root, "Id"); ok && v == id {
		return root
	}
	for _, c := range root.ChildElements() {
		if el := elementByID(c, id); el != nil {
			return el
		}
	}
	return nil
}

// addArchiveTimeStamp appends a xades141:ArchiveTimeStamp to the unsigned signature properties
// of sig (an LT signature): a SHA-256 time-stamp of archiveInput, canonicalized as the
// signature time-stamp is, from the same time-stamping service. The xades141 namespace is
// declared on the element itself, so that the canonical forms of what the signature and the
// earlier time-stamps cover do not change.
func addArchiveTimeStamp(ctx context.Context, sig *etree.Element, files []File, o Options) error {
	h := sha256.New()
	err := archiveInput(h, sig, nil, o.Canonicalization, "", func(name string, w io.Writer) error {
		for _, f := range files {
			if f.Name == name {
				_, err := w.Write(f.Data)
				return err
			}
		}
		return errNoDataFile
	})
	if err != nil {
		return fmt.Errorf("asice: archive time-stamp: %w", err)
	}
	imprint := h.Sum(nil)
	tok, err := o.TimeStamper.TimeStamp(ctx, imprint, crypto.SHA256)
	if err != nil {
		return fmt.Errorf("asice: archive time-stamp: %w (%w)", ErrService, err)
	}
	if _, info, err := parseToken(tok); err != nil {
		return fmt.Errorf("asice: archive time-stamp: %w: %w", ErrService, err)
	} else if info.hash != crypto.SHA256 || !bytes.Equal(info.imprint, imprint) {
		return fmt.Errorf("asice: archive time-stamp: %w: token's message imprint is not the one requested", ErrService)
	}
	ats := unsignedSignatureProperties(sig).CreateElement("xades141:ArchiveTimeStamp")
	ats.CreateAttr("xmlns:xades141", nsXAdES141)
	ats.CreateAttr("Id", idArchiveTimeStamp)
	ats.CreateElement("ds:CanonicalizationMethod").CreateAttr("Algorithm", o.Canonicalization)
	ats.CreateElement("xades:EncapsulatedTimeStamp").SetText(base64.StdEncoding.EncodeToString(tok))
	return nil
}
