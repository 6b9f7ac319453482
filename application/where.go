package application

import (
	"context"
	"fmt"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/store"
)

// Register is the register's reference data the service reads: occupational standards with their
// versions and awarding bodies with the qualifications they award (package classifier/register).
// Hosts pass the register's own store of them, or a [StaticRegister].
type Register interface {
	// Standard returns the standard one of whose versions has the id, or an error wrapping
	// store.ErrNotFound.
	Standard(ctx context.Context, id register.ID) (register.Standard, error)
	// AwardingBody returns the awarding body with the registry code, or an error wrapping
	// store.ErrNotFound.
	AwardingBody(ctx context.Context, code string) (register.AwardingBody, error)
}

// StaticRegister is a [Register] held in memory, for tests, examples and hosts that load the register's
// data at start-up. Its methods return copies.
type StaticRegister struct {
	Standards []register.Standard
	Bodies    []register.AwardingBody
}

// Standard implements Register.
func (c *StaticRegister) Standard(ctx context.Context, id register.ID) (register.Standard, error) {
	if err := ctx.Err(); err != nil {
		return register.Standard{}, err
	}
	for _, s := range c.Standards {
		if _, ok := s.Version(id); ok {
			return s.Clone(), nil
		}
	}
	return register.Standard{}, fmt.Errorf("application: standard %s: %w", id, store.ErrNotFound)
}

// AwardingBody implements Register.
func (c *StaticRegister) AwardingBody(ctx context.Context, code string) (register.AwardingBody, error) {
	if err := ctx.Err(); err != nil {
		return register.AwardingBody{}, err
	}
	for _, b := range c.Bodies {
		if b.Code == code {
			return b.Clone(), nil
		}
	}
	return register.AwardingBody{}, fmt.Errorf("application: awarding body %s: %w", code, store.ErrNotFound)
}

// Destination is the answer to "where do I apply?" for a qualification (APP-03): here, in the
// register's environment, or elsewhere, at URL.
type Destination struct {
	Here bool   // apply in the register
	URL  string // when not Here: the awarding body's own environment ("" when the register knows none)
	// Version is the standard's version in force on the day, Award what the body awards under it,
	// and Qualification the body's settings for it (zero when it made none).
	Version       register.StandardVersion
	Award         register.Award
	Qualification Qualification
	Explanation   law.Explanation
}

// ids returns the ids of every version of s.
func ids(s *register.Standard) []register.ID {
	out := make([]register.ID, len(s.Versions))
	for i, v := range s.Versions {
		out[i] = v.ID
	}
	return out
}

// Where implements APP-03: a person applies for, or re-certifies, the qualification of standard std
// in the register only where the awarding body b has joined (Settings.Joined) and set the
// qualification up (marked the documents it requires and added its information); otherwise the
// person is sent to the body's own environment: the qualification's External address, else the
// body's, else the body's page on the qualification, else its home page (seed 000 slide 3: "Kui
// kutset annab kutse andja, kes kasutab taotluste vastuvõtmiseks oma keskkonda, siis suunatakse
// Sind vastava kutse vaatest selle kutse andja lehele"). s is the body's settings, zero when it made
// none.
//
// The standard's version in force on d is the one applied for (GEN-04); none in force is an error
// wrapping [ErrNoStandard]. A body that does not award the standard, or whose right to award does
// not cover d (KutS § 10 (1)), is an error wrapping [ErrNotAwarded].
func Where(std register.Standard, b register.AwardingBody, s Settings, d calendar.Date) (Destination, error) {
	v, step, err := std.InForce(d)
	if err != nil {
		return Destination{}, &RuleError{Pkg: pkg, Rule: "GEN-04", Citation: "kutsestandard " + std.ID.String(), Op: "apply for standard " + std.ID.String(),
			Reason: "no version of the standard is in force on " + d.Register(), Err: ErrNoStandard}
	}
	out := Destination{Version: v}
	out.Explanation.AddStep(step)
	award, ok := b.Award(ids(&std)...)
	if !ok {
		return Destination{}, &RuleError{Pkg: pkg, Rule: RuleJoined, Citation: kuts.At("10", "1", "").String(), Op: "apply for " + v.Name,
			Reason: b.Name + " (" + b.Code + ") does not award " + v.Name, Err: ErrNotAwarded}
	}
	if !b.MayAwardOn(d) {
		return Destination{}, &RuleError{Pkg: pkg, Rule: RuleJoined, Citation: kuts.At("10", "1", "").String(), Op: "apply for " + v.Name,
			Reason: "the right of " + b.Name + " to award covers " + b.Mandate.String() + ", not " + d.String(), Err: ErrNotAwarded}
	}
	out.Award = award
	q, set := s.Qualification(ids(&std)...)
	if s.Body != b.Code {
		set = false
	}
	if s.Body == b.Code && s.Joined && set && q.SetUp() && q.External == "" {
		out.Here, out.Qualification = true, q
		out.Explanation.Add(RuleJoined, selfService, b.Name+" on kutsetaotluskeskkonnaga liitunud ja kutse "+v.Name+" taotlemise seadistanud: taotle siin",
			b.Name+" has joined the register's application environment and set up "+v.Name+": apply here")
		return out, nil
	}
	for _, u := range []string{q.External, s.External, award.Info.Link, b.Contacts.HomePage} {
		if u != "" {
			out.URL = u
			break
		}
	}
	why, whyEn := "ei ole kutsetaotluskeskkonnaga liitunud", "has not joined the register's application environment"
	switch {
	case s.Body == b.Code && s.Joined && set && q.External != "":
		why, whyEn = "võtab kutse "+v.Name+" taotlusi vastu oma keskkonnas", "receives applications for "+v.Name+" in its own environment"
	case s.Body == b.Code && s.Joined:
		why, whyEn = "ei ole kutse "+v.Name+" taotlemist seadistanud", "has not set up applications for "+v.Name
	}
	to, toEn := "aadressi kutseregistris ei ole", "the register has no address of it"
	if out.URL != "" {
		to, toEn = "mine "+out.URL, "go to "+out.URL
	}
	out.Explanation.Add(RuleJoined, selfService, b.Name+" "+why+": "+to, b.Name+" "+whyEn+": "+toEn)
	return out, nil
}
