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
//	gotraceoracle specs        Go's event table (tracev2.Specs) and each version's prefix of it,
//	                           one line per row (see printSpecs), for checking gotrace's own table
//	gotraceoracle parse-batch FILE...
//	                           per file, what `go tool trace -d=parsed` does (trace.Reader, every
//	                           event rendered with Event.String) plus the Summarizer behind the web
//	                           UI, and testtrace.Validator set to the version in the file's header
//	                           (as Go's own reader tests do). One tab-separated line per file:
//	                           path, events read, parse error, first validator error (empty when
//	                           none). Parsing goes on after a validator error, like Go's tests.
//	gotraceoracle parsed       full parse, each event as Event.String() (what go tool trace -d=parsed prints)
//	gotraceoracle verdict-batch FILE...
//	                           two verdicts per file, one line each: "path<TAB>PARSED<TAB>FULL", where
//	                           PARSED is what go tool trace -d=parsed concludes (trace.Reader plus
//	                           Event.String() on every event) and FULL adds testtrace.Validator
//	                           configured as Go's own reader tests configure it (GoVersion = the
//	                           header's version). A verdict is "OK", "FAIL message" or "PANIC message".
//	gotraceoracle verdict-stream
//	                           the same for many traces on stdin, each framed as uvarint(length) then
//	                           the bytes; one line per trace: "index<TAB>PARSED<TAB>FULL", flushed.
//	gotraceoracle text2bytes-stream
//	                           text2bytes for many texts on stdin, each framed as uvarint(length) then
//	                           the bytes; per text, on stdout: uvarint(length) and the trace bytes,
//	                           then uvarint(length) and the error message (empty when none)
//	gotraceoracle bytes2text-stream
//	                           the same for bytes2text
//	gotraceoracle parsed-stream
//	                           parsed for many traces framed as above; per trace: what parsed
//	                           prints (every event's Event.String() and a newline, up to the error),
//	                           then the error message, each framed as above
//	gotraceoracle judge-stream
//	                           verdict-stream plus what -d=parsed prints before it stops (at the
//	                           parser's error, at the event whose String panics, or at the end):
//	                           "index<TAB>PARSED<TAB>FULL<TAB>EVENTS<TAB>HASH", where EVENTS is the
//	                           number of events printed and HASH the 64-bit FNV-1a of their text
//	                           (each event's String and a newline), 16 hex digits. A frame is
//	                           uvarint(length<<1 | E) then the bytes; with E = 0 the events are
//	                           not formatted (faster), and EVENTS is -1 and HASH 0.
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
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"internal/trace"
	"internal/trace/raw"
	"internal/trace/testtrace"
	"internal/trace/tracev2"
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
	case "specs":
		err = printSpecs(os.Stdout)
	case "parse-batch":
		parseFiles(os.Args[2:])
		return
	case "parsed":
		err = printParsed(os.Stdin, os.Stdout)
	case "verdict-batch":
		verdictFiles(os.Args[2:])
		return
	case "verdict-stream":
		err = verdictStream(os.Stdin, os.Stdout)
	case "text2bytes-stream":
		err = framedStream(os.Stdin, os.Stdout, textToBytes)
	case "parsed-stream":
		err = framedStream(os.Stdin, os.Stdout, printParsed)
	case "bytes2text-stream":
		err = framedStream(os.Stdin, os.Stdout, bytesToText)
	case "judge-stream":
		err = judgeStream(os.Stdin, os.Stdout)
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
	fmt.Fprintln(os.Stderr, "usage: gotraceoracle text2bytes|bytes2text|validate|parsed|verdict-stream|text2bytes-stream|bytes2text-stream|parsed-stream|judge-stream|rawcount|parsecount < in > out,")
	fmt.Fprintln(os.Stderr, "       gotraceoracle validate-batch|verdict-batch|parse-batch FILE..., or gotraceoracle specs")
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
	br := bufio.NewReader(in)
	// The validator's clock-snapshot rules depend on the trace's version, which Go's own reader
	// tests set from the header; without it every pre-1.25 trace fails for lacking snapshots.
	head, _ := br.Peek(16)
	ver, verErr := version.ReadHeader(bytes.NewReader(head))
	r, err := trace.NewReader(br)
	if err != nil {
		return err
	}
	v := testtrace.NewValidator()
	if verErr == nil {
		v.GoVersion = ver
	}
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF { // as cmd/trace: a wrapped EOF is an error, not the end
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
	return strings.ReplaceAll(string(b), "\t", " ")
}

