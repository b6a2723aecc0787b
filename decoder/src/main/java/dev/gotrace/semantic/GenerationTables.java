package dev.gotrace.semantic;

import dev.gotrace.spec.EventType;
import dev.gotrace.wire.WirePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one generation defines for its events: strings, stacks and their frames, the clock, the
 * clock snapshot and experimental batches, plus the strings the parser itself adds while ordering
 * (task names carried into later generations). Events keep a reference to their generation's
 * tables, as Go's events keep their {@code evTable}.
 *
 * <p>Filled while the generation is read, then only read (the extra strings grow during ordering).
 */
final class GenerationTables {
  /** A frame as the stack table defines it: string ids resolved on use. */
  static final class Frame {
    final long pc;
    final long funcId;
    final long fileId;
    final long line;

    Frame(long pc, long funcId, long fileId, long line) {
      this.pc = pc;
      this.funcId = funcId;
      this.fileId = fileId;
      this.line = line;
    }
  }

  private final Map<Long, String> strings = new HashMap<>();
  private final Map<Long, long[]> stacks = new HashMap<>();
  /** The first definition of each PC in the generation wins, as in Go. */
  private final Map<Long, Frame> frames = new HashMap<>();
  /** Where each stack record is, for reports: offset, record index, index in its batch. */
  private final Map<Long, long[]> stackPositions = new HashMap<>();
  private final List<String> extraStrings = new ArrayList<>();
  private final Map<String, Long> extraIds = new HashMap<>();
  private final Map<Integer, List<ExperimentalBatch>> experimentalBatches = new LinkedHashMap<>();

  Frequency frequency = Frequency.NONE;
  boolean hasClockSnapshot;
  long snapshotTicks;
  long snapshotMono;
  long snapshotSec;
  long snapshotNsec;

  /** Defines a string; false if the id is taken (id 0, the empty string, always is). */
  boolean defineString(long id, String byteString) {
    if (hasString(id)) {
      return false;
    }
    strings.put(id, byteString);
    return true;
  }

  boolean hasString(long id) {
    return id == 0 || strings.containsKey(id);
  }

  /** The string with this id ("" for 0); the id must exist. */
  String string(long id) {
    return id == 0 ? "" : strings.get(id);
  }

  /** Defines a stack; false if the id is taken (id 0, no stack, always is). */
  boolean defineStack(long id, long[] pcs) {
    if (hasStack(id)) {
      return false;
    }
    stacks.put(id, pcs);
    return true;
  }

  boolean hasStack(long id) {
    return id == 0 || stacks.containsKey(id);
  }

  /** The PCs of a stack, leaf first (empty for 0); the id must exist. */
  long[] stack(long id) {
    return id == 0 ? new long[0] : stacks.get(id);
  }

  Map<Long, long[]> stacks() {
    return stacks;
  }

  void noteStackOffset(long id, long offset, int recordIndex, int eventIndex) {
    stackPositions.put(id, new long[] {offset, recordIndex, eventIndex});
  }

  WirePosition stackPosition(long id, long generation) {
    long[] p = stackPositions.get(id);
    return WirePosition.inEvent(p[0], (int) p[1], generation, (int) p[2], EventType.STACK);
  }

  void defineFrameIfAbsent(long pc, long funcId, long fileId, long line) {
    if (!frames.containsKey(pc)) {
      frames.put(pc, new Frame(pc, funcId, fileId, line));
    }
  }

  Frame frame(long pc) {
    return frames.get(pc);
  }

  /** Registers a string the parser carries itself; 0 is the empty string. */
  long addExtraString(String byteString) {
    if (byteString.isEmpty()) {
      return 0;
    }
    Long id = extraIds.get(byteString);
    if (id != null) {
      return id;
    }
    extraStrings.add(byteString);
    long next = extraStrings.size();
    extraIds.put(byteString, next);
    return next;
  }

  String extraString(long id) {
    return id == 0 ? "" : extraStrings.get((int) id - 1);
  }

  void addExperimentalBatch(int experiment, long thread, byte[] data) {
    experimentalBatches.computeIfAbsent(experiment, k -> new ArrayList<>())
        .add(new ExperimentalBatch(thread, data));
  }

  Map<Integer, List<ExperimentalBatch>> experimentalBatches() {
    return experimentalBatches;
  }
}
