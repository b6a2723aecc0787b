// annotations writes user tasks, regions and logs whose names and messages hold
// non-ASCII text, invalid UTF-8, control bytes, quotes and backslashes, and one
// string longer than the runtime's 1024-byte limit, so that the Go-quoted data
// lines of the text format are exercised.
package main

import (
	"context"
	"runtime/trace"
	"strings"
	"sync"

	"gotrace.local/oracletests/internal/tracefile"
)

var oddStrings = []string{
	"plain",
	"",
	"héllo wörld",
	"日本語のタスク",
	"emoji 🦫 and 🚀",
	"quote \" and backslash \\ and 'single'",
	"tab\tnewline\ncarriage\rnul\x00bell\x07esc\x1b del\x7f",
	"invalid utf8 \xff\xfe\xc3\x28 \xed\xa0\x80 end",
	"\u00a0nbsp \u200bzero-width \u2028line-sep \ufeffbom",
	"combining e\u0301 and surrogate-ish \U0010ffff",
	"%s %d %v {} [] <>",
	strings.Repeat("long-", 300),
}

func main() {
	tracefile.Record(workload)
}

func workload() {
	ctx, root := trace.NewTask(context.Background(), "root task ✓")
	var wg sync.WaitGroup
	for i, s := range oddStrings {
		wg.Add(1)
		go func(i int, s string) {
			defer wg.Done()
			tctx, task := trace.NewTask(ctx, s)
			defer task.End()
			trace.WithRegion(tctx, "region "+s, func() {
				trace.Log(tctx, s, s)
				trace.Logf(tctx, "fmt", "%d:%q", i, s)
				r := trace.StartRegion(tctx, "inner\x00"+s)
				trace.Log(tctx, "", "")
				r.End()
			})
		}(i, s)
	}
	wg.Wait()
	trace.Log(context.Background(), "background key ☃", "background value \xff")
	trace.WithRegion(context.Background(), "background region", func() {})
	root.End()
}
