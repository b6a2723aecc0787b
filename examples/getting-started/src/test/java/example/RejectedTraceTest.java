package example;

import static com.google.common.truth.Truth.assertThat;
import static dev.gotrace.testing.truth.TraceTruth.assertThatParsed;

import dev.gotrace.GoTraces;
import dev.gotrace.Problem;
import dev.gotrace.fixtures.dsl.TraceDsl;
import dev.gotrace.semantic.TraceValidationException.Stage;
import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import org.junit.jupiter.api.Test;

/** A trace broken on purpose, and what Go's parser (and gotrace's validator) say about it. */
class RejectedTraceTest {
  /** G1 runs on M0; M1 writes a GoStart for G1 anyway. */
  static byte[] startsARunningGoroutine() {
    TraceDsl t = GoTraces.dsl(TraceVersion.GO_1_26);
    t.thread(0).holding(t.proc(0)).running(1);
    t.thread(1).holding(t.proc(1)).rawEvent(EventType.GO_START, 1, 1);
    return t.bytes();
  }

  @Test
  void theVerdictSaysWhereAndWhy() {
    Problem p = GoTraces.validate(startsARunningGoroutine()).problem().orElseThrow();
    assertThat(p.stage()).isEqualTo(Stage.ORDERING);
    assertThat(p.goMessage()).startsWith("broken trace: failed to advance");
    assertThat(p.position().eventType()).isEqualTo(EventType.GO_START);
  }

  @Test
  void theSubjectSaysTheSame() {
    assertThatParsed(startsARunningGoroutine()).isRejected();
    assertThatParsed(startsARunningGoroutine())
        .isRejectedWith(Stage.ORDERING, "failed to advance");
    assertThatParsed(startsARunningGoroutine()).rejection().isAtEvent(EventType.GO_START);
    assertThatParsed(startsARunningGoroutine()).rejection().isInGeneration(1);
  }
}
