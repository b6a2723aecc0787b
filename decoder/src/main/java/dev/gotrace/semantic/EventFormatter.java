package dev.gotrace.semantic;

import dev.gotrace.spec.EventType;
import dev.gotrace.text.GoQuote;

/**
 * Go's {@code Event.String()}, byte for byte: what {@code go tool trace -d=parsed} prints for each
 * event. Go formats trace strings with two verbs: {@code %q} (labels, names, types, reasons), which
 * escapes every byte that is not UTF-8 as {@code \xHH} ({@link GoQuote}), and {@code %s} (a stack
 * frame's function and file), which copies the bytes as they are, UTF-8 or not. So the result is a
 * byte string ({@link ByteStrings}): the quoted parts as their UTF-8, the frame names as their
 * bytes.
 */
final class EventFormatter {
  private EventFormatter() {}

  /** The bytes Go's {@code Event.String()} returns, as a byte string. */
  static String format(ParsedEvent e) {
    StringBuilder s = new StringBuilder(96);
    EventKind kind = e.kind();
    s.append("M=").append(e.thread).append(" P=").append(e.proc).append(" G=")
        .append(e.goroutine).append(' ').append(kind.goName()).append(" Time=").append(e.time());
    switch (kind) {
      case METRIC:
        s.append(" Name=");
        quote(s, e.metricName());
        s.append(" Value=");
        value(s, e.args[0]);
        break;
      case LABEL:
        s.append(" Label=");
        quote(s, e.tables.string(e.args[0]));
        s.append(" Resource=").append(ResourceId.goroutine(e.goroutine));
        break;
      case RANGE_BEGIN:
      case RANGE_ACTIVE:
      case RANGE_END:
        s.append(" Name=");
        quote(s, e.rangeName());
        s.append(" Scope=").append(e.rangeScope());
        if (kind == EventKind.RANGE_END) {
          s.append(" Attributes=[");
          if (e.type == EventType.GC_SWEEP_END.wire()) {
            s.append("\"bytes swept\"=");
            value(s, e.args[0]);
            s.append(" \"bytes reclaimed\"=");
            value(s, e.args[1]);
          }
          s.append(']');
        }
        break;
      case TASK_BEGIN:
      case TASK_END:
        s.append(" ID=").append(Long.toUnsignedString(e.args[0])).append(" Parent=")
            .append(Long.toUnsignedString(e.taskParent())).append(" Type=");
        quote(s, e.taskType());
        break;
      case REGION_BEGIN:
      case REGION_END:
        s.append(" Task=").append(Long.toUnsignedString(e.args[0])).append(" Type=");
        quote(s, e.tables.string(e.args[1]));
        break;
      case LOG:
        s.append(" Task=").append(Long.toUnsignedString(e.args[0])).append(" Category=");
        quote(s, e.tables.string(e.args[1]));
        s.append(" Message=");
        quote(s, e.tables.string(e.args[2]));
        break;
      case STATE_TRANSITION: {
        ParsedEvent.Transition t = e.transition();
        if (t.goroutine) {
          s.append(" GoID=").append(t.id).append(' ').append(GoState.goName(t.from)).append("->")
              .append(GoState.goName(t.to));
        } else {
          s.append(" ProcID=").append(t.id).append(' ').append(ProcState.goName(t.from))
              .append("->").append(ProcState.goName(t.to));
        }
        s.append(" Reason=");
        quote(s, t.reason);
        if (t.hasStack) {
          s.append("\nTransitionStack=\n");
          frames(s, e, t.stackId);
        }
        break;
      }
      case EXPERIMENTAL: {
        EventType t = EventType.ofWire(e.type);
        s.append(" Name=").append(t.goName()).append(" Args=[");
        for (int i = 1; i < t.argCount(); i++) {
          if (i > 1) {
            s.append(", ");
          }
          s.append(t.args().get(i).name()).append('=');
          value(s, e.args[i - 1]);
        }
        s.append(']');
        break;
      }
      case SYNC: {
        s.append(" N=").append(e.args[0]);
        ClockSnapshot c = e.clockSnapshot();
        if (c != null) {
          s.append(" Trace=").append(c.trace()).append(" Mono=")
              .append(Long.toUnsignedString(c.mono())).append(" Wall=")
              .append(GoTime.rfc3339Nano(c.wallSeconds(), c.wallNanos()));
        }
        break;
      }
      default:
        break;
    }
    if (e.hasStack()) {
      s.append("\nStack=\n");
      frames(s, e, e.stackId());
    }
    return s.toString();
  }

  private static void frames(StringBuilder s, ParsedEvent e, long stackId) {
    if (stackId == 0) {
      return;
    }
    GenerationTables t = e.tables;
    for (long pc : t.stack(stackId)) {
      GenerationTables.Frame f = t.frame(pc);
      // %s: the bytes as they are.
      s.append('\t').append(t.string(f.funcId)).append(" @ 0x")
          .append(Long.toHexString(f.pc)).append("\n\t\t")
          .append(t.string(f.fileId)).append(':')
          .append(Long.toUnsignedString(f.line)).append('\n');
    }
  }

  /** %q: Go's quoting, which is valid UTF-8, appended as its bytes. */
  private static void quote(StringBuilder s, String byteString) {
    s.append(ByteStrings.ofText(GoQuote.quote(ByteStrings.bytes(byteString))));
  }

  private static void value(StringBuilder s, long v) {
    s.append("Value{Uint64(").append(Long.toUnsignedString(v)).append(")}");
  }
}
