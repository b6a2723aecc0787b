package dev.gotrace.decoder;

import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.Batch;
import dev.gotrace.wire.EndOfGeneration;
import dev.gotrace.wire.Event;
import dev.gotrace.wire.HeaderWidths;
import dev.gotrace.wire.Record;
import dev.gotrace.wire.Varints;
import java.io.IOException;

/**
 * Reads a binary trace as immutable {@link Record} values, one at a time: memory stays bounded
 * by the largest batch, whatever the trace's size. Every varint width is kept, so writing the
 * records back with {@code VarintLayout.PRESERVE} reproduces the input byte for byte.
 */
public final class RecordReader {
  private final WireReader wire;

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
    long[] values = new long[n];
    boolean minimal = true;
    for (int i = 0; i < n; i++) {
      long v = wire.value(i);
      values[i] = v;
      minimal &= wire.varintWidth(i) == Varints.minimalWidth(v);
    }
    byte[] data = null;
    int varints = n;
    if (wire.hasData()) {
      data = new byte[wire.dataLength()];
      wire.copyData(data, 0);
      minimal &= wire.varintWidth(n) == Varints.minimalWidth(data.length);
      varints++;
    }
    byte[] widths = null;
    if (!minimal) {
      widths = new byte[varints];
      for (int i = 0; i < varints; i++) {
        widths[i] = (byte) wire.varintWidth(i);
      }
    }
    return Event.fromWire(t, values, data, widths);
  }
}
