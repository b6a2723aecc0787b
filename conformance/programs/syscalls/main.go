// Command syscalls exercises system calls as the tracer sees them: short calls that
// return while the goroutine still owns its P, calls that block long enough for the
// scheduler to take the P away (a P steal, followed by a syscall exit without a P),
// and goroutines that need Ps while others sit in system calls.
//
// usage: syscalls TRACE_OUT
package main

import (
	"os"
	"runtime"
	"sync"
	"syscall"
	"time"

	"gotrace.local/conformance/programs/internal/harness"
)

func main() {
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		harness.Fail("%v", err)
	}
	defer devnull.Close()

	harness.Traced(func() {
		shortCalls(devnull, 200)
		blockingSleeps(4, 3, 2*time.Millisecond)
		blockingPipeRead()
		runnableWhileBlocked()
	})
}

// shortCalls issues cheap system calls that return immediately.
func shortCalls(f *os.File, n int) {
	buf := []byte("x")
	for i := 0; i < n; i++ {
		if _, err := f.Write(buf); err != nil {
			harness.Fail("write: %v", err)
		}
	}
	for i := 0; i < n/4; i++ {
		if _, err := os.Stat(os.DevNull); err != nil {
			harness.Fail("stat: %v", err)
		}
	}
}

// blockingSleeps parks goroutines inside nanosleep(2); the monitor thread retakes
// their Ps while they are in the kernel.
func blockingSleeps(workers, rounds int, d time.Duration) {
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				ts := syscall.NsecToTimespec(int64(d))
				for syscall.Nanosleep(&ts, &ts) == syscall.EINTR {
				}
			}
		}()
	}
	wg.Wait()
}

// blockingPipeRead blocks in read(2) on a pipe (bypassing the network poller) until
// another goroutine writes to it.
func blockingPipeRead() {
	var fds [2]int
	if err := syscall.Pipe(fds[:]); err != nil {
		harness.Fail("pipe: %v", err)
	}
	defer syscall.Close(fds[0])
	defer syscall.Close(fds[1])
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 8)
		for got := 0; got < 3; {
			n, err := syscall.Read(fds[0], buf)
			if err == syscall.EINTR {
				continue
			}
			if err != nil {
				harness.Fail("read: %v", err)
			}
			got += n
		}
	}()
	for i := 0; i < 3; i++ {
		time.Sleep(time.Millisecond)
		if _, err := syscall.Write(fds[1], []byte{byte(i)}); err != nil {
			harness.Fail("write: %v", err)
		}
	}
	<-done
}

// runnableWhileBlocked keeps every P busy with computation while other goroutines
// block in the kernel, so the blocked goroutines' Ps are handed to runnable work.
func runnableWhileBlocked() {
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x := 0
			for {
				select {
				case <-stop:
					return
				default:
				}
				for j := 0; j < 200000; j++ {
					x += j
				}
				runtime.Gosched()
			}
		}()
	}
	var sleepers sync.WaitGroup
	for i := 0; i < 2; i++ {
		sleepers.Add(1)
		go func() {
			defer sleepers.Done()
			ts := syscall.NsecToTimespec(int64(3 * time.Millisecond))
			for syscall.Nanosleep(&ts, &ts) == syscall.EINTR {
			}
		}()
	}
	sleepers.Wait()
	close(stop)
	wg.Wait()
}
