package dev.gotrace.conformance.oracle;

import dev.gotrace.spec.EventType;
import dev.gotrace.spec.FormatLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the trace of each {@link TraceProgram} must hold, in one place for {@link
 * RealTraceWorkloadsTest} (one trace of each) and {@link RealTracesUnderLoadTest} (many, on a busy
 * machine). Each expectation is one the program guarantees by how it runs (an explicit collection
 * that sweeps, waiting for generations to pass, a CPU-time budget), not one that holds when the
 * machine happens to be fast.
 */
final class WorkloadExpectations {
  /** The EndOfGeneration records the generations program guarantees (it waits for seven). */
  static final long MIN_GENERATION_ENDS = 5;

  private WorkloadExpectations() {}

  /** Every expectation the trace misses, described; empty when it holds all. */
  static List<String> unmet(TraceProgram program, WireCensus census) {
    List<String> out = new ArrayList<>();
    for (EventType t : program.signature()) {
      if (census.count(t) == 0) {
        out.add("no " + t.goName() + " events in the " + program + " trace");
      }
    }
    switch (program) {
      case ANNOTATIONS:
        annotations(census, out);
        break;
      case ALLOC_FREE:
        if (census.experiments().isEmpty()) {
          out.add("no ExperimentalBatch in the ALLOC_FREE trace");
        }
        for (int experiment : census.experiments()) {
          if (experiment == 0 || experiment == 2 || experiment == 3) {
            out.add("ExperimentalBatch of experiment " + experiment + " in the ALLOC_FREE trace");
          }
        }
        break;
      case GENERATIONS:
        long ends = census.count(EventType.END_OF_GENERATION);
        if (ends < MIN_GENERATION_ENDS) {
          out.add(ends + " EndOfGeneration records in the GENERATIONS trace, want at least "
              + MIN_GENERATION_ENDS);
        }
        break;
      default:
        break;
    }
    return out;
  }

  /** The strings that need Go quoting arrive as written; the 1500-byte log arrives cut. */
  private static void annotations(WireCensus census, List<String> out) {
    for (String s : List.of("日本語のタスク",
        "tab\tnewline\ncarriage\rnul\u0000bell\u0007esc\u001b del\u007f")) {
      if (!census.hasString(s)) {
        out.add("no string " + s.replace("\n", "\\n") + " in the ANNOTATIONS trace");
      }
    }
    byte[] invalidUtf8 = "invalid utf8 \u00ff".getBytes(StandardCharsets.ISO_8859_1);
    boolean found = census.strings().stream().anyMatch(s -> s.length >= invalidUtf8.length
        && Arrays.equals(s, 0, invalidUtf8.length, invalidUtf8, 0, invalidUtf8.length));
    if (!found) {
      out.add("no string holding the byte 0xff in the ANNOTATIONS trace");
    }
    int longest = census.strings().stream().mapToInt(s -> s.length).max().orElse(0);
    if (longest != FormatLimits.MAX_STRING_LENGTH) {
      out.add("longest string " + longest + " bytes, want the runtime's limit "
          + FormatLimits.MAX_STRING_LENGTH);
    }
  }
}
