// Command bigtrace writes a large, busy execution trace for gotrace's benchmarks:
// many goroutines handing work over channels, a mutex under contention, short and
// blocking system calls, timers, garbage that keeps the collector running, user
// tasks, regions and logs, and CPU profile samples. It runs round after round until
// the trace reaches a target size, so the input is large and real rather than
// synthetic.
//
// usage: bigtrace TRACE_OUT [TARGET_MIB] [MAX_SECONDS]
//
// TARGET_MIB defaults to 48, MAX_SECONDS (a safety stop) to 120. The trace is
// written through a counting writer; the program stops tracing after the round in
// which the count passes the target, so the file ends a little above it.
package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// countingWriter counts the trace bytes as the tracer hands them over.
type countingWriter struct {
	w io.Writer
	n atomic.Int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n.Add(int64(n))
	return n, err
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: bigtrace TRACE_OUT [TARGET_MIB] [MAX_SECONDS]")
		os.Exit(2)
	}
	targetMiB := intArg(2, 48)
	maxSeconds := intArg(3, 120)

	f, err := os.Create(os.Args[1])
	if err != nil {
		fail("creating %s: %v", os.Args[1], err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	cw := &countingWriter{w: bw}

	// CPU profiling while tracing puts CPUSample batches into the trace.
	if err := pprof.StartCPUProfile(io.Discard); err != nil {
		fail("starting the CPU profiler: %v", err)
	}
	if err := trace.Start(cw); err != nil {
		fail("starting the tracer: %v", err)
	}

	start := time.Now()
	deadline := start.Add(time.Duration(maxSeconds) * time.Second)
	target := int64(targetMiB) << 20
	rounds := 0
	for cw.n.Load() < target && time.Now().Before(deadline) {
		round(rounds)
		rounds++
	}

	trace.Stop()
	pprof.StopCPUProfile()
	if err := bw.Flush(); err != nil {
		fail("flushing the trace: %v", err)
	}
	if err := f.Close(); err != nil {
		fail("closing the trace: %v", err)
	}
	fmt.Fprintf(os.Stderr, "bigtrace: %d rounds in %v, %d bytes\n",
		rounds, time.Since(start).Round(time.Millisecond), cw.n.Load())
}

func intArg(i, def int) int {
	if len(os.Args) <= i {
		return def
	}
	v, err := strconv.Atoi(os.Args[i])
	if err != nil || v <= 0 {
		fail("argument %d: want a positive integer, got %q", i, os.Args[i])
	}
	return v
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bigtrace: "+format+"\n", args...)
	os.Exit(1)
}

// round runs every workload once, concurrently, inside a user task.
func round(n int) {
	ctx, task := trace.NewTask(context.Background(), "round")
	defer task.End()
	trace.Logf(ctx, "round", "%d", n)

	var wg sync.WaitGroup
	run := func(name string, body func(context.Context)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			trace.WithRegion(ctx, name, func() { body(ctx) })
		}()
	}
	run("pipeline", func(ctx context.Context) { pipeline(ctx, n, 16, 100) })
	run("mutex", func(ctx context.Context) { contention(ctx, 16, 300) })
	run("syscalls", func(ctx context.Context) { syscalls(ctx, 8, 100) })
	run("garbage", func(ctx context.Context) { garbage(ctx, 4, 20000) })
	run("timers", func(ctx context.Context) { timers(ctx, 32, 10) })
	run("churn", func(ctx context.Context) { churn(ctx, 500) })
	wg.Wait()
	if n%10 == 9 {
		runtime.GC()
	}
}

