// generations runs long enough, under a tiny GODEBUG=traceadvanceperiod, for the
// trace to span many generations, with goroutines that stay blocked across them
// (their statuses are re-announced in every generation).
package main

import (
	"fmt"
	"os"
	"sync"
	"time"

	"gotrace.local/oracletests/internal/tracefile"
)

// wantGenerations: six generations have ended (and the blocked goroutines were
// announced with their stacks in each new one) before the workload stops; the
// tests want at least five EndOfGeneration records.
const wantGenerations = 7

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
	// Run until the tracer has begun wantGenerations generations, as the stream it
	// writes says, rather than for a number of sleeps or a time: how many advance
	// periods pass in a sleep depends on how loaded the machine is. Each sleep
	// leaves the P idle for the tracer's advancer goroutine.
	deadline := time.Now().Add(time.Minute)
	for i := 0; tracefile.Generations() < wantGenerations; i++ {
		if time.Now().After(deadline) {
			fmt.Fprintf(os.Stderr, "generations: only %d generations after a minute\n",
				tracefile.Generations())
			os.Exit(1)
		}
		ticker <- i
		time.Sleep(3 * time.Millisecond)
	}
	close(ticker)
	close(stop)
	wg.Wait()
}
