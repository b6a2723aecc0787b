// Package tracefile runs a workload under the execution tracer and writes the
// trace to the file named by the program's only argument.
//
// The programs under this module exist so that gotrace's oracle tests can compare
// gotrace with the Go toolchain on traces the installed runtime really writes.
package tracefile

import (
	"bufio"
	"fmt"
	"os"
	"runtime/trace"
)

// Record traces body and writes the trace to os.Args[1].
func Record(body func()) {
	if len(os.Args) != 2 {
		fmt.Fprintf(os.Stderr, "usage: %s TRACE_FILE\n", os.Args[0])
		os.Exit(2)
	}
	f, err := os.Create(os.Args[1])
	check(err)
	w := bufio.NewWriterSize(f, 1<<20)
	g := newGenerationWatcher(w)
	watcher.Store(g)
	check(trace.Start(g))
	body()
	trace.Stop()
	check(w.Flush())
	check(f.Close())
}

func check(err error) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", os.Args[0], err)
		os.Exit(1)
	}
}
