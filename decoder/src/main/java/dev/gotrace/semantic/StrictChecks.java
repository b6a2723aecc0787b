package dev.gotrace.semantic;

import dev.gotrace.semantic.TraceValidationException.Stage;
import dev.gotrace.spec.TraceVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of Go's test validator ({@code internal/trace/testtrace.Validator}) on the delivered
 * event stream, configured as Go's reader tests configure it: strictly increasing times, sync
 * numbering and (go 1.25+) clock snapshots, complete stack frames, a model of which thread runs
 * which goroutine and proc (no thread runs two at once, nothing stops that is not running, no
 * undetermined state after the first generation), ranges begun once and ended once, and tasks
 * whose end matches their beginning. All problems of one event are reported together, as Go joins
 * them.
 */
final class StrictChecks {
  private static final long NONE = -1;

  /** What a thread runs, in the validator's own model. */
  private static final class Binding {
    final long thread;
    long proc = NONE;
    long goroutine = NONE;

    Binding(long thread) {
      this.thread = thread;
    }
  }

  private static final class Resource {
    int state;
    Binding binding;

    Resource(int state) {
      this.state = state;
    }
  }

  private final int version;
  private long lastTime;
  private final Map<Long, Resource> goroutines = new HashMap<>();
  private final Map<Long, Resource> procs = new HashMap<>();
  private final Map<Long, Binding> threads = new HashMap<>();
  private final Map<ResourceId, List<String>> ranges = new HashMap<>();
  private final Map<Long, String> tasks = new HashMap<>();
  private int lastSyncN;
  private ClockSnapshot lastSnapshot;

  private List<String> errors;
  private List<String> details;

  StrictChecks(TraceVersion version) {
    this.version = version.number();
  }

  /** The problems of this event, or {@code null}. */
  TraceValidationException check(ParsedEvent e) {
    errors = null;
    details = null;
    if (lastTime != 0) {
      if (e.time() <= lastTime) {
        error("timestamp out-of-order (want > " + lastTime + ") for " + e,
            "time " + e.time() + " after " + lastTime);
      } else {
        lastTime = e.time();
      }
    } else {
      lastTime = e.time();
    }
    if (e.hasStack()) {
      checkFrames(e, e.stackId());
    }
    switch (e.kind()) {
      case SYNC:
        sync(e);
        break;
      case LABEL: {
        Label l = e.label();
        if (l.label().isEmpty()) {
          error("invalid label \"\"", "a label must not be empty");
        }
        if (!goroutines.containsKey(l.resource().id())) {
          error("label for invalid goroutine " + l.resource().id(),
              "label for goroutine " + l.resource().id() + ", never seen in a transition");
        }
        break;
      }
      case STATE_TRANSITION:
        transition(e);
        break;
      case RANGE_BEGIN:
      case RANGE_ACTIVE:
      case RANGE_END:
        range(e);
        break;
      case TASK_BEGIN: {
        Task t = e.task();
        if (t.id() == Task.NO_TASK || t.id() == 0) {
          error("found invalid task ID for task of type " + t.type(),
              "task id " + Long.toUnsignedString(t.id()) + " is reserved");
        }
        if (t.parent() == 0) {
          error("found background task as the parent for task of type " + t.type(),
              "task parent 0 (the background task)");
        }
        tasks.put(t.id(), e.taskType());
        break;
      }
      case TASK_END: {
        long id = e.args[0];
        String begun = tasks.get(id);
        if (begun != null) {
          String type = e.taskType();
          if (!type.equals(begun)) {
            error("task end type " + quote(type) + " doesn't match task start type "
                    + quote(begun) + " for task " + Long.toUnsignedString(id),
                "task " + Long.toUnsignedString(id) + " ends with another type than it began");
          }
          tasks.remove(id);
        }
        break;
      }
      default:
        break;
    }
    if (errors == null) {
      return null;
    }
    return Problems.of(Stage.VALIDATOR, e.position(), SemanticReader.contextOf(e),
        String.join("\n", errors), "Go's test validator rejects the event: "
            + String.join("; ", details), null, null);
  }

  private void error(String go, String detail) {
    if (errors == null) {
      errors = new ArrayList<>(2);
      details = new ArrayList<>(2);
    }
    errors.add(go);
    details.add(detail);
  }

  private static String quote(String byteString) {
    return dev.gotrace.text.GoQuote.quote(ByteStrings.bytes(byteString));
  }

