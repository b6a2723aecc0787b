package dev.gotrace.semantic;

import dev.gotrace.spec.EventType;
import dev.gotrace.wire.WirePosition;
import java.util.List;

/**
 * The events of one thread in one generation, in file order across its batches, decoded one at a
 * time as Go's parser decodes them ({@code batchCursor}): only timed events of Go's full event
 * table, times accumulated per batch from the batch's base time. The current event's arguments are
 * mutable because ordering records derived facts in them, as Go does.
 */
final class BatchCursor {
  /** Timed events carry at most four arguments after the time delta. */
  static final int MAX_ARGS = EventType.MAX_TIMED_EVENT_ARGS - 1;

  /** One past the largest event number of Go's table. */
  private static final int TABLE_SIZE = 137;

  final long thread;
  private final List<RawBatch> batches;
  private int batchIndex;
  private int dataOffset;
  private int eventIndex;
  private long lastTime;

  // The current event.
  int type;
  long time;
  final long[] args = new long[MAX_ARGS];
  private RawBatch batch;
  private int eventStart;
  private int currentIndex;

  BatchCursor(long thread, List<RawBatch> batches) {
    this.thread = thread;
    this.batches = batches;
  }

  /** Decodes the next event; false when the thread has no more events in this generation. */
  boolean next(Frequency frequency) throws TraceValidationException {
    while (batchIndex < batches.size() && batches.get(batchIndex).payload.length == dataOffset) {
      batchIndex++;
      dataOffset = 0;
      eventIndex = 0;
      lastTime = 0;
    }
    if (batchIndex == batches.size()) {
      return false;
    }
    RawBatch b = batches.get(batchIndex);
    // Go uses 0 as "not yet initialised", so a batch whose events land on time 0 re-reads it.
    if (lastTime == 0) {
      lastTime = frequency.toNanos(b.time);
    }
    byte[] p = b.payload;
    int start = dataOffset;
    batch = b;
    eventStart = start;
    currentIndex = eventIndex;
    int t = p[start] & 0xFF;
    type = t;
    EventType spec = EventType.ofWire(t);
    if (t >= TABLE_SIZE) {
      throw Problems.decoding(position(null), "found invalid event type: " + t,
          "no such event type", "an event of Go's table", "byte " + t);
    }
    if (spec == null || !spec.isTimed()) {
      throw Problems.decoding(position(spec), "found event without a timestamp: type=" + t,
          "not a timed event in a thread batch", "a timed event",
          spec == null ? "byte " + t + " (no such event type)" : spec.goName() + " (" + t + ")");
    }
    int pos = start + 1;
    long dt = 0;
    int count = spec.argCount();
    for (int i = 0; i < count; i++) {
      long x = 0;
      int shift = 0;
      int n = 0;
      boolean done = false;
      while (pos < p.length) {
        int v = p[pos++] & 0xFF;
        if (n == 10 || (n == 9 && v > 1)) {
          throw badVarint(spec, i);
        }
        n++;
        if (v < 0x80) {
          x |= (long) v << shift;
          done = true;
          break;
        }
        x |= (long) (v & 0x7F) << shift;
        shift += 7;
      }
      if (!done) {
        throw badVarint(spec, i);
      }
      if (i == 0) {
        dt = x;
      } else {
        args[i - 1] = x;
      }
    }
    for (int i = count - 1; i < MAX_ARGS; i++) {
      args[i] = 0;
    }
    time = frequency.toNanos(dt) + lastTime;
    lastTime = time;
    dataOffset = pos;
    eventIndex++;
    return true;
  }

  private TraceValidationException badVarint(EventType spec, int arg) {
    String name = spec.args().get(arg).name();
    return Problems.decoding(position(spec),
        arg == 0 ? "found invalid uvarint for timestamp" : "found invalid uvarint",
        "malformed or truncated varint", "argument " + name + " as a varint of at most ten bytes",
        "an overlong varint or the end of the " + batch.payload.length + "-byte payload");
  }

  /** Where the current event is. */
  WirePosition position(EventType spec) {
    return WirePosition.inEvent(offset(), batch.recordIndex, batch.generation, currentIndex, spec);
  }

  long offset() {
    return batch.payloadOffset + eventStart;
  }

  int recordIndex() {
    return batch.recordIndex;
  }

  int eventIndex() {
    return currentIndex;
  }

  long generation() {
    return batch.generation;
  }
}
