// cpusamples burns CPU on several goroutines while both the CPU profiler and the
// execution tracer run, so the trace holds CPUSample records and their stacks.
//
// The profiler samples CPU time, not wall time, and the tests run the trace
// programs side by side on machines that may have little CPU to spare, so the
// workload runs until the process has used a fixed amount of CPU time.
package main

import (
	"io"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"gotrace.local/oracletests/internal/tracefile"
)

// cpuBudget is about 30 samples at the profiler's default 100 Hz.
const cpuBudget = 300 * time.Millisecond

// wallLimit only bounds a run that cannot get the CPU time at all; a loaded
// machine takes longer than cpuBudget of wall time, but gets there.
const wallLimit = time.Minute

var sink atomic.Uint64

func main() {
	tracefile.Record(func() {
		if err := pprof.StartCPUProfile(io.Discard); err != nil {
			panic(err)
		}
		workload()
		pprof.StopCPUProfile()
	})
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func spin(done *atomic.Bool) {
	x := uint64(1)
	for !done.Load() {
		for i := 0; i < 10000; i++ {
			x = x*6364136223846793005 + 1442695040888963407
		}
	}
	sink.Add(x)
}

func workload() {
	var done atomic.Bool
	var wg sync.WaitGroup
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			spin(&done)
		}()
	}
	start, deadline := cpuTime(), time.Now().Add(wallLimit)
	for cpuTime()-start < cpuBudget && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	done.Store(true)
	wg.Wait()
}
