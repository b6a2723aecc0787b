package tracefile

import (
	"io"
	"sync/atomic"
)

// generationWatcher passes the trace through to w and keeps the lowest and the
// highest generation number of the batches seen so far, so that a workload can wait
// until the tracer has really moved on a number of generations instead of
// guessing how long that takes (it depends on the load of the machine).
//
// It reads only the framing of the stream: the 16-byte header, then records
// that are an EventBatch (0x01) or ExperimentalBatch (0x31, one experiment byte
// more) with the varints generation, thread, time and payload size before the
// payload, or Go 1.26's one-byte EndOfGeneration (0x34). Anything else stops
// the count (and the waiting workload gives up at its deadline).
type generationWatcher struct {
	w      io.Writer
	skip   int           // bytes of the file header or of a payload still to pass
	header []byte        // bytes of a record header read so far
	first  atomic.Uint64 // 0 until the first batch
	max    atomic.Uint64
	lost   atomic.Bool
}

const (
	eventBatch        = 0x01
	experimentalBatch = 0x31
	endOfGeneration   = 0x34
)

func newGenerationWatcher(w io.Writer) *generationWatcher {
	return &generationWatcher{w: w, skip: 16}
}

func (g *generationWatcher) Write(p []byte) (int, error) {
	g.scan(p)
	return g.w.Write(p)
}

func (g *generationWatcher) scan(p []byte) {
	for len(p) > 0 && !g.lost.Load() {
		if g.skip > 0 {
			n := min(g.skip, len(p))
			g.skip -= n
			p = p[n:]
			continue
		}
		g.header = append(g.header, p[0])
		p = p[1:]
		g.parseHeader()
	}
}

// parseHeader consumes g.header once it holds a whole record header.
func (g *generationWatcher) parseHeader() {
	h := g.header
	switch h[0] {
	case endOfGeneration:
		g.header = g.header[:0]
		return
	case eventBatch:
		h = h[1:]
	case experimentalBatch:
		if len(h) < 2 {
			return
		}
		h = h[2:]
	default:
		g.lost.Store(true)
		return
	}
	var fields [4]uint64
	for i := range fields {
		v, n, ok := uvarint(h)
		if !ok {
			return // more header bytes to come
		}
		fields[i] = v
		h = h[n:]
	}
	if g.first.Load() == 0 {
		g.first.Store(fields[0])
	}
	if fields[0] > g.max.Load() {
		g.max.Store(fields[0])
	}
	g.skip = int(fields[3])
	g.header = g.header[:0]
}

// uvarint decodes a LEB128 varint; ok is false while it is incomplete.
func uvarint(b []byte) (v uint64, n int, ok bool) {
	var shift uint
	for i, c := range b {
		if i == 10 {
			return 0, 0, false
		}
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v, i + 1, true
		}
		shift += 7
	}
	return 0, 0, false
}

var watcher atomic.Pointer[generationWatcher]

// Generations is how many generations the tracer has begun, as the batches it
// has written so far say: once it is n, at least n-1 generations have ended. It
// is 0 before the first batch and when the stream could not be followed.
func Generations() uint64 {
	g := watcher.Load()
	if g == nil || g.lost.Load() || g.first.Load() == 0 {
		return 0
	}
	return g.max.Load() - g.first.Load() + 1
}
