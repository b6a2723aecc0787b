// Command gotrace-go-adapter puts a Go trace parser under gotrace's conformance harness
// (docs/CONFORMANCE.md). Built as is it reads traces with golang.org/x/exp/trace at the
// version pinned in go.mod; build-goparser.sh builds the same source against the internal
// trace package of any Go toolchain from 1.22 on, so that Go's own parser can be scored.
//
// Exec protocol (the default): gotrace-go-adapter FILE prints one Event.String() per event
// and exits 0, or prints the events before the error, the error on stderr, and exits 1.
// With -stream it serves the stream protocol: frames of a 4-byte big-endian length and a
// trace on stdin, one JSON result line per frame on stdout.
//
// Every accessor that applies to an event's kind is called (see touch), because Go's
// parsers report some problems by panicking in accessors rather than from ReadEvent.
//
// The -selftest-* flags make it wrong on purpose, to check that the harness notices.
package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/exp/trace"
)

var (
	streamMode = flag.Bool("stream", false, "serve the stream protocol on stdin/stdout")
	acceptAll  = flag.Bool("selftest-accept-all", false, "accept every trace, even after an error")
	dropKind   = flag.String("selftest-drop-kind", "", "leave out events of this kind (e.g. Log)")
	crashOn    = flag.String("selftest-crash-on", "", "panic on the trace whose SHA-256 starts so")
	hangOn     = flag.String("selftest-hang-on", "", "hang on the trace whose SHA-256 starts so")
	wrongEvent = flag.Bool("selftest-wrong-event", false, "print the second event wrongly")
)

func main() {
	flag.Parse()
	if *streamMode {
		if err := serve(os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "gotrace-go-adapter:", err)
			os.Exit(2)
		}
		return
	}
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gotrace-go-adapter [-stream] FILE")
		os.Exit(2)
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "gotrace-go-adapter:", err)
		os.Exit(2)
	}
	events, err := parse(data)
	out := bufio.NewWriter(os.Stdout)
	for _, e := range events {
		fmt.Fprintln(out, e)
	}
	out.Flush()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// parse reads every event the way go tool trace -d=parsed does: a plain io.EOF ends the
// trace, any other error rejects it.
func parse(data []byte) ([]string, error) {
	sum := sha256.Sum256(data)
	id := hex.EncodeToString(sum[:])
	if *crashOn != "" && strings.HasPrefix(id, *crashOn) {
		panic("selftest: crash on " + id[:12])
	}
	if *hangOn != "" && strings.HasPrefix(id, *hangOn) {
		time.Sleep(time.Hour)
	}
	r, err := trace.NewReader(bytes.NewReader(data))
	if err != nil {
		if *acceptAll {
			return nil, nil
		}
		return nil, err
	}
	var events []string
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			return events, nil
		}
		if err != nil {
			if *acceptAll {
				return events, nil
			}
			return events, err
		}
		touch(ev)
		if *dropKind != "" && ev.Kind().String() == *dropKind {
			continue
		}
		s := ev.String()
		if *wrongEvent && len(events) == 1 {
			s += " (wrong)"
		}
		events = append(events, s)
	}
}

type result struct {
	OK     bool     `json:"ok"`
	Error  string   `json:"error,omitempty"`
	Parsed []string `json:"parsed"`
}

func serve(in io.Reader, out io.Writer) error {
	r := bufio.NewReader(in)
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for {
		var n uint32
		if err := binary.Read(r, binary.BigEndian, &n); err == io.EOF {
			return w.Flush()
		} else if err != nil {
			return err
		}
		data := make([]byte, n)
		if _, err := io.ReadFull(r, data); err != nil {
			return err
		}
		events, err := parse(data)
		res := result{OK: err == nil, Parsed: events}
		if res.Parsed == nil {
			res.Parsed = []string{}
		}
		if err != nil {
			res.Error = err.Error()
		}
		if err := enc.Encode(res); err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return err
		}
	}
}

// touch calls every accessor that applies to the event's kind, and every accessor of
// what they return.
func touch(ev trace.Event) {
	_, _, _, _ = ev.Time(), ev.Goroutine(), ev.Proc(), ev.Thread()
	frames(ev.Stack())
	switch ev.Kind() {
	case trace.EventMetric:
		m := ev.Metric()
		_, _ = m.Name, m.Value.Kind()
		_ = m.Value.Uint64()
	case trace.EventLabel:
		l := ev.Label()
		_, _ = l.Label, l.Resource.Kind
		resource(l.Resource)
	case trace.EventRangeBegin, trace.EventRangeActive, trace.EventRangeEnd:
		rg := ev.Range()
		_ = rg.Name
		resource(rg.Scope)
		if ev.Kind() == trace.EventRangeEnd {
			for _, a := range ev.RangeAttributes() {
				_, _ = a.Name, a.Value.Uint64()
			}
		}
	case trace.EventTaskBegin, trace.EventTaskEnd:
		t := ev.Task()
		_, _, _ = t.ID, t.Parent, t.Type
	case trace.EventRegionBegin, trace.EventRegionEnd:
		rg := ev.Region()
		_, _ = rg.Task, rg.Type
	case trace.EventLog:
		l := ev.Log()
		_, _, _ = l.Task, l.Category, l.Message
	case trace.EventStateTransition:
		st := ev.StateTransition()
		_ = st.Reason
		resource(st.Resource)
		switch st.Resource.Kind {
		case trace.ResourceGoroutine:
			_, _ = st.Goroutine()
		case trace.ResourceProc:
			_, _ = st.Proc()
		}
		frames(st.Stack)
	default:
		touchNewer(ev)
	}
}

func resource(r trace.ResourceID) {
	switch r.Kind {
	case trace.ResourceGoroutine:
		_ = r.Goroutine()
	case trace.ResourceProc:
		_ = r.Proc()
	case trace.ResourceThread:
		_ = r.Thread()
	}
}
