// Command verify prints the report of an ASiC-E container (a digital stamp, or any .asice/.bdoc
// made by the Estonian reference tools): its files and, per signature, the files it covers, the
// signer, the signing time, the time-stamp, the profile and whether it is valid, with every reason
// it is not.
//
//	go run ./examples/verify [-roots ROOTS.pem] FILE.asice
//
// Each signature gets the verdict of ETSI EN 319 102-1 (TOTAL-PASSED, INDETERMINATE or
// TOTAL-FAILED with its sub-indication), as the DigiDoc validators report it.
//
// It exits 0 only when every signature in the container is valid and, with -roots (a PEM file of
// trusted root certificates), also trusted (TOTAL-PASSED); 1 otherwise; and 2 when the input
// cannot be used (no file, not a container, or a container refused as hostile). Without -roots
// no trust is decided: a valid signature is then INDETERMINATE, NO_CERTIFICATE_CHAIN_FOUND, and
// the exit status says only whether the container is intact.
package main

import (
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/kutsekit/kutse/stamp/asice"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rootsFlag := fs.String("roots", "", "a PEM file of trusted root certificates")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: verify [-roots ROOTS.pem] FILE.asice")
		return 2
	}
	opts := &asice.VerifyOptions{}
	if *rootsFlag != "" {
		pem, err := os.ReadFile(*rootsFlag)
		if err != nil {
			fmt.Fprintln(stderr, "verify:", err)
			return 2
		}
		opts.Roots = x509.NewCertPool()
		if !opts.Roots.AppendCertsFromPEM(pem) {
			fmt.Fprintf(stderr, "verify: %s: no PEM certificate in it\n", *rootsFlag)
			return 2
		}
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "verify:", err)
		return 2
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		fmt.Fprintln(stderr, "verify:", err)
		return 2
	}
	rep, err := asice.Verify(f, st.Size(), opts)
	if err != nil {
		kind := "not a usable container"
		if errors.Is(err, asice.ErrHostile) {
			kind = "refused as hostile"
		}
		fmt.Fprintf(stderr, "verify: %s: %s: %v\n", fs.Arg(0), kind, err)
		return 2
	}
	trust := opts.Roots != nil
	print(stdout, fs.Arg(0), rep, trust)
	if !rep.Valid || trust && !rep.Trusted() {
		return 1
	}
	return 0
}

func print(w io.Writer, name string, rep *asice.Report, trust bool) {
	p := func(format string, a ...any) { fmt.Fprintf(w, format, a...) }
	p("%s\n", name)
	p("files (%d):\n", len(rep.Files))
	for _, f := range rep.Files {
		p("  %s (%s, %d bytes)\n", f.Name, f.MediaType, f.Size)
	}
	for _, pr := range rep.Problems {
		p("problem: %s\n", pr)
	}
	for _, s := range rep.Signatures {
		verdict := "VALID"
		if !s.Valid {
			verdict = "INVALID"
		}
		p("signature %s (%s): %s\n", s.ID, s.SignaturesFile, verdict)
		if s.SubIndication != "" {
			p("  verdict:      %s, %s\n", s.Indication, s.SubIndication)
		} else {
			p("  verdict:      %s\n", s.Indication)
		}
		p("  profile:      XAdES Baseline-%s\n", s.Profile)
		p("  signer:       %s\n", s.SignerSubject)
		p("  signing time: %s\n", stamp(s.SigningTime))
		if !s.TimeStamp.IsZero() {
			p("  time-stamp:   %s by %s\n", stamp(s.TimeStamp), s.TSA)
		}
		if s.RevocationStatus != "" {
			p("  OCSP:         %s, produced %s\n", s.RevocationStatus, stamp(s.OCSPProducedAt))
		}
		for _, at := range s.ArchiveTimeStamps {
			p("  archive time-stamp: %s\n", stamp(at))
		}
		for _, nc := range s.NonConforming {
			p("  non-conforming: %s\n", nc)
		}
		p("  covers:       %v\n", s.Files)
		for _, pr := range s.Problems {
			p("  problem:      %s\n", pr)
		}
		for _, wn := range s.Warnings {
			p("  warning:      %s\n", wn)
		}
		if trust {
			p("  trusted:      %v\n", s.Trusted)
			for _, tp := range s.TrustProblems {
				p("  trust:        %s\n", tp)
			}
		}
	}
	switch {
	case !rep.Valid:
		p("result: INVALID\n")
	case trust && !rep.Trusted():
		p("result: VALID, NOT TRUSTED\n")
	default:
		p("result: VALID\n")
	}
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.UTC().Format(time.RFC3339)
}
