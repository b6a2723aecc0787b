package dev.gotrace.kit.events;

import dev.gotrace.kit.events.Json.UnsignedLong;
import dev.gotrace.semantic.ClockSnapshot;
import dev.gotrace.semantic.EventKind;
import dev.gotrace.semantic.ExperimentalBatch;
import dev.gotrace.semantic.ExperimentalEvent;
import dev.gotrace.semantic.GoState;
import dev.gotrace.semantic.Label;
import dev.gotrace.semantic.Log;
import dev.gotrace.semantic.Metric;
import dev.gotrace.semantic.ParsedEvent;
import dev.gotrace.semantic.ProcState;
import dev.gotrace.semantic.Range;
import dev.gotrace.semantic.RangeAttribute;
import dev.gotrace.semantic.Region;
import dev.gotrace.semantic.ResourceId;
import dev.gotrace.semantic.Stack;
import dev.gotrace.semantic.StackFrame;
import dev.gotrace.semantic.StateTransition;
import dev.gotrace.semantic.SyncInfo;
import dev.gotrace.semantic.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical event form, version {@value #FORMAT}: one JSON object per high-level event, built
 * from the semantic reader's {@link ParsedEvent} accessors (never from the wire), so it carries
 * exactly what Go's {@code trace.Event} API exposes. See docs/CONFORMANCE.md for the field list.
 *
 * <p>Every line has {@code kind} (Go's {@code EventKind} name), {@code time} (ns), {@code m},
 * {@code p}, {@code g} (-1 for none) and, where the event has one, {@code stack} (leaf first);
 * then the fields of its kind. Integers that Go types as {@code uint64} are written unsigned.
 */
public final class CanonicalEvents {
  /** The name and version of the form; a suite's manifest states it. */
  public static final String FORMAT = "gotrace-events/1";

  private CanonicalEvents() {}

  /** The event as a JSON object with members in the documented order. */
  public static Map<String, Object> toJson(ParsedEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    EventKind kind = e.kind();
    m.put("kind", kind.goName());
    m.put("time", e.time());
    m.put("m", e.thread());
    m.put("p", e.proc());
    m.put("g", e.goroutine());
    switch (kind) {
      case SYNC:
        sync(m, e.sync());
        break;
      case METRIC: {
        Metric x = e.metric();
        m.put("name", x.name());
        m.put("value", new UnsignedLong(x.value()));
        break;
      }
      case LABEL: {
        Label x = e.label();
        m.put("label", x.label());
        m.put("resource", resource(x.resource()));
        break;
      }
      case RANGE_BEGIN:
      case RANGE_ACTIVE:
      case RANGE_END: {
        Range x = e.range();
        m.put("name", x.name());
        m.put("scope", resource(x.scope()));
        if (kind == EventKind.RANGE_END) {
          List<Object> attrs = new ArrayList<>();
          for (RangeAttribute a : x.attributes()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", a.name());
            o.put("value", new UnsignedLong(a.value()));
            attrs.add(o);
          }
          m.put("attributes", attrs);
        }
        break;
      }
      case TASK_BEGIN:
      case TASK_END: {
        Task x = e.task();
        m.put("id", new UnsignedLong(x.id()));
        m.put("parent", new UnsignedLong(x.parent()));
        m.put("type", x.type());
        break;
      }
      case REGION_BEGIN:
      case REGION_END: {
        Region x = e.region();
        m.put("task", new UnsignedLong(x.task()));
        m.put("type", x.type());
        break;
      }
      case LOG: {
        Log x = e.log();
        m.put("task", new UnsignedLong(x.task()));
        m.put("category", x.category());
        m.put("message", x.message());
        break;
      }
      case STATE_TRANSITION:
        transition(m, e.stateTransition());
        break;
      case EXPERIMENTAL: {
        ExperimentalEvent x = e.experimental();
        m.put("name", x.name());
        m.put("experiment", x.experiment());
        Map<String, Object> args = new LinkedHashMap<>();
        long[] values = x.values();
        for (int i = 0; i < values.length; i++) {
          args.put(x.argNames().get(i), new UnsignedLong(values[i]));
        }
        m.put("args", args);
        break;
      }
      default:
        break;
    }
    Stack stack = e.stack();
    if (!stack.isEmpty()) {
      m.put("stack", frames(stack));
    }
    return m;
  }

  /** The event as one line of JSON (no newline). */
  public static String toLine(ParsedEvent e) {
    return Json.write(toJson(e));
  }

  private static void sync(Map<String, Object> m, SyncInfo s) {
    m.put("n", s.n());
    ClockSnapshot c = s.clockSnapshot();
    if (c != null) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("trace", c.trace());
      o.put("wall_sec", c.wallSeconds());
      o.put("wall_nsec", c.wallNanos());
      o.put("mono", new UnsignedLong(c.mono()));
      m.put("clock_snapshot", o);
    }
    if (!s.experimentalBatches().isEmpty()) {
      // Sorted by experiment name: the reader's map has no order of its own.
      Map<String, Object> batches = new java.util.TreeMap<>();
      for (Map.Entry<String, List<ExperimentalBatch>> b : s.experimentalBatches().entrySet()) {
        List<Object> list = new ArrayList<>();
        for (ExperimentalBatch x : b.getValue()) {
          Map<String, Object> o = new LinkedHashMap<>();
          o.put("thread", x.thread());
          o.put("size", x.data().length);
          list.add(o);
        }
        batches.put(b.getKey(), list);
      }
      m.put("experimental_batches", batches);
    }
  }

  private static void transition(Map<String, Object> m, StateTransition t) {
    m.put("resource", t.resource().kind().goName());
    m.put("id", t.resource().id());
    boolean g = t.isGoroutine();
    m.put("from", stateName(g, t.fromOrdinal()));
    m.put("to", stateName(g, t.toOrdinal()));
    m.put("reason", t.reason());
    if (!t.stack().isEmpty()) {
      m.put("transition_stack", frames(t.stack()));
    }
  }

  /** Go's state name; "Bad" for a number Go's state type has no name for, as Go prints it. */
  private static String stateName(boolean goroutine, int ordinal) {
    if (goroutine) {
      GoState[] all = GoState.values();
      return ordinal >= 0 && ordinal < all.length ? all[ordinal].goName() : "Bad";
    }
    ProcState[] all = ProcState.values();
    return ordinal >= 0 && ordinal < all.length ? all[ordinal].goName() : "Bad";
  }

  private static Object resource(ResourceId r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("kind", r.kind().goName());
    o.put("id", r.id());
    return o;
  }

  private static List<Object> frames(Stack s) {
    List<Object> out = new ArrayList<>();
    for (StackFrame f : s.frames()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("pc", new UnsignedLong(f.pc()));
      o.put("func", f.function());
      o.put("file", f.file());
      o.put("line", new UnsignedLong(f.line()));
      out.add(o);
    }
    return out;
  }
}
