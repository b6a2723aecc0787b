// Package gotest is a tiny library whose test is run with `go test -trace` (and
// -cpuprofile) to put the testing framework's own goroutines, parallel subtests and
// annotations into a trace.
package gotest

import "sync"

// ParallelSum adds 1..n using the given number of goroutines.
func ParallelSum(n, workers int) int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			s := 0
			for i := w + 1; i <= n; i += workers {
				s += i
			}
			mu.Lock()
			total += s
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	return total
}
