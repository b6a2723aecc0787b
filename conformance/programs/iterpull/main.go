//go:build go1.23

// Command iterpull exercises coroutines, which the runtime uses to implement
// iter.Pull and iter.Pull2: creating a coroutine goroutine in the blocked state,
// switching control back and forth on every value, and the final switch that
// destroys the coroutine, both when the sequence runs to the end and when the
// consumer stops early. Requires Go 1.23 (iter package, coroutine trace events).
//
// usage: iterpull TRACE_OUT
package main

import (
	"iter"
	"sync"

	"gotrace.local/conformance/programs/internal/harness"
)

// count yields 0..n-1.
func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// squares yields (i, i*i) pairs for i in 0..n-1.
func squares(n int) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i, i*i) {
				return
			}
		}
	}
}

func drain(n int) int {
	next, stop := iter.Pull(count(n))
	defer stop()
	sum := 0
	for {
		v, ok := next()
		if !ok {
			return sum
		}
		sum += v
	}
}

func stopEarly(n, take int) int {
	next, stop := iter.Pull(count(n))
	sum := 0
	for i := 0; i < take; i++ {
		v, _ := next()
		sum += v
	}
	stop()
	return sum
}

func pairs(n int) int {
	next, stop := iter.Pull2(squares(n))
	defer stop()
	sum := 0
	for {
		k, v, ok := next()
		if !ok {
			return sum
		}
		sum += k + v
	}
}

func main() {
	harness.Traced(func() {
		total := drain(20) + stopEarly(50, 5) + pairs(10)

		// A pull iterator that is never advanced: created and stopped.
		_, stop := iter.Pull(count(3))
		stop()

		// Several goroutines using pull iterators at once.
		var wg sync.WaitGroup
		for g := 0; g < 3; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_ = drain(15)
			}()
		}
		wg.Wait()
		_ = total
	})
}
