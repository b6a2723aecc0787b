// Package fuzzgo is a Go fuzz target over golang.org/x/exp/trace, seeded with
// the corpus `gotrace fuzz seeds --format go -o .` writes into
// testdata/fuzz/FuzzTrace/.
//
// Every input is read to its end and every accessor the event's kind allows is
// called: x/exp's parser hides its panics in accessors (stacks, state
// transitions, experimental arguments), not only in ReadEvent.
//
// Run with `go test -fuzz=FuzzTrace`: a panic is a finding. With
// GOTRACE_SEED_LOG=FILE set, panics are recovered and every input appends one
// line to FILE, "<sha256 of the input> <ok|error|panic>", so a test can check
// which inputs Go took from the corpus directory (see FuzzSeedsGoTest).
package fuzzgo

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"testing"

	"golang.org/x/exp/trace"
)

func FuzzTrace(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		log := os.Getenv("GOTRACE_SEED_LOG")
		if log == "" {
			readAll(data)
			return
		}
		verdict := readRecovering(data)
		sum := sha256.Sum256(data)
		line := hex.EncodeToString(sum[:]) + " " + verdict + "\n"
		out, err := os.OpenFile(log, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		if _, err := out.WriteString(line); err != nil {
			t.Fatal(err)
		}
	})
}

func readRecovering(data []byte) (verdict string) {
	defer func() {
		if r := recover(); r != nil {
			verdict = "panic"
		}
	}()
	if err := readAll(data); err != nil {
		return "error"
	}
	return "ok"
}

// readAll reads every event and touches everything it carries; it returns the
// first error (an invalid trace), nil for a valid one.
func readAll(data []byte) error {
	r, err := trace.NewReader(bytes.NewReader(data))
	if err != nil {
		return err
	}
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		visit(ev)
	}
}

func visit(ev trace.Event) {
	_ = ev.Time()
	_ = ev.Goroutine()
	_ = ev.Proc()
	_ = ev.Thread()
	frames(ev.Stack())
	switch ev.Kind() {
	case trace.EventSync:
		s := ev.Sync()
		for _, batches := range s.ExperimentalBatches {
			for _, b := range batches {
				_ = len(b.Data)
			}
		}
	case trace.EventMetric:
		m := ev.Metric()
		_ = m.Value.String()
	case trace.EventLabel:
		_ = ev.Label().Label
	case trace.EventStackSample:
	case trace.EventRangeBegin, trace.EventRangeActive, trace.EventRangeEnd:
		_ = ev.Range().Scope.String()
		if ev.Kind() == trace.EventRangeEnd {
			for _, a := range ev.RangeAttributes() {
				_ = a.Value.String()
			}
		}
	case trace.EventTaskBegin, trace.EventTaskEnd:
		_ = ev.Task().Type
	case trace.EventRegionBegin, trace.EventRegionEnd:
		_ = ev.Region().Type
	case trace.EventLog:
		_ = ev.Log().Message
	case trace.EventStateTransition:
		st := ev.StateTransition()
		frames(st.Stack)
		switch st.Resource.Kind {
		case trace.ResourceGoroutine:
			from, to := st.Goroutine()
			_, _ = from.String(), to.String()
		case trace.ResourceProc:
			from, to := st.Proc()
			_, _ = from.String(), to.String()
		}
	case trace.EventExperimental:
		x := ev.Experimental()
		for i := range x.Args {
			_ = x.ArgValue(i).String()
		}
	}
	_ = fmt.Sprint(ev.String())
}

func frames(s trace.Stack) {
	for f := range s.Frames() {
		_, _, _ = f.Func, f.File, f.Line
	}
}
