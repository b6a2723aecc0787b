// coroutines drives iter.Pull, whose coroutine switches the tracer records as
// GoSwitch and GoSwitchDestroy, with coroutine goroutines created blocked.
package main

import (
	"iter"

	"gotrace.local/oracletests/internal/tracefile"
)

func main() {
	tracefile.Record(workload)
}

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func workload() {
	sum := 0
	for round := 0; round < 50; round++ {
		next, stop := iter.Pull(count(20))
		for {
			v, ok := next()
			if !ok {
				break
			}
			sum += v
		}
		stop()
		// Stop early so that the coroutine is destroyed from the outside, too.
		next, stop = iter.Pull(count(20))
		next()
		stop()
	}
	if sum == 0 {
		panic("no values")
	}
}
