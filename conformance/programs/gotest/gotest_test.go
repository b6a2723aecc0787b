package gotest

import (
	"context"
	"runtime/trace"
	"testing"
	"time"
)

func TestParallelSum(t *testing.T) {
	for _, workers := range []int{1, 2, 4} {
		workers := workers
		t.Run("workers", func(t *testing.T) {
			t.Parallel()
			ctx, task := trace.NewTask(context.Background(), "sum")
			defer task.End()
			var got int
			trace.WithRegion(ctx, "compute", func() {
				got = ParallelSum(100000, workers)
			})
			if want := 100000 * 100001 / 2; got != want {
				t.Fatalf("ParallelSum(%d) = %d, want %d", workers, got, want)
			}
		})
	}
}

func TestSleepy(t *testing.T) {
	t.Parallel()
	time.Sleep(2 * time.Millisecond)
}

func BenchmarkParallelSum(b *testing.B) {
	for i := 0; i < b.N; i++ {
		ParallelSum(1000, 2)
	}
}
