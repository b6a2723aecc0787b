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
//
// Exit status: 0 on success, 1 when the input is rejected, 2 on usage errors.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"

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
