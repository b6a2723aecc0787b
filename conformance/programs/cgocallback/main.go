// Command cgocallback exercises cgo: ordinary calls from Go into C (which the tracer
// records as system calls, including one that blocks long enough to lose its P) and
// callbacks into Go from threads created by C with pthread_create. A C-created
// thread's first call into Go makes a goroutine appear "out of nowhere" in a system
// call (GoCreateSyscall) and the thread's exit destroys it (GoDestroySyscall).
//
// usage: cgocallback TRACE_OUT
package main

/*
#include <pthread.h>
#include <unistd.h>

extern void goCallback(int);

static void *cThreadMain(void *arg) {
	int id = (int)(long)arg;
	goCallback(id);
	goCallback(id + 100);
	return NULL;
}

// runCThreads starts n threads that each call into Go twice, then waits for them.
static int runCThreads(int n) {
	pthread_t th[16];
	if (n > 16) n = 16;
	for (int i = 0; i < n; i++) {
		if (pthread_create(&th[i], NULL, cThreadMain, (void *)(long)i) != 0) return -1;
	}
	for (int i = 0; i < n; i++) pthread_join(th[i], NULL);
	return 0;
}

static int cAdd(int a, int b) { return a + b; }

static void cSleepMicros(int us) { usleep(us); }
*/
import "C"

import (
	"sync"
	"sync/atomic"
	"time"

	"gotrace.local/conformance/programs/internal/harness"
)

var (
	callbacks atomic.Int64
	results   = make(chan int, 64)
	sink      []byte
)

//export goCallback
func goCallback(id C.int) {
	callbacks.Add(1)
	// Do a little Go work on the C thread: allocate, and hand a value to a
	// goroutine through a channel.
	sink = make([]byte, 512)
	results <- int(id)
}

func main() {
	harness.Traced(func() {
		// Plain calls into C.
		sum := 0
		for i := 0; i < 50; i++ {
			sum += int(C.cAdd(C.int(i), 1))
		}
		_ = sum

		// A call into C that blocks for a few milliseconds.
		var wg sync.WaitGroup
		for i := 0; i < 2; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				C.cSleepMicros(3000)
			}()
		}
		wg.Wait()

		// Callbacks from threads created by C.
		const threads = 4
		collected := make(chan int)
		go func() {
			n := 0
			for range results {
				n++
				if n == 2*threads {
					break
				}
			}
			collected <- n
		}()
		if C.runCThreads(threads) != 0 {
			harness.Fail("pthread_create failed")
		}
		select {
		case <-collected:
		case <-time.After(5 * time.Second):
			harness.Fail("callbacks did not arrive")
		}
		if got := callbacks.Load(); got != 2*threads {
			harness.Fail("got %d callbacks", got)
		}
	})
}
