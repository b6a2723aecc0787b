package dev.gotrace.semantic;

import dev.gotrace.semantic.TraceValidationException.Stage;
import dev.gotrace.spec.EventType;
import dev.gotrace.spec.GoStatus;
import dev.gotrace.spec.ProcStatus;
import dev.gotrace.spec.TraceVersion;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Go's scheduler model, used both to check events and to put them in order ({@code ordering} in
 * Go's parser). It tracks every goroutine, proc and thread it has seen, the GC, active tasks, user
 * regions and the special ranges (stop-the-world, sweep, mark assist), across generations.
 *
 * <p>{@link #advance} is offered one event at a time by the frontier. It answers in one of three
 * ways: the event advances (its events are queued, with facts such as a goroutine's previous state
 * recorded in its arguments as Go records them); the event cannot advance yet (false: another
 * thread must go first, for example because a sequence number is not the next one); or the trace
 * is broken (a {@link TraceValidationException} saying which resource was in which state and what
 * the event needed).
 *
 * <p>Sequence numbers are per generation: a goroutine's or proc's counter restarts at 0 at its
 * status event or creation, and an event only advances if its number is the next one in the same
 * generation.
 */
final class Ordering {
  private static final long NONE = -1;

  private static final int GC_UNDETERMINED = 0;
  private static final int GC_NOT_RUNNING = 1;
  private static final int GC_RUNNING = 2;

  private static final int MUST_NOT = 0;
  private static final int MAY = 1;
  private static final int MUST = 2;

  /** A kind of special range: its begin event type and, for stop-the-world, the kind string id. */
  private static final class RangeType {
    final int type;
    final long desc;

    RangeType(int type, long desc) {
      this.type = type;
      this.desc = desc;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RangeType && ((RangeType) o).type == type && ((RangeType) o).desc == desc;
    }

    @Override
    public int hashCode() {
      return type * 31 + Long.hashCode(desc);
    }

    /** Go's {@code %v} of its range type. */
    @Override
    public String toString() {
      return "{" + type + " " + Long.toUnsignedString(desc) + "}";
    }
  }

  /** Ranges in flight on one resource, removed by swapping with the last, as Go does. */
  private static class Ranges {
    final List<RangeType> inFlight = new ArrayList<>(0);

    boolean has(RangeType t) {
      return inFlight.contains(t);
    }
  }

  private static final class GState extends Ranges {
    final long id;
    int status;
    long seqGen;
    long seq;
    /** Open user regions, innermost last. */
    final List<UserRegion> regions = new ArrayList<>(0);

    GState(long id, int status, long gen) {
      this.id = id;
      this.status = status;
      this.seqGen = gen;
    }
  }

  private static final class PState extends Ranges {
    int status;
    long seqGen;
    long seq;

    PState(int status, long gen) {
      this.status = status;
      this.seqGen = gen;
    }
  }

  /** A user region: its task and its name, compared by content (ids differ between generations). */
  private static final class UserRegion {
    final long task;
    final String name;

    UserRegion(long task, String name) {
      this.task = task;
      this.name = name;
    }

    boolean matches(long task, String name) {
      return this.task == task && this.name.equals(name);
    }

    /** Go's {@code %v} of its region value. */
    @Override
    public String toString() {
      return "{" + Long.toUnsignedString(task) + " " + ByteStrings.text(name) + "}";
    }
  }

  /** An active task: its name (carried to its end, maybe generations later) and parent. */
  private static final class ActiveTask {
    final String name;
    final long parent;

    ActiveTask(String name, long parent) {
      this.name = name;
      this.parent = parent;
    }
  }

  private static final class MState {
    long g = NONE;
    long p = NONE;
  }

  private final Map<Long, GState> goroutines = new HashMap<>();
  private final Map<Long, PState> procs = new HashMap<>();
  private final Map<Long, MState> threads = new HashMap<>();
  private final Map<Long, ActiveTask> activeTasks = new HashMap<>();
  private long gcSeq;
  private int gcState = GC_UNDETERMINED;
  private long initialGen;
  private final ArrayDeque<ParsedEvent> queue = new ArrayDeque<>();
  private final TraceVersion version;

  Ordering(TraceVersion version) {
    this.version = version;
  }

  // The event being advanced and its context: cur* is the context the event is reported with,
  // next* the thread's context afterwards.
  private BatchCursor ev;
  private GenerationTables table;
  private long gen;
  private long curM;
  private long curP;
  private long curG;
  private long nextP;
  private long nextG;
  /** Why the last event that did not advance could not (for "failed to advance" reports). */
  private Supplier<String> blocked;

  ParsedEvent poll() {
    return queue.poll();
  }

  boolean hasQueued() {
    return !queue.isEmpty();
  }

  String blockedReason() {
    return blocked == null ? null : blocked.get();
  }

  /**
   * Tries to advance the cursor's current event, which ran on {@code thread}, in generation {@code
   * generation}. Generations must be offered in increasing order.
   */
  boolean advance(BatchCursor cursor, GenerationTables tables, long thread, long generation)
      throws TraceValidationException {
    if (initialGen == 0) {
      initialGen = generation;
    }
    ev = cursor;
    table = tables;
    gen = generation;
    blocked = null;
    MState ms = null;
    curM = thread;
    if (thread == NONE) {
      curP = NONE;
      curG = NONE;
    } else {
      // Go creates a thread's state on its first attempt, whether or not the event advances.
      ms = threads.computeIfAbsent(thread, k -> new MState());
      curP = ms.p;
      curG = ms.g;
    }
    nextP = curP;
    nextG = curG;
    boolean ok = dispatch();
    if (ok && ms != null) {
      ms.p = nextP;
      ms.g = nextG;
    }
    return ok;
  }

  private boolean dispatch() throws TraceValidationException {
    EventType t = EventType.ofWire(ev.type);
    switch (t) {
      case PROCS_CHANGE:
      case GO_LABEL:
      case USER_LOG:
        return annotation();
      case PROC_START:
        return procStart();
      case PROC_STOP:
        return procStop();
      case PROC_STEAL:
        return procSteal();
      case PROC_STATUS:
        return procStatus();
      case GO_CREATE:
      case GO_CREATE_BLOCKED:
        return goCreate();
      case GO_CREATE_SYSCALL:
        return goCreateSyscall();
      case GO_START:
        return goStart();
      case GO_DESTROY:
      case GO_STOP:
      case GO_BLOCK:
        return goStopExec();
      case GO_DESTROY_SYSCALL:
        return goDestroySyscall();
      case GO_UNBLOCK:
        return goUnblock();
      case GO_SYSCALL_BEGIN:
        return goSyscallBegin();
      case GO_SYSCALL_END:
        return goSyscallEnd();
      case GO_SYSCALL_END_BLOCKED:
        return goSyscallEndBlocked();
      case GO_STATUS:
      case GO_STATUS_STACK:
        return goStatus();
      case STW_BEGIN:
      case GC_MARK_ASSIST_BEGIN:
        return goRangeBegin();
      case STW_END:
      case GC_MARK_ASSIST_END:
        return goRangeEnd();
      case GC_MARK_ASSIST_ACTIVE:
        return goRangeActive();
      case GC_ACTIVE:
        return gcActive();
      case GC_BEGIN:
        return gcBegin();
      case GC_END:
        return gcEnd();
      case GC_SWEEP_ACTIVE:
        return sweepActive();
      case GC_SWEEP_BEGIN:
        return sweepBegin();
      case GC_SWEEP_END:
        return sweepEnd();
      case HEAP_ALLOC:
      case HEAP_GOAL:
        return heapMetric();
      case USER_TASK_BEGIN:
        return taskBegin();
      case USER_TASK_END:
        return taskEnd();
      case USER_REGION_BEGIN:
      case USER_REGION_END:
        return region(t == EventType.USER_REGION_BEGIN);
      case GO_SWITCH:
      case GO_SWITCH_DESTROY:
        return goSwitch();
      default:
        if (t.isExperimental()) {
          return allocFree();
        }
        throw fail("bad event type found while ordering: " + ev.type,
            t.goName() + " may not appear among a thread's events",
            "a scheduling, GC or annotation event", t.goName() + " (" + ev.type + ")");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Reporting.

  /** The event's name as Go's ordering names it: from the trace version's own table. */
  private String name() {
    EventType t = EventType.ofWire(ev.type);
    return version.rawTableIncludes(t) ? t.goName() : "Invalid(" + ev.type + ")";
  }

  private String context() {
    return "thread " + id(curM) + ", proc " + id(curP) + ", goroutine " + id(curG);
  }

  private static String id(long id) {
    return id == NONE ? "none" : Long.toString(id);
  }

  private TraceValidationException fail(String go, String problem, String expected, String found) {
    return Problems.of(Stage.ORDERING, ev.position(EventType.ofWire(ev.type)), context(), go,
        problem, expected, found);
  }

  /** The event cannot advance yet; the reason is only formatted if a report needs it. */
  private boolean notYet(Supplier<String> why) {
    blocked = why;
    return false;
  }

  private static String goStatusName(int status) {
    switch (status) {
      case 1:
        return "Runnable";
      case 2:
        return "Running";
      case 3:
        return "Syscall";
      case 4:
        return "Waiting";
      default:
        return "Bad";
    }
  }

  private static String procStatusName(int status) {
    switch (status) {
      case 1:
        return "Running";
      case 2:
        return "Idle";
      case 3:
        return "Syscall";
      default:
        return "Bad";
    }
  }

  /**
   * Go's dump of the state machines in a "failed to advance" report: goroutines, procs, threads
   * and the GC, one per line, a blank line after each group. Go walks its maps in random order;
   * this walks them by id, the one order that any of Go's can be compared with once sorted.
   */
  String dump() {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<Long, GState> e : byId(goroutines)) {
      GState g = e.getValue();
      b.append("G ").append(e.getKey()).append(" [status=").append(goStatusName(g.status))
          .append(" seq=").append(seq(g.seqGen, g.seq)).append("]\n");
    }
    b.append('\n');
    for (Map.Entry<Long, PState> e : byId(procs)) {
      PState p = e.getValue();
      b.append("P ").append(e.getKey()).append(" [status=").append(procStatusName(p.status))
          .append(" seq=").append(seq(p.seqGen, p.seq)).append("]\n");
    }
    b.append('\n');
    for (Map.Entry<Long, MState> e : byId(threads)) {
      b.append("M ").append(e.getKey()).append(" [g=").append(e.getValue().g).append(" p=")
          .append(e.getValue().p).append("]\n");
    }
    b.append('\n');
    b.append("GC ").append(Long.toUnsignedString(gcSeq)).append(' ').append(GC_STATE[gcState])
        .append('\n');
    return b.toString();
  }

  private static <V> List<Map.Entry<Long, V>> byId(Map<Long, V> states) {
    List<Map.Entry<Long, V>> sorted = new ArrayList<>(states.entrySet());
    sorted.sort(Map.Entry.comparingByKey());
    return sorted;
  }

  private String seq(long seqGen, long seq) {
    return Long.toUnsignedString(seq) + " (gen=" + Long.toUnsignedString(seqGen) + ")";
  }

  private void requireContext(int m, int p, int g) throws TraceValidationException {
    // Go checks thread, then proc, then goroutine, and reports the first mismatch.
    String noun = violates(m, curM) ? "thread" : violates(p, curP) ? "proc"
        : violates(g, curG) ? "goroutine" : null;
    if (noun == null) {
      return;
    }
    int req = noun.equals("thread") ? m : noun.equals("proc") ? p : g;
    String go = req == MUST ? "expected a " + noun + " but didn't have one"
        : "expected no " + noun + " but had one";
    String what = (req == MUST ? "a " : "no ") + noun;
    throw fail(go, name() + " needs " + what + " on its thread",
        needs(m, "a thread") + ", " + needs(p, "a proc") + ", " + needs(g, "a goroutine"),
        context());
  }

  /** Whether a MUST / MUST_NOT requirement fails for the current resource {@code cur}. */
  private static boolean violates(int req, long cur) {
    return (req == MUST && cur == NONE) || (req == MUST_NOT && cur != NONE);
  }

  private static String needs(int c, String what) {
    String noun = what.substring(2);
    return c == MUST ? what : c == MUST_NOT ? "no " + noun : "any " + noun;
  }

  private void requireUserGo() throws TraceValidationException {
    requireContext(MUST, MUST, MUST);
  }

  private void push(int type, long m, long p, long g, long a0, long a1, long a2, long a3) {
    queue.add(new ParsedEvent(type, ev.time, m, p, g, new long[] {a0, a1, a2, a3}, table,
        ev.offset(), ev.recordIndex(), ev.generation(), ev.eventIndex()));
  }

  private void pushCurrent() {
    push(ev.type, curM, curP, curG, ev.args[0], ev.args[1], ev.args[2], ev.args[3]);
  }

  // ---------------------------------------------------------------------------------------------
  // Procs.

  private boolean procStatus() throws TraceValidationException {
    long pid = ev.args[0];
    int status = (int) (ev.args[1] & 0xFF); // Go narrows the status to a byte
    if (status > ProcStatus.SYSCALL_ABANDONED.code()) {
      throw fail("invalid status for proc " + pid + ": " + status, "unknown proc status",
          "a status of 1 to 4", Integer.toString(status));
    }
    int oldState = ParsedEvent.procStateOfStatus(status);
    PState s = procs.get(pid);
    if (s != null) {
      int abandoned = ProcStatus.SYSCALL_ABANDONED.code();
      if (status == abandoned && s.status == ProcStatus.SYSCALL.code()) {
        // An abandoned syscall of a proc already known to be in a syscall loses nothing.
        oldState = 2;
        ev.args[1] = ProcStatus.SYSCALL.code();
      } else if (status == abandoned && s.status == abandoned) {
        oldState = 3;
        ev.args[1] = abandoned;
      } else if (s.status != status) {
        throw fail("inconsistent status for proc " + pid + ": old " + procStatusName(s.status)
                + " vs. new " + procStatusName(status),
            "ProcStatus disagrees with the proc's state", "proc " + pid + " "
                + procStatusName(s.status), procStatusName(status));
      }
      s.seqGen = gen;
      s.seq = 0;
    } else {
      procs.put(pid, new PState(status, gen));
      oldState = gen == initialGen ? 0 : 1;
    }
    ev.args[2] = oldState;
    if (status == ProcStatus.RUNNING.code() || status == ProcStatus.SYSCALL.code()) {
      nextP = pid;
    }
    if (status == ProcStatus.SYSCALL_ABANDONED.code() && oldState == 2) {
      // The status is emitted by whoever is about to steal the proc; report it on the thread
      // that holds it.
      boolean found = false;
      for (Map.Entry<Long, MState> e : threads.entrySet()) {
        if (e.getValue().p == pid) {
          curM = e.getKey();
          curP = pid;
          curG = e.getValue().g;
          found = true;
        }
      }
      if (!found) {
        throw fail("failed to find sched context for proc " + pid + " that's about to be stolen",
            "no thread holds the proc in its syscall", "a thread holding proc " + pid, "none");
      }
    }
    pushCurrent();
    return true;
  }

  private boolean procStart() throws TraceValidationException {
    long pid = ev.args[0];
    long seq = ev.args[1];
    PState s = procs.get(pid);
    if (s == null || s.status != ProcStatus.IDLE.code() || !(s.seqGen == gen && seq == s.seq + 1)
        || curP != NONE) {
      return notYet(() -> s == null ? "proc " + pid + " has no status yet"
          : s.status != ProcStatus.IDLE.code() ? "proc " + pid + " is " + procStatusName(s.status)
              + ", needs Idle"
          : !(s.seqGen == gen && seq == s.seq + 1) ? "p_seq " + Long.toUnsignedString(seq)
              + " is not next after " + seq(s.seqGen, s.seq)
          : "thread still holds proc " + curP);
    }
    requireContext(MUST, MUST_NOT, MAY);
    s.status = ProcStatus.RUNNING.code();
    s.seqGen = gen;
    s.seq = seq;
    nextP = pid;
    pushCurrent();
    return true;
  }

  private boolean procStop() throws TraceValidationException {
    PState s = procs.get(curP);
    if (s == null) {
      throw fail("event " + name() + " for proc (" + curP + ") that doesn't exist",
          "ProcStop without a proc", "a thread holding a proc", "proc " + id(curP));
    }
    if (s.status != ProcStatus.RUNNING.code() && s.status != ProcStatus.SYSCALL.code()) {
      throw fail(name() + " event for proc that's not Running or Syscall",
          "ProcStop of a proc that is not running", "proc " + curP + " Running or Syscall",
          procStatusName(s.status));
    }
    requireContext(MUST, MUST, MAY);
    s.status = ProcStatus.IDLE.code();
    nextP = NONE;
    pushCurrent();
    return true;
  }

  private boolean procSteal() throws TraceValidationException {
    long pid = ev.args[0];
    long seq = ev.args[1];
    PState s = procs.get(pid);
    int syscall = ProcStatus.SYSCALL.code();
    int abandoned = ProcStatus.SYSCALL_ABANDONED.code();
    if (s == null || (s.status != syscall && s.status != abandoned)
        || !(s.seqGen == gen && seq == s.seq + 1)) {
      return notYet(() -> s == null ? "proc " + pid + " has no status yet"
          : s.status != syscall && s.status != abandoned ? "proc " + pid + " is "
              + procStatusName(s.status) + ", needs Syscall"
          : "p_seq " + Long.toUnsignedString(seq) + " is not next after " + seq(s.seqGen, s.seq));
    }
    requireContext(MUST, MAY, MAY);
    int oldStatus = s.status;
    ev.args[3] = oldStatus;
    s.status = ProcStatus.IDLE.code();
    s.seqGen = gen;
    s.seq = seq;
    if (oldStatus == abandoned) {
      pushCurrent();
      return true;
    }
    long mid = ev.args[2];
    if (mid == curM) {
      if (curP != pid) {
        throw fail("tried to self-steal proc " + pid + " (thread " + mid + "), but got proc "
                + curP + " instead",
            "self-steal of a proc the thread does not hold", "thread " + mid + " holding proc "
                + pid, "proc " + id(curP));
      }
      nextP = NONE;
      pushCurrent();
      return true;
    }
    MState victim = threads.get(mid);
    if (victim == null) {
      throw fail("stole proc from non-existent thread " + mid,
          "ProcSteal from a thread never seen", "thread " + mid + " holding proc " + pid,
          "no such thread");
    }
    if (victim.p != pid) {
      throw fail("tried to steal proc " + pid + " from thread " + mid + ", but got proc "
              + victim.p + " instead",
          "ProcSteal names a thread that does not hold the proc",
          "thread " + mid + " holding proc " + pid, "it holds proc " + id(victim.p));
    }
    victim.p = NONE;
    pushCurrent();
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // Goroutines.

  private boolean goStatus() throws TraceValidationException {
    long gid = ev.args[0];
    long mid = ev.args[1];
    int status = (int) (ev.args[2] & 0xFF); // Go narrows the status to a byte
    if (status > GoStatus.WAITING.code()) {
      throw fail("invalid status for goroutine " + gid + ": " + status,
          "unknown goroutine status", "a status of 1 to 4", Integer.toString(status));
    }
    int oldState = ParsedEvent.goStateOfStatus(status);
    GState s = goroutines.get(gid);
    if (s != null) {
      if (s.status != status) {
        throw fail("inconsistent status for goroutine " + gid + ": old "
                + goStatusName(s.status) + " vs. new " + goStatusName(status),
            name() + " disagrees with the goroutine's state",
            "goroutine " + gid + " " + goStatusName(s.status), goStatusName(status));
      }
      s.seqGen = gen;
      s.seq = 0;
    } else if (gen == initialGen) {
      goroutines.put(gid, new GState(gid, status, gen));
      oldState = 0;
    } else {
      throw fail("found goroutine status for new goroutine after the first generation: id="
              + gid + " status=" + goStatusName(status),
          "status of a goroutine never seen, after the first generation",
          "goroutine " + gid + " created (GoCreate) or given a status in the first generation",
          "an unknown goroutine");
    }
    ev.args[2] = ((long) oldState << 32) | status;
    if (status == GoStatus.RUNNING.code()) {
      nextG = gid;
    } else if (status == GoStatus.SYSCALL.code()) {
      if (mid == NONE) {
        throw fail("found goroutine " + gid + " in syscall without a thread",
            "goroutine in a syscall without a thread", "a thread id in m", "none");
      }
      if (mid == curM) {
        if (gen != initialGen && curG != gid) {
          throw fail("inconsistent thread for syscalling goroutine " + gid
                  + ": thread has goroutine " + curG,
              "the thread is not running the syscalling goroutine",
              "thread " + mid + " running goroutine " + gid, "goroutine " + id(curG));
        }
        nextG = gid;
      } else {
        MState other = threads.get(mid);
        if (other != null) {
          if (other.g != gid) {
            throw fail("inconsistent thread for syscalling goroutine " + gid
                    + ": thread has goroutine " + other.g,
                "the named thread is not running the syscalling goroutine",
                "thread " + mid + " running goroutine " + gid, "goroutine " + id(other.g));
          }
          curG = other.g;
        } else {
          MState created = new MState();
          created.g = gid;
          threads.put(mid, created);
        }
        curM = mid;
      }
    }
    pushCurrent();
    return true;
  }

  private boolean goCreate() throws TraceValidationException {
    requireContext(MUST, MUST, MAY);
    GState creator = goroutines.get(curG);
    if (creator != null && creator.status != GoStatus.RUNNING.code()) {
      throw fail(name() + " event for goroutine that's not Running",
          "creating goroutine is not running", "goroutine " + curG + " Running",
          goStatusName(creator.status));
    }
    long newG = ev.args[0];
    if (goroutines.containsKey(newG)) {
      throw fail("tried to create goroutine (" + newG + ") that already exists",
          "goroutine created twice", "a new goroutine id",
          "goroutine " + newG + " is " + goStatusName(goroutines.get(newG).status));
    }
    int status = ev.type == EventType.GO_CREATE_BLOCKED.wire() ? GoStatus.WAITING.code()
        : GoStatus.RUNNABLE.code();
    goroutines.put(newG, new GState(newG, status, gen));
    pushCurrent();
    return true;
  }

  /** The current goroutine's state, which must exist and be {@code want}. */
  private GState current(int want, String wantName) throws TraceValidationException {
    GState s = goroutines.get(curG);
    if (s == null) {
      throw fail("event " + name() + " for goroutine (" + curG + ") that doesn't exist",
          name() + " on a goroutine never seen", "goroutine " + curG + " " + wantName,
          "unknown goroutine");
    }
    if (s.status != want) {
      throw fail(name() + " event for goroutine that's not "
              + (want == GoStatus.SYSCALL.code() && ev.type == EventType.GO_DESTROY_SYSCALL.wire()
                  ? "Syscall" : "Running"),
          name() + " on a goroutine in the wrong state", "goroutine " + curG + " " + wantName,
          goStatusName(s.status));
    }
    return s;
  }

  private boolean goStopExec() throws TraceValidationException {
    requireUserGo();
    GState s = current(GoStatus.RUNNING.code(), "Running");
    if (ev.type == EventType.GO_DESTROY.wire()) {
      goroutines.remove(curG);
    } else if (ev.type == EventType.GO_STOP.wire()) {
      s.status = GoStatus.RUNNABLE.code();
    } else {
      s.status = GoStatus.WAITING.code();
    }
    nextG = NONE;
    pushCurrent();
    return true;
  }

  private boolean goStart() throws TraceValidationException {
    long gid = ev.args[0];
    long seq = ev.args[1];
    GState s = goroutines.get(gid);
    if (s == null || s.status != GoStatus.RUNNABLE.code() || !(s.seqGen == gen
        && seq == s.seq + 1)) {
      return notYet(() -> goroutineWait(gid, s, GoStatus.RUNNABLE.code(), seq));
    }
    requireContext(MUST, MUST, MUST_NOT);
    s.status = GoStatus.RUNNING.code();
    s.seqGen = gen;
    s.seq = seq;
    nextG = gid;
    pushCurrent();
    return true;
  }

  private String goroutineWait(long gid, GState s, int want, long seq) {
    if (s == null) {
      return "goroutine " + gid + " is not known yet";
    }
    if (s.status != want) {
      return "goroutine " + gid + " is " + goStatusName(s.status) + ", needs "
          + goStatusName(want);
    }
    return "g_seq " + Long.toUnsignedString(seq) + " is not next after " + seq(s.seqGen, s.seq);
  }

  private boolean goUnblock() {
    long gid = ev.args[0];
    long seq = ev.args[1];
    GState s = goroutines.get(gid);
    if (s == null || s.status != GoStatus.WAITING.code() || !(s.seqGen == gen
        && seq == s.seq + 1)) {
      return notYet(() -> goroutineWait(gid, s, GoStatus.WAITING.code(), seq));
    }
    s.status = GoStatus.RUNNABLE.code();
    s.seqGen = gen;
    s.seq = seq;
    pushCurrent();
    return true;
  }

  private boolean goSwitch() throws TraceValidationException {
    requireUserGo();
    GState cur = current(GoStatus.RUNNING.code(), "Running");
    long next = ev.args[0];
    long seq = ev.args[1];
    GState target = goroutines.get(next);
    if (target == null || target.status != GoStatus.WAITING.code()
        || !(target.seqGen == gen && seq == target.seq + 1)) {
      return notYet(() -> goroutineWait(next, target, GoStatus.WAITING.code(), seq));
    }
    pushCurrent();
    if (ev.type == EventType.GO_SWITCH.wire()) {
      cur.status = GoStatus.WAITING.code();
      push(EventType.GO_BLOCK.wire(), curM, curP, curG, 0, 0, 0, 0);
    } else {
      goroutines.remove(curG);
      push(EventType.GO_DESTROY.wire(), curM, curP, curG, 0, 0, 0, 0);
    }
    target.status = GoStatus.RUNNING.code();
    target.seqGen = gen;
    target.seq = seq;
    nextG = next;
    push(EventType.GO_START.wire(), curM, curP, NONE, next, ev.args[1], 0, 0);
    return true;
  }

  private boolean goSyscallBegin() throws TraceValidationException {
    requireUserGo();
    GState s = current(GoStatus.RUNNING.code(), "Running");
    s.status = GoStatus.SYSCALL.code();
    PState p = procs.get(curP);
    if (p == null) {
      throw fail("uninitialized proc " + curP + " found during " + name(),
          "proc without a status", "proc " + curP + " with a status", "none");
    }
    p.status = ProcStatus.SYSCALL.code();
    long seq = ev.args[0];
    if (!(p.seqGen == gen && seq == p.seq + 1)) {
      throw fail("failed to advance " + name() + ": can't make sequence: " + seq(p.seqGen, p.seq)
              + " -> " + seq(gen, seq),
          "p_seq is not the proc's next sequence number",
          "p_seq " + Long.toUnsignedString(p.seq + 1) + " in generation "
              + Long.toUnsignedString(gen) + " (proc " + curP + ")",
          seq(gen, seq) + " after " + seq(p.seqGen, p.seq));
    }
    p.seq = seq;
    pushCurrent();
    return true;
  }

  private boolean goSyscallEnd() throws TraceValidationException {
    requireUserGo();
    GState s = goroutines.get(curG);
    if (s == null) {
      throw fail("event " + name() + " for goroutine (" + curG + ") that doesn't exist",
          name() + " on a goroutine never seen", "goroutine " + curG + " Syscall",
          "unknown goroutine");
    }
    if (s.status != GoStatus.SYSCALL.code()) {
      throw fail(name() + " event for goroutine that's not Running",
          "syscall end of a goroutine not in a syscall", "goroutine " + curG + " Syscall",
          goStatusName(s.status));
    }
    s.status = GoStatus.RUNNING.code();
    PState p = procs.get(curP);
    if (p == null) {
      throw fail("uninitialized proc " + curP + " found during " + name(),
          "proc without a status", "proc " + curP + " with a status", "none");
    }
    if (p.status != ProcStatus.SYSCALL.code()) {
      throw fail("expected proc " + curP + " in state Syscall, but got "
              + procStatusName(p.status) + " instead",
          "syscall end on a proc not in a syscall", "proc " + curP + " Syscall",
          procStatusName(p.status));
    }
    p.status = ProcStatus.RUNNING.code();
    pushCurrent();
    return true;
  }

  private boolean goSyscallEndBlocked() throws TraceValidationException {
    if (curP != NONE) {
      PState p = procs.get(curP);
      if (p == null) {
        throw fail("uninitialized proc " + curP + " found during " + name(),
            "proc without a status", "proc " + curP + " with a status", "none");
      }
      if (p.status == ProcStatus.SYSCALL.code()) {
        return notYet(() -> "proc " + curP + " is still in the syscall (not stopped or stolen)");
      }
    }
    requireContext(MUST, MAY, MUST);
    GState s = goroutines.get(curG);
    if (s == null) {
      throw fail("event " + name() + " for goroutine (" + curG + ") that doesn't exist",
          name() + " on a goroutine never seen", "goroutine " + curG + " Syscall",
          "unknown goroutine");
    }
    if (s.status != GoStatus.SYSCALL.code()) {
      throw fail(name() + " event for goroutine that's not Running",
          "syscall end of a goroutine not in a syscall", "goroutine " + curG + " Syscall",
          goStatusName(s.status));
    }
    nextG = NONE;
    s.status = GoStatus.RUNNABLE.code();
    pushCurrent();
    return true;
  }

  private boolean goCreateSyscall() throws TraceValidationException {
    requireContext(MUST, MAY, MUST_NOT);
    long newG = ev.args[0];
    if (goroutines.containsKey(newG)) {
      throw fail("tried to create goroutine (" + newG + ") in syscall that already exists",
          "goroutine created twice", "a new goroutine id",
          "goroutine " + newG + " is " + goStatusName(goroutines.get(newG).status));
    }
    goroutines.put(newG, new GState(newG, GoStatus.SYSCALL.code(), gen));
    nextG = newG;
    pushCurrent();
    return true;
  }

  private boolean goDestroySyscall() throws TraceValidationException {
    requireContext(MUST, MAY, MUST);
    current(GoStatus.SYSCALL.code(), "Syscall");
    goroutines.remove(curG);
    nextG = NONE;
    if (curP != NONE) {
      PState p = procs.get(curP);
      if (p == null) {
        throw fail("found invalid proc " + curP + " during " + name(), "proc without a status",
            "proc " + curP + " with a status", "none");
      }
      if (p.status != ProcStatus.SYSCALL.code()) {
        throw fail("proc " + curP + " in unexpected state " + procStatusName(p.status)
                + " during " + name(),
            "the thread's proc is not in a syscall", "proc " + curP + " Syscall",
            procStatusName(p.status));
      }
      p.status = ProcStatus.SYSCALL_ABANDONED.code();
      nextP = NONE;
      // The thread id may be reused, so the proc is given up here: a self-steal.
      push(EventType.PROC_STEAL.wire(), curM, curP, curG, curP, 0, 0,
          ProcStatus.SYSCALL.code());
    }
    pushCurrent();
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // Tasks and regions.

  private boolean taskBegin() throws TraceValidationException {
    long id = ev.args[0];
    if (activeTasks.containsKey(id)) {
      throw fail("task ID conflict: " + Long.toUnsignedString(id), "task begun twice",
          "task " + Long.toUnsignedString(id) + " not active", "it is active");
    }
    long parent = ev.args[1];
    if (parent == 0) {
      // 0 here means "no parent", not the background task.
      parent = Task.NO_TASK;
      ev.args[1] = Task.NO_TASK;
    }
    long nameId = ev.args[2];
    if (!table.hasString(nameId)) {
      throw fail("invalid string ID " + Long.toUnsignedString(nameId) + " for " + ev.type
              + " event",
          "task name is not in the generation's string table",
          "a string id of generation " + Long.toUnsignedString(gen),
          "id " + Long.toUnsignedString(nameId));
    }
    activeTasks.put(id, new ActiveTask(table.string(nameId), parent));
    requireUserGo();
    pushCurrent();
    return true;
  }

  private boolean taskEnd() throws TraceValidationException {
    long id = ev.args[0];
    ActiveTask task = activeTasks.remove(id);
    if (task != null) {
      ev.args[2] = task.parent;
      ev.args[3] = table.addExtraString(task.name);
    } else {
      ev.args[2] = Task.NO_TASK;
      ev.args[3] = table.addExtraString("");
    }
    requireUserGo();
    pushCurrent();
    return true;
  }

  private boolean region(boolean begin) throws TraceValidationException {
    requireUserGo();
    long task = ev.args[0];
    long nameId = ev.args[1];
    if (!table.hasString(nameId)) {
      throw fail("invalid string ID " + Long.toUnsignedString(nameId) + " for " + ev.type
              + " event",
          "region name is not in the generation's string table",
          "a string id of generation " + Long.toUnsignedString(gen),
          "id " + Long.toUnsignedString(nameId));
    }
    String regionName = table.string(nameId);
    GState s = goroutines.get(curG);
    if (s == null) {
      throw fail("encountered " + (begin ? "EvUserRegionBegin" : "EvUserRegionEnd")
              + " without known state for current goroutine " + curG,
          "region on a goroutine never seen", "goroutine " + curG + " known", "unknown");
    }
    if (begin) {
      s.regions.add(new UserRegion(task, regionName));
    } else if (!s.regions.isEmpty()) {
      UserRegion inner = s.regions.get(s.regions.size() - 1);
      if (!inner.matches(task, regionName)) {
        UserRegion end = new UserRegion(task, regionName);
        throw fail("misuse of region in goroutine " + curG + ": region end " + end
                + " when the inner-most active region start event is " + inner,
            "region end does not match the innermost open region",
            "task " + Long.toUnsignedString(inner.task) + " region \""
                + ByteStrings.text(inner.name) + "\"",
            "task " + Long.toUnsignedString(task) + " region \"" + ByteStrings.text(regionName)
                + "\"");
      }
      s.regions.remove(s.regions.size() - 1);
    }
    pushCurrent();
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // GC and ranges.

  private static final String[] GC_STATE = {"Undetermined", "NotRunning", "Running"};

  private boolean gcActive() throws TraceValidationException {
    long seq = ev.args[0];
    if (gen == initialGen) {
      if (gcState != GC_UNDETERMINED) {
        throw fail("GCActive in the first generation isn't first GC event",
            "GCActive after other GC events in the first generation",
            "GCActive as the first GC event", "GC " + GC_STATE[gcState]);
      }
      gcSeq = seq;
      gcState = GC_RUNNING;
      pushCurrent();
      return true;
    }
    if (seq != gcSeq + 1) {
      return notYet(() -> "gc_seq " + Long.toUnsignedString(seq) + " is not next after "
          + Long.toUnsignedString(gcSeq));
    }
    if (gcState != GC_RUNNING) {
      throw fail("encountered GCActive while GC was not in progress", "GCActive without a GC",
          "a GC in progress", "GC " + GC_STATE[gcState]);
    }
    gcSeq = seq;
    requireUserGo();
    pushCurrent();
    return true;
  }

  private boolean gcBegin() throws TraceValidationException {
    long seq = ev.args[0];
    if (gcState == GC_UNDETERMINED) {
      gcSeq = seq;
      gcState = GC_RUNNING;
      pushCurrent();
      return true;
    }
    if (seq != gcSeq + 1) {
      return notYet(() -> "gc_seq " + Long.toUnsignedString(seq) + " is not next after "
          + Long.toUnsignedString(gcSeq));
    }
    if (gcState == GC_RUNNING) {
      throw fail("encountered GCBegin while GC was already in progress", "GC begun twice",
          "no GC in progress", "GC Running");
    }
    gcSeq = seq;
    gcState = GC_RUNNING;
    requireUserGo();
    pushCurrent();
    return true;
  }

  private boolean gcEnd() throws TraceValidationException {
    long seq = ev.args[0];
    if (seq != gcSeq + 1) {
      return notYet(() -> "gc_seq " + Long.toUnsignedString(seq) + " is not next after "
          + Long.toUnsignedString(gcSeq));
    }
    if (gcState == GC_NOT_RUNNING) {
      throw fail("encountered GCEnd when GC was not in progress", "GCEnd without a GC",
          "a GC in progress", "GC NotRunning");
    }
    if (gcState == GC_UNDETERMINED) {
      throw fail("encountered GCEnd when GC was in an undetermined state",
          "GCEnd before any GCBegin or GCActive", "a GC in progress", "GC Undetermined");
    }
    gcSeq = seq;
    gcState = GC_NOT_RUNNING;
    requireUserGo();
    pushCurrent();
    return true;
  }

  private boolean annotation() throws TraceValidationException {
    requireUserGo();
    pushCurrent();
    return true;
  }

  private boolean heapMetric() throws TraceValidationException {
    requireContext(MUST, MUST, MAY);
    pushCurrent();
    return true;
  }

  private boolean allocFree() throws TraceValidationException {
    requireContext(MUST, MAY, MAY);
    pushCurrent();
    return true;
  }

  private RangeType rangeType(long desc) {
    EventType t = EventType.ofWire(ev.type);
    EventType start = t.startedBy();
    return new RangeType(start == null ? t.wire() : start.wire(), desc);
  }

  private void beginRange(Ranges r, RangeType type) throws TraceValidationException {
    if (r.has(type)) {
      String begin = EventType.ofWire(type.type).goName();
      throw fail("discovered event already in-flight for when starting event " + begin,
          "range begun while already in flight", "no " + begin + " range open", "one is open");
    }
    r.inFlight.add(type);
  }

  private void activeRange(Ranges r, RangeType type, String owner)
      throws TraceValidationException {
    if (gen == initialGen) {
      if (r.has(type)) {
        throw fail("found named active range already in first gen: " + type,
            "range reported active twice in the first generation", "one report per range",
            "another");
      }
      r.inFlight.add(type);
    } else if (!r.has(type)) {
      String begin = EventType.ofWire(type.type).goName();
      throw fail("resource is missing active range: " + begin + " " + goList(r.inFlight),
          "range reported active but never begun", owner + " with an open " + begin + " range",
          "open ranges " + goList(r.inFlight));
    }
  }

  /** Go's {@code %v} of a slice: elements separated by spaces, in brackets. */
  private static String goList(List<RangeType> list) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < list.size(); i++) {
      s.append(i == 0 ? "" : " ").append(list.get(i));
    }
    return s.append(']').toString();
  }

  /** Ends the range begun by the current event's start type; returns its description id. */
  private long endRange(Ranges r) throws TraceValidationException {
    int start = EventType.ofWire(ev.type).startedBy().wire();
    int index = -1;
    for (int i = 0; i < r.inFlight.size(); i++) {
      if (r.inFlight.get(i).type == start) {
        index = i;
        break;
      }
    }
    if (index < 0) {
      String begin = EventType.ofWire(start).goName();
      throw fail("tried to end event " + begin + ", but not in-flight",
          name() + " without an open range", "an open " + begin + " range", "none");
    }
    long desc = r.inFlight.get(index).desc;
    int last = r.inFlight.size() - 1;
    r.inFlight.set(index, r.inFlight.get(last));
    r.inFlight.remove(last);
    return desc;
  }

  private boolean sweepBegin() throws TraceValidationException {
    requireContext(MUST, MUST, MAY);
    beginRange(procs.get(curP), rangeType(0));
    pushCurrent();
    return true;
  }

  private boolean sweepActive() throws TraceValidationException {
    long pid = ev.args[0];
    PState p = procs.get(pid);
    if (p == null) {
      throw fail("encountered GCSweepActive for unknown proc " + pid,
          "GCSweepActive for a proc never seen", "proc " + pid + " with a status", "none");
    }
    activeRange(p, rangeType(0), "proc " + pid);
    pushCurrent();
    return true;
  }

  private boolean sweepEnd() throws TraceValidationException {
    requireContext(MUST, MUST, MAY);
    endRange(procs.get(curP));
    pushCurrent();
    return true;
  }

  private boolean goRangeBegin() throws TraceValidationException {
    requireUserGo();
    long desc = ev.type == EventType.STW_BEGIN.wire() ? ev.args[0] : 0;
    GState s = goroutines.get(curG);
    if (s == null) {
      throw fail("encountered event of type " + ev.type
              + " without known state for current goroutine " + curG,
          "range on a goroutine never seen", "goroutine " + curG + " known", "unknown");
    }
    beginRange(s, rangeType(desc));
    pushCurrent();
    return true;
  }

  private boolean goRangeActive() throws TraceValidationException {
    long gid = ev.args[0];
    GState s = goroutines.get(gid);
    if (s == null) {
      throw fail("uninitialized goroutine " + gid + " found during " + name(),
          name() + " for a goroutine never seen", "goroutine " + gid + " known", "unknown");
    }
    activeRange(s, rangeType(0), "goroutine " + gid);
    pushCurrent();
    return true;
  }

  private boolean goRangeEnd() throws TraceValidationException {
    requireUserGo();
    GState s = goroutines.get(curG);
    if (s == null) {
      throw fail("encountered event of type " + ev.type
              + " without known state for current goroutine " + curG,
          "range on a goroutine never seen", "goroutine " + curG + " known", "unknown");
    }
    long desc = endRange(s);
    if (ev.type == EventType.STW_END.wire()) {
      // Carry the kind of the stop-the-world into its end.
      ev.args[0] = desc;
    }
    pushCurrent();
    return true;
  }
}
