package dev.gotrace.bench;

import static com.google.common.truth.Truth.assertThat;

import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.decoder.WireReader;
import dev.gotrace.encoder.TextTraceWriter;
import dev.gotrace.encoder.VarintLayout;
import dev.gotrace.wire.Batch;
import dev.gotrace.wire.Event;
import dev.gotrace.wire.Record;
import dev.gotrace.wire.Trace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks what each benchmark computes on the CLI's small sample trace, so a broken benchmark
 * fails the build instead of measuring the wrong thing. Nothing here is timed.
 */
class WorkloadsTest {
  private static byte[] bytes;
  private static Trace trace;

  @BeforeAll
  static void load() throws Exception {
    String root = System.getProperty("gotrace.repo.root", "..");
    bytes = Files.readAllBytes(
        Path.of(root, "cli/src/main/resources/dev/gotrace/cli/sample-go1.26.trace"));
    trace = TraceDecoder.decode(bytes);
  }

  @Test
  void stats_countRecordsAndEventsAsGoRawReaderDoes() throws Exception {
    TraceStats s = TraceStats.of(bytes);

    long batchEvents = 0;
    for (Record r : trace.records()) {
      if (r instanceof Batch) {
        batchEvents += ((Batch) r).events().size();
      }
    }
    assertThat(s.bytes()).isEqualTo(bytes.length);
    assertThat(s.records()).isEqualTo(trace.records().size());
    assertThat(s.batchEvents()).isEqualTo(batchEvents);
    assertThat(s.rawEvents()).isEqualTo(s.records() + s.batchEvents());
    // One text line per raw event (frames and data are indented continuation lines).
    String text = TextTraceWriter.toText(trace);
    long lines = text.lines().filter(l -> !l.startsWith("\t")).count() - 1; // the Trace line
    assertThat(s.rawEvents()).isEqualTo(lines);
  }

  @Test
  void cursor_dependsOnTheValues() throws Exception {
    // Change the last argument of the last timed event that ends in a small one-byte varint:
    // the trace stays well formed, only that value changes.
    WireReader r = WireReader.open(bytes);
    int at = -1;
    while (r.nextRecord()) {
      while (r.nextEvent()) {
        int last = (int) r.eventOffset() + r.eventLength() - 1;
        if (r.eventType().isTimed() && r.eventLength() > 2 && bytes[last] >= 0
            && bytes[last] < 0x7E) {
          at = last;
        }
      }
    }
    assertThat(at).isGreaterThan(0);
    byte[] changed = bytes.clone();
    changed[at] ^= 1;

    assertThat(Workloads.cursor(changed)).isNotEqualTo(Workloads.cursor(bytes));
  }

  @Test
  void valuesStreaming_foldsTheSameEventsAsTheDecodedTrace() throws Exception {
    long h = 0;
    for (Record r : trace.records()) {
      if (r instanceof Batch) {
        Batch b = (Batch) r;
        h = h * 31 + b.time();
        for (Event e : b.events()) {
          h = Workloads.fold(h, e);
        }
      }
    }
    assertThat(Workloads.valuesStreaming(bytes)).isEqualTo(h);
  }

  @Test
  void semantic_readsTheWholeValidTraceInBothModes() throws Exception {
    long parser = Workloads.semantic(bytes, false);
    assertThat(parser).isNotEqualTo(0L);
    // The sample is valid, so the strict reader delivers the same events.
    assertThat(Workloads.semantic(bytes, true)).isEqualTo(parser);
  }

  @Test
  void encode_preserveReproducesTheInput() throws Exception {
    assertThat(Workloads.encode(trace, VarintLayout.PRESERVE)).isEqualTo(bytes);
    assertThat(Workloads.encode(trace, VarintLayout.MINIMAL).length).isAtMost(bytes.length);
  }

  @Test
  void text_andDumpWire_countTheWireText() throws Exception {
    String text = TextTraceWriter.toText(trace);
    String wire = text.substring(text.indexOf('\n') + 1); // -d=wire has no Trace line

    assertThat(Workloads.text(trace)).isEqualTo(wire.length());
    assertThat(Workloads.dumpWire(bytes)).isEqualTo(wire.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void resolve_withoutANameOrEnvironment_saysHowToGiveOne() {
    if (System.getenv(TraceStats.TRACE_ENV) != null) {
      return;
    }
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
            () -> TraceStats.resolve(""));
    assertThat(e).hasMessageThat().contains("-p trace=FILE");
  }
}
