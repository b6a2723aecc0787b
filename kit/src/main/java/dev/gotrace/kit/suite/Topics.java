package dev.gotrace.kit.suite;

import dev.gotrace.kit.events.GoVerdict;
import dev.gotrace.semantic.TraceValidationException;
import dev.gotrace.spec.EventType;
import java.util.List;
import java.util.Set;

/**
 * The topic a case is filed under: for an invalid case, the layer that rejects it (and for the
 * state machines, the kind of event at fault); for a valid one, the most specific feature it
 * exercises. Real traces exercise everything and are filed as {@value #REAL_TRACES}.
 */
final class Topics {
  static final String REAL_TRACES = "real-traces";
  static final List<String> ALL = List.of("framing", "generations", "tables", "panics",
      "experiments", "tasks-regions", "syscalls", "gc", "scheduling", REAL_TRACES);

  private Topics() {}

  static String of(CaseSource source, GoVerdict v) {
    TraceValidationException e = v.error();
    if (e == null) {
      return source == CaseSource.CORPUS ? REAL_TRACES : ofTypes(v.wireTypes(), v.syncs());
    }
    if (v.version() == null) {
      return "framing";
    }
    switch (e.stage()) {
      case FRAMING:
      case EVENT_DECODING:
        return "framing";
      case GENERATION:
        return "generations";
      case TABLE_IDS:
        return "tables";
      case PANIC:
        return "panics";
      default:
        EventType t = e.position().eventType();
        return t == null ? "scheduling" : ofTypes(Set.of(t), 0);
    }
  }

  private static String ofTypes(Set<EventType> types, int syncs) {
    if (types.stream().anyMatch(EventType::isExperimental)) {
      return "experiments";
    }
    if (types.stream().anyMatch(t -> t.goName().startsWith("User"))) {
      return "tasks-regions";
    }
    if (types.stream().anyMatch(t -> t.goName().contains("Syscall") || t == EventType.PROC_STEAL)) {
      return "syscalls";
    }
    if (types.stream().anyMatch(t -> t.goName().startsWith("GC") || t.goName().startsWith("STW"))) {
      return "gc";
    }
    if (syncs > 2) {
      return "generations";
    }
    return "scheduling";
  }
}
