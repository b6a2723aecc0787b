// Command sample writes the small trace the gotrace CLI ships as its built-in
// sample (cli/src/main/resources/dev/gotrace/cli/sample-go1.26.trace, made by
// conformance/regenerate-seeds.sh): a few goroutines that wait on a channel and
// a wait group, all within one generation. It is not a corpus workload.
//
// usage: sample OUT.trace
package main

import (
	"os"
	"runtime/trace"
	"sync"
)

func main() {
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	var wg sync.WaitGroup
	ch := make(chan int)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-ch
		}()
	}
	for i := 0; i < 8; i++ {
		ch <- i
	}
	wg.Wait()
	trace.Stop()
	if err := f.Close(); err != nil {
		panic(err)
	}
}
