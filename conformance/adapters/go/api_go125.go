//go:build go1.25

package main

import "golang.org/x/exp/trace"

// frames reads every field of every frame (Stack.Frames is an iterator from Go 1.24 on).
func frames(s trace.Stack) {
	for f := range s.Frames() {
		_, _, _, _ = f.PC, f.Func, f.File, f.Line
	}
}

// touchNewer covers the kinds whose accessors came later: Experimental (1.23), Sync (1.25).
func touchNewer(ev trace.Event) {
	switch ev.Kind() {
	case trace.EventExperimental:
		x := ev.Experimental()
		_, _ = x.Name, x.Experiment
		for i := range x.Args {
			_ = x.ArgValue(i).String()
		}
	case trace.EventSync:
		s := ev.Sync()
		_ = s.N
		if c := s.ClockSnapshot; c != nil {
			_, _, _ = c.Trace, c.Wall, c.Mono
		}
		for _, bs := range s.ExperimentalBatches {
			for _, b := range bs {
				_, _ = b.Thread, len(b.Data)
			}
		}
	}
}