// printParsed prints every event the way cmd/trace does in its "parsed" debug mode.
func printParsed(in io.Reader, out io.Writer) error {
	r, err := trace.NewReader(bufio.NewReader(in))
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(out)
	defer bw.Flush()
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF { // not errors.Is: a wrapped EOF is a truncated batch, as cmd/trace sees it
			return nil
		}
		if err != nil {
			return err
		}
		fmt.Fprintln(bw, ev.String())
	}
}

// verdicts judges one trace twice in a single pass: as the parsed debug mode of
// cmd/trace would (reader errors and panics of Event.String, found with touch) and, in addition, as
// the reader tests do with the test validator. A panic counts as a rejection; the
// real tools would crash.
func verdicts(data []byte) (parsed, full string) {
	parsed, full, _, _ = judge(data, false)
	return parsed, full
}

// judge is verdicts plus, when print is set, the count and hash of the events -d=parsed prints:
// every event before the parser's error whose String does not panic (the panicking one is not
// printed). Without print it touches every accessor instead, as verdicts needs.
func judge(data []byte, print bool) (parsed, full string, events int, sum uint64) {
	h := fnv.New64a()
	defer func() {
		if print {
			sum = h.Sum64()
		} else {
			events = -1
		}
	}()
	ver, err := version.ReadHeader(bytes.NewReader(data))
	if err != nil {
		msg := "FAIL " + oneLine(err.Error())
		return msg, msg, 0, 0
	}
	r, err := trace.NewReader(bytes.NewReader(data))
	if err != nil {
		msg := "FAIL " + oneLine(err.Error())
		return msg, msg, 0, 0
	}
	v := testtrace.NewValidator()
	v.GoVersion = ver
	for parsed == "" || full == "" {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			break
		}
		if err != nil {
			msg := "FAIL " + oneLine(err.Error())
			if parsed == "" {
				parsed = msg
			}
			if full == "" {
				full = msg
			}
			break
		}
		if full == "" {
			full = guard(func() error { return v.Event(ev) })
		}
		if parsed == "" {
			parsed = guard(func() error {
				if !print {
					touch(ev)
					return nil
				}
				s := ev.String()
				h.Write([]byte(s))
				h.Write([]byte{'\n'})
				return nil
			})
			if parsed == "" {
				events++
			}
		}
	}
	if parsed == "" {
		parsed = "OK"
	}
	if full == "" {
		full = "OK"
	}
	return parsed, full, events, 0
}

func judgeStream(in io.Reader, out io.Writer) error {
	br := bufio.NewReaderSize(in, 1<<20)
	bw := bufio.NewWriter(out)
	for i := 0; ; i++ {
		n, err := binary.ReadUvarint(br)
		if err == io.EOF {
			return bw.Flush()
		}
		if err != nil {
			return err
		}
		data := make([]byte, n>>1)
		if _, err := io.ReadFull(br, data); err != nil {
			return err
		}
		parsed, full, events, sum := judge(data, n&1 == 1)
		fmt.Fprintf(bw, "%d\t%s\t%s\t%d\t%016x\n", i, parsed, full, events, sum)
		if err := bw.Flush(); err != nil {
			return err
		}
	}
}

// touch calls every accessor Event.String calls, without the formatting: it panics
// exactly where String would, in a quarter of the time.
func touch(ev trace.Event) {
	switch ev.Kind() {
	case trace.EventMetric:
		_ = ev.Metric()
	case trace.EventLabel:
		_ = ev.Label()
	case trace.EventRangeBegin, trace.EventRangeActive, trace.EventRangeEnd:
		_ = ev.Range()
		if ev.Kind() == trace.EventRangeEnd {
			_ = ev.RangeAttributes()
		}
	case trace.EventTaskBegin, trace.EventTaskEnd:
		_ = ev.Task()
	case trace.EventRegionBegin, trace.EventRegionEnd:
		_ = ev.Region()
	case trace.EventLog:
		_ = ev.Log()
	case trace.EventStateTransition:
		for range ev.StateTransition().Stack.Frames() {
		}
	case trace.EventExperimental:
		x := ev.Experimental()
		for i := range x.Args {
			_ = x.ArgValue(i)
		}
	case trace.EventSync:
		_ = ev.Sync()
	}
	for range ev.Stack().Frames() {
	}
}

