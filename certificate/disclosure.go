package certificate

import "github.com/kutsekit/kutse/calendar"

// Public reports whether certificates of kind k are public register entries, which the public may
// look up and search (CERT-04, CERT-12): occupational and partial certificates and qualifications on
// a school's leaving document, the register's issued qualifications (seed 001: "väljastatud kutsed
// (kutsetunnistused ja koolilõpudokumendile kantud kutsed)"; KRPM § 5, § 8 (1)–(2), § 15 (1)).
//
// School leaving certificates, grade sheets, state-exam and proficiency certificates are not: they
// are drawn up in EHIS and given to the person (seed 002 § 8 (4), § 9, § 11 (2), § 12), the state-exam
// certificate is available to the person in the state portal (seed 002 § 15 (2)), the proficiency
// certificate likewise (004 § 7 (6); 003: "Telefoni teel tulemusi ei avaldata"). No source makes them
// public, so the public sees nothing of them: [Registry.Lookup] reports them exactly like a missing
// number, [Registry.Search] and every store's PublicCertificates never return them. See the table in
// the package documentation.
func (k Kind) Public() bool {
	return k == Occupational || k == Partial || k == SchoolQualification
}

// PublicKinds returns the kinds for which [Kind.Public] is true, in order.
func PublicKinds() []Kind {
	var out []Kind
	for _, k := range Kinds {
		if k.Public() {
			out = append(out, k)
		}
	}
	return out
}

// PublicOn returns the public view of c on day d, and false when the public may see nothing of c: a
// hidden certificate (CERT-04) or one of a kind that is not a public register entry ([Kind.Public]).
func (c *Certificate) PublicOn(d calendar.Date) (PublicView, bool) {
	if c.Hidden || !c.Kind.Public() {
		return PublicView{}, false
	}
	return c.ViewOn(d), true
}

// NameMatchable reports whether the public text search may match c's holder's name on day d: only
// while the holder's personal data are public, that is while the certificate is valid on d (CERT-12:
// KRPM § 15 (1)). A name found on an expired, invalidated, replaced or not yet valid certificate would
// tell the searcher that this person held it even with the name left out of the view. Stores apply
// the same rule in their queries (see [PublicQuery]).
func (c *Certificate) NameMatchable(d calendar.Date) bool { return c.StatusOn(d) == Valid }
