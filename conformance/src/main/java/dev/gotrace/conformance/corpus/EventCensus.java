package dev.gotrace.conformance.corpus;

import dev.gotrace.decoder.EventTable;
import dev.gotrace.decoder.WireReader;
import dev.gotrace.spec.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** Counts the records and events of each type in a trace, with gotrace's own decoder. */
public final class EventCensus {
  private EventCensus() {}

  /** Counts per event type (records included: EventBatch, ExperimentalBatch, EndOfGeneration). */
  public static Map<EventType, Long> count(Path trace) throws IOException {
    Map<EventType, Long> counts = new EnumMap<>(EventType.class);
    try (InputStream in = Files.newInputStream(trace)) {
      WireReader r = WireReader.open(in, EventTable.FULL);
      while (r.nextRecord()) {
        counts.merge(r.recordType(), 1L, Long::sum);
        while (r.nextEvent()) {
          counts.merge(r.eventType(), 1L, Long::sum);
        }
      }
    }
    return counts;
  }
}
