// Command bigsweep makes sweeping a large share of the program's work, so that
// generation boundaries often fall inside a sweep range (GCSweepActive). It keeps a
// large live heap of big pointer-free objects, which are cheap to mark, while two
// goroutines turn out big garbage objects. Each cycle then leaves a lot of memory to
// free, and the allocating goroutines do much of that freeing themselves
// (proportional sweeping). Run it with GODEBUG=clobberfree=1, which makes the
// sweeper overwrite freed memory and so makes every sweep slower, a short
// traceadvanceperiod, and more Ps than allocating goroutines (with no idle P, the
// background sweeper yields after every few spans, which floods the trace).
//
// usage: bigsweep TRACE_OUT [DURATION]
package main

import (
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"gotrace.local/conformance/programs/internal/harness"
)

const (
	liveBytes    = 64 << 20
	objectBytes  = 256 << 10
	allocWorkers = 2
)

var (
	live  [][]byte
	sinks [allocWorkers][]byte
)

func main() {
	duration := 50 * time.Millisecond
	if len(os.Args) > 2 {
		d, err := time.ParseDuration(os.Args[2])
		if err != nil {
			harness.Fail("bad duration: %v", err)
		}
		duration = d
	}
	debug.SetGCPercent(50)
	for n := 0; n < liveBytes; n += objectBytes {
		live = append(live, make([]byte, objectBytes))
	}

	harness.Traced(func() {
		var stop atomic.Bool
		var wg sync.WaitGroup
		for w := 0; w < allocWorkers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for !stop.Load() {
					sinks[w] = make([]byte, objectBytes)
				}
			}(w)
		}
		time.Sleep(duration)
		stop.Store(true)
		wg.Wait()
	})
}
