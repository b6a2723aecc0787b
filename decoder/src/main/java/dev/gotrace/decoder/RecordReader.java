package dev.gotrace.decoder;

import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.Batch;
import dev.gotrace.wire.EndOfGeneration;
import dev.gotrace.wire.Event;
import dev.gotrace.wire.HeaderWidths;
import dev.gotrace.wire.Record;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a binary trace as immutable {@link Record} values, one at a time: memory stays bounded
 * by the largest batch, whatever the trace's size. Every varint width is kept, so writing the
 * records back with {@code VarintLayout.PRESERVE} reproduces the input byte for byte.
 */
public final class RecordReader {
  private final WireReader wire;
  private final byte[] widths = new byte[WireReaderLimits.MAX_VARINTS];

  RecordReader(WireReader wire) {
    this.wire = wire;
  }

  public TraceVersion version() {
    return wire.version();
  }

  /** The cursor underneath, for offsets of the record just read. */
  public WireReader cursor() {
    return wire;
  }

  /** The next record, or {@code null} at the end of input. */
  public Record next() throws IOException {
    if (!wire.nextRecord()) {
      return null;
    }
    if (wire.recordType() == EventType.END_OF_GENERATION) {
      return EndOfGeneration.INSTANCE;
    }
    Batch.Builder b = wire.recordType() == EventType.EXPERIMENTAL_BATCH
        ? Batch.experimentalBuilder(wire.experiment())
        : Batch.builder();
    b.generation(wire.generation()).thread(wire.thread()).time(wire.batchTime());
    b.headerWidths(HeaderWidths.of(wire.headerWidth(0), wire.headerWidth(1),
        wire.headerWidth(2), wire.headerWidth(3)));
    if (wire.batchKind() == dev.gotrace.wire.BatchKind.EXPERIMENTAL) {
      byte[] payload = new byte[wire.payloadSize()];
      wire.copyPayload(payload, 0);
      b.opaquePayload(payload);
    } else {
      while (wire.nextEvent()) {
        b.add(currentEvent());
      }
    }
    return b.build();
  }

  /** The cursor's current event as a value. */
  Event currentEvent() {
    EventType t = wire.eventType();
    int n = wire.valueCount();
    Event.Builder e = Event.builder(t);
    long[] args = new long[t.argCount()];
    for (int i = 0; i < args.length; i++) {
      args[i] = wire.value(i);
    }
    e.args(args);
    if (t.isStack()) {
      long[] frames = new long[n - args.length];
      for (int i = 0; i < frames.length; i++) {
        frames[i] = wire.value(args.length + i);
      }
      e.frameValues(frames);
    }
    int varints = n;
    if (wire.hasData()) {
      byte[] data = new byte[wire.dataLength()];
      wire.copyData(data, 0);
      e.data(data);
      varints++;
    }
    boolean minimal = true;
    for (int i = 0; i < varints; i++) {
      widths[i] = (byte) wire.varintWidth(i);
      long v = i < n ? wire.value(i) : wire.dataLength();
      minimal &= widths[i] == dev.gotrace.wire.Varints.minimalWidth(v);
    }
    if (!minimal) {
      e.varintWidths(Arrays.copyOf(widths, varints));
    }
    return e.build();
  }
}
