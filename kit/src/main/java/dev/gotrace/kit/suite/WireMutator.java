package dev.gotrace.kit.suite;

import dev.gotrace.spec.EventType;
import dev.gotrace.wire.Batch;
import dev.gotrace.wire.Event;
import dev.gotrace.wire.Record;
import dev.gotrace.wire.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small structure-aware mutator for suite cases: one seeded edit of a decoded trace's timed
 * events (remove, duplicate or swap events, change one argument) or of its records (drop or
 * duplicate a batch). Each result is still well-formed on the wire, so the rejections it provokes
 * are the semantic ones (state machines, sequence numbers, tables, generations).
 *
 * <p>Deliberately minimal: the fuller mutator of the differential tests lives with them; the
 * suite only needs deterministic, varied invalid traces to minimise.
 */
final class WireMutator {
  private WireMutator() {}

  /** The edit for {@code seed}, with a one-line description; {@code null} when none applies. */
  static Mutant mutate(Trace trace, long seed) {
    Random rnd = new Random(seed);
    List<Record> records = new ArrayList<>(trace.records());
    List<Integer> threadBatches = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i) instanceof Batch b && b.headerType() == EventType.EVENT_BATCH
          && !b.events().isEmpty()
          && b.events().get(0).type().isTimed()) {
        threadBatches.add(i);
      }
    }
    if (threadBatches.isEmpty()) {
      return null;
    }
    int op = rnd.nextInt(6);
    if (op == 5) {
      int at = rnd.nextInt(records.size());
      boolean drop = rnd.nextBoolean();
      if (drop) {
        records.remove(at);
      } else {
        records.add(at, records.get(at));
      }
      return new Mutant(Trace.of(trace.version(), records),
          (drop ? "drop" : "duplicate") + " record " + at);
    }
    int ri = threadBatches.get(rnd.nextInt(threadBatches.size()));
    Batch b = (Batch) records.get(ri);
    List<Event> events = new ArrayList<>(b.events());
    int ei = rnd.nextInt(events.size());
    Event e = events.get(ei);
    String what;
    switch (op) {
      case 0:
        events.remove(ei);
        what = "remove " + e.type().goName();
        break;
      case 1:
        events.add(ei, e);
        what = "duplicate " + e.type().goName();
        break;
      case 2:
        if (events.size() < 2) {
          return null;
        }
        int other = ei == 0 ? 1 : ei - 1;
        events.set(ei, events.get(other));
        events.set(other, e);
        what = "swap " + e.type().goName() + " with " + events.get(ei).type().goName();
        break;
      default: {
        long[] args = e.args();
        if (args.length < 2) {
          return null;
        }
        // Never the time delta (argument 0): that only moves events in time.
        int ai = 1 + rnd.nextInt(args.length - 1);
        long[] choices = {0, args[ai] + 1, Math.max(0, args[ai] - 1), 1L << 20};
        args[ai] = choices[rnd.nextInt(choices.length)];
        what = "set " + e.type().goName() + "." + e.type().args().get(ai).name() + "="
            + args[ai];
        e = Event.of(e.type(), args);
        events.set(ei, e);
        break;
      }
    }
    if (events.isEmpty()) {
      return null;
    }
    records.set(ri, Batch.builder().generation(b.generation()).thread(b.thread())
        .time(b.time()).addAll(events).build());
    return new Mutant(Trace.of(trace.version(), records),
        what + " in record " + ri + " event " + ei);
  }

  record Mutant(Trace trace, String description) {}
}
