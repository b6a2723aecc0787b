// allocfree allocates and frees objects of several sizes and grows goroutine
// stacks. Run it with GODEBUG=traceallocfree=1 so that the trace holds the
// AllocFree experiment: its experimental batches and the span, heap object and
// goroutine stack events.
package main

import (
	"runtime"
	"sync"

	"gotrace.local/oracletests/internal/tracefile"
)

type node struct {
	next *node
	pad  [48]byte
}

var sink any

func main() {
	tracefile.Record(workload)
}

func deep(n int) int {
	var pad [256]byte
	pad[n%256] = byte(n)
	if n == 0 {
		return int(pad[0])
	}
	return deep(n-1) + int(pad[n%256])
}

func workload() {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var head *node
			for i := 0; i < 2000; i++ {
				head = &node{next: head}
				if i%100 == 0 {
					sink = make([]byte, 64<<10)
					head = nil
				}
			}
			sink = deep(200)
		}()
	}
	wg.Wait()
	// The lists are garbage now. A collection while tracing is what records frees,
	// and runtime.GC returns only after sweeping every span, so the HeapObjectFree
	// (and SpanFree) events are in the trace whether or not the allocations above
	// triggered a cycle of their own.
	sink = nil
	runtime.GC()
}
