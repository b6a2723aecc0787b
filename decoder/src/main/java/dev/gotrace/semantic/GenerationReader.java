package dev.gotrace.semantic;

import dev.gotrace.spec.EventType;
import dev.gotrace.spec.FormatLimits;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.WirePosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Map;

/**
 * Reads a trace one generation at a time, as Go's parser does, holding at most one generation
 * (plus, before go 1.26, the first batch of the next one) in memory.
 *
 * <p>Where a generation ends depends on the version. Up to go 1.25 there is no end marker: batches
 * of one generation must be contiguous, and the generation ends at the first batch numbered one
 * higher, which is kept ("spilled") for the next generation; any other number is an error. A
 * framing error after the generation has begun does not discard it: Go still delivers the
 * generation and reports the error afterwards ({@link #deferredError}). In go 1.26 every
 * generation ends with an EndOfGeneration record and all batches before it must carry one number.
 *
 * <p>Then the structural batches are interpreted: strings, stacks (with the first-definition-wins
 * PC table), CPU samples, the sync batch (frequency and, from 1.25, clock snapshot), experimental
 * batches; thread batches are kept raw for {@link BatchCursor}. Finally the invariants Go checks at
 * the end of a generation: a frequency, a clock snapshot (1.25+), and the func and file strings of
 * every stack frame.
 */
final class GenerationReader {
  private final BatchReader batches;
  private final TraceVersion version;
  private RawBatch spill;
  private TraceValidationException deferredError;

  GenerationReader(BatchReader batches) {
    this.batches = batches;
    this.version = batches.version();
  }

  TraceVersion version() {
    return version;
  }

  /** The offset of the next unread byte. */
  long offset() {
    return batches.offset();
  }

  /**
   * The error that ended reading after the last generation returned (versions before 1.26), to be
   * reported once that generation's events are out; {@code null} if none.
   */
  TraceValidationException deferredError() {
    return deferredError;
  }

  /** Whether the first batch of another generation is already read (versions before 1.26). */
  boolean hasSpill() {
    return spill != null;
  }

  /** The next generation, or {@code null} when the trace ends cleanly (go 1.26). */
  Generation read() throws IOException {
    return version.hasEndOfGeneration() ? readDelimited() : readWithSpill();
  }

  private Generation readDelimited() throws IOException {
    Generation g = new Generation(batches.offset(), batches.recordIndex() + 1);
    while (true) {
      RawBatch b = batches.next();
      if (b == null) {
        if (!g.threadBatches.isEmpty()) {
          throw Problems.generation(WirePosition.at(batches.offset()),
              "incomplete generation found; trace likely truncated",
              "the input ends inside a generation", "EndOfGeneration (52)", "the end of input");
        }
        return null;
      }
      if (g.number == 0) {
        g.number = b.generation;
      }
      if (isEndOfGeneration(b)) {
        break;
      }
      if (b.generation == 0) {
        throw invalidGenerationZero(b);
      }
      if (b.generation != g.number) {
        throw Problems.generation(WirePosition.inBatch(b.recordOffset, b.recordIndex, b.generation),
            "broken trace: missing end-of-generation event, or generations are interleaved",
            "a batch of another generation before EndOfGeneration",
            "generation " + Long.toUnsignedString(g.number), Long.toUnsignedString(b.generation));
      }
      noteTime(g, b);
      process(g, b);
    }
    finish(g);
    return g;
  }

  private Generation readWithSpill() throws IOException {
    deferredError = null;
    Generation g;
    if (spill != null) {
      g = new Generation(spill.recordOffset, spill.recordIndex);
      g.number = spill.generation;
      g.minTicks = spill.time;
      RawBatch first = spill;
      spill = null;
      process(g, first);
    } else {
      g = new Generation(batches.offset(), batches.recordIndex() + 1);
    }
    while (true) {
      RawBatch b;
      try {
        b = batches.next();
      } catch (TraceValidationException e) {
        if (e.stage() == TraceValidationException.Stage.FRAMING && g.number != 0) {
          // Possibly the first batch of the next generation: deliver this one first.
          deferredError = e;
          break;
        }
        throw e;
      }
      if (b == null) {
        break;
      }
      if (b.generation == 0) {
        throw invalidGenerationZero(b);
      }
      if (g.number == 0) {
        g.number = b.generation;
      }
      if (b.generation == g.number + 1) {
        spill = b;
        break;
      }
      if (b.generation != g.number) {
        throw Problems.generation(WirePosition.inBatch(b.recordOffset, b.recordIndex, b.generation),
            "generations out of order", "generation number out of order",
            "generation " + Long.toUnsignedString(g.number) + " or "
                + Long.toUnsignedString(g.number + 1),
            Long.toUnsignedString(b.generation));
      }
      noteTime(g, b);
      process(g, b);
    }
    finish(g);
    return g;
  }

