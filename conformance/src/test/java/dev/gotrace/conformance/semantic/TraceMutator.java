package dev.gotrace.conformance.semantic;

import dev.gotrace.spec.ArgKind;
import dev.gotrace.spec.EventType;
import dev.gotrace.wire.Batch;
import dev.gotrace.wire.EndOfGeneration;
import dev.gotrace.wire.Event;
import dev.gotrace.wire.HeaderWidths;
import dev.gotrace.wire.Record;
import dev.gotrace.wire.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Structure-aware mutations of real traces, the kinds of damage a broken writer, a lossy copy or
 * a bad merge does: events and batches dropped, duplicated, reordered or moved to another thread;
 * arguments, sequence numbers, statuses, generation numbers, thread ids and times changed; table
 * entries lost or renumbered; generations cut short. Most results are invalid in one specific
 * way, some stay valid; both kinds test the verdict.
 *
 * <p>Deterministic for a given {@link Random}, so any case reproduces from its seed.
 */
final class TraceMutator {
  private final Random rnd;
  private final List<String> applied = new ArrayList<>();
  private List<Record> records;
  private long[] seenThreads;

  TraceMutator(Random rnd) {
    this.rnd = rnd;
  }

  /** What the last {@link #mutate} did, for reports. */
  String description() {
    return String.join("; ", applied);
  }

  Trace mutate(Trace trace) {
    applied.clear();
    records = new ArrayList<>(trace.records());
    seenThreads = trace.batches().stream().mapToLong(Batch::thread).distinct().toArray();
    int n = 1 + (rnd.nextInt(10) < 7 ? 0 : rnd.nextInt(3));
    for (int i = 0; i < n; i++) {
      mutateOnce();
    }
    return Trace.of(trace.version(), records);
  }

