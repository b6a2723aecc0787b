// sched keeps the scheduler busy while it is traced: goroutines that hand work
// over channels, contend on a mutex, wait in select and sleep, block in syscalls
// on a pipe, and allocate under a low GC percentage so that GCs, sweeps, mark
// assists and stop-the-world pauses show up.
package main

import (
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"gotrace.local/oracletests/internal/tracefile"
)

func main() {
	debug.SetGCPercent(20)
	tracefile.Record(workload)
}

func workload() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	shared := map[int][]byte{}

	jobs := make(chan int)
	results := make(chan []byte, 4)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for j := range jobs {
				buf := make([]byte, 512+j%1024)
				mu.Lock()
				shared[j%64] = buf
				mu.Unlock()
				if j%7 == 0 {
					runtime.Gosched()
				}
				select {
				case results <- buf[:8]:
				case <-time.After(50 * time.Microsecond):
				}
			}
		}(w)
	}

	done := make(chan struct{})
	go func() {
		defer close(done)
		for range results {
		}
	}()

	// Syscalls that block: a reader waits on a pipe the writer fills slowly.
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	wg.Add(2)
	go func() {
		defer wg.Done()
		// Four bytes per read: writes may coalesce, so count bytes, not reads.
		buf := make([]byte, 4)
		for i := 0; i < 20; i++ {
			if _, err := io.ReadFull(r, buf); err != nil {
				panic(err)
			}
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 20; i++ {
			time.Sleep(100 * time.Microsecond)
			if _, err := w.Write([]byte("ping")); err != nil {
				panic(err)
			}
		}
	}()

	cond := sync.NewCond(&mu)
	ready := false
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		for !ready {
			cond.Wait()
		}
		mu.Unlock()
	}()

	for j := 0; j < 2000; j++ {
		jobs <- j
	}
	close(jobs)
	time.Sleep(time.Millisecond)
	mu.Lock()
	ready = true
	cond.Broadcast()
	mu.Unlock()

	// Each GOMAXPROCS change stops the world and is traced as ProcsChange.
	prev := runtime.GOMAXPROCS(1)
	runtime.GOMAXPROCS(prev)

	wg.Wait()
	close(results)
	<-done
	r.Close()
	w.Close()
	// The allocations above usually trigger collections under GOGC=20, but not
	// surely on every machine: one explicit cycle guarantees GCBegin, GCEnd and
	// HeapAlloc.
	runtime.GC()
}
