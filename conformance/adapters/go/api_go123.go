//go:build go1.23 && !go1.24

package main

import "golang.org/x/exp/trace"

// Before Go 1.24, Stack.Frames takes a callback.
func frames(s trace.Stack) {
	s.Frames(func(f trace.StackFrame) bool {
		_, _, _, _ = f.PC, f.Func, f.File, f.Line
		return true
	})
}

func touchNewer(ev trace.Event) {
	// Before Go 1.25 the arguments are plain numbers and the batches hang off the event.
	if ev.Kind() == trace.EventExperimental {
		x := ev.Experimental()
		_, _, _ = x.Name, x.ArgNames, x.Args
		if x.Data != nil {
			for _, b := range x.Data.Batches {
				_, _ = b.Thread, len(b.Data)
			}
		}
	}
}
