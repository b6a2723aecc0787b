// Command stw exercises stop-the-world pauses of several kinds and GOMAXPROCS
// changes: memory statistics, goroutine profiles, all-goroutine stack dumps, a heap
// dump, and resizing the set of Ps up and down while goroutines run.
//
// usage: stw TRACE_OUT
package main

import (
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sync"
	"time"

	"gotrace.local/conformance/programs/internal/harness"
)

var sink [][]byte

func main() {
	harness.Traced(func() {
		// Background goroutines so that there is something to stop.
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for i := 0; i < 3; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				t := time.NewTicker(200 * time.Microsecond)
				defer t.Stop()
				for {
					select {
					case <-stop:
						return
					case <-t.C:
						sink = append(sink[:0], make([]byte, 2048))
					}
				}
			}()
		}

		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)

		original := runtime.GOMAXPROCS(0)
		for _, n := range []int{1, 3, 2, original} {
			runtime.GOMAXPROCS(n)
			time.Sleep(300 * time.Microsecond)
		}
		close(stop)
		wg.Wait()

		// No runtime.GC or debug.FreeOSMemory here: after a forced cycle the
		// caller waits for the background sweeper by calling Gosched in a
		// loop, which can put tens of thousands of events into the trace.
		// The GC pauses are covered by the basic and gcstress programs.

		if err := pprof.Lookup("goroutine").WriteTo(io.Discard, 0); err != nil {
			harness.Fail("goroutine profile: %v", err)
		}
		buf := make([]byte, 64<<10)
		_ = runtime.Stack(buf, true)

		if f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0); err == nil {
			debug.WriteHeapDump(f.Fd())
			f.Close()
		}

		runtime.ReadMemStats(&ms)
	})
}
