package dev.gotrace.spec;

import static dev.gotrace.spec.EventForm.BATCH_HEADER;
import static dev.gotrace.spec.EventForm.GENERATION_END;
import static dev.gotrace.spec.EventForm.SECTION_HEADER;
import static dev.gotrace.spec.EventForm.TABLE_ENTRY;
import static dev.gotrace.spec.EventForm.TIMED;
import static dev.gotrace.spec.TraceVersion.GO_1_22;
import static dev.gotrace.spec.TraceVersion.GO_1_23;
import static dev.gotrace.spec.TraceVersion.GO_1_25;
import static dev.gotrace.spec.TraceVersion.GO_1_26;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one event-spec table of the Go execution trace format (v2): every event type, its wire
 * number, its arguments in wire order with Go's names, which arguments are string or stack ids,
 * and how it is laid out. Encoder, decoder, text format, fixtures and tools all read event shapes
 * from here and nowhere else.
 *
 * <p>The table mirrors {@code internal/trace/tracev2} of the Go toolchain; {@code SpecTableTest}
 * pins its invariants and the conformance tests check it against Go's own tools. A trace version
 * takes a prefix of the table (see {@link TraceVersion#rawTableIncludes}).
 *
 * <p>Argument kinds follow Go's naming convention, an optional {@code _type} suffix: {@code
 * p_seq} is a sequence number, {@code reason_string} a string id, {@code new_stack} a stack id,
 * {@code procs_value} a plain value. {@link #kindOf} states the rule once.
 */
public enum EventType {
  // Structural events: batch headers and the records of the per-generation tables.
  EVENT_BATCH(1, "EventBatch", BATCH_HEADER, GO_1_22, names("gen", "m", "time", "size")),
  STACKS(2, "Stacks", SECTION_HEADER, GO_1_22, names()),
  STACK(3, "Stack", TABLE_ENTRY, GO_1_22, names("id", "nframes")),
  STRINGS(4, "Strings", SECTION_HEADER, GO_1_22, names()),
  STRING(5, "String", TABLE_ENTRY, GO_1_22, names("id")),
  CPU_SAMPLES(6, "CPUSamples", SECTION_HEADER, GO_1_22, names()),
  CPU_SAMPLE(7, "CPUSample", TABLE_ENTRY, GO_1_22, names("time", "m", "p", "g", "stack"), stacks(4)),
  FREQUENCY(8, "Frequency", TABLE_ENTRY, GO_1_22, names("freq")),

  // Procs.
  PROCS_CHANGE(9, "ProcsChange", TIMED, GO_1_22, names("dt", "procs_value", "stack"), stacks(2)),
  PROC_START(10, "ProcStart", TIMED, GO_1_22, names("dt", "p", "p_seq")),
  PROC_STOP(11, "ProcStop", TIMED, GO_1_22, names("dt")),
  PROC_STEAL(12, "ProcSteal", TIMED, GO_1_22, names("dt", "p", "p_seq", "m")),
  PROC_STATUS(13, "ProcStatus", TIMED, GO_1_22, names("dt", "p", "pstatus")),

  // Goroutines.
  GO_CREATE(14, "GoCreate", TIMED, GO_1_22, names("dt", "new_g", "new_stack", "stack"), stacks(3, 2)),
  GO_CREATE_SYSCALL(15, "GoCreateSyscall", TIMED, GO_1_22, names("dt", "new_g")),
  GO_START(16, "GoStart", TIMED, GO_1_22, names("dt", "g", "g_seq")),
  GO_DESTROY(17, "GoDestroy", TIMED, GO_1_22, names("dt")),
  GO_DESTROY_SYSCALL(18, "GoDestroySyscall", TIMED, GO_1_22, names("dt")),
  GO_STOP(19, "GoStop", TIMED, GO_1_22, names("dt", "reason_string", "stack"), stacks(2), strings(1)),
  GO_BLOCK(20, "GoBlock", TIMED, GO_1_22, names("dt", "reason_string", "stack"), stacks(2), strings(1)),
  GO_UNBLOCK(21, "GoUnblock", TIMED, GO_1_22, names("dt", "g", "g_seq", "stack"), stacks(3)),
  GO_SYSCALL_BEGIN(22, "GoSyscallBegin", TIMED, GO_1_22, names("dt", "p_seq", "stack"), stacks(2)),
  GO_SYSCALL_END(23, "GoSyscallEnd", TIMED, GO_1_22, names("dt"), startedBy(22)),
  GO_SYSCALL_END_BLOCKED(24, "GoSyscallEndBlocked", TIMED, GO_1_22, names("dt"), startedBy(22)),
  GO_STATUS(25, "GoStatus", TIMED, GO_1_22, names("dt", "g", "m", "gstatus")),

  // Stop-the-world.
  STW_BEGIN(26, "STWBegin", TIMED, GO_1_22, names("dt", "kind_string", "stack"), stacks(2), strings(1)),
  STW_END(27, "STWEnd", TIMED, GO_1_22, names("dt"), startedBy(26)),

  // GC.
  GC_ACTIVE(28, "GCActive", TIMED, GO_1_22, names("dt", "gc_seq"), startedBy(29)),
  GC_BEGIN(29, "GCBegin", TIMED, GO_1_22, names("dt", "gc_seq", "stack"), stacks(2)),
  GC_END(30, "GCEnd", TIMED, GO_1_22, names("dt", "gc_seq"), startedBy(29)),
  GC_SWEEP_ACTIVE(31, "GCSweepActive", TIMED, GO_1_22, names("dt", "p"), startedBy(32)),
  GC_SWEEP_BEGIN(32, "GCSweepBegin", TIMED, GO_1_22, names("dt", "stack"), stacks(1)),
  GC_SWEEP_END(
      33, "GCSweepEnd", TIMED, GO_1_22, names("dt", "swept_value", "reclaimed_value"), startedBy(32)),
  GC_MARK_ASSIST_ACTIVE(34, "GCMarkAssistActive", TIMED, GO_1_22, names("dt", "g"), startedBy(35)),
  GC_MARK_ASSIST_BEGIN(35, "GCMarkAssistBegin", TIMED, GO_1_22, names("dt", "stack"), stacks(1)),
  GC_MARK_ASSIST_END(36, "GCMarkAssistEnd", TIMED, GO_1_22, names("dt"), startedBy(35)),
  HEAP_ALLOC(37, "HeapAlloc", TIMED, GO_1_22, names("dt", "heapalloc_value")),
  HEAP_GOAL(38, "HeapGoal", TIMED, GO_1_22, names("dt", "heapgoal_value")),

  // Annotations.
  GO_LABEL(39, "GoLabel", TIMED, GO_1_22, names("dt", "label_string"), strings(1)),
  USER_TASK_BEGIN(
      40,
      "UserTaskBegin",
      TIMED,
      GO_1_22,
      names("dt", "task", "parent_task", "name_string", "stack"),
      stacks(4),
      strings(3)),
  USER_TASK_END(41, "UserTaskEnd", TIMED, GO_1_22, names("dt", "task", "stack"), stacks(2)),
  USER_REGION_BEGIN(
      42, "UserRegionBegin", TIMED, GO_1_22, names("dt", "task", "name_string", "stack"), stacks(3),
      strings(2)),
  USER_REGION_END(
      43, "UserRegionEnd", TIMED, GO_1_22, names("dt", "task", "name_string", "stack"), stacks(3),
      strings(2), startedBy(42)),
  USER_LOG(
      44,
      "UserLog",
      TIMED,
      GO_1_22,
      names("dt", "task", "key_string", "value_string", "stack"),
      stacks(4),
      strings(2, 3)),

  // Go 1.23: coroutines, goroutine status with stack, experimental batches.
  GO_SWITCH(45, "GoSwitch", TIMED, GO_1_23, names("dt", "g", "g_seq")),
  GO_SWITCH_DESTROY(46, "GoSwitchDestroy", TIMED, GO_1_23, names("dt", "g", "g_seq")),
  GO_CREATE_BLOCKED(
      47, "GoCreateBlocked", TIMED, GO_1_23, names("dt", "new_g", "new_stack", "stack"),
      stacks(3, 2)),
  GO_STATUS_STACK(
      48, "GoStatusStack", TIMED, GO_1_23, names("dt", "g", "m", "gstatus", "stack"), stacks(4)),
  EXPERIMENTAL_BATCH(49, "ExperimentalBatch", BATCH_HEADER, GO_1_23, names("exp", "gen", "m", "time")),

  // Go 1.25: sync batches with a clock snapshot.
  SYNC(50, "Sync", SECTION_HEADER, GO_1_25, names()),
  CLOCK_SNAPSHOT(51, "ClockSnapshot", TIMED, GO_1_25, names("dt", "mono", "sec", "nsec")),

  // Go 1.26: the in-band end of a generation.
  END_OF_GENERATION(52, "EndOfGeneration", GENERATION_END, GO_1_26, names()),

  // Experimental events of the AllocFree experiment (written by Go 1.23+ runtimes, named in Go's
  // table from go 1.26 on).
  SPAN(128, "Span", TIMED, GO_1_23, names("dt", "id", "npages_value", "kindclass"), allocFree()),
  SPAN_ALLOC(
      129, "SpanAlloc", TIMED, GO_1_23, names("dt", "id", "npages_value", "kindclass"), allocFree()),
  SPAN_FREE(130, "SpanFree", TIMED, GO_1_23, names("dt", "id"), allocFree()),
  HEAP_OBJECT(131, "HeapObject", TIMED, GO_1_23, names("dt", "id", "type"), allocFree()),
  HEAP_OBJECT_ALLOC(132, "HeapObjectAlloc", TIMED, GO_1_23, names("dt", "id", "type"), allocFree()),
  HEAP_OBJECT_FREE(133, "HeapObjectFree", TIMED, GO_1_23, names("dt", "id"), allocFree()),
  GOROUTINE_STACK(134, "GoroutineStack", TIMED, GO_1_23, names("dt", "id", "order"), allocFree()),
  GOROUTINE_STACK_ALLOC(
      135, "GoroutineStackAlloc", TIMED, GO_1_23, names("dt", "id", "order"), allocFree()),
  GOROUTINE_STACK_FREE(136, "GoroutineStackFree", TIMED, GO_1_23, names("dt", "id"), allocFree());

  /** Timed events carry at most this many arguments, {@code dt} included. */
  public static final int MAX_TIMED_EVENT_ARGS = 5;

  /** Wire numbers above this one belong to experiments. */
  public static final int MAX_REGULAR_WIRE = 127;

  /** Each stack frame is four varints in this order: pc, func string id, file string id, line. */
  public static final List<String> FRAME_FIELDS =
      Collections.unmodifiableList(Arrays.asList("pc", "func", "file", "line"));

  private static final EventType[] BY_WIRE = new EventType[256];
  private static final Map<String, EventType> BY_NAME = new HashMap<>();

  static {
    for (EventType t : values()) {
      BY_WIRE[t.wire] = t;
      BY_NAME.put(t.goName, t);
    }
  }

  private final int wire;
  private final String goName;
  private final EventForm form;
  private final TraceVersion since;
  private final List<ArgSpec> args;
  private final int argCount; // args.size(), read on every event on the decoder's hot path
  private final int[] stackArgs;
  private final int[] stringArgs;
  private final int startedByWire;
  private final Experiment experiment;

  EventType(int wire, String goName, EventForm form, TraceVersion since, String[] argNames,
      Extra... extras) {
    this.wire = wire;
    this.goName = goName;
    this.form = form;
    this.since = since;
    int[] stackArgs = new int[0];
    int[] stringArgs = new int[0];
    int startedBy = 0;
    Experiment experiment = Experiment.NONE;
    for (Extra e : extras) {
      switch (e.what) {
        case 's':
          stackArgs = e.indexes;
          break;
        case 't':
          stringArgs = e.indexes;
          break;
        case 'b':
          startedBy = e.indexes[0];
          break;
        case 'x':
          experiment = Experiment.ALLOC_FREE;
          break;
        default:
          throw new AssertionError(e.what);
      }
    }
    List<ArgSpec> list = new ArrayList<>(argNames.length);
    for (String name : argNames) {
      list.add(new ArgSpec(name, kindOf(name)));
    }
    this.args = Collections.unmodifiableList(list);
    this.argCount = list.size();
    this.stackArgs = stackArgs;
    this.stringArgs = stringArgs;
    this.startedByWire = startedBy;
    this.experiment = experiment;
  }

  /** The event's number on the wire: its type byte. */
  public int wire() {
    return wire;
  }

  /** The event's name exactly as Go's table gives it; the text format uses it. */
  public String goName() {
    return goName;
  }

  public EventForm form() {
    return form;
  }

  /** The first trace version whose runtime writes this event. */
  public TraceVersion since() {
    return since;
  }

  /** The arguments in wire order. For a stack record the frames follow them. */
  public List<ArgSpec> args() {
    return args;
  }

  public int argCount() {
    return argCount;
  }

  /** The index of the argument with this name, or -1. */
  public int argIndex(String name) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Indexes of the arguments that are stack ids, in Go's order: the first is the stack of the
   * event's own execution context (for {@code GoCreate}, {@code stack} before {@code new_stack}).
   */
  public int[] stackArgs() {
    return stackArgs.clone();
  }

  /** Indexes of the arguments that are string ids, in Go's order. */
  public int[] stringArgs() {
    return stringArgs.clone();
  }

  /** Whether this is a timed event (its first argument is {@code dt}). */
  public boolean isTimed() {
    return form == TIMED;
  }

  /**
   * Whether a length-prefixed byte string follows the arguments: the bytes of a {@code String},
   * the payload of an {@code ExperimentalBatch}.
   */
  public boolean hasData() {
    return this == STRING || this == EXPERIMENTAL_BATCH;
  }

  /** Whether {@code nframes} frames of four varints follow the arguments ({@code Stack}). */
  public boolean isStack() {
    return this == STACK;
  }

  /** The event that opens the range this event closes or continues, or {@code null}. */
  public EventType startedBy() {
    return startedByWire == 0 ? null : BY_WIRE[startedByWire];
  }

  public Experiment experiment() {
    return experiment;
  }

  public boolean isExperimental() {
    return experiment != Experiment.NONE;
  }

  /** The event type with this wire number, or {@code null} when Go's table has none. */
  public static EventType ofWire(int wire) {
    return wire >= 0 && wire < BY_WIRE.length ? BY_WIRE[wire] : null;
  }

  /** The event type with this Go name, or {@code null}. */
  public static EventType ofGoName(String name) {
    return BY_NAME.get(name);
  }

  /**
   * The kind of an argument, from its name alone: Go names arguments {@code name} or {@code
   * name_type}, and the type (or, without one, the name) says what the value is.
   */
  static ArgKind kindOf(String name) {
    int underscore = name.lastIndexOf('_');
    String type = underscore < 0 ? name : name.substring(underscore + 1);
    switch (type) {
      case "dt":
        return ArgKind.TIME_DELTA;
      case "time":
        return ArgKind.TIMESTAMP;
      case "gen":
        return ArgKind.GENERATION;
      case "size":
        return ArgKind.SIZE;
      case "freq":
        return ArgKind.FREQUENCY;
      case "m":
        return ArgKind.THREAD;
      case "p":
        return ArgKind.PROC;
      case "g":
        return ArgKind.GOROUTINE;
      case "seq":
        return ArgKind.SEQUENCE;
      case "gstatus":
        return ArgKind.GO_STATUS;
      case "pstatus":
        return ArgKind.PROC_STATUS;
      case "string":
        return ArgKind.STRING_ID;
      case "stack":
        return ArgKind.STACK_ID;
      case "task":
        return ArgKind.TASK;
      case "value":
        return ArgKind.VALUE;
      case "id":
        return ArgKind.ID;
      case "nframes":
        return ArgKind.FRAME_COUNT;
      case "exp":
        return ArgKind.EXPERIMENT;
      default:
        return ArgKind.RAW;
    }
  }

  private static String[] names(String... names) {
    return names;
  }

  private static Extra stacks(int... indexes) {
    return new Extra('s', indexes);
  }

  private static Extra strings(int... indexes) {
    return new Extra('t', indexes);
  }

  private static Extra startedBy(int wire) {
    return new Extra('b', new int[] {wire});
  }

  private static Extra allocFree() {
    return new Extra('x', new int[0]);
  }

  /** A table annotation: stack-id or string-id argument indexes, a range start, an experiment. */
  private static final class Extra {
    final char what;
    final int[] indexes;

    Extra(char what, int[] indexes) {
      this.what = what;
      this.indexes = indexes;
    }
  }
}
