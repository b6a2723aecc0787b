// Command gcstress allocates hard with a small GC target so that the trace holds many
// collection cycles: concurrent mark ranges, mark assists, background and
// proportional sweeping, and heap size/goal metrics. Allocation starts before the
// tracer does, so the trace usually opens in the middle of a cycle. Run with a
// small GODEBUG=traceadvanceperiod to get generation boundaries inside GC cycles,
// sweeps and mark assists.
//
// usage: gcstress TRACE_OUT [DURATION]
package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"gotrace.local/conformance/programs/internal/harness"
)

type node struct {
	left, right *node
	payload     [48]byte
}

func build(depth int) *node {
	if depth == 0 {
		return &node{}
	}
	return &node{left: build(depth - 1), right: build(depth - 1)}
}

func (n *node) touch() int {
	if n == nil {
		return 0
	}
	n.payload[0]++
	return 1 + n.left.touch() + n.right.touch()
}

// Tuning knobs for experiments: GCSTRESS_LARGE (bytes per large allocation),
// GCSTRESS_YIELD (iterations between Gosched calls) and GCSTRESS_WORKERS (number of
// allocating goroutines, default GOMAXPROCS/2).
var (
	largeSize  = envInt("GCSTRESS_LARGE", 64<<10)
	yieldEvery = envInt("GCSTRESS_YIELD", 1024)
)

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

var (
	retained [64]*node
)

func main() {
	duration := 60 * time.Millisecond
	if len(os.Args) > 2 {
		d, err := time.ParseDuration(os.Args[2])
		if err != nil {
			harness.Fail("bad duration: %v", err)
		}
		duration = d
	}
	debug.SetGCPercent(10)

	// Long-lived data makes marking take a while; the workers replace slots of it
	// and throw away short-lived trees and byte slices.
	for i := range retained {
		retained[i] = build(7)
	}
	var stop atomic.Bool
	var wg sync.WaitGroup
	// Half of the Ps allocate. The idle ones matter: with no idle P the
	// background sweeper yields after every few spans, thousands of times per
	// cycle, which bloats the trace without adding anything new.
	workers := envInt("GCSTRESS_WORKERS", max(1, runtime.GOMAXPROCS(0)/2))
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			local := make([][]byte, 0, 32)
			for i := 0; !stop.Load(); i++ {
				t := build(5)
				t.touch()
				retained[(w*7+i)%len(retained)] = build(6)
				// Large objects go straight to the page heap, whose
				// allocation path reclaims (sweeps) pages in bulk.
				local = append(local, make([]byte, largeSize+(i%8)<<12))
				if len(local) == cap(local) {
					local = local[:0]
				}
				if i%yieldEvery == 0 {
					runtime.Gosched()
				}
			}
		}(w)
	}
	time.Sleep(3 * time.Millisecond)

	harness.Traced(func() {
		time.Sleep(duration)
	})
	stop.Store(true)
	wg.Wait()
}
