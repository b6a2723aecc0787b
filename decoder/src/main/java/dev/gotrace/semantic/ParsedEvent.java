package dev.gotrace.semantic;

import dev.gotrace.spec.EventType;
import dev.gotrace.spec.ProcStatus;
import dev.gotrace.wire.WirePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event as Go's parser delivers it, in Go's order: a kind, a time in nanoseconds (strictly
 * increasing through the trace), the thread, proc and goroutine it happened on (-1 for none, as
 * Go's ids), a stack, and details by kind ({@link #stateTransition}, {@link #range}, ...).
 *
 * <p>Like Go's {@code trace.Event} it is a thin view: it keeps the wire event's arguments (with the
 * facts ordering derived, such as a goroutine's previous state) and its generation's tables, and
 * builds details when asked. {@link #toString} is exactly Go's {@code Event.String()}. {@link
 * #position} says where on the wire the event came from.
 *
 * <p>Immutable once the reader hands it out (the reader fixes the time before that).
 */
public final class ParsedEvent {
  /** Go's internal type number for the synthesized Sync event. */
  static final int SYNC = 255;

  /** "No thread", "no proc", "no goroutine": Go's -1 ids. */
  public static final long NONE = -1;

  private static final String[] EXPERIMENTS = {"None", "AllocFree"};

  final int type;
  private long time;
  final long thread;
  final long proc;
  final long goroutine;
  final long[] args;
  /** The generation's tables; {@code null} for the final sync and a sync before an error. */
  final GenerationTables tables;
  private final long offset;
  private final int recordIndex;
  private final long generation;
  private final int eventIndex;

  ParsedEvent(int type, long time, long thread, long proc, long goroutine, long[] args,
      GenerationTables tables, long offset, int recordIndex, long generation, int eventIndex) {
    this.type = type;
    this.time = time;
    this.thread = thread;
    this.proc = proc;
    this.goroutine = goroutine;
    this.args = args;
    this.tables = tables;
    this.offset = offset;
    this.recordIndex = recordIndex;
    this.generation = generation;
    this.eventIndex = eventIndex;
  }

  static ParsedEvent sync(int n, long time, GenerationTables tables, long offset, int recordIndex,
      long generation) {
    return new ParsedEvent(SYNC, time, NONE, NONE, NONE, new long[] {n, 0, 0, 0}, tables, offset,
        recordIndex, generation, -1);
  }

  void setTime(long time) {
    this.time = time;
  }

  public EventKind kind() {
    return kindOf(type);
  }

  static EventKind kindOf(int type) {
    if (type == SYNC) {
      return EventKind.SYNC;
    }
    EventType t = EventType.ofWire(type);
    if (t == null) {
      return null;
    }
    switch (t) {
      case CPU_SAMPLE:
        return EventKind.STACK_SAMPLE;
      case PROCS_CHANGE:
      case HEAP_ALLOC:
      case HEAP_GOAL:
        return EventKind.METRIC;
      case STW_BEGIN:
      case GC_BEGIN:
      case GC_SWEEP_BEGIN:
      case GC_MARK_ASSIST_BEGIN:
        return EventKind.RANGE_BEGIN;
      case GC_ACTIVE:
      case GC_SWEEP_ACTIVE:
      case GC_MARK_ASSIST_ACTIVE:
        return EventKind.RANGE_ACTIVE;
      case STW_END:
      case GC_END:
      case GC_SWEEP_END:
      case GC_MARK_ASSIST_END:
        return EventKind.RANGE_END;
      case GO_LABEL:
        return EventKind.LABEL;
      case USER_TASK_BEGIN:
        return EventKind.TASK_BEGIN;
      case USER_TASK_END:
        return EventKind.TASK_END;
      case USER_REGION_BEGIN:
        return EventKind.REGION_BEGIN;
      case USER_REGION_END:
        return EventKind.REGION_END;
      case USER_LOG:
        return EventKind.LOG;
      default:
        if (t.isExperimental()) {
          return EventKind.EXPERIMENTAL;
        }
        if (t.wire() >= EventType.PROCS_CHANGE.wire()
            && t.wire() <= EventType.GO_STATUS_STACK.wire()) {
          return EventKind.STATE_TRANSITION;
        }
        return null;
    }
  }

  /** Nanoseconds; strictly increasing through the trace. */
  public long time() {
    return time;
  }

  /** The thread the event happened on, or {@link #NONE}. */
  public long thread() {
    return thread;
  }

  /** The proc, or {@link #NONE}. For a proc's own transition, the context before it. */
  public long proc() {
    return proc;
  }

  /** The goroutine, or {@link #NONE}. For a goroutine's own transition, the context before it. */
  public long goroutine() {
    return goroutine;
  }

  /**
   * Where the event is on the wire: its offset, record, generation and index in its batch. A Sync
   * event points at the first record of its generation (the final Sync at the end of input);
   * events the parser derives (the block and start a GoSwitch implies) point at their source.
   */
  public WirePosition position() {
    if (eventIndex < 0) {
      return recordIndex < 0 ? WirePosition.at(offset)
          : WirePosition.inBatch(offset, recordIndex, generation);
    }
    return WirePosition.inEvent(offset, recordIndex, generation, eventIndex,
        EventType.ofWire(type));
  }

  /** The wire event type this event came from, or {@code null} for a Sync. */
  public EventType wireType() {
    return type == SYNC ? null : EventType.ofWire(type);
  }

  // ---------------------------------------------------------------------------------------------
  // Stacks.

  /**
   * Whether the event has a stack of its own in Go's sense: a non-zero stack argument, or, for a
   * CPU sample, any stack id (Go treats a sample's stack as present even when its id is 0).
   */
  boolean hasStack() {
    if (type == SYNC) {
      return false;
    }
    if (type == EventType.CPU_SAMPLE.wire()) {
      return true;
    }
    int[] stacks = Specs.stackArgs(type);
    return stacks.length != 0 && args[stacks[0] - 1] != 0;
  }

  /** The id of the event's own stack; meaningful when {@link #hasStack}. */
  long stackId() {
    if (type == EventType.CPU_SAMPLE.wire()) {
      return args[0];
    }
    int[] stacks = Specs.stackArgs(type);
    return stacks.length == 0 ? 0 : args[stacks[0] - 1];
  }

  /** The stack of the event's execution context, leaf first; empty if it has none. */
  public Stack stack() {
    return hasStack() ? stackOf(stackId()) : Stack.EMPTY;
  }

  Stack stackOf(long id) {
    if (id == 0) {
      return Stack.EMPTY;
    }
    List<StackFrame> frames = new ArrayList<>();
    for (long pc : tables.stack(id)) {
      GenerationTables.Frame f = tables.frame(pc);
      frames.add(new StackFrame(f.pc, ByteStrings.text(tables.string(f.funcId)),
          ByteStrings.text(tables.string(f.fileId)), f.line));
    }
    return new Stack(frames);
  }

  // ---------------------------------------------------------------------------------------------
  // Details by kind.

  private void require(EventKind... kinds) {
    EventKind k = kind();
    for (EventKind want : kinds) {
      if (k == want) {
        return;
      }
    }
    throw new IllegalStateException("not a " + kinds[0] + " event: " + k);
  }

  public Metric metric() {
    require(EventKind.METRIC);
    return new Metric(metricName(), args[0]);
  }

  String metricName() {
    if (type == EventType.PROCS_CHANGE.wire()) {
      return "/sched/gomaxprocs:threads";
    } else if (type == EventType.HEAP_ALLOC.wire()) {
      return "/memory/classes/heap/objects:bytes";
    }
    return "/gc/heap/goal:bytes";
  }

  public Label label() {
    require(EventKind.LABEL);
    return new Label(ByteStrings.text(tables.string(args[0])), ResourceId.goroutine(goroutine));
  }

  /** Go's range name, as a byte string. */
  String rangeName() {
    EventType t = EventType.ofWire(type);
    switch (t) {
      case STW_BEGIN:
      case STW_END:
        return "stop-the-world (" + tables.string(args[0]) + ")";
      case GC_BEGIN:
      case GC_ACTIVE:
      case GC_END:
        return "GC concurrent mark phase";
      case GC_SWEEP_BEGIN:
      case GC_SWEEP_ACTIVE:
      case GC_SWEEP_END:
        return "GC incremental sweep";
      default:
        return "GC mark assist";
    }
  }

  ResourceId rangeScope() {
    EventType t = EventType.ofWire(type);
    switch (t) {
      case STW_BEGIN:
      case STW_END:
        return ResourceId.goroutine(goroutine);
      case GC_BEGIN:
      case GC_ACTIVE:
      case GC_END:
        return ResourceId.NONE;
      case GC_SWEEP_ACTIVE:
        return ResourceId.proc(args[0]);
      case GC_SWEEP_BEGIN:
      case GC_SWEEP_END:
        return ResourceId.proc(proc);
      case GC_MARK_ASSIST_ACTIVE:
        return ResourceId.goroutine(args[0]);
      default:
        return ResourceId.goroutine(goroutine);
    }
  }

  public Range range() {
    require(EventKind.RANGE_BEGIN, EventKind.RANGE_ACTIVE, EventKind.RANGE_END);
    List<RangeAttribute> attributes = List.of();
    if (type == EventType.GC_SWEEP_END.wire()) {
      attributes = List.of(new RangeAttribute("bytes swept", args[0]),
          new RangeAttribute("bytes reclaimed", args[1]));
    }
    return new Range(ByteStrings.text(rangeName()), rangeScope(), attributes);
  }

  /** The parent of a task: for a begin the argument, for an end what ordering remembered. */
  public Task task() {
    require(EventKind.TASK_BEGIN, EventKind.TASK_END);
    return new Task(args[0], taskParent(), ByteStrings.text(taskType()));
  }

  long taskParent() {
    return type == EventType.USER_TASK_BEGIN.wire() ? args[1] : args[2];
  }

  String taskType() {
    return type == EventType.USER_TASK_BEGIN.wire() ? tables.string(args[2])
        : tables.extraString(args[3]);
  }

  public Region region() {
    require(EventKind.REGION_BEGIN, EventKind.REGION_END);
    return new Region(args[0], ByteStrings.text(tables.string(args[1])));
  }

  public Log log() {
    require(EventKind.LOG);
    return new Log(args[0], ByteStrings.text(tables.string(args[1])),
        ByteStrings.text(tables.string(args[2])));
  }

  public StateTransition stateTransition() {
    require(EventKind.STATE_TRANSITION);
    Transition t = transition();
    return new StateTransition(t.goroutine ? ResourceId.goroutine(t.id) : ResourceId.proc(t.id),
        t.from, t.to, ByteStrings.text(t.reason), t.hasStack ? stackOf(t.stackId) : Stack.EMPTY);
  }

  /**
   * A transition in Go's terms. A creation's stack is present even when its id is 0 (Go prints an
   * empty "TransitionStack=" then).
   */
  static final class Transition {
    final boolean goroutine;
    final long id;
    final int from;
    final int to;
    final String reason;
    final boolean hasStack;
    final long stackId;

    Transition(boolean goroutine, long id, int from, int to, String reason, boolean hasStack,
        long stackId) {
      this.goroutine = goroutine;
      this.id = id;
      this.from = from;
      this.to = to;
      this.reason = reason;
      this.hasStack = hasStack;
      this.stackId = stackId;
    }

    Transition(boolean goroutine, long id, int from, int to) {
      this(goroutine, id, from, to, "", false, 0);
    }
  }

  private static final int G_UNDETERMINED = 0;
  private static final int G_NOT_EXIST = 1;
  private static final int G_RUNNABLE = 2;
  private static final int G_RUNNING = 3;
  private static final int G_WAITING = 4;
  private static final int G_SYSCALL = 5;
  private static final int P_RUNNING = 2;
  private static final int P_IDLE = 3;

  /** Go's mapping from a wire goroutine status to the API state. */
  static int goStateOfStatus(long status) {
    switch ((int) status) {
      case 1:
        return G_RUNNABLE;
      case 2:
        return G_RUNNING;
      case 3:
        return G_SYSCALL;
      case 4:
        return G_WAITING;
      default:
        return G_UNDETERMINED;
    }
  }

  /** Go's mapping from a wire proc status to the API state; -1 where Go's table has no entry. */
  static int procStateOfStatus(long status) {
    if (status < 0 || status > 4) {
      return -1;
    }
    switch ((int) status) {
      case 1:
      case 3:
        return P_RUNNING;
      case 2:
      case 4:
        return P_IDLE;
      default:
        return 0;
    }
  }

  Transition transition() {
    EventType t = EventType.ofWire(type);
    switch (t) {
      case PROC_START:
        return new Transition(false, args[0], P_IDLE, P_RUNNING);
      case PROC_STOP:
        return new Transition(false, proc, P_RUNNING, P_IDLE);
      case PROC_STEAL: {
        int before = args[3] == ProcStatus.SYSCALL_ABANDONED.code() ? P_IDLE : P_RUNNING;
        return new Transition(false, args[0], before, P_IDLE);
      }
      case PROC_STATUS:
        return new Transition(false, args[0], (int) (args[2] & 0xFF), procStateOfStatus(args[1]));
      case GO_CREATE:
      case GO_CREATE_BLOCKED:
        return new Transition(true, args[0], G_NOT_EXIST,
            t == EventType.GO_CREATE ? G_RUNNABLE : G_WAITING, "", true, args[1]);
      case GO_CREATE_SYSCALL:
        return new Transition(true, args[0], G_NOT_EXIST, G_SYSCALL);
      case GO_START:
        return new Transition(true, args[0], G_RUNNABLE, G_RUNNING);
      case GO_DESTROY:
        return new Transition(true, goroutine, G_RUNNING, G_NOT_EXIST);
      case GO_DESTROY_SYSCALL:
        return new Transition(true, goroutine, G_SYSCALL, G_NOT_EXIST);
      case GO_STOP:
        return new Transition(true, goroutine, G_RUNNING, G_RUNNABLE, tables.string(args[0]),
            hasStack(), stackId());
      case GO_BLOCK:
        return new Transition(true, goroutine, G_RUNNING, G_WAITING, tables.string(args[0]),
            hasStack(), stackId());
      case GO_UNBLOCK:
      case GO_SWITCH:
      case GO_SWITCH_DESTROY:
        return new Transition(true, args[0], G_WAITING, G_RUNNABLE);
      case GO_SYSCALL_BEGIN:
        return new Transition(true, goroutine, G_RUNNING, G_SYSCALL, "", hasStack(), stackId());
      case GO_SYSCALL_END:
        return new Transition(true, goroutine, G_SYSCALL, G_RUNNING);
      case GO_SYSCALL_END_BLOCKED:
        return new Transition(true, goroutine, G_SYSCALL, G_RUNNABLE);
      case GO_STATUS:
      case GO_STATUS_STACK: {
        long packed = args[2];
        return new Transition(true, args[0], (int) ((packed >>> 32) & 0xFF),
            goStateOfStatus(packed & 0xFFFFFFFFL), "", hasStack(), stackId());
      }
      default:
        throw new IllegalStateException("not a state transition: " + t);
    }
  }

  public SyncInfo sync() {
    require(EventKind.SYNC);
    ClockSnapshot snapshot = null;
    Map<String, List<ExperimentalBatch>> batches = new LinkedHashMap<>();
    if (tables != null) {
      Map<Integer, List<ExperimentalBatch>> all = tables.experimentalBatches();
      for (Map.Entry<Integer, List<ExperimentalBatch>> e : all.entrySet()) {
        batches.put(EXPERIMENTS[e.getKey()], List.copyOf(e.getValue()));
      }
      snapshot = clockSnapshot();
    }
    return new SyncInfo((int) args[0], snapshot, batches);
  }

  /** The clock snapshot of a generation's Sync, with Go's normalisation of the wall clock. */
  ClockSnapshot clockSnapshot() {
    if (tables == null || !tables.hasClockSnapshot) {
      return null;
    }
    long sec = tables.snapshotSec;
    long nsec = tables.snapshotNsec;
    if (nsec < 0 || nsec >= 1_000_000_000L) {
      long n = nsec / 1_000_000_000L;
      sec += n;
      nsec -= n * 1_000_000_000L;
      if (nsec < 0) {
        nsec += 1_000_000_000L;
        sec--;
      }
    }
    return new ClockSnapshot(tables.frequency.toNanos(tables.snapshotTicks), sec, nsec,
        tables.snapshotMono);
  }

  public ExperimentalEvent experimental() {
    require(EventKind.EXPERIMENTAL);
    EventType t = EventType.ofWire(type);
    List<String> names = new ArrayList<>();
    for (int i = 1; i < t.argCount(); i++) {
      names.add(t.args().get(i).name());
    }
    long[] values = new long[names.size()];
    System.arraycopy(args, 0, values, 0, values.length);
    return new ExperimentalEvent(t.goName(), EXPERIMENTS[1], names, values);
  }

  /**
   * Go's {@code Event.String()} as text: {@link #goBytes()} decoded as UTF-8, which is exact
   * unless a stack frame's function or file name is not UTF-8 (Go prints such a name's bytes as
   * they are; here each malformed stretch becomes U+FFFD). Print {@link #goBytes()} to match Go
   * byte for byte.
   */
  @Override
  public String toString() {
    return ByteStrings.text(EventFormatter.format(this));
  }

  /**
   * Exactly the bytes of Go's {@code Event.String()}, what {@code go tool trace -d=parsed} prints
   * for this event (without the newline after it), invalid UTF-8 included.
   */
  public byte[] goBytes() {
    return ByteStrings.bytes(EventFormatter.format(this));
  }
}
