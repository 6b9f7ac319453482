package asice_test

import (
	"bytes"
	"testing"

	"github.com/kutsekit/kutse/stamp/asice"
	"github.com/kutsekit/kutse/stamp/asice/asicetest"
)

// BenchmarkCreate seals a digital stamp (CERT-06): three incompressible files of 40 KB, ECDSA
// P-256, profile B. The sub-benchmarks time its steps: hashing the files, building and signing
// the XAdES XML (canonicalization and ECDSA), and writing the ZIP (deflate).
func BenchmarkCreate(b *testing.B) {
	seal := testSeal(b, keyP256)
	files := stampFiles(40 << 10)
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := asice.Create(b.Context(), files, seal, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("hash", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			asice.HashFiles(files)
		}
	})
	digests := asice.HashFiles(files)
	b.Run("sign", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := asice.BuildSignature(b.Context(), files, digests, seal, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	sig, err := asice.BuildSignature(b.Context(), files, digests, seal, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("zip", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := asice.WriteContainer(files, sig, sealTime); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkVerify verifies the container of BenchmarkCreate.
func BenchmarkVerify(b *testing.B) {
	c, err := asice.Create(b.Context(), stampFiles(40<<10), testSeal(b, keyP256), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		rep, err := asice.Verify(bytes.NewReader(c), int64(len(c)), nil)
		if err != nil || !rep.Valid {
			b.Fatal(err, rep)
		}
	}
}

// BenchmarkVerifyLT verifies an LT and an LTA stamp of the same files (asicetest's PKI), with
// the trust decision: the time-stamp, certificate values and OCSP checks come on top of
// BenchmarkVerify's.
func BenchmarkVerifyLT(b *testing.B) {
	for _, p := range []asice.Profile{asice.ProfileLT, asice.ProfileLTA} {
		b.Run(p.String(), func(b *testing.B) {
			clock := asicetest.NewClock(sealTime)
			pki, err := asicetest.New(&asicetest.Options{Now: clock.Now})
			if err != nil {
				b.Fatal(err)
			}
			c, err := asice.Create(b.Context(), stampFiles(40<<10), asice.Seal{Key: pki.SealKey, Chain: pki.Chain(), Time: sealTime},
				&asice.Options{Profile: p, TimeStamper: pki.TimeStamper(), OCSP: pki.OCSPClient()})
			pki.Close()
			if err != nil {
				b.Fatal(err)
			}
			opts := &asice.VerifyOptions{Roots: pki.Roots()}
			b.ReportAllocs()
			for b.Loop() {
				rep, err := asice.Verify(bytes.NewReader(c), int64(len(c)), opts)
				if err != nil || !rep.Trusted() {
					b.Fatal(err, rep)
				}
			}
		})
	}
}
