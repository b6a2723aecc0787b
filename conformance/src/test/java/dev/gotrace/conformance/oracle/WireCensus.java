package dev.gotrace.conformance.oracle;

import dev.gotrace.decoder.EventTable;
import dev.gotrace.decoder.WireReader;
import dev.gotrace.spec.EventType;
import dev.gotrace.wire.TraceFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What a binary trace holds, counted with gotrace's streaming reader: records, events, strings. */
final class WireCensus {
  private final Map<EventType, Long> counts = new EnumMap<>(EventType.class);
  private final List<byte[]> strings = new ArrayList<>();
  private final List<Integer> experiments = new ArrayList<>();

  private WireCensus() {}

  static WireCensus of(byte[] trace) {
    WireCensus c = new WireCensus();
    try {
      WireReader r = WireReader.open(trace, EventTable.FULL);
      while (r.nextRecord()) {
        c.add(r.recordType());
        if (r.recordType() == EventType.EXPERIMENTAL_BATCH) {
          c.experiments.add(r.experiment());
        }
        while (r.nextEvent()) {
          c.add(r.eventType());
          if (r.eventType() == EventType.STRING) {
            byte[] data = new byte[r.dataLength()];
            r.copyData(data, 0);
            c.strings.add(data);
          }
        }
      }
    } catch (TraceFormatException e) {
      throw new AssertionError("gotrace cannot read a real trace", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return c;
  }

  long count(EventType type) {
    return counts.getOrDefault(type, 0L);
  }

  /** The bytes of every String record, in file order. */
  List<byte[]> strings() {
    return strings;
  }

  /** The experiment byte of every ExperimentalBatch, in file order. */
  List<Integer> experiments() {
    return experiments;
  }

  boolean hasString(String s) {
    byte[] want = s.getBytes(StandardCharsets.UTF_8);
    return strings.stream().anyMatch(b -> Arrays.equals(b, want));
  }

  private void add(EventType type) {
    counts.merge(type, 1L, Long::sum);
  }
}