  private static void noteTime(Generation g, RawBatch b) {
    if (g.minTicks == 0 || Long.compareUnsigned(b.time, g.minTicks) < 0) {
      g.minTicks = b.time;
    }
  }

  private TraceValidationException invalidGenerationZero(RawBatch b) {
    boolean marker = batches.wasEndOfGeneration();
    return Problems.generation(WirePosition.inBatch(b.recordOffset, b.recordIndex, 0),
        "invalid generation number 0",
        marker ? "EndOfGeneration record before go 1.26" : "generation number 0",
        marker ? "a batch (go 1." + version.number() + " has no EndOfGeneration)"
            : "a non-zero generation number",
        marker ? "EndOfGeneration (52)" : "0");
  }

  private boolean isEndOfGeneration(RawBatch b) {
    return b.isOrdinary() && b.firstByte() == EventType.END_OF_GENERATION.wire();
  }

  /**
   * The trace ends here as far as Go is concerned: a structural record was cut right before a
   * varint, and Go's reader reports the plain end-of-input error its tools take for the end of
   * the trace. The generation being read is dropped, and no error is reported.
   */
  static final class QuietEnd extends IOException {
    private static final long serialVersionUID = 1L;
    final transient WirePosition position;

    QuietEnd(WirePosition position, String what) {
      super(position + ": " + what + "; Go ends the trace here without an error");
      this.position = position;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Batches.

  private void process(Generation g, RawBatch b) throws IOException {
    int first = b.firstByte();
    if (b.isOrdinary() && first == EventType.STRINGS.wire()) {
      addStrings(g, b);
    } else if (b.isOrdinary() && first == EventType.STACKS.wire()) {
      addStacks(g, b);
    } else if (b.isOrdinary() && first == EventType.CPU_SAMPLES.wire()) {
      addCpuSamples(g, b);
    } else if (b.isOrdinary() && isSyncBatch(first)) {
      setSync(g, b);
    } else if (!b.isOrdinary()) {
      g.tables.addExperimentalBatch(b.experiment, b.thread, b.payload);
    } else if (isEndOfGeneration(b)) {
      throw Problems.generation(batchPosition(b),
          "internal error: unexpectedly processing EndOfGeneration; broken trace?",
          "a batch that starts with EndOfGeneration", "a batch", "EndOfGeneration (52)");
    } else {
      g.threadBatches.computeIfAbsent(b.thread, k -> new ArrayList<>()).add(b);
    }
  }

  private boolean isSyncBatch(int first) {
    return version.hasSyncEvent() ? first == EventType.SYNC.wire()
        : first == EventType.FREQUENCY.wire();
  }

  private static WirePosition batchPosition(RawBatch b) {
    return WirePosition.inBatch(b.recordOffset, b.recordIndex, b.generation);
  }

  private static WirePosition recordPosition(RawBatch b, PayloadCursor c, int start, int index,
      EventType type) {
    return WirePosition.inEvent(c.offsetOf(start), b.recordIndex, b.generation, index, type);
  }

  /** Reads a uvarint of a table record, turning Go's read errors into positioned problems. */
  private static long uvarint(RawBatch b, PayloadCursor c, int start, int index, EventType type,
      String what, String goPrefix) throws IOException {
    int at = c.position();
    try {
      return c.readUvarint();
    } catch (TraceInput.VarintOverflow e) {
      throw Problems.generation(recordPosition(b, c, start, index, type),
          goPrefix + e.getMessage(), "varint overflows 64 bits",
          what + " in at most ten bytes", "more (at offset " + c.offsetOf(at) + ")");
    } catch (TraceInput.PartialVarint e) {
      if (!e.started && goPrefix.isEmpty()) {
        // Go passes the bare io.EOF of its byte reader up unwrapped, and its tools take that for
        // the end of the trace: the trace ends here, without this generation.
        throw new QuietEnd(recordPosition(b, c, start, index, type),
            "a " + type.goName() + " record ends before " + what);
      }
      throw Problems.generation(recordPosition(b, c, start, index, type),
          goPrefix + e.getMessage(), "record runs past the end of its batch", what,
          "the end of the " + b.payload.length + "-byte payload");
    }
  }

  private static TraceValidationException wrongRecord(RawBatch b, PayloadCursor c, int start,
      int index, EventType expected, int found, String go) {
    EventType t = EventType.ofWire(found);
    return Problems.generation(recordPosition(b, c, start, index, t), go,
        "unexpected record in a " + expected.goName() + " batch", expected.goName(),
        t == null ? "byte " + found : t.goName() + " (" + found + ")");
  }

  private void addStrings(Generation g, RawBatch b) throws IOException {
    PayloadCursor c = new PayloadCursor(b, 1);
    for (int index = 1; c.remaining() != 0; index++) {
      int start = c.position();
      int type = c.readByte();
      if (type != EventType.STRING.wire()) {
        throw wrongRecord(b, c, start, index, EventType.STRING, type,
            "expected string event, got " + type);
      }
      long id = uvarint(b, c, start, index, EventType.STRING, "the string id", "");
      long length = uvarint(b, c, start, index, EventType.STRING, "the string length", "");
      if (Long.compareUnsigned(length, FormatLimits.MAX_STRING_LENGTH) > 0) {
        throw Problems.generation(recordPosition(b, c, start, index, EventType.STRING),
            "invalid string size " + Long.toUnsignedString(length) + ", maximum is "
                + FormatLimits.MAX_STRING_LENGTH,
            "string too long", "at most " + FormatLimits.MAX_STRING_LENGTH + " bytes",
            Long.toUnsignedString(length));
      }
      String s = c.take(length);
      if (s.length() != length) {
        throw Problems.generation(recordPosition(b, c, start, index, EventType.STRING),
            "failed to read full string: read " + s.length() + " but wanted " + length,
            "string runs past the end of its batch", length + " bytes",
            s.length() + " bytes left in the batch");
      }
      if (!g.tables.defineString(id, s)) {
        String existing = g.tables.string(id);
        throw Problems.generation(recordPosition(b, c, start, index, EventType.STRING),
            "multiple strings with the same ID: id=" + Long.toUnsignedString(id) + ", new="
                + ByteStrings.text(s) + ", existing=" + ByteStrings.text(existing),
            "string id defined twice in one generation",
            id == 0 ? "a non-zero id (0 is the empty string)" : "an unused id",
            "id " + Long.toUnsignedString(id));
      }
    }
  }

  private void addStacks(Generation g, RawBatch b) throws IOException {
    PayloadCursor c = new PayloadCursor(b, 1);
    for (int index = 1; c.remaining() != 0; index++) {
      int start = c.position();
      int type = c.readByte();
      if (type != EventType.STACK.wire()) {
        throw wrongRecord(b, c, start, index, EventType.STACK, type,
            "expected stack event, got " + type);
      }
      long id = uvarint(b, c, start, index, EventType.STACK, "the stack id", "");
      long frames = uvarint(b, c, start, index, EventType.STACK, "the frame count", "");
      if (Long.compareUnsigned(frames, FormatLimits.MAX_FRAMES_PER_STACK) > 0) {
        throw Problems.generation(recordPosition(b, c, start, index, EventType.STACK),
            "invalid stack size " + Long.toUnsignedString(frames) + ", maximum is "
                + FormatLimits.MAX_FRAMES_PER_STACK,
            "too many frames in a stack", "at most " + FormatLimits.MAX_FRAMES_PER_STACK,
            Long.toUnsignedString(frames));
      }
      long[] pcs = new long[(int) frames];
      for (int f = 0; f < frames; f++) {
        long pc = frameField(b, c, start, index, id, f, 0);
        long func = frameField(b, c, start, index, id, f, 1);
        long file = frameField(b, c, start, index, id, f, 2);
        long line = frameField(b, c, start, index, id, f, 3);
        pcs[f] = pc;
        g.tables.defineFrameIfAbsent(pc, func, file, line);
      }
      if (!g.tables.defineStack(id, pcs)) {
        String sid = Long.toUnsignedString(id);
        throw Problems.generation(recordPosition(b, c, start, index, EventType.STACK),
            "multiple trace.stacks with the same ID: id=" + sid + ", new=" + goStack(pcs)
                + ", existing=" + goStack(g.tables.stack(id)),
            "stack id defined twice in one generation",
            id == 0 ? "a non-zero id (0 means no stack)" : "an unused id", "id " + sid);
      }
      g.tables.noteStackOffset(id, c.offsetOf(start), b.recordIndex, index);
    }
  }

  private static final String[] FRAME_FIELDS = {"PC", "funcID", "fileID", "line"};

  /** One varint of a frame; the messages (Go wraps these errors) are built only on failure. */
  private static long frameField(RawBatch b, PayloadCursor c, int start, int index, long id,
      int frame, int field) throws IOException {
    int at = c.position();
    try {
      return c.readUvarint();
    } catch (TraceInput.VarintOverflow | TraceInput.PartialVarint e) {
      String go = "reading frame " + (frame + 1) + "'s " + FRAME_FIELDS[field] + " for stack "
          + Long.toUnsignedString(id) + ": " + e.getMessage();
      boolean overflow = e instanceof TraceInput.VarintOverflow;
      throw Problems.generation(recordPosition(b, c, start, index, EventType.STACK), go,
          overflow ? "varint overflows 64 bits" : "record runs past the end of its batch",
          "frame " + (frame + 1) + "'s " + FRAME_FIELDS[field].toLowerCase(java.util.Locale.ROOT),
          overflow ? "more than ten bytes at offset " + c.offsetOf(at)
              : "the end of the " + b.payload.length + "-byte payload");
    }
  }

  /** Go's {@code %v} of its stack value (its String method): a tab, the PC in hex, a newline. */
  private static String goStack(long[] pcs) {
    StringBuilder s = new StringBuilder();
    for (long pc : pcs) {
      s.append("\t0x").append(Long.toHexString(pc)).append('\n');
    }
    return s.toString();
  }

  private void addCpuSamples(Generation g, RawBatch b) throws IOException {
    PayloadCursor c = new PayloadCursor(b, 1);
    for (int index = 1; c.remaining() != 0; index++) {
      int start = c.position();
      int type = c.readByte();
      if (type != EventType.CPU_SAMPLE.wire()) {
        throw wrongRecord(b, c, start, index, EventType.CPU_SAMPLE, type,
            "expected CPU sample event, got " + type);
      }
      long time = uvarint(b, c, start, index, EventType.CPU_SAMPLE, "the time", "");
      long m = uvarint(b, c, start, index, EventType.CPU_SAMPLE, "the thread", "");
      long p = uvarint(b, c, start, index, EventType.CPU_SAMPLE, "the proc", "");
      long goroutine = uvarint(b, c, start, index, EventType.CPU_SAMPLE, "the goroutine", "");
      long stack = uvarint(b, c, start, index, EventType.CPU_SAMPLE, "the stack", "");
      g.cpuSamples.add(new CpuSample(time, m, p, goroutine == 0 ? -1 : goroutine, stack,
          recordPosition(b, c, start, index, EventType.CPU_SAMPLE)));
    }
  }

  private void setSync(Generation g, RawBatch b) throws IOException {
    GenerationTables t = g.tables;
    PayloadCursor c = new PayloadCursor(b, version.hasSyncEvent() ? 1 : 0);
    long lastTicks = b.time;
    for (int index = version.hasSyncEvent() ? 1 : 0; c.remaining() != 0; index++) {
      int start = c.position();
      int type = c.readByte();
      if (type == EventType.FREQUENCY.wire()) {
        if (t.frequency.isPresent()) {
          throw Problems.generation(recordPosition(b, c, start, index, EventType.FREQUENCY),
              "found multiple frequency events", "a second Frequency in one generation",
              "one Frequency per generation", "another");
        }
        long freq = uvarint(b, c, start, index, EventType.FREQUENCY, "the frequency", "");
        t.frequency = Frequency.ofTicksPerSecond(freq);
      } else if (type == EventType.CLOCK_SNAPSHOT.wire() && version.hasSyncEvent()) {
        if (t.hasClockSnapshot) {
          throw Problems.generation(recordPosition(b, c, start, index, EventType.CLOCK_SNAPSHOT),
              "found multiple clock snapshot events", "a second ClockSnapshot in one generation",
              "one ClockSnapshot per generation", "another");
        }
        t.hasClockSnapshot = true;
        long dt = uvarint(b, c, start, index, EventType.CLOCK_SNAPSHOT, "dt", "");
        lastTicks += dt;
        t.snapshotTicks = lastTicks;
        t.snapshotMono = uvarint(b, c, start, index, EventType.CLOCK_SNAPSHOT, "mono", "");
        t.snapshotSec = uvarint(b, c, start, index, EventType.CLOCK_SNAPSHOT, "sec", "");
        t.snapshotNsec = uvarint(b, c, start, index, EventType.CLOCK_SNAPSHOT, "nsec", "");
      } else {
        EventType found = EventType.ofWire(type);
        throw Problems.generation(recordPosition(b, c, start, index, found),
            "expected frequency or clock snapshot event, got " + type,
            "unexpected record in a sync batch",
            version.hasSyncEvent() ? "Frequency or ClockSnapshot" : "Frequency",
            found == null ? "byte " + type : found.goName() + " (" + type + ")");
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // End of a generation.

  private void finish(Generation g) throws IOException {
    WirePosition where = g.number == 0 ? WirePosition.at(g.firstOffset)
        : WirePosition.inBatch(g.firstOffset, g.firstRecord, g.number);
    if (!g.tables.frequency.isPresent()) {
      throw Problems.generation(where, "no frequency event found",
          g.number == 0 ? "no generation: nothing follows the header"
              : "generation " + Long.toUnsignedString(g.number) + " has no Frequency",
          "one Frequency record in a sync batch", "none");
    }
    if (version.hasSyncEvent() && !g.tables.hasClockSnapshot) {
      throw Problems.generation(where, "no clock snapshot event found",
          "generation " + Long.toUnsignedString(g.number) + " has no ClockSnapshot",
          "one ClockSnapshot record in a sync batch", "none");
    }
    checkStackStrings(g);
    for (CpuSample s : g.cpuSamples) {
      s.time = g.tables.frequency.toNanos(s.time);
    }
    GoSort.sort(g.cpuSamples, (a, b) -> Long.compare(a.time, b.time));
  }

  private static void checkStackStrings(Generation g) throws TraceValidationException {
    GenerationTables t = g.tables;
    long badStack = 0;
    boolean bad = false;
    for (Map.Entry<Long, long[]> e : t.stacks().entrySet()) {
      if (badFrame(t, e.getValue()) != null
          && (!bad || Long.compareUnsigned(e.getKey(), badStack) < 0)) {
        // Go walks its table in id order when ids are dense; report the lowest bad id likewise.
        bad = true;
        badStack = e.getKey();
      }
    }
    if (!bad) {
      return;
    }
    GenerationTables.Frame f = badFrame(t, t.stack(badStack));
    boolean func = !t.hasString(f.funcId);
    String which = func ? "func" : "file";
    long id = func ? f.funcId : f.fileId;
    throw Problems.generation(t.stackPosition(badStack, g.number),
        "found invalid " + which + " string ID " + Long.toUnsignedString(id) + " for stack "
            + Long.toUnsignedString(badStack),
        "a stack frame names a string the generation does not define",
        "a " + which + " string id of generation " + Long.toUnsignedString(g.number)
            + " (frame pc 0x" + Long.toHexString(f.pc) + ")",
        "id " + Long.toUnsignedString(id));
  }

  /** The first frame of a stack whose function or file string is missing, or null. */
  private static GenerationTables.Frame badFrame(GenerationTables t, long[] pcs) {
    for (long pc : pcs) {
      GenerationTables.Frame f = t.frame(pc);
      if (!t.hasString(f.funcId) || !t.hasString(f.fileId)) {
        return f;
      }
    }
    return null;
  }
}