  private void mutateOnce() {
    int pick = rnd.nextInt(100);
    if (pick < 10) {
      dropEvent();
    } else if (pick < 16) {
      duplicateEvent();
    } else if (pick < 24) {
      swapEvents();
    } else if (pick < 30) {
      moveEvent();
    } else if (pick < 46) {
      changeArgument();
    } else if (pick < 54) {
      changeSequence();
    } else if (pick < 59) {
      changeStatus();
    } else if (pick < 63) {
      dropBatch();
    } else if (pick < 66) {
      duplicateBatch();
    } else if (pick < 71) {
      swapBatches();
    } else if (pick < 75) {
      changeGeneration();
    } else if (pick < 79) {
      changeThread();
    } else if (pick < 83) {
      changeBatchTime();
    } else if (pick < 87) {
      splitBatch();
    } else if (pick < 91) {
      changeTable();
    } else if (pick < 94) {
      endOfGeneration();
    } else if (pick < 97) {
      retypeEvent();
    } else if (pick < 98) {
      changeExperiment();
    } else {
      truncate();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers.

  private List<Integer> batchIndexes(boolean threadBatchesOnly, boolean nonEmpty) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i) instanceof Batch b && !b.isOpaque()
          && (!nonEmpty || !b.events().isEmpty())
          && (!threadBatchesOnly || (b.events().isEmpty() || b.events().get(0).type().isTimed()))) {
        out.add(i);
      }
    }
    return out;
  }

  private int randomBatch(boolean threadBatchesOnly) {
    List<Integer> l = batchIndexes(threadBatchesOnly, true);
    return l.isEmpty() ? -1 : l.get(rnd.nextInt(l.size()));
  }

  private Batch batch(int i) {
    return (Batch) records.get(i);
  }

  private void setEvents(int i, List<Event> events) {
    Batch b = batch(i);
    Batch.Builder nb = Batch.builder().generation(b.generation()).thread(b.thread()).time(b.time())
        .headerWidths(HeaderWidths.MINIMAL);
    if (b.headerType() == EventType.EXPERIMENTAL_BATCH) {
      nb = Batch.experimentalBuilder(b.experiment()).generation(b.generation())
          .thread(b.thread()).time(b.time()).headerWidths(HeaderWidths.MINIMAL);
    }
    records.set(i, nb.addAll(events).build());
  }

  private void setHeader(int i, long gen, long thread, long time) {
    Batch b = batch(i);
    Batch.Builder nb = b.headerType() == EventType.EXPERIMENTAL_BATCH
        ? Batch.experimentalBuilder(b.experiment()) : Batch.builder();
    nb.generation(gen).thread(thread).time(time).headerWidths(HeaderWidths.MINIMAL);
    if (b.isOpaque()) {
      nb.opaquePayload(b.opaquePayload());
    } else {
      nb.addAll(b.events());
    }
    records.set(i, nb.build());
  }

  private long tweak(long v) {
    switch (rnd.nextInt(8)) {
      case 0:
        return v + 1;
      case 1:
        return v - 1;
      case 2:
        return 0;
      case 3:
        return v + 2 + rnd.nextInt(5);
      case 4:
        return rnd.nextInt(16);
      case 5:
        return -1L;
      case 6:
        return v * 2;
      default:
        return v ^ (1L << rnd.nextInt(20));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Events.

  private void dropEvent() {
    int bi = randomBatch(false);
    if (bi < 0) {
      return;
    }
    List<Event> ev = new ArrayList<>(batch(bi).events());
    int k = rnd.nextInt(ev.size());
    applied.add("drop event " + k + " (" + ev.get(k).type().goName() + ") of record " + bi);
    ev.remove(k);
    setEvents(bi, ev);
  }

  private void duplicateEvent() {
    int bi = randomBatch(false);
    if (bi < 0) {
      return;
    }
    List<Event> ev = new ArrayList<>(batch(bi).events());
    int k = rnd.nextInt(ev.size());
    if (k == 0 && ev.size() > 1 && !ev.get(0).type().isTimed()) {
      k = 1;
    }
    applied.add("duplicate event " + k + " (" + ev.get(k).type().goName() + ") of record " + bi);
    ev.add(k, ev.get(k));
    setEvents(bi, ev);
  }

  private void swapEvents() {
    int bi = randomBatch(true);
    if (bi < 0 || batch(bi).events().size() < 2) {
      return;
    }
    List<Event> ev = new ArrayList<>(batch(bi).events());
    int k = rnd.nextInt(ev.size() - 1);
    int j = rnd.nextInt(4) == 0 ? rnd.nextInt(ev.size()) : k + 1;
    applied.add("swap events " + k + " and " + j + " of record " + bi);
    Event t = ev.get(k);
    ev.set(k, ev.get(j));
    ev.set(j, t);
    setEvents(bi, ev);
  }

  private void moveEvent() {
    int from = randomBatch(true);
    int to = randomBatch(true);
    if (from < 0 || to < 0) {
      return;
    }
    List<Event> src = new ArrayList<>(batch(from).events());
    int k = rnd.nextInt(src.size());
    Event e = src.remove(k);
    setEvents(from, src);
    List<Event> dst = new ArrayList<>(batch(to).events());
    int at = rnd.nextInt(dst.size() + 1);
    dst.add(at, e);
    setEvents(to, dst);
    applied.add("move event " + k + " (" + e.type().goName() + ") of record " + from
        + " to position " + at + " of record " + to);
  }

  private void changeArgOf(java.util.function.Predicate<ArgKind> which, String what) {
    for (int attempt = 0; attempt < 20; attempt++) {
      int bi = randomBatch(false);
      if (bi < 0) {
        return;
      }
      List<Event> ev = new ArrayList<>(batch(bi).events());
      int k = rnd.nextInt(ev.size());
      Event e = ev.get(k);
      EventType t = e.type();
      List<Integer> candidates = new ArrayList<>();
      for (int a = 0; a < t.argCount(); a++) {
        if (which.test(t.args().get(a).kind()) && !(t.isStack() && a == 1)) {
          candidates.add(a);
        }
      }
      if (candidates.isEmpty()) {
        continue;
      }
      int a = candidates.get(rnd.nextInt(candidates.size()));
      long old = e.arg(a);
      long v = t.args().get(a).kind() == ArgKind.THREAD && seenThreads.length > 0
          && rnd.nextBoolean() ? seenThreads[rnd.nextInt(seenThreads.length)] : tweak(old);
      Event.Builder b = e.toBuilder().varintWidths(null);
      b.arg(t.args().get(a).name(), v);
      ev.set(k, b.build());
      setEvents(bi, ev);
      applied.add(what + ": " + t.goName() + "." + t.args().get(a).name() + " "
          + Long.toUnsignedString(old) + " -> " + Long.toUnsignedString(v) + " (event " + k
          + " of record " + bi + ")");
      return;
    }
  }

  private void changeArgument() {
    changeArgOf(k -> k != ArgKind.FRAME_COUNT, "argument");
  }

  private void changeSequence() {
    changeArgOf(k -> k == ArgKind.SEQUENCE, "sequence");
  }

  private void changeStatus() {
    for (int attempt = 0; attempt < 30; attempt++) {
      int bi = randomBatch(true);
      if (bi < 0) {
        return;
      }
      List<Event> ev = new ArrayList<>(batch(bi).events());
      int k = rnd.nextInt(ev.size());
      Event e = ev.get(k);
      String name = e.type() == EventType.PROC_STATUS ? "pstatus"
          : e.type() == EventType.GO_STATUS || e.type() == EventType.GO_STATUS_STACK ? "gstatus"
          : null;
      if (name == null) {
        continue;
      }
      long old = e.arg(name);
      long v = rnd.nextInt(10) == 0 ? 256 + rnd.nextInt(5) : rnd.nextInt(6);
      ev.set(k, e.toBuilder().varintWidths(null).arg(name, v).build());
      setEvents(bi, ev);
      applied.add("status: " + e.type().goName() + "." + name + " " + old + " -> " + v
          + " (event " + k + " of record " + bi + ")");
      return;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Batches.

  private int randomRecord() {
    return records.isEmpty() ? -1 : rnd.nextInt(records.size());
  }

  private void dropBatch() {
    List<Integer> l = batchIndexes(false, false);
    if (l.isEmpty()) {
      return;
    }
    int i = l.get(rnd.nextInt(l.size()));
    applied.add("drop record " + i + " (" + describe(i) + ")");
    records.remove(i);
  }

  private String describe(int i) {
    Record r = records.get(i);
    if (r instanceof Batch b) {
      return "gen " + b.generation() + " m " + b.thread() + ", "
          + (b.isOpaque() ? "experimental" : b.events().isEmpty() ? "empty"
              : b.events().get(0).type().goName() + "...");
    }
    return "EndOfGeneration";
  }

  private void duplicateBatch() {
    int i = randomRecord();
    if (i < 0) {
      return;
    }
    int at = rnd.nextBoolean() ? i + 1 : rnd.nextInt(records.size() + 1);
    applied.add("duplicate record " + i + " (" + describe(i) + ") at " + at);
    records.add(at, records.get(i));
  }

  private void swapBatches() {
    if (records.size() < 2) {
      return;
    }
    int i = rnd.nextInt(records.size() - 1);
    int j = rnd.nextBoolean() ? i + 1 : rnd.nextInt(records.size());
    applied.add("swap records " + i + " and " + j);
    Record t = records.get(i);
    records.set(i, records.get(j));
    records.set(j, t);
  }

  private void changeGeneration() {
    List<Integer> l = batchIndexes(false, false);
    if (l.isEmpty()) {
      return;
    }
    int i = l.get(rnd.nextInt(l.size()));
    Batch b = batch(i);
    long g = rnd.nextInt(4) == 0 ? 0 : b.generation() + (rnd.nextBoolean() ? 1 : -1);
    applied.add("generation of record " + i + " " + b.generation() + " -> " + g);
    setHeader(i, g, b.thread(), b.time());
  }

  private void changeThread() {
    int i = randomBatch(true);
    if (i < 0) {
      return;
    }
    Batch b = batch(i);
    long m = rnd.nextInt(3) == 0 ? -1L : seenThreads[rnd.nextInt(seenThreads.length)];
    applied.add("thread of record " + i + " " + b.thread() + " -> " + m);
    setHeader(i, b.generation(), m, b.time());
  }

  private void changeBatchTime() {
    int i = randomBatch(false);
    if (i < 0) {
      return;
    }
    Batch b = batch(i);
    long t;
    switch (rnd.nextInt(4)) {
      case 0:
        t = 0;
        break;
      case 1:
        t = b.time() / 2;
        break;
      case 2:
        t = b.time() + 1 + rnd.nextInt(100000);
        break;
      default:
        t = -1L >>> rnd.nextInt(3);
        break;
    }
    applied.add("time of record " + i + " " + b.time() + " -> " + Long.toUnsignedString(t));
    setHeader(i, b.generation(), b.thread(), t);
  }

  private void splitBatch() {
    int i = randomBatch(true);
    if (i < 0 || batch(i).events().size() < 2) {
      return;
    }
    Batch b = batch(i);
    int k = 1 + rnd.nextInt(b.events().size() - 1);
    List<Event> first = new ArrayList<>(b.events().subList(0, k));
    List<Event> second = new ArrayList<>(b.events().subList(k, b.events().size()));
    setEvents(i, first);
    records.add(i + 1, Batch.builder().generation(b.generation()).thread(b.thread())
        .time(b.time()).addAll(second).build());
    applied.add("split record " + i + " after event " + k);
  }

  private void changeTable() {
    for (int attempt = 0; attempt < 20; attempt++) {
      int bi = randomBatch(false);
      if (bi < 0) {
        return;
      }
      List<Event> ev = new ArrayList<>(batch(bi).events());
      EventType t = ev.get(0).type();
      if (t != EventType.STRINGS && t != EventType.STACKS || ev.size() < 2) {
        continue;
      }
      int k = 1 + rnd.nextInt(ev.size() - 1);
      Event e = ev.get(k);
      if (e.type() != EventType.STRING && e.type() != EventType.STACK) {
        continue;
      }
      switch (rnd.nextInt(3)) {
        case 0:
          ev.remove(k);
          applied.add("drop table entry " + k + " of record " + bi);
          break;
        case 1:
          ev.set(k, e.toBuilder().varintWidths(null).arg("id", tweak(e.arg(0))).build());
          applied.add("renumber table entry " + k + " of record " + bi);
          break;
        default:
          if (e.type() == EventType.STACK && e.frameCount() > 0) {
            long[] v = e.values().clone();
            long[] frames = java.util.Arrays.copyOfRange(v, 2, v.length);
            int f = rnd.nextInt(frames.length);
            frames[f] = tweak(frames[f]);
            ev.set(k, e.toBuilder().varintWidths(null).frameValues(frames).build());
            applied.add("change frame field " + f + " of stack entry " + k + " of record " + bi);
          } else {
            ev.add(k, e);
            applied.add("duplicate table entry " + k + " of record " + bi);
          }
          break;
      }
      setEvents(bi, ev);
      return;
    }
  }

  private void endOfGeneration() {
    List<Integer> ends = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i) instanceof EndOfGeneration) {
        ends.add(i);
      }
    }
    if (ends.isEmpty() || rnd.nextInt(3) == 0) {
      int at = rnd.nextInt(records.size() + 1);
      records.add(at, EndOfGeneration.INSTANCE);
      applied.add("insert EndOfGeneration at " + at);
      return;
    }
    int i = ends.get(rnd.nextInt(ends.size()));
    records.remove(i);
    if (rnd.nextBoolean()) {
      applied.add("drop EndOfGeneration " + i);
    } else {
      int at = rnd.nextInt(records.size() + 1);
      records.add(at, EndOfGeneration.INSTANCE);
      applied.add("move EndOfGeneration " + i + " to " + at);
    }
  }

  /** Replaces an event's type by another timed type, keeping as many arguments as fit. */
  private void retypeEvent() {
    int bi = randomBatch(true);
    if (bi < 0) {
      return;
    }
    List<EventType> timed = new ArrayList<>();
    for (EventType t : EventType.values()) {
      if (t.isTimed()) {
        timed.add(t);
      }
    }
    List<Event> ev = new ArrayList<>(batch(bi).events());
    int k = rnd.nextInt(ev.size());
    Event e = ev.get(k);
    EventType to = timed.get(rnd.nextInt(timed.size()));
    long[] args = new long[to.argCount()];
    for (int a = 0; a < args.length; a++) {
      args[a] = a < e.type().argCount() ? e.arg(a) : rnd.nextInt(4);
    }
    ev.set(k, Event.of(to, args));
    setEvents(bi, ev);
    applied.add("retype event " + k + " of record " + bi + " " + e.type().goName() + " -> "
        + to.goName());
  }

  /** Changes an experimental batch's experiment byte, or gives a batch an experimental header. */
  private void changeExperiment() {
    List<Integer> l = batchIndexes(false, false);
    List<Integer> experimental = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i) instanceof Batch b && b.headerType() == EventType.EXPERIMENTAL_BATCH) {
        experimental.add(i);
      }
    }
    if (!experimental.isEmpty() && rnd.nextBoolean()) {
      int i = experimental.get(rnd.nextInt(experimental.size()));
      Batch b = batch(i);
      int exp = rnd.nextInt(4);
      Batch.Builder nb = Batch.experimentalBuilder(exp).generation(b.generation())
          .thread(b.thread()).time(b.time());
      byte[] payload = b.isOpaque() ? b.opaquePayload() : new byte[0];
      if (exp != 0) {
        nb.opaquePayload(payload);
      } else if (payload.length > 0) {
        return; // Opaque bytes cannot be re-read as events by the model.
      }
      records.set(i, nb.build());
      applied.add("experiment of record " + i + " " + b.experiment() + " -> " + exp);
    } else if (!l.isEmpty()) {
      int i = l.get(rnd.nextInt(l.size()));
      Batch b = batch(i);
      if (b.isOpaque()) {
        return;
      }
      records.set(i, Batch.experimentalBuilder(0).generation(b.generation()).thread(b.thread())
          .time(b.time()).addAll(b.events()).build());
      applied.add("record " + i + " behind an ExperimentalBatch header with experiment 0");
    }
  }

  private void truncate() {
    if (records.isEmpty()) {
      return;
    }
    int keep = rnd.nextInt(records.size());
    applied.add("keep only the first " + keep + " of " + records.size() + " records");
    records = new ArrayList<>(records.subList(0, keep));
  }
}
