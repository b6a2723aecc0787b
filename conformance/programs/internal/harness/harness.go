// Package harness holds the plumbing shared by the conformance workload programs:
// choosing the trace destination from the command line and bracketing a workload
// with runtime/trace.Start and Stop.
package harness

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime/trace"
)

// Output opens the destination named by the first command-line argument. A missing
// argument or "-" selects standard output. The returned close function flushes and
// closes the destination and exits the process if that fails.
func Output() (io.Writer, func()) {
	var f *os.File
	if len(os.Args) < 2 || os.Args[1] == "-" {
		f = os.Stdout
	} else {
		var err error
		f, err = os.Create(os.Args[1])
		if err != nil {
			Fail("creating trace output: %v", err)
		}
	}
	bw := bufio.NewWriterSize(f, 256<<10)
	return bw, func() {
		if err := bw.Flush(); err != nil {
			Fail("flushing trace output: %v", err)
		}
		if f != os.Stdout {
			if err := f.Close(); err != nil {
				Fail("closing trace output: %v", err)
			}
		}
	}
}

// Traced runs body while the execution tracer writes to the destination chosen by
// Output.
func Traced(body func()) {
	w, done := Output()
	if err := trace.Start(w); err != nil {
		Fail("starting the tracer: %v", err)
	}
	body()
	trace.Stop()
	done()
}

// Fail prints a message to standard error and exits with status 1.
func Fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, os.Args[0]+": "+format+"\n", args...)
	os.Exit(1)
}
