//go:build go1.25

// Command flightrecorder runs the runtime/trace flight recorder (Go 1.25+) over a
// workload that spans several generations and then writes the recorder's window to
// the output. The recorder keeps only recent generations, so the written trace
// starts at a generation number greater than one. Run it with a short
// GODEBUG=traceadvanceperiod so there are generations to drop.
//
// usage: flightrecorder TRACE_OUT
package main

import (
	"context"
	"runtime"
	"runtime/trace"
	"sync"
	"time"

	"gotrace.local/conformance/programs/internal/harness"
)

var sink [][]byte

func main() {
	fr := trace.NewFlightRecorder(trace.FlightRecorderConfig{
		MinAge:   15 * time.Millisecond,
		MaxBytes: 256 << 10,
	})
	if err := fr.Start(); err != nil {
		harness.Fail("starting the flight recorder: %v", err)
	}

	// Phase 1: activity that should mostly have aged out of the window.
	work(40*time.Millisecond, "early")
	// Phase 2: the activity we want to capture.
	work(20*time.Millisecond, "late")

	w, done := harness.Output()
	if _, err := fr.WriteTo(w); err != nil {
		harness.Fail("writing the flight recorder window: %v", err)
	}
	done()
	fr.Stop()
}

func work(d time.Duration, phase string) {
	ctx, task := trace.NewTask(context.Background(), phase)
	defer task.End()
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				trace.WithRegion(ctx, phase+"-step", func() {
					sink = append(sink[:0], make([]byte, 1024))
					time.Sleep(time.Duration(200+100*i) * time.Microsecond)
				})
				runtime.Gosched()
			}
		}(i)
	}
	time.Sleep(d)
	close(stop)
	wg.Wait()
}
