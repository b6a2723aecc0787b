// Command basic exercises the goroutine life cycle: creation, start, voluntary and
// forced stops, blocking on channels, select, mutexes, condition variables, wait
// groups and timers, unblocking, and exit, plus goroutine stack growth. Enough
// garbage for a collection cycle or two adds the GC events (GC ranges, worker
// labels, heap metrics). With GODEBUG=traceallocfree=1 the same run produces the
// heap object, span and goroutine stack allocation/free events.
//
// usage: basic TRACE_OUT
package main

import (
	"runtime"
	"sync"
	"time"

	"gotrace.local/conformance/programs/internal/harness"
)

var sink []byte

func main() {
	// A goroutine that is blocked before tracing starts and stays blocked for a
	// while: the tracer only learns about it from a status record.
	parked := make(chan struct{})
	go func() { <-parked }()

	harness.Traced(func() {
		// First, while no collection is sweeping in the background (the
		// background sweeper yields after every few spans when all Ps are
		// busy, which would flood the trace).
		spinUntilPreempted(12 * time.Millisecond)
		pingPong(200)
		selects(50)
		mutexContention(4, 200)
		condBroadcast(4)
		yields(3, 20)
		sleepers(4)
		growStacks(3, 400)
		// About 4 MiB of short-lived garbage: enough for the collector to run
		// on its own (runtime.GC would spin in Gosched while it waits for
		// sweeping, which bloats the trace).
		allocate(64, 64<<10)
		close(parked)
		time.Sleep(time.Millisecond)
	})
}

// pingPong bounces a token between two goroutines over unbuffered channels.
func pingPong(rounds int) {
	ping, pong := make(chan int), make(chan int)
	done := make(chan struct{})
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(done)
	}()
	v := 0
	for i := 0; i < rounds; i++ {
		ping <- v
		v = <-pong
	}
	close(ping)
	<-done
}

// selects has a few goroutines wait in select statements.
func selects(n int) {
	a, b, quit := make(chan int), make(chan int), make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-a:
				case <-b:
				case <-quit:
					return
				}
			}
		}()
	}
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			a <- i
		} else {
			b <- i
		}
	}
	close(quit)
	wg.Wait()
}

// mutexContention makes goroutines fight over one mutex.
func mutexContention(workers, iters int) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < iters; i++ {
				mu.Lock()
				counter++
				if i%16 == 0 {
					time.Sleep(10 * time.Microsecond)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if counter != workers*iters {
		harness.Fail("lost updates: %d", counter)
	}
}

// condBroadcast parks goroutines on a sync.Cond and wakes them all at once.
func condBroadcast(waiters int) {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	var wg sync.WaitGroup
	for w := 0; w < waiters; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			for !ready {
				cond.Wait()
			}
			mu.Unlock()
		}()
	}
	time.Sleep(500 * time.Microsecond)
	mu.Lock()
	ready = true
	cond.Broadcast()
	mu.Unlock()
	wg.Wait()
}

// yields has goroutines give up their P with runtime.Gosched.
func yields(workers, n int) {
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < n; i++ {
				runtime.Gosched()
			}
		}()
	}
	wg.Wait()
}

// sleepers blocks goroutines on timers of different lengths.
func sleepers(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(d time.Duration) {
			defer wg.Done()
			time.Sleep(d)
		}(time.Duration(i+1) * 200 * time.Microsecond)
	}
	wg.Wait()
}

// spinUntilPreempted keeps more goroutines busy than there are Ps for longer than
// the scheduler's time slice, so some of them are preempted.
func spinUntilPreempted(d time.Duration) {
	var wg sync.WaitGroup
	n := runtime.GOMAXPROCS(0) + 1
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			end := time.Now().Add(d)
			x := 0
			for time.Now().Before(end) {
				x++
			}
			_ = x
		}()
	}
	wg.Wait()
}

// allocate produces n short-lived objects of the given size.
func allocate(n, size int) {
	for i := 0; i < n; i++ {
		sink = make([]byte, size)
	}
}

// growStacks runs goroutines whose deep recursion makes the runtime grow (copy and
// free) their stacks several times.
func growStacks(n, depth int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sink = make([]byte, recurse(depth+i))
		}(i)
	}
	wg.Wait()
}

//go:noinline
func recurse(n int) int {
	var frame [256]byte
	frame[n%len(frame)] = byte(n)
	if n == 0 {
		return int(frame[0])
	}
	return recurse(n-1) + int(frame[n%len(frame)]&1)
}