  /** Every frame but the first must have a pc, function, file and line. */
  private void checkFrames(ParsedEvent e, long stackId) {
    if (stackId == 0) {
      return;
    }
    GenerationTables t = e.tables;
    long[] pcs = t.stack(stackId);
    for (int i = 1; i < pcs.length; i++) {
      GenerationTables.Frame f = t.frame(pcs[i]);
      String func = t.string(f.funcId);
      String file = t.string(f.fileId);
      if (func.isEmpty() || file.isEmpty() || f.pc == 0 || f.line == 0) {
        error("invalid stack frame trace.StackFrame{PC:0x" + Long.toHexString(f.pc) + ", Func:"
                + quote(func) + ", File:" + quote(file) + ", Line:0x" + Long.toHexString(f.line)
                + "}: missing information",
            "stack frame " + i + " lacks a pc, function, file or line");
      }
    }
  }

  private void sync(ParsedEvent e) {
    int n = (int) e.args[0];
    ClockSnapshot c = e.clockSnapshot();
    if (n != lastSyncN + 1) {
      error("sync count is not sequential: expected " + (lastSyncN + 1) + ", got " + n,
          "sync " + n + " after sync " + lastSyncN);
    }
    // Go's reader ends the trace with a Sync that carries no snapshot; only that one is exempt.
    if (version >= 25 && !(n > 1 && c == null)) {
      if (c == null) {
        error("sync " + n + " has no clock snapshot", "a go 1." + version
            + " generation needs a ClockSnapshot");
      } else {
        if (GoTime.isZero(c)) {
          error("sync " + n + " has zero wall time", "the clock snapshot's wall time is zero");
        }
        if (c.mono() == 0) {
          error("sync " + n + " has zero mono time", "the clock snapshot's mono time is zero");
        }
        if (c.trace() == 0) {
          error("sync " + n + " has zero trace time", "the clock snapshot's trace time is zero");
        }
        if (n >= 2 && lastSnapshot != null) {
          if (!GoTime.after(c, lastSnapshot)) {
            error("sync " + n + " has non-increasing wall time: "
                    + GoTime.goString(c.wallSeconds(), c.wallNanos()) + " vs "
                    + GoTime.goString(lastSnapshot.wallSeconds(), lastSnapshot.wallNanos()),
                "wall time does not increase from the previous generation");
          }
          if (Long.compareUnsigned(c.mono(), lastSnapshot.mono()) <= 0) {
            error("sync " + n + " has non-increasing mono time: "
                    + Long.toUnsignedString(c.mono()) + " vs "
                    + Long.toUnsignedString(lastSnapshot.mono()),
                "mono time does not increase from the previous generation");
          }
          if (c.trace() <= lastSnapshot.trace()) {
            error("sync " + n + " has non-increasing trace time: " + c.trace() + " vs "
                    + lastSnapshot.trace(),
                "trace time does not increase from the previous generation");
          }
        }
      }
    }
    lastSyncN = n;
    lastSnapshot = c;
  }

  private Binding thread(long m) {
    if (m == NONE) {
      error("must have thread, but thread ID is none",
          "an executing goroutine or proc needs a thread");
      return null;
    }
    return threads.computeIfAbsent(m, Binding::new);
  }

  private boolean hasAnyRange(ResourceId r) {
    List<String> list = ranges.get(r);
    return list != null && !list.isEmpty();
  }

  private void transition(ParsedEvent e) {
    ParsedEvent.Transition t = e.transition();
    if (t.hasStack) {
      checkFrames(e, t.stackId);
    }
    if (t.goroutine) {
      goroutine(e, t);
    } else {
      proc(e, t);
    }
  }

