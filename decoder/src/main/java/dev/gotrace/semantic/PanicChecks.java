package dev.gotrace.semantic;

import dev.gotrace.semantic.TraceValidationException.Stage;
import dev.gotrace.spec.EventType;
import java.util.Map;

/**
 * Events Go's parser delivers but cannot describe: calling the accessors that {@code
 * Event.String()} and Go's test validator call makes Go panic on them, so {@code go tool trace}
 * crashes instead of giving a verdict. gotrace rejects them with the reason.
 */
final class PanicChecks {
  private PanicChecks() {}

  /** The problem, or {@code null} if Go can describe the event. */
  static TraceValidationException check(ParsedEvent e) {
    if (e.type == ParsedEvent.SYNC) {
      if (e.tables != null) {
        for (Map.Entry<Integer, ?> b : e.tables.experimentalBatches().entrySet()) {
          int exp = b.getKey();
          if (exp >= 2) {
            return panic(e, "runtime error: index out of range [" + exp + "] with length 2",
                "an experimental batch names an experiment Go does not know",
                "experiment 1 (AllocFree)", "experiment " + exp);
          }
        }
      }
      return null;
    }
    EventType t = EventType.ofWire(e.type);
    switch (t) {
      case CPU_SAMPLE:
        if (!e.tables.hasStack(e.args[0])) {
          return panic(e, "expected id " + Long.toUnsignedString(e.args[0])
                  + " in trace.stack table",
              "CPU sample names a stack its generation does not define",
              "a stack id of the generation", "id " + Long.toUnsignedString(e.args[0]));
        }
        return null;
      case PROC_STATUS:
        if (Long.compareUnsigned(e.args[1], 4) > 0) {
          return panic(e, "runtime error: index out of range [" + Long.toUnsignedString(e.args[1])
                  + "] with length 5",
              "proc status out of range (Go narrows it to a byte to check it, then uses all of it)",
              "a status of 1 to 4", Long.toUnsignedString(e.args[1]));
        }
        return null;
      case STW_END:
        if (!e.tables.hasString(e.args[0])) {
          return panic(e, "expected id " + Long.toUnsignedString(e.args[0]) + " in string table",
              "the stop-the-world kind of the matching STWBegin is not a string of this generation",
              "the kind's string id defined in this generation too",
              "id " + Long.toUnsignedString(e.args[0]));
        }
        return null;
      default:
        return null;
    }
  }

  private static TraceValidationException panic(ParsedEvent e, String go, String problem,
      String expected, String found) {
    return Problems.of(Stage.PANIC, e.position(), SemanticReader.contextOf(e), go,
        problem + "; Go panics here", expected, found);
  }
}
