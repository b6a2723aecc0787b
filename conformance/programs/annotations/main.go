// Command annotations exercises the user annotation API of runtime/trace: tasks
// (nested, ended on another goroutine, and left open when tracing stops), regions
// (nested, via WithRegion, spanning blocking operations, on several goroutines) and
// log messages with and without a task. It sleeps between phases so that, with a
// short GODEBUG=traceadvanceperiod, tasks and regions cross generation boundaries.
//
// usage: annotations TRACE_OUT
package main

import (
	"context"
	"runtime/trace"
	"sync"
	"time"

	"gotrace.local/conformance/programs/internal/harness"
)

func main() {
	harness.Traced(func() {
		bg := context.Background()
		trace.Log(bg, "phase", "start")
		trace.Logf(bg, "config", "workers=%d", 3)

		ctx, root := trace.NewTask(bg, "root")
		trace.Log(ctx, "step", "root task created")

		var wg sync.WaitGroup
		results := make(chan int, 3)
		for i := 0; i < 3; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				wctx, task := trace.NewTask(ctx, "worker")
				defer task.End()
				trace.WithRegion(wctx, "compute", func() {
					r := trace.StartRegion(wctx, "inner")
					sum := 0
					for j := 0; j < 10000*(i+1); j++ {
						sum += j
					}
					r.End()
					trace.Logf(wctx, "result", "%d", sum)
				})
				trace.WithRegion(wctx, "wait", func() {
					time.Sleep(time.Duration(i+1) * 2 * time.Millisecond)
				})
				results <- i
			}(i)
		}

		// A task that is created here and ended by another goroutine.
		hctx, handoff := trace.NewTask(ctx, "handoff")
		done := make(chan struct{})
		go func() {
			defer close(done)
			trace.WithRegion(hctx, "receiver", func() {
				trace.Log(hctx, "handoff", "ending task on another goroutine")
			})
			handoff.End()
		}()
		<-done

		// Regions on the background task, including one around blocking.
		r := trace.StartRegion(bg, "collect")
		wg.Wait()
		close(results)
		n := 0
		for range results {
			n++
		}
		r.End()
		trace.Logf(ctx, "collected", "%d", n)

		// A region and a log with long texts.
		long := make([]byte, 300)
		for i := range long {
			long[i] = 'a' + byte(i%26)
		}
		trace.WithRegion(ctx, "long-"+string(long[:40]), func() {
			trace.Log(ctx, "long", string(long))
		})

		time.Sleep(5 * time.Millisecond)
		root.End()

		// A task that is still open when tracing stops.
		_, open := trace.NewTask(bg, "unfinished")
		_ = open
		trace.StartRegion(bg, "unfinished-region") // never ended
	})
}
