package dev.gotrace.semantic;

import dev.gotrace.semantic.TraceValidationException.Stage;
import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.WirePosition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a binary trace as Go's parser does and delivers its events in Go's order, checking every
 * rule Go's parser checks (and, in {@link ValidationMode#STRICT}, those of Go's test validator).
 *
 * <pre>{@code
 * try (SemanticReader r = SemanticReader.open(in)) {
 *   for (ParsedEvent e = r.next(); e != null; e = r.next()) {
 *     if (e.kind() == EventKind.STATE_TRANSITION) { ... e.stateTransition() ... }
 *   }
 * }
 * }</pre>
 *
 * <p>The reader is also {@link Iterable} (once) and has a {@link #events() Stream} view, for code
 * that has no checked exceptions to spare; there a problem arrives as an {@link
 * UncheckedIOException} whose {@linkplain UncheckedIOException#getCause() cause} is the {@link
 * TraceValidationException} (or other {@link IOException}) {@link #next} would have thrown.
 * Closing the reader closes its input stream.
 *
 * <p>How it works, following Go: generations are read whole (memory is about one generation);
 * each thread's events form a cursor; cursors sit in a heap by the time of their next event; the
 * earliest is offered to {@link Ordering} and, when it cannot advance (another thread must go
 * first), the others are tried in time order. If none can advance the trace is broken. Every
 * delivered event has its string and stack ids checked and its time forced strictly increasing.
 * A Sync event starts every generation and ends the trace.
 *
 * <p>By default the first problem ends reading with a {@link TraceValidationException}. With a
 * problem consumer ({@link #open(InputStream, ValidationMode, Consumer)}) problems are reported
 * and reading goes on where it can: an event that breaks a rule is dropped, a thread whose events
 * cannot be decoded loses the rest of its generation, a stuck frontier drops its earliest event;
 * problems in the file's structure end reading.
 */
public final class SemanticReader implements AutoCloseable, Iterable<ParsedEvent> {
  private final InputStream in;
  private final GenerationReader generations;
  private final TraceVersion version;
  private final Ordering ordering;
  private final Frontier frontier = new Frontier();
  private final StrictChecks strict;
  private final Consumer<TraceValidationException> problems;

  private Generation gen;
  private List<CpuSample> samples = List.of();
  private int sampleIndex;
  private int syncs;
  private long lastTime;
  private boolean done;
  /** Versions before 1.26: an error found while reading, reported after a Sync. */
  private TraceValidationException pendingError;
  private boolean pendingErrorSynced;
  /** Set when Go would end the trace early without an error (see {@link #endedEarly}). */
  private String endedEarly;
  private boolean endAfterSync;
  /** The Sync delivered just before a reading error is reported. */
  private ParsedEvent errorSync;

  /** Whether {@link #iterator} was called: a reader is read once. */
  private boolean iterated;

  private SemanticReader(InputStream in, GenerationReader generations, ValidationMode mode,
      Consumer<TraceValidationException> problems) {
    this.in = in;
    this.generations = generations;
    this.version = generations.version();
    this.ordering = new Ordering(version);
    this.strict = mode == ValidationMode.STRICT ? new StrictChecks(version) : null;
    this.problems = problems;
  }

  /** A strict reader that stops at the first problem. Reads the header. */
  public static SemanticReader open(InputStream in) throws IOException {
    return open(in, ValidationMode.STRICT);
  }

  /**
   * A reader that judges as {@code mode} says and stops at the first problem. Reads the header.
   *
   * @param in the trace's bytes, from the header on; closed by {@link #close}
   * @param mode what Go's parser checks, or that and Go's test validator's checks
   * @return a reader positioned before the first event
   * @throws TraceValidationException if the header is not a v2 trace header
   * @throws IOException if reading fails
   */
  public static SemanticReader open(InputStream in, ValidationMode mode) throws IOException {
    return new SemanticReader(in, new GenerationReader(BatchReader.open(in)), mode, null);
  }

  /**
   * A reader that reports problems to {@code problems} and goes on where it can. A problem in the
   * header is still thrown.
   */
  public static SemanticReader open(InputStream in, ValidationMode mode,
      Consumer<TraceValidationException> problems) throws IOException {
    return new SemanticReader(in, new GenerationReader(BatchReader.open(in)), mode, problems);
  }

  /** The version the trace's header names. */
  public TraceVersion version() {
    return version;
  }

  /**
   * Why the trace ended before its last byte without a problem being reported, or {@code null}.
   * Go's tools do this when a structural record is cut right before one of its numbers: they take
   * the reader's plain end-of-input error for the end of the trace and drop that generation.
   * gotrace accepts such a trace as Go does, and says so here.
   */
  public String endedEarly() {
    return endedEarly;
  }

  /** The next event, or {@code null} after the final Sync. */
  public ParsedEvent next() throws IOException {
    while (true) {
      ParsedEvent e;
      try {
        e = nextUnchecked();
      } catch (TraceValidationException ex) {
        report(ex);
        // Only recoverable problems come back here; the rest end reading.
        done = true;
        return null;
      }
      if (e == null) {
        return null;
      }
      if (!deliverable(e)) {
        continue;
      }
      if (e.time() <= lastTime) {
        e.setTime(lastTime + 1);
      }
      lastTime = e.time();
      TraceValidationException panic = PanicChecks.check(e);
      if (panic != null) {
        report(panic);
        continue;
      }
      // The Sync Go emits just before reporting a broken generation would only draw the test
      // validator's complaint that it lacks a clock snapshot; the error that follows is the cause,
      // so that is what gets reported (the verdict is the same).
      if (strict != null && !(e == errorSync)) {
        TraceValidationException problem = strict.check(e);
        if (problem != null) {
          report(problem);
        }
      }
      return e;
    }
  }

  /**
   * The events still to come, in Go's order. A reader is read once: a second call fails. A problem
   * is thrown from {@link Iterator#hasNext} as an {@link UncheckedIOException} around the
   * exception {@link #next} would have thrown.
   */
  @Override
  public Iterator<ParsedEvent> iterator() {
    if (iterated) {
      throw new IllegalStateException("a SemanticReader is read once; open the trace again");
    }
    iterated = true;
    return new Iterator<>() {
      private ParsedEvent ahead;
      private boolean end;

      @Override
      public boolean hasNext() {
        if (ahead == null && !end) {
          try {
            ahead = SemanticReader.this.next();
          } catch (IOException e) {
            end = true;
            throw new UncheckedIOException(e.getMessage(), e);
          }
          end = ahead == null;
        }
        return !end;
      }

      @Override
      public ParsedEvent next() {
        if (!hasNext()) {
          throw new NoSuchElementException("the trace has no more events");
        }
        ParsedEvent e = ahead;
        ahead = null;
        return e;
      }
    };
  }

  /**
   * The events still to come as an ordered, sequential stream; closing the stream closes the
   * reader. Problems arrive as in {@link #iterator}.
   *
   * <pre>{@code
   * try (Stream<ParsedEvent> events = SemanticReader.open(in).events()) {
   *   long logs = events.filter(e -> e.kind() == EventKind.LOG).count();
   * }
   * }</pre>
   *
   * @return the events in Go's order
   */
  public Stream<ParsedEvent> events() {
    Spliterator<ParsedEvent> s = Spliterators.spliteratorUnknownSize(iterator(),
        Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(s, false).onClose(() -> {
      try {
        close();
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    });
  }

  /** Stops reading and closes the input stream; {@link #next} then returns {@code null}. */
  @Override
  public void close() throws IOException {
    done = true;
    in.close();
  }

  private void report(TraceValidationException e) throws TraceValidationException {
    if (problems == null) {
      throw e;
    }
    problems.accept(e);
  }

  /** Go's check that an event's string and stack ids exist in its generation. */
  private boolean deliverable(ParsedEvent e) throws TraceValidationException {
    if (e.type == ParsedEvent.SYNC) {
      return true;
    }
    EventType t = EventType.ofWire(e.type);
    // A CPU sample's stack sits in another argument slot than Go's table says; Go checks the
    // slot, which is always 0, so sample stacks go unchecked here (PanicChecks catches them).
    boolean sample = t == EventType.CPU_SAMPLE;
    for (int i : Specs.stackArgs(e.type)) {
      long id = sample ? 0 : e.args[i - 1];
      if (!e.tables.hasStack(id)) {
        report(tableProblem(e, t, "stack", id, "found invalid stack ID "
            + Long.toUnsignedString(id) + " for event " + t.goName()));
        return false;
      }
    }
    for (int i : Specs.stringArgs(e.type)) {
      long id = e.args[i - 1];
      if (!e.tables.hasString(id)) {
        report(tableProblem(e, t, "string", id, "found invalid string ID "
            + Long.toUnsignedString(id) + " for event " + t.goName()));
        return false;
      }
    }
    return true;
  }

  private static TraceValidationException tableProblem(ParsedEvent e, EventType t, String what,
      long id, String go) {
    return Problems.of(Stage.TABLE_IDS, e.position(), contextOf(e), go,
        t.goName() + " names a " + what + " its generation does not define",
        "a " + what + " id defined in generation " + Long.toUnsignedString(
            e.position().generation()) + " (or 0)", "id " + Long.toUnsignedString(id));
  }

  static String contextOf(ParsedEvent e) {
    if (e.type == ParsedEvent.SYNC) {
      return null;
    }
    return "thread " + id(e.thread) + ", proc " + id(e.proc) + ", goroutine " + id(e.goroutine);
  }

  private static String id(long id) {
    return id == ParsedEvent.NONE ? "none" : Long.toString(id);
  }

  // ---------------------------------------------------------------------------------------------
  // Go's ReadEvent, before the checks every delivered event gets.

  private ParsedEvent nextUnchecked() throws IOException {
    while (true) {
      if (done) {
        return null;
      }
      ParsedEvent queued = ordering.poll();
      if (queued != null) {
        return queued;
      }
      if (frontier.isEmpty() && sampleIndex == samples.size()) {
        return nextGeneration();
      }
      if (sampleIndex < samples.size()
          && (frontier.isEmpty() || samples.get(sampleIndex).time < frontier.get(0).time)) {
        return sampleEvent(samples.get(sampleIndex++));
      }
      if (!tryAdvance(0)) {
        frontier.sort();
        boolean advanced = false;
        for (int i = 1; i < frontier.size(); i++) {
          if (tryAdvance(i)) {
            advanced = true;
            break;
          }
        }
        if (!advanced) {
          report(stuck());
          // Keep going without the earliest event.
          skip(0);
        }
      }
      // An advanced event is queued now (unless it was dropped after a problem): loop to take it.
    }
  }

  private boolean tryAdvance(int i) throws IOException {
    BatchCursor c = frontier.get(i);
    try {
      if (!ordering.advance(c, gen.tables, c.thread, gen.number)) {
        return false;
      }
    } catch (TraceValidationException e) {
      report(e);
      skip(i);
      return true;
    }
    skip(i);
    return true;
  }

  /** Moves cursor {@code i} past its current event. */
  private void skip(int i) throws IOException {
    BatchCursor c = frontier.get(i);
    boolean more;
    try {
      more = c.next(gen.tables.frequency);
    } catch (TraceValidationException e) {
      report(e);
      more = false;
    }
    if (more) {
      frontier.update(i);
    } else {
      frontier.remove(i);
    }
  }

  private ParsedEvent sampleEvent(CpuSample s) {
    return new ParsedEvent(EventType.CPU_SAMPLE.wire(), s.time, s.thread, s.proc, s.goroutine,
        new long[] {s.stackId, 0, 0, 0}, gen.tables, s.position.offset(),
        s.position.recordIndex(), s.position.generation(), s.position.eventIndex());
  }

  private ParsedEvent nextGeneration() throws IOException {
    if (endAfterSync) {
      done = true;
      return null;
    }
    try {
      return readGeneration();
    } catch (GenerationReader.QuietEnd e) {
      endedEarly = e.getMessage();
      gen = null;
      endAfterSync = true;
      return syncWithoutTables();
    }
  }

  private ParsedEvent readGeneration() throws IOException {
    if (version.hasEndOfGeneration()) {
      if (pendingError != null) {
        throw pendingError;
      }
      Generation g;
      try {
        g = generations.read();
      } catch (TraceValidationException e) {
        pendingError = e;
        gen = null;
        errorSync = syncWithoutTables();
        return errorSync;
      }
      if (g == null) {
        return finalSync();
      }
      return install(g);
    }
    if (pendingError != null) {
      if (pendingErrorSynced) {
        throw pendingError;
      }
      pendingErrorSynced = true;
      errorSync = syncWithoutTables();
      return errorSync;
    }
    if (gen != null && !generations.hasSpill()) {
      return finalSync();
    }
    Generation g;
    try {
      g = generations.read();
    } catch (TraceValidationException e) {
      gen = null;
      pendingError = e;
      pendingErrorSynced = true;
      errorSync = syncWithoutTables();
      return errorSync;
    }
    pendingError = generations.deferredError();
    return install(g);
  }

  private ParsedEvent finalSync() {
    done = true;
    gen = null;
    return syncWithoutTables();
  }

  private ParsedEvent syncWithoutTables() {
    syncs++;
    return ParsedEvent.sync(syncs, lastTime, null, generations.offset(), -1, 0);
  }

  private ParsedEvent install(Generation g) throws IOException {
    gen = g;
    samples = g.cpuSamples;
    sampleIndex = 0;
    for (Map.Entry<Long, List<RawBatch>> e : g.threadBatches.entrySet()) {
      BatchCursor c = new BatchCursor(e.getKey(), e.getValue());
      boolean any;
      try {
        any = c.next(g.tables.frequency);
      } catch (TraceValidationException ex) {
        report(ex);
        any = false;
      }
      if (any) {
        frontier.insert(c);
      }
    }
    syncs++;
    return ParsedEvent.sync(syncs, g.tables.frequency.toNanos(g.minTicks), g.tables,
        g.firstOffset, g.firstRecord, g.number);
  }

  // ---------------------------------------------------------------------------------------------
  // A stuck frontier.

  private TraceValidationException stuck() {
    // Go's text: the generation, the frontier in its sorted order, then the state machines.
    StringBuilder go = new StringBuilder("broken trace: failed to advance: frontier:\n[gen=")
        .append(Long.toUnsignedString(gen.number)).append("]\n\n");
    for (BatchCursor c : frontier.cursors()) {
      EventType t = EventType.ofWire(c.type);
      go.append("M ").append(c.thread).append(" [").append(t.goName()).append(" time=")
          .append(c.time);
      for (int i = 1; i < t.argCount(); i++) {
        go.append(' ').append(t.args().get(i).name()).append('=')
            .append(Long.toUnsignedString(c.args[i - 1]));
      }
      go.append("]\n");
    }
    go.append('\n').append(ordering.dump()).append('\n');
    StringBuilder needs = new StringBuilder();
    // Why each thread's next event cannot go: ask the ordering again, without side effects on
    // the answer (a refused event changes nothing but the thread table).
    for (BatchCursor c : frontier.cursors()) {
      String why;
      try {
        ordering.advance(c, gen.tables, c.thread, gen.number);
        why = ordering.blockedReason();
      } catch (TraceValidationException e) {
        why = e.goMessage();
      }
      if (needs.length() > 0) {
        needs.append("; ");
      }
      needs.append("thread ").append(c.thread).append(": ")
          .append(EventType.ofWire(c.type).goName()).append(" at offset ").append(c.offset())
          .append(" waits because ").append(why == null ? "?" : why);
    }
    BatchCursor first = frontier.get(0);
    return Problems.of(Stage.ORDERING, first.position(EventType.ofWire(first.type)),
        "thread " + first.thread, go.toString(),
        "no thread's next event can happen next (a sequence number or state is never reached)",
        "one of " + frontier.size() + " threads able to advance", needs.toString());
  }
}
