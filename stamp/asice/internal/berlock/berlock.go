// Package berlock serialises the parsing of CMS structures by github.com/digitorus/pkcs7 (and
// github.com/digitorus/timestamp, which calls it). Its BER-to-DER conversion increments and
// decrements a package-level counter (encodeIndent, ber.go) on every parse, so two parses at once
// race: the race detector reports it when containers are sealed at T or LT in parallel
// (stamp.Service.StampBatch). The counter feeds only commented-out debugging output, but a data
// race is a data race. The module's later versions drop the counter and require Go 1.27; until the
// project moves to it, every parse goes through Do.
package berlock

import "sync"

var mu sync.Mutex

// Do runs f, which parses with pkcs7 or timestamp, alone.
func Do(f func()) {
	mu.Lock()
	defer mu.Unlock()
	f()
}
