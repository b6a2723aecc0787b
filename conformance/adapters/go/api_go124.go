//go:build go1.24 && !go1.25

package main

import "golang.org/x/exp/trace"

func frames(s trace.Stack) {
	for f := range s.Frames() {
		_, _, _, _ = f.PC, f.Func, f.File, f.Line
	}
}

// Go 1.24's parser has Experimental but no Sync accessor.
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
