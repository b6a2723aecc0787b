// Command seedprog writes a small execution trace that touches most of the
// scheduler, GC, syscall and annotation events in a few short generations. gotrace's
// semantic tests run it with every Go toolchain they can find and compare gotrace's
// reading of the result with Go's own.
//
// usage: seedprog OUT.trace   (set GODEBUG=traceadvanceperiod=... for more generations)
package main

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/trace"
	"sync"
	"time"
)

var sink [][]byte

func main() {
	out, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	parked := make(chan struct{})
	go func() { <-parked }() // blocked before tracing starts: known only from a status
	if err := trace.Start(out); err != nil {
		panic(err)
	}
	ctx, task := trace.NewTask(context.Background(), "seed")
	trace.Log(ctx, "phase", "start")

	// Channels, blocking and unblocking.
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	for i := 0; i < 20; i++ {
		trace.WithRegion(ctx, "pingpong", func() {
			ping <- i
			<-pong
		})
	}
	close(ping)

	// Mutexes, yields and sleeps on a few goroutines.
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				mu.Lock()
				runtime.Gosched()
				mu.Unlock()
			}
			time.Sleep(time.Duration(w) * 200 * time.Microsecond)
		}(w)
	}
	wg.Wait()

	// A syscall that blocks long enough to lose its P sometimes.
	r, w, _ := os.Pipe()
	go func() {
		time.Sleep(2 * time.Millisecond)
		w.Write([]byte("x"))
	}()
	buf := make([]byte, 1)
	r.Read(buf)

	// Garbage for a collection or two (GC ranges, stop-the-world, sweeping, assists).
	// Not runtime.GC: it waits for sweeping by yielding, thousands of times.
	old := debug.SetGCPercent(5)
	for i := 0; i < 400; i++ {
		sink = append(sink, make([]byte, 8<<10))
		if len(sink) > 100 {
			sink = sink[:0]
		}
	}
	debug.SetGCPercent(old)
	close(parked)
	time.Sleep(time.Millisecond)

	trace.Log(ctx, "phase", "end")
	task.End()
	trace.Stop()
	out.Close()
}