// guard runs f and renders its failure ("" when it succeeds).
func guard(f func() error) (verdict string) {
	defer func() {
		if p := recover(); p != nil {
			verdict = "PANIC " + oneLine(fmt.Sprint(p))
		}
	}()
	if err := f(); err != nil {
		return "FAIL " + oneLine(err.Error())
	}
	return ""
}

func verdictFiles(paths []string) {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			msg := "FAIL " + oneLine(err.Error())
			fmt.Fprintf(out, "%s\t%s\t%s\n", p, msg, msg)
			continue
		}
		parsed, full := verdicts(data)
		fmt.Fprintf(out, "%s\t%s\t%s\n", p, parsed, full)
	}
}

func verdictStream(in io.Reader, out io.Writer) error {
	br := bufio.NewReaderSize(in, 1<<20)
	bw := bufio.NewWriter(out)
	for i := 0; ; i++ {
		n, err := binary.ReadUvarint(br)
		if err == io.EOF {
			return bw.Flush()
		}
		if err != nil {
			return err
		}
		data := make([]byte, n)
		if _, err := io.ReadFull(br, data); err != nil {
			return err
		}
		parsed, full := verdicts(data)
		fmt.Fprintf(bw, "%d\t%s\t%s\n", i, parsed, full)
		if err := bw.Flush(); err != nil {
			return err
		}
	}
}

// framedStream runs convert on every framed input of in and writes, for each, the framed output
// and the framed verdict: empty, or "FAIL message" or "PANIC message" as guard gives it.
func framedStream(in io.Reader, out io.Writer, convert func(io.Reader, io.Writer) error) error {
	br := bufio.NewReaderSize(in, 1<<20)
	bw := bufio.NewWriter(out)
	for {
		n, err := binary.ReadUvarint(br)
		if err == io.EOF {
			return bw.Flush()
		}
		if err != nil {
			return err
		}
		data := make([]byte, n)
		if _, err := io.ReadFull(br, data); err != nil {
			return err
		}
		var result bytes.Buffer
		msg := guard(func() error { return convert(bytes.NewReader(data), &result) })
		for _, b := range [][]byte{result.Bytes(), []byte(msg)} {
			bw.Write(binary.AppendUvarint(nil, uint64(len(b))))
			bw.Write(b)
		}
		if err := bw.Flush(); err != nil {
			return err
		}
	}
}

// printSpecs writes the event table the installed toolchain uses, so that gotrace's
// tests can compare their own table with it field by field. Lines, tab-separated:
//
//	event INDEX NAME args=A,B,... strings=I,... stacks=I,... timed=BOOL data=BOOL stack=BOOL experiment=ID start=INDEX
//	experiment ID NAME
//	version MINOR PREFIX_LENGTH
//	table LENGTH
//
// Rows with an empty name (unused numbers) are left out; lists keep Go's order.
// Versions are those with a v2 table (a non-empty prefix); v1 versions are skipped.
func printSpecs(out io.Writer) error {
	bw := bufio.NewWriter(out)
	specs := tracev2.Specs()
	for i, spec := range specs {
		if spec.Name == "" {
			continue
		}
		fmt.Fprintf(bw, "event\t%d\t%s\targs=%s\tstrings=%s\tstacks=%s\ttimed=%t\tdata=%t\tstack=%t\texperiment=%d\tstart=%d\n",
			i, spec.Name, strings.Join(spec.Args, ","), joinInts(spec.StringIDs), joinInts(spec.StackIDs),
			spec.IsTimedEvent, spec.HasData, spec.IsStack, spec.Experiment, spec.StartEv)
	}
	for id, name := range tracev2.Experiments() {
		fmt.Fprintf(bw, "experiment\t%d\t%s\n", id, name)
	}
	// The version table is unexported; probing every minor number finds all of it.
	for minor := 0; minor < 256; minor++ {
		v := version.Version(minor)
		if v.Valid() && len(v.Specs()) > 0 {
			fmt.Fprintf(bw, "version\t%d\t%d\n", minor, len(v.Specs()))
		}
	}
	fmt.Fprintf(bw, "table\t%d\n", len(specs))
	return bw.Flush()
}

func joinInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ",")
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
