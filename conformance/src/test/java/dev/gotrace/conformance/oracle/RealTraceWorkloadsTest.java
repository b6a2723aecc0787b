package dev.gotrace.conformance.oracle;

import static com.google.common.truth.Truth.assertWithMessage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The workloads make the traces they are for. The comparisons with Go are only as good as the
 * traces they run on, so a runtime or program change that stops a workload from producing its
 * events must fail here rather than quietly shrink the coverage. What is checked ({@link
 * WorkloadExpectations}) is what each program guarantees on any machine, however loaded;
 * {@code conformance/stress.sh} checks that on a busy one.
 */
class RealTraceWorkloadsTest {
  @ParameterizedTest
  @EnumSource(TraceProgram.class)
  void traceHoldsTheEventsItsProgramIsFor(TraceProgram program) {
    RealTrace trace = RealTraces.of(program);
    assertWithMessage("what the %s trace (%s) must hold", program, trace)
        .that(WorkloadExpectations.unmet(program, WireCensus.of(trace.bytes()))).isEmpty();
  }
}
