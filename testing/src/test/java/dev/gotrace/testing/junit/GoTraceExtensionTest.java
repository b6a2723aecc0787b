package dev.gotrace.testing.junit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.gotrace.GoTraces;
import dev.gotrace.fixtures.dsl.Reasons;
import dev.gotrace.fixtures.dsl.TraceDsl;
import dev.gotrace.spec.EventType;
import dev.gotrace.spec.TraceVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs sample test classes (nested here; Maven's default excludes keep it from running them
 * itself) through the extension with JUnit's test kit, and checks what happened.
 */
final class GoTraceExtensionTest {
  @TempDir Path dir;

  static final List<String> seen = new ArrayList<>();

  private EngineExecutionResults run(Class<?> samples, Map<String, String> config) {
    seen.clear();
    var kit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(samples))
        .configurationParameter(GoTraceExtension.TRACES_DIR, dir.toString());
    for (var e : config.entrySet()) {
      kit = kit.configurationParameter(e.getKey(), e.getValue());
    }
    return kit.execute();
  }

  private static List<Throwable> failures(EngineExecutionResults r) {
    return r.testEvents().failed().stream()
        .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
            .getThrowable().orElseThrow())
        .collect(Collectors.toList());
  }

  private static String names(EngineExecutionResults r) {
    return r.testEvents().started().stream().map(Event::getTestDescriptor)
        .map(d -> d.getDisplayName()).collect(Collectors.joining(", "));
  }

  // ---- Samples. ----

  static final class EveryVersion {
    @GoTraceTest
    void each(TraceDsl t, TraceVersion v) {
      seen.add(v + "/" + t.version());
    }

    @GoTraceTest(since = TraceVersion.GO_1_25)
    void recent(TraceVersion v) {
      seen.add("recent " + v);
    }

    @GoTraceTest(versions = {TraceVersion.GO_1_22, TraceVersion.GO_1_26})
    void named(TraceVersion v) {
      seen.add("named " + v);
    }
  }

  static final class Failing {
    @GoTraceTest(versions = {TraceVersion.GO_1_22, TraceVersion.GO_1_26})
    void blocks(TraceDsl t) {
      t.thread(0).holding(t.proc(0)).running(1).block(Reasons.SELECT);
      throw new AssertionError("on purpose");
    }
  }

  static final class GoRejects {
    /** Passes its own checks, but GoStart for a running goroutine breaks the trace. */
    @GoTraceTest(versions = TraceVersion.GO_1_26)
    void startsARunningGoroutine(TraceDsl t) {
      t.thread(0).holding(t.proc(0)).running(1);
      t.thread(1).holding(t.proc(1)).rawEvent(EventType.GO_START, 1, 1);
    }
  }

  static final class GoAccepts {
    @GoTraceTest(versions = TraceVersion.GO_1_23)
    void blocks(TraceDsl t) {
      t.thread(0).holding(t.proc(0)).running(1).block(Reasons.SELECT);
    }
  }

  @ExtendWith(GoTraceExtension.class)
  static final class Plain {
    @Test
    void latest(TraceDsl t) {
      seen.add("plain " + t.version());
    }
  }

  // ---- Tests. ----

  @Test
  void aGoTraceTest_runsOncePerVersion_withADslOfThatVersion() {
    EngineExecutionResults r = run(EveryVersion.class, Map.of(GoTraceExtension.GO_CHECK, "off"));
    r.testEvents().assertStatistics(s -> s.started(8).succeeded(8));
    assertThat(seen).containsAtLeast("GO_1_22/GO_1_22", "GO_1_23/GO_1_23", "GO_1_25/GO_1_25",
        "GO_1_26/GO_1_26", "recent GO_1_25", "recent GO_1_26", "named GO_1_22", "named GO_1_26");
    assertThat(seen).hasSize(8);
    assertThat(names(r)).contains("go 1.22, go 1.23, go 1.25, go 1.26");
  }

  @Test
  void aPlainTest_getsTheLatestVersion() {
    run(Plain.class, Map.of(GoTraceExtension.GO_CHECK, "off")).testEvents()
        .assertStatistics(s -> s.succeeded(1));
    assertThat(seen).containsExactly("plain GO_1_26");
  }

  @Test
  void aFailingRun_keepsItsTrace_andSaysHowToOpenIt() throws Exception {
    EngineExecutionResults r = run(Failing.class, Map.of());
    r.testEvents().assertStatistics(s -> s.started(2).failed(2));
    List<Throwable> failures = failures(r);
    for (String v : List.of("go1.22", "go1.26")) {
      Path file = dir.resolve("Failing.blocks-" + v + ".trace").toAbsolutePath();
      assertThat(Files.exists(file)).isTrue();
      assertThat(GoTraces.validate(Files.readAllBytes(file)).isValid()).isTrue();
      String notes = failures.stream().flatMap(f -> Stream.of(f.getSuppressed()))
          .map(Throwable::getMessage).collect(Collectors.joining("\n"));
      assertThat(notes).contains("the failing test's trace: " + file
          + "\n  open it with: go tool trace " + file);
    }
    assertThat(failures.get(0)).hasMessageThat().isEqualTo("on purpose");
  }

  @Test
  void goRequired_aTraceGoRejects_failsThePassingTest_withGosMessage() {
    EngineExecutionResults r = run(GoRejects.class,
        Map.of(GoTraceExtension.GO_CHECK, "required"));
    r.testEvents().assertStatistics(s -> s.failed(1));
    Path file = dir.resolve("GoRejects.startsARunningGoroutine-go1.26.trace").toAbsolutePath();
    assertThat(failures(r).get(0)).hasMessageThat().startsWith(
        "Go's parser rejects the trace the test built (go 1.26): ");
    assertThat(failures(r).get(0)).hasMessageThat().contains(
        "broken trace: failed to advance: frontier: [gen=1] M 1 [GoStart time=");
    assertThat(failures(r).get(0)).hasMessageThat().contains("go tool trace " + file);
    assertThat(Files.exists(file)).isTrue();
  }

  @Test
  void goRequired_aTraceGoAccepts_passes_andLeavesNothingBehind() throws Exception {
    run(GoAccepts.class, Map.of(GoTraceExtension.GO_CHECK, "required")).testEvents()
        .assertStatistics(s -> s.succeeded(1).failed(0));
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.count()).isEqualTo(0);
    }
  }

  @Test
  void goRequired_withoutGo_fails() {
    EngineExecutionResults r = run(GoAccepts.class, Map.of(GoTraceExtension.GO_CHECK,
        "required", GoTraceExtension.GO_COMMAND, "/nonexistent/go"));
    r.testEvents().assertStatistics(s -> s.failed(1));
    assertThat(failures(r).get(0)).hasMessageThat().startsWith(
        "gotrace.go.check=required, but Go's parser could not run: cannot run '/nonexistent/go'");
  }

  @Test
  void goAuto_withoutGo_passes() {
    run(GoAccepts.class, Map.of(GoTraceExtension.GO_COMMAND, "/nonexistent/go")).testEvents()
        .assertStatistics(s -> s.succeeded(1).failed(0));
  }
}
