// generations runs long enough, under a tiny GODEBUG=traceadvanceperiod, for the
// trace to span many generations, with goroutines that stay blocked across them
// (their statuses are re-announced in every generation).
package main

import (
	"sync"
	"time"

	"gotrace.local/oracletests/internal/tracefile"
)

func main() {
	tracefile.Record(workload)
}

func workload() {
	var wg sync.WaitGroup
	stop := make(chan struct{})
	blocked := make(chan int)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case <-blocked:
			case <-stop:
			}
		}()
	}
	ticker := make(chan int)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for v := range ticker {
			_ = make([]byte, 256+v)
		}
	}()
	// A fixed number of sleeps longer than the advance period, rather than a wall-clock
	// budget: on a loaded machine the process may get little of its wall time, but
	// every sleep leaves the P idle for the tracer's advancer goroutine, so the count
	// of generations does not depend on the load.
	for i := 0; i < 30; i++ {
		ticker <- i
		time.Sleep(3 * time.Millisecond)
	}
	close(ticker)
	close(stop)
	wg.Wait()
}
