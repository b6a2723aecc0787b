// gotraceoracle gives gotrace's tests access to the Go toolchain's own trace
// packages, which are internal to GOROOT and cannot be imported from a module.
//
// It is never built in place: build.sh compiles it with `go build -overlay`, which
// presents this file to the go command as if it lived under
// GOROOT/src/internal/trace/testdata/cmd/, so the internal imports resolve. Nothing
// is written into GOROOT.
//
// Usage (stdin to stdout):
//
//	gotraceoracle text2bytes   Go's raw text format to trace bytes (raw.TextReader + raw.Writer)
//	gotraceoracle bytes2text   trace bytes to Go's raw text format (raw.Reader + raw.TextWriter)
//	gotraceoracle validate     full parse (trace.Reader) plus the test validator (testtrace.Validator)
//	gotraceoracle validate-batch FILE...
//	                           validate each file; one line per file: "OK path" or "FAIL path: error"
//	gotraceoracle rawcount FILE [PASSES]
//	                           read every event of FILE with raw.Reader, printing nothing (benchmarks)
//	gotraceoracle parsecount FILE [PASSES]
//	                           read every event of FILE with the full parser trace.Reader (benchmarks)
//
// rawcount and parsecount load FILE into memory first, read it once untimed, then
// PASSES more times (default 5) from memory, and print one line:
// "events=N bytes=B passes=P mean_ns=T min_ns=T max_ns=T cpu_ns=T", where the
// times are wall clock per pass and cpu_ns is the process's user+system time per
// pass (all threads, the collector's included).
//
// Exit status: 0 on success, 1 when the input is rejected, 2 on usage errors.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"syscall"
	"time"

	"internal/trace"
	"internal/trace/raw"
	"internal/trace/testtrace"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "text2bytes":
		err = textToBytes(os.Stdin, os.Stdout)
	case "bytes2text":
		err = bytesToText(os.Stdin, os.Stdout)
	case "validate":
		err = validate(os.Stdin)
	case "validate-batch":
		validateFiles(os.Args[2:])
		return
	case "rawcount":
		err = countEvents(os.Args[2:], rawCount)
	case "parsecount":
		err = countEvents(os.Args[2:], parseCount)
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gotraceoracle: %v\n", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: gotraceoracle text2bytes|bytes2text|validate < in > out, or validate-batch FILE...")
	os.Exit(2)
}

func textToBytes(in io.Reader, out io.Writer) error {
	tr, err := raw.NewTextReader(in)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(out)
	w, err := raw.NewWriter(bw, tr.Version())
	if err != nil {
		return err
	}
	for {
		ev, err := tr.ReadEvent()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if err := w.WriteEvent(ev); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func bytesToText(in io.Reader, out io.Writer) error {
	r, err := raw.NewReader(bufio.NewReader(in))
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(out)
	w, err := raw.NewTextWriter(bw, r.Version())
	if err != nil {
		return err
	}
	for {
		ev, err := r.ReadEvent()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			bw.Flush()
			return err
		}
		if err := w.WriteEvent(ev); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func validate(in io.Reader) error {
	r, err := trace.NewReader(bufio.NewReader(in))
	if err != nil {
		return err
	}
	v := testtrace.NewValidator()
	for {
		ev, err := r.ReadEvent()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := v.Event(ev); err != nil {
			return err
		}
	}
}

func validateFiles(paths []string) {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for _, p := range paths {
		f, err := os.Open(p)
		if err == nil {
			err = validate(f)
			f.Close()
		}
		if err != nil {
			fmt.Fprintf(out, "FAIL %s: %v\n", p, oneLine(err.Error()))
		} else {
			fmt.Fprintf(out, "OK %s\n", p)
		}
	}
}

func oneLine(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '\n' {
			b[i] = ' '
		}
	}
	return string(b)
}

// countEvents times a reader over a trace held in memory: one untimed pass, then
// the requested number of timed passes. Each pass must see the same event count.
func countEvents(args []string, count func(io.Reader) (int, error)) error {
	if len(args) < 1 || len(args) > 2 {
		usage()
	}
	passes := 5
	if len(args) == 2 {
		n, err := strconv.Atoi(args[1])
		if err != nil || n < 1 {
			usage()
		}
		passes = n
	}
	data, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	events, err := count(bytes.NewReader(data))
	if err != nil {
		return err
	}
	var total, lo, hi time.Duration
	cpu0 := cpuTime()
	for i := 0; i < passes; i++ {
		start := time.Now()
		n, err := count(bytes.NewReader(data))
		d := time.Since(start)
		if err != nil {
			return err
		}
		if n != events {
			return fmt.Errorf("pass %d read %d events, the first pass %d", i+1, n, events)
		}
		total += d
		if i == 0 || d < lo {
			lo = d
		}
		if d > hi {
			hi = d
		}
	}
	cpu := cpuTime() - cpu0
	fmt.Printf("events=%d bytes=%d passes=%d mean_ns=%d min_ns=%d max_ns=%d cpu_ns=%d\n",
		events, len(data), passes, total.Nanoseconds()/int64(passes), lo.Nanoseconds(), hi.Nanoseconds(),
		cpu.Nanoseconds()/int64(passes))
	return nil
}

// cpuTime is the user and system time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// rawCount reads every event with Go's raw reader (what `go tool trace -d=wire`
// reads with, minus the printing): batch headers and EndOfGeneration records count
// as events, as that reader returns them.
func rawCount(in io.Reader) (int, error) {
	r, err := raw.NewReader(in)
	if err != nil {
		return 0, err
	}
	n := 0
	for {
		_, err := r.ReadEvent()
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}

// parseCount reads every event with the full parser (ordering, validation of the
// state machine, generations), as `go tool trace` does before it shows anything.
func parseCount(in io.Reader) (int, error) {
	r, err := trace.NewReader(in)
	if err != nil {
		return 0, err
	}
	n := 0
	for {
		_, err := r.ReadEvent()
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}
