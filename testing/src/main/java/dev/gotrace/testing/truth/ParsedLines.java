package dev.gotrace.testing.truth;

import dev.gotrace.semantic.ParsedEvent;
import java.util.List;

/**
 * Renders a slice of the validator's events for a failure message, one event per line as {@code go
 * tool trace -d=parsed} prints it (strings shown by value), stacks left out so that a slice stays a
 * few lines. Long slices keep their head and say how many more there were.
 */
final class ParsedLines {
  /** At most this many events per fact. */
  static final int SHOWN = 12;

  private ParsedLines() {}

  /** The events, or "(none)". */
  static String of(List<ParsedEvent> events) {
    if (events.isEmpty()) {
      return "(none)";
    }
    StringBuilder s = new StringBuilder();
    int n = Math.min(SHOWN, events.size());
    for (int i = 0; i < n; i++) {
      s.append(i == 0 ? "" : "\n").append(line(events.get(i)));
    }
    if (events.size() > n) {
      s.append("\n… ").append(events.size() - n).append(" more");
    }
    return s.toString();
  }

  /** The last {@link #SHOWN} events. */
  static String tail(List<ParsedEvent> events) {
    if (events.size() <= SHOWN) {
      return of(events);
    }
    List<ParsedEvent> last = events.subList(events.size() - SHOWN, events.size());
    return "… " + (events.size() - SHOWN) + " earlier\n" + of(last);
  }

  /** One event on one line: Go's {@code Event.String()} up to its stack. */
  static String line(ParsedEvent e) {
    String s = e.toString();
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
