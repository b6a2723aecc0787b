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
//	gotraceoracle parse-batch FILE...
//	                           per file, what `go tool trace -d=parsed` does (trace.Reader, every
//	                           event rendered with Event.String) plus the Summarizer behind the web
//	                           UI, and testtrace.Validator set to the version in the file's header
//	                           (as Go's own reader tests do). One tab-separated line per file:
//	                           path, events read, parse error, first validator error (empty when
//	                           none). Parsing goes on after a validator error, like Go's tests.
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
	"internal/trace/version"
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
	case "parse-batch":
		parseFiles(os.Args[2:])
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

// parseFiles reports, for each file, the parser's verdict and the validator's separately: a
// scenario may expect the parser to accept a trace that the validator then rejects.
func parseFiles(paths []string) {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for _, p := range paths {
		n, parseErr, validateErr := parseOne(p)
		fmt.Fprintf(out, "%s\t%d\t%s\t%s\n", p, n, flat(parseErr), flat(validateErr))
	}
}

func parseOne(path string) (n int, parseErr, validateErr error) {
	defer func() {
		// A panic inside the parser or the summarizer is a verdict too, not a crash of the batch.
		if r := recover(); r != nil {
			parseErr = fmt.Errorf("panic: %v", r)
		}
	}()
	f, err := os.Open(path)
	if err != nil {
		return 0, err, nil
	}
	defer f.Close()
	br := bufio.NewReader(f)
	hdr, err := br.Peek(16)
	if err != nil {
		return 0, fmt.Errorf("bad file format: not a Go execution trace?"), nil
	}
	r, err := trace.NewReader(br)
	if err != nil {
		return 0, err, nil
	}
	v := testtrace.NewValidator()
	if ver, err := version.ReadHeader(bytesReader(hdr)); err == nil {
		v.GoVersion = ver
	}
	s := trace.NewSummarizer()
	for {
		ev, err := r.ReadEvent()
		if errors.Is(err, io.EOF) {
			s.Finalize()
			return n, nil, validateErr
		}
		if err != nil {
			return n, err, validateErr
		}
		n++
		_ = ev.String()
		s.Event(&ev)
		if err := v.Event(ev); err != nil && validateErr == nil {
			validateErr = err
		}
	}
}

type byteSliceReader struct{ b []byte }

func (r *byteSliceReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.b)
	r.b = r.b[n:]
	return n, nil
}

func bytesReader(b []byte) io.Reader { return &byteSliceReader{append([]byte(nil), b...)} }

func flat(err error) string {
	if err == nil {
		return ""
	}
	b := []byte(err.Error())
	for i, c := range b {
		if c == '\n' || c == '\t' || c == '\r' {
			b[i] = ' '
		}
	}
	return string(b)
}
