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
	deadline := time.Now().Add(60 * time.Millisecond)
	for i := 0; time.Now().Before(deadline); i++ {
		ticker <- i
		time.Sleep(200 * time.Microsecond)
	}
	close(ticker)
	close(stop)
	wg.Wait()
}
