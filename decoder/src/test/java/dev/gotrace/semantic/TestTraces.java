package dev.gotrace.semantic;

import dev.gotrace.encoder.EncoderOptions;
import dev.gotrace.encoder.TraceWriter;
import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.Batch;
import dev.gotrace.wire.Event;
import dev.gotrace.wire.Frame;
import dev.gotrace.wire.Trace;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Small hand-made traces for tests: generations with a sync batch (1 GHz clock, so ticks are
 * nanoseconds), thread batches, string and stack tables, written as bytes. Nothing is checked
 * here; broken traces are the point.
 */
final class TestTraces {
  static final long NO_THREAD = -1;

  private final TraceVersion version;
  private final Trace.Builder trace;
  private long gen;

  private TestTraces(TraceVersion version) {
    this.version = version;
    this.trace = Trace.builder(version);
  }

  static TestTraces of(TraceVersion version) {
    return new TestTraces(version);
  }

  /** Starts generation {@code gen} with its sync batch at time {@code time}. */
  TestTraces generation(long gen, long time) {
    this.gen = gen;
    Batch.Builder sync = Batch.builder().generation(gen).thread(NO_THREAD).time(time);
    if (version.hasSyncEvent()) {
      sync.add(Event.of(EventType.SYNC));
      sync.add(Event.of(EventType.FREQUENCY, 1_000_000_000L));
      sync.add(Event.of(EventType.CLOCK_SNAPSHOT, 1, 1_000 * gen, 1_700_000_000L + gen, 0));
    } else {
      sync.add(Event.of(EventType.FREQUENCY, 1_000_000_000L));
    }
    return add(sync.build());
  }

  /** A batch without the sync record (to test its absence). */
  TestTraces generationWithoutSync(long gen) {
    this.gen = gen;
    return this;
  }

  TestTraces batch(long thread, long time, Event... events) {
    return add(Batch.builder().generation(gen).thread(thread).time(time).addAll(List.of(events))
        .build());
  }

  /** Defines strings 1, 2, ... in order. */
  TestTraces strings(String... strings) {
    Batch.Builder b = Batch.builder().generation(gen).thread(NO_THREAD).add(Event.of(
        EventType.STRINGS));
    for (int i = 0; i < strings.length; i++) {
      b.add(Event.string(i + 1, strings[i].getBytes(StandardCharsets.UTF_8)));
    }
    return add(b.build());
  }

  /** Defines stack {@code id} with frames given as (pc, funcStringId, fileStringId, line). */
  TestTraces stack(long id, long... frameFields) {
    Frame[] frames = new Frame[frameFields.length / 4];
    for (int i = 0; i < frames.length; i++) {
      frames[i] = new Frame(frameFields[4 * i], frameFields[4 * i + 1], frameFields[4 * i + 2],
          frameFields[4 * i + 3]);
    }
    return add(Batch.builder().generation(gen).thread(NO_THREAD).add(Event.of(EventType.STACKS))
        .add(Event.stack(id, List.of(frames))).build());
  }

  TestTraces add(dev.gotrace.wire.Record r) {
    trace.add(r);
    return this;
  }

  TestTraces end() {
    trace.endGeneration();
    return this;
  }

  byte[] bytes() {
    try {
      return TraceWriter.encode(trace.build(), EncoderOptions.DEFAULTS.withCheckLimits(false));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static Event ev(EventType type, long... args) {
    return Event.of(type, args);
  }
}
