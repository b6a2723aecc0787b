package dev.gotrace.conformance.properties;

import dev.gotrace.spec.EventType;
import dev.gotrace.wire.Batch;
import dev.gotrace.wire.Event;
import dev.gotrace.wire.HeaderWidths;
import dev.gotrace.wire.Record;
import dev.gotrace.wire.Trace;
import java.util.ArrayList;
import java.util.List;

/** What a trace model should become after a layout or format that drops some varint widths. */
final class TraceModels {
  private TraceModels() {}

  /** Every varint minimal: what {@code VarintLayout.MINIMAL} writes. */
  static Trace minimal(Trace t) {
    return map(t, HeaderWidths.MINIMAL, true, true);
  }

  /** Ten-byte sizes, every other varint minimal: what {@code VarintLayout.PADDED} writes. */
  static Trace padded(Trace t) {
    return map(t, HeaderWidths.RUNTIME, true, true);
  }

  /**
   * What Go's raw text format keeps: it has no widths, except that the payload of an
   * experimental batch is written as its bytes, so the events of an experiment-0 batch keep
   * theirs.
   */
  static Trace asText(Trace t) {
    return map(t, HeaderWidths.MINIMAL, true, false);
  }

  private static Trace map(Trace t, HeaderWidths header, boolean stripEventBatches,
      boolean stripExperimentalBatches) {
    List<Record> out = new ArrayList<>();
    for (Record r : t.records()) {
      if (!(r instanceof Batch)) {
        out.add(r);
        continue;
      }
      Batch b = (Batch) r;
      boolean experimental = b.headerType() == EventType.EXPERIMENTAL_BATCH;
      boolean strip = experimental ? stripExperimentalBatches : stripEventBatches;
      Batch.Builder nb = experimental ? Batch.experimentalBuilder(b.experiment()) : Batch.builder();
      nb.generation(b.generation()).thread(b.thread()).time(b.time()).headerWidths(header);
      if (b.isOpaque()) {
        nb.opaquePayload(b.opaquePayload());
      } else {
        for (Event e : b.events()) {
          nb.add(strip ? e.minimal() : e);
        }
      }
      out.add(nb.build());
    }
    return Trace.of(t.version(), out);
  }
}
