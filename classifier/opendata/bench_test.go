package opendata_test

import (
	"os"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/kutsekit/kutse/classifier/opendata"
)

// BenchmarkReadIssued200k reads a generated issued-qualifications feed of 200,000 records (about
// 160 MB) from a temporary file, decoding every record (OPN-01). Target: ≥ 100 MB/s on one core.
func BenchmarkReadIssued200k(b *testing.B) {
	path, size := issuedFeedFile(b, 200_000)
	b.SetBytes(size)
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, err := range opendata.ReadIssued(f, nil) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		f.Close()
		if n != 200_000 {
			b.Fatalf("read %d records", n)
		}
	}
	// The machine is shared: the CPU time the process spent (user and system, all threads, the
	// garbage collector's included) says more than the wall clock.
	b.ReportMetric(float64(size)*float64(b.N)/1e6/(cpuTime()-cpu).Seconds(), "MB/cpu-s")
}

// cpuTime returns the CPU time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkReadMemory reads generated feeds of 10^5 and 10^6 records and reports the largest heap in
// use during the read (runtime.MemStats.HeapInuse, sampled every 10,000 records) as peak-heap-MiB: it
// stays flat whatever the size of the feed (target ≤ 32 MiB).
func BenchmarkReadMemory(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			path, size := issuedFeedFile(b, n)
			b.SetBytes(size)
			var peak uint64
			var ms runtime.MemStats
			for b.Loop() {
				runtime.GC()
				f, err := os.Open(path)
				if err != nil {
					b.Fatal(err)
				}
				i := 0
				for _, err := range opendata.ReadIssued(f, nil) {
					if err != nil {
						b.Fatal(err)
					}
					if i++; i%10_000 == 0 {
						runtime.ReadMemStats(&ms)
						peak = max(peak, ms.HeapInuse)
					}
				}
				f.Close()
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		})
	}
}

// BenchmarkReadIssuedReference reads the same 200,000-record feed with encoding/xml alone (the
// reference tokenizer), for comparison with BenchmarkReadIssued200k.
func BenchmarkReadIssuedReference(b *testing.B) {
	path, size := issuedFeedFile(b, 200_000)
	b.SetBytes(size)
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		r, err := opendata.NewReferenceReader(f, opendata.Issued, nil)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rec, err := range r.Records() {
			if err != nil {
				b.Fatal(err)
			}
			if _, err := opendata.DecodeIssued(rec); err != nil {
				b.Fatal(err)
			}
			n++
		}
		f.Close()
		if n != 200_000 {
			b.Fatalf("read %d records", n)
		}
	}
	b.ReportMetric(float64(size)*float64(b.N)/1e6/(cpuTime()-cpu).Seconds(), "MB/cpu-s")
}