  private void goroutine(ParsedEvent e, ParsedEvent.Transition t) {
    long id = t.id;
    GoState from = GoState.values()[t.from];
    GoState to = GoState.values()[t.to];
    if (to == GoState.UNDETERMINED) {
      error("transition to undetermined state for goroutine " + id,
          "goroutine " + id + " goes to Undetermined (status 0?)");
    }
    if (lastSyncN > 1 && from == GoState.UNDETERMINED) {
      error("undetermined goroutine " + id + " after first global sync",
          "goroutine " + id + " first seen after the first generation");
    }
    if (to == GoState.NOT_EXIST && hasAnyRange(ResourceId.goroutine(id))) {
      error("goroutine " + id + " died with active ranges",
          "goroutine " + id + " ends with ranges " + ranges.get(ResourceId.goroutine(id)));
    }
    Resource state = goroutines.get(id);
    if (state != null) {
      if (from.ordinal() != state.state) {
        error("bad old state for goroutine " + id + ": got " + from.goName() + ", want "
                + GoState.goName(state.state),
            "goroutine " + id + " leaves " + from.goName() + " but is "
                + GoState.goName(state.state));
      }
      state.state = to.ordinal();
    } else {
      if (from != GoState.UNDETERMINED && from != GoState.NOT_EXIST) {
        error("bad old state for unregistered goroutine " + id + ": " + from.goName(),
            "goroutine " + id + " first seen leaving " + from.goName());
      }
      state = new Resource(to.ordinal());
      goroutines.put(id, state);
    }
    if (to.executing()) {
      Binding b = thread(e.thread);
      if (b != null) {
        if (b.goroutine != NONE && b.goroutine != id) {
          error("tried to run goroutine " + id + " when one was already executing ("
                  + b.goroutine + ") on thread " + e.thread,
              "thread " + e.thread + " already runs goroutine " + b.goroutine);
        }
        b.goroutine = id;
        state.binding = b;
      }
    } else if (from.executing()) {
      if (t.hasStack != e.hasStack() || (t.hasStack && t.stackId != e.stackId())) {
        error("StateTransition.Stack doesn't match Event.Stack",
            "the transition's stack is not the event's");
      }
      Binding b = state.binding;
      if (b != null) {
        if (b.goroutine != id) {
          error("tried to stop goroutine " + id + " when it wasn't currently executing "
                  + "(currently executing " + b.goroutine + ") on thread " + e.thread,
              "thread " + b.thread + " runs goroutine " + b.goroutine + ", not " + id);
        }
        b.goroutine = NONE;
        state.binding = null;
      } else {
        error("stopping goroutine " + id + " not bound to any active context",
            "goroutine " + id + " stops but no thread runs it");
      }
    }
  }

  private void proc(ParsedEvent e, ParsedEvent.Transition t) {
    long id = t.id;
    ProcState from = ProcState.values()[t.from];
    ProcState to = ProcState.values()[t.to];
    if (to == ProcState.UNDETERMINED) {
      error("transition to undetermined state for proc " + id,
          "proc " + id + " goes to Undetermined (status 0?)");
    }
    if (lastSyncN > 1 && from == ProcState.UNDETERMINED) {
      error("undetermined proc " + id + " after first global sync",
          "proc " + id + " first seen after the first generation");
    }
    if (to == ProcState.NOT_EXIST && hasAnyRange(ResourceId.proc(id))) {
      error("proc " + id + " died with active ranges", "proc " + id + " ends with open ranges");
    }
    Resource state = procs.get(id);
    if (state != null) {
      if (from.ordinal() != state.state) {
        error("bad old state for proc " + id + ": got " + from.goName() + ", want "
                + ProcState.goName(state.state),
            "proc " + id + " leaves " + from.goName() + " but is "
                + ProcState.goName(state.state));
      }
      state.state = to.ordinal();
    } else {
      if (from != ProcState.UNDETERMINED && from != ProcState.NOT_EXIST) {
        error("bad old state for unregistered proc " + id + ": " + from.goName(),
            "proc " + id + " first seen leaving " + from.goName());
      }
      state = new Resource(to.ordinal());
      procs.put(id, state);
    }
    if (to.executing()) {
      Binding b = thread(e.thread);
      if (b != null) {
        if (b.proc != NONE && b.proc != id) {
          error("tried to run proc " + id + " when one was already executing (" + b.proc
                  + ") on thread " + e.thread,
              "thread " + e.thread + " already runs proc " + b.proc);
        }
        b.proc = id;
        state.binding = b;
      }
    } else if (from.executing()) {
      Binding b = state.binding;
      if (b != null) {
        if (b.proc != id) {
          error("tried to stop proc " + id + " when it wasn't currently executing "
                  + "(currently executing " + b.proc + ") on thread " + b.thread,
              "thread " + b.thread + " runs proc " + b.proc + ", not " + id);
        }
        b.proc = NONE;
        state.binding = null;
      } else {
        error("stopping proc " + id + " not bound to any active context",
            "proc " + id + " stops but no thread runs it");
      }
    }
  }

  private void range(ParsedEvent e) {
    String name = e.rangeName();
    ResourceId scope = e.rangeScope();
    List<String> list = ranges.get(scope);
    boolean has = list != null && list.contains(name);
    switch (e.kind()) {
      case RANGE_BEGIN:
        if (has) {
          error("already active range " + quote(name) + " on " + scope + " begun again",
              "range " + ByteStrings.text(name) + " begun twice on " + scope);
        }
        ranges.computeIfAbsent(scope, k -> new ArrayList<>()).add(name);
        break;
      case RANGE_ACTIVE:
        if (!has) {
          ranges.computeIfAbsent(scope, k -> new ArrayList<>()).add(name);
        }
        break;
      default:
        if (!has) {
          error("inactive range " + quote(name) + " on " + scope + " ended",
              "range " + ByteStrings.text(name) + " ended on " + scope + " but not active");
        }
        if (list != null) {
          list.remove(name);
        }
        break;
    }
  }
}
