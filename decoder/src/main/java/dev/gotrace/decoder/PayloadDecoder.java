package dev.gotrace.decoder;

import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.Event;
import dev.gotrace.wire.Varints;
import dev.gotrace.wire.TraceFormatException;
import java.util.ArrayList;
import java.util.List;

/** Decodes a detached batch payload into events, with the same rules as a batch in a file. */
final class PayloadDecoder {
  private PayloadDecoder() {}

  /**
   * The events of {@code payload} read as the payload of an ordinary batch of a {@code version}
   * trace. Offsets in errors count from a synthetic header and batch header, not from the text.
   */
  static List<Event> events(TraceVersion version, EventTable table, byte[] payload)
      throws TraceFormatException {
    byte[] header = version.header();
    byte[] bytes = new byte[header.length + 4 + 10 + payload.length];
    System.arraycopy(header, 0, bytes, 0, header.length);
    int p = header.length;
    bytes[p++] = (byte) EventType.EVENT_BATCH.wire();
    bytes[p++] = 1; // gen
    bytes[p++] = 0; // m
    bytes[p++] = 0; // time
    p = Varints.writeMinimal(bytes, p, payload.length);
    System.arraycopy(payload, 0, bytes, p, payload.length);
    WireReader r = WireReader.open(java.util.Arrays.copyOf(bytes, p + payload.length), table);
    RecordReader records = new RecordReader(r);
    List<Event> out = new ArrayList<>();
    try {
      if (r.nextRecord()) {
        while (r.nextEvent()) {
          out.add(records.currentEvent());
        }
      }
    } catch (TraceFormatException e) {
      throw e;
    } catch (java.io.IOException e) {
      throw new AssertionError("an in-memory source does not fail", e);
    }
    return out;
  }
}
