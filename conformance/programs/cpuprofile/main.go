// Command cpuprofile runs the CPU profiler while the execution tracer is on, which
// makes the runtime copy profiling samples (with their stacks) into the trace. A few
// goroutines burn CPU in different functions so the samples have distinct stacks.
//
// usage: cpuprofile TRACE_OUT
package main

import (
	"io"
	"runtime/pprof"
	"sync"
	"time"

	"gotrace.local/conformance/programs/internal/harness"
)

var results [3]uint64

//go:noinline
func hashLoop(d time.Duration) uint64 {
	h := uint64(14695981039346656037)
	for end := time.Now().Add(d); time.Now().Before(end); {
		for i := 0; i < 1000; i++ {
			h ^= uint64(i)
			h *= 1099511628211
		}
	}
	return h
}

//go:noinline
func primeLoop(d time.Duration) uint64 {
	var found uint64
	n := uint64(3)
	for end := time.Now().Add(d); time.Now().Before(end); {
		for k := 0; k < 100; k++ {
			prime := true
			for q := uint64(3); q*q <= n; q += 2 {
				if n%q == 0 {
					prime = false
					break
				}
			}
			if prime {
				found++
			}
			n += 2
		}
	}
	return found
}

//go:noinline
func allocLoop(d time.Duration) uint64 {
	var keep [][]byte
	var x uint64
	for end := time.Now().Add(d); time.Now().Before(end); {
		keep = append(keep, make([]byte, 256))
		if len(keep) > 1024 {
			keep = keep[:0]
		}
		for i := 0; i < 2000; i++ {
			x += uint64(i) * x
		}
	}
	return uint64(len(keep)) + x
}

func main() {
	harness.Traced(func() {
		if err := pprof.StartCPUProfile(io.Discard); err != nil {
			harness.Fail("starting the CPU profiler: %v", err)
		}
		const d = 80 * time.Millisecond
		var wg sync.WaitGroup
		for i, f := range []func(time.Duration) uint64{hashLoop, primeLoop, allocLoop} {
			wg.Add(1)
			go func(i int, f func(time.Duration) uint64) {
				defer wg.Done()
				results[i] = f(d)
			}(i, f)
		}
		wg.Wait()
		pprof.StopCPUProfile()
	})
}
