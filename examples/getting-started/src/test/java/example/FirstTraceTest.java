package example;

import static com.google.common.truth.Truth.assertThat;
import static dev.gotrace.semantic.GoState.RUNNABLE;
import static dev.gotrace.semantic.GoState.RUNNING;
import static dev.gotrace.semantic.GoState.WAITING;
import static dev.gotrace.testing.truth.TraceTruth.assertThatParsed;

import dev.gotrace.GoTraces;
import dev.gotrace.Verdict;
import dev.gotrace.fixtures.dsl.Goroutine;
import dev.gotrace.fixtures.dsl.Reasons;
import dev.gotrace.fixtures.dsl.TraceDsl;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.wire.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The getting-started page (docs/TESTING.md), step by step: build, judge, write, read. */
class FirstTraceTest {
  @TempDir Path dir;

  /** G1 starts G7 and waits on a channel; G7 runs, wakes G1 and exits. */
  static TraceDsl handoff(TraceVersion version) {
    TraceDsl t = GoTraces.dsl(version);
    Goroutine main = t.thread(0).holding(t.proc(0)).running(1);
    Goroutine worker = main.create(7);
    main.block(Reasons.CHAN_RECEIVE);
    t.thread(0).run(worker);
    worker.unblock(main).exit();
    return t;
  }

  @Test
  void aDslTrace_isValid_andTellsItsStory() {
    TraceDsl t = handoff(TraceVersion.GO_1_26);
    Verdict v = GoTraces.validate(t.bytes());
    assertThat(v.isValid()).isTrue();
    assertThatParsed(t).isValid();
    assertThatParsed(t).goroutine(1).wentThrough(RUNNING, WAITING, RUNNABLE);
    assertThatParsed(t).goroutine(1).blockedOn(Reasons.CHAN_RECEIVE);
  }

  @Test
  void writeThenRead_givesTheSameTrace() throws Exception {
    Path file = dir.resolve("handoff.trace");
    Trace built = handoff(TraceVersion.GO_1_23).build();
    GoTraces.write(built, file);
    assertThat(GoTraces.read(file)).isEqualTo(built);
    assertThat(GoTraces.validate(file).isValid()).isTrue();
    assertThat(Files.size(file)).isGreaterThan(16L);
  }
}
