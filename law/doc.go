// Package law holds what every decision of the SDK rests on: citations of legal provisions
// ([Citation]), the versions of a rule with their in-force periods and the choice of a version by
// date ([Versions], GEN-04), and the explanation a decision carries ([Explanation], GEN-06), rendered
// in Estonian or English ([Lang], GEN-05).
//
// # Citations
//
// A citation renders the Estonian way, "RT I 2010, 58, 391 § 18 lg 1 p 2", or in the form of Riigi
// Teataja's English translations, "RT I 2010, 58, 391 § 18 (1) 2)". Where the Riigi Teataja reference
// is unknown the act's name stands in its place.
//
// # Versions
//
// A rule that changed keeps each version with its period. [Versions.At] picks the one in force on the
// date that matters and returns an error, never a guess, for a date no version covers. A host adds a
// later version by appending to the table it passes in; nothing in the SDK changes.
//
// # Explanations
//
// An [Explanation] is the ordered list of steps a decision took: each names the rule ID from RULES.md,
// the provision and what was found. Pure rule functions return one beside their value, so a host can
// show a registrar, a school or a person why the SDK decided as it did.
//
// # Refusals
//
// A request refused by a legal rule, in whichever package, is a *[RuleError] (or, in package
// proficiency, a *Refusal that errors.As converts to one) wrapping [ErrRefused] and the package's own
// category: a host handles "refused by a rule" once, with errors.Is(err, law.ErrRefused), and shows
// the rule and the provision the RuleError names.
package law