// pipeline passes items through three stages of workers joined by unbuffered and
// buffered channels; the stages sit at different stack depths.
func pipeline(ctx context.Context, round, workers, items int) {
	src := make(chan int)
	mid := make(chan int, 8)
	out := make(chan int)
	var stage1, stage2 sync.WaitGroup
	for w := 0; w < workers; w++ {
		stage1.Add(1)
		go func(w int) {
			defer stage1.Done()
			for v := range src {
				mid <- deep(w%7, v)
			}
		}(w)
		stage2.Add(1)
		go func(w int) {
			defer stage2.Done()
			wctx, task := trace.NewTask(ctx, "stage2")
			defer task.End()
			for v := range mid {
				if v%97 == 0 {
					trace.Logf(wctx, "item", "w%d v%d", w%16, v%1000)
				}
				out <- v + 1
			}
		}(w)
	}
	go func() {
		for i := 0; i < workers*items; i++ {
			src <- i + round
		}
		close(src)
		stage1.Wait()
		close(mid)
		stage2.Wait()
		close(out)
	}()
	sum := 0
	for v := range out {
		sum += v
		if sum%1024 == 0 {
			runtime.Gosched()
		}
	}
	sink.Add(int64(sum))
}

var sink atomic.Int64

// deep recurses to give stacks of several depths.
func deep(d, v int) int {
	if d == 0 {
		return spin(v, 2000)
	}
	return deep(d-1, v) + 1
}

// spin is CPU work that emits no events: real programs compute between the events.
func spin(v, n int) int {
	x := uint64(v) | 1
	for i := 0; i < n; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return int(x & 0xffff)
}

// contention has goroutines fight over one mutex and wait on a condition variable.
func contention(ctx context.Context, workers, iters int) {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	counter := 0
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < iters; i++ {
				mu.Lock()
				counter++
				if counter%50 == 0 {
					cond.Broadcast()
				} else if counter%7 == 0 && counter < workers*iters-workers {
					cond.Wait()
				}
				mu.Unlock()
			}
		}()
	}
	go func() {
		// Wake anyone left waiting once the others are done.
		for {
			time.Sleep(200 * time.Microsecond)
			mu.Lock()
			done := counter >= workers*iters
			cond.Broadcast()
			mu.Unlock()
			if done {
				return
			}
		}
	}()
	wg.Wait()
	mu.Lock()
	cond.Broadcast()
	mu.Unlock()
}

// syscalls mixes cheap calls with calls that block in the kernel long enough to lose
// their P, and reads from a pipe that another goroutine fills.
func syscalls(ctx context.Context, workers, iters int) {
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		fail("%v", err)
	}
	defer devnull.Close()
	r, w, err := os.Pipe()
	if err != nil {
		fail("%v", err)
	}
	defer r.Close()
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			buf := []byte("bigtrace")
			for j := 0; j < iters; j++ {
				devnull.Write(buf)
				syscall.Getpid()
				if j%25 == 0 {
					ts := syscall.NsecToTimespec(int64(50 * time.Microsecond))
					syscall.Nanosleep(&ts, nil)
				}
			}
		}(i)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 64)
		for {
			if _, err := r.Read(buf); err != nil {
				return
			}
		}
	}()
	for j := 0; j < iters; j++ {
		w.Write([]byte{byte(j)})
	}
	w.Close()
	wg.Wait()
	<-done
}

type node struct {
	next  *node
	value [6]int64
	name  string
}

// garbage allocates short-lived linked structures so the collector runs often.
func garbage(ctx context.Context, workers, nodes int) {
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var head *node
			for i := 0; i < nodes; i++ {
				head = &node{next: head, name: strconv.Itoa(i)}
				head.value[i%6] = int64(i)
				if i%2000 == 0 {
					head = nil
				}
			}
			sink.Add(int64(len(make([]byte, 64<<10))))
		}(w)
	}
	wg.Wait()
}

// timers sleeps, ticks and selects on timeouts.
func timers(ctx context.Context, workers, iters int) {
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			c := make(chan int)
			for i := 0; i < iters; i++ {
				select {
				case <-c:
				case <-time.After(time.Duration(20+w) * time.Microsecond):
				}
				r := trace.StartRegion(ctx, "tick")
				time.Sleep(10 * time.Microsecond)
				r.End()
			}
		}(w)
	}
	wg.Wait()
}

// churn creates many short goroutines that hand off a value and exit.
func churn(ctx context.Context, n int) {
	results := make(chan int, 16)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results <- i * i
		}(i)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	s := 0
	for v := range results {
		s += v
	}
	sink.Add(int64(s))
}
