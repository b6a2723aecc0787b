package dev.gotrace.conformance.oracle;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.gotrace.spec.EventType;
import dev.gotrace.spec.FormatLimits;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The workloads make the traces they are for. The comparisons with Go are only as good as the
 * traces they run on, so a runtime or program change that stops a workload from producing its
 * events must fail here rather than quietly shrink the coverage.
 */
class RealTraceWorkloadsTest {
  @ParameterizedTest
  @EnumSource(TraceProgram.class)
  void traceHoldsTheEventsItsProgramIsFor(TraceProgram program) {
    WireCensus census = WireCensus.of(RealTraces.of(program).bytes());
    for (EventType t : program.signature()) {
      assertWithMessage("%s events in the %s trace", t.goName(), program)
          .that(census.count(t)).isGreaterThan(0L);
    }
  }

  @Test
  void annotationStringsNeedGoQuoting() {
    WireCensus census = WireCensus.of(RealTraces.of(TraceProgram.ANNOTATIONS).bytes());
    assertThat(census.hasString("日本語のタスク")).isTrue();
    assertThat(census.hasString("tab\tnewline\ncarriage\rnul\u0000bell\u0007esc\u001b del\u007f"))
        .isTrue();
    byte[] invalidUtf8 = "invalid utf8 \u00ff".getBytes(StandardCharsets.ISO_8859_1);
    boolean found = census.strings().stream().anyMatch(s -> s.length >= invalidUtf8.length
        && Arrays.equals(s, 0, invalidUtf8.length, invalidUtf8, 0, invalidUtf8.length));
    assertWithMessage("a string holding the byte 0xff").that(found).isTrue();
    // The runtime cuts strings at the format's limit: the 1500-byte log message arrives cut.
    assertThat(census.strings().stream().mapToInt(s -> s.length).max().getAsInt())
        .isEqualTo(FormatLimits.MAX_STRING_LENGTH);
  }

  @Test
  void allocFreeBatchesBelongToTheAllocFreeExperiment() {
    WireCensus census = WireCensus.of(RealTraces.of(TraceProgram.ALLOC_FREE).bytes());
    assertThat(census.experiments()).isNotEmpty();
    assertThat(census.experiments()).containsNoneOf(0, 2, 3);
  }

  @Test
  void generationsTraceSpansManyGenerations() {
    WireCensus census = WireCensus.of(RealTraces.of(TraceProgram.GENERATIONS).bytes());
    assertThat(census.count(EventType.END_OF_GENERATION)).isAtLeast(5L);
  }
}
